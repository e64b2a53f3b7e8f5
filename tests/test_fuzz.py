"""Fuzz targets: each extractor and the loader on hostile, Arabic-heavy input (issue 16).

One target per component, each a hypothesis property that must hold for every input:

- ``milestones``: no exception for any text and any publication date 0001-01-01..9999-12-31 (a
  warning is fine); every row's offsets give its surface back; resolved rows have start <= end,
  unresolved rows no dates; the compiled head scan and the regex scan, and the fast path and the
  reference grammar (``GRAMMAR`` tried at every position), give the same rows;
- ``entities``: every mention's surface is the text at its offsets, of a gazetteer entity;
- ``claims``: one claim per milestone span, with values from the claim vocabulary;
- ``normalize``: the compiled fold equals the Python one, and the offset map stays inside the text;
- ``loader``: any bytes written as a ``.txt``/``.json``/``.jsonl``/``.csv`` file (with a manifest of
  random dates) load into articles and/or load-report rows, never an exception, and the corpus
  tables built on them (milestones, entities) do not raise either.

Texts mix Arabic letters, diacritics, tatweel, three digit scripts, the words of ``data/calendar`` and
the gazetteer (with clitics glued on), punctuation, bidi controls, presentation forms and any character.

Bounded: in CI (``HYPOTHESIS_PROFILE=ci``) each target draws a modest fixed number of examples. Under
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) each target runs batches of fresh examples until its share of
``FUZZ_MINUTES`` (default 20) is spent, then prints how many examples it ran.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import time
import warnings
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.claim_tables import EVENTS
from helpers.claims import extract_claims
from helpers.corpus import load_corpus, read_file
from helpers.entities import entities_table, extract_entities
from helpers.milestones import extract as milestones_extract
from helpers.milestones import extract_milestones, milestones_table
from helpers.milestones import grammar as milestones_grammar
from helpers.milestones import scan as milestones_scan
from helpers.normalize import normalize, normalize_with_map, normalize_with_map_in_python
from helpers.paths import DATA

# ---------------------------------------------------------------- budget

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
TARGETS = ("milestones", "entities", "claims", "normalize", "loader")
# Seconds each target may run under the fuzz profile: an equal share of FUZZ_MINUTES.
BUDGET = float(os.environ.get("FUZZ_MINUTES", "20")) * 60 / len(TARGETS)
# Examples drawn per target in CI (and any non-fuzz run): about 1-2 minutes for the whole file.
CI_EXAMPLES = {"milestones": 150, "entities": 200, "claims": 80, "normalize": 300, "loader": 60}
TOTALS: dict[str, int] = {}
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
_PROPERTIES: dict[str, tuple] = {}


def fuzz_target(name: str, *strategies):
    """Register ``prop`` as the property of target ``name``, drawn from ``strategies`` (see ``_run``)."""
    def register(prop):
        _PROPERTIES[name] = (prop, strategies)
        return prop
    return register


def _count(target: str) -> None:
    TOTALS[target] = TOTALS.get(target, 0) + 1


def _batch(target: str, examples: int):
    """The target's property as a hypothesis test of ``examples`` examples (other settings: the profile's)."""
    prop, strategies = _PROPERTIES[target]
    return settings(max_examples=examples, deadline=None, suppress_health_check=_QUIET)(given(*strategies)(prop))


def _run(target: str) -> None:
    """Run a target: once with its CI count, or (fuzzing) in batches of fresh examples until its budget is
    spent, each batch sized from the time an example took so far so that the last one ends near the budget."""
    started = time.monotonic()
    deadline = started + BUDGET
    batches = 0
    try:
        if not FUZZING:
            _batch(target, CI_EXAMPLES[target])()
            batches = 1
            return
        cap = settings.default.max_examples
        examples = 20
        while True:
            _batch(target, examples)()
            batches += 1
            now = time.monotonic()
            per_example = (now - started) / max(TOTALS.get(target, 0), 1)
            if deadline - now < 2 * per_example:
                break
            examples = int(max(5, min(cap, 0.8 * (deadline - now) / per_example)))
    finally:
        print(f"\nfuzz {target}: {TOTALS.get(target, 0)} examples in {batches} batches, "
              f"{time.monotonic() - started:.0f} s; known defects set aside so far: {SET_ASIDE or 'none'}")


# ---------------------------------------------------------------- alphabets and texts


def _column_words(path: Path) -> list[str]:
    """The words of a vocabulary table: its first column, and the |-separated lists of the others."""
    words = []
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            values = list(row.values())
            words.append(values[0])
            for value in values[1:]:
                if value and any("\u0600" <= c <= "\u06ff" for c in value):
                    words += value.split("|")
    return [w for w in words if w]


def _gazetteer_words() -> list[str]:
    words = []
    with open(DATA / "gazetteer.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words.append(row["name_ar"])
            words += [w for w in (row["aliases"] + "|" + row["nisba"]).split("|") if w]
    return words


def _gazetteer_ids() -> set[str]:
    with open(DATA / "gazetteer.csv", encoding="utf-8") as handle:
        return {row["entity_id"] for row in csv.DictReader(handle)}


CALENDAR_WORDS = sorted({w for path in sorted((DATA / "calendar").glob("*.csv")) for w in _column_words(path)})
GAZETTEER_WORDS = sorted(set(_gazetteer_words()))
GAZETTEER_IDS = _gazetteer_ids()
EXTRA_WORDS = ["هـ", "ه", "م", "عام", "سنة", "العام", "في", "من", "إلى", "حتى", "بين", "و", "قال", "أعلن",
               "انسحاب", "القوات", "التحالف", "الأميركية", "مهمة", "نهاية", "كانون2", "ك2", "ت1", "المقبل"]

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + ["\u067e", "\u0686", "\u06a4", "\u06af", "\u06cc", "\u06a9"]
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0654", "\u0655"]
TATWEEL = "\u0640"
DIGIT_SCRIPTS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
PUNCTUATION = list("،؛؟.,:;!?-–—/()[]«»\"'…%*#=+@") + ["...", "؟!", " - "]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\r\n", "\r", "\u2028", "\u200c",
              "\u200d", "", "", ", ", "، ", ". ", "-", "/"]
BIDI = ["\u200e", "\u200f", "\u061c", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\ufeff"]
CLITICS = ["", "", "", "و", "ف", "ب", "ل", "ال", "وب", "فب", "وال", "بال", "لل", "ك"]

presentation_forms = st.one_of(st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
                               st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF))
any_character = st.characters(blacklist_categories=["Cs"])


@st.composite
def numbers(draw) -> str:
    """A number in one of the three digit scripts, mostly year-, day- or month-sized."""
    value = draw(st.one_of(st.integers(0, 31), st.integers(1, 12), st.integers(1, 9999), st.integers(0, 10**7)))
    script = draw(st.sampled_from(DIGIT_SCRIPTS))
    text = "".join(script[int(d)] for d in str(value))
    if draw(st.integers(0, 5)) == 0:
        text = "0" * draw(st.integers(1, 2)) + text
    if draw(st.integers(0, 5)) == 0:  # a preposition or conjunction glued on (ب15، وال8)
        text = draw(st.sampled_from(CLITICS + ["بـ", "لـ"])) + text
    return text


@st.composite
def decorated(draw, words: list[str]) -> str:
    """A vocabulary word with a clitic glued on, sometimes with a diacritic or tatweel inside."""
    word = draw(st.sampled_from(CLITICS)) + draw(st.sampled_from(words))
    for _ in range(draw(st.integers(0, 2))):
        mark = draw(st.sampled_from([*DIACRITICS, TATWEEL]))
        at = draw(st.integers(1, len(word)))
        word = word[:at] + mark + word[at:]
    return word


def _calendar(name: str) -> list[str]:
    """The words of one table of data/calendar (its first column)."""
    with open(DATA / "calendar" / f"{name}.csv", encoding="utf-8") as handle:
        return [row[0] for row in list(csv.reader(handle))[1:] if row and row[0]]


# The parts of a date phrase in the order the grammar reads them; each is left out at random.
DATE_SLOTS = [
    _calendar("future_markers"), _calendar("triggers"), _calendar("fillers"), _calendar("parts"),
    _calendar("weekdays"), _calendar("day_ordinals") + ["من"], ["و", "-", "–", "إلى", "حتى", "أو", "و ", "من", "بين"],
    _calendar("months"), ["عام", "العام", "سنة", "عامي", "من", "و"], ["هـ", "م", "هجري", "هجرية", "ميلادي", "للميلاد"],
    _calendar("directions"), _calendar("relative_days"), _calendar("periods"), _calendar("numbers"), _calendar("units"),
]
NUMBER_SLOTS = {5, 6, 8}  # slots after which a number often follows (a day, the day after a connector, a year)


@st.composite
def date_phrases(draw) -> str:
    """Words of the calendar tables in the grammar's order, with numbers, glued or spaced at random."""
    words = []
    for i, slot in enumerate(DATE_SLOTS):
        if draw(st.integers(0, 9)) < 3:
            words.append(draw(st.sampled_from(slot)))
        if i in NUMBER_SLOTS and draw(st.integers(0, 9)) < 5:
            words.append(draw(numbers()))
    glue = st.sampled_from([" ", " ", " ", " ", "", "ـ", "  ", "\u00a0", "\n", "، "])
    text = draw(st.sampled_from(CLITICS))
    for word in words:
        text += word + draw(glue)
    return text


arabic_words = st.text(st.sampled_from(ARABIC_LETTERS + DIACRITICS + [TATWEEL]), min_size=1, max_size=8)
numeric_dates = st.builds(lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}", numbers(), numbers(), numbers(),
                          st.sampled_from(["/", "-", ".", " / "]))
tokens = st.one_of(
    date_phrases(), date_phrases(), date_phrases(),
    decorated(CALENDAR_WORDS), decorated(CALENDAR_WORDS), decorated(GAZETTEER_WORDS), decorated(EXTRA_WORDS),
    numbers(), numbers(), numeric_dates, arabic_words,
    st.sampled_from(PUNCTUATION), st.sampled_from(BIDI), presentation_forms,
    st.text(presentation_forms, min_size=2, max_size=6), any_character,
)
# Short texts in CI; when fuzzing, sometimes a longer article.
MAX_TOKENS = 80 if FUZZING else 40


@st.composite
def arabic_texts(draw, max_tokens: int = MAX_TOKENS) -> str:
    parts = draw(st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=max_tokens))
    return draw(st.sampled_from(["", " ", "\n", "\u200f"])) + "".join(t + s for t, s in parts)


EDGE_DATES = [dt.date.min, dt.date.max, dt.date(9999, 12, 1), dt.date(9999, 6, 1), dt.date(2100, 1, 1),
              dt.date(2077, 11, 16), dt.date(1677, 9, 21), dt.date(2262, 4, 11), dt.date(1, 12, 31),
              dt.date(622, 7, 16), dt.date(1900, 2, 28), dt.date(2000, 2, 29), dt.date(2024, 9, 28)]
dates = st.one_of(st.dates(), st.sampled_from(EDGE_DATES))
# A publication date: a date object 0001-01-01..9999-12-31, its ISO string, a datetime, or none.
published_dates = st.one_of(st.none(), dates, dates.map(dt.date.isoformat),
                            dates.map(lambda d: dt.datetime(d.year, d.month, d.day, 23, 59)))


# ---------------------------------------------------------------- known defects, set aside while they last

# A fuzz run stops a target at its first failure, so a known defect met every few hundred examples would
# end the run in seconds. Each defect below has a regression test at the end of this file (a strict xfail while open);
# while its example still fails, inputs of its kind skip the check it breaks (counted in the totals), so the
# run goes on looking for new ones. Once it is fixed the example passes and nothing is set aside any more.
def _still_fails(check) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            check()
    except Exception:  # noqa: BLE001 - any failure of the example means the defect is still there
        return True
    return False


def _fast_path_example() -> None:
    assert [m.form for m in extract_milestones("ب15 أيلول 2024")] == ["full_date"]


_B_BEFORE_NUMBER = re.compile(r"(?<!\w)[وف]?ب(?:ال)?\d")

KNOWN = {
    # the fast path has no head at ب (بال) glued to a number: «ب15 أيلول 2024» gives the month
    "fast path: ب+number": (_still_fails(_fast_path_example),
                            lambda text: _B_BEFORE_NUMBER.search(normalize(text)) is not None),
    # a word ending in a digit int() cannot read (¹, ①) stops the entity matcher (and claims, the tables)
    "entities: non-decimal digit": (_still_fails(lambda: extract_entities("¹")),
                                    lambda text: any(c.isdigit() and not c.isdecimal() for c in text)),
}
SET_ASIDE: dict[str, int] = {}


def _known(name: str, text: str) -> bool:
    """True (and counted) when ``text`` is of a known defect's kind and the defect is still there."""
    active, of_its_kind = KNOWN[name]
    if active and of_its_kind(text):
        SET_ASIDE[name] = SET_ASIDE.get(name, 0) + 1
        return True
    return False


# ---------------------------------------------------------------- milestones


def _row(m) -> tuple:
    """A milestone as a comparable tuple (NaT != NaT, so dates as ISO strings or None)."""
    def day(ts):
        return None if pd.isna(ts) else ts.isoformat()
    return (m.surface, day(m.start), day(m.end), m.precision, m.kind, m.form, m.trigger, m.char_start,
            m.char_end, m.resolved)


def _extract(text: str, published) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a milestone beyond the calendars warns, and that is fine
        return [_row(m) for m in extract_milestones(text, published)]


def _reference_matches(text: str):
    """The reference grammar: ``GRAMMAR`` tried at every position, each match read by its form's own
    pattern (what the resolvers take), which must cover the same span."""
    for match in milestones_grammar.GRAMMAR.finditer(text):
        own = milestones_grammar.form_grammar(match.lastgroup).match(text, match.start())
        assert own is not None and own.span() == match.span(), (match.span(), match.lastgroup)
        yield own


def check_milestone_rows(text: str, published, rows: list[tuple]) -> None:
    """What every milestone row must satisfy, whatever the text."""
    for surface, start, end, _precision, _kind, _form, _trigger, char_start, char_end, resolved in rows:
        assert 0 <= char_start < char_end <= len(text), (surface, char_start, char_end)
        assert text[char_start:char_end] == surface
        if resolved:
            assert start is not None and end is not None and start <= end, (surface, start, end)
        else:
            assert start is None and end is None, (surface, start, end)
    starts = [row[7] for row in rows]
    assert starts == sorted(starts), "rows not in text order"


def check_same_rows_on_every_path(text: str, published, rows: list[tuple]) -> None:
    """The compiled head scan, the regex scan and the reference grammar give the same rows."""
    with mock.patch.object(milestones_scan, "_HEAD_SCANNER", None):
        assert _extract(text, published) == rows, "regex head scan differs from the compiled scan"
    with mock.patch.object(milestones_extract, "grammar_matches", _reference_matches):
        reference = _extract(text, published)
    assert reference == rows, "fast path differs from the reference grammar"


@fuzz_target("milestones", arabic_texts(), published_dates)
def fuzz_milestones(text, published):
    _count("milestones")
    rows = _extract(text, published)
    check_milestone_rows(text, published, rows)
    if not _known("fast path: ب+number", text):
        check_same_rows_on_every_path(text, published, rows)


def test_fuzz_milestones():
    _run("milestones")


# ---------------------------------------------------------------- entities

@fuzz_target("entities", arabic_texts())
def fuzz_entities(text):
    _count("entities")
    if _known("entities: non-decimal digit", text):
        return
    for m in extract_entities(text):
        assert 0 <= m.char_start < m.char_end <= len(text), m
        assert text[m.char_start:m.char_end] == m.surface, m
        assert m.entity_id in GAZETTEER_IDS, m


def test_fuzz_entities():
    _run("entities")


# ---------------------------------------------------------------- claims

CLAIMANTS = GAZETTEER_IDS | {"media", "unnamed"}


@st.composite
def articles_with_spans(draw):
    """An article (title, blank line, paragraphs), its milestone spans, and sometimes any spans inside it."""
    title = draw(arabic_texts(max_tokens=8)).replace("\n", " ")
    paragraphs = draw(st.lists(arabic_texts(max_tokens=MAX_TOKENS // 2), min_size=1, max_size=4))
    text = title + "\n\n" + "\n\n".join(paragraphs)
    published = draw(published_dates)
    spans = [(row[7], row[8]) for row in _extract(text, published)]
    if text and draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, len(text) - 1))
            spans.append((start, draw(st.integers(start + 1, len(text)))))
    return text, spans


@fuzz_target("claims", articles_with_spans())
def fuzz_claims(article):
    _count("claims")
    text, spans = article
    if _known("entities: non-decimal digit", text):
        return
    claims = extract_claims(text, spans)
    assert len(claims) == len(spans)
    for claim in claims:
        assert claim.event in EVENTS, claim
        assert isinstance(claim.negated, bool), claim
        for value in (claim.place, claim.actor):
            assert value == "" or value in GAZETTEER_IDS, claim
        assert claim.claimant == "" or set(claim.claimant.split("+")) <= CLAIMANTS, claim


def test_fuzz_claims():
    _run("claims")


# ---------------------------------------------------------------- normaliser


@fuzz_target("normalize", st.one_of(arabic_texts(), st.text(any_character, max_size=60)),
             st.lists(st.tuples(st.integers(0, 10**4), st.integers(0, 10**4)), max_size=4))
def fuzz_normalize(text, spans):
    _count("normalize")
    norm = normalize_with_map(text)
    assert norm == normalize_with_map_in_python(text)
    assert norm.text == normalize(text)
    origins = [norm.origin(i) for i in range(len(norm.text) + 1)]
    assert origins == sorted(origins) and all(0 <= o <= len(text) for o in origins)
    for a, b in spans:  # any span of the normalised text
        start, end = sorted((a % (len(norm.text) + 1), b % (len(norm.text) + 1)))
        ostart, oend = norm.span(start, end)
        assert 0 <= ostart <= oend <= len(text), (start, end, ostart, oend)


def test_fuzz_normalize():
    _run("normalize")


# ---------------------------------------------------------------- loader

SUFFIXES = [".txt", ".json", ".jsonl", ".csv"]
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "windows-1256", "iso-8859-6"]
# A publication date as a record or manifest row may hold it: ISO dates of years 1-9999, and worse.
published_values = st.one_of(
    st.none(), dates.map(dt.date.isoformat), dates.map(lambda d: f"{d.isoformat()}T10:00:00Z"),
    st.sampled_from(["", "9999-12-31", "0001-01-01", "2024-13-01", "28/09/2024", "yesterday", "NaN", "٢٠٢٤-٠٩-٢٨"]),
    st.integers(-10**6, 10**12), arabic_texts(max_tokens=3),
)
json_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), arabic_texts(max_tokens=6),
                        st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                             max_size=2))


@st.composite
def records(draw) -> dict:
    record = {}
    for field in draw(st.lists(st.sampled_from(["title", "text", "body", "published", "source", "url", "id"]),
                               unique=True, max_size=7)):
        if field == "published":
            record[field] = draw(published_values)
        elif field in ("title", "text", "body"):
            record[field] = draw(st.one_of(arabic_texts(), arabic_texts(), json_values))
        else:
            record[field] = draw(st.one_of(arabic_texts(max_tokens=4), json_values))
    return record


def _csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    fields = sorted({k for row in rows for k in row}) or ["text"]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: v if isinstance(v, str) else json.dumps(v) for k, v in row.items()})
    return out.getvalue()


@st.composite
def file_texts(draw, suffix: str) -> str:
    """A well-formed-looking file of its format (which the mutations below may break)."""
    if suffix == ".txt":
        return draw(arabic_texts(max_tokens=8)) + "\n\n" + draw(arabic_texts())
    rows = draw(st.lists(records(), max_size=4))
    if suffix == ".jsonl":
        lines = [json.dumps(r, ensure_ascii=draw(st.booleans())) for r in rows]
        lines += draw(st.lists(arabic_texts(max_tokens=4), max_size=1))
        return "\n".join(lines)
    if suffix == ".json":
        return json.dumps(draw(st.sampled_from([rows, rows[0] if rows else {}, {"articles": rows}])),
                          ensure_ascii=draw(st.booleans()))
    return _csv_text(rows)


@st.composite
def file_bytes(draw, suffix: str) -> bytes:
    """Bytes of a file: random, or a text of the format in some encoding, line ends and damage."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=400))
    text = draw(file_texts(suffix))
    text = text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r", "\u2028", "\x85"])))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.integers(0, 2))
        if kind == 0:
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
        elif kind == 1:
            data = data[:at]
        else:
            data = data[:at] + data[at + draw(st.integers(1, 4)):]
    return data


@st.composite
def corpus_folders(draw) -> dict[str, bytes]:
    """File name -> bytes: one to three input files and sometimes a manifest of random dates."""
    files = {}
    for i in range(draw(st.integers(1, 3))):
        suffix = draw(st.sampled_from(SUFFIXES))
        files[f"doc{i}{suffix}"] = draw(file_bytes(suffix))
    if draw(st.booleans()):
        lines = ["article_id,published,source,url"]
        for name in files:
            published = draw(published_values)
            lines.append(f"{Path(name).stem},{'' if published is None else published},src,http://x")
        files["manifest.csv"] = "\n".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))
    return files


def check_corpus(folder: Path, corpus) -> None:
    report, articles, paragraphs = corpus.report, corpus.articles, corpus.paragraphs
    inputs = {str(folder / name) for name in os.listdir(folder) if name != "manifest.csv"}
    assert inputs <= set(report["path"].astype(str)), "an input file has no load-report row"
    assert set(report["status"]) <= {"ok", "warning", "error"}
    loaded = report.loc[report["status"] != "error", "article_id"].dropna().astype(str)
    assert set(articles["article_id"].astype(str)) <= set(loaded), "an article has no report row"
    texts = dict(zip(articles["article_id"], articles["text"]))
    for article_id, text, start, end in paragraphs[["article_id", "text", "char_start", "char_end"]].itertuples(
            index=False):
        assert texts[article_id][start:end] == text


@fuzz_target("loader", corpus_folders())
def fuzz_loader(files):
    _count("loader")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        for name in files:
            if name != "manifest.csv":
                assert isinstance(read_file(folder / name), list)
        corpus = load_corpus(folder)
        check_corpus(folder, corpus)
        # the tables the suite builds on a corpus take any publication date the loader let through
        if _known("entities: non-decimal digit", "".join(corpus.articles["text"])):
            return
        table = milestones_table(corpus)
        assert ((table["char_start"] >= 0) & (table["char_start"] < table["char_end"])).all()
        entities_table(corpus)


def test_fuzz_loader():
    _run("loader")


# ---------------------------------------------------------------- what fuzzing found, as plain inputs


@pytest.mark.parametrize("text, published", [
    ("رمضان المقبل", dt.date(2100, 1, 1)),
    ("غدا", dt.date(9999, 12, 31)),
    ("العام المقبل", dt.date(9999, 6, 1)),
    ("15 مارس", dt.date(9999, 12, 31)),
    ("أمس", dt.date(1, 1, 1)),
])
def test_publication_dates_beyond_the_calendars_give_rows_not_exceptions(text, published):
    rows = _extract(text, published)
    check_milestone_rows(text, published, rows)
    check_same_rows_on_every_path(text, published, rows)


@pytest.mark.parametrize("text, published", [("في كانون2 2025", None), ("تشرين1 2024", None),
                                             ("في 21 كانون2", "2024-09-28")])
def test_a_month_with_its_number_glued_on_is_read_by_the_fast_path(text, published):
    rows = _extract(text, published)
    assert [row[0] for row in rows] == [text.removeprefix("في ")]
    check_same_rows_on_every_path(text, published, rows)


@pytest.mark.parametrize("text", ["ب15 أيلول 2024", "وب15 أيلول 2024", "بـ15 أيلول 2024", "بال8 شباط 2024",
                                  "وصلوا ب6 ايار", "ب21 كانون 2"])
def test_the_fast_path_gives_the_rows_of_the_reference_grammar(text):
    rows = _extract(text, None)
    check_same_rows_on_every_path(text, None, rows)


def test_a_day_after_a_glued_preposition_is_the_day():
    # «ب15 أيلول 2024» is 15 September 2024, not the month of September
    (row,) = _extract("ب15 أيلول 2024", None)
    assert row[:4] == ("15 أيلول 2024", "2024-09-15T00:00:00", "2024-09-15T00:00:00", "day")


@pytest.mark.parametrize("text, hijri", [("في عام 1500 هـ", 1500), ("سنة 1400 هـ", 1400), ("في عام 1500 هجرية", 1500),
                                         ("في عام 1342 هـ", 1342)])
def test_a_year_marked_hijri_is_never_a_gregorian_year(text, hijri):
    # a Hijri year H begins in Gregorian year about 0.97 H + 621.6 (1445 هـ: July 2023); beyond what the
    # calendars convert it is kept, unresolved (with a warning), never dropped or read as year H
    rows = _extract(text, None)
    assert len(rows) == 1
    surface, start, *_, resolved = rows[0]
    assert surface.endswith(text.split()[-1])  # the marker is part of the date
    if resolved:
        assert abs(int(start[:4]) - (0.970229 * hijri + 621.5643)) <= 1, start


# Found by fuzzing: a word ending in a digit that int() cannot read (superscript ¹, circled ①) stopped the
# entity matcher (isdigit() where isdecimal() was meant), and claims through it.
@pytest.mark.parametrize("text", ["¹", "²٠٢٤", "قال ① إن"])
def test_digits_int_cannot_read_do_not_stop_entities(text):
    assert extract_entities(text) == []


def test_digits_int_cannot_read_do_not_stop_claims():
    text = "عنوان\n\n¹ انسحبت القوات الأميركية من العراق في 2024"
    start = text.index("2024")
    (claim,) = extract_claims(text, [(start, start + 4)])
    assert claim.event in EVENTS
