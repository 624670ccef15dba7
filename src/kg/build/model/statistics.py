"""Statistics: the data set every stated number belongs to (RDF Data Cube,
https://www.w3.org/TR/vocab-data-cube/) and what an observation adds beyond its fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.build.curation import Mapping, Text
from kg.build.model.reference import resolve_concept
from kg.build.model.values import en, require
from kg.vocab import KG, QB, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE, Minter

if TYPE_CHECKING:
    from kg.build.model.document_model import DocumentModel

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


def add_statistics_dataset(g: Graph, m: Minter) -> None:
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


def model_observation(model: DocumentModel, node: URIRef, item: Mapping) -> None:
    for key in ("label", "indicator", "unit"):
        require(item, key)
    if item.get("qualifier") is None:
        raise item.where.error("missing 'qualifier' (exact, more-than, approximately, ...)")
    has_value = item.get("value") is not None
    has_range = item.get("min") is not None or item.get("max") is not None
    if has_value == has_range:
        raise item.where.error("an observation has either a value or min and max")
    if item.get("period_reasoning") is not None and item.get("period") is None:
        # the reasoning of a period the curator took out would explain nothing
        raise item.at("period_reasoning").error("period_reasoning explains a period: give one")
    model.add(node, QB.dataSet, model.m.dataset)
    model.add(node, PROV.wasDerivedFrom, model.doc)
    whole = item.get("share_of")
    if isinstance(whole, Text) and str(whole) not in model.observations:
        # kg:shareOf names an observation only; a share of a population group that the text
        # gives no number for has that group as its population (the whole).
        group = resolve_concept(model.ref, "population-groups", whole)
        if item.get("population") is not None and str(item["population"]) != str(whole):
            raise item.at("share_of").error(
                f"share_of {str(whole)!r} names a population group other than the "
                f"observation's population {str(item['population'])!r}: the population is the whole"
            )
        model.add(node, KG.population, group)
    for reporter in model.reporters(item, "attributed_to"):
        model.add(node, KG.attributedTo, reporter)
