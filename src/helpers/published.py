"""One rule for publication dates, for the loader, the manifest and ``extract_milestones`` alike.

A publication date anchors every relative expression (أمس، الجمعة، العام المقبل), so a misread one
silently shifts a whole article's timeline. Only unambiguous values are accepted: an ISO date
(``2024-09-28``, optionally with an ISO time after it; invisible direction marks around or inside it are
dropped) or a date-like object; missing values are
None; anything else (``20240928``, ``2024-13-01``, ``28/09/2024``, ``yesterday``) raises a
``ValueError`` that names the value, never a guess (day-first or month-first). A date that parses but is
unlikely for a news article (after tomorrow, before 1900: a typo, or a Hijri date written as ISO,
``1446-03-15``) is kept; ``doubtful_published`` says why, for the load report's warning.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .normalize import BIDI_MAP

__all__ = ["EARLIEST_YEAR", "doubtful_published", "parse_published"]

EARLIEST_YEAR = 1900  # earlier publication dates are warned about: Hijri years (1446) read as Gregorian
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?")


def parse_published(value) -> dt.date | None:
    """The publication date in ``value`` as a ``datetime.date``; None when it is missing.

    Accepted: ``datetime.date``/``datetime.datetime``/``pandas.Timestamp``/``numpy.datetime64``
    objects and ISO strings ``YYYY-MM-DD`` (an ISO time may follow: ``2024-09-28T10:00:00Z``).
    Missing: None, ``""`` (or blanks), NaN, NaT, ``pd.NA``. Anything else raises ``ValueError``.
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).date()
    if isinstance(value, float | np.floating) and np.isnan(value):
        return None
    raise ValueError(f"publication date {value!r} ({type(value).__name__}) is not a date: "
                     "give an ISO date (YYYY-MM-DD) or a date object")


@lru_cache(maxsize=4096)
def _from_text(value: str) -> dt.date | None:
    text = value.translate(BIDI_MAP).strip()  # marks nobody sees, copied with the date from a right-to-left page
    if not text:
        return None
    match = _ISO.fullmatch(text)
    if match:
        try:
            day = dt.date(*map(int, match.groups()))
            if len(text) > 10:  # the time must be a valid ISO time too
                dt.datetime.fromisoformat(text)
            return day
        except ValueError:
            pass
    raise ValueError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD)")


def doubtful_published(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``day``, a valid publication date, is unlikely for a news article, or None: later than tomorrow
    (a time zone ahead can make tomorrow today) or before ``EARLIEST_YEAR`` (a Hijri date written as ISO)."""
    today = today or dt.date.today()
    if day > today + dt.timedelta(days=1):
        return "in the future (after tomorrow)"
    if day.year < EARLIEST_YEAR:
        return f"before {EARLIEST_YEAR} (a Hijri date written as ISO?)"
    return None
