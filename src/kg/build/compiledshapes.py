"""The shapes of `shapes/` compiled once into plain Python objects, for `kg.build.fastvalidate`.

`compile_shapes` turns the shapes graph into `Shape` objects: each with its compiled path,
its core constraints (component, parameter), its property shapes and its SPARQL-based
constraints (each query rewritten to bind `$this` through a VALUES clause). Only the SHACL
features our shapes use are compiled; any other raises `UnsupportedShape`, so a new shape
cannot be silently ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

# Core constraint parameters each compiled shape understands (anything else is refused).
_PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.pattern, SH.flags,
    SH["in"], SH.minLength, SH.minInclusive, SH.lessThan, SH.lessThanOrEquals, SH.uniqueLang,
    SH.node, SH["or"], SH.xone, SH["not"], SH.qualifiedValueShape, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.sparql, SH.property, SH.path, SH.severity, SH.message,
    SH.name, SH.description, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.order, SH.group, RDF.type, RDFS.label, RDFS.comment,
}  # fmt: skip


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature this validator does not implement."""


@dataclass(frozen=True)
class SparqlConstraint:
    node: object
    query: str  # with PREFIX declarations, `$this` bound through VALUES
    messages: tuple


@dataclass
class Shape:
    node: object
    path: object | None  # None for a node shape
    severity: URIRef
    messages: tuple
    steps: object = None  # the path compiled by `compile_path`
    constraints: list = field(default_factory=list)  # (component local name, parameter)
    properties: list = field(default_factory=list)
    sparql: list = field(default_factory=list)
    target_classes: tuple = ()
    target_subjects_of: tuple = ()
    target_objects_of: tuple = ()


class Shapes:
    """The compiled shapes graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._shapes: dict = {}
        self.node_shapes = [
            self.shape(node)
            for node in sorted(
                {
                    s
                    for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
                    for s in graph.subjects(p, None)
                },
                key=str,
            )
        ]

    def shape(self, node) -> Shape:
        if node in self._shapes:
            return self._shapes[node]
        g = self.graph
        unknown = {p for p in g.predicates(node, None) if p not in _PARAMETERS}
        if unknown:
            raise UnsupportedShape(f"shape {node}: unsupported {sorted(map(str, unknown))}")
        shape = Shape(
            node=node,
            path=g.value(node, SH.path),
            severity=g.value(node, SH.severity) or SH.Violation,
            messages=tuple(sorted(g.objects(node, SH.message), key=str)),
            target_classes=tuple(g.objects(node, SH.targetClass)),
            target_subjects_of=tuple(g.objects(node, SH.targetSubjectsOf)),
            target_objects_of=tuple(g.objects(node, SH.targetObjectsOf)),
        )
        self._shapes[node] = shape  # before the parts: shapes may refer to each other
        if shape.path is not None:
            shape.steps = compile_path(g, shape.path)
        for parameter, component in _COMPONENTS:
            for value in g.objects(node, parameter):
                shape.constraints.append((component, self._parameter(node, parameter, value)))
        for prop in g.objects(node, SH.property):
            shape.properties.append(self.shape(prop))
        for constraint in g.objects(node, SH.sparql):
            shape.sparql.append(self._sparql(constraint))
        return shape

    def _parameter(self, node, parameter, value):
        g = self.graph
        if parameter in (SH["or"], SH.xone):
            return [self.shape(s) for s in Collection(g, value)]
        if parameter in (SH.node, SH["not"], SH.qualifiedValueShape):
            qualified = parameter == SH.qualifiedValueShape
            if qualified:
                return (
                    self.shape(value),
                    g.value(node, SH.qualifiedMinCount),
                    g.value(node, SH.qualifiedMaxCount),
                )
            return self.shape(value)
        if parameter == SH["in"]:
            return frozenset(Collection(g, value))
        if parameter == SH.pattern:
            flags = str(g.value(node, SH.flags) or "")
            return re.compile(
                str(value),
                (re.IGNORECASE if "i" in flags else 0)
                | (re.MULTILINE if "m" in flags else 0)
                | (re.DOTALL if "s" in flags else 0)
                | (re.VERBOSE if "x" in flags else 0),
            )
        if parameter in (SH.minCount, SH.maxCount, SH.minLength):
            return int(value)
        if parameter == SH.uniqueLang:
            return bool(value.toPython())
        return value

    def _sparql(self, constraint) -> SparqlConstraint:
        g = self.graph
        select = str(g.value(constraint, SH.select))
        prefixes = []
        for holder in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(holder, SH.declare):
                prefix = g.value(declaration, SH.prefix)
                namespace = g.value(declaration, SH.namespace)
                prefixes.append(f"PREFIX {prefix}: <{namespace}>\n")
        where = re.search(r"\bWHERE\s*\{", select, re.IGNORECASE)
        if where is None or re.search(r"\$(?!this\b)\w+", select):
            raise UnsupportedShape(f"SPARQL constraint {constraint}: not a SELECT with $this")
        query = (
            "".join(sorted(prefixes))
            + select[: where.end()]
            + " VALUES $this { %s } "
            + select[where.end() :]
        )
        return SparqlConstraint(
            constraint, query, tuple(sorted(g.objects(constraint, SH.message), key=str))
        )


_COMPONENTS = (
    (SH.minCount, "MinCount"),
    (SH.maxCount, "MaxCount"),
    (SH["class"], "Class"),
    (SH.datatype, "Datatype"),
    (SH.nodeKind, "NodeKind"),
    (SH.pattern, "Pattern"),
    (SH["in"], "In"),
    (SH.minLength, "MinLength"),
    (SH.minInclusive, "MinInclusive"),
    (SH.lessThan, "LessThan"),
    (SH.lessThanOrEquals, "LessThanOrEquals"),
    (SH.uniqueLang, "UniqueLang"),
    (SH.node, "Node"),
    (SH["or"], "Or"),
    (SH.xone, "Xone"),
    (SH["not"], "Not"),
    (SH.qualifiedValueShape, "Qualified"),
)


def compile_path(g: Graph, path):
    """A SHACL property path as nested tuples: an IRI, ("^", IRI), ("/", steps),
    ("|", alternatives) or ("+", path)."""
    if isinstance(path, URIRef):
        return path
    if g.value(path, RDF.first) is not None:
        return ("/", tuple(compile_path(g, step) for step in Collection(g, path)))
    inverse = g.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return ("^", inverse)
    one_or_more = g.value(path, SH.oneOrMorePath)
    if one_or_more is not None:
        return ("+", compile_path(g, one_or_more))
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        return ("|", tuple(compile_path(g, step) for step in Collection(g, alternatives)))
    raise UnsupportedShape(f"path {path}: unsupported")


@cache
def compile_shapes(graph: Graph) -> Shapes:
    return Shapes(graph)
