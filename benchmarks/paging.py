"""Benchmark of the site's paged listings (not a test; the behaviour is asserted in
`tests/test_paging.py`, the figures are measured here and written to benchmarks/paging.md).

For N synthetic documents (`kg synth --documents N --seed 1`, `kg publish --part-size 250`,
`kg load`; each step skipped when WORK already holds its output), starts `kg serve --store`
(and, with `--dist-mode`, `kg serve --memory --dist`, the published files in memory, what
`kg serve --dist` did before it served a store by default) and times, over HTTP on a
kept-alive connection:

- the first and the last page of the members of oa:Annotation (the largest class);
- the first and the last page of the resource page of the country with the most links to it
  (the synthetic corpus has no Mexico: its countries are made up), quotes and links paged
  together;
- the first page of the resource page of IOM, the thing with the most links to it;

each the first time it is asked for after the server started (when the listing's order is
computed) and then the median of `--repeat` runs (the order kept). Prints a Markdown table.

    python benchmarks/paging.py N [--work DIR] [--repeat 20] [--dist-mode]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
from _serving import KG, free_port, prepare, stop, wait_until_answers

BASE = "https://kg.example.org/"
IOM = BASE + "id/organization/iom"


def busiest_country(store: Path) -> str:
    """The country with the most triples pointing to it."""
    opened = ox.Store.read_only(str(store))
    rows = opened.query(
        "SELECT ?c (COUNT(*) AS ?n) WHERE { ?c a <https://schema.org/Country> . ?s ?p ?c } "
        "GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1"
    )
    return next(iter(rows))["c"].value


def serving(arguments: list[str]):
    """`kg serve ARGUMENTS` on a free port: (process, address) once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [*KG, "serve", "--port", str(port), "--workers", "1", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    what = f"kg serve {' '.join(arguments)}"
    wait_until_answers(process, address + "/sparql?query=ASK%7B%7D", what, 600, 0.5)
    return process, address


def timed(client: httpx.Client, address: str) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = client.get(address)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{address}: {response.status_code} {response.text[:200]}")
    return elapsed, response


def measure(address: str, pages: dict[str, str], repeat: int) -> list[tuple[str, float, float]]:
    out = []
    with httpx.Client(base_url=address, timeout=600) as client:
        for name, path in pages.items():
            if path.endswith("LAST"):  # the last page, as the first page's Link header says
                _, first = timed(client, path[: -len("LAST")])
                path = first.links["last"]["url"]
            first_time, _ = timed(client, path)
            times = [timed(client, path)[0] for _ in range(repeat)]
            out.append((f"{name} (`{path}`)", first_time, statistics.median(times)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--dist-mode", action="store_true", help="also time kg serve --memory --dist"
    )
    options = parser.parse_args()
    work = options.work or Path(f"/tmp/kg-paging-{options.documents}")
    work.mkdir(parents=True, exist_ok=True)
    dist, store = prepare(options.documents, work, ("--part-size", "250"))
    country = busiest_country(store)
    country_page = "/doc/" + country.removeprefix(BASE + "id/")
    pages = {
        "oa:Annotation, page 1": "/classes/oa:Annotation",
        "oa:Annotation, last page": "/classes/oa:AnnotationLAST",
        f"{country_page.rsplit('/', 1)[1]}, page 1": country_page,
        f"{country_page.rsplit('/', 1)[1]}, last page": country_page + "LAST",
        "IOM, page 1": "/doc/organization/iom",
    }
    modes = [("--store", ["--store", str(store)])]
    if options.dist_mode:
        modes.append(("--dist", ["--memory", "--dist", str(dist)]))
    print(
        f"{options.documents:,} documents; first request after start / median of "
        f"{options.repeat} after it\n"
    )
    print("| page | serve | first | median |")
    print("| --- | --- | ---: | ---: |")
    for mode, arguments in modes:
        process, address = serving(arguments)
        try:
            for name, first, median in measure(address, pages, options.repeat):
                print(f"| {name} | {mode} | {first * 1000:,.0f} ms | {median * 1000:,.1f} ms |")
        finally:
            stop(process)


if __name__ == "__main__":
    main()
