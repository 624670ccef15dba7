"""Benchmark of kg at scale (`make bench`; not a test).

For each N it synthesizes N documents, then measures wall time and peak memory (RSS of the
process and its workers) of each stage, each in a fresh child process: model, reason (fast
reasoner), validate (per-document pySHACL plus cross-document checks), export, load (kg load).
In the same run, on the same output, the floors: pyoxigraph parsing and serializing kg.nq,
pyoxigraph's own bulk load of it, owlrl and pySHACL on the whole graph (skipped when they do
not finish within the time limit), and each named query on rdflib vs the embedded store.
Writes benchmarks/results.json, benchmarks/results.md and benchmarks/time-per-document.png.

    python benchmarks/bench.py [N ...] [--limit SECONDS]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measured(fn, *args, limit: float | None = None):
    """Run fn(*args) in a fresh child; (seconds, peak RSS MB, result) or None on timeout."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()

    def target():
        started = time.perf_counter()
        try:
            result = fn(*args)
            error = None
        except Exception:
            result, error = None, traceback.format_exc()
        seconds = time.perf_counter() - started
        peak = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        child.send((seconds, peak / 1024, result, error))

    process = ctx.Process(target=target)
    process.start()
    if not parent.poll(limit):
        process.kill()
        process.join()
        return None
    seconds, peak, result, error = parent.recv()
    process.join()
    if error:
        raise RuntimeError(error)
    return {"seconds": round(seconds, 3), "peak_mb": round(peak, 1), "result": result}


def stage_build(data, reasoning, validation):
    from kg.publish import build
    from kg.vocab import Minter

    b = build(data, Minter(), reasoning=reasoning, validation=validation)
    return {
        "documents": len(b.documents),
        "conforms": b.validation.conforms if b.validation else None,
    }


def stage_export(data, dist):
    from kg import export
    from kg.publish import build
    from kg.vocab import Minter

    b = build(data, Minter(), validation=False)  # validation is measured above
    started = time.perf_counter()
    counts = export.write(b, dist, data)
    return {"export_seconds": time.perf_counter() - started, "triples": counts["kg.nt"]}


def stage_load(dist, store):
    from kg.store import load

    return load(dist, store)


def floor_bulk_load(dist, store):
    import pyoxigraph as ox

    s = ox.Store(str(store))
    s.bulk_load(path=str(dist / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    return len(s)


def floor_parse_serialize(dist):
    import pyoxigraph as ox

    started = time.perf_counter()
    quads = list(ox.parse(path=str(dist / "kg.nq"), format=ox.RdfFormat.N_QUADS))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return {"parse": parsed, "serialize": time.perf_counter() - started, "quads": len(quads)}


def floor_owlrl(dist):
    from rdflib import Graph

    from kg import reason, validate

    g = Graph().parse(dist / "kg.nt", format="nt")
    return len(reason.closure([g, validate.load_ontology()]))


def floor_pyshacl(dist):
    from rdflib import Graph

    from kg import validate

    g = Graph().parse(dist / "kg.nt", format="nt")
    g.parse(dist / "kg-inferred.ttl", format="turtle")
    for t in validate.load_ontology():
        g.add(t)
    return validate.validate(g).conforms


def queries(dist, store):
    from rdflib import Graph

    from kg.query import PublishedGraph, named_queries
    from kg.store import StoreGraph

    rdf = Graph().parse(dist / "kg.nt", format="nt")
    rdf.parse(dist / "kg-inferred.ttl", format="turtle")
    oxi = StoreGraph(store)
    published = PublishedGraph(dist)
    out = {}
    for name, query in named_queries().items():
        text, _ = query.bind({}, published.base)
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in published.prefixes.items()) + text
        times_store, times_rdflib = [], []
        for _ in range(5):
            started = time.perf_counter()
            oxi.run(name)
            times_store.append(time.perf_counter() - started)
        for _ in range(3):
            started = time.perf_counter()
            list(rdf.query(text))
            times_rdflib.append(time.perf_counter() - started)
        out[name] = {
            "store_ms": round(1000 * statistics.median(times_store), 1),
            "rdflib_ms": round(1000 * statistics.median(times_rdflib), 1),
        }
    return out


def run(n: int, work: Path, limit: float) -> dict:
    from kg.synth import synthesize

    data = synthesize(n, 1, work / "data")
    dist = work / "dist"
    row: dict = {"documents": n}
    row["model"] = measured(stage_build, data, False, False)
    row["model+reason"] = measured(stage_build, data, True, False)
    row["model+reason+validate"] = measured(stage_build, data, True, True, limit=limit * 6)
    row["export (after a build)"] = measured(stage_export, data, dist)
    row["load"] = measured(stage_load, dist, work / "store")
    row["floor: pyoxigraph bulk load"] = measured(floor_bulk_load, dist, work / "store2")
    row["floor: pyoxigraph parse+serialize nq"] = measured(floor_parse_serialize, dist)
    row["floor: owlrl whole graph"] = measured(floor_owlrl, dist, limit=limit)
    row["floor: pyshacl whole graph"] = measured(floor_pyshacl, dist, limit=limit)
    row["queries"] = measured(queries, dist, work / "store", limit=limit)
    return row


def table(results: list[dict]) -> str:
    stages = [k for k in results[0] if k not in ("documents", "queries")]
    lines = ["| stage | " + " | ".join(f"N={r['documents']}: s (MB)" for r in results) + " |"]
    lines.append("| --- |" + " --- |" * len(results))
    for stage in stages:
        cells = []
        for r in results:
            m = r.get(stage)
            cells.append("timeout" if m is None else f"{m['seconds']:.1f} ({m['peak_mb']:.0f})")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| named query | "
        + " | ".join(f"N={r['documents']}: store / rdflib ms" for r in results)
        + " |",
    ]
    lines.append("| --- |" + " --- |" * len(results))
    names = sorted({q for r in results if r.get("queries") for q in r["queries"]["result"]})
    for q in names:
        cells = []
        for r in results:
            got = (r.get("queries") or {}).get("result", {}).get(q)
            cells.append("timeout" if got is None else f"{got['store_ms']} / {got['rdflib_ms']}")
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def plot(results: list[dict], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    ns = [r["documents"] for r in results]
    fig, ax = plt.subplots(figsize=(6, 4))
    for stage in ("model", "model+reason", "model+reason+validate", "load"):
        ys = [(r[stage]["seconds"] / r["documents"]) if r.get(stage) else None for r in results]
        ax.plot(ns, ys, marker="o", label=stage)
    ax.set_xscale("log")
    ax.set_xlabel("documents (N)")
    ax.set_ylabel("seconds per document")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--limit", type=float, default=600.0, help="seconds for each floor")
    args = parser.parse_args()
    results = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{n}-"))
        try:
            results.append(run(n, work, args.limit))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n")
        (HERE / "results.md").write_text(table(results))
        plot(results, HERE / "time-per-document.png")
        print(table(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
