"""The claim of a milestone, rule by rule (../shared/eval/CLAIMS.md), on sentences written for these tests."""

from __future__ import annotations

import shutil

import pytest

from helpers.claim_tables import CLAIMS_DIR, ClaimTableError, load_claim_tables
from helpers.claims import extract_claims


def claims_of(text: str, *surfaces: str):
    """The claims of the dates ``surfaces`` (each the first copy after the previous one) in ``text``."""
    spans, cursor = [], 0
    for surface in surfaces:
        start = text.index(surface, cursor)
        spans.append((start, start + len(surface)))
        cursor = start + len(surface)
    return extract_claims(text, spans)


def article(*paragraphs: str) -> str:
    return "عنوان الخبر\n\n" + "\n\n".join(paragraphs)


# --- event -----------------------------------------------------------------------------------------

def test_a_date_on_the_drawdown_clause_takes_the_drawdown_event_and_its_place():
    text = article("وقال المتحدث إن مهمة التحالف الدولي في العراق تنتهي في موعد أقصاه نهاية آذار 2026.")
    (claim,) = claims_of(text, "نهاية آذار 2026")
    assert (claim.event, claim.place, claim.actor) == ("mission_end", "iraq", "global_coalition")


def test_a_date_that_times_the_announcement_is_an_agreement_whatever_is_announced():
    text = article("أعلنت واشنطن الخميس سحب خمسمئة جندي من سوريا.")
    (claim,) = claims_of(text, "الخميس")
    assert claim.event == "agreement"
    assert claim.actor == claim.claimant == "united_states"  # «واشنطن» as speaker is the capital's side


def test_a_date_inside_the_reported_content_takes_the_content_event():
    text = article("قال مسؤول أميركي إن القوات ستغادر قاعدة حرير مطلع أيار 2026.")
    (claim,) = claims_of(text, "مطلع أيار 2026")
    assert claim.event == "withdrawal"
    assert claim.claimant == "united_states"


def test_a_date_set_off_after_its_clause_takes_the_event_of_the_previous_clause():
    text = article("وجاء الاتفاق خلال زيارة رئيس الوزراء محمد شياع السوداني إلى واشنطن، يومي 3 و4 أيار 2025.")
    (claim,) = claims_of(text, "3 و4 أيار 2025")
    assert (claim.event, claim.actor) == ("talks", "mohammed_shia_al_sudani")


def test_a_presence_that_starts_at_the_date_is_not_a_drawdown_claim():
    text = article("تستضيف القاعدة قوات أميركية منذ عام 2015، وستبقى هذه القوات حتى نهاية 2026.")
    since, until = claims_of(text, "عام 2015", "نهاية 2026")
    assert since.event == "other"
    assert until.event == "presence"


# --- claimant ------------------------------------------------------------------------------------

def test_the_speaker_carries_over_to_a_continuing_sentence_of_the_paragraph_but_not_the_next_paragraph():
    text = article(
        "قال مسؤولون أمريكيون إن الاتفاق يشمل القوات. وأضافوا أن الانسحاب يكتمل في أيلول 2026.",
        "وتنتهي المرحلة الثانية في كانون الأول 2026.",
    )
    carried, next_paragraph = claims_of(text, "أيلول 2026", "كانون الأول 2026")
    assert carried.claimant == "united_states"
    assert carried.event == "withdrawal"
    assert next_paragraph.claimant == "media"


def test_a_continuation_marker_without_a_subject_keeps_the_speaker():
    text = article("أكدت الحكومة العراقية التزامها بالجدول، مشيرة إلى أن تسليم المواقع سيتم قبل نهاية حزيران 2026.")
    (claim,) = claims_of(text, "نهاية حزيران 2026")
    assert (claim.event, claim.claimant) == ("handover", "iraqi_government")


def test_narrator_background_is_not_carried():
    text = article("قال مسؤول تركي إن العملية مستمرة. وكان الجيش التركي قد شن هجوماً في آذار 2018.")
    (claim,) = claims_of(text, "آذار 2018")
    assert claim.claimant == "media"
    assert claim.event == "attack"


def test_a_joint_statement_has_both_sides_in_alphabetical_order():
    text = article("وبحسب بيان مشترك، يغادر مستشارو التحالف قاعدة عين الأسد في نهاية أيلول 2025.")
    (claim,) = claims_of(text, "نهاية أيلول 2025")
    assert claim.claimant == "iraqi_government+united_states"
    assert (claim.event, claim.place, claim.actor) == ("withdrawal", "ain_al_asad", "global_coalition")


def test_two_named_speakers_joined_by_wa_are_a_joint_claim():
    text = article("أعلنت الحكومة العراقية والولايات المتحدة الأحد إنهاء المهمة العسكرية للتحالف الدولي.")
    (claim,) = claims_of(text, "الأحد")
    assert claim.claimant == "iraqi_government+united_states"
    assert claim.actor == "global_coalition"  # joint agents: the mission the clause names


def test_the_outlet_speaks_in_its_own_voice_when_no_one_is_quoted():
    text = article("بغداد – غادرت آخر القوات الأجنبية قاعدة بلد الجوية في كانون الثاني 2026.")
    (claim,) = claims_of(text, "كانون الثاني 2026")
    assert claim.claimant == "media"
    assert claim.event == "withdrawal"


def test_anonymous_sources_are_unnamed():
    text = article("وذكرت مصادر مطلعة أن الانسحاب من قاعدة حرير سيكتمل في آب 2026.")
    (claim,) = claims_of(text, "آب 2026")
    assert claim.claimant == "unnamed"


def test_a_military_source_of_a_country_speaks_for_its_forces():
    text = article("وقال مصدر عسكري عراقي إن عملية التسليم تمت في شباط 2026.")
    (claim,) = claims_of(text, "شباط 2026")
    assert (claim.claimant, claim.event) == ("iraqi_security_forces", "handover")


def test_an_anaphoric_statement_is_the_statement_named_before():
    text = article(
        "وجاء في البيان الأميركي العراقي المشترك أن المهمة تتواصل.",
        "وأكد البيان أن المهمة العسكرية للتحالف في سوريا ستستمر حتى نهاية 2026.",
    )
    (claim,) = claims_of(text, "نهاية 2026")
    assert claim.claimant == "iraqi_government+united_states"
    assert (claim.event, claim.place) == ("presence", "syria")


# --- place ---------------------------------------------------------------------------------------

def test_a_place_outside_the_core_list_maps_to_the_smallest_core_place_containing_it():
    text = article("شنت القوات العراقية هجوماً على مواقع داعش في الموصل في تموز 2017.")
    (claim,) = claims_of(text, "تموز 2017")
    assert (claim.event, claim.place, claim.actor) == ("attack", "iraq", "iraqi_security_forces")


def test_the_place_of_a_withdrawal_is_the_place_left_not_the_destination():
    text = article("تسلمت القوات العراقية قاعدة عين الأسد من التحالف.",
                   "وستنقل معدات التحالف إلى أربيل مطلع آب 2025.")
    (claim,) = claims_of(text, "مطلع آب 2025")
    assert claim.event == "withdrawal"
    assert claim.place == "ain_al_asad"  # the base named for the same process, not Erbil


def test_a_capital_that_sends_or_speaks_is_not_a_place():
    text = article("تلقت بغداد في 3/5/2025 رسالة من واشنطن.")
    (claim,) = claims_of(text, "3/5/2025")
    assert claim.place == ""


# --- negation ------------------------------------------------------------------------------------

def test_a_denied_withdrawal_keeps_its_event_and_is_negated():
    text = article("وقال مسؤولون أميركيون إن الاتفاق لا يعني الانسحاب من العراق في أيلول 2025.")
    (claim,) = claims_of(text, "أيلول 2025")
    assert (claim.event, claim.negated) == ("withdrawal", True)


def test_an_affirmed_withdrawal_is_not_negated():
    text = article("وقال مسؤولون أميركيون إن الانسحاب من العراق يكتمل في أيلول 2025.")
    (claim,) = claims_of(text, "أيلول 2025")
    assert (claim.event, claim.negated) == ("withdrawal", False)


# --- tables --------------------------------------------------------------------------------------

@pytest.fixture
def tables_copy(tmp_path):
    target = tmp_path / "claims"
    shutil.copytree(CLAIMS_DIR, target)
    return target


def append_row(path, row: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_shipped_tables_load():
    tables = load_claim_tables()
    assert tables.sides["donald_trump"][0] == "united_states"
    assert "iraq" in tables.core


def test_an_unknown_event_label_names_the_file_and_row(tables_copy):
    line = append_row(tables_copy / "events.csv", "انسحاب كامل,retreat,2,0")
    with pytest.raises(ClaimTableError) as info:
        load_claim_tables(tables_copy)
    assert info.value.path.name == "events.csv" and info.value.line == line
    assert "retreat" in str(info.value)


def test_a_speaker_id_outside_the_core_list_names_the_row(tables_copy):
    line = append_row(tables_copy / "speakers.csv", "مسؤول فرنسي,france")
    with pytest.raises(ClaimTableError) as info:
        load_claim_tables(tables_copy)
    assert (info.value.path.name, info.value.line) == ("speakers.csv", line)


def test_a_joint_speaker_out_of_order_names_the_row(tables_copy):
    line = append_row(tables_copy / "speakers.csv", "البيان الثنائي,united_states+iraqi_government")
    with pytest.raises(ClaimTableError, match="alphabetical") as info:
        load_claim_tables(tables_copy)
    assert info.value.line == line


def test_a_place_contained_in_itself_names_the_row(tables_copy):
    append_row(tables_copy / "part_of.csv", "iraq,mosul")
    with pytest.raises(ClaimTableError, match="part of itself"):
        load_claim_tables(tables_copy)


def test_an_entity_missing_from_the_gazetteer_names_the_row(tables_copy):
    line = append_row(tables_copy / "sides.csv", "atlantis,united_states,,")
    with pytest.raises(ClaimTableError, match="atlantis") as info:
        load_claim_tables(tables_copy)
    assert info.value.line == line


# --- speed without changing a claim ---------------------------------------------------------------

def test_a_claim_does_not_depend_on_which_later_milestones_are_asked_for():
    # the cues are read only up to the last milestone's sentence: the trigger after the date must still count
    text = article("وفي أيلول 2025 تبدأ القوات الأميركية الانسحاب من قاعدة عين الأسد، بحسب مسؤولين عراقيين. "
                   "وقال المتحدث إن نقل المسؤولية إلى القوات العراقية يكتمل في نهاية 2026.")
    alone = claims_of(text, "أيلول 2025")
    both = claims_of(text, "أيلول 2025", "نهاية 2026")
    assert alone == both[:1]
    assert alone[0].event == "withdrawal"
    assert both[1].event != alone[0].event


def test_the_cue_scan_up_to_an_offset_finds_every_cue_before_it_as_the_full_scan_does():
    from helpers.claims.cues import cue_scanner as _scanner
    from helpers.normalize import normalize_with_map

    # «خفض» ends one sentence and «القوات» opens the next: a phrase of the tables read across the break
    text = ("أعلن الوزير أن واشنطن ستبدأ خفض. القوات الأمريكية تغادر بغداد ولم تنسحب بعدُ من أربيل، "
            "وفق ما قاله مصدر عسكري عراقي إن انتهاء المهمة في أيلول.")
    norm = normalize_with_map(text)
    scanner = _scanner(load_claim_tables())
    full = scanner.scan(norm)
    assert len({cue.table for cue in full}) >= 3  # the text holds cues of several tables
    for limit in range(len(text) + 1):
        assert [c for c in scanner.scan(norm, limit) if c.start < limit] == [c for c in full if c.start < limit]


# --- speaker frames and places (CLAIMS.md rules 18, 21, 27) ---------------------------------------

def test_an_attribution_after_the_verb_does_not_hide_the_place_of_what_was_said():
    # «في بيان» is an adjunct of «أكدت»: what follows the speaker is the content, which has the place
    text = article("أكدت الاستخبارات العراقية في بيان الأربعاء مقتل قيادي بارز بوسط سوريا، "
                   "في غارة جوية في الثاني من يوليو.")
    (claim,) = claims_of(text, "الثاني من يوليو")
    assert (claim.event, claim.place) == ("attack", "syria")


def test_a_speech_date_takes_its_place_from_what_was_said_not_from_the_speaker_s_name():
    # the White House speaks: it is not where the mission ends
    text = article("وقال البيت الأبيض يوم الأربعاء إن المهمة العسكرية ضد التنظيم في سوريا ستنتهي قريبا.")
    (claim,) = claims_of(text, "يوم الأربعاء")
    assert (claim.event, claim.place, claim.claimant) == ("agreement", "syria", "united_states")


def test_an_attribution_that_opens_its_clause_keeps_the_statement_s_place_out_of_the_event():
    text = article("وبحسب بيان مشترك صدر في بغداد وواشنطن، تنتهي مهمة التحالف في العراق في موعد أقصاه نهاية أيلول 2025.")
    (claim,) = claims_of(text, "نهاية أيلول 2025")
    assert (claim.event, claim.place) == ("mission_end", "iraq")



# --- a date that times a speech made at a meeting (CLAIMS.md rules 1 and 4) -------------------------

def test_a_date_between_the_reporting_verb_and_its_content_times_the_speech():
    text = article("وقال الوزير، أمام دبلوماسيين ومسؤولي دفاع في مؤتمر أمني بالدوحة السبت، إن الحرب على التنظيم لم تنته.")
    (claim,) = claims_of(text, "السبت")
    assert claim.event == "agreement"  # not the conference («talks»): the date is on the speaking


def test_a_meeting_that_opens_the_sentence_before_the_speech_verb_gives_the_speech_its_date():
    text = article("وفي اجتماع الثلاثاء، أعرب الرئيس الأمريكي عن أمله في أن تزيد دول المنطقة دعمها.")
    (claim,) = claims_of(text, "الثلاثاء")
    assert (claim.event, claim.actor) == ("agreement", "united_states")


def test_a_meeting_date_inside_the_reported_content_stays_a_meeting():
    text = article("وقال الوزير إن الجانبين سيعقدان اجتماعا في بغداد السبت لبحث الجدول الزمني.")
    (claim,) = claims_of(text, "السبت")
    assert claim.event == "talks"


def test_the_milestones_table_ends_with_the_claim_columns():
    # milestones.table counts them from COLUMNS (claims load lazily): the two lists must not drift apart
    from helpers.claims import CLAIM_COLUMNS
    from helpers.milestones import COLUMNS

    assert COLUMNS[-len(CLAIM_COLUMNS):] == CLAIM_COLUMNS
