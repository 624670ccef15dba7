"""Round 9 of the probes: five holes the eighth round left, and what eight earlier rounds had
not tried. Each test is a probe that found a hole, and fails on the code before its fix; none
measures time: each bounds the work by structure (counts, sizes) or by the server's own limits.
"""

from __future__ import annotations

import html
import io
import subprocess
import sys
from urllib.parse import quote_from_bytes, urlencode

import httpx
import pytest

from conftest import _serving


@pytest.fixture(scope="module")
def server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist)),
            # Limits of time no loaded test machine reaches: these probes are of other limits.
            *("--queue-wait", "5", "--query-timeout", "60"),
        ],
        tmp_path_factory,
    )


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=120) as client:
        yield client


# --------------------------------------------------------------------------- If-Modified-Since

FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"


@pytest.mark.parametrize(
    "path", ["/", "/doc/organization/iom.ttl", "/dist/kg.ttl", "/static/kg.css"]
)
def test_an_if_modified_since_later_than_the_server_s_clock_is_ignored(http, path):
    """A date in the future gave 304 on every page and file: a client (or a cache) whose
    clock is ahead, or that sends one on purpose, would be told an old copy is current for as
    long as that date lies ahead, whatever the data becomes. RFC 7232 section 3.3 says such a
    date is invalid; RFC 9110 section 13.1.3 has a recipient ignore a date it cannot use, as
    Apache does. A copy as old as the page's Last-Modified is still current."""
    fresh = http.get(path)
    assert fresh.status_code == 200
    assert http.get(path, headers={"If-Modified-Since": FUTURE}).status_code == 200
    current = http.get(path, headers={"If-Modified-Since": fresh.headers["last-modified"]})
    assert current.status_code == 304


# --------------------------------------------------------------------------- kg serve's options


@pytest.fixture
def started(monkeypatch):
    """`kg serve`'s options as its parser gives them to the command, nothing started."""
    from kg.cli import serving

    given = []
    monkeypatch.setattr(serving, "run_serve", lambda args: given.append(args) or 0)
    return given


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--workers", "65"),
        ("--workers", "100000"),
        ("--worker-memory", "99999999999999"),  # overflowed RLIMIT_DATA: no worker started
        ("--worker-recycle", str(2**20 + 1)),
        ("--answer-cache-mib", str(2**20 + 1)),
        ("--max-result-size", str(2**40 + 1)),
        ("--query-timeout", "1e300"),  # OverflowError in the query slots: workers lost
        ("--queue-wait", "86401"),
        ("--head-timeout", "1e300"),
    ],
)
def test_serve_options_past_their_bounds_are_refused_by_their_parser(
    option, value, started, capsys
):
    from kg.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", option, value])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and not started
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[0].startswith("usage: kg serve")
    assert lines[-1].startswith(f"kg serve: error: argument {option}: {value}: give ")


def test_serve_options_at_their_bounds_are_taken(started):
    from kg.cli import main

    argv = ["--workers", "64", "--worker-memory", str(2**20), "--max-result-size", str(2**40)]
    assert main(["serve", *argv, "--query-timeout", "86400", "--answer-cache-mib", "0"]) == 0
    (args,) = started
    assert (args.workers, args.worker_memory, args.query_timeout) == (64, 2**20, 86400.0)


# --------------------------------------------------------------------------- /sparql's format=


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("values", [["bogus"], ["xlsx", "pdf"], ["text/plain"]])
def test_an_unknown_format_on_sparql_is_refused_as_on_the_other_routes(http, method, values):
    """`/sparql?format=bogus` answered in the format Accept chose, where `/doc/...?format=
    bogus` answers 400: a client that asked for a format it took the answer to be in got
    another. A format none of whose values is understood is refused in one line."""
    params = [("query", "ASK {}"), *(("format", value) for value in values)]
    if method == "GET":
        response = http.get("/sparql", params=params)
    else:
        response = http.post("/sparql", data=dict(params[:1]), params=params[1:])
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    (line,) = response.text.splitlines()
    assert line.startswith(f"Bad Request: unknown format {values[0]!r}; use one of ")
    other = http.get("/doc/organization/iom", params={"format": values[0]})
    assert other.status_code == 400


@pytest.mark.parametrize(
    ("values", "media"),
    [
        (["json"], "application/sparql-results+json"),
        (["", "csv"], "text/csv"),
        # SPARQLWrapper's pairs, for several kinds of server: one understood is enough
        (["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
        (["xml", "application/sparql-results+xml,*/*;q=0.1"], "application/sparql-results+xml"),
    ],
)
def test_formats_a_client_names_on_sparql_are_still_read(http, values, media):
    params = [("query", "ASK {}"), *(("format", value) for value in values)]
    response = http.get("/sparql", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


# --------------------------------------------------------------------------- charsets of bodies

QUERY = 'SELECT ?x WHERE { BIND("Querétaro" AS ?x) }'
LATIN1 = QUERY.encode("latin-1")
FORM_LATIN1 = b"query=" + quote_from_bytes(LATIN1).encode()


@pytest.mark.parametrize(
    ("path", "media", "body"),
    [
        ("/sparql", "application/sparql-query", LATIN1),
        ("/sparql", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/query", "application/x-www-form-urlencoded", FORM_LATIN1),
    ],
)
@pytest.mark.parametrize("charset", ["iso-8859-1", '"windows-1252"', "UTF-16", "x-no-such"])
def test_a_body_in_another_charset_than_utf8_is_refused_with_415(http, path, media, body, charset):
    """`charset=iso-8859-1` was not read: the body was decoded as UTF-8 with its é replaced
    by U+FFFD, and the answer was to another query than the one sent. The protocol's bodies
    are UTF-8 (application/sparql-query's registration: "The encoding is always UTF-8")."""
    response = http.post(
        path, content=body, headers={"Content-Type": f"{media}; charset={charset}"}
    )
    assert response.status_code == 415, response.text
    (line,) = response.text.splitlines()
    assert line.startswith("Unsupported Media Type: the body says charset=")


@pytest.mark.parametrize(
    ("path", "method", "media", "body"),
    [
        ("/sparql", "POST", "application/sparql-query", LATIN1),
        ("/sparql", "POST", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/query", "POST", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/sparql", "GET", None, FORM_LATIN1),
        ("/query", "GET", None, FORM_LATIN1),
    ],
)
def test_a_query_that_is_not_utf8_is_refused_not_changed(http, path, method, media, body):
    """Bytes that are not UTF-8 (Latin-1's é, 0xE9) were read as U+FFFD, with no charset
    said too: the query run was not the one sent. They are refused, naming the byte."""
    if method == "GET":
        response = http.get(f"{path}?{body.decode()}")
    else:
        response = http.post(path, content=body, headers={"Content-Type": media})
    assert response.status_code == 400, response.text
    (line,) = response.text.splitlines()
    assert line.startswith("Bad Request: ") and "0xE9" in line


@pytest.mark.parametrize("charset", [None, "utf-8", '"UTF-8"', "utf8", "us-ascii"])
@pytest.mark.parametrize("media", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_a_body_in_utf8_is_read_whatever_it_says_of_it(http, charset, media):
    body = QUERY.encode() if media == "application/sparql-query" else urlencode({"query": QUERY})
    if charset == "us-ascii":  # ASCII is UTF-8: the query's é as an escape
        body = body.replace("é".encode(), b"\\u00E9") if media.endswith("query") else body
    content_type = media if charset is None else f"{media}; charset={charset}"
    response = http.post(
        "/sparql", content=body, headers={"Content-Type": content_type, "Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.text.splitlines() == ["x", "Querétaro"]


# --------------------------------------------------------------------------- what XML can carry

XML_RESULTS = "application/sparql-results+xml"


@pytest.mark.parametrize(
    ("literal", "code"),
    [
        ("a\\u0000b", "U+0000"),
        ("\\u0001", "U+0001"),
        ("x\\u001Fy", "U+001F"),
        ("\\uFFFE", "U+FFFE"),
    ],
)
def test_a_literal_xml_cannot_carry_is_refused_in_xml_not_sent_broken(http, literal, code):
    """NUL, the other C0 controls and U+FFFE were written raw into SPARQL XML results and
    RDF/XML by Oxigraph's writers: no XML parser read the answer. XML 1.0 cannot carry them
    even as references, so the answer is refused (406), naming the character and the formats
    that carry it; JSON carries it unchanged."""
    select = f'SELECT ?x WHERE {{ BIND("{literal}" AS ?x) }}'
    construct = (
        f'CONSTRUCT {{ <http://example.org/a> <http://example.org/b> "{literal}" }} WHERE {{}}'
    )
    for query, accept, formats in [
        (select, XML_RESULTS, "application/sparql-results+json"),
        (construct, "application/rdf+xml", "Turtle"),
    ]:
        response = http.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert response.status_code == 406, response.text
        (line,) = response.text.splitlines()
        assert line.startswith("Not Acceptable: the result is not available as XML: ")
        assert code in line and formats in line
    answer = http.post("/sparql", data={"query": select}, headers={"Accept": "application/json"})
    value = answer.json()["results"]["bindings"][0]["x"]["value"]
    assert value == literal.encode().decode("unicode_escape")


def test_a_carriage_return_in_xml_is_read_back_as_itself(http):
    """A raw carriage return in XML is read as a line feed (XML 1.0 section 2.11): "a\\rb"
    came back "a\\nb". It is written as the reference &#13;."""
    from xml.etree import ElementTree

    select = 'SELECT ?x WHERE { BIND("a\\rb\\r\\nc" AS ?x) }'
    response = http.post("/sparql", data={"query": select}, headers={"Accept": XML_RESULTS})
    assert response.status_code == 200
    values = [
        e.text for e in ElementTree.fromstring(response.content).iter() if e.tag.endswith("literal")
    ]
    assert values == ["a\rb\r\nc"]
    construct = 'CONSTRUCT { <http://example.org/a> <http://example.org/b> "a\\rb" } WHERE {}'
    response = http.post(
        "/sparql", data={"query": construct}, headers={"Accept": "application/rdf+xml"}
    )
    assert response.status_code == 200
    values = [
        e.text for e in ElementTree.fromstring(response.content).iter() if e.text and "a" in e.text
    ]
    assert "a\rb" in values


@pytest.mark.parametrize("predicate", ["http://example.org/1", "http://example.org/"])
def test_a_predicate_rdf_xml_cannot_name_is_refused_not_written_nameless(http, predicate):
    """RDF/XML names a predicate by an XML name its IRI ends with: for one that ends in none,
    Oxigraph wrote `<oxprefix:>`, which is not XML."""
    construct = f'CONSTRUCT {{ <http://example.org/a> <{predicate}> "x" }} WHERE {{}}'
    response = http.post(
        "/sparql", data={"query": construct}, headers={"Accept": "application/rdf+xml"}
    )
    assert response.status_code == 406, response.text
    assert f"the predicate <{predicate}> has no name RDF/XML can write" in response.text


def test_a_query_page_shows_what_html_cannot_carry_as_escapes(http):
    """The query page wrote a result's NUL raw, which a browser leaves out: the page showed
    another value than the result's. It shows each as a sign of one character (␀), so that
    the page is no longer than its values."""
    from html.parser import HTMLParser

    select = 'SELECT ?x WHERE { BIND("a\\u0000b\\u0001c" AS ?x) }'
    response = http.get("/query", params={"query": select})
    assert response.status_code == 200
    cells = []

    class Cells(HTMLParser):
        def handle_data(self, data):
            cells.append(data)

    Cells().feed(response.text)
    assert not any(c in response.text for c in "\x00\x01")
    assert "a\u2400b\u2401c" in cells


def test_a_page_of_values_html_cannot_carry_is_no_longer_than_their_count(http):
    """Shown as escapes (`\\u0000`, six characters each), a result's controls would make a
    query page six times the characters its values bound allows; each is one sign."""
    lengths = []
    for character in ("\\u0000", "\\u0062", "\\u0085"):  # NUL, "b", a C1 control
        query = f'SELECT ?x WHERE {{ BIND(REPLACE("{"a" * 1000}", "a", "{character}") AS ?x) }}'
        response = http.get("/query", params={"query": query})
        assert response.status_code == 200
        lengths.append(len(response.text))
    assert max(lengths) - min(lengths) < 100, lengths


def test_xml_output_sees_a_character_split_across_writes():
    from kg.server.xmltext import NotXml, XmlOutput

    out = io.BytesIO()
    xml = XmlOutput(out)
    xml.write(b"<a>\xef")
    with pytest.raises(NotXml) as refused:
        xml.write(b"\xbf\xbf</a>")
    assert refused.value.character == "\uffff"
    xml = XmlOutput(out := io.BytesIO())
    xml.write("<a>é\r\n€</a>".encode())
    assert out.getvalue() == "<a>é&#13;\n€</a>".encode()


@pytest.fixture(scope="module")
def control_server(published_dist, tmp_path_factory):
    """A server of the published graph with one more literal, of a NUL and a control."""
    import shutil

    dist = tmp_path_factory.mktemp("controls") / "dist"
    shutil.copytree(published_dist, dist)
    with (dist / "kg-inferred.ttl").open("a", encoding="utf-8") as inferred:
        inferred.write(
            "\n<https://kg.example.org/id/organization/iom> "
            '<http://www.w3.org/2000/01/rdf-schema#comment> "Nul\\u0000Ctl\\u0001" .\n'
        )
    yield from _serving(["--memory", "--dist", str(dist)], tmp_path_factory)


def test_a_term_with_a_literal_xml_cannot_carry_is_refused_in_rdf_xml(control_server):
    """A Linked Data document in RDF/XML was written with the NUL raw (and any route that
    writes RDF/XML made one); it is 406 as the endpoint's results are, and the page of the
    term shows the NUL as a sign (␀)."""
    with httpx.Client(base_url=control_server, timeout=60) as http:
        response = http.get("/doc/organization/iom.rdf")
        assert response.status_code == 406, response.text[:300]
        (line,) = response.text.splitlines()
        assert "U+0000" in line and "Turtle" in line
        turtle = http.get("/doc/organization/iom.ttl")
        assert turtle.status_code == 200 and "Nul\\u0000Ctl" in turtle.text
        page = http.get("/doc/organization/iom.html")
        assert page.status_code == 200
        assert "\x00" not in page.text and "Nul\u2400Ctl\u2401" in page.text


# --------------------------------------------------------------------------- kg add's inputs


def _add_in_a_process(source: str, data, cwd, *options: str) -> subprocess.CompletedProcess:
    """`kg add SOURCE` in a process of its own, ended (and the test failed) after a generous
    time rather than hanging the run."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "add", source, "--data", str(data), *options],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_kg_add_of_a_pipe_or_a_device_is_refused_unread(kind, tmp_path, data):
    """`kg add PIPE` of a named pipe no program writes to waited in open() for ever; a
    device (/dev/zero) was read to the input's bound. What is opened without waiting is
    checked to be a regular file; standard input is `-`. (A socket cannot be opened: one
    line, "cannot read: No such device or address", before too.)"""
    import os

    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    if kind == "fifo":
        source = tmp_path / "release.html"
        os.mkfifo(source)
    else:
        source = "/dev/zero"
    try:
        done = _add_in_a_process(str(source), data, tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg add {source} did not end")
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert lines[0] == f"error: {source}: not a regular file (a pipe, a device or a socket): " + (
        "give a file, or - to read standard input"
    )
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("run", ["1,", "1&", "12,", "1,000,"])
def test_a_run_of_figures_and_commas_is_drafted_not_backtracked_for_ever(run, tmp_path, data):
    """After each number, drafting asks whether days listed before a month follow it
    (figures.DAY_BEFORE_A_MONTH): `\\d{1,2}\\S*` repeated let "1,1,1,..." be split among the
    repeats in every way, and a 120-byte text ("1," forty times) made kg add run for ever
    (26 times: 10 s; each more, twice as long). The day's suffix is taken whole."""
    release = tmp_path / "release.txt"
    release.write_text(
        "Desk opens\n\nThe migration office in Tapachula this week opened a desk where people "
        f"in transit can ask about their rights. {run * 40}\n",
        encoding="utf-8",
    )
    url = "https://news.example.org/desk"
    try:
        done = _add_in_a_process(str(release), data, tmp_path, "--url", url, "--publisher", "IOM")
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg add of {run!r} forty times did not end")
    assert done.returncode == 0, done.stderr
    assert "added document 005" in done.stdout


def test_days_listed_before_a_month_are_still_read_so():
    from kg.extraction.figures import DAY_BEFORE_A_MONTH

    for after in [", 6 and 8 August", " and 6 May", "th, 7th & 8th May", ", 6, and 8 August"]:
        assert DAY_BEFORE_A_MONTH.match(after), after
    for after in [" people", ", 6 and 8 people", "1,1,1,1 people"]:
        assert not DAY_BEFORE_A_MONTH.match(after), after


PAGE_HEAD = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Desk opens</title>'
    '<link rel="canonical" href="https://news.example.org/desk"></head><body><article>'
    "<h1>Desk opens</h1><p>The migration office in Tapachula this week opened a desk where "
    "people in transit can ask about their rights.</p>"
)
PAGE_TAIL = "</article></body></html>"


@pytest.fixture
def never_drafted(monkeypatch):
    """The refusal comes before drafting, whose work grows with the text."""
    from kg.extraction import extract as extract_module

    def extract(*args, **kwargs):
        raise AssertionError("the text was drafted")

    monkeypatch.setattr(extract_module, "extract", extract)


@pytest.mark.parametrize(
    ("suffix", "body", "said"),
    [
        # 900,000 of these, one word between spaces: 137 s and 600 MB of drafting
        (".html", "&amp;" * (200_000 + 1), "words and signs"),
        (".txt", "&amp;" * (200_000 + 1), "words and signs"),
        (".html", ". " * (200_000 + 1), "words and signs"),  # (a text: over 50,000 words)
        (".html", "w" * (1_000_000 + 1), "characters of text"),  # 4.9 million: 14 s, 500 MB
        (".txt", "w" * (1_000_000 + 1), "characters of text"),
    ],
)
def test_a_text_of_more_tokens_or_characters_than_a_release_is_refused(
    suffix, body, said, tmp_path, data, never_drafted, capsys
):
    """The words of a release were counted between spaces (at most 50,000), but drafting's
    work grows with its tokens and characters: a run of signs or one endless word passed."""
    from kg.cli import main
    from kg.extraction import pages

    source = tmp_path / f"release{suffix}"
    if suffix == ".html":
        source.write_text(PAGE_HEAD + f"<p>{body}</p>" + PAGE_TAIL, encoding="utf-8")
    else:
        text = html.unescape(body)
        source.write_text(f"Desk opens\n\nThe desk opened this week in Tapachula. {text}\n")
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    status = main(["add", str(source), "--data", str(data), "--url", "https://e.org/x"])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert status == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"error: {source}: ") and said in lines[0]
    limit = pages.MAX_TOKENS if said == "words and signs" else pages.MAX_CHARACTERS
    assert f"at most {limit:,})" in lines[0]
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_a_text_at_the_bounds_is_read():
    from pathlib import Path

    from kg.extraction import pages

    pages.check_length("w" * pages.MAX_CHARACTERS, Path("x.txt"))
    pages.check_length("& " * (pages.MAX_TOKENS // 2) + "&" * (pages.MAX_TOKENS // 2), Path("x"))


@pytest.mark.parametrize(("reference", "code"), [("&#1;", "U+0001"), ("&#x0B;", "U+000B")])
def test_a_page_with_a_control_character_is_refused_saying_so(
    reference, code, tmp_path, data, capsys
):
    """trafilatura builds an XML tree, which holds no control character: a page with `&#1;`
    in its article was read as no text at all, and refused as a page with no article."""
    from kg.cli import main

    page = tmp_path / "release.html"
    body = f"<p>A control {reference} in the text of the release, with words enough.</p>"
    page.write_text(PAGE_HEAD + body + PAGE_TAIL, encoding="utf-8")
    status = main(["add", str(page), "--data", str(data)])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert status == 1 and len(lines) == 1, lines
    assert lines[0] == (
        f"error: {page}: the page holds {code}, a control character the reading of its "
        "article cannot take: remove it from the page"
    )
