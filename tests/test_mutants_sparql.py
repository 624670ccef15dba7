"""Tests that kill the surviving mutants of the sparql module's sample (`make mutate
MODULES=sparql SAMPLE=...`, benchmarks/mutation.md): the SPARQL service's description, its
refusals of bad settings, the formats a `format=` parameter names, and a worker's answers, each
called in the test process (mutmut maps tests only to what that process calls)."""

from __future__ import annotations

import asyncio
import shutil
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.server import execution, sparql
from kg.server.execution import ResultWriter, execute
from kg.server.querypool import QueryPool, _open_graph
from kg.server.sparql import (
    CHUNK,
    QueryRequest,
    RowWindow,
    format_override,
    json_table,
    service_description,
)
from kg.store.query import PublishedGraph

SD = "http://www.w3.org/ns/sparql-service-description#"
A = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
TRIPLES = "http://rdfs.org/ns/void#triples"
FORMATS = "http://www.w3.org/ns/formats/"
LIMIT = 16 * 1024 * 1024


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def test_the_service_description_is_every_triple_it_should_be():
    endpoint, dataset = "https://kg.example.org/sparql", "https://kg.example.org/void#dataset"
    pool = SimpleNamespace(time_limit=2.5, max_result_bytes=1234567)
    got = service_description(endpoint, dataset, {"urn:b": 2, "urn:a": 7}, 9, pool, "Zorvan")
    service, ds = _n(endpoint), _n(dataset)
    default, named = (
        _n(endpoint + "#default-graph"),
        [_n(f"{endpoint}#named-graph-{n}") for n in (0, 1)],
    )
    graphs = [_n(f"{endpoint}#graph-{n}") for n in (0, 1)]
    formats = [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ]
    expected = {
        (service, _n(A), _n(SD + "Service")),
        (service, _n(SD + "endpoint"), service),
        (service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        (service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        (service, _n(SD + "defaultDataset"), ds),
        *((service, _n(SD + "resultFormat"), _n(FORMATS + f)) for f in formats),
        (
            service,
            _n(COMMENT),
            ox.Literal(
                "Read-only: SPARQL Update and SERVICE are refused. Each query may run 2.5 s and "
                "return 1,234,567 bytes at most.",
                language="en",
            ),
        ),
        (ds, _n(A), _n(SD + "Dataset")),
        (ds, _n(SD + "defaultGraph"), default),
        (default, _n(A), _n(SD + "Graph")),
        (default, _n(TRIPLES), ox.Literal(9)),
        (
            default,
            _n(COMMENT),
            ox.Literal("The RDF merge of all the named graphs.", language="en"),
        ),
        (ds, _n("http://purl.org/dc/terms/title"), ox.Literal("Zorvan", language="en")),
    }
    for number, (name, size) in enumerate((("urn:a", 7), ("urn:b", 2))):
        expected |= {
            (ds, _n(SD + "namedGraph"), named[number]),
            (named[number], _n(A), _n(SD + "NamedGraph")),
            (named[number], _n(SD + "name"), _n(name)),
            (named[number], _n(SD + "graph"), graphs[number]),
            (graphs[number], _n(A), _n(SD + "Graph")),
            (graphs[number], _n(TRIPLES), ox.Literal(size)),
        }
    assert {(t.subject, t.predicate, t.object) for t in got} == expected
    assert len(got) == len(expected)


def test_the_service_description_without_a_pool_or_title():
    got = service_description("urn:e", "urn:d", {}, 0)
    comments = [t.object for t in got if t.predicate == _n(COMMENT) and t.subject == _n("urn:e")]
    assert comments == [
        ox.Literal("Read-only: SPARQL Update and SERVICE are refused.", language="en")
    ]
    assert not [t for t in got if t.predicate == _n("http://purl.org/dc/terms/title")]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"workers": 0}, "--workers: at least one worker is needed"),
        ({"time_limit": 0}, "--query-timeout: the time limit must be positive"),
        ({"max_result_bytes": 0}, "--max-result-size: the size limit must be positive"),
        ({"memory_limit": 16 * 2**20 - 1}, "--worker-memory: give a query at least 16 MiB"),
        ({"worker_recycle": -1}, "--worker-recycle: the memory cannot be negative"),
        ({"queue_size": -1}, "--queue: the queue cannot be negative"),
        ({"queue_wait": 0}, "--queue-wait: the wait must be positive"),
        ({"per_client": 0}, "--per-client: a client must be able to run one query"),
        ({}, "kg serve: give the published folder or a store"),
    ],
)
def test_a_pool_refuses_each_bad_setting_with_its_option(setting, message):
    with pytest.raises(KgError) as caught:
        QueryPool(None, **setting)
    assert str(caught.value) == message


def test_the_formats_a_format_parameter_names():
    assert format_override(["JSON"]) == ("json", "jsonld")
    assert format_override([" ttl "]) == (None, "turtle")
    assert format_override(["text/csv; charset=utf-8"]) == ("csv", None)
    assert format_override(["application/json"]) == ("json", "jsonld")
    assert format_override(["text/turtle;q=1"]) == (None, "turtle")
    # values not understood are passed over; the first understood wins
    assert format_override(["html", "application/n-triples", "csv"]) == (None, "ntriples")
    assert format_override(["html", "text/html"]) is None
    assert format_override([]) is None


def test_a_pool_refuses_every_query_once_closed(published_dist):
    pool = QueryPool(published_dist, 1, 5.0)
    pool.wait_ready()  # not stopped while it loads the graph
    try:
        assert pool.refusal("client") is None
    finally:
        pool.close()
    closed = pool.refusal("client")
    assert (closed.status, closed.message) == (503, "Service Unavailable: the endpoint is stopping")
    refused_job = pool.submit(QueryRequest("ASK {}"), "client")
    assert (refused_job.status, refused_job.message) == (
        503,
        "Service Unavailable: the endpoint is stopping",
    )


def test_a_worker_opens_the_published_folder_it_is_given(published_dist):
    graph = _open_graph(("dist", str(published_dist)))
    assert isinstance(graph, PublishedGraph)
    assert graph.store.query("ASK { ?s a schema:NewsArticle }", prefixes=graph.prefixes)


def test_a_failure_while_writing_the_result_is_the_query_s_with_its_reason(
    published_graph, monkeypatch
):
    class FullDisk(execution.ResultWriter):
        def write(self, data) -> int:
            raise OSError("No space left on device")

    monkeypatch.setattr(execution, "ResultWriter", FullDisk)
    construct = "CONSTRUCT { ?d a schema:NewsArticle } WHERE { ?d a schema:NewsArticle }"
    answer = execute(published_graph, QueryRequest(construct), LIMIT)
    assert (answer.status, answer.message) == (500, "The query failed: No space left on device")


def test_a_graph_result_is_written_with_the_published_prefixes(published_graph):
    construct = "CONSTRUCT { ?d a schema:NewsArticle } WHERE { ?d a schema:NewsArticle }"
    answer = execute(published_graph, QueryRequest(construct), LIMIT)
    assert answer.status == 200
    body = answer.body.decode()
    assert "@prefix schema: <https://schema.org/> ." in body
    assert body.count("a schema:NewsArticle") == 5


def test_a_page_of_rows_is_a_select_and_a_page_too_large_is_refused(published_graph):
    query = "SELECT ?d WHERE { ?d a schema:NewsArticle } ORDER BY ?d"
    page = execute(published_graph, QueryRequest(query, window=RowWindow(1, 2, 100)), LIMIT)
    assert (page.status, page.form, page.total) == (200, "select", 5)
    assert len(json_table(page.body)[1]) == 2
    tiny = execute(published_graph, QueryRequest(query, window=RowWindow(1, 2, 100)), 20)
    assert tiny.status == 500
    assert tiny.message == (
        "Refused: this page of the result is larger than the size limit of 20 bytes; ask for "
        "fewer rows a page (limit=)"
    )


def test_a_writer_hands_on_whole_chunks_and_keeps_the_rest():
    emitted = []

    def emit(part) -> None:
        emitted.append(part)
        assert len(emitted) <= 3, "more than the start and two chunks handed on"

    writer = ResultWriter(10 * CHUNK, emit, ("text/csv", "select"))
    data = bytes(range(256)) * (CHUNK * 5 // 2 // 256)  # two and a half chunks
    assert writer.write(data) == len(data)
    assert emitted == [
        ("start", "text/csv", "select"),
        ("chunk", data[:CHUNK]),
        ("chunk", data[CHUNK : 2 * CHUNK]),
    ]
    assert writer.getvalue() == data[2 * CHUNK :]


def test_a_large_result_is_handed_on_as_it_is_written(published_graph):
    emitted = []
    query = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 20000"
    answer = execute(
        published_graph, QueryRequest(query, results_format="tsv"), LIMIT, emit=emitted.append
    )
    assert answer.status == 200
    assert emitted[0] == ("start", "text/tab-separated-values; charset=utf-8", "select")
    chunks = [part[1] for part in emitted[1:]]
    assert chunks and all(len(chunk) == CHUNK for chunk in chunks)
    whole = b"".join(chunks) + answer.body
    assert whole.count(b"\n") == 20001  # the header and a line a row


def test_a_client_with_its_share_running_and_waiting_is_refused(published_dist):
    pool = QueryPool(published_dist, 1, 5.0)  # one query a client at once, and one waiting
    pool.wait_ready()
    try:
        with pool._cond:
            pool._running["busy client"] = 2
        refused = pool.submit(QueryRequest("ASK {}"), "busy client")
        assert (refused.status, refused.message, refused.headers) == (
            429,
            "Too Many Requests: this client has 2 queries in flight; at most 1 run at once per "
            "client",
            {"Retry-After": "5"},
        )
        assert pool.refusal("another client") is None
    finally:
        with pool._cond:
            pool._running.clear()
        pool.close()


ROWS = "SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} ORDER BY ?s ?p ?o LIMIT {}"


def test_an_answer_past_the_hold_is_streamed_to_its_end(
    published_dist, published_graph, monkeypatch
):
    """HOLD lowered to two chunks: 4,000 rows (about 2.5 chunks) are held and answered whole,
    as they reach the hold but do not pass it; all the rows (about 6.4) are streamed, to the
    end, the same bytes as the query run in this process gives."""
    monkeypatch.setattr(sparql, "HOLD", 2 * CHUNK)
    pool = QueryPool(published_dist, 1, 30.0, queue_wait=30.0)
    pool.wait_ready()  # its worker has loaded the graph: no wait in the queue counts

    async def ask(rows: int):
        answer = await pool.answer(QueryRequest(ROWS.format(rows), results_format="tsv"))
        if answer.stream is None:
            return answer, answer.body
        return answer, b"".join([chunk async for chunk in answer.stream.chunks()])

    try:
        held, body = asyncio.run(asyncio.wait_for(ask(4000), 60))
        assert (held.status, held.stream, body.count(b"\n")) == (200, None, 4001)
        assert 2 * CHUNK < len(body) < 3 * CHUNK
        streamed, body = asyncio.run(asyncio.wait_for(ask(20000), 60))
        assert (streamed.status, streamed.form) == (200, "select")
        assert streamed.media_type == "text/tab-separated-values; charset=utf-8"
        assert streamed.stream is not None
        whole = execute(
            published_graph, QueryRequest(ROWS.format(20000), results_format="tsv"), LIMIT
        )
        assert len(body) > 6 * CHUNK and body == whole.body
    finally:
        pool.close()


def test_a_worker_that_could_not_load_the_graph_is_started_again(published_dist, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    pool = QueryPool(dist, 1, 10.0, queue_wait=30.0)
    try:
        with pytest.raises(KgError, match="a query worker (could not load the graph|stopped)"):
            pool.wait_ready()  # nothing published there yet
        shutil.copytree(published_dist, dist, dirs_exist_ok=True)
        answer = asyncio.run(pool.answer(QueryRequest("ASK { ?s a schema:NewsArticle }")))
        assert (answer.status, json_table(answer.body)[2]) == (200, True)
    finally:
        pool.close()
