"""The report's tables as downloads: each table in a box of its own with a CSV link (UTF-8 with a
byte-order mark, so Excel reads the Arabic), the CSV read off the table's HTML or, for a table
``safe_table`` showed cut, its whole CSV; in the single file as data: URIs, within a size budget.

The HTML is read with BeautifulSoup, which nbconvert already brings: cells spanning rows or columns
are repeated, header rows joined into one.
"""

from __future__ import annotations

import base64
import html
import itertools
import re
import shutil
from pathlib import Path

from .figures import CSV_ENCODING, FULL_CSV_ATTRIBUTE, spreadsheet_safe

__all__ = ["FULL_TABLES_DIR", "SINGLE_FILE_CSV_BUDGET", "SINGLE_FILE_CSV_LIMIT", "TABLES_DIR", "data_uri",
           "table_csv", "table_downloads_factory"]

TABLES_DIR = "tables"
_TABLE_RE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)
# A table safe_table showed cut names its whole CSV, written beside the executed notebook.
_FULL_CSV_RE = re.compile(rf'<table\b[^>]*\s{FULL_CSV_ATTRIBUTE}="([0-9a-f]{{24}}\.csv)"', re.IGNORECASE)
FULL_TABLES_DIR = "full-tables"  # in executed/: the whole tables safe_table showed cut
# A whole table bigger than this is not inlined in the single file (a mail server refuses ~25 MB): its
# link there downloads the rows shown and names the whole table's CSV in the report folder.
SINGLE_FILE_CSV_LIMIT = 10_000_000
SINGLE_FILE_CSV_BUDGET = 20_000_000  # all the whole-table CSVs inlined in one report.html, together


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def table_downloads_factory(stem: str, tables_dir: Path | None, full_tables: Path | None = None,
                            csv_budget: list[int] | None = None):
    """A template filter: each ``<table>`` in a box of its own with a link to the table as CSV.

    The box scrolls sideways when the table is wider than the screen and is right-to-left, so on a
    phone it opens at the table's right end: an Arabic table's first columns, the Arabic text
    columns pandas puts last. The CSV is written to ``tables_dir``, or inlined as a data: URI. A table
    ``safe_table`` showed cut downloads whole: its CSV is the one it wrote to ``full_tables`` (in the
    single file only up to ``SINGLE_FILE_CSV_LIMIT`` bytes a table, and ``csv_budget`` (the bytes left
    for all the pages of one file) in all, so the file stays small enough to send).
    """
    counter = itertools.count(1)
    budget = csv_budget if csv_budget is not None else [SINGLE_FILE_CSV_BUDGET]

    def table_downloads(markup: str) -> str:
        def boxed(match: re.Match) -> str:
            name = f"{stem}--table-{next(counter)}.csv"
            full = _FULL_CSV_RE.match(match.group(0))
            whole = full_tables / full.group(1) if full and full_tables is not None else None
            whole = whole if whole is not None and whole.is_file() else None
            label, tip = "CSV", "this table as a CSV file (UTF-8, opens in Excel)"
            size = whole.stat().st_size if whole is not None else 0
            if tables_dir is None and whole is not None and (size > SINGLE_FILE_CSV_LIMIT or size > budget[0]):
                label = "CSV (rows shown)"
                tip = (f"the rows shown as a CSV file; the whole table ({whole.stat().st_size / 1e6:.0f} MB) is "
                       f"{TABLES_DIR}/{name} in the report folder")
                whole = None
            if tables_dir is None:
                data = whole.read_bytes() if whole is not None else table_csv(match.group(0))
                if whole is not None:
                    budget[0] -= len(data)
                href = data_uri(data, "text/csv;charset=utf-8")
            else:
                tables_dir.mkdir(parents=True, exist_ok=True)
                if whole is not None:
                    shutil.copyfile(whole, tables_dir / name)
                else:
                    (tables_dir / name).write_bytes(table_csv(match.group(0)))
                href = f"{TABLES_DIR}/{name}"
            link = (f'<a class="report-csv" href="{html.escape(href)}" download="{name}" dir="ltr" '
                    f'title="{html.escape(tip)}">&#x2193; {label}</a>')
            return f'<div class="report-table-tools">{link}</div><div class="report-table">{match.group(0)}</div>'

        return _TABLE_RE.sub(boxed, markup)

    return table_downloads


def table_csv(table_markup: str) -> bytes:
    """One HTML table as CSV bytes (UTF-8 with BOM): its first row the header, every cell as text.

    A cell spanning rows or columns (a pandas MultiIndex) is repeated in each, so every row of the
    spreadsheet is whole; text a spreadsheet would run as a formula gets a leading ``'``.
    """
    import pandas as pd
    from bs4 import BeautifulSoup

    table = BeautifulSoup(table_markup, "html.parser").find("table")
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(table.find_all("tr")):
        c = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            while (r, c) in grid:
                c += 1
            rows, cols = (_span(cell.get(attr)) for attr in ("rowspan", "colspan"))
            for dr, dc in itertools.product(range(rows), range(cols)):
                grid[(r + dr, c + dc)] = spreadsheet_safe(cell.get_text())
            c += cols
    height = 1 + max((r for r, _ in grid), default=-1)
    width = 1 + max((c for _, c in grid), default=-1)
    cells = [[grid.get((r, c), "") for c in range(width)] for r in range(height)]
    head = table.find("thead")
    n_head = max(1, len(head.find_all("tr"))) if head is not None else 1
    frame = pd.DataFrame(cells[n_head:], columns=_header(cells[:n_head]) if cells else [])
    return frame.to_csv(index=False).encode(CSV_ENCODING)


def _header(rows: list[list[str]]) -> list[str]:
    """One header row from a table's header rows: the levels of a column joined with « / » («mentions /
    sum»); pandas' row of index names (names in the first cells only, as under a pivot table) names the
    index columns instead of standing as a row of data."""
    names = None
    if len(rows) > 1:
        filled = [bool(cell) for cell in rows[-1]]
        k = filled.index(False) if False in filled else len(filled)
        if 0 < k < len(filled) and not any(filled[k:]):
            names, rows = rows[-1][:k], rows[:-1]
    header = [" / ".join(dict.fromkeys(row[c] for row in rows if row[c])) for c in range(len(rows[0]))]
    if names:
        header[:len(names)] = names
    return header


def _span(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
