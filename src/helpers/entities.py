"""Who is mentioned, and where: gazetteer entities found in Arabic news text.

The gazetteer compiles once into a dictionary keyed by a phrase's first word (under every
proclitic combination too), holding the rest of each phrase, longest first. Matching is one
pass: one regex splits the text into written words, each distinct word is normalised once
(cached), and each word is looked up; offsets come straight from the original text, so a
surface keeps its harakat and tatweel. A clitic is only ever stripped in front of a listed
name (وواشنطن), never by stemming, so بغداد and واشنطن keep their first letters.
"""

from __future__ import annotations

import bisect
import re
from functools import partial
from itertools import compress
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .corpus import PROGRESS_FROM
from .gazetteer import (
    GAZETTEER_CSV,
    Gazetteer,
    clitic_forms,
    fold_for_matching,
    load_gazetteer,
    match_key,
    nisba_forms,
)
from .normalize import BIDI_CONTROLS, DIACRITICS, SENTENCE_MARKS, normalize

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

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._index = self._compile(gazetteer)
        self._keys: dict[str, str] = {}  # written word → normalised key, filled as words are met
        self._starts: dict[str, bool] = {}  # written word → does its key start a listed phrase

    @staticmethod
    def _compile(gazetteer: Gazetteer) -> dict[str, tuple[dict, tuple | None]]:
        # Every phrase is added under its first word and under that word with each proclitic
        # combination: a clitic is stripped only in front of a listed name, never guessed.
        # Ties between identical keys: a bare word beats a clitic reading, and a name beats
        # an adjective (سورية is the country, السوداني the prime minister).
        phrases: dict[str, dict[tuple[str, ...], tuple]] = {}
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
        return [_new_mention(payload + (text[start:end], start, end)) for payload, start, end in self._spans(text)]

    def _spans(self, text: str) -> list[tuple[tuple, int, int]]:
        """``(payload, start, end)`` of every mention, in order: ``extract`` without building Mentions."""
        words = _WORD.findall(text)
        starts = list(map(self._starts.get, words))  # None for a word not seen before
        if None in starts:
            self._learn(words)
            starts = list(map(self._starts.get, words))
        keys, index, separators = self._keys, self._index, _SEPARATORS
        last = len(words) - 1
        has_marks = any(mark in text for mark in BIDI_CONTROLS)
        found: list[tuple[tuple, int, int]] = []
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
            longer, payload = index[keys[word]]
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
            next_free, cursor = i + n + 1, end
            if has_marks:  # direction marks stay out of the surface
                start, end = _trim_invisible(text, start, end)
            found.append((payload, start, end))
        return found

    def _learn(self, words: list[str]) -> None:
        """Normalise each written word not seen before, once; note those that can start a name."""
        new = set(words).difference(self._keys)
        if len(self._keys) + len(new) > _MAX_CACHED_WORDS:
            self._keys.clear()
            self._starts.clear()
            new = set(words)
        for word in new:
            key = fold_for_matching(normalize(word))
            if _TANWEEN in word and key + _TANWEEN in self._index:
                key += _TANWEEN
            self._keys[word] = key
            self._starts[word] = key in self._index


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


_DEFAULT: dict[tuple[Path, float], EntityMatcher] = {}


def default_matcher() -> EntityMatcher:
    """The matcher for ``data/gazetteer.csv``, compiled once and again only when the file changes."""
    key = (GAZETTEER_CSV, GAZETTEER_CSV.stat().st_mtime)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        _DEFAULT[key] = EntityMatcher(load_gazetteer(GAZETTEER_CSV))
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
