"""Score extraction against an annotated set (``data/eval/<set>/``, format in its README).

Milestones: F1 over the multiset of ``(article_id, start, end)``. Entities: micro
precision/recall/F1 over mention counts per ``(article_id, entity_id, form)`` for the ids
of the core entity list, names and adjectives scored separately. Claims (when the set has
``claims.csv``): gold rows matched to the system's milestones by ``(article_id, start, end)``
in text order, then accuracy of ``event``, ``place``, ``actor``, ``claimant`` and F1 of the
drawdown class. These are the rules of the shared evaluation README, so the figures
published here are comparable with the held-back set's. ``errors`` lists what an analyst
needs to read why: every missed and spurious row with its surface and sentence.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .paths import ENTITIES_CORE, EVAL_DEV
from .table_text import TableTextError, table_text

__all__ = ["ClaimScore", "Evaluation", "GoldError", "GoldWarning", "Score", "errors", "evaluate", "gold_problems", "read_gold",
           "score_claims", "score_entities", "score_milestones"]

CLAIM_FIELDS = ("event", "place", "actor", "claimant")
GOLD_COLUMNS = {"milestones": ("article_id", "surface", "start", "end"),
                "entities": ("article_id", "entity_id", "names", "adjectives"),
                "claims": ("article_id", "surface", "start", "end", *CLAIM_FIELDS)}


_MAX_COUNT = 2**63 - 1  # the largest count a table column holds: more is a typo, not mentions


class GoldError(TableTextError):
    """A gold folder that cannot be scored, with the file (and line) at fault."""


class GoldWarning(UserWarning):
    """A gold row no extractor can ever find (an article or an entity the set does not have), or an article of
    the set that did not load as it is (its load-report row)."""


@dataclass
class Score:
    """Precision, recall and F1 with the items behind them, so misses can be read."""

    tp: int
    fp: int
    fn: int
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _score_counters(pred: Counter, gold: Counter) -> Score:
    tp = sum((pred & gold).values())
    missed = sorted((gold - pred).elements())
    spurious = sorted((pred - gold).elements())
    return Score(tp, len(spurious), len(missed), missed, spurious)


def _date_str(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def score_milestones(pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """F1 over the multiset of (article_id, start, end); rows without a start are unresolved and ignored."""
    def keys(df: pd.DataFrame) -> Counter:
        df = df[df["start"].notna()]
        return Counter(zip(df["article_id"].astype(str), map(_date_str, df["start"]), map(_date_str, df["end"])))

    return _score_counters(keys(pred), keys(gold))


def _gold_mentions(gold_entities: pd.DataFrame) -> Counter:
    counts: Counter = Counter()
    for row in gold_entities.itertuples(index=False):
        counts[(row.article_id, row.entity_id, "name")] += int(row.names)
        counts[(row.article_id, row.entity_id, "adjective")] += int(row.adjectives)
    return +counts


def score_entities(pred: pd.DataFrame, gold_entities: pd.DataFrame, entity_ids=None) -> dict[str, Score]:
    """Micro scores over mention counts per (article_id, entity_id, form), by form."""
    if entity_ids is None:
        entity_ids = set(pd.read_csv(ENTITIES_CORE)["entity_id"])
    pred = pred[pred["entity_id"].isin(entity_ids)]
    pred_counts = Counter(zip(pred["article_id"].astype(str), pred["entity_id"], pred["form"]))
    gold_counts = _gold_mentions(gold_entities)
    return {
        form: _score_counters(
            Counter({k: v for k, v in pred_counts.items() if k[2] == form}),
            Counter({k: v for k, v in gold_counts.items() if k[2] == form}),
        )
        for form in ("name", "adjective")
    }


@dataclass
class ClaimScore:
    """Claims of the gold milestones the system found: per-field accuracy, drawdown F1, and the mismatches."""

    matched: int
    correct: dict
    drawdown: Score
    mismatches: list = field(default_factory=list)  # (article_id, surface, field, gold, predicted, sentence)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 1.0


def _claim_pairs(pred: pd.DataFrame, gold: pd.DataFrame):
    """(gold row, predicted row) pairs: same (article_id, start, end), the n-th of each in text order."""
    pred = pred[pred["start"].notna()]
    if "char_start" in pred.columns:
        pred = pred.sort_values(["article_id", "char_start"], kind="stable")
    queues: dict[tuple, list] = {}
    for row in pred.to_dict("records"):
        queues.setdefault((str(row["article_id"]), _date_str(row["start"]), _date_str(row["end"])), []).append(row)
    for row in gold.to_dict("records"):
        queue = queues.get((str(row["article_id"]), _date_str(row["start"]), _date_str(row["end"])))
        if queue:
            yield row, queue.pop(0)


def _cell(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def score_claims(pred: pd.DataFrame, gold_claims: pd.DataFrame) -> ClaimScore:
    """Accuracy of event, place, actor and claimant, and F1 of the drawdown class, over matched milestones."""
    from .claim_tables import DRAWDOWN

    correct = dict.fromkeys(CLAIM_FIELDS, 0)
    tp = fp = fn = matched = 0
    mismatches = []
    for gold_row, pred_row in _claim_pairs(pred, gold_claims):
        matched += 1
        for name in CLAIM_FIELDS:
            g, p = _cell(gold_row[name]), _cell(pred_row.get(name))
            if g == p:
                correct[name] += 1
            else:
                mismatches.append((gold_row["article_id"], gold_row["surface"], name, g, p,
                                   _cell(pred_row.get("sentence"))))
        g_dd, p_dd = _cell(gold_row["event"]) in DRAWDOWN, _cell(pred_row.get("event")) in DRAWDOWN
        tp += g_dd and p_dd
        fp += p_dd and not g_dd
        fn += g_dd and not p_dd
    return ClaimScore(matched, correct, Score(tp, fp, fn), mismatches)


def _gold_table(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """A gold table as strings with the line of each row, its dates parsed and counts made numbers; ``GoldError``
    names the file and line of a missing column, a row of the wrong width, a date not YYYY-MM-DD, a bad count."""
    reader = csv.reader(io.StringIO(table_text(path, GoldError), newline=""))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in GOLD_COLUMNS[path.stem] if c not in header]
    if missing:
        raise GoldError(path, 1, f"missing column(s) {', '.join(missing)}; expected {','.join(GOLD_COLUMNS[path.stem])}")
    if twice := sorted({name for name in header if header.count(name) > 1}):  # which one would be scored?
        raise GoldError(path, 1, f"the header names {', '.join(twice)} twice: rename or remove one")
    rows, lines = [], []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise GoldError(path, reader.line_num, f"{len(cells)} fields, the header has {len(header)}")
        rows.append(cells)
        lines.append(reader.line_num)
    table = pd.DataFrame(rows, columns=header, dtype=str)
    if "article_id" in table.columns:  # matched to the articles' ids in NFC (_same_form)
        table["article_id"] = table["article_id"].map(_same_form)
    for col in ("start", "end") if "start" in GOLD_COLUMNS[path.stem] else ():
        dates = pd.to_datetime(table[col], format="%Y-%m-%d", errors="coerce")
        for line, value, date in zip(lines, table[col], dates):
            # pandas takes «0000-09-27» and «-001-09-27» for dates no calendar of the suite has
            if value.strip() and (pd.isna(date) or not 1 <= date.year <= 9999):
                raise GoldError(path, line, f"{col} {value!r} is not a date written YYYY-MM-DD (years 1 to 9999)")
        table[col] = dates
    for col in ("names", "adjectives") if "names" in GOLD_COLUMNS[path.stem] else ():
        for line, value in zip(lines, table[col]):
            if not value.strip().isdigit() or not value.strip().isascii() or int(value) > _MAX_COUNT:
                raise GoldError(path, line, f"{col} {value!r} is not a count (0, 1, 2…)")
        table[col] = table[col].astype(int)
    return table, lines


def read_gold(eval_dir: Path = EVAL_DEV) -> dict[str, pd.DataFrame]:
    """The gold tables of an evaluation set: milestones, entities and, when annotated, claims (dates parsed).

    Raises ``GoldError`` naming the file and line of what cannot be scored (see ``_gold_table``), or the
    missing ``milestones.csv`` or ``articles/``."""
    return {name: table for name, (table, _) in _gold_tables(Path(eval_dir)).items()}


def _gold_tables(eval_dir: Path) -> dict[str, tuple[pd.DataFrame, list[int]]]:
    """Each gold table of the set with the file line of each row (``_gold_table``)."""
    for needed in ("milestones.csv", "articles"):
        if not ((eval_dir / needed).is_file() if needed.endswith(".csv") else (eval_dir / needed).is_dir()):
            raise GoldError(eval_dir / needed, None, "missing: an annotated set holds articles/ and milestones.csv")
    # the seed set annotates milestones and claims only
    return {name: _gold_table(eval_dir / f"{name}.csv") for name in GOLD_COLUMNS
            if name == "milestones" or (eval_dir / f"{name}.csv").exists()}


def gold_problems(eval_dir: Path | Evaluation = EVAL_DEV) -> list[str]:
    """Gold rows no extractor can ever find, as "FILE, line N: problem": an article id with no text under
    ``articles/``, an entity id not in the core list (only those are scored). Each lowers recall silently."""
    return _evaluation(eval_dir).problems


def _problems(eval_dir: Path, tables: dict[str, tuple[pd.DataFrame, list[int]]]) -> list[str]:
    try:
        articles = {_same_form(p.stem) for p in (eval_dir / "articles").iterdir()}
    except OSError as err:  # a folder of someone else's
        raise GoldError(eval_dir / "articles", None, f"cannot read the folder: {err.strerror or err}") from None
    core = set(pd.read_csv(ENTITIES_CORE)["entity_id"])
    problems = []
    ids = _claim_ids() if "claims" in tables else set()
    for name, (table, lines) in tables.items():
        for line, row in zip(lines, table.itertuples(index=False)):
            if row.article_id not in articles:
                problems.append(f"{eval_dir / name}.csv, line {line}: article {row.article_id!r} has no text in "
                                f"{eval_dir / 'articles'}")
            elif name == "entities" and row.entity_id not in core:
                problems.append(f"{eval_dir / name}.csv, line {line}: entity {row.entity_id!r} is not in the core "
                                f"list ({ENTITIES_CORE.name}): its mentions are not scored, so the row is always missed")
            elif name == "claims":
                problems += [f"{eval_dir / name}.csv, line {line}: {problem}" for problem in _claim_problems(row, ids)]
    return problems


def _claim_ids() -> set[str]:
    """What a claims row's place, actor or claimant may name: a gazetteer id, ``media`` or ``unnamed``."""
    from .gazetteer import load_gazetteer

    return {entity.entity_id for entity in load_gazetteer().entities} | {"media", "unnamed"}


def _claim_problems(row, ids: set[str]) -> list[str]:
    """What in a gold claims row no extractor can ever give: an event not in the event list, a place, actor or
    claimant not in ``ids`` (a joint claimant is ids joined by ``+``)."""
    from .claim_tables import EVENTS

    problems = []
    if row.event.strip() and row.event.strip() not in EVENTS:
        problems.append(f"event {row.event!r} is not one of {', '.join(EVENTS)}: the row's event is always wrong")
    for column in ("place", "actor", "claimant"):
        cell = getattr(row, column)
        for value in (part.strip() for part in cell.split("+") if cell.strip()):
            if value not in ids:
                problems.append(f"{column} {value!r} is not an entity id of the gazetteer: the row's {column} is "
                                "always wrong")
    return problems


class Evaluation:
    """An evaluation set read once: its gold tables and their problems now (``GoldError`` before any work),
    the extractors' output on its articles when first asked for. ``evaluate`` and ``errors`` take one, so
    ``evaluate --errors`` scores and lists the same extraction and reads the gold once."""

    def __init__(self, eval_dir: Path = EVAL_DEV):
        self.eval_dir = Path(eval_dir)
        tables = _gold_tables(self.eval_dir)
        self.gold = {name: table for name, (table, _) in tables.items()}
        self.problems = _problems(self.eval_dir, tables)

    @cached_property
    def extracted(self):
        """``(corpus, milestones with their claims, entities)`` of the set's articles."""
        from .corpus import load_corpus
        from .entities import entities_table
        from .milestones import milestones_table

        corpus = load_corpus(self.eval_dir / "articles", manifest=self.eval_dir / "manifest.csv")
        milestones = milestones_table(corpus)
        if "event" not in milestones.columns:
            from .claims import CLAIM_COLUMNS, claims_for_table
            milestones[CLAIM_COLUMNS] = claims_for_table(corpus, milestones)
        entities = entities_table(corpus)
        for table in (corpus.articles, milestones, entities):
            table["article_id"] = table["article_id"].map(_same_form)
        return corpus, milestones, entities

    @cached_property
    def load_problems(self) -> list[str]:
        """The set's load-report rows that are not ok, as "PATH: reason": an article that did not load, or lost its
        manifest date, scores as if the extractors had missed its rows."""
        report = self.extracted[0].report
        return [f"{row.path}: {row.reason}" for row in report[report["status"] != "ok"].itertuples(index=False)]


def _same_form(article_id):
    """An article id as the gold and the articles are matched: in NFC (``helpers.corpus.plan.id_key``), since a Mac
    saves «أخبار.txt» decomposed while the gold tables have it typed composed, and the two look the same."""
    from .corpus.plan import id_key

    return id_key(article_id) if isinstance(article_id, str) else article_id


def _evaluation(eval_dir: Path | Evaluation) -> Evaluation:
    return eval_dir if isinstance(eval_dir, Evaluation) else Evaluation(eval_dir)


def evaluate(eval_dir: Path | Evaluation = EVAL_DEV) -> pd.DataFrame:
    """Run the suite's extractors on an evaluation set (a folder, or an ``Evaluation`` of one) and score
    them: one row per task.

    Claims rows (when the set has ``claims.csv``) give ``accuracy`` over the ``n`` matched milestones;
    the drawdown row gives precision, recall and F1 of the drawdown class over them.
    """
    run = _evaluation(eval_dir)
    gold = run.gold
    for problem in run.problems:
        warnings.warn(problem, GoldWarning, stacklevel=2)
    _, milestones, entities = run.extracted
    for problem in run.load_problems:
        warnings.warn(problem, GoldWarning, stacklevel=2)
    rows = [{"task": "milestones", **score_milestones(milestones, gold["milestones"]).as_row()}]
    for form, score in (score_entities(entities, gold["entities"]).items() if "entities" in gold else ()):
        rows.append({"task": f"entities ({form}s)", **score.as_row()})
    if "claims" in gold:
        claims = score_claims(milestones, gold["claims"])
        rows.append({"task": "claims: drawdown", **claims.drawdown.as_row(), "n": claims.matched})
        for name in CLAIM_FIELDS:
            rows.append({"task": f"claims: {name}", "accuracy": round(claims.accuracy(name), 4),
                         "tp": claims.correct[name], "n": claims.matched})
    table = pd.DataFrame(rows)
    for column in ("tp", "fp", "fn", "n"):
        if column in table.columns:
            table[column] = table[column].astype("Int64")
    return table


def _sentence_at(text: str, surface: str) -> str:
    from .spans import sentence_spans

    at = text.find(surface)
    if at < 0:
        return ""
    for start, end in sentence_spans(text):
        if start <= at < end:
            return text[start:end].strip()
    return ""


def _unmatched(rows: pd.DataFrame, other_surfaces: list[str], count: int) -> list:
    """The ``count`` rows of one date key that the other side did not match: rows are matched by date,
    so which of them went unmatched is unknown; those whose surface the other side lacks are named first."""
    left = Counter(other_surfaces)
    first, rest = [], []
    for row in rows.itertuples():
        if left[row.surface]:
            left[row.surface] -= 1
            rest.append(row)
        else:
            first.append(row)
    return (first + rest)[:count]


def errors(eval_dir: Path | Evaluation = EVAL_DEV) -> pd.DataFrame:
    """Every missed and spurious milestone and entity count, and every claims mismatch, with its sentence.

    Columns: task, kind (missed, spurious, mismatch), article_id, surface, detail (dates, entity and
    form, or field: gold -> predicted) and sentence, in that order: what an analyst reads to see why.
    """
    run = _evaluation(eval_dir)
    gold = run.gold
    corpus, milestones, entities = run.extracted
    texts = dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["text"]))
    rows = []
    score = score_milestones(milestones, gold["milestones"])
    gold_ms = gold["milestones"].assign(s=gold["milestones"]["start"].map(_date_str),
                                        e=gold["milestones"]["end"].map(_date_str))
    pred_ms = milestones[milestones["start"].notna()].assign(s=lambda t: t["start"].map(_date_str),
                                                               e=lambda t: t["end"].map(_date_str))
    pred_ms = pred_ms.assign(article_id=pred_ms["article_id"].astype(str))
    for kind, keys, listed, other in (("missed", score.missed, gold_ms, pred_ms),
                                      ("spurious", score.spurious, pred_ms, gold_ms)):
        for (article_id, start, end), count in Counter(keys).items():
            same = (listed.article_id == article_id) & (listed.s == start) & (listed.e == end)
            matched = (other.article_id == article_id) & (other.s == start) & (other.e == end)
            for row in _unmatched(listed[same], other[matched]["surface"].tolist(), count):
                sentence = row.sentence if kind == "spurious" else _sentence_at(texts.get(article_id, ""), row.surface)
                rows.append(("milestones", kind, article_id, row.surface, f"{start}..{end}", sentence))
    for form, ent_score in (score_entities(entities, gold["entities"]).items() if "entities" in gold else ()):
        for kind, items in (("missed", ent_score.missed), ("spurious", ent_score.spurious)):
            for article_id, entity_id, _ in sorted(set(items)):
                count = items.count((article_id, entity_id, form))
                found = entities[(entities.article_id.astype(str) == article_id) & (entities.entity_id == entity_id)
                                 & (entities.form == form)]
                surfaces = "، ".join(found["surface"].tolist())
                sentence = found["sentence"].iloc[0] if len(found) else ""
                rows.append((f"entities ({form}s)", kind, article_id, surfaces,
                             f"{entity_id} x{count} (found {len(found)})", sentence))
    if "claims" in gold:
        for article_id, surface, name, g, p, sentence in score_claims(milestones, gold["claims"]).mismatches:
            rows.append(("claims", "mismatch", article_id, surface, f"{name}: {g or '-'} -> {p or '-'}", sentence))
    return pd.DataFrame(rows, columns=["task", "kind", "article_id", "surface", "detail", "sentence"])
