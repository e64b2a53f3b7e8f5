"""What an analyst expects from milestone extraction, one form per test (rules: data/eval/dev/README.md)."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import milestones
from helpers.milestones import FILLER, GRAMMAR, extract_milestones, milestone_summary, milestones_table
from helpers.milestones import extract as milestones_extract
from helpers.milestones import scan as milestones_scan
from helpers.milestones.scan import FIRST_WORDS, LEADER, grammar_matches, head_starts
from helpers.milestones.vocabulary import alternation, read_table
from helpers.normalize import _FULL_MAP, normalize, normalize_running_text


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


def test_numeric_date_with_gregorian_marker():
    m = only("صدر البيان في 15/9/2024م عن مكتب رئيس الوزراء")
    assert (m.surface, m.precision, m.kind) == ("15/9/2024م", "day", "date")
    assert span(m) == ("2024-09-15", "2024-09-15")


def test_full_date_with_the_article_attached_to_the_day():
    m = only("وصل الوفد في الـ15 من أيلول 2024 إلى بغداد")
    assert (m.surface, *span(m)) == ("الـ15 من أيلول 2024", "2024-09-15", "2024-09-15")
    m = only("تنتهي المهلة في الـ15 من الشهر الجاري", published="2024-09-28")
    assert (m.surface, *span(m)) == ("الـ15 من الشهر الجاري", "2024-09-15", "2024-09-15")


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


def test_yearless_29_february_takes_a_leap_year():
    m = only("عقد الاجتماع في 29 فبراير في بغداد", published="2024-09-28")
    assert span(m) == ("2024-02-29", "2024-02-29")
    m = only("تمتد الجولة اعتباراً من 28 - 29 فبراير", published="2024-09-28")
    assert span(m) == ("2024-02-28", "2024-02-29")


def test_yearless_date_after_since_is_the_last_before_publication_but_after_starting_from_the_nearest():
    since = only("تتواصل الاحتجاجات منذ الأول من أكتوبر", published="2024-09-28")
    starting = only("يسري القرار اعتباراً من الأول من أكتوبر", published="2024-09-28")
    assert (since.kind, *span(since)) == ("since", "2023-10-01", "2023-10-01")
    assert (starting.kind, *span(starting)) == ("since", "2024-10-01", "2024-10-01")


def test_day_range_with_dash_takes_its_year_from_publication():
    m = only("يُعقد المؤتمر 15-16 أبريل في بغداد", published="2024-04-01")
    assert (m.surface, m.kind) == ("15-16 أبريل", "range")
    assert span(m) == ("2024-04-15", "2024-04-16")


def test_day_range_across_two_months():
    m = only("تمتد الجولة من 28 فبراير إلى 2 مارس 2025.")
    assert m.surface == "28 فبراير إلى 2 مارس 2025"
    assert span(m) == ("2025-02-28", "2025-03-02")


def test_two_days_with_an_ordinal_second_day_are_two_dates_with_their_own_words():
    found = extract_milestones("زار الوفد بغداد في 3 والعاشر من ديسمبر 2025 مرتين")
    assert [(m.surface, *span(m)) for m in found] == [
        ("3", "2025-12-03", "2025-12-03"), ("العاشر من ديسمبر 2025", "2025-12-10", "2025-12-10")]
    assert all(m.surface == "زار الوفد بغداد في 3 والعاشر من ديسمبر 2025 مرتين"[m.char_start:m.char_end] for m in found)


def test_day_range_of_two_ordinal_days_where_only_the_second_has_min():
    m = only("عُقدت الجولة يومي الخامس عشر والسادس عشر من أبريل 2024 في واشنطن")
    assert (m.surface, m.trigger, m.kind) == ("الخامس عشر والسادس عشر من أبريل 2024", "يومي", "range")
    assert span(m) == ("2024-04-15", "2024-04-16")


def test_compound_ordinal_day_with_wa_is_one_day_not_a_pair():
    m = only("انتهت المهلة في التاسع والعشرين من سبتمبر 2024 دون اتفاق")
    assert (m.surface, *span(m)) == ("التاسع والعشرين من سبتمبر 2024", "2024-09-29", "2024-09-29")
    m = only("يومي الثامن والعشرين والتاسع والعشرين من سبتمبر 2024")
    assert (m.surface, *span(m)) == ("الثامن والعشرين والتاسع والعشرين من سبتمبر 2024", "2024-09-28", "2024-09-29")


def test_list_of_consecutive_days_is_one_range():
    m = only("تُعقد الجلسات في 15 و16 و17 أبريل 2024 في بغداد")
    assert (m.surface, m.kind, *span(m)) == ("15 و16 و17 أبريل 2024", "range", "2024-04-15", "2024-04-17")


def test_list_of_days_apart_is_one_date_each():
    text = "زار الوفد بغداد في 3 و10 و17 أبريل 2024"
    found = extract_milestones(text)
    assert [(m.surface, *span(m)) for m in found] == [
        ("3", "2024-04-03", "2024-04-03"), ("10", "2024-04-10", "2024-04-10"),
        ("17 أبريل 2024", "2024-04-17", "2024-04-17")]
    assert all(text[m.char_start:m.char_end] == m.surface for m in found)


def test_day_range_across_months_with_ordinal_days():
    m = only("تمتد المهلة بين الأول من مايو والعاشر من ديسمبر 2025 وفق الاتفاق")
    assert (m.surface, m.trigger, m.kind) == ("الأول من مايو والعاشر من ديسمبر 2025", "بين", "range")
    assert span(m) == ("2025-05-01", "2025-12-10")
    first, second = extract_milestones("عقدت جولتان في الأول من مايو والعاشر من ديسمبر 2025")
    assert (first.surface, *span(first)) == ("الأول من مايو", "2025-05-01", "2025-05-01")
    assert (second.surface, *span(second)) == ("العاشر من ديسمبر 2025", "2025-12-10", "2025-12-10")


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


@pytest.mark.parametrize("text, surface, expected", [
    ("وكانت الانتخابات مقررة في حزيران قبل أن تؤجل إلى أكتوبر بطلب من المفوضية.", "أكتوبر",
     ("2021-10-01", "2021-10-31")),
    ("ثم أرجئ الاجتماع إلى تشرين الثاني 2020.", "تشرين الثاني 2020", ("2020-11-01", "2020-11-30")),
])
def test_a_month_a_date_is_put_off_to_is_a_milestone(text, surface, expected):
    # triggers.csv: «إلى» before a bare month («أجلت إلى أكتوبر») is a leading preposition like «حتى»;
    # a range «من مارس إلى أكتوبر» stays one row (the next test)
    found = [m for m in extract_milestones(text, "2021-11-15") if m.surface == surface]
    assert [span(m) for m in found] == [expected]


def test_a_range_of_months_written_with_ila_stays_one_row():
    m = only("واستمرت المعارك من مارس إلى أكتوبر 2019 في المدينة.")
    assert (m.surface, span(m)) == ("مارس إلى أكتوبر 2019", ("2019-03-01", "2019-10-31"))


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


# A year with a Hijri marker (هـ، ه، هجري، هجرية، للهجرة) is a Hijri year, whatever its number and whether
# عام or سنة comes before it: converted where hijridate can, else kept unresolved with a warning.
@pytest.mark.parametrize("text, first, last", [
    ("أسست الجمعية في عام 1400 هـ في الرياض", "1979-11-20", "1980-11-08"),
    ("صدر النظام سنة 1400 هـ بعد نقاش طويل", "1979-11-20", "1980-11-08"),
    ("تنتهي الخطة في عام 1500 هجرية كما أعلن", "2076-11-27", "2077-11-16"),
    ("بدأ المشروع للعام 1445 للهجرة", "2023-07-19", "2024-07-06"),
])
def test_a_year_with_a_hijri_marker_is_a_hijri_year(text, first, last):
    m = only(text)
    assert (m.precision, m.kind, m.form) == ("year", "hijri", "hijri_year")
    assert span(m) == (first, last)


def test_a_hijri_year_beyond_the_calendar_is_kept_unresolved_with_a_warning():
    # 1342 هـ is before hijridate's range (1343-1500): not dropped, never read as the Gregorian year 1342
    with pytest.warns(milestones.MilestoneWarning, match="1342"):
        (m,) = extract_milestones("بني المسجد في عام 1342 هـ على يد الأهالي")
    assert (m.surface, m.resolved, m.precision, m.kind) == ("عام 1342 هـ", False, "year", "hijri")
    assert pd.isna(m.start) and pd.isna(m.end)


def test_hijri_month_and_year_is_the_whole_hijri_month():
    m = only("خلال شهر رمضان 1445 هـ تراجعت الهجمات")
    assert (m.precision, m.kind) == ("month", "hijri")
    assert span(m) == ("2024-03-11", "2024-04-09")


# ---------------------------------------------------------------- relative expressions

def test_weekday_alone_is_the_last_such_day_before_publication():
    m = only("أعلنت الحكومة العراقية والولايات المتحدة الجمعة التوصل إلى تفاهم", published="2024-09-28")
    assert (m.surface, m.kind, m.precision) == ("الجمعة", "relative", "day")
    assert span(m) == ("2024-09-27", "2024-09-27")


def test_weekday_naming_the_publication_day_is_that_day():
    # a same-day report: published on a Friday, «أعلن الوزير الجمعة» is that Friday (real-news rule)
    assert span(only("أعلن الوزير الجمعة", published="2024-09-27")) == ("2024-09-27", "2024-09-27")


def test_scheduled_weekday_naming_the_publication_day_is_that_day():
    m = only("وستعقد اللجنة اجتماعها الطارئ الجمعة في بغداد", published="2024-09-27")
    assert span(m) == ("2024-09-27", "2024-09-27")


def test_weekday_with_last_or_next_on_the_publication_day_is_a_week_away():
    assert span(only("التقى الوزير نظيره الجمعة الماضية", published="2024-09-27")) == ("2024-09-20", "2024-09-20")
    assert span(only("يلتقي الوزير نظيره الجمعة المقبلة", published="2024-09-27")) == ("2024-10-04", "2024-10-04")


def test_planned_in_the_past_is_not_future():
    # «كان من المتوقع أن» tells of a plan that was due: the Sunday is the last one, not the next
    m = only("وكان من المتوقع أن يبدأ الفريق عمله الأحد لكنه تأخر", published="2024-09-27")
    assert span(m) == ("2024-09-22", "2024-09-22")


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
])
def test_n_months_or_years_ahead_of_publication(phrase, first, last):
    assert span(only(f"خلال {phrase} تراجعت الهجمات", published="2024-09-28")) == (first, last)


@pytest.mark.parametrize("text", [
    # real README: only a count of months or years ahead of publication is a period; the rest are durations
    "وبقيت القوات في البلاد خلال السنوات الثلاث الماضية",
    "وتراجعت الهجمات خلال الأشهر الستة الماضية",
    "وتتوقع واشنطن أن تنتهي المهمة خلال الأسبوعين المقبلين",
    "وستصل التعزيزات في غضون الأيام العشرة المقبلة",
    "وقتل عشرات المدنيين خلال الأيام الثلاثة الماضية",
])
def test_counts_of_days_or_weeks_and_counts_back_are_durations(text):
    assert extract_milestones(text, published="2018-01-15") == []


@pytest.mark.parametrize("text, published, first, last", [
    # real README: a season without a year is resolved like a month (صيف: June-August, parts.csv)
    ("وكانت القوات قد استعادت المدينة الصيف الماضي", "2017-03-01", "2016-06-01", "2016-08-31"),
    ("وكانت القوات قد استعادت المدينة الصيف الماضي", "2017-09-10", "2017-06-01", "2017-08-31"),
    ("ويتوقع أن تنطلق معركة الرقة الصيف المقبل", "2017-03-01", "2017-06-01", "2017-08-31"),
    ("ويتوقع أن تنطلق معركة الرقة الصيف المقبل", "2017-07-15", "2018-06-01", "2018-08-31"),
    ("وتراجعت الهجمات في الربيع الماضي", "2017-07-15", "2017-03-01", "2017-05-31"),
    ("وستجرى الانتخابات الخريف القادم", "2017-07-15", "2017-09-01", "2017-11-30"),
    ("واشتدت المعارك هذا الصيف", "2017-09-10", "2017-06-01", "2017-08-31"),
])
def test_season_without_a_year_reads_like_a_month(text, published, first, last):
    m = only(text, published=published)
    assert (span(m), m.precision) == ((first, last), "month")


def test_season_without_a_year_and_without_publication_is_unresolved():
    assert not only("وكانت القوات قد استعادت المدينة الصيف الماضي").resolved


@pytest.mark.parametrize("text, surface", [
    # one expression, one row: the weekday glossed by its date (the day number wins); with الموافق it is
    # two rows (test_weekday_then_al_muwafiq_and_a_date_is_two_rows_of_that_date)
    ("وأعلن ترامب يوم الجمعة 21/12/2018 استقالة وزير الدفاع", "الجمعة 21/12/2018"),
    ("وأعلن ترامب الجمعة (21 ديسمبر) استقالة وزير الدفاع", "الجمعة (21 ديسمبر)"),
    ("وأعلن ترامب الخميس (21 ديسمبر) استقالة وزير الدفاع", "الخميس (21 ديسمبر)"),
])
def test_weekday_glossed_by_its_date_is_one_row(text, surface):
    m = only(text, published="2018-12-23")
    assert (m.surface, span(m)) == (surface, ("2018-12-21", "2018-12-21"))


def test_weekday_before_a_date_it_does_not_gloss_stays_apart():
    found = extract_milestones("وأعلن ترامب الجمعة في 21 ديسمبر 2017 أنه سيزور العراق", published="2018-12-23")
    assert [m.surface for m in found] == ["الجمعة", "21 ديسمبر 2017"]


@pytest.mark.parametrize("text, first, last", [
    ("وتراجعت الغارات مقارنة بشهر نوفمبر الماضي", "2017-11-01", "2017-11-30"),
    ("وتراجعت الغارات مقارنة بشهر نوفمبر 2016", "2016-11-01", "2016-11-30"),
    ("وتراجعت الغارات مقارنة بشهر تموز", "2017-07-01", "2017-07-31"),
])
def test_month_after_attached_bi_shahr(text, first, last):
    m = only(text, published="2018-01-10")
    assert (m.trigger, span(m)) == ("بشهر", (first, last))


@pytest.mark.parametrize("text, first, last", [
    # published Saturday 28 September 2024: last Friday is the 27th, the one before it the 20th
    ("وقال يوم الجمعة قبل الماضية إن المباحثات انتهت", "2024-09-20", "2024-09-20"),
    ("ويلتقي الوفدان الأحد بعد المقبل في بغداد", "2024-10-06", "2024-10-06"),
    ("تراجعت الهجمات في الأسبوع قبل الماضي", "2024-09-09", "2024-09-15"),
    ("انعقد الاجتماع في الشهر قبل الماضي", "2024-07-01", "2024-07-31"),
    ("انسحبت القوات العام قبل الماضي من القاعدة", "2022-01-01", "2022-12-31"),
    ("تنتهي المهمة العام بعد القادم", "2026-01-01", "2026-12-31"),
    ("وصل الوفد في 15 من الشهر قبل الماضي", "2024-07-15", "2024-07-15"),
    ("وقع الاتفاق في أغسطس قبل الماضي", "2023-08-01", "2023-08-31"),
    ("تبدأ المرحلة في مارس بعد المقبل", "2026-03-01", "2026-03-31"),
])
def test_the_one_before_last_and_the_one_after_next(text, first, last):
    # قبل الماضي / بعد المقبل: one period further than الماضي / المقبل, never the last or next one
    m = only(text, published="2024-09-28")
    assert (span(m), m.kind) == ((first, last), "relative")
    assert m.surface.endswith(("قبل الماضي", "قبل الماضية", "بعد المقبل", "بعد القادم"))


@pytest.mark.parametrize("text, first, last", [
    ("وصل الوفد في الأسبوع الأول من أكتوبر 2025", "2025-10-01", "2025-10-07"),
    ("تجري الانتخابات في الأسبوع الأخير من فبراير 2024", "2024-02-23", "2024-02-29"),
    ("تُعقد الجولة في الأسبوع الثاني من الشهر المقبل", "2024-10-08", "2024-10-14"),
    ("تراجعت الهجمات في النصف الثاني من آب الماضي", "2024-08-16", "2024-08-31"),
    ("يبدأ الانسحاب في النصف الأول من شهر أكتوبر 2025", "2025-10-01", "2025-10-15"),
    ("تدخل الاتفاقية حيز التنفيذ غرة أكتوبر 2024", "2024-10-01", "2024-10-01"),
])
def test_week_and_half_of_a_month(text, first, last):
    # not «الأول من أكتوبر» (the 1st) nor «الثاني من آب» (the 2nd): the week or the half
    m = only(text, published="2024-09-28")
    assert (span(m), m.precision) == ((first, last), "day")
    assert m.surface.startswith(("الأسبوع", "النصف", "غرة"))


@pytest.mark.parametrize("text, day", [
    ("وصل الوفد يوم 15 الجاري إلى بغداد", "2024-09-15"),
    ("وصل الوفد في ١٥ الجاري إلى بغداد", "2024-09-15"),
])
def test_day_of_the_current_month_written_with_aljari_alone(text, day):
    m = only(text, published="2024-09-28")
    assert (m.surface.split()[-1], span(m)) == ("الجاري", (day, day))


@pytest.mark.parametrize("text, first, last", [
    # published 2024-09-28 = 24 Rabi' al-Awwal 1446
    ("تبدأ الهدنة في رمضان المقبل", "2025-03-01", "2025-03-29"),  # Ramadan 1446
    ("تصاعدت الهجمات خلال رمضان الماضي", "2024-03-11", "2024-04-09"),  # Ramadan 1445
    ("يعقد المؤتمر في محرم المقبل", "2025-06-26", "2025-07-25"),  # Muharram 1447
    ("صدر القرار في ربيع الأول الجاري", "2024-09-04", "2024-10-03"),  # Rabi' al-Awwal 1446
])
def test_hijri_month_with_a_direction_is_counted_in_hijri_years(text, first, last):
    m = only(text, published="2024-09-28")
    assert (span(m), m.precision, m.kind) == ((first, last), "month", "relative")
    assert not extract_milestones(text)[0].resolved  # no publication date: reported, not guessed


@pytest.mark.parametrize("text, surface, first, last", [
    ("حتى 30 أيلول سبتمبر 2025", "30 أيلول سبتمبر 2025", "2025-09-30", "2025-09-30"),
    ("تنتهي المهمة في تموز يوليو 2026", "تموز يوليو 2026", "2026-07-01", "2026-07-31"),
    ("في 1 كانون الثاني يناير 2025", "1 كانون الثاني يناير 2025", "2025-01-01", "2025-01-01"),
    ("بين آذار مارس وأيار مايو 2025", "آذار مارس وأيار مايو 2025", "2025-03-01", "2025-05-31"),
])
def test_levantine_and_egyptian_month_names_side_by_side_are_one_month(text, surface, first, last):
    m = only(text)
    assert (m.surface, span(m)) == (surface, (first, last))


@pytest.mark.parametrize("text, day", [
    # published Saturday 28 September 2024
    ("وقع الهجوم يوم 27 أيلول الماضي", "2024-09-27"),  # yesterday: the last 27 September
    ("وقع الهجوم يوم 28 أيلول الماضي", "2023-09-28"),  # today's date is not in the past
    ("تنطلق الجولة في 29 أيلول المقبل", "2024-09-29"),
    ("تنطلق الجولة في 28 أيلول المقبل", "2025-09-28"),
    ("وقع الهجوم في 15 آب الماضي", "2024-08-15"),
])
def test_date_with_a_direction_is_the_last_or_next_such_date_not_month(text, day):
    assert span(only(text, published="2024-09-28")) == (day, day)


@pytest.mark.parametrize("text, surfaces, spans", [
    # published Saturday 28 September 2024
    ("عُقد الاجتماع يومي الأحد والإثنين الماضيين في بغداد", ["الأحد والإثنين الماضيين"],
     [("2024-09-22", "2024-09-23")]),
    ("ستعقد الجولة يومي الأحد والإثنين في بغداد", ["الأحد والإثنين"], [("2024-09-29", "2024-09-30")]),
    ("عقدت اللجان اجتماعاتها من الأحد إلى الثلاثاء", ["الأحد إلى الثلاثاء"], [("2024-09-22", "2024-09-24")]),
    # not neighbours, joined by و: two days, each the last such day of that week
    ("التقى الوفد الأحد والأربعاء الماضيين", ["الأحد", "الأربعاء الماضيين"],
     [("2024-09-22", "2024-09-22"), ("2024-09-25", "2024-09-25")]),
    # the second weekday opens a full date: it stays with its date
    ("وصل الوفد الأربعاء والجمعة 27 أيلول 2024", ["الأربعاء", "الجمعة 27 أيلول 2024"],
     [("2024-09-25", "2024-09-25"), ("2024-09-27", "2024-09-27")]),
])
def test_two_weekdays_are_one_range_of_days(text, surfaces, spans):
    found = extract_milestones(text, "2024-09-28")
    assert [m.surface for m in found] == surfaces
    assert [span(m) for m in found] == spans


def test_relative_unresolved_without_published_date():
    found = extract_milestones("وكان الحلف قد أعلن أمس أن بعثته ستواصل عملها حتى العام المقبل")
    assert [m.surface for m in found] == ["أمس", "العام المقبل"]
    assert all(not m.resolved and pd.isna(m.start) and pd.isna(m.end) for m in found)


def test_weekday_after_a_future_verb_is_the_next_such_day():
    m = only("ستعقد اللجنة اجتماعها الأحد في بغداد", published="2024-09-27")  # a Friday
    assert span(m) == ("2024-09-29", "2024-09-29")
    assert span(only("بسط الجيش سيطرته الأحد على المدينة", published="2024-09-27")) == ("2024-09-22", "2024-09-22")


@pytest.mark.parametrize("text, day", [
    ("ويستمر المؤتمر حتى الخميس بمشاركة عشرات الوفود", "2024-10-03"),  # a present that lasts
    ("وتتواصل المناورات حتى الأحد قرب الحدود", "2024-10-06"),
    ("وافتتح في عمان المعرض الذي يستمر حتى الأحد", "2024-10-06"),
    ("واستمرت المعارك حتى الخميس قبل أن تهدأ", "2024-09-26"),  # the past tense: the last Thursday
])
def test_a_present_verb_lasting_until_a_weekday_reaches_the_next_one(text, day):
    assert span(only(text, published="2024-10-01")) == (day, day)  # a Tuesday


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


@pytest.mark.parametrize("published", ["غير معروف", "yesterday", "2024-13-01", "28/09/2024", 20240928])
def test_unreadable_publication_date_is_an_error_naming_it(published):
    with pytest.raises(ValueError, match=re.escape(repr(published))):
        extract_milestones("وصل الوفد أمس", published=published)


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
    "بتاريخ 32/13/2024", "في 15 مارس 0000", "عام 0000", "في 0 يناير 2024",
    "في 30/2/2024", "", "   ", "\n\n",
])
def test_absurd_dates_and_empty_text_give_nothing(text):
    # numbers that are no date at all; a named month's day it does not have («31 فبراير 2025») is a misprinted
    # date, kept unresolved with a warning (test_a_day_the_calendar_does_not_have_…)
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


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([". ", "… ", "! ", "؟ ", "?! ", "\n", "، ", " ", "...", "…", " - "]), min_size=3, max_size=3))
def test_a_milestone_and_an_entity_in_one_sentence_get_the_same_sentence(marks):
    from helpers.entities import entities_table

    text = ("عنوان\n\nقال مسؤول" + marks[0] + "تنتهي مهمة التحالف في العراق في سبتمبر 2025" + marks[1]
            + "وتبقى القوات في سوريا حتى 2026" + marks[2] + "انتهى")
    corpus = _corpus({"s": text}, {"s": None})
    sentences = dict(zip(milestones_table(corpus)["surface"], milestones_table(corpus)["sentence"]))
    entities = entities_table(corpus)
    by_entity = dict(zip(entities["name_ar"], entities["sentence"]))
    assert sentences["سبتمبر 2025"] == by_entity["العراق"]
    assert sentences["2026"] == by_entity["سوريا"]


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


@pytest.mark.parametrize("place, subject", [
    ("هولير", "أربيل"),  # an alias the gazetteer lists for the city
    ("جمهورية العراق", "العراق"),
    ("وزارة الدفاع الأمريكية", "البنتاغون"),  # an organisation, when the clause names no place
])
def test_subject_is_found_by_the_gazetteer_under_any_of_its_names(place, subject):
    # subjects are the entity matcher's mentions of the entities data/calendar/subjects.csv lists: one
    # list of names and aliases (the gazetteer), so every alias it knows names the subject
    corpus = _corpus({"g": f"عنوان\n\nأعلنت {place} انسحاب المستشارين في نهاية سبتمبر 2025."}, {"g": None})
    assert milestones_table(corpus).set_index("surface").loc["نهاية سبتمبر 2025", "subject"] == subject


def test_a_country_adjective_is_no_subject():
    corpus = _corpus({"n": "عنوان\n\nانسحب الجيش العراقي من المدينة في نهاية سبتمبر 2025."}, {"n": None})
    assert milestones_table(corpus)["subject"].tolist() == [""]


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


@pytest.mark.filterwarnings("ignore::helpers.milestones.MilestoneWarning")  # misprinted days: unresolved rows, said
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SNIPPETS), max_size=14), st.sampled_from([None, "2024-09-28"]))
def test_any_text_gives_well_formed_milestones_and_the_fast_scan_misses_nothing(words, published):
    text = " ".join(words)
    norm = normalize(text)
    assert [m.span() for m in grammar_matches(norm)] == [m.span() for m in GRAMMAR.finditer(norm)]
    for m in extract_milestones(text, published):
        assert text[m.char_start:m.char_end] == m.surface
        assert m.precision in {"day", "month", "year"}
        assert m.resolved == (not pd.isna(m.start))
        assert not m.resolved or m.start <= m.end


# ---------------------------------------------------------------- texts for the property tests
# Word soups and template sentences with the rarer forms, which the fast paths below are checked on
# against the plain patterns; the eval articles are checked against their hand-made gold rows.

WORDS = [
    *SNIPPETS, "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "أكتوبر", "نوفمبر",
    "ديسمبر", "كانون", "2", "الأول", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "تشرين", "جانفي",
    "جويلية", "شتنبر", "محرم", "رمضان", "شوال", "ذو", "الحجة", "جمادى", "الأولى", "السبت", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "غدا", "غداً", "أمس", "الماضي", "الماضية", "القادم", "المقبلة", "الجاري",
    "الحالي", "الأسبوع", "الشهر", "السنة", "سنة", "عامي", "أعوام", "أواخر", "أوائل", "منتصف", "بداية", "الربع",
    "الثاني", "النصف", "صيف", "الثالث", "العاشر", "عشرين", "ثلاثة", "أيام", "أسبوعين", "شهرين", "يومين", "خلال",
    "قبل", "بعد", "لغاية", "ابتداء", "بتاريخ", "الموافق", "هذا", "هذه", "سيعقد", "ستنتهي", "سوف", "سياسة", "م", "ه",
    "هجري", "للهجرة", "1446", "1445هـ", "٢٠٢٤", "۲۰۲۵", "2024م", "1999", "2101", "31", "30", "29", "1", "٣", "١٥",
    "15/9/2024", "2024-09-15", "1/1/1446", "9.10.2023", "-", "–", "—", "و15", "وفي", "فيو", "بنهاية", "والعام", "وبحلول",
    "الـ", "ـ", "\u0651", "\u064b", "\u200f", "\u200e", "\ufefb", "\ufe8d", "\ufdf2", "\u0670", "\n\n", "  ", "\t",
]
SEPARATORS = [" ", " ", " ", " ", "", "\n", "  ", "، ", " - ", "/", "."]
# Leaders, fillers and their pieces, for the head scan tests: multi-word leaders cut short, clitics alone.
_SCAN_EXTRAS = [
    "في", "موعد", "أقصاه", "لا", "يتجاوز", "أجل", "إلى", "غاية", "منذ", "من", "اعتباراً", "حتى", "يوم", "يومي",
    "شهر", "شهري", "ال", "وال", "فال", "ال 15", "ف", "و", "فيوم", "ومن", "فمن", "بين", "عام", "العام", "فبعد",
    "وبالعام", "على", "مدى", "حلول", "قبل حلول", "غضون", "في موعد أقصاه", "في موعد", "ال_15", "في_", "𝟐", "أكتوبر2017", "وآذار١٩٨٥", "فيأكتوبر2017", "ب2014", "x2y3", "نفس", "ذات", "للعام", "لعام",
    "ب15", "وب6", "فبال8", "بال 8", "ب", "بال",
]
NOISE = ["\u0640", "\u064e", "\u064b", "\u0651", "\u200f", "\u200c", "\u0670"]


def _generated_texts(n: int = 1500, seed: int = 7) -> list[str]:
    """Random word soups from WORDS, a third of them with marks and tatweel sprinkled inside words."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 24))]
        text = "".join(w + rng.choice(SEPARATORS) for w in words)
        if i % 3 == 0:
            text = "".join(c + (rng.choice(NOISE) if c.isalpha() and rng.random() < 0.15 else "") for c in text)
        texts.append(text)
    return texts


TEMPLATES = [
    "{trig} {day} {month} {year}", "{trig} {day} و{day} {month} {year}", "{trig} {day} - {day} {month}",
    "{day} {month} {year} - {day} {month} {year}", "{trig} {day} {month} إلى {day} {month}",
    "{day} من الشهر {dir}", "{trig} {month} {year} - {month} {year}", "{trig} {day} {hmonth} {hyear} هـ",
    "{trig} {hmonth} {hyear}", "{trig} {weekday} {day} {month}", "{trig} عامي {year} و{year}",
    "{part} {month} {dir}", "{part} العام {dir}", "{trig} {month}/{month} {year}", "يوم {weekday} {dir}",
]
SLOTS = {
    "trig": ["في", "منذ", "حتى", "بين", "من", "قبل", "في موعد أقصاه", "بحلول", "يومي", "اعتباراً من", "", "و"],
    "day": ["1", "15", "16", "٢٨", "31", "الأول من", "العاشر من", "0", "29"],
    "month": ["يناير", "شباط", "كانون الثاني", "أيلول", "فبراير", "ديسمبر", "جوان", "آب", "تشرين 2"],
    "year": ["2024", "2025", "١٩٩٩", "2024م", "2101"],
    "hmonth": ["محرم", "ربيع الأول", "رمضان", "ذو الحجة", "جمادى الآخرة"],
    "hyear": ["1446", "١٤٤٥", "1300"],
    "dir": ["المقبل", "الماضي", "الجاري", "القادم", "المنصرم"],
    "weekday": ["الجمعة", "الأحد", "الاثنين"],
    "part": ["نهاية", "مطلع", "منتصف", "أواخر", "الربع الأول من", "النصف الثاني من"],
}


def _template_texts(n: int = 1500, seed: int = 11) -> list[str]:
    """Sentences with the rarer forms (day ranges, cross-month ranges, hijri dates) amid other words."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        body = rng.choice(TEMPLATES)
        while "{" in body:
            slot = body[body.index("{") + 1:body.index("}")]
            body = body.replace("{" + slot + "}", rng.choice(SLOTS[slot]), 1)
        text = " ".join([rng.choice(WORDS) for _ in range(rng.randint(0, 6))] + [body]
                        + [rng.choice(WORDS) for _ in range(rng.randint(0, 6))])
        if i % 4 == 0:
            text = "".join(c + (rng.choice(NOISE) if c.isalpha() and rng.random() < 0.1 else "") for c in text)
        texts.append(text)
    return texts


def _eval_articles() -> list[tuple[str, str, str | None]]:
    """(article_id, text, published) of the dev set and both probe sets."""
    from helpers.paths import DATA

    rows = []
    for name in ("dev", "probe", "probe2"):
        folder = DATA / "eval" / name
        manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
        for r in manifest.itertuples():
            text = (folder / "articles" / f"{r.article_id}.txt").read_text(encoding="utf-8")
            rows.append((r.article_id, text, r.published or None))
    return rows


def _day(stamp) -> str | None:
    return None if pd.isna(stamp) else stamp.date().isoformat()


def _record(m) -> tuple:
    return (m.surface, _day(m.start), _day(m.end), m.precision, m.kind, m.form, m.trigger, m.char_start, m.char_end)


def test_eval_articles_give_exactly_their_hand_annotated_rows_in_order():
    # The gold rows (data/eval/*/milestones.csv, annotated by hand) with their surfaces and precision,
    # in text order; the offsets give the surface back. Gold leaves out what the text cannot date
    # (a relative expression in an article without a publication date), so unresolved rows are too.
    from helpers.paths import DATA

    gold = pd.concat([pd.read_csv(DATA / "eval" / name / "milestones.csv", dtype=str, keep_default_na=False)
                      for name in ("dev", "probe", "probe2")])
    for article_id, text, published in _eval_articles():
        found = [m for m in extract_milestones(text, published) if m.resolved]
        rows = gold[gold["article_id"] == article_id]
        expected = list(zip(rows["surface"], rows["start"], rows["end"], rows["precision"]))
        assert [(m.surface, _day(m.start), _day(m.end), m.precision) for m in found] == expected, article_id
        assert all(text[m.char_start:m.char_end] == m.surface for m in found), article_id


# ---------------------------------------------------------------- the fast path against the plain patterns

def _plain_heads() -> re.Pattern:
    """HEADS as first written: clitics as optional letters before each opener, tried at every character
    (an opener ends a word, or has digits glued after it: أكتوبر2017)."""
    opener = (r"[وف]?ب?" + alternation(FIRST_WORDS, boundary=False) + r"(?:(?!\w)|(?=\d))"
              + r"|[وف]?ب?(?:ال(?=\s?\d)|\d)")
    return re.compile(rf"(?<!\w)(?:{opener}|[وف]?{LEADER}(?=(?:\s+{FILLER})?\s+(?:{opener})))")


PLAIN_HEADS = _plain_heads()


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["", *SEPARATORS]), st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                                                    max_size=16))
def test_fast_scan_finds_the_heads_and_groups_of_the_plain_patterns(lead, words):
    norm = normalize(lead + "".join(word + separator for word, separator in words))
    assert list(head_starts(norm)) == [m.start() for m in PLAIN_HEADS.finditer(norm)]
    for match in grammar_matches(norm):
        plain = GRAMMAR.match(norm, match.start())
        assert (match.span(), match.lastgroup) == (plain.span(), plain.lastgroup)
        for name in match.re.groupindex:
            assert (match.group(name), match.span(name)) == (plain.group(name), plain.span(name)), name


# ---------------------------------------------------------------- the compiled head scan against the regex

needs_compiled = pytest.mark.skipif(
    not milestones.COMPILED and os.environ.get("HELPERS_REQUIRE_COMPILED") != "1",
    reason="helpers._heads is not built (pip install -e . builds it; the regex scan is used)")


def test_compiled_head_scan_is_built_where_ci_requires_it():
    # CI sets HELPERS_REQUIRE_COMPILED=1: a failed build would otherwise only make extraction slower.
    if os.environ.get("HELPERS_REQUIRE_COMPILED") == "1":
        assert milestones.COMPILED, "helpers._heads did not build: milestones fall back to the regex scan"


def test_without_the_compiled_scan_milestones_fall_back_to_the_regex(monkeypatch):
    # a machine without a C compiler: helpers._heads does not import, and extraction still works
    monkeypatch.setitem(sys.modules, "helpers._heads", None)
    assert milestones_scan.head_scanner() is None
    monkeypatch.setattr(milestones_scan, "_HEAD_SCANNER", None)
    assert [m.surface for m in extract_milestones("انسحبت القوات في 15 مايو 2025 من القاعدة")] == ["15 مايو 2025"]


@needs_compiled
@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["", *SEPARATORS, "_", "x"]),
       st.lists(st.tuples(st.sampled_from(WORDS + _SCAN_EXTRAS), st.sampled_from(SEPARATORS + ["_", "\t", "\u2003"])),
                max_size=16))
def test_compiled_head_scan_gives_the_heads_and_forms_of_the_regex(lead, words):
    norm = normalize(lead + "".join(word + separator for word, separator in words))
    assert list(milestones_scan.heads(norm)) == milestones_scan.heads_by_regex(norm)


@needs_compiled
def test_compiled_head_scan_gives_the_regex_heads_on_every_eval_and_generated_text():
    texts = [text for _, text, _ in _eval_articles()] + _generated_texts(600) + _template_texts(600)
    for text in map(normalize, texts):
        assert list(milestones_scan.heads(text)) == milestones_scan.heads_by_regex(text), text[:80]


@needs_compiled
def test_compiled_head_scan_classes_every_basic_plane_character_as_re_does():
    # each character c decides the heads here: a word character joins في to 2024, a space makes في a
    # leader before a digit, a decimal digit after ال makes a head; anything else splits the words
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"في{chr(code)}2024 ال{chr(code)}"
        assert list(milestones_scan.heads(text)) == milestones_scan.heads_by_regex(text), hex(code)


@needs_compiled
def test_compiled_head_scan_reads_text_outside_the_basic_plane():
    # 𝟐 (U+1D7D0) is a decimal digit for re's \d, and 𐌰 (Gothic) a word character for \w.
    for text in ["في 𝟐 مايو", "𐌰في 2024", "𝟐𝟎𝟐𝟒 و𝟐", "في\U0001d7d0", "حتى 𐌰 2024"]:
        assert list(milestones_scan.heads(text)) == milestones_scan.heads_by_regex(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(sorted(map(chr, _FULL_MAP)) + list("ابتحسعلمنهوي 12\n.")), max_size=300))
def test_running_text_normalisation_is_normalize(text):
    assert normalize_running_text(text) == normalize(text)


class _Forgetful(dict):
    """A resolution cache that never returns anything: every match resolved afresh."""

    def get(self, key, default=None):
        return None


@pytest.mark.filterwarnings("ignore::helpers.milestones.MilestoneWarning")  # misprinted days: unresolved rows, said
def test_reused_resolutions_give_what_resolving_afresh_gives(monkeypatch):
    texts = [text for _, text, _ in _eval_articles()] + _template_texts(400)
    published = [None, "2024-09-28", "2025-03-01"]
    reused = [[_record(m) for m in extract_milestones(t, p)] for p in published for t in texts]
    monkeypatch.setattr(milestones_extract, "_RESOLVED", _Forgetful())
    afresh = [[_record(m) for m in extract_milestones(t, p)] for p in published for t in texts]
    assert reused == afresh


def test_progress_bar_only_when_asked_or_for_a_large_corpus(capsys):
    milestones_table(CORPUS)
    assert "milestones" not in capsys.readouterr().err
    milestones_table(CORPUS, progress=True)
    assert "2/2" in capsys.readouterr().err


# ---------------------------------------------------------------- real news (issue 12): tense, the text's year

def test_yearless_date_in_a_past_report_is_never_after_publication():
    # published 1 June: «الأول من تشرين الثاني» in a past report is last November, not the coming one
    m = only("وفي الأول من تشرين الثاني/نوفمبر سقطت قذيفة على السوق", published="2024-06-01")
    assert span(m) == ("2023-11-01", "2023-11-01")
    m = only("واتفق الطرفان في تموز/يوليو على هدنة", published="2024-06-02")
    assert span(m) == ("2023-07-01", "2023-07-31")


def test_yearless_date_in_a_scheduled_clause_is_never_before_publication():
    m = only("تمهيدا للانتخابات المرتقبة في 24 حزيران/يونيو", published="2024-07-01")
    assert span(m) == ("2025-06-24", "2025-06-24")
    # the future verb right after the date («في 24 أبريل سيزور»)
    m = only("في 20 أبريل سيزور الرئيس المقبرة", published="2024-04-23")
    assert span(m) == ("2025-04-20", "2025-04-20")
    # a future verb earlier in the sentence, across a comma
    m = only("وسيلتقي الوزير الطلاب، خلال زيارته جامعة بغداد الثلاثاء 25 أبريل", published="2024-04-23")
    assert span(m) == ("2024-04-25", "2024-04-25")


def test_yearless_date_in_a_present_tense_clause_takes_the_nearest_year():
    m = only("تستمر المناورات 2 أكتوبر في البصرة", published="2024-09-28")
    assert span(m) == ("2024-10-02", "2024-10-02")


def test_yearless_date_takes_the_year_its_sentence_fixed():
    found = extract_milestones("وأعلنت موسكو في يونيو 2017 أنها قتلت القائد في نهاية مايو قرب الرقة", "2024-07-04")
    assert [(m.surface, span(m)) for m in found] == [
        ("يونيو 2017", ("2017-06-01", "2017-06-30")), ("نهاية مايو", ("2017-05-31", "2017-05-31"))]


def test_yearless_date_takes_the_year_its_paragraph_fixed_even_without_publication_date():
    text = "طالب الرئيس في أوت 2011 بالرحيل. وبحلول سبتمبر أيلول خفف موقفه."
    assert [span(m) for m in extract_milestones(text)] == [
        ("2011-08-01", "2011-08-31"), ("2011-09-01", "2011-09-30")]


def test_year_of_a_background_paragraph_does_not_date_the_next_one():
    text = "وقتل القائد في تموز/يوليو 2016 قرب الموصل.\n\nواعتقلت الشرطة زوجته ليلة الرابع من تموز/يوليو."
    assert [span(m) for m in extract_milestones(text, "2024-07-20")] == [
        ("2016-07-01", "2016-07-31"), ("2024-07-04", "2024-07-04")]


def test_a_relative_date_brings_the_story_back_to_the_present():
    text = "وزار الوزير باريس في مارس 2019، وأعلن أمس أنه التقى نظيره في 2 فبراير"
    assert [span(m)[0] for m in extract_milestones(text, "2024-03-10")] == ["2019-03-01", "2024-03-09", "2024-02-02"]


def test_a_scheduled_or_later_year_does_not_date_a_yearless_date():
    text = "وكانت الانتخابات مقررة في نوفمبر 2026 وتقرر أن تجري في 24 حزيران/يونيو"
    assert [span(m)[0] for m in extract_milestones(text, "2024-05-06")] == ["2026-11-01", "2024-06-24"]


@pytest.mark.parametrize("text, first, last", [
    ("أنهى التحالف في نيسان/إبريل مراجعة البلاغات", "2024-04-01", "2024-04-30"),  # نيسان alone needs more
    ("لن تجرى الانتخابات حتى يتجاوز شهر يوليو (تموز)", "2024-07-01", "2024-07-31"),
    ("قالت الشرطة إن المداهمة جرت في شهر آب", "2023-08-01", "2023-08-31"),
])
def test_a_month_name_that_is_also_a_name_is_a_month_with_its_twin_or_the_word_month(text, first, last):
    assert span(only(text, published="2024-06-01")) == (first, last)


def test_day_of_the_month_written_with_the_word_month():
    m = only("دخل القنصلية في الثاني من شهر اكتوبر/تشرين الاول 2018 واختفى")
    assert (m.surface, span(m)) == ("الثاني من شهر اكتوبر/تشرين الاول 2018", ("2018-10-02", "2018-10-02"))


def test_misspelt_last_reads_as_meant():
    m = only("صدرت التصريحات الخميس المضي في واشنطن", published="2024-04-02")  # a Tuesday
    assert span(m) == ("2024-03-28", "2024-03-28")


# ---------------------------------------------------------------- dates beyond the calendars: a row, a warning

@pytest.mark.parametrize("text, published", [
    ("يصل الوفد غدا إلى بغداد", dt.date(9999, 12, 31)),
    ("ستنتهي المهمة العام المقبل", "9999-06-01"),
    ("يبدأ الصيام في رمضان المقبل", "2100-01-01"),          # beyond hijridate's Umm al-Qura table
    ("ستنطلق القافلة في 15 مارس", "9999-12-31"),          # the next 15 March is in the year 10000
    ("تعقد اللجنة اجتماعها الأسبوع المقبل", "9999-12-31"),
])
def test_a_date_beyond_the_calendars_is_an_unresolved_row_and_a_warning(text, published):
    with pytest.warns(milestones.MilestoneWarning, match="cannot be dated"):
        m = only(text, published=published)
    assert not m.resolved and pd.isna(m.start) and pd.isna(m.end)


@pytest.mark.parametrize("text, surface, why", [
    ("وقع الهجوم في 30 فبراير 2024 قرب المطار", "30 فبراير 2024", "month 2 has no day 30 in 2024"),
    ("انسحبت القوات في 31 أبريل 2023 من القاعدة", "31 أبريل 2023", "month 4 has no day 31 in 2023"),
    ("وصل الوفد في 31 نوفمبر الماضي", "31 نوفمبر الماضي", "month 11 has no day 31"),
])
def test_a_day_the_calendar_does_not_have_is_an_unresolved_row_and_a_warning_not_dropped(text, surface, why):
    # nothing hidden: a misprinted date stays in the table, unresolved, and the warning says why
    with pytest.warns(milestones.MilestoneWarning, match=why):
        m = only(text, published="2024-03-05")
    assert m.surface == surface and not m.resolved and pd.isna(m.start)
    assert only("وقع الهجوم في 29 فبراير 2024", published="2024-03-05").start == pd.Timestamp("2024-02-29")


def test_a_date_beyond_the_calendars_does_not_stop_the_corpus_table():
    corpus = SimpleNamespace(
        articles=pd.DataFrame({"article_id": ["a", "b"], "text": ["يصل الوفد غدا", "وصل الوفد أمس"],
                               "published": [dt.date(9999, 12, 31), dt.date(2024, 9, 28)]}),
        paragraphs=pd.DataFrame({"article_id": ["a", "b"], "char_start": [0, 0], "paragraph": [1, 1]}))
    with pytest.warns(milestones.MilestoneWarning):
        table = milestones_table(corpus)
    assert table["resolved"].tolist() == [False, True]
    assert table["start"].dt.date.tolist()[1] == dt.date(2024, 9, 27)


# ---------------------------------------------------------------- real news: what the text joins is one row

@pytest.mark.parametrize("text, surface, first, last", [
    ("شن التحالف ضربات بين آب/أغسطس 2014 ونهاية نيسان/ابريل 2018.", "آب/أغسطس 2014 ونهاية نيسان/ابريل 2018",
     "2014-08-01", "2018-04-30"),
    ("عملت البعثة من أيار/مايو 2016 إلى نهاية 2017", "أيار/مايو 2016 إلى نهاية 2017", "2016-05-01", "2017-12-31"),
    ("تقام الدورة ابتداء من الاثنين 27 إلى الخميس 30 آب/أغسطس 2024", "الاثنين 27 إلى الخميس 30 آب/أغسطس 2024",
     "2024-08-27", "2024-08-30"),
])
def test_a_range_with_two_full_ends_is_one_row(text, surface, first, last):
    m = only(text, published="2024-06-01")
    assert (m.surface, span(m)) == (surface, (first, last))


def test_two_dates_joined_without_between_stay_two_rows():
    found = extract_milestones("زار الوفد بغداد في آب/أغسطس 2014 ونهاية نيسان/ابريل 2018")
    assert [m.surface for m in found] == ["آب/أغسطس 2014", "نهاية نيسان/ابريل 2018"]


def test_today_with_its_weekday_and_full_date_is_one_row():
    m = only("أكد مصدر أمني اليوم الأحد 19 مارس 2024، مقتل ثلاثة مسلحين", published="2024-03-19")
    assert (m.surface, span(m)) == ("اليوم الأحد 19 مارس 2024", ("2024-03-19", "2024-03-19"))


@pytest.mark.parametrize("text, today", [
    ("8 مايو 2018، أعلن الرئيس الخطوة وقال: \"أعلن اليوم أن بلادي ستنسحب\"", "2018-05-08"),
    ("أكدت الوزارة أمس الخميس أن الطائرات قصفت اليوم مواقع للتنظيم", "2024-04-11"),
    # no statement dated in the sentence: the publication day
    ("قال الوزير إن العراق اليوم أقوى من أي وقت مضى", "2024-04-12"),
])
def test_today_inside_a_dated_statement_is_the_statement_day(text, today):
    found = extract_milestones(text, "2024-04-12")
    assert span(found[-1]) == (today, today)


# ---------------------------------------------------------------- real news: anaphora the text fixes

def test_day_of_the_same_month_is_a_day_of_the_month_named_before():
    text = "قتل القيادي في الثاني عشر من يونيو، ثم قتل مساعده في الرابع والعشرين من الشهر نفسه"
    assert [span(m) for m in extract_milestones(text, "2024-07-25")] == [
        ("2024-06-12", "2024-06-12"), ("2024-06-24", "2024-06-24")]


@pytest.mark.parametrize("text, first, last", [
    ("التقى الوزير نظيره في 3 مارس 2022، وفي نفس اليوم وقع الانفجار", "2022-03-03", "2022-03-03"),
    ("التقى الوزير نظيره في 3 مارس 2022، وفي الشهر نفسه وقع الانفجار", "2022-03-01", "2022-03-31"),
    ("التقى الوزير نظيره في 3 مارس 2022، وفي العام ذاته وقع الانفجار", "2022-01-01", "2022-12-31"),
])
def test_the_same_day_month_or_year_is_that_of_the_date_before(text, first, last):
    assert span(extract_milestones(text)[-1]) == (first, last)


@pytest.mark.parametrize("text, surface", [
    ("قصفت الطائرات المواقع ليل 3 مارس 2022، وفي الليلة نفسها سقطت قذائف على المطار", "الليلة نفسها"),
    ("قصفت الطائرات المواقع ليل 3 مارس 2022، وفي نفس الليلة سقطت قذائف على المطار", "نفس الليلة"),
])
def test_the_same_night_is_the_day_of_the_date_before(text, surface):
    found = extract_milestones(text, "2024-06-01")
    assert [(m.surface, *span(m)) for m in found[1:]] == [(surface, "2022-03-03", "2022-03-03")]


def test_tonight_alone_is_no_milestone():
    # «الليلة» opens «الليلة نفسها» only: tonight, without a date before it, names no date the rules count
    assert extract_milestones("وقال المتحدث إن الليلة ستكون هادئة في المدينة.", "2024-06-01") == []


@pytest.mark.parametrize("text, surface, first, last", [
    # real README: «أواخر» = October–December of a year, days 21–31 of a month; «العام نفسه» is the year named before
    ("سيطر التنظيم على الريف صيف 2016، ثم هاجم المدينة أواخر العام نفسه.", "أواخر العام نفسه", "2016-10-01", "2016-12-31"),
    ("وصل الوفد في 3 آذار 2019 وغادر في نهاية نفس العام.", "نهاية نفس العام", "2019-12-31", "2019-12-31"),
    ("وصل الوفد في 3 آذار 2019 وغادر أواخر الشهر نفسه.", "أواخر الشهر نفسه", "2019-03-21", "2019-03-31"),
])
def test_a_part_of_the_same_year_or_month_is_that_part_of_the_period_before(text, surface, first, last):
    found = extract_milestones(text, "2024-06-01")[-1]
    assert (found.surface, *span(found)) == (surface, first, last)


def test_a_part_of_the_same_year_without_a_date_before_is_not_a_milestone():
    # not the publication year: «نفسه» points back, and nothing is there
    assert extract_milestones("وتصاعدت الهجمات أواخر العام نفسه.", "2024-06-01") == []


def test_a_scheduled_date_is_no_antecedent():
    text = "صدرت التصريحات الخميس الماضي. وسيعقد المجلس اجتماعا، الثلاثاء. وقتل جنديان في نفس اليوم."
    assert [span(m)[0] for m in extract_milestones(text, "2024-04-02")] == ["2024-03-28", "2024-04-02", "2024-03-28"]


def test_same_period_without_a_date_before_is_not_a_milestone():
    assert extract_milestones("وقع الانفجار في الشهر نفسه الذي بدأت فيه الحملة", "2024-04-02") == []


# ---------------------------------------------------------------- real news: surface forms and named events

@pytest.mark.parametrize("text, surface, first, last", [
    ("أكتوبر2017، أعلن الرئيس استراتيجية جديدة", "أكتوبر2017", "2017-10-01", "2017-10-31"),
    ("وولد في مارس/ آذار1985 في البصرة", "مارس/ آذار1985", "1985-03-01", "1985-03-31"),
    ("وقع الهجوم في 10/ سبتمبر أيلول 2015", "10/ سبتمبر أيلول 2015", "2015-09-10", "2015-09-10"),
    ("انتهت الحرب عام 2003م بسقوط النظام", "عام 2003م", "2003-01-01", "2003-12-31"),
])
def test_surface_forms_of_real_pages(text, surface, first, last):
    m = only(text)
    assert (m.surface, span(m)) == (surface, (first, last))


@pytest.mark.parametrize("text, surface, day", [
    ("وصل الوفد ب15 أيلول 2024 إلى عمان", "15 أيلول 2024", "2024-09-15"),
    ("وب6 ايار 2023 بدأت المفاوضات", "6 ايار 2023", "2023-05-06"),
    ("انتهت المهلة بال8 شباط 2024 دون اتفاق", "ال8 شباط 2024", "2024-02-08"),
])
def test_a_day_after_a_glued_ba_is_the_day_on_every_path(text, surface, day, monkeypatch):
    # «ب15 أيلول 2024»: ب (بال) glued to the number is the grammar's attached ب, and the day is read, not
    # only the month after it; the regex head scan agrees with the compiled one
    m = only(text)
    assert (m.surface, span(m), m.precision) == (surface, (day, day), "day")
    monkeypatch.setattr(milestones_scan, "_HEAD_SCANNER", None)
    assert (only(text).surface, span(only(text))) == (surface, (day, day))


def test_a_month_name_with_other_digits_glued_is_no_date():
    assert extract_milestones("في أكتوبر15 وقع", "2018-05-09") == []


def test_year_after_a_clitic_on_the_year_word():
    m = only("وأسس الحزب فرعه في بغداد للعام 1955 بعد مؤتمره الأول")
    assert span(m) == ("1955-01-01", "1955-12-31")


def test_timeline_labels_are_years_and_date_the_entries_under_them():
    text = "أبرز المحطات\n\n2011: انسحبت القوات في 18 ديسمبر.\n\n2014:\n\nسقطت الموصل في 10 يونيو."
    found = extract_milestones(text, "2018-01-01")
    assert [(m.surface, span(m)[0]) for m in found] == [
        ("2011", "2011-01-01"), ("18 ديسمبر", "2011-12-18"), ("2014", "2014-01-01"), ("10 يونيو", "2014-06-10")]


def test_a_number_and_colon_inside_a_line_is_no_timeline_label():
    assert extract_milestones("قتل في المعارك 2011: جنديا ومدنيا") == []


@pytest.mark.parametrize("text, first, last", [
    ("ورغم إدانة المملكة لهجمات سبتمبر تعرضت العلاقات لشرخ", "2001-09-01", "2001-09-30"),
    ("بعد هجمات 11 سبتمبر تغيرت السياسة الأمريكية", "2001-09-11", "2001-09-11"),
    ("منذ حرب أكتوبر والعلاقات متوترة", "1973-10-01", "1973-10-31"),
])
def test_a_named_event_resolves_to_its_own_date_not_against_publication(text, first, last):
    assert span(only(text, published="2018-10-11")) == (first, last)


def test_the_event_noun_must_come_right_before_the_month():
    assert span(only("وقعت الهجمات في سبتمبر", published="2018-10-11")) == ("2018-09-01", "2018-09-30")


def test_a_bad_calendar_row_is_named(tmp_path):
    (tmp_path / "named_events.csv").write_text("event,month,year\nهجمات,13,2001\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"named_events\.csv, line 2, column 'month'"):
        read_table("named_events", tmp_path)


@pytest.mark.parametrize("text, first, last", [
    ("التقى الوفدان في نهاية الأسبوع الماضي", "2024-09-14", "2024-09-15"),  # published Wednesday 18 September
    ("تعقد القمة نهاية الأسبوع في بغداد", "2024-09-21", "2024-09-22"),
])
def test_the_end_of_a_week_is_its_saturday_and_sunday(text, first, last):
    assert span(only(text, published="2024-09-18")) == (first, last)


def test_current_naming_another_month_is_its_next_occurrence():
    assert span(only("تنطلق المناورات في 15 أكتوبر الحالي", published="2024-09-18")) == ("2024-10-15", "2024-10-15")


def test_a_month_pair_that_disagrees_takes_the_gregorian_name():
    assert span(only("وقعت الاشتباكات في سبتمبر/تشرين أول 2017")) == ("2017-09-01", "2017-09-30")


def test_months_ahead_without_the_article_are_a_period_from_publication():
    m = only("ستبقى القوات خلال ستة أشهر مقبلة", published="2024-09-18")
    assert (m.surface, span(m)) == ("ستة أشهر مقبلة", ("2024-09-18", "2025-03-18"))


@pytest.mark.parametrize("text, first, last", [
    ("تراجعت الهجمات في بدايات 2017", "2017-01-01", "2017-03-31"),
    ("تراجعت الهجمات في بدايات مارس 2017", "2017-03-01", "2017-03-10"),
])
def test_beginnings_mirror_the_ends(text, first, last):
    assert span(only(text)) == (first, last)


def test_a_night_across_two_days_is_one_row():
    m = only("وقعت الغارة ليل الأحد الاثنين على ريف حمص", published="2024-04-17")  # a Wednesday
    assert (m.surface, span(m)) == ("الأحد الاثنين", ("2024-04-14", "2024-04-15"))


def test_during_the_year_after_a_year_is_that_year():
    found = extract_milestones("في عام 2017 تراجع التنظيم، وخلال العام قتل آلاف من عناصره", "2018-04-18")
    assert [span(m) for m in found] == [("2017-01-01", "2017-12-31")] * 2
    assert extract_milestones("وتراجعت الأسعار خلال العام الدراسي", "2018-04-18") == []


@pytest.mark.parametrize("text, first, last", [
    ("ويصل الوزير إلى بغداد يوم غد في زيارة رسمية", "2018-12-19", "2018-12-19"),
    ("ويعقد المجلس جلسته مساء غد", "2018-12-19", "2018-12-19"),
    ("ويعقد المجلس جلسته بعد غد", "2018-12-20", "2018-12-20"),
])
def test_ghad_is_the_day_after_publication(text, first, last):
    assert span(only(text, published="2018-12-18")) == (first, last)


def test_ghad_as_a_noun_is_no_date():
    assert extract_milestones("ودعا الرئيس إلى بناء غد أفضل للعراقيين", published="2018-12-18") == []


@pytest.mark.parametrize("text, first, last", [
    # real README range-2ends: «من … وحتى …» joins two full ends as «من … إلى …» does
    ("وشارك أكثر من ستين بلدا في العمليات من أغسطس 2014 وحتى ديسمبر 2017", "2014-08-01", "2017-12-31"),
    ("وتواصلت الغارات من آب/أغسطس 2014 وإلى آذار/مارس 2017", "2014-08-01", "2017-03-31"),
    ("وبقي الحصار من 5 حزيران 2016 وحتى 20 تموز 2016", "2016-06-05", "2016-07-20"),
])
def test_range_with_wa_hatta_is_one_row(text, first, last):
    assert span(only(text, published="2018-01-01")) == (first, last)


def test_weekday_before_day_of_this_month_is_that_day():
    m = only("ويصل الوفد الأمريكي إلى أنقرة السبت 15 الجاري لبحث الملف", published="2018-12-10")
    assert (m.surface, span(m)) == ("السبت 15 الجاري", ("2018-12-15", "2018-12-15"))


def test_day_of_the_month_alone_is_anaphoric():
    found = extract_milestones("وفي يونيو 2017 بدأت المعركة، وفي الرابع من الشهر أعلن الجيش تقدمه، "
                               "ومساء اليوم نفسه قصفت الطائرات", published="2017-09-01")
    assert [span(m) for m in found] == [("2017-06-01", "2017-06-30"), ("2017-06-04", "2017-06-04"),
                                        ("2017-06-04", "2017-06-04")]


def test_day_of_the_month_alone_without_a_date_before_is_left_out():
    assert extract_milestones("وفي الرابع من الشهر أعلن الجيش تقدمه", published="2017-09-01") == []


@pytest.mark.parametrize("text, first, last", [
    # real README range-2ends: the second end may carry its own «حتى» and a direction word
    ("وقتل المئات خلال الفترة من 17 أكتوبر الماضي وحتى الأول من نوفمبر الجاري", "2017-10-17", "2017-11-01"),
    ("وتراجعت الهجمات منذ أغسطس 2014 وحتى نهاية العام الماضي", "2014-08-01", "2016-12-31"),
])
def test_range_whose_second_end_has_hatta_is_one_row(text, first, last):
    assert span(only(text, published="2017-11-20")) == (first, last)


def test_since_a_year_until_today_stays_two_rows():
    found = extract_milestones("وبقي في منصبه منذ 2014 وحتى اليوم", published="2017-11-20")
    assert [span(m) for m in found] == [("2014-01-01", "2014-12-31"), ("2017-11-20", "2017-11-20")]


def test_a_year_followed_by_and_a_count_is_still_the_year():
    found = extract_milestones("وتراجع عدد الضربات إلى 200 مقابل 1500 في 2017 و2500 في 2016", published="2018-12-20")
    assert [(m.surface, span(m)) for m in found] == [("2017", ("2017-01-01", "2017-12-31")),
                                                      ("2016", ("2016-01-01", "2016-12-31"))]


@pytest.mark.parametrize("text", [
    # intent and expectation verbs schedule the weekday of their clause (published Thursday 20 December 2018)
    "وتعتزم الحكومة عقد اجتماع الأحد لبحث الأمر",
    "وينوي الرئيس زيارة بغداد الأحد",
    "ومن المرجح أن يصل الوفد الأحد",
    "ويرتقب أن يصل الوفد الأحد",
    "ويتوقع أن يصل الوفد الأحد",
])
def test_weekday_after_an_intent_or_expectation_is_the_next_one(text):
    assert span(only(text, published="2018-12-20")) == ("2018-12-23", "2018-12-23")


def test_weekday_after_a_past_intent_is_the_last_one():
    assert span(only("وكان يعتزم زيارة بغداد الأحد", published="2018-12-20")) == ("2018-12-16", "2018-12-16")


def test_a_year_after_fi_fixes_the_year_of_its_paragraph():
    found = extract_milestones("وفي 2016، بدأت معركة الموصل في 17 أكتوبر، واستمرت حتى 10 يوليو 2017",
                               published="2018-03-20")
    assert [span(m) for m in found] == [("2016-01-01", "2016-12-31"), ("2016-10-17", "2016-10-17"),
                                        ("2017-07-10", "2017-07-10")]


def test_a_year_in_an_aside_does_not_fix_the_year():
    found = extract_milestones("وحكم صدام البلاد منذ عام 1979، وفي 17 أكتوبر أعلن الجيش تقدمه", published="2018-03-20")
    assert [span(m) for m in found] == [("1979-01-01", "1979-12-31"), ("2017-10-17", "2017-10-17")]


def test_a_present_tense_schedule_after_a_past_year_reads_against_publication():
    found = extract_milestones("وأعلن التحالف تشكيله في سبتمبر 2014، ويعقد وزراء التحالف اجتماعهم المقبل في 15 أبريل "
                               "في واشنطن", published="2018-03-20")
    assert [span(m) for m in found] == [("2014-09-01", "2014-09-30"), ("2018-04-15", "2018-04-15")]


def test_a_present_tense_timeline_entry_keeps_its_label_year():
    found = extract_milestones("2003: تبدأ الولايات المتحدة غزو العراق في 20 مارس", published="2018-03-20")
    assert [span(m) for m in found] == [("2003-01-01", "2003-12-31"), ("2003-03-20", "2003-03-20")]


# ---------------------------------------------------------------- the year (month) the text named last

@pytest.mark.parametrize("text, published, rows", [
    ("اندلعت الاحتجاجات في آذار/مارس 2011، ثم انشق ضباط عن الجيش في الخامس عشر من تموز/يوليو من العام نفسه",
     "2020-05-01", [("آذار/مارس 2011", "2011-03-01", "2011-03-31"),
                    ("الخامس عشر من تموز/يوليو من العام نفسه", "2011-07-15", "2011-07-15")]),
    ("سيطر المسلحون على البلدة عام 2016، ثم انسحبوا منها في 3 أيار من العام ذاته", "2020-05-01",
     [("عام 2016", "2016-01-01", "2016-12-31"), ("3 أيار من العام ذاته", "2016-05-03", "2016-05-03")]),
    ("بدأت المفاوضات مطلع 2019، وانتهت في 28 شباط/فبراير من السنة نفسها بلا اتفاق", "2021-06-01",
     [("مطلع 2019", "2019-01-01", "2019-01-01"), ("28 شباط/فبراير من السنة نفسها", "2019-02-28", "2019-02-28")]),
    ("وقع الاتفاق في أيلول 2012، وعلق العمل به في 10 تشرين الأول من نفس العام", "2021-06-01",
     [("أيلول 2012", "2012-09-01", "2012-09-30"), ("10 تشرين الأول من نفس العام", "2012-10-10", "2012-10-10")]),
    # the year named last, not the first one
    ("انسحبت القوات عام 2011 وعادت عام 2014، وسقطت الموصل في العاشر من حزيران من العام نفسه", "2020-05-01",
     [("عام 2011", "2011-01-01", "2011-12-31"), ("عام 2014", "2014-01-01", "2014-12-31"),
      ("العاشر من حزيران من العام نفسه", "2014-06-10", "2014-06-10")]),
])
def test_day_and_month_of_the_same_year_is_one_row_in_the_year_named_last(text, published, rows):
    found = extract_milestones(text, published=published)
    assert [(m.surface, *span(m)) for m in found] == rows


@pytest.mark.parametrize("text, rows", [
    ("بلغ عدد النازحين ذروته عام 2017. وفي 9 آب من العام نفسه عاد آلاف منهم إلى قراهم.",
     [("عام 2017", "2017-01-01", "2017-12-31"), ("9 آب من العام نفسه", "2017-08-09", "2017-08-09")]),
    ("انتخب البرلمان الجديد عام 2018. وتشكلت الحكومة في العام نفسه بعد مفاوضات طويلة.",
     [("عام 2018", "2018-01-01", "2018-12-31"), ("العام نفسه", "2018-01-01", "2018-12-31")]),
    ("وصل الوفد إلى بغداد في تشرين الثاني 2019. وفي الشهر نفسه استقال رئيس الوزراء.",
     [("تشرين الثاني 2019", "2019-11-01", "2019-11-30"), ("الشهر نفسه", "2019-11-01", "2019-11-30")]),
])
def test_the_same_year_refers_to_the_year_of_an_earlier_sentence_not_publication(text, rows):
    found = extract_milestones(text, published="2022-03-01")
    assert [(m.surface, *span(m)) for m in found] == rows


# ---------------------------------------------------------------- the tense of the verb that governs a date

@pytest.mark.parametrize("text, first", [
    ("قال الوزير إن القوات ستبقى في القاعدة، بعد أن كان قد أعلن في 3 آذار أنها ستغادر قريبا", "2020-03-03"),
    ("وأكد المتحدث أن الحكومة ستراجع القرار، وكانت قد أقرته في 20 تشرين الثاني بأغلبية كبيرة", "2020-11-20"),
    ("وقال إن الجيش سينسحب، وقد سبق أن أعلن في 15 كانون الأول أنه سيبقى", "2020-12-15"),
    ("وسيزور الرئيس أربيل بعد أن كان قد التقى نظيره الخميس في بغداد", "2021-02-04"),
    # a future verb between the pluperfect and the date governs the date: what was announced is to come
    ("وكان الوزير قد أعلن أن القوات ستغادر القاعدة في 3 آذار", "2021-03-03"),
    ("قال الوزير إن القوات ستغادر القاعدة في 3 آذار", "2021-03-03"),
])
def test_a_pluperfect_report_is_past_whatever_future_verbs_the_sentence_has(text, first):
    m = only(text, published="2021-02-10")
    assert span(m) == (first, first)


@pytest.mark.parametrize("text, first", [
    # a future verb that starts like a noun the table keeps out (سيطرح «will put», not سيطر «took control»)
    ("قال الرئيس التركي إنه سيطرح القضية على نظيره خلال لقائهما في 16 مايو", "2021-05-16"),
    ("وقال قائد العمليات إن الجيش سيطرد المسلحين من البلدة قبل 16 مايو", "2021-05-16"),
    # and the noun itself still reports the past
    ("وقال المتحدث إن التنظيم سيطر على البلدة في 16 مايو", "2020-05-16"),
])
def test_a_future_verb_that_looks_like_a_listed_noun_is_still_future(text, first):
    assert span(only(text, published="2021-02-10")) == (first, first)


@pytest.mark.parametrize("text, first", [
    # «فيما» (while) is no imperfect verb though it starts like one (ف + ي…): the verb after it gives the tense;
    # 2020-09-10 publication: a past report is of the January gone, a present one of the January to come
    ("ووصل الوفد إلى بغداد، فيما أعلن الجيش في 5 يناير انتهاء العملية.", "2020-01-05"),
    ("ووصل الوفد إلى بغداد، فيما يعقد المؤتمر في 5 يناير.", "2021-01-05"),
])
def test_a_clause_opened_by_fima_takes_the_tense_of_its_verb(text, first):
    assert span(only(text, published="2020-09-10")) == (first, first)


@pytest.mark.parametrize("text, first", [
    # a future verb whose stem after the prefix has two letters (a doubled or a و-initial root: تمّ، ظلّ، وصل)
    # schedules its clause like any other: 2021-02-10 is a Wednesday, the coming Saturday the 13th
    ("وقال المتحدث إنه سيتم توقيع الاتفاق السبت.", "2021-02-13"),
    ("وأضاف أن جثمان الجندي سيصل إلى الولايات المتحدة السبت.", "2021-02-13"),
    ("وأكد أن القوات ستظل في القاعدة حتى السبت.", "2021-02-13"),
    # a noun of the same letters (سيرة، سير) does not, nor a past plan («وكان سيتم»)
    ("وأعاد التلفزيون بث سيرة القائد السبت.", "2021-02-06"),
    ("وقال إنه كان سيتم الإعلان عن الاتفاق السبت.", "2021-02-06"),
])
def test_a_short_future_verb_makes_a_lone_weekday_the_coming_one(text, first):
    assert span(only(text, published="2021-02-10")) == (first, first)


@pytest.mark.parametrize("text, first", [
    # a transliterated name that starts like a future verb (س + ي/ت/ن): «سيرغي لافروف», «ستولتنبرغ» report no
    # schedule, so a yearless day in a past report stays before publication
    ("وأعلن وزيرا الخارجية جون كيري وسيرغي لافروف الهدنة في جنيف في التاسع من سبتمبر", "2020-09-09"),
    ("وقال الأمين العام للحلف ينس ستولتنبرغ في 16 مايو إن المهمة مستمرة", "2020-05-16"),
    ("وأعلنت القيادة المركزية الأمريكية (سنتكوم) في 16 مايو مقتل قيادي في التنظيم", "2020-05-16"),
])
def test_a_name_that_looks_like_a_future_verb_does_not_make_the_date_future(text, first):
    assert span(only(text, published="2021-02-10")) == (first, first)


@pytest.mark.parametrize("text, first", [
    # a word after a preposition is a noun: «قرب سيدكان» is a village, not «will …» (س + ي + three letters)
    ("وقال النائب إن طائرة مسيرة تركية قتلت ثلاثة مدنيين قرب سيدكان الأحد.", "2021-02-07"),
    ("وأكد المتحدث أن الاشتباكات في سيناء توقفت الأحد.", "2021-02-07"),
])
def test_a_word_after_a_preposition_is_no_future_verb(text, first):
    assert span(only(text, published="2021-02-10")) == (first, first)


@pytest.mark.parametrize("text, rows", [
    # a bare year after a budget or an election is that year (dev README: a bare year is a year), as after «في»
    ("وسيناقش مجلس الوزراء مشروع موازنة 2020 في جلسته المقبلة.", [("2020", "2020-01-01", "2020-12-31")]),
    ("وتستعد الأحزاب لانتخابات 2018 البرلمانية.", [("2018", "2018-01-01", "2018-12-31")]),
    # a bare number that is no year stays out
    ("وبلغت الموازنة نحو 2500 مليار دينار.", []),
])
def test_a_bare_year_after_a_budget_or_an_election_is_a_year(text, rows):
    found = extract_milestones(text, published="2019-06-20")
    assert [(m.surface, *span(m)) for m in found] == rows


@pytest.mark.parametrize("text, published, day", [
    # a session or meeting «held» in the imperfect (يعقد، تجتمع) is scheduled: the weekday is the coming one
    ("ويعقد مجلس الأمن الدولي جلسة طارئة لبحث القرار الجمعة، بطلب من ثماني دول.", "2017-12-07", "2017-12-08"),
    ("وتجتمع اللجنة الأربعاء لبحث الخطوة.", "2019-03-25", "2019-03-27"),
    ("ويلتقي الرئيس الفرنسي الخميس نظيره العراقي في باريس.", "2019-03-25", "2019-03-28"),
])
def test_a_meeting_held_in_the_imperfect_is_on_the_coming_weekday(text, published, day):
    assert span(only(text, published=published)) == (day, day)


@pytest.mark.parametrize("text, published, day", [
    # a deadline runs to a day ahead of its giving, whatever the tense (future_markers.csv ``deadline``)
    ("وأمهلت الحكومة المحتجين حتى الأحد لإخلاء الساحة.", "2017-09-27", "2017-10-01"),
    ("الداخلية تمهل الشركات الأمنية حتى الخميس لتسوية أوضاعها", "2017-09-27", "2017-09-28"),
    # without a deadline, a day until which something lasted in the past is behind
    ("واستمرت الاشتباكات حتى الأحد.", "2017-09-27", "2017-09-24"),
])
def test_the_day_a_deadline_runs_to_is_the_coming_one(text, published, day):
    assert span(only(text, published=published)) == (day, day)


@pytest.mark.parametrize("text, rows", [
    # «من العام التالي»: the year after the one the text named last, as «من العام نفسه» is that year
    ("وبدأت الغارات الأمريكية في سبتمبر 2014، فيما بدأت روسيا حملتها الجوية في سبتمبر من العام التالي.",
     [("سبتمبر 2014", "2014-09-01", "2014-09-30"), ("سبتمبر من العام التالي", "2015-09-01", "2015-09-30")]),
    ("وانتخب البرلمان عام 2005، ثم أجريت انتخابات جديدة في 7 مارس من السنة اللاحقة.",
     [("عام 2005", "2005-01-01", "2005-12-31"), ("7 مارس من السنة اللاحقة", "2006-03-07", "2006-03-07")]),
])
def test_the_following_year_is_the_year_after_the_one_named_before(text, rows):
    found = extract_milestones(text, published="2016-09-18")
    assert [(m.surface, *span(m)) for m in found] == rows


# ---------------------------------------------------------------- a weekday, then الموافق and its date

@pytest.mark.parametrize("text, published, rows", [
    ("وقع الطرفان الاتفاق، الخميس، الموافق 5 شعبان 1445 هـ، في بغداد", "2024-02-20",
     [("الخميس", "2024-02-15"), ("5 شعبان 1445 هـ", "2024-02-15")]),
    ("وأعلن الجيش، الأربعاء، الموافق 14 رمضان 1444 هـ، انتهاء العملية", "2023-04-10",
     [("الأربعاء", "2023-04-05"), ("14 رمضان 1444 هـ", "2023-04-05")]),
    ("وأعلن ترامب يوم الجمعة الموافق 21 ديسمبر 2018 استقالة وزير الدفاع", "2018-12-23",
     [("الجمعة", "2018-12-21"), ("21 ديسمبر 2018", "2018-12-21")]),
    ("وأعلن ترامب الجمعة الماضي، الموافق 21-12-2018، استقالة وزير الدفاع", "2018-12-23",
     [("الجمعة الماضي", "2018-12-21"), ("21-12-2018", "2018-12-21")]),
    # the weekday is the day its gloss names, not the last such weekday before publication
    ("وكان الرئيس قد وصل يوم الاثنين الموافق 12 ربيع الأول 1443 هـ", "2021-11-20",
     [("الاثنين", "2021-10-18"), ("12 ربيع الأول 1443 هـ", "2021-10-18")]),
])
def test_weekday_then_al_muwafiq_and_a_date_is_two_rows_of_that_date(text, published, rows):
    found = extract_milestones(text, published=published)
    assert [(m.surface, *span(m)) for m in found] == [(s, d, d) for s, d in rows]


# ---------------------------------------------------------------- a date the text named with its year, named again

@pytest.mark.parametrize("text, published, rows", [
    # a statement's deadline, repeated paragraphs later in a past-tense report: the deadline, not last year's day
    (("وحدد البيان المشترك موعد انتهاء المهمة القتالية في 31 كانون الأول/ديسمبر 2021.\n\n"
     "ونقلت وكالة عن مسؤول قوله إن ذلك لا يعني رحيل المستشارين في 31 كانون الأول/ديسمبر."), "2021-07-27",
     [("31 كانون الأول/ديسمبر 2021", "2021-12-31", "2021-12-31"), ("31 كانون الأول/ديسمبر", "2021-12-31", "2021-12-31")]),
    # another day of that month is no repeat: the tense decides, as before
    ("وحدد البيان موعد انتهاء المهمة في 31 كانون الأول/ديسمبر 2021.\n\nوقال المسؤول إن الاجتماع عقد في 30 كانون الأول/ديسمبر.",
     "2021-07-27",
     [("31 كانون الأول/ديسمبر 2021", "2021-12-31", "2021-12-31"), ("30 كانون الأول/ديسمبر", "2020-12-30", "2020-12-30")]),
    # a repeat with its own direction («الماضي») is read against the publication date
    ("وبدأت المحادثات في 12 آذار/مارس 2019.\n\nوقال الوزير إنه زار بغداد في 12 آذار/مارس الماضي.", "2021-05-01",
     [("12 آذار/مارس 2019", "2019-03-12", "2019-03-12"), ("12 آذار/مارس الماضي", "2021-03-12", "2021-03-12")]),
])
def test_a_yearless_date_that_repeats_a_date_named_with_its_year_takes_that_year(text, published, rows):
    found = extract_milestones(text, published=published)
    assert [(m.surface, *span(m)) for m in found] == rows


# ---------------------------------------------------------------- what is not a text

@pytest.mark.parametrize("value", [None, b"\xd9\x81\xd9\x8a 2024", 2024, float("nan")])
def test_a_value_that_is_not_a_text_is_a_type_error_naming_the_argument(value):
    """``extract_milestones(record.get("text"))`` on a record whose text is under another key gave [] for None, as if
    the article named no date; every other non-text already raised."""
    with pytest.raises(TypeError, match=r"text"):
        extract_milestones(value)


def test_a_yearless_date_with_its_weekday_takes_the_year_nearer_publication_where_that_weekday_falls():
    # published Saturday 6 March 2021: Monday 8 March is 2021 (2020-03-08 was a Sunday), though the sentence
    # opens in the past tense
    m = only("وأعلنت السلطات حظرا للتجول طوال أيام الزيارة التي تنتهي الاثنين 8 مارس.", "2021-03-06")
    assert span(m) == ("2021-03-08", "2021-03-08")
    # a weekday the text gets wrong does not move a date a year away from publication: the tense's year stands
    m = only("وسيلقي الرئيس خطابا الثلاثاء 25 أبريل أمام الطلاب.", "2018-04-24")
    assert span(m) == ("2018-04-25", "2018-04-25")


@pytest.mark.parametrize("text, rows", [
    # two dates out of order are two dates, not a range backwards, and neither is dropped
    ("وأجريت الانتخابات في 10 أكتوبر 2021 و12 مايو 2018.",
     [("10 أكتوبر 2021", "2021-10-10", "2021-10-10"), ("12 مايو 2018", "2018-05-12", "2018-05-12")]),
    ("وعقدت الجلستان في 16 و15 سبتمبر 2025.",
     [("16", "2025-09-16", "2025-09-16"), ("15 سبتمبر 2025", "2025-09-15", "2025-09-15")]),
    ("وجرت الجولتان في مايو 2025 ومارس 2024.",
     [("مايو 2025", "2025-05-01", "2025-05-31"), ("مارس 2024", "2024-03-01", "2024-03-31")]),
])
def test_dates_joined_out_of_order_are_each_kept(text, rows):
    found = extract_milestones(text, "2025-10-01")
    assert [(m.surface, str(m.start.date()), str(m.end.date())) for m in found] == rows


@pytest.mark.parametrize("text, surface", [
    ("قال المتحدث إن المرحلة الأولى تنتهي في 15 سبتمبر 2025 و29 فبراير 2026.", "15 سبتمبر 2025 و29 فبراير 2026"),
    ("وتستمر المهمة من 15 سبتمبر 2025 إلى 29 فبراير 2026.", "15 سبتمبر 2025 إلى 29 فبراير 2026"),
    ("وجرت المفاوضات في 15 و31 أبريل 2025.", "15 و31 أبريل 2025"),
])
def test_a_pair_of_dates_with_a_day_the_month_lacks_is_kept_unresolved_and_said(text, surface):
    # the README: a day no calendar has is an unresolved row with a warning, never a silent drop
    with pytest.warns(milestones.MilestoneWarning, match="has no day"):
        found = extract_milestones(text, "2025-10-01")
    assert [m.surface for m in found] == [surface]
    assert not found[0].resolved
