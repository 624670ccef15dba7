"""RDF terms between rdflib and pyoxigraph (`kg.terms`), and graphs as packed N-Triples
(`kg.ntriples`) written through public APIs only."""

from __future__ import annotations

import ast
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef, namespace
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg import ntriples
from kg.terms import to_oxigraph, to_rdflib

ROOT = Path(__file__).resolve().parents[1]
EX = "https://kg.example.org/id/test/"

# Each pyoxigraph term and the rdflib term it is.
PAIRS = {
    "iri": (ox.NamedNode(EX + "a"), URIRef(EX + "a")),
    "iri-non-ascii": (ox.NamedNode(EX + "Tapachula/ñ"), URIRef(EX + "Tapachula/ñ")),
    "blank-node": (ox.BlankNode("b0"), BNode("b0")),
    "string": (ox.Literal("IOM"), Literal("IOM")),
    "language": (ox.Literal("campaña", language="es"), Literal("campaña", lang="es")),
    "integer": (
        ox.Literal("54", datatype=ox.NamedNode(namespace.XSD.integer)),
        Literal("54", datatype=namespace.XSD.integer),
    ),
    # the lexical form kept as it is, not normalised to "1"
    "integer-leading-zero": (
        ox.Literal("01", datatype=ox.NamedNode(namespace.XSD.integer)),
        Literal("01", datatype=namespace.XSD.integer, normalize=False),
    ),
    "date": (
        ox.Literal("2024-05-01", datatype=ox.NamedNode(namespace.XSD.date)),
        Literal("2024-05-01", datatype=namespace.XSD.date),
    ),
    "other-datatype": (
        ox.Literal("x", datatype=ox.NamedNode(EX + "type")),
        Literal("x", datatype=URIRef(EX + "type")),
    ),
    "multi-line": (ox.Literal('a "quote"\nand \\ a line'), Literal('a "quote"\nand \\ a line')),
}


@pytest.mark.parametrize("ox_term, rdflib_term", PAIRS.values(), ids=PAIRS.keys())
def test_a_term_is_carried_both_ways_unchanged(ox_term, rdflib_term):
    got = to_rdflib(ox_term)
    assert got == rdflib_term and type(got) is type(rdflib_term)
    assert str(got) == str(rdflib_term)  # the lexical form too, not only the value
    assert to_oxigraph(rdflib_term) == ox_term
    assert to_oxigraph(got) == ox_term


def test_a_term_rdflib_cannot_hold_is_refused_rather_than_changed():
    directional = ox.Literal("مرحبا", language="ar", direction=ox.BaseDirection.RTL)
    with pytest.raises(ValueError, match="base direction"):
        to_rdflib(directional)
    triple = ox.Triple(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.NamedNode(EX + "o"))
    with pytest.raises(TypeError):
        to_rdflib(triple)


def test_the_modules_that_read_oxigraph_terms_share_the_converter():
    """The export (void.ttl's documents' triples, when rdflib writes the Turtle) and
    fastvalidate read pyoxigraph's terms through kg.terms, and no module of the package
    builds rdflib terms from them by itself."""
    package = ROOT / "src" / "kg"
    for module in ("publish/export", "build/fastvalidate"):
        tree = ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "kg.terms"
            for alias in node.names
        }
        assert "to_rdflib" in imported, module
    for path in sorted(set(package.rglob("*.py")) - {package / "terms.py"}):
        assert "URIRef(term.value)" not in path.read_text(encoding="utf-8"), path


# --------------------------------------------------------------------------------------------
# N-Triples
# --------------------------------------------------------------------------------------------


def tricky_graph() -> Graph:
    g = Graph()
    s = URIRef(EX + "s")
    for i, value in enumerate(
        [
            Literal("plain"),
            Literal("two\nlines\r\nand a carriage return"),
            Literal('"quoted" and \\ backslash'),
            Literal("tab\there"),
            Literal("línea", lang="es"),
            Literal("😀 beyond the BMP"),
            Literal("\u2028 line separator \x85 next line"),
            Literal("01", datatype=namespace.XSD.integer, normalize=False),
            Literal("1.50", datatype=namespace.XSD.decimal),
            Literal("x", datatype=URIRef(EX + "type")),
            URIRef(EX + "o"),
            BNode("b1"),
        ]
    ):
        g.add((s, URIRef(f"{EX}p{i}"), value))
    g.add((BNode("b1"), RDF.type, URIRef(EX + "Thing")))
    return g


def test_packed_n_triples_are_rdflibs_spelling_sorted_and_unique():
    g = tricky_graph()
    expected = sorted(set(g.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)))
    text = ntriples.lines(g)
    assert text == b"".join(expected)
    assert text.count(b"\n") == len(g)  # one line per triple, line breaks in literals escaped
    # the same from a set of triples as from a graph
    assert ntriples.lines(set(g)) == text
    assert ntriples.lines(list(g) + list(g)) == text


def test_packed_n_triples_read_back_as_the_same_graph():
    g = tricky_graph()
    # rdflib's parser normalises a lexical form ("01"^^xsd:integer is read as "1"), as it
    # does in every file it reads: kg's literals come from rdflib, already normal.
    g.remove((None, None, Literal("01", datatype=namespace.XSD.integer, normalize=False)))
    packed = ntriples.pack(g)
    assert packed.triples == len(g)
    back = ntriples.to_graph(ntriples.unpack(packed))
    assert isomorphic(back, g)
    # pyoxigraph reads them too, as the dumps are read
    assert len(list(ox.parse(ntriples.unpack(packed), format=ox.RdfFormat.N_TRIPLES))) == len(g)


def test_kg_imports_no_private_name_of_a_library():
    private = []
    for path in sorted((ROOT / "src" / "kg").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.split(".")[0] in ("kg", "__future__"):
                    continue
                private += [
                    f"{path.relative_to(ROOT)}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_")
                ]
    assert not private
