"""Time the command an analyst runs, ``python -m helpers extract``, next to a bare ``\\w+`` pass.

    .venv/bin/python bench/bench_extract.py [--n 12000] [--formats csv parquet] [--old-src /work/base6/src]

The corpus is short articles (``make_corpus.py --max-words 200 --duplicates 0.5``: ~2.6 KB a file,
half the files repeating an earlier article, a manifest), made once in /tmp. Each format runs the
whole command in a fresh process from an empty output folder (imports, loading, extraction, cache
and tables written included), with wall seconds, CPU seconds (the command and its worker processes)
and peak RSS (largest process). ``re.findall(r"\\w+")`` over the same texts (one core, CPU time, best of
3) is measured in the same run; the ratio is the command's MB/s (wall) over that pass's MB/s.
``--old-src`` also runs the code at that ``src`` folder (``PYTHONPATH``) and checks that both wrote
byte-identical CSVs (or equal Parquet tables); ``--new-src`` runs the new code from a copy too (a tree
others are editing changes the code fingerprint mid-run, which turns the cache off).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = re.compile(r"\w+")


def ensure_corpus(folder: Path, n: int, seed: int) -> Path:
    """Short articles with many duplicates and a manifest, generated once (``.done`` beside it)."""
    done = folder.with_name(folder.name + ".done")
    if not done.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(folder), "--n", str(n), "--seed", str(seed),
                        "--max-words", "200", "--duplicates", "0.5"], check=True)
        done.touch()
    return folder


def texts_of(folder: Path) -> list[str]:
    return [p.read_bytes().decode("utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]


def findall_rate(texts: list[str], repeat: int = 3) -> float:
    """MB/s (UTF-8 bytes, CPU time of one core) of ``re.findall(r"\\w+")`` over ``texts``, best of ``repeat``."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            WORDS.findall(text)
        best = min(best, time.process_time() - start)
    return size / 1e6 / best


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_extract(corpus: Path, out: Path, fmt: str, src: str | None, extra: list[str]) -> dict:
    """One ``python -m helpers extract`` in a child process, from an empty output folder."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    command = [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out), "--format", fmt, *extra]
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run(command, check=False, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return {"seconds": wall, "cpu": cpu, "stderr_lines": done.stderr.count("\n"), "stdout": done.stdout.strip()}


def same_outputs(a: Path, b: Path, fmt: str) -> list[str]:
    """What differs between two output folders: CSV files byte for byte, Parquet tables as frames."""
    if fmt == "csv":
        names = ["articles.csv", "milestones.csv", "entities.csv", "load_report.csv"]
        return [n for n in names if (a / n).read_bytes() != (b / n).read_bytes()]
    from helpers.pipeline import Extraction

    old, new = Extraction(a), Extraction(b)
    differ = [n for n in ("articles", "milestones", "entities") if not getattr(old, n)().equals(getattr(new, n)())]
    return differ + ([] if old.report().equals(new.report()) else ["load_report"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dir", type=Path, default=None, help="default /tmp/arabic-news-short-N")
    parser.add_argument("--formats", nargs="+", default=["csv", "parquet"])
    parser.add_argument("--old-src", help="also run the code of this src folder and compare the outputs")
    parser.add_argument("--new-src", help="run the new code from this src folder (default: the installed package)")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/arabic-news-bench-extract"))
    parser.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more options for extract")
    args = parser.parse_args()
    corpus = ensure_corpus(args.dir or Path(f"/tmp/arabic-news-short-{args.n}"), args.n, args.seed)
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
    texts = texts_of(corpus)

    rows = []
    bare = findall_rate(texts)
    for fmt in args.formats:
        for label, src in ([("old", args.old_src)] if args.old_src else []) + [("new", args.new_src)]:
            run = run_extract(corpus, args.scratch / f"{label}-{fmt}", fmt, src, args.extra)
            rows.append({"code": label, "format": fmt, **run})
    bare = max(bare, findall_rate(texts))  # the pass measured before and after: the better of the two
    print(f"corpus {corpus}: {len(texts):,} files, {size / 1e6:.1f} MB; re.findall(r'\\w+') {bare:.1f} MB/s "
          f"(one core, CPU time); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    header = ("code", "format", "wall s", "CPU s", "MB/s", "vs \\w+", "vs \\w+ CPU", "stderr lines")
    print("{:5} {:8} {:>7} {:>7} {:>6} {:>7} {:>10} {:>12}".format(*header))
    for row in rows:
        rate = size / 1e6 / row["seconds"]
        print(f"{row['code']:5} {row['format']:8} {row['seconds']:7.1f} {row['cpu']:7.1f} {rate:6.2f} "
              f"{rate / bare:7.3f} {size / 1e6 / row['cpu'] / bare:10.3f} {row['stderr_lines']:12,}")
    if args.old_src:
        for fmt in args.formats:
            differ = same_outputs(args.scratch / f"old-{fmt}", args.scratch / f"new-{fmt}", fmt)
            print(f"{fmt}: old and new outputs " + (f"DIFFER in {differ}" if differ else "identical"))


if __name__ == "__main__":
    main()
