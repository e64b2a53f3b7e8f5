"""Time the whole extraction (load, milestones, entities, Parquet): ``python bench/bench_pipeline.py --n 100000``.

Reuses the generated corpus in /tmp when present (``make_corpus.py`` otherwise). Prints a table to
paste into the README: a cold run (empty cache), a re-run into the same output folder (up to date:
nothing is read again), a cached re-run into a new folder, and the same extraction on a
2-worker Dask ``LocalCluster`` (on a ``--dask-n`` corpus, next to the local pipeline on it), with
wall and CPU seconds (this process and its workers: the machine may be busy with other jobs),
MB/s, peak RSS of the process tree (sampled with psutil), and throughput relative to a bare
``re.findall(r"\\w+", text)`` pass and to dateparser's ``search_dates`` on a sample, measured in this run.
"""

from __future__ import annotations

import re
import resource
import shutil
import threading
import time
import warnings
from pathlib import Path
from typing import Self

import pandas as pd
import psutil
from bench_load import corpus_arguments, corpus_bytes, ensure_corpus

from helpers.entities import entity_counts
from helpers.pipeline import extract_corpus


class PeakMemory:
    """Peak summed RSS of this process and its children, sampled every 0.1 s in a thread."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.1):
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (the worker pools)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, size: int, run) -> tuple[dict, object]:
    """Run ``run()``; a table row of wall and CPU seconds, MB/s and peak RSS."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    with PeakMemory() as memory:
        result = run()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    row = {"run": label, "articles": result.summary["articles"], "MB": size / 1e6, "seconds": wall,
           "CPU s": cpu, "MB/s": size / 1e6 / wall, "peak RSS MB": memory.peak / 1e6}
    return row, result


def peer_rates(extraction, sample_kb: int) -> tuple[float, float]:
    """MB/s (CPU time, one core) of ``re.findall(r"\\w+")`` over every cleaned text, and of
    dateparser's ``search_dates`` over the first ``sample_kb`` KB of it."""
    from dateparser.search import search_dates

    words = re.compile(r"\w+")
    size = cpu = 0.0
    sample: list[str] = []
    for part in extraction.parts("articles"):
        texts = part["text"].tolist()
        start = time.process_time()
        for text in texts:
            words.findall(text)
        cpu += time.process_time() - start
        size += sum(len(t.encode("utf-8")) for t in texts)
        while sum(len(s.encode("utf-8")) for s in sample) < sample_kb * 1000 and texts:
            sample.append(texts.pop(0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.process_time()
        for text in sample:
            search_dates(text, languages=["ar"])
        peer_cpu = time.process_time() - start
    return size / 1e6 / cpu, sum(len(s.encode("utf-8")) for s in sample) / 1e6 / peer_cpu


def same_results(a, b) -> bool:
    columns = ["article_id", "surface", "start", "end", "kind", "paragraph", "char_start", "subject", "resolved"]
    return (a.milestones(columns).equals(b.milestones(columns))
            and entity_counts(a.entities(["article_id", "entity_id", "form", "name_ar", "name_en", "type"])).equals(
                entity_counts(b.entities(["article_id", "entity_id", "form", "name_ar", "name_en", "type"]))))


def dask_rows(n: int, seed: int, workers: int | None, scratch: Path) -> list[dict]:
    """The local pipeline and a 2-worker Dask LocalCluster on the same ``n``-article corpus."""
    from distributed import LocalCluster

    folder = ensure_corpus(Path(f"/tmp/arabic-news-bench-{n}-{seed}"), n, seed)
    size = corpus_bytes(folder)
    local_row, local = timed(f"local, {n:,} articles", size, lambda: extract_corpus(
        folder, scratch / "local", workers=workers, cache_dir=False, progress=False))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask_row, on_dask = timed(f"Dask LocalCluster 2 workers, {n:,}", size, lambda: extract_corpus(
            folder, scratch / "dask", scheduler=cluster.scheduler_address, progress=False))
    dask_row["CPU s"] = float("nan")  # the cluster's processes are not children of this one
    dask_row["vs local"] = dask_row["MB/s"] / local_row["MB/s"]
    dask_row["same results"] = same_results(local, on_dask)
    return [local_row, dask_row]


def main() -> None:
    parser = corpus_arguments(__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/arabic-news-bench-pipeline"),
                        help="outputs and cache of the runs (emptied first)")
    parser.add_argument("--sample-kb", type=int, default=30, help="text given to dateparser")
    parser.add_argument("--dask-n", type=int, default=10_000, help="corpus size of the Dask comparison (0: skip)")
    args = parser.parse_args()
    folder = ensure_corpus(args.dir or Path(f"/tmp/arabic-news-bench-{args.n}-{args.seed}"), args.n, args.seed)
    size = corpus_bytes(folder)
    shutil.rmtree(args.scratch, ignore_errors=True)
    cache = args.scratch / "cache"

    rows = []
    cold, first = timed("cold (empty cache)", size, lambda: extract_corpus(
        folder, args.scratch / "cold", workers=args.workers, cache_dir=cache, progress=True))
    rows.append(cold)
    same, unchanged = timed("re-run, same output folder", size, lambda: extract_corpus(
        folder, args.scratch / "cold", workers=args.workers, cache_dir=cache, progress=False))
    same["vs cold"] = cold["seconds"] / same["seconds"]
    same["same results"] = unchanged.summary["up_to_date"]  # nothing to redo: the tables are those of the cold run
    rows.append(same)
    warm, again = timed("cached re-run, new output folder", size, lambda: extract_corpus(
        folder, args.scratch / "warm", workers=args.workers, cache_dir=cache, progress=False))
    warm["vs cold"] = cold["seconds"] / warm["seconds"]
    warm["same results"] = same_results(first, again)
    rows.append(warm)
    findall_rate, dateparser_rate = peer_rates(first, args.sample_kb)
    cold["vs re.findall"] = cold["MB/s"] / findall_rate
    cold["vs dateparser"] = cold["MB/s"] / dateparser_rate
    if args.dask_n:
        rows += dask_rows(args.dask_n, args.seed, args.workers, args.scratch)

    print(first)
    print(f"re.findall(r'\\w+') {findall_rate:.1f} MB/s, dateparser search_dates {dateparser_rate:.3f} MB/s "
          f"(one core, CPU time, {args.sample_kb} KB sample); {psutil.cpu_count()} cores, "
          f"load average {psutil.getloadavg()[0]:.1f}")
    table = pd.DataFrame(rows)
    print(table.to_markdown(index=False, floatfmt=".3g") if _has_tabulate() else table.to_string(index=False))


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
