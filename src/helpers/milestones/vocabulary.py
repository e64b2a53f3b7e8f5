"""The milestone vocabulary: the CSV tables of ``data/calendar/``, each read once and validated.

Month names in every regional variant, weekdays, number words, relative and part-of-period words,
deadline triggers, fillers, future markers, named events and subjects (gazetteer ids) are rows an
analyst can edit; a bad row is named (file, line, column) when the table is read, instead of failing
later or silently matching nothing. Besides the tables this module holds the lookups the resolvers use (``MONTHS``,
``NUMBERS``…), keyed by :func:`word_key`, and :func:`alternation`, which turns a word list into one regex.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..normalize import normalize
from ..paths import DATA, data_path
from ..table_text import table_text

__all__ = [
    "BARE_YEARS", "CALENDAR", "DAY_ORDINALS", "DIRECTIONS", "FILLERS", "LINES", "MONTHS", "NAMED_EVENTS", "NUMBERS",
    "PARTS", "PERIODS", "RELATIVE_DAYS", "SEASONS", "TABLES", "TRIGGERS", "UNITS", "WEEKDAYS",
    "alternation", "read_table", "word_key",
]

CALENDAR = data_path("calendar")
# Bare years (no عام before them) outside this range are counts, not dates.
BARE_YEARS = range(1900, 2101)
NAMES = ("months", "weekdays", "numbers", "units", "directions", "periods", "relative_days", "parts", "triggers",
         "fillers", "day_ordinals", "future_markers", "subjects", "named_events")

# Columns that must hold integers in a range, or one of some words; checked when a table is read,
# so a bad row is named instead of failing later (or silently matching nothing).
# (a third item: the cell may be empty)
_INTEGER_COLUMNS = {("named_events", "month"): (1, 12), ("named_events", "year"): (1, 9999),
                    ("directions", "direction"): (-9, 9), ("months", "month"): (1, 12), ("weekdays", "weekday"): (0, 6),
                    ("numbers", "value"): (0, 10**9), ("relative_days", "offset"): (-99, 99),
                    ("day_ordinals", "day"): (1, 31), ("units", "count"): (1, 99, "empty ok")}
# A name read as one of these values cannot be given another on a second row (one name, one month).
_ONE_MEANING = {"months": ("calendar", "month"), "weekdays": ("weekday",), "numbers": ("value",),
                "day_ordinals": ("day",)}
_WORD_COLUMNS = {("future_markers", "role"): {"marker", "not_future", "future_verb", "past", "not_after", "deadline"},
                 ("periods", "unit"): {"year", "month", "week", "season"},
                 ("months", "calendar"): {"gregorian", "hijri"}, ("months", "bare_ok"): {"0", "1"},
                 ("triggers", "bare_ok"): {"0", "1"},
                 ("triggers", "kind"): {"", "deadline", "until", "since", "before", "after", "range"},
                 ("fillers", "kind"): {"", "range"},
                 ("units", "unit"): {"day", "week", "month", "year"},
                 ("parts", "month_precision"): {"", "day", "week", "month"},
                 ("parts", "year_precision"): {"", "day", "week", "month", "year"}}
_MONTH_DAY = r"|(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
# Columns whose cells follow a pattern: a part's days of a month (a day, «last», «last-6») and of a year (MM-DD)
_PATTERN_COLUMNS = {("parts", "month_first"): r"|\d{1,2}|last(-\d{1,2})?", ("parts", "month_last"): r"|\d{1,2}|last(-\d{1,2})?",
                    ("parts", "year_first"): _MONTH_DAY, ("parts", "year_last"): _MONTH_DAY}


def read_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """``<folder>/<name>.csv`` (default: the calendar tables), every cell a string, validated.

    Blank lines and comment lines (``#`` first) are skipped; ``attrs["lines"]`` holds each row's line in the
    file, as an editor numbers it, so a bad row is named by the line an analyst can go to."""
    path = (CALENDAR if folder is None else Path(folder)) / f"{name}.csv"
    header, rows, lines = _rows(path)
    shipped = pd.read_csv(DATA / "calendar" / f"{name}.csv", nrows=0).columns  # the shipped header is the schema
    missing = [column for column in shipped if column not in header]
    if missing:
        raise ValueError(f"{path}, line 1: missing column(s) {', '.join(missing)}; expected {','.join(shipped)}")
    table = pd.DataFrame(rows, columns=header, dtype=str) if rows else pd.DataFrame(columns=header, dtype=str)
    table.attrs["lines"] = lines
    _validate(path, name, table, lines)
    return table


def _rows(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the rows (short ones padded with empty cells) and the line each row starts on."""
    with io.StringIO(table_text(path), newline="") as handle:
        reader = csv.reader(handle)
        header, rows, lines, end = None, [], [], 0
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = cells
                if len(set(header)) < len(header):
                    twice = sorted({c for c in header if header.count(c) > 1})
                    raise ValueError(f"{path}, line {start}: column(s) {', '.join(twice)} named twice")
                continue
            if len(cells) > len(header):
                raise ValueError(f"{path}, line {start}: {len(cells)} fields, the header has {len(header)}")
            rows.append(cells + [""] * (len(header) - len(cells)))
            lines.append(start)
    if header is None:
        raise ValueError(f"{path}, line 1: the file is empty; expected a header")
    return header, rows, lines


def _validate(path: Path, name: str, table: pd.DataFrame, lines: list[int]) -> None:
    """Raise ``ValueError`` naming the file and line of the first bad value of ``name``.csv."""
    seen: dict[str, tuple[int, list[str]]] = {}  # word key -> (first line, what it means there)
    for line, record in zip(lines, table.to_dict("records")):
        for column, value in record.items():
            where = f"{path}, line {line}, column {column!r}: {value!r}"
            bounds = _INTEGER_COLUMNS.get((name, column))
            if bounds and not (value == "" and len(bounds) > 2) and not (
                    re.fullmatch(r"-?\d+", value) and bounds[0] <= int(value) <= bounds[1]):
                raise ValueError(f"{where} is not an integer in {bounds[0]}..{bounds[1]}")
            words = _WORD_COLUMNS.get((name, column))
            if words and value not in words:
                raise ValueError(f"{where} is not one of {sorted(words)}")
            pattern = _PATTERN_COLUMNS.get((name, column))
            if pattern and not re.fullmatch(pattern, value):
                raise ValueError(f"{where} is not a day (1-31, last, last-N) or, for a year, MM-DD")
        if not record[table.columns[0]].strip():
            raise ValueError(f"{path}, line {line}: empty {table.columns[0]!r}")
        key, meaning = word_key(record[table.columns[0]]), [record[c] for c in _ONE_MEANING.get(name, ())]
        if seen.setdefault(key, (line, meaning))[1] != meaning:
            raise ValueError(f"{path}, line {line}: {record[table.columns[0]]!r} given {'/'.join(_ONE_MEANING[name])} "
                             f"{','.join(meaning)} here and {','.join(seen[key][1])} on line {seen[key][0]}")


@lru_cache(maxsize=4096)
def word_key(words: str) -> str:
    """Lookup key of a (normalised or not) word group: normalised, spaces dropped."""
    return re.sub(r"\s+", "", normalize(words))


def _trie(words) -> str:
    """One regex for many words, factored as a trie: a position costs a few steps, not one per word.

    Greedy with backtracking, so the longest word wins as in a longest-first alternation; a space
    inside a name matches any run of spaces (none before a digit: "كانون 2" and "كانون2").
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for char, child in sorted(node.items()):
            if char == " ":
                alts.append((r"\s*" if any(c.isdigit() for c in child) else r"\s+") + emit(child))
            elif char:
                alts.append(re.escape(char) + emit(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def alternation(words, boundary: bool = True) -> str:
    """Regex for any of ``words`` (normalised here), as a trie; by default a whole word."""
    forms = {" ".join(normalize(w).split()) for w in words if w.strip()}
    return "(?:" + _trie(forms) + ")" + (r"(?!\w)" if boundary else "")


def _with_month_pairs(months: pd.DataFrame) -> pd.DataFrame:
    """``months`` and, as more names of the same month, a Levantine name next to its Egyptian or
    Moroccan twin without / or brackets («أيلول سبتمبر», «سبتمبر أيلول»): one month, as «أيلول/سبتمبر»."""
    greg = months[(months.calendar == "gregorian") & ~months.name.str.contains(r"\d")]
    levant, other = greg[greg.region == "levant"], greg[greg.region.isin(["egypt", "morocco"])]
    pairs = levant.merge(other, on=["calendar", "month"])
    names = list(zip(pairs.name_x, pairs.name_y))
    extra = pd.DataFrame({
        "name": [f"{a} {b}" for a, b in names] + [f"{b} {a}" for a, b in names],
        "calendar": "gregorian",
        "month": list(pairs.month) * 2,
        "region": "pair",
        "bare_ok": [max(a, b) for a, b in zip(pairs.bare_ok_x, pairs.bare_ok_y)] * 2,
    })
    return pd.concat([months, extra.drop_duplicates("name")], ignore_index=True)


# Every table, read once; "months" with the Levantine/Egyptian pairs added.
TABLES: dict[str, pd.DataFrame] = {name: read_table(name) for name in NAMES}
LINES = {name: table.attrs["lines"] for name, table in TABLES.items()}  # each row's line in its file
TABLES["months"] = _with_month_pairs(TABLES["months"])


def _lookup(name: str, column: str, value) -> dict:
    """``word_key(row[column]) -> value(row)`` over the rows of table ``name``."""
    return {word_key(getattr(r, column)): value(r) for r in TABLES[name].itertuples()}


MONTHS = _lookup("months", "name", lambda r: (r.calendar, int(r.month), r.bare_ok == "1"))
WEEKDAYS = _lookup("weekdays", "name", lambda r: int(r.weekday))
NUMBERS = _lookup("numbers", "word", lambda r: int(r.value))
UNITS = _lookup("units", "word", lambda r: (r.unit, int(r.count) if r.count else None))
DIRECTIONS = _lookup("directions", "word", lambda r: int(r.direction))
PERIODS = _lookup("periods", "word", lambda r: r.unit)
RELATIVE_DAYS = _lookup("relative_days", "word", lambda r: int(r.offset))
PARTS = _lookup("parts", "word", lambda r: r)
TRIGGERS = _lookup("triggers", "word", lambda r: (r.kind, r.bare_ok == "1"))
FILLERS = _lookup("fillers", "word", lambda r: r.kind)
DAY_ORDINALS = _lookup("day_ordinals", "word", lambda r: int(r.day))


def _seasons() -> dict:
    """Season period words (الصيف) -> their parts.csv row (صيف: its months); a season of periods.csv
    without one is named with its row."""
    seasons = {}
    for line, r in zip(LINES["periods"], TABLES["periods"].itertuples()):
        if r.unit == "season":
            part = PARTS.get(word_key(r.word).removeprefix("ال"))
            if part is None or not part.year_first or not part.year_last:
                raise ValueError(f"{CALENDAR / 'periods.csv'}, line {line}: season {r.word!r} has no row with its "
                                 f"months in parts.csv ({r.word.removeprefix('ال')!r})")
            seasons[word_key(r.word)] = part
    return seasons


SEASONS = _seasons()
# A yearless month after an event noun names that event's month: «هجمات سبتمبر» is September 2001.
NAMED_EVENTS = {(word_key(r.event), int(r.month)): int(r.year) for r in TABLES["named_events"].itertuples()}
