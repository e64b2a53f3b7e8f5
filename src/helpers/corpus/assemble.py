"""The three frames of a loaded corpus, built batch by batch: ``CorpusBuilder`` and ``Corpus``.

The builder takes cleaned chunks in file order and does what needs the whole corpus: manifest rows
applied, article ids made unique, later copies of a text marked as duplicates, publication dates
parsed, and one report row per document. ``load_corpus`` and the pipeline both drive it: ``add`` a
chunk, take the finished Arrow batches or not, then ``finish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers.published import parse_published

from .chunks import STRING, TEXT_SCHEMA, Chunk
from .document import CorpusError, Document
from .plan import Plan, plan_notes
from .readers import read_file

__all__ = [
    "ARTICLE_COLUMNS",
    "ARTICLE_SCHEMA",
    "PARAGRAPH_COLUMNS",
    "REPORT_COLUMNS",
    "Corpus",
    "CorpusBuilder",
    "published_datetime",
]

ARTICLE_COLUMNS = [
    "article_id", "title", "text", "published", "source", "url", "path", "line", "encoding",
    "n_paragraphs", "n_words", "n_chars", "duplicate_of", "repeated_title_removed",
    "boilerplate_removed", "n_bidi_removed", "n_tatweel", "presentation_forms",
    "visual_order", "n_replaced_bytes", "raw_text",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "text", "char_start", "char_end"]
REPORT_COLUMNS = ["path", "line", "article_id", "status", "reason"]

_BATCH = 1000  # articles per Arrow batch of the final frames
ARTICLE_SCHEMA = pa.schema(
    [("article_id", STRING), ("title", STRING), ("text", STRING), ("published", pa.timestamp("us")),
     ("source", STRING), ("url", STRING), ("path", STRING), ("line", pa.int64()), ("encoding", STRING),
     ("n_paragraphs", pa.int64()), ("n_words", pa.int64()), ("n_chars", pa.int64()),
     ("duplicate_of", STRING), ("repeated_title_removed", pa.bool_()), ("boilerplate_removed", pa.bool_()),
     ("n_bidi_removed", pa.int64()), ("n_tatweel", pa.int64()), ("presentation_forms", pa.bool_()),
     ("visual_order", pa.bool_()), ("n_replaced_bytes", pa.int64()), ("raw_text", STRING)]
)
_LIGHT_COLUMNS = [c for c in ARTICLE_COLUMNS if c not in TEXT_SCHEMA.names]
_PARAGRAPH_SCHEMA = pa.schema(
    [("article_id", STRING), ("paragraph", pa.int64()), ("text", STRING),
     ("char_start", pa.int64()), ("char_end", pa.int64())]
)


def published_datetime(value: object) -> tuple[datetime | None, bool]:
    """A publication date as a naive datetime (local wall time kept); ``ok`` False if it is not a date.

    ``helpers.published.parse_published`` decides what is a date (ISO ``YYYY-MM-DD``, optionally with an
    ISO time, or a date object; ``03/04/2024`` is ambiguous, so it is reported, not guessed); the time of
    day it drops is kept here, as the ``published`` column always held it.
    """
    try:
        day = parse_published(value)
    except ValueError:
        return None, False
    if day is None:
        return None, True
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), True
    if isinstance(value, str) and len(value.strip()) > 10:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None), True
    return datetime(day.year, day.month, day.day), True


@dataclass
class Corpus:
    """The loaded corpus: ``articles``, ``paragraphs`` (offsets into ``articles.text``), ``report``."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    report: pd.DataFrame

    def raw_text(self, article_id: str) -> str:
        """The article as decoded from its file or record, before any cleaning (read back on demand)."""
        row = self.articles.loc[self.articles["article_id"] == article_id]
        if row.empty:
            raise KeyError(f"no article {article_id!r} in this corpus")
        kept = row["raw_text"].iloc[0]
        if isinstance(kept, str):
            return kept
        path, line = row["path"].iloc[0], row["line"].iloc[0]
        for doc in read_file(path):
            if pd.isna(line) or doc.line == line:
                return doc.raw_text
        raise KeyError(f"article {article_id!r} is no longer in {path}")

    def unique(self) -> pd.DataFrame:
        """Articles without the later copies of duplicated texts."""
        return self.articles[self.articles["duplicate_of"].isna()]

    @property
    def problems(self) -> pd.DataFrame:
        """Report rows with a warning or error."""
        return self.report[self.report["status"] != "ok"]

    def __repr__(self) -> str:
        counts = self.report["status"].value_counts()
        n_dup = int(self.articles["duplicate_of"].notna().sum())
        return (
            f"Corpus: {len(self.articles)} articles ({n_dup} duplicates), {len(self.paragraphs)} paragraphs, "
            f"{int(self.articles['n_words'].sum())} words; report: {counts.get('ok', 0)} ok, "
            f"{counts.get('warning', 0)} warnings, {counts.get('error', 0)} errors"
        )



class CorpusBuilder:
    """Turns cleaned chunks into Arrow batches (ids made unique, duplicates marked) and the report.

    Made with the ``Plan`` it loads (its manifests' own rows come first); ``add`` each chunk in file
    order; ``take_articles`` hands over the article batches finished so far (for a caller that
    streams them); ``finish`` adds the rows of manifest lines no file used and ends the last batch;
    ``corpus`` gives the frames of what was not taken, and ``report`` the load report.
    """

    def __init__(self, plan: Plan, strict: bool = False):
        self.plan, self.strict = plan, strict
        self.ids: set[str] = set()
        self.first_by_text: dict[bytes, str] = {}
        self._report: dict[str, list] = {name: [] for name in REPORT_COLUMNS}
        self.article_batches: list[pa.RecordBatch] = []
        self.paragraph_batches: list[pa.RecordBatch] = []
        self.finished = False
        self._new_batch()
        for doc in plan_notes(plan, start=True):
            self.add_document(doc)

    def _new_batch(self) -> None:
        self.rows: dict[str, list] = {name: [] for name in _LIGHT_COLUMNS}
        self.chunks: list[Chunk] = []

    def add_document(self, doc: Document) -> None:
        """Report one document (and keep its small fields when it is an article)."""
        shown = _shown(doc.path)
        if shown != doc.path:  # the tables hold UTF-8 text: a file name in another encoding is escaped
            doc.note("warning", "file name is not UTF-8: shown with \\x escapes")
            doc.path, doc.article_id = shown, _shown(doc.article_id)
        if doc.is_article:
            self._check_article(doc)
        for name, value in zip(REPORT_COLUMNS, (doc.path, doc.line, doc.article_id, doc.status, doc.reason)):
            self._report[name].append(value)
        if self.strict and doc.status != "ok":
            where = f"{doc.path}, line {doc.line}" if doc.line is not None else doc.path
            raise CorpusError(f"{where}: {doc.reason}")
        if doc.is_article:
            for name in _LIGHT_COLUMNS:
                self.rows[name].append(getattr(doc, name))

    def add(self, chunk: Chunk) -> None:
        """A batch of cleaned files, in file order: manifest rows applied, every document reported."""
        for docs in chunk.docs:
            for doc in self.plan.apply_manifests(docs):
                self.add_document(doc)
        self.chunks.append(chunk)
        if len(self.rows["article_id"]) >= _BATCH:
            self._flush()

    def _check_article(self, doc: Document) -> None:
        """Unique id, duplicate text and published date: the checks that need the whole corpus."""
        if doc.article_id in self.ids:
            original, k = doc.article_id, 2
            while f"{original}~{k}" in self.ids:
                k += 1
            doc.article_id = f"{original}~{k}"
            doc.note("warning", f"duplicate article_id {original}, renamed {doc.article_id}")
        self.ids.add(doc.article_id)
        first = self.first_by_text.setdefault(doc.fingerprint, doc.article_id)
        doc.duplicate_of = first if first != doc.article_id else None
        if doc.duplicate_of:
            doc.note("warning", f"duplicate of {first} (same normalised text)")
        raw_published = doc.published
        doc.published, ok = published_datetime(raw_published)
        if not ok:
            doc.note("warning", f"bad published date {raw_published!r}{doc.published_where}: not an ISO date "
                                "(YYYY-MM-DD), article kept without a date")

    def _flush(self) -> None:
        if self.rows["article_id"]:
            texts = pa.concat_batches([c.texts for c in self.chunks])
            columns = {f.name: pa.array(self.rows[f.name], type=f.type) for f in ARTICLE_SCHEMA
                       if f.name in self.rows}
            columns.update({name: texts.column(name) for name in texts.schema.names})
            self.article_batches.append(
                pa.RecordBatch.from_arrays([columns[f.name] for f in ARTICLE_SCHEMA], schema=ARTICLE_SCHEMA)
            )
            paragraphs = pa.concat_batches([c.paragraphs for c in self.chunks])
            owners = np.repeat(np.arange(len(self.rows["article_id"])), np.add(self.rows["n_paragraphs"], 1))
            article_ids = columns["article_id"].take(pa.array(owners))
            self.paragraph_batches.append(
                pa.RecordBatch.from_arrays([article_ids, *paragraphs.columns], schema=_PARAGRAPH_SCHEMA)
            )
        self._new_batch()

    def take_articles(self) -> list[pa.RecordBatch]:
        """The article batches finished so far, handed over: the builder keeps neither them nor their paragraphs."""
        batches = self.article_batches
        self.article_batches, self.paragraph_batches = [], []
        return batches

    def finish(self) -> None:
        """Add the rows of manifest lines no file used, and end the last batch (once)."""
        if not self.finished:
            self.finished = True
            for doc in plan_notes(self.plan, start=False):
                self.add_document(doc)
            self._flush()

    def report(self) -> pd.DataFrame:
        """The load report: one row per document so far."""
        return pd.DataFrame(self._report).astype(
            {"path": "str", "line": "Int64", "article_id": "str", "status": "str", "reason": "str"}
        )

    def corpus(self) -> Corpus:
        """Finish, then the frames of the batches not taken, and the report."""
        self.finish()
        articles = _to_frame(self.article_batches, ARTICLE_SCHEMA)
        articles["line"] = articles["line"].astype("Int64")
        paragraphs = _to_frame(self.paragraph_batches, _PARAGRAPH_SCHEMA)
        return Corpus(articles, paragraphs, self.report())


def _shown(name: str | None) -> str | None:
    """``name`` (a path or id made from one) as UTF-8 text: bytes of a non-UTF-8 file name as ``\\xe9``."""
    if name is None or name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _to_frame(batches: list[pa.RecordBatch], schema: pa.Schema) -> pd.DataFrame:
    table = pa.Table.from_batches(batches, schema=schema)
    return table.to_pandas(self_destruct=True, split_blocks=True)

