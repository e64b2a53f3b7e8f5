"""Bytes to text: a file's encoding decided from its bytes, and files that are not text turned away.

UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without one) and the legacy Arabic
single-byte encodings windows-1256 and ISO-8859-6 are told apart here; every guess that is not plain
UTF-8 and every replaced byte is noted on the document, so it shows in the load report. UTF-8 Arabic that a
Windows program read in its code page and saved again (mojibake, «ط§ظ„») is restored, and said.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from .document import Document

__all__ = [
    "ARABIC_LETTER_RE",
    "MAX_FILE_BYTES",
    "REPLACED_BYTES",
    "decode_bytes",
    "input_problem",
    "looks_binary",
    "plausible_arabic",
    "read_text",
    "shown_lines",
    "undo_mojibake",
]

# Inputs larger than this are reported and skipped, not read: a feed file of 100,000 articles is ~500 MB.
MAX_FILE_BYTES = 1 << 30
REPLACED_BYTES = "undecodable bytes replaced with U+FFFD"  # the load report's words, found again by the readers


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
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_ACCENTED_LATIN_RE = re.compile("[\u00c0-\u00ff]")
_LINES_RE = re.compile(r"\r\n|\r|\n")  # the line ends of the CSV and JSON-lines readers
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LEGACY = ("windows-1256", "iso-8859-6")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])  # _CONTROL_RE's characters, as bytes


def _c1_as_bytes(exc: UnicodeEncodeError) -> tuple[bytes, int]:
    # Windows shows a byte its code page leaves undefined (windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D) as the
    # C1 control character of that number, and Latin-1 shows every byte 0x80-0x9F so: each is its own byte again.
    chars = exc.object[exc.start:exc.end]
    if all("\x80" <= c <= "\x9f" for c in chars):
        return chars.encode("latin-1"), exc.end
    raise exc


codecs.register_error("corpus-c1-bytes", _c1_as_bytes)

# The code pages in which Windows programs (Excel opening a UTF-8 CSV without a byte-order mark) show UTF-8
# Arabic as «ط§ظ„ط¹ط±ط§ظ‚» (Arabic Windows) or «Ø§Ù„Ø¹Ø±Ø§Ù‚» (Western Windows), which saving again keeps.
_MOJIBAKE_CODE_PAGES = ("windows-1256", "windows-1252")
# What such text is made of: every Arabic letter's first UTF-8 byte, 0xD8 or 0xD9, read as one of these.
_MOJIBAKE_LEADS = {"windows-1256": "طظ", "windows-1252": "ØÙ"}
_LINE_AND_END_RE = re.compile(r"(\r\n|\r|\n)")  # _LINES_RE, keeping the line ends
# A lead followed by a UTF-8 continuation byte (0x80-0xBF) read in the same code page: no mojibake without it, so
# a text that has none is not read line by line (1 s instead of 2.6 s for 110 MB of Arabic).
_MOJIBAKE_PAIR_RE = re.compile("|".join(
    f"[{leads}][{re.escape(''.join(bytes([b]).decode(code_page, 'ignore') or chr(b) for b in range(0x80, 0xC0)))}]"
    for code_page, leads in _MOJIBAKE_LEADS.items()))


def undo_mojibake(text: str) -> tuple[str, dict[str, list[int]], dict[str, list[int]]]:
    """``text`` with each line that is UTF-8 Arabic read in a Windows code page (and saved again) read back as
    UTF-8: ``(text, {code page: restored line numbers}, {code page: numbers of lines that look so but cannot be
    restored})``. A line is restored only when its characters are all of the code page, its bytes there are
    valid UTF-8 and that holds Arabic letters: a real Arabic line never is (two letters in a row are never a
    UTF-8 sequence). A line that lost bytes on the way (the invisible characters the code page made) only looks
    so: half its letters or more are the code page's reading of 0xD8 and 0xD9."""
    restored: dict[str, list[int]] = {}
    lossy: dict[str, list[int]] = {}
    if text.isascii() or not _MOJIBAKE_PAIR_RE.search(text):
        return text, restored, lossy
    pieces = _LINE_AND_END_RE.split(text)
    for index in range(0, len(pieces), 2):
        line = pieces[index]
        if line.isascii():
            continue
        for code_page in _MOJIBAKE_CODE_PAGES:
            try:
                fixed = line.encode(code_page, "corpus-c1-bytes").decode("utf-8")
            except UnicodeError:
                continue
            if ARABIC_LETTER_RE.search(fixed):
                pieces[index] = fixed
                restored.setdefault(code_page, []).append(index // 2 + 1)
                break
        else:
            code_page = _looks_like_mojibake(line)
            if code_page is not None:
                lossy.setdefault(code_page, []).append(index // 2 + 1)
    return ("".join(pieces) if restored else text), restored, lossy


def _looks_like_mojibake(line: str) -> str | None:
    """The code page ``line`` looks like UTF-8 Arabic read in: each Arabic letter is two characters there, the first
    0xD8 or 0xD9 read in it, so these are a third of the characters outside ASCII or more (1-2% in real Arabic)."""
    outside = len(line) - len(line.encode("ascii", "ignore"))
    for code_page, leads in _MOJIBAKE_LEADS.items():
        count = sum(line.count(lead) for lead in leads)
        if count >= 4 and 3 * count >= outside:
            return code_page
    return None


def _decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    _REPLACED[0] = 0
    text = data.decode(encoding, errors="corpus-count-replace")
    return text, _REPLACED[0]


def _legacy_arabic_score(text: str) -> int:
    # The wrong single-byte guess turns the article ال into ان and letters into accented Latin.
    return len(ARABIC_LETTER_RE.findall(text)) + text.count("ال") - 3 * len(_ACCENTED_LATIN_RE.findall(text))


_UTF16_WINDOW = 16  # code units a misalignment must hold for, before it is taken for one


def _out_of_step(units: bytes, high: int) -> int | None:
    """The first code unit of ``units`` (UTF-16 bytes, the high byte of each at ``high``, 0 or 1) from which the
    text is out of step by one byte, or None. In step, nearly every Arabic or Latin character has 0x00 or 0x06 as
    its high byte; a byte lost or added moves that byte to the other side of each unit after it."""
    import numpy as np

    pairs = np.frombuffer(units, dtype=np.uint8, count=len(units) // 2 * 2).reshape(-1, 2)
    plain = (pairs[:, high] == 0) | (pairs[:, high] == 6)
    shifted = ~plain & ((pairs[:, 1 - high] == 0) | (pairs[:, 1 - high] == 6))
    if len(pairs) < _UTF16_WINDOW or not shifted.any():
        return None
    counts = np.convolve(shifted, np.ones(_UTF16_WINDOW, dtype=np.int64), mode="valid")
    windows = np.flatnonzero(counts >= 0.75 * _UTF16_WINDOW)
    if not len(windows):
        return None
    first = int(windows[0]) + int(np.argmax(shifted[windows[0]:]))  # the first unit out of step
    # the unit where the step was lost is neither (half of one character, half of the next): skip its first byte
    return first - 1 if first and not plain[first - 1] and not shifted[first - 1] else first


def _decode_utf16(data: bytes, encoding: str) -> tuple[str, int, list[int]]:
    """UTF-16 ``data`` (no byte-order mark) decoded, a byte skipped wherever the text falls out of step (a byte
    lost or added: all that follows read as Chinese characters) and a U+FFFD put there: ``(text, bad bytes, the
    lines realigned)``."""
    high = 1 if encoding == "utf-16-le" else 0
    pieces, bad, lines, start = [], 0, [], 0
    while (unit := _out_of_step(data[start:], high)) is not None and len(lines) < 100:
        text, replaced = _decode_counting(data[start:start + 2 * unit], encoding)
        pieces.append(text)
        lines.append(sum(len(_LINES_RE.findall(p)) for p in pieces) + 1)
        pieces.append("\ufffd")
        bad += replaced + 1
        start += 2 * unit + 1
    text, replaced = _decode_counting(data[start:], encoding)
    return "".join([*pieces, text]), bad + replaced, lines


def decode_bytes(data: bytes) -> tuple[str, str, int]:
    """Decode a file's bytes: ``(text, encoding, n_replaced_bytes)``.

    BOMs first, then strict UTF-8. UTF-8 with a few broken bytes (more valid non-ASCII characters
    than bad bytes) stays UTF-8: a line that is not UTF-8 but reads as Arabic in windows-1256 is
    decoded so (a file pasted together from two sources), the other bad bytes are replaced. Otherwise
    the text is single-byte Arabic: ISO-8859-6 leaves feh, qaf, kaf and tatweel's windows-1256 bytes
    undefined, so if more than two bytes, and more than one in a hundred of those above ASCII, are undefined
    there the file is windows-1256; otherwise the one with more Arabic letters and ``ال`` and fewer accented Latin letters wins
    (ties go to windows-1256, the common one), ISO-8859-6's undefined bytes replaced.
    charset-normalizer was not used: it named short Arabic texts big5 or cp1251.
    """
    text, encoding, bad, _ = _decode(data)
    return text, encoding, bad


def _decode(data: bytes) -> tuple[str, str, int, list[int]]:
    """``decode_bytes`` and the numbers of the lines decoded as windows-1256 in a UTF-8 file, or of the lines
    where UTF-16 was realigned (``_decode_utf16``)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding.startswith("utf-16"):
                text, bad, realigned = _decode_utf16(data[len(bom):], encoding)
                return text, encoding, bad, realigned
            text, bad = _decode_counting(data[len(bom):], encoding.removesuffix("-sig"))
            if encoding == "utf-8-sig" and bad and not _mostly_utf8(text, bad):
                # a UTF-8 mark before bytes that are mostly not UTF-8 (an editor that only added the mark to a
                # windows-1256 file): read the rest as any file without a mark; a few broken bytes in UTF-8 stay so
                data = data[len(bom):]
                break
            return text, encoding, bad, []
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        text, bad, realigned = _decode_utf16(data, utf16)
        return text, utf16, bad, realigned
    try:
        return data.decode("utf-8"), "utf-8", 0, []
    except UnicodeDecodeError:
        pass
    text, bad = _decode_counting(data, "utf-8")
    if _mostly_utf8(text, bad):
        return _decode_lines(data)
    candidates = [(data.decode("windows-1256"), "windows-1256", 0)]
    iso, undefined = _decode_counting(data, "iso-8859-6")
    # a stray byte ISO-8859-6 leaves undefined (two, or one in a hundred) must not make the file windows-1256
    if undefined <= max(2, (len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))) // 100):
        candidates.append((iso, "iso-8859-6", undefined))
    best, encoding, bad = max(candidates, key=lambda c: _legacy_arabic_score(c[0]))
    return best, encoding, bad, []


def _mostly_utf8(text: str, bad: int) -> bool:
    """Whether ``text``, decoded as UTF-8 with ``bad`` bytes replaced, has more valid non-ASCII characters than
    bad bytes: UTF-8 with a few broken bytes, not another encoding."""
    return sum(1 for c in text if ord(c) > 127 and c != "\ufffd") > bad


def _decode_lines(data: bytes) -> tuple[str, str, int, list[int]]:
    """A mostly UTF-8 file, line by line: a line that is not UTF-8 is windows-1256 when it reads as Arabic."""
    pieces, bad, legacy = [], 0, []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            pieces.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        guess = line.decode("windows-1256")
        if plausible_arabic(guess):
            pieces.append(guess)
            legacy.append(number)
        else:
            text, replaced = _decode_counting(line, "utf-8")
            pieces.append(text)
            bad += replaced
    return "".join(pieces), "utf-8", bad, legacy


_ARABIC_BLOCK_RE = re.compile("[\u0600-\u06ff]")
_NON_ASCII_RE = re.compile("[^\x00-\x7f\\s]")
# an Arabic-block letter glued to a Latin one («amىricaines», «annoncى»): rare in real text, where Latin words stand
# apart («لـCNN» is one such in a whole article), the mark of Latin-1 French read as ISO-8859-6
_ARABIC_IN_LATIN_RE = re.compile("(?<=[A-Za-z])[\u0600-\u06ff]|[\u0600-\u06ff](?=[A-Za-z])")
_WORD_RE = re.compile("[^\\s,;]+")  # a table's fields are words too: a CSV line has few spaces


def plausible_arabic(text: str) -> bool:
    """Whether ``text`` decoded from a single-byte guess reads as Arabic: most characters outside ASCII
    are of the Arabic block, not inside Latin words (French in Latin-1 read as ISO-8859-6 is «amىricaines»), and
    they form words between spaces or a table's commas (random high bytes give ~35% and no separators)."""
    outside = len(_NON_ASCII_RE.findall(text))
    arabic = len(_ARABIC_BLOCK_RE.findall(text))
    if outside == 0 or arabic < 0.8 * outside or 4 * len(_ARABIC_IN_LATIN_RE.findall(text)) >= arabic:
        return False
    words = _WORD_RE.findall(text)
    return sum(map(len, words)) <= 20 * len(words)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a byte order mark, else None.

    Arabic and Latin text in UTF-16 has 0x06 (Arabic) or 0x00 (ASCII, Latin-1) as the high byte of
    nearly every character, which no 8-bit or UTF-8 text has (UTF-8 has no NUL bytes at all). An odd
    last byte (a stray one) is left to the decoder, which replaces it.
    """
    head = data[: min(4096, len(data) - len(data) % 2)]
    if b"\x00" not in head:
        return None
    for encoding, first in _UTF16_HIGH:
        if _in_step(head[first::2]):
            return encoding
    # a byte lost or added inside the head: in step in one alignment before it, in the other after it
    if sum(_utf16_high(head[first::2]) for _, first in _UTF16_HIGH) >= 0.9 * (len(head) // 2):
        for encoding, first in _UTF16_HIGH:
            if _in_step(head[:64][first::2]):
                return encoding  # the alignment the text starts in; _decode_utf16 steps over the lost byte
    return None


_UTF16_HIGH = (("utf-16-le", 1), ("utf-16-be", 0))  # where each puts a character's high byte


def _utf16_high(high: bytes) -> int:
    """How many of ``high`` are 0x00 or 0x06, the high byte of a Latin-1 or an Arabic character in UTF-16."""
    return high.count(0) + high.count(6)


def _in_step(high: bytes) -> bool:
    """Whether ``high`` reads as the high bytes of UTF-16 text: nine in ten of them 0x00 or 0x06."""
    return _utf16_high(high) >= 0.9 * len(high)


def looks_binary(data: bytes, text: str | None = None) -> bool:
    """NUL bytes (outside UTF-16/32; more than a stray one or two) or more than 10% control characters
    mean not text."""
    if text is None:
        head = data[:65536]
        return (head.count(0) > max(2, len(head) // 100) and not data.startswith(tuple(bom for bom, _ in _BOMS))
                and _bomless_utf16(data) is None)
    head = text[:65536]
    return len(_CONTROL_RE.findall(head)) > 0.1 * max(len(head), 1)


def input_problem(path: str | Path, info: os.stat_result | None = None) -> str | None:
    """Why ``path`` cannot be read as an input (not there, not a regular file, over ``MAX_FILE_BYTES``), or None.

    Asked before a file is opened: a named pipe would block the load forever, and a link to
    ``/dev/zero`` or a runaway log would be read until memory runs out. ``info``: its ``os.stat``, if known.
    """
    try:
        info = info or os.stat(path)
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)}), skipped"
    if info.st_size > MAX_FILE_BYTES:
        return f"file of {info.st_size:,} bytes is over the input size limit ({MAX_FILE_BYTES:,} bytes), skipped"
    return None


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def read_text(path: Path, doc: Document) -> str | None:
    """Read and decode ``path``, noting encoding problems on ``doc``; None when unreadable."""
    problem = input_problem(path)
    if problem is not None:
        doc.note("error", problem)
        return None
    try:
        with open(path, "rb") as handle:
            # read what the file holds, not a buffer of the limit: read(n) allocates n bytes up front
            # (1 GiB for every small article, ~4x the CPU of the read itself)
            size = min(os.fstat(handle.fileno()).st_size, MAX_FILE_BYTES)
            data = handle.read(size + 1)
            if len(data) > size:  # it grew since: the rest, up to one byte over the limit
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        doc.note("error", f"cannot read file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        doc.note("error", f"file is over the input size limit ({MAX_FILE_BYTES:,} bytes), skipped")
        return None
    if not data:
        doc.note("error", "empty file, skipped")
        return None
    if looks_binary(data):
        doc.note("error", "binary file, skipped")
        return None
    text, encoding, bad, legacy_lines = _decode(data)
    # Strict UTF-8 without control bytes has no control characters: skip the scan of the text.
    plain = encoding == "utf-8" and not bad and len(data.translate(None, _CONTROL_BYTES)) == len(data)
    if not plain and looks_binary(data, text):
        doc.note("error", "binary file, skipped")
        return None
    if encoding in _LEGACY and not plausible_arabic(text):
        doc.note("error", f"not text in a known encoding (not UTF-8, and not Arabic as {encoding}), skipped")
        return None
    doc.encoding, doc.n_replaced_bytes = encoding, bad
    text, restored, lossy = undo_mojibake(text)
    said = []  # notes about some lines: kept on the records of those lines (readers)
    if legacy_lines and encoding.startswith("utf-16"):
        said.append((legacy_lines, "a byte lost or added, the text after it out of step: realigned"))
    said += [(lines, f"UTF-8 text that was read as {code_page} and saved again (mojibake), restored")
             for code_page, lines in restored.items() if code_page != encoding]
    if encoding in restored:  # UTF-8 bytes in a windows-1256 file: a paragraph pasted from elsewhere
        doc.note("warning", f"mixed encodings: line {shown_lines(restored[encoding])} decoded as UTF-8, the rest as "
                            f"{encoding}")
    said += [(lines, (f"looks like UTF-8 text read as {code_page} and saved again (mojibake), and cannot be "
                      "restored (bytes were lost): kept as it is")) for code_page, lines in lossy.items()]
    for lines, what in said:
        doc.note("warning", f"line {shown_lines(lines)}: {what}")
    doc.line_notes = tuple((tuple(lines), what) for lines, what in said)
    if "\x00" in text:
        doc.nul_lines = tuple(n for n, line in enumerate(_LINES_RE.split(text), start=1) if "\x00" in line)
        doc.note("warning", f"{text.count(chr(0))} NUL bytes removed")
        text = text.replace("\x00", "")
    if legacy_lines and not encoding.startswith("utf-16"):
        doc.note("warning", f"mixed encodings: line {shown_lines(legacy_lines)} decoded as windows-1256, the rest as UTF-8")
    if encoding in _LEGACY:
        doc.note("warning", f"decoded as {encoding}")
    elif encoding in ("utf-16-le", "utf-16-be") and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        doc.note("warning", f"decoded as {encoding} (no byte order mark)")
    elif encoding != "utf-8":
        doc.note("ok", f"decoded as {encoding} (byte order mark)")
    if bad:
        doc.replaced_lines = tuple(n for n, line in enumerate(_LINES_RE.split(text), start=1) if "\ufffd" in line)
        doc.note("warning", f"{bad} {REPLACED_BYTES} (decoded as {encoding}) on line {shown_lines(doc.replaced_lines)}")
    return text


def shown_lines(lines) -> str:
    """Line numbers as the load report gives them: the first ten, and «…» for more."""
    return ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")

