"""Extract a whole corpus (articles, milestones, entities, load report) to Parquet, in parallel and cached.

``extract_corpus`` is ``load_corpus`` + ``milestones_table`` + ``entities_table`` for corpora too big
to hold as Python objects: worker processes take batches of files end to end (read, clean, extract)
and the parent only resolves what needs the whole corpus (unique ids, duplicates across batches),
exactly as ``load_corpus`` does, then streams Arrow tables to Parquet. The tables are identical to
the in-memory functions' on the same corpus. Each batch's result is cached under a key of its files
(path, size, mtime_ns, manifest row) and of the extraction code and data tables, so a re-run reads the
cache and an edited gazetteer never serves stale rows; a re-run into an output folder already made
from the same batch keys and manifests (``.extracted.json``, written last) reads nothing at all.
With ``scheduler=`` the extraction runs on a Dask cluster: ``map_partitions`` of the same
per-article functions over the articles' Parquet parts.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import corpus as _corpus
from .corpus import clean_document, read_file
from .entities import TABLE_COLUMNS as ENTITY_COLUMNS
from .entities import _article_rows, default_matcher, entities_table
from .milestones import CALENDAR, _article_milestones, milestones_table
from .milestones import COLUMNS as MILESTONE_COLUMNS
from .paths import DATA

__all__ = [
    "Extraction",
    "entities_for_articles",
    "extract_corpus",
    "extraction_fingerprint",
    "milestones_for_articles",
    "paragraph_spans",
]

TABLES = ("articles", "milestones", "entities")  # each a folder of Parquet parts; the report is one file
REPORT_FILE = "load_report.parquet"
CACHE_FOLDER = ".cache"  # default cache: <out>/.cache
DONE_FILE = ".extracted.json"  # written last: the inputs the tables were made from, and the tables' files
ARTICLE_COLUMNS = [c for c in _corpus.ARTICLE_COLUMNS if c != "raw_text"]
EXTRACTION_INPUT = ["article_id", "text", "published", "n_paragraphs"]  # what the extractors read

_PART_BYTES = 32 << 20  # a Parquet part per ~32 MB of Arrow data: ~5,000 articles, a Dask partition
_PARALLEL_FROM = _corpus._PARALLEL_FROM  # fewer files are read in-process (pool start-up ~1 s)
_IN_FLIGHT = 3  # batches queued per worker: keeps workers busy, bounds memory
_WRITES_QUEUED = 3  # Parquet parts waiting for the writer thread, per table, at most

_STRING = "str"
DTYPES = {  # the dtypes load_corpus, milestones_table and entities_table give a non-empty corpus
    "articles": {"line": "Int64"},
    "milestones": {"article_id": _STRING, "surface": _STRING, "start": "datetime64[s]", "end": "datetime64[s]",
                   "precision": _STRING, "kind": _STRING, "trigger": _STRING, "form": _STRING, "paragraph": "int64",
                   "char_start": "int64", "char_end": "int64", "sentence": _STRING, "subject": _STRING,
                   "resolved": "bool", "event": _STRING, "place": _STRING, "actor": _STRING, "claimant": _STRING,
                   "negated": "bool"},
    "entities": {"article_id": _STRING, "entity_id": _STRING, "name_en": _STRING, "name_ar": _STRING,
                 "type": _STRING, "surface": _STRING, "form": _STRING, "paragraph": "Int64", "char_start": "int64",
                 "char_end": "int64", "sentence": _STRING},
    "report": {"path": _STRING, "line": "Int64", "article_id": _STRING, "status": _STRING, "reason": _STRING},
}


# --------------------------------------------------------------------------- per-article extraction


class _Articles(NamedTuple):
    """What ``milestones_table`` and ``entities_table`` read: articles and their paragraphs."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame


def paragraph_spans(articles: pd.DataFrame) -> pd.DataFrame:
    """Paragraph numbers and offsets (``article_id, paragraph, char_start, char_end``) read off the text.

    A cleaned text is the title and the paragraphs joined by blank lines, and no piece holds a blank
    line, so paragraph k starts after the k-th ``"\\n\\n"``; without a title, paragraph 0 is empty.
    This lets a Dask partition of articles be extracted without the paragraphs table.
    """
    ids, numbers, starts, ends = [], [], [], []
    for article_id, text, n_paragraphs in zip(articles["article_id"], articles["text"], articles["n_paragraphs"]):
        pieces = text.split("\n\n") if isinstance(text, str) else []
        first = 0
        if len(pieces) == n_paragraphs:  # no title: its span is (0, 0)
            ids.append(article_id)
            numbers.append(0)
            starts.append(0)
            ends.append(0)
            first = 1
        pos = 0
        for number, piece in enumerate(pieces, start=first):
            ids.append(article_id)
            numbers.append(number)
            starts.append(pos)
            ends.append(pos + len(piece))
            pos += len(piece) + 2
    return pd.DataFrame({"article_id": pd.Series(ids, dtype=_STRING), "paragraph": pd.Series(numbers, dtype="int64"),
                         "char_start": pd.Series(starts, dtype="int64"), "char_end": pd.Series(ends, dtype="int64")})


def _typed(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """The table with the dtypes of a non-empty whole-corpus run (an empty batch gives ``object``)."""
    return table.astype(DTYPES[name]).reset_index(drop=True)


def milestones_for_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """``milestones_table`` of a slice of articles (``EXTRACTION_INPUT`` columns): a Dask partition or a batch."""
    return _typed(milestones_table(_Articles(articles, paragraph_spans(articles)), progress=False), "milestones")


def entities_for_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """``entities_table`` of a slice of articles (``EXTRACTION_INPUT`` columns): a Dask partition or a batch."""
    return _typed(entities_table(_Articles(articles, paragraph_spans(articles)), progress=False), "entities")


def _arrow_schema(name: str) -> pa.Schema:
    columns = MILESTONE_COLUMNS if name == "milestones" else ENTITY_COLUMNS
    empty = pd.DataFrame({c: pd.Series([], dtype=DTYPES[name][c]) for c in columns})
    return pa.Schema.from_pandas(empty, preserve_index=False)


_SCHEMAS = {name: _arrow_schema(name) for name in ("milestones", "entities")}


# --------------------------------------------------------------------------- one batch, in a worker


@dataclass
class _Batch:
    """A batch of files, cleaned and extracted; what a worker sends back and what the cache holds.

    ``milestones`` and ``entities`` carry the article's position in the batch (an int64) as
    ``article_id``: final ids need the whole corpus, so the parent puts them in. Their ``sentence``
    is dictionary-encoded (a sentence with five mentions is sent and cached once); the parent
    decodes it before writing, so the Parquet tables hold plain strings.
    """

    chunk: _corpus._Chunk
    milestones: pa.Table
    entities: pa.Table

    def to_bytes(self) -> bytes:
        """A cache entry: the documents pickled, the Arrow data as zstd-compressed IPC (~4x smaller)."""
        tables = [pa.Table.from_batches([self.chunk.texts]), pa.Table.from_batches([self.chunk.paragraphs]),
                  self.milestones, self.entities]
        return pickle.dumps((self.chunk.docs, [_compressed(t) for t in tables]), protocol=5)

    @classmethod
    def from_bytes(cls, data: bytes) -> _Batch:
        docs, streams = pickle.loads(data)
        texts, paragraphs, milestones, entities = (pa.ipc.open_stream(s).read_all() for s in streams)
        return cls(_corpus._Chunk(docs, _one_batch(texts), _one_batch(paragraphs)), milestones, entities)


def _one_batch(table: pa.Table) -> pa.RecordBatch:
    batches = table.combine_chunks().to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)


_CACHE_CODEC = pa.Codec("zstd", 1)  # as small as the default level 3 on these tables, and twice as fast both ways


def _compressed(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression=_CACHE_CODEC)) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _extract_batch(files: list[str], manifests: dict[str, _corpus._Manifest], cache_file: str | None,
                   fingerprint: str = "") -> _Batch | bytes:
    """Read, clean and extract ``files``; ``manifests`` holds each ``.txt`` file's manifest row.

    A batch written to the cache comes back as the cache entry's bytes (``_Batch.from_bytes``):
    serialised once, and ~10x smaller through the pipe than the pickled tables.
    """
    per_file = []
    for file in files:
        docs = [clean_document(d) for d in read_file(file)]
        if file in manifests:  # the publication date anchors relative milestones
            for doc in docs:
                if doc.article_id is not None:
                    _corpus._apply_manifest(doc, manifests[file])
        per_file.append(docs)
    # The rows of milestones_for_articles / entities_for_articles, straight from the documents (the
    # loader's paragraph spans, which paragraph_spans reads back off the text) into Arrow: in a
    # worker, pandas frames would only be built to be converted.
    milestones, entities = [], []
    matcher = default_matcher()
    found = [d for docs in per_file for d in docs if d.is_article]
    for position, doc in enumerate(found):
        starts, numbers = [start for start, _ in doc.spans], list(range(len(doc.spans)))
        published = _corpus._parse_published(doc.published)[0]
        milestones += _article_milestones(position, doc.text, published, starts, numbers)
        entities += _article_rows(position, doc.text, starts, numbers, matcher)
    chunk = _corpus._pack(per_file, keep_raw_text=False)
    # Paragraph texts are slices of the article text; the Parquet tables never hold them, so
    # neither the pipe back to the parent nor the cache carries them.
    chunk.paragraphs = chunk.paragraphs.set_column(
        1, "text", pa.array([""] * chunk.paragraphs.num_rows, _corpus._STRING))
    batch = _Batch(chunk, _arrow_rows(milestones, "milestones"), _arrow_rows(entities, "entities"))
    if cache_file is not None and _may_cache(fingerprint):
        data = batch.to_bytes()
        _write_atomically(Path(cache_file), data)
        return data
    return batch


def _arrow_rows(rows: list[tuple], name: str) -> pa.Table:
    """Rows of a table (``article_id`` a position in the batch) as Arrow, with the types of ``_SCHEMAS``."""
    schema = _SCHEMAS[name]
    columns = list(zip(*rows)) if rows else [()] * len(schema)
    fields = [pa.field("article_id", pa.int64()), *list(schema)[1:]]
    arrays = [pa.array(c, f.type, from_pandas=True) for c, f in zip(columns, fields)]
    position = schema.get_field_index("sentence")
    arrays[position] = pc.dictionary_encode(arrays[position])
    fields[position] = pa.field("sentence", arrays[position].type)
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=schema.metadata))


def _start_worker() -> None:
    """Keep the garbage collector off the modules, tables and compiled patterns loaded at start, and
    let it run less often: extraction makes millions of short-lived tuples and no cycles that matter,
    and the collector's passes cost a worker 5-7% of its time."""
    default_matcher()  # the gazetteer, compiled before the freeze
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- batches and cache keys


def _code_digest() -> bytes:
    """Digest of what is read at import: the helpers modules (compiled ones by their source) and the
    calendar tables."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).parent
    for path in [*sorted(package.glob("*.py")), *sorted(package.glob("*.pyx")), *sorted(CALENDAR.glob("*.csv"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


_CODE_AT_IMPORT = _code_digest()


def extraction_fingerprint() -> str:
    """Digest of what decides the extracted rows: the helpers modules, the data tables, library versions.

    Part of every cache key, so editing ``data/gazetteer.csv``, a calendar table or the code never
    serves rows extracted before the edit.
    """
    from importlib.metadata import version

    digest = hashlib.blake2b(_code_digest(), digest_size=16)
    digest.update((DATA / "gazetteer.csv").read_bytes())
    digest.update(repr((sys.version, *(version(p) for p in ("pandas", "pyarrow", "numpy", "hijridate")))).encode())
    return digest.hexdigest()


def _may_cache(fingerprint: str) -> bool:
    """Only rows made by the code and tables of ``fingerprint`` are cached under it: a module edited
    after this process imported it (a notebook kernel not restarted) makes rows the key does not describe."""
    return _CODE_AT_IMPORT == _code_digest() and extraction_fingerprint() == fingerprint


def _batches(files: list[str], batch_size: int) -> list[list[str]]:
    """Runs of files in order, cut after files whose path hash says so (about ``batch_size`` long).

    Cuts depend on paths alone, not on positions: adding or removing a file changes its own batch
    and leaves the others, and their cache entries, as they were.
    """
    batches, current = [], []
    for file in files:
        current.append(file)
        cut = int.from_bytes(hashlib.blake2b(file.encode("utf-8", "surrogatepass"), digest_size=8).digest())
        if cut % batch_size == 0 or len(current) >= 4 * batch_size:
            batches.append(current)
            current = []
    return batches + ([current] if current else [])


class _ManifestLookup:
    """``plan.manifest_for`` worked out once per folder: it depends on the folder and the suffix only,
    and ``Path`` arithmetic for each of 100,000 files costs the parent seconds."""

    def __init__(self, plan: _corpus._Plan):
        self.plan = plan
        self._by_folder: dict[str, _corpus._Manifest | None] = {}

    def manifest_for(self, path: str) -> _corpus._Manifest | None:
        folder, name = os.path.split(path)
        dot = name.rfind(".")  # Path.suffix: the last dot, neither first nor last in the name
        if not (0 < dot < len(name) - 1 and name[dot:].lower() in _corpus.TEXT_SUFFIXES):
            return None
        if folder not in self._by_folder:
            self._by_folder[folder] = self.plan.manifest_for(path)
        return self._by_folder[folder]


def _manifest_rows(files: list[str], plan: _corpus._Plan | _ManifestLookup) -> dict[str, _corpus._Manifest]:
    """For each ``.txt`` file with a manifest row: a one-row manifest a worker can apply."""
    rows = {}
    for file in files:
        manifest = plan.manifest_for(file)
        if manifest is None:
            continue
        name = os.path.basename(file)
        article_id = name[: name.rfind(".")]  # Path.stem: a file with a manifest has a text suffix
        if article_id in manifest.rows:
            rows[file] = _corpus._Manifest(manifest.path, {article_id: manifest.rows[article_id]}, [])
    return rows


def _batch_key(files: list[str], manifests: dict[str, _corpus._Manifest], fingerprint: str) -> str:
    """Cache key of a batch: every file's path, size, mtime_ns and manifest row, and the code fingerprint."""
    digest = hashlib.blake2b(fingerprint.encode(), digest_size=20)
    for file in files:
        try:
            stat = os.stat(file)
            identity = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            identity = None
        manifest = manifests.get(file)
        digest.update(repr((file, identity, manifest and (manifest.path, manifest.rows))).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass
class _Job:
    files: list[str]
    manifests: dict[str, _corpus._Manifest]
    cache_file: Path | None
    fingerprint: str
    key: str = ""


def _cached(job: _Job) -> _Batch | None:
    if job.cache_file is None or not job.cache_file.exists():
        return None
    try:
        return _Batch.from_bytes(job.cache_file.read_bytes())
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, OSError, ValueError, pa.ArrowException):
        # a truncated entry, or one pickled by other code: extract again and overwrite it
        return None


def _run_jobs(jobs: list[_Job], workers: int) -> Iterator[tuple[_Batch, bool]]:
    """``(batch, from_cache)`` in job order; cache misses go to a process pool, at most a few per worker at
    once; cache hits are read ahead in a thread (decompression releases the GIL)."""
    pool = (ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker)
            if workers > 1 else None)
    reader = ThreadPoolExecutor(1, thread_name_prefix="cache")
    pending: deque = deque()
    todo = iter(jobs)

    def top_up() -> None:
        while len(pending) < _IN_FLIGHT * max(workers, 1):
            job = next(todo, None)
            if job is None:
                return
            if job.cache_file is not None and job.cache_file.exists():
                pending.append((job, reader.submit(_cached, job), True))
            elif pool is not None:
                pending.append((job, pool.submit(_extract_batch, job.files, job.manifests,
                                                 _as_str(job.cache_file), job.fingerprint), False))
            else:
                pending.append((job, None, False))

    try:
        top_up()
        while pending:
            job, future, hit = pending.popleft()
            top_up()
            if future is None:
                batch = None
            elif hit:
                batch = future.result()
            else:
                batch = _received(future.result())
            if batch is not None:
                yield batch, hit
            else:  # no pool, or a cache entry that could not be read: extract here (and overwrite it)
                yield _received(_extract_batch(job.files, job.manifests, _as_str(job.cache_file),
                                               job.fingerprint)), False
    finally:
        for _, future, _ in pending:
            if future is not None:
                future.cancel()
        reader.shutdown(cancel_futures=True)
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _received(result: _Batch | bytes) -> _Batch:
    return _Batch.from_bytes(result) if isinstance(result, bytes) else result


def _as_str(path: Path | None) -> str | None:
    return None if path is None else str(path)


# --------------------------------------------------------------------------- writing Parquet parts


class _PartWriter:
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


def _article_table(batches: list[pa.RecordBatch]) -> pa.Table:
    return pa.Table.from_batches(batches, schema=_corpus._ARTICLE_SCHEMA).drop_columns(["raw_text"])


def _with_final_ids(table: pa.Table, final_ids: pa.Array, name: str) -> pa.Table:
    """Replace the batch positions in ``article_id`` with the corpus-wide ids, and decode ``sentence``."""
    schema = _SCHEMAS[name]
    ids = final_ids.take(table.column("article_id")).cast(schema.field("article_id").type)
    position = schema.get_field_index("sentence")
    sentences = table.column(position).cast(schema.field(position).type)
    table = table.set_column(0, schema.field(0), ids).set_column(position, schema.field(position), sentences)
    return table.replace_schema_metadata(schema.metadata)


# --------------------------------------------------------------------------- the result


@dataclass
class Extraction:
    """An extracted corpus on disk: Parquet tables under ``out`` and a ``summary`` of the run.

    Each table is read when asked for; ``columns=`` keeps memory low on a large corpus (the
    ``sentence`` column holds most of the bytes of ``entities``), and ``dask(name)`` gives a lazy one.
    """

    out: Path
    summary: dict = field(default_factory=dict)

    def articles(self, columns: list[str] | None = None) -> pd.DataFrame:
        """One row per article, as ``load_corpus`` gives them, without ``raw_text``."""
        return self._read("articles", columns)

    def milestones(self, columns: list[str] | None = None) -> pd.DataFrame:
        """One row per milestone, as ``milestones_table``."""
        return self._read("milestones", columns)

    def entities(self, columns: list[str] | None = None) -> pd.DataFrame:
        """One row per entity mention, as ``entities_table``."""
        return self._read("entities", columns)

    def report(self) -> pd.DataFrame:
        """The load report, as ``Corpus.report``."""
        return _typed_like(pd.read_parquet(self.out / REPORT_FILE), "report")

    def parts(self, name: str) -> Iterator[pd.DataFrame]:
        """A table one Parquet part at a time (every part holds its columns, even when empty)."""
        for part in sorted((self.out / name).glob("*.parquet")):
            yield _typed_like(pd.read_parquet(part), name)

    def dask(self, name: str):
        """A table as a lazy ``dask.dataframe``, one partition per Parquet part."""
        import dask.dataframe as dd

        return dd.read_parquet(self.out / name)

    def _read(self, name: str, columns: list[str] | None) -> pd.DataFrame:
        return _typed_like(pd.read_parquet(self.out / name, columns=columns), name)

    def __repr__(self) -> str:
        s = self.summary
        return (f"Extraction of {s.get('articles', 0):,} articles ({s.get('duplicates', 0):,} duplicates): "
                f"{s.get('milestones', 0):,} milestones, {s.get('mentions', 0):,} entity mentions -> {self.out}")


def _typed_like(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Undo what a Parquet round trip changes (timestamp units, nullable integers)."""
    return table.astype({c: t for c, t in DTYPES[name].items() if c in table.columns})


# --------------------------------------------------------------------------- entry point


def extract_corpus(
    path: str | Path,
    out: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    strict: bool = False,
    workers: int | None = None,
    batch_size: int = 500,
    cache_dir: str | Path | None | bool = None,
    scheduler: str | None = None,
    progress: bool = True,
) -> Extraction:
    """Load and extract a corpus into ``out`` (default: a new temporary folder); see the module docstring.

    Writes ``articles/``, ``milestones/``, ``entities/`` (folders of Parquet parts) and
    ``load_report.parquet``. ``workers`` defaults to every core for 512 files or more;
    ``cache_dir`` defaults to ``<out>/.cache`` (``False``: no cache, and ``out`` is always written
    again; otherwise an ``out`` already made from the same inputs is kept as it is). ``scheduler`` (e.g.
    ``"tcp://host:8786"``) runs it on that Dask cluster instead, whose workers must see ``path``
    and ``out`` at the same paths. Raises ``CorpusError`` on the first problem when ``strict``.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    out = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="arabic-news-"))
    out.mkdir(parents=True, exist_ok=True)
    plan = _corpus._plan(path, manifest)
    lookup = _ManifestLookup(plan)
    if workers is None:
        workers = (os.cpu_count() or 1) if len(plan.files) >= _PARALLEL_FROM else 1
    cache = None if cache_dir is False else Path(cache_dir) if cache_dir else out / CACHE_FOLDER
    fingerprint = extraction_fingerprint()
    jobs = []
    for files in _batches(plan.files, max(batch_size, 1)):
        rows = _manifest_rows(files, lookup)
        key = _batch_key(files, rows, fingerprint)
        cache_file = None if cache is None or scheduler else cache / key[:2] / f"{key}.pkl"
        jobs.append(_Job(files, rows, cache_file, fingerprint, key))
    inputs = _inputs_digest(plan, jobs, fingerprint, strict)
    done = None if cache is None or scheduler else _up_to_date(out, inputs)
    if done is not None:
        summary = {**done, "cached_batches": len(jobs), "up_to_date": True}
    else:
        (out / DONE_FILE).unlink(missing_ok=True)  # the tables are about to change
        if scheduler:
            summary = _run_on_dask(plan, jobs, out, scheduler=scheduler, strict=strict, progress=progress)
        else:
            summary = _run_locally(plan, lookup, jobs, out, workers=workers, strict=strict, progress=progress)
            if cache is not None and _may_cache(fingerprint):
                _write_done(out, inputs, summary)
        summary["up_to_date"] = False
    summary.setdefault("workers", workers)
    summary.update(files=len(plan.files), batches=len(jobs),
                   seconds=round(time.perf_counter() - started, 2),
                   parent_cpu_seconds=round(time.process_time() - cpu_started, 2))
    return Extraction(out, summary)


def _inputs_digest(plan: _corpus._Plan, jobs: list[_Job], fingerprint: str, strict: bool) -> str:
    """Digest of everything the tables are made from: the batch keys (files, manifest rows, code and
    data tables), and each manifest file, whose notes and rows without a file are in the report."""
    digest = hashlib.blake2b(repr((fingerprint, strict, plan.is_dir)).encode(), digest_size=20)
    for job in jobs:
        digest.update(job.key.encode())
    manifests = [m.path for m in [*plan.manifests.values(), plan.explicit] if m is not None]
    for file in sorted(map(str, [*manifests, *plan.unused_manifests])):
        try:
            stat = os.stat(file)
            identity = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            identity = None
        digest.update(repr((file, identity)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _output_files(out: Path) -> dict[str, list[int]]:
    """Size and mtime_ns of each file of the tables, by path under ``out``."""
    files = [out / REPORT_FILE, *(p for name in TABLES for p in sorted((out / name).glob("*.parquet")))]
    return {str(p.relative_to(out)): [(stat := p.stat()).st_size, stat.st_mtime_ns] for p in files}


def _write_done(out: Path, inputs: str, summary: dict) -> None:
    record = {"inputs": inputs, "files": _output_files(out), "summary": summary}
    _write_atomically(out / DONE_FILE, json.dumps(record).encode())


def _up_to_date(out: Path, inputs: str) -> dict | None:
    """The summary of the run that wrote ``out``, when it was made from ``inputs`` and its files are
    untouched since; else None. A re-run on an unchanged corpus then reads nothing but this record."""
    try:
        record = json.loads((out / DONE_FILE).read_bytes())
        if record["inputs"] == inputs and record["files"] == _output_files(out):
            return dict(record["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _run_locally(plan: _corpus._Plan, lookup: _ManifestLookup, jobs: list[_Job], out: Path, *, workers: int,
                 strict: bool, progress: bool) -> dict:
    builder = _corpus._FrameBuilder(strict)
    with ThreadPoolExecutor(1, thread_name_prefix="parquet") as writer:
        writers = {
            "articles": _PartWriter(out / "articles", _article_table([]).schema, writer),
            "milestones": _PartWriter(out / "milestones", _SCHEMAS["milestones"], writer),
            "entities": _PartWriter(out / "entities", _SCHEMAS["entities"], writer),
        }
        cached = _write_batches(plan, lookup, jobs, builder, writers, workers=workers, progress=progress)
    return _finish(out, builder, cached=cached)


def _write_batches(plan: _corpus._Plan, lookup: _ManifestLookup, jobs: list[_Job], builder: _corpus._FrameBuilder,
                   writers: dict[str, _PartWriter], *, workers: int, progress: bool) -> int:
    """Run the jobs and stream their tables to the writers; the number of batches read from the cache."""
    from tqdm.auto import tqdm

    for doc in _corpus._manifest_entries(plan, start=True):
        builder.add(doc)
    cached = 0
    with tqdm(total=len(plan.files), unit="file", desc="extract", disable=not progress) as bar:
        for batch, from_cache in _run_jobs(jobs, workers):
            builder.add_chunk(batch.chunk, lookup)  # ids made unique, duplicates marked, dates parsed
            final_ids = pa.array([d.article_id for docs in batch.chunk.docs for d in docs if d.is_article],
                                 pa.large_string())
            writers["milestones"].add(_with_final_ids(batch.milestones, final_ids, "milestones"))
            writers["entities"].add(_with_final_ids(batch.entities, final_ids, "entities"))
            _drain_articles(builder, writers["articles"])
            cached += from_cache
            bar.update(len(batch.chunk.docs))
    for doc in _corpus._manifest_entries(plan, start=False):
        builder.add(doc)
    builder._flush()
    _drain_articles(builder, writers["articles"])
    for writer in writers.values():
        writer.close()
    return cached


def _drain_articles(builder: _corpus._FrameBuilder, writer: _PartWriter) -> None:
    """Move the article batches the builder has finished to Parquet (their paragraph texts are not kept)."""
    if builder.article_batches:
        writer.add(_article_table(builder.article_batches))
        builder.article_batches.clear()
        builder.paragraph_batches.clear()


def _finish(out: Path, builder: _corpus._FrameBuilder, *, cached: int) -> dict:
    """Write the load report; count what was written."""
    report = builder.corpus().report
    report.to_parquet(out / REPORT_FILE, index=False)
    statuses = report["status"].value_counts()
    articles = pq.read_table(out / "articles", columns=["duplicate_of"]).column("duplicate_of")
    return {
        "articles": len(articles),
        "duplicates": len(articles) - articles.null_count,
        "milestones": _rows(out / "milestones"),
        "mentions": _rows(out / "entities"),
        "ok": int(statuses.get("ok", 0)),
        "warning": int(statuses.get("warning", 0)),
        "error": int(statuses.get("error", 0)),
        "cached_batches": cached,
    }


def _rows(folder: Path) -> int:
    return sum(pq.ParquetFile(part).metadata.num_rows for part in folder.glob("*.parquet"))


# --------------------------------------------------------------------------- on a Dask cluster


def _run_on_dask(plan: _corpus._Plan, jobs: list[_Job], out: Path, *, scheduler, strict: bool,
                 progress: bool) -> dict:
    """Load and clean batches on the cluster, resolve ids here, then extract with ``map_partitions``.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    import dask.dataframe as dd
    from distributed import Client
    from distributed import progress as dask_progress
    from tqdm.auto import tqdm

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        builder = _corpus._FrameBuilder(strict)
        articles = _PartWriter(out / "articles", _article_table([]).schema)
        for doc in _corpus._manifest_entries(plan, start=True):
            builder.add(doc)
        pending: deque = deque()
        todo = iter(jobs)
        in_flight = _IN_FLIGHT * max(sum(client.nthreads().values()), 1)
        with tqdm(total=len(plan.files), unit="file", desc="load (dask)", disable=not progress) as bar:
            while True:
                while len(pending) < in_flight and (job := next(todo, None)) is not None:
                    pending.append(client.submit(_corpus._read_and_clean, job.files, False, pure=False))
                if not pending:
                    break
                chunk = pending.popleft().result()
                builder.add_chunk(chunk, plan)
                _drain_articles(builder, articles)
                bar.update(len(chunk.docs))
        for doc in _corpus._manifest_entries(plan, start=False):
            builder.add(doc)
        builder._flush()
        _drain_articles(builder, articles)
        articles.close()

        frame = dd.read_parquet(out / "articles", columns=EXTRACTION_INPUT)
        empty = _empty_extraction_input()
        writes = []
        for name, extract in (("milestones", milestones_for_articles), ("entities", entities_for_articles)):
            shutil.rmtree(out / name, ignore_errors=True)
            table = frame.map_partitions(extract, meta=extract(empty))
            writes.append(table.to_parquet(out / name, write_index=False, compute=False,
                                           name_function=lambda i: f"part-{i:05d}.parquet"))
        futures = client.compute(writes)
        if progress:
            dask_progress(futures)
        client.gather(futures)
        return {**_finish(out, builder, cached=0), "workers": in_flight // _IN_FLIGHT}
    finally:
        if isinstance(scheduler, str):
            client.close()


def _empty_extraction_input() -> pd.DataFrame:
    dtypes = {"article_id": _STRING, "text": _STRING, "published": "datetime64[us]", "n_paragraphs": "int64"}
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in dtypes.items()})
