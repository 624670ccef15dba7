"""Validate stage: the graph against the SHACL shapes in `shapes/`.

SHACL (https://www.w3.org/TR/shacl/) with pySHACL. Shapes carry their own messages and
severities; `validate` returns them as plain `Violation`s, most severe first, and the W3C
validation report graph for publication.

The shapes and the ontology are package data (src/kg/shapes/, src/kg/ontology/; the top-level
shapes/ and ontology/ of a checkout are links to them), found through `importlib.resources`, so
an installed wheel finds them as a checkout does. A folder that is missing or holds no Turtle
file is an error: validating against no shapes would pass any graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.vocab import SH, bind_prefixes


def package_dir(name: str) -> Path:
    """A folder of data inside the installed kg package. pip installs packages as files, never
    zipped, so the resource is a directory on disk that the rest of kg may glob and read."""
    return Path(str(resources.files("kg").joinpath(name)))


SHAPES_DIR = package_dir("shapes")
ONTOLOGY_DIR = package_dir("ontology")
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
            raise KgError(path, _line_of(exc), f"not valid Turtle: {_first_line(exc)}") from exc
    return graph


def _line_of(exc: Exception) -> int | None:
    """The 1-based line of a Turtle parser's error. rdflib's BadSyntax counts the lines before
    the error (`lines` is 0 on the first line), as its own message, "at line N", shows."""
    lines = getattr(exc, "lines", None)
    if isinstance(lines, int):
        return lines + 1
    line = getattr(exc, "line", None)
    return line if isinstance(line, int) else None


def _first_line(exc: Exception | str) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def turtle_files(folder: Path, what: str) -> list[Path]:
    """The Turtle files of a package folder, sorted; an error when there are none."""
    files = sorted(folder.glob("*.ttl")) if folder.is_dir() else []
    if not files:
        state = "holds no .ttl file" if folder.is_dir() else "is missing"
        raise KgError(
            folder,
            None,
            f"the {what} folder {state}: the kg package is incomplete, reinstall it",
        )
    return files


@cache
def _shapes() -> Graph:
    return parse_turtle_files(turtle_files(SHAPES_DIR, "SHACL shapes"))


def load_shapes() -> Graph:
    """The shapes graph (parsed once per process; callers must not modify it)."""
    return _shapes()


@cache
def _ontology() -> Graph:
    return parse_turtle_files(turtle_files(ONTOLOGY_DIR, "ontology"))


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
    those nodes are reported. `engine` is "fast" (`kg.build.fastvalidate`, specialised to the
    features our shapes use) or "pyshacl", the reference it is tested against and the one
    used for shapes `kg.build.fastvalidate` does not support.
    """
    shapes = shapes if shapes is not None else load_shapes()
    if engine == "fast":
        from kg.build import fastvalidate

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
    """Remove from a report the results whose focus node is not `wanted`, and what only they
    describe: results of one property shape share the blank node of its path (an inverse or
    sequence path), which stays as long as a result kept names it."""
    dropped, kept = [], set()
    for result in list(report.objects(None, SH.result)):
        if wanted(report.value(result, SH.focusNode)):
            kept.update(report.cbd(result))
        else:
            dropped.append(result)
    for result in dropped:
        for t in report.cbd(result):
            if t not in kept:
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
    # The report says sh:conforms as SHACL defines it (https://www.w3.org/TR/shacl/#conforms):
    # true only without any result, warnings included, as Jena and pySHACL report it. The
    # build conforms when no result is a violation (pySHACL's allow_warnings): a warning
    # does not stop a publish.
    merged.add((node, SH.conforms, Literal(not any(merged.objects(node, SH.result)))))
    return ValidationResult(conforms, _violations(merged), merged)


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
