# `make run` and `make test` are all a fresh clone needs: both create .venv when it is missing.
# `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help run test test-fast check lint format typecheck contracts snapshot-update bench clean

help:  ## list the targets
	@grep -Eh '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)  ## start the app
	$(BIN)/advisor

test: $(STAMP)  ## the whole test suite (what CI runs after make check)
	$(BIN)/python -m pytest -n auto -q

test-fast: $(STAMP)  ## the core tests only: no TUI, no other processes (the inner loop)
	$(BIN)/python -m pytest -n auto -q -m "not slow and not tui"

check: lint typecheck contracts  ## lint, format check, types and import contracts

lint: $(STAMP)  ## ruff: lint, and check the formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)  ## ruff: fix what can be fixed, and format
	$(BIN)/ruff check --fix --exit-zero --quiet .
	$(BIN)/ruff format .

typecheck: $(STAMP)  ## mypy, strict
	$(BIN)/mypy

contracts: $(STAMP)  ## import-linter: the layers and the front ends keep to their places
	$(BIN)/lint-imports

snapshot-update: $(STAMP)  ## rewrite the SVG snapshots and golden reports (then look at every changed file)
	$(BIN)/python -m pytest -q tests/tui/test_snapshots.py tests/test_reports.py --snapshot-update

bench: $(STAMP)  ## every benchmark against a floor measured in the same run: one table, targets met or not
	cd bench && ../$(BIN)/python run.py

clean:  ## remove the venv and build output
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
