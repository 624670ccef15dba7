"""The embedded store: the published dumps bulk-loaded into an on-disk Oxigraph store.

`kg load --store PATH` loads `kg.nq` (one named graph per document and one for reference
data), `kg-inferred.ttl` into `{base}graph/inferred`, and, as the default graph, the asserted
and inferred triples (`kg.nt`, `kg-inferred.ttl`), so that queries written for the published
files run unchanged. A parted publish (`kg publish --part-size`) is loaded the same way, every
part's files in turn. `kg query --store PATH` and `kg serve --store PATH` open it read-only.

Why the default graph is materialized rather than asked for as the union of the named graphs
at query time (`use_default_graph_as_union`, or the list of graphs as `default_graph`):
Oxigraph's union is a bag, so a triple that several documents state matches once per
document. On the seed corpus, a campaign two releases mention is counted twice
(`COUNT(?c)` of `?c a kg:Campaign` is 3, not 2) and the named query victims-by-origin-and-sex
gives 11 rows instead of 9; the published files' default graph is the RDF merge.

How it loads: the quads of the named graphs (`kg.nq`, then the inferred triples in their
graph) and the triples of the default graph (`kg.nt`, then the inferred triples) are two
N-Quads streams, bulk-loaded side by side in two threads: a bulk load of this size keeps
about one core busy, so with a second core free the default graph costs little wall time.
Each index is written in one sorted run, so the store needs no `optimize()` (compaction),
which took a fifth of the old four-step load: the named queries run as fast as on a
compacted store. The inferred Turtle is read once and written into both streams.

Beside the database files, `kg-store.json` records what `kg serve` needs without reading
the whole store: the folder the store was loaded from (its downloads, VoID, ontology and
source texts), the checksums of that publish, the base IRI, the size of every graph (from the
publish's VoID when it adds up to the quads loaded, else counted) and the members of each
class (one scan, here rather than at every start of the server); in `orders/`, the members of
each class of 1,000 or more in the order the site's pages list them (`kg.store.orders`); in
`answers/`, the rows of every named query asked without parameters, which its pages read
instead of evaluating it (`kg.store.named_answers`).

Generations: a store is never rebuilt in place; `kg load --store PATH` builds into a new
folder of `PATH.generations/` and then points PATH, a symbolic link, at it
(`kg.store.generations`, which says why).

`kg serve` serves a publish from its own store, `DIST.store` beside `DIST` (`served_store`),
built on the first start after a publish and reused while the publish's `SHA256SUMS` is
unchanged.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

import kg
from kg.errors import KgError
from kg.publish.layout import check_dump, dump_paths
from kg.store.bulk_load import NT, Stream, bulk_load_stream, in_graph, parse_problem
from kg.store.generations import (
    BUILD_LOCK,
    GENERATIONS,
    META_FILE,
    locked,
    open_generation,
    point_at,
    remove_unused,
)
from kg.store.named_answers import (
    CorruptAnswer,
    NamedAnswer,
    answered,
    read_answer,
    write_named_answers,
)
from kg.store.orders import write_member_orders
from kg.store.query import MAX_ROWS, PublishedGraph, Query, named_queries, prefix_map

FILES = ("kg.nq", "kg.nt", "kg-inferred.ttl")
# What kg-store.json holds: a store of an earlier format is built again by `kg serve`.
STORE_FORMAT = 2
# Files that mark a folder as an Oxigraph (RocksDB) store, which `kg load` may replace.
_STORE_MARKS = ("CURRENT", "IDENTITY", META_FILE)


_GRAPH_NAME = re.compile(r"<([^<>]*)graph/(?:reference|inferred|document/[^/<>]+)>\s*\.\s*$")


def base_of(dist: Path) -> str:
    """The base IRI, from the name of a graph of kg's (`{base}graph/reference`,
    `{base}graph/document/ID`) in kg.nq's first lines (cheap; in a parted publish, the
    reference part's kg.nq)."""
    nq = check_dump(dist, "kg.nq", "missing: run `kg publish` first")[0]
    with nq.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            match = _GRAPH_NAME.search(line)
            if match:
                return match[1]
    try:
        for quad in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if isinstance(name, ox.NamedNode) and name.value.endswith("graph/reference"):
                return name.value[: -len("graph/reference")]
    except SyntaxError as exc:
        raise KgError(nq, exc.lineno, f"not valid N-Quads: {parse_problem(exc)}") from None
    raise KgError(nq, None, "no reference graph: not a kg dump")


def checksums_digest(dist: Path) -> str | None:
    """The SHA-256 of a publish's SHA256SUMS: it changes whenever any published file does."""
    sums = Path(dist) / "SHA256SUMS"
    return hashlib.sha256(sums.read_bytes()).hexdigest() if sums.is_file() else None


def fingerprint(dist: Path) -> str:
    """What identifies a publish: its SHA256SUMS, or, in a folder without one, the size and
    time of each dump a store is loaded from."""
    digest = checksums_digest(dist)
    if digest:
        return digest
    stats = [
        (str(file), file.stat().st_size, file.stat().st_mtime_ns)
        for name in (*FILES, "void.ttl")
        for file in dump_paths(Path(dist), name)
        if file.is_file()
    ]
    return "stat:" + hashlib.sha256(json.dumps(stats).encode()).hexdigest()


def default_store(dist: Path | str) -> Path:
    """The store `kg serve` serves the publish in `dist` from: `DIST.store`, beside it."""
    dist = Path(dist)
    if not dist.name:  # "." or "/": named after the folder itself
        dist = dist.resolve()
    return dist.with_name(dist.name + ".store")


def up_to_date(path: Path, dist: Path) -> bool:
    """Whether the store at `path` was loaded, by this format, from the publish now in
    `dist` (from this folder or a copy of it)."""
    meta = read_meta(path)
    return (
        meta.get("format") == STORE_FORMAT
        and meta.get("fingerprint") == fingerprint(dist)
        and (Path(path) / "CURRENT").is_file()
    )


def served_store(
    dist: Path | str, progress: Callable[[str], None] | None = None
) -> tuple[Path, dict | None]:
    """The store `kg serve` serves `dist` from, `default_store(dist)`, loaded when it is
    missing or holds another publish: its path, and the figures of the load (None when it
    was up to date). Two servers starting at once load it once."""
    dist = Path(dist)
    check_dump(dist, "kg.nq", "no published graph here; run `kg publish` or give --dist")
    path = default_store(dist)
    if up_to_date(path, dist):
        return path, None
    return path, _load_apart(dist, path, progress or (lambda what: None))


def _load_apart(dist: Path, path: Path, progress: Callable[[str], None]) -> dict | None:
    """`load(dist, path, unless_up_to_date=True)` in a process of its own: a bulk load leaves
    the memory it took with the process that made it (500 MB at 1,000 documents), and this
    process is to serve for days."""
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe(duplex=False)
    child = context.Process(
        target=_load_for, args=(str(dist), str(path), there), daemon=True, name="kg-store-load"
    )
    child.start()
    there.close()
    try:
        while True:
            try:
                kind, value = here.recv()
            except EOFError:
                child.join()
                raise KgError(
                    path, None, f"the load stopped (exit code {child.exitcode})"
                ) from None
            if kind == "progress":
                progress(value)
            elif kind == "done":
                return value
            else:
                raise value
    finally:
        here.close()
        child.join()


def _load_for(dist: str, path: str, conn) -> None:
    """The child of `_load_apart`: what it does, then its figures or its error, on `conn`."""
    try:
        figures = load(
            Path(dist),
            Path(path),
            progress=lambda what: conn.send(("progress", what)),
            unless_up_to_date=True,
        )
        conn.send(("done", figures))
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            conn.send(("error", exc.with_traceback(None)))
        except Exception:  # noqa: BLE001 - an error that does not pickle, said in words
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def load(
    dist: Path,
    path: Path,
    replace: bool = True,
    progress: Callable[[str], None] | None = None,
    unless_up_to_date: bool = False,
) -> dict | None:
    """Bulk-load the dumps of `dist` into a new generation of the store at `path`, then point
    `path` at it; returns figures (None when `unless_up_to_date` and it was)."""
    dist, path = Path(dist), Path(path)
    files = {name: check_dump(dist, name, "missing: run `kg publish` first") for name in FILES}
    parent = path.absolute().parent
    if not parent.is_dir():
        problem = "a file, not a folder" if parent.exists() else "no such folder"
        raise KgError(parent, None, f"{problem}: the store {path} is made in an existing folder")
    if (path.is_symlink() or path.exists()) and not replace:
        raise KgError(path, None, "a store exists here")
    if path.exists() and not path.is_symlink():  # a store made before generations, or none
        if not path.is_dir():
            raise KgError(path, None, "not a folder: give a new path or an existing store")
        if any(path.iterdir()) and not any((path / mark).exists() for mark in _STORE_MARKS):
            raise KgError(path, None, "not an Oxigraph store: refusing to replace it")
    generations = path.with_name(path.name + GENERATIONS)
    try:
        generations.mkdir(exist_ok=True)
    except OSError as exc:
        raise KgError(generations, None, f"cannot make the store: {exc.strerror}") from None
    with locked(generations / BUILD_LOCK):
        if unless_up_to_date and up_to_date(path, dist):
            return None
        new = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=generations))
        new.chmod(0o755)  # mkdtemp's 0700 would keep a server run by another user out
        try:
            figures = _build(dist, files, new, progress or (lambda what: None))
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)  # half a store is no store
            raise
        point_at(path, new, generations)
        remove_unused(path, generations)
    return figures


def _build(dist: Path, files: dict, path: Path, say: Callable[[str], None]) -> dict:
    """The store of `dist`'s dumps, bulk-loaded into the empty folder `path`."""
    started = time.perf_counter()
    base = base_of(dist)
    inferred = []  # (file, its triples as N-Triples)
    for turtle in files["kg-inferred.ttl"]:
        say(f"reading {turtle}")
        try:
            lines = ox.serialize(ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE), format=NT)
        except SyntaxError as exc:
            raise KgError(turtle, exc.lineno, f"not valid Turtle: {parse_problem(exc)}") from None
        inferred.append((turtle, lines))
    # Two bulk loads, side by side (each sorts and writes its indexes on one core): the quads
    # of the named graphs, and the triples of the default graph. Each index is then written
    # in one sorted run, so the store needs no compaction afterwards. (The parts of a parted
    # publish may repeat a triple, in kg.nt or kg-inferred.ttl: a store holds it once.)
    inferred_graph = f"{base}graph/inferred"
    streams = (
        Stream(
            [(nq, None) for nq in files["kg.nq"]]
            + [(turtle, in_graph(lines, inferred_graph)) for turtle, lines in inferred]
        ),
        Stream([(nt, None) for nt in files["kg.nt"]] + [(t, [lines]) for t, lines in inferred]),
    )
    say(f"loading {dist}/: kg.nq into the named graphs, kg.nt into the default graph")
    try:
        store = ox.Store(str(path))
    except OSError as exc:
        raise KgError(path, None, f"cannot make the store: {exc}") from None
    failures: list[tuple[Stream, BaseException]] = []
    threads = [
        threading.Thread(target=bulk_load_stream, args=(store, s, failures), daemon=True)
        for s in streams
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        del store  # closed before its folder is removed
        stream, exc = failures[0]
        if isinstance(exc, SyntaxError):
            where, line = stream.locate(exc.lineno)
            raise KgError(where, line, f"not valid RDF: {parse_problem(exc)}")
        raise exc
    store.flush()
    say("counting the triples of each graph and the members of each class")
    named = streams[0]  # the quads of kg.nq, then the inferred triples
    nq_files = len(files["kg.nq"])
    quads = named.starts[nq_files][0] - 1 if len(named.starts) > nq_files else named.lines
    sizes = _sizes(dist, store, quads)
    classes = class_counts(store)
    example = most_described(store, EXAMPLE_CLASS)
    say("ordering the members of the largest classes for the site's pages")
    write_member_orders(store, path, classes)
    say("evaluating the named queries for their pages")
    # Every named query's answer, once, for its pages (kg.store.named_answers).
    write_named_answers(store, path, base, prefix_map(base), named_queries())
    del store
    seconds = time.perf_counter() - started
    meta = {
        "kg": kg.__version__,
        "format": STORE_FORMAT,
        "dist": str(dist.resolve()),
        "checksums": checksums_digest(dist),
        "fingerprint": fingerprint(dist),
        "base": base,
        "loaded": time.time(),
        "seconds": round(seconds, 3),
        "triples": sizes.pop(""),
        "graphs": dict(sorted(sizes.items())),
        "classes": dict(sorted(classes.items())),
        "examples": {EXAMPLE_CLASS: example} if example else {},
    }
    (path / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return {
        "graphs": len(meta["graphs"]),
        "quads": meta["triples"] + sum(meta["graphs"].values()),
        "triples": meta["triples"],
        "seconds": seconds,
    }


CLASS_COUNTS = "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c"
# The class whose most described member `kg serve` names as an example when it starts.
EXAMPLE_CLASS = "http://www.w3.org/ns/org#Organization"


def class_counts(store: ox.Store) -> Counter:
    """The members of each class (IRIs) in the default graph: what the site's class index
    shows."""
    return Counter({row["c"].value: int(row["n"].value) for row in store.query(CLASS_COUNTS)})


def most_described(store: ox.Store, class_iri: str) -> str | None:
    """The member of a class with the most triples about it, as the site counts them (ties:
    the first IRI), worked out once here: at thousands of documents it is seconds."""
    rows = store.query(
        f"""SELECT ?m (COUNT(*) AS ?n) WHERE {{ ?m a {ox.NamedNode(class_iri)} FILTER(isIRI(?m))
             {{ ?m ?p ?o }} UNION {{ ?s ?p ?m FILTER(?s != ?m) }} }} GROUP BY ?m"""
    )
    counted = [(-int(row["n"].value), row["m"].value) for row in rows]
    return min(counted)[1] if counted else None


def _sizes(dist: Path, store: ox.Store, quads_loaded: int | None = None) -> dict[str, int]:
    """Triples per named graph and in the default graph (key ""): what the VoID description
    of the publish says, when that adds up to the quads in the store (`quads_loaded`: the
    lines of kg.nq loaded), else counted."""
    void = ox.Store()
    try:
        void.load(path=str(dist / "void.ttl"), format=ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError):
        return _count(store)
    said: dict[str, int] = {}
    files: dict[str, int] = {}
    for row in void.query(
        """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?what ?title ?n ?quads WHERE { ?what void:triples ?n
          OPTIONAL { ?what a <http://www.w3.org/ns/dcat#Distribution> ; dcterms:title ?title }
          OPTIONAL { ?what <https://kg.example.org/def/kg#quads> ?quads } }"""
    ):
        n = int(row["n"].value)
        if row["title"] is not None:
            # A dump of named graphs by its lines (kg:quads; before it, void:triples gave them).
            files[row["title"].value] = n if row["quads"] is None else int(row["quads"].value)
        said[row["what"].value] = n
    names = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    inferred = next((g for g in names if g.endswith("graph/inferred")), None)
    sizes = {g: said.get(g) for g in names}
    total = len(store)
    if dump_paths(dist, "kg.nt") == [dist / "kg.nt"]:
        if inferred is not None:
            sizes[inferred] = files.get("kg-inferred.ttl")
        if "kg.nt" in files and "kg-inferred.ttl" in files:
            sizes[""] = files["kg.nt"] + files["kg-inferred.ttl"]
    else:
        # In parts, a triple that two parts state (or infer) is in both parts' files, so the
        # files' counts do not add up to the merged graphs. The named graphs' sizes are the
        # VoID's (each graph is in one part) when they add up to the parts' quads, as VoID
        # gives them and as loaded (a part's kg.nq unlike its VoID is counted); the
        # inferred graph is counted, and the default graph is what is left.
        quads = sum(n for title, n in files.items() if title.endswith("/kg.nq"))
        if inferred is not None:
            sizes[inferred] = 0
        if None not in sizes.values() and sum(sizes.values()) == quads == quads_loaded:
            if inferred is not None:
                sizes[inferred] = _count_graph(store, inferred)
            sizes[""] = total - sum(sizes.values())
    if "" not in sizes or None in sizes.values() or sum(sizes.values()) != total:
        return _count(store)
    return sizes


def _count_graph(store: ox.Store, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return next(int(s["n"].value) for s in store.query(query))


def _count(store: ox.Store) -> dict[str, int]:
    """Triples per named graph, and in the default graph (key "")."""
    sizes = {
        s["g"].value: int(s["n"].value)
        for s in store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
    }
    for s in store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
        sizes[""] = int(s["n"].value)
    return sizes


def read_meta(path: Path) -> dict:
    """What `kg load` recorded about the store at `path` ({} for a store made otherwise)."""
    try:
        return json.loads((Path(path) / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _a_store_is_here(path: Path) -> bool:
    """Whether `path` holds a store (a folder with files, or a link to one). A link a load is
    moving from one generation to the next is looked at again a few times: the generation it
    pointed at a moment ago may be being removed (as `open_generation` also allows)."""
    for _ in range(20):
        try:
            if path.is_dir() and any(path.iterdir()):
                return True
        except FileNotFoundError:
            pass
        if not path.is_symlink():
            return False
        time.sleep(0.05)
    return False


class StoreGraph(PublishedGraph):
    """A store made by `kg load`, queried like the published files (read-only). `path` is the
    store as named; `location` the generation opened, which stays open (and is not removed
    by a later load) for as long as this object lives."""

    def __init__(self, path: Path | str, inferred: bool = True) -> None:
        self.path = self.dist = Path(path)
        if not _a_store_is_here(self.path):
            raise KgError(self.path, None, "no store here; run `kg load --store PATH`")
        if not inferred:
            raise KgError(self.path, None, "a store holds the inferred triples: omit --asserted")
        self.inferred = True
        self.location, self._lock = open_generation(self.path)
        self.meta = read_meta(self.location)
        try:
            self.store = ox.Store.read_only(str(self.location))
        except OSError as exc:
            raise KgError(self.path, None, f"cannot open the store: {exc}") from None
        self.base = self.meta.get("base") or self._base()
        self.prefixes = prefix_map(self.base)
        self._answers: dict[str, NamedAnswer | None] = {}

    def named_answer(self, query: Query, params=None) -> NamedAnswer | None:
        """The rows `kg load` wrote of a named query asked without parameters
        (`kg.store.named_answers`), opened once; None for any other query (one with
        parameters, or not the named query of that name), or when the store has none that
        reads as its answer (a store loaded by an earlier kg, a file cut short)."""
        if query.name is None or params or named_queries().get(query.name) != query:
            return None
        if query.name not in self._answers:
            text = query.bind({}, self.base)[0]
            self._answers[query.name] = read_answer(
                self.location, query.name, text, self.base, self.prefixes
            )
        return self._answers[query.name]

    def query(self, query: Query, params=None, limit: int | None = None, offset: int = 0):
        """As `PublishedGraph.query`; a named query asked without parameters is answered from
        the rows `kg load` wrote of it (the same rows in the same order), when it has them."""
        answer = self.named_answer(query, params)
        bounded = (limit is None or 1 <= limit <= MAX_ROWS) and 0 <= offset <= MAX_ROWS
        if answer is not None and bounded:
            started = time.perf_counter()
            try:
                result = answered(answer, limit, offset)
            except CorruptAnswer:
                self._answers[query.name] = None
            else:
                result.seconds = time.perf_counter() - started
                result.prefixes = self.prefixes
                return result
        return super().query(query, params, limit, offset)

    @property
    def loaded(self) -> float:
        """When the store was loaded (seconds since the epoch)."""
        stamp = self.meta.get("loaded")
        return float(stamp) if stamp else (self.location / "CURRENT").stat().st_mtime

    def class_counts(self) -> Counter:
        """The members of each class: recorded by `kg load`, or counted (an earlier store)."""
        if isinstance(self.meta.get("classes"), dict):
            return Counter(self.meta["classes"])
        return class_counts(self.store)

    def dist_folder(self, dist: Path | str | None = None) -> Path:
        """The published folder whose files go with the store: `dist` when given, else the
        one the store was loaded from."""
        if dist is not None:
            folder = Path(dist)
            if not folder.is_dir():
                raise KgError(folder, None, "no such folder (give the folder `kg publish` wrote)")
            return folder
        recorded = self.meta.get("dist")
        if not recorded:
            raise KgError(
                self.path,
                None,
                "the store does not record the folder it was loaded from; give --dist "
                "(or load it again with `kg load`)",
            )
        folder = Path(recorded)
        if not folder.is_dir():
            raise KgError(
                folder,
                None,
                f"the store {self.path} was loaded from this folder, which is gone; give --dist",
            )
        return folder

    def warnings(self, dist: Path) -> list[str]:
        """What does not match between the store and a published folder."""
        recorded = self.meta.get("checksums")
        if recorded and recorded != checksums_digest(dist):
            return [
                f"{dist}/ is not the publish the store {self.path} was loaded from (its "
                "SHA256SUMS differ): downloads and pages may not match the graph; run "
                f"`kg load --dist {dist} --store {self.path}` again"
            ]
        return []

    def sizes(self) -> tuple[int, Counter]:
        """Triples in the default graph and in each named graph: recorded by `kg load`, or
        counted (a store made otherwise)."""
        if "triples" in self.meta and "graphs" in self.meta:
            return int(self.meta["triples"]), Counter(self.meta["graphs"])
        sizes = _count(self.store)
        return sizes.pop(""), Counter(sizes)


__all__ = [
    "EXAMPLE_CLASS",
    "FILES",
    "META_FILE",
    "STORE_FORMAT",
    "StoreGraph",
    "base_of",
    "class_counts",
    "default_store",
    "load",
    "parse_problem",
    "read_meta",
    "served_store",
    "up_to_date",
]
