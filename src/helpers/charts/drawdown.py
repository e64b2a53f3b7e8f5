"""Charts of the announced drawdown (``helpers.drawdown``): the claims timeline by place and claimant
(plotly) and "who said when" (matplotlib), disagreements ringed and moved dates arrowed."""

from __future__ import annotations

import pandas as pd

from .. import rtl
from .common import (
    PALETTE,
    _nothing_to_draw,
    _nothing_to_draw_plotly,
    _plotly_title,
    corpus_title,
    hover_text,
)
from .time_axis import plotly_date_axis
from .timeline import _date_axis

__all__ = ["drawdown_timeline", "who_said_when_chart"]


def _claimant_colours(claimants) -> dict[str, str]:
    """One colour per claimant, in order of first appearance; the outlet's own voice is grey."""
    colours, palette = {}, [c for c in PALETTE if c != "#000000"]
    for claimant in dict.fromkeys(claimants):
        colours[claimant] = "#888888" if claimant == "media" else palette[len(colours) % len(palette)]
    return colours


def drawdown_timeline(milestones: pd.DataFrame, drawdown_only: bool = True,
                      title: str | None = None, *, corpus: str | None = None, arabic_dates: bool | str = False,
                      digits: str = "western"):
    """Interactive timeline of the announced drawdown milestones: one lane per place, marks coloured by
    claimant (one legend entry each), hover with event, place, claimant, dates, the Arabic sentence and
    its article. ``drawdown_only=False`` draws every dated milestone."""
    import plotly.graph_objects as go

    from ..drawdown import drawdown_milestones

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
                      xaxis=plotly_date_axis(rows["start"].min(), rows["end"].max() + pd.Timedelta(days=1),
                                             arabic_dates, digits),
                      margin={"l": 30, "r": 140, "t": 60, "b": 40})
    return fig


def _claim_label(value) -> str:
    from ..drawdown import claim_label

    return claim_label(value)


def who_said_when_chart(table: pd.DataFrame, title: str | None = None, figsize=(11, 6), *,
                        corpus: str | None = None, arabic_dates: bool | str = False, digits: str = "western"):
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
    span = (pd.to_datetime(table["start"]).min(), pd.to_datetime(table["end"]).max() + pd.Timedelta(days=1))
    _date_axis(ax, minticks=3, maxticks=8, span=span, arabic_dates=arabic_dates, digits=digits)
    handles = [Line2D([], [], marker="o", linestyle="none", color=c, markersize=8) for c in colours.values()]
    names = [_claim_label(c) for c in colours]
    handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="none", markeredgecolor="#D00000",
                          markersize=12))
    names.append("تاريخ مختلف عند جهة أو مقال آخر")
    rtl.legend(ax, handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=min(len(names), 4),
               fontsize=8.5, frameon=False)
    rtl.title(ax, title)
    return fig
