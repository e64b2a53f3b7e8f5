"""The output folder of a pipeline run: Parquet parts streamed by a writer thread, and the record of a finished run.

``PartWriter`` writes a table as ``part-00000.parquet``, … one part per ~32 MB; ``write_done`` records,
last, which inputs the tables were made from and the files it wrote, so ``up_to_date`` can tell a
re-run that the folder is already what it would write.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .pipeline_cache import write_atomically

__all__ = [
    "DONE_FILE",
    "LOCK_FILE",
    "REPORT_FILE",
    "TABLES",
    "OutputInUse",
    "PartWriter",
    "count_rows",
    "output_lock",
    "up_to_date",
    "write_done",
]

TABLES = ("articles", "milestones", "entities")  # each a folder of Parquet parts; the report is one file
REPORT_FILE = "load_report.parquet"
DONE_FILE = ".extracted.json"  # written last: the inputs the tables were made from, and the tables' files
LOCK_FILE = ".lock"  # held (flock) while a run writes the folder; the kernel lets go when the run dies

_PART_BYTES = 32 << 20  # a Parquet part per ~32 MB of Arrow data: ~5,000 articles, a Dask partition
_WRITES_QUEUED = 3  # Parquet parts waiting for the writer thread, per table, at most


class OutputInUse(RuntimeError):
    """Another run is writing the output folder."""


_HELD: dict[str, int] = {}  # folders this process has locked, and how many times


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``out/.lock`` while writing ``out``; ``OutputInUse`` at once when another process holds it.

    An advisory ``flock``: two runs into one folder would read each other's half-written parts. The
    kernel releases it when the holder dies, even by ``kill -9``, so a stale lock never blocks a run.
    Taken again by the same process (the command line, then ``extract_corpus``), it is not re-locked.
    """
    key = os.path.realpath(out)
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / LOCK_FILE, "a+")  # noqa: SIM115 - held until the with block ends
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise OutputInUse(f"another extraction (process {holder}) is writing {out}: wait for it to end, "
                              "or give another output folder") from None
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]
    finally:
        handle.close()


class PartWriter:
    """Streams Arrow tables into ``folder/part-00000.parquet``, … one part per ~``_PART_BYTES``.

    With ``writer`` (a one-thread executor), parts are written in that thread: Parquet encoding
    releases the GIL, so it runs on a second core while this one goes on reading batches.
    """

    def __init__(self, folder: Path, schema: pa.Schema, writer: ThreadPoolExecutor | None = None):
        self.folder, self.schema, self.writer = folder, schema, writer
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.buffer: list[pa.Table] = []
        self.parts = 0
        self.writing: list[Future] = []

    def add(self, table: pa.Table) -> None:
        if table.num_rows:
            self.buffer.append(table)
        if sum(t.nbytes for t in self.buffer) >= _PART_BYTES:
            self._write()

    def _write(self) -> None:
        table = pa.concat_tables(self.buffer) if self.buffer else self.schema.empty_table()
        path = self.folder / f"part-{self.parts:05d}.parquet"
        if self.writer is None:
            pq.write_table(table, path)
        else:
            # one thread writes in order, so the oldest part is done first
            while self.writing and (self.writing[0].done() or len(self.writing) >= _WRITES_QUEUED):
                self.writing.pop(0).result()  # a failed write raises here; waiting bounds the tables held
            self.writing.append(self.writer.submit(pq.write_table, table, path))
        self.buffer, self.parts = [], self.parts + 1

    def close(self) -> None:
        if self.buffer or not self.parts:  # an empty table still gets one part, holding its schema
            self._write()
        for future in self.writing:
            future.result()
        self.writing = []


def count_rows(folder: Path) -> int:
    """Rows of a table's Parquet parts, from their footers."""
    return sum(pq.ParquetFile(part).metadata.num_rows for part in folder.glob("*.parquet"))


def _output_files(out: Path) -> dict[str, list[int]]:
    """Size and mtime_ns of each file of the tables, by path under ``out``."""
    files = [out / REPORT_FILE, *(p for name in TABLES for p in sorted((out / name).glob("*.parquet")))]
    return {str(p.relative_to(out)): [(stat := p.stat()).st_size, stat.st_mtime_ns] for p in files}


def write_done(out: Path, inputs: str, summary: dict) -> None:
    """Record, last, that ``out`` holds the tables made from ``inputs`` (and the files written)."""
    record = {"inputs": inputs, "files": _output_files(out), "summary": summary}
    write_atomically(out / DONE_FILE, json.dumps(record).encode())


def up_to_date(out: Path, inputs: str) -> dict | None:
    """The summary of the run that wrote ``out``, when it was made from ``inputs`` and its files are
    untouched since; else None. A re-run on an unchanged corpus then reads nothing but this record."""
    try:
        record = json.loads((out / DONE_FILE).read_bytes())
        if record["inputs"] == inputs and record["files"] == _output_files(out):
            return dict(record["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None

