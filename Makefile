# `make run` and `make test` set up .venv on first use (and again whenever pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint build-seeds bench devset messages clean

setup: $(STAMP)

# -qq prints errors only: an editable install makes setuptools warn on every run ("Editable installation"),
# and pip warns once per package about each configured index folder that does not exist on the machine.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run dashboard.py

test: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build-seeds: $(STAMP)
	$(BIN)/python -m data_pipeline build --docs seeds --out build/seeds

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The real development set (../shared/devset) scored overall, per language and per field, and by half.
devset: $(STAMP)
	$(BIN)/python benchmarks/score_devset.py

# The interface's texts: every _(), ngettext() and N_() string into the template, then into both catalogues
# (new strings arrive untranslated; tests/test_i18n.py fails until each has its English and Dutch text).
messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k gettext -k ngettext:1,2 -k N_ \
		--project=ukraine-pledges -o dashboard_app/locale/messages.pot dashboard.py dashboard_app pages
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --width 120 -D messages \
		-i dashboard_app/locale/messages.pot -d dashboard_app/locale

clean:
	rm -rf $(VENV) build .pytest_cache
