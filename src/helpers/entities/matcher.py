"""The entity matcher: a gazetteer compiled into a dictionary keyed by a phrase's first word.

Every phrase is listed under its first word and under that word with every proclitic combination,
holding the rest of each phrase, longest first. Matching is one pass: one regex splits the text into
written words, each distinct word is normalised once (cached), and each word is looked up; offsets come
straight from the original text, so a surface keeps its harakat and tatweel. A clitic is only ever
stripped in front of a listed name (وواشنطن), never by stemming, so بغداد and واشنطن keep their first
letters. The context rules (``entities.context``) settle the few words the letters alone do not.
"""

from __future__ import annotations

from functools import partial
from itertools import compress
from typing import NamedTuple

from ..gazetteer import (
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
from ..normalize import BIDI_CONTROLS, normalize
from .context import ADJECTIVE, NAME, NOT_A_MENTION, ContextReading
from .words import WORD, continuation, locate, trim_invisible

__all__ = [
    "EntityMatcher", "Mention", "default_matcher", "extract_entities",
]

# Common characters next to a word (and "" at the text's edges): seeing one is the fast proof
# that a found copy is a whole word.
_SEPARATORS = frozenset([""]) | frozenset(" \n\t\u00a0،؛؟,.:;!?()[]{}\"'«»“”‘’-–—…/")
_MAX_CACHED_WORDS = 2_000_000
# «سورياً» and «تركياً» (دعماً تركياً) are the nisba in the indefinite accusative, yet fold to the
# country's name (سوريا، تركيا). Written with its tanween, such a word is looked up under a key
# that only the nisba forms carry, so it counts as the adjective; without it, the name wins.
_TANWEEN = "\u064b"
# Which proclitic combinations of clitic_forms() begin with a conjunction (و، ف), in its order.
_WITH_CONJUNCTION = [bool(c) for c in CONJUNCTIONS for p in PREPOSITIONS if c or p]


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


class EntityMatcher(ContextReading):
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
            forms = [form for base in entity.nisba
                     for form in nisba_forms(match_key(base)[0], article=base.startswith("ال"))]
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


    @property
    def size(self) -> int:
        """Number of distinct first-word forms in the dictionary."""
        return len(self._index)

    def extract(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, longest match first, no overlaps."""
        return [_new_mention(payload + (text[start:end], start, end)) for payload, start, end in self.spans(text)]

    def spans(self, text: str) -> list[tuple[tuple, int, int]]:
        """``(payload, start, end)`` of every mention, in order: ``extract`` without building Mentions."""
        if text is self._last[0]:  # the same article again (its claims, then its entity rows): no second pass
            return self._last[1]
        given = text
        if "_" in text:  # a hashtag joins words with underscores (#قوات_التحالف): same offsets, spaces
            text = text.replace("_", " ")
        words = WORD.findall(text)
        starts = list(map(self._starts.get, words))  # None for a word not seen before
        if None in starts:
            self._learn(words)
            starts = list(map(self._starts.get, words))
        keys, index, separators = self._keys, self._index, _SEPARATORS
        context_keys, context_entities, generic = self._context_keys, self._context_entities, self._generic
        party_words = self._party_words
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
                start = locate(text, word, start)
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
                        phrase_end = continuation(text, words, keys, i, rest, cursor) if i + size <= last else None
                        if phrase_end is not None:
                            n, end, payload = size, phrase_end, phrase_payload
                            break
            if payload is None:
                continue
            if payload is NOT_A_MENTION:  # a phrase the context table rules out (جورج واشنطن)
                next_free, cursor = i + n + 1, end  # past it: a later copy of its words is found after it
                continue
            if key in context_keys and (key not in generic or (i < last and (keys[words[i + 1]].endswith(("ي", "يه"))
                                                                               or keys[words[i + 1]] in party_words))):
                payload, skip = self._in_context(text, words, i, n, start, end, payload)
                if payload is None:
                    next_free = i + n + 1 + skip
                    continue
            next_free, cursor = i + n + 1, end
            if has_marks:  # direction marks stay out of the surface
                start, end = trim_invisible(text, start, end)
            found.append((payload, start, end))
        if era_marks:  # only a text with an early year or a cue word pays for the era rules
            offsets = [start for _, start, _ in found]
            drop = {j for j, (payload, start, _) in enumerate(found) if payload[0] in context_entities
                    and self._other_era(text, start, payload[0], era_marks, found, offsets)}
            found = [mention for j, mention in enumerate(found) if j not in drop]
        self._last = (given, found)
        return found


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
