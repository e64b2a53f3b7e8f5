"""`python -m helpers extract` writes the analyst's CSVs and says by its exit status what happened."""

import subprocess
import sys

import pandas as pd

from helpers.cli import main
from helpers.paths import SEEDS


def test_extract_writes_articles_report_milestones_and_entities(tmp_path):
    assert main(["extract", str(SEEDS), "--out", str(tmp_path)]) == 0
    for name in ("articles.csv", "load_report.csv", "milestones.csv", "entities.csv"):
        assert (tmp_path / name).exists(), name
    articles = pd.read_csv(tmp_path / "articles.csv")
    assert list(articles["article_id"]) == ["000_4ae327929c11d180"]
    milestones = pd.read_csv(tmp_path / "milestones.csv")
    assert "2025-09-30" in set(milestones["start"])  # نهاية سبتمبر 2025
    entities = pd.read_csv(tmp_path / "entities.csv")
    assert {"article_id", "entity_id", "form", "paragraph", "char_start", "char_end"} <= set(entities.columns)


def test_extract_exits_1_and_reports_when_an_input_was_skipped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("عنوان\n\nنص المقال عن بغداد.\n", encoding="utf-8")
    (corpus / "broken.bin.txt").write_bytes(b"\x00\x01\x02\x00" * 50)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 1
    report = pd.read_csv(out / "load_report.csv")
    assert "error" in set(report["status"])
    assert "broken.bin.txt" in capsys.readouterr().err
    assert len(pd.read_csv(out / "articles.csv")) == 1


def test_extract_exits_2_on_a_corpus_that_does_not_exist(tmp_path):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2


def test_module_runs_as_python_dash_m_helpers():
    result = subprocess.run([sys.executable, "-m", "helpers", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "extract" in result.stdout


def small_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text("عنوان\n\nنص المقال عن بغداد.\n", encoding="utf-8")
    return folder


def test_extract_exits_3_with_the_traceback_when_it_fails(tmp_path, monkeypatch, capsys):
    from helpers import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the extraction")

    monkeypatch.setattr(pipeline, "extract_corpus", broken)
    assert main(["extract", str(small_corpus(tmp_path / "corpus")), "--out", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "RuntimeError: a bug in the extraction" in err and "extraction failed" in err


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(tmp_path, capsys):
    from helpers.pipeline_output import output_lock

    corpus, out = small_corpus(tmp_path / "corpus"), tmp_path / "out"
    script = ("import sys, time\nfrom pathlib import Path\nfrom helpers.pipeline_output import output_lock\n"
              "with output_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True)  # run 1
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["extract", str(corpus), "--out", str(out)]) == 2
        assert "another extraction" in capsys.readouterr().err
        assert not (out / "articles.csv").exists()
    finally:
        holder.kill()
        holder.wait()
    assert main(["extract", str(corpus), "--out", str(out)]) == 0  # the kernel let go of the dead run's lock
    with output_lock(out):  # and a lock this process holds is not taken twice
        assert main(["extract", str(corpus), "--out", str(out)]) == 0


def test_what_a_killed_run_left_in_the_folder_is_removed_by_the_next_run(tmp_path):
    corpus, out = small_corpus(tmp_path / "corpus"), tmp_path / "out"
    staging = out / ".parquet-k1ll3d"
    (staging / "articles").mkdir(parents=True)
    (staging / "articles" / "part-00000.parquet").write_bytes(b"half a part")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()  # a process id that no longer runs
    cache_tmp = out / ".cache" / "ab" / f"abcdef.pkl.{dead}.x1y2z3.tmp"
    cache_tmp.parent.mkdir(parents=True)
    cache_tmp.write_bytes(b"half an entry")
    done_tmp = out / f".extracted.json.{dead}.q9w8e7.tmp"
    done_tmp.write_bytes(b"{")
    assert main(["extract", str(corpus), "--out", str(out)]) == 0
    assert not staging.exists() and not cache_tmp.exists() and not done_tmp.exists()
    assert not list(out.glob(".parquet-*")) and not list(out.rglob("*.tmp"))


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    (corpus / "feed.jsonl").write_text(
        '{"id": "=HYPERLINK(\\"http://x\\")", "title": "+cmd|calc", "text": "@SUM(1) نص عن بغداد.", '
        '"source": "-2+3"}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 0
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    record = articles[articles["path"].str.endswith("feed.jsonl")].iloc[0]
    assert record["article_id"] == "'=HYPERLINK(\"http://x\")"
    assert record["title"] == "'+cmd|calc" and record["source"] == "'-2+3"
    assert record["text"].startswith("'+cmd|calc")
    assert record["n_paragraphs"] == 1  # numbers stay numbers
    report = pd.read_csv(out / "load_report.csv", keep_default_na=False)
    assert "'=HYPERLINK(\"http://x\")" in set(report["article_id"])


def test_a_publication_date_beyond_the_calendars_does_not_stop_extract(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r1.txt").write_text("عنوان\n\nقالت الحكومة أمس إن الانسحاب ينتهي العام المقبل وغدا.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("article_id,published\nr1,9999-12-31\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert list(articles["published"]) == ["9999-12-31"]


def test_extract_follows_links_out_of_the_corpus_only_with_follow_links(tmp_path):
    corpus, elsewhere = small_corpus(tmp_path / "corpus"), tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "outside.txt").write_text("عنوان خارجي\n\nنص من خارج المجلد.\n", encoding="utf-8")
    (corpus / "outside.txt").symlink_to(elsewhere / "outside.txt")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "a")]) == 1
    assert main(["extract", str(corpus), "--out", str(tmp_path / "b"), "--follow-links"]) == 0
    assert set(pd.read_csv(tmp_path / "b" / "articles.csv")["article_id"]) == {"good", "outside"}
