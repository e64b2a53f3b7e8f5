"""The vocabulary tables an analyst may replace (``--data-dir``, ``$HELPERS_DATA_DIR``), checked before any work.

The extractors turn one article's failure into a warning on its load-report row, so a bad table would cost every
article its milestones while the run still succeeded, and a misspelt table folder (``Calendar/``, ``claim/``) would
leave the shipped tables in use while the analyst believes theirs are. ``check_tables`` reads every table once and
raises naming the file and line; ``data_dir_problems`` names the entries of a data folder the suite does not read.
"""

from __future__ import annotations

import difflib
import os
import warnings
from pathlib import Path

from . import paths

__all__ = ["DATA_TABLES", "DataDirWarning", "check_tables", "data_dir_problems", "not_a_data_folder"]

# What a data folder may hold: each replaces the shipped one (paths.data_path).
DATA_TABLES = ("gazetteer.csv", "entity_context.csv", "entities_core.csv", "calendar", "claims")
_FOLDERS = ("calendar", "claims")  # folders of tables, replaced whole


class DataDirWarning(UserWarning):
    """An entry of the data folder the suite does not read."""


_WARNED: set[str] = set()


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _misnamed(folder: Path, tables: set[str], known: set[str], read: str) -> tuple[list[str], list[str]]:
    """(errors, warnings) for the entries of ``folder`` that are neither ``tables`` nor ``known``: an error when it
    is a near miss of a table that is not there (``Calendar`` for ``calendar``), else a warning that it is not read."""
    errors, notes = [], []
    present = _names(folder)
    missing = {name.lower(): name for name in tables - present}
    for name in sorted(present - tables - known):
        if paths.hidden_entry(name):
            continue
        close = difflib.get_close_matches(name.lower(), list(missing), n=1, cutoff=0.75)
        if close:
            errors.append(f"{folder / name} is not a table the suite reads: did you mean {missing[close[0]]}? "
                          "(names are case-sensitive)")
        else:
            notes.append(f"{folder / name} is not read ({read})")
    return errors, notes


def not_a_data_folder(folder: Path) -> str | None:
    """Why ``folder`` is no data folder (the shipped tables would be used in its place), or None."""
    if folder.is_dir() and any((folder / name).exists() for name in DATA_TABLES):
        return None
    if folder.is_dir():
        return f"holds none of {', '.join(DATA_TABLES)} (names are case-sensitive)"
    return "not a folder" if folder.exists() else "no such folder"


def data_dir_problems(folder: Path | str) -> tuple[list[str], list[str]]:
    """(errors, warnings) about what ``folder`` holds: a misspelt table or table folder is an error (the shipped
    one would be used in its place), any other entry the suite does not read is a warning; the same for the
    ``.csv`` files of its ``calendar/`` and ``claims/``. Entries the shipped data folder has (``eval``,
    ``README.md``) and hidden ones are not named."""
    folder = Path(folder)
    errors, notes = _misnamed(folder, set(DATA_TABLES), _names(paths.DATA),
                              f"the suite reads {', '.join(DATA_TABLES)}")
    for name in _FOLDERS:
        if (folder / name).is_dir():
            shipped = _names(paths.DATA / name)
            tables = {table for table in shipped if table.endswith(".csv")}
            other = {entry for entry in _names(folder / name) if not entry.endswith(".csv")}
            inner_errors, inner_notes = _misnamed(folder / name, tables, shipped | other,
                                                  f"not one of the {len(tables)} tables of {name}/")
            errors += inner_errors
            notes += inner_notes
    return errors, notes


def check_tables(claims: bool = True) -> None:
    """Read every vocabulary table (calendar, gazetteer, entity context, claims unless ``claims`` is False) once,
    as the extractors will: ``ValueError`` naming the first bad one as "FILE, line N: problem" (``OSError`` for
    one that cannot be read). Under ``$HELPERS_DATA_DIR`` a misspelt table is an error too, and an entry that is
    not read a warning; so is a data folder that does not exist or holds no table."""
    override = os.environ.get(paths.DATA_DIR_ENV)
    if override:
        folder = Path(override).expanduser()
        if problem := not_a_data_folder(folder):  # paths.data_path would quietly fall back on the shipped tables
            raise ValueError(f"{paths.DATA_DIR_ENV}={override}: {problem}")
        errors, notes = data_dir_problems(folder)
        if errors:
            raise ValueError(errors[0])
        for note in notes:
            if note not in _WARNED:  # once a process: the CLI checks before extract_corpus checks again
                _WARNED.add(note)
                warnings.warn(note, DataDirWarning, stacklevel=2)
    stale = _read_elsewhere()
    if stale:
        raise ValueError(f"{paths.DATA_DIR_ENV} changed after the tables were read: {'; '.join(stale)}; restart "
                         "the kernel (or Python) after setting it, so that every table is read from one folder")
    from .entities import default_matcher
    from .milestones import vocabulary  # noqa: F401 - the calendar tables, read and validated on import
    from .milestones.table import listed_subjects

    listed_subjects(default_matcher())  # the gazetteer, its context table and calendar/subjects.csv
    if claims:
        from .claim_tables import load_claim_tables

        load_claim_tables()


# the tables whose place is fixed when their module is imported: (module, attribute, path under the data folder)
# (paths.ENTITIES_CORE is left out: paths is imported with the package, before the command line sets the folder)
_FIXED_AT_IMPORT = (("milestones.vocabulary", "CALENDAR", "calendar"), ("claim_tables", "CLAIMS_DIR", "claims"),
                    ("gazetteer", "GAZETTEER_CSV", "gazetteer.csv"), ("gazetteer", "CONTEXT_CSV", "entity_context.csv"))


def _read_elsewhere() -> list[str]:
    """The tables already read from another place than ``$HELPERS_DATA_DIR`` now gives (it was set or changed
    after their module was imported, as in a notebook that extracted once): "what (read from PATH)"."""
    import sys

    out = []
    for module, attribute, relative in _FIXED_AT_IMPORT:
        loaded = sys.modules.get(f"{__package__}.{module}")
        if loaded is None:
            continue
        read, now = Path(getattr(loaded, attribute)), paths.data_path(relative)
        if read != now and _contents(read, relative) != _contents(now, relative):
            out.append(f"{relative} (read from {read})")
    return out


def _contents(path: Path, relative: str) -> dict[str, bytes | None]:
    """The bytes of a table, or of each table the suite reads from a folder of tables, by name."""
    if not (paths.DATA / relative).is_dir():
        return {path.name: path.read_bytes() if path.is_file() else None}
    names = sorted(p.name for p in (paths.DATA / relative).glob("*.csv"))
    return {name: (path / name).read_bytes() if (path / name).is_file() else None for name in names}
