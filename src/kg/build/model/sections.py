"""The sections of a document's curation file: what kind of thing each section's items are,
the fields they may have, and how each field (a curation key) becomes triples."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.vocab import FREQ, KG, ORG, QB, SCHEMA, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE


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
                "period_reasoning": Field(KG.periodReasoning, "text"),
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
