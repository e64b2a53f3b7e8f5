"""Cleaning one article: title and paragraphs, site furniture and invisible marks removed, shaped text restored.

``clean_document`` fills a document's cleaned ``text``, its paragraph spans, counts and flags, and notes
every change; ``fingerprint`` is the digest that marks two articles as the same text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

from helpers.normalize import (
    BIDI_CONTROLS,
    PRESENTATION_FORMS_RE,
    fold_presentation_forms,
    normalize,
    remove_bidi_controls,
)

from .decode import ARABIC_LETTER_RE
from .document import Document

__all__ = ["BOILERPLATE_LINES", "CLAIMS_PART", "LONG_ARTICLE", "clean_document", "fingerprint", "without_bidi_controls"]

# Last lines of a scraped page that are site furniture, not article text (compared after
# normalisation, so hamza, tanwin and teh marbuta spellings all match).
BOILERPLATE_LINES = (
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ المزيد",
    "شاهد أيضا",
)


_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")
_TATWEEL = "\u0640"
_INITIAL_FORMS = frozenset(
    chr(c) for c in range(0xFB50, 0xFEFF) if unicodedata.decomposition(chr(c)).startswith("<initial>")
)
_FINAL_FORMS = frozenset(
    chr(c) for c in range(0xFB50, 0xFEFF) if unicodedata.decomposition(chr(c)).startswith("<final>")
)
_SHAPED_WORD_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]{2,}")
_PUNCTUATION = " \t:.-–—،؛!…"


def _title_key(line: str) -> str:
    return " ".join(normalize(line.replace("…", "...")).split())


def _boilerplate_key(line: str) -> str:
    return " ".join(normalize(line).strip(_PUNCTUATION).split())


_BOILERPLATE_KEYS = frozenset(_boilerplate_key(line) for line in BOILERPLATE_LINES)
_BOILERPLATE_KEY_LIST = tuple(sorted(_BOILERPLATE_KEYS))


def _is_visual_order(text: str) -> bool:
    """Shaped words that start with a final form and end with an initial form were reversed."""
    logical = visual = 0
    for word in _SHAPED_WORD_RE.findall(text):
        logical += (word[0] in _INITIAL_FORMS) + (word[-1] in _FINAL_FORMS)
        visual += (word[0] in _FINAL_FORMS) + (word[-1] in _INITIAL_FORMS)
    return visual > logical


def _reads_reversed(text: str) -> bool:
    """More words start than end with «ة» or «ى», which only end a word: a short text (a source's name, whose
    shaped forms may not tell: «الجزيرة» starts and ends with isolated forms) stored in visual order."""
    words = text.split()
    return sum(w[0] in "ةى" for w in words) > sum(w[-1] in "ةى" for w in words)


def _to_logical_order(text: str) -> tuple[str, int]:
    """Undo ``get_display`` line by line; reorder before folding so lam-alef stays in order.

    Also the number of lines left as stored: python-bidi fails on code points without a bidi class
    (unassigned ones), and one such line must not stop the load.
    """
    from bidi.algorithm import get_display

    lines, failed = [], 0
    for line in text.split("\n"):
        try:
            lines.append(get_display(line, base_dir="R"))
        except Exception:  # noqa: BLE001 - an AssertionError in python-bidi's algorithm
            lines.append(line)
            failed += 1
    return "\n".join(lines), failed


def _is_shaped(text: str) -> bool:
    """Mostly presentation forms: the text was reshaped upstream (a lone ﷺ is not)."""
    if not PRESENTATION_FORMS_RE.search(text):
        return False
    return len(PRESENTATION_FORMS_RE.findall(text)) > len(ARABIC_LETTER_RE.findall(text))


def _restore_shaped_text(doc: Document, title: str, body: str) -> tuple[str, str]:
    """Fold presentation forms to logical letters (NFKC), and undo visual order if present."""
    if not _is_shaped(title + "\n" + body):
        return title, body
    doc.presentation_forms = True
    doc.visual_order = _is_visual_order(title + "\n" + body)
    if doc.visual_order:
        (title, failed_title), (body, failed_body) = _to_logical_order(title), _to_logical_order(body)
        doc.note("warning", "text stored as presentation forms in visual (reversed) order: "
                            "restored logical order and folded to base letters")
        if failed_title + failed_body:
            doc.note("warning", f"{failed_title + failed_body} lines left in stored order: the bidi algorithm "
                                "could not reorder them (unassigned code points)")
    else:
        doc.note("warning", "text stored as Arabic presentation forms: folded to base letters (NFKC)")
    return fold_presentation_forms(title), fold_presentation_forms(body)


_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
# What makes cleaning take its slow path: carriage returns, bidi controls, presentation forms.
_UNUSUAL_RE = re.compile(f"[\r{BIDI_CONTROLS}\ufb50-\ufdff\ufe70-\ufefe]")


def without_bidi_controls(text: str) -> str:
    # str.translate runs at ~25 MB/s; a regex scan is ~20x faster and most texts have no marks.
    return remove_bidi_controls(text) if _BIDI_RE.search(text) else text


def _split_paragraphs(body: str) -> list[str]:
    """Blank-line separated paragraphs; a body without blank lines has one paragraph per line."""
    parts = _BLANK_LINE_RE.split(body)
    if len(parts) == 1:
        parts = body.split("\n")
    return [p for p in map(str.strip, parts) if p]


def _key_may_be(key, line: str, wanted: tuple[str, ...], bound: int) -> bool:
    """Can ``key(line)`` be one of ``wanted``? Decided on a prefix of a long line first.

    The key of a prefix is a prefix of the key (both fold character by character, then collapse
    spaces), so a prefix whose key starts none of ``wanted`` rules the whole line out without
    normalising a whole paragraph.
    """
    if len(line) > bound:
        head = key(line[:bound])
        if not any(w.startswith(head) for w in wanted):
            return False
    return key(line) in wanted


def _drop_repeated_title(paragraphs: list[str], title: str) -> bool:
    if not paragraphs:
        return False
    first, _, rest = paragraphs[0].partition("\n")
    if not _key_may_be(_title_key, first, (_title_key(title),), 2 * len(title) + 16):
        return False
    if rest.strip():
        paragraphs[0] = rest.strip()
    else:
        paragraphs.pop(0)
    return True


def _drop_boilerplate(paragraphs: list[str]) -> list[str]:
    removed = []
    while paragraphs:
        head, _, last = paragraphs[-1].rpartition("\n")
        if not _key_may_be(_boilerplate_key, last, _BOILERPLATE_KEY_LIST, 64):
            break
        removed.append(last.strip())
        if head.strip():
            paragraphs[-1] = head.strip()
        else:
            paragraphs.pop()
    return removed


def _join(title: str, paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Cleaned text (title, blank line, paragraphs) and each piece's (start, end) in it."""
    spans = [(0, len(title))]
    pos = len(title) + 2 if title else 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    return text, spans


_DELETE, _SLOW = 0xFFFF, 0xFFFE  # lookup results: drop the unit; take the ``normalize`` path
_SPACE_TABLE = np.array([chr(c).isspace() for c in range(0x10000)])  # str.split's whitespace, per UTF-16 unit


def _fold_table() -> np.ndarray:
    """``normalize`` as a lookup table over UTF-16 code units, whitespace folded to one space.

    Built from ``normalize`` itself, so the two cannot drift apart. Characters that fold to several
    (presentation-form ligatures) and U+FFFE/U+FFFF themselves map to ``_SLOW``.
    """
    folded = [normalize(chr(c)) for c in range(0x10000)]
    table = np.array([ord(f) if len(f) == 1 else _DELETE if not f else _SLOW for f in folded], dtype=np.uint16)
    table[_SPACE_TABLE] = 0x20
    table[[_DELETE, _SLOW]] = _SLOW
    return table


_FOLD_TABLE = _fold_table()


def _fingerprint_and_words(text: str) -> tuple[bytes, int]:
    """``fingerprint(text)`` and ``len(text.split())``, from one UTF-16 encoding of the text."""
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    space = _SPACE_TABLE[units]
    # a word starts at each non-space unit that follows a space or the start (surrogates are not spaces)
    n_words = int(np.count_nonzero(space[:-1] > space[1:])) + bool(len(space) and not space[0])
    return _fingerprint_units(text, units), n_words


def fingerprint(text: str) -> bytes:
    """Digest of ``" ".join(normalize(text).split())``: equal for texts that match as the same article.

    A numpy lookup over UTF-16 code units does the folding (``str.translate`` ran at ~25 MB/s, the
    slowest step of a load); text holding characters that fold to several takes the slow path.
    """
    return _fingerprint_units(text, np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16))


def _fingerprint_units(text: str, units: np.ndarray) -> bytes:
    codes = _FOLD_TABLE[units]
    if (codes == _SLOW).any():
        folded = " ".join(normalize(text).split()).encode("utf-16-le", "surrogatepass")
    else:
        codes = codes[codes != _DELETE]
        space = codes == 0x20
        keep = ~space
        keep[1:] |= ~space[:-1]  # keep a space when the unit before it is not a space
        codes = codes[keep]
        start = 1 if len(codes) and codes[0] == 0x20 else 0
        end = len(codes) - 1 if len(codes) > start and codes[-1] == 0x20 else len(codes)
        folded = codes[start:end].tobytes()
    return hashlib.blake2b(folded, digest_size=16).digest()


# An article longer than this (characters; a long news report is 20,000-40,000) is noted in the load report: most
# likely several articles in one file. Its claims are read in parts (milestones.table), since a claim looks back
# over the whole article for its speaker.
LONG_ARTICLE = 100_000
CLAIMS_PART = 50_000
# The end of its note, which a run that reads no claims (extract --no-claims) leaves out (CorpusBuilder).
CLAIMS_IN_PARTS = f", its claims read in parts of about {CLAIMS_PART:,} characters"


def clean_document(doc: Document) -> Document:
    """Cleaned ``text`` and paragraph spans for one article; every change is noted.

    Removes the title repeated as first body line and trailing boilerplate (``BOILERPLATE_LINES``),
    invisible bidi controls, and folds presentation forms. Tatweel is kept (a visible typographic
    choice; matching removes it) and only counted.
    """
    if not doc.is_article:
        return doc
    title, body = doc.title, doc.body
    if _UNUSUAL_RE.search(body) or _UNUSUAL_RE.search(title):
        title = title.replace("\r\n", "\n").replace("\r", "\n").strip()
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        before = len(title) + len(body)
        title, body = without_bidi_controls(title), without_bidi_controls(body)
        doc.n_bidi_removed = before - len(title) - len(body)
        title, body = _restore_shaped_text(doc, title, body)
    else:  # the common case, one scan: no carriage return, bidi control or presentation form
        title, doc.n_bidi_removed = title.strip(), 0
    title = doc.title = " ".join(title.split("\n"))  # the title column shows what the text starts with
    clean_source_and_url(doc)
    paragraphs = _split_paragraphs(body)
    doc.repeated_title_removed = _drop_repeated_title(paragraphs, title)
    removed = _drop_boilerplate(paragraphs)
    doc.boilerplate_removed = bool(removed)
    doc.text, doc.spans = _join(title, paragraphs)
    doc.n_paragraphs, doc.n_chars = len(paragraphs), len(doc.text)
    doc.n_tatweel = doc.text.count(_TATWEEL)
    doc.fingerprint, doc.n_words = _fingerprint_and_words(doc.text)
    _note_cleaning(doc, removed, has_body=bool(paragraphs))
    return doc


def clean_source_and_url(doc: Document) -> None:
    """The source and url without invisible direction marks (copied from a right-to-left page or spreadsheet,
    as a published date's are dropped): «\u200fالجزيرة» would read as «الجزيرة» and not be it, a url not open.
    A source in presentation forms (copied from a PDF, often reversed) is folded as the text is, and said."""
    source = doc.source
    if isinstance(source, str) and PRESENTATION_FORMS_RE.search(source):
        reversed_ = _is_visual_order(source) or _reads_reversed(fold_presentation_forms(source))
        doc.source = fold_presentation_forms(_to_logical_order(source)[0] if reversed_ else source)
        order = " in visual (reversed) order: restored logical order and" if reversed_ else ":"
        doc.note("warning", f"source stored as Arabic presentation forms (copied from a PDF?){order} folded to base "
                            "letters")
    before = after = 0
    for name in ("source", "url"):
        value = getattr(doc, name)
        if isinstance(value, str) and _BIDI_RE.search(value):
            cleaned = remove_bidi_controls(value)
            before, after = before + len(value), after + len(cleaned)
            setattr(doc, name, cleaned or None)
    if before != after:
        doc.note("ok", f"removed {before - after} invisible bidi/zero-width characters from the source and url")


def _note_cleaning(doc: Document, removed: list[str], *, has_body: bool) -> None:
    changes = []
    if doc.repeated_title_removed:
        changes.append("repeated title line")
    if removed:
        changes.append(" and ".join(f"'{line}'" for line in reversed(removed)) + " boilerplate")
    if changes:
        doc.note("ok", "removed " + " and ".join(changes))
    if doc.n_bidi_removed:
        doc.note("ok", f"removed {doc.n_bidi_removed} invisible bidi/zero-width characters")
    if doc.n_tatweel:
        doc.note("ok", f"{doc.n_tatweel} tatweel kept in text")
    if not has_body:
        doc.note("warning", "no body text")
    if doc.n_chars > LONG_ARTICLE:
        doc.note("warning", f"unusually long article ({doc.n_chars:,} characters: several articles in one file?): "
                            f"kept whole{CLAIMS_IN_PARTS}")

