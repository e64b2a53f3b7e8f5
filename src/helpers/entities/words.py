"""The written words of a text, as the entity matcher reads them: where a word is, what shape it has.

A word as written is letters and digits plus what normalisation deletes inside a word (harakat, tatweel,
direction and zero-width marks), so العـراقُ is one word and offsets stay those of the original text.
The shape tests (definite, nisba-shaped, a family name) work on normalised keys, for the context rules.
"""

from __future__ import annotations

import re

from ..normalize import BIDI_CONTROLS, DIACRITICS

__all__ = [
    "WORD", "adjacent_after", "adjacent_before", "continuation", "family_name", "is_definite",
    "is_nisba_shaped", "locate", "strip_clitics", "trim_invisible",
]

# A word as written: letters and digits plus what normalisation deletes inside a word
# (harakat, tatweel, direction and zero-width marks), so العـراقُ is one word.
_WORD_CLASS = "[\\w" + re.escape(DIACRITICS + BIDI_CONTROLS) + "]"
WORD = re.compile(_WORD_CLASS + "+")
_IN_WORD_MARKS = frozenset("_" + DIACRITICS + BIDI_CONTROLS)
# A multi-word name may not run across punctuation or a line break.
_INLINE_SPACE = re.compile(r"[^\S\n]+")


def adjacent_before(text: str, words: list[str], i: int, start: int) -> str | None:
    """Word i-1 when only one space separates it from word i (which starts at ``start``), else None."""
    if i == 0 or text[start - 1:start] != " ":
        return None
    prev = words[i - 1]
    return prev if start - 1 - len(prev) >= 0 and text.startswith(prev, start - 1 - len(prev)) else None


def adjacent_after(text: str, words: list[str], last: int, end: int) -> str | None:
    """Word last+1 when only one space separates it from the mention ending at ``end``, else None."""
    if last + 1 >= len(words) or text[end:end + 1] != " ":
        return None
    following = words[last + 1]
    return following if text.startswith(following, end + 1) else None


def strip_clitics(key: str) -> str:
    """``key`` without one conjunction and one preposition (ولقوات → قوات), for short lookups only."""
    if key[:1] in "وف" and len(key) > 4:
        key = key[1:]
    if key[:1] in "بكل" and len(key) > 4:
        key = key[1:]
    return key


def is_definite(key: str) -> bool:
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


def is_nisba_shaped(key: str) -> bool:
    """A definite adjective in ـي/ـية (الكردي، العربية): «الذي» and «التي» are too short to be one."""
    return key.startswith("ال") and len(key) > 4 and key.endswith(("ي", "يه"))


def family_name(key: str) -> bool:
    """Can the word after a given name be a family name: definite (البنعلي) or a «بن/آل» chain?"""
    return key in ("بن", "ابن", "ال") or (key.startswith("ال") and len(key) > 3)


def _is_word_char(char: str) -> bool:
    """Is ``char`` (one character or empty) part of a written word, as ``WORD`` reads it?"""
    return char.isalnum() or char in _IN_WORD_MARKS


def locate(text: str, word: str, cursor: int) -> int:
    """Offset of the first whole ``word`` at or after ``cursor`` (it is the word being matched:
    any earlier copy would have been a match candidate itself)."""
    p = text.find(word, cursor)
    while p >= 0 and (_is_word_char(text[p - 1:p]) or _is_word_char(text[p + len(word):p + len(word) + 1])):
        p = text.find(word, p + 1)
    if p < 0:  # cannot happen: the word was read from this text, after the cursor
        raise AssertionError(f"word {word!r} not found after offset {cursor}")
    return p


def continuation(text: str, words: list[str], keys: dict[str, str], i: int, rest: list[str],
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


def trim_invisible(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop direction marks and zero-width characters from the edges of a surface."""
    while start < end and text[start] in BIDI_CONTROLS:
        start += 1
    while end > start and text[end - 1] in BIDI_CONTROLS:
        end -= 1
    return start, end
