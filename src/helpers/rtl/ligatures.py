"""Which of arabic_reshaper's ligatures the font itself forms when a shaping renderer lays Arabic out.

For a renderer that does not shape (matplotlib < 3.11), ``ar()`` joins letters into presentation forms
with arabic_reshaper. Its ligature table is Unicode's (lam+meem U+FCCC, Allah U+FDF2 ...), not the font's:
IBM Plex Sans Arabic has a glyph for U+FCCC, yet HarfBuzz never puts it in «المقال», while it does join
«في» into one glyph. So the reshaper may form a ligature only in the positional forms the font's own
default-on substitutions make from the letters' positional glyphs (GSUB ``init``/``medi``/``fina`` then
``ccmp``/``rlig``/``liga``/``clig``): what a shaping renderer draws from the same font.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["SHAPING_LIGATURE_FEATURES", "font_ligature_forms"]

# The ligature features a shaper applies to Arabic by default (HarfBuzz's Arabic shaper; ``dlig``, where
# Plex keeps «الله», is discretionary and off).
SHAPING_LIGATURE_FEATURES = ("ccmp", "rlig", "liga", "clig")
_POSITION_FEATURES = ("isol", "init", "medi", "fina")
_PATTERN = re.compile(r"[\\\[\](){}|?*+.^$]")


def font_ligature_forms(font_file: str | Path) -> dict[str, tuple[str, str, str, str]]:
    """Each arabic_reshaper ligature mapped to its (isolated, initial, medial, final) forms, '' where the font's
    shaping does not form it there. A ligature written as a pattern (Rial sign, shadda with a haraka) gets
    no forms: the reshaper would replace marks or spellings the font's shaping treats otherwise."""
    from arabic_reshaper.ligatures import LIGATURES
    from fontTools.ttLib import TTFont

    with TTFont(str(font_file), lazy=True) as font:
        cmap = font.getBestCmap()
        singles, ligatures = _substitutions(font)
    table = {}
    for name, (match, forms) in LIGATURES:
        if _PATTERN.search(match) or any(ord(char) not in cmap for char in match):
            table[name] = ("", "", "", "")
            continue
        letters = [cmap[ord(char)] for char in match]
        table[name] = tuple(
            form if form and ord(form) in cmap and _forms(letters, position, singles, ligatures) == cmap[ord(form)]
            else ""
            for position, form in enumerate(forms)
        )
    return table


def _forms(letters: list[str], position: int, singles, ligatures) -> str | None:
    """The glyph the font's ligature lookups make of the letters' positional glyphs (None: no ligature)."""
    last = len(letters) - 1
    # A ligature standing alone starts initial and ends final; one inside a word joins on the side(s) it has.
    starts = "init" if position in (0, 1) else "medi"
    ends = "fina" if position in (0, 3) else "medi"
    glyphs = [
        singles.get(starts if i == 0 else ends if i == last else "medi", {}).get(glyph)
        for i, glyph in enumerate(letters)
    ]
    if None in glyphs:  # a letter the font lacks
        return None
    for table in ligatures:
        for components, result in table.get(glyphs[0], ()):
            if components == glyphs[1:]:
                return result
    return None


def _substitutions(font) -> tuple[dict[str, dict[str, str]], list[dict[str, list[tuple[list[str], str]]]]]:
    """The Arabic script's positional single substitutions (by feature) and its default ligature lookups."""
    if "GSUB" not in font:
        return {}, []
    gsub = font["GSUB"].table
    scripts = {record.ScriptTag: record.Script for record in gsub.ScriptList.ScriptRecord}
    script = scripts.get("arab") or scripts.get("DFLT")
    if script is None or script.DefaultLangSys is None:
        return {}, []
    features = [gsub.FeatureList.FeatureRecord[i] for i in script.DefaultLangSys.FeatureIndex]
    singles: dict[str, dict[str, str]] = {}
    ligature_lookups: list[int] = []
    for record in features:
        if record.FeatureTag in _POSITION_FEATURES:
            mapping = singles.setdefault(record.FeatureTag, {})
            for index in record.Feature.LookupListIndex:
                for subtable in _subtables(gsub.LookupList.Lookup[index], 1):
                    mapping.update(subtable.mapping)
        elif record.FeatureTag in SHAPING_LIGATURE_FEATURES:
            ligature_lookups.extend(record.Feature.LookupListIndex)
    ligatures = []
    for index in sorted(set(ligature_lookups)):  # lookups apply in lookup-list order
        table: dict[str, list[tuple[list[str], str]]] = {}
        for subtable in _subtables(gsub.LookupList.Lookup[index], 4):
            for first, entries in subtable.ligatures.items():
                table.setdefault(first, []).extend((list(entry.Component), entry.LigGlyph) for entry in entries)
        ligatures.append(table)
    return _with_nominal_fallback(singles, font), ligatures


def _with_nominal_fallback(singles: dict[str, dict[str, str]], font) -> dict[str, dict[str, str]]:
    glyphs = set(font.getGlyphOrder())
    return {feature: _Fallback(singles.get(feature, {}), glyphs) for feature in _POSITION_FEATURES}


class _Fallback(dict):
    """A positional substitution; a glyph it does not substitute is drawn as itself in that position."""

    def __init__(self, mapping: dict[str, str], glyphs: set[str]):
        super().__init__(mapping)
        self._glyphs = glyphs

    def get(self, glyph, default=None):
        return super().get(glyph, glyph if glyph in self._glyphs else default)


def _subtables(lookup, kind: int):
    for subtable in lookup.SubTable:
        if lookup.LookupType == 7:  # extension: the real subtable inside
            if subtable.ExtensionLookupType == kind:
                yield subtable.ExtSubTable
        elif lookup.LookupType == kind:
            yield subtable
