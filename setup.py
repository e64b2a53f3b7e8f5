"""The compiled parts and the bundled files; everything else is in pyproject.toml.

Compiled: the milestone head scan (src/helpers/_heads.pyx) and the Arabic fold with its offset map
(src/helpers/_fold.pyx), and the claim rules (src/helpers/claims/*.py, plain Python that Cython compiles as
it is: about 12% fewer instructions per claim). ``optional=True``: where no C compiler is at hand the package still
installs, and ``helpers`` runs the Python versions (the same results, slower).

Bundled: a wheel carries the vocabulary tables, the notebooks and the seed corpus (``helpers/bundled/``), so ``report`` and
``extract`` work from any folder after ``pip install``; a checkout reads them where they are
(``helpers.paths``). They are copied at build time rather than kept twice in the repository.
"""

import hashlib
import json
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


CLAIM_RULES = ("actors", "article", "cues", "events", "places", "speakers", "extract")
CLAIMS = ROOT / "src" / "helpers" / "claims"
# what each compiled claim module is built from (as helpers.compiled.source_digest): the source runs instead once
# it has changed since. Written whole (a process importing helpers.claims meanwhile never reads half a file), and
# only when it changes.
built_from = json.dumps(
    {name: hashlib.blake2b((CLAIMS / f"{name}.py").read_bytes(), digest_size=16).hexdigest() for name in CLAIM_RULES},
    indent=1, sort_keys=True) + "\n"
record = CLAIMS / "compiled_from.json"
if not record.is_file() or record.read_text(encoding="utf-8") != built_from:
    partial = record.with_suffix(".json.part")
    partial.write_text(built_from, encoding="utf-8")
    partial.replace(record)
sources = [Extension(f"helpers.{name}", [f"src/helpers/{name}.pyx"]) for name in ("_heads", "_fold")]
sources += [Extension(f"helpers.claims.{name}", [f"src/helpers/claims/{name}.py"]) for name in CLAIM_RULES]
# annotation_typing off: the rules' annotations are documentation, not C types (a default of () for a list)
extensions = cythonize(sources, compiler_directives={"language_level": 3, "annotation_typing": False})
for extension in extensions:
    extension.optional = True  # set after cythonize, which does not carry it over
# two compilers at once: the claim modules are large C files (CI machines have 2 cores)
setup(ext_modules=extensions, cmdclass={"build_py": BuildPyWithBundle}, options={"build_ext": {"parallel": 2}})
