"""Extract a whole corpus (articles, milestones, entities, load report) to Parquet, in parallel and cached.

``extract_corpus`` is ``load_corpus`` + ``milestones_table`` + ``entities_table`` for corpora too big
to hold as Python objects: worker processes take batches of files end to end (read, clean, extract;
``pipeline_jobs``) and the parent only resolves what needs the whole corpus (unique ids, duplicates
across batches), exactly as ``load_corpus`` does, through the loader's ``CorpusBuilder``, then streams
Arrow tables to Parquet (``pipeline_output``). The tables are identical to the in-memory functions' on the same corpus.
Each batch's result is cached (``pipeline_cache``) under a key of its files and of the extraction code
and data tables, so a re-run reads the cache and an edited gazetteer never serves stale rows; a re-run
into an output folder already made from the same batch keys and manifests (``.extracted.json``,
written last) reads nothing at all. With ``scheduler=`` the extraction runs on a Dask cluster:
``map_partitions`` of the same per-article functions over the articles' Parquet parts.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import multiprocessing.connection
import numbers
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import corpus
from . import pipeline_cache as cache
from .cores import usable_cores
from .corpus import ARTICLE_SCHEMA, PARALLEL_FROM, CorpusBuilder, Manifest, Plan
from .data_tables import check_tables
from .pipeline_cache import Batch, extraction_fingerprint
from .pipeline_jobs import IN_FLIGHT, Job, run_jobs, worker_context
from .pipeline_output import (
    DONE_FILE,
    REPORT_FILE,
    OutputInUse,
    PartWriter,
    count_rows,
    output_lock,
    output_problem,
    publish_tables,
    up_to_date,
    write_done,
)
from .repeated_articles import RepeatedArticles

__all__ = [
    "Extraction",
    "OutputInUse",
    "entities_for_articles",
    "extract_corpus",
    "extraction_fingerprint",
    "milestones_for_articles",
    "paragraph_spans",
]

CACHE_FOLDER = ".cache"  # default cache: <out>/.cache
ARTICLE_COLUMNS = [c for c in corpus.ARTICLE_COLUMNS if c != "raw_text"]
EXTRACTION_INPUT = ["article_id", "text", "published", "n_paragraphs"]  # what the extractors read


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


def milestones_for_articles(articles: pd.DataFrame, claims: bool = True) -> pd.DataFrame:
    """``milestones_table`` of a slice of articles (``EXTRACTION_INPUT`` columns): a Dask partition or a batch."""
    from .milestones import milestones_table

    table = milestones_table(_Articles(articles, paragraph_spans(articles)), progress=False, claims=claims)
    return _typed(table, "milestones")


def entities_for_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """``entities_table`` of a slice of articles (``EXTRACTION_INPUT`` columns): a Dask partition or a batch."""
    from .entities import entities_table

    return _typed(entities_table(_Articles(articles, paragraph_spans(articles)), progress=False), "entities")


def _arrow_schema(name: str) -> pa.Schema:
    columns = list(DTYPES[name])  # the columns of milestones.COLUMNS / entities.TABLE_COLUMNS, in order (tested)
    empty = pd.DataFrame({c: pd.Series([], dtype=DTYPES[name][c]) for c in columns})
    return pa.Schema.from_pandas(empty, preserve_index=False)


_SCHEMAS = {name: _arrow_schema(name) for name in ("milestones", "entities")}


# --------------------------------------------------------------------------- one batch, in a worker


def _extract_batch(files: list[str], manifests: dict[str, Manifest], cache_file: str | None,
                   fingerprint: str = "", claims: bool = True) -> Batch | bytes:
    """Read, clean and extract ``files``; ``manifests`` holds each ``.txt`` file's manifest row.

    A batch written to the cache comes back as the cache entry's bytes (``Batch.from_bytes``):
    serialised once, and ~10x smaller through the pipe than the pickled tables.
    """
    per_file = []
    for file in files:
        docs = corpus.read_and_clean_file(file)
        if file in manifests:  # the publication date anchors relative milestones
            for doc in docs:
                if doc.article_id is not None:
                    manifests[file].apply(doc)
        per_file.append(docs)
    # The rows of milestones_for_articles / entities_for_articles, straight from the documents (the
    # loader's paragraph spans, which paragraph_spans reads back off the text) into Arrow: in a
    # worker, pandas frames would only be built to be converted.
    milestones, entities = [], []
    from .claim_tables import load_claim_tables
    from .entities import article_rows, default_matcher
    from .milestones import article_milestones

    matcher = default_matcher()
    _REPEATS.use(article_milestones, article_rows, matcher, load_claim_tables() if claims else None, claims)
    found = [d for docs in per_file for d in docs if d.is_article]
    for position, doc in enumerate(found):
        starts, numbers = [start for start, _ in doc.spans], list(range(len(doc.spans)))
        published = corpus.published_datetime(doc.published)[0]
        key = _REPEATS.key(doc.text, published, starts)
        repeated = _REPEATS.rows(key, position)  # a wire story run again: the rows of its first copy
        if repeated is not None:
            milestones += repeated[0]
            entities += repeated[1]
            continue
        notes = len(doc.notes)
        article = (_guarded(doc, "milestones", article_milestones, position, doc.text, published, starts, numbers,
                            claims, matcher),
                   _guarded(doc, "entities", article_rows, position, doc.text, starts, numbers, matcher))
        milestones += article[0]
        entities += article[1]
        if len(doc.notes) == notes:  # an article an extractor failed on is extracted again, and noted, each time
            _REPEATS.remember(key, *article)
    # a chunk holds paragraph offsets, not their texts (slices of the article text): neither the pipe back to
    # the parent nor the cache carries them
    chunk = corpus.pack_chunk(per_file, keep_raw_text=False)
    batch = Batch(chunk, _arrow_rows(milestones, "milestones"), _arrow_rows(entities, "entities"))
    if cache_file is not None and cache.may_cache(fingerprint):
        data = batch.to_bytes()
        cache.write_atomically(Path(cache_file), data)
        return data
    return batch


# the rows of the articles this worker extracted, for their repeats (helpers.repeated_articles)
_REPEATS = RepeatedArticles()


def _guarded(doc: corpus.Document, name: str, extract, *args) -> list[tuple]:
    """``extract(*args)``; when it fails on this article, no rows and a warning on its report row: one
    article an extractor cannot handle must not stop a run over a whole archive."""
    try:
        return extract(*args)
    except Exception as exc:  # noqa: BLE001 - reported on the article's row
        doc.note("warning", f"{name} not extracted: {type(exc).__name__}: {exc}")
        return []


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


# what the pool's fork server imports once for all its workers (see pipeline_jobs); the last module warms
# them up (warm_up)
_PRELOAD = ("helpers.pipeline", "helpers.milestones", "helpers.entities", "helpers.claims", "helpers.pipeline_preload")
# an article of our own, short, with a date, places, an organisation and a reported claim: what it makes
# the extractors compile on first use, they compile before the workers are forked
_WARM_UP_TEXT = ("أعلنت وزارة الدفاع في بغداد\n\nقال المتحدث باسم الوزارة إن القوات ستغادر قاعدة عين الأسد "
                 "في الأنبار بحلول نهاية أيلول/سبتمبر 2026، وفق اتفاق وُقّع في 3 مارس الماضي.")


def warm_up() -> None:
    """Build what the extractors build on first use (the gazetteer matcher, patterns compiled lazily) by
    extracting one short article whose rows are dropped: run once in the fork server, for every worker."""
    from datetime import datetime

    from .entities import article_rows, default_matcher
    from .milestones import article_milestones

    starts, numbers = [0, _WARM_UP_TEXT.index("\n\n") + 2], [0, 1]
    # a bad table: each worker meets it on its own articles, and reports it on their rows
    with contextlib.suppress(Exception):
        article_milestones(0, _WARM_UP_TEXT, datetime(2026, 1, 1), starts, numbers, True)
        article_rows(0, _WARM_UP_TEXT, starts, numbers, default_matcher())


def _start_worker(parent: int, forked: bool = False) -> None:
    """Keep the garbage collector off the modules, tables and compiled patterns loaded at start, and
    let it run less often: extraction makes millions of short-lived tuples and no cycles that matter,
    and the collector's passes cost a worker 5-7% of its time. The worker ends with its parent (the run,
    ``parent``); when ``forked`` by the run's fork server, with that server too."""
    if forked:
        corpus.die_with_parent(os.getppid())  # the fork server
        _exit_with(multiprocessing.parent_process().sentinel)  # the run: its pipe to this worker closes
    else:
        corpus.die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent alone answers it
    from .entities import default_matcher
    from .milestones import article_milestones  # noqa: F401 - imported, its grammar compiled, before the freeze

    default_matcher()  # the gazetteer, compiled before the freeze
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _exit_with(sentinel: int) -> None:
    """End this process at once when ``sentinel`` (a pipe end) closes."""

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="run-watch", daemon=True).start()


def _article_table(batches: list[pa.RecordBatch]) -> pa.Table:
    return pa.Table.from_batches(batches, schema=ARTICLE_SCHEMA).drop_columns(["raw_text"])


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
    follow_links: bool = False,
    include: list[str] | str | None = None,
    exclude: list[str] | str | None = None,
    claims: bool = True,
) -> Extraction:
    """Load and extract a corpus into ``out`` (default: a new temporary folder); see the module docstring.

    Writes ``articles/``, ``milestones/``, ``entities/`` (folders of Parquet parts) and
    ``load_report.parquet``. ``workers`` defaults to every core this process may use (a container's or
    ``taskset``'s, not the machine's) for 512 files or more; ``cache_dir`` defaults to ``<out>/.cache`` (``False``: no cache, and ``out`` is always written
    again; otherwise an ``out`` already made from the same inputs is kept as it is). ``scheduler`` (e.g.
    ``"tcp://host:8786"``) runs it on that Dask cluster instead, whose workers must see ``path``
    and ``out`` at the same paths. Raises ``CorpusError`` on the first problem when ``strict``. Links
    leading out of the corpus folder are followed only with ``follow_links``. ``include``/``exclude`` pick
    files by glob pattern, as in ``load_corpus``. ``claims=False`` leaves the claim columns of the milestones
    empty (missing; ``negated`` False in the frame, empty in a CSV), for about half the time. Raises ``OutputInUse`` when another run is writing ``out``,
    ``ValueError`` naming ``FILE, line N`` of a bad vocabulary table before any batch (``data_tables``), and
    ``ValueError`` when ``out`` is a file.
    """
    for name, count in (("workers", workers), ("batch_size", batch_size)):
        if count is not None and (isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 1):
            raise ValueError(f"{name} must be a whole number, 1 or more, not {count!r}")
    check_tables(claims)  # a bad table named once here, not a warning on every article's row
    started, cpu_started = time.perf_counter(), time.process_time()
    if any(isinstance(given, str) and not given.strip() for given in (path, out)):  # Path("") is the current folder
        raise ValueError(f"the {'corpus' if isinstance(path, str) and not path.strip() else 'output'} path is empty "
                         "(a variable that is not set?): give '.' for the current folder")
    out = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="arabic-news-"))
    if out.exists() and not out.is_dir():  # not FileExistsError from mkdir, as if the folder were there
        raise ValueError(f"{out} is a file, not a folder: give extract_corpus a folder for its tables "
                         "(created when missing)")
    # a second run into the same folder stops at the lock, before it reads anything; the stack holds the
    # workers' fork server, started as soon as a batch is seen to need extracting
    with output_lock(out), contextlib.ExitStack() as pool_server:
        if problem := output_problem(out, path):  # the corpus itself, maybe: never replaced, nor skipped
            raise ValueError(problem)
        cache_folder = None if cache_dir is False else Path(cache_dir) if cache_dir else out / CACHE_FOLDER
        if cache_folder is not None and (cache_folder.exists() or cache_folder.is_symlink()) and \
                not cache_folder.is_dir():
            raise ValueError(f"{cache_folder} is a file or a broken link, not a cache folder: remove it, or give "
                             "another cache_dir (False: no cache)")
        if cache_folder is not None:
            cache.tag_cache_folder(cache_folder)  # before the walk: a cache inside the corpus is no input
        plan = corpus.plan_corpus(path, manifest, follow_links=follow_links, include=include, exclude=exclude)
        if workers is None:
            workers = usable_cores() if len(plan.files) >= PARALLEL_FROM else 1
        cache.remove_stale_temporaries(out)  # what a killed run left
        for stale in out.glob(".parquet-*"):  # its staging folder (the lock is ours)
            shutil.rmtree(stale, ignore_errors=True)
        if cache_folder is not None and cache_folder.is_dir():
            cache.remove_stale_temporaries(cache_folder, recursive=True)
        fingerprint = cache.extraction_fingerprint()
        # rows without claims are other rows: their own batch keys and up-to-date record
        keyed = fingerprint if claims else f"{fingerprint}|no-claims"
        # the batch keys name cache entries and the up-to-date record: without a cache (or on Dask, which
        # caches nothing) no file is read and hashed for them
        keys = cache_folder is not None and not scheduler
        content = cache.ContentDigests(cache_folder)
        jobs, context = [], None
        for files in cache.cut_batches(plan.files, batch_size):
            rows = plan.manifest_rows(files)
            key = cache.batch_key(files, rows, keyed, content) if keys else ""
            cache_file = cache_folder / key[:2] / f"{key}.pkl" if keys else None
            jobs.append(Job(files, rows, cache_file, fingerprint, key, claims))
            if context is None and workers > 1 and not scheduler and (cache_file is None or not cache_file.exists()):
                # the workers' imports run on another core while the other batches are keyed (a run whose
                # batches are all cached, or whose tables are up to date, starts no server)
                context = pool_server.enter_context(worker_context(_PRELOAD, start=True))
        done = None
        if keys:
            inputs = cache.inputs_digest(plan, [job.key for job in jobs], keyed, strict, content)
            content.save()
            done = up_to_date(out, inputs)
        if done is not None:
            summary = {**done, "cached_batches": len(jobs), "up_to_date": True}
        else:
            (out / DONE_FILE).unlink(missing_ok=True)  # the tables are about to change
            # written beside the last run's tables, which a kill or a full disk leaves whole
            with tempfile.TemporaryDirectory(dir=out, prefix=".parquet-") as staging:
                if scheduler:
                    summary = _run_on_dask(plan, jobs, Path(staging), scheduler=scheduler, strict=strict,
                                           progress=progress, claims=claims)
                else:
                    summary = _run_locally(plan, jobs, Path(staging), workers=workers, strict=strict,
                                           progress=progress, context=context, claims=claims)
                publish_tables(Path(staging), out)
            if not scheduler and keys and cache.may_cache(fingerprint):
                write_done(out, inputs, summary)
            summary["up_to_date"] = False
    summary.setdefault("workers", workers)
    summary.update(files=len(plan.files), batches=len(jobs),
                   seconds=round(time.perf_counter() - started, 2),
                   parent_cpu_seconds=round(time.process_time() - cpu_started, 2))
    return Extraction(out, summary)


def _run_locally(plan: Plan, jobs: list[Job], out: Path, *, workers: int, strict: bool, progress: bool,
                 context: multiprocessing.context.BaseContext | None = None, claims: bool = True) -> dict:
    """Run the jobs (in the pool's ``context``, a ``worker_context``, when given) and stream their tables to
    Parquet parts in a writer thread."""
    from tqdm.auto import tqdm

    builder = CorpusBuilder(plan, strict, claims)
    cached = 0
    _REPEATS.forget()  # batches extracted in this process (one worker) remember nothing of an earlier run
    with ThreadPoolExecutor(1, thread_name_prefix="parquet") as thread:
        articles = PartWriter(out / "articles", _article_table([]).schema, thread)
        milestones = PartWriter(out / "milestones", _SCHEMAS["milestones"], thread)
        entities = PartWriter(out / "entities", _SCHEMAS["entities"], thread)
        with tqdm(total=len(plan.files), unit="file", desc="extract", disable=not progress) as bar:
            for batch, from_cache in run_jobs(jobs, workers, _extract_batch, _start_worker, _PRELOAD, context):
                builder.add(batch.chunk)  # ids made unique, duplicates marked, dates parsed
                final_ids = pa.array([d.article_id for docs in batch.chunk.docs for d in docs if d.is_article],
                                     pa.large_string())
                milestones.add(_with_final_ids(batch.milestones, final_ids, "milestones"))
                entities.add(_with_final_ids(batch.entities, final_ids, "entities"))
                articles.add(_article_table(builder.take_articles()))
                cached += from_cache
                bar.update(len(batch.chunk.docs))
        _close_articles(builder, articles)
        milestones.close()
        entities.close()
    return _finish(out, builder, cached=cached)


def _close_articles(builder: CorpusBuilder, articles: PartWriter) -> None:
    """End the load (manifest rows no file used, the last batch) and write the last articles."""
    builder.finish()
    articles.add(_article_table(builder.take_articles()))
    articles.close()


def _finish(out: Path, builder: CorpusBuilder, *, cached: int) -> dict:
    """Write the load report; count what was written."""
    report = builder.report()
    report.to_parquet(out / REPORT_FILE, index=False)
    statuses = report["status"].value_counts()
    articles = pq.read_table(out / "articles", columns=["duplicate_of"]).column("duplicate_of")
    return {
        "articles": len(articles),
        "duplicates": len(articles) - articles.null_count,
        "milestones": count_rows(out / "milestones"),
        "mentions": count_rows(out / "entities"),
        "ok": int(statuses.get("ok", 0)),
        "warning": int(statuses.get("warning", 0)),
        "error": int(statuses.get("error", 0)),
        "cached_batches": cached,
    }


# --------------------------------------------------------------------------- on a Dask cluster


def _run_on_dask(plan: Plan, jobs: list[Job], out: Path, *, scheduler, strict: bool, progress: bool,
                 claims: bool = True) -> dict:
    """Load and clean batches on the cluster, resolve ids here, then extract with ``map_partitions``.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    import dask.dataframe as dd
    from distributed import Client
    from distributed import progress as dask_progress
    from tqdm.auto import tqdm

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        builder = CorpusBuilder(plan, strict, claims)
        articles = PartWriter(out / "articles", _article_table([]).schema)
        pending: deque = deque()
        todo = iter(jobs)
        in_flight = IN_FLIGHT * max(sum(client.nthreads().values()), 1)
        with tqdm(total=len(plan.files), unit="file", desc="load (dask)", disable=not progress) as bar:
            while True:
                while len(pending) < in_flight and (job := next(todo, None)) is not None:
                    pending.append(client.submit(corpus.read_and_clean, job.files, False, pure=False))
                if not pending:
                    break
                chunk = pending.popleft().result()
                builder.add(chunk)
                articles.add(_article_table(builder.take_articles()))
                bar.update(len(chunk.docs))
        _close_articles(builder, articles)

        frame = dd.read_parquet(out / "articles", columns=EXTRACTION_INPUT)
        empty = _empty_extraction_input()
        writes = []
        milestones = functools.partial(milestones_for_articles, claims=claims)
        for name, extract in (("milestones", milestones), ("entities", entities_for_articles)):
            shutil.rmtree(out / name, ignore_errors=True)
            table = frame.map_partitions(extract, meta=extract(empty))
            writes.append(table.to_parquet(out / name, write_index=False, compute=False,
                                           name_function=lambda i: f"part-{i:05d}.parquet"))
        futures = client.compute(writes)
        if progress:
            dask_progress(futures)
        client.gather(futures)
        return {**_finish(out, builder, cached=0), "workers": in_flight // IN_FLIGHT}
    finally:
        if isinstance(scheduler, str):
            client.close()


def _empty_extraction_input() -> pd.DataFrame:
    dtypes = {"article_id": _STRING, "text": _STRING, "published": "datetime64[us]", "n_paragraphs": "int64"}
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in dtypes.items()})
