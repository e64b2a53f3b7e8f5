"""The entity mentions of a corpus as a table, and the counts an analyst reads off it.

One row per mention with its paragraph and sentence (cut by ``helpers.spans``, as for milestones and
claims, so the sentences can be joined); ``entity_counts``, ``cooccurrence`` (pairs in a sentence) and
``mentions_of`` (the sentences behind a count) work on that table.
"""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd

from ..corpus import PROGRESS_FROM
from ..repeated_articles import RepeatedArticles
from ..spans import cut_points, paragraph_index, paragraph_of, paragraph_spans
from .matcher import EntityMatcher, default_matcher

__all__ = [
    "SENTENCE_KEYS", "TABLE_COLUMNS", "article_rows", "cooccurrence", "entities_table", "entity_counts",
    "mentions_of", "share_sentence_cuts",
]

TABLE_COLUMNS = ["article_id", "entity_id", "name_en", "name_ar", "type", "surface", "form",
                 "paragraph", "char_start", "char_end", "sentence"]

_SHARED_CUTS: list = [None]  # (text, its sentence cut points): the last text cut elsewhere, kept alive


def share_sentence_cuts(text: str, cuts: list[int]) -> None:
    """``cut_points(text)``, found by another table (the milestones', which cuts clauses and sentences in
    one pass): ``article_rows`` of the same text object then does not cut it again."""
    _SHARED_CUTS[0] = (text, cuts)


def _sentence_cuts(text: str) -> list[int]:
    shared = _SHARED_CUTS[0]
    return shared[1] if shared is not None and shared[0] is text else cut_points(text)


def article_rows(article_id: str, text: str, para_starts: list[int], para_ids: list[int],
                 matcher: EntityMatcher) -> list[tuple]:
    """The ``TABLE_COLUMNS`` of each mention in one article; paragraphs as sorted start offsets and their numbers."""
    found = matcher.spans(text)
    if not found:
        return []
    cuts = _sentence_cuts(text)  # spans.sentence_spans, from cut points maybe found already
    sentences = list(zip([0, *cuts], [*cuts, len(text)]))
    sentence_ends = [*cuts, len(text)]
    j_last, sentence = -1, ""
    rows = []
    append = rows.append
    for (entity_id, name_en, name_ar, kind, form), start, end in found:
        j = bisect_right(sentence_ends, start)
        if j != j_last:  # mentions come in text order: a sentence's mentions share its string
            j_last, sentence = j, text[sentences[j][0]:sentences[j][1]].strip()
        append((article_id, entity_id, name_en, name_ar, kind, text[start:end], form,
                paragraph_of(para_starts, para_ids, start), start, end, sentence))
    return rows


def entities_table(corpus, matcher: EntityMatcher | None = None, progress: bool | None = None) -> pd.DataFrame:
    """One row per mention in a corpus (``.articles``, ``.paragraphs``): see ``TABLE_COLUMNS``.

    Offsets are into the article's cleaned ``text``; ``paragraph`` is 0 for the title. ``progress``
    shows a bar of articles done (default: from 2,000 articles on).
    """
    from tqdm import tqdm
    matcher = matcher or default_matcher()
    by_article = paragraph_index(paragraph_spans(corpus))
    rows: list[tuple] = []
    show = len(corpus.articles) >= PROGRESS_FROM if progress is None else progress
    pairs = zip(corpus.articles["article_id"].astype(str), corpus.articles["text"])
    repeats = RepeatedArticles()  # an article repeated in the corpus (a wire story run again): its rows copied
    for article_id, text in tqdm(pairs, total=len(corpus.articles), unit="article", desc="entities",
                                 disable=not show):
        if not isinstance(text, str):
            continue
        starts, ids = by_article.get(article_id, ([], []))
        key = repeats.key(text, None, (tuple(starts), tuple(ids)))
        found = repeats.rows(key, article_id)
        if found is None:
            found = (article_rows(article_id, text, starts, ids, matcher),)
            repeats.remember(key, *found)
        rows.extend(found[0])
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["paragraph"] = table["paragraph"].astype("Int64")
    table["char_start"] = table["char_start"].astype("int64")
    table["char_end"] = table["char_end"].astype("int64")
    return table


def entity_counts(table: pd.DataFrame, by=("entity_id", "form")) -> pd.DataFrame:
    """Mentions (and articles mentioning) per group, with the entity's names and type, most first."""
    by = list(by)
    labels = ["name_ar", "name_en", "type"]
    keys = by + [c for c in labels if c not in by]
    if table.empty:
        return pd.DataFrame(columns=keys + ["mentions", "articles"])
    counts = (table.groupby(keys, dropna=False)
              .agg(mentions=("entity_id", "size"), articles=("article_id", "nunique"))
              .reset_index())
    return counts.sort_values(["mentions", *by], ascending=[False, *[True] * len(by)], kind="stable",
                              ignore_index=True)


# A sentence is identified by its article, paragraph and text.
SENTENCE_KEYS = ["article_id", "paragraph", "sentence"]


def cooccurrence(table: pd.DataFrame) -> pd.DataFrame:
    """Entity pairs mentioned in the same sentence (name or adjective), with the number of such sentences."""
    columns = ["entity_a", "name_ar_a", "name_en_a", "entity_b", "name_ar_b", "name_en_b", "sentences"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    distinct = table[[*SENTENCE_KEYS, "entity_id"]].drop_duplicates()
    sentence = distinct.groupby(SENTENCE_KEYS, dropna=False, sort=False).ngroup()
    members = pd.DataFrame({"sentence": sentence.to_numpy(), "entity": distinct["entity_id"].to_numpy()})
    pairs = members.merge(members, on="sentence", suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    counts = pairs.groupby(["entity_a", "entity_b"]).size().rename("sentences").reset_index()
    names = table.drop_duplicates("entity_id").set_index("entity_id")
    for side in ("a", "b"):
        for label in ("name_ar", "name_en"):
            counts[f"{label}_{side}"] = counts[f"entity_{side}"].map(names[label])
    return counts[columns].sort_values(["sentences", "entity_a", "entity_b"], ascending=[False, True, True],
                                       ignore_index=True)


def mentions_of(table: pd.DataFrame, entity_id: str) -> pd.DataFrame:
    """The sentences that mention ``entity_id``, in the table's (reading) order, with article,
    paragraph, the number of mentions and their surfaces."""
    rows = table[table["entity_id"] == entity_id]
    columns = ["article_id", "paragraph", "sentence", "mentions", "surfaces"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.groupby(SENTENCE_KEYS, dropna=False, sort=False).agg(
        mentions=("surface", "size"), surfaces=("surface", "، ".join))
    return grouped.reset_index()[columns]
