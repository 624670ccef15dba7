"""Releases on the site, over real HTTP: the seeds published, one document's facts edited and
published again into the same folder, twice; then `kg serve` on that folder shows the
changelog (each release's quads added and removed by named graph), each change set's exact
quads, what the latest release changed on a thing's page, and an indicator's values across
documents (with their quotes, disagreements flagged) and across releases. The expected quads
are worked out here from the releases' kg.nq files, not from the change sets."""

from __future__ import annotations

import html
import re
import shutil
from collections import Counter
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef

from conftest import _serving
from kg.build.run import build
from kg.publish import export, releases
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://kg.example.org/"
PERSONS = BASE + "id/observation/002/persons-trafficked-annually"
ASSISTED = BASE + "id/observation/004/victims-assisted"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DATASET = URIRef(BASE + "id/dataset/kg")


def quads(dist: Path) -> set[ox.Quad]:
    return set(ox.parse(path=dist / "kg.nq", format=ox.RdfFormat.N_QUADS))


def version(dist: Path) -> str:
    return str(Graph().parse(dist / "void.ttl").value(DATASET, DCAT.version))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def history(built, tmp_path_factory) -> dict:
    """Three releases in one folder: the seeds; 002's estimate of persons trafficked each year
    corrected from 20,000 to 25,000; then to 26,000, with 004's victims assisted from 176 to
    177. Each release's version and quads."""
    tmp = tmp_path_factory.mktemp("releases")
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("devset"))
    out = tmp / "dist"
    export.write(built, out, ROOT / "data")
    found = {"dist": out, "versions": [version(out)], "quads": [quads(out)]}
    for edits in (
        [("002", "    value: 20000\n", "    value: 25000\n")],
        [
            ("002", "    value: 25000\n", "    value: 26000\n"),
            ("004", "    value: 176\n", "    value: 177\n"),
        ],
    ):
        for document, old, new in edits:
            edit(data / "documents" / f"{document}.yaml", old, new)
        export.write(build(data, Minter()), out, data)
        found["versions"].append(version(out))
        found["quads"].append(quads(out))
    assert len(set(found["versions"])) == 3
    return found


@pytest.fixture(scope="module")
def http(history, tmp_path_factory):
    for address in _serving(["--dist", str(history["dist"])], tmp_path_factory):
        with httpx.Client(base_url=address, timeout=30) as client:
            yield client


@pytest.fixture(scope="module")
def seeds(kg_server):
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        yield client


def shown_quads(page: str) -> set[tuple[str, ox.Quad]]:
    """The rows a page shows (class added or removed, and the quad in data-quad), each quad
    read by the N-Quads parser."""
    found = set()
    for kind, line in re.findall(r'<tr class="(added|removed)" data-quad="([^"]*)">', page):
        (quad,) = ox.parse(html.unescape(line).encode(), format=ox.RdfFormat.N_QUADS)
        found.add((releases.ADDED if kind == "added" else releases.REMOVED, quad))
    return found


def expected_rows(history, index: int) -> set[tuple[str, ox.Quad]]:
    before, after = history["quads"][index - 1], history["quads"][index]
    return {(releases.REMOVED, q) for q in before - after} | {
        (releases.ADDED, q) for q in after - before
    }


def per_graph(rows) -> dict[str, tuple[int, int]]:
    added = Counter(q.graph_name.value for op, q in rows if op == releases.ADDED)
    removed = Counter(q.graph_name.value for op, q in rows if op == releases.REMOVED)
    return {g: (added[g], removed[g]) for g in set(added) | set(removed)}


def test_the_changelog_lists_each_release_newest_first_with_its_counts(http, history):
    page = http.get("/changes")
    assert page.status_code == 200
    first, second, third = history["versions"]
    listed = re.findall(r'<section class="card release" id="release-([^"]+)">', page.text)
    assert listed == [third, second]
    assert f"This is release <strong>{third}</strong>, after {second}." in page.text
    for index, name in ((2, third), (1, second)):
        section = page.text.split(f'id="release-{name}"', 1)[1].split("</section>", 1)[0]
        counts = {
            graph: (int(added.replace(",", "")), int(removed.replace(",", "")))
            for graph, added, removed in re.findall(
                r'data-graph="([^"]*)">.*?<td>([\d,]+)</td><td>([\d,]+)</td>', section
            )
        }
        assert counts == per_graph(expected_rows(history, index))
        patch = http.get(f"/dist/changes/{name}.rdfp")
        assert f'href="/dist/changes/{name}.rdfp"' in section
        assert patch.content == (history["dist"] / "changes" / f"{name}.rdfp").read_bytes()
    assert set(per_graph(expected_rows(history, 2))) == {
        BASE + "graph/document/002",
        BASE + "graph/document/004",
    }


def test_a_release_page_shows_exactly_the_quads_that_changed(http, history):
    for index in (1, 2):
        name = history["versions"][index]
        page = http.get(f"/changes/{name}")
        assert page.status_code == 200
        assert shown_quads(page.text) == expected_rows(history, index)
    # in pages: one row a page, every row once
    name = history["versions"][2]
    rows = set()
    total = len(expected_rows(history, 2))
    for number in range(1, total + 1):
        page = http.get(f"/changes/{name}", params={"page": str(number), "limit": "1"})
        assert len(shown_quads(page.text)) == 1
        rows |= shown_quads(page.text)
    assert rows == expected_rows(history, 2)
    past = http.get(f"/changes/{name}", params={"page": str(total + 1), "limit": "1"})
    assert past.status_code == 404 and "past the last page" in past.text


def test_a_thing_s_page_shows_what_the_latest_release_changed_about_it(http, history):
    node = ox.NamedNode(PERSONS)
    about = {(op, q) for op, q in expected_rows(history, 2) if node in (q.subject, q.object)}
    assert {q.object.value for _, q in about} == {"25000", "26000"}
    page = http.get("/doc/observation/002/persons-trafficked-annually").text
    section = page.split('id="changed"', 1)[1].split("</section>", 1)[0]
    assert f"New or corrected in release {history['versions'][2]}" in section
    assert shown_quads(section) == about
    assert "corrected, was" in section and "corrected, now" in section
    assert section.index("corrected, was") < section.index("corrected, now")
    # a thing the latest release did not change shows no such section
    assert 'id="changed"' not in http.get("/doc/organization/cndh").text


def test_an_indicator_s_values_across_documents_and_releases(http, history):
    indicator = http.get("/doc/concept/indicators/persons-trafficked").text
    assert 'href="/indicators/persons-trafficked"' in indicator
    page = http.get("/indicators/persons-trafficked")
    assert page.status_code == 200
    rows = {
        observation: (value, disagrees)
        for observation, value, disagrees in re.findall(
            r'data-observation="([^"]+)" data-value="([^"]*)" data-disagrees="([^"]*)"',
            page.text,
        )
    }
    assert rows == {
        BASE + "id/observation/001/mexican-women-trafficked-to-japan": ("3000", ""),
        PERSONS: ("26000", "003 004"),
        BASE + "id/observation/003/persons-trafficked-annually": ("20000", "002"),
        BASE + "id/observation/004/persons-trafficked-annually": ("20000", "002"),
    }
    assert "documents 002, 003, 004 give different values" in page.text
    # each value with its quote
    assert "an estimated 20,000 persons are\ntrafficked annually in Mexico" in html.unescape(
        page.text
    )
    changes = re.findall(
        r'<tr data-release="([^"]+)" data-observation="([^"]+)" '
        r'data-removed="([^"]*)" data-added="([^"]*)">',
        page.text,
    )
    _, second, third = history["versions"]
    assert changes == [(third, PERSONS, "25000", "26000"), (second, PERSONS, "20000", "25000")]
    assisted = http.get("/indicators/victims-assisted").text
    assert re.findall(r'<tr data-release="([^"]+)" data-observation="([^"]+)"', assisted) == [
        (third, ASSISTED)
    ]
    # 003 and 004 count victims assisted since 2005 at different dates: a series, not a
    # disagreement
    assert "No two documents disagree." in assisted


def test_an_indicator_s_pages_flag_what_all_its_values_say(http):
    def rows(page: httpx.Response) -> dict[str, tuple[str, str]]:
        found = re.findall(
            r'data-observation="([^"]+)" data-value="([^"]*)" data-disagrees="([^"]*)"',
            page.text,
        )
        return {observation: (value, disagrees) for observation, value, disagrees in found}

    whole = rows(http.get("/indicators/persons-trafficked"))
    pages = [http.get("/indicators/persons-trafficked", params={"limit": "1"})]
    while "next" in pages[-1].links:
        pages.append(http.get(pages[-1].links["next"]["url"]))
    assert len(pages) == len(whole) == 4
    shown = [rows(page) for page in pages]
    assert all(len(one) == 1 for one in shown)
    # a page of one value still says which documents disagree with it, from all the values
    assert {k: v for one in shown for k, v in one.items()} == whole
    assert all("documents 002, 003, 004 give different values" in p.text for p in pages)


def test_an_indicator_s_summary_is_made_once(published_dist, monkeypatch):
    from types import SimpleNamespace

    from kg.server import changes
    from kg.server.site import Site

    made = []
    values = changes.described_values

    def counted(site, iri):
        made.append(iri)
        return values(site, iri)

    monkeypatch.setattr(changes, "described_values", counted)
    pages = changes.Pages(SimpleNamespace(site=Site(published_dist)))
    iri = BASE + "id/concept/indicators/persons-trafficked"
    first, second = pages._summary(iri), pages._summary(iri)
    assert first is second and made == [iri] and len(first.observations) == 4
    assert first.observations == tuple(sorted(first.observations))
    # A name with no observations is answered, not kept.
    nothing = BASE + "id/concept/indicators/" + "x" * 200
    assert pages._summary(nothing).observations == () and nothing not in pages._summaries


def test_an_indicator_s_summary_flags_what_every_value_flagged(history):
    from kg.server.indicators import IndicatorSummary, indicator_values
    from kg.server.site import Site

    site = Site(history["dist"])
    for name in ("persons-trafficked", "victims-assisted"):
        values = indicator_values(site, BASE + "id/concept/indicators/" + name)
        summary = IndicatorSummary.of(values)
        assert summary.disagreeing == sorted({v.document_id for v in values if v.disagrees_with})
        for value in values:
            flagged = value.disagrees_with
            value.disagrees_with = []
            summary.flag(value)
            assert value.disagrees_with == flagged
    assert summary.disagreeing == [] and IndicatorSummary.of(
        indicator_values(site, BASE + "id/concept/indicators/persons-trafficked")
    ).disagreeing == ["002", "003", "004"]


def test_a_document_that_gives_two_values_is_flagged_as_the_whole_list_flags_it():
    from kg.server.indicators import IndicatorSummary, Value, _flag

    def value(observation: str, document: str, number: str) -> Value:
        return Value(observation, None, document, number, (("obsValue", (number,)),), ("k",), [])

    # A gives 1 and 2 for the same thing, B gives 2: A's 2 is contradicted by A alone.
    values = [value("a1", "A", "1"), value("a2", "A", "2"), value("b2", "B", "2")]
    summary = IndicatorSummary.of(values)
    _flag(values)
    assert [v.disagrees_with for v in values] == [["B"], [], ["A"]]
    assert summary.disagreeing == sorted({v.document_id for v in values if v.disagrees_with})
    for v in values:
        flagged, v.disagrees_with = v.disagrees_with, []
        summary.flag(v)
        assert v.disagrees_with == flagged
    # one value each, the same: no group, nothing flagged
    same = IndicatorSummary.of([value("a1", "A", "1"), value("b1", "B", "1")])
    assert same.groups == () and same.disagreeing == []
    # one document giving two values is no disagreement between documents
    alone = IndicatorSummary.of([value("a1", "A", "1"), value("a2", "A", "2")])
    assert len(alone.groups) == 1 and alone.disagreeing == []


def test_the_seeds_have_no_change_set_and_no_disagreement(seeds, published_graph):
    page = seeds.get("/changes")
    assert page.status_code == 200 and "No change set is kept" in page.text
    assert seeds.get("/changes/anything").status_code == 404
    listed = seeds.get("/indicators").text
    counts = {
        row["i"]: row["n"]
        for row in published_graph.sparql(
            "SELECT ?i (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o kg:indicator ?i } GROUP BY ?i"
        ).rows
    }
    shown = dict(re.findall(r'title="([^"]+)">[^<]*</a> <span class="muted">(\d+)</span>', listed))
    assert {k: int(v) for k, v in shown.items()} == counts
    persons = seeds.get("/indicators/persons-trafficked").text
    assert "No two documents disagree." in persons and "disagrees with" not in persons
    assert "No kept change set changed its values" in persons


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/changes?page=0", 400),
        ("/changes?page=2", 404),
        ("/changes?limit=1001", 400),
        ("/changes?page=1&page=1", 400),
        ("/indicators?limit=%EF%BC%91", 400),
        ("/indicators/nothing-counted", 404),
        ("/indicators/%2E%2E", 404),
        ("/indicators/a%20b", 404),
        ("/indicators/persons-trafficked?page=2", 404),
        ("/changes/..%2F..%2Fetc%2Fpasswd", 404),
    ],
)
def test_what_is_refused(http, address, status):
    response = http.get(address)
    assert response.status_code == status, response.text
    assert response.text.count("\n") == 1 or status == 404


def test_the_pages_load_nothing_from_another_host(http, history):
    for path in (
        "/changes",
        f"/changes/{history['versions'][2]}",
        "/indicators",
        "/indicators/persons-trafficked",
        "/doc/observation/002/persons-trafficked-annually",
    ):
        text = http.get(path, headers={"Accept": "text/html"}).text
        assert "<style" not in text and not re.search(r"\sstyle\s*=", text)
        for src in re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"', text):
            assert src.startswith("/") and not src.startswith("//"), (path, src)


def test_openapi_gives_a_kept_release_as_the_example(http, history):
    described = http.get("/openapi.json").json()
    operation = described["paths"]["/changes/{version}"]["get"]
    (version,) = [p for p in operation["parameters"] if p.get("name") == "version"]
    assert version["example"] == history["versions"][2]
    response = http.get(f"/changes/{version['example']}")
    assert str(response.status_code) in operation["responses"]
    assert response.headers["content-type"].split(";")[0] in {
        media.split(";")[0] for media in operation["responses"]["200"]["content"]
    }


def test_a_change_set_is_read_as_releases_reads_it(tmp_path, monkeypatch):
    """A change set file as `releases.read_patch` reads it: counts by graph, rows sorted by
    graph and subject with what was removed first, indexed by the IRIs they are about; past
    MAX_ROWS, its counts only; a row kg does not write, refused at its line."""
    from kg.errors import KgError
    from kg.server import changes

    g = "<https://kg.example.org/graph/document/002>"
    path = tmp_path / "v2.rdfp"
    path.write_text(
        "H id <https://kg.example.org/id/dataset/kg/version/v2> .\n"
        "H prev <https://kg.example.org/id/dataset/kg/version/v1> .\nTX .\n"
        f'A <http://x/b> <http://x/p> "2" {g} .\n'
        f'D <http://x/b> <http://x/p> "1" {g} .\n'
        "A <http://x/a> <http://x/q> <http://x/b> .\nTC .\n",
        encoding="utf-8",
    )
    release = changes.read(path)
    assert (release.version, release.previous) == ("v2", "v1")
    assert release.added == {g[1:-1]: 1, "": 1} and release.removed == {g[1:-1]: 1}
    assert [(r.op, r.line) for r in release.rows] == [
        ("A", "<http://x/a> <http://x/q> <http://x/b> ."),
        ("D", f'<http://x/b> <http://x/p> "1" {g} .'),
        ("A", f'<http://x/b> <http://x/p> "2" {g} .'),
    ]
    assert release.about == {"http://x/a": [0], "http://x/b": [0, 1, 2]}

    monkeypatch.setattr(changes, "MAX_ROWS", 2)
    over = changes.read(path)
    assert over.rows is None and over.about == {} and over.total == 3

    path.write_text(path.read_text().replace('"1"', '"1'), encoding="utf-8")
    with pytest.raises(KgError, match="not a quad") as caught:
        changes.read(path)
    assert caught.value.line == 5
