"""Compiled Python modules that never run another version of the code than their source.

The claim rules (``helpers.claims``) are plain Python that setup.py also compiles with Cython (about 12%
fewer instructions; the same results, tests/test_compiled_claims.py). A compiled module sits next to its
source and Python imports it first, so after an edit or a ``git pull`` without a rebuild it would go on
running the old rules, silently. Once a module has been compiled, setup.py records the digest of the source
it was compiled from in ``compiled_from.json`` beside it (``record_sources``); ``SourceWhenStale``, put in front of the import system for a package,
imports the source instead when it no longer has that digest (with a warning naming the rebuild), or when
``HELPERS_PURE_PYTHON=1`` asks for the source (a debugger, a profiler by line, a comparison). Digests, not
file times: an installer writes a wheel's files in any order, a checkout gives every file the time of the
clone.

Python's import system has no such rule of its own (it would pick the extension module), hence this
small finder.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

__all__ = ["BUILT_FROM", "PURE_ENV", "SourceWhenStale", "compiled_modules", "prefer_fresh_source", "record_sources",
           "source_digest"]

PURE_ENV = "HELPERS_PURE_PYTHON"
BUILT_FROM = "compiled_from.json"  # {module name: source_digest of the source it was compiled from}, by setup.py


def source_digest(source: Path) -> str:
    """The digest of a module's source, as ``record_sources`` records it and ``SourceWhenStale`` checks it."""
    return hashlib.blake2b(Path(source).read_bytes(), digest_size=16).hexdigest()


def record_sources(folder: Path, digests: dict[str, str]) -> None:
    """Record in ``folder/compiled_from.json`` that these modules (name: ``source_digest``) were compiled there.

    setup.py calls it after each module built; the others keep what was recorded of them. Written whole
    through a temporary file (a process importing the package meanwhile never reads half a record), and
    only when it changes. Standard library only: setup.py loads this file by path, before ``helpers``
    can be imported.
    """
    record = Path(folder) / BUILT_FROM
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    text = json.dumps({**known, **digests}, indent=1, sort_keys=True) + "\n"
    if record.is_file() and record.read_text(encoding="utf-8") == text:
        return
    record.parent.mkdir(parents=True, exist_ok=True)
    partial = record.with_name(record.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(record)


def _compiled_file(folder: Path, name: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


class SourceWhenStale:
    """A meta-path finder for the submodules of one package: their Python source when the compiled
    module was not recorded as built from that source, or when ``HELPERS_PURE_PYTHON=1``; otherwise it
    leaves the import as it is."""

    def __init__(self, package: str, folder: Path):
        self.package, self.folder = package, Path(folder)
        try:
            self.built_from = json.loads((self.folder / BUILT_FROM).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.built_from = {}  # no record: no build can be trusted to be current

    def find_spec(self, fullname: str, path=None, target=None):
        prefix, _, name = fullname.rpartition(".")
        if prefix != self.package:
            return None
        source = self.folder / f"{name}.py"
        built = _compiled_file(self.folder, name)
        if built is None or not source.is_file():
            return None
        if os.environ.get(PURE_ENV) != "1":
            if self.built_from.get(name) == source_digest(source):
                return None  # the build is current: the usual import takes it
            warnings.warn(f"{built.name} was not built from this {source.name} (edited since?): running "
                          "the Python source (slower). Rebuild with `make setup` or `pip install -e .`.",
                          RuntimeWarning, stacklevel=2)
        return importlib.util.spec_from_file_location(fullname, source)


def prefer_fresh_source(package: str, folder: Path) -> SourceWhenStale:
    """Install (once) the finder for ``package``'s submodules in ``folder``; it must run before they are imported."""
    for finder in sys.meta_path:
        if isinstance(finder, SourceWhenStale) and finder.package == package:
            return finder
    finder = SourceWhenStale(package, folder)
    sys.meta_path.insert(0, finder)
    return finder


def compiled_modules(modules) -> dict[str, bool]:
    """For each imported module: is it running compiled code (an extension module), not its source?"""
    return {m.__name__: Path(m.__file__).suffix not in (".py", ".pyc") for m in modules}
