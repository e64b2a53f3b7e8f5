"""`python -m helpers report` and `python -m helpers evaluate`: what they write and print, and their exit status."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from fixtures.report_fixtures import make_corpus, make_notebooks

from helpers import paths
from helpers.cli import main

# ---- report ----------------------------------------------------------------------------------------

@pytest.fixture
def suite(tmp_path, monkeypatch):
    """The report's default notebooks replaced by two small fixture ones (the real four take minutes)."""
    def use(failing: bool) -> None:
        monkeypatch.setattr(paths, "NOTEBOOKS", make_notebooks(tmp_path / ("failing" if failing else "ok"), failing))
    return use


def test_report_writes_the_index_pages_and_pack_and_exits_0(tmp_path, suite, capsys):
    suite(failing=False)
    out = tmp_path / "out"
    assert main(["report", str(make_corpus(tmp_path)), "--out", str(out)]) == 0
    assert (out / "01-corpus-overview.html").exists() and (out / "02-drawdown-timeline.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01-corpus-overview.html"' in index and "failed-notebook" not in index
    assert (out / "figures" / "01-corpus-overview--title-lengths.png").exists()
    assert "report: 2/2 notebooks ok" in capsys.readouterr().err
    assert (out / "tables" / "01-corpus-overview--table-1.csv").exists()
    assert not (out / "report.html").exists() and 'href="report.html"' not in index  # the folder report is the default


def test_report_single_file_also_writes_one_file_with_everything_inlined(tmp_path, suite, capsys):
    suite(failing=False)
    out = tmp_path / "out"
    assert main(["report", str(make_corpus(tmp_path)), "--out", str(out), "--single-file"]) == 0
    assert (out / "01-corpus-overview.html").exists()
    assert 'href="report.html"' in (out / "index.html").read_text(encoding="utf-8")  # the index offers it
    single = (out / "report.html").read_text(encoding="utf-8")
    assert f"one file to send -> {out / 'report.html'}" in capsys.readouterr().err
    assert "<script src" not in single and 'url("fonts/' not in single and 'href="tables/' not in single
    assert "data:font/ttf;base64," in single and "data:text/csv;charset=utf-8;base64," in single
    assert (out / "plotly.min.js").read_text(encoding="utf-8")[:2000] in single  # plotly.js itself, inlined


def test_report_exits_1_and_names_the_failing_notebook(tmp_path, suite, capsys):
    suite(failing=True)
    assert main(["report", str(make_corpus(tmp_path)), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "02-drawdown-timeline.ipynb FAILED" in err and "KeyError: 'no_such_column'" in err


def test_report_exits_2_on_a_corpus_that_does_not_exist(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# ---- evaluate --------------------------------------------------------------------------------------

def _counts(stdout: str, task: str) -> list[str]:
    """(tp, fp, fn) of one task in the printed table (columns: task precision recall f1 tp fp fn)."""
    line = next(line for line in stdout.splitlines() if line.strip().startswith(task + " "))
    return line.strip()[len(task):].split()[3:6]


def test_evaluate_prints_the_scores_of_the_set_and_exits_0(capsys):
    assert main(["evaluate", str(paths.DATA / "eval" / "probe")]) == 0
    out = capsys.readouterr().out
    # probe's gold: 49 milestone rows, 148 name and 32 adjective mentions (tests/test_eval_probe.py)
    assert _counts(out, "milestones") == ["49", "0", "0"]
    assert _counts(out, "entities (names)") == ["148", "0", "0"]
    assert _counts(out, "entities (adjectives)") == ["32", "0", "0"]


@pytest.fixture
def dev_missing_a_gold_row(tmp_path):
    """A copy of the dev set whose gold lacks one milestone row: the extractor's row becomes spurious."""
    folder = tmp_path / "dev"
    shutil.copytree(paths.EVAL_DEV, folder)
    gold = pd.read_csv(folder / "milestones.csv", dtype=str, keep_default_na=False)
    dropped = gold.iloc[1]
    gold.drop(index=1).to_csv(folder / "milestones.csv", index=False)
    return folder, dropped


def test_evaluate_counts_a_row_missing_from_gold_as_spurious(dev_missing_a_gold_row, capsys):
    folder, _ = dev_missing_a_gold_row
    assert main(["evaluate", str(folder)]) == 0
    assert _counts(capsys.readouterr().out, "milestones") == ["35", "1", "0"]


def test_evaluate_errors_lists_the_spurious_row_with_its_surface(dev_missing_a_gold_row, capsys):
    folder, dropped = dev_missing_a_gold_row
    assert main(["evaluate", str(folder), "--errors"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[milestones]")]
    assert listed == [line for line in listed if "spurious" in line]
    assert any(f"{dropped.article_id} «{dropped.surface}»" in line for line in listed), listed


def test_evaluate_exits_2_on_a_set_that_does_not_exist(tmp_path):
    assert main(["evaluate", str(tmp_path / "nowhere")]) == 2


# ---- extract over a damaged cache --------------------------------------------------------------------

def test_extract_re_extracts_truncated_cache_entries_instead_of_crashing(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(paths.EVAL_DEV / "articles", corpus)
    shutil.copy(paths.EVAL_DEV / "manifest.csv", corpus / "manifest.csv")
    cache = tmp_path / "cache"
    assert main(["extract", str(corpus), "--out", str(tmp_path / "first"), "--cache-dir", str(cache)]) == 0
    entries = {path: path.stat().st_size for path in cache.rglob("*.pkl")}
    if not entries:
        from helpers.pipeline_cache import extraction_fingerprint, may_cache

        if not may_cache(extraction_fingerprint()):  # by design: rows of code edited since import
            pytest.skip("the package's source changed while the tests ran: nothing is cached")
    assert entries, "nothing was cached"
    for path, size in entries.items():  # a disk that filled up, a copy cut short
        path.write_bytes(path.read_bytes()[: size // 2])
    assert main(["extract", str(corpus), "--out", str(tmp_path / "second"), "--cache-dir", str(cache)]) == 0
    for name in ("articles.csv", "milestones.csv", "entities.csv"):
        first, second = (pd.read_csv(tmp_path / run / name) for run in ("first", "second"))
        pd.testing.assert_frame_equal(first, second)
    assert {path: path.stat().st_size for path in cache.rglob("*.pkl")} == entries  # written again, whole


def test_a_cache_entry_cut_short_or_with_a_block_never_written_is_read_as_missing_not_as_other_rows(tmp_path):
    """Cache entries are not synced (a cached run would pay for it): a power cut can leave one cut short, or at its
    full length with blocks never written (zeros; XFS, a network share). Every such entry must read as missing, so
    the batch is extracted again; a zeroed block in the middle of the Arrow data was read as rows that were not
    the batch's."""
    from helpers.pipeline_cache import read_cached

    corpus = tmp_path / "corpus"
    shutil.copytree(paths.EVAL_DEV / "articles", corpus)
    cache = tmp_path / "cache"
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--cache-dir", str(cache)]) == 0
    entry = next(cache.rglob("*.pkl"), None)
    if entry is None:
        pytest.skip("the package's source changed while the tests ran: nothing is cached")
    data, damaged = entry.read_bytes(), tmp_path / "damaged.pkl"
    whole = read_cached(entry)
    cuts = [data[:size] for size in range(0, len(data), 7)]
    holes = [data[:start] + bytes(len(data[start:start + 64])) + data[start + 64:] for start in range(0, len(data), 64)]
    served = []
    for number, blob in enumerate(cuts + holes):
        damaged.write_bytes(blob)
        batch = read_cached(damaged)
        if batch is not None and blob != data and not (
                batch.chunk.docs == whole.chunk.docs and batch.milestones.equals(whole.milestones)
                and batch.entities.equals(whole.entities) and batch.chunk.texts.equals(whole.chunk.texts)
                and batch.chunk.paragraphs.equals(whole.chunk.paragraphs)):
            served.append(number)
    assert served == []


def test_a_crash_in_evaluate_exits_3_not_1(tmp_path, capsys, monkeypatch):
    """A bug gives exit status 3 (EXIT_FAILED), never 1, which means "some inputs were skipped"."""
    import helpers.evaluate
    from helpers import cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(helpers.evaluate, "evaluate", broken)
    # a well-formed gold folder: a malformed one is now a usage error (exit 2) before evaluate runs
    assert cli.main(["evaluate", str(paths.EVAL_DEV)]) == cli.EXIT_FAILED == 3
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_a_disk_that_fills_while_the_report_is_built_is_one_line_and_keeps_the_last_report(tmp_path, suite, capsys,
                                                                                           monkeypatch):
    """Today a full disk (or a folder of someone else's) while the report is written was a traceback and «report
    failed (… a bug)», exit 3."""
    import errno

    from helpers import report

    suite(failing=False)
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    assert main(["report", str(corpus), "--out", str(out)]) == 0
    index = (out / "index.html").read_bytes()
    capsys.readouterr()

    def full(folder):
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "contact-sheet.png"))

    monkeypatch.setattr(report, "contact_sheet", full)
    assert main(["report", str(corpus), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a bug" not in err, err[-800:]
    assert err.splitlines()[-1].startswith("error: cannot write ") and "No space left on device" in err
    assert (out / "index.html").read_bytes() == index and (out / "01-corpus-overview.html").exists()


def test_report_on_a_corpus_of_which_nothing_was_read_says_so_and_exits_1(tmp_path, monkeypatch, capsys):
    """Every page built, «report: 1/1 notebooks ok», exit 0: a script took a report of nothing (every input binary,
    or left out by a pattern) for a report of the corpus. ``extract`` on it exits 1 and says so; so does ``report``."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    parameters = new_code_cell('CORPUS = "seeds"')
    parameters.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[parameters, new_code_cell(
        "from helpers.views import extraction\nlen(extraction(CORPUS).milestones)")], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}),
        notebooks / "01-only.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS", notebooks)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(bytes(range(256)) * 8)
    assert main(["report", str(corpus), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"no article was read from {corpus}" in err and (tmp_path / "out" / "index.html").exists()
    (corpus / "b.txt").write_text("عنوان\n\nأعلنت الحكومة انتهاء المهمة في أيلول 2025.\n", encoding="utf-8")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out")]) == 0
    # the binary a.txt is still not read: said on the command line too, not only on the corpus page
    err = capsys.readouterr().err
    assert "report: 1 input not read (the corpus page's load report names it: " in err, err[-800:]
