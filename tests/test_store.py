"""`kg load`, `kg query --store` and `kg serve --store`: the dumps in an on-disk Oxigraph
store, queried and served like the published files."""

from __future__ import annotations

import json
import re
import shutil

import httpx
import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import KgError
from kg.store.embedded import META_FILE, StoreGraph, load
from kg.store.query import named_queries

BASE = "https://kg.example.org/"
INFERRED = BASE + "graph/inferred"


def comparable(name: str, rows: list[dict]) -> list:
    """Rows as SPARQL fixes them: the order of the values inside a GROUP_CONCAT and the value
    SAMPLE picks are left open by the standard (and differ between Oxigraph's in-memory and
    on-disk stores), so concatenations compare as sorted parts and SAMPLEs are left out."""
    text = named_queries()[name].text
    separators = sorted(set(re.findall(r'separator\s*=\s*"([^"]+)"', text)), key=len)[::-1]
    sampled = set(re.findall(r"SAMPLE\(.*?\)\s*AS\s*\?(\w+)", text))
    split = re.compile("|".join(map(re.escape, separators))) if separators else None

    def value(v):
        return tuple(sorted(split.split(v))) if split and isinstance(v, str) else v

    return sorted(
        (tuple(sorted((k, value(v)) for k, v in row.items() if k not in sampled)) for row in rows),
        key=repr,
    )


def test_load_keeps_one_graph_per_document_and_answers_like_the_files(
    published_dist, published_graph, tmp_path
):
    figures = load(published_dist, tmp_path / "store")
    assert figures["graphs"] == 5 + 2  # documents, reference, inferred
    store = StoreGraph(tmp_path / "store")
    names = {g.value for g in store.store.named_graphs() if isinstance(g, ox.NamedNode)}
    assert "https://kg.example.org/graph/document/000" in names
    assert INFERRED in names
    for name in named_queries():
        got, expected = store.run(name), published_graph.run(name)
        assert got.variables == expected.variables, name
        assert comparable(name, got.rows) == comparable(name, expected.rows), name


def test_the_store_holds_what_the_files_hold(published_dist, published_graph, published_store):
    """Named graphs quad for quad; the default graph is the merge, asserted and inferred."""
    store = StoreGraph(published_store).store
    memory = published_graph.store
    assert set(store) == set(memory)
    inferred = {
        q.triple for q in memory.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED))
    }
    assert inferred and all(
        any(True for _ in store.quads_for_pattern(*t, ox.DefaultGraph())) for t in inferred
    )
    # What kg load recorded, for kg serve --store, is what the store holds.
    meta = json.loads((published_store / META_FILE).read_text())
    assert meta["dist"] == str(published_dist.resolve())
    assert meta["base"] == BASE
    assert meta["triples"] == sum(
        1 for _ in memory.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    assert meta["graphs"][INFERRED] == len(inferred)
    assert len(meta["graphs"]) == len(list(memory.named_graphs()))


def test_query_store_from_the_command_line(published_dist, tmp_path, capsys):
    assert main(["load", "--dist", str(published_dist), "--store", str(tmp_path / "s")]) == 0
    assert "quads in 7 named graphs loaded into" in capsys.readouterr().out
    code = main(
        ["query", "places-within-states", "--store", str(tmp_path / "s"), "--format", "csv"]
    )
    assert code == 0
    assert "Tapachula" in capsys.readouterr().out


def test_load_replaces_only_a_store(published_dist, tmp_path, capsys):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    assert main(["load", "--dist", str(published_dist), "--store", str(folder)]) == 1
    error = capsys.readouterr().err
    assert "not an Oxigraph store: refusing to replace it" in error
    assert len(error.strip().splitlines()) == 1
    assert (folder / "notes.txt").read_text() == "keep me"
    # A store is replaced.
    load(published_dist, tmp_path / "s")
    load(published_dist, tmp_path / "s")
    assert StoreGraph(tmp_path / "s").sizes()[0] > 0


# --------------------------------------------------------------------------------------------
# kg serve --store
# --------------------------------------------------------------------------------------------

# Addresses whose answers do not depend on timing: the same bytes from both servers.
SAME_ON_BOTH = [
    "/",
    "/classes",
    "/classes/org:Organization",
    "/search?q=juarez",
    "/search?q=mexico&format=json",
    "/id/organization/cndh",
    "/doc/organization/cndh",
    "/doc/organization/cndh.ttl",
    "/doc/organization/cndh.jsonld",
    "/doc/observation/000/victims-assisted",
    "/doc/dataset/statistics",
    "/graph/document/000",
    "/graph/inferred",
    "/def/kg",
    "/downloads",
    "/dist/kg.nq",
    "/id/organization/no-such-thing",
]


@pytest.fixture(scope="module")
def both(kg_server, kg_store_server):
    with (
        httpx.Client(base_url=kg_server, timeout=30) as dist,
        httpx.Client(base_url=kg_store_server, timeout=30) as store,
    ):
        yield dist, store


@pytest.mark.parametrize("address", SAME_ON_BOTH)
def test_store_server_answers_like_the_dist_server(both, address):
    dist, store = both
    a, b = dist.get(address), store.get(address)
    # Blank nodes (in the ontology) get new labels whenever a file is parsed.
    blank = re.compile(rb"_:[0-9a-f]{16,}")
    assert (a.status_code, a.headers.get("location"), blank.sub(b"_:b", a.content)) == (
        b.status_code,
        b.headers.get("location"),
        blank.sub(b"_:b", b.content),
    )
    if not blank.search(a.content):
        assert a.headers.get("etag") == b.headers.get("etag")


def test_named_graphs_hold_the_same_triples_on_both(both):
    # Listed in the order each store keeps them, so compared as sets.
    dist, store = both
    for graph in ("document/000", "reference", "inferred"):
        a, b = (c.get(f"/graph/{graph}", params={"format": "nt"}) for c in (dist, store))
        assert a.status_code == b.status_code == 200
        assert set(a.text.splitlines()) == set(b.text.splitlines())


def test_store_server_dereferences_and_answers_sparql(both, published_graph):
    _, http = both
    thing = http.get("/id/organization/cndh", headers={"Accept": "text/turtle"})
    assert thing.status_code == 303
    assert thing.headers["location"] == "/doc/organization/cndh.ttl"
    described = {
        q.triple
        for q in ox.parse(http.get(thing.headers["location"]).content, format=ox.RdfFormat.TURTLE)
    }
    cndh = ox.NamedNode(BASE + "id/organization/cndh")
    assert described == {
        q.triple
        for pattern in ((cndh, None, None), (None, None, cndh))
        for q in published_graph.store.quads_for_pattern(*pattern, ox.DefaultGraph())
    }
    for name, query in named_queries().items():
        response = http.post(
            "/sparql",
            data={"query": query.text},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert response.status_code == 200, name
        rows = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        variables = [v.value for v in rows.variables]
        got = [
            {v: _value(s[v]) for v in variables if s[v] is not None and _value(s[v]) != ""}
            for s in rows
        ]
        expected = [
            {k: v for k, v in row.items() if v not in (None, "")}
            for row in published_graph.run(name).rows
        ]
        assert comparable(name, got) == comparable(name, expected), name
    # The protocol's dataset: one document's graph as the default graph.
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = BASE + "graph/document/000"
    answer = http.get("/sparql", params={"query": count, "default-graph-uri": one})
    assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) == sum(
        1 for _ in published_graph.store.quads_for_pattern(None, None, None, ox.NamedNode(one))
    )
    # Inferred triples: in the default graph and in their own graph.
    located = f"<{BASE}id/organization/cndh> <{BASE}def/kg#locatedIn> <{BASE}id/place/americas>"
    for query in (f"ASK {{ {located} }}", f"ASK {{ GRAPH <{INFERRED}> {{ {located} }} }}"):
        assert http.get("/sparql", params={"query": query, "format": "json"}).json()["boolean"]


def _value(term):
    from kg.store.query import python_value

    return python_value(term)


def test_serve_store_needs_no_dumps_and_says_which_files_it_offers(
    published_dist, published_store, tmp_path
):
    """The graph comes from the store: a folder without kg.trig, kg.nq or kg.nt serves it."""
    from kg.server.app import prepare

    files = tmp_path / "files"
    shutil.copytree(published_dist, files)
    for name in ("kg.trig", "kg.nq", "kg.nt", "kg.ttl", "kg-inferred.ttl", "kg.jsonld"):
        (files / name).unlink()
    running = prepare(files, port=0, workers=1, store=published_store)
    try:
        site = running.server.site
        assert site.exists(BASE + "id/organization/cndh")
        assert site.warnings == []
        assert f"from the store {published_store} (files from {files}/)" in running.banner()
        assert "kg.nq" not in {d.name for d in site.downloads()}
    finally:
        running.close()
    # Another publish's files: served, with a warning that they do not match.
    (files / "SHA256SUMS").write_text("0" * 64 + "  kg.nq\n")
    running = prepare(files, port=0, workers=1, store=published_store)
    try:
        assert "SHA256SUMS differ" in running.server.site.warnings[0]
    finally:
        running.close()


def test_serve_store_errors_are_one_line(published_dist, tmp_path, capsys):
    def error(*arguments: str) -> str:
        assert main(["serve", *arguments, "--port", "0"]) == 1
        message = capsys.readouterr().err.strip()
        assert len(message.splitlines()) == 1, message
        return message

    assert "no store here; run `kg load --store PATH`" in error("--store", str(tmp_path / "no"))
    store = tmp_path / "store"
    load(published_dist, store)
    meta = json.loads((store / META_FILE).read_text())
    (store / META_FILE).write_text(json.dumps({**meta, "dist": str(tmp_path / "gone")}))
    assert "was loaded from this folder, which is gone; give --dist" in error("--store", str(store))
    del meta["dist"]
    (store / META_FILE).write_text(json.dumps(meta))
    assert "does not record the folder it was loaded from; give --dist" in error(
        "--store", str(store)
    )
    assert "no such folder" in error("--store", str(store), "--dist", str(tmp_path / "nowhere"))
    with pytest.raises(KgError, match="no store here"):
        StoreGraph(tmp_path / "no")
