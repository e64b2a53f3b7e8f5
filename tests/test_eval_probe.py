"""Both extractors scored on the probe set: eight articles annotated by the dev README's rules by
someone who never read the extraction code (data/eval/probe/README.md). It stands in for the
held-back set: rules fitted to the six dev articles would lose points here."""

import pytest

from helpers.evaluate import evaluate
from helpers.paths import DATA

PROBE = DATA / "eval" / "probe"


@pytest.fixture(scope="module")
def scores():
    return evaluate(PROBE).set_index("task")


def test_milestone_f1_on_probe_set_is_at_least_095(scores):
    assert scores.loc["milestones", "f1"] >= 0.95


def test_entity_name_f1_on_probe_set_is_at_least_095(scores):
    assert scores.loc["entities (names)", "f1"] >= 0.95


def test_entity_adjective_f1_on_probe_set_is_at_least_092(scores):
    assert scores.loc["entities (adjectives)", "f1"] >= 0.92
