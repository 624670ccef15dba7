"""`kg serve` from a persistent store shared by its workers (issue 21): the store of a publish
loaded once and switched whole, several processes reading it at once, answers streamed past
what the server holds and cut past the size limit, the query page's window of rows."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import shutil
import subprocess
import sys
import threading

import httpx
import pytest

from conftest import _serving
from kg.cli import main
from kg.errors import KgError
from kg.server import sparql
from kg.server.execution import execute
from kg.server.querypool import AnswerCut, QueryPool
from kg.server.sparql import QueryRequest, RowWindow, json_table
from kg.store.embedded import (
    EXAMPLE_CLASS,
    META_FILE,
    STORE_FORMAT,
    StoreGraph,
    class_counts,
    default_store,
    load,
    served_store,
    up_to_date,
)

BASE = "https://kg.example.org/"
EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture
def dist(published_dist, tmp_path):
    """A copy of the publish, which a test may publish "again" (change its SHA256SUMS)."""
    copy = tmp_path / "dist"
    shutil.copytree(published_dist, copy)
    return copy


def generations(path):
    return sorted(p.name for p in path.with_name(path.name + ".generations").iterdir())


# --------------------------------------------------------------------------------------------
# The store of a publish: loaded once, switched whole, removed once nobody has it open
# --------------------------------------------------------------------------------------------


def test_the_store_of_a_publish_is_loaded_once_and_again_after_the_next_publish(dist):
    path, figures = served_store(dist)
    assert path == dist.with_name("dist.store") == default_store(dist)
    assert path.is_symlink() and figures["graphs"] == 7
    first = os.readlink(path)
    meta = json.loads((path / META_FILE).read_text())
    assert meta["format"] == STORE_FORMAT and meta["dist"] == str(dist.resolve())
    # What the site reads at start-up instead of scanning the store: the members of each
    # class and the banner's example, as counted in the store.
    opened = StoreGraph(path)
    assert opened.class_counts() == class_counts(opened.store)
    assert opened.class_counts()["http://www.w3.org/ns/org#Organization"] > 0
    assert meta["examples"] == {EXAMPLE_CLASS: BASE + "id/organization/iom"}
    del opened
    # Up to date: not loaded again.
    assert served_store(dist) == (path, None)
    assert os.readlink(path) == first
    # Another publish (its SHA256SUMS differ): loaded again into a new generation, and the
    # previous one, which nobody has open, removed.
    sums = dist / "SHA256SUMS"
    sums.write_text(sums.read_text() + "0" * 64 + "  another-file\n")
    assert not up_to_date(path, dist)
    _, again = served_store(dist)
    assert again is not None and os.readlink(path) != first
    assert generations(path) == sorted(["build.lock", os.path.basename(os.readlink(path))])


def test_a_store_of_an_earlier_format_is_loaded_again(dist):
    path, _ = served_store(dist)
    meta = json.loads((path / META_FILE).read_text())
    del meta["format"]
    (path / META_FILE).write_text(json.dumps(meta))
    assert served_store(dist)[1] is not None
    assert json.loads((path / META_FILE).read_text())["format"] == STORE_FORMAT


def test_a_store_in_use_is_kept_until_nobody_has_it_open(dist):
    path, _ = served_store(dist)
    serving = StoreGraph(path)  # as a server holds it
    before = serving.location
    quads = len(serving.store)
    load(dist, path)
    assert serving.location.is_dir() and path.resolve() != before
    # The server goes on reading the store it opened, whole.
    assert len(serving.store) == quads
    assert serving.run("places-within-states").rows
    del serving
    gc.collect()
    load(dist, path)
    assert not before.exists()
    assert len(generations(path)) == 2  # build.lock and the store path points at


def test_readers_opening_the_store_while_it_is_loaded_again_find_one_store_whole(dist, tmp_path):
    """A load writes a new folder and then switches the link: a reader finds the previous
    store or the next one, each whole (its quads as its kg-store.json counts them), never a
    store being written (which Oxigraph's read-only mode does not allow)."""
    smaller = tmp_path / "smaller"
    shutil.copytree(dist, smaller)
    nq = smaller / "kg.nq"
    nq.write_text(
        "".join(
            line
            for line in nq.read_text().splitlines(keepends=True)
            if "graph/document/004>" not in line
        )
    )
    expected = set()
    for source in (dist, smaller):
        load(source, tmp_path / f"store-{source.name}")
        expected.add(len(StoreGraph(tmp_path / f"store-{source.name}").store))
    assert len(expected) == 2
    path = tmp_path / "store"
    load(dist, path)
    counts = set()
    errors = []

    def loads() -> None:
        try:
            for source in (smaller, dist, smaller):
                load(source, path)
        except BaseException as exc:  # reported below
            errors.append(exc)

    loader = threading.Thread(target=loads)
    loader.start()
    while loader.is_alive() or not counts:
        graph = StoreGraph(path)
        meta = graph.meta
        count = len(graph.store)
        assert count == meta["triples"] + sum(meta["graphs"].values())
        counts.add(count)
        del graph
    loader.join()
    assert not errors
    assert counts <= expected


def test_several_processes_read_one_store_at_once(published_store):
    program = (
        "import sys; from kg.store.embedded import StoreGraph; g = StoreGraph(sys.argv[1]); "
        "import time; time.sleep(1); print(len(g.store), len(g.run('places-within-states').rows))"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", program, str(published_store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    expected = f"{len(StoreGraph(published_store).store)} 4"
    assert [out.strip() for out, _ in outputs] == [expected] * 4


def test_a_store_made_before_generations_is_replaced_by_a_link(dist, tmp_path):
    made = tmp_path / "made"
    load(dist, made)
    earlier = tmp_path / "earlier"
    shutil.copytree(made.resolve(), earlier)  # a store folder as kg load made them before
    serving = StoreGraph(earlier)
    quads = len(serving.store)
    load(dist, earlier)
    assert earlier.is_symlink() and len(StoreGraph(earlier).store) == quads
    # The folder was moved among the generations, and is kept while it is open.
    (kept,) = (earlier.with_name("earlier.generations")).glob("earlier-*/store")
    assert kept.is_dir() and len(serving.store) == quads
    del serving
    gc.collect()
    load(dist, earlier)
    assert not kept.exists()


# --------------------------------------------------------------------------------------------
# kg serve
# --------------------------------------------------------------------------------------------


def test_kg_serve_serves_the_store_of_the_publish_by_default(dist, tmp_path):
    from kg.server.app import prepare

    running = prepare(dist, port=0, workers=1)
    try:
        site = running.server.site
        assert site.from_store and site.graph.path == default_store(dist)
        assert running.notes()[0].startswith(f"{dist}/ loaded into its store {dist}.store: ")
        assert f"triples from {dist}/ (its store {dist}.store);" in running.banner()
        assert "/id/organization/iom" in running.banner()
        # The workers open the generation the site opened.
        assert running.server.pool.source == ("store", str(site.graph.location))
    finally:
        running.close()
    running = prepare(dist, port=0, workers=1)
    try:
        assert running.loaded is None and running.notes() == []
    finally:
        running.close()
    other = tmp_path / "other"
    shutil.copytree(dist, other)
    running = prepare(other, port=0, workers=1, memory=True)
    try:
        assert f"triples from {other}/ (in memory);" in running.banner()
        assert not default_store(other).exists()
    finally:
        running.close()


def test_memory_and_a_store_are_one_choice(capsys):
    assert main(["serve", "--memory", "--store", "somewhere", "--port", "0"]) == 2
    assert "give --memory or --store, not both" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# Answers: a window of rows, streamed answers, cuts
# --------------------------------------------------------------------------------------------


def test_a_window_is_the_rows_of_one_page_and_the_count_of_all(published_graph):
    ordered = EVERYTHING + " ORDER BY ?s ?p ?o"
    whole = json_table(execute(published_graph, QueryRequest(ordered), 10**9).body)[1]
    window = RowWindow(page=3, limit=7, cells=1000)
    answer = execute(published_graph, QueryRequest(ordered, window=window), 10**9)
    assert answer.status == 200 and answer.total == len(whole)
    assert json_table(answer.body)[1] == whole[14:21]
    # Many columns: fewer rows a page (at most `cells` cells).
    narrow = execute(published_graph, QueryRequest(ordered, window=RowWindow(2, 7, 10)), 10**9)
    assert json_table(narrow.body)[1] == whole[3:6] and narrow.total == len(whole)
    # Past the last page: no rows, and the count, for the page to say which is the last.
    past = execute(published_graph, QueryRequest(ordered, window=RowWindow(10**6, 7, 99)), 10**9)
    assert json_table(past.body)[1] == [] and past.total == len(whole)
    # The size limit applies to the page asked for, not to the whole result.
    assert execute(published_graph, QueryRequest(ordered), 10_000).status == 500
    small = execute(published_graph, QueryRequest(ordered, window=window), 10_000)
    assert small.status == 200 and json_table(small.body)[1] == whole[14:21]
    big = execute(published_graph, QueryRequest(ordered, window=RowWindow(1, 1000, 10**6)), 10_000)
    assert big.status == 500
    assert "this page of the result is larger than the size limit of 10,000 bytes" in big.message
    assert "fewer rows a page (limit=)" in big.message


def test_a_refusal_for_size_says_where_to_get_the_result_in_pages(published_graph):
    answer = execute(published_graph, QueryRequest(EVERYTHING), 1000)
    assert answer.message.startswith("Refused: the result is larger than the size limit of 1,000")
    for pointer in (
        "LIMIT and OFFSET",
        "/query?query=",
        "&page=",
        "kg query --limit",
        "/downloads",
    ):
        assert pointer in answer.message


def _answer(pool: QueryPool, request: QueryRequest, **options):
    """The answer of the pool and its body, read as a client reads it: (answer, body, cut)."""

    async def run():
        answer = await pool.answer(request, **options)
        if answer.stream is None:
            return answer, answer.body, None
        chunks = []
        try:
            async for chunk in answer.stream.chunks():
                chunks.append(chunk)
        except AnswerCut as cut:
            return answer, b"".join(chunks), cut
        return answer, b"".join(chunks), None

    return asyncio.run(run())


@pytest.fixture
def small_hold(monkeypatch):
    """The server holds 300,000 bytes of an answer (16 MiB otherwise): the seed graph's
    triples (about 2.5 MB of SPARQL JSON) are then streamed."""
    monkeypatch.setattr(sparql, "HOLD", 300_000)


def test_an_answer_larger_than_the_server_holds_is_streamed_whole(published_store, small_hold):
    whole = execute(StoreGraph(published_store), QueryRequest(EVERYTHING), 10**9).body
    assert len(whole) > 2 * sparql.CHUNK + sparql.HOLD
    pool = QueryPool(None, 1, 30.0, 10**9, published_store)
    try:
        answer, body, cut = _answer(pool, QueryRequest(EVERYTHING))
        assert answer.status == 200 and answer.stream is not None and cut is None
        assert body == whole
        # A smaller answer is still held whole, and the worker serves the next query.
        small = _answer(pool, QueryRequest("ASK {}"))[0]
        assert small.stream is None and json_table(small.body)[2] is True
    finally:
        pool.close()


def test_an_answer_for_the_query_page_is_held_whole(published_store, small_hold):
    """The query page reads an answer's body (`stream=False`): a CONSTRUCT larger than the
    server holds was streamed to it, and it showed an empty result."""
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    whole = execute(StoreGraph(published_store), QueryRequest(construct), 10**9).body
    assert len(whole) > sparql.HOLD
    pool = QueryPool(None, 1, 30.0, 10**9, published_store)
    try:
        answer = _answer(pool, QueryRequest(construct), stream=False)[0]
        assert answer.status == 200 and answer.stream is None and answer.body == whole
    finally:
        pool.close()


def test_a_streamed_answer_past_the_size_limit_is_cut_saying_why(published_store, small_hold):
    whole = execute(StoreGraph(published_store), QueryRequest(EVERYTHING), 10**9).body
    pool = QueryPool(None, 1, 30.0, 1_000_000, published_store)
    try:
        answer, body, cut = _answer(pool, QueryRequest(EVERYTHING))
        assert answer.status == 200 and cut is not None
        said = b"\n\nkg serve: the answer is cut here: Refused: the result is larger than the size "
        start = body.index(said)
        assert sparql.HOLD < start <= 1_000_000 and whole.startswith(body[:start])
        assert "size limit of 1,000,000 bytes" in str(cut)
    finally:
        pool.close()


def test_a_streamed_answer_that_runs_out_of_time_is_cut(published_store, small_hold):
    """Every triple (streamed: more than the server holds), then a scan of every pair of
    triples that finds nothing, past the time limit."""
    slow = (
        "SELECT ?s ?p ?o WHERE { { ?s ?p ?o } UNION "
        '{ ?s ?p ?o . ?a ?b ?c FILTER(STR(?o) = CONCAT(STR(?c), "#")) } }'
    )
    pool = QueryPool(None, 1, 3.0, 10**9, published_store)
    try:
        answer, body, cut = _answer(pool, QueryRequest(slow))
        assert answer.status == 200 and cut is not None
        assert str(cut).startswith("Refused: the query ran longer than the time limit of 3 s")
        assert body.endswith(f"\n\nkg serve: the answer is cut here: {cut}\n".encode())
        # The worker was replaced: the next query is answered.
        assert json_table(_answer(pool, QueryRequest("ASK {}"))[0].body)[2] is True
    finally:
        pool.close()


# Eight values for each triple of the graph: about 27 MB of SPARQL JSON, more than the
# server holds (16 MiB), so that it is streamed over HTTP.
LARGE = (
    "SELECT ?s ?p ?o ?a WHERE { ?s ?p ?o VALUES ?a { "
    + " ".join(f'"{"x" * 40}{n}"' for n in range(8))
    + " } }"
)


@pytest.fixture(scope="module")
def streaming_server(published_dist, tmp_path_factory):
    """kg serve with a size limit between what it holds and LARGE's answer."""
    yield from _serving(
        ["--dist", str(published_dist), "--max-result-size", "20000000"]
        + ["--query-timeout", "60", "--queue-wait", "5"],
        tmp_path_factory,
    )


def test_over_http_a_streamed_answer_past_the_limit_ends_without_its_end(streaming_server):
    received = b""
    with httpx.Client(base_url=streaming_server, timeout=120) as http:
        with (
            pytest.raises(httpx.RemoteProtocolError),
            http.stream(
                "GET",
                "/sparql",
                params={"query": LARGE},
                headers={"Accept": "application/sparql-results+json"},
            ) as response,
        ):
            assert response.status_code == 200
            assert response.headers["transfer-encoding"] == "chunked"
            for chunk in response.iter_bytes():
                received += chunk
        assert len(received) > sparql.HOLD
        assert received.rstrip().endswith(
            b"the result is larger than the size limit of 20,000,000 bytes; ask for it a page "
            b"at a time: LIMIT and OFFSET in the query, the query page "
            b"(/query?query=...&page=N&limit=M), a named query's pages "
            b"(/queries/NAME?page=N&limit=M), `kg query --limit N --offset M`, or download "
            b"the dumps from /downloads"
        )
        # A page of the same result is answered.
        page = http.get("/query", params={"query": LARGE, "page": "2", "limit": "100"})
        assert page.status_code == 200
        assert "/query?query=" in page.headers["link"] and 'rel="next"' in page.headers["link"]


def test_the_query_page_shows_a_page_of_a_result_the_endpoint_refuses(kg_server):
    with httpx.Client(base_url=kg_server, timeout=60) as http:
        refused = http.get("/sparql", params={"query": EVERYTHING})
        assert refused.status_code == 500 and "a page at a time" in refused.text
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        rows = http.get("/sparql", params={"query": count, "format": "json"}).json()
        triples = int(rows["results"]["bindings"][0]["n"]["value"])
        page = http.get("/query", params={"query": EVERYTHING, "page": "3", "limit": "50"})
        assert page.status_code == 200
        assert f"{triples:,} rows" in page.text
        assert 'rel="last"' in page.headers["link"]
        assert page.text.count("<tr") - 1 == 50  # the header row, then the page's rows


def test_a_verdict_of_the_guard_is_kept_for_the_same_text_only(published_graph, monkeypatch):
    from kg.server import guard

    calls = []
    check = guard.check
    monkeypatch.setattr(guard, "check", lambda *a: calls.append(a[0]) or check(*a))
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } # kept"
    for _ in range(2):
        answer = execute(published_graph, QueryRequest(service), 10**6)
        assert answer.status == 500 and "SERVICE (federated query) is not allowed" in answer.message
    # Texts that differ only in characters an encoder might fold together are checked apart.
    for text in ("ASK { } # \ud800", "ASK { } # \udfff", "ASK { } # ?"):
        execute(published_graph, QueryRequest(text), 10**6)
    assert calls == [service, "ASK { } # \ud800", "ASK { } # \udfff", "ASK { } # ?"]


def _worker_pids(pool) -> set[int]:
    return {worker.process.pid for worker in pool._workers}


@pytest.mark.parametrize(("recycle", "replaced"), [(1, True), (0, False), (2**30, False)])
def test_a_worker_grown_past_its_share_is_replaced_after_its_answer(
    published_store, recycle, replaced
):
    """A worker that holds `worker_recycle` bytes more than when it was ready (every query's
    answer of the whole graph grows it by more than a byte) is replaced after answering; with
    0 (never) or a share it does not reach, the same worker answers the next query."""
    pool = QueryPool(None, 1, 30.0, 10**9, published_store, worker_recycle=recycle)
    try:
        pool.wait_ready()
        before = _worker_pids(pool)
        first = _answer(pool, QueryRequest(EVERYTHING))[0]
        assert first.status == 200
        second = _answer(pool, QueryRequest("ASK {}"))[0]
        assert json_table(second.body)[2] is True
        assert (_worker_pids(pool) != before) is replaced
    finally:
        pool.close()


def test_a_negative_share_of_memory_is_refused(published_store):
    with pytest.raises(KgError, match="the memory cannot be negative"):
        QueryPool(None, 1, 30.0, 10**9, published_store, worker_recycle=-1)
