# Dateline: `make run` opens the app on the demo corpus; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/.demo-store

.PHONY: run test test-slow bench lint clean chromium

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

test: $(VENV)/.installed-test chromium
	$(BIN)/lint-imports pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 -m "not slow"

# The browser test (tests/cli/test_serve_browser.py) drives Debian's chromium: Playwright's own browser download
# is not reachable. Installed here when this is Debian as root (about a minute); otherwise the test says why.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		echo "installing chromium for the browser test" && apt-get update -qq >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium is not installed and cannot be installed here: the browser test will be skipped (CI: failed)"

test-slow: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 -m slow

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .demo-store .pytest_cache build  # build/ would put stale modules in the next wheel
