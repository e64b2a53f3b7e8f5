"""The milestone timeline: one lane per subject, periods as bars and dated events as markers, for slides
(matplotlib) and to explore (plotly, hover with the Arabic sentence and its sources)."""

from __future__ import annotations

import pandas as pd

from .. import rtl
from ..figures import escape_hover
from .common import (
    PALETTE,
    TIMELINE_TITLE,
    UNKNOWN_SUBJECT,
    _first_sources,
    _no_dated_milestones,
    _nothing_to_draw,
    _nothing_to_draw_plotly,
    _plotly_title,
    corpus_title,
    hover_text,
)
from .time_axis import plotly_date_axis, set_matplotlib_ticks

__all__ = ["timeline_chart", "timeline_events", "timeline_plotly"]


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


def timeline_chart(milestones: pd.DataFrame, title: str | None = None,
                   max_lanes: int = 6, max_events: int = 40, max_labels: int = 12, figsize=(11, 6), *,
                   corpus: str | None = None, arabic_dates: bool | str = False, digits: str = "western"):
    """A slide-ready timeline: periods as bars, dated events as markers, one lane per subject.

    It draws the ``max_events`` and labels the ``max_labels`` most mentioned milestones, so a large
    corpus stays legible (and fast: a mark costs about a millisecond to draw). ``arabic_dates`` labels the
    time axis in Arabic (True, or a region of the calendar table: "levant" for «أيلول»), with ``digits``
    "western" or "arabic" (the same labels as ``timeline_plotly``'s).
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
    _date_axis(ax, minticks=4, maxticks=10, span=_span(events), arabic_dates=arabic_dates, digits=digits)
    rtl.title(ax, title)
    _drop_colliding(fig, notes)
    return fig



def _span(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first start to the day after the last end: the dates a time axis must show."""
    return events["start"].min(), events["end"].max() + pd.Timedelta(days=1)


def _date_axis(ax, minticks: int, maxticks: int, span=None, arabic_dates: bool | str = False,
               digits: str = "western") -> None:
    """A time axis at the bottom of a lane chart: concise date ticks (or Arabic ones, see ``time_axis``),
    light vertical grid, no top/left frame."""
    import matplotlib.dates as mdates

    if arabic_dates and span is not None:
        set_matplotlib_ticks(ax, *span, arabic_dates, digits, max_ticks=maxticks)
    else:
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
                    max_lanes: int = 6, max_events: int = 500, *, corpus: str | None = None,
                    arabic_dates: bool | str = False, digits: str = "western"):
    """The same timeline to explore: hover shows the Arabic sentence, the article and paragraph; the time axis
    as in ``timeline_chart`` (``arabic_dates``, ``digits``)."""
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
                      xaxis=plotly_date_axis(*_span(events), arabic_dates, digits, max_ticks=10),
                      margin={"l": 30, "r": 140, "t": 60, "b": 40})
    return fig


