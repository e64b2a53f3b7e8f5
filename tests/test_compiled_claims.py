"""The compiled claim rules (setup.py compiles helpers/claims/*.py with Cython): the same rows as the
Python source, required in CI, and never run in place of a source they were not built from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import claims

ROOT = Path(__file__).resolve().parents[1]
SETS = ["dev", "seed", "probe", "probe2", *(f"blind{i}" for i in range(3, 10))]

needs_build = pytest.mark.skipif(
    not claims.COMPILED and os.environ.get("HELPERS_REQUIRE_COMPILED") != "1",
    reason="the claim rules are not compiled here (no C compiler at install): nothing to compare",
)

# the claims of every milestone of the annotated sets in the checkout and of 300 synthetic articles, as JSON lines
DUMP = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2] + "/bench")
from make_corpus import article
from helpers.milestones import article_milestones
import helpers.claims

def rows(i, text, published):
    starts = [0]
    for para in text.split("\n\n")[:-1]:
        starts.append(starts[-1] + len(para) + 2)
    for row in article_milestones(i, text, published, starts, list(range(len(starts)))):
        print(json.dumps([str(x) for x in row], ensure_ascii=False))

for name in sys.argv[1].split(","):
    for path in sorted((Path(sys.argv[2]) / "data" / "eval" / name / "articles").glob("*.txt")):
        rows(path.stem, path.read_text(encoding="utf-8"), "2024-09-28")
for i in range(300):
    text, published = article(0, i)
    rows(i, text, published or None)
print(json.dumps(helpers.claims.COMPILED))
"""


def _dump(pure: bool) -> list[str]:
    env = {**os.environ, "HELPERS_PURE_PYTHON": "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", DUMP, ",".join(SETS), str(ROOT)], env=env, capture_output=True,
                          text=True, encoding="utf-8", check=True)
    return done.stdout.splitlines()


def test_claims_run_compiled_where_ci_requires_it():
    # CI sets HELPERS_REQUIRE_COMPILED=1: a failed build would otherwise only make every extraction slower.
    if os.environ.get("HELPERS_REQUIRE_COMPILED") != "1" and not claims.COMPILED:
        pytest.skip("the claim rules are not compiled here, and HELPERS_REQUIRE_COMPILED is not set")
    assert claims.COMPILED, "helpers.claims runs from source: the Cython build of setup.py failed or is stale"


@needs_build
def test_compiled_claims_give_the_rows_of_the_python_source():
    compiled, source = _dump(pure=False), _dump(pure=True)
    assert json.loads(compiled.pop()) is True and json.loads(source.pop()) is False
    assert len(compiled) > 2000  # every annotated set and the synthetic articles were read
    differ = [(a, b) for a, b in zip(compiled, source) if a != b]
    assert not differ and len(compiled) == len(source), differ[:3]


@needs_build
def test_a_build_older_than_its_source_is_not_run(tmp_path):
    # After an edit or a pull without a rebuild, the old compiled rules would run silently in place of the
    # edited ones; the source runs instead, with a warning that names the rebuild.
    package = tmp_path / "helpers"
    shutil.copytree(ROOT / "src" / "helpers", package, ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    source = package / "claims" / "places.py"
    source.write_text(source.read_text(encoding="utf-8") + "\nEDITED_AFTER_THE_BUILD = True\n", encoding="utf-8")
    for path in (package / "claims").iterdir():  # as an installer or a checkout may leave them: file times say nothing
        os.utime(path, (1e9, 1e9))
    check = ("import helpers.claims as c; print(c.places.__file__); print(c.COMPILED); "
             "print(getattr(c.places, 'EDITED_AFTER_THE_BUILD', False)); print(c.actors.__file__.endswith('.py'))")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop("HELPERS_PURE_PYTHON", None)
    done = subprocess.run([sys.executable, "-W", "always", "-c", check], env=env, capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, check=True)
    path, compiled, edited, actors_from_source = done.stdout.split()
    assert path == str(source) and compiled == "False" and edited == "True"
    assert actors_from_source == "False"  # the modules whose build is current stay compiled
    assert "places" in done.stderr and "was not built from this places.py" in done.stderr and "make setup" in done.stderr


@needs_build
def test_a_failed_rebuild_does_not_mark_the_older_build_current(tmp_path):
    # An edit, then `pip install -e .` on a machine whose C compiler fails: the claim modules are optional, so
    # the install goes on, and the compiled modules of the last good build stay beside the edited source. They
    # must not be recorded as built from it (setup.py used to record every source before building anything).
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "src", checkout / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    source = checkout / "src" / "helpers" / "claims" / "places.py"
    source.write_text(source.read_text(encoding="utf-8") + "\nEDITED_AFTER_THE_BUILD = True\n", encoding="utf-8")
    env = {**os.environ, "CC": "false", "LDSHARED": "false"}  # a compiler that fails every module
    env.pop("HELPERS_PURE_PYTHON", None)
    build = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=checkout, env=env,
                           capture_output=True, text=True, encoding="utf-8", check=False)
    assert build.returncode == 0, build.stderr[-2000:]  # optional modules: the install itself goes on
    assert "building 'helpers.claims.places' extension" in build.stdout + build.stderr
    check = "import helpers.claims as c; print(c.places.__file__.endswith('.py'), c.places.EDITED_AFTER_THE_BUILD)"
    done = subprocess.run([sys.executable, "-W", "always", "-c", check], cwd=tmp_path, capture_output=True, text=True,
                          encoding="utf-8", env={**env, "PYTHONPATH": str(checkout / "src")}, check=False)
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]
