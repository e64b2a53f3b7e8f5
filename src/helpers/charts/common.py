"""What the charts share: colours, default titles that follow the corpus, the figure that says why there is
nothing to draw, and plotly hover text (escaped, wrapped, lines joined with <br>)."""

from __future__ import annotations

import pandas as pd

from .. import rtl
from ..figures import escape_hover

__all__ = ["ENTITIES_TITLE", "FORM_COLOURS", "FORM_LABELS", "NO_MENTIONS", "PALETTE", "TIMELINE_TITLE",
           "UNKNOWN_SUBJECT", "corpus_title", "hover_text"]

UNKNOWN_SUBJECT = "غير محدد"
TIMELINE_TITLE = "الجدول الزمني للمواعيد المذكورة"
ENTITIES_TITLE = "أكثر الجهات ذكراً"
# One colour per lane, colour-blind safe (Okabe-Ito), in lane order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
FORM_COLOURS = {"name": "#0072B2", "adjective": "#E69F00"}
FORM_LABELS = {"name": "اسم · name", "adjective": "صفة نسبة · adjective"}


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
    hover text itself, so an unwrapped sentence made a box wider than the plot). An Arabic line is a right-to-left
    isolate (``rtl.isolate``): plotly lays hover text out left-to-right, which put a sentence's final stop at
    its right end. The corpus text itself is left as written (no marks inside: a reader copies it)."""
    return "<br>".join(escape_hover(rtl.isolate(part, keep_ltr=False)) for line in lines for part in _wrap(line, width))


