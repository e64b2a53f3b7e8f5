"""The calendar tables (data/calendar/*.csv) are the analyst's to extend: a bad row must be named.

The milestone module reads them at import (``helpers.paths.data_path``); each test imports it in a fresh
interpreter pointed at an edited copy by ``HELPERS_DATA_DIR``, as an analyst would (``--data-dir``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from helpers import paths

IMPORT_WITH_DATA = """
from helpers.milestones import extract_milestones
print([m.surface for m in extract_milestones("انسحبت القوات في 3 ابرييل 2025")])
"""


def _import_with(data) -> subprocess.CompletedProcess:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data)}
    return subprocess.run([sys.executable, "-c", IMPORT_WITH_DATA], capture_output=True, text=True, env=env,
                          check=False, timeout=120)


@pytest.fixture
def calendar_copy(tmp_path):
    shutil.copytree(paths.DATA / "calendar", tmp_path / "calendar")
    return tmp_path


def test_a_month_name_added_to_a_copy_of_the_calendar_is_read(calendar_copy):
    months = calendar_copy / "calendar" / "months.csv"
    with months.open("a", encoding="utf-8") as table:
        table.write("ابرييل,gregorian,4,egypt,1\n")  # an analyst's spelling of April
    result = _import_with(calendar_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['3 ابرييل 2025']"
    assert _import_with(paths.DATA).stdout.strip() == "[]"  # the project's own table does not have it


def test_a_bad_month_number_is_an_error_naming_the_file_and_line(calendar_copy):
    months = calendar_copy / "calendar" / "months.csv"
    lines = months.read_text(encoding="utf-8").splitlines()
    lines[2] = "أبريل,gregorian,thirteen,,1"  # line 3 of the file
    months.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _import_with(calendar_copy)
    assert result.returncode != 0
    assert "months.csv" in result.stderr and "thirteen" in result.stderr


SUBJECTS_WITH_DATA = """
from types import SimpleNamespace
import pandas as pd
from helpers.milestones import milestones_table
text = "انسحبت القوات من أربيل في نهاية سبتمبر 2025"
corpus = SimpleNamespace(articles=pd.DataFrame({"article_id": ["a"], "text": [text], "published": [None]}),
                         paragraphs=pd.DataFrame({"article_id": ["a"], "paragraph": [0], "char_start": [0]}))
print(milestones_table(corpus, progress=False)["subject"].tolist())
"""


def _subjects_with(data) -> subprocess.CompletedProcess:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data)}
    return subprocess.run([sys.executable, "-c", SUBJECTS_WITH_DATA], capture_output=True, text=True, env=env,
                          check=False, timeout=120)


def test_subjects_are_gazetteer_entities_an_analyst_can_drop(calendar_copy):
    subjects = calendar_copy / "calendar" / "subjects.csv"
    assert _subjects_with(calendar_copy).stdout.strip() == "['أربيل']"
    rows = subjects.read_text(encoding="utf-8").splitlines()
    subjects.write_text("\n".join(row for row in rows if row != "erbil") + "\n", encoding="utf-8")
    result = _subjects_with(calendar_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['']"


@pytest.mark.parametrize("entity_id, problem", [("atlantis", "is not in the gazetteer"),
                                                ("joe_biden", "is of type PER")])
def test_a_subject_that_is_no_gazetteer_place_or_organisation_is_named(calendar_copy, entity_id, problem):
    subjects = calendar_copy / "calendar" / "subjects.csv"
    with subjects.open("a", encoding="utf-8") as table:
        table.write(f"{entity_id}\n")
    row = len(subjects.read_text(encoding="utf-8").splitlines())
    result = _subjects_with(calendar_copy)
    assert result.returncode != 0
    assert f"subjects.csv, line {row}: entity_id '{entity_id}' {problem}" in result.stderr


def _spoil_after_blank_and_comment_lines(months) -> int:
    """Blank lines and a comment line before a bad row; the bad row's line as an editor numbers it."""
    lines = months.read_text(encoding="utf-8").splitlines()
    lines[3:3] = ["", "# my additions", ""]
    lines.append("")
    lines.append("شهر الصيام,gregorian,13,egypt,1")
    months.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_a_bad_row_after_blank_and_comment_lines_is_named_by_its_line_in_the_file(calendar_copy):
    """Today the comment line is read as a month with no number, named «row 4» though it is on line 5:
    blank lines are not counted, so every row after one is named by a line it is not on."""
    months = calendar_copy / "calendar" / "months.csv"
    line = _spoil_after_blank_and_comment_lines(months)
    result = _import_with(calendar_copy)
    assert result.returncode != 0
    assert f"months.csv, line {line}, column 'month': '13'" in result.stderr, result.stderr[-600:]


def test_comment_and_blank_lines_in_a_calendar_table_are_skipped(calendar_copy):
    months = calendar_copy / "calendar" / "months.csv"
    with months.open("a", encoding="utf-8") as table:
        table.write("\n# an analyst's spelling of April\n\nابرييل,gregorian,4,egypt,1\n")
    result = _import_with(calendar_copy)
    assert result.returncode == 0, result.stderr[-600:]
    assert result.stdout.strip() == "['3 ابرييل 2025']"


def test_a_subject_after_a_blank_line_is_named_by_its_line_in_the_file(calendar_copy):
    subjects = calendar_copy / "calendar" / "subjects.csv"
    with subjects.open("a", encoding="utf-8") as table:
        table.write("\n\natlantis\n")
    line = len(subjects.read_text(encoding="utf-8").splitlines())
    result = _subjects_with(calendar_copy)
    assert f"subjects.csv, line {line}: entity_id 'atlantis'" in result.stderr, result.stderr[-600:]


def _import_with_row(calendar_copy, table: str, row: str):
    """(the line ``row`` lands on, the import run) after ``row`` is added to a copy of the calendar ``table``."""
    path = calendar_copy / "calendar" / table
    with path.open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    return len(path.read_text(encoding="utf-8").splitlines()), _import_with(calendar_copy)


@pytest.mark.parametrize("table, row", [("numbers.csv", "ثلاثمائة,ثلاث"), ("relative_days.csv", "بعد غد,two,"),
                                        ("day_ordinals.csv", "الأربعين,forty")])
def test_a_number_column_that_is_not_a_number_names_the_file_and_line(calendar_copy, table, row):
    """Today a ValueError «invalid literal for int()» that names neither the table nor the row."""
    line, result = _import_with_row(calendar_copy, table, row)
    assert result.returncode != 0
    assert f"{table}, line {line}" in result.stderr, result.stderr[-600:]


@pytest.mark.parametrize("table, row, column", [
    ("months.csv", "شهرغريب,Gregorian,3,egypt,1", "calendar"),  # an AssertionError deep in the scanner before
    ("triggers.csv", "لغايه,deadlin,1", "kind"),  # a misspelt kind made the trigger silently no deadline
    ("fillers.csv", "ولغايه,Range", "kind"),
    ("units.csv", "يومين,Day,2", "unit"),
    ("parts.csv", "أواخرغريب,21,lastt,day,10-01,12-31,month", "month_last"),
    ("parts.csv", "أوائلغريب,1,10,dayy,01-01,03-31,month", "month_precision"),
    ("parts.csv", "منتصفغريب,11,20,day,13-45,09-30,month", "year_first"),
])
def test_a_word_column_with_a_value_the_suite_does_not_read_names_the_file_line_and_column(calendar_copy, table, row,
                                                                                              column):
    line, result = _import_with_row(calendar_copy, table, row)
    assert result.returncode != 0
    assert f"{table}, line {line}, column {column!r}" in result.stderr, result.stderr[-600:]
