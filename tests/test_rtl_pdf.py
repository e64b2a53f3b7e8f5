"""The PDF export of a chart looks like its PNG export: rasterised and compared pixel by pixel."""

from __future__ import annotations

import contextlib

import arabic_reshaper
import bidi
import matplotlib.pyplot as plt
import pytest
from rtl_raster import misplaced_ink, rasterise_pdf

from helpers import rtl

DPI = 100
# Share of the PNG's ink the PDF may miss after a 2 px blur. The right export measures 0.0 here;
# the PDF backend's mis-spacing measures ~0.15 and a double-processed chart well above 0.4.
BOUND = 0.02
LABELS = ["الأخبار العاجلة في غزة والقدس", "مَرْحَبًا بِكُمْ، تَقْرِيرُ الأُسْبُوعِ", "شبكة ABC سبتمبر 2025"]


@pytest.fixture(autouse=True)
def arabic_charts():
    rtl.setup()
    yield
    plt.close("all")


def chart(process=rtl.ar):
    fig = plt.figure(figsize=(6, 2.5))
    for row, label in enumerate(LABELS):
        fig.text(0.95, 0.75 - 0.3 * row, process(label), ha="right", size=20)
    return fig


def png_and_pdf(fig, stem):
    png, pdf = rtl.save_figure(fig, stem, formats=("png", "pdf"), dpi=DPI)
    return png, rasterise_pdf(pdf, DPI)


def plain_pdf(fig, stem):
    """The PDF as matplotlib writes it by itself, text as text."""
    fig.savefig(stem.with_suffix(".pdf"))
    return rasterise_pdf(stem.with_suffix(".pdf"), DPI)


def test_pdf_export_looks_like_the_png_export(tmp_path):
    png, pdf = png_and_pdf(chart(), tmp_path / "chart")
    assert misplaced_ink(png, pdf) <= BOUND


def test_pdf_of_a_chart_processed_for_the_wrong_renderer_does_not(tmp_path):
    png, _ = png_and_pdf(chart(), tmp_path / "right")
    if rtl.renderer_shapes():
        wrong = chart(lambda label: bidi.get_display(arabic_reshaper.reshape(label)))  # processed twice
    else:
        wrong = chart(str)  # not processed at all
    # The double-processed labels hold presentation forms, which save_figure reports.
    with pytest.warns(rtl.PresentationFormsWarning) if rtl.renderer_shapes() else contextlib.nullcontext():
        _, wrong_pdf = png_and_pdf(wrong, tmp_path / "wrong")
    assert misplaced_ink(png, wrong_pdf) > BOUND


def test_pdf_backend_mis_spaces_isolated_mixed_labels_unless_drawn_as_outlines(tmp_path):
    # matplotlib 3.11's PDF text re-applies a kerning value at the zero-width isolate and script
    # boundaries ("سبتمبر  2025" gains a space); 3.10 draws presentation forms one by one and does not.
    fig = chart()
    png, _ = png_and_pdf(fig, tmp_path / "outlined")
    as_text = misplaced_ink(png, plain_pdf(fig, tmp_path / "as-text"))
    if rtl.renderer_shapes():
        assert as_text > BOUND
    else:
        assert as_text <= BOUND


def test_save_figure_writes_each_format_and_restores_the_labels(tmp_path):
    fig = chart()
    paths = rtl.save_figure(fig, tmp_path / "figures" / "coverage")
    assert [p.name for p in paths] == ["coverage.png", "coverage.svg", "coverage.pdf"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert all(not text.get_path_effects() for text in fig.texts)


def test_save_figure_is_reproducible(tmp_path):
    first = [p.read_bytes() for p in rtl.save_figure(chart(), tmp_path / "a")]
    second = [p.read_bytes() for p in rtl.save_figure(chart(), tmp_path / "b")]
    assert first == second
