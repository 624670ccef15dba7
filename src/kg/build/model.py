"""Model stage: curated facts and reference data to RDF.

`load_reference` reads `data/reference/` once; `model_reference` turns it into the reference
graph (organizations, places, people, SKOS concept schemes, the statistics data set);
`model_document` turns one document's curation file and its cleaned source into that
document's graph. Each document is modelled on its own, so documents can be built in parallel.

Every item of a document is grounded in the words that state it: a W3C Web Annotation
(https://www.w3.org/TR/annotation-model/#text-quote-selector) whose target selects the quote in
the source text, both by quote (exact, prefix, suffix) and by character position.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg.build import curation, geo
from kg.build.curation import Mapping, Sequence, Text, Where
from kg.build.ingest import CleanDocument, Span, count_quote, locate_quote, normalize_whitespace
from kg.errors import KgError
from kg.folding import fold_name as fold  # names compared as identities
from kg.vocab import (
    FREQ,
    KG,
    OA,
    ORG,
    QB,
    SCHEMA,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    WIKIDATA,
    Minter,
    bind_prefixes,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$")
CONTEXT_CHARS = 32

# Reference entity kinds and the classes their nodes get.
PLACE_TYPES = {
    "region": KG.Region,
    "country": KG.Country,
    "state": KG.State,
    "city": KG.City,
    "border-area": KG.BorderArea,
}


# --------------------------------------------------------------------------------------------
# Fields: how a curation key becomes triples
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One curation key: its predicate and the kind of value it takes.

    kind is one of: text, text_es, texts, plain, date, duration, int, decimal,
    ref:KINDS, refs:KINDS (KINDS separated by |, or `any`), concept:SCHEME, concepts:SCHEME.
    """

    predicate: URIRef | None
    kind: str


COMMON_FIELDS = {
    "name": Field(RDFS.label, "text"),
    "name_es": Field(SCHEMA.name, "text_es"),
    "alt_names": Field(SKOS.altLabel, "texts"),
    "description": Field(DCTERMS.description, "text"),
    "status": Field(KG.status, "concept:statuses"),
    "note": Field(SKOS.editorialNote, "text"),
}


@dataclass(frozen=True)
class Section:
    """A section of a document file: the kind of thing its items are and their fields."""

    name: str
    kind: str  # the IRI path segment: {base}id/{kind}/...
    rdf_type: URIRef
    fields: dict[str, Field]
    name_required: bool = True
    per_document: bool = False  # claims are minted per document: {base}id/{kind}/{doc}/{id}
    type_by_concept: dict[str, URIRef] = field(default_factory=dict)


SECTIONS = {
    s.name: s
    for s in (
        Section(
            "events",
            "event",
            SCHEMA.Event,
            {
                "type": Field(DCTERMS.type, "concept:event-types"),
                "location": Field(SCHEMA.location, "refs:place"),
                "date": Field(DCTERMS.date, "date"),
                "start": Field(SCHEMA.startDate, "date"),
                "end": Field(SCHEMA.endDate, "date"),
                "when": Field(KG.timeExpression, "text"),
                "duration": Field(SCHEMA.duration, "duration"),
                "ordinal": Field(KG.ordinal, "int"),
                "purpose": Field(KG.purpose, "text"),
                "organizers": Field(SCHEMA.organizer, "refs:organization"),
                "participants": Field(SCHEMA.participant, "refs:organization|person"),
                "participant_groups": Field(KG.participantGroup, "groups"),
                "part_of": Field(DCTERMS.isPartOf, "refs:any"),
                "about": Field(SCHEMA.about, "refs:any"),
            },
        ),
        Section(
            "agreements",
            "agreement",
            KG.Agreement,
            {
                "type": Field(DCTERMS.type, "concept:agreement-types"),
                "parties": Field(KG.party, "refs:organization"),
                "signed_by": Field(KG.signatory, "refs:organization"),
                "date": Field(DCTERMS.date, "date"),
                "when": Field(KG.timeExpression, "text"),
                "led_to": Field(KG.ledTo, "refs:any"),
                "purpose": Field(KG.purpose, "text"),
            },
        ),
        Section(
            "campaigns",
            "campaign",
            KG.Campaign,
            {
                "type": Field(DCTERMS.type, "concepts:campaign-types"),
                "organizers": Field(SCHEMA.organizer, "refs:organization"),
                "location": Field(SCHEMA.location, "refs:place"),
                "media": Field(KG.medium, "concepts:media"),
                "audiences": Field(KG.audience, "concepts:population-groups"),
                "part_of": Field(DCTERMS.isPartOf, "refs:any"),
                "purpose": Field(KG.purpose, "text"),
                "start": Field(SCHEMA.startDate, "date"),
                "when": Field(KG.timeExpression, "text"),
            },
        ),
        Section(
            "projects",
            "project",
            KG.Project,
            {
                "type": Field(DCTERMS.type, "concepts:project-types"),
                "managed_by": Field(KG.managedBy, "refs:organization"),
                "start": Field(SCHEMA.startDate, "date"),
                "end": Field(SCHEMA.endDate, "date"),
                "when": Field(KG.timeExpression, "text"),
                "duration": Field(SCHEMA.duration, "duration"),
                "location": Field(SCHEMA.location, "refs:place"),
                "audiences": Field(KG.audience, "concepts:population-groups"),
                "services": Field(KG.service, "concepts:assistance-types"),
                "media": Field(KG.medium, "concepts:media"),
                "part_of": Field(DCTERMS.isPartOf, "refs:any"),
                "purpose": Field(KG.purpose, "text"),
            },
        ),
        Section(
            "laws",
            "law",
            KG.Law,
            {
                "type": Field(DCTERMS.type, "concept:law-types"),
                "jurisdiction": Field(SCHEMA.legislationJurisdiction, "refs:place"),
                "date": Field(SCHEMA.legislationDate, "date"),
                "when": Field(KG.timeExpression, "text"),
                "approved_by": Field(SCHEMA.legislationPassedBy, "refs:organization"),
                "amends": Field(SCHEMA.legislationChanges, "refs:law"),
                "enables": Field(KG.enables, "refs:any"),
                "purpose": Field(KG.purpose, "text"),
            },
            type_by_concept={"national-action-plan": KG.PolicyPlan},
        ),
        Section(
            "fundings",
            "funding",
            KG.Funding,
            {
                "funder": Field(SCHEMA.funder, "refs:organization"),
                "recipient": Field(KG.fundingRecipient, "refs:organization"),
                "funded": Field(SCHEMA.fundedItem, "refs:project|campaign|event"),
                "under": Field(KG.fundedThrough, "refs:project"),
                "date": Field(DCTERMS.date, "date"),
            },
            name_required=False,
        ),
        Section(
            "studies",
            "study",
            SCHEMA.Report,
            {
                "authors": Field(SCHEMA.author, "refs:organization"),
                "date": Field(DCTERMS.date, "date"),
                "when": Field(KG.timeExpression, "text"),
                "about": Field(DCTERMS.subject, "text"),
                "subject": Field(SCHEMA.about, "refs:any"),
                "language": Field(SCHEMA.inLanguage, "plain"),
            },
        ),
        Section(
            "quotations",
            "quotation",
            SCHEMA.Quotation,
            {
                "speaker": Field(SCHEMA.spokenByCharacter, "ref:person"),
                "about": Field(SCHEMA.about, "refs:any"),
            },
            name_required=False,
        ),
        Section(
            "memberships",
            "membership",
            ORG.Membership,
            {
                "member": Field(ORG.member, "ref:person|organization"),
                "organization": Field(ORG.organization, "ref:organization"),
                "role": Field(ORG.role, "concept:roles"),
                "place": Field(SCHEMA.location, "refs:place"),
            },
            name_required=False,
        ),
        Section(
            "place_roles",
            "claim",
            KG.MigrationRole,
            {
                "place": Field(KG.place, "refs:place"),
                "roles": Field(KG.placeRole, "concepts:place-roles"),
                "of": Field(KG.population, "concept:population-groups|counted-things"),
                "exploitation": Field(KG.exploitationType, "concepts:exploitation-types"),
                "qualifier": Field(KG.roleQualifier, "text"),
                "from": Field(KG.origin, "refs:place"),
                "to": Field(SCHEMA.toLocation, "refs:place"),
                "according_to": Field(KG.attributedTo, "refs:person|organization"),
            },
            name_required=False,
            per_document=True,
        ),
        Section(
            "statements",
            "claim",
            SCHEMA.Claim,
            {
                "about": Field(SCHEMA.about, "refs:any"),
                "according_to": Field(KG.attributedTo, "refs:person|organization"),
                "places": Field(KG.place, "refs:place"),
                "groups": Field(KG.population, "concepts:population-groups"),
                "exploitation": Field(KG.exploitationType, "concepts:exploitation-types"),
                "from": Field(KG.origin, "refs:place"),
                "mainly": Field(KG.mainly, "mainly"),
            },
            name_required=False,
            per_document=True,
        ),
        Section(
            "relations",
            "claim",
            RDF.Statement,
            {
                "subject": Field(None, "ref:any"),
                "predicate": Field(None, "plain"),
                "objects": Field(None, "plain"),
                "from": Field(KG.origin, "refs:place"),
                "location": Field(SCHEMA.location, "refs:place"),
                "according_to": Field(KG.attributedTo, "refs:person|organization"),
            },
            name_required=False,
            per_document=True,
        ),
        Section(
            "observations",
            "observation",
            QB.Observation,
            {
                "label": Field(RDFS.label, "text"),
                "indicator": Field(KG.indicator, "concept:indicators"),
                "value": Field(SDMX_MEASURE.obsValue, "decimal"),
                "min": Field(SCHEMA.minValue, "decimal"),
                "max": Field(SCHEMA.maxValue, "decimal"),
                "unit": Field(SDMX_ATTRIBUTE.unitMeasure, "concept:units"),
                "qualifier": Field(KG.qualifier, "concepts:qualifiers"),
                "population": Field(KG.population, "concept:population-groups|counted-things"),
                "group": Field(KG.group, "concepts:population-groups"),
                "origin": Field(KG.origin, "refs:place"),
                "exploitation": Field(KG.exploitationType, "concepts:exploitation-types"),
                "place": Field(SDMX_DIMENSION.refArea, "refs:place"),
                "to": Field(SCHEMA.toLocation, "refs:place"),
                "period": Field(SDMX_DIMENSION.refPeriod, "period"),
                "frequency": Field(KG.frequency, "frequency"),
                "actor": Field(KG.actor, "refs:organization"),
                "about": Field(SCHEMA.about, "refs:any"),
                "share_of": Field(KG.shareOf, "share"),
                "describes": Field(KG.describes, "observation"),
                "mainly": Field(KG.mainly, "mainly"),
                "attributed_to": Field(KG.attributedTo, "refs:organization"),
                "source_work": Field(KG.citedWork, "refs:study"),
            },
            name_required=False,
            per_document=True,
        ),
    )
}

# The predicates a `relations` item may use, and what its objects are.
RELATION_PREDICATES = {
    "works-with": Field(KG.worksWith, "refs:organization"),
    "works-with-group": Field(KG.worksWithGroup, "concepts:population-groups"),
    "has-sub-office-in": Field(KG.hasSubOfficeIn, "refs:place"),
    "member-of": Field(ORG.memberOf, "refs:organization"),
    "in-border-area": Field(KG.inBorderArea, "refs:place"),
}

# How a relation reads in the label of its reified statement.
RELATION_WORDS = {
    "works-with": "works with",
    "works-with-group": "works with",
    "has-sub-office-in": "has a sub-office in",
    "member-of": "is a member of",
    "in-border-area": "lies in the border area",
}

FREQUENCIES = {"annual": FREQ.annual}
ITEM_KEYS = {"id", "quote", "quotes", "occurrence"}


# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Declared:
    """An identifier known to the build: what kind of thing it names and where."""

    slug: str
    kind: str
    iri: URIRef
    where: Where


@dataclass
class Reference:
    """Reference data, read once and shared by every document's model."""

    minter: Minter
    entities: dict[str, Declared] = field(default_factory=dict)
    concepts: dict[tuple[str, str], URIRef] = field(default_factory=dict)
    schemes: dict[str, Mapping] = field(default_factory=dict)
    records: dict[str, list[Mapping]] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, folded name) -> id
    labels: dict[str, str] = field(default_factory=dict)  # id -> English name
    concept_labels: dict[tuple[str, str], str] = field(default_factory=dict)
    manifest: dict[str, Mapping] = field(default_factory=dict)

    def lookup_name(self, kind: str, name: str) -> str | None:
        return self.names.get((kind, fold(name)))


def _require(item: Mapping, key: str) -> Text:
    value = item.get(key)
    if value is None or not isinstance(value, Text) or not value.strip():
        raise item.where.error(f"missing {key!r}")
    return value


def _slug(item: Mapping, key: str = "id") -> Text:
    value = _require(item, key)
    if not SLUG.match(value):
        raise item.at(key).error(f"{key} {value!r} is not a slug (a-z, 0-9, single hyphens)")
    return value


def _list_of_mappings(node, path: Path, what: str) -> list[Mapping]:
    if node is None:
        return []
    if not isinstance(node, Sequence) or not all(isinstance(i, Mapping) for i in node):
        where = getattr(node, "where", Where(path, 1))
        raise where.error(f"{what} must be a list of mappings")
    return list(node)


REFERENCE_FILES = {
    "organization": "organizations.yaml",
    "place": "places.yaml",
    "person": "people.yaml",
}
REFERENCE_KEYS = {
    "organization": {
        "id",
        "name",
        "name_es",
        "acronym",
        "alt_names",
        "classification",
        "country",
        "part_of",
        "wikidata",
        "note",
    },
    "place": {
        "id",
        "name",
        "name_es",
        "alt_names",
        "type",
        "within",
        "wikidata",
        "iso3166",
        "geonames",
        "note",
    },
    "person": {"id", "name", "alt_names", "note"},
}


def load_reference(data_dir: Path, minter: Minter) -> Reference:
    """Read the manifest and `reference/*.yaml`, checking identifiers and cross-references."""
    ref = Reference(minter)
    manifest_path = data_dir / "sources" / "manifest.yaml"
    manifest = curation.load(manifest_path, max_bytes=curation.MAX_MANIFEST_BYTES)
    for entry in _list_of_mappings(manifest, manifest_path, "the manifest"):
        doc_id = _require(entry, "id")
        for key in ("file", "title", "url", "publisher", "language"):
            _require(entry, key)
        # every later use joins `file` to data/sources: it must name a file there
        curation.inside(data_dir / "sources", entry["file"], entry.at("file"))
        ref.manifest[str(doc_id)] = entry

    for kind, file_name in REFERENCE_FILES.items():
        path = data_dir / "reference" / file_name
        items = _list_of_mappings(curation.load(path), path, file_name)
        ref.records[kind] = items
        for item in items:
            _check_keys(item, REFERENCE_KEYS[kind])
            slug = _slug(item)
            _declare(ref.entities, slug, kind, minter.thing(kind, slug), item.where)
            ref.labels[str(slug)] = normalize_whitespace(_require(item, "name"))
            names = [item.get("name"), item.get("name_es"), item.get("acronym")]
            names += list(item.get("alt_names") or [])
            for name in filter(None, names):
                ref.names.setdefault((kind, fold(name)), slug)

    path = data_dir / "reference" / "concepts.yaml"
    for scheme in _list_of_mappings(curation.load(path), path, "concepts.yaml"):
        scheme_id = _slug(scheme)
        _require(scheme, "label")
        _require(scheme, "definition")
        ref.schemes[scheme_id] = scheme
        for concept in _list_of_mappings(scheme.get("concepts"), path, "concepts"):
            _check_keys(
                concept,
                {"id", "label", "label_es", "definition", "broader", "related", "exact_match"},
            )
            concept_id = _slug(concept)
            _require(concept, "label")
            _require(concept, "definition")
            if (scheme_id, concept_id) in ref.concepts:
                raise concept.where.error(f"duplicate concept {concept_id!r} in {scheme_id}")
            ref.concepts[(scheme_id, concept_id)] = minter.concept(scheme_id, concept_id)
            ref.concept_labels[(scheme_id, concept_id)] = str(concept["label"])

    # Cross-references inside the reference data.
    for kind, key, target in (
        ("organization", "part_of", "organization"),
        ("organization", "country", "place"),
        ("place", "within", "place"),
    ):
        for item in ref.records[kind]:
            if item.get(key) is not None:
                _resolve_entity(ref.entities, item[key], (target,))
    for item in ref.records["organization"]:
        if item.get("classification") is not None:
            _concept(ref, "organization-types", item["classification"])
    for item in ref.records["place"]:
        place_type = item.get("type")
        if place_type not in PLACE_TYPES:
            raise item.at("type").error(
                f"place type {place_type!r} is not one of {', '.join(PLACE_TYPES)}"
            )
    for scheme_id, scheme in ref.schemes.items():
        for concept in scheme.get("concepts") or []:
            if concept.get("broader") is not None:
                _concept(ref, scheme_id, concept["broader"])
            for related in concept.get("related") or []:
                _concept(ref, scheme_id, related)
    return ref


def _declare(registry: dict[str, Declared], slug: str, kind: str, iri: URIRef, where: Where):
    known = registry.get(slug)
    if known is not None and (known.kind != kind or known.where.path == where.path):
        raise where.error(
            f"id {slug!r} is already declared as a {known.kind} "
            f"({known.where.path}:{known.where.line})"
        )
    registry[slug] = Declared(slug, kind, iri, where)


def _check_keys(item: Mapping, allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    for key in item:
        if key not in allowed:
            raise item.at(key).error(
                f"unknown field {key!r}; expected one of: {', '.join(sorted(allowed))}"
            )


def _resolve_entity(registry: dict[str, Declared], value: Text, kinds: tuple[str, ...]):
    if not isinstance(value, Text):
        raise value.where.error("expected an id, found a list or mapping")
    declared = registry.get(str(value))
    if declared is None:
        raise value.where.error(f"unknown reference {str(value)!r}")
    if "any" not in kinds and declared.kind not in kinds:
        raise value.where.error(
            f"{str(value)!r} is a {declared.kind}, expected a {' or '.join(kinds)}"
        )
    return declared.iri


def _concept(ref: Reference, scheme: str, value: Text) -> URIRef:
    """The concept `value` of the scheme, or of the first of several (`a|b`) that has it."""
    schemes = scheme.split("|")
    for name in schemes:
        iri = ref.concepts.get((name, str(value)))
        if iri is not None:
            return iri
    known = sorted(c for s, c in ref.concepts if s in schemes)
    raise value.where.error(
        f"unknown {' or '.join(schemes)} concept {str(value)!r}; known: {', '.join(known)}"
    )


def en(text: str) -> Literal:
    return Literal(normalize_whitespace(text), lang="en")


def model_reference(ref: Reference) -> Graph:
    """The reference graph: organizations, places, people, concept schemes, the data set."""
    m = ref.minter
    g = Graph()
    bind_prefixes(g, m.base)
    ids = ref.entities

    for item in ref.records["organization"]:
        node = ids[item["id"]].iri
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, RDF.type, SCHEMA.Organization))
        _labels(g, node, item)
        if item.get("acronym"):
            g.add((node, KG.acronym, Literal(str(item["acronym"]))))
        if item.get("classification"):
            g.add(
                (
                    node,
                    ORG.classification,
                    _concept(ref, "organization-types", item["classification"]),
                )
            )
        if item.get("part_of"):
            g.add((node, ORG.subOrganizationOf, ids[item["part_of"]].iri))
        if item.get("country"):
            g.add((node, SCHEMA.location, ids[item["country"]].iri))
        if item.get("wikidata"):
            g.add((node, SCHEMA.sameAs, WIKIDATA[str(item["wikidata"])]))

    for item in ref.records["place"]:
        node = ids[item["id"]].iri
        g.add((node, RDF.type, SCHEMA.Place))
        g.add((node, RDF.type, PLACE_TYPES[item["type"]]))
        _labels(g, node, item)
        if item.get("within"):
            g.add((node, KG.containedInPlace, ids[item["within"]].iri))
        if item.get("wikidata"):
            g.add((node, SCHEMA.sameAs, WIKIDATA[str(item["wikidata"])]))
        if item.get("geonames"):
            g.add((node, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{item['geonames']}/")))
        if item.get("iso3166"):
            g.add((node, KG.iso3166Code, Literal(str(item["iso3166"]))))
    # Where they are: points from GeoNames (reference data, not the texts' statements)
    geo.add_geometries(g, ref.records["place"], m)

    for item in ref.records["person"]:
        node = ids[item["id"]].iri
        g.add((node, RDF.type, SCHEMA.Person))
        _labels(g, node, item)

    for scheme_id, scheme in ref.schemes.items():
        scheme_node = m.concept(scheme_id)
        g.add((scheme_node, RDF.type, SKOS.ConceptScheme))
        g.add((scheme_node, RDFS.label, en(scheme["label"])))
        g.add((scheme_node, SKOS.prefLabel, en(scheme["label"])))
        g.add((scheme_node, SKOS.definition, en(scheme["definition"])))
        for concept in scheme.get("concepts") or []:
            node = ref.concepts[(scheme_id, str(concept["id"]))]
            g.add((node, RDF.type, SKOS.Concept))
            if scheme_id == "roles":
                g.add((node, RDF.type, ORG.Role))
            g.add((node, SKOS.inScheme, scheme_node))
            g.add((node, RDFS.label, en(concept["label"])))
            g.add((node, SKOS.prefLabel, en(concept["label"])))
            if concept.get("label_es"):
                g.add((node, SKOS.prefLabel, Literal(str(concept["label_es"]), lang="es")))
            g.add((node, SKOS.definition, en(concept["definition"])))
            if concept.get("broader"):
                g.add((node, SKOS.broader, ref.concepts[(scheme_id, str(concept["broader"]))]))
            else:
                g.add((node, SKOS.topConceptOf, scheme_node))
                g.add((scheme_node, SKOS.hasTopConcept, node))
            for related in concept.get("related") or []:
                g.add((node, SKOS.related, ref.concepts[(scheme_id, str(related))]))
            if concept.get("exact_match"):
                g.add((node, SKOS.exactMatch, URIRef(str(concept["exact_match"]))))

    _statistics_dataset(g, m)
    return g


def _labels(g: Graph, node: URIRef, item: Mapping) -> None:
    """The one English rdfs:label; schema:name in English and Spanish; variants as
    skos:altLabel (docs/vocabulary.md, "Labels")."""
    g.add((node, RDFS.label, en(item["name"])))
    g.add((node, SCHEMA.name, en(item["name"])))
    if item.get("name_es"):
        g.add((node, SCHEMA.name, Literal(str(item["name_es"]), lang="es")))
    for alt in item.get("alt_names") or []:
        g.add((node, SKOS.altLabel, en(alt)))
    if item.get("note"):
        g.add((node, SKOS.editorialNote, en(item["note"])))


# The structure of the statistics data set (RDF Data Cube, https://www.w3.org/TR/vocab-data-cube/).
DATASET_DIMENSIONS = (KG.indicator,)
DATASET_MEASURES = (SDMX_MEASURE.obsValue,)
DATASET_ATTRIBUTES = (
    SDMX_ATTRIBUTE.unitMeasure,
    SDMX_DIMENSION.refArea,
    SDMX_DIMENSION.refPeriod,
    KG.population,
    KG.group,
    KG.origin,
    KG.exploitationType,
    KG.qualifier,
    KG.frequency,
    KG.actor,
    KG.attributedTo,
    KG.citedWork,
    KG.shareOf,
)


def _statistics_dataset(g: Graph, m: Minter) -> None:
    dataset, structure = m.dataset, URIRef(str(m.dataset) + "/structure")
    g.add((dataset, RDF.type, QB.DataSet))
    g.add((dataset, RDFS.label, en("Statistics stated in the press releases")))
    g.add(
        (
            dataset,
            DCTERMS.description,
            en(
                "Every number the sources state, one observation each, with its unit, qualifier, "
                "attribution and the words that state it."
            ),
        )
    )
    g.add((dataset, QB.structure, structure))
    g.add((structure, RDF.type, QB.DataStructureDefinition))
    g.add((structure, RDFS.label, en("Structure of the statistics data set")))
    components = [("dimension", p, True) for p in DATASET_DIMENSIONS]
    components += [("measure", p, True) for p in DATASET_MEASURES]
    components += [("attribute", p, False) for p in DATASET_ATTRIBUTES]
    for order, (role, prop, required) in enumerate(components, start=1):
        local = str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        spec = URIRef(f"{structure}/{local}")
        g.add((structure, QB.component, spec))
        g.add((spec, RDF.type, QB.ComponentSpecification))
        g.add((spec, RDFS.label, en(f"{role} {local} of the statistics data set")))
        g.add((spec, QB[role], prop))
        g.add((spec, QB.order, Literal(order)))
        if role == "attribute":
            g.add((spec, QB.componentRequired, Literal(required)))


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


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
        return _resolve_entity(registry, value, kinds)

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
            return _concept(self.ref, arg, value)
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
            return _concept(self.ref, "exploitation-types", value)
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
            _check_keys(value, {"start", "end", "duration"})
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
            _check_keys(
                group, {"group", "from", "organization", "quote", "quotes", "occurrence", "note"}
            )
            node = URIRef(f"{self.m.thing('event', item['id'])}/group/{index}")
            self.add(node, RDF.type, KG.ParticipantGroup)
            concept = _concept(self.ref, "population-groups", _require(group, "group"))
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
        quotes = _quotes(item)
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
        words, doc = f"\u201c{_short(span.text, 60)}\u201d", f"document {self.doc_id}"
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


def _quotes(item: Mapping) -> list[Text]:
    if item.get("quote") is not None and item.get("quotes") is not None:
        raise item.at("quotes").error("give either quote or quotes, not both")
    if item.get("quote") is not None:
        quotes = [item["quote"]]
    elif isinstance(item.get("quotes"), Sequence) and item["quotes"]:
        quotes = list(item["quotes"])
    else:
        raise item.where.error("missing quote: every item needs the words that state it")
    for quote in quotes:
        if not isinstance(quote, Text) or not quote.strip():
            raise item.where.error("a quote must be non-empty text")
    return quotes


def date_literal(value: Text) -> Literal:
    match = DATE.match(str(value))
    if not match:
        raise value.where.error(
            f"{str(value)!r} is not an ISO 8601 date (2007, 2007-11, 2007-11-15)"
        )
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise value.where.error(f"{str(value)!r} is not a valid date")
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(str(value), datatype=datatype)


def number_literal(value: Text) -> Literal:
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise value.where.error(
            f"{str(value)!r} is not a number (write digits without separators: 20000)"
        )
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:  # pragma: no cover - the pattern above excludes this
        raise value.where.error(f"{str(value)!r} is not a number") from exc
    if number == number.to_integral_value():
        return Literal(int(number))
    return Literal(number, datatype=XSD.decimal)


def declared_ids(path: Path, document) -> list[tuple[str, str, Where]]:
    """The (id, kind, where) of every entity a document file declares (not its claims)."""
    out = []
    for name, section in SECTIONS.items():
        if section.per_document:
            continue
        for item in _list_of_mappings(document.get(name), path, name):
            out.append((str(_slug(item)), section.kind, item.where))
    return out


def model_document(path: Path, source: CleanDocument, ref: Reference, document=None) -> Graph:
    """One document's graph: what its curation file states, grounded in its source.
    `document` is the curation file already read with `curation.load`, if it was."""
    document = curation.load(path) if document is None else document
    if not isinstance(document, Mapping):
        raise KgError(path, 1, "a document file is a mapping with `document:` and sections")
    _check_keys(document, {"document", "published", "mentions", *SECTIONS})
    doc_id = str(_require(document, "document"))
    if doc_id != source.id or doc_id not in ref.manifest:
        raise document.at("document").error(
            f"document {doc_id!r} does not match its source {source.path.name} in the manifest"
        )
    graph = Graph()
    bind_prefixes(graph, ref.minter.base)
    model = DocumentModel(
        ref,
        source,
        path,
        doc_id,
        graph,
        body_spans=(source.title, *source.paragraphs, *source.trailer),
    )

    # First pass: what the document declares, so items may refer to each other in any order.
    for slug, kind, where in declared_ids(path, document):
        if slug in ref.entities:
            raise where.error(f"id {slug!r} is already declared in the reference data")
        _declare(model.local, slug, kind, ref.minter.thing(kind, slug), where)
    for name in SECTIONS:
        for item in _list_of_mappings(document.get(name), path, name):
            if isinstance(item.get("name"), Text):
                model.local_labels[str(item["id"])] = normalize_whitespace(item["name"])
    for item in _list_of_mappings(document.get("observations"), path, "observations"):
        slug = str(_slug(item))
        if slug in model.observations:
            raise item.where.error(f"duplicate observation id {slug!r}")
        model.observations[slug] = ref.minter.observation(doc_id, slug)

    _model_source(model, ref.manifest[doc_id])
    if document.get("published") is not None:
        _model_publication(model, document["published"])
    for index, item in enumerate(_list_of_mappings(document.get("mentions"), path, "mentions")):
        _check_keys(item, {"ref", "quote", "occurrence"})
        entity = model.entity(_require(item, "ref"), ("organization", "place", "person"))
        model.add(model.doc, SCHEMA.mentions, entity)
        model.evidence(item, entity, f"mention-{index + 1}-{item['ref']}", OA.identifying)
    seen_claims: set[str] = set()
    for name, section in SECTIONS.items():
        for item in _list_of_mappings(document.get(name), path, name):
            if section.per_document:
                if str(item["id"]) in seen_claims:
                    raise item.where.error(f"duplicate id {str(item['id'])!r} in this document")
                seen_claims.add(str(item["id"]))
            _model_item(model, section, item)
    return graph


def _model_source(model: DocumentModel, entry: Mapping) -> None:
    """The document node, its source text and its press contacts."""
    doc, source, ref = model.doc, model.source, model.ref
    raw_node = ref.minter.source_text(str(entry["file"]))
    model.add(doc, RDF.type, SCHEMA.NewsArticle)
    model.add(doc, DCTERMS.identifier, Literal(model.doc_id))
    model.add(doc, RDFS.label, en(source.title.text))
    model.add(doc, SCHEMA.headline, en(source.title.text))
    if fold(source.title.text) != fold(entry["title"]):
        raise entry.at("title").error(
            f"the manifest title differs from the source's title {source.title.text!r}"
        )
    model.add(doc, SCHEMA.url, URIRef(str(entry["url"])))
    if entry.get("published") is not None:
        # The date the page states (`kg add` records it in the manifest when it does).
        model.add(
            doc, SCHEMA.datePublished, Literal(_iso_date(entry, "published"), datatype=XSD.date)
        )
    model.add(doc, SCHEMA.inLanguage, Literal(str(entry["language"])))
    publisher = ref.lookup_name("organization", entry["publisher"])
    if publisher is None:
        raise entry.at("publisher").error(f"unknown publisher {str(entry['publisher'])!r}")
    model.add(doc, SCHEMA.publisher, ref.entities[publisher].iri)
    model.publisher = str(publisher)
    model.add(doc, SCHEMA.articleBody, Literal(source.body_text, lang="en"))
    model.add(doc, KG.sourceText, raw_node)
    model.add(raw_node, RDF.type, SCHEMA.MediaObject)
    model.add(raw_node, SCHEMA.name, Literal(str(entry["file"])))
    model.add(raw_node, RDFS.label, en(f"source text of document {model.doc_id} ({entry['file']})"))
    model.add(raw_node, SCHEMA.encodingFormat, Literal("text/plain; charset=utf-8"))
    model.add(
        raw_node, SCHEMA.sha256, Literal(hashlib.sha256(source.raw.encode("utf-8")).hexdigest())
    )
    model.add(raw_node, SCHEMA.url, URIRef(str(entry["url"])))

    for index, contact in enumerate(source.contacts, start=1):
        node = ref.minter.thing("contact", f"{model.doc_id}-{index}")
        line = source.raw.count("\n", 0, contact.name.start) + 1
        person = ref.lookup_name("person", contact.name.text)
        if person is None:
            raise KgError(
                source.path, line, f"contact {contact.name.text!r} is not in reference/people.yaml"
            )
        person_node = ref.entities[person].iri
        model.add(doc, KG.pressContact, node)
        model.add(doc, SCHEMA.mentions, person_node)
        model.add(node, RDF.type, SCHEMA.ContactPoint)
        model.add(node, SCHEMA.contactType, en("press enquiries"))
        model.add(node, RDFS.label, en(f"{contact.name.text} (press contact)"))
        model.add(node, KG.contactPerson, person_node)
        model.add(person_node, SCHEMA.contactPoint, node)
        annotation = model.m.annotation(model.doc_id, f"contact-{index}")
        model.annotate(annotation, node, contact.name, OA.identifying)
        model.annotate(URIRef(f"{annotation}-person"), person_node, contact.name, OA.identifying)
        if contact.office is not None:
            office = ref.lookup_name("organization", contact.office.text)
            if office is None:
                raise KgError(
                    source.path,
                    source.raw.count("\n", 0, contact.office.start) + 1,
                    f"contact office {contact.office.text!r} is not in "
                    "reference/organizations.yaml",
                )
            model.add(node, KG.office, ref.entities[office].iri)
            model.add(doc, SCHEMA.mentions, ref.entities[office].iri)
            model.annotate(
                URIRef(f"{annotation}-office"),
                ref.entities[office].iri,
                contact.office,
                OA.identifying,
            )
        if contact.telephone is not None:
            model.add(node, SCHEMA.telephone, Literal(contact.telephone.text))
        if contact.email is not None:
            model.add(node, SCHEMA.email, Literal(contact.email.text))


def _iso_date(entry: Mapping, key: str) -> str:
    """The manifest entry's `key` as a date YYYY-MM-DD, or a KgError at its line."""
    import datetime

    try:
        return datetime.date.fromisoformat(str(entry[key])).isoformat()
    except ValueError:
        raise entry.at(key).error(f"{key} is not a date (YYYY-MM-DD): {entry[key]!s}") from None


def _model_publication(model: DocumentModel, published) -> None:
    if not isinstance(published, Mapping):
        raise KgError(model.path, None, "published must be a mapping")
    _check_keys(published, {"not_before", "not_after", "reasoning", "quote", "quotes"})
    if published.get("not_before") is None and published.get("not_after") is None:
        raise published.where.error("published needs not_before or not_after")
    node = URIRef(f"{model.doc}/publication")
    model.add(model.doc, KG.publicationInterval, node)
    model.add(node, RDF.type, TIME.Interval)
    model.add(node, RDFS.label, en(f"publication of document {model.doc_id}"))
    if published.get("not_before") is not None:
        model.add(node, TIME.hasBeginning, model.instant(published["not_before"]))
        model.add(node, SCHEMA.startDate, date_literal(published["not_before"]))
    if published.get("not_after") is not None:
        model.add(node, TIME.hasEnd, model.instant(published["not_after"]))
        model.add(node, SCHEMA.endDate, date_literal(published["not_after"]))
    model.add(node, KG.inferenceReasoning, en(_require(published, "reasoning")))
    model.evidence(published, node, "publication")


def _model_item(model: DocumentModel, section: Section, item: Mapping) -> None:
    slug = str(_slug(item))
    allowed = ITEM_KEYS | set(section.fields) | set(COMMON_FIELDS)
    _check_keys(item, allowed)
    if section.per_document:
        node = model.m.thing(section.kind, model.doc_id, slug)
        if section.name == "observations":
            node = model.observations[slug]
    else:
        node = model.local[slug].iri
    if section.name_required:
        _require(item, "name")

    rdf_type = section.rdf_type
    if item.get("type") is not None and isinstance(item["type"], Text):
        rdf_type = section.type_by_concept.get(str(item["type"]), rdf_type)
    if section.name == "relations":  # one reified statement per object, each described
        _model_relation(model, node, item, section)
        return
    model.add(node, RDF.type, rdf_type)
    model.add(model.doc, SCHEMA.mentions, node)
    _add_fields(model, node, item, section)

    special: dict[str, Callable[[DocumentModel, URIRef, Mapping], None]] = {
        "observations": _model_observation,
        "quotations": _model_quotation,
        "statements": _model_statement,
        "memberships": _model_membership,
        "place_roles": _model_place_role,
        "fundings": _model_funding,
    }
    if section.name in special:
        special[section.name](model, node, item)
    model.evidence(item, node, slug)


def _add_fields(model: DocumentModel, node: URIRef, item: Mapping, section: Section) -> None:
    """The triples of an item's fields (common and its section's) about `node`."""
    for key, fld in {**COMMON_FIELDS, **section.fields}.items():
        if item.get(key) is None or fld.predicate is None:
            continue
        if key == "name":
            model.add(node, SCHEMA.name, en(item[key]))
        for obj in model.values(item, key, fld):
            for o in obj if isinstance(obj, list) else [obj]:
                model.add(node, fld.predicate, o)


def _model_observation(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("label", "indicator", "unit"):
        _require(item, key)
    if item.get("qualifier") is None:
        raise item.where.error("missing 'qualifier' (exact, more-than, approximately, ...)")
    has_value = item.get("value") is not None
    has_range = item.get("min") is not None or item.get("max") is not None
    if has_value == has_range:
        raise item.where.error("an observation has either a value or min and max")
    model.add(node, QB.dataSet, model.m.dataset)
    model.add(node, PROV.wasDerivedFrom, model.doc)
    whole = item.get("share_of")
    if isinstance(whole, Text) and str(whole) not in model.observations:
        # kg:shareOf names an observation only; a share of a population group that the text
        # gives no number for has that group as its population (the whole).
        group = _concept(model.ref, "population-groups", whole)
        if item.get("population") is not None and str(item["population"]) != str(whole):
            raise item.at("share_of").error(
                f"share_of {str(whole)!r} names a population group other than the "
                f"observation's population {str(item['population'])!r}: the population is the whole"
            )
        model.add(node, KG.population, group)
    for reporter in model.reporters(item, "attributed_to"):
        model.add(node, KG.attributedTo, reporter)


def _model_quotation(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    quotes = _quotes(item)
    _require(item, "speaker")
    model.add(node, SCHEMA.text, en(" ".join(quotes)))
    model.add(node, SCHEMA.isPartOf, model.doc)
    speaker = model.label_of(item["speaker"])
    model.add(node, RDFS.label, en(f"{speaker}: \u201c{_short(' '.join(quotes), 60)}\u201d"))


def _model_statement(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    quotes = _quotes(item)
    for reporter in model.reporters(item, "according_to"):
        model.add(node, KG.attributedTo, reporter)
    model.add(node, SCHEMA.text, en(" ".join(quotes)))
    model.add(node, RDFS.label, en(_short(" ".join(quotes))))


def _model_membership(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("member", "organization", "role"):
        _require(item, key)
    member = model.entity(item["member"], ("person", "organization"))
    organization = model.entity(item["organization"], ("organization",))
    model.add(member, ORG.memberOf, organization)
    role = model.ref.concept_labels[("roles", str(item["role"]))]
    label = f"{model.label_of(item['member'])}, {role}, {model.label_of(item['organization'])}"
    model.add(node, RDFS.label, en(label))


def _model_place_role(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    if item.get("place") is None:
        raise item.where.error("missing 'place'")
    for reporter in model.reporters(item, "according_to"):
        model.add(node, KG.attributedTo, reporter)
    model.add(node, SCHEMA.text, en(" ".join(_quotes(item))))
    model.add(node, RDFS.label, en(_short(" ".join(_quotes(item)))))


def _model_funding(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("funder", "funded"):
        _require(item, key)
    funded, funder = model.label_of(item["funded"]), model.label_of(item["funder"])
    model.add(node, RDFS.label, en(f"Funding of {funded} by {funder}"))


def _model_relation(model: DocumentModel, node: URIRef, item: Mapping, section: Section) -> None:
    """A relation item states triples directly; each is also reified so it carries evidence."""
    subject = model.entity(_require(item, "subject"), ("any",))
    predicate_name = str(_require(item, "predicate"))
    if predicate_name not in RELATION_PREDICATES:
        raise item.at("predicate").error(
            f"unknown predicate {predicate_name!r}; expected one of "
            f"{', '.join(RELATION_PREDICATES)}"
        )
    fld = RELATION_PREDICATES[predicate_name]
    if item.get("objects") is None:
        raise item.where.error("missing 'objects'")
    objects = model.values(item, "objects", fld)
    names = item["objects"] if isinstance(item["objects"], Sequence) else [item["objects"]]
    for index, (obj, name) in enumerate(zip(objects, names, strict=True), start=1):
        statement = URIRef(f"{node}/{index}") if len(objects) > 1 else node
        model.add(subject, fld.predicate, obj)
        model.add(statement, RDF.type, RDF.Statement)
        if fld.kind.startswith("concepts:"):
            object_label = model.ref.concept_labels[(fld.kind.split(":")[1], str(name))]
        else:
            object_label = model.label_of(name)
        words = RELATION_WORDS[predicate_name]
        model.add(
            statement, RDFS.label, en(f"{model.label_of(item['subject'])} {words} {object_label}")
        )
        model.add(statement, RDF.subject, subject)
        model.add(statement, RDF.predicate, fld.predicate)
        model.add(statement, RDF.object, obj)
        _add_fields(model, statement, item, section)
        for reporter in model.reporters(item, "according_to"):
            model.add(statement, KG.attributedTo, reporter)
        model.add(model.doc, SCHEMA.mentions, statement)
        model.evidence(item, statement, f"{item['id']}" + (f"-{index}" if len(objects) > 1 else ""))


def _short(text: str, limit: int = 90) -> str:
    text = normalize_whitespace(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
