"""Milestone extraction scored on the dev gold set (rules: data/eval/dev/README.md)."""

from __future__ import annotations

from collections import Counter

from helpers.corpus import load_corpus
from helpers.evaluate import read_gold, score_milestones
from helpers.milestones import milestones_table
from helpers.paths import EVAL_DEV

MIN_F1 = 0.97


def test_milestone_f1_on_dev_set_is_at_least_097():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    score = score_milestones(milestones_table(corpus), read_gold(EVAL_DEV)["milestones"])
    assert score.f1 >= MIN_F1, f"F1 {score.f1:.3f}; missed {score.missed}; spurious {score.spurious}"


def test_every_gold_surface_is_found_verbatim():
    """Surfaces are exact substrings of the article (same digits, tatweel, diacritics as the text)."""
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    found = set(zip(*milestones_table(corpus)[["article_id", "surface"]].T.values))
    gold = read_gold(EVAL_DEV)["milestones"]
    missing = [pair for pair in zip(gold["article_id"], gold["surface"]) if pair not in found]
    assert not missing


def _one_article_set(folder, text: str, gold_rows: list[str]):
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "t01.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text("article_id,published\nt01,2024-09-28\n", encoding="utf-8")
    (folder / "milestones.csv").write_text("article_id,surface,start,end,precision\n" + "".join(
        f"{row}\n" for row in gold_rows), encoding="utf-8")
    return folder


def test_errors_lists_a_missed_row_once_when_another_gold_row_shares_its_date(tmp_path):
    # two gold rows fall on 2024-09-27; the text dates only one of them: one miss, named by its surface,
    # not both gold rows of that date (the found one is no error)
    from helpers.evaluate import errors

    folder = _one_article_set(tmp_path / "set", "وصل الوزير إلى بغداد في 27 أيلول/سبتمبر 2024 في زيارة رسمية.\n",
                              ["t01,27 أيلول/سبتمبر 2024,2024-09-27,2024-09-27,day",
                               "t01,الجمعة,2024-09-27,2024-09-27,day"])
    listed = errors(folder)
    missed = listed[(listed["task"] == "milestones") & (listed["kind"] == "missed")]
    assert missed["surface"].tolist() == ["الجمعة"]


def test_errors_lists_a_spurious_row_once_when_a_found_row_shares_its_date(tmp_path):
    # the text gives the same date twice, the gold only once: one spurious row, not both found rows
    from helpers.evaluate import errors

    folder = _one_article_set(tmp_path / "set", "وصل الوزير إلى بغداد في 27 أيلول/سبتمبر 2024. وغادر أربيل "
                              "في 27 أيلول/سبتمبر 2024 مساء.\n",
                              ["t01,27 أيلول/سبتمبر 2024,2024-09-27,2024-09-27,day"])
    listed = errors(folder)
    spurious = listed[(listed["task"] == "milestones") & (listed["kind"] == "spurious")]
    assert spurious["surface"].tolist() == ["27 أيلول/سبتمبر 2024"]


def test_evaluate_with_errors_extracts_the_set_once_and_reads_its_gold_once(tmp_path, monkeypatch, capsys):
    # `evaluate --errors` on a large set: the scores and the listed errors come from one extraction, so they
    # cannot disagree and the wait is not doubled
    import helpers.evaluate as evaluation
    from helpers import milestones
    from helpers.cli import main

    folder = _one_article_set(tmp_path / "set", "وصل الوزير إلى بغداد في 27 أيلول/سبتمبر 2024 في زيارة رسمية.\n",
                              ["t01,27 أيلول/سبتمبر 2024,2024-09-27,2024-09-27,day",
                               "t01,الجمعة,2024-09-27,2024-09-27,day"])
    calls = Counter()
    for module, name in ((milestones, "milestones_table"), (evaluation, "_gold_table")):
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    assert main(["evaluate", str(folder), "--errors"]) == 0
    assert "missed t01 «الجمعة»" in capsys.readouterr().out
    assert calls == {"milestones_table": 1, "_gold_table": 1}
