"""The suite's Arabic font (IBM Plex Sans Arabic, from PyPI, with a real bold): its files, matplotlib's font
list, and fontconfig for browsers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

__all__ = ["ARABIC_FONT", "CSS_FONT_STACK", "FONT_FALLBACK", "font_files", "font_has", "font_path",
           "install_font_for_browsers", "register_fonts"]

ARABIC_FONT = "IBM Plex Sans Arabic"
# matplotlib falls back per glyph in list order: the Arabic font must come first (DejaVu Sans covers
# basic Arabic and would otherwise win for it); DejaVu only supplies symbols Plex lacks.
FONT_FALLBACK = [ARABIC_FONT, "DejaVu Sans"]
# Browsers (plotly, HTML report) see the font only once it is registered with fontconfig.
CSS_FONT_STACK = '"IBM Plex Sans Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif'


def font_files() -> dict[int, Path]:
    """The project's Arabic font, one static TTF per weight (from the pip font package)."""
    import fontpkg_ibm_plex_sans_arabic as plex

    return {
        entry["weight"]: plex.ROOT / entry["path"]
        for entry in json.loads((plex.ROOT / "metadata.json").read_text(encoding="utf-8"))["files"]
    }


def font_path(weight: int = 400) -> Path:
    """The TTF of one weight of the Arabic font (400 regular, 700 bold)."""
    return font_files()[weight]


def install_font_for_browsers(target: Path | None = None) -> Path:
    """Copy the Arabic font where fontconfig looks and refresh its cache, so Chromium/kaleido use it.

    A font installed by pip is invisible to a browser; the HTML report and static plotly exports need this.
    """
    import os

    if target is None:
        data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
        target = data_home / "fonts" / "ibm-plex-sans-arabic"
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for path in font_files().values():
        shutil.copy2(path, target / path.name)
    if shutil.which("fc-cache"):
        subprocess.run(["fc-cache", "-f", str(target)], check=False, capture_output=True)
    return target



def register_fonts() -> None:
    """Make every weight of the Arabic font known to matplotlib (once: safe to call again)."""
    from matplotlib import font_manager

    registered = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in font_files().values():
        if str(path) not in registered:
            font_manager.fontManager.addfont(str(path))



def font_has(codepoint: int) -> bool:
    """Whether the regular face has a glyph for ``codepoint``."""
    from matplotlib.ft2font import FT2Font

    return FT2Font(str(font_path())).get_char_index(codepoint) != 0

