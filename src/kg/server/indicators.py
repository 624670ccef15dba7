"""An indicator's values across documents (the page `/indicators/NAME`, `kg.server.changes`).

An indicator's values are its observations (`kg:indicator`), each with its quotes. Two
documents disagree when they give different values to observations that say the same thing:
the same unit, area, period, population and breakdowns (every component of the data set's
structure but the measure and who states it or how: qualifier, attribution, actor, cited
work). A figure to date ("since 2005", a period with no end) is a running total, so it is
compared only with figures of releases published at the same known date (the month,
or the year when only the year is known). Of those, a value one
document gives and another contradicts is flagged, by the rule the cross-document check
applies to single-valued properties (`kg.build.crossdocument`).

Whether a value is contradicted takes every observation of the indicator; its page shows a
hundred. So the page keeps a summary of all of them (`IndicatorSummary`: their IRIs and the
contradictions) and describes in full only the observations it shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.build.crossdocument import _contradicted

DCTERMS = "http://purl.org/dc/terms/"
KG = "https://kg.example.org/def/kg#"
QB = "http://purl.org/linked-data/cube#"
MEASURES = (
    "http://purl.org/linked-data/sdmx/2009/measure#obsValue",
    "https://schema.org/minValue",
    "https://schema.org/maxValue",
)
# What says who states a figure or how, not what it counts: left out of the comparison.
NOT_COMPARED = {KG + "qualifier", KG + "attributedTo", KG + "actor", KG + "citedWork"}
OPEN_PERIOD_END = "http://www.w3.org/2006/time#hasEnd"


@dataclass
class Value:
    """One observation of an indicator as its page shows it."""

    observation: str
    document: str | None
    document_id: str
    value: str
    numbers: tuple  # what is compared: the measures' values
    key: tuple  # what the figure says, less the value and who states it
    compared: list[tuple[str, str]]  # (property, value) of the key, for the page
    quotes: list = field(default_factory=list)
    disagrees_with: list[str] = field(default_factory=list)  # other documents' ids


def indicator_values(site, indicator: str) -> list[Value]:
    """Every observation of `indicator`, by IRI (so by document), each flagged with the
    documents whose observations saying the same thing give another value (its quotes are
    looked up for the page that shows it)."""
    out = described_values(site, indicator)
    _flag(out)
    return out


def described_values(site, indicator: str) -> list[Value]:
    """Every observation of `indicator` as its page shows it, not yet flagged (what
    `IndicatorSummary.of` reads: flagging them all lists every contradicting document of
    every value)."""
    properties = compared_properties(site.store)
    return [
        indicator_value(site, obs, properties) for obs in indicator_observations(site, indicator)
    ]


def indicator_observations(site, indicator: str) -> list[ox.NamedNode]:
    """The observations of `indicator`, in the order of their IRIs."""
    found = site.store.quads_for_pattern(
        None, ox.NamedNode(KG + "indicator"), ox.NamedNode(indicator), ox.DefaultGraph()
    )
    return sorted({q.subject for q in found}, key=str)


def compared_properties(store) -> list[str]:
    """The properties that say what a figure is about (the data structure's dimensions and
    attributes, less those not compared)."""
    structure = {
        q.object.value
        for spec in _components(store)
        for q in store.quads_for_pattern(spec, None, None, ox.DefaultGraph())
        if q.predicate.value in (QB + "dimension", QB + "attribute")
    }
    return sorted(structure - NOT_COMPARED - {KG + "indicator"})


def indicator_value(site, obs: ox.NamedNode, properties: list[str]) -> Value:
    """One observation as an indicator's page shows it (not yet flagged)."""
    store = site.store
    dg = ox.DefaultGraph()
    own: dict[str, list] = defaultdict(list)
    for q in store.quads_for_pattern(obs, None, None, dg):
        own[q.predicate.value].append(q.object)
    documents = [o for o in own.get("http://www.w3.org/ns/prov#wasDerivedFrom", [])]
    document = documents[0].value if documents else None
    document_id = _identifier(store, documents[0]) if documents else ""
    numbers = tuple(
        (
            m.rpartition("#")[2].rpartition("/")[2],
            tuple(sorted(o.value for o in own.get(m, []))),
        )
        for m in MEASURES
        if own.get(m)
    )
    key = []
    compared = []
    for prop in properties:
        values = sorted(str(o) for o in own.get(prop, []))
        key.append((prop, tuple(values)))
        for o in own.get(prop, []):
            compared.append(
                (
                    site.curie(prop),
                    site.label(o.value) if isinstance(o, ox.NamedNode) else o.value,
                )
            )
        if prop.endswith("refPeriod") and any(_open(store, o) for o in own.get(prop, [])):
            key.append(("published", _published(store, documents[0]) if documents else ""))
    shown = ", ".join(
        f"{name} {' '.join(values)}" if name != "obsValue" else " ".join(values)
        for name, values in numbers
    )
    return Value(obs.value, document, document_id, shown, numbers, tuple(key), compared)


@dataclass(frozen=True)
class IndicatorSummary:
    """What an indicator's page needs of all its observations: their IRIs in order, the
    groups of those that say the same thing with more than one value (each value's
    documents), and every document that a contradiction involves. Each observation is in its
    group once, where listing each one's contradicting documents would repeat them: 3.3
    million document ids for 75,357 observations of one synthetic indicator."""

    observations: tuple[str, ...]
    group_of: dict[str, int]  # an observation's group, if it has one
    groups: tuple[dict[tuple, frozenset[str]], ...]  # documents by the numbers they give
    disagreeing: list[str]

    @classmethod
    def of(cls, values: list[Value]) -> IndicatorSummary:
        grouped = _groups(values)
        several = {key: i for i, key in enumerate(k for k, g in grouped.items() if len(g) > 1)}
        # Whether a value is contradicted, not by whom (the lists are made for a page's
        # values), decided once for each value of each group. (A contradicted value whose
        # only contradicting document is its own is flagged all the same: that document then
        # gives the other value too, which the first contradicts.)
        verdicts: dict[tuple, bool] = {}
        contradicted = set()
        for v in values:
            if v.key in several:
                if (v.key, v.numbers) not in verdicts:
                    verdicts[v.key, v.numbers] = _contradicted(v.numbers, grouped[v.key])
                if verdicts[v.key, v.numbers]:
                    contradicted.add(v.document_id)
        return cls(
            tuple(v.observation for v in values),
            {v.observation: several[v.key] for v in values if v.key in several},
            tuple(
                {numbers: frozenset(ds) for numbers, ds in grouped[key].items()} for key in several
            ),
            sorted(contradicted),
        )

    def flag(self, value: Value) -> None:
        """Mark `value` (one of the observations) with the documents that contradict it."""
        group = self.group_of.get(value.observation)
        if group is not None:
            value.disagrees_with = _disagreeing(value, self.groups[group])


def _groups(values: list[Value]) -> dict[tuple, dict[tuple, set[str]]]:
    """The values' documents by what they say (`Value.key`), then by the numbers they give."""
    groups: dict[tuple, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    for v in values:
        groups[v.key][v.numbers].add(v.document_id)
    return groups


def _flag(values: list[Value], groups: dict | None = None) -> None:
    """Mark the values another document contradicts: within each group of observations that
    say the same thing, a value one document gives and another document gives otherwise."""
    groups = _groups(values) if groups is None else groups
    for v in values:
        v.disagrees_with = _disagreeing(v, groups[v.key])


def _disagreeing(value: Value, documents_of: dict) -> list[str]:
    """The documents that contradict `value`, of those giving each value to what it says."""
    if len(documents_of) > 1 and _contradicted(value.numbers, documents_of):
        return sorted(
            {d for numbers, ds in documents_of.items() if numbers != value.numbers for d in ds}
            - {value.document_id}
        )
    return []


def _components(store) -> list:
    return [
        q.object
        for q in store.quads_for_pattern(
            None, ox.NamedNode(QB + "component"), None, ox.DefaultGraph()
        )
    ]


def _identifier(store, document) -> str:
    for q in store.quads_for_pattern(
        document, ox.NamedNode(DCTERMS + "identifier"), None, ox.DefaultGraph()
    ):
        return q.object.value
    return ""


def _open(store, period) -> bool:
    """A period with no end (a figure to date)."""
    if not isinstance(period, ox.NamedNode):
        return False
    return not any(
        True
        for _ in store.quads_for_pattern(
            period, ox.NamedNode(OPEN_PERIOD_END), None, ox.DefaultGraph()
        )
    )


def _published(store, document) -> str:
    """When a release was published, as far as kg knows it (its publication interval's start,
    to the month), or its IRI when unknown: figures to date are compared within it."""
    rows = store.query(
        f"""SELECT ?start WHERE {{
              {document} <{KG}publicationInterval>/<https://schema.org/startDate> ?start
            }} ORDER BY ?start LIMIT 1"""
    )
    for row in rows:
        return row["start"].value[:7]
    return document.value
