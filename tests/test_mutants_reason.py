"""The reason stage (`kg.build.reason`) on graphs small enough to list what it infers: the
cases `make mutate` found untested, each with the triples a user gets or does not get."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.build.reason import closure, infer

BASE = "https://kg.example.org/id/"
ID = Namespace(BASE)
DEF = Namespace("https://kg.example.org/def/")
OTHER = Namespace("https://elsewhere.example.org/id/")

PREFIXES = f"""
@prefix id: <{BASE}> .
@prefix def: <{DEF}> .
@prefix other: <{OTHER}> .
@prefix owl: <{OWL}> .
@prefix rdfs: <{RDFS}> .
@prefix rdf: <{RDF}> .
"""

ONTOLOGY = (
    PREFIXES
    + """
def:in a owl:TransitiveProperty .
def:Campaign rdfs:subClassOf def:Activity .
def:acronym rdfs:subPropertyOf def:altLabel .
def:kind rdfs:subPropertyOf rdf:type .
def:alias rdfs:subPropertyOf owl:sameAs .
"""
)


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def ontology() -> Graph:
    return Graph().parse(data=ONTOLOGY, format="turtle")


def about_us(graph: Graph) -> set:
    """The triples of a graph whose subject is under the data's base."""
    return {t for t in graph if str(t[0]).startswith(BASE)}


def test_the_closure_of_several_graphs_is_that_of_their_union_and_leaves_them_unchanged():
    """Each graph gives one step of a transitive chain: their union's closure links both ends,
    and the graphs given stay as they were."""
    first = turtle("def:in a owl:TransitiveProperty . id:a def:in id:b .")
    second = turtle("id:b def:in id:c .")
    closed = closure([first, second])
    assert (ID.a, DEF["in"], ID.c) in closed
    assert set(first) | set(second) <= set(closed)
    assert len(first) == 2 and len(second) == 1
    assert (ID.a, DEF["in"], ID.c) not in first


def test_the_closure_has_no_axiomatic_or_datatype_triples():
    """owlrl runs without its axioms: a property stated transitive is not also typed an
    object property and a property (axiomatic triples), and the closure says nothing of
    XML Schema's datatypes' hierarchy (datatype axioms), which kg's ontology would otherwise
    gain in every build (`fastreason.Schema` reads the closure's subclasses)."""
    graph = turtle("def:in a owl:TransitiveProperty . id:a def:in id:b . id:a def:n 3 .")
    closed = closure([graph])
    assert (DEF["in"], RDF.type, OWL.ObjectProperty) not in closed
    assert (DEF["in"], RDF.type, RDF.Property) not in closed
    assert (DEF["in"], RDFS.subPropertyOf, DEF["in"]) not in closed
    assert (XSD.NCName, RDFS.subClassOf, XSD.Name) not in closed
    assert (XSD.integer, RDFS.subClassOf, XSD.decimal) not in closed
    assert about_us(closed) - set(graph) == {
        (ID.a, OWL.sameAs, ID.a),
        (ID.b, OWL.sameAs, ID.b),
    }


def test_infer_keeps_what_is_new_about_our_resources_given_the_context():
    """A transitive step, a superclass and a superproperty are inferred from the ontology
    given as context; the asserted triples, the ontology's own and its closure's are not."""
    data = turtle(
        "id:a def:in id:b . id:b def:in id:c . id:x a def:Campaign . id:x def:acronym 'UN' ."
    )
    assert set(infer(data, [ontology()], BASE)) == {
        (ID.a, DEF["in"], ID.c),
        (ID.x, RDF.type, DEF.Activity),
        (ID.x, DEF.altLabel, Literal("UN")),
    }


def test_infer_reads_the_context_given_as_any_iterable():
    """The context may be a generator, read once for the closure and once for what is known:
    the ontology's triples are still not inferred."""
    data = turtle("id:x a def:Campaign .")
    inferred = infer(data, (g for g in [ontology()]), BASE)
    assert set(inferred) == {(ID.x, RDF.type, DEF.Activity)}


def test_what_the_context_states_about_our_resources_is_not_inferred_again():
    """A triple about one of our resources that the context states (the reference data) is
    known, not inferred; what the data adds to it is."""
    reference = turtle("id:b def:in id:c . id:x a def:Activity .")
    data = turtle("id:a def:in id:b . id:x a def:Campaign .")
    assert set(infer(data, [ontology(), reference], BASE)) == {(ID.a, DEF["in"], ID.c)}


def test_what_is_already_inferred_is_left_out_and_the_rest_kept():
    """`already` (what the reference data alone entails) is left out; every other inference
    is kept, and with `already` empty or not given, all of them."""
    data = turtle("id:a def:in id:b . id:b def:in id:c . id:c def:in id:d .")
    everything = {
        (ID.a, DEF["in"], ID.c),
        (ID.a, DEF["in"], ID.d),
        (ID.b, DEF["in"], ID.d),
    }
    assert set(infer(data, [ontology()], BASE)) == everything
    assert set(infer(data, [ontology()], BASE, already=Graph())) == everything
    already = Graph()
    already.add((ID.a, DEF["in"], ID.d))
    already.add((ID.z, DEF["in"], ID.y))  # in `already`, not in the closure: no effect
    assert set(infer(data, [ontology()], BASE, already=already)) == everything - {
        (ID.a, DEF["in"], ID.d)
    }


def test_only_triples_about_our_own_resources_are_kept():
    """Inferences about another site's resources or about blank nodes are not ours to
    publish; an IRI of ours is one that starts with the base."""
    data = turtle(
        "other:p def:in other:q . other:q def:in other:r ."
        " _:b def:in id:m . id:m def:in id:n ."
        " id:s def:in other:t . other:t def:in other:u ."
    )
    inferred = set(infer(data, [ontology()], BASE))
    assert inferred == {(ID.s, DEF["in"], OTHER.u)}
    assert set(infer(data, [ontology()], str(OTHER))) == {(OTHER.p, DEF["in"], OTHER.r)}


def test_a_blank_node_object_is_not_inferred():
    """A triple inferred with a blank node for its object means nothing outside its graph."""
    data = turtle("id:a def:in id:b . id:b def:in [ def:in id:c ] .")
    inferred = set(infer(data, [ontology()], BASE))
    assert (ID.a, DEF["in"], ID.c) in inferred
    assert not any(isinstance(o, BNode) for _, _, o in inferred)
    assert len([t for t in inferred if t[0] == ID.a]) == 1


def test_sameness_and_the_most_general_classes_are_not_inferred():
    """`x owl:sameAs x`, `x a owl:Thing` (or rdfs:Resource, owl:NamedIndividual) add nothing
    for a user; a sameAs between two resources does, and so does each one's other types."""
    data = turtle(
        "id:x a owl:Thing . id:y def:alias id:z . id:w a owl:NamedIndividual, def:Campaign ."
    )
    onto = ontology()
    onto.add((DEF.Activity, RDFS.subClassOf, RDFS.Resource))
    inferred = set(infer(data, [onto], BASE))
    assert (ID.y, OWL.sameAs, ID.z) not in inferred  # a sameAs is uninformative, even inferred
    assert not any(p == OWL.sameAs for _, p, _ in inferred)
    assert (ID.w, RDF.type, DEF.Activity) in inferred
    assert (ID.w, RDF.type, RDFS.Resource) not in inferred
    assert not any(o in (OWL.Thing, OWL.NamedIndividual, RDFS.Resource) for _, _, o in inferred)


def test_a_literal_inferred_as_a_type_is_left_out_and_the_same_literal_otherwise_kept():
    """A subproperty of rdf:type given a literal makes owlrl type the subject with a literal,
    which is no class: left out. The same literal as the value of another property is kept,
    and so is a class inferred through that subproperty."""
    data = turtle("id:x def:kind 'Campaign' . id:y def:kind def:Campaign . id:z def:acronym 'UN' .")
    inferred = set(infer(data, [ontology()], BASE))
    assert (ID.x, RDF.type, Literal("Campaign")) not in inferred
    assert (ID.y, RDF.type, DEF.Campaign) in inferred
    assert (ID.y, RDF.type, DEF.Activity) in inferred
    assert (ID.z, DEF.altLabel, Literal("UN")) in inferred
    assert not any(p == RDF.type and isinstance(o, Literal) for _, p, o in inferred)


def test_a_literal_or_a_general_class_is_kept_under_another_predicate():
    """Only rdf:type is checked for a literal or a general class: the same objects under
    another predicate are inferences like any other."""
    data = turtle("id:x def:acronym owl:Thing . id:y def:acronym 'x' .")
    inferred = set(infer(data, [ontology()], BASE))
    assert inferred == {
        (ID.x, DEF.altLabel, OWL.Thing),
        (ID.y, DEF.altLabel, Literal("x")),
    }


def test_infer_returns_a_graph_of_its_own():
    """The inferred triples are a new graph: adding to it changes neither input."""
    data = turtle("id:x a def:Campaign .")
    onto = ontology()
    inferred = infer(data, [onto], BASE)
    assert isinstance(inferred, Graph)
    inferred.add((ID.q, RDF.type, URIRef(f"{DEF}Other")))
    assert (ID.q, RDF.type, URIRef(f"{DEF}Other")) not in data
    assert len(data) == 1
    assert (ID.x, RDF.type, DEF.Activity) not in data
