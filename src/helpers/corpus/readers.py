"""Five input formats to documents: ``.txt`` articles and ``.jsonl``/``.json``/``.csv``/``.parquet`` records.

``read_file`` picks the reader by extension; each returns the file's documents, or one problem entry
when the file cannot be read, so every input gets a row in the load report. A table none of whose columns
can hold an article's text (annotations, a list of sources) is one row naming its columns, not one error per
record. Nothing is cleaned here.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from .decode import REPLACED_BYTES, decode_bytes, input_problem, read_text, shown_lines, undo_mojibake
from .document import Document

__all__ = ["DOCUMENTATION_STEMS", "FIELD_ALIASES", "TEXT_SUFFIXES", "csv_header", "csv_records", "read_file"]

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
DOCUMENTATION_STEMS = ("readme",)  # README.md beside the articles: reported as ok, not as unknown
_LINE_END = re.compile(r"\r\n|\r|\n")  # what ends a line in an article or a JSON Lines file
_LETTER_OR_DIGIT = re.compile("[^\\W_\u0640]")  # tatweel is a letter to Python, and no text
_SHOWN_COLUMNS = 20  # columns named in the row of a table without a text column
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # what a JSON text holding one must contain


def _read_txt(path: Path) -> list[Document]:
    """A scraped-page article: first non-blank line is the title, the rest is the body."""
    doc = Document(str(path), article_id=path.stem)
    text = read_text(path, doc)
    if text is None:
        return [doc]
    doc.raw_text = text
    stripped = text.lstrip()
    if not _LETTER_OR_DIGIT.search(text):  # stops at the first letter: the first character, as a rule
        doc.note("error", "file holds no letter or digit (only whitespace, marks, tatweel or punctuation), skipped")
        return [doc]
    lines = _LINE_END.split(stripped, 1)  # a lone CR ends the title too (old Mac files)
    doc.title = lines[0]
    doc.body = lines[1] if len(lines) > 1 else ""
    return [doc]


def _field(record: dict, name: str) -> tuple[str, object]:
    """The first of ``FIELD_ALIASES[name]`` the record has a value for, and the value (None when none has)."""
    aliases = FIELD_ALIASES[name]
    for key in aliases:
        value = record.get(key)
        if _present(value):
            return key, value
    # a header written «Text» or « body » (a spreadsheet's export) names the same field
    written = {k.strip().lower(): k for k in record if isinstance(k, str) and k not in aliases}
    for key in aliases:
        if key in written and _present(record[written[key]]):
            return written[key], record[written[key]]
    return aliases[0], None


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _text_field(record: dict, name: str, doc: Document, line: int, status: str) -> str | None:
    """A record field as text: a string, or bytes decoded (and said so); another type is noted with
    ``status`` and gives None, never its ``str()`` (``[1, 2]`` or ``{'a': 1}`` is not an article's text)."""
    key, value = _field(record, name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        text, encoding, bad = decode_bytes(bytes(value))
        doc.note("warning", f"line {line}: '{key}' holds bytes, decoded as {encoding}"
                            + (f" ({bad} undecodable bytes replaced)" if bad else ""))
        return text
    if name == "article_id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    doc.note(status, f"line {line}: '{key}' is a {type(value).__name__}, not text")
    return None


def _without_surrogates(value: object) -> tuple[object, int]:
    """A parsed JSON value with every lone surrogate replaced by U+FFFD, and how many there were.

    JSON allows an escape such as ``\\ud800`` with no pair (half a UTF-16 character): such a string cannot be
    written as UTF-8, so one record holding it would stop the whole run when its table is written.
    """
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        items = [_without_surrogates(item) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        pairs = [(_without_surrogates(key), _without_surrogates(item)) for key, item in value.items()]
        return {key: item for (key, _), (item, _) in pairs}, sum(k + n for (_, k), (_, n) in pairs)
    return value, 0


def _json_record(text: str) -> tuple[object, int]:
    """``json.loads`` of one JSON line, with its lone surrogates replaced (``_without_surrogates``); a byte-order
    mark before it is the start of another file joined to this one (``cat a.jsonl b.jsonl``), not an error."""
    value = json.loads(text.removeprefix("\ufeff"))
    return _without_surrogates(value) if _SURROGATE_ESCAPE.search(text) else (value, 0)


def _record_document(path: Path, line: int, record: object, raw: str, file_doc: Document,
                     surrogates: int = 0) -> Document:
    """Turn one JSON/CSV/Parquet record into a Document, noting a missing title or text and the lone surrogates
    replaced in it."""
    doc = replace(file_doc, line=line, raw_text=raw, notes=list(file_doc.notes))
    if surrogates:
        doc.note("warning", f"line {line}: {surrogates} lone surrogate escapes (\\ud800-\\udfff without their "
                            "pair: not a character) replaced with U+FFFD")
    if not isinstance(record, dict):
        doc.note("error", f"line {line}: record is a {type(record).__name__}, not an object")
        return doc
    record_id = _text_field(record, "article_id", doc, line, "warning")
    doc.article_id = record_id if record_id else f"{path.stem}:{line}"
    doc.title = _text_field(record, "title", doc, line, "warning")
    body = _text_field(record, "body", doc, line, "error")
    doc.published = _field(record, "published")[1]
    doc.published_where = f" on line {line}"
    doc.source = _text_field(record, "source", doc, line, "warning")
    doc.url = _text_field(record, "url", doc, line, "warning")
    body = _without_nul_characters(doc, line, body)
    body = _without_mojibake(doc, line, record, body)
    doc.article_id = doc.article_id or f"{path.stem}:{line}"  # an id of NULs only
    if doc.status == "error":
        return doc
    if body is None or not body.strip():
        doc.note("error", f"line {line}: record has no text (expected a {_expected_text_fields()} field)")
        return doc
    doc.body = body
    if not doc.title or not doc.title.strip():
        doc.note("warning", f"line {line}: record has no title")
        doc.title = ""
    return doc


def _without_nul_characters(doc: Document, line: int, body: str | None) -> str | None:
    """``body``, and the record's other text fields in ``doc``, without NUL characters (a JSON «\\u0000» escape,
    a Parquet string), said in a warning as the NUL bytes of a text file are: a NUL cuts a spreadsheet's cell."""
    fields = ("article_id", "title", "published", "source", "url")
    values = [getattr(doc, name) for name in fields]
    if "\x00" not in (body or "") and not any(isinstance(v, str) and "\x00" in v for v in values):
        return body
    removed = 0
    for name, value in zip(fields, values):
        if isinstance(value, str):
            removed += value.count("\x00")
            setattr(doc, name, value.replace("\x00", ""))
    if body is not None:
        removed += body.count("\x00")
        body = body.replace("\x00", "")
    doc.note("warning", f"line {line}: {removed} NUL characters removed")
    return body


def _without_mojibake(doc: Document, line: int, record: dict, body: str | None) -> str | None:
    """``body``, and the record's other text fields in ``doc``, with UTF-8 Arabic that was read in a Windows code
    page and saved again read back (``undo_mojibake``), said naming the fields. The file's bytes were repaired when
    it was read; this is for what they do not show: JSON escapes («\\u0637\\u00a7», json.dumps's ASCII) and
    Parquet strings."""
    if any("mojibake" in what for _, what in doc.line_notes):  # the file's own lines: said on them already
        return body
    restored: dict[str, list[str]] = {}
    lossy: dict[str, list[str]] = {}
    for name in ("article_id", "title", "body", "source", "url"):
        value = body if name == "body" else getattr(doc, name)
        if not isinstance(value, str):
            continue
        fixed, fixed_pages, lossy_pages = undo_mojibake(value)
        key = _field(record, name)[0]
        for code_page in fixed_pages:
            restored.setdefault(code_page, []).append(key)
        for code_page in lossy_pages:
            lossy.setdefault(code_page, []).append(key)
        if name == "body":
            body = fixed
        else:
            setattr(doc, name, fixed)
    for code_page, keys in restored.items():
        doc.note("warning", f"line {line}: {', '.join(map(repr, keys))}: UTF-8 text that was read as {code_page} and "
                            "saved again (mojibake), restored")
    for code_page, keys in lossy.items():
        doc.note("warning", f"line {line}: {', '.join(map(repr, keys))}: looks like UTF-8 text read as {code_page} "
                            "and saved again (mojibake), and cannot be restored (bytes were lost): kept as it is")
    return body


def _without_text_column(file_doc: Document, columns: list) -> Document | None:
    """The file's one error row when none of ``columns`` is a text field; None when one is.

    A table with no column an article's text could be in (annotations, a list of sources) is not a
    table of articles: one row naming its columns says so, instead of one error for each record.
    """
    aliases = FIELD_ALIASES["body"]
    if any(str(name).strip().lower() in aliases for name in columns):
        return None
    names = list(dict.fromkeys(str(c) for c in columns))
    shown = ", ".join(names[:_SHOWN_COLUMNS]) or "(none)"
    if len(names) > _SHOWN_COLUMNS:
        shown += f", … ({len(names) - _SHOWN_COLUMNS} more)"
    file_doc.note("error", f"no text column (expected {_expected_text_fields()}), not read as articles; "
                           f"columns: {shown}")
    return file_doc


def _expected_text_fields() -> str:
    """``'text', 'body' or 'content'``: every field name an article's text is read from."""
    aliases = FIELD_ALIASES["body"]
    return ", ".join(map(repr, aliases[:-1])) + f" or {aliases[-1]!r}"


def _record_keys(records: list) -> list | None:
    """The keys of JSON records in first-seen order, when every record is an object (else None)."""
    if not records or not all(isinstance(r, dict) for r in records):
        return None
    return list(dict.fromkeys(key for record in records for key in record))


_TOO_DEEP = "JSON nested too deeply to read (not an article record), skipped"


def _line_problem(file_doc: Document, line: int, reason: str, raw: str | None = None) -> Document:
    """An error entry for one line or record of a file (the file's own notes, such as its encoding, kept)."""
    doc = replace(file_doc, line=line, raw_text=raw, notes=list(file_doc.notes))
    doc.note("error", f"line {line}: {reason}")
    return doc


def _records(parse):
    """A reader of a text file of records: decoded (one problem entry when it cannot be), then ``parse``d."""

    def read(path: Path) -> list[Document]:
        file_doc = Document(str(path))
        text = read_text(path, file_doc)
        if text is None:
            return [file_doc]
        return parse(path, text, file_doc) or [_no_records(file_doc)]

    read.__doc__ = parse.__doc__
    return read


def _parse_jsonl(path: Path, text: str, file_doc: Document) -> list[Document]:
    """One JSON record a line; ``line`` is the file line."""
    problems, records = [], []
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, *_json_record(line), line))
        except json.JSONDecodeError as exc:
            problems.append(_line_problem(file_doc, number, f"malformed JSON: {exc.msg}", line))
        except RecursionError:
            problems.append(_line_problem(file_doc, number, _TOO_DEEP, line))
    keys = _record_keys([record for _, record, _, _ in records])
    if keys is not None and _without_text_column(file_doc, keys) is not None:
        return [file_doc, *problems]
    docs = problems + [_record_document(path, number, record, line, file_doc, surrogates)
                       for number, record, surrogates, line in records]
    return sorted(_on_their_lines(file_doc, docs), key=lambda doc: doc.line)


_read_jsonl = _records(_parse_jsonl)


@_records
def _read_json(path: Path, text: str, file_doc: Document) -> list[Document]:
    """A list of records (``line`` is the 1-based position in the list) or a single record; JSON Lines saved as
    ``.json`` (a first record, then more after it) are read as JSON Lines, and said so."""
    try:
        data = json.loads(text)
        escaped = _SURROGATE_ESCAPE.search(text) is not None
        records = [_without_surrogates(r) if escaped else (r, 0) for r in (data if isinstance(data, list) else [data])]
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _one_value_a_line(text):  # a record a line, not a list of them
            file_doc.note("ok", "JSON Lines in a .json file: read one record a line")
            return _parse_jsonl(path, text, file_doc)
        file_doc.note("error", f"line {exc.lineno}: malformed JSON: {exc.msg}")
        file_doc.line = exc.lineno
        return [file_doc]
    except RecursionError:
        file_doc.note("error", _TOO_DEEP)
        return [file_doc]
    keys = _record_keys([r for r, _ in records])
    if keys is not None and _without_text_column(file_doc, keys) is not None:
        return [file_doc]
    docs = [
        _record_document(path, i, r, json.dumps(r, ensure_ascii=False), file_doc, surrogates)
        for i, (r, surrogates) in enumerate(records, start=1)
    ]
    replaced = next((n for n in file_doc.notes if REPLACED_BYTES in n[1]), None)
    for doc in docs if replaced is not None and len(docs) > 1 else ():  # kept on the records holding a U+FFFD
        if "\ufffd" not in (doc.raw_text or ""):
            doc.notes = [n for n in doc.notes if n is not replaced]
    return docs


def _one_value_a_line(text: str) -> bool:
    """Whether the first line of ``text`` that is not blank is a JSON value by itself (JSON Lines)."""
    first = next((line for line in _LINE_END.split(text, maxsplit=20) if line.strip()), "")
    try:
        json.loads(first.removeprefix("\ufeff"))
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


@_records
def _read_csv(path: Path, text: str, file_doc: Document) -> list[Document]:
    """Rows of a CSV with a header; ``line`` is the file line where the row starts (see ``csv_records``)."""
    if _without_text_column(file_doc, csv_header(text)) is not None:
        return [file_doc]
    docs = []
    for start, record, raw in csv_records(text):
        if isinstance(record, str):
            docs.append(_line_problem(file_doc, start, record))
        else:
            docs.append(_record_document(path, start, record, raw, file_doc))
    return _on_their_lines(file_doc, docs)


def _on_their_lines(file_doc: Document, docs: list[Document]) -> list[Document]:
    """The file's notes about bytes of some lines ("NUL bytes removed", "undecodable bytes replaced") kept only on
    the records of the lines that held them, naming the line; so are its other notes about some of its lines (text
    restored from mojibake)."""
    for lines, says, detail in ((file_doc.nul_lines, "NUL bytes removed", "NUL bytes removed"),
                                (file_doc.replaced_lines, REPLACED_BYTES,
                                 f"{REPLACED_BYTES} (decoded as {file_doc.encoding})"),
                                *((lines, f"line {shown_lines(lines)}: {what}", what)
                                  for lines, what in file_doc.line_notes)):
        note = next((n for n in file_doc.notes if says in n[1]), None)
        if note is None or not docs:
            continue
        unheld = set(lines)
        for doc in docs:
            last = (doc.line or 0) + (doc.raw_text or "").count("\n")
            held = [line for line in lines if (doc.line or 0) <= line <= last]
            doc.notes = [n for n in doc.notes if n is not note]
            if held:
                doc.notes.append(("warning", f"line {', '.join(map(str, held))}: {detail}"))
            unheld -= set(held)
        if unheld:  # the header's, or a blank line's: said on the first row
            docs[0].notes.append(("warning", f"line {', '.join(map(str, sorted(unheld)))}: {detail}"))
    return docs


def csv_records(text: str) -> Iterator[tuple[int, dict[str, str] | str, str]]:
    """``(first line, record, raw text)`` of each row after the header; a bad row's record is its problem.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only (U+2028, U+2029, form feeds and NEL are text in a
    field); fields may be of any length; a row whose quote is never closed is reported and reading
    goes on at the line after it, instead of the quote swallowing the rows that follow. Blank rows
    are skipped, as ``csv.DictReader`` does. Fields are separated as the header's are (``csv_separator``).
    """
    lines = list(io.StringIO(text, newline=""))
    limit = csv.field_size_limit(sys.maxsize)  # 131,072 characters by default: an article can be longer
    try:
        rows = list(_csv_rows(lines, csv_separator(text)))
    finally:
        csv.field_size_limit(limit)
    header: list[str] | None = None  # the first row that is not blank
    for start, row, raw in rows:
        if isinstance(row, str):
            yield start, row, raw
        elif header is None:
            header = row or None
            twice = sorted({name for name in header or () if header.count(name) > 1})
            if twice:  # a dict keeps the last of two: the other column's cells would be dropped unseen
                yield start, f"the header names {', '.join(twice)} twice: rename one; the file is not read", raw
                return
        elif row:
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
                yield start, (f"{len(row)} fields, the header has {len(header)} (a comma in a field that is not "
                              "quoted?), row skipped"), raw
                continue
            yield start, dict(zip(header, row)), raw


def csv_header(text: str) -> list[str]:
    """The column names on the first line of a CSV text that is not blank (none when it is not a CSV line)."""
    try:
        return next(csv.reader([_first_line(text)], delimiter=csv_separator(text)), [])
    except csv.Error:
        return []


def csv_separator(text: str) -> str:
    """What separates the fields: a comma, unless the header has none and has semicolons or tabs (Excel's «CSV»
    where the list separator is «;», its «Unicode text» with tabs), which would read as one column."""
    header = _first_line(text)
    if "," in header:
        return ","
    return max(("\t", ";"), key=header.count) if "\t" in header or ";" in header else ","


def _first_line(text: str) -> str:
    return _LINE_END.split(text.lstrip("\r\n"), maxsplit=1)[0]


def _csv_rows(lines: list[str], separator: str = ",") -> Iterator[tuple[int, list[str] | str, str]]:
    """``(first line, fields, raw text)`` of each row; ``fields`` is the problem, as text, for a bad row."""
    start = 1  # the file line the current reader begins at
    while start <= len(lines):
        reader, consumed, restart = csv.reader(lines[start - 1 :], delimiter=separator), 0, None
        try:
            for row in reader:
                first, span = start + consumed, reader.line_num - consumed
                raw = "".join(lines[first - 1 : first - 1 + span])
                consumed = reader.line_num
                if span > 1 and raw.count('"') % 2:  # quoted fields hold quotes in pairs
                    yield first, "unclosed quote: the row ran into the lines after it, skipped", raw
                    restart = first + 1
                    break
                yield first, row, raw.rstrip("\r\n")
        except csv.Error as exc:
            yield start + consumed, f"malformed CSV: {exc}", ""
            restart = start + reader.line_num
        if restart is None:
            return
        start = restart


def _read_parquet(path: Path) -> list[Document]:
    """Rows of a Parquet table; ``line`` is the 1-based row number."""
    import pyarrow.parquet as pq

    file_doc = Document(str(path))
    problem = input_problem(path)
    if problem is not None:
        file_doc.note("error", problem)
        return [file_doc]
    try:
        if _without_text_column(file_doc, pq.read_schema(path).names) is not None:
            return [file_doc]
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
    """Every document in one file (a single problem entry when the file cannot be read).

    Never raises for what is in the file: a failure no reader foresaw becomes the file's error row.
    """
    path = Path(path)
    try:
        return _READERS.get(path.suffix.lower(), _read_unknown)(path)
    except Exception as exc:  # noqa: BLE001 - any input gets a report row, never a traceback
        doc = Document(str(path))
        doc.note("error", f"could not be read ({type(exc).__name__}: {exc}), skipped")
        return [doc]

