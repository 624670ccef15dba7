"""`kg serve` over a real socket: the SPARQL 1.1 Protocol (httpx and SPARQLWrapper as clients),
dereferenceable IRIs with content negotiation and caching, the HTML pages, the downloads, and
what is refused: updates, SERVICE, queries past the time or size limit, malformed queries.

The server runs in its own process with a 3 s time limit and a 2 MB result limit, and every
test runs twice: on `kg serve --dist` (fixture `kg_server`, the published files loaded into
memory) and on `kg serve --store` (fixture `kg_store_server`, a store made by `kg load`)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import statistics
import time
import xml.etree.ElementTree as ET
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, POST, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed

from conftest import SERVER_MAX_RESULT_BYTES, SERVER_QUERY_TIMEOUT
from kg.cli import main
from kg.server import charts, conneg, guard
from kg.store.query import named_queries, python_value

BASE = "https://kg.example.org/"
CNDH = BASE + "id/organization/cndh"
JSON_RESULTS = "application/sparql-results+json"
ORGS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?org ?label WHERE { ?org a org:Organization ; rdfs:label ?label
  FILTER(LANGMATCHES(LANG(?label), "en")) } ORDER BY ?org"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RDF_PARSERS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module", params=["dist", "store"])
def mode(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def server(mode, request) -> str:
    """The address of `kg serve` on the published files, then on a store made by `kg load`."""
    return request.getfixturevalue("kg_server" if mode == "dist" else "kg_store_server")


@pytest.fixture(scope="module")
def served_graph(mode, request):
    """The graph the server answers from, opened in this process. (SPARQL leaves the order of
    GROUP_CONCAT and the pick of SAMPLE open: the store and the in-memory graph may differ
    there; `tests/test_store.py` compares them.)"""
    if mode == "dist":
        return request.getfixturevalue("published_graph")
    from kg.store.embedded import StoreGraph

    return StoreGraph(request.getfixturevalue("published_store"))


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


def sparql_json_rows(data: dict) -> list[dict]:
    """Rows of a SPARQL JSON result as Python values, by way of an independent parser."""
    results = ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)
    variables = [v.value for v in results.variables]
    return [{v: python_value(solution[v]) for v in variables} for solution in results]


def parse_rdf(body: bytes, media_type: str) -> set[ox.Triple]:
    fmt = RDF_PARSERS[media_type.split(";")[0]]
    return {q.triple for q in ox.parse(body, format=fmt, base_iri=BASE)}


# --------------------------------------------------------------------------------------------
# SPARQL 1.1 Protocol
# --------------------------------------------------------------------------------------------


def test_get_returns_conformant_sparql_json(http, published_graph):
    response = http.get("/sparql", params={"query": ORGS}, headers={"Accept": JSON_RESULTS})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON_RESULTS
    assert "Accept" in response.headers["vary"]
    data = response.json()
    assert data["head"]["vars"] == ["org", "label"]
    for binding in data["results"]["bindings"]:
        assert binding["org"]["type"] == "uri"
        assert binding["label"] == {
            "type": "literal",
            "value": binding["label"]["value"],
            "xml:lang": "en",
        }
    assert sparql_json_rows(data) == published_graph.sparql(ORGS).rows
    assert {"org": CNDH, "label": "National Human Rights Commission"} in sparql_json_rows(data)


def test_post_form_and_post_direct_give_the_same_result(http):
    get = http.get("/sparql", params={"query": ORGS}, headers={"Accept": JSON_RESULTS})
    form = http.post("/sparql", data={"query": ORGS}, headers={"Accept": JSON_RESULTS})
    direct = http.post(
        "/sparql",
        content=ORGS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS},
    )
    assert get.status_code == form.status_code == direct.status_code == 200
    assert get.json() == form.json() == direct.json()


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("application/json", JSON_RESULTS),
        ("*/*", JSON_RESULTS),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_results_are_negotiated(http, accept, content_type):
    response = http.get("/sparql", params={"query": ORGS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    text = response.text
    if "xml" in content_type:
        root = ET.fromstring(text)
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["org", "label"]
        assert len(root.findall("r:results/r:result", ns)) > 10
    elif content_type.startswith("text/csv"):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {"org": CNDH, "label": "National Human Rights Commission"} in rows
    elif content_type.startswith("text/tab"):
        lines = text.splitlines()
        assert lines[0] == "?org\t?label"
        assert f'<{CNDH}>\t"National Human Rights Commission"@en' in lines
    else:
        assert response.json()["head"]["vars"] == ["org", "label"]


def test_format_parameter_for_clients_without_headers(http):
    csv_text = http.get("/sparql", params={"query": ORGS, "format": "csv"}).text
    assert csv_text.startswith("org,label\r\n")
    xml = http.get("/sparql", params={"query": f"DESCRIBE <{CNDH}>", "format": "xml"})
    assert xml.headers["content-type"] == "application/rdf+xml"


@pytest.mark.parametrize("media_type", list(RDF_PARSERS))
def test_construct_and_describe_results_are_negotiated(http, published_graph, media_type):
    query = f"DESCRIBE <{CNDH}>"
    expected = set(published_graph.sparql(query).triples)
    response = http.get("/sparql", params={"query": query}, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert parse_rdf(response.content, media_type) == expected
    construct = http.post(
        "/sparql",
        data={"query": f"CONSTRUCT {{ <{CNDH}> ?p ?o }} WHERE {{ <{CNDH}> ?p ?o }}"},
        headers={"Accept": media_type},
    )
    assert construct.status_code == 200
    assert parse_rdf(construct.content, media_type) == {
        t for t in expected if t.subject == ox.NamedNode(CNDH)
    }


def test_ask(http):
    response = http.get(
        "/sparql",
        params={"query": f"ASK {{ <{CNDH}> ?p ?o }}"},
        headers={"Accept": JSON_RESULTS},
    )
    assert response.json() == {"head": {}, "boolean": True}


def test_default_graph_uri_and_named_graph_uri(http, published_graph):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = BASE + "graph/document/000"
    response = http.get("/sparql", params={"query": count, "default-graph-uri": one})
    n = int(response.json()["results"]["bindings"][0]["n"]["value"])
    expected = sum(
        1 for _ in published_graph.store.quads_for_pattern(None, None, None, ox.NamedNode(one))
    )
    assert n == expected
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = http.post(
        "/sparql",
        data={"query": graphs, "named-graph-uri": [one, BASE + "graph/reference"]},
        headers={"Accept": JSON_RESULTS},
    )
    names = {row["g"] for row in sparql_json_rows(response.json())}
    assert names == {one, BASE + "graph/reference"}


def test_the_default_graph_merges_asserted_and_inferred(http):
    query = f"ASK {{ <{CNDH}> <{BASE}def/kg#locatedIn> <{BASE}id/place/americas> }}"
    assert http.get("/sparql", params={"query": query, "format": "json"}).json()["boolean"]


def test_service_description(http):
    response = http.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    triples = parse_rdf(response.content, "text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    # The endpoint under the configured base (served at the root), not the Host asked.
    endpoint = ox.NamedNode(BASE + "sparql")
    assert ox.Triple(endpoint, ox.NamedNode(sd + "endpoint"), endpoint) in triples
    assert (
        ox.Triple(
            endpoint, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")
        )
        in triples
    )
    formats = {t.object.value for t in triples if t.predicate.value == sd + "resultFormat"}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats
    assert "http://www.w3.org/ns/formats/Turtle" in formats
    names = {t.object.value for t in triples if t.predicate.value == sd + "name"}
    assert BASE + "graph/document/004" in names and BASE + "graph/inferred" in names
    # Without Accept, a client gets the description too; a browser gets the query page.
    assert http.get("/sparql").headers["content-type"].startswith("text/turtle")
    browser = http.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.status_code == 303 and browser.headers["location"] == "/query"


def test_cors_for_browser_clients(http):
    origin = {"Origin": "https://example.net"}
    response = http.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = http.options(
        "/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type, Accept",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_not_acceptable(http):
    response = http.get("/sparql", params={"query": ORGS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


# --------------------------------------------------------------------------------------------
# Refusals and limits
# --------------------------------------------------------------------------------------------


def test_updates_are_refused(http, published_graph):
    update = f'INSERT DATA {{ <{CNDH}> <{BASE}def/kg#acronym> "X" }}'
    form = http.post("/sparql", data={"update": update})
    direct = http.post(
        "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
    )
    by_get = http.get("/sparql", params={"update": update})
    for response in (form, direct, by_get):
        assert response.status_code == 500  # SPARQL 1.1 Protocol: the service refuses
        assert "read-only" in response.text
    # An update sent as a query is not a legal query: 400, saying what it is.
    as_query = http.post("/sparql", data={"query": update})
    assert as_query.status_code == 400
    assert "SPARQL Update" in as_query.text
    ask = f'ASK {{ <{CNDH}> <{BASE}def/kg#acronym> "X" }}'
    assert http.get("/sparql", params={"query": ask, "format": "json"}).json()["boolean"] is False


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { ?s ?p ?o . service silent <http://127.0.0.1:9/> { ?s ?q ?r } }",
        "SELECT * WHERE { VALUES ?e { <http://127.0.0.1:9/> } SERVICE ?e { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(http, query):
    response = http.get("/sparql", params={"query": query})
    assert response.status_code == 500
    assert "SERVICE" in response.text and "never fetches" in response.text


def test_service_as_a_name_is_not_refused(http):
    query = 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) } # SERVICE'
    response = http.get("/sparql", params={"query": query, "format": "json"})
    assert response.status_code == 200


def test_malformed_query_gets_400_with_the_parser_message(http):
    response = http.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    # The guard's parser (rdflib's) says where the pattern it could not read begins.
    assert re.match(r"SPARQL syntax error at line 2, column 3: Expected", response.text)


def test_over_long_query_is_stopped_at_the_time_limit(http):
    # A query the server failed to stop would outlast the client's timeout (30 s) and fail.
    response = http.get("/sparql", params={"query": RUNAWAY})
    assert response.status_code == 500
    assert f"time limit of {SERVER_QUERY_TIMEOUT:g} s" in response.text
    # The worker was replaced: the endpoint still answers.
    for _ in range(3):
        assert http.get("/sparql", params={"query": "ASK {}", "format": "json"}).status_code == 200


def test_result_over_the_size_limit_is_refused(http):
    response = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 500
    assert f"size limit of {SERVER_MAX_RESULT_BYTES:,} bytes" in response.text
    many = "CONSTRUCT { ?s ?p ?other } WHERE { ?s ?p ?o . ?s ?q ?other }"
    construct = http.get("/sparql", params={"query": many})
    assert construct.status_code == 500 and "size limit" in construct.text


def test_bad_requests(http):
    too_long = "SELECT * WHERE { ?s ?p ?o } " + "#" * 100_000
    assert http.post("/sparql", data={"query": too_long}).status_code == 413
    two = http.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert two.status_code == 400
    assert (
        http.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}).status_code
        == 415
    )
    assert http.post("/sparql", data={"format": "json"}).status_code == 400
    bad_graph = http.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert bad_graph.status_code == 400
    assert http.put("/sparql", content="ASK {}").status_code == 405


def test_refusal_checks():
    service = guard.check("SELECT * { SERVICE <x:y> {} }")
    assert service.status == 500 and "never fetches" in service.message
    assert guard.check("SELECT * { ?s ?p ?o .SERVICE <x:y> {} }").status == 500
    assert guard.check("SELECT ?service { ?service <x:SERVICE> 'SERVICE' } # SERVICE").allowed
    assert guard.check('SELECT * { ?s ?p """a SERVICE b""" }').allowed
    update = guard.check("PREFIX a: <x:> INSERT DATA { a:a a:b a:c }")
    assert update.status == 400 and "SPARQL Update" in update.message
    assert guard.check("SELECT * { ?s ?p ?o }").allowed


# --------------------------------------------------------------------------------------------
# SPARQLWrapper, an independent SPARQL client
# --------------------------------------------------------------------------------------------


def wrapper(server, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client


def test_sparqlwrapper_select(server, published_graph):
    data = wrapper(server, ORGS).query().convert()
    assert sparql_json_rows(data) == published_graph.sparql(ORGS).rows
    posted = wrapper(server, ORGS, method=POST).query().convert()
    assert posted == data
    xml = wrapper(server, ORGS, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == len(data["results"]["bindings"])
    table = wrapper(server, ORGS, CSV).query().convert()
    assert table.decode().startswith("org,label")


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_construct(server, published_graph):
    query = f"DESCRIBE <{CNDH}>"
    graph = wrapper(server, query, RDFXML).query().convert()
    assert len(graph) == len(published_graph.sparql(query).triples)
    turtle = wrapper(server, query, TURTLE).query().convert()
    assert parse_rdf(turtle, "text/turtle") == set(published_graph.sparql(query).triples)


def test_sparqlwrapper_sees_refusals(server):
    update = wrapper(server, "INSERT DATA { <x:a> <x:b> <x:c> }", method=POST)
    with pytest.raises(EndPointInternalError, match="read-only"):
        update.query()
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT * WHERE { ?s ?p }").query()


# --------------------------------------------------------------------------------------------
# Named queries over HTTP: the same rows as `kg query`, and how fast
# --------------------------------------------------------------------------------------------


def test_named_queries_over_http(http, served_graph):
    latencies = {}
    for name, query in named_queries().items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            response = http.post(
                "/sparql", data={"query": query.text}, headers={"Accept": JSON_RESULTS}
            )
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (name, response.text)
        assert sparql_json_rows(response.json()) == served_graph.run(name).rows, name
        latencies[name] = statistics.median(times)
    print("\nmedian latency over HTTP (ms):")
    for name, seconds in sorted(latencies.items(), key=lambda item: -item[1]):
        print(f"  {name:32} {seconds * 1000:7.1f}")


# --------------------------------------------------------------------------------------------
# Dereferenceable IRIs
# --------------------------------------------------------------------------------------------


def test_cndh_in_turtle(http, published_graph):
    response = http.get("/id/organization/cndh", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == "/doc/organization/cndh.ttl"
    assert "Accept" in response.headers["vary"]
    document = http.get(response.headers["location"])
    assert document.status_code == 200
    assert document.headers["content-type"] == "text/turtle; charset=utf-8"
    triples = parse_rdf(document.content, "text/turtle")
    label = ox.Triple(
        ox.NamedNode(CNDH),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.Literal("National Human Rights Commission", language="en"),
    )
    assert label in triples
    outgoing = {
        q.triple
        for q in published_graph.store.quads_for_pattern(
            ox.NamedNode(CNDH), None, None, ox.DefaultGraph()
        )
    }
    incoming = {
        q.triple
        for q in published_graph.store.quads_for_pattern(
            None, None, ox.NamedNode(CNDH), ox.DefaultGraph()
        )
    }
    assert triples == outgoing | incoming


@pytest.mark.parametrize(
    ("accept", "suffix", "content_type"),
    [
        ("text/turtle", "ttl", "text/turtle; charset=utf-8"),
        ("application/n-triples", "nt", "application/n-triples"),
        ("application/rdf+xml", "rdf", "application/rdf+xml"),
        ("application/ld+json", "jsonld", "application/ld+json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "", "text/html; charset=utf-8"),
        ("application/rdf+xml;q=0.5, text/turtle;q=0.9", "ttl", "text/turtle; charset=utf-8"),
    ],
)
def test_content_negotiation(http, accept, suffix, content_type):
    thing = http.get("/id/place/tapachula", headers={"Accept": accept}, follow_redirects=False)
    assert thing.status_code == 303
    location = "/doc/place/tapachula" + (f".{suffix}" if suffix else "")
    assert thing.headers["location"] == location
    document = http.get(location)
    assert document.headers["content-type"] == content_type
    if suffix:
        assert parse_rdf(document.content, content_type)
    # The generic document negotiates too, and says which variant it sent.
    generic = http.get("/doc/place/tapachula", headers={"Accept": accept})
    assert generic.headers["content-type"] == content_type
    assert generic.headers["content-location"].startswith("/doc/place/tapachula.")
    assert "Accept" in generic.headers["vary"]
    assert generic.content == document.content


def test_format_parameter_and_suffixes(http):
    thing = http.get("/id/place/mexico", params={"format": "jsonld"})
    assert thing.status_code == 303 and thing.headers["location"] == "/doc/place/mexico.jsonld"
    document = http.get("/doc/place/mexico", params={"format": "nt"})
    assert document.headers["content-type"] == "application/n-triples"
    assert http.get("/doc/place/mexico", params={"format": "bogus"}).status_code == 400
    assert http.get("/id/place/mexico", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    "path",
    [
        "/id/place/mexico",  # negotiated with the profiles
        "/doc/place/mexico",  # a document by Accept or format
        "/graph/document/000",
        "/source/000_c36a1ea09023f409.txt",
        "/classes/org:Organization",
    ],
)
def test_a_format_given_twice_is_refused_not_guessed(http, path):
    """`format=ttl&format=json` names two formats: 400, on every route that takes one, where
    the last one given was obeyed."""
    twice = http.get(path, params=[("format", "jsonld"), ("format", "ttl")])
    assert twice.status_code == 400
    assert twice.text == "Bad Request: format: give it once\n"
    assert http.get(path, params={"format": "ttl"}).status_code in (200, 303)


def test_unknown_iris_are_404(http):
    for path in ("/id/organization/nobody", "/doc/organization/nobody", "/doc/nothing.ttl"):
        assert http.get(path, headers={"Accept": "text/turtle"}).status_code == 404
    page = http.get("/id/organization/nobody", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "Not found" in page.text
    assert http.get("/def/other").status_code == 404
    assert http.get("/source/nothing.txt").status_code == 404
    assert http.get("/graph/nothing").status_code == 404


def test_caching_headers(http):
    first = http.get("/doc/organization/cndh.ttl")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    assert (
        http.get("/doc/organization/cndh.ttl", headers={"If-None-Match": etag}).status_code == 304
    )
    since = http.get("/doc/organization/cndh.ttl", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    old = formatdate(0, usegmt=True)
    assert (
        http.get("/doc/organization/cndh.ttl", headers={"If-Modified-Since": old}).status_code
        == 200
    )
    other = http.get("/doc/organization/cndh.nt")
    assert other.headers["etag"] != etag


def test_if_none_match_takes_precedence_over_if_modified_since(http):
    """RFC 9110 section 13.2.2: with If-None-Match, If-Modified-Since is not evaluated."""
    url = "/doc/organization/cndh.ttl"
    first = http.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert http.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    # Another tag: the representation is not the client's, however recent its date.
    changed = http.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": modified})
    assert changed.status_code == 200
    assert changed.content == first.content and changed.headers["etag"] == etag
    weak = http.get(url, headers={"If-None-Match": 'W/"other"', "If-Modified-Since": modified})
    assert weak.status_code == 200
    # The client's tag: not modified, however old its date.
    old = formatdate(0, usegmt=True)
    same = http.get(url, headers={"If-None-Match": etag, "If-Modified-Since": old})
    assert same.status_code == 304 and same.content == b""
    page = http.get("/doc/organization/cndh", headers={"Accept": "text/html"})
    assert (
        http.get(
            "/doc/organization/cndh",
            headers={"Accept": "text/html", "If-None-Match": page.headers["etag"]},
        ).status_code
        == 304
    )


def test_every_subject_resolves(http, published_graph):
    subjects = {
        q.subject.value
        for q in published_graph.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if isinstance(q.subject, ox.NamedNode)
    }
    assert len(subjects) > 1000
    statuses = {200: 0, 303: 0}
    for iri in sorted(subjects):
        assert iri.startswith(BASE), iri
        path = iri[len(BASE) :].partition("#")[0]
        response = http.head("/" + quote(path), headers={"Accept": "application/n-triples"})
        # A thing (/id/...) redirects to the document about it; every other IRI of the graph
        # (the ontology's terms, named graphs, source texts) is a document itself.
        expected = 303 if path.startswith("id/") else 200
        assert response.status_code == expected, iri
        statuses[expected] += 1
    assert sum(statuses.values()) == len(subjects)
    assert statuses[303] > 1000 and statuses[200] > 50, statuses  # things; terms, sources
    # One of each kind of path, all the way to its description.
    kinds = {}
    for iri in sorted(subjects):
        path = iri[len(BASE) :].partition("#")[0]
        kinds.setdefault("/".join(path.split("/")[:2]), path)
    for path in kinds.values():
        response = http.get(
            "/" + quote(path), headers={"Accept": "application/n-triples"}, follow_redirects=True
        )
        assert response.status_code == 200, path
        if response.headers["content-type"] == "application/n-triples":
            assert parse_rdf(response.content, "application/n-triples")


def test_ontology_uses_hash_iris(http, published_dist):
    turtle = http.get("/def/kg", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert turtle.content == (published_dist / "ontology" / "kg.ttl").read_bytes()
    page = http.get("/def/kg", headers={"Accept": "text/html"})
    assert 'id="Campaign"' in page.text and 'id="locatedIn"' in page.text
    assert parse_rdf(http.get("/def/kg.nt").content, "application/n-triples")


def test_named_graphs_and_sources_resolve(http, published_graph, published_dist):
    graph = BASE + "graph/document/000"
    triples = parse_rdf(
        http.get("/graph/document/000", params={"format": "nt"}).content, "application/n-triples"
    )
    assert triples == {
        q.triple
        for q in published_graph.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    }
    source = next((published_dist / "sources").glob("000_*.txt"))
    text = http.get(f"/source/{source.name}")
    assert text.headers["content-type"] == "text/plain; charset=utf-8"
    assert text.content == source.read_bytes()
    described = http.get(f"/source/{source.name}", headers={"Accept": "text/turtle"})
    assert described.headers["content-type"].startswith("text/turtle")
    assert http.get("/.well-known/void").headers["location"] == "/dist/void.ttl"


# --------------------------------------------------------------------------------------------
# Pages and downloads
# --------------------------------------------------------------------------------------------


def test_home_page(http):
    page = http.get("/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert 'href="/id/organization/cndh"' in page.text
    assert "IOM Mexico Provides Assistance to Victims of Trafficking" in page.text
    assert "<svg" in page.text  # the victims-assisted series


def test_resource_page(http):
    page = http.get("/id/organization/cndh", headers={"Accept": "text/html"}, follow_redirects=True)
    text = page.text
    assert "<h1>National Human Rights Commission</h1>" in text
    assert 'href="/classes/org:Organization"' in text  # its type
    assert (
        "What the sources say" in text
        and "<mark>Mexico&#39;s National Human Rights Commission</mark>" in text
    )
    assert (
        "Referred to by" in text and 'href="/id/agreement/iom-cndh-cooperation-agreement"' in text
    )
    assert '<link rel="alternate" type="text/turtle" href="/doc/organization/cndh.ttl">' in text


def test_statistics_pages_have_charts(http):
    page = http.get("/doc/observation/000/victims-assisted").text
    assert (
        page.count('<svg class="chart"') == 3
    )  # two breakdowns (per cent, persons) and the series
    assert "Share of the 54 victims who were from Central America" in page
    assert 'href="/id/observation/000/victims-from-central-america"' in page
    series = http.get("/doc/concept/indicators/victims-assisted").text
    assert "more than 185" in series and "176" in series


def test_the_series_is_counted_in_the_index_before_its_query_runs(published_dist, monkeypatch):
    from kg.server import chartdata
    from kg.server.site import Site

    site = Site(published_dist)
    rows = site.series_rows()
    assert site.series_size() == len(rows) == 4  # the query's rows, one a figure
    text = Path(chartdata.__file__).parent.parent / "queries" / "victims-assisted-over-time.rq"
    values = text.read_text().split("VALUES ?indicatorNode {", 1)[1].split("}", 1)[0]
    assert sorted(re.findall(r"indicators/([a-z-]+)>", values)) == sorted(
        chartdata.SERIES_INDICATORS
    )
    # Past the bound, the query is never run: the pages say how many figures there are.
    monkeypatch.setattr(chartdata, "SERIES_MAX_FIGURES", 3)
    large = Site(published_dist)

    def not_run(*args, **kwargs):
        raise AssertionError("the series' query ran")

    monkeypatch.setattr(large.graph, "run", not_run)
    chart = large.series_chart()
    assert chart.svg == "" and chart.caption.startswith("4 figures: more than a chart")
    assert chart.link == "/query?example=victims-assisted-over-time"
    assert large.series_rows() == [] and large.series_members() == set()
    observation = "https://kg.example.org/id/observation/000/victims-assisted"
    assert all("more than a chart" not in c.caption for c in large.charts(observation))


def test_classes_and_members(http):
    index = http.get("/classes").text
    assert 'href="/classes/org:Organization"' in index
    members = http.get("/classes/org:Organization").text
    assert 'href="/id/organization/cndh"' in members
    assert http.get("/classes/org:Nothing").status_code == 404
    by_iri = http.get("/classes", params={"iri": "http://www.w3.org/ns/org#Organization"})
    assert by_iri.text == members


def test_search(http):
    found = http.get("/search", params={"q": "cndh", "format": "json"}).json()
    assert found[0]["iri"] == CNDH
    accents = http.get("/search", params={"q": "juarez", "format": "json"}).json()
    assert accents[0]["label"] == "Ciudad Juárez"
    page = http.get("/search", params={"q": "Tapachula"}).text
    assert 'href="/id/place/tapachula"' in page
    assert http.get("/search", params={"q": "zzzzzz", "format": "json"}).json() == []


def test_query_page_runs_named_queries(http):
    page = http.get("/query", params={"example": "victims-assisted-over-time"})
    assert page.status_code == 200
    assert "4 rows" in page.text and "IOM Mexico" in page.text
    bad = http.get("/query", params={"query": "SELECT * WHERE {"})
    assert bad.status_code == 400 and "SPARQL syntax error" in bad.text
    browser = http.get("/sparql", params={"query": ORGS}, headers={"Accept": "text/html"})
    assert browser.status_code == 200 and "National Human Rights Commission" in browser.text


def test_downloads(http, published_dist):
    page = http.get("/downloads").text
    sums = (published_dist / "SHA256SUMS").read_text().splitlines()
    for line in sums:
        digest, name = line.split("  ")
        assert f'href="/dist/{name}"' in page and digest in page
    triples = sum(
        1 for _ in ox.parse(path=str(published_dist / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    )
    assert f"{triples:,}" in page  # from VoID
    dump = http.get("/dist/kg.ttl")
    assert dump.headers["content-type"].startswith("text/turtle")
    digest = hashlib.sha256(dump.content).hexdigest()
    assert f"{digest}  kg.ttl" in sums
    assert (
        http.get("/dist/kg.ttl", headers={"If-None-Match": dump.headers["etag"]}).status_code == 304
    )
    assert http.get("/dist/../pyproject.toml").status_code == 404


# --------------------------------------------------------------------------------------------
# Plain functions and the command
# --------------------------------------------------------------------------------------------


def test_negotiation_rules():
    offered = ["text/html", "text/turtle"]
    assert conneg.negotiate(None, offered) == "text/html"
    assert conneg.negotiate("text/turtle", offered) == "text/turtle"
    assert conneg.negotiate("text/*;q=0.5, text/turtle", offered) == "text/turtle"
    assert conneg.negotiate("text/html;q=0, */*", offered) == "text/turtle"
    assert conneg.negotiate("image/png", offered) is None
    assert conneg.rdf_format("ttl") == "turtle" and conneg.rdf_format("rdf+xml") == "rdfxml"


def test_charts_are_valid_svg():
    bars = [charts.Bar("a & b", 80, "80 %", "/x"), charts.Bar("c", 13, "13 %")]
    for svg in (charts.bar_chart(bars, "t", 100), charts.column_chart(bars, "t", "persons")):
        root = ET.fromstring(str(svg))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) == 2


def test_serve_command_errors_are_one_line(published_dist, capsys, tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        assert main(["serve", "--dist", str(published_dist), "--port", str(port)]) == 1
    assert "cannot listen there" in capsys.readouterr().err
    assert main(["serve", "--dist", str(tmp_path), "--port", "0"]) == 1
    error = capsys.readouterr().err
    assert "no published graph here" in error and len(error.strip().splitlines()) == 1
