"""One rule for publication dates (issue 12): ISO dates and date objects, nothing guessed."""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import pytest

from helpers.milestones import extract_milestones
from helpers.published import parse_published


@pytest.mark.parametrize("value", [
    "2024-09-28", " 2024-09-28 ", "2024-09-28T10:15:00", "2024-09-28T10:15:00Z", "2024-09-28 10:15",
    dt.date(2024, 9, 28), dt.datetime(2024, 9, 28, 23, 59), pd.Timestamp("2024-09-28 08:00"),
    np.datetime64("2024-09-28"),
])
def test_iso_dates_and_date_objects_are_read(value):
    assert parse_published(value) == dt.date(2024, 9, 28)


@pytest.mark.parametrize("value", [None, "", "   ", math.nan, float("nan"), np.nan, pd.NaT, pd.NA,
                                   np.datetime64("NaT")])
def test_missing_values_are_none(value):
    assert parse_published(value) is None


@pytest.mark.parametrize("value", [
    20240928,          # an int that looks like a date: never read as 1970 plus seconds
    2024.0,
    "2024-13-01",      # no 13th month
    "2024-02-30",
    "yesterday",
    "28/09/2024",      # day-first or month-first: not guessed
    "03/04/2024",
    "2024/09/28",
    "20240928",
    "2024-9-28",
    "2024-09-28T25:00",
    True,
    ["2024-09-28"],
])
def test_anything_else_raises_naming_the_value(value):
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        parse_published(value)


def test_extract_milestones_reads_published_by_the_same_rule():
    # «أمس» of an int "date" used to be 1969-12-31, resolved; now the int is refused
    with pytest.raises(ValueError, match="20240928"):
        extract_milestones("غادر الوفد أمس", published=20240928)
    m, = extract_milestones("غادر الوفد أمس", published="2024-09-28")
    assert m.start == pd.Timestamp("2024-09-27")
    m, = extract_milestones("غادر الوفد أمس", published=pd.Timestamp("2024-09-28 22:00"))
    assert m.start == pd.Timestamp("2024-09-27")
    m, = extract_milestones("غادر الوفد أمس", published="")
    assert not m.resolved


@pytest.mark.parametrize("day, doubtful", [
    (dt.date(2026, 12, 3), False), (dt.date(2026, 12, 4), False),  # today, and tomorrow in a time zone ahead
    (dt.date(2026, 12, 5), True), (dt.date(2099, 1, 1), True),
    (dt.date(1900, 1, 1), False), (dt.date(1899, 12, 31), True), (dt.date(1446, 3, 15), True),
])
def test_a_publication_date_after_tomorrow_or_before_1900_is_doubtful(day, doubtful):
    from helpers.published import doubtful_published

    assert (doubtful_published(day, today=dt.date(2026, 12, 3)) is not None) == doubtful
