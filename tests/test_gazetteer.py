"""The gazetteer an analyst edits: what it must hold, and how a bad row is reported."""

import pandas as pd
import pytest

from helpers.entities import EntityMatcher
from helpers.gazetteer import (
    ENTITY_TYPES,
    GazetteerError,
    clitic_forms,
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
                       "washington_post", "arab_coalition"}
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
