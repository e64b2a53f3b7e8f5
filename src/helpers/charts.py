"""The suite's charts: the drawdown timeline and entity frequencies, static and interactive.

matplotlib versions are for slides (every Arabic label goes through ``helpers.rtl``);
plotly versions are for exploration (browsers shape Arabic themselves, so labels stay in
logical order, and corpus text in hover is escaped with ``figures.escape_hover``). Charts
aggregate before drawing (one mark per distinct milestone, top-N entities), so they stay
readable and fast on a large corpus.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import rtl
from .figures import escape_hover

UNKNOWN_SUBJECT = "غير محدد"
TIMELINE_TITLE = "الجدول الزمني للمواعيد المذكورة"
ENTITIES_TITLE = "أكثر الجهات ذكراً"
# One colour per lane, colour-blind safe (Okabe-Ito), in lane order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
FORM_COLOURS = {"name": "#0072B2", "adjective": "#E69F00"}
FORM_LABELS = {"name": "اسم · name", "adjective": "صفة نسبة · adjective"}


# ---------------------------------------------------------------- timeline

def timeline_events(milestones: pd.DataFrame, max_lanes: int = 6, max_events: int | None = None) -> pd.DataFrame:
    """Distinct resolved milestones, one row per (subject, start, end), with mention count and sources.

    Subjects beyond the ``max_lanes`` most mentioned share the lane ``غير محدد`` (unspecified).
    ``max_events`` keeps the most mentioned ones (deadlines and bounds first among equals): a large
    corpus has tens of thousands of distinct dates, and a chart of all of them says nothing.
    """
    resolved = milestones[milestones["start"].notna()].copy()
    resolved["subject"] = resolved["subject"].fillna("").replace("", UNKNOWN_SUBJECT)
    top = resolved["subject"].value_counts().index[:max_lanes]
    resolved.loc[~resolved["subject"].isin(top), "subject"] = UNKNOWN_SUBJECT
    resolved["source"] = resolved["article_id"].astype(str) + " ¶" + resolved["paragraph"].astype(str)
    events = (
        resolved.sort_values(["start", "end", "article_id", "char_start"], kind="stable")
        .groupby(["subject", "start", "end"], sort=False)
        .agg(label=("surface", "first"), precision=("precision", "first"), kind=("kind", "first"),
             mentions=("surface", "size"), articles=("article_id", "nunique"),
             sources=("source", ", ".join), sentence=("sentence", "first"))
        .reset_index()
    )
    events["is_period"] = (events["end"] - events["start"]) >= pd.Timedelta(days=1)
    if max_events is not None and len(events) > max_events:
        events = events.loc[_most_important(events)[:max_events]]
    return events.sort_values(["start", "end"], kind="stable", ignore_index=True)


def _most_important(events: pd.DataFrame) -> list:
    """Event index labels, most mentioned first, deadlines and bounds before plain dates among equals."""
    priority = events["kind"].map({"deadline": 0, "until": 1, "range": 2}).fillna(3)
    ranked = events.assign(priority=priority).sort_values(["mentions", "priority"], ascending=[False, True],
                                                          kind="stable")
    return list(ranked.index)


def _lanes(events: pd.DataFrame) -> list[str]:
    """Lane order: subjects by first date, the unspecified lane last."""
    lanes = list(dict.fromkeys(events.sort_values("start")["subject"]))
    if UNKNOWN_SUBJECT in lanes:
        lanes.remove(UNKNOWN_SUBJECT)
        lanes.append(UNKNOWN_SUBJECT)
    return lanes


def _articles_ar(n: int) -> str:
    """«مقال واحد», «مقالان», «5 مقالات», «12 مقالاً», «100 مقال»: the noun agrees with the number."""
    if n == 1:
        return "مقال واحد"
    if n == 2:
        return "مقالان"
    if 3 <= n % 100 <= 10:
        return f"{n} مقالات"
    if 11 <= n % 100 <= 99:
        return f"{n} مقالاً"
    return f"{n} مقال"


def corpus_title(what: str, frame: pd.DataFrame, corpus: str | None = None, years: bool = False) -> str:
    """A default chart title that follows the corpus, not one topic: what the chart shows, then on a second line
    the corpus name (``corpus=``, or ``frame.attrs["corpus"]``), how many articles the frame covers and, for
    time charts (``years``), the years of its dates."""
    scope = []
    name = corpus or frame.attrs.get("corpus")
    if name:
        scope.append(str(name))
    if "article_id" in frame and len(frame):
        scope.append(_articles_ar(frame["article_id"].nunique()))
    if years and "start" in frame and frame["start"].notna().any():
        first, last = frame["start"].min().year, frame[frame["start"].notna()]["end"].max().year
        scope.append(str(first) if first == last else f"{first}–{last}")
    return what + ("\n" + " · ".join(scope) if scope else "")


def _plotly_title(title: str) -> str:
    return title.replace("\n", "<br>")


def _nothing_to_draw(title: str, message: str, figsize=(9, 2.2)):
    """A matplotlib figure that says why there is nothing to draw (no empty axis from 1970-01-01)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(figsize[0], 2.2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, rtl.ar(message), ha="center", va="center", fontsize=11, color="#555555",
            transform=ax.transAxes)
    rtl.title(ax, title)
    return fig


def _nothing_to_draw_plotly(title: str, message: str):
    """The plotly counterpart of ``_nothing_to_draw``: no trace, no axis, the reason in the middle."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.update_layout(title=title, height=240, xaxis={"visible": False}, yaxis={"visible": False},
                      annotations=[{"text": "<br>".join(escape_hover(line) for line in message.split("\n")),
                                    "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                                    "font": {"size": 14, "color": "#555555"}}])
    return fig


def _no_dated_milestones(milestones: pd.DataFrame) -> str:
    n = len(milestones)
    return (f"لا مواعيد مؤرخة في الجدول\nno milestones match: {n} milestone{'s' if n != 1 else ''} in the table, "
            "none with a resolved date")


NO_MENTIONS = "لا إشارات إلى جهات\nno mentions to count: the mentions table is empty"


def timeline_chart(milestones: pd.DataFrame, title: str | None = None,
                   max_lanes: int = 6, max_events: int = 40, max_labels: int = 12, figsize=(11, 6), *,
                   corpus: str | None = None):
    """A slide-ready timeline: periods as bars, dated events as markers, one lane per subject.

    It draws the ``max_events`` and labels the ``max_labels`` most mentioned milestones, so a large
    corpus stays legible (and fast: a mark costs about a millisecond to draw).
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    if title is None:
        title = corpus_title(TIMELINE_TITLE, milestones, corpus, years=True)
    events = timeline_events(milestones, max_lanes=max_lanes, max_events=max_events)
    if events.empty:
        return _nothing_to_draw(title, _no_dated_milestones(milestones), figsize)
    labelled = _most_important(events)[:max_labels]
    ranks = {index: rank for rank, index in enumerate(labelled)}
    notes = []
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    lanes = _lanes(events)
    for lane_no, lane in enumerate(lanes):
        colour = PALETTE[lane_no % len(PALETTE)]
        lane_events = events[events["subject"] == lane]
        for i, (index, ev) in enumerate(lane_events.iterrows()):
            start = mdates.date2num(ev["start"])
            label = ev["label"] + (f" ×{ev['mentions']}" if ev["mentions"] > 1 else "")
            label = label if index in labelled else ""
            rank = ranks.get(index, len(ranks))
            if ev["is_period"]:
                # a period: a bar on the lane, its label centred underneath
                width = mdates.date2num(ev["end"] + pd.Timedelta(days=1)) - start
                ax.barh(lane_no, width, left=start, height=0.28, color=colour, alpha=0.55, edgecolor=colour)
                notes.append((rank, rtl.annotate(ax, label, (start + width / 2, lane_no), xytext=(0, -16),
                                                 textcoords="offset points", ha="center", va="top", fontsize=8.5,
                                                 color="#222222")))
            else:
                # an event: a diamond above the lane, labels alternating in height so neighbours do not collide
                y = lane_no - 0.22
                ax.plot(start, y, marker="D", markersize=7, color=colour, zorder=3)
                notes.append((rank, rtl.annotate(ax, label, (start, y), xytext=(0, 8 + 11 * (i % 2)),
                                                 textcoords="offset points", ha="center", va="bottom", fontsize=8.5,
                                                 color="#222222")))
        ax.axhline(lane_no, color=colour, linewidth=0.6, alpha=0.4, zorder=0)
    rtl.set_ticklabels(ax, lanes, axis="y")
    ax.yaxis.tick_right()  # lane names at the right edge, where Arabic starts
    ax.set_ylim(len(lanes) - 0.5, -0.9)
    _date_axis(ax, minticks=4, maxticks=10)
    rtl.title(ax, title)
    _drop_colliding(fig, notes)
    return fig



def _date_axis(ax, minticks: int, maxticks: int) -> None:
    """A time axis at the bottom of a lane chart: concise date ticks, light vertical grid, no top/left frame."""
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=minticks, maxticks=maxticks))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    for side in ("top", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", alpha=0.3)

def _drop_colliding(fig, notes) -> None:
    """Remove labels that would overprint a more important one (lower rank wins)."""
    renderer = fig._get_renderer()
    placed = []
    for _, note in sorted(notes, key=lambda pair: pair[0]):
        if not note.get_text():
            continue
        box = note.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(other) for other in placed):
            note.remove()
        else:
            placed.append(box)


def timeline_plotly(milestones: pd.DataFrame, title: str | None = None,
                    max_lanes: int = 6, max_events: int = 500, *, corpus: str | None = None):
    """The same timeline to explore: hover shows the Arabic sentence, the article and paragraph."""
    import plotly.graph_objects as go

    if title is None:
        title = corpus_title(TIMELINE_TITLE, milestones, corpus, years=True)
    title = _plotly_title(title)
    events = timeline_events(milestones, max_lanes=max_lanes, max_events=max_events)
    if events.empty:
        return _nothing_to_draw_plotly(title, _no_dated_milestones(milestones))
    lanes = _lanes(events)
    fig = go.Figure()
    for lane_no, lane in enumerate(lanes):
        colour = PALETTE[lane_no % len(PALETTE)]
        lane_events = events[events["subject"] == lane]
        xs, ys, hover = [], [], []
        for ev in lane_events.itertuples(index=False):
            end = ev.end + pd.Timedelta(days=1) if ev.is_period else ev.start
            xs += [ev.start, end, None]
            ys += [lane, lane, None]
            text = (f"<b>{escape_hover(ev.label)}</b><br>"
                    + hover_text(f"{ev.start:%Y-%m-%d} → {ev.end:%Y-%m-%d} ({ev.precision})", ev.sentence,
                                 _first_sources(ev.sources)))
            hover += [text, text, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", name=lane, line={"color": colour, "width": 10},
                                 marker={"size": 11, "symbol": "diamond"}, hovertext=hover, hoverinfo="text"))
    fig.update_layout(title=title, height=160 + 70 * len(lanes), showlegend=False,
                      yaxis={"categoryorder": "array", "categoryarray": lanes[::-1], "side": "right"},
                      xaxis={"type": "date"}, margin={"l": 30, "r": 140, "t": 60, "b": 40})
    return fig


def _wrap(text, width: int = 70) -> list[str]:
    """A long sentence as lines of at most ``width`` characters (a longer word stands on its own line)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def _first_sources(sources: str, n: int = 6) -> str:
    """The first ``n`` of a comma-separated source list and how many more (a date cited in 300 articles
    would otherwise fill the screen)."""
    parts = str(sources).split(", ")
    return ", ".join(parts[:n]) + (f" … (+{len(parts) - n})" if len(parts) > n else "")


def hover_text(*lines, width: int = 60) -> str:
    """Plotly hover text: each line escaped (``figures.escape_hover``) and wrapped at ``width`` characters,
    lines joined with ``<br>``, the only line break plotly draws (it shows "\\n" as a space and never wraps
    hover text itself, so an unwrapped sentence made a box wider than the plot)."""
    return "<br>".join(escape_hover(part) for line in lines for part in _wrap(line, width))


# ---------------------------------------------------------------- entities

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
    labels = [_entity_label(r) for r in wide.itertuples()]
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

    from .explore import nearest_error

    if str(article_id) not in set(mentions["article_id"].astype(str)):
        raise nearest_error(article_id, mentions["article_id"], "article id", " in the mentions table")
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


# ---------------------------------------------------------------- the announced drawdown (helpers.drawdown)

def _claimant_colours(claimants) -> dict[str, str]:
    """One colour per claimant, in order of first appearance; the outlet's own voice is grey."""
    colours, palette = {}, [c for c in PALETTE if c != "#000000"]
    for claimant in dict.fromkeys(claimants):
        colours[claimant] = "#888888" if claimant == "media" else palette[len(colours) % len(palette)]
    return colours


def drawdown_timeline(milestones: pd.DataFrame, drawdown_only: bool = True,
                      title: str | None = None, *, corpus: str | None = None):
    """Interactive timeline of the announced drawdown milestones: one lane per place, marks coloured by
    claimant (one legend entry each), hover with event, place, claimant, dates, the Arabic sentence and
    its article. ``drawdown_only=False`` draws every dated milestone."""
    import plotly.graph_objects as go

    from .drawdown import drawdown_milestones

    rows = drawdown_milestones(milestones, drawdown_only=drawdown_only)
    if title is None:
        what = "مواعيد الانسحاب المعلنة: من قالها ومتى" if drawdown_only else "المواعيد المذكورة: من قالها ومتى"
        title = corpus_title(what, rows, corpus or milestones.attrs.get("corpus"), years=True)
    title = _plotly_title(title)
    if rows.empty:
        dated = int(milestones["start"].notna().sum())
        why = (f"none of the {dated} dated milestones is an announced drawdown (drawdown_only=False draws them all)"
               if drawdown_only and dated else "no milestone has a resolved date")
        return _nothing_to_draw_plotly(title, f"لا مواعيد انسحاب معلنة\nno milestones match: {why}")
    lanes = list(dict.fromkeys(rows.sort_values("start")["place_ar"]))
    colours = _claimant_colours(rows.sort_values("start")["claimant"])
    fig = go.Figure()
    for claimant, colour in colours.items():
        mine = rows[rows["claimant"] == claimant]
        xs, ys, hover = [], [], []
        for ev in mine.itertuples(index=False):
            end = ev.end + pd.Timedelta(days=1) if ev.end > ev.start else ev.start
            text = hover_text(f"{ev.surface} · {ev.event_ar}", f"المكان: {ev.place_ar}",
                                f"المصدر: {ev.claimant_ar}", f"{ev.start:%Y-%m-%d} → {ev.end:%Y-%m-%d}",
                                ev.sentence, f"{ev.article_id} ¶{ev.paragraph}")
            xs += [ev.start, end, None]
            ys += [ev.place_ar, ev.place_ar, None]
            hover += [text, text, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", name=_claim_label(claimant),
                                 line={"color": colour, "width": 8}, marker={"size": 11, "symbol": "diamond"},
                                 hovertext=hover, hoverinfo="text"))
    fig.update_layout(title=title, height=200 + 60 * max(len(lanes), 1), legend_title_text="الجهة القائلة",
                      yaxis={"categoryorder": "array", "categoryarray": lanes[::-1], "side": "right"},
                      xaxis={"type": "date"}, margin={"l": 30, "r": 140, "t": 60, "b": 40})
    return fig


def _claim_label(value) -> str:
    from .drawdown import claim_label

    return claim_label(value)


def who_said_when_chart(table: pd.DataFrame, title: str | None = None, figsize=(11, 6), *,
                        corpus: str | None = None):
    """For a ``drawdown.who_said_when`` table: one row per (event, place), a mark per claimant and date
    (a period as a bar to its end), coloured by claimant and labelled with the date (×n when repeated), a red
    ring on dates that disagree, and an arrow from a claimant's earlier date to a moved one."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if title is None:
        title = corpus_title("من قال متى: مواعيد الانسحاب حسب الجهة", table, corpus)
    if table.empty:
        return _nothing_to_draw(title, "لا تصريحات بمواعيد انسحاب\nno claims to draw: the who_said_when table is empty",
                                figsize)
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    groups = list(dict.fromkeys(zip(table["event"], table["place"])))
    labels = []
    for event, place in groups:
        first = table[(table["event"] == event) & (table["place"] == place)].iloc[0]
        labels.append(f"{first['event_ar']} · {first['place_ar']}")
    colours = _claimant_colours(table["claimant"])
    for row_no, (event, place) in enumerate(groups):
        claims = table[(table["event"] == event) & (table["place"] == place)]
        # one mark per claimant and date (a deadline repeated in one statement is drawn once, ×n)
        marks = (claims.groupby(["claimant", "start", "end", "date"], sort=False)
                 .agg(n=("article_id", "size"), disagreement=("disagreement", "any"), moved=("moved", "any"))
                 .reset_index())
        seen: dict[str, float] = {}
        for offset, claim in enumerate(marks.itertuples(index=False)):
            start, end = mdates.date2num(pd.Timestamp(claim.start)), mdates.date2num(pd.Timestamp(claim.end))
            y = row_no + 0.16 * (offset % 3 - 1)  # claims of one row side by side, not on top of each other
            colour = colours[claim.claimant]
            if end > start:  # a period: a thin bar to its end, the mark at the end
                ax.plot([start, end], [y, y], color=colour, linewidth=2.5, alpha=0.5, solid_capstyle="butt", zorder=2)
            ax.plot(end, y, marker="o", markersize=8, color=colour, zorder=3, linestyle="none")
            label = claim.date + (f" ×{claim.n}" if claim.n > 1 else "")
            ax.annotate(label, (end, y), xytext=(6, 0), textcoords="offset points", ha="left", va="center",
                        fontsize=7.5, color="#333333")
            if claim.disagreement:
                ax.plot(end, y, marker="o", markersize=14, markerfacecolor="none", markeredgecolor="#D00000",
                        markeredgewidth=1.6, zorder=4, linestyle="none")
            if claim.moved and claim.claimant in seen:
                ax.annotate("", xy=(end, y), xytext=(seen[claim.claimant], y),
                            arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.2})
            seen[claim.claimant] = end
    rtl.set_ticklabels(ax, labels, axis="y", ticks=list(range(len(groups))))
    ax.yaxis.tick_right()
    ax.set_ylim(len(groups) - 0.5, -0.6)
    _date_axis(ax, minticks=3, maxticks=8)
    handles = [Line2D([], [], marker="o", linestyle="none", color=c, markersize=8) for c in colours.values()]
    names = [_claim_label(c) for c in colours]
    handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="none", markeredgecolor="#D00000",
                          markersize=12))
    names.append("تاريخ مختلف عند جهة أو مقال آخر")
    rtl.legend(ax, handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=min(len(names), 4),
               fontsize=8.5, frameon=False)
    rtl.title(ax, title)
    return fig
