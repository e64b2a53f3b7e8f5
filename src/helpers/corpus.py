"""Load a folder of Arabic news articles into three tables, losing nothing on the way.

``load_corpus`` reads ``.txt`` articles (line 1 the title, paragraphs split by blank lines, an
optional ``manifest.csv`` in their folder or above) and ``.jsonl``/``.json``/``.csv``/``.parquet`` records, and
returns a ``Corpus``: ``articles`` (one row per article, cleaned ``text`` next to the untouched
``raw_text``), ``paragraphs`` (offsets into ``text``) and ``report`` (one row per input file or
record, saying what was done to it and what went wrong). Bad input never raises and is never
dropped silently: it becomes a ``warning`` (loaded, look at it) or ``error`` (not loaded) row.
``strict=True`` raises ``CorpusError`` at the first problem instead.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import os
import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import partial
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from tqdm import tqdm

from helpers.normalize import (
    BIDI_CONTROLS,
    PRESENTATION_FORMS_RE,
    fold_presentation_forms,
    normalize,
    remove_bidi_controls,
)
from helpers.paths import SEEDS

__all__ = [
    "Corpus",
    "CorpusError",
    "Document",
    "clean_document",
    "decode_bytes",
    "fingerprint",
    "iter_documents",
    "load_corpus",
    "load_seed",
    "read_file",
]

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

# Record field names accepted for each article attribute, first match wins.
FIELD_ALIASES = {
    "article_id": ("article_id", "id"),
    "title": ("title", "headline"),
    "body": ("text", "body", "content"),
    "published": ("published", "date"),
    "source": ("source",),
    "url": ("url", "link"),
}

TEXT_SUFFIXES = (".txt",)  # record formats: see _READERS
MANIFEST_NAME = "manifest.csv"
DOCUMENTATION_STEMS = ("readme",)  # README.md beside the articles: reported as ok, not as unknown

ARTICLE_COLUMNS = [
    "article_id", "title", "text", "published", "source", "url", "path", "line", "encoding",
    "n_paragraphs", "n_words", "n_chars", "duplicate_of", "repeated_title_removed",
    "boilerplate_removed", "n_bidi_removed", "n_tatweel", "presentation_forms",
    "visual_order", "n_replaced_bytes", "raw_text",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "text", "char_start", "char_end"]
REPORT_COLUMNS = ["path", "line", "article_id", "status", "reason"]

_STATUS_RANK = {"ok": 0, "warning": 1, "error": 2}
_BATCH = 1000  # articles per Arrow batch of the final frames
_CHUNK = 64  # files per task when reading in parallel
_PARALLEL_FROM = 512  # fewer files than this are read in-process (pool start-up costs ~1 s)
# Files or articles from which loading and extraction show a progress bar: below it a step takes about
# a second, and the committed notebooks (small corpora) print nothing that would differ between runs.
PROGRESS_FROM = 2_000

_STRING = pa.large_string()
_ARTICLE_SCHEMA = pa.schema(
    [("article_id", _STRING), ("title", _STRING), ("text", _STRING), ("published", pa.timestamp("us")),
     ("source", _STRING), ("url", _STRING), ("path", _STRING), ("line", pa.int64()), ("encoding", _STRING),
     ("n_paragraphs", pa.int64()), ("n_words", pa.int64()), ("n_chars", pa.int64()),
     ("duplicate_of", _STRING), ("repeated_title_removed", pa.bool_()), ("boilerplate_removed", pa.bool_()),
     ("n_bidi_removed", pa.int64()), ("n_tatweel", pa.int64()), ("presentation_forms", pa.bool_()),
     ("visual_order", pa.bool_()), ("n_replaced_bytes", pa.int64()), ("raw_text", _STRING)]
)
_TEXT_SCHEMA = pa.schema([("title", _STRING), ("text", _STRING), ("raw_text", _STRING)])
_LIGHT_COLUMNS = [c for c in ARTICLE_COLUMNS if c not in _TEXT_SCHEMA.names]
_PARAGRAPH_TEXT_SCHEMA = pa.schema(
    [("paragraph", pa.int64()), ("text", _STRING), ("char_start", pa.int64()), ("char_end", pa.int64())]
)
_PARAGRAPH_SCHEMA = pa.schema(
    [("article_id", _STRING), ("paragraph", pa.int64()), ("text", _STRING),
     ("char_start", pa.int64()), ("char_end", pa.int64())]
)


class CorpusError(ValueError):
    """Raised by ``load_corpus(strict=True)`` at the first problem, naming file and line."""


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    """One raw article from a file or record, or a problem entry (``body is None``, not loaded).

    ``notes`` are ``(status, reason)`` pairs; the cleaned fields stay empty until
    ``clean_document`` fills them.
    """

    path: str
    line: int | None = None
    article_id: str | None = None
    title: str | None = None
    body: str | None = None
    published: object = None
    source: str | None = None
    url: str | None = None
    raw_text: str | None = None
    encoding: str | None = None
    n_replaced_bytes: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)
    published_where: str = ""
    duplicate_of: str | None = None
    # filled by clean_document
    text: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    fingerprint: bytes = b""
    n_paragraphs: int = 0
    n_words: int = 0
    n_chars: int = 0
    repeated_title_removed: bool = False
    boilerplate_removed: bool = False
    n_bidi_removed: int = 0
    n_tatweel: int = 0
    presentation_forms: bool = False
    visual_order: bool = False

    @property
    def is_article(self) -> bool:
        return self.body is not None

    @property
    def status(self) -> str:
        return max((s for s, _ in self.notes), key=_STATUS_RANK.__getitem__, default="ok")

    @property
    def reason(self) -> str:
        return "; ".join(r for _, r in self.notes)

    def note(self, status: str, reason: str) -> None:
        self.notes.append((status, reason))


# --------------------------------------------------------------------------- decoding

# Bytes replaced by the counting error handler during the current decode (one decode at a time:
# the loader uses processes, not threads).
_REPLACED = [0]


def _count_and_replace(exc: UnicodeDecodeError) -> tuple[str, int]:
    _REPLACED[0] += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("corpus-count-replace", _count_and_replace)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_ACCENTED_LATIN_RE = re.compile("[\u00c0-\u00ff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])  # _CONTROL_RE's characters, as bytes


def _decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    _REPLACED[0] = 0
    text = data.decode(encoding, errors="corpus-count-replace")
    return text, _REPLACED[0]


def _legacy_arabic_score(text: str) -> int:
    # The wrong single-byte guess turns the article ال into ان and letters into accented Latin.
    return len(_ARABIC_LETTER_RE.findall(text)) + text.count("ال") - 3 * len(_ACCENTED_LATIN_RE.findall(text))


def decode_bytes(data: bytes) -> tuple[str, str, int]:
    """Decode a file's bytes: ``(text, encoding, n_replaced_bytes)``.

    BOMs first, then strict UTF-8. UTF-8 with a few broken bytes (more valid non-ASCII characters
    than bad bytes) stays UTF-8 with replacement. Otherwise the text is single-byte Arabic:
    ISO-8859-6 leaves feh, qaf, kaf and tatweel's windows-1256 bytes undefined, so if it fails
    the file is windows-1256; if both decode, the one with more Arabic letters and ``ال`` and
    fewer accented Latin letters wins (ties go to windows-1256, the common one). charset-normalizer
    was not used: it named short Arabic texts big5 or cp1251.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, bad = _decode_counting(data[len(bom):], encoding.removesuffix("-sig"))
            return text, encoding, bad
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        text, bad = _decode_counting(data, utf16)
        return text, utf16, bad
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text, bad = _decode_counting(data, "utf-8")
    if sum(1 for c in text if ord(c) > 127 and c != "\ufffd") > bad:
        return text, "utf-8", bad
    candidates = [(data.decode("windows-1256"), "windows-1256")]
    try:
        candidates.append((data.decode("iso-8859-6"), "iso-8859-6"))
    except UnicodeDecodeError:
        pass
    best, encoding = max(candidates, key=lambda c: _legacy_arabic_score(c[0]))
    return best, encoding, 0


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a byte order mark, else None.

    Arabic and Latin text in UTF-16 has 0x06 (Arabic) or 0x00 (ASCII, Latin-1) as the high byte of
    nearly every character, which no 8-bit or UTF-8 text has (UTF-8 has no NUL bytes at all).
    """
    head = data[:4096]
    if b"\x00" not in head or len(data) % 2:
        return None
    for high, encoding in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if high.count(0) + high.count(6) >= 0.9 * len(high):
            return encoding
    return None


def _looks_binary(data: bytes, text: str | None = None) -> bool:
    """NUL bytes (outside UTF-16/32) or more than 10% control characters mean not text."""
    if text is None:
        return (b"\x00" in data[:65536] and not data.startswith(tuple(bom for bom, _ in _BOMS))
                and _bomless_utf16(data) is None)
    head = text[:65536]
    return len(_CONTROL_RE.findall(head)) > 0.1 * max(len(head), 1)


def _read_text(path: Path, doc: Document) -> str | None:
    """Read and decode ``path``, noting encoding problems on ``doc``; None when unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        doc.note("error", f"cannot read file: {exc.strerror or exc}")
        return None
    if not data:
        doc.note("error", "empty file, skipped")
        return None
    if _looks_binary(data):
        doc.note("error", "binary file, skipped")
        return None
    text, encoding, bad = decode_bytes(data)
    # Strict UTF-8 without control bytes has no control characters: skip the scan of the text.
    plain = encoding == "utf-8" and not bad and len(data.translate(None, _CONTROL_BYTES)) == len(data)
    if not plain and _looks_binary(data, text):
        doc.note("error", "binary file, skipped")
        return None
    doc.encoding, doc.n_replaced_bytes = encoding, bad
    if encoding in ("windows-1256", "iso-8859-6"):
        doc.note("warning", f"decoded as {encoding}")
    elif encoding in ("utf-16-le", "utf-16-be") and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        doc.note("warning", f"decoded as {encoding} (no byte order mark)")
    elif encoding != "utf-8":
        doc.note("ok", f"decoded as {encoding} (byte order mark)")
    if bad:
        doc.note("warning", f"{bad} undecodable bytes replaced with U+FFFD (decoded as {encoding})")
    return text


# --------------------------------------------------------------------------- per-format readers


def _read_txt(path: Path) -> list[Document]:
    """A scraped-page article: first non-blank line is the title, the rest is the body."""
    doc = Document(str(path), article_id=path.stem)
    text = _read_text(path, doc)
    if text is None:
        return [doc]
    doc.raw_text = text
    stripped = text.lstrip()
    # A first visible character that is not a bidi control proves there is text: no scan needed.
    if (not stripped or stripped[0] in BIDI_CONTROLS) and not _without_bidi_controls(text).strip():
        doc.note("error", "file holds only whitespace, skipped")
        return [doc]
    lines = stripped.split("\n", 1)
    doc.title = lines[0]
    doc.body = lines[1] if len(lines) > 1 else ""
    return [doc]


def _field(record: dict, name: str) -> object:
    for key in FIELD_ALIASES[name]:
        value = record.get(key)
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            return value
    return None


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


def _record_document(path: Path, line: int, record: object, raw: str, file_doc: Document) -> Document:
    """Turn one JSON/CSV/Parquet record into a Document, noting a missing title or text."""
    doc = replace(file_doc, line=line, raw_text=raw, notes=list(file_doc.notes))
    if not isinstance(record, dict):
        doc.note("error", f"line {line}: record is a {type(record).__name__}, not an object")
        return doc
    record_id = _as_text(_field(record, "article_id"))
    doc.article_id = record_id if record_id else f"{path.stem}:{line}"
    doc.title = _as_text(_field(record, "title"))
    body = _as_text(_field(record, "body"))
    doc.published = _field(record, "published")
    doc.published_where = f" on line {line}"
    doc.source, doc.url = _as_text(_field(record, "source")), _as_text(_field(record, "url"))
    if body is None or not body.strip():
        doc.note("error", f"line {line}: record has no text (expected a 'text' or 'body' field)")
        return doc
    doc.body = body
    if not doc.title or not doc.title.strip():
        doc.note("warning", f"line {line}: record has no title")
        doc.title = ""
    return doc


def _read_jsonl(path: Path) -> list[Document]:
    file_doc = Document(str(path))
    text = _read_text(path, file_doc)
    if text is None:
        return [file_doc]
    docs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            doc = replace(file_doc, line=number, raw_text=line, notes=list(file_doc.notes))
            doc.note("error", f"line {number}: malformed JSON: {exc.msg}")
            docs.append(doc)
            continue
        docs.append(_record_document(path, number, record, line, file_doc))
    return docs or [_no_records(file_doc)]


def _read_json(path: Path) -> list[Document]:
    """A list of records (``line`` is the 1-based position in the list) or a single record."""
    file_doc = Document(str(path))
    text = _read_text(path, file_doc)
    if text is None:
        return [file_doc]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        file_doc.note("error", f"line {exc.lineno}: malformed JSON: {exc.msg}")
        file_doc.line = exc.lineno
        return [file_doc]
    records = data if isinstance(data, list) else [data]
    docs = [
        _record_document(path, i, r, json.dumps(r, ensure_ascii=False), file_doc)
        for i, r in enumerate(records, start=1)
    ]
    return docs or [_no_records(file_doc)]


def _read_csv(path: Path) -> list[Document]:
    """Rows of a CSV with a header; ``line`` is the file line where the row starts."""
    file_doc = Document(str(path))
    text = _read_text(path, file_doc)
    if text is None:
        return [file_doc]
    lines = text.splitlines(keepends=True)
    reader = csv.DictReader(lines)
    docs = []
    start = 2
    try:
        for row in reader:
            raw = "".join(lines[start - 1 : reader.line_num]).rstrip("\r\n")
            docs.append(_record_document(path, start, row, raw, file_doc))
            start = reader.line_num + 1
    except csv.Error as exc:
        doc = replace(file_doc, line=start, notes=list(file_doc.notes))
        doc.note("error", f"line {start}: malformed CSV: {exc}")
        docs.append(doc)
    return docs or [_no_records(file_doc)]


def _read_parquet(path: Path) -> list[Document]:
    """Rows of a Parquet table; ``line`` is the 1-based row number."""
    import pyarrow.parquet as pq

    file_doc = Document(str(path))
    try:
        rows = pq.read_table(path).to_pylist()
    except (OSError, pa.ArrowException) as exc:
        file_doc.note("error", f"cannot read Parquet: {exc}")
        return [file_doc]
    docs = [
        _record_document(path, i, r, json.dumps(r, ensure_ascii=False, default=str), file_doc)
        for i, r in enumerate(rows, start=1)
    ]
    return docs or [_no_records(file_doc)]


def _no_records(file_doc: Document) -> Document:
    if file_doc.status != "error":
        file_doc.note("error", "no records in file")
    return file_doc


def _read_unknown(path: Path) -> list[Document]:
    doc = Document(str(path))
    if path.stem.lower() in DOCUMENTATION_STEMS:
        doc.note("ok", "documentation, not an article, skipped")
    else:
        doc.note("warning", f"unknown extension {path.suffix or '(none)'}, skipped")
    return [doc]


_READERS = {
    ".txt": _read_txt,
    ".jsonl": _read_jsonl,
    ".json": _read_json,
    ".csv": _read_csv,
    ".parquet": _read_parquet,
}


def read_file(path: str | Path) -> list[Document]:
    """Every document in one file (a single problem entry when the file cannot be read)."""
    path = Path(path)
    return _READERS.get(path.suffix.lower(), _read_unknown)(path)


# --------------------------------------------------------------------------- cleaning

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


def _to_logical_order(text: str) -> str:
    """Undo ``get_display`` line by line; reorder before folding so lam-alef stays in order."""
    from bidi.algorithm import get_display

    return "\n".join(get_display(line, base_dir="R") for line in text.split("\n"))


def _is_shaped(text: str) -> bool:
    """Mostly presentation forms: the text was reshaped upstream (a lone ﷺ is not)."""
    if not PRESENTATION_FORMS_RE.search(text):
        return False
    return len(PRESENTATION_FORMS_RE.findall(text)) > len(_ARABIC_LETTER_RE.findall(text))


def _restore_shaped_text(doc: Document, title: str, body: str) -> tuple[str, str]:
    """Fold presentation forms to logical letters (NFKC), and undo visual order if present."""
    if not _is_shaped(title + "\n" + body):
        return title, body
    doc.presentation_forms = True
    doc.visual_order = _is_visual_order(title + "\n" + body)
    if doc.visual_order:
        title, body = _to_logical_order(title), _to_logical_order(body)
        doc.note("warning", "text stored as presentation forms in visual (reversed) order: "
                            "restored logical order and folded to base letters")
    else:
        doc.note("warning", "text stored as Arabic presentation forms: folded to base letters (NFKC)")
    return fold_presentation_forms(title), fold_presentation_forms(body)


_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
# What makes cleaning take its slow path: carriage returns, bidi controls, presentation forms.
_UNUSUAL_RE = re.compile(f"[\r{BIDI_CONTROLS}\ufb50-\ufdff\ufe70-\ufefe]")


def _without_bidi_controls(text: str) -> str:
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
        title, body = _without_bidi_controls(title), _without_bidi_controls(body)
        doc.n_bidi_removed = before - len(title) - len(body)
        title, body = _restore_shaped_text(doc, title, body)
    else:  # the common case, one scan: no carriage return, bidi control or presentation form
        title, doc.n_bidi_removed = title.strip(), 0
    title = " ".join(title.split("\n"))
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


# --------------------------------------------------------------------------- walking and manifests


@dataclass
class _Manifest:
    """``article_id -> (line, published, source, url)`` for ``.txt`` files, plus its own notes."""

    path: str
    rows: dict[str, tuple[int, str | None, str | None, str | None]]
    notes: list[Document]
    used: set[str] = field(default_factory=set)


def _read_manifest(path: Path) -> _Manifest:
    doc = Document(str(path))
    text = _read_text(path, doc)
    rows: dict = {}
    problems = [doc]
    if text is None:
        return _Manifest(str(path), rows, problems)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if "article_id" not in (reader.fieldnames or []):
        doc.note("error", "manifest has no article_id column, ignored")
        return _Manifest(str(path), rows, problems)
    for line, row in enumerate(reader, start=2):
        article_id = (row.get("article_id") or "").strip()
        if article_id in rows:
            extra = Document(str(path), line=line, article_id=article_id)
            extra.note("warning", f"line {line}: manifest lists {article_id} again, row ignored")
            problems.append(extra)
            continue
        rows[article_id] = (line, row.get("published"), row.get("source"), row.get("url"))
    doc.note("ok", f"manifest with {len(rows)} rows")
    return _Manifest(str(path), rows, problems)


def _walk(root: Path) -> list[str]:
    """Every file under ``root``, sorted by path (folder by folder). Strings: 100,000 Paths cost ~50 MB."""
    if not root.is_dir():
        return [str(root)]
    files: list[str] = []

    def visit(folder: str) -> None:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_dir():
                visit(entry.path)
            else:
                files.append(entry.path)

    visit(str(root))
    return files


def _apply_manifest(doc: Document, manifest: _Manifest) -> None:
    row = manifest.rows.get(doc.article_id)
    if row is None:
        return
    manifest.used.add(doc.article_id)
    line, published, source, url = row
    doc.published = published or None
    doc.source, doc.url = source or None, url or None
    doc.published_where = f" in {os.path.basename(manifest.path)} line {line}"


def _missing_file_notes(manifest: _Manifest) -> Iterator[Document]:
    for article_id, (line, *_rest) in manifest.rows.items():
        if article_id not in manifest.used:
            doc = Document(manifest.path, line=line, article_id=article_id)
            doc.note("warning", f"line {line}: manifest row for {article_id} but no file {article_id}.txt")
            yield doc


@dataclass
class _Plan:
    """Files to read, in order, and the manifest that applies to each ``.txt``."""

    files: list[str]
    manifests: dict[Path, _Manifest]  # folder -> the manifest.csv found in it
    explicit: _Manifest | None
    is_dir: bool
    unused_manifests: list[Path] = field(default_factory=list)

    def manifest_for(self, path: str) -> _Manifest | None:
        """The explicit manifest, else the nearest ``manifest.csv`` in the file's folder or above."""
        path = Path(path)
        if path.suffix.lower() not in TEXT_SUFFIXES:
            return None
        if self.explicit is not None:
            return self.explicit
        return next((self.manifests[p] for p in path.parents if p in self.manifests), None)


def _plan(path: str | Path, manifest: str | Path | None) -> _Plan:
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {root}")
    files = _walk(root)
    explicit = _read_manifest(Path(manifest)) if manifest is not None else None
    found = [Path(f) for f in files if os.path.basename(f) == MANIFEST_NAME]
    manifests = {}
    if explicit is None and root.is_dir():
        manifests = {f.parent: _read_manifest(f) for f in found}
    articles = [f for f in files if os.path.basename(f) != MANIFEST_NAME]
    unused = found if explicit is not None else []
    return _Plan(articles, manifests, explicit, root.is_dir(), unused)


def _manifest_entries(plan: _Plan, *, start: bool) -> Iterator[Document]:
    manifests = list(plan.manifests.values()) + ([plan.explicit] if plan.explicit else [])
    for manifest in manifests:
        if start:
            yield from manifest.notes
        elif plan.is_dir:
            yield from _missing_file_notes(manifest)
    for path in plan.unused_manifests if start else ():
        doc = Document(str(path))
        doc.note("ok", "manifest not used: an explicit manifest was given")
        yield doc


def _with_manifest(docs: list[Document], plan: _Plan) -> list[Document]:
    for doc in docs:
        manifest = plan.manifest_for(doc.path)
        if manifest is not None and doc.article_id is not None:
            _apply_manifest(doc, manifest)
    return docs


def iter_documents(path: str | Path, *, manifest: str | Path | None = None) -> Iterator[Document]:
    """Yield raw documents one at a time, in sorted file order, manifest fields applied.

    Manifest notes come first; manifest rows without a file come last. Nothing is cleaned here:
    pass each document to ``clean_document``. Suits streaming batches over large corpora.
    """
    plan = _plan(path, manifest)
    yield from _manifest_entries(plan, start=True)
    for file in plan.files:
        yield from _with_manifest(read_file(file), plan)
    yield from _manifest_entries(plan, start=False)


@dataclass
class _Chunk:
    """Cleaned documents of a run of files, their long strings already packed into Arrow.

    Workers send this back: Arrow buffers pickle as plain bytes, so the loading process neither
    decodes nor re-encodes the text, and holds it once, in exact-size buffers.
    """

    docs: list[list[Document]]  # per file; articles keep counts and flags, not their strings
    texts: pa.RecordBatch  # title, text, raw_text: one row per article, in order
    paragraphs: pa.RecordBatch  # paragraph, text, char_start, char_end: rows of those articles


def _pack(per_file: list[list[Document]], keep_raw_text: bool) -> _Chunk:
    articles = [d for docs in per_file for d in docs if d.is_article]
    texts = pa.RecordBatch.from_arrays(
        [_string_array([d.title for d in articles]), _string_array([d.text for d in articles]),
         _string_array([d.raw_text if keep_raw_text else None for d in articles])],
        schema=_TEXT_SCHEMA,
    )
    numbers, pieces, starts, ends = [], [], [], []
    for doc in articles:
        for number, (start, end) in enumerate(doc.spans):
            numbers.append(number)
            pieces.append(doc.text[start:end])
            starts.append(start)
            ends.append(end)
        doc.title = doc.body = doc.text = doc.raw_text = ""
        doc.spans = []
    paragraphs = pa.RecordBatch.from_arrays(
        [pa.array(numbers, pa.int64()), _string_array(pieces), pa.array(starts, pa.int64()),
         pa.array(ends, pa.int64())],
        schema=_PARAGRAPH_TEXT_SCHEMA,
    )
    return _Chunk(per_file, texts, paragraphs)


def _read_and_clean(files: list[str], keep_raw_text: bool = True) -> _Chunk:
    return _pack([[clean_document(d) for d in read_file(f)] for f in files], keep_raw_text)


def _cleaned_chunks(files: list[str], workers: int, keep_raw_text: bool = True) -> Iterator[_Chunk]:
    """Cleaned chunks of files, in file order; a process pool when ``workers > 1``.

    At most ``4 * workers`` chunks are in flight, so memory stays bounded however fast workers are.
    """
    chunks = [files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK)]
    task = partial(_read_and_clean, keep_raw_text=keep_raw_text)
    if workers <= 1:
        yield from map(task, chunks)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        pending: deque = deque()
        todo = iter(chunks)
        try:
            for chunk in todo:
                pending.append(pool.submit(task, chunk))
                if len(pending) >= 4 * workers:
                    break
            while pending:
                result = pending.popleft().result()
                chunk = next(todo, None)
                if chunk is not None:
                    pending.append(pool.submit(task, chunk))
                yield result
        finally:
            for future in pending:
                future.cancel()


# --------------------------------------------------------------------------- dates


def _parse_published(value: object) -> tuple[datetime | None, bool]:
    """ISO 8601 date or datetime → naive datetime (local wall time kept); ``ok`` False if unreadable.

    Only ISO is accepted: ``03/04/2024`` is ambiguous (day or month first), so it is reported, not guessed.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), True
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), True
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).replace(tzinfo=None), True
        except ValueError:
            pass
    return None, False


# --------------------------------------------------------------------------- frames


@dataclass
class Corpus:
    """The loaded corpus: ``articles``, ``paragraphs`` (offsets into ``articles.text``), ``report``."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    report: pd.DataFrame

    def raw_text(self, article_id: str) -> str:
        """The article as decoded from its file or record, before any cleaning (read back on demand)."""
        row = self.articles.loc[self.articles["article_id"] == article_id]
        if row.empty:
            raise KeyError(f"no article {article_id!r} in this corpus")
        kept = row["raw_text"].iloc[0]
        if isinstance(kept, str):
            return kept
        path, line = row["path"].iloc[0], row["line"].iloc[0]
        for doc in read_file(path):
            if pd.isna(line) or doc.line == line:
                return doc.raw_text
        raise KeyError(f"article {article_id!r} is no longer in {path}")

    def unique(self) -> pd.DataFrame:
        """Articles without the later copies of duplicated texts."""
        return self.articles[self.articles["duplicate_of"].isna()]

    @property
    def problems(self) -> pd.DataFrame:
        """Report rows with a warning or error."""
        return self.report[self.report["status"] != "ok"]

    def __repr__(self) -> str:
        counts = self.report["status"].value_counts()
        n_dup = int(self.articles["duplicate_of"].notna().sum())
        return (
            f"Corpus: {len(self.articles)} articles ({n_dup} duplicates), {len(self.paragraphs)} paragraphs, "
            f"{int(self.articles['n_words'].sum())} words; report: {counts.get('ok', 0)} ok, "
            f"{counts.get('warning', 0)} warnings, {counts.get('error', 0)} errors"
        )


class _FrameBuilder:
    """Turns cleaned chunks into Arrow batches (ids made unique, duplicates marked) and the report."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.ids: set[str] = set()
        self.first_by_text: dict[bytes, str] = {}
        self.report: dict[str, list] = {name: [] for name in REPORT_COLUMNS}
        self.article_batches: list[pa.RecordBatch] = []
        self.paragraph_batches: list[pa.RecordBatch] = []
        self._new_batch()

    def _new_batch(self) -> None:
        self.rows: dict[str, list] = {name: [] for name in _LIGHT_COLUMNS}
        self.chunks: list[_Chunk] = []

    def add(self, doc: Document) -> None:
        """Report one document (and keep its small fields when it is an article)."""
        if doc.is_article:
            self._check_article(doc)
        for name, value in zip(REPORT_COLUMNS, (doc.path, doc.line, doc.article_id, doc.status, doc.reason)):
            self.report[name].append(value)
        if self.strict and doc.status != "ok":
            where = f"{doc.path}, line {doc.line}" if doc.line is not None else doc.path
            raise CorpusError(f"{where}: {doc.reason}")
        if doc.is_article:
            for name in _LIGHT_COLUMNS:
                self.rows[name].append(getattr(doc, name))

    def add_chunk(self, chunk: _Chunk, plan: _Plan) -> None:
        for docs in chunk.docs:
            for doc in _with_manifest(docs, plan):
                self.add(doc)
        self.chunks.append(chunk)
        if len(self.rows["article_id"]) >= _BATCH:
            self._flush()

    def _check_article(self, doc: Document) -> None:
        """Unique id, duplicate text and published date: the checks that need the whole corpus."""
        if doc.article_id in self.ids:
            original, k = doc.article_id, 2
            while f"{original}~{k}" in self.ids:
                k += 1
            doc.article_id = f"{original}~{k}"
            doc.note("warning", f"duplicate article_id {original}, renamed {doc.article_id}")
        self.ids.add(doc.article_id)
        first = self.first_by_text.setdefault(doc.fingerprint, doc.article_id)
        doc.duplicate_of = first if first != doc.article_id else None
        if doc.duplicate_of:
            doc.note("warning", f"duplicate of {first} (same normalised text)")
        raw_published = doc.published
        doc.published, ok = _parse_published(raw_published)
        if not ok:
            doc.note("warning", f"bad published date {raw_published!r}{doc.published_where}, set to NaT")

    def _flush(self) -> None:
        if self.rows["article_id"]:
            texts = pa.concat_batches([c.texts for c in self.chunks])
            columns = {f.name: pa.array(self.rows[f.name], type=f.type) for f in _ARTICLE_SCHEMA
                       if f.name in self.rows}
            columns.update({name: texts.column(name) for name in texts.schema.names})
            self.article_batches.append(
                pa.RecordBatch.from_arrays([columns[f.name] for f in _ARTICLE_SCHEMA], schema=_ARTICLE_SCHEMA)
            )
            paragraphs = pa.concat_batches([c.paragraphs for c in self.chunks])
            owners = np.repeat(np.arange(len(self.rows["article_id"])), np.add(self.rows["n_paragraphs"], 1))
            article_ids = columns["article_id"].take(pa.array(owners))
            self.paragraph_batches.append(
                pa.RecordBatch.from_arrays([article_ids, *paragraphs.columns], schema=_PARAGRAPH_SCHEMA)
            )
        self._new_batch()

    def corpus(self) -> Corpus:
        self._flush()
        articles = _to_frame(self.article_batches, _ARTICLE_SCHEMA)
        articles["line"] = articles["line"].astype("Int64")
        paragraphs = _to_frame(self.paragraph_batches, _PARAGRAPH_SCHEMA)
        report = pd.DataFrame(self.report).astype(
            {"path": "str", "line": "Int64", "article_id": "str", "status": "str", "reason": "str"}
        )
        return Corpus(articles, paragraphs, report)


def _string_array(values: list[str | None]) -> pa.Array:
    """Arrow strings in one exact-size buffer.

    Arrow's builder grows its buffer by doubling and its allocator keeps the freed ones: on a
    500 MB corpus that cost ~0.4 GB of peak memory. Joined UTF-8 bytes are wrapped without a copy.
    """
    encoded = [b"" if v is None else v.encode("utf-8", "surrogatepass") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    missing = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    validity = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
    data = pa.py_buffer(b"".join(encoded))
    return pa.Array.from_buffers(_STRING, len(values), [validity, pa.py_buffer(offsets), data])


def _to_frame(batches: list[pa.RecordBatch], schema: pa.Schema) -> pd.DataFrame:
    table = pa.Table.from_batches(batches, schema=schema)
    return table.to_pandas(self_destruct=True, split_blocks=True)


# --------------------------------------------------------------------------- entry points


def load_corpus(
    path: str | Path,
    *,
    strict: bool = False,
    manifest: str | Path | None = None,
    workers: int | None = None,
    keep_raw_text: bool = False,
    progress: bool | None = None,
) -> Corpus:
    """Load a directory (walked recursively, sorted) or a single file into a ``Corpus``.

    ``manifest`` names a CSV (``article_id,published,source,url``) for every ``.txt``; without it
    each folder's ``manifest.csv`` applies to the ``.txt`` files in and below it. Large folders are
    read by a process pool (``workers``, default: all cores); the result does not depend on it.
    The decoded input of each article stays available through ``Corpus.raw_text(article_id)``, read
    back from its file on demand; ``keep_raw_text=True`` also keeps it in the ``raw_text`` column,
    at the cost of a third more memory (a large corpus then needs ~4x its size instead of <3x).
    ``progress`` shows a bar of files read (default: only for large folders, so small corpora and
    the committed notebooks print nothing).
    """
    plan = _plan(path, manifest)
    if progress is None:
        progress = len(plan.files) >= PROGRESS_FROM
    if workers is None:
        workers = (os.cpu_count() or 1) if len(plan.files) >= _PARALLEL_FROM else 1
    builder = _FrameBuilder(strict)
    for doc in _manifest_entries(plan, start=True):
        builder.add(doc)
    with tqdm(total=len(plan.files), unit="file", desc="load", disable=not progress) as bar:
        for chunk in _cleaned_chunks(plan.files, workers, keep_raw_text):
            builder.add_chunk(chunk, plan)
            bar.update(len(chunk.docs))
    for doc in _manifest_entries(plan, start=False):
        builder.add(doc)
    return builder.corpus()


def load_seed(**kwargs) -> Corpus:
    """The scraped seed articles (with their ``manifest.csv`` when there is one)."""
    return load_corpus(SEEDS, **kwargs)


def overview(corpus: Corpus) -> pd.DataFrame:
    """The articles table an analyst reads first: ids, titles, dates, sizes, encoding, duplicates."""
    columns = ["article_id", "title", "published", "source", "n_paragraphs", "n_words", "encoding", "duplicate_of"]
    table = corpus.articles[columns].copy()
    table["published"] = table["published"].dt.strftime("%Y-%m-%d")
    return table.fillna({"published": "", "source": "", "duplicate_of": ""})


def readable_report(corpus: Corpus) -> pd.DataFrame:
    """The load report with paths relative to the corpus folder, so it reads (and diffs) the same
    anywhere; errors first, then warnings, then the rest, each in input order."""
    rank = corpus.report["status"].map({"error": 0, "warning": 1}).fillna(2)
    report = corpus.report.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    paths = [p for p in report["path"] if isinstance(p, str) and p]
    if paths:
        root = os.path.commonpath(paths)
        if len(set(paths)) == 1 or not os.path.isdir(root):
            root = os.path.dirname(root)
        report["path"] = [os.path.relpath(p, root) if isinstance(p, str) and p else p for p in report["path"]]
    report["line"] = report["line"].astype("string").fillna("")
    report["article_id"] = report["article_id"].fillna("")
    return report
