"""Every milestone of a text, in text order: ``extract_milestones`` and the ``Milestone`` it gives.

The scan finds each match of the grammar (``milestones.scan``), the story gives a yearless date its
year (``milestones.story``), the resolvers date it (``milestones.resolve``), and resolutions that do
not depend on the text around them are kept (``_RESOLVED``: الجمعة، العام الماضي، 2024 recur in every
article). Last, what the text joins is made one: a range with two full ends is one row (بين آب 2014
ونهاية نيسان 2018), «اليوم الأحد» or a weekday before its own full date is that date, and «اليوم» inside a dated
statement is that statement's day.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..normalize import Normalized, normalize_with_map
from ..published import parse_published
from .grammar import ANAPHORIC_FORMS, WEEKDAY_FORMS, YEARLESS_FORMS
from .groups import Groups, day_number
from .resolve import Resolved, resolve_match, unresolved
from .scan import grammar_matches
from .story import TODAY, Narrative, event_year, is_yearless
from .tense import SENTENCE_BREAK, future_before, lasts_until
from .vocabulary import MONTHS, TRIGGERS, word_key

__all__ = [
    "Milestone", "clear_cache", "extract_milestones", "milestones_in",
]


class Milestone(NamedTuple):
    """One temporal expression: its surface and offsets in the original text, and its dates.

    ``start``/``end`` are NaT when the expression is relative and no publication date is known
    (``resolved`` is then False): it is reported, never guessed from today's date. A named tuple,
    not a dataclass: a corpus yields millions, and a tuple is several times cheaper to build.
    """

    surface: str
    start: pd.Timestamp
    end: pd.Timestamp
    precision: str
    kind: str
    form: str
    trigger: str
    char_start: int
    char_end: int
    resolved: bool


# Resolutions by (form, groups of the match, publication date): the same words resolve the same way
# (الجمعة، العام الماضي، 2024 recur in every article). Only results without offsets are kept; a lone
# weekday's (or pair of weekdays') key also says whether the clause before it speaks of the future (سوف، ستعقد). What the
# text alone dates (15 أبريل 2024) is kept under (form, groups): articles of other dates reuse it.
_RESOLVED: dict[tuple, Resolved] = {}
# Milestone(...) runs the Python __new__ namedtuple writes; tuple.__new__ makes the same tuple in C.
_new = tuple.__new__
_MAX_RESOLVED = 50_000


def clear_cache() -> None:
    """Forget the resolutions kept so far (benchmarks measure from an empty cache)."""
    _RESOLVED.clear()


def extract_milestones(text: str, published=None) -> list[Milestone]:
    """Every calendar date or period written in ``text``, in text order.

    ``published`` anchors relative expressions (أمس، الجمعة، العام المقبل): an ISO date string or a
    date object, read by :func:`helpers.published.parse_published` (anything else raises ``ValueError``).
    ``text`` None is a ``TypeError``, as any other non-text is: ``[]`` would say the text names no date.
    """
    if text is None:
        raise TypeError("extract_milestones: text must be a str, not None")
    if not text:
        return []
    return milestones_in(normalize_with_map(text), published)


def milestones_in(norm: Normalized, published) -> list[Milestone]:
    """``extract_milestones`` on an already normalised text (the corpus table normalises once)."""
    text = norm.original
    to_original = norm.span
    pub = parse_published(published)
    out: list[Milestone] = []
    cached = _RESOLVED.get
    story = Narrative(norm.text, pub)
    seen = story.seen
    stitch = False  # whether a form that _stitched may join was seen
    last_form = ""
    for match in grammar_matches(norm.text):
        form = match.lastgroup
        groups = match.groups()
        yearless = False
        tense = -1
        if form in ANAPHORIC_FORMS and (form == "same_period" or match.group(form + "__same") is not None
                                        or form == "part_of_relative" and match.group(form + "__per2") is not None):
            resolved = story.anaphora(match, form)  # «الشهر نفسه»: never cached, it depends on the dates before
        else:
            resolved = cached((form, groups))  # a date read off the text alone, whatever the publication date
        if resolved is None:
            year = event = None
            if form in WEEKDAY_FORMS:
                at = match.start(form)
                tense = 1 if future_before(match.string, at) or lasts_until(match.string, at) else -1
                key = (form, groups, pub, tense > 0)
            elif form in YEARLESS_FORMS and is_yearless(match, form):
                yearless = True
                event = event_year(match, form)
                # «23 مارس من العام نفسه»: the year the text named last, whatever the tense
                same = story.year_named_last() if match.group(form + "__ysame") is not None else None
                if match.group(form + "__ynext") is not None:  # «سبتمبر من العام التالي»: the year after it
                    same = story.year_named_last()
                    same = same + 1 if same is not None else None
                if same is None and form == "full_date" and event is None:
                    calendar, month, _ = MONTHS[word_key(match.group("full_date__m"))]
                    if calendar == "gregorian":  # «31 ديسمبر» after «31 ديسمبر 2021»: that year
                        same = story.year_of_repeat(month, day_number(Groups(match, form, None, None), "d"))
                tense, year = ((-1, same) if same is not None else story.context(match.start(form), match.end())
                               if event is None else (-1, event))
                key = (form, groups, pub, tense, year, event is not None)
            else:
                key = (form, groups, pub)
            resolved = cached(key)
            if resolved is None:
                try:
                    resolved, absolute = resolve_match(match, form, pub, tense, year, event is not None, groups)
                except (ValueError, OverflowError) as error:  # beyond the calendars: kept unresolved
                    resolved = unresolved(match, form, pub, error)
                else:
                    if not any(hit[0] for hit in resolved):
                        if len(_RESOLVED) >= _MAX_RESOLVED:
                            _RESOLVED.clear()
                        _RESOLVED[(form, groups) if absolute else key] = resolved
        if not resolved:
            continue
        seen.append((match, form, yearless, resolved, tense))
        if not stitch and (form in _STITCHED_FORMS or last_form == "weekday" and (form == "weekday" or form in _GLOSSES)
                           or groups[1] is not None and _opens_range(groups[1])):
            stitch = True
        last_form = form
        # the leading groups of every form's grammar: trigger, trig, fill, fill0, attached
        lead = 1 if groups[0] is not None else 5 if groups[4] is not None else 0
        if lead:
            t_start, t_end = to_original(*match.span(lead))
            trigger = text[t_start:t_end]
        else:
            trigger = ""
        for span, start, end, precision, kind, is_resolved in resolved:
            o_start, o_end = to_original(*(span or match.span(form)))
            out.append(_new(Milestone, (text[o_start:o_end], start, end, precision, kind, form, trigger,
                                        o_start, o_end, is_resolved)))
    return _stitched(out, text) if stitch and len(out) > 1 else out


# Between the two ends of a range written in full («بين آب/أغسطس 2014 ونهاية نيسان/ابريل 2018»), after
# the same day said twice («اليوم الأحد 19 مارس 2017», «الجمعة الموافق 21 ديسمبر»), and between a dated statement and the «اليوم»
# it quotes («8 مايو 2018، أعلن ترامب وقال: "أعلن اليوم…"»).
_RANGE_GAP = re.compile(r"[^\S\n]*(?:و?(?:إلى|الى|حتى|لغاية)|و|[-–—])[^\S\n]*")  # «من آب 2014 وحتى أيار 2017»
_SAME_DAY_GAP = re.compile(r"[^\S\n]*[،,]?[^\S\n]*")
# A weekday glossed by its date: «الجمعة (21 ديسمبر)», «الجمعة 21/12/2018». After «الموافق» the date is a
# second expression, a row of its own (dev05: «18/9/2024 الموافق 15 ربيع الأول 1446 هـ» is two rows), and
# it tells which day the weekday is: «الخميس، الموافق 13 رجب 1445 هـ» is two rows of that day.
_GLOSSES = frozenset({"full_date", "numeric_date", "hijri_date", "day_of_relative_month"})  # السبت 15 الجاري
_GLOSS_GAP = re.compile(r"[^\S\n]*[،,]?[^\S\n]*\(?[^\S\n]*")
_AGREEING_GAP = re.compile(r"[^\S\n]*[،,]?[^\S\n]*الموافق[^\S\n]+")
_QUOTE = re.compile(r"[\"«“:]|(?<!\w)[أإا]ن(?!\w)")
_RANGE_OPENERS = frozenset({"range", "since"})
_STITCHED_FORMS = frozenset({"relative_day_with_weekday", "relative_day"})
_NIGHT = re.compile(r"(?:^|\W)ليل[ةه]?\W+$")


@lru_cache(maxsize=256)
def _opens_range(trigger: str) -> bool:
    return TRIGGERS.get(word_key(trigger), ("",))[0] in _RANGE_OPENERS


@lru_cache(maxsize=256)
def _closes_range(trigger: str) -> bool:
    """«حتى»، «لغاية» before the second end («من 17 أكتوبر الماضي وحتى الأول من نوفمبر»): the gap holds it."""
    return TRIGGERS.get(word_key(trigger), ("",))[0] == "until"


def _stitched(found: list[Milestone], text: str) -> list[Milestone]:
    """``found`` with what the text joins made one: a range with two full ends is one row first..last
    (after بين or من, A و/إلى B), «اليوم الأحد» or a weekday before its own date (a bracket, a numeric
    date) is that date (the day number wins over the weekday; after الموافق it is two rows of that date), and «اليوم» in a
    statement the sentence dates (after أن، إن، a colon or a quotation mark) is the statement's day."""
    out: list[Milestone] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.resolved and m.resolved and (
                prev.form in _STITCHED_FORMS or prev.form == "weekday"
                or prev.trigger and (not m.trigger or _closes_range(m.trigger)) and _opens_range(prev.trigger)):
            gap = text[prev.char_end:m.char_start]
            if (m.precision == "day" and m.start == m.end and (
                    prev.form == "relative_day_with_weekday" and _SAME_DAY_GAP.fullmatch(gap)
                    or prev.form == "weekday" and m.form in _GLOSSES and _GLOSS_GAP.fullmatch(gap))):
                end = m.char_end + 1 if "(" in gap and text.startswith(")", m.char_end) else m.char_end
                out[-1] = m._replace(surface=text[prev.char_start:end], char_start=prev.char_start, char_end=end,
                                     trigger=prev.trigger or m.trigger)
                continue
            if (prev.form == "weekday" and m.form in _GLOSSES and m.precision == "day" and m.start == m.end
                    and _AGREEING_GAP.fullmatch(gap)):
                out[-1] = prev._replace(start=m.start, end=m.end)
                out.append(m)
                continue
            if ((not m.trigger or _closes_range(m.trigger) and m.form != "relative_day") and prev.trigger
                    and _RANGE_GAP.fullmatch(gap)
                    and _opens_range(prev.trigger)
                    and (gap.strip() != "و" or word_key(prev.trigger) == _BETWEEN)
                    and prev.start <= m.start and prev.end < m.end):
                out[-1] = prev._replace(surface=text[prev.char_start:m.char_end], end=m.end, kind="range",
                                        precision=prev.precision if prev.precision == m.precision else "day",
                                        char_end=m.char_end)
                continue
            if (prev.form == m.form == "weekday" and not gap.strip() and m.start - prev.start == _ONE_DAY
                    and _NIGHT.search(text, max(0, prev.char_start - 8), prev.char_start)):
                # «ليل الأحد الاثنين»: one night over two days
                out[-1] = prev._replace(surface=text[prev.char_start:m.char_end], end=prev.start + _ONE_DAY,
                                        kind="range", char_end=m.char_end)
                continue
        if m.form == "relative_day" and m.resolved and word_key(m.surface) == TODAY:
            m = _quoted_today(m, out, text)
        out.append(m)
    return out


_BETWEEN = word_key("بين")
_ONE_DAY = pd.Timedelta(days=1)


def _quoted_today(today: Milestone, before: list[Milestone], text: str) -> Milestone:
    """«اليوم» inside a statement its sentence dates: the day of that statement, else ``today``."""
    for m in reversed(before):
        gap = text[m.char_end:today.char_start]
        if SENTENCE_BREAK.search(gap):
            break
        if m.resolved and m.precision == "day" and m.start == m.end:
            return today._replace(start=m.start, end=m.end) if _QUOTE.search(gap) else today
    return today
