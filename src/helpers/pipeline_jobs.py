"""Running a pipeline's batch jobs: cache hits read ahead in a thread, misses extracted in a process pool.

``run_jobs`` yields each batch in job order, at most a few in flight per worker, so memory stays
bounded however fast the workers are; without a pool (one worker) the batches are extracted here.
The pool's workers are forked from a fork server of this run that imported the extraction modules
once (``preload``), not each started afresh: every worker would otherwise spend ~1.5 CPU s importing
pandas, pyarrow and the extractors and compiling their patterns. ``worker_context(start=True)`` starts
that server at once, so a caller that enters it early has the imports done on another core while it
plans the run.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import forkserver, get_context
from pathlib import Path

from .corpus import Manifest
from .pipeline_cache import Batch, read_cached

__all__ = ["IN_FLIGHT", "Job", "WorkerKilled", "run_jobs", "worker_context"]

IN_FLIGHT = 3  # batches queued per worker: keeps workers busy, bounds memory
_NAMED = 20  # files named in a WorkerKilled message at most


class WorkerKilled(RuntimeError):
    """A worker process died (the OOM killer, ``kill -9``) while it extracted one of ``files``; or, with
    ``failed_to_start``, exited with an error before it ran any (its traceback is on stderr above)."""

    def __init__(self, files: list[str], failed_to_start: bool = False):
        self.files = files
        if failed_to_start:
            # the usual cause: a worker imports the calling script again, which starts the run again in it
            super().__init__('a worker process failed as it started, before extracting (its error is above); a '
                             'script that runs the extraction with workers must do it under '
                             'if __name__ == "__main__":')
            return
        shown = ", ".join(files[:_NAMED]) + (f" … and {len(files) - _NAMED:,} more" if len(files) > _NAMED else "")
        super().__init__(f"a worker process died (killed: out of memory? kill -9?) while it extracted one of these "
                         f"{len(files):,} files: {shown}")


@dataclass
class Job:
    """A batch of files to extract, the manifest rows of its ``.txt`` files, and its cache entry."""

    files: list[str]
    manifests: dict[str, Manifest]
    cache_file: Path | None
    fingerprint: str
    key: str = ""
    claims: bool = True  # False: the claim columns left empty (extract --no-claims)

    def extract(self, extract: Callable) -> Batch:
        """``extract`` the batch in this process."""
        return _received(extract(*self.arguments()))

    def arguments(self) -> tuple:
        cache_file = None if self.cache_file is None else str(self.cache_file)
        return self.files, self.manifests, cache_file, self.fingerprint, self.claims


def run_jobs(jobs: list[Job], workers: int, extract: Callable, start_worker: Callable[[int, bool], None],
             preload: tuple[str, ...] = (), context: multiprocessing.context.BaseContext | None = None
             ) -> Iterator[tuple[Batch, bool]]:
    """``(batch, from_cache)`` in job order. ``extract(files, manifests, cache_file, fingerprint)`` runs in
    the pool's workers (``start_worker(parent_pid, forked)`` first in each; ``forked``: started by the fork
    server, whose modules ``preload`` names) and returns a ``Batch`` or its cache entry's bytes; cache hits
    are read in a thread (decompression releases the GIL). ``context``: a ``worker_context`` the caller
    entered already (else one is entered here)."""
    with contextlib.ExitStack() as stack:
        pool = None
        if workers > 1:
            context = context or stack.enter_context(worker_context(preload))
            pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker,
                                       initargs=(os.getpid(), context.get_start_method() == "forkserver"))
            stack.callback(pool.shutdown, cancel_futures=True)  # before the fork server stops
        try:
            yield from _run(jobs, workers, extract, pool)
        except WorkerKilled as killed:
            # a worker that exited with an error of its own (not a signal) died before its initializer:
            # the pool's processes are private, so this is read where present and the message kept otherwise
            codes = [p.exitcode for p in getattr(pool, "_processes", {}).values()]
            if any(code is not None and code > 0 for code in codes):
                raise WorkerKilled(killed.files, failed_to_start=True) from None
            raise


@contextlib.contextmanager
def worker_context(preload: tuple[str, ...], *, start: bool = False) -> Iterator[multiprocessing.context.BaseContext]:
    """A fork server of this run that imports ``preload``, stopped (and waited for, so its CPU time is this
    process's children's) when the run ends; ``spawn`` where there is none, or where a fork server is
    already running in this process (another's, or one with other modules or older code: never reused).
    ``start``: started at once, its imports running on another core while this process goes on (else when
    the pool starts its first worker: a run whose batches are all cached starts none)."""
    server = getattr(forkserver, "_forkserver", None)
    if (not preload or "forkserver" not in multiprocessing.get_all_start_methods()
            or not all(hasattr(server, name) for name in ("_forkserver_pid", "_preload_modules", "_stop"))
            or server._forkserver_pid is not None):
        yield get_context("spawn")
        return
    before = server._preload_modules
    server.set_forkserver_preload(list(preload))
    try:
        if start:
            _start_ignoring_ctrl_c(server)
        yield get_context("forkserver")
    except BaseException:
        # Ctrl-C inside the pool's bookkeeping (a worker being started, the pool being shut down) can leave a
        # worker waiting for work nobody sends, and the server waits for its workers: the run would never end
        _kill(server)
        raise
    finally:
        server.set_forkserver_preload(before)
        server._stop()  # it ends once every worker has: a later run starts one with the code of its time


def _kill(server) -> None:
    """End the fork server of a run that failed or was interrupted, and the workers it forked: a worker outlives
    the server (it was seen still waiting for work after it, and the pool's exit then waited for it forever)."""
    pid = server._forkserver_pid
    if pid is None:
        return
    for process in (*_children(pid), pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(process, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started, from /proc (Linux; none elsewhere, where the server alone is ended)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rfind(")") + 2:].split()  # after «pid (command)»: state, then the parent's pid
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def _start_ignoring_ctrl_c(server) -> None:
    """Start the fork server with Ctrl-C ignored, as its workers then are: the terminal sends it to the whole
    process group, and the server, still importing its modules, printed a KeyboardInterrupt traceback under the
    run's one line. An ignored signal stays ignored in the process started (and in those it forks); the run
    ignores it only while the server is started, a few milliseconds."""
    if threading.current_thread() is not threading.main_thread():  # signals are set in the main thread only
        server.ensure_running()
        return
    answer = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        server.ensure_running()
    finally:
        signal.signal(signal.SIGINT, answer)


def _run(jobs: list[Job], workers: int, extract: Callable, pool: ProcessPoolExecutor | None
         ) -> Iterator[tuple[Batch, bool]]:
    reader = ThreadPoolExecutor(1, thread_name_prefix="cache")
    pending: deque = deque()
    current: list = []  # the job waited for, as a pending entry
    todo = iter(jobs)

    def top_up() -> None:
        while len(pending) < IN_FLIGHT * max(workers, 1):
            job = next(todo, None)
            if job is None:
                return
            if job.cache_file is not None and job.cache_file.exists():
                pending.append((job, reader.submit(read_cached, job.cache_file), True))
            elif pool is not None:
                pending.append((job, pool.submit(extract, *job.arguments()), False))
            else:
                pending.append((job, None, False))

    try:
        top_up()
        while pending:
            job, future, hit = pending.popleft()
            current = [(job, future, hit)]
            top_up()
            if future is None:
                batch = None
            elif hit:
                batch = future.result()
            else:
                batch = _received(future.result())
            if batch is not None:
                yield batch, hit
            else:  # no pool, or a cache entry that could not be read: extract here (and overwrite it)
                yield job.extract(extract), False
            current = []
    except BrokenProcessPool:  # a worker died: it held one of the first `workers` batches not done
        held = [job for job, future, hit in [*current, *pending] if not hit and future is not None
                and (not future.done() or isinstance(future.exception(), BrokenProcessPool))]
        raise WorkerKilled([file for job in held[:workers] for file in job.files]) from None
    finally:
        for _, future, _ in pending:
            if future is not None:
                future.cancel()
        reader.shutdown(cancel_futures=True)


def _received(result: Batch | bytes) -> Batch:
    return Batch.from_bytes(result) if isinstance(result, bytes) else result
