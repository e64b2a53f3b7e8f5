"""The suite's charts: the milestone timeline, entity frequencies and the announced drawdown, static and
interactive.

matplotlib versions are for slides (every Arabic label goes through ``helpers.rtl``);
plotly versions are for exploration (browsers shape Arabic themselves, so labels stay in
logical order, and corpus text in hover is escaped with ``figures.escape_hover``). Charts
aggregate before drawing (one mark per distinct milestone, top-N entities), so they stay
readable and fast on a large corpus.

One module a family: ``timeline``, ``entities`` (and article lengths), ``drawdown``, with what they share in
``common`` and the Arabic time axis in ``time_axis``; every chart is importable from ``helpers.charts``.
"""

from __future__ import annotations

from .common import (
    ENTITIES_TITLE,
    FORM_COLOURS,
    FORM_LABELS,
    PALETTE,
    TIMELINE_TITLE,
    UNKNOWN_SUBJECT,
    corpus_title,
    hover_text,
)
from .drawdown import drawdown_timeline, who_said_when_chart
from .entities import (
    cooccurrence_heatmap,
    cooccurrence_matrix,
    entity_frequency_chart,
    entity_frequency_plotly,
    entity_type_chart,
    length_chart,
    paragraph_heatmap,
)
from .timeline import timeline_chart, timeline_events, timeline_plotly

__all__ = [
    "ENTITIES_TITLE", "FORM_COLOURS", "FORM_LABELS", "PALETTE", "TIMELINE_TITLE", "UNKNOWN_SUBJECT",
    "cooccurrence_heatmap", "cooccurrence_matrix", "corpus_title", "drawdown_timeline", "entity_frequency_chart",
    "entity_frequency_plotly", "entity_type_chart", "hover_text", "length_chart", "paragraph_heatmap",
    "timeline_chart", "timeline_events", "timeline_plotly", "who_said_when_chart",
]
