"""matplotlib chart helpers that put every Arabic label through ``ar()``: titles, axis and tick labels,
legends that read right-to-left, annotations, and a panel for comparing recipes."""

from __future__ import annotations

from collections.abc import Sequence

from .text import ar

__all__ = ["annotate", "axis_labels", "label_panel", "legend", "set_ticklabels", "title"]


def title(ax, text: str, **kwargs):
    """Set an axes title, right-aligned; each line of a multi-line title gets its own direction."""
    kwargs.setdefault("loc", "right")
    return ax.set_title(ar(text), **kwargs)


def axis_labels(ax, xlabel: str | None = None, ylabel: str | None = None, **kwargs) -> None:
    """Set the x and/or y axis labels through ar()."""
    if xlabel is not None:
        ax.set_xlabel(ar(xlabel), **kwargs)
    if ylabel is not None:
        ax.set_ylabel(ar(ylabel), **kwargs)


def set_ticklabels(ax, labels: Sequence[str], axis: str = "x", ticks: Sequence[float] | None = None, **kwargs):
    """Put Arabic category labels on an axis (at ``ticks``, default 0..n-1)."""
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', not {axis!r}")
    positions = list(range(len(labels))) if ticks is None else list(ticks)
    setter = ax.set_xticks if axis == "x" else ax.set_yticks
    return setter(positions, [ar(label) for label in labels], **kwargs)


def legend(ax, handles: Sequence | None = None, labels: Sequence[str] | None = None, **kwargs):
    """A legend that reads right-to-left: marker to the right of its label, entries right-aligned."""
    if handles is None or labels is None:
        found_handles, found_labels = ax.get_legend_handles_labels()
        handles = found_handles if handles is None else handles
        labels = found_labels if labels is None else labels
    if "title" in kwargs and kwargs["title"] is not None:
        kwargs["title"] = ar(kwargs["title"])
    kwargs.setdefault("markerfirst", False)
    kwargs.setdefault("alignment", "right")
    return ax.legend(list(handles), [ar(label) for label in labels], **kwargs)


def annotate(ax, text: str, xy: tuple[float, float], **kwargs):
    """Annotate a point with an Arabic note, anchored at its right end (where Arabic starts)."""
    kwargs.setdefault("ha", "right")
    return ax.annotate(ar(text), xy, **kwargs)


def label_panel(rows: Sequence[tuple], size: float = 16, width: float = 6.5):
    """A figure showing labels exactly as given, one row each with a caption on the left.

    For comparing recipes side by side; rows are ``(caption, text)`` or ``(caption, text, text_kwargs)``.
    A plain ``Figure`` (not pyplot), so a notebook shows it once.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, 0.55 * len(rows) + 0.2))
    ax = fig.add_axes((0, 0, 1, 1))  # IPython shows only figures that have axes
    ax.set_axis_off()
    for row, (caption, text, *options) in enumerate(rows):
        y = 1 - (row + 0.5) / len(rows)
        ax.text(0.02, y, caption, ha="left", va="center", size=10, color="0.4", parse_math=False)
        ax.text(0.98, y, text, ha="right", va="center", size=size, **(options[0] if options else {}))
    return fig


