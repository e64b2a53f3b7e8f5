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
