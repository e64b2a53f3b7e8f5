r"""Milestone extraction throughput, next to dateparser's ``search_dates`` on the same text.

``python bench/bench_milestones.py [--text dev|synthetic|real|both|all] [--mb 4] [--peer-kb 150]``: for each
text (the dev articles and the seed repeated, and/or synthetic news articles from bench/make_corpus.py),
times ``extract_milestones`` article by article on ``--mb`` megabytes (UTF-8) and, on the same first
``--peer-kb`` kilobytes of articles, both ``extract_milestones`` and
``dateparser.search.search_dates(text, languages=["ar"])`` (the peer is too slow for the whole):
article by article, as a corpus is processed, and on the sample joined into one string. The ratios
are taken on that same sample. ``real`` is the real articles of ``../shared/eval/real``, read in place
beside the checkout (never copied), each with its manifest date, once each (not repeated: a repeat would
find its dates cached): both tools on all of them, article by article. Each text also gets the time of a
bare ``re.findall(r"\w+")`` over its articles, the floor of any pass over the words. Times are CPU
seconds of this process, best of ``--repeat`` (``--peer-repeat`` for dateparser), so other jobs on the
machine disturb them less than wall time; each of our runs starts from an empty cache of resolved
dates, as a first pass over a corpus does.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
import warnings
from pathlib import Path

from helpers.milestones import COMPILED, clear_cache, extract_milestones
from helpers.paths import EVAL_DEV, SEEDS

PUBLISHED = "2024-09-28"  # the seed's manifest date, for the dev articles too
# The real set lives beside the checkout, never inside it (its texts may not be copied into the repository).
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "real"


def dev_articles() -> list[tuple[str, str]]:
    """The dev articles and the seed, each with ``PUBLISHED``."""
    paths = [*sorted((EVAL_DEV / "articles").glob("*.txt")), *sorted(SEEDS.glob("*.txt"))]
    return [(p.read_text(encoding="utf-8"), PUBLISHED) for p in paths]


def real_articles() -> list[tuple[str, str | None]] | None:
    """The real articles of ``../shared/eval/real``, read in place, each with its manifest ``published``
    date (None when the manifest has none); None when the folder is not there."""
    if not (REAL / "articles").is_dir():
        return None
    with open(REAL / "manifest.csv", encoding="utf-8", newline="") as f:
        published = {row["article_id"]: row.get("published") or None for row in csv.DictReader(f)}
    return [(p.read_text(encoding="utf-8"), published.get(p.stem))
            for p in sorted((REAL / "articles").glob("*.txt"))]


def synthetic_articles(megabytes: float) -> list[tuple[str, str]] | None:
    """Articles from bench/make_corpus.py (when it is there), each with its date, up to ``megabytes``; else None."""
    try:
        from make_corpus import article
    except ImportError:
        return None
    articles, size, i = [], 0, 0
    while size < megabytes * 1e6:
        text, published = article(0, i)
        articles.append((text, published or None))
        size += len(text.encode("utf-8"))
        i += 1
    return articles


def repeated(articles: list[tuple[str, str]], megabytes: float) -> list[tuple[str, str]]:
    """``articles`` repeated to about ``megabytes`` MB."""
    unit = megabytes_of(articles)
    return articles * max(1, round(megabytes / unit))


def megabytes_of(articles: list[tuple[str, str]]) -> float:
    return sum(len(text.encode("utf-8")) for text, _ in articles) / 1e6


def best_cpu_seconds(fn, repeat: int) -> tuple[float, object]:
    """Best CPU time of ``repeat`` runs, each from an empty resolution cache: a corpus is read once,
    so reusing the dates resolved by the previous repeat of the same text would flatter us."""
    best, result = float("inf"), None
    for _ in range(repeat):
        clear_cache()
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def sample(articles: list[tuple[str, str]], kilobytes: float) -> list[tuple[str, str]]:
    """The first articles, about ``kilobytes`` KB in all (at least one)."""
    out, size = [], 0
    for text, published in articles:
        if out and size + len(text.encode("utf-8")) > kilobytes * 1000:
            break
        out.append((text, published))
        size += len(text.encode("utf-8"))
    return out


_WORD = re.compile(r"\w+")


def compare(name: str, articles: list[tuple[str, str]], peer_kb: float, repeat: int, peer_repeat: int,
            joined_too: bool = True) -> None:
    """Print our throughput on ``articles``, a bare ``re.findall(r"\\w+")`` pass's, and ours and
    dateparser's on the same sample of them (``peer_kb``; ``joined_too``: also joined into one string)."""
    from dateparser.search import search_dates

    size = megabytes_of(articles)
    ours, found = best_cpu_seconds(lambda: [extract_milestones(t, p) for t, p in articles], repeat)
    words, _ = best_cpu_seconds(lambda: [_WORD.findall(t) for t, _ in articles], repeat)
    print(f"[{name}] extract_milestones, article by article: {len(articles):,} articles, {size:.2f} MB, "
          f"{sum(map(len, found)):,} milestones, {ours:.3f} s -> {size / ours:.2f} MB/s; "
          f"re.findall(r\"\\w+\") {words:.3f} s -> {size / words:.2f} MB/s, {ours / words:.1f}x its time")

    few = sample(articles, peer_kb)
    joined = "\n\n".join(text for text, _ in few)
    size = megabytes_of(few)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("تمهيد 15 أبريل 2024", languages=["ar"])  # load its language data before timing
        runs = {
            "article by article": (lambda: [extract_milestones(t, p) for t, p in few],
                                   lambda: [search_dates(t, languages=["ar"]) or [] for t, _ in few]),
        }
        if joined_too:
            runs["joined into one string"] = (lambda: [extract_milestones(joined, PUBLISHED)],
                                              lambda: [search_dates(joined, languages=["ar"]) or []])
        for how, (ours_fn, peer_fn) in runs.items():
            ours_s, found = best_cpu_seconds(ours_fn, repeat)
            peer_s, peer_found = best_cpu_seconds(peer_fn, peer_repeat)
            print(f"[{name}] same {size * 1000:.0f} KB sample ({len(few)} articles), {how}: "
                  f"extract_milestones {sum(map(len, found))} milestones, {size / ours_s:.2f} MB/s; "
                  f"dateparser {sum(map(len, peer_found))} dates, {size / peer_s * 1000:.1f} KB/s; "
                  f"ratio {peer_s / ours_s:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", choices=["dev", "synthetic", "real", "both", "all"], default="both",
                        help="dev articles and seed repeated, bench/make_corpus.py articles, both of those, "
                             "the real articles of ../shared/eval/real, or all three")
    parser.add_argument("--synthetic", action="store_const", const="synthetic", dest="text",
                        help="same as --text synthetic")
    parser.add_argument("--mb", type=float, default=4.0, help="size of the text for extract_milestones")
    parser.add_argument("--peer-kb", type=float, default=150.0, help="size of the shared sample for dateparser")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peer-repeat", type=int, default=2)
    args = parser.parse_args()

    print("head scan:", "compiled (helpers._heads)" if COMPILED else "regex (helpers._heads not built)")
    texts = {}
    if args.text in ("dev", "both", "all"):
        texts["dev"] = repeated(dev_articles(), args.mb)
    if args.text in ("synthetic", "both", "all"):
        synthetic = synthetic_articles(args.mb)
        if synthetic is None:
            print("bench/make_corpus.py not importable: synthetic text skipped")
        else:
            texts["synthetic"] = synthetic
    for name, articles in texts.items():
        compare(name, articles, args.peer_kb, args.repeat, args.peer_repeat)
    if args.text in ("real", "all"):
        real = real_articles()
        if real is None:
            print(f"{REAL} is not there (the real set lives beside the checkout, never inside it): real text skipped")
        else:  # all of it for both tools, each article once a run; ours more often, as it takes a few ms
            compare("real", real, float("inf"), max(args.repeat, 30), args.peer_repeat, joined_too=False)


if __name__ == "__main__":
    main()
