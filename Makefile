# shitufi — `make run` serves the site with demo content, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help run worker test e2e-prod lint check messages lock clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-dev.lock
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run ## Migrate, load the demo content and serve on HOST:PORT (127.0.0.1:8000)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed
	$(MANAGE) ensure_admin --url http://$(HOST):$(PORT)/admin/
	$(MANAGE) runserver $(HOST):$(PORT)

worker: $(VENV)/.installed-run ## Run the tasks queued by `make run TASKS_BACKEND=database` (give it the same HOST/PORT)
	TASKS_BACKEND=database $(MANAGE) db_worker

# The settings read HOST and PORT too: emailed links lead there in development. make passes
# on variables given on its command line, but not these defaults, so export them.
run worker: export HOST := $(HOST)
run worker: export PORT := $(PORT)

test: $(VENV)/.installed-dev ## Run the whole test suite (DATABASE_URL picks PostgreSQL)
	$(BIN)/pytest -n 2 --dist load --maxschedchunk 1 --durations=25

e2e-prod: $(VENV)/.installed-dev ## The production topology end to end: nginx, gunicorn, db_worker, PostgreSQL, Redis
	$(BIN)/pytest -m deploy tests/deploy -p no:xdist -p no:cacheprovider -s -v

lint: $(VENV)/.installed-dev ## ruff: lint and formatting; import-linter: the import graph's contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

check: $(VENV)/.installed-dev ## Migrations up to date; production settings pass check --deploy
	$(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	EMAIL_HASH_KEY=check-only ALLOWED_HOSTS=shitufi.example DATABASE_URL=sqlite:///var/check.sqlite3 \
	DJANGO_SETTINGS_MODULE=config.settings.production \
	$(MANAGE) check --deploy --fail-level WARNING

messages: $(VENV)/.installed-dev ## Update the he/en catalogs (needs GNU gettext) and compile them
	$(MANAGE) makemessages --locale he --locale en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python -m core.i18n_catalogs
	$(MANAGE) compilemessages --ignore '.venv/*'

lock: ## Re-pin every dependency from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --universal --group dev --python-version 3.11 --generate-hashes -c requirements.lock -o requirements-dev.lock

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var staticfiles
