# Every target sets itself up: the venv is (re)built only when pyproject.toml or constraints.txt changes.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean translations update-translations

# The interface translations: resources/i18n/*.ts (sources, in git) compiled to .qm by Qt's lrelease.
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing visible text: refresh the .ts files from the code (see README, "Translating").
update-translations: $(STAMP)
	$(PY) -m core.catalogue

run: $(STAMP) $(QM)
	$(PY) main.py

lint: $(STAMP) $(QM)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: lint
	$(PY) -m pytest

bench: $(STAMP) $(QM)
	$(PY) bench/run_bench.py $(ONLY)

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache $(QM)
