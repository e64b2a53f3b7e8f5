"""The files ``extract`` writes and what it prints: the CSVs are what pandas' ``to_csv`` wrote before (byte
for byte, with spreadsheet formulas neutralised), and the load report is summed up, not printed row by row."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from helpers.cli import main
from helpers.pipeline_output import csv_bytes, report_lines

FORMULA = r"^[=+\-@\t\r]"


def pandas_csv(frame: pd.DataFrame, **options) -> bytes:
    """How ``extract`` wrote its CSVs before (pandas ``to_csv`` after prefixing formula-like text with ``'``)."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            text = values.where(values.map(lambda v: isinstance(v, str)).astype(bool))
            risky = text.str.contains(FORMULA, regex=True, na=False)
            if risky.any():
                frame[column] = values.where(~risky, "'" + text)
    handle = io.StringIO()
    frame.to_csv(handle, index=False, **options)
    return handle.getvalue().encode("utf-8")


TRICKY = [
    "الجيش العراقي، في بغداد",  # Arabic comma: no quotes
    "قال: «سننسحب», ثم غادر",  # Latin comma: quoted
    'وصف "المهمة" بأنها انتهت',  # quotes doubled
    "سطر أول\nسطر ثان",  # newline: quoted
    "قبل\rبعد",  # a lone carriage return: pandas leaves it bare, this writer quotes it (see below)
    "=HYPERLINK(\"http://x\")",  # formula: gets a leading apostrophe, then quotes
    "+1 مليون",
    "-2 درجة",
    "@الحساب",
    "\tمسافة",
    "",
    None,
    "نص عادي ",
]


def tricky_frame() -> pd.DataFrame:
    n = len(TRICKY)
    dates = np.array(["0005-03-01", "0999-12-31", "2024-01-02", "9999-12-31", "NaT"] * 3, dtype="datetime64[s]")[:n]
    return pd.DataFrame({
        "text": pd.Series(TRICKY, dtype="str"),
        "count": pd.Series(range(n), dtype="int64"),
        "line": pd.Series([None if i % 3 == 0 else i for i in range(n)], dtype="Int64"),
        "resolved": pd.Series([i % 2 == 0 for i in range(n)], dtype="bool"),
        "start": dates,
        "published": dates.astype("datetime64[us]"),
    })


@pytest.mark.parametrize("header", [True, False])
def test_the_csv_is_what_pandas_wrote_byte_for_byte(header):
    frame = tricky_frame()
    frame = frame[~frame["text"].str.contains("\r", na=False)]  # the one deliberate difference, tested below
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert csv_bytes(table, header=header) == pandas_csv(frame, header=header)
    milestones = {"date_format": "%Y-%m-%d"}
    assert csv_bytes(table, header=header, **milestones) == pandas_csv(frame, header=header, **milestones)


def test_the_csv_cells_an_analyst_sees():
    text = csv_bytes(pa.table({"text": TRICKY[:6], "n": list(range(6))})).decode()
    assert text.splitlines()[:3] == ["text,n", "الجيش العراقي، في بغداد,0", '"قال: «سننسحب», ثم غادر",1']
    assert '"وصف ""المهمة"" بأنها انتهت",2\n"سطر أول\nسطر ثان",3\n' in text
    assert "\"'=HYPERLINK(\"\"http://x\"\")\",5\n" in text  # neutralised, then quoted for its quotes
    # None and "" are both an empty cell, as before; a date column at midnight is written as the date alone
    assert csv_bytes(pa.table({"a": ["", None], "b": [1, None]})) == b"a,b\n,1\n,\n"


def test_a_carriage_return_in_a_cell_is_quoted_so_the_row_stays_one_row():
    # pandas (and the writer before) left a lone \r bare: a spreadsheet, and pandas reading it back, broke the
    # row there, and «\r=HYPERLINK(…)» in a file name started a cell with a formula
    names = ["corpus/b\r=1+1.txt", "corpus/c.txt"]
    data = csv_bytes(pa.table({"path": names, "status": ["ok", "ok"]}))
    assert data == b'path,status\n"corpus/b\r=1+1.txt",ok\ncorpus/c.txt,ok\n'
    back = pd.read_csv(io.BytesIO(data), keep_default_na=False)
    assert back["path"].tolist() == names and back["status"].tolist() == ["ok", "ok"]


def test_dictionary_text_and_empty_tables():
    sentences = pa.array(["جملة، أولى", "جملة, ثانية", "جملة, ثانية"]).dictionary_encode()
    assert csv_bytes(pa.table({"sentence": sentences})) == 'sentence\nجملة، أولى\n"جملة, ثانية"\n"جملة, ثانية"\n'.encode()
    empty = pa.table({"a": pa.array([], pa.string()), "b": pa.array([], pa.int64())})
    assert csv_bytes(empty) == b"a,b\n"
    assert csv_bytes(empty, header=False) == b""


def test_a_column_type_the_tables_never_hold_is_still_written_as_pandas_would():
    frame = pd.DataFrame({"x": [1.5, None, 2.0], "t": pd.to_datetime(["2024-01-01 10:30", None, "2024-01-02 00:00"])})
    assert csv_bytes(pa.Table.from_pandas(frame, preserve_index=False)) == pandas_csv(frame)


def report(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["path", "line", "article_id", "status", "reason"])


def test_the_load_report_is_summed_up_by_kind():
    rows = [(f"c/{i:03d}.txt", None, f"{i:03d}", "warning", f"duplicate of {i - 1:03d} (same normalised text)")
            for i in range(1, 41)]
    rows += [("c/050.txt", None, "050", "warning", "1 tatweel kept in text; duplicate of 001 (same normalised text)"),
             ("c/bad.txt", None, None, "error", "binary file (NUL bytes), skipped"),
             ("c/ok.txt", None, "ok", "ok", "")]
    lines = report_lines(report(rows), "out/load_report.csv")
    assert lines[0] == "  error: c/bad.txt: binary file (NUL bytes), skipped"
    assert "  41 inputs with warnings; their notes by kind (N stands for a number or name):" in lines
    assert "        41  duplicate of N (same normalised text)" in lines
    assert "  warning: c/050.txt: 1 tatweel kept in text" in lines  # a kind seen once: whole, with its file
    assert lines[-1].startswith("  every row, with file and line: out/load_report.csv")
    assert len(lines) == 5
    every = report_lines(report(rows), "out/load_report.csv", verbose=True)
    assert len(every) == 42 and every[-1] == "  error: c/bad.txt: binary file (NUL bytes), skipped"
    assert report_lines(report(rows[-1:]), "x") == []


def test_a_warning_seen_a_few_times_is_shown_whole_with_its_file():
    # patterns that matched nothing: summed up as «include pattern N matches no file» they named nothing
    rows = [("corpus", None, None, "warning", "include pattern '*.TXT' matches no file"),
            ("corpus", None, None, "warning", "include pattern 'drafs/' matches no file")]
    rows += [(f"c/{i}.txt", None, str(i), "warning", "decoded as windows-1256") for i in range(4)]
    lines = report_lines(report(rows), "x")
    assert "  warning: corpus: include pattern '*.TXT' matches no file" in lines
    assert "  warning: corpus: include pattern 'drafs/' matches no file" in lines
    assert "         4  decoded as N" in lines  # seen more often: counted


def test_extract_that_reads_no_article_says_so_and_exits_1(tmp_path, capsys):
    from helpers.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--include", "*.TXT"]) == 1
    err = capsys.readouterr().err
    assert "include pattern '*.TXT'" in err and "no article was read" in err


def test_many_errors_are_cut_short():
    rows = [(f"c/{i}.bin", None, None, "error", "binary file, skipped") for i in range(30)]
    lines = report_lines(report(rows), "x", errors_shown=20)
    assert lines[19] == "  error: c/19.bin: binary file, skipped"
    assert lines[20] == "  … and 10 more errors"


ARTICLE = "بغداد تستضيف اجتماعا\n\nأعلن وزير الدفاع أن المهمة تنتهي في أيلول 2025.\n"


def test_extract_prints_a_summary_and_verbose_every_row(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):  # the same story six times: five duplicates
        (corpus / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "5 inputs with warnings" in err and "       5  duplicate of N (same normalised text)" in err
    assert "a3.txt" not in err and str(tmp_path / "out" / "load_report.csv") in err
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out2"), "--no-cache", "--verbose"]) == 0
    err = capsys.readouterr().err
    assert sum("duplicate of a0" in line for line in err.splitlines()) == 5
    written = pd.read_csv(tmp_path / "out" / "load_report.csv")
    assert (written["status"] == "warning").sum() == 5


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_every_table_reaches_the_disk_before_it_is_renamed_in(tmp_path, disk_sync, form):
    """A table renamed over the last run's before its bytes were on the disk can be an empty file under the final
    name after a power cut (the rename is journalled, the data not yet written): each file, and each table folder
    with its parts, is synced before its rename into the output folder, and the folder after the renames."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    watch = disk_sync(out)
    assert main(["extract", str(corpus), "--out", str(out), "--format", form]) == 0
    watch.assert_whole()


def test_control_characters_in_a_file_name_are_shown_escaped_not_run_by_the_terminal(tmp_path, capsys):
    """A file named «evil\\x1b[2K\\r.txt» (erase the line, back to its start) printed its error line with the escape
    sequence in it: the terminal erased «error: …evil» and showed «.txt: binary file, skipped», and «x\\rall inputs
    ok.txt» wrote «all inputs ok» over the word «error». The load report keeps the name as it is."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("evil\x1b[2K\r.txt", "x\rall inputs ok.txt", "rlo\u202etxt.exe"):
        (corpus / name).write_bytes(bytes(range(256)) * 8)
    for verbose in ([], ["--verbose"]):
        assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), *verbose]) == 1
        err = capsys.readouterr().err
        assert not any(c in err for c in "\x1b\r\u202e"), repr(err)
        assert "evil\\x1b[2K\\r.txt: binary file, skipped" in err and "x\\rall inputs ok.txt" in err
        assert "rlo\\u202etxt.exe" in err
    assert "evil\x1b[2K\r.txt" in set(pd.read_csv(tmp_path / "out" / "load_report.csv")["path"].str.rsplit("/", n=1).str[-1])


def test_strict_names_a_file_with_control_characters_escaped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil\x1b[2K\r.txt").write_bytes(bytes(range(256)) * 8)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "evil\\x1b[2K\\r.txt: binary file, skipped" in err and "\x1b" not in err and "\r" not in err
