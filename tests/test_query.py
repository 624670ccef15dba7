"""The query stage: named queries, parameters, results and the `kg queries` / `kg query` commands,
on the graph `kg publish` builds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import KgError
from kg.store.query import (
    PublishedGraph,
    Query,
    QuerySyntaxError,
    competency_map,
    named_queries,
    named_query,
    python_value,
    run,
    sparql,
)

NAMES = sorted(named_queries())
BASE = "https://kg.example.org/"


# --------------------------------------------------------------------------------------------
# Named queries
# --------------------------------------------------------------------------------------------


def test_named_queries_ship_with_the_package():
    assert len(NAMES) >= 18
    assert len(set(competency_map().values())) == len(competency_map())


@pytest.mark.parametrize("name", NAMES)
def test_named_query_header(name: str):
    query = named_query(name)
    assert query.description and len(query.description) < 200, "a one-line description first"
    assert query.examples and all(e.startswith(f"kg query {name}") for e in query.examples)
    for parameter in query.parameters.values():
        assert parameter.description, f"parameter {parameter.name} needs a description"


@pytest.mark.parametrize("name", NAMES)
def test_named_query_is_standalone_sparql(name: str):
    """Each file declares its prefixes and parses (and runs) as it is: every parameter UNDEF."""
    store = ox.Store()
    result = store.query(named_query(name).text, base_iri=BASE)
    assert list(result) == []


@pytest.mark.parametrize("name", NAMES)
def test_named_query_answers_from_the_published_files(name: str, published_dist: Path):
    """What `kg query NAME` does besides starting Python: load the published files, query.
    (How long it takes is measured by benchmarks/bench.py.)"""
    started = time.perf_counter()
    result = PublishedGraph(published_dist).run(name)
    print(f"{name}: {len(result)} rows in {time.perf_counter() - started:.2f} s")
    assert len(result) > 0


@pytest.mark.parametrize("name", NAMES)
def test_named_query_rows_have_documents(name: str, published_graph: PublishedGraph):
    result = published_graph.run(name)
    assert "docs" in result.variables
    assert any(row["docs"] for row in result.rows)


def test_unknown_query_name_suggests_the_closest():
    with pytest.raises(KgError, match="did you mean victims-assisted-over-time"):
        named_query("victim-asisted-over-time")
    with pytest.raises(KgError, match="kg queries"):
        named_query("zzz")


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------


def test_text_parameter_filters(published_graph: PublishedGraph):
    every = published_graph.run("agreements-and-parties")
    cndh = published_graph.run("agreements-and-parties", {"party": "cndh"})
    assert 0 < len(cndh) < len(every)
    assert all("CNDH" in row["parties"] for row in cndh)


def test_number_parameter_filters(published_graph: PublishedGraph):
    result = published_graph.run("statistic-evidence", {"value": "1,336"})
    assert {row["figure"] for row in result} == {1336}
    assert result.rows[0]["docs"] == "001"
    ransom = published_graph.run("statistic-evidence", {"value": 3000})
    assert any(row["max"] == 3000 for row in ransom)


def test_a_parameter_of_zero_is_bound_not_any(published_graph: PublishedGraph):
    """0 is a value like any other: no whole of 0 victims, no statistic of 0, so no rows (a
    parameter read as unset would give every row)."""
    assert len(published_graph.run("victims-by-exploitation")) == 4
    assert len(published_graph.run("statistic-evidence")) > 40
    for value in (0, "0", Decimal(0)):
        assert published_graph.run("victims-by-exploitation", {"total": value}).rows == []
        assert published_graph.run("statistic-evidence", {"value": value}).rows == []
    bound, _ = named_query("victims-by-exploitation").bind({"total": 0}, BASE)
    assert f"VALUES (?total ?document) {{ ({ox.Literal(0)} UNDEF) }}" in bound


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize(
    "name, parameter",
    [
        ("press-contacts", "person"),  # a name that contains the text: "" is in every name
        ("press-contacts", "document"),  # a document by its identifier
        ("victims-assisted-over-time", "organization"),
    ],
)
def test_an_empty_text_parameter_is_refused(
    published_graph: PublishedGraph, name: str, parameter: str, value: str
):
    with pytest.raises(KgError) as caught:
        published_graph.run(name, {parameter: value})
    assert str(caught.value) == (
        f"parameter {parameter!r}: empty text ({value!r}); leave the parameter out to match "
        "any value"
    )


def test_an_empty_parameter_of_another_kind_is_refused(published_graph: PublishedGraph):
    with pytest.raises(KgError, match="parameter 'total': expected a whole number, found ''"):
        published_graph.run("victims-by-exploitation", {"total": ""})
    with pytest.raises(KgError, match="parameter 'value': expected a number, found ''"):
        published_graph.run("statistic-evidence", {"value": ""})


def test_kg_query_binds_zero_and_refuses_empty_text(capsys, published_dist: Path):
    dist = ["--dist", str(published_dist)]
    query = ["query", "victims-by-exploitation", "--format", "csv", *dist]
    assert main([*query, "--param", "total=54"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["value"] for row in rows} == {"53", "39", "7"}  # of the 54 victims of 000
    assert main([*query, "--param", "total=0"]) == 0
    assert list(csv.DictReader(io.StringIO(capsys.readouterr().out))) == []
    assert main(["query", "press-contacts", "--param", "person=", *dist]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        "error: parameter 'person': empty text (''); leave the parameter out to match any value"
    )


def test_parameters_are_values_not_query_text(published_graph: PublishedGraph):
    hostile = '") } } SELECT * WHERE { ?s ?p ?o } #'
    assert len(published_graph.run("agreements-and-parties", {"party": hostile})) == 0
    bound, _ = named_query("agreements-and-parties").bind({"party": hostile}, BASE)
    assert f"VALUES (?party ?document) {{ ({ox.Literal(hostile)} UNDEF) }}" in bound


def test_unknown_and_ill_typed_parameters(published_graph: PublishedGraph):
    with pytest.raises(KgError, match="unknown parameter 'colour'; this query takes document"):
        published_graph.run("ransoms", {"colour": "red"})
    with pytest.raises(KgError, match="expected a number"):
        published_graph.run("statistic-evidence", {"value": "many"})


def test_own_query_with_declared_parameters(published_graph: PublishedGraph, tmp_path: Path):
    text = (
        "# Documents by identifier.\n"
        "# param id (text): the identifier\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?doc WHERE {\n  VALUES (?id) { (UNDEF) }\n  ?doc dcterms:identifier ?id\n}\n"
    )
    query = Query.parse(text, "mine.rq")
    assert query.description == "Documents by identifier."
    result = published_graph.query(query, {"id": "003"})
    assert [row["doc"] for row in result] == [f"{BASE}id/document/003"]


def test_declared_parameters_need_a_values_clause():
    with pytest.raises(KgError, match=r"VALUES \(\?id\) \{ \(UNDEF\) \}"):
        Query.parse("# param id (text): x\nSELECT ?doc WHERE { ?doc ?p ?id }", "q.rq")
    with pytest.raises(KgError, match="KIND one of"):
        Query.parse("# param id (colour): x\nSELECT * {}", "q.rq")


def test_undeclared_parameters_are_substituted(published_graph: PublishedGraph):
    result = published_graph.sparql(
        "SELECT ?doc ?id WHERE { ?doc a schema:NewsArticle ; dcterms:identifier ?id }",
        {"id": "002"},
    )
    assert [row["id"] for row in result] == ["002"]
    tapachula = published_graph.sparql(
        "SELECT ?place ?name WHERE { ?place schema:name ?name }", {"place": "id:place/tapachula"}
    )
    assert {row["name"] for row in tapachula} == {"Tapachula"}


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def test_rows_hold_python_values(published_graph: PublishedGraph):
    result = published_graph.run("victims-assisted-over-time")
    values = {row["docs"]: row["value"] for row in result}
    assert values == {"000": 54, "002": 185, "003": 170, "004": 176}
    assert all(type(v) is int for v in values.values())
    assert python_value(ox.Literal("2.5", datatype=ox.NamedNode(f"{XSD}decimal"))) == Decimal("2.5")
    assert python_value(ox.Literal("2008-01-31", datatype=ox.NamedNode(f"{XSD}date"))) == dt.date(
        2008, 1, 31
    )
    assert (
        python_value(ox.Literal("2008-01", datatype=ox.NamedNode(f"{XSD}gYearMonth"))) == "2008-01"
    )
    assert python_value(ox.Literal("true", datatype=ox.NamedNode(f"{XSD}boolean"))) is True
    assert python_value(ox.NamedNode(f"{BASE}id/place/mexico")) == f"{BASE}id/place/mexico"


XSD = "http://www.w3.org/2001/XMLSchema#"


def test_w3c_result_formats(published_graph: PublishedGraph):
    result = published_graph.run("ransoms")
    table = list(csv.reader(io.StringIO(result.serialize("csv").decode())))
    assert table[0] == list(result.variables)
    assert table[1][result.variables.index("min")] == "500"
    tsv = result.serialize("tsv").decode().splitlines()
    assert tsv[0].split("\t") == [f"?{v}" for v in result.variables]
    data = json.loads(result.serialize("json"))
    assert data["head"]["vars"] == list(result.variables)
    assert data["results"]["bindings"][0]["max"]["value"] == "3000"
    root = ET.fromstring(result.serialize("xml"))
    assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    with pytest.raises(KgError, match="use one of"):
        result.serialize("turtle")


def test_ask_and_construct(published_graph: PublishedGraph):
    ask = published_graph.sparql("ASK { ?c a kg:Campaign }")
    assert ask.boolean is True
    assert json.loads(ask.serialize("json"))["boolean"] is True
    graph = published_graph.sparql("DESCRIBE <id/place/tapachula>")
    assert graph.form == "graph" and len(graph) > 0
    turtle = graph.serialize("turtle").decode()
    assert "@prefix schema: <https://schema.org/>" in turtle
    parsed = list(ox.parse(graph.serialize("ntriples"), format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == len(graph)
    assert json.loads(graph.serialize("jsonld"))
    with pytest.raises(KgError, match="CONSTRUCT and DESCRIBE give a graph"):
        graph.serialize("csv")


def test_inferences_are_in_a_graph_of_their_own(published_dist: Path):
    asserted = PublishedGraph(published_dist, inferred=False)
    inferred = PublishedGraph(published_dist)
    question = "ASK { <id/place/tapachula> kg:containedInPlace <id/place/mexico> }"
    assert not asserted.sparql(question).boolean
    assert inferred.sparql(question).boolean
    graphs = inferred.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    names = {row["g"] for row in graphs}
    assert f"{BASE}graph/inferred" in names
    assert f"{BASE}graph/document/000" in names


def test_a_triple_several_documents_state_is_one_triple(published_graph: PublishedGraph):
    """The default graph is the merge of the named graphs, not a bag of their triples."""
    result = published_graph.sparql(
        "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE {"
        " GRAPH ?g { <id/agreement/iom-cndh-cooperation-agreement> a kg:Agreement } }"
    )
    assert result.rows[0]["graphs"] > 1
    once = published_graph.sparql(
        "SELECT (COUNT(*) AS ?n) WHERE { <id/agreement/iom-cndh-cooperation-agreement> a ?c ."
        " FILTER(?c = kg:Agreement) }"
    )
    assert once.rows[0]["n"] == 1


def test_syntax_error_gives_line_and_column(published_graph: PublishedGraph):
    with pytest.raises(QuerySyntaxError) as caught:
        published_graph.sparql("SELECT ?x WHERE {\n  ?x a ?y .\n  BIND(1 AS)\n}", source="q.rq")
    error = caught.value
    assert error.line == 3 and error.column > 1
    assert str(error).startswith(f"q.rq:3:{error.column}: SPARQL syntax error: expected")


def test_missing_publication(tmp_path: Path):
    with pytest.raises(KgError, match="run `kg publish`"):
        PublishedGraph(tmp_path)


def test_module_functions_use_a_cached_graph(published_dist: Path):
    first = run("ransoms", dist=published_dist)
    second = sparql("SELECT ?x WHERE { ?x a kg:Campaign }", dist=published_dist, inferred=False)
    assert len(first) == 1 and len(second) == 2


# --------------------------------------------------------------------------------------------
# The commands
# --------------------------------------------------------------------------------------------


def test_kg_queries_lists_every_named_query(capsys):
    assert main(["queries"]) == 0
    listed = capsys.readouterr().out
    for name in NAMES:
        assert name in listed


def test_kg_query_prints_a_table(capsys, published_dist: Path):
    assert main(["query", "ransoms", "--format", "table", "--dist", str(published_dist)]) == 0
    captured = capsys.readouterr()
    assert "US dollar" in captured.out and "1 row" in captured.err


def test_kg_query_formats(capsys, published_dist: Path):
    dist = ["--dist", str(published_dist)]
    assert (
        main(["query", "press-contacts", "--param", "person=Le Goff", "--format", "csv", *dist])
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["email"] for row in rows] == ["hlegoff@iom.int"]
    assert (
        main(["query", "--sparql", "DESCRIBE <id/place/puebla>", "--format", "ntriples", *dist])
        == 0
    )
    assert "<https://kg.example.org/id/place/puebla>" in capsys.readouterr().out


def test_kg_query_file(capsys, published_dist: Path, tmp_path: Path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT (COUNT(*) AS ?documents) WHERE { ?d a schema:NewsArticle }\n")
    assert (
        main(["query", "--file", str(path), "--format", "tsv", "--dist", str(published_dist)]) == 0
    )
    assert capsys.readouterr().out.splitlines()[1].startswith("5")


def test_kg_query_syntax_error_is_an_error_in_the_request(capsys, published_dist, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("PREFIX schema: <https://schema.org/>\nSELECT ?d WHERE {\n  ?d a BIND\n}\n")
    assert main(["query", "--file", str(path), "--dist", str(published_dist)]) == 1
    message = capsys.readouterr().err
    assert re.match(rf"error: {re.escape(str(path))}:3:\d+: SPARQL syntax error: ", message)
    assert len(message.strip().splitlines()) == 1


def test_kg_query_unknown_name_and_bad_usage(capsys, published_dist: Path):
    assert main(["query", "victims-assited", "--dist", str(published_dist)]) == 1
    assert "did you mean victims-assisted-over-time" in capsys.readouterr().err
    assert main(["query", "--dist", str(published_dist)]) == 2
    assert main(["query", "ransoms", "--param", "document", "--dist", str(published_dist)]) == 2
    assert main(["query", "ransoms", "--dist", str(published_dist / "nowhere")]) == 1
    assert "kg publish" in capsys.readouterr().err


def test_kg_query_command_end_to_end(published_dist: Path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "query",
            "statistics-by-source",
            "--param",
            "source=CNDH",
            "--format",
            "json",
            "--dist",
            str(published_dist),
        ],
        capture_output=True,
        check=True,
    )
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert {row["value"]["value"] for row in rows} == {"20000", "10000"}
