"""Which files of a corpus folder a load reads: include and exclude glob patterns.

A pattern matches a file's path relative to the corpus root, ``/``-separated, with ``fnmatch`` rules
(case-sensitive; ``*`` also crosses folders; a leading ``**/`` also matches no folder at all). A pattern
without a ``/`` matches the file's name or the name of any folder it is in, so ``README*`` finds a
README in every folder and ``annotations`` everything under a folder of that name. A file is read when it
matches an include pattern (or none are given) and no exclude pattern; every other file keeps an ``ok``
row in the load report saying which pattern left it out. Patterns pick articles and records, which a
``manifest.csv`` never is: ``--exclude '*.csv'`` leaves out annotation tables, not the dates of the
manifest. Only an exclude pattern without wildcards naming it (``manifest.csv``, ``2024/manifest.csv``)
leaves a manifest out.

``report`` runs its notebooks in kernels of their own: ``corpus_selection`` sets the options in the
environment (``HELPERS_CORPUS_SELECTION``) for the block, where every load started in it finds them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

__all__ = ["SELECTION_ENV", "Selection", "corpus_selection", "selection_from_env"]

SELECTION_ENV = "HELPERS_CORPUS_SELECTION"
_WILDCARDS = re.compile(r"[*?\[]")


def _matches(relative: str, pattern: str) -> bool:
    """Whether ``pattern`` matches the ``/``-separated ``relative`` path (see the module docstring)."""
    pattern = pattern.removeprefix("./")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in relative.split("/"))
    if pattern.startswith("**/") and _matches(relative, pattern[3:]):
        return True
    return fnmatchcase(relative, pattern.lstrip("/"))


def _patterns(given: Iterable[str] | str | None) -> tuple[str, ...]:
    return (given,) if isinstance(given, str) else tuple(given or ())


@dataclass(frozen=True)
class Selection:
    """Include and exclude patterns; ``left_out`` says why a file is not read (None: it is)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def of(cls, include: Iterable[str] | str | None = None, exclude: Iterable[str] | str | None = None) -> Selection:
        """A selection from patterns given as a string or a list of them (None: no pattern)."""
        return cls(_patterns(include), _patterns(exclude))

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def left_out(self, relative: str, *, manifest: bool = False) -> str | None:
        """The report reason of a file left out, from its path relative to the corpus root; a ``manifest``
        is left out only by an exclude pattern without wildcards."""
        for pattern in self.exclude:
            if (not manifest or not _WILDCARDS.search(pattern)) and _matches(relative, pattern):
                return f"excluded by pattern {pattern!r}"
        if self.include and not manifest and not any(_matches(relative, p) for p in self.include):
            return f"not included: matches no include pattern ({', '.join(map(repr, self.include))})"
        return None


def selection_from_env() -> tuple[Selection, str | None]:
    """The patterns and manifest ``corpus_selection`` put in the environment (none when it is unset)."""
    value = os.environ.get(SELECTION_ENV)
    if not value:
        return Selection(), None
    try:
        options = json.loads(value)
        return Selection.of(options.get("include"), options.get("exclude")), options.get("manifest")
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"${SELECTION_ENV} is not a JSON object of include, exclude and manifest: {value!r}") from exc


@contextlib.contextmanager
def corpus_selection(include: Iterable[str] | None = None, exclude: Iterable[str] | None = None,
                     manifest: str | os.PathLike | None = None) -> Iterator[None]:
    """Within the block, loads given no patterns or manifest (here or in a kernel started here) use these."""
    options = {"include": list(include or ()), "exclude": list(exclude or ()),
               "manifest": str(Path(manifest).resolve()) if manifest is not None else None}
    saved = os.environ.get(SELECTION_ENV)
    os.environ[SELECTION_ENV] = json.dumps(options)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(SELECTION_ENV, None)
        else:
            os.environ[SELECTION_ENV] = saved
