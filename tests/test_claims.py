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


def test_hosting_a_meeting_is_talks_but_hosting_forces_is_their_presence():
    # CLAIMS.md: talks = a meeting takes place; presence = forces stay. «تستضيف» says which by what it hosts
    text = article("ومن المقرر أن تستضيف عمان الأحد المقبل اجتماعا لوزراء دفاع الدول المشاركة.",
                   "وقالت الوزارة إن القاعدة ستستضيف قوات أمريكية حتى نهاية العام المقبل.")
    meeting, forces = claims_of(text, "الأحد المقبل", "نهاية العام المقبل")
    assert meeting.event == "talks"
    assert forces.event == "presence"


def test_a_fall_a_siege_and_a_campaign_are_attacks():
    # CLAIMS.md attack: a military operation or seizure (rule 9); «سقوط المدينة» is its seizure, «حاصر» a siege,
    # «أطلقت حملة» a campaign (a bare campaign only when the sentence names no other event, as «عملية»)
    text = article("وكان سقوط مدينة الرقة في 17 تشرين الأول 2017 قد أنهى حكم التنظيم فيها.",
                   "وكانت القوات قد حاصرت بلدة الباغوز في شباط 2019.",
                   "وأطلقت القوات حملة جديدة لطرد التنظيم من ريف دير الزور في آب 2017.")
    fall, siege, campaign = claims_of(text, "17 تشرين الأول 2017", "شباط 2019", "آب 2017")
    assert (fall.event, fall.place) == ("attack", "syria")
    assert (siege.event, siege.place) == ("attack", "syria")
    assert (campaign.event, campaign.place) == ("attack", "syria")


def test_a_massacre_is_an_attack_by_whoever_committed_it():
    text = article("وتعود المقابر إلى مجزرة ارتكبها تنظيم داعش قرب تكريت في حزيران 2014.",
                   "وقتل العشرات في مذبحة في قرية قرب حلب في 3 آب.")
    committed, village = claims_of(text, "حزيران 2014", "3 آب")
    assert (committed.event, committed.place, committed.actor) == ("attack", "iraq", "isis")
    assert (village.event, village.place) == ("attack", "syria")


def test_an_ending_is_a_mission_end_only_when_its_clause_names_a_mission_phase_or_presence():
    # a term, a deadline or a battle ends too: no drawdown claim unless the clause names what ends as a mission,
    # a phase of one or a presence (CLAIMS.md: mission_end)
    text = article("وكان من المقرر أن تنتهي ولايته في آب 2015.",
                   "ومن المقرر أن تنتهي مهلة وقف إطلاق النار مساء الثلاثاء.",
                   "وقال المتحدث إن مهمة التحالف الدولي في العراق ستنتهي في أيلول 2025.",
                   "وبحسب البيان، تنتهي المرحلة الأولى نهاية آذار 2026.")
    term, deadline, mission, phase = claims_of(text, "آب 2015", "مساء الثلاثاء", "أيلول 2025", "نهاية آذار 2026")
    assert term.event == "other" and deadline.event == "other"
    assert (mission.event, mission.place, mission.actor) == ("mission_end", "iraq", "global_coalition")
    assert phase.event == "mission_end"


def test_going_on_is_a_presence_only_of_forces_or_a_mission():
    # work, a search or a deadline goes on too: a presence claim needs forces, a mission or a presence named
    # (CLAIMS.md: presence); a deadline of a withdrawal that goes on is the withdrawal's
    text = article("وقال المتحدث إن عمليات التمشيط ستستمر حتى الجمعة المقبل.",
                   "وقال قائد عسكري إن القوات ستبقى في العراق حتى نهاية العام المقبل.",
                   "وأشار مسؤولون إلى أن الموعد النهائي للانسحاب من سوريا قد يمتد حتى منتصف آذار المقبل.")
    combing, troops, deadline = claims_of(text, "الجمعة المقبل", "نهاية العام المقبل", "منتصف آذار المقبل")
    assert combing.event != "presence"
    assert (troops.event, troops.place) == ("presence", "iraq")
    assert (deadline.event, deadline.place) == ("withdrawal", "syria")


def test_timeline_entries_in_the_present_tense_of_headlines():
    # a timeline entry is written like a headline: «يسيطر», «تتفقان» are the events; a joint statement that sets
    # the end of the mission is the statement (CLAIMS.md: the date of a statement is agreement), for the mission
    # named before (rule 19)
    text = article("وبدأ التحالف الدولي عملياته ضد التنظيم قبل عشر سنوات.",
                   "2014: تنظيم داعش يسيطر على الموصل.",
                   "2021: واشنطن وبغداد تتفقان على إنهاء المهمة القتالية للتحالف.",
                   "2024: بيان مشترك يحدد موعد انتهاء المهمة على مرحلتين.")
    seized, agreed, joint = claims_of(text, "2014", "2021", "2024")
    assert (seized.event, seized.place, seized.actor) == ("attack", "iraq", "isis")
    assert (agreed.event, agreed.actor) == ("agreement", "global_coalition")
    assert (joint.event, joint.actor) == ("agreement", "global_coalition")


def test_a_vote_and_summoning_an_ambassador_are_decisions():
    # CLAIMS.md agreement: a decision made — a parliament's vote, a state summoning an ambassador
    text = article("وكان مجلس الأمن قد صوت الاثنين على نشر مراقبين لمتابعة الإجلاء.",
                   "وذكرت وكالة الأنباء أن طهران استدعت السفير العراقي لديها صباح السبت.")
    vote, summons = claims_of(text, "الاثنين", "صباح السبت")
    assert (vote.event, vote.actor) == ("agreement", "united_nations")
    assert summons.event == "agreement"


def test_an_election_campaign_and_the_end_of_a_term_are_no_attack_and_no_mission_end():
    # CLAIMS.md: attack is violence, mission_end the end of a foreign military mission. «الحملة الانتخابية» is a
    # campaign for votes (a bare «حملة» stays an attack, above) and «انتهاء ولاية البرلمان» ends a parliament's
    # term: both are other, and a parliament's term is a domestic political event (rule 21d: its country)
    text = article("وانطلقت الحملة الانتخابية في العاشر من نيسان الماضي وسط إجراءات أمنية مشددة في بغداد.",
                   "ودعا الرئيس إلى حسم الملف قبل انتهاء ولاية البرلمان العراقي في 30 حزيران المقبل.")
    campaign, term = claims_of(text, "العاشر من نيسان الماضي", "30 حزيران المقبل")
    assert campaign.event == "other"
    assert (term.event, term.place) == ("other", "iraq")


def test_setting_fire_to_a_building_is_an_attack():
    # CLAIMS.md attack: violence against people or property, whoever does it: arson as much as a strike
    text = article("وأحرق محتجون غاضبون مقر الحزب في مدينة الناصرية مساء الاثنين.",
                   "وأضرم مجهولون النار في مبنى المحافظة في الموصل فجر الثلاثاء.")
    burnt, fire = claims_of(text, "مساء الاثنين", "فجر الثلاثاء")
    assert (burnt.event, burnt.place) == ("attack", "iraq")
    assert (fire.event, fire.place) == ("attack", "iraq")


def test_an_attack_whose_sentence_names_no_place_is_where_the_attacks_told_before_it_were():
    # CLAIMS.md rule 21b: a locative given for the same event or its parent process elsewhere in the article.
    # A battle told in one paragraph goes on in the next («وكان مقاتلو التنظيم قد شنوا هجوما …»), and its
    # background dates are in the same place; an attack that names its own place keeps it
    text = article("تواصلت المعارك العنيفة في مدينة الرقة السورية، وقصفت الطائرات مواقع التنظيم شمالي المدينة.",
                   "وكان مقاتلو التنظيم قد شنوا هجوما واسعا في كانون الثاني 2014، وقتلوا العشرات في آب من العام نفسه.",
                   "وفي الموصل، شنت القوات العراقية هجوما جديدا في 17 تشرين الأول 2016.")
    seized, killed, mosul = claims_of(text, "كانون الثاني 2014", "آب من العام نفسه", "17 تشرين الأول 2016")
    assert (seized.event, seized.place) == ("attack", "syria")
    assert (killed.event, killed.place) == ("attack", "syria")
    assert (mosul.event, mosul.place) == ("attack", "iraq")


def test_the_city_a_place_noun_stands_for_is_not_a_capital_named_for_its_government():
    # CLAIMS.md rules 20 and 23: «في المدينة» is in the city named last as a place; «نشرت واشنطن» names the US
    # government, an agent, not a city where anything happens
    text = article("وتقع بلدة منبج في ريف حلب الشمالي.",
                   "وفي الأسبوع الماضي، نشرت واشنطن عربات مدرعة في محيط المدينة.")
    (claim,) = claims_of(text, "الأسبوع الماضي")
    assert (claim.place, claim.actor) == ("syria", "united_states")


def test_a_sitting_of_a_parliament_is_held_in_its_country():
    # CLAIMS.md rule 21d: a domestic political event with no place named is in the country of its institution;
    # a parliament's sitting is one. A sitting of a body of no country (the Security Council) stays without place.
    text = article("ومن المقرر أن يعقد البرلمان التركي جلسة مغلقة الخميس المقبل لبحث العملية العسكرية.",
                   "ويعقد مجلس الأمن الدولي جلسة طارئة مساء الجمعة بطلب من فرنسا.")
    sitting, council = claims_of(text, "الخميس المقبل", "مساء الجمعة")
    assert (sitting.event, sitting.place) == ("talks", "turkey")
    assert (council.event, council.place) == ("talks", "")


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


def test_leaders_named_by_surname_speak_for_their_side_or_for_none_of_the_core_list():
    # rule 14: an official speaks for their side (a Turkish prime minister -> turkey, an Iraqi president -> iraq,
    # a US defense secretary -> pentagon); rule 16: a named speaker outside the core list (Putin) leaves the
    # claimant empty, not the outlet's voice
    text = article("وقال يلدريم الأحد إن البرلمان سيعقد جلسة استثنائية.",
                   "وقال برهم صالح الاثنين إن الحكومة ستقدم برنامجها.",
                   "وقال إسبر الثلاثاء إن الضربات كانت دفاعية.",
                   "وقال بوتين الأربعاء إن المحققين سيصلون إلى أنقرة.")
    turkish, iraqi, pentagon, russian = claims_of(text, "الأحد", "الاثنين", "الثلاثاء", "الأربعاء")
    assert (turkish.claimant, iraqi.claimant, pentagon.claimant) == ("turkey", "iraq", "pentagon")
    assert russian.claimant == ""


def test_a_reporting_verb_coordinated_later_in_the_sentence_keeps_the_sentence_s_subject():
    # «…، وأعلن الحداد»: the verb has no subject of its own; it goes on with the subject of the sentence's first
    # verb; a group's own quoted name there («"المقاومة الإسلامية في العراق"») names no side of the core list
    text = article("وحمل رئيس الوزراء العراقي القوات التركية مسؤولية الهجوم، مؤكدا أن تركيا انتهكت السيادة، "
                   "وأعلن الحداد الرسمي اليوم الخميس.",
                   "وتبنت \"المقاومة الإسلامية في العراق\" الهجمات، وقالت في بيان الأحد إن عملياتها ستستمر.")
    mourning, group = claims_of(text, "اليوم الخميس", "الأحد")
    assert (mourning.event, mourning.claimant, mourning.actor) == ("agreement", "iraqi_government", "iraqi_government")
    assert group.claimant != "iraq"


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


def test_a_launched_operation_is_an_attack_by_whoever_launched_it():
    # CLAIMS.md: attack = an attack, strike, battle or other violence; a military operation launched on a date
    # is that (rule 18: its actor is who launched it)
    text = article("وكان الجيش التركي قد أطلق العملية في 9 تشرين الأول الماضي ضد المقاتلين الأكراد.",
                   "وانطلقت عملية الفجر في 12 آذار بمشاركة قوات البيشمركة.")
    launched, started = claims_of(text, "9 تشرين الأول الماضي", "12 آذار")
    assert (launched.event, launched.actor) == ("attack", "turkey")
    assert started.event == "attack"


def test_a_bare_operation_gives_way_to_any_other_event_word_of_its_sentence():
    # «عملية» decides only when the sentence names no other event (priority 0): an arrest made during an
    # operation is the arrest (other), and a political process is no operation at all
    text = article("اعتقلت الشرطة العراقية قياديا في التنظيم، خلال عملية أمنية في كركوك الشهر الماضي.",
                   "وانطلقت العملية السياسية في البلاد مطلع 2005 بمشاركة الأحزاب الكردية.")
    arrest, politics = claims_of(text, "الشهر الماضي", "مطلع 2005")
    assert arrest.event == "other"
    assert politics.event == "other"


def test_an_operation_in_the_dated_clause_leaves_the_speaker_of_the_sentence_in_place():
    # «وكانت العملية قد انطلقت … وفق ما أفادت به قيادة البيشمركة»: the attribution covers the date (rule 2)
    text = article("وكانت العملية قد انطلقت فجر الخميس من ثلاثة محاور بمشاركة مئات المقاتلين، "
                   "وفق ما أفادت به وزارة البيشمركة في بيان.")
    (claim,) = claims_of(text, "فجر الخميس")
    assert claim.event == "attack"
    assert claim.claimant == "kurdistan_region"


def test_the_agent_inside_a_relative_clause_about_the_trigger_is_not_the_agent_of_the_dated_act():
    # rule 18, the semantic agent: breaking a siege is done by the subject, not by who laid the siege
    text = article("تمكن الجيش العراقي، فجر الجمعة، من كسر الحصار الذي فرضه تنظيم داعش على بلدة آمرلي.",
                   "وتمكنت القوات العراقية، بمشاركة مقاتلين من البيشمركة، من فك الحصار الذي فرضه داعش على "
                   "سنجار، مساء الاثنين، بغطاء جوي.")
    friday, monday = claims_of(text, "فجر الجمعة", "مساء الاثنين")
    assert (friday.event, friday.actor) == ("attack", "iraqi_security_forces")
    assert (monday.event, monday.actor) == ("attack", "iraqi_security_forces")


def test_a_relative_clause_still_names_the_attacker_when_the_sentence_names_no_other_agent():
    text = article("وقتل عشرة مدنيين أمس في الهجوم الذي شنه تنظيم داعش على سوق شعبي في بعقوبة.")
    (claim,) = claims_of(text, "أمس")
    assert (claim.event, claim.actor) == ("attack", "isis")


def test_a_definite_surname_speaks_for_the_side_it_was_first_given_with():
    # rule 2: news names a speaker in full once («المتحدث باسم الحكومة العراقية باسم العوادي»), then by surname,
    # and surnames are often definite (العوادي، الأعرجي): a later «وأكد العوادي» is still the government
    text = article("قال المتحدث باسم الحكومة العراقية باسم العوادي إن الضربات عمل عدائي.",
                   "وأكد العوادي أن الحكومة ستبدأ الشهر المقبل حوارا مع واشنطن.")
    (claim,) = claims_of(text, "الشهر المقبل")
    assert claim.claimant == "iraqi_government"


def test_a_timeline_entry_or_headline_names_its_speaker_before_the_verb():
    # rule 2: «أبريل 2025: وزارة الدفاع الأمريكية تعلن …» — subject first, then what was said, whose place
    # («في سوريا») names no speaker; a dateline before a verb («بغداد – وتشير …») is no subject
    text = article("أبريل 2025: وزارة الدفاع الأمريكية تعلن خفض القوات في سوريا إلى ألف جندي.",
                   "ديسمبر 2018: الرئيس دونالد ترامب يعلن سحب جميع القوات من سوريا.")
    april, december = claims_of(text, "أبريل 2025", "ديسمبر 2018")
    assert (april.claimant, april.actor) == ("pentagon", "pentagon")
    assert (december.claimant, december.actor) == ("united_states", "united_states")


def test_one_of_the_officials_is_the_officials_named_before():
    # rule 2: «أحد المسؤولين», «المسؤولون» point back to the officials quoted before, as «المسؤول» does
    text = article("قال مسؤولان أمريكيان لشبكة إخبارية إن الجيش بدأ إخلاء قاعدتين في الحسكة.",
                   "وأضاف أحد المسؤولين أن إحدى القاعدتين ستسلم إلى القوات المحلية في آذار المقبل.")
    (claim,) = claims_of(text, "آذار المقبل")
    assert claim.claimant == "united_states"


def test_a_clause_opening_with_that_is_the_narrator_even_after_a_known_speaker():
    # rule 28: «، ذلك قبل التصريحات … الخميس الماضي» is the outlet's background inside the officials' sentence
    text = article("وأكد المتحدث باسم البنتاغون أن الخطط نوقشت لأيام، ذلك قبل تصريحات الرئيس الأمريكي الخميس الماضي.")
    (claim,) = claims_of(text, "الخميس الماضي")
    assert claim.claimant == "media"


def test_a_bare_ministry_is_the_one_named_before_in_full():
    # rule 2, most specific id: «الوزارة» after «وزارة الدفاع الأمريكية (البنتاغون)» is the Pentagon, after
    # «وزارة الدفاع التركية» Turkey's; whatever title the bare noun has now («المتحدثة باسم الوزارة»)
    text = article("أعلنت وزارة الدفاع الأمريكية (البنتاغون) الثلاثاء تسليح المقاتلين الأكراد.",
                   "وقالت المتحدثة باسم الوزارة الأربعاء إن القرار نهائي.",
                   "وفي أنقرة، أعلنت وزارة الدفاع التركية مقتل جنديين.",
                   "وقالت الوزارة الخميس إن العملية مستمرة.")
    pentagon, turkey = claims_of(text, "الأربعاء", "الخميس")
    assert pentagon.claimant == "pentagon"
    assert turkey.claimant == "turkey"


def test_a_statement_goes_on_with_its_speaker_not_with_a_name_in_what_was_said():
    # rule 2: «في بيان إن …، مضيفا أن طيران التحالف …» — the coalition is in what was said; «وتابع» carries on
    # the speaker of the statement
    text = article("وقال المتحدث باسم قيادة العمليات المشتركة في بيان إن القوات رفعت العلم فوق المطار، مضيفا أن "
                   "طيران التحالف الدولي شارك في القصف. وتابع أن الهجوم الذي انطلق فجر الأحد يسير وفق الخطط.")
    (claim,) = claims_of(text, "فجر الأحد")
    assert claim.claimant == "iraqi_security_forces"


def test_the_meeting_where_a_statement_was_made_stays_the_speakers():
    # rule 27: «وذلك خلال اجتماع … الثلاثاء» says when and where the reported statement was made; «وذلك بعد»
    # leaves the speaker's scope for the narrator's background
    text = article("كشفت مصادر أمريكية أن الرئيس طلب مزيدا من الأموال، وذلك خلال اجتماع مع فريق الأمن القومي الثلاثاء.",
                   "وقال مسؤولون أمريكيون إن القوات ستبقى، وذلك بعد هجوم على القاعدة الأربعاء.")
    meeting, attack = claims_of(text, "الثلاثاء", "الأربعاء")
    assert meeting.claimant == "united_states"
    assert attack.claimant == "media"


# --- place ---------------------------------------------------------------------------------------

def test_a_place_outside_the_core_list_maps_to_the_smallest_core_place_containing_it():
    text = article("شنت القوات العراقية هجوماً على مواقع داعش في الموصل في تموز 2017.")
    (claim,) = claims_of(text, "تموز 2017")
    assert (claim.event, claim.place, claim.actor) == ("attack", "iraq", "iraqi_security_forces")


def test_a_place_after_a_noun_of_place_with_the_genitive_lam_is_where_the_event_is():
    # rule 21a/22: «الأحياء الشرقية لمدينة الرقة» locates the siege in Raqqa, hence Syria
    text = article("وكسرت القوات الحكومية أمس الحصار المفروض على الأحياء الشرقية لمدينة الرقة.")
    (claim,) = claims_of(text, "أمس")
    assert claim.place == "syria"


def test_a_speech_given_from_a_place_is_there():
    # rule 27: «قال بايدن في كلمة من البيت الأبيض …» says where the statement was made, whatever was said
    text = article("وقال الرئيس الأمريكي في كلمة من البيت الأبيض مساء الأحد إن قواته ستبقى في سوريا.")
    (claim,) = claims_of(text, "مساء الأحد")
    assert (claim.event, claim.place) == ("agreement", "washington")


def test_a_statement_made_from_a_place_is_there_without_a_complementizer():
    # rule 27: «يعلن من أربيل» says where the statement was made, also when what was said follows as a noun
    text = article("يونيو 2024: وزير الدفاع الأمريكي يعلن من أربيل تمديد بقاء القوات في العراق.")
    (claim,) = claims_of(text, "يونيو 2024")
    assert (claim.event, claim.place, claim.claimant) == ("agreement", "erbil", "pentagon")


def test_a_part_of_a_place_is_in_it_but_alongside_a_country_is_not():
    # rule 21a: «الجزء الغربي من الموصل» locates the event in Mosul (Iraq), though «من» alone is a source;
    # «إلى جانب إيران» (alongside Iran) names a partner, no place
    text = article("وأعلن رئيس الوزراء الأحد بدء عملية تحرير الجزء الغربي من الموصل.",
                   "وقالت واشنطن الاثنين إن دمشق تقف إلى جانب إيران.")
    freed, alongside = claims_of(text, "الأحد", "الاثنين")
    assert freed.place == "iraq"
    assert alongside.place != "iran"


def test_a_border_names_the_country_on_its_other_side_not_where_the_event_is():
    # rule 21: «قرب الحدود التركية» is in Syria when the text says so, and says nothing of Turkey as the place
    text = article("وقتل القيادي في غارة أمريكية على بلدة أطمة في ريف إدلب قرب الحدود التركية ليل الأربعاء.",
                   "وقصفت المدفعية التركية مواقع للمقاتلين الأكراد قرب الحدود العراقية يومي الأحد والاثنين.")
    strike, shelling = claims_of(text, "ليل الأربعاء", "يومي الأحد والاثنين")
    assert strike.place == "syria"
    assert shelling.place == ""


def test_an_announced_recapture_is_where_the_place_retaken_is():
    # rule 27: a statement's place comes from what was said; rule 23: the place a force retakes or storms is
    # where that happens (not a recipient or a target of words, as after «على» or «ضد»)
    text = article("أعلن قائد العمليات المشتركة السبت استعادة الشرقاط من قبضة التنظيم.",
                   "وأعلنت الحكومة الأحد فرض عقوبات على سوريا.",
                   "وقال المتحدث الاثنين إن المقاتلين سيطروا على منبج بعد أسابيع من المعارك.")
    retaken, sanctions, held = claims_of(text, "السبت", "الأحد", "الاثنين")
    assert (retaken.event, retaken.place) == ("agreement", "iraq")
    assert (held.event, held.place) == ("agreement", "syria")
    assert sanctions.place == ""


def test_the_speakers_own_forces_are_the_agent_and_their_owner_the_actor():
    # rule 18: forces act for their owner; «طائراته», «قواته» are the speaker's, a mission's its own and an
    # institution's its country's (the Pentagon's troops are the United States')
    text = article("وأكد التحالف الدولي في بيان أن طائراته نفذت 12 غارة على مواقع التنظيم منذ 3 نيسان.",
                   "وقال البنتاغون إن قواته ستبقى في سوريا حتى نهاية العام المقبل.")
    strikes, stay = claims_of(text, "3 نيسان", "نهاية العام المقبل")
    assert (strikes.event, strikes.actor, strikes.claimant) == ("attack", "global_coalition", "global_coalition")
    assert (stay.event, stay.actor, stay.claimant) == ("presence", "united_states", "pentagon")


def test_a_mission_that_ended_is_a_mission_end_in_the_past_tense_too():
    # CLAIMS.md mission_end: «انتهت المهمة» as «تنتهي المهمة»; the mission's owner is the actor (rule 18)
    text = article("وقال وزير الخارجية العراقي إن المهمة القتالية للتحالف في العراق انتهت في 31 كانون الأول الماضي.")
    (claim,) = claims_of(text, "31 كانون الأول الماضي")
    assert (claim.event, claim.place, claim.actor, claim.claimant) == (
        "mission_end", "iraq", "global_coalition", "iraqi_government")


def test_handing_over_a_base_in_the_past_tense_is_a_handover_but_peace_is_not():
    # CLAIMS.md handover: «سلم قاعدة» as «سلمت»; «السلم» (peace) is the same letters and hands nothing over
    text = article("وكان التحالف قد سلم قاعدة التاجي إلى القوات العراقية في 23 آب.",
                   "ودعا الرئيس إلى حفظ السلم الأهلي حتى نهاية العام.")
    handed, peace = claims_of(text, "23 آب", "نهاية العام")
    assert (handed.event, handed.actor) == ("handover", "global_coalition")
    assert peace.event != "handover"


def test_cutting_the_number_of_troops_is_a_withdrawal():
    # CLAIMS.md: withdrawal = forces leave; a cut in their number («خفضت عدد», «ستخفض عدد») is some of them leaving
    text = article("وكانت واشنطن قد خفضت عدد جنودها في العراق إلى 2500 بحلول 15 كانون الثاني.",
                   "وقال مسؤول إن الولايات المتحدة ستخفض عدد قواتها في سوريا بحلول نهاية آذار المقبل.")
    done, planned = claims_of(text, "15 كانون الثاني", "نهاية آذار المقبل")
    assert (done.event, done.place, done.actor) == ("withdrawal", "iraq", "united_states")
    assert (planned.event, planned.place, planned.actor) == ("withdrawal", "syria", "united_states")


def test_a_timeline_entry_led_by_a_surname_named_in_full_before_is_that_speakers():
    # rule 10 (claimant) with news style: a speaker is named in full once («وزير الدفاع الأمريكي هارولد فنتون»), then
    # by surname, also at the head of a timeline entry, subject first («فنتون يعلن …»)
    text = article("وقال وزير الدفاع الأمريكي هارولد فنتون الثلاثاء إن المرحلة الأولى انتهت.",
                   "مارس 2021: فنتون يعلن سحب 500 جندي من العراق بحلول 15 أيار.")
    entry, = claims_of(text, "15 أيار")
    assert (entry.event, entry.claimant) == ("withdrawal", "pentagon")


def test_with_no_event_word_the_subject_after_a_fronted_date_is_the_actor_but_not_a_speaker():
    # rule 18: the semantic agent; a timeline or narrative sentence fronts its date and goes on verb-subject
    # («تموز 2008، رفضت إيران …»); a reporting verb's subject speaks, it does not act what was said
    text = article("وفي تموز 2008، رفضت إيران عرضا أوروبيا جديدا.",
                   "وتقول الأمم المتحدة إن آلاف المدنيين فروا من البلدة منذ الأحد الماضي.")
    refused, fled = claims_of(text, "تموز 2008", "الأحد الماضي")
    assert refused.actor == "iran"
    assert fled.actor == "" and fled.claimant == "united_nations"
    # a date inside its clause («في عام 2005 كانت البلاد هادئة،») is that clause's, not fronted before the next one
    text = article("وفي عام 2005 كانت البلاد هادئة، ورفضت إيران العرض الأوروبي.")
    (calm,) = claims_of(text, "عام 2005")
    assert calm.actor == ""


def test_the_ypg_speaks_for_the_sdf_only_from_the_sdfs_founding():
    # rule 26 and the core list: the SDF was founded in October 2015 (sides.csv since); before that the YPG
    # («وحدات حماية الشعب») is a named side outside the core list, in what it says and what it does
    text = article("وقال المتحدث باسم وحدات حماية الشعب الكردية إن مقاتليه سيطروا على البلدة أمس الأحد.")
    (before,) = extract_claims(text, [(text.index("أمس الأحد"), text.index("أمس الأحد") + 9)], published="2015-06-15")
    (after,) = extract_claims(text, [(text.index("أمس الأحد"), text.index("أمس الأحد") + 9)], published="2016-08-15")
    (undated,) = extract_claims(text, [(text.index("أمس الأحد"), text.index("أمس الأحد") + 9)])
    assert before.claimant == "" and before.actor != "sdf"
    assert after.claimant == "sdf" and undated.claimant == "sdf"


def test_vacating_a_base_is_a_withdrawal_from_it_even_when_denied():
    # CLAIMS.md: withdrawal = forces leave (أخلت، إخلاء), rule 24: its place is the place left; rule 25: a denial
    # still gives the row, with the denied event
    text = article("ونفى المتحدث أن تكون القوات الأمريكية قد أخلت قاعدة عين الأسد في آب الماضي.",
                   "وتواصل القوات إخلاء مواقعها في بغداد حتى نهاية أيلول المقبل.")
    denied, vacated = claims_of(text, "آب الماضي", "نهاية أيلول المقبل")
    assert (denied.event, denied.place) == ("withdrawal", "ain_al_asad")
    assert (vacated.event, vacated.place) == ("withdrawal", "baghdad")


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


def test_a_side_that_holds_from_a_date_names_the_row_when_the_date_is_not_iso(tables_copy):
    line = append_row(tables_copy / "sides.csv", "badr_organization,popular_mobilization_forces,,,,,1/3/2016")
    with pytest.raises(ClaimTableError) as info:
        load_claim_tables(tables_copy)
    assert (info.value.path.name, info.value.line) == ("sides.csv", line)
    assert "1/3/2016" in str(info.value)


def test_a_speaker_id_outside_the_core_list_names_the_row(tables_copy):
    line = append_row(tables_copy / "speakers.csv", "مسؤول فرنسي,france")
    with pytest.raises(ClaimTableError) as info:
        load_claim_tables(tables_copy)
    assert (info.value.path.name, info.value.line) == ("speakers.csv", line)


def test_a_state_agency_of_a_side_outside_the_core_list_names_the_row(tables_copy):
    line = append_row(tables_copy / "speakers.csv", "وكالة الأنباء الفرنسية الرسمية,@conduit:france")
    with pytest.raises(ClaimTableError, match="france") as info:
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
    line = append_row(tables_copy / "sides.csv", "atlantis,united_states,,,,,")
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


# --- speakers named by a title, an office or an earlier mention (CLAIMS.md rules 10, 14, 18) ------------

def test_a_time_adverbial_before_the_date_does_not_end_the_speaker_s_scope():
    text = article("وكانت الحكومة العراقية، قد أعلنت، في وقت سابق من الشهر الحالي، إغلاق المعبر الحدودي.")
    (claim,) = claims_of(text, "الشهر الحالي")
    assert (claim.event, claim.claimant) == ("agreement", "iraqi_government")  # the date times the announcement


def test_a_speaker_outside_the_gazetteer_is_named_by_the_title_set_off_after_the_name():
    text = article("وقال سامر يوسف، المتحدث باسم وزارة الدفاع الأميركية، إن الجنود غادروا القاعدة الأسبوع الماضي.")
    (claim,) = claims_of(text, "الأسبوع الماضي")
    assert claim.claimant == "pentagon"


def test_a_clause_after_the_name_that_is_not_a_title_names_no_speaker():
    text = article("وقال سامر يوسف، لصحافيين في عمان، إن الجنود غادروا القاعدة الأسبوع الماضي.")
    (claim,) = claims_of(text, "الأسبوع الماضي")
    assert claim.claimant == "media"


def test_an_official_of_an_administration_speaks_for_its_country():
    text = article("قال مسؤول رفيع في إدارة الرئيس الأميركي، يوم الجمعة، إن المبعوث سيزور بغداد.")
    (claim,) = claims_of(text, "يوم الجمعة")
    assert (claim.event, claim.claimant, claim.actor) == ("agreement", "united_states", "united_states")


def test_an_intelligence_source_speaks_for_the_country_s_security_forces():
    text = article("وقال مصدر استخباري عراقي إن الغارة وقعت فجر الخامس من أيار.")
    (claim,) = claims_of(text, "فجر الخامس من أيار")
    assert claim.claimant == "iraqi_security_forces"


def test_a_bare_institution_noun_is_the_one_named_before_with_its_country():
    text = article("أعلنت الشرطة التركية أنها أوقفت ثلاثة أشخاص في أنقرة.",
                   "وقالت الشرطة في بيان إنها ألقت القبض على رجل رابع يوم 9 آب.")
    (claim,) = claims_of(text, "يوم 9 آب")
    assert claim.claimant == "turkey"


def test_the_pronoun_subject_of_the_reported_clause_makes_the_speaker_the_agent():
    text = article("أعلنت الشرطة التركية أنها اعتقلت قياديا في تنظيم داعش يوم 9 آب.")
    (claim,) = claims_of(text, "يوم 9 آب")
    assert (claim.event, claim.actor) == ("other", "turkey")  # the arrest is the police's, not the detainee's


def test_a_masculine_pronoun_right_before_the_reported_verb_makes_the_speaker_the_agent():
    # «إنه سيزور»: the pronoun is the subject of the verb after it, the speaker; an impersonal «إنه» is followed
    # by what it introduces, not by the event's verb («إنه في الثالث من أيار سيزور …» names no agent)
    text = article("وقال وزير الخارجية التركي إنه سيزور بغداد الثلاثاء المقبل.",
                   "وقال المتحدث إنه في الثالث من أيار ستجري محادثات في بغداد.")
    visit, talks = claims_of(text, "الثلاثاء المقبل", "الثالث من أيار")
    assert (visit.event, visit.actor, visit.claimant) == ("talks", "turkey", "turkey")
    assert talks.event == "talks" and talks.actor == ""


def test_forces_of_the_subject_before_moved_in_the_next_clause_are_that_subject_s():
    # «سحبت قواتها»: the forces are the subject's, Washington, named in the clause before (rules 18 and 20); the
    # forces of nobody named («انسحاب القوات») leave the actor empty
    text = article("وتنشر واشنطن نحو 5200 جندي في العراق، بعد أن سحبت قواتها منه نهاية 2011.",
                   "وتنشر واشنطن نحو 5200 جندي في العراق، بعد انسحاب القوات منه نهاية 2011.")
    own, bare = claims_of(text, "نهاية 2011", "نهاية 2011")
    assert (own.event, own.place, own.actor) == ("withdrawal", "iraq", "united_states")
    assert (bare.event, bare.actor) == ("withdrawal", "")


def test_a_tweet_is_a_statement_and_kutub_reports_only_with_what_was_written():
    # «غرد», and «كتب» followed by what was written (a complementizer, a colon, a quotation), report (rule 10);
    # «كتب المعارض» are the dissident's books: the date stays the publication's, told by the outlet
    text = article("وكتب الرئيس الأمريكي على تويتر صباح الجمعة أن طهران تلعب بالنار.",
                   "وغرد الرئيس الأمريكي السبت قائلا إن العقوبات ستتواصل.",
                   "ونشرت الصحيفة كتب المعارض الراحل في آذار الماضي.")
    wrote, tweeted, books = claims_of(text, "صباح الجمعة", "السبت", "آذار الماضي")
    assert (wrote.event, wrote.claimant) == ("agreement", "united_states")
    assert (tweeted.event, tweeted.claimant) == ("agreement", "united_states")
    assert (books.event, books.claimant) == ("other", "media")


def test_a_town_in_the_genitive_of_an_attack_word_is_where_the_attack_was():
    # «هجوم خان شيخون»: the town struck is the attack's place (CLAIMS.md rules 22, 23); a country there may be
    # the attacker («قصف تركيا لمواقع»), so it is not read as the place struck
    text = article("وجاءت الضربة الأمريكية بعد هجوم خان شيخون الكيميائي في 4 نيسان.",
                   "وقصفت تركيا مواقع للمسلحين في 3 تموز.")
    town, country = claims_of(text, "4 نيسان", "3 تموز")
    assert (town.event, town.place) == ("attack", "syria")
    assert (country.event, country.actor) == ("attack", "turkey")


def test_the_speaker_s_country_as_subject_makes_its_forces_the_actor():
    # «بلاده» is the speaker's country: its forces withdraw or strike (CLAIMS.md rule 18, forces: their owner)
    text = article("وقال وزير الخارجية التركي إن بلاده ستسحب قواتها من العراق الشهر المقبل.",
                   "وقال وزير الخارجية الأمريكي إن الغارات التي شنتها بلاده ليل الأحد كانت ضرورية.")
    withdrawal, strikes = claims_of(text, "الشهر المقبل", "ليل الأحد")
    assert (withdrawal.event, withdrawal.place, withdrawal.actor) == ("withdrawal", "iraq", "turkey")
    assert (strikes.event, strikes.actor, strikes.claimant) == ("attack", "united_states", "united_states")


def test_a_governorate_named_after_a_core_city_is_the_region_that_holds_it():
    # «بمحافظة أربيل» is larger than the city of Erbil: the smallest core place holding it is the Kurdistan
    # Region (CLAIMS.md rule 22); «في أربيل» is the city
    text = article("قتل 11 شخصا في قصف صاروخي استهدف صباح السبت مقرا في بلدة كويه بمحافظة أربيل.",
                   "وسقط صاروخ في أربيل مساء الأحد.")
    governorate, city = claims_of(text, "صباح السبت", "مساء الأحد")
    assert (governorate.event, governorate.place) == ("attack", "kurdistan_region")
    assert city.place == "erbil"


def test_al_bilad_is_the_country_named_last_as_a_place():
    text = article("وصلت قافلة مساعدات إلى مخيم في سوريا يوم الأحد.",
                   "وقال مسؤول أممي إن المعارك في شمال البلاد ستتوقف مطلع أيار.")
    (claim,) = claims_of(text, "مطلع أيار")
    assert claim.place == "syria"


def test_al_bilad_names_no_place_before_any_country_is_named_as_one():
    text = article("قال المتحدث إن المعارك في شمال البلاد ستتوقف مطلع أيار.")
    (claim,) = claims_of(text, "مطلع أيار")
    assert claim.place == ""


def test_aqarra_with_bi_acknowledges_and_reports():
    text = article("أقر الجيش الأمريكي، الخميس، بمقتل ثلاثة مدنيين في غارة جوية.")
    (claim,) = claims_of(text, "الخميس")
    assert (claim.event, claim.claimant) == ("agreement", "pentagon")


def test_aqarra_with_a_direct_object_adopts_and_does_not_report():
    text = article("أقر البرلمان، الخميس، قانون الموازنة بعد جلسة طويلة.")
    (claim,) = claims_of(text, "الخميس")
    assert (claim.event, claim.claimant) == ("agreement", "media")


# --- the agent of an attack (CLAIMS.md rules 18 and 20) -------------------------------------------------

def test_a_country_right_after_the_attack_verb_is_its_agent_not_an_organisation_named_elsewhere():
    text = article("وحذر الأكراد من عودة تنظيم داعش عندما هاجمت تركيا مدينة عفرين في آذار.")
    (claim,) = claims_of(text, "في آذار")
    assert (claim.event, claim.actor) == ("attack", "turkey")


def test_strikes_a_mission_lists_without_naming_who_struck_are_its_own():
    text = article("وقال التحالف الدولي في بيان إن قياديا في التنظيم قتل في غارة يوم 3 أيار. "
                   "كما قتل مقاتل آخر في ضربة روسية يوم 5 أيار.")
    own, russian = claims_of(text, "يوم 3 أيار", "يوم 5 أيار")
    assert (own.event, own.actor) == ("attack", "global_coalition")
    assert (russian.claimant, russian.actor) == ("global_coalition", "")  # a named striker outside the core


def test_deaths_an_observer_reports_without_an_attacker_have_no_actor():
    text = article("وقالت الأمم المتحدة في بيان إن مدنيين قتلوا في غارة يوم 3 أيار.")
    (claim,) = claims_of(text, "يوم 3 أيار")
    assert (claim.claimant, claim.actor) == ("united_nations", "")


def test_an_intelligence_body_named_by_its_adjective_speaks_for_the_security_forces():
    text = article("وقالت اللجنة الاستخبارية العراقية إن الغارة وقعت يوم 3 أيار.")
    (claim,) = claims_of(text, "يوم 3 أيار")
    assert claim.claimant == "iraqi_security_forces"


def test_a_reporting_verb_with_an_object_pronoun_reports_a_joint_announcement():
    text = article("وانتقد الوزير الاتفاق الذي أعلنته واشنطن وأنقرة الشهر الماضي بشأن المدينة.")
    (claim,) = claims_of(text, "الشهر الماضي")
    assert (claim.event, claim.claimant) == ("agreement", "turkey+united_states")


def test_a_short_meeting_clause_before_the_speech_verb_is_the_speaker_s():
    text = article("وفي لقاء الأحد، أعرب الرئيس الأمريكي عن أمله في أن تزيد دول المنطقة دعمها للقوات.")
    (claim,) = claims_of(text, "الأحد")
    assert (claim.event, claim.claimant) == ("agreement", "united_states")


def test_a_long_clause_with_its_own_predicate_before_the_speech_verb_stays_the_narrator_s():
    text = article("وفي آذار 2019 شددت الحكومة البريطانية عقوباتها على الشركة بسبب دورها في الصفقة، "
                   "وفي أيار 2020 حذر الرئيس الأمريكي من تجدد الأزمة.")
    first, second = claims_of(text, "آذار 2019", "أيار 2020")
    assert first.claimant == "media"
    assert second.claimant == "united_states"


def test_the_place_visited_is_the_place_of_the_visit():
    text = article("وقال مسؤول أمريكي إن وزير الخارجية سيزور العراق الأسبوع المقبل.",
                   "واستقبل الرئيس الأحد نظيره الذي يقوم بزيارة رسمية للولايات المتحدة.")
    visit, reception = claims_of(text, "الأسبوع المقبل", "الأحد")
    assert (visit.event, visit.place) == ("talks", "iraq")
    assert reception.place == "united_states"


def test_a_party_named_with_ma_is_not_the_place_of_an_attack_but_its_target_is():
    text = article("وفي أيار سيطرت القوات على آخر معقل للمسلحين في شرق سوريا على الحدود مع العراق.",
                   "وشنت الطائرات غارة على مطار الموصل الخميس.")
    seized, strike = claims_of(text, "أيار", "الخميس")
    assert (seized.event, seized.place) == ("attack", "syria")
    assert (strike.event, strike.place) == ("attack", "iraq")



@pytest.mark.parametrize("sentence, date, place", [
    ("وانطلقت معركة تلعفر في 20 آب/أغسطس بعد أسابيع من التحضير.", "20 آب/أغسطس", "iraq"),
    # (with «أعلن» before it, the date would be the announcement's: rule 2, test_announcing_an_event_…)
    ("وأتم الجيش تحرير البوكمال في 9 تشرين الثاني/نوفمبر بعد معارك عنيفة.", "9 تشرين الثاني/نوفمبر", "syria"),
    ("وأنجزت القوات استعادة الفلوجة في حزيران/يونيو 2016 بدعم جوي.", "حزيران/يونيو 2016", "iraq"),
    ("وبدأت الفصائل اقتحام البوكمال في 8 تشرين الثاني/نوفمبر من ثلاثة محاور.", "8 تشرين الثاني/نوفمبر", "syria"),
])
def test_the_place_a_battle_or_a_recapture_is_of_is_its_place(sentence, date, place):
    # CLAIMS.md rule 23: the target of a physical strike is a place; a battle or a recapture names its target
    # as the noun's object («معركة تلعفر», «تحرير البوكمال»), with no «في» before it
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.place) == ("attack", place)


def test_a_verbal_attack_on_a_capital_is_still_no_place():
    # rule 23: a warning or criticism of a country names no place; only the physical words are targets
    (claim,) = claims_of(article("وانتقد الوزير دمشق في 3 آذار/مارس 2018 بسبب موقفها من المفاوضات."), "3 آذار/مارس 2018")
    assert claim.place == ""


@pytest.mark.parametrize("sentence, date, claimant", [
    ("وكان وزير الدفاع الأمريكي قد هدد في آب/أغسطس الماضي بقصف مواقع الفصائل.", "آب/أغسطس الماضي", "pentagon"),
    ("وتعهد رئيس الوزراء العراقي في تموز/يوليو الماضي بتحرير الأنبار قبل نهاية العام.", "تموز/يوليو الماضي",
     "iraqi_government"),
    # praise, welcome and condemnation are said too
    ("وأشاد التحالف الدولي في بيان، الأربعاء، بما حققته القوات في الأنبار.", "الأربعاء", "global_coalition"),
    ("ورحبت وزارة الخارجية الأمريكية الخميس باتفاق وقف إطلاق النار.", "الخميس", "united_states"),
])
def test_a_threat_a_pledge_or_praise_is_a_speech_act_of_its_speaker(sentence, date, claimant):
    # CLAIMS.md rules 1 and 10: any speech-act verb; a dated threat or pledge is a statement (agreement) of
    # whoever made it, not the strike or the liberation it announces
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.claimant) == ("agreement", claimant)


def test_a_building_that_speaks_is_no_place_but_one_visited_is():
    # rule 23: an agent is not a place; «البيت الأبيض» before its reporting verb is the speaker (Washington), and the
    # place comes from what was said (rule 27); after «إلى» it is where the visit went
    text = article("وكان البيت الأبيض قد أعلن في 21 شباط/فبراير أن مئتي جندي سيبقون في سوريا.",
                   "ووصل الوفد العراقي إلى البيت الأبيض في 3 آذار/مارس.")
    said, visit = claims_of(text, "21 شباط/فبراير", "3 آذار/مارس")
    assert (said.place, said.claimant) == ("syria", "united_states")
    assert visit.place == "washington"

def test_a_statement_made_during_a_meeting_takes_the_meeting_s_place():
    # CLAIMS.md rule 27: where the text says where a statement was made, that is its place, even when the
    # adjunct saying so comes after what was said; what was said decides only where the text is silent
    text = article("أعلن وزير الخارجية الأمريكي، الأربعاء، أن القوات الأمريكية ستبقى في العراق حتى نهاية العام، "
                   "وذلك خلال لقائه نظيره العراقي في بغداد.",
                   "وقال المتحدث باسم التحالف الخميس إن المستشارين سيغادرون سوريا، خلال مؤتمر صحفي.")
    met, said = claims_of(text, "الأربعاء", "الخميس")
    assert met.place == "baghdad"
    assert said.place == "syria"


def test_a_statement_about_an_event_told_before_takes_that_event_s_place():
    # CLAIMS.md rules 27 and 21b: a statement whose content names an event already told («من الهجوم»,
    # «الانسحاب») with no place of its own is about that event, and takes the place given for it before
    text = article("قتل جنديان في هجوم صاروخي استهدف مساء الأحد قاعدة عين الأسد في محافظة الأنبار.",
                   "وقال وزير الدفاع في بيان الاثنين إن بلاده تدين الهجوم وستلاحق منفذيه.",
                   "وأعلن الرئيس في 3 آذار/مارس سحب ألف جندي من سوريا.",
                   "وقال قائد القوات الكردية الثلاثاء إن الانسحاب سيضر بالحملة.",
                   "وأعلن الجيش الجمعة إنهاء الحرب ضد التنظيم.",
                   "وقال الوزير السبت إن هجوما جديدا قد يقع.")
    attack, withdrawal, war, new = claims_of(text, "الاثنين", "الثلاثاء", "الجمعة", "السبت")
    assert attack.place == "ain_al_asad"
    assert withdrawal.place == "syria"
    # the end of a war is not the drawdown told before; an indefinite «هجوما» is a new attack, not the one told
    assert war.place == ""
    assert new.place == ""


@pytest.mark.parametrize("sentence, date", [
    ("أعلن قائد عمليات تحرير تكريت، اللواء الركن فلان الفلاني، الخميس، أن المدينة باتت آمنة.", "الخميس"),
    ("أعلنت المفوضية العليا للانتخابات في العراق، اليوم الأحد، النتائج النهائية.", "اليوم الأحد"),
])
def test_a_date_set_off_after_a_speaker_whose_title_holds_an_event_word_times_the_speech(sentence, date):
    # CLAIMS.md rule 1: «أعلن [speaker]، [day]، أن …» — the day is the announcement's; an event word inside the
    # speaker's title («عمليات تحرير», «للانتخابات») is not the dated event
    (claim,) = claims_of(article(sentence), date)
    assert claim.event == "agreement"


def test_a_date_set_off_after_the_announced_event_itself_is_still_not_the_speech_when_content_came_first():
    # the relaxation above is only for a verb opening its clause: «… إن القوات انسحبت من المدينة، الأحد، …» keeps
    # the date in what was said
    (claim,) = claims_of(article("وقال المتحدث إن القوات انسحبت من المدينة، الأحد، بعد معارك عنيفة."), "الأحد")
    assert claim.event == "withdrawal"


@pytest.mark.parametrize("sentence, date, event", [
    # a ta marbuta is written «ت» before an ending: «زيارته» is «زيارة», «خطبته» is «خطبة» (rule 3: a leader's speech)
    ("ووصل الرئيس إلى بغداد في زيارته الأولى في 5 نيسان 2019.", "5 نيسان 2019", "talks"),
    ("وألقى زعيم التنظيم خطبته الوحيدة عام 2014 في الموصل.", "عام 2014", "agreement"),
    # «تأسست» is «تأسس» (rule 5: founding a body is `other`), even with a decision named after the date
    ("وتأسست البعثة في تشرين الأول 2018 بقرار من قادة الحلف.", "تشرين الأول 2018", "other"),
    # «سيطروا» is «سيطر» (rule 9: territorial seizure is an attack), not the withdrawal after «بعد» that let them in
    ("وكان المسلحون قد سيطروا على المدينة، كبرى مدن الشمال، فجر الثلاثاء 10 حزيران، بعد انسحاب وحدات الجيش.",
     "فجر الثلاثاء 10 حزيران", "attack"),
])
def test_event_words_with_endings_and_feminine_verbs(sentence, date, event):
    (claim,) = claims_of(article(sentence), date)
    assert claim.event == event


def test_was_and_because_are_not_read_as_that():
    # «كان» is not «ك» + «أن», nor «لأن» (because) or «فلان» a complementizer: a two-letter cue word takes only «و»
    # or «ف» (reporting.csv: «وأن», «فإن»); a complementizer read there ended a speaker's name early
    from helpers.claim_tables import load_claim_tables
    from helpers.claims.cues import cue_scanner
    from helpers.normalize import normalize_with_map

    text = "كان الوزير قد قال إن فلان غادر لأن الوضع تغير، وأن القوات باقية."
    cues = cue_scanner(load_claim_tables()).scan(normalize_with_map(text))
    complementizers = sorted({text[c.start:c.end] for c in cues if c.value == "complementizer"})
    assert complementizers == ["أن", "إن"]


# --- event words (CLAIMS.md rules 3, 4, 5, 9) -------------------------------------------------------------

@pytest.mark.parametrize("sentence, date, event", [
    ("وستجري مناقشات في مجلس الأمن اعتبارا من الأربعاء حول مشروع القرار.", "الأربعاء", "talks"),
    ("وأصدرت محكمة في بغداد أمرا باحتجازه يوم 3 آب.", "يوم 3 آب", "other"),
    ("أنتجت الشركة مئة صاروخ من هذا الطراز في عام 2009 في إطار الحرب على التنظيم.", "عام 2009", "other"),
    ("تشرين الأول 2009، تم الكشف عن منشأة سرية ثالثة.", "تشرين الأول 2009", "other"),
    ("وتمكنت القوات من طرد داعش من المدينة مع نهاية عام 2016.", "نهاية عام 2016", "attack"),
])
def test_event_words(sentence, date, event):
    (claim,) = claims_of(article(sentence), date)
    assert claim.event == event


def test_a_third_person_anna_after_the_verb_does_not_make_the_speaker_the_agent():
    text = article("وقال مسؤولون عراقيون إنه اعتقل في الموصل عام 2015 بتهمة التهريب.")
    (claim,) = claims_of(text, "عام 2015")
    assert (claim.claimant, claim.actor) == ("iraq", "")


def test_a_speaker_quoted_in_the_narrator_s_background_is_not_carried_to_the_next_sentence():
    text = article("وأكد الوزير أن الزيارة مهمة. وكان رئيس الوزراء العراقي قد قال في أيار إن الدعم سيزيد. "
                   "وتسلم الرئيس الجديد مهامه في حزيران متعهدا بخطة جديدة.",
                   "وكان رئيس الوزراء العراقي قد قال في أيار إن الدعم سيزيد. وأضاف أن القوات ستبقى حتى تموز.")
    took_office, added = claims_of(text, "حزيران", "تموز")
    assert took_office.claimant == "media"
    assert added.claimant == "iraqi_government"  # «وأضاف» continues the background speaker


def test_a_reporting_verb_quoted_alone_is_a_name_not_a_speech_act():
    """«خطة "حذر"», «عملية "أعلن"»: a word alone in quotation marks names a plan or an operation; the country
    before it is not a speaker, and the outlet keeps telling the story (CLAIMS.md rule 17: media)."""
    text = article('أطلقت الجزائر في ربيع 2016 خطة أمنية باسم "حذر" لحماية الحدود. '
                   "وشددت الحكومة المراقبة في صيف 2017 على المعابر.")
    first, second = claims_of(text, "ربيع 2016", "صيف 2017")
    assert first.claimant == second.claimant == "media"


def test_what_follows_a_statement_and_its_complementizer_is_what_was_said_not_who_said_it():
    """«وأفاد التحالف في بيان، أن الإيطالي …»: the people the statement is about are no speaker; «المصدر
    نفسه» later is the coalition again (CLAIMS.md rules 12, 14)."""
    text = article("وأفاد التحالف الدولي في بيان، أن الإيطالي الذي قتل كان يخطط لهجمات في أوروبا. "
                   "وبحسب المصدر نفسه قتل في 3 أيار 2017 قيادي آخر في التنظيم.")
    (claim,) = claims_of(text, "3 أيار 2017")
    assert claim.claimant == "global_coalition"


def test_intelligence_speaks_for_washington_but_for_the_iraqi_security_forces():
    """CLAIMS.md rule 14: US agencies such as the DNI are `united_states` (the Pentagon is the military);
    «الاستخبارات العراقية» is `iraqi_security_forces`. Which side an intelligence service speaks for is
    sides.csv's `intelligence` column."""
    text = article("وقالت الاستخبارات الأمريكية في تقرير صدر في 5 شباط 2019 إن التنظيم ما زال يملك آلاف المقاتلين. "
                   "وأعلنت الاستخبارات العراقية في 7 آذار 2019 اعتقال قيادي في التنظيم.")
    us, iraq = claims_of(text, "5 شباط 2019", "7 آذار 2019")
    assert us.claimant == "united_states"
    assert iraq.claimant == "iraqi_security_forces"


def test_the_falcons_cell_speaks_for_the_iraqi_security_forces():
    """CLAIMS.md rule 14 names «خلية الصقور» among Iraq's intelligence bodies: `iraqi_security_forces`."""
    text = article("وأعلنت خلية الصقور الاستخبارية في 9 نيسان 2019 إحباط هجوم على سوق في بغداد.")
    (claim,) = claims_of(text, "9 نيسان 2019")
    assert claim.claimant == "iraqi_security_forces"


# --- agents and places in real-news patterns (CLAIMS.md rules 18-24, 27) ----------------------------------

def test_the_victim_of_a_killing_or_a_strike_is_not_its_agent():
    text = article("وفي 3 آذار 2019 أسفرت غارة عن مقتل قيادي بارز في تنظيم داعش قرب الحدود.",
                   "وفي 5 أيار 2019 قتل أربعة مدنيين في قصف استهدف مواقع يتحصن فيها عناصر داعش.",
                   "وأدى انفجار في 8 آب 2019 إلى مقتل جنديين من التحالف الدولي في منبج.")
    claims = claims_of(text, "3 آذار 2019", "5 أيار 2019", "8 آب 2019")
    assert [c.actor for c in claims] == ["", "", ""]  # who struck is not said (rule 18)


@pytest.mark.parametrize("sentence, date, actor", [
    ("وقتل القيادي في غارة أمريكية بطائرة مسيرة قرب المطار، في الثالث من آذار الجاري.", "الثالث من آذار الجاري",
     "united_states"),
    ("وتظاهر المئات احتجاجا على غارات تركية استهدفت قرى حدودية في 12 أيار.", "12 أيار", "turkey"),
    ("وجاء التصويت بعد يومين من ضربة إيرانية على أربيل فجر الأحد.", "فجر الأحد", "iran"),
    # the date right after another attack word is that attack's, not the strike's that repelled it
    ("وقتل العشرات في ضربات أمريكية لصد هجوم السابع من شباط على مقر للقوات الكردية.", "السابع من شباط", ""),
])
def test_a_strike_with_a_nisba_is_by_that_country(sentence, date, actor):
    # CLAIMS.md rule 18: an attack's actor is the attacker; «غارة أمريكية» names it, whatever preposition is
    # before the strike word (protesting «على غارات تركية» does not make the strikes a target)
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.actor) == ("attack", actor)


def test_a_definite_phrase_s_adjectives_agree_with_it():
    # the claim tables write phrases indefinite («مصدر عسكري», «عملية عسكرية»); news writes them definite too, with
    # the article on every word («المصدر العسكري العراقي»): the same speaker noun, not «المصدر» (the source named
    # before), and the same event word
    text = article("وقالت السفارة الأمريكية في بيان الخميس إن موظفيها بخير.",
                   "وأكد المصدر العسكري العراقي الأحد أن الهجوم فشل.",
                   "وكانت الحملة العسكرية قد بدأت في 3 آذار بمشاركة جهاز مكافحة الإرهاب.")
    _, source, campaign = claims_of(text, "الخميس", "الأحد", "3 آذار")
    assert source.claimant == "iraqi_security_forces"
    assert (campaign.event, campaign.actor) == ("attack", "iraqi_security_forces")


def test_the_military_operation_written_with_the_article_is_the_attack_of_its_participants():
    # events.csv: «العملية العسكرية» is the same event word as «عملية عسكرية» (the scan reads the article on the first
    # word only); its agents are those taking part, not the strikes supporting it in a later clause (rule 18)
    text = article("وكانت العملية العسكرية قد انطلقت فجر 23 أيار بمشاركة جهاز مكافحة الإرهاب وفصائل الحشد الشعبي، "
                   "وبإسناد من غارات التحالف الدولي.")
    (claim,) = claims_of(text, "فجر 23 أيار")
    assert (claim.event, claim.actor) == ("attack", "iraqi_security_forces")


@pytest.mark.parametrize("sentence, date, event, actor", [
    # CLAIMS.md rule 9: a siege is a military operation; rule 18: artillery with its nisba is that country's forces
    ("وفرض تنظيم داعش حصارا على الأحياء الغربية للمدينة منذ كانون الثاني 2015.", "كانون الثاني 2015", "attack", "isis"),
    ("وقصفت المدفعية التركية مواقع للمقاتلين الأكراد يومي الأحد والاثنين.", "يومي الأحد والاثنين", "attack", "turkey"),
])
def test_a_siege_is_an_attack_and_artillery_names_its_owner(sentence, date, event, actor):
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.actor) == (event, actor)


def test_forces_right_after_a_recapture_noun_are_its_agent_and_the_place_after_them_its_target():
    # «استعادة القوات العراقية مدينة تلعفر»: the masdar's genitive is who recaptures (rule 18), the place is what is
    # recaptured (rule 23); a place right after it is still the target («تحرير البوكمال»)
    text = article("وجاء ذلك بعد إعلان النصر في الموصل، واستعادة القوات العراقية مدينة تلعفر في آب/أغسطس من العام نفسه، "
                   "ثم استعادة قوات سوريا الديمقراطية مدينة الرقة في تشرين الأول.")
    iraqi, kurdish = claims_of(text, "آب/أغسطس من العام نفسه", "تشرين الأول")
    assert (iraqi.event, iraqi.place, iraqi.actor) == ("attack", "iraq", "iraqi_security_forces")
    assert (kurdish.event, kurdish.place, kurdish.actor) == ("attack", "syria", "sdf")


def test_a_name_inside_the_trigger_phrase_is_its_object_not_its_agent():
    text = article("تمكنت القوات العراقية في تموز 2017 من طرد داعش من الموصل.")
    (claim,) = claims_of(text, "تموز 2017")
    assert (claim.event, claim.actor) == ("attack", "iraqi_security_forces")


def test_forces_right_after_a_killing_verb_are_its_subject():
    text = article("وفي 9 شباط 2018 قتلت القوات الأمريكية عشرات من مسلحي داعش في دير الزور.")
    (claim,) = claims_of(text, "9 شباط 2018")
    assert claim.actor == "united_states"


def test_forces_after_on_or_against_are_the_target_not_the_agent():
    text = article("ولم تعرف الجهة التي شنت هجوما في 2 نيسان 2019 على القوات الأميركية شرق الفرات.")
    (claim,) = claims_of(text, "2 نيسان 2019")
    assert (claim.event, claim.actor) == ("attack", "")


def test_a_supporter_or_the_leader_of_a_supporter_is_not_the_agent():
    text = article("وبدأت القوات العراقية بمساندة التحالف الدولي عملية تحرير تلعفر في آب 2017.",
                   "واندلعت مواجهات في أيار 2017 بين القوات السورية وفصائل مدعومة من تحالف بقيادة واشنطن.")
    supported, led = claims_of(text, "آب 2017", "أيار 2017")
    assert supported.actor == "iraqi_security_forces"
    assert led.actor == ""  # two sides clash; the coalition's leader is not one of them


def test_a_verb_between_a_preposition_and_a_name_ends_the_preposition_s_reach():
    text = article("وجاء البيان بعد يومين على غارات شنتها الولايات المتحدة وبريطانيا فجر الأحد.",
                   "وعقد الاجتماع بعد أسبوع على هجوم نفذته تركيا في 20 كانون الثاني 2018.")
    strikes, attack = claims_of(text, "فجر الأحد", "20 كانون الثاني 2018")
    assert strikes.actor == "united_states"  # with Britain: one core member (rule 19)
    assert attack.actor == "turkey"


def test_an_official_named_by_title_acts_for_the_country_after_the_title():
    text = article("وكان وزير الدفاع التركي قد زار أربيل في 12 كانون الثاني 2019.",
                   "ووصل رئيس وزراء العراق إلى أنقرة في 7 تموز 2019 في زيارة رسمية.")
    minister, premier = claims_of(text, "12 كانون الثاني 2019", "7 تموز 2019")
    assert minister.actor == "turkey"
    assert premier.actor == "iraqi_government"  # rule 29: officials act for their institution's side


def test_a_person_named_after_the_title_is_more_specific_than_the_title():
    text = article("واستقبل رئيس الوزراء العراقي محمد شياع السوداني وفدا أمريكيا في بغداد الأحد 7 نيسان 2024.")
    (claim,) = claims_of(text, "الأحد 7 نيسان 2024")
    assert claim.actor == "mohammed_shia_al_sudani"


def test_another_predicate_of_the_clause_brings_no_agent_to_the_date():
    text = article("واجتمع وزير الخارجية العراقي مع نظيره في 3 آذار 2024 وأكد أن التحالف الدولي باق.")
    (claim,) = claims_of(text, "3 آذار 2024")
    assert (claim.event, claim.actor) == ("talks", "iraqi_government")


def test_the_nisba_after_an_air_force_names_the_owner_of_the_forces():
    text = article("ونجا من غارة للطيران العراقي في 3 أيار 2019 قرب البوكمال.",
                   "وأصيب ثلاثة في قصف لسلاح الجو التركي في 4 آب 2019.")
    iraqi, turkish = claims_of(text, "3 أيار 2019", "4 آب 2019")
    assert iraqi.actor == "iraqi_security_forces"  # Iraq's troops; the US's would be united_states (rule 18)
    assert turkish.actor == "turkey"


def test_a_verb_followed_by_a_quotation_has_its_speaker_before_it():
    text = article("وقدم المبعوث الأمريكي تقييما في منتدى أمس وقال \"نحن في العراق لدعم الجيش\".",
                   "وشارك وزير الخارجية الأمريكي في مؤتمر الثلاثاء وقال \"إيران تهدد المنطقة\".")
    envoy, minister = claims_of(text, "أمس", "الثلاثاء")
    assert envoy.claimant == minister.claimant == "united_states"  # not the country named in the quotation


def test_a_short_quoted_name_after_the_verb_is_still_the_speaker():
    text = article("ونقلت \"قيادة العمليات المشتركة\" عن مصدر أن الغارة وقعت في 6 حزيران 2019.")
    (claim,) = claims_of(text, "6 حزيران 2019")
    assert claim.claimant == "iraqi_security_forces"


def test_what_a_meeting_is_about_is_not_where_it_takes_place():
    text = article("وستعقد الحكومة اجتماعا الأحد لمناقشة الأوضاع في سوريا.",
                   "وتحدث الرئيس هاتفيا مع نظيره الفرنسي الأسبوع الماضي، وجرى بحث الأوضاع في العراق.",
                   "واجتمع الوزيران في بغداد الخميس لمناقشة الأوضاع في سوريا.")
    topic, call, met = claims_of(text, "الأحد", "الأسبوع الماضي", "الخميس")
    assert (topic.event, topic.place) == ("talks", "")
    assert call.place == ""
    assert met.place == "baghdad"  # where they met, not what they discussed


def test_an_announced_withdrawal_gives_the_announcement_the_place_left():
    text = article("وأعلن البنتاغون في آذار 2019 سحب 300 جندي من سوريا.",
                   "وصوت البرلمان العراقي في 5 كانون الثاني 2020 على قرار يلزم الحكومة بإخراج القوات الأجنبية من العراق.")
    announced, voted = claims_of(text, "آذار 2019", "5 كانون الثاني 2020")
    assert (announced.event, announced.place) == ("agreement", "syria")  # rule 27: from what was said
    assert (voted.event, voted.place) == ("agreement", "iraq")


def test_a_statement_takes_the_place_it_was_made_in_before_what_was_said():
    text = article("وقال المبعوث الأمريكي في منتدى بأربيل أمس: \"قواتنا باقية في سوريا\".")
    (claim,) = claims_of(text, "أمس")
    assert (claim.event, claim.place) == ("agreement", "erbil")  # rule 27


def test_a_strike_whose_sentence_names_no_one_is_by_the_agent_of_the_strike_before():
    text = article("أعلن التحالف الدولي أن طائراته شنت غارة في 2 آذار 2019 قرب هجين.",
                   "وفي 4 آذار 2019 قتل خمسة مدنيين في غارة أخرى شرق الفرات.")
    first, second = claims_of(text, "2 آذار 2019", "4 آذار 2019")
    assert first.actor == second.actor == "global_coalition"  # rule 20: the same series of strikes


def test_a_strike_by_a_named_side_outside_the_core_takes_no_earlier_agent():
    text = article("أعلن التحالف الدولي أن طائراته شنت غارة في 2 آذار 2019 قرب هجين.",
                   "وفي 4 آذار 2019 قتل خمسة مدنيين في غارة روسية.")
    _, russian = claims_of(text, "2 آذار 2019", "4 آذار 2019")
    assert russian.actor == ""  # rule 18: an attacker outside the core list is empty


def test_violence_that_is_not_a_strike_or_is_far_from_the_last_strike_takes_no_earlier_agent():
    text = article("شنت القوات الأمريكية غارة في 2 آذار 2019 قرب هجين.",
                   "ونقل عن مسؤول محلي أن الحياة عادت إلى طبيعتها.",
                   "وقتل ثلاثة مدنيين في ضربة في 5 آذار 2019 شرق الفرات.",
                   "وقتل قيادي في اشتباكات في 7 آذار 2019 قرب الموصل.")
    _, far, clashes = claims_of(text, "2 آذار 2019", "5 آذار 2019", "7 آذار 2019")
    assert far.actor == clashes.actor == ""


def test_a_country_joined_to_a_place_by_and_is_a_place_not_an_agent():
    text = article("وأسفر قصف لأهداف في العراق وسوريا في 3 أيار 2017 عن مقتل مدنيين.")
    (claim,) = claims_of(text, "3 أيار 2017")
    assert claim.actor == ""


def test_the_word_right_after_a_killing_verb_is_its_subject_and_the_rest_its_victims():
    text = article("وفي 4 آذار 2019 قتل انفجار ثلاثة جنود للتحالف الدولي قرب منبج.")
    (claim,) = claims_of(text, "4 آذار 2019")
    assert (claim.event, claim.actor) == ("attack", "")  # the explosion's author is not said


def test_a_sentence_ending_inside_a_quotation_ends_at_the_closing_mark():
    text = article("وقالت الوزيرة \"الأولوية هي الحل في سوريا.\" وكان الرئيس الأمريكي دعا في آب 2011 إلى رحيل الأسد.")
    (claim,) = claims_of(text, "آب 2011")
    assert (claim.event, claim.place, claim.claimant) == ("agreement", "", "united_states")


def test_a_nisba_right_after_the_event_noun_names_who_does_it():
    # CLAIMS.md rule 18: the actor is the side that acts; «الانسحاب الأمريكي» is a withdrawal by the US, as
    # «غارة أمريكية» is a strike by it. Two nisbas in a row are joint agents (rule 19), and a date set off by
    # commas after the noun times another verb
    text = article("وبدأ الانسحاب الأمريكي من شمال سوريا في 13 تشرين الأول الماضي.",
                   "ومن المقرر أن تدخل العقوبات الأمريكية على طهران حيز التنفيذ في الخامس من آب المقبل.",
                   "وانطلقت المحادثات الأمريكية العراقية في بغداد في 11 حزيران الماضي.",
                   "وانتقد المتحدث باسم الحكومة التركية القرار الأمريكي، الأحد، بشدة.")
    withdrawal, sanctions, talks, criticism = claims_of(text, "13 تشرين الأول الماضي", "الخامس من آب المقبل",
                                                        "11 حزيران الماضي", "الأحد")
    assert (withdrawal.event, withdrawal.place, withdrawal.actor) == ("withdrawal", "syria", "united_states")
    assert (sanctions.event, sanctions.actor) == ("agreement", "united_states")
    assert talks.actor == ""  # joint agents, no mission named
    assert criticism.actor == "turkey"  # who criticises, not who decided


def test_a_state_news_agency_speaks_for_its_state():
    # CLAIMS.md rule 26: state media speak for their state (Anadolu -> turkey); other agencies are media, and
    # an agency that quotes someone only passes on that speaker's words
    text = article("وذكرت وكالة الأناضول الرسمية أن المقاتلات التركية نفذت منذ مطلع آذار الجاري عشرات الغارات.",
                   "وقالت وكالة \"إرنا\" إن وزير الخارجية الإيراني سيزور بغداد الأحد المقبل.",
                   "وذكرت وكالة رويترز أن الوفد سيصل إلى أنقرة الثلاثاء المقبل.",
                   "ونقلت وكالة الأناضول عن وزير الدفاع الأمريكي قوله إن القوات ستبقى حتى نهاية العام.")
    anadolu, irna, reuters, quoted = claims_of(text, "مطلع آذار الجاري", "الأحد المقبل", "الثلاثاء المقبل",
                                               "نهاية العام")
    assert anadolu.claimant == "turkey"
    assert irna.claimant == "iran"
    assert reuters.claimant == "media"
    assert quoted.claimant == "pentagon"  # the US defence secretary speaks for his department (rule 14)


def test_a_parliament_named_with_its_nisba_speaks_and_acts_for_its_country():
    text = article("اعتمد البرلمان الإيراني، الأحد، قرارا يدعو إلى إخراج القوات الأجنبية من المنطقة.",
                   "وأقر مجلس النواب العراقي في 5 كانون الثاني 2020 قرارا يطالب بإنهاء وجود القوات الأجنبية.")
    iranian, iraqi = claims_of(text, "الأحد", "5 كانون الثاني 2020")
    assert (iranian.event, iranian.actor, iranian.claimant) == ("agreement", "iran", "iran")
    assert (iraqi.actor, iraqi.claimant) == ("iraq", "iraq")  # rule 14: the parliament -> the country, not its government


@pytest.mark.parametrize("sentence, date, claimant", [
    # the name before «التي» speaks, not the sentence's subject; a group outside the core list speaks for no side
    ("وحمّلت واشنطن المسؤولية لفصائل عراقية بينها كتائب حزب الله، التي أعلنت الثلاثاء تعليق هجماتها.", "الثلاثاء", ""),
    ("ورحب الرئيس الأمريكي بموقف الحكومة العراقية، التي أكدت الأحد التزامها بحماية البعثات.", "الأحد",
     "iraqi_government"),
])
def test_a_reporting_verb_after_a_relative_pronoun_is_said_by_the_name_it_follows(sentence, date, claimant):
    # CLAIMS.md rules 10 and 14: the speaker is the subject of the reporting verb; after «التي/الذي» that is the
    # antecedent
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.claimant) == ("agreement", claimant)


def test_a_monitor_named_with_a_nisba_speaks_for_no_side():
    # CLAIMS.md rules 16 and 26: a named speaker outside the core list gives an empty claimant; the nisba in the
    # Syrian Observatory's name does not make it Syria's (data/claims/speakers.csv, @outside)
    text = article("وقتل أكثر من 130 شخصا في هجوم على حي البغيلية في 16 كانون الثاني 2016، حسب المرصد السوري لحقوق الإنسان.")
    (claim,) = claims_of(text, "16 كانون الثاني 2016")
    assert (claim.event, claim.claimant) == ("attack", "")


def test_naql_reports_only_with_an():
    # CLAIMS.md rule 10: «نقلت رويترز عن مسؤول» reports (through a conduit, rule 13); «نقل معدات من قاعدة» moves them
    # and names no speaker: the base is no claimant
    text = article("ونقلت رويترز عن مسؤول أمريكي قوله الأحد إن الانسحاب بدأ.",
                   "وبدأت القوات الأمريكية نقل معدات من قاعدة عين الأسد إلى أربيل الاثنين، وفق ما قالت مصادر مطلعة "
                   "لشبكة CNN.")
    reported, moved = claims_of(text, "الأحد", "الاثنين")
    assert reported.claimant == "united_states"
    # and a channel sources spoke to hides no speaker: «مصادر مطلعة لشبكة CNN» are unnamed sources (rule 17)
    assert moved.claimant == "unnamed"


def test_forces_a_resolution_demands_to_expel_are_not_its_speaker():
    # rule 10: a resolution that demands is its body's statement; the forces after «يطالب بإخراج» are what is
    # demanded, not who speaks, even where forces named before with a nisba would give them a side
    text = article("وأكدت القوات الأمريكية في بيان الأحد أنها ستواصل مهامها.",
                   "وصوت البرلمان العراقي في 5 كانون الثاني 2020 على قرار يطالب بإخراج القوات الأجنبية من البلاد.")
    _, vote = claims_of(text, "الأحد", "5 كانون الثاني 2020")
    assert (vote.event, vote.claimant) == ("agreement", "iraq")


def test_a_referendum_is_held_by_the_region_or_country_that_holds_it():
    # CLAIMS.md rule 5: elections are `other`, like any vote of the people; a referendum is one, held by whoever
    # «أجراه» names, in that place (rules 18, 21d), not the decision named before it in the sentence
    text = article("وجاءت العملية بأمر من رئيس الوزراء، بعد ثلاثة أسابيع من استفتاء على الانفصال أجراه إقليم كردستان "
                   "في 25 أيلول الماضي.")
    (claim,) = claims_of(text, "25 أيلول الماضي")
    assert (claim.event, claim.place, claim.actor) == ("other", "kurdistan_region", "kurdistan_region")


def test_an_office_or_a_vote_is_in_the_country_of_its_person_or_institution():
    text = article("وتولى ترامب الرئاسة في كانون الثاني 2017 متعهدا بهزيمة داعش.",
                   "وفاز أردوغان في الانتخابات الرئاسية في حزيران 2018، ولم تعلق الحكومة في بغداد على النتيجة.",
                   "وأصبح المالكي رئيسا للوزراء في أيار 2006.")
    office, vote, premier = claims_of(text, "كانون الثاني 2017", "حزيران 2018", "أيار 2006")
    assert office.place == "united_states"  # rule 21d: domestic political events -> the institution's country
    assert vote.place == "turkey"  # not Baghdad, named in a clause about another event
    assert premier.place == "iraq"


def test_leading_the_country_is_in_the_country_the_word_stands_for():
    text = article("وكان الجيش الأمريكي قد انتشر في العراق عام 2003.", "وحكم صدام حسين البلاد منذ عام 1979.")
    _, ruled = claims_of(text, "عام 2003", "عام 1979")
    assert (ruled.event, ruled.place) == ("other", "iraq")


def test_a_surname_after_the_verb_speaks_for_the_side_given_with_the_full_name_before():
    text = article("أعلن وزير الدفاع الأمريكي، جون سميث، أن القوات باقية.",
                   "وقال سميث، للصحافيين في بغداد الأحد، إن الانسحاب سيبدأ لاحقا.",
                   "قال المتحدث باسم الحكومة العراقية، سعد معن، إن المحادثات مستمرة.",
                   "وأكد معن الثلاثاء أن الوفد سيصل قريبا.",
                   "وقال مراقبون الخميس إن الانسحاب سيبدأ لاحقا.")
    defence, spokesman, observers = claims_of(text, "الأحد", "الثلاثاء", "الخميس")
    assert (defence.claimant, defence.actor) == ("pentagon", "pentagon")  # rule 14: Secretary of Defense
    assert spokesman.claimant == "iraqi_government"
    assert observers.claimant == "media"  # a common noun named nowhere before is no speaker's surname


def test_the_nisba_after_a_weapon_names_its_owner_as_the_agent():
    text = article("وتم اختبار الصاروخ الإيراني الجديد في أيار 2019.",
                   "وجرى اختبار القنابل الأمريكية الثقيلة مرة أخرى في حزيران 2019.")
    iranian, american = claims_of(text, "أيار 2019", "حزيران 2019")
    assert (iranian.event, iranian.actor) == ("other", "iran")  # a test: CLAIMS.md rule 5
    assert american.actor == "united_states"


def test_the_nisba_after_a_drone_or_a_helicopter_names_its_owner_as_the_agent():
    # rule 18: drones and helicopters are forces like aircraft («مسيرات تركية» -> turkey)
    text = article("قصفت مسيرات تركية مواقع مسلحين في سنجار مساء الأحد.",
                   "وهاجمت مروحيات أمريكية مواقع للتنظيم قرب القائم فجر الاثنين.")
    drones, helicopters = claims_of(text, "مساء الأحد", "فجر الاثنين")
    assert (drones.event, drones.actor) == ("attack", "turkey")
    assert (helicopters.event, helicopters.actor) == ("attack", "united_states")


def test_a_word_of_the_scope_series_or_forces_tables_hides_no_event_word():
    """The cue scanner reads a word once, by its longest stem: «الانتخابات» listed in scopes.csv would hide
    the event word «انتخابات» behind it. Those tables list the bare forms; the article is a proclitic."""
    tables = load_claim_tables()
    listed = {table: {p for p, entries in tables.cues.items() if any(e[0] == table for e in entries)}
              for table in ("events", "reporting", "scopes", "series", "forces")}
    for table in ("scopes", "series", "forces"):
        hiding = {p for p in listed[table] if p.startswith("ال") and p[2:] in listed["events"] | listed["reporting"]}
        assert not hiding, (table, hiding)


def test_medics_witnesses_and_monitors_are_sources_tied_to_no_side():
    text = article("وقتل عشرون شخصا في قصف على البلدة في 3 آذار 2019، وفق مسعفين محليين.",
                   "واقتحم المسلحون القرية فجر الخميس، بحسب شهود عيان.",
                   "واندلعت المعارك في 5 أيار 2019، وفقا لما ذكرته جماعة مراقبة للحرب.")
    claims = claims_of(text, "3 آذار 2019", "فجر الخميس", "5 أيار 2019")
    assert [c.claimant for c in claims] == ["unnamed"] * 3  # rule 17


def test_talks_held_in_a_body_are_that_body_s_and_their_topic_is_no_agent():
    text = article("وتبدأ الاثنين مشاورات في مجلس الأمن حول مشروع قرار بشأن العراق.",
                   "وعقدت جلسة طارئة في حلف الناتو الخميس لمناقشة الوضع في سوريا.")
    council, alliance = claims_of(text, "الاثنين", "الخميس")
    assert (council.event, council.actor, council.place) == ("talks", "united_nations", "")
    assert (alliance.event, alliance.actor, alliance.place) == ("talks", "nato", "")


def test_a_claims_folder_written_before_the_scope_and_series_tables_still_loads(tables_copy):
    (tables_copy / "scopes.csv").unlink()
    (tables_copy / "series.csv").unlink()
    tables = load_claim_tables(tables_copy)
    text = article("وأعلن البنتاغون في آذار 2019 سحب 300 جندي من سوريا.")
    start = text.index("آذار 2019")
    (claim,) = extract_claims(text, [(start, start + len("آذار 2019"))], tables=tables)
    assert (claim.event, claim.actor) == ("agreement", "pentagon")


# --- officials of the 2014-2018 coverage, by CLAIMS.md rule 14 (gazetteer + sides.csv) ------------------

@pytest.mark.parametrize(("sentence", "date", "claimant"), [
    # a Secretary of Defense speaks for the Pentagon, a Secretary of State or a president outside the core
    # list for the United States, an Iraqi prime minister outside it for the Iraqi government, ISIS's leader for ISIS
    ("وقال وزير الدفاع الأمريكي جيم ماتيس الثلاثاء إن الحملة مستمرة.", "الثلاثاء", "pentagon"),
    ("وأكد آشتون كارتر في 12 أيار 2016 أن القوات ستبقى.", "12 أيار 2016", "pentagon"),
    ("وقال وزير الخارجية ريكس تيلرسون الجمعة إن واشنطن تدعم الحوار.", "الجمعة", "united_states"),
    ("وأعلن الرئيس باراك أوباما في آب 2014 بدء الغارات.", "آب 2014", "united_states"),
    ("وصرح جون كيري الأحد بأن التحالف يتوسع.", "الأحد", "united_states"),
    ("وأعلن رئيس الوزراء حيدر العبادي في 9 كانون الأول 2017 انتهاء الحرب.", "9 كانون الأول 2017",
     "iraqi_government"),
    ("وقال عادل عبد المهدي الأربعاء إن الحكومة ستدرس الطلب.", "الأربعاء", "iraqi_government"),
    ("ودعا أبو بكر البغدادي في تسجيل صوتي بث في تشرين الثاني 2016 أنصاره إلى القتال.", "تشرين الثاني 2016",
     "isis"),
], ids=["mattis", "carter", "tillerson", "obama", "kerry", "abadi", "abdul_mahdi", "baghdadi"])
def test_officials_of_the_period_speak_for_their_side(sentence, date, claimant):
    (claim,) = claims_of(article(sentence), date)
    assert claim.claimant == claimant


def test_a_surname_alone_speaks_for_the_official_named_before():
    text = article("والتقى رئيس الوزراء حيدر العبادي وفدا أمريكيا. وقال العبادي الخميس إن بلاده لا تحتاج قوات قتالية.")
    (claim,) = claims_of(text, "الخميس")
    assert claim.claimant == "iraqi_government"


@pytest.mark.parametrize(("sentence", "date"), [
    ("واستعادت القوات العراقية مدينة تكريت في آذار 2015 بعد معارك استمرت أسابيع.", "آذار 2015"),
    ("وكان الجيش قد حرر مدينة الفلوجة في حزيران 2016.", "حزيران 2016"),
    ("واقتحم المسلحون السجن فجر الأحد.", "فجر الأحد"),
    ("واستعاد مقاتلو البيشمركة البلدة في 7 آب 2015.", "7 آب 2015"),
], ids=["recaptured", "liberated", "stormed", "recaptured-plural-subject"])
def test_a_recapture_or_a_storming_told_by_its_verb_is_an_attack(sentence, date):
    # the nouns (استعادة، تحرير) were triggers already; their verbs tell the same battles
    (claim,) = claims_of(article(sentence), date)
    assert claim.event == "attack"


def test_the_organisation_named_before_is_the_agent_and_speaker_the_definite_noun_refers_to():
    # «التنظيم» after «داعش» is ISIS (anaphors.csv): the agent of its attacks and the speaker of its statements
    text = article("سيطر مسلحو داعش على أجزاء من المحافظة.",
                   "وشن التنظيم هجوما على قرية قرب سنجار في 3 آب 2014. وقال التنظيم في بيان الأحد إنه سيواصل القتال.")
    attack, statement = claims_of(text, "3 آب 2014", "الأحد")
    assert (attack.event, attack.actor) == ("attack", "isis")
    assert statement.claimant == "isis"


def test_the_organisation_with_no_group_named_before_refers_to_no_one():
    text = article("وشن التنظيم هجوما على قرية قرب سنجار في 3 آب 2014.")
    (claim,) = claims_of(text, "3 آب 2014")
    assert claim.actor == ""


@pytest.mark.parametrize(("sentence", "date", "place"), [
    ("قال مسؤول إن القوات الأمريكية ستغادر أربيل في آذار 2026.", "آذار 2026", "erbil"),
    ("وأكد الناطق أن الجنود الأمريكيين غادروا بغداد في 12 كانون الأول 2011.", "12 كانون الأول 2011", "baghdad"),
], ids=["will-leave", "left"])
def test_the_place_a_withdrawal_leaves_is_its_place_not_its_agent(sentence, date, place):
    # «غادر/تغادر X»: X is the place left (CLAIMS.md: a withdrawal takes the place it leaves), not the subject
    # of the verb; the forces before the verb are its agent
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.place, claim.actor) == ("withdrawal", place, "united_states")


def test_a_surname_quoted_many_times_is_read_without_recursion():
    # each «وقال زيدان» looked back to the one before it, one call deeper each time: a long interview
    # raised RecursionError and the article lost all its milestones
    text = article("وقال المتحدث باسم البنتاغون جون زيدان إن القوات باقية.",
                   *["وقال زيدان إن الجيش انسحب من القاعدة."] * 1200,
                   "وقال زيدان إن القوات ستنسحب من القاعدة في آذار 2026.")
    (claim,) = claims_of(text, "آذار 2026")
    assert (claim.event, claim.claimant) == ("withdrawal", "pentagon")


def test_a_surname_after_a_verb_speaks_for_the_side_given_with_the_full_name_paragraphs_before():
    text = article("وقال المتحدث باسم البنتاغون جون زيدان إن القوات باقية.",
                   "وقال زيدان إن الجيش انسحب من القاعدة.",
                   "وقال زيدان إن القوات ستنسحب من القاعدة في آذار 2026.")
    (claim,) = claims_of(text, "آذار 2026")
    assert claim.claimant == "pentagon"


def test_claims_do_not_depend_on_the_order_the_milestones_are_given_in():
    # a strike in a running list takes the attacker of the strike dated before it (rule 20): the claims are
    # read in text order whatever order the caller gives, and returned in the caller's order
    text = article("شنت القوات الأمريكية غارة على الموصل يوم 3 أيار 2017. وفي 5 أيار 2017 قتل ثلاثة مدنيين في غارة.")
    first, second = claims_of(text, "3 أيار 2017", "5 أيار 2017")
    spans = [(text.index(d), text.index(d) + len(d)) for d in ("5 أيار 2017", "3 أيار 2017")]
    assert extract_claims(text, spans) == [second, first]
    assert second.actor == "united_states"


def test_a_ministry_of_a_country_speaks_and_acts_for_its_government():
    # CLAIMS.md rule 14: a government's bodies speak for the government (iraqi_government), not the country
    # (iraq is the unqualified official, the parliament); the bare «الوزارة» later is the ministry named before
    text = article("أعلنت وزارة الصحة العراقية، أمس الثلاثاء، إعادة 50 عائلة من المخيم.",
                   "وقال المتحدث باسم الوزارة أحمد سالم إن الوزارة تخطط لإعادة دفعة أخرى قبل نهاية السنة الحالية.")
    first, second = claims_of(text, "أمس الثلاثاء", "نهاية السنة الحالية")
    assert (first.event, first.actor, first.claimant) == ("agreement", "iraqi_government", "iraqi_government")
    assert second.claimant == "iraqi_government"


@pytest.mark.parametrize(("paragraphs", "date", "place", "actor"), [
    (("زار الرئيس القوات في العراق يوم 3 آذار 2021.",
      "وتستعد البلاد لانتخابات برلمانية مقررة في حزيران من العام المقبل، وسط خلافات حادة."),
     "حزيران من العام المقبل", "iraq", "iraq"),
    (("ويأتي الإعلان قبل الانتخابات النيابية المبكرة المقررة في العاشر من أيار المقبل، "
      + "والتي يأمل رئيس الوزراء العراقي أن تعزز موقعه.",), "العاشر من أيار المقبل", "iraq", "iraq"),
    (("واحتفل أنصار دونالد ترامب بفوزه في انتخابات الرئاسة عام 2016 بعد حملة طويلة.",), "عام 2016",
     "united_states", "united_states"),
], ids=["the-country-named-before", "a-politician-in-a-later-clause", "the-winner"])
def test_an_election_is_held_by_its_country_and_takes_place_there(paragraphs, date, place, actor):
    # CLAIMS.md rule 21d: a domestic political event with no locative is in the country of its institution or
    # person, named anywhere in the sentence; its agent is that country (rule 18), not the politician
    (claim,) = claims_of(article(*paragraphs), date)
    assert (claim.event, claim.place, claim.actor) == ("other", place, actor)


def test_postponing_an_election_is_the_act_of_the_one_who_postpones_it():
    text = article("ويريد رئيس الوزراء العراقي تأجيل الانتخابات، حتى يتجاوز شهر تموز، أي عندما تنتهي ولاية البرلمان.")
    (claim,) = claims_of(text, "شهر تموز")
    assert claim.actor != "iraq"


def test_a_date_set_off_by_commas_after_the_subject_leaves_the_subject_the_agent():
    # «صوّت البرلمان العراقي، أمس الأحد …، على قرار»: the date between the subject and the rest of its clause
    # joins the clause before it (as for the event), so the parliament is the agent (CLAIMS.md rules 14, 18)
    text = article("صوّت البرلمان العراقي، أمس الأحد 5 نيسان 2020، على قرار يطالب بخروج القوات الأجنبية.")
    (claim,) = claims_of(text, "أمس الأحد 5 نيسان 2020")
    assert (claim.event, claim.actor) == ("agreement", "iraq")


@pytest.mark.parametrize(("sentence", "date", "place"), [
    ("وشنت مقاتلات أمريكية غارات على مواقع في إقليم كردستان شمال العراق يوم 8 آب 2014.", "8 آب 2014",
     "kurdistan_region"),
    ("وقصفت الطائرات قاعدة عين الأسد الجوية في الأنبار ليل الأحد الاثنين، دون إصابات.", "ليل الأحد الاثنين",
     "ain_al_asad"),
    ("وقصفت الطائرات مواقع في بغداد والأنبار يوم 3 أيار 2017.", "3 أيار 2017", "iraq"),
], ids=["region-north-of-country", "base-in-province", "two-places-side-by-side"])
def test_a_place_followed_by_the_place_containing_it_is_the_place_not_its_container(sentence, date, place):
    # CLAIMS.md rules 21a/22: «X شمال العراق», «X في الأنبار» say where X lies (one place, its address);
    # two places side by side still give the smallest core place holding both
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.place) == ("attack", place)


def test_a_later_coordinated_clause_of_another_event_gives_no_place_to_the_dated_one():
    # «تنتهي المرحلة … 2026، ويغادر خلالها المستشارون قاعدة حرير»: the base is the place of the leaving, not
    # of the phase's end, which takes the mission's place given before (CLAIMS.md rule 21b)
    text = article("وقال المتحدث إن مهمة التحالف في العراق ستنتهي على مرحلتين.",
                   "وتنتهي المرحلة الأولى في موعد أقصاه نهاية أيار 2026، ويغادر خلالها المستشارون قاعدة حرير.")
    (claim,) = claims_of(text, "نهاية أيار 2026")
    assert (claim.event, claim.place) == ("mission_end", "iraq")


@pytest.mark.parametrize(("sentence", "date"), [
    ("وانطلقت الحملة العسكرية لتحرير تكريت، فجر يوم 2 آذار 2015، وسط مخاوف على المدنيين.", "فجر يوم 2 آذار 2015"),
    ("واستمرت معارك استعادة الفلوجة من أيار 2016 إلى حزيران 2016، وخلفت دمارا كبيرا.", "أيار 2016 إلى حزيران 2016"),
    ("يشار إلى أن عملية تحرير الجانب الغربي من الموصل بمساندة التحالف، بدأت في شباط 2017.", "شباط 2017"),
], ids=["campaign-to-liberate", "battles-to-retake", "part-of-a-city"])
def test_a_campaign_to_free_a_place_with_no_agent_named_is_by_the_forces_of_its_country(sentence, date):
    # CLAIMS.md rule 20: «A campaign to liberate Mosul → iraqi_security_forces»: the forces of the country
    # whose town is freed (sides.csv, its military), the supporting coalition being no agent
    (claim,) = claims_of(article(sentence), date)
    assert (claim.event, claim.actor) == ("attack", "iraqi_security_forces")


def test_a_freed_place_announced_by_a_speaker_does_not_name_the_forces_of_its_country():
    (claim,) = claims_of(article("وأعلنت قوات سوريا الديمقراطية تحرير الرقة في تشرين الأول 2017."), "تشرين الأول 2017")
    assert claim.actor != "syria"


def test_a_seizure_named_with_its_possessive_pronoun_is_an_attack_by_the_group_named_before():
    # «وسيطرته على …»: the seizure of territory is an attack (CLAIMS.md rule 9), its agent the group the
    # pronoun refers to, named in the clause before (not the campaign of an earlier clause, with no agent)
    text = article("وانطلقت الحملة لتحرير المدينة، فجر يوم 5 آذار 2015، حيث تعد الأكبر منذ دخول داعش، غربي البلاد "
                   + "وسيطرته على مدن عدة في صيف 2014.")
    (claim,) = claims_of(text, "صيف 2014")
    assert (claim.event, claim.actor) == ("attack", "isis")


def test_the_security_media_cell_speaks_for_the_iraqi_security_forces():
    # CLAIMS.md rule 14: Iraqi security bodies («خلية الصقور», and the Security Media Cell) -> iraqi_security_forces
    text = article("وتعرضت القاعدة لهجوم بطائرتين مسيرتين ليل الأحد الاثنين، وفق ما أفادت خلية الإعلام الأمني.")
    (claim,) = claims_of(text, "ليل الأحد الاثنين")
    assert (claim.event, claim.claimant) == ("attack", "iraqi_security_forces")


def test_a_debate_dated_before_the_bill_s_demand_is_talks_in_the_narrator_s_voice():
    # «أن يناقش البرلمان … مشروع قانون يطالب»: the date is the debate's (rule 4, talks); «يطالب» is the bill's
    # content, a predicate after the date that neither times it nor speaks for it (rule 11)
    text = article("ومن المتوقع أن يناقش مجلس النواب مطلع الشهر المقبل مشروع قانون يطالب بخروج القوات الأجنبية.")
    (claim,) = claims_of(text, "مطلع الشهر المقبل")
    assert (claim.event, claim.claimant) == ("talks", "media")


def test_a_resignation_and_a_stay_in_office_are_terms_of_office_not_statements_or_presence():
    # CLAIMS.md rule 5: terms of office are «other»; rule 6: «presence» is for forces or a mission staying
    text = article("قدم وزير الدفاع الأميركي لويد أوستن استقالته، الخميس، بعد يوم من إعلان الرئيس سحب القوات من سوريا.",
                   "وقال أوستن في رسالته إنه سيبقى في منصبه حتى 28 شباط 2021.")
    resigned, stays = claims_of(text, "الخميس", "28 شباط 2021")
    assert (resigned.event, resigned.place) == ("other", "united_states")
    assert stays.event == "other"


def test_the_object_of_a_preposition_after_a_reporting_verb_is_not_its_speaker():
    # «بغداد تعلن النصر على داعش»: ISIS is what the victory is over; the speaker is the subject before the
    # verb, the capital as metonym for its government (CLAIMS.md rules 14, 20)
    text = article("وهذه أبرز المحطات:", "كانون الأول 2017: بغداد تعلن النصر على داعش.")
    (claim,) = claims_of(text, "كانون الأول 2017")
    assert (claim.event, claim.actor, claim.claimant) == ("agreement", "iraqi_government", "iraqi_government")


@pytest.mark.parametrize(("sentence", "date", "place"), [
    ("وأعلن داعش في 29 حزيران 2014 قيام دولته انطلاقا من العراق وسوريا.", "29 حزيران 2014", ""),
    ("وتواصل قوات التحالف دعم العمليات في سوريا حتى أيلول 2026 انطلاقا من أربيل.", "أيلول 2026", "erbil"),
], ids=["two-countries", "one-base"])
def test_several_bases_give_the_smallest_core_place_holding_them_all(sentence, date, place):
    # CLAIMS.md rules 22, 24: the place an operation is run from; Iraq + Syria have no core place holding both
    (claim,) = claims_of(article(sentence), date)
    assert claim.place == place


BIDEN_AND_SUDANI = "الرئيس الأمريكي جو بايدن ورئيس الوزراء العراقي محمد شياع السوداني"


def test_two_titled_leaders_agreeing_act_for_the_forces_their_agreement_concerns():
    # CLAIMS.md rule 19: joint agents of two core sides -> the forces the event concerns, named in the clause
    # (adjuncts set off by commas between), here the owner of «القوات الأمريكية»
    text = article(f"اتفق {BIDEN_AND_SUDANI} يوم الاثنين، خلال لقائهما في البيت الأبيض، على إنهاء المهمة القتالية "
                   + "للقوات الأمريكية في العراق بحلول نهاية العام الجاري.")
    (claim,) = claims_of(text, "يوم الاثنين")
    assert (claim.event, claim.actor) == ("agreement", "united_states")


def test_the_end_of_a_mission_set_by_two_titled_leaders_is_the_mission_s_named_before():
    # rule 19, then rule 20: a mission's end with joint agents and no force named takes the mission named before
    text = article("وأعلن التحالف الدولي أن مهمته في العراق ستتغير.",
                   f"ويأتي الإعلان قبل أسابيع من الموعد الذي حدده {BIDEN_AND_SUDANI} في تموز الماضي لإنهاء المهمة "
                   + "القتالية، أي 31 كانون الأول 2025.")
    _, end = claims_of(text, "تموز الماضي", "31 كانون الأول 2025")
    assert (end.event, end.actor) == ("mission_end", "global_coalition")


def test_forces_of_several_core_sides_acting_together_have_no_single_actor():
    # rule 19: joint agents and no mission or other force named -> empty, not the first of them
    text = article("وفي تشرين الثاني سيطر ائتلاف من القوات الإيرانية والعراقية والسورية على البلدة.")
    (claim,) = claims_of(text, "تشرين الثاني")
    assert (claim.event, claim.actor) == ("attack", "")


def test_a_core_person_named_after_his_title_speaks_as_that_person():
    # rule 14: the most specific id, a core person before his country
    (claim,) = claims_of(article("وقال الرئيس الأمريكي جو بايدن في 3 أيار 2024 إن المهمة ستنتهي."), "3 أيار 2024")
    assert claim.claimant == "joe_biden"


def test_two_titled_leaders_speaking_together_are_their_two_sides():
    # rule 15: Iraq-US joint speakers -> iraqi_government+united_states whatever word names each side
    text = article(f"وأعلن {BIDEN_AND_SUDANI}، في 3 أيار 2024، أن المهمة ستنتهي.")
    (claim,) = claims_of(text, "3 أيار 2024")
    assert claim.claimant == "iraqi_government+united_states"


def test_a_later_clause_opening_with_a_scope_break_lends_no_agent_to_the_dated_one():
    # «… انسحابها … نهاية 2011، قبل أن تعود … في إطار التحالف الدولي»: «قبل أن» opens another predicate
    # (background.csv, scope_break); the withdrawing forces are the US troops named before (CLAIMS.md rule 18)
    text = article("وأنهت القوات الأمريكية، التي دخلت البلاد عام 2003، انسحابها من العراق نهاية 2011، قبل أن تعود إليه "
                   + "عام 2014 في إطار التحالف الدولي.")
    (claim,) = claims_of(text, "نهاية 2011")
    assert (claim.event, claim.actor) == ("withdrawal", "united_states")


def test_the_day_after_opens_the_narrator_s_background_like_after():
    # rule 11: «غداة» («the day after») opens a background adjunct as «بعد» and «إثر» do: a date in it is the
    # outlet's, not the speaker's
    text = article("وقال رئيس الوزراء العراقي في 5 آذار إن حكومته ستنهي وجود التحالف، غداة ضربة أمريكية قتلت قياديا "
                   "في بغداد في الرابع من الشهر نفسه.")
    said, strike = claims_of(text, "5 آذار", "الرابع من الشهر نفسه")
    assert said.claimant == "iraqi_government"
    assert (strike.event, strike.claimant) == ("attack", "media")


def test_a_future_handover_verb_is_a_handover():
    text = article("وأضاف أن الشرطة المحلية ستتسلم الملف الأمني في المدينة من الجيش مطلع أيار المقبل.")
    (claim,) = claims_of(text, "مطلع أيار المقبل")
    assert claim.event == "handover"


def test_the_city_named_before_is_where_in_the_city_is():
    # «في المدينة» after «مدينة بيجي» (anaphors.csv, @CITY): the strikes' place, and the statement's, taken from
    # what was said, is that city's core place (CLAIMS.md rules 20, 22, 27)
    text = article("وأعلن الجيش استعادة مدينة بيجي من داعش.",
                   "وأكد التحالف في بيان أمس الأربعاء أن طائراته نفذت 20 غارة على مواقع التنظيم في المدينة منذ "
                   + "5 آذار 2015.")
    statement, strikes = claims_of(text, "أمس الأربعاء", "5 آذار 2015")
    assert (statement.place, strikes.place) == ("iraq", "iraq")


def test_the_camp_named_before_is_the_place_of_what_the_camp_does():
    text = article("وعادت عائلات من مخيم الهول في شمال شرق سوريا.",
                   "وتشير تقديرات الأمم المتحدة إلى أن المخيم كان يؤوي أكثر من 70 ألف شخص عام 2019.")
    (claim,) = claims_of(text, "عام 2019")
    assert claim.place == "syria"


def test_a_place_anaphor_of_a_type_that_names_no_place_names_the_row(tables_copy):
    line = append_row(tables_copy / "anaphors.csv", "الوزارة,@ORG")
    with pytest.raises(ClaimTableError, match="place type") as info:
        load_claim_tables(tables_copy)
    assert (info.value.path.name, info.value.line) == ("anaphors.csv", line)


def test_a_background_opener_with_its_conjunction_is_narrator_background():
    # «ويذكر أن» is «يذكر أن» (background.csv) with a proclitic و: the sentence is the narrator's (CLAIMS.md rule
    # 12), so the speaker of the sentence before is not carried over
    text = article("وقال المتحدث باسم الحكومة العراقية إن الوزارة تخطط لإعادة دفعتين قبل نهاية السنة الحالية. "
                   + "ويذكر أن البرنامج انطلق في أيار 2021.")
    (claim,) = claims_of(text, "أيار 2021")
    assert claim.claimant == "media"


def test_the_present_tense_of_a_reporting_verb_reports():
    # «تشير تقديرات الأمم المتحدة إلى أن …»: «يشير/تشير» are «أشار» in the present (CLAIMS.md rule 10)
    text = article("وتشير تقديرات الأمم المتحدة إلى أن المخيم كان يؤوي أكثر من 70 ألف شخص عام 2019.")
    (claim,) = claims_of(text, "عام 2019")
    assert claim.claimant == "united_nations"


def test_troops_deployed_during_a_period_are_a_presence():
    # «ينتشرون في العراق خلال العام الجاري»: forces staying during the date (CLAIMS.md rule 6), owned by the US
    text = article("وكان نحو 2500 جندي أمريكي ينتشرون في العراق خلال العام الجاري، بعد أن خفضت الإدارة السابقة عددهم.")
    (claim,) = claims_of(text, "العام الجاري")
    assert (claim.event, claim.place, claim.actor) == ("presence", "iraq", "united_states")


def test_forming_a_coalition_is_other_by_its_founder():
    # CLAIMS.md rule 5: the formation of a coalition is «other»; its agent the side that formed it (rule 18)
    text = article("وضم التحالف عندما شكلته الولايات المتحدة في 2014 نحو 60 دولة.")
    (claim,) = claims_of(text, "2014")
    assert (claim.event, claim.actor) == ("other", "united_states")


def test_an_event_in_a_relative_clause_about_someone_else_is_not_the_dated_event():
    # «…، الذي قتل قبل سنوات، …»: the killing describes the man named before it (background.csv, relative);
    # the dated event is the arrest, by the speaking police (CLAIMS.md rules 5, 18)
    text = article("وذكرت الشرطة التركية أنها اعتقلت شقيق أحد قادة داعش، الذي قتل قبل سنوات، خلال مداهمة في أنقرة "
                   + "يوم 3 أيار 2018.")
    (claim,) = claims_of(text, "يوم 3 أيار 2018")
    assert (claim.event, claim.actor) == ("other", "turkey")


def test_where_the_first_statement_was_made_is_not_where_a_later_one_was():
    # CLAIMS.md rule 27: «وفي أنقرة، قال …» places the first statement; the earlier announcement reported after it
    # takes its place from what it said (the withdrawal from Syria)
    text = article("وفي أنقرة، قال الوزير إن بلاده ستؤجل العملية، بعد أن كان قد أعلن في 12 كانون الأول أن القوات "
                   + "ستنسحب من سوريا.")
    (claim,) = claims_of(text, "12 كانون الأول")
    assert (claim.event, claim.place) == ("agreement", "syria")


def test_a_leader_of_a_country_outside_the_core_list_speaks_for_no_core_side():
    # CLAIMS.md rule 16: a named speaker with no core id leaves the claimant empty, neither media nor unnamed
    text = article("وقال إيمانويل ماكرون في مقابلة تلفزيونية مساء الأحد إن القوات باقية.")
    (claim,) = claims_of(text, "مساء الأحد")
    assert (claim.event, claim.claimant) == ("agreement", "")


def test_where_a_speech_was_given_is_not_its_speaker():
    # scopes.csv ``venue``: «في خطاب بإسطنبول» says where the speech was made (CLAIMS.md rule 27), and the speaker
    # is the subject named before the verb («وكان أردوغان قد قال»), not the city after it
    text = article("وكان أردوغان قد قال في خطاب بإسطنبول السبت إن قوات بلاده ستبقى في معسكرها.")
    (claim,) = claims_of(text, "السبت")
    assert (claim.event, claim.place, claim.claimant) == ("agreement", "turkey", "turkey")


def test_describing_something_as_is_a_speech_act():
    # CLAIMS.md rule 10: any speech-act verb reports; «وصف … بأنه» is one
    text = article("ووصفت الخارجية الأمريكية، الثلاثاء، تفجير المسجد بأنه \"عمل إرهابي جبان\".")
    (claim,) = claims_of(text, "الثلاثاء")
    assert (claim.event, claim.claimant) == ("agreement", "united_states")


def test_a_parliament_ratifying_an_extension_is_a_decision_not_a_presence():
    # CLAIMS.md rule 2: a decision verb with the date on it («صادق … في 10 تشرين الأول على تمديد مهمة القوات»)
    # is `agreement`, not the extension it decides
    text = article("وصادق البرلمان التركي في 10 تشرين الأول على تمديد مهمة القوات التركية في سوريا عاما آخر.")
    (claim,) = claims_of(text, "10 تشرين الأول")
    assert claim.event == "agreement"


def test_protests_are_other_and_the_city_that_sees_them_is_their_place():
    # CLAIMS.md rule 5 and the label table: protests are none of the listed events; «رحيل الحكومة» demanded by
    # them is no force leaving. «تشهد البصرة» says where they happen (places.csv, locative)
    text = article("وتشهد البصرة منذ 15 تموز احتجاجات تطالب برحيل الحكومة المحلية.")
    (claim,) = claims_of(text, "15 تموز")
    assert (claim.event, claim.place) == ("other", "iraq")


def test_electing_a_president_is_other_and_a_siege_is_an_attack():
    # CLAIMS.md rules 5 and 9; «قوات النظام السوري»: the regime's forces (forces.csv «النظام») act for syria (rule 18)
    text = article("وانتخب البرلمان العراقي في 2 تشرين الأول رئيسا جديدا للجمهورية.",
                   "وتحاصر قوات النظام السوري بلدة مضايا منذ تموز 2015.")
    elected, siege = claims_of(text, "2 تشرين الأول", "تموز 2015")
    assert elected.event == "other"
    assert (siege.event, siege.actor) == ("attack", "syria")


def test_a_reporting_verb_after_the_date_s_clause_goes_on_does_not_time_the_date():
    # «بني الجسر عام 1984 فوق نهر دجلة، ووصفه خبراء …»: the date's clause goes on past it, so the verb of the
    # next clause neither times it (rule 1) nor makes it reported (rule 11): the outlet's own background
    text = article("وبني الجسر عام 1984 فوق نهر دجلة في وسط المدينة القديمة، ووصفه مسؤولون أمريكيون في 2007 "
                   + "بأنه \"الأخطر في البلاد\".")
    built, described = claims_of(text, "عام 1984", "2007")
    assert (built.event, built.claimant) == ("other", "media")
    assert (described.event, described.claimant) == ("agreement", "united_states")


def test_according_to_what_a_body_reported_names_that_body():
    # «وفق ما أفادت به قيادة العمليات المشتركة»: an attribution quoting a reporting verb; its subject speaks
    text = article("وانطلقت العملية فجر الأحد من ثلاثة محاور بمشاركة آلاف المقاتلين، وفق ما أفادت به قيادة العمليات "
                   + "المشتركة.")
    (claim,) = claims_of(text, "فجر الأحد")
    assert claim.claimant == "iraqi_security_forces"


def test_retaking_a_place_in_a_subordinate_clause_is_by_its_own_subject():
    # «قبل أن تستعيدها القوات العراقية في …», «استعادتها القوات العراقية … في …»: the recapture verb of the date's
    # clause (events.csv, with its object pronoun) and its own subject, not the seizure of the main clause
    text = article("وسيطر التنظيم على مدينة هيت في تشرين الأول 2014، قبل أن تستعيدها القوات العراقية في نيسان 2016.",
                   "يذكر أن الرمادي، مركز محافظة الأنبار، استعادتها القوات العراقية من تنظيم داعش في كانون الأول 2015.")
    retaken, ramadi = claims_of(text, "نيسان 2016", "كانون الأول 2015")
    assert (retaken.event, retaken.actor) == ("attack", "iraqi_security_forces")
    assert (ramadi.event, ramadi.actor) == ("attack", "iraqi_security_forces")


def test_criticising_and_requesting_are_speech_acts():
    # CLAIMS.md rule 10: any speech-act verb reports («انتقد», «قد طلب»); the date on it is a statement (rule 1)
    text = article("وانتقد الرئيس التركي رجب طيب أردوغان، الثلاثاء، الحصار المفروض على الدوحة.",
                   "وكان رئيس الوزراء العراقي حيدر العبادي قد طلب في شباط الماضي توسيع مهمة التدريب.")
    criticised, requested = claims_of(text, "الثلاثاء", "شباط الماضي")
    assert (criticised.event, criticised.claimant) == ("agreement", "turkey")
    assert (requested.event, requested.claimant) == ("agreement", "iraqi_government")


def test_an_announcement_named_with_its_speaker_and_dated_right_after_is_that_speaker_s():
    # CLAIMS.md rule 10: «مع إعلان X أن» attributes; «بعد إعلان ترامب، الأربعاء، أن …» dates Trump's statement
    # (reporting.csv ``noun_of``), while a date further on in what was announced is the outlet's account
    text = article("وجاءت الاستقالة بعد يوم من إعلان ترامب، الأربعاء، أن القوات الأمريكية في سوريا ستعود إلى الوطن.",
                   "ويأتي الهجوم بعد أسابيع من إعلان ترامب سحب القوات الأمريكية من شمال سوريا في السادس من تشرين الأول.")
    dated, further = claims_of(text, "الأربعاء", "السادس من تشرين الأول")
    assert (dated.event, dated.claimant) == ("agreement", "united_states")
    assert further.claimant == "media"


def test_a_governor_speaks_for_the_country_of_his_province():
    # CLAIMS.md rule 29: officials act for their side; «محافظ كركوك» is Iraqi (speakers.csv @country, part_of.csv),
    # also when a relative clause reports him («محافظ دير الزور، الذي قال»)
    text = article("وذكر محافظ كركوك أن حظر التجول سيستمر حتى مساء السبت.",
                   "وحضر الافتتاح وفد برئاسة محافظ دير الزور، الذي قال إن الجانبين اتفقا على فتح المعبر في نيسان الماضي.")
    kirkuk, deir = claims_of(text, "مساء السبت", "نيسان الماضي")
    assert kirkuk.claimant == "iraq"
    assert deir.claimant == "syria"


def test_a_truce_and_its_entry_into_force_are_agreements():
    # CLAIMS.md rules 3 and 29: a ceasefire is an agreement; its taking effect, like sanctions', is `agreement`
    text = article("وصمدت الهدنة التي رعتها واشنطن وموسكو منذ 27 شباط الماضي.",
                   "وأعلن الطرفان وقفا لإطلاق النار، ودخل حيز التنفيذ مع غروب شمس 12 أيلول.")
    truce, in_force = claims_of(text, "27 شباط الماضي", "12 أيلول")
    assert truce.event == "agreement"
    assert in_force.event == "agreement"


def test_leaving_office_is_a_term_of_office_not_a_withdrawal():
    # CLAIMS.md rule 5: «يغادر منصبه» is the end of a term (scopes.csv post), no forces leaving
    text = article("وأعلن وزير الدفاع استقالته، على أن يغادر منصبه في 28 شباط المقبل.")
    (claim,) = claims_of(text, "28 شباط المقبل")
    assert claim.event == "other"


def test_a_rocket_falling_is_an_attack_and_a_fighter_jet_s_nisba_names_its_owner():
    # rule 9: a rocket that falls is an attack; «مقاتلة أمريكية» is a forces noun with its nisba (rule 18)
    text = article("سقط صاروخ من نوع كاتيوشا، ليل الأحد، داخل المنطقة الخضراء في بغداد.",
                   "وأسقطت مقاتلة أمريكية، الأحد، طائرة حربية سورية قرب الرقة.")
    rocket, jet = claims_of(text, "ليل الأحد", "الأحد")
    assert rocket.event == "attack"
    assert (jet.event, jet.actor) == ("attack", "united_states")


def test_retaking_a_place_after_the_sentence_s_subject_is_by_the_forces_of_its_country():
    # rule 20: «بعد استعادة القوات الحكومية مدينة الموصل» names no core agent; the place freed is Iraqi, so
    # Iraq's forces retook it, not the group the clause before names
    text = article("واستعادت القوات العراقية بلدة الحويجة من داعش.",
                   "وكان التنظيم يسيطر على الحويجة منذ حزيران 2014، وظلت البلدة معزولة بعد استعادة القوات الحكومية "
                   + "مدينة الموصل في تموز الماضي.")
    (claim,) = claims_of(text, "تموز الماضي")
    assert (claim.event, claim.actor) == ("attack", "iraqi_security_forces")


def test_the_subject_of_a_pluperfect_or_fronted_reporting_verb_speaks_not_its_object():
    # «وكان X قد قال في مقابلة مع شبكة …»: X speaks (not the network); «وكان مجلس النواب قد طالب العبادي»: the
    # parliament speaks (rule 14 → iraq), not Abadi; «أن الجيش الأميركي أبلغ القوات الروسية»: the army informed
    text = article("وكان ترامب قد قال في مقابلة مع شبكة \"سي بي إس\" بثت الأحد إنه يريد الإبقاء على القاعدة.",
                   "وكان مجلس النواب العراقي قد طالب العبادي الشهر الماضي بنشر قوات في كركوك.",
                   "وكانت موسكو قد أبلغت الجيش الأمريكي، خلال الأسبوع الجاري، بأنها تعتزم شن ضربات.")
    interview, parliament, moscow = claims_of(text, "الأحد", "الشهر الماضي", "الأسبوع الجاري")
    assert interview.claimant == "united_states"
    assert parliament.claimant == "iraq"
    assert moscow.claimant == ""  # Russia: named, outside the core list (rule 16)


def test_a_concession_leaves_the_speaker_s_scope():
    # rule 11: «رغم أن …» is the outlet's background (background.csv scope_break), not the speaker's claim
    text = article("وكانت الولايات المتحدة قد أبلغت الفصائل في رسالة الشهر الماضي أنها لن تتدخل، رغم أن المنطقة "
                   + "كانت مشمولة باتفاق توصلت إليه واشنطن وموسكو في تموز 2017.")
    letter, deal = claims_of(text, "الشهر الماضي", "تموز 2017")
    assert letter.claimant == "united_states"
    assert deal.claimant == "media"


def test_heading_to_a_capital_is_a_visit_by_the_traveller():
    text = article("ومن المقرر أن يتوجه نائب الرئيس الأمريكي مايك بنس إلى أنقرة الأربعاء سعيا إلى وقف لإطلاق النار.")
    (claim,) = claims_of(text, "الأربعاء")
    assert (claim.event, claim.place, claim.actor) == ("talks", "turkey", "united_states")


def test_protesting_designating_joining_and_being_born_are_what_the_rules_say():
    # rule 10: «احتجت» is a speech act; rule 3: designating as terrorist is a decision; rule 5: joining a group, a
    # birth and demonstrations are other; «سيبقون حتى» forces staying (presence)
    text = article("واحتجت وزارة الخارجية العراقية في 13 كانون الأول على القصف.",
                   "وكانت الخارجية الأمريكية قد صنفته إرهابيا في كانون الثاني 2017.",
                   "حزيران 2014: العصائب تنضم إلى الحشد الشعبي بعد سيطرة داعش على الموصل.",
                   "وبرز حمزة، المولود نحو عام 1989، وريثا محتملا.",
                   "وتظاهر المئات صباح اليوم في ساحة التحرير ببغداد.",
                   "وقال مسؤولون أمريكيون إن نحو ألفي جندي سيبقون في شرق سوريا حتى نهاية العام الجاري.")
    protest, designated, joined, born, marched, stay = claims_of(
        text, "13 كانون الأول", "كانون الثاني 2017", "حزيران 2014", "عام 1989", "صباح اليوم", "نهاية العام الجاري")
    assert (protest.event, protest.claimant) == ("agreement", "iraqi_government")
    assert designated.event == "agreement"
    assert (joined.event, born.event, marched.event) == ("other", "other", "other")
    assert stay.event == "presence"


def test_joining_someone_in_an_act_takes_the_act_s_event():
    # «انضم إليها اليوم حليفتاها» joins the US in today's strike: only «انضم إلى» + a group is a joining (rule 5)
    text = article("وشنت الولايات المتحدة غارات على مواقع في سوريا، وانضم إليها اليوم حليفتاها بريطانيا وفرنسا.")
    (claim,) = claims_of(text, "اليوم")
    assert claim.event == "attack"


def test_shooting_down_an_insurgency_a_decree_and_a_workshop():
    text = article("وأسقطت إيران طائرة مسيرة أمريكية في 20 حزيران الماضي.",
                   "ويخوض الحزب تمردا مسلحا ضد الدولة التركية منذ عام 1984.",
                   "ووقع الرئيس الأمريكي، الاثنين، مرسوما يعترف بموجبه بسيادة إسرائيل على الجولان.",
                   "واختتمت في المنامة، مساء الأربعاء، ورشة اقتصادية نظمتها الولايات المتحدة.")
    downed, insurgency, decree, workshop = claims_of(text, "20 حزيران الماضي", "عام 1984", "الاثنين", "مساء الأربعاء")
    assert (downed.event, downed.actor) == ("attack", "iran")
    assert insurgency.event == "attack"
    assert decree.event == "agreement"
    assert workshop.event == "talks"


def test_an_aside_of_the_outlet_leaves_the_speaker_s_scope():
    # «في خطوة …» is the outlet's comment on what the speaker did (background.csv scope_break, rule 11)
    text = article("وكان ترامب قد أعلن مساء الأربعاء أن إدارته ستنقل السفارة إلى القدس، في خطوة أرجأها الرؤساء السابقون "
                   + "منذ أن أقر الكونغرس قانونا بهذا الشأن عام 1995.")
    announced, law = claims_of(text, "مساء الأربعاء", "عام 1995")
    assert announced.claimant == "united_states"
    assert law.claimant == "media"


def test_a_news_network_quoting_officials_after_a_date_names_the_officials():
    # «نقلت في 31 يوليو عن ثلاثة مسؤولين أمريكيين»: «نقل … عن» (reporting.csv verb_an) names its source after «عن»,
    # past the time between (rule 13: media conduits are transparent)
    text = article("وكانت شبكة NBC قد نقلت في 31 تموز الماضي عن ثلاثة مسؤولين أمريكيين أن حمزة قتل.")
    (claim,) = claims_of(text, "31 تموز الماضي")
    assert claim.claimant == "united_states"


def test_the_subject_of_a_pluperfect_act_is_its_agent():
    # «وكان البرلمان قد صوت في اليوم نفسه على رفض الاستفتاء، وكلف العبادي»: the parliament voted (rule 14: iraq),
    # not the prime minister it then charged
    text = article("وصوت مجلس النواب العراقي أمس الخميس على إقالة المحافظ.",
                   "وكان البرلمان قد صوت في اليوم نفسه على رفض الاستفتاء، وكلف العبادي باتخاذ الإجراءات.")
    _, same_day = claims_of(text, "أمس الخميس", "اليوم نفسه")
    assert same_day.actor == "iraq"


def test_a_handover_of_weapons_is_a_delivery_not_a_handover():
    # CLAIMS.md: handover is of bases, positions or tasks; a system delivered (scopes.csv delivered) is not, and the
    # date on the order suspending it is the decision's (rule 2)
    text = article("وكان البنتاغون قد علق في نيسان الماضي تسليم معدات مرتبطة بالمقاتلة إلى تركيا.",
                   "وقال مصدر عسكري عراقي إن عملية التسليم تمت في شباط 2026.")
    suspended, base = claims_of(text, "نيسان الماضي", "شباط 2026")
    assert suspended.event != "handover"
    assert base.event == "handover"


def test_a_timeline_entry_s_nisba_names_the_agent():
    text = article("كانون الأول 2019: عقوبات أمريكية على قادة فصائل عراقية.")
    (claim,) = claims_of(text, "كانون الأول 2019")
    assert (claim.event, claim.actor) == ("agreement", "united_states")


def test_a_strike_s_nisba_after_its_kind_names_the_attacker():
    # «غارات جوية تركية»: «جوية» between the strike word and its nisba (series.csv, rule 18)
    text = article("وقتل ثلاثة أشخاص في غارات جوية تركية استهدفت قرى في سنجار في 13 كانون الأول 2018.")
    (claim,) = claims_of(text, "13 كانون الأول 2018")
    assert (claim.event, claim.actor) == ("attack", "turkey")


def test_the_region_names_the_kurdistan_region_named_before():
    # anaphors.csv «الإقليم»: the Kurdistan Region named before it, as speaker and agent (the group anaphors are
    # matched on the written text, hamza and all)
    text = article("وزار الوزير إقليم كردستان أمس.",
                   "وقال المتحدث باسم حكومة الإقليم إن الرواتب ستدفع قبل نهاية حزيران الجاري.")
    _, salaries = claims_of(text, "أمس", "نهاية حزيران الجاري")
    assert salaries.claimant == "kurdistan_region"


def test_a_referendum_on_secession_is_held_in_and_by_the_region_that_would_secede():
    # rules 18 and 21: the 2017 referendum is the Kurdistan Region's act and place, not Iraq's, though the clause
    # names the Iraqi forces that retook Kirkuk after it
    text = article("وتوترت العلاقات بين بغداد وإقليم كردستان.",
                   "واستعادت القوات العراقية السيطرة على كركوك إثر استفتاء الانفصال الذي أجري في 25 أيلول.")
    _, referendum = claims_of(text, "بغداد", "25 أيلول")
    assert (referendum.event, referendum.place, referendum.actor) == ("other", "kurdistan_region", "kurdistan_region")


def test_acknowledging_that_and_talking_about_report():
    # rule 10: «أقر … بأن» (acknowledged that) reports as «أقر بـ» does; «تحدث … عن» (reporting.csv verb_an)
    text = article("أقر التحالف الدولي، السبت، بأن طائراته نفذت غارة على حي الموصل الجديدة في 17 آذار.",
                   "وكان مسؤولون محليون في محافظة نينوى قد تحدثوا الخميس الماضي عن انتشال عشرات الجثث.")
    acknowledged, strike, talked = claims_of(text, "السبت", "17 آذار", "الخميس الماضي")
    assert (acknowledged.event, acknowledged.claimant) == ("agreement", "global_coalition")
    assert (strike.event, strike.actor, strike.claimant) == ("attack", "global_coalition", "global_coalition")
    assert (talked.event, talked.claimant) == ("agreement", "iraq")  # local officials of an Iraqi province


def test_an_abduction_is_an_attack_an_appointment_other_and_a_deployment_that_starts_other():
    text = article("وكانت قد اختطفت على يد مسلحي تنظيم داعش من قريتها في سنجار في آب 2014.",
                   "وفي عام 2016 عينت الأمم المتحدة الناشطة سفيرة للنوايا الحسنة.",
                   "وانتشرت قوات البيشمركة في كركوك في حزيران 2014 بعد انسحاب وحدات الجيش.")
    abducted, appointed, deployed = claims_of(text, "آب 2014", "عام 2016", "حزيران 2014")
    assert (abducted.event, abducted.actor) == ("attack", "isis")
    assert (appointed.event, appointed.actor) == ("other", "united_nations")
    assert deployed.event == "other"


def test_announcing_an_event_dates_the_announcement():
    # CLAIMS.md rule 2: «أعلن X تحرير الجانب الشرقي في 24 يناير» (scopes.csv announce): the date right after what
    # was announced, its object, is the announcement's
    text = article("وتخوض القوات العراقية معركة الجانب الغربي، بعد أن أعلن رئيس الوزراء حيدر العبادي تحرير الجانب الشرقي "
                   + "في 24 كانون الثاني الماضي.")
    (claim,) = claims_of(text, "24 كانون الثاني الماضي")
    assert (claim.event, claim.actor, claim.claimant) == ("agreement", "iraqi_government", "iraqi_government")


def test_launching_an_operation_is_an_attack_by_the_pluperfect_subject():
    text = article("وكانت تركيا قد أطلقت عملية \"درع الفرات\" في 24 آب 2016 بدخول جرابلس، قبل أن تبدأ معركة الباب.")
    (claim,) = claims_of(text, "24 آب 2016")
    assert (claim.event, claim.actor) == ("attack", "turkey")


def test_a_killing_by_a_strike_with_a_nisba_is_by_the_strike_s_owner():
    # «مقتل X، أحد قادة التنظيم، بغارة أمريكية»: the victim's group is no agent; the strike's nisba names the
    # attacker (rule 18)
    text = article("أيار 2016: مقتل أبو وهيب، أحد قادة التنظيم في الأنبار، بغارة أمريكية.")
    (claim,) = claims_of(text, "أيار 2016")
    assert (claim.event, claim.actor) == ("attack", "united_states")


def test_a_name_that_reads_like_a_complementizer_is_no_complementizer():
    # «بان كي مون»: «بان» is «بأن» without its hamza; inside a person's name it introduces nothing, and the date
    # before «إن» times his speech (rule 1)
    text = article("وقال الأمين العام للأمم المتحدة بان كي مون أمام مجلس الأمن الأربعاء إن استهداف المستشفيات جريمة حرب.")
    (claim,) = claims_of(text, "الأربعاء")
    assert (claim.event, claim.claimant) == ("agreement", "united_nations")


def test_the_group_named_after_an_attack_s_relative_verb_is_its_attacker():
    # «في هجوم شنه مسلحون من تنظيم داعش» (scopes.csv attack_by): the fighters' group is the attacker (rule 18),
    # though the date's clause («قتل جنديان») names none
    text = article("قتل جنديان عراقيان، مساء الأحد، في هجوم شنه مسلحون من تنظيم داعش على موقع للجيش في قضاء الحويجة.")
    (claim,) = claims_of(text, "مساء الأحد")
    assert (claim.event, claim.actor) == ("attack", "isis")


def test_neutralising_fighters_and_launching_its_own_operation_are_attacks():
    text = article("وقالت وزارة الدفاع التركية إن قواتها حيدت 9 مسلحين من حزب العمال الكردستاني في شمال العراق يوم السبت.",
                   "وكانت أنقرة قد أطلقت عمليتها العسكرية ضد المقاتلين الأكراد في الثاني من مارس، بعد أيام من إعلان "
                   + "واشنطن سحب قواتها.")
    neutralised, launched = claims_of(text, "يوم السبت", "الثاني من مارس")
    assert (neutralised.event, neutralised.actor) == ("attack", "turkey")
    assert (launched.event, launched.actor) == ("attack", "turkey")


def test_a_building_after_a_noun_of_speech_speaks_and_is_no_place():
    # «بعد إعلان البيت الأبيض»: the White House is the speaker of the announcement (rule 23: agents are not places)
    text = article("وجاء ذلك بعد إعلان البيت الأبيض في الرابع من الشهر الجاري سحب القوات الأمريكية من المنطقة.")
    (claim,) = claims_of(text, "الرابع من الشهر الجاري")
    assert (claim.event, claim.place, claim.claimant) == ("agreement", "", "united_states")


def test_whoever_attends_a_meeting_is_not_its_agent():
    text = article("وعقدت اللجنة اجتماعها الأول في بغداد في 3 مارس 2017 بحضور ماتيس.")
    (claim,) = claims_of(text, "3 مارس 2017")
    assert (claim.event, claim.actor) == ("talks", "")


def test_receiving_children_or_barrels_is_no_handover():
    # a handover is of bases, positions or tasks (CLAIMS.md); people or goods handed over are something else
    text = article("وكانت الحكومة العراقية قد تسلمت في مارس الماضي 120 طفلا من أبناء عناصر التنظيم من تركيا.")
    (claim,) = claims_of(text, "مارس الماضي")
    assert claim.event == "other"


def test_mountains_districts_and_villages_of_the_north_map_to_their_core_place():
    # gazetteer.csv and part_of.csv: «جبال حمرين», «قضاء الطارمية» -> iraq; «قرب سيدكان», «منطقة حفتانين» -> the
    # Kurdistan Region (rule 22)
    text = article("ونفذت طائرات التحالف غارتين على مخابئ للتنظيم في جبال حمرين الأحد.",
                   "واستهدف هجوم الشرطة في قضاء الطارمية الأربعاء.",
                   "وقتلت طائرة مسيرة تركية ثلاثة مدنيين قرب سيدكان الخميس.",
                   "وقصفت المدفعية التركية مواقع في منطقة حفتانين الجمعة.")
    places = [c.place for c in claims_of(text, "الأحد", "الأربعاء", "الخميس", "الجمعة")]
    assert places == ["iraq", "iraq", "kurdistan_region", "kurdistan_region"]


def test_districts_of_the_governorates_map_to_their_core_country_or_region():
    # gazetteer.csv and part_of.csv (rule 22); a name that is also a common word needs its place noun: «قضاء
    # الخالص» is the town, «الذهب الخالص» pure gold
    text = article("وقتل جنديان في هجوم على قضاء داقوق الخميس.", "وسقطت قذيفة قرب كلار الجمعة.",
                   "وسيطرت القوات على بلدة هجين السبت.")
    places = [c.place for c in claims_of(text, "الخميس", "الجمعة", "السبت")]
    assert places == ["iraq", "kurdistan_region", "syria"]


def test_an_envoy_of_the_secretary_general_speaks_for_the_united_nations():
    # speakers.csv @via: «المبعوث الخاص للأمين العام» is a channel; the body named after it speaks (rule 14)
    text = article("ورحب المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا بالهدنة الأحد، ووصفها بأنها خطوة أولى.")
    (claim,) = claims_of(text, "الأحد")
    assert (claim.event, claim.claimant) == ("agreement", "united_nations")


def test_congratulating_and_announcing_in_passing_are_statements():
    # «هنأ» is a speech act like «أشاد» and «رحب»; «معلنا» goes on with the speaker's statement, as «مؤكدا» does
    # (rule 10); «زيارة غير معلنة» (an unannounced visit) says nothing
    text = article("وهنأ رئيس الوزراء العراقي القوات، مساء السبت، بتحرير المدينة.",
                   "وأشاد وزير الخارجية الأمريكي بالاتفاق، معلنا في تصريح الأربعاء تقديم مساعدات جديدة للعراق.",
                   "ووصل وزير الدفاع الأمريكي إلى أربيل، الاثنين، في زيارة غير معلنة.")
    congratulated, announced, visited = claims_of(text, "مساء السبت", "الأربعاء", "الاثنين")
    assert (congratulated.event, congratulated.claimant) == ("agreement", "iraqi_government")
    assert (announced.event, announced.actor, announced.claimant) == ("agreement", "united_states", "united_states")
    assert (visited.event, visited.claimant) == ("talks", "media")


def test_the_name_after_a_relative_clause_s_targeting_verb_is_its_object():
    # «العملية التي تستهدف وحدات حماية الشعب»: the operation targets the YPG; the YPG is no attacker (rule 18)
    text = article("وقتل عشرة مسلحين الأحد في العملية التي تستهدف وحدات حماية الشعب الكردية شمال سوريا.")
    (claim,) = claims_of(text, "الأحد")
    assert (claim.event, claim.actor) == ("attack", "")


def test_an_attribution_written_as_one_word_names_its_source():
    # «حسبما أعلن البنتاغون» is «حسب ما أعلن البنتاغون» (rule 10)
    text = article("وقصفت طائرات أمريكية الأحد مواقع للتنظيم، حسبما أعلن البنتاغون.")
    (claim,) = claims_of(text, "الأحد")
    assert (claim.actor, claim.claimant) == ("united_states", "pentagon")


def test_a_reporting_verb_in_a_relative_clause_does_not_speak_for_the_date_before_it():
    # «… الثلاثاء، على حزمة الإصلاحات التي أعلنها العبادي»: the vote is the parliament's, told by the outlet (rule
    # 11); a date after such a verb is its own («الإصلاحات التي أعلنها العبادي الأحد»)
    text = article("صوت مجلس النواب العراقي، الثلاثاء، على حزمة الإصلاحات التي أعلنها رئيس الوزراء حيدر العبادي.",
                   "وأقرت الحكومة الإصلاحات التي أعلنها العبادي الأحد.")
    vote, announcement = claims_of(text, "الثلاثاء", "الأحد")
    assert (vote.event, vote.actor, vote.claimant) == ("agreement", "iraq", "media")
    assert (announcement.event, announcement.claimant) == ("agreement", "iraqi_government")


def test_a_vote_of_confidence_is_a_decision_and_taking_office_is_other():
    # «منح … الثقة لحكومة» decides (agreement); «منذ تسلمه منصبه في مايو» is taking office, a domestic political
    # event (other, CLAIMS.md rule 5), not the visit named before it
    text = article("منح البرلمان، فجر الخميس، الثقة لحكومة رئيس الوزراء الجديد.",
                   "ووصل رئيس الوزراء إلى أنقرة، اليوم الثلاثاء، في أول زيارة خارجية له منذ تسلمه منصبه في مايو الماضي.")
    vote, office = claims_of(text, "فجر الخميس", "مايو الماضي")
    assert (vote.event, office.event) == ("agreement", "other")


def test_an_outlet_s_country_is_no_speaker_but_state_media_speak_for_their_state():
    # «بحسب وكالة الأنباء الفرنسية» is an agency (rule 26: media); «التلفزيون الرسمي العراقي» is state media (iraq); a
    # statement told through foreign media keeps its speaker as agent (rule 18)
    text = article("وقصفت طائرات أمريكية الأحد مواقع للتنظيم، بحسب وكالة الأنباء الفرنسية.",
                   "وتوفي الرئيس السابق في مستشفى ببرلين الثلاثاء، وفق ما أعلن التلفزيون الرسمي العراقي.",
                   "وقال رئيس الوزراء التركي إن بلاده أقامت قواعد جديدة، وفق ما ذكرت وسائل إعلام ألمانية، الخميس.")
    agency, state, conduit = claims_of(text, "الأحد", "الثلاثاء", "الخميس")
    assert (agency.actor, agency.claimant) == ("united_states", "media")
    assert state.claimant == "iraq"
    assert (conduit.actor, conduit.claimant) == ("turkey", "turkey")


def test_approving_is_a_decision():
    # «وافق» (approved) decides like «صوت» (agreement); only the verb: «الموافق» also glosses a Hijri date
    text = article("وكان مجلس الوزراء قد وافق الأحد على مشروع قانون الموازنة.")
    (claim,) = claims_of(text, "الأحد")
    assert claim.event == "agreement"


def test_the_subject_in_the_date_s_clause_acts_for_a_trigger_clauses_later():
    # «وصل رئيس الوزراء العراقي، اليوم الثلاثاء، إلى أنقرة على رأس وفد وزاري، في أول زيارة له»: the visit's agent is
    # the prime minister named before the date, two clauses before «زيارة» (rule 18)
    text = article("وصل رئيس الوزراء العراقي مصطفى الكاظمي، اليوم الثلاثاء، إلى أنقرة على رأس وفد وزاري، في أول زيارة "
                   + "خارجية له.")
    (claim,) = claims_of(text, "اليوم الثلاثاء")
    assert (claim.event, claim.actor) == ("talks", "iraqi_government")


def test_a_kind_between_forces_and_their_nisba_keeps_the_owner():
    # «صواريخ باليستية إيرانية», «قوات برية تركية»: the owner of the forces attacks (rule 18), the kind between
    # (scopes.csv strike_kind) as in «غارات جوية تركية»
    text = article("وتعرضت القاعدة في 8 يناير الماضي لهجوم بأكثر من عشرة صواريخ باليستية إيرانية، ردا على غارة أمريكية.",
                   "وأطلقت قوات برية تركية الأحد هجوما على مواقع المسلحين.")
    missiles, troops = claims_of(text, "8 يناير الماضي", "الأحد")
    assert (missiles.actor, troops.actor) == ("iran", "turkey")


def test_an_attribution_after_a_verb_s_subject_is_that_speaker_s_statement():
    # «وهنأ العبادي، في بيان صدر عن مكتبه مساء السبت، القوات»: where the verb's statement was made; the forces after
    # it are congratulated, not speaking (rules 10, 14), whoever acted in the paragraph before
    text = article("وكانت القوات العراقية قد استعادت مدينة الفلوجة في يونيو 2016، بعد عامين من سيطرة التنظيم عليها.",
                   "وهنأ رئيس الوزراء حيدر العبادي، في بيان صدر عن مكتبه مساء السبت، القوات بـ\"النصر\".")
    (claim,) = claims_of(text, "مساء السبت")
    assert (claim.event, claim.claimant) == ("agreement", "iraqi_government")


def test_a_square_named_liberation_is_a_place_not_a_liberation():
    # «ساحة التحرير» names a square; the «تحرير» in it frees nothing (events.csv: the longer phrase, other)
    text = article("متظاهرون في ساحة التحرير وسط العاصمة، الجمعة 7 أغسطس", "وقتل متظاهران في ساحة التحرير الأحد.")
    square, killed = claims_of(text, "الجمعة 7 أغسطس", "الأحد")
    assert (square.event, killed.event) == ("other", "attack")


def test_the_dateline_of_the_lead_is_found_past_the_page_furniture():
    # rule 21c: the lead is the first paragraph of running text; a timestamp or an outlet's line before it is page
    # furniture, and a dateline may stand on its own line («بغداد - العربية.نت») or open the lead with «--» (CNN)
    stamp = "نشر في: الخميس 14 رمضان 1441هـ - 07 مايو 2020م KSA 08:30 - GMT 05:30"
    own_line = article(stamp, "بغداد - العربية.نت",
                       "قتل ثلاثة جنود وأصيب اثنان آخران، مساء الأربعاء، في هجوم بعبوة ناسفة استهدف دوريتهم على طريق "
                       + "سريع، بحسب مصادر أمنية.")
    (attack,) = [c for c in claims_of(own_line, "مساء الأربعاء")]
    assert (attack.event, attack.place) == ("attack", "baghdad")
    cnn = article("نشر الأربعاء، 07 يونيو / حزيران 2017",
                  "بغداد، العراق (CNN) -- عقد وزراء الخارجية العرب، الثلاثاء، اجتماعا طارئا لبحث الأزمة الخليجية "
                  + "وتداعياتها على المنطقة.")
    stamp_row, meeting = claims_of(cnn, "الأربعاء، 07 يونيو / حزيران 2017", "الثلاثاء")
    assert (meeting.event, meeting.place) == ("talks", "baghdad")
    assert stamp_row.place == ""  # a timestamp is furniture, not the lead


def test_electing_someone_to_an_office_is_a_domestic_political_event_in_its_country():
    # «انتخب مجلس النواب العراقي، أمس السبت، فلانا رئيسا للبرلمان»: an election verb (scopes.csv election) makes the
    # vote an office event, placed in the institution's country (rule 21d)
    text = article("انتخب مجلس النواب العراقي، أمس السبت، النائب محمد الحلبوسي رئيسا للبرلمان.")
    (claim,) = claims_of(text, "أمس السبت")
    assert (claim.event, claim.place, claim.actor) == ("other", "iraq", "iraq")


def test_a_bare_handing_verb_is_a_handover_only_of_a_base_or_a_task():
    # «سلم» alone (events.csv, weak): «وسلم التحالف … عددا من القواعد» hands over bases (handover); a letter handed
    # over, or «السلم الأهلي» (civil peace), is none
    text = article("وسلم التحالف الدولي منذ مارس الماضي عددا من القواعد للقوات العراقية.",
                   "وسلم الوزير رسالة إلى نظيره الخميس.")
    bases, letter = claims_of(text, "مارس الماضي", "الخميس")
    assert (bases.event, bases.actor) == ("handover", "global_coalition")
    assert letter.event == "other"


def test_authorising_an_operation_is_a_decision():
    # «أجاز العملية الخميس»: the date is the authorisation's (agreement, like «قرر»), not the raid's
    text = article("وأوضح البيت الأبيض، في بيان منفصل، أن أوباما أجاز العملية الخميس بناء على توصية من فريق الأمن القومي.")
    (claim,) = claims_of(text, "الخميس")
    assert (claim.event, claim.actor, claim.claimant) == ("agreement", "united_states", "united_states")


def test_a_command_named_after_a_province_speaks_for_its_country_s_forces():
    # «مصدر في قيادة عمليات صلاح الدين»: the command of Iraq's forces in that province (rule 14)
    text = article("وقال مصدر في قيادة عمليات صلاح الدين إن القطعات العسكرية سيطرت صباح اليوم على مناطق قرب تكريت.")
    (claim,) = claims_of(text, "صباح اليوم")
    assert (claim.event, claim.claimant) == ("attack", "iraqi_security_forces")


def test_a_city_after_a_direction_after_a_place_only_locates_that_place():
    # «قضاء مخمور جنوب أربيل»: south of Erbil is outside Erbil; the strike is in Makhmur, Iraq (rules 21a, 22)
    text = article("وقصفت طائرات تركية الأحد قضاء مخمور جنوب أربيل.")
    (claim,) = claims_of(text, "الأحد")
    assert (claim.event, claim.place, claim.actor) == ("attack", "iraq", "turkey")


def test_a_parliament_s_decision_is_placed_in_its_country():
    # «صادق البرلمان التركي، أمس الأربعاء، على مشروع قانون …»: like a sitting, a parliament's vote is a domestic
    # political act, placed in the parliament's country when the sentence names no place (rule 21d)
    text = article("صادق البرلمان التركي، أمس الأربعاء، على مشروع قانون يسمح بنشر قوات في الخارج.")
    (claim,) = claims_of(text, "أمس الأربعاء")
    assert (claim.event, claim.place, claim.actor) == ("agreement", "turkey", "turkey")


def test_a_city_in_the_genitive_of_an_event_noun_is_where_the_event_happens():
    # «احتجاجات البصرة في يوليو»: the protests were in Basra (rule 21a), as «هجوم خان شيخون» is where the attack was;
    # not a building after a noun of speech («إعلان البيت الأبيض» names who announced)
    text = article("وتواجه الحكومة أزمة الكهرباء التي فجرت احتجاجات البصرة في يوليو الماضي.")
    (claim,) = claims_of(text, "يوليو الماضي")
    assert (claim.event, claim.place) == ("other", "iraq")


def test_north_of_a_city_or_the_city_with_the_rest_of_the_country_is_in_the_country():
    # «المعسكر الواقع شمال بغداد» lies outside Baghdad; «في بغداد ومحافظات الجنوب» is more than Baghdad: both are in
    # Iraq (rules 21a, 22); «في شمال بغداد» and «حي الدورة جنوبي بغداد» are in the city
    text = article("وسقطت صواريخ مساء الأربعاء على المعسكر الواقع شمال بغداد.",
                   "وتجددت الاحتجاجات في بغداد ومحافظات الجنوب الجمعة.",
                   "وقتل جنديان في هجوم في شمال بغداد الأحد.",
                   "واعتقلت القوات 13 مسلحا في حي الدورة جنوبي بغداد ليل الخميس.")
    places = [c.place for c in claims_of(text, "مساء الأربعاء", "الجمعة", "الأحد", "ليل الخميس")]
    assert places == ["iraq", "iraq", "baghdad", "baghdad"]


def test_forces_named_in_a_date_s_clause_with_no_event_word_are_its_agent():
    # a caption «دبابة تركية قرب الحدود مع سوريا، 24 آب 2016»: no event word, the forces' owner acts (rule 18)
    text = article("دبابة تركية قرب الحدود مع سوريا في بلدة قرقميش، 24 آب 2016.")
    (claim,) = claims_of(text, "24 آب 2016")
    assert (claim.event, claim.actor) == ("other", "turkey")


def test_a_clause_of_support_between_does_not_hide_the_subject():
    # «استعاد الجيش السوري، بدعم من الطيران الروسي، السيطرة على تدمر …»: the army acts, its support sets off a clause
    # (places.csv other: بدعم، مدعومة); two Turkish jets (a dual of a forces noun) shoot down a plane (rule 18)
    text = article("استعاد الجيش السوري، بدعم من الطيران الروسي، السيطرة على مدينة تدمر اليوم الأحد.",
                   "أسقطت مقاتلتان تركيتان، صباح الثلاثاء، طائرة حربية روسية.",
                   "وبدأت القوات العراقية، مدعومة بالطيران الأمريكي، هجومها على المدينة الخميس.")
    retaken, shot_down, offensive = claims_of(text, "اليوم الأحد", "صباح الثلاثاء", "الخميس")
    assert (retaken.actor, shot_down.actor, offensive.actor) == ("syria", "turkey", "iraqi_security_forces")


def test_an_outlet_told_is_no_speaker_when_a_name_given_in_full_before_speaks_to_it():
    text = article("أعلن المتحدث باسم الحكومة العراقية، سعد الكاتب، الأحد، أن المفاوضات مستمرة.",
                   "وقال الكاتب لـCNN إن الوفد سيصل قريبا. وتابع أن اللجنة ستقدم تقريرها خلال الشهر المقبل.",
                   "وقالت وكالة رويترز إن الاجتماع سيعقد الخميس.")
    told, outlet = claims_of(text, "الشهر المقبل", "الخميس")
    assert told.claimant == "iraqi_government"  # CLAIMS.md rule 13: a conduit hides no speaker
    assert outlet.claimant == "media"  # an agency in its own voice stays the media (rule 26)


def test_a_capital_that_opens_the_clause_as_subject_acts_for_its_government():
    text = article("وكانت أنقرة قد أرسلت مئات الجنود إلى شمال العراق في مايو الماضي.",
                   "وكانت بغداد قد رفعت أسعار الوقود في يناير الماضي.")
    sent, raised = claims_of(text, "مايو الماضي", "يناير الماضي")
    assert sent.actor == "turkey"  # CLAIMS.md rule 20: capital metonyms as agents
    assert raised.actor == "iraqi_government"


def test_a_sentence_opened_by_a_place_alone_sets_the_scene_of_its_main_clause():
    text = article("وفي بغداد، أعلن وزير الخارجية الأمريكي الخميس دعم بلاده للقوات العراقية في الموصل.",
                   "وفي أربيل، قال مسؤول كردي إن الطائرات قصفت مواقع في سوريا الجمعة.",
                   "وفي باريس، صادق البرلمان الفرنسي الاثنين على تمديد مهمة جنوده في العراق حتى نهاية العام.",
                   "وفي أنقرة، دعت منظمات حقوقية إلى التحقيق، بعد أن قال مسؤولون سوريون في مارس الماضي إن المعسكر في دمشق.")
    visit, content, vote, extended, other_verb = claims_of(text, "الخميس", "الجمعة", "الاثنين", "نهاية العام",
                                                           "مارس الماضي")
    assert visit.place == "baghdad"  # CLAIMS.md rule 27: where the statement was made, not what it was about
    assert content.place == "syria"  # a date of what was said keeps the place of what was said
    assert vote.place == ""  # a scene outside every core place is no place (rule 22)
    assert extended.place == "iraq"  # the extension's own clause, not the vote's scene
    assert other_verb.place != "turkey"  # another speech, after the main clause, is not set in its scene


def test_a_hold_on_territory_since_a_date_is_an_attack_only_when_isis_holds_it():
    text = article("وتخضع البلدة لسيطرة قوات البيشمركة منذ أغسطس 2014، بعد انسحاب الجيش منها.",
                   "ويسيطر تنظيم داعش على القرية منذ يونيو 2014.",
                   "وسيطرت قوات البيشمركة على التلة في مارس 2015 بعد معارك عنيفة.")
    kurds, isis, battle = claims_of(text, "أغسطس 2014", "يونيو 2014", "مارس 2015")
    assert (kurds.event, kurds.actor) == ("other", "kurdistan_region")  # CLAIMS.md rule 6: a hold that starts
    assert (isis.event, isis.actor) == ("attack", "isis")  # rule 9: ISIS's territorial seizure
    assert battle.event == "attack"  # taken in a battle on the day: no hold since a date


def test_an_order_in_a_timeline_entry_is_a_decision():
    text = article("مارس 2016: الرئيس الأمريكي يأمر بغارات جوية على مواقع التنظيم في سوريا.")
    ordered, = claims_of(text, "مارس 2016")
    assert ordered.event == "agreement"  # CLAIMS.md rule 2: an order, dated on the verb, is a decision


def test_a_courts_decision_is_a_ruling_but_a_statement_about_it_is_a_statement():
    text = article("وأصدرت محكمة في أربيل، الخميس، حكما بسجن المتهمين.",
                   "وأعلن الحزب، في بيان مساء الجمعة، التزامه بقرار المحكمة.")
    ruling, statement = claims_of(text, "الخميس", "مساء الجمعة")
    assert ruling.event == "other"  # CLAIMS.md rule 29: court rulings are other
    assert statement.event == "agreement"  # rule 1: the date times the statement


def test_who_sets_a_deadline_claims_it_and_who_is_given_it_acts_by_it():
    text = article("وأمهلت الحكومة العراقية قوات البيشمركة حتى الخميس لتسليم المعبر الحدودي.")
    deadline, = claims_of(text, "الخميس")
    assert deadline.event == "handover"  # what must be done by the date (CLAIMS.md rule 1: the content's event)
    assert deadline.claimant == "iraqi_government"  # an ultimatum is a speech act of whoever sets it
    assert deadline.actor == "kurdistan_region"  # rule 18: the side handing over


def test_a_phase_told_after_a_colon_ends_the_mission_named_before_it():
    text = article("وقال المتحدث إن مهمة القوات الأجنبية ستنتهي على مرحلتين: تنتهي الأولى في موعد أقصاه نهاية مارس 2027 "
                   "وتنتهي الثانية في نهاية يونيو 2028.",
                   "وقال الوزير إن الاتفاق واضح: تنتهي ولايته في مارس 2029.")
    first, second, term = claims_of(text, "نهاية مارس 2027", "نهاية يونيو 2028", "مارس 2029")
    assert first.event == "mission_end"  # CLAIMS.md rule 7: the end of a phase of the mission's ending
    assert second.event == "mission_end"
    assert term.event == "other"  # a term ends; the clause before the colon names no mission


def test_an_outlet_passing_on_an_anonymous_source_is_transparent():
    text = article("ونقلت وكالة رويترز عن مصادر مطلعة أن القوات ستغادر القاعدة بحلول نهاية الشهر المقبل.",
                   "وقالت وكالة رويترز إن الاجتماع سيعقد الخميس.")
    passed_on, own_voice = claims_of(text, "نهاية الشهر المقبل", "الخميس")
    assert passed_on.claimant == "unnamed"  # CLAIMS.md rules 13 and 17: the conduit hides no one
    assert own_voice.claimant == "media"


def test_the_outlets_gloss_after_a_quotation_is_its_own_voice():
    text = article("وقال وزير الدفاع الأمريكي إن القوات باقية \"ما دامت الحاجة قائمة\"، "
                   "في إشارة إلى اتفاق بغداد وواشنطن في مارس الماضي على جدول الانسحاب.")
    gloss, = claims_of(text, "مارس الماضي")
    assert gloss.claimant == "media"  # CLAIMS.md rule 28: background the outlet inserts


def test_a_date_set_off_after_the_speaker_with_a_time_of_day_times_the_speech():
    text = article("أعلنت اللجنة العليا للانتخابات في البلاد، مساء الأحد، أن نسبة المشاركة في الانتخابات بلغت 40 بالمئة.")
    announced, = claims_of(text, "الأحد")  # the milestone, as the extractor finds it, leaves out the time of day
    assert announced.event == "agreement"  # CLAIMS.md rule 1: the date times the announcement


def test_a_word_with_the_article_is_no_reporting_verb():
    text = article("وساد الهدوء الحذر العاصمة العراقية، الخميس، بعد ليلة من الاشتباكات.")
    calm, = claims_of(text, "الخميس")
    assert calm.claimant == "media"  # «الحذر» (caution) is a noun: no one warned (CLAIMS.md rule 10)
    assert calm.event != "agreement"


def test_a_relative_clause_with_no_subject_acts_for_the_name_it_follows():
    text = article("وأكد البيان دعم الحكومة في الحرب ضد تنظيم داعش الذي يسيطر على البلدة منذ مارس 2015.",
                   "وأعربت الدول عن معارضتها للاتفاق النووي الإيراني الذي تم التوصل إليه عام 2016.")
    held, deal = claims_of(text, "مارس 2015", "عام 2016")
    assert held.actor == "isis"  # CLAIMS.md rule 18: the agent of the dated event, the relative's antecedent
    assert deal.actor == ""  # a nisba of the thing agreed is no agent (rule 19: joint agents)


def test_a_statement_of_one_side_that_names_no_agent_is_that_sides_act():
    text = article("وهدد الوزير بتعليق التعاون، بحسب بيان للخارجية الأمريكية صدر مساء الأربعاء.",
                   "واتفق الجانبان، الخميس، على تشكيل لجنة مشتركة، بحسب بيان للخارجية التركية.")
    statement, agreed = claims_of(text, "مساء الأربعاء", "الخميس")
    assert (statement.event, statement.actor) == ("agreement", "united_states")  # CLAIMS.md rule 18
    assert agreed.actor == ""  # an agreement has two sides (rule 19), whoever reports it


def test_a_bare_parliament_is_the_one_named_before_with_its_country():
    text = article("وصوت مجلس النواب العراقي على قانون الموازنة بعد نقاش طويل.",
                   "وقرر البرلمان عقد جلسة جديدة الأحد المقبل.")
    sitting, = claims_of(text, "الأحد المقبل")
    assert sitting.place == "iraq"  # CLAIMS.md rule 21d: a parliament's sitting is in its country


def test_a_parliament_official_speaking_is_no_sitting_of_the_parliament():
    text = article("وصوت مجلس النواب العراقي على قانون الموازنة بعد نقاش طويل.",
                   "وقال مسؤول في البرلمان للصحفيين يوم الخميس إن الجدول لم يتغير.")
    said, = claims_of(text, "الخميس")
    assert said.place == ""  # CLAIMS.md rule 27: no place said, none in what was said
