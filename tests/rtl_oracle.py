"""A glyph-level oracle for Arabic labels: what matplotlib drew versus what it should have drawn.

Drawn: the figure is saved as SVG with ``svg.fonttype='path'``; matplotlib then defines one path per
glyph (id "<PostScript name>-<hex>") and places it with <use> elements, one <g> per line of text.
Expected: HarfBuzz shapes each bidi run of the same string with the same font file, and the runs are
put in visual order by the pure-Python Unicode bidi algorithm. Neither side shares code with matplotlib.
Positions are in 1/100 em, the unit of matplotlib's glyph paths.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
import uharfbuzz as hb
from bidi import algorithm as uba
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from helpers import rtl

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
RLI, PDI = rtl.RLI, rtl.PDI
# Up to 3.10 the glyph path ids carry the character code; from 3.11 (shaped text) the glyph index.
IDS_ARE_CHARACTER_CODES = tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) < (3, 11)


@dataclass(frozen=True)
class Glyph:
    font: str  # PostScript name
    gid: int
    x: float
    y: float


@dataclass(frozen=True)
class DrawnText:
    label: str
    lines: tuple[tuple[Glyph, ...], ...]


# --- what was drawn ---------------------------------------------------------------------------


def drawn_texts(fig) -> list[DrawnText]:
    """Every text matplotlib drew in a figure, in drawing order, as ink glyphs per line."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "oracle"}):
        fig.savefig(buffer, format="svg")
    root = ET.fromstring(buffer.getvalue(), parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
    blank = {path.get("id") for path in root.iter(f"{SVG}path") if path.get("id") and not path.get("d")}
    texts = []
    for group in root.iter(f"{SVG}g"):
        if not (group.get("id") or "").startswith("text_"):
            continue
        comments = [node.text.strip() for node in group if node.tag is ET.Comment]  # one per line
        lines = tuple(
            tuple(_glyph(use, blank) for use in line.iter(f"{SVG}use") if use.get(XLINK_HREF)[1:] not in blank)
            for line in group
            if line.tag == f"{SVG}g" and "scale(" in (line.get("transform") or "")
        )
        texts.append(DrawnText("\n".join(comments), lines))
    return texts


def drawn_text(fig, label: str) -> DrawnText:
    """The one drawn text whose source label is ``label``."""
    wanted = "\n".join(line.strip() for line in label.replace("\\$", "$").split("\n"))
    matches = [text for text in drawn_texts(fig) if text.label == wanted]
    assert len(matches) == 1, f"{label!r} drawn {len(matches)} times in {[t.label for t in drawn_texts(fig)]}"
    return matches[0]


def _glyph(use, blank) -> Glyph:
    font, code = use.get(XLINK_HREF)[1:].rsplit("-", 1)
    x, y = _translation(use.get("transform") or "")
    gid = int(code, 16)
    if IDS_ARE_CHARACTER_CODES and font in _font_files():  # other fonts keep the character code
        gid = _nominal_glyphs(font)[gid]
    return Glyph(font, gid, x, y)


def _translation(transform: str) -> tuple[float, float]:
    match = re.search(r"translate\(([-\d.e]+)(?:[ ,]+([-\d.e]+))?\)", transform)
    if not match:
        return 0.0, 0.0
    return float(match.group(1)), float(match.group(2) or 0.0)


# --- what should have been drawn --------------------------------------------------------------


def postscript_name(path: Path) -> str:
    with TTFont(str(path), lazy=True) as font:
        return font["name"].getDebugName(6)


@cache
def _font_files() -> dict[str, Path]:
    return {postscript_name(path): path for path in rtl.font_files().values()}


def font_file_for(postscript_name: str) -> Path:
    return _font_files()[postscript_name]


@cache
def _nominal_glyphs(postscript_name: str) -> dict[int, int]:
    with TTFont(str(font_file_for(postscript_name)), lazy=True) as font:
        return {code: font.getGlyphID(name) for code, name in font.getBestCmap().items()}


@cache
def _hb_font(path: Path) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))


def expected_text(label: str, font_file: Path | None = None) -> DrawnText:
    """HarfBuzz + bidi reference for a logical-order label, line by line, in the same units as drawn_texts."""
    font_file = font_file or rtl.font_path()
    name = postscript_name(font_file)
    return DrawnText(label, tuple(_expected_line(line, font_file, name) for line in label.split("\n")))


def _expected_line(line: str, font_file: Path, name: str) -> tuple[Glyph, ...]:
    # A line wholly inside RLI...PDI lays out as an RTL paragraph of its content.
    base = None
    if line.startswith(RLI) and line.endswith(PDI):
        line, base = line[1:-1], 1
    assert RLI not in line and PDI not in line, "the oracle handles whole-line isolates only"
    font = _hb_font(font_file)
    scale = 100 / font.face.upem
    pen, glyphs = 0.0, []
    for start, end, level in visual_runs(line, base):
        buffer = hb.Buffer()
        buffer.add_str(line, item_offset=start, item_length=end - start)
        buffer.direction = "rtl" if level % 2 else "ltr"
        buffer.guess_segment_properties()
        # Digits and punctuation belong to the script around them (UAX #24): "2025" after Arabic
        # words is shaped as Arabic, which picks the font's Arabic-locale digit glyphs.
        script = _surrounding_script(line, start, end)
        if script:
            buffer.script = script
        hb.shape(font, buffer, {})
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            if _has_ink(font, info.codepoint):
                glyphs.append(Glyph(name, info.codepoint, (pen + pos.x_offset) * scale, pos.y_offset * scale))
            pen += pos.x_advance
    return tuple(glyphs)


def _surrounding_script(line: str, start: int, end: int) -> str | None:
    if any(_letter_script(char) for char in line[start:end]):
        return None  # the run has letters of its own: HarfBuzz's guess is right
    for char in [*reversed(line[:start]), *line[end:]]:
        if script := _letter_script(char):
            return script
    return None


def _letter_script(char: str) -> str | None:
    if not char.isalpha():
        return None
    return "Arab" if "\u0600" <= char <= "\u08ff" else "Latn"


def _has_ink(font: hb.Font, gid: int) -> bool:
    extents = font.get_glyph_extents(gid)
    return extents is not None and extents.width != 0 and extents.height != 0


def visual_runs(line: str, base_level: int | None = None) -> list[tuple[int, int, int]]:
    """The line's bidi level runs (start, end, level) in visual order, left to right (UAX #9 P2-L2)."""
    if not line:
        return []
    storage = uba.get_empty_storage()
    level = uba.get_base_level(line) if base_level is None else base_level
    storage["base_level"], storage["base_dir"] = level, ("L", "R")[level]
    uba.get_embedding_levels(line, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [char["level"] for char in storage["chars"]]
    assert len(levels) == len(line)
    for i in range(len(line) - 1, -1, -1):  # L1: trailing whitespace takes the paragraph level
        if not line[i].isspace():
            break
        levels[i] = level
    runs = []
    for i, lvl in enumerate(levels):
        if runs and runs[-1][2] == lvl:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, lvl])
    highest = max(levels)
    lowest_odd = min((lvl for lvl in levels if lvl % 2), default=highest + 1)
    for threshold in range(highest, lowest_odd - 1, -1):  # L2
        i = 0
        while i < len(runs):
            if runs[i][2] >= threshold:
                j = i
                while j < len(runs) and runs[j][2] >= threshold:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    return [tuple(run) for run in runs]


# --- comparing --------------------------------------------------------------------------------


def mismatch(drawn: DrawnText, expected: DrawnText, tolerance: float = 0.6, positions: bool = True) -> str | None:
    """Why the drawing differs from the reference, or None when it matches.

    With ``positions`` the glyphs must also sit where HarfBuzz puts them (±tolerance, in 1/100 em);
    without, only the glyph sequence and its left-to-right order are compared (a renderer that does
    not apply the font's kerning and mark positioning, like matplotlib 3.10, can only get those right).
    """
    if len(drawn.lines) != len(expected.lines):
        return f"{len(drawn.lines)} lines drawn, {len(expected.lines)} expected"
    for number, (got, want) in enumerate(zip(drawn.lines, expected.lines, strict=True), 1):
        key = _glyph_key if positions else _outline_key
        got_ids = [key(g) for g in got]
        want_ids = [key(g) for g in want]
        if got_ids != want_ids:
            return f"line {number}: glyphs {got_ids} drawn, {want_ids} expected"
        if positions:
            for g, w in zip(got, want, strict=True):
                if abs(g.x - w.x) > tolerance or abs(g.y - w.y) > tolerance:
                    return f"line {number}: glyph {g.gid} at ({g.x:.1f}, {g.y:.1f}), expected ({w.x:.1f}, {w.y:.1f})"
        else:
            xs = [g.x for g in got if not _is_mark(g)]
            if xs != sorted(xs):
                return f"line {number}: glyphs not laid out left to right: {xs}"
    return None


def _glyph_key(glyph: Glyph) -> tuple[str, int]:
    return glyph.font, glyph.gid


def _outline_key(glyph: Glyph) -> tuple[str, str]:
    """A glyph as drawn: presentation forms are separate glyph ids with the same outline as the
    shaped forms, and a renderer without OpenType features draws the default for a locl variant."""
    return glyph.font, _outline_names(glyph.font)[glyph.gid]


@cache
def _outline_names(postscript_name: str) -> dict[int, str]:
    with TTFont(str(font_file_for(postscript_name))) as font:
        glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
        first_with_outline: dict[tuple, str] = {}
        names = {}
        for gid, name in enumerate(order):
            name = name.split(".locl")[0] if ".locl" in name else name
            pen = DecomposingRecordingPen(glyphs)
            glyphs[name].draw(pen)
            outline = (repr(pen.value), glyphs[name].width)
            names[gid] = first_with_outline.setdefault(outline, name)
        return names


@cache
def _mark_glyphs(postscript_name: str) -> frozenset[int]:
    with TTFont(str(font_file_for(postscript_name)), lazy=True) as font:
        gdef = font["GDEF"].table.GlyphClassDef.classDefs
        return frozenset(font.getGlyphID(name) for name, cls in gdef.items() if cls == 3)


def _is_mark(glyph: Glyph) -> bool:
    return glyph.gid in _mark_glyphs(glyph.font)
