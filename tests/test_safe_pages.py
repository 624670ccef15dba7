"""`kg serve` is safe to browse: only http and https IRIs become links, every response carries
a strict Content-Security-Policy and the other security headers, an address that decodes to
an invalid IRI is 404 (not a 500), and no answer names the host a request's Host header gave
(trailing-slash redirects, the Service Description, the query page).

The HTTP tests run against `kg serve` in its own process (fixture `kg_server`); the templates
are also rendered directly with terms the published graph does not have."""

from __future__ import annotations

import re
import socket
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
import pytest

from kg.server.headers import CONTENT_SECURITY_POLICY, SecurityHeaders, slash_location
from kg.server.site import Property, ResourcePage, Site, linkable, valid_iri

BASE = "https://kg.example.org/"
EVIL = "evil.example"
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
}
# IRIs Oxigraph takes whose scheme must never become a link.
SCRIPTED = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(document.domain)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "urn:x-kg:thing",
)
# Strings a browser reads as a javascript: URL although they do not start with the scheme.
DISGUISED = (
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\njavascript:alert(1)",
    "\x00javascript:alert(1)",
    "\x1fjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "javascript\r:alert(1)",
    "https:\\\\evil.example/",
    "https:evil.example",
    "//evil.example/x",
    "",
)
BAD_ESCAPES = ("%20", "%3C", "%3E", "%22", "%7B", "%7D", "%7C", "%5C", "%5E", "%60", "%FF", "%00")


@pytest.fixture(scope="module")
def http(kg_server):
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def site(published_dist) -> Site:
    return Site(published_dist)


@pytest.fixture(scope="module")
def pages(site):
    """The server's pages without query workers, to render templates directly."""
    from kg.server.app import Server

    return Server(site, pool=None)


def links(html: str) -> list[str]:
    return re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html)


def assert_only_safe_links(html: str) -> None:
    for href in links(html):
        href = href.replace("&amp;", "&")
        scheme = urlsplit(href).scheme.lower()
        assert scheme in ("", "http", "https"), href
        assert not href.startswith("//"), href


# --------------------------------------------------------------------------------------------
# Links: http and https only
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("iri", ["http://example.org/a", "https://example.org/a?b=c#d"])
def test_http_and_https_iris_are_linkable(iri):
    assert linkable(iri)


@pytest.mark.parametrize("iri", SCRIPTED + DISGUISED)
def test_other_schemes_are_not_linkable(iri):
    assert not linkable(iri)


def test_site_links_its_own_addresses_and_http_iris_only(site):
    assert site.href(BASE + "id/organization/cndh") == "/id/organization/cndh"
    assert site.href("https://kg.example.org/def/kg#Campaign") == "/def/kg#Campaign"
    assert site.href("http://www.w3.org/ns/org#Organization") == (
        "http://www.w3.org/ns/org#Organization"
    )
    for iri in SCRIPTED + DISGUISED:
        assert site.href(iri) is None, iri
    # An IRI under the base whose path would make a protocol-relative address (another host,
    # to a browser) is linked as the absolute IRI it is, never as `//evil.example/...`.
    assert site.local_path(BASE + "/evil.example/x") is None
    assert site.href(BASE + "/evil.example/x") == BASE + "/evil.example/x"
    for iri in SCRIPTED:
        term = site.term(ox.NamedNode(iri))
        assert term.kind == "iri" and term.href is None and term.label
    # A class outside the prefixes is linked by its IRI as a query parameter, escaped.
    assert site.class_href("urn:x-kg:a#b&c") == "/classes?iri=urn%3Ax-kg%3Aa%23b%26c"


@pytest.mark.parametrize("iri", ["javascript:alert(1)", "JaVaScRiPt:alert(1)"])
def test_query_results_show_a_javascript_iri_as_text(http, iri):
    query = f"SELECT ?x ?y WHERE {{ BIND(<{iri}> AS ?x) BIND(<{BASE}id/place/mexico> AS ?y) }}"
    page = http.get("/query", params={"query": query})
    assert page.status_code == 200
    assert 'id="results"' in page.text
    assert f'title="{iri}"' in page.text  # shown, as text
    assert 'href="javascript' not in page.text.lower()
    assert 'href="/id/place/mexico"' in page.text  # the other IRI is still a link
    assert_only_safe_links(page.text)


def test_query_results_link_no_other_scheme(http):
    values = " ".join(f"(<{iri}>)" for iri in SCRIPTED + ("http://example.org/x",))
    page = http.get("/query", params={"query": f"SELECT ?x WHERE {{ VALUES (?x) {{ {values} }} }}"})
    assert page.status_code == 200
    assert f"{len(SCRIPTED) + 1} rows" in page.text
    assert_only_safe_links(page.text)
    assert 'href="http://example.org/x"' in page.text
    for iri in SCRIPTED:
        assert f'href="{iri}"' not in page.text


def test_templates_render_unlinkable_iris_as_text(site, pages):
    """Every template that links terms, given IRIs with scripted and other schemes."""
    bad = [site.term(ox.NamedNode(iri)) for iri in SCRIPTED]
    good = site.term(ox.NamedNode(BASE + "id/place/mexico"))
    terms = [*bad, good]
    prop = Property("javascript:alert(2)", "p", site.href("javascript:alert(2)"), "p", terms)
    resource = pages.render(
        "resource.html",
        request=None,
        page=ResourcePage(
            iri=BASE + "id/place/mexico",
            label="Mexico",
            types=[],
            descriptions=[],
            properties=[prop],
            incoming=[prop],
            evidence=[],
            charts=[],
        ),
        alternates=[],
    ).decode()
    graph = pages.render(
        "graph.html", request=None, iri=BASE + "graph/x", triples=1, members=terms
    ).decode()
    search = pages.render(
        "search.html",
        request=None,
        q="x",
        things=[(t, [(t.label, True)], [], "name") for t in terms],
        passages=[
            {
                "document": t,
                "document_id": "x",
                "source": t.href,
                "start": 0,
                "end": 1,
                "pieces": [(t.value, True)],
                "facts": terms,
            }
            for t in terms
        ],
        found=None,
        pager={},
    ).decode()
    members = pages.render(
        "class.html", request=None, cls=bad[0], curie="x", members=terms
    ).decode()
    home = pages.render(
        "index.html",
        request=None,
        documents=[{"doc": "javascript:alert(3)", "id": "x", "headline": "x"}],
        organizations=terms,
        classes=[],
        chart=None,
        queries=0,
        inferred=0,
    ).decode()
    for html in (resource, graph, search, members, home):
        assert_only_safe_links(html)
        assert 'href="/id/place/mexico"' in html
        assert "javascript:alert(1)" in html  # shown as text
        for iri in SCRIPTED:
            assert f'href="{iri}"' not in html


def test_search_json_gives_no_link_for_what_is_not_linkable(http):
    found = http.get("/search", params={"q": "cndh", "format": "json"}).json()
    assert found and all(item["href"].startswith("/") for item in found)


# --------------------------------------------------------------------------------------------
# Security headers
# --------------------------------------------------------------------------------------------


def assert_security_headers(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.request.url, name)


@pytest.mark.parametrize(
    "path, accept",
    [
        ("/", "text/html"),
        ("/query", "text/html"),
        ("/query?example=victims-assisted-over-time", "text/html"),
        ("/doc/organization/cndh", "text/html"),
        ("/doc/organization/cndh.ttl", "*/*"),
        ("/doc/observation/000/victims-assisted", "text/html"),
        ("/classes", "text/html"),
        ("/classes/org:Organization", "text/html"),
        ("/search?q=juarez", "text/html"),
        ("/search?q=juarez&format=json", "*/*"),
        ("/def/kg", "text/html"),
        ("/graph/document/000", "text/html"),
        ("/downloads", "text/html"),
        ("/dist/kg.ttl", "*/*"),
        ("/dist/void.ttl", "*/*"),
        ("/static/kg.css", "*/*"),
        ("/static/kg.js", "*/*"),
        ("/sparql?query=ASK%7B%7D", "application/sparql-results+json"),
        ("/sparql?query=SELECT%20*%20%7B", "application/sparql-results+json"),  # 400
        ("/sparql", "text/turtle"),  # the Service Description
        ("/id/organization/cndh", "text/html"),  # 303
        ("/id/organization/nobody", "text/html"),  # 404 page
        ("/nothing/at/all", "text/plain"),  # 404 from the router
        ("/downloads/", "text/html"),  # 307
    ],
)
def test_every_response_has_the_security_headers(http, path, accept):
    response = http.get(path, headers={"Accept": accept})
    assert response.status_code < 500
    assert_security_headers(response)


def test_post_preflight_and_304_have_the_security_headers(http):
    post = http.post("/sparql", data={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert post.status_code == 200
    assert_security_headers(post)
    preflight = http.options(
        "/sparql",
        headers={
            "Origin": "https://client.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert_security_headers(preflight)
    page = http.get("/doc/organization/cndh.ttl")
    again = http.get("/doc/organization/cndh.ttl", headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304
    assert_security_headers(again)


def test_cors_still_works(http):
    response = http.get(
        "/sparql",
        params={"query": "ASK {}"},
        headers={"Origin": "https://client.example", "Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]
    assert_security_headers(response)


def test_the_policy_is_strict():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/query?example=victims-assisted-over-time",
        "/doc/organization/cndh",
        "/doc/observation/000/victims-assisted",
        "/classes",
        "/classes/org:Organization",
        "/search?q=juarez",
        "/def/kg",
        "/graph/document/000",
        "/downloads",
        "/id/organization/nobody",
    ],
)
def test_pages_need_nothing_the_policy_refuses(http, path):
    """No inline script, style block, style attribute or event handler; scripts and
    stylesheets from the server itself."""
    html = http.get(path, headers={"Accept": "text/html"}, follow_redirects=True).text
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html)
    for src in re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"', html):
        assert src.startswith("/") and not src.startswith("//"), src
    assert_only_safe_links(html)


def test_static_files_are_served_with_their_types(http):
    css = http.get("/static/kg.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ".chart-bar" in css.text
    script = http.get("/static/kg.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "data-submit" in script.text


def test_the_middleware_keeps_a_policy_the_app_set():
    import asyncio

    sent = []

    async def app(scope, receive, send):
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-security-policy", b"sandbox")],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        sent.append(message)

    asyncio.run(SecurityHeaders(app)({"type": "http", "headers": []}, None, send))
    headers = dict(sent[0]["headers"])
    assert headers[b"content-security-policy"] == b"sandbox"
    assert headers[b"x-frame-options"] == b"DENY"


# --------------------------------------------------------------------------------------------
# Invalid IRIs are not found
# --------------------------------------------------------------------------------------------


def test_valid_iri():
    assert valid_iri(BASE + "id/place/mexico")
    for escape in ("a b", "<", '"', "{", "\ufffd", "\x00", "%zz", "\\"):
        assert not valid_iri(BASE + "id/" + escape)


@pytest.mark.parametrize("escape", BAD_ESCAPES + ("%25zz", "a%20b", "%E2%80%AE"))
@pytest.mark.parametrize(
    "prefix", ["/id/", "/doc/", "/doc/place/", "/graph/", "/graph/document/", "/source/"]
)
@pytest.mark.parametrize("accept", ["text/html", "text/turtle"])
def test_addresses_of_invalid_iris_are_404(http, prefix, escape, accept):
    for path in (prefix + escape, prefix + escape + ".ttl", prefix + "x" + escape + "y"):
        response = http.get(path, headers={"Accept": accept})
        assert response.status_code == 404, path
        assert_security_headers(response)


@pytest.mark.parametrize("escape", BAD_ESCAPES + ("%25zz",))
def test_class_pages_of_invalid_iris_are_404(http, escape):
    for path in (f"/classes/{escape}", f"/classes/org:{escape}", f"/classes/org:a{escape}b"):
        assert http.get(path).status_code == 404, path
    for value in ("a b", "<x>", '"', "{", "\x00", "\ufffd", "%zz", "javascript:alert(1)"):
        response = http.get("/classes", params={"iri": f"http://www.w3.org/ns/org#{value}"})
        assert response.status_code == 404, value
        assert http.get("/classes", params={"iri": value}).status_code == 404, value


@pytest.mark.parametrize("value", ["a b", "<", '"', "{", "\x00", "\ufffd", "%zz", "\\", "'"])
def test_search_for_odd_text_answers(http, value):
    for fmt in ("json", "html"):
        response = http.get("/search", params={"q": value, "format": fmt})
        assert response.status_code == 200, (value, fmt)


# --------------------------------------------------------------------------------------------
# No answer names the host of the Host header
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, location",
    [
        ("/downloads/", "/downloads"),
        ("/query/", "/query"),
        ("/sparql/", "/sparql"),
        ("/search/", "/search"),
        ("/.well-known/void/", "/.well-known/void"),
        ("/search/?q=ciudad%20ju%C3%A1rez", "/search?q=ciudad%20ju%C3%A1rez"),
        ("/query//?example=x&format=y", "/query?example=x&format=y"),
        ("/downloads///", "/downloads"),
    ],
)
def test_trailing_slash_redirects_are_relative(http, path, location):
    response = http.get(path, headers={"Host": EVIL})
    assert response.status_code == 307
    assert response.headers["location"] == location
    assert EVIL not in response.text
    followed = http.get(path, follow_redirects=True)
    assert followed.status_code in (200, 303, 400)


def test_a_post_with_a_trailing_slash_is_redirected_relative(http):
    response = http.post("/sparql/", data={"query": "ASK {}"}, headers={"Host": EVIL})
    assert response.status_code == 307 and response.headers["location"] == "/sparql"


def raw_get(address: str, target: str, host: str = EVIL) -> tuple[int, dict[str, str]]:
    """A GET of a request-target exactly as given (clients would normalize `//x/`)."""
    parts = urlsplit(address)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(head[0].split()[1]), headers


@pytest.mark.parametrize(
    "target", ["//evil.example/", "//downloads/", "///downloads/", "//evil.example/query/"]
)
def test_no_redirect_to_another_host(kg_server, target):
    status, headers = raw_get(kg_server, target)
    assert status == 404, target
    assert "location" not in headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_slash_location_names_paths_only():
    from starlette.routing import Route

    routes = [Route("/downloads", lambda r: None), Route("/id/{path:path}", lambda r: None)]

    def scope(path: str, query: bytes = b"") -> dict:
        return {"type": "http", "path": path, "query_string": query, "method": "GET"}

    assert slash_location(scope("/downloads/", b"a=1"), routes) == "/downloads?a=1"
    assert slash_location(scope("/downloads"), routes) is None
    assert slash_location(scope("/"), routes) is None
    assert slash_location(scope("//downloads/"), routes) is None
    assert slash_location(scope("/nothing/"), routes) is None


def test_service_description_names_the_configured_base(http):
    for accept in ("text/turtle", "application/n-triples", "application/rdf+xml"):
        response = http.get("/sparql", headers={"Host": EVIL, "Accept": accept})
        assert response.status_code == 200
        assert EVIL not in response.text
    turtle = http.get("/sparql", headers={"Host": EVIL, "Accept": "text/turtle"})
    triples = {q.triple for q in ox.parse(turtle.content, format=ox.RdfFormat.TURTLE)}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = ox.NamedNode(BASE + "sparql")
    assert ox.Triple(endpoint, ox.NamedNode(sd + "endpoint"), endpoint) in triples


def test_pages_do_not_name_the_host(http):
    for path in ("/query", "/", "/doc/organization/cndh", "/downloads", "/nothing"):
        response = http.get(path, headers={"Host": EVIL, "Accept": "text/html"})
        assert EVIL not in response.text, path
        assert EVIL not in response.headers.get("location", ""), path
    page = http.get("/query", headers={"Host": EVIL})
    assert "<span data-absolute>/sparql</span>" in page.text
    redirect = http.get("/id/organization/cndh", headers={"Host": EVIL, "Accept": "text/html"})
    assert redirect.status_code == 303
    assert redirect.headers["location"] == "/doc/organization/cndh"
    assert EVIL not in redirect.text


# --------------------------------------------------------------------------------------------
# In a browser: the policy refuses nothing the pages use
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def logging_browser(tmp_path_factory):
    """Headless Chromium as in tests/test_browser.py, keeping the console's messages (where
    Chromium reports what a Content-Security-Policy refused)."""
    from test_browser import chromium

    yield from chromium(tmp_path_factory, console=True)


def test_the_browser_reports_no_policy_violation(logging_browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser = logging_browser
    browser.get_log("browser")  # start afresh
    for path in (
        "/",
        "/query?example=victims-assisted-over-time",
        "/doc/organization/cndh",
        "/doc/observation/000/victims-assisted",
        "/classes",
        "/search?q=juarez",
        "/def/kg",
        "/graph/document/000",
        "/downloads",
    ):
        browser.get(kg_server + path)
        WebDriverWait(browser, 15).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        # The stylesheet applied (the header's dark background) ...
        background = browser.execute_script(
            "return getComputedStyle(document.querySelector('header.top')).backgroundColor"
        )
        assert background == "rgb(29, 35, 48)", path
        messages = [
            entry["message"]
            for entry in browser.get_log("browser")
            if "Content Security Policy" in entry["message"] or entry["level"] == "SEVERE"
        ]
        assert not [m for m in messages if "favicon.ico" not in m], (path, messages)
    # ... and the script ran: the endpoint of the curl command is made whole from the address
    # the browser reached.
    browser.get(kg_server + "/query")
    endpoint = browser.find_element(By.CSS_SELECTOR, "[data-absolute]")
    WebDriverWait(browser, 15).until(lambda d: endpoint.text == kg_server + "/sparql")
