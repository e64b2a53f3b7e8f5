"""The scaled-up extraction gives the analyst the same tables as the in-memory functions, faster the second time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import pipeline, pipeline_cache
from helpers.claims import CLAIM_COLUMNS
from helpers.cli import main
from helpers.corpus import CorpusError, load_corpus
from helpers.entities import entities_table, entity_counts
from helpers.milestones import milestones_table
from helpers.paths import SEEDS
from helpers.pipeline import extract_corpus, paragraph_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from make_corpus import generate

# Files per batch. Cuts fall where a path's hash says (one in SMALL files, at most 4 * SMALL apart), and
# the paths are in pytest's numbered temporary folders: with 8, some runs made only 10 batches of the
# ~130 files; with 4, about 33 on average and fewer than 11 about once in 100,000 runs.
SMALL = 4


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """120 generated articles plus bad files and duplicates that land in other batches than their originals."""
    root = generate(tmp_path_factory.mktemp("corpus"), 120, seed=7, processes=1)
    (root / "05" / "empty.txt").write_bytes(b"")
    (root / "05" / "binary.txt").write_bytes(b"\x00\x01\x02" * 64)
    (root / "06" / "legacy.txt").write_bytes((root / "06" / "000006.txt").read_text("utf-8").encode("cp1256", "replace"))
    shutil.copy(root / "00" / "000000.txt", root / "99" / "000000.txt")  # same id and text, far away
    shutil.copy(root / "01" / "000001.txt", root / "98" / "copy.txt")  # same text, another id
    (root / "feeds").mkdir()
    (root / "feeds" / "records.jsonl").write_text(
        '{"id": "r1", "title": "خبر", "text": "غادرت القوات بغداد أمس.", "published": "2024-09-27"}\n'
        '{"id": "r2", "title": "بلا تاريخ", "text": "اجتماع في أربيل يوم الخميس المقبل.", "published": "27/09"}\n'
        "not json\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def expected(corpus_dir):
    """What the notebooks compute in memory on the same corpus."""
    corpus = load_corpus(corpus_dir)
    return corpus, milestones_table(corpus), entities_table(corpus)


@pytest.fixture(scope="module")
def extraction(corpus_dir, tmp_path_factory):
    return extract_corpus(corpus_dir, tmp_path_factory.mktemp("out"), batch_size=SMALL, workers=1, progress=False)


def assert_same_tables(extraction, expected) -> None:
    corpus, milestones, entities = expected
    pd.testing.assert_frame_equal(extraction.articles(), corpus.articles.drop(columns="raw_text"))
    pd.testing.assert_frame_equal(extraction.report(), corpus.report)
    pd.testing.assert_frame_equal(extraction.milestones(), milestones)
    pd.testing.assert_frame_equal(extraction.entities(), entities)


def test_tables_equal_load_corpus_milestones_and_entities_across_many_batches(extraction, expected):
    assert extraction.summary["batches"] > 10
    assert_same_tables(extraction, expected)


def test_duplicates_across_batches_are_marked_and_ids_kept_unique(extraction):
    articles = extraction.articles()
    assert articles["article_id"].is_unique
    assert "000000~2" in set(articles["article_id"])
    copies = articles.set_index("article_id")["duplicate_of"]
    assert copies["000000~2"] == "000000" and copies["copy"] == "000001"


def test_bad_files_are_reported_not_dropped(extraction):
    report = extraction.report().assign(file=lambda r: r["path"].map(lambda p: Path(p).name))
    assert set(report.loc[report["status"] == "error", "file"]) >= {"empty.txt", "binary.txt", "records.jsonl"}
    assert extraction.summary["error"] >= 3


def test_process_pool_gives_the_same_tables(corpus_dir, expected, tmp_path):
    assert_same_tables(extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=2, progress=False), expected)


def test_rerun_on_an_unchanged_corpus_reads_every_batch_from_the_cache(corpus_dir, expected, tmp_path):
    cache = tmp_path / "cache"
    first = extract_corpus(corpus_dir, tmp_path / "a", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    again = extract_corpus(corpus_dir, tmp_path / "b", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    assert first.summary["cached_batches"] == 0
    assert again.summary["cached_batches"] == again.summary["batches"]
    assert_same_tables(again, expected)


def _add_a_milestone(corpus: Path) -> None:
    """Edit one article of ``corpus``: a sentence with «30 أيلول 2025» at its end."""
    edited = corpus / "03" / "000003.txt"
    edited.write_text(edited.read_text("utf-8") + "\nوتنتهي المهمة في 30 أيلول 2025.\n", encoding="utf-8")


def _finds_the_added_milestone(run) -> bool:
    milestones = run.milestones()
    return "30 أيلول 2025" in set(milestones.loc[milestones["article_id"] == "000003", "surface"])


def test_an_edited_file_is_extracted_again_and_only_its_batch(corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    cache = tmp_path / "cache"
    extract_corpus(corpus, tmp_path / "a", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    _add_a_milestone(corpus)
    again = extract_corpus(corpus, tmp_path / "b", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    assert again.summary["cached_batches"] == again.summary["batches"] - 1
    assert _finds_the_added_milestone(again)


def test_a_changed_manifest_date_is_not_served_from_the_cache(corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    cache = tmp_path / "cache"
    extract_corpus(corpus, tmp_path / "a", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    manifest = corpus / "manifest.csv"
    lines = manifest.read_text("utf-8").splitlines()
    lines[5] = ",".join([lines[5].split(",")[0], "2001-01-01", *lines[5].split(",")[2:]])
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = extract_corpus(corpus, tmp_path / "b", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    assert again.summary["cached_batches"] == again.summary["batches"] - 1
    expected = load_corpus(corpus)
    pd.testing.assert_frame_equal(again.milestones(), milestones_table(expected))


def test_editing_any_table_changes_the_cache_key(tmp_path, monkeypatch):
    """The gazetteer, the context words, a calendar table or a claims table: rows made with the old one are stale."""
    from helpers import paths

    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns("eval"))
    monkeypatch.setattr(pipeline_cache, "GAZETTEER_CSV", data / "gazetteer.csv")
    monkeypatch.setattr(pipeline_cache, "CONTEXT_CSV", data / "entity_context.csv")
    monkeypatch.setattr(pipeline_cache, "CALENDAR", data / "calendar")
    monkeypatch.setattr(pipeline_cache, "CLAIMS_DIR", data / "claims")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))  # entities_core.csv is looked up when the key is made
    keys = [pipeline_cache.extraction_fingerprint()]
    for table in ("gazetteer.csv", "entity_context.csv", "calendar/months.csv", "claims/events.csv",
                  "entities_core.csv"):
        with open(data / table, "a", encoding="utf-8") as handle:
            handle.write("\n")
        keys.append(pipeline_cache.extraction_fingerprint())
    assert len(set(keys)) == len(keys)


def test_editing_a_compiled_module_source_or_a_loader_module_changes_the_cache_key(tmp_path):
    package = tmp_path / "helpers"
    shutil.copytree(Path(pipeline.__file__).parent, package, ignore=shutil.ignore_patterns("*.so", "*.c", "__pycache__"))
    before = pipeline_cache.code_digest(package)
    with open(package / "_heads.pyx", "a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    after_pyx = pipeline_cache.code_digest(package)
    with open(package / "corpus" / "clean.py", "a", encoding="utf-8") as source:  # a module in a subpackage
        source.write("\n# edited\n")
    assert len({before, after_pyx, pipeline_cache.code_digest(package)}) == 3


def test_cache_from_other_extraction_code_is_never_served(corpus_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    extract_corpus(corpus_dir, tmp_path / "a", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    monkeypatch.setattr(pipeline_cache, "extraction_fingerprint", lambda: "a different gazetteer")
    again = extract_corpus(corpus_dir, tmp_path / "b", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    assert again.summary["cached_batches"] == 0


def test_paragraph_numbers_read_off_the_text_match_the_loader(expected, extraction):
    corpus = expected[0]
    spans = paragraph_spans(extraction.articles(pipeline.EXTRACTION_INPUT))
    pd.testing.assert_frame_equal(spans, corpus.paragraphs.drop(columns="text"))


def test_strict_stops_at_the_first_problem(corpus_dir, tmp_path):
    with pytest.raises(CorpusError, match="binary.txt: binary file"):
        extract_corpus(corpus_dir, tmp_path, strict=True, batch_size=SMALL, workers=1, progress=False)


def test_dask_cluster_gives_the_same_milestones_and_entity_counts(corpus_dir, extraction, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, scheduler=cluster.scheduler_address,
                                 progress=False)
    pd.testing.assert_frame_equal(on_dask.milestones(), extraction.milestones())
    pd.testing.assert_frame_equal(entity_counts(on_dask.entities()), entity_counts(extraction.entities()))
    pd.testing.assert_frame_equal(on_dask.articles(), extraction.articles())


def test_cli_writes_parquet_tables_with_format_parquet(corpus_dir, extraction, tmp_path):
    assert main(["extract", str(corpus_dir), "--out", str(tmp_path), "--format", "parquet", "--workers", "1"]) == 1
    pd.testing.assert_frame_equal(pipeline.Extraction(tmp_path).milestones(), extraction.milestones())
    assert (tmp_path / "load_report.parquet").exists()


def test_rows_made_by_code_edited_since_import_are_not_cached(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline_cache, "CODE_AT_IMPORT", b"the modules as they were before an edit")
    run = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    assert run.summary["cached_batches"] == 0
    assert not list((tmp_path / ".cache").rglob("*.pkl"))


def test_rerun_into_the_same_folder_on_an_unchanged_corpus_reads_nothing_again(corpus_dir, expected, tmp_path):
    first = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    shutil.rmtree(tmp_path / ".cache")  # an up-to-date folder needs neither the cache nor the corpus' rows
    again = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    assert not first.summary["up_to_date"] and again.summary["up_to_date"]
    assert again.summary["milestones"] == first.summary["milestones"]
    assert_same_tables(again, expected)


def test_an_edited_file_makes_the_folder_out_of_date(corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    extract_corpus(corpus, tmp_path / "out", batch_size=SMALL, workers=1, progress=False)
    _add_a_milestone(corpus)
    again = extract_corpus(corpus, tmp_path / "out", batch_size=SMALL, workers=1, progress=False)
    assert not again.summary["up_to_date"]
    assert again.summary["cached_batches"] == again.summary["batches"] - 1
    assert _finds_the_added_milestone(again)


def test_a_manifest_row_without_a_file_makes_the_folder_out_of_date(corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    extract_corpus(corpus, tmp_path / "out", batch_size=SMALL, workers=1, progress=False)
    with open(corpus / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write("no-such-article,2024-01-01,,\n")
    again = extract_corpus(corpus, tmp_path / "out", batch_size=SMALL, workers=1, progress=False)
    assert not again.summary["up_to_date"]
    assert "no-such-article" in set(again.report()["article_id"])


def test_a_changed_or_missing_table_part_makes_the_folder_out_of_date(corpus_dir, expected, tmp_path):
    extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    next((tmp_path / "entities").glob("*.parquet")).unlink()
    again = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    assert not again.summary["up_to_date"]
    assert_same_tables(again, expected)


def test_other_extraction_code_or_no_cache_never_reuses_the_folder(corpus_dir, tmp_path, monkeypatch):
    extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False)
    assert not extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, cache_dir=False,
                              progress=False).summary["up_to_date"]
    monkeypatch.setattr(pipeline_cache, "extraction_fingerprint", lambda: "a different gazetteer")
    assert not extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, progress=False).summary["up_to_date"]


def test_without_a_cache_no_file_is_read_for_cache_keys(corpus_dir, expected, tmp_path, monkeypatch):
    # --no-cache: the batch keys name cache entries only, so the corpus is not read and hashed for them
    def hashed(self, file):
        raise AssertionError(f"{file} hashed for a cache key without a cache")

    monkeypatch.setattr(pipeline_cache.ContentDigests, "__call__", hashed)
    assert_same_tables(extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=1, cache_dir=False,
                                      progress=False), expected)


def test_a_same_size_edit_with_its_mtime_kept_is_extracted_again(corpus_dir, tmp_path):
    # cp -p, rsync -a and tar restore the mtime of a file they change: the cache keys on content
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    cache = tmp_path / "cache"
    extract_corpus(corpus, tmp_path / "a", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    edited = corpus / "03" / "000003.txt"
    before = edited.stat()
    title, rest = edited.read_bytes().split(b"\n", 1)
    new_title = "ب" * (len(title) // 2) + " " * (len(title) % 2)  # another title of as many bytes
    edited.write_bytes(new_title.encode("utf-8") + b"\n" + rest)
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert edited.stat().st_size == before.st_size and edited.stat().st_mtime_ns == before.st_mtime_ns
    again = extract_corpus(corpus, tmp_path / "b", batch_size=SMALL, workers=1, cache_dir=cache, progress=False)
    assert again.summary["cached_batches"] == again.summary["batches"] - 1
    assert again.articles().set_index("article_id").loc["000003", "title"] == new_title.strip()


def _descendants(pid: int) -> set[int]:
    """Every process started by ``pid`` and by those, from /proc (Linux)."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_kill_9_of_a_run_leaves_no_worker_processes(tmp_path):
    corpus = generate(tmp_path / "corpus", 1500, seed=3, processes=1)
    script = ("import sys\nfrom helpers.pipeline import extract_corpus\n"
              "extract_corpus(sys.argv[1], sys.argv[2], workers=2, batch_size=50, cache_dir=False, progress=False)\n")
    run = subprocess.Popen([sys.executable, "-c", script, str(corpus), str(tmp_path / "out")])
    try:
        deadline = time.monotonic() + 120
        while len(workers := _descendants(run.pid)) < 2 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert run.poll() is None and len(workers) >= 2, "the run ended before its workers could be seen"
        time.sleep(0.5)
        workers = _descendants(run.pid)
    finally:
        run.kill()  # SIGKILL: no clean-up code of the run itself runs
        run.wait()
    deadline = time.monotonic() + 15
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _running(pid)]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_a_run_with_workers_leaves_no_process_behind(corpus_dir, expected, tmp_path):
    # the workers' fork server is the run's own: a later run (a notebook's, after a table was edited)
    # starts a new one with the modules and tables of its time
    def ours() -> set[int]:
        def tracker(pid):
            return "resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")

        return {pid for pid in _descendants(os.getpid()) if _running(pid) and not tracker(pid)}

    before = ours()
    for _ in range(2):
        run = extract_corpus(corpus_dir, tmp_path, batch_size=SMALL, workers=2, cache_dir=False, progress=False)
        assert_same_tables(run, expected)
        assert ours() <= before


def test_an_extractor_failing_on_one_article_is_a_warning_row_not_a_failed_run(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("عنوان\n\nغادرت القوات بغداد أمس.\n", encoding="utf-8")
    (corpus / "bad.txt").write_text("عنوان آخر\n\nنص يكسر المستخرج.\n", encoding="utf-8")
    from helpers import milestones  # the batch extraction looks its extractors up there when it runs

    real = milestones.article_milestones

    def fails_on_one(article_id, text, *args):
        if "يكسر" in text:
            raise OverflowError("date value out of range")
        return real(article_id, text, *args)

    monkeypatch.setattr(milestones, "article_milestones", fails_on_one)
    run = extract_corpus(corpus, tmp_path / "out", workers=1, cache_dir=False, progress=False)
    report = run.report().set_index("article_id")
    assert report.loc["bad", "status"] == "warning"
    assert "milestones not extracted: OverflowError: date value out of range" in report.loc["bad", "reason"]
    assert report.loc["good", "status"] == "ok"
    assert set(run.articles()["article_id"]) == {"good", "bad"}
    assert set(run.milestones()["article_id"]) == {"good"}


def test_the_pipeline_schemas_and_table_paths_are_those_of_the_extractors():
    """The parent of a pool builds its Arrow schemas and cache fingerprint without importing the extractors
    (their grammar takes a second to compile): its column lists and table paths must be theirs."""
    from helpers import claim_tables, entities, gazetteer, milestones

    assert list(pipeline.DTYPES["milestones"]) == milestones.COLUMNS
    assert list(pipeline.DTYPES["entities"]) == entities.TABLE_COLUMNS
    assert pipeline_cache.GAZETTEER_CSV == gazetteer.GAZETTEER_CSV
    assert pipeline_cache.CONTEXT_CSV == gazetteer.CONTEXT_CSV
    assert pipeline_cache.CLAIMS_DIR == claim_tables.CLAIMS_DIR
    assert pipeline_cache.CALENDAR == milestones.CALENDAR


def test_the_command_line_imports_no_extractor_before_it_needs_one():
    code = ("import sys; import helpers.cli, helpers.pipeline; "
            "print(sorted(m for m in sys.modules if m.split('.')[:2] in (['helpers', 'milestones'], "
            "['helpers', 'entities'], ['helpers', 'claims']) or m.split('.')[0] in ('matplotlib', 'plotly', "
            "'dask', 'ipywidgets', 'jinja2', 'IPython')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"



def test_without_claims_the_same_milestones_with_their_claim_columns_empty(corpus_dir, extraction, tmp_path):
    # extract --no-claims: the rows a corpus read only for its dates and entities needs, in about half the time
    plain = extract_corpus(corpus_dir, tmp_path / "out", batch_size=SMALL, workers=2, progress=False, claims=False)
    with_claims = extraction.milestones()
    without = plain.milestones()
    assert with_claims["event"].notna().all() and (with_claims["event"] != "").all()  # the claims are there
    assert without[CLAIM_COLUMNS[:4]].isna().all().all()  # negated is a bool column of the frame: False
    kept = [c for c in with_claims.columns if c not in CLAIM_COLUMNS]
    pd.testing.assert_frame_equal(without[kept], with_claims[kept])
    pd.testing.assert_frame_equal(entity_counts(plain.entities()), entity_counts(extraction.entities()))


def test_rows_without_claims_are_never_taken_for_rows_with_them(corpus_dir, tmp_path):
    # the same output folder and cache, the switch flipped: the second run extracts again, both ways
    out = tmp_path / "out"
    first = extract_corpus(corpus_dir, out, batch_size=SMALL, workers=1, progress=False, claims=False)
    assert first.milestones()["event"].isna().all()
    second = extract_corpus(corpus_dir, out, batch_size=SMALL, workers=1, progress=False)
    assert not second.summary["up_to_date"] and second.milestones()["event"].notna().all()
    third = extract_corpus(corpus_dir, out, batch_size=SMALL, workers=1, progress=False, claims=False)
    assert not third.summary["up_to_date"] and third.milestones()["event"].isna().all()


def test_cli_no_claims_writes_empty_claim_cells(tmp_path):
    assert main(["extract", str(SEEDS), "--out", str(tmp_path), "--no-claims"]) == 0
    milestones = pd.read_csv(tmp_path / "milestones.csv", keep_default_na=False)
    assert len(milestones) and (milestones[CLAIM_COLUMNS] == "").all().all()


def test_extract_corpus_into_a_file_says_the_output_is_a_file(tmp_path):
    """``extract_corpus(corpus, out=<a file>)`` raised ``FileExistsError: [Errno 17] File exists``, as if the folder
    were there already; the command line says «a file, not a folder» (exit 2)."""
    target = tmp_path / "out.csv"
    target.write_text("an analyst's own table\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"out\.csv is a file, not a folder"):
        extract_corpus(SEEDS, target, progress=False)
    assert target.read_text(encoding="utf-8") == "an analyst's own table\n"
