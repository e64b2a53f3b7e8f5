"""What a notebook calls to present a chart or a table: the slide pack and safe display of article text.

``publish`` is the one call for every presentation chart: inside ``python -m helpers report``
(which sets ``HELPERS_FIGURES_DIR``) it also saves a 16:9 copy for slides and records it in
the pack's index; in Jupyter it only returns the figure. Article text is untrusted input,
so tables and plotly hover/annotation text go through ``safe_table`` / ``escape_hover``.
A table shown cut keeps its every row for the report's CSV download: inside the report build
(``HELPERS_TABLES_DIR``) ``safe_table`` writes the whole table as CSV beside the executed notebook.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
from pathlib import Path

from .spans import paragraph_spans

__all__ = [
    "CSV_ENCODING",
    "FIGURES_DIR_ENV",
    "NOTEBOOK_ENV",
    "TABLES_DIR_ENV",
    "auto_direction",
    "contact_sheet",
    "escape_hover",
    "publish",
    "read_figure_index",
    "safe_table",
    "show_article",
    "spreadsheet_safe",
]

FIGURES_DIR_ENV = "HELPERS_FIGURES_DIR"
# Set by the report builder so figures from different notebooks never share a file name.
NOTEBOOK_ENV = "HELPERS_NOTEBOOK"
# Set by the report builder: where safe_table writes the whole of a table it shows cut, so the page's
# CSV download holds every row. Outside a report build nothing is written and the output stays as small.
TABLES_DIR_ENV = "HELPERS_TABLES_DIR"
# The attribute of a cut table's <table> naming its whole CSV in that folder.
FULL_CSV_ATTRIBUTE = "data-full-csv"
# Tables as CSV are UTF-8 with a byte-order mark: Excel opens a CSV without one in the machine's legacy
# code page (Windows-1256 or -1252) and shows the Arabic as mojibake; the BOM tells it the file is UTF-8.
# pandas, LibreOffice and `read_csv(encoding="utf-8-sig")` read it either way.
CSV_ENCODING = "utf-8-sig"
# A cell a spreadsheet would run as a formula (article text is untrusted), as in `extract`'s CSVs.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(\d[\d,]*)?\.?\d+(e[+-]?\d+)?%?$", re.IGNORECASE)
INDEX_FILE = "figures.json"
CONTACT_SHEET = "contact-sheet.png"
SLIDE_INCHES = (13.333, 7.5)  # 16:9, the size of a default widescreen slide
SLIDE_DPI = 200
# Text grows with the canvas so a 7-inch notebook chart stays readable on a slide, up to this factor.
MAX_TEXT_SCALE = 1.6
SLIDE_MARGIN_INCHES = 0.2
FORMATS = ("png", "svg", "pdf")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def publish(fig, name: str, title: str | None = None):
    """Add ``fig`` to the slide pack (when building the report) and return it for display.

    Matplotlib figures are saved as PNG (200 dpi), SVG and PDF at 16:9 slide size; what the
    notebook shows keeps its own size. Plotly figures are only recorded: static export needs
    kaleido, which the suite does not install, and their interactive versions live in the
    HTML pages. Make it the cell's last line: the returned figure is the one display (the
    figure is detached from pyplot so the inline backend does not show it a second time).
    """
    if not _NAME_RE.match(name):
        raise ValueError(f"figure name {name!r}: use letters, digits, '-' and '_' (it becomes a file name)")
    kind = "plotly" if hasattr(fig, "to_plotly_json") else "matplotlib"
    figures_dir = os.environ.get(FIGURES_DIR_ENV)
    if figures_dir:
        notebook = os.environ.get(NOTEBOOK_ENV, "")
        stem = f"{notebook}--{name}" if notebook else name
        files = _save_slide_copy(fig, Path(figures_dir) / stem) if kind == "matplotlib" else {}
        _record(Path(figures_dir), {"name": name, "title": title or name, "notebook": notebook,
                                    "kind": kind, "files": files})
    if kind == "matplotlib":
        _detach_from_pyplot(fig)
    return fig


def _save_slide_copy(fig, path_stem: Path) -> dict[str, str]:
    """Save ``fig`` at slide size in every pack format; the notebook's figure is left as it was."""
    path_stem.parent.mkdir(parents=True, exist_ok=True)
    with _slide_layout(fig):
        _save(fig, path_stem)
    return {fmt: f"{path_stem.name}.{fmt}" for fmt in FORMATS}


@contextlib.contextmanager
def _slide_layout(fig):
    """Give ``fig`` slide size, text that grows with it and a layout that fits, then undo all three.

    Changed in place and restored (not copied: figures with lambda formatters do not pickle).
    """
    from matplotlib.text import Text

    size = fig.get_size_inches().copy()
    scale = max(1.0, min(SLIDE_INCHES[0] / size[0], MAX_TEXT_SCALE))
    texts = [(text, text.get_fontsize()) for text in fig.findobj(Text)]
    positions = [(ax, ax.get_position(original=True), ax.get_position()) for ax in fig.axes]
    engine = fig.get_layout_engine()
    try:
        fig.set_size_inches(*SLIDE_INCHES, forward=False)
        for text, fontsize in texts:
            text.set_fontsize(fontsize * scale)
        if engine is None:  # a slide needs a margin: keep tick labels off the edge
            fig.set_layout_engine("constrained", w_pad=SLIDE_MARGIN_INCHES, h_pad=SLIDE_MARGIN_INCHES)
        yield
    finally:
        for text, fontsize in texts:
            text.set_fontsize(fontsize)
        if engine is None:
            fig.set_layout_engine(None)
            for ax, original, active in positions:
                ax.set_position(original, which="original")
                ax.set_position(active, which="active")
        fig.set_size_inches(*size, forward=False)


def _save(fig, path_stem: Path) -> None:
    try:
        from .rtl import save_figure
    except ImportError:  # helpers.rtl not in this tree: plain savefig with embedded fonts
        save_figure = None
    if save_figure is not None:
        save_figure(fig, str(path_stem), formats=FORMATS, dpi=SLIDE_DPI)
        return
    import matplotlib

    # svg text as paths and TrueType (42) in PDF: the reader needs no installed font.
    with matplotlib.rc_context({"svg.fonttype": "path", "pdf.fonttype": 42}):
        for fmt in FORMATS:
            fig.savefig(f"{path_stem}.{fmt}", format=fmt, dpi=SLIDE_DPI,
                        metadata={"Date": None} if fmt in ("svg", "pdf") else None)


def _detach_from_pyplot(fig) -> None:
    manager = getattr(getattr(fig, "canvas", None), "manager", None)
    if manager is not None:
        import matplotlib.pyplot as plt

        plt.close(fig)


def _record(figures_dir: Path, entry: dict) -> None:
    """Add or replace ``entry`` (by notebook and name) in the pack's JSON index."""
    entries = [e for e in read_figure_index(figures_dir)
               if (e["notebook"], e["name"]) != (entry["notebook"], entry["name"])]
    entries.append(entry)
    (figures_dir / INDEX_FILE).write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")


def read_figure_index(figures_dir: Path) -> list[dict]:
    """The published figures, in publishing order: name, title, notebook, kind and files."""
    index = Path(figures_dir) / INDEX_FILE
    return json.loads(index.read_text(encoding="utf-8")) if index.exists() else []


def escape_hover(text) -> str:
    """Article text made safe for plotly hover, titles and annotations.

    plotly.js renders a subset of HTML there (links included): escape ``& < >`` so tags show
    as text, and break ``javascript:`` so no link can run script.
    """
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"(?i)javascript\s*:", lambda m: m.group(0)[:-1] + "&#58;", escaped)


_AUTO_DIRECTION_TAGS = ("p", "li", "ul", "ol", "table", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                        "blockquote", "dt", "dd", "caption", "figcaption")
_OPEN_TAG_RE = re.compile(rf"<({'|'.join(_AUTO_DIRECTION_TAGS)})(\s[^<>]*)?>", re.IGNORECASE)


def auto_direction(markup: str) -> str:
    """Add ``dir="auto"`` to text blocks and table cells: Arabic reads right-to-left, English left-to-right."""
    def add(m: re.Match) -> str:
        attrs = m.group(2) or ""
        if re.search(r"\sdir\s*=", attrs):
            return m.group(0)
        return f'<{m.group(1)} dir="auto"{attrs}>'

    return _OPEN_TAG_RE.sub(add, markup)


class _SafeTable:
    """An escaped HTML table that Jupyter and the report display as is."""

    def __init__(self, markup: str, rows: int):
        self.markup = markup
        self.rows = rows

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return f"<table: {self.rows} rows>"


NO_ROWS = "No rows: nothing to show here · لا صفوف"


def safe_table(df, index: bool = False, max_rows: int = 200, **to_html_kwargs) -> _SafeTable:
    """Show a DataFrame of article text: every cell and header escaped, each cell ``dir="auto"``.

    Use it instead of a pandas Styler (which does not escape by default) whenever a column
    holds titles or sentences from the corpus. Only the first ``max_rows`` rows are rendered, with
    a line saying how many there are: on a large corpus a full table would make a page of hundreds
    of megabytes; the whole frame stays in the notebook's variable (and in the CSV/Parquet output).
    Inside the report build the whole table is also written as CSV (``HELPERS_TABLES_DIR``) and named on
    the ``<table>``, so its download holds every row, not only the ones shown. A table with no row says so.
    """
    to_html_kwargs["escape"] = True
    shown = df if len(df) <= max_rows else df.head(max_rows)
    markup = auto_direction(shown.to_html(index=index, border=0, **to_html_kwargs))
    if len(shown) < len(df):
        tables_dir = os.environ.get(TABLES_DIR_ENV)
        note = ""
        if tables_dir:
            name = _write_full_csv(df, Path(tables_dir), index, to_html_kwargs)
            markup = markup.replace("<table", f'<table {FULL_CSV_ATTRIBUTE}="{name}"', 1)
            note = " The CSV holds them all."
        markup += f"<p><em>First {len(shown):,} of {len(df):,} rows.{note}</em></p>"
    elif not len(df):  # headers over nothing read as a table that failed to show
        markup += f"<p><em>{NO_ROWS}</em></p>"
    return _SafeTable(markup, len(df))


def _write_full_csv(df, tables_dir: Path, index: bool, to_html_kwargs: dict) -> str:
    """Write ``df`` whole as a spreadsheet-safe CSV into ``tables_dir``; its file name, from its content.

    Written from the frame (not from HTML), so a table of a million mentions costs one ``to_csv``:
    numbers keep their full precision, a missing value is an empty cell.
    """
    import pandas as pd

    frame = df[to_html_kwargs["columns"]] if to_html_kwargs.get("columns") is not None else df
    frame = frame.rename(columns=spreadsheet_safe)
    if index:
        frame = frame.rename(index=spreadsheet_safe).rename_axis([spreadsheet_safe(n) for n in frame.index.names])
    for position, dtype in enumerate(frame.dtypes):  # by position: two columns may share a name
        if dtype == object or isinstance(dtype, (pd.StringDtype, pd.CategoricalDtype)):
            frame.isetitem(position, frame.iloc[:, position].map(spreadsheet_safe))
    data = frame.to_csv(index=index, header=to_html_kwargs.get("header", True)).encode(CSV_ENCODING)
    name = f"{hashlib.sha256(data).hexdigest()[:24]}.csv"
    tables_dir.mkdir(parents=True, exist_ok=True)
    (tables_dir / name).write_bytes(data)
    return name


def spreadsheet_safe(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula (``=HYPERLINK(…)``)."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def contact_sheet(figures_dir: Path, columns: int = 3) -> Path | None:
    """One PNG of every slide-pack figure as a labelled thumbnail, for picking slides."""
    import matplotlib
    from matplotlib import image as mpimg
    from matplotlib.figure import Figure

    figures_dir = Path(figures_dir)
    entries = [e for e in read_figure_index(figures_dir) if e["files"].get("png")]
    if not entries:
        return None
    from .rtl import FONT_FALLBACK, register_fonts

    register_fonts()
    rows = -(-len(entries) // columns)
    cols = min(columns, len(entries))
    with matplotlib.rc_context({"font.family": FONT_FALLBACK}):
        sheet = Figure(figsize=(4.4 * cols, 2.9 * rows), layout="constrained")
        for i, (entry, ax) in enumerate(zip(entries, sheet.subplots(rows, cols, squeeze=False).flat)):
            ax.imshow(mpimg.imread(figures_dir / entry["files"]["png"]))
            where = " / ".join(filter(None, (entry["notebook"], entry["name"])))
            ax.set_title(f"{entry['title']}\n#{i + 1}  {where}", fontsize=10, parse_math=False)
        for ax in sheet.axes:
            ax.set_axis_off()
        path = figures_dir / CONTACT_SHEET
        sheet.savefig(path, dpi=100)
    return path


class _Html:
    """Markup that Jupyter and the report display as is."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        """The text, a line per block: what a notebook keeps as text/plain (the same every run, unlike an
        object's address) and what a text export shows."""
        blocks = re.sub(r"</(?:p|h\d|div)>", "\n", self.markup)
        return "\n".join(line for line in (" ".join(html.unescape(re.sub(r"<[^>]+>", " ", b)).split())
                                             for b in blocks.split("\n")) if line)


def show_article(corpus, article_id: str | None = None) -> _Html:
    """An article's cleaned text, right-to-left, one numbered paragraph per block (0 = the title).

    Paragraph numbers are the ones every milestone and mention row refers to; text is escaped.
    """
    ids = corpus.articles["article_id"].astype(str).tolist()
    if article_id is None and not ids:  # every input skipped: the load report says why
        return _Html('<p dir="auto"><em>No article to show: none of the inputs was read as an article (the load '
                     'report says why) · لا مقالات</em></p>')
    if article_id is None:
        article_id = ids[0]
    elif str(article_id) not in ids:
        from .explore import same_article_id

        same = same_article_id(article_id, ids)  # typed composed, saved decomposed by a Mac: the same id
        if same is None:
            import difflib

            nearest = difflib.get_close_matches(str(article_id), ids, n=3, cutoff=0) or ids[:3]
            raise KeyError(f"no article {article_id!r} in the corpus; nearest: {', '.join(nearest)}")
        article_id = same
    spans = paragraph_spans(corpus)  # offsets only: one article's text is cut here, not the whole corpus's
    rows = spans[spans["article_id"] == article_id].sort_values("paragraph")
    text = corpus.articles["text"].iloc[ids.index(str(article_id))]
    blocks = []
    for row in rows.itertuples(index=False):
        tag = "h3" if row.paragraph == 0 else "p"
        blocks.append(
            f'<{tag} dir="rtl" style="text-align:right;margin:0.4em 0">'
            f'<small style="color:#888">¶{row.paragraph} · {row.char_start}–{row.char_end}</small> '
            f"{html.escape(text[row.char_start:row.char_end])}</{tag}>"
        )
    header = f'<p dir="ltr"><b>{html.escape(str(article_id))}</b></p>'
    return _Html(f'<div class="article">{header}{"".join(blocks)}</div>')
