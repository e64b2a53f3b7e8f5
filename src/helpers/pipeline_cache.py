"""What a pipeline run may reuse: cache keys of batches, the cache entries themselves, and the code fingerprint.

A batch of files is cached under a key of its files (path, content digest, manifest row) and of
``extraction_fingerprint`` (the helpers modules, the data tables, library versions), so a re-run
reads the cache and an edited gazetteer never serves stale rows. Entries are written atomically:
a killed run leaves at worst a temporary file, never a half-written entry. They are not synced (a cached
run would pay for it), so each carries the digest of its bytes: one a power cut left cut short or with
blocks never written is read as missing, and its batch extracted again.
"""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from .corpus import CACHE_SIGNATURE, CACHE_TAG, Chunk, Manifest, Plan, input_problem
from .paths import data_path

__all__ = [
    "Batch",
    "ContentDigests",
    "batch_key",
    "code_digest",
    "cut_batches",
    "extraction_fingerprint",
    "inputs_digest",
    "may_cache",
    "read_cached",
    "remove_stale_temporaries",
    "sync_file",
    "sync_folder",
    "tag_cache_folder",
    "temporary_beside",
    "write_atomically",
]

# The tables the extraction reads, found as its modules find them (helpers.gazetteer, helpers.claim_tables,
# helpers.milestones.vocabulary), without importing those modules: the parent of a pool does not extract.
GAZETTEER_CSV, CONTEXT_CSV = data_path("gazetteer.csv"), data_path("entity_context.csv")
CLAIMS_DIR, CALENDAR = data_path("claims"), data_path("calendar")

_CACHE_CODEC = pa.Codec("zstd", 1)  # as small as the default level 3 on these tables, and twice as fast both ways


@dataclass
class Batch:
    """A batch of files, cleaned and extracted; what a worker sends back and what the cache holds.

    ``milestones`` and ``entities`` carry the article's position in the batch (an int64) as
    ``article_id``: final ids need the whole corpus, so the parent puts them in. Their ``sentence``
    is dictionary-encoded (a sentence with five mentions is sent and cached once); the parent
    decodes it before writing, so the Parquet tables hold plain strings.
    """

    chunk: Chunk
    milestones: pa.Table
    entities: pa.Table

    def to_bytes(self) -> bytes:
        """A cache entry: the documents pickled, the Arrow data as zstd-compressed IPC (~4x smaller), after the
        digest of both (``from_bytes`` checks it)."""
        tables = [pa.Table.from_batches([self.chunk.texts]), pa.Table.from_batches([self.chunk.paragraphs]),
                  self.milestones, self.entities]
        payload = pickle.dumps((self.chunk.docs, [_compressed(t) for t in tables]), protocol=5)
        return _entry_digest(payload) + payload

    @classmethod
    def from_bytes(cls, data: bytes) -> Batch:
        """The batch of a cache entry; ``ValueError`` when its digest does not match: entries are not synced, so a
        power cut can leave one at its full length with blocks never written (zeros), which zstd and pickle may
        read as other rows; a digest reads it as damaged, and the batch is extracted again."""
        payload = memoryview(data)[_DIGEST_SIZE:]
        if len(data) < _DIGEST_SIZE or _entry_digest(payload) != data[:_DIGEST_SIZE]:
            raise ValueError("cache entry damaged: its digest does not match its bytes")
        docs, streams = pickle.loads(payload)
        texts, paragraphs, milestones, entities = (pa.ipc.open_stream(s).read_all() for s in streams)
        return cls(Chunk(docs, _one_batch(texts), _one_batch(paragraphs)), milestones, entities)


_DIGEST_SIZE = 16


def _entry_digest(payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest()


def _one_batch(table: pa.Table) -> pa.RecordBatch:
    batches = table.combine_chunks().to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)


def _compressed(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression=_CACHE_CODEC)) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def read_cached(path: Path | None) -> Batch | None:
    """The batch cached at ``path``; None when there is none, or it is truncated or from other code."""
    if path is None or not path.exists():
        return None
    try:
        return Batch.from_bytes(path.read_bytes())
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, OSError, ValueError, pa.ArrowException):
        # a truncated entry, or one pickled by other code: extract again and overwrite it
        return None


def tag_cache_folder(folder: Path) -> None:
    """Create ``folder`` with its ``CACHEDIR.TAG``: a corpus walk (and a backup tool) then passes it over."""
    tag = folder / CACHE_TAG
    if not tag.is_file():
        write_atomically(tag, CACHE_SIGNATURE + b"\n# the cache of python -m helpers extract (arabic news notebooks)\n")


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new file (open descriptor, path) beside ``path``, named with this process's id for
    ``remove_stale_temporaries``, and with the permissions the umask gives any new file: not
    ``tempfile.mkstemp``'s, which are private (0600), so the analyst's CSVs were too."""
    tmp = path.parent / f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp


def write_atomically(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so readers never see half of it.

    The temporary file's name holds the writer's process id: ``remove_stale_temporaries`` removes
    those of processes that died (``kill -9``, a full disk) before renaming them. ``durable``: the bytes
    reach the disk before the rename and the rename after it (``sync_file``, ``sync_folder``), so a power
    cut leaves the old file or the new one, never an empty one; a cache entry, checked when read, need not.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = temporary_beside(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        sync_folder(path.parent)


def sync_file(path: Path) -> None:
    """Wait until the bytes of the file at ``path`` are on the disk (``fsync``), before it is renamed in."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def sync_folder(path: Path) -> None:
    """Wait until the entries of ``path`` (the renames into it) are on the disk. A filesystem that cannot sync a
    folder (some network shares say EINVAL) is left to its own guarantees."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(handle)


def remove_stale_temporaries(folder: Path, *, recursive: bool = False) -> int:
    """Remove the ``*.tmp`` files ``write_atomically`` left in ``folder`` from processes no longer alive."""
    removed = 0
    for tmp in (folder.rglob if recursive else folder.glob)("*.tmp"):
        pid = tmp.name.removesuffix(".tmp").split(".")[-2:-1]
        if pid and pid[0].isdigit() and _alive(int(pid[0])):
            continue
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def code_digest(package: Path | None = None) -> bytes:
    """Digest of what is read at import: the helpers modules, in every subpackage (compiled ones by
    their source), and the calendar tables."""
    digest = hashlib.blake2b(digest_size=16)
    package = package or Path(__file__).parent
    modules = sorted(p for pattern in ("*.py", "*.pyx") for p in package.rglob(pattern))
    for path in [*modules, *sorted(CALENDAR.glob("*.csv"))]:
        name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


CODE_AT_IMPORT = code_digest()


def extraction_fingerprint() -> str:
    """Digest of what decides the extracted rows: the helpers modules, the data tables, library versions.

    Part of every cache key, so editing ``data/gazetteer.csv``, a calendar table or the code never
    serves rows extracted before the edit.
    """
    from importlib.metadata import version

    digest = hashlib.blake2b(code_digest(), digest_size=16)
    digest.update(GAZETTEER_CSV.read_bytes())
    digest.update(CONTEXT_CSV.read_bytes())  # the words around a name (helpers.entities)
    for table in sorted(CLAIMS_DIR.glob("*.csv")):  # the claim vocabulary (helpers.claim_tables)
        digest.update(table.name.encode() + b"\0" + table.read_bytes())
    digest.update(data_path("entities_core.csv").read_bytes())  # the ids a claim may name
    digest.update(repr((sys.version, *(version(p) for p in ("pandas", "pyarrow", "numpy", "hijridate")))).encode())
    return digest.hexdigest()


def may_cache(fingerprint: str) -> bool:
    """Only rows made by the code and tables of ``fingerprint`` are cached under it: a module edited
    after this process imported it (a notebook kernel not restarted) makes rows the key does not describe."""
    return CODE_AT_IMPORT == code_digest() and extraction_fingerprint() == fingerprint


def cut_batches(files: list[str], batch_size: int) -> list[list[str]]:
    """Runs of files in order, cut after files whose path hash says so (about ``batch_size`` long).

    Cuts depend on paths alone, not on positions: adding or removing a file changes its own batch
    and leaves the others, and their cache entries, as they were.
    """
    batches, current = [], []
    for file in files:
        current.append(file)
        cut = int.from_bytes(hashlib.blake2b(file.encode("utf-8", "surrogatepass"), digest_size=8).digest())
        if cut % batch_size == 0 or len(current) >= 4 * batch_size:
            batches.append(current)
            current = []
    return batches + ([current] if current else [])


class ContentDigests:
    """Digests of files' bytes, remembered in the cache folder by what ``os.stat`` says of each file.

    Keys on content, not on size and mtime: ``cp -p``, ``rsync -a`` and ``tar`` keep the mtime of a
    file they change, and a restored backup must not be served the rows of the file it replaced. A
    file is read and hashed again whenever its size, mtime, ctime (which no tool can set back) or inode
    changed, so an unchanged re-run stats its files instead of reading 500 MB.
    """

    def __init__(self, folder: Path | None = None):
        self.path = None if folder is None else folder / "content-digests.pickle"
        self.known: dict[str, tuple] = {}
        if self.path is not None and self.path.exists():
            try:
                self.known = pickle.loads(self.path.read_bytes())
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                self.known = {}
        self.changed = False

    def __call__(self, file: str) -> str:
        """The digest of ``file``'s bytes, or the reason it is not read (a named pipe is never opened)."""
        try:
            info = os.stat(file)
        except OSError as exc:
            return str(exc)
        problem = input_problem(file, info)
        if problem is not None:
            return problem
        identity = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        known = self.known.get(file)
        if known is not None and known[0] == identity:
            return known[1]
        try:
            with open(file, "rb") as handle:
                digest = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
        except OSError as exc:
            return str(exc)
        self.known[file], self.changed = (identity, digest), True
        return digest

    def save(self) -> None:
        if self.path is not None and self.changed:
            write_atomically(self.path, pickle.dumps(self.known, protocol=5))


def batch_key(files: list[str], manifests: dict[str, Manifest], fingerprint: str,
              content: ContentDigests | None = None) -> str:
    """Cache key of a batch: every file's path, content and manifest row, and the code fingerprint."""
    content = content or ContentDigests()
    digest = hashlib.blake2b(fingerprint.encode(), digest_size=20)
    for file in files:
        manifest = manifests.get(file)
        row = manifest and (manifest.path, manifest.rows)
        digest.update(repr((file, content(file), row)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def inputs_digest(plan: Plan, keys: list[str], fingerprint: str, strict: bool,
                  content: ContentDigests | None = None) -> str:
    """Digest of everything the tables are made from: the batch keys (files, manifest rows, code and
    data tables), and each manifest file, whose notes and rows without a file are in the report."""
    digest = hashlib.blake2b(repr((fingerprint, strict, plan.is_dir)).encode(), digest_size=20)
    for key in keys:
        digest.update(key.encode())
    for file in plan.manifest_files():
        digest.update(repr((file, (content or ContentDigests())(file))).encode("utf-8", "surrogatepass"))
    for doc in plan.notes:  # folder entries passed over: their rows are in the report
        digest.update(repr((doc.path, doc.reason)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
