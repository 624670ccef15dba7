"""Content negotiation by profile (W3C dx-prof-conneg) over real HTTP: facts only, facts with
evidence, the Data Cube view, the default description; `Accept-Profile` and `_profile`,
`Content-Profile`, the `Link` header's profile and alternates, `_profile=alt`, the profiles'
document and the service description, and what is refused.

Each test runs on `kg serve --dist` and `kg serve --store`; the expected triples are worked
out here from the published graph, by SPARQL, not by the server's code."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.server import profiles

BASE = "https://kg.example.org/"
CNDH = BASE + "id/organization/cndh"
OBSERVATION = BASE + "id/observation/000/victims-assisted"
DOCUMENT = BASE + "id/document/000"
P = profiles.NS
OA = "http://www.w3.org/ns/oa#"
QB = "http://purl.org/linked-data/cube#"
PREFIXES = """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
EVIDENCE_CLASSES = (
    "oa:Annotation oa:SpecificResource oa:TextQuoteSelector oa:TextPositionSelector rdf:Statement"
)
FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module", params=["dist", "store"])
def server(request) -> str:
    return request.getfixturevalue("kg_server" if request.param == "dist" else "kg_store_server")


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


def graph_of(response: httpx.Response) -> set[ox.Triple]:
    media = response.headers["content-type"].split(";")[0]
    return {q.triple for q in ox.parse(response.content, format=FORMATS[media], base_iri=BASE)}


def rows(published_graph, query: str) -> list[dict]:
    return published_graph.sparql(PREFIXES + query).rows


def evidence_nodes(published_graph) -> set[str]:
    found = rows(
        published_graph,
        f"SELECT DISTINCT ?e WHERE {{ VALUES ?c {{ {EVIDENCE_CLASSES} }} ?e a ?c }}",
    )
    return {row["e"] for row in found}


def description(published_graph, iri: str) -> set[ox.Triple]:
    node = ox.NamedNode(iri)
    store = published_graph.store
    return {
        q.triple
        for pattern in ((node, None, None), (None, None, node))
        for q in store.quads_for_pattern(*pattern, ox.DefaultGraph())
    }


def links(response: httpx.Response) -> list[dict]:
    """The Link header's entries: target and parameters (an RFC 8288 reading good enough for
    what kg writes: no commas or semicolons inside targets or values)."""
    out = []
    for entry in response.headers["link"].split(", <"):
        target, *params = entry.split("; ")
        fields = {"url": target.strip("<>")}
        for param in params:
            key, _, value = param.partition("=")
            fields[key] = value.strip('"')
        out.append(fields)
    return out


# --------------------------------------------------------------------------------------------
# The profiles
# --------------------------------------------------------------------------------------------


def test_facts_only_is_the_description_without_its_evidence(http, published_graph):
    response = http.get("/doc/organization/cndh.ttl", params={"_profile": "facts"})
    assert response.status_code == 200
    assert response.headers["content-profile"] == f"<{P}facts>"
    evidence = evidence_nodes(published_graph)
    node = ox.NamedNode(CNDH)
    expected = {
        t
        for t in description(published_graph, CNDH)
        if (t.object if t.subject == node else t.subject).value not in evidence
    }
    got = graph_of(response)
    assert got == expected
    assert len(description(published_graph, CNDH) - got) == 6  # the six annotations' oa:hasBody
    assert not any(t.predicate.value.startswith(OA) for t in got)
    label = ox.Literal("National Human Rights Commission", language="en")
    assert ox.Triple(node, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), label) in got
    # the same by the header, its IRI in angle brackets
    by_header = http.get("/doc/organization/cndh.ttl", headers={"Accept-Profile": f"<{P}facts>"})
    assert by_header.content == response.content
    assert by_header.headers["content-profile"] == f"<{P}facts>"
    assert by_header.headers["etag"] != http.get("/doc/organization/cndh.ttl").headers["etag"]


def test_facts_with_evidence_carries_the_quotes_and_where_they_are(
    http, published_graph, published_dist
):
    response = http.get("/doc/observation/000/victims-assisted.nt", params={"_profile": "evidence"})
    assert response.headers["content-profile"] == f"<{P}evidence>"
    got = graph_of(response)
    assert description(published_graph, OBSERVATION) <= got
    # every annotation of the observation, with its target and both selectors
    quotes = rows(
        published_graph,
        f"""SELECT ?a ?exact ?start ?end ?file WHERE {{
          ?a oa:hasBody <{OBSERVATION}> ; oa:hasTarget ?t .
          ?t oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?doc <https://kg.example.org/def/kg#sourceText> ?file }} ORDER BY ?a""",
    )
    assert len(quotes) == 2
    exact = ox.NamedNode(OA + "exact")
    shown = {t.object.value for t in got if t.predicate == exact}
    assert shown == {row["exact"] for row in quotes}
    for row in quotes:
        text = (published_dist / "sources" / row["file"].rsplit("/", 1)[1]).read_text("utf-8")
        assert text[row["start"] : row["end"]] == row["exact"]
        assert any(t.subject.value == row["a"] for t in got)
    # nothing but the observation's own description and its evidence
    evidence = evidence_nodes(published_graph)
    extra = got - description(published_graph, OBSERVATION)
    assert extra and all(t.subject.value in evidence for t in extra)


def test_the_data_cube_view_of_a_press_release(http, published_graph):
    response = http.get("/doc/document/000.ttl", params={"_profile": "qb"})
    assert response.status_code == 200
    assert response.headers["content-profile"] == f"<{P}qb>"
    got = graph_of(response)
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in got)
    expected = {
        row["o"]
        for row in rows(
            published_graph,
            f"SELECT ?o WHERE {{ ?o prov:wasDerivedFrom <{DOCUMENT}> ; a qb:Observation }}",
        )
    }
    found = {str(s["o"].value) for s in store.query(PREFIXES + "SELECT ?o { ?o a qb:Observation }")}
    assert found == expected and len(found) == 13
    # well-formed (the Data Cube's integrity constraints 1, 2 and 11): one data set an
    # observation, one structure a data set, every dimension of the structure on each
    for ic in (
        "ASK { ?o a qb:Observation . FILTER NOT EXISTS { ?o qb:dataSet ?d } }",
        "ASK { ?o a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER(?d1 != ?d2) }",
        "ASK { ?d a qb:DataSet . FILTER NOT EXISTS { ?d qb:structure ?s } }",
        "ASK { ?d qb:structure ?s1, ?s2 . FILTER(?s1 != ?s2) }",
        """ASK { ?o qb:dataSet/qb:structure/qb:component/qb:dimension ?dim .
                 FILTER NOT EXISTS { ?o ?dim ?v } }""",
    ):
        assert not store.query(PREFIXES + ic), ic
    assert store.query(PREFIXES + "ASK { ?s a qb:DataStructureDefinition ; qb:component ?c }")
    assert not any(t.predicate.value.startswith(OA) for t in got)
    # an observation's view: itself, its data set and structure
    one = graph_of(http.get("/doc/observation/000/victims-assisted.nt?_profile=qb"))
    assert {t.subject.value for t in one if t.object.value == QB + "Observation"} == {OBSERVATION}
    assert one < got


def test_a_profile_not_given_for_a_thing_gets_the_default_and_says_so(http):
    default = http.get("/doc/organization/cndh.ttl")
    assert default.headers["content-profile"] == f"<{P}description>"
    for params, headers in (
        ({"_profile": "qb"}, {}),  # no statistics: no Data Cube view of an organization
        ({"_profile": "urn:x-nothing"}, {}),
        ({}, {"Accept-Profile": "<urn:x-nothing>, <https://example.org/p>;q=0.5"}),
        ({}, {"Accept-Profile": f"<{P}facts>;q=0"}),  # refused: not wanted
    ):
        response = http.get("/doc/organization/cndh.ttl", params=params, headers=headers)
        assert response.status_code == 200
        assert response.headers["content-profile"] == f"<{P}description>"
        assert response.content == default.content
    assert f"{P}qb" not in default.headers["link"]
    # the HTML page is the evidence profile's; one that has no HTML falls back to it
    page = http.get("/doc/organization/cndh", headers={"Accept": "text/html"})
    assert page.headers["content-profile"] == f"<{P}evidence>"
    only_html = http.get(
        "/doc/document/000", params={"_profile": "qb"}, headers={"Accept": "text/html"}
    )
    assert only_html.headers["content-type"].startswith("text/html")
    assert only_html.headers["content-profile"] == f"<{P}evidence>"


def test_the_client_s_preference_among_profiles(http):
    for header, expected in (
        (f"<{P}facts>;q=0.5, <{P}evidence>;q=0.9", "evidence"),
        (f"<{P}facts>, <{P}evidence>", "facts"),  # equal weights: the client's order
        ("<urn:x-nothing>, facts", "facts"),  # a token, without brackets
        (f"<{P}qb>;q=1, <{P}facts>;q=0.2", "facts"),  # the first is not given for CNDH
        (f"<{P}FACTS>", "description"),  # IRIs are compared as they are
    ):
        response = http.get("/doc/organization/cndh.ttl", headers={"Accept-Profile": header})
        assert response.headers["content-profile"] == f"<{P}{expected}>", header
    # the parameter wins over the header; a list of them, first preferred
    both = http.get(
        "/doc/organization/cndh.ttl",
        params={"_profile": "evidence"},
        headers={"Accept-Profile": f"<{P}facts>"},
    )
    assert both.headers["content-profile"] == f"<{P}evidence>"
    listed = http.get("/doc/organization/cndh.ttl", params={"_profile": "qb,urn:x,facts"})
    assert listed.headers["content-profile"] == f"<{P}facts>"


def test_a_thing_is_303d_to_the_representation_of_its_profile(http):
    response = http.get(
        "/id/observation/000/victims-assisted",
        headers={"Accept": "text/turtle", "Accept-Profile": f"<{P}qb>"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/doc/observation/000/victims-assisted.ttl?_profile=qb"
    assert response.headers["vary"].startswith("Accept, Accept-Profile")
    followed = http.get(response.headers["location"])
    assert followed.headers["content-profile"] == f"<{P}qb>"
    page = http.get("/id/organization/cndh", params={"_profile": "facts", "page": "2"})
    # facts has no HTML: a client that takes anything gets Turtle, the page asked of it too
    # (the links to a thing come in pages in RDF as in HTML)
    assert page.headers["location"] == "/doc/organization/cndh.ttl?_profile=facts&page=2"
    html = http.get("/id/place/mexico", params={"page": "2"}, headers={"Accept": "text/html"})
    assert html.headers["location"] == "/doc/place/mexico?page=2"


def test_every_alternate_in_the_link_header_is_what_it_says(http):
    response = http.get("/doc/document/000", headers={"Accept": "text/html"})
    entries = links(response)
    assert {"url": f"{P}evidence", "rel": "profile"} in entries
    assert {"url": DOCUMENT, "rel": "describes"} in entries
    alternates = [e for e in entries if e["rel"] == "alternate"]
    offered = {(e["type"], e["profile"]) for e in alternates}
    # four profiles (the Data Cube's too: the release states statistics), their formats, less
    # the one sent
    assert len(alternates) == len(offered) == 4 * 4 + 1 - 1
    assert ("text/html", f"{P}evidence") not in offered
    for entry in alternates:
        got = http.get(entry["url"])
        assert got.status_code == 200, entry
        assert got.headers["content-type"].split(";")[0] == entry["type"], entry
        assert got.headers["content-profile"] == f"<{entry['profile']}>", entry
        assert got.headers["content-profile"] == f"<{P}description>" or "_profile=" in entry["url"]


def test_alt_lists_the_representations(http):
    listed = http.get(
        "/doc/document/000", params={"_profile": "alt"}, headers={"Accept": "text/turtle"}
    )
    assert listed.status_code == 200
    assert listed.headers["content-profile"] == f"<{profiles.ALT_IRI}>"
    graph = graph_of(listed)
    altr = profiles.ALTR
    document = ox.NamedNode(DOCUMENT)
    representations = {
        t.object for t in graph if t.subject == document and t.predicate.value.startswith(altr)
    }
    described = {
        (
            next(
                t.object.value
                for t in graph
                if t.subject == r and t.predicate.value.endswith("format")
            ),
            next(
                t.object.value
                for t in graph
                if t.subject == r and t.predicate.value.endswith("conformsTo")
            ),
        )
        for r in representations
    }
    assert len(described) == 17
    default = [t.object for t in graph if t.predicate.value == altr + "hasDefaultRepresentation"]
    assert default == [ox.NamedNode(BASE + "doc/document/000")]
    page = http.get(
        "/doc/document/000",
        headers={"Accept": "text/html", "Accept-Profile": f"<{profiles.ALT_IRI}>"},
    )
    assert page.headers["content-profile"] == f"<{profiles.ALT_IRI}>"
    for entry in links(page):
        if entry["rel"] == "alternate":
            assert f'href="{entry["url"].replace("&", "&amp;")}"' in page.text
    assert "Data Cube" in page.text and "Facts only" in page.text


# --------------------------------------------------------------------------------------------
# Where the profiles are described
# --------------------------------------------------------------------------------------------


def test_the_resource_page_lists_its_profiles(http):
    page = http.get("/doc/observation/000/victims-assisted", headers={"Accept": "text/html"})
    section = page.text.split('id="profiles"', 1)[1].split("</details>", 1)[0]
    for token in ("description", "facts", "evidence", "qb"):
        assert f'href="/def/profiles#{token}"' in section
    assert 'href="/doc/observation/000/victims-assisted.ttl?_profile=qb"' in section
    assert 'href="/doc/observation/000/victims-assisted?_profile=alt"' in section
    assert "<strong>HTML</strong> (shown)" in section


def test_the_profiles_document_and_the_service_description(http):
    source = Path(profiles.__file__).with_name("profiles.ttl").read_bytes()
    expected = {q.triple for q in ox.parse(source, format=ox.RdfFormat.TURTLE)}
    document = http.get("/def/profiles", headers={"Accept": "text/turtle"})
    assert graph_of(document) == expected
    assert graph_of(http.get("/def/profiles.nt")) == expected
    page = http.get("/def/profiles", headers={"Accept": "text/html"})
    for token in ("description", "facts", "evidence", "qb"):
        assert f'id="{token}"' in page.text and f"{P}{token}" in page.text
    assert http.get("/def/profiles.png").status_code == 404
    described = graph_of(http.get("/sparql", headers={"Accept": "text/turtle"}))
    prof = "http://www.w3.org/ns/dx/prof/"
    tokens = {
        t.subject.value: t.object.value for t in described if t.predicate.value == prof + "hasToken"
    }
    assert tokens == {P + t: t for t in ("description", "facts", "evidence", "qb")}
    see_also = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
    assert (
        ox.Triple(ox.NamedNode(BASE + "sparql"), see_also, ox.NamedNode(profiles.PROFILES_IRI))
        in described
    )


# --------------------------------------------------------------------------------------------
# What is refused
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("_profile=facts&_profile=evidence", "give it once, not 2 times"),
        ("_profile=", "1 to 1,000 characters"),
        ("_profile=" + "a" * 1001, "1 to 1,000 characters"),
        ("_profile=facts%20", "no spaces or control characters"),
        ("_profile=facts%0Aevidence", "no spaces or control characters"),
        ("_profile=%00", "no spaces or control characters"),
        ("_profile=" + ",".join(["x"] * 17), "at most 16 profiles, not 17"),
    ],
)
def test_a_profile_parameter_kg_does_not_read_is_400(http, query, problem):
    for path in ("/doc/organization/cndh.ttl", "/id/organization/cndh"):
        response = http.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert response.text.startswith("Bad Request: _profile: ")
        assert problem in response.text and response.text.count("\n") == 1


def test_an_accept_profile_header_is_read_within_bounds(http):
    # 4 KiB of entries, then facts: what follows the first 4 KiB is not read
    padding = ", ".join(["<urn:x:nothing>"] * 300)
    late = http.get(
        "/doc/organization/cndh.ttl", headers={"Accept-Profile": padding + f", <{P}facts>"}
    )
    assert late.headers["content-profile"] == f"<{P}description>"
    early = http.get(
        "/doc/organization/cndh.ttl", headers={"Accept-Profile": f"<{P}facts>, " + padding}
    )
    assert early.headers["content-profile"] == f"<{P}facts>"
    # 65 entries: the 65th is not read
    many = ", ".join(["<urn:x:nothing>"] * 64 + [f"<{P}facts>"])
    assert len(many) < 4096
    response = http.get("/doc/organization/cndh.ttl", headers={"Accept-Profile": many})
    assert response.headers["content-profile"] == f"<{P}description>"
    # a weight that cannot be read refuses the profile, never takes it at q=1
    for weight in ("abc", "1.5", "nan", "-1"):
        odd = http.get(
            "/doc/organization/cndh.ttl", headers={"Accept-Profile": f"<{P}facts>;q={weight}"}
        )
        assert odd.headers["content-profile"] == f"<{P}description>", weight
    huge = http.get("/doc/organization/cndh.ttl", headers={"Accept-Profile": "," * 30_000})
    assert huge.status_code == 200
    # past 32 KiB of header fields a head is refused before it is read (tests/test_probes_round10)
    past = http.get("/doc/organization/cndh.ttl", headers={"Accept-Profile": "," * 60_000})
    assert past.status_code == 431


def test_no_acceptable_format_is_406_and_cors_allows_the_headers(http):
    refused = http.get("/doc/organization/cndh", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "_profile=alt" in refused.text
    preflight = http.options(
        "/doc/organization/cndh",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept-profile",
        },
    )
    assert preflight.status_code == 200
    assert "accept-profile" in preflight.headers["access-control-allow-headers"].lower()
    answer = http.get("/doc/organization/cndh.ttl", headers={"Origin": "https://example.org"})
    assert "content-profile" in answer.headers["access-control-expose-headers"].lower()


def test_profile_pages_load_nothing_from_another_host(http):
    for path in ("/def/profiles", "/doc/organization/cndh?_profile=alt", "/doc/document/000"):
        html = http.get(path, headers={"Accept": "text/html"}).text
        for src in re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"', html):
            assert src.startswith("/") and not src.startswith("//"), (path, src)


def test_the_link_header_of_a_description_is_ascii_whatever_its_thing_is_named():
    """The thing a description describes and the alternates' addresses go into the Link
    header as URIs: a name outside Latin-1 ("şanlıurfa") made a header Starlette cannot
    encode, and one within it ("querétaro") went out as Latin-1 bytes, which no client reads
    as the IRI's UTF-8."""
    sent = profiles.Representation(None, "turtle", "/id/place/şanlıurfa?_format=ttl")
    other = profiles.Representation(None, "jsonld", "/id/place/querétaro?_format=jsonld")
    value = profiles.link_header("https://example.org/id/place/şanlıurfa", sent, [other])
    value.encode("ascii")
    assert '<https://example.org/id/place/%C5%9Fanl%C4%B1urfa>; rel="describes"' in value
    assert "</id/place/quer%C3%A9taro?_format=jsonld>" in value
