"""Who is mentioned, and where: gazetteer entities found in Arabic news text.

The gazetteer compiles once into a dictionary keyed by a phrase's first word (under every
proclitic combination too), holding the rest of each phrase, longest first. Matching is one
pass: one regex splits the text into written words, each distinct word is normalised once
(cached), and each word is looked up; offsets come straight from the original text, so a
surface keeps its harakat and tatweel. A clitic is only ever stripped in front of a listed
name (وواشنطن), never by stemming, so بغداد and واشنطن keep their first letters.

Where the letters alone do not decide, the words around a name do (``data/entity_context.csv``,
see ``gazetteer.load_context_rules``): a word that is both a listed name and a nisba (سورية، السوداني)
is the nisba when it agrees with the noun before it («قاعدة سورية», «الجيش السوداني», «قوات روسية
وسورية») and the name otherwise («في سورية», «رئيس الوزراء السوداني»); a given name before a family
name is a person («تركي البنعلي», «جورج واشنطن»); a bare generic alias followed by an adjective names
something else («التحالف الكردي العربي»); a sentence set in another war, or before the entity was
founded, is about another coalition. Only the few candidates these rules concern are looked at twice.
"""

from __future__ import annotations

import bisect
import csv
import re
from functools import cache, partial
from itertools import compress
from typing import NamedTuple

import pandas as pd

from .corpus import PROGRESS_FROM
from .gazetteer import (
    CONJUNCTIONS,
    CONTEXT_CSV,
    GAZETTEER_CSV,
    PREPOSITIONS,
    ContextRules,
    Gazetteer,
    clitic_forms,
    fold_for_matching,
    load_context_rules,
    load_gazetteer,
    match_key,
    nisba_forms,
)
from .normalize import BIDI_CONTROLS, DIACRITICS, SENTENCE_MARKS, normalize
from .paths import data_path

__all__ = [
    "TABLE_COLUMNS",
    "EntityMatcher",
    "Mention",
    "cooccurrence",
    "default_matcher",
    "entities_table",
    "entity_counts",
    "extract_entities",
    "mentions_of",
]

TABLE_COLUMNS = ["article_id", "entity_id", "name_en", "name_ar", "type", "surface", "form",
                 "paragraph", "char_start", "char_end", "sentence"]
NAME, ADJECTIVE = "name", "adjective"

# A word as written: letters and digits plus what normalisation deletes inside a word
# (harakat, tatweel, direction and zero-width marks), so العـراقُ is one word.
_WORD_CLASS = "[\\w" + re.escape(DIACRITICS + BIDI_CONTROLS) + "]"
_WORD = re.compile(_WORD_CLASS + "+")
_IN_WORD_MARKS = frozenset("_" + DIACRITICS + BIDI_CONTROLS)
# Common characters next to a word (and "" at the text's edges): seeing one is the fast proof
# that a found copy is a whole word.
_SEPARATORS = frozenset([""]) | frozenset(" \n\t\u00a0،؛؟,.:;!?()[]{}\"'«»“”‘’-–—…/")
_MAX_CACHED_WORDS = 2_000_000
# «سورياً» and «تركياً» (دعماً تركياً) are the nisba in the indefinite accusative, yet fold to the
# country's name (سوريا، تركيا). Written with its tanween, such a word is looked up under a key
# that only the nisba forms carry, so it counts as the adjective; without it, the name wins.
_TANWEEN = "\u064b"
# A multi-word name may not run across punctuation or a line break.
_INLINE_SPACE = re.compile(r"[^\S\n]+")
# A sentence ends at . ! ? ؟ … followed by a space or the end, or at a line break. Any one of those
# characters: a single character class the regex engine scans for fast (see _sentence_spans).
_SENTENCE_MARK = re.compile("[" + re.escape(SENTENCE_MARKS) + "\n]")
# Which proclitic combinations of clitic_forms() begin with a conjunction (و، ف), in its order.
_WITH_CONJUNCTION = [bool(c) for c in CONJUNCTIONS for p in PREPOSITIONS if c or p]
MONTHS_CSV = data_path("calendar") / "months.csv"
# The sentence around a mention, for the era rules: cut at these marks, at most this far either side.
_SENTENCE_REACH = 600
_SENTENCE_ENDS = SENTENCE_MARKS + "\n"
# The payload of a phrase that the context table rules out as a mention (جورج واشنطن).
_NOT_A_MENTION = ("", "", "", "", "")
# Places whose name can be a person's surname after a given name (جورج واشنطن).
_PLACE_TYPES = frozenset({"GPE", "CITY", "LOC"})
# A year of the narrative: four digits in any script (\\d is Unicode, int() reads ٢٠١٤); a leading class
# is scanned fast, and _reads_as_year checks the character before.
_YEAR = re.compile(r"[12\u0661\u0662\u06f1\u06f2]\d{3}(?!\d)")


class Mention(NamedTuple):
    """One mention: the entity, name or adjective, and the exact original surface with its offsets."""

    entity_id: str
    name_en: str
    name_ar: str
    type: str
    form: str
    surface: str
    char_start: int
    char_end: int


# Mention from one tuple in a single C call: this runs once per mention.
_new_mention = partial(tuple.__new__, Mention)


class EntityMatcher:
    """A gazetteer compiled into a first-word dictionary (see the module docstring).

    ``index[first]`` is ``(longer, single)``: ``longer`` maps the second word's key to the
    multi-word phrases starting with these two words, longest first; ``single`` is the
    one-word reading, if any. Payloads are ``(entity_id, name_en, name_ar, type, form)``.
    """

    def __init__(self, gazetteer: Gazetteer, context: ContextRules | None = None):
        self.gazetteer = gazetteer
        self.context = context if context is not None else _shipped_context()
        self._ambiguous: dict[str, tuple[tuple, bool]] = {}  # key → (nisba payload, after a conjunction)
        self._index = self._compile(gazetteer)
        self._keys: dict[str, str] = {}  # written word → normalised key, filled as words are met
        self._starts: dict[str, bool] = {}  # written word → does its key start a listed phrase
        self._last: tuple[str | None, list] = (None, [])  # the last text matched and its mentions
        self._compile_context(self.context)

    def _compile(self, gazetteer: Gazetteer) -> dict[str, tuple[dict, tuple | None]]:
        # Every phrase is added under its first word and under that word with each proclitic
        # combination: a clitic is stripped only in front of a listed name, never guessed.
        # Ties between identical keys: a bare word beats a clitic reading, and a name beats
        # an adjective (سورية is the country, السوداني the prime minister).
        phrases: dict[str, dict[tuple[str, ...], tuple]] = {}
        nisbas: dict[str, tuple[int, tuple, bool]] = {}  # one-word key → (clitic rank, nisba payload, conj)
        for entity in gazetteer:
            readings = [(match_key(name), NAME) for name in entity.names]
            forms = [form for base in entity.nisba for form in nisba_forms(match_key(base)[0])]
            readings += [((form,), ADJECTIVE) for form in forms]
            # with its tanween written, an indefinite accusative nisba is never the country: see _TANWEEN
            readings += [((form + _TANWEEN,), ADJECTIVE) for form in forms if form.endswith("ا")]
            for key, form in readings:
                payload = (entity.entity_id, entity.name_en, entity.name_ar, entity.type, form)
                for with_clitic, first in enumerate([key[0], *clitic_forms(key[0])]):
                    rank = (min(with_clitic, 1), form == ADJECTIVE)
                    known = phrases.setdefault(first, {})
                    if key[1:] not in known or rank < known[key[1:]][0]:
                        known[key[1:]] = (rank, payload)
                    if form == ADJECTIVE and len(key) == 1 and (first not in nisbas or rank[0] < nisbas[first][0]):
                        nisbas[first] = (rank[0], payload, with_clitic > 0 and _WITH_CONJUNCTION[with_clitic - 1])
        # A one-word key read as a name that is also a nisba (سورية، السوداني): the context decides.
        for first, (rank, payload, conj) in nisbas.items():
            chosen = phrases[first].get(())
            if chosen is not None and chosen[1][4] == NAME and chosen[0][0] == rank:
                self._ambiguous[first] = (payload, conj)
        index = {}
        for first, by_rest in phrases.items():
            longer: dict[str, list] = {}
            for rest in sorted((r for r in by_rest if r), key=len, reverse=True):
                longer.setdefault(rest[0], []).append((list(rest), len(rest), by_rest[rest][1]))
            single = by_rest[()][1] if () in by_rest else None
            index[first] = ({k: tuple(v) for k, v in longer.items()}, single)
        return index

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
                    longer[place] = (*longer.get(place, ()), ([place], 1, _NOT_A_MENTION))
            self._index[given] = (longer, single)
        self._given_forms = frozenset(f for name in rules.given_names for f in with_clitics(name))
        self._heads = frozenset(f for head in rules.nisba_heads for f in with_clitics(head))
        self._generic = {f: entity for entity, alias in rules.generic_aliases for f in with_clitics(alias)}
        self._keeps = {}
        for entity, word in rules.keeps:
            self._keeps.setdefault(entity, set()).add(word)
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

    @property
    def size(self) -> int:
        """Number of distinct first-word forms in the dictionary."""
        return len(self._index)

    def extract(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, longest match first, no overlaps."""
        return [_new_mention(payload + (text[start:end], start, end)) for payload, start, end in self._spans(text)]

    def _spans(self, text: str) -> list[tuple[tuple, int, int]]:
        """``(payload, start, end)`` of every mention, in order: ``extract`` without building Mentions."""
        if text is self._last[0]:  # the same article again (its claims, then its entity rows): no second pass
            return self._last[1]
        given = text
        if "_" in text:  # a hashtag joins words with underscores (#قوات_التحالف): same offsets, spaces
            text = text.replace("_", " ")
        words = _WORD.findall(text)
        starts = list(map(self._starts.get, words))  # None for a word not seen before
        if None in starts:
            self._learn(words)
            starts = list(map(self._starts.get, words))
        keys, index, separators = self._keys, self._index, _SEPARATORS
        context_keys, context_entities, generic = self._context_keys, self._context_entities, self._generic
        last = len(words) - 1
        has_marks = any(mark in text for mark in BIDI_CONTROLS)
        found: list[tuple[tuple, int, int]] = []
        era_marks: list[int] = []  # offsets of early years and cue words, in order
        next_free = 0  # first word not yet inside a mention
        cursor = 0  # text offset after the last word located
        for i in list(compress(range(len(words)), starts)):
            if i < next_free:
                continue
            word = words[i]
            # Locate the word: the first whole copy after the cursor (an earlier copy would
            # have been a candidate itself). Inlined: this runs for every candidate word.
            start = text.find(word, cursor)
            cursor = start + len(word)
            if text[start - 1:start] not in separators or text[cursor:cursor + 1] not in separators:
                start = _locate(text, word, start)
                cursor = start + len(word)
            key = keys[word]
            entry = index.get(key)
            if entry is None:  # a word of the era rules (see _learn): where it is, for them
                era_marks.append(start)
                continue
            longer, payload = entry
            n, end = 0, cursor
            if longer and i < last:
                phrases = longer.get(keys[words[i + 1]])
                if phrases is not None:
                    for rest, size, phrase_payload in phrases:
                        phrase_end = _continuation(text, words, keys, i, rest, cursor) if i + size <= last else None
                        if phrase_end is not None:
                            n, end, payload = size, phrase_end, phrase_payload
                            break
            if payload is None:
                continue
            if payload is _NOT_A_MENTION:  # a phrase the context table rules out (جورج واشنطن)
                next_free = i + n + 1
                continue
            if key in context_keys and (key not in generic or (i < last and keys[words[i + 1]].endswith(("ي", "يه")))):
                payload, skip = self._in_context(text, words, i, n, start, end, payload)
                if payload is None:
                    next_free = i + n + 1 + skip
                    continue
            next_free, cursor = i + n + 1, end
            if has_marks:  # direction marks stay out of the surface
                start, end = _trim_invisible(text, start, end)
            found.append((payload, start, end))
        if era_marks:  # only a text with an early year or a cue word pays for the era rules
            offsets = [start for _, start, _ in found]
            drop = {j for j, (payload, start, _) in enumerate(found) if payload[0] in context_entities
                    and self._other_era(text, start, payload[0], era_marks, found, offsets)}
            found = [mention for j, mention in enumerate(found) if j not in drop]
        self._last = (given, found)
        return found

    def _in_context(self, text: str, words: list[str], i: int, n: int, start: int, end: int,
                    payload: tuple) -> tuple[tuple | None, int]:
        """The reading of the mention at words i..i+n given the words around it: its payload (None
        when it is no mention) and how many following words belong to it (a family name)."""
        keys = self._keys
        if n == 0:
            key = keys[words[i]]
            # تركي البنعلي: a given name that is also a nisba, before a family name, is a person
            if key in self._given_forms and payload[4] == ADJECTIVE:
                after = _adjacent_after(text, words, i, end)
                if (after is not None and _family_name(keys[after])
                        and keys[after] not in self.context.nisba_complements):
                    return None, 1
            ambiguous = self._ambiguous.get(key)
            if ambiguous is not None:
                prev = _adjacent_before(text, words, i, start)
                if self._agrees(key, words, i, keys[prev] if prev is not None else None, ambiguous[1]):
                    return ambiguous[0], 0
            entity = self._generic.get(key)
            if entity is not None and i < len(words) - 1 and _is_nisba_shaped(keys[words[i + 1]]):
                after = _adjacent_after(text, words, i, end)
                if after is not None and self._qualified(text, words, i + 1, end + 1 + len(after), keys[after],
                                                         entity):
                    return None, 0
        return payload, 0

    def _agrees(self, key: str, words: list[str], i: int, prev_key: str | None, conj: bool) -> bool:
        """Is the name-or-nisba word ``key`` at i the nisba of the noun before it?

        «قاعدة سورية»، «لقوات سورية» (an indefinite feminine or plural noun before an indefinite
        nisba), «الجيش السوداني» (a definite noun before a definite one), «قوات روسية وسورية»
        (and-ed to a listed nisba of the same definiteness). Not after a title (رئيس الوزراء
        السوداني), nor in apposition to a nisba without «و» (رئيس الوزراء العراقي السوداني).
        """
        if prev_key is None:
            return False
        definite = _is_definite(key)
        prev_nisba = self._is_nisba(prev_key)
        if conj:
            return prev_nisba and _is_definite(prev_key) == definite
        if prev_nisba:
            return False
        if definite:
            if not _is_definite(prev_key):
                return False
            before = [self._keys[w] for w in words[max(0, i - 3):i]]
            return not any(tuple(before[-len(t):]) == t for t in self.context.person_titles if len(t) <= len(before))
        if prev_key in self._heads:
            return True
        bare = _strip_clitics(prev_key)
        return len(bare) >= 4 and bare.endswith("ات") and not _is_definite(prev_key)

    def _is_nisba(self, key: str) -> bool:
        """Is ``key`` a listed country's nisba (العراقي، وروسية)?"""
        entry = self._index.get(key)
        return entry is not None and entry[1] is not None and entry[1][4] == ADJECTIVE

    def _qualified(self, text: str, words: list[str], j: int, j_end: int, qualifier: str, entity: str) -> bool:
        """Does the adjective ``qualifier`` (word j, ending at ``j_end``) after a generic alias name another
        group: «التحالف الكردي», «التحالف الأمريكي-السعودي» (a second member after a kept adjective)?"""
        if not _is_nisba_shaped(qualifier):
            return False
        if qualifier not in self._keeps.get(entity, ()):
            return True
        if j + 1 >= len(words):
            return False
        second = words[j + 1]
        gap = text[j_end:text.find(second, j_end)]
        return gap.strip() in ("", "-", "–") and 0 < len(gap) <= 3 and _is_nisba_shaped(
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

    def _learn(self, words: list[str]) -> None:
        """Normalise each written word not seen before, once; note those that can start a name."""
        new = set(words).difference(self._keys)
        if len(self._keys) + len(new) > _MAX_CACHED_WORDS:
            self._keys.clear()
            self._starts.clear()
            new = set(words)
        era_first, latest = self._era_first, self._latest_founded
        for word in new:
            key = fold_for_matching(normalize(word))
            era = key in era_first or (key[-4:].isdecimal() and not key[-5:-4].isdecimal()
                                       and 1900 <= int(key[-4:]) < latest)
            if _TANWEEN in word and key + _TANWEEN in self._index:
                key += _TANWEEN
            self._keys[word] = key
            self._starts[word] = era or key in self._index


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
    words = _WORD.findall(before)
    return bool(words) and _strip_clitics(fold_for_matching(normalize(words[-1]))) in _year_words()


def _adjacent_before(text: str, words: list[str], i: int, start: int) -> str | None:
    """Word i-1 when only one space separates it from word i (which starts at ``start``), else None."""
    if i == 0 or text[start - 1:start] != " ":
        return None
    prev = words[i - 1]
    return prev if start - 1 - len(prev) >= 0 and text.startswith(prev, start - 1 - len(prev)) else None


def _adjacent_after(text: str, words: list[str], last: int, end: int) -> str | None:
    """Word last+1 when only one space separates it from the mention ending at ``end``, else None."""
    if last + 1 >= len(words) or text[end:end + 1] != " ":
        return None
    following = words[last + 1]
    return following if text.startswith(following, end + 1) else None


def _strip_clitics(key: str) -> str:
    """``key`` without one conjunction and one preposition (ولقوات → قوات), for short lookups only."""
    if key[:1] in "وف" and len(key) > 4:
        key = key[1:]
    if key[:1] in "بكل" and len(key) > 4:
        key = key[1:]
    return key


def _is_definite(key: str) -> bool:
    """Does the normalised word carry the article, after its clitics (الجيش، بالجيش، للجيش)?
    Short words are function words (إلى → الي، الذي، التي), not definite nouns, and five letters in
    «الت…» are a verb of the eighth form (التقى، التزم، التحق), whose «ال» is no article."""
    if key[:1] in "وف" and len(key) > 4:
        key = key[1:]
    if key.startswith("لل") and len(key) > 4:
        return True
    if key[:1] in "بك" and key[1:3] == "ال":
        key = key[1:]
    return key.startswith("ال") and len(key) > 4 and not (len(key) == 5 and key.startswith("الت"))


def _is_nisba_shaped(key: str) -> bool:
    """A definite adjective in ـي/ـية (الكردي، العربية): «الذي» and «التي» are too short to be one."""
    return key.startswith("ال") and len(key) > 4 and key.endswith(("ي", "يه"))


def _family_name(key: str) -> bool:
    """Can the word after a given name be a family name: definite (البنعلي) or a «بن/آل» chain?"""
    return key in ("بن", "ابن", "ال") or (key.startswith("ال") and len(key) > 3)


def _is_word_char(char: str) -> bool:
    """Is ``char`` (one character or empty) part of a written word, as ``_WORD`` reads it?"""
    return char.isalnum() or char in _IN_WORD_MARKS


def _locate(text: str, word: str, cursor: int) -> int:
    """Offset of the first whole ``word`` at or after ``cursor`` (it is the word being matched:
    any earlier copy would have been a match candidate itself)."""
    p = text.find(word, cursor)
    while p >= 0 and (_is_word_char(text[p - 1:p]) or _is_word_char(text[p + len(word):p + len(word) + 1])):
        p = text.find(word, p + 1)
    if p < 0:  # cannot happen: the word was read from this text, after the cursor
        raise AssertionError(f"word {word!r} not found after offset {cursor}")
    return p


def _continuation(text: str, words: list[str], keys: dict[str, str], i: int, rest: list[str],
                  pos: int) -> int | None:
    """End offset when words i+1.. spell ``rest`` with only spaces between them, else None."""
    following = words[i + 1:i + 1 + len(rest)]
    if len(rest) > 1 and [keys[w] for w in following] != rest:
        return None  # (a single word is the key ``rest`` was looked up by: it matches)
    inline_space = _INLINE_SPACE.match
    for word in following:
        gap = inline_space(text, pos)
        if gap is None:
            return None
        pos = gap.end()
        if not text.startswith(word, pos):
            return None
        pos += len(word)
    return pos


def _trim_invisible(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop direction marks and zero-width characters from the edges of a surface."""
    while start < end and text[start] in BIDI_CONTROLS:
        start += 1
    while end > start and text[end - 1] in BIDI_CONTROLS:
        end -= 1
    return start, end


_DEFAULT: dict[tuple, EntityMatcher] = {}
_CONTEXT: dict[float, ContextRules] = {}


def _shipped_context() -> ContextRules:
    """``data/entity_context.csv``, read again only when the file changes."""
    mtime = CONTEXT_CSV.stat().st_mtime
    if mtime not in _CONTEXT:
        _CONTEXT.clear()
        _CONTEXT[mtime] = load_context_rules(CONTEXT_CSV)
    return _CONTEXT[mtime]


def default_matcher() -> EntityMatcher:
    """The matcher for ``data/gazetteer.csv`` and ``data/entity_context.csv``, compiled once and again
    only when a file changes."""
    key = (GAZETTEER_CSV, GAZETTEER_CSV.stat().st_mtime, CONTEXT_CSV.stat().st_mtime)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        gazetteer = load_gazetteer(GAZETTEER_CSV)
        _DEFAULT[key] = EntityMatcher(gazetteer, load_context_rules(CONTEXT_CSV, gazetteer))
    return _DEFAULT[key]


def extract_entities(text: str, matcher: EntityMatcher | None = None) -> list[Mention]:
    """Entity mentions in ``text`` (names and country adjectives), offsets into ``text``."""
    return (matcher or default_matcher()).extract(text)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, punctuation included, surrounding spaces excluded.

    Cuts after a line break, and after the last mark of a run followed by a space or the end (a mark
    followed by a mark is not last): the cut points of ``[.!?؟…]+(?=\\s|$)|\n``, about three times faster.
    """
    spans, start, n = [], 0, len(text)
    for m in _SENTENCE_MARK.finditer(text):
        end = m.end()
        if end < n and text[end - 1] != "\n" and not text[end].isspace():
            continue
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def article_rows(article_id: str, text: str, para_starts: list[int], para_ids: list[int],
                  matcher: EntityMatcher) -> list[tuple]:
    found = matcher._spans(text)
    if not found:
        return []
    sentences = _sentence_spans(text)
    sentence_ends = [end for _, end in sentences]
    j_last, sentence = -1, ""
    rows = []
    append, bisect_right = rows.append, bisect.bisect_right
    for (entity_id, name_en, name_ar, kind, form), start, end in found:
        k = bisect_right(para_starts, start) - 1
        j = bisect_right(sentence_ends, start)
        if j != j_last:  # mentions come in text order: a sentence's mentions share its string
            j_last, sentence = j, text[sentences[j][0]:sentences[j][1]].strip()
        append((article_id, entity_id, name_en, name_ar, kind, text[start:end], form,
                para_ids[k] if k >= 0 else None, start, end, sentence))
    return rows


def entities_table(corpus, matcher: EntityMatcher | None = None, progress: bool | None = None) -> pd.DataFrame:
    """One row per mention in a corpus (``.articles``, ``.paragraphs``): see ``TABLE_COLUMNS``.

    Offsets are into the article's cleaned ``text``; ``paragraph`` is 0 for the title. ``progress``
    shows a bar of articles done (default: from 2,000 articles on).
    """
    from tqdm import tqdm
    matcher = matcher or default_matcher()
    paragraphs = getattr(corpus, "paragraphs", None)
    by_article: dict[str, tuple[list[int], list[int]]] = {}
    if paragraphs is not None and len(paragraphs):
        ordered = paragraphs.sort_values(["article_id", "char_start"])
        for article_id, start, number in zip(ordered["article_id"].astype(str), ordered["char_start"].tolist(),
                                             ordered["paragraph"].tolist()):
            starts, numbers = by_article.setdefault(article_id, ([], []))
            starts.append(start)
            numbers.append(number)
    rows: list[tuple] = []
    show = len(corpus.articles) >= PROGRESS_FROM if progress is None else progress
    pairs = zip(corpus.articles["article_id"].astype(str), corpus.articles["text"])
    for article_id, text in tqdm(pairs, total=len(corpus.articles), unit="article", desc="entities",
                                 disable=not show):
        if not isinstance(text, str):
            continue
        starts, ids = by_article.get(article_id, ([], []))
        rows.extend(article_rows(article_id, text, starts, ids, matcher))
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["paragraph"] = table["paragraph"].astype("Int64")
    table["char_start"] = table["char_start"].astype("int64")
    table["char_end"] = table["char_end"].astype("int64")
    return table


def entity_counts(table: pd.DataFrame, by=("entity_id", "form")) -> pd.DataFrame:
    """Mentions (and articles mentioning) per group, with the entity's names and type, most first."""
    by = list(by)
    labels = ["name_ar", "name_en", "type"]
    keys = by + [c for c in labels if c not in by]
    if table.empty:
        return pd.DataFrame(columns=keys + ["mentions", "articles"])
    counts = (table.groupby(keys, dropna=False)
              .agg(mentions=("entity_id", "size"), articles=("article_id", "nunique"))
              .reset_index())
    return counts.sort_values(["mentions", *by], ascending=[False, *[True] * len(by)], kind="stable",
                              ignore_index=True)


# A sentence is identified by its article, paragraph and text.
SENTENCE_KEYS = ["article_id", "paragraph", "sentence"]


def cooccurrence(table: pd.DataFrame) -> pd.DataFrame:
    """Entity pairs mentioned in the same sentence (name or adjective), with the number of such sentences."""
    columns = ["entity_a", "name_ar_a", "name_en_a", "entity_b", "name_ar_b", "name_en_b", "sentences"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    distinct = table[[*SENTENCE_KEYS, "entity_id"]].drop_duplicates()
    sentence = distinct.groupby(SENTENCE_KEYS, dropna=False, sort=False).ngroup()
    members = pd.DataFrame({"sentence": sentence.to_numpy(), "entity": distinct["entity_id"].to_numpy()})
    pairs = members.merge(members, on="sentence", suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    counts = pairs.groupby(["entity_a", "entity_b"]).size().rename("sentences").reset_index()
    names = table.drop_duplicates("entity_id").set_index("entity_id")
    for side in ("a", "b"):
        for label in ("name_ar", "name_en"):
            counts[f"{label}_{side}"] = counts[f"entity_{side}"].map(names[label])
    return counts[columns].sort_values(["sentences", "entity_a", "entity_b"], ascending=[False, True, True],
                                       ignore_index=True)


def mentions_of(table: pd.DataFrame, entity_id: str) -> pd.DataFrame:
    """The sentences that mention ``entity_id``, in the table's (reading) order, with article,
    paragraph, the number of mentions and their surfaces."""
    rows = table[table["entity_id"] == entity_id]
    columns = ["article_id", "paragraph", "sentence", "mentions", "surfaces"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.groupby(SENTENCE_KEYS, dropna=False, sort=False).agg(
        mentions=("surface", "size"), surfaces=("surface", "، ".join))
    return grouped.reset_index()[columns]
