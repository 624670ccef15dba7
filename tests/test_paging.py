"""Paged listings (`kg.server.paging`, issue 18): the members of a class, the quotes and links
of a resource, a SELECT's rows on /query, the downloads and a named graph's subjects.

Pages are cut in a stable order (the code point order of IRIs, computed once per listing);
walking the `next` links from the first page meets every item once, in that order, on
`kg serve --dist` and `kg serve --store` alike. `page` and `limit` are hostile input: each
bound is tried, and each refusal is a one-line 400; a page past the last is 404."""

from __future__ import annotations

import re

import httpx
import pyoxigraph as ox
import pytest

from kg.server import listings, paging
from kg.server.listings import GroupedTerms, SortedTerms
from kg.server.paging import Page, Paging, PagingError, PastTheEnd
from kg.server.site import Site

BASE = "https://kg.example.org/"
MEXICO = BASE + "id/place/mexico"
OA = "http://www.w3.org/ns/oa#"
ANNOTATION = OA + "Annotation"
HYDRA = "http://www.w3.org/ns/hydra/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def site(published_dist) -> Site:
    return Site(published_dist)


@pytest.fixture(scope="module", params=["dist", "store"])
def http(request):
    server = request.getfixturevalue("kg_server" if request.param == "dist" else "kg_store_server")
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client


def walk(http: httpx.Client, address: str, **params) -> list[httpx.Response]:
    """Every page of a listing, from its first by the `next` links of the Link headers."""
    pages = [http.get(address, params=params)]
    while "next" in pages[-1].links:
        assert pages[-1].status_code == 200, pages[-1].text
        pages.append(http.get(pages[-1].links["next"]["url"]))
        assert len(pages) < 1000
    assert pages[-1].status_code == 200, pages[-1].text
    return pages


def member_iris(html: str) -> list[str]:
    listing = html.split('id="members"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'title="([^"]+)"', listing)


# --------------------------------------------------------------------------------------------
# The parameters: parsed strictly, bounded
# --------------------------------------------------------------------------------------------


def test_page_and_limit_are_read():
    assert paging.parse([]) == Paging(1, paging.DEFAULT_LIMIT, False)
    assert paging.parse([("page", "3"), ("limit", "20"), ("q", "x")]) == Paging(3, 20, True)
    assert paging.parse([("limit", "5")], default_limit=1000) == Paging(1, 5, True)
    assert paging.parse([], default_limit=1000).limit == 1000
    # the bounds themselves are allowed
    assert paging.parse([("page", str(paging.MAX_PAGE))]).page == paging.MAX_PAGE
    assert paging.parse([("limit", str(paging.MAX_LIMIT))]).limit == paging.MAX_LIMIT
    assert paging.parse([("page", "1"), ("limit", "1")]) == Paging(1, 1, True)


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ([("page", "0")], "page: a whole number from 1 to 10,000,000, not '0'"),
        ([("page", "-1")], "not '-1'"),
        ([("page", "+1")], "not '+1'"),  # int() takes it
        ([("page", " 1")], "not ' 1'"),  # int() takes it
        ([("page", "1_0")], "not '1_0'"),  # int() takes it
        ([("page", "\u0661")], "not '\u0661'"),  # ARABIC-INDIC DIGIT ONE: int() takes it
        ([("page", "01")], "not '01'"),
        ([("page", "1.0")], "not '1.0'"),
        ([("page", "1e3")], "not '1e3'"),
        ([("page", "")], "not ''"),
        ([("page", "x")], "not 'x'"),
        ([("page", str(paging.MAX_PAGE + 1))], "not '10000001'"),
        ([("page", "9" * 5000)], "not '99999999999999999999'…"),  # never given to int()
        ([("limit", "0")], "limit: a whole number from 1 to 1,000, not '0'"),
        ([("limit", str(paging.MAX_LIMIT + 1))], "limit: a whole number from 1 to 1,000"),
        ([("page", "1"), ("page", "2")], "page: give it once, not 2 times"),
        ([("limit", "5"), ("limit", "5")], "limit: give it once, not 2 times"),
    ],
)
def test_bad_parameters_are_refused_with_one_line(params, reason):
    with pytest.raises(PagingError) as refused:
        paging.parse(params)
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 120


def test_a_page_past_the_last_is_not_found():
    assert paging.page_of(Paging(3, 10), 21, "x") == Page(3, 10, 21)
    with pytest.raises(PastTheEnd, match=r"page 4 is past the last page \(3\) of x \(21 at 10"):
        paging.page_of(Paging(4, 10), 21, "x")
    # an empty listing has one page, empty
    empty = paging.page_of(Paging(1, 10), 0, "x")
    assert (empty.last, empty.start, empty.end, empty.several) == (1, 0, 0, False)
    with pytest.raises(PastTheEnd):
        paging.page_of(Paging(2, 10), 0, "x")


def test_links_to_the_other_pages():
    page = Page(2, 10, 35)
    links = paging.links("/classes", [("iri", "http://x/a b")], Paging(2, 10, False), page)
    assert links == {
        "first": "/classes?iri=http%3A%2F%2Fx%2Fa+b",
        "prev": "/classes?iri=http%3A%2F%2Fx%2Fa+b",
        "next": "/classes?iri=http%3A%2F%2Fx%2Fa+b&page=3",
        "last": "/classes?iri=http%3A%2F%2Fx%2Fa+b&page=4",
    }
    # a limit the client chose is kept; on the first page there is no prev
    first = paging.links("/x", [], Paging(1, 10, True), Page(1, 10, 35))
    assert first == {
        "first": "/x?limit=10",
        "next": "/x?page=2&limit=10",
        "last": "/x?page=4&limit=10",
    }
    assert paging.link_header(first) == (
        '</x?limit=10>; rel="first", </x?page=2&limit=10>; rel="next", '
        '</x?page=4&limit=10>; rel="last"'
    )
    # one page: nothing to link to
    assert paging.links("/x", [], Paging(), Page(1, 100, 100)) == {}


def test_hydra_view():
    own, views = paging.hydra_view("http://x/c", "http://x/c?page=2", {"first": "http://x/c"}, 7)
    assert (
        ox.Triple(ox.NamedNode("http://x/c"), ox.NamedNode(HYDRA + "totalItems"), ox.Literal(7))
        in own
    )
    assert (
        ox.Triple(
            ox.NamedNode("http://x/c?page=2"),
            ox.NamedNode(HYDRA + "first"),
            ox.NamedNode("http://x/c"),
        )
        in views
    )
    assert paging.hydra_view("http://x/c", "http://x/c", {}, 7)[1] == []


# --------------------------------------------------------------------------------------------
# The orders
# --------------------------------------------------------------------------------------------


def test_sorted_terms_keep_code_point_order_and_blank_nodes_last():
    items = ["http://b/é", "_:b1", "http://b/z", "http://a/", "http://b/\U0001f600", "http://a/"]
    terms = SortedTerms(i.encode("utf-8") for i in items)
    expected = sorted({i for i in items if not i.startswith("_:")}) + ["_:b1"]
    assert [terms[i] for i in range(len(terms))] == expected  # duplicates once
    assert terms.items(1, 3) == expected[1:3]
    assert terms.items(3, 99) == expected[3:]
    assert terms.items(9, 99) == []
    grouped = GroupedTerms([("p", SortedTerms([b"http://a/2", b"http://a/1"])), ("q", terms)])
    assert len(grouped) == 2 + len(expected)
    assert grouped.items(1, 4) == [("p", "http://a/2"), ("q", expected[0]), ("q", expected[1])]


def test_class_members_come_once_each_in_iri_order(site):
    everyone = sorted(
        q.subject.value
        for q in site.store.quads_for_pattern(
            None, ox.NamedNode(RDF_TYPE), ox.NamedNode(ANNOTATION), ox.DefaultGraph()
        )
    )
    assert len(everyone) == site.classes[ANNOTATION] > 300
    seen = []
    for number in range(1, 5):
        terms, page = site.member_page(ANNOTATION, Paging(number, 100))
        assert (page.total, page.last) == (len(everyone), 4)
        seen += [t.value for t in terms]
    assert seen == everyone
    with pytest.raises(PastTheEnd):
        site.member_page(ANNOTATION, Paging(5, 100))


def test_the_order_is_the_same_after_a_restart_and_from_a_store(
    site, published_dist, published_store
):
    again = Site(published_dist)
    stored = Site(store=published_store)
    for cls in (ANNOTATION, "http://www.w3.org/ns/org#Organization"):
        wanted = Paging(2, 7)
        orders = [[t.value for t in s.member_page(cls, wanted)[0]] for s in (site, again, stored)]
        assert orders[0] == orders[1] == orders[2] and len(orders[0]) == 7
    links = [s.incoming_page(MEXICO, Paging(2, 10))[0] for s in (site, stored)]
    assert [[(p.iri, [v.value for v in p.values]) for p in x] for x in links[:1]] == [
        [(p.iri, [v.value for v in p.values]) for p in x] for x in links[1:]
    ]


def test_the_links_to_a_resource_are_every_incoming_triple_once(site):
    node = ox.NamedNode(MEXICO)
    incoming = {
        (t.predicate.value, t.subject.value)
        for t in site.describe(MEXICO)
        if t.object == node and t.subject != node
    }
    seen = []
    page = None
    number = 1
    while page is None or number <= page.last:
        properties, page = site.incoming_page(MEXICO, Paging(number, 25))
        seen += [(p.iri, v.value) for p in properties for v in p.values]
        number += 1
    assert page.total == len(incoming) > 100 and len(seen) == len(incoming)
    assert set(seen) == incoming
    # by property in the order of a page's properties, each property's subjects by IRI
    for predicate in {p for p, _ in seen}:
        subjects = [s for p, s in seen if p == predicate]
        assert subjects == sorted(subjects)
    assert site.incoming_page(MEXICO, Paging(number, 25))[0] == []  # past the last: empty


def test_the_quotes_of_a_resource_are_its_evidence(site):
    """The quotes, page after page, are what the SPARQL query of the evidence (before it was
    paged) finds."""
    iri = BASE + "id/organization/iom-mexico"  # the most quoted thing of the seed corpus
    rows = site.select(
        """SELECT ?a ?exact ?doc ?docId ?start ?end WHERE {
             ?a oa:hasBody $item ; oa:hasTarget ?t .
             ?t oa:hasSource ?doc ; oa:hasSelector ?q .
             ?q a oa:TextQuoteSelector ; oa:exact ?exact .
             OPTIONAL { ?t oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end }
             OPTIONAL { ?doc dcterms:identifier ?docId } }""",
        item=iri,
    )
    expected = sorted(
        (r["a"], r["exact"], r["doc"], r.get("docId", ""), r.get("start"), r.get("end"))
        for r in rows
    )
    found = []
    for number in (1, 2, 3):
        quotes, page = site.evidence(iri, Paging(number, 2))
        found += [
            (e.annotation, e.exact, e.document, e.document_id, e.start, e.end) for e in quotes
        ]
        assert [(e.document_id, e.start) for e in quotes] == sorted(
            (e.document_id, e.start) for e in quotes
        )
    annotations = sorted({r["a"] for r in rows})
    assert page.total == len(annotations) == 9
    # the pages are cut in the order of the annotations' IRIs
    assert {a for a, *_ in found} == set(annotations[:6]) and set(found) <= set(expected)
    everything, _ = site.evidence(iri, Paging(1, 1000))
    assert (
        sorted(
            (e.annotation, e.exact, e.document, e.document_id, e.start, e.end) for e in everything
        )
        == expected
    )


def test_long_orders_are_kept_within_a_bound(published_dist, monkeypatch):
    monkeypatch.setattr(listings, "KEPT_FROM", 10)
    monkeypatch.setattr(listings, "KEPT_ITEMS", 400)
    fresh = Site(published_dist)
    fresh.member_page(ANNOTATION, Paging())  # 310 kept
    fresh.incoming_page(MEXICO, Paging())  # 128 more: past 400, the annotations are dropped
    assert list(fresh._orders) == [("incoming", MEXICO)]
    fresh.member_page("http://www.w3.org/ns/org#Organization", Paging())  # 21 kept
    assert list(fresh._orders) == [
        ("incoming", MEXICO),
        ("members", "http://www.w3.org/ns/org#Organization"),
    ]
    small = min(fresh.classes, key=lambda cls: (fresh.classes[cls], cls))
    assert fresh.classes[small] < 10
    fresh.member_page(small, Paging())  # fewer than KEPT_FROM: not kept
    assert len(fresh._orders) == 2
    calls = []
    original = fresh._members_order
    fresh._members_order = lambda cls: calls.append(cls) or original(cls)
    fresh.member_page("http://www.w3.org/ns/org#Organization", Paging(2, 5))
    assert calls == []  # a kept order is not computed again


# --------------------------------------------------------------------------------------------
# Over HTTP, on kg serve --dist and --store
# --------------------------------------------------------------------------------------------


def test_class_pages_walk_through_every_member(http, site):
    pages = walk(http, "/classes/oa:Annotation")
    assert len(pages) == 4
    seen = [iri for page in pages for iri in member_iris(page.text)]
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == site.classes[ANNOTATION]
    first, second, last = pages[0], pages[1], pages[-1]
    assert first.links["next"]["url"] == "/classes/oa:Annotation?page=2"
    assert first.links["last"]["url"] == "/classes/oa:Annotation?page=4"
    assert "prev" not in first.links and "next" not in last.links
    assert second.links["prev"]["url"] == second.links["first"]["url"] == "/classes/oa:Annotation"
    # the same links in the page, for people and for crawlers
    assert '<a href="/classes/oa:Annotation?page=3" rel="next">' in second.text
    assert '<link rel="prev" href="/classes/oa:Annotation">' in second.text
    assert "310 members (101–200 on this page)" in second.text
    # a limit of the client's is kept in the links
    small = http.get("/classes/oa:Annotation", params={"limit": "50", "page": "2"})
    assert small.links["next"]["url"] == "/classes/oa:Annotation?page=3&limit=50"
    assert member_iris(small.text) == seen[50:100]


def test_a_class_without_a_prefix_keeps_its_iri_in_the_links(http):
    pages = walk(http, "/classes", iri=ANNOTATION, limit="200")
    assert len(pages) == 2
    assert pages[0].links["next"]["url"] == (
        "/classes?iri=http%3A%2F%2Fwww.w3.org%2Fns%2Foa%23Annotation&page=2&limit=200"
    )


@pytest.mark.parametrize(
    ("query", "status", "reason"),
    [
        ("page=0", 400, "Bad Request: page: a whole number from 1 to 10,000,000, not '0'"),
        ("page=-3", 400, "not '-3'"),
        ("page=%2B2", 400, "not '+2'"),
        ("page=2.5", 400, "not '2.5'"),
        ("page=%D9%A2", 400, "not '٢'"),
        ("page=10000001", 400, "not '10000001'"),
        ("page=" + "9" * 400, 400, "…"),
        ("page=1&page=1", 400, "page: give it once, not 2 times"),
        ("limit=0", 400, "limit: a whole number from 1 to 1,000, not '0'"),
        ("limit=1001", 400, "limit: a whole number from 1 to 1,000, not '1001'"),
        ("limit=1000", 200, ""),
        ("page=4", 200, ""),
        (
            "page=5",
            404,
            "Not Found: page 5 is past the last page (4) of the members of oa:Annotation "
            "(310 at 100 a page)",
        ),
        ("page=10000000", 404, "past the last page (4)"),
        ("page=311&limit=1", 404, "past the last page (310)"),
    ],
)
def test_paging_parameters_over_http(http, query, status, reason):
    for address in ("/classes/oa:Annotation", "/classes/oa:Annotation?format=ttl"):
        response = http.get(address + ("&" if "?" in address else "?") + query)
        assert response.status_code == status, response.text
        if status != 200:
            start = "Bad Request: " if status == 400 else "Not Found: "
            assert response.text.startswith(start) and reason in response.text
            assert response.text.count("\n") == 1  # one line


def test_a_class_page_in_rdf_is_a_hydra_collection(http):
    response = http.get(
        "/classes/oa:Annotation", params={"page": "2"}, headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "text/turtle"
    )
    assert "Accept" in response.headers["vary"]
    graph = ox.Store()
    graph.load(response.content, format=ox.RdfFormat.TURTLE)
    collection = ox.NamedNode(BASE + "classes/oa:Annotation")
    view = ox.NamedNode(BASE + "classes/oa:Annotation?page=2")

    def objects(subject, predicate):
        return {
            q.object
            for q in graph.quads_for_pattern(subject, ox.NamedNode(HYDRA + predicate), None)
        }

    assert objects(collection, "totalItems") == {ox.Literal(310)}
    assert objects(collection, "view") == {view}
    members = objects(collection, "member")
    html = http.get("/classes/oa:Annotation", params={"page": "2"})
    assert {m.value for m in members} == set(member_iris(html.text)) and len(members) == 100
    assert objects(view, "first") == {collection}
    assert objects(view, "previous") == {collection}
    assert objects(view, "next") == {ox.NamedNode(BASE + "classes/oa:Annotation?page=3")}
    assert objects(view, "last") == {ox.NamedNode(BASE + "classes/oa:Annotation?page=4")}
    (manages,) = objects(collection, "manages")
    assert objects(manages, "object") == {ox.NamedNode(ANNOTATION)}
    # the same page gives the same bytes; JSON-LD says the same
    assert (
        http.get(str(response.url), headers={"Accept": "text/turtle"}).content == response.content
    )
    jsonld = http.get("/classes/oa:Annotation", params={"page": "2", "format": "jsonld"})
    parsed = {q.triple for q in ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD)}
    assert len(parsed) == len(graph) and jsonld.links["next"]["url"] == (
        "/classes/oa:Annotation?format=jsonld&page=3"
    )


def test_a_resource_page_pages_its_links_and_quotes(http, site):
    node = ox.NamedNode(MEXICO)
    incoming = {
        (t.predicate.value, t.subject.value)
        for t in site.describe(MEXICO)
        if t.object == node and t.subject != node
    }
    pages = walk(http, "/doc/place/mexico", limit="40")
    assert len(pages) == -(-len(incoming) // 40)
    seen = set()
    for page in pages:
        section = page.text.split('id="incoming"', 1)[1].split("</section>", 1)[0]
        seen |= set(re.findall(r'title="(https://kg\.example\.org/id/[^"]+)"', section))
        # the document's own links stay in the header beside the paging ones
        assert page.links["describes"]["url"] == MEXICO
    assert seen == {s for _, s in incoming}
    assert f"{len(incoming):,} links (1–40 on this page)" in pages[0].text
    assert pages[1].links["prev"]["url"] == "/doc/place/mexico?limit=40"
    past = http.get("/doc/place/mexico", params={"page": str(len(pages) + 1), "limit": "40"})
    assert past.status_code == 404 and "past the last page" in past.text
    assert http.get("/doc/place/mexico", params={"limit": "x"}).status_code == 400
    # a page asked of the thing is asked of its document
    thing = http.get("/id/place/mexico", params={"page": "2", "limit": "40"})
    assert thing.status_code == 303
    assert thing.headers["location"] == "/doc/place/mexico?page=2&limit=40"
    assert http.get("/id/place/mexico", params={"page": "x"}).headers["location"] == (
        "/doc/place/mexico?page=x"  # refused there, in one line
    )


def triples_of(response: httpx.Response) -> set[ox.Triple]:
    assert response.status_code == 200, response.text
    return {q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)}


def test_a_description_in_rdf_pages_the_links_to_it(http, site):
    node = ox.NamedNode(MEXICO)
    whole = set(site.describe(MEXICO))
    own = {t for t in whole if t.subject == node}
    links = whole - own
    assert len(links) == site.incoming_count(MEXICO) > 40
    # A client that knows nothing of paging gets the whole description: up to 1,000 links.
    first = http.get("/doc/place/mexico.nt")
    assert triples_of(first) == whole and "next" not in first.links
    pages = walk(http, "/doc/place/mexico.nt", limit="40")
    assert len(pages) == -(-len(links) // 40)
    seen: list[ox.Triple] = []
    for page in pages:
        found = triples_of(page)
        assert own <= found  # its own statements on every page
        assert 0 < len(found - own) <= 40 and all(t.object == node for t in found - own)
        seen += found - own
    assert len(seen) == len(set(seen)) and set(seen) == links  # each link once
    assert pages[0].links["next"]["url"] == "/doc/place/mexico.nt?page=2&limit=40"
    assert pages[1].links["prev"]["url"] == "/doc/place/mexico.nt?limit=40"
    # Negotiated, the links keep the address and its profile and format parameters, in order.
    negotiated = http.get(
        "/doc/place/mexico",
        params={"_profile": "facts", "format": "nt", "limit": "40"},
    )
    assert negotiated.links["next"]["url"] == (
        "/doc/place/mexico?_profile=facts&format=nt&page=2&limit=40"
    )
    past = http.get("/doc/place/mexico.nt", params={"page": str(len(pages) + 1), "limit": "40"})
    assert past.status_code == 404 and "past the last page" in past.text
    # a page asked of the thing in RDF is asked of its RDF document
    thing = http.get(
        "/id/place/mexico",
        params={"page": "2", "limit": "40"},
        headers={"Accept": "application/n-triples"},
    )
    assert thing.status_code == 303
    assert thing.headers["location"].endswith("?page=2&limit=40")
    assert thing.headers["location"].startswith("/doc/place/mexico")
    for bad in ({"limit": "1001"}, {"page": "0"}, {"limit": "4e1"}):
        refused = http.get("/doc/place/mexico.ttl", params=bad)
        assert refused.status_code == 400 and refused.text.count("\n") == 1, bad


def test_the_evidence_of_a_page_of_links_is_that_of_its_links(http, site):
    node = ox.NamedNode(MEXICO)
    whole = triples_of(http.get("/doc/place/mexico.nt", params={"_profile": "evidence"}))
    pages = walk(http, "/doc/place/mexico.nt", _profile="evidence", limit="40")
    parts = [triples_of(page) for page in pages]
    assert len(parts) > 1 and set().union(*parts) == whole
    # Each page brings the evidence its links reach, not all of it.
    assert all(len(part) < len(whole) for part in parts)
    # Every link is on a page (one that an annotation of another page's links quotes is in
    # that page's evidence too).
    links = set().union(*({t for t in part if t.object == node} for part in parts))
    assert len(links - {t for t in whole if t.subject == node}) == site.incoming_count(MEXICO)


def test_the_data_cube_view_is_not_paged(http):
    document = "/doc/document/000.nt"
    cube = http.get(document, params={"_profile": "qb", "limit": "1"})
    assert cube.status_code == 200 and "next" not in cube.links


def test_query_results_are_paged_in_html_only(http):
    query = "SELECT ?s WHERE { ?s a oa:Annotation } ORDER BY ?s"
    pages = walk(http, "/query", query=query, limit="100")
    assert len(pages) == 4
    rows = [
        iri
        for page in pages
        for iri in re.findall(
            r'<td><a href="[^"]*" title="([^"]+)"', page.text.split('id="results"')[1]
        )
    ]
    assert len(rows) == len(set(rows)) == 310 and rows == sorted(rows)
    assert "Rows 101–200 are shown" in pages[1].text
    assert pages[0].links["next"]["url"].startswith("/query?query=SELECT")
    past = http.get("/query", params={"query": query, "page": "5", "limit": "100"})
    assert past.status_code == 404 and "past the last page (4) of the rows" in past.text
    bad = http.get("/query", params={"query": query, "limit": "1001"})
    assert bad.status_code == 400 and "limit: a whole number from 1 to 1,000" in bad.text
    # a named query keeps its name in the links
    named = http.get("/query", params={"example": "victims-assisted-over-time", "limit": "2"})
    assert named.links["next"]["url"] == "/query?example=victims-assisted-over-time&page=2&limit=2"
    # the other formats are whole
    csv = http.get(
        "/sparql",
        params={"query": query, "page": "2", "limit": "10"},
        headers={"Accept": "text/csv"},
    )
    assert csv.text.count("\n") == 1 + 310


def test_downloads_and_named_graphs_are_paged(http, published_dist):
    files = sorted(p for p in published_dist.rglob("*") if p.is_file())
    pages = walk(http, "/downloads", limit="10")
    listed = [
        name
        for page in pages
        for name in re.findall(r'<a href="/dist/[^"]+"[^>]*download>([^<]+)</a>', page.text)
    ]
    assert len(pages) == -(-len(files) // 10) and len(listed) == len(set(listed)) == len(files)
    assert listed[0] == "kg.ttl" or listed[0].endswith(".ttl")  # the dumps first
    graph = walk(http, "/graph/document/000", limit="30")
    subjects = [
        s for page in graph for s in re.findall(r'<li><a href="[^"]*" title="([^"]+)"', page.text)
    ]
    assert subjects == sorted(subjects) and len(subjects) == len(set(subjects)) > 60
    assert http.get("/graph/document/000", params={"page": "0"}).status_code == 400


def test_a_named_graph_in_rdf_comes_in_pages_of_its_subjects(http, site):
    graph = ox.NamedNode(BASE + "graph/document/000")
    whole = {q.triple for q in site.store.quads_for_pattern(None, None, None, graph)}
    first = http.get("/graph/document/000", headers={"Accept": "application/n-triples"})
    assert triples_of(first) == whole and "next" not in first.links  # a document: one page
    pages = walk(http, "/graph/document/000", format="nt", limit="30")
    subjects = {t.subject for t in whole}
    assert len(pages) == -(-len(subjects) // 30) > 1
    parts = [triples_of(page) for page in pages]
    assert set().union(*parts) == whole and sum(map(len, parts)) == len(whole)
    # a subject's triples are all on one page
    for part in parts:
        for subject in {t.subject for t in part}:
            assert {t for t in whole if t.subject == subject} <= part
    assert pages[0].links["next"]["url"] == "/graph/document/000?format=nt&page=2&limit=30"
    past = http.get("/graph/document/000", params={"format": "nt", "page": str(len(pages) + 1)})
    assert past.status_code == 404 and "past the last page" in past.text
    refused = http.get("/graph/document/000", params={"format": "nt", "limit": "0"})
    assert refused.status_code == 400


# --------------------------------------------------------------------------------------------
# In a browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from test_browser import chromium

    yield from chromium(tmp_path_factory)


def test_a_reader_pages_through_a_class_and_a_place(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def count_reads(css: str, text: str):
        WebDriverWait(browser, 15).until(
            lambda d: text in d.find_element(By.CSS_SELECTOR, css).text
        )

    browser.get(kg_server + "/classes/oa:Annotation")
    count_reads("#count", "310 members (1–100 on this page)")
    first_page = [
        a.get_attribute("title") for a in browser.find_elements(By.CSS_SELECTOR, "#members a")
    ]
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    count_reads("#count", "(101–200 on this page)")
    assert browser.current_url == kg_server + "/classes/oa:Annotation?page=2"
    second_page = [
        a.get_attribute("title") for a in browser.find_elements(By.CSS_SELECTOR, "#members a")
    ]
    assert len(second_page) == 100 and max(first_page) < min(second_page)
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=last]").click()
    count_reads("#count", "(301–310 on this page)")
    assert not browser.find_elements(By.CSS_SELECTOR, "nav.pager a[rel=next]")
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=first]").click()
    count_reads("#count", "(1–100 on this page)")

    browser.get(kg_server + "/doc/place/mexico?limit=50")
    count_reads("#incoming", "links (1–50 on this page)")
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    count_reads("#incoming", "links (51–100 on this page)")
    assert browser.current_url == kg_server + "/doc/place/mexico?page=2&limit=50"


def test_a_link_header_carries_an_iri_outside_ascii_as_a_uri():
    """An IRI of the graph may hold any Unicode ("querétaro"); a header is Latin-1 at most, and
    a Link's target is a URI (RFC 8288, RFC 3987 section 3.1): the characters outside ASCII
    percent-encoded as UTF-8, what is already percent-encoded left as it is."""
    value = paging.link_header({"next": "/id/place/querétaro?page=2", "first": "/q?x=a%20b"})
    assert value == '</id/place/quer%C3%A9taro?page=2>; rel="next", </q?x=a%20b>; rel="first"'
    value.encode("ascii")
