"""The resolvers: one a form, turning the groups of a match into start and end dates (``RESOLVERS``).

Following ``data/eval/dev/README.md`` and, for real news, ``../shared/eval/real/README.md``: a
relative expression is read against the publication date only (no date, no dates: ``resolved``
False); a pair «A و B» is one range after بين/من/يومي or for neighbours, else two milestones; a date
beyond the calendars is kept unresolved with a ``MilestoneWarning``. Choices beyond the README, each a
row of a table where it is a word list: أوائل/أواسط/أواخر <month> are days 1-10/11-20/21-last; منتصف
<month> the 15th and منتصف <year> 1 July; quarters, halves and seasons of a year are month ranges.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable
from itertools import pairwise

import pandas as pd
from hijridate import Hijri

from .dates import (
    add_months,
    hijri_to_date,
    hijri_year_for_month,
    last_day,
    month_span,
    shift,
    timestamp,
    valid_date,
    weekday_date,
    year_of_next_or_last,
)
from .grammar import FORM_PATTERNS, MONTH_NAMES, WEEKDAY_FORMS
from .groups import Groups, Hit, day_number, month_number, split_or_range, year_for_month
from .tense import future_before
from .vocabulary import (
    BARE_YEARS,
    DIRECTIONS,
    MONTHS,
    NUMBERS,
    PARTS,
    PERIODS,
    RELATIVE_DAYS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    word_key,
)

__all__ = [
    "BOUNDS", "RESOLVERS", "MilestoneWarning", "Resolved", "part_days", "part_year_span", "resolve_match", "unresolved",
]


def _full_date(g: Groups) -> Hit | None:
    month, day = month_number(g, "m"), day_number(g, "d")
    year, relative = year_for_month(g, month, day)
    if year is None:
        return Hit(None, None, "day", True) if 1 <= day <= 31 else None
    d = valid_date(year, month, day)
    if d is None and 1 <= day <= 31:  # «30 فبراير 2024», «31 أبريل»: a date, but no day of the calendar
        raise ValueError(f"month {month} has no day {day}" + (f" in {year}" if g["y"] else ""))
    if d is not None and g["wd"] and relative and not (g["ydir"] or g["dir"]) and g.narrative is None:
        d = _on_its_weekday(g, d, month, day)
    return Hit(d, d, "day", relative) if d else None


def _on_its_weekday(g: Groups, d: dt.date, month: int, day: int) -> dt.date:
    """A yearless date named with its weekday («الاثنين 8 مارس») falls on that weekday: when the year the
    tense gave does not, a year nearer to publication that does («التي تنتهي الاثنين 8 مارس» in a report of
    6 March 2021 is 2021, though the sentence opens in the past)."""
    weekday = WEEKDAYS[word_key(g["wd"])]
    p = g.published
    if d.weekday() == weekday or p is None:
        return d
    candidates = [c for c in (valid_date(y, month, day) for y in (p.year - 1, p.year, p.year + 1)) if c]
    # only nearer to publication: a news text may misname a weekday («الثلاثاء 25 أبريل» for a Wednesday in a
    # report of the day before), and the tense's year then stands
    matching = [c for c in candidates if c.weekday() == weekday and abs(c - p) < abs(d - p)]
    return min(matching, key=lambda c: abs(c - p)) if matching else d


_MIDDLE_DAY = re.compile(r"\d+")


def _increasing(days: list[int]) -> bool:
    return all(a < b for a, b in pairwise(days))


def _middle_days(g: Groups) -> list[tuple[int, tuple[int, int]]]:
    """(day, span) of each day between the first and the last of a list (15 و16 و17): none for a pair."""
    if not g["mid"]:
        return []
    offset = g.span("mid")[0]
    return [(int(m.group()), (offset + m.start(), offset + m.end())) for m in _MIDDLE_DAY.finditer(g["mid"])]


def _day_range(g: Groups) -> Hit | list[Hit] | None:
    month, d1, d2 = month_number(g, "m"), day_number(g, "d1"), day_number(g, "d2")
    year, relative = year_for_month(g, month, d1, d2)
    days = [d1, *(day for day, _ in _middle_days(g)), d2]
    if not all(1 <= day <= 31 for day in days):
        return None  # «45 و46 سبتمبر»: no days of a month
    if year is None:
        if _increasing(days):
            return Hit(None, None, "day", True, "range")
        return [Hit(None, None, "day", True, "date", span) for span in _day_spans(g)]
    dates = _dates_of(year, month, days)
    first, last = dates[0], dates[-1]
    if not _increasing(days):  # «في 16 و15 سبتمبر»: no range, the days as written, each kept
        return [Hit(d, d, "day", relative, "date", span) for d, span in zip(dates, _day_spans(g))]
    if g["mid"]:
        return _day_list(g, year, month, d1, d2, relative)
    return split_or_range(g, Hit(first, first, "day", relative, span=g.span("d1")),
                           Hit(last, last, "day", relative, span=g.span_from("d2")), g["conn1"], d2 - d1 == 1)


def _dates_of(year: int, month: int, days: list[int]) -> list[dt.date]:
    """The dates of ``days`` in the month; ``ValueError`` for a day the month does not have («15 و31 أبريل
    2025»): the whole milestone is kept unresolved with a warning (``unresolved``), as a lone «31 أبريل» is,
    never dropped."""
    dates = [valid_date(year, month, day) for day in days]
    for day, d in zip(days, dates):
        if d is None:
            raise ValueError(f"month {month} has no day {day} in {year}")
    return dates


def _day_spans(g: Groups) -> list[tuple[int, int]]:
    """The span of each day of a list or pair: the first and middle days' digits, the last day to the end."""
    return [g.span("d1"), *(span for _, span in _middle_days(g)), g.span_from("d2")]


def _day_list(g: Groups, year: int, month: int, d1: int, d2: int, relative: bool) -> Hit | list[Hit] | None:
    """``15 و16 و17 أبريل``: one range when the days follow each other or بين/من/يومي say so, else one
    date each (the middle ones are their digits alone, as the first is)."""
    middle = _middle_days(g)
    days = [d1, *(day for day, _ in middle), d2]
    if not _increasing(days):
        return None
    if g.is_range or all(b - a == 1 for a, b in pairwise(days)):
        return Hit(valid_date(year, month, d1), valid_date(year, month, d2), "day", relative, "range")
    spans = [g.span("d1"), *(span for _, span in middle), g.span_from("d2")]
    dates = [valid_date(year, month, day) for day in days]
    return [Hit(d, d, "day", relative, "date", span) for d, span in zip(dates, spans)]


def _day_range_cross(g: Groups) -> Hit | list[Hit] | None:
    m1, m2 = month_number(g, "m1"), month_number(g, "m2")
    d1, d2 = day_number(g, "d1"), day_number(g, "d2")
    year2, relative = year_for_month(g, m2, d2)
    if year2 is None:
        return Hit(None, None, "day", True, "range")
    year1 = int(g["y1"]) if g["y1"] else (year2 if m1 <= m2 else year2 - 1)
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    (first,), (last,) = _dates_of(year1, m1, [d1]), _dates_of(year2, m2, [d2])
    end_first = g.span("y1")[1] if g["y1"] else g.span("m1")[1]
    first_hit = Hit(first, first, "day", relative, span=(g.span("d1")[0], end_first))
    last_hit = Hit(last, last, "day", relative, span=g.span_from("d2"))
    if last <= first:  # «في 10 أكتوبر 2021 و12 مايو 2018»: two dates, each kept, not a range backwards
        return [first_hit._replace(kind="date"), last_hit._replace(kind="date")]
    return split_or_range(g, first_hit, last_hit, g["conn1"], False)


_LEVANTINE = {word_key(n) for n in MONTH_NAMES.loc[MONTH_NAMES.region == "levant", "name"]}


def _month(g: Groups) -> Hit | None:
    _calendar, month, bare_ok = MONTHS[word_key(g["m"])]
    second = g["m_alt"] or g["m_par"]
    bare = not (g["y"] or g["ydir"] or g["dir"])
    # a lone تموز or نيسان is a name: it needs في/منذ/حتى, or its twin (تموز/يوليو), or «شهر» before it
    if bare and not g.named and not ((bare_ok or second is not None) and g.bare_ok):
        return None
    year, relative = year_for_month(g, month)
    if year is None:
        return Hit(None, None, "month", True)
    month2 = MONTHS[word_key(second)][1] if second else month
    if g["m_alt"] and month2 != month:  # «سبتمبر/تشرين أول»: names that disagree, the Gregorian one wins
        month = month2 = month2 if word_key(g["m"]) in _LEVANTINE else month
        year, relative = year_for_month(g, month)
    year2 = year if month2 >= month else year + 1
    return Hit(month_span(year, month)[0], month_span(year2, month2)[1], "month", relative)


def _month_range(g: Groups) -> Hit | list[Hit] | None:
    m1, m2 = month_number(g, "m1"), month_number(g, "m2")
    year2, relative = year_for_month(g, m2)
    if year2 is None:
        return Hit(None, None, "month", True, "range")
    year1 = int(g["y1"]) if g["y1"] else (year2 if m1 <= m2 else year2 - 1)
    (first, end_first), (start_last, last) = month_span(year1, m1), month_span(year2, m2)
    end1 = g.span("y1")[1] if g["y1"] else g.span("m1")[1]
    first_hit = Hit(first, end_first, "month", relative, span=(g.span("m1")[0], end1))
    last_hit = Hit(start_last, last, "month", relative, span=g.span_from("m2"))
    if last <= first:  # «في مايو 2025 ومارس 2024»: two months, each kept, not a range backwards
        return [first_hit._replace(kind="date"), last_hit._replace(kind="date")]
    adjacent = (year2 * 12 + m2) - (year1 * 12 + m1) == 1
    return split_or_range(g, first_hit, last_hit, g["conn1"], adjacent)


def part_days(part, y: int, m: int) -> tuple[dt.date, dt.date]:
    def day(value: str) -> int:  # a day number, "last", or "last-6" (the last week starts there)
        if value.startswith("last"):
            return last_day(y, m) + int(value.removeprefix("last") or 0)
        return int(value)

    return dt.date(y, m, day(part.month_first)), dt.date(y, m, day(part.month_last))


def _part_of_month(g: Groups) -> Hit | None:
    part, month = PARTS[word_key(g["p"])], month_number(g, "m")
    if not part.month_first:  # الربع الأول applies to a year, not a month
        return None
    year, relative = year_for_month(g, month)
    if year is None:
        return Hit(None, None, part.month_precision, True)
    return Hit(*part_days(part, year, month), part.month_precision, relative)


def part_year_span(part, y: int) -> tuple[dt.date, dt.date]:
    (m1, d1), (m2, d2) = (map(int, part.year_first.split("-")), map(int, part.year_last.split("-")))
    return dt.date(y, m1, d1), dt.date(y, m2, d2)


def _part_of_year(g: Groups) -> Hit | None:
    part, year = PARTS[word_key(g["p"])], int(g["y"])
    if not g["pre"] and year not in BARE_YEARS:
        return None
    return Hit(*part_year_span(part, year), part.year_precision)


def _part_of_relative(g: Groups) -> Hit | None:
    part = PARTS[word_key(g["p"])]
    unit = PERIODS[word_key(g["per"] or g["this"])]
    if unit == "season":  # نهاية الصيف الماضي: no rule says which days
        return None
    if unit == "week":  # نهاية الأسبوع is the weekend of that week (Monday to Sunday): Saturday and Sunday
        return _weekend(g) if word_key(g["p"]) in _WEEK_ENDS else None
    if unit == "month" and not part.month_first:
        return None
    p = g.published
    precision = part.year_precision if unit == "year" else part.month_precision
    if p is None:
        return Hit(None, None, precision, True)
    step = DIRECTIONS[word_key(g["dir"])] if g["dir"] else 0
    if unit == "year":
        return Hit(*part_year_span(part, p.year + step), precision, True)
    first = add_months(p.replace(day=1), step)
    return Hit(*part_days(part, first.year, first.month), precision, True)


_WEEK_ENDS = {word_key("نهاية"), word_key("ختام")}


def _weekend(g: Groups) -> Hit:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5, weeks=DIRECTIONS[word_key(g["dir"])] if g["dir"]
                                                                     else 0)
    return Hit(saturday, saturday + dt.timedelta(days=1), "day", True)


def _year(g: Groups) -> Hit | None:
    year = int(g["y"])
    if not g["pre"] and not (g.bare_ok and year in BARE_YEARS) and not (g["label"] is not None and year in BARE_YEARS):
        return None  # "2500 عسكري": a bare number is a year only after في/منذ/حتى…, or as a timeline label
    return Hit(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _year_range(g: Groups) -> Hit | list[Hit] | None:
    y1, y2 = int(g["y1"]), int(g["y"])
    dash = g["conn1"].strip() != "و"
    if (g["pre"] or g.bare_ok) and y1 in BARE_YEARS and y2 not in BARE_YEARS and not dash:
        # «1500 في 2017 و2500 في 2016»: a year, then a count
        return Hit(dt.date(y1, 1, 1), dt.date(y1, 12, 31), "year", kind="date", span=g.span("y1"))
    if not (g["pre"] or g.bare_ok or g.is_range or dash) or not (y1 in BARE_YEARS and y2 in BARE_YEARS):
        return None  # "1200 و1500 جندي" are counts
    first = Hit(dt.date(y1, 1, 1), dt.date(y1, 12, 31), "year", kind="date", span=g.span("y1"))
    second = Hit(dt.date(y2, 1, 1), dt.date(y2, 12, 31), "year", kind="date", span=g.span("y"))
    if y2 <= y1:
        return [first, second]
    return split_or_range(g, first, second, g["conn1"], y2 - y1 == 1)


def _hijri_date(g: Groups) -> Hit | None:
    d = hijri_to_date(int(g["y"]), month_number(g, "m"), day_number(g, "d"))
    return Hit(d, d, "day") if d else None


def _hijri_month(g: Groups) -> Hit | None:
    m = month_number(g, "m")
    if g["y"]:
        y, relative = int(g["y"]), False
    elif g.published is None:
        return Hit(None, None, "month", True)
    else:  # رمضان المقبل / الماضي / الجاري: counted in Hijri years from the publication date
        y, relative = hijri_year_for_month(g.published, m, DIRECTIONS[word_key(g["dir"])]), True
    first = hijri_to_date(y, m, 1)
    if first is None:
        return None
    last = first + dt.timedelta(days=Hijri(y, m, 1).month_length() - 1)
    return Hit(first, last, "month", relative)


def _hijri_year(g: Groups) -> Hit | None:
    """A marked Hijri year (1445 هـ); beyond hijridate's range a ValueError, so it is kept unresolved."""
    y = int(g["y"])
    first, last_month = hijri_to_date(y, 1, 1), hijri_to_date(y, 12, 1)
    if first is None or last_month is None:
        raise ValueError(f"Hijri year {y} is beyond hijridate's range")
    return Hit(first, last_month + dt.timedelta(days=Hijri(y, 12, 1).month_length() - 1), "year")


def _numeric_date(g: Groups) -> Hit | None:
    if g["y"]:
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    else:
        y, m, d = int(g["iy"]), int(g["im"]), int(g["id"])
    if g["marker"] or 1300 <= y < 1500:
        day = hijri_to_date(y, m, d)
        return Hit(day, day, "day", kind="hijri") if day else None
    day = valid_date(y, m, d) if y >= 1000 else None
    return Hit(day, day, "day") if day else None


def _relative_span(g: Groups) -> Hit | None:
    unit_key = word_key(g["unit"] or g["unit2"] or g["dual"])
    unit, count = UNITS[unit_key if unit_key in UNITS else unit_key.removeprefix("ال")]
    number = g["n"] or g["n2"]
    n = count if g["dual"] else (int(number) if number.isdigit() else NUMBERS[word_key(number)])
    step = DIRECTIONS[word_key(g["dir"])]
    if not n or step != 1 or unit not in ("month", "year"):
        # only months or years ahead of publication are a period (الأشهر الستة المقبلة); the ones
        # behind (السنوات الثلاث الماضية) and days or weeks (الأسبوعين المقبلين) are durations
        return None
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    other = shift(p, unit, n * step)
    return Hit(min(p, other), max(p, other), "day", True)


def _relative_period(g: Groups) -> Hit | None:
    unit = PERIODS[word_key(g["per"] or g["this"])]
    step = DIRECTIONS[word_key(g["dir"])] if g["dir"] else 0
    p = g.published
    if unit == "season":
        return _season(g, step)
    precision = {"year": "year", "month": "month", "week": "day"}[unit]
    if p is None:
        return Hit(None, None, precision, True)
    if unit == "year":
        return Hit(dt.date(p.year + step, 1, 1), dt.date(p.year + step, 12, 31), "year", True)
    if unit == "month":
        first = add_months(p.replace(day=1), step)
        return Hit(*month_span(first.year, first.month), "month", True)
    monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=step)
    return Hit(monday, monday + dt.timedelta(days=6), "day", True)


def _season(g: Groups, step: int) -> Hit | None:
    """A season without a year, read like a month (real README): الصيف الماضي the last one over
    before publication, الصيف المقبل the next one not begun yet, هذا الصيف / الصيف الحالي the one of
    the publication year; its months are those of its row in parts.csv (صيف: June-August)."""
    p = g.published
    if p is None:
        return Hit(None, None, "month", True)
    part = SEASONS[word_key(g["per"] or g["this"])]
    m1, m2 = int(part.year_first.split("-")[0]), int(part.year_last.split("-")[0])
    if step < 0:
        year = year_of_next_or_last(p.year, m2, p.month, step)
    elif step > 0:
        year = year_of_next_or_last(p.year, m1, p.month, step)
    else:
        year = p.year
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    return Hit(*part_year_span(part, year), "month", True)


def _relative_day(g: Groups) -> Hit | None:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    d = p + dt.timedelta(days=RELATIVE_DAYS[word_key(g["word"])])
    return Hit(d, d, "day", True)


def _day_of_relative_month(g: Groups) -> Hit | None:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    first = add_months(p.replace(day=1), DIRECTIONS[word_key(g["dir"])] if g["dir"] else 0)
    d = valid_date(first.year, first.month, day_number(g, "d"))
    return Hit(d, d, "day", True) if d else None


def _weekday_step(g: Groups) -> int:
    """The direction of a weekday: its own word (المقبل، قبل الماضي), else the tense of the clause
    before it (``resolve_match`` reads it): the next such day after a future verb (ستعقد), the last one
    in a past report."""
    if g["dir"]:
        return DIRECTIONS[word_key(g["dir"])]
    return 1 if g.tense > 0 else -1


def _weekday_range(g: Groups) -> Hit | list[Hit] | None:
    """Two weekdays: in a past report the pair that ends on the last such second day (الخميس والجمعة
    on a Friday is last week's), else the pair that starts on the next such first day; one range when
    they follow each other or بين/من/يومي or a dash say so, else two days."""
    p = g.published
    if p is None:
        return Hit(None, None, "day", True, "range")
    wd1, wd2 = WEEKDAYS[word_key(g["wd"])], WEEKDAYS[word_key(g["wd2"])]
    step = _weekday_step(g)
    gap = dt.timedelta(days=(wd2 - wd1) % 7 or 7)
    inclusive = not g["dir"]
    if step < 0:
        second = weekday_date(p, wd2, step, inclusive)
        first = second - gap
    elif step > 0:
        first = weekday_date(p, wd1, step, inclusive)
        second = first + gap
    else:
        return None
    if g["conn1"].strip() != "و" or g.is_range or gap.days == 1:
        return Hit(first, second, "day", True, "range")
    return [Hit(first, first, "day", True, span=g.span("wd")), Hit(second, second, "day", True, span=g.span_from("wd2"))]


def _weekday(g: Groups) -> Hit | None:
    """A weekday alone: the last such day on or before publication in a past-tense report, the
    next one on or after it after a future verb in the clause; with الماضي/المقبل strictly before
    or after; a week further with قبل الماضي / بعد المقبل."""
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    d = weekday_date(p, WEEKDAYS[word_key(g["wd"])], _weekday_step(g), not g["dir"])
    return Hit(d, d, "day", True) if d else None


Resolver = Callable[[Groups], "Hit | list[Hit] | None"]
RESOLVERS: dict[str, tuple[str, Resolver]] = {  # form -> (kind, resolver)
    "hijri_date": ("hijri", _hijri_date),
    "hijri_month": ("hijri", _hijri_month),
    "hijri_year": ("hijri", _hijri_year),
    "numeric_date": ("date", _numeric_date),
    "day_range_cross": ("range", _day_range_cross),
    "day_range": ("range", _day_range),
    "day_of_relative_month": ("relative", _day_of_relative_month),
    "full_date": ("date", _full_date),
    "month_range_years": ("range", _month_range),
    "month_range": ("range", _month_range),
    "part_of_month": ("date", _part_of_month),
    "part_of_year": ("date", _part_of_year),
    "part_of_relative": ("relative", _part_of_relative),
    "month": ("date", _month),
    "year_range": ("range", _year_range),
    "year": ("date", _year),
    "relative_span": ("relative", _relative_span),
    "relative_day_with_weekday": ("relative", _relative_day),
    "same_period": ("relative", lambda g: None),  # resolved from the story (Narrative.anaphora)
    "relative_period": ("relative", _relative_period),
    "relative_day": ("relative", _relative_day),
    "weekday_range": ("range", _weekday_range),
    "weekday": ("relative", _weekday),
}
assert list(RESOLVERS) == list(FORM_PATTERNS)
BOUNDS = {"deadline", "until", "since", "before", "after"}
# A resolved match is (span override, start, end, precision, kind, resolved) for each of its hits.
Resolved = tuple[tuple[tuple[int, int] | None, pd.Timestamp, pd.Timestamp, str, str, bool], ...]


def resolve_match(match: re.Match, form: str, published: dt.date | None, tense: int | None = None,
                  narrative: int | None = None, event: bool = False, groups: tuple | None = None) -> tuple[Resolved, bool]:
    """What ``match`` says, by its form's resolver, everything of a Milestone but the offsets; and
    whether that is read off the text alone (a full date, a year), the same for any publication date.

    ``tense``: of a yearless date's clause (1 scheduled, 0 present, -1 past, the default); of a
    weekday's, 1 when the clause before it speaks of the future (``future_before``, found when not given).
    ``groups``: ``match.groups()``, when the caller has it already.
    """
    if tense is None:
        tense = (1 if future_before(match.string, match.start(form)) else -1) if form in WEEKDAY_FORMS else -1
    if groups is None:
        groups = match.groups()
    groups = Groups(match, form, published, groups[1], tense, narrative, groups)  # groups[1]: the group trig
    groups.named = groups.named or event
    kind, resolve = RESOLVERS[form]
    hits = resolve(groups)
    if hits is None:
        return (), False
    if not isinstance(hits, list):
        hits = (hits,)
    bound = groups.trigger_kind if groups.trigger_kind in BOUNDS else None
    absolute = True
    resolved = []
    for hit in hits:  # a loop, not generators: this runs for most milestones of a first pass over a corpus
        relative = hit.relative
        if relative:
            absolute = False
        resolved.append((hit.span, timestamp(hit.start), timestamp(hit.end), hit.precision,
                         bound or hit.kind or ("relative" if relative else kind), hit.start is not None))
    return tuple(resolved), absolute


def unresolved(match: re.Match, form: str, published: dt.date | None, error: Exception) -> Resolved:
    """A date beyond what the calendars handle («غدا» published 9999-12-31, «رمضان المقبل» beyond
    hijridate's range, a year pandas cannot hold) or no day of them («30 فبراير 2024»): one unresolved row and
    a warning, never an exception, and never a silent drop."""
    warnings.warn(f"milestone {match.group(form)!r} (published {published}) cannot be dated: "
                  f"{error}; left unresolved", MilestoneWarning, stacklevel=5)
    precision = "year" if form in ("year", "year_range", "hijri_year") else "day"
    return ((None, pd.NaT, pd.NaT, precision, "hijri" if form == "hijri_year" else "relative", False),)


class MilestoneWarning(UserWarning):
    """A milestone that could not be dated (beyond the calendars, or a day they do not have): it is kept,
    unresolved."""
