"""Debian's Chromium for the browser tests (the report in test_browser, JupyterLab in test_lab).

Without Chromium or playwright the tests skip with the reason; in CI (``HELPERS_REQUIRE_BROWSER=1``, set by
``.ci/run``) they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def launched_chromium():
    """A generator fixture body: Chromium launched headless, closed after; skip or fail when it is missing."""
    reason = browser_missing()
    if reason:
        if os.environ.get("HELPERS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"HELPERS_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
