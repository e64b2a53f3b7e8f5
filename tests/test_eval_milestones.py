"""Milestone extraction scored on the dev gold set (rules: data/eval/dev/README.md)."""

from __future__ import annotations

from helpers.corpus import load_corpus
from helpers.evaluate import read_gold, score_milestones
from helpers.milestones import milestones_table
from helpers.paths import EVAL_DEV

MIN_F1 = 0.97


def test_milestone_f1_on_dev_set_is_at_least_097():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    score = score_milestones(milestones_table(corpus), read_gold(EVAL_DEV)["milestones"])
    assert score.f1 >= MIN_F1, f"F1 {score.f1:.3f}; missed {score.missed}; spurious {score.spurious}"


def test_every_gold_surface_is_found_verbatim():
    """Surfaces are exact substrings of the article (same digits, tatweel, diacritics as the text)."""
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    found = set(zip(*milestones_table(corpus)[["article_id", "surface"]].T.values))
    gold = read_gold(EVAL_DEV)["milestones"]
    missing = [pair for pair in zip(gold["article_id"], gold["surface"]) if pair not in found]
    assert not missing
