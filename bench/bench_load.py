"""Time ``load_corpus`` on a synthetic corpus: ``python bench/bench_load.py --n 100000``.

Builds the corpus with ``make_corpus.py`` in a child process (so generation does not count towards
this process's peak memory) unless it already exists, then prints articles, MB, seconds, MB/s, CPU
seconds (this process and its workers, steadier than wall time on a shared machine) and peak RSS with
its ratio to the corpus size. Targets: 100,000 articles (~500 MB) under 60 s; 190,000 (~1 GB) under
1.5 GB peak RSS in the loading process. ``--paragraphs`` also times building ``corpus.paragraphs``
(its texts are cut out of the articles' when asked for) and reports the peak after it.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from helpers.corpus import load_corpus

HERE = Path(__file__).resolve().parent


def ensure_corpus(folder: Path, n: int, seed: int) -> Path:
    """Generate the corpus once; a ``.done`` file beside the folder marks a complete one."""
    done = folder.with_name(folder.name + ".done")
    if not done.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(folder), "--n", str(n),
                        "--seed", str(seed)], check=True)
        done.touch()
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def corpus_arguments(description: str) -> argparse.ArgumentParser:
    """The options every corpus benchmark takes: size, seed, folder, workers."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dir", type=Path, default=None, help="default /tmp/arabic-news-bench-N-SEED")
    parser.add_argument("--workers", type=int, default=None)
    return parser


def main() -> None:
    parser = corpus_arguments(__doc__.splitlines()[0])
    parser.add_argument("--keep-raw-text", action="store_true", help="also keep the raw text in memory")
    parser.add_argument("--paragraphs", action="store_true", help="then build corpus.paragraphs, timed apart")
    args = parser.parse_args()
    folder = ensure_corpus(args.dir or Path(f"/tmp/arabic-news-bench-{args.n}-{args.seed}"), args.n, args.seed)
    size = corpus_bytes(folder)

    started, cpu = time.perf_counter(), _cpu_seconds()
    corpus = load_corpus(folder, workers=args.workers, keep_raw_text=args.keep_raw_text, progress=False)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(corpus)
    print(f"articles        {len(corpus.articles):,}")
    print(f"corpus          {size / 1e6:,.0f} MB in {folder}")
    print(f"load            {seconds:.1f} s, {size / 1e6 / seconds:.1f} MB/s; {cpu:.1f} CPU s (with workers)")
    print(f"peak RSS        {peak / 1e6:,.0f} MB ({peak / size:.2f}x corpus) in the loading process")
    print(f"worker peak RSS {workers_peak / 1e6:,.0f} MB (largest child process)")
    if args.paragraphs:
        started, cpu = time.perf_counter(), _cpu_seconds()
        paragraphs = corpus.paragraphs
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"paragraphs      {len(paragraphs):,} in {seconds:.1f} s, {cpu:.1f} CPU s; peak RSS now {peak / 1e6:,.0f} MB")


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
