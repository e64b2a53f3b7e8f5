"""The three frames of a loaded corpus, built batch by batch: ``CorpusBuilder`` and ``Corpus``.

The builder takes cleaned chunks in file order and does what needs the whole corpus: manifest rows
applied, article ids made unique, later copies of a text marked as duplicates, publication dates
parsed, and one report row per document. ``load_corpus`` and the pipeline both drive it: ``add`` a
chunk, take the finished Arrow batches or not, then ``finish``.
"""

from __future__ import annotations

import weakref
from datetime import datetime

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.normalize import BIDI_MAP
from helpers.published import doubtful_published, parse_published

from .chunks import SPAN_SCHEMA, STRING, TEXT_SCHEMA, Chunk, concat_strings
from .clean import CLAIMS_IN_PARTS, LONG_ARTICLE
from .document import CorpusError, Document
from .paragraphs import PARAGRAPH_COLUMNS, Paragraphs
from .plan import Plan, id_key, plan_notes
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
REPORT_COLUMNS = ["path", "line", "article_id", "status", "reason"]
_REPORT_SCHEMA = pa.schema([("path", STRING), ("line", pa.int64()), ("article_id", STRING), ("status", STRING),
                            ("reason", STRING)])

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
# What the builder keeps to the end is allocated by malloc, not Arrow's default pool (mimalloc), which held
# ~20% more than it was given in a load's pattern of many small arrays kept and chunks freed.
_KEPT = pa.system_memory_pool()
_SPANS_32 = pa.schema([("char_start", pa.int32()), ("char_end", pa.int32())])  # the offsets the builder keeps


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
    if isinstance(value, str) and len(text := value.translate(BIDI_MAP).strip()) > 10:  # as parse_published reads it
        return datetime.fromisoformat(text).replace(tzinfo=None), True
    return datetime(day.year, day.month, day.day), True


class Corpus:
    """The loaded corpus: ``articles``, ``paragraphs`` (offsets into ``articles.text``), ``report``.

    ``paragraphs`` is a DataFrame (``PARAGRAPH_COLUMNS``). A loaded corpus keeps only the offsets and
    cuts the paragraph texts out of the article texts when the table is asked for, so the text is held
    once (the table stays the same object while someone holds it); ``paragraph_spans`` is the table
    without its text column, which costs no text at all.
    """

    def __init__(self, articles: pd.DataFrame, paragraphs: pd.DataFrame | Paragraphs, report: pd.DataFrame):
        self.articles, self.report = articles, report
        self.paragraphs = paragraphs

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per title (paragraph 0) and paragraph: ``article_id, paragraph, text, char_start, char_end``."""
        if isinstance(self._paragraphs, pd.DataFrame):
            return self._paragraphs
        frame = self._built() if self._built is not None else None
        if frame is None:
            frame = self._paragraphs.frame()
            self._built = weakref.ref(frame)
        return frame

    @paragraphs.setter
    def paragraphs(self, value: pd.DataFrame | Paragraphs) -> None:
        self._paragraphs, self._built = value, None

    @property
    def paragraph_spans(self) -> pd.DataFrame:
        """``paragraphs`` without its text column (``article_id, paragraph, char_start, char_end``)."""
        if isinstance(self._paragraphs, pd.DataFrame):
            return self._paragraphs.drop(columns="text", errors="ignore")
        return self._paragraphs.spans()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_built": None}  # a weak reference does not pickle

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
            f"Corpus: {len(self.articles)} articles ({n_dup} duplicates), {len(self._paragraphs)} paragraphs, "
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

    def __init__(self, plan: Plan, strict: bool = False, claims: bool = True):
        self.plan, self.strict, self.claims = plan, strict, claims  # claims: whether the run reads them
        self.ids: dict[str, str] = {}  # each id in NFC (id_key) -> the id as given
        self.first_by_text: dict[bytes, str] = {}
        self._report: dict[str, list] = {name: [] for name in REPORT_COLUMNS}
        self._report_batches: list[pa.RecordBatch] = []  # the rows so far, in Arrow: ~5x smaller than in lists
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
            if not self.claims and doc.n_chars > LONG_ARTICLE:  # no claims read, in parts or whole
                doc.notes = [(status, reason.replace(CLAIMS_IN_PARTS, "")) for status, reason in doc.notes]
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
        key = id_key(doc.article_id)  # «أخبار» composed and decomposed read the same: one id
        if key in self.ids:
            original, first, k = doc.article_id, self.ids[key], 2
            while f"{key}~{k}" in self.ids:
                k += 1
            doc.article_id = key = f"{key}~{k}"
            form = "" if first == original else " (the same letters as it, in another Unicode form)"
            doc.note("warning", f"duplicate article_id {original}{form}, renamed {doc.article_id}")
        self.ids[key] = doc.article_id
        first = self.first_by_text.setdefault(doc.fingerprint, doc.article_id)
        doc.duplicate_of = first if first != doc.article_id else None
        if doc.duplicate_of:
            doc.note("warning", f"duplicate of {first} (same normalised text)")
        raw_published = doc.published
        doc.published, ok = published_datetime(raw_published)
        if not ok:
            doc.note("warning", f"bad published date {raw_published!r}{doc.published_where}: not an ISO date "
                                "(YYYY-MM-DD), article kept without a date")
        elif doc.published is not None and (doubt := doubtful_published(doc.published.date())):
            doc.note("warning", f"published date {doc.published.date().isoformat()}{doc.published_where} is {doubt}: "
                                "article kept with this date")

    def _flush(self) -> None:
        if self.rows["article_id"]:
            columns = {f.name: pa.array(self.rows[f.name], type=f.type, memory_pool=_KEPT) for f in ARTICLE_SCHEMA
                       if f.name in self.rows}
            columns.update({name: concat_strings([c.texts.column(name) for c in self.chunks])
                            for name in TEXT_SCHEMA.names})
            self.article_batches.append(
                pa.RecordBatch.from_arrays([columns[f.name] for f in ARTICLE_SCHEMA], schema=ARTICLE_SCHEMA)
            )
            # the offsets only: a paragraph's text is a slice of its article's (Paragraphs cuts it out),
            # and its number is its place among its article's rows
            spans = pa.concat_batches([c.paragraphs.select(["char_start", "char_end"]) for c in self.chunks])
            if not spans.num_rows or pc.max(spans.column("char_end")).as_py() < 2**31:  # no 2 GB article
                spans = pa.RecordBatch.from_arrays(  # half the memory
                    [pc.cast(c, pa.int32(), memory_pool=_KEPT) for c in spans.columns], schema=_SPANS_32)
            self.paragraph_batches.append(spans)
        self._flush_report()
        self._new_batch()

    def _flush_report(self) -> None:
        if self._report["path"]:
            self._report_batches.append(pa.RecordBatch.from_arrays(
                [pa.array(self._report[name], type=_REPORT_SCHEMA.field(name).type, memory_pool=_KEPT)
                 for name in REPORT_COLUMNS],
                schema=_REPORT_SCHEMA,
            ))
            self._report = {name: [] for name in REPORT_COLUMNS}

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
        self._flush_report()
        rows = pa.Table.from_batches(self._report_batches, schema=_REPORT_SCHEMA).to_pandas(split_blocks=True)
        return rows.astype(
            {"path": "str", "line": "Int64", "article_id": "str", "status": "str", "reason": "str"}
        )

    def corpus(self) -> Corpus:
        """Finish, then the frames of the batches not taken, and the report (once: the builder is done)."""
        self.finish()
        # the checks that needed the whole corpus are done: ids, digests and manifests go before the frames
        self.ids, self.first_by_text, self.plan = {}, {}, None
        table = pa.Table.from_batches(self.article_batches, schema=ARTICLE_SCHEMA)
        wide = any(b.schema != _SPANS_32 for b in self.paragraph_batches)
        schema = SPAN_SCHEMA.remove(0) if wide else _SPANS_32
        spans = pa.Table.from_batches([b.cast(schema) for b in self.paragraph_batches], schema=schema)
        self.article_batches, self.paragraph_batches = [], []
        paragraphs = Paragraphs(table.column("article_id"), table.column("text"), table.column("n_paragraphs"),
                                spans.column("char_start"), spans.column("char_end"))
        # no self_destruct: the strings stay in the Arrow buffers the frame and the paragraphs share
        articles = table.to_pandas(split_blocks=True)
        articles["line"] = articles["line"].astype("Int64")
        return Corpus(articles, paragraphs, self.report())


def _shown(name: str | None) -> str | None:
    """``name`` (a path or id made from one) as UTF-8 text: bytes of a non-UTF-8 file name as ``\\xe9``."""
    if name is None or name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
