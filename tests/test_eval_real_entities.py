"""Entity extraction scored against the real-news set in ../shared/eval/real (rules: its README, "Entities").

The article texts stay in ../shared (they may not be copied here); without it the tests skip locally and
fail in CI (see tests/shared_eval.py).
"""

import pytest
from shared_eval import shared_eval_dir

from helpers.corpus import load_corpus
from helpers.entities import entities_table
from helpers.evaluate import read_gold, score_entities


@pytest.fixture(scope="module")
def scores():
    real = shared_eval_dir("real")
    corpus = load_corpus(real / "articles", manifest=real / "manifest.csv")
    return score_entities(entities_table(corpus), read_gold(real)["entities"])


def test_name_mentions_on_real_news(scores):
    score = scores["name"]
    assert score.f1 >= 0.98, f"F1 {score.f1:.4f}; missed {score.missed}, spurious {score.spurious}"


def test_adjective_mentions_on_real_news(scores):
    score = scores["adjective"]
    assert score.f1 >= 0.97, f"F1 {score.f1:.4f}; missed {score.missed}, spurious {score.spurious}"
