"""The chart defects of issue 15 as a reader sees them: each chart opened in headless Chromium (offline,
plotly.js inlined) and measured.

- the timeline's hover box fits inside the plot (plotly shows "\\n" as a space: one 1,400 px line);
- the entity chart's legend covers none of the Arabic bar labels, and every label is drawn whole;
- inline code in Arabic notebook prose keeps its order (``rtl.ar()``, not ``()rtl.ar``) under the RTL CSS.

The tables are small and hand-written; no corpus text.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import charts, rtl

# A long sentence of my own (about 60 words): the hover must wrap it.
LONG_SENTENCE = " ".join(["أعلنت الحكومة في بيان رسمي أن القوات الأجنبية ستغادر القواعد العسكرية تدريجيا"] * 6)


@pytest.fixture
def page(browser):
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def open_figure(page, fig, tmp_path):
    """Write the plotly figure as an offline page (plotly.js inlined) and open it; returns the page."""
    rtl.setup()
    path = tmp_path / "chart.html"
    fig.write_html(path, include_plotlyjs=True, full_html=True)
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelector('.js-plotly-plot svg.main-svg') !== null", timeout=15_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def boxes_overlap(a: dict, b: dict) -> bool:
    return (a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"]
            and b["top"] < a["bottom"])


# ---------------------------------------------------------------- 1. the timeline hover wraps

def test_timeline_hover_box_fits_inside_the_plot(page, tmp_path):
    milestones = pd.DataFrame([{
        "article_id": "a1", "surface": "نهاية سبتمبر 2025", "start": pd.Timestamp("2025-09-30"),
        "end": pd.Timestamp("2025-09-30"), "subject": "التحالف", "kind": "deadline", "precision": "day",
        "paragraph": 1, "char_start": 0, "sentence": LONG_SENTENCE}])
    fig = charts.timeline_plotly(milestones, title="للاستكشاف")
    fig.update_layout(width=1100)
    open_figure(page, fig, tmp_path)
    page.evaluate("""() => { const gd = document.querySelector('.js-plotly-plot');
                            Plotly.Fx.hover(gd, [{curveNumber: 0, pointNumber: 0}]); }""")
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    sizes = page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        const box = document.querySelector('.hoverlayer .hovertext').getBoundingClientRect();
        return {hover: box.width, plot: gd._fullLayout._size.w,
                lines: document.querySelectorAll('.hoverlayer .hovertext text tspan.line').length};
    }""")
    assert sizes["hover"] <= sizes["plot"], sizes
    assert sizes["lines"] >= 6, sizes  # the sentence is wrapped over several lines


def test_timeline_hover_lines_of_arabic_read_right_to_left(page, tmp_path):
    # an Arabic sentence ending in a number and a full stop: right-to-left, the stop stands at the left end
    sentence = "قالت الحكومة إن القوات ستغادر بحلول نهاية عام 2025."  # one hover line
    milestones = pd.DataFrame([{
        "article_id": "a1", "surface": "نهاية عام 2025", "start": pd.Timestamp("2025-12-31"),
        "end": pd.Timestamp("2025-12-31"), "subject": "الحكومة", "kind": "deadline", "precision": "day",
        "paragraph": 1, "char_start": 0, "sentence": sentence}])
    open_figure(page, charts.timeline_plotly(milestones), tmp_path)
    page.evaluate("""() => Plotly.Fx.hover(document.querySelector('.js-plotly-plot'),
                                          [{curveNumber: 0, pointNumber: 0}])""")
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    ends = page.evaluate("""() => {
        const line = [...document.querySelectorAll('.hoverlayer .hovertext tspan.line')]
            .find(t => t.textContent.includes('قالت'));
        const text = line.textContent, first = text.indexOf('قالت'), stop = text.lastIndexOf('.');
        const box = i => { const r = document.createRange(); r.setStart(line.firstChild, i);
                           r.setEnd(line.firstChild, i + 1); return r.getBoundingClientRect(); };
        return {first_word: box(first).left, stop: box(stop).left};
    }""")
    assert ends["stop"] < ends["first_word"], ends  # the sentence starts at the right, its stop at the left


# ---------------------------------------------------------------- 2. the entity legend covers no label

def entity_mentions() -> pd.DataFrame:
    names = [("iraq", "العراق", "Iraq", 9, 2), ("united_states", "الولايات المتحدة", "United States", 7, 3),
             ("global_coalition", "التحالف الدولي", "Global Coalition", 6, 0), ("syria", "سوريا", "Syria", 4, 1),
             ("iran", "إيران", "Iran", 3, 1), ("turkey", "تركيا", "Turkey", 2, 0)]
    rows = []
    for entity_id, name_ar, name_en, n_names, n_adjectives in names:
        for form, n in (("name", n_names), ("adjective", n_adjectives)):
            rows += [{"article_id": "a1", "entity_id": entity_id, "name_ar": name_ar, "name_en": name_en,
                      "form": form, "type": "GPE", "paragraph": 1}] * n
    return pd.DataFrame(rows)


def test_entity_legend_covers_no_bar_label_and_every_label_is_drawn_whole(page, tmp_path):
    fig = charts.entity_frequency_plotly(entity_mentions())
    fig.update_layout(width=1000)
    open_figure(page, fig, tmp_path)
    found = page.evaluate("""() => {
        const rect = el => { const r = el.getBoundingClientRect();
                             return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        const svg = rect(document.querySelector('.js-plotly-plot svg.main-svg'));
        const legend = rect(document.querySelector('.legend .bg'));
        const labels = [...document.querySelectorAll('.yaxislayer-above .ytick text')].map(
            t => ({text: t.textContent, box: rect(t), length: t.getComputedTextLength()}));
        return {svg, legend, labels};
    }""")
    assert len(found["labels"]) == 6
    for label in found["labels"]:
        assert not boxes_overlap(label["box"], found["legend"]), (label, found["legend"])
        box, svg = label["box"], found["svg"]
        assert svg["left"] <= box["left"] and box["right"] <= svg["right"], (label, svg)  # not cut at the edge


def test_entity_labels_read_right_to_left_arabic_name_first(page, tmp_path):
    # «العراق · Iraq» is an Arabic label: the Arabic name stands at the right, where the reader starts
    fig = charts.entity_frequency_plotly(entity_mentions())
    fig.update_layout(width=1000)
    open_figure(page, fig, tmp_path)
    sides = page.evaluate("""() => [...document.querySelectorAll('.yaxislayer-above .ytick text')].map(t => {
        const text = t.textContent, arabic = text.search(/[\u0600-\u06FF]/), latin = text.search(/[A-Za-z]/);
        return {text, arabic: t.getExtentOfChar(arabic).x, latin: t.getExtentOfChar(latin).x};
    })""")
    assert len(sides) == 6
    for label in sides:
        assert label["arabic"] > label["latin"], label


# ---------------------------------------------------------------- 3. inline code in Arabic prose

def markdown_page(page, css: str, markdown_text: str):
    """Render markdown as JupyterLab does (a rendered-markdown block) with the given stylesheet."""
    from nbconvert.filters.markdown import markdown2html

    body = markdown2html(markdown_text)
    page.set_content(f"""<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>
        <body><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">{body}</div></body></html>""")
    return page


def code_order_on_screen(page) -> list[str]:
    """The characters of the first <code> span as they stand on screen, left to right."""
    return page.evaluate("""() => {
        const node = document.querySelector('code').firstChild;
        const chars = [];
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 1);
            chars.push([range.getBoundingClientRect().left, node.data[i]]);
        }
        return chars.sort((a, b) => a[0] - b[0]).map(c => c[1]);
    }""")


@pytest.mark.parametrize("code", ["rtl.ar()", "000_4ae1", "setup_notebook()"])
def test_inline_code_in_arabic_prose_keeps_its_order(page, code):
    markdown_page(page, rtl.jupyterlab_css(), f"يحوّل `{code}` النص العربي قبل رسمه")
    assert "".join(code_order_on_screen(page)) == code
    # and the paragraph still reads right-to-left: its first word stands to the right of the code
    assert page.evaluate("""() => { const p = document.querySelector('p'), range = document.createRange();
        range.setStart(p.firstChild, 0); range.setEnd(p.firstChild, 1);
        return range.getBoundingClientRect().left > document.querySelector('code').getBoundingClientRect().right;
    }""")


def test_the_check_sees_the_reordering_without_the_code_rule(page):
    # the stylesheet as it was before the code rule: the brackets move to the left end, where (mirrored in
    # the right-to-left run) they read "()rtl.ar"
    css = rtl.jupyterlab_css().split("/* Inline code")[0]
    assert css != rtl.jupyterlab_css()
    markdown_page(page, css, "يحوّل `rtl.ar()` النص العربي قبل رسمه")
    assert "".join(code_order_on_screen(page)) == ")(rtl.ar"
