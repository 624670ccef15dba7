"""Benchmark of `kg push` into real stores against each store's own bulk loader (issue 19; not
a test): Oxigraph's server and Virtuoso 7.2 (Debian's, `make virtuoso`).

    python benchmarks/push.py --dist DIST [--dist DIST ...] [--runs N] [--out FILE]

For each DIST (a publish: `kg publish --out DIST`), each figure is the median of N runs, each
into a new, empty store, the methods taken in turn; wall seconds, and the CPU seconds of the
client and the server together (steadier on a machine shared with other work):

- Oxigraph: `kg push` into `oxigraph serve` (kg.store.push: its bulk loader over HTTP, the named
  graphs' quads as N-Quads), against `oxigraph load` of the same dumps as docs/stores.md gives the
  commands (kg.nq; kg-inferred.ttl into its graph; kg.nt and kg-inferred.ttl into the default
  graph) and against `kg load` (pyoxigraph's bulk load, two streams side by side);
- Virtuoso: `kg push --default-graph IRI` into Virtuoso's Graph Store
  (`/sparql-graph-crud-auth`, Digest authentication), against its bulk loader: `ld_add` of the
  same files and graphs, `rdf_loader_run()`, then `checkpoint` (the loader writes no
  transaction log: until the checkpoint the load is not durable; a Graph Store request is).

Every store's counts per graph are checked against the dumps' after each load. The server
starts are not timed. Prints a Markdown table (and writes it to FILE); the figures are in
benchmarks/push.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from _serving import free_port, stop, wait_until_answers

from kg.store.embedded import base_of, load
from kg.store.push import Server, default_graph_of, graphs_of, push

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {folder}, {dist}
; Virtuoso's advice for 2 GB of memory (virtuoso.ini: "uncomment for 2 GB")
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 600
"""


class Virtuoso:
    """A Virtuoso server of its own in `folder`, on free loopback ports (password: dba)."""

    def __init__(self, folder: Path, dist: Path) -> None:
        self.folder, self.sql_port, self.http_port = folder, free_port(), free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(
            VIRTUOSO_INI.format(
                folder=folder, dist=dist.resolve(), sql_port=self.sql_port, http_port=self.http_port
            )
        )
        self.process = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.http_port}"
        wait_until_answers(
            self.process, f"{self.url}/sparql?query=ASK%7B%7D", "virtuoso-t", 120, 0.1
        )

    def isql(self, sql: str) -> str:
        said = subprocess.run(
            [ISQL, str(self.sql_port), "dba", "dba"],
            input=sql,
            capture_output=True,
            text=True,
            timeout=7200,
        )
        if said.returncode != 0 or "*** Error" in said.stdout + said.stderr:
            raise SystemExit(f"isql: {sql!r}: {said.stdout[-500:]} {said.stderr[-500:]}")
        return said.stdout

    def stop(self) -> None:
        stop(self.process, 60)


def count_graphs(url: str, graphs: list[str], path: str) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(
        f"{url}{path}",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "text/tab-separated-values"},
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        lines = response.read().decode().splitlines()[1:]
    counted = {}
    for line in lines:
        graph, n = line.split("\t")
        counted[graph.strip('<>"')] = int(n.split("^^")[0].strip('"'))
    return {g: counted.get(g, 0) for g in graphs}


def expected_counts(dist: Path, default_graph: str) -> dict[str, int]:
    graphs = graphs_of(dist)
    inferred = graphs[f"{base_of(dist)}graph/inferred"]
    counts = {name: len(set(lines)) for name, lines in graphs.items()}
    counts[default_graph] = len(default_graph_of(dist, inferred))
    return counts


def cpu_of(pid: int) -> float:
    """CPU seconds (user and system) a running process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(function, servers: tuple[int, ...] = ()) -> tuple[float, float]:
    """Wall seconds of `function()`, and the CPU seconds it took: this process's (its threads
    too), its children's that ended, and those of the `servers` (process ids)."""

    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        own = time.process_time() + children.ru_utime + children.ru_stime
        return own + sum(cpu_of(pid) for pid in servers)

    started, cpu_before = time.perf_counter(), cpu()
    function()
    return time.perf_counter() - started, cpu() - cpu_before


def oxigraph_push(
    dist: Path, work: Path, expected: dict[str, int], default_graph: str
) -> tuple[float, float]:
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(work / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(process, f"{url}/query?query=ASK%7B%7D", "oxigraph serve", 120, 0.1)
        server = Server(f"{url}/query", f"{url}/store", timeout=3600)
        seconds = timed(lambda: push(dist, server), (process.pid,))
        named = {g: n for g, n in expected.items() if g != default_graph}
        assert count_graphs(url, list(named), "/query") == named
        assert server.count(None) == expected[default_graph]
    finally:
        stop(process, 60)
    return seconds


def oxigraph_load(
    dist: Path, work: Path, expected: dict[str, int], default_graph: str
) -> tuple[float, float]:
    """The commands of docs/stores.md#oxigraph."""
    db, base = str(work / "db"), base_of(dist)
    commands = [
        [OXIGRAPH, "load", "--location", db, "--file", f"{dist}/kg.nq"],
        [
            *(OXIGRAPH, "load", "--location", db, "--file", f"{dist}/kg-inferred.ttl"),
            *("--graph", f"{base}graph/inferred"),
        ],
        [OXIGRAPH, "load", "--location", db, "--file", f"{dist}/kg.nt", f"{dist}/kg-inferred.ttl"],
    ]
    return timed(lambda: [subprocess.run(c, check=True, capture_output=True) for c in commands])


def kg_load(
    dist: Path, work: Path, expected: dict[str, int], default_graph: str
) -> tuple[float, float]:
    return timed(lambda: load(dist, work / "store"))


def virtuoso_push(
    dist: Path, work: Path, expected: dict[str, int], default_graph: str
) -> tuple[float, float]:
    store = Virtuoso(work, dist)
    try:
        server = Server(
            f"{store.url}/sparql",
            f"{store.url}/sparql-graph-crud-auth",
            "dba",
            "dba",
            timeout=3600,
            default_graph=default_graph,
        )
        seconds = timed(lambda: push(dist, server), (store.process.pid,))
        assert count_graphs(store.url, list(expected), "/sparql") == expected
    finally:
        store.stop()
    return seconds


def virtuoso_bulk_load(
    dist: Path, work: Path, expected: dict[str, int], default_graph: str
) -> tuple[float, float]:
    """Virtuoso's bulk loader (https://vos.openlinksw.com/owiki/wiki/VOS/VirtBulkRDFLoader):
    the files registered with `ld_add` (the inferred triples twice: into their graph and into
    the default graph, under a second name, as the load list keys files by name), loaded by
    `rdf_loader_run()`, made durable by `checkpoint`."""
    store = Virtuoso(work, dist)
    try:
        dist = dist.resolve()
        (work / "inferred-default.ttl").symlink_to(dist / "kg-inferred.ttl")
        base = base_of(dist)
        files = [
            (dist / "kg.nq", "urn:kg:unused"),  # N-Quads: each quad names its graph
            (dist / "kg-inferred.ttl", f"{base}graph/inferred"),
            (dist / "kg.nt", default_graph),
            (work / "inferred-default.ttl", default_graph),
        ]
        adds = "".join(f"ld_add('{path}', '{graph}');\n" for path, graph in files)
        run = "rdf_loader_run();\ncheckpoint;\n"
        seconds = timed(lambda: store.isql(adds + run), (store.process.pid,))
        said = store.isql(
            "SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;"
        )
        assert "0 Rows" in said, said
        assert count_graphs(store.url, list(expected), "/sparql") == expected
    finally:
        store.stop()
    return seconds


METHODS = {
    "Oxigraph server: kg push": oxigraph_push,
    "Oxigraph: oxigraph load": oxigraph_load,
    "Oxigraph: kg load": kg_load,
    "Virtuoso: kg push": virtuoso_push,
    "Virtuoso: bulk loader": virtuoso_bulk_load,
}
RATIOS = {
    "kg push / oxigraph load": ("Oxigraph server: kg push", "Oxigraph: oxigraph load"),
    "kg push / Virtuoso's bulk loader": ("Virtuoso: kg push", "Virtuoso: bulk loader"),
}


def once(function, dist: Path, expected: dict[str, int], default: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run, into a new store."""
    work = Path(tempfile.mkdtemp(prefix="kg-push-bench-"))
    try:
        wall, cpu = function(dist, work, expected, default)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"  {function.__name__}: {wall:.1f} s, {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, action="append", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if VIRTUOSO is None or ISQL is None:
        raise SystemExit("virtuoso-t and isql-vt are not installed: `make virtuoso`")
    columns = {}
    for dist in args.dist:
        default = f"{base_of(dist)}graph/merged"
        expected = expected_counts(dist, default)
        quads = sum(n for g, n in expected.items() if g != default)
        column = (
            f"{dist.name}: {len(expected) - 1:,} graphs, {quads:,} quads, "
            f"default graph {expected[default]:,}"
        )
        print(column, file=sys.stderr, flush=True)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in METHODS}
        for _ in range(args.runs):  # the methods in turn, so that a busy spell hits them all
            for name, function in METHODS.items():
                runs[name].append(once(function, dist, expected, default))
        columns[column] = {
            name: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
            for name, times in runs.items()
        }
    names = list(columns)
    lines = [
        f"| median of {args.runs} runs: wall s (CPU s) | " + " | ".join(names) + " |",
        "| --- |" + " --- |" * len(names),
    ]
    for name in METHODS:
        cells = [f"{columns[c][name][0]:.1f} ({columns[c][name][1]:.1f})" for c in names]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for ratio, (top, bottom) in RATIOS.items():
        cells = [
            f"{columns[c][top][0] / columns[c][bottom][0]:.2f}x "
            f"({columns[c][top][1] / columns[c][bottom][1]:.2f}x)"
            for c in names
        ]
        lines.append(f"| {ratio} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
