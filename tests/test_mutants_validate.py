"""The validate stage (`kg.build.validate`): the cases `make mutate` found untested, each with
the exact results a user reads, on small shapes made for them."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from kg.build.validate import SHAPES_DIR, keep_results, merge_reports, parse_turtle_files, validate
from kg.errors import KgError
from kg.vocab import KG, SH

ID = "https://kg.example.org/id/"
A, B = URIRef(ID + "a"), URIRef(ID + "b")

# A place needs a code (a violation), a name (a warning), a part and a whole's name (infos:
# an inverse and a sequence path, whose blank nodes the results of a shape share).
SHAPES = Graph().parse(
    format="turtle",
    data="""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix kg: <https://kg.example.org/def/kg#> .
    kg:PlaceShape a sh:NodeShape ; sh:targetClass kg:Place ;
      sh:property kg:PlaceShape-name, kg:PlaceShape-code, kg:PlaceShape-part,
        kg:PlaceShape-whole .
    kg:PlaceShape-name sh:path kg:name ; sh:minCount 1 ; sh:severity sh:Warning ;
      sh:message "no name" .
    kg:PlaceShape-code sh:path kg:code ; sh:minCount 1 ; sh:severity sh:Violation ;
      sh:message "no code" .
    kg:PlaceShape-part sh:path [ sh:inversePath kg:partOf ] ; sh:minCount 1 ;
      sh:severity sh:Info ; sh:message "no part" .
    kg:PlaceShape-whole sh:path ( kg:partOf kg:name ) ; sh:minCount 1 ; sh:severity sh:Info ;
      sh:message "no whole's name" .
    """,
)
DATA = Graph().parse(
    format="turtle",
    data=f"""
    @prefix kg: <https://kg.example.org/def/kg#> .
    <{A}> a kg:Place .
    <{B}> a kg:Place ; kg:code "B" ; kg:name "b" .
    """,
)
ENGINES = ["fast", "pyshacl"]

ALL = [
    f"Violation: {A} (kg:code): no code",
    f"Warning: {A} (kg:name): no name",
    f"Info: {A} ((complex path)): no whole's name",
    f"Info: {A} (^kg:partOf): no part",
    f"Info: {B} ((complex path)): no whole's name",
    f"Info: {B} (^kg:partOf): no part",
]
OF_B = [line for line in ALL if f" {B} " in line]


def lines(result) -> list[str]:
    return [str(v) for v in result.violations]


@pytest.mark.parametrize("engine", ENGINES)
def test_results_are_listed_most_severe_first_each_with_its_path(engine):
    result = validate(DATA, SHAPES, engine=engine)
    assert lines(result) == ALL and result.conforms is False
    first = result.violations[0]
    assert (first.severity, first.focus, first.path, first.message, first.shape) == (
        "Violation",
        str(A),
        "kg:code",
        "no code",
        str(KG["PlaceShape-code"]),
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_triples_validate_as_the_graph_they_make(engine):
    assert lines(validate(list(DATA), SHAPES, engine=engine)) == ALL


@pytest.mark.parametrize("engine", ENGINES)
def test_only_warnings_and_infos_conform(engine):
    data = Graph() + DATA
    data.add((A, KG.code, Literal("A")))
    result = validate(data, SHAPES, engine=engine)
    assert result.conforms is True and lines(result) == ALL[1:]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_focused_validation_reports_the_focus_nodes_alone_with_their_paths(engine):
    """The results about B keep the inverse and the sequence path the results about A, which
    are dropped, share with them (dropping those took the paths' triples along)."""
    focused = validate(DATA, SHAPES, focus_nodes=[B], engine=engine)
    assert focused.conforms is True and lines(focused) == OF_B
    assert validate(DATA, SHAPES, focus_nodes=[A], engine=engine).conforms is False


@pytest.mark.parametrize("engine", ENGINES)
def test_keeping_some_results_keeps_the_paths_they_share_with_the_others(engine):
    report = validate(DATA, SHAPES, engine=engine).report
    keep_results(report, lambda node: node == B)
    results = list(report.objects(None, SH.result))
    assert {report.value(r, SH.focusNode) for r in results} == {B} and len(results) == 2
    paths = {
        report.value(r, SH.resultMessage).value: report.value(r, SH.resultPath) for r in results
    }
    assert report.value(paths["no part"], SH.inversePath) == KG.partOf
    assert list(Collection(report, paths["no whole's name"])) == [KG.partOf, KG.name]
    assert not set(report.subjects(SH.focusNode, A))


# -- merging the reports of parts of the graph ------------------------------------------------


def test_merged_reports_list_each_result_once_and_the_extra_checks():
    whole = validate(DATA, SHAPES).report
    of_b = validate(DATA, SHAPES, focus_nodes=[B]).report
    extra = [
        (B, KG.population, Literal(3), SH.Warning, "two values", KG["PlaceShape-name"]),
        (A, KG.population, None, SH.Info, "no value", KG["PlaceShape-name"]),
    ]
    merged = merge_reports([whole, of_b], extra)
    assert lines(merged) == [
        *ALL[:2],
        f"Warning: {B} (kg:population): two values",
        *ALL[2:4],
        f"Info: {A} (kg:population): no value",
        *ALL[4:],
    ]
    assert merged.conforms is False
    report = merged.report
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    added = {report.value(r, SH.resultMessage).value: r for r in report.objects(node, SH.result)}
    assert report.value(added["two values"], SH.value) == Literal(3)
    assert report.value(added["no value"], SH.value) is None
    assert report.value(added["two values"], RDF.type) == SH.ValidationResult
    assert report.value(added["two values"], SH.sourceShape) == KG["PlaceShape-name"]


def test_a_merged_report_with_warnings_alone_builds_but_does_not_conform_as_shacl_says():
    data = Graph() + DATA
    data.add((A, KG.code, Literal("A")))
    merged = merge_reports([validate(data, SHAPES).report])
    assert merged.conforms is True and lines(merged) == ALL[1:]
    (node,) = merged.report.subjects(RDF.type, SH.ValidationReport)
    assert merged.report.value(node, SH.conforms) == Literal(False)


def test_an_extra_violation_stops_the_build():
    extra = [(A, KG.code, None, SH.Violation, "clash", KG["PlaceShape-code"])]
    merged = merge_reports([], extra)
    assert merged.conforms is False and lines(merged) == [f"Violation: {A} (kg:code): clash"]


def test_no_result_conforms_in_both_senses():
    merged = merge_reports([Graph()])
    (node,) = merged.report.subjects(RDF.type, SH.ValidationReport)
    assert merged.conforms is True and merged.violations == ()
    assert merged.report.value(node, SH.conforms) == Literal(True)
    assert isinstance(node, BNode)


# -- shapes the fast engine leaves to pySHACL, and shapes that cannot be applied ---------------

CLOSED = Graph().parse(
    format="turtle",
    data="""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix kg: <https://kg.example.org/def/kg#> .
    kg:ClosedShape a sh:NodeShape ; sh:targetClass kg:Place ; sh:closed true ;
      sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;
      sh:message "not a place's property" .
    """,
)


def test_a_shape_the_fast_engine_lacks_is_applied_by_pyshacl_to_the_focus_nodes_alone():
    result = validate(DATA, CLOSED, focus_nodes=[B])
    assert result.conforms is False
    assert {(v.focus, v.path, v.message) for v in result.violations} == {
        (str(B), "kg:code", "not a place's property"),
        (str(B), "kg:name", "not a place's property"),
    }
    assert validate(DATA, CLOSED, focus_nodes=[A]).conforms is True


def test_shapes_pyshacl_cannot_apply_are_one_line_of_error_naming_the_shapes():
    shapes = Graph().parse(
        format="turtle",
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://kg.example.org/def/kg#> .
        kg:S a sh:NodeShape ; sh:targetClass kg:Place ;
          sh:sparql [ sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ] .
        """,
    )
    with pytest.raises(KgError) as info:
        validate(DATA, shapes, engine="pyshacl")
    assert (info.value.path, info.value.line) == (SHAPES_DIR, None)
    assert info.value.message == (
        "the shapes cannot be applied: Validation Failure - "
        "A SPARQL Constraint must not contain a VALUES clause."
    )


# -- results as the report holds them -----------------------------------------------------------


def test_a_result_without_severity_message_shape_or_path_reads_as_a_bare_violation():
    report = Graph()
    node, bare, info = BNode(), BNode(), BNode()
    report.add((node, SH.result, bare))
    report.add((bare, SH.focusNode, A))
    report.add((node, SH.result, info))
    report.add((info, SH.focusNode, B))
    report.add((info, SH.resultSeverity, SH.Info))
    report.add((info, SH.resultPath, KG.name))
    report.add((info, SH.resultMessage, Literal("a note")))
    (first, second) = merge_reports([report]).violations
    assert (first.severity, first.focus, first.path, first.message, first.shape) == (
        "Info",
        str(B),
        "kg:name",
        "a note",
        "",
    )
    assert (second.severity, second.focus, second.path, second.message, second.shape) == (
        "Violation",
        str(A),
        "",
        "",
        "",
    )
    assert str(second) == f"Violation: {A}: "


def test_a_result_of_a_severity_shacl_does_not_name_comes_after_infos():
    report = Graph()
    for focus, severity in [(A, KG.Custom), (B, SH.Info)]:
        result = BNode()
        report.add((BNode(), SH.result, result))
        report.add((result, SH.focusNode, focus))
        report.add((result, SH.resultSeverity, severity))
    assert [v.severity for v in merge_reports([report]).violations] == ["Info", "Custom"]


# -- Turtle files ------------------------------------------------------------------------------


def test_a_turtle_file_is_read_as_turtle_whatever_its_suffix(tmp_path):
    path = tmp_path / "graph.owl"  # an ontology editor's suffix, usually RDF/XML
    path.write_text("@prefix kg: <https://kg.example.org/def/kg#> .\nkg:a kg:p kg:b .\n")
    assert list(parse_turtle_files([path])) == [(KG.a, KG.p, KG.b)]


def test_a_turtle_file_that_is_not_utf8_is_one_line_of_error(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"<http://x/a> <http://x/p> '\xff' .\n")
    with pytest.raises(KgError) as info:
        parse_turtle_files([path])
    assert (info.value.path, info.value.line) == (path, None)
    assert info.value.message.startswith("not valid Turtle: 'utf-8' codec can't decode byte 0xff")


# -- pySHACL's options ---------------------------------------------------------------------------

NESTED = Graph().parse(
    format="turtle",
    data="""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix kg: <https://kg.example.org/def/kg#> .
    kg:PartShape a sh:NodeShape ; sh:targetClass kg:Place ;
      sh:property [ sh:path kg:partOf ; sh:node kg:WholeShape ; sh:severity sh:Warning ;
        sh:message "part of a whole without a code" ] .
    kg:WholeShape a sh:NodeShape ;
      sh:property [ sh:path kg:code ; sh:minCount 1 ; sh:message "no code" ] .
    kg:FlaggedShape a sh:NodeShape ;
      sh:target [ a sh:SPARQLTarget ;
        sh:select "SELECT ?this WHERE { ?this <https://kg.example.org/def/kg#flag> true }" ] ;
      sh:property [ sh:path kg:code ; sh:minCount 1 ; sh:message "flagged without a code" ] .
    """,
)
NESTED_DATA = Graph().parse(
    format="turtle",
    data=f"""
    @prefix kg: <https://kg.example.org/def/kg#> .
    <{A}> a kg:Place ; kg:partOf <{ID}whole> .
    <{B}> kg:flag true .
    """,
)


def test_pyshacl_applies_sparql_based_targets():
    result = validate(NESTED_DATA, NESTED, engine="pyshacl")
    assert result.conforms is False
    assert lines(result) == [
        f"Violation: {B} (kg:code): flagged without a code",
        f"Warning: {A} (kg:partOf): part of a whole without a code",
    ]


def test_a_focused_warning_conforms_though_the_violation_it_explains_does_not():
    """The warning's sh:detail holds the violation of the node it points to: a detail explains
    a result, it is not one, and does not decide whether the focus nodes conform."""
    result = validate(NESTED_DATA, NESTED, focus_nodes=[A], engine="pyshacl")
    assert any(result.report.objects(None, SH.detail))
    assert result.conforms is True
    assert lines(result) == [f"Warning: {A} (kg:partOf): part of a whole without a code"]


# -- merging: what makes two results the same --------------------------------------------------


def _result(report: Graph, node: BNode, focus, message: str, value=None) -> None:
    report.add((BNode("report"), SH.result, node))
    report.add((node, SH.focusNode, focus))
    report.add((node, SH.resultPath, KG.code))
    report.add((node, SH.resultSeverity, SH.Violation))
    report.add((node, SH.resultMessage, Literal(message)))
    if value is not None:
        report.add((node, SH.value, value))


def test_results_that_differ_by_their_value_alone_are_both_merged():
    report = Graph()
    _result(report, BNode("r1"), A, "not a code", Literal("x"))
    _result(report, BNode("r2"), A, "not a code", Literal("y"))
    merged = merge_reports([report])
    values = {merged.report.value(r, SH.value) for r in merged.report.objects(None, SH.result)}
    assert values == {Literal("x"), Literal("y")} and len(merged.violations) == 2


def test_a_result_seen_before_does_not_hide_the_ones_after_it():
    first, second = Graph(), Graph()
    _result(first, BNode("r1"), A, "no code")
    _result(second, BNode("r1"), A, "no code")  # the same result again
    _result(second, BNode("r2"), B, "no code")  # sorted after it
    assert lines(merge_reports([first, second])) == [
        f"Violation: {A} (kg:code): no code",
        f"Violation: {B} (kg:code): no code",
    ]


def test_a_severity_outside_shacls_namespace_reads_as_its_iri():
    report = Graph()
    _result(report, BNode("r1"), A, "odd")
    report.set((BNode("r1"), SH.resultSeverity, URIRef("https://example.org/severity/high")))
    (violation,) = merge_reports([report]).violations
    assert violation.severity == "https://example.org/severity/high"
