"""Validate stage: the graph against the SHACL shapes in `shapes/`.

SHACL (https://www.w3.org/TR/shacl/) with pySHACL. Shapes carry their own messages and
severities; `validate` returns them as plain `Violation`s, most severe first, and the W3C
validation report graph for publication.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef

from kg.errors import KgError
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


def validate(data: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate `data` (asserted plus, if wanted, inferred triples) against the shapes.

    No inference is run here: the reason stage has already added what OWL 2 RL entails, so
    shapes see the graph exactly as it is published.
    """
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        advanced=True,  # SHACL-AF: SPARQL-based targets and functions
        allow_warnings=True,
    )
    if not isinstance(report, Graph):  # pySHACL reports a failure of the shapes themselves
        raise KgError(SHAPES_DIR, None, f"the shapes cannot be applied: {_first_line(text)}")
    bind_prefixes(report)
    violations = []
    # Only the results the report lists: those nested under sh:detail explain a result of
    # sh:node and would repeat it with the wrong focus node.
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        violations.append(
            (
                SEVERITY_ORDER.get(severity, 3),
                Violation(
                    severity=_local(severity),
                    focus=str(report.value(result, SH.focusNode)),
                    path=_path_text(report, report.value(result, SH.resultPath)),
                    message=str(report.value(result, SH.resultMessage) or ""),
                    shape=str(report.value(result, SH.sourceShape) or ""),
                ),
            )
        )
    violations.sort()
    return ValidationResult(bool(conforms), tuple(v for _, v in violations), report)


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
