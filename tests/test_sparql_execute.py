"""The SPARQL service's execution, run in the test process: what a query worker does with one
request (guard, engine, serialization, limits) and the answers it builds.

tests/test_serve.py and tests/test_abuse_server.py test the same code through real worker
processes; these tests call it directly, so a failure names the function, and mutation testing
(which maps tests to the functions they call in the test process) sees them."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from kg.server.execution import execute
from kg.server.sparql import (
    Answer,
    QueryRequest,
    busy,
    json_table,
    out_of_memory,
    refused,
    service_description,
    syntax_message,
)

LIMIT = 16 * 1024 * 1024
DOCUMENTS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }"


def run(graph, query: str, limit: int = LIMIT, **formats) -> Answer:
    return execute(graph, QueryRequest(query, **formats), limit)


def test_a_select_answers_sparql_json_with_its_rows(published_graph):
    answer = run(published_graph, DOCUMENTS)
    assert (answer.status, answer.form, answer.media_type) == (
        200,
        "select",
        "application/sparql-results+json",
    )
    variables, rows, boolean = json_table(answer.body)
    assert (variables, boolean) == (["n"], None)
    assert rows == [
        {
            "n": {
                "type": "literal",
                "value": "5",
                "datatype": "http://www.w3.org/2001/XMLSchema#integer",
            }
        }
    ]


def test_a_select_as_csv_has_a_header_and_one_line_a_row(published_graph):
    query = "SELECT ?d WHERE { ?d a schema:NewsArticle } ORDER BY ?d"
    answer = run(published_graph, query, results_format="csv")
    assert answer.media_type == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(answer.body.decode())))
    assert rows[0] == ["d"] and len(rows) == 6
    assert rows[1][0].startswith("https://kg.example.org/id/document/")


def test_a_csv_value_that_a_spreadsheet_would_read_as_a_formula_is_kept_as_it_is(
    published_graph,
):
    """SPARQL 1.1's CSV and TSV carry values as they are: a value that begins with '=', '+',
    '-' or '@' is not prefixed (a prefix would change the data: '-12' is a number), so a client
    opening an answer from a link it did not write imports it as text (server-security.md)."""
    query = 'SELECT ?v WHERE { VALUES ?v { "=HYPERLINK(\\"x\\")" "-12" "@SUM(A1)" } }'
    answer = run(published_graph, query, results_format="csv")
    rows = list(csv.reader(io.StringIO(answer.body.decode())))
    assert rows == [["v"], ['=HYPERLINK("x")'], ["-12"], ["@SUM(A1)"]]


def test_an_ask_answers_a_boolean(published_graph):
    yes = run(published_graph, "ASK { ?d a schema:NewsArticle }")
    no = run(published_graph, "ASK { ?d a schema:NoSuchClass }")
    assert (yes.form, json_table(yes.body)) == ("ask", ([], [], True))
    assert json_table(no.body) == ([], [], False)


def test_a_construct_answers_the_graph_in_the_negotiated_format(published_graph):
    query = "CONSTRUCT { ?d a schema:NewsArticle } WHERE { ?d a schema:NewsArticle }"
    answer = run(published_graph, query, graph_format="ntriples")
    assert (answer.status, answer.form, answer.media_type) == (
        200,
        "graph",
        "application/n-triples",
    )
    triples = list(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == 5
    turtle = run(published_graph, query, graph_format="turtle")
    assert turtle.media_type == "text/turtle; charset=utf-8"
    assert len(list(ox.parse(turtle.body, format=ox.RdfFormat.TURTLE))) == 5


@pytest.mark.parametrize(
    ("query", "formats", "says"),
    [
        (
            "ASK {}",
            {"results_format": None},
            "SELECT and ASK results are available as application/sparql-results+json",
        ),
        (
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1",
            {"graph_format": None},
            "CONSTRUCT and DESCRIBE results are available as text/turtle",
        ),
    ],
)
def test_no_acceptable_format_is_406_naming_the_offered_ones(published_graph, query, formats, says):
    answer = run(published_graph, query, **formats)
    assert answer.status == 406 and answer.message.startswith(f"Not Acceptable: {says}")


def test_a_result_over_the_size_limit_is_refused_with_the_limit(published_graph):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    answer = run(published_graph, query, limit=1000)
    assert answer.status == 500
    assert answer.message.startswith("Refused: the result is larger than the size limit of 1,000")
    graph = run(published_graph, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", limit=1000)
    assert graph.status == 500 and "1,000 bytes" in graph.message


def test_the_protocol_dataset_restricts_the_default_graph(published_graph):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = int(json_table(run(published_graph, count).body)[1][0]["n"]["value"])
    names = [g.value for g in published_graph.store.named_graphs()]
    first = sorted(names)[0]
    only = execute(published_graph, QueryRequest(count, default_graphs=(first,)), LIMIT)
    one = int(json_table(only.body)[1][0]["n"]["value"])
    assert 0 < one < everything


def test_a_syntax_error_and_a_service_are_refused_before_the_engine(published_graph):
    bad = run(published_graph, "SELEKT * WHERE { ?s ?p ?o }")
    assert bad.status == 400
    assert bad.message.startswith("SPARQL syntax error at line 1, column 1: Expected")
    service = run(published_graph, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert service.status == 500
    assert service.message.startswith("Refused: SERVICE (federated query) is not allowed")


def test_an_engine_failure_is_the_querys_500_not_an_exception(published_graph):
    answer = run(published_graph, "SELECT (<http://example.org/no-such-function>(1) AS ?x) {}")
    assert answer.status == 500
    assert answer.message == (
        "The query failed: The custom function <http://example.org/no-such-function> is not "
        "supported"
    )


def test_the_answers_the_service_builds():
    assert refused("too big") == Answer(500, b"Refused: too big\n")
    assert busy("full", 0.2).headers == {"Retry-After": "1"}
    assert busy("full", 2.5).headers == {"Retry-After": "3"}
    limited = busy("slow down", 4, status=429)
    assert (limited.status, limited.message) == (429, "slow down")
    memory = out_of_memory(1024 * 2**20)
    assert (memory.status, memory.replace_worker) == (503, True)
    assert "more than the 1,024 MiB a query may use" in memory.message
    assert memory.headers == {"Retry-After": "1"}
    assert Answer(200, b"x").message == ""


def test_syntax_messages_say_line_and_column():
    assert (
        syntax_message(SyntaxError("error at 3:7: expected  one of\n ?"))
        == "SPARQL syntax error at line 3, column 7: expected one of ?"
    )
    assert syntax_message(SyntaxError("odd")) == "SPARQL syntax error: odd"


def test_the_service_description_names_the_endpoint_its_formats_and_graphs():
    endpoint = "https://kg.example.org/sparql"
    triples = service_description(
        endpoint, "https://kg.example.org/void#dataset", {"urn:b": 2, "urn:a": 7}, 9, title="kg"
    )
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)

    def values(query: str) -> list[str]:
        prefix = "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
        prefix += "PREFIX void: <http://rdfs.org/ns/void#> "
        return sorted(str(row[0].value) for row in store.query(prefix + query))

    assert values(f"SELECT ?e {{ <{endpoint}> sd:endpoint ?e }}") == [endpoint]
    assert len(values(f"SELECT ?f {{ <{endpoint}> sd:resultFormat ?f }}")) == 8
    assert values(f"SELECT ?f {{ <{endpoint}> sd:feature ?f }}") == [
        "http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph"
    ]
    assert values("SELECT ?n { ?d sd:defaultGraph/void:triples ?n }") == ["9"]
    # named graphs in name order, each with its size
    assert values(
        "SELECT ?x { ?g sd:name ?name ; sd:graph/void:triples ?size "
        "BIND(CONCAT(STR(?name), '=', STR(?size)) AS ?x) }"
    ) == ["urn:a=7", "urn:b=2"]
