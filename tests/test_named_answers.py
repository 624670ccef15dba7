"""The answers of the named queries, written beside a store by `kg load`
(kg.store.named_answers), and the pages read from them: `kg query NAME --limit --offset` on a
store and `/queries/NAME` over HTTP. Each page is the same bytes as the query's evaluation
gives, in every results format, for every named query, on the seeds and on a synthetic
corpus; and a file that does not read as the answer asked for, or a query asked with
parameters, is evaluated instead."""

from __future__ import annotations

import shutil
import subprocess
import sys

import httpx
import pyoxigraph as ox
import pytest

from kg.publish import export
from kg.server.execution import RowSlice, execute, page_answer
from kg.server.sparql import QueryRequest
from kg.store import named_answers
from kg.store.embedded import StoreGraph, load
from kg.store.query import PublishedGraph, named_queries
from kg.synth import synthesize
from kg.vocab import Minter

FORMATS = ("json", "xml", "csv", "tsv")


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    """Six synthetic documents (`kg synth`), published and loaded: answers of hundreds of
    rows, where the seeds' are of tens."""
    from kg.build.run import build

    folder = tmp_path_factory.mktemp("synthetic")
    data = synthesize(6, 1, folder / "data")
    built = build(data, Minter(), validation=False, jobs=2)
    export.write(built, folder / "dist", data)
    load(folder / "dist", folder / "store")
    return folder / "store"


def pages(rows: int) -> list[tuple[int | None, int]]:
    """(limit, offset) pairs: the whole, the first row, a middle page, the last rows, a page
    that runs past the end, one just past the last row and one far past it."""
    return [
        (None, 0),
        (1, 0),
        (7, 3),
        (1000, 0),
        (5, max(0, rows - 2)),
        (3, rows),
        (2, rows + 50),
        (None, min(rows, 4)),
    ]


@pytest.mark.parametrize("which", ["seeds", "synthetic"])
def test_every_named_query_pages_as_its_evaluation(which, published_store, synthetic_store):
    graph = StoreGraph(published_store if which == "seeds" else synthetic_store)
    sizes = []
    for name, query in named_queries().items():
        stored = graph.named_answer(query)
        assert stored is not None, name
        sizes.append(len(stored))
        for limit, offset in pages(len(stored)):
            read = graph.query(query, {}, limit, offset)
            evaluated = PublishedGraph.query(graph, query, {}, limit, offset)
            assert read.more == evaluated.more and len(read) == len(evaluated)
            assert read.variables == evaluated.variables
            for fmt in FORMATS:
                assert read.serialize(fmt) == evaluated.serialize(fmt), (name, limit, offset, fmt)
    # answers of some size: pages past the first are tried on real rows
    assert max(sizes) >= (40 if which == "seeds" else 200)


def test_a_page_over_http_is_the_workers_page(synthetic_store):
    """The page `/queries/NAME` reads from a file is the page a worker writes when it
    evaluates the query (`QueryRequest.rows`), in every format, and says how many rows."""
    graph = StoreGraph(synthetic_store)
    for name, query in named_queries().items():
        stored = graph.named_answer(query)
        text = query.bind({}, graph.base)[0]
        for start, end in ((0, 1000), (2, 9), (len(stored) - 1, len(stored) + 4)):
            start = max(0, start)
            for fmt in FORMATS:
                asked = QueryRequest(text, results_format=fmt, rows=(start, end))
                evaluated = execute(graph, asked, 16 * 2**20)
                read = page_answer(stored.page_tsv(start, end), fmt, 16 * 2**20)
                assert evaluated.status == read.status == 200, evaluated.body
                assert evaluated.body == read.body, (name, start, end, fmt)
                assert evaluated.total == len(stored)
                assert evaluated.media_type == read.media_type


def test_the_rows_of_a_page_are_cut_from_writes_of_any_size():
    tsv = b"?a\t?b\n" + b"".join(b'<urn:%d>\t"x\\ny"\n' % i for i in range(40))
    lines = tsv.split(b"\n")[1:-1]
    for start, end in ((0, 1), (0, 40), (5, 9), (39, 60), (40, 41), (100, 101)):
        for size in (1, 2, 3, 7, 1000):
            page = RowSlice(start, end, 2**20)
            for at in range(0, len(tsv), size):
                page.write(tsv[at : at + size])
            assert page.tsv() == b"?a\t?b\n" + b"".join(line + b"\n" for line in lines[start:end])
            assert page.line == 40


def copied_store(source, tmp_path):
    """A store to spoil: a copy of the generation `source` points at, opened by its path."""
    target = tmp_path / "store"
    shutil.copytree(StoreGraph(source).location, target)
    return target


def test_a_file_that_does_not_read_as_the_answer_is_not_used(published_store, tmp_path):
    store = copied_store(published_store, tmp_path)
    queries = named_queries()
    folder = store / named_answers.ANSWERS
    evaluated = {
        name: PublishedGraph.query(StoreGraph(store), q, {}, 5, 1).serialize("csv")
        for name, q in queries.items()
    }
    spoilt = {
        "statistic-evidence": lambda data: data[: len(data) // 2],  # cut short
        "events": lambda data: b"kg-answer-0\n" + data[12:],  # another format
        "funders": lambda data: b"",  # empty: cannot be mapped
        "ransoms": lambda data: data.replace(b"ransoms", b"ransomz"),  # another query's
        "documents-mentioning": lambda data: data[:-1] + b"?",  # the last row no line
    }
    for name, spoil in spoilt.items():
        path = named_answers.answer_path(store, name)
        path.write_bytes(spoil(path.read_bytes()))
    (folder / "press-contacts.answer").unlink()  # missing
    # Another query's file in the place of this one's: its digest is not this text's.
    shutil.copy(folder / "campaign-launches.answer", folder / "campaign-countries.answer")
    graph = StoreGraph(store)
    for name, query in queries.items():
        stored = graph.named_answer(query)
        whole = name not in spoilt and name not in ("press-contacts", "campaign-countries")
        if name == "documents-mentioning":
            # The header reads, the last row does not: that page is evaluated, and from
            # then on the query.
            assert stored is not None
            with pytest.raises(named_answers.CorruptAnswer):
                stored.rows(len(stored) - 1, len(stored))
            last = graph.query(query, {}, 2, len(stored) - 1)
            assert graph.named_answer(query) is None
            assert last.serialize("csv") == PublishedGraph.query(
                graph, query, {}, 2, len(stored) - 1
            ).serialize("csv")
        else:
            assert (stored is not None) == whole, name
        assert graph.query(query, {}, 5, 1).serialize("csv") == evaluated[name], name


def test_an_answer_of_another_text_base_or_prefixes_is_not_read(published_store):
    graph = StoreGraph(published_store)
    query = named_queries()["ransoms"]
    text = query.bind({}, graph.base)[0]
    assert named_answers.read_answer(graph.location, "ransoms", text, graph.base, graph.prefixes)
    other = query.bind({"document": "001"}, graph.base)[0]
    for args in (
        (other, graph.base, graph.prefixes),
        (text, "https://elsewhere.example/", graph.prefixes),
        (text, graph.base, {**graph.prefixes, "ex": "https://ex.example/"}),
    ):
        assert named_answers.read_answer(graph.location, "ransoms", *args) is None


def test_a_query_with_parameters_or_not_named_is_evaluated(published_store, monkeypatch):
    graph = StoreGraph(published_store)
    query = named_queries()["statistic-evidence"]
    assert graph.named_answer(query, {"document": "001"}) is None
    # the same text, but not the named query: a --file or --sparql query is evaluated
    assert graph.named_answer(type(query).parse(query.text, "--file")) is None

    def refuse(*args, **kwargs):
        raise AssertionError("a stored answer was read")

    monkeypatch.setattr(named_answers, "answered", refuse)
    monkeypatch.setattr("kg.store.embedded.answered", refuse)
    bound = graph.query(query, {"document": "001"}, 3, 0)
    assert bound.rows and all(row["docs"] == "001" for row in bound.rows)


def test_kg_query_pages_a_store_from_its_answers(published_store):
    graph = StoreGraph(published_store)
    query = named_queries()["statistic-evidence"]

    def run(*args):
        command = [sys.executable, "-m", "kg.cli", "query", "statistic-evidence"]
        command += ["--store", str(published_store), "--format", "csv", *args]
        return subprocess.run(command, capture_output=True, check=True)

    page = run("--limit", "4", "--offset", "10")
    assert page.stdout == PublishedGraph.query(graph, query, {}, 4, 10).serialize("csv")
    assert b"--offset 14" in page.stderr
    past = run("--limit", "4", "--offset", "100000")
    assert past.stdout.startswith(b"docs,figure,") and past.stdout.count(b"\n") == 1
    assert b"--offset" not in past.stderr


def test_the_route_pages_a_named_query(kg_store_server, published_store):
    graph = StoreGraph(published_store)
    query = named_queries()["statistic-evidence"]
    rows = len(graph.named_answer(query))
    with httpx.Client(base_url=kg_store_server, timeout=60) as http:
        for fmt in FORMATS:
            answer = http.get(
                "/queries/statistic-evidence", params={"limit": 7, "page": 3, "format": fmt}
            )
            assert answer.status_code == 200
            assert answer.headers["server-timing"] == 'stored;desc="kg load"'
            assert answer.content == graph.query(query, {}, 7, 14).serialize(fmt)
        last = -(-rows // 7)
        links = http.get("/queries/statistic-evidence?limit=7&page=2").headers["link"]
        assert (
            f'page={last}&limit=7>; rel="last"' in links and 'page=3&limit=7>; rel="next"' in links
        )
        whole = http.get("/queries/statistic-evidence", headers={"Accept": "text/csv"})
        assert whole.content == graph.query(query, {}, 1000, 0).serialize("csv")
        assert "link" not in whole.headers  # one page
        # With a parameter: evaluated by a worker, the same rows as kg query gives.
        bound = http.get("/queries/statistic-evidence?document=001&limit=3&format=tsv")
        assert bound.status_code == 200 and bound.headers["server-timing"].startswith("query;")
        expected = PublishedGraph.query(graph, query, {"document": "001"}, 3, 0).serialize("tsv")
        assert bound.content == expected
        # Past the last page, and limits out of bounds.
        past = http.get(f"/queries/statistic-evidence?page={last + 1}&limit=7")
        assert past.status_code == 404 and f"last page ({last})" in past.text
        far = http.get("/queries/ransoms?document=999&page=2")
        assert far.status_code == 404  # evaluated: no row, page 1 only
        assert http.get("/queries/ransoms?document=999").status_code == 200
        for bad in ("limit=0", "limit=1001", "limit=-1", "limit=1e3", "page=0", "limit=5&limit=6"):
            refused = http.get(f"/queries/ransoms?{bad}")
            assert refused.status_code == 400, bad
        assert http.get("/queries/ransoms?limit=1000").status_code == 200
        assert http.get("/queries/ransoms?document=").status_code == 400
        assert http.get("/queries/ransoms?documents=001").status_code == 400
        assert http.get("/queries/ransoms?format=ttl").status_code == 400
        assert http.get("/queries/ransoms", headers={"Accept": "text/turtle"}).status_code == 406
        assert http.get("/queries/no-such-query").status_code == 404


def test_a_store_without_answers_is_paged_by_evaluation(published_dist, tmp_path, monkeypatch):
    """A store loaded by an earlier kg has no answers/: its pages are evaluated (and the same)."""
    monkeypatch.setattr("kg.store.embedded.write_named_answers", lambda *args, **kwargs: {})
    load(published_dist, tmp_path / "store")
    graph = StoreGraph(tmp_path / "store")
    assert not (graph.location / named_answers.ANSWERS).exists()
    query = named_queries()["documents-mentioning"]
    assert graph.named_answer(query) is None
    assert graph.query(query, {}, 5, 5).terms


def test_a_load_writes_only_select_answers(tmp_path):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    base, prefixes = "https://kg.example.org/", {}
    asked = "ASK { ?s ?p ?o }"
    assert named_answers.write_answer(store, tmp_path, "ask", asked, base, prefixes) is None
    text = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    assert named_answers.write_answer(store, tmp_path, "rows", text, base, prefixes) == 1
    stored = named_answers.read_answer(tmp_path, "rows", text, base, prefixes)
    assert stored.page_tsv(0, 9) == b'?s\t?o\n<urn:a>\t"c"\n'
    assert stored.page_tsv(1, 9) == b"?s\t?o\n"


def test_the_query_page_of_a_named_query_reads_its_answer(synthetic_store):
    """`/query?example=NAME` shows a window of the rows kg load kept: the same SPARQL JSON,
    and the same count, as a worker writes for the query page."""
    from kg.server.namedqueries import window_of_stored
    from kg.server.sparql import RowWindow

    graph = StoreGraph(synthetic_store)
    for name, query in named_queries().items():
        stored = graph.named_answer(query)
        text = query.for_base(graph.base).text
        for window in (RowWindow(1, 1000, 10_000), RowWindow(3, 7, 10_000), RowWindow(2, 1000, 20)):
            read = window_of_stored(stored, window)
            evaluated = execute(graph, QueryRequest(text, window=window), 16 * 2**20)
            assert (read.body, read.total) == (evaluated.body, evaluated.total), (name, window)


def test_a_query_the_engine_cannot_answer_leaves_no_file(tmp_path):
    from kg.queries import Query

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    queries = {
        "broken": Query("SELECT ?s WHERE { ?s ?p }", "broken.rq", name="broken"),
        "fine": Query("SELECT ?s WHERE { ?s ?p ?o }", "fine.rq", name="fine"),
    }
    written = named_answers.write_named_answers(
        store, tmp_path, "https://kg.example.org/", {}, queries
    )
    assert written == {"fine": 1}
    assert sorted(p.name for p in (tmp_path / named_answers.ANSWERS).iterdir()) == ["fine.answer"]


def test_kg_serve_memory_pages_a_named_query_by_evaluation(kg_server, published_dist):
    """`kg serve --memory` has no store, so no kept answers: a worker evaluates the page."""
    graph = PublishedGraph(published_dist)
    query = named_queries()["documents-mentioning"]
    with httpx.Client(base_url=kg_server, timeout=60) as http:
        answer = http.get("/queries/documents-mentioning?limit=5&page=2&format=tsv")
    assert answer.status_code == 200 and answer.headers["server-timing"].startswith("query;")
    assert answer.content == graph.query(query, {}, 5, 5).serialize("tsv")
