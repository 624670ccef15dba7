"""One document's graph: what its curation file states, grounded in its cleaned source.

Each document is modelled on its own (against the shared reference data), so documents can
be built in parallel."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, TIME, XSD

from kg.build import curation
from kg.build.curation import Mapping, Sequence, Text, Where
from kg.build.ingest import CleanDocument, normalize_whitespace
from kg.build.model.document_model import DocumentModel
from kg.build.model.reference import Reference, declare
from kg.build.model.sections import (
    COMMON_FIELDS,
    ITEM_KEYS,
    RELATION_PREDICATES,
    RELATION_WORDS,
    SECTIONS,
    Section,
)
from kg.build.model.statistics import model_observation
from kg.build.model.values import (
    check_keys,
    date_literal,
    en,
    list_of_mappings,
    quotes_of,
    require,
    require_slug,
    shortened,
)
from kg.errors import KgError
from kg.folding import fold_name as fold  # names compared as identities
from kg.vocab import KG, OA, ORG, SCHEMA, bind_prefixes


def declared_ids(path: Path, document) -> list[tuple[str, str, Where]]:
    """The (id, kind, where) of every entity a document file declares (not its claims)."""
    out = []
    for name, section in SECTIONS.items():
        if section.per_document:
            continue
        for item in list_of_mappings(document.get(name), path, name):
            out.append((str(require_slug(item)), section.kind, item.where))
    return out


def model_document(path: Path, source: CleanDocument, ref: Reference, document=None) -> Graph:
    """One document's graph: what its curation file states, grounded in its source.
    `document` is the curation file already read with `curation.load`, if it was."""
    document = curation.load(path) if document is None else document
    if not isinstance(document, Mapping):
        raise KgError(path, 1, "a document file is a mapping with `document:` and sections")
    check_keys(document, {"document", "published", "mentions", *SECTIONS})
    doc_id = str(require(document, "document"))
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
        declare(model.local, slug, kind, ref.minter.thing(kind, slug), where)
    for name in SECTIONS:
        for item in list_of_mappings(document.get(name), path, name):
            if isinstance(item.get("name"), Text):
                model.local_labels[str(item["id"])] = normalize_whitespace(item["name"])
    for item in list_of_mappings(document.get("observations"), path, "observations"):
        slug = str(require_slug(item))
        if slug in model.observations:
            raise item.where.error(f"duplicate observation id {slug!r}")
        model.observations[slug] = ref.minter.observation(doc_id, slug)

    _model_source(model, ref.manifest[doc_id])
    if document.get("published") is not None:
        _model_publication(model, document["published"])
    for index, item in enumerate(list_of_mappings(document.get("mentions"), path, "mentions")):
        check_keys(item, {"ref", "quote", "occurrence"})
        entity = model.entity(require(item, "ref"), ("organization", "place", "person"))
        model.add(model.doc, SCHEMA.mentions, entity)
        model.evidence(item, entity, f"mention-{index + 1}-{item['ref']}", OA.identifying)
    seen_claims: set[str] = set()
    for name, section in SECTIONS.items():
        for item in list_of_mappings(document.get(name), path, name):
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
    check_keys(published, {"not_before", "not_after", "reasoning", "quote", "quotes"})
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
    model.add(node, KG.inferenceReasoning, en(require(published, "reasoning")))
    model.evidence(published, node, "publication")


def _model_item(model: DocumentModel, section: Section, item: Mapping) -> None:
    slug = str(require_slug(item))
    allowed = ITEM_KEYS | set(section.fields) | set(COMMON_FIELDS)
    check_keys(item, allowed)
    if section.per_document:
        node = model.m.thing(section.kind, model.doc_id, slug)
        if section.name == "observations":
            node = model.observations[slug]
    else:
        node = model.local[slug].iri
    if section.name_required:
        require(item, "name")

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
        "observations": model_observation,
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


def _model_quotation(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    quotes = quotes_of(item)
    require(item, "speaker")
    model.add(node, SCHEMA.text, en(" ".join(quotes)))
    model.add(node, SCHEMA.isPartOf, model.doc)
    speaker = model.label_of(item["speaker"])
    model.add(node, RDFS.label, en(f"{speaker}: \u201c{shortened(' '.join(quotes), 60)}\u201d"))


def _model_statement(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    quotes = quotes_of(item)
    for reporter in model.reporters(item, "according_to"):
        model.add(node, KG.attributedTo, reporter)
    model.add(node, SCHEMA.text, en(" ".join(quotes)))
    model.add(node, RDFS.label, en(shortened(" ".join(quotes))))


def _model_membership(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("member", "organization", "role"):
        require(item, key)
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
    model.add(node, SCHEMA.text, en(" ".join(quotes_of(item))))
    model.add(node, RDFS.label, en(shortened(" ".join(quotes_of(item)))))


def _model_funding(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("funder", "funded"):
        require(item, key)
    funded, funder = model.label_of(item["funded"]), model.label_of(item["funder"])
    model.add(node, RDFS.label, en(f"Funding of {funded} by {funder}"))


def _model_relation(model: DocumentModel, node: URIRef, item: Mapping, section: Section) -> None:
    """A relation item states triples directly; each is also reified so it carries evidence."""
    subject = model.entity(require(item, "subject"), ("any",))
    predicate_name = str(require(item, "predicate"))
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
