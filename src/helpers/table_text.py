"""The text of an editable vocabulary table (``data/``, ``--data-dir``), read as UTF-8 with the line of bad bytes named.

A row typed into a spreadsheet that saved it as windows-1256 must be an error naming the file and the line,
not a ``UnicodeDecodeError`` with a byte offset, nor a table read with that row silently missing. So is a row
the spreadsheet opened as windows-1256 and saved again as UTF-8 («ط§ظ„…»): valid UTF-8, but none of the words
typed, it matched nothing.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["TableTextError", "table_text"]


class TableTextError(ValueError):
    """A table that cannot be read as it is (missing, not UTF-8, a bad row), with the file and, when known, the
    line at fault; the gazetteer's, the claims tables' and the gold tables' errors are kinds of it."""

    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path, self.line, self.problem = Path(path), line, problem
        super().__init__(f"{path}, line {line}: {problem}" if line is not None else f"{path}: {problem}")


def table_text(path: Path | str, error: type[ValueError] = TableTextError) -> str:
    """The UTF-8 text of ``path`` (a byte-order mark dropped); ``error(path, line, problem)`` when the file
    is missing, a folder or unreadable, or a line is not UTF-8 or is UTF-8 mojibake (the first such line)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(path, None, "missing table") from None
    except IsADirectoryError:
        raise error(path, None, "a folder, not a table") from None
    except OSError as exc:
        raise error(path, None, f"cannot read the table: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise error(path, line, "not UTF-8 (save the table as CSV UTF-8)") from None
    from .corpus.decode import undo_mojibake  # here: the corpus package reads the tables' modules

    _, restored, lossy = undo_mojibake(text)
    mangled = sorted((lines[0], code_page) for found in (restored, lossy) for code_page, lines in found.items())
    if mangled:
        line, code_page = mangled[0]
        raise error(path, line, f"UTF-8 text that was read as {code_page} and saved again (mojibake, such as "
                                "«ط§ظ„» for «ال»): save the table again as CSV UTF-8 from a copy typed right")
    return text
