"""A draft states actively what it finds with confidence, new entities and concepts included:
filed with it (`kg add`, `kg extract` to its default paths), its confident proposals go into
the reference data beside it, and the unedited draft publishes and conforms. Every text here
is made up for the test, in our own words."""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.build.run import build
from kg.extraction import draft as draft_module
from kg.extraction.add import add
from kg.extraction.corpus import _entity_names, drafted_facts
from kg.extraction.draft import ACTIVE_THRESHOLD
from kg.extraction.extract import extract, load_knowledge
from kg.extraction.filing import closest_concepts
from kg.folding import fold_name
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

NEW_ORGANIZATION = """Lantern Bay Foundation Counts Those It Sheltered

IOM this month opened a new shelter in Tapachula with the Lantern Bay Foundation.

According to the Lantern Bay Foundation, 640 migrants slept at its shelters in Tapachula in 2012.
"""

NEW_UNIT = """Trucks Stopped at the Border

The trafficking cases reported in Tapachula in 2012 involved 14 trucks.
"""


def file_text(tmp_path: Path, data: Path, text: str, url: str):
    source = tmp_path / "release.txt"
    source.write_text(text, encoding="utf-8")
    return add(source, data, url=url, retrieved="2013-01-10")


def published(data: Path):
    result = build(data, Minter(), reasoning=False)
    assert result.validation.conforms, [str(v.message) for v in result.validation.violations]
    return result


def test_an_attribution_to_a_confident_new_organization_is_active_and_published(tmp_path, data):
    added = file_text(tmp_path, data, NEW_ORGANIZATION, "https://news.example.org/lantern")
    draft = added.draft
    new = next(n for n in draft.entities.new.values() if n.name == "Lantern Bay Foundation")
    assert new.confidence >= ACTIVE_THRESHOLD and draft.filed(new)
    item = next(i for i in draft.observations if i.fields.get("value") == "640")
    assert item.active and item.fields["attributed_to"] == [f"new:{new.key}"]
    text = added.draft_path.read_text(encoding="utf-8")
    assert f"    attributed_to: [{new.slug}]" in text  # stated, not commented out
    assert f"  - {{ref: {new.slug}, quote: Lantern Bay Foundation" in text
    # Filed beside it, marked NEW, as the reference data's own entry.
    organizations = (data / "reference" / "organizations.yaml").read_text(encoding="utf-8")
    assert f"document {added.doc_id}" in organizations and f"- id: {new.slug}" in organizations
    # The unedited draft publishes, conforms, and the attribution is in the graph.
    graph = published(data).asserted()
    nt = graph.serialize(format="nt")
    assert f"/id/organization/{new.slug}>" in nt
    assert any(
        "attributedTo" in str(p) and str(o).endswith(f"/organization/{new.slug}")
        for _, p, o in graph
    )
    # Scored as the draft states it: the attribution is active.
    facts = drafted_facts(draft, load_knowledge(data), active_only=True)
    (number,) = [n for n in facts.numbers if n[0] == ("value", 640)] or [None]
    assert number is not None and fold_name("Lantern Bay Foundation") in number[4][0]


def test_an_attribution_to_a_new_organization_below_the_bar_stays_a_comment(
    tmp_path, data, monkeypatch
):
    monkeypatch.setattr(draft_module, "ACTIVE_THRESHOLD", 0.75)  # the foundation is read at 0.70
    source = tmp_path / "900_lantern.txt"
    source.write_text(NEW_ORGANIZATION, encoding="utf-8")
    draft = extract(source, data, load_knowledge(data), file_proposals=True)
    new = next(n for n in draft.entities.new.values() if n.name == "Lantern Bay Foundation")
    assert not draft.filed(new)
    item = next(i for i in draft.observations if i.fields.get("value") == "640")
    assert "attributed_to" not in item.fields
    listed, why = item.commented["attributed_to"]
    assert listed == [f"new:{new.key}"] and "below the bar of 0.75 (confidence 0.70)" in why
    assert f"#   - {{ref: {new.slug}" in draft.yaml()  # its mention, a suggestion too
    assert f"- id: {new.slug}" in draft.additions_yaml()  # proposed, not filed


def test_a_number_in_a_new_unit_is_active_and_published(tmp_path, data):
    added = file_text(tmp_path, data, NEW_UNIT, "https://news.example.org/bicycles")
    item = next(i for i in added.draft.observations if i.fields.get("value") == "14")
    assert item.fields["unit"] == "truck" and item.active
    assert ("units", "truck") in added.draft.filed_concepts
    assert "    unit: truck" in added.draft_path.read_text(encoding="utf-8")
    concepts = (data / "reference" / "concepts.yaml").read_text(encoding="utf-8")
    assert "- {id: truck, label: truck," in concepts
    assert yaml.safe_load(concepts)  # still one YAML document
    nt = published(data).asserted().serialize(format="nt")
    assert "/units/truck>" in nt


def test_a_draft_not_filed_keeps_new_things_commented_out(tmp_path):
    """Printed, or written elsewhere, a draft files nothing: it refers only to what the
    reference data has, as before."""
    source = tmp_path / "901_trucks.txt"
    source.write_text(NEW_UNIT, encoding="utf-8")
    draft = extract(source, DATA)
    assert not draft.file_proposals and not draft.filed_concepts
    item = next(i for i in draft.observations if i.fields.get("value") == "14")
    assert not item.active
    assert "closest existing" in draft.additions_yaml() or "no close existing" in (
        draft.additions_yaml()
    )


def test_a_proposed_concept_shows_the_closest_existing_ones():
    knowledge = load_knowledge(DATA)
    assert closest_concepts(knowledge, "units", "households")[0].startswith("household (")
    assert closest_concepts(knowledge, "units", "zebra crossing") == []


def test_the_scorer_counts_the_words_a_draft_links_to_a_reference_entry(tmp_path):
    """A reference entry the draft links by a variant of its name ("US Department of State"
    for "United States Department of State") matches a gold entry of that wording."""
    source = tmp_path / "902_state.txt"
    source.write_text(
        "A Grant for Shelters\n\nThe US Department of State gave a grant to IOM for shelters "
        "in Tapachula.\n",
        encoding="utf-8",
    )
    knowledge = load_knowledge(DATA)
    draft = extract(source, DATA, knowledge)
    assert "us-department-of-state" in {m.target for m in draft.entities.mentions}
    _, names = _entity_names(draft, knowledge, "us-department-of-state")
    assert fold_name("US Department of State") in names
