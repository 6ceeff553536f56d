# Frontline LMS — two commands: `make run` (set up and serve the demo) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres lint check wheel setup demo chromium gettext clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it (e.g. apt-get install python3.11 python3.11-venv) or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Dependencies live in pyproject.toml; requirements.txt installs this package (editable) with its
# optional groups. A change to either file reinstalls.
$(STAMP): pyproject.toml requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP)

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work offline.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install chromium' (or set CHROMIUM=/path)"; exit 1; \
		fi; \
	fi

# The translation tests run makemessages, which needs GNU gettext's xgettext.
gettext:
	@if ! command -v xgettext >/dev/null; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing GNU gettext for the translation checks…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
		else \
			echo "The translation tests need GNU gettext: run 'sudo apt-get install gettext'"; exit 1; \
		fi; \
	fi

demo: $(STAMP)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py lms_demo

# The task worker (bulk exports, emails, the daily reminders and digests) runs beside the web server and
# stops with it; `lms_daily --schedule` hands it the daily jobs (today's now if not yet done, then daily).
run: demo
	@echo "Serving the demo on http://$(HOST):$(PORT)/  (sign in as employee / demo1234; see README for more)"
	@$(PY) manage.py lms_daily --schedule
	@$(PY) manage.py db_worker --queue-name '*' --interval 1 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP) chromium gettext
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(STAMP) chromium gettext
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports  # the layer contract in pyproject.toml: nothing imports upward

check: $(STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Builds the wheel and installs it into a fresh venv and an empty Wagtail site (check, migrate, a page).
wheel: $(STAMP)
	.ci/check-wheel

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache .ruff_cache build *.egg-info
