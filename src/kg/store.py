"""The embedded store: the published dumps bulk-loaded into an on-disk Oxigraph store.

`kg load --store PATH` loads `kg.nq` (one named graph per document and one for reference
data), `kg-inferred.ttl` into `{base}graph/inferred`, and, as the default graph, the asserted
and inferred triples (`kg.nt`, `kg-inferred.ttl`), so that queries written for the published
files run unchanged. `kg query --store PATH` and `kg serve --store PATH` open it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import PublishedGraph, prefix_map

FILES = ("kg.nq", "kg.nt", "kg-inferred.ttl")


def base_of(dist: Path) -> str:
    """The base IRI, from the reference graph's name in kg.nq's first lines (cheap)."""
    with (dist / "kg.nq").open(encoding="utf-8") as f:
        for line in f:
            graph = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            if graph.endswith("graph/reference>"):
                return graph[1 : -len("graph/reference>")]
    for quad in ox.parse(path=str(dist / "kg.nq"), format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name
        if isinstance(name, ox.NamedNode) and name.value.endswith("graph/reference"):
            return name.value[: -len("graph/reference")]
    raise KgError(dist / "kg.nq", None, "no reference graph: not a kg dump")


def load(dist: Path, path: Path, replace: bool = True) -> dict:
    """Bulk-load the dumps of `dist` into a new store at `path`; returns figures."""
    dist, path = Path(dist), Path(path)
    for name in FILES:
        if not (dist / name).is_file():
            raise KgError(dist / name, None, "missing: run `kg publish` first")
    if path.exists():
        if not replace:
            raise KgError(path, None, "a store exists here")
        shutil.rmtree(path)
    started = time.perf_counter()
    base = base_of(dist)
    store = ox.Store(str(path))
    inferred = ox.NamedNode(f"{base}graph/inferred")
    store.bulk_load(path=str(dist / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(
        path=str(dist / "kg-inferred.ttl"), format=ox.RdfFormat.TURTLE, to_graph=inferred
    )
    store.bulk_load(
        path=str(dist / "kg.nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph()
    )
    store.bulk_load(
        path=str(dist / "kg-inferred.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.DefaultGraph(),
    )
    store.flush()
    store.optimize()
    graphs = sum(1 for _ in store.named_graphs())
    quads = len(store)
    del store
    return {"graphs": graphs, "quads": quads, "seconds": time.perf_counter() - started}


class StoreGraph(PublishedGraph):
    """A store made by `kg load`, queried like the published files (read-only)."""

    def __init__(self, path: Path | str, inferred: bool = True) -> None:
        self.dist = Path(path)
        if not (self.dist.is_dir() and any(self.dist.iterdir())):
            raise KgError(self.dist, None, "no store here; run `kg load --store PATH`")
        if not inferred:
            raise KgError(self.dist, None, "a store holds the inferred triples: omit --asserted")
        self.inferred = True
        self.store = ox.Store.read_only(str(self.dist))
        self.base = self._base()
        self.prefixes = prefix_map(self.base)
