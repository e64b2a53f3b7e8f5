"""Milestone extraction throughput, next to dateparser's ``search_dates`` on the same text.

``python bench/bench_milestones.py [--text dev|synthetic|both] [--mb 4] [--peer-kb 150]``: for each text
(the dev articles and the seed repeated, and/or synthetic news articles from bench/make_corpus.py),
times ``extract_milestones`` on ``--mb`` megabytes (UTF-8) and, on the same first ``--peer-kb``
kilobytes, both ``extract_milestones`` and ``dateparser.search.search_dates(text, languages=["ar"])``
(the peer is too slow for the whole). The ratio is taken on that same sample. Times are CPU seconds
of this process, best of ``--repeat`` (``--peer-repeat`` for dateparser), so other jobs on the
machine disturb them less than wall time.
"""

from __future__ import annotations

import argparse
import time
import warnings

from helpers.milestones import extract_milestones
from helpers.paths import EVAL_DEV, SEEDS

PUBLISHED = "2024-09-28"


def sample_text(megabytes: float) -> str:
    """Dev articles and the seed, separated like paragraphs, repeated to about ``megabytes`` MB."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((EVAL_DEV / "articles").glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    unit = "\n\n".join(parts) + "\n\n"
    return unit * max(1, round(megabytes * 1e6 / len(unit.encode("utf-8"))))


def synthetic_text(megabytes: float) -> str | None:
    """Articles from bench/make_corpus.py (when it is there) up to ``megabytes`` MB, else None."""
    try:
        from make_corpus import article
    except ImportError:
        return None
    texts, size, i = [], 0, 0
    while size < megabytes * 1e6:
        text, _ = article(0, i)
        texts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return "\n\n".join(texts)


def best_cpu_seconds(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def cut(text: str, kilobytes: float) -> str:
    """A prefix of about ``kilobytes`` KB ending at a paragraph break."""
    head = text.encode("utf-8")[: int(kilobytes * 1000)].decode("utf-8", errors="ignore")
    return head[: head.rfind("\n\n")] if "\n\n" in head else head


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def compare(name: str, text: str, peer_kb: float, repeat: int, peer_repeat: int) -> None:
    """Print our throughput on ``text`` and ours and dateparser's on the same sample of it."""
    from dateparser.search import search_dates

    ours, found = best_cpu_seconds(lambda: extract_milestones(text, published=PUBLISHED), repeat)
    print(f"[{name}] extract_milestones: {megabytes(text):.2f} MB, {len(found)} milestones, "
          f"{ours:.3f} s -> {megabytes(text) / ours:.2f} MB/s")

    sample = cut(text, peer_kb)
    size = megabytes(sample)
    ours_sample, found = best_cpu_seconds(lambda: extract_milestones(sample, published=PUBLISHED), repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("تمهيد 15 أبريل 2024", languages=["ar"])  # load its language data before timing
        peer, peer_found = best_cpu_seconds(lambda: search_dates(sample, languages=["ar"]), peer_repeat)
    ours_rate, peer_rate = size / ours_sample, size / peer
    print(f"[{name}] same {size * 1000:.0f} KB sample: extract_milestones {len(found)} milestones, "
          f"{ours_rate:.2f} MB/s; dateparser search_dates {len(peer_found or [])} dates, "
          f"{peer_rate * 1000:.1f} KB/s")
    print(f"[{name}] ratio on the same sample: {ours_rate / peer_rate:.0f}x "
          f"(full text vs sample: {megabytes(text) / ours / peer_rate:.0f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", choices=["dev", "synthetic", "both"], default="both",
                        help="dev articles and seed repeated, bench/make_corpus.py articles, or both")
    parser.add_argument("--synthetic", action="store_const", const="synthetic", dest="text",
                        help="same as --text synthetic")
    parser.add_argument("--mb", type=float, default=4.0, help="size of the text for extract_milestones")
    parser.add_argument("--peer-kb", type=float, default=150.0, help="size of the shared sample for dateparser")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peer-repeat", type=int, default=2)
    args = parser.parse_args()

    texts = {}
    if args.text in ("dev", "both"):
        texts["dev"] = sample_text(args.mb)
    if args.text in ("synthetic", "both"):
        synthetic = synthetic_text(args.mb)
        if synthetic is None:
            print("bench/make_corpus.py not importable: synthetic text skipped")
        else:
            texts["synthetic"] = synthetic
    for name, text in texts.items():
        compare(name, text, args.peer_kb, args.repeat, args.peer_repeat)


if __name__ == "__main__":
    main()
