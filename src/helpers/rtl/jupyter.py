"""Arabic tables and JupyterLab: a right-aligned, escaped pandas Styler, and the RTL stylesheet installed
into the environment's Jupyter config."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from ..normalize import ARABIC_LETTER_RE

__all__ = ["install_jupyterlab_rtl", "jupyterlab_css", "style_table"]


def style_table(df, uuid: str = "arabic-table"):
    """A pandas Styler that right-aligns Arabic text columns (``direction: rtl``), with a fixed uuid.

    The fixed uuid keeps notebook outputs identical from run to run (nbval compares them); cells
    and headers are HTML-escaped, so corpus text with markup shows as text and never runs.
    """
    arabic_columns = [
        column for column in df.columns
        if df[column].map(lambda value: isinstance(value, str) and bool(ARABIC_LETTER_RE.search(value))).any()
    ]
    rtl_cell = {"direction": "rtl", "text-align": "right", "unicode-bidi": "plaintext"}
    # Article text is untrusted: a Styler renders cells as raw HTML unless told to escape.
    styler = df.style.set_uuid(uuid).format(escape="html").format_index(escape="html", axis=0)
    styler = styler.format_index(escape="html", axis=1)
    if arabic_columns:
        styler = styler.set_properties(subset=arabic_columns, **rtl_cell)
    return styler.set_table_styles(
        [{"selector": "th", "props": [("unicode-bidi", "plaintext"), ("text-align", "start")]}], overwrite=False
    )


_CSS_BEGIN = "/* BEGIN helpers.rtl: Arabic right-to-left */"
_CSS_END = "/* END helpers.rtl */"


def jupyterlab_css() -> str:
    """The CSS that makes Arabic markdown and table cells read right-to-left in JupyterLab."""
    return resources.files("helpers").joinpath("jupyterlab/rtl.css").read_text(encoding="utf-8")


def install_jupyterlab_rtl(target: Path | None = None) -> Path:
    """Install the RTL CSS into a Jupyter config dir of the environment (default ``<sys.prefix>/etc/jupyter``).

    The environment, not the user's ``~/.jupyter``: only this environment's JupyterLab gets it. JupyterLab 4
    links ``/custom/custom.css`` only with ``LabApp.custom_css = True`` and serves it from the tornado
    setting ``static_custom_path`` (by default the user's config dir only), so ``jupyter_lab_config.json``
    there sets both. CSS and config are merged with what is already there (own rules outside the marked
    block are kept), so running it twice changes nothing. Returns the CSS path.
    """
    import sys

    config_dir = Path(target) if target is not None else Path(sys.prefix) / "etc" / "jupyter"
    css_path = config_dir / "custom" / "custom.css"
    css_path.parent.mkdir(parents=True, exist_ok=True)
    existing = css_path.read_text(encoding="utf-8") if css_path.exists() else ""
    block = f"{_CSS_BEGIN}\n{jupyterlab_css().strip()}\n{_CSS_END}\n"
    pattern = re.compile(re.escape(_CSS_BEGIN) + r".*?" + re.escape(_CSS_END) + r"\n?", re.DOTALL)
    if pattern.search(existing):
        updated = pattern.sub(lambda _: block, existing)
    else:
        updated = (existing.rstrip("\n") + "\n\n" if existing.strip() else "") + block
    css_path.write_text(updated, encoding="utf-8")

    config_path = config_dir / "jupyter_lab_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
    config.setdefault("LabApp", {})["custom_css"] = True
    # static_custom_path itself is not configurable; the tornado setting made from it is
    config.setdefault("ServerApp", {}).setdefault("tornado_settings", {})["static_custom_path"] = [
        str(css_path.parent)]
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return css_path
