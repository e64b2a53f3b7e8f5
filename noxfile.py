"""Sessions that run the suite's tests in environments other than the main venv."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
# A missing interpreter is a failure, not a skipped session: `make test` must not pass without the
# old-matplotlib run because python3.11 is not on the PATH (nox only errors by default when CI is set).
nox.options.error_on_missing_interpreters = True

# What helpers.rtl and its tests import, apart from matplotlib itself. pyproject requires
# matplotlib>=3.11, so the package goes in with --no-deps and these come in explicitly.
RTL_TEST_DEPS = [
    "numpy",
    "pillow",
    "pandas>=2.2",
    "jinja2",
    "plotly>=6",
    "arabic-reshaper>=3.0",
    "python-bidi>=0.6",
    "fontpkg-ibm-plex-sans-arabic>=1.101",
    "uharfbuzz>=0.40",
    "fonttools",
    "pytest>=8",
]


@nox.session(python="3.11")
def rtl_old_matplotlib(session: nox.Session) -> None:
    """The RTL tests on matplotlib 3.10, which does not shape: ar() must reshape and reorder there."""
    session.install("matplotlib>=3.10,<3.11", *RTL_TEST_DEPS)
    session.install("--no-deps", "-e", ".")
    session.run("python", "-c", "import matplotlib as m; assert m.__version__.startswith('3.10'), m.__version__")
    # Everything that draws; test_rtl_jupyter.py (CSS, tables) does not depend on matplotlib.
    tests = session.posargs or ["tests/test_rtl.py", "tests/test_rtl_ligatures.py", "tests/test_rtl_pdf.py",
                                "tests/test_rtl_plotly.py"]
    session.run("pytest", "-q", "-p", "no:cacheprovider", *tests)
