# `make run` and `make test` are all a fresh clone needs: both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test snapshot-update bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/advisor

test: $(STAMP)
	$(BIN)/python -m pytest -n auto -q

bench: $(STAMP)
	$(BIN)/python bench/first_frame.py --runs 7
	$(BIN)/python bench/headless.py --runs 9
	$(BIN)/python bench/scale.py --sizes 1,10,100
	$(BIN)/python bench/responsiveness.py
	$(BIN)/python bench/memory.py

snapshot-update: $(STAMP)
	$(BIN)/python -m pytest -q tests/tui --snapshot-update

clean:
	rm -rf $(VENV) build dist .pytest_cache
