"""The answers `/sparql` keeps (kg.server.answers), over real HTTP: a query asked again is
answered from memory without a worker, by the key of everything its bytes depend on, within
bounds; only complete answers are kept; a query asked while the same query runs waits for that
run; ETag and 304; a refused query stays refused; a store switched to another generation never
gets an answer of the previous one."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import threading
import time

import httpx
import pytest
import uvicorn

from kg.cli import main
from kg.errors import KgError
from kg.server.answers import ENTRY_OVERHEAD, AnswerCache, AnswerKey, KeptAnswer, complete
from kg.server.app import prepare
from kg.server.querypool import QueryPool
from kg.server.site import Site
from kg.server.sparql import Answer, QueryRequest
from kg.store.embedded import load

JSON = {"Accept": "application/sparql-results+json"}
XML = {"Accept": "application/sparql-results+xml"}
ORGANIZATIONS = (
    "SELECT ?o WHERE { ?o a <http://www.w3.org/ns/org#Organization> } ORDER BY ?o LIMIT 5"
)
# Every triple three times over: far past the time limit of the server below.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }"
TIME_LIMIT = 2.0


def sized(n: int) -> str:
    """A query whose answer is a little more than `n` bytes of SPARQL JSON."""
    return f'SELECT ?x WHERE {{ VALUES ?x {{ "{"x" * n}" }} }}'


@contextlib.contextmanager
def serving(**options):
    """`kg serve` in this process (a thread runs uvicorn on the bound port), one worker, so
    that a test can count what reaches the workers: yields (server, address, submitted), the
    last the query texts given to a worker."""
    running = prepare(port=0, workers=1, time_limit=TIME_LIMIT, queue_wait=10.0, **options)
    server = running.server
    submitted: list[str] = []
    submit = server.pool.submit

    def counted(request, *args, **kwargs):
        submitted.append(request.query)
        return submit(request, *args, **kwargs)

    server.pool.submit = counted
    web = uvicorn.Server(uvicorn.Config(server.app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=web.run, kwargs={"sockets": [running.listener]})
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not web.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
            time.sleep(0.05)
        yield server, running.address, submitted
    finally:
        web.should_exit = True
        thread.join(30)
        running.close()


@pytest.fixture(scope="module")
def served(published_store):
    with serving(store=published_store) as started:
        yield started


@pytest.fixture
def endpoint(served):
    """The module's server with an empty cache of the default bounds, and what was given to a
    worker since: (server, http client, submitted)."""
    server, address, submitted = served
    server.answers = AnswerCache()
    submitted.clear()
    with httpx.Client(base_url=address, timeout=60) as http:
        yield server, http, submitted


def test_the_same_query_twice_is_answered_once(endpoint):
    server, http, submitted = endpoint
    first = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    assert first.status_code == 200 and len(first.json()["results"]["bindings"]) == 5
    assert first.headers["server-timing"].startswith("query;dur=")
    second = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    assert second.status_code == 200 and second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["server-timing"] == 'cache;desc="hit"'
    assert second.headers["vary"].startswith("Accept")
    # Both POSTs ask the same: the same answer, kept.
    form = http.post("/sparql", data={"query": ORGANIZATIONS}, headers=JSON)
    body = http.post(
        "/sparql",
        content=ORGANIZATIONS,
        headers={**JSON, "Content-Type": "application/sparql-query"},
    )
    assert form.content == body.content == first.content
    assert submitted == [ORGANIZATIONS]
    assert (server.answers.hits, server.answers.misses, len(server.answers)) == (3, 1, 1)


def test_each_part_of_the_request_the_bytes_depend_on_is_another_answer(endpoint):
    server, http, submitted = endpoint
    json_answer = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    xml_answer = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=XML)
    assert xml_answer.status_code == 200 and xml_answer.content != json_answer.content
    assert xml_answer.headers["content-type"].startswith("application/sparql-results+xml")
    # The same formats, however asked for: the same answer.
    as_xml = http.get("/sparql", params={"query": ORGANIZATIONS}, headers={"Accept": "text/xml"})
    assert as_xml.content == xml_answer.content
    assert submitted == [ORGANIZATIONS] * 2
    # Another text (one space more), another dataset: asked of a worker.
    http.get("/sparql", params={"query": ORGANIZATIONS + " "}, headers=JSON)
    graph = "https://kg.example.org/graph/inferred"
    scoped = http.get(
        "/sparql", params={"query": ORGANIZATIONS, "default-graph-uri": graph}, headers=JSON
    )
    assert scoped.status_code == 200 and scoped.content != json_answer.content
    named = http.get(
        "/sparql", params={"query": ORGANIZATIONS, "named-graph-uri": graph}, headers=JSON
    )
    assert named.status_code == 200
    assert len(submitted) == 5 and len(server.answers) == 5


def test_an_answer_over_the_size_bound_is_not_kept_but_its_tag_is(endpoint):
    server, http, submitted = endpoint
    server.answers = AnswerCache(max_answer=1000)
    small, large = sized(100), sized(2000)
    for query in (small, small, large, large):
        assert http.get("/sparql", params={"query": query}, headers=JSON).status_code == 200
    assert submitted == [small, large, large]
    tag = http.get("/sparql", params={"query": large}, headers=JSON).headers["etag"]
    again = http.get("/sparql", params={"query": large}, headers={**JSON, "If-None-Match": tag})
    assert again.status_code == 304 and submitted == [small, large, large, large]


def test_the_bound_of_bytes_lets_the_least_recently_used_answer_go(endpoint):
    server, http, submitted = endpoint
    queries = [sized(1000 + n) for n in range(3)]
    first = http.get("/sparql", params={"query": queries[0]}, headers=JSON)
    cost = len(first.content) + len(first.headers["content-type"]) + ENTRY_OVERHEAD
    server.answers = AnswerCache(max_bytes=2 * cost + 100)
    submitted.clear()
    for number in (0, 1, 0, 2):  # 0 used again, so 1 is the least recently used
        http.get("/sparql", params={"query": queries[number]}, headers=JSON)
    assert submitted == [queries[0], queries[1], queries[2]]
    assert server.answers.size <= server.answers.max_bytes and len(server.answers) == 2
    for number in (0, 2, 1):
        http.get("/sparql", params={"query": queries[number]}, headers=JSON)
    assert submitted == [queries[0], queries[1], queries[2], queries[1]]


def test_a_cache_of_no_bytes_keeps_nothing(endpoint):
    server, http, submitted = endpoint
    server.answers = AnswerCache(0)
    for _ in range(2):
        assert http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON).is_success
    assert submitted == [ORGANIZATIONS] * 2 and len(server.answers) == 0


@contextlib.contextmanager
def runs_held(server):
    """Hold every query that reaches the pool until the yielded event is set."""
    gate = threading.Event()
    answer = server.pool.answer

    async def held(*args, **kwargs):
        while not gate.is_set():
            await asyncio.sleep(0.01)
        return await answer(*args, **kwargs)

    server.pool.answer = held
    try:
        yield gate
    finally:
        gate.set()
        del server.pool.answer


def until(condition, what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def asked_together(server, http, query: str, second: dict | None = None) -> list[httpx.Response]:
    """`query` asked by two clients, the second (with the headers `second` too) while the
    first one's run is held: their answers."""
    threads = []
    answers: list[httpx.Response] = [None, None]

    def ask(number: int) -> None:
        headers = {**JSON, **(second or {})} if number else JSON
        with httpx.Client(base_url=http.base_url, timeout=60) as own:
            answers[number] = own.get("/sparql", params={"query": query}, headers=headers)

    with runs_held(server) as gate:
        threads.append(threading.Thread(target=ask, args=(0,)))
        threads[0].start()
        until(lambda: server.answers._running, "the first run did not start")
        threads.append(threading.Thread(target=ask, args=(1,)))
        threads[1].start()
        until(lambda: server.answers.waits == 1, "the second request did not wait")
        gate.set()
        for thread in threads:
            thread.join(60)
    return answers


def test_a_query_asked_while_it_runs_waits_for_that_run(endpoint):
    server, http, submitted = endpoint
    first, second = asked_together(server, http, ORGANIZATIONS)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content and len(first.json()["results"]["bindings"]) == 5
    assert second.headers["server-timing"] == 'cache;desc="hit"'
    assert submitted == [ORGANIZATIONS] and not server.answers._running
    assert (server.answers.hits, server.answers.misses) == (1, 1)


def test_a_waiting_request_that_has_the_answer_gets_304(endpoint):
    server, http, submitted = endpoint
    first, second = asked_together(server, http, ORGANIZATIONS, {"If-None-Match": "*"})
    assert first.status_code == 200
    assert second.status_code == 304 and second.headers["etag"] == first.headers["etag"]
    assert submitted == [ORGANIZATIONS]


def test_a_run_that_fails_for_the_query_s_sake_answers_those_waiting(endpoint):
    server, http, submitted = endpoint
    first, second = asked_together(server, http, SLOW)
    assert first.status_code == second.status_code == 500 and second.text == first.text
    assert "time" in first.text.lower()
    assert submitted == [SLOW] and len(server.answers) == 0


def test_a_request_whose_run_kept_nothing_runs_its_own(endpoint):
    server, http, submitted = endpoint
    server.answers = AnswerCache(max_answer=1000)
    large = sized(2000)  # answered, but too large to keep: only its tag is
    first, second = asked_together(server, http, large)
    assert first.status_code == second.status_code == 200 and first.content == second.content
    assert submitted == [large, large]


def test_a_waiting_request_counts_in_its_client_s_share(endpoint):
    server, http, submitted = endpoint
    pool, share = server.pool, 2 * server.pool.per_client
    assert pool.refusal("10.1.1.1", also_waiting=share - 1) is None
    refused = pool.refusal("10.1.1.1", also_waiting=share)
    assert refused is not None and refused.status == 429
    # Over HTTP: the waiting requests of a client are counted while they wait.
    with runs_held(server) as gate:
        threads = [
            threading.Thread(
                target=lambda: http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
            )
            for _ in range(share + 1)
        ]
        for thread in threads:
            thread.start()
        until(lambda: server.answers.waits == share, "the requests did not wait")
        assert sum(server.answers.waiting.values()) == share
        # The client has as many requests waiting as its share allows: one more is refused.
        refused = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
        assert refused.status_code == 429 and "Retry-After" in refused.headers
        gate.set()
        for thread in threads:
            thread.join(60)
    assert not server.answers.waiting  # none left counted
    assert submitted == [ORGANIZATIONS]


def test_nothing_waits_without_a_cache_nor_for_an_answer_too_large_to_keep():
    key = AnswerKey.of("v1", QueryRequest("ASK {}"))
    none = AnswerCache(0)
    assert none.start(key) is None and none.running(key) is None
    cache = AnswerCache(max_answer=10)
    run = cache.start(key)
    assert run is not None and cache.running(key) is run and not run.done.is_set()
    assert cache.start(key) is None  # one run is waited for at a time
    answer = Answer(200, b"x" * 11, "application/sparql-results+json")
    cache.keep(key, answer)
    cache.finish(key, run, answer)
    assert run.done.is_set() and run.failed is None
    assert cache.get(key) is None  # its tag alone is kept
    assert cache.start(key) is not None and cache.running(key) is None


def test_a_run_ending_removes_its_own_entry_only():
    key = AnswerKey.of("v1", QueryRequest("ASK {}"))
    cache = AnswerCache()
    first = cache.start(key)
    cache.finish(key, first, Answer.error(500, "Query timed out"))
    assert first.failed is not None and first.failed.status == 500
    second = cache.start(key)
    cache.finish(key, first)  # the first again (a second finisher): the second stays
    assert cache.running(key) is second and not second.done.is_set()
    cache.finish(key, second, Answer.error(503, "busy"))
    assert second.done.is_set() and second.failed is None  # about the load: not shared
    assert cache.running(key) is None


def test_the_flag_sets_the_bound(monkeypatch, capsys):
    given = {}

    def prepared(dist, **options):
        given.update(options)
        raise KgError("kg serve", None, "not started in this test")

    monkeypatch.setattr("kg.server.app.prepare", prepared)
    main(["serve", "--store", "somewhere", "--answer-cache-mib", "0", "--port", "0"])
    assert given["answer_cache_bytes"] == 0
    main(["serve", "--store", "somewhere", "--port", "0"])
    assert given["answer_cache_bytes"] == 64 * 2**20
    with pytest.raises(SystemExit) as refused:
        main(["serve", "--answer-cache-mib", "-1", "--port", "0"])
    assert refused.value.code == 2
    assert "--answer-cache-mib" in capsys.readouterr().err


def test_refusals_failures_and_time_outs_are_not_kept(endpoint):
    server, http, submitted = endpoint
    failing = [
        "SELECT ?s WHERE { ?s ?p }",  # a syntax error: 400
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",  # refused: 500
        'SELECT (<urn:no-such-function>("x") AS ?y) WHERE {}',  # the engine fails: 500
        SLOW,  # past the time limit: 500
    ]
    for query in failing:
        statuses = [http.get("/sparql", params={"query": query}, headers=JSON).status_code]
        statuses.append(http.get("/sparql", params={"query": query}, headers=JSON).status_code)
        assert statuses[0] == statuses[1] and statuses[0] in (400, 500), (query, statuses)
    assert submitted == [q for q in failing for _ in range(2)]
    assert len(server.answers) == 0 and server.answers.hits == 0


def test_only_a_complete_answer_is_kept():
    cache = AnswerCache()
    key = AnswerKey.of("v1", QueryRequest("ASK {}"))
    assert not complete(Answer(200, b"", stream=object()))  # streamed: it may yet be cut
    assert not complete(Answer(200, b"{}", total=3))  # a window of rows
    assert not complete(Answer(503, b"busy"))
    assert not cache.keep(key, Answer(200, b"", stream=object()))
    assert cache.keep(key, Answer(200, b"{}", "application/sparql-results+json"))
    assert cache.get(key) == KeptAnswer(b"{}", "application/sparql-results+json")
    # Another data version, another key.
    assert cache.get(AnswerKey.of("v2", QueryRequest("ASK {}"))) is None


def test_an_answer_to_a_get_has_a_strong_tag_and_304_when_the_client_has_it(endpoint):
    server, http, submitted = endpoint
    first = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    tag = first.headers["etag"]
    assert tag.startswith('"') and not tag.startswith("W/")
    assert first.headers["cache-control"] == "no-cache"
    for sent in (tag, f'"other", {tag}', f"W/{tag}", "*"):
        current = http.get(
            "/sparql", params={"query": ORGANIZATIONS}, headers={**JSON, "If-None-Match": sent}
        )
        assert current.status_code == 304 and current.content == b"", sent
        assert current.headers["etag"] == tag and current.headers["vary"].startswith("Accept")
    stale = http.get(
        "/sparql", params={"query": ORGANIZATIONS}, headers={**JSON, "If-None-Match": '"old"'}
    )
    assert stale.status_code == 200 and stale.content == first.content
    other = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=XML)
    assert other.headers["etag"] != tag
    assert submitted == [ORGANIZATIONS, ORGANIZATIONS]
    # The answer to a POST is no representation of /sparql: no tag, If-None-Match not read.
    posted = http.post(
        "/sparql", data={"query": ORGANIZATIONS}, headers={**JSON, "If-None-Match": tag}
    )
    assert posted.status_code == 200 and "etag" not in posted.headers
    # Nothing kept: the query is run, then 304 with the same tag.
    server.answers = AnswerCache(0)
    again = http.get(
        "/sparql", params={"query": ORGANIZATIONS}, headers={**JSON, "If-None-Match": tag}
    )
    assert again.status_code == 304 and again.headers["etag"] == tag
    assert submitted == [ORGANIZATIONS] * 3
    # A failed query is never "not modified", whatever tag is sent.
    failed = http.get("/sparql", params={"query": "SELECT"}, headers={"If-None-Match": "*"})
    assert failed.status_code == 400


def test_a_kept_answer_costs_no_worker_but_a_refused_client_stays_refused(endpoint):
    server, http, submitted = endpoint
    assert http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON).is_success
    slow = []

    def ask_slow(query: str = SLOW) -> None:
        with httpx.Client(base_url=str(http.base_url), timeout=60) as other:
            slow.append(other.get("/sparql", params={"query": query}).status_code)

    pool = server.pool
    first = threading.Thread(target=ask_slow)
    first.start()
    while not pool._running:  # the slow query has the only worker
        time.sleep(0.01)
    # A query of this client would wait for it; the kept answer is given while it runs.
    kept = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    assert kept.status_code == 200 and kept.headers["server-timing"] == 'cache;desc="hit"'
    assert pool._running and not slow  # the slow query still has the worker
    # One slow query more (another text: the same one would wait for the first's run, not for
    # a worker) waits: the client has its share running and as many waiting, and is refused,
    # the kept answer too.
    other_slow = SLOW.replace("?n", "?m")
    second = threading.Thread(target=ask_slow, args=(other_slow,))
    second.start()
    while not pool._waiting:
        time.sleep(0.01)
    refused = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    tagged = http.get(
        "/sparql", params={"query": ORGANIZATIONS}, headers={**JSON, "If-None-Match": "*"}
    )
    assert tagged.status_code == 429
    first.join()
    second.join()
    assert slow == [500, 500]
    assert submitted == [ORGANIZATIONS, SLOW, other_slow]
    # The endpoint's own checks come first too: a query too long is refused, kept or not.
    server.max_query_length, length = len(ORGANIZATIONS) - 1, server.max_query_length
    try:
        too_long = http.get("/sparql", params={"query": ORGANIZATIONS}, headers=JSON)
        assert too_long.status_code == 414  # in the address: URI Too Long
    finally:
        server.max_query_length = length


def test_a_store_switched_to_another_generation_gets_answers_of_its_own(published_dist, tmp_path):
    """The store is loaded again from another publish (one document fewer) and the server
    switched to it, as a server started after that load reads it: the same query, asked
    again, is answered over the new data."""
    smaller = tmp_path / "smaller"
    shutil.copytree(published_dist, smaller)
    nq = smaller / "kg.nq"
    nq.write_text(
        "".join(
            line
            for line in nq.read_text().splitlines(keepends=True)
            if "graph/document/004>" not in line
        )
    )
    (smaller / "SHA256SUMS").write_text((smaller / "SHA256SUMS").read_text() + "0" * 64 + "  x\n")
    store = tmp_path / "store"
    load(published_dist, store)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

    def counted(http) -> tuple[int, str]:
        answer = http.get("/sparql", params={"query": count}, headers=JSON)
        assert answer.status_code == 200
        return int(answer.json()["results"]["bindings"][0]["n"]["value"]), answer.headers["etag"]

    with (
        serving(store=store) as (server, address, submitted),
        httpx.Client(base_url=address, timeout=60) as http,
    ):
        before, tag = counted(http)
        assert counted(http) == (before, tag) and submitted == [count]
        load(smaller, store)
        site = Site(None, store=store)
        pool = QueryPool(site.dist, 1, TIME_LIMIT, store=site.graph.location)
        pool.wait_ready()
        old_pool, server.site, server.pool = server.pool, site, pool
        old_pool.close()
        pool.submit = lambda request, *a, **k: (
            submitted.append(request.query) or (QueryPool.submit(pool, request, *a, **k))
        )
        after, new_tag = counted(http)
        assert after < before and new_tag != tag and submitted == [count, count]
        # The client's copy of the previous data is not current any more.
        again = http.get("/sparql", params={"query": count}, headers={**JSON, "If-None-Match": tag})
        assert again.status_code == 200 and again.headers["etag"] == new_tag
        assert submitted == [count, count]  # the new answer, kept


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?o WHERE { ?o a <http://www.w3.org/ns/org#Organization> } ORDER BY RAND() LIMIT 3",
        "SELECT (NOW() AS ?now) WHERE {}",
        "SELECT (STRUUID() AS ?id) WHERE {}",
        "SELECT ?o WHERE { ?o a <http://www.w3.org/ns/org#Organization> "
        "FILTER EXISTS { BIND(UUID() AS ?u) } } LIMIT 1",
    ],
)
def test_an_answer_that_changes_from_run_to_run_is_not_kept(endpoint, query):
    """RAND(), NOW(), UUID() and STRUUID() (found in the parsed query, in a FILTER EXISTS too)
    give another answer each run: each request runs the query, and no entity tag is given,
    so that no 304 replays an answer either. (`ORDER BY RAND()` sampled the same rows
    again and again.)"""
    server, http, submitted = endpoint
    first = http.get("/sparql", params={"query": query}, headers=JSON)
    second = http.get("/sparql", params={"query": query}, headers=JSON)
    assert first.status_code == second.status_code == 200
    assert submitted == [query, query]
    assert "etag" not in first.headers and "etag" not in second.headers
    assert second.headers["server-timing"].startswith("query;dur=")
    assert len(server.answers) == 0
