"""Claims scored on the annotated sets (rules: ../shared/eval/CLAIMS.md; scoring: evaluate.score_claims).

Targets of the dev sets (the synthetic dev set and the seed): drawdown F1 >= 0.95, accuracy of event and
claimant >= 0.90, of place and actor >= 0.90. The real set has no target: its figures are printed.
"""

from __future__ import annotations

import pytest
from shared_eval import shared_eval_dir

from helpers.corpus import load_corpus
from helpers.evaluate import read_gold, score_claims
from helpers.milestones import milestones_table
from helpers.paths import DATA

TARGETS = {"event": 0.90, "claimant": 0.90, "place": 0.90, "actor": 0.90}
MIN_DRAWDOWN_F1 = 0.95


def scored(eval_dir):
    corpus = load_corpus(eval_dir / "articles", manifest=eval_dir / "manifest.csv")
    return score_claims(milestones_table(corpus), read_gold(eval_dir)["claims"])


@pytest.mark.parametrize("name, rows, drawdown", [("dev", 36, 10), ("seed", 8, 5)])
def test_claims_meet_the_targets_on_the_dev_sets(name, rows, drawdown):
    score = scored(DATA / "eval" / name)
    assert score.matched == rows  # every gold milestone is found, so every claim is scored
    assert score.drawdown.tp == drawdown and score.drawdown.f1 >= MIN_DRAWDOWN_F1, score.drawdown
    for field, target in TARGETS.items():
        wrong = [m for m in score.mismatches if m[2] == field]
        assert score.accuracy(field) >= target, f"{field} {score.accuracy(field):.3f}: {wrong}"


def test_the_repository_copies_of_the_gold_are_the_shared_ones():
    for name in ("dev", "seed"):
        shared = shared_eval_dir(name)
        assert (DATA / "eval" / name / "claims.csv").read_bytes() == (shared / "claims.csv").read_bytes()


def test_claims_on_the_real_set_are_scored(capsys):
    score = scored(shared_eval_dir("real"))
    assert score.matched >= 180
    figures = {field: round(score.accuracy(field), 3) for field in ("event", "place", "actor", "claimant")}
    with capsys.disabled():
        print(f"\nreal set claims: {figures}, drawdown F1 {score.drawdown.f1:.3f} over {score.matched} milestones")


def test_evaluate_reports_claims_and_errors_lists_every_mismatch_with_its_sentence(capsys):
    from helpers.cli import main
    from helpers.evaluate import errors, evaluate

    table = evaluate(DATA / "eval" / "dev").set_index("task")
    assert table.loc["claims: drawdown", "tp"] == 10 and table.loc["claims: event", "n"] == 36
    listed = errors(DATA / "eval" / "dev")
    claims = listed[listed["task"] == "claims"]
    assert len(claims) == len(scored(DATA / "eval" / "dev").mismatches) > 0
    assert (claims["sentence"].str.len() > 0).all() and claims["detail"].str.contains(" -> ").all()
    assert main(["evaluate", str(DATA / "eval" / "seed"), "--errors"]) == 0
    assert "claims: claimant" in capsys.readouterr().out
