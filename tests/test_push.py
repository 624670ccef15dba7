"""`kg push` against a real SPARQL 1.1 Graph Store Protocol server (Oxigraph's)."""

from __future__ import annotations

import email.message
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.store.push import Server, graphs_of, push
from kg.store.query import PublishedGraph, named_queries
from test_portable_queries import ask, concatenated, rows

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_push_replaces_each_graph_and_counts(published_dist, oxigraph_server):
    server = Server(f"{oxigraph_server}/query", f"{oxigraph_server}/store")
    graph = "https://kg.example.org/graph/document/000"
    server.put_graph(graph, b"<urn:x> <urn:y> <urn:z> .\n")  # stale content, replaced
    figures = push(published_dist, server)
    graphs = graphs_of(published_dist)
    assert figures["graphs"] == len(graphs) == 7
    assert server.count(graph) == len(set(graphs[graph]))
    # Pushing again is idempotent: every graph is replaced, not appended to.
    push(published_dist, server)
    assert server.count(graph) == len(set(graphs[graph]))


def test_a_pushed_store_answers_the_named_queries_as_kg_does(published_dist, oxigraph_server):
    """The default graph is pushed too (kg.nt and the inferences, each triple once): counted,
    and every named query of dist/queries/ gives the rows of `kg query` there."""
    server = Server(f"{oxigraph_server}/query", f"{oxigraph_server}/store")
    figures = push(published_dist, server)
    merged = {str(t) for t in ox.parse(path=str(published_dist / "kg.nt"))}
    merged |= {str(t) for t in ox.parse(path=str(published_dist / "kg-inferred.ttl"))}
    assert figures["default"] == server.count(None) == len(merged)
    graph = PublishedGraph(published_dist)
    agree = []
    for name in sorted(named_queries()):
        text = (published_dist / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        ours = graph.run(name)
        solutions = [{v: t.get(v) for v in ours.variables} for t in ours.terms]
        expected = rows(ours.variables, solutions, concatenated(text))
        if expected and rows(ours.variables, ask(oxigraph_server, text), concatenated(text)) == (
            expected
        ):
            agree.append(name)
    assert agree == sorted(named_queries())


class Recording(Server):
    """A Server that records its requests to the graph store: (graph, PUT or POST, triples),
    the graph "quads" for N-Quads sent to the dataset. With `per_graph` it sends every graph
    as a server other than Oxigraph's is sent (Virtuoso's), in requests of its own; with
    `drop`, the first `drop` requests that hold triples of document 000 lose one."""

    def __init__(self, *args, per_graph: bool = False, drop: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent: list[tuple[str | None, str, int]] = []
        self.per_graph, self.drop = per_graph, drop

    @property
    def oxigraph(self) -> bool:
        return super().oxigraph and not self.per_graph

    def _dropped(self, body: bytes, graph: bytes) -> bytes:
        lines = body.splitlines(keepends=True)
        mine = [i for i, line in enumerate(lines) if graph in line or not graph]
        if self.drop and mine:
            self.drop -= 1
            del lines[mine[-1]]
        return b"".join(lines)

    def put_graph(self, graph, ntriples: bytes, add: bool = False) -> None:
        if graph and graph.endswith("/document/000"):
            ntriples = self._dropped(ntriples, b"")
        self.sent.append((graph, "POST" if add else "PUT", ntriples.count(b"\n")))
        super().put_graph(graph, ntriples, add)

    def add_quads(self, nquads: bytes) -> None:
        nquads = self._dropped(nquads, b"/graph/document/000> .")
        self.sent.append(("quads", "POST", nquads.count(b"\n")))
        super().add_quads(nquads)


def chunks(total: int, size: int) -> list[tuple[str, int]]:
    """The requests that send a graph of `total` triples in requests of `size` at most."""
    sizes = [size] * (total // size) + ([total % size] if total % size else []) or [0]
    return [("PUT", sizes[0])] + [("POST", n) for n in sizes[1:]]


@pytest.mark.parametrize("per_graph", [False, True], ids=["oxigraph", "graph by graph"])
def test_a_large_graph_is_sent_in_chunks(published_dist, oxigraph_server, per_graph):
    server = Recording(
        f"{oxigraph_server}/query", f"{oxigraph_server}/store", chunk=1000, per_graph=per_graph
    )
    server.put_graph(None, b"<urn:x> <urn:y> <urn:z> .\n")  # stale content, replaced
    figures = push(published_dist, server)
    default = [(method, n) for graph, method, n in server.sent[1:] if graph is None]
    assert figures["default"] > 5000
    assert default == chunks(figures["default"], 1000)
    assert server.count(None) == figures["default"]
    graphs = graphs_of(published_dist)
    quads = [n for graph, _, n in server.sent if graph == "quads"]
    for graph, lines in graphs.items():
        sent = [(method, n) for name, method, n in server.sent if name == graph]
        assert sent == ([("PUT", 0)] if not per_graph else chunks(len(lines), 1000))
        assert server.count(graph) == len(lines)
    if per_graph:
        assert quads == []
    else:  # the quads of every named graph, in requests of at most 1,000
        total = sum(map(len, graphs.values()))
        assert sorted(quads) == sorted(n for _, n in chunks(total, 1000))  # sent 4 at once


@pytest.mark.parametrize("per_graph", [False, True], ids=["oxigraph", "graph by graph"])
def test_a_graph_counted_wrong_is_sent_again_once(published_dist, oxigraph_server, per_graph):
    graph = "https://kg.example.org/graph/document/000"
    expected = len(set(graphs_of(published_dist)[graph]))
    stores = f"{oxigraph_server}/query", f"{oxigraph_server}/store"
    server = Recording(*stores, per_graph=per_graph, drop=1)
    push(published_dist, server)
    first = [expected - 1] if per_graph else [0]  # or emptied, and its quads sent short
    assert [n for name, _, n in server.sent if name == graph] == [*first, expected]
    assert server.count(graph) == expected
    server = Recording(*stores, per_graph=per_graph, drop=2)
    with pytest.raises(KgError) as error:
        push(published_dist, server)
    assert str(error.value).endswith(
        f"1 graphs have wrong counts after the push, e.g. <{graph}>: "
        f"{expected - 1} triples instead of {expected}"
    )


def test_a_default_graph_that_is_no_iri_is_refused_in_one_line(published_dist):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "push", "--dist", str(published_dist)]
        + ["--endpoint", "http://127.0.0.1:9/query", "--default-graph", "graph/merged"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: --default-graph: 'graph/merged' is not an absolute IRI"
    ]


def test_digest_credentials_are_those_of_rfc_2617s_example(monkeypatch):
    """The challenge and answer of RFC 2617, section 3.5 (MD5, qop=auth), the client nonce
    fixed to the example's."""
    server = Server("http://www.nowhere.org/query", user="Mufasa", password="Circle Of Life")
    headers = email.message.Message()
    headers["WWW-Authenticate"] = (
        'Digest realm="testrealm@host.com", qop="auth,auth-int", '
        'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"'
    )
    answer = urllib.error.HTTPError(server.graph_store, 401, "Unauthorized", headers, None)
    assert server._take_challenge(answer)
    monkeypatch.setattr("kg.store.push.os.urandom", lambda n: bytes.fromhex("0a4f113b"))
    (credentials,) = server._authorization("GET", "http://www.nowhere.org/dir/index.html").values()
    assert credentials == (
        'Digest username="Mufasa", realm="testrealm@host.com", '
        'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", algorithm=MD5, '
        'response="6629fae49393a05397450978507c4ef1", '
        'opaque="5ccc069c403ebaf9f0171e9517f40e41", qop=auth, nc=00000001, cnonce="0a4f113b"'
    )
