"""The gazetteer an analyst edits: what it must hold, and how a bad row is reported."""

import pandas as pd
import pytest

from helpers.entities import EntityMatcher
from helpers.gazetteer import (
    CONTEXT_CSV,
    ENTITY_TYPES,
    GazetteerError,
    clitic_forms,
    load_context_rules,
    load_gazetteer,
    match_key,
    nisba_forms,
)
from helpers.paths import ENTITIES_CORE

HEADER = "entity_id,type,name_ar,name_en,aliases,nisba,wikidata\n"
GOOD_ROW = "iraq,GPE,العراق,Iraq,جمهورية العراق,عراقي,Q796\n"


def write(tmp_path, *rows: str, header: str = HEADER):
    path = tmp_path / "gazetteer.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def raises(path) -> GazetteerError:
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    return info.value


# --- the shipped list -----------------------------------------------------------------

def test_every_core_entity_is_listed_with_its_id_type_and_names():
    gazetteer = load_gazetteer()
    for row in pd.read_csv(ENTITIES_CORE).itertuples():
        entity = gazetteer[row.entity_id]
        assert (entity.type, entity.name_ar, entity.name_en) == (row.type, row.name_ar, row.name_en)
        if isinstance(row.nisba_ar, str):
            assert row.nisba_ar in entity.nisba


def test_core_countries_have_both_american_spellings_and_syria_both_names():
    gazetteer = load_gazetteer()
    assert {"أميركي", "أمريكي"} <= set(gazetteer["united_states"].nisba)
    assert {"أميركا", "أمريكا", "الولايات المتحدة الأميركية"} <= set(gazetteer["united_states"].aliases)
    assert "سورية" in gazetteer["syria"].aliases


def test_extra_entities_never_take_a_core_mention_except_by_design():
    """An extra entity whose name holds a core name or nisba would move counts away from it;
    only the listed disambiguations (a different referent) may do so."""
    disambiguations = {"latin_america", "north_america", "south_america", "central_america", "americas",
                       "washington_post", "washington_times", "arab_coalition"}
    gazetteer = load_gazetteer()
    core_ids = set(pd.read_csv(ENTITIES_CORE)["entity_id"])
    core = EntityMatcher(type(gazetteer)(tuple(e for e in gazetteer if e.entity_id in core_ids)))
    for entity in gazetteer:
        if entity.entity_id in core_ids or entity.entity_id in disambiguations:
            continue
        for name in entity.names:
            assert core.extract(name) == [], f"{entity.entity_id}: {name}"


def test_wikidata_ids_where_given_look_like_q_numbers():
    ids = [e.wikidata for e in load_gazetteer() if e.wikidata]
    assert ids and all(i.startswith("Q") and i[1:].isdigit() for i in ids)


def test_to_frame_round_trips_the_columns(tmp_path):
    frame = load_gazetteer().to_frame()
    path = tmp_path / "copy.csv"
    frame.to_csv(path, index=False)
    assert len(load_gazetteer(path)) == len(frame)


# --- the forms a name takes -------------------------------------------------------------

def test_clitic_forms_fuse_lam_with_the_article():
    forms = clitic_forms("العراق")
    assert {"والعراق", "بالعراق", "للعراق", "وللعراق", "فبالعراق", "كالعراق"} <= set(forms)
    assert "لالعراق" not in forms


def test_clitic_forms_of_a_name_without_article():
    assert {"وبغداد", "ببغداد", "لبغداد", "فلبغداد"} <= set(clitic_forms("بغداد"))


def test_nisba_forms_cover_gender_number_and_definiteness():
    forms = set(nisba_forms("عراقي"))
    assert {"عراقي", "عراقيه", "عراقيون", "عراقيين", "عراقيات", "العراقي", "العراقيه", "العراقيين", "عراقيا"} <= forms


def test_irregular_nisba_is_taken_as_written():
    assert nisba_forms("اتراك") == ["اتراك", "الاتراك"]


def test_match_key_normalises_spelling():
    assert match_key("أمريكا") == match_key("امريكا") == ("امريكا",)
    assert match_key("شبكة ABC") == ("شبكه", "abc")


# --- validation errors ------------------------------------------------------------------

def test_a_valid_file_loads(tmp_path):
    gazetteer = load_gazetteer(write(tmp_path, GOOD_ROW))
    assert gazetteer["iraq"].aliases == ("جمهورية العراق",)


def test_duplicate_alias_under_two_ids_names_file_line_and_both_ids(tmp_path):
    path = write(tmp_path, GOOD_ROW, "baghdad,CITY,بغداد,Baghdad,,,\n", "iraq2,GPE,عراق,Iraq,العراق,,\n")
    error = raises(path)
    assert error.line == 4
    message = str(error)
    assert str(path) in message and "line 4" in message and "iraq" in message and "iraq2" in message


def test_duplicate_alias_is_caught_after_normalisation(tmp_path):
    path = write(tmp_path, "a,GPE,أمريكا,A,,,\n", "b,GPE,امريكا,B,,,\n")
    assert "also an alias of a" in str(raises(path))


def test_empty_name_is_reported(tmp_path):
    error = raises(write(tmp_path, GOOD_ROW, "erbil,CITY,,Erbil,,,\n"))
    assert error.line == 3 and "empty name_ar" in str(error)


def test_unknown_type_lists_the_allowed_types(tmp_path):
    error = raises(write(tmp_path, "erbil,TOWN,أربيل,Erbil,,,\n"))
    assert "unknown type 'TOWN'" in str(error)
    assert all(t in str(error) for t in ENTITY_TYPES)


def test_repeated_entity_id_is_reported(tmp_path):
    error = raises(write(tmp_path, GOOD_ROW, "iraq,GPE,بلاد الرافدين,Mesopotamia,,,\n"))
    assert error.line == 3 and "already defined on line 2" in str(error)


def test_missing_column_is_reported(tmp_path):
    error = raises(write(tmp_path, "iraq,GPE,العراق,Iraq\n", header="entity_id,type,name_ar,name_en\n"))
    assert error.line == 1 and "aliases" in str(error)


def test_nisba_on_a_city_is_reported(tmp_path):
    error = raises(write(tmp_path, "baghdad,CITY,بغداد,Baghdad,,بغدادي,\n"))
    assert "nisba" in str(error) and "CITY" in str(error)


def test_bad_wikidata_id_is_reported(tmp_path):
    assert "Q123" in str(raises(write(tmp_path, "iraq,GPE,العراق,Iraq,,,796\n")))


def test_alias_without_letters_is_reported(tmp_path):
    assert "no letters" in str(raises(write(tmp_path, "iraq,GPE,العراق,Iraq,–,,\n")))


def test_too_many_fields_is_reported(tmp_path):
    error = raises(write(tmp_path, "iraq,GPE,العراق,Iraq,,,,extra\n"))
    assert error.line == 2 and "fields" in str(error)


def test_empty_alias_pieces_and_blank_lines_are_ignored(tmp_path):
    gazetteer = load_gazetteer(write(tmp_path, "\n", "iraq,GPE,العراق,Iraq,جمهورية العراق||,,\n"))
    assert gazetteer["iraq"].aliases == ("جمهورية العراق",)


# --- the context table (data/entity_context.csv) -----------------------------------------

CONTEXT_HEADER = "rule,entity_id,phrase,note\n"


def context_raises(tmp_path, *rows: str) -> GazetteerError:
    path = tmp_path / "entity_context.csv"
    path.write_text(CONTEXT_HEADER + "".join(rows), encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        load_context_rules(path, load_gazetteer())
    return info.value


def test_the_shipped_context_table_loads_against_the_shipped_gazetteer():
    rules = load_context_rules(CONTEXT_CSV, load_gazetteer())
    assert "قاعده" in rules.nisba_heads  # normalised like the text (ة → ه)
    assert ("رئيس", "الوزراء") in rules.person_titles
    assert ("global_coalition", "التحالف") in rules.generic_aliases
    assert ("global_coalition", 2014) in rules.founded


def test_context_rows_load_into_match_keys(tmp_path):
    path = tmp_path / "entity_context.csv"
    path.write_text(CONTEXT_HEADER + "nisba_head,,مدينة,\n\ngiven_name,,تركي,\n"
                    "era_cue,global_coalition,حرب الخليج,\n", encoding="utf-8")
    rules = load_context_rules(path, load_gazetteer())
    assert rules.nisba_heads == {"مدينه"} and rules.given_names == {"تركي"}
    assert rules.era_cues == (("global_coalition", "حرب الخليج"),)


def test_unknown_context_rule_names_file_line_and_the_allowed_rules(tmp_path):
    error = context_raises(tmp_path, "nisba_head,,قاعدة,\n", "nisba_heads,,مدينة,\n")
    assert error.line == 3 and "nisba_heads" in str(error) and "nisba_head," in str(error)
    assert "entity_context.csv" in str(error)


def test_one_word_context_rule_with_two_words_is_reported(tmp_path):
    error = context_raises(tmp_path, "given_name,,تركي البنعلي,\n")
    assert error.line == 2 and "one word" in str(error)


def test_entity_rule_without_entity_and_generic_rule_with_one_are_reported(tmp_path):
    assert "needs an entity_id" in str(context_raises(tmp_path, "era_cue,,حرب الخليج,\n"))
    assert "leave entity_id empty" in str(context_raises(tmp_path, "nisba_head,iraq,قاعدة,\n"))


def test_context_rule_for_an_unknown_entity_is_reported(tmp_path):
    error = context_raises(tmp_path, "founded,global_coalitoin,2014,\n")
    assert "global_coalitoin" in str(error) and "not in the gazetteer" in str(error)


def test_generic_alias_must_be_a_name_of_its_entity(tmp_path):
    error = context_raises(tmp_path, "generic_alias,global_coalition,الحلف,\n")
    assert "not a name of global_coalition" in str(error)


def test_founded_must_be_a_year(tmp_path):
    assert "four-digit year" in str(context_raises(tmp_path, "founded,global_coalition,أيلول 2014,\n"))


def test_context_phrase_without_letters_is_reported(tmp_path):
    assert "no letters" in str(context_raises(tmp_path, "nisba_head,,،,\n"))


def test_anchor_must_be_an_entity_id(tmp_path):
    assert "not an entity_id" in str(context_raises(tmp_path, "anchor,global_coalition,داعش,\n"))


def test_a_note_with_an_unquoted_comma_is_reported(tmp_path):
    error = context_raises(tmp_path, "nisba_head,,قاعدة,a base, or a camp\n")
    assert error.line == 2 and "quote a note" in str(error)
