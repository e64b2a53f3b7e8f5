"""Calendar milestones in Arabic news: dates, ranges, deadlines and relative expressions.

The vocabulary (month names in every regional variant, weekdays, number words, relative and
part-of-period words, deadline triggers, subjects) lives in the CSV tables of ``data/calendar/``.
This module only assembles it into one compiled regular expression, run on the normalised
text, and resolves each named form (``FORM_PATTERNS``, ``RESOLVERS``) to a start/end date,
following the rules of ``data/eval/dev/README.md``: the leading preposition is kept apart as
``trigger``, and relative expressions are resolved against the publication date only, never
against today.

Real news (the rules of ``../shared/eval/real/README.md``, issue 12): a lone weekday may be the
publication day itself; a yearless date takes the year its paragraph fixed (or a timeline label, or a
named event: هجمات سبتمبر), else the tense of its clause decides (past: the last one on or before
publication; scheduled: the next one on or after; present: the nearest); anaphora (الشهر نفسه، نفس
اليوم) take the date named before; a range with two full ends is one row; «اليوم» inside a dated
statement is that statement's day. Dates beyond the calendars give an unresolved row and a warning.

Choices beyond the README, each a row of a table where it is a word list: أوائل/أواسط/أواخر
<month> are days 1-10/11-20/21-last; منتصف <month> the 15th and منتصف <year> 1 July; quarters,
halves and seasons of a year are month ranges; a day and month without a year take the year
nearest to publication (the last one before it after منذ); a lone weekday after a future verb
(ستعقد، سوف) or with المقبل is the next one; "A و B" is one range after بين/من/يومي or for
neighbours (15 و16), otherwise two milestones.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

import pandas as pd
from hijridate import Gregorian, Hijri

from .corpus import PROGRESS_FROM
from .normalize import SENTENCE_MARKS, Normalized, normalize, normalize_with_map
from .paths import data_path
from .published import parse_published

__all__ = ["CALENDAR", "Milestone", "extract_milestones", "milestones_table"]

CALENDAR = data_path("calendar")
# Bare years (no عام before them) outside this range are counts, not dates.
BARE_YEARS = range(1900, 2101)


# ---------------------------------------------------------------- vocabulary from the tables

def _table(name: str) -> pd.DataFrame:
    table = pd.read_csv(CALENDAR / f"{name}.csv", dtype=str, keep_default_na=False)
    _validate(name, table)
    return table


# Columns that must hold integers in a range, or one of some words; checked when a table is read,
# so a bad row is named instead of failing later (or silently matching nothing).
_INTEGER_COLUMNS = {("named_events", "month"): (1, 12), ("named_events", "year"): (1, 9999),
                    ("directions", "direction"): (-9, 9), ("months", "month"): (1, 12), ("weekdays", "weekday"): (0, 6)}
_WORD_COLUMNS = {("future_markers", "role"): {"marker", "not_future"}}


def _validate(name: str, table: pd.DataFrame) -> None:
    """Raise ``ValueError`` naming the file and row of the first bad value of ``name``.csv."""
    for row, record in enumerate(table.to_dict("records"), start=2):  # row 1 is the header
        for column, value in record.items():
            where = f"{CALENDAR / name}.csv, row {row}, column {column!r}: {value!r}"
            bounds = _INTEGER_COLUMNS.get((name, column))
            if bounds and not (re.fullmatch(r"-?\d+", value) and bounds[0] <= int(value) <= bounds[1]):
                raise ValueError(f"{where} is not an integer in {bounds[0]}..{bounds[1]}")
            words = _WORD_COLUMNS.get((name, column))
            if words and value not in words:
                raise ValueError(f"{where} is not one of {sorted(words)}")
        if not record[table.columns[0]].strip():
            raise ValueError(f"{CALENDAR / name}.csv, row {row}: empty {table.columns[0]!r}")


@lru_cache(maxsize=4096)
def _key(words: str) -> str:
    """Lookup key of a (normalised or not) word group: normalised, spaces dropped."""
    return re.sub(r"\s+", "", normalize(words))


def _trie(words) -> str:
    """One regex for many words, factored as a trie: a position costs a few steps, not one per word.

    Greedy with backtracking, so the longest word wins as in a longest-first alternation; a space
    inside a name matches any run of spaces (none before a digit: "كانون 2" and "كانون2").
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for char, child in sorted(node.items()):
            if char == " ":
                alts.append((r"\s*" if any(c.isdigit() for c in child) else r"\s+") + emit(child))
            elif char:
                alts.append(re.escape(char) + emit(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _alternation(words, boundary: bool = True) -> str:
    """Regex for any of ``words`` (normalised here), as a trie; by default a whole word."""
    forms = {" ".join(normalize(w).split()) for w in words if w.strip()}
    return "(?:" + _trie(forms) + ")" + (r"(?!\w)" if boundary else "")


def _with_month_pairs(months: pd.DataFrame) -> pd.DataFrame:
    """``months`` and, as more names of the same month, a Levantine name next to its Egyptian or
    Moroccan twin without / or brackets («أيلول سبتمبر», «سبتمبر أيلول»): one month, as «أيلول/سبتمبر»."""
    greg = months[(months.calendar == "gregorian") & ~months.name.str.contains(r"\d")]
    levant, other = greg[greg.region == "levant"], greg[greg.region.isin(["egypt", "morocco"])]
    pairs = levant.merge(other, on=["calendar", "month"])
    names = list(zip(pairs.name_x, pairs.name_y))
    extra = pd.DataFrame({
        "name": [f"{a} {b}" for a, b in names] + [f"{b} {a}" for a, b in names],
        "calendar": "gregorian",
        "month": list(pairs.month) * 2,
        "region": "pair",
        "bare_ok": [max(a, b) for a, b in zip(pairs.bare_ok_x, pairs.bare_ok_y)] * 2,
    })
    return pd.concat([months, extra.drop_duplicates("name")], ignore_index=True)


_months = _with_month_pairs(_table("months"))
MONTHS = {_key(r.name): (r.calendar, int(r.month), r.bare_ok == "1") for r in _months.itertuples()}
WEEKDAYS = {_key(r.name): int(r.weekday) for r in _table("weekdays").itertuples()}
NUMBERS = {_key(r.word): int(r.value) for r in _table("numbers").itertuples()}
_units = _table("units")
UNITS = {_key(r.word): (r.unit, int(r.count) if r.count else None) for r in _units.itertuples()}
DIRECTIONS = {_key(r.word): int(r.direction) for r in _table("directions").itertuples()}
PERIODS = {_key(r.word): r.unit for r in _table("periods").itertuples()}
_relative_days = _table("relative_days")
RELATIVE_DAYS = {_key(r.word): int(r.offset) for r in _relative_days.itertuples()}
PARTS = {_key(r.word): r for r in _table("parts").itertuples()}
_triggers = _table("triggers")
TRIGGERS = {_key(r.word): (r.kind, r.bare_ok == "1") for r in _triggers.itertuples()}
_fillers = _table("fillers")
FILLERS = {_key(r.word): r.kind for r in _fillers.itertuples()}
DAY_ORDINALS = {_key(r.word): int(r.day) for r in _table("day_ordinals").itertuples()}
_future = _table("future_markers")
_subjects = _table("subjects")
SUBJECTS = {_key(r.name): (r.subject, r.type) for r in _subjects.itertuples()}
# A yearless month after an event noun names that event's month: «هجمات سبتمبر» is September 2001.
NAMED_EVENTS = {(_key(r.event), int(r.month)): int(r.year) for r in _table("named_events").itertuples()}


# ---------------------------------------------------------------- grammar: named forms

_words = _alternation
# A Gregorian month name may have its year glued on («أكتوبر2017», «آذار1985»): a digit may follow it.
GREG = _words(_months.loc[_months.calendar == "gregorian", "name"], boundary=False) + r"(?![^\W\d])"
HIJRI = _words(_months.loc[_months.calendar == "hijri", "name"])
WEEKDAY = _words(_table("weekdays")["name"])
NUMBER = _words(_table("numbers")["word"])
UNIT = "(?:ال)?" + _words(_units["word"])
DUAL = "(?:ال)?" + _words(_units.loc[_units["count"] == "2", "word"])
DIRECTION = _words(_table("directions")["word"])
PERIOD = _words(_table("periods")["word"])
PART = _words(_table("parts")["word"])
ORDINAL = _words(_table("day_ordinals")["word"])
# The tens that end a compound ordinal (التاسع والعشرين): after "X و" they continue X, not a second day.
ORDINAL_TENS = _words({w.split(" و", 1)[1] for w in _table("day_ordinals")["word"] if " و" in w})
TRIGGER = _words(_triggers["word"])
FILLER = _words(_fillers["word"])


def _relative_day_word(word: str, not_before: str) -> str:
    """One relative day word; ``not_before`` lists words that make it a noun (اليوم الأول)."""
    guard = rf"(?!\s+{_words(not_before.split('|'))})" if not_before else ""
    return _alternation([word], boundary=False) + guard + r"(?!\w)"


RELATIVE_DAY = "(?:" + "|".join(
    _relative_day_word(r.word, r.not_before)
    for r in sorted(_relative_days.itertuples(), key=lambda r: -len(r.word))
) + ")"

CLAUSE_BREAK = re.compile(r"[.!?؟،؛,;:\n]")
# A future marker (سوف، من المقرر) or a verb with the future prefix س (ستعقد، سيزور، سنواصل) that
# is not one of the nouns that look alike (سيارة), each after a non-word character: searched in
# " " + clause, the engine skips from one word break to the next instead of trying every character.
# Not right after كان/كانت: «وكان من المتوقع أن يبدأ … الأحد» tells of a past plan.
FUTURE = re.compile(r"\W(?<!كان\W)(?<!كانت\W)(?:[وف]?" + _alternation(_future.loc[_future.role == "marker", "word"])
                    + r"|[وف]?(?!" + _alternation(_future.loc[_future.role == "not_future", "word"], boundary=False)
                    + r")س[يتن]\w{3,})")
SPACE = r"[^\S\n]"  # a milestone never runs over a paragraph break
CONN = rf"(?P<conn{{0}}>{SPACE}*[-–—]{SPACE}*|{SPACE}*و{SPACE}*|{SPACE}+(?:إلى|حتى|لغاية){SPACE}+)"
YEAR_LINK = rf"(?:{SPACE}+(?:من{SPACE}+)?(?:(?:ال)?عام{SPACE}+)?|(?=[12]\d{{3}}(?!\d)))"  # or glued: أكتوبر2017
HMARK = r"(?P<marker>هـ|ه|هجري|هجرية|للهجرة)(?!\w)"


def _month(g: str, names: str = GREG) -> str:
    """A month name, optionally doubled as ``سبتمبر/أيلول`` or ``أيلول (سبتمبر)``."""
    return (rf"(?P<{g}>{names})(?:{SPACE}*/{SPACE}*(?P<{g}_alt>{names})"
            rf"|{SPACE}*\({SPACE}*(?P<{g}_par>{names}){SPACE}*\))?")


def _year(g: str) -> str:
    return rf"(?P<{g}>[12]\d{{3}})(?!\d)(?:{SPACE}?م(?!\w))?"


def _day(g: str, of: str = "") -> str:
    """A day: digits, with the article attached or not (الـ15 من أيلول), or an ordinal followed by من
    (the first of a pair may drop it: الخامس عشر والسادس عشر من)."""
    return rf"(?:(?:ال)?(?P<{g}>[0-3]?\d)(?!\d)|(?P<{g}_ord>{ORDINAL})(?:{SPACE}+من){of})"


def _conn(i: int) -> str:
    return CONN.format(i)


WEEKDAY_BEFORE = rf"(?:(?P<wd>{WEEKDAY})(?:{SPACE}*،{SPACE}*|{SPACE}+))?"
OF = rf"(?:{SPACE}*/)?{SPACE}+(?:من{SPACE}+)?(?:شهر{SPACE}+)?"  # الثاني من شهر أكتوبر; «10/ سبتمبر»
SAME = r"(?:نفسه|نفسها|ذاته|ذاتها)(?!\w)"
SAME_MONTH = rf"الشهر{SPACE}+{SAME}|(?:نفس|ذات){SPACE}+الشهر(?!\w)"
# A weekday before the second day of a range: «ابتداء من الاثنين 27 إلى الخميس 30 آب».
WEEKDAY_INSIDE = rf"(?:{WEEKDAY}(?:{SPACE}*،{SPACE}*|{SPACE}+))?"
# What may follow a month: a year, a relative year (من العام المقبل), a direction (آذار الجاري)
# or nothing, but then not a number ("15 مارس 0000" is no date).
DATE_TAIL = (rf"(?:{YEAR_LINK}{_year('y')}|{SPACE}+(?:من{SPACE}+)?(?:العام|السنة){SPACE}+(?P<ydir>{DIRECTION})"
             rf"|{SPACE}+(?P<dir>{DIRECTION})|(?!{SPACE}+\d))")

FORM_PATTERNS: dict[str, str] = {
    "hijri_date": rf"{WEEKDAY_BEFORE}{_day('d')}{OF}{_month('m', HIJRI)}{YEAR_LINK}"
                  rf"(?P<y>1[34]\d\d)(?!\d)(?:{SPACE}*{HMARK})?",
    "hijri_month": rf"{_month('m', HIJRI)}(?:{YEAR_LINK}(?P<y>1[34]\d\d)(?!\d)(?:{SPACE}*{HMARK})?"
                   rf"|{SPACE}+(?P<dir>{DIRECTION}))",  # رمضان المقبل: the next one after publication
    # a year with a Hijri marker is Hijri whatever its number (1500 هـ، سنة 1400 هـ): kept unresolved
    # when hijridate cannot convert it, never read as a Gregorian year
    "hijri_year": rf"(?:(?:ال|لل|ل)?(?:عام|سنة){SPACE}+)?(?P<y>[1-9]\d{{0,3}})(?!\d){SPACE}*{HMARK}",
    "numeric_date": r"(?:(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4})"
                    r"|(?P<iy>\d{4})(?P<isep>[/\-])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d))(?![\d/])"
                    rf"(?:{SPACE}*{HMARK}|{SPACE}?م(?!\w))?",  # 18/9/2024م: م marks the Gregorian year
    "day_range_cross": rf"{_day('d1')}{OF}{_month('m1')}(?:{YEAR_LINK}{_year('y1')})?{_conn(1)}"
                       rf"{_day('d2')}{OF}{_month('m2')}{DATE_TAIL}",
    # a list (15 و16 و17) is joined by و throughout: the middle days are digits, and so is the last
    "day_range": rf"{WEEKDAY_BEFORE}{_day('d1', '?')}(?P<mid>(?:{SPACE}*و{SPACE}*(?:ال)?[0-3]?\d(?!\d))+)?"
                 rf"(?(mid){SPACE}*و{SPACE}*(?=(?:ال)?\d)|{_conn(1)}{WEEKDAY_INSIDE})(?!{ORDINAL_TENS}){_day('d2')}"
                 rf"{OF}{_month('m')}"
                 rf"{DATE_TAIL}",
    # العاشر من الشهر الجاري, 15 من هذا الشهر, and 15 الجاري (the 15th of this month)
    "day_of_relative_month": rf"{_day('d')}(?:{OF}(?:الشهر{SPACE}+(?P<dir>{DIRECTION})|هذا{SPACE}+الشهر"
                             rf"|(?P<same>{SAME_MONTH}))|{SPACE}+الجاري(?!\w))",
    "full_date": rf"{WEEKDAY_BEFORE}{_day('d')}{OF}{_month('m')}{DATE_TAIL}",
    "month_range_years": rf"{_month('m1')}{YEAR_LINK}{_year('y1')}{_conn(1)}{_month('m2')}{YEAR_LINK}{_year('y')}",
    "month_range": rf"{_month('m1')}{_conn(1)}{_month('m2')}{DATE_TAIL}",
    "part_of_month": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:شهر{SPACE}+)?{_month('m')}{DATE_TAIL}",
    "part_of_year": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:(?:ال)?(?:عام|سنة){SPACE}+)?{_year('y')}",
    "part_of_relative": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:(?P<per>{PERIOD})(?:{SPACE}+(?P<dir>{DIRECTION}))?"
                        rf"|(?:هذا|هذه){SPACE}+(?P<this>{PERIOD}))",
    "month": rf"{_month('m')}{DATE_TAIL}",
    "year_range": rf"(?:(?P<pre>(?:ال)?(?:عامي|أعوام|سنوات|عام|سنة)){SPACE}+)?{_year('y1')}{_conn(1)}"
                  rf"(?:(?:ال)?(?:عام|سنة){SPACE}+)?{_year('y')}",
    # للعام 1955; a timeline label opening a line («2011: انسحاب القوات») is a year too
    "year": rf"(?:(?P<pre>(?:ال|لل|ل)?(?:عام|سنة)){SPACE}+)?{_year('y')}(?!{SPACE}+{UNIT})"
            rf"(?P<label>(?<=^\d{{4}})(?={SPACE}*:)|(?<=\n\d{{4}})(?={SPACE}*:))?",
    "relative_span": rf"(?:(?:ال{SPACE}?)?(?P<n>\d{{1,3}}|{NUMBER}){SPACE}+(?P<unit>{UNIT})"
                     rf"|(?P<unit2>{UNIT}){SPACE}+(?:ال)?(?P<n2>{NUMBER})|(?P<dual>{DUAL}))"
                     rf"{SPACE}+(?P<dir>{DIRECTION})",
    "relative_day_with_weekday": rf"(?P<word>{RELATIVE_DAY}){SPACE}+(?P<wd>{WEEKDAY})",
    # الشهر نفسه، نفس اليوم، العام ذاته: the period of the date before it (anaphora)
    "same_period": rf"(?:(?P<per>{PERIOD}|اليوم){SPACE}+{SAME}|(?:نفس|ذات){SPACE}+(?P<per2>{PERIOD}|اليوم)"
                   # «خلال العام» after a year: that year (not «خلال العام الماضي/الدراسي/2017»)
                   rf"|(?<=خلال{SPACE})(?P<per3>العام|السنة)(?!{SPACE}*(?:{DIRECTION}|\d|ال)))",
    "relative_period": rf"(?:(?P<per>{PERIOD}){SPACE}+(?P<dir>{DIRECTION})|(?:هذا|هذه){SPACE}+(?P<this>{PERIOD}))",
    "relative_day": rf"(?P<word>{RELATIVE_DAY})",
    # يومي الأحد والإثنين الماضيين, من الأحد إلى الثلاثاء: two weekdays, one direction; not when the
    # second opens a date (الأربعاء والجمعة العاشر من أيلول: the Friday is the 10th)
    "weekday_range": rf"(?P<wd>{WEEKDAY}){_conn(1)}(?P<wd2>{WEEKDAY})"
                     rf"(?!(?:{SPACE}*،{SPACE}*|{SPACE}+)(?:(?:ال)?\d|{ORDINAL}))(?:{SPACE}+(?P<dir>{DIRECTION}))?",
    "weekday": rf"(?P<wd>{WEEKDAY})(?:{SPACE}+(?P<dir>{DIRECTION}))?",
}

# Leading material kept out of the surface: a conjunction, then a preposition or deadline
# phrase and/or a filler noun (يوم، يومي), or a ب attached to the milestone (بنهاية).
LEAD = (rf"(?<!\w)(?:[وف](?=\S))?(?:(?P<trigger>(?:(?P<trig>{TRIGGER})(?:{SPACE}+(?P<fill>{FILLER}))?"
        rf"|(?P<fill0>{FILLER}))){SPACE}+|(?P<attached>ب)(?=\S))?")


def _scoped(form: str, pattern: str) -> str:
    """Give a form's groups unique names (``form__group``) inside the one big pattern."""
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{form}__\1>", pattern)
    pattern = re.sub(r"\(\?P=(\w+)\)", rf"(?P={form}__\1)", pattern)
    pattern = re.sub(r"\(\?\((\w+)\)", rf"(?({form}__\1)", pattern)  # a conditional on a group
    return f"(?P<{form}>{pattern})"


def _uncaptured(pattern: str, keep=()) -> str:
    """The same pattern with only the groups named in ``keep`` or needed by a backreference or a conditional."""
    needed = {*keep, *re.findall(r"\(\?P=(\w+)\)", pattern), *re.findall(r"\(\?\((\w+)\)", pattern)}
    return re.sub(r"\(\?P<(\w+)>", lambda m: m.group() if m.group(1) in needed else "(?:", pattern)


def _grammar(forms: list[str]) -> str:
    return LEAD + "(?:" + "|".join(_scoped(f, FORM_PATTERNS[f]) for f in forms) + r")(?!\w)"


# The whole grammar, the reference the fast path (_grammar_matches) is tested against. That path runs
# it in two steps, same matches: with its 147 groups the regex engine spends most of its time saving
# and restoring them, so a finder keeping only the group of each form (``_finder``) says where a
# milestone is and which form; that form's own pattern then reads the groups at the same place.
# Same span and groups: GRAMMAR tries every form after each reading of the leading words in turn,
# so the first reading after which the winning form matches is the one GRAMMAR settled on.
GRAMMAR = re.compile(normalize(_grammar(list(FORM_PATTERNS))))


@cache
def _form_grammar(form: str) -> re.Pattern:
    """GRAMMAR with ``form`` alone, compiled when first needed."""
    return re.compile(normalize(_grammar([form])))


# Where a milestone can start: a word that opens a form (first word of each name), a digit, or
# a trigger (في، منذ، في موعد أقصاه…) followed by one of those. The grammar is tried only there:
# the full pattern at every position would be several times slower, and في/من/إلى are everywhere.
_OPENERS = [
    *_months["name"], *_table("weekdays")["name"], *_table("parts")["word"],
    *_table("day_ordinals")["word"], *_table("numbers")["word"], *_units["word"],
    *("ال" + normalize(w) for w in [*_units["word"], *_table("numbers")["word"]]),
    *_table("periods")["word"], *_relative_days["word"], "هذا", "هذه", "عامي", "العامي", "العام", "السنة",
    "نفس", "ذات", "للعام", "لعام", "للسنة", "لسنة",
]
_FIRST_WORDS = {normalize(w).split()[0] for w in _OPENERS}
assert all(re.fullmatch(r"[^\W\d]+", w) for w in _FIRST_WORDS)
# Clitics (و، ف، ب) spelt out in the one trie: the same words as [وف]?ب?<word>, in fewer steps of
# the regex engine at each word.
# An opener may have digits glued after it (أكتوبر2017): the head is then the word up to its first digit.
# A number may have ب (بال) glued before it, as the grammar's attached ب: «ب15 أيلول 2024» is the day.
_OPENER = (_alternation({clitic + w for w in _FIRST_WORDS for clitic in ("", "و", "ف", "ب", "وب", "فب")},
                        boundary=False) + r"(?:(?!\w)|(?=\d))|[وف]?ب?(?:ال(?=\s?\d)|\d)")
_LEADERS = [*_triggers["word"], *_fillers["word"]]
_LEADER = _alternation(_LEADERS, boundary=False)
# A leader first (with the opener after it captured), else an opener: the same heads either way
# (a leader that is also an opener, يوم or بعد, is one word), and the words after a leader tell
# which forms can follow it.
_HEAD = rf"[وف]?{_LEADER}(?=(?:\s+(?P<filler>{FILLER}))?\s+(?P<next>{_OPENER}))|{_OPENER}"
HEADS = re.compile(rf"(?<!\w)(?:{_HEAD})")
# HEADS after the non-word character before it: a leading character class lets the regex engine
# skip to the next break between words instead of trying the pattern at every character, and the
# letters a head can start with turn most other words away in one step. Same heads: every head
# ends with a word character, so the break before the next one is never inside it.
_HEAD_FIRST = "".join(sorted({w[0] for w in [*_FIRST_WORDS, *map(normalize, _LEADERS)]} | set("وفبا")))
_HEAD_AFTER_BREAK = re.compile(rf"\W(?=[{_HEAD_FIRST}\d])(?:{_HEAD})")
assert all(re.search(r"\w$", normalize(w)) for w in _LEADERS)
assert not _FIRST_WORDS & {normalize(w).split()[0] for w in _LEADERS if " " in w.strip()}


# Which forms can start with a word: by the table it comes from. Only these forms are tried at a
# head, in FORM_PATTERNS order: the same match as all of them, since no other form can match
# there, and several times fewer steps than trying all 21 (most fail only after a few words).
def _bits(*forms: str) -> int:
    return sum(1 << list(FORM_PATTERNS).index(f) for f in forms)


_DAY_FORMS = _bits("hijri_date", "day_range_cross", "day_range", "day_of_relative_month", "full_date")
_DIGIT_FORMS = _DAY_FORMS | _bits("hijri_year", "numeric_date", "year_range", "year", "relative_span")
_FORMS_BY_TABLE = [
    (_months.loc[_months.calendar == "gregorian", "name"], _bits("month_range_years", "month_range", "month")),
    (_months.loc[_months.calendar == "hijri", "name"], _bits("hijri_month")),
    (_table("weekdays")["name"], _bits("hijri_date", "day_range", "full_date", "weekday_range", "weekday")),
    (_table("parts")["word"], _bits("part_of_month", "part_of_year", "part_of_relative")),
    (_table("day_ordinals")["word"], _DAY_FORMS),
    ([*_table("numbers")["word"], *_units["word"]], _bits("relative_span")),
    (["ال" + normalize(w) for w in [*_units["word"], *_table("numbers")["word"]]], _bits("relative_span")),
    ([*_table("periods")["word"], "هذا", "هذه"], _bits("same_period", "relative_period")),
    (["نفس", "ذات"], _bits("same_period")),
    (_relative_days["word"], _bits("relative_day_with_weekday", "same_period", "relative_day")),
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
    assert set(forms) >= {c + w for w in _FIRST_WORDS for c in ("", "و", "ف", "ب", "وب", "فب")}
    return forms


_FORMS_OF_HEAD = _forms_of_heads()


def _forms_at(head: re.Match, start: int) -> int:
    """The forms that can start at a head: its word's and, after a leader, the next words'."""
    forms_of = _FORMS_OF_HEAD.get
    word = head.string[start:head.end()]
    forms = forms_of(word, 0) or (_DIGIT_FORMS if word[-1].isdigit() else 0)
    following = head.group("next")
    if following is not None:
        forms |= forms_of(following, 0) or (_DIGIT_FORMS if following[-1].isdigit() else 0)
        filler = head.group("filler")
        if filler is not None:
            forms |= forms_of(filler, 0)
    return forms


def _heads_by_regex(text: str) -> list[tuple[int, int]]:
    """(start, forms) of each match of ``HEADS.finditer(text)``: where a milestone can start, and
    which forms can start there. The reference for the compiled scan, and its stand-in."""
    out = []
    first = HEADS.match(text)
    if first:
        out.append((0, _forms_at(first, 0)))
    for head in _HEAD_AFTER_BREAK.finditer(text, first.end() if first else 0):
        out.append((head.start() + 1, _forms_at(head, head.start() + 1)))
    return out


def _head_scanner():
    """The compiled scan (``helpers._heads``) set up with these tables; None when it is not built."""
    try:
        from helpers._heads import HeadScanner
    except ImportError:
        return None
    openers = {c + w: _FORMS_OF_HEAD[c + w] for w in _FIRST_WORDS for c in ("", "و", "ف", "ب", "وب", "فب")}
    leaders: dict[str, list[tuple[str, ...]]] = {}
    for leader in _LEADERS:
        first, *rest = normalize(leader).split()
        leaders.setdefault(first, []).append(tuple(rest))
    for rests in leaders.values():
        rests.sort(key=len, reverse=True)  # longest first, as the greedy regex tries them
    assert all(re.fullmatch(r"\w+", w) for w in [*openers, *(w for r in leaders.values() for t in r for w in t)])
    assert all(_FORMS_OF_HEAD[c + d] == _DIGIT_FORMS for c in ("", "و", "ف", "ب", "وب", "فب")
               for d in ("ال", *"0123456789"))
    fillers = {normalize(w) for w in _fillers["word"]}
    return HeadScanner(openers, _FORMS_OF_HEAD, leaders, fillers, _DIGIT_FORMS)


_HEAD_SCANNER = _head_scanner()
# True when heads are found by the compiled scan (helpers._heads) rather than the regex.
COMPILED = _HEAD_SCANNER is not None


def _heads(text: str):
    """(start, forms) of each place a milestone can start: ``_heads_by_regex(text)``, compiled when built."""
    if _HEAD_SCANNER is None:
        return _heads_by_regex(text)
    flat = iter(_HEAD_SCANNER.scan(text))
    return zip(flat, flat)


def _head_starts(text: str):
    """Where each match of ``HEADS.finditer(text)`` starts."""
    return (start for start, _ in _heads(text))


_FINDERS: dict[int, re.Pattern] = {}


def _finder(forms: int) -> re.Pattern:
    """GRAMMAR with only the forms in the bit set ``forms`` and only their own groups, compiled when
    first needed."""
    finder = _FINDERS.get(forms)
    if finder is None:
        names = [f for i, f in enumerate(FORM_PATTERNS) if forms >> i & 1]
        finder = _FINDERS[forms] = re.compile(normalize(_uncaptured(_grammar(names), keep=names)))
    return finder


def _grammar_matches(text: str):
    """``GRAMMAR.finditer(text)``, but trying the grammar only where a milestone can start.

    Each match is that of its form's own grammar, found by the finder of the forms that can start
    at that head: same span and groups.
    """
    end = 0
    finders = _FINDERS
    for start, forms in _heads(text):
        if start < end:
            continue
        found = (finders.get(forms) or _finder(forms)).match(text, start)
        if found:
            match = _form_grammar(found.lastgroup).match(text, start)
            end = match.end()
            yield match


# ---------------------------------------------------------------- resolvers: one per form

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
                 tense: int = -1, narrative: int | None = None):
        first, names = _form_groups(form)
        super().__init__(zip(names, match.groups()[first:]))
        self.match, self.prefix, self.published = match, form + "__", published
        # for a yearless date: the tense of its clause (1 scheduled, 0 present, -1 past) and the year
        # the text fixed, if any
        self.tense, self.narrative = tense, narrative
        self.trigger_kind, self.bare_ok = TRIGGERS.get(_key(trigger), ("", False)) if trigger else ("", False)
        fill = match.group("fill") or match.group("fill0")
        if fill and FILLERS.get(_key(fill)):
            self.trigger_kind = FILLERS[_key(fill)]
        self.named = fill is not None and _key(fill) == _MONTH_WORD  # «شهر يوليو»: surely a month

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
def _form_groups(form: str) -> tuple[int, list[str]]:
    """Where the groups of ``form`` start in ``match.groups()`` of its pattern, and their short names."""
    grammar = _form_grammar(form)
    index = grammar.groupindex
    inner = sorted((i, name) for name, i in index.items() if name.startswith(form + "__"))
    assert [i for i, _ in inner] == list(range(index[form] + 1, grammar.groups + 1))
    return index[form], [name.removeprefix(form + "__") for _, name in inner]


@lru_cache(maxsize=4096)
def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


@lru_cache(maxsize=4096)
def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, _last_day(y, m))


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _month_number(g: Groups, name: str) -> int:
    return MONTHS[_key(g[name])][1]


def _day_number(g: Groups, name: str) -> int:
    return int(g[name]) if g[name] else DAY_ORDINALS[_key(g[name + "_ord"])]


@lru_cache(maxsize=4096)
def _nearest_year(published: dt.date, month: int, day: int = 15, last: int = 15) -> int:
    """The year that puts ``day month`` closest to the publication date (a yearless date), among
    the years that have day ``last`` (29 فبراير only in a leap year)."""
    def distance(y: int) -> tuple[bool, int]:
        d = _date(y, month, min(day, _last_day(y, month))) if 1 <= y <= 9999 else None
        if d is None:  # beyond the calendar (published in 9999)
            return True, 1 << 30
        return last > _last_day(y, month), abs((d - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _year_of_next_or_last(year: int, when, now, step: int) -> int:
    """The year of the next (``step`` > 0) or last (< 0) ``when`` (a month, or (month, day)) seen from
    ``now`` in ``year``, one year further for each step beyond one; ``year`` itself for 0 (الجاري)."""
    if step > 0:
        return (year if when > now else year + 1) + step - 1
    if step < 0:
        return (year if when < now else year - 1) + step + 1
    return year


_SINCE = _key("منذ")


def _year_for_month(g: Groups, month: int, day: int | None = None, last: int | None = None) -> tuple[int | None, bool]:
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
        return p.year + DIRECTIONS[_key(g["ydir"])], True
    if g["dir"]:  # the next (or last) such month, or the one after (before) it with بعد المقبل (قبل الماضي);
        # with a day, the next (last) such date: «27 أيلول الماضي» on 28 September is the day before
        step = DIRECTIONS[_key(g["dir"])]
        if step == 0 and month != p.month:  # «15 أكتوبر الحالي» in a September article: the coming one
            step = 1
        return _year_of_next_or_last(p.year, (month, day or 0), (p.month, p.day if day else 0), step), True
    if g.narrative is not None:  # the text fixed the year: «أعلنت روسيا في يونيو 2017 أنها قتلته في نهاية مايو»
        return g.narrative, True
    if p is None:
        return None, True
    if g.trigger_kind == "since" and _key(g.match.group("trig")) == _SINCE:
        # منذ السابع من أكتوبر: the last one before publication (اعتباراً من may announce a coming date)
        return (p.year if (month, day or 1) <= (p.month, p.day) else p.year - 1), True
    if g.tense == 0 or g.trigger_kind in _OPEN_ENDED and g.tense < 0:
        # present tense (يُعقد المؤتمر 15 أبريل), or اعتباراً من، حتى، بحلول: either side of publication
        return _nearest_year(p, month, day or 15, last or day or 15), True
    return _year_by_tense(p, month, day, last or day, g.tense > 0), True


# Triggers that may look either way from the publication date (اعتباراً من الأول من أكتوبر، حتى نهاية
# مايو، بحلول نهاية يونيو): a yearless date after them takes the nearest year unless its clause is scheduled.
_OPEN_ENDED = frozenset({"since", "until", "deadline", "before"})


@lru_cache(maxsize=4096)
def _year_by_tense(published: dt.date, month: int, day: int | None, last: int | None, future: bool) -> int:
    """The year of a yearless ``day month`` (or month): in a past-tense clause the last one on or before
    publication, in a scheduled one the next one on or after it; among the years that have day ``last``
    (29 فبراير only in a leap year)."""
    now = (published.month, published.day if day else 0)
    if future:
        year, step = (published.year if (month, last or 0) >= now else published.year + 1), 1
    else:
        year, step = (published.year if (month, day or 0) <= now else published.year - 1), -1
    for _ in range(8):  # a leap year is at most 8 years away; «31 فبراير» has none
        if not last or last <= _last_day(year, month):
            return year
        year += step
    return year


def _split_or_range(g: Groups, first: Hit, second: Hit, conn: str, adjacent: bool) -> list[Hit] | Hit:
    """``A و B``: one range after بين/من/يومي or for neighbours (15 و16), else two milestones."""
    if conn.strip() != "و" or g.is_range or adjacent or first.start is None:
        return Hit(first.start, second.end, first.precision, first.relative or second.relative, "range")
    return [first._replace(kind="date"), second._replace(kind="date")]


def _full_date(g: Groups) -> Hit | None:
    month, day = _month_number(g, "m"), _day_number(g, "d")
    year, relative = _year_for_month(g, month, day)
    if year is None:
        return Hit(None, None, "day", True) if 1 <= day <= 31 else None
    d = _date(year, month, day)
    return Hit(d, d, "day", relative) if d else None


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
    month, d1, d2 = _month_number(g, "m"), _day_number(g, "d1"), _day_number(g, "d2")
    year, relative = _year_for_month(g, month, d1, d2)
    if year is None:
        days = [d1, *(day for day, _ in _middle_days(g)), d2]
        return Hit(None, None, "day", True, "range") if 1 <= d1 and d2 <= 31 and _increasing(days) else None
    first, last = _date(year, month, d1), _date(year, month, d2)
    if not first or not last or last <= first:
        return None
    if g["mid"]:
        return _day_list(g, year, month, d1, d2, relative)
    return _split_or_range(g, Hit(first, first, "day", relative, span=g.span("d1")),
                           Hit(last, last, "day", relative, span=g.span_from("d2")), g["conn1"], d2 - d1 == 1)


def _day_list(g: Groups, year: int, month: int, d1: int, d2: int, relative: bool) -> Hit | list[Hit] | None:
    """``15 و16 و17 أبريل``: one range when the days follow each other or بين/من/يومي say so, else one
    date each (the middle ones are their digits alone, as the first is)."""
    middle = _middle_days(g)
    days = [d1, *(day for day, _ in middle), d2]
    if not _increasing(days):
        return None
    if g.is_range or all(b - a == 1 for a, b in pairwise(days)):
        return Hit(_date(year, month, d1), _date(year, month, d2), "day", relative, "range")
    spans = [g.span("d1"), *(span for _, span in middle), g.span_from("d2")]
    dates = [_date(year, month, day) for day in days]
    return [Hit(d, d, "day", relative, "date", span) for d, span in zip(dates, spans)]


def _day_range_cross(g: Groups) -> Hit | list[Hit] | None:
    m1, m2 = _month_number(g, "m1"), _month_number(g, "m2")
    d1, d2 = _day_number(g, "d1"), _day_number(g, "d2")
    year2, relative = _year_for_month(g, m2, d2)
    if year2 is None:
        return Hit(None, None, "day", True, "range")
    year1 = int(g["y1"]) if g["y1"] else (year2 if m1 <= m2 else year2 - 1)
    first, last = _date(year1, m1, d1), _date(year2, m2, d2)
    if not first or not last or last <= first:
        return None
    end_first = g.span("y1")[1] if g["y1"] else g.span("m1")[1]
    return _split_or_range(g, Hit(first, first, "day", relative, span=(g.span("d1")[0], end_first)),
                           Hit(last, last, "day", relative, span=g.span_from("d2")), g["conn1"], False)


_MONTH_WORD = _key("شهر")
_LEVANTINE = {_key(n) for n in _months.loc[_months.region == "levant", "name"]}


def _month(g: Groups) -> Hit | None:
    _calendar, month, bare_ok = MONTHS[_key(g["m"])]
    second = g["m_alt"] or g["m_par"]
    bare = not (g["y"] or g["ydir"] or g["dir"])
    # a lone تموز or نيسان is a name: it needs في/منذ/حتى, or its twin (تموز/يوليو), or «شهر» before it
    if bare and not g.named and not ((bare_ok or second is not None) and g.bare_ok):
        return None
    year, relative = _year_for_month(g, month)
    if year is None:
        return Hit(None, None, "month", True)
    month2 = MONTHS[_key(second)][1] if second else month
    if g["m_alt"] and month2 != month:  # «سبتمبر/تشرين أول»: names that disagree, the Gregorian one wins
        month = month2 = month2 if _key(g["m"]) in _LEVANTINE else month
        year, relative = _year_for_month(g, month)
    year2 = year if month2 >= month else year + 1
    return Hit(_month_span(year, month)[0], _month_span(year2, month2)[1], "month", relative)


def _month_range(g: Groups) -> Hit | list[Hit] | None:
    m1, m2 = _month_number(g, "m1"), _month_number(g, "m2")
    year2, relative = _year_for_month(g, m2)
    if year2 is None:
        return Hit(None, None, "month", True, "range")
    year1 = int(g["y1"]) if g["y1"] else (year2 if m1 <= m2 else year2 - 1)
    (first, end_first), (start_last, last) = _month_span(year1, m1), _month_span(year2, m2)
    if last <= first:
        return None
    end1 = g.span("y1")[1] if g["y1"] else g.span("m1")[1]
    adjacent = (year2 * 12 + m2) - (year1 * 12 + m1) == 1
    return _split_or_range(g, Hit(first, end_first, "month", relative, span=(g.span("m1")[0], end1)),
                           Hit(start_last, last, "month", relative, span=g.span_from("m2")), g["conn1"], adjacent)


def _part_days(part, y: int, m: int) -> tuple[dt.date, dt.date]:
    def day(value: str) -> int:  # a day number, "last", or "last-6" (the last week starts there)
        if value.startswith("last"):
            return _last_day(y, m) + int(value.removeprefix("last") or 0)
        return int(value)

    return dt.date(y, m, day(part.month_first)), dt.date(y, m, day(part.month_last))


def _part_of_month(g: Groups) -> Hit | None:
    part, month = PARTS[_key(g["p"])], _month_number(g, "m")
    if not part.month_first:  # الربع الأول applies to a year, not a month
        return None
    year, relative = _year_for_month(g, month)
    if year is None:
        return Hit(None, None, part.month_precision, True)
    return Hit(*_part_days(part, year, month), part.month_precision, relative)


def _part_year_span(part, y: int) -> tuple[dt.date, dt.date]:
    (m1, d1), (m2, d2) = (map(int, part.year_first.split("-")), map(int, part.year_last.split("-")))
    return dt.date(y, m1, d1), dt.date(y, m2, d2)


def _part_of_year(g: Groups) -> Hit | None:
    part, year = PARTS[_key(g["p"])], int(g["y"])
    if not g["pre"] and year not in BARE_YEARS:
        return None
    return Hit(*_part_year_span(part, year), part.year_precision)


def _part_of_relative(g: Groups) -> Hit | None:
    part = PARTS[_key(g["p"])]
    unit = PERIODS[_key(g["per"] or g["this"])]
    if unit == "week":  # نهاية الأسبوع is the weekend of that week (Monday to Sunday): Saturday and Sunday
        return _weekend(g) if _key(g["p"]) in _WEEK_ENDS else None
    if unit == "month" and not part.month_first:
        return None
    p = g.published
    precision = part.year_precision if unit == "year" else part.month_precision
    if p is None:
        return Hit(None, None, precision, True)
    step = DIRECTIONS[_key(g["dir"])] if g["dir"] else 0
    if unit == "year":
        return Hit(*_part_year_span(part, p.year + step), precision, True)
    first = _add_months(p.replace(day=1), step)
    return Hit(*_part_days(part, first.year, first.month), precision, True)


_WEEK_ENDS = {_key("نهاية"), _key("ختام")}


def _weekend(g: Groups) -> Hit:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5, weeks=DIRECTIONS[_key(g["dir"])] if g["dir"]
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
    if not (g["pre"] or g.bare_ok or g.is_range or dash) or not (y1 in BARE_YEARS and y2 in BARE_YEARS):
        return None  # "1200 و1500 جندي" are counts
    first = Hit(dt.date(y1, 1, 1), dt.date(y1, 12, 31), "year", kind="date", span=g.span("y1"))
    second = Hit(dt.date(y2, 1, 1), dt.date(y2, 12, 31), "year", kind="date", span=g.span("y"))
    if y2 <= y1:
        return [first, second]
    return _split_or_range(g, first, second, g["conn1"], y2 - y1 == 1)


@lru_cache(maxsize=4096)
def _hijri_to_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _hijri_date(g: Groups) -> Hit | None:
    d = _hijri_to_date(int(g["y"]), _month_number(g, "m"), _day_number(g, "d"))
    return Hit(d, d, "day") if d else None


def _hijri_month(g: Groups) -> Hit | None:
    m = _month_number(g, "m")
    if g["y"]:
        y, relative = int(g["y"]), False
    elif g.published is None:
        return Hit(None, None, "month", True)
    else:  # رمضان المقبل / الماضي / الجاري: counted in Hijri years from the publication date
        y, relative = _hijri_year_for_month(g.published, m, DIRECTIONS[_key(g["dir"])]), True
    first = _hijri_to_date(y, m, 1)
    if first is None:
        return None
    last = first + dt.timedelta(days=Hijri(y, m, 1).month_length() - 1)
    return Hit(first, last, "month", relative)


def _hijri_year_for_month(published: dt.date, month: int, step: int) -> int:
    """The Hijri year of the next (``step`` 1), last (-1) or current (0) Hijri ``month`` seen from
    ``published``; ±2 (بعد المقبل، قبل الماضي) one further."""
    today = Gregorian(published.year, published.month, published.day).to_hijri()
    return _year_of_next_or_last(today.year, month, today.month, step)


def _hijri_year(g: Groups) -> Hit | None:
    """A marked Hijri year (1445 هـ); beyond hijridate's range a ValueError, so it is kept unresolved."""
    y = int(g["y"])
    first, last_month = _hijri_to_date(y, 1, 1), _hijri_to_date(y, 12, 1)
    if first is None or last_month is None:
        raise ValueError(f"Hijri year {y} is beyond hijridate's range")
    return Hit(first, last_month + dt.timedelta(days=Hijri(y, 12, 1).month_length() - 1), "year")


def _numeric_date(g: Groups) -> Hit | None:
    if g["y"]:
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    else:
        y, m, d = int(g["iy"]), int(g["im"]), int(g["id"])
    if g["marker"] or 1300 <= y < 1500:
        day = _hijri_to_date(y, m, d)
        return Hit(day, day, "day", kind="hijri") if day else None
    day = _date(y, m, d) if y >= 1000 else None
    return Hit(day, day, "day") if day else None


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    return _add_months(d, n * (12 if unit == "year" else 1))


def _relative_span(g: Groups) -> Hit | None:
    unit_key = _key(g["unit"] or g["unit2"] or g["dual"])
    unit, count = UNITS[unit_key if unit_key in UNITS else unit_key.removeprefix("ال")]
    number = g["n"] or g["n2"]
    n = count if g["dual"] else (int(number) if number.isdigit() else NUMBERS[_key(number)])
    step = DIRECTIONS[_key(g["dir"])]
    if not n or step not in (-1, 1):  # الأيام الثلاثة الحالية / قبل الماضية: no span
        return None
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    other = _shift(p, unit, n * step)
    return Hit(min(p, other), max(p, other), "day", True)


def _relative_period(g: Groups) -> Hit | None:
    unit = PERIODS[_key(g["per"] or g["this"])]
    step = DIRECTIONS[_key(g["dir"])] if g["dir"] else 0
    p = g.published
    precision = {"year": "year", "month": "month", "week": "day"}[unit]
    if p is None:
        return Hit(None, None, precision, True)
    if unit == "year":
        return Hit(dt.date(p.year + step, 1, 1), dt.date(p.year + step, 12, 31), "year", True)
    if unit == "month":
        first = _add_months(p.replace(day=1), step)
        return Hit(*_month_span(first.year, first.month), "month", True)
    monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=step)
    return Hit(monday, monday + dt.timedelta(days=6), "day", True)


def _relative_day(g: Groups) -> Hit | None:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    d = p + dt.timedelta(days=RELATIVE_DAYS[_key(g["word"])])
    return Hit(d, d, "day", True)


def _day_of_relative_month(g: Groups) -> Hit | None:
    p = g.published
    if p is None:
        return Hit(None, None, "day", True)
    first = _add_months(p.replace(day=1), DIRECTIONS[_key(g["dir"])] if g["dir"] else 0)
    d = _date(first.year, first.month, _day_number(g, "d"))
    return Hit(d, d, "day", True) if d else None


def _future_before(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future (سوف، ستعقد، من المقرر)."""
    clause = CLAUSE_BREAK.split(text[max(0, start - 150):start])[-1]
    return FUTURE.search(" " + clause) is not None


# The first word of a clause, when it is a verb in the imperfect (يُعقد المؤتمر، وتستمر المناورات): the
# clause speaks of the present or a schedule. A noun that looks alike (تنظيم) only costs the reading by
# tense: the date then takes the year nearest to publication.
_IMPERFECT_FIRST = re.compile(r"\s*[وف]?[يت][^\W\d]{2,}")


def _tense(text: str, start: int, end: int) -> int:
    """The tense of the clause of a yearless date: 1 scheduled (a future marker), 0 present (its clause
    opens with an imperfect verb), -1 past (news reports the past)."""
    if _future_around(text, start, end):
        return 1
    return 0 if _IMPERFECT_FIRST.match(text, _after_last(text, _CLAUSE_CHARS_ALL, start - 150, start), start) else -1


_SENTENCE_BREAK_CHARS = ".!?؟\n"
_CLAUSE_CHARS_ALL = ".!?؟،؛,;:\n"


def _after_last(text: str, chars: str, lo: int, hi: int) -> int:
    """Just after the last of ``chars`` in ``text[lo:hi]`` (``lo`` when there is none)."""
    lo = max(0, lo)
    return max(lo, *(text.rfind(c, lo, hi) + 1 for c in chars))


SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
_FIRST_WORD_AFTER = re.compile(r"\W+\w+")


def _future_around(text: str, start: int, end: int) -> bool:
    """True when the sentence before ``start`` speaks of the future («وسيخاطب الرئيس …، خلال لقائه
    … الثلاثاء 25 أبريل»), or the word right after ``end`` does («في 24 أبريل سيزور المقبرة»)."""
    begin = _after_last(text, _SENTENCE_BREAK_CHARS, start - 250, start)
    # FUTURE wants a non-word character before a marker: the break itself, or a space put before the text
    found = FUTURE.search(text, begin - 1, start) if begin > 0 else FUTURE.search(" " + text[:start])
    if found is not None:
        return True
    after = _FIRST_WORD_AFTER.match(text, end)
    return after is not None and FUTURE.match(after.group()) is not None


def _weekday_step(g: Groups, form: str) -> int:
    """The direction of a weekday: its own word (المقبل، قبل الماضي), else the tense of the clause
    before it: the next such day after a future verb (ستعقد), the last one in a past report."""
    if g["dir"]:
        return DIRECTIONS[_key(g["dir"])]
    return 1 if _future_before(g.match.string, g.match.start(form)) else -1


def _weekday_date(published: dt.date, weekday: int, step: int, inclusive: bool = False) -> dt.date | None:
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


def _weekday_range(g: Groups) -> Hit | list[Hit] | None:
    """Two weekdays: in a past report the pair that ends on the last such second day (الخميس والجمعة
    on a Friday is last week's), else the pair that starts on the next such first day; one range when
    they follow each other or بين/من/يومي or a dash say so, else two days."""
    p = g.published
    if p is None:
        return Hit(None, None, "day", True, "range")
    wd1, wd2 = WEEKDAYS[_key(g["wd"])], WEEKDAYS[_key(g["wd2"])]
    step = _weekday_step(g, "weekday_range")
    gap = dt.timedelta(days=(wd2 - wd1) % 7 or 7)
    inclusive = not g["dir"]
    if step < 0:
        second = _weekday_date(p, wd2, step, inclusive)
        first = second - gap
    elif step > 0:
        first = _weekday_date(p, wd1, step, inclusive)
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
    d = _weekday_date(p, WEEKDAYS[_key(g["wd"])], _weekday_step(g, "weekday"), not g["dir"])
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
    "same_period": ("relative", lambda g: None),  # resolved from the story (_Narrative.anaphora)
    "relative_period": ("relative", _relative_period),
    "relative_day": ("relative", _relative_day),
    "weekday_range": ("range", _weekday_range),
    "weekday": ("relative", _weekday),
}
assert list(RESOLVERS) == list(FORM_PATTERNS)
BOUNDS = {"deadline", "until", "since", "before", "after"}
# Forms whose reading also depends on the tense of the clause before them (سوف، ستعقد).
_WEEKDAY_FORMS = ("weekday", "weekday_range")


# ---------------------------------------------------------------- public API

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


@lru_cache(maxsize=4096)
def _timestamp(d: dt.date | None) -> pd.Timestamp:
    return pd.Timestamp(d) if d is not None else pd.NaT


# A resolved match is (span override, start, end, precision, kind, resolved) for each of its hits.
Resolved = tuple[tuple[tuple[int, int] | None, pd.Timestamp, pd.Timestamp, str, str, bool], ...]
# Resolutions by (form, groups of the match, publication date): the same words resolve the same way
# (الجمعة، العام الماضي، 2024 recur in every article). Only results without offsets are kept; a lone
# weekday's (or pair of weekdays') key also says whether the clause before it speaks of the future (سوف، ستعقد). What the
# text alone dates (15 أبريل 2024) is kept under (form, groups): articles of other dates reuse it.
_RESOLVED: dict[tuple, Resolved] = {}
_MAX_RESOLVED = 50_000


def _resolve(match: re.Match, form: str, published: dt.date | None, tense: int = -1,
             narrative: int | None = None, event: bool = False) -> tuple[Resolved, bool]:
    """What ``match`` says, by its form's resolver, everything of a Milestone but the offsets; and
    whether that is read off the text alone (a full date, a year), the same for any publication date."""
    groups = Groups(match, form, published, match.group("trig"), tense, narrative)
    groups.named = groups.named or event
    kind, resolve = RESOLVERS[form]
    hits = resolve(groups)
    if hits is None:
        return (), False
    hits = hits if isinstance(hits, list) else (hits,)
    bound = groups.trigger_kind if groups.trigger_kind in BOUNDS else None
    resolved = tuple(
        (hit.span, _timestamp(hit.start), _timestamp(hit.end), hit.precision,
         bound or hit.kind or ("relative" if hit.relative else kind), hit.start is not None)
        for hit in hits
    )
    return resolved, not any(hit.relative for hit in hits)


def extract_milestones(text: str, published=None) -> list[Milestone]:
    """Every calendar date or period written in ``text``, in text order.

    ``published`` anchors relative expressions (أمس، الجمعة، العام المقبل): an ISO date string or a
    date object, read by :func:`helpers.published.parse_published` (anything else raises ``ValueError``).
    """
    if not text:
        return []
    return _milestones_in(normalize_with_map(text), published)


def _milestones_in(norm: Normalized, published) -> list[Milestone]:
    """``extract_milestones`` on an already normalised text (the corpus table normalises once)."""
    text = norm.original
    to_original = norm.span
    pub = parse_published(published)
    out: list[Milestone] = []
    cached = _RESOLVED.get
    story = _Narrative(norm.text, pub)
    seen = story.seen
    stitch = False  # whether a form that _stitched may join was seen
    last_form = ""
    for match in _grammar_matches(norm.text):
        form = match.lastgroup
        groups = match.groups()
        yearless = False
        tense = -1
        if form in _ANAPHORIC_FORMS and (form == "same_period" or match.group(form + "__same") is not None):
            resolved = story.anaphora(match, form)  # «الشهر نفسه»: never cached, it depends on the dates before
        else:
            resolved = cached((form, groups))  # a date read off the text alone, whatever the publication date
        if resolved is None:
            year = event = None
            if form in _WEEKDAY_FORMS:
                tense = 1 if _future_before(match.string, match.start(form)) else -1
                key = (form, groups, pub, tense > 0)
            elif form in _YEARLESS_FORMS and _is_yearless(match, form):
                yearless = True
                event = _event_year(match, form)
                tense, year = story.context(match.start(form), match.end()) if event is None else (-1, event)
                key = (form, groups, pub, tense, year, event is not None)
            else:
                key = (form, groups, pub)
            resolved = cached(key)
            if resolved is None:
                try:
                    resolved, absolute = _resolve(match, form, pub, tense, year, event is not None)
                except (ValueError, OverflowError) as error:  # beyond the calendars: kept unresolved
                    resolved = _unresolved(match, form, pub, error)
                else:
                    if not any(hit[0] for hit in resolved):
                        if len(_RESOLVED) >= _MAX_RESOLVED:
                            _RESOLVED.clear()
                        _RESOLVED[(form, groups) if absolute else key] = resolved
        if not resolved:
            continue
        seen.append((match, form, yearless, resolved, tense))
        if not stitch and (form in _STITCHED_FORMS or form == last_form == "weekday"
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
            out.append(Milestone(text[o_start:o_end], start, end, precision, kind, form, trigger,
                                 o_start, o_end, is_resolved))
    return _stitched(out, text) if stitch and len(out) > 1 else out


# Between the two ends of a range written in full («بين آب/أغسطس 2014 ونهاية نيسان/ابريل 2018»), after
# the same day said twice («اليوم الأحد 19 مارس 2017»), and between a dated statement and the «اليوم»
# it quotes («8 مايو 2018، أعلن ترامب وقال: "أعلن اليوم…"»).
_RANGE_GAP = re.compile(r"[^\S\n]*(?:و|إلى|الى|حتى|لغاية|[-–—])[^\S\n]*")
_SAME_DAY_GAP = re.compile(r"[^\S\n]*[،,]?[^\S\n]*")
_QUOTE = re.compile(r"[\"«“:]|(?<!\w)[أإا]ن(?!\w)")
_TODAY = _key("اليوم")
_RANGE_OPENERS = frozenset({"range", "since"})
_STITCHED_FORMS = frozenset({"relative_day_with_weekday", "relative_day"})
_NIGHT = re.compile(r"(?:^|\W)ليل[ةه]?\W+$")


@lru_cache(maxsize=256)
def _opens_range(trigger: str) -> bool:
    return TRIGGERS.get(_key(trigger), ("",))[0] in _RANGE_OPENERS


def _stitched(found: list[Milestone], text: str) -> list[Milestone]:
    """``found`` with what the text joins made one: a range with two full ends is one row first..last
    (after بين or من, A و/إلى B), «اليوم الأحد» before its own full date is that date, and «اليوم» in a
    statement the sentence dates (after أن، إن، a colon or a quotation mark) is the statement's day."""
    out: list[Milestone] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.resolved and m.resolved and (
                prev.form in _STITCHED_FORMS or prev.form == m.form == "weekday"
                or prev.trigger and not m.trigger and _opens_range(prev.trigger)):
            gap = text[prev.char_end:m.char_start]
            if (prev.form == "relative_day_with_weekday" and m.precision == "day" and m.start == m.end
                    and _SAME_DAY_GAP.fullmatch(gap)):
                out[-1] = m._replace(surface=text[prev.char_start:m.char_end], char_start=prev.char_start,
                                     trigger=prev.trigger or m.trigger)
                continue
            if (not m.trigger and prev.trigger and _RANGE_GAP.fullmatch(gap) and _opens_range(prev.trigger)
                    and (gap.strip() != "و" or _key(prev.trigger) == _BETWEEN)
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
        if m.form == "relative_day" and m.resolved and _key(m.surface) == _TODAY:
            m = _quoted_today(m, out, text)
        out.append(m)
    return out


_BETWEEN = _key("بين")
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


def _unresolved(match: re.Match, form: str, published: dt.date | None, error: Exception) -> Resolved:
    """A date beyond what the calendars handle («غدا» published 9999-12-31, «رمضان المقبل» beyond
    hijridate's range, a year pandas cannot hold): one unresolved row and a warning, never an exception."""
    warnings.warn(f"milestone {match.group(form)!r} (published {published}) is beyond the calendars: "
                  f"{error}; left unresolved", MilestoneWarning, stacklevel=5)
    precision = "year" if form in ("year", "year_range", "hijri_year") else "day"
    return ((None, pd.NaT, pd.NaT, precision, "hijri" if form == "hijri_year" else "relative", False),)


class MilestoneWarning(UserWarning):
    """A milestone that could not be dated (beyond the calendars): it is kept, unresolved."""


# Forms that may point back at the date before them («الرابع من الشهر نفسه»، «نفس اليوم»).
_ANAPHORIC_FORMS = frozenset({"same_period", "day_of_relative_month"})
# Forms whose year may be left out («نهاية مايو»): the year then comes from the text or from the tense
# of the clause and the publication date.
_YEARLESS_FORMS = frozenset({"day_range_cross", "day_range", "full_date", "month_range", "part_of_month", "month"})
# Forms read against the publication date: after them, the story is back in the present.
_PRESENT_FORMS = frozenset({"relative_span", "relative_day_with_weekday", "relative_period", "relative_day",
                            "weekday_range", "weekday", "day_of_relative_month", "part_of_relative"})
# Forms with a written year that fix the year of the narrative (a bare «عام 1979» aside does not).
_NARRATIVE_FORMS = frozenset({"day_range_cross", "day_range", "full_date", "month_range_years", "month_range",
                              "part_of_month", "part_of_year", "month", "numeric_date"})
# A narrative year holds over this many line breaks after the last date of that year: its paragraph.
_NARRATIVE_LINES = 0


_WORD_BEFORE = re.compile(r"(?:^|\W)[وفبل]*(?:ال)?(\w+)\W+$")


def _event_year(match: re.Match, form: str) -> int | None:
    """The year of the named event a yearless month follows («لهجمات سبتمبر», «حرب أكتوبر»), if any."""
    if not NAMED_EVENTS or match.group("trigger") is not None:
        return None
    start = match.start()
    before = _WORD_BEFORE.search(match.string, max(0, start - 24), start)
    month = match.group(form + "__m") if form in ("full_date", "month", "part_of_month") else None
    if before is None or month is None:
        return None
    return NAMED_EVENTS.get((_key(before.group(1)), MONTHS[_key(month)][1]))


def _is_yearless(match: re.Match, form: str) -> bool:
    group = match.group
    return group(form + "__y") is None and group(form + "__ydir") is None and group(form + "__dir") is None


def _without_direction(match: re.Match, form: str) -> bool:
    """True when a date of a yearless form has its year written (not «22 يونيو الماضي»)."""
    return match.group(form + "__ydir") is None and match.group(form + "__dir") is None


class _Narrative:
    """The year an article's text has fixed so far («في يونيو 2017 … في نهاية مايو»), for yearless dates.

    A date with a written year sets it; a date read against the publication date (الجمعة، أمس، الشهر
    الماضي، 22 يونيو الماضي) brings the story back to the present and clears it; so does the end of
    the paragraph (a background paragraph «قتل في تموز 2016» does not date the next one's «الرابع من تموز»). It applies to a yearless date in a past-tense clause when it
    is before the publication year (or there is no publication date); a scheduled date, or one in a story
    of this year, is read against the publication date by the tense of its clause.
    """

    __slots__ = ("at", "day", "done", "done_before", "header", "month", "pub", "seen", "text", "year", "year_of_last")

    def __init__(self, text: str, pub: dt.date | None):
        self.text, self.pub, self.year, self.at = text, pub, None, 0
        self.header = False  # the year is a timeline label's: it holds until the next label or year
        # the last day, month (first day) and year a past date of the text named, for anaphora
        self.day = self.month = self.year_of_last = None
        # (match, form, yearless, resolved, tense) of the milestones seen so far (_milestones_in appends),
        # followed only when a yearless date or an anaphora asks: most articles have neither
        self.seen: list[tuple] = []
        self.done = self.done_before = 0  # how far the story and the antecedents have followed ``seen``

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
            if form in _WEEKDAY_FORMS and _future_around(match.string, match.start(form), match.end()):
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
            day = _date(first.year, first.month, _day_number(Groups(match, form, None, None), "d")) if first else None
            return ((None, _timestamp(day), _timestamp(day), "day", "relative", True),) if day else ()
        per = _key(match.group(form + "__per") or match.group(form + "__per2") or match.group(form + "__per3"))
        unit = "day" if per == _TODAY else PERIODS[per]
        if unit == "day" and self.day:
            return ((None, _timestamp(self.day), _timestamp(self.day), "day", "relative", True),)
        if unit == "month" and self.month:
            first, last = _month_span(self.month.year, self.month.month)
            return ((None, _timestamp(first), _timestamp(last), "month", "relative", True),)
        if unit == "year" and self.year_of_last:
            y = self.year_of_last
            return ((None, _timestamp(dt.date(y, 1, 1)), _timestamp(dt.date(y, 12, 31)), "year", "relative", True),)
        return ()

    def context(self, start: int, end: int) -> tuple[int, int | None]:
        """(tense, narrative year to use) for a yearless date at ``start..end``."""
        tense = _tense(self.text, start, end) if self.pub is not None else -1
        self._catch_up()
        year = self.year
        if year is not None and not self.header and self.text.count("\n", self.at, start) > _NARRATIVE_LINES:
            year = self.year = None
        if year is None or tense > 0 or (self.pub is not None and year >= self.pub.year):
            return tense, None
        return tense, year

    def _follow(self, match: re.Match, form: str, yearless: bool, resolved: Resolved) -> None:
        """Follow the story past one resolved milestone."""
        if form in _PRESENT_FORMS:
            self.year, self.header = None, False
        elif form == "year" and match.group("year__label") is not None:
            self.year, self.at, self.header = int(match.group("year__y")), match.end(), True
        elif form in _NARRATIVE_FORMS:
            if not yearless:
                end = resolved[-1][2]
                if form in _YEARLESS_FORMS and not _without_direction(match, form):
                    self.year = None  # «22 يونيو الماضي»: against the publication date
                elif end is not pd.NaT:
                    self.year, self.at, self.header = end.year, match.end(), False
            elif self.year is not None and resolved[-1][2] is not pd.NaT and resolved[-1][2].year == self.year:
                self.at = match.end()  # the story goes on in that year


# ---------------------------------------------------------------- corpus level: where and about what

def _subject_names() -> set[str]:
    """Listed places and organisations, normalised, also as written after ل (للعراق is ل + لعراق)."""
    names = {normalize(n) for n in _subjects["name"]}
    return names | {n[1:] for n in names if n.startswith("ال")}


_SUBJECT_NAMES = _subject_names()
# A subject name with attached clitics (وبالعراق، للتحالف).
_SUBJECT = rf"(?:[وف]?[بلك]?)(?P<name>{_alternation(_SUBJECT_NAMES)})"
SUBJECT_NAMES = re.compile(rf"(?<!\w){_SUBJECT}")
# SUBJECT_NAMES after the non-word character before it, as _HEAD_AFTER_BREAK: the engine skips to
# the next break between words that one of the first letters follows. Same matches.
_SUBJECT_FIRST = "".join(sorted({" ".join(n.split())[0] for n in _SUBJECT_NAMES} | set("وفبلك")))
_SUBJECT_AFTER_BREAK = re.compile(rf"\W(?=[{re.escape(_SUBJECT_FIRST)}]){_SUBJECT}")


def _subject_matches(text: str):
    """``SUBJECT_NAMES.finditer(text)``: the same ``name`` spans, found about three times faster."""
    first = SUBJECT_NAMES.match(text)
    if first:
        yield first
    yield from _SUBJECT_AFTER_BREAK.finditer(text, first.end() if first else 0)


def _subject_of(name: str) -> tuple[str, str]:
    key = _key(name)
    return SUBJECTS.get(key) or SUBJECTS[_key("ا" + name)]


def _break_finder(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


_BREAK_FINDERS: dict[str, re.Pattern] = {}


def _breaks(text: str, chars: str) -> list[int]:
    """Where sentences (or clauses) end: after a line break, after ``SENTENCE_MARKS`` (.!?؟…) before
    a space or the end, after ``،؛,;:`` for clauses. One character class scanned in C, then a check of
    the next character: about four times faster than a lookahead pattern (``[.!?؟…]+(?=\\s|$)|\n``)
    giving the same cut points."""
    finder = _BREAK_FINDERS.get(chars) or _BREAK_FINDERS.setdefault(chars, _break_finder(chars))
    n = len(text)
    out = []
    for m in finder.finditer(text):
        p = m.start()
        if text[p] in SENTENCE_MARKS and p + 1 < n and not text[p + 1].isspace():
            continue
        out.append(p + 1)
    return out


_SENTENCE_CHARS = "\n" + SENTENCE_MARKS
_CLAUSE_CHARS = _SENTENCE_CHARS + "،؛,;:"


class _ArticleContext:
    """Sentences, clauses and subject mentions of one article text, for locating milestones."""

    def __init__(self, norm: Normalized):
        text = self.text = norm.original
        # a clause ends wherever a sentence does: one pass finds both
        self.clauses = [0] + _breaks(text, _CLAUSE_CHARS)
        self.sentences = [p for p in self.clauses if p == 0 or text[p - 1] in _SENTENCE_CHARS]
        self._sentence_text: dict[tuple[int, int | None], str] = {}
        # per kind, the subject mentions in text order: (starts, ends, subjects), searched with bisect
        self.subjects: dict[str, tuple[list[int], list[int], list[str]]] = {}
        for m in _subject_matches(norm.text):
            subject, kind = _subject_of(m.group("name"))
            n_start, n_end = norm.span(*m.span("name"))
            starts, ends, names = self.subjects.setdefault(kind, ([], [], []))
            starts.append(n_start)
            ends.append(n_end)
            names.append(subject)

    @staticmethod
    def _around(bounds: list[int], start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(bounds, start) - 1
        j = bisect.bisect_left(bounds, end)
        return bounds[i], bounds[j] if j < len(bounds) else None

    def sentence(self, start: int, end: int) -> str:
        bounds = self._around(self.sentences, start, end)
        found = self._sentence_text.get(bounds)
        if found is None:  # milestones share sentences: cut each once
            found = self._sentence_text[bounds] = self.text[bounds[0]:bounds[1]].strip()
        return found

    def subject(self, start: int, end: int) -> str:
        """What the milestone is about: the nearest listed place, else organisation, in its clause.

        When its own clause names none ("…في العراق خلال الاثني عشر شهراً، وفي موعد أقصاه نهاية
        سبتمبر 2025"), the clauses before it in the same sentence are searched, nearest first;
        text after the sentence never is.
        """
        clause = self._around(self.clauses, start, end)
        sentence_start = self._around(self.sentences, start, end)[0]
        for kind in ("place", "organisation"):
            found = self._nearest(kind, start, end, clause[0], len(self.text) if clause[1] is None else clause[1])
            found = found or self._nearest(kind, start, end, sentence_start, start)
            if found:
                return found
        return ""

    def _nearest(self, kind: str, start: int, end: int, lo: int, hi: int) -> str:
        """The subject of ``kind`` nearest to ``start..end`` among those lying within ``lo..hi``."""
        starts, ends, names = self.subjects.get(kind, ((), (), ()))
        best: tuple[int, str] | None = None
        for i in range(bisect.bisect_left(starts, lo), len(starts)):
            if starts[i] >= hi:
                break
            if ends[i] <= hi:
                distance = max(start - ends[i], starts[i] - end, 0)
                if best is None or distance < best[0]:
                    best = (distance, names[i])
        return best[1] if best else ""


COLUMNS = ["article_id", "surface", "start", "end", "precision", "kind", "trigger", "form", "paragraph",
           "char_start", "char_end", "sentence", "subject", "resolved",
           "event", "place", "actor", "claimant", "negated"]  # the claim: helpers.claims


def milestones_table(corpus, progress: bool | None = None) -> pd.DataFrame:
    """One row per milestone occurrence in a corpus (anything with ``articles`` and ``paragraphs``).

    Offsets are into the article text; ``paragraph`` is 0 for the title; relative expressions
    of an article without a publication date have ``resolved`` False and no dates. ``progress``
    shows a bar of articles done (default: from 2,000 articles on).
    """
    from tqdm import tqdm

    paragraph_starts = _paragraph_starts(corpus.paragraphs)
    rows: list[tuple] = []
    articles = corpus.articles.itertuples(index=False)
    show = len(corpus.articles) >= PROGRESS_FROM if progress is None else progress
    for article in tqdm(articles, total=len(corpus.articles), unit="article", desc="milestones", disable=not show):
        starts, numbers = paragraph_starts.get(article.article_id, ((), ()))
        rows += article_milestones(article.article_id, article.text, getattr(article, "published", None),
                                    starts, numbers)
    columns = dict(zip(COLUMNS, map(list, zip(*rows)))) if rows else {name: [] for name in COLUMNS}
    table = pd.DataFrame(columns, columns=COLUMNS)
    for column in ("start", "end"):
        table[column] = pd.to_datetime(table[column])
    return table.astype({"paragraph": int, "char_start": int, "char_end": int, "resolved": bool})


def article_milestones(article_id, text, published, paragraph_starts, paragraph_numbers) -> list[tuple]:
    """The ``COLUMNS`` of each milestone in one article; paragraphs as sorted start offsets and their numbers."""
    if not isinstance(text, str) or not text:
        return []
    norm = normalize_with_map(text)
    found = _milestones_in(norm, published)
    if not found:
        return []
    context = _ArticleContext(norm)
    from .claims import extract_claims
    claims = extract_claims(text, [(m.char_start, m.char_end) for m in found], paragraph_starts, norm)
    rows = []
    for m, claim in zip(found, claims):
        i = bisect.bisect_right(paragraph_starts, m.char_start) - 1
        rows.append((article_id, m.surface, m.start, m.end, m.precision, m.kind, m.trigger, m.form,
                     paragraph_numbers[i] if i >= 0 else -1, m.char_start, m.char_end,
                     context.sentence(m.char_start, m.char_end), context.subject(m.char_start, m.char_end),
                     m.resolved, *claim))
    return rows


def _paragraph_starts(paragraphs: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    """Per article, its paragraphs' start offsets and numbers as sorted lists, for ``bisect``."""
    ordered = paragraphs.sort_values(["article_id", "char_start"], kind="stable")
    result: dict[str, tuple[list[int], list[int]]] = {}
    ids = ordered["article_id"].tolist()
    starts = ordered["char_start"].tolist()
    numbers = ordered["paragraph"].tolist()
    first = 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[first]:
            result[ids[first]] = (starts[first:i], [int(n) for n in numbers[first:i]])
            first = i
    return result


def __getattr__(name: str):
    """``milestone_summary`` and ``published_date_effect`` moved to ``helpers.views``; still found here."""
    if name in ("milestone_summary", "published_date_effect"):
        from . import views

        return getattr(views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
