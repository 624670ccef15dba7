"""The cross-document check (`kg.build.crossdocument`): the cases `make mutate` found untested,
each with the results a publish reports (or the work it does again)."""

from __future__ import annotations

import pickle
from types import SimpleNamespace

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.build import crossdocument
from kg.build.crossdocument import (
    Check,
    Kept,
    SingleValued,
    cross_document_violations,
    single_valued_shapes,
)
from kg.ntriples import pack
from kg.vocab import SH

EX = Namespace("https://example.org/")
SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://kg.example.org/id/")
HEADLINE_MESSAGE = (
    "A document needs exactly one headline (schema:headline), the title of its source"
    " (different documents give different values)"
)

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .

ex:Thing a sh:NodeShape ; sh:targetClass ex:A, ex:B ; sh:property ex:p1, ex:p2, ex:p3 .
ex:Other a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:p3 .
ex:p1 sh:path ex:one ; sh:maxCount 2 .
ex:p2 sh:path [ sh:inversePath ex:two ] ; sh:maxCount 1 .
ex:p3 sh:path ex:three ; sh:maxCount 1 ; sh:severity sh:Warning ; sh:message "one three" .
ex:p4 sh:path ex:four ; sh:maxCount 1 .
ex:p5 sh:path ex:five ; sh:minCount 1 .
"""


def test_single_valued_shapes_are_the_property_shapes_of_a_max_count_of_one_on_a_path():
    """A property shape counts when its path is a predicate and its sh:maxCount is 1 (not 2,
    not an inverse path, not a shape without sh:maxCount); its classes are the target classes
    of every node shape that has it (none: any subject), its severity Violation and its
    message "at most one <path>" when it gives none; the shapes after one left out are read."""
    shapes = Graph().parse(data=SHAPES, format="turtle")
    assert single_valued_shapes(shapes) == [
        SingleValued(EX.p3, EX.three, frozenset({EX.A, EX.B, EX.C}), SH.Warning, "one three"),
        SingleValued(EX.p4, EX.four, frozenset(), SH.Violation, f"at most one {EX.four}"),
    ]


def graphs_of(*graphs: Graph):
    """A stand-in for `kg.build.run.Build` whose named graphs are `graphs`, in order."""
    return SimpleNamespace(
        named_graphs=lambda: (
            (URIRef(f"https://kg.example.org/graph/document/{n:02d}"), pack(g))
            for n, g in enumerate(graphs)
        )
    )


def article(node: URIRef, *headlines) -> Graph:
    g = Graph()
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    for headline in headlines:
        g.add((node, SCHEMA.headline, headline))
    return g


def test_a_result_names_the_focus_path_value_severity_message_and_shape():
    """Two documents giving an article two headlines: a result for each value, in N-Triples
    order, with the shape's path, severity and message (said to come from several
    documents) and the property shape itself."""
    node = ID["document/x"]
    found = cross_document_violations(
        graphs_of(article(node, Literal("b b")), article(node, Literal("a a")))
    )
    shape = next(
        s.shape
        for s in single_valued_shapes(crossdocument.load_shapes())
        if s.path == SCHEMA.headline
    )
    assert found == [
        (node, SCHEMA.headline, Literal("a a"), SH.Violation, HEADLINE_MESSAGE, shape),
        (node, SCHEMA.headline, Literal("b b"), SH.Violation, HEADLINE_MESSAGE, shape),
    ]


def test_values_with_spaces_tabs_and_quotes_are_read_whole():
    """An object is the rest of the line after the predicate: a literal with spaces, an
    escaped tab, a quote, or ending like a tag is one value."""
    node = ID["document/x"]
    one, two = Literal('say "a b"\tc'), Literal("x y z 1")
    found = cross_document_violations(graphs_of(article(node, one), article(node, two)))
    assert {value for _, _, value, *_ in found} == {one, two}


def test_a_document_alone_giving_two_values_is_not_a_cross_document_result():
    """One graph with two headlines is the per-document validation's business; the same
    value from two graphs is no conflict either."""
    node = ID["document/x"]
    assert cross_document_violations(graphs_of(article(node, Literal("a"), Literal("b")))) == []
    assert (
        cross_document_violations(
            graphs_of(article(node, Literal("a")), article(node, Literal("a")))
        )
        == []
    )


def test_a_shape_with_target_classes_checks_only_their_instances():
    """A subject is checked when one of the graphs types it with a target class (here only
    the first); a subject no graph types so is not, whatever its values."""
    typed, untyped = ID["document/t"], ID["document/u"]
    first = article(typed, Literal("a"))
    second = Graph()
    second.add((typed, SCHEMA.headline, Literal("b")))
    second.add((untyped, SCHEMA.headline, Literal("b")))
    third = Graph()
    third.add((untyped, SCHEMA.headline, Literal("c")))
    found = cross_document_violations(graphs_of(first, second, third))
    assert [(f, v) for f, _, v, *_ in found] == [(typed, Literal("a")), (typed, Literal("b"))]


def test_a_blank_node_value_is_reported_without_its_label():
    """A blank node given as a value means nothing outside its graph: its result has None
    for a value (the values in the order of their N-Triples bytes)."""
    shape = SingleValued(EX.s, EX.p, frozenset(), SH.Violation, "m")
    check = Check([shape])
    lines = [
        b"<https://example.org/x> <https://example.org/p> _:b1\t0\n",
        b'<https://example.org/x> <https://example.org/p> "v"\t1\n',
    ]
    found = list(check.over(lines))
    assert [(s, focus, value) for s, _, focus, value in found] == [
        (b"<https://example.org/x>", EX.x, Literal("v")),
        (b"<https://example.org/x>", EX.x, None),
    ]
    assert all(key == shape.key for _, key, _, _ in found)


def test_each_subject_is_checked_with_its_own_lines():
    """Sorted lines of several subjects: each subject's values and types are its own (the
    last subject's too), so a value of one never conflicts with another's."""
    check = Check([SingleValued(EX.s, EX.p, frozenset({EX.T}), SH.Violation, "m")])
    lines = [
        b"<https://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        b"<https://example.org/T>\t0\n",
        b'<https://example.org/a> <https://example.org/p> "1"\t0\n',
        b'<https://example.org/b> <https://example.org/p> "2"\t1\n',
        b"<https://example.org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        b"<https://example.org/T>\t0\n",
        b'<https://example.org/c> <https://example.org/p> "3"\t0\n',
        b'<https://example.org/c> <https://example.org/p> "4"\t1\n',
    ]
    found = list(check.over(lines))
    assert [(focus, value) for _, _, focus, value in found] == [
        (EX.c, Literal("3")),
        (EX.c, Literal("4")),
    ]
    assert list(check.over([])) == []


def test_a_kept_state_damaged_or_of_other_checks_is_not_read(tmp_path):
    """The kept state is read when it is whole and of these checks: a pickle that cannot be
    read, a fingerprint of other checks, or a file of another size leave it unread."""
    graphs = graphs_of(article(ID["document/x"], Literal("a")))
    check = Check(single_valued_shapes(crossdocument.load_shapes()))
    cross_document_violations(graphs, tmp_path)
    kept = Kept.read(tmp_path, check)
    assert kept is not None
    assert kept.fingerprint == check.fingerprint
    assert [f.name for f in kept.files] == [str(tmp_path / "kept" / n) for n in Kept.FILES]
    assert kept.sizes == tuple((tmp_path / "kept" / n).stat().st_size for n in Kept.FILES)
    assert list(kept.graphs) == ["https://kg.example.org/graph/document/00"]
    assert kept.found == []
    kept.close()
    assert all(f.closed for f in kept.files)

    pickled = tmp_path / "kept" / "kept.pickle"
    fingerprint, graphs_kept, found, sizes = pickle.loads(pickled.read_bytes())
    pickled.write_bytes(pickle.dumps(("other", graphs_kept, found, sizes)))
    assert Kept.read(tmp_path, check) is None
    pickled.write_bytes(pickle.dumps((fingerprint, graphs_kept, found, (sizes[0], sizes[1] + 1))))
    assert Kept.read(tmp_path, check) is None
    pickled.write_bytes(b"not a pickle")
    assert Kept.read(tmp_path, check) is None
    assert Kept.read(tmp_path / "nothing", check) is None


def test_the_kept_state_holds_no_log_of_the_sort(tmp_path):
    """The folder kept for the next check holds the sorted lines, the subjects and the
    pickle: nothing else (the sort's log is removed)."""
    cross_document_violations(graphs_of(article(ID["document/x"], Literal("a"))), tmp_path)
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == [
        "kept.pickle",
        "lines",
        "subjects",
    ]


@pytest.fixture
def full_checks(monkeypatch):
    """Counts the full checks run."""
    runs = []
    full = Check.full

    def counted(self, graphs, state):
        runs.append(len(graphs))
        return full(self, graphs, state)

    monkeypatch.setattr(Check, "full", counted)
    return runs


def corpus(n: int) -> list[Graph]:
    return [article(ID[f"document/{i:02d}"], Literal(f"Headline {i}")) for i in range(n)]


def test_one_graph_in_twenty_changed_is_checked_incrementally(tmp_path, full_checks):
    """At most 5 % of the graphs changed (1 of 20) is looked at again alone; the result is
    a full check's."""
    graphs = corpus(20)
    cross_document_violations(graphs_of(*graphs), tmp_path)
    graphs[3].add((ID["document/04"], SCHEMA.headline, Literal("Other")))
    found = cross_document_violations(graphs_of(*graphs), tmp_path)
    assert full_checks == [20]
    assert found == cross_document_violations(graphs_of(*graphs))
    assert [(f, v) for f, _, v, *_ in found] == [
        (ID["document/04"], Literal("Headline 4")),
        (ID["document/04"], Literal("Other")),
    ]


def test_new_graphs_added_together_are_told_apart(tmp_path, monkeypatch, full_checks):
    """Two graphs added since the kept check, giving a new article two headlines, are two
    graphs (each its own tag): their conflict is found, as a full check finds it."""
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 1.0)
    graphs = corpus(3)
    cross_document_violations(graphs_of(*graphs), tmp_path)
    node = ID["document/new"]
    graphs += [article(node, Literal("one")), article(node, Literal("two"))]
    found = cross_document_violations(graphs_of(*graphs), tmp_path)
    assert full_checks == [3]
    assert found == cross_document_violations(graphs_of(*graphs))
    assert [(f, v) for f, _, v, *_ in found] == [(node, Literal("one")), (node, Literal("two"))]


def test_a_new_graph_contradicting_a_kept_one_is_found(tmp_path, monkeypatch, full_checks):
    """A new graph's value for a kept subject is checked against the kept graphs' lines,
    which keep their own tags."""
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 1.0)
    graphs = corpus(3)
    cross_document_violations(graphs_of(*graphs), tmp_path)
    extra = Graph()
    extra.add((ID["document/01"], SCHEMA.headline, Literal("Another")))
    found = cross_document_violations(graphs_of(*graphs, extra), tmp_path)
    assert full_checks == [3]
    assert [(f, v) for f, _, v, *_ in found] == [
        (ID["document/01"], Literal("Another")),
        (ID["document/01"], Literal("Headline 1")),
    ]


def test_an_unchanged_corpus_gives_the_kept_results(tmp_path, full_checks):
    """Nothing changed: the kept results, without a check."""
    node = ID["document/x"]
    graphs = [article(node, Literal("a")), article(node, Literal("b"))]
    first = cross_document_violations(graphs_of(*graphs), tmp_path)
    assert len(first) == 2
    assert cross_document_violations(graphs_of(*graphs), tmp_path) == first
    assert full_checks == [2]


def test_a_blank_node_subject_is_not_checked():
    """A blank node's lines are not read (their labels differ from graph to graph)."""
    node = BNode()
    assert (
        cross_document_violations(
            graphs_of(article(node, Literal("a")), article(node, Literal("b")))
        )
        == []
    )


def test_a_value_is_contradicted_only_by_another_graph_giving_another_value():
    """`_contradicted` (also how the indicator pages find disagreeing documents): a value is
    contradicted when a graph giving it meets another graph giving another value; one graph
    giving two values, or two graphs giving the same one, contradict nothing."""
    contradicted = crossdocument._contradicted
    assert contradicted(b"a", {b"a": {"g1"}, b"b": {"g2"}})
    assert contradicted(b"a", {b"a": {"g1", "g2"}, b"b": {"g1"}})
    assert not contradicted(b"a", {b"a": {"g1"}, b"b": {"g1"}})
    assert not contradicted(b"a", {b"a": {"g1", "g2"}})
    assert contradicted(b"b", {b"a": {"g1"}, b"b": {"g2"}, b"c": {"g2"}})


def test_a_removed_graph_counts_among_the_changes(tmp_path, full_checks):
    """One graph of twenty changed and another removed are two changes, over 5 %: a full
    check runs again."""
    graphs = corpus(20)
    cross_document_violations(graphs_of(*graphs), tmp_path)
    graphs[3].add((ID["document/03"], SCHEMA.headline, Literal("Other")))
    del graphs[19]
    found = cross_document_violations(graphs_of(*graphs), tmp_path)
    assert full_checks == [20, 19]
    assert [(f, v) for f, _, v, *_ in found] == []


def test_each_new_graph_has_a_tag_no_kept_graph_has(tmp_path, monkeypatch, full_checks):
    """The second of two new graphs contradicts a kept graph (02) on its article: its lines
    are told from 02's, and the conflict is found, as a full check finds it."""
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 1.0)
    graphs = corpus(3)
    cross_document_violations(graphs_of(*graphs), tmp_path)
    contradicting = Graph()
    contradicting.add((ID["document/02"], SCHEMA.headline, Literal("Other")))
    graphs += [article(ID["document/new"], Literal("New")), contradicting]
    found = cross_document_violations(graphs_of(*graphs), tmp_path)
    assert full_checks == [3]
    assert found == cross_document_violations(graphs_of(*graphs))
    assert [(f, v) for f, _, v, *_ in found] == [
        (ID["document/02"], Literal("Headline 2")),
        (ID["document/02"], Literal("Other")),
    ]


def test_a_property_without_conflict_does_not_hide_the_next_ones():
    """A subject's first single-valued property, given once, is passed over; its next
    property, given two values by two graphs, is still checked."""
    check = Check(
        [
            SingleValued(EX.sp, EX.p, frozenset(), SH.Violation, "p"),
            SingleValued(EX.sq, EX.q, frozenset(), SH.Violation, "q"),
        ]
    )
    lines = [
        b'<https://example.org/x> <https://example.org/p> "1"\t0\n',
        b'<https://example.org/x> <https://example.org/q> "a"\t0\n',
        b'<https://example.org/x> <https://example.org/q> "b"\t1\n',
    ]
    found = list(check.over(lines))
    assert [(key[0], focus, value) for _, key, focus, value in found] == [
        (str(EX.q), EX.x, Literal("a")),
        (str(EX.q), EX.x, Literal("b")),
    ]


def test_a_changed_graphs_kept_line_with_a_tab_in_its_value_is_dropped(tmp_path, monkeypatch):
    """A value may hold a tab (written as is in the packed N-Triples): the tag of a kept line
    is what follows its last tab, so a changed graph's old line is dropped and its old value
    no longer conflicts."""
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 1.0)
    node = ID["document/x"]
    graphs = [article(node, Literal("x\ty")), article(node, Literal("z"))]
    assert len(cross_document_violations(graphs_of(*graphs), tmp_path)) == 2
    graphs[0] = article(node, Literal("z"))
    assert cross_document_violations(graphs_of(*graphs), tmp_path) == []
    assert cross_document_violations(graphs_of(*graphs)) == []


def test_results_come_by_check_first_then_focus():
    """The results of two checks on two articles: the identifier's (its path's IRI sorts
    first) before the headline's, though the headline's article sorts first."""
    identifier = URIRef("http://purl.org/dc/terms/identifier")
    first, last = ID["document/a"], ID["document/z"]
    one, two = article(first, Literal("x")), article(first, Literal("y"))
    one.add((last, RDF.type, SCHEMA.NewsArticle))
    one.add((last, identifier, Literal("1")))
    two.add((last, identifier, Literal("2")))
    found = cross_document_violations(graphs_of(one, two))
    assert [(f, p, v) for f, p, v, *_ in found] == [
        (last, identifier, Literal("1")),
        (last, identifier, Literal("2")),
        (first, SCHEMA.headline, Literal("x")),
        (first, SCHEMA.headline, Literal("y")),
    ]


def test_a_check_whose_classes_the_subject_lacks_does_not_hide_the_next_check():
    """Two checks of one path, the first for a class the subject does not have, the second
    for any subject: the second still reports the conflict."""
    check = Check(
        [
            SingleValued(EX.typed, EX.p, frozenset({EX.T}), SH.Violation, "typed"),
            SingleValued(EX.any, EX.p, frozenset(), SH.Violation, "any"),
        ]
    )
    lines = [
        b'<https://example.org/x> <https://example.org/p> "a"\t0\n',
        b'<https://example.org/x> <https://example.org/p> "b"\t1\n',
    ]
    found = list(check.over(lines))
    assert [(key[-1], value) for _, key, _, value in found] == [
        ("any", Literal("a")),
        ("any", Literal("b")),
    ]
