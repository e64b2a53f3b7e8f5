"""The committed notebooks as an analyst meets them: opened in JupyterLab in headless Chromium.

One ``jupyter lab`` of this environment serves copies of the notebooks. The user's ``~/.jupyter`` and
Jupyter data dir are replaced by empty temporary ones, so what is checked is what the environment gives
(its kernel ``arabic-news``, its custom CSS) and the notebooks are untrusted, as a shared notebook is.
Each notebook is opened once in its own page and checked in order: the project kernel, charts on
opening, Arabic right-to-left, then Run All with no error. Only the Lab settings a test needs are set:
every cell attached to the DOM (``windowingMode: none``, so off-screen charts can be measured) and no
news or update toasts.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.paths import NOTEBOOKS

KERNEL = "arabic-news"
TOKEN = "lab-test"
CHART_MIMES = {"image/png", "image/jpeg", "image/svg+xml", "application/vnd.plotly.v1+json"}
NOTEBOOK_NAMES = sorted(path.name for path in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
OPEN_TIMEOUT_MS = 90_000
RUN_TIMEOUT_MS = 240_000



def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser) -> str:
    """Base URL of a JupyterLab serving copies of the committed notebooks; stopped after the module."""
    root = tmp_path_factory.mktemp("lab")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    for name in NOTEBOOK_NAMES:
        shutil.copy(NOTEBOOKS / name, notebooks / name)
    for plugin, values in LAB_SETTINGS.items():
        path = root / "lab-settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / "user-config"), "JUPYTER_DATA_DIR": str(root / "data"),
           "JUPYTER_RUNTIME_DIR": str(root / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(root / "lab-settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces")}
    for name in ("HELPERS_FIGURES_DIR", "HELPERS_NOTEBOOK", "HELPERS_PLOTLY_RENDERER", "JUPYTER_CONFIG_PATH"):
        env.pop(name, None)  # the analyst's Lab: no report build settings, no extra config
    port = _free_port()
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={notebooks}",
         "--LabApp.expose_app_in_browser=True"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not start:\n{(root / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.25)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def opened(lab, browser):
    """``opened(name)``: the notebook's page in Lab, opened once (each in its own workspace) and kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}

    def open_notebook(name: str):
        if name not in pages:
            page = context.new_page()
            stem = Path(name).stem
            page.goto(f"{lab}/lab/workspaces/{stem}/tree/{name}?reset&token={TOKEN}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=OPEN_TIMEOUT_MS)
            # ready on a kernel, or stopped at a dialog (e.g. "Select Kernel" for an unknown kernelspec)
            page.wait_for_function(
                """() => { const w = window.jupyterapp?.shell.currentWidget;
                    return document.querySelector('.jp-Dialog') || (w?.sessionContext?.isReady
                        && w.sessionContext.session?.kernel); }""", timeout=OPEN_TIMEOUT_MS)
            pages[name] = page
        return pages[name]

    yield open_notebook
    context.close()


# ---- what the page shows ------------------------------------------------------------------------

def chart_outputs_in_file(name: str) -> int:
    """How many outputs of the committed notebook are charts (images or plotly figures)."""
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return sum(1 for cell in notebook["cells"] for output in cell.get("outputs", [])
               if CHART_MIMES & set(output.get("data", {})))


RENDERED_OUTPUTS_JS = """() => [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')].map(out => {
    const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const imgs = [...out.querySelectorAll('img')].filter(i => i.complete && i.naturalWidth > 0 && visible(i));
    const plots = [out, ...out.querySelectorAll('*')].filter(p => p.matches('.js-plotly-plot') &&
        p.querySelector('svg.main-svg') && visible(p) && p.querySelectorAll('.trace, .point').length > 0);
    const svgs = [...out.querySelectorAll(':scope > svg, :scope > div > svg')].filter(visible);
    return {mime: out.dataset.mimeType || '', text: out.innerText.trim().slice(0, 80),
            chart: imgs.length + plots.length + svgs.length > 0};
})"""


def rendered_outputs(page) -> list[dict]:
    return page.evaluate(RENDERED_OUTPUTS_JS)


def wait_for_charts(page, expected: int) -> list[dict]:
    """The outputs once ``expected`` charts drew (images decode and plotly draws after the page opens)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the assertions that follow say what is missing
        page.wait_for_function(f"({RENDERED_OUTPUTS_JS})().filter(o => o.chart).length >= {expected}",
                               timeout=20_000)
    return rendered_outputs(page)


def assert_charts_visible(page, name: str) -> None:
    expected = chart_outputs_in_file(name)
    outputs = wait_for_charts(page, expected)
    placeholders = [o["text"] for o in outputs if o["text"].startswith("<Figure size") and not o["chart"]]
    assert placeholders == [], f"{name}: charts shown as their text fallback (untrusted SVG?)"
    assert sum(o["chart"] for o in outputs) >= expected, (name, outputs)


# Every markdown block and table cell: whether its first strong letter outside isolates (bdi, dir=...;
# Unicode bidi rule P2, which ``unicode-bidi: plaintext`` follows) is Arabic or Latin, where its first
# unit (word, or the isolate holding it) is drawn, the extent of that line and the content box.
TEXT_BLOCKS_JS = """() => {
  const ARABIC = /[\\u0620-\\u064a\\u066e-\\u06d3\\u06fa-\\u06ff]/, LATIN = /[A-Za-z]/;
  const isolate = a => a.tagName === 'BDI' || a.hasAttribute('dir')
      || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(a).unicodeBidi);
  const outerIsolate = (node, el) => {
    let found = null;
    for (let a = node.parentElement; a && a !== el; a = a.parentElement) if (isolate(a)) found = a;
    return found;
  };
  const blocks = [...document.querySelectorAll(
      '.jp-MarkdownCell .jp-RenderedMarkdown :is(h1,h2,h3,h4,p,li), .jp-OutputArea-output.jp-RenderedHTML :is(td,th)')];
  return blocks.map(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0) return null;
    let strong = null, unit = null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && strong === null; node = walker.nextNode()) {
      const iso = outerIsolate(node, el);
      for (let i = 0; i < node.data.length; i++) {
        const c = node.data[i];
        if (!unit && c.trim()) {
          if (iso) unit = iso.getBoundingClientRect();
          else {  // the first word: a number leading an Arabic line is drawn at its right end, digits left to right
            const r = document.createRange(), space = node.data.slice(i).search(/\\s/);
            r.setStart(node, i);
            r.setEnd(node, space < 0 ? node.data.length : i + space);
            unit = r.getBoundingClientRect();
          }
        }
        if (!iso && (ARABIC.test(c) || LATIN.test(c))) { strong = ARABIC.test(c); break; }
      }
    }
    if (strong === null) return null;
    const style = getComputedStyle(el);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const all = document.createRange();
    all.selectNodeContents(el);
    const line = [...all.getClientRects()].filter(r =>
        r.width > 0 && r.top < unit.bottom - 1 && r.bottom > unit.top + 1);
    return {tag: el.tagName, text: el.textContent.trim().slice(0, 60), arabic: strong,
            dirAttr: !!el.closest('[dir]'), left, right, unitLeft: unit.left, unitRight: unit.right,
            lineLeft: Math.min(...line.map(r => r.left)), lineRight: Math.max(...line.map(r => r.right))};
  }).filter(Boolean);
}"""
INLINE_PADDING_PX = 6  # inline code has padding: its first letter sits a few pixels in from the line's edge


def assert_arabic_right_to_left(page, name: str) -> None:
    """Arabic blocks read right-to-left: the first word is drawn at the right end of its line, and in
    markdown the line starts at the right edge; blocks that open in English the mirror image.

    Measured, not read from ``direction``: the CSS sets ``unicode-bidi: plaintext`` (direction from the
    first strong letter), which the computed ``direction`` does not show.
    """
    blocks = page.evaluate(TEXT_BLOCKS_JS)
    wrong = []
    telling = 0  # Arabic markdown lines with room on the left: left-to-right, they would start on the left
    for b in blocks:
        markdown = b["tag"] not in ("TD", "TH")
        if b["arabic"]:
            ok = (b["lineRight"] - b["unitRight"] <= INLINE_PADDING_PX
                  and (not markdown or abs(b["right"] - b["lineRight"]) <= 3))
            telling += markdown and not b["dirAttr"] and b["lineLeft"] - b["left"] > 20
        else:
            ok = (b["unitLeft"] - b["lineLeft"] <= INLINE_PADDING_PX
                  and (not markdown or abs(b["lineLeft"] - b["left"]) <= 3))
        if not ok:
            wrong.append(b)
    assert sum(b["arabic"] for b in blocks) >= 3, (name, "too few Arabic blocks to judge", blocks)
    assert wrong == [], f"{name}: blocks not reading in their own direction (custom CSS served?)"
    assert telling >= 1, (name, "no Arabic markdown line outside a dir= block with room to show its alignment")


def kernel_name(page) -> str | None:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.name ?? null")


# ---- the tests ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_opens_on_the_project_kernel(opened, name):
    page = opened(name)
    dialogs = page.locator(".jp-Dialog").all_inner_texts()
    assert dialogs == [], f"{name} opened on a dialog, not a kernel"
    assert kernel_name(page) == KERNEL


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_charts_show_on_opening(opened, name):
    """An untrusted notebook straight from the repository: its committed charts are drawn, not
    ``<Figure size …>`` (JupyterLab does not render SVG outputs of an untrusted notebook)."""
    assert chart_outputs_in_file(name) >= 1
    assert_charts_visible(opened(name), name)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_arabic_reads_right_to_left(opened, name):
    page = opened(name)
    assert page.locator('link[href$="custom/custom.css"]').count() == 1, \
        "Lab does not link custom.css: LabApp.custom_css is off in this environment (make setup)"
    assert_arabic_right_to_left(page, name)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_run_all_gives_no_error_and_draws_the_charts(opened, name):
    page = opened(name)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        """() => { const w = window.jupyterapp.shell.currentWidget;
            return w.sessionContext.session?.kernel?.status === 'idle'
                && [...w.content.model.cells].every(c => c.type !== 'code' || c.executionState !== 'running'); }""",
        timeout=RUN_TIMEOUT_MS)
    cells = page.evaluate("""() => [...window.jupyterapp.shell.currentWidget.content.model.cells]
        .filter(c => c.type === 'code').map(c => c.toJSON())""")
    errors = [f"{o['ename']}: {o['evalue']}" for cell in cells for o in cell["outputs"] if o["output_type"] == "error"]
    assert errors == []
    assert all(cell["execution_count"] for cell in cells if "".join(cell["source"]).strip()), \
        f"{name}: Run All stopped before the last cell"
    assert_charts_visible(page, name)
