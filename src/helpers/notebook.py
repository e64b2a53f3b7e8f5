"""One call at the top of every notebook: deterministic, shareable outputs.

nbval compares committed outputs with a fresh run, so everything that would differ
between two runs of the same data is fixed here, in code, instead of being hidden by
sanitize rules: matplotlib SVG ids and metadata, plotly's renderer, pandas display options.
"""

from __future__ import annotations

import os
import random

__all__ = ["PLOTLY_RENDERER_ENV", "setup_notebook"]

# Plotly renderer for committed notebooks: the mime bundle is stable JSON (the HTML
# renderers put a fresh uuid4 in every div id, plotly.py 3393). The shared report sets
# HELPERS_PLOTLY_RENDERER=notebook to embed plotly.js for offline HTML (nbconvert drops
# the mime bundle, nbconvert 2235).
PLOTLY_RENDERER_ENV = "HELPERS_PLOTLY_RENDERER"
PNG_METADATA = {"Software": None}  # no matplotlib version in the inline PNG bytes


def setup_notebook(seed: int = 0) -> None:
    """Fix every source of run-to-run noise and apply the suite's Arabic chart setup."""
    import matplotlib
    import pandas as pd
    import plotly.io as pio

    from . import rtl

    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover - numpy comes with pandas
        pass

    rtl.setup()
    matplotlib.rcParams["svg.hashsalt"] = "arabic-news-notebooks"
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["figure.dpi"] = 100
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        # PNG, not SVG: Lab shows SVG outputs of an untrusted (shared) notebook as `<Figure size …>`, and nbval
        # skips image/png but byte-compares image/svg+xml. Retina = 2x dpi at the 1x display size.
        set_matplotlib_formats("retina", metadata=PNG_METADATA)
    except ImportError:  # outside IPython
        pass

    pio.renderers.default = os.environ.get(PLOTLY_RENDERER_ENV, "plotly_mimetype")

    pd.set_option("display.max_rows", 30)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.precision", 3)
    pd.set_option("styler.render.max_elements", 50_000)
