"""What the extractor knows: reference entities, concept schemes and the curated documents.

:func:`load` reads a data folder once. :meth:`Knowledge.without` gives the same knowledge with
everything only one document introduces left out (for the leave-one-out evaluation): the
reference entities and concepts that no other document uses (by `mentions`, by any reference
in its items, by its source's press contacts, or as the manifest's publisher), the other
documents only, and no field of what remains pointing at what was left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.build import curation, ingest, model
from kg.errors import KgError

KINDS = ("organization", "place", "person")
# Reference fields that point at another reference entity.
ENTITY_LINKS = {"part_of", "country", "within"}


def plain(node):
    """A curation node (Text, Mapping, Sequence) as plain str, dict and list."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return None if node is None else str(node)


@dataclass
class Entity:
    """A reference organization, place or person."""

    id: str
    kind: str
    name: str
    names: tuple[str, ...]  # every wording: name, name_es, acronym, alt_names
    foreign_names: tuple[str, ...] = ()  # the wordings in another language: name_es
    acronym: str | None = None
    type: str | None = None  # places: region, country, state, city, border-area, site
    within: str | None = None
    part_of: str | None = None
    country: str | None = None
    iso3166: str | None = None


@dataclass
class Concept:
    scheme: str
    id: str
    label: str
    definition: str = ""
    label_es: str | None = None
    broader: str | None = None


@dataclass
class Knowledge:
    data_dir: Path
    entities: dict[str, Entity] = field(default_factory=dict)
    concepts: dict[str, dict[str, Concept]] = field(default_factory=dict)
    documents: dict[str, dict] = field(default_factory=dict)  # doc id -> curation file
    manifest: dict[str, dict] = field(default_factory=dict)
    contacts: dict[str, set[str]] = field(default_factory=dict)  # doc id -> entity ids
    left_out: str | None = None
    cache: dict = field(default_factory=dict, repr=False)  # what extraction builds from it

    # -- look-ups ----------------------------------------------------------------------------

    def concept(self, scheme: str, concept_id: str | None) -> Concept | None:
        if concept_id is None:
            return None
        return self.concepts.get(scheme, {}).get(concept_id)

    def concept_by_label(self, scheme: str, label: str) -> Concept | None:
        wanted = model.fold(label)
        for concept in self.concepts.get(scheme, {}).values():
            if model.fold(concept.label) == wanted or concept.id == wanted.replace(" ", "-"):
                return concept
        return None

    def entity_by_name(self, kind: str, name: str) -> Entity | None:
        wanted = model.fold(name)
        for entity in self.entities.values():
            if entity.kind == kind and any(model.fold(n) == wanted for n in entity.names):
                return entity
        return None

    def declared(self) -> dict[str, tuple[str, dict, str]]:
        """id -> (kind, item, document) of everything the documents declare."""
        out: dict[str, tuple[str, dict, str]] = {}
        for doc_id, document in sorted(self.documents.items()):
            for name, section in model.SECTIONS.items():
                if section.per_document:
                    continue
                for item in document.get(name) or []:
                    if isinstance(item, dict) and item.get("id"):
                        out.setdefault(item["id"], (section.kind, item, doc_id))
        return out

    # -- leave one out -------------------------------------------------------------------------

    def uses(self, doc_id: str) -> tuple[set[str], set[tuple[str, str]]]:
        """The reference entities and (scheme, concept) pairs a document uses."""
        document = self.documents[doc_id]
        entities = {v for v in _scalars(document) if v in self.entities}
        entities |= self.contacts.get(doc_id, set())
        entry = self.manifest.get(doc_id) or {}
        publisher = self.entity_by_name("organization", entry.get("publisher") or "")
        if publisher is not None:
            entities.add(publisher.id)
        return entities, _concepts_used(document)

    def without(self, doc_id: str) -> Knowledge:
        """This knowledge as it was before document `doc_id` was curated."""
        if doc_id not in self.documents:
            raise KgError(self.data_dir / "documents", None, f"no curated document {doc_id!r}")
        others = [d for d in self.documents if d != doc_id]
        used_entities: set[str] = set()
        used_concepts: set[tuple[str, str]] = set()
        for other in others:
            e, c = self.uses(other)
            used_entities |= e
            used_concepts |= c
        mine_e, mine_c = self.uses(doc_id)
        removed = mine_e - used_entities
        # What only removed entities point at goes with them (the state of a removed city).
        while True:
            pointed = {
                getattr(e, link)
                for e in self.entities.values()
                if e.id not in removed
                for link in ENTITY_LINKS
                if getattr(e, link)
            }
            more = {
                target
                for e in self.entities.values()
                if e.id in removed
                for link in ENTITY_LINKS
                if (target := getattr(e, link))
                and target not in removed
                and target not in used_entities
                and target not in pointed
            }
            if not more:
                break
            removed |= more
        entities = {}
        for entity in self.entities.values():
            if entity.id in removed:
                continue
            links = {k: None for k in ENTITY_LINKS if getattr(entity, k) in removed}
            entities[entity.id] = replace(entity, **links) if links else entity
        # Concepts the reference data itself uses (organization classifications) stay.
        removed_concepts = mine_c - used_concepts
        concepts: dict[str, dict[str, Concept]] = {}
        for scheme, members in self.concepts.items():
            concepts[scheme] = {}
            for cid, concept in members.items():
                if (scheme, cid) in removed_concepts:
                    continue
                if concept.broader and (scheme, concept.broader) in removed_concepts:
                    concept = replace(concept, broader=None)
                concepts[scheme][cid] = concept
        return Knowledge(
            data_dir=self.data_dir,
            entities=entities,
            concepts=concepts,
            documents={d: self.documents[d] for d in others},
            manifest=self.manifest,
            contacts={d: self.contacts[d] for d in others if d in self.contacts},
            left_out=doc_id,
        )


def _scalars(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("quote", "quotes", "note", "description", "reasoning", "purpose"):
                continue
            yield from _scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from _scalars(value)
    elif node is not None:
        yield node


def _concepts_used(document: dict) -> set[tuple[str, str]]:
    used: set[tuple[str, str]] = set()
    for name, section in model.SECTIONS.items():
        for item in document.get(name) or []:
            if not isinstance(item, dict):
                continue
            for key, fld in {**model.COMMON_FIELDS, **section.fields}.items():
                kind, _, scheme = fld.kind.partition(":")
                if kind in ("concept", "concepts") and item.get(key) is not None:
                    values = item[key] if isinstance(item[key], list) else [item[key]]
                    used |= {(scheme, v) for v in values}
            for group in item.get("participant_groups") or []:
                if isinstance(group, dict) and group.get("group"):
                    used.add(("population-groups", group["group"]))
            if name == "observations" and isinstance(item.get("share_of"), str):
                used.add(("population-groups", item["share_of"]))
            if name == "relations" and item.get("predicate") in model.RELATION_PREDICATES:
                fld = model.RELATION_PREDICATES[item["predicate"]]
                kind, _, scheme = fld.kind.partition(":")
                if kind == "concepts":
                    values = item.get("objects") or []
                    used |= {(scheme, v) for v in (values if isinstance(values, list) else [])}
    return used


def load(data_dir: Path, *, contacts: bool = True) -> Knowledge:
    """Read the reference data, the concept schemes, the manifest and every curated document.

    ``contacts``: also read the sources of the curated documents for their press contacts
    (needed for :meth:`Knowledge.without` only)."""
    data_dir = Path(data_dir)
    knowledge = Knowledge(data_dir=data_dir)
    manifest_path = data_dir / "sources" / "manifest.yaml"
    for entry in plain(curation.load(manifest_path)) or []:
        knowledge.manifest[str(entry.get("id"))] = entry
    for kind, file_name in model.REFERENCE_FILES.items():
        for item in plain(curation.load(data_dir / "reference" / file_name)) or []:
            names = [item.get("name"), item.get("name_es"), item.get("acronym")]
            names += list(item.get("alt_names") or [])
            knowledge.entities[item["id"]] = Entity(
                id=item["id"],
                kind=kind,
                name=item["name"],
                names=tuple(n for n in names if n),
                foreign_names=tuple(n for n in [item.get("name_es")] if n),
                acronym=item.get("acronym"),
                type=item.get("type"),
                within=item.get("within"),
                part_of=item.get("part_of"),
                country=item.get("country"),
                iso3166=item.get("iso3166"),
            )
    for scheme in plain(curation.load(data_dir / "reference" / "concepts.yaml")) or []:
        members = knowledge.concepts.setdefault(scheme["id"], {})
        for concept in scheme.get("concepts") or []:
            members[concept["id"]] = Concept(
                scheme=scheme["id"],
                id=concept["id"],
                label=concept["label"],
                definition=concept.get("definition") or "",
                label_es=concept.get("label_es"),
                broader=concept.get("broader"),
            )
    for path in sorted((data_dir / "documents").glob("*.yaml")):
        document = plain(curation.load(path))
        if isinstance(document, dict) and document.get("document"):
            knowledge.documents[str(document["document"])] = document
    if contacts:
        for doc_id in knowledge.documents:
            entry = knowledge.manifest.get(doc_id)
            if entry is None:
                continue
            source = ingest.read_source(data_dir / "sources" / entry["file"])
            found = set()
            for contact in source.contacts:
                person = knowledge.entity_by_name("person", contact.name.text)
                if person is not None:
                    found.add(person.id)
                if contact.office is not None:
                    office = knowledge.entity_by_name("organization", contact.office.text)
                    if office is not None:
                        found.add(office.id)
            knowledge.contacts[doc_id] = found
    return knowledge
