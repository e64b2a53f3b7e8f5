"""The context rules of entity matching: where the letters alone do not decide, the words around do.

From ``data/entity_context.csv`` (``gazetteer.load_context_rules``): a word that is both a listed name
and a nisba (سورية، السوداني) is the nisba when it agrees with the noun before it («قاعدة سورية»,
«الجيش السوداني», «قوات روسية وسورية») and the name otherwise («في سورية», «رئيس الوزراء السوداني»); a
given name before a family name is a person («تركي البنعلي», «جورج واشنطن»); a bare generic alias
followed by an adjective names something else («التحالف الكردي العربي»), and so does one followed
by the parties it joins («التحالف بين البلدين»); a sentence set in another war,
or before the entity was founded, is about another coalition. ``ContextReading`` is the part of
``EntityMatcher`` that applies them: only the few candidates these rules concern are looked at twice.
"""

from __future__ import annotations

import bisect
import csv
import re
from functools import cache

from ..gazetteer import ContextRules, clitic_forms, fold_for_matching, match_key
from ..normalize import BIDI_CONTROLS, DIACRITICS, SENTENCE_MARKS, normalize
from ..paths import data_path
from .words import (
    WORD,
    adjacent_after,
    adjacent_before,
    family_name,
    is_definite,
    is_nisba_shaped,
    strip_clitics,
)

__all__ = [
    "ADJECTIVE", "NAME", "NOT_A_MENTION", "ContextReading",
]

NAME, ADJECTIVE = "name", "adjective"
MONTHS_CSV = data_path("calendar") / "months.csv"
# The sentence around a mention, for the era rules: cut at these marks, at most this far either side.
_SENTENCE_REACH = 600
_SENTENCE_ENDS = SENTENCE_MARKS + "\n"
# The payload of a phrase that the context table rules out as a mention (جورج واشنطن).
NOT_A_MENTION = ("", "", "", "", "")
# Places whose name can be a person's surname after a given name (جورج واشنطن).
_PLACE_TYPES = frozenset({"GPE", "CITY", "LOC"})
# A year of the narrative: four digits in any script (\\d is Unicode, int() reads ٢٠١٤); a leading class
# is scanned fast, and _reads_as_year checks the character before.
_YEAR = re.compile(r"[12\u0661\u0662\u06f1\u06f2]\d{3}(?!\d)")


class ContextReading:
    """The context rules of an ``EntityMatcher`` (its ``_index``, ``_keys``, ``gazetteer`` and ``context``)."""

    def _compile_context(self, rules: ContextRules) -> None:
        """The keys and entities whose mentions the context rules look at (see the module docstring)."""
        def with_clitics(word: str) -> list[str]:
            return [word, *clitic_forms(word)]

        # جورج واشنطن: a given name and a listed place after it are a phrase that is no mention
        for given in rules.given_names:
            longer, single = self._index.get(given, ({}, None))
            longer = dict(longer)
            for entity in self.gazetteer:
                if entity.type not in _PLACE_TYPES:
                    continue
                for place in {match_key(name)[0] for name in entity.names if len(match_key(name)) == 1}:
                    longer[place] = (*longer.get(place, ()), ([place], 1, NOT_A_MENTION))
            self._index[given] = (longer, single)
        self._given_forms = frozenset(f for name in rules.given_names for f in with_clitics(name))
        self._heads = frozenset(f for head in rules.nisba_heads for f in with_clitics(head))
        self._generic = {f: entity for entity, alias in rules.generic_aliases for f in with_clitics(alias)}
        self._keeps = {}
        for entity, word in rules.keeps:
            self._keeps.setdefault(entity, set()).add(word)
        self._parties: dict[str, set[str]] = {}
        for entity, word in rules.parties_after:
            self._parties.setdefault(entity, set()).add(word)
        self._party_words = frozenset(w for words in self._parties.values() for w in words)
        phrases: dict[str, list[str]] = {}
        for entity, phrase in rules.era_cues:
            phrases.setdefault(entity, []).append(phrase)
        self._era_cues = {entity: re.compile("|".join(map(_as_written, cues))) for entity, cues in phrases.items()}
        self._founded = dict(rules.founded)
        self._anchors: dict[str, set[str]] = {}
        for entity, anchor in rules.anchors:
            self._anchors.setdefault(entity, set()).add(anchor)
        self._context_entities = frozenset(self._era_cues) | frozenset(self._founded)
        # every first word whose mention a word before or after it may change: one set test per mention
        self._context_keys = frozenset(self._ambiguous) | self._given_forms | frozenset(self._generic)
        # A cue's first word (with its clitics) and an early year mark where the era rules must look: such
        # words are match candidates too (see _learn), so finding them costs no extra pass over the text.
        # (A cue's first word should not be a listed name, which is a mention, not a mark.)
        self._era_first = frozenset(f for cues in phrases.values() for cue in cues
                                    for f in with_clitics(cue.split()[0]))
        self._latest_founded = max(self._founded.values(), default=0)

    def _in_context(self, text: str, words: list[str], i: int, n: int, start: int, end: int,
                    payload: tuple) -> tuple[tuple | None, int]:
        """The reading of the mention at words i..i+n given the words around it: its payload (None
        when it is no mention) and how many following words belong to it (a family name)."""
        keys = self._keys
        if n == 0:
            key = keys[words[i]]
            # تركي البنعلي: a given name that is also a nisba, before a family name, is a person
            if key in self._given_forms and payload[4] == ADJECTIVE:
                after = adjacent_after(text, words, i, end)
                if (after is not None and family_name(keys[after])
                        and keys[after] not in self.context.nisba_complements):
                    return None, 1
            ambiguous = self._ambiguous.get(key)
            if ambiguous is not None:
                prev = adjacent_before(text, words, i, start)
                if self._agrees(key, words, i, keys[prev] if prev is not None else None, ambiguous[1]):
                    return ambiguous[0], 0
            entity = self._generic.get(key)
            if entity is not None and i < len(words) - 1 and keys[words[i + 1]] in self._parties.get(entity, ()):
                # «التحالف بين البلدين»: the alliance of the parties named next, not this one; a quotation that
                # closes on the alias does not part them («روح التحالف" بين البلدين»)
                after = adjacent_after(text, words, i, end + (text[end:end + 1] in ('"', "»", "”")))
                if after is not None:
                    return None, 0
            if entity is not None and i < len(words) - 1 and is_nisba_shaped(keys[words[i + 1]]):
                after = adjacent_after(text, words, i, end)
                # a feminine adjective after a masculine alias agrees with the noun before it: «مهمة التحالف
                # العسكرية» is the coalition's military mission, not a military alliance
                agrees = after is None or keys[after].endswith("ه") == key.endswith("ه")
                if agrees and after is not None and self._qualified(text, words, i + 1, end + 1 + len(after),
                                                                    keys[after], entity):
                    return None, 0
        return payload, 0

    def _agrees(self, key: str, words: list[str], i: int, prev_key: str | None, conj: bool) -> bool:
        """Is the name-or-nisba word ``key`` at i the nisba of the noun before it?

        «قاعدة سورية»، «لقوات سورية» (an indefinite feminine or plural noun before an indefinite
        nisba), «إعلام رسمية سورية» (an indefinite adjective in ـية before it), «الجيش السوداني» (a definite noun before a definite one), «قوات روسية وسورية»
        (and-ed to a listed nisba of the same definiteness). Not after a title (رئيس الوزراء
        السوداني), nor in apposition to a nisba without «و» (رئيس الوزراء العراقي السوداني).
        """
        if prev_key is None:
            return False
        definite = is_definite(key)
        prev_nisba = self._is_nisba(prev_key)
        if conj:
            return prev_nisba and is_definite(prev_key) == definite
        if prev_nisba:
            return False
        if definite:
            if not is_definite(prev_key):
                return False
            before = [self._keys[w] for w in words[max(0, i - 3):i]]
            return not any(tuple(before[-len(t):]) == t for t in self.context.person_titles if len(t) <= len(before))
        if prev_key in self._heads:
            return True
        bare = strip_clitics(prev_key)
        if is_definite(prev_key):
            return False
        # a plural in ـات; or, for a feminine form (سورية), an indefinite adjective in ـية before it: two
        # adjectives in a row («وسائل إعلام رسمية سورية»). Not after a preposition («موالية لسورية»), and not
        # «تركيا»: after a noun in ـية it is the name in a construct («وزراء خارجية تركيا»); nor a form in ـا
        # after a plural in ـات: that form is an accusative singular nisba («جنديا تركيا»), so «اعتراضات تركيا»
        # is the name in a construct too
        return len(bare) >= 4 and bare.endswith("ات") and not key.endswith("ا") or \
            len(bare) >= 5 and bare.endswith("يه") and strip_clitics(key) == key and key.endswith("ه")

    def _is_nisba(self, key: str) -> bool:
        """Is ``key`` a listed country's nisba (العراقي، وروسية)?"""
        entry = self._index.get(key)
        return entry is not None and entry[1] is not None and entry[1][4] == ADJECTIVE

    def _qualified(self, text: str, words: list[str], j: int, j_end: int, qualifier: str, entity: str) -> bool:
        """Does the adjective ``qualifier`` (word j, ending at ``j_end``) after a generic alias name another
        group: «التحالف الكردي», «التحالف الأمريكي-السعودي» (a second member after a kept adjective)?"""
        if not is_nisba_shaped(qualifier):
            return False
        if qualifier not in self._keeps.get(entity, ()):
            return True
        if j + 1 >= len(words):
            return False
        second = words[j + 1]
        gap = text[j_end:text.find(second, j_end)]
        return gap.strip() in ("", "-", "–") and 0 < len(gap) <= 3 and is_nisba_shaped(
            self._keys[second].removeprefix("و"))

    def _other_era(self, text: str, start: int, entity: str, marks: list[int], found: list,
                   offsets: list[int]) -> bool:
        """Is the sentence around ``start`` set in another war (an era cue), or does a year before the
        entity was founded come earlier in it (and no year from then on anywhere in it, and no anchor
        entity, such as داعش for the coalition, mentioned in it)? ``marks`` are the offsets of the text's
        early years and cue words: with none near, the sentence is not read."""
        lo, hi = max(0, start - _SENTENCE_REACH), min(len(text), start + _SENTENCE_REACH)
        k = bisect.bisect_left(marks, lo)
        if k == len(marks) or marks[k] >= hi:
            return False
        s0 = max(lo - 1, *[text.rfind(mark, lo, start) for mark in _SENTENCE_ENDS]) + 1
        s1 = min(hi, *[p if p >= 0 else hi for p in [text.find(mark, start, hi) for mark in _SENTENCE_ENDS]])
        k = bisect.bisect_left(marks, s0)
        if k == len(marks) or marks[k] >= s1:  # no early year or cue word in the sentence itself
            return False
        cues = self._era_cues.get(entity)
        if cues is not None and cues.search(text, s0, s1):
            return True
        founded = self._founded.get(entity)
        if founded is None:
            return False
        years = [(m.start(), int(m.group())) for m in _YEAR.finditer(text, s0, s1)
                 if _reads_as_year(text, m.start(), int(m.group()))]
        earlier = [year for at, year in years if at < start]
        if not earlier or earlier[-1] >= founded or any(year >= founded for _, year in years):
            return False
        anchors = self._anchors.get(entity, ())
        first, last = bisect.bisect_left(offsets, s0), bisect.bisect_left(offsets, s1)
        return not any(payload[0] in anchors for payload, _, _ in found[first:last])


# Letters a normalised letter may be written as (normalize folds them), for _as_written.
_WRITTEN = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]"}
_IN_WORD = "[" + re.escape(DIACRITICS + BIDI_CONTROLS) + "\u0640]*"


def _as_written(phrase: str) -> str:
    """A regex finding the normalised ``phrase`` as written: any alef, yeh and teh marbuta form, harakat and
    tatweel between letters, any inline spaces between words (السَّلامُ for السلام)."""
    words = [_IN_WORD.join(_WRITTEN.get(c, re.escape(c)) for c in word) for word in phrase.split()]
    return r"[^\S\n]+".join(words)


@cache
def _year_words() -> frozenset[str]:
    """Words a year follows: عام، سنة and the last word of every Gregorian month name (calendar table)."""
    with open(MONTHS_CSV, encoding="utf-8") as handle:
        months = [row["name"] for row in csv.DictReader(handle) if row["calendar"] == "gregorian"]
    return frozenset(["عام", "العام", "سنه", "السنه"] + [k[-1] for k in map(match_key, months) if k[-1].isalpha()])


def _reads_as_year(text: str, at: int, number: int) -> bool:
    """Is the four-digit ``number`` at ``at`` a year (after عام، a month name or a date's slash), not a
    count (1500 عسكري) or a Hijri year?"""
    if not 1900 <= number <= 2100 or text[at - 1:at].isdigit():
        return False
    before = text[max(0, at - 24):at]
    if before.rstrip().endswith("/"):
        return True
    words = WORD.findall(before)
    return bool(words) and strip_clitics(fold_for_matching(normalize(words[-1]))) in _year_words()
