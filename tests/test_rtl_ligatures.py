"""Ligatures for a renderer that does not shape: the reshaped label must draw the glyphs HarfBuzz draws.

matplotlib < 3.11 draws one glyph per code point, so ``ar()`` joins letters with arabic_reshaper. Its ligature
table is Unicode's, not the font's: it turned lam+meem in «المقال» into U+FCCC, a glyph IBM Plex Sans Arabic has
but its shaping never uses, so old and new matplotlib drew different words. The words below are checked against
the HarfBuzz oracle twice: as matplotlib 3.10 would draw the reshaped string (one nominal glyph per code point,
on any matplotlib) and, in the test that draws, as the running matplotlib draws it (3.10 under
``nox -s rtl_old_matplotlib``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from rtl_oracle import (
    DrawnText,
    Glyph,
    _has_ink,
    _hb_font,
    _nominal_glyphs,
    drawn_text,
    expected_text,
    mismatch,
    postscript_name,
)

from helpers import rtl
from helpers.rtl.ligatures import font_ligature_forms

# Letter pairs Unicode has presentation-form ligatures for, in ordinary news words (written for this test).
WORDS = {
    "lam_meem": ["المقال", "لم", "العالم", "الملف", "للمرة", "علماء"],
    "lam_jeem": ["الجيش", "لجنة", "الجزائر", "ثلج"],
    "lam_hah": ["الحرب", "لحظة", "الحكومة", "صلح"],
    "lam_khah": ["الخارجية", "لخطة"],
    "yeh_meem": ["اليمن", "يمكن", "تقييم", "قيمة"],
    "beh_meem": ["بما", "لبنان", "تبما", "شبم"],
    "meem_hah_meem": ["محمد", "مجلس", "حماس", "تمهيد"],
    "noon_jeem": ["النجاح", "منجم"],
    "lam_alef": ["لا", "الأمن", "لإعادة", "الآن", "سلام", "بلا"],
    "allah": ["الله", "عبدالله"],
    "font_forms": ["في", "على", "إلى", "الذي", "بين", "بني", "سوريا", "حين", "متى", "شيء", "صبر", "كيف", "سيرة"],
}
ALL_WORDS = [word for words in WORDS.values() for word in words]


def _plain_renderer_drawing(label: str, weight: int = 400) -> DrawnText:
    """What matplotlib 3.10 draws for ar()'s string: the nominal glyph of each code point, left to right."""
    shown = rtl.text._reorder_for_plain_renderer(label, "auto")
    font_file = rtl.font_path(weight)
    name = postscript_name(font_file)
    nominal, font = _nominal_glyphs(name), _hb_font(font_file)
    gids = [nominal.get(ord(char), 0) for char in shown]
    assert all(gids), f"{shown!r} has a code point the font lacks"
    inked = [gid for gid in gids if _has_ink(font, gid)]
    return DrawnText(label, (tuple(Glyph(name, gid, x, 0) for x, gid in enumerate(inked)),))


@pytest.mark.parametrize("weight", [400, 700])
@pytest.mark.parametrize("word", ALL_WORDS)
def test_reshaped_word_has_the_glyphs_harfbuzz_shapes(word, weight):
    expected = expected_text(rtl.isolate(word), rtl.font_path(weight))
    problem = mismatch(_plain_renderer_drawing(word, weight), expected, positions=False)
    assert problem is None, (word, problem)


def test_lam_meem_and_allah_stay_letters_lam_alef_is_one_glyph():
    shown = rtl.text._reorder_for_plain_renderer("المقال الله لا", "auto")
    assert "\ufccc" not in shown and "\ufdf2" not in shown  # not formed by the font's shaping
    assert "\ufefb" in shown  # the mandatory lam-alef


def test_ligature_table_follows_the_font_forms_not_unicode():
    forms = font_ligature_forms(rtl.font_path())
    assert forms["ARABIC LIGATURE LAM WITH ALEF"] == ("\ufefb", "", "", "\ufefc")
    assert not any(forms["ARABIC LIGATURE LAM WITH MEEM"])
    assert not any(forms["ARABIC LIGATURE ALLAH"])  # Plex has it under dlig, which shapers leave off
    assert forms["ARABIC LIGATURE BEH WITH REH"] == ("", "", "", "\ufc6a")  # required in Plex, final only


@pytest.fixture
def arabic_charts():
    rtl.setup()
    yield
    plt.close("all")


@pytest.mark.parametrize("word", ALL_WORDS)
def test_word_is_drawn_as_harfbuzz_draws_it(word, arabic_charts):
    fig = plt.figure(figsize=(3, 1))
    fig.text(0.05, 0.5, rtl.ar(word))
    problem = mismatch(drawn_text(fig, rtl.ar(word)), expected_text(rtl.isolate(word)),
                       positions=rtl.renderer_shapes())
    assert problem is None, (word, problem)


@pytest.mark.xfail(strict=True, reason="known limit: glyphs with no code point cannot be reached by reshaping — "
                                       "Plex's contextual reh before jeem/hah/ain (.short, calt) and its "
                                       "shadda+fatha mark ligature (ccmp); old matplotlib draws the plain glyphs")
@pytest.mark.parametrize("word", ["جورج", "صرح", "إنَّ"])
def test_glyphs_without_a_code_point_differ_on_a_renderer_that_does_not_shape(word):
    problem = mismatch(_plain_renderer_drawing(word), expected_text(rtl.isolate(word)), positions=False)
    assert problem is None, (word, problem)
