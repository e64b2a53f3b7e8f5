"""Hostile inputs to the commands that the suite already handles: nothing lost, nothing hidden.

Manifests that list an article twice or write its date in Arabic-Indic digits, a gold folder saved by Excel
(byte-order mark, CRLF), JSON lines that are not records, a second run into a folder reached through a link,
two runs sharing one cache. The texts are our own sentences.
"""

import datetime as dt
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main
from helpers.corpus import load_corpus
from helpers.evaluate import evaluate
from helpers.paths import DATA, DATA_DIR_ENV

ARTICLE = ("انسحاب القوات من القاعدة\n\n"
           "أعلنت الحكومة العراقية أن القوات الأمريكية ستغادر بغداد بحلول نهاية أيلول 2026.\n\n"
           "وقال متحدث باسم التحالف الدولي إن المرحلة الثانية تنتهي في كانون الثاني 2027.\n")


def one_article(folder: Path, manifest: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def test_a_manifest_listing_an_article_twice_keeps_the_first_date_and_names_the_second_line(tmp_path):
    corpus = one_article(tmp_path / "c", "article_id,published,source,url\nt1,2025-03-02,أ,\nt1,2024-01-05,ب,\n")
    loaded = load_corpus(corpus)
    article = loaded.articles.iloc[0]
    assert str(article["published"])[:10] == "2025-03-02" and article["source"] == "أ"
    rows = loaded.report[loaded.report["path"].str.endswith("manifest.csv") & (loaded.report["status"] == "warning")]
    assert len(rows) == 1 and rows.iloc[0]["line"] == 3 and "t1" in rows.iloc[0]["reason"]


def test_a_publication_date_in_arabic_indic_digits_is_the_same_date(tmp_path):
    western = load_corpus(one_article(tmp_path / "w", "article_id,published\nt1,2025-03-02\n"))
    eastern = load_corpus(one_article(tmp_path / "e", "article_id,published\nt1,٢٠٢٥-٠٣-٠٢\n"))
    assert eastern.articles["published"].tolist() == western.articles["published"].tolist()
    assert set(eastern.report["status"]) == {"ok"}


@pytest.mark.parametrize("written", ["\u200f2025-03-02\u200f", "\u202b2025\u061c-03-02\u202c", "2025-03-02\u200e",
                                     "\ufeff٢٠٢٥-٠٣-٠٢"])
def test_a_publication_date_with_invisible_direction_marks_is_the_same_date(tmp_path, written):
    """Copied from a right-to-left page or spreadsheet, a date carries marks nobody sees: today the article lost
    its date, with a warning quoting a date that looks right («bad published date '2025-03-02'»)."""
    western = load_corpus(one_article(tmp_path / "w", "article_id,published\nt1,2025-03-02\n"))
    marked = load_corpus(one_article(tmp_path / "m", f"article_id,published\nt1,{written}\n"))
    assert marked.articles["published"].tolist() == western.articles["published"].tolist()
    assert set(marked.report["status"]) == {"ok"}, marked.report["reason"].tolist()

def test_json_lines_that_are_not_records_each_get_an_error_row_naming_their_line(tmp_path):
    lines = [
        {"id": "r1", "title": "عنوان", "text": "قالت الحكومة إن القوات ستغادر أربيل."},
        [1, 2, 3],
        "نص وحده",
        None,
        {"id": "r5", "title": "عنوان", "text": None},
        {"id": "r6", "title": "عنوان", "text": True},
        {"id": "r7", "title": "عنوان", "text": {"ar": "نص داخل كائن"}},
        {"id": "r8", "title": "عنوان", "text": ["فقرة", "فقرة"]},
    ]
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                               encoding="utf-8")
    loaded = load_corpus(tmp_path / "c")
    assert loaded.articles["article_id"].tolist() == ["r1"]
    errors = loaded.report[loaded.report["status"] == "error"]
    assert sorted(errors["line"]) == [2, 3, 4, 5, 6, 7, 8]
    for row in errors.itertuples():
        assert f"line {row.line}:" in row.reason


def test_a_gold_folder_saved_with_a_byte_order_mark_and_crlf_scores_as_the_plain_one(tmp_path):
    def gold(folder: Path, bom: bytes, end: str) -> Path:
        (folder / "articles").mkdir(parents=True)
        (folder / "articles" / "t1.txt").write_text(ARTICLE, encoding="utf-8")
        tables = {
            "manifest.csv": ["article_id,published", "t1,2025-03-02"],
            "milestones.csv": ["article_id,surface,start,end,precision",
                               "t1,نهاية أيلول 2026,2026-09-30,2026-09-30,day",
                               "t1,كانون الثاني 2027,2027-01-01,2027-01-31,month"],
            "entities.csv": ["article_id,entity_id,names,adjectives", "t1,iraq,0,1", "t1,baghdad,1,0"],
        }
        for name, rows in tables.items():
            (folder / name).write_bytes(bom + end.join(rows + [""]).encode("utf-8"))
        return folder

    plain = evaluate(gold(tmp_path / "plain", b"", "\n"))
    excel = evaluate(gold(tmp_path / "excel", b"\xef\xbb\xbf", "\r\n"))
    pd.testing.assert_frame_equal(excel, plain)
    assert plain.loc[plain["task"] == "milestones", "tp"].item() == 2  # both gold rows matched, not zero


# --------------------------------------------------------------------------- --data-dir tables


def corpus_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text("article_id,published,source,url\nt1,2025-03-02,وكالة,\n", encoding="utf-8")
    return folder


def _without_root_powers() -> list[str]:
    """A command prefix under which permissions hold: none for a user, ``setpriv`` without the capabilities
    that let root write anywhere (CI runs as root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]



def eval_set(folder: Path) -> Path:
    """A one-article annotated set in the layout of data/eval (gold checked by hand against ARTICLE)."""
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "t1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text("article_id,published\nt1,2025-03-02\n", encoding="utf-8")
    (folder / "milestones.csv").write_text(
        "article_id,surface,start,end,precision\n"
        "t1,نهاية أيلول 2026,2026-09-30,2026-09-30,day\n"
        "t1,كانون الثاني 2027,2027-01-01,2027-01-31,month\n", encoding="utf-8")
    (folder / "entities.csv").write_text(
        "article_id,entity_id,names,adjectives\nt1,iraq,0,1\nt1,united_states,0,1\nt1,baghdad,1,0\n"
        "t1,global_coalition,1,0\n", encoding="utf-8")
    (folder / "claims.csv").write_text(
        "article_id,surface,start,end,event,place,actor,claimant,notes\n"
        "t1,نهاية أيلول 2026,2026-09-30,2026-09-30,withdrawal,baghdad,united_states,iraqi_government,\n",
        encoding="utf-8")
    return folder


def run_cli(*args, cwd: Path, env: dict | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    """``python -m helpers ARGS`` in a child process (the calendar tables are read when a process imports them)."""
    environ = {k: v for k, v in os.environ.items() if k != DATA_DIR_ENV}
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True,
                          check=False, cwd=cwd, env={**environ, **(env or {})}, preexec_fn=preexec_fn, timeout=300)


def _data_dir_table(tmp_path: Path, relative: str) -> Path:
    """A --data-dir holding a copy of the shipped ``relative`` (a table or a folder of tables)."""
    data_dir = tmp_path / "mine"
    target = data_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    (shutil.copytree if (DATA / relative).is_dir() else shutil.copy)(DATA / relative, target)
    return data_dir


def _append(path: Path, data: bytes) -> None:
    with open(path, "ab") as handle:
        handle.write(data)


def _gazetteer_empty_name(tmp_path):
    data_dir = _data_dir_table(tmp_path, "gazetteer.csv")
    lines = (data_dir / "gazetteer.csv").read_bytes().count(b"\n")
    _append(data_dir / "gazetteer.csv", b"samarra_x,GPE,,Samarra,,,\n")
    return data_dir, ["gazetteer.csv", f"line {lines + 1}", "name_ar"]


def _gazetteer_windows_1256_row(tmp_path):
    data_dir = _data_dir_table(tmp_path, "gazetteer.csv")
    lines = (data_dir / "gazetteer.csv").read_bytes().count(b"\n")
    _append(data_dir / "gazetteer.csv", "samarra_x,GPE,سامراء,Samarra,,,\n".encode("cp1256"))
    return data_dir, ["gazetteer.csv", f"line {lines + 1}"]


def _claims_header_typo(tmp_path):
    data_dir = _data_dir_table(tmp_path, "claims")
    path = data_dir / "claims" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("phrase,event,", "phrase,evnt,", 1), encoding="utf-8")
    return data_dir, ["events.csv", "evnt"]


def _claims_windows_1256_row(tmp_path):
    data_dir = _data_dir_table(tmp_path, "claims")
    _append(data_dir / "claims" / "events.csv", "الانسحاب الكامل,withdrawal,2,0\n".encode("cp1256"))
    return data_dir, ["events.csv"]


def _claims_table_missing(tmp_path):
    data_dir = _data_dir_table(tmp_path, "claims")
    (data_dir / "claims" / "reporting.csv").unlink()
    return data_dir, ["reporting.csv"]


def _calendar_column_missing(tmp_path):
    data_dir = _data_dir_table(tmp_path, "calendar")
    months = pd.read_csv(data_dir / "calendar" / "months.csv", dtype=str, keep_default_na=False)
    months.drop(columns="month").to_csv(data_dir / "calendar" / "months.csv", index=False)
    return data_dir, ["months.csv", "month"]


def _calendar_table_missing(tmp_path):
    data_dir = _data_dir_table(tmp_path, "calendar")
    (data_dir / "calendar" / "weekdays.csv").unlink()
    return data_dir, ["weekdays.csv"]


def _calendar_month_out_of_range(tmp_path):
    data_dir = _data_dir_table(tmp_path, "calendar")
    rows = (data_dir / "calendar" / "months.csv").read_bytes().count(b"\n")
    _append(data_dir / "calendar" / "months.csv", "شهر الصيام,gregorian,13,egypt,1\n".encode())
    return data_dir, ["months.csv", f"line {rows + 1}"]


def _calendar_windows_1256_row(tmp_path):
    data_dir = _data_dir_table(tmp_path, "calendar")
    _append(data_dir / "calendar" / "months.csv", "آذار,gregorian,3,levant,1\n".encode("cp1256"))
    return data_dir, ["months.csv"]


def _saved_again_by_excel(text: str) -> bytes:
    """UTF-8 ``text`` as Excel on an Arabic Windows saves it again after opening it as windows-1256: valid UTF-8
    of «ط§ظ„…», which reads as Arabic letters but is none of the words typed."""
    return text.encode().decode("cp1256").encode()


def _gazetteer_saved_again_by_excel(tmp_path):
    """Today «line 2: nisba 'ط£ظ…ظٹط±ظƒظٹ' of united_states is not one word»: right line, wrong reason."""
    data_dir = _data_dir_table(tmp_path, "gazetteer.csv")
    path = data_dir / "gazetteer.csv"
    path.write_bytes(_saved_again_by_excel(path.read_text(encoding="utf-8")))
    return data_dir, ["gazetteer.csv", "line 2", "mojibake"]


def _claims_row_saved_again_by_excel(tmp_path):
    """Today read as the phrase «ط§ظ„ط§ظ†ط³ط­ط§ط¨ ط§ظ„ظƒط§ظ…ظ„», which no article holds: the row silently did nothing."""
    data_dir = _data_dir_table(tmp_path, "claims")
    rows = (data_dir / "claims" / "events.csv").read_bytes().count(b"\n")
    _append(data_dir / "claims" / "events.csv", _saved_again_by_excel("الانسحاب الكامل,withdrawal,2,0\n"))
    return data_dir, ["events.csv", f"line {rows + 1}", "mojibake"]


def _calendar_row_saved_again_by_excel(tmp_path):
    data_dir = _data_dir_table(tmp_path, "calendar")
    rows = (data_dir / "calendar" / "months.csv").read_bytes().count(b"\n")
    _append(data_dir / "calendar" / "months.csv", _saved_again_by_excel("آذار,gregorian,3,levant,1\n"))
    return data_dir, ["months.csv", f"line {rows + 1}", "mojibake"]


def _calendar_one_name_two_months(tmp_path):
    """«يناير» added again as month 7: today it silently turns every January of the corpus into July."""
    data_dir = _data_dir_table(tmp_path, "calendar")
    rows = (data_dir / "calendar" / "months.csv").read_bytes().count(b"\n")
    _append(data_dir / "calendar" / "months.csv", "يناير,gregorian,7,egypt,1\n".encode())
    return data_dir, ["months.csv", f"line {rows + 1}", "يناير"]


def _core_row_short(tmp_path):
    """The core list of a --data-dir was not read at all: the shipped one stood in for it, unsaid."""
    data_dir = _data_dir_table(tmp_path, "entities_core.csv")
    rows = (data_dir / "entities_core.csv").read_bytes().count(b"\n")
    _append(data_dir / "entities_core.csv", b"iraq,XYZ\n")
    return data_dir, ["entities_core.csv", f"line {rows + 1}"]


def _core_id_twice(tmp_path):
    data_dir = _data_dir_table(tmp_path, "entities_core.csv")
    rows = (data_dir / "entities_core.csv").read_bytes().count(b"\n")
    _append(data_dir / "entities_core.csv", "iraq,GPE,العراق,Iraq,عراقي\n".encode())
    return data_dir, ["entities_core.csv", f"line {rows + 1}", "twice"]


def _core_id_unknown(tmp_path):
    data_dir = _data_dir_table(tmp_path, "entities_core.csv")
    rows = (data_dir / "entities_core.csv").read_bytes().count(b"\n")
    _append(data_dir / "entities_core.csv", "atlantis,GPE,أطلانتس,Atlantis,\n".encode())
    return data_dir, ["entities_core.csv", f"line {rows + 1}", "atlantis"]


def _core_list_empty(tmp_path):
    """Today an error naming the shipped speakers.csv, never the emptied file."""
    data_dir = _data_dir_table(tmp_path, "entities_core.csv")
    path = data_dir / "entities_core.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return data_dir, ["entities_core.csv", "no entity"]


@pytest.mark.parametrize("spoil", [
    _core_row_short, _core_id_twice, _core_id_unknown, _core_list_empty,
    _gazetteer_empty_name, _gazetteer_windows_1256_row, _claims_header_typo, _claims_windows_1256_row,
    _claims_table_missing, _calendar_column_missing, _calendar_table_missing, _calendar_month_out_of_range,
    _calendar_windows_1256_row, _calendar_one_name_two_months, _gazetteer_saved_again_by_excel,
    _claims_row_saved_again_by_excel, _calendar_row_saved_again_by_excel,
])
def test_a_bad_data_dir_table_stops_extract_naming_its_file_and_line(tmp_path, spoil):
    """Today: a traceback and "this is a bug" (exit 3) for the gazetteer and calendar; for a claims table,
    exit 0 with every milestone dropped and a per-article warning; a conflicting calendar row, nothing."""
    data_dir, named = spoil(tmp_path)
    corpus = corpus_folder(tmp_path / "corpus")
    done = run_cli("extract", corpus, "--out", tmp_path / "out", "--no-cache", "--data-dir", data_dir, cwd=tmp_path)
    assert "Traceback" not in done.stderr and "is a bug" not in done.stderr, done.stderr[-800:]
    assert done.returncode not in (0, 3), (done.returncode, done.stdout, done.stderr[-800:])
    for words in named:
        assert words in done.stderr, (words, done.stderr[-800:])


def test_a_bad_data_dir_table_stops_report_before_any_notebook_runs(tmp_path):
    data_dir, named = _gazetteer_empty_name(tmp_path)
    done = run_cli("report", corpus_folder(tmp_path / "corpus"), "--out", tmp_path / "out", "--data-dir", data_dir,
                   cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-800:]
    assert all(words in done.stderr for words in named), done.stderr[-800:]
    assert not (tmp_path / "out").exists()


def test_a_data_dir_with_no_table_the_suite_knows_is_refused(tmp_path, monkeypatch):
    """«Gazetteer.csv» (capital G) or the table itself given as --data-dir: today silently ignored, and the
    shipped tables used instead of the analyst's."""
    data_dir = tmp_path / "mine"
    data_dir.mkdir()
    shutil.copy(DATA / "gazetteer.csv", data_dir / "Gazetteer.csv")
    corpus = corpus_folder(tmp_path / "corpus")
    monkeypatch.setenv(DATA_DIR_ENV, "")  # main() sets it for the table loaders: unset again after the test
    for given in (data_dir, data_dir / "Gazetteer.csv"):
        status = main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--data-dir", str(given)])
        assert status == 2, given


@pytest.mark.parametrize("table, row, named", [
    ("capitals.csv", "baghdad,syria", "baghdad"),
    ("speakers.csv", "مصدر حكومي,united_states", "مصدر حكومي"),
])
def test_a_claims_key_given_two_values_is_named_not_last_one_wins(tmp_path, table, row, named):
    """Today the later row silently replaces the earlier one (Baghdad becomes Syria's capital)."""
    from helpers.claim_tables import ClaimTableError, load_claim_tables

    folder = tmp_path / "claims"
    shutil.copytree(DATA / "claims", folder)
    lines = (folder / table).read_bytes().count(b"\n")
    _append(folder / table, (row + "\n").encode())
    with pytest.raises(ClaimTableError) as raised:
        load_claim_tables(folder)
    assert table in str(raised.value) and f"line {lines + 1}" in str(raised.value) and named in str(raised.value)


# --------------------------------------------------------------------------- evaluate on a malformed gold folder


def _no_end_column(folder: Path) -> None:
    gold = pd.read_csv(folder / "milestones.csv", dtype=str)
    gold.drop(columns="end").to_csv(folder / "milestones.csv", index=False)


def _dates_written(folder: Path, table: str, dates: str) -> None:
    """The gold row's start and end in ``table`` written as ``dates`` instead."""
    path = folder / table
    path.write_text(path.read_text(encoding="utf-8").replace("2026-09-30,2026-09-30", dates), encoding="utf-8")


def _impossible_date(folder: Path) -> None:
    _dates_written(folder, "milestones.csv", "2026-13-45,2026-09-30")


def _year_zero(folder: Path) -> None:
    _dates_written(folder, "milestones.csv", "0000-09-30,0000-09-30")


def _negative_year_in_claims(folder: Path) -> None:
    _dates_written(folder, "claims.csv", "-001-09-30,-001-09-30")


def _day_first_date(folder: Path) -> None:
    _dates_written(folder, "milestones.csv", "30/09/2026,30/09/2026")


def _count_not_a_number(folder: Path) -> None:
    path = folder / "entities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("t1,baghdad,1,0", "t1,baghdad,واحد,0"),
                    encoding="utf-8")


def _empty_count(folder: Path) -> None:
    path = folder / "entities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("t1,baghdad,1,0", "t1,baghdad,,0"), encoding="utf-8")


def _claims_without_claimant(folder: Path) -> None:
    gold = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    gold.drop(columns="claimant").to_csv(folder / "claims.csv", index=False)


def _no_milestones_table(folder: Path) -> None:
    (folder / "milestones.csv").unlink()


def _no_articles_folder(folder: Path) -> None:
    shutil.rmtree(folder / "articles")


def _column_twice(folder: Path) -> None:
    """A column pasted twice (two «start» columns): pandas then stops with «cannot assemble with duplicate keys»."""
    path = folder / "milestones.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",start", *(line + ",2026-01-01" for line in lines[1:])]) + "\n",
                    encoding="utf-8")


def _table_is_a_folder(folder: Path) -> None:
    (folder / "entities.csv").unlink()
    (folder / "entities.csv").mkdir()


def _count_too_large(folder: Path) -> None:
    path = folder / "entities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("t1,baghdad,1,0", "t1,baghdad,1" + "0" * 25 + ",0"),
                    encoding="utf-8")


@pytest.mark.parametrize("spoil, named", [
    (_no_end_column, ["milestones.csv", "end"]),
    (_impossible_date, ["milestones.csv", "2026-13-45", "line 2"]),
    (_day_first_date, ["milestones.csv", "30/09/2026", "line 2"]),
    (_year_zero, ["milestones.csv", "0000-09-30", "line 2"]),  # pandas reads year 0: then a traceback in scoring
    (_negative_year_in_claims, ["claims.csv", "-001-09-30", "line 2"]),
    (_count_not_a_number, ["entities.csv", "واحد", "line 4"]),
    (_empty_count, ["entities.csv", "line 4"]),
    (_claims_without_claimant, ["claims.csv", "claimant"]),
    (_no_milestones_table, ["milestones.csv"]),
    (_no_articles_folder, ["articles"]),
    (_column_twice, ["milestones.csv", "start", "line 1"]),
    (_table_is_a_folder, ["entities.csv", "folder"]),
    (_count_too_large, ["entities.csv", "line 4"]),
])
def test_evaluate_on_a_malformed_gold_folder_names_the_file_and_line_not_a_traceback(tmp_path, capsys, spoil, named):
    gold = eval_set(tmp_path / "set")
    spoil(gold)
    status = main(["evaluate", str(gold)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a bug" not in err, err[-600:]
    assert status not in (0, 3)  # neither a score nor "extraction failed": the analyst's file is wrong
    for words in named:
        assert words in err, (words, err[-600:])


@pytest.mark.parametrize("unreadable", ["articles", "claims.csv"])
def test_evaluate_on_a_gold_folder_it_may_not_read_names_what_it_cannot_read(tmp_path, unreadable):
    """Today a set whose articles/ folder is someone else's stopped with a PermissionError traceback."""
    prefix = _without_root_powers()
    gold = eval_set(tmp_path / "set")
    (gold / unreadable).chmod(0)
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "helpers", "evaluate", str(gold)], capture_output=True,
                              text=True, check=False, timeout=300, cwd=tmp_path)
    finally:
        (gold / unreadable).chmod(0o755)
    assert "Traceback" not in done.stderr and "is a bug" not in done.stderr, done.stderr[-600:]
    assert done.returncode == 2 and str(gold / unreadable) in done.stderr and "Permission denied" in done.stderr

def test_evaluate_scores_a_set_whose_arabic_file_names_macos_saved_decomposed(tmp_path):
    """An annotated set made on a Mac: «أخبار.txt» is saved decomposed (alef + hamza above), the gold tables typed
    composed. The manifest matched it, but evaluate scored 0 and warned «article 'أخبار' has no text» beside it."""
    import unicodedata

    ascii_set = eval_set(tmp_path / "ascii")
    gold = eval_set(tmp_path / "set")
    name = "أخبار"
    (gold / "articles" / "t1.txt").rename(gold / "articles" / f"{unicodedata.normalize('NFD', name)}.txt")
    for table in ("manifest.csv", "milestones.csv", "entities.csv", "claims.csv"):
        path = gold / table
        path.write_text(path.read_text(encoding="utf-8").replace("\nt1,", f"\n{name},"), encoding="utf-8")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        scores, expected = evaluate(gold), evaluate(ascii_set)
    assert not [str(w.message) for w in said if "has no text" in str(w.message)]
    pd.testing.assert_frame_equal(scores, expected)


def test_evaluate_says_when_gold_names_an_article_or_entity_the_set_does_not_have(tmp_path, capsys):
    """A typo in an article id or an entity id in the gold tables is a miss no extractor can ever find:
    it silently lowers recall instead of being named."""
    gold = eval_set(tmp_path / "set")
    with open(gold / "milestones.csv", "a", encoding="utf-8") as handle:
        handle.write("t9,كانون الثاني 2027,2027-01-01,2027-01-31,month\n")
    with open(gold / "entities.csv", "a", encoding="utf-8") as handle:
        handle.write("t1,bagdad,1,0\n")
    main(["evaluate", str(gold)])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "t9" in said and "milestones.csv" in said and "line 4" in said
    assert "bagdad" in said and "entities.csv" in said and "line 6" in said


def test_evaluate_says_when_a_claims_row_names_an_event_or_entity_that_does_not_exist(tmp_path, capsys):
    """«withdrawl» for withdrawal, «iraqi_goverment» for a claimant: today each is scored as the extractor's
    mistake, with no word that the gold row can never be matched."""
    gold = eval_set(tmp_path / "set")
    path = gold / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("withdrawal,baghdad,united_states,iraqi_government",
                                                             "withdrawl,baghdad,united_states,iraqi_goverment+media"),
                    encoding="utf-8")
    main(["evaluate", str(gold)])
    err = capsys.readouterr().err
    assert "claims.csv, line 2" in err and "'withdrawl'" in err and "'iraqi_goverment'" in err, err[-800:]
    assert "'media'" not in err and "'baghdad'" not in err

def test_evaluate_names_the_articles_of_the_set_that_did_not_load_as_they_are(tmp_path, capsys):
    """A day-first date in the set's manifest, an article saved as something that is not text: today the
    scores just drop (the relative dates resolve to nothing, the article's rows are all missed) and nothing
    says why, since evaluate never showed the load report."""
    gold = eval_set(tmp_path / "set")
    (gold / "manifest.csv").write_text("article_id,published\nt1,02/03/2025\nt2,2025-03-02\n", encoding="utf-8")
    (gold / "articles" / "t2.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.warns(UserWarning) as said:
        evaluate(gold)
    assert any("t2.txt: binary file" in str(w.message) for w in said)
    assert any("t1.txt" in str(w.message) and "02/03/2025" in str(w.message) for w in said)
    assert main(["evaluate", str(gold)]) == 0
    err = capsys.readouterr().err
    assert "t1.txt" in err and "02/03/2025" in err and "manifest.csv line 2" in err, err[-600:]
    assert "t2.txt: binary file" in err, err[-600:]


# --------------------------------------------------------------------------- corpus tables and manifests


def test_a_manifest_without_a_published_column_says_so(tmp_path):
    """``article_id,date``: every publication date silently dropped today, the manifest row «ok»."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t1.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "manifest.csv").write_text("article_id,date\nt1,2025-03-02\n", encoding="utf-8")
    report = load_corpus(corpus).report
    row = report[report["path"].str.endswith("manifest.csv") & report["line"].isna()].iloc[0]
    assert row["status"] == "warning" and "published" in row["reason"] and "date" in row["reason"], row.to_dict()


def test_a_csv_row_with_more_fields_than_its_header_is_not_cut_silently(tmp_path):
    """An unquoted comma inside the text: today the text stops at the comma, the milestone after it is
    lost, and the row is «ok»."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.csv").write_text(
        "id,title,text\n"
        "k1,عنوان,قال الوزير إن القوات ستغادر بغداد, وإن المهمة تنتهي في أيلول 2026\n", encoding="utf-8")
    report = load_corpus(corpus).report
    row = report[report["path"].str.endswith("news.csv")].iloc[0]
    assert row["status"] in ("warning", "error") and "line 2" in row["reason"], row.to_dict()
    assert "3" in row["reason"] and "4" in row["reason"]  # the header's fields and the row's


def test_a_csv_header_naming_a_column_twice_does_not_drop_one_silently(tmp_path):
    """``id,title,text,text``: today the first text (with its milestone) is dropped and the row is «ok»."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.csv").write_text("id,title,text,text\nz1,عنوان,ستغادر القوات بغداد في آذار 2026,نص ثان\n",
                                     encoding="utf-8")
    report = load_corpus(corpus).report
    row = report[report["path"].str.endswith("news.csv")].iloc[0]
    assert row["status"] in ("warning", "error") and "text" in row["reason"], row.to_dict()


def test_json_lines_files_saved_with_a_byte_order_mark_and_joined_load_every_record(tmp_path):
    """``cat monday.jsonl tuesday.jsonl > week.jsonl`` of files saved with a byte-order mark: today the second
    file's first record was an error row, «malformed JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)»."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    day = [json.dumps({"id": f"r{i}", "title": "عنوان", "text": f"غادرت القوات {place} في أيلول 2026."}, ensure_ascii=False)
           for i, place in enumerate(["بغداد", "أربيل", "الموصل", "البصرة"])]
    (corpus / "week.jsonl").write_bytes(("\ufeff" + "\n".join(day[:2]) + "\n").encode()
                                       + ("\ufeff" + "\n".join(day[2:]) + "\n").encode())
    loaded = load_corpus(corpus)
    assert loaded.articles["article_id"].tolist() == ["r0", "r1", "r2", "r3"], loaded.report.to_dict("records")
    assert "error" not in set(loaded.report["status"])

def test_a_nul_byte_in_one_json_line_is_noted_on_that_line_only(tmp_path):
    """Today «1 NUL bytes removed» is written on every record's row of the file, none saying which line."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = ['{"id": "r1", "title": "عنوان", "text": "غادرت القوات بغداد."}',
             '{"id": "r2", "title": "عنوان", "text": "غادرت القوات أربيل."}',
             '{"id": "r3", "title": "عنوان", "text": "غادرت القوات\x00 الموصل."}']
    (corpus / "feed.jsonl").write_bytes("\n".join(lines).encode("utf-8") + b"\n")
    report = load_corpus(corpus).report.set_index("article_id")
    assert "NUL" not in str(report.loc["r1", "reason"]) and "NUL" not in str(report.loc["r2", "reason"])
    assert "NUL" in report.loc["r3", "reason"] and "line 3" in report.loc["r3", "reason"]


def test_a_second_run_into_the_same_folder_through_a_link_is_refused(tmp_path, capsys):
    corpus, out = one_article(tmp_path / "c", "article_id,published\nt1,2025-03-02\n"), tmp_path / "out"
    out.mkdir()
    (tmp_path / "link").symlink_to(out, target_is_directory=True)
    script = ("import sys, time\nfrom pathlib import Path\nfrom helpers.pipeline_output import output_lock\n"
              "with output_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        for other in (tmp_path / "link", Path(str(out) + "/"), out / ".." / "out"):
            assert main(["extract", str(corpus), "--out", str(other)]) == 2, other
            assert "another extraction" in capsys.readouterr().err
        assert not (out / "articles.csv").exists()
    finally:
        holder.kill()
        holder.wait()


def test_two_runs_sharing_one_cache_at_once_write_the_tables_of_a_run_without_cache(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i, city in enumerate(["بغداد", "أربيل", "الموصل", "البصرة"]):
        (corpus / f"a{i}.txt").write_text(f"عنوان {i}\n\nقالت الحكومة إن القوات ستغادر {city} في آذار 2026.\n",
                                          encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "alone"), "--no-cache"]) == 0
    runs = [subprocess.Popen([sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(tmp_path / name),
                              "--cache-dir", str(tmp_path / "shared-cache")], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for name in ("one", "two")]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()[-800:]
    for name in ("articles.csv", "milestones.csv", "entities.csv", "load_report.csv"):
        alone = (tmp_path / "alone" / name).read_bytes()
        assert (tmp_path / "one" / name).read_bytes() == alone == (tmp_path / "two" / name).read_bytes(), name


def test_tables_of_a_data_dir_saved_by_excel_with_a_byte_order_mark_and_crlf_give_the_same_rows(tmp_path):
    """An analyst edits the gazetteer, calendar and claims tables in a spreadsheet, which saves UTF-8 with a
    byte-order mark and CRLF line ends: the same milestones and entities as the shipped tables."""
    import os
    import shutil

    from helpers.paths import DATA, DATA_DIR_ENV

    mine = tmp_path / "mine"
    mine.mkdir()
    for name in ("gazetteer.csv", "calendar", "claims"):
        (shutil.copytree if (DATA / name).is_dir() else shutil.copy)(DATA / name, mine / name)
    tables = [mine / "gazetteer.csv", *(mine / "calendar").glob("*.csv"), *(mine / "claims").glob("*.csv")]
    for table in tables:
        table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    corpus = one_article(tmp_path / "c", "article_id,published\nt1,2025-03-02\n")
    env = {k: v for k, v in os.environ.items() if k != DATA_DIR_ENV}
    for out, extra in (("shipped", []), ("excel", ["--data-dir", str(mine)])):
        done = subprocess.run([sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(tmp_path / out),
                               "--no-cache", *extra], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr[-800:]
    for name in ("milestones.csv", "entities.csv"):
        assert (tmp_path / "excel" / name).read_bytes() == (tmp_path / "shipped" / name).read_bytes(), name
    assert len(pd.read_csv(tmp_path / "shipped" / "milestones.csv")) == 2  # «نهاية أيلول 2026», «كانون الثاني 2027»


# --------------------------------------------------------------------------- output folders, kills, full disks, Ctrl-C

WORDS = ["الحكومة", "العراقية", "القوات", "الأمريكية", "بغداد", "أربيل", "التحالف", "الدولي", "أعلنت", "قالت",
         "المهمة", "تنتهي", "في", "نهاية", "أيلول", "2026", "يناير", "2025", "الأحد", "وزير", "الدفاع"]


def wordy_corpus(folder: Path, articles: int = 30) -> Path:
    """Articles whose entities.csv (every mention with its sentence) is far larger than their Parquet parts."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        paragraphs = [" ".join(WORDS[(i * 7 + p * 3 + k) % len(WORDS)] for k in range(40)) + "." for p in range(5)]
        (folder / f"w{i:02d}.txt").write_text(f"مقال رقم {i}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def _dying_run(out: Path, corpus: Path, patch: str, *extra: str) -> subprocess.CompletedProcess:
    """``extract CORPUS --out OUT --no-cache EXTRA`` in a child process that runs ``patch`` first."""
    script = (f"import os, signal, sys\n{textwrap.dedent(patch)}\nfrom helpers.cli import main\n"
              f"sys.exit(main({['extract', str(corpus), '--out', str(out), '--no-cache', *extra]!r}))\n")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          check=False, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _file_size_limit(limit: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_that_fills_while_the_csvs_are_written_keeps_the_previous_outputs_whole(tmp_path):
    """A write that fails (here a file-size limit, as a full disk) leaves the last good run's CSVs as they
    were, no temporary file beside them, and one line saying what could not be written."""
    corpus, out = wordy_corpus(tmp_path / "corpus"), tmp_path / "out"
    first = run_cli("extract", corpus, "--out", out, "--no-cache", cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-800:]
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    assert max(len(b) for b in before.values()) > 150_000  # entities.csv: bigger than the limit below
    full = run_cli("extract", corpus, "--out", out, "--no-cache", cwd=tmp_path, preexec_fn=_file_size_limit(150_000))
    assert full.returncode == 2, full.stderr[-800:]
    assert "Traceback" not in full.stderr and "is a bug" not in full.stderr, full.stderr[-800:]
    assert full.stderr.startswith(f"error: cannot write {out}") and full.stderr.count("\n") == 1, full.stderr
    for name, data in before.items():
        assert (out / name).read_bytes() == data, f"{name} no longer whole"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(before)


def test_kill_9_while_the_csvs_are_written_leaves_the_previous_outputs_whole(tmp_path):
    corpus, out = wordy_corpus(tmp_path / "corpus", articles=6), tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-cache"]) == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    killed = _dying_run(out, corpus, """
        import helpers.pipeline_output as po
        calls, write = [], po.csv_bytes
        def csv_bytes(*args, **kwargs):  # the third table's first bytes: the first two files are open
            calls.append(1)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            return write(*args, **kwargs)
        po.csv_bytes = csv_bytes
    """)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-800:]
    for name, data in before.items():
        assert (out / name).read_bytes() == data, f"{name} no longer whole"
    # the next run clears what the killed one left, and writes its tables
    assert main(["extract", str(corpus), "--out", str(out), "--no-cache"]) == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".parquet-")] == []


@pytest.mark.parametrize("command, option", [("extract", "--out"), ("report", "--out"), ("extract", "--cache-dir")])
def test_an_output_folder_that_is_a_file_is_a_clear_error(tmp_path, capsys, command, option):
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    given = tmp_path / "given.txt"
    given.write_text("نص\n", encoding="utf-8")
    where = {"--out": str(given)} if option == "--out" else {"--out": str(tmp_path / "out"), option: str(given)}
    status = main([command, str(corpus), *(word for pair in where.items() for word in pair)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a bug" not in err, err[-600:]
    assert status == 2 and err == f"error: cannot write {given}: a file, not a folder\n"
    assert given.read_text(encoding="utf-8") == "نص\n"




@pytest.mark.parametrize("command, option", [("extract", "--out"), ("report", "--out"), ("extract", "--cache-dir"),
                                             ("extract", "out/.cache")])
def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path, command, option):
    """A folder of someone else's, or a read-only share (the output, the cache, the output's default cache):
    today extract stopped with a PermissionError traceback and «extraction failed (… a bug)», exit 3."""
    prefix = _without_root_powers()
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    given = tmp_path / option if option == "out/.cache" else tmp_path / "theirs"
    given.mkdir(parents=True)
    (given / "kept.csv").write_text("a\n1\n", encoding="utf-8")
    given.chmod(0o555)
    where = {"--out": given} if option == "--out" else {"--out": tmp_path / "out"}
    where.update({option: given} if option == "--cache-dir" else {})
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "helpers", command, str(corpus),
                               *(str(word) for pair in where.items() for word in pair)],
                              capture_output=True, text=True, check=False, timeout=300, cwd=tmp_path)
    finally:
        given.chmod(0o755)
    assert "Traceback" not in done.stderr and "is a bug" not in done.stderr, done.stderr[-600:]
    assert done.returncode == 2 and f"error: cannot write {given}: Permission denied" in done.stderr, done.stderr
    assert sorted(p.name for p in given.iterdir()) == ["kept.csv"]

def test_an_output_folder_below_a_file_is_a_clear_error(tmp_path, capsys):
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    (tmp_path / "given.txt").write_text("نص\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "given.txt" / "out")]) == 2
    assert capsys.readouterr().err == f"error: cannot write {tmp_path / 'given.txt' / 'out'}: Not a directory\n"


def test_ctrl_c_during_extract_is_one_line_and_no_traceback(tmp_path):
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    out = tmp_path / "out"
    interrupted = _dying_run(out, corpus, """
        import helpers.pipeline_output as po
        write = po.write_csv
        def write_csv(*args, **kwargs):  # Ctrl-C as the CSVs are about to be written
            os.kill(os.getpid(), signal.SIGINT)
            return write(*args, **kwargs)
        po.write_csv = write_csv
    """)
    assert interrupted.stderr == "interrupted\n" and interrupted.returncode == 130, interrupted.stderr[-800:]
    assert not list(out.glob(".parquet-*")) and not list(out.glob("*.csv")) and not list(out.glob("*.tmp"))


SITECUSTOMIZE = '''
import os
import signal

if os.environ.get("HOSTILE_KILL_ON"):
    import multiprocessing

    import helpers.pipeline as pipeline

    _original = pipeline._extract_batch

    def _extract_batch(files, *args, **kwargs):  # a worker killed (the OOM killer) while it holds this file
        if multiprocessing.parent_process() is not None and any(
                f.endswith(os.environ["HOSTILE_KILL_ON"]) for f in files):
            os.kill(os.getpid(), signal.SIGKILL)
        return _original(files, *args, **kwargs)

    pipeline._extract_batch = _extract_batch
'''


def test_a_worker_killed_mid_run_is_a_message_naming_its_files_not_a_traceback(tmp_path):
    """Not BrokenProcessPool's traceback and "this is a bug": which files the dead worker held, so the
    analyst can find the article that ran it out of memory."""
    corpus = wordy_corpus(tmp_path / "corpus", articles=4)
    (corpus / "boom.txt").write_text(ARTICLE, encoding="utf-8")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(hooks), os.environ.get("PYTHONPATH", "")) if p)
    done = run_cli("extract", corpus, "--out", tmp_path / "out", "--no-cache", "--workers", "2", cwd=tmp_path,
                   env={"HOSTILE_KILL_ON": "boom.txt", "PYTHONPATH": path})
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "is a bug" not in done.stderr, done.stderr[-800:]
    assert "killed" in done.stderr.lower() and "boom.txt" in done.stderr, done.stderr[-800:]


def _dies_on_boom(files, *args):
    if any(file.endswith("boom.txt") for file in files):
        os.kill(os.getpid(), signal.SIGKILL)
    return files


def _start(parent: int, forked: bool) -> None:
    pass


def test_a_killed_worker_names_the_batches_it_may_have_held_not_the_finished_ones(tmp_path):
    """One file a batch, two workers, the fifth batch kills its worker: the message names it and at most
    one other batch then running, never one whose rows had come back."""
    from helpers.pipeline_jobs import Job, WorkerKilled, run_jobs

    names = ["a.txt", "b.txt", "c.txt", "d.txt", "boom.txt", "f.txt", "g.txt", "h.txt"]
    jobs = [Job([str(tmp_path / name)], {}, None, "") for name in names]
    received = []
    with pytest.raises(WorkerKilled) as raised:
        for batch, _ in run_jobs(jobs, 2, _dies_on_boom, _start):
            received += batch
    named = raised.value.files
    assert str(tmp_path / "boom.txt") in named and len(named) <= 2
    assert not set(named) & set(received)
    assert str(tmp_path / "boom.txt") in str(raised.value)


def test_kill_9_while_parquet_tables_are_written_leaves_each_table_readable(tmp_path):
    """``--format parquet`` writes the run's tables beside the last run's and renames them in at the end: a
    kill before then leaves the last run's tables (a 0-byte load_report.parquet before)."""
    corpus, out = wordy_corpus(tmp_path / "corpus", articles=6), tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-cache", "--format", "parquet"]) == 0
    before = {name: (out / name).read_bytes() for name in ["load_report.parquet",
                                                           *(f"{t}/part-00000.parquet" for t in ("articles", "milestones", "entities"))]}
    killed = _dying_run(out, corpus, """
        import pyarrow.parquet as pq
        write = pq.write_table
        def write_table(table, where, *args, **kwargs):  # the load report: the run's last table
            if "reason" in table.schema.names:
                os.kill(os.getpid(), signal.SIGKILL)
            return write(table, where, *args, **kwargs)
        pq.write_table = write_table
    """, "--format", "parquet")
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-800:]
    assert {name: (out / name).read_bytes() for name in before} == before
    pd.read_parquet(out / "load_report.parquet")
    assert main(["extract", str(corpus), "--out", str(out), "--no-cache", "--format", "parquet"]) == 0
    assert not list(out.glob(".parquet-*"))  # the killed run's staging folder, removed by the next run


@pytest.mark.parametrize("first, second", [("csv", "parquet"), ("parquet", "csv")])
def test_a_run_in_the_other_format_leaves_no_tables_of_the_last_run_beside_its_own(tmp_path, first, second):
    """articles.csv of one corpus next to the Parquet tables of another: an analyst opens the stale one."""
    out = tmp_path / "out"
    old = one_article(tmp_path / "old", "article_id,published\nt1,2025-03-02\n")
    new = tmp_path / "new"
    new.mkdir()
    (new / "n1.txt").write_text("عنوان آخر\n\nتنتهي المهمة في أربيل في آذار 2026.\n", encoding="utf-8")
    assert main(["extract", str(old), "--out", str(out), "--no-cache", "--format", first]) == 0
    assert main(["extract", str(new), "--out", str(out), "--no-cache", "--format", second]) == 0
    stale = ["articles.csv", "milestones.csv", "entities.csv", "load_report.csv"] if second == "parquet" else \
        ["articles", "milestones", "entities", "load_report.parquet"]
    assert [name for name in stale if (out / name).exists()] == []


@pytest.mark.parametrize("given", [".", "sub/.."])
def test_an_output_folder_that_is_the_corpus_folder_is_refused(tmp_path, capsys, given):
    """``extract corpus --out corpus``: a second run would read the first run's articles.csv back as a second
    copy of every article. Refused at once, before anything is written there (``corpus/out`` is left out of
    the corpus: test_corpus_select_hostile)."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    (corpus / "sub").mkdir()
    files = sorted(p.name for p in corpus.iterdir())
    assert main(["extract", str(corpus), "--out", str(corpus / given), "--no-cache"]) == 2
    assert "is the corpus folder" in capsys.readouterr().err
    assert sorted(p.name for p in corpus.iterdir()) == files


def test_a_cache_folder_that_is_the_corpus_folder_is_refused(tmp_path, capsys):
    """``extract corpus --out out --cache-dir corpus``: today the cache entries (``48/….pkl``, ``CACHEDIR.TAG``)
    were written among the articles, and every later run reported them as «unknown extension» inputs."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    files = sorted(p.name for p in corpus.iterdir())
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--cache-dir", str(corpus)]) == 2
    assert "--cache-dir" in capsys.readouterr().err
    assert sorted(p.name for p in corpus.iterdir()) == files


# --------------------------------------------------------------------------- numeric options, data-dir names


@pytest.mark.parametrize("workers", ["0", "-2", "two"])
def test_workers_below_one_is_a_usage_error_naming_the_option(tmp_path, capsys, workers):
    """``--workers 0`` ran today as if it were 1 (and -2 too), exit 0: a typo the analyst never hears of."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    status = main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", workers])
    err = capsys.readouterr().err
    assert status == 2 and "--workers" in err and repr(workers) in err, err[-600:]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", [{"workers": 0}, {"workers": -1}, {"batch_size": 0}])
def test_extract_corpus_refuses_a_worker_or_batch_count_below_one(tmp_path, option):
    from helpers.pipeline import extract_corpus

    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    with pytest.raises(ValueError, match=next(iter(option))):
        extract_corpus(corpus, tmp_path / "out", cache_dir=False, progress=False, **option)


@pytest.mark.parametrize("misspelt, meant", [("Calendar", "calendar"), ("claim", "claims"),
                                             ("Gazetteer.csv", "gazetteer.csv")])
def test_a_misspelt_table_beside_a_good_one_in_the_data_dir_is_refused_naming_both(tmp_path, capsys, monkeypatch,
                                                                                  misspelt, meant):
    """``mine/gazetteer.csv`` and ``mine/Calendar/``: today the gazetteer is read, the calendar folder silently
    not, and the analyst reads milestones made with the shipped months believing they are theirs."""
    data_dir = _data_dir_table(tmp_path, "entity_context.csv")
    source = DATA / meant
    (shutil.copytree if source.is_dir() else shutil.copy)(source, data_dir / misspelt)
    monkeypatch.setenv(DATA_DIR_ENV, "")
    status = main(["extract", str(corpus_folder(tmp_path / "corpus")), "--out", str(tmp_path / "out"), "--no-cache",
                   "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert status == 2 and misspelt in err and meant in err, err[-600:]
    assert not (tmp_path / "out").exists()


def test_a_stray_file_in_the_data_dir_is_a_warning_naming_it(tmp_path, capsys, monkeypatch):
    """A notes file or an extra table nobody reads: said once, the run goes on."""
    data_dir = _data_dir_table(tmp_path, "calendar")
    (data_dir / "notes.txt").write_text("my edits\n", encoding="utf-8")
    shutil.copy(DATA / "calendar" / "months.csv", data_dir / "calendar" / "months_old.csv")
    monkeypatch.setenv(DATA_DIR_ENV, "")
    status = main(["extract", str(corpus_folder(tmp_path / "corpus")), "--out", str(tmp_path / "out"), "--no-cache",
                   "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert status == 0, err[-600:]
    warned = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert any("notes.txt" in line for line in warned) and any("months_old.csv" in line for line in warned), err


# --------------------------------------------------------------------------- the Python API and bad tables


API_WITH_DATA_DIR = """
import sys
from helpers.pipeline import extract_corpus
corpus, out = sys.argv[1:]
try:
    extract_corpus(corpus, out, cache_dir=False, progress=False)
except ValueError as err:
    print("raised:", err)
extraction = extract_corpus(corpus, out, cache_dir=False, progress=False, claims=False)
print("without claims:", extraction.summary["articles"], extraction.summary["warning"])
"""


def test_extract_corpus_with_a_bad_claims_table_raises_once_naming_file_and_line(tmp_path):
    """Today: every article's row says «milestones not extracted: ClaimTableError…» and the run «succeeds»
    with no milestone at all. The CLI stops first (cli.table_error); the API must too, before any batch.
    (A fresh interpreter: the tables are found where ``HELPERS_DATA_DIR`` points when helpers is imported.)"""
    data_dir, _ = _claims_header_typo(tmp_path)
    corpus, out = wordy_corpus(tmp_path / "corpus", articles=3), tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", API_WITH_DATA_DIR, str(corpus), str(out)], capture_output=True,
                          text=True, check=False, timeout=300, env={**os.environ, DATA_DIR_ENV: str(data_dir)})
    raised, without = done.stdout.splitlines()
    assert raised.startswith("raised: ") and "events.csv, line 1" in raised and "evnt" in raised, done.stdout
    # without claims the claims tables are not read: the run goes on, with no warning
    assert without == "without claims: 3 0", done.stdout


# --------------------------------------------------------------------------- doubtful publication dates


@pytest.mark.parametrize("published, why", [("2099-01-01", "in the future"), ("1446-03-15", "before 1900")])
def test_a_publication_date_in_the_future_or_before_1900_is_a_warning_naming_the_manifest_line(
        tmp_path, published, why):
    """A far-future typo or a Hijri date written as ISO anchors every «أمس» and «العام المقبل» of the
    article in the wrong century; today the row is «ok». The article stays, with the date it was given."""
    corpus = one_article(tmp_path / "c", f"article_id,published\nt0,2025-01-01\nt1,{published}\n")
    (corpus / "t0.txt").write_text("عنوان آخر\n\nنص قصير عن أربيل.\n", encoding="utf-8")
    loaded = load_corpus(corpus)
    row = loaded.report.set_index("article_id").loc["t1"]
    assert row["status"] == "warning", row.to_dict()
    assert published in row["reason"] and "manifest.csv line 3" in row["reason"] and why in row["reason"]
    assert dt.date.today().isoformat() not in row["reason"]  # the same report whatever day it is run
    assert str(loaded.articles.set_index("article_id").loc["t1", "published"])[:10] == published
    assert loaded.report.set_index("article_id").loc["t0", "status"] == "ok"


def test_a_far_future_publication_date_in_a_json_line_names_its_line_in_extract(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    lines = [{"id": "r1", "title": "عنوان", "text": "غادرت القوات بغداد.", "published": "2025-05-01"},
             {"id": "r2", "title": "عنوان", "text": "غادرت القوات أربيل.", "published": "3025-05-01"}]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                       encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    report = pd.read_csv(tmp_path / "out" / "load_report.csv", keep_default_na=False).set_index("article_id")
    assert report.loc["r1", "status"] == "ok"
    assert report.loc["r2", "status"] == "warning" and "3025-05-01" in report.loc["r2", "reason"]
    assert "line 2" in report.loc["r2", "reason"]


# --------------------------------------------------------------------------- one huge article

PARAGRAPH = ("قال وزير الدفاع العراقي إن القوات الأمريكية ستغادر قاعدة عين الأسد بحلول نهاية أيلول 2026، "
             "وأضاف أن المرحلة الثانية تبدأ في كانون الثاني 2027 بعد اجتماع في بغداد.")


def test_an_unusually_long_article_is_kept_whole_with_a_warning_row(tmp_path):
    """Several articles pasted into one .txt: today an «ok» row, and claims whose time grows with the square
    of the text (a megabyte took half a minute, five megabytes a quarter of an hour)."""
    from helpers.corpus import LONG_ARTICLE

    corpus = tmp_path / "c"
    corpus.mkdir()
    paragraphs = [PARAGRAPH] * (LONG_ARTICLE // len(PARAGRAPH) + 2)
    (corpus / "long.txt").write_text("عنوان\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (corpus / "short.txt").write_text(ARTICLE, encoding="utf-8")
    loaded = load_corpus(corpus)
    report = loaded.report.set_index("article_id")
    assert report.loc["short", "status"] == "ok"
    assert report.loc["long", "status"] == "warning" and "unusually long" in report.loc["long", "reason"]
    text = loaded.articles.set_index("article_id").loc["long", "text"]
    assert text == "عنوان\n\n" + "\n\n".join(paragraphs)  # nothing dropped



def test_the_warnings_extract_prints_keep_each_note_whole(tmp_path, capsys):
    """The summary cuts a row's reason into notes at «; »: today the long-article note, which held one inside its
    brackets, was printed as «unusually long article (N characters» and «several articles in one file?): kept
    whole…», and the case note of an include pattern as two unrelated warnings."""
    from helpers.corpus import LONG_ARTICLE

    corpus = tmp_path / "c"
    corpus.mkdir()
    paragraphs = [PARAGRAPH] * (LONG_ARTICLE // len(PARAGRAPH) + 2)
    (corpus / "long.txt").write_text("عنوان\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (corpus / "B.TXT").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-claims", "--no-cache",
                 "--include", "*.txt"]) == 0
    printed = [line for line in capsys.readouterr().err.splitlines() if line.startswith("  warning:")]
    long_note = [line for line in printed if "long.txt" in line]
    assert len(long_note) == 1 and "unusually long article" in long_note[0] and "kept whole" in long_note[0], printed
    report = pd.read_csv(tmp_path / "out" / "load_report.csv").set_index("article_id")
    assert "claims" not in long_note[0] and "claims" not in report.loc["long", "reason"]  # none read: --no-claims
    case_note = [line for line in printed if "B.TXT" in line]
    assert len(case_note) == 1 and "not included" in case_note[0] and "ignoring case" in case_note[0], printed

def test_a_long_article_extracted_with_claims_says_they_are_read_in_parts(tmp_path):
    from helpers.corpus import LONG_ARTICLE

    corpus = tmp_path / "c"
    corpus.mkdir()
    paragraphs = [PARAGRAPH] * (LONG_ARTICLE // len(PARAGRAPH) + 2)
    (corpus / "long.txt").write_text("عنوان\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    reason = pd.read_csv(tmp_path / "out" / "load_report.csv").set_index("article_id").loc["long", "reason"]
    assert "kept whole, its claims read in parts of about 50,000 characters" in reason


def test_the_claims_of_a_long_article_read_in_parts_match_those_read_whole(monkeypatch):
    """Each paragraph names its speaker: cutting the article at paragraphs changes no claim."""
    from helpers.milestones import table

    speakers = ["وزير الدفاع العراقي", "المتحدث باسم الحكومة العراقية", "قائد التحالف الدولي"]
    paragraphs = [f"قال {speakers[i % 3]} إن القوات الأمريكية ستغادر أربيل في آذار {2026 + i % 4}." for i in range(40)]
    text = "عنوان\n\n" + "\n\n".join(paragraphs)
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    whole = table.article_milestones("a", text, None, starts, list(range(len(starts))))
    monkeypatch.setattr(table, "LONG_ARTICLE", 1_000)
    monkeypatch.setattr(table, "CLAIMS_PART", 500)
    assert len(list(table._parts(text, starts, 500))) > 5
    parts = table.article_milestones("a", text, None, starts, list(range(len(starts))))
    assert len(whole) == 40 and parts == whole


# --------------------------------------------------------------------------- bytes that are not UTF-8 in a record file


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_undecodable_bytes_in_one_record_are_noted_on_that_record_naming_its_line(tmp_path, suffix):
    """Today «2 undecodable bytes replaced with U+FFFD» is written on every record's row of the file, the
    analyst cannot tell which article holds the damaged text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if suffix == ".jsonl":
        lines = ['{"id": "r1", "title": "عنوان", "text": "غادرت القوات بغداد."}'.encode(),
                 '{"id": "r2", "title": "عنوان", "text": "غادرت القوات '.encode() + b"\xff\xfe" + ' أربيل."}'.encode(),
                 '{"id": "r3", "title": "عنوان", "text": "غادرت القوات الموصل."}'.encode()]
    else:
        lines = [b"id,title,text", "r1,عنوان,غادرت القوات بغداد.".encode(),
                 "r2,عنوان,غادرت القوات ".encode() + b"\xff\xfe" + " أربيل.".encode(),
                 "r3,عنوان,غادرت القوات الموصل.".encode()]
    (corpus / f"feed{suffix}").write_bytes(b"\n".join(lines) + b"\n")
    line = 2 if suffix == ".jsonl" else 3
    report = load_corpus(corpus).report.set_index("article_id")
    assert "undecodable" not in report.loc["r1", "reason"] and "undecodable" not in report.loc["r3", "reason"]
    assert report.loc["r1", "status"] == "ok" and report.loc["r3", "status"] == "ok"
    assert report.loc["r2", "status"] == "warning"
    assert "undecodable" in report.loc["r2", "reason"] and f"line {line}" in report.loc["r2", "reason"]


@pytest.mark.parametrize("where", ["missing", "empty", "a table"])
def test_a_helpers_data_dir_that_is_no_data_folder_is_refused_naming_it(tmp_path, where):
    """``HELPERS_DATA_DIR=~/tabels`` (a typo), an empty folder or the gazetteer itself: today the shipped tables
    are used without a word, as with a misspelt --data-dir before it was checked."""
    given = {"missing": tmp_path / "tabels", "empty": tmp_path / "empty", "a table": tmp_path / "gazetteer.csv"}[where]
    if where == "empty":
        given.mkdir()
    elif where == "a table":
        shutil.copy(DATA / "gazetteer.csv", given)
    done = run_cli("extract", corpus_folder(tmp_path / "corpus"), "--out", tmp_path / "out", "--no-cache",
                   cwd=tmp_path, env={DATA_DIR_ENV: str(given)})
    assert done.returncode == 2 and str(given) in done.stderr and DATA_DIR_ENV in done.stderr, done.stderr[-600:]
    assert "Traceback" not in done.stderr


def test_undecodable_bytes_in_one_record_of_a_json_list_are_noted_on_that_record_only(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.json").write_bytes(
        '[{"id": "r1", "title": "عنوان", "text": "غادرت القوات '.encode() + b"\xff\xfe" + ' أربيل."},\n'.encode()
        + ' {"id": "r2", "title": "عنوان", "text": "غادرت القوات الموصل."}]'.encode())
    report = load_corpus(corpus).report.set_index("article_id")
    assert report.loc["r1", "status"] == "warning" and "undecodable" in report.loc["r1", "reason"]
    assert report.loc["r2", "status"] == "ok", report.loc["r2", "reason"]


def test_a_cache_folder_inside_the_corpus_is_one_ok_row_not_inputs(tmp_path):
    """``--cache-dir corpus/cache``: today the second run reports each cache entry as «unknown extension .pkl»,
    a warning row per batch that grows with every run."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    for out in ("one", "two"):
        assert main(["extract", str(corpus), "--out", str(tmp_path / out), "--cache-dir", str(corpus / "cache")]) == 0
    report = pd.read_csv(tmp_path / "two" / "load_report.csv", keep_default_na=False)
    inside = report[report["path"].str.startswith(str(corpus / "cache"))]
    assert len(inside) == 1 and inside["status"].tolist() == ["ok"], inside.to_dict("records")
    assert set(report["status"]) == {"ok"}


@pytest.mark.parametrize("output_format", ["csv", "parquet"])
def test_an_output_folder_whose_articles_folder_is_the_corpus_never_deletes_it(tmp_path, capsys, output_format):
    """``extract news/articles --out news``: today the run «succeeds» and deletes news/articles, the corpus
    itself, as a stale table of the other format (csv) or the last run's table (parquet)."""
    corpus = one_article(tmp_path / "news" / "articles", "article_id,published\nt1,2025-03-02\n")
    before = sorted(p.name for p in corpus.iterdir())
    status = main(["extract", str(corpus), "--out", str(tmp_path / "news"), "--no-cache", "--format", output_format])
    err = capsys.readouterr().err
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert status == 2 and str(corpus) in err and "Traceback" not in err, err[-600:]


def test_extract_corpus_never_replaces_a_folder_it_did_not_write(tmp_path):
    from helpers.pipeline import extract_corpus

    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    mine = tmp_path / "out" / "entities"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("ملاحظاتي\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.txt"):
        extract_corpus(corpus, tmp_path / "out", cache_dir=False, progress=False)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "ملاحظاتي\n"


def test_the_tables_extract_writes_are_as_readable_as_any_file_the_analyst_makes(tmp_path):
    """Written through private temporary files (0600), the CSVs stayed private: a colleague or the web
    server of a shared folder could not read them, though every other file there follows the umask."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    old = os.umask(0o022)
    try:
        assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    finally:
        os.umask(old)
    for name in ("articles.csv", "milestones.csv", "entities.csv", "load_report.csv"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644, name


@pytest.mark.parametrize("output_format", ["csv", "parquet"])
def test_an_output_folder_inside_the_corpus_holding_articles_is_refused_not_skipped(tmp_path, capsys, output_format):
    """``extract corpus --out corpus/sub`` where sub/ holds articles: today its .lock makes the walk pass sub/
    over as «output folder of an extraction», an ok row, and its articles are silently not read (exit 0)."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "t2.txt").write_text("عنوان آخر\n\nغادرت القوات أربيل في آذار 2026.\n", encoding="utf-8")
    status = main(["extract", str(corpus), "--out", str(corpus / "sub"), "--no-cache", "--format", output_format])
    err = capsys.readouterr().err
    assert status == 2 and "t2.txt" in err and "Traceback" not in err, err[-600:]
    assert sorted(p.name for p in (corpus / "sub").iterdir()) == ["t2.txt"]


@pytest.mark.parametrize("output_format, folder", [("parquet", "load_report.parquet"), ("csv", "articles.csv")])
def test_a_folder_named_as_an_output_file_is_a_clear_error_before_any_work(tmp_path, capsys, output_format, folder):
    """Today: a traceback, «this is a bug», exit 3, and the tables renamed before it (milestones.csv and
    entities.csv of this run beside nothing, or the new Parquet tables beside no load report)."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    out = tmp_path / "out"
    (out / folder).mkdir(parents=True)
    status = main(["extract", str(corpus), "--out", str(out), "--no-cache", "--format", output_format])
    err = capsys.readouterr().err
    assert status == 2 and folder in err and "Traceback" not in err and "is a bug" not in err, err[-600:]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [folder]


def test_undecodable_bytes_in_an_article_file_are_named_by_their_line(tmp_path):
    """Today «1 undecodable bytes replaced with U+FFFD»: the analyst searches the whole file for it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes("عنوان\n\nسطر سليم.\n\nسطر ".encode() + b"\xff" + " معطوب.\n".encode())
    row = load_corpus(corpus).report.iloc[0]
    assert row["status"] == "warning" and "undecodable" in row["reason"] and "line 5" in row["reason"], row["reason"]


@pytest.mark.parametrize("hidden", [".DS_Store", ".ipynb_checkpoints"])
def test_a_hidden_file_a_file_browser_leaves_in_an_output_folder_does_not_block_the_next_run(tmp_path, capsys,
                                                                                            hidden):
    # Finder's .DS_Store and Jupyter's .ipynb_checkpoints appear in any folder an analyst opens: the second
    # run into the same folder (and into corpus/out, the folder the error message itself suggests) must go on
    corpus = one_article(tmp_path / "news", "article_id,published\nt1,2025-03-02\n")
    out = corpus / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-cache", "--format", "parquet"]) == 0
    for folder in (out, out / "articles"):
        (folder / hidden).mkdir() if hidden.endswith("checkpoints") else (folder / hidden).write_bytes(b"\0")
    status = main(["extract", str(corpus), "--out", str(out), "--no-cache", "--format", "parquet"])
    assert status == 0, capsys.readouterr().err[-600:]


def test_tables_changed_by_helpers_data_dir_after_the_extractors_were_imported_are_an_error_not_ignored(tmp_path):
    # a notebook that already extracted, then sets $HELPERS_DATA_DIR: the imported calendar stays the shipped
    # one, so the analyst's tables would be silently ignored (or a worker would die on them); say so instead
    calendar = tmp_path / "data" / "calendar"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "calendar", calendar)
    with open(calendar / "months.csv", "a", encoding="utf-8") as table:
        table.write("# the analyst's edit\n")
    script = textwrap.dedent(f"""
        import os
        import helpers.milestones
        from helpers.data_tables import check_tables
        os.environ["HELPERS_DATA_DIR"] = {str(tmp_path / "data")!r}
        try:
            check_tables(claims=False)
        except ValueError as err:
            print("refused:", err)
        else:
            print("passed")
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=300,
                          env={k: v for k, v in os.environ.items() if k != "HELPERS_DATA_DIR"})
    assert done.stdout.startswith("refused:") and "HELPERS_DATA_DIR" in done.stdout and "restart" in done.stdout, \
        done.stdout + done.stderr[-600:]


def test_a_script_without_a_main_guard_is_told_to_add_one_not_that_a_worker_was_killed(tmp_path):
    """Workers start by importing the calling script again (multiprocessing's spawn and forkserver): a script
    that calls ``extract_corpus`` at module level, unguarded, makes each worker start the run again, and the
    worker fails. The error says what to do, not "out of memory? kill -9?"."""
    corpus = wordy_corpus(tmp_path / "corpus", articles=4)
    script = tmp_path / "unguarded.py"
    script.write_text(f"from helpers.pipeline import extract_corpus\n"
                      f"extract_corpus({str(corpus)!r}, {str(tmp_path / 'out')!r}, workers=2, cache_dir=False,"
                      f" progress=False)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], check=False, capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert 'if __name__ == "__main__":' in last and "kill -9" not in last, done.stderr[-1500:]


def test_more_workers_than_cores_is_run_but_said(tmp_path, capsys, monkeypatch):
    """``--workers 64`` on a laptop: each worker holds its own tables and they share the cores, so a run far
    slower and larger than the analyst meant. It is run as asked, with a warning that says why it may crawl."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "3"]) == 0
    err = capsys.readouterr().err
    assert "--workers 3" in err and "2 cores" in err, err[-600:]
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "2"]) == 0
    assert "cores" not in capsys.readouterr().err


def test_the_default_workers_are_the_cores_this_run_may_use_not_the_machine_s(tmp_path, monkeypatch):
    """In a container or under ``taskset`` given one core of a 64-core machine, a default run starts one
    worker, not 64 each holding its own tables on one core, the run ``--workers 64`` is warned about."""
    from helpers import corpus as corpus_package
    from helpers.corpus import load as corpus_load
    from helpers.pipeline import extract_corpus

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(corpus_package.PARALLEL_FROM):
        (folder / f"a{i:04d}.txt").write_text(f"خبر {i}\n\nانسحبت القوات في 3 آذار 2024.\n", encoding="utf-8")
    summary = extract_corpus(folder, tmp_path / "out", cache_dir=False, progress=False, claims=False)
    assert summary.summary["workers"] == 1
    seen = []
    real_chunks = corpus_load.cleaned_chunks
    monkeypatch.setattr(corpus_load, "cleaned_chunks",
                        lambda files, workers, *rest: seen.append(workers) or real_chunks(files, workers, *rest))
    corpus_package.load_corpus(folder, progress=False)
    assert seen == [1]


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_lone_surrogate_escape_in_a_json_record_is_replaced_and_named_not_a_traceback(tmp_path, suffix):
    """JSON allows «\\ud800» with no pair (invalid UTF-16); today it reaches Arrow, which cannot write it as UTF-8,
    and extract stops with a traceback: no table written, every good record lost."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = ['{"id": "r1", "title": "عنوان", "text": "غادرت القوات بغداد في أيلول 2026."}',
               '{"id": "r2", "title": "عنوان \\ud800", "text": "غادرت القوات \\udc80 أربيل.", "source": "\\ud83d"}',
               '{"id": "r3", "title": "عنوان", "text": "غادرت القوات الموصل \\ud83d\\ude00."}']
    text = "\n".join(records) + "\n" if suffix == ".jsonl" else "[" + ",\n".join(records) + "]"
    (corpus / f"feed{suffix}").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("extract", corpus, "--out", out, "--no-cache", cwd=tmp_path)
    assert "Traceback" not in done.stderr, done.stderr[-800:]
    assert done.returncode == 0, done.stderr[-800:]
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("article_id")
    assert articles.loc["r2", "title"] == "عنوان \ufffd" and "\ufffd أربيل" in articles.loc["r2", "text"]
    assert articles.loc["r2", "source"] == "\ufffd"
    assert "\U0001f600" in articles.loc["r3", "text"]  # a pair of escapes is one character, kept
    report = pd.read_csv(out / "load_report.csv", keep_default_na=False).set_index("article_id")
    assert report.loc["r2", "status"] == "warning" and "line 2" in report.loc["r2", "reason"]
    assert "surrogate" in report.loc["r2", "reason"] and "3" in report.loc["r2", "reason"]
    assert report.loc["r1", "status"] == "ok" and report.loc["r3", "status"] == "ok", report.to_dict("index")


@pytest.mark.parametrize("failure", ["OSError(errno.ENOSPC, 'No space left on device')", "KeyboardInterrupt()"])
def test_a_full_disk_or_ctrl_c_between_batches_of_a_run_with_workers_ends_it(tmp_path, failure):
    """A Parquet part that cannot be written (a full disk) or Ctrl-C while the parent takes a batch in: today the
    run never ends. The fork server, stopped on the way out, waits for the workers, which wait for work from a
    pool nobody shut down (the loop over the batches was left without closing it)."""
    corpus = wordy_corpus(tmp_path / "corpus", articles=24)
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import errno, sys
        from helpers import pipeline_output
        from helpers.pipeline import extract_corpus

        calls, add = [0], pipeline_output.PartWriter.add

        def failing_add(self, table):  # the second batch's first table
            calls[0] += 1
            if calls[0] == 4:
                raise {failure}
            return add(self, table)

        if __name__ == "__main__":
            pipeline_output.PartWriter.add = failing_add
            try:
                extract_corpus({str(corpus)!r}, {str(tmp_path / 'out')!r}, workers=2, batch_size=2, cache_dir=False)
            except (OSError, KeyboardInterrupt) as err:
                print("ended:", type(err).__name__)
    """), encoding="utf-8")
    out, err = _run_to_its_end(script, 120, "the run never ended")
    assert out.strip() == f"ended: {failure.split('(')[0]}", err[-1500:]


def test_ctrl_c_while_the_workers_fork_server_starts_prints_no_traceback(tmp_path):
    """Ctrl-C reaches the whole process group: in the first seconds of a run with workers, the fork server was still
    importing the extraction modules and printed a KeyboardInterrupt traceback under the run's «interrupted»."""
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent("""
        import os, signal, time
        from multiprocessing import forkserver
        from helpers.pipeline import _PRELOAD
        from helpers.pipeline_jobs import worker_context

        if __name__ == "__main__":
            with worker_context(_PRELOAD, start=True):
                time.sleep(0.2)  # the server is importing its modules: Ctrl-C now, as the terminal sends it
                os.kill(forkserver._forkserver._forkserver_pid, signal.SIGINT)
                time.sleep(0.5)
            print("ended")
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                          check=False)
    assert done.stdout.strip() == "ended" and "KeyboardInterrupt" not in done.stderr, done.stderr[-1500:]


def test_an_interrupted_run_ends_even_when_a_worker_is_left_waiting_for_work(tmp_path):
    """Ctrl-C can land inside the pool's own bookkeeping (a worker being started, the pool being shut down): a
    worker is then left waiting for work nobody sends, and the run, stopping its fork server on the way out,
    waited for it forever (3 runs in 14 under Ctrl-C with --workers 2). Here the pool is left so on purpose."""
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent("""
        from concurrent.futures import ProcessPoolExecutor
        from helpers.pipeline import _PRELOAD
        from helpers.pipeline_jobs import worker_context

        kept = []  # the pool nobody shuts down

        if __name__ == "__main__":
            try:
                with worker_context(_PRELOAD, start=True) as context:
                    kept.append(ProcessPoolExecutor(1, mp_context=context))
                    kept[0].submit(abs, -1).result()  # its worker runs, then waits for the next job
                    raise KeyboardInterrupt
            except KeyboardInterrupt:
                print("ended")
    """), encoding="utf-8")
    out, err = _run_to_its_end(script, 60, "the interrupted run never ended")
    assert out.strip() == "ended", err[-1500:]


def _run_to_its_end(script, timeout: int, never_ended: str) -> tuple[str, str]:
    """Run ``script`` in a session of its own (cwd: its folder); its (stdout, stderr), or the test fails with
    ``never_ended`` after ``timeout`` seconds, the script's whole group killed (a fork server and its workers)."""
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=script.parent, start_new_session=True)
    try:
        return child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(never_ended)


@pytest.mark.parametrize("command", [["extract", "", "--out", "OUT"], ["extract", "CORPUS", "--out", ""],
                                     ["extract", "CORPUS", "--out", "OUT", "--manifest", " "],
                                     ["report", "", "--out", "OUT"]])
def test_an_empty_path_from_an_unset_variable_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch,
                                                                                       capsys, command):
    """``extract "$CORPUS" --out out`` with CORPUS unset read the whole current folder as the corpus (a home folder:
    every file in it), and ``--out "$OUT"`` wrote the tables there, over an analyst's own articles.csv."""
    work = tmp_path / "work"
    one_article(work, "article_id,published\nt1,2024-09-28\n")
    (work / "articles.csv").write_text("an analyst's own table\n", encoding="utf-8")
    monkeypatch.chdir(work)
    given = [{"CORPUS": str(one_article(tmp_path / "corpus", "article_id\nt1\n")), "OUT": str(tmp_path / "out")}.get(
        part, part) for part in command]
    assert main(given) == 2
    assert "empty" in capsys.readouterr().err
    assert (work / "articles.csv").read_text(encoding="utf-8") == "an analyst's own table\n"
    assert not (tmp_path / "out").exists() and not (work / ".lock").exists()


@pytest.mark.parametrize("load", ["load_corpus", "extract_corpus"])
def test_load_corpus_and_extract_corpus_refuse_an_empty_path(tmp_path, monkeypatch, load):
    import helpers

    monkeypatch.chdir(one_article(tmp_path / "work", "article_id\nt1\n"))
    with pytest.raises(ValueError, match="empty"):
        getattr(helpers, load)("", *([tmp_path / "out"] if load == "extract_corpus" else []))


@pytest.mark.parametrize("command, entry, make", [("extract", ".lock", "folder"), ("report", ".lock", "folder"),
                                                   ("extract", ".cache", "file"), ("extract", ".lock", "link"),
                                                   ("extract", ".cache", "broken link")])
def test_an_output_folder_whose_lock_or_cache_is_the_wrong_kind_of_entry_is_a_clear_error(tmp_path, capsys, command,
                                                                                        entry, make):
    """``OUT/.lock`` made a folder (a sync tool, a careless ``mkdir``) or ``OUT/.cache`` a file: extract and report
    stopped with IsADirectoryError / FileExistsError tracebacks and «failed (… a bug)», exit 3."""
    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    out = tmp_path / "out"
    out.mkdir()
    analysts = tmp_path / "analysts-own.csv"  # what a link named .lock leads to: never truncated
    analysts.write_text("a,b\n1,2\n", encoding="utf-8")
    {"folder": lambda p: p.mkdir(), "file": lambda p: p.write_text("x\n", encoding="utf-8"),
     "link": lambda p: p.symlink_to(analysts), "broken link": lambda p: p.symlink_to(tmp_path / "gone")}[make](out / entry)
    status = main([command, str(corpus), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a bug" not in err, err[-600:]
    assert status == 2 and f"{out / entry} is a " in err and make in err, err
    assert analysts.read_text(encoding="utf-8") == "a,b\n1,2\n" and not (tmp_path / "gone").exists()
    if entry == ".cache":
        assert main([command, str(corpus), "--out", str(out), "--no-cache"]) == 0


def test_extract_corpus_says_when_its_cache_folder_is_a_file(tmp_path):
    from helpers.pipeline import extract_corpus

    corpus = one_article(tmp_path / "corpus", "article_id,published\nt1,2025-03-02\n")
    (tmp_path / "cache").write_text("x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cache is a file"):
        extract_corpus(corpus, tmp_path / "out", cache_dir=tmp_path / "cache", progress=False)


@pytest.mark.parametrize("option, named", [
    (["--scheduler", "notaurl"], "--scheduler"),  # a ValueError traceback from distributed, exit 3, before
    (["--scheduler", "tcp://host"], "--scheduler"),
    (["--workers", "99999999999"], "--workers"),  # an OverflowError traceback before
])
def test_extract_with_an_impossible_scheduler_or_worker_count_is_a_usage_error(tmp_path, capsys, option, named):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("عنوان\n\nغادرت القوات بغداد في 15 سبتمبر 2025.\n", encoding="utf-8")
    status = main(["extract", str(corpus), "--out", str(tmp_path / "out"), *option])
    err = capsys.readouterr().err
    assert status == 2 and named in err and "Traceback" not in err, err[-600:]


def test_extract_on_a_scheduler_nobody_runs_says_so_without_a_traceback(tmp_path, capsys):
    import dask

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("عنوان\n\nغادرت القوات بغداد في 15 سبتمبر 2025.\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status = main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert status == 2 and "cannot reach the Dask scheduler tcp://127.0.0.1:1" in err, err[-600:]
    assert "Traceback" not in err and "is a bug" not in err


def test_extract_of_one_article_into_its_own_folder_is_refused(tmp_path, capsys):
    """Accepted before: the tables landed among the articles, and the next «extract news» read them as articles."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("عنوان\n\nغادرت القوات بغداد في 15 سبتمبر 2025.\n", encoding="utf-8")
    status = main(["extract", str(news / "a.txt"), "--out", str(news)])
    err = capsys.readouterr().err
    assert status == 2 and "a.txt" in err and "output folder of its own" in err, err[-600:]
    assert sorted(p.name for p in news.iterdir()) == ["a.txt"]
    assert main(["extract", str(news / "a.txt"), "--out", str(tmp_path / "out")]) == 0  # a folder of its own is fine
