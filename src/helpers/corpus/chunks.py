"""Runs of files read and cleaned, in this process or a pool of them, their strings packed into Arrow.

A ``Chunk`` is what a worker sends back: the cleaned documents (counts and flags) and their long
strings as Arrow batches, which pickle as plain bytes, so the loading process neither decodes nor
re-encodes the text and holds it once, in exact-size buffers. Paragraphs travel as offsets only: their
texts are slices of the article text (``paragraphs`` cuts them out when asked for).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context

import numpy as np
import pyarrow as pa

from .clean import clean_document
from .document import Document
from .readers import read_file

__all__ = [
    "PARALLEL_FROM",
    "SPAN_SCHEMA",
    "STRING",
    "Chunk",
    "cleaned_chunks",
    "concat_strings",
    "die_with_parent",
    "pack_chunk",
    "read_and_clean",
    "read_and_clean_file",
    "string_array",
]

_CHUNK = 64  # files per task when reading in parallel
PARALLEL_FROM = 512  # fewer files than this are read in-process (pool start-up costs ~1 s)

STRING = pa.large_string()
TEXT_SCHEMA = pa.schema([("title", STRING), ("text", STRING), ("raw_text", STRING)])
SPAN_SCHEMA = pa.schema([("paragraph", pa.int64()), ("char_start", pa.int64()), ("char_end", pa.int64())])


@dataclass
class Chunk:
    """Cleaned documents of a run of files, their long strings already packed into Arrow."""

    docs: list[list[Document]]  # per file; articles keep counts and flags, not their strings
    texts: pa.RecordBatch  # title, text, raw_text: one row per article, in order
    paragraphs: pa.RecordBatch  # paragraph, char_start, char_end (SPAN_SCHEMA): rows of those articles


def pack_chunk(per_file: list[list[Document]], keep_raw_text: bool) -> Chunk:
    """Move the strings of cleaned documents (per file) into Arrow; the documents keep the rest."""
    articles = [d for docs in per_file for d in docs if d.is_article]
    texts = pa.RecordBatch.from_arrays(
        [string_array([d.title for d in articles]), string_array([d.text for d in articles]),
         string_array([d.raw_text if keep_raw_text else None for d in articles])],
        schema=TEXT_SCHEMA,
    )
    numbers, starts, ends = [], [], []
    for doc in articles:
        numbers.extend(range(len(doc.spans)))
        starts.extend(start for start, _ in doc.spans)
        ends.extend(end for _, end in doc.spans)
        doc.title = doc.body = doc.text = doc.raw_text = ""
        doc.spans = []
    paragraphs = pa.RecordBatch.from_arrays(
        [pa.array(numbers, pa.int64()), pa.array(starts, pa.int64()), pa.array(ends, pa.int64())], schema=SPAN_SCHEMA
    )
    return Chunk(per_file, texts, paragraphs)


def read_and_clean_file(file: str) -> list[Document]:
    """The documents of ``file``, cleaned; a document cleaning fails on becomes an error row, not a crash."""
    docs = read_file(file)
    for position, doc in enumerate(docs):
        try:
            clean_document(doc)
        except Exception as exc:  # noqa: BLE001 - any input gets a report row, never a traceback
            problem = Document(doc.path, line=doc.line, article_id=doc.article_id, notes=list(doc.notes))
            problem.note("error", f"could not be cleaned ({type(exc).__name__}: {exc}), skipped")
            docs[position] = problem
    return docs


def read_and_clean(files: list[str], keep_raw_text: bool = True) -> Chunk:
    """Read, clean and pack ``files``: one worker task."""
    return pack_chunk([read_and_clean_file(f) for f in files], keep_raw_text)


def die_with_parent(parent: int) -> None:
    """Called first in a worker process: end it when ``parent`` (the process that started it) ends,
    even by ``kill -9``, and at once if it already has.

    Otherwise a killed load leaves its workers (and multiprocessing's resource tracker, which waits
    for them) running. Linux is told to kill the worker with its parent; elsewhere a thread watches.
    """
    if os.getppid() != parent:
        os._exit(1)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # it died before the kernel was told
        os._exit(1)


def cleaned_chunks(files: list[str], workers: int, keep_raw_text: bool = True) -> Iterator[Chunk]:
    """Cleaned chunks of files, in file order; a process pool when ``workers > 1``.

    At most ``4 * workers`` chunks are in flight, so memory stays bounded however fast workers are.
    """
    # taken off one by one, so the caller's list can go: the paths are let go as their files are read
    chunks = deque(files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK))
    del files
    task = partial(read_and_clean, keep_raw_text=keep_raw_text)
    if workers <= 1:
        while chunks:
            yield task(chunks.popleft())
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque = deque()
        try:
            while chunks and len(pending) < 4 * workers:
                pending.append(pool.submit(task, chunks.popleft()))
            while pending:
                result = pending.popleft().result()
                if chunks:
                    pending.append(pool.submit(task, chunks.popleft()))
                yield result
        finally:
            for future in pending:
                future.cancel()


def string_array(values: list[str | None]) -> pa.Array:
    """Arrow strings in one exact-size buffer.

    Arrow's builder grows its buffer by doubling and its allocator keeps the freed ones: on a
    500 MB corpus that cost ~0.4 GB of peak memory. Joined UTF-8 bytes are wrapped without a copy.
    """
    encoded = [b"" if v is None else v.encode("utf-8", "surrogatepass") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    missing = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    validity = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
    data = pa.py_buffer(b"".join(encoded))
    return pa.Array.from_buffers(STRING, len(values), [validity, pa.py_buffer(offsets), data])


def concat_strings(arrays: list[pa.Array]) -> pa.Array:
    """Large Arrow string arrays end to end, in one exact-size buffer outside Arrow's memory pool.

    ``pa.concat_arrays`` copies into the pool, whose allocator (mimalloc) kept ~10% more than the text
    it held once a corpus's texts were all there: what the loader keeps for good is allocated here.
    """
    offsets, pieces, validity, base = [np.zeros(1, dtype=np.int64)], [], [], 0
    for array in arrays:
        _mask, offsets_buffer, data_buffer = array.buffers()
        own = np.frombuffer(offsets_buffer, dtype=np.int64, count=len(array) + 1, offset=array.offset * 8)
        offsets.append(own[1:] - own[0] + base)
        base += int(own[-1] - own[0])
        if data_buffer is not None:
            pieces.append(memoryview(data_buffer)[own[0] : own[-1]])
        validity.append(array.is_valid().to_numpy(zero_copy_only=False))
    present = np.concatenate(validity) if validity else np.ones(0, dtype=bool)
    mask = None if present.all() else pa.py_buffer(np.packbits(present, bitorder="little"))
    return pa.Array.from_buffers(STRING, len(present), [mask, pa.py_buffer(np.concatenate(offsets)),
                                                        pa.py_buffer(b"".join(pieces))])
