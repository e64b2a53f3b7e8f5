"""Both extractors scored on the probe sets: articles annotated by the dev README's rules by
annotators who never read the extraction code (data/eval/probe*/README.md). They stand in for the
held-back set: rules fitted to the six dev articles would lose points here."""

import pytest

from helpers.evaluate import evaluate
from helpers.paths import DATA

PROBES = ["probe", "probe2"]


@pytest.fixture(scope="module", params=PROBES)
def scores(request):
    return evaluate(DATA / "eval" / request.param).set_index("task")


def test_milestone_f1_on_probe_set_is_at_least_095(scores):
    assert scores.loc["milestones", "f1"] >= 0.95


def test_entity_name_f1_on_probe_set_is_at_least_095(scores):
    assert scores.loc["entities (names)", "f1"] >= 0.95


def test_entity_adjective_f1_on_probe_set_is_at_least_092(scores):
    assert scores.loc["entities (adjectives)", "f1"] >= 0.92
