"""Write a synthetic Arabic news corpus for load benchmarks: ``python bench/make_corpus.py OUT --n 100000``.

Articles are built from the project's own templates and vocabulary below (invented wording): titles,
datelines, entity names with clitics, dates in many written forms, 200-1500 words. About 0.1% of
files are deliberately bad (empty, binary, windows-1256, exact duplicate) and about 2% are
scraped-page imitations (title repeated, trailing boilerplate). Files go into 100 subfolders with
one ``manifest.csv`` at the top. Output is identical for the same ``n`` and ``seed`` whatever the
number of processes: every article draws from its own ``random.Random(seed, index)``.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path

PEOPLE = ["محمد شياع السوداني", "جو بايدن", "لويد أوستن", "فؤاد حسين", "ينس ستولتنبرغ", "أنتوني بلينكن",
          "ثابت العباسي", "مسرور بارزاني", "عبد اللطيف رشيد", "محمد الحلبوسي"]
PLACES = ["العراق", "بغداد", "أربيل", "الموصل", "الأنبار", "سوريا", "واشنطن", "الكويت", "عين الأسد", "البصرة",
          "كركوك", "دمشق", "طهران", "أنقرة", "بروكسل"]
ORGS = ["التحالف الدولي", "حلف شمال الأطلسي", "وزارة الدفاع", "الحكومة العراقية", "قوات الأمن العراقية",
        "البرلمان", "مجلس الأمن", "الأمم المتحدة", "الهيئة العسكرية العليا", "قيادة العمليات المشتركة"]
CLITICS = ["و", "ب", "ل", "ف", "وب", "ول", "ك"]
MONTHS = {
    "gregorian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                  "نوفمبر", "ديسمبر"],
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                  "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "maghrebi": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
                 "نوفمبر", "ديسمبر"],
}
HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
                "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
VERBS = ["أعلن", "أكد", "قال", "أوضح", "أشار", "كشف", "نفى", "رحب"]
SENTENCES = [
    "{verb} {person} في تصريح صحفي أن {org} ستواصل عملها في {place} حتى {date}.",
    "وبحسب بيان مشترك صدر في {place}، تنتهي المرحلة الأولى من المهمة في موعد أقصاه {date}.",
    "وكان {org} قد {verb2} في {date} عن خطة لإعادة تموضع نحو {num} عسكري خارج {place}.",
    "ونقلت وكالة الأنباء عن مصدر مطلع أن الاجتماع المقبل سيعقد في {place} مطلع {month_year}.",
    "من جهته، {verb} {person} أن التعاون مع {org} سيبقى قائما بعد انتهاء المهمة القتالية.",
    "وأضاف أن اللجان الفنية راجعت ما أنجز منذ {date}، وناقشت آليات تسليم المواقع في {place}.",
    "وتشير تقديرات {org} إلى أن عدد المستشارين الأجانب في {place} يبلغ نحو {num} مستشار.",
    "وجاءت الخطوة بعد جولة من الحوار بين الجانبين استمرت {num_small} أيام في {place}.",
    "وقال مسؤول في {org} للصحفيين يوم {weekday} إن الجدول الزمني لم يتغير.",
    "وذكر البيان أن الانتقال إلى علاقة أمنية ثنائية سيكتمل بحلول نهاية {month_year}.",
    "وفي {place}، شهدت الأسواق حركة اعتيادية رغم الإجراءات الأمنية المشددة حول المقرات الرسمية.",
    "ويرى محللون أن {org} تسعى إلى تجنب فراغ أمني قد تستغله خلايا متطرفة في {place}.",
    "وأشار التقرير إلى تنفيذ {num_small} عمليات مشتركة ضد خلايا مسلحة خلال الأسابيع الماضية.",
    "وأعرب {person} عن تقديره لدور {org} في دعم الاستقرار، مؤكدا أهمية احترام السيادة الوطنية.",
    "وتعهدت الحكومة بحماية المستشارين {cplace} وتعزيز التنسيق {corg} خلال الفترة الانتقالية.",
    "وجرى اتصال هاتفي {cperson} تناول الأوضاع {cplace} ومستقبل الشراكة الأمنية.",
]
TITLES = [
    "{org} {verb3} جدولا زمنيا لإنهاء المهمة في {place}",
    "{person} يبحث مع {org} مستقبل الوجود العسكري في {place}",
    "مصادر: {org} ستغادر {place} قبل {month_year}",
    "{place}: اجتماع جديد للهيئة العسكرية العليا… وتقييم لمرحلة ما بعد التحالف",
    "تفاصيل الاتفاق بين {place} و{org} حول الانسحاب",
]
DATELINES = ["بغداد –", "واشنطن –", "أربيل –", "بروكسل –", ""]
BOILERPLATE = ["مقالات ذات صلة", "اقرأ أيضاً", "مواضيع ذات صلة"]
SOURCES = ["وكالة الأنباء", "صحيفة الصباح", "موقع الخبر", "قناة الإخبارية"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BAD_KINDS = ("empty", "binary", "cp1256", "duplicate")


def _name(rng: random.Random, names: list[str], clitic: bool = False) -> str:
    """A name, sometimes with an attached clitic (``clitic``): وبغداد، للعراق، بالتحالف."""
    name = rng.choice(names)
    if not clitic:
        return name
    clitic = rng.choice(CLITICS)
    if clitic.endswith("ل") and name.startswith("ال"):
        return clitic + name[1:]  # ل + ال → لل
    return clitic + name


def _date(rng: random.Random, day: date) -> str:
    style = rng.randrange(9)
    if style == 0:
        return f"{day.day}/{day.month}/{day.year}"
    if style == 1:
        return day.isoformat()
    if style == 2:
        return f"{day.day} {MONTHS['gregorian'][day.month - 1]} {day.year}".translate(ARABIC_INDIC)
    if style == 3:
        return f"{rng.randint(1, 28)} {rng.choice(HIJRI_MONTHS)} {rng.randint(1440, 1447)} هـ"
    if style == 4:
        return f"{WEEKDAYS[day.weekday() - 6]} {day.day} {MONTHS['levantine'][day.month - 1]} {day.year}"
    if style == 5:
        g, lev = MONTHS["gregorian"][day.month - 1], MONTHS["levantine"][day.month - 1]
        return f"{g}/{lev} {day.year}"
    month = rng.choice(list(MONTHS.values()))[day.month - 1]
    if style == 6 and "ل" in month:
        month = month.replace("ل", "لـ", 1)  # tatweel inside a month name
    return f"{day.day} {month} {day.year}"


def _fill(rng: random.Random, template: str, day: date) -> str:
    month_year = f"{rng.choice(list(MONTHS.values()))[day.month - 1]} {day.year}"
    return template.format(
        person=_name(rng, PEOPLE), place=_name(rng, PLACES), org=_name(rng, ORGS), date=_date(rng, day),
        cperson=_name(rng, PEOPLE, True), cplace=_name(rng, PLACES, True), corg=_name(rng, ORGS, True),
        verb=rng.choice(VERBS), verb2="كشف", verb3="تعلن", num=rng.randint(150, 5000),
        num_small=rng.randint(2, 12), weekday=rng.choice(WEEKDAYS), month_year=month_year,
    )


MAX_WORDS = 1500


def article(seed: int, index: int, max_words: int = MAX_WORDS) -> tuple[str, str]:
    """``(text, published)`` of article ``index``: the same for the same seed, always."""
    rng = random.Random(seed * 1_000_003 + index)
    published = date(2014, 1, 1) + timedelta(days=rng.randrange(4000))
    n_words = 200 + int((max_words - 200) * rng.random() ** 4)  # skewed short: ~5 KB a file on average
    title = _fill(rng, rng.choice(TITLES), published)
    paragraphs, words = [], 0
    while words < n_words:
        sentences = [_fill(rng, rng.choice(SENTENCES), published + timedelta(days=rng.randint(-400, 400)))
                     for _ in range(rng.randint(2, 4))]
        paragraph = " ".join(sentences)
        words += paragraph.count(" ") + 1
        paragraphs.append(paragraph)
    dateline = rng.choice(DATELINES)
    if dateline:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    if rng.random() < 0.02:  # scraped-page imitation
        paragraphs = [title.replace("…", "..."), *paragraphs, rng.choice(BOILERPLATE)]
    published_text = "" if rng.random() < 0.02 else published.isoformat()
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n", published_text


def _bad_kind(seed: int, index: int) -> str | None:
    rng = random.Random(f"bad-{seed}-{index}")
    if index == 0 or rng.random() >= 0.001:
        return None
    return rng.choice(BAD_KINDS)


def _copied_from(seed: int, index: int, duplicates: float) -> int:
    """The earlier article that file ``index`` repeats (a wire story run again), or ``index`` itself."""
    if not duplicates or index == 0:
        return index
    rng = random.Random(f"copy-{seed}-{index}")
    return rng.randrange(index) if rng.random() < duplicates else index


def _file_bytes(seed: int, index: int, max_words: int = MAX_WORDS, duplicates: float = 0.0) -> tuple[bytes, str]:
    kind = _bad_kind(seed, index)
    source = _copied_from(seed, index - 1 if kind == "duplicate" else index, duplicates)
    text, published = article(seed, source, max_words)
    if kind == "empty":
        return b"", published
    if kind == "binary":
        return random.Random(index).randbytes(4096).replace(b"\x01", b"\x00"), published
    if kind == "cp1256":
        return text.encode("cp1256", errors="replace"), published
    return text.encode("utf-8"), published


def _write_range(job: tuple[str, int, int, int, int, float]) -> list[tuple[str, str, str, str]]:
    out, seed, start, stop, max_words, duplicates = job
    rows = []
    for index in range(start, stop):
        article_id = f"{index:06d}"
        data, published = _file_bytes(seed, index, max_words, duplicates)
        folder = Path(out) / f"{index % 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{article_id}.txt").write_bytes(data)
        source = SOURCES[index % len(SOURCES)]
        rows.append((article_id, published, source, f"https://example.org/news/{article_id}"))
    return rows


def generate(out_dir: str | Path, n: int, seed: int = 0, processes: int | None = None, *,
             max_words: int = MAX_WORDS, duplicates: float = 0.0) -> Path:
    """Write ``n`` articles and ``manifest.csv`` under ``out_dir``; returns the folder.

    ``max_words`` caps an article's length (200: short articles of ~2.4 KB); ``duplicates`` is the share
    of files that repeat an earlier article's text (each still has its own file and manifest row).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    step = 1000
    jobs = [(str(out), seed, start, min(start + step, n), max_words, duplicates) for start in range(0, n, step)]
    # Manifest rows are written as each range finishes (imap keeps the order), so 1,000,000
    # articles never sit in memory at once.
    with Pool(processes) as pool, open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "published", "source", "url"])
        for rows in pool.imap(_write_range, jobs):
            writer.writerows(rows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-words", type=int, default=MAX_WORDS, help="longest article, in words (min 200)")
    parser.add_argument("--duplicates", type=float, default=0.0, help="share of files repeating an earlier article")
    args = parser.parse_args()
    started = time.perf_counter()
    out = generate(args.out, args.n, args.seed, max_words=max(args.max_words, 200), duplicates=args.duplicates)
    size = sum(p.stat().st_size for p in out.rglob("*.txt"))
    print(f"{args.n} articles, {size / 1e6:.0f} MB in {out} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
