"""The label itself: reading direction, direction isolates, and the string matplotlib needs.

matplotlib >= 3.11 shapes text itself (libraqm: HarfBuzz + bidi), so ``ar()`` hands it logical-order text
with each right-to-left line isolated; older releases and the Cairo backend draw code points one by one, so
``ar()`` reshapes and reorders for them (a drawing test decides which, not a version check). In a
right-to-left line an id or a piece of code (``000_4ae1``, ``rtl.ar()``) is kept whole with LRM marks,
which every bidi implementation in play honours (python-bidi's pure-Python algorithm has no isolates).
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
import warnings

import arabic_reshaper

from ..normalize import ARABIC_LETTER_RE, has_presentation_forms
from .fonts import font_path

__all__ = ["LRM", "PDI", "RLI", "ArabicLabelWarning", "MathtextWarning", "PresentationFormsWarning", "ar",
           "arabic_digits", "has_presentation_forms", "is_rtl", "isolate", "keep_ltr_runs", "renderer_shapes"]

RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate ... pop directional isolate
LRI, LRM, RLM = "\u2066", "\u200e", "\u200f"  # left-to-right isolate; left-to-right and right-to-left marks
# An id, a piece of code or a date: ASCII letters, digits and joiners, starting and ending on a letter, digit,
# underscore or closing bracket (a sentence's final full stop stays outside).
_LTR_RUN = re.compile(r"(?<![\w\u200e.\-/:@#+=])[A-Za-z0-9_](?:[A-Za-z0-9_.\-/:@#+=()\[\]]*[A-Za-z0-9_)\]])?"
                      r"(?![\w\u200e])")
# Runs the bidi algorithm breaks: letters with a joiner or bracket (a neutral between digits and letters takes
# the Arabic side), or digits joined by - / _ (a European separator between Arabic-context digits).
_BROKEN_BY_BIDI = re.compile(r"[A-Za-z].*[^A-Za-z0-9]|[^A-Za-z0-9].*[A-Za-z]|\d[-/_]\d", re.DOTALL)
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


def isolate(text: str, direction: str = "auto", keep_ltr: bool = True) -> str:
    """Wrap each right-to-left line in RLI...PDI: what a shaping renderer (matplotlib 3.11, plotly) needs.

    Renderers take the paragraph direction from the first strong character, so "Q3 مبيعات" would lay
    out left-to-right. The isolate forces RTL in matplotlib and in browsers (an RLM prefix does not
    work in plotly). Ids and code inside the line keep their order (``keep_ltr_runs``) unless
    ``keep_ltr=False``, which leaves the line's characters as written (corpus text a reader may copy).
    Lines split on "\\n" and plotly's "<br>"; already isolated lines stay as they are.
    """
    parts = _LINE_BREAK.split(str(text))
    for i in range(0, len(parts), 2):
        line = parts[i]
        if line.startswith(RLI) or not _line_direction(line, direction):
            continue
        parts[i] = f"{RLI}{keep_ltr_runs(line) if keep_ltr else line}{PDI}"
    return "".join(parts)


def keep_ltr_runs(line: str) -> str:
    """Put LRM marks around each id, piece of code or ISO date in a line, so that in a right-to-left line it
    stays one left-to-right run.

    Under the bidi algorithm digits after Arabic take its direction and neutrals between them follow the
    Arabic, so «المقال 000_4ae1» showed as «4ae1_000 المقال» and «rtl.ar()» as «()rtl.ar». A run of ASCII
    letters, digits and joiners (``_ . - / : @ # + =`` and brackets) that has letters and a joiner, or digits
    joined by ``-``, ``/`` or ``_``, is fenced with LRM; words, numbers and "Q3" are left as they are.
    """
    def fence(match: re.Match) -> str:
        run = match.group(0)
        tail = ""
        while run and run[-1] in ")]" and run.count(")") + run.count("]") > run.count("(") + run.count("["):
            run, tail = run[:-1], run[-1] + tail  # a closing bracket of the sentence, not of the run
        return f"{LRM}{run}{LRM}{tail}" if _BROKEN_BY_BIDI.search(run) else match.group(0)

    return _LTR_RUN.sub(fence, line)


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
        rtl = _line_direction(line, direction)
        if rtl:
            line = keep_ltr_runs(line)
        # python-bidi's pure-Python algorithm has no isolates (it stops at one): an LRI...PDI the caller
        # put around a name becomes a pair of LRM, which keeps a left-to-right name whole the same way
        line = line.replace(LRI, LRM).replace(PDI, LRM)
        shown = get_display(_reshaper().reshape(line), base_dir="R" if rtl else "L")
        lines.append(shown.replace(LRM, "").replace(RLM, ""))  # a plain renderer would draw the marks
    return "\n".join(lines)


@functools.cache
def _reshaper():
    from .ligatures import font_ligature_forms

    forms = font_ligature_forms(font_path())
    # The default configuration deletes harakat; a vocalised quote must keep them. A ligature is on only where
    # the font's own shaping forms it (lam-alef, «في» ...; not lam-meem U+FCCC nor «الله» U+FDF2).
    configuration = {"delete_harakat": False, **{name: any(table) for name, table in forms.items()}}
    return _FontShapingReshaper(forms, configuration=configuration)


class _FontShapingReshaper(arabic_reshaper.ArabicReshaper):
    """Forms a ligature only in the positional forms the font's shaping makes (``ligatures.font_ligature_forms``).

    arabic_reshaper configures ligatures by name, all four forms at once, and its pattern takes the leftmost
    match even where the ligature has no form for the position: in «بين» beh+yeh (isolated and final only in
    Plex) took the letters from yeh+noon final, which HarfBuzz forms. Each ligature's pattern here is fenced by
    the joining context of its forms, so it matches only where it will be formed.
    """

    def __init__(self, forms: dict[str, tuple[str, str, str, str]], **kwargs):
        super().__init__(**kwargs)
        self._font_forms = forms

    @functools.cached_property
    def _ligatures_re(self):  # arabic_reshaper reads the form table it fills here; same group numbering
        from arabic_reshaper.ligatures import LIGATURES

        self._re_group_index_to_ligature_forms = {}
        patterns = []
        for name, (match, _) in LIGATURES:
            if not self.configuration.getboolean(name):
                continue
            forms = self._font_forms[name]
            self._re_group_index_to_ligature_forms[len(patterns)] = list(forms)
            patterns.append(f"({self._in_context(match, forms)})")
        return re.compile("|".join(patterns) or "(?!)")

    def _in_context(self, match: str, forms: tuple[str, str, str, str]) -> str:
        """The ligature's letters where one of its forms applies: a form starts joined (medial, final) only
        after a letter that joins on, and ends joined (initial, medial) only before one."""
        letters = self.letters
        joins_next = "".join(sorted(c for c, f in letters.items() if f[1] or f[2]))  # has initial/medial
        joins_previous = "".join(sorted(c for c, f in letters.items() if f[2] or f[3]))  # has medial/final
        first, last = match[0], match[-1]
        first_joins = first in letters and bool(letters[first][2] or letters[first][3])
        last_joins = last in letters and bool(letters[last][1] or letters[last][2])
        alternatives = []
        for position, form in enumerate(forms):  # isolated, initial, medial, final
            if not form:
                continue
            joined_before, joined_after = position in (2, 3), position in (1, 2)
            before = after = ""
            if first_joins:
                before = f"(?<=[{re.escape(joins_next)}])" if joined_before else f"(?<![{re.escape(joins_next)}])"
            if last_joins:
                after = f"(?=[{re.escape(joins_previous)}])" if joined_after else f"(?![{re.escape(joins_previous)}])"
            alternatives.append(f"{before}{match}{after}")
        return "|".join(f"(?:{alternative})" for alternative in alternatives)


def arabic_digits(value: object) -> str:
    """Write a number or string with Arabic-Indic digits (2025 -> ٢٠٢٥; 3.5 -> ٣٫٥ with the Arabic decimal sign)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value).translate(_NUMBER_PUNCTUATION).translate(_WESTERN_TO_ARABIC_DIGITS)
    return str(value).translate(_WESTERN_TO_ARABIC_DIGITS)

