"""The named queries outside kg: a separate `oxigraph serve` process, loaded with the dumps as
docs/stores.md says, answers each query of dist/queries/ with exactly the rows of `kg query`.

docs/stores.md: the named graphs from kg.nq (one per document, one for reference data), the
inferred triples in `{base}graph/inferred`, and, as the default graph, kg.nt and
kg-inferred.ttl: each asserted triple once, and the inferences. Not `--union-default-graph`:
Oxigraph's union of the named graphs is a bag, in which a triple that several documents state
is there once per document (on the seed corpus victims-by-origin-and-sex then gave 11 rows
instead of 9, and the store counted 8,273 triples instead of 8,224).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.run import build
from kg.publish import export
from kg.store.query import PublishedGraph, named_queries
from kg.vocab import DEFAULT_BASE, Minter

ROOT = Path(__file__).resolve().parents[1]
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
OTHER_BASE = "https://data.example.net/trafficking/"


def load_commands(dist: str, db: str, base: str) -> list[list[str]]:
    """The commands docs/stores.md gives for Oxigraph, for the dumps in `dist`."""
    return [
        ["oxigraph", "load", "--location", db, "--file", f"{dist}/kg.nq"],
        [
            "oxigraph",
            "load",
            "--location",
            db,
            "--file",
            f"{dist}/kg-inferred.ttl",
            "--graph",
            f"{base}graph/inferred",
        ],  # fmt: skip
        [
            "oxigraph",
            "load",
            "--location",
            db,
            "--file",
            f"{dist}/kg.nt",
            f"{dist}/kg-inferred.ttl",
        ],  # fmt: skip
        ["oxigraph", "serve-read-only", "--location", db, "--bind", "127.0.0.1:7878"],
    ]


def test_the_guide_gives_these_commands():
    guide = (ROOT / "docs" / "stores.md").read_text(encoding="utf-8")
    for command in load_commands("dist", "kg-db", DEFAULT_BASE):
        assert " ".join(command) in guide


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(dist: Path, base: str, folder: Path):
    """Load `dist` into a new store by the guide's commands and serve it; yields its URL."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    db = folder / "kg-db"
    *loads, serving = load_commands(str(dist), str(db), base)
    for command in loads:
        subprocess.run([OXIGRAPH, *command[1:]], check=True, capture_output=True)
    port = free_port()
    serving[-1] = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        [OXIGRAPH, *serving[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("the oxigraph server ended")
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def ask(url: str, query: str) -> ox.QuerySolutions:
    """The answer of the SPARQL endpoint at `url` (SPARQL 1.1 Protocol, a POSTed query)."""
    request = urllib.request.Request(
        f"{url}/query",
        data=query.encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        data = response.read()
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)


# `(GROUP_CONCAT(... ; separator="S") AS ?v)`: SPARQL leaves the order of the values it joins
# to the engine (https://www.w3.org/TR/sparql11-query/#defn_aggGroupConcat), and two stores
# (even Oxigraph in memory and on disk) find them in different orders.
_CONCATENATION = re.compile(r'separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)', re.IGNORECASE)


def concatenated(text: str) -> dict[str, str]:
    """The variables a query binds to a GROUP_CONCAT, with their separators."""
    return {variable: separator for separator, variable in _CONCATENATION.findall(text)}


def value(term, separator: str | None):
    """A term as compared: its N-Triples form; a concatenation as the multiset of its parts."""
    if term is None:
        return None
    if separator is None or not isinstance(term, ox.Literal):
        return str(term)
    parts = tuple(sorted(term.value.split(separator)))
    return ("concatenation", term.datatype.value, term.language, parts)


def rows(variables, solutions, separators: dict[str, str]) -> Counter:
    """Solutions as a multiset of tuples of values (None: unbound)."""
    return Counter(
        tuple(value(solution[v], separators.get(v)) for v in variables) for solution in solutions
    )


@pytest.fixture(scope="module")
def other_dist(tmp_path_factory) -> Path:
    """The corpus published with a base of the user's choosing (`kg publish --base`)."""
    out = tmp_path_factory.mktemp("other-base") / "dist"
    export.write(build(ROOT / "data", Minter(OTHER_BASE)), out, ROOT / "data")
    return out


@pytest.fixture(scope="module", params=["default base", "--base"])
def published(request, published_dist, other_dist, tmp_path_factory):
    """(dist, base, the URL of an `oxigraph serve` loaded with its dumps)."""
    dist, base = (
        (published_dist, DEFAULT_BASE)
        if request.param == "default base"
        else (other_dist, OTHER_BASE)
    )
    yield from ((dist, base, url) for url in serve(dist, base, tmp_path_factory.mktemp("oxigraph")))


def test_dist_holds_every_named_query_with_the_published_base(published):
    dist, base, _ = published
    files = sorted(p.stem for p in (dist / "queries").glob("*.rq"))
    assert files == sorted(named_queries()) and len(files) == 18
    for name in files:
        text = (dist / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        assert re.findall(r"(?m)^BASE <([^>]*)>$", text) == [base], name
        # Nothing but what the text declares: no base IRI, no prefixes given by the caller.
        ox.Store().query(text)


def test_every_named_query_gives_kg_query_rows_on_oxigraph_serve(published):
    dist, _, url = published
    graph = PublishedGraph(dist)
    agree = []
    for name in sorted(named_queries()):
        text = (dist / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        separators = concatenated(text)
        theirs = ask(url, text)
        ours = graph.run(name)
        variables = ours.variables
        assert [v.value for v in theirs.variables] == list(variables), name
        solutions = [{v: t.get(v) for v in variables} for t in ours.terms]
        expected = rows(variables, solutions, separators)
        assert expected, f"{name} gives no rows in kg"
        if rows(variables, theirs, separators) == expected:
            agree.append(name)
    assert agree == sorted(named_queries())  # 18 of 18


def test_the_store_counts_what_kg_counts(published):
    dist, base, url = published
    graph = PublishedGraph(dist)

    def count(query: str) -> int:
        theirs = int(next(iter(ask(url, query)))["n"].value)
        assert theirs == graph.sparql(query).rows[0]["n"], query
        return theirs

    # The default graph: each asserted triple once, and the inferences.
    merged = {str(t) for t in ox.parse(path=str(dist / "kg.nt"))}
    merged |= {str(t) for t in ox.parse(path=str(dist / "kg-inferred.ttl"))}
    assert count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == len(merged)
    # The named graphs: every quad of kg.nq, and the inferred graph.
    quads = sum(1 for _ in ox.parse(path=str(dist / "kg.nq")))
    inferred = sum(1 for _ in ox.parse(path=str(dist / "kg-inferred.ttl")))
    assert count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == quads + inferred
    assert quads > len({str(t) for t in ox.parse(path=str(dist / "kg.nt"))})  # shared triples
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(graphs) == len(list(graph.store.named_graphs()))
    assert ask(url, f"ASK {{ GRAPH <{base}graph/inferred> {{ ?s ?p ?o }} }}")


def test_every_named_query_declares_its_base_and_prefixes():
    """The package's queries run as they are, with no base or prefixes from the caller; kg
    sets their BASE, the default base, to the base of the graph it queries."""
    for name, query in named_queries().items():
        assert re.findall(r"(?m)^BASE <([^>]*)>$", query.text) == [DEFAULT_BASE], name
        ox.Store().query(query.text)
        # SAMPLE picks any value of a group, and two stores pick differently: MIN picks one.
        assert not re.search(r"\bSAMPLE\s*\(", query.text, re.IGNORECASE), name
        moved = query.for_base(OTHER_BASE)
        assert moved.text == query.text.replace(f"BASE <{DEFAULT_BASE}>", f"BASE <{OTHER_BASE}>")
        assert moved.for_base(DEFAULT_BASE).text == query.text
