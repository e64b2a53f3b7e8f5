"""The tense of the clause around a date: what decides a yearless date or a lone weekday.

News reports the past, so a date is read as past unless its clause is scheduled (a future marker or
a verb with the future prefix: سوف، من المقرر، ستعقد) or opens with an imperfect verb (يُعقد المؤتمر:
present). A pluperfect after the future marker (كان قد أعلن، سبق أن) governs the date: past. The word
lists are the ``future_markers`` table (``milestones.grammar.FUTURE`` and ``PAST``).
"""

from __future__ import annotations

import re

from .grammar import CLAUSE_BREAK, DEADLINE, FUTURE, PAST

__all__ = [
    "SENTENCE_BREAK", "future_around", "future_before", "lasts_until", "tense_of",
]


def future_before(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future (سوف، ستعقد، من المقرر)."""
    clause = " " + CLAUSE_BREAK.split(text[max(0, start - 150):start])[-1]
    return FUTURE.search(clause) is not None and _future_after_past(clause, 0, len(clause))


_UNTIL_BEFORE = re.compile(r"(?<!\w)و?(?:حت[ىي]|لغاي[ةه])\s+$")  # the text the grammar reads is folded (ى -> ي)


_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|الذين)(?!\w)")


def lasts_until(text: str, start: int) -> bool:
    """True when the date at ``start`` follows «حتى» in a clause that opens with a verb in the imperfect,
    after a relative pronoun or not («ويستمر المؤتمر حتى الخميس», «المؤتمر الذي يستمر حتى الخميس»): what
    goes on now lasts until a day still to come. In the past («واستمرت المعارك حتى الخميس») the day is behind,
    unless the clause gives a deadline («وأمهل العبادي الإقليم حتى الجمعة»: the day the deadline runs to)."""
    if _UNTIL_BEFORE.search(text, max(0, start - 12), start) is None:
        return False
    clause = _after_last(text, _CLAUSE_CHARS_ALL, start - 150, start)
    if DEADLINE.search(text, clause, start):
        return True
    relatives = list(_RELATIVE.finditer(text, clause, start))  # the verb of the last relative clause, if any
    return _IMPERFECT_FIRST.match(text, relatives[-1].end() if relatives else clause, start) is not None


def _future_after_past(text: str, lo: int, hi: int) -> bool:
    """True unless a pluperfect (كان قد، سبق أن) in ``text[lo:hi]`` comes after every future marker
    there: the verb nearest the date governs it («ستؤجل …، بعد أن كان قد أعلن في 12 ديسمبر» is past)."""
    ends = [past.end() for past in PAST.finditer(text, lo, hi)]
    # the pluperfect ends at a word break, the non-word character FUTURE wants before a marker
    return not ends or FUTURE.search(text, ends[-1], hi) is not None


# The first word of a clause, when it is a verb in the imperfect (يُعقد المؤتمر، وتستمر المناورات): the
# clause speaks of the present or a schedule. A noun that looks alike (تنظيم) only costs the reading by
# tense: the date then takes the year nearest to publication. «فيما» (while), «فيه», «فيها» are passed over: the
# verb after «فيما» gives the tense («فيما أعلن الجيش في 5 يناير» is past).
_IMPERFECT_FIRST = re.compile(r"\s*(?:و?فيما\s+)?(?!و?في(?:ما|ه|ها)(?!\w))[وف]?[يت][^\W\d]{2,}")


def tense_of(text: str, start: int, end: int) -> int:
    """The tense of the clause of a yearless date: 1 scheduled (a future marker), 0 present (its clause
    opens with an imperfect verb), -1 past (news reports the past)."""
    if future_around(text, start, end):
        return 1
    return 0 if _IMPERFECT_FIRST.match(text, _after_last(text, _CLAUSE_CHARS_ALL, start - 150, start), start) else -1


_SENTENCE_BREAK_CHARS = ".!?؟\n"
_CLAUSE_CHARS_ALL = ".!?؟،؛,;:\n"


def _after_last(text: str, chars: str, lo: int, hi: int) -> int:
    """Just after the last of ``chars`` in ``text[lo:hi]`` (``lo`` when there is none)."""
    lo = max(0, lo)
    after = lo
    rfind = text.rfind
    for c in chars:  # a loop, not a generator: this runs twice for every yearless date
        found = rfind(c, lo, hi) + 1
        if found > after:  # noqa: PLR1730 (max() costs a call a character)
            after = found
    return after


SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
_FIRST_WORD_AFTER = re.compile(r"\W+\w+")


def future_around(text: str, start: int, end: int) -> bool:
    """True when the sentence before ``start`` speaks of the future («وسيخاطب الرئيس …، خلال لقائه
    … الثلاثاء 25 أبريل»), or the word right after ``end`` does («في 24 أبريل سيزور المقبرة»)."""
    begin = _after_last(text, _SENTENCE_BREAK_CHARS, start - 250, start)
    # FUTURE wants a non-word character before a marker: the break itself, or a space put before the text
    found = FUTURE.search(text, begin - 1, start) if begin > 0 else FUTURE.search(" " + text[:start])
    if found is not None and _future_after_past(text, begin, start):
        return True
    after = _FIRST_WORD_AFTER.match(text, end)
    return after is not None and FUTURE.match(after.group()) is not None
