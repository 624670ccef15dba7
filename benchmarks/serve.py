"""Benchmark of `kg serve` at scale, beside `oxigraph serve` (not a test; the behaviour is
asserted in tests/test_serve_store.py; the figures are measured here, and `benchmarks/bench.py`
runs it as the serve section of the scale benchmark).

For N synthetic documents (`kg synth --documents N --seed 1`, `kg publish`, `kg load`; each step
skipped when WORK already holds its output), each server is started on a free port, and the
servers are measured over HTTP, their batches of queries taken in turns (the order turned
every round, so that what else runs on a shared machine weighs on each alike):

- start: seconds from the command to its first SPARQL answer (`ASK {}`), and to its home page;
  with `--first-start`, also the first start of `kg serve` after a publish (its store loaded);
- memory: the RSS of the server plus its query workers (every process it started), once it
  answers, and the largest seen while the queries below run (sampled every 0.2 s; a page that
  several processes share counts in each); and the largest PSS (a shared page counted once,
  split between the processes that map it: the store's files, which the page cache holds)
  and private anonymous memory (what the processes hold of their own) of the same processes,
  and the largest private memory of the server alone and of its largest query worker;
- throughput: 8 clients at once, each sending every named query once (bound with its
  defaults, its prefixes declared, SPARQL JSON asked for; with `--page ROWS`, its first ROWS
  rows: from kg serve as a client pages a named query, `GET /queries/NAME?limit=ROWS` (read
  from the answers `kg load` kept), or, with `--pages-by-sparql`, and from oxigraph serve,
  the query with `LIMIT ROWS` sent to the endpoint) in an order of its own; requests a
  second over the whole batch (8 x 18 requests), the median of `--runs` batches, with the
  statuses seen, and the CPU seconds the server (with its workers) spent on each batch, which
  what else runs on the machine does not change. Every answer's body is read whole; with
  the pages of `/queries/NAME`, each page is then also asked alone, one at a time (the
  median milliseconds of 5);
- a query worker's start: the seconds until a worker of kg serve's pool is ready on the store,
  five times one after the other, as after time-outs.

The servers:

- `kg serve --dist DIST`, as a user starts it (what it serves from is its default), which keeps
  complete answers (`--answer-cache-mib`, 64 MiB): its first batch fills the cache, the next
  ones are answered from it (the batches' seconds are each printed);
- `kg serve --dist DIST --answer-cache-mib 0`, keeping no answer: every query runs in a worker;
- `kg serve --memory --dist DIST`, the published files loaded into memory in the server and in
  each worker (what `kg serve` did by default before it served from a store; `--memory-mode`);
- `oxigraph serve-read-only --location STORE` (the `oxigraph` command of PyPI's `oxigraph`
  package, a dev dependency) over the store `kg load` made, the same quads.

kg serve is given the limits that let it do all the work oxigraph does (oxigraph has none):
`--query-timeout 120`, `--max-result-size` 256 MiB, `--per-client 8`, `--queue 16`,
`--queue-wait 120`; its two workers (the default) on this 2-core machine.

    python benchmarks/serve.py N [--work DIR] [--runs 3] [--memory-mode] [--first-start]
        [--page ROWS [--pages-by-sparql]] [--skip-query NAME ...] [--skip-oxigraph]
        [--kg-args '--store STORE']
        [--save FILE.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from _serving import KG, free_port, memory, prepare, rss, stop, tree, wait_until_answers

CLIENTS = 8
LIMITS = [
    "--query-timeout",
    "120",
    "--max-result-size",
    str(256 * 2**20),
    "--per-client",
    str(CLIENTS),
    "--queue",
    str(2 * CLIENTS),
    "--queue-wait",
    "120",
]


def tree_rss(pid: int) -> int:
    return sum(rss(p) for p in tree(pid))


def tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) of a process and its descendants, the reaped ones too."""
    total = 0
    for process in tree(pid):
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


class Sampler:
    """The largest RSS, PSS and private memory of a process tree, sampled in a thread (each
    its own largest: they need not be at the same instant); and, to tell where it goes, the
    largest private memory of the server alone and of any one process it started (a query
    worker: the process they are forked from holds some 30 MB)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.running = pid, 0, True
        self.peak_pss = self.peak_private = 0
        self.peak_server_private = self.peak_child_private = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            processes = tree(self.pid)
            self.peak = max(self.peak, sum(rss(p) for p in processes))
            sizes = {p: memory(p) for p in processes}
            self.peak_pss = max(self.peak_pss, sum(pss for pss, _ in sizes.values()))
            self.peak_private = max(self.peak_private, sum(a for _, a in sizes.values()))
            self.peak_server_private = max(self.peak_server_private, sizes[self.pid][1])
            children = [a for p, (_, a) in sizes.items() if p != self.pid]
            self.peak_child_private = max(self.peak_child_private, *children, 0)
            time.sleep(0.2)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


def start(command: list[str], address: str, timeout: float = 3600) -> tuple[subprocess.Popen, dict]:
    """Start a server: the process, and the seconds to its first SPARQL answer and home page."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures: dict = {}
    with httpx.Client(timeout=60) as client:
        url = address + "/sparql?query=ASK%20%7B%7D"
        json_results = {"Accept": "application/sparql-results+json"}
        wait_until_answers(process, url, " ".join(command), timeout, 0.05, client, json_results)
        figures["first_answer_s"] = round(time.perf_counter() - started, 2)
        home = client.get(address + "/")
        if home.status_code == 200 and "text/html" in home.headers.get("content-type", ""):
            figures["home_page_s"] = round(time.perf_counter() - started, 2)
    figures["rss_mb_at_start"] = round(tree_rss(process.pid) / 2**20)
    return process, figures


def named_query_texts(
    dist: Path, page: int | None = None, skipped: tuple[str, ...] = ()
) -> dict[str, str]:
    """Each named query bound with its defaults, its prefixes declared (oxigraph serve takes
    no undeclared prefix); with `page`, its first page of that many rows (`LIMIT`, which no
    named query has of its own), as a client asks for an answer that grows with the corpus."""
    from kg.store.embedded import base_of
    from kg.store.query import named_queries, prefix_map

    base = base_of(dist)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefix_map(base).items())
    limit = "" if page is None else f"\nLIMIT {page}"
    queries = named_queries()
    unknown = set(skipped) - set(queries)
    if unknown:
        raise SystemExit(f"no named query {', '.join(sorted(unknown))}")
    return {
        name: prefixes + q.bind({}, base)[0] + limit
        for name, q in queries.items()
        if name not in skipped
    }


def sparql_requests(endpoint: str, texts: dict[str, str]) -> dict[str, tuple]:
    """Each named query as a POST of its text to a SPARQL endpoint: (method, URL, form)."""
    return {name: ("POST", endpoint, {"query": text}) for name, text in texts.items()}


def page_requests(address: str, texts: dict[str, str], page: int) -> dict[str, tuple]:
    """Each named query's first `page` rows as kg serve gives a client that pages it:
    `GET /queries/NAME?limit=ROWS` (kg.server.namedqueries)."""
    return {name: ("GET", f"{address}/queries/{name}?limit={page}", None) for name in texts}


async def batch(requests: dict[str, tuple], seed: int) -> tuple[float, Counter]:
    """CLIENTS clients at once, each sending every query once in its own order: the wall
    seconds of the whole, and the statuses seen."""
    statuses: Counter = Counter()

    async def client(number: int) -> None:
        order = list(requests)
        random.Random(seed * 100 + number).shuffle(order)
        async with httpx.AsyncClient(timeout=600) as http:
            for name in order:
                method, url, form = requests[name]
                answer = await http.request(
                    method,
                    url,
                    data=form,
                    headers={"Accept": "application/sparql-results+json"},
                )
                statuses[
                    f"{answer.status_code}" + ("" if answer.status_code == 200 else f" {name}")
                ] += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    return time.perf_counter() - started, statuses


def measure(servers: list[tuple[str, list[str], str, dict]], runs: int) -> list[dict]:
    """Start each server (name, command, address, the requests of a batch) in turn, timing
    its start, then run `runs` rounds of a batch on each, the order turned every round (so
    that what else runs on a shared machine weighs on all alike), then stop them."""
    started = []
    try:
        for name, command, address, requests in servers:
            print(f"{name}: {' '.join(command)}", file=sys.stderr)
            process, figures = start(command, address)
            started.append((name, command, requests, process, figures, Sampler(process.pid)))
        walls = {name: [] for name, *_ in started}
        cpu = {name: [] for name, *_ in started}
        statuses = {name: Counter() for name, *_ in started}
        for run in range(runs):
            for name, _, requests, process, *_ in (
                started[run % len(started) :] + started[: run % len(started)]
            ):
                before = tree_cpu(process.pid)
                seconds, seen = asyncio.run(batch(requests, run))
                cpu[name].append(tree_cpu(process.pid) - before)
                walls[name].append(seconds)
                statuses[name] += seen
                print(f"  {name}, batch {run + 1}: {seconds:.1f} s {dict(seen)}", file=sys.stderr)
        for _, _, requests, _, figures, _ in started:
            if all(method == "GET" for method, *_ in requests.values()):
                figures["page_ms"] = page_times(requests)
        rows = []
        for name, command, requests, _, figures, sampler in started:
            peak = max(sampler.stop(), figures["rss_mb_at_start"] * 2**20)
            figures["rss_mb_peak"] = round(peak / 2**20)
            figures["pss_mb_peak"] = round(sampler.peak_pss / 2**20)
            figures["private_mb_peak"] = round(sampler.peak_private / 2**20)
            figures["server_private_mb_peak"] = round(sampler.peak_server_private / 2**20)
            figures["worker_private_mb_peak"] = round(sampler.peak_child_private / 2**20)
            figures["batch_s"] = [round(s, 2) for s in walls[name]]
            median = statistics.median(walls[name])
            figures["requests_per_s"] = round(CLIENTS * len(requests) / median, 2)
            # What the server spent, whatever else ran on the machine meanwhile.
            figures["cpu_s"] = [round(c, 1) for c in cpu[name]]
            figures["requests_per_cpu_s"] = round(
                CLIENTS * len(requests) / max(statistics.median(cpu[name]), 0.01), 3
            )
            figures["statuses"] = dict(statuses[name])
            print(f"  {name}: {figures}", file=sys.stderr)
            rows.append({"server": name, "command": " ".join(command), **figures})
        return rows
    finally:
        for *_, process, _, sampler in started:
            sampler.running = False
            stop(process)


def page_times(requests: dict[str, tuple], times: int = 5) -> dict[str, float]:
    """Each page asked alone, one request at a time on a kept-alive connection: the median
    milliseconds of `times`, by query (issue 19's target: every named query's first page
    under 100 ms)."""
    taken = {}
    with httpx.Client(timeout=600, headers={"Accept": "application/sparql-results+json"}) as http:
        for name, (method, url, form) in requests.items():
            seconds = []
            for _ in range(times):
                started = time.perf_counter()
                http.request(method, url, data=form).read()
                seconds.append(time.perf_counter() - started)
            taken[name] = round(statistics.median(seconds) * 1000, 1)
    return taken


def worker_starts(store: Path, times: int = 5) -> list[float]:
    """Seconds for a query worker to be ready on the store, started `times` times one after
    the other as a worker is replaced after a time-out (in a child process: what kg serve's
    pool does; the first start includes the pool's own start-up)."""
    program = (
        "import sys, time\n"
        "from kg.server.querypool import QueryPool\n"
        "if __name__ == '__main__':\n"
        "    for _ in range(int(sys.argv[2])):\n"
        "        started = time.perf_counter()\n"
        "        pool = QueryPool(None, 1, store=sys.argv[1])\n"
        "        pool.wait_ready()\n"
        "        print(round(time.perf_counter() - started, 3), flush=True)\n"
        "        pool.close()\n"
    )
    script = store.parent / "worker_start.py"
    script.write_text(program)
    done = subprocess.run(
        [sys.executable, str(script), str(store), str(times)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [float(line) for line in done.stdout.split()]


def table(result: dict) -> str:
    """The figures of `measure_servers` as Markdown."""
    rows = result["rows"] + ([result["first_start"]] if "first_start" in result else [])
    lines = [
        f"{result['documents']:,} documents ({result['quads']:,} quads); {result['clients']} "
        f"clients, each sending the {result['queries']} named queries once a batch"
        + (
            f" (each its first {result['page_rows']:,} rows"
            + (
                ", from kg serve by GET /queries/NAME?limit=ROWS"
                if result.get("pages_by") == "queries"
                else ""
            )
            + ")"
            if result.get("page_rows")
            else ""
        )
        + (f" but {', '.join(result['skipped'])}" if result.get("skipped") else "")
        + "; a query "
        f"worker ready in {result['worker_start_s']} s (load average "
        f"{result['load_average']})\n",
        "| server | first answer | home page | RSS at start | RSS peak | PSS peak "
        "| private peak | of it, server / a worker | requests/s | requests per CPU s | statuses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        home = f"{r['home_page_s']} s" if "home_page_s" in r else "-"
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r.get("statuses", {}).items()))
        peak = f"{r['rss_mb_peak']:,} MB" if "rss_mb_peak" in r else "-"
        pss = f"{r['pss_mb_peak']:,} MB" if "pss_mb_peak" in r else "-"
        private = f"{r['private_mb_peak']:,} MB" if "private_mb_peak" in r else "-"
        parts = (
            f"{r['server_private_mb_peak']:,} / {r['worker_private_mb_peak']:,} MB"
            if "worker_private_mb_peak" in r
            else "-"
        )
        lines.append(
            f"| {r['server']} | {r['first_answer_s']} s | {home} | {r['rss_mb_at_start']:,} MB "
            f"| {peak} | {pss} | {private} | {parts} | {r.get('requests_per_s', '-')} "
            f"| {r.get('requests_per_cpu_s', '-')} "
            f"| {statuses or '-'} |"
        )
    pages = [
        f"{r['server']}: each first page alone in {min(r['page_ms'].values())}-"
        f"{max(r['page_ms'].values())} ms (median of 5; the slowest "
        f"{max(r['page_ms'], key=r['page_ms'].get)})"
        for r in rows
        if r.get("page_ms")
    ]
    notes = [*beside_oxigraph(rows), *pages]
    return "\n".join(lines) + "\n" + "".join(f"{line}\n" for line in notes)


def beside_oxigraph(rows: list[dict]) -> list[str]:
    """Each kg serve's requests a second as a share of oxigraph serve's (issue 21's target:
    at least 100 %)."""
    oxigraph = next((r for r in rows if r["server"].startswith("oxigraph")), None)
    if oxigraph is None or not oxigraph.get("requests_per_s"):
        return []
    return [
        f"{r['server']}: {100 * r['requests_per_s'] / oxigraph['requests_per_s']:.0f} % of "
        "oxigraph serve's requests/s"
        for r in rows
        if r["server"].startswith("kg serve") and r.get("requests_per_s")
    ]


def first_start(dist: Path) -> dict:
    """`kg serve --dist DIST` started with no store beside DIST, as after a publish: the
    seconds to its first answer (the store loaded first), then stopped."""
    for leftover in dist.parent.glob(dist.name + ".store*"):
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()
        else:
            shutil.rmtree(leftover)
    port = free_port()
    command = [*KG, "serve", "--port", str(port), "--dist", str(dist)]
    process, figures = start(command, f"http://127.0.0.1:{port}")
    stop(process)
    return {"server": "kg serve --dist DIST, first start after a publish", **figures}


def measure_servers(
    dist: Path,
    store: Path,
    runs: int = 3,
    kg_args: list[str] | None = None,
    memory_mode: bool = False,
    oxigraph_too: bool = True,
    first: bool = False,
    page: int | None = None,
    skipped: tuple[str, ...] = (),
    pages_by_sparql: bool = False,
) -> dict:
    """Every server's figures over the publish `dist` and the store `kg load` made of it.
    With `page`, kg serve is asked for each named query's first page as a client pages it,
    `/queries/NAME?limit=PAGE` (`pages_by_sparql`: the query with a LIMIT sent to /sparql,
    as oxigraph serve is asked)."""
    texts = named_query_texts(dist, page, skipped)
    meta = json.loads((store / "kg-store.json").read_text())
    result: dict = {
        "quads": meta["triples"] + sum(meta["graphs"].values()),
        "clients": CLIENTS,
        "queries": len(texts),
        "page_rows": page,
        "pages_by": None if page is None else "sparql" if pages_by_sparql else "queries",
        "skipped": list(skipped),
        "rows": [],
    }
    if first:
        result["first_start"] = first_start(dist)
    kg_args = kg_args or ["--dist", str(dist)]
    uncached = [*kg_args, "--answer-cache-mib", "0"]
    wanted = [
        ("kg serve " + " ".join(arguments).replace(str(dist.parent) + "/", ""), arguments)
        for arguments in (kg_args, uncached)
    ]
    if memory_mode:
        wanted.append(("kg serve --memory", ["--memory", "--dist", str(dist)]))
    servers = []
    for name, arguments in wanted:
        port = free_port()
        command = [*KG, "serve", "--port", str(port), *arguments, *LIMITS]
        address = f"http://127.0.0.1:{port}"
        if page is not None and not pages_by_sparql:
            requests = page_requests(address, texts, page)
        else:
            requests = sparql_requests(address + "/sparql", texts)
        servers.append((name, command, address, requests))
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if oxigraph_too and Path(oxigraph).exists():
        port = free_port()
        command = [oxigraph, "serve-read-only", "--location", str(store), "--bind"]
        command.append(f"127.0.0.1:{port}")
        address = f"http://127.0.0.1:{port}"
        requests = sparql_requests(address + "/query", texts)
        servers.append(("oxigraph serve-read-only", command, address, requests))
    elif oxigraph_too:
        result["oxigraph"] = "not installed (pip install oxigraph: its `oxigraph` command)"
    result["rows"] = measure(servers, runs)
    result["worker_start_s"] = worker_starts(store)
    result["load_average"] = [round(x, 1) for x in os.getloadavg()]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-mode", action="store_true", help="also kg serve --memory")
    parser.add_argument("--skip-oxigraph", action="store_true")
    parser.add_argument(
        "--first-start", action="store_true", help="also time a start that loads the store"
    )
    parser.add_argument(
        "--kg-args", default="", help="arguments that replace `--dist DIST` for kg serve"
    )
    parser.add_argument(
        "--page", type=int, default=None, help="send each named query's first ROWS rows (LIMIT)"
    )
    parser.add_argument(
        "--skip-query",
        action="append",
        default=[],
        metavar="NAME",
        help="leave this named query out of the batches (repeatable)",
    )
    parser.add_argument(
        "--pages-by-sparql",
        action="store_true",
        help="with --page, send kg serve the query with a LIMIT to /sparql, as oxigraph serve, "
        "not GET /queries/NAME?limit=ROWS",
    )
    parser.add_argument("--save", type=Path, default=None, help="add the figures to this JSON")
    options = parser.parse_args()
    work = options.work or Path(f"/tmp/kg-serve-{options.documents}")
    work.mkdir(parents=True, exist_ok=True)
    dist, store = prepare(options.documents, work)
    result = {
        "documents": options.documents,
        **measure_servers(
            dist,
            store,
            options.runs,
            options.kg_args.split() or None,
            options.memory_mode,
            not options.skip_oxigraph,
            options.first_start,
            options.page,
            tuple(options.skip_query),
            options.pages_by_sparql,
        ),
    }
    print(json.dumps(result, indent=1))
    print(table(result))
    if options.save:
        saved = json.loads(options.save.read_text()) if options.save.is_file() else []
        options.save.write_text(json.dumps([*saved, result], indent=1) + "\n")


if __name__ == "__main__":
    main()
