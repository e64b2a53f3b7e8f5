"""The words that decide a milestone's claim (``data/claims/*.csv``), loaded and validated.

Every table is plain CSV an analyst can extend; a phrase cell may hold several written forms
separated by ``|``. Loading checks the columns, the closed vocabularies (event labels, cue kinds)
and every entity id against the gazetteer, and raises ``ClaimTableError`` naming the file and
line of a bad row, as the gazetteer loader does. Phrases are normalised here
(``helpers.normalize``), so a row needs no hamza or teh-marbuta variants.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .gazetteer import load_gazetteer
from .normalize import normalize
from .paths import data_path
from .published import parse_published
from .table_text import TableTextError, table_text

__all__ = [
    "CLAIMS_DIR",
    "DRAWDOWN",
    "EVENTS",
    "ClaimTableError",
    "ClaimTables",
    "load_claim_tables",
]

CLAIMS_DIR = data_path("claims")
EVENTS = ("mission_end", "withdrawal", "transition", "handover", "presence", "agreement", "talks", "attack", "other")
DRAWDOWN = frozenset(EVENTS[:5])
# Speaker values that are not entity ids: the outlet's own voice, anonymous sources, and the
# markers resolved in context (a nisba after a military noun, a media conduit, an anaphor).
STATE_MEDIA = "@conduit:"  # + a core id: a state's news agency, which speaks for it unless it quotes someone
SPEAKER_WORDS = {"media", "unnamed", "@military", "@government", "@intelligence", "@country", "@via", "@conduit",
                 "@previous", "@outside"}
SCHEMAS = {  # file -> (columns, {column: allowed values})
    "events": (("phrase", "event", "priority", "suffix"), {"event": set(EVENTS), "suffix": {"0", "1"}}),
    "reporting": (("phrase", "kind"), {"kind": {"verb", "verb_bi", "verb_an", "verb_that", "noun_of", "continuation", "attribution", "complementizer"}}),
    "background": (("phrase", "kind"), {"kind": {"background", "scope_break", "relative"}}),
    "negation": (("phrase",), {}),
    "forces": (("phrase",), {}),
    "series": (("phrase",), {}),
    "dates": (("phrase", "kind"), {"kind": {"since", "until", "time"}}),
    "places": (("phrase", "role"), {"role": {"locative", "area", "source", "destination", "base", "other",
                                                      "target", "seized", "country", "border", "part",
                                                      "governorate", "direction", "quarter", "region_plural", "scene"}}),
    "scopes": (("phrase", "role"), {"role": {"patient", "patient_verb", "topic", "office", "election", "liberation", "post", "setting", "assembly", "mission", "venue", "handed", "delivered", "secession", "announce", "strike_kind", "attack_by", "own_country", "auxiliary", "state_outlet", "control", "court", "mutual"}}),
    "speakers": (("phrase", "speaker"), {}),
    "sides": (("entity_id", "side", "military", "government"), {}),
    "part_of": (("entity_id", "part_of"), {}),
    "capitals": (("capital", "country"), {}),
    "missions": (("entity_id",), {}),
    "anaphors": (("phrase", "refers_to"), {}),
}


PLACE_ANAPHOR_TYPES = frozenset({"CITY", "FAC", "LOC"})  # «المدينة», «المخيم»: the gazetteer types they name
# tables added after the first release: a claims folder of one's own written before them still loads
OPTIONAL = frozenset({"scopes", "series", "anaphors"})


class ClaimTableError(TableTextError):
    """A bad row in a claims table, with the file and line it is on."""


@dataclass(frozen=True, eq=False)
class ClaimTables:
    """The validated tables: cue phrases (normalised) with what they mean, and the entity relations."""

    cues: dict[str, list[tuple[str, str, int, bool]]]  # phrase -> [(table, value, priority, suffix_ok)]
    speakers: dict[str, str]  # phrase -> speaker value
    sides: dict[str, tuple[str, str, str, str, str]]  # entity id -> (side, military, government, intelligence, forces)
    part_of: dict[str, str]  # entity id -> the entity containing it
    capitals: dict[str, str]  # capital id -> country id
    country_capital: dict[str, str]  # country id -> capital id
    missions: tuple[str, ...]  # foreign missions whose end, stay or handover a clause may leave unnamed
    core: frozenset[str]  # ids of the core list
    types: dict[str, str]  # gazetteer id -> type
    # a definite noun that names the group named last before it («التنظيم» after «داعش») -> the groups it may name
    anaphors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a definite noun that names the place of a type named last before it («المدينة» after «تكريت») -> the type
    place_anaphors: dict[str, str] = field(default_factory=dict)
    # an entity whose side holds only from a date (sides.csv ``since``: the YPG is the SDF from its founding)
    sides_since: dict[str, dt.date] = field(default_factory=dict)


def _rows(path: Path, columns: tuple[str, ...]):
    with io.StringIO(table_text(path, ClaimTableError), newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        if tuple(header[:len(columns)]) != columns:
            raise ClaimTableError(path, 1, f"header {','.join(header)!r}; expected {','.join(columns)}")
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise ClaimTableError(path, reader.line_num, f"{len(cells)} fields, the header has {len(header)}")
            yield reader.line_num, dict(zip(header, (c.strip() for c in cells)))


def _forms(path: Path, line: int, cell: str) -> list[str]:
    forms = [" ".join(normalize(f).split()) for f in cell.split("|") if f.strip()]
    if not forms:
        raise ClaimTableError(path, line, "empty phrase")
    for form in forms:
        if not re.search(r"\w", form):
            raise ClaimTableError(path, line, f"phrase {form!r} has no letters")
    return forms


def _check_id(path: Path, line: int, value: str, known: set[str], what: str, empty_ok: bool = True) -> None:
    if (value == "" and empty_ok) or value in known:
        return
    raise ClaimTableError(path, line, f"unknown {what} {value!r} (not in the gazetteer)")


CORE_COLUMNS = ("entity_id", "type", "name_ar", "name_en", "nisba_ar")


def core_ids(path: Path, types: dict[str, str]) -> frozenset[str]:
    """The ids of the scored core list (``entities_core.csv``), each a gazetteer entity of the same type, once;
    ``ClaimTableError`` naming the file and line of a short row, an unknown or repeated id, a type that is not the
    gazetteer's, or a list with no entity (every claim would name none)."""
    seen: dict[str, int] = {}
    known = set(types)
    for line, row in _rows(path, CORE_COLUMNS):
        entity_id = row["entity_id"]
        _check_id(path, line, entity_id, known, "entity_id", empty_ok=False)
        if entity_id in seen:
            raise ClaimTableError(path, line, f"entity_id {entity_id!r} is listed twice (first on line {seen[entity_id]})")
        if row["type"] != types[entity_id]:
            raise ClaimTableError(path, line, f"type {row['type']!r} of {entity_id!r}; the gazetteer has "
                                              f"{types[entity_id]!r}")
        seen[entity_id] = line
    if not seen:
        raise ClaimTableError(path, None, "no entity listed: the claims would name none")
    return frozenset(seen)


@cache
def _load(directory: Path, mtimes: tuple) -> ClaimTables:
    gazetteer = load_gazetteer()
    known = {e.entity_id for e in gazetteer}
    types = {e.entity_id: e.type for e in gazetteer}
    # looked up now, not when the package was imported: ``--data-dir`` sets the folder after that
    core = core_ids(data_path("entities_core.csv"), types)
    tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for name, (columns, allowed) in SCHEMAS.items():
        path = directory / f"{name}.csv"
        if name in OPTIONAL and not path.exists():
            tables[name] = []
            continue
        rows = list(_rows(path, columns))  # a missing table: ClaimTableError(path, None, "missing table")
        for line, row in rows:
            for column, values in allowed.items():
                if row[column] not in values:
                    raise ClaimTableError(path, line, f"{column} {row[column]!r} is not one of "
                                                      f"{', '.join(sorted(values))}")
        tables[name] = [(line, row) for line, row in rows]

    cues: dict[str, list[tuple[str, str, int, bool]]] = {}

    def add(name: str, line: int, cell: str, value: str, priority: int = 0, suffix: bool = False) -> None:
        for form in _forms(directory / f"{name}.csv", line, cell):
            cues.setdefault(form, []).append((name, value, priority, suffix))

    for line, row in tables["events"]:
        if not row["priority"].isdigit():
            raise ClaimTableError(directory / "events.csv", line, f"priority {row['priority']!r} is not a number")
        add("events", line, row["phrase"], row["event"], int(row["priority"]), row["suffix"] == "1")
    for name, column in (("reporting", "kind"), ("background", "kind"), ("dates", "kind"), ("places", "role"),
                         ("scopes", "role")):
        for line, row in tables[name]:
            add(name, line, row["phrase"], row[column])
    for name in ("negation", "forces", "series"):
        for line, row in tables[name]:
            add(name, line, row["phrase"], name)

    speakers: dict[str, str] = {}
    lines: dict[str, int] = {}  # where a phrase or a capital was first given
    path = directory / "speakers.csv"
    for line, row in tables["speakers"]:
        value = row["speaker"]
        if value.startswith(STATE_MEDIA):  # «@conduit:turkey»: a state agency (CLAIMS.md rule 26)
            _check_id(path, line, value.removeprefix(STATE_MEDIA), set(core), "core entity id", empty_ok=False)
        elif value not in SPEAKER_WORDS:
            for part in value.split("+"):
                _check_id(path, line, part, set(core), "core entity id", empty_ok=False)
            if "+" in value and value != "+".join(sorted(value.split("+"))):
                raise ClaimTableError(path, line, f"joint speaker {value!r} is not in alphabetical order")
        for form in _forms(path, line, row["phrase"]):
            if speakers.get(form, value) != value:
                raise ClaimTableError(path, line, f"phrase {form!r} is also {speakers[form]!r} on line {lines[form]}")
            speakers[form], lines[form] = value, line
            cues.setdefault(form, []).append(("speakers", value, 0, False))

    sides: dict[str, tuple[str, str, str, str, str]] = {}
    sides_since: dict[str, dt.date] = {}
    path = directory / "sides.csv"
    for line, row in tables["sides"]:
        _check_id(path, line, row["entity_id"], known, "entity_id", empty_ok=False)
        if row["entity_id"] in sides:
            raise ClaimTableError(path, line, f"entity_id {row['entity_id']!r} listed twice")
        for column in ("side", "military", "government", "intelligence", "forces"):
            if row.get(column, "") != "media":  # intelligence, forces: optional last columns
                _check_id(path, line, row.get(column, ""), set(core), f"{column} (a core id)")
        side = row["side"]
        military = row["military"] or side
        sides[row["entity_id"]] = (side, military, row["government"] or side, row.get("intelligence") or military,
                                   row.get("forces") or military)
        if row.get("since"):
            try:
                sides_since[row["entity_id"]] = parse_published(row["since"])
            except ValueError:
                raise ClaimTableError(path, line, f"since {row['since']!r} is not an ISO date (YYYY-MM-DD)") from None
    part_of: dict[str, str] = {}
    path = directory / "part_of.csv"
    for line, row in tables["part_of"]:
        _check_id(path, line, row["entity_id"], known, "entity_id", empty_ok=False)
        _check_id(path, line, row["part_of"], known, "part_of", empty_ok=False)
        if row["entity_id"] in part_of:
            raise ClaimTableError(path, line, f"entity_id {row['entity_id']!r} listed twice")
        part_of[row["entity_id"]] = row["part_of"]
        seen, place = set(), row["entity_id"]
        while place in part_of:
            if place in seen:
                raise ClaimTableError(path, line, f"{row['entity_id']!r} is part of itself")
            seen.add(place)
            place = part_of[place]
    capitals: dict[str, str] = {}
    path = directory / "capitals.csv"
    for line, row in tables["capitals"]:
        _check_id(path, line, row["capital"], known, "capital", empty_ok=False)
        _check_id(path, line, row["country"], known, "country", empty_ok=False)
        if capitals.get(row["capital"], row["country"]) != row["country"]:
            raise ClaimTableError(path, line, f"capital {row['capital']!r} is also the capital of "
                                              f"{capitals[row['capital']]!r} on line {lines[row['capital']]}")
        capitals[row["capital"]], lines[row["capital"]] = row["country"], line
    missions = []
    for line, row in tables["missions"]:
        _check_id(directory / "missions.csv", line, row["entity_id"], set(core), "core entity id", empty_ok=False)
        missions.append(row["entity_id"])
    anaphors: dict[str, tuple[str, ...]] = {}
    place_anaphors: dict[str, str] = {}
    path = directory / "anaphors.csv"
    for line, row in tables["anaphors"]:
        groups = tuple(g.strip() for g in row["refers_to"].split("|") if g.strip())
        if not groups:
            raise ClaimTableError(path, line, "refers_to is empty")
        place_type = groups[0][1:] if groups[0].startswith("@") else ""
        if place_type and (len(groups) > 1 or place_type not in PLACE_ANAPHOR_TYPES):
            raise ClaimTableError(path, line, f"refers_to {row['refers_to']!r}: one place type, one of "
                                              f"{', '.join('@' + t for t in sorted(PLACE_ANAPHOR_TYPES))}")
        for group in groups if not place_type else ():
            _check_id(path, line, group, known, "refers_to", empty_ok=False)
        for form in _forms(path, line, row["phrase"]):
            if form in anaphors or form in place_anaphors:
                raise ClaimTableError(path, line, f"phrase {form!r} listed twice")
            if place_type:
                place_anaphors[form] = place_type
                cues.setdefault(form, []).append(("place_anaphors", place_type, 0, False))  # found in the cue scan
            else:
                anaphors[form] = groups
    return ClaimTables(cues, speakers, sides, part_of, capitals, {v: k for k, v in capitals.items()},
                       tuple(missions), core, types, anaphors, place_anaphors, sides_since)


def load_claim_tables(directory: Path | str | None = None) -> ClaimTables:
    """The tables of ``directory`` (default ``data/claims``), read once and again when a file changes."""
    directory = Path(directory) if directory is not None else CLAIMS_DIR
    checked = _CHECKED.get(directory)
    now = time.monotonic()
    if checked is None or now - checked[0] > _RECHECK_SECONDS:  # stat the files at most once a second
        mtimes = tuple(sorted((p.name, p.stat().st_mtime) for p in directory.glob("*.csv")))
        checked = _CHECKED[directory] = (now, mtimes)
    return _load(directory, checked[1])


_CHECKED: dict[Path, tuple[float, tuple]] = {}
_RECHECK_SECONDS = 1.0
