"""Entity extraction scored against the hand-annotated dev set (rules: data/eval/dev/README.md)."""

import pytest

from helpers.corpus import load_corpus
from helpers.entities import entities_table
from helpers.evaluate import read_gold, score_entities
from helpers.paths import EVAL_DEV


@pytest.fixture(scope="module")
def scores():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    return score_entities(entities_table(corpus), read_gold()["entities"])


def test_name_mentions_on_the_dev_set(scores):
    score = scores["name"]
    assert score.f1 >= 0.97, f"missed {score.missed}, spurious {score.spurious}"


def test_adjective_mentions_on_the_dev_set(scores):
    score = scores["adjective"]
    assert score.f1 >= 0.95, f"missed {score.missed}, spurious {score.spurious}"


def test_every_surface_is_the_article_text_at_its_offsets():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    table = entities_table(corpus)
    assert all(texts[a][s:e] == surface
               for a, s, e, surface in zip(table["article_id"], table["char_start"], table["char_end"],
                                           table["surface"]))
