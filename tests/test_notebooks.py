"""The committed notebooks are the suite's four, executed in order, with their charts, and shareable.

nbval (run by `make test` over notebooks/) re-executes each notebook and compares the outputs;
these checks catch what nbval cannot: a notebook the report would skip, a notebook committed half-run
or out of order, on the wrong kernel, or with a chart cell that shows no chart.
"""

import json
import re

import pytest

from helpers.paths import NOTEBOOKS
from helpers.report import KERNEL, find_notebooks

SUITE = ["01-corpus.ipynb", "02-drawdown-timeline.ipynb", "03-entities.ipynb", "04-arabic-charts.ipynb"]
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
CHART_MIMES = {"image/svg+xml", "image/png", "application/vnd.plotly.v1+json"}
# a cell that draws: a suite chart, a label panel, a plotly figure shown bare
DRAWS = re.compile(r"charts\.\w+\(|label_panel\(|^\s*\w*fig\s*$|plt\.subplots\(", re.MULTILINE)


def _code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_report_runs_every_notebook_of_the_suite_in_reading_order():
    # a notebook named outside NN-topic.ipynb would be left out of the report without a word
    assert [p.name for p in find_notebooks(NOTEBOOKS)] == [p.name for p in NOTEBOOK_FILES]
    assert [p.name for p in NOTEBOOK_FILES][:len(SUITE)] == SUITE


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_opens_on_the_project_kernel(path):
    kernelspec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert kernelspec["name"] == KERNEL, f"{path.name} opens on {kernelspec['name']}, not the project's kernel"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_was_executed_top_to_bottom_in_one_fresh_kernel(path):
    counts = [c.get("execution_count") for c in _code_cells(path)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: re-run with `make notebooks`"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_has_no_error_outputs(path):
    for cell in _code_cells(path):
        assert not [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_every_cell_that_draws_shows_its_chart(path):
    drawing = [c for c in _code_cells(path) if DRAWS.search("".join(c["source"]))]
    assert drawing, f"{path.name} draws nothing"
    for cell in drawing:
        shown = {mime for o in cell.get("outputs", []) for mime in o.get("data", {})}
        assert shown & CHART_MIMES, f"{path.name}: no chart output for {''.join(cell['source'])[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_starts_with_the_determinism_setup(path):
    cells = [c for c in _code_cells(path) if "parameters" not in c.get("metadata", {}).get("tags", [])]
    assert "setup_notebook()" in "".join(cells[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_takes_the_corpus_as_a_papermill_parameter(path):
    tagged = [c for c in _code_cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and re.search(r"^CORPUS = ", "".join(tagged[0]["source"]), re.MULTILINE)


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_committed_plotly_outputs_are_offline_mime_bundles(path):
    text = path.read_text(encoding="utf-8")
    assert "cdn.plot.ly" not in text and "cdn.jsdelivr" not in text


def test_the_explore_notebook_runs_on_a_corpus_that_never_names_isis(tmp_path):
    """The report runs every notebook on the analyst's corpus: one about other actors (no «داعش» in it) must still
    give the explore page, filtered by the entity it names most, not stop with an empty selection."""
    import papermill

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, sentence in enumerate(["أعلنت الحكومة العراقية في 3 آذار 2024 بدء الحوار مع الولايات المتحدة.",
                                  "وزار وزير الدفاع الأمريكي بغداد في 5 نيسان 2024 والتقى رئيس الوزراء."]):
        (corpus / f"a{i}.txt").write_text(f"خبر {i}\n\n{sentence}\n", encoding="utf-8")
    out = tmp_path / "05.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / "05-explore.ipynb"), str(out), parameters={"CORPUS": str(corpus)},
                               kernel_name=KERNEL, progress_bar=False, cwd=str(NOTEBOOKS))
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    printed = "".join("".join(o.get("text", "")) for c in cells if c["cell_type"] == "code"
                      for o in c.get("outputs", []) if o.get("output_type") == "stream")
    assert re.search(r"2 articles mention \S+", printed), printed[-1500:]


WEATHER = ["طقس حار\n\nتوقعت هيئة الأرصاد ارتفاع درجات الحرارة.\n\nونصحت الهيئة المواطنين بشرب الماء.\n",
           "أمطار\n\nهطلت أمطار غزيرة على العاصمة.\n\nوأغلقت بعض الطرق.\n",
           "برد\n\nتتأثر المنطقة بموجة برد طويلة.\n\nوقال خبير إن الحرارة ستنخفض ليلا بعد منتصف الليل بقليل.\n"]


@pytest.mark.parametrize("name", ["01-corpus.ipynb", "02-drawdown-timeline.ipynb", "03-entities.ipynb",
                                  "05-explore.ipynb"])
@pytest.mark.parametrize("articles", ["weather", "none"])
def test_a_corpus_that_names_no_entity_and_no_date_gives_pages_that_say_so(tmp_path, name, articles):
    """Three short articles about the weather: the report ran the entities page into «unknown article id» (its
    paragraph chart) and the explore page into an empty selection, and the drawdown page showed a bare «Empty
    DataFrame»; every table with no row now says so, every chart draws its «nothing to draw» figure. A corpus
    with no article at all (one binary file) stopped the corpus page too, at the article it shows."""
    import papermill

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(WEATHER if articles == "weather" else []):
        (corpus / f"a{i}.txt").write_text(text, encoding="utf-8")
    if articles == "none":
        (corpus / "a.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / name
    papermill.execute_notebook(str(NOTEBOOKS / name), str(out), parameters={"CORPUS": str(corpus)},
                               kernel_name=KERNEL, progress_bar=False, cwd=str(NOTEBOOKS))
    for cell in json.loads(out.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code" or not DRAWS.search("".join(cell["source"])) and "table" not in "".join(
                cell["source"]):
            continue
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            assert "Empty DataFrame" not in "".join(output.get("data", {}).get("text/plain", "")), cell["source"]
            if "<table" in html and "<tbody>\n  </tbody>" in html or "<tbody></tbody>" in html:
                assert "No rows" in html, "".join(cell["source"])
