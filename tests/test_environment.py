"""environment.yml must list the same packages and lower bounds as pyproject.toml."""

import re
import tomllib

import yaml

from helpers.paths import ROOT

# conda-forge spells a few packages differently; dask[dataframe] is the conda "dask" metapackage.
CONDA_NAMES = {"dask[dataframe]": "dask"}


def _canon(spec: str) -> tuple[str, str]:
    name, _, bound = re.match(r"([A-Za-z0-9_.\-\[\]]+)\s*(>=\s*(\S+))?", spec).groups()
    name = CONDA_NAMES.get(name.lower(), name.lower())
    return re.sub(r"[-_.]+", "-", name), (bound or "")


def _pyproject_specs() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    return dict(_canon(s) for s in specs)


def _environment_specs() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += [s for s in dep["pip"] if not s.startswith("-e")]
        else:
            specs.append(dep)
    canon = dict(_canon(s) for s in specs)
    for tool in ("python", "pip", "make", "c-compiler", "poppler"):  # not Python packages of the project
        canon.pop(tool, None)
    return canon


def test_environment_yml_lists_every_pyproject_dependency_with_the_same_lower_bound():
    assert _environment_specs() == _pyproject_specs()


def test_environment_yml_installs_the_project_itself_editable():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(s.startswith("-e .") for s in pip)


def test_python_lower_bound_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in env["dependencies"]


def test_compiled_parts_are_optional_so_a_machine_without_a_compiler_still_installs(monkeypatch):
    # A failed C build must skip the extension (helpers then runs its Python scan and fold), not
    # fail the install: Cython's cythonize() drops optional=True, so setup.py has to set it after.
    import runpy

    import setuptools

    captured = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: captured.update(kwargs))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "setup.py"), run_name="__main__")
    names = {extension.name: extension.optional for extension in captured["ext_modules"]}
    claim_rules = {f"helpers.claims.{name}": True for name in ("actors", "article", "cues", "events", "places", "speakers",
                                                             "extract")}
    assert names == {"helpers._heads": True, "helpers._fold": True, **claim_rules}


def test_nox_fails_rather_than_skips_when_the_sessions_python_is_missing(tmp_path):
    # nox errors on a missing interpreter only where CI is set; elsewhere it skips and exits 0, and
    # `make test` would pass without ever running the old-matplotlib session.
    import os
    import subprocess
    import sys

    env = {name: value for name, value in os.environ.items() if name != "CI"}
    result = subprocess.run([sys.executable, "-m", "nox", "-f", str(ROOT / "noxfile.py"), "--envdir", str(tmp_path),
                             "-s", "rtl_old_matplotlib", "--force-python", "3.99"],
                            capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode != 0, result.stderr
    assert "interpreter 3.99 not found" in result.stderr
