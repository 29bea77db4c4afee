# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test bench load eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,cluster]'
	touch $(STAMP)

run: install
	$(BIN)/python -m uvicorn app.main:app --host $(HOST) --port $(PORT) --no-server-header

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

load: install  # 256 connections for 60 s with wrk; not part of `make test`
	$(BIN)/python scripts/load.py

eval: install  # the shared scorer on the shared corpus and on our own annotated articles (data/eval)
	$(PYTHON) ../shared/tools/evaluate.py ../shared/corpus -q
	$(PYTHON) ../shared/tools/evaluate.py data/eval

clean:
	rm -rf $(VENV) .cache .pytest_cache .hypothesis
