"""Helpers for the Arabic news notebook suite: what an analyst calls, importable from ``helpers``.

``import helpers`` loads nothing heavy: each name below is imported from its module on first use
(module ``__getattr__``), and tab completion shows this short list, not every module's internals.
Everything else stays in its module (``helpers.corpus``, ``helpers.milestones``…).
"""

from __future__ import annotations

import importlib

# name -> the module that defines it
_PUBLIC = {
    "setup_notebook": "notebook",
    "corpus_path": "paths",
    "load_corpus": "corpus",
    "milestones_table": "milestones",
    "entities_table": "entities",
    "extract_corpus": "pipeline",
    "overview": "views",
    "readable_report": "views",
    "extraction": "views",
    "milestone_summary": "views",
    "published_date_effect": "views",
    "entity_counts": "entities",
    "cooccurrence": "entities",
    "mentions_of": "entities",
    "show_article": "figures",
    "safe_table": "figures",
    "publish": "figures",
    "build_report": "report",
    "charts": None,  # modules an analyst uses whole
    "rtl": None,
}

__all__ = [
    "build_report", "charts", "cooccurrence", "corpus_path", "entities_table", "entity_counts",
    "extract_corpus", "extraction", "load_corpus", "mentions_of", "milestone_summary", "milestones_table",
    "overview", "publish", "published_date_effect", "readable_report", "rtl", "safe_table",
    "setup_notebook", "show_article",
]


assert sorted(_PUBLIC) == __all__


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    module = _PUBLIC[name]
    value = importlib.import_module(f"helpers.{name}" if module is None else f"helpers.{module}")
    if module is not None:
        value = getattr(value, name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return list(__all__)
