"""Every path the suite uses, so no notebook or module hard-codes one.

The vocabulary tables (gazetteer, calendar, claims, core entity list), the notebooks and the seed corpus ship inside
the package: a wheel carries them under ``helpers/bundled/`` (``setup.py`` copies them at build time) and they are
found with ``importlib.resources``; a checkout (an editable install) reads them where they are, so an edit to
``data/`` takes effect at once. An analyst points the suite at tables of their own with ``HELPERS_DATA_DIR`` (or
``--data-dir``): a file or folder found there under the same relative path (``gazetteer.csv``, ``calendar/``,
``claims/``) replaces the shipped one; the rest stay.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

__all__ = ["BUILD", "DATA", "DATA_DIR_ENV", "ENTITIES_CORE", "EVAL_DEV", "NOTEBOOKS", "ROOT", "SEEDS", "corpus_path",
           "data_path", "hidden_entry"]

DATA_DIR_ENV = "HELPERS_DATA_DIR"
PACKAGE = Path(str(files("helpers")))
_CHECKOUT = PACKAGE.parents[1]
CHECKOUT = _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "src" / "helpers").is_dir() else None


def _shipped(name: str) -> Path:
    """A folder the package ships: the checkout's own when running from one, else the wheel's bundled copy."""
    if CHECKOUT is not None and (CHECKOUT / name).is_dir():
        return CHECKOUT / name
    return PACKAGE / "bundled" / name


ROOT = CHECKOUT or Path.cwd()  # where relative corpus parameters are looked up after the cwd
DATA = _shipped("data")
SEEDS = _shipped("seeds")
NOTEBOOKS = _shipped("notebooks")
BUILD = (CHECKOUT / "build") if CHECKOUT is not None else Path("build")
EVAL_DEV = DATA / "eval" / "dev"  # annotated sets live in a checkout; a wheel ships none


def data_path(relative: str) -> Path:
    """A shipped table or folder of tables, or the analyst's replacement under ``$HELPERS_DATA_DIR``."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        candidate = Path(override).expanduser() / relative
        if candidate.exists():
            return candidate
    return DATA / relative


ENTITIES_CORE = data_path("entities_core.csv")


def corpus_path(value: str | Path) -> Path:
    """A corpus given as a notebook parameter: absolute, relative to the cwd, or to the project root."""
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists():
        return path.resolve()
    return (ROOT / path).resolve()


def hidden_entry(name: str) -> bool:
    """A file browser's, editor's or spreadsheet's own entry in a folder (.DS_Store, .ipynb_checkpoints, .git,
    ~$ lock files): never an article or a table, so neither named nor a reason to refuse the folder."""
    return name.startswith((".", "~$"))
