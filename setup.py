"""The compiled parts: the milestone head scan (src/helpers/_heads.pyx) and the Arabic fold with its
offset map (src/helpers/_fold.pyx). Everything else is in pyproject.toml.

``optional=True``: where no C compiler is at hand the package still installs, and ``helpers``
uses the Python versions of both (the same results, slower).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

extensions = cythonize([Extension(f"helpers.{name}", [f"src/helpers/{name}.pyx"]) for name in ("_heads", "_fold")])
for extension in extensions:
    extension.optional = True  # set after cythonize, which does not carry it over
setup(ext_modules=extensions)
