# `make run` and `make test` set up .venv on first use (and again whenever pyproject.toml or requirements.lock
# changes), installing exactly the versions pinned in requirements.lock (with their hashes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# uv installs the lock; its own version is the one the lock pins (it is in the dev extra), checked against the
# lock's hashes: its entry (the `uv==` line and its `--hash` lines) is copied into UV_REQ for pip.
UV_REQ := $(VENV)/uv.req
UV := $(BIN)/uv
UV_ARGS := --python $(BIN)/python --quiet

.PHONY: setup lock upgrade-lock run test lint build-seeds bench devset messages clean

setup: $(STAMP)

# pip only brings uv in, with --require-hashes (-qq prints errors only: pip warns once per package about each
# configured index folder that does not exist on the machine). `uv pip sync` makes the environment exactly the
# lock (it removes what the lock does not list, this project too), then the project is installed editable, without
# dependencies: they are the lock's.
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	awk '/^uv==/ { entry = 1 } entry { print; if (!/\\$$/) exit }' $(LOCK) > $(UV_REQ)
	grep -q -- '--hash=sha256:' $(UV_REQ)
	$(BIN)/python -m pip install --quiet --quiet --require-hashes -r $(UV_REQ)
	$(UV) pip sync $(UV_ARGS) --require-hashes $(LOCK)
	$(UV) pip install $(UV_ARGS) --no-deps -e .
	touch $(STAMP)

# After changing the requirements in pyproject.toml: the lock keeps every pin it can and adds what is new.
# `make upgrade-lock` moves every pin to the newest version pyproject.toml allows. Run the tests after either.
LOCK_COMMAND = $(UV) pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes \
	--quiet -o $(LOCK)
lock: $(STAMP)
	$(LOCK_COMMAND)

upgrade-lock: $(STAMP)
	$(LOCK_COMMAND) --upgrade

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
