"""Sentences, clauses and paragraphs of an article text, as offsets: one cutting for every table.

The milestone, entity and claim tables cut sentences at the same places (after a line break, and after
the last of ``SENTENCE_MARKS`` before a space or the end), so their ``sentence`` columns can be joined;
clauses end at those places and at ``،؛,;:`` too. Paragraphs come from the loader's paragraphs table,
indexed once per corpus as sorted start offsets an article, for ``bisect``.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from .normalize import SENTENCE_MARKS

__all__ = ["CLAUSE_CHARS", "SENTENCE_CHARS", "cut_points", "paragraph_index", "paragraph_of", "paragraph_spans",
           "sentence_spans"]

SENTENCE_CHARS = "\n" + SENTENCE_MARKS
CLAUSE_CHARS = SENTENCE_CHARS + "،؛,;:"
_FINDERS: dict[str, re.Pattern] = {}


def cut_points(text: str, chars: str = SENTENCE_CHARS) -> list[int]:
    """Where sentences (or clauses, with ``CLAUSE_CHARS``) end: just after a line break, after a mark of
    ``SENTENCE_MARKS`` followed by a space or the end (of a run of marks, the last), after any other of
    ``chars``. One character class scanned in C, then a check of the next character: about four times
    faster than a lookahead pattern (``[.!?؟…]+(?=\\s|$)|\\n``) giving the same cut points."""
    finder = _FINDERS.get(chars) or _FINDERS.setdefault(chars, re.compile("[" + re.escape(chars) + "]"))
    n = len(text)
    out = []
    for m in finder.finditer(text):
        p = m.start()
        if text[p] in SENTENCE_MARKS and p + 1 < n and not text[p + 1].isspace():
            continue
        out.append(p + 1)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, punctuation included (strip the spaces around it when showing it);
    the last one runs to the end of the text, and is empty when the text ends with a cut."""
    cuts = cut_points(text)
    return list(zip([0, *cuts], [*cuts, len(text)]))


def paragraph_spans(corpus) -> pd.DataFrame | None:
    """The paragraphs of ``corpus`` for a caller that needs their offsets only: a loaded corpus's
    ``paragraph_spans`` (no text: cutting every paragraph's text out of a 1 GB corpus costs another GB),
    else its ``paragraphs``; None when it has neither."""
    spans = getattr(corpus, "paragraph_spans", None)
    return spans if spans is not None else getattr(corpus, "paragraphs", None)


def paragraph_index(paragraphs: pd.DataFrame | None) -> dict[str, tuple[list[int], list[int]]]:
    """Per article (its id as a string), its paragraphs' start offsets and numbers as sorted lists."""
    if paragraphs is None or not len(paragraphs):
        return {}
    ordered = paragraphs.sort_values(["article_id", "char_start"], kind="stable")
    ids = ordered["article_id"].astype(str).tolist()
    starts = ordered["char_start"].tolist()
    numbers = [int(n) for n in ordered["paragraph"].tolist()]
    result: dict[str, tuple[list[int], list[int]]] = {}
    first = 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[first]:
            result[ids[first]] = (starts[first:i], numbers[first:i])
            first = i
    return result


def paragraph_of(starts: list[int], numbers: list[int], offset: int, default=None):
    """The number of the paragraph holding ``offset`` (``starts`` sorted), ``default`` before the first."""
    i = bisect.bisect_right(starts, offset) - 1
    return numbers[i] if i >= 0 else default
