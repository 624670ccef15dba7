VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install editor publish serve test lint format clean bench browser virtuoso interop \
	wheel-smoke mutate

all: test

$(PY):
	python3 -m venv $(VENV)

# The direct dependencies are pinned in pyproject.toml; constraints.txt pins what they bring,
# so a clean clone installs what CI last passed with.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) editor

# The query page's editor (YASQE, pinned in src/kg/server/editor.py): its tarball from the npm
# registry, checked against the pinned SHA-512, unpacked into src/kg/static/vendor/ (ignored by
# git); nothing is fetched when it is there. Offline, the query page is a plain form, so a
# failed fetch is reported and the build goes on.
editor: $(STAMP)
	-$(PY) -m kg.server.editor

publish: install
	$(VENV)/bin/kg publish

# Publish, then serve dist/ on http://127.0.0.1:8000/ (Ctrl+C stops it): from a new shell,
# without activating the virtual environment.
serve: publish
	$(VENV)/bin/kg serve

test: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/pytest -q

# The wheel as a user installs it: built, installed into a fresh venv outside the checkout,
# then kg publish, validate, query and serve run from a folder outside the checkout.
wheel-smoke: install
	$(PY) .ci/wheel_smoke.py

# Headless Chromium and its driver for tests/test_browser.py: Debian's packages. Only this
# target installs them, and only when asked (`make browser`, as .ci/run does); `make test`
# changes nothing outside the checkout, and without Chromium the browser tests skip, saying why.
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

# Virtuoso for tests/test_push_virtuoso.py and benchmarks/push.py: Debian's server binaries
# (virtuoso-t, isql-vt; package virtuoso-opensource-7-bin, part of virtuoso-opensource), which
# the tests start on free loopback ports with a database in a temporary folder, and stop.
# Not the whole virtuoso-opensource: it would also run a system server on ports 1111 and 8890.
# Only this target installs it, and only when asked (`make virtuoso`, as .ci/run does);
# without it the Virtuoso tests skip, saying why.
virtuoso:
	@if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends virtuoso-opensource-7-bin; \
	else \
		echo "virtuoso-t is not installed; the Virtuoso tests will be skipped" \
			"(as root: apt-get install virtuoso-opensource-7-bin)"; \
	fi

# Independent, strict RDF tools for tests/test_interop.py (docs/interop.md): Apache Jena's riot,
# sparql and shacl (Debian's libapache-jena-java, run from its jars on a headless JRE), serd's
# serdi and Raptor's rapper (raptor2-utils). Only this target installs them, and only when asked
# (`make interop`, as .ci/run does); without them the interoperability tests skip, saying why.
interop:
	@if [ -f /usr/share/java/jena-cmds.jar ] && command -v java >/dev/null 2>&1 \
		&& command -v serdi >/dev/null 2>&1 && command -v rapper >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends libapache-jena-java default-jre-headless serdi raptor2-utils; \
	else \
		echo "Apache Jena, serdi or rapper is not installed; the interoperability tests will be" \
			"skipped (as root: apt-get install libapache-jena-java default-jre-headless serdi" \
			"raptor2-utils)"; \
	fi

bench: install
	$(PY) -m pip install -q -e '.[dev,bench]'
	$(PY) benchmarks/bench.py

# Mutation testing (not in CI: slow) of the modules that decide what users get, with mutmut
# (pyproject.toml, [tool.mutmut]): it mutates a copy in mutants/, never the checkout, and runs
# each mutant against the tests that called the mutated function. The score of each module goes
# to benchmarks/mutation.md. `make mutate MODULES="conneg cache"` runs those modules only
# (names: benchmarks/mutation.py); results are kept in mutants/ between runs, and a run redoes
# only the mutants whose function or tests changed. The tests' subprocesses (kg serve, a second
# publish) import the mutated copy too (PYTHONPATH), so they run the mutant under test.
# `make mutate MODULES="model ingest" SAMPLE=40` runs a sample of each module: 40 of its
# mutants, the first by the SHA-256 of their names (the same 40 for the same code), and its row
# says so, with the score's 95 % interval; SURVIVED=1 runs again only the sample's survivors
# (after new tests). MAX_CHILDREN=1 keeps mutmut to one core (its default is every core).
MODULES ?= conneg cache curation query numbers validate reason store crossdocument export \
	ingest model sparql
SAMPLE ?=
SURVIVED ?=
MAX_CHILDREN ?=

mutate: install
	$(PY) -m pip install -q -c constraints.txt -e '.[dev,mutate]'
	rm -rf mutants/.kg-cache  # outcomes a former run's mutants cached (kg publish's default)
	mkdir -p mutants && ln -sfn src/kg/ontology mutants/ontology && ln -sfn src/kg/shapes mutants/shapes
	ln -sfn $(CURDIR)/.venv mutants/.venv
	PYTHONPATH=$(CURDIR)/mutants/src:$(CURDIR)/benchmarks/mutate $(VENV)/bin/mutmut run \
		$(if $(MAX_CHILDREN),--max-children $(MAX_CHILDREN)) \
		$(if $(SAMPLE),$$($(PY) benchmarks/mutation.py --sample $(SAMPLE) --names $(MODULES) \
			$(if $(SURVIVED),--survived)),$(foreach m,$(MODULES),$$($(PY) benchmarks/mutation.py --glob $(m))))
	$(PY) benchmarks/mutation.py $(if $(SAMPLE),--sample $(SAMPLE) --modules $(MODULES))

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

format: install
	$(VENV)/bin/ruff format src tests

clean:
	rm -rf dist build .pytest_cache .ruff_cache src/*.egg-info
	find . -path ./.venv -prune -o -path ./.git -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +
