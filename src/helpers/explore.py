"""Exploring a corpus, not only reading it: search in context, filters, and a comparison of sources.

The functions an analyst calls in Lab:

- ``search(corpus, "الانسحاب")``: every occurrence as a keyword-in-context (KWIC) table (article, paragraph,
  date, source, the words before and after, the match as written). A query word is found whatever its
  proclitics (و ف ب ل ك ال and their combinations: «وبالعراق» for «العراق»), harakat, hamza form, tatweel,
  alef maqsura or teh marbuta: the text is folded by ``helpers.normalize.normalize_with_map`` and every hit
  is mapped back to its exact surface; the clitic forms come from ``helpers.gazetteer.clitic_forms``, the
  rule the entity matcher uses.
- ``select(corpus, mentions, milestones, entity=..., start=..., end=..., sources=...)``: the articles,
  mentions and milestones of a selection. An unknown entity, article or source raises a ``ValueError`` that
  names the nearest valid ones; a selection with no article raises ``EmptySelectionError`` saying what the
  corpus does hold, instead of drawing an empty chart.
- ``compare_sources(corpus, mentions, milestones)``: one row per source (articles, dates, words, mentions
  per 1,000 words, the most mentioned entities, milestones): ``source`` and ``published`` at work.
- ``explorer(corpus, mentions, milestones)``: the same as ipywidgets controls (search box, entity, sources,
  dates) whose tables and chart update in Lab.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from .gazetteer import ARTICLE, clitic_forms, fold_for_matching, match_key
from .normalize import normalize_with_map
from .published import parse_published
from .spans import paragraph_spans

__all__ = [
    "KWIC_COLUMNS",
    "SOURCE_COLUMNS",
    "EmptySelectionError",
    "Explorer",
    "Selection",
    "check_article_id",
    "check_entity_id",
    "compare_sources",
    "explorer",
    "nearest_error",
    "query_pattern",
    "search",
    "select",
]

# ``before``/``after``: the context preceding and following the match in reading order (the left and right
# context of a KWIC concordance; on an Arabic page ``before`` stands to the right of the match).
KWIC_COLUMNS = ["article_id", "paragraph", "published", "source", "before", "match", "after",
                "char_start", "char_end"]
SOURCE_COLUMNS = ["source", "articles", "first_published", "last_published", "words", "mentions",
                  "mentions_per_1000_words", "top_entities", "milestones"]
UNKNOWN_SOURCE = "(no source)"
# Letters inside a word in the folded text (a match may not start or end inside one).
_LETTER = r"[^\W_]"


class EmptySelectionError(ValueError):
    """No article is left after the filters; the message says which filters and what the corpus holds."""


class Selection(NamedTuple):
    """The articles of a selection and the rows of the mentions and milestones tables that belong to them."""

    articles: pd.DataFrame
    mentions: pd.DataFrame | None
    milestones: pd.DataFrame | None


# --- errors that name the nearest valid value ---------------------------------------------

def nearest_error(value: str, valid: Iterable[str], what: str, where: str = "") -> ValueError:
    """A ``ValueError`` for an unknown ``what`` (entity id, article id, source…) that names the nearest valid
    values (``difflib.get_close_matches``), or some valid ones when none is close; ``where`` says where
    it was looked for (" in the mentions table")."""
    valid = sorted({str(v) for v in valid})
    close = difflib.get_close_matches(str(value), valid, n=3, cutoff=0.5)
    if close:
        hint = "did you mean " + ", ".join(repr(c) for c in close) + "?"
    elif valid:
        hint = "valid ones include " + ", ".join(repr(v) for v in valid[:5]) + (" …" if len(valid) > 5 else "")
    else:
        hint = f"there is no {what} at all"
    return ValueError(f"unknown {what} {value!r}{where}: {hint}")


def check_entity_id(entity: str, mentions: pd.DataFrame | None = None) -> str:
    """``entity`` as an entity id: an id of the gazetteer (or of ``mentions``), or an Arabic or English
    name or alias of one (``"العراق"``, ``"Iraq"`` → ``"iraq"``). Else ``ValueError`` naming the nearest."""
    from .entities import default_matcher

    gazetteer = default_matcher().gazetteer
    ids = {e.entity_id for e in gazetteer}
    if mentions is not None and "entity_id" in mentions:
        ids |= set(mentions["entity_id"].dropna().astype(str))
    if entity in ids:
        return entity
    key = match_key(str(entity))
    for e in gazetteer:
        if key and (key in {match_key(n) for n in e.names} or key == match_key(e.name_en)):
            return e.entity_id
    raise nearest_error(entity, ids, "entity id")


def check_article_id(article_id: str, articles: pd.DataFrame) -> str:
    """``article_id`` as the articles hold it (in whichever Unicode form: a Mac saves «أخبار.txt» decomposed, an
    id is typed composed), else ``ValueError`` naming the nearest ids."""
    ids = articles["article_id"].astype(str)
    found = same_article_id(article_id, ids)
    if found is not None:
        return found
    raise nearest_error(article_id, ids, "article id")


def same_article_id(article_id, ids: Iterable[str]) -> str | None:
    """The one of ``ids`` that is ``article_id``, compared in NFC (``helpers.corpus.plan.id_key``), or None."""
    from .corpus.plan import id_key

    ids = list(ids)
    if str(article_id) in ids:
        return str(article_id)
    key = id_key(str(article_id))
    return next((i for i in ids if id_key(i) == key), None)


# --- search ---------------------------------------------------------------------------------

def _articles(corpus_or_articles) -> pd.DataFrame:
    articles = getattr(corpus_or_articles, "articles", corpus_or_articles)
    if not isinstance(articles, pd.DataFrame) or not {"article_id", "text"} <= set(articles.columns):
        raise TypeError("expected a corpus from load_corpus or an articles DataFrame with article_id and text")
    return articles


def _word_forms(word: str, first: bool) -> list[str]:
    """The forms a folded query word is found in: with and without the article, and (the first word of the
    query) with every proclitic combination of ``gazetteer.clitic_forms`` (و ف ب ل ك; ل + ال → لل)."""
    bare = word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1 else word
    if not bare.isalpha() or bare.isascii():
        return [word]
    forms = {bare, ARTICLE + bare}
    if first:
        forms |= set(clitic_forms(bare)) | set(clitic_forms(ARTICLE + bare))
    return sorted(forms, key=len, reverse=True)


@lru_cache(maxsize=256)
def query_pattern(query: str) -> re.Pattern:
    """The regex ``search`` runs over folded text: the query folded like the text (``normalize`` + keyboard
    and Latin case fold), each word in all its forms, whole words, any inline spaces between them."""
    if not isinstance(query, str):
        raise TypeError(f"the query must be text (str), not {type(query).__name__}: {query!r}")
    words = match_key(query)
    if not words:
        raise ValueError(f"the query {query!r} has no letters or digits to search for")
    parts = ["(?:" + "|".join(map(re.escape, _word_forms(w, i == 0))) + ")" for i, w in enumerate(words)]
    return re.compile(rf"(?<!{_LETTER})" + r"[^\S\n]+".join(parts) + rf"(?!{_LETTER})")


@lru_cache(maxsize=4096)
def _folded(text: str):
    """The folded text with its offset map (cached: the explorer searches the same articles again)."""
    norm = normalize_with_map(text)
    folded = fold_for_matching(norm.text)
    return norm, folded if len(folded) == len(norm.text) else norm.text  # (a case fold that changes length: rare)


def _paragraph_starts(corpus_or_articles, articles: pd.DataFrame) -> dict[str, list[int]]:
    paragraphs = paragraph_spans(corpus_or_articles)
    if paragraphs is not None and len(paragraphs):
        ordered = paragraphs.sort_values(["article_id", "char_start"])
        return {str(a): group.tolist() for a, group in ordered.groupby("article_id", sort=False)["char_start"]}
    starts = {}
    for article_id, text in zip(articles["article_id"].astype(str), articles["text"]):
        if isinstance(text, str):  # line 1 is the title (paragraph 0), then paragraphs split by blank lines
            starts[article_id] = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    return starts


def _context(text: str, start: int, end: int, window: int) -> tuple[str, str]:
    """The ``window`` characters before and after a match, cut at whole words, line breaks as spaces."""
    before, after = text[max(0, start - window):start], text[end:end + window]
    if start > window and " " in before:  # a word cut in two at the window's edge is dropped
        before = before[before.index(" ") + 1:]
    if end + window < len(text) and " " in after:
        after = after[:after.rindex(" ")]
    return " ".join(before.split()), " ".join(after.split())


def search(corpus_or_articles, query: str, *, window: int = 60, mentions: pd.DataFrame | None = None,
           entity: str | None = None, start=None, end=None, sources=None, article_ids=None) -> pd.DataFrame:
    """Every occurrence of ``query`` in the corpus as a KWIC table (``KWIC_COLUMNS``), in corpus order.

    ``corpus_or_articles`` is a corpus from ``load_corpus`` (paragraph numbers from its ``paragraphs``) or an
    articles DataFrame. ``window`` is the number of characters of context each side. The filters are those
    of ``select`` (``entity`` needs ``mentions``). No hit gives an empty table; an empty selection raises.
    """
    pattern = query_pattern(query)
    articles = _articles(corpus_or_articles)
    if any(f is not None for f in (entity, start, end, sources, article_ids)):
        articles = select(corpus_or_articles, mentions, entity=entity, start=start, end=end, sources=sources,
                          article_ids=article_ids).articles
    paragraph_starts = _paragraph_starts(corpus_or_articles, articles)
    rows = []
    columns = [articles[c] if c in articles else pd.Series([None] * len(articles), index=articles.index)
               for c in ("article_id", "text", "published", "source")]
    for article_id, text, published, source in zip(*columns):
        if not isinstance(text, str):
            continue
        norm, folded = _folded(text)
        starts = paragraph_starts.get(str(article_id), [0])
        for m in pattern.finditer(folded):
            s, e = norm.span(m.start(), m.end())
            paragraph = max(0, bisect.bisect_right(starts, s) - 1)
            before, after = _context(text, s, e, window)
            rows.append((str(article_id), paragraph, published, source, before, text[s:e], after, s, e))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    table["paragraph"] = table["paragraph"].astype("int64")
    table["published"] = pd.to_datetime(table["published"])
    return table


# --- filters ---------------------------------------------------------------------------------

def _as_list(value) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _date(value, what: str) -> pd.Timestamp | None:
    try:
        day = parse_published(value)
    except ValueError as error:
        raise ValueError(f"{what} {value!r} is not a date: give an ISO date such as 2024-09-28") from error
    return None if day is None else pd.Timestamp(day)


def _describe(articles: pd.DataFrame) -> str:
    published = pd.to_datetime(articles["published"]) if "published" in articles else pd.Series(dtype="object")
    dated = published.dropna()
    dates = f"published {dated.min():%Y-%m-%d}..{dated.max():%Y-%m-%d}" if len(dated) else "no publication dates"
    sources = sorted(articles["source"].fillna(UNKNOWN_SOURCE).astype(str).unique()) if "source" in articles else []
    return f"the corpus has {len(articles)} articles, {dates}, sources {sources}"


def select(corpus_or_articles, mentions: pd.DataFrame | None = None, milestones: pd.DataFrame | None = None, *,
           entity: str | None = None, start=None, end=None, sources=None, article_ids=None) -> Selection:
    """The articles (and their mentions and milestones) that pass every filter given.

    ``entity``: articles mentioning it (an id, or a name: see ``check_entity_id``; needs ``mentions``).
    ``start``/``end``: published on or after / on or before these ISO dates (undated articles drop out).
    ``sources``: one source or several. ``article_ids``: these articles. Unknown ids and sources raise a
    ``ValueError`` naming the nearest valid ones; no article left raises ``EmptySelectionError``.
    """
    all_articles = _articles(corpus_or_articles)
    articles = all_articles
    applied = []
    if article_ids is not None:
        wanted = [check_article_id(a, all_articles) for a in _as_list(article_ids)]
        articles = articles[articles["article_id"].astype(str).isin(wanted)]
        applied.append(f"articles {wanted}")
    if sources is not None:
        known = all_articles["source"].fillna(UNKNOWN_SOURCE).astype(str) if "source" in all_articles else \
            pd.Series(UNKNOWN_SOURCE, index=all_articles.index)
        wanted = _as_list(sources)
        for source in wanted:
            if source not in set(known):
                raise nearest_error(source, known, "source")
        articles = articles[known.loc[articles.index].isin(wanted)]
        applied.append(f"sources {wanted}")
    first, last = _date(start, "start"), _date(end, "end")
    if first is not None or last is not None:
        if first is not None and last is not None and first > last:
            raise ValueError(f"start {first:%Y-%m-%d} is after end {last:%Y-%m-%d}")
        published = pd.to_datetime(articles["published"]).dt.normalize()
        keep = published.notna()
        if first is not None:
            keep &= published >= first
        if last is not None:
            keep &= published <= last
        articles = articles[keep]
        applied.append(f"published {'' if first is None else f'{first:%Y-%m-%d}'}.."
                       f"{'' if last is None else f'{last:%Y-%m-%d}'}")
    if entity is not None:
        if mentions is None:
            raise ValueError("filtering by entity needs the mentions table (entities_table(corpus))")
        entity = check_entity_id(entity, mentions)
        with_entity = set(mentions.loc[mentions["entity_id"] == entity, "article_id"].astype(str))
        articles = articles[articles["article_id"].astype(str).isin(with_entity)]
        applied.append(f"mentioning {entity}")
    if articles.empty:
        raise EmptySelectionError(f"no article matches {', '.join(applied) or 'the selection'}; "
                                  + _describe(all_articles))
    ids = set(articles["article_id"].astype(str))

    def rows_of(table):
        return None if table is None else table[table["article_id"].astype(str).isin(ids)]

    return Selection(articles, rows_of(mentions), rows_of(milestones))


# --- comparison of sources ---------------------------------------------------------------------

def compare_sources(corpus_or_articles, mentions: pd.DataFrame | None = None,
                    milestones: pd.DataFrame | None = None, top: int = 3) -> pd.DataFrame:
    """One row per source (``SOURCE_COLUMNS``), most articles first: how much each outlet published, when,
    how densely it mentions the gazetteer's entities and which most, and how many milestones it dates. No article:
    no row (a table that says so, as ``search`` finding nothing), not an error that stops a notebook."""
    articles = _articles(corpus_or_articles)
    if articles.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    source = (articles["source"] if "source" in articles else pd.Series(None, index=articles.index, dtype="object"))
    source = source.fillna(UNKNOWN_SOURCE).astype(str).replace("", UNKNOWN_SOURCE)
    by_article = pd.DataFrame({"article_id": articles["article_id"].astype(str), "source": source.to_numpy()})
    words = articles["n_words"] if "n_words" in articles else articles["text"].fillna("").str.split().str.len()
    by_article["words"] = words.to_numpy()
    by_article["published"] = pd.to_datetime(articles["published"]).to_numpy() if "published" in articles else pd.NaT
    table = by_article.groupby("source").agg(articles=("article_id", "size"), first_published=("published", "min"),
                                             last_published=("published", "max"), words=("words", "sum"))
    source_of = dict(zip(by_article["article_id"], by_article["source"]))
    if mentions is not None and len(mentions):
        rows = mentions[mentions["article_id"].astype(str).isin(source_of)]
        rows = rows.assign(source=rows["article_id"].astype(str).map(source_of))
        table["mentions"] = rows.groupby("source").size()
        counts = rows.groupby(["source", "name_ar"]).size().rename("n").reset_index()
        counts = counts.sort_values(["source", "n", "name_ar"], ascending=[True, False, True], kind="stable")
        table["top_entities"] = counts.groupby("source").head(top).groupby("source").apply(
            lambda g: "، ".join(f"{name} ({n})" for name, n in zip(g["name_ar"], g["n"])), include_groups=False)
    if milestones is not None and len(milestones):
        rows = milestones[milestones["article_id"].astype(str).isin(source_of)]
        table["milestones"] = rows["article_id"].astype(str).map(source_of).value_counts()
    table = table.reindex(columns=SOURCE_COLUMNS[1:])
    for column in ("mentions", "milestones"):
        table[column] = table[column].fillna(0).astype("int64")
    table["top_entities"] = table["top_entities"].fillna("")
    table["mentions_per_1000_words"] = (1000 * table["mentions"] / table["words"].where(table["words"] > 0)).round(1)
    table = table.reset_index().sort_values(["articles", "source"], ascending=[False, True], kind="stable")
    return table[SOURCE_COLUMNS].reset_index(drop=True)


# --- interactive filters in Lab ----------------------------------------------------------------

def explorer(corpus_or_articles, mentions: pd.DataFrame | None = None, milestones: pd.DataFrame | None = None,
             query: str = "", window: int = 60, top: int = 15) -> Explorer:
    """Search box, entity, sources and date filters (ipywidgets) over the corpus, updating a KWIC table, the
    chart of the most mentioned entities and the per-source table. Display it as a cell's last line."""
    return Explorer(corpus_or_articles, mentions, milestones, query=query, window=window, top=top)


def _explorer_base():
    import ipywidgets

    return ipywidgets.VBox


class Explorer(_explorer_base()):
    """The widget ``explorer`` returns. After each change, ``selection``, ``kwic``, ``sources_table`` and
    ``message`` hold what it shows (read them, or call ``refresh()`` after setting a control's value)."""

    def __init__(self, corpus_or_articles, mentions=None, milestones=None, *, query="", window=60, top=15):
        import ipywidgets as w

        self.corpus, self.mentions, self.milestones = corpus_or_articles, mentions, milestones
        self.window, self.top = window, top
        articles = _articles(corpus_or_articles)
        sources = sorted(articles["source"].fillna(UNKNOWN_SOURCE).astype(str).unique()) \
            if "source" in articles else []
        entities = [("(all entities · كل الجهات)", "")]
        if mentions is not None and len(mentions):
            counts = mentions.groupby(["entity_id", "name_ar"]).size().sort_values(ascending=False)
            entities += [(f"{name} · {entity_id} ({n})", entity_id) for (entity_id, name), n in counts.items()]
        self.query = w.Text(value=query, description="بحث · search", placeholder="كلمة أو عبارة")
        self.entity = w.Dropdown(options=entities, value="", description="جهة · entity")
        self.sources = w.SelectMultiple(options=sources, value=(), description="مصدر · source", rows=min(5, len(sources) or 1))
        self.start = w.DatePicker(description="من · from")
        self.end = w.DatePicker(description="إلى · to")
        self.status = w.HTML()
        self.output = w.Output()
        self.selection: Selection | None = None
        self.kwic = pd.DataFrame(columns=KWIC_COLUMNS)
        self.sources_table = pd.DataFrame(columns=SOURCE_COLUMNS)
        self.message = ""
        super().__init__([w.HBox([self.query, self.entity]), w.HBox([self.sources, w.VBox([self.start, self.end])]),
                          self.status, self.output])
        for control in (self.query, self.entity, self.sources, self.start, self.end):
            control.observe(lambda _change: self.refresh(), names="value")
        self.refresh()

    def __repr__(self) -> str:  # what a static page shows instead of the live controls
        return (f"Explorer: search, entity, source and date filters over {len(_articles(self.corpus))} articles "
                f"(open the notebook in JupyterLab and run it to use them). {self.message}")

    def refresh(self) -> None:
        """Apply the controls: recompute the selection, the tables and the chart, and redraw them."""
        from IPython.display import display

        from . import charts
        from .figures import safe_table

        self.output.clear_output(wait=True)
        try:
            self.selection = select(self.corpus, self.mentions, self.milestones,
                                    entity=self.entity.value or None, start=self.start.value, end=self.end.value,
                                    sources=list(self.sources.value) or None)
            articles = self.selection.articles
            self.kwic = search(articles, self.query.value, window=self.window) if self.query.value.strip() \
                else pd.DataFrame(columns=KWIC_COLUMNS)
            self.sources_table = compare_sources(articles, self.selection.mentions, self.selection.milestones)
            found = f", {len(self.kwic)} matches of «{self.query.value.strip()}»" if self.query.value.strip() else ""
            self.message = f"{len(articles)} articles{found}"
        except ValueError as error:  # an empty selection or a query without letters: say so, draw nothing
            self.selection, self.kwic, self.sources_table = None, pd.DataFrame(columns=KWIC_COLUMNS), \
                pd.DataFrame(columns=SOURCE_COLUMNS)
            self.message = str(error)
        self.status.value = f"<p dir='auto'>{_escape(self.message)}</p>"
        if self.selection is None:
            return
        with self.output:
            if len(self.kwic):
                display(safe_table(self.kwic.drop(columns=["char_start", "char_end"])))
            mentions = self.selection.mentions
            if mentions is not None and len(mentions):
                display(charts.entity_frequency_chart(mentions, top=self.top))
            display(safe_table(self.sources_table))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
