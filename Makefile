VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install publish test lint format clean

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

test: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

format: install
	$(VENV)/bin/ruff format src tests

clean:
	rm -rf dist build .pytest_cache .ruff_cache src/*.egg-info
	find . -path ./.venv -prune -o -path ./.git -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +
