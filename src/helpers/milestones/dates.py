"""Calendar arithmetic for the resolvers: valid dates, month spans, the year of a yearless date.

Pure functions of dates and numbers (cached: the same few months and years recur in every article),
Gregorian through ``datetime`` and Hijri through ``hijridate``. The rules that choose among them (a
yearless date in a past report is the last one before publication…) are the resolvers'.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import pandas as pd
from hijridate import Gregorian, Hijri

__all__ = [
    "add_months", "hijri_to_date", "hijri_year_for_month", "last_day", "month_span", "nearest_year",
    "shift", "timestamp", "valid_date", "weekday_date", "year_by_tense", "year_of_next_or_last",
]


@lru_cache(maxsize=4096)
def valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


@lru_cache(maxsize=4096)
def month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, last_day(y, m))


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, last_day(y, m + 1)))


@lru_cache(maxsize=4096)
def nearest_year(published: dt.date, month: int, day: int = 15, last: int = 15) -> int:
    """The year that puts ``day month`` closest to the publication date (a yearless date), among
    the years that have day ``last`` (29 فبراير only in a leap year)."""
    def distance(y: int) -> tuple[bool, int]:
        d = valid_date(y, month, min(day, last_day(y, month))) if 1 <= y <= 9999 else None
        if d is None:  # beyond the calendar (published in 9999)
            return True, 1 << 30
        return last > last_day(y, month), abs((d - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def year_of_next_or_last(year: int, when, now, step: int) -> int:
    """The year of the next (``step`` > 0) or last (< 0) ``when`` (a month, or (month, day)) seen from
    ``now`` in ``year``, one year further for each step beyond one; ``year`` itself for 0 (الجاري)."""
    if step > 0:
        return (year if when > now else year + 1) + step - 1
    if step < 0:
        return (year if when < now else year - 1) + step + 1
    return year


@lru_cache(maxsize=4096)
def year_by_tense(published: dt.date, month: int, day: int | None, last: int | None, future: bool) -> int:
    """The year of a yearless ``day month`` (or month): in a past-tense clause the last one on or before
    publication, in a scheduled one the next one on or after it; among the years that have day ``last``
    (29 فبراير only in a leap year)."""
    now = (published.month, published.day if day else 0)
    if future:
        year, step = (published.year if (month, last or 0) >= now else published.year + 1), 1
    else:
        year, step = (published.year if (month, day or 0) <= now else published.year - 1), -1
    for _ in range(8):  # a leap year is at most 8 years away; «31 فبراير» has none
        if not last or last <= last_day(year, month):
            return year
        year += step
    return year


@lru_cache(maxsize=4096)
def hijri_to_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def hijri_year_for_month(published: dt.date, month: int, step: int) -> int:
    """The Hijri year of the next (``step`` 1), last (-1) or current (0) Hijri ``month`` seen from
    ``published``; ±2 (بعد المقبل، قبل الماضي) one further."""
    today = Gregorian(published.year, published.month, published.day).to_hijri()
    return year_of_next_or_last(today.year, month, today.month, step)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    return add_months(d, n * (12 if unit == "year" else 1))


def weekday_date(published: dt.date, weekday: int, step: int, inclusive: bool = False) -> dt.date | None:
    """The next (``step`` > 0) or last (< 0) such weekday after/before ``published``, a week further
    for each step beyond one; None for ``step`` 0 (a weekday «الجاري» names no day). ``inclusive``
    (a weekday alone, without المقبل/الماضي) counts the publication day itself: a report published
    on a Friday that says «أقر التحالف الجمعة» means that Friday."""
    if step > 0:
        days = (weekday - published.weekday()) % 7 if inclusive else (weekday - published.weekday() - 1) % 7 + 1
        return published + dt.timedelta(days=days, weeks=step - 1)
    if step < 0:
        days = (published.weekday() - weekday) % 7 if inclusive else (published.weekday() - weekday - 1) % 7 + 1
        return published - dt.timedelta(days=days, weeks=-step - 1)
    return None


@lru_cache(maxsize=4096)
def timestamp(d: dt.date | None) -> pd.Timestamp:
    return pd.Timestamp(d) if d is not None else pd.NaT
