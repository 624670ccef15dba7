"""Reference data: the manifest and `data/reference/*.yaml`, read once and checked.

`load_reference` reads them and checks identifiers and cross-references; the identifiers
and concepts it registers are what every document's items resolve their references against
(`resolve_entity`, `resolve_concept`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.build import curation
from kg.build.curation import Mapping, Text, Where
from kg.build.ingest import normalize_whitespace
from kg.build.model.values import check_keys, list_of_mappings, require, require_slug
from kg.folding import fold_name as fold  # names compared as identities
from kg.vocab import KG, Minter

# Reference entity kinds and the classes their nodes get.
PLACE_TYPES = {
    "region": KG.Region,
    "country": KG.Country,
    "state": KG.State,
    "city": KG.City,
    "border-area": KG.BorderArea,
    "site": KG.Site,
}


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
    manifest = load_manifest(data_dir)
    ref = load_reference_files(data_dir, minter)
    ref.manifest = manifest
    return ref


def load_manifest(data_dir: Path) -> dict[str, Mapping]:
    """`sources/manifest.yaml`'s entries by document id, each checked."""
    manifest_path = data_dir / "sources" / "manifest.yaml"
    manifest = curation.load(manifest_path, max_bytes=curation.MAX_MANIFEST_BYTES)
    sources = data_dir / "sources"
    try:
        root = sources.resolve()
    except (OSError, RuntimeError):
        root = None  # each entry's check says why
    entries: dict[str, Mapping] = {}
    for entry in list_of_mappings(manifest, manifest_path, "the manifest"):
        doc_id = require(entry, "id")
        for key in ("file", "title", "url", "publisher", "language"):
            require(entry, key)
        # every later use joins `file` to data/sources: it must name a file there
        curation.inside(sources, entry["file"], entry.at("file"), root)
        entries[str(doc_id)] = entry
    return entries


def load_reference_files(data_dir: Path, minter: Minter) -> Reference:
    """`reference/*.yaml` read and checked, without the manifest (which every added document
    changes: the rest is kept from one publish to the next, `kg.build.cache.Cache.shared`)."""
    ref = Reference(minter)
    for kind, file_name in REFERENCE_FILES.items():
        path = data_dir / "reference" / file_name
        items = list_of_mappings(curation.load(path), path, file_name)
        ref.records[kind] = items
        for item in items:
            check_keys(item, REFERENCE_KEYS[kind])
            slug = require_slug(item)
            declare(ref.entities, slug, kind, minter.thing(kind, slug), item.where)
            ref.labels[str(slug)] = normalize_whitespace(require(item, "name"))
            names = [item.get("name"), item.get("name_es"), item.get("acronym")]
            names += list(item.get("alt_names") or [])
            for name in filter(None, names):
                ref.names.setdefault((kind, fold(name)), slug)

    path = data_dir / "reference" / "concepts.yaml"
    for scheme in list_of_mappings(curation.load(path), path, "concepts.yaml"):
        scheme_id = require_slug(scheme)
        require(scheme, "label")
        require(scheme, "definition")
        ref.schemes[scheme_id] = scheme
        for concept in list_of_mappings(scheme.get("concepts"), path, "concepts"):
            check_keys(
                concept,
                {"id", "label", "label_es", "definition", "broader", "related", "exact_match"},
            )
            concept_id = require_slug(concept)
            require(concept, "label")
            require(concept, "definition")
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
                resolve_entity(ref.entities, item[key], (target,))
    for item in ref.records["organization"]:
        if item.get("classification") is not None:
            resolve_concept(ref, "organization-types", item["classification"])
    for item in ref.records["place"]:
        place_type = item.get("type")
        if place_type not in PLACE_TYPES:
            raise item.at("type").error(
                f"place type {place_type!r} is not one of {', '.join(PLACE_TYPES)}"
            )
    for scheme_id, scheme in ref.schemes.items():
        for concept in scheme.get("concepts") or []:
            if concept.get("broader") is not None:
                resolve_concept(ref, scheme_id, concept["broader"])
            for related in concept.get("related") or []:
                resolve_concept(ref, scheme_id, related)
    return ref


def declare(registry: dict[str, Declared], slug: str, kind: str, iri: URIRef, where: Where):
    """Register an identifier; a KgError when it is already declared as something else
    or twice in one file."""
    known = registry.get(slug)
    if known is not None and (known.kind != kind or known.where.path == where.path):
        raise where.error(
            f"id {slug!r} is already declared as a {known.kind} "
            f"({known.where.path}:{known.where.line})"
        )
    registry[slug] = Declared(slug, kind, iri, where)


def resolve_entity(registry: dict[str, Declared], value: Text, kinds: tuple[str, ...]):
    """The IRI of a declared identifier of one of `kinds` (`any`: of any kind)."""
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


def resolve_concept(ref: Reference, scheme: str, value: Text) -> URIRef:
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
