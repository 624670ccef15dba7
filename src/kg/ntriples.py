"""Graphs as packed N-Triples: the compact form in which documents travel between stages.

A worker hands the parent each document's triples as N-Triples (https://www.w3.org/TR/n-triples/),
one line per triple in rdflib's spelling, sorted (byte order, which is code point order) and
unique, UTF-8, zlib-compressed: about ten bytes a triple where an rdflib graph costs about a
kilobyte, and ready to merge into the sorted dumps without parsing. N-Triples escapes line breaks
in literals, so every "\\n" ends a triple and every " .\\n" ends a line.

`Graphs` maps names to packed graphs and still gives an rdflib `Graph` on demand (parsed anew on
each access, nothing kept), for tests and the stages that want one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, MutableMapping
from typing import NamedTuple

from rdflib import Graph

from kg.vocab import bind_prefixes

LEVEL = 6  # zlib level: about 8 times smaller than the text, a few ms per document


def lines(triples: Iterable) -> bytes:
    """The sorted unique N-Triples lines of `triples` (a graph or rdflib triples), as UTF-8.

    Written by rdflib's N-Triples serializer through its public API, `Graph.serialize`; it
    escapes line breaks, so the text splits into triples at b"\n". UTF-8 byte order is code
    point order."""
    graph = triples if type(triples) is Graph else _graph(triples)
    text = graph.serialize(format="nt", encoding="utf-8")
    return b"".join(sorted(set(text.splitlines(keepends=True))))


def _graph(triples: Iterable) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


class Packed(NamedTuple):
    data: bytes  # zlib-compressed sorted N-Triples
    triples: int


def pack(triples: Iterable) -> Packed:
    text = lines(triples)
    return Packed(zlib.compress(text, LEVEL), text.count(b"\n"))


def unpack(packed: Packed) -> bytes:
    """The N-Triples text of a packed graph."""
    return zlib.decompress(packed.data)


def to_graph(text: bytes, base: str | None = None) -> Graph:
    graph = Graph()
    bind_prefixes(graph, base)
    if text:
        graph.parse(data=text.decode("utf-8"), format="nt")
    return graph


class Graphs(MutableMapping):
    """Named graphs kept packed (name -> `pack`ed bytes), read as rdflib graphs on demand.

    `graphs[name]` parses a new `Graph` each time; `graphs[name] = graph` packs one (or stores a
    `Packed` as it is); `ntriples(name)` and `size(name)` answer without rdflib.
    """

    def __init__(self, base: str | None = None):
        self.base = base
        self.packed: dict[str, Packed] = {}

    def ntriples(self, name: str) -> bytes:
        return unpack(self.packed[name])

    def size(self, name: str) -> int:
        return self.packed[name].triples

    def __getitem__(self, name: str) -> Graph:
        return to_graph(self.ntriples(name), self.base)

    def __setitem__(self, name: str, graph: Packed | Iterable) -> None:
        self.packed[name] = graph if isinstance(graph, Packed) else pack(graph)

    def __delitem__(self, name: str) -> None:
        del self.packed[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)

    def __contains__(self, name) -> bool:
        return name in self.packed

    def __repr__(self) -> str:
        triples = sum(p.triples for p in self.packed.values())
        return f"<Graphs: {len(self)} graphs, {triples} triples>"
