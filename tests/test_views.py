"""The tables and article view a notebook shows, on a small corpus written here (three articles, one a
duplicate, one with markup in its title), so every expected cell can be checked by reading it."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus import load_corpus
from helpers.figures import show_article
from helpers.milestones import milestones_table
from helpers.views import overview, published_date_effect

ARTICLES = {
    "a1": "عنوان أول\n\nوصل الوفد أمس إلى بغداد.\n\nوكان الاجتماع في 3 مايو.\n\nانتهت المهمة في 15 مايو 2025.\n",
    "a2": "عنوان <b>ثان</b>\n\nنص قصير.\n",
    "a3": "عنوان <b>ثان</b>\n\nنص قصير.\n",  # the same text as a2
}
MANIFEST = "article_id,published,source,url\na1,2024-09-28,وكالة الأنباء,\na2,,,\n"


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views-corpus")
    for article_id, text in ARTICLES.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(corpus_folder):
    return load_corpus(corpus_folder)


def test_overview_is_one_row_per_article_with_dates_as_text_and_no_missing_values(corpus):
    table = overview(corpus)
    assert list(table.columns) == ["article_id", "title", "published", "source", "n_paragraphs", "n_words",
                                   "encoding", "duplicate_of"]
    assert table[["article_id", "published", "source", "n_paragraphs", "duplicate_of"]].to_dict("records") == [
        {"article_id": "a1", "published": "2024-09-28", "source": "وكالة الأنباء", "n_paragraphs": 3,
         "duplicate_of": ""},
        {"article_id": "a2", "published": "", "source": "", "n_paragraphs": 1, "duplicate_of": ""},
        {"article_id": "a3", "published": "", "source": "", "n_paragraphs": 1, "duplicate_of": "a2"},
    ]
    assert table["title"].tolist() == ["عنوان أول", "عنوان <b>ثان</b>", "عنوان <b>ثان</b>"]


def test_published_date_effect_lists_what_only_the_publication_date_dates(corpus):
    # a1 is published on Saturday 2024-09-28: «أمس» is the 27th; «3 مايو» has no year and takes the
    # nearest one (3 May 2024 is 148 days before, 2025 217 days after); «15 مايو 2025» needs nothing.
    # a2 and a3 have no publication date, and nothing to date.
    table = published_date_effect(corpus)
    assert table.drop(columns="published").to_dict("records") == [
        {"article_id": "a1", "surface": "أمس", "text alone": "unresolved", "with published date": "2024-09-27"},
        {"article_id": "a1", "surface": "3 مايو", "text alone": "unresolved", "with published date": "2024-05-03"},
    ]
    assert (pd.to_datetime(table["published"]) == pd.Timestamp("2024-09-28")).all()


def test_show_article_numbers_each_paragraph_as_the_tables_do_and_escapes_the_text(corpus):
    markup = show_article(corpus, "a2")._repr_html_()
    assert "<b>a2</b>" in markup
    assert "¶0 · 0–16" in markup and "¶1 · 18–26" in markup  # the paragraph and offsets of every row
    assert "عنوان &lt;b&gt;ثان&lt;/b&gt;" in markup and "<b>ثان</b>" not in markup
    assert markup.count('dir="rtl"') == 2


def test_show_article_shows_the_first_article_by_default(corpus):
    markup = show_article(corpus)._repr_html_()
    assert "<b>a1</b>" in markup and "وصل الوفد أمس إلى بغداد." in markup and markup.count("¶") == 4


def test_show_article_of_an_unknown_id_names_the_nearest_ones(corpus):
    with pytest.raises(KeyError, match="a1.*a2|a2.*a1"):
        show_article(corpus, "a4")


def test_published_date_effect_reads_only_the_dated_articles_again_and_reuses_the_table(corpus, monkeypatch):
    import helpers.milestones

    table = milestones_table(corpus)
    calls = []
    extract = helpers.milestones.extract_milestones
    monkeypatch.setattr(helpers.milestones, "extract_milestones", lambda *a: calls.append(a) or extract(*a))
    assert published_date_effect(corpus, table).equals(published_date_effect(corpus))
    # once per call: a1, the only article with a date, read without it (a2 and a3 have none to add);
    # the readings with the date are the table's (the old code read every article twice: 6 per call)
    assert calls == [(ARTICLES["a1"].rstrip("\n"),)] * 2


def test_milestone_views_are_still_importable_from_milestones():
    import helpers.milestones
    import helpers.views

    assert helpers.milestones.published_date_effect is helpers.views.published_date_effect
    assert helpers.milestones.milestone_summary is helpers.views.milestone_summary


def test_extraction_is_shared_by_notebooks_and_gives_the_tables_of_the_extractors(corpus_folder, monkeypatch,
                                                                                   tmp_path):
    from helpers.entities import entities_table
    from helpers.views import EXTRACTION_DIR_ENV, Extracted, extraction

    monkeypatch.setenv(EXTRACTION_DIR_ENV, str(tmp_path / "shared"))
    first = extraction(str(corpus_folder))
    assert extraction(corpus_folder) is first  # one per corpus in a kernel
    pd.testing.assert_frame_equal(first.milestones, milestones_table(first.corpus))
    pd.testing.assert_frame_equal(first.entities, entities_table(first.corpus))
    assert not first.run.summary.get("up_to_date")
    another_kernel = Extracted(first.path)  # the next notebook of the report
    pd.testing.assert_frame_equal(another_kernel.milestones, first.milestones)
    assert another_kernel.run.summary["up_to_date"]  # read back, not extracted again


def test_show_article_as_plain_text_is_its_paragraphs_not_a_memory_address(corpus):
    """What a notebook stores as text/plain beside the HTML (and what nbval compares, and a text export
    shows): the article, a line per paragraph, the same every run."""
    plain = repr(show_article(corpus, "a2"))
    assert " at 0x" not in plain
    lines = plain.splitlines()
    assert lines[0] == "a2" and lines[1] == "¶0 · 0–16 عنوان <b>ثان</b>" and len(lines) == 3


def test_a_notebook_asking_for_a_corpus_another_notebook_is_extracting_waits_for_it(tmp_path, monkeypatch, capsys):
    """Two notebooks of one corpus run at once in Lab share its extraction folder: the second stopped with
    OutputInUse («another extraction … is writing»); it now waits, then reads the tables the first wrote."""
    import subprocess
    import sys
    import time

    from helpers.paths import SEEDS
    from helpers.views import EXTRACTION_DIR_ENV, Extracted, _extraction_dir

    monkeypatch.setenv(EXTRACTION_DIR_ENV, str(tmp_path / "extraction"))
    folder = _extraction_dir(SEEDS)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom pathlib import Path\nfrom helpers.pipeline_output import output_lock\n"
        f"with output_lock(Path({str(folder)!r})):\n    print('held', flush=True)\n    time.sleep(4)\n")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        milestones = Extracted(SEEDS).milestones
        assert len(milestones) and time.monotonic() - started > 2
    finally:
        holder.kill()
        holder.wait()
    assert "waiting" in capsys.readouterr().err
