"""The report build without a browser: pages, index, slide pack, failures and the escaping helpers.

One report (module fixture) is built from two fixture notebooks, the second failing after its
charts, so the failure message and the partial report are checked on the same build.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess

import matplotlib
import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import plotly.graph_objects as go
import pytest
from fixtures.report_fixtures import (
    ARABIC_HEADING,
    FAILING_CELL_NUMBER,
    XSS_TITLE,
    make_corpus,
    make_notebook,
    make_notebooks,
)

from helpers import figures
from helpers.figures import auto_direction, escape_hover, publish, safe_table
from helpers.paths import NOTEBOOKS, SEEDS
from helpers.report import build_report, export_html, find_notebooks, table_csv

CDN_LOAD = re.compile(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", re.IGNORECASE)
CDN_HOSTS = re.compile(r"cdn\.plot\.ly|cdnjs\.cloudflare|unpkg\.com|cdn\.jsdelivr|fonts\.googleapis", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(exit status, stderr, output folder) of a build whose second notebook fails."""
    root = tmp_path_factory.mktemp("report")
    out = root / "out"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = build_report(make_corpus(root), out, make_notebooks(root, failing=True))
    return status, stderr.getvalue(), out


# ---- a failing notebook ------------------------------------------------------------------------

def test_a_failing_notebook_exits_1_and_names_notebook_cell_and_error(built):
    status, stderr, _ = built
    assert status == 1
    assert (f"notebook 02-drawdown-timeline.ipynb failed in cell {FAILING_CELL_NUMBER}: "
            "KeyError: 'no_such_column'") in stderr


def test_a_failing_notebook_still_gets_its_page_up_to_the_failure(built):
    _, _, out = built
    page = (out / "02-drawdown-timeline.html").read_text(encoding="utf-8")
    assert "This notebook did not finish" in page
    assert "no_such_column" in page
    assert "plotly-figure-1" in page  # the charts before the failing cell are there


def test_index_marks_the_failed_notebook_and_links_both(built):
    _, _, out = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01-corpus-overview.html"' in index and 'href="02-drawdown-timeline.html"' in index
    failed = re.findall(r'<section class="notebook( failed-notebook)?"', index)
    assert failed == ["", " failed-notebook"]


def test_progress_is_shown_per_notebook(built):
    _, stderr, _ = built
    assert "[1/2] 01-corpus-overview.ipynb ok" in stderr
    assert "[2/2] 02-drawdown-timeline.ipynb FAILED" in stderr


# ---- pages ---------------------------------------------------------------------------------------

def test_pages_load_nothing_from_a_cdn(built):
    _, _, out = built
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not CDN_LOAD.search(text), page.name
        assert not CDN_HOSTS.search(text), page.name


def test_template_gives_markdown_blocks_and_table_cells_auto_direction(built):
    _, _, out = built
    page = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 dir="auto"[^>]*>\s*' + ARABIC_HEADING, page)
    assert '<p dir="auto">' in page and '<li dir="auto">' in page
    assert '<td dir="auto">' in page and "text-align: start" in page


def test_without_the_rtl_template_no_auto_direction(built, tmp_path):
    _, _, out = built
    page = export_html(out / "executed" / "01-corpus-overview.ipynb", tmp_path / "page.html", rtl=False)
    text = page.read_text(encoding="utf-8")
    assert '<p dir="auto">' not in text and "text-align: start" not in text


def test_report_ships_its_font_and_plotly_js(built):
    _, _, out = built
    assert (out / "plotly.min.js").stat().st_size > 1_000_000
    fonts = sorted(p.name for p in (out / "fonts").glob("*.ttf"))
    assert "IBMPlexSansArabic-Regular.ttf" in fonts and "IBMPlexSansArabic-Bold.ttf" in fonts
    page = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert 'url("fonts/IBMPlexSansArabic-Regular.ttf")' in page


def test_article_markup_reaches_the_page_only_escaped(built):
    _, _, out = built
    for name in ("01-corpus-overview.html", "index.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert "<img src=x" not in page and "<script>alert(1)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in (out / "01-corpus-overview.html").read_text(encoding="utf-8")


# ---- tables as CSV ---------------------------------------------------------------------------------

def _read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_every_table_on_a_page_has_a_csv_link_to_a_file_beside_it(built):
    _, _, out = built
    for page in out.glob("[0-9][0-9]-*.html"):
        markup = page.read_text(encoding="utf-8")
        links = re.findall(r'<a class="report-csv"[^>]*href="([^"]+)"', markup)
        assert len(links) == markup.count("<table") >= 1, page.name
        for link in links:
            assert link.startswith("tables/") and (out / link).is_file(), link


def test_the_csv_holds_the_table_as_the_corpus_gives_it_with_a_bom_for_excel(built):
    _, _, out = built
    corpus = out.parent / "corpus"
    manifest = pd.read_csv(corpus / "manifest.csv", dtype=str, keep_default_na=False).set_index("article_id")
    expected = pd.DataFrame(
        [{"article_id": p.stem, "published": manifest.loc[p.stem, "published"],
          "title": p.read_text(encoding="utf-8").splitlines()[0].strip()} for p in sorted(corpus.glob("*.txt"))])
    csv = out / "tables" / "01-corpus-overview--table-1.csv"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (and the Arabic) only with the BOM
    pd.testing.assert_frame_equal(_read_csv(csv), expected)
    assert XSS_TITLE in _read_csv(csv)["title"].tolist()  # article markup is data in the CSV, kept whole


def test_table_csv_repeats_spanning_cells_and_neutralises_formulas():
    frame = pd.DataFrame({("عدد", "2023"): [1, 2], ("عدد", "2024"): [-3, 4],
                          ("نص", ""): ["=HYPERLINK(\"http://x\")", "@SUM(A1)"]},
                         index=pd.Index(["العراق", "سوريا"], name="البلد"))
    rows = pd.read_csv(io.BytesIO(table_csv(frame.to_html())), encoding="utf-8-sig", dtype=str,
                       keep_default_na=False, header=None).values.tolist()
    # one header row: the column group joined to each year, the index named over its column (the row of
    # index names pandas writes is not data)
    assert rows[0] == ["البلد", "عدد / 2023", "عدد / 2024", "نص"]
    assert rows[1] == ["العراق", "1", "-3", "'=HYPERLINK(\"http://x\")"]  # a number stays a number
    assert rows[2] == ["سوريا", "2", "4", "'@SUM(A1)"]
    assert len(rows) == 3


def test_the_folder_report_is_the_default_no_single_file(built):
    _, _, out = built
    assert not (out / "report.html").exists()


def test_a_new_build_removes_the_single_file_and_tables_of_the_last(tmp_path):
    from helpers.report import _prepare_output

    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "01-old--table-1.csv").write_text("x", encoding="utf-8")
    (tmp_path / "report.html").write_text("old", encoding="utf-8")
    _prepare_output(tmp_path)
    assert not (tmp_path / "report.html").exists() and list((tmp_path / "tables").iterdir()) == []


# ---- slide pack ----------------------------------------------------------------------------------

def test_every_published_chart_is_in_the_pack_as_png_svg_and_pdf(built):
    _, _, out = built
    entries = figures.read_figure_index(out / "figures")
    slides = [e for e in entries if e["kind"] == "matplotlib"]
    assert {e["notebook"] for e in slides} == {"01-corpus-overview", "02-drawdown-timeline"}
    for entry in slides:
        assert sorted(entry["files"]) == ["pdf", "png", "svg"]
        for name in entry["files"].values():
            assert (out / "figures" / name).stat().st_size > 1000


def test_plotly_charts_are_recorded_without_static_files(built):
    _, _, out = built
    interactive = [e for e in figures.read_figure_index(out / "figures") if e["kind"] == "plotly"]
    assert interactive and all(e["files"] == {} for e in interactive)


def test_pack_png_is_16_by_9_at_200_dpi(built):
    from PIL import Image

    _, _, out = built
    entry = next(e for e in figures.read_figure_index(out / "figures") if e["kind"] == "matplotlib")
    with Image.open(out / "figures" / entry["files"]["png"]) as image:
        width, height = image.size
        dpi = image.info.get("dpi", (0, 0))[0]
    assert abs(width / height - 16 / 9) < 0.01
    assert round(dpi) == 200 and width >= 2600


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_pack_pdf_embeds_its_fonts(built):
    _, _, out = built
    entry = next(e for e in figures.read_figure_index(out / "figures") if e["kind"] == "matplotlib")
    pdf = out / "figures" / entry["files"]["pdf"]
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)


def test_contact_sheet_and_index_thumbnails(built):
    _, _, out = built
    assert (out / "figures" / "contact-sheet.png").stat().st_size > 5000
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="figures/contact-sheet.png"' in index
    assert 'src="figures/01-corpus-overview--title-lengths.png"' in index


# ---- publish, in-process -------------------------------------------------------------------------

def test_publish_outside_the_report_only_returns_the_figure(monkeypatch, tmp_path):
    monkeypatch.delenv(figures.FIGURES_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    fig, _ = plt.subplots()
    assert publish(fig, "chart") is fig
    assert list(tmp_path.iterdir()) == []


def test_publish_saves_a_slide_copy_and_leaves_the_notebook_figure_as_it_was(monkeypatch, tmp_path):
    monkeypatch.setenv(figures.FIGURES_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(figures.NOTEBOOK_ENV, "02-drawdown-timeline")
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.plot([1, 2, 3])
    ax.set_title("عنوان")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x:g}"))  # does not pickle
    before = (fig.get_size_inches().tolist(), ax.get_position().bounds, ax.title.get_fontsize())
    publish(fig, "timeline", title="الجدول الزمني")
    assert (fig.get_size_inches().tolist(), ax.get_position().bounds, ax.title.get_fontsize()) == before
    assert fig.get_layout_engine() is None
    assert sorted(p.name for p in tmp_path.glob("02-drawdown-timeline--timeline.*")) == [
        "02-drawdown-timeline--timeline.pdf", "02-drawdown-timeline--timeline.png", "02-drawdown-timeline--timeline.svg"]
    index = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert index[0]["title"] == "الجدول الزمني" and index[0]["notebook"] == "02-drawdown-timeline"


def test_publishing_again_replaces_the_entry(monkeypatch, tmp_path):
    monkeypatch.setenv(figures.FIGURES_DIR_ENV, str(tmp_path))
    for title in ("first", "second"):
        fig, _ = plt.subplots()
        publish(fig, "chart", title=title)
    assert [e["title"] for e in figures.read_figure_index(tmp_path)] == ["second"]


def test_publish_detaches_from_pyplot_so_the_figure_shows_once(monkeypatch):
    monkeypatch.delenv(figures.FIGURES_DIR_ENV, raising=False)
    fig, _ = plt.subplots()
    publish(fig, "chart")
    assert fig.number not in plt.get_fignums()


def test_publish_records_plotly_figures_without_exporting_them(monkeypatch, tmp_path):
    monkeypatch.setenv(figures.FIGURES_DIR_ENV, str(tmp_path))
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    assert publish(fig, "bars") is fig
    assert figures.read_figure_index(tmp_path)[0]["files"] == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.json"]


@pytest.mark.parametrize("name", ["../escape", "with space", "", "عنوان"])
def test_publish_refuses_names_that_are_not_file_names(name):
    with pytest.raises(ValueError):
        publish(go.Figure(), name)


# ---- escaping helpers ----------------------------------------------------------------------------

def test_escape_hover_shows_tags_as_text():
    assert escape_hover("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape_hover("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert escape_hover("A & B") == "A &amp; B"


def test_escape_hover_breaks_javascript_links():
    escaped = escape_hover('<a href="JavaScript :alert(1)">x</a>')
    assert not re.search(r"(?i)javascript\s*:", escaped)
    assert "<a" not in escaped


def test_escape_hover_keeps_arabic_text_unchanged():
    assert escape_hover("انسحاب القوات الأميركية من العراق") == "انسحاب القوات الأميركية من العراق"


def test_safe_table_escapes_cells_and_headers_and_sets_auto_direction():
    df = pd.DataFrame({"<b>title</b>": [XSS_TITLE, "عنوان عربي"]})
    markup = safe_table(df)._repr_html_()
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert markup.count('<td dir="auto">') == 2 and '<th dir="auto">' in markup


def test_auto_direction_leaves_an_explicit_direction_alone():
    assert auto_direction('<p dir="ltr">x</p><p class="a">y</p><pre>z</pre>') == \
        '<p dir="ltr">x</p><p dir="auto" class="a">y</p><pre>z</pre>'


# ---- the suite's own notebooks -----------------------------------------------------------------

def test_notebooks_are_found_in_reading_order(tmp_path):
    for name in ("02-b.ipynb", "01-a.ipynb", "scratch.ipynb", "10-c.ipynb"):
        nbformat.write(nbformat.v4.new_notebook(), tmp_path / name)
    assert [p.name for p in find_notebooks(tmp_path)] == ["01-a.ipynb", "02-b.ipynb", "10-c.ipynb"]


def _published_names(notebook) -> set[str]:
    """The names a notebook publishes its charts under: ``publish(fig, "name", ...)`` in its code."""
    code = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")
    return set(re.findall(r"publish\(\w+, \"([^\"]+)\"", code))


def test_report_over_the_real_notebooks_runs_each_to_its_end_with_its_page_and_figures(tmp_path):
    out = tmp_path / "out"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = build_report(SEEDS, out, NOTEBOOKS)
    real = find_notebooks(NOTEBOOKS)
    assert len(real) >= 4
    for i, notebook in enumerate(real, 1):
        assert f"[{i}/{len(real)}] {notebook.name} ok" in stderr.getvalue(), stderr.getvalue()
    assert status == 0
    # what a notebook demonstrates stays on its page: 04's mathtext pitfall is not a warning in the terminal
    assert "does not have a glyph" not in stderr.getvalue()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "failed-notebook" not in index
    # the notebooks share one extraction of the corpus, kept with the report (helpers.views.extraction)
    assert len(list((out / "extraction").iterdir())) == 1
    figures_written = figures.read_figure_index(out / "figures")
    for notebook in real:
        assert f'href="{notebook.stem}.html"' in index
        page = (out / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "This notebook did not finish" not in page
        entries = [e for e in figures_written if e["notebook"] == notebook.stem]
        assert {e["name"] for e in entries} == _published_names(notebook), notebook.name
        for entry in entries:
            assert sorted(entry["files"]) == ([] if entry["kind"] == "plotly" else ["pdf", "png", "svg"])
            assert all((out / "figures" / name).stat().st_size > 1000 for name in entry["files"].values())


def test_safe_table_renders_at_most_max_rows_and_says_how_many_there_are():
    import pandas as pd

    from helpers.figures import safe_table

    markup = safe_table(pd.DataFrame({"sentence": [f"جملة {i}" for i in range(1000)]}), max_rows=50)._repr_html_()
    assert markup.count("<tr") == 51  # header + 50 rows
    assert "First 50 of 1,000 rows." in markup
    small = safe_table(pd.DataFrame({"sentence": ["جملة"]}))._repr_html_()
    assert "rows." not in small


# ---- a table shown cut downloads whole -------------------------------------------------------------

LONG_TABLE = '''\
import pandas as pd
from helpers.figures import safe_table
rows = pd.DataFrame({"n": range(1, 251), "sentence": [f"الجملة رقم {i}" for i in range(1, 251)]})
rows.loc[7, "sentence"] = "=HYPERLINK(\\"http://x\\")"
safe_table(rows)'''


def test_a_table_shown_cut_downloads_every_row_from_the_page_and_from_the_single_file(tmp_path):
    """The page shows the first 200 of 250 rows; an analyst clicking "CSV" expects the whole table."""
    import base64

    notebook = tmp_path / "notebooks" / "01-long.ipynb"
    notebook.parent.mkdir()
    parameters = nbformat.v4.new_code_cell('CORPUS = "seeds"', metadata={"tags": ["parameters"]})
    nbformat.write(nbformat.v4.new_notebook(cells=[parameters, nbformat.v4.new_code_cell(LONG_TABLE)], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}}), notebook)
    out = tmp_path / "out"
    with contextlib.redirect_stderr(io.StringIO()):
        assert build_report(make_corpus(tmp_path), out, notebook.parent, single_file=True) == 0
    page = (out / "01-long.html").read_text(encoding="utf-8")
    assert len(re.findall(r">الجملة رقم \d+</td>", page)) == 199 and "First 200 of 250 rows" in page  # row 8 is the formula
    expected = [str(n) for n in range(1, 251)]
    folder_csv = (out / "tables" / "01-long--table-1.csv").read_bytes()
    [uri] = re.findall(r'href="(data:text/csv[^"]+)"', (out / "report.html").read_text(encoding="utf-8"))
    single_csv = base64.b64decode(uri.partition(",")[2])
    for data in (folder_csv, single_csv):
        assert data.startswith(b"\xef\xbb\xbf")  # Excel still reads the Arabic as UTF-8
        frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(frame.columns) == ["n", "sentence"]
        assert frame["n"].tolist() == expected
        assert frame["sentence"][249] == "الجملة رقم 250"
        assert frame["sentence"][7] == "'=HYPERLINK(\"http://x\")"  # still no formula runs in a spreadsheet


def test_outside_a_report_build_a_cut_table_writes_nothing_and_its_output_stays_as_small(monkeypatch, tmp_path):
    """Committed notebooks are executed without the report: their outputs must not name or grow by files."""
    monkeypatch.delenv(figures.TABLES_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    markup = safe_table(pd.DataFrame({"n": range(250)}))._repr_html_()
    assert "data-full-csv" not in markup and markup.endswith("<p><em>First 200 of 250 rows.</em></p>")
    assert list(tmp_path.iterdir()) == []


def test_a_cut_tables_whole_csv_keeps_its_index_and_neutralises_formulas_in_every_kind_of_column(monkeypatch,
                                                                                                 tmp_path):
    monkeypatch.setenv(figures.TABLES_DIR_ENV, str(tmp_path))
    frame = pd.DataFrame({"kind": pd.Categorical(["=cmd", "خبر"] * 150), "share": [0.125, None] * 150,
                          "text": ["@SUM(A1)", "-2"] * 150}, index=pd.Index(["+x", "العراق"] * 150, name="=name"))
    markup = safe_table(frame, index=True)._repr_html_()
    [name] = re.findall(r'data-full-csv="([^"]+)"', markup)
    assert "First 200 of 300 rows. The CSV holds them all." in markup
    rows = pd.read_csv(tmp_path / name, encoding="utf-8-sig", dtype=str, keep_default_na=False, header=None)
    assert rows.values.tolist()[:3] == [["'=name", "kind", "share", "text"],
                                        ["'+x", "'=cmd", "0.125", "'@SUM(A1)"],
                                        ["العراق", "خبر", "", "-2"]]  # a number stays a number, missing is empty
    assert len(rows) == 301
    assert frame["kind"].iloc[0] == "=cmd"  # the notebook's own frame is left as it was


def test_in_the_single_file_a_whole_table_too_big_to_email_downloads_the_rows_shown_and_names_the_rest(
        monkeypatch, tmp_path):
    import base64

    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from helpers import report, report_tables

    executed = tmp_path / "executed"
    monkeypatch.setenv(figures.TABLES_DIR_ENV, str(executed / report.FULL_TABLES_DIR))
    table = safe_table(pd.DataFrame({"n": range(1, 251)}))._repr_html_()
    output = new_output("execute_result", data={"text/html": table, "text/plain": ""}, execution_count=1)
    nbformat.write(new_notebook(cells=[new_code_cell("safe_table(rows)", outputs=[output], execution_count=1)]),
                   executed / "01-long.ipynb")

    def single_file_csv_rows() -> tuple[int, str]:
        page = report._render_page(executed / "01-long.ipynb", "01-long")  # no tables folder: the single file
        [uri] = re.findall(r'href="(data:text/csv[^"]+)"', page)
        return len(_read_csv(io.BytesIO(base64.b64decode(uri.partition(",")[2])))), page

    rows, _ = single_file_csv_rows()
    assert rows == 250
    monkeypatch.setattr(report_tables, "SINGLE_FILE_CSV_LIMIT", 100)
    rows, page = single_file_csv_rows()
    assert rows == 200 and "CSV (rows shown)" in page
    assert "the whole table (0 MB) is tables/01-long--table-1.csv in the report folder" in page


def test_a_pivot_table_downloads_with_its_index_named_and_no_row_of_names():
    # pandas writes the columns' name over the index and a second header row holding only the index's name:
    # the CSV was headed «event» over the claimants, with a row «claimant,,» among the data
    import pandas as pd

    from helpers.report import table_csv

    said = pd.DataFrame({"claimant": ["بغداد", "واشنطن", "بغداد"], "event": ["انسحاب", "اتفاق", "اتفاق"],
                         "n": [1, 2, 3]})
    pivot = said.pivot_table(index="claimant", columns="event", values="n", aggfunc="count", fill_value=0)
    rows = table_csv(pivot.to_html()).decode("utf-8-sig").splitlines()
    assert rows == ["claimant,اتفاق,انسحاب", "بغداد,1,1", "واشنطن,1,0"]
    summed = said.groupby("claimant").agg({"n": ["sum", "max"]})
    rows = table_csv(summed.to_html()).decode("utf-8-sig").splitlines()
    assert rows == ["claimant,n / sum,n / max", "بغداد,4,3", "واشنطن,2,2"]


def test_the_single_file_inlines_whole_tables_only_up_to_one_budget_for_all_its_pages(monkeypatch, tmp_path):
    # each table under the per-table limit, but together over what one file to email should carry
    import base64

    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from helpers import report, report_tables

    executed = tmp_path / "executed"
    monkeypatch.setenv(figures.TABLES_DIR_ENV, str(executed / report.FULL_TABLES_DIR))
    for stem in ("01-a", "02-b"):
        table = safe_table(pd.DataFrame({"n": range(1, 251)}))._repr_html_()
        output = new_output("execute_result", data={"text/html": table, "text/plain": ""}, execution_count=1)
        nbformat.write(new_notebook(cells=[new_code_cell("safe_table(rows)", outputs=[output], execution_count=1)]),
                       executed / f"{stem}.ipynb")
    one_table = max(p.stat().st_size for p in (executed / report.FULL_TABLES_DIR).iterdir())
    monkeypatch.setattr(report_tables, "SINGLE_FILE_CSV_BUDGET", one_table + 10)
    budget = [report_tables.SINGLE_FILE_CSV_BUDGET]  # shared by the pages of one file, as _write_single_file does
    rows = []
    for stem in ("01-a", "02-b"):
        page = report._render_page(executed / f"{stem}.ipynb", stem, csv_budget=budget)
        [uri] = re.findall(r'href="(data:text/csv[^"]+)"', page)
        rows.append(len(_read_csv(io.BytesIO(base64.b64decode(uri.partition(",")[2])))))
    assert rows == [250, 200]  # the first whole, the second the rows shown (its whole CSV is in tables/)


# ---- kills and concurrent builds -------------------------------------------------------------------

def _linked_files(out) -> dict:
    """Every file of the report folder with its bytes (the extraction cache aside)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).parts[0].startswith((".", "extraction"))}


def test_a_report_killed_while_it_builds_leaves_the_last_report_whole(tmp_path):
    """Today a build first empties figures/, tables/ and the pages, then runs the notebooks: killed halfway
    (kill -9, a closed laptop, a CI timeout), the folder keeps the last index.html, linking pages and figures
    that are gone."""
    import os
    import signal
    import sys
    import textwrap

    corpus, notebooks, out = make_corpus(tmp_path), make_notebooks(tmp_path), tmp_path / "out"
    with contextlib.redirect_stderr(io.StringIO()):
        assert build_report(corpus, out, notebooks, single_file=True) == 0
    before = _linked_files(out)
    assert "index.html" in before and "report.html" in before and any(k.startswith("figures/") for k in before)
    script = textwrap.dedent(f"""
        from helpers.report import build_report
        build_report({str(corpus)!r}, {str(out)!r}, {str(notebooks)!r})
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    for line in child.stderr:  # killed once the first notebook has run: its page and figures are being made
        if line.startswith("[1/2]") and line.rstrip().endswith("s)"):
            os.killpg(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=300)
    assert child.returncode == -signal.SIGKILL
    assert _linked_files(out) == before


def test_a_second_report_into_a_folder_being_built_is_refused_not_interleaved(tmp_path, capsys):
    import fcntl

    from helpers.cli import main

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+") as held:  # a build running in another process
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        status = main(["report", str(SEEDS), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and status == 2 and f"is writing {out}" in err, err[-800:]
    assert [p.name for p in out.iterdir()] == [".lock"]


def test_every_file_of_the_report_reaches_the_disk_before_it_is_moved_in(tmp_path, disk_sync):
    """A page or figure renamed over the last report's before its bytes were on the disk can be an empty file
    after a power cut: every file the build moves into the output folder is synced first, the folder after."""
    out = tmp_path / "out"
    watch = disk_sync(out)
    with contextlib.redirect_stderr(io.StringIO()):
        assert build_report(make_corpus(tmp_path), out, [make_notebook(tmp_path / "nb" / "01-one.ipynb")]) == 0
    watch.assert_whole()
