"""The analyst's list of entities (``data/gazetteer.csv``) and the written forms each one takes.

A second table, ``data/entity_context.csv``, holds the words around a name that decide what it means
(«قاعدة سورية» is the nisba, «تركي البنعلي» a person, «التحالف الكردي» another alliance); see
``load_context_rules``.

One row per entity: ``entity_id,type,name_ar,name_en,aliases,nisba,wikidata``. Aliases and
spelling variants are ``|``-separated; ``nisba`` holds the base adjective of a country
(``عراقي``), whose inflections are generated here. Loading validates the file and names the
line of a bad row: a silent duplicate alias would move counts from one entity to another.

The little Arabic grammar the matcher needs is kept here as data too: the proclitics a name
can carry and the endings of a nisba adjective.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from .normalize import normalize
from .paths import data_path
from .table_text import TableTextError, table_text

__all__ = [
    "COLUMNS",
    "CONTEXT_COLUMNS",
    "CONTEXT_CSV",
    "CONTEXT_RULES",
    "ENTITY_TYPES",
    "GAZETTEER_CSV",
    "ContextRules",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "clitic_forms",
    "fold_for_matching",
    "load_context_rules",
    "load_gazetteer",
    "match_key",
    "nisba_forms",
]

GAZETTEER_CSV = data_path("gazetteer.csv")
COLUMNS = ("entity_id", "type", "name_ar", "name_en", "aliases", "nisba", "wikidata")
ENTITY_TYPES = {
    "GPE": "country or autonomous region",
    "CITY": "city",
    "LOC": "province, region or continent",
    "ORG": "organisation, armed group, media outlet",
    "PER": "person",
    "FAC": "base, building, facility",
    "DOC": "agreement or document",
}
# Only countries (and regions with a government) have a nisba whose mentions are counted.
NISBA_TYPES = {"GPE"}

# Proclitics, outermost first: a conjunction, then a preposition. ل before the article
# drops the article's alef (ل + العراق → للعراق).
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
ARTICLE = "ال"
# Nisba endings after normalisation (ة → ه): masc./fem. singular, dual, plural.
NISBA_ENDINGS = ("", "ه", "ان", "ين", "ون", "ات", "تان", "تين")
# Accusative tanwin is written with an alef on the indefinite masculine only: أميركياً.
NISBA_INDEFINITE_ENDINGS = ("ا",)
# A common misspelling real pages carry: the plural with one yeh (للإيرانين for للإيرانيين).
NISBA_MISSPELT_ENDINGS = ("ن",)
# A dual or plural in construct drops its ن before the genitive: «طائرتين إيرانيتي الصنع», «أمريكيي الجنسية».
NISBA_CONSTRUCT_ENDINGS = ("ي", "تا", "تي")

# Letters from Persian/Urdu keyboards that stand for Arabic ones (1:1, offsets unchanged).
_KEYBOARD_FOLD = str.maketrans("یکۀ", "يكه")
_WORD_RE = re.compile(r"\w+")
_WIKIDATA_RE = re.compile(r"Q[1-9][0-9]*")
_ENTITY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")


class GazetteerError(TableTextError):
    """A bad gazetteer row, with the file and line it is on."""


@dataclass(frozen=True)
class Entity:
    """One listed entity: canonical names, aliases and (for countries) base nisba forms."""

    entity_id: str
    type: str
    name_ar: str
    name_en: str
    aliases: tuple[str, ...] = ()
    nisba: tuple[str, ...] = ()
    wikidata: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical Arabic name and every alias: all count as name mentions."""
        return (self.name_ar, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    """The validated list, in file order, looked up by ``entity_id``."""

    entities: tuple[Entity, ...]
    path: Path | None = None

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {entity.entity_id: entity for entity in self.entities}

    def to_frame(self) -> pd.DataFrame:
        """The list as the analyst edits it, aliases and nisba joined with ``|``."""
        rows = [
            {**{c: getattr(e, c) for c in COLUMNS}, "aliases": "|".join(e.aliases), "nisba": "|".join(e.nisba)}
            for e in self.entities
        ]
        return pd.DataFrame(rows, columns=list(COLUMNS))


def fold_for_matching(normalised: str) -> str:
    """Lower-case Latin and fold Persian-keyboard letters, so ABC meets abc and ایران meets إيران."""
    return normalised.translate(_KEYBOARD_FOLD).lower()


@lru_cache(maxsize=1 << 16)  # the claims ask it for the same few thousand words again and again
def match_key(phrase: str) -> tuple[str, ...]:
    """The tokens a phrase is matched by: normalised, folded, split into words."""
    return tuple(_WORD_RE.findall(fold_for_matching(normalize(phrase))))


def clitic_forms(word: str) -> list[str]:
    """``word`` (a normalised token) with every proclitic combination: العراق → والعراق، للعراق، فبالعراق…"""
    forms = []
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            if not conj and not prep:
                continue
            if prep == "ل" and word.startswith(ARTICLE):
                forms.append(conj + "ل" + word[1:])
            else:
                forms.append(conj + prep + word)
    return forms


def nisba_forms(base: str, article: bool = True) -> list[str]:
    """Inflections of a normalised nisba, definite and not: عراقي → عراقيه، العراقيين، عراقيا…

    A base that does not end in ي is an irregular form (أمريكان) taken as written, with
    or without the article. ``article``: may the base start with the article, to be dropped? Not when its
    written form starts with «أل» (ألماني, normalised الماني): those are its own letters.
    """
    stem = base.removeprefix(ARTICLE) if article else base
    if not stem.endswith("ي"):
        return [stem, ARTICLE + stem]
    inflected = [stem + ending for ending in NISBA_ENDINGS + NISBA_MISSPELT_ENDINGS + NISBA_CONSTRUCT_ENDINGS]
    return inflected + [ARTICLE + form for form in inflected] + [stem + e for e in NISBA_INDEFINITE_ENDINGS]


def _split(cell: str) -> tuple[str, ...]:
    """``a|b|c`` → (a, b, c); empty pieces (a trailing ``|``) are dropped."""
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; blank lines are skipped."""
    with io.StringIO(table_text(path, GazetteerError), newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise GazetteerError(path, 1, "the file is empty; expected a header " + ",".join(COLUMNS))
        header = [h.strip() for h in header]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise GazetteerError(path, 1, f"missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise GazetteerError(path, reader.line_num, f"{len(cells)} fields, the header has {len(header)}")
            yield reader.line_num, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}


def _entity_from_row(path: Path, line: int, row: dict[str, str]) -> Entity:
    for column in ("entity_id", "type", "name_ar", "name_en"):
        if not row[column]:
            raise GazetteerError(path, line, f"empty {column}")
    entity = Entity(row["entity_id"], row["type"], row["name_ar"], row["name_en"],
                    _split(row["aliases"]), _split(row["nisba"]), row["wikidata"])
    if not _ENTITY_ID_RE.fullmatch(entity.entity_id):
        raise GazetteerError(path, line, f"entity_id {entity.entity_id!r} is not lower_case_with_underscores")
    if entity.type not in ENTITY_TYPES:
        allowed = ", ".join(ENTITY_TYPES)
        raise GazetteerError(path, line, f"unknown type {entity.type!r} for {entity.entity_id} (allowed: {allowed})")
    if entity.nisba and entity.type not in NISBA_TYPES:
        raise GazetteerError(path, line, f"nisba given for {entity.entity_id} of type {entity.type}; "
                                         f"only {', '.join(sorted(NISBA_TYPES))} rows take nisba forms")
    if entity.wikidata and not _WIKIDATA_RE.fullmatch(entity.wikidata):
        raise GazetteerError(path, line, f"wikidata id {entity.wikidata!r} is not of the form Q123")
    for name in (*entity.names, *entity.nisba):
        if not match_key(name):
            raise GazetteerError(path, line, f"name {name!r} of {entity.entity_id} has no letters")
    for base in entity.nisba:
        if len(match_key(base)) != 1:
            raise GazetteerError(path, line, f"nisba {base!r} of {entity.entity_id} is not one word")
    return entity


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Read and validate the gazetteer (default ``data/gazetteer.csv``).

    Raises ``GazetteerError`` naming the file, the line and the problem: an empty name, an
    unknown type, a repeated entity_id, or one alias (after normalisation) under two ids.
    """
    path = Path(path) if path is not None else GAZETTEER_CSV
    entities: list[Entity] = []
    id_lines: dict[str, int] = {}
    owners: dict[tuple[str, ...], tuple[str, int]] = {}  # match key → (entity_id, line)
    for line, row in _read_rows(path):
        entity = _entity_from_row(path, line, row)
        if entity.entity_id in id_lines:
            raise GazetteerError(path, line, f"entity_id {entity.entity_id!r} already defined on line "
                                             f"{id_lines[entity.entity_id]}")
        id_lines[entity.entity_id] = line
        for name in (*entity.names, *entity.nisba):
            key = match_key(name)
            owner = owners.setdefault(key, (entity.entity_id, line))
            if owner[0] != entity.entity_id:
                raise GazetteerError(path, line, f"alias {name!r} of {entity.entity_id} is also an alias of "
                                                 f"{owner[0]} (line {owner[1]}); one alias, one entity")
        entities.append(entity)
    return Gazetteer(tuple(entities), path)


CONTEXT_CSV = data_path("entity_context.csv")
CONTEXT_COLUMNS = ("rule", "entity_id", "phrase", "note")
CONTEXT_RULES = {
    "nisba_head": "an indefinite noun that a following name-or-nisba (سورية) agrees with, making it the nisba",
    "person_title": "a title before a surname that is also a nisba (رئيس الوزراء السوداني): the person",
    "given_name": "a given name that is also a nisba or a place: before a family name, or before a listed "
                  "place, it is a person (تركي البنعلي، جورج واشنطن)",
    "nisba_complement": "a word after a nisba-like given name that keeps it the nisba (تركي الجنسية)",
    "generic_alias": "a one-word alias that is a common noun: followed by a definite adjective it names "
                     "something else (التحالف الكردي), unless the adjective is listed under keeps",
    "keeps": "an adjective after the entity's generic alias that still means the entity (التحالف الدولي)",
    "parties_after": "a word after the entity's generic alias that names the parties of another one (التحالف بين "
                     "البلدين: the alliance between the two countries)",
    "era_cue": "a phrase in the sentence that places the mention in another time (حرب الخليج)",
    "founded": "the year the entity began: a year before it, earlier in the sentence, means another one "
               "(unless the sentence also names a year from then on)",
    "anchor": "another entity (its id) whose mention in the sentence confirms the entity against the era "
              "rules (the coalition against داعش)",
}
_ENTITY_RULES = {"generic_alias", "keeps", "parties_after", "era_cue", "founded", "anchor"}
_ONE_WORD_RULES = {"nisba_head", "given_name", "nisba_complement", "generic_alias", "keeps", "parties_after"}


@dataclass(frozen=True)
class ContextRules:
    """``entity_context.csv`` compiled to match keys (normalised, folded), one field per rule."""

    nisba_heads: frozenset[str] = frozenset()
    person_titles: frozenset[tuple[str, ...]] = frozenset()
    given_names: frozenset[str] = frozenset()
    nisba_complements: frozenset[str] = frozenset()
    generic_aliases: tuple[tuple[str, str], ...] = ()  # (entity_id, alias key)
    keeps: tuple[tuple[str, str], ...] = ()  # (entity_id, adjective key)
    parties_after: tuple[tuple[str, str], ...] = ()  # (entity_id, word key)
    era_cues: tuple[tuple[str, str], ...] = ()  # (entity_id, normalised phrase)
    founded: tuple[tuple[str, int], ...] = ()  # (entity_id, year)
    anchors: tuple[tuple[str, str], ...] = ()  # (entity_id, entity_id of a confirming mention)
    path: Path | None = None


def load_context_rules(path: Path | str | None = None, gazetteer: Gazetteer | None = None) -> ContextRules:
    """Read and validate the context table (default ``data/entity_context.csv``).

    Raises ``GazetteerError`` naming the file and line: an unknown rule, an empty phrase, a phrase of
    several words where one is expected, a missing or unknown entity_id (checked against ``gazetteer``
    when given), a generic alias that is not one of the entity's names, a ``founded`` that is not a year.
    """
    path = Path(path) if path is not None else CONTEXT_CSV
    fields: dict[str, set] = {rule: set() for rule in CONTEXT_RULES}
    anchors: set[tuple[str, tuple[str, ...], str]] = set()
    with io.StringIO(table_text(path, GazetteerError), newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in CONTEXT_COLUMNS if c not in header]
        if missing:
            raise GazetteerError(path, 1, f"missing column(s) {', '.join(missing)}; "
                                          f"expected {','.join(CONTEXT_COLUMNS)}")
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise GazetteerError(path, reader.line_num, f"{len(cells)} fields, the header has {len(header)} "
                                                            "(quote a note that holds a comma)")
            row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
            entry = _context_entry(path, reader.line_num, row, gazetteer)
            if row["rule"] == "anchor":  # the phrase is an entity id, kept as written
                anchors.add((*entry, row["phrase"]))
            fields[row["rule"]].add(entry)
    single = {rule: frozenset(key[0] for _, key in fields[rule]) for rule in _ONE_WORD_RULES}
    return ContextRules(
        nisba_heads=single["nisba_head"],
        person_titles=frozenset(key for _, key in fields["person_title"]),
        given_names=single["given_name"],
        nisba_complements=single["nisba_complement"],
        generic_aliases=tuple(sorted((e, key[0]) for e, key in fields["generic_alias"])),
        keeps=tuple(sorted((e, key[0]) for e, key in fields["keeps"])),
        parties_after=tuple(sorted((e, key[0]) for e, key in fields["parties_after"])),
        era_cues=tuple(sorted((e, " ".join(key)) for e, key in fields["era_cue"])),
        founded=tuple(sorted((e, int(key[0])) for e, key in fields["founded"])),
        anchors=tuple(sorted((e, row_phrase) for e, _, row_phrase in anchors)),
        path=path,
    )


def _context_entry(path: Path, line: int, row: dict[str, str], gazetteer: Gazetteer | None
                   ) -> tuple[str, tuple[str, ...]]:
    """(entity_id, match key) of one validated row of the context table."""
    rule, entity_id, phrase = row["rule"], row["entity_id"], row["phrase"]
    if rule not in CONTEXT_RULES:
        raise GazetteerError(path, line, f"unknown rule {rule!r} (allowed: {', '.join(CONTEXT_RULES)})")
    key = match_key(phrase)
    if not key:
        raise GazetteerError(path, line, f"phrase {phrase!r} of rule {rule} has no letters or digits")
    if rule in _ONE_WORD_RULES and len(key) != 1:
        raise GazetteerError(path, line, f"phrase {phrase!r} of rule {rule} must be one word")
    if rule in _ENTITY_RULES and not entity_id:
        raise GazetteerError(path, line, f"rule {rule} needs an entity_id")
    if rule not in _ENTITY_RULES and entity_id:
        raise GazetteerError(path, line, f"rule {rule} applies to every entity; leave entity_id empty")
    if rule == "founded" and not re.fullmatch(r"[12][0-9]{3}", phrase):
        raise GazetteerError(path, line, f"founded {phrase!r} of {entity_id} is not a four-digit year")
    if gazetteer is not None and entity_id:
        try:
            entity = gazetteer[entity_id]
        except KeyError:
            raise GazetteerError(path, line, f"entity_id {entity_id!r} is not in the gazetteer") from None
        if rule == "generic_alias" and key not in {match_key(name) for name in entity.names}:
            raise GazetteerError(path, line, f"generic alias {phrase!r} is not a name of {entity_id}")
        if rule == "anchor" and phrase not in {e.entity_id for e in gazetteer}:
            raise GazetteerError(path, line, f"anchor {phrase!r} of {entity_id} is not an entity_id of the gazetteer")
    return entity_id, key
