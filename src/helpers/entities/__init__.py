"""Who is mentioned, and where: gazetteer entities found in Arabic news text.

The gazetteer (``data/gazetteer.csv``) compiles once into a dictionary keyed by a phrase's first word
(``matcher``); matching is one pass over the written words (``words``), with offsets into the original
text. Where the letters alone do not decide, the words around a name do (``context``, from
``data/entity_context.csv``): nisba or name, a person's family name, another alliance, another era.
``table`` turns the mentions of a corpus into one row each, with paragraph and sentence, and counts them.

Everything other modules and notebooks use is importable from ``helpers.entities``.
"""

from __future__ import annotations

from ..spans import sentence_spans
from .context import ADJECTIVE, NAME
from .matcher import EntityMatcher, Mention, default_matcher, extract_entities
from .table import (
    SENTENCE_KEYS,
    TABLE_COLUMNS,
    article_rows,
    cooccurrence,
    entities_table,
    entity_counts,
    mentions_of,
)

__all__ = [
    "ADJECTIVE", "NAME", "SENTENCE_KEYS", "TABLE_COLUMNS", "EntityMatcher", "Mention", "article_rows",
    "cooccurrence", "default_matcher", "entities_table", "entity_counts", "extract_entities", "mentions_of",
    "sentence_spans",
]
