"""Checks and export of finished figures: labels that will not render as written, and saving a figure as
PNG, SVG and PDF with reproducible metadata (Arabic drawn as outlines in the PDF)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..normalize import ARABIC_LETTER_RE, has_presentation_forms
from .text import _REORDERED_BY_AR, ArabicLabelWarning, MathtextWarning, PresentationFormsWarning

__all__ = ["check_figure", "save_figure"]


def check_figure(fig) -> list[str]:
    """Warn about every label of a matplotlib or plotly figure that will not render as written.

    Returns the offending labels. Presentation forms mean the text was reshaped upstream (broken on
    a shaping renderer and in browsers); Arabic with paired ``$`` in matplotlib goes through mathtext.
    """
    if hasattr(fig, "to_plotly_json"):
        problems = [(text, PresentationFormsWarning) for text in _plotly_strings(fig.to_plotly_json())
                    if has_presentation_forms(text)]
    else:
        problems = list(_matplotlib_problems(fig))
    for text, category in problems:
        reason = ("holds Arabic presentation forms (reshaped upstream)" if category is PresentationFormsWarning
                  else "has paired $ and goes through mathtext, which breaks Arabic")
        warnings.warn(f"label {text!r} {reason}", category, stacklevel=2)
    return [text for text, _ in problems]


def _matplotlib_problems(fig) -> Iterable[tuple[str, type[ArabicLabelWarning]]]:
    from matplotlib import cbook
    from matplotlib.text import Text

    fig.draw_without_rendering()  # creates the tick labels
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if not text or not artist.get_visible():
            continue
        if has_presentation_forms(text) and text not in _REORDERED_BY_AR:
            yield text, PresentationFormsWarning
        elif ARABIC_LETTER_RE.search(text) and artist.get_parse_math() and cbook.is_math_text(text):
            yield text, MathtextWarning


def _plotly_strings(node) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _plotly_strings(value)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ndarray":
        for value in node:
            yield from _plotly_strings(value)


# --- export -----------------------------------------------------------------------------------


def save_figure(fig, path_stem, formats: Sequence[str] = ("png", "svg", "pdf"), dpi: int = 200) -> list[Path]:
    """Save a figure as ``<path_stem>.<format>`` for each format, with reproducible metadata.

    In the PDF, Arabic labels are drawn as glyph outlines (the path route the SVG export uses): the PDF
    backend re-applies a kerning value when a font switches between base and mark glyphs, which
    mis-spaces Arabic in fonts such as Noto Sans Arabic. IBM Plex Sans Arabic is not affected, but
    outlines keep every font right, and text extraction from Arabic PDFs is unreliable anyway.
    """
    check_figure(fig)
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}
    saved = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        with _arabic_text_as_outlines(fig, enabled=fmt == "pdf"):
            fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata.get(fmt))
        saved.append(path)
    return saved


@contextmanager
def _arabic_text_as_outlines(fig, enabled: bool = True):
    """Temporarily draw the figure's Arabic labels as paths (a path effect routes text through TextPath)."""
    from matplotlib import patheffects
    from matplotlib.text import Text

    changed = []
    if enabled:
        fig.draw_without_rendering()
        for artist in fig.findobj(Text):
            if ARABIC_LETTER_RE.search(artist.get_text()) or has_presentation_forms(artist.get_text()):
                changed.append((artist, artist.get_path_effects()))
                if not artist.get_path_effects():
                    artist.set_path_effects([patheffects.Normal()])
    try:
        yield
    finally:
        for artist, effects in changed:
            artist.set_path_effects(effects)


