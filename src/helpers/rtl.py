"""Arabic labels that come out connected and right-to-left in every chart of the suite.

matplotlib >= 3.11 shapes text itself (libraqm: HarfBuzz + bidi) in Agg, SVG, PS and PDF, so the
classic ``get_display(reshape(s))`` recipe now reverses and disconnects Arabic; older releases and the
Cairo backend still need it. ``ar()`` asks the active backend what it does (a drawing test, not a
version check) and hands it the right string. Plotly and browsers shape on their own: they get
logical-order text, at most wrapped in direction isolates (``isolate()``).
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import arabic_reshaper

from .normalize import ARABIC_LETTER_RE, has_presentation_forms

__all__ = [
    "ARABIC_FONT", "CSS_FONT_STACK", "FONT_FALLBACK", "PDI", "PLOTLY_TEMPLATE", "RLI", "ArabicLabelWarning",
    "MathtextWarning", "PresentationFormsWarning", "annotate", "ar", "arabic_digits", "axis_labels",
    "check_figure", "font_files", "font_path", "has_presentation_forms", "install_font_for_browsers",
    "install_jupyterlab_rtl", "is_rtl", "isolate", "jupyterlab_css", "label_panel", "legend", "register_fonts",
    "renderer_shapes", "save_figure", "set_ticklabels", "setup", "style_table", "title",
]

ARABIC_FONT = "IBM Plex Sans Arabic"
# matplotlib falls back per glyph in list order: the Arabic font must come first (DejaVu Sans covers
# basic Arabic and would otherwise win for it); DejaVu only supplies symbols Plex lacks.
FONT_FALLBACK = [ARABIC_FONT, "DejaVu Sans"]
# Browsers (plotly, HTML report) see the font only once it is registered with fontconfig.
CSS_FONT_STACK = '"IBM Plex Sans Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif'
PLOTLY_TEMPLATE = "arabic"

RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate ... pop directional isolate
_LINE_BREAK = re.compile(r"(\n|<br\s*/?>)", re.IGNORECASE)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")
_WESTERN_TO_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_NUMBER_PUNCTUATION = str.maketrans({".": "٫", ",": "٬"})

# Labels ar() reshaped for a non-shaping renderer: they legitimately hold presentation forms.
_REORDERED_BY_AR: set[str] = set()


class ArabicLabelWarning(UserWarning):
    """A label that will not show as the analyst wrote it."""


class PresentationFormsWarning(ArabicLabelWarning):
    """A label holds Arabic presentation forms: it was reshaped upstream and will render broken."""


class MathtextWarning(ArabicLabelWarning):
    """An Arabic label with paired ``$`` goes through mathtext, which neither shapes nor reorders."""


# --- the font ---------------------------------------------------------------------------------


def font_files() -> dict[int, Path]:
    """The project's Arabic font, one static TTF per weight (from the pip font package)."""
    import fontpkg_ibm_plex_sans_arabic as plex

    return {
        entry["weight"]: plex.ROOT / entry["path"]
        for entry in json.loads((plex.ROOT / "metadata.json").read_text(encoding="utf-8"))["files"]
    }


def font_path(weight: int = 400) -> Path:
    """The TTF of one weight of the Arabic font (400 regular, 700 bold)."""
    return font_files()[weight]


def install_font_for_browsers(target: Path | None = None) -> Path:
    """Copy the Arabic font where fontconfig looks and refresh its cache, so Chromium/kaleido use it.

    A font installed by pip is invisible to a browser; the HTML report and static plotly exports need this.
    """
    import os

    if target is None:
        data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
        target = data_home / "fonts" / "ibm-plex-sans-arabic"
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for path in font_files().values():
        shutil.copy2(path, target / path.name)
    if shutil.which("fc-cache"):
        subprocess.run(["fc-cache", "-f", str(target)], check=False, capture_output=True)
    return target


# --- setup ------------------------------------------------------------------------------------


def setup() -> None:
    """Register the Arabic font and the chart defaults for matplotlib and plotly (safe to call twice)."""
    _setup_matplotlib()
    _setup_plotly()


def register_fonts() -> None:
    """Make every weight of the Arabic font known to matplotlib (once: safe to call again)."""
    from matplotlib import font_manager

    registered = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in font_files().values():
        if str(path) not in registered:
            font_manager.fontManager.addfont(str(path))


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
            "axes.unicode_minus": _font_has(0x2212),
        }
    )


def _font_has(codepoint: int) -> bool:
    from matplotlib.ft2font import FT2Font

    return FT2Font(str(font_path())).get_char_index(codepoint) != 0


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


# --- direction and the renderer test ----------------------------------------------------------


def is_rtl(line: str) -> bool:
    """Whether a one-line label reads right-to-left: Arabic first, or at least as many Arabic words as Latin.

    "شبكة ABC" and "سبتمبر 2025" start with Arabic; "Q3 مبيعات" starts with Latin but is an Arabic
    label that mentions Q3, so it reads right-to-left too. "Apple Inc." has no Arabic and stays LTR.
    """
    if not ARABIC_LETTER_RE.search(line):
        return False
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            break
    words = line.split()
    arabic_words = sum(1 for word in words if ARABIC_LETTER_RE.search(word))
    latin_words = sum(1 for word in words if _LATIN_LETTER.search(word))
    return arabic_words >= latin_words


def _line_direction(line: str, direction: str) -> bool:
    if direction == "auto":
        return is_rtl(line)
    if direction not in ("rtl", "ltr"):
        raise ValueError(f"direction must be 'auto', 'rtl' or 'ltr', not {direction!r}")
    return direction == "rtl"


def isolate(text: str, direction: str = "auto") -> str:
    """Wrap each right-to-left line in RLI...PDI: what a shaping renderer (matplotlib 3.11, plotly) needs.

    Renderers take the paragraph direction from the first strong character, so "Q3 مبيعات" would lay
    out left-to-right. The isolate forces RTL in matplotlib and in browsers (an RLM prefix does not
    work in plotly). Lines split on "\\n" and plotly's "<br>"; already isolated lines stay as they are.
    """
    parts = _LINE_BREAK.split(str(text))
    for i in range(0, len(parts), 2):
        line = parts[i]
        if line.startswith(RLI) or not _line_direction(line, direction):
            continue
        parts[i] = f"{RLI}{line}{PDI}"
    return "".join(parts)


def renderer_shapes(backend: str | None = None) -> bool:
    """Whether the backend (default: the active one) joins and reorders Arabic itself.

    Decided by drawing, not by version: "لا" must come out pixel-identical to the single lam-alef
    ligature U+FEFB. Cached per backend name.
    """
    import matplotlib

    return _renderer_shapes(backend or matplotlib.get_backend())


@functools.cache
def _renderer_shapes(backend: str) -> bool:
    import numpy as np

    canvas_class = _canvas_class(backend)
    try:
        joined = _draw_alone("لا", canvas_class)
        ligature = _draw_alone("\ufefb", canvas_class)
    except (RuntimeError, OSError, ValueError):  # pragma: no cover - cannot draw offscreen (pgf without TeX)
        import matplotlib

        return tuple(int(part) for part in matplotlib.__version__.split(".")[:2]) >= (3, 11)
    return joined.shape == ligature.shape and bool(np.array_equal(joined, ligature))


def _canvas_class(backend: str):
    from matplotlib.backends import backend_registry
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    try:
        return backend_registry.load_backend_module(backend).FigureCanvas
    except (ImportError, ValueError, AttributeError):  # unknown or unimportable: Agg is what it would use
        return FigureCanvasAgg


def _draw_alone(text: str, canvas_class):
    """Rasterise one label in the Arabic font with the given canvas (vector canvases rasterise via Agg)."""
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from PIL import Image

    fig = Figure(figsize=(0.8, 0.5), dpi=100)
    canvas_class(fig)
    fig.text(0.5, 0.5, text, fontproperties=FontProperties(fname=font_path(), size=24),
             ha="center", va="center", parse_math=False)
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", dpi=100)
    return np.asarray(Image.open(buffer).convert("L"))


# --- the label itself -------------------------------------------------------------------------


def ar(text: str, direction: str = "auto", backend: str | None = None) -> str:
    """The label to hand to matplotlib so Arabic shows connected and right-to-left.

    On a shaping renderer (Agg/SVG/PS/PDF in matplotlib >= 3.11) the text stays in logical order and
    RTL lines are isolated; elsewhere it is reshaped (harakat kept) and reordered line by line. ``$``
    is escaped so mathtext never takes an Arabic label. Idempotent; text reshaped by someone else is
    returned unchanged with a ``PresentationFormsWarning``.
    """
    text = str(text)
    if text in _REORDERED_BY_AR:
        return text
    if has_presentation_forms(text):
        warnings.warn(
            f"label {text!r} holds Arabic presentation forms (reshaped upstream); pass the plain "
            "text to ar() instead",
            PresentationFormsWarning,
            stacklevel=2,
        )
        return text
    if renderer_shapes(backend):
        return _escape_dollars(isolate(text, direction))
    result = _escape_dollars(_reorder_for_plain_renderer(text, direction))
    if result != text:
        _REORDERED_BY_AR.add(result)
    return result


def _escape_dollars(text: str) -> str:
    """Every ``$`` as ``\\$`` where matplotlib reads mathtext by default (``text.parse_math``): two of them
    would hand the Arabic between to mathtext. ``setup()`` turns mathtext off, and then a backslash
    would be drawn, so the text is left as it is."""
    import matplotlib

    if not matplotlib.rcParams["text.parse_math"]:
        return text
    return _UNESCAPED_DOLLAR.sub(r"\\$", text)


def _reorder_for_plain_renderer(text: str, direction: str) -> str:
    # Old matplotlib draws code points left to right, one glyph each: join letters into presentation
    # forms, then lay out each line in visual order. The pure-Python get_display mirrors brackets and
    # takes one line at a time (python-bidi's Rust default does neither).
    from bidi.algorithm import get_display

    lines = []
    for line in text.split("\n"):
        if not ARABIC_LETTER_RE.search(line):
            lines.append(line)
            continue
        # Harakat end up in front of their letter once reversed; that is where a plain renderer needs
        # them (zero-advance marks draw leftwards from the pen), so UAX #9 rule L3 is not applied.
        base_dir = "R" if _line_direction(line, direction) else "L"
        lines.append(get_display(_reshaper().reshape(line), base_dir=base_dir))
    return "\n".join(lines)


@functools.cache
def _reshaper():
    from arabic_reshaper.ligatures import LETTERS_LIGATURES
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path()), lazy=True) as font:
        cmap = frozenset(font.getBestCmap())
    # The default configuration deletes harakat; a vocalised quote must keep them.
    configuration = {"delete_harakat": False}
    for name, (_, forms) in LETTERS_LIGATURES:
        configuration[name] = any(form and ord(form) in cmap for form in forms)
    return _FontAwareReshaper(cmap, configuration=configuration)


class _FontAwareReshaper(arabic_reshaper.ArabicReshaper):
    """Uses a letter ligature only in the positional forms the font has.

    Plex joins e.g. beh+reh final or feh+yeh isolated into one glyph (required ligatures, which a
    shaping renderer applies too) but lacks some forms of them: where the font lacks the form, the
    reshaper keeps the letters apart instead of drawing a missing glyph.
    """

    def __init__(self, cmap: frozenset[int], **kwargs):
        super().__init__(**kwargs)
        self._cmap = cmap

    @functools.cached_property
    def _ligatures_re(self):  # arabic_reshaper fills the form table while building this pattern
        pattern = super()._ligatures_re
        self._re_group_index_to_ligature_forms = {
            index: [form if form and ord(form) in self._cmap else "" for form in forms]
            for index, forms in self._re_group_index_to_ligature_forms.items()
        }
        return pattern


def arabic_digits(value: object) -> str:
    """Write a number or string with Arabic-Indic digits (2025 -> ٢٠٢٥; 3.5 -> ٣٫٥ with the Arabic decimal sign)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value).translate(_NUMBER_PUNCTUATION).translate(_WESTERN_TO_ARABIC_DIGITS)
    return str(value).translate(_WESTERN_TO_ARABIC_DIGITS)


# --- chart helpers ----------------------------------------------------------------------------


def title(ax, text: str, **kwargs):
    """Set an axes title, right-aligned; each line of a multi-line title gets its own direction."""
    kwargs.setdefault("loc", "right")
    return ax.set_title(ar(text), **kwargs)


def axis_labels(ax, xlabel: str | None = None, ylabel: str | None = None, **kwargs) -> None:
    """Set the x and/or y axis labels through ar()."""
    if xlabel is not None:
        ax.set_xlabel(ar(xlabel), **kwargs)
    if ylabel is not None:
        ax.set_ylabel(ar(ylabel), **kwargs)


def set_ticklabels(ax, labels: Sequence[str], axis: str = "x", ticks: Sequence[float] | None = None, **kwargs):
    """Put Arabic category labels on an axis (at ``ticks``, default 0..n-1)."""
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', not {axis!r}")
    positions = list(range(len(labels))) if ticks is None else list(ticks)
    setter = ax.set_xticks if axis == "x" else ax.set_yticks
    return setter(positions, [ar(label) for label in labels], **kwargs)


def legend(ax, handles: Sequence | None = None, labels: Sequence[str] | None = None, **kwargs):
    """A legend that reads right-to-left: marker to the right of its label, entries right-aligned."""
    if handles is None or labels is None:
        found_handles, found_labels = ax.get_legend_handles_labels()
        handles = found_handles if handles is None else handles
        labels = found_labels if labels is None else labels
    if "title" in kwargs and kwargs["title"] is not None:
        kwargs["title"] = ar(kwargs["title"])
    kwargs.setdefault("markerfirst", False)
    kwargs.setdefault("alignment", "right")
    return ax.legend(list(handles), [ar(label) for label in labels], **kwargs)


def annotate(ax, text: str, xy: tuple[float, float], **kwargs):
    """Annotate a point with an Arabic note, anchored at its right end (where Arabic starts)."""
    kwargs.setdefault("ha", "right")
    return ax.annotate(ar(text), xy, **kwargs)


def label_panel(rows: Sequence[tuple], size: float = 16, width: float = 6.5):
    """A figure showing labels exactly as given, one row each with a caption on the left.

    For comparing recipes side by side; rows are ``(caption, text)`` or ``(caption, text, text_kwargs)``.
    A plain ``Figure`` (not pyplot), so a notebook shows it once.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, 0.55 * len(rows) + 0.2))
    ax = fig.add_axes((0, 0, 1, 1))  # IPython shows only figures that have axes
    ax.set_axis_off()
    for row, (caption, text, *options) in enumerate(rows):
        y = 1 - (row + 0.5) / len(rows)
        ax.text(0.02, y, caption, ha="left", va="center", size=10, color="0.4", parse_math=False)
        ax.text(0.98, y, text, ha="right", va="center", size=size, **(options[0] if options else {}))
    return fig


# --- checks -----------------------------------------------------------------------------------


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


# --- tables and JupyterLab --------------------------------------------------------------------


def style_table(df, uuid: str = "arabic-table"):
    """A pandas Styler that right-aligns Arabic text columns (``direction: rtl``), with a fixed uuid.

    The fixed uuid keeps notebook outputs identical from run to run (nbval compares them); cells
    and headers are HTML-escaped, so corpus text with markup shows as text and never runs.
    """
    arabic_columns = [
        column for column in df.columns
        if df[column].map(lambda value: isinstance(value, str) and bool(ARABIC_LETTER_RE.search(value))).any()
    ]
    rtl_cell = {"direction": "rtl", "text-align": "right", "unicode-bidi": "plaintext"}
    # Article text is untrusted: a Styler renders cells as raw HTML unless told to escape.
    styler = df.style.set_uuid(uuid).format(escape="html").format_index(escape="html", axis=0)
    styler = styler.format_index(escape="html", axis=1)
    if arabic_columns:
        styler = styler.set_properties(subset=arabic_columns, **rtl_cell)
    return styler.set_table_styles(
        [{"selector": "th", "props": [("unicode-bidi", "plaintext"), ("text-align", "start")]}], overwrite=False
    )


_CSS_BEGIN = "/* BEGIN helpers.rtl: Arabic right-to-left */"
_CSS_END = "/* END helpers.rtl */"


def jupyterlab_css() -> str:
    """The CSS that makes Arabic markdown and table cells read right-to-left in JupyterLab."""
    return resources.files("helpers").joinpath("jupyterlab/rtl.css").read_text(encoding="utf-8")


def install_jupyterlab_rtl(target: Path | None = None) -> Path:
    """Install the RTL CSS into a Jupyter config dir of the environment (default ``<sys.prefix>/etc/jupyter``).

    The environment, not the user's ``~/.jupyter``: only this environment's JupyterLab gets it. JupyterLab 4
    links ``/custom/custom.css`` only with ``LabApp.custom_css = True`` and serves it from the tornado
    setting ``static_custom_path`` (by default the user's config dir only), so ``jupyter_lab_config.json``
    there sets both. CSS and config are merged with what is already there (own rules outside the marked
    block are kept), so running it twice changes nothing. Returns the CSS path.
    """
    import sys

    config_dir = Path(target) if target is not None else Path(sys.prefix) / "etc" / "jupyter"
    css_path = config_dir / "custom" / "custom.css"
    css_path.parent.mkdir(parents=True, exist_ok=True)
    existing = css_path.read_text(encoding="utf-8") if css_path.exists() else ""
    block = f"{_CSS_BEGIN}\n{jupyterlab_css().strip()}\n{_CSS_END}\n"
    pattern = re.compile(re.escape(_CSS_BEGIN) + r".*?" + re.escape(_CSS_END) + r"\n?", re.DOTALL)
    if pattern.search(existing):
        updated = pattern.sub(lambda _: block, existing)
    else:
        updated = (existing.rstrip("\n") + "\n\n" if existing.strip() else "") + block
    css_path.write_text(updated, encoding="utf-8")

    config_path = config_dir / "jupyter_lab_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
    config.setdefault("LabApp", {})["custom_css"] = True
    # static_custom_path itself is not configurable; the tornado setting made from it is
    config.setdefault("ServerApp", {}).setdefault("tornado_settings", {})["static_custom_path"] = [
        str(css_path.parent)]
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return css_path
