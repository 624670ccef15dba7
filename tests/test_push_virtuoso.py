"""`kg push` into a real Virtuoso (Debian's virtuoso-opensource 7.2, `make virtuoso`), started
by the test on free loopback ports with a database in a temporary folder.

Virtuoso has no default graph of its own: a query without `FROM` reads every graph it holds
(its system graphs too) as a bag. `kg push --default-graph IRI` puts kg's default graph (kg.nt
and kg-inferred.ttl, each triple once) into that named graph, and a query names it as its
dataset with the SPARQL 1.1 Protocol's `default-graph-uri`; the named queries run unchanged
(docs/stores.md#virtuoso). Its Graph Store (`/sparql-graph-crud-auth`) asks for HTTP Digest
authentication.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.store.push import Server, graphs_of
from kg.store.query import PublishedGraph, named_queries
from kg.vocab import DEFAULT_BASE
from test_portable_queries import concatenated, rows

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
DEFAULT_GRAPH = f"{DEFAULT_BASE}graph/merged"  # where kg push puts the default graph
PASSWORD_ENV = "KG_TEST_VIRTUOSO_PASSWORD"

# The fewest settings of Debian's /usr/share/virtuoso-opensource-7/virtuoso.ini that a server
# needs, every file in FOLDER and both ports on the loopback interface.
INI = """\
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
DirsAllowed = {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso server of its own, with a new database and a new dba password; yields
    (its address, the password)."""
    if VIRTUOSO is None or ISQL is None:
        pytest.skip("Virtuoso is not installed (`make virtuoso`: Debian's virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}"
    try:
        for _ in range(600):  # a new database takes some seconds
            if process.poll() is not None:
                log = (folder / "virtuoso.log").read_text(errors="replace")[-500:]
                pytest.fail(f"virtuoso-t ended ({process.returncode}): {log}")
            try:
                urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("Virtuoso did not start in 60 s")
        # A new database's dba password is "dba": set one that only this test knows (on
        # isql's standard input, which no process listing shows).
        password = secrets.token_hex(12)
        said = subprocess.run(
            [ISQL, str(sql_port), "dba", "dba"],
            input=f"USER_SET_PASSWORD('dba', '{password}');\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert said.returncode == 0 and "Error" not in said.stdout + said.stderr, said.stdout
        yield url, password
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def kg(*args: str, password: str) -> subprocess.CompletedProcess:
    env = {**os.environ, PASSWORD_ENV: password}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def push_args(url: str, dist: Path, *more: str) -> list[str]:
    return [
        *("push", "--dist", str(dist), "--endpoint", f"{url}/sparql"),
        *("--graph-store", f"{url}/sparql-graph-crud-auth"),
        *("--user", "dba", "--password-env", PASSWORD_ENV, *more),
    ]


@pytest.fixture(scope="module")
def pushed(virtuoso, published_dist):
    """`kg push` of the seed corpus into Virtuoso, as docs/stores.md says; yields (its address,
    the password, what kg push printed)."""
    url, password = virtuoso
    result = kg(
        *push_args(url, published_dist, "--default-graph", DEFAULT_GRAPH), password=password
    )
    assert result.returncode == 0, result.stderr
    yield url, password, result.stdout + result.stderr


def ask(url: str, query: str, dataset: str | None = DEFAULT_GRAPH) -> ox.QuerySolutions:
    """The answer of Virtuoso's SPARQL endpoint, with `dataset` as the default graph (the
    SPARQL 1.1 Protocol's default-graph-uri)."""
    form = {"query": query} | ({"default-graph-uri": dataset} if dataset else {})
    request = urllib.request.Request(
        f"{url}/sparql",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        data = response.read()
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)


def number(url: str, query: str, dataset: str | None = DEFAULT_GRAPH) -> int:
    return int(next(iter(ask(url, query, dataset)))["n"].value)


def test_push_says_what_it_pushed_and_never_the_password(pushed, published_dist, published_graph):
    _, password, output = pushed
    graphs = graphs_of(published_dist)
    named = sum(len(lines) for lines in graphs.values())
    merged = published_graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert re.fullmatch(
        rf"{named} triples in {len(graphs)} named graphs and {merged} in the default graph "
        rf"\(<{re.escape(DEFAULT_GRAPH)}>\) pushed to \S+/sparql-graph-crud-auth and counted, "
        r"in [\d.]+ s",
        " ".join(output.split()),
    ), output
    assert password not in output


def test_every_graph_holds_what_kg_counts(pushed, published_dist, published_graph):
    """Triples per graph as kg counts them: each named graph, and the default graph (the
    merge: each asserted triple once, and the inferences)."""
    url, _, _ = pushed
    ours = published_graph.sparql(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    expected = {row["g"]: row["n"] for row in ours.rows}
    assert len(expected) == 7  # five documents, the reference data, the inferences
    theirs = ask(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    counted = {row["g"].value: int(row["n"].value) for row in theirs}
    assert {g: counted.get(g) for g in expected} == expected
    merged = published_graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert (
        counted[DEFAULT_GRAPH]
        == merged
        == number(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    )
    assert merged < sum(expected.values())  # the triples several documents state, once
    # Without a dataset Virtuoso reads every graph, its own too: not kg's default graph.
    assert number(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", dataset=None) > merged


def cases(query) -> list[dict[str, str]]:
    """A named query's parameters as tried here: none, each alone with the value its
    description gives, and those of each of its examples."""
    tried = [{}]
    for parameter in query.parameters.values():
        given = re.search(r'\((?:"([^"]+)"|(\d+))', parameter.description)
        if given:
            tried.append({parameter.name: given[1] or given[2]})
    for example in query.examples:
        words = shlex.split(example)
        pairs = [words[i + 1] for i, word in enumerate(words[:-1]) if word == "--param"]
        tried.append(dict(pair.split("=", 1) for pair in pairs))
    return [case for i, case in enumerate(tried) if case not in tried[:i]]


def test_every_named_query_gives_kg_query_rows_in_virtuoso(pushed, published_dist):
    """dist/queries/NAME.rq as it is, and with each parameter set as kg sets it, sent with the
    default graph as dataset: the rows of `kg query`, GROUP_CONCAT columns compared as sets
    of their parts (docs/stores.md#the-named-queries)."""
    url, _, _ = pushed
    graph = PublishedGraph(published_dist)
    tried, differ = 0, []
    for name, query in sorted(named_queries().items()):
        published = (published_dist / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        assert published == query.for_base(graph.base).text, name
        for params in cases(query):
            text = query.bind(params, graph.base)[0] if params else published
            separators = concatenated(text)
            ours = graph.run(name, params)
            variables = ours.variables
            solutions = [{v: t.get(v) for v in variables} for t in ours.terms]
            expected = rows(variables, solutions, separators)
            assert expected, f"{name} {params} gives no rows in kg"
            try:
                theirs = ask(url, text)
            except urllib.error.HTTPError as exc:
                differ.append((name, params, exc.read(300).decode(errors="replace")))
                continue
            assert [v.value for v in theirs.variables] == list(variables), name
            tried += 1
            if rows(variables, theirs, separators) != expected:
                differ.append((name, params, "other rows"))
    assert differ == []
    assert tried >= 50  # 18 queries, most with parameters


def test_push_replaces_each_graph(pushed, published_dist):
    """A second push replaces every graph, the default graph too: stale triples go, nothing
    is added twice."""
    url, password, _ = pushed
    server = Server(
        f"{url}/sparql",
        f"{url}/sparql-graph-crud-auth",
        "dba",
        password,
        default_graph=DEFAULT_GRAPH,
    )
    document = f"{DEFAULT_BASE}graph/document/000"
    before = server.count(document), server.count(None)
    server.put_graph(document, b"<urn:x> <urn:y> <urn:z> .\n")  # stale content, replaced
    server.put_graph(None, b"<urn:x> <urn:y> <urn:z> .\n")
    assert (server.count(document), server.count(None)) == (1, 1)
    result = kg(
        *push_args(url, published_dist, "--default-graph", DEFAULT_GRAPH), password=password
    )
    assert result.returncode == 0, result.stderr
    assert (server.count(document), server.count(None)) == before


def test_virtuoso_without_a_default_graph_is_refused_before_any_graph_is_replaced(
    pushed, published_dist
):
    url, password, _ = pushed
    server = Server(
        f"{url}/sparql", f"{url}/sparql-graph-crud-auth", "dba", password, default_graph="urn:x"
    )
    document = f"{DEFAULT_BASE}graph/document/000"
    server.put_graph(document, b"<urn:x> <urn:y> <urn:z> .\n")  # what a push would replace
    try:
        result = kg(*push_args(url, published_dist), password=password)
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [
            f"error: {url}/sparql-graph-crud-auth: Virtuoso keeps no default graph of its own: "
            "give --default-graph IRI, a named graph to hold it (docs/stores.md#virtuoso)"
        ]
        assert server.count(document) == 1
    finally:
        server.put_graph(document, b"".join(graphs_of(published_dist)[document]))


def test_a_wrong_password_is_one_line_without_it(pushed, published_dist):
    url, password, _ = pushed
    wrong = secrets.token_hex(12)
    result = kg(*push_args(url, published_dist, "--default-graph", DEFAULT_GRAPH), password=wrong)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "HTTP 401" in lines[0], result.stderr
    assert "check --user and the password in --password-env" in lines[0]
    assert wrong not in result.stdout + result.stderr and password not in result.stderr


def test_an_error_says_what_virtuoso_said(pushed):
    """Virtuoso's error page is a title and a preformatted message: both are in the line."""
    url, password, _ = pushed
    server = Server(f"{url}/sparql", f"{url}/sparql-graph-crud-auth", "dba", password, retries=0)
    with pytest.raises(KgError) as error:
        server.put_graph("urn:kg:test:broken", b'<urn:x> <urn:y> "no end .\n')
    said = str(error.value)
    assert said.startswith(f"{url}/sparql-graph-crud-auth: replacing <urn:kg:test:broken>: ")
    assert "HTTP 500" in said and "SPARQL Graph Protocol request failed: " in said
    assert "The PUT request for graph <urn:kg:test:broken> is rejected" in said, said
    assert "\n" not in said
