"""The state of modelling one document: its identifiers, its graph, and how its values,
periods and evidence become triples.

Every item of a document is grounded in the words that state it: a W3C Web Annotation
(https://www.w3.org/TR/annotation-model/#text-quote-selector) whose target selects the quote in
the source text, both by quote (exact, prefix, suffix) and by character position."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, TIME, XSD

from kg.build.curation import Mapping, Sequence, Text, Where
from kg.build.ingest import CleanDocument, Span, count_quote, locate_quote, normalize_whitespace
from kg.build.model.reference import Declared, Reference, resolve_concept, resolve_entity
from kg.build.model.sections import FREQUENCIES, Field
from kg.build.model.values import (
    DURATION,
    check_keys,
    date_literal,
    en,
    number_literal,
    quotes_of,
    require,
    shortened,
)
from kg.vocab import KG, OA, SCHEMA, Minter

CONTEXT_CHARS = 32


@dataclass
class DocumentModel:
    """The state of modelling one document: its registry of ids and its graph."""

    ref: Reference
    source: CleanDocument
    path: Path
    doc_id: str
    graph: Graph
    local: dict[str, Declared] = field(default_factory=dict)
    local_labels: dict[str, str] = field(default_factory=dict)
    observations: dict[str, URIRef] = field(default_factory=dict)
    body_spans: tuple[Span, ...] = ()
    publisher: str = ""  # the id of the organization that published the source

    def within_publisher(self, slug: str) -> bool:
        """Whether the organization is the publisher or one of its offices (part_of chain)."""
        records = {str(r["id"]): r for r in self.ref.records["organization"]}
        seen: set[str] = set()
        while slug and slug not in seen:
            if slug == self.publisher:
                return True
            seen.add(slug)
            slug = str(records[slug].get("part_of") or "") if slug in records else ""
        return False

    def reporters(self, item: Mapping, key: str) -> list[URIRef]:
        """Who reports a number or claim (kg:attributedTo): whom the text names (`key`:
        "according to CNDH"); else the organization whose work it counts, where the publisher
        reports its own work or its office's (`actor`); else the publisher, on whose word
        the release states it."""
        if item.get(key) is not None:
            return []  # given by the field itself
        actors = item.get("actor")
        actors = (
            [str(a) for a in (actors if isinstance(actors, Sequence) else [actors])]
            if actors
            else []
        )
        if actors and all(self.within_publisher(a) for a in actors):
            return [self.ref.entities[a].iri for a in actors]
        return [self.ref.entities[self.publisher].iri]

    @property
    def m(self) -> Minter:
        return self.ref.minter

    @property
    def doc(self) -> URIRef:
        return self.m.document(self.doc_id)

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    # -- values ------------------------------------------------------------------------------

    def label_of(self, slug: str) -> str:
        """The name of a reference entity or of an item this document names, else its id."""
        return self.ref.labels.get(str(slug)) or self.local_labels.get(str(slug)) or str(slug)

    def entity(self, value: Text, kinds: tuple[str, ...]) -> URIRef:
        registry = {**self.ref.entities, **self.local}
        if "any" in kinds and isinstance(value, Text) and str(value) in self.observations:
            return self.observations[str(value)]
        return resolve_entity(registry, value, kinds)

    def values(self, item: Mapping, key: str, fld: Field) -> list:
        """The RDF objects of one field of an item."""
        raw = item[key]
        kind, _, arg = fld.kind.partition(":")
        many = kind in ("refs", "concepts", "texts", "mainly")
        if many:
            items = raw if isinstance(raw, Sequence) else [raw]
        else:
            if isinstance(raw, Sequence | Mapping) and kind not in ("period", "groups", "share"):
                raise item.at(key).error(f"{key} takes one value, not a list or mapping")
            items = [raw]
        out = []
        for value in items:
            if kind not in ("period", "groups") and not isinstance(value, Text):
                raise item.at(key).error(f"{key}: expected a value, found a list or mapping")
            out.append(self.value(item, key, kind, arg, value))
        return out

    def value(self, item: Mapping, key: str, kind: str, arg: str, value):
        if kind in ("text", "texts"):
            return en(value)
        if kind == "text_es":
            return Literal(normalize_whitespace(value), lang="es")
        if kind == "plain":
            return Literal(str(value))
        if kind in ("ref", "refs"):
            return self.entity(value, tuple(arg.split("|")))
        if kind in ("concept", "concepts"):
            return resolve_concept(self.ref, arg, value)
        if kind == "date":
            return date_literal(value)
        if kind == "duration":
            if not DURATION.match(value):
                raise value.where.error(f"{key} {str(value)!r} is not an ISO 8601 duration (P2D)")
            # as written: a store would rewrite an xsd:duration (P18M as P1Y6M)
            return Literal(str(value))
        if kind == "int":
            if not re.fullmatch(r"\d+", value):
                raise value.where.error(f"{key} {str(value)!r} is not a whole number")
            return Literal(int(value))
        if kind == "decimal":
            return number_literal(value)
        if kind == "frequency":
            if str(value) not in FREQUENCIES:
                raise value.where.error(f"frequency must be one of {', '.join(FREQUENCIES)}")
            return FREQUENCIES[str(value)]
        if kind == "period":
            return self.period(value, item.at(key))
        if kind == "groups":
            return self.participant_groups(item, value)
        if kind == "observation":
            if str(value) not in self.observations:
                raise value.where.error(f"{key} {str(value)!r} is no observation of this document")
            return self.observations[str(value)]
        if kind == "mainly":  # a place within the origin, or a narrower form of exploitation
            if str(value) in self.ref.entities:
                return self.entity(value, ("place",))
            return resolve_concept(self.ref, "exploitation-types", value)
        if kind == "share":
            if str(value) in self.observations:
                return self.observations[str(value)]
            if ("population-groups", str(value)) in self.ref.concepts:
                return []  # the whole is a population group: its `population` (see below)
            raise value.where.error(
                f"share_of {str(value)!r} is neither an observation of this document "
                "nor a population-groups concept"
            )
        raise AssertionError(f"unknown field kind {kind}")

    # -- time --------------------------------------------------------------------------------

    def instant(self, value: Text) -> URIRef:
        literal = date_literal(value)
        node = self.m.thing("instant", str(value))
        self.add(node, RDF.type, TIME.Instant)
        self.add(node, RDFS.label, en(str(value)))
        predicate = {
            XSD.gYear: TIME.inXSDgYear,
            XSD.gYearMonth: TIME.inXSDgYearMonth,
            XSD.date: TIME.inXSDDate,
        }[literal.datatype]
        self.add(node, predicate, literal)
        return node

    def period(self, value, where: Where) -> URIRef:
        if isinstance(value, Text):
            start = end = value
            duration = None
        elif isinstance(value, Mapping):
            check_keys(value, {"start", "end", "duration"})
            start, end, duration = value.get("start"), value.get("end"), value.get("duration")
            if start is None and end is None:
                raise value.where.error("a period needs a start or an end")
        else:
            raise where.error("period must be a date or a mapping {start, end, duration}")
        parts = [str(start or ""), str(end or "")]
        if duration is not None:
            if not DURATION.match(duration):
                raise duration.where.error(f"duration {str(duration)!r} is not ISO 8601")
            parts.append(str(duration))
        node = self.m.thing("period", "--".join(parts))
        self.add(node, RDF.type, TIME.Interval)
        self.add(node, RDF.type, DCTERMS.PeriodOfTime)
        if start is not None:
            self.add(node, TIME.hasBeginning, self.instant(start))
            self.add(node, SCHEMA.startDate, date_literal(start))
        if end is not None:
            self.add(node, TIME.hasEnd, self.instant(end))
            self.add(node, SCHEMA.endDate, date_literal(end))
        if duration is not None:
            self.add(node, TIME.hasXSDDuration, Literal(str(duration), datatype=XSD.duration))
            self.add(node, SCHEMA.duration, Literal(str(duration)))
        label = (
            f"{start} to {end}"
            if start and end and start != end
            else str(start)
            if start == end
            else f"since {start}"
            if start
            else f"until {end}"
        )
        if duration is not None:
            label += f" ({duration})"
        self.add(node, RDFS.label, en(label))
        return node

    def participant_groups(self, item: Mapping, groups) -> list[URIRef]:
        if not isinstance(groups, Sequence):
            raise item.at("participant_groups").error("participant_groups must be a list")
        nodes = []
        for index, group in enumerate(groups, start=1):
            if not isinstance(group, Mapping):
                raise item.at("participant_groups").error("each participant group is a mapping")
            check_keys(
                group, {"group", "from", "organization", "quote", "quotes", "occurrence", "note"}
            )
            node = URIRef(f"{self.m.thing('event', item['id'])}/group/{index}")
            self.add(node, RDF.type, KG.ParticipantGroup)
            concept = resolve_concept(self.ref, "population-groups", require(group, "group"))
            self.add(node, KG.groupType, concept)
            places = group.get("from")
            places = places if isinstance(places, list) else [places] if places else []
            for place in places:
                self.add(node, KG.origin, self.entity(place, ("place",)))
            members = group.get("organization")
            for member in members if isinstance(members, list) else [members] if members else []:
                self.add(node, KG.affiliation, self.entity(member, ("organization",)))
            label = self.ref.concept_labels[("population-groups", str(group["group"]))]
            if places:
                label += " from " + ", ".join(self.label_of(p) for p in places)
            self.add(node, RDFS.label, en(f"{label}, at {self.label_of(item['id'])}"))
            if group.get("note"):
                self.add(node, SKOS.editorialNote, en(group["note"]))
            self.evidence(group, node, f"{item['id']}-group-{index}")
            nodes.append(node)
        return nodes

    # -- evidence ----------------------------------------------------------------------------

    def in_body(self, span: Span) -> bool:
        return any(b.start <= span.start and span.end <= b.end for b in self.body_spans)

    def locate(self, quote: Text, occurrence: int | None) -> Span:
        """Where a quote stands in the source: its n-th occurrence in the raw text when the
        curator says which, else its first occurrence within the title and body (so that a
        word of the site's navigation menu is never taken as evidence)."""
        where = quote.where
        total = count_quote(self.source, quote)
        if total == 0:
            raise where.error(f"quote not found in {self.source.path.name}: {str(quote)!r}")
        if occurrence is not None:
            if occurrence > total:
                raise where.error(f"quote occurs {total} times in the source, not {occurrence}")
            span = locate_quote(self.source, quote, occurrence)
            if not self.in_body(span):
                raise where.error(
                    f"occurrence {occurrence} of the quote is outside the press "
                    f"release's title and body: {str(quote)!r}"
                )
            return span
        for k in range(1, total + 1):
            span = locate_quote(self.source, quote, k)
            if self.in_body(span):
                return span
        raise where.error(
            f"quote occurs only outside the press release's title and body: {str(quote)!r}"
        )

    def evidence(
        self, item: Mapping, body: URIRef, slug: str, motivation: URIRef = OA.describing
    ) -> None:
        quotes = quotes_of(item)
        occurrence = None
        if item.get("occurrence") is not None:
            if not re.fullmatch(r"[1-9]\d*", item["occurrence"]):
                raise item.at("occurrence").error("occurrence must be a positive whole number")
            occurrence = int(item["occurrence"])
        for index, quote in enumerate(quotes, start=1):
            span = self.locate(quote, occurrence)
            name = slug if len(quotes) == 1 else f"{slug}-{index}"
            self.annotate(self.m.annotation(self.doc_id, name), body, span, motivation)

    def annotate(self, node: URIRef, body: URIRef, span: Span, motivation: URIRef) -> None:
        raw = self.source.raw
        target, quote_selector, position = (
            URIRef(f"{node}/{part}") for part in ("target", "quote", "position")
        )
        self.add(node, RDF.type, OA.Annotation)
        words, doc = f"\u201c{shortened(span.text, 60)}\u201d", f"document {self.doc_id}"
        self.add(node, RDFS.label, en(f"evidence in {doc}: {words}"))
        self.add(target, RDFS.label, en(f"{words} in {doc}"))
        self.add(quote_selector, RDFS.label, en(f"quote {words}"))
        self.add(position, RDFS.label, en(f"characters {span.start} to {span.end} of {doc}"))
        self.add(node, OA.motivatedBy, motivation)
        self.add(node, OA.hasBody, body)
        self.add(node, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, self.doc)
        self.add(target, OA.hasSelector, quote_selector)
        self.add(target, OA.hasSelector, position)
        self.add(quote_selector, RDF.type, OA.TextQuoteSelector)
        # The source's own characters (line breaks as they are), as Web Annotation consumers
        # compare them: oa:exact is raw[start:end] of the text in dist/sources/, and the
        # prefix and suffix the characters just before and after it.
        self.add(quote_selector, OA.exact, Literal(raw[span.start : span.end]))
        prefix = raw[max(0, span.start - CONTEXT_CHARS) : span.start]
        self.add(quote_selector, OA.prefix, Literal(prefix))
        self.add(quote_selector, OA.suffix, Literal(raw[span.end : span.end + CONTEXT_CHARS]))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
