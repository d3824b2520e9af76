# Housing register portal: set-up, running and testing.
# `make run` serves the portal with demo data; `make test` runs every test.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
STAMP := $(VENV)/.installed
ASSETS := static/govuk/govuk-frontend.min.js static/dist/portal.css
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)
export FLASK_APP := portal.app:create_app

.PHONY: install browser system-packages run test bench lint translations-extract translations-update clean

install: $(STAMP) $(ASSETS) $(COMPILED)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

static/govuk/govuk-frontend.min.js: node_modules/.package-lock.json
	rm -rf static/govuk
	mkdir -p static/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/govuk/
	cp -R node_modules/govuk-frontend/dist/govuk/assets static/govuk/assets

static/dist/portal.css: $(wildcard static/src/*.scss) node_modules/.package-lock.json
	mkdir -p static/dist
	npx --no-install sass --quiet --no-source-map --style=compressed \
	  --load-path=node_modules static/src/portal.scss $@

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations -l $*

run: install
	$(BIN)/flask --app portal.app:create_app db-upgrade
	$(BIN)/flask --app portal.app:create_app seed-demo
	$(BIN)/flask --app portal.app:create_app run --host 127.0.0.1 --port $(PORT)

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2; \
	    exit 1; \
	  fi; \
	fi

# WeasyPrint makes the housing options plan as a PDF with Pango. DejaVu Sans
# has the Arabic letters; Scheherazade also has the letters Urdu adds.
# Install them when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-sil-scheherazade
system-packages:
	@if command -v dpkg >/dev/null && ! dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
	  else \
	    echo "Making PDFs needs Pango and fonts for every language: run 'sudo apt-get install $(PDF_PACKAGES)'." >&2; \
	    exit 1; \
	  fi; \
	fi

# The whole suite on the embedded SQLite database. When TEST_DATABASE_URL
# names a PostgreSQL database, the database tests then run again against it.
test: install browser system-packages
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "Running the database tests again on $$TEST_DATABASE_URL"; \
	  $(BIN)/pytest -m db --postgres; \
	fi

bench: install
	$(BIN)/python -m benchmarks.run

lint: install
	$(BIN)/ruff check portal officer_review tests benchmarks migrations

translations-extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k N_ -o translations/messages.pot --no-location --sort-output --omit-header .

translations-update: translations-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf $(VENV) node_modules static/govuk static/dist instance .pytest_cache
