"""The one compiled part: the milestone head scan (src/helpers/_heads.pyx).

Everything else is in pyproject.toml. ``optional=True``: where no C compiler is at hand the
package still installs, and ``helpers.milestones`` uses its regex scan (same results, slower).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(ext_modules=cythonize([Extension("helpers._heads", ["src/helpers/_heads.pyx"], optional=True)]))
