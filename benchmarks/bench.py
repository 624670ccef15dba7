"""Benchmark of kg at scale (`make bench`; not a test).

For each N it synthesizes N + 1 documents (`kg synth`, seed 1) and, each step in a fresh
child process with its wall time and peak memory (the largest RSS of the process and of its
worker processes):

- publish: a clean publish of the first N documents (model, reason and validate every
  document in parallel, the cross-document checks, the export of every dump), with the CPU
  seconds of each per-document stage summed over the workers;
- +1 document: the last document added, then published again with the cache of the first,
  into a copy of the first publish's folder made of hard links (a publish replaces its
  folder; with `--part-size`, the parts it did not change are hard-linked from it);
- load: `kg load` of the dumps into an on-disk Oxigraph store;

and, on the same output, the floors: pyoxigraph's own bulk load of kg.nq, and of kg.nq and
kg.nt (the named graphs and the default graph, what `kg load` reads), pyoxigraph
parsing and serializing kg.nq (streaming), owlrl and pySHACL on the whole graph (each given
`--limit` seconds, and skipped for larger N once they did not finish), and each named query
on the embedded store vs rdflib's in-memory graph of the same files (rdflib given `--limit`
seconds and 12 GB to load them).

and the serve section (`benchmarks/serve.py`, one batch): `kg serve` started on the publish
(its first start, which loads the store beside it, then a start with the store made), its
first answer, the RSS of the server and its workers, and the requests a second of 8 clients
sending the named queries at once, beside `oxigraph serve-read-only` over the same store.

Writes benchmarks/results.json, benchmarks/results.md and benchmarks/time-per-document.png.

    python benchmarks/bench.py [N ...] [--limit SECONDS] [--part-size N]

With `--part-size`, every publish writes its dumps in parts (`kg publish --part-size`), and
the floors read every part's files.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
RDFLIB_MEMORY = 12 * 2**30  # bytes of address space the rdflib floors may use


def measured(fn, *args, limit: float | None = None, memory: int | None = None):
    """Run fn(*args) in a fresh child: {seconds, peak_mb, result}, {"timeout": limit} when it
    does not finish in time, or {"error": ...} when it fails (e.g. out of memory)."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()

    def target():
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        started = time.perf_counter()
        try:
            result, error = fn(*args), None
        except BaseException:
            result, error = None, traceback.format_exc(limit=3)
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
        return {"timeout": limit}
    seconds, peak, result, error = parent.recv()
    process.join()
    if error:
        return {"error": error.strip().splitlines()[-1], "seconds": round(seconds, 1)}
    return {"seconds": round(seconds, 3), "peak_mb": round(peak, 1), "result": result}


# --------------------------------------------------------------------------------------------
# What is measured
# --------------------------------------------------------------------------------------------


def publish(data: Path, dist: Path, cache: Path, part_size: int | None = None) -> dict:
    from kg.build.run import build
    from kg.publish import export
    from kg.vocab import Minter

    started = time.perf_counter()
    b = build(data, Minter(), cache_dir=cache)
    built = time.perf_counter()
    export.write(b, dist, data, part_size=part_size, cache_dir=cache)
    done = time.perf_counter()
    nt, inferred = _paths(dist, "kg.nt"), _paths(dist, "kg-inferred.ttl")
    return {
        "documents": len(b.documents),
        "conforms": b.validation.conforms,
        "build_seconds": round(built - started, 2),
        "export_seconds": round(done - built, 2),
        "stage_cpu_seconds": {k: round(v, 2) for k, v in getattr(b, "stage_seconds", {}).items()},
        # in parts, sums over the parts (a triple two parts hold counts twice)
        "triples": sum(map(_lines, nt)),
        "inferred": sum(map(_triples, inferred)),
        "parts": len(nt) if part_size else 0,
        "parts_written": sum(1 for p in nt if p.stat().st_nlink == 1) if part_size else 0,
        # whole dumps with a cache (kg.publish.chunked): their chunks, and those written, not copied
        "chunks": getattr(b.stats.reuse, "chunks", 0),
        "chunks_written": getattr(b.stats.reuse, "written", 0),
    }


def _paths(dist: Path, name: str) -> list[Path]:
    """The files of dump `name`: dist/name, or that file of every part."""
    from kg.store.query import dump_paths

    return dump_paths(dist, name)


def load(dist: Path, store: Path) -> dict:
    from kg.store.embedded import load

    return load(dist, store)


def floor_bulk_load(dist: Path, store: Path, files: tuple[str, ...] = ("kg.nq",)) -> int:
    """pyoxigraph's own bulk load of `files` of `dist`, one after the other."""
    import pyoxigraph as ox

    s = ox.Store(str(store))
    for name in files:
        for path in _paths(dist, name):
            s.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))
    return len(s)


def floor_parse_serialize(dist: Path) -> dict:
    import pyoxigraph as ox

    with open(os.devnull, "wb") as sink:
        for path in _paths(dist, "kg.nq"):
            ox.serialize(
                ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS),
                sink,
                format=ox.RdfFormat.N_QUADS,
            )
    return {}


def _rdflib_graph(dist: Path, inferred: bool = True):
    from rdflib import Graph

    g = Graph()
    for path in _paths(dist, "kg.nt"):
        g.parse(path, format="nt")
    for path in _paths(dist, "kg-inferred.ttl") if inferred else ():
        g.parse(path, format="turtle")
    return g


def floor_owlrl(dist: Path) -> int:
    from kg.build import reason, validate

    return len(reason.closure([_rdflib_graph(dist, inferred=False), validate.load_ontology()]))


def floor_pyshacl(dist: Path) -> bool:
    from kg.build import validate

    g = _rdflib_graph(dist)
    for t in validate.load_ontology():
        g.add(t)
    return validate.validate(g, engine="pyshacl").conforms


def queries_store(store: Path, limit: float = 20.0) -> dict:
    """Each named query on the embedded store, in its own child given `limit` seconds (None
    when it does not finish in time)."""
    from kg.store.query import named_queries

    def run(name: str) -> float:
        from kg.store.embedded import StoreGraph

        graph = StoreGraph(store)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            graph.run(name)
            times.append(time.perf_counter() - started)
            if times[-1] > 5:  # slow enough that one run is the measure
                break
        return round(1000 * statistics.median(times), 2)

    out = {"limit_seconds": limit}
    for name in named_queries():
        out[name] = measured(run, name, limit=limit).get("result")
    return out


def queries_rdflib(dist: Path, limit: float = 60.0) -> dict:
    """Each named query on rdflib's in-memory graph of the files, in a child forked after the
    graph is loaded and given `limit` seconds (None when it does not finish in time)."""
    from kg.store.query import PublishedGraph, named_queries

    published = PublishedGraph(dist)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in published.prefixes.items())
    started = time.perf_counter()
    g = _rdflib_graph(dist)
    out = {"load_seconds": round(time.perf_counter() - started, 1), "limit_seconds": limit}

    def run(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            list(g.query(text))
            times.append(time.perf_counter() - started)
            if times[-1] > 5:  # slow enough that one run is the measure
                break
        return round(1000 * statistics.median(times), 2)

    for name, query in named_queries().items():
        text, _ = query.bind({}, published.base)
        got = measured(run, prefixes + text, limit=limit)
        out[name] = got.get("result")
    return out


def serve_section(dist: Path, store: Path) -> dict:
    """kg serve and oxigraph serve over the publish (`benchmarks/serve.py`), one batch each."""
    from serve import measure_servers

    try:
        return {"result": measure_servers(dist, store, runs=1, first=True)}
    except (SystemExit, Exception) as exc:  # a server that did not start: said in the table
        return {"error": str(exc)[:200]}


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def _triples(path: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


# --------------------------------------------------------------------------------------------
# One size
# --------------------------------------------------------------------------------------------


class _Row(dict):
    """A row of results that is saved each time a step adds to it."""

    save = staticmethod(lambda _row: None)

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.save(self)


def withhold_last(data: Path) -> tuple:
    """Take the last document out of a curation folder; returns what `give_back` needs."""
    import yaml

    manifest_path = data / "sources" / "manifest.yaml"
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    last = manifest[-1]
    aside = data.parent / "withheld"
    aside.mkdir(exist_ok=True)
    for src in (data / "documents" / f"{last['id']}.yaml", data / "sources" / last["file"]):
        shutil.move(src, aside / src.name)
    original = manifest_path.read_text(encoding="utf-8")
    manifest_path.write_text(
        yaml.safe_dump(manifest[:-1], allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return last, aside, original


def give_back(data: Path, withheld: tuple) -> None:
    last, aside, original = withheld
    shutil.move(aside / f"{last['id']}.yaml", data / "documents" / f"{last['id']}.yaml")
    shutil.move(aside / last["file"], data / "sources" / last["file"])
    (data / "sources" / "manifest.yaml").write_text(original, encoding="utf-8")


def corpus(n: int, work: Path, corpora: Path | None) -> Path:
    """N + 1 synthetic documents in work/data (copied from `corpora` when made before)."""
    from kg.synth import synthesize

    if corpora is None:
        return synthesize(n + 1, 1, work / "data")
    kept = corpora / f"synth-{n + 1}-seed-1"
    if not (kept / "sources" / "manifest.yaml").is_file():
        synthesize(n + 1, 1, kept)
    shutil.copytree(kept, work / "data")
    return work / "data"


def run(
    n: int,
    work: Path,
    limit: float,
    skip: dict,
    corpora: Path | None = None,
    save=None,
    part_size: int | None = None,
) -> dict:
    data = corpus(n, work, corpora)
    withheld = withhold_last(data)
    dist, cache, store = work / "dist", work / "cache", work / "store"
    row: dict = _Row(documents=n, part_size=part_size)
    row.save = save or (lambda _row: None)
    row["publish"] = measured(publish, data, dist, cache, part_size)
    give_back(data, withheld)
    subprocess.run(["cp", "-al", str(dist), str(work / "dist+1")], check=True)
    row["+1 document"] = measured(publish, data, work / "dist+1", cache, part_size)
    row["load"] = measured(load, dist, store)
    row["floor: pyoxigraph bulk load"] = measured(floor_bulk_load, dist, work / "store-floor")
    shutil.rmtree(work / "store-floor", ignore_errors=True)
    # what `kg load` reads: kg.nq into the named graphs and kg.nt into the default graph (it
    # also adds the few inferred triples to each)
    row["floor: pyoxigraph bulk load of kg.nq and kg.nt"] = measured(
        floor_bulk_load, dist, work / "store-floor", ("kg.nq", "kg.nt")
    )
    shutil.rmtree(work / "store-floor", ignore_errors=True)
    row["floor: pyoxigraph parse+serialize"] = measured(floor_parse_serialize, dist)
    for name, fn in (("floor: owlrl", floor_owlrl), ("floor: pyshacl", floor_pyshacl)):
        if name in skip:
            row[name] = {"skipped": skip[name]}
            continue
        row[name] = measured(fn, dist, limit=limit, memory=RDFLIB_MEMORY)
        if "seconds" not in row[name] or "error" in row[name]:
            skip[name] = SMALLER_N
    row["queries: store"] = measured(queries_store, store)
    if "serve" in skip:
        row["serve"] = {"skipped": skip["serve"]}
    else:
        row["serve"] = serve_section(dist, store)
    if "queries: rdflib" in skip:
        row["queries: rdflib"] = {"skipped": skip["queries: rdflib"]}
    else:
        # each query given 10 s, loading the files and all 18 queries `limit` in all
        row["queries: rdflib"] = measured(
            queries_rdflib, dist, 10.0, limit=limit, memory=RDFLIB_MEMORY
        )
        if "result" not in row["queries: rdflib"]:
            skip["queries: rdflib"] = SMALLER_N
    return row


SMALLER_N = "did not finish for a smaller N"


# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------

STEPS = (
    "publish",
    "+1 document",
    "load",
    "floor: pyoxigraph bulk load",
    "floor: pyoxigraph bulk load of kg.nq and kg.nt",
    "floor: pyoxigraph parse+serialize",
    "floor: owlrl",
    "floor: pyshacl",
)


def _cell(m: dict | None) -> str:
    if not m:
        return "-"
    if "timeout" in m:
        return f"> {m['timeout']:.0f} s"
    if "skipped" in m:
        return "skipped"
    if "error" in m:
        return f"failed ({m['error'][:40]})"
    return f"{m['seconds']:.1f} s, {m['peak_mb']:.0f} MB"


def table(results: list[dict]) -> str:
    header = "| | " + " | ".join(f"N={r['documents']:,}" for r in results) + " |"
    rule = "| --- |" + " --- |" * len(results)
    lines = [header, rule]
    for step in STEPS:
        lines.append(f"| {step} | " + " | ".join(_cell(r.get(step)) for r in results) + " |")
    pub = [(r.get("publish") or {}).get("result", {}) for r in results]

    def row(label, fn):
        cells = []
        for r, p in zip(results, pub, strict=True):
            try:
                cells.append(fn(r, p))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row(
        "publish: seconds per document",
        lambda r, p: f"{r['publish']['seconds'] / r['documents']:.3f}",
    )
    row(
        "publish: triples (asserted + inferred)",
        lambda r, p: (
            f"{p['triples']:,} + {p['inferred']:,}"
            + (f" (sums over {p['parts']} parts)" if p.get("parts") else "")
        ),
    )
    row(
        "+1 document: parts written / parts",
        lambda r, p: (
            f"{r['+1 document']['result']['parts_written']} / {r['+1 document']['result']['parts']}"
            if p.get("parts")
            else "-"
        ),
    )
    row(
        "+1 document: chunks written / chunks",
        lambda r, p: (
            f"{r['+1 document']['result']['chunks_written']:,} / "
            f"{r['+1 document']['result']['chunks']:,}"
            if r["+1 document"]["result"].get("chunks")
            else "-"
        ),
    )
    for stage in ("model", "reason", "validate"):
        row(
            f"publish: {stage}, CPU s summed over workers",
            lambda r, p, s=stage: f"{p['stage_cpu_seconds'][s]:.1f}",
        )
    row("publish: build (wall s)", lambda r, p: f"{p['build_seconds']:.1f}")
    row("publish: export (wall s)", lambda r, p: f"{p['export_seconds']:.1f}")
    row(
        "+1 document: build / export (wall s)",
        lambda r, p: (
            f"{r['+1 document']['result']['build_seconds']:.1f} / "
            f"{r['+1 document']['result']['export_seconds']:.1f}"
        ),
    )
    row(
        "+1 document / publish",
        lambda r, p: f"{100 * r['+1 document']['seconds'] / r['publish']['seconds']:.1f} %",
    )
    row(
        "load / pyoxigraph bulk load of kg.nq",
        lambda r, p: f"{r['load']['seconds'] / r['floor: pyoxigraph bulk load']['seconds']:.2f}x",
    )
    both = "floor: pyoxigraph bulk load of kg.nq and kg.nt"
    row(
        "load / pyoxigraph bulk load of kg.nq and kg.nt",
        lambda r, p: f"{r['load']['seconds'] / r[both]['seconds']:.2f}x",
    )
    lines += [
        "",
        "| named query (median ms) | "
        + " | ".join(f"N={r['documents']:,}: store / rdflib" for r in results)
        + " |",
        rule,
    ]

    def queries(r, step):
        return (r.get(step) or {}).get("result") or {}

    names = sorted(
        {q for r in results for q in queries(r, "queries: store") if q != "limit_seconds"}
    )

    def median(r, step, q) -> tuple[float | None, str]:
        """A query's median ms in a step, and the cell's text."""
        measured = queries(r, step)
        ms = measured.get(q)
        if ms is not None:
            return ms, f"{ms}"
        if measured:  # this query alone did not finish
            return None, f"> {1000 * measured['limit_seconds']:.0f}"
        return None, _cell(r.get(step))

    for q in names:
        cells = []
        for r in results:
            s, s_text = median(r, "queries: store", q)
            rd, rd_text = median(r, "queries: rdflib", q)
            ratio = f" ({rd / s:.0f}x)" if s and rd else ""
            cells.append(f"{s_text} / {rd_text}{ratio}")
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n" + serve_table(results, rule)


def serve_table(results: list[dict], rule: str) -> str:
    """The serve section: kg serve and oxigraph serve, one column per N."""
    served = [(r.get("serve") or {}).get("result") for r in results]
    if not any(served):
        return ""

    def server(result: dict | None, prefix: str) -> dict:
        rows = (result or {}).get("rows", [])
        return next((row for row in rows if row["server"].startswith(prefix)), {})

    def cell(result: dict | None, prefix: str, key: str, unit: str = "") -> str:
        if prefix == "first":
            value = ((result or {}).get("first_start") or {}).get(key)
        else:
            value = server(result, prefix).get(key)
        return "-" if value is None else f"{value:,}{unit}"

    lines = [
        "",
        "| serve (8 clients, the named queries) | "
        + " | ".join(f"N={r['documents']:,}" for r in results)
        + " |",
        rule,
    ]
    for label, prefix, key, unit in (
        (
            "kg serve: first answer, first start after a publish (store loaded)",
            "first",
            "first_answer_s",
            " s",
        ),
        ("kg serve: first answer", "kg serve", "first_answer_s", " s"),
        ("kg serve: RSS of server and workers at start", "kg serve", "rss_mb_at_start", " MB"),
        ("kg serve: RSS, largest while queried", "kg serve", "rss_mb_peak", " MB"),
        ("kg serve: requests/s", "kg serve", "requests_per_s", ""),
        ("kg serve: requests per CPU second", "kg serve", "requests_per_cpu_s", ""),
        ("oxigraph serve-read-only: first answer", "oxigraph", "first_answer_s", " s"),
        ("oxigraph serve-read-only: RSS at start", "oxigraph", "rss_mb_at_start", " MB"),
        ("oxigraph serve-read-only: RSS, largest while queried", "oxigraph", "rss_mb_peak", " MB"),
        ("oxigraph serve-read-only: requests/s", "oxigraph", "requests_per_s", ""),
        ("oxigraph serve-read-only: requests per CPU second", "oxigraph", "requests_per_cpu_s", ""),
    ):
        lines.append(
            f"| {label} | " + " | ".join(cell(s, prefix, key, unit) for s in served) + " |"
        )
    lines.append(
        "| kg serve: a query worker ready (s, five starts) | "
        + " | ".join(
            ", ".join(map(str, (s or {}).get("worker_start_s", []))) or "-" for s in served
        )
        + " |"
    )
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
    for step in ("publish", "load", "floor: pyoxigraph bulk load"):
        ys = [
            r[step]["seconds"] / r["documents"] if "seconds" in r[step] else None for r in results
        ]
        ax.plot(ns, ys, marker="o", label=step)
    ax.set_xscale("log")
    ax.set_xlabel("documents (N)")
    ax.set_ylabel("wall seconds per document")
    ax.set_ylim(bottom=0)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--limit", type=float, default=600.0, help="seconds for each floor")
    parser.add_argument("--work", type=Path, default=None, help="folder for the runs")
    parser.add_argument(
        "--corpora", type=Path, default=None, help="keep (and reuse) the synthetic corpora here"
    )
    parser.add_argument(
        "--append", action="store_true", help="add to the sizes already in results.json"
    )
    parser.add_argument(
        "--skip", action="append", default=[], help="a step not to run (e.g. 'floor: owlrl')"
    )
    parser.add_argument(
        "--part-size", type=int, default=None, help="dumps in parts of about N documents"
    )
    args = parser.parse_args()
    results = []
    skip = {name: "not run (--skip)" for name in args.skip}  # step -> why
    if args.append and (HERE / "results.json").is_file():
        results = json.loads((HERE / "results.json").read_text())
        for r in results:  # a floor that did not finish for a smaller N is not run again
            for k, v in r.items():
                if isinstance(v, dict) and "timeout" in v:
                    skip.setdefault(k, SMALLER_N)
            if not (r.get("queries: rdflib") or {}).get("result"):
                skip.setdefault("queries: rdflib", SMALLER_N)

    def save(partial: list[dict]) -> None:
        (HERE / "results.json").write_text(json.dumps(partial, indent=1) + "\n")
        (HERE / "results.md").write_text(table(partial))

    def others(row: dict) -> list[dict]:
        """The results of the other sizes: a size measured again replaces its row."""
        return [r for r in results if r["documents"] != row["documents"]]

    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{n}-", dir=args.work))
        try:
            row = run(
                n,
                work,
                args.limit,
                skip,
                args.corpora,
                save=lambda r: save([*others(r), r]),
                part_size=args.part_size,
            )
            results = sorted([*others(row), row], key=lambda r: r["documents"])
        finally:
            shutil.rmtree(work, ignore_errors=True)
        save(results)
        plot(results, HERE / "time-per-document.png")
        print(table(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
