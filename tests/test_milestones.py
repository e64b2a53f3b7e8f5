"""What an analyst expects from milestone extraction, one form per test (rules: data/eval/dev/README.md)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.milestones import (
    GRAMMAR,
    _grammar_matches,
    extract_milestones,
    milestone_summary,
    milestones_table,
)
from helpers.normalize import normalize


def only(text: str, published=None):
    found = extract_milestones(text, published)
    assert len(found) == 1, [(m.surface, m.form) for m in found]
    return found[0]


def span(m) -> tuple[str, str]:
    return m.start.date().isoformat(), m.end.date().isoformat()


# ---------------------------------------------------------------- month names and their variants

def test_gregorian_month_and_year_is_the_whole_month():
    m = only("وأوضح البيان أن المباحثات انطلقت في يناير 2024، وتناولت تقييم التهديد.")
    assert (m.surface, m.trigger, m.precision, m.kind) == ("يناير 2024", "في", "month", "date")
    assert span(m) == ("2024-01-01", "2024-01-31")


@pytest.mark.parametrize("name, month", [
    ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7),
    ("أغسطس", 8), ("اغسطس", 8), ("أكتوبر", 10), ("اكتوبر", 10), ("فبراير", 2), ("مارس", 3),
])
def test_egyptian_month_spelling_variants(name, month):
    m = only(f"عُقد الاجتماع في {name} 2023 بحضور الوزراء.")
    assert m.surface == f"{name} 2023"
    assert m.start == pd.Timestamp(2023, month, 1)


@pytest.mark.parametrize("name, month", [
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
    ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    ("كانون 2", 1), ("تشرين 1", 10),
])
def test_levantine_month_names(name, month):
    m = only(f"وتوقفت المحادثات مؤقتاً في {name} 2024 إثر الهجمات.")
    assert (m.surface, m.precision) == (f"{name} 2024", "month")
    assert m.start == pd.Timestamp(2024, month, 1)


def test_levantine_month_with_arabic_indic_digits():
    m = only("نفذت القوات منذ كانون الثاني ٢٠٢٥ أكثر من أربعين عملية.")
    assert (m.surface, m.trigger, m.kind) == ("كانون الثاني ٢٠٢٥", "منذ", "since")
    assert span(m) == ("2025-01-01", "2025-01-31")


@pytest.mark.parametrize("name, month", [
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
])
def test_maghrebi_month_names(name, month):
    m = only(f"وتنطلق الدورة الجديدة في {name} 2025 بالجزائر.")
    assert m.start == pd.Timestamp(2025, month, 1)


@pytest.mark.parametrize("name, month", [("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12)])
def test_moroccan_month_names(name, month):
    m = only(f"أعلنت الرباط أن الانتخابات ستجرى في {name} 2026.")
    assert m.start == pd.Timestamp(2026, month, 1)


@pytest.mark.parametrize("text, surface, start", [
    ("تنتهي المرحلة في سبتمبر/أيلول 2025 وفق البيان", "سبتمبر/أيلول 2025", "2025-09-01"),
    ("منذ الإعلان في أيلول/سبتمبر ٢٠٢٤ تغير الكثير", "أيلول/سبتمبر ٢٠٢٤", "2024-09-01"),
    ("وتمتد المرحلة الثانية حتى أيلول (سبتمبر) 2026.", "أيلول (سبتمبر) 2026", "2026-09-01"),
    ("في شباط / فبراير 2025 وصل الوفد", "شباط / فبراير 2025", "2025-02-01"),
])
def test_combined_month_forms_are_one_milestone(text, surface, start):
    m = only(text)
    assert (m.surface, m.precision) == (surface, "month")
    assert m.start == pd.Timestamp(start)


def test_month_with_tatweel_and_diacritics_keeps_its_written_surface():
    text = "بعد مغادرة آخر المستشارين في نهايةِ أيلـــول 2025."
    m = only(text)
    assert m.surface == "نهايةِ أيلـــول 2025"
    assert text[m.char_start:m.char_end] == m.surface
    assert span(m) == ("2025-09-30", "2025-09-30")


def test_month_followed_by_min_aam_year():
    m = only("وقعت الهجمات في أيلول من عام 2024 على القاعدة.")
    assert m.surface == "أيلول من عام 2024"
    assert m.start == pd.Timestamp(2024, 9, 1)


# ---------------------------------------------------------------- full dates

def test_full_date_is_that_day():
    m = only("أبرزها هجوم في 20 يناير 2024 أسفر عن إصابات.")
    assert (m.surface, m.precision) == ("20 يناير 2024", "day")
    assert span(m) == ("2024-01-20", "2024-01-20")


def test_full_date_with_weekday_before_it_includes_the_weekday():
    m = only("التقى الوزير نظيره يوم الثلاثاء 15 أبريل 2025 في بغداد.")
    assert (m.surface, m.trigger) == ("الثلاثاء 15 أبريل 2025", "يوم")
    assert span(m) == ("2025-04-15", "2025-04-15")


def test_full_date_with_weekday_and_arabic_comma():
    m = only("وصل الوفد الاثنين، ١٤ آذار ٢٠٢٢ إلى أربيل")
    assert m.surface == "الاثنين، ١٤ آذار ٢٠٢٢"
    assert m.start == pd.Timestamp(2022, 3, 14)


def test_ordinal_day_before_month():
    m = only("وتبدأ المرحلة في الأول من أكتوبر 2025.")
    assert m.surface == "الأول من أكتوبر 2025"
    assert m.start == pd.Timestamp(2025, 10, 1)


def test_day_and_month_without_year_take_the_year_nearest_to_publication():
    m = only("وقع الهجوم في 20 ديسمبر على القاعدة.", published="2025-01-05")
    assert span(m) == ("2024-12-20", "2024-12-20")
    assert only("وقع الهجوم في 20 ديسمبر على القاعدة.").resolved is False


@pytest.mark.parametrize("written", ["18/9/2024", "18-09-2024", "18.9.2024", "١٨/٩/٢٠٢٤"])
def test_numeric_date_reads_day_month_year(written):
    m = only(f"عقد المجلس اجتماعاً بتاريخ {written} في بغداد")
    assert (m.surface, m.precision, m.trigger) == (written, "day", "بتاريخ")
    assert span(m) == ("2024-09-18", "2024-09-18")


def test_iso_numeric_date():
    assert span(only("صدر القرار في 2024-09-18 رسمياً")) == ("2024-09-18", "2024-09-18")


# ---------------------------------------------------------------- ranges

def test_day_range_with_yawmay():
    m = only("جاء ذلك خلال زيارة السوداني إلى واشنطن يومي 15 و16 أبريل 2024 والبيان المشترك")
    assert (m.surface, m.trigger, m.kind, m.precision) == ("15 و16 أبريل 2024", "يومي", "range", "day")
    assert span(m) == ("2024-04-15", "2024-04-16")


def test_day_range_between_with_arabic_indic_digits():
    m = only("عُقدت الجولة بين ١١ و١٣ شباط ٢٠٢٥ في بغداد")
    assert (m.surface, m.trigger) == ("١١ و١٣ شباط ٢٠٢٥", "بين")
    assert span(m) == ("2025-02-11", "2025-02-13")


def test_day_range_from_to():
    m = only("وتستمر المناورات من 22 إلى 24 يوليو 2025 قرب الحدود.")
    assert (m.surface, m.trigger) == ("22 إلى 24 يوليو 2025", "من")
    assert span(m) == ("2025-07-22", "2025-07-24")


def test_day_range_with_dash_takes_its_year_from_publication():
    m = only("يُعقد المؤتمر 15-16 أبريل في بغداد", published="2024-04-01")
    assert (m.surface, m.kind) == ("15-16 أبريل", "range")
    assert span(m) == ("2024-04-15", "2024-04-16")


def test_day_range_across_two_months():
    m = only("تمتد الجولة من 28 فبراير إلى 2 مارس 2025.")
    assert m.surface == "28 فبراير إلى 2 مارس 2025"
    assert span(m) == ("2025-02-28", "2025-03-02")


def test_month_range_runs_from_first_month_to_the_year():
    m = only("جرت عملية التسليم على دفعات بين مارس ومايو 2025، وشملت المدارج.")
    assert (m.surface, m.precision, m.kind) == ("مارس ومايو 2025", "month", "range")
    assert span(m) == ("2025-03-01", "2025-05-31")


def test_month_range_over_a_year_end():
    m = only("بين كانون الأول 2024 وشباط 2025 تراجعت الهجمات")
    assert span(m) == ("2024-12-01", "2025-02-28")


def test_two_months_joined_by_wa_without_bayna_are_two_dates():
    found = extract_milestones("زار الوفد بغداد في مارس ويونيو 2025.")
    assert [span(m) for m in found] == [("2025-03-01", "2025-03-31"), ("2025-06-01", "2025-06-30")]
    assert [m.surface for m in found] == ["مارس", "يونيو 2025"]


def test_year_range_with_aamay():
    m = only("بين عامي 2014 و2017 سيطر التنظيم على مساحات واسعة")
    assert (m.surface, m.precision) == ("عامي 2014 و2017", "year")
    assert span(m) == ("2014-01-01", "2017-12-31")


# ---------------------------------------------------------------- years and counts

@pytest.mark.parametrize("text, surface", [
    ("وكان التحالف قد تشكّل عام 2014 بعد سيطرة داعش", "عام 2014"),
    ("الاتفاقية الموقعة في العام 2008 تشمل الأمن", "العام 2008"),
    ("استضافت القاعدة قوات أمريكية منذ 2014، وتعرضت لهجمات", "2014"),
    ("ستكتمل المهمة بحلول 2026.", "2026"),
])
def test_bare_year_is_the_whole_year(text, surface):
    m = only(text)
    assert (m.surface, m.precision) == (surface, "year")
    assert m.end.month == 12 and m.end.day == 31


@pytest.mark.parametrize("text", [
    "نشرت الولايات المتحدة نحو 2500 عسكري في العراق",
    "يبقى 1200 جندي في أربيل",
    "تضم القاعدة أكثر من 2000 جندي",
    "بنيت المدينة قبل 2000 عام",
    "في 2500 موقع",
])
def test_count_that_looks_like_a_year_is_not_a_date(text):
    assert extract_milestones(text) == []


# ---------------------------------------------------------------- parts of a period

def test_deadline_end_of_month_is_its_last_day():
    m = only("تنتهي المرحلة الأولى في موعد أقصاه نهاية سبتمبر/أيلول 2025، ويغادر المستشارون.")
    assert (m.surface, m.trigger, m.kind, m.precision) == (
        "نهاية سبتمبر/أيلول 2025", "في موعد أقصاه", "deadline", "day")
    assert span(m) == ("2025-09-30", "2025-09-30")


@pytest.mark.parametrize("text, surface", [
    ("أن تُحسم ملامحها قبل نهاية عام 2024", "نهاية عام 2024"),
    ("تكتمل المرحلة بنهاية 2024", "نهاية 2024"),
])
def test_end_of_year_is_december_31(text, surface):
    m = only(text)
    assert (m.surface, m.precision) == (surface, "day")
    assert span(m) == ("2024-12-31", "2024-12-31")


@pytest.mark.parametrize("part", ["مطلع", "بداية", "مستهل"])
def test_start_of_month_is_its_first_day(part):
    m = only(f"سيُنقل ما تبقى من المعدات إلى أربيل {part} يوليه 2025، حيث تواصل قوة محدودة عملها")
    assert (m.surface, m.precision) == (f"{part} يوليه 2025", "day")
    assert span(m) == ("2025-07-01", "2025-07-01")


@pytest.mark.parametrize("part, first, last", [
    ("أواخر", "2025-03-21", "2025-03-31"),
    ("أوائل", "2025-03-01", "2025-03-10"),
    ("منتصف", "2025-03-15", "2025-03-15"),
])
def test_other_parts_of_a_month(part, first, last):
    assert span(only(f"تنطلق الجولة المقبلة في {part} آذار 2025")) == (first, last)


def test_end_of_the_current_year_needs_the_publication_date():
    m = only("ستكتمل المهمة بحلول نهاية العام الجاري", published="2025-03-01")
    assert (m.surface, m.kind) == ("نهاية العام الجاري", "deadline")
    assert span(m) == ("2025-12-31", "2025-12-31")
    assert only("ستكتمل المهمة بحلول نهاية العام الجاري").resolved is False


# ---------------------------------------------------------------- bounds and triggers

@pytest.mark.parametrize("text, trigger, kind", [
    ("تستمر المهمة حتى سبتمبر 2026 في سوريا", "حتى", "until"),
    ("وحتى أيلول 2026 تبقى القوات", "حتى", "until"),
    ("تتواجد القوات منذ عام 2014", "منذ", "since"),
    ("يجب الانتهاء بحلول مارس 2025", "بحلول", "deadline"),
    ("يغادر المستشارون قبل نهاية أيلول ٢٠٢٥", "قبل", "before"),
    ("تبدأ المفاوضات بعد يناير 2025", "بعد", "after"),
    ("وفي يناير 2024 انطلقت المباحثات", "في", "date"),
    ("اعتباراً من مارس 2025 تتولى القوات العراقية المسؤولية", "اعتباراً من", "since"),
])
def test_bounds_are_recorded_in_kind_and_trigger_not_in_surface(text, trigger, kind):
    m = only(text)
    assert (m.trigger, m.kind) == (trigger, kind)
    assert not m.surface.startswith(trigger)


def test_until_a_month_is_still_the_whole_month():
    assert span(only("حتى سبتمبر 2026")) == ("2026-09-01", "2026-09-30")


# ---------------------------------------------------------------- Hijri

def test_hijri_date_with_marker_converts_with_umm_al_qura():
    m = only("عقد المجلس اجتماعاً بتاريخ 18/9/2024 الموافق 15 ربيع الأول 1446 هـ لمناقشة المسودة"[29:])
    assert (m.surface, m.kind, m.precision) == ("15 ربيع الأول 1446 هـ", "hijri", "day")
    assert span(m) == ("2024-09-18", "2024-09-18")


@pytest.mark.parametrize("text, day", [
    ("بدأ الصيام في 1 رمضان 1445 هجري", "2024-03-11"),
    ("صدر المرسوم في ١ محرم ١٤٤٦ للهجرة", "2024-07-07"),
    ("وُقّع الاتفاق في 10 ذي الحجة 1445هـ", "2024-06-16"),
])
def test_hijri_date_variants(text, day):
    assert span(only(text)) == (day, day)


def test_hijri_month_and_year_is_the_whole_hijri_month():
    m = only("خلال شهر رمضان 1445 هـ تراجعت الهجمات")
    assert (m.precision, m.kind) == ("month", "hijri")
    assert span(m) == ("2024-03-11", "2024-04-09")


# ---------------------------------------------------------------- relative expressions

def test_weekday_alone_is_the_last_such_day_before_publication():
    m = only("أعلنت الحكومة العراقية والولايات المتحدة الجمعة التوصل إلى تفاهم", published="2024-09-28")
    assert (m.surface, m.kind, m.precision) == ("الجمعة", "relative", "day")
    assert span(m) == ("2024-09-27", "2024-09-27")


def test_weekday_on_the_publication_day_itself_means_a_week_before():
    assert span(only("أعلن الوزير الجمعة", published="2024-09-27")) == ("2024-09-20", "2024-09-20")


def test_next_weekday_is_after_publication():
    m = only("تعقد اللجنة اجتماعها الأحد المقبل", published="2024-09-27")  # a Friday
    assert (m.surface, span(m)) == ("الأحد المقبل", ("2024-09-29", "2024-09-29"))


@pytest.mark.parametrize("text, surface, day", [
    ("وفي لقاء منفصل أمس، ناقش السوداني", "أمس", "2024-04-16"),
    ("التقى الوزير يوم أمس نظيره", "أمس", "2024-04-16"),
    ("اختتمت الهيئة اليوم جولة مباحثات", "اليوم", "2024-04-17"),
    ("يصل الوفد غداً إلى بغداد", "غداً", "2024-04-18"),
    ("وصل الوفد أول أمس", "أول أمس", "2024-04-15"),
])
def test_yesterday_today_tomorrow(text, surface, day):
    m = only(text, published="2024-04-17")
    assert (m.surface, span(m)) == (surface, (day, day))


def test_today_as_a_noun_is_not_a_date():
    assert extract_milestones("في اليوم الأول من المؤتمر تحدث الوزير", published="2024-04-17") == []


def test_today_next_to_a_weekday_is_the_publication_day():
    m = only("تبدأ القمة اليوم الخميس في بغداد", published="2024-04-18")
    assert span(m) == ("2024-04-18", "2024-04-18")


@pytest.mark.parametrize("phrase, first, last, precision", [
    ("العام المقبل", "2025-01-01", "2025-12-31", "year"),
    ("العام القادم", "2025-01-01", "2025-12-31", "year"),
    ("السنة المقبلة", "2025-01-01", "2025-12-31", "year"),
    ("العام الماضي", "2023-01-01", "2023-12-31", "year"),
    ("العام الجاري", "2024-01-01", "2024-12-31", "year"),
    ("هذا العام", "2024-01-01", "2024-12-31", "year"),
    ("الشهر المقبل", "2024-10-01", "2024-10-31", "month"),
    ("الشهر الماضي", "2024-08-01", "2024-08-31", "month"),
    ("الأسبوع المقبل", "2024-09-30", "2024-10-06", "day"),
])
def test_next_and_last_calendar_periods(phrase, first, last, precision):
    m = only(f"ستبدأ المفاوضات {phrase} وفق مسؤول", published="2024-09-28")
    assert (m.surface, m.precision, m.kind) == (phrase, precision, "relative")
    assert span(m) == (first, last)


@pytest.mark.parametrize("phrase", [
    "الاثني عشر شهراً القادمة",
    "الاثني عشر شهرا القادمة",
    "الاثنا عشر شهراً المقبلة",
    "اثني عشر شهراً القادمة",
    "الاثنتي عشرة شهراً المقبلة",
    "الـ12 شهراً المقبلة",
    "12 شهرا القادمة",
    "١٢ شهراً المقبلة",
    "الأشهر الاثني عشر المقبلة",
])
def test_twelve_months_ahead_in_every_case_form(phrase):
    m = only(f"إنهاء المهمة العسكرية للتحالف في العراق خلال {phrase}، وفق البيان", published="2025-10-02")
    assert (m.surface, m.trigger, m.precision) == (phrase, "خلال", "day")
    assert span(m) == ("2025-10-02", "2026-10-02")


@pytest.mark.parametrize("phrase, first, last", [
    ("الأشهر الستة المقبلة", "2024-09-28", "2025-03-28"),
    ("الستة أشهر القادمة", "2024-09-28", "2025-03-28"),
    ("الثلاثة أشهر المقبلة", "2024-09-28", "2024-12-28"),
    ("السنوات الثلاث المقبلة", "2024-09-28", "2027-09-28"),
    ("العامين المقبلين", "2024-09-28", "2026-09-28"),
    ("الأشهر الستة الماضية", "2024-03-28", "2024-09-28"),
])
def test_n_units_ahead_or_back_from_publication(phrase, first, last):
    assert span(only(f"خلال {phrase} تراجعت الهجمات", published="2024-09-28")) == (first, last)


def test_relative_unresolved_without_published_date():
    found = extract_milestones("وكان الحلف قد أعلن أمس أن بعثته ستواصل عملها حتى العام المقبل")
    assert [m.surface for m in found] == ["أمس", "العام المقبل"]
    assert all(not m.resolved and pd.isna(m.start) and pd.isna(m.end) for m in found)


def test_weekday_after_a_future_verb_is_the_next_such_day():
    m = only("ستعقد اللجنة اجتماعها الأحد في بغداد", published="2024-09-27")  # a Friday
    assert span(m) == ("2024-09-29", "2024-09-29")
    assert span(only("بسط الجيش سيطرته الأحد على المدينة", published="2024-09-27")) == ("2024-09-22", "2024-09-22")


def test_yesterday_with_its_weekday_is_one_milestone():
    m = only("وأعلنت الوزارة أمس الأحد انتهاء العملية", published="2024-09-30")
    assert (m.surface, span(m)) == ("أمس الأحد", ("2024-09-29", "2024-09-29"))


@pytest.mark.parametrize("text, day", [
    ("وصل الوفد في العاشر من الشهر الجاري", "2024-09-10"),
    ("وقع الهجوم في 15 من الشهر الماضي", "2024-08-15"),
])
def test_day_of_the_current_or_last_month(text, day):
    assert span(only(text, published="2024-09-30")) == (day, day)


@pytest.mark.parametrize("text, first, last", [
    ("خلال الربع الأول من عام 2025", "2025-01-01", "2025-03-31"),
    ("في النصف الثاني من 2024", "2024-07-01", "2024-12-31"),
])
def test_quarter_and_half_of_a_year(text, first, last):
    m = only(text)
    assert (span(m), m.precision) == ((first, last), "month")


def test_eleven_months_is_not_sunday():
    m = only("خلال الأحد عشر شهراً المقبلة", published="2024-09-30")
    assert span(m) == ("2024-09-30", "2025-08-30")


def test_ordinal_teen_day():
    assert span(only("في الخامس عشر من سبتمبر 2025")) == ("2025-09-15", "2025-09-15")


def test_day_and_month_after_since_are_before_publication():
    m = only("تصاعد التوتر منذ السابع من أكتوبر", published="2024-06-15")
    assert (m.kind, span(m)) == ("since", ("2023-10-07", "2023-10-07"))


def test_day_of_a_month_with_jari_is_this_year():
    m = only("أعلنت الحكومة في الثالث من آذار الجاري خطة جديدة", published="2025-03-12")
    assert (m.surface, span(m)) == ("الثالث من آذار الجاري", ("2025-03-03", "2025-03-03"))


def test_season_of_a_year_is_its_months():
    assert span(only("قبل حلول صيف 2025")) == ("2025-06-01", "2025-08-31")


def test_unreadable_publication_date_leaves_relatives_unresolved():
    assert only("وصل الوفد أمس", published="غير معروف").resolved is False


def test_month_with_next_takes_the_next_such_month():
    m = only("تنتهي المهمة في سبتمبر المقبل", published="2025-10-02")
    assert span(m) == ("2026-09-01", "2026-09-30")


def test_lone_month_name_needs_a_preposition_before_it():
    assert extract_milestones("قال تموز إن القرار نهائي", published="2025-10-02") == []
    m = only("تنتهي المهمة في سبتمبر", published="2025-10-02")
    assert span(m) == ("2025-09-01", "2025-09-30")


# ---------------------------------------------------------------- what is not a milestone

@pytest.mark.parametrize("text", [
    "بعد عقد من العمليات المشتركة ضد تنظيم داعش",
    "التحالف ضدّ داعش الذي دام عقداً من الزمن",
    "قاتلت القوات منذ عشر سنوات",
    "قد يصدر الإعلان الرسمي خلال أيام",
    "تأتي الزيارة بعد أشهر من التوتر",
    "ستتضح الصورة خلال الأيام المقبلة",
    "تعقد الهيئة اجتماعها المقبل في بغداد",
    "أكد الجانبان التزامهما بالاتفاق",
])
def test_unanchored_durations_are_not_milestones(text):
    assert extract_milestones(text, published="2024-09-28") == []


@pytest.mark.parametrize("text", [
    "في 31 فبراير 2025", "بتاريخ 32/13/2024", "في 15 مارس 0000", "عام 0000", "في 0 يناير 2024",
    "في 30/2/2024", "", "   ", "\n\n",
])
def test_absurd_dates_and_empty_text_give_nothing(text):
    assert extract_milestones(text) == []


# ---------------------------------------------------------------- the seed article, by hand

def test_seed_article_milestones():
    from helpers.paths import SEEDS

    text = (SEEDS / "000_4ae327929c11d180.txt").read_text(encoding="utf-8")
    found = extract_milestones(text, published="2024-09-28")
    assert [m.surface for m in found] == [
        "الجمعة", "الاثني عشر شهراً القادمة", "نهاية سبتمبر 2025", "الاثني عشر شهراً القادمة",
        "نهاية سبتمبر 2025", "أيلول 2026", "15 و16 أبريل 2024", "22 و23 يوليو 2024",
    ]
    assert all(text[m.char_start:m.char_end] == m.surface for m in found)


# ---------------------------------------------------------------- corpus level

def _corpus(texts: dict[str, str], published: dict[str, str | None]) -> SimpleNamespace:
    articles, paragraphs = [], []
    for article_id, text in texts.items():
        articles.append({"article_id": article_id, "text": text, "published": pd.to_datetime(published[article_id])})
        offset = 0
        for i, para in enumerate(text.split("\n\n")):
            paragraphs.append({"article_id": article_id, "paragraph": i, "text": para,
                               "char_start": offset, "char_end": offset + len(para)})
            offset += len(para) + 2
    return SimpleNamespace(articles=pd.DataFrame(articles), paragraphs=pd.DataFrame(paragraphs))


CORPUS = _corpus(
    {
        "a1": "التحالف ينهي مهمته\n\nتنتهي مهمة التحالف في العراق في موعد أقصاه نهاية سبتمبر 2025، "
              "وتستمر المهمة في سوريا حتى أيلول 2026.\n\nوأعلن البلدان الجمعة الاتفاق.",
        "a2": "عنوان\n\nيغادر المستشارون قبل نهاية أيلول ٢٠٢٥. وقال مسؤول أمس إن الجدول ثابت.",
    },
    {"a1": "2024-09-28", "a2": None},
)


def test_table_gives_paragraph_offsets_sentence_and_trigger():
    table = milestones_table(CORPUS)
    assert list(table.columns[:13]) == ["article_id", "surface", "start", "end", "precision", "kind", "trigger",
                                        "form", "paragraph", "char_start", "char_end", "sentence", "subject"]
    first = table.iloc[0]
    text = CORPUS.articles.text[0]
    assert (first.surface, first.paragraph, first.trigger, first.kind) == (
        "نهاية سبتمبر 2025", 1, "في موعد أقصاه", "deadline")
    assert text[first.char_start:first.char_end] == first.surface
    assert first.sentence.startswith("تنتهي مهمة التحالف") and first.sentence.endswith("2026.")
    assert isinstance(first.start, pd.Timestamp)


def test_subject_comes_from_an_earlier_clause_of_the_sentence_when_its_own_names_none():
    corpus = _corpus({"b": "عنوان\n\nتنتهي مهمة التحالف في العراق خلال عام، وفي موعد أقصاه نهاية سبتمبر 2025. "
                           "وتبقى القوات في سوريا."}, {"b": "2024-09-28"})
    table = milestones_table(corpus).set_index("surface")
    assert table.loc["نهاية سبتمبر 2025", "subject"] == "العراق"


def test_subject_is_the_nearest_place_in_the_same_clause():
    table = milestones_table(CORPUS).set_index("surface")
    assert table.loc["نهاية سبتمبر 2025", "subject"] == "العراق"
    assert table.loc["أيلول 2026", "subject"] == "سوريا"
    assert table.loc["الجمعة", "subject"] == ""


def test_relative_rows_of_an_article_without_publication_date_are_kept_unresolved():
    table = milestones_table(CORPUS)
    yesterday = table[(table.article_id == "a2") & (table.surface == "أمس")].iloc[0]
    assert not yesterday.resolved and pd.isna(yesterday.start)


def test_summary_counts_mentions_articles_and_sources():
    summary = milestone_summary(milestones_table(CORPUS)).set_index("label")
    end_of_september = summary.loc["2025-09-30"]
    assert (end_of_september.mentions, end_of_september.articles) == (2, 2)
    assert end_of_september.sources == "a1:1, a2:1"
    assert set(end_of_september.kinds.split(", ")) == {"deadline", "before"}
    assert "2026-09" in summary.index
    assert summary["mentions"].sum() == 4  # أمس of a2 is unresolved: not in the summary


def test_empty_corpus_gives_an_empty_table_with_the_columns():
    table = milestones_table(_corpus({"x": "لا تواريخ هنا"}, {"x": None}))
    assert table.empty and "subject" in table.columns
    assert milestone_summary(table).empty


# ---------------------------------------------------------------- engine properties

SNIPPETS = [
    "في", "منذ", "حتى", "وفي", "بين", "من", "إلى", "و", "يومي", "نهاية", "مطلع", "عام", "العام", "المقبل",
    "سبتمبر", "أيلول", "كانون الثاني", "ربيع الأول", "هـ", "الجمعة", "أمس", "اليوم", "الاثني عشر", "شهراً",
    "القادمة", "2025", "١٤٤٦", "15", "و16", "18/9/2024", "2500", "جندي", "التحالف", "العراق", "،", ".", "(", ")",
    "/", "-", "ـ", "\u064e", "\n", "في موعد أقصاه", "اعتباراً من", "يوم", "بحلول", "ب", "إلى غاية", "الأشهر", "الستة",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SNIPPETS), max_size=14), st.sampled_from([None, "2024-09-28"]))
def test_any_text_gives_well_formed_milestones_and_the_fast_scan_misses_nothing(words, published):
    text = " ".join(words)
    norm = normalize(text)
    assert [m.span() for m in _grammar_matches(norm)] == [m.span() for m in GRAMMAR.finditer(norm)]
    for m in extract_milestones(text, published):
        assert text[m.char_start:m.char_end] == m.surface
        assert m.precision in {"day", "month", "year"}
        assert m.resolved == (not pd.isna(m.start))
        assert not m.resolved or m.start <= m.end
