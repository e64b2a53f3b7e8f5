"""Notebook-facing tables: what an analyst reads first, in the form a notebook shows it.

Each view takes the loaded or extracted tables and returns a plain DataFrame ready to display
(dates as text, missing values as empty strings, paths relative to the corpus folder).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from helpers.corpus import Corpus

__all__ = ["overview", "readable_report"]


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
