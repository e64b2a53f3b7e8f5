"""`import helpers` gives an analyst a short list of what to call, and costs nothing until one is used."""

from __future__ import annotations

import subprocess
import sys

import helpers

ANALYST_NAMES = [
    "build_report", "charts", "cooccurrence", "corpus_path", "entities_table", "entity_counts", "extract_corpus", "extraction",
    "load_corpus", "mentions_of", "milestone_summary", "milestones_table", "overview", "publish",
    "published_date_effect", "readable_report", "rtl", "safe_table", "setup_notebook", "show_article",
]


def test_tab_completion_shows_the_short_list():
    assert dir(helpers) == ANALYST_NAMES == helpers.__all__


def test_every_name_is_the_object_of_its_module_with_a_docstring():
    import helpers.charts
    import helpers.corpus
    import helpers.milestones

    assert helpers.load_corpus is helpers.corpus.load_corpus
    assert helpers.milestones_table is helpers.milestones.milestones_table
    assert helpers.charts is sys.modules["helpers.charts"]
    for name in ANALYST_NAMES:
        assert getattr(helpers, name).__doc__, name


def test_an_unknown_name_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'GREG'"):
        helpers.GREG  # noqa: B018 - the lookup is the test


def test_import_helpers_loads_no_heavy_module():
    code = ("import sys, helpers; heavy = {'pandas', 'matplotlib', 'plotly', 'pyarrow', 'nbconvert'} & set(sys.modules);"
            "print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
