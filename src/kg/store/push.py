"""Push the published graph to a SPARQL 1.1 Graph Store Protocol server.

https://www.w3.org/TR/sparql11-http-rdf-update/: `PUT {graph-store}?graph=NAME` replaces one
named graph with the request body. Each graph of `kg.nq` (reference data, one per document)
and `kg-inferred.ttl` (the inferred graph; in a parted publish, every part's files) is sent as
N-Triples, and so is the default graph the named queries read (docs/stores.md): the asserted
triples of `kg.nt` and the inferred ones, each once (`PUT {graph-store}?default`). A graph of
up to `CHUNK` triples (every document's) goes in one request; a larger one (the default
graph, the inferred graph of a large corpus) as a PUT of its first CHUNK triples and a POST
(`add`) of each next CHUNK, so a reader may see it half filled during a push: Virtuoso 7.2
lost triples of, or hung on, a single PUT of two million. Oxigraph's server (known by its
`Server` header) is asked to load each request with its bulk loader (`no_transaction`), and
takes the named graphs' quads as N-Quads for the whole dataset once they are emptied: at
1,000 documents 21 s where a request per graph, in a transaction each, took 288 s (its PUT
clears the graph in a transaction of its own anyway). Four requests are on their way at once
(`workers`), each retried with back-off on network errors and 5xx answers. Afterwards the
triple count of every graph is checked with a SPARQL query; a graph counted wrong is sent
again, once, and is an error if it is still wrong. Each request waits at most `timeout`
seconds to connect and for each read of the answer (`kg push --timeout`, 30 by default); a
failure is one line naming the URL, the request and what went wrong (an error page is cut
down to its status, title and message).
Oxigraph (`{endpoint}/store`), Fuseki (`{endpoint}/data`), GraphDB
(`{endpoint}/rdf-graphs/service`) and QLever accept this protocol.

Virtuoso (`{server}/sparql-graph-crud-auth`) has no default graph of its own: a query without
`FROM` reads every graph it holds, its system graphs too, and a triple that three graphs hold
matches three times. There the default graph is put into a named graph (`default_graph`,
`kg push --default-graph IRI`), which a query names as its dataset: the SPARQL 1.1 Protocol's
`default-graph-uri` (https://www.w3.org/TR/sparql11-protocol/#dataset), or `FROM <IRI>`.
Its Graph Store asks for HTTP Digest authentication (RFC 7616), which `Server` speaks when
the server asks for it. A first request, without credentials or a body (`HEAD` of the graph
store), learns which server it is and how it authenticates, so that neither a password nor a
graph is sent in vain, and Virtuoso without `default_graph` is refused before anything is
replaced.
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.client
import json
import math
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.publish.layout import check_dump
from kg.store.embedded import base_of, parse_problem

DEFAULT_TIMEOUT = 30.0  # seconds, to connect and for each read of an answer
DEFAULT_RETRIES = 4
EXCERPT = 120  # characters of an error page quoted in the error line, at most
CHUNK = 100_000  # triples per request at most (Virtuoso 7.2 lost some of a larger one)
DEFAULT_WORKERS = 4  # requests at once
VIRTUOSO_DEFAULT = (
    "Virtuoso keeps no default graph of its own: give --default-graph IRI, a named graph "
    "to hold it (docs/stores.md#virtuoso)"
)


class Server:
    def __init__(
        self,
        endpoint: str,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        retries: int = DEFAULT_RETRIES,
        timeout: float = DEFAULT_TIMEOUT,
        default_graph: str | None = None,
        chunk: int = CHUNK,
    ):
        check_url(endpoint, "--endpoint")
        if graph_store is not None:
            check_url(graph_store, "--graph-store")
        if default_graph is not None and not _IRI.fullmatch(default_graph):
            raise KgError("--default-graph", None, f"{default_graph!r} is not an absolute IRI")
        if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
            raise KgError("--timeout", None, f"{timeout}: give a number of seconds more than 0")
        if not (isinstance(retries, int) and retries >= 0):
            raise KgError("--retries", None, f"{retries}: give a whole number, 0 or more")
        self.endpoint = endpoint.rstrip("/")
        self.graph_store = graph_store or self.endpoint.rsplit("/", 1)[0] + "/store"
        self.user, self.password = user, password or ""
        self.challenge: dict[str, str] | None = None  # the server's Digest challenge
        self.nonce_count = 0
        self._counting = threading.Lock()  # requests are sent from several threads
        self.retries = retries
        self.timeout = timeout
        self.default_graph = default_graph
        self.chunk = chunk
        self.server_software = ""  # the Server header of the last answer
        self.probed = False

    def _authorization(self, method: str, url: str) -> dict[str, str]:
        """The Authorization header: Basic, or Digest once the server has asked for it."""
        if self.user is None:
            return {}
        if self.challenge is None:
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
            return {"Authorization": f"Basic {token}"}
        return {"Authorization": self._digest(method, url)}

    def _digest(self, method: str, url: str) -> str:
        """Digest credentials for one request (https://www.rfc-editor.org/rfc/rfc7616#section-3.4):
        the nonce of the last challenge, counted, with a client nonce of our own."""
        challenge = self.challenge or {}
        algorithm = challenge.get("algorithm", "MD5")
        name = algorithm.upper().removesuffix("-SESS").replace("SHA-256", "SHA256")
        if name not in ("MD5", "SHA256"):
            raise KgError(self.graph_store, None, f"Digest algorithm {algorithm} is not supported")

        def digest(text: str) -> str:
            return hashlib.new(name.lower(), text.encode()).hexdigest()

        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        with self._counting:
            self.nonce_count += 1
            count = f"{self.nonce_count:08x}"
        cnonce = os.urandom(8).hex()
        secret = digest(f"{self.user}:{realm}:{self.password}")
        if algorithm.upper().endswith("-SESS"):
            secret = digest(f"{secret}:{nonce}:{cnonce}")
        request = digest(f"{method}:{uri}")
        qops = [q.strip() for q in challenge.get("qop", "").split(",")]
        if "auth" in qops:
            answer = digest(f"{secret}:{nonce}:{count}:{cnonce}:auth:{request}")
            extra = f', qop=auth, nc={count}, cnonce="{cnonce}"'
        else:
            answer, extra = digest(f"{secret}:{nonce}:{request}"), ""
        opaque = f', opaque="{challenge["opaque"]}"' if "opaque" in challenge else ""
        user = self.user.replace("\\", "\\\\").replace('"', '\\"')  # a quoted-string
        return (
            f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'algorithm={algorithm}, response="{answer}"{opaque}{extra}'
        )

    def _take_challenge(self, exc: urllib.error.HTTPError) -> bool:
        """True when a 401 answer asks for Digest credentials: its challenge (a new nonce, or
        the first) is kept for the requests that follow."""
        if exc.code != 401 or self.user is None or exc.headers is None:
            return False
        for header in exc.headers.get_all("WWW-Authenticate") or []:
            scheme, _, rest = header.strip().partition(" ")
            if scheme.lower() == "digest":
                fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
                self.challenge, self.nonce_count = fields, 0
                return True
        return False

    def probe(self) -> None:
        """Learn which server this is, and how its graph store authenticates, from its answer
        to a `HEAD` without credentials: before any request carries a password or a graph
        (Virtuoso answers Basic credentials with a 401 that does not say it wants Digest)."""
        self.probed = True
        request = urllib.request.Request(self.graph_store, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                self.server_software = response.headers.get("Server", "")
        except urllib.error.HTTPError as exc:
            if exc.headers is not None:
                self.server_software = exc.headers.get("Server", "")
            self._take_challenge(exc)
        except (urllib.error.URLError, OSError, http.client.HTTPException):
            pass  # the requests that follow say what is wrong, after their retries

    def _request(
        self, method: str, url: str, data: bytes | None, headers: dict, what: str
    ) -> bytes:
        """The answer's body; a KgError naming the URL (without its query) and `what` was
        asked when the server answers with an error or not at all, after the retries."""
        if not self.probed:
            self.probe()
        where = url.partition("?")[0]
        delay = 0.5
        attempt, challenged = 0, False
        while True:
            request = urllib.request.Request(
                url,
                data=data,
                method=method,
                headers={**self._authorization(method, url), **headers},
            )
            last = attempt == self.retries
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    self.server_software = response.headers.get("Server", "")
                    return response.read()
            except urllib.error.HTTPError as exc:
                if exc.headers is not None:
                    self.server_software = exc.headers.get("Server", "")
                if self._take_challenge(exc) and not challenged:
                    challenged = True  # asked for Digest credentials, or a nonce expired:
                    continue  # sent again at once, once (wrong credentials are refused again)
                if exc.code < 500 or last:
                    problem = f"HTTP {exc.code} {exc.reason}".rstrip() + _excerpt(exc)
                    if exc.code == 401:
                        problem += (
                            " (check --user and the password in --password-env)"
                            if self.user is not None
                            else " (the server asks for --user and --password-env)"
                        )
                    raise KgError(where, None, f"{what}: {problem}") from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                if isinstance(reason, str) or not isinstance(reason, BaseException):
                    reason = OSError(str(reason))
                if last:
                    attempts = f"{attempt + 1} attempt{'s' if attempt else ''}"
                    problem = self._network_problem(reason, attempts)
                    raise KgError(where, None, f"{what}: {problem}") from None
            time.sleep(delay)
            delay *= 2
            attempt += 1

    def _network_problem(self, reason: BaseException, attempts: str) -> str:
        if isinstance(reason, TimeoutError):
            return f"no answer in {self.timeout:g} s ({attempts}; --timeout sets how long to wait)"
        if isinstance(reason, http.client.RemoteDisconnected):
            problem = "the server closed the connection without answering"
        elif isinstance(reason, http.client.HTTPException):
            said = _one_line(str(reason))[:EXCERPT]
            problem = "the answer is not HTTP" + (f": {said}" if said else "")
        elif isinstance(reason, OSError) and reason.strerror:
            problem = f"cannot reach the server: {reason.strerror}"
        else:
            said = _one_line(str(reason))[:EXCERPT] or type(reason).__name__
            problem = f"cannot reach the server: {said}"
        return f"{problem} ({attempts})"

    def put_graph(self, graph: str | None, ntriples: bytes, add: bool = False) -> None:
        """Replace the named graph `graph`, or with None the default graph (`default_graph`,
        when the store has none of its own), with the triples `ntriples` (a PUT); with `add`,
        add them to it (a POST)."""
        graph = graph or self.default_graph
        target = {"graph": graph} if graph is not None else {"default": ""}
        url = f"{self.graph_store}?{urllib.parse.urlencode(target).removesuffix('=')}"
        if self.oxigraph:
            url += "&no_transaction"  # Oxigraph's bulk loader: the graph written in pieces
        what = f"<{graph}>" if graph else "the default graph"
        what = f"adding to {what}" if add else f"replacing {what}"
        method = "POST" if add else "PUT"
        try:
            self._request(method, url, ntriples, {"Content-Type": "application/n-triples"}, what)
        except KgError as exc:
            if graph is None and "Virtuoso" in self.server_software:
                raise KgError(exc.path, None, f"{what}: {VIRTUOSO_DEFAULT}") from None
            raise

    @property
    def oxigraph(self) -> bool:
        """Whether the server is Oxigraph's, whose graph store loads a request with its bulk
        loader when asked (`no_transaction`) and takes N-Quads for the whole dataset."""
        return self.server_software.startswith("Oxigraph/")

    def add_quads(self, nquads: bytes) -> None:
        """Add the quads `nquads` (N-Quads, each naming its graph) to the dataset: a POST to
        the graph store itself, which Oxigraph's takes (and Fuseki's, SPARQL 1.2's draft)."""
        url = self.graph_store + ("?no_transaction" if self.oxigraph else "")
        what = f"adding {nquads.count(NEWLINE)} quads"
        self._request("POST", url, nquads, {"Content-Type": "application/n-quads"}, what)

    def replace_graph(self, graph: str | None, lines: list[bytes]) -> None:
        """Replace a graph with the triples `lines`, in one request when they are at most
        `chunk`, else a PUT of the first `chunk` and a POST of each next `chunk`."""
        for start in range(0, max(len(lines), 1), self.chunk):
            self.put_graph(graph, b"".join(lines[start : start + self.chunk]), add=start > 0)

    def count(self, graph: str | None) -> int:
        """The triples of the named graph `graph`, or with None of the default graph."""
        graph = graph or self.default_graph
        pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"
        what = f"counting the triples of <{graph}>" if graph else "counting the default graph"
        answer = self._request(
            "POST",
            self.endpoint,
            urllib.parse.urlencode({"query": query}).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
            what,
        )
        try:
            bindings = json.loads(answer)["results"]["bindings"]
            return int(bindings[0]["n"]["value"]) if bindings else 0
        except (ValueError, LookupError, TypeError):
            begins = _one_line(answer[:200].decode("utf-8", "replace"))[:60]
            raise KgError(
                self.endpoint,
                None,
                f"{what}: the answer is not SPARQL JSON results (is this the SPARQL query "
                f"endpoint?): it begins {begins!r}",
            ) from None


def check_url(url: str, option: str) -> None:
    """A KgError naming `option` unless `url` is an http(s) URL with a host."""
    if not url.strip():
        raise KgError(option, None, "empty URL")
    if re.search(r"[\s\x00-\x1f]", url):
        raise KgError(option, None, f"{url!r}: a URL cannot hold spaces")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(option, None, f"{url!r} is not an http:// or https:// URL with a host")
    try:
        _ = parts.port  # a ValueError when it is not a number from 0 to 65535
    except ValueError:
        raise KgError(option, None, f"{url!r}: the port is not a number from 0 to 65535") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _excerpt(exc: urllib.error.HTTPError) -> str:
    """`: EXCERPT` of an error answer: an HTML page's title (else its first heading) and the
    first line of its preformatted message if it has one (Virtuoso's says what failed), or
    the first line of another body, cut to EXCERPT characters; "" when there is none."""
    try:
        body = exc.read(1 << 16).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    kind = exc.headers.get_content_type() if exc.headers is not None else ""
    if "html" in kind or body.lstrip()[:1] == "<":
        found = re.search(r"<title[^>]*>(.*?)</title>", body, re.I | re.S) or re.search(
            r"<h1[^>]*>(.*?)</h1>", body, re.I | re.S
        )
        text = html.unescape(re.sub(r"<[^>]*>", "", found[1])) if found else ""
        said = re.search(r"<(xmp|pre)[^>]*>(.*?)</\1>", body, re.I | re.S)
        lines = [line for line in (said[2] if said else "").splitlines() if line.strip()]
        if lines:
            first = _one_line(html.unescape(lines[0]) if said[1].lower() == "pre" else lines[0])
            text = f"{_one_line(text)}: {first}" if text.strip() else first
    else:
        text = next((line for line in body.splitlines() if line.strip()), "")
    text = _one_line(text)
    if len(text) > EXCERPT:
        text = text[: EXCERPT - 1].rstrip() + "…"
    return f": {text}" if text else ""


def graphs_of(dist: Path) -> dict[str, list[bytes]]:
    """The N-Triples lines of every named graph of the dumps (kg.nq and kg-inferred.ttl)."""
    graphs: dict[str, list[bytes]] = defaultdict(list)
    for path in check_dump(dist, "kg.nq", "missing: run `kg publish` first"):
        with path.open("rb") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                head, _, name = line.rstrip(b" .\r\n").rpartition(b" ")
                if not (line.rstrip().endswith(b".") and head and _QUAD_GRAPH.match(name)):
                    raise KgError(
                        path,
                        number,
                        "not a line of N-Quads in a named graph, as `kg publish` writes them: "
                        "publish again",
                    )
                try:
                    graphs[name[1:-1].decode()].append(head + b" .\n")
                except UnicodeDecodeError:
                    raise KgError(path, number, "not UTF-8 text: publish again") from None
    base = base_of(Path(dist))
    inferred = f"{base}graph/inferred"
    for path in check_dump(dist, "kg-inferred.ttl", "missing: run `kg publish` first"):
        try:
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                graphs[inferred].append(f"{triple} .\n".encode())
        except SyntaxError as exc:
            raise KgError(path, exc.lineno, f"not valid Turtle: {parse_problem(exc)}") from None
    # Two parts may infer the same triple: sent once.
    graphs[inferred] = list(dict.fromkeys(graphs[inferred]))
    return graphs


NEWLINE = b"\n"
_QUAD_GRAPH = re.compile(rb"<[^<>\s]+>\Z")
# An absolute IRI as N-Triples writes one between <>: a scheme, then no space, <, >, ", {, }, |,
# ^, ` or backslash.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s\x00-\x20]+")


def default_graph_of(dist: Path, inferred: list[bytes]) -> list[bytes]:
    """The N-Triples lines of the default graph the named queries read: the asserted triples
    (kg.nt, in a parted publish every part's) and the inferred ones, each once."""
    lines: dict[bytes, None] = {}
    for path in check_dump(dist, "kg.nt", "missing: run `kg publish` first"):
        with path.open("rb") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                if not line.rstrip().endswith(b"."):
                    raise KgError(path, number, "not a line of N-Triples: publish again")
                lines[line if line.endswith(b"\n") else line + b"\n"] = None
    lines.update(dict.fromkeys(inferred))
    return list(lines)


def push(
    dist: Path,
    server: Server,
    progress: Callable[[str], None] = lambda _: None,
    workers: int = DEFAULT_WORKERS,
) -> dict:
    """Replace every graph of the dumps on the server, and its default graph, by `workers`
    requests at once, then check the counts; a graph counted wrong is sent again, once."""
    started = time.perf_counter()
    graphs: dict[str | None, list[bytes]] = {
        name: list(dict.fromkeys(lines)) for name, lines in sorted(graphs_of(dist).items())
    }
    named = len(graphs)
    graphs[None] = default_graph_of(dist, graphs[f"{base_of(Path(dist))}graph/inferred"])
    server.probe()
    if "Virtuoso" in server.server_software and server.default_graph is None:
        raise KgError(server.graph_store, None, VIRTUOSO_DEFAULT)
    if server.oxigraph:
        # Oxigraph: the named graphs emptied, then their quads in a few large requests of
        # N-Quads, each loaded by its bulk loader: 2.2 million quads in 1,002 graphs took
        # 55 s of its CPU in a request per graph, 25 s so (`oxigraph load`: 38 s).
        empty = dict.fromkeys((name for name in graphs if name is not None), [])
        _replace_all(server, {**empty, None: graphs[None]}, [None, *empty], workers, progress)
        quads = [
            line[:-2] + b"<" + name.encode() + b"> .\n"
            for name, lines in graphs.items()
            if name is not None
            for line in lines
        ]
        chunks = [b"".join(quads[i : i + server.chunk]) for i in range(0, len(quads), server.chunk)]
        del quads
        adds = [partial(server.add_quads, chunk) for chunk in chunks]
        _run_all(adds, workers, progress, "requests of quads")
    else:
        # The default graph first: the largest, it is sent in the most requests, one after
        # another, while the other workers send the named graphs.
        order = [None, *(name for name in graphs if name is not None)]
        _replace_all(server, graphs, order, workers, progress)
    wrong = _wrong_counts(server, graphs, workers)
    if wrong:
        progress(f"{len(wrong)} graphs counted wrong: pushing them again")
        _replace_all(server, graphs, list(wrong), 1, progress)
        wrong = _wrong_counts(server, graphs, workers)
    if wrong:
        name, (expected, got) = next(iter(wrong.items()))
        if name is not None:
            what = f"<{name}>"
        else:
            held = f" (<{server.default_graph}>)" if server.default_graph else ""
            what = f"the default graph{held}"
        raise KgError(
            server.graph_store,
            None,
            f"{len(wrong)} graphs have wrong counts after the push, e.g. {what}: "
            f"{got} triples instead of {expected}",
        )
    return {
        "graphs": named,
        "triples": sum(len(lines) for name, lines in graphs.items() if name is not None),
        "default": len(graphs[None]),
        "seconds": time.perf_counter() - started,
    }


def _replace_all(
    server: Server,
    graphs: dict[str | None, list[bytes]],
    order: list[str | None],
    workers: int,
    progress: Callable[[str], None],
) -> None:
    """Replace the graphs `order` names, `workers` at once."""
    calls = [partial(server.replace_graph, name, graphs[name]) for name in order]
    _run_all(calls, workers, progress, "graphs")


def _run_all(
    calls: list[Callable[[], None]], workers: int, progress: Callable[[str], None], what: str
) -> None:
    """Run `calls`, `workers` at once; the first failure is raised, and no call is begun
    after it."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(call) for call in calls]
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                future.result()
                if done % 100 == 0:
                    progress(f"pushed {done} of {len(calls)} {what}")
        finally:
            for future in futures:
                future.cancel()


def _wrong_counts(
    server: Server, graphs: dict[str | None, list[bytes]], workers: int
) -> dict[str | None, tuple[int, int]]:
    """The graphs whose triples the server counts otherwise: (expected, counted), each
    counted by a query of its own (Virtuoso takes longer for one query that counts every
    graph than for a query per graph), `workers` at once."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        counted = dict(zip(graphs, pool.map(server.count, graphs), strict=True))
    return {
        name: (len(lines), counted[name])
        for name, lines in graphs.items()
        if counted[name] != len(lines)
    }


def password_from(var: str | None) -> str | None:
    if var is None:
        return None
    if var not in os.environ:
        raise KgError("--password-env", None, f"environment variable {var} is not set")
    return os.environ[var]
