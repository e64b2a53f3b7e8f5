"""What claims cost: extraction per article with and without them, in the same run, next to a bare pass.

    .venv/bin/python bench/bench_claims.py [--text synthetic|real|dev|all] [--mb 4] [--repeat 3]

For each text (synthetic news articles from bench/make_corpus.py; the real evaluation set in
``../shared/eval/real`` when it is beside the checkout, read in place; the dev articles and the seed),
times article by article, as a pipeline worker does: ``article_milestones`` (which computes each
milestone's claim) followed by the entity rows (``article_rows``, which reuses the mentions the claims
matched), then the same with claims replaced by an empty stub, and a bare ``re.findall(r"\\w+")`` pass.
Prints the claims' own cost per article and per milestone, the throughput of each run, the ratio
with/without claims (the target is <= 1.15), and each run against the bare pass. CPU seconds of this
process, best of ``--repeat``, runs interleaved so they see the same load.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from helpers import claims
from helpers.claim_tables import load_claim_tables
from helpers.entities import article_rows, default_matcher
from helpers.milestones import article_milestones, clear_cache
from helpers.paths import EVAL_DEV, SEEDS

WORD_RE = re.compile(r"\w+")
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "real"
PUBLISHED = "2024-09-28"


def _paragraph_starts(text: str) -> list[int]:
    starts, position = [0], 0
    for para in text.split("\n\n")[:-1]:
        position += len(para) + 2
        starts.append(position)
    return starts


def synthetic(megabytes: float) -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from make_corpus import article

    out, size, i = [], 0, 0
    while size < megabytes * 1e6:
        text, published = article(0, i)
        out.append((text, published or None))
        size += len(text.encode("utf-8"))
        i += 1
    return out


def folder(path: Path, megabytes: float) -> list[tuple[str, str | None]]:
    """The articles of an evaluation folder (texts read in place, never copied), repeated to ``megabytes``."""
    unit = [(p.read_text(encoding="utf-8"), PUBLISHED) for p in sorted(path.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t, _ in unit) / 1e6
    return unit * max(1, round(megabytes / size))


def _no_claims(text, spans, *args, **kwargs):
    return [claims.Claim("", "", "", "", False) for _ in spans]


def run(articles, with_claims: bool) -> int:
    """Milestones and entity rows of every article; the number of milestones."""
    matcher = default_matcher()
    real = claims.extract_claims
    claims.extract_claims = real if with_claims else _no_claims
    try:
        clear_cache()
        found = 0
        for i, (text, published) in enumerate(articles):
            starts = _paragraph_starts(text)
            numbers = list(range(len(starts)))
            found += len(article_milestones(i, text, published, starts, numbers))
            article_rows(i, text, starts, numbers, matcher)
        return found
    finally:
        claims.extract_claims = real


def bench(name: str, articles, repeat: int) -> None:
    import pandas as pd

    articles = [(t, pd.Timestamp(p) if p else None) for t, p in articles]
    runs = {"with claims": lambda: run(articles, True), "without claims": lambda: run(articles, False),
            "bare pass": lambda: sum(len(WORD_RE.findall(t)) for t, _ in articles)}
    best = dict.fromkeys(runs, float("inf"))
    counts = {}
    for _ in range(repeat):
        for key, fn in runs.items():
            t0 = time.process_time()
            counts[key] = fn()
            best[key] = min(best[key], time.process_time() - t0)
    size = sum(len(t.encode("utf-8")) for t, _ in articles) / 1e6
    n, milestones = len(articles), counts["with claims"]
    own = best["with claims"] - best["without claims"]
    print(f"[{name}] {n:,} articles, {size:.2f} MB, {milestones:,} milestones")
    for key, seconds in best.items():
        print(f"  {key:15s} {seconds:7.3f} s  {size / seconds:7.2f} MB/s  {seconds / n * 1000:6.3f} ms/article  "
              f"{best['bare pass'] / seconds:6.3f} of the bare pass")
    print(f"  claims' own cost: {own / n * 1000:.3f} ms/article, {own / max(milestones, 1) * 1000:.3f} ms/milestone; "
          f"with/without claims: {best['with claims'] / best['without claims']:.3f} (target <= 1.15)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", choices=["synthetic", "real", "dev", "all"], default="all")
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text per run (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    args = parser.parse_args(argv)
    default_matcher()
    load_claim_tables()  # loaded and compiled once per session: outside the timing
    texts = {}
    if args.text in ("synthetic", "all"):
        texts["synthetic"] = synthetic(args.mb)
    if args.text in ("real", "all"):
        if (REAL / "articles").is_dir():
            texts["real"] = folder(REAL / "articles", args.mb)
        else:
            print(f"{REAL} is not there: real text skipped")
    if args.text in ("dev", "all"):
        texts["dev"] = folder(EVAL_DEV / "articles", args.mb / 2) + folder(SEEDS, args.mb / 2)
    for name, articles in texts.items():
        bench(name, articles, args.repeat)


if __name__ == "__main__":
    main()
