"""A repeated article (a wire story run again) gets the rows its first copy got, never another article's."""

from __future__ import annotations

import pandas as pd

from helpers import pipeline
from helpers.corpus import load_corpus
from helpers.entities import entities_table
from helpers.milestones import milestones_table
from helpers.pipeline import extract_corpus
from helpers.repeated_articles import RepeatedArticles

STORY = "انسحاب من قاعدة\n\nقال مسؤول عراقي أمس إن القوات الأمريكية ستغادر قاعدة عين الأسد في الأنبار بحلول نهاية سبتمبر 2025."


def _corpus(folder, published: dict[str, str], texts: dict[str, str]):
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "article_id,published\n" + "".join(f"{name},{day}\n" for name, day in published.items()), encoding="utf-8")
    return folder


def _extract(folder, out):
    return extract_corpus(folder, out, manifest=folder / "manifest.csv", workers=1, cache_dir=False, progress=False)


def test_a_repeated_article_gets_the_rows_of_its_first_copy_and_the_same_as_in_memory(tmp_path):
    folder = _corpus(tmp_path / "c", {"a": "2024-09-27", "b": "2024-09-27"}, {"a": STORY, "b": STORY})
    run = _extract(folder, tmp_path / "out")
    assert pipeline._REPEATS.hits >= 1  # the copy was not extracted again
    corpus = load_corpus(folder, manifest=folder / "manifest.csv")
    pd.testing.assert_frame_equal(run.milestones(), milestones_table(corpus))
    pd.testing.assert_frame_equal(run.entities(), entities_table(corpus))
    rows = run.milestones().set_index("article_id")
    assert list(rows.loc["a", "surface"]) == list(rows.loc["b", "surface"]) == ["أمس", "نهاية سبتمبر 2025"]


def test_the_same_text_published_on_another_day_resolves_its_own_relative_dates(tmp_path):
    folder = _corpus(tmp_path / "c", {"a": "2024-09-27", "b": "2025-01-10"}, {"a": STORY, "b": STORY})
    rows = _extract(folder, tmp_path / "out").milestones()
    yesterday = rows[rows["surface"] == "أمس"].set_index("article_id")["start"]
    assert str(yesterday["a"].date()) == "2024-09-26"
    assert str(yesterday["b"].date()) == "2025-01-09"  # not the first copy's yesterday


def test_every_copy_of_an_article_an_extractor_fails_on_is_reported(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "c", {"a": "2024-09-27", "b": "2024-09-27"}, {"a": STORY, "b": STORY})
    from helpers import milestones

    def fails(*args):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(milestones, "article_milestones", fails)
    report = _extract(folder, tmp_path / "out").report().set_index("article_id")
    assert list(report.loc[["a", "b"], "status"]) == ["warning", "warning"]
    assert all("milestones not extracted: OverflowError" in reason for reason in report.loc[["a", "b"], "reason"])


def test_other_extractors_or_tables_and_a_new_run_forget_what_was_held():
    repeats = RepeatedArticles()
    tables, other = object(), object()
    key = repeats.key(STORY, "2024-09-27", [0, 16])
    repeats.use(len, tables)
    repeats.remember(key, [(0, "أمس")], [(0, "iraq")])
    assert repeats.rows(key, 7) == ([(7, "أمس")], [(7, "iraq")])  # with the repeat's own position
    repeats.use(len, tables)
    assert repeats.rows(key, 7) is not None  # the same objects: still held
    repeats.use(len, other)
    assert repeats.rows(key, 7) is None
    repeats.remember(key, [(0, "أمس")], [])
    repeats.forget()
    assert repeats.rows(key, 7) is None


def test_rows_held_stay_under_the_bound_least_recently_used_first():
    repeats = RepeatedArticles(max_rows=4)
    keys = [repeats.key(f"نص {i}", None, [0]) for i in range(3)]
    repeats.remember(keys[0], [(0, 1), (0, 2)], [])
    repeats.remember(keys[1], [(0, 3)], [(0, 4)])
    assert repeats.rows(keys[0], 0) is not None  # now the most recently used
    repeats.remember(keys[2], [(0, 5)], [(0, 6)])
    assert repeats.held <= 4
    assert repeats.rows(keys[1], 0) is None and repeats.rows(keys[0], 0) is not None
    repeats.remember(keys[1], [(0, i) for i in range(5)], [])  # larger than the bound: never held
    assert repeats.rows(keys[1], 0) is None


def test_in_memory_tables_extract_a_repeat_once_and_give_each_copy_its_own_dates(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "c", {"a": "2024-09-27", "b": "2024-09-27", "c": "2025-01-10"},
                     {"a": STORY, "b": STORY, "c": STORY})
    corpus = load_corpus(folder, manifest=folder / "manifest.csv")
    from helpers.milestones import table

    calls = []
    real = table.article_milestones

    def counted(article_id, *args, **kwargs):
        calls.append(article_id)
        return real(article_id, *args, **kwargs)

    monkeypatch.setattr(table, "article_milestones", counted)
    rows = milestones_table(corpus)
    assert sorted(calls) == ["a", "c"]  # b repeats a (same text and day); c was published on another day
    yesterday = rows[rows["surface"] == "أمس"].set_index("article_id")["start"]
    assert [str(yesterday[k].date()) for k in "abc"] == ["2024-09-26", "2024-09-26", "2025-01-09"]
    mentions = entities_table(corpus)
    assert len(mentions[mentions["article_id"] == "b"]) == len(mentions[mentions["article_id"] == "a"]) > 0
