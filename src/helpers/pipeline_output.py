"""The output folder of a pipeline run: Parquet parts streamed by a writer thread, the analyst's CSVs, a
short account of the load report, and the record of a finished run.

``PartWriter`` writes a table as ``part-00000.parquet``, … one part per ~32 MB; ``write_csv`` turns the
Parquet tables into the four CSVs of ``extract``; ``report_lines`` says what the load report holds in a
few lines; ``write_done`` records, last, which inputs the tables were made from and the files it wrote,
so ``up_to_date`` can tell a re-run that the folder is already what it would write.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .cores import usable_cores
from .paths import hidden_entry
from .pipeline_cache import sync_file, sync_folder, temporary_beside, write_atomically

__all__ = [
    "DONE_FILE",
    "LOCK_FILE",
    "REPORT_FILE",
    "TABLES",
    "OutputInUse",
    "PartWriter",
    "count_rows",
    "csv_bytes",
    "lock_problem",
    "not_our_table",
    "output_lock",
    "output_problem",
    "publish_tables",
    "remove_table",
    "report_lines",
    "shown",
    "up_to_date",
    "write_csv",
    "write_done",
]

TABLES = ("articles", "milestones", "entities")  # each a folder of Parquet parts; the report is one file
REPORT_FILE = "load_report.parquet"
DONE_FILE = ".extracted.json"  # written last: the inputs the tables were made from, and the tables' files
LOCK_FILE = ".lock"  # held (flock) while a run writes the folder; the kernel lets go when the run dies

_PART = re.compile(r"part-\d{5,}\.parquet")  # the files of a table folder (PartWriter)
_PART_BYTES = 32 << 20  # a Parquet part per ~32 MB of Arrow data: ~5,000 articles, a Dask partition
_WRITES_QUEUED = 3  # Parquet parts waiting for the writer thread, per table, at most


class OutputInUse(RuntimeError):
    """Another run is writing the output folder."""


_HELD: dict[str, int] = {}  # folders this process has locked, and how many times


def lock_problem(out: Path) -> str | None:
    """Why ``out``'s lock file cannot be held, or None: a folder cannot be opened as one, and a link would be opened
    through, its target truncated and written."""
    lock = out / LOCK_FILE
    if lock.is_dir() or lock.is_symlink():
        return f"{lock} is a folder or a link, not the lock file a run holds: remove it"
    return None


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``out/.lock`` while writing ``out``; ``OutputInUse`` at once when another process holds it.

    An advisory ``flock``: two runs into one folder would read each other's half-written parts. The
    kernel releases it when the holder dies, even by ``kill -9``, so a stale lock never blocks a run.
    Taken again by the same process (the command line, then ``extract_corpus``), it is not re-locked.
    """
    key = os.path.realpath(out)
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    out.mkdir(parents=True, exist_ok=True)
    if problem := lock_problem(out):
        raise ValueError(problem)
    handle = open(out / LOCK_FILE, "a+")  # noqa: SIM115 - held until the with block ends
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise OutputInUse(f"another extraction or report (process {holder}) is writing {out}: wait for it to end, "
                              "or give another output folder") from None
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]
    finally:
        handle.close()


class PartWriter:
    """Streams Arrow tables into ``folder/part-00000.parquet``, … one part per ~``_PART_BYTES``.

    With ``writer`` (a one-thread executor), parts are written in that thread: Parquet encoding
    releases the GIL, so it runs on a second core while this one goes on reading batches.
    """

    def __init__(self, folder: Path, schema: pa.Schema, writer: ThreadPoolExecutor | None = None):
        self.folder, self.schema, self.writer = folder, schema, writer
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.buffer: list[pa.Table] = []
        self.parts = 0
        self.writing: list[Future] = []

    def add(self, table: pa.Table) -> None:
        if table.num_rows:
            self.buffer.append(table)
        if sum(t.nbytes for t in self.buffer) >= _PART_BYTES:
            self._write()

    def _write(self) -> None:
        table = pa.concat_tables(self.buffer) if self.buffer else self.schema.empty_table()
        path = self.folder / f"part-{self.parts:05d}.parquet"
        if self.writer is None:
            pq.write_table(table, path)
        else:
            # one thread writes in order, so the oldest part is done first
            while self.writing and (self.writing[0].done() or len(self.writing) >= _WRITES_QUEUED):
                self.writing.pop(0).result()  # a failed write raises here; waiting bounds the tables held
            self.writing.append(self.writer.submit(pq.write_table, table, path))
        self.buffer, self.parts = [], self.parts + 1

    def close(self) -> None:
        if self.buffer or not self.parts:  # an empty table still gets one part, holding its schema
            self._write()
        for future in self.writing:
            future.result()
        self.writing = []


def output_problem(out: Path, corpus: Path | str | None = None) -> str | None:
    """Why ``out`` cannot take a run's tables, or None: it holds something a run would replace though no run
    wrote it (``not_our_table``), or, inside the ``corpus`` folder, an entry no run writes (an article: the
    walk passes an output folder over, so it would silently not be read)."""
    if problem := not_our_table(out):
        return problem
    if corpus is not None and Path(corpus).is_file() and out.resolve() == Path(corpus).resolve().parent:
        # «extract news/a.txt --out news»: the tables beside the article, read as articles by the next «extract news»
        return (f"{out} is the folder of the article {Path(corpus).name}: the tables would sit among the articles "
                "and be read as articles by the next run over that folder; give an output folder of its own")
    if corpus is not None and out.is_dir() and Path(corpus).is_dir() and \
            out.resolve().is_relative_to(Path(corpus).resolve()):
        other = next((p.name for p in sorted(out.iterdir()) if not _ours(p.name) and not hidden_entry(p.name)), None)
        if other is not None:
            return (f"{out} is inside the corpus and holds {other}, which an output folder's walk would pass "
                    "over unread: give an output folder of its own")
    return None


def _ours(name: str) -> bool:
    """Whether an entry of an output folder is one a run writes."""
    return (name in (*TABLES, REPORT_FILE, DONE_FILE, LOCK_FILE, ".cache")
            or name in {f"{table}.csv" for table in (*TABLES, "load_report")}
            or name.startswith(".parquet-") or name.endswith(".tmp"))


def not_our_table(out: Path) -> str | None:
    """What in ``out`` a run would replace though no run wrote it, or None: a folder named as a table
    (``articles``, ``milestones``, ``entities``) holding more than Parquet parts, such as the corpus itself
    (``extract news/articles --out news``), or a file or link so named. Such a folder is never replaced; nor is
    a folder named as a table file (``load_report.parquet``, ``articles.csv``)."""
    for name in (REPORT_FILE, DONE_FILE, *(f"{table}.csv" for table in (*TABLES, "load_report"))):
        if (out / name).is_dir():  # a rename onto it fails after the other tables were renamed in
            return f"{out / name} is a folder, not a table file of an earlier run: give another output folder"
    for name in TABLES:
        folder = out / name
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            return f"{folder} is not a table folder of an earlier run: extract would replace it; give another output folder"
        other = next((p.name for p in folder.iterdir() if not _PART.fullmatch(p.name) and not hidden_entry(p.name)),
                     None) \
            if folder.is_dir() else None
        if other is not None:
            return (f"{folder} holds {other}, not only the Parquet parts of an earlier run: extract would replace "
                    "it; give another output folder")
    return None


def remove_table(folder: Path) -> None:
    """Remove an earlier run's table folder: its Parquet parts, then the folder if nothing else is in it."""
    for part in folder.glob("part-*.parquet"):
        if _PART.fullmatch(part.name):
            part.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def publish_tables(staging: Path, out: Path) -> None:
    """Move the tables a run wrote in ``staging`` (a folder in ``out``) into ``out``, each by a rename that
    replaces the last run's table whole: a run killed before this leaves the last run's tables as they were.
    Every part is on the disk before the renames, and the renames after them, so a power cut cannot leave an
    empty part under a table's name."""
    for name in TABLES:
        for part in (staging / name).iterdir():
            sync_file(part)
        sync_folder(staging / name)
    sync_file(staging / REPORT_FILE)
    for name in TABLES:
        if (out / name).exists():
            os.replace(out / name, staging / f"{name}.old")  # a folder is not renamed onto a folder
        os.replace(staging / name, out / name)
    os.replace(staging / REPORT_FILE, out / REPORT_FILE)
    sync_folder(out)


def count_rows(folder: Path) -> int:
    """Rows of a table's Parquet parts, from their footers."""
    return sum(pq.ParquetFile(part).metadata.num_rows for part in folder.glob("*.parquet"))


def _output_files(out: Path) -> dict[str, list[int]]:
    """Size and mtime_ns of each file of the tables, by path under ``out``."""
    files = [out / REPORT_FILE, *(p for name in TABLES for p in sorted((out / name).glob("*.parquet")))]
    return {str(p.relative_to(out)): [(stat := p.stat()).st_size, stat.st_mtime_ns] for p in files}


def write_done(out: Path, inputs: str, summary: dict) -> None:
    """Record, last, that ``out`` holds the tables made from ``inputs`` (and the files written)."""
    record = {"inputs": inputs, "files": _output_files(out), "summary": summary}
    write_atomically(out / DONE_FILE, json.dumps(record).encode(), durable=True)


def up_to_date(out: Path, inputs: str) -> dict | None:
    """The summary of the run that wrote ``out``, when it was made from ``inputs`` and its files are
    untouched since; else None. A re-run on an unchanged corpus then reads nothing but this record."""
    try:
        record = json.loads((out / DONE_FILE).read_bytes())
        if record["inputs"] == inputs and record["files"] == _output_files(out):
            return dict(record["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None



# --------------------------------------------------------------------------- the analyst's CSVs

# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)) when an analyst
# opens the CSV: text from the corpus gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = pa.array(["=", "+", "-", "@", "\t", "\r"], pa.large_string())  # a cell's first character
# what makes Python's csv writer (pandas' to_csv) quote a cell (QUOTE_MINIMAL), and a carriage return,
# which pandas leaves bare with \n line ends: a spreadsheet breaks the row there («x\r=HYPERLINK(…)» in a file name)
_NEEDS_QUOTES = r'[,"\n\r]'
_CSV_OPTIONS = {"milestones": {"date_format": "%Y-%m-%d"}}
_SHOWN_WHOLE = 3  # a kind of warning seen at most this often is printed whole, not counted


def write_csv(tables: Path, out: Path) -> None:
    """The CSVs of ``extract`` (articles, milestones, entities, load_report) from the Parquet tables in
    ``tables``, one part at a time, so a large corpus never sits in memory whole.

    Byte for byte what pandas' ``to_csv`` wrote before (the same quoting, ``True``/``False``, dates as
    ``YYYY-MM-DD``, an empty cell for a missing value) for a third of its CPU time: every cell is formatted
    by Arrow compute kernels, a repeated sentence once. ``pyarrow.csv.write_csv`` is not used: it quotes
    every text cell and writes ``true``/``false`` and times after dates, so every file would change for a
    reader that compares them. Text cells a spreadsheet would run as a formula get a leading ``'``.
    Each CSV is written to a temporary file beside it and the four renamed only when all are written and on the
    disk (``fsync``): a kill, a full disk or a power cut leaves the last run's CSVs whole
    (``remove_stale_temporaries`` clears what a kill left).
    """
    names = ("entities", "milestones", "articles", "load_report")
    temporaries: dict[str, Path] = {}
    for name in names:  # named as write_atomically names its temporaries
        handle, temporaries[name] = temporary_beside(out / f"{name}.csv")
        os.close(handle)
    # every Parquet part is one piece of work, the biggest table's first: a big table is not left to one
    # thread at the end while the others wait
    pieces = [(name, part, {"header": number == 0, **_CSV_OPTIONS.get(name, {})})
              for name in names[:-1] for number, part in enumerate(sorted((tables / name).glob("*.parquet")))]
    pieces.append(("load_report", tables / REPORT_FILE, {}))
    try:
        with contextlib.ExitStack() as files:
            handles = {name: files.enter_context(open(temporaries[name], "wb")) for name in names}
            # Arrow's kernels release the GIL: the parts are formatted side by side, and written here in order
            for name, data in _in_order(lambda piece: (piece[0], csv_bytes(_read(piece[1]), **piece[2])), pieces,
                                        min(4, usable_cores())):
                handles[name].write(data)
            for handle in handles.values():  # on the disk before the renames: never an empty CSV after a power cut
                handle.flush()
                os.fsync(handle.fileno())
        for name in names:
            os.replace(temporaries[name], out / f"{name}.csv")
        sync_folder(out)
    finally:
        for tmp in temporaries.values():  # none left once renamed
            tmp.unlink(missing_ok=True)


def _in_order(work, items: list, threads: int) -> Iterator:
    """``work(item)`` of each item, in order, done in ``threads`` threads; at most ``threads`` results wait
    unread (the memory of a few Parquet parts' CSV, however many parts)."""
    with ThreadPoolExecutor(threads) as pool:
        pending: list[Future] = []
        todo = iter(items)
        try:
            while True:
                while len(pending) < threads and (item := next(todo, None)) is not None:
                    pending.append(pool.submit(work, item))
                if not pending:
                    return
                yield pending.pop(0).result()
        finally:
            for future in pending:
                future.cancel()


def _read(path: Path) -> pa.Table:
    """A Parquet file with its text columns as dictionaries (as Parquet stores them): a repeated cell is
    formatted once."""
    schema = pq.read_schema(path)
    text = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    return pq.read_table(path, read_dictionary=text)


def csv_bytes(table: pa.Table, *, header: bool = True, date_format: str | None = None) -> bytes:
    """``table`` as CSV (UTF-8, ``\\n`` line ends), as ``DataFrame.to_csv(index=False)`` writes it, text
    cells that start like a formula prefixed with ``'``. ``date_format`` formats timestamps (default:
    ``YYYY-MM-DD`` when every one is at midnight, as pandas does)."""
    head = (",".join(_quoted_text(name) for name in table.column_names) + "\n").encode() if header else b""
    if not table.num_rows or not table.num_columns:
        return head
    cells = [_cells(table.column(i).combine_chunks(), date_format) for i in range(table.num_columns)]
    comma, nothing, newline = (pa.scalar(c, pa.large_string()) for c in (",", "", "\n"))
    lines = pc.binary_join_element_wise(*cells, comma) if len(cells) > 1 else cells[0]
    lines = pc.binary_join_element_wise(lines, nothing, newline)  # each line followed by "\n"
    return head + _concatenated(lines)


def _cells(column: pa.Array, date_format: str | None) -> pa.Array:
    """A column's CSV cells as strings, never null (a missing value is an empty cell)."""
    kind = column.type
    if pa.types.is_dictionary(kind):  # a sentence repeated for each of its mentions is formatted once
        return pc.fill_null(_cells(column.dictionary, date_format).take(column.indices), "")
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        column, apostrophe, quote, nothing = (column.cast(pa.large_string()),
                                              *(pa.scalar(c, pa.large_string()) for c in ("'", '"', "")))
        risky = pc.fill_null(pc.is_in(pc.utf8_slice_codeunits(column, 0, 1), _FORMULA_START), False)
        if pc.any(risky).as_py():
            column = pc.if_else(risky, pc.binary_join_element_wise(apostrophe, column, nothing), column)
        needs = pc.fill_null(pc.match_substring_regex(column, _NEEDS_QUOTES), False)
        cells = column
        if pc.any(needs).as_py():
            quoted = pc.binary_join_element_wise(quote, pc.replace_substring(column, '"', '""'), quote, nothing)
            cells = pc.if_else(needs, quoted, column)
    elif pa.types.is_integer(kind):
        cells = column.cast(pa.string())
    elif pa.types.is_boolean(kind) and not column.null_count:
        cells = pc.if_else(column, "True", "False")
    elif pa.types.is_timestamp(kind) and (date_format or _midnights(column)):
        cells = pc.strftime(column, format=date_format or "%Y-%m-%d")
    else:  # what these tables never hold (floats, times of day, missing booleans): pandas formats it
        import pandas as pd

        text = pd.DataFrame({"c": column.to_pandas()}).to_csv(index=False, header=False, lineterminator="\n",
                                                            date_format=date_format)
        # a missing value alone on its line is written "" (Python's csv writer): an empty cell in a row
        cells = pa.array(["" if cell == '""' else cell for cell in text.split("\n")[:-1]], pa.string())
    return pc.fill_null(cells.cast(pa.large_string()), "")


def _midnights(column: pa.Array) -> bool:
    """Whether every timestamp is at midnight (pandas then writes the date alone)."""
    valid = column.drop_null()
    return not len(valid) or pc.all(pc.equal(pc.floor_temporal(valid, unit="day"), valid)).as_py()


def _quoted_text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if re.search(_NEEDS_QUOTES, value) else value


def _concatenated(strings: pa.Array) -> bytes:
    """The values of a string array without nulls, one after another (its data buffer, sliced)."""
    offsets = strings.buffers()[1]
    width = 8 if pa.types.is_large_string(strings.type) else 4
    first = int.from_bytes(offsets[strings.offset * width:(strings.offset + 1) * width], "little", signed=True)
    end = strings.offset + len(strings)
    last = int.from_bytes(offsets[end * width:(end + 1) * width], "little", signed=True)
    return strings.buffers()[2][first:last].to_pybytes()


# --------------------------------------------------------------------------- the load report, in short

# what one file's note has that another's of the same kind has not: quoted values, words with a digit (ids, counts)
_DETAIL = re.compile(r"'[^']*'|\"[^\"]*\"|[^\s,;:()]*\d[^\s,;:()]*")


def report_lines(report, where: Path, *, verbose: bool = False, errors_shown: int = 20) -> list[str]:
    """What to print about the load report's rows that are not ``ok``: every error (up to ``errors_shown``)
    and the notes of the warning rows counted by kind (``duplicate of N (same normalised text)``; a row's
    informational notes, such as kept tatweel, count too; a kind seen at most three times is shown whole
    with its files),
    then where the report is; with ``verbose``, every row as ``status: path: reason``."""
    rows = report[report["status"] != "ok"]
    if verbose:
        return [shown(f"  {row.status}: {row.path}: {row.reason}") for row in rows.itertuples(index=False)]
    if not len(rows):
        return []
    lines = []
    errors = rows[rows["status"] == "error"]
    for row in errors.head(errors_shown).itertuples(index=False):
        lines.append(f"  error: {row.path}: {row.reason}")
    if len(errors) > errors_shown:
        lines.append(f"  … and {len(errors) - errors_shown:,} more errors")
    notes = [(path, note) for path, reason in rows.loc[rows["status"] == "warning", ["path", "reason"]].itertuples(
        index=False) for note in str(reason).split("; ")]
    kinds = Counter(_DETAIL.sub("N", note) for _, note in notes)
    warnings = int((rows["status"] == "warning").sum())
    if warnings:
        lines.append(f"  {warnings:,} inputs with warnings; their notes by kind (N stands for a number or name):")
        lines += [f"  {count:>8,}  {kind}" for kind, count in kinds.most_common() if count > _SHOWN_WHOLE]
        # a kind seen a few times is shown whole, with its files: the patterns that matched no file are
        # named, not summed up as «include pattern N matches no file»
        lines += [f"  warning: {path}: {note}" for path, note in notes
                  if kinds[_DETAIL.sub("N", note)] <= _SHOWN_WHOLE]
    lines.append(f"  every row, with file and line: {where} (--verbose prints them here)")
    return [shown(line) for line in lines]


# what a terminal runs or reorders instead of showing: C0 and C1 controls (an escape sequence, a carriage return
# that writes over the line, a newline that splits it) and the explicit direction embeddings, overrides and isolates
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(line: str) -> str:
    """``line`` with what a terminal would run instead of show written as an escape (``\\x1b``, ``\\r``,
    ``\\u202e``): a file named «x\\rall inputs ok.txt» must not write over its own error. The load report keeps
    the name as it is."""
    return _UNSHOWABLE.sub(lambda m: repr(m.group())[1:-1], line)
