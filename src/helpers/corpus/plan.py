"""What a load reads: the files of a corpus folder in order, and the manifest row that applies to each ``.txt``.

``plan_corpus`` walks the folder (sorted, so a load is reproducible), leaves out the files the include and
exclude patterns do not select (``select``), and reads every ``manifest.csv`` (or the one given);
``Plan.manifest_for`` finds a file's manifest, ``Plan.manifest_rows`` gives a batch of files the one-row
manifests a worker process needs, ``Plan.apply_manifests`` flags articles their manifest does not list, and
``plan_notes`` gives the report rows of what was passed over.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers.normalize import BIDI_MAP

from .clean import clean_source_and_url
from .decode import read_text
from .document import Document
from .readers import TEXT_SUFFIXES, csv_header, csv_records
from .select import Selection, selection_from_env

__all__ = ["CACHE_SIGNATURE", "CACHE_TAG", "MANIFEST_NAME", "Manifest", "Plan", "plan_corpus", "plan_notes", "read_manifest"]

MANIFEST_NAME = "manifest.csv"


@dataclass
class Manifest:
    """``article_id -> (line, published, source, url)`` for ``.txt`` files, plus its own notes."""

    path: str
    rows: dict[str, tuple[int, str | None, str | None, str | None]]
    notes: list[Document]
    used: dict[str, str] = field(default_factory=dict)  # the ids of the rows used, each to its first file

    def apply(self, doc: Document) -> None:
        """Give ``doc`` the published date, source and url of its row (when it has one), and mark the row used;
        a row a file of the same name used already is said on this one (two «بيان.txt» in two folders)."""
        key = id_key(doc.article_id)
        row = self.rows.get(key)
        if row is None:
            return
        line, published, source, url = row
        first = self.used.get(key)
        if not first:  # unused, or only by a file a pattern left out
            self.used[key] = doc.path
        elif first != doc.path:
            doc.note("warning", f"{os.path.basename(self.path)} line {line} is also the row of {first}: both files "
                                "take its published date, source and url")
        doc.published = published or None
        doc.source, doc.url = source or None, url or None
        clean_source_and_url(doc)  # the document was cleaned before its manifest row was known
        doc.published_where = f" in {os.path.basename(self.path)} line {line}"

    @property
    def ignored(self) -> bool:
        """Whether the manifest could not be used at all (unreadable, or no article_id column)."""
        return bool(self.notes) and self.notes[0].status == "error"

    def only(self, article_id: str) -> Manifest | None:
        """A manifest of this one row (what a worker needs for one file), or None when there is no row."""
        key = id_key(article_id)
        if key not in self.rows:
            return None
        return Manifest(self.path, {key: self.rows[key]}, [])

    def missing_file_notes(self) -> Iterator[Document]:
        """A warning for each row no file used."""
        for article_id, (line, *_rest) in self.rows.items():
            if article_id not in self.used:
                doc = Document(self.path, line=line, article_id=article_id)
                stem = _stem_of(article_id)
                if stem != article_id:  # 'no file 2024/b.txt' would be wrong when 2024/b.txt is there
                    doc.note("warning", f"line {line}: manifest row for {article_id} but no article with that id: "
                                        f"article_id is the file name without .txt or folders ({stem!r})")
                else:
                    doc.note("warning", f"line {line}: manifest row for {article_id} but no file {article_id}.txt")
                yield doc


def _stem_of(article_id: str) -> str:
    """The file stem a manifest's ``article_id`` most likely meant (``2024/b.txt`` -> ``b``)."""
    name = article_id.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".txt") and len(name) > 4 else name


def read_manifest(path: Path) -> Manifest:
    """A manifest CSV (``article_id,published,source,url``); its problems are in ``notes``, never raised."""
    doc = Document(str(path))
    text = read_text(path, doc)
    rows: dict = {}
    problems = [doc]
    if text is None:
        return Manifest(str(path), rows, problems)
    text = text.lstrip("\ufeff")
    header = csv_header(text)
    columns = _manifest_columns(header)
    if "article_id" not in columns:
        named = f"its columns: {', '.join(header)}" if header else "it has no header line, only blank lines"
        doc.note("error", f"manifest has no article_id column ({named}), ignored")
        return Manifest(str(path), rows, problems)
    values: dict[str, str] = {}  # one string for each date and source, however many rows repeat it
    if "published" not in columns:  # «date»: every date silently dropped otherwise
        doc.note("warning", f"manifest has no published column (its columns: {', '.join(header)}): "
                            "no publication dates")
    for line, row, _raw in csv_records(text):
        if isinstance(row, str):
            problem = Document(str(path), line=line)
            problem.note("warning", f"line {line}: {row}")
            problems.append(problem)
            continue
        article_id = id_key((row.get(columns["article_id"]) or "").strip())
        if article_id in rows:
            extra = Document(str(path), line=line, article_id=article_id)
            extra.note("warning", f"line {line}: manifest lists {article_id} again, row ignored")
            problems.append(extra)
            continue
        published, source, url = (row.get(columns.get(name, "")) for name in ("published", "source", "url"))
        rows[article_id] = (line, values.setdefault(published, published) if published else published,
                            values.setdefault(source, source) if source else source, url)
    doc.note("ok", f"manifest with {len(rows)} rows")
    return Manifest(str(path), rows, problems)


_MANIFEST_COLUMNS = ("article_id", "published", "source", "url")


def id_key(article_id: str) -> str:
    """An article id as manifest rows and file stems are matched: in NFC, since macOS saves «أخبار» in a file name
    decomposed (alef + hamza above) while the manifest has it composed, and the two look the same."""
    return article_id if article_id.isascii() else unicodedata.normalize("NFC", article_id)


def _manifest_columns(header: list[str]) -> dict[str, str]:
    """The header name of each manifest column: written as is, else in another case, between spaces or with an
    invisible mark (a spreadsheet's «Article_ID,Published», « published », a quoted byte-order mark)."""
    loose = {}
    for name in header:
        loose.setdefault(name.translate(BIDI_MAP).strip().lower(), name)
    return {column: column if column in header else loose[column] for column in _MANIFEST_COLUMNS
            if column in header or column in loose}


def _walk(root: Path, follow_links: bool) -> tuple[list[str], list[Document]]:
    """Every file under ``root``, sorted by path (folder by folder), and a report row for each entry passed over.

    Iterative, so a folder 1,200 levels deep is walked; each folder is read once (a link back to a
    parent is a loop, reported); links leading outside ``root`` are not followed unless
    ``follow_links``; folders that cannot be read are reported. Strings: 100,000 Paths cost ~50 MB.
    """
    if not root.is_dir():
        return [str(root)], []
    files: list[str] = []
    problems: list[Document] = []
    top = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()

    def problem(path: str, status: str, reason: str) -> None:
        doc = Document(path)
        doc.note(status, reason)
        problems.append(doc)

    def entries(folder: str) -> Iterator[os.DirEntry]:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                problem(folder, "warning", "folder already read (a link loop, or a second link to it), skipped")
                return iter(())
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                return iter(sorted(listing, key=lambda e: e.name))
        except OSError as exc:
            problem(folder, "error", f"cannot read folder: {exc.strerror or exc}, skipped")
            return iter(())

    stack = [entries(str(root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.is_symlink():
            try:
                target = os.path.realpath(entry.path, strict=True)
            except OSError as exc:
                problem(entry.path, "error", f"link that cannot be followed ({exc.strerror or exc}), skipped")
                continue
            if not follow_links and not (target == top or target.startswith(top.rstrip(os.sep) + os.sep)):
                problem(entry.path, "error", f"link to {target}, outside the corpus folder, not followed "
                                             "(follow_links=True follows it)")
                continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir and _output_folder(entry.path):
            problem(entry.path, "ok", "output folder of an extraction (its .lock names the run), not read as input")
        elif is_dir and _cache_folder(entry.path):
            problem(entry.path, "ok", f"cache folder (its {CACHE_TAG}), not read as input")
        elif is_dir:
            stack.append(entries(entry.path))
        else:
            files.append(entry.path)
    return files, problems


_OUTPUT_LOCK = ".lock"  # pipeline_output.LOCK_FILE: every output folder of extract holds it, with the run's pid
# A cache folder of extract (--cache-dir) is tagged as the Cache Directory Tagging Specification says
# (https://bford.info/cachedir/), which backup tools honour too: its entries are no articles.
CACHE_TAG, CACHE_SIGNATURE = "CACHEDIR.TAG", b"Signature: 8a477f597d28d172789f06886806bc55"


def _output_folder(folder: str) -> bool:
    """Whether ``folder`` is the output of ``extract`` (``--out`` inside the corpus): read back, its
    articles.csv would load every article twice, and its other tables would be error rows."""
    path = os.path.join(folder, _OUTPUT_LOCK)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe called .lock must not hang the walk
            return False
        with open(path, "rb") as lock:
            return lock.read(32).strip().isdigit()
    except OSError:
        return False


def _cache_folder(folder: str) -> bool:
    """Whether ``folder`` holds a cache tag: a cache of ``extract`` (``--cache-dir`` inside the corpus)."""
    path = os.path.join(folder, CACHE_TAG)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe must not hang the walk
            return False
        with open(path, "rb") as tag:
            return tag.read(len(CACHE_SIGNATURE)) == CACHE_SIGNATURE
    except OSError:
        return False


@dataclass
class Plan:
    """Files to read, in order, and the manifest that applies to each ``.txt``."""

    files: list[str]
    manifests: dict[Path, Manifest]  # folder -> the manifest.csv found in it
    explicit: Manifest | None
    is_dir: bool
    unused_manifests: list[Path] = field(default_factory=list)
    notes: list[Document] = field(default_factory=list)  # entries of the folder passed over, and why
    # manifest_for worked out once per folder: it depends on the folder and the suffix only, and
    # Path arithmetic for each of 100,000 files costs seconds
    _by_folder: dict[str, Manifest | None] = field(default_factory=dict, repr=False)

    def manifest_for(self, path: str) -> Manifest | None:
        """The explicit manifest, else the nearest ``manifest.csv`` in the file's folder or above."""
        folder, name = os.path.split(path)
        dot = name.rfind(".")  # Path.suffix: the last dot, neither first nor last in the name
        if not (0 < dot < len(name) - 1 and name[dot:].lower() in TEXT_SUFFIXES):
            return None
        if folder not in self._by_folder:
            found = self.explicit
            if found is None:
                found = next((self.manifests[p] for p in Path(path).parents if p in self.manifests), None)
            self._by_folder[folder] = found
        return self._by_folder[folder]

    def manifest_rows(self, files: list[str]) -> dict[str, Manifest]:
        """For each ``.txt`` file of ``files`` with a manifest row: a one-row manifest a worker can apply."""
        rows = {}
        for file in files:
            manifest = self.manifest_for(file)
            if manifest is None:
                continue
            name = os.path.basename(file)
            row = manifest.only(name[: name.rfind(".")])  # Path.stem: a file with a manifest has a text suffix
            if row is not None:
                rows[file] = row
        return rows

    def apply_manifests(self, docs: list[Document]) -> list[Document]:
        """``docs`` (of one file) with their manifest rows applied; an article its manifest does not list
        is still loaded, with a warning (a stray text file, or a manifest out of date)."""
        for doc in docs:
            manifest = self.manifest_for(doc.path)
            if manifest is not None and doc.article_id is not None:
                if doc.is_article and id_key(doc.article_id) not in manifest.rows and not manifest.ignored:
                    doc.note("warning", f"not in manifest {manifest.path}: loaded without a published date, "
                                        "source or url from it")
                manifest.apply(doc)
        return docs

    def manifest_files(self) -> list[str]:
        """Every manifest file the plan read or passed over, sorted."""
        used = [m.path for m in [*self.manifests.values(), self.explicit] if m is not None]
        return sorted(map(str, [*used, *self.unused_manifests]))


def plan_corpus(path: str | Path, manifest: str | Path | None = None, *, follow_links: bool = False,
                include: Iterable[str] | str | None = None, exclude: Iterable[str] | str | None = None) -> Plan:
    """The files under ``path`` (a folder, walked recursively and sorted, or one file) and their manifests.

    Links inside the folder are followed; links leading out of it only with ``follow_links``. An output
    folder of ``extract`` inside it (its ``.lock``) is one ``ok`` row, never input.
    ``include``/``exclude`` are glob patterns on paths relative to ``path`` (``select``); a file they
    leave out gets an ``ok`` report row naming the pattern. Given neither patterns nor ``manifest``, a
    load inside ``corpus_selection`` (a ``report`` kernel) takes the ones set there. An explicit
    ``manifest`` inside the folder is read as the manifest only, never as records.
    """
    if isinstance(path, str) and not path.strip():  # Path("") is the current folder, read whole
        raise ValueError("the corpus path is empty (a variable that is not set?): give '.' for the current folder")
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {root}")
    from_env, env_manifest = selection_from_env()
    selection = Selection.of(include, exclude) if include is not None or exclude is not None else from_env
    manifest = manifest if manifest is not None else env_manifest
    files, notes = _walk(root, follow_links)
    explicit = read_manifest(Path(manifest)) if manifest is not None else None
    if explicit is not None:
        files = _without_file(files, explicit.path)
    left_out: list[str] = []
    if selection:
        files, left_out = _select(root, files, selection.under(root) if root.is_dir() else selection, notes)
    # a manifest.csv given as the corpus itself is read as a table (one row naming its columns), not lost
    found = [Path(f) for f in files if os.path.basename(f) == MANIFEST_NAME] if root.is_dir() else []
    manifests = {}
    if explicit is None and root.is_dir():
        manifests = {f.parent: read_manifest(f) for f in found}
    articles = [f for f in files if os.path.basename(f) != MANIFEST_NAME] if root.is_dir() else files
    unused = found if explicit is not None else []
    plan = Plan(articles, manifests, explicit, root.is_dir(), unused, notes)
    for file in left_out:  # a manifest row whose file was left out on purpose is no loss
        listed_in = plan.manifest_for(file)
        if listed_in is not None:
            name = os.path.basename(file)
            listed_in.used.setdefault(id_key(name[: name.rfind(".")]), "")  # no file took the row
    return plan


def _select(root: Path, files: list[str], selection: Selection, notes: list[Document]) -> tuple[list[str], list[str]]:
    """The files ``selection`` keeps, and those it leaves out, each noted (``ok``, the pattern) in ``notes``."""
    prefix = os.path.join(str(root), "") if root.is_dir() else None
    kept, left_out = [], []
    unmatched = selection.patterns()  # until each pattern has picked or left out a file
    for file in files:
        relative = file[len(prefix):] if prefix and file.startswith(prefix) else os.path.basename(file)
        relative = relative.replace(os.sep, "/")
        manifest = prefix is not None and os.path.basename(file) == MANIFEST_NAME
        if unmatched:
            unmatched = [(kind, p) for kind, p in unmatched
                         if not selection.takes(kind, p, relative, manifest=manifest)]
        reason = selection.left_out(relative, manifest=manifest)
        if reason is None:
            kept.append(file)
            continue
        left_out.append(file)
        doc = Document(file)
        if reason.startswith("not included") and selection.included_ignoring_case(relative):
            doc.note("warning", f"{reason}, though it would match ignoring case (patterns are case-sensitive)")
        else:
            doc.note("ok", reason)
        notes.append(doc)
    for kind, pattern in unmatched:
        doc = Document(str(root))
        doc.note("warning", selection.unmatched(kind, pattern))
        notes.append(doc)
    return kept, left_out


def _without_file(files: list[str], path: str) -> list[str]:
    """``files`` without ``path`` (the same file, whatever the spelling of its path)."""
    name, real = os.path.basename(path), os.path.realpath(path)
    return [f for f in files if os.path.basename(f) != name or os.path.realpath(f) != real]


def plan_notes(plan: Plan, *, start: bool) -> Iterator[Document]:
    """The plan's own report rows: at the start, folder entries passed over and the manifests' own notes;
    at the end, manifest rows no file used."""
    if start:
        yield from plan.notes
    manifests = list(plan.manifests.values()) + ([plan.explicit] if plan.explicit else [])
    for manifest in manifests:
        if start:
            yield from manifest.notes
        elif plan.is_dir:
            yield from manifest.missing_file_notes()
    for path in plan.unused_manifests if start else ():
        doc = Document(str(path))
        doc.note("ok", "manifest not used: an explicit manifest was given")
        yield doc
