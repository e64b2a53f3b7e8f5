"""The report as an analyst's reader gets it, in headless Chromium with the network cut: on a phone
(390 px wide), its tables as CSV, and the single file (``report --single-file``) opened alone.

One report (module fixture) is built from the two small fixture notebooks (tests/fixtures), whose
table holds article ids, dates and the Arabic titles (last column), with ``single_file=True``.
"""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from fixtures.report_fixtures import make_corpus, make_notebooks

from helpers.figures import safe_table
from helpers.report import build_report, export_html

PHONE = {"width": 390, "height": 844}
PLOTLY_DREW = "[...document.querySelectorAll('.report-plotly')].every(d => d.querySelector('svg.main-svg'))"


@pytest.fixture(scope="module")
def report(tmp_path_factory, browser) -> Path:
    root = tmp_path_factory.mktemp("phone-report")
    out = root / "out"
    assert build_report(make_corpus(root), out, make_notebooks(root), single_file=True) == 0
    return out


@pytest.fixture
def open_offline(browser):
    """Open a page with the network cut; returns (page, requests that failed or left the page's file)."""
    contexts = []

    def open_page(path: Path, viewport: dict):
        context = browser.new_context(offline=True, viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        problems = []
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
        page.on("pageerror", lambda err: problems.append(f"error: {err}"))

        def only_local(route):
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                problems.append(f"network: {route.request.url}")
                route.abort()

        page.route("**/*", only_local)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_function(PLOTLY_DREW, timeout=15_000)
        return page, problems

    yield open_page
    for context in contexts:
        context.close()


def _pages(report: Path) -> list[Path]:
    return [report / "index.html", *sorted(report.glob("[0-9][0-9]-*.html")), report / "report.html"]


# ---- a phone, 390 px wide ----------------------------------------------------------------------

def test_on_a_phone_no_page_scrolls_sideways_and_images_fit(report, open_offline):
    for path in _pages(report):
        page, _ = open_offline(path, PHONE)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path.name
        images = page.evaluate("""[...document.images].map(i => ({src: i.src.slice(0, 40),
            width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height,
            natural: i.naturalWidth / i.naturalHeight}))""")
        for image in images:
            assert image["width"] <= PHONE["width"], (path.name, image)
            # scaled, not squeezed: the shape is the picture's own
            assert image["width"] / image["height"] == pytest.approx(image["natural"], rel=0.03), (path.name, image)


def arabic_column_headers(page) -> list[dict]:
    """For each table, the header of its first column whose cells hold Arabic, with its box on screen."""
    return page.evaluate("""[...document.querySelectorAll('table')].map(table => {
        const header = [...table.querySelectorAll('thead tr:first-child th')];
        const rows = [...table.querySelectorAll('tbody tr')];
        const column = header.findIndex((th, i) => rows.some(
            tr => /[\\u0600-\\u06ff]/.test(tr.children[i] ? tr.children[i].textContent : '')));
        if (column < 0) return null;
        const box = header[column].getBoundingClientRect();
        return {text: header[column].textContent.trim(), left: box.left, right: box.right,
                tableWidth: table.getBoundingClientRect().width};
    }).filter(h => h)""")


def test_on_a_phone_tables_scroll_in_their_own_box_and_open_on_the_arabic_column(report, open_offline):
    for path in _pages(report)[1:]:
        page, _ = open_offline(path, PHONE)
        # the page's script has aligned the table boxes (a page without them has nothing to wait for)
        page.wait_for_function("document.documentElement.dataset.reportTables === 'open' || "
                               "!document.querySelector('.report-table')", timeout=5_000)
        headers = arabic_column_headers(page)
        assert headers, path.name
        # the fixture table is wider than the phone: without its own box it would push the page sideways
        assert any(h["tableWidth"] > PHONE["width"] - 40 for h in headers), headers
        for header in headers:
            assert 0 <= header["left"] and header["right"] <= PHONE["width"], (path.name, header)
        boxes = page.evaluate("""[...document.querySelectorAll('table')].map(t => t.parentElement).map(box => ({
            direction: getComputedStyle(box).direction, overflow: getComputedStyle(box).overflowX,
            scrolls: box.scrollWidth > box.clientWidth}))""")
        # each table scrolls in a box of its own, which starts at its right end
        assert all(b["direction"] == "rtl" and b["overflow"] == "auto" for b in boxes), (path.name, boxes)
        assert any(b["scrolls"] for b in boxes), (path.name, boxes)


def test_on_a_phone_a_wide_table_opens_on_its_arabic_column_wherever_it_is(open_offline, tmp_path):
    """As in 01's articles table: ids first, the Arabic title second, then many columns to the right."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    frame = pd.DataFrame({"article_id": ["000_4ae327929c11d180", "001_5bf438a30d22e291"],
                          "title": ["انسحاب قوات التحالف من العراق", "نهاية مهمة التحالف في سبتمبر"],
                          "published": ["2024-09-28", "2024-10-01"], "source": ["example.org", "example.net"],
                          "n_paragraphs": [12, 9], "n_words": [640, 415], "encoding": ["utf-8", "cp1256"],
                          "duplicate_of": ["", ""]})
    output = new_output("execute_result", data={"text/html": safe_table(frame)._repr_html_(), "text/plain": ""},
                        execution_count=1)
    notebook = new_notebook(cells=[new_code_cell("safe_table(frame)", outputs=[output], execution_count=1)])
    page, _ = open_offline(export_html(notebook, tmp_path / "01-wide.html"), PHONE)
    page.wait_for_function("document.documentElement.dataset.reportTables === 'open'", timeout=5_000)
    [header] = arabic_column_headers(page)
    assert header["text"] == "title" and header["tableWidth"] > PHONE["width"]
    assert 0 <= header["left"] and header["right"] <= PHONE["width"], header


# ---- tables as CSV -------------------------------------------------------------------------------

def _html_tables(page) -> list[dict]:
    """Each table as the browser shows it (every row's cell texts) with its CSV link."""
    return page.evaluate("""[...document.querySelectorAll('table')].map(table => {
        const box = table.closest('.report-table');
        const link = box && box.previousElementSibling && box.previousElementSibling.querySelector('a.report-csv');
        return {href: link ? link.getAttribute('href') : null, download: link ? link.getAttribute('download') : null,
                rows: [...table.querySelectorAll('tr')].map(tr => [...tr.children].map(c => c.textContent))};
    })""")


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would show the Arabic garbled"
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return [list(frame.columns), *frame.values.tolist()]


def test_every_table_links_a_csv_beside_the_page_with_the_rows_shown(report, open_offline):
    checked = 0
    for path in _pages(report)[1:-1]:
        page, _ = open_offline(path, {"width": 1280, "height": 900})
        tables = _html_tables(page)
        assert tables, path.name
        for table in tables:
            assert table["href"] and not table["href"].startswith("data:"), table["href"]
            csv = path.parent / unquote(table["href"])
            assert csv.parent == path.parent / "tables" and csv.exists(), csv
            assert _csv_rows(csv.read_bytes()) == table["rows"]
            assert table["download"] == csv.name
            checked += 1
    assert checked >= 2


# ---- the single file, alone and offline --------------------------------------------------------

def _data_uri_bytes(uri: str) -> bytes:
    header, _, payload = uri.partition(",")
    assert header.startswith("data:text/csv") and header.endswith(";base64"), header
    return base64.b64decode(payload)


def test_the_single_file_works_alone_offline(report, open_offline, tmp_path):
    alone = tmp_path / "mailbox" / "report.html"
    alone.parent.mkdir()
    shutil.copy2(report / "report.html", alone)
    assert [p.name for p in alone.parent.iterdir()] == ["report.html"]
    page, problems = open_offline(alone, {"width": 1280, "height": 900})
    assert problems == []
    charts = page.evaluate("[...document.querySelectorAll('.report-plotly')].map(d => "
                           "d.querySelectorAll('svg.main-svg').length)")
    assert len(charts) == 2 and all(charts), charts  # one chart from each notebook, each drawn
    assert page.evaluate("document.fonts.check('16px \"IBM Plex Sans Arabic\"')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("IBM Plex Sans Arabic" in family for family in loaded), loaded
    images = page.evaluate("[...document.images].map(i => [i.src.slice(0, 5), i.complete && i.naturalWidth > 0])")
    assert images and all(image == ["data:", True] for image in images), images
    tables = _html_tables(page)
    assert len(tables) == 2
    for table in tables:
        assert _csv_rows(_data_uri_bytes(table["href"])) == table["rows"]
    outside = page.evaluate("""[...document.querySelectorAll('[src], link[href], script[src], iframe')]
        .map(e => e.getAttribute('src') || e.getAttribute('href') || '').filter(u => !/^(data:|#)/.test(u))""")
    assert outside == [], "the single file points at files that would not travel with it"
    # each page's "Report index" link leads to the contents at the top of the same file
    assert page.evaluate("[...document.querySelectorAll('.report-nav a')].every(a => "
                         "a.getAttribute('href').startsWith('#') && document.querySelector(a.getAttribute('href')))")
    contents = page.evaluate("[...document.querySelectorAll('.report-contents li a')].map(a => a.getAttribute('href'))")
    assert contents == ["#01-corpus-overview", "#02-drawdown-timeline"]



# ---- plotly charts fit the screen ----------------------------------------------------------------

def test_on_a_phone_a_plotly_chart_of_fixed_width_fits_the_screen(open_offline, tmp_path):
    """As 04's bar chart (``width=650``): on a phone it was cut off at the output box's edge."""
    import plotly.graph_objects as go
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from plotly.offline import get_plotlyjs

    from helpers.report import PLOTLY_JS, PLOTLY_MIME

    fig = go.Figure(go.Bar(x=["الجزيرة", "العربية", "سكاي نيوز عربية", "فرانس 24"], y=[42, 35, 18, 12]))
    fig.update_layout(title="تغطية الحرب حسب الوسيلة", width=650, height=350)
    output = new_output("execute_result", data={PLOTLY_MIME: fig.to_plotly_json(), "text/plain": ""},
                        execution_count=1)
    notebook = new_notebook(cells=[new_code_cell("fig", outputs=[output], execution_count=1)])
    (tmp_path / PLOTLY_JS).write_text(get_plotlyjs(), encoding="utf-8")
    path = export_html(notebook, tmp_path / "04-charts.html")

    def chart_widths(viewport: dict) -> list[float]:
        page, _ = open_offline(path, viewport)
        page.wait_for_timeout(300)  # plotly redraws on resize after a short delay
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        return page.evaluate("[...document.querySelectorAll('.js-plotly-plot svg.main-svg')]"
                             ".map(svg => svg.getBoundingClientRect().right - svg.getBoundingClientRect().left)")

    phone = chart_widths(PHONE)
    assert phone and all(0 < width <= PHONE["width"] for width in phone), phone
    # on a wide screen the chart keeps the width its notebook gave it
    assert all(width == pytest.approx(650, abs=1) for width in chart_widths({"width": 1280, "height": 900}))
