"""Milestone extraction throughput, next to dateparser's ``search_dates`` on the same text.

``python bench/bench_milestones.py [--mb 4] [--peer-kb 40]``: builds a text from the dev articles and
the seed repeated to ``--mb`` megabytes (UTF-8), times ``extract_milestones`` on all of it and
``dateparser.search.search_dates(text, languages=["ar"])`` on its first ``--peer-kb`` kilobytes
(the peer is too slow for the whole), and prints both throughputs in MB/s and their ratio.
Times are CPU seconds of this process (best of ``--repeat``), so other jobs on the machine
disturb them less than wall time.
"""

from __future__ import annotations

import argparse
import time
import warnings

from helpers.milestones import extract_milestones
from helpers.paths import EVAL_DEV, SEEDS


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the text for extract_milestones")
    parser.add_argument("--peer-kb", type=float, default=40.0, help="size of the sample for dateparser")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true",
                        help="use bench/make_corpus.py articles instead of the dev set and seed")
    args = parser.parse_args()

    text = (synthetic_text(args.mb) if args.synthetic else None) or sample_text(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    ours, found = best_cpu_seconds(lambda: extract_milestones(text, published="2024-09-28"), args.repeat)
    ours_rate = size / ours
    print(f"extract_milestones: {size:.2f} MB, {len(found)} milestones, {ours:.2f} s -> {ours_rate:.2f} MB/s")

    from dateparser.search import search_dates

    sample = cut(text, args.peer_kb)
    sample_size = len(sample.encode("utf-8")) / 1e6
    ours_sample, _ = best_cpu_seconds(lambda: extract_milestones(sample, published="2024-09-28"), args.repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("تمهيد 15 أبريل 2024", languages=["ar"])  # load its language data before timing
        peer, peer_found = best_cpu_seconds(lambda: search_dates(sample, languages=["ar"]), 1)
    peer_rate = sample_size / peer
    print(f"dateparser search_dates: {sample_size * 1000:.0f} KB sample, {len(peer_found or [])} dates, "
          f"{peer:.2f} s -> {peer_rate * 1000:.1f} KB/s")
    print(f"extract_milestones on the same sample: {sample_size / ours_sample:.2f} MB/s")
    print(f"ratio (full-text rate / dateparser rate): {ours_rate / peer_rate:.0f}x")


if __name__ == "__main__":
    main()
