"""`kg extract` on structured items (agreements, events, studies, projects and their funding)
and on what makes a draft publish as it stands. Every sentence here is composed for these
tests; none comes from a real release."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kg.extraction.extract import extract, load_knowledge, write

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

CONTACT = """
For more information, please contact:

Mariana Rendon

IOM Mexico

Tel: + 5255.5536.3954
"""


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(DATA)


def draft_of(tmp_path: Path, knowledge, body: str, title: str = "A Composed Release"):
    path = tmp_path / "950_composed.txt"
    path.write_text(f"News\n\n{title}\n\n{body}\n{CONTACT}", encoding="utf-8")
    return extract(path, DATA, knowledge)


def section(draft, name: str) -> list:
    return [i for i in draft.items if i.section == name]


def by_value(draft) -> dict:
    return {i.fields.get("value"): i for i in draft.observations}


# -- agreements ------------------------------------------------------------------------------


def test_an_agreement_s_parties_date_and_duration(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM and the National Human Rights Commission signed a two-year cooperation agreement "
        "on Monday, 3 August 2015, to protect the rights of migrants.",
    )
    (agreement,) = section(draft, "agreements")
    assert agreement.active
    assert agreement.fields["parties"] == ["iom", "cndh"]
    assert agreement.fields["type"] == "cooperation-agreement"
    assert agreement.fields["date"] == "2015-08-03"
    # The format has no duration for an agreement: the note says so, and gives it.
    assert "P2Y" in agreement.fields["note"] and "no field" in agreement.fields["note"]


def test_an_agreement_with_a_party_after_with(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Last week UNICEF signed an 18-month agreement with the National Migration Institute "
        "on the care of children travelling alone.",
    )
    (agreement,) = section(draft, "agreements")
    assert agreement.fields["parties"] == ["unicef", "inm"]
    assert "P18M" in agreement.fields["note"]


def test_an_agreement_between_two_organizations(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The signing of an agreement between UNICEF and the National Migration Institute was "
        "announced yesterday.",
    )
    (agreement,) = section(draft, "agreements")
    assert agreement.fields["parties"] == ["unicef", "inm"]
    assert agreement.fields["when"] == "yesterday"


def test_an_agreement_with_one_party_is_a_suggestion(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The regional authorities have signed an agreement on the return of migrants.",
    )
    for agreement in section(draft, "agreements"):
        assert not agreement.active
    assert "# parties" not in draft.yaml() or "#   - id:" in draft.yaml()


# -- events ----------------------------------------------------------------------------------


def test_a_launch_to_come_with_its_place_and_day(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The information campaign, to be launched in Tapachula on Wednesday, 5 August, will "
        "reach migrants waiting at the border.",
    )
    launch = next(i for i in section(draft, "events") if i.fields["name"].startswith("Launch"))
    assert launch.fields["location"] == ["tapachula"]
    assert launch.fields["when"] == "Wednesday, 5 August"
    assert launch.fields["status"] == "planned"
    assert launch.fields["type"] == "campaign-launch"


def test_a_launch_with_a_full_date(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The new report was launched in Puebla on 12 March 2014 by the Mexican Senate.",
    )
    launch = next(i for i in section(draft, "events") if i.fields["name"].startswith("Launch"))
    assert launch.fields["date"] == "2014-03-12"
    assert launch.fields["status"] == "completed"


# -- studies and the numbers they give ----------------------------------------------------------


def test_a_titled_report_by_an_organization_and_its_numbers(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The latest Global Survey on Forced Labour by the National Human Rights Commission "
        "found that victims were identified in 31 states.\n\n"
        "In the period covered by the Global Survey, some 40 per cent of the states reported "
        "no conviction.",
    )
    (study,) = section(draft, "studies")
    assert study.fields["name"] == "Global Survey on Forced Labour"
    assert study.fields["authors"] == ["cndh"]
    numbers = by_value(draft)
    assert numbers["31"].fields["source_work"] == [study.id]
    assert numbers["31"].fields["attributed_to"] == ["cndh"]
    # A later, shorter mention is the same study.
    assert numbers["40"].fields["source_work"] == [study.id]
    assert numbers["40"].fields["attributed_to"] == ["cndh"]


def test_a_report_cited_after_the_number(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Some 3,000 migrants were kidnapped, according to the Special Report on Kidnapping of "
        "the National Human Rights Commission.",
    )
    (study,) = section(draft, "studies")
    assert study.fields["authors"] == ["cndh"]
    assert by_value(draft)["3000"].fields["source_work"] == [study.id]


def test_a_possessive_author_and_a_year_in_the_title(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "UNICEF's Annual Review of Child Migration 2016 is due next month.",
    )
    (study,) = section(draft, "studies")
    assert study.fields["authors"] == ["unicef"]
    assert study.fields["date"] == "2016"


def test_a_publication_named_after_its_kind(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM presented its most recent publication, Migrants on the Southern Border, to the "
        "press in Puebla.",
    )
    (study,) = section(draft, "studies")
    assert study.fields["name"] == "Migrants on the Southern Border"
    assert study.fields["authors"] == ["iom"]


def test_an_untitled_study_by_its_author_and_year(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "A 2012 investigation by UNICEF counted 400 children in the shelters.",
    )
    (study,) = section(draft, "studies")
    assert study.fields["date"] == "2012" and study.fields["authors"] == ["unicef"]
    assert by_value(draft)["400"].fields["source_work"] == [study.id]


def test_an_attribution_stops_at_the_cited_phrase(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "According to the Regional Review of Child Labour, nearly half of the cases assisted "
        "by IOM involved girls.",
    )
    item = next(i for i in draft.observations if i.fields.get("unit") == "percent")
    assert "attributed_to" not in item.fields


def test_an_attribution_after_the_number_names_every_organization(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Moreover, 61% of the victims were women, according to a dataset developed by IOM and "
        "UNICEF.",
    )
    item = by_value(draft)["61"]
    assert item.fields["attributed_to"] == ["iom", "unicef"]


# -- projects and their funding ----------------------------------------------------------------


def test_a_project_funded_by_two_organizations(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The IOM shelter project, funded by UNICEF and the National Human Rights Commission "
        "(CNDH), assisted 65 victims.",
    )
    (project,) = section(draft, "projects")
    assert project.fields["managed_by"] == ["iom"]
    fundings = section(draft, "fundings")
    assert [f.fields["funder"] for f in fundings] == ["unicef", "cndh"]
    assert all(f.fields["funded"] == project.id and f.active for f in fundings)
    assert all(f.fields["recipient"] == "iom" for f in fundings)


def test_a_project_funded_as_one_word(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Another UNICEF-funded IOM initiative trains teachers in Puebla.",
    )
    (funding,) = section(draft, "fundings")
    assert funding.fields["funder"] == "unicef"
    project = next(i for i in section(draft, "projects") if i.id == funding.fields["funded"])
    assert project.fields["name"] == "IOM initiative"


def test_a_funding_of_a_suggested_project_is_a_suggestion(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The project, funded by UNICEF, helps returnees.",
    )
    for funding in section(draft, "fundings"):
        funded = funding.fields.get("funded")
        project = next((i for i in draft.items if i.id == funded), None)
        assert project is None or project.active or not funding.active


# -- entities and periods ------------------------------------------------------------------------


def test_one_word_organization_joined_to_a_known_one(tmp_path, knowledge):
    draft = draft_of(tmp_path, knowledge, "The platform was developed by IOM and Contoso in 2020.")
    new = {n.name: n for n in draft.entities.new.values()}
    assert new["Contoso"].kind == "organization"


def test_an_office_named_by_a_possessive_after_a_unit(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Secretariat against Violence and Trafficking in Persons of the Vice President’s "
        "Office trained 120 judges.",
    )
    names = {n.name for n in draft.entities.new.values() if n.kind == "organization"}
    assert "Secretariat against Violence and Trafficking in Persons" in names
    assert "Vice President’s Office" in names


def test_a_period_set_by_the_sentence_before(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2013, over 18,000 migrants arrived in the north of Mexico. IOM assisted 9,300 of "
        "the most vulnerable.\n\nThe office helped 200 families. It trained 40 officials this "
        "year.",
    )
    numbers = by_value(draft)
    assert numbers["9300"].fields["period"] == "2013"
    # (the office's work of the year the release dates: carried, with its reasoning; "this
    # year" in a release that states no day dates nothing: data/devset/README.md, `period`)
    assert numbers["200"].fields["period"] == "2013"
    assert "count said before it" in numbers["200"].fields["period_reasoning"]
    assert "period" not in numbers["40"].fields


# -- what the build accepts ----------------------------------------------------------------------


def test_a_length_without_a_start_or_end_is_no_period(tmp_path, knowledge):
    draft = draft_of(
        tmp_path, knowledge, "IOM has assisted over 100,000 victims in the last 25 years."
    )
    item = by_value(draft)["100000"]
    assert "period" not in item.fields
    assert "# period: {duration: P25Y}" in draft.yaml()


def test_a_percentage_above_100_is_a_suggestion(tmp_path, knowledge):
    draft = draft_of(tmp_path, knowledge, "Mexico has reported a 196 per cent rise in claims.")
    item = by_value(draft)["196"]
    assert not item.active and any("no share" in w for w in item.why)


RELEASE = """IOM and the National Human Rights Commission signed a two-year cooperation
agreement on Monday, 3 August 2015. The information campaign, to be launched in Tapachula on
Wednesday, 5 August, will reach some 2,000 migrants.

The IOM project, funded by the US State Department Bureau of Population, Refugees and
Migration (PRM), assisted 65 victims in 2014. IOM has assisted over 100,000 victims in the last
25 years, and Mexico has reported a 196 per cent rise in asylum claims.

According to the latest Global Report on Trafficking in Persons by the National Human Rights
Commission, victims were found in 31 states. In the period covered by the Global Report, some
40 per cent of the states reported no conviction. The platform was developed by IOM and
Contoso."""


def test_the_unedited_draft_of_a_new_release_publishes(tmp_path):
    """A new release, drafted and published as drafted: the build models, reasons and
    validates it without a violation."""
    from kg.build.run import build
    from kg.vocab import Minter

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("devset", "proposed"))
    source = data / "sources" / "005_composed.txt"
    source.write_text(f"News\n\nA Composed Release\n\n{RELEASE}\n{CONTACT}", encoding="utf-8")
    manifest = data / "sources" / "manifest.yaml"
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    entries.append(
        {
            "id": "005",
            "file": source.name,
            "title": "A Composed Release",
            "url": "https://example.org/005",
            "publisher": "International Organization for Migration",
            "language": "en",
        }
    )
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    draft = extract(source, data)
    write(draft, data / "documents" / "005.yaml", None)
    text = draft.yaml()
    for wanted in ("agreements:", "fundings:", "events:", "studies:", "source_work:"):
        assert wanted in text
    result = build(data, Minter(), jobs=1)
    violations = [v for v in result.validation.violations if v.severity == "Violation"]
    assert violations == []
