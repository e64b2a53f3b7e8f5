"""Check that a speed-up changed no milestone: dump them before, dump them after, compare.

``python bench/compare_milestones.py dump OUT.pkl``: every ``extract_milestones`` row of every article of
the annotated sets (``../shared/eval/{dev,real,seed}`` read in place, ``data/eval/*``, ``seeds/``), each
with its manifest date, and the milestone warnings raised, into one pickle.
``python bench/compare_milestones.py diff A.pkl B.pkl``: the first rows that differ, exit 1 if any.
``python bench/compare_milestones.py tables DIR_A DIR_B``: the ``milestones`` tables two ``python -m helpers
extract … --format parquet`` runs wrote, row for row (values, dtypes and order), exit 1 if they differ.
"""

from __future__ import annotations

import csv
import pickle
import sys
import warnings
from pathlib import Path

from helpers.milestones import extract_milestones
from helpers.paths import DATA, SEEDS

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _sets() -> list[Path]:
    """The folders of the sets to dump: their articles in ``articles/`` or in the folder itself, beside a manifest."""
    sets = [SHARED / name for name in ("dev", "real", "seed") if (SHARED / name / "articles").is_dir()]
    return sets + sorted(p for p in (DATA / "eval").iterdir() if p.is_dir()) + [SEEDS]


def _published(folder: Path) -> dict[str, str]:
    if not (folder / "manifest.csv").is_file():
        return {}
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as f:
        return {row["article_id"]: row.get("published") or None for row in csv.DictReader(f)}


def dump(out: Path) -> None:
    rows = {}
    for folder in _sets():
        articles = folder / "articles" if (folder / "articles").is_dir() else folder
        published = _published(folder)
        for path in sorted(articles.glob("*.txt")):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                found = extract_milestones(path.read_text(encoding="utf-8"), published.get(path.stem))
            rows[str(path)] = ([tuple(m) for m in found], [str(w.message) for w in caught])
    with open(out, "wb") as f:
        pickle.dump(rows, f)
    print(f"{len(rows)} articles, {sum(len(r[0]) for r in rows.values())} milestones -> {out}")


def diff(a: Path, b: Path) -> int:
    before, after = (pickle.loads(p.read_bytes()) for p in (a, b))
    bad = [k for k in sorted(before.keys() | after.keys()) if before.get(k) != after.get(k)]
    for key in bad[:10]:
        print("differs:", key, before.get(key), after.get(key), sep="\n  ")
    print(f"{len(before)} articles, {sum(len(r[0]) for r in before.values())} milestones: {len(bad)} differ")
    return 1 if bad else 0


def tables(a: Path, b: Path) -> int:
    import pandas as pd

    left, right = (pd.read_parquet(d / "milestones") for d in (a, b))
    try:
        pd.testing.assert_frame_equal(left, right, check_exact=True)
    except AssertionError as error:
        print(f"milestones tables differ: {error}")
        return 1
    print(f"milestones tables identical: {len(left):,} rows, {len(left.columns)} columns")
    return 0


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    if command == "dump":
        dump(Path(paths[0]))
    else:
        sys.exit({"diff": diff, "tables": tables}[command](*map(Path, paths)))
