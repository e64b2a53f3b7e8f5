"""Every chart of helpers.charts drawn from small hand-made tables: what it drew (marks, values, labels,
titles), with the Arabic labels checked glyph by glyph against HarfBuzz (tests/rtl_oracle.py).

The tables are written here, row by row, so each expected count can be checked by reading them.
"""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.patches import Rectangle
from rtl_oracle import drawn_text, expected_text, mismatch

from helpers import charts, rtl
from helpers.charts import time_axis

LRI, PDI = "\u2066", "\u2069"


@pytest.fixture(autouse=True)
def arabic_charts():
    rtl.setup()


def drawn_like_harfbuzz(fig, label: str, weight: int = 400) -> str | None:
    """None when ``label`` was drawn once, through rtl.ar, as HarfBuzz shapes it; else what differs."""
    expected = expected_text(rtl.isolate(label), font_file=rtl.font_path(weight))
    return mismatch(drawn_text(fig, rtl.ar(label)), expected, positions=rtl.renderer_shapes())


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def as_written(text: str) -> str:
    """Text without the direction isolates and marks rtl.isolate adds (RLI, PDI, LRM)."""
    return text.replace(rtl.RLI, "").replace(rtl.PDI, "").replace(rtl.LRM, "")


def title_of(ax) -> str:
    return ax.get_title(loc="right")


# ---------------------------------------------------------------- entity tables

def mention(article_id, entity_id, name_ar, name_en, form, type_="GPE", paragraph=1):
    return {"article_id": article_id, "entity_id": entity_id, "name_ar": name_ar, "name_en": name_en,
            "form": form, "type": type_, "paragraph": paragraph}


IRAQ = ("iraq", "العراق", "Iraq")
US = ("united_states", "الولايات المتحدة", "United States")
SYRIA = ("syria", "سوريا", "Syria")
COALITION = ("global_coalition", "التحالف الدولي", "Global Coalition")

# Iraq: 3 names + 1 adjective = 4; United States: 1 name + 2 adjectives = 3; the coalition 2 names; Syria 1 name.
MENTIONS = pd.DataFrame([
    mention("a1", *IRAQ, "name", paragraph=0), mention("a1", *IRAQ, "name", paragraph=1),
    mention("a1", *IRAQ, "adjective", paragraph=1), mention("a2", *IRAQ, "name", paragraph=2),
    mention("a1", *US, "name", paragraph=2), mention("a1", *US, "adjective", paragraph=2),
    mention("a2", *US, "adjective", paragraph=1),
    mention("a1", *COALITION, "name", "ORG", paragraph=1), mention("a1", *COALITION, "name", "ORG", paragraph=3),
    mention("a2", *SYRIA, "name", paragraph=1),
])


def entity_label(entity) -> str:
    _, name_ar, name_en = entity
    return f"{name_ar} · {LRI}{name_en}{PDI}"


def test_entity_frequency_chart_stacks_names_and_adjectives_of_the_top_entities():
    fig = charts.entity_frequency_chart(MENTIONS, top=3, title="الجهات الأكثر ذكراً")
    ax = fig.axes[0]
    drawn = bars(ax)
    # three entities, a name bar and an adjective bar each: names first, adjectives stacked after them
    assert [(b.get_y() + b.get_height() / 2, b.get_x(), b.get_width()) for b in drawn] == [
        (0, 0, 3), (1, 0, 1), (2, 0, 2),   # names of Iraq, the United States, the coalition
        (0, 3, 1), (1, 1, 2), (2, 2, 0),   # adjectives, starting where the names end
    ]
    assert [t.get_text() for t in ax.texts] == ["4", "3", "2"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [rtl.ar(entity_label(e)) for e in (IRAQ, US, COALITION)]
    assert ax.yaxis_inverted()  # the most mentioned at the top
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [rtl.ar(charts.FORM_LABELS["name"]),
                                                                   rtl.ar(charts.FORM_LABELS["adjective"])]
    assert title_of(ax) == rtl.ar("الجهات الأكثر ذكراً")
    # (the oracle reads whole-line isolates only, so the entity labels, which isolate the English name, are
    # checked as text above; the legend's mixed Arabic and Latin label here)
    for label in charts.FORM_LABELS.values():
        assert drawn_like_harfbuzz(fig, label) is None, label
    assert drawn_like_harfbuzz(fig, "الجهات الأكثر ذكراً", weight=700) is None


def test_entity_frequency_plotly_has_one_bar_trace_per_form_in_logical_order():
    fig = charts.entity_frequency_plotly(MENTIONS, top=2, title="الأكثر ذكراً")
    assert [t.name for t in fig.data] == [charts.FORM_LABELS["name"], charts.FORM_LABELS["adjective"]]
    for trace in fig.data:  # the browser shapes Arabic: labels stay as written, isolated right-to-left
        assert list(trace.y) == [rtl.isolate(entity_label(IRAQ)), rtl.isolate(entity_label(US))]
    assert [list(t.x) for t in fig.data] == [[3, 1], [1, 2]]
    assert fig.layout.barmode == "stack" and fig.layout.title.text == "الأكثر ذكراً"


def test_entity_frequency_plotly_puts_its_legend_under_the_chart_not_over_the_labels():
    # the bar labels stand in the right margin; plotly's default legend (x=1.02, top) stood on them
    fig = charts.entity_frequency_plotly(MENTIONS, top=4)
    layout = fig.layout
    assert layout.yaxis.side == "right" and layout.yaxis.automargin  # labels get the room they need
    legend = layout.legend
    assert legend.orientation == "h"
    # anchored in the bottom margin, under the x axis: below the plot area whatever its height
    if legend.yref == "container":
        assert legend.yanchor == "bottom" and legend.y * layout.height < layout.margin.b - 40
    else:
        assert legend.y < 0 and legend.yanchor == "top"


def test_entity_type_chart_counts_mentions_per_type_most_first():
    fig = charts.entity_type_chart(MENTIONS)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["GPE", "ORG"]  # 8 GPE, 2 ORG mentions
    assert [(b.get_x() + b.get_width() / 2, b.get_y(), b.get_height()) for b in bars(ax)] == [
        (0, 0, 5), (1, 0, 2),  # names
        (0, 5, 3), (1, 2, 0),  # adjectives on top
    ]
    # the default title says what the chart shows and how much of the corpus: a1 and a2, two articles
    assert title_of(ax) == rtl.ar("الإشارات حسب نوع الجهة\nمقالان")
    assert drawn_like_harfbuzz(fig, "الإشارات حسب نوع الجهة\nمقالان", weight=700) is None


def test_paragraph_heatmap_shows_one_article_entities_by_paragraph():
    fig = charts.paragraph_heatmap(MENTIONS, "a1")
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    # a1: Iraq in ¶0 once, ¶1 twice (3); the coalition ¶1 and ¶3 and the United States ¶2 twice (2 each,
    # ties in entity_id order)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2", "3"]
    assert grid.tolist() == [[1, 2, 0, 0], [0, 1, 0, 1], [0, 0, 2, 0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == [rtl.ar(entity_label(e)) for e in (IRAQ, COALITION, US)]
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "2", "2"]  # empty cells unlabelled
    assert title_of(ax) == rtl.ar("الإشارات في فقرات المقال a1")
    assert drawn_like_harfbuzz(fig, "الإشارات في فقرات المقال a1", weight=700) is None
    assert ax.get_xlabel() == rtl.ar("الفقرة · paragraph (0 = العنوان)")


PAIRS = pd.DataFrame({
    "name_ar_a": ["العراق", "العراق", "سوريا"],
    "name_ar_b": ["التحالف الدولي", "سوريا", "التحالف الدولي"],
    "sentences": [4, 1, 2],
})


def test_cooccurrence_matrix_is_symmetric_and_ordered_by_connections():
    matrix = charts.cooccurrence_matrix(PAIRS)
    # connections: العراق 4+1 = 5, التحالف الدولي 4+2 = 6, سوريا 1+2 = 3
    assert list(matrix.index) == list(matrix.columns) == ["التحالف الدولي", "العراق", "سوريا"]
    assert matrix.to_numpy().tolist() == [[0, 4, 2], [4, 0, 1], [2, 1, 0]]
    assert list(charts.cooccurrence_matrix(PAIRS, top=2).index) == ["التحالف الدولي", "العراق"]


def test_cooccurrence_heatmap_labels_both_axes_and_each_shared_count():
    fig = charts.cooccurrence_heatmap(PAIRS, title="معاً في جملة")
    ax = fig.axes[0]
    names = ["التحالف الدولي", "العراق", "سوريا"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [rtl.ar(n) for n in names]
    assert [t.get_text() for t in ax.get_xticklabels()] == [rtl.ar(n) for n in names]
    assert sorted(int(t.get_text()) for t in ax.texts) == [1, 1, 2, 2, 4, 4]
    assert title_of(ax) == rtl.ar("معاً في جملة")
    fig.canvas.draw()
    for name in names:  # each name is drawn twice (both axes): check the glyphs of each occurrence
        expected = expected_text(rtl.isolate(name))
        from rtl_oracle import drawn_texts

        occurrences = [t for t in drawn_texts(fig) if t.label == rtl.ar(name)]
        assert len(occurrences) == 2
        assert all(mismatch(t, expected, positions=rtl.renderer_shapes()) is None for t in occurrences)


# ---------------------------------------------------------------- corpus

def test_length_chart_draws_one_bar_per_article_longest_first():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "n_words": [120, 480, 300]})
    fig = charts.length_chart(articles)
    ax = fig.axes[0]
    assert [b.get_height() for b in bars(ax)] == [480, 300, 120]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["b", "c", "a"]
    assert ax.get_ylabel() == rtl.ar("كلمات · words")
    assert drawn_like_harfbuzz(fig, "أطوال المقالات بالكلمات\n3 مقالات", weight=700) is None


def test_length_chart_of_a_large_corpus_is_a_histogram_of_articles():
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(100)], "n_words": range(100, 200)})
    fig = charts.length_chart(articles)
    ax = fig.axes[0]
    assert len(bars(ax)) == 40 and sum(b.get_height() for b in bars(ax)) == 100  # every article counted once
    assert ax.get_xlabel() == rtl.ar("عدد الكلمات · words") and ax.get_ylabel() == rtl.ar("مقالات · articles")


# ---------------------------------------------------------------- timeline (public parameters only)

def milestone(article_id, surface, start, end, subject="", kind="date", precision="day", paragraph=1,
              char_start=0, sentence=None):
    return {"article_id": article_id, "surface": surface, "start": pd.Timestamp(start) if start else pd.NaT,
            "end": pd.Timestamp(end) if end else pd.NaT, "subject": subject, "kind": kind,
            "precision": precision, "paragraph": paragraph, "char_start": char_start,
            "sentence": sentence or f"جملة فيها {surface}."}


# The same deadline in two articles (one mark, ×2), a month-long period, a lone date, one unresolved row.
MILESTONES = pd.DataFrame([
    milestone("a1", "نهاية سبتمبر 2025", "2025-09-30", "2025-09-30", "التحالف", "deadline"),
    milestone("a2", "نهاية أيلول 2025", "2025-09-30", "2025-09-30", "التحالف", "deadline", char_start=40),
    milestone("a1", "سبتمبر 2026", "2026-09-01", "2026-09-30", "إقليم كردستان", precision="month"),
    milestone("a2", "يناير 2024", "2024-01-10", "2024-01-10", ""),
    milestone("a2", "أمس", None, None, ""),
])


def test_timeline_chart_draws_one_mark_per_distinct_milestone_and_labels_them():
    fig = charts.timeline_chart(MILESTONES, title="مراحل الانسحاب")
    ax = fig.axes[0]
    markers = [line for line in ax.lines if line.get_marker() == "D"]
    periods = [b for b in bars(ax) if b.get_width() > 0]
    assert len(markers) == 2 and len(periods) == 1  # the deadline once, the lone date; the month as a bar
    labels = sorted(t.get_text() for t in ax.texts if t.get_text())
    assert labels == sorted(rtl.ar(s) for s in ["نهاية سبتمبر 2025 ×2", "سبتمبر 2026", "يناير 2024"])
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes == [rtl.ar(s) for s in ["التحالف", "إقليم كردستان", charts.UNKNOWN_SUBJECT]]
    assert title_of(ax) == rtl.ar("مراحل الانسحاب")
    assert drawn_like_harfbuzz(fig, "مراحل الانسحاب", weight=700) is None
    assert drawn_like_harfbuzz(fig, "نهاية سبتمبر 2025 ×2") is None


def test_timeline_chart_labels_only_the_most_mentioned_when_asked():
    fig = charts.timeline_chart(MILESTONES, max_labels=1)
    assert [t.get_text() for t in fig.axes[0].texts if t.get_text()] == [rtl.ar("نهاية سبتمبر 2025 ×2")]


def test_timeline_plotly_has_a_lane_per_subject_and_hover_with_the_sentence():
    fig = charts.timeline_plotly(MILESTONES, title="للاستكشاف")
    assert [t.name for t in fig.data] == ["التحالف", "إقليم كردستان", charts.UNKNOWN_SUBJECT]
    points = [(t.name, x) for t in fig.data for x in t.x if x is not None]
    assert len(points) == 6  # each milestone a segment of two points: start and end (+1 day for a period)
    hovers = [h for t in fig.data for h in t.hovertext if h]
    assert any("جملة فيها نهاية سبتمبر 2025." in h and "a1 ¶1, a2 ¶1" in h for h in hovers)
    assert fig.layout.title.text == "للاستكشاف"


def test_timeline_plotly_hover_breaks_long_sentences_with_br_not_newlines():
    # plotly draws "\n" in hover text as a space: the box was one line as wide as the sentence
    rows = MILESTONES.copy()
    words = ["أعلنت", "الحكومة", "أن", "القوات", "ستغادر", "القواعد", "تدريجيا", "خلال", "الأشهر", "المقبلة"]
    rows.loc[0, "sentence"] = " ".join(words * 8)  # 80 words, about 500 characters
    hover = next(h for t in charts.timeline_plotly(rows).data for h in t.hovertext if h and "أعلنت" in h)
    assert "\n" not in hover
    lines = as_written(hover).split("<br>")
    assert len(lines) >= 9  # label, dates, the sentence over several lines, sources
    assert max(len(line) for line in lines) <= 60 + len("<b></b>") + len("نهاية سبتمبر 2025")
    assert " ".join(lines[2:-1]) == " ".join(words * 8)  # every word kept, in order


def test_hover_text_is_the_one_helper_of_both_timelines():
    assert charts.hover_text("a <b>", "x " * 40, width=20) == "<br>".join(
        ["a &lt;b&gt;"] + ["x " * 9 + "x"] * 4)
    # an Arabic line reads right-to-left whatever plotly's own direction (a right-to-left isolate); corpus text
    # stays as written inside it (no marks a reader would copy with it)
    assert charts.hover_text("المصدر: الوزارة") == f"{rtl.RLI}المصدر: الوزارة{rtl.PDI}"
    assert charts.hover_text("قال <script>alert(1)</script> أمس") == \
        f"{rtl.RLI}قال &lt;script&gt;alert(1)&lt;/script&gt; أمس{rtl.PDI}"


def test_timeline_plotly_keeps_markup_in_hover_as_text():
    rows = MILESTONES.copy()
    rows.loc[0, "sentence"] = "<img src=x onerror=alert(1)> في نهاية سبتمبر 2025"
    hovers = [as_written(h) for t in charts.timeline_plotly(rows).data for h in t.hovertext if h]
    assert not any("<img" in h for h in hovers)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in h for h in hovers)


def test_charts_are_not_left_open_in_pyplot():
    # the matplotlib charts are Figure objects, not pyplot figures: a notebook shows each once
    before = matplotlib.pyplot.get_fignums()
    charts.length_chart(pd.DataFrame({"article_id": ["a"], "n_words": [10]}))
    assert matplotlib.pyplot.get_fignums() == before


# ---------------------------------------------------------------- clear errors, empty selections (issue 15)

def says(fig) -> str:
    """All the text a chart shows: matplotlib texts of every axes, or plotly annotations and title."""
    if hasattr(fig, "to_plotly_json"):
        return " ".join([a.text for a in fig.layout.annotations] + [fig.layout.title.text or ""])
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts + [ax.title, ax._right_title])


def draws_no_axis(fig) -> bool:
    """No empty time axis (matplotlib drew one from 1970-01-01; plotly an empty date axis)."""
    if hasattr(fig, "to_plotly_json"):
        return fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False and not fig.data
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()
    return all(not ax.axison for ax in fig.axes)


UNRESOLVED_ONLY = MILESTONES[MILESTONES["start"].isna()]


@pytest.mark.parametrize("chart", [charts.timeline_chart, charts.timeline_plotly])
def test_a_timeline_of_no_dated_milestone_says_so_instead_of_an_empty_1970_axis(chart):
    fig = chart(UNRESOLVED_ONLY)
    assert draws_no_axis(fig)
    assert "no milestones match" in says(fig) and "1 milestone" in says(fig)  # what the table did hold


def test_a_drawdown_timeline_of_a_corpus_without_drawdown_claims_says_so():
    rows = MILESTONES.assign(event="talks", place="", actor="", claimant="media", negated=False)
    fig = charts.drawdown_timeline(rows)
    assert draws_no_axis(fig)
    assert "no milestones match" in says(fig) and "drawdown_only=False" in says(fig)


def test_charts_of_no_mention_or_claim_say_so():
    for fig in (charts.entity_frequency_chart(MENTIONS.iloc[:0]), charts.entity_frequency_plotly(MENTIONS.iloc[:0]),
                charts.entity_type_chart(MENTIONS.iloc[:0])):
        assert draws_no_axis(fig) and "no mentions" in says(fig)
    from helpers.drawdown import WHO_SAID_WHEN_COLUMNS

    fig = charts.who_said_when_chart(pd.DataFrame(columns=WHO_SAID_WHEN_COLUMNS))
    assert draws_no_axis(fig) and "no claims" in says(fig)


def test_an_unknown_article_id_names_the_nearest_ones():
    with pytest.raises(ValueError, match=r"'a9'.*did you mean") as error:
        charts.paragraph_heatmap(MENTIONS, "a9")
    assert "'a1'" in str(error.value) and "'a2'" in str(error.value)
    with pytest.raises(ValueError, match=r"'A1'.*did you mean 'a1'"):
        charts.paragraph_heatmap(MENTIONS, "A1")


# ---------------------------------------------------------------- default titles follow the corpus (issue 15)

ONE_ARTICLE = pd.DataFrame([milestone("b7", "مارس 2031", "2031-03-01", "2031-03-31", "", precision="month")])


@pytest.mark.parametrize("chart", [charts.timeline_chart, charts.timeline_plotly])
def test_the_default_timeline_title_follows_the_corpus_not_the_seed_topic(chart):
    def title(fig):  # the text as written (matplotlib gets it through rtl.ar, with direction isolates)
        text = fig.layout.title.text if hasattr(fig, "to_plotly_json") else title_of(fig.axes[0])
        return text.replace(rtl.RLI, "").replace(rtl.PDI, "")

    seed_like, other = title(chart(MILESTONES)), title(chart(ONE_ARTICLE))
    for text in (seed_like, other):
        assert "التحالف" not in text  # the seed's topic (the coalition's mission) is no default
    # MILESTONES: articles a1 and a2, dates from 2024 to 2026; ONE_ARTICLE: one article, March 2031
    assert "مقالان" in seed_like and "2024–2026" in seed_like
    assert "مقال واحد" in other and "2031" in other and "2024" not in other
    named = title(chart(ONE_ARTICLE, corpus="أرشيف الوكالة"))
    assert "أرشيف الوكالة" in named
    assert title(chart(ONE_ARTICLE, "عنوان من المحلل")) == "عنوان من المحلل"  # a title given is kept as is


def test_default_entity_titles_count_the_articles_of_the_frame():
    assert title_of(charts.entity_frequency_chart(MENTIONS).axes[0]) == rtl.ar(f"{charts.ENTITIES_TITLE}\nمقالان")
    assert charts.entity_frequency_plotly(MENTIONS).layout.title.text == f"{charts.ENTITIES_TITLE}<br>مقالان"


@pytest.mark.parametrize(("n", "phrase"), [(1, "مقال واحد"), (2, "مقالان"), (3, "3 مقالات"), (10, "10 مقالات"),
                                           (11, "11 مقالاً"), (99, "99 مقالاً"), (100, "100 مقال"),
                                           (103, "103 مقالات"), (1000, "1000 مقال")])
def test_article_counts_agree_with_the_number_in_arabic(n, phrase):
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)]})
    assert charts.corpus_title("عنوان", frame) == f"عنوان\n{phrase}"


# ---------------------------------------------------------------- time axes in Arabic (issue 15)

EGYPT = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
         "ديسمبر"]  # the Egyptian names, first in data/calendar/months.csv


def test_month_names_come_from_the_calendar_table():
    assert time_axis.month_names() == tuple(EGYPT)
    assert time_axis.month_names("levant")[8] == "أيلول" and time_axis.month_names("maghreb")[0] == "جانفي"
    assert time_axis.month_names("maghreb")[2] == "مارس"  # not listed for the Maghreb: the first name given
    with pytest.raises(ValueError, match="no region 'mars'.*levant"):
        time_axis.month_names("mars")


def test_date_ticks_name_months_and_put_the_year_where_it_changes():
    ticks = time_axis.date_ticks("2024-10-01", "2025-04-30")
    assert len(ticks) >= 3
    previous_year = None
    for tick, label in ticks:
        month = EGYPT[tick.month - 1]
        assert label.startswith((month, f"{tick.day} {month}")), label
        assert label.endswith(str(tick.year)) == (tick.year != previous_year), label  # the year where it changes
        previous_year = tick.year
    assert [label for _, label in time_axis.date_ticks("2010-01-01", "2030-01-01")] == \
        [str(tick.year) for tick, _ in time_axis.date_ticks("2010-01-01", "2030-01-01")]  # years alone
    arabic = time_axis.date_ticks("2024-10-01", "2025-04-30", digits="arabic")
    assert [t for t, _ in arabic] == [t for t, _ in ticks]
    assert arabic[0][1] == ticks[0][1].replace("2024", "٢٠٢٤") and not any(c.isascii() for _, lab in arabic for c in lab
                                                                          if c.isdigit())
    with pytest.raises(ValueError, match="digits must be one of"):
        time_axis.date_ticks("2024-10-01", "2025-04-30", digits="roman")


def test_a_bad_row_of_the_months_table_is_named(tmp_path, monkeypatch):
    (tmp_path / "calendar").mkdir()
    (tmp_path / "calendar" / "months.csv").write_text(
        "name,calendar,month,region,bare_ok\nيناير,gregorian,1,egypt,1\nشهر,gregorian,13,egypt,1\n", encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match=r"months.csv, line 3: month '13'"):
        time_axis.month_names()


@pytest.mark.parametrize(("arabic_dates", "digits", "january"), [(True, "western", "يناير"),
                                                                 ("levant", "arabic", "كانون الثاني")])
def test_timeline_time_axis_reads_the_same_in_arabic_in_matplotlib_and_plotly(arabic_dates, digits, january):
    slide = charts.timeline_chart(MILESTONES, arabic_dates=arabic_dates, digits=digits)
    browser = charts.timeline_plotly(MILESTONES, arabic_dates=arabic_dates, digits=digits)
    # MILESTONES run from 2024-01-10 to 2026-09-30: month ticks, each year named once
    expected = time_axis.date_ticks("2024-01-10", "2026-10-01", region="egypt" if arabic_dates is True else "levant",
                                    digits=digits, max_ticks=10)
    ax = slide.axes[0]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(slide).draw()
    shown = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert shown == [rtl.ar(label) for _, label in expected]
    assert list(browser.layout.xaxis.ticktext) == [rtl.isolate(label) for _, label in expected]
    assert list(browser.layout.xaxis.tickvals) == [f"{tick:%Y-%m-%d}" for tick, _ in expected]
    assert any(label.startswith(january) for _, label in expected)
    assert all(c not in "0123456789" for _, label in expected for c in label) == (digits == "arabic")
    assert drawn_like_harfbuzz(slide, expected[0][1]) is None  # the Arabic tick label drawn right


def test_who_said_when_and_drawdown_charts_take_arabic_dates_too():
    from helpers.drawdown import who_said_when

    rows = MILESTONES.assign(event="withdrawal", place="iraq", actor="", claimant="media", negated=False)
    said = who_said_when(rows)
    labels = [t.get_text() for t in charts.who_said_when_chart(said, arabic_dates=True).axes[0].get_xticklabels()]
    assert labels and all(any(m in label for m in EGYPT) or label.isdigit() for label in labels if label)
    axis = charts.drawdown_timeline(rows, arabic_dates=True).layout.xaxis
    assert axis.ticktext and all(any(m in label for m in EGYPT) or label.strip("\u2067\u2069").isdigit()
                                 for label in axis.ticktext)
