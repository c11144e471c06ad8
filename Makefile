# The README's two commands: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
# Tests run with production-like settings (DEBUG off); only the key and the HTTPS redirect differ,
# and the first pass knowingly runs on SQLite and a local-memory cache (ALLOW_SINGLE_PROCESS).
TEST_ENV := SECRET_KEY=test-only-key-not-for-production SECURE_SSL_REDIRECT=false ALLOW_SINGLE_PROCESS=true
# The suite on both cores (pytest-xdist): two workers, each taking a whole test file at a time,
# with a test database and Redis databases of its own (tests/conftest.py). `make test
# TEST_WORKERS=` runs it in one process.
TEST_WORKERS ?= --numprocesses 2 --dist loadfile

.PHONY: run test lint install migrate demo worker beat lock clean screenshots backup restore messages translations

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required.") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) translations

# Translations (issue 21): .po to .mo in pure Python (polib), so no gettext binary is needed.
translations: $(STAMP)
	DEBUG=true $(BIN)/python manage.py compile_translations --verbosity 0

# For developers: extract every marked string into the five catalogues (needs GNU gettext's
# xgettext and msgmerge: `apt-get install gettext`). Compiling them does not.
MESSAGE_LOCALES := --locale ar --locale zh_Hans --locale fr --locale ru --locale es
messages: install
	DEBUG=true $(BIN)/python manage.py makemessages $(MESSAGE_LOCALES) --extension html,txt,py \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'benchmarks/*' \
		--no-obsolete --add-location file

# `make run PORT=8001` serves on another port; links in emails follow it.
PORT ?= 8000
RUN_ENV := DEBUG=true SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}

run: install
	mkdir -p var
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
# Security static analysis: bandit fails on any medium or high finding (see pyproject.toml).
	$(BIN)/bandit --quiet -c pyproject.toml -r . --severity-level medium --confidence-level medium
# Models and migrations agree: checked against an empty in-memory database, whatever DATABASE_URL is.
	$(TEST_ENV) DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run --verbosity 1
	$(TEST_ENV) $(BIN)/python manage.py compile_translations --verbosity 0
# Types: mypy with django-stubs on the application code ([tool.mypy] in pyproject.toml); its
# plugin loads the settings, hence the environment.
	$(TEST_ENV) $(BIN)/mypy
	$(TEST_ENV) $(BIN)/pytest $(TEST_WORKERS) $(PYTEST_ARGS)

# Every page type of the browser tests at 1280 and 390 px wide, written to var/screenshots/; the
# main ones again in Arabic and Chinese (var/screenshots/ar/, var/screenshots/zh-hans/).
screenshots: install
	rm -rf var/screenshots
	SCREENSHOTS=1 $(TEST_ENV) $(BIN)/pytest tests/browser/test_accessibility.py tests/browser/test_languages.py -q $(PYTEST_ARGS)
	@echo "Screenshots are in var/screenshots/"

worker: install
	DEBUG=true $(BIN)/celery -A hub worker --loglevel INFO

beat: install
	DEBUG=true $(BIN)/celery -A hub beat --loglevel INFO

# Backup and restore (issue 17): the database named by DATABASE_URL (and DATABASE_PASSWORD_FILE),
# with PostgreSQL's pg_dump/pg_restore. `make restore BACKUP=file` replaces what is there: stop
# the web app, workers and beat first. Redis holds nothing that needs a backup.
BACKUP ?= var/backups/hub-$(shell date -u +%Y%m%dT%H%M%SZ).dump
backup: install
	$(BIN)/python manage.py backup_database $(BACKUP)

restore: install
	@test -n "$(filter command line environment,$(origin BACKUP))" || (echo "Name the file: make restore BACKUP=var/backups/hub-....dump" >&2; exit 2)
	$(BIN)/python manage.py restore_database $(BACKUP)

# Re-resolve every pinned version from pyproject.toml (needs the package registry).
lock:
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --upgrade pip
	var/lock-venv/bin/pip install --quiet ".[dev]"
	var/lock-venv/bin/pip freeze --exclude-editable | grep -v '^safer-children-hub' > requirements.lock
	rm -rf var/lock-venv

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache .mypy_cache

# Benchmark (issue 10): the catalogue at 1,000 and 10,000 tools beside the admin; see
# benchmarks/README.md. Needs PostgreSQL and Redis on 127.0.0.1; installs Debian's wrk if missing.
.PHONY: bench
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)
