"""Score extraction against an annotated set (``data/eval/<set>/``, format in its README).

Milestones: F1 over the multiset of ``(article_id, start, end)``. Entities: micro
precision/recall/F1 over mention counts per ``(article_id, entity_id, form)`` for the ids
of the core entity list, names and adjectives scored separately. These are the rules of
the shared evaluation README, so the figures published here are comparable with the
held-back set's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .paths import ENTITIES_CORE, EVAL_DEV

__all__ = ["Score", "evaluate", "read_gold", "score_entities", "score_milestones"]


@dataclass
class Score:
    """Precision, recall and F1 with the items behind them, so misses can be read."""

    tp: int
    fp: int
    fn: int
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _score_counters(pred: Counter, gold: Counter) -> Score:
    tp = sum((pred & gold).values())
    missed = sorted((gold - pred).elements())
    spurious = sorted((pred - gold).elements())
    return Score(tp, len(spurious), len(missed), missed, spurious)


def _date_str(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def score_milestones(pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """F1 over the multiset of (article_id, start, end); rows without a start are unresolved and ignored."""
    def keys(df: pd.DataFrame) -> Counter:
        df = df[df["start"].notna()]
        return Counter(zip(df["article_id"].astype(str), map(_date_str, df["start"]), map(_date_str, df["end"])))

    return _score_counters(keys(pred), keys(gold))


def _gold_mentions(gold_entities: pd.DataFrame) -> Counter:
    counts: Counter = Counter()
    for row in gold_entities.itertuples(index=False):
        counts[(row.article_id, row.entity_id, "name")] += int(row.names)
        counts[(row.article_id, row.entity_id, "adjective")] += int(row.adjectives)
    return +counts


def score_entities(pred: pd.DataFrame, gold_entities: pd.DataFrame, entity_ids=None) -> dict[str, Score]:
    """Micro scores over mention counts per (article_id, entity_id, form), by form."""
    if entity_ids is None:
        entity_ids = set(pd.read_csv(ENTITIES_CORE)["entity_id"])
    pred = pred[pred["entity_id"].isin(entity_ids)]
    pred_counts = Counter(zip(pred["article_id"].astype(str), pred["entity_id"], pred["form"]))
    gold_counts = _gold_mentions(gold_entities)
    return {
        form: _score_counters(
            Counter({k: v for k, v in pred_counts.items() if k[2] == form}),
            Counter({k: v for k, v in gold_counts.items() if k[2] == form}),
        )
        for form in ("name", "adjective")
    }


def read_gold(eval_dir: Path = EVAL_DEV) -> dict[str, pd.DataFrame]:
    """The gold tables of an evaluation set: milestones and entities (dates parsed)."""
    eval_dir = Path(eval_dir)
    milestones = pd.read_csv(eval_dir / "milestones.csv", dtype=str, keep_default_na=False)
    for col in ("start", "end"):
        milestones[col] = pd.to_datetime(milestones[col])
    entities = pd.read_csv(eval_dir / "entities.csv", dtype={"article_id": str, "entity_id": str})
    return {"milestones": milestones, "entities": entities}


def evaluate(eval_dir: Path = EVAL_DEV) -> pd.DataFrame:
    """Run the suite's extractors on an evaluation set and score them: one row per task."""
    from .corpus import load_corpus
    from .entities import entities_table
    from .milestones import milestones_table

    eval_dir = Path(eval_dir)
    corpus = load_corpus(eval_dir / "articles", manifest=eval_dir / "manifest.csv")
    gold = read_gold(eval_dir)
    rows = [{"task": "milestones", **score_milestones(milestones_table(corpus), gold["milestones"]).as_row()}]
    for form, score in score_entities(entities_table(corpus), gold["entities"]).items():
        rows.append({"task": f"entities ({form}s)", **score.as_row()})
    return pd.DataFrame(rows)
