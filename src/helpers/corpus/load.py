"""The loader's entry points: ``load_corpus`` (a folder or file to a ``Corpus``), ``load_seed``, ``iter_documents``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tqdm import tqdm

from helpers.paths import SEEDS

from ..cores import usable_cores
from .assemble import Corpus, CorpusBuilder
from .chunks import PARALLEL_FROM, cleaned_chunks
from .document import Document
from .plan import plan_corpus, plan_notes
from .readers import read_file

__all__ = ["PROGRESS_FROM", "iter_documents", "load_corpus", "load_seed"]

# Files or articles from which loading and extraction show a progress bar: below it a step takes about
# a second, and the committed notebooks (small corpora) print nothing that would differ between runs.
PROGRESS_FROM = 2_000


def iter_documents(path: str | Path, *, manifest: str | Path | None = None, follow_links: bool = False,
                   include: Iterable[str] | str | None = None,
                   exclude: Iterable[str] | str | None = None) -> Iterator[Document]:
    """Yield raw documents one at a time, in sorted file order, manifest fields applied.

    Manifest notes and files left out by ``include``/``exclude`` come first; manifest rows without a
    file come last. Nothing is cleaned here: pass each document to ``clean_document``. Suits streaming
    batches over large corpora.
    """
    plan = plan_corpus(path, manifest, follow_links=follow_links, include=include, exclude=exclude)
    yield from plan_notes(plan, start=True)
    for file in plan.files:
        yield from plan.apply_manifests(read_file(file))
    yield from plan_notes(plan, start=False)


def load_corpus(
    path: str | Path,
    *,
    strict: bool = False,
    manifest: str | Path | None = None,
    workers: int | None = None,
    keep_raw_text: bool = False,
    progress: bool | None = None,
    follow_links: bool = False,
    include: Iterable[str] | str | None = None,
    exclude: Iterable[str] | str | None = None,
) -> Corpus:
    """Load a directory (walked recursively, sorted) or a single file into a ``Corpus``.

    ``manifest`` names a CSV (``article_id,published,source,url``) for every ``.txt``; without it
    each folder's ``manifest.csv`` applies to the ``.txt`` files in and below it. An article its manifest
    does not list is loaded with a warning; a manifest row with no file is a warning naming its line.
    ``include``/``exclude`` are glob patterns (one or a list) on paths relative to ``path``: a file is read
    when it matches an include pattern (or none is given) and no exclude pattern; the others get an ``ok``
    row naming the pattern (see ``helpers.corpus.select``). Large folders are
    read by a process pool (``workers``, default: all cores); the result does not depend on it.
    The decoded input of each article stays available through ``Corpus.raw_text(article_id)``, read
    back from its file on demand; ``keep_raw_text=True`` also keeps it in the ``raw_text`` column,
    at the cost of a third more memory (a large corpus then needs ~4x its size instead of <3x).
    ``progress`` shows a bar of files read (default: only for large folders, so small corpora and
    the committed notebooks print nothing). Links in the folder that lead out of it are reported, not
    followed, unless ``follow_links``.
    """
    plan = plan_corpus(path, manifest, follow_links=follow_links, include=include, exclude=exclude)
    if progress is None:
        progress = len(plan.files) >= PROGRESS_FROM
    if workers is None:
        workers = usable_cores() if len(plan.files) >= PARALLEL_FROM else 1
    builder = CorpusBuilder(plan, strict)
    with tqdm(total=len(plan.files), unit="file", desc="load", disable=not progress) as bar:
        chunks = cleaned_chunks(plan.files, workers, keep_raw_text)
        plan.files = []  # nothing reads them again: each path goes once its file is read (~100 B a file)
        for chunk in chunks:
            builder.add(chunk)
            bar.update(len(chunk.docs))
    del plan, chunks  # the builder lets go of the manifests before it builds the frames
    return builder.corpus()


def load_seed(**kwargs) -> Corpus:
    """The scraped seed articles (with their ``manifest.csv`` when there is one)."""
    return load_corpus(SEEDS, **kwargs)
