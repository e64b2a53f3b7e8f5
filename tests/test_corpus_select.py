"""Loading what the analyst meant (issue 15): include/exclude patterns, tables without a text column
reported once, and articles a manifest does not list (or manifest rows without an article) flagged.

Every test builds its own folder; the Arabic sentences are written for these tests.
"""

import json

import nbformat
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from helpers import paths
from helpers.cli import build_parser, main
from helpers.corpus import iter_documents, load_corpus
from helpers.pipeline import extract_corpus

ARTICLE_A = "الحكومة تعلن موعد الانسحاب\n\nقالت الحكومة العراقية إن الانسحاب ينتهي في سبتمبر 2025.\n"
ARTICLE_B = "التحالف يغلق قاعدة\n\nأعلن التحالف الدولي إغلاق قاعدة في الأنبار في 15 أبريل 2024.\n"
ARTICLE_C = "وفد عراقي في واشنطن\n\nبحث وفد عراقي مع الولايات المتحدة مستقبل المهمة في العراق.\n"
# A list of sources, one "article id <TAB> surface" a line: a .txt, but not an article.
LISTING = "## a\n1\tالحكومة العراقية\tiraqi_government\n## b\n3\tالتحالف الدولي\tglobal_coalition\n"
ANNOTATION_COLUMNS = ["id", "label", "start"]


def write(folder, name, content):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def rows(report, name, line=None):
    """The report rows of the file ``name`` (a path ending), and of ``line`` when given."""
    found = report[report["path"].str.endswith("/" + name)]
    if line is not None:
        found = found[found["line"] == line]
    return found


def only_row(report, name, line=None):
    found = rows(report, name, line)
    assert len(found) == 1, report.to_string()
    return found.iloc[0]


def annotation_csv(n_rows: int) -> str:
    return "id,label,start\n" + "".join(f"a,milestone,{2000 + i}-01-01\n" for i in range(n_rows))


@pytest.fixture
def annotated(tmp_path):
    """An analyst's folder: three articles, a README, an annotation CSV of 111 rows, a sources list
    (.txt, not an article) and a manifest that lists a and b, and one article (gone) with no file."""
    root = tmp_path / "annotated"
    write(root, "articles/a.txt", ARTICLE_A)
    write(root, "articles/b.txt", ARTICLE_B)
    write(root, "articles/c.txt", ARTICLE_C)
    write(root, "README.md", "# Annotated set\n\nArticles and their annotations.\n")
    write(root, "annotations.csv", annotation_csv(111))
    write(root, "mentions_listing.txt", LISTING)
    write(root, "manifest.csv", "article_id,published\na,2024-09-28\nb,2024-04-17\ngone,2024-01-02\n")
    return root


# ------------------------------------------------------------------ include / exclude


def test_include_and_exclude_choose_the_files_and_every_other_file_keeps_a_row(annotated):
    corpus = load_corpus(annotated, include=["*.txt"], exclude=["mentions_*"])
    assert list(corpus.articles["article_id"]) == ["a", "b", "c"]
    report = corpus.report
    listing = only_row(report, "mentions_listing.txt")
    assert listing["status"] == "ok" and listing["reason"] == "excluded by pattern 'mentions_*'"
    for name in ("README.md", "annotations.csv"):
        row = only_row(report, name)
        assert row["status"] == "ok" and row["reason"] == "not included: matches no include pattern ('*.txt')"
    # nothing lost: every file of the folder has its row
    assert set(report["path"]) >= {str(p) for p in annotated.rglob("*") if p.is_file()}


def test_a_pattern_without_a_slash_matches_a_name_in_any_folder_and_one_with_a_slash_the_relative_path(tmp_path):
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "2024/b.txt", ARTICLE_B)
    write(tmp_path, "2024/drafts/c.txt", ARTICLE_C)

    def ids(**select):
        return list(load_corpus(tmp_path, **select).articles["article_id"])

    assert ids() == ["b", "c", "a"]  # sorted walk: the folder 2024 before a.txt
    assert ids(exclude=["b.txt"]) == ["c", "a"]
    assert ids(exclude=["drafts"]) == ["b", "a"]  # a folder's name takes everything under it
    assert ids(exclude=["2024/*.txt"]) == ["a"]  # '*' crosses folders, as in fnmatch
    assert ids(include=["2024/drafts/*"]) == ["c"]
    assert ids(include=["**/c.txt", "a.txt"]) == ["c", "a"]
    assert ids(exclude=["**/a.txt"]) == ["b", "c"]  # '**/' also matches no folder at all
    assert ids(include=["*.TXT"]) == []  # case counts, as in the file system


def test_wildcards_never_drop_a_manifest_but_an_exclude_pattern_naming_it_does(tmp_path):
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "manifest.csv", "article_id,published\na,2024-09-28\n")
    for select in ({"include": ["*.txt"]}, {"exclude": ["*.csv"]}, {"exclude": ["manifest.*"]}):
        dated = load_corpus(tmp_path, **select)
        assert dated.articles["published"].tolist() == [pd.Timestamp("2024-09-28")], select
    undated = load_corpus(tmp_path, exclude=["manifest.csv"])
    assert undated.articles["published"].isna().all()
    assert only_row(undated.report, "manifest.csv")["reason"] == "excluded by pattern 'manifest.csv'"


def test_a_manifest_row_whose_file_was_excluded_is_not_reported_missing(annotated):
    report = load_corpus(annotated, exclude=["b.txt"]).report
    assert only_row(report, "b.txt")["reason"] == "excluded by pattern 'b.txt'"
    assert rows(report, "manifest.csv", line=3).empty  # b's row: its file is there, excluded on purpose
    assert "no file gone.txt" in only_row(report, "manifest.csv", line=4)["reason"]


def test_patterns_apply_to_a_single_file_corpus_and_to_iter_documents(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE_A)
    corpus = load_corpus(path, exclude=["a.*"])
    assert corpus.articles.empty and only_row(corpus.report, "a.txt")["reason"] == "excluded by pattern 'a.*'"
    write(tmp_path, "b.txt", ARTICLE_B)
    docs = list(iter_documents(tmp_path, include=["b.txt"]))
    assert [(d.article_id, d.is_article) for d in docs] == [(None, False), ("b", True)]
    assert docs[0].reason.startswith("not included")


# ------------------------------------------------------------------ tables without a text column


def test_an_annotation_csv_is_one_row_naming_its_columns_not_one_per_record(annotated):
    report = load_corpus(annotated).report
    row = only_row(report, "annotations.csv")  # 111 error rows before
    assert row["status"] == "error" and pd.isna(row["line"])
    assert row["reason"] == ("no text column (expected 'text', 'body' or 'content'), not read as articles; "
                             "columns: id, label, start")


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".parquet"])
def test_other_tables_without_a_text_column_are_one_row_too(tmp_path, suffix):
    records = [{"id": f"r{i}", "label": "milestone", "start": "2024-01-01"} for i in range(5)]
    path = tmp_path / f"labels{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        pq.write_table(pa.Table.from_pylist(records), path)
    write(tmp_path, "a.txt", ARTICLE_A)
    corpus = load_corpus(tmp_path)
    row = only_row(corpus.report, path.name)
    assert row["status"] == "error" and row["reason"].endswith("columns: id, label, start")
    assert list(corpus.articles["article_id"]) == ["a"]


def test_a_table_with_a_text_column_still_reports_each_record_without_text(tmp_path):
    write(tmp_path, "feed.csv", "id,title,text\nr1,عنوان,نص عن بغداد.\nr2,عنوان آخر,\n")
    report = load_corpus(tmp_path).report
    assert only_row(report, "feed.csv", line=2)["status"] == "ok"
    assert "record has no text" in only_row(report, "feed.csv", line=3)["reason"]


# ------------------------------------------------------------------ manifests


def test_articles_a_manifest_does_not_list_are_loaded_with_a_warning(annotated):
    corpus = load_corpus(annotated)
    assert {"a", "b", "c", "mentions_listing"} <= set(corpus.articles["article_id"])  # loaded, as before
    for name in ("articles/c.txt", "mentions_listing.txt"):
        row = only_row(corpus.report, name)
        assert row["status"] == "warning" and "not in manifest" in row["reason"], row
        assert str(annotated / "manifest.csv") in row["reason"]
    for name in ("articles/a.txt", "articles/b.txt"):
        assert only_row(corpus.report, name)["status"] == "ok"
    missing = only_row(corpus.report, "manifest.csv", line=4)
    assert missing["status"] == "warning" and "gone" in missing["reason"] and "no file" in missing["reason"]


def test_an_explicit_manifest_inside_the_folder_is_read_as_a_manifest_not_as_records(tmp_path):
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "b.txt", ARTICLE_B)
    listing = write(tmp_path, "dates.csv", "article_id,published\na,2024-09-28\n")
    corpus = load_corpus(tmp_path, manifest=listing)
    assert only_row(corpus.report, "dates.csv")["reason"] == "manifest with 1 rows"
    assert "not in manifest" in only_row(corpus.report, "b.txt")["reason"]
    assert corpus.articles.set_index("article_id")["published"]["a"] == pd.Timestamp("2024-09-28")


def test_the_analysts_folder_with_patterns_gives_the_rows_they_expect(annotated):
    corpus = load_corpus(annotated, exclude=["README*", "mentions_listing.txt", "*.csv"],
                         manifest=annotated / "manifest.csv")
    report = corpus.report.assign(name=corpus.report["path"].str.slice(len(str(annotated)) + 1))
    got = [tuple(r) for r in report[["name", "line", "status"]].astype(object).itertuples(index=False)]
    assert sorted(got, key=str) == sorted([
        ("manifest.csv", pd.NA, "ok"),  # the manifest's own row: 3 rows read
        ("manifest.csv", 4, "warning"),  # gone: no file
        ("README.md", pd.NA, "ok"),  # excluded
        ("annotations.csv", pd.NA, "ok"),  # excluded
        ("mentions_listing.txt", pd.NA, "ok"),  # excluded
        ("articles/a.txt", pd.NA, "ok"),
        ("articles/b.txt", pd.NA, "ok"),
        ("articles/c.txt", pd.NA, "warning"),  # not in manifest
    ], key=str)
    assert list(corpus.articles["article_id"]) == ["a", "b", "c"]


# ------------------------------------------------------------------ the pipeline gives the same rows


def test_the_pipeline_gives_the_rows_load_corpus_gives(annotated, tmp_path):
    select = {"include": ["*.txt", "*.csv"], "exclude": ["mentions_*"], "manifest": annotated / "manifest.csv"}
    corpus = load_corpus(annotated, **select)
    run = extract_corpus(annotated, tmp_path / "out", progress=False, cache_dir=False, **select)
    pd.testing.assert_frame_equal(run.report(), corpus.report)
    assert list(run.articles()["article_id"]) == list(corpus.articles["article_id"]) == ["a", "b", "c"]
    assert "not in manifest" in only_row(run.report(), "c.txt")["reason"]
    again = extract_corpus(annotated, tmp_path / "out", progress=False, exclude=["c.txt"])
    assert list(again.articles()["article_id"]) == ["a", "b", "mentions_listing"]  # patterns change the run


# ------------------------------------------------------------------ the command line and the report


def test_extract_takes_repeatable_include_and_exclude_and_says_so_in_help(annotated, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", str(annotated), "--out", str(out), "--include", "*.txt", "--include", "*.md",
                 "--exclude", "README*", "--exclude", "mentions_*"])
    assert code == 0  # c.txt's and gone's warnings, no error
    assert list(pd.read_csv(out / "articles.csv")["article_id"]) == ["a", "b", "c"]
    report = pd.read_csv(out / "load_report.csv")
    assert only_row(report, "README.md")["reason"] == "excluded by pattern 'README*'"
    err = capsys.readouterr().err
    assert "not in manifest" in err and "excluded" not in err  # excluded files are ok rows, not printed
    for command in ("extract", "report"):
        help_text = " ".join(build_parser("arabic-news")._subparsers._group_actions[0]
                             .choices[command].format_help().split())
        assert "--include" in help_text and "--exclude" in help_text and "--manifest" in help_text
        assert "relative to the corpus" in help_text and "not in manifest" in help_text


def test_report_passes_manifest_and_patterns_to_the_notebooks(annotated, tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[
        new_code_cell('CORPUS = ""', metadata={"tags": ["parameters"]}),
        new_code_cell("from helpers.corpus import load_corpus\n"
                      "corpus = load_corpus(CORPUS)\n"
                      "print(sorted(corpus.articles['article_id']))\n"
                      "print(corpus.articles.set_index('article_id')['published'].astype(str).to_dict())"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                 "language_info": {"name": "python"}})
    nbformat.write(nb, notebooks / "01-select.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS", notebooks)
    dates = write(tmp_path, "dates.csv", "article_id,published\nb,2024-04-17\n")
    out = tmp_path / "report"
    assert main(["report", str(annotated), "--out", str(out), "--include", "articles/*",
                 "--exclude", "c.txt", "--manifest", str(dates)]) == 0
    executed = nbformat.read(out / "executed" / "01-select.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert "['a', 'b']" in printed and "'b': '2024-04-17'" in printed and "'a': nan" in printed
