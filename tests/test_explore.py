"""Exploring a corpus: search in context whatever the spelling, filters, per-source comparison, clear errors."""

import datetime
from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.entities import entities_table
from helpers.explore import (
    KWIC_COLUMNS,
    SOURCE_COLUMNS,
    EmptySelectionError,
    check_article_id,
    check_entity_id,
    compare_sources,
    explorer,
    search,
    select,
)

TEXTS = {
    "b1": ("الانسحاب من العراق\n\nأعلنت بغداد أن قوات التحالف ستغادر وبالعراق نحو ألفي جندي حتى الآن."
           "\n\nوقال مسؤول إن الإنسحاب سيتم على مرحلتين، وإن العـراق مستعد لذلك."),
    "b2": "داعش في سوريا\n\nقال مسؤول في واشنطن إن للعراقِ دوراً في قتال داعش في سوريا.",
    "b3": "مقال بلا مصدر\n\nتحدث الوزير عن العلاقات مع إيران.",
}
META = {"b1": ("2024-09-28", "وكالة أ"), "b2": ("2024-10-05", "وكالة ب"), "b3": (None, None)}


def corpus():
    """Three articles shaped like ``load_corpus`` output (title, blank line, paragraphs)."""
    articles = pd.DataFrame({
        "article_id": list(TEXTS), "title": [t.split("\n")[0] for t in TEXTS.values()], "text": list(TEXTS.values()),
        "published": pd.to_datetime([META[a][0] for a in TEXTS]), "source": [META[a][1] for a in TEXTS]})
    rows = []
    for article_id, text in TEXTS.items():
        start = 0
        for number, para in enumerate(text.split("\n\n")):
            rows.append((article_id, number, para, start, start + len(para)))
            start += len(para) + 2
    paragraphs = pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "char_start", "char_end"])
    return SimpleNamespace(articles=articles, paragraphs=paragraphs)


def matches(query, **kwargs):
    return search(corpus(), query, **kwargs)["match"].tolist()


# --- search ------------------------------------------------------------------------------

def test_a_word_is_found_whatever_its_clitics():
    assert matches("العراق") == ["العراق", "وبالعراق", "العـراق", "للعراقِ"]


def test_a_word_without_its_article_finds_it_with_and_without():
    assert matches("عراق") == matches("العراق")


def test_hamza_forms_are_one_letter():
    assert matches("الانسحاب") == ["الانسحاب", "الإنسحاب"]
    assert matches("الإنسحاب") == ["الانسحاب", "الإنسحاب"]


def test_tatweel_and_harakat_stay_in_the_match_as_written():
    hits = search(corpus(), "العراق")
    assert "العـراق" in hits["match"].tolist() and "للعراقِ" in hits["match"].tolist()
    text = dict(zip(corpus().articles["article_id"], corpus().articles["text"]))
    assert all(text[a][s:e] == m for a, s, e, m in zip(hits["article_id"], hits["char_start"], hits["char_end"],
                                                       hits["match"]))


def test_alef_maqsura_and_teh_marbuta_are_folded():
    assert matches("مرحلتين") == ["مرحلتين"]
    assert matches("علي مرحلتين") == ["على مرحلتين"]
    assert matches("قوة التحالف") == [] and matches("قوات التحالف") == ["قوات التحالف"]


def test_only_whole_words_match():
    assert matches("عرا") == [] and matches("سوري") == []


def test_kwic_rows_carry_article_paragraph_date_source_and_context():
    hits = search(corpus(), "داعش", window=20)
    assert list(hits.columns) == KWIC_COLUMNS
    first = hits.iloc[1]
    assert (first.article_id, first.paragraph, first.source) == ("b2", 1, "وكالة ب")
    assert first.published == pd.Timestamp("2024-10-05")
    assert first.before.endswith("دوراً في قتال") and first.after.startswith("في سوريا")
    assert hits.iloc[0].paragraph == 0  # the title


def test_a_phrase_is_found_across_the_spaces_of_the_text():
    assert matches("في سوريا") == ["في سوريا", "في سوريا"]


def test_no_hit_is_an_empty_table_and_a_query_without_letters_is_an_error():
    assert search(corpus(), "موسكو").empty
    with pytest.raises(ValueError, match="no letters"):
        search(corpus(), "،")


@pytest.mark.parametrize("query", [None, 5, b"\xd8\xa7"])
def test_a_query_that_is_not_text_is_a_type_error_naming_what_it_was(query):
    # a widget left empty gives None: an AttributeError from inside the folding told the analyst nothing
    with pytest.raises(TypeError, match="query must be text"):
        search(corpus(), query)


def test_search_within_a_source_and_dates():
    assert matches("العراق", sources="وكالة ب") == ["للعراقِ"]
    assert matches("العراق", start="2024-10-01") == ["للعراقِ"]
    assert matches("العراق", end="2024-09-30") == ["العراق", "وبالعراق", "العـراق"]


# --- filters and their errors ------------------------------------------------------------

def test_select_by_entity_keeps_the_articles_mentioning_it_and_their_rows():
    c = corpus()
    mentions = entities_table(c)
    chosen = select(c, mentions, entity="isis")
    assert chosen.articles["article_id"].tolist() == ["b2"]
    assert set(chosen.mentions["article_id"]) == {"b2"} and chosen.milestones is None


def test_an_entity_can_be_named_in_arabic_or_english():
    assert check_entity_id("العراق") == "iraq" and check_entity_id("Iraq") == "iraq"


def test_an_unknown_entity_names_the_nearest_ids():
    with pytest.raises(ValueError, match=r"unknown entity id 'iraqq'.*'iraq'"):
        check_entity_id("iraqq")


def test_an_unknown_article_id_names_the_nearest():
    with pytest.raises(ValueError, match=r"unknown article id 'b4'.*'b1'"):
        check_article_id("b4", corpus().articles)
    with pytest.raises(ValueError, match="unknown article id"):
        select(corpus(), article_ids=["b1", "bb2"])


def test_an_article_id_typed_composed_finds_the_article_whose_file_name_macos_saved_decomposed():
    """«أخبار.txt» saved on a Mac has its id decomposed (alef + hamza above): typed composed, it was «unknown article
    id 'أخبار'; nearest: 'أخبار'», naming the very id typed."""
    import unicodedata

    articles = corpus().articles
    decomposed = unicodedata.normalize("NFD", "أخبار")
    articles["article_id"] = articles["article_id"].replace("b2", decomposed)
    assert check_article_id("أخبار", articles) == decomposed
    assert list(select(articles, article_ids="أخبار").articles["article_id"]) == [decomposed]
    from helpers import charts
    from helpers.figures import show_article

    paragraphs = corpus().paragraphs
    paragraphs["article_id"] = paragraphs["article_id"].replace("b2", decomposed)
    mac = SimpleNamespace(articles=articles, paragraphs=paragraphs)
    mentions = entities_table(mac)
    assert decomposed in set(mentions["article_id"])
    charts.paragraph_heatmap(mentions, "أخبار")  # drawn, not «unknown article id»
    shown = show_article(mac, "أخبار")
    assert "قتال داعش" in str(shown._repr_html_())


def test_an_unknown_source_names_the_valid_ones():
    with pytest.raises(ValueError, match=r"unknown source 'وكالة ج'.*'وكالة أ'"):
        select(corpus(), sources="وكالة ج")


def test_an_empty_selection_says_so_and_what_the_corpus_holds():
    with pytest.raises(EmptySelectionError, match=r"no article matches published 2030-01-01\.\..*2024-09-28\.\.2024-10-05"):
        select(corpus(), start="2030-01-01")


def test_a_bad_date_or_an_inverted_range_is_an_error():
    with pytest.raises(ValueError, match="'yesterday' is not a date"):
        select(corpus(), start="yesterday")
    with pytest.raises(ValueError, match="after end"):
        select(corpus(), start="2024-10-05", end="2024-09-01")


def test_undated_articles_drop_out_of_a_date_range_only():
    assert len(select(corpus(), sources=["وكالة أ", "(no source)"]).articles) == 2
    assert select(corpus(), end="2024-12-31").articles["article_id"].tolist() == ["b1", "b2"]


# --- per-source comparison -----------------------------------------------------------------

def test_compare_sources_counts_articles_dates_words_and_mentions_per_source():
    c = corpus()
    mentions = entities_table(c)
    milestones = pd.DataFrame({"article_id": ["b1", "b1", "b2"]})
    table = compare_sources(c, mentions, milestones).set_index("source")
    assert list(compare_sources(c, mentions, milestones).columns) == SOURCE_COLUMNS
    assert table.loc["وكالة ب", "articles"] == 1 and table.loc["وكالة أ", "milestones"] == 2
    assert table.loc["وكالة ب", "first_published"] == pd.Timestamp("2024-10-05")
    assert table.loc["(no source)", "mentions"] == 1  # إيران
    b2 = mentions[mentions["article_id"] == "b2"]
    assert table.loc["وكالة ب", "mentions"] == len(b2)
    assert table.loc["وكالة ب", "top_entities"] == "داعش (2)، سوريا (2)، العراق (1)"  # ties by name
    words = len(TEXTS["b2"].split())
    assert table.loc["وكالة ب", "mentions_per_1000_words"] == round(1000 * len(b2) / words, 1)


# --- the explorer in Lab ---------------------------------------------------------------------

def test_the_explorer_updates_its_tables_when_a_control_changes():
    c = corpus()
    ui = explorer(c, entities_table(c), query="العراق")
    assert len(ui.kwic) == 4 and "3 articles" in ui.message
    ui.sources.value = ("وكالة أ",)
    assert ui.kwic["match"].tolist() == ["العراق", "وبالعراق", "العـراق"]
    assert ui.sources_table["source"].tolist() == ["وكالة أ"]
    ui.entity.value = "isis"
    assert ui.selection is None and "no article matches" in ui.message  # وكالة أ never mentions داعش
    ui.sources.value = ()
    ui.start.value = datetime.date(2024, 10, 1)
    assert ui.kwic["article_id"].tolist() == ["b2"] and "1 articles" in ui.message
