# capacity-lms: `make sandbox` runs the demo site, `make test` runs the whole suite.
# Variables: PYTHON (interpreter for the venv), VENV (its folder), DJANGO (e.g. 5.2 or 6.1 to
# pin that series), PORT (sandbox port), DATABASE_URL (default: SQLite).

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
DJANGO ?=
PYTEST_ARGS ?=

BIN := $(VENV)/bin
# Mozilla's ical.js (Thunderbird's parser) reads our calendar feeds back in the tests.
CALENDAR_CLIENTS := tests/calendar_clients
CALENDAR_CLIENTS_STAMP := $(CALENDAR_CLIENTS)/node_modules/.installed
# The Digital Credentials Consortium's verifier checks our Open Badges credentials in the tests.
CREDENTIAL_CLIENTS := tests/credential_clients
CREDENTIAL_CLIENTS_STAMP := $(CREDENTIAL_CLIENTS)/node_modules/.installed
MANAGE := $(BIN)/python sandbox/manage.py
STAMP := $(VENV)/.installed$(if $(DJANGO),-django-$(DJANGO))
DJANGO_PIN := $(if $(DJANGO),"Django==$(DJANGO).*")

export UV_PYTHON_DOWNLOADS := never

.PHONY: install sandbox sandbox-data test lint benchmarks load-test wheel install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

$(STAMP): setup.cfg pyproject.toml | $(BIN)/python
	rm -f $(VENV)/.installed*
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e ".[test]" $(DJANGO_PIN)
	touch $@

# npm ci empties node_modules first, so the stamp inside it goes with any older install. No
# node or npm is an error here: the feed tests must never pass without their JavaScript reader.
$(CALENDAR_CLIENTS_STAMP): $(CALENDAR_CLIENTS)/package.json $(CALENDAR_CLIENTS)/package-lock.json
	npm ci --prefix $(CALENDAR_CLIENTS) --no-audit --no-fund
	touch $@

$(CREDENTIAL_CLIENTS_STAMP): $(CREDENTIAL_CLIENTS)/package.json $(CREDENTIAL_CLIENTS)/package-lock.json
	npm ci --prefix $(CREDENTIAL_CLIENTS) --no-audit --no-fund
	touch $@

install: $(STAMP)

# The demo site needs Python only; the tests also need Node.js for the calendar reader.
sandbox-data: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data
	$(MANAGE) update_index
	$(MANAGE) rebuild_references_index

sandbox: sandbox-data
	@echo "Demo site: http://127.0.0.1:$(PORT)/  admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Accounts admin, staff, trainer, trainer2, editor, coordinator, learner, reviewer1-3, auditor; password capacity-demo (demo only)."
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# --no-cache: CI runs three cells at once in one checkout; a shared .ruff_cache written by one
# while another reads it once reported a formatted file as unformatted.
test: install $(CALENDAR_CLIENTS_STAMP) $(CREDENTIAL_CLIENTS_STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --check --no-cache .
	$(BIN)/lint-imports setup.cfg
	$(BIN)/bandit --quiet -c pyproject.toml -r capacity_lms courses sandbox
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

benchmarks: install
	$(BIN)/python -m pytest tests/benchmarks -p no:randomly -s --override-ini="addopts=-p no:cacheprovider"

# Two gunicorn servers sharing a private PostgreSQL and Redis, under wrk (docs/benchmarks.md).
# Needs PostgreSQL's server binaries, redis-server and wrk: apt-get install redis-server wrk.
load-test: install
	$(BIN)/python tests/benchmarks/load_test.py

# build/ goes too: setuptools never empties build/lib, so a file deleted from the sources would
# still ship in the next wheel.
wheel: install
	rm -rf dist build
	$(BIN)/python -m build --wheel --outdir dist .

install-test: wheel
	PYTHON=$(PYTHON) DJANGO=$(DJANGO) bash .ci/install_test.sh dist/*.whl

clean:
	rm -rf $(VENV) .venv-* dist build *.egg-info sandbox/db.sqlite3 sandbox/media sandbox/static
	rm -rf $(CALENDAR_CLIENTS)/node_modules $(CREDENTIAL_CLIENTS)/node_modules
