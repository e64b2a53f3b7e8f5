"""Load a folder of Arabic news articles into three tables, losing nothing on the way.

``load_corpus`` reads ``.txt`` articles (line 1 the title, paragraphs split by blank lines, an
optional ``manifest.csv`` in their folder or above) and ``.jsonl``/``.json``/``.csv``/``.parquet`` records, and
returns a ``Corpus``: ``articles`` (one row per article, cleaned ``text`` next to the untouched
``raw_text``), ``paragraphs`` (offsets into ``text``, their texts cut out when asked for) and ``report`` (one row per input file or
record, saying what was done to it and what went wrong). Bad input never raises and is never
dropped silently: it becomes a ``warning`` (loaded, look at it) or ``error`` (not loaded) row.
``strict=True`` raises ``CorpusError`` at the first problem instead.

The package, one step a module, in the order a file goes through them:

- ``decode``: bytes to text (encoding detection, binary files turned away);
- ``readers``: the five formats to ``Document`` records (``document``);
- ``clean``: title, paragraphs, boilerplate, bidi marks, shaped text; the duplicate ``fingerprint``;
- ``select``: the include and exclude patterns that pick the files of a folder (``Selection``);
- ``plan``: the folder walk and the manifests (``plan_corpus``, ``Plan``, ``Manifest``);
- ``chunks``: runs of files read and cleaned in a process pool, packed into Arrow;
- ``paragraphs``: the paragraphs table kept as offsets, its texts cut out of the articles' on demand;
- ``assemble``: ``CorpusBuilder`` (ids, duplicates, dates, the report) and ``Corpus``;
- ``load``: ``load_corpus``, ``load_seed``, ``iter_documents``.

``CorpusBuilder``, ``plan_corpus`` and ``read_and_clean`` are the seam the pipeline drives batches through.
"""

from __future__ import annotations

from .assemble import (
    ARTICLE_COLUMNS,
    ARTICLE_SCHEMA,
    REPORT_COLUMNS,
    Corpus,
    CorpusBuilder,
    published_datetime,
)
from .chunks import PARALLEL_FROM, Chunk, die_with_parent, pack_chunk, read_and_clean, read_and_clean_file
from .clean import BOILERPLATE_LINES, CLAIMS_PART, LONG_ARTICLE, clean_document, fingerprint
from .decode import decode_bytes, input_problem
from .document import CorpusError, Document
from .load import PROGRESS_FROM, iter_documents, load_corpus, load_seed
from .paragraphs import PARAGRAPH_COLUMNS, Paragraphs
from .plan import (
    CACHE_SIGNATURE,
    CACHE_TAG,
    MANIFEST_NAME,
    Manifest,
    Plan,
    plan_corpus,
    plan_notes,
    read_manifest,
)
from .readers import FIELD_ALIASES, TEXT_SUFFIXES, read_file
from .select import SELECTION_ENV, Selection, corpus_selection

__all__ = [
    "ARTICLE_COLUMNS",
    "ARTICLE_SCHEMA",
    "BOILERPLATE_LINES",
    "CACHE_SIGNATURE",
    "CACHE_TAG",
    "CLAIMS_PART",
    "FIELD_ALIASES",
    "LONG_ARTICLE",
    "MANIFEST_NAME",
    "PARAGRAPH_COLUMNS",
    "PARALLEL_FROM",
    "PROGRESS_FROM",
    "REPORT_COLUMNS",
    "SELECTION_ENV",
    "TEXT_SUFFIXES",
    "Chunk",
    "Corpus",
    "CorpusBuilder",
    "CorpusError",
    "Document",
    "Manifest",
    "Paragraphs",
    "Plan",
    "Selection",
    "clean_document",
    "corpus_selection",
    "decode_bytes",
    "die_with_parent",
    "fingerprint",
    "input_problem",
    "iter_documents",
    "load_corpus",
    "load_seed",
    "pack_chunk",
    "plan_corpus",
    "plan_notes",
    "published_datetime",
    "read_and_clean",
    "read_and_clean_file",
    "read_file",
    "read_manifest",
]


def __getattr__(name: str):
    """``overview`` and ``readable_report`` moved to ``helpers.views``; still importable from here for notebooks."""
    if name in ("overview", "readable_report"):
        from helpers import views

        return getattr(views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
