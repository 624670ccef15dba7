"""SHACL validation specialised to the shapes of `shapes/`: pySHACL's results, in a fraction
of the time.

pySHACL evaluates each SPARQL-based constraint once per focus node, parsing the query anew
each time (about 3 s of CPU for one press release), and walks the core constraints through
rdflib's generic graph API (about 1 s more). Publishing thousands of documents needs better:
here the shapes are compiled once into plain Python objects (`kg.build.compiledshapes`), the
data graph is indexed in dictionaries, and each SPARQL-based constraint runs once per document
in pyoxigraph with the focus nodes bound by a VALUES clause.

Only the SHACL features our shapes use are implemented (targets: class, subjects-of,
objects-of; paths: predicate, inverse, alternative, one-or-more, sequence; every core
constraint component that `shapes/` names, and SPARQL-based constraints); `compile_shapes`
refuses any other, so a new shape cannot be silently ignored. pySHACL stays the reference:
the tests check that both give the same results on every shape fixture, every broken variant
of them, and the published graph. The report graph has pySHACL's form (blank source shapes
and paths copied into it, sh:detail under sh:node results), so everything downstream is
unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.build.compiledshapes import Shape, Shapes, UnsupportedShape, compile_shapes
from kg.terms import to_oxigraph, to_rdflib
from kg.vocab import bind_prefixes

__all__ = [
    "Data",
    "Result",
    "Shape",
    "Shapes",
    "UnsupportedShape",
    "Validator",
    "compile_shapes",
    "validate",
]

_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.IRIOrLiteral: (URIRef, Literal),
    SH.BlankNodeOrLiteral: (BNode, Literal),
}
_PYTHON_TYPES = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: (int,),
    XSD.boolean: (bool,),
}


@dataclass(frozen=True)
class Result:
    focus: object
    path: object | None
    value: object | None
    shape: object
    component: str
    severity: URIRef
    messages: tuple
    source_constraint: object | None = None
    details: tuple = ()


class Data:
    """The data graph indexed for the lookups shapes make."""

    def __init__(self, triples) -> None:
        out: dict = {}
        inv: dict = {}
        pairs: dict = {}
        for s, p, o in triples:
            out.setdefault(s, {}).setdefault(p, []).append(o)
            inv.setdefault(o, {}).setdefault(p, []).append(s)
            pairs.setdefault(p, []).append((s, o))
        self.out, self.inv, self.pairs = out, inv, pairs
        self._supers: dict = {}
        self.triples = triples

    def objects(self, s, p) -> list:
        return self.out.get(s, {}).get(p, [])

    def subjects(self, p, o) -> list:
        return self.inv.get(o, {}).get(p, [])

    def superclasses(self, cls) -> set:
        """cls and every class it is an rdfs:subClassOf*, in the data graph."""
        found = self._supers.get(cls)
        if found is None:
            found, todo = set(), [cls]
            while todo:
                c = todo.pop()
                if c not in found:
                    found.add(c)
                    todo.extend(self.objects(c, RDFS.subClassOf))
            self._supers[cls] = found
        return found

    def is_instance(self, node, cls) -> bool:
        return any(cls in self.superclasses(t) for t in self.objects(node, RDF.type))

    def instances(self, cls) -> set:
        classes, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c not in classes:
                classes.add(c)
                todo.extend(self.subjects(RDFS.subClassOf, c))
        return {s for c in classes for s in self.subjects(RDF.type, c)}

    def values(self, node, steps) -> list:
        """The value nodes of a compiled path (`compile_path`) from `node`."""
        if isinstance(steps, URIRef):
            return self.objects(node, steps)
        return sorted(self._path({node}, steps), key=_sort_key)

    def _path(self, nodes: set, steps) -> set:
        if isinstance(steps, URIRef):
            return {o for n in nodes for o in self.objects(n, steps)}
        kind, inner = steps
        if kind == "^":
            return {s for n in nodes for s in self.subjects(inner, n)}
        if kind == "/":
            for step in inner:
                nodes = self._path(nodes, step)
            return nodes
        if kind == "|":
            return {v for step in inner for v in self._path(nodes, step)}
        found: set = set()  # "+"
        frontier = self._path(nodes, inner)
        while frontier - found:
            found |= frontier
            frontier = self._path(frontier, inner)
        return found


def _sort_key(term) -> tuple:
    return (type(term).__name__, str(term))


class Validator:
    """One validation run: the shapes over one data graph."""

    def __init__(self, shapes: Shapes, data: Data) -> None:
        self.shapes = shapes
        self.data = data
        self._conforms: dict = {}

    def focus_nodes(self, shape: Shape) -> list:
        nodes: set = set()
        for cls in shape.target_classes:
            nodes |= self.data.instances(cls)
        for p in shape.target_subjects_of:
            nodes |= {s for s, _ in self.data.pairs.get(p, ())}
        for p in shape.target_objects_of:
            nodes |= {o for _, o in self.data.pairs.get(p, ())}
        return sorted(nodes, key=_sort_key)

    def run(self, wanted=None) -> list[Result]:
        """The results of every node shape on its targets (those in `wanted`, if given)."""
        results = []
        for shape in self.shapes.node_shapes:
            focus = self.focus_nodes(shape)
            if wanted is not None:
                focus = [n for n in focus if n in wanted]
            for node in focus:
                results.extend(self.validate(shape, node, sparql=False))
            if shape.sparql and focus:
                results.extend(self._sparql_results(shape, focus))
        return results

    def conforms(self, shape: Shape, node) -> bool:
        key = (shape.node, node)
        found = self._conforms.get(key)
        if found is None:
            found = self._conforms[key] = not self.validate(shape, node)
        return found

    def validate(self, shape: Shape, focus, sparql: bool = True) -> list[Result]:
        """The results of `shape` on one focus node."""
        values = [focus] if shape.path is None else self.data.values(focus, shape.steps)
        results: list[Result] = []

        def result(component: str, value=None, **extra) -> None:
            results.append(
                Result(
                    focus=focus,
                    path=shape.path,
                    value=value,
                    shape=shape.node,
                    component=component,
                    severity=shape.severity,
                    messages=shape.messages,
                    **extra,
                )
            )

        for component, parameter in shape.constraints:
            check = getattr(self, f"_{component.lower()}")
            check(shape, focus, values, parameter, result)
        for prop in shape.properties:
            for value in values:
                results.extend(self.validate(prop, value))
        if sparql and shape.sparql:
            results.extend(self._sparql_results(shape, [focus]))
        return results

    # One method per constraint component: (shape, focus, value nodes, parameter, report).

    def _mincount(self, shape, focus, values, minimum, result):
        if len(set(values)) < minimum:
            result("MinCountConstraintComponent")

    def _maxcount(self, shape, focus, values, maximum, result):
        if len(set(values)) > maximum:
            result("MaxCountConstraintComponent")

    def _class(self, shape, focus, values, cls, result):
        for v in values:
            if isinstance(v, Literal) or not self.data.is_instance(v, cls):
                result("ClassConstraintComponent", v)

    def _datatype(self, shape, focus, values, datatype, result):
        for v in values:
            if not _has_datatype(v, datatype):
                result("DatatypeConstraintComponent", v)

    def _nodekind(self, shape, focus, values, kind, result):
        for v in values:
            if not isinstance(v, _NODE_KINDS[kind]):
                result("NodeKindConstraintComponent", v)

    def _pattern(self, shape, focus, values, pattern, result):
        for v in values:
            if isinstance(v, BNode) or not pattern.search(str(v)):
                result("PatternConstraintComponent", v)

    def _in(self, shape, focus, values, allowed, result):
        for v in values:
            if v not in allowed:
                result("InConstraintComponent", v)

    def _minlength(self, shape, focus, values, minimum, result):
        for v in values:
            if isinstance(v, BNode) or len(str(v)) < minimum:
                result("MinLengthConstraintComponent", v)

    def _mininclusive(self, shape, focus, values, bound, result):
        for v in values:
            if not (isinstance(v, Literal) and _order(bound, v) <= 0):
                result("MinInclusiveConstraintComponent", v)

    def _lessthan(self, shape, focus, values, other, result):
        for v in values:
            for o in self.data.objects(focus, other):
                if _order(v, o) >= 0:
                    result("LessThanConstraintComponent", v)

    def _lessthanorequals(self, shape, focus, values, other, result):
        for v in values:
            for o in self.data.objects(focus, other):
                if _order(v, o) > 0:
                    result("LessThanOrEqualsConstraintComponent", v)

    def _uniquelang(self, shape, focus, values, unique, result):
        if not unique:
            return
        seen, duplicated = set(), []
        for v in values:
            lang = isinstance(v, Literal) and v.language and v.language.lower()
            if lang:
                if lang in seen and lang not in duplicated:
                    duplicated.append(lang)
                seen.add(lang)
        for _ in duplicated:
            result("UniqueLangConstraintComponent")

    def _node(self, shape, focus, values, node_shape, result):
        for v in values:
            if not self.conforms(node_shape, v):
                result("NodeConstraintComponent", v, details=tuple(self.validate(node_shape, v)))

    def _or(self, shape, focus, values, operands, result):
        for v in values:
            if not any(self.conforms(s, v) for s in operands):
                result("OrConstraintComponent", v)

    def _xone(self, shape, focus, values, operands, result):
        for v in values:
            if sum(self.conforms(s, v) for s in operands) != 1:
                result("XoneConstraintComponent", v)

    def _not(self, shape, focus, values, negated, result):
        for v in values:
            if self.conforms(negated, v):
                result("NotConstraintComponent", v)

    def _qualified(self, shape, focus, values, parameter, result):
        qualified, minimum, maximum = parameter
        count = sum(self.conforms(qualified, v) for v in set(values))
        if minimum is not None and count < int(minimum):
            result("QualifiedMinCountConstraintComponent")
        if maximum is not None and count > int(maximum):
            result("QualifiedMaxCountConstraintComponent")

    def _sparql_results(self, shape: Shape, focus: list) -> list[Result]:
        store = self._store()
        results = []
        for constraint in shape.sparql:
            values = " ".join(_sparql_term(n) for n in focus)
            seen = set()
            solutions = store.query(constraint.query % values)
            variables = solutions.variables
            for row in solutions:
                bound = {v.value: to_rdflib(row[v]) for v in variables if row[v] is not None}
                this = bound.pop("this")
                path = bound.pop("path", None)
                value = bound.pop("value", None)
                key = (this, path, value, tuple(sorted(bound.items())))
                if key in seen:
                    continue
                seen.add(key)
                names = {"this": this, **bound}
                if path is not None:
                    names["path"] = path
                if value is None and shape.path is None:
                    value = this
                if value is not None:
                    names["value"] = value
                results.append(
                    Result(
                        focus=this,
                        path=path,
                        value=value,
                        shape=shape.node,
                        component="SPARQLConstraintComponent",
                        severity=shape.severity,
                        messages=tuple(
                            Literal(_fill(str(m), names))
                            for m in (*shape.messages, *constraint.messages)
                        ),
                        source_constraint=constraint.node,
                    )
                )
        return results

    def _store(self) -> ox.Store:
        store = getattr(self, "_ox", None)
        if store is None:
            store = self._ox = ox.Store()
            term = to_oxigraph
            store.bulk_extend(ox.Quad(term(s), term(p), term(o)) for s, p, o in self.data.triples)
        return store


def _fill(message: str, names: dict) -> str:
    for name, value in names.items():
        message = re.sub(f"{{[?$]{name}}}", lambda _m, v=value: str(v), message)
    return message


def _has_datatype(v, datatype) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == datatype:
        if getattr(v, "ill_typed", None) is True:
            return False
        types = _PYTHON_TYPES.get(datatype)
        if datatype == XSD.decimal:
            from decimal import Decimal

            types = (Decimal,)
        return types is None or isinstance(v.value, types)
    if datatype == RDFS.Literal:
        return True
    if v.datatype is None and v.language is None and datatype == XSD.string:
        return isinstance(v.value, (str, bytes))
    return datatype == RDF.langString and bool(v.language)


def _order(a, b) -> int:
    """-1, 0 or 1 as SPARQL's < orders two literals; 1 when they cannot be compared."""
    if not (isinstance(a, Literal) and isinstance(b, Literal)):
        return 1
    try:
        if a.eq(b):
            return 0
        return 1 if a > b else -1
    except (TypeError, NotImplementedError):
        return 1


def _sparql_term(node) -> str:
    if isinstance(node, BNode):
        raise UnsupportedShape("a SPARQL-based constraint on a blank node")
    return node.n3()


def validate(data_graph, shapes_graph: Graph, focus_nodes=None) -> tuple[bool, Graph]:
    """Validate the triples of `data_graph` (a graph or an iterable of distinct triples)
    against `shapes_graph`: (conforms, the W3C validation report graph, in pySHACL's form).
    With `focus_nodes`, only those nodes are validated (as focus nodes of the shapes that
    target them)."""
    shapes = compile_shapes(shapes_graph)
    wanted = None if focus_nodes is None else set(focus_nodes)
    results = Validator(shapes, Data(list(data_graph))).run(wanted)
    report = Graph()
    bind_prefixes(report)
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    conforms = True
    copies: dict = {}
    for r in results:
        report.add((node, SH.result, _add_result(report, shapes_graph, r, copies)))
        if r.severity == SH.Violation:
            conforms = False
    report.add((node, SH.conforms, Literal(conforms)))
    return conforms, report


def _add_result(report: Graph, shapes_graph: Graph, r: Result, copies: dict) -> BNode:
    node = BNode()
    add = report.add
    add((node, RDF.type, SH.ValidationResult))
    add((node, SH.sourceConstraintComponent, SH[r.component]))
    add((node, SH.sourceShape, _copy(report, shapes_graph, copies, r.shape)))
    add((node, SH.resultSeverity, r.severity))
    add((node, SH.focusNode, r.focus))
    if r.value is not None:
        add((node, SH.value, r.value))
    if r.path is not None:
        add((node, SH.resultPath, _copy(report, shapes_graph, copies, r.path)))
    if r.source_constraint is not None:
        add((node, SH.sourceConstraint, _copy(report, shapes_graph, copies, r.source_constraint)))
    for message in r.messages:
        add((node, SH.resultMessage, message))
    for detail in r.details:
        add((node, SH.detail, _add_result(report, shapes_graph, detail, copies)))
    return node


def _copy(report: Graph, source: Graph, copies: dict, node):
    """A blank node of the shapes graph copied into the report with what it describes, as
    pySHACL does: once per report for each node a result names (a shape, a path, a
    constraint), under the same label so that results name their shapes; the blank nodes
    inside each such copy copied afresh. Other terms as they are."""
    if isinstance(node, BNode) and node not in copies:
        copies[node] = node
        for p, o in source.predicate_objects(node):
            report.add((node, p, _clone(report, source, o)))
    return node


def _clone(report: Graph, source: Graph, node):
    if not isinstance(node, BNode):
        return node
    copy = BNode()
    for p, o in source.predicate_objects(node):
        report.add((copy, p, _clone(report, source, o)))
    return copy
