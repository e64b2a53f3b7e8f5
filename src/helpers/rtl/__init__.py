"""Arabic labels that come out connected and right-to-left in every chart of the suite.

matplotlib >= 3.11 shapes text itself (libraqm: HarfBuzz + bidi) in Agg, SVG, PS and PDF, so the
classic ``get_display(reshape(s))`` recipe now reverses and disconnects Arabic; older releases and the
Cairo backend still need it. ``ar()`` asks the active backend what it does (a drawing test, not a
version check) and hands it the right string. Plotly and browsers shape on their own: they get
logical-order text, at most wrapped in direction isolates (``isolate()``).

One module a concept: ``fonts`` (the Arabic font), ``text`` (direction and the label string), ``ligatures``
(the ligatures the font's own shaping forms, for renderers that do not shape), ``labels``
(matplotlib chart helpers), ``checks`` (checking and saving figures), ``jupyter`` (tables and the Lab
stylesheet); this package adds ``setup()`` and keeps every name importable from ``helpers.rtl``.
"""

from __future__ import annotations

from .checks import check_figure, save_figure
from .fonts import (
    ARABIC_FONT,
    CSS_FONT_STACK,
    FONT_FALLBACK,
    font_files,
    font_has,
    font_path,
    install_font_for_browsers,
    register_fonts,
)
from .jupyter import install_jupyterlab_rtl, jupyterlab_css, style_table
from .labels import annotate, axis_labels, label_panel, legend, set_ticklabels, title
from .text import (
    _REORDERED_BY_AR,  # noqa: F401 - kept importable from helpers.rtl
    LRM,
    PDI,
    RLI,
    ArabicLabelWarning,
    MathtextWarning,
    PresentationFormsWarning,
    _renderer_shapes,  # noqa: F401 - its cache is checked by the tests
    ar,
    arabic_digits,
    has_presentation_forms,
    is_rtl,
    isolate,
    keep_ltr_runs,
    renderer_shapes,
)

__all__ = [
    "ARABIC_FONT", "CSS_FONT_STACK", "FONT_FALLBACK", "LRM", "PDI", "PLOTLY_TEMPLATE", "RLI", "ArabicLabelWarning",
    "MathtextWarning", "PresentationFormsWarning", "annotate", "ar", "arabic_digits", "axis_labels",
    "check_figure", "font_files", "font_has", "font_path", "has_presentation_forms", "install_font_for_browsers",
    "install_jupyterlab_rtl", "is_rtl", "isolate", "jupyterlab_css", "keep_ltr_runs", "label_panel", "legend",
    "register_fonts", "renderer_shapes", "save_figure", "set_ticklabels", "setup", "style_table", "title",
]

PLOTLY_TEMPLATE = "arabic"


def setup() -> None:
    """Register the Arabic font and the chart defaults for matplotlib and plotly (safe to call twice)."""
    _setup_matplotlib()
    _setup_plotly()


def _setup_matplotlib() -> None:
    import matplotlib

    register_fonts()
    matplotlib.rcParams.update(
        {
            "font.family": FONT_FALLBACK,
            "font.size": 11,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",  # Plex has a real Bold face, no synthetic emboldening
            "axes.titlelocation": "right",  # Arabic titles start at the right edge
            "axes.labelsize": 11,
            "figure.titlesize": 14,
            "figure.titleweight": "bold",
            "legend.fontsize": 10,
            # Unhinted glyphs: the PNG then has the same advances as SVG/PDF (hinting widened Plex
            # lines by ~2%, enough to make the PNG and PDF exports of one chart differ).
            "text.hinting": "none",
            # Labels hold untrusted text (file names, titles): "$\\undefinedcmd{x}$" must be drawn as written, not
            # parsed as TeX math (which raises on an unknown command and stopped a notebook).
            "text.parse_math": False,
            # Plex has U+2212; without it the minus sign would be a missing glyph.
            "axes.unicode_minus": font_has(0x2212),
        }
    )



def _setup_plotly() -> None:
    import plotly.graph_objects as go
    import plotly.io as pio

    font = {"family": CSS_FONT_STACK}
    pio.templates[PLOTLY_TEMPLATE] = go.layout.Template(
        layout={
            "font": font,
            "title": {"x": 0.98, "xanchor": "right", "font": {**font, "size": 18}},
            "hoverlabel": {"font": font, "align": "right"},
            "legend": {"font": font},
        }
    )
    pio.templates.default = f"plotly_white+{PLOTLY_TEMPLATE}"

