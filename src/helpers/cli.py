"""Command line: ``python -m helpers extract|report|evaluate``.

Exit status: 0 when every input loaded, 1 when some inputs were skipped (the load report
says which), 2 on bad arguments or a corpus that does not exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def _existing_path(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or directory: {value}")
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="load a corpus and write articles, load report, milestones and entities as CSV")
    ex.add_argument("corpus", type=_existing_path, help="a directory of articles or one .txt/.jsonl/.json/.csv/.parquet file")
    ex.add_argument("--out", type=Path, required=True, help="output directory (created if missing)")
    ex.add_argument("--manifest", type=_existing_path, help="manifest.csv (article_id,published,source,url); default: CORPUS/manifest.csv")
    ex.add_argument("--strict", action="store_true", help="stop at the first problem instead of reporting it")

    rep = sub.add_parser("report", help="execute every notebook on a corpus and write the HTML report and figure pack")
    rep.add_argument("corpus", type=_existing_path, nargs="?", default=paths.SEEDS, help="corpus (default: the seed)")
    rep.add_argument("--out", type=Path, default=paths.BUILD, help="output directory (default: build/)")

    ev = sub.add_parser("evaluate", help="score the extractors against an annotated set")
    ev.add_argument("eval_dir", type=_existing_path, nargs="?", default=paths.EVAL_DEV, help="annotated set (default: data/eval/dev)")
    return parser


def run_extract(args: argparse.Namespace) -> int:
    from .corpus import CorpusError, load_corpus
    from .entities import entities_table
    from .milestones import milestones_table

    try:
        corpus = load_corpus(args.corpus, strict=args.strict, manifest=args.manifest)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_SKIPPED
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    corpus.articles.drop(columns=["raw_text"], errors="ignore").to_csv(out / "articles.csv", index=False)
    corpus.report.to_csv(out / "load_report.csv", index=False)
    milestones = milestones_table(corpus)
    milestones.to_csv(out / "milestones.csv", index=False, date_format="%Y-%m-%d")
    entities = entities_table(corpus)
    entities.to_csv(out / "entities.csv", index=False)
    counts = corpus.report["status"].value_counts()
    print(
        f"{len(corpus.articles)} articles, {len(milestones)} milestones, {len(entities)} entity mentions "
        f"-> {out}/ (inputs: {counts.get('ok', 0)} ok, {counts.get('warning', 0)} warning, {counts.get('error', 0)} error)"
    )
    for row in corpus.report[corpus.report["status"] != "ok"].itertuples(index=False):
        print(f"  {row.status}: {row.path}: {row.reason}", file=sys.stderr)
    return EXIT_SKIPPED if counts.get("error", 0) else EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from .report import build_report

    return build_report(args.corpus, args.out)


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    print(evaluate(args.eval_dir).to_string(index=False))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    return {"extract": run_extract, "report": run_report, "evaluate": run_evaluate}[args.command](args)
