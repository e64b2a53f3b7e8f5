"""The story of an article so far: the year its text fixed, and the dates anaphora point back to.

A yearless date takes the year its paragraph fixed («في يونيو 2017 … في نهاية مايو»), or a timeline
label's, or a named event's (هجمات سبتمبر, ``named_events.csv``), else the tense of its clause decides
(``milestones.tense``); anaphora (الشهر نفسه، نفس اليوم، العام ذاته) take the date named before.
``Narrative`` follows the milestones of one article in text order, only when a yearless date or an
anaphora asks: most articles have neither.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .dates import month_span, timestamp, valid_date
from .grammar import NARRATIVE_FORMS, PRESENT_FORMS, WEEKDAY_FORMS, YEARLESS_FORMS
from .groups import Groups, day_number
from .resolve import Resolved, part_days, part_year_span
from .tense import future_around, tense_of
from .vocabulary import MONTHS, NAMED_EVENTS, PARTS, PERIODS, word_key

__all__ = [
    "TODAY", "Narrative", "event_year", "is_yearless",
]


TODAY = word_key("اليوم")
TONIGHT = word_key("الليلة")  # «الليلة نفسها»: the same day as the date before it
# A narrative year holds over this many line breaks after the last date of that year: its paragraph.
_NARRATIVE_LINES = 0
_WORD_BEFORE = re.compile(r"(?:^|\W)[وفبل]*(?:ال)?(\w+)\W+$")


def event_year(match: re.Match, form: str) -> int | None:
    """The year of the named event a yearless month follows («لهجمات سبتمبر», «حرب أكتوبر»), if any."""
    if not NAMED_EVENTS or match.group("trigger") is not None:
        return None
    start = match.start()
    before = _WORD_BEFORE.search(match.string, max(0, start - 24), start)
    month = match.group(form + "__m") if form in ("full_date", "month", "part_of_month") else None
    if before is None or month is None:
        return None
    return NAMED_EVENTS.get((word_key(before.group(1)), MONTHS[word_key(month)][1]))


def is_yearless(match: re.Match, form: str) -> bool:
    group = match.group
    return group(form + "__y") is None and group(form + "__ydir") is None and group(form + "__dir") is None


_IN = word_key("في")


def _sets_the_scene(match: re.Match) -> bool:
    """A year after في («وفي 2016، بدأت المعركة في 17 أكتوبر») fixes the year of its paragraph; an aside
    («الذي حكم منذ عام 1979») does not."""
    trigger = match.group("trig")
    return trigger is not None and word_key(trigger) == _IN


def _without_direction(match: re.Match, form: str) -> bool:
    """True when a date of a yearless form has its year written (not «22 يونيو الماضي»)."""
    return match.group(form + "__ydir") is None and match.group(form + "__dir") is None


class Narrative:
    """The year an article's text has fixed so far («في يونيو 2017 … في نهاية مايو»), for yearless dates.

    A date with a written year sets it; a date read against the publication date (الجمعة، أمس، الشهر
    الماضي، 22 يونيو الماضي) brings the story back to the present and clears it; so does the end of
    the paragraph (a background paragraph «قتل في تموز 2016» does not date the next one's «الرابع من تموز»). It applies to a yearless date in a past-tense clause when it
    is before the publication year (or there is no publication date); a scheduled date, or one in a story
    of this year, is read against the publication date by the tense of its clause.
    """

    __slots__ = ("at", "day", "done", "done_before", "done_days", "header", "month", "pub", "seen", "text", "written_days",
                 "year", "year_of_last")

    def __init__(self, text: str, pub: dt.date | None):
        self.text, self.pub, self.year, self.at = text, pub, None, 0
        self.header = False  # the year is a timeline label's: it holds until the next label or year
        # the last day, month (first day) and year a past date of the text named, for anaphora
        self.day = self.month = self.year_of_last = None
        # (match, form, yearless, resolved, tense) of the milestones seen so far (milestones_in appends),
        # followed only when a yearless date or an anaphora asks: most articles have neither
        self.seen: list[tuple] = []
        self.done = self.done_before = self.done_days = 0  # how far each reading has followed ``seen``
        self.written_days: dict[tuple[int, int], int] = {}  # (month, day) -> year, of the days written with a year

    def _catch_up(self) -> None:
        seen = self.seen
        for i in range(self.done, len(seen)):
            self._follow(*seen[i][:4])
        self.done = len(seen)

    def _catch_up_antecedents(self) -> None:
        seen = self.seen
        for i in range(self.done_before, len(seen)):
            match, form, _yearless, resolved, tense = seen[i]
            first, last = resolved[0][1], resolved[-1][2]
            if first is pd.NaT or last is pd.NaT or form == "same_period" or tense > 0:
                continue
            # a scheduled date is no antecedent for «نفس اليوم» (its sentence speaks of the future)
            if form in WEEKDAY_FORMS and future_around(match.string, match.start(form), match.end()):
                continue
            if first == last:
                self.day = first.date()
            if (first.year, first.month) == (last.year, last.month):
                self.month = first.date().replace(day=1)
            if first.year == last.year:
                self.year_of_last = first.year
        self.done_before = len(seen)

    def anaphora(self, match: re.Match, form: str) -> Resolved:
        """«الرابع والعشرين من الشهر نفسه»، «في الشهر نفسه»، «نفس اليوم»، «العام ذاته»: a day or period of
        the last date the text named (a scheduled one is skipped); nothing when there is none."""
        self._catch_up_antecedents()
        if form == "day_of_relative_month":
            first = self.month
            day = valid_date(first.year, first.month, day_number(Groups(match, form, None, None), "d")) if first else None
            return ((None, timestamp(day), timestamp(day), "day", "relative", True),) if day else ()
        if form == "part_of_relative":  # «أواخر العام نفسه»: that part of the period named last
            return self._part_of_same(match, form)
        per = word_key(match.group(form + "__per") or match.group(form + "__per2") or match.group(form + "__per3"))
        unit = "day" if per in (TODAY, TONIGHT) else PERIODS[per]
        if unit == "day" and self.day:
            return ((None, timestamp(self.day), timestamp(self.day), "day", "relative", True),)
        if unit == "month" and self.month:
            first, last = month_span(self.month.year, self.month.month)
            return ((None, timestamp(first), timestamp(last), "month", "relative", True),)
        if unit == "year" and self.year_of_last:
            y = self.year_of_last
            return ((None, timestamp(dt.date(y, 1, 1)), timestamp(dt.date(y, 12, 31)), "year", "relative", True),)
        return ()

    def _part_of_same(self, match: re.Match, form: str) -> Resolved:
        part = PARTS[word_key(match.group(form + "__p"))]
        unit = PERIODS[word_key(match.group(form + "__per") or match.group(form + "__per2"))]
        if unit == "year" and self.year_of_last:
            first, last = part_year_span(part, self.year_of_last)
            return ((None, timestamp(first), timestamp(last), part.year_precision, "relative", True),)
        if unit == "month" and self.month and part.month_first:
            first, last = part_days(part, self.month.year, self.month.month)
            return ((None, timestamp(first), timestamp(last), part.month_precision, "relative", True),)
        return ()

    def year_of_repeat(self, month: int, day: int) -> int | None:
        """The year of the last day the text wrote with its year that a yearless day repeats, in any paragraph
        and whatever the tense («الانتهاء بحلول 31 ديسمبر 2021» … «لا يعني الانسحاب في 31 ديسمبر»): the text fixed it."""
        seen = self.seen
        for i in range(self.done_days, len(seen)):
            match, form, yearless, resolved, _ = seen[i]
            if form == "full_date" and not yearless and _without_direction(match, form) and len(resolved) == 1:
                first, last = resolved[0][1], resolved[0][2]
                if first is not pd.NaT and first == last:
                    self.written_days[first.month, first.day] = first.year
        self.done_days = len(seen)
        return self.written_days.get((month, day))

    def year_named_last(self) -> int | None:
        """The year of the last past date the text named («عام 2019 … في 23 مارس من العام نفسه»), if any."""
        self._catch_up_antecedents()
        return self.year_of_last

    def context(self, start: int, end: int) -> tuple[int, int | None]:
        """(tense, narrative year to use) for a yearless date at ``start..end``."""
        tense = tense_of(self.text, start, end) if self.pub is not None else -1
        self._catch_up()
        year = self.year
        if year is not None and not self.header and self.text.count("\n", self.at, start) > _NARRATIVE_LINES:
            year = self.year = None
        # a scheduled clause, or one in the present (يعقد الوزراء اجتماعهم في 15 أبريل) outside a timeline,
        # is read against the publication date, not the year the story told of
        if year is None or tense > 0 or tense == 0 and not self.header or (self.pub is not None and year >= self.pub.year):
            return tense, None
        return tense, year

    def _follow(self, match: re.Match, form: str, yearless: bool, resolved: Resolved) -> None:
        """Follow the story past one resolved milestone."""
        if form in PRESENT_FORMS:
            self.year, self.header = None, False
        elif form == "year" and match.group("year__label") is not None:
            self.year, self.at, self.header = int(match.group("year__y")), match.end(), True
        elif form in NARRATIVE_FORMS or form == "year" and _sets_the_scene(match):
            if not yearless:
                end = resolved[-1][2]
                if form in YEARLESS_FORMS and not _without_direction(match, form):
                    self.year = None  # «22 يونيو الماضي»: against the publication date
                elif end is not pd.NaT:
                    self.year, self.at, self.header = end.year, match.end(), False
            elif self.year is not None and resolved[-1][2] is not pd.NaT and resolved[-1][2].year == self.year:
                self.at = match.end()  # the story goes on in that year
