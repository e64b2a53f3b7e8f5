"""Plotly charts get logical-order Arabic (the browser shapes it) and the suite's Arabic template."""

from __future__ import annotations

import json

import arabic_reshaper
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from helpers import rtl

OUTLETS = ["الجزيرة", "العربية", "شبكة BBC"]


@pytest.fixture(autouse=True)
def arabic_charts():
    rtl.setup()


def coverage_chart():
    fig = go.Figure(go.Bar(x=[rtl.isolate(o) for o in OUTLETS], y=[12, 9, 4], name=rtl.isolate("عدد المقالات")))
    fig.update_layout(title=rtl.isolate("التغطية حسب الوسيلة<br>Q3 مبيعات"))
    return fig


def test_arabic_template_is_the_default():
    assert rtl.PLOTLY_TEMPLATE in pio.templates.default.split("+")
    layout = pio.templates[rtl.PLOTLY_TEMPLATE].layout
    assert layout.font.family.startswith('"IBM Plex Sans Arabic"')
    assert layout.title.xanchor == "right"
    assert layout.hoverlabel.font.family == layout.font.family


def test_figure_json_carries_logical_order_arabic():
    payload = json.loads(coverage_chart().to_json())
    strings = [*payload["data"][0]["x"], payload["data"][0]["name"], payload["layout"]["title"]["text"]]
    assert not any(rtl.has_presentation_forms(s) for s in strings)
    plain = [s.replace(rtl.RLI, "").replace(rtl.PDI, "") for s in strings]
    assert plain[:3] == OUTLETS
    assert plain[4] == "التغطية حسب الوسيلة<br>Q3 مبيعات"


def test_each_plotly_line_is_isolated_on_its_own():
    assert rtl.isolate("سطر<br>Q3 مبيعات") == f"{rtl.RLI}سطر{rtl.PDI}<br>{rtl.RLI}Q3 مبيعات{rtl.PDI}"


def test_check_figure_accepts_the_plotly_chart():
    assert rtl.check_figure(coverage_chart()) == []


def test_check_figure_names_plotly_text_reshaped_upstream():
    fig = coverage_chart()
    reshaped = arabic_reshaper.reshape("الجزيرة")
    fig.add_annotation(text=reshaped, x=0, y=0)
    with pytest.warns(rtl.PresentationFormsWarning, match=reshaped):
        assert rtl.check_figure(fig) == [reshaped]
