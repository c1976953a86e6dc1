# `make run` and `make test` set up .venv on first use (and again whenever pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The busiest pipeline modules compiled with Cython (data_pipeline/compiled.py), again whenever a module changes.
COMPILED := data_pipeline/_compiled/.made

.PHONY: setup run test lint build-seeds bench devset clean

setup: $(STAMP) $(COMPILED)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Without a C compiler the pipeline runs as plain Python: same tables, about a tenth slower.
$(COMPILED): $(STAMP) $(wildcard data_pipeline/*.py)
	@echo "Compiling the pipeline's busiest modules (about a minute, once per change)..."
	$(BIN)/python -m data_pipeline compile || echo "Not compiled: the pipeline runs as plain Python."
	mkdir -p $(dir $(COMPILED)) && touch $(COMPILED)

run: $(STAMP) $(COMPILED)
	$(BIN)/streamlit run dashboard.py

test: $(STAMP) $(COMPILED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build-seeds: $(STAMP) $(COMPILED)
	$(BIN)/python -m data_pipeline build --docs seeds --out build/seeds

bench: $(STAMP) $(COMPILED)
	$(BIN)/python benchmarks/run.py

# The real development set (../shared/devset) scored overall, per language and per field, and by half.
devset: $(STAMP) $(COMPILED)
	$(BIN)/python benchmarks/score_devset.py

clean:
	rm -rf $(VENV) build .pytest_cache data_pipeline/_compiled
