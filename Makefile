VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install publish test lint format clean bench browser wheel-smoke

all: test

$(PY):
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

publish: install
	$(VENV)/bin/kg publish

test: install browser
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/pytest -q

# The wheel as a user installs it: built, installed into a fresh venv outside the checkout,
# then kg publish, validate, query and serve run from a folder outside the checkout.
wheel-smoke: install
	$(PY) .ci/wheel_smoke.py

# Headless Chromium and its driver for tests/test_browser.py: Debian's packages, installed
# when missing and apt-get may be run (as root, as on CI); otherwise the browser tests skip.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			chromium chromium-driver; \
	else \
		echo "chromium and chromium-driver are not installed; browser tests will be skipped" \
			"(as root: apt-get install chromium chromium-driver)"; \
	fi

bench: install
	$(PY) -m pip install -q -e '.[dev,bench]'
	$(PY) benchmarks/bench.py

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

format: install
	$(VENV)/bin/ruff format src tests

clean:
	rm -rf dist build .pytest_cache .ruff_cache src/*.egg-info
	find . -path ./.venv -prune -o -path ./.git -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +
