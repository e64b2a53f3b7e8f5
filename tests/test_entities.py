"""Entity mentions as an analyst counts them (rules: data/eval/dev/README.md)."""

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.entities import (
    TABLE_COLUMNS,
    cooccurrence,
    entities_table,
    entity_counts,
    extract_entities,
    mentions_of,
)


def found(text: str) -> list[tuple[str, str, str]]:
    """(surface, entity_id, form) of every mention, in order."""
    return [(m.surface, m.entity_id, m.form) for m in extract_entities(text)]


# --- clitics ---------------------------------------------------------------------------

@pytest.mark.parametrize("surface", ["والعراق", "فالعراق", "بالعراق", "كالعراق", "وبالعراق", "فبالعراق"])
def test_conjunction_and_preposition_clitics_before_a_definite_name(surface):
    assert found(f"قال إن {surface} مهم") == [(surface, "iraq", "name")]


@pytest.mark.parametrize("surface", ["للعراق", "وللعراق", "فللعراق"])
def test_lam_before_the_article_drops_its_alef(surface):
    assert found(f"دعم {surface}") == [(surface, "iraq", "name")]


def test_lam_lam_before_a_multiword_name():
    assert found("إنهاء المهمة العسكرية للتحالف الدولي") == [("للتحالف الدولي", "global_coalition", "name")]


@pytest.mark.parametrize("surface", ["وبغداد", "ببغداد", "لبغداد", "وببغداد", "فلبغداد", "وإيران", "ولإيران"])
def test_clitics_before_a_name_without_article(surface):
    entity = "baghdad" if "بغداد" in surface else "iran"
    assert found(f"{surface} اليوم") == [(surface, entity, "name")]


@pytest.mark.parametrize("text, entity", [
    ("بغداد", "baghdad"), ("واشنطن", "washington"), ("بايدن", "joe_biden"), ("لويد أوستن", "lloyd_austin"),
    ("بريطانيا", "united_kingdom"), ("لبنان", "lebanon"), ("فرنسا", "france"), ("كركوك", "kirkuk"),
])
def test_names_that_begin_with_a_clitic_letter_keep_it(text, entity):
    assert found(f"زار {text} أمس") == [(text, entity, "name")]


def test_clitic_is_stripped_only_before_a_known_name():
    assert found("وواشنطن") == [("وواشنطن", "washington", "name")]
    assert found("وزارة والي بلاد فرنسي") == [("فرنسي", "france", "adjective")]  # no stemming of unknown words


def test_clitic_on_the_first_word_of_a_long_name():
    assert found("ولويد أوستن") == [("ولويد أوستن", "lloyd_austin", "name")]
    assert found("بالولايات المتحدة") == [("بالولايات المتحدة", "united_states", "name")]


# --- spelling -------------------------------------------------------------------------

def test_tatweel_inside_a_name():
    assert found("في العـراق") == [("العـراق", "iraq", "name")]


def test_harakat_inside_a_name_stay_in_the_surface():
    assert found("وصل إلى بَغْدَادَ والعِراقِ") == [("بَغْدَادَ", "baghdad", "name"), ("والعِراقِ", "iraq", "name")]


def test_shadda_inside_a_name():
    assert found("وكان التّحالف قد تشكّل") == [("التّحالف", "global_coalition", "name")]


@pytest.mark.parametrize("text, entity", [
    ("أميركا", "united_states"), ("أمريكا", "united_states"), ("امريكا", "united_states"),
    ("سوريا", "syria"), ("سورية", "syria"), ("البنتاغون", "pentagon"), ("البنتاجون", "pentagon"),
    ("الناتو", "nato"), ("حلف الناتو", "nato"), ("تنظيم الدولة الإسلامية", "isis"), ("قسد", "sdf"),
])
def test_spelling_variants_and_aliases(text, entity):
    assert found(f"قال {text} إن") == [(text, entity, "name")]


def test_bare_security_council_is_the_un_one_but_not_a_national_security_council():
    assert found("أصدر مجلس الأمن قراراً") == [("مجلس الأمن", "un_security_council", "name")]
    # a country's council keeps its own entity; the nisba after it still counts for the country
    assert found("اجتمع مجلس الأمن الوطني العراقي") == [
        ("مجلس الأمن الوطني", "national_security_council", "name"), ("العراقي", "iraq", "adjective")]
    assert found("قال مجلس الأمن القومي الأميركي") == [
        ("مجلس الأمن القومي", "national_security_council", "name"), ("الأميركي", "united_states", "adjective")]


def test_central_command_spelt_out_is_centcom_and_its_nisba_still_counts():
    assert found("أعلنت القيادة المركزية الأميركية (سنتكوم)") == [
        ("القيادة المركزية", "centcom", "name"), ("الأميركية", "united_states", "adjective"), ("سنتكوم", "centcom", "name")]


@pytest.mark.parametrize("text, surface", [
    ("رفضت بغداد أي تدخلاً تركياً في شؤونها", "تركياً"),
    ("قدّمت أنقرة دعماً تركيّاً للفصائل", "تركيّاً"),
    ("التقى الوفد مسؤولاً سوريًا رفيعاً", "سوريًا"),
])
def test_nisba_with_tanween_is_the_adjective_not_the_country_it_folds_to(text, surface):
    # تركياً/سوريًا fold to تركيا/سوريا; the written tanween says accusative adjective, as in عراقياً
    assert [m for m in found(text) if m[0] == surface] == [
        (surface, "turkey" if "ترك" in surface else "syria", "adjective")]


def test_country_name_without_tanween_stays_the_name():
    assert found("زار الوفد تركيا ثم سوريا") == [("تركيا", "turkey", "name"), ("سوريا", "syria", "name")]


def test_persian_keyboard_yeh_is_read_as_arabic_yeh():
    assert found("ایران") == [("ایران", "iran", "name")]


def test_latin_names_match_in_any_case():
    assert found("شبكة ABC وشبكة abc") == [("شبكة ABC", "abc_news", "name"), ("وشبكة abc", "abc_news", "name")]


def test_latin_name_next_to_arabic_with_clitic_and_adjective():
    assert found("وفق ما نقلته لشبكة ABC الأميركية") == [
        ("لشبكة ABC", "abc_news", "name"), ("الأميركية", "united_states", "adjective")]


def test_latin_name_after_lam_and_tatweel():
    assert found("في حديث لـABC") == [("لـABC", "abc_news", "name")]


# --- longest match ----------------------------------------------------------------------

@pytest.mark.parametrize("text, entity", [
    ("الحكومة العراقية", "iraqi_government"),
    ("القوات العراقية", "iraqi_security_forces"),
    ("قوات الأمن العراقية", "iraqi_security_forces"),
    ("وزارة الدفاع الأميركية", "pentagon"),
    ("قوات سوريا الديمقراطية", "sdf"),
    ("الولايات المتحدة الأمريكية", "united_states"),
    ("واشنطن العاصمة", "washington"),
    ("قاعدة عين الأسد", "ain_al_asad"),
    ("محمد شياع السوداني", "mohammed_shia_al_sudani"),
    ("تنظيم الدولة الإسلامية", "isis"),
])
def test_longest_listed_name_wins_and_is_one_mention(text, entity):
    assert found(f"وأكدت {text} ذلك") == [(text, entity, "name")]


def test_adjective_inside_a_longer_name_is_not_counted():
    assert [f for *_, f in found("طالبت الحكومة العراقية وقوات الأمن العراقية")] == ["name", "name"]


def test_head_noun_before_a_name_does_not_block_it():
    assert found("تنظيم داعش وقوات التحالف وبعثة الناتو ومكتب السوداني") == [
        ("داعش", "isis", "name"), ("التحالف", "global_coalition", "name"),
        ("الناتو", "nato", "name"), ("السوداني", "mohammed_shia_al_sudani", "name")]


def test_bare_alliance_and_bare_surnames():
    assert found("قال أوستن إن بايدن والسوداني ودول التحالف") == [
        ("أوستن", "lloyd_austin", "name"), ("بايدن", "joe_biden", "name"),
        ("والسوداني", "mohammed_shia_al_sudani", "name"), ("التحالف", "global_coalition", "name")]


def test_multiword_name_does_not_run_across_punctuation_or_lines():
    assert found("التحالف، الدولي") == [("التحالف", "global_coalition", "name")]
    assert found("التحالف\nالدولي") == [("التحالف", "global_coalition", "name")]


def test_a_longer_place_name_is_not_its_country():
    assert found("أمريكا اللاتينية وواشنطن بوست") == [
        ("أمريكا اللاتينية", "latin_america", "name"), ("وواشنطن بوست", "washington_post", "name")]


def test_a_newspaper_named_for_washington_is_not_washington_but_an_institute_is():
    # real README: a newspaper's name is no mention of its city; an institution's is
    assert found("وقالت صحيفة واشنطن تايمز إن باحثا في معهد واشنطن أخطأ") == [
        ("واشنطن تايمز", "washington_times", "name"), ("واشنطن", "washington", "name")]


def test_after_george_washington_the_next_washington_is_found_where_it_is():
    text = "قال جورج واشنطن إن واشنطن عاصمة"
    assert [(m.surface, m.entity_id, m.char_start) for m in extract_entities(text)] == [
        ("واشنطن", "washington", text.rindex("واشنطن"))]
    assert found("وقال آخر في جامعة جورج واشنطن إن صحيفة واشنطن بوست أخطأت") == [
        ("واشنطن بوست", "washington_post", "name")]


def test_places_outside_the_core_list_are_their_own_entities():
    assert found("البيت الأبيض وطهران") == [("البيت الأبيض", "white_house", "name"), ("وطهران", "tehran", "name")]


# --- adjectives -----------------------------------------------------------------------

@pytest.mark.parametrize("surface", [
    "عراقي", "عراقية", "عراقيون", "عراقيين", "عراقيات", "عراقيان", "عراقيتان",
    "العراقي", "العراقية", "العراقيين", "والعراقية", "بالعراقي", "للعراقيين", "عراقياً",
])
def test_iraqi_nisba_in_every_inflection(surface):
    assert found(f"مسؤول {surface} قال") == [(surface, "iraq", "adjective")]


@pytest.mark.parametrize("text, surface, entity", [
    ("أسقطت المقاتلات طائرتين مسيرتين إيرانيتي الصنع", "إيرانيتي", "iran"),  # a dual in construct loses its ن
    ("وصلت طائرتان مسيرتان إيرانيتا الصنع", "إيرانيتا", "iran"),
    ("أفرج عن بحارين أمريكيي الجنسية", "أمريكيي", "united_states"),
])
def test_a_dual_or_plural_nisba_in_construct_counts(text, surface, entity):
    assert found(text) == [(surface, entity, "adjective")]


@pytest.mark.parametrize("surface", ["أميركي", "أمريكي", "الأمريكية", "الأميركيين", "أمريكيون", "والأمريكيين",
                                     "أميركياً", "الأمريكان"])
def test_american_nisba_in_both_spellings(surface):
    assert found(f"قال {surface} إن") == [(surface, "united_states", "adjective")]


@pytest.mark.parametrize("surface, entity", [
    ("السوري", "syria"), ("والسورية", "syria"), ("سوريون", "syria"), ("إيراني", "iran"), ("الإيرانية", "iran"),
    ("إيرانيةً", "iran"), ("تركي", "turkey"), ("التركية", "turkey"), ("الأتراك", "turkey"),
])
def test_core_country_nisbas(surface, entity):
    assert found(f"قال {surface} إن") == [(surface, entity, "adjective")]


def test_nisbas_inside_job_titles_count():
    assert found("التقى رئيس الوزراء العراقي الرئيس الأميركي ووزير الخارجية الإيراني") == [
        ("العراقي", "iraq", "adjective"), ("الأميركي", "united_states", "adjective"),
        ("الإيراني", "iran", "adjective")]


@pytest.mark.parametrize("text, entity", [("سوريا", "syria"), ("تركيا", "turkey"), ("في سورية", "syria")])
def test_country_names_that_look_like_nisbas_are_names(text, entity):
    assert [(e, f) for _, e, f in found(text)] == [(entity, "name")]


@pytest.mark.parametrize("text", ["العربية", "الكردية", "الدولية", "الإسلامية", "الأمنية", "عراقيل", "تركيز",
                                  "تركيبة", "سوريالية"])
def test_non_country_nisbas_and_lookalikes_are_not_counted(text):
    assert found(f"قال {text} إن") == []


@pytest.mark.parametrize("text, form", [
    ("نقلت وسائل إعلام رسمية سورية عن مصدر", "adjective"),  # two adjectives in a row: «رسمية سورية»
    ("قالت مصادر عسكرية سورية إن", "adjective"),
    ("عاد الوفد إلى سورية أمس", "name"),
    ("زار الرئيس سورية الشهر الماضي", "name"),
    ("قاتلت فصائل موالية لسورية", "name"),  # after a preposition: the country
])
def test_syria_spelt_with_ta_marbuta_after_an_adjective_is_the_nisba(text, form):
    assert [(e, f) for _, e, f in found(text)] == [("syria", form)]


def test_a_country_after_a_noun_in_iya_is_the_name_in_a_construct():
    # «وزراء خارجية تركيا»: the foreign ministers of Turkey; only the feminine nisba form (سورية) agrees
    assert [(e, f) for _, e, f in found("سيجتمع وزراء خارجية تركيا وروسيا") if e == "turkey"] == [("turkey", "name")]


@pytest.mark.parametrize("text", ["رغم اعتراضات تركيا على الخطة", "وصلت تعزيزات سوريا إلى الحدود"])
def test_a_country_in_alif_after_a_plural_in_at_is_the_name_in_a_construct(text):
    # «تركيا» in ـا is the accusative singular nisba only after a singular noun («جنديا تركيا»); after a plural in ـات
    # («اعتراضات تركيا», Turkey's objections) it is the country
    assert [f for _, _, f in found(text)] == ["name"]


def test_sudani_alone_is_the_prime_minister_but_inflected_it_is_sudan():
    assert found("السوداني والسودانيون") == [
        ("السوداني", "mohammed_shia_al_sudani", "name"), ("والسودانيون", "sudan", "adjective")]


# --- meaning from the words around a name (data/entity_context.csv) --------------------

def ids(text: str) -> list[tuple[str, str]]:
    """(entity_id, form) of every mention, in order."""
    return [(e, f) for _, e, f in found(text)]


@pytest.mark.parametrize("text", ["أعلن الجيش السوداني سيطرته على المدينة",
                                  "استقبل الرئيس السوداني وفدا من الخرطوم",
                                  "وأصدرت الحكومة السودانية بيانا"])
def test_sudani_agreeing_with_a_definite_noun_is_sudanese_not_the_prime_minister(text):
    assert ("sudan", "adjective") in ids(text)
    assert "mohammed_shia_al_sudani" not in {e for e, _ in ids(text)}


@pytest.mark.parametrize("text", ["وقال رئيس الوزراء السوداني إن الحكومة ماضية في خطتها",
                                  "التقى السوداني وفدا أوروبيا",  # التقى is a verb, not a definite noun
                                  "وصرح السوداني بأن الانسحاب سيكتمل",
                                  "التقى رئيس الحكومة العراقية السوداني وفدا أوروبيا"])
def test_sudani_after_a_title_a_verb_or_in_apposition_is_the_prime_minister(text):
    assert ("mohammed_shia_al_sudani", "name") in ids(text)
    assert "sudan" not in {e for e, _ in ids(text)}


def test_sudani_and_ed_to_a_nisba_is_sudanese():
    assert ids("بحث الجانبان العراقي والسوداني التعاون الزراعي") == [("iraq", "adjective"), ("sudan", "adjective")]


@pytest.mark.parametrize("text", ["قصفت طائرات سورية مواقع للمعارضة", "استهدفت الغارة قاعدة سورية قرب الحدود",
                                  "صدت القوات الأمريكية هجوما لقوات سورية", "اختبأ في مناطق سورية حدودية"])
def test_syria_spelt_with_teh_marbuta_after_a_noun_it_agrees_with_is_the_nisba(text):
    assert ("syria", "adjective") in ids(text) and ("syria", "name") not in ids(text)


def test_syria_and_ed_to_an_indefinite_nisba_is_the_nisba():
    assert ids("انتشرت قوات روسية وسورية في البلدة") == [("russia", "adjective"), ("syria", "adjective")]


@pytest.mark.parametrize("text", ["يقاتل التنظيم في العراق وسورية", "وصل الوفد إلى سورية أمس",
                                  "اتفقت الدول العربية وسورية على الحوار"])
def test_syria_spelt_with_teh_marbuta_after_a_preposition_a_name_or_a_definite_nisba_is_the_country(text):
    assert ids(text)[-1] == ("syria", "name")


@pytest.mark.parametrize("text", ["شنت قوات سورية الديمقراطية هجوما", "قالت قوات سوريا الديموقراطية إن",
                                  '"سوريا الديمقراطية" تعلن بدء المرحلة الأخيرة',
                                  'أعلنت قوات "سوريا الديمقراطية" السيطرة على القرية',
                                  "وأكدت قوات تحالف سوريا الديمقراطية تقدمها"])
def test_every_spelling_of_the_sdf_is_the_sdf_and_not_syria(text):
    assert ids(text) == [("sdf", "name")]


def test_hashtags_joined_with_underscores_are_read_word_by_word():
    text = "نشر الجيش صورا عبر #قوات_التحالف و#قوات_سوريا_الديمقراطية"
    assert found(text) == [("التحالف", "global_coalition", "name"), ("قوات_سوريا_الديمقراطية", "sdf", "name")]
    assert all(text[m.char_start:m.char_end] == m.surface for m in extract_entities(text))


@pytest.mark.parametrize("text", ["وفي عام 1990 انضمت مصر إلى التحالف الذي قادته واشنطن ضد العراق",
                                  "شاركت القوات المغربية في حرب الخليج ضمن التحالف",
                                  "في 5/3/2011 اجتمع قادة التحالف في لندن",
                                  "كان صدام حسين يتوقع أن ينهار التحالف الدولي سريعا"])
def test_a_coalition_of_another_war_is_not_the_global_coalition(text):
    assert "global_coalition" not in {e for e, _ in ids(text)}


@pytest.mark.parametrize("text", ["وبقي نحو 1500 عسكري من قوات التحالف في القاعدة",  # a count, not a year
                                  "وقد تشكل التحالف في أيلول/سبتمبر 2014 لقتال داعش",
                                  # a year after the mention dates something else
                                  "تعمل الدول الأعضاء في التحالف وفق اتفاقية الإطار الاستراتيجي الموقعة عام 2008",
                                  "انطلق التحالف عام 2014 بعد سنوات من انسحاب 2011",
                                  # an earlier year, but a later one in the same sentence
                                  "انسحبت القوات الأمريكية من العراق عام 2011، قبل أن تعود ضمن التحالف في عام 2015",
                                  # an earlier year, but the coalition fights ISIS in the same sentence
                                  "عادت القوات الأمريكية بعد انسحاب عام 2011 ضمن التحالف الذي يقاتل داعش"])
def test_the_global_coalition_in_its_own_time(text):
    assert ("global_coalition", "name") in ids(text)


@pytest.mark.parametrize("text", ["أعلن التحالف الكردي العربي بدء الهجوم", "تعزز التحالف الأمريكي-السعودي بعد الحرب",
                                  "فاز التحالف الوطني بأغلب المقاعد",
                                  # the parties named after it: the alliance between the two countries
                                  "وقال إن تسليح الوحدات لا يتوافق مع التحالف بين البلدين",
                                  # a quotation that closes on it: still the alliance between them
                                  'وقال إن القرار "يضر بروح التحالف" بين البلدين'])
def test_an_alliance_named_by_its_members_is_another_alliance(text):
    assert "global_coalition" not in {e for e, _ in ids(text)}


@pytest.mark.parametrize("text", ["وقال التحالف الحالي إنه سيواصل الضربات", "قصفت طائرات التحالف الأمريكي مواقع داعش",
                                  "وأكد التحالف الذي تقوده واشنطن"])
def test_the_coalition_with_an_adjective_that_still_describes_it(text):
    assert ids(text)[0] == ("global_coalition", "name")


@pytest.mark.parametrize("text", ["وقالت واشنطن إن مهمة التحالف العسكرية في العراق ستنتهي العام المقبل",
                                  "وتراجعت قدرات التحالف القتالية بعد الانسحاب"])
def test_a_feminine_adjective_after_the_coalition_describes_the_noun_before_it(text):
    # an adjective agrees in gender with its noun: «العسكرية» after «التحالف» is the mission's («مهمة … العسكرية»), and
    # names no other alliance, as «التحالف الكردي» does
    assert ("global_coalition", "name") in ids(text)


def test_bare_hashd_is_the_pmf_but_a_military_build_up_is_not():
    assert ids("رحب الحشد بالقرار") == [("popular_mobilization_forces", "name")]
    assert ids("حذر خبراء من الحشد العسكري على الحدود") == []


@pytest.mark.parametrize("text", ["وتوعد تركي البنعلي الدول الغربية", "وقال المتحدث تركي المالكي إن",
                                  "زار الرئيس منزل جورج واشنطن"])
def test_a_given_name_before_a_family_name_is_a_person_not_a_nisba_or_a_place(text):
    assert ids(text) == []


@pytest.mark.parametrize("text", ["قتل أبو جمال تركي الجنسية في الغارة", "أدانت الحكومة أي قصف تركي لأراضيها"])
def test_turkish_nisba_stays_the_nisba(text):
    assert ids(text)[-1] == ("turkey", "adjective")


def test_a_given_name_before_a_place_with_a_preposition_leaves_the_place():
    assert ids("درس في جامعة جورج تاون في واشنطن") == [("washington", "name")]
    assert ids("ندد بأي غزو تركي لسوريا") == [("turkey", "adjective"), ("syria", "name")]


@pytest.mark.parametrize("text, entity", [
    ("انسحب البلد من الحلف الأطلسي", "nato"),
    ("ظهرت ما يسمى بدولة العراق والشام الإسلامية", "isis"),
    ("حارب تنظيم الدولة الإسلامية في العراق والشام", "isis"),
    ("انتشرت قوى الأمن العراقية في المدينة", "iraqi_security_forces"),
])
def test_aliases_real_outlets_use_are_one_mention_of_the_entity(text, entity):
    assert ids(text) == [(entity, "name")]


def test_across_the_atlantic_is_not_nato():
    assert ids("العلاقات عبر الأطلسي قوية") == []


@pytest.mark.parametrize("surface", ["للإيرانين", "الإرانيين"])
def test_misspelt_nisbas_count(surface):
    assert found(f"التقى الوفد {surface} أمس") == [(surface, "iran", "adjective")]


# --- offsets --------------------------------------------------------------------------

def test_offsets_point_at_the_exact_original_surface():
    text = "بغداد –\u200f أعلنت الحكومةُ العراقيّة والولايات المتحدة أن قوات أمريكيةً ستغادر العـراقَ."
    mentions = extract_entities(text)
    assert [m.surface for m in mentions] == [
        "بغداد", "الحكومةُ العراقيّة", "والولايات المتحدة", "أمريكيةً", "العـراقَ"]
    for m in mentions:
        assert text[m.char_start:m.char_end] == m.surface


def test_direction_marks_at_the_edge_of_a_word_stay_out_of_the_surface():
    text = "في \u200fالعراق\u200f اليوم"
    (m,) = extract_entities(text)
    assert m.surface == "العراق" and text[m.char_start:m.char_end] == "العراق"


def test_repeated_words_get_their_own_offsets():
    text = "العراقيون في العراق، والعراق بلد العراقيين والعراق"
    starts = [m.char_start for m in extract_entities(text)]
    assert [text[s:s + 2] for s in starts] == ["ال", "ال", "وا", "ال", "وا"]
    assert starts == sorted(set(starts))


# --- corpus table and aggregations ------------------------------------------------------

def tiny_corpus():
    """Two articles shaped like ``load_corpus`` output: title, blank line, paragraphs."""
    texts = {
        "a1": "السوداني في واشنطن\n\nالتقى السوداني الرئيس الأميركي. وبحثا مستقبل التحالف في العراق.",
        "a2": "داعش\n\nقالت الحكومة العراقية إن داعش هُزم في العراق.",
    }
    articles = pd.DataFrame({"article_id": list(texts), "title": [t.split("\n")[0] for t in texts.values()],
                             "text": list(texts.values())})
    rows = []
    for article_id, text in texts.items():
        start = 0
        for number, para in enumerate(text.split("\n\n")):
            rows.append((article_id, number, para, start, start + len(para)))
            start += len(para) + 2
    paragraphs = pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "char_start", "char_end"])
    return SimpleNamespace(articles=articles, paragraphs=paragraphs)


def test_entities_table_has_one_row_per_mention_with_article_offsets():
    corpus = tiny_corpus()
    table = entities_table(corpus)
    assert list(table.columns) == TABLE_COLUMNS
    assert len(table) == 10
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    for row in table.itertuples():
        assert texts[row.article_id][row.char_start:row.char_end] == row.surface


def test_entities_table_gives_paragraph_and_sentence():
    table = entities_table(tiny_corpus())
    coalition = table[table["entity_id"] == "global_coalition"].iloc[0]
    assert coalition["paragraph"] == 1
    assert coalition["sentence"] == "وبحثا مستقبل التحالف في العراق."
    title = table[(table["article_id"] == "a1")].iloc[0]
    assert (title["paragraph"], title["sentence"]) == (0, "السوداني في واشنطن")


def test_entity_counts_by_entity_and_form_with_names():
    counts = entity_counts(entities_table(tiny_corpus()))
    top = counts.iloc[0]
    assert (top["entity_id"], top["form"], top["mentions"], top["articles"]) == ("iraq", "name", 2, 2)
    assert top["name_ar"] == "العراق" and top["name_en"] == "Iraq" and top["type"] == "GPE"
    assert set(counts.columns) >= {"entity_id", "form", "name_ar", "name_en", "type", "mentions", "articles"}


def test_entity_counts_by_article():
    counts = entity_counts(entities_table(tiny_corpus()), by=("article_id", "entity_id"))
    sudani = counts[(counts["article_id"] == "a1") & (counts["entity_id"] == "mohammed_shia_al_sudani")]
    assert int(sudani["mentions"].iloc[0]) == 2


def test_cooccurrence_counts_sentences_mentioning_both():
    pairs = cooccurrence(entities_table(tiny_corpus()))
    as_dict = {(a, b): n for a, b, n in zip(pairs["entity_a"], pairs["entity_b"], pairs["sentences"])}
    assert as_dict[("global_coalition", "iraq")] == 1
    assert as_dict[("iraq", "isis")] == 1
    assert ("isis", "isis") not in as_dict
    assert ("iraq", "iraqi_government") in as_dict


def test_mentions_of_lists_the_sentences_with_article_and_paragraph():
    rows = mentions_of(entities_table(tiny_corpus()), "isis")
    assert list(rows.columns) == ["article_id", "paragraph", "sentence", "mentions", "surfaces"]
    assert list(rows["sentence"]) == ["داعش", "قالت الحكومة العراقية إن داعش هُزم في العراق."]
    assert list(rows["paragraph"]) == [0, 1]


def test_aggregations_of_an_empty_table_are_empty():
    empty = pd.DataFrame(columns=TABLE_COLUMNS)
    assert entity_counts(empty).empty and cooccurrence(empty).empty and mentions_of(empty, "iraq").empty


def test_a_nisba_whose_own_letters_start_like_the_article_takes_the_article_too():
    # «ألماني» normalises to الماني: its definite forms are «الألماني», «الألمانية», «الألمان», and «ماني» is no form
    assert [(e, f) for _, e, f in found("قالت الحكومة الألمانية إن الجيش الألماني سيبقى")] == [
        ("germany", "adjective"), ("germany", "adjective")]
    assert found("سجل ساديو ماني هدفين") == []
