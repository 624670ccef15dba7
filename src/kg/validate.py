"""Validate stage: the graph against the SHACL shapes in `shapes/`.

SHACL (https://www.w3.org/TR/shacl/) with pySHACL. Shapes carry their own messages and
severities; `validate` returns them as plain `Violation`s, most severe first, and the W3C
validation report graph for publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.ntriples import to_graph, unpack
from kg.vocab import SH, bind_prefixes

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHAPES_DIR = PROJECT_ROOT / "shapes"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SEVERITY_ORDER = {SH.Violation: 0, SH.Warning: 1, SH.Info: 2}


@dataclass(frozen=True, order=True)
class Violation:
    severity: str  # Violation, Warning or Info
    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: tuple[Violation, ...]
    report: Graph


def parse_turtle_files(paths) -> Graph:
    graph = Graph()
    for path in sorted(Path(p) for p in paths):
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser exception types
            line = getattr(exc, "lines", None) or getattr(exc, "line", None)
            raise KgError(
                path,
                line if isinstance(line, int) else None,
                f"not valid Turtle: {_first_line(exc)}",
            ) from exc
    return graph


def _first_line(exc: Exception | str) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@cache
def _shapes() -> Graph:
    return parse_turtle_files(SHAPES_DIR.glob("*.ttl"))


def load_shapes() -> Graph:
    """The shapes graph (parsed once per process; callers must not modify it)."""
    return _shapes()


@cache
def _ontology() -> Graph:
    return parse_turtle_files(ONTOLOGY_DIR.glob("*.ttl"))


def load_ontology() -> Graph:
    """The ontology and the imported axioms (parsed once per process; do not modify)."""
    return _ontology()


def validate(
    data,
    shapes: Graph | None = None,
    focus_nodes=None,
    engine: str = "fast",
) -> ValidationResult:
    """Validate `data` (a graph or an iterable of triples: asserted plus, if wanted,
    inferred) against the shapes.

    No inference is run here: the reason stage has already added what OWL 2 RL entails, so
    shapes see the graph exactly as it is published. With `focus_nodes`, only results about
    those nodes are reported. `engine` is "fast" (`kg.fastvalidate`, specialised to the
    features our shapes use) or "pyshacl", the reference it is tested against and the one
    used for shapes `kg.fastvalidate` does not support.
    """
    shapes = shapes if shapes is not None else load_shapes()
    if engine == "fast":
        from kg import fastvalidate

        try:
            conforms, report = fastvalidate.validate(data, shapes, focus_nodes)
        except fastvalidate.UnsupportedShape:
            return validate(data, shapes, focus_nodes, engine="pyshacl")
        bind_prefixes(report)
        return ValidationResult(conforms, _violations(report), report)
    if not isinstance(data, Graph):
        graph = Graph()
        for triple in data:
            graph.add(triple)
        data = graph
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,  # SHACL-AF: SPARQL-based targets and functions
        allow_warnings=True,
    )
    if not isinstance(report, Graph):  # pySHACL reports a failure of the shapes themselves
        raise KgError(SHAPES_DIR, None, f"the shapes cannot be applied: {_first_line(text)}")
    bind_prefixes(report)
    if focus_nodes is not None:
        # pySHACL's own focus_nodes option mis-evaluates sh:not: the whole graph is validated
        # and only the results about the focus nodes kept.
        wanted = set(focus_nodes)
        keep_results(report, lambda node: node in wanted)
        conforms = not any(
            report.value(r, SH.resultSeverity) == SH.Violation
            for r in report.objects(None, SH.result)
        )
    return ValidationResult(bool(conforms), _violations(report), report)


def keep_results(report: Graph, wanted) -> None:
    """Remove from a report the results whose focus node is not `wanted`."""
    for result in list(report.objects(None, SH.result)):
        if not wanted(report.value(result, SH.focusNode)):
            for t in report.cbd(result):
                report.remove(t)
            report.remove((None, SH.result, result))


def _violation(report: Graph, result) -> Violation:
    severity = report.value(result, SH.resultSeverity)
    return Violation(
        severity=_local(severity),
        focus=str(report.value(result, SH.focusNode)),
        path=_path_text(report, report.value(result, SH.resultPath)),
        message=str(report.value(result, SH.resultMessage) or ""),
        shape=str(report.value(result, SH.sourceShape) or ""),
    )


def _violations(report: Graph) -> tuple[Violation, ...]:
    violations = []
    # Only the results the report lists: those nested under sh:detail explain a result of
    # sh:node and would repeat it with the wrong focus node.
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        violations.append((SEVERITY_ORDER.get(severity, 3), _violation(report, result)))
    violations.sort()
    return tuple(v for _, v in violations)


def merge_reports(reports: list[Graph], extra: list[tuple] = ()) -> ValidationResult:
    """One W3C validation report from the reports of parts of the graph (each result once)
    and `extra` results (focus, path, value, severity, message, shape) of checks run
    elsewhere."""
    from rdflib import Literal
    from rdflib.namespace import RDF

    merged = Graph()
    bind_prefixes(merged)
    node = BNode()
    merged.add((node, RDF.type, SH.ValidationReport))
    seen = set()
    conforms = True
    for report in reports:
        for result in sorted(report.objects(None, SH.result)):
            key = (_violation(report, result), report.value(result, SH.value))
            if key in seen:
                continue
            seen.add(key)
            if report.value(result, SH.resultSeverity) == SH.Violation:
                conforms = False
            merged.add((node, SH.result, result))
            for t in report.cbd(result):
                merged.add(t)
    for focus, path, value, severity, message, shape in extra:
        result = BNode()
        merged.add((node, SH.result, result))
        merged.add((result, RDF.type, SH.ValidationResult))
        merged.add((result, SH.focusNode, focus))
        merged.add((result, SH.resultPath, path))
        merged.add((result, SH.resultSeverity, severity))
        merged.add((result, SH.resultMessage, Literal(message)))
        merged.add((result, SH.sourceShape, shape))
        if value is not None:
            merged.add((result, SH.value, value))
        if severity == SH.Violation:
            conforms = False
    merged.add((node, SH.conforms, Literal(conforms)))
    return ValidationResult(conforms, _violations(merged), merged)


@dataclass(frozen=True)
class SingleValued:
    """A property shape allowing one value (sh:maxCount 1) of a predicate path."""

    shape: URIRef  # the property shape
    path: URIRef
    classes: frozenset  # the node shapes' target classes (none: every subject)
    severity: URIRef
    message: str


def single_valued_shapes(shapes: Graph) -> list[SingleValued]:
    found = []
    for prop in sorted(set(shapes.subjects(SH.maxCount, None))):
        path = shapes.value(prop, SH.path)
        if not isinstance(path, URIRef) or shapes.value(prop, SH.maxCount).toPython() != 1:
            continue
        classes = frozenset(
            c
            for shape in shapes.subjects(SH.property, prop)
            for c in shapes.objects(shape, SH.targetClass)
        )
        severity = shapes.value(prop, SH.severity) or SH.Violation
        message = str(shapes.value(prop, SH.message) or f"at most one {path}")
        found.append(SingleValued(prop, path, classes, severity, message))
    return found


XSD_STRING_SUFFIX = b"^^<http://www.w3.org/2001/XMLSchema#string>"


def cross_document_violations(build) -> list[tuple]:
    """The checks that need several documents at once: a property a shape allows once
    (sh:maxCount 1) given different values by different named graphs for the same node.

    Only the lines these checks read (those of the properties concerned, and rdf:type) are
    taken from each graph's packed N-Triples, by a regular expression (in C), tagged with the
    graph's number and sorted by `sort` (bounded memory, spilling to disk), which brings each
    subject's lines together; one pass over the sorted lines then looks at each subject with
    values from several graphs. Memory stays flat whatever the size of the corpus."""
    import tempfile

    from kg.sorting import sorted_into

    checks = single_valued_shapes(load_shapes())
    by_path: dict[bytes, list[SingleValued]] = {}
    for check in checks:
        by_path.setdefault(f"<{check.path}>".encode(), []).append(check)
    rdf_type = f"<{RDF.type}>".encode()
    wanted = [rdf_type, *by_path]
    line_of_wanted = re.compile(
        rb"^<[^>]*> (?:%s) [^\n]*\n" % b"|".join(re.escape(p) for p in wanted),
        re.MULTILINE,
    )
    found = []
    with tempfile.TemporaryDirectory(prefix="kg-check-") as folder:
        work = Path(folder)
        lines = work / "lines"
        try:
            with sorted_into(lines, work, "-u") as sort:
                for number, (_, packed) in enumerate(build.named_graphs()):
                    text = b"".join(line_of_wanted.findall(unpack(packed)))
                    # "<s> <p> o .\n" -> "<s> <p> o\t<graph number>\n" (N-Triples escapes
                    # line breaks, so " .\n" ends lines only)
                    sort.write(text.replace(b" .\n", b"\t%d\n" % number))
        except KgError as exc:  # its path is a temporary file, gone when the user reads it
            raise KgError("sort", None, f"in the cross-document check: {exc.message}") from None
        with lines.open("rb") as f:
            subject, types, values = None, set(), {}
            for line in f:
                head, graph = line.rsplit(b"\t", 1)
                s, p, o = head.split(b" ", 2)
                if s != subject:
                    if subject is not None:
                        found += _conflicts(subject, types, values, by_path)
                    subject, types, values = s, set(), {}
                if p == rdf_type:
                    types.add(o)
                if p in by_path:
                    if o.endswith(XSD_STRING_SUFFIX):  # "a"^^xsd:string is "a" (RDF 1.1)
                        o = o[: -len(XSD_STRING_SUFFIX)]
                    values.setdefault(p, {}).setdefault(o, set()).add(graph)
            if subject is not None:
                found += _conflicts(subject, types, values, by_path)
    order = {check.shape: n for n, check in enumerate(checks)}
    found.sort(key=lambda v: (order[v[5]], v[0], "" if v[2] is None else v[2].n3()))
    return found


def _conflicts(subject: bytes, types: set, values: dict, by_path: dict) -> list[tuple]:
    """The values of single-valued properties of `subject` that one graph gives and another
    graph contradicts with a different value. Values are RDF terms, as sh:maxCount counts
    them: "1.5"^^xsd:decimal and "1.50"^^xsd:decimal are two values (a SPARQL `!=` would
    compare them as numbers). A blank node is reported without its label (`None`), which
    would mean nothing outside its graph."""
    out = []
    for p, graphs_of in values.items():
        if len(graphs_of) < 2 or len(set().union(*graphs_of.values())) < 2:
            continue
        conflicting = sorted(o for o in graphs_of if _contradicted(o, graphs_of))
        if not conflicting:
            continue
        for check in by_path[p]:
            if check.classes and not any(f"<{c}>".encode() in types for c in check.classes):
                continue
            for o in conflicting:
                (triple,) = to_graph(subject + b" " + p + b" " + o + b" .\n")
                focus, _, value = triple
                if isinstance(value, BNode):
                    value = None
                out.append(
                    (
                        focus,
                        check.path,
                        value,
                        check.severity,
                        check.message + " (different documents give different values)",
                        check.shape,
                    )
                )
    return out


def _contradicted(value: bytes, graphs_of: dict) -> bool:
    """Whether a graph giving `value` is contradicted by another graph giving another value."""
    others = set().union(*(graphs for o, graphs in graphs_of.items() if o != value))
    return any(others - {graph} for graph in graphs_of[value])


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1] if iri is not None else "Violation"


def _path_text(report: Graph, path) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return report.namespace_manager.normalizeUri(path)
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + report.namespace_manager.normalizeUri(inverse)
    return "(complex path)"
