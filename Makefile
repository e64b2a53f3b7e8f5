# The documented entry points. `make report` sets up and runs the suite on the seed corpus;
# `make test` sets up and runs every test (unit, nbval over the notebooks, browser, old matplotlib).
# Setup uses the active virtual/conda environment, or creates .venv when none is active.
SHELL := /bin/bash
PYTHON ?= python3
CORPUS ?= seeds
OUT ?= build

ifdef VIRTUAL_ENV
ENV := $(VIRTUAL_ENV)
else ifdef CONDA_PREFIX
ENV := $(CONDA_PREFIX)
else
ENV := .venv
endif
BIN := $(ENV)/bin
RUN_STAMP := $(ENV)/.arabic-news-setup
TEST_STAMP := $(ENV)/.arabic-news-setup-test
BENCH_STAMP := $(ENV)/.arabic-news-setup-bench
LAB_CSS := $(ENV)/etc/jupyter/custom/custom.css
NBVAL := --nbval --nbval-current-env --nbval-cell-timeout=600 --nbval-sanitize-with notebooks/nbval-sanitize.cfg

.PHONY: setup setup-test setup-bench report test test-fast notebooks lab bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(ENV)

# Install the package and register the project's Jupyter kernel.
$(RUN_STAMP): pyproject.toml setup.py src/helpers/_heads.pyx src/helpers/_fold.pyx $(wildcard src/helpers/claims/*.py) | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name arabic-news --display-name "Arabic news (project)" >/dev/null
	touch $@

# JupyterLab's RTL CSS goes into the environment (<env>/etc/jupyter), not ~/.jupyter; reinstalled when it changes.
$(LAB_CSS): src/helpers/rtl/jupyter.py src/helpers/jupyterlab/rtl.css | $(RUN_STAMP)
	$(BIN)/python -c "from helpers import rtl; rtl.install_jupyterlab_rtl()"

$(TEST_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# What the benchmarks import besides the package: psutil, and dateparser as the peer they compare with.
$(BENCH_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	touch $@

setup: $(RUN_STAMP) $(LAB_CSS)
setup-test: $(TEST_STAMP) $(LAB_CSS)
setup-bench: $(BENCH_STAMP)

## Main job: execute every notebook on CORPUS and write the HTML report and figure pack to OUT.
report: setup
	$(BIN)/python -m helpers report $(CORPUS) --out $(OUT)

## All tests: lint, unit tests, nbval over the committed notebooks, then the RTL tests under matplotlib 3.10.
test: setup-test
	$(BIN)/ruff check src tests bench noxfile.py notebooks
	$(BIN)/python -m pytest tests notebooks $(NBVAL)
	$(BIN)/nox -s rtl_old_matplotlib

test-fast: setup-test
	$(BIN)/python -m pytest tests -x -q

## Fuzz each extractor and the loader (tests/test_fuzz.py) for FUZZ_MINUTES (default 20), then print the totals.
FUZZ_MINUTES ?= 20
.PHONY: fuzz
fuzz: setup-test
	HYPOTHESIS_PROFILE=fuzz FUZZ_MINUTES=$(FUZZ_MINUTES) $(BIN)/python -m pytest tests/test_fuzz.py -k test_fuzz_ -s -q

## Re-execute the committed notebooks in place (after a deliberate change), then `make test`.
notebooks: setup
	for nb in notebooks/[0-9][0-9]-*.ipynb; do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=arabic-news "$$nb" || exit 1; \
	done

lab: setup
	$(BIN)/jupyter lab notebooks/

bench: setup-bench
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_milestones.py
	$(BIN)/python bench/bench_entities.py
	$(BIN)/python bench/bench_claims.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf build .nox .pytest_cache .hypothesis
