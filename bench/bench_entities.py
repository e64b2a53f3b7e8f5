"""Entity-extraction throughput on one core, next to a bare tokenisation pass over the same text.

    .venv/bin/python bench/bench_entities.py [--mb 8] [--repeat 3] [--profile]

The text is the dev articles and the seed corpus repeated to about ``--mb`` MB (UTF-8).
Prints MB/s (CPU time of one core) for ``extract_entities`` (normalisation, offset map and matching included), for
``re.findall(r"\\w+", text)``, and their ratio; ``--profile`` adds the top cProfile entries.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from types import SimpleNamespace

import pandas as pd

from helpers.entities import default_matcher, entities_table, extract_entities
from helpers.paths import EVAL_DEV, SEEDS

WORD_RE = re.compile(r"\w+")


def sample_articles(megabytes: float) -> list[str]:
    """Dev articles + seed articles, repeated to at least ``megabytes`` MB of UTF-8."""
    files = sorted((EVAL_DEV / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    unit = [f.read_text(encoding="utf-8").strip() for f in files]
    copies = max(1, int(megabytes * 1e6 / len("\n\n".join(unit).encode("utf-8"))) + 1)
    return unit * copies


def as_corpus(texts: list[str]) -> SimpleNamespace:
    """A corpus shaped like ``load_corpus`` output (articles, paragraphs with offsets)."""
    rows = []
    for n, text in enumerate(texts):
        start = 0
        for number, para in enumerate(text.split("\n\n")):
            rows.append((f"a{n}", number, start, start + len(para)))
            start += len(para) + 2
    articles = pd.DataFrame({"article_id": [f"a{n}" for n in range(len(texts))], "text": texts})
    return SimpleNamespace(articles=articles,
                           paragraphs=pd.DataFrame(rows, columns=["article_id", "paragraph", "char_start", "char_end"]))


def best_seconds(fns: dict, text: str, repeat: int) -> dict[str, float]:
    """Fastest of ``repeat`` runs of each function, in CPU seconds of this (single-threaded) process:
    other jobs on a shared machine do not count. Runs are interleaved so both see the same load."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.process_time()
            fn(text)
            best[name] = min(best[name], time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="size of the benchmark text in MB (default 8)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one extraction")
    args = parser.parse_args(argv)

    matcher = default_matcher()  # compile outside the timing: it happens once per session
    articles = sample_articles(args.mb)
    text = "\n\n".join(articles)
    size_mb = len(text.encode("utf-8")) / 1e6
    mentions = len(extract_entities(text, matcher))

    def extract(t: str) -> object:
        return extract_entities(t, matcher)

    seconds = best_seconds({"extract": extract, "tokenise": WORD_RE.findall}, text, args.repeat)
    extract_s, tokenise_s = seconds["extract"], seconds["tokenise"]
    extract_rate, tokenise_rate = size_mb / extract_s, size_mb / tokenise_s
    print(f"text: {size_mb:.1f} MB, {len(text):,} characters, {mentions:,} mentions, "
          f"{len(matcher.gazetteer)} entities, {matcher.size:,} first-token forms")
    print(f"extract_entities:       {extract_rate:7.1f} MB/s  ({extract_s:.3f} s)")
    print(f"re.findall(r'\\w+'):     {tokenise_rate:7.1f} MB/s  ({tokenise_s:.3f} s)")
    print(f"ratio extract/tokenise: {extract_rate / tokenise_rate:7.2f}")
    corpus = as_corpus(articles)
    t0 = time.process_time()
    table = entities_table(corpus, matcher)
    table_s = time.process_time() - t0
    print(f"entities_table:         {size_mb / table_s:7.1f} MB/s  ({table_s:.3f} s, {len(articles):,} articles, "
          f"{len(table):,} rows with paragraph and sentence)")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(extract, text)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(12)


if __name__ == "__main__":
    main()
