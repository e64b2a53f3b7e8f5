"""Rows of an article already extracted, for the same article met again.

News archives repeat themselves: a wire story runs again under another file name, a page is saved twice.
The loader marks such files as duplicates but keeps them (nothing is dropped), so each still gets its
milestone and mention rows, and those depend only on the article's text, its publication date and its
paragraph starts, and on the vocabulary in use. ``milestones_table``, ``entities_table`` and each pipeline
worker remember the rows of the articles they extracted, keyed by exactly that, and copy them (with the new
article's id) instead of extracting a repeat again: the same rows, for the cost of a digest.

Bounded: the least recently used articles are forgotten past ``MAX_ROWS`` rows held. A table function holds
its memory for one call; a worker forgets all at the start of a run, and when the extractors or the
vocabulary in use change (the matcher or the claim tables: a table edited and reloaded mid-run is a new
object), so a memory never stands in for rows other code or another vocabulary would give.

Hand-written: ``functools.lru_cache`` bounds by entries, not by the rows held, and would key on the
whole text.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

__all__ = ["MAX_ROWS", "RepeatedArticles"]

MAX_ROWS = 200_000  # rows held at most (milestones and mentions of short articles: tens of MB)


class RepeatedArticles:
    """``rows(key, article_id)`` of an article extracted before, else None; ``remember(key, *tables)`` after."""

    def __init__(self, max_rows: int = MAX_ROWS):
        self.max_rows = max_rows
        self.held = 0
        self.hits = 0
        self._rows: OrderedDict[tuple, tuple[list[tuple], ...]] = OrderedDict()
        self._vocabulary: tuple = ()

    def use(self, *vocabulary) -> None:
        """The extractors and vocabulary objects the next rows are made with; other objects than last time
        forget all."""
        if len(vocabulary) != len(self._vocabulary) or any(a is not b for a, b in zip(vocabulary, self._vocabulary)):
            self.forget()
            self._vocabulary = vocabulary

    def forget(self) -> None:
        """Hold nothing (a run starts: a kernel may have edited a module since the last one)."""
        self._rows.clear()
        self.held = 0
        self._vocabulary = ()

    @staticmethod
    def key(text: str, published, starts) -> tuple:
        """What an article's rows depend on besides the vocabulary: its text (by digest), publication date and
        paragraph starts."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        return digest, len(text), str(published), tuple(starts)

    def rows(self, key: tuple, position) -> tuple[list[tuple], ...] | None:
        """Each table's rows of the article remembered under ``key``, with ``position`` as their article id."""
        found = self._rows.get(key)
        if found is None:
            return None
        self._rows.move_to_end(key)
        self.hits += 1
        return tuple([(position, *row[1:]) for row in table] for table in found)

    def remember(self, key: tuple, *tables: list[tuple]) -> None:
        size = sum(map(len, tables))
        if size > self.max_rows:
            return
        self._rows[key] = tables
        self.held += size
        while self.held > self.max_rows:
            _, dropped = self._rows.popitem(last=False)
            self.held -= sum(map(len, dropped))
