"""The reference graph: organizations, places, people, the SKOS concept schemes and the
statistics data set, as `load_reference` read them."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import geo
from kg.build.curation import Mapping
from kg.build.model.reference import PLACE_TYPES, Reference, resolve_concept
from kg.build.model.statistics import add_statistics_dataset
from kg.build.model.values import en
from kg.vocab import KG, ORG, SCHEMA, WIKIDATA, bind_prefixes


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
                    resolve_concept(ref, "organization-types", item["classification"]),
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

    add_statistics_dataset(g, m)
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
