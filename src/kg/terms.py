"""RDF terms carried between rdflib and pyoxigraph, unchanged.

kg models, reasons and validates with rdflib and queries and writes dumps with pyoxigraph. An
IRI stays the IRI, a blank node keeps its label, a literal its lexical form (rdflib is told not
to normalise it: "01"^^xsd:integer stays "01"), its language tag or its datatype (xsd:string is
rdflib's plain literal). What one side cannot represent is refused rather than changed: a
triple term, or a literal with a base direction (RDF 1.2), which rdflib does not have.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

_XSD_STRING = str(XSD.string)


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """The rdflib term for a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if not isinstance(term, ox.Literal):
        raise TypeError(f"no rdflib term for {term!r}")
    if term.direction is not None:
        raise ValueError(f"rdflib has no literal with a base direction: {term}")
    if term.language:
        return Literal(term.value, lang=term.language, normalize=False)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return Literal(term.value, normalize=False)
    return Literal(term.value, datatype=URIRef(datatype), normalize=False)


@lru_cache(maxsize=65536)  # bounded: a worker validates thousands of documents
def to_oxigraph(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if not isinstance(term, Literal):
        raise TypeError(f"no pyoxigraph term for {term!r}")
    if term.language:
        return ox.Literal(term, language=term.language)
    return ox.Literal(term, datatype=ox.NamedNode(term.datatype or XSD.string))
