"""What a resolver reads and gives: the groups of a match (``Groups``), a found date (``Hit``), and the
publication-date rule for the year of a month.

``year_for_month`` is the one place that decides the year of a month written without one: its own
direction word (المقبل، الماضي), the year the text fixed, منذ (the last one before publication), the
tense of its clause (past: the last one on or before publication; scheduled: the next one on or after;
present, or an open-ended trigger: the nearest). Relative dates are read against the publication date
only, never against today (``data/eval/dev/README.md``, ``../shared/eval/real/README.md``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

from .dates import nearest_year, year_by_tense, year_of_next_or_last
from .grammar import form_grammar
from .vocabulary import DAY_ORDINALS, DIRECTIONS, FILLERS, MONTHS, TRIGGERS, word_key

__all__ = [
    "Groups", "Hit", "day_number", "form_groups", "month_number", "split_or_range", "year_for_month",
]


class Hit(NamedTuple):
    """What a resolver found: dates (None = needs a publication date), precision, span override."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    relative: bool = False
    kind: str | None = None
    span: tuple[int, int] | None = None


class Groups(dict):
    """The groups of one form in a match, by their short names (None for a name the form lacks)."""

    __slots__ = ("bare_ok", "match", "named", "narrative", "prefix", "published", "tense", "trigger_kind")

    def __init__(self, match: re.Match, form: str, published: dt.date | None, trigger: str | None,
                 tense: int = -1, narrative: int | None = None, groups: tuple | None = None):
        """``groups``: ``match.groups()``, when the caller has it already."""
        if groups is None:
            groups = match.groups()
        first, names = form_groups(form)
        super().__init__(zip(names, groups[first:]))
        self.match, self.prefix, self.published = match, form + "__", published
        # for a yearless date: the tense of its clause (1 scheduled, 0 present, -1 past) and the year
        # the text fixed, if any
        self.tense, self.narrative = tense, narrative
        self.trigger_kind, self.bare_ok = TRIGGERS.get(word_key(trigger), ("", False)) if trigger else ("", False)
        fill = groups[2] or groups[3]  # the leading groups of every form's grammar: trigger, trig, fill, fill0, attached
        if fill and FILLERS.get(word_key(fill)):
            self.trigger_kind = FILLERS[word_key(fill)]
        self.named = fill is not None and word_key(fill) in _MONTH_WORDS  # «(ب)شهر يوليو»: surely a month

    def __missing__(self, name: str) -> None:
        return None

    def span(self, name: str) -> tuple[int, int]:
        """Span of group ``name``; of a day, also when written as an ordinal (``d1_ord``: العاشر من)."""
        if self[name] is None and self[name + "_ord"] is not None:
            name += "_ord"
        return self.match.span(self.prefix + name)

    def span_from(self, name: str) -> tuple[int, int]:
        """From the start of group ``name`` to the end of the form (the second date of a pair)."""
        return self.span(name)[0], self.match.end(self.prefix[:-2])

    @property
    def is_range(self) -> bool:
        """True when the words around a pair make it a range (بين، من، يومي), not two dates."""
        return self.trigger_kind == "range"


@cache
def form_groups(form: str) -> tuple[int, list[str]]:
    """Where the groups of ``form`` start in ``match.groups()`` of its pattern, and their short names."""
    grammar = form_grammar(form)
    index = grammar.groupindex
    inner = sorted((i, name) for name, i in index.items() if name.startswith(form + "__"))
    assert [i for i, _ in inner] == list(range(index[form] + 1, grammar.groups + 1))
    return index[form], [name.removeprefix(form + "__") for _, name in inner]


def month_number(g: Groups, name: str) -> int:
    return MONTHS[word_key(g[name])][1]


def day_number(g: Groups, name: str) -> int:
    return int(g[name]) if g[name] else DAY_ORDINALS[word_key(g[name + "_ord"])]


_SINCE = word_key("منذ")


def year_for_month(g: Groups, month: int, day: int | None = None, last: int | None = None) -> tuple[int | None, bool]:
    """(year, relative) of a month written with a year, a direction (المقبل) or nothing; a yearless
    ``day`` (to ``last``, for a range) takes a year that has those days. ``ValueError`` for a year
    the calendar does not have («15 مارس المقبل» published on 31 December 9999)."""
    year, relative = _year_for_month_in(g, month, day, last)
    if year is not None and not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    return year, relative


def _year_for_month_in(g: Groups, month: int, day: int | None, last: int | None) -> tuple[int | None, bool]:
    if g["y"]:
        return int(g["y"]), False
    p = g.published
    if p is None and g.narrative is None:
        return None, True
    if g["ydir"]:
        return p.year + DIRECTIONS[word_key(g["ydir"])], True
    if g["dir"]:  # the next (or last) such month, or the one after (before) it with بعد المقبل (قبل الماضي);
        # with a day, the next (last) such date: «27 أيلول الماضي» on 28 September is the day before
        step = DIRECTIONS[word_key(g["dir"])]
        if step == 0 and month != p.month:  # «15 أكتوبر الحالي» in a September article: the coming one
            step = 1
        return year_of_next_or_last(p.year, (month, day or 0), (p.month, p.day if day else 0), step), True
    if g.narrative is not None:  # the text fixed the year: «أعلنت روسيا في يونيو 2017 أنها قتلته في نهاية مايو»
        return g.narrative, True
    if p is None:
        return None, True
    if g.trigger_kind == "since" and word_key(g.match.group("trig")) == _SINCE:
        # منذ السابع من أكتوبر: the last one before publication (اعتباراً من may announce a coming date)
        return (p.year if (month, day or 1) <= (p.month, p.day) else p.year - 1), True
    if g.tense == 0 or g.trigger_kind in _OPEN_ENDED and g.tense < 0:
        # present tense (يُعقد المؤتمر 15 أبريل), or اعتباراً من، حتى، بحلول: either side of publication
        return nearest_year(p, month, day or 15, last or day or 15), True
    return year_by_tense(p, month, day, last or day, g.tense > 0), True


# Triggers that may look either way from the publication date (اعتباراً من الأول من أكتوبر، حتى نهاية
# مايو، بحلول نهاية يونيو): a yearless date after them takes the nearest year unless its clause is scheduled.
_OPEN_ENDED = frozenset({"since", "until", "deadline", "before"})


def split_or_range(g: Groups, first: Hit, second: Hit, conn: str, adjacent: bool) -> list[Hit] | Hit:
    """``A و B``: one range after بين/من/يومي or for neighbours (15 و16), else two milestones."""
    if conn.strip() != "و" or g.is_range or adjacent or first.start is None:
        return Hit(first.start, second.end, first.precision, first.relative or second.relative, "range")
    return [first._replace(kind="date"), second._replace(kind="date")]


_MONTH_WORDS = frozenset({word_key("شهر"), word_key("بشهر")})  # «مقارنة بشهر نوفمبر»
