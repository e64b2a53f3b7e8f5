"""The compiled parts and the bundled files; everything else is in pyproject.toml.

Compiled: the milestone head scan (src/helpers/_heads.pyx) and the Arabic fold with its offset map
(src/helpers/_fold.pyx), and the claim rules (src/helpers/claims/*.py, plain Python that Cython compiles as
it is: about 12% fewer instructions per claim). ``optional=True``: where no C compiler is at hand the package still
installs, and ``helpers`` runs the Python versions (the same results, slower).

Bundled: a wheel carries the vocabulary tables, the notebooks and the seed corpus (``helpers/bundled/``), so ``report`` and
``extract`` work from any folder after ``pip install``; a checkout reads them where they are
(``helpers.paths``). They are copied at build time rather than kept twice in the repository.
"""

import importlib.util
import shutil
import threading
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
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


CLAIM_RULES = ("actors", "article", "cues", "events", "places", "speakers", "extract")
CLAIMS = ROOT / "src" / "helpers" / "claims"
# helpers/compiled.py by path: helpers itself cannot be imported before it is built (standard library only)
_spec = importlib.util.spec_from_file_location("_helpers_compiled", ROOT / "src" / "helpers" / "compiled.py")
compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled)
# the sources as Cython reads them below: what a claim module is compiled from
SOURCE_DIGESTS = {name: compiled.source_digest(CLAIMS / f"{name}.py") for name in CLAIM_RULES}


class BuildExtRecordingSources(build_ext):
    """``build_ext`` that records, next to each claim module it has compiled, the source it compiled.

    Only for the modules whose build succeeded: an optional build that failed, or reading this file without
    building (a test, a tool), leaves an older compiled module marked as older, so it is not run
    (``helpers.compiled.SourceWhenStale``). Recorded in the build folder (what a wheel carries) and, for
    an in-place or editable install, in the source folder the compiled modules are copied to.
    """

    def run(self):
        self._compiled_claims = {}
        super().run()  # builds in the build folder, then copies to the source folder when in place
        if self.inplace and self._compiled_claims:
            names = [f"helpers.claims.{name}" for name in self._compiled_claims]
            compiled.record_sources(Path(self.get_ext_fullpath(names[0])).parent, self._compiled_claims)

    def build_extension(self, ext):
        super().build_extension(ext)  # raises when it fails; setuptools then skips an optional extension
        package, _, name = ext.name.rpartition(".")
        if package == "helpers.claims":
            with _RECORD_LOCK:  # two modules build at once (parallel=2)
                self._compiled_claims[name] = SOURCE_DIGESTS[name]
                compiled.record_sources(Path(self.get_ext_fullpath(ext.name)).parent, {name: SOURCE_DIGESTS[name]})


_RECORD_LOCK = threading.Lock()


sources = [Extension(f"helpers.{name}", [f"src/helpers/{name}.pyx"]) for name in ("_heads", "_fold")]
sources += [Extension(f"helpers.claims.{name}", [f"src/helpers/claims/{name}.py"]) for name in CLAIM_RULES]
# annotation_typing off: the rules' annotations are documentation, not C types (a default of () for a list)
extensions = cythonize(sources, compiler_directives={"language_level": 3, "annotation_typing": False})
for extension in extensions:
    extension.optional = True  # set after cythonize, which does not carry it over
# two compilers at once: the claim modules are large C files (CI machines have 2 cores)
setup(ext_modules=extensions, cmdclass={"build_py": BuildPyWithBundle, "build_ext": BuildExtRecordingSources},
      options={"build_ext": {"parallel": 2}})
