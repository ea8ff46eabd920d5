# `make run` and `make test` are all a fresh clone needs: both create .venv when it is missing.
# `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: `make run` installs only what the app needs; the test and dev tools come with the
# targets that use them. Installing those also marks the app installed, so `make run` after
# `make test` installs nothing, and `make test` after `make run` adds only the extras.
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: help run test test-fast chromium check lint format typecheck contracts snapshot-update bench clean

help:  ## list the targets
	@grep -Eh '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP_RUN): pyproject.toml
	@echo "Setting up $(VENV) with advisor and what it needs to run (the first time takes a minute or two)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -e .
	touch $@

$(STAMP_DEV): pyproject.toml
	@echo "Setting up $(VENV) with advisor and its test and development tools (the first time takes a few minutes)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -e '.[test,dev]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)  ## start the app (installs only what it needs)
	$(BIN)/advisor

test: $(STAMP_DEV) chromium  ## the whole test suite (what CI runs after make check)
	$(BIN)/python -m pytest -n 4 -q  # 4 workers on 2 cores: a third of the suite waits (ptys, Chromium, pilot pauses)

# tests/browser drive `advisor serve` in Debian's Chromium through Playwright (which cannot fetch a
# browser of its own everywhere). Installed when missing and we may (root, apt-get); otherwise those
# tests are skipped and say why. Quick when it is there.
chromium:  ## the browser the browser tests drive (apt-get install chromium, when missing and root)
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Chromium for the browser tests (apt-get, once; a minute or two)"; \
		{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
			|| echo "could not install chromium: the browser tests will be skipped"; \
	else echo "no chromium, and apt-get needs root: the browser tests will be skipped (apt-get install chromium)"; fi

test-fast: $(STAMP_DEV)  ## the core tests only: no TUI, no other processes (the inner loop)
	ADVISOR_TEST_LANE=fast $(BIN)/python -m pytest -n auto -q -m "not slow and not tui"  # fewer hypothesis examples

check: lint typecheck contracts  ## lint, format check, types and import contracts

lint: $(STAMP_DEV)  ## ruff: lint, and check the formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP_DEV)  ## ruff: fix what can be fixed, and format
	$(BIN)/ruff check --fix --exit-zero --quiet .
	$(BIN)/ruff format .

typecheck: $(STAMP_DEV)  ## mypy, strict
	$(BIN)/mypy

contracts: $(STAMP_DEV)  ## import-linter: the layers and the front ends keep to their places
	$(BIN)/lint-imports

snapshot-update: $(STAMP_DEV)  ## rewrite the SVG snapshots and golden reports (then look at every changed file)
	$(BIN)/python -m pytest -q tests/tui/test_snapshots.py tests/test_reports.py --snapshot-update

bench: $(STAMP_DEV)  ## every benchmark against a floor measured in the same run: one table, targets met or not
	cd bench && ../$(BIN)/python run.py

clean:  ## remove the venv and build output
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
