"""Milestone extraction scored on the real articles of ``../shared/eval/real`` (issue 12).

The texts stay in ``../shared`` (never copied here); without it this skips locally and fails in CI.
The rules are those of ``../shared/eval/real/README.md``; the held-back real articles are scored the
same way, so a drop here is a drop on text the suite has never seen.
"""

from __future__ import annotations

from shared_eval import shared_eval_dir

from helpers.corpus import load_corpus
from helpers.evaluate import read_gold, score_milestones
from helpers.milestones import milestones_table

MIN_F1 = 0.95
# True positives when this test was written (205 gold rows): fewer means a rule stopped holding.
MIN_TP = 202


def test_milestone_f1_on_real_articles_is_at_least_095():
    real = shared_eval_dir("real")
    corpus = load_corpus(real / "articles", manifest=real / "manifest.csv")
    score = score_milestones(milestones_table(corpus), read_gold(real)["milestones"])
    assert score.f1 >= MIN_F1, f"F1 {score.f1:.3f}; missed {score.missed}; spurious {score.spurious}"
    assert score.tp >= MIN_TP, f"{score.tp} true positives, {MIN_TP} before; missed {score.missed}"
