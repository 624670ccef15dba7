"""kg's hand-written engines against libraries (`python benchmarks/engines.py`; not a test).

Reasoning: `kg.build.fastreason` (what `kg publish` runs) against owlrl (`kg.build.reason`, the
reference it is tested against) and reasonable (OWL 2 RL in Rust).
Validation: `kg.build.fastvalidate` (what `kg publish` runs) against pySHACL (the reference)
and pyrudof (SHACL in Rust). For each corpus (default: the seed corpus data/ and 1,000
synthetic documents, `kg synth --documents 1000 --out /tmp/synth1000`, made when missing) it
measures the units of work `kg publish` has:

- reasoning, reference: the OWL 2 RL inferences of the reference data with the ontology (for
  fastreason including the closure of the schema by owlrl, which it needs once);
- reasoning, documents: each document's inferences given the reference data (fastreason
  against the reference closure, as the pipeline runs it; owlrl and reasonable with the
  reference graph and ontology beside the document, the way they can);
- reasoning, corpus: every document and the reference data closed at once (one call);
- validation, reference: the reference data, its inferences and the ontology;
- validation, documents: each document as the pipeline validates it (its triples, its
  inferences, the reference triples reachable from them, the ontology; results about the
  nodes it touches);
- validation, corpus: the whole published graph at once;

and compares results: the kept inferred triples (`kg.build.fastreason.keep`) as sets, both ways,
against owlrl; the validation results per node shape and severity, and per (focus node,
constraint component, severity, value), against pySHACL.

Each measurement runs in a fresh forked child: CPU seconds (`time.process_time`, every thread
of the child: the main figure, as the machine may be shared), wall seconds, and peak memory
(the child's peak resident set above what it inherited: /proc/self/clear_refs, VmHWM). The
figure is the median of `--runs` runs (the slow reference engines on the large corpus: one
run over the first `--sample` documents, marked "sample").

Needs the libraries (not kg's dependencies): `pip install reasonable==0.4.4 pyrudof==0.3.35`.

    python benchmarks/engines.py [CORPUS ...] [--runs 3] [--sample 20] [--limit 600] [--json FILE]

Run it on a clean tree: it validates with the shapes and reasons with the ontology of the kg
it imports (`PYTHONPATH=checkout/src` selects one).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.util import from_n3

import kg
from kg.build import fastreason, ingest, model, pipeline, reason, validate
from kg.build.run import document_files
from kg.vocab import Minter

ROOT = Path(kg.__file__).resolve().parents[2]
SYNTH = Path("/tmp/synth1000")

# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def _status(field: str) -> int:
    """A field of /proc/self/status in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measured(fn, runs: int, limit: float | None = None) -> dict:
    """fn() in `runs` fresh forked children: median CPU and wall seconds, the largest peak
    memory above the inherited (MB), and the result of the first run; {"timeout": limit} when
    a run takes more than `limit` wall seconds."""
    ctx = multiprocessing.get_context("fork")
    cpu, wall, peak, result = [], [], [], None
    for run in range(runs):
        parent, child = ctx.Pipe(duplex=False)

        def target(child=child, keep=run == 0):
            with contextlib.suppress(OSError):  # resets VmHWM to VmRSS
                Path("/proc/self/clear_refs").write_text("5")
            base = _status("VmRSS")
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                out, error = fn(), None
            except BaseException:
                out, error = None, traceback.format_exc(limit=4)
            c1, w1 = time.process_time(), time.perf_counter()
            high = _status("VmHWM")
            child.send((c1 - c0, w1 - w0, (high - base) / 1024, out if keep else None, error))

        process = ctx.Process(target=target)
        process.start()
        if not parent.poll(limit):
            process.kill()
            process.join()
            return {"timeout": limit}
        c, w, p, out, error = parent.recv()
        process.join()
        if error:
            return {"error": error.strip().splitlines()[-1]}
        cpu.append(c)
        wall.append(w)
        peak.append(p)
        if run == 0:
            result = out
    return {
        "cpu": statistics.median(cpu),
        "wall": statistics.median(wall),
        "peak_mb": max(peak),
        "runs": runs,
        "result": result,
    }


# --------------------------------------------------------------------------------------------
# The corpus, modelled once in the parent
# --------------------------------------------------------------------------------------------


class Corpus:
    def __init__(self, data_dir: Path) -> None:
        self.dir = data_dir
        self.minter = m = Minter()
        self.base = m.base
        self.reference = model.load_reference(data_dir, m)
        self.reference_graph = model.model_reference(self.reference)
        self.ontology = validate.load_ontology()
        self.shapes = validate.load_shapes()
        self.schema = fastreason.Schema.from_ontology(self.ontology)
        self.documents: list[tuple[str, Graph]] = []
        for path in document_files(data_dir):
            entry = self.reference.manifest[path.stem]
            source = ingest.read_source(data_dir / "sources" / str(entry["file"]))
            self.documents.append((path.stem, model.model_document(path, source, self.reference)))
        # What kg publishes (fastreason equals owlrl on it: tests/test_reason.py), the input
        # of every validation engine.
        self.reference_inferred = fastreason.infer(
            self.reference_graph, [], self.base, self.schema, with_tbox=True
        )
        self.ctx = pipeline.Context(
            data_dir=data_dir,
            reference=self.reference,
            reference_graph=self.reference_graph,
            reference_inferred=self.reference_inferred,
            schema=self.schema,
        )
        self.inferred = {
            doc: fastreason.infer(
                g,
                [],
                self.base,
                self.schema,
                already=self.reference_inferred,
                start=self.ctx.reference_closure,
            )
            for doc, g in self.documents
        }
        # Each document's validation input, as pipeline.validate_document builds it.
        self.validation_inputs = []
        for doc, g in self.documents:
            focus = pipeline.touched(g) | {
                s for s, _, _ in self.inferred[doc] if isinstance(s, URIRef)
            }
            data = set(g) | self.inferred[doc]
            data |= self.ctx.reference_about(focus)
            data |= set(self.ontology)
            self.validation_inputs.append((doc, data, focus))
        self.reference_data = (
            set(self.reference_graph) | self.reference_inferred | set(self.ontology)
        )
        self.whole = set(self.reference_data)
        for doc, g in self.documents:
            self.whole |= set(g) | self.inferred[doc]

    @property
    def triples(self) -> int:
        return len(self.reference_graph) + sum(len(g) for _, g in self.documents)


# --------------------------------------------------------------------------------------------
# Reasoning engines: each returns the kept inferred triples (kg.build.fastreason.keep)
# --------------------------------------------------------------------------------------------


def _plain(term):
    """reasonable returns "x" as "x"^^xsd:string (the same RDF 1.1 term, another rdflib one)."""
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


def _reasonable(triples: list, base: str, known: set, already=frozenset()) -> set:
    import reasonable

    r = reasonable.PyReasoner()
    r.from_graph(triples)
    out = set()
    for s, p, o in r.reason():
        t = (_plain(s), p, _plain(o))
        if t not in known and t not in already and fastreason.keep(t, base):
            out.add(t)
    return out


def reasoning_tasks(c: Corpus, docs: list) -> dict:
    """{task: {engine: fn}}, each fn returning {unit: set of triples}."""
    ont, rg, base = c.ontology, c.reference_graph, c.base
    context = list(ont) + list(rg)
    known_context = set(context)

    def fast_reference():
        schema = fastreason.Schema.from_ontology(ont)
        return {"reference": fastreason.infer(rg, [], base, schema, with_tbox=True)}

    def owlrl_reference():
        return {"reference": set(reason.infer(rg, [ont], base))}

    def reasonable_reference():
        return {"reference": _reasonable(context, base, known_context)}

    def fast_documents():
        start = fastreason.close(rg, c.schema)
        return {
            doc: fastreason.infer(g, [], base, c.schema, already=c.reference_inferred, start=start)
            for doc, g in docs
        }

    def owlrl_documents():
        return {
            doc: set(reason.infer(g, [ont, rg], base, already=c.reference_inferred))
            for doc, g in docs
        }

    def reasonable_documents():
        already = _reasonable(context, base, known_context)
        out = {}
        for doc, g in docs:
            triples = list(g)
            out[doc] = _reasonable(context + triples, base, known_context | set(triples), already)
        return out

    every = [t for _, g in docs for t in g]

    def fast_corpus():
        schema = fastreason.Schema.from_ontology(ont)
        return {"corpus": fastreason.infer(every, [rg], base, schema, with_tbox=True)}

    def owlrl_corpus():
        union = Graph()
        for t in every:
            union.add(t)
        return {"corpus": set(reason.infer(union, [ont, rg], base))}

    def reasonable_corpus():
        return {"corpus": _reasonable(context + every, base, known_context | set(every))}

    return {
        "reference": {
            "fastreason": fast_reference,
            "owlrl": owlrl_reference,
            "reasonable": reasonable_reference,
        },
        "documents": {
            "fastreason": fast_documents,
            "owlrl": owlrl_documents,
            "reasonable": reasonable_documents,
        },
        "corpus": {
            "fastreason": fast_corpus,
            "owlrl": owlrl_corpus,
            "reasonable": reasonable_corpus,
        },
    }


# --------------------------------------------------------------------------------------------
# Validation engines: each returns, per unit, a list of results
# (owner node shape, focus, component, severity, value, message)
# --------------------------------------------------------------------------------------------

LOOKAHEAD = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$"
# The same language without the look-ahead, which SHACL's regular expressions (XPath's, as
# Rust's regex crate) do not have: P and at least one of Y, M, W, D, in that order.
NO_LOOKAHEAD = (
    "^P([0-9]+Y([0-9]+M)?([0-9]+W)?([0-9]+D)?|[0-9]+M([0-9]+W)?([0-9]+D)?"
    "|[0-9]+W([0-9]+D)?|[0-9]+D)$"
)
SKOLEM = "urn:kg:shape:"


def _check_rewrite() -> None:
    old, new = re.compile(LOOKAHEAD), re.compile(NO_LOOKAHEAD)
    for text in ["P", "P1Y", "P2M", "P3W", "P4D", "P1Y2M", "P1Y4D", "P1Y2M3W4D", "P2M1Y",
                 "PY", "P1", "1Y", "P1Y ", "P10D", "P1M4D", "P1W1W", ""]:  # fmt: skip
        assert bool(old.search(text)) == bool(new.search(text)), text


def shape_owners(shapes: Graph) -> dict:
    """Each shape node (by its label or IRI, as a report names it) -> the named node shape it
    belongs to (its local name)."""
    owners: dict = {}
    named = sorted(
        {s for s in shapes.subjects() if isinstance(s, URIRef) and shapes.value(s, SH.name)},
        key=str,
    )

    def walk(node, owner):
        if node in owners and owners[node] != owner and not isinstance(node, URIRef):
            return
        if isinstance(node, URIRef) and node != owner:
            return  # a named shape has its own name
        if node in owners:
            return
        owners[node] = owner
        for p in (SH.property, SH["not"], SH.qualifiedValueShape, SH.node):
            for child in shapes.objects(node, p):
                walk(child, owner)
        for p in (SH["or"], SH.xone, SH["and"]):
            for head in shapes.objects(node, p):
                for child in Collection(shapes, head):
                    walk(child, owner)

    for shape in named:
        walk(shape, shape)
    return {str(k): str(v).rsplit("#", 1)[-1] for k, v in owners.items()}


def core_shapes(shapes: Graph) -> Graph:
    """The shapes without their SPARQL-based constraints."""
    drop = set()
    for constraint in shapes.objects(None, SH.sparql):
        drop |= set(shapes.cbd(constraint))
    out = Graph()
    for t in shapes:
        if t[1] != SH.sparql and t not in drop:
            out.add(t)
    return out


def pyrudof_shapes(shapes: Graph) -> str:
    """The shapes as pyrudof reads them: the one look-ahead pattern rewritten, blank shape
    nodes (not lists) named by IRIs holding their labels, so results name their shapes."""
    nodes = set()
    for p in (SH.property, SH["not"], SH.qualifiedValueShape, SH.node):
        nodes |= set(shapes.objects(None, p))
    nodes |= set(shapes.subjects(SH.path, None))
    for p in (SH["or"], SH.xone, SH["and"]):
        for head in shapes.objects(None, p):
            nodes |= set(Collection(shapes, head))
    nodes = {n for n in nodes if isinstance(n, BNode)}

    def name(n):
        return URIRef(SKOLEM + str(n)) if n in nodes else n

    out = Graph()
    for s, p, o in shapes:
        if p == SH.pattern and str(o) == LOOKAHEAD:
            o = Literal(NO_LOOKAHEAD)
        out.add((name(s), p, name(o)))
    return out.serialize(format="turtle")


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def _report_results(report: Graph, owners: dict, focus=None) -> list:
    out = []
    for r in report.objects(None, SH.result):
        node = report.value(r, SH.focusNode)
        if focus is not None and node not in focus:
            continue
        out.append(
            (
                owners.get(str(report.value(r, SH.sourceShape)), "?"),
                str(node),
                _local(report.value(r, SH.sourceConstraintComponent)),
                _local(report.value(r, SH.resultSeverity)),
                str(report.value(r, SH.value)),
                " | ".join(sorted(str(m) for m in report.objects(r, SH.resultMessage))),
            )
        )
    return out


def _term(text):
    if text is None:
        return None
    text = str(text)
    if text[:1] in '<"_':
        try:
            return from_n3(text)
        except Exception:  # not N-Triples: as it is
            return text
    return URIRef(text) if re.match(r"[a-z][a-z0-9+.-]*:", text) else text


def _ntriples(triples) -> str:
    import pyoxigraph as ox

    from kg.terms import to_oxigraph as t

    return ox.serialize(
        (ox.Triple(t(s), t(p), t(o)) for s, p, o in triples), format=ox.RdfFormat.N_TRIPLES
    ).decode()


def _rudof_results(rudof, owners: dict, focus=None) -> list:
    out = []
    for e in rudof.validate_shacl():
        node = _term(e.focus_node)
        if focus is not None and node not in focus:
            continue
        shape = str(_term(e.source_shape))
        shape = shape[len(SKOLEM) :] if shape.startswith(SKOLEM) else shape
        message = _term(e.message)
        out.append(
            (
                owners.get(shape, "?"),
                str(node),
                _local(e.constraint_component),
                _local(e.severity),
                str(_term(e.value)),
                str(message) if message is not None else "",
            )
        )
    return out


def validation_tasks(c: Corpus, inputs: list, whole: bool) -> dict:
    owners = shape_owners(c.shapes)
    rudof_shapes = pyrudof_shapes(c.shapes)

    def rudof_session():
        import pyrudof

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_shacl(rudof_shapes)
        return rudof, pyrudof.RDFFormat.NTriples

    core = core_shapes(c.shapes)

    def ours(engine, data, focus=None, shapes=None):
        result = validate.validate(data, shapes=shapes, focus_nodes=focus, engine=engine)
        return _report_results(result.report, owners)

    def rudof_on(rudof, fmt, data, focus=None):
        rudof.read_data(_ntriples(data), fmt, merge=False)  # it merges by default
        return _rudof_results(rudof, owners, focus)

    def engines(units):
        return {
            "fastvalidate": lambda: {u: ours("fast", d, f) for u, d, f in units},
            "pySHACL": lambda: {u: ours("pyshacl", d, f) for u, d, f in units},
            # What any rewrite of the SPARQL-based constraints in SHACL core would cost at
            # least: pySHACL with them left out.
            "pySHACL core only": lambda: {
                u: ours("pyshacl", d, f, shapes=core) for u, d, f in units
            },
            "pyrudof": lambda: (lambda r, fmt: {u: rudof_on(r, fmt, d, f) for u, d, f in units})(
                *rudof_session()
            ),
        }

    tasks = {
        "reference": engines([("reference", c.reference_data, None)]),
        "documents": engines(inputs),
    }
    if whole:
        tasks["corpus"] = engines([("corpus", c.whole, None)])
    return tasks


# --------------------------------------------------------------------------------------------
# Comparing
# --------------------------------------------------------------------------------------------


def _short(term) -> str:
    text = str(term)
    for prefix, ns in (
        ("kg:", "https://kg.example.org/def/kg#"),
        ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
        ("owl:", "http://www.w3.org/2002/07/owl#"),
        ("skos:", "http://www.w3.org/2004/02/skos/core#"),
        ("schema:", "https://schema.org/"),
        ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ):
        if text.startswith(ns):
            return prefix + text[len(ns) :]
    return text


def _kind(triple) -> str:
    """What rule a triple comes from, roughly: schema (T-box) triples about kg's own classes
    and properties, or instance triples by predicate."""
    s, p, o = triple
    if "/def/" in str(s):
        reflexive = " (reflexive)" if s == o else ""
        return f"T-box {_short(p)}{reflexive}"
    return _short(p)


def diff_inferences(got: dict, ref: dict) -> dict:
    only_got, only_ref = collections.Counter(), collections.Counter()
    for unit in ref:
        if unit not in got:
            continue
        for t in got[unit] - ref[unit]:
            only_got[_kind(t)] += 1
        for t in ref[unit] - got[unit]:
            only_ref[_kind(t)] += 1
    return {
        "extra": sum(only_got.values()),
        "missing": sum(only_ref.values()),
        "extra_by_kind": dict(only_got.most_common()),
        "missing_by_kind": dict(only_ref.most_common()),
        "triples": sum(len(ref[u]) for u in ref if u in got),
    }


def diff_results(got: dict, ref: dict) -> dict:
    """Per node shape and severity counts; results by (focus, component, severity, value);
    the same with messages; whether each unit conforms (no result of severity Violation)."""
    units = [u for u in ref if u in got]

    def counts(results, key):
        return collections.Counter(key(r) for u in units for r in results[u])

    def conforms(results):
        return [all(r[3] != "Violation" for r in results[u]) for u in units]

    per_shape_got, per_shape_ref = (
        counts(got, lambda r: r[:1] + r[3:4]),
        counts(ref, lambda r: r[:1] + r[3:4]),
    )
    shape_diff = {
        f"{s}/{sev}": (per_shape_ref[(s, sev)], per_shape_got[(s, sev)])
        for s, sev in sorted(set(per_shape_got) | set(per_shape_ref))
        if per_shape_got[(s, sev)] != per_shape_ref[(s, sev)]
    }
    key = counts(got, lambda r: r[1:5]), counts(ref, lambda r: r[1:5])
    msg = counts(got, lambda r: r[1:6]), counts(ref, lambda r: r[1:6])
    different_messages = collections.Counter(r[1] for r in (msg[0] - msg[1]).elements())
    return {
        "results": sum(per_shape_ref.values()),
        "results_got": sum(per_shape_got.values()),
        "conforms_equal": conforms(got) == conforms(ref),
        "conforms": sum(conforms(ref)),
        "units": len(units),
        "shape_counts_differ": shape_diff,
        "extra": sum((key[0] - key[1]).values()),
        "missing": sum((key[1] - key[0]).values()),
        "extra_examples": [list(r) for r in list((key[0] - key[1]).elements())[:3]],
        "missing_examples": [list(r) for r in list((key[1] - key[0]).elements())[:3]],
        "other_message": dict(different_messages.most_common()),
    }


# --------------------------------------------------------------------------------------------
# Fixture variants: every broken case of tests/test_shapes.py, each engine against pySHACL
# --------------------------------------------------------------------------------------------


def fixture_check(runs: int, skip: set) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import test_shapes as ts  # the cases of the shapes' tests

    shapes = validate.load_shapes()
    owners = shape_owners(shapes)
    rudof_shapes = pyrudof_shapes(shapes)
    graphs = {name: ts.fixture_graph(f, u) for name, (f, u) in ts.EVERY_VARIANT.items()}

    def ours(engine):
        def run():
            return {
                n: _report_results(validate.validate(g, engine=engine).report, owners)
                for n, g in graphs.items()
            }

        return run

    def rudof():
        import pyrudof

        r = pyrudof.Rudof(pyrudof.RudofConfig())
        r.read_shacl(rudof_shapes)
        out = {}
        for n, g in graphs.items():
            r.read_data(_ntriples(g), pyrudof.RDFFormat.NTriples, merge=False)
            out[n] = _rudof_results(r, owners)
        return out

    engines = {"fastvalidate": (ours("fast"), runs), "pySHACL": (ours("pyshacl"), 1)}
    engines["pyrudof"] = (rudof, runs)
    measures = {name: measured(fn, n) for name, (fn, n) in engines.items() if name not in skip}
    # pySHACL is the reference; fastvalidate, equal to it on every variant (tests/test_shapes.py),
    # stands in for it when it is skipped.
    ref = measures.get("pySHACL", measures.get("fastvalidate", {})).get("result")
    for m in measures.values():
        if "result" in m and ref is not None:
            m["diff"] = diff_results(m["result"], ref)
            m["variants_equal"] = sum(
                collections.Counter(x[1:5] for x in m["result"][n])
                == collections.Counter(x[1:5] for x in ref[n])
                for n in ref
            )
    return {"variants": len(graphs), "engines": measures}


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def sparql_shapes(shapes: Graph) -> list:
    out = []
    for owner, constraint in sorted(shapes.subject_objects(SH.sparql), key=str):
        message = str(shapes.value(constraint, SH.message))
        out.append((_local(owner), message[:90]))
    return out


def bench_corpus(data_dir: Path, runs: int, sample: int, skip: set, limit: float) -> dict:
    print(f"# {data_dir}: modelling...", file=sys.stderr, flush=True)
    c = Corpus(data_dir)
    large = len(c.documents) > sample
    out = {
        "corpus": str(data_dir),
        "documents": len(c.documents),
        "asserted_triples": c.triples,
        "reference_triples": len(c.reference_graph),
        "published_triples": len(c.whole),
        "reasoning": {},
        "validation": {},
    }
    sampled = c.documents[:sample]
    slow = {"owlrl", "pySHACL", "pySHACL core only"}
    for kind, tasks_of in (
        ("reasoning", lambda docs: reasoning_tasks(c, docs)),
        ("validation", lambda docs: validation_tasks(c, docs, whole=True)),
    ):
        full = tasks_of(c.documents if kind == "reasoning" else c.validation_inputs)
        small = tasks_of(sampled if kind == "reasoning" else c.validation_inputs[:sample])
        for task, engines in full.items():
            row = {}
            for engine, fn in engines.items():
                if engine in skip:
                    continue
                if engine in slow and large and task != "reference":
                    if task == "corpus":
                        row[engine] = {"skipped": f"more than {sample} documents"}
                        continue
                    fn = small[task][engine]
                    print(f"  {kind} {task} {engine} (sample)...", file=sys.stderr, flush=True)
                    row[engine] = measured(fn, 1, limit) | {"sample": len(sampled)}
                else:
                    print(f"  {kind} {task} {engine}...", file=sys.stderr, flush=True)
                    row[engine] = measured(fn, runs, limit)
            ref_engine = "owlrl" if kind == "reasoning" else "pySHACL"
            ours = "fastreason" if kind == "reasoning" else "fastvalidate"
            differ = diff_inferences if kind == "reasoning" else diff_results
            for engine, m in row.items():
                if "result" not in m or engine in (ref_engine,):
                    continue
                for against in (ref_engine, ours):
                    other = row.get(against, {})
                    if against != engine and other.get("result") is not None:
                        m[f"vs {against}"] = differ(m["result"], other["result"])
                if kind == "reasoning":
                    m["inferred"] = sum(len(v) for v in m["result"].values())
            out[kind][task] = row
            for line in _row_lines(out, kind, task):  # as it goes: a long run can be cut
                print(line, file=sys.stderr, flush=True)
    return out


def _fmt(m: dict, per_doc: int | None = None) -> str:
    if "skipped" in m:
        return "skipped"
    if "timeout" in m:
        return f"> {m['timeout']:.0f} s wall (stopped)"
    if "error" in m:
        return "error: " + m["error"][:40]
    text = f"{m['cpu']:.2f} / {m['wall']:.2f} s, {m['peak_mb']:.0f} MB"
    if "sample" in m:
        text += f" ({m['sample']} docs: {m['cpu'] / m['sample'] * 1000:.0f} ms/doc)"
    return text


def _agreement(m: dict, against: str) -> str:
    d = m.get(f"vs {against}")
    if d is None:
        return ""
    if "conforms_equal" in d:
        bits = [f"+{d['extra']}/-{d['missing']} results"]
        if not d["conforms_equal"]:
            bits.append("conforms differs")
        if d["other_message"]:
            bits.append(f"{sum(d['other_message'].values())} other messages")
        return ", ".join(bits)
    return f"+{d['extra']}/-{d['missing']} of {d['triples']}"


def _row_lines(r: dict, kind: str, task: str) -> list:
    ref, ours = ("owlrl", "fastreason") if kind == "reasoning" else ("pySHACL", "fastvalidate")
    name = Path(r["corpus"]).name
    name += f" ({r['documents']} docs, {r['asserted_triples']:,} triples)"
    lines = []
    for engine, m in r[kind][task].items():
        lines.append(
            f"| {name} | {kind} | {task} | {engine} | {_fmt(m)} | "
            f"{_agreement(m, ref)} | {_agreement(m, ours) if engine != ours else ''} |"
        )
    return lines


def print_table(results: list, fixtures: dict | None) -> None:
    print("| corpus | stage | unit | engine | CPU / wall (median), peak | vs reference | vs ours |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        for kind in ("reasoning", "validation"):
            for task in r[kind]:
                for line in _row_lines(r, kind, task):
                    print(line)
    if fixtures:
        for engine, m in fixtures["engines"].items():
            print(
                f"| fixtures ({fixtures['variants']} variants) | validation | each | {engine} | "
                f"{_fmt(m)} | {_agreement(m, 'pySHACL')} "
                f"({m.get('variants_equal', '-')} variants equal) | |"
            )
    print()
    for r in results:
        for kind in ("reasoning", "validation"):
            for task, row in r[kind].items():
                for engine, m in row.items():
                    for key in [k for k in m if k.startswith("vs ")]:
                        d = m[key]
                        brief = {k: v for k, v in d.items() if v and k not in ("triples",)}
                        if d.get("extra") or d.get("missing") or d.get("other_message"):
                            print(f"{Path(r['corpus']).name} {kind} {task} {engine} {key}: {brief}")
    if fixtures:
        for engine, m in fixtures["engines"].items():
            d = m.get("diff")
            if d and (d["extra"] or d["missing"] or d["other_message"]):
                print(f"fixtures {engine} vs pySHACL: {d}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", type=int, default=20, help="documents for owlrl and pySHACL")
    ap.add_argument("--skip", action="append", default=[], help="an engine to leave out")
    ap.add_argument("--no-fixtures", action="store_true")
    ap.add_argument("--limit", type=float, default=600, help="wall seconds for one run")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    _check_rewrite()
    corpora = args.corpora or [ROOT / "data", SYNTH]
    for corpus in corpora:
        if corpus == SYNTH and not corpus.exists():
            subprocess.run(
                [str(Path(sys.executable).with_name("kg")), "synth", "--documents", "1000",
                 "--out", str(corpus)],
                check=True,
            )  # fmt: skip
    revision = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
    ).stdout.strip() or os.environ.get("KG_REVISION", "?")
    import owlrl
    import pyrudof
    import pyshacl
    import reasonable

    versions = {
        "kg": revision,
        "owlrl": owlrl.__version__,
        "reasonable": reasonable.__version__,
        "pyshacl": pyshacl.__version__,
        "pyrudof": pyrudof.__version__,
    }
    print(f"versions: {versions}", file=sys.stderr)
    fixtures = None if args.no_fixtures else fixture_check(args.runs, set(args.skip))
    results = [bench_corpus(c, args.runs, args.sample, set(args.skip), args.limit) for c in corpora]
    print(f"versions: {versions}; CPU = time.process_time of the measuring process")
    print()
    print_table(results, fixtures)
    print()
    print("SPARQL-based constraints:")
    for owner, message in sparql_shapes(validate.load_shapes()):
        print(f"- {owner}: {message}")
    if args.json:

        def clean(x):
            if isinstance(x, dict):
                return {k: clean(v) for k, v in x.items() if k != "result"}
            return x

        args.json.write_text(
            json.dumps(
                {"versions": versions, "fixtures": clean(fixtures), "corpora": clean(results)},
                indent=1,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
