"""Time axes labelled in Arabic, with the same text in matplotlib and plotly.

``date_ticks(start, end)`` picks the ticks (matplotlib's ``AutoDateLocator``) and writes their labels: years
(«2025»), months («سبتمبر 2025», then «أكتوبر»…, the year again where it changes) or days («30 سبتمبر 2025»),
month names from the calendar tables (``data/calendar/months.csv``, one region's names: «سبتمبر» in Egypt,
«أيلول» in the Levant), Western or Arabic-Indic digits. Both chart libraries take its list as it is, so a
label reads the same on a slide and in the browser.
"""

from __future__ import annotations

import csv
import functools
import itertools

import pandas as pd

from .. import rtl
from ..paths import data_path

__all__ = ["DIGITS", "date_ticks", "month_names"]

DIGITS = ("western", "arabic")
_MIN_SPAN = pd.Timedelta(days=30)  # a shorter range (one date) is widened: hour ticks say nothing here


@functools.cache
def _months_table(path: str) -> dict[str, dict[int, str]]:
    """Region -> month number -> the first Gregorian name listed for it; bad rows are named."""
    names: dict[str, dict[int, str]] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name", "calendar", "month", "region"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: no column {', '.join(sorted(missing))}")
        for row in reader:
            if row["calendar"] != "gregorian":
                continue
            month = row["month"].strip()
            if not month.isdigit() or not 1 <= int(month) <= 12 or not row["name"].strip():
                raise ValueError(f"{path}, line {reader.line_num}: month {month!r} with name {row['name']!r}; "
                                 "expected a name and a month 1-12")
            names.setdefault(row["region"].strip(), {}).setdefault(int(month), row["name"].strip())
    return names


def month_names(region: str = "egypt") -> tuple[str, ...]:
    """The twelve Gregorian month names of one region of the calendar table (January first); a month the region
    does not list (the Maghreb writes «مارس» like Egypt) takes the first name the table gives it."""
    path = data_path("calendar") / "months.csv"
    table = _months_table(str(path))
    if region not in table:
        raise ValueError(f"no region {region!r} in {path}; regions: {', '.join(sorted(table))}")
    first: dict[int, str] = {}
    for names in table.values():
        for month, name in names.items():
            first.setdefault(month, name)
    absent = [m for m in range(1, 13) if m not in first]
    if absent:
        raise ValueError(f"{path}: no Gregorian name for month {', '.join(map(str, absent))}")
    return tuple(table[region].get(m, first[m]) for m in range(1, 13))


def date_ticks(start, end, *, region: str = "egypt", digits: str = "western",
               max_ticks: int = 8) -> list[tuple[pd.Timestamp, str]]:
    """Tick dates between ``start`` and ``end`` and their Arabic labels, in order: what both matplotlib
    (``set_xticks``) and plotly (``tickvals``/``ticktext``) are given."""
    import matplotlib.dates as mdates

    if digits not in DIGITS:
        raise ValueError(f"digits must be one of {DIGITS}, not {digits!r}")
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    if hi - lo < _MIN_SPAN:
        middle = lo + (hi - lo) / 2
        lo, hi = middle - _MIN_SPAN / 2, middle + _MIN_SPAN / 2
    locator = mdates.AutoDateLocator(minticks=3, maxticks=max_ticks)
    ticks = [pd.Timestamp(mdates.num2date(value)).tz_localize(None)
             for value in locator.tick_values(lo.to_pydatetime(), hi.to_pydatetime())]
    ticks = [tick for tick in ticks if lo <= tick <= hi]
    if not ticks:
        return []
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    step = min(gaps) if gaps else hi - lo
    months = month_names(region)
    labels, year = [], None
    for tick in ticks:
        if step >= pd.Timedelta(days=360):
            label = str(tick.year)
        else:
            label = months[tick.month - 1] if step >= pd.Timedelta(days=28) else f"{tick.day} {months[tick.month - 1]}"
            if tick.year != year:
                label += f" {tick.year}"
        year = tick.year
        labels.append(rtl.arabic_digits(label) if digits == "arabic" else label)
    return list(zip(ticks, labels))


def _region(arabic_dates: bool | str) -> str | None:
    """``arabic_dates`` of a chart: False (ISO-like labels), True (the Egyptian month names) or a region."""
    if arabic_dates is True:
        return "egypt"
    return arabic_dates or None


def set_matplotlib_ticks(ax, start, end, arabic_dates: bool | str, digits: str = "western",
                         max_ticks: int = 8) -> None:
    """Put ``date_ticks`` on a matplotlib date x axis (labels through ``rtl.ar``), widening it to the ticks."""
    import matplotlib.dates as mdates

    ticks = date_ticks(start, end, region=_region(arabic_dates), digits=digits, max_ticks=max_ticks)
    if not ticks:
        return
    low, high = ax.get_xlim()
    first, last = mdates.date2num(ticks[0][0]), mdates.date2num(ticks[-1][0])
    ax.set_xlim(min(low, first), max(high, last))
    ax.set_xticks([mdates.date2num(tick) for tick, _ in ticks], [rtl.ar(label) for _, label in ticks])


def plotly_date_axis(start, end, arabic_dates: bool | str, digits: str = "western", max_ticks: int = 8) -> dict:
    """A plotly ``xaxis`` of type date; with ``arabic_dates``, the ticks and labels of ``date_ticks``
    (each label isolated right-to-left, as ``rtl.ar`` gives matplotlib)."""
    axis = {"type": "date"}
    if _region(arabic_dates):
        ticks = date_ticks(start, end, region=_region(arabic_dates), digits=digits, max_ticks=max_ticks)
        axis.update(tickmode="array", tickvals=[tick.strftime("%Y-%m-%d") for tick, _ in ticks],
                    ticktext=[rtl.isolate(label) for _, label in ticks])
    return axis
