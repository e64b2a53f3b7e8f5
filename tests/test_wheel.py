"""Installed like any package: the wheel, in a fresh virtual environment, run from a folder that is not the checkout.

The wheel must carry the vocabulary tables, the notebooks and the seed (read with importlib.resources, never
relative to a checkout), so ``arabic-news extract`` and ``arabic-news report`` work from any folder, and an analyst
can point the suite at tables of their own (``HELPERS_DATA_DIR``). Building and installing takes a few minutes (the
dependencies come from pip's cache or PyPI): one module fixture does it once.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(args, cwd, env=None, timeout=900) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                            timeout=timeout)
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin folder, a working folder outside the checkout) of a fresh venv holding only the built wheel and its deps."""
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, ROOT], cwd=base)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = wheels.glob("arabic_news_notebooks-*.whl")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    install = _run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], cwd=base)
    assert install.returncode == 0, install.stderr[-3000:]
    work = base / "elsewhere"
    work.mkdir()
    return bin_dir, work


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without this checkout's virtualenv or source on the path."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "CONDA_PREFIX"}}
    env.update(extra)
    return env


def _seed(bin_dir: Path, work: Path) -> Path:
    found = _run([bin_dir / "python", "-c", "from helpers import paths; print(paths.SEEDS)"], cwd=work,
                 env=_clean_env())
    assert found.returncode == 0, found.stderr
    seed = Path(found.stdout.strip())
    assert ROOT not in seed.parents, f"the installed package reads the seed from the checkout: {seed}"
    return seed


def test_the_wheel_carries_tables_notebooks_and_seed(installed):
    bin_dir, work = installed
    seed = _seed(bin_dir, work)
    assert sorted(p.name for p in seed.glob("*.txt")), "no seed article in the installed package"
    notebooks = _run([bin_dir / "python", "-c",
                      "from helpers import paths; print(*sorted(p.name for p in paths.NOTEBOOKS.glob('*.ipynb')))"],
                     cwd=work, env=_clean_env())
    assert notebooks.stdout.split()[:4] == ["01-corpus.ipynb", "02-drawdown-timeline.ipynb", "03-entities.ipynb",
                                            "04-arabic-charts.ipynb"], notebooks.stderr


def test_extract_runs_from_another_folder(installed):
    bin_dir, work = installed
    seed = _seed(bin_dir, work)
    result = _run([bin_dir / "arabic-news", "extract", seed, "--out", work / "out"], cwd=work, env=_clean_env())
    assert result.returncode == 0, result.stderr[-3000:]
    with open(work / "out" / "milestones.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # the seed's gold (../shared/eval/seed/milestones.csv) has 8 milestones, all found in the checkout too
    assert len(rows) == 8
    assert {"2025-09-30", "2024-09-27"} <= {row["start"] for row in rows}


def test_help_names_the_program_as_it_was_called(installed):
    bin_dir, work = installed
    result = _run([bin_dir / "arabic-news", "--help"], cwd=work, env=_clean_env())
    assert result.returncode == 0
    assert result.stdout.startswith("usage: arabic-news"), result.stdout[:200]


def test_an_analysts_own_gazetteer_replaces_the_shipped_one(installed, tmp_path):
    bin_dir, work = installed
    tables = tmp_path / "tables"
    tables.mkdir()
    shipped = _run([bin_dir / "python", "-c", "from helpers import paths; print(paths.data_path('gazetteer.csv'))"],
                   cwd=work, env=_clean_env())
    lines = Path(shipped.stdout.strip()).read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = {name: "" for name in header}
    row.update(entity_id="tigris_river", type="LOC", name_ar="نهر دجلة", name_en="Tigris")
    (tables / "gazetteer.csv").write_text("\n".join([*lines, ",".join(row[n] for n in header)]) + "\n",
                                          encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("عنوان\n\nمياه نهر دجلة منخفضة هذا العام.\n", encoding="utf-8")
    result = _run([bin_dir / "arabic-news", "extract", corpus, "--out", tmp_path / "out"], cwd=work,
                  env=_clean_env(HELPERS_DATA_DIR=str(tables)))
    assert result.returncode == 0, result.stderr[-3000:]
    entities = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")
    assert "tigris_river" in entities


def test_report_runs_from_another_folder(installed):
    bin_dir, work = installed
    result = _run([bin_dir / "arabic-news", "report", "--out", work / "report"], cwd=work, env=_clean_env(),
                  timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (work / "report" / "index.html").is_file()
    assert len(list((work / "report").glob("[0-9][0-9]-*.html"))) >= 4


def test_the_installed_claim_rules_run_compiled(installed):
    # An installer writes a wheel's files in any order: the compiled claim rules must still be taken as current
    # (helpers.compiled compares source digests, not file times), else every extraction silently runs slower.
    import helpers.claims

    if not helpers.claims.COMPILED and os.environ.get("HELPERS_REQUIRE_COMPILED") != "1":
        pytest.skip("the claim rules are not compiled in this checkout (no C compiler): the wheel has none either")
    bin_dir, work = installed
    result = _run([bin_dir / "python", "-W", "error::RuntimeWarning", "-c",
                   "import helpers.claims as c; print(c.COMPILED, c.places.__file__)"], cwd=work, env=_clean_env())
    assert result.returncode == 0, result.stderr[-2000:]
    compiled, path = result.stdout.split()
    assert compiled == "True" and path.endswith(".so") and str(ROOT) not in path
