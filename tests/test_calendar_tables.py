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


def test_a_bad_month_number_is_an_error_naming_the_file_and_row(calendar_copy):
    months = calendar_copy / "calendar" / "months.csv"
    lines = months.read_text(encoding="utf-8").splitlines()
    lines[2] = "أبريل,gregorian,thirteen,,1"  # row 2 of the table, line 3 of the file
    months.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _import_with(calendar_copy)
    assert result.returncode != 0
    assert "months.csv" in result.stderr and "thirteen" in result.stderr
