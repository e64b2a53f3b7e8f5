"""Where a milestone can start, and the grammar tried only there.

A head is a word that opens a form (the first word of a listed name, with its clitics), a digit, or a
leader (في، منذ، في موعد أقصاه…) followed by one: the grammar at every position would be several times
slower, and في/من/إلى are everywhere. ``heads`` finds them with the compiled scan
(``helpers._heads``, built from ``_heads.pyx``) when it is built, else with the regex ``HEADS``
(``heads_by_regex``, the reference: the same heads); each head also says which forms can start there,
so ``grammar_matches`` tries only those, with the same matches as ``GRAMMAR.finditer``.
"""

from __future__ import annotations

import re

from ..normalize import normalize
from .grammar import FILLER, FORM_PATTERNS, MONTH_NAMES, form_grammar, grammar, uncaptured
from .vocabulary import TABLES, alternation

__all__ = ["COMPILED", "FIRST_WORDS", "HEADS", "LEADER", "grammar_matches", "head_scanner", "head_starts", "heads",
           "heads_by_regex"]


# Where a milestone can start: a word that opens a form (first word of each name), a digit, or
# a trigger (في، منذ، في موعد أقصاه…) followed by one of those. The grammar is tried only there:
# the full pattern at every position would be several times slower, and في/من/إلى are everywhere.
_OPENERS = [
    *MONTH_NAMES["name"], *TABLES["weekdays"]["name"], *TABLES["parts"]["word"],
    *TABLES["day_ordinals"]["word"], *TABLES["numbers"]["word"], *TABLES["units"]["word"],
    *("ال" + normalize(w) for w in [*TABLES["units"]["word"], *TABLES["numbers"]["word"]]),
    *TABLES["periods"]["word"], *TABLES["relative_days"]["word"], "هذا", "هذه", "عامي", "العامي", "العام", "السنة",
    "نفس", "ذات", "للعام", "لعام", "للسنة", "لسنة", "الليلة",
]
FIRST_WORDS = {normalize(w).split()[0] for w in _OPENERS}
assert all(re.fullmatch(r"[^\W\d]+", w) for w in FIRST_WORDS)
# Clitics (و، ف، ب) spelt out in the one trie: the same words as [وف]?ب?<word>, in fewer steps of
# the regex engine at each word.
# An opener may have digits glued after it (أكتوبر2017): the head is then the word up to its first digit.
# A number may have ب (بال) glued before it, as the grammar's attached ب: «ب15 أيلول 2024» is the day.
_OPENER = (alternation({clitic + w for w in FIRST_WORDS for clitic in ("", "و", "ف", "ب", "وب", "فب")},
                        boundary=False) + r"(?:(?!\w)|(?=\d))|[وف]?ب?(?:ال(?=\s?\d)|\d)")
_LEADERS = [*TABLES["triggers"]["word"], *TABLES["fillers"]["word"]]
LEADER = alternation(_LEADERS, boundary=False)
# A leader first (with the opener after it captured), else an opener: the same heads either way
# (a leader that is also an opener, يوم or بعد, is one word), and the words after a leader tell
# which forms can follow it.
_HEAD = rf"[وف]?{LEADER}(?=(?:\s+(?P<filler>{FILLER}))?\s+(?P<next>{_OPENER}))|{_OPENER}"
HEADS = re.compile(rf"(?<!\w)(?:{_HEAD})")
# HEADS after the non-word character before it: a leading character class lets the regex engine
# skip to the next break between words instead of trying the pattern at every character, and the
# letters a head can start with turn most other words away in one step. Same heads: every head
# ends with a word character, so the break before the next one is never inside it.
_HEAD_FIRST = "".join(sorted({w[0] for w in [*FIRST_WORDS, *map(normalize, _LEADERS)]} | set("وفبا")))
_HEAD_AFTER_BREAK = re.compile(rf"\W(?=[{_HEAD_FIRST}\d])(?:{_HEAD})")
assert all(re.search(r"\w$", normalize(w)) for w in _LEADERS)
assert not FIRST_WORDS & {normalize(w).split()[0] for w in _LEADERS if " " in w.strip()}


# Which forms can start with a word: by the table it comes from. Only these forms are tried at a
# head, in FORM_PATTERNS order: the same match as all of them, since no other form can match
# there, and several times fewer steps than trying all 21 (most fail only after a few words).
def _bits(*forms: str) -> int:
    return sum(1 << list(FORM_PATTERNS).index(f) for f in forms)


_DAY_FORMS = _bits("hijri_date", "day_range_cross", "day_range", "day_of_relative_month", "full_date")
_DIGIT_FORMS = _DAY_FORMS | _bits("hijri_year", "numeric_date", "year_range", "year", "relative_span")
_FORMS_BY_TABLE = [
    (MONTH_NAMES.loc[MONTH_NAMES.calendar == "gregorian", "name"], _bits("month_range_years", "month_range", "month")),
    (MONTH_NAMES.loc[MONTH_NAMES.calendar == "hijri", "name"], _bits("hijri_month")),
    (TABLES["weekdays"]["name"], _bits("hijri_date", "day_range", "full_date", "weekday_range", "weekday")),
    (TABLES["parts"]["word"], _bits("part_of_month", "part_of_year", "part_of_relative")),
    (TABLES["day_ordinals"]["word"], _DAY_FORMS),
    ([*TABLES["numbers"]["word"], *TABLES["units"]["word"]], _bits("relative_span")),
    (["ال" + normalize(w) for w in [*TABLES["units"]["word"], *TABLES["numbers"]["word"]]], _bits("relative_span")),
    ([*TABLES["periods"]["word"], "هذا", "هذه"], _bits("same_period", "relative_period")),
    (["نفس", "ذات", "الليلة"], _bits("same_period")),  # الليلة: only «الليلة نفسها» (tonight alone is no date)
    (TABLES["relative_days"]["word"], _bits("relative_day_with_weekday", "same_period", "relative_day")),
    ([pre + w for pre in ("", "ال", "ل", "لل") for w in ("عام", "سنة", "عامي", "أعوام", "سنوات")],
     _bits("hijri_year", "year_range", "year")),
]


def _forms_of_heads() -> dict[str, int]:
    """Head word (with its clitics, normalised) -> bit set of the forms that can start with it."""
    forms: dict[str, int] = {}
    for words, bits in _FORMS_BY_TABLE:
        for word in {normalize(w).split()[0] for w in words}:
            for clitic in ("", "و", "ف", "ب", "وب", "فب"):
                forms[clitic + word] = forms.get(clitic + word, 0) | bits
    for clitic in ("", "و", "ف", "ب", "وب", "فب"):  # ب (بال) glued to a number: the grammar's attached ب
        for head in ("ال", *"0123456789"):
            assert forms.get(clitic + head, _DIGIT_FORMS) == _DIGIT_FORMS
            forms[clitic + head] = _DIGIT_FORMS
    assert set(forms) >= {c + w for w in FIRST_WORDS for c in ("", "و", "ف", "ب", "وب", "فب")}
    return forms


_FORMS_OF_HEAD = _forms_of_heads()

# The forms a number can start, by how many digits it has (index 5: five or more): a day has at most two
# ([0-3]?\d), a count before a unit at most three, a Hijri year at most four, a year four ([12]\d{3}), a
# numeric date two (15/9/2024) or four (2024-09-15); a longer number starts none. The grammar tried at
# a number is then that of a few forms, not of all ten (a number is mostly a year, a day or a count).
_DAY_OR_COUNT = _DIGIT_FORMS & ~_bits("year_range", "year")
NUMBER_FORMS = (0, _DAY_OR_COUNT, _DAY_OR_COUNT, _bits("hijri_year", "relative_span"),
                _bits("hijri_year", "numeric_date", "year_range", "year"), 0)
assert all(forms & ~_DIGIT_FORMS == 0 for forms in NUMBER_FORMS)
# A head that is a number: [وف]?ب? then its first digit, or ال before it (ال15، بال 8).
_NUMBER_HEAD = re.compile(r"[وف]?ب?(?:ال|\d)")
assert not any(_NUMBER_HEAD.fullmatch(w) for w in [*_FORMS_OF_HEAD.keys() - {c + h for c in ("", "و", "ف", "ب", "وب", "فب")
                                                                          for h in ("ال", *"0123456789")},
                                                     *(normalize(w) for w in _LEADERS)])
_DIGITS = re.compile(r"\d*")


def number_forms(text: str, end: int) -> int:
    """The forms a number head ending at ``end`` can start, by the length of its number: it starts at the
    head's last character, a digit (ب15), or after the ال that ends the head and maybe a space (ال 15)."""
    start = end - 1 if text[end - 1].isdecimal() else end if text[end].isdecimal() else end + 1
    return NUMBER_FORMS[min(5, len(_DIGITS.match(text, start).group()))]


def _opener_forms(text: str, start: int, end: int) -> int:
    """The forms that can start at the opener ``text[start:end]``: its word's, or its number's."""
    if _NUMBER_HEAD.fullmatch(text, start, end):
        return number_forms(text, end)
    word = text[start:end]
    return _FORMS_OF_HEAD.get(word, 0) or (_DIGIT_FORMS if word[-1].isdigit() else 0)


def _forms_at(head: re.Match, start: int) -> int:
    """The forms that can start at a head: its word's and, after a leader, the next words'."""
    forms = _opener_forms(head.string, start, head.end())
    if head.group("next") is not None:
        forms |= _opener_forms(head.string, *head.span("next"))
        filler = head.group("filler")
        if filler is not None:
            forms |= _FORMS_OF_HEAD.get(filler, 0)
    return forms


def heads_by_regex(text: str) -> list[tuple[int, int]]:
    """(start, forms) of each match of ``HEADS.finditer(text)``: where a milestone can start, and
    which forms can start there. The reference for the compiled scan, and its stand-in."""
    out = []
    first = HEADS.match(text)
    if first:
        out.append((0, _forms_at(first, 0)))
    for head in _HEAD_AFTER_BREAK.finditer(text, first.end() if first else 0):
        out.append((head.start() + 1, _forms_at(head, head.start() + 1)))
    return out


def head_scanner():
    """The compiled scan (``helpers._heads``) set up with these tables; None when it is not built."""
    try:
        from helpers._heads import HeadScanner
    except ImportError:
        return None
    openers = {c + w: _FORMS_OF_HEAD[c + w] for w in FIRST_WORDS for c in ("", "و", "ف", "ب", "وب", "فب")}
    leaders: dict[str, list[tuple[str, ...]]] = {}
    for leader in _LEADERS:
        first, *rest = normalize(leader).split()
        leaders.setdefault(first, []).append(tuple(rest))
    for rests in leaders.values():
        rests.sort(key=len, reverse=True)  # longest first, as the greedy regex tries them
    assert all(re.fullmatch(r"\w+", w) for w in [*openers, *(w for r in leaders.values() for t in r for w in t)])
    assert all(_FORMS_OF_HEAD[c + d] == _DIGIT_FORMS for c in ("", "و", "ف", "ب", "وب", "فب")
               for d in ("ال", *"0123456789"))
    fillers = {normalize(w) for w in TABLES["fillers"]["word"]}
    return HeadScanner(openers, _FORMS_OF_HEAD, leaders, fillers, NUMBER_FORMS)


_HEAD_SCANNER = head_scanner()
# True when heads are found by the compiled scan (helpers._heads) rather than the regex.
COMPILED = _HEAD_SCANNER is not None


def heads(text: str):
    """(start, forms) of each place a milestone can start: ``heads_by_regex(text)``, compiled when built."""
    if _HEAD_SCANNER is None:
        return heads_by_regex(text)
    flat = iter(_HEAD_SCANNER.scan(text))
    return zip(flat, flat)


def head_starts(text: str):
    """Where each match of ``HEADS.finditer(text)`` starts."""
    return (start for start, _ in heads(text))


_FINDERS: dict[int, re.Pattern] = {}


def finder(forms: int) -> re.Pattern:
    """GRAMMAR with only the forms in the bit set ``forms`` and only their own groups, compiled when
    first needed."""
    finder = _FINDERS.get(forms)
    if finder is None:
        names = [f for i, f in enumerate(FORM_PATTERNS) if forms >> i & 1]
        finder = _FINDERS[forms] = re.compile(normalize(uncaptured(grammar(names), keep=names)))
    return finder


def grammar_matches(text: str):
    """``GRAMMAR.finditer(text)``, but trying the grammar only where a milestone can start.

    Each match is that of its form's own grammar, found by the finder of the forms that can start
    at that head: same span and groups.
    """
    end = 0
    finders = _FINDERS
    for start, forms in heads(text):
        if start < end or not forms:  # no forms: a number too long to be a date
            continue
        found = (finders.get(forms) or finder(forms)).match(text, start)
        if found:
            match = form_grammar(found.lastgroup).match(text, start)
            end = match.end()
            yield match
