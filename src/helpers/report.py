"""The shared report: run every notebook on a corpus, write offline HTML pages, an index and the slide pack.

The reader needs a browser and nothing else: no Jupyter, Python, installed font or network.
plotly.js is one local file, the Arabic font is copied next to the pages, and the template
(``templates/report_rtl``) gives every text block ``dir="auto"`` so Arabic reads right-to-left.
Every table gets a CSV download (``tables/``) and a box of its own that scrolls sideways on a phone.
``single_file=True`` also writes ``report.html``: every page in one file with plotly.js, the font,
images and CSV downloads inlined, to send by email. A notebook that fails is still converted (up to
the failing cell) and marked in the index.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import markupsafe
import nbformat
from jupyter_client.manager import AsyncKernelManager

from . import paths
from .figures import (
    CONTACT_SHEET,
    FIGURES_DIR_ENV,
    NOTEBOOK_ENV,
    TABLES_DIR_ENV,
    auto_direction,
    contact_sheet,
    read_figure_index,
)
from .report_tables import (
    FULL_TABLES_DIR,
    SINGLE_FILE_CSV_BUDGET,
    TABLES_DIR,
    data_uri,
    table_csv,
    table_downloads_factory,
)
from .views import EXTRACTION_DIR_ENV

__all__ = ["NotebookRun", "build_report", "export_html", "find_notebooks", "table_csv"]

EXIT_OK, EXIT_FAILED = 0, 1
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
KERNEL = "arabic-news"
TEMPLATES = Path(__file__).parent / "templates"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
PLOTLY_JS = "plotly.min.js"
FONTS_DIR = "fonts"
FIGURES_DIR = "figures"
EXECUTED_DIR = "executed"
SINGLE_FILE = "report.html"
INDEX_ANCHOR = "report-index"  # the single file's contents, where each page's "Report index" link leads
# The notebooks' shared extraction (helpers.views.extraction): kept with the report, so a report is
# extracted once for all its notebooks, a re-run on the same corpus reads it back, and two reports
# built at once never share a folder.
EXTRACTION_DIR = "extraction"
# The renderer the report runs notebooks with: the mime bundle (stable JSON) is drawn by the
# template with one local plotly.js. The `notebook` renderer would embed 4.8 MB per page and
# adds a MathJax <script src> from cdnjs to every figure, which fails offline.
PLOTLY_RENDERER = "plotly_mimetype"
# The weights the pages use (regular text, headings, bold); the font's lighter weights stay out.
PAGE_FONT_WEIGHTS = (400, 500, 600, 700)


@dataclass
class NotebookRun:
    """One notebook's part of the report: where its page is and whether it finished."""

    source: Path
    page: str | None
    title: str
    summary: str
    error: str | None = None
    seconds: float = 0.0


def build_report(corpus, out, notebooks=None, rtl: bool = True, single_file: bool = False) -> int:
    """Execute the notebooks on ``corpus`` and write the report to ``out``; 0 when all ran, 1 otherwise.

    ``notebooks`` is a directory (its ``NN-*.ipynb``) or a list of notebooks; default the
    suite's ``notebooks/``. ``rtl=False`` leaves out the right-to-left template, so a test can
    show that the direction checks catch its absence. ``single_file`` also writes ``report.html``,
    the whole report in one file that needs nothing beside it.
    """
    from .pipeline_output import output_lock

    corpus = Path(corpus).resolve()
    out = Path(out).resolve()
    sources = find_notebooks(notebooks)
    out.mkdir(parents=True, exist_ok=True)
    if not sources:
        print(f"report: no notebooks matching {NOTEBOOK_GLOB} in {notebooks or paths.NOTEBOOKS}", file=sys.stderr)
    # built beside the last report and moved in at the end: a kill leaves the last report whole; a second
    # build into the folder meanwhile is refused (OutputInUse), not interleaved with this one
    with output_lock(out):
        for stale in out.glob(f"{STAGING_PREFIX}*"):  # what a killed build left
            shutil.rmtree(stale, ignore_errors=True)
        with tempfile.TemporaryDirectory(dir=out, prefix=STAGING_PREFIX) as staging:
            runs = _build(Path(staging), corpus, sources, out / EXTRACTION_DIR, rtl, single_file)
            _publish(Path(staging), out)
    failed = [r for r in runs if r.error]
    print(f"report: {len(runs) - len(failed)}/{len(runs)} notebooks ok -> {out / 'index.html'}", file=sys.stderr)
    if single_file:
        print(f"report: one file to send -> {out / SINGLE_FILE}", file=sys.stderr)
    not_read, where = _inputs_not_read(out / EXTRACTION_DIR, corpus)
    if not_read:  # as extract prints its error rows: not only on the corpus page
        print(f"report: {not_read} input{'s' * (not_read > 1)} not read (the corpus page's load report names "
              f"{'them' if not_read > 1 else 'it'}: {where})", file=sys.stderr)
    if _articles_read(out / EXTRACTION_DIR, corpus) == 0:  # every page built, of nothing: not a success to trust
        print(f"error: no article was read from {corpus}: the pages have nothing to show (the corpus page's load "
              "report says what happened to every input)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def _articles_read(extraction: Path, corpus: Path) -> int | None:
    """How many articles the notebooks' shared extraction of ``corpus`` read; None when none extracted it."""
    from .pipeline_output import count_rows
    from .views import _extraction_dir

    articles = _extraction_dir(corpus, extraction) / "articles"
    try:
        return count_rows(articles) if articles.is_dir() else None
    except OSError:
        return None


def _inputs_not_read(extraction: Path, corpus: Path) -> tuple[int, Path | None]:
    """How many inputs the notebooks' shared extraction of ``corpus`` could not read (error rows of its load
    report), and that report; ``(0, None)`` when none extracted it."""
    import pyarrow.parquet as pq

    from .pipeline_output import REPORT_FILE
    from .views import _extraction_dir

    report = _extraction_dir(corpus, extraction) / REPORT_FILE
    try:
        status = pq.read_table(report, columns=["status"]).column("status").to_pylist()
    except (OSError, ValueError):
        return 0, None
    return status.count("error"), report


STAGING_PREFIX = ".report-"  # the folder a build is made in, inside the output folder


def _build(out: Path, corpus: Path, sources: list[Path], extraction: Path, rtl: bool, single_file: bool
           ) -> list[NotebookRun]:
    """Run the notebooks and write the report's pages, figures and index into ``out`` (a staging folder); the
    kernels share the extraction in ``extraction``, kept from build to build."""
    _prepare_output(out)
    kernel = _kernel_name()
    runs = []
    for i, source in enumerate(sources, 1):
        print(f"[{i}/{len(sources)}] {source.name} ...", file=sys.stderr, flush=True)
        run = _run_notebook(source, corpus, out, kernel, rtl, extraction)
        status = "ok" if run.error is None else "FAILED"
        print(f"[{i}/{len(sources)}] {source.name} {status} ({run.seconds:.1f} s)", file=sys.stderr, flush=True)
        if run.error:
            print(run.error, file=sys.stderr, flush=True)
        runs.append(run)
    contact_sheet(out / FIGURES_DIR)
    _write_index(out, runs, corpus, rtl, single_file)
    if single_file:
        _write_single_file(out, runs, corpus, rtl)
    return runs


def _publish(staging: Path, out: Path) -> None:
    """Move the report built in ``staging`` into ``out``, the index last; a folder of the last report (figures/,
    tables/…) is moved aside first and removed with the staging folder. Pages of the last report this one
    does not have (a notebook removed, the single file) are removed. Every file is on the disk before the moves,
    and the moves after them: a power cut leaves no empty page or figure under its name."""
    from .pipeline_cache import sync_file, sync_folder

    for folder, _, names in os.walk(staging):
        for name in names:
            sync_file(Path(folder) / name)
        sync_folder(Path(folder))
    built = sorted(staging.iterdir(), key=lambda entry: entry.name == "index.html")
    for page in [*out.glob("[0-9][0-9]-*.html"), out / SINGLE_FILE]:
        if not (staging / page.name).exists():
            page.unlink(missing_ok=True)
    for entry in built:
        target = out / entry.name
        if target.is_dir() and not target.is_symlink():
            os.replace(target, staging / f".last-{entry.name}")
        os.replace(entry, target)
    sync_folder(out)


def find_notebooks(notebooks=None) -> list[Path]:
    """The notebooks of the report in reading order: a directory's ``NN-*.ipynb`` or the list given."""
    if notebooks is None:
        notebooks = paths.NOTEBOOKS
    if isinstance(notebooks, (str, os.PathLike)) and Path(notebooks).is_dir():
        return sorted(Path(notebooks).resolve().glob(NOTEBOOK_GLOB))
    if isinstance(notebooks, (str, os.PathLike)):
        return [Path(notebooks).resolve()]
    return [Path(nb).resolve() for nb in notebooks]


def _prepare_output(out: Path) -> None:
    """Fresh generated folders (a stale figure must not reach the pack), the font and plotly.js."""
    out.mkdir(parents=True, exist_ok=True)
    for page in [*out.glob("[0-9][0-9]-*.html"), out / SINGLE_FILE]:  # a notebook removed, an old single file
        page.unlink(missing_ok=True)
    for generated in (FIGURES_DIR, EXECUTED_DIR, FONTS_DIR, TABLES_DIR):
        shutil.rmtree(out / generated, ignore_errors=True)
        (out / generated).mkdir()
    for font in _page_fonts().values():
        shutil.copy2(font, out / FONTS_DIR / font.name)
    license_file = next(iter(_page_fonts().values())).parent.parent / "LICENSE"
    if license_file.exists():  # the OFL asks for the licence to travel with the font
        shutil.copy2(license_file, out / FONTS_DIR / "LICENSE-IBM-Plex-Sans-Arabic.txt")
    from plotly.offline import get_plotlyjs

    (out / PLOTLY_JS).write_text(get_plotlyjs(), encoding="utf-8")


def _page_fonts() -> dict[int, Path]:
    from .rtl import font_files

    return {weight: path for weight, path in font_files().items() if weight in PAGE_FONT_WEIGHTS}


CELL_TIMEOUT_ENV = "HELPERS_CELL_TIMEOUT"


def _cell_timeout() -> int:
    """Seconds a cell may run before its notebook is reported as failed (a hung cell must not hang the report)."""
    return int(os.environ.get(CELL_TIMEOUT_ENV, "3600"))


def _kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL if KERNEL in KernelSpecManager().find_kernel_specs() else "python3"


@contextlib.contextmanager
def _environment(**variables: str):
    """Set environment variables for the kernels started inside the block, then restore them."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_notebook(source: Path, corpus: Path, out: Path, kernel: str, rtl: bool, extraction: Path) -> NotebookRun:
    """Execute one notebook with papermill and export it, finished or not."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    nb = nbformat.read(source, as_version=4)
    title, summary = notebook_title_and_summary(nb, source.stem)
    run = NotebookRun(source, None, title, summary)
    executed = out / EXECUTED_DIR / source.name
    started = time.monotonic()
    env = {"HELPERS_PLOTLY_RENDERER": PLOTLY_RENDERER, FIGURES_DIR_ENV: str(out / FIGURES_DIR),
           NOTEBOOK_ENV: source.stem, EXTRACTION_DIR_ENV: str(extraction),
           TABLES_DIR_ENV: str(executed.parent / FULL_TABLES_DIR)}
    try:
        with _environment(**env):
            pm.execute_notebook(source, executed, parameters={"CORPUS": str(corpus)}, kernel_name=kernel,
                                cwd=str(source.parent), progress_bar=False, execution_timeout=_cell_timeout(),
                                kernel_manager_class=_LocalKernelManager,
                                # the kernel's stderr (loading/extraction progress bars on a large
                                # corpus, warnings) is echoed to the terminal as it comes
                                stderr_file=sys.stderr)
    except PapermillExecutionError as err:
        run.error = failure_message(source, nb, err)
    except Exception as err:  # noqa: BLE001 - kernel died, no parameters cell...: report it, go on
        run.error = f"notebook {source.name} failed: {type(err).__name__}: {err}"
    run.seconds = time.monotonic() - started
    if executed.exists():
        run.page = f"{source.stem}.html"
        export_html(executed, out / run.page, rtl=rtl, error=run.error, corpus_label=corpus.name, title=title)
    return run


class _LocalKernelManager(AsyncKernelManager):
    """Kernels talk to the report builder over local IPC sockets, not TCP: nothing is exposed on
    the network, and ipykernel has no reason to warn about unencrypted TCP on every notebook."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        super().__init__(**kwargs)


def failure_message(source: Path, nb, err) -> str:
    """``notebook 02-x.ipynb failed in cell 7: KeyError: 'published'`` and where to look.

    The cell number counts the notebook's cells from 1 as Jupyter shows them (papermill's
    index includes the cell it injects); ``In [n]`` is the prompt on the report page.
    """
    number = next((i for i, cell in enumerate(nb.cells, 1)
                   if cell.cell_type == "code" and cell.source == err.source), err.cell_index + 1)
    first_line = next((line for line in err.source.splitlines() if line.strip()), "")
    return (f"notebook {source.name} failed in cell {number}: {err.ename}: {err.evalue}\n"
            f"  (In [{err.exec_count}] on its report page; the cell starts: {first_line})")


def _isolate_quotes(escaped: str) -> str:
    """Wrap «quoted» phrases of escaped text in <bdi>, so Arabic quoted in English keeps its order."""
    return re.sub(r"«[^«»<>]*»", lambda m: f"<bdi>{m.group(0)}</bdi>", escaped)


def notebook_title_and_summary(nb, fallback: str) -> tuple[str, str]:
    """The notebook's title and one-line summary: metadata if set, else its first heading and paragraph."""
    title = nb.metadata.get("title")
    summary = nb.metadata.get("summary") or nb.metadata.get("description")
    for cell in (c for c in nb.cells if c.cell_type == "markdown"):
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if not block:
                continue
            if block.startswith("#"):
                title = title or _plain_text(block.splitlines()[0].lstrip("#"))
            elif not summary:
                summary = _plain_text(block)
        if title and summary:
            break
    return title or fallback, _shorten(summary or "")


def _plain_text(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # links and images: keep their text
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _shorten(text: str, limit: int = 220) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def export_html(notebook, html_path, rtl: bool = True, error: str | None = None,
                corpus_label: str = "", title: str | None = None) -> Path:
    """Convert an executed notebook (path or node) to one offline report page at ``html_path``.

    Its tables' CSV downloads are written to ``tables/`` beside the page.
    """
    html_path = Path(html_path)
    page = _render_page(notebook, html_path.stem, rtl=rtl, error=error, corpus_label=corpus_label, title=title,
                        tables_dir=html_path.parent / TABLES_DIR)
    html_path.write_text(page, encoding="utf-8")
    return html_path


def _render_page(notebook, stem: str, rtl: bool = True, error: str | None = None, corpus_label: str = "",
                 title: str | None = None, tables_dir: Path | None = None, plotly_ids=None,
                 images_from: Path | None = None, csv_budget: list[int] | None = None) -> str:
    """One report page as HTML. With ``tables_dir`` None the page is for the single file: fonts, CSV
    downloads and markdown images (found from ``images_from``, the notebook's own folder) as data: URIs,
    no plotly.js script (the single file carries it once), ``plotly_ids`` shared between its pages so no
    two charts get the same element id."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4) if isinstance(notebook, (str, os.PathLike)) else notebook
    if title:
        nb.metadata["title"] = title
    from traitlets.config import Config

    single = tables_dir is None
    priority = HTMLExporter().default_config.NbConvertBase.display_data_priority
    config = Config({"NbConvertBase": {"display_data_priority": [PLOTLY_MIME, *priority]}})
    exporter = HTMLExporter(config=config, template_name="report_rtl" if rtl else "report",
                            extra_template_basedirs=[str(TEMPLATES)], extra_template_paths=[str(TEMPLATES)],
                            exclude_output_prompt=True, embed_images=single)
    exporter.register_filter("plotly_div", _plotly_div_factory(plotly_ids))
    exporter.register_filter("auto_direction", auto_direction)
    full_tables = Path(notebook).parent / FULL_TABLES_DIR if isinstance(notebook, (str, os.PathLike)) else None
    exporter.register_filter("table_downloads", table_downloads_factory(stem, tables_dir, full_tables, csv_budget))
    has_plotly = any(PLOTLY_MIME in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", []))
    resources = {"report": {
        "plotly_js": PLOTLY_JS if has_plotly and not single else "",
        "font_faces": _font_faces(inline=single),
        "error": error,
        "corpus_label": f"corpus: {corpus_label}" if corpus_label else "",
        "index_href": f"#{INDEX_ANCHOR}" if single else "index.html",
    }}
    resources["metadata"] = {"name": stem}  # the page's <title> when the notebook has none
    if images_from is not None or isinstance(notebook, (str, os.PathLike)):  # markdown images' base folder
        resources["metadata"]["path"] = str(images_from or Path(notebook).parent)
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _font_faces(inline: bool = False) -> list[dict]:
    """The page fonts' @font-face entries: files in ``fonts/``, or base64 data: URIs for the single file."""
    from .rtl import ARABIC_FONT

    def url(path: Path) -> str:
        return data_uri(path.read_bytes(), "font/ttf") if inline else f"{FONTS_DIR}/{path.name}"

    return [{"family": ARABIC_FONT, "weight": weight, "url": url(path)}
            for weight, path in sorted(_page_fonts().items())]


def _plotly_div_factory(ids=None):
    """A template filter drawing a plotly mime bundle with the page's local plotly.js.

    ``plotly.io.to_html`` writes the div and the script (its JSON escapes ``<``, ``>`` and ``/``, so
    article text cannot close the script); the figure is drawn as the notebook made it (no validation,
    which would add this process's default template). A chart given a width in pixels (04's bar chart:
    650) is drawn that wide at most and narrower on a smaller screen: plotly.js keeps a layout width
    whatever the screen, so a phone showed the chart cut off at its output box.
    """
    import plotly.io as pio

    counter = itertools.count(1) if ids is None else ids

    def plotly_div(figure: dict) -> str:
        config = {"responsive": True, "displaylogo": False, **figure.get("config", {})}
        layout = dict(figure.get("layout") or {})
        width = layout.pop("width", None)
        style = f' style="max-width:{float(width):g}px"' if isinstance(width, (int, float)) and width > 0 else ""
        layout["autosize"] = True
        chart = pio.to_html({**figure, "layout": layout}, config=config, include_plotlyjs=False, full_html=False,
                            validate=False, div_id=f"plotly-figure-{next(counter)}", default_height="450px")
        return f'<div class="report-plotly"{style}>{chart}</div>'

    return plotly_div


def _write_index(out: Path, runs: list[NotebookRun], corpus: Path, rtl: bool, single_file: bool = False) -> Path:
    """``index.html``: each notebook with its summary, status and key figures (``templates/site``), and
    the single file when there is one."""
    figures = read_figure_index(out / FIGURES_DIR)
    rows = [{
        "page": run.page, "title": run.title, "name": run.source.name, "summary": run.summary, "error": run.error,
        "thumbnails": [e for e in figures if e["notebook"] == run.source.stem and e["files"].get("png")],
        "interactive": sum(1 for e in figures if e["notebook"] == run.source.stem and e["kind"] == "plotly"),
    } for run in runs]
    page = _site_templates().get_template("report-index.html.j2").render(
        runs=rows, failed=sum(1 for r in runs if r.error), corpus=corpus.name, rtl=rtl,
        built=time.strftime("%Y-%m-%d %H:%M"), font_faces=_font_faces(), figures_dir=FIGURES_DIR,
        contact_sheet=CONTACT_SHEET if (out / FIGURES_DIR / CONTACT_SHEET).exists() else None,
        single_file=SINGLE_FILE if single_file else None)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def _write_single_file(out: Path, runs: list[NotebookRun], corpus: Path, rtl: bool) -> Path:
    """``report.html``: the contents, then every page, in one file that works alone and offline.

    Pages are rendered again from the executed notebooks with everything inlined; the first page's
    head (JupyterLab's CSS, the page CSS, the fonts) serves them all, and plotly.js is inlined once.
    """
    from plotly.offline import get_plotlyjs

    plotly_ids = itertools.count(1)
    csv_budget = [SINGLE_FILE_CSV_BUDGET]  # shared by the pages: the whole-table CSVs of one file
    pages, head, body_attributes = [], "", ""
    for run in runs:
        if run.page is None:
            continue
        page = _render_page(out / EXECUTED_DIR / run.source.name, run.source.stem, rtl=rtl, error=run.error,
                            corpus_label=corpus.name, title=run.title, plotly_ids=plotly_ids, csv_budget=csv_budget,
                            images_from=run.source.parent)
        if not head:
            head = re.sub(r"<title>.*?</title>", "", re.search(r"<head>(.*?)</head>", page, re.DOTALL).group(1))
            body_attributes = re.search(r"<body([^>]*)>", page).group(1)
        body = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL).group(1)
        pages.append({"anchor": run.source.stem, "title": run.title, "summary": run.summary, "error": run.error,
                      "body": markupsafe.Markup(body)})
    has_plotly = any('class="report-plotly"' in page["body"] for page in pages)
    document = _site_templates().get_template("report-single.html.j2").render(
        head=markupsafe.Markup(head), body_attributes=markupsafe.Markup(body_attributes), pages=pages,
        plotly_js=markupsafe.Markup(get_plotlyjs()) if has_plotly else "", index_anchor=INDEX_ANCHOR,
        corpus=corpus.name, rtl=rtl, built=time.strftime("%Y-%m-%d %H:%M"), failed=sum(1 for r in runs if r.error),
        font_faces=_font_faces(inline=True))
    path = out / SINGLE_FILE
    path.write_text(document, encoding="utf-8")
    return path


@functools.cache
def _site_templates():
    """The report's own pages (the index), with every value escaped unless marked safe."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "site"), autoescape=True,
                             keep_trailing_newline=True)
    env.filters["direction"] = lambda markup, rtl: markupsafe.Markup(auto_direction(markup)) if rtl else markup
    env.filters["isolate_quotes"] = lambda text: markupsafe.Markup(_isolate_quotes(markupsafe.escape(text)))
    return env
