"""Untrusted text (file names, article ids, titles, surfaces) never goes through mathtext.

A file named ``$\\undefinedcmd{x}$.txt`` gives an article id matplotlib would parse as TeX math: drawing the chart
raised ``ValueError`` (an unknown symbol) and stopped notebook 01. Labels are drawn as the text they are.
"""

import io

import pandas as pd
import pytest

from helpers import charts, rtl

PAYLOADS = [r"$\undefinedcmd{x}$", r"$x^{2}$ و $y$", "$$"]


@pytest.fixture(autouse=True)
def _defaults():
    rtl.setup()


@pytest.mark.parametrize("article_id", PAYLOADS)
def test_a_file_name_with_dollar_signs_is_drawn_as_written(article_id):
    articles = pd.DataFrame({"article_id": [article_id, "b"], "n_words": [120, 80]})
    fig = charts.length_chart(articles)
    fig.savefig(io.BytesIO(), format="png")  # drawing is where mathtext used to raise
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert article_id in labels
    assert not any(t._parse_math for t in fig.axes[0].get_xticklabels())
