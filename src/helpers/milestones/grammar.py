"""The milestone grammar: one named regex pattern a form (``FORM_PATTERNS``), built from the vocabulary.

Each form (a full date, a day range, a Hijri month, a relative period, a lone weekday…) is a pattern
whose groups the resolvers read; ``LEAD`` keeps the leading conjunction, preposition or deadline phrase
apart as the trigger. ``GRAMMAR`` is all forms in one pattern, the reference the fast scan
(``milestones.scan``) is tested against; ``form_grammar`` is one form's, as the scan reads the groups.
The sets of forms at the end say how the resolvers and the story treat each form.
"""

from __future__ import annotations

import re
from functools import cache

from ..normalize import normalize
from .vocabulary import TABLES, alternation

__all__ = [
    "ANAPHORIC_FORMS", "CLAUSE_BREAK", "FILLER", "FORM_PATTERNS", "FUTURE", "GRAMMAR", "MONTH_NAMES",
    "NARRATIVE_FORMS", "PAST", "PRESENT_FORMS", "WEEKDAY_FORMS", "YEARLESS_FORMS", "form_grammar", "grammar",
    "uncaptured",
]

MONTH_NAMES = TABLES["months"]
_words = alternation
# A Gregorian month name may have its year glued on («أكتوبر2017», «آذار1985»): a digit may follow it.
GREG = _words(MONTH_NAMES.loc[MONTH_NAMES.calendar == "gregorian", "name"], boundary=False) + r"(?![^\W\d])"
HIJRI = _words(MONTH_NAMES.loc[MONTH_NAMES.calendar == "hijri", "name"])
WEEKDAY = _words(TABLES["weekdays"]["name"])
NUMBER = _words(TABLES["numbers"]["word"])
UNIT = "(?:ال)?" + _words(TABLES["units"]["word"])
DUAL = "(?:ال)?" + _words(TABLES["units"].loc[TABLES["units"]["count"] == "2", "word"])
DIRECTION = _words(TABLES["directions"]["word"])
PERIOD = _words(TABLES["periods"]["word"])
PART = _words(TABLES["parts"]["word"])
ORDINAL = _words(TABLES["day_ordinals"]["word"])
# The tens that end a compound ordinal (التاسع والعشرين): after "X و" they continue X, not a second day.
ORDINAL_TENS = _words({w.split(" و", 1)[1] for w in TABLES["day_ordinals"]["word"] if " و" in w})
TRIGGER = _words(TABLES["triggers"]["word"])
FILLER = _words(TABLES["fillers"]["word"])


def _relative_day_word(word: str, not_before: str) -> str:
    """One relative day word; ``not_before`` lists words that make it a noun (اليوم الأول)."""
    guard = rf"(?!\s+{_words(not_before.split('|'))})" if not_before else ""
    return alternation([word], boundary=False) + guard + r"(?!\w)"


def _not_inside_longer(word: str, words) -> str:
    """Lookbehinds keeping ``word`` from matching as the end of a longer listed one (غد in «بعد غد», whose
    بعد a trigger would otherwise take)."""
    word = normalize(word)
    return "".join(rf"(?<!{re.escape(normalize(other)[:-len(word)])})" for other in words
                   if normalize(other).endswith(" " + word))


RELATIVE_DAY = "(?:" + "|".join(
    _not_inside_longer(r.word, TABLES["relative_days"]["word"]) + _relative_day_word(r.word, r.not_before)
    for r in sorted(TABLES["relative_days"].itertuples(), key=lambda r: -len(r.word))
) + ")"

CLAUSE_BREAK = re.compile(r"[.!?؟،؛,;:\n]")
# A future marker (سوف، من المقرر) or a verb with the future prefix س (ستعقد، سيزور، سنواصل) that
# is not one of the nouns that look alike (سيارة), each after a non-word character: searched in
# " " + clause, the engine skips from one word break to the next instead of trying every character.
# Not right after كان/كانت: «وكان من المتوقع أن يبدأ … الأحد» tells of a past plan.
_FUTURE_WORDS = TABLES["future_markers"]
# A ``future_verb`` row is a future verb that starts like one of those nouns (سيطرح «will put» is not سيطر).
_FUTURE_VERBS = _FUTURE_WORDS.loc[_FUTURE_WORDS.role == "future_verb", "word"]
# Not right after a preposition either (``not_after`` rows): «قرب سيدكان», «في سيناء» name a place, not a verb.
_NOT_AFTER = "".join(rf"(?<!\W{' '.join(normalize(word).split())}\W)"
                     for word in _FUTURE_WORDS.loc[_FUTURE_WORDS.role == "not_after", "word"])
FUTURE = re.compile(r"\W(?<!كان\W)(?<!كانت\W)(?:[وف]?" + alternation(_FUTURE_WORDS.loc[_FUTURE_WORDS.role == "marker", "word"])
                    + r"|" + _NOT_AFTER + r"[وف]?(?!" + (f"(?!{alternation(_FUTURE_VERBS, boundary=False)})" if len(_FUTURE_VERBS) else "")
                    + alternation(_FUTURE_WORDS.loc[_FUTURE_WORDS.role == "not_future", "word"], boundary=False)
                    + r")س[يتن]\w{3,})")
# A pluperfect or a «سبق أن» (كان قد أعلن، وكانت قد أقرته، سبق أن أعلن): the verb after it, which governs
# a date that follows, reports the past whatever future verbs come before it in the sentence.
PAST = re.compile(r"(?<!\w)[وف]?" + alternation(_FUTURE_WORDS.loc[_FUTURE_WORDS.role == "past", "word"]))
# A deadline given (``deadline`` rows: أمهل، تمهل، مهلة): the day it runs until lies ahead of the giving,
# whatever the verb's tense («وأمهل العبادي سلطات الإقليم حتى الجمعة», «بغداد تمهل أربيل حتى الجمعة»).
DEADLINE = re.compile(r"(?<!\w)[وف]?" + alternation(_FUTURE_WORDS.loc[_FUTURE_WORDS.role == "deadline", "word"]))
SPACE = r"[^\S\n]"  # a milestone never runs over a paragraph break
CONN = rf"(?P<conn{{0}}>{SPACE}*[-–—]{SPACE}*|{SPACE}+و?(?:إلى|حتى|لغاية){SPACE}+|{SPACE}*و{SPACE}*)"  # «وحتى»
YEAR_LINK = rf"(?:{SPACE}+(?:من{SPACE}+)?(?:(?:ال)?عام{SPACE}+)?|(?=[12]\d{{3}}(?!\d)))"  # or glued: أكتوبر2017
HMARK = r"(?P<marker>هـ|ه|هجري|هجرية|للهجرة)(?!\w)"


def _month_group(g: str, names: str = GREG) -> str:
    """A month name, optionally doubled as ``سبتمبر/أيلول`` or ``أيلول (سبتمبر)``."""
    return (rf"(?P<{g}>{names})(?:{SPACE}*/{SPACE}*(?P<{g}_alt>{names})"
            rf"|{SPACE}*\({SPACE}*(?P<{g}_par>{names}){SPACE}*\))?")


def _year_group(g: str) -> str:
    return rf"(?P<{g}>[12]\d{{3}})(?!\d)(?:{SPACE}?م(?!\w))?"


def _day_group(g: str, of: str = "") -> str:
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
# What may follow a month: a year, a relative year (من العام المقبل), the year named before (من العام
# نفسه: part of the date, not a row of its own) or the one after it (من العام التالي), a direction (آذار الجاري) or nothing, but then not a
# number ("15 مارس 0000" is no date).
DATE_TAIL = (rf"(?:{YEAR_LINK}{_year_group('y')}|{SPACE}+(?:من{SPACE}+)?(?:العام|السنة){SPACE}+(?P<ydir>{DIRECTION})"
             rf"|{SPACE}+(?:من{SPACE}+)?(?P<ysame>(?:العام|السنة){SPACE}+{SAME}|(?:نفس|ذات){SPACE}+(?:العام|السنة)(?!\w))"
             rf"|{SPACE}+(?:من{SPACE}+)?(?P<ynext>(?:العام|السنة){SPACE}+(?:التالي|التالية|اللاحق|اللاحقة)(?!\w))"
             rf"|{SPACE}+(?P<dir>{DIRECTION})|(?!{SPACE}+\d))")

FORM_PATTERNS: dict[str, str] = {
    "hijri_date": rf"{WEEKDAY_BEFORE}{_day_group('d')}{OF}{_month_group('m', HIJRI)}{YEAR_LINK}"
                  rf"(?P<y>1[34]\d\d)(?!\d)(?:{SPACE}*{HMARK})?",
    "hijri_month": rf"{_month_group('m', HIJRI)}(?:{YEAR_LINK}(?P<y>1[34]\d\d)(?!\d)(?:{SPACE}*{HMARK})?"
                   rf"|{SPACE}+(?P<dir>{DIRECTION}))",  # رمضان المقبل: the next one after publication
    # a year with a Hijri marker is Hijri whatever its number (1500 هـ، سنة 1400 هـ): kept unresolved
    # when hijridate cannot convert it, never read as a Gregorian year
    "hijri_year": rf"(?:(?:ال|لل|ل)?(?:عام|سنة){SPACE}+)?(?P<y>[1-9]\d{{0,3}})(?!\d){SPACE}*{HMARK}",
    "numeric_date": r"(?:(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4})"
                    r"|(?P<iy>\d{4})(?P<isep>[/\-])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d))(?![\d/])"
                    rf"(?:{SPACE}*{HMARK}|{SPACE}?م(?!\w))?",  # 18/9/2024م: م marks the Gregorian year
    "day_range_cross": rf"{_day_group('d1')}{OF}{_month_group('m1')}(?:{YEAR_LINK}{_year_group('y1')})?{_conn(1)}"
                       rf"{_day_group('d2')}{OF}{_month_group('m2')}{DATE_TAIL}",
    # a list (15 و16 و17) is joined by و throughout: the middle days are digits, and so is the last
    "day_range": rf"{WEEKDAY_BEFORE}{_day_group('d1', '?')}(?P<mid>(?:{SPACE}*و{SPACE}*(?:ال)?[0-3]?\d(?!\d))+)?"
                 rf"(?(mid){SPACE}*و{SPACE}*(?=(?:ال)?\d)|{_conn(1)}{WEEKDAY_INSIDE})(?!{ORDINAL_TENS}){_day_group('d2')}"
                 rf"{OF}{_month_group('m')}"
                 rf"{DATE_TAIL}",
    # العاشر من الشهر الجاري, 15 من هذا الشهر, and 15 الجاري (the 15th of this month); الرابع من الشهر
    # (نفسه) is a day of the month of the date before it
    "day_of_relative_month": rf"{_day_group('d')}(?:{OF}(?:الشهر{SPACE}+(?P<dir>{DIRECTION})|هذا{SPACE}+الشهر"
                             rf"|(?P<same>{SAME_MONTH}|الشهر(?!\w)))|{SPACE}+الجاري(?!\w))",
    "full_date": rf"{WEEKDAY_BEFORE}{_day_group('d')}{OF}{_month_group('m')}{DATE_TAIL}",
    "month_range_years": rf"{_month_group('m1')}{YEAR_LINK}{_year_group('y1')}{_conn(1)}{_month_group('m2')}{YEAR_LINK}{_year_group('y')}",
    "month_range": rf"{_month_group('m1')}{_conn(1)}{_month_group('m2')}{DATE_TAIL}",
    "part_of_month": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:شهر{SPACE}+)?{_month_group('m')}{DATE_TAIL}",
    "part_of_year": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:(?:ال)?(?:عام|سنة){SPACE}+)?{_year_group('y')}",
    # أواخر العام نفسه، مطلع الشهر ذاته: a part of the period of the date before it (anaphora)
    "part_of_relative": rf"(?P<p>{PART}){SPACE}+(?:من{SPACE}+)?(?:(?P<per>{PERIOD})(?:{SPACE}+(?:(?P<dir>{DIRECTION})"
                        rf"|(?P<same>{SAME})))?|(?:نفس|ذات){SPACE}+(?P<per2>{PERIOD})(?!\w)"
                        rf"|(?:هذا|هذه){SPACE}+(?P<this>{PERIOD}))",
    "month": rf"{_month_group('m')}{DATE_TAIL}",
    "year_range": rf"(?:(?P<pre>(?:ال)?(?:عامي|أعوام|سنوات|عام|سنة)){SPACE}+)?{_year_group('y1')}{_conn(1)}"
                  rf"(?:(?:ال)?(?:عام|سنة){SPACE}+)?{_year_group('y')}",
    # للعام 1955; a timeline label opening a line («2011: انسحاب القوات») is a year too
    "year": rf"(?:(?P<pre>(?:ال|لل|ل)?(?:عام|سنة)){SPACE}+)?{_year_group('y')}(?!{SPACE}+{UNIT})"
            rf"(?P<label>(?<=^\d{{4}})(?={SPACE}*:)|(?<=\n\d{{4}})(?={SPACE}*:))?",
    "relative_span": rf"(?:(?:ال{SPACE}?)?(?P<n>\d{{1,3}}|{NUMBER}){SPACE}+(?P<unit>{UNIT})"
                     rf"|(?P<unit2>{UNIT}){SPACE}+(?:ال)?(?P<n2>{NUMBER})|(?P<dual>{DUAL}))"
                     rf"{SPACE}+(?P<dir>{DIRECTION})",
    "relative_day_with_weekday": rf"(?P<word>{RELATIVE_DAY}){SPACE}+(?P<wd>{WEEKDAY})",
    # الشهر نفسه، نفس اليوم، العام ذاته، الليلة نفسها: the period of the date before it (anaphora)
    "same_period": rf"(?:(?P<per>{PERIOD}|اليوم|الليلة){SPACE}+{SAME}|(?:نفس|ذات){SPACE}+(?P<per2>{PERIOD}|اليوم|الليلة)"
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


# The scan and the resolvers read the leading groups by position, first in every form's grammar.
assert re.compile(LEAD).groupindex == {"trigger": 1, "trig": 2, "fill": 3, "fill0": 4, "attached": 5}


def _scoped(form: str, pattern: str) -> str:
    """Give a form's groups unique names (``form__group``) inside the one big pattern."""
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{form}__\1>", pattern)
    pattern = re.sub(r"\(\?P=(\w+)\)", rf"(?P={form}__\1)", pattern)
    pattern = re.sub(r"\(\?\((\w+)\)", rf"(?({form}__\1)", pattern)  # a conditional on a group
    return f"(?P<{form}>{pattern})"


def uncaptured(pattern: str, keep=()) -> str:
    """The same pattern with only the groups named in ``keep`` or needed by a backreference or a conditional."""
    needed = {*keep, *re.findall(r"\(\?P=(\w+)\)", pattern), *re.findall(r"\(\?\((\w+)\)", pattern)}
    return re.sub(r"\(\?P<(\w+)>", lambda m: m.group() if m.group(1) in needed else "(?:", pattern)


def grammar(forms: list[str]) -> str:
    """The pattern of ``forms`` (in ``FORM_PATTERNS`` order), after the leading words, each form's groups scoped."""
    return LEAD + "(?:" + "|".join(_scoped(f, FORM_PATTERNS[f]) for f in forms) + r")(?!\w)"


# The whole grammar, the reference the fast path (``scan.grammar_matches``) is tested against. That path
# runs it in two steps, same matches: with its 147 groups the regex engine spends most of its time saving
# and restoring them, so a finder keeping only the group of each form (``scan.finder``) says where a
# milestone is and which form; that form's own pattern then reads the groups at the same place.
# Same span and groups: GRAMMAR tries every form after each reading of the leading words in turn,
# so the first reading after which the winning form matches is the one GRAMMAR settled on.
GRAMMAR = re.compile(normalize(grammar(list(FORM_PATTERNS))))


@cache
def form_grammar(form: str) -> re.Pattern:
    """GRAMMAR with ``form`` alone, compiled when first needed."""
    return re.compile(normalize(grammar([form])))


# Forms whose reading also depends on the tense of the clause before them (سوف، ستعقد).
WEEKDAY_FORMS = ("weekday", "weekday_range")
# Forms that may point back at the date before them («الرابع من الشهر نفسه»، «نفس اليوم»).
ANAPHORIC_FORMS = frozenset({"same_period", "day_of_relative_month", "part_of_relative"})
# Forms whose year may be left out («نهاية مايو»): the year then comes from the text or from the tense
# of the clause and the publication date.
YEARLESS_FORMS = frozenset({"day_range_cross", "day_range", "full_date", "month_range", "part_of_month", "month"})
# Forms read against the publication date: after them, the story is back in the present.
PRESENT_FORMS = frozenset({"relative_span", "relative_day_with_weekday", "relative_period", "relative_day",
                           "weekday_range", "weekday", "day_of_relative_month", "part_of_relative"})
# Forms with a written year that fix the year of the narrative (a bare «عام 1979» aside does not).
NARRATIVE_FORMS = frozenset({"day_range_cross", "day_range", "full_date", "month_range_years", "month_range",
                             "part_of_month", "part_of_year", "month", "numeric_date"})
