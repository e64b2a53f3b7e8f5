"""Arabic chart labels, checked glyph by glyph against HarfBuzz + the bidi algorithm.

The same tests run on matplotlib 3.11 (which shapes) and, through `nox -s rtl_old_matplotlib`, on 3.10
(which does not): ar() must make the drawing right on both. Where the two differ, the expectation is
picked from the feature test, checked against the version in the first test.
"""

from __future__ import annotations

import warnings

import arabic_reshaper
import bidi
import matplotlib
import matplotlib.pyplot as plt
import pytest
from rtl_oracle import drawn_text, drawn_texts, expected_text, mismatch

from helpers import rtl

MATPLOTLIB_SHAPES = tuple(int(part) for part in matplotlib.__version__.split(".")[:2]) >= (3, 11)

LABELS = {
    "pure_arabic": "الأخبار العاجلة",
    "harakat": "مَرْحَبًا بِكُمْ",
    "lam_alef": "لا سلام بلا أمن",
    "arabic_then_latin": "شبكة ABC",
    "month_and_year": "سبتمبر 2025",
    "latin_first": "Q3 مبيعات",
    "brackets": "الحرب (غزة)",
    "arabic_indic_digits": "نسبة ٣٫٥٪ في ٢٠٢٥",
    "dollar_signs": "السعر $5 و $6",
    "multi_line": "عنوان رئيسي\nQ3 مبيعات",
}


@pytest.fixture(autouse=True)
def arabic_charts():
    rtl.setup()
    yield
    plt.close("all")


def shapes() -> bool:
    return rtl.renderer_shapes()


def draw(label: str):
    fig = plt.figure(figsize=(5, 1.5))
    fig.text(0.05, 0.5, label)
    return drawn_text(fig, label)


def reference(label: str):
    """What the label must look like: its logical text, each RTL line laid out right-to-left."""
    return expected_text(rtl.isolate(label))


def test_feature_test_finds_shaping_exactly_from_matplotlib_3_11():
    assert rtl.renderer_shapes() is MATPLOTLIB_SHAPES


def test_feature_test_is_cached_per_backend_name():
    rtl.renderer_shapes("agg")
    hits = rtl._renderer_shapes.cache_info().hits
    assert rtl.renderer_shapes("agg") is MATPLOTLIB_SHAPES
    assert rtl._renderer_shapes.cache_info().hits == hits + 1


def test_svg_backend_shapes_like_agg():
    assert rtl.renderer_shapes("svg") is rtl.renderer_shapes("agg")


@pytest.mark.parametrize("label", LABELS.values(), ids=LABELS.keys())
def test_label_through_ar_draws_like_harfbuzz(label):
    problem = mismatch(draw(rtl.ar(label)), reference(label), positions=shapes())
    assert problem is None, problem


@pytest.mark.parametrize("label", LABELS.values(), ids=LABELS.keys())
def test_the_wrong_recipe_for_this_renderer_fails_the_oracle(label):
    # On a shaping renderer the wrong recipe is the classic reshape+get_display (processed twice);
    # on a plain one it is handing over the logical text untouched.
    if shapes():
        wrong = bidi.get_display(arabic_reshaper.reshape(label))
    else:
        wrong = label
    if matplotlib.rcParams["text.parse_math"]:  # off after rtl.setup(); escaped only where mathtext is on
        wrong = wrong.replace("$", r"\$")
    assert mismatch(draw(wrong), reference(label), positions=shapes()) is not None


def test_classic_recipe_is_right_only_where_matplotlib_does_not_shape():
    label = LABELS["pure_arabic"]
    classic = bidi.get_display(arabic_reshaper.reshape(label))
    problem = mismatch(draw(classic), reference(label), positions=shapes())
    if shapes():
        assert problem is not None  # matplotlib 3.11 reverses and disconnects it again
    else:
        assert problem is None


def test_latin_first_label_is_laid_out_left_to_right_without_ar():
    label = LABELS["latin_first"]
    assert mismatch(draw(label), reference(label), positions=shapes()) is not None


def test_multi_line_label_gets_its_direction_line_by_line():
    label = LABELS["multi_line"]
    if shapes():
        assert rtl.ar(label) == f"{rtl.RLI}عنوان رئيسي{rtl.PDI}\n{rtl.RLI}Q3 مبيعات{rtl.PDI}"
    else:
        assert rtl.ar(label).count("\n") == 1


# ---- an id or a piece of code inside an Arabic label keeps its order (issue 15)

def _ink_outlines_left_to_right(line) -> list:
    from rtl_oracle import _outline_key

    return [_outline_key(g) for g in sorted(line, key=lambda g: g.x)]


def _ltr_outlines(run: str, weight: int = 400) -> list:
    """HarfBuzz's glyphs of ``run`` laid out alone, left to right (as outline names: digit variants alike)."""
    import uharfbuzz as hb
    from rtl_oracle import Glyph, _has_ink, _hb_font, _outline_key, postscript_name

    font_file = rtl.font_path(weight)
    font, buffer = _hb_font(font_file), hb.Buffer()
    buffer.add_str(run)
    buffer.direction = "ltr"
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    name = postscript_name(font_file)
    return [_outline_key(Glyph(name, info.codepoint, 0, 0)) for info in buffer.glyph_infos
            if _has_ink(font, info.codepoint)]


def _contains_run(glyphs: list, run: list) -> bool:
    return any(glyphs[i:i + len(run)] == run for i in range(len(glyphs) - len(run) + 1))


def test_an_article_id_in_an_arabic_chart_title_is_drawn_in_its_own_order():
    # a chart title naming an article: «000_4ae1» was drawn «4ae1_000» (the heatmap of one article's paragraphs)
    title = "الإشارات في فقرات الخبر 000_4ae12"
    fig = plt.figure(figsize=(6, 2))
    rtl.title(fig.add_subplot(), title)
    drawn = drawn_text(fig, rtl.ar(title))
    glyphs = _ink_outlines_left_to_right(drawn.lines[0])
    assert _contains_run(glyphs, _ltr_outlines("000_4ae12", weight=700)), glyphs
    assert glyphs[:len(_ltr_outlines("000_4ae12", 700))] == _ltr_outlines("000_4ae12", 700)  # at the left end
    # the whole title against the oracle, as outlines: raqm gives the digits before the letters the script of
    # the Arabic before them (the font's Arabic-locale digit glyphs), the oracle one script per run
    assert mismatch(drawn, expected_text(rtl.isolate(title), rtl.font_path(700)), positions=False) is None


@pytest.mark.parametrize(("label", "run"), [
    ("يحوّل rtl.ar() النص قبل رسمه", "rtl.ar()"),
    ("ملف setup_notebook في الدفتر", "setup_notebook"),
    ("موعد الانسحاب 2025-09-30 كما أعلن", "2025-09-30"),
    ("رقم الخبر a_b-3 (الفقرة 2)", "a_b-3"),
])
def test_code_ids_and_dates_in_an_arabic_label_keep_their_order(label, run):
    glyphs = _ink_outlines_left_to_right(draw(rtl.ar(label)).lines[0])
    assert _contains_run(glyphs, _ltr_outlines(run)), (label, glyphs)
    assert mismatch(draw(rtl.ar(label)), reference(label), positions=shapes()) is None


def test_for_a_renderer_that_does_not_shape_ids_stay_whole_and_no_mark_is_drawn():
    # matplotlib < 3.11 gets the visual string from python-bidi's pure-Python algorithm, which has no isolates
    # (an LRI around an English name stopped it with an AssertionError) and would leave the marks to be drawn
    shown = rtl.text._reorder_for_plain_renderer("الإشارات في فقرات المقال 000_4ae12", "auto")
    assert shown.startswith("000_4ae12 ") and rtl.LRM not in shown
    named = rtl.text._reorder_for_plain_renderer("العراق · \u2066United States\u2069", "auto")
    assert named.startswith("United States ") and not set(named) & {rtl.LRM, "\u2066", "\u2069"}


def test_lam_meem_is_drawn_as_harfbuzz_draws_it():
    # for a renderer that does not shape, arabic_reshaper joined lam+meem into U+FCCC, a glyph the font has but
    # its shaping never forms; ar() now forms only the font's own ligatures (more words: test_rtl_ligatures.py)
    label = "المقال"
    assert mismatch(draw(rtl.ar(label)), reference(label), positions=shapes()) is None


def test_only_runs_the_bidi_algorithm_breaks_are_fenced():
    assert rtl.keep_ltr_runs("المقال 000_4ae1.") == f"المقال {rtl.LRM}000_4ae1{rtl.LRM}."  # the full stop stays out
    assert rtl.keep_ltr_runs("(انظر a_b)") == f"(انظر {rtl.LRM}a_b{rtl.LRM})"  # the sentence's bracket too
    for plain in ("Q3 مبيعات", "سبتمبر 2025", "نسبة 3.5 عند 10:30", "شبكة ABC", "BBC News عربي"):
        assert rtl.keep_ltr_runs(plain) == plain
    once = rtl.keep_ltr_runs("يحوّل rtl.ar() النص")
    assert rtl.keep_ltr_runs(once) == once


@pytest.mark.parametrize(
    ("line", "rtl_expected"),
    [("شبكة ABC", True), ("سبتمبر 2025", True), ("Q3 مبيعات", True), ("iPhone 17 من آبل", True),
     ("Apple Inc.", False), ("2025", False), ("BBC News عربي", False)],
)
def test_reading_direction_of_a_label(line, rtl_expected):
    assert rtl.is_rtl(line) is rtl_expected


def test_ar_twice_changes_nothing():
    for label in LABELS.values():
        once = rtl.ar(label)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert rtl.ar(once) == once


def test_label_reshaped_upstream_is_returned_as_is_with_a_warning():
    reshaped = arabic_reshaper.reshape("الأخبار العاجلة")
    with pytest.warns(rtl.PresentationFormsWarning, match="الأخبار|ﺍﻷﺧﺒﺎﺭ|ﺍﻷ"):
        assert rtl.ar(reshaped) == reshaped


def test_ar_escapes_dollars_so_mathtext_never_takes_arabic():
    with matplotlib.rc_context({"text.parse_math": True}):  # matplotlib's default, outside the suite's setup
        assert rtl.ar("السعر $5 و $6").count(r"\$") == 2


def test_with_mathtext_off_dollars_are_left_as_written():
    # rtl.setup() turns mathtext off; an escaped dollar would then be drawn with its backslash
    assert matplotlib.rcParams["text.parse_math"] is False
    assert "\\" not in rtl.ar("السعر $5 و $6")


def test_latin_only_label_is_left_alone():
    assert rtl.ar("GDP growth, %") == "GDP growth, %"


def test_bold_title_is_set_in_the_bold_face():
    fig, ax = plt.subplots()
    label = "عاجل: الأخبار"
    rtl.title(ax, label)
    drawn = drawn_text(fig, rtl.ar(label))
    assert {g.font for g in drawn.lines[0]} == {"IBMPlexSansArabic-Bold"}
    expected = expected_text(rtl.isolate(label), font_file=rtl.font_path(700))
    assert mismatch(drawn, expected, positions=shapes()) is None


def test_multi_line_title_is_right_aligned_and_drawn_like_harfbuzz():
    fig, ax = plt.subplots()
    label = "التغطية الإعلامية\nسبتمبر 2025"
    text = rtl.title(ax, label)
    assert text.get_horizontalalignment() == "right"
    drawn = drawn_text(fig, rtl.ar(label))
    expected = expected_text(rtl.isolate(label), font_file=rtl.font_path(700))
    assert mismatch(drawn, expected, positions=shapes()) is None


def test_tick_labels_draw_like_harfbuzz():
    fig, ax = plt.subplots()
    outlets = ["الجزيرة", "العربية", "شبكة BBC"]
    ax.barh(range(3), [5, 3, 2])
    rtl.set_ticklabels(ax, outlets, axis="y")
    for outlet in outlets:
        problem = mismatch(drawn_text(fig, rtl.ar(outlet)), reference(outlet), positions=shapes())
        assert problem is None, problem


def test_legend_reads_right_to_left_with_markers_on_the_right():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="غزة")
    ax.plot([0, 1], [1, 0], label="الضفة الغربية")
    legend = rtl.legend(ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True):
        assert handle.get_window_extent(renderer).x0 > text.get_window_extent(renderer).x1
    rights = [text.get_window_extent(renderer).x1 for text in legend.get_texts()]
    assert max(rights) - min(rights) < 1  # entries right-aligned
    for label in ["غزة", "الضفة الغربية"]:
        assert mismatch(drawn_text(fig, rtl.ar(label)), reference(label), positions=shapes()) is None


def test_annotation_draws_like_harfbuzz():
    fig, ax = plt.subplots()
    label = "ذروة التغطية (٧ أكتوبر)"
    rtl.annotate(ax, label, (0.5, 0.5))
    assert mismatch(drawn_text(fig, rtl.ar(label)), reference(label), positions=shapes()) is None


def test_arabic_font_comes_first_in_the_fallback_list():
    assert matplotlib.rcParams["font.family"][0] == rtl.ARABIC_FONT


def test_setup_twice_registers_the_font_once():
    from matplotlib import font_manager

    rtl.setup()
    rtl.setup()
    plex = [f for f in font_manager.fontManager.ttflist if f.name == rtl.ARABIC_FONT]
    assert len(plex) == len(rtl.font_files())


def test_every_label_of_a_chart_has_its_glyphs():
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.bar(range(3), [-1, 2, 3])
        rtl.set_ticklabels(ax, ["يناير", "فبراير", "مارس"])
        rtl.title(ax, "تغطية −٣٪ في Q3")
        rtl.axis_labels(ax, xlabel="الشهر", ylabel="عدد المقالات")
        fig.canvas.draw()
    assert len(drawn_texts(fig)) >= 8


def test_default_dejavu_font_draws_arabic_in_a_different_font():
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = plt.figure()
        fig.text(0.1, 0.5, rtl.ar("الأخبار"))
        assert {g.font for g in drawn_text(fig, rtl.ar("الأخبار")).lines[0]} == {"DejaVuSans"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2025, "٢٠٢٥"), (3.5, "٣٫٥"), ("Q3 2025", "Q٣ ٢٠٢٥"), ("سبتمبر 2025", "سبتمبر ٢٠٢٥")],
)
def test_arabic_indic_digits(value, expected):
    assert rtl.arabic_digits(value) == expected


def test_check_figure_names_a_label_reshaped_upstream():
    fig, ax = plt.subplots()
    reshaped = arabic_reshaper.reshape("الأخبار")  # joined but left in logical order
    ax.set_title(reshaped)
    with pytest.warns(rtl.PresentationFormsWarning, match=reshaped):
        assert rtl.check_figure(fig) == [reshaped]


def test_check_figure_names_arabic_that_mathtext_would_take():
    fig, ax = plt.subplots()
    ax.set_xlabel("السعر $5 و $6", parse_math=True)  # rtl.setup() turns mathtext off; a chart may turn it on
    with pytest.warns(rtl.MathtextWarning):
        assert rtl.check_figure(fig) == ["السعر $5 و $6"]


def test_check_figure_accepts_labels_made_by_the_helpers():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="غزة")
    rtl.title(ax, "السعر $5 و $6")
    rtl.legend(ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert rtl.check_figure(fig) == []


def test_style_table_escapes_markup_from_the_corpus():
    import pandas as pd

    from helpers import rtl

    html = rtl.style_table(pd.DataFrame({"title": ["<img src=x onerror=alert(1)> بغداد"]})).to_html()
    assert "<img src=x" not in html and "&lt;img src=x" in html
