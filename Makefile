# spinscope: two commands on a fresh machine.
#   make run   -> set up .venv, install, analyse the bundled examples, write build/report.html
#   make test  -> set up .venv, install with test extras, run the whole test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
REPORT ?= build/report.html

.PHONY: run test install clean-store bench eval help
.DEFAULT_GOAL := help

help:
	@echo "make run    analyse examples/ and write $(REPORT) (creates $(VENV) if needed)"
	@echo "make test   run the whole test suite (creates $(VENV) if needed)"
	@echo "make eval   cleaning evaluation on evaldata/cleaning (PolNeAR/PTC evals: see docs/)"
	@echo "make bench  speed benchmarks (bench/)"

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; run 'make PYTHON=/path/to/python3.11 ...'" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@mkdir -p $(dir $(REPORT))
	$(BIN)/spinscope analyze examples --aliases examples/aliases.tsv --format html --out $(REPORT)
	@$(BIN)/spinscope analyze examples --aliases examples/aliases.tsv --format text --out build/report.txt --quiet
	@echo "HTML report: $(REPORT)   text summary: build/report.txt   JSON: $(BIN)/spinscope analyze examples --format json"

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(BIN)/spinscope eval cleaning --data evaldata/cleaning
	$(BIN)/spinscope eval cleaning --data evaldata/cleaning-heldout

bench: $(STAMP)
	$(PY) bench/bench_clean.py
	$(PY) bench/bench_attribution.py
	$(PY) bench/bench_techniques.py

clean-store:
	rm -rf .spinscope build
