"""The paragraphs table of a loaded corpus, held as offsets into the article texts; texts cut out when asked for.

A paragraph is a slice of its article's cleaned text, so keeping its text as well held every loaded
text twice (on 1 GB of articles, a second GB). ``Paragraphs`` keeps each paragraph's character offsets
and shares the Arrow arrays behind the ``articles`` frame (ids, texts, paragraph counts: no copy);
``frame()`` cuts the texts out of the articles' UTF-8 bytes into the same table the loader built
eagerly before, and ``spans()`` gives that table without its text column, at no cost in text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from .chunks import STRING

__all__ = ["PARAGRAPH_COLUMNS", "PARAGRAPH_SCHEMA", "Paragraphs", "cut_paragraphs"]

PARAGRAPH_COLUMNS = ["article_id", "paragraph", "text", "char_start", "char_end"]
PARAGRAPH_SCHEMA = pa.schema(
    [("article_id", STRING), ("paragraph", pa.int64()), ("text", STRING),
     ("char_start", pa.int64()), ("char_end", pa.int64())]
)
_SLICE = 256  # articles cut at a time: bounds the temporary arrays (code point positions) to a few MB


class Paragraphs:
    """Every article's title (paragraph 0) and paragraphs as character offsets into its cleaned text.

    ``article_ids``, ``texts`` and ``n_paragraphs`` are the loaded articles' columns as Arrow arrays
    (the ones the ``articles`` frame holds); article ``i`` owns the next ``n_paragraphs[i] + 1`` rows
    of ``char_start``/``char_end`` (int32 or int64), as ``clean_document`` cut them.
    """

    def __init__(self, article_ids: pa.ChunkedArray, texts: pa.ChunkedArray, n_paragraphs: pa.ChunkedArray,
                 char_start: pa.ChunkedArray, char_end: pa.ChunkedArray):
        self.article_ids, self.texts, self.char_start, self.char_end = article_ids, texts, char_start, char_end
        self.counts = np.asarray(n_paragraphs.to_numpy(), dtype=np.int64) + 1
        if int(self.counts.sum()) != len(char_start) or len(char_start) != len(char_end):
            raise ValueError(f"{len(char_start)} paragraph spans for {int(self.counts.sum())} paragraphs")

    def __len__(self) -> int:
        return len(self.char_start)

    def _columns(self) -> dict[str, pa.Array | pa.ChunkedArray]:
        owners = np.repeat(np.arange(len(self.counts)), self.counts)
        first = np.cumsum(self.counts) - self.counts  # each article's first row
        return {
            "article_id": self.article_ids.take(pa.array(owners)),
            "paragraph": pa.array(np.arange(len(owners)) - first[owners]),
            "char_start": self.char_start.cast(pa.int64()),
            "char_end": self.char_end.cast(pa.int64()),
        }

    def spans(self) -> pd.DataFrame:
        """``article_id, paragraph, char_start, char_end``: the table without its text column."""
        columns = self._columns()
        schema = pa.schema([f for f in PARAGRAPH_SCHEMA if f.name != "text"])
        return _frame(pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema))

    def frame(self) -> pd.DataFrame:
        """``PARAGRAPH_COLUMNS``, each paragraph's text cut out of its article's (a new copy of the text)."""
        columns = self._columns()
        columns["text"] = cut_paragraphs(self.texts, self.counts, self.char_start, self.char_end)
        return _frame(pa.Table.from_arrays([columns[f.name] for f in PARAGRAPH_SCHEMA], schema=PARAGRAPH_SCHEMA))


def _frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(self_destruct=True, split_blocks=True)


def cut_paragraphs(texts: pa.ChunkedArray, counts: np.ndarray, char_start: pa.ChunkedArray,
                   char_end: pa.ChunkedArray) -> pa.ChunkedArray:
    """The strings ``texts[i][char_start[j]:char_end[j]]`` (offsets in code points, as Python slices them)
    for the rows ``j`` of article ``i`` (``counts[i]`` rows each, in order), as large Arrow strings.

    Code point offsets become byte offsets through the positions of the UTF-8 lead bytes, so the text
    is never decoded to Python strings; the bytes are copied once, slice by slice.
    """
    pieces, row, span = [], 0, 0
    for chunk in texts.chunks:
        for low in range(0, len(chunk), _SLICE):
            part = chunk.slice(low, _SLICE)
            owned = counts[row : row + len(part)]
            n = int(owned.sum())
            starts, ends = (column.slice(span, n).to_numpy() for column in (char_start, char_end))
            pieces.append(_cut(part, owned, starts, ends))
            row, span = row + len(part), span + n
    return pa.chunked_array(pieces, STRING)


def _cut(part: pa.Array, counts: np.ndarray, char_start: np.ndarray, char_end: np.ndarray) -> pa.Array:
    if part.type != STRING:
        part = part.cast(STRING)
    _validity, offsets_buffer, data_buffer = part.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64, count=len(part) + 1, offset=part.offset * 8)
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]] if data_buffer else np.empty(0, np.uint8)
    # byte position of every code point of the slice, and one past the end
    leads = np.append(np.flatnonzero((data & 0xC0) != 0x80), len(data))
    first = np.repeat(np.searchsorted(leads, offsets[:-1] - offsets[0]), counts)  # code points before each owner
    byte_start, byte_end = leads[first + char_start], leads[first + char_end]
    view = memoryview(data)
    joined = b"".join([view[a:b] for a, b in zip(byte_start.tolist(), byte_end.tolist())])
    out_offsets = np.zeros(len(byte_start) + 1, dtype=np.int64)
    np.cumsum(byte_end - byte_start, out=out_offsets[1:])
    return pa.Array.from_buffers(STRING, len(byte_start), [None, pa.py_buffer(out_offsets), pa.py_buffer(joined)])
