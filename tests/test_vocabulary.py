"""The vocabulary policy of docs/vocabulary.md, held against the whole published graph.

Each test states one rule of the policy (labels, reporters, places, dates, durations, schemes,
the structure of facts) and checks it on the graph `kg publish` builds from data/: the asserted
triples and what the reasoner adds, as a store loaded with the dumps holds them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD

from kg.build.validate import load_ontology, load_shapes
from kg.vocab import KG, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://kg.example.org/"
ID = BASE + "id/"
KGSH = "https://kg.example.org/def/shapes#"

PREFIXES = """
PREFIX kg: <https://kg.example.org/def/kg#>
PREFIX schema: <https://schema.org/>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    """Asserted and inferred triples together."""
    union = built.inferred_graph()
    for triple in built.asserted():
        union.add(triple)
    return union


def rows(graph: Graph, query: str) -> list:
    return list(graph.query(PREFIXES + query))


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


def own_nodes(graph: Graph) -> set[URIRef]:
    """Every node with an IRI of the data itself (things and source texts, not terms)."""
    return {
        s
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith((ID, BASE + "source/"))
    }


# -- labels ------------------------------------------------------------------------------------


def english_labels(graph: Graph, node) -> list[Literal]:
    return [o for o in graph.objects(node, RDFS.label) if getattr(o, "language", None) == "en"]


def test_every_thing_with_an_iri_has_exactly_one_label_and_it_is_english(graph):
    """The figure of issue 16: things with an IRI lacking exactly one English label (goal 0)."""
    lacking = sorted(
        (str(node), [str(label) for label in graph.objects(node, RDFS.label)])
        for node in own_nodes(graph)
        if len(english_labels(graph, node)) != 1 or len(list(graph.objects(node, RDFS.label))) != 1
    )
    assert lacking == []


def test_the_label_shape_targets_every_kind_of_thing_in_the_graph(graph):
    """No node escapes the label shape: each is an instance of one of its target classes."""
    shapes = load_shapes()
    targets = set(shapes.objects(URIRef(KGSH + "LabelShape"), SH.targetClass))
    untargeted = sorted(
        str(node) for node in own_nodes(graph) if not set(graph.objects(node, RDF.type)) & targets
    )
    assert untargeted == []


def test_other_languages_and_variants_sit_beside_the_label(graph):
    mexico = iri("place/mexico")
    assert english_labels(graph, mexico) == [Literal("Mexico", lang="en")]
    assert Literal("México", lang="es") in set(graph.objects(mexico, SCHEMA.name))
    sexual = iri("concept/exploitation-types/sexual-exploitation")
    assert list(graph.objects(sexual, RDFS.label)) == [Literal("sexual exploitation", lang="en")]
    assert set(graph.objects(sexual, SKOS.prefLabel)) == {
        Literal("sexual exploitation", lang="en"),
        Literal("explotación sexual", lang="es"),
    }


def test_every_term_of_the_ontology_has_exactly_one_english_label():
    ontology = load_ontology()
    terms = {
        s
        for s in ontology.subjects(RDF.type, None)
        if str(s).startswith(BASE + "def/kg#")
        and set(ontology.objects(s, RDF.type))
        & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    }
    assert terms
    wrong = sorted(
        str(t)
        for t in terms
        if len(list(ontology.objects(t, RDFS.label))) != 1 or len(english_labels(ontology, t)) != 1
    )
    assert wrong == []


def test_labels_of_evidence_say_what_they_select(graph):
    position = rows(
        graph,
        """SELECT ?label WHERE {
             ?a oa:hasBody <https://kg.example.org/id/observation/000/victims-assisted> ;
                oa:hasTarget/oa:hasSelector ?p .
             ?p a oa:TextPositionSelector ; rdfs:label ?label }""",
    )
    assert position and all("of document 000" in str(r.label) for r in position)
    statement = iri("claim/003/iom-sub-offices-chiapas-chihuahua/1")
    assert english_labels(graph, statement) == [
        Literal("International Organization for Migration has a sub-office in Chiapas", lang="en")
    ]


# -- reporters ---------------------------------------------------------------------------------


def test_every_observation_and_claim_records_its_reporter(graph):
    """The figure of issue 16: observations without a recorded reporter (goal 0); the same for
    claims and reified relations."""
    missing = rows(
        graph,
        """SELECT ?node WHERE {
             { ?node a qb:Observation } UNION { ?node a schema:Claim }
             UNION { ?node a rdf:Statement }
             FILTER NOT EXISTS { ?node kg:attributedTo ?reporter } }""",
    )
    assert [str(r.node) for r in missing] == []


def reporters(graph: Graph, path: str) -> set[str]:
    return {str(o).rsplit("/", 1)[-1] for o in graph.objects(iri(path), KG.attributedTo)}


def test_an_organization_reporting_its_own_work_is_its_reporter(graph):
    # IOM's release on what its office IOM Mexico did: IOM Mexico reports it
    assert reporters(graph, "observation/000/victims-assisted") == {"iom-mexico"}
    assert reporters(graph, "observation/004/victims-assisted") == {"iom"}
    # DIF's work, stated by IOM's release on no one else's word: the publisher
    assert reporters(graph, "observation/001/dif-child-victims-assisted-2005") == {"iom"}
    # what the text attributes keeps its attribution
    assert reporters(graph, "observation/002/persons-trafficked-annually") == {"cndh"}


def test_according_to_claims_have_the_organization_as_reporter_not_as_subject(graph):
    for claim in (
        "claim/003/mexico-trafficking-border-tourist-areas",
        "claim/004/cndh-trafficking-mainly-border-tourist-areas",
    ):
        assert reporters(graph, claim) == {"cndh"}
        assert iri("organization/cndh") not in set(graph.objects(iri(claim), SCHEMA.about))
    assert reporters(graph, "claim/001/japan-destination-mexican-women") == {"eclac"}
    assert reporters(graph, "claim/003/chiapas-origin-destination") == {"thomas-lothar-weiss"}
    assert reporters(graph, "claim/000/mexican-authorities-commitment") == {"iom"}


def test_statistics_by_source_finds_what_an_organization_reports_of_its_own_work(
    published_graph,
):
    result = published_graph.run("statistics-by-source", {"source": "IOM Mexico"})
    values = {int(row["value"]) for row in result.rows}
    assert {54, 170, 13} <= values


# -- definitions that match the data -----------------------------------------------------------


def test_a_share_points_to_the_observation_of_its_whole_and_counts_its_population(graph):
    found = rows(
        graph,
        """SELECT ?part ?whole ?isObservation ?partPopulation ?wholePopulation WHERE {
             ?part kg:shareOf ?whole .
             BIND (EXISTS { ?whole a qb:Observation } AS ?isObservation)
             OPTIONAL { ?part kg:population ?partPopulation }
             OPTIONAL { ?whole kg:population ?wholePopulation } }""",
    )
    assert len(found) >= 12
    assert [str(r.whole) for r in found if not r.isObservation.toPython()] == []
    assert [str(r.part) for r in found if r.partPopulation != r.wholePopulation] == []
    # a share of a population group the text gives no number for: its population is the whole
    domestic = iri("observation/001/domestic-workers-young-girls-and-adolescents")
    assert list(graph.objects(domestic, KG.shareOf)) == []
    assert list(graph.objects(domestic, KG.population)) == [
        iri("concept/population-groups/domestic-workers")
    ]


def test_the_population_is_defined_as_the_whole_in_the_ontology_and_the_data_readme():
    definition = str(load_ontology().value(KG.population, SKOS.definition))
    assert "the part of the whole" not in definition and "the whole" in definition
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `population`"))
    assert "for a share: the part" not in row and "the whole population" in row


def test_durations_are_published_as_written(built, published_graph):
    project = iri("project/state-legislators-capacity-project")
    assert list(built.documents["002"].objects(project, SCHEMA.duration)) == [Literal("P18M")]
    result = published_graph.sparql(
        f"SELECT ?d WHERE {{ <{project}> <https://schema.org/duration> ?d }}"
    )
    assert [str(row["d"]) for row in result.rows] == ["P18M"]


def test_dates_take_one_form_on_periods_events_and_projects(graph):
    period = iri("period/2005-05--2008-01")
    assert list(graph.objects(period, SCHEMA.startDate)) == [
        Literal("2005-05", datatype=XSD.gYearMonth)
    ]
    assert list(graph.objects(period, SCHEMA.endDate)) == [
        Literal("2008-01", datatype=XSD.gYearMonth)
    ]
    programme = iri("project/iom-mexico-counter-trafficking-programme")
    assert list(graph.objects(programme, SCHEMA.startDate)) == [
        Literal("2005-05", datatype=XSD.gYearMonth)
    ]
    untyped = rows(
        graph,
        """SELECT ?node ?date WHERE {
             ?node schema:startDate|schema:endDate|dcterms:date|schema:legislationDate ?date
             FILTER (DATATYPE(?date) NOT IN (xsd:gYear, xsd:gYearMonth, xsd:date)) }""",
    )
    assert untyped == []


def test_one_property_per_place_role(graph):
    assert list(graph.subject_objects(KG.comesFrom)) == []
    japan = iri("observation/001/mexican-women-trafficked-to-japan")
    assert list(graph.objects(japan, SCHEMA.toLocation)) == [iri("place/japan")]
    assert list(graph.objects(japan, KG.origin)) == [iri("place/mexico")]
    refarea = URIRef("http://purl.org/linked-data/sdmx/2009/dimension#refArea")
    assert list(graph.objects(japan, refarea)) == []
    group = iri("event/tapachula-counter-trafficking-workshop/group/5")
    assert iri("place/brazil") in set(graph.objects(group, KG.origin))


def test_concept_schemes_hold_one_kind_of_thing(graph):
    groups = {
        str(c).rsplit("/", 1)[-1]
        for c in graph.subjects(SKOS.inScheme, iri("concept/population-groups"))
    }
    assert not groups & {"ransoms", "trafficking-cases", "state-jurisdictions", "mexican-states"}
    ransoms = graph.objects(iri("observation/004/ransom-amounts"), KG.population)
    assert list(ransoms) == [iri("concept/counted-things/ransoms")]


def test_concept_labels_say_their_slugs(graph):
    """Every word of a concept's slug is in its English label (a plural or a spelling with a
    space allowed): `training-participants` is "training participants"."""
    wrong = []
    for concept in set(graph.subjects(RDF.type, SKOS.Concept)):
        slug = str(concept).rsplit("/", 1)[-1]
        label = str(graph.value(concept, RDFS.label)).lower()
        words = set(label.replace("/", " ").replace(",", " ").split())
        squeezed = label.replace(" ", "")
        for word in slug.split("-"):
            if not ({word, word + "s"} & words or word in squeezed):
                wrong.append((slug, label))
                break
    assert sorted(wrong) == []


# -- facts that keep their structure -----------------------------------------------------------


def objects(graph: Graph, path: str, predicate) -> set[str]:
    return {str(o).removeprefix(ID) for o in graph.objects(iri(path), predicate)}


def test_a_count_about_a_whole_is_linked_to_the_whole(graph):
    assert objects(graph, "observation/003/victim-nationalities", KG.describes) == {
        "observation/003/victims-assisted"
    }
    assert objects(graph, "observation/002/state-jurisdictions-covered", KG.describes) == {
        "observation/002/legislators-to-be-trained"
    }


def test_mainly_a_sub_form_is_data(graph):
    assert objects(graph, "observation/003/victims-labour-exploitation", KG.mainly) == {
        "concept/exploitation-types/begging"
    }
    assert objects(graph, "observation/000/victims-from-south-america", KG.mainly) == {
        "place/argentina",
        "place/colombia",
    }
    assert objects(graph, "claim/002/victims-mostly-from-central-america", KG.mainly) == {
        "place/guatemala"
    }


def test_claims_carry_the_concepts_groups_and_places_they_name(graph):
    claim = "claim/001/southern-border-breeding-ground"
    assert objects(graph, claim, KG.exploitationType) == {
        "concept/exploitation-types/sexual-exploitation",
        "concept/exploitation-types/labour-exploitation",
    }
    assert objects(graph, claim, KG.population) == {"concept/population-groups/migrants"}
    assert "place/mexico-southern-border" in objects(graph, claim, KG.place)
    labour = iri("concept/exploitation-types/labour-exploitation")
    found = {c for c in graph.subjects(KG.exploitationType, labour) if "/claim/" in str(c)}
    assert len(found) >= 4


def test_groups_of_people_have_their_organization(graph):
    group = "event/second-latin-american-congress-smuggling-trafficking/group/7"
    assert objects(graph, group, KG.affiliation) == {"organization/iom"}


def test_indicators_are_related_across_releases(graph):
    assert objects(graph, "concept/indicators/victims-assisted", SKOS.broader) == {
        "concept/indicators/persons-identified-or-assisted"
    }
    child = "concept/indicators/child-victims-of-sexual-exploitation"
    assert "concept/indicators/child-victims-assisted" in objects(graph, child, SKOS.related)


def test_the_iom_cndh_agreement_has_two_parties(graph):
    agreement = "agreement/iom-cndh-cooperation-agreement"
    assert objects(graph, agreement, KG.party) == {"organization/iom", "organization/cndh"}
    assert objects(graph, agreement, KG.signatory) == {"organization/iom-mexico"}


def test_border_cities_lie_in_their_border_areas(graph):
    assert objects(graph, "place/tapachula", KG.inBorderArea) == {"place/mexico-southern-border"}
    assert objects(graph, "place/ciudad-juarez", KG.inBorderArea) == {
        "place/mexico-northern-border"
    }
    evidence = rows(
        graph,
        """SELECT ?doc WHERE {
             ?statement rdf:subject <https://kg.example.org/id/place/tapachula> ;
                        rdf:predicate kg:inBorderArea .
             ?annotation oa:hasBody ?statement ; oa:hasTarget/oa:hasSource ?doc }""",
    )
    assert {str(r.doc).rsplit("/", 1)[-1] for r in evidence} == {"001", "003", "004"}


def test_the_capacity_building_audience_is_as_the_text_says(graph):
    assert objects(graph, "project/iom-mexico-capacity-building", KG.audience) == {
        "concept/population-groups/governmental-institutions",
        "concept/population-groups/civil-society",
    }


def test_the_note_on_the_breakdown_gives_the_right_reason(graph):
    note = str(graph.value(iri("observation/000/women-victims-from-guatemala"), SKOS.editorialNote))
    assert "7% of 47 is not a whole number" not in note
    assert "rounded" in note and "20 is 43%, 21 is 45%" in note
