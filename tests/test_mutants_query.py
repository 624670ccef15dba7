"""The query stage's small helpers (`kg.store.query`): the cases `make mutate` found untested, each
with the exact answer: how an undeclared parameter's kind is guessed, how IRIs are expanded,
how table cells are shortened, and when the published graph is loaded again."""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.queries import _guess_kind
from kg.store.query import Result, expand_iri, prefix_map, published, to_term

BASE = "https://ex.org/"
KG = "https://kg.example.org/def/kg#"


# --------------------------------------------------------------------------------------------
# _guess_kind: an undeclared parameter's kind, from its Python type or its text
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (True, "bool"),
        (False, "bool"),
        (0, "integer"),
        (-7, "integer"),
        (1.5, "decimal"),
        (Decimal("2.25"), "decimal"),
        (dt.date(2007, 11, 15), "date"),
        (dt.datetime(2007, 11, 15, 12, 0), "date"),
    ],
)
def test_a_python_value_has_the_kind_of_its_type(value, kind):
    assert _guess_kind(value) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("42", "integer"),
        ("0", "integer"),
        ("-3", "integer"),
        ("+15", "integer"),
        ("1.5", "decimal"),
        ("-0.25", "decimal"),
        ("+10.0", "decimal"),
        ("<https://ex.org/a>", "iri"),
        ("https://ex.org/a", "iri"),
        ("urn:isbn:0451450523", "iri"),
        ("mailto:someone@ex.org", "iri"),
        ("id:place/mexico", "iri"),
        # Only canonical numbers: leading zeros make an identifier.
        ("002", "text"),
        ("007.5", "text"),
        ("1.", "text"),
        (".5", "text"),
        ("1,000", "text"),
        ("x42", "text"),
        ("42x", "text"),
        ("IOM Mexico", "text"),
        ("", "text"),
    ],
)
def test_a_text_has_the_kind_it_looks_like(text, kind):
    assert _guess_kind(text) == kind


def test_a_guessed_number_becomes_a_typed_literal():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert to_term("42", None, BASE) == ox.Literal("42", datatype=ox.NamedNode(xsd + "integer"))
    assert to_term("1.5", None, BASE) == ox.Literal("1.5", datatype=ox.NamedNode(xsd + "decimal"))
    assert to_term("002", None, BASE) == ox.Literal("002")


# --------------------------------------------------------------------------------------------
# expand_iri
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iri"),
    [
        ("<https://ex.org/a>", "https://ex.org/a"),
        ("  <https://ex.org/a>  ", "https://ex.org/a"),
        ("<x:y>", "x:y"),
        ("https://ex.org/a", "https://ex.org/a"),
        ("id:place/mexico", BASE + "id/place/mexico"),
        ("<id:place/mexico>", BASE + "id/place/mexico"),
        ("kg:Campaign", KG + "Campaign"),
        ("schema:Event", "https://schema.org/Event"),
        # Only the first colon ends the prefix.
        ("kg:a:b", KG + "a:b"),
        ("id:place/x:y", BASE + "id/place/x:y"),
        # A scheme that is no known prefix is left as it is.
        ("urn:isbn:0451450523", "urn:isbn:0451450523"),
        ("mailto:someone@ex.org", "mailto:someone@ex.org"),
        # A known prefix followed by "//" is an absolute IRI of that scheme, not a name.
        ("time://ex.org/x", "time://ex.org/x"),
        ("kg://host/x", "kg://host/x"),
    ],
)
def test_an_iri_is_expanded(text, iri):
    assert expand_iri(text, BASE) == iri


@pytest.mark.parametrize(
    "text",
    [
        "place",  # relative: no scheme
        "<https://ex.org/a",  # an opening bracket without its closing one
        "https://ex.org/a>",  # and the other way round
        "kg:Campaign>",
        "<>",
    ],
)
def test_a_text_that_is_no_iri_is_refused(text):
    with pytest.raises(KgError) as caught:
        expand_iri(text, BASE)
    error = caught.value
    assert error.path == "IRI"
    assert error.line is None
    assert " is not an IRI (" in error.message
    assert str(error).startswith("IRI: ")


def test_the_refusal_names_what_was_given_and_the_text():
    with pytest.raises(KgError) as caught:
        expand_iri("<not an iri>", BASE, "parameter 'place'")
    error = caught.value
    assert error.path == "parameter 'place'"
    assert error.line is None
    assert error.message.startswith("'not an iri' is not an IRI (")
    assert str(error).startswith("parameter 'place': 'not an iri' is not an IRI (")


def test_an_undeclared_iri_parameter_is_refused_under_its_name():
    with pytest.raises(KgError) as caught:
        to_term("<place>", None, BASE, "place")
    assert caught.value.path == "parameter 'place'"


# --------------------------------------------------------------------------------------------
# Result.compact: a table cell
# --------------------------------------------------------------------------------------------


def _result(prefixes: dict[str, str]) -> Result:
    return Result("select", prefixes=prefixes)


def test_no_value_is_an_empty_cell():
    assert _result(prefix_map(BASE)).compact(None, None) == ""
    assert _result(prefix_map(BASE)).compact(None, ox.NamedNode(KG + "Campaign")) == ""


def test_an_iri_with_a_known_prefix_is_a_prefixed_name():
    result = _result(prefix_map(BASE))
    assert result.compact(KG + "Campaign", ox.NamedNode(KG + "Campaign")) == "kg:Campaign"
    place = BASE + "id/place/mexico"
    assert result.compact(place, ox.NamedNode(place)) == "id:place/mexico"


def test_an_iri_without_a_known_prefix_stays_whole():
    result = _result(prefix_map(BASE))
    assert result.compact("https://other.org/a", ox.NamedNode("https://other.org/a")) == (
        "https://other.org/a"
    )
    assert _result({}).compact(KG + "Campaign", ox.NamedNode(KG + "Campaign")) == KG + "Campaign"


def test_a_literal_is_its_value_as_text():
    result = _result(prefix_map(BASE))
    assert result.compact(5, ox.Literal("5", datatype=ox.NamedNode(KG + "x"))) == "5"
    assert result.compact(KG + "x", ox.Literal(KG + "x")) == KG + "x"


@pytest.mark.parametrize(
    "prefixes",
    [
        {"a": "https://ex.org/", "b": "https://ex.org/ns/"},
        {"b": "https://ex.org/ns/", "a": "https://ex.org/"},
        {"z": "https://ex.org/", "b": "https://ex.org/ns/"},
    ],
)
def test_the_longest_matching_namespace_wins(prefixes):
    """Whatever the order or names of the prefixes, the most specific one shortens the IRI."""
    short = {namespace: prefix for prefix, namespace in prefixes.items()}
    result = _result(prefixes)
    iri = "https://ex.org/ns/x"
    assert result.compact(iri, ox.NamedNode(iri)) == f"{short['https://ex.org/ns/']}:x"
    other = "https://ex.org/y"
    assert result.compact(other, ox.NamedNode(other)) == f"{short['https://ex.org/']}:y"


# --------------------------------------------------------------------------------------------
# published: loaded once while the files are unchanged
# --------------------------------------------------------------------------------------------

REFERENCE = f"<{BASE}graph/reference>"


def _trig(name: str) -> str:
    return f"{REFERENCE} {{ <{BASE}id/{name}> a <{KG}Campaign> . }}\n"


def _inferred(name: str) -> str:
    return f"<{BASE}id/{name}> a <{KG}Activity> .\n"


def _write(folder: Path, name: str, *, inferred: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kg.trig").write_text(_trig(name), encoding="utf-8")
    if inferred:
        (folder / "kg-inferred.ttl").write_text(_inferred(name), encoding="utf-8")


def _has(graph, name: str, cls: str) -> bool:
    return graph.sparql(f"ASK {{ <{BASE}id/{name}> a <{KG}{cls}> }}").boolean


def test_the_published_graph_includes_the_inferences_by_default(tmp_path):
    _write(tmp_path, "a")
    graph = published(tmp_path)
    assert graph.inferred is True
    assert _has(graph, "a", "Campaign")
    assert _has(graph, "a", "Activity")
    asserted = published(tmp_path, inferred=False)
    assert asserted.inferred is False
    assert not _has(asserted, "a", "Activity")


def test_the_published_graph_is_loaded_once_while_unchanged(tmp_path):
    _write(tmp_path, "a")
    assert published(tmp_path) is published(str(tmp_path))


def test_a_changed_file_is_loaded_again(tmp_path):
    _write(tmp_path, "a")
    first = published(tmp_path)
    assert _has(first, "a", "Campaign")
    trig = tmp_path / "kg.trig"
    trig.write_text(_trig("b"), encoding="utf-8")
    stat = trig.stat()
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = published(tmp_path)
    assert second is not first
    assert _has(second, "b", "Campaign")
    assert not _has(second, "a", "Campaign")


def test_a_part_replaced_by_another_of_the_same_age_is_loaded_again(tmp_path):
    """The stamp names the files: a part swapped for another (copied with its times, as
    `cp -p` does) is a change even when every modification time is the same."""
    _write(tmp_path / "parts" / "reference", "ref")
    old = tmp_path / "parts" / "documents-001"
    _write(old, "a")
    first = published(tmp_path)
    assert _has(first, "a", "Campaign")
    times = {name: (old / name).stat() for name in ("kg.trig", "kg-inferred.ttl")}
    new = tmp_path / "parts" / "documents-002"
    _write(new, "b")
    for name, stat in times.items():
        os.utime(new / name, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        (old / name).unlink()
    old.rmdir()
    second = published(tmp_path)
    assert second is not first
    assert _has(second, "b", "Campaign")
    assert not _has(second, "a", "Campaign")


def test_a_part_without_its_inferences_is_named(tmp_path):
    _write(tmp_path / "parts" / "reference", "ref")
    _write(tmp_path / "parts" / "documents-001", "a", inferred=False)
    with pytest.raises(KgError) as caught:
        published(tmp_path)
    assert caught.value.path == tmp_path.resolve() / "parts" / "documents-001" / "kg-inferred.ttl"
    assert "missing" in caught.value.message
    # Without the inferences the asserted graphs are enough.
    assert _has(published(tmp_path, inferred=False), "a", "Campaign")


# --------------------------------------------------------------------------------------------
# to_term: a parameter's value by its declared kind, and the exact refusals
# --------------------------------------------------------------------------------------------

XSD = "http://www.w3.org/2001/XMLSchema#"


def _typed(text: str, datatype: str) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))


@pytest.mark.parametrize(
    ("value", "kind", "term"),
    [
        ("1,234", "integer", _typed("1234", "integer")),
        (" -12 ", "integer", _typed("-12", "integer")),
        ("+5", "integer", _typed("+5", "integer")),
        (7, "decimal", _typed("7", "decimal")),
        ("5.", "decimal", _typed("5.", "decimal")),
        (".5", "decimal", _typed(".5", "decimal")),
        ("2,500.25", "decimal", _typed("2500.25", "decimal")),
        (2007, "date", _typed("2007", "gYear")),
        ("2007-11", "date", _typed("2007-11", "gYearMonth")),
        (dt.date(2007, 11, 15), "date", _typed("2007-11-15", "date")),
        (42, "text", ox.Literal("42")),
        ("id:place/mexico", "iri", ox.NamedNode(BASE + "id/place/mexico")),
        (True, None, ox.Literal(True)),
        (False, "bool", ox.Literal(False)),
        (ox.Literal("x", language="es"), "integer", ox.Literal("x", language="es")),
        (ox.NamedNode("https://ex.org/a"), "text", ox.NamedNode("https://ex.org/a")),
    ],
)
def test_a_value_becomes_the_term_of_its_kind(value, kind, term):
    assert to_term(value, kind, BASE) == term


@pytest.mark.parametrize(
    ("value", "kind", "name", "message"),
    [
        (True, "integer", "n", "parameter 'n': expected a number, found True"),
        (False, "decimal", "", "parameter: expected a number, found False"),
        ("12a", "integer", "year", "parameter 'year': expected a whole number, found '12a'"),
        ("1.5", "integer", "", "parameter: expected a whole number, found '1.5'"),
        ("x", "decimal", "v", "parameter 'v': expected a number, found 'x'"),
        (
            "15/11/2007",
            "date",
            "day",
            "parameter 'day': expected a date (2007, 2007-11, 2007-11-15), found '15/11/2007'",
        ),
        ("x", "colour", "c", "parameter 'c': unknown parameter kind 'colour'"),
        ("x", "bool", "", "parameter: unknown parameter kind 'bool'"),
    ],
)
def test_a_value_that_is_not_of_its_kind_is_refused_in_one_line(value, kind, name, message):
    with pytest.raises(KgError) as caught:
        to_term(value, kind, BASE, name)
    assert str(caught.value) == message


# --------------------------------------------------------------------------------------------
# PublishedGraph._page: a page of an answer, and whether rows follow it
# --------------------------------------------------------------------------------------------


def _store() -> ox.Store:
    store = ox.Store()
    for i in range(5):
        store.add(
            ox.Quad(
                ox.NamedNode(f"https://ex.org/s{i}"),
                ox.NamedNode("https://ex.org/p"),
                ox.Literal(str(i), datatype=ox.NamedNode(XSD + "integer")),
            )
        )
    return store


SELECT = (
    "SELECT ?s ?o ?none WHERE { ?s <https://ex.org/p> ?o OPTIONAL { ?s <x:none> ?none } } "
    "ORDER BY ?o"
)
CONSTRUCT = "CONSTRUCT { ?s <https://ex.org/q> ?o } WHERE { ?s <https://ex.org/p> ?o } ORDER BY ?o"


def test_a_page_of_rows_says_whether_rows_follow_it():
    from kg.store.query import PublishedGraph

    store = _store()
    page = PublishedGraph._page(store.query(SELECT), 2, 1)
    assert (page.form, page.variables, page.more, page.offset) == (
        "select",
        ("s", "o", "none"),
        True,
        1,
    )
    assert [row["o"] for row in page.rows] == [1, 2]
    assert all("none" not in terms for terms in page.terms)  # unbound: no term
    last = PublishedGraph._page(store.query(SELECT), 2, 3)
    assert [row["o"] for row in last.rows] == [3, 4] and last.more is False
    exact = PublishedGraph._page(store.query(SELECT), 5, 0)
    assert len(exact.rows) == 5 and exact.more is False
    whole = PublishedGraph._page(store.query(SELECT), None, 0)
    assert len(whole.rows) == 5 and whole.more is False and whole.offset == 0
    assert json.loads(page.serialize("json"))["results"]["bindings"][0]["o"]["value"] == "1"


def test_a_page_of_triples_and_an_ask():
    from kg.store.query import PublishedGraph

    store = _store()
    page = PublishedGraph._page(store.query(CONSTRUCT), 2, 2)
    assert page.form == "graph" and len(page.triples) == 2 and page.more is True
    assert page.offset == 2
    rest = PublishedGraph._page(store.query(CONSTRUCT), 10, 2)
    assert len(rest.triples) == 3 and rest.more is False
    ask = PublishedGraph._page(store.query("ASK { ?s ?p ?o }"), 1, 0)
    assert ask.form == "ask" and ask.boolean is True


# --------------------------------------------------------------------------------------------
# results_json: SPARQL 1.1 Query Results JSON, byte for byte
# --------------------------------------------------------------------------------------------


def test_results_json_writes_each_kind_of_term_exactly():
    from kg.store.results import results_json

    rows = [
        {
            "u": ox.NamedNode("https://ex.org/é"),
            "b": ox.BlankNode("b0"),
            "l": ox.Literal("México", language="es"),
            "t": _typed("5", "integer"),
            "s": ox.Literal("plain"),
        },
        {},
    ]
    assert (
        results_json(["u", "b", "l", "t", "s"], rows)
        == (
            '{"head": {"vars": ["u", "b", "l", "t", "s"]}, "results": {"bindings": [{"u": {"type": '
            '"uri", "value": "https://ex.org/é"}, "b": {"type": "bnode", "value": "b0"}, "l": '
            '{"type": "literal", "value": "México", "xml:lang": "es"}, "t": {"type": "literal", '
            '"value": "5", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}, "s": {"type": '
            '"literal", "value": "plain"}}, {}]}}'
        ).encode()
    )


def test_results_json_refuses_a_term_it_cannot_write():
    from kg.store.results import results_json

    triple = ox.Triple(
        ox.NamedNode("https://ex.org/a"), ox.NamedNode("https://ex.org/p"), ox.Literal("x")
    )
    with pytest.raises(KgError) as caught:
        results_json(["t"], [{"t": triple}])
    assert str(caught.value) == f"query: a result holds a term kg cannot write: {triple}"


# --------------------------------------------------------------------------------------------
# run and sparql on a folder; the named queries read from the package
# --------------------------------------------------------------------------------------------

PARAMETERIZED = (
    "# param name (iri): the campaign\n"
    f"ASK {{ VALUES (?name) {{ (UNDEF) }} ?name a <{KG}Activity> }}\n"
)


def test_sparql_on_a_folder_binds_its_parameters_over_the_inferences(tmp_path):
    from kg.store import query

    _write(tmp_path, "a")
    assert query.sparql(PARAMETERIZED, {"name": "id:a"}, dist=tmp_path).boolean is True
    assert query.sparql(PARAMETERIZED, {"name": "id:b"}, dist=tmp_path).boolean is False
    asserted = query.sparql(PARAMETERIZED, {"name": "id:a"}, dist=tmp_path, inferred=False)
    assert asserted.boolean is False


def test_run_on_a_folder_binds_the_named_query_s_parameters(tmp_path, monkeypatch):
    from kg.queries import Query
    from kg.store import query

    named = Query.parse(PARAMETERIZED, "kg/queries/is-activity.rq", "is-activity")
    monkeypatch.setattr(query, "named_query", lambda name: named, raising=False)
    monkeypatch.setattr("kg.queries.named_query", lambda name: named)
    _write(tmp_path, "a")
    assert query.run("is-activity", {"name": "id:a"}, dist=tmp_path).boolean is True
    assert query.run("is-activity", {"name": "id:b"}, dist=tmp_path).boolean is False
    assert (
        query.run("is-activity", {"name": "id:a"}, dist=tmp_path, inferred=False).boolean is False
    )


def test_the_named_queries_are_the_package_s_rq_files(monkeypatch):
    from kg import queries

    queries.named_queries.cache_clear()
    try:
        found = queries.named_queries()
    finally:
        queries.named_queries.cache_clear()
    folder = Path(queries.__file__).parent
    files = sorted(p.name[: -len(".rq")] for p in folder.glob("*.rq"))
    assert list(found) == files and len(files) > 10
    assert all(q.source == f"kg/queries/{name}.rq" for name, q in found.items())


def test_one_question_answered_by_two_queries_is_refused(monkeypatch):
    from kg import queries

    first = queries.Query.parse("# answers: cq1\nASK {}\n", "kg/queries/a.rq", "a")
    second = queries.Query.parse("# answers: cq1\nASK {}\n", "kg/queries/b.rq", "b")
    monkeypatch.setattr(queries, "named_queries", lambda: {"a": first, "b": second})
    with pytest.raises(KgError) as caught:
        queries.competency_map()
    assert (
        str(caught.value) == "kg/queries/b.rq: cq1 is already answered by a; one query per question"
    )
    third = queries.Query.parse("# answers: cq0, cq2\nASK {}\n", "kg/queries/c.rq", "c")
    monkeypatch.setattr(queries, "named_queries", lambda: {"a": first, "c": third})
    assert list(queries.competency_map().items()) == [("cq0", "c"), ("cq1", "a"), ("cq2", "c")]


# --------------------------------------------------------------------------------------------
# Query.parse: the header comment, line by line
# --------------------------------------------------------------------------------------------

HEADER = (
    "# Who funds what.\n"
    "#\n"
    "#   A second line of prose, not the description.\n"
    "# answers: cq1, cq2 cq3,,\n"
    "# answers: cq4\n"
    "# param  org (iri): the funder, by its IRI \n"
    "# param year (integer): a year\n"
    "# example: kg query funders\n"
    "# example:   kg query funders --param year=2015  \n"
    "\n"
    "# after a blank line, still the header (prose after the description: ignored)\n"
    "SELECT * WHERE { VALUES (?org ?year) { (UNDEF UNDEF) } }\n"
    "# answers: cq9\n"
)


def test_a_header_gives_its_description_answers_parameters_and_examples():
    from kg.queries import Parameter, Query

    query = Query.parse(HEADER, "kg/queries/funders.rq", "funders")
    assert (query.name, query.source) == ("funders", "kg/queries/funders.rq")
    assert query.description == "Who funds what."
    assert query.answers == ("cq1", "cq2", "cq3", "cq4")
    assert query.parameters == {
        "org": Parameter("org", "iri", "the funder, by its IRI"),
        "year": Parameter("year", "integer", "a year"),
    }
    assert list(query.parameters) == ["org", "year"]
    assert query.examples == ("kg query funders", "kg query funders --param year=2015")
    assert query.text == HEADER


def test_a_query_without_a_header_has_none():
    from kg.queries import Query

    query = Query.parse("ASK {}\n# answers: cq1\n", "q.rq")
    assert (query.description, query.answers, query.parameters, query.examples) == ("", (), {}, ())
    assert query.name is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("# param org: no kind", 2),
        ("# param org (colour): a kind that is none", 2),
        ("# param (iri): no name", 2),
    ],
)
def test_a_parameter_line_that_is_not_one_is_refused_with_its_line(line, number):
    from kg.queries import PARAM_KINDS, Query

    with pytest.raises(KgError) as caught:
        Query.parse(f"# A query.\n{line}\nASK {{}}\n", "kg/queries/x.rq")
    content = line.lstrip("#").strip()
    assert str(caught.value) == (
        f"kg/queries/x.rq:{number}: a parameter is declared as `# param NAME (KIND): "
        f"description` with KIND one of {', '.join(PARAM_KINDS)}; found {content!r}"
    )


def test_declared_parameters_are_bound_in_exactly_one_values_clause():
    from kg.queries import Query

    message = (
        "q.rq: a query that declares parameters binds them in one clause "
        "`VALUES (?a ?b) { (UNDEF UNDEF) }`"
    )
    for text in (
        "# param b (text): b\n# param a (text): a\nASK {}\n",
        "# param b (text): b\n# param a (text): a\nASK { VALUES (?a) { (UNDEF) } }\n",
        "# param b (text): b\n# param a (text): a\n"
        "ASK { VALUES (?a ?b) { (UNDEF UNDEF) } VALUES (?a ?b) { (UNDEF UNDEF) } }\n",
    ):
        with pytest.raises(KgError) as caught:
            Query.parse(text, "q.rq")
        assert str(caught.value) == message
    ok = Query.parse(
        "# param b (text): b\n# param a (text): a\nASK { VALUES (?b ?a) { (UNDEF UNDEF) } }\n",
        "q.rq",
    )
    assert set(ok.parameters) == {"a", "b"}


# --------------------------------------------------------------------------------------------
# Result._used_prefixes and PublishedGraph's loading
# --------------------------------------------------------------------------------------------


def test_turtle_declares_the_vocabularies_used_and_never_the_data_s_id_prefix():
    triples = [
        ox.Triple(
            ox.NamedNode(BASE + "id/place/mexico"),
            ox.NamedNode(KG + "count"),
            ox.Literal("5", datatype=ox.NamedNode(XSD + "integer")),
        )
    ]
    result = Result("graph", triples=triples, prefixes=prefix_map(BASE))
    assert result._used_prefixes() == {"kg": KG, "xsd": XSD}
    turtle = result.serialize("turtle").decode()
    assert "@prefix id:" not in turtle and f"<{BASE}id/place/mexico>" in turtle


def test_a_folder_that_is_not_valid_rdf_is_refused_in_one_line(tmp_path):
    from kg.store.query import PublishedGraph

    (tmp_path / "kg.trig").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(KgError) as caught:
        PublishedGraph(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'kg.trig'}: not valid RDF: ")


def test_the_inferences_are_their_own_graph_and_the_default_graph_merges_all(tmp_path):
    from kg.store.query import PublishedGraph

    _write(tmp_path, "a")
    graph = PublishedGraph(tmp_path)
    assert graph.base == BASE and graph.prefixes == prefix_map(BASE)
    inferred = f"<{BASE}graph/inferred>"
    assert graph.sparql(f"ASK {{ GRAPH {inferred} {{ ?s a <{KG}Activity> }} }}").boolean
    assert graph.sparql(f"ASK {{ GRAPH {REFERENCE} {{ ?s a <{KG}Campaign> }} }}").boolean
    assert graph.sparql(f"ASK {{ ?s a <{KG}Activity> . ?s a <{KG}Campaign> }}").boolean
    asserted = PublishedGraph(tmp_path, inferred=False)
    assert not asserted.sparql(f"ASK {{ GRAPH {inferred} {{ ?s ?p ?o }} }}").boolean
    missing = tmp_path / "none"
    missing.mkdir()
    (missing / "kg.trig").write_text(_trig("b"), encoding="utf-8")
    with pytest.raises(KgError) as caught:
        PublishedGraph(missing)
    assert "no inferred graph; publish again, or query --asserted" in str(caught.value)


def test_a_syntax_error_names_its_line_and_column_when_known():
    from kg.store.query import QuerySyntaxError

    assert str(QuerySyntaxError("q.rq", 3, 7, "x")) == "q.rq:3:7: SPARQL syntax error: x"
    assert str(QuerySyntaxError("q.rq", 3, None, "x")) == "q.rq:3: SPARQL syntax error: x"
    assert str(QuerySyntaxError("q.rq", None, None, "x")) == "q.rq: SPARQL syntax error: x"
    assert str(QuerySyntaxError("q.rq", 1, 0, "x")) == "q.rq:1:0: SPARQL syntax error: x"


# --------------------------------------------------------------------------------------------
# python_value: the Python value of each literal type (tenth run's sample)
# --------------------------------------------------------------------------------------------


def _typed(text: str, local: str) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#" + local))


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (_typed("1.5E0", "double"), 1.5),
        (_typed("-0.25", "float"), -0.25),
        (_typed("INF", "float"), float("inf")),
        (
            _typed("2015-03-01T10:30:00Z", "dateTime"),
            dt.datetime(2015, 3, 1, 10, 30, tzinfo=dt.UTC),
        ),
        (
            _typed("2015-03-01T10:30:00+02:00", "dateTime"),
            dt.datetime(2015, 3, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
        (_typed("2015-03-01T10:30:00", "dateTime"), dt.datetime(2015, 3, 1, 10, 30)),
    ],
)
def test_floats_and_date_times_are_python_numbers_and_datetimes(literal, value):
    from kg.store.query import python_value

    got = python_value(literal)
    assert got == value
    assert type(got) is type(value)
    if isinstance(value, dt.datetime):
        assert got.utcoffset() == value.utcoffset()


def test_an_ill_typed_float_or_date_time_keeps_its_lexical_form():
    from kg.store.query import python_value

    assert python_value(_typed("about two", "float")) == "about two"
    assert python_value(_typed("last March", "dateTime")) == "last March"


# --------------------------------------------------------------------------------------------
# Query.parse: a header line's key is what comes before its first colon
# --------------------------------------------------------------------------------------------


def test_a_header_line_s_key_ends_at_its_first_colon():
    from kg.queries import Query

    text = (
        "# Places: where each thing happened.\n"
        "# answers: cq07, cq08\n"
        "# example: kg query places --param place=id:place/mexico\n"
        "# example: kg query places --sparql 'ASK { ?s a schema:Place }'\n"
        "ASK {}\n"
    )
    query = Query.parse(text, "q.rq")
    assert query.description == "Places: where each thing happened."
    assert query.answers == ("cq07", "cq08")
    assert query.examples == (
        "kg query places --param place=id:place/mexico",
        "kg query places --sparql 'ASK { ?s a schema:Place }'",
    )


# --------------------------------------------------------------------------------------------
# named_query: the names it suggests for one it does not know
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("zzzz-qqqq", ""),  # like no name, in no name: no suggestion
        ("org", "; did you mean partner-organizations?"),  # in one name only
        ("fundrs", "; did you mean funders?"),  # close to one name only
        ("victims", "; did you mean victims-over-time or victims-by-origin?"),  # the closer first
    ],
)
def test_an_unknown_named_query_suggests_only_names_like_it_or_holding_it(monkeypatch, name, hint):
    import kg.queries
    from kg.queries import Query, named_query

    names = ("about-traffickers", "funders", "partner-organizations", "victims-by-origin")
    names += ("victims-over-time",)
    queries = {n: Query("ASK {}", f"kg/queries/{n}.rq", n) for n in names}
    monkeypatch.setattr(kg.queries, "named_queries", lambda: queries)
    assert named_query("funders") is queries["funders"]
    with pytest.raises(KgError) as caught:
        named_query(name)
    assert str(caught.value) == f"{name}: no such named query{hint} (`kg queries` lists them)"


# --------------------------------------------------------------------------------------------
# PublishedGraph.query: its refusals, each with what it is about
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (None, -1), (1, 10**12 + 1)])
def test_a_page_out_of_bounds_is_refused_under_the_options_that_give_it(tmp_path, limit, offset):
    from kg.queries import Query
    from kg.store.query import MAX_ROWS, PublishedGraph

    _write(tmp_path, "a")
    graph = PublishedGraph(tmp_path)
    with pytest.raises(KgError) as caught:
        graph.query(Query("SELECT * WHERE { ?s ?p ?o }", "q.rq"), limit=limit, offset=offset)
    assert (caught.value.path, caught.value.line) == ("--limit/--offset", None)
    assert str(caught.value) == (
        f"--limit/--offset: a page has 1 to {MAX_ROWS} rows, from row 0 to {MAX_ROWS}"
    )


def test_a_query_the_engine_cannot_run_is_refused_with_the_engine_s_reason(tmp_path):
    from kg.store.query import PublishedGraph

    _write(tmp_path, "a")
    graph = PublishedGraph(tmp_path)
    with pytest.raises(KgError) as caught:
        graph.sparql("ASK { FILTER(<https://ex.org/no-such-function>(1)) }", source="q.rq")
    assert str(caught.value) == (
        "q.rq: the query failed: The custom function <https://ex.org/no-such-function> is not "
        "supported"
    )


class _Refusing:
    """A store whose parser refuses every query with `message` (a SyntaxError, as Oxigraph's)."""

    def __init__(self, message: str) -> None:
        self.message = message

    def query(self, *args, **kwargs):
        raise SyntaxError(self.message)


def test_a_syntax_error_without_a_position_is_said_in_one_line_without_one(tmp_path):
    from kg.store.query import PublishedGraph, QuerySyntaxError

    _write(tmp_path, "a")
    graph = PublishedGraph(tmp_path)
    graph.store = _Refusing("the query\n   stops   here")
    with pytest.raises(QuerySyntaxError) as caught:
        graph.sparql("ASK {}", source="q.rq")
    error = caught.value
    assert (error.path, error.line, error.column) == ("q.rq", None, None)
    assert str(error) == "q.rq: SPARQL syntax error: the query stops here"
    graph.store = _Refusing("error at 2:7:\n  expected OPTIONAL")
    with pytest.raises(QuerySyntaxError) as caught:
        graph.sparql("ASK {}", source="q.rq")
    assert str(caught.value) == "q.rq:2:7: SPARQL syntax error: expected OPTIONAL"
