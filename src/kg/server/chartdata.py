"""The charts of a resource's page, read from the graph and drawn by `kg.server.charts` (and
`kg.server.maps` for a place): a bar chart of the parts of a whole (`kg:shareOf`), and the
series of IOM's count of victims assisted (the named query victims-assisted-over-time) on the
pages of its observations and indicators and of the statistics.

`StatisticsCharts` is the part of `kg.server.site.Site` that makes them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pyoxigraph as ox

from kg.errors import KgError
from kg.server import charts, maps
from kg.server.resources import KG, QB, RDF_TYPE, Chart

# The indicators of the series (those the named query victims-assisted-over-time reads, its
# VALUES ?indicatorNode), and the most figures of them drawn: more is no chart a page can show,
# and the series is a query over every observation, run in the server (45 s and 1.2 GB at
# 10,000 synthetic documents), so past it the pages say how many there are instead.
SERIES_INDICATORS = ("victims-assisted", "persons-identified-or-assisted")
SERIES_MAX_FIGURES = 500


class StatisticsCharts:
    """The charts of a `kg.server.site.Site`'s resources (its store, labels and addresses)."""

    def charts(self, iri: str) -> list[Chart]:
        out = self.breakdown_charts(iri)
        place = maps.place_map(self, iri)  # a place's map first: its points, its countries
        if place is not None:
            out.insert(0, Chart(place.title, place.svg, place.caption))
        if iri == f"{self.base}id/dataset/statistics" or (
            self._may_be_in_series(iri) and iri in self.series_members()
        ):
            chart = self.series_chart()
            if chart:
                out.append(chart)
        return out

    def _may_be_in_series(self, iri: str) -> bool:
        """Whether the IRI is an observation or an indicator, as the members of the series
        are: the series is a named query, which takes a while at thousands of documents, so
        the pages of organizations and places do not wait for it."""
        node = ox.NamedNode(iri)
        patterns = (
            (node, ox.NamedNode(RDF_TYPE), ox.NamedNode(QB + "Observation")),
            (None, ox.NamedNode(KG + "indicator"), node),
        )
        return any(
            True
            for pattern in patterns
            for _ in self.store.quads_for_pattern(*pattern, ox.DefaultGraph())
        )

    def breakdown_charts(self, iri: str) -> list[Chart]:
        """A bar chart of the parts of a whole (`kg:shareOf`), one per unit."""
        rows = self.select(
            """SELECT ?part ?label ?value ?min ?max ?unit ?unitLabel WHERE {
                 ?part kg:shareOf $whole .
                 OPTIONAL { ?part rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en")) }
                 OPTIONAL { ?part sdmx-measure:obsValue ?value }
                 OPTIONAL { ?part schema:minValue ?min } OPTIONAL { ?part schema:maxValue ?max }
                 OPTIONAL { ?part sdmx-attribute:unitMeasure ?unit .
                            OPTIONAL { ?unit skos:prefLabel ?unitLabel
                                       FILTER(LANGMATCHES(LANG(?unitLabel), "en")) } }
               } ORDER BY DESC(?value) ?label""",
            whole=iri,
        )
        groups: dict[str, list[charts.Bar]] = defaultdict(list)
        for row in rows:
            value = row.get("value", row.get("max", row.get("min")))
            if value is None:
                continue
            unit = row.get("unitLabel", "")
            percent = row.get("unit", "").endswith("/percent")
            text = _number(value) + (" %" if percent else "")
            groups["percent" if percent else unit].append(
                charts.Bar(
                    row.get("label", self.label(row["part"])),
                    float(value),
                    text,
                    self.href(row["part"]),
                )
            )
        out = []
        for unit, bars in groups.items():
            title = f"Breakdown of {self.label(iri)}" + (
                " (per cent)" if unit == "percent" else f" (unit: {unit})" if unit else ""
            )
            out.append(
                Chart(
                    title,
                    charts.bar_chart(bars, title, 100 if unit == "percent" else None),
                    "Each bar is a statistic stated as a share of this one (kg:shareOf).",
                )
            )
        return out

    def series_rows(self) -> list[dict]:
        """Rows of the named query victims-assisted-over-time (run once, when first asked;
        none when the series has more than SERIES_MAX_FIGURES figures)."""
        if self._series is None:
            size = self.series_size()
            self._series = self._victims_series() if size <= SERIES_MAX_FIGURES else ([], set())
        return self._series[0]

    def series_size(self) -> int:
        """How many figures the series has: its indicators' observations, counted by the
        store in its index (not the query)."""
        if self._series_size is None:
            indicators = " ".join(
                str(ox.NamedNode(f"{self.base}id/concept/indicators/{name}"))
                for name in SERIES_INDICATORS
            )
            counted = self.store.query(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?i {{ {indicators} }} "
                f"?o {ox.NamedNode(KG + 'indicator')} ?i }}"
            )
            self._series_size = int(next(iter(counted))["n"].value)
        return self._series_size

    def series_members(self) -> set[str]:
        """The observations and indicators of that series."""
        self.series_rows()
        return self._series[1]

    def _victims_series(self) -> tuple[list[dict], set[str]]:
        """Rows of the named query victims-assisted-over-time, each with its observation."""
        try:
            rows = self.graph.run("victims-assisted-over-time").rows
        except KgError:
            return [], set()
        if not rows:
            return [], set()
        names = ", ".join(sorted({_sparql_string(row["indicator"]) for row in rows}))
        observations = self.select(
            """SELECT ?o ?indicator ?value ?docs WHERE {
                 ?o a qb:Observation ; kg:indicator ?indicator ; sdmx-measure:obsValue ?value ;
                    prov:wasDerivedFrom/dcterms:identifier ?docs .
                 ?indicator skos:prefLabel ?l . FILTER(STR(?l) IN (NAMES)) }""".replace(
                "NAMES", names
            )
        )
        members = {o["o"] for o in observations} | {o["indicator"] for o in observations}
        by_key = {(o["docs"], str(o["value"])): o["o"] for o in observations}
        for row in rows:
            row["observation"] = by_key.get((row["docs"], str(row["value"])))
        ordered = sorted(
            rows,
            key=lambda r: (
                r["until"] or r["published_not_before"] or r["since"] or "9999",
                r["docs"],
            ),
        )
        return ordered, members

    def series_chart(self) -> Chart | None:
        title = "Victims of trafficking assisted by IOM, as each release reports"
        size = self.series_size()
        if size > SERIES_MAX_FIGURES:
            return Chart(
                title,
                "",
                f"{size:,} figures: more than a chart on a page can show "
                f"({SERIES_MAX_FIGURES:,} at most).",
                "/query?example=victims-assisted-over-time",
                "the named query victims-assisted-over-time, which lists them",
            )
        rows = self.series_rows()
        if not rows:
            return None
        columns = []
        for row in rows:
            qualifier = row["qualifier"] if row["qualifier"] not in ("", "exact") else ""
            when = (
                f"to {row['until']}"
                if row["until"]
                else f"published ≥ {row['published_not_before']}"
                if row["published_not_before"]
                else ""
            )
            columns.append(
                charts.Bar(
                    f"document {row['docs']}",
                    float(row["value"]),
                    f"{qualifier} {_number(row['value'])}".strip(),
                    self.href(row["observation"]) if row.get("observation") else None,
                    when,
                )
            )
        return Chart(
            title,
            charts.column_chart(columns, title, "persons"),
            "A running total: each release gives the count since the programme began (2005) "
            "up to its own, unstated, date; columns are ordered by the date the text bounds.",
            "/query?example=victims-assisted-over-time",
            "the named query victims-assisted-over-time",
        )


def _number(value) -> str:
    if isinstance(value, Decimal | float) and float(value).is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
