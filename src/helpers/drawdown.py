"""The announced drawdown, as tables an analyst reads: which milestones, for where, claimed by whom.

``drawdown_milestones`` keeps the drawdown claims of a milestones table (mission_end, withdrawal,
transition, handover, presence; ``drawdown_only=False`` keeps every date) with Arabic labels for
event, place and claimant. ``who_said_when`` lists, for each drawdown event and place, every date
claimed, by which claimant, in which article, in order of publication, and flags disagreements:
the same event and place given different dates by different claimants or articles, and an
announced date that moved between a claimant's articles. Labels come from ``data/claims/labels.csv``
and the gazetteer's Arabic names.
"""

from __future__ import annotations

import csv
from functools import cache

import pandas as pd

from .claim_tables import CLAIMS_DIR, DRAWDOWN, EVENTS, ClaimTableError
from .gazetteer import load_gazetteer

__all__ = ["WHO_SAID_WHEN_COLUMNS", "claim_label", "date_label", "drawdown_milestones", "who_said_when"]

WHO_SAID_WHEN_COLUMNS = ["event", "place", "date", "start", "end", "claimant", "article_id", "published",
                         "event_ar", "place_ar", "claimant_ar", "surface", "sentence", "disagreement", "moved",
                         "note"]


@cache
def _labels() -> dict[str, str]:
    path = CLAIMS_DIR / "labels.csv"
    labels = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header[:2] != ["value", "label_ar"]:
            raise ClaimTableError(path, 1, f"header {','.join(header)!r}; expected value,label_ar")
        for cells in reader:
            if len(cells) != 2 or not cells[1].strip():
                raise ClaimTableError(path, reader.line_num, "expected value,label_ar with a label")
            labels[cells[0].strip()] = cells[1].strip()
    missing = [e for e in EVENTS if e not in labels]
    if missing:
        raise ClaimTableError(path, 1, f"no Arabic label for {', '.join(missing)}")
    return labels


def claim_label(value: object) -> str:
    """Arabic label of an event, an entity id, ``media``/``unnamed`` or a joint ``a+b`` claimant."""
    value = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    labels = _labels()
    if value in labels:
        return labels[value]
    if "+" in value:
        return " + ".join(claim_label(part) for part in value.split("+"))
    gazetteer = load_gazetteer()
    try:
        return gazetteer[value].name_ar
    except KeyError:
        return value


def date_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """2025-09-30, 2025-09 (a whole month), 2025 (a whole year) or 2025-03-01 – 2025-05-31."""
    if start == end:
        return f"{start:%Y-%m-%d}"
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return f"{start:%Y-%m}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start:%Y}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def drawdown_milestones(milestones: pd.DataFrame, drawdown_only: bool = True) -> pd.DataFrame:
    """The dated milestones with their claims and Arabic labels; by default only drawdown claims
    that are not denied (``drawdown_only=False``: every dated milestone)."""
    rows = milestones[milestones["start"].notna()].copy()
    for column in ("event", "place", "actor", "claimant"):
        rows[column] = rows[column].fillna("").astype(str) if column in rows else ""
    rows["negated"] = rows["negated"].fillna(False).astype(bool) if "negated" in rows else False
    if drawdown_only:
        rows = rows[rows["event"].isin(DRAWDOWN) & ~rows["negated"]]
    rows["event_ar"] = rows["event"].map(claim_label)
    rows["place_ar"] = rows["place"].map(claim_label)
    rows["claimant_ar"] = rows["claimant"].map(claim_label)
    rows["date"] = [date_label(s, e) for s, e in zip(rows["start"], rows["end"])]
    return rows.reset_index(drop=True)


def who_said_when(milestones: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each drawdown event and place, every date claimed, by whom, in which article, by publication.

    ``articles`` (with ``article_id`` and ``published``) orders the articles; without it, article ids do.
    ``disagreement`` marks a date that another claimant or article gives differently for the same event
    and place; ``moved`` a date that differs from the one the same claimant gave in an earlier article;
    ``note`` says which other dates there are.
    """
    rows = drawdown_milestones(milestones, drawdown_only=True)
    if articles is not None and len(rows):
        published = articles.drop_duplicates("article_id").set_index(articles["article_id"].drop_duplicates()
                                                                      .astype(str))["published"]
        rows["published"] = pd.to_datetime(rows["article_id"].astype(str).map(published))
    else:
        rows["published"] = pd.NaT
    rows["event_order"] = rows["event"].map({e: i for i, e in enumerate(EVENTS)})
    rows = rows.sort_values(["event_order", "place", "published", "article_id", "char_start"], kind="stable",
                            na_position="last")
    flags, moved, notes = [], [], []
    for _, group in rows.groupby(["event", "place"], sort=False):
        group_flags, group_moved, group_notes = _flag(group)
        flags += group_flags
        moved += group_moved
        notes += group_notes
    rows["disagreement"], rows["moved"], rows["note"] = flags or [], moved or [], notes or []
    rows = rows.sort_values(["event_order", "place", "published", "article_id", "char_start"], kind="stable",
                            na_position="last")
    rows["published"] = rows["published"].dt.strftime("%Y-%m-%d").fillna("")
    return rows.reindex(columns=WHO_SAID_WHEN_COLUMNS).reset_index(drop=True)


def _flag(group: pd.DataFrame) -> tuple[list[bool], list[bool], list[str]]:
    """Disagreement, moved and note for the rows of one (event, place), in the group's order."""
    records = list(group[["date", "claimant", "article_id"]].itertuples(index=False, name=None))
    flags, moved, notes = [], [], []
    for i, (date, claimant, article) in enumerate(records):
        others = sorted({(d, c) for d, c, a in records if d != date and (c != claimant or a != article)})
        earlier = [d for d, c, a in records[:i] if c == claimant and a != article]
        flags.append(bool(others))
        moved.append(bool(earlier) and earlier[-1] != date)
        note = "; ".join(f"{d} ({claim_label(c)})" for d, c in others)
        if moved[-1]:
            note = f"كان {earlier[-1]} في مقال سابق" + (f"؛ {note}" if note else "")
        notes.append(note)
    return flags, moved, notes
