# The two commands a newcomer needs: `make run` and `make test`.
#
# PYTHON: any Python 3.11-3.13 (default: the first found by scripts/find-python.sh).
# VENV: where to install (default .venv); one per interpreter if you try several:
#   make test PYTHON=python3.12 VENV=.venv-312
ifndef PYTHON
PYTHON := $(shell sh scripts/find-python.sh)
endif
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Every dependency, pinned with its hashes: runtime only (the Docker image) and runtime + dev (make install).
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
UV := uv==0.13.8
LOCK_VENV := .venv-lock
LOCK_FLAGS ?= --upgrade
COMPILE = $(LOCK_VENV)/bin/uv pip compile pyproject.toml - --universal --python-version 3.11 --generate-hashes \
	--quiet $(LOCK_FLAGS)
SUPPORTED := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))

.PHONY: install run test bench load eval lock docs-examples clean

install: $(STAMP)

$(STAMP): pyproject.toml $(DEV_LOCK)
	@test -n "$(PYTHON)" || { echo "make: no Python 3.11-3.13 with venv found (Debian: apt-get install python3 python3-venv), or set PYTHON=/path/to/python3.x"; exit 1; }
	@$(PYTHON) -c '$(SUPPORTED)' || { echo "make: $(PYTHON) is not Python 3.11-3.13"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	$(BIN)/python -m uvicorn app.main:app --host $(HOST) --port $(PORT) --no-server-header

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

load: install  # 256 connections for 60 s with wrk; not part of `make test`
	$(BIN)/python scripts/load.py

docs-examples: install  # regenerate the /docs examples from the demo archive (after a parser change)
	$(BIN)/python scripts/docs_examples.py

# Development only: the team's scoring tools live outside the project (docs/development.md).
SHARED ?= ../shared
eval: install  # every corpus; the Wikinews and our blind ones as development two thirds and held-out third
	@test -x $(SHARED)/tools/evaluate.py || { echo "make eval: needs the team's scoring tools in $(SHARED)/tools (see docs/development.md)"; exit 1; }
	$(BIN)/python scripts/eval.py $(if $(MISSES),--misses)

# Re-resolve both lock files from pyproject.toml (newest versions that fit every Python 3.11-3.13;
# `make lock LOCK_FLAGS=` keeps the current pins where they still fit). Needs PyPI.
lock:
	@test -n "$(PYTHON)" || { echo "make: no Python 3.11-3.13 found"; exit 1; }
	test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/python -m pip install --quiet $(UV); }
	echo "setuptools>=68" | $(COMPILE) --extra dev --extra cluster -o $(DEV_LOCK)
	echo "setuptools>=68" | $(COMPILE) -c $(DEV_LOCK) -o $(LOCK)

clean:
	rm -rf $(VENV) $(LOCK_VENV) .cache .pytest_cache .hypothesis
