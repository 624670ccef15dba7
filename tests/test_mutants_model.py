"""Tests that kill the surviving mutants of the model module's sample (`make mutate
MODULES=model SAMPLE=...`, benchmarks/mutation.md): the triples a curated document gives, and
the message, file and line of each curation error, each checked against its mutant."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.build.ingest import read_source
from kg.build.model import load_reference, model_document
from kg.errors import KgError
from kg.vocab import KG, SCHEMA, TIME, Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ID = "https://kg.example.org/id/"
TAPACHULA = ID + "event/tapachula-counter-trafficking-workshop"


@pytest.fixture(scope="module")
def asserted(built):
    return built.asserted()


def test_a_participant_group_s_places_and_label(asserted):
    groups = {
        str(node): str(label)
        for node, label in asserted.subject_objects(RDFS.label)
        if str(node).startswith(TAPACHULA + "/group/")
    }
    assert groups == {
        f"{TAPACHULA}/group/1": (
            "government officials, at Counter-trafficking workshop in Tapachula"
        ),
        f"{TAPACHULA}/group/2": (
            "civil society organizations, at Counter-trafficking workshop in Tapachula"
        ),
        f"{TAPACHULA}/group/3": "NGOs, at Counter-trafficking workshop in Tapachula",
        f"{TAPACHULA}/group/4": (
            "human rights commissioners from Chiapas, Veracruz, Yucatán, at Counter-trafficking "
            "workshop in Tapachula"
        ),
        f"{TAPACHULA}/group/5": (
            "consular officials from Brazil, El Salvador, Guatemala, Honduras, United States, at "
            "Counter-trafficking workshop in Tapachula"
        ),
    }
    origins = set(asserted.objects(URIRef(f"{TAPACHULA}/group/4"), KG.origin))
    assert origins == {URIRef(ID + "place/" + p) for p in ("chiapas", "veracruz", "yucatan")}


def test_an_office_of_the_publisher_reports_its_own_work(asserted):
    # actor iom-mexico, part_of iom (the publisher): the office is who reports the number
    observation = URIRef(ID + "observation/000/victims-assisted")
    assert set(asserted.objects(observation, KG.attributedTo)) == {
        URIRef(ID + "organization/iom-mexico")
    }


def test_a_period_with_a_start_and_an_end(asserted):
    period = URIRef(ID + "period/2005-05--2008-01")
    assert set(asserted.objects(period, SCHEMA.endDate)) == {
        Literal("2008-01", datatype=XSD.gYearMonth)
    }
    assert set(asserted.objects(period, SCHEMA.startDate)) == {
        Literal("2005-05", datatype=XSD.gYearMonth)
    }
    assert len(set(asserted.objects(period, TIME.hasEnd))) == 1


def test_what_a_document_declares_has_its_kind_s_iri(asserted):
    project = URIRef(ID + "project/iom-mexico-counter-trafficking-programme")
    assert (project, RDFS.label, None) in asserted


# Curation errors, on a copy of a seed document modelled alone ----------------------------------


@pytest.fixture(scope="module")
def reference():
    return load_reference(DATA, Minter())


def model_of(tmp_path: Path, reference, old: str, new: str, doc: str = "000"):
    text = (DATA / "documents" / f"{doc}.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{doc}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    source = read_source(DATA / "sources" / str(reference.manifest[doc]["file"]))
    return path, lambda: model_document(path, source, reference)


def line_of(path: Path, text: str) -> int:
    return (
        path.read_text(encoding="utf-8")[: path.read_text(encoding="utf-8").index(text)].count("\n")
        + 1
    )


def test_a_publication_known_only_to_end(tmp_path, reference):
    _, model = model_of(tmp_path, reference, "  not_before: 2008-02\n", "  not_after: 2008-03\n")
    graph = model()
    node = URIRef(ID + "document/000/publication")
    assert set(graph.objects(node, SCHEMA.endDate)) == {Literal("2008-03", datatype=XSD.gYearMonth)}
    assert not set(graph.objects(node, SCHEMA.startDate))


def test_a_publication_needs_a_bound(tmp_path, reference):
    path, model = model_of(tmp_path, reference, "  not_before: 2008-02\n", "")
    with pytest.raises(KgError) as caught:
        model()
    assert str(caught.value) == (
        f"{path}:{line_of(path, '  reasoning:')}: published needs not_before or not_after"
    )


def test_an_item_gives_quote_or_quotes_not_both(tmp_path, reference):
    path, model = model_of(
        tmp_path,
        reference,
        "    quotes:\n      - has provided assistance to 54 victims of trafficking\n",
        "    quote: has provided assistance\n"
        "    quotes:\n      - has provided assistance to 54 victims of trafficking\n",
    )
    with pytest.raises(KgError) as caught:
        model()
    line = line_of(path, "    quotes:\n      - has provided assistance to 54")
    assert str(caught.value) == f"{path}:{line}: give either quote or quotes, not both"


def test_a_list_in_a_list_is_refused_with_its_key(tmp_path, reference):
    path, model = model_of(
        tmp_path, reference, "    location: [mexico]\n", "    location: [[mexico]]\n"
    )
    with pytest.raises(KgError) as caught:
        model()
    line = line_of(path, "    location: [[mexico]]")
    assert str(caught.value) == (
        f"{path}:{line}: location: expected a value, found a list or mapping"
    )


def test_an_id_used_in_two_sections_of_a_document_is_refused(tmp_path, reference):
    # a statement and an observation are both minted under the document: one id each
    path, model = model_of(
        tmp_path,
        reference,
        "  - id: mexican-authorities-commitment\n",
        "  - id: victims-assisted\n",
    )
    with pytest.raises(KgError) as caught:
        model()
    line = line_of(path, "  - id: victims-assisted\n    label:")
    assert str(caught.value) == f"{path}:{line}: duplicate id 'victims-assisted' in this document"


SHARE = (
    "    population: trafficking-victims\n"
    "    origin: [central-america]\n"
    "    share_of: victims-assisted\n"
)


def test_a_share_of_a_group_the_text_gives_no_number_for(tmp_path, reference):
    _, model = model_of(
        tmp_path,
        reference,
        SHARE,
        "    origin: [central-america]\n    share_of: trafficking-victims\n",
    )
    graph = model()
    observation = URIRef(ID + "observation/000/victims-from-central-america")
    assert set(graph.objects(observation, KG.population)) == {
        URIRef(ID + "concept/population-groups/trafficking-victims")
    }


def test_a_share_of_a_group_other_than_its_population_is_refused(tmp_path, reference):
    path, model = model_of(
        tmp_path,
        reference,
        SHARE,
        "    population: migrants\n    origin: [central-america]\n"
        "    share_of: trafficking-victims\n",
    )
    with pytest.raises(KgError) as caught:
        model()
    line = line_of(path, "    share_of: trafficking-victims")
    assert str(caught.value) == (
        f"{path}:{line}: share_of 'trafficking-victims' names a population group other than "
        "the observation's population 'migrants': the population is the whole"
    )


# The same triples, each from a seed document modelled in the test itself: mutmut maps a test
# to the functions its own body calls, and the publish of the `built` fixture is mapped to the
# first test that used it only, so the tests above never run against the mutants of
# `participant_groups`, `within_publisher`, `period` or `model_document` (tenth run).


def modelled(reference, doc: str):
    source = read_source(DATA / "sources" / str(reference.manifest[doc]["file"]))
    return model_document(DATA / "documents" / f"{doc}.yaml", source, reference)


def test_a_participant_group_s_places_label_and_iri_from_its_document(reference):
    graph = modelled(reference, "001")
    group = URIRef(f"{TAPACHULA}/group/4")
    assert set(graph.objects(group, RDFS.label)) == {
        Literal(
            "human rights commissioners from Chiapas, Veracruz, Yucatán, at Counter-trafficking "
            "workshop in Tapachula",
            lang="en",
        )
    }
    assert set(graph.objects(group, KG.origin)) == {
        URIRef(ID + "place/" + p) for p in ("chiapas", "veracruz", "yucatan")
    }
    groups = {str(node) for node in graph.subjects(RDFS.label) if "/group/" in str(node)}
    assert groups == {f"{TAPACHULA}/group/{n}" for n in range(1, 6)}


def test_the_publisher_s_office_its_period_and_what_it_declares_from_its_document(reference):
    graph = modelled(reference, "000")
    observation = URIRef(ID + "observation/000/victims-assisted")
    assert set(graph.objects(observation, KG.attributedTo)) == {
        URIRef(ID + "organization/iom-mexico")
    }
    period = URIRef(ID + "period/2005-05--2008-01")
    assert set(graph.objects(period, SCHEMA.endDate)) == {
        Literal("2008-01", datatype=XSD.gYearMonth)
    }
    assert set(graph.objects(period, SCHEMA.startDate)) == {
        Literal("2005-05", datatype=XSD.gYearMonth)
    }
    project = URIRef(ID + "project/iom-mexico-counter-trafficking-programme")
    assert (project, RDFS.label, None) in graph
