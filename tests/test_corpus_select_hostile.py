"""Corpus selection under an analyst's real folder: patterns with folders, ``**``, backslashes, brackets,
Arabic names in either Unicode normalisation, patterns that match nothing, and manifests that name
articles by path. Every test builds its own folder; the Arabic sentences are written for these tests.
"""

import subprocess
import sys
import unicodedata

import pandas as pd
import pytest

from helpers.cli import main
from helpers.corpus import load_corpus
from helpers.pipeline import extract_corpus

ARTICLE_A = "الحكومة تعلن موعد الانسحاب\n\nقالت الحكومة العراقية إن الانسحاب ينتهي في سبتمبر 2025.\n"
ARTICLE_B = "التحالف يغلق قاعدة\n\nأعلن التحالف الدولي إغلاق قاعدة في الأنبار في 15 أبريل 2024.\n"
ARTICLE_C = "وفد عراقي في واشنطن\n\nبحث وفد عراقي مع الولايات المتحدة مستقبل المهمة في العراق.\n"
ARTICLE_D = "البرلمان يناقش الاتفاق\n\nناقش البرلمان العراقي اتفاق انسحاب القوات في أيار 2026.\n"


def write(folder, name, content):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def nested(tmp_path):
    """a.txt at the top, 2024/b.txt, 2024/drafts/c.txt."""
    root = tmp_path / "nested"
    write(root, "a.txt", ARTICLE_A)
    write(root, "2024/b.txt", ARTICLE_B)
    write(root, "2024/drafts/c.txt", ARTICLE_C)
    return root


def ids(root, **select):
    return list(load_corpus(root, **select).articles["article_id"])


def warnings_of(report):
    return report.loc[report["status"] == "warning", "reason"].tolist()


# ------------------------------------------------------------------ folders named by a path


def test_a_folder_given_by_its_relative_path_takes_everything_under_it(nested):
    # 'drafts' (no slash) already took the folder; its path with a slash took nothing, silently
    assert ids(nested, exclude=["2024/drafts"]) == ["b", "a"]
    assert ids(nested, include=["2024/drafts"]) == ["c"]
    assert ids(nested, exclude=["2024"]) == ["a"]


def test_a_trailing_slash_names_a_folder(nested):
    assert ids(nested, exclude=["drafts/"]) == ["b", "a"]
    assert ids(nested, exclude=["2024/drafts/"]) == ["b", "a"]
    assert ids(nested, include=["2024/"]) == ["b", "c"]
    # a folder pattern never takes a file of that name
    assert ids(nested, exclude=["a.txt/"]) == ["b", "c", "a"]


def test_double_star_between_folders_also_matches_no_folder(nested):
    assert ids(nested, include=["2024/**/*.txt"]) == ["b", "c"]  # took c only: 2024/b.txt is in no subfolder
    assert ids(nested, exclude=["2024/**/b.txt"]) == ["c", "a"]


def test_windows_backslashes_separate_folders(nested):
    assert ids(nested, exclude=["2024\\drafts\\*"]) == ["b", "a"]
    assert ids(nested, include=["2024\\*.txt"]) == ["b", "c"]


def test_dot_slash_anchors_a_pattern_at_the_corpus_folder(nested):
    write(nested, "2024/a.txt", ARTICLE_D)
    assert ids(nested, exclude=["./a.txt"]) == ["a", "b", "c"]  # only the top a.txt, as '/a.txt' does
    assert ids(nested, exclude=["/a.txt"]) == ["a", "b", "c"]


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("on_disk, typed", [("NFD", "NFC"), ("NFC", "NFD")])
def test_arabic_names_match_whatever_their_unicode_normalisation(tmp_path, on_disk, typed):
    # أ and آ are one code point each in NFC, alef + a combining hamza or madda in NFD (macOS names)
    folder, name = "أخبار", "آخر.txt"
    write(tmp_path, unicodedata.normalize(on_disk, f"{folder}/{name}"), ARTICLE_B)
    write(tmp_path, "a.txt", ARTICLE_A)
    assert ids(tmp_path, include=[unicodedata.normalize(typed, f"{folder}/*")]) == [
        unicodedata.normalize(on_disk, "آخر")]
    assert ids(tmp_path, exclude=[unicodedata.normalize(typed, name)]) == ["a"]


def test_a_name_with_brackets_is_matched_as_written_too(tmp_path):
    write(tmp_path, "[draft]/d.txt", ARTICLE_D)
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "b.txt", ARTICLE_B)
    assert ids(tmp_path, exclude=["[draft]"]) == ["a", "b"]  # the folder named so, not only d, r, a, f or t
    assert ids(tmp_path, exclude=["[ab].txt"]) == ["d"]  # brackets still make a set of characters


# ------------------------------------------------------------------ a pattern that matches nothing


def test_a_pattern_that_matches_no_file_is_a_warning_naming_it(nested):
    corpus = load_corpus(nested, include=["*.TXT", "2024/*"], exclude=["drafs", "b.txt"])
    assert list(corpus.articles["article_id"]) == ["c"]
    # the rows name the corpus folder the patterns were tried on
    warned = warnings_of(corpus.report[corpus.report["path"] == str(nested)])
    assert len(warned) == 2, corpus.report.to_string()
    assert warned[0].startswith("include pattern '*.TXT' matches no file")
    assert warned[1].startswith("exclude pattern 'drafs' leaves out no file")
    assert all("relative to the corpus folder" in w and "case" in w for w in warned)


def test_patterns_that_match_every_time_add_no_row(nested):
    report = load_corpus(nested, include=["*.txt"], exclude=["drafts"]).report
    assert warnings_of(report) == []


def test_extract_tells_the_analyst_a_pattern_matched_nothing(nested, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", str(nested), "--out", str(out), "--include", "nested/*.txt"])
    assert code == 1  # every article left out: no article read is not a success a script should trust
    err = capsys.readouterr().err
    assert "include pattern 'nested/*.txt' matches no file" in err and "no article was read" in err, err
    report = pd.read_csv(out / "load_report.csv")
    assert report["reason"].str.contains("'nested/\\*.txt' matches no file").sum() == 1
    # and the pipeline gives the row load_corpus gives
    run = extract_corpus(nested, tmp_path / "run", progress=False, cache_dir=False, include=["nested/*.txt"])
    pd.testing.assert_frame_equal(run.report(), load_corpus(nested, include=["nested/*.txt"]).report)


# ------------------------------------------------------------------ the cache follows the patterns


def test_a_rerun_with_other_patterns_into_the_same_folder_is_not_stale(nested, tmp_path):
    write(nested, "manifest.csv", "article_id,published\na,2024-09-28\nb,2024-04-17\nc,2024-05-01\n")
    out = tmp_path / "out"
    first = extract_corpus(nested, out, progress=False)
    assert first.articles().set_index("article_id")["published"].notna().all()
    undated = extract_corpus(nested, out, progress=False, exclude=["manifest.csv"])
    assert undated.articles()["published"].isna().all()  # the manifest left out: no dates, not the cached ones
    renamed = extract_corpus(nested, out, progress=False, exclude=["manifest.*sv", "c*"])
    reasons = renamed.report().set_index(renamed.report()["path"].str.slice(len(str(nested)) + 1))["reason"]
    assert reasons["2024/drafts/c.txt"] == "excluded by pattern 'c*'"
    assert list(renamed.articles()["article_id"]) == ["b", "a"]


# ------------------------------------------------------------------ manifests that name articles by path


def test_a_manifest_row_naming_a_path_or_a_file_name_says_article_id_is_the_stem(nested):
    write(nested, "manifest.csv", "article_id,published\n2024/b,2024-04-17\na.txt,2024-09-28\nc,2024-05-01\n")
    report = load_corpus(nested).report
    rows = report[report["path"].str.endswith("manifest.csv")].set_index("line")["reason"]
    # 'no file 2024/b.txt' was wrong: 2024/b.txt is there
    assert "no file 2024/b.txt" not in rows[2] and "article_id is the file name without .txt" in rows[2]
    assert "'b'" in rows[2]
    assert "no file a.txt.txt" not in rows[3] and "'a'" in rows[3]
    assert 4 not in rows.index  # c is listed by its stem: used


def test_a_record_without_text_names_every_text_field(tmp_path):
    write(tmp_path, "feed.jsonl", '{"id": "r1", "content": "نص عن بغداد."}\n{"id": "r2", "title": "عنوان"}\n')
    report = load_corpus(tmp_path).report
    reason = report.loc[report["line"] == 2, "reason"].item()
    assert "'content'" in reason, reason


def test_a_manifest_given_as_the_corpus_gets_a_row_not_an_empty_report(tmp_path, capsys):
    path = write(tmp_path, "manifest.csv", "article_id,published\na,2024-09-28\n")
    corpus = load_corpus(path)
    assert len(corpus.report) == 1, corpus.report  # the report was empty: the input vanished
    row = corpus.report.iloc[0]
    assert row["path"] == str(path) and row["status"] == "error" and "columns: article_id, published" in row["reason"]
    assert main(["extract", str(path), "--out", str(tmp_path / "out")]) == 1  # was 0, '0 articles'


def test_an_article_left_out_only_by_the_case_of_its_name_is_a_warning(tmp_path):
    # files saved on Windows: 'B.TXT' is read as an article, but '*.txt' is case-sensitive
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "B.TXT", ARTICLE_B)
    write(tmp_path, "notes.md", "# ملاحظات\n")
    corpus = load_corpus(tmp_path, include=["*.txt"])
    assert list(corpus.articles["article_id"]) == ["a"]  # the rule stays case-sensitive
    report = corpus.report.set_index(corpus.report["path"].str.slice(len(str(tmp_path)) + 1))
    assert report.loc["B.TXT", "status"] == "warning"  # was an ok row nobody is shown
    assert "ignoring case" in report.loc["B.TXT", "reason"]
    assert report.loc["notes.md", "status"] == "ok"  # left out on purpose: no word


def test_patterns_may_be_paths_and_absolute_paths_inside_the_corpus_folder(nested):
    # exclude=[root / "README.md"] raised TypeError (Path.replace); an absolute path matched nothing
    write(nested, "README.md", "# ملاحظات\n")
    assert ids(nested, exclude=[nested / "2024" / "drafts"]) == ["b", "a"]
    assert ids(nested, exclude=nested / "a.txt") == ["b", "c"]
    assert ids(nested, include=[str(nested / "2024") + "/"]) == ["b", "c"]
    report = load_corpus(nested, exclude=[nested / "README.md"]).report
    assert report.loc[report["path"] == str(nested / "README.md"), "reason"].str.startswith("excluded by").all()
    assert warnings_of(report) == []


def test_a_pattern_of_many_double_stars_answers_at_once(nested):
    # every subset of 16 '**/' was a regex alternative: 65,536 of them, a minute and more for one pattern
    code = ("import time, sys\nfrom helpers.corpus import load_corpus\nstarted = time.perf_counter()\n"
            f"corpus = load_corpus({str(nested)!r}, include=['2024/' + '**/' * 16 + '*.txt', 'x/**/' * 16 + 'a.txt',\n"
            "                     '**/**/**/**/**/**/a.txt'])\n"
            "print(sorted(corpus.articles['article_id']), round(time.perf_counter() - started))\n")
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found, seconds = done.stdout.rsplit(" ", 1)
    assert found == "['a', 'b', 'c']" and int(seconds) < 10, done.stdout


def test_corpus_selection_takes_paths_as_load_corpus_does(nested):
    from helpers.corpus import corpus_selection

    with corpus_selection(exclude=[nested / "2024" / "drafts"]):  # TypeError: Path is not JSON serializable
        assert ids(nested) == ["b", "a"]


def test_a_csv_with_blank_lines_before_its_header_is_read(tmp_path):
    # the header was taken from the blank first line: 'no text column ... columns: (none)' for a table of articles
    (tmp_path / "feed.csv").write_bytes("\r\n\r\nid,title,text\r\nr1,عنوان,نص عن بغداد.\r\n".encode())
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["r1"], corpus.report.to_string()
    assert corpus.articles["title"].tolist() == ["عنوان"]


def test_an_output_folder_inside_the_corpus_is_not_read_back(nested, capsys):
    # 'extract . --out out' from the corpus folder: the second run read articles.csv back, every article twice
    out = nested / "out"
    assert main(["extract", str(nested), "--out", str(out)]) == 0
    first = pd.read_csv(out / "articles.csv")
    assert main(["extract", str(nested), "--out", str(out)]) == 0  # was 1: its own CSVs 'without a text column'
    again = pd.read_csv(out / "articles.csv")
    assert list(again["article_id"]) == list(first["article_id"]) == ["b", "c", "a"]
    report = pd.read_csv(out / "load_report.csv")
    row = report[report["path"] == str(out)]
    assert len(row) == 1 and row["status"].item() == "ok" and "output folder" in row["reason"].item()
    assert not report["path"].str.startswith(str(out) + "/").any()
