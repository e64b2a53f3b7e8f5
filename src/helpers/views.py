"""Notebook-facing tables: what an analyst reads first, in the form a notebook shows it.

Each view takes the loaded or extracted tables and returns a plain DataFrame ready to display
(dates as text, missing values as empty strings, paths relative to the corpus folder).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from helpers.corpus import Corpus

__all__ = ["EXTRACTION_DIR_ENV", "Extracted", "extraction", "milestone_summary", "overview", "published_date_effect",
           "readable_report"]


def overview(corpus: Corpus) -> pd.DataFrame:
    """The articles table of a ``Corpus`` an analyst reads first: ids, titles, dates, sizes, encoding, duplicates."""
    columns = ["article_id", "title", "published", "source", "n_paragraphs", "n_words", "encoding", "duplicate_of"]
    table = corpus.articles[columns].copy()
    table["published"] = table["published"].dt.strftime("%Y-%m-%d")
    return table.fillna({"published": "", "source": "", "duplicate_of": ""})


def readable_report(corpus: Corpus) -> pd.DataFrame:
    """The load report with paths relative to the corpus folder, so it reads (and diffs) the same
    anywhere; errors first, then warnings, then the rest, each in input order."""
    rank = corpus.report["status"].map({"error": 0, "warning": 1}).fillna(2)
    report = corpus.report.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    paths = [p for p in report["path"] if isinstance(p, str) and p]
    if paths:
        root = os.path.commonpath(paths)
        if len(set(paths)) == 1 or not os.path.isdir(root):
            root = os.path.dirname(root)
        report["path"] = [os.path.relpath(p, root) if isinstance(p, str) and p else p for p in report["path"]]
    report["line"] = report["line"].astype("string").fillna("")
    report["article_id"] = report["article_id"].fillna("")
    return report


# ---------------------------------------------------------------- milestones

def _label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """2025-09-30, 2025-09 (a whole month), 2025 (a whole year) or 2025-03-01 – 2025-05-31."""
    if start == end:
        return start.date().isoformat()
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return start.strftime("%Y-%m")
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start.date().isoformat()} – {end.date().isoformat()}"


def milestone_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Each distinct resolved (start, end) of a milestones table once: how often and where it is mentioned.

    ``sources`` lists ``article_id:paragraph`` of every mention, so "end of September 2025:
    3 mentions in 2 articles" can be read off and traced back. Multi-valued columns are
    comma-separated strings, readable in a table and in the CSV alike.
    """
    resolved = table[table["resolved"]].assign(
        source=lambda t: t["article_id"].astype(str) + ":" + t["paragraph"].astype(str))

    def distinct(values) -> str:
        return ", ".join(dict.fromkeys(str(v) for v in values if v))

    summary = resolved.groupby(["start", "end"], sort=True).agg(
        precision=("precision", lambda v: v.mode().iloc[0]),
        mentions=("surface", "size"),
        articles=("article_id", "nunique"),
        kinds=("kind", distinct),
        subjects=("subject", distinct),
        surfaces=("surface", distinct),
        sources=("source", distinct),
    ).reset_index()
    summary.insert(2, "label", [_label(s, e) for s, e in zip(summary["start"], summary["end"])])
    return summary


def published_date_effect(corpus: Corpus, milestones: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the publication date adds: milestones read from the text alone vs with ``published``.

    One row per expression whose dates depend on the publication date (relative expressions, and
    dates whose year is inferred), so an analyst sees which figures rest on the manifest. The
    readings with the date come from ``milestones`` (the notebook's ``milestones_table(corpus)``,
    made here when not given); only articles that have a date are read again, without it.
    """
    from .milestones import extract_milestones, milestones_table

    if milestones is None:
        milestones = milestones_table(corpus)
    by_article = dict(tuple(milestones.groupby(milestones["article_id"].astype(str), sort=False)))
    rows = []
    for article in corpus.articles.itertuples(index=False):
        found = by_article.get(str(article.article_id))
        if found is None or pd.isna(article.published):
            continue  # no milestones, or no date to add: both readings are the same
        alone = {m.char_start: m for m in extract_milestones(article.text)}
        for m in found.itertuples(index=False):
            before = alone.get(m.char_start)
            if before is not None and before.start == m.start and before.end == m.end:
                continue
            rows.append({
                "article_id": article.article_id,
                "surface": m.surface,
                "published": article.published,
                "text alone": _span_label(before.resolved, before.start, before.end) if before else "unresolved",
                "with published date": _span_label(m.resolved, m.start, m.end),
            })
    columns = ["article_id", "surface", "published", "text alone", "with published date"]
    return pd.DataFrame(rows, columns=columns)


def _span_label(resolved: bool, start: pd.Timestamp, end: pd.Timestamp) -> str:
    if not resolved:
        return "unresolved"
    start, end = start.date().isoformat(), end.date().isoformat()
    return start if start == end else f"{start} – {end}"


# ---------------------------------------------------------------- one extraction for every notebook

# Where the shared extraction of a corpus is kept (default: the system's temporary folder).
EXTRACTION_DIR_ENV = "HELPERS_EXTRACTION_DIR"
_LARGE_CORPUS = 1000  # articles from which extraction shows a progress bar
_WAIT_SECONDS = 0.5  # between two looks at the lock of a corpus another notebook is extracting


class Extracted:
    """A corpus and its milestone and entity tables, each read once and only when first asked for.

    The tables come from ``pipeline.extract_corpus`` into a folder kept per corpus path, so the
    notebooks of a report (each in its own kernel) extract the corpus once between them: the first
    that asks extracts, the others find the folder up to date and read its Parquet parts.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @functools.cached_property
    def corpus(self) -> Corpus:
        from .corpus import load_corpus

        return load_corpus(self.path)

    @functools.cached_property
    def run(self):
        """The ``pipeline.Extraction`` behind the tables (its ``summary`` says whether it was reused)."""
        from .pipeline import extract_corpus
        from .pipeline_output import OutputInUse

        said = False
        while True:
            try:
                return extract_corpus(self.path, _extraction_dir(self.path),
                                      progress=len(self.corpus.articles) >= _LARGE_CORPUS)
            except OutputInUse as busy:  # another notebook of this corpus extracting it (two run at once in Lab)
                if not said:
                    print(f"waiting: {busy}".split(": wait for it")[0] + " (another notebook?)", file=sys.stderr)
                    said = True
                time.sleep(_WAIT_SECONDS)

    @functools.cached_property
    def milestones(self) -> pd.DataFrame:
        return self.run.milestones()

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        return self.run.entities()

    def __repr__(self) -> str:
        return f"Extracted({str(self.path)!r})"


def extraction(path: str | os.PathLike) -> Extracted:
    """The corpus at ``path`` (a notebook's ``CORPUS``: absolute, or relative to the cwd or the project)
    and its tables, shared by every cell and notebook that asks for the same corpus."""
    from .paths import corpus_path

    return _extracted(corpus_path(path))


@functools.cache
def _extracted(resolved: Path) -> Extracted:
    return Extracted(resolved)


def _extraction_dir(path: Path, root: Path | None = None) -> Path:
    """The folder the tables of the corpus at ``path`` are extracted to, in ``root`` (default: the report's, else
    a temporary folder)."""
    root = root or os.environ.get(EXTRACTION_DIR_ENV) or Path(tempfile.gettempdir()) / "arabic-news-extraction"
    return Path(root) / hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
