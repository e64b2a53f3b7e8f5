"""Running a pipeline's batch jobs: cache hits read ahead in a thread, misses extracted in a process pool.

``run_jobs`` yields each batch in job order, at most a few in flight per worker, so memory stays
bounded however fast the workers are; without a pool (one worker) the batches are extracted here.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .corpus import Manifest
from .pipeline_cache import Batch, read_cached

__all__ = ["IN_FLIGHT", "Job", "run_jobs"]

IN_FLIGHT = 3  # batches queued per worker: keeps workers busy, bounds memory


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


def run_jobs(jobs: list[Job], workers: int, extract: Callable, start_worker: Callable[[int], None]
             ) -> Iterator[tuple[Batch, bool]]:
    """``(batch, from_cache)`` in job order. ``extract(files, manifests, cache_file, fingerprint)`` runs in
    the pool's workers (``start_worker(parent_pid)`` first in each) and returns a ``Batch`` or its cache
    entry's bytes; cache hits are read in a thread (decompression releases the GIL)."""
    pool = (ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=start_worker,
                                initargs=(os.getpid(),)) if workers > 1 else None)
    reader = ThreadPoolExecutor(1, thread_name_prefix="cache")
    pending: deque = deque()
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
    finally:
        for _, future, _ in pending:
            if future is not None:
                future.cancel()
        reader.shutdown(cancel_futures=True)
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _received(result: Batch | bytes) -> Batch:
    return Batch.from_bytes(result) if isinstance(result, bytes) else result
