"""Pages of an answer (`kg query --limit N --offset M`, `PublishedGraph.query(limit=,
offset=)`): the rows a page holds are those the query's own LIMIT and OFFSET select, each
page says whether another follows, and a page's W3C results are those rows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.store.query import Query, named_query, results_json

ORDERED = "statistic-evidence"  # many rows, with ORDER BY


def with_limit(published_graph, text: str, limit: int, offset: int):
    """The answer of `text` with the LIMIT and OFFSET written into the query itself."""
    return published_graph.sparql(f"{text}\nLIMIT {limit} OFFSET {offset}").rows


def test_the_pages_of_a_named_query_are_its_rows_in_order(published_graph):
    whole = published_graph.run(ORDERED)
    assert len(whole) > 25
    pages, offset = [], 0
    while True:
        page = published_graph.query(named_query(ORDERED), limit=10, offset=offset)
        pages.append(page)
        if not page.more:
            break
        offset += 10
    assert [len(p) for p in pages[:-1]] == [10] * (len(pages) - 1)
    assert 1 <= len(pages[-1]) <= 10
    assert [row for p in pages for row in p.rows] == whole.rows
    assert [p.offset for p in pages] == list(range(0, 10 * len(pages), 10))


def test_a_page_is_what_limit_and_offset_in_the_query_give(published_graph):
    text = (
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
        "ORDER BY ?label ?s"
    )
    for limit, offset in ((1, 0), (7, 3), (50, 40)):
        page = published_graph.query(Query.parse(text, "q"), limit=limit, offset=offset)
        assert page.rows == with_limit(published_graph, text, limit, offset)


def test_the_last_page_has_no_next_and_past_the_end_is_empty(published_graph):
    total = len(published_graph.run(ORDERED))
    last = published_graph.query(named_query(ORDERED), limit=5, offset=total - 2)
    assert len(last) == 2 and not last.more
    exact = published_graph.query(named_query(ORDERED), limit=2, offset=total - 2)
    assert len(exact) == 2 and not exact.more  # nothing after the page's last row
    beyond = published_graph.query(named_query(ORDERED), limit=5, offset=total + 100)
    assert len(beyond) == 0 and not beyond.more
    rest = published_graph.query(named_query(ORDERED), offset=total - 3)
    assert len(rest) == 3 and not rest.more


def test_a_page_in_every_results_format_holds_its_rows(published_graph):
    page = published_graph.query(named_query(ORDERED), limit=4, offset=2)
    whole = published_graph.run(ORDERED)
    document = json.loads(page.serialize("json"))
    assert document["head"]["vars"] == list(whole.variables)
    assert len(document["results"]["bindings"]) == 4
    expected = json.loads(whole.serialize("json"))["results"]["bindings"][2:6]
    assert document["results"]["bindings"] == expected
    page_csv = list(csv.reader(io.StringIO(page.serialize("csv").decode())))
    whole_csv = list(csv.reader(io.StringIO(whole.serialize("csv").decode())))
    assert page_csv == whole_csv[:1] + whole_csv[3:7]
    assert page.serialize("xml").count(b"<result>") == 4
    assert len(list(csv.reader(io.StringIO(page.serialize("tsv").decode()), "excel-tab"))) >= 5


def test_terms_of_every_kind_are_written_as_sparql_json(published_graph):
    text = (
        "SELECT ?iri ?lang ?typed ?plain ?blank ?none WHERE { BIND(<https://e.org/x> AS ?iri) "
        'BIND(STRLANG("sí", "es") AS ?lang) BIND(3 AS ?typed) BIND("p" AS ?plain) '
        "BIND(BNODE() AS ?blank) }"
    )
    page = published_graph.query(Query.parse(text, "q"), limit=1)
    row = json.loads(page.serialize("json"))["results"]["bindings"][0]
    assert row["iri"] == {"type": "uri", "value": "https://e.org/x"}
    assert row["lang"] == {"type": "literal", "value": "sí", "xml:lang": "es"}
    assert row["typed"] == {
        "type": "literal",
        "value": "3",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }
    assert row["plain"] == {"type": "literal", "value": "p"}
    assert row["blank"]["type"] == "bnode"
    assert "none" not in row
    assert results_json(("x",), []) == b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'


def test_a_construct_is_paged_by_its_triples(published_graph):
    text = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c }"
    whole = published_graph.sparql(text)
    page = published_graph.query(Query.parse(text, "q"), limit=3, offset=1)
    assert len(page) == 3 and page.more and set(page.triples) <= set(whole.triples)


def test_an_ask_has_no_pages(published_graph):
    page = published_graph.query(Query.parse("ASK { ?s ?p ?o }", "q"), limit=1, offset=5)
    assert page.boolean is True


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (1, -1), (10**13, 0), (1, 10**13)])
def test_a_page_out_of_bounds_is_refused(published_graph, limit, offset):
    with pytest.raises(KgError, match="a page has 1 to"):
        published_graph.query(named_query(ORDERED), limit=limit, offset=offset)


def test_kg_query_prints_a_page_and_where_the_next_starts(published_dist, capsys):
    status = main(
        ["query", ORDERED, "--dist", str(published_dist), "--format", "csv", "--limit", "3"]
    )
    captured = capsys.readouterr()
    assert status == 0
    assert len(list(csv.reader(io.StringIO(captured.out)))) == 4  # the header and three rows
    assert captured.err.strip() == "more after row 3: --offset 3"
    main(["query", ORDERED, "--dist", str(published_dist), "--format", "csv"])
    whole = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    main(
        [
            "query",
            ORDERED,
            "--dist",
            str(published_dist),
            "--format",
            "csv",
            "--limit",
            "3",
            "--offset",
            "3",
        ]
    )
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == whole[:1] + whole[4:7]


@pytest.mark.parametrize("option", [["--limit", "0"], ["--offset", "-1"], ["--limit", "x"]])
def test_kg_query_refuses_a_page_that_cannot_be(published_dist, capsys, option):
    with pytest.raises(SystemExit) as stopped:
        main(["query", ORDERED, "--dist", str(published_dist), *option])
    assert stopped.value.code == 2  # a usage error (argparse's)
    assert f"argument {option[0]}" in capsys.readouterr().err
