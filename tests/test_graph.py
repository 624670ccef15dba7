"""The published graph, held to the project's rules and checked against what the sources say."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.vocab import KG, ONTOLOGY_IRI, QB, SCHEMA

BASE = "https://kg.example.org/"
ID = BASE + "id/"

PREFIXES = """
PREFIX kg: <https://kg.example.org/def/kg#>
PREFIX schema: <https://schema.org/>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture(scope="module")
def asserted(built):
    return built.asserted()


@pytest.fixture(scope="module")
def everything(built, asserted):
    graph = built.inferred_graph()
    for triple in asserted:
        graph.add(triple)
    return graph


def rows(graph, query: str, **bindings):
    return list(graph.query(PREFIXES + query, initBindings=bindings))


# -- grounding ---------------------------------------------------------------------------------


def test_every_quote_is_the_source_text_at_its_position(built, asserted):
    """Each evidence quote is exactly the raw text at its offsets, line breaks included."""
    found = rows(
        asserted,
        """SELECT ?id ?exact ?start ?end WHERE {
             ?target oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
             ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
             ?doc dcterms:identifier ?id }""",
    )
    assert len(found) > 250
    for doc_id, exact, start, end in found:
        raw = built.sources[str(doc_id)].raw
        assert raw[int(start) : int(end)] == str(exact)


def test_every_node_a_document_states_has_evidence(asserted):
    """Each thing a document mentions is the body of an annotation targeting that document."""
    assert len(rows(asserted, "SELECT ?doc ?thing WHERE { ?doc schema:mentions ?thing }")) > 200
    missing = rows(
        asserted,
        """SELECT ?doc ?thing WHERE {
             ?doc schema:mentions ?thing .
             FILTER NOT EXISTS { ?a oa:hasBody ?thing ; oa:hasTarget/oa:hasSource ?doc }
           }""",
    )
    assert missing == []


def test_no_blank_nodes(asserted):
    assert len(asserted) > 5000
    assert not any(term.__class__.__name__ == "BNode" for triple in asserted for term in triple)


# -- observations -------------------------------------------------------------------------------

OBSERVATION = """
SELECT ?value ?min ?max ?unit ?qualifiers ?attributed ?doc WHERE {
  ?obs a qb:Observation ; prov:wasDerivedFrom/dcterms:identifier ?doc ;
       sdmx-attribute:unitMeasure/skos:prefLabel ?unit .
  OPTIONAL { ?obs sdmx-measure:obsValue ?value }
  OPTIONAL { ?obs schema:minValue ?min ; schema:maxValue ?max }
  OPTIONAL { ?obs kg:attributedTo/kg:acronym ?attributed }
  { SELECT ?obs (GROUP_CONCAT(?q; separator="|") AS ?qualifiers)
    WHERE { ?obs kg:qualifier/skos:prefLabel ?q } GROUP BY ?obs }
}"""


@pytest.fixture(scope="module")
def observations(asserted):
    return [
        {
            "value": r.value.toPython() if r.value is not None else None,
            "min": r.min.toPython() if r.min is not None else None,
            "max": r.max.toPython() if r.max is not None else None,
            "unit": str(r.unit),
            "qualifiers": set(str(r.qualifiers).split("|")),
            "attributed": str(r.attributed) if r.attributed is not None else None,
            "doc": str(r.doc),
        }
        for r in rows(asserted, OBSERVATION)
    ]


@pytest.mark.parametrize(
    "doc, value, unit, qualifiers, attributed",
    [
        ("000", 54, "person", {"exact"}, None),  # IOM Mexico, which has no acronym
        ("000", 80, "per cent", {"exact"}, "IOM"),
        ("000", 47, "person", {"exact"}, "IOM"),
        ("001", 150, "person", {"more than"}, "IOM"),
        ("001", 3000, "person", {"approximately"}, "ECLAC"),
        ("001", 20000, "person", {"exact"}, "UNICEF"),
        ("001", 99, "per cent", {"exact"}, "INEGI"),
        ("001", 270, "person", {"exact"}, "IOM"),  # DIF assisted them, IOM's release says so
        ("001", 1336, "case", {"exact"}, "IOM"),
        ("002", 2000, "person", {"approximately"}, "IOM"),
        ("002", 185, "person", {"more than"}, "IOM"),
        ("002", 20000, "person", {"estimated"}, "CNDH"),
        ("003", 20000, "person", {"more than"}, "CNDH"),
        ("003", 350, "person", {"more than"}, "IOM"),
        ("004", 10000, "person", {"approximately"}, "CNDH"),
        ("004", 20000, "person", {"more than", "estimated"}, "CNDH"),
        ("004", 176, "person", {"exact"}, "IOM"),
        ("004", 72, "person", {"exact"}, "IOM"),
    ],
)
def test_observation_by_value_unit_qualifier_attribution(
    observations, doc, value, unit, qualifiers, attributed
):
    matches = [o for o in observations if o["doc"] == doc and o["value"] == value]
    assert matches, f"no observation of {value} in document {doc}"
    assert any(
        o["unit"] == unit and o["qualifiers"] == qualifiers and o["attributed"] == attributed
        for o in matches
    ), matches


def test_ransom_is_a_range_in_us_dollars(observations):
    (ransom,) = [o for o in observations if o["min"] is not None]
    assert (ransom["min"], ransom["max"], ransom["unit"], ransom["doc"]) == (
        500,
        3000,
        "US dollar",
        "004",
    )
    assert ransom["qualifiers"] == {"range"}


def test_victims_assisted_through_january_2008(asserted):
    (row,) = rows(
        asserted,
        """SELECT ?start ?end ?actor WHERE {
             ?obs sdmx-measure:obsValue 54 ; kg:actor/rdfs:label ?actor ;
                  sdmx-dimension:refPeriod ?period .
             ?period time:hasBeginning/time:inXSDgYearMonth ?start ;
                     time:hasEnd/time:inXSDgYearMonth ?end }""",
    )
    assert (str(row.start), str(row.end), str(row.actor)) == ("2005-05", "2008-01", "IOM Mexico")


def test_shares_point_to_their_whole(asserted):
    """The 57 per cent are of the 47 women, who are of the 54 victims."""
    (row,) = rows(
        asserted,
        """SELECT ?women ?all WHERE {
             ?minors sdmx-measure:obsValue 57 ; kg:shareOf ?w .
             ?w sdmx-measure:obsValue ?women ; kg:shareOf/sdmx-measure:obsValue ?all }""",
    )
    assert (row.women.toPython(), row.all.toPython()) == (47, 54)


def test_observations_per_document(asserted):
    counts = {
        str(r.doc): int(r.n)
        for r in rows(
            asserted,
            """SELECT ?doc (COUNT(?o) AS ?n) WHERE {
                 ?o a qb:Observation ; prov:wasDerivedFrom/dcterms:identifier ?doc
               } GROUP BY ?doc""",
        )
    }
    # Every number of each text that counts or measures something (see data/documents/).
    assert counts == {"000": 13, "001": 7, "002": 6, "003": 7, "004": 6}


def test_observation_values_are_typed_numbers(asserted):
    values = list(
        asserted.objects(None, URIRef("http://purl.org/linked-data/sdmx/2009/measure#obsValue"))
    )
    # Every observation of the 39 but one (a range, with a minimum and a maximum) has a value.
    assert len(values) == 38
    for value in values:
        assert isinstance(value.toPython(), int | Decimal), value
    assert Literal(54) in values and Literal(1336) in values


# -- entities -----------------------------------------------------------------------------------


def test_cndh_is_one_node_under_every_name(asserted):
    cndh = URIRef(ID + "organization/cndh")
    words = {
        " ".join(str(r.exact).split())  # the raw words: a line break may split a name
        for r in rows(
            asserted,
            "SELECT ?exact WHERE { ?a oa:hasBody ?o ;"
            " oa:hasTarget/oa:hasSelector/oa:exact ?exact }",
            o=cndh,
        )
    }
    assert {
        "National Commission on Human Rights",
        "Mexico's National Human Rights Commission",
        "Mexico\u2019s National Human Rights Commission",
        "CNDH",
    } <= words
    documents = {
        str(r.id)
        for r in rows(
            asserted, "SELECT ?id WHERE { ?d schema:mentions ?o ; dcterms:identifier ?id }", o=cndh
        )
    }
    assert documents == {"001", "002", "003", "004"}


def test_agreement_and_campaign_are_shared_between_documents(asserted):
    for thing in ("agreement/iom-cndh-cooperation-agreement", "campaign/no-mas-trata-de-personas"):
        node = URIRef(ID + thing)
        docs = {
            str(r.id)
            for r in rows(
                asserted,
                "SELECT ?id WHERE { ?d schema:mentions ?o ; dcterms:identifier ?id }",
                o=node,
            )
        }
        assert docs == {"003", "004"}, thing
    names = set(asserted.objects(URIRef(ID + "campaign/no-mas-trata-de-personas"), SCHEMA.name))
    assert Literal("No más Trata de Personas", lang="es") in names
    assert Literal("No More Human Trafficking", lang="en") in names


def test_chief_of_mission(asserted):
    (row,) = rows(
        asserted,
        """SELECT ?org ?role WHERE {
             ?m a org:Membership ; org:member ?p ; org:organization/rdfs:label ?org ;
                org:role/skos:prefLabel ?role .
             ?p rdfs:label "Thomas Lothar Weiss"@en }""",
    )
    assert (str(row.org), str(row.role)) == ("IOM Mexico", "Chief of Mission")


def test_press_contacts(asserted):
    found = {
        (str(r.doc), str(r.name), str(r.office), str(r.email))
        for r in rows(
            asserted,
            """SELECT ?doc ?name ?office ?email WHERE {
                 ?d kg:pressContact ?c ; dcterms:identifier ?doc .
                 ?c kg:contactPerson/rdfs:label ?name ; kg:office/rdfs:label ?office ;
                    schema:email ?email }""",
        )
    }
    assert found == {
        ("000", "Mariana Rendon", "IOM Mexico", "mrendon@iom.int"),
        ("001", "Juan Artola", "IOM Mexico", "jartola@iom.int"),
        ("002", "Hélène Le Goff", "IOM Mexico", "hlegoff@iom.int"),
        ("002", "Niurka Pineiro", "IOM Washington", "npineiro@iom.int"),
        ("003", "Hélène Le Goff", "IOM Mexico", "hlegoff@iom.int"),
        ("004", "Hélène Le Goff", "IOM Mexico", "hlegoff@iom.int"),
    }


def test_publication_date_is_a_bound_with_evidence_not_a_date(asserted):
    assert not list(asserted.subject_objects(SCHEMA.datePublished))
    (row,) = rows(
        asserted,
        """SELECT ?after ?why ?exact WHERE {
             ?d dcterms:identifier "000" ; kg:publicationInterval ?i .
             ?i time:hasBeginning/time:inXSDgYearMonth ?after ; kg:inferenceReasoning ?why .
             ?a oa:hasBody ?i ; oa:hasTarget/oa:hasSelector/oa:exact ?exact }""",
    )
    assert str(row.after) == "2008-02"
    assert "through January 2008" in str(row.exact)


def test_places_have_their_containment_chain(asserted):
    chain = [
        str(r.label)
        for r in rows(
            asserted,
            """SELECT ?label WHERE {
                 <https://kg.example.org/id/place/tapachula> kg:containedInPlace+ ?p .
                 ?p rdfs:label ?label FILTER(lang(?label) = "en") }""",
        )
    ]
    assert set(chain) == {"Chiapas", "Mexico", "Latin America", "Americas"}


# -- reasoning ----------------------------------------------------------------------------------


def test_reasoning_places_tapachula_events_in_mexico(asserted, everything):
    query = """SELECT ?event WHERE {
                 ?event a schema:Event ; kg:locatedIn <https://kg.example.org/id/place/mexico> }"""
    workshop = URIRef(ID + "event/tapachula-counter-trafficking-workshop")
    assert workshop not in {r.event for r in rows(asserted, query)}
    assert workshop in {r.event for r in rows(everything, query)}


def test_reasoning_adds_superclasses_and_inverse_links(built):
    inferred = built.inferred_graph()
    campaign = URIRef(ID + "campaign/no-mas-trata-de-personas")
    assert (campaign, RDF.type, URIRef("http://www.w3.org/ns/prov#Activity")) in inferred
    cndh = URIRef(ID + "organization/cndh")
    assert (cndh, SKOS.altLabel, Literal("CNDH")) in inferred


def test_inferred_triples_are_not_asserted(built, asserted):
    inferred = built.inferred_graph()
    assert len(inferred) > 500
    assert not any(triple in asserted for triple in inferred)


# -- ontology -----------------------------------------------------------------------------------


def test_every_ontology_term_has_an_english_label_and_definition(built):
    ontology = built.ontology
    assert (ONTOLOGY_IRI, URIRef("http://www.w3.org/2002/07/owl#versionIRI"), None) in ontology
    terms = {s for s in ontology.subjects() if str(s).startswith(str(KG))}
    assert len(terms) > 40
    for term in terms:
        labels = [lbl for lbl in ontology.objects(term, RDFS.label) if lbl.language == "en"]
        definitions = list(ontology.objects(term, SKOS.definition))
        assert labels and definitions, term


def test_every_class_used_is_declared_or_standard(asserted, built):
    used = {cls for cls in asserted.objects(None, RDF.type) if str(cls).startswith(str(KG))}
    assert used == {
        KG[name]
        for name in (
            "Agreement",
            "BorderArea",
            "Campaign",
            "City",
            "Country",
            "Funding",
            "Law",
            "MigrationRole",
            "ParticipantGroup",
            "PolicyPlan",
            "Project",
            "Region",
            "State",
        )
    }
    for cls in used:
        assert (cls, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in built.ontology


def test_observations_belong_to_the_data_set(asserted):
    observations = set(asserted.subjects(RDF.type, QB.Observation))
    assert len(observations) == 39  # 13 + 7 + 6 + 7 + 6, see test_observations_per_document
    for obs in observations:
        assert (obs, QB.dataSet, URIRef(ID + "dataset/statistics")) in asserted
