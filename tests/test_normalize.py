"""Matching normalisation: each rule by example, and the offset map checked by property tests."""

import os

import arabic_reshaper
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import normalize as normalize_module
from helpers.normalize import (
    BIDI_CONTROLS,
    fold_presentation_forms,
    has_presentation_forms,
    normalize,
    normalize_with_map,
    normalize_with_map_in_python,
    remove_bidi_controls,
)
from helpers.paths import DATA, SEEDS

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)]
HARAKAT = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
DIGITS = list("0123456789") + [chr(0x0660 + i) for i in range(10)] + [chr(0x06F0 + i) for i in range(10)]
LATIN = list("abcXYZ.,:-()")
SPACES = [" ", " ", " ", "\n"]

characters = st.one_of(
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(HARAKAT),
    st.just("\u0640"),  # tatweel
    st.sampled_from(DIGITS),
    st.sampled_from(list(BIDI_CONTROLS)),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.sampled_from(LATIN),
    st.sampled_from(SPACES),
)
texts = st.text(characters, max_size=80)


def word_boundaries(norm):
    """Normalised offsets that sit on a real space of the original (or at either end)."""
    n = len(norm.text)
    starts = [0] + [i for i in range(1, n) if norm.text[i - 1] == " " and norm.original[norm.origin(i - 1)] == " "]
    ends = [n] + [i for i in range(n) if norm.text[i] == " " and norm.original[norm.origin(i)] == " "]
    return starts, ends


# ------------------------------------------------------------------ properties

needs_compiled = pytest.mark.skipif(
    normalize_module._FOLDER is None and os.environ.get("HELPERS_REQUIRE_COMPILED") != "1",
    reason="helpers._fold is not built (pip install -e . builds it; the Python fold is used)")


def test_compiled_fold_is_built_where_ci_requires_it():
    if os.environ.get("HELPERS_REQUIRE_COMPILED") == "1":
        assert normalize_module._FOLDER is not None, "helpers._fold did not build: the Python fold is used"


@needs_compiled
@settings(max_examples=500)
@given(st.text(st.one_of(characters, st.characters(min_codepoint=0x10000, max_codepoint=0x1F9FF)), max_size=120))
@example("")
@example("ُ")
@example("ﷺﷺ")
@example("ـُ ﻻ")
@example("𝟐ًّ")
def test_compiled_fold_gives_the_text_and_offset_map_of_the_python_fold(text):
    assert normalize_with_map(text) == normalize_with_map_in_python(text)


@given(texts)
@example("ﻻ ﷺ ٌّ")
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(texts)
def test_normalize_with_map_gives_the_same_text_as_normalize(text):
    assert normalize_with_map(text).text == normalize(text)


@given(texts)
@example("ﻻأُ")
@example("ـ\u200fﷲ")
def test_every_normalised_character_comes_from_its_origin(text):
    norm = normalize_with_map(text)
    for i, char in enumerate(norm.text):
        assert char in normalize(text[norm.origin(i)])


@settings(max_examples=300)
@given(texts, st.data())
@example("العراقُ اليوم", None)
def test_spans_on_word_boundaries_normalise_to_the_same_slice(text, data):
    norm = normalize_with_map(text)
    starts, ends = word_boundaries(norm)
    pairs = [(s, e) for s in starts for e in ends if s <= e]
    if data is None:
        chosen = pairs
    else:
        chosen = data.draw(st.lists(st.sampled_from(pairs), max_size=5)) if pairs else []
    for start, end in chosen:
        ostart, oend = norm.span(start, end)
        assert normalize(text[ostart:oend]) == norm.text[start:end]


# ------------------------------------------------------------------ one example per rule


def test_alef_variants_fold_to_bare_alef():
    assert normalize("أحمد إيران آذار ٱلله") == "احمد ايران اذار الله"


def test_alef_maqsura_folds_to_yeh():
    assert normalize("إلى مستشفى") == "الي مستشفي"


def test_teh_marbuta_folds_to_heh():
    assert normalize("الحكومة العراقية") == "الحكومه العراقيه"


def test_harakat_and_shadda_are_removed():
    assert normalize("الاتّفاقُ شهراً") == "الاتفاق شهرا"


def test_tatweel_is_removed():
    assert normalize("أيلـول العـراق") == "ايلول العراق"


def test_arabic_indic_and_persian_digits_become_ascii():
    assert normalize("١٥ و۱۶ نيسان ٢٠٢٤") == "15 و16 نيسان 2024"


def test_bidi_controls_and_zero_width_characters_are_removed():
    assert remove_bidi_controls("\u200fبغداد\u200e \u2067ABC\u2069\u200c") == "بغداد ABC"
    assert normalize("\ufeffبغداد") == "بغداد"


def test_presentation_forms_fold_to_base_letters():
    shaped = arabic_reshaper.reshape("السلام عليكم")
    assert has_presentation_forms(shaped) and not has_presentation_forms("السلام عليكم")
    assert fold_presentation_forms(shaped) == "السلام عليكم"


def test_lam_alef_ligature_folds_to_lam_then_alef():
    assert normalize("\ufefb") == "لا"


def test_hamza_on_waw_and_yeh_is_kept():
    assert normalize("مسؤول هيئة") == "مسؤول هيئه"


def test_span_grows_over_harakat_after_the_match():
    norm = normalize_with_map("العراقُ اليوم")
    assert norm.text == "العراق اليوم"
    assert norm.span(0, 6) == (0, 7)


def test_span_maps_past_deleted_tatweel_and_marks():
    original = "في أيلـول \u200f٢٠٢٥"
    norm = normalize_with_map(original)
    start = norm.text.index("ايلول 2025")
    ostart, oend = norm.span(start, start + len("ايلول 2025"))
    assert original[ostart:oend] == "أيلـول \u200f٢٠٢٥"


@needs_compiled
def test_compiled_fold_gives_the_python_fold_on_every_eval_and_seed_article():
    paths = sorted((DATA / "eval").glob("*/articles/*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(paths) > 10
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert normalize_with_map(text) == normalize_with_map_in_python(text), path.name
