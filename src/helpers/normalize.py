"""Arabic normalisation for matching, with a map back to the original text.

Every rule is one entry in a single character map applied with ``str.translate`` (the
camel_tools idea), so normalising is one fast pass and is idempotent by construction.
Matching runs on the normalised text; ``Normalized.span`` turns a match back into
offsets of the original text, so every count can point at the exact surface it came from.

Rules (each also available alone): alef variants to bare alef, alef maqsura to yeh,
teh marbuta to heh, harakat and tatweel removed, Arabic-Indic and Persian digits to ASCII,
bidi controls and zero-width characters removed, presentation forms (text "reshaped"
upstream) back to base letters. Hamza on waw/yeh (ؤ ئ) is kept: folding it to ء breaks
more names than it joins; spelling variants live in the gazetteer instead.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "ARABIC_LETTER_RE",
    "PRESENTATION_FORMS_RE",
    "Normalized",
    "fold_presentation_forms",
    "has_presentation_forms",
    "normalize",
    "normalize_alef",
    "normalize_alef_maqsura",
    "normalize_digits",
    "normalize_running_text",
    "normalize_teh_marbuta",
    "normalize_with_map",
    "remove_bidi_controls",
    "remove_diacritics",
    "remove_tatweel",
]

ALEF_MAP = {ord(c): "ا" for c in "أإآٱ"}
ALEF_MAQSURA_MAP = {ord("ى"): "ي"}
TEH_MARBUTA_MAP = {ord("ة"): "ه"}
# Harakat, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn"
)
DIACRITICS_MAP = {ord(c): None for c in DIACRITICS}
TATWEEL_MAP = {0x0640: None}
DIGITS_MAP = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}
# Marks that end a sentence when a space or the end of the text follows (a line break always does):
# the milestone and entity tables cut sentences at the same places, so their sentences can be joined.
SENTENCE_MARKS = ".!?؟…"
# LRM RLM ALM, embeddings/overrides, isolates, ZWJ/ZWNJ/ZWSP, word joiner, BOM, soft hyphen.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI_MAP = {ord(c): None for c in BIDI_CONTROLS}

PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# An Arabic letter (basic, extended and supplement blocks; not digits, marks or punctuation): what
# makes a line or a table column Arabic.
ARABIC_LETTER_RE = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_BASE_MAP = {**ALEF_MAP, **ALEF_MAQSURA_MAP, **TEH_MARBUTA_MAP, **DIACRITICS_MAP, **TATWEEL_MAP, **DIGITS_MAP, **BIDI_MAP}


def _presentation_map(base: dict[int, str | None] | None) -> dict[int, str]:
    """Map each Arabic presentation form to its NFKC base letters (then ``base`` rules)."""
    table: dict[int, str] = {}
    for lo, hi in PRESENTATION_RANGES:
        for code in range(lo, hi + 1):
            char = chr(code)
            decomposed = unicodedata.normalize("NFKC", char)
            if decomposed == char or not unicodedata.name(char, ""):
                continue
            if base is not None:
                decomposed = decomposed.translate(base)
            table[code] = decomposed
    return table


_FULL_MAP = {**_BASE_MAP, **_presentation_map(_BASE_MAP)}
_PRESENTATION_ONLY_MAP = _presentation_map(None)
# Characters whose replacement is not exactly one character: they shift offsets.
_SHIFTING = "".join(chr(k) for k, v in _FULL_MAP.items() if v is None or len(v) != 1)
_SHIFTING_RE = re.compile("[" + re.escape(_SHIFTING) + "]")
# The letters folded most often in running text (see normalize_running_text), then all the others.
_FREQUENT_FOLDS = [(c, _FULL_MAP[ord(c)]) for c in "ةأإىآ"]
_OTHER_FOLDS_RE = re.compile(
    "[" + re.escape("".join(chr(k) for k in sorted(_FULL_MAP) if chr(k) not in "ةأإىآ")) + "]+")
assert not any(ord(c) in _FULL_MAP for repl in _FULL_MAP.values() if repl for c in repl)


def _fold_run(match: re.Match) -> str:
    return match.group().translate(_FULL_MAP)


def _rule(name: str, table: dict[int, str | None], doc: str):
    """One rule alone, as a function of a text (``str.translate`` with its part of the map)."""
    def rule(text: str) -> str:
        return text.translate(table)

    rule.__name__ = rule.__qualname__ = name
    rule.__doc__ = doc
    return rule


normalize_alef = _rule("normalize_alef", ALEF_MAP, "أ إ آ ٱ → ا.")
normalize_alef_maqsura = _rule("normalize_alef_maqsura", ALEF_MAQSURA_MAP, "ى → ي.")
normalize_teh_marbuta = _rule("normalize_teh_marbuta", TEH_MARBUTA_MAP, "ة → ه.")
remove_diacritics = _rule("remove_diacritics", DIACRITICS_MAP,
                          "Drop harakat, shadda, sukun, superscript alef and Quranic marks.")
remove_tatweel = _rule("remove_tatweel", TATWEEL_MAP, "Drop the kashida (ـ) used to stretch words.")
normalize_digits = _rule("normalize_digits", DIGITS_MAP, "Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII 0-9.")
remove_bidi_controls = _rule("remove_bidi_controls", BIDI_MAP,
                             "Drop invisible direction marks, isolates, zero-width joiners and the BOM.")
fold_presentation_forms = _rule("fold_presentation_forms", _PRESENTATION_ONLY_MAP,
                                "Presentation forms (U+FB50–FDFF, U+FE70–FEFE) → logical base letters (NFKC).")


def has_presentation_forms(text: str) -> bool:
    """True when ``text`` holds Arabic presentation forms (it was reshaped upstream)."""
    return PRESENTATION_FORMS_RE.search(text) is not None


def normalize(text: str) -> str:
    """All rules at once: the form the extractors match on. Idempotent."""
    return text.translate(_FULL_MAP)


def normalize_running_text(text: str) -> str:
    """``normalize(text)``, several times faster on an article or a whole corpus.

    ``str.translate`` looks every character up in the map; in running Arabic text five letters
    make nearly all the changes, so each goes through ``str.replace`` (one C loop), and one regex
    pass folds the runs of the other mapped characters. Same result: no replacement contains a
    character that is itself replaced (checked at import).
    """
    for char, repl in _FREQUENT_FOLDS:
        text = text.replace(char, repl)
    return _OTHER_FOLDS_RE.sub(_fold_run, text)


@dataclass(frozen=True)
class Normalized:
    """A normalised text with an exact map back to the original.

    ``_starts``/``_origins`` are breakpoints: normalised index ``i`` maps to original index
    ``_origins[k] + (i - _starts[k])`` for the last breakpoint ``k`` with ``_starts[k] <= i``.
    Texts without deleted or expanded characters need a single breakpoint.
    """

    original: str
    text: str
    _starts: tuple[int, ...]
    _origins: tuple[int, ...]

    def origin(self, i: int) -> int:
        """Original index of normalised character ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self._starts, i) - 1
        return self._origins[k] + (i - self._starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of normalised ``text[start:end]``.

        The end grows over marks deleted right after the match (harakat, tatweel), so the
        surface an analyst sees is the whole written word, e.g. ``العراقُ`` not ``العراق``.
        """
        if end <= start:
            o = self.origin(start)
            return o, o
        original, starts, origins = self.original, self._starts, self._origins
        if end > len(self.text):
            ostart, oend = self.origin(start), self.origin(end - 1) + 1
        elif len(starts) == 1 and origins[0] == 0:  # nothing shifted
            return start, end
        else:  # origin(start) and origin(end - 1) + 1, inlined: this runs for every milestone and mention
            k = bisect.bisect_right(starts, start) - 1
            ostart = origins[k] + (start - starts[k])
            k = bisect.bisect_right(starts, end - 1, k) - 1
            oend = origins[k] + (end - starts[k])
        n = len(original)
        while oend < n and (original[oend] == "\u0640" or ord(original[oend]) in DIACRITICS_MAP):
            oend += 1
        return ostart, oend


def _folder():
    """The compiled fold (``helpers._fold``) with the full map; None when it is not built."""
    try:
        from helpers._fold import Folder
    except ImportError:
        return None
    return Folder(_FULL_MAP)


_FOLDER = _folder()


def normalize_with_map(text: str) -> Normalized:
    """Normalise ``text`` and keep the offset map (see ``Normalized``). Compiled when built
    (``helpers._fold``, one pass of C), else ``normalize_with_map_in_python``: the same result."""
    if _FOLDER is None:
        return normalize_with_map_in_python(text)
    folded, starts, origins = _FOLDER.fold(text)
    return Normalized(text, folded, tuple(starts), tuple(origins))


def normalize_with_map_in_python(text: str) -> Normalized:
    """``normalize_with_map`` in Python: the reference for the compiled fold, and its stand-in."""
    starts = [0]
    origins = [0]
    shift = 0  # normalised minus original length before the current character
    for m in _SHIFTING_RE.finditer(text):
        p = m.start()
        npos = p + shift  # every character before p that does not shift maps to exactly one
        repl = _FULL_MAP[ord(text[p])] or ""
        # every character of an expansion points at the character it came from
        for j in range(len(repl)):
            starts.append(npos + j)
            origins.append(p)
        shift += len(repl) - 1
        starts.append(p + 1 + shift)
        origins.append(p + 1)
    # A text dense with marks (vocalised verse) has a run to fold at nearly every other character:
    # one pass of translate is then the cheaper way.
    normalized = text.translate(_FULL_MAP) if len(starts) > len(text) // 8 else normalize_running_text(text)
    # collapse breakpoints that share a start (a deletion directly after another change)
    s_out: list[int] = []
    o_out: list[int] = []
    for s, o in zip(starts, origins):
        if s_out and s_out[-1] == s:
            o_out[-1] = o
        else:
            s_out.append(s)
            o_out.append(o)
    return Normalized(text, normalized, tuple(s_out), tuple(o_out))
