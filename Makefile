# Two entry points for a newcomer: `make demo` (install, store the bundled corpus in a local demo corpus
# and serve the web app over it, printing its URL) and `make test`. `make summary` is the CLI's demo.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export OPENBLAS_NUM_THREADS := 1
NEREL ?= ../shared/benchmarks/NEREL-v1.1
PORT ?= 8000
DEMO := .letopis/demo.duckdb

.PHONY: install demo summary test lint bench bench-store bench-pathological model calibrate

$(BIN)/letopis: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/letopis

install: $(BIN)/letopis

# The reference article and the 122 factRuEval devset texts, in a fresh corpus (whatever schema came before).
demo: install
	rm -rf $(DEMO) $(DEMO).search $(DEMO).lock
	$(BIN)/letopis ingest samples/ tests/data/factRuEval-2016/devset --db $(DEMO)
	$(BIN)/letopis serve --db $(DEMO) --port $(PORT)

summary: install
	$(BIN)/letopis extract samples/ --format text
	rm -rf .letopis/summary.duckdb .letopis/summary.duckdb.search .letopis/summary.duckdb.lock
	$(BIN)/letopis ingest samples/ --db .letopis/summary.duckdb
	$(BIN)/letopis summary --db .letopis/summary.duckdb

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/run.py --rounds 7

bench-store: install
	$(BIN)/python benchmarks/store.py

bench-pathological: install
	$(BIN)/python benchmarks/pathological.py

# The attachment model (src/letopis/learn/attachment.json.gz) from NEREL v1.1 train, scored on its dev
# split; NEREL is not in the repository (docs/learning.md).
model: install
	$(BIN)/python scripts/train_attachment.py --nerel $(NEREL)

calibrate: install  # refit the event confidence on gold/events/tune (needs ../shared/benchmarks)
	$(BIN)/python scripts/fit_confidence.py
