"""The committed notebooks are executed, in order, deterministic by construction and shareable.

nbval (run by `make test` over notebooks/) re-executes each notebook and compares the outputs;
these checks catch what nbval cannot: a notebook committed half-run or out of order.
"""

import json
import re

import pytest

from helpers.paths import NOTEBOOKS

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))


def _code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_suite_has_its_notebooks():
    names = [p.name for p in NOTEBOOK_FILES]
    for expected in ("01-corpus.ipynb", "02-drawdown-timeline.ipynb", "03-entities.ipynb"):
        assert expected in names


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_is_named_number_dash_topic(path):
    assert re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", path.name)


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_was_executed_top_to_bottom_in_one_fresh_kernel(path):
    counts = [c.get("execution_count") for c in _code_cells(path)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: re-run with `make notebooks`"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_has_no_error_outputs(path):
    for cell in _code_cells(path):
        assert not [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_starts_with_the_determinism_setup(path):
    first = "".join(_code_cells(path)[0]["source"]) if "parameters" not in _code_cells(path)[0].get(
        "metadata", {}).get("tags", []) else "".join(_code_cells(path)[1]["source"])
    assert "setup_notebook()" in first


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_takes_the_corpus_as_a_papermill_parameter(path):
    tagged = [c for c in _code_cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "CORPUS" in "".join(tagged[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_committed_plotly_outputs_are_offline_mime_bundles(path):
    text = path.read_text(encoding="utf-8")
    assert "cdn.plot.ly" not in text and "cdn.jsdelivr" not in text
