"""The shared report, opened in headless Chromium with the network cut: it reads and works offline.

One report is built (module fixture) from fixture notebooks on a copy of the seed corpus plus
an article carrying XSS payloads. The checks are plain functions so the last tests can run
them on pages built without the RTL template or with an unescaped table and show they fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from fixtures.report_fixtures import (
    XSS_IMG,
    XSS_SCRIPT,
    XSS_TITLE,
    make_corpus,
    seed_title,
)

from helpers.paths import BUILD
from helpers.report import build_report, export_html

SCREENSHOTS = BUILD / "screenshots"
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z]")



@pytest.fixture(scope="module")
def report(tmp_path_factory, browser) -> Path:
    root = tmp_path_factory.mktemp("browser-report")
    out = root / "out"
    assert build_report(make_corpus(root), out) == 0  # the suite's own notebooks
    return out


@dataclass
class Visit:
    """A page opened offline, with everything it tried to do that a safe page must not."""

    page: object
    console_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    blocked_requests: list = field(default_factory=list)


@pytest.fixture
def visit(browser):
    contexts = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)
        page.on("console", lambda msg: msg.type == "error" and seen.console_errors.append(msg.text))
        page.on("pageerror", lambda err: seen.console_errors.append(str(err)))
        page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))

        def only_local(route):
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                seen.blocked_requests.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_function(
            "[...document.querySelectorAll('.report-plotly')].every(d => d.querySelector('svg.main-svg'))",
            timeout=15_000)
        return seen

    yield open_page
    for context in contexts:
        context.close()


def _page(report: Path, prefix: str) -> Path:
    return next(report.glob(f"{prefix}-*.html"))


# ---- the checks ---------------------------------------------------------------------------------

def assert_works_offline(seen: Visit) -> None:
    assert seen.console_errors == []
    assert seen.blocked_requests == [], "the page tried to load something from the network"


def assert_plotly_charts_drew(page) -> int:
    charts = page.evaluate("""[...document.querySelectorAll('.js-plotly-plot')].map(c => ({
        svg: c.querySelectorAll('svg.main-svg').length,
        marks: c.querySelectorAll('.trace, .point').length}))""")
    assert charts, "no plotly chart on the page"
    for chart in charts:
        assert chart["svg"] > 0 and chart["marks"] > 0, chart
    return len(charts)


def _first_strong_is_arabic(text: str) -> bool | None:
    for char in text:
        if ARABIC_LETTER.match(char):
            return True
        if LATIN_LETTER.match(char):
            return False
    return None


def assert_text_direction(page) -> None:
    """Arabic headings, paragraphs and list items run right-to-left, English ones left-to-right."""
    blocks = page.evaluate("""[...document.querySelectorAll(
        '.jp-RenderedMarkdown :is(h1,h2,h3,h4,p,li), .jp-RenderedHTML :is(td,th)')].map(el => ({
        tag: el.tagName, text: el.textContent.trim(), direction: getComputedStyle(el).direction,
        align: getComputedStyle(el).textAlign}))""")
    checked = {True: 0, False: 0}
    for block in blocks:
        arabic = _first_strong_is_arabic(block["text"])
        if arabic is None:
            continue
        checked[arabic] += 1
        assert block["direction"] == ("rtl" if arabic else "ltr"), block
        if block["tag"] in ("H1", "H2", "H3", "H4", "P", "LI"):
            assert block["align"] in ("start", "right" if arabic else "left"), block
    assert checked[True] >= 3 and checked[False] >= 2, checked


def assert_arabic_in_logical_order(page) -> None:
    """The DOM holds the corpus text as written: no presentation forms, the seed title verbatim."""
    text = page.evaluate("document.body.innerText")
    assert not PRESENTATION_FORMS.search(text)
    assert seed_title() in text


def assert_xss_inert(seen: Visit, shown: bool = True) -> None:
    """Payloads from article text never ran and never became elements; where ``shown``, they show as text."""
    page = seen.page
    assert seen.dialogs == [], "an injected script ran"
    injected = page.evaluate("""({
        img: document.querySelectorAll('img[src="x"], [onerror]').length,
        script: [...document.scripts].filter(s => s.textContent.trim() === 'alert(1)').length,
        link: document.querySelectorAll('a[href^="javascript:" i]').length})""")
    assert injected == {"img": 0, "script": 0, "link": 0}
    if shown:
        text = page.evaluate("document.body.innerText")
        assert XSS_SCRIPT in text and XSS_IMG in text


# ---- the report ---------------------------------------------------------------------------------

def test_every_page_works_offline_without_console_errors(report, visit):
    for page in sorted(report.glob("*.html")):
        assert_works_offline(visit(page))


def _plotly_outputs(prefix: str) -> int:
    """How many interactive charts the committed notebook shows: each must be drawn on its page."""
    from helpers.paths import NOTEBOOKS

    notebook = nbformat.read(next(NOTEBOOKS.glob(f"{prefix}-*.ipynb")), as_version=4)
    return sum("application/vnd.plotly.v1+json" in output.get("data", {})
               for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", []))


def test_interactive_charts_draw_without_network(report, visit):
    for prefix in ("02", "03"):
        expected = _plotly_outputs(prefix)
        assert expected >= 1
        assert assert_plotly_charts_drew(visit(_page(report, prefix)).page) == expected


def test_plotly_js_is_loaded_once_from_the_report_folder(report):
    for page in report.glob("[0-9][0-9]-*.html"):
        markup = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]*)\"", markup)
        # pages with interactive charts load the local copy once; pages without load nothing
        has_charts = 'class="report-plotly"' in markup
        assert scripts == (["plotly.min.js"] if has_charts else []), page.name


def test_arabic_blocks_run_right_to_left_and_english_left_to_right(report, visit):
    assert_text_direction(visit(_page(report, "02")).page)


def test_index_titles_and_summaries_take_their_own_direction(report, visit):
    page = visit(report / "index.html").page
    directions = page.evaluate("[...document.querySelectorAll('section h2, section p')].map(el => "
                               "[el.textContent.trim(), getComputedStyle(el).direction])")
    arabic = [d for text, d in directions if _first_strong_is_arabic(text)]
    assert arabic and set(arabic) == {"rtl"}


def test_arabic_text_stays_in_logical_order(report, visit):
    assert_arabic_in_logical_order(visit(_page(report, "01")).page)


def test_pages_use_the_shipped_arabic_font(report, visit):
    page = visit(_page(report, "02")).page
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("IBM Plex Sans Arabic" in family for family in loaded)


def test_article_text_with_script_tags_shows_as_text_and_never_runs(report, visit):
    # 01 shows titles and 03 the sentences behind a count; 02 shows corpus sentences only in hover
    for prefix, shown in (("01", True), ("02", False), ("03", True)):
        assert_xss_inert(visit(_page(report, prefix)), shown=shown)


def test_hover_shows_article_markup_as_text(report, visit):
    page = visit(_page(report, "02")).page
    points = page.locator(".js-plotly-plot .point")
    hovers = []
    for i in range(points.count()):
        points.nth(i).hover(force=True)
        page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
        hovers.append(page.evaluate("document.querySelector('.hoverlayer').textContent"))
        assert page.evaluate("document.querySelectorAll('.hoverlayer a, .hoverlayer img').length") == 0
    assert any("<script>alert(1)</script>" in hover for hover in hovers), hovers


def assert_chart_is_drawn_in_view(page, shot: Path) -> None:
    """The page fits the window (no sideways scrolling) and each chart's box in the screenshot holds a
    drawing: many colours (bars, lines, text in anti-aliasing), not a blank or single-colour area."""
    from PIL import Image

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    boxes = page.evaluate("""[...document.querySelectorAll('.js-plotly-plot')].map(c => {
        const r = c.getBoundingClientRect();
        return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; })""")
    assert boxes, "no chart on the page"
    with Image.open(shot) as image:
        for left, top, width, height in boxes:
            assert width >= 400 and height >= 200, (width, height)
            crop = image.convert("RGB").crop((int(left), int(top), int(left + width), int(top + height)))
            assert len(crop.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50, "the chart area is blank"


def test_screenshots_of_index_and_timeline_show_the_chart_in_view(report, visit):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in (("index", report / "index.html"), ("02-drawdown-timeline", _page(report, "02"))):
        shot = SCREENSHOTS / f"{name}.png"
        page = visit(path).page
        page.screenshot(path=str(shot), full_page=True)
        if name != "index":
            assert_chart_is_drawn_in_view(page, shot)


# ---- the checks catch what they are for ---------------------------------------------------------

def test_without_the_rtl_template_the_direction_check_fails(report, visit):
    page = export_html(report / "executed" / "02-drawdown-timeline.ipynb",
                       report / "check-no-rtl.html", rtl=False)
    with pytest.raises(AssertionError):
        assert_text_direction(visit(page).page)


def test_an_unescaped_styler_table_fails_the_xss_check(report, visit, tmp_path):
    nb = nbformat.read(report / "executed" / "02-drawdown-timeline.ipynb", as_version=4)
    unsafe = pd.DataFrame({"title": [seed_title(), XSS_TITLE]}).style.to_html()  # Styler: no escaping
    table_output = next(out for cell in nb.cells for out in cell.get("outputs", [])
                        if "text/html" in out.get("data", {}) and "<table" in out["data"]["text/html"])
    table_output["data"]["text/html"] = unsafe
    page = export_html(nb, report / "check-unescaped.html")
    with pytest.raises(AssertionError):
        assert_xss_inert(visit(page))

