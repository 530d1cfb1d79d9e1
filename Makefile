# Two entry points for a newcomer: `make demo` (install, extract the bundled samples, store them in a
# local corpus and print its summary) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export OPENBLAS_NUM_THREADS := 1
NEREL ?= ../shared/benchmarks/NEREL-v1.1

.PHONY: install demo test lint bench bench-store bench-pathological model calibrate

$(BIN)/letopis: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/letopis

install: $(BIN)/letopis

demo: install
	$(BIN)/letopis extract samples/ --format text
	rm -rf .letopis/demo.duckdb .letopis/demo.duckdb.search .letopis/demo.duckdb.lock  # a fresh demo corpus, whatever schema came before
	$(BIN)/letopis ingest samples/ --db .letopis/demo.duckdb
	$(BIN)/letopis summary --db .letopis/demo.duckdb

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
