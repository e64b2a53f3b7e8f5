"""Command line: ``python -m helpers extract|report|evaluate``.

Exit status: 0 when every input loaded, 1 when some inputs were skipped or no article was read (the load report
says which), 2 on bad arguments (``--workers 0``), a corpus that does not exist, a bad or misspelt vocabulary table
(named ``FILE, line N`` before any work), an output folder another run is
writing or that cannot be written (a file, a folder of someone else's, a full disk), 3 when extraction failed (a worker killed: its
files are named; else a bug: the traceback is printed), 130 when interrupted (Ctrl-C). ``report``: 0 when every
notebook ran, 1 when one failed or no article was read (every page built, saying it has nothing to show).
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from . import paths
from .cores import usable_cores
from .data_tables import not_a_data_folder

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# a write that failed on a full disk, a quota, a file-size limit, a read-only disk or a folder of someone else's
# inside the output (found only when written): not a bug
_CANNOT_WRITE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}


def _cannot_write(folder: Path) -> str | None:
    """Why ``folder`` cannot be an output folder (it is created when missing; a file is made and removed in it, so
    a folder of someone else's or a read-only share is said now, not a traceback halfway), or None."""
    from .pipeline_output import lock_problem

    if folder.exists() and not folder.is_dir():
        return f"error: cannot write {folder}: a file, not a folder"
    if problem := lock_problem(folder):  # the lock file a run holds (pipeline_output.LOCK_FILE)
        return f"error: cannot write {folder}: {problem}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        return f"error: cannot write {folder}: {err.strerror or err}"
    return None


def _given_path(value: str) -> Path:
    """A path on the command line; an empty one (``"$CORPUS"`` with the variable unset) is an error, never ``.``,
    the current folder, which would be read whole or written over."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path (a variable that is not set?): give '.' for the current folder")
    return Path(value)


def _existing_path(value: str) -> Path:
    path = _given_path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or directory: {value}")
    return path


def _count(value: str) -> int:
    """A number of things (workers): a whole number, 1 or more."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more, not {value!r}")
    return number


MAX_WORKERS = 1024  # more processes than any machine this runs on has cores for; a typo, not a plan


def _workers(value: str) -> int:
    """``--workers``: a whole number from 1 to ``MAX_WORKERS``."""
    number = _count(value)
    if number > MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_WORKERS}, not {value!r}")
    return number


def _scheduler(value: str) -> str:
    """``--scheduler``: an address Dask can read (tcp://host:8786, host:8786), checked before any work."""
    try:
        from distributed.comm.addressing import parse_address, parse_host_port
    except ImportError:  # no distributed: extract_corpus says what to install
        return value
    try:
        scheme, location = parse_address(value)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except (ValueError, TypeError) as err:
        raise argparse.ArgumentTypeError(
            f"not a Dask scheduler address such as tcp://host:8786: {value!r} ({err})") from None
    return value


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``prog`` defaults to the name the program was called by (``arabic-news``)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = argparse.ArgumentParser(add_help=False)
    tables.add_argument("--data-dir", type=_existing_path,
                        help="a folder of your own tables (gazetteer.csv, calendar/, claims/): each one found there "
                             f"replaces the shipped one (same as ${paths.DATA_DIR_ENV})")
    selection = argparse.ArgumentParser(add_help=False)
    selection.add_argument("--manifest", type=_existing_path,
                           help="a manifest CSV (article_id,published,source,url) for every .txt; default: each "
                                "folder's manifest.csv. Articles it does not list are still loaded, with a 'not in "
                                "manifest' warning; a row with no article file is a warning naming the manifest line")
    selection.add_argument("--include", action="append", metavar="PATTERN",
                           help="read only the files matching this glob pattern (repeatable), on the path relative "
                                "to the corpus folder: a pattern without '/' ('*.txt', 'README*') matches a file or "
                                "folder name anywhere, 'annotations/*' a path; '*' crosses folders; case-sensitive. "
                                "A manifest.csv is read whatever the include patterns")
    selection.add_argument("--exclude", action="append", metavar="PATTERN",
                           help="leave out the files matching this glob pattern (repeatable; the rules of --include; "
                                "only a pattern without wildcards, such as manifest.csv, leaves out a manifest). "
                                "Every file left out keeps an ok row in the load report naming its pattern")

    ex = sub.add_parser("extract", parents=[tables, selection],
                        help="load a corpus and write articles, load report, milestones and entities as CSV")
    ex.add_argument("corpus", type=_existing_path, help="a directory of articles or one .txt/.jsonl/.json/.csv/.parquet file")
    ex.add_argument("--out", type=_given_path, required=True, help="output directory (created if missing)")
    ex.add_argument("--strict", action="store_true", help="stop at the first problem instead of reporting it")
    ex.add_argument("--no-claims", action="store_true",
                    help="leave the claim columns of milestones.csv (event, place, actor, claimant, negated) empty: "
                         "about half the time on a large corpus read only for its dates and entities")
    ex.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="csv: four CSV files (default); parquet: articles/, milestones/, entities/ and load_report.parquet")
    ex.add_argument("--workers", type=_workers, help="worker processes (default: every core for 512 files or more)")
    ex.add_argument("--cache-dir", type=_given_path, help="cache of extracted batches (default: OUT/.cache)")
    ex.add_argument("--no-cache", action="store_true", help="extract every file again, and cache nothing")
    ex.add_argument("--scheduler", type=_scheduler, help="run on this Dask cluster (tcp://host:8786); it must see CORPUS and OUT")
    ex.add_argument("--follow-links", action="store_true",
                    help="follow links that lead out of the corpus folder (default: report them, not read them)")
    ex.add_argument("--verbose", action="store_true",
                    help="print every load report row that is not ok (default: errors, and warnings counted by kind)")

    rep = sub.add_parser("report", parents=[tables, selection],
                         help="execute every notebook on a corpus and write the HTML report and figure pack")
    rep.add_argument("corpus", type=_existing_path, nargs="?", default=paths.SEEDS, help="corpus (default: the seed)")
    rep.add_argument("--out", type=_given_path, default=paths.BUILD, help="output directory (default: build/)")
    rep.add_argument("--single-file", action="store_true",
                     help="also write OUT/report.html: the whole report in one file, to send by email")

    ev = sub.add_parser("evaluate", parents=[tables],
                        help="score the extractors against an annotated set")
    ev.add_argument("eval_dir", type=_existing_path, nargs="?", default=paths.EVAL_DEV, help="annotated set (default: data/eval/dev)")
    ev.add_argument("--errors", action="store_true",
                    help="also list every missed and spurious row and every claims mismatch, with its sentence")
    return parser


def table_error(claims: bool = True) -> str | None:
    """The first bad vocabulary table (calendar, gazetteer, entity context, claims) or misspelt --data-dir entry as
    "FILE, line N: problem", read once before any batch (``data_tables.check_tables``); an entry of the data dir
    the suite does not read is printed as a warning."""
    import warnings

    from .data_tables import DataDirWarning, check_tables

    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always", DataDirWarning)
            check_tables(claims)
    except (ValueError, OSError) as err:  # the loaders' errors (GazetteerError, ClaimTableError…) name the file
        return str(err)
    finally:
        for warning in said:
            if issubclass(warning.category, DataDirWarning):
                print(f"warning: {warning.message}", file=sys.stderr)
            else:
                warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    return None


def run_extract(args: argparse.Namespace) -> int:
    """``extract``: exit 0, 1 or 2 as the module docstring says, 3 with the traceback when it failed."""
    from .corpus import CorpusError
    from .pipeline_jobs import WorkerKilled
    from .pipeline_output import OutputInUse, output_lock, output_problem, shown

    if args.corpus.is_dir() and args.out.resolve() == args.corpus.resolve():
        print(f"error: --out {args.out} is the corpus folder: a second run would read its tables back as "
              f"articles; give another folder ({args.corpus / 'out'} is left out of the corpus)", file=sys.stderr)
        return EXIT_USAGE
    if args.corpus.is_dir() and args.cache_dir is not None and args.cache_dir.resolve() == args.corpus.resolve():
        print(f"error: --cache-dir {args.cache_dir} is the corpus folder: the cache entries would be written among "
              f"the articles; give another folder ({args.corpus / 'cache'} is left out of the corpus)", file=sys.stderr)
        return EXIT_USAGE
    if (problem := table_error(claims=not args.no_claims)) is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    cores = usable_cores()
    if args.workers is not None and args.workers > cores:  # run as asked: a cluster node may know better
        print(f"warning: --workers {args.workers} is more than the {cores} cores this run may use: the workers "
              f"share them, each with its own copy of the tables, so the run is slower and larger, not faster",
              file=sys.stderr)
    default_cache = args.out / ".cache"  # when it is there already: made by another user, made read-only…
    cache = None if args.no_cache else args.cache_dir or (default_cache if default_cache.is_dir() else None)
    if not args.no_cache and args.cache_dir is None and (default_cache.exists() or default_cache.is_symlink()) \
            and not default_cache.is_dir():
        print(f"error: {default_cache} is a file or a broken link, not the cache folder of earlier runs: remove it, "
              "or give --cache-dir DIR or --no-cache", file=sys.stderr)
        return EXIT_USAGE
    for folder in (args.out, cache):
        if folder is not None and (problem := _cannot_write(folder)):
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    if problem := output_problem(args.out, args.corpus):  # «extract news/articles --out news», «--out corpus/sub»
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with output_lock(args.out):
            return _extract(args)
    except CorpusError as err:  # --strict: the first problem, naming a file (its control characters escaped)
        print(shown(f"error: {err}"), file=sys.stderr)
        return EXIT_SKIPPED
    except OutputInUse as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerKilled as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # noqa: BLE001 - a failure is not "some inputs skipped": its own status
        if isinstance(err, OSError) and err.errno in _CANNOT_WRITE:  # a full disk: the previous outputs are whole
            print(f"error: cannot write {err.filename or args.out}: {err.strerror or err}", file=sys.stderr)
            return EXIT_USAGE
        if args.scheduler is not None and isinstance(err, (OSError, TimeoutError)):  # no cluster there
            print(f"error: cannot reach the Dask scheduler {args.scheduler}: {err}; start it (dask scheduler) or "
                  "check the address", file=sys.stderr)
            return EXIT_USAGE
        traceback.print_exc()
        print("error: extraction failed (the traceback above is a bug: please report it with the input)",
              file=sys.stderr)
        return EXIT_FAILED


def _extract(args: argparse.Namespace) -> int:
    from .pipeline import extract_corpus
    from .pipeline_cache import remove_stale_temporaries
    from .pipeline_output import DONE_FILE, REPORT_FILE, TABLES, remove_table, report_lines, write_csv

    out: Path = args.out
    for stale in out.glob(".parquet-*"):  # staging folders of runs that were killed (the lock is ours)
        shutil.rmtree(stale, ignore_errors=True)
    remove_stale_temporaries(out)
    cache = False if args.no_cache else (args.cache_dir or out / ".cache")
    with tempfile.TemporaryDirectory(dir=out, prefix=".parquet-") as staging:
        extraction = extract_corpus(
            args.corpus, out if args.format == "parquet" else staging, manifest=args.manifest,
            strict=args.strict, workers=args.workers, cache_dir=cache, scheduler=args.scheduler,
            progress=sys.stderr.isatty(), follow_links=args.follow_links,
            include=args.include, exclude=args.exclude, claims=not args.no_claims,
        )
        report = extraction.report()
        if args.format == "csv":
            write_csv(extraction.out, out)
    # an earlier run's tables in the other format must not sit beside this run's
    for stale in ([out / f"{name}.csv" for name in (*TABLES, "load_report")] if args.format == "parquet" else
                  [*(out / name for name in TABLES), out / REPORT_FILE, out / DONE_FILE]):
        remove_table(stale) if stale.is_dir() else stale.unlink(missing_ok=True)
    summary = extraction.summary
    print(
        f"{summary['articles']} articles, {summary['milestones']} milestones, {summary['mentions']} entity mentions "
        f"-> {out}/ (inputs: {summary['ok']} ok, {summary['warning']} warning, {summary['error']} error)"
    )
    where = out / ("load_report.csv" if args.format == "csv" else REPORT_FILE)
    for line in report_lines(report, where, verbose=args.verbose):
        print(line, file=sys.stderr)
    if not summary["articles"]:  # every input left out or unreadable: not a success a script should trust
        print(f"error: no article was read from {args.corpus} (every input is in {where})", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_SKIPPED if summary["error"] else EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from .corpus import corpus_selection
    from .pipeline_output import OutputInUse
    from .report import build_report

    if (problem := table_error()) is not None:  # else each notebook's kernel fails on it with a traceback
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if problem := _cannot_write(args.out):
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    try:
        with corpus_selection(args.include, args.exclude, args.manifest):  # for the kernels that load the corpus
            return build_report(args.corpus, args.out, single_file=args.single_file)
    except OutputInUse as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:  # a full disk, a folder of someone else's: the last report is whole (built beside it)
        if err.errno not in _CANNOT_WRITE:
            raise
        print(f"error: cannot write {err.filename or args.out}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE


def run_evaluate(args: argparse.Namespace) -> int:
    import warnings

    from .evaluate import Evaluation, GoldError, GoldWarning, errors, evaluate

    if (problem := table_error()) is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        run = Evaluation(args.eval_dir)  # the gold, read once; its errors before any extraction
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    for problem in run.problems:
        print(f"warning: {problem}", file=sys.stderr)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GoldWarning)  # said above, once
        table = evaluate(run)
    for problem in run.load_problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(table.astype(object).where(table.notna(), "").to_string(index=False))
    if args.errors:
        for row in errors(run).itertuples(index=False):
            print(f"\n[{row.task}] {row.kind} {row.article_id} «{row.surface}» {row.detail}\n    {row.sentence}")
    return EXIT_OK


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    if args.data_dir is not None and (problem := not_a_data_folder(args.data_dir)):
        print(f"error: --data-dir {args.data_dir}: {problem}; give the folder, not a table", file=sys.stderr)
        return EXIT_USAGE
    if args.data_dir is not None:  # read by the table loaders, here and in worker processes and kernels
        os.environ[paths.DATA_DIR_ENV] = str(args.data_dir.resolve())
    command = {"extract": run_extract, "report": run_report, "evaluate": run_evaluate}[args.command]
    try:
        return command(args)
    except BrokenPipeError:  # `… | head` closed the output early: not a failure (Python docs, "Note on SIGPIPE")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback (the workers ignore it)
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 (a bug, not bad input: its own exit code, never 1)
        traceback.print_exc()
        print(f"error: {args.command} failed (the traceback above is a bug: please report it with the input)",
              file=sys.stderr)
        return EXIT_FAILED
