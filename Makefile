# Dateline: `make run` opens the app on the demo corpus; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/.demo-store

.PHONY: run test test-slow bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/dateline ingest --db "$(DEMO_DB)" --demo
	$(BIN)/dateline --db "$(DEMO_DB)"

test: $(VENV)/.installed-test
	$(BIN)/lint-imports --config pyproject.toml
	$(BIN)/python -m pytest -n 2 -m "not slow"

test-slow: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 -m slow

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .demo-store .pytest_cache
