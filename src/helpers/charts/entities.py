"""Entity charts: the most mentioned entities (names vs country adjectives), mentions by type, by paragraph
of one article, entities sharing a sentence; and the article lengths of a corpus."""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from .. import rtl
from .common import (
    ENTITIES_TITLE,
    FORM_COLOURS,
    FORM_LABELS,
    NO_MENTIONS,
    PALETTE,
    _nothing_to_draw,
    _nothing_to_draw_plotly,
    _plotly_title,
    corpus_title,
)

__all__ = ["cooccurrence_heatmap", "cooccurrence_matrix", "entity_frequency_chart", "entity_frequency_plotly",
           "entity_type_chart", "length_chart", "paragraph_heatmap"]

LRI, PDI = "\u2066", "\u2069"  # isolate the English name so its punctuation stays with it


def _entity_label(row) -> str:
    return f"{row.name_ar} · {LRI}{row.name_en}{PDI}"


def entity_frequency_chart(mentions: pd.DataFrame, top: int = 15,
                           title: str | None = None, figsize=(10, 6), *, corpus: str | None = None):
    """Horizontal bars of the ``top`` most mentioned entities, names and adjectives stacked."""
    from matplotlib.figure import Figure

    if title is None:
        title = corpus_title(ENTITIES_TITLE, mentions, corpus)
    if mentions.empty:
        return _nothing_to_draw(title, NO_MENTIONS, figsize)
    wide = _by_entity_and_form(mentions, top)
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(wide))
    left = pd.Series(0, index=wide.index)
    for form in ("name", "adjective"):
        ax.barh(list(positions), wide[form], left=left, color=FORM_COLOURS[form], label=FORM_LABELS[form])
        left = left + wide[form]
    for y, total in zip(positions, left):
        ax.text(total + 0.1, y, str(int(total)), va="center", fontsize=9)
    rtl.set_ticklabels(ax, [_entity_label(r) for r in wide.itertuples()], axis="y")
    ax.invert_yaxis()
    ax.set_xlabel(rtl.ar("عدد الإشارات · mentions"))
    rtl.legend(ax, loc="lower right")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    rtl.title(ax, title)
    return fig


def _by_entity_and_form(mentions: pd.DataFrame, top: int) -> pd.DataFrame:
    wide = (mentions.groupby(["entity_id", "name_ar", "name_en", "form"]).size().unstack("form", fill_value=0)
            .reindex(columns=["name", "adjective"], fill_value=0))
    wide["total"] = wide.sum(axis=1)
    wide = wide.sort_values(["total", "name"], ascending=False, kind="stable").head(top)
    return wide.reset_index().set_index("entity_id")


def entity_frequency_plotly(mentions: pd.DataFrame, top: int = 25,
                            title: str | None = None, *, corpus: str | None = None):
    """Interactive stacked bars (names vs adjectives) of the most mentioned entities."""
    import plotly.graph_objects as go

    title = _plotly_title(corpus_title(ENTITIES_TITLE, mentions, corpus) if title is None else title)
    if mentions.empty:
        return _nothing_to_draw_plotly(title, NO_MENTIONS)
    wide = _by_entity_and_form(mentions, top)
    labels = [rtl.isolate(_entity_label(r)) for r in wide.itertuples()]  # right-to-left: the Arabic name first
    fig = go.Figure()
    for form in ("name", "adjective"):
        fig.add_trace(go.Bar(y=labels, x=wide[form].tolist(), orientation="h", name=FORM_LABELS[form],
                             marker_color=FORM_COLOURS[form]))
    # The bar labels stand at the right (where Arabic starts), which is where plotly puts a legend: it
    # covered the top labels («اق» for العراق). The legend goes in a row under the chart instead.
    fig.update_layout(barmode="stack", title=title, height=200 + 24 * len(labels),
                      yaxis={"autorange": "reversed", "side": "right", "automargin": True},
                      xaxis={"title": "mentions"}, margin={"r": 20, "t": 60, "b": 100},
                      legend={"orientation": "h", "xref": "paper", "x": 1, "xanchor": "right",
                              "yref": "container", "y": 0.01, "yanchor": "bottom"})
    return fig


def entity_type_chart(mentions: pd.DataFrame, title: str | None = None, figsize=(7, 4), *,
                      corpus: str | None = None):
    """Mentions per entity type (place, organisation, person…), names vs adjectives."""
    from matplotlib.figure import Figure

    if title is None:
        title = corpus_title("الإشارات حسب نوع الجهة", mentions, corpus)
    if mentions.empty:
        return _nothing_to_draw(title, NO_MENTIONS, figsize)
    wide = (mentions.groupby(["type", "form"]).size().unstack("form", fill_value=0)
            .reindex(columns=["name", "adjective"], fill_value=0))
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False).index]
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    bottom = pd.Series(0, index=wide.index)
    for form in ("name", "adjective"):
        ax.bar(range(len(wide)), wide[form], bottom=bottom, color=FORM_COLOURS[form], label=FORM_LABELS[form])
        bottom = bottom + wide[form]
    ax.set_xticks(range(len(wide)), wide.index.tolist())
    ax.set_ylabel(rtl.ar("عدد الإشارات · mentions"))
    rtl.legend(ax)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    rtl.title(ax, title)
    return fig


def paragraph_heatmap(mentions: pd.DataFrame, article_id: str, top: int = 12,
                      title: str | None = None, figsize=(10, 5)):
    """Where in one article each entity is mentioned: entities × paragraphs (0 = title)."""
    from matplotlib.figure import Figure

    from ..explore import nearest_error, same_article_id

    if mentions.empty:  # a corpus that names no entity: no article id to check against
        return _nothing_to_draw(title or f"الإشارات في فقرات المقال {article_id}", NO_MENTIONS, figsize)
    same = same_article_id(article_id, set(mentions["article_id"].astype(str)))  # in whichever Unicode form
    if same is None:
        raise nearest_error(article_id, mentions["article_id"], "article id", " in the mentions table")
    article_id = same
    rows = mentions[mentions["article_id"].astype(str) == str(article_id)]
    grid = rows.groupby(["entity_id", "name_ar", "name_en", "paragraph"]).size().unstack("paragraph", fill_value=0)
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index].head(top)
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(grid.to_numpy(), cmap="Blues", aspect="auto")
    for (y, x), value in pd.DataFrame(grid.to_numpy()).stack().items():
        if value:
            ax.text(x, y, str(value), ha="center", va="center", fontsize=8,
                    color="white" if value > grid.to_numpy().max() / 2 else "black")
    ax.set_xticks(range(grid.shape[1]), [str(p) for p in grid.columns])
    ax.set_xlabel(rtl.ar("الفقرة · paragraph (0 = العنوان)"))
    rtl.set_ticklabels(ax, [f"{ar} · {LRI}{en}{PDI}" for _, ar, en in grid.index], axis="y")
    colourbar = fig.colorbar(image, ax=ax, shrink=0.7, label="mentions")
    colourbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    rtl.title(ax, title or f"الإشارات في فقرات المقال {article_id}")
    return fig


def cooccurrence_heatmap(pairs: pd.DataFrame, top: int = 12,
                         title: str = "الجهات المذكورة في الجملة نفسها", figsize=(8, 7)):
    """Entities × entities: in how many sentences each pair is mentioned together."""
    from matplotlib.figure import Figure

    if pairs.empty:
        return _nothing_to_draw(title, "لا جهتان في جملة واحدة\nno entities share a sentence", figsize)
    matrix = cooccurrence_matrix(pairs, top)
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(matrix.to_numpy(), cmap="Purples")
    labels = list(matrix.index)
    values = matrix.to_numpy()
    for y in range(len(labels)):
        for x in range(len(labels)):
            if values[y, x]:
                ax.text(x, y, str(values[y, x]), ha="center", va="center", fontsize=7,
                        color="white" if values[y, x] > values.max() / 2 else "black")
    rtl.set_ticklabels(ax, labels, axis="y")
    rtl.set_ticklabels(ax, labels, axis="x", rotation=50, ha="right", rotation_mode="anchor")
    colourbar = fig.colorbar(image, ax=ax, shrink=0.6, label="sentences")
    colourbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    rtl.title(ax, title)
    return fig


def cooccurrence_matrix(pairs: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """A symmetric entity × entity table of shared sentences, for the ``top`` most connected entities."""
    both = pd.concat([
        pairs.rename(columns={"name_ar_a": "x", "name_ar_b": "y"})[["x", "y", "sentences"]],
        pairs.rename(columns={"name_ar_b": "x", "name_ar_a": "y"})[["x", "y", "sentences"]],
    ])
    order = both.groupby("x")["sentences"].sum().sort_values(ascending=False, kind="stable").index[:top]
    matrix = both.pivot_table(index="x", columns="y", values="sentences", aggfunc="sum", fill_value=0)
    return matrix.reindex(index=order, columns=order, fill_value=0).astype(int)


# ---------------------------------------------------------------- corpus

def length_chart(articles: pd.DataFrame, title: str | None = None, figsize=(9, 4), *, corpus: str | None = None):
    """Article lengths in words: one bar per article on a small corpus, a histogram on a large one."""
    from matplotlib.figure import Figure

    if title is None:
        title = corpus_title("أطوال المقالات بالكلمات", articles, corpus)
    if articles.empty:
        return _nothing_to_draw(title, "لا مقالات\nno articles to measure", figsize)
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    if len(articles) <= 30:
        ordered = articles.sort_values("n_words", ascending=False, kind="stable")
        ax.bar(range(len(ordered)), ordered["n_words"], color=PALETTE[0])
        ax.set_xticks(range(len(ordered)), ordered["article_id"].astype(str).tolist(), rotation=30, ha="right",
                      rotation_mode="anchor", fontsize=8)
    else:
        ax.hist(articles["n_words"], bins=40, color=PALETTE[0])
        ax.set_xlabel(rtl.ar("عدد الكلمات · words"))
    ax.set_ylabel(rtl.ar("كلمات · words") if len(articles) <= 30 else rtl.ar("مقالات · articles"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    rtl.title(ax, title)
    return fig


