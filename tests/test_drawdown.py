"""The announced-drawdown views (helpers.drawdown) and their charts, from small hand-made milestone tables:
what is kept, what is flagged, and what is drawn (lanes, colours, labels, hover), not bytes."""

from __future__ import annotations

import pandas as pd
import pytest
from rtl_oracle import drawn_text, expected_text, mismatch

from helpers import charts, rtl
from helpers.drawdown import claim_label, date_label, drawdown_milestones, who_said_when

LONG = "وقال مسؤولون إن " + "القوات ستغادر القاعدة تدريجياً " * 8 + "في أيلول 2025."


def claim(article_id, start, end, event, place, claimant, surface="أيلول 2025", negated=False, char_start=0,
          sentence="جملة الخبر."):
    return {"article_id": article_id, "surface": surface, "start": pd.Timestamp(start), "end": pd.Timestamp(end),
            "paragraph": 1, "char_start": char_start, "char_end": char_start + len(surface), "sentence": sentence,
            "event": event, "place": place, "actor": "global_coalition", "claimant": claimant, "negated": negated}


# a1 (published 2024-01-10): Washington says the withdrawal from Iraq ends in September 2025, Baghdad says 2025-12-31.
# a2 (2024-03-01): Washington now says 2026-03-31 (moved); a talks date and a denied withdrawal are not drawdown claims.
MILESTONES = pd.DataFrame([
    claim("a1", "2025-09-01", "2025-09-30", "withdrawal", "iraq", "united_states", char_start=10, sentence=LONG),
    claim("a1", "2025-12-31", "2025-12-31", "withdrawal", "iraq", "iraqi_government", "نهاية 2025", char_start=90),
    claim("a2", "2026-03-31", "2026-03-31", "withdrawal", "iraq", "united_states", "نهاية آذار 2026", char_start=5),
    claim("a2", "2024-02-01", "2024-02-01", "talks", "baghdad", "media", "أمس", char_start=40),
    claim("a2", "2025-06-30", "2025-06-30", "withdrawal", "iraq", "pentagon", "حزيران", negated=True, char_start=70),
    claim("a2", "2026-09-01", "2026-09-30", "presence", "syria", "iraqi_government+united_states", "أيلول 2026",
          char_start=120),
])
ARTICLES = pd.DataFrame({"article_id": ["a2", "a1"],
                         "published": pd.to_datetime(["2024-03-01", "2024-01-10"])})


@pytest.fixture(autouse=True)
def arabic_charts():
    rtl.setup()


# ---------------------------------------------------------------- tables

def test_drawdown_claims_are_kept_by_default_and_every_date_is_one_switch_away():
    kept = drawdown_milestones(MILESTONES)
    assert list(kept["surface"]) == ["أيلول 2025", "نهاية 2025", "نهاية آذار 2026", "أيلول 2026"]  # no talks, no denial
    assert len(drawdown_milestones(MILESTONES, drawdown_only=False)) == 6
    assert list(kept["claimant_ar"])[:2] == ["الولايات المتحدة", "الحكومة العراقية"]
    assert kept["place_ar"].iloc[-1] == "سوريا" and kept["event_ar"].iloc[-1] == "بقاء"


def test_labels_of_joint_claimants_the_outlet_and_dates():
    assert claim_label("iraqi_government+united_states") == "الحكومة العراقية + الولايات المتحدة"
    assert claim_label("media") == "الوسيلة الإعلامية"
    assert claim_label("mission_end") == "انتهاء المهمة"
    assert date_label(pd.Timestamp("2025-09-01"), pd.Timestamp("2025-09-30")) == "2025-09"
    assert date_label(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31")) == "2025"
    assert date_label(pd.Timestamp("2025-03-01"), pd.Timestamp("2025-05-31")) == "2025-03-01 – 2025-05-31"


def test_who_said_when_lists_each_claim_by_publication_and_flags_disagreements_and_moves():
    table = who_said_when(MILESTONES, ARTICLES)
    withdrawal = table[(table["event"] == "withdrawal") & (table["place"] == "iraq")]
    assert list(zip(withdrawal["article_id"], withdrawal["claimant"], withdrawal["date"])) == [
        ("a1", "united_states", "2025-09"), ("a1", "iraqi_government", "2025-12-31"),
        ("a2", "united_states", "2026-03-31")]
    assert list(withdrawal["published"]) == ["2024-01-10", "2024-01-10", "2024-03-01"]
    assert withdrawal["disagreement"].all()  # three dates for one event and place
    assert list(withdrawal["moved"]) == [False, False, True]  # Washington's date moved in a2
    assert "2025-09" in withdrawal["note"].iloc[2]
    presence = table[table["event"] == "presence"]
    assert not presence["disagreement"].any() and not presence["moved"].any()  # one claim only


def test_one_claimant_giving_two_forms_of_a_date_in_one_article_is_not_a_disagreement():
    rows = pd.DataFrame([claim("a1", "2025-09-30", "2025-09-30", "mission_end", "iraq", "united_states"),
                         claim("a1", "2024-09-28", "2025-09-28", "mission_end", "iraq", "united_states",
                               char_start=30)])
    assert not who_said_when(rows, ARTICLES)["disagreement"].any()


# ---------------------------------------------------------------- charts

def test_drawdown_timeline_has_a_lane_per_place_and_a_colour_per_claimant():
    fig = charts.drawdown_timeline(MILESTONES)
    names = [trace.name for trace in fig.data]
    assert names == ["الولايات المتحدة", "الحكومة العراقية", "الحكومة العراقية + الولايات المتحدة"]
    assert len({trace.line.color for trace in fig.data}) == 3
    lanes = {y for trace in fig.data for y in trace.y if y is not None}
    assert lanes == {"العراق", "سوريا"}
    washington = fig.data[0]
    assert [x for x in washington.x if x is not None][::2] == [pd.Timestamp("2025-09-01"), pd.Timestamp("2026-03-31")]


def test_drawdown_timeline_hover_names_the_claimant_and_wraps_the_sentence_in_br_lines():
    hover = charts.drawdown_timeline(MILESTONES).data[0].hovertext[0]
    lines = hover.replace(rtl.RLI, "").replace(rtl.PDI, "").split("<br>")  # Arabic lines are RTL isolates
    assert "المصدر: الولايات المتحدة" in lines
    assert "\n" not in hover and max(len(line) for line in lines) <= 70
    assert "مسؤولون" in hover and len([line for line in lines if "القوات" in line]) > 1


def test_drawdown_timeline_shows_every_date_when_asked():
    every = charts.drawdown_timeline(MILESTONES, drawdown_only=False)
    assert "الوسيلة الإعلامية" in [trace.name for trace in every.data]
    lanes = {y for trace in every.data for y in trace.y if y is not None}
    assert "بغداد" in lanes


def test_who_said_when_chart_draws_a_mark_per_claim_rings_disagreements_and_arrows_a_move():
    table = who_said_when(MILESTONES, ARTICLES)
    fig = charts.who_said_when_chart(table, title="من قال متى")
    ax = fig.axes[0]
    marks = [line for line in ax.lines if line.get_marker() == "o" and line.get_markersize() == 8]
    rings = [line for line in ax.lines if line.get_markersize() == 14]
    assert len(marks) == len(table) == 4
    assert len(rings) == int(table["disagreement"].sum()) == 3
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 1  # Washington's date moving from 2025-09 to 2026-03-31
    colours = {line.get_color() for line in marks}
    assert len(colours) == 3  # one per claimant
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == [rtl.ar("انسحاب · العراق"), rtl.ar("بقاء · سوريا")]
    assert {t.get_text() for t in ax.texts} >= {"2025-09", "2025-12-31", "2026-03-31", "2026-09"}


def test_who_said_when_chart_arabic_is_drawn_as_harfbuzz_shapes_it():
    fig = charts.who_said_when_chart(who_said_when(MILESTONES, ARTICLES), title="من قال متى")
    for label in ("انسحاب · العراق", "الحكومة العراقية"):
        expected = expected_text(rtl.isolate(label), font_file=rtl.font_path(400))
        assert mismatch(drawn_text(fig, rtl.ar(label)), expected, positions=rtl.renderer_shapes()) is None


def test_who_said_when_chart_draws_a_repeated_deadline_once_and_a_period_as_a_bar_to_its_end():
    rows = pd.DataFrame([claim("a1", "2025-09-30", "2025-09-30", "mission_end", "iraq", "united_states"),
                         claim("a1", "2025-09-30", "2025-09-30", "mission_end", "iraq", "united_states", char_start=50),
                         claim("a1", "2024-09-28", "2025-09-28", "mission_end", "iraq", "united_states",
                               char_start=90)])
    ax = charts.who_said_when_chart(who_said_when(rows, ARTICLES)).axes[0]
    marks = [line for line in ax.lines if line.get_marker() == "o" and line.get_markersize() == 8]
    assert len(marks) == 2
    assert {t.get_text() for t in ax.texts} >= {"2025-09-30 ×2", "2024-09-28 – 2025-09-28"}
    bars = [line for line in ax.lines if len(line.get_xdata()) == 2]
    assert len(bars) == 1 and bars[0].get_xdata()[1] == marks[1].get_xdata()[0]  # the period ends at its mark
