"""Which files of a corpus folder a load reads: include and exclude glob patterns.

A pattern matches a file's path relative to the corpus root, ``/``-separated, with ``fnmatch`` rules
(case-sensitive; ``*`` also crosses folders; ``**/`` at the start or between folders also matches no
folder at all, in a pattern of up to four; a name equal to the pattern as written matches too, so
``[draft]`` finds that folder).
A pattern without a ``/`` matches the file's name or the name of any folder it is in, so ``README*``
finds a README in every folder and ``annotations`` everything under a folder of that name; one with a
``/`` matches the path or the path of a folder it is in (``2024/drafts``); a leading ``/`` or ``./``
anchors a name at the corpus folder, a trailing ``/`` names folders only. ``\\`` is read as ``/`` (a
path typed on Windows), and names and patterns are compared in NFC (an Arabic name written on macOS
decomposes its hamza and madda). A file is read when it matches an include pattern (or none are given)
and no exclude pattern; every other file keeps an ``ok`` row in the load report saying which pattern
left it out, and a pattern that picks or leaves out no file is a warning naming it. Patterns pick
articles and records, which a ``manifest.csv`` never is: ``--exclude '*.csv'`` leaves out annotation
tables, not the dates of the manifest. Only an exclude pattern without wildcards naming it
(``manifest.csv``, ``2024/manifest.csv``) leaves a manifest out.

``report`` runs its notebooks in kernels of their own: ``corpus_selection`` sets the options in the
environment (``HELPERS_CORPUS_SELECTION``) for the block, where every load started in it finds them.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import translate
from pathlib import Path

__all__ = ["SELECTION_ENV", "Selection", "corpus_selection", "selection_from_env"]

SELECTION_ENV = "HELPERS_CORPUS_SELECTION"
_WILDCARDS = re.compile(r"[*?\[]")
_DOUBLE_STAR = re.compile(r"(?:^|(?<=/))\*\*/")  # '**/' at the start or after a folder
_DOUBLE_STARS = re.compile(r"(?:(?:^|(?<=/))\*\*/){2,}")
_MAX_DOUBLE_STARS = 4  # in a pattern of more, each matches one folder or more (16 took minutes)


def _normal(text: str) -> str:
    """NFC, so a name typed with a composed أ matches one stored with alef + hamza (macOS names), and back."""
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=1024)
def _matcher(pattern: str) -> tuple[Callable[[str], object], bool, bool]:
    """``(match, anchored, folder_only)`` of a pattern, worked out once: ``match`` is ``fnmatch``'s regex
    (``*`` crossing folders), or the name as written (``[draft]``), or the pattern with any ``**/`` at the
    start or between folders taken out (it also matches no folder at all). ``\\`` is read as ``/`` (a
    Windows path); a trailing ``/`` names folders only; a leading ``/`` or ``./`` (or any ``/``) matches
    from the corpus folder."""
    pattern = _normal(pattern.replace("\\", "/"))
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = pattern.startswith(("/", "./"))
    pattern = pattern.removeprefix("./").lstrip("/")
    if not pattern:
        return (lambda _text: False), False, folder_only
    pattern = _DOUBLE_STARS.sub("**/", pattern)  # '**/**/' is '**/'
    variants, found = {pattern}, len(_DOUBLE_STAR.findall(pattern))
    for _ in range(found if found <= _MAX_DOUBLE_STARS else 0):  # each subset taken out: 2**found variants
        variants |= {v[: m.start()] + v[m.end():] for v in variants for m in _DOUBLE_STAR.finditer(v)}
    regex = "|".join([re.escape(pattern) + r"\Z", *(translate(v) for v in sorted(variants))])
    return re.compile(regex).match, anchored or "/" in pattern, folder_only


def _matches(relative: str, pattern: str) -> bool:
    """Whether ``pattern`` matches the ``/``-separated, NFC ``relative`` path (see the module docstring):
    the path, or a folder it is in, for a pattern with a ``/``; a name in it for one without."""
    match, anchored, folder_only = _matcher(pattern)
    parts = relative.split("/")
    if folder_only:
        parts = parts[:-1]
    if anchored:
        return any(match("/".join(parts[: n + 1])) for n in range(len(parts)))
    return any(map(match, parts))


def _patterns(given: Iterable[str | os.PathLike] | str | os.PathLike | None) -> tuple[str, ...]:
    """Patterns given as one string or path, or a list of them (``root / "README.md"`` included)."""
    if isinstance(given, str | os.PathLike):
        given = (given,)
    return tuple(os.fspath(p) for p in given or ())


@dataclass(frozen=True)
class Selection:
    """Include and exclude patterns; ``left_out`` says why a file is not read (None: it is)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def of(cls, include: Iterable[str | os.PathLike] | str | os.PathLike | None = None,
           exclude: Iterable[str | os.PathLike] | str | os.PathLike | None = None) -> Selection:
        """A selection from patterns given as a string or path or a list of them (None: no pattern)."""
        return cls(_patterns(include), _patterns(exclude))

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def under(self, root: str | os.PathLike) -> Selection:
        """These patterns with an absolute path inside the folder ``root`` made relative to it (anchored:
        ``/data/corpus/2024/a.txt`` becomes ``/2024/a.txt``); other patterns as they are."""
        tops = {os.path.join(os.path.abspath(root), ""), os.path.join(os.path.realpath(root), "")}

        def relative(pattern: str) -> str:
            top = next((t for t in tops if pattern.startswith(t)), None)
            return pattern if top is None else "/" + pattern[len(top):]

        return Selection(tuple(map(relative, self.include)), tuple(map(relative, self.exclude)))

    def left_out(self, relative: str, *, manifest: bool = False) -> str | None:
        """The report reason of a file left out, from its path relative to the corpus root; a ``manifest``
        is left out only by an exclude pattern without wildcards."""
        relative = _normal(relative)
        for pattern in self.exclude:
            if self.takes("exclude", pattern, relative, manifest=manifest):
                return f"excluded by pattern {pattern!r}"
        if self.include and not manifest and not any(_matches(relative, p) for p in self.include):
            return f"not included: matches no include pattern ({', '.join(map(repr, self.include))})"
        return None

    def included_ignoring_case(self, relative: str) -> bool:
        """Whether an include pattern would pick the file but for case (``B.TXT`` and ``*.txt``): worth a
        warning, since the loader reads ``.TXT`` as an article."""
        relative = _normal(relative).casefold()
        return any(_matches(relative, p.casefold()) for p in self.include)

    def patterns(self) -> list[tuple[str, str]]:
        """Every pattern as ``(kind, pattern)``, kind ``include`` or ``exclude``."""
        return [("include", p) for p in self.include] + [("exclude", p) for p in self.exclude]

    @staticmethod
    def takes(kind: str, pattern: str, relative: str, *, manifest: bool = False) -> bool:
        """Whether the ``include`` pattern picks this file, or the ``exclude`` one leaves it out (a manifest
        is neither picked nor, but by a pattern without wildcards, left out)."""
        if manifest and (kind == "include" or _WILDCARDS.search(pattern)):
            return False
        return _matches(_normal(relative), pattern)

    @staticmethod
    def unmatched(kind: str, pattern: str) -> str:
        """The warning for a pattern that picked or left out no file: a typo, a case, or a path given from
        somewhere else than the corpus folder would otherwise change nothing without a word."""
        done = "matches no file" if kind == "include" else "leaves out no file"
        return (f"{kind} pattern {pattern!r} {done} (patterns are matched, case-sensitively, against paths "
                "relative to the corpus folder)")


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
def corpus_selection(include: Iterable[str | os.PathLike] | None = None,
                     exclude: Iterable[str | os.PathLike] | None = None,
                     manifest: str | os.PathLike | None = None) -> Iterator[None]:
    """Within the block, loads given no patterns or manifest (here or in a kernel started here) use these."""
    options = {"include": list(_patterns(include)), "exclude": list(_patterns(exclude)),
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
