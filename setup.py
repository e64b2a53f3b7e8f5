"""The compiled parts and the bundled files; everything else is in pyproject.toml.

Compiled: the milestone head scan (src/helpers/_heads.pyx) and the Arabic fold with its offset map
(src/helpers/_fold.pyx). ``optional=True``: where no C compiler is at hand the package still installs, and
``helpers`` uses the Python versions of both (the same results, slower).

Bundled: a wheel carries the vocabulary tables, the notebooks and the seed corpus (``helpers/bundled/``), so ``report`` and
``extract`` work from any folder after ``pip install``; a checkout reads them where they are
(``helpers.paths``). They are copied at build time rather than kept twice in the repository.
"""

import shutil
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
BUNDLED = {"notebooks": "[0-9][0-9]-*.ipynb", "seeds": "*", "data": "*.csv", "data/calendar": "*.csv",
           "data/claims": "*.csv"}  # not data/eval: the annotated sets stay in the checkout


class BuildPyWithBundle(build_py):
    """``build_py`` that also copies the notebooks and the seed into ``helpers/bundled/`` of the build."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        for folder, pattern in BUNDLED.items():
            target = Path(self.build_lib) / "helpers" / "bundled" / folder
            target.mkdir(parents=True, exist_ok=True)
            for source in sorted((ROOT / folder).glob(pattern)):
                if source.is_file():
                    shutil.copy2(source, target / source.name)


extensions = cythonize([Extension(f"helpers.{name}", [f"src/helpers/{name}.pyx"]) for name in ("_heads", "_fold")])
for extension in extensions:
    extension.optional = True  # set after cythonize, which does not carry it over
setup(ext_modules=extensions, cmdclass={"build_py": BuildPyWithBundle})
