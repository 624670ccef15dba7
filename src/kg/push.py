"""Push the published graph to a SPARQL 1.1 Graph Store Protocol server.

https://www.w3.org/TR/sparql11-http-rdf-update/: `PUT {graph-store}?graph=NAME` replaces one
named graph with the request body, in one request, so a reader never sees half a graph. Each
graph of `kg.nq` (reference data, one per document) and `kg-inferred.ttl` (the inferred graph;
in a parted publish, every part's files) is sent as N-Triples, one request per graph (so each
graph is replaced atomically), each retried with back-off on network errors and 5xx answers;
afterwards the triple count of every graph is checked with a SPARQL query.
Oxigraph (`{endpoint}/store`), Fuseki (`{endpoint}/data`), GraphDB
(`{endpoint}/rdf-graphs/service`) and QLever accept this protocol.
"""

from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import check_dump
from kg.store import base_of


class Server:
    def __init__(
        self,
        endpoint: str,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        retries: int = 4,
        timeout: float = 300.0,
    ):
        self.endpoint = endpoint.rstrip("/")
        self.query_url = self.endpoint if graph_store is None else self.endpoint
        self.graph_store = graph_store or self.endpoint.rsplit("/", 1)[0] + "/store"
        self.headers = {}
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"
        self.retries = retries
        self.timeout = timeout

    def _request(self, method: str, url: str, data: bytes | None, headers: dict) -> bytes:
        delay = 0.5
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(
                url, data=data, method=method, headers={**self.headers, **headers}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == self.retries:
                    detail = exc.read().decode("utf-8", "replace")[:300]
                    raise KgError(url, None, f"HTTP {exc.code}: {detail}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if attempt == self.retries:
                    raise KgError(url, None, f"cannot reach the server: {exc}") from None
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        url = f"{self.graph_store}?{urllib.parse.urlencode({'graph': graph})}"
        self._request("PUT", url, ntriples, {"Content-Type": "application/n-triples"})

    def count(self, graph: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        body = urllib.parse.urlencode({"query": query}).encode()
        answer = self._request(
            "POST",
            self.endpoint,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        bindings = json.loads(answer)["results"]["bindings"]
        return int(bindings[0]["n"]["value"]) if bindings else 0


def graphs_of(dist: Path) -> dict[str, list[bytes]]:
    """The N-Triples lines of every named graph of the dumps (kg.nq and kg-inferred.ttl)."""
    graphs: dict[str, list[bytes]] = defaultdict(list)
    for path in check_dump(dist, "kg.nq", "missing: run `kg publish` first"):
        with path.open("rb") as f:
            for line in f:
                head, _, name = line.rstrip(b" .\n").rpartition(b" ")
                graphs[name[1:-1].decode()].append(head + b" .\n")
    base = base_of(Path(dist))
    inferred = f"{base}graph/inferred"
    for path in check_dump(dist, "kg-inferred.ttl", "missing: run `kg publish` first"):
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            graphs[inferred].append(f"{triple} .\n".encode())
    # Two parts may infer the same triple: sent once.
    graphs[inferred] = list(dict.fromkeys(graphs[inferred]))
    return graphs


def push(
    dist: Path,
    server: Server,
    progress: Callable[[str], None] = lambda _: None,
) -> dict:
    """Replace every graph of the dumps on the server, then check the counts."""
    started = time.perf_counter()
    graphs = graphs_of(dist)
    for i, (name, lines) in enumerate(sorted(graphs.items()), start=1):
        server.put_graph(name, b"".join(lines))
        if i % 100 == 0:
            progress(f"pushed {i} of {len(graphs)} graphs")
    wrong = {}
    for name, lines in sorted(graphs.items()):
        expected = len(set(lines))
        got = server.count(name)
        if got != expected:
            wrong[name] = (expected, got)
    if wrong:
        name, (expected, got) = next(iter(wrong.items()))
        raise KgError(
            server.graph_store,
            None,
            f"{len(wrong)} graphs have wrong counts after the push, e.g. {name}: "
            f"{got} triples instead of {expected}",
        )
    return {
        "graphs": len(graphs),
        "triples": sum(len(v) for v in graphs.values()),
        "seconds": time.perf_counter() - started,
    }


def password_from(var: str | None) -> str | None:
    if var is None:
        return None
    if var not in os.environ:
        raise KgError("--password-env", None, f"environment variable {var} is not set")
    return os.environ[var]
