"""The cookbook (docs/cookbook/*.rq, presented in docs/cookbook.md) holds: every query runs on
the published graph and finds the fact it is there to teach, runs unchanged in a plain SPARQL
store (no prefixes or base supplied by kg), and prints what docs/cookbook.md shows."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.query import PublishedGraph

ROOT = Path(__file__).resolve().parents[1]
COOKBOOK = ROOT / "docs" / "cookbook"
PAGE = ROOT / "docs" / "cookbook.md"
GUIDE = ROOT / "docs" / "guide.md"
QUERIES = sorted(COOKBOOK.glob("*.rq"))
BASE = "https://kg.example.org/"
ID = BASE + "id/"


def text(value) -> str:
    return "" if value is None else str(value)


def rows_of(graph: PublishedGraph, path: Path) -> list[dict[str, str]]:
    """The query's rows, every value as its text ("" for an unbound one)."""
    result = graph.sparql(path.read_text(encoding="utf-8"), source=str(path))
    return [{name: text(row.get(name)) for name in result.variables} for row in result.rows]


def parts(value: str) -> set[str]:
    """A GROUP_CONCAT column's parts: its order is the store's (docs/stores.md)."""
    return set(re.split(r"[;,] ", value))


def one(rows: list[dict[str, str]], **where: str) -> dict[str, str]:
    found = [row for row in rows if all(row[key] == value for key, value in where.items())]
    assert len(found) == 1, f"expected one row with {where}, found {found} in {rows}"
    return found[0]


# --------------------------------------------------------------------------------------------
# What each query must find: one specific fact of the published graph (or more)
# --------------------------------------------------------------------------------------------


def finds_tapachula(rows, dist):
    place = one(rows, thing=ID + "place/tapachula")
    assert place["label"] == "Tapachula" and parts(place["docs"]) == {"001", "003", "004"}
    assert one(rows, label="Counter-trafficking workshop in Tapachula")["docs"] == "001"
    assert not any("/annotation/" in row["thing"] for row in rows)


def finds_numbers_within_mexico(rows, dist):
    # San Fernando is a city of Tamaulipas, within Mexico: found through the hierarchy.
    assert one(rows, docId="004", value="72")["place"] == "San Fernando"
    assert one(rows, docId="002", value="20000")["place"] == "Mexico"
    assert {row["place"] for row in rows} >= {"Mexico", "Tapachula", "San Fernando"}


def finds_what_happened_in_chiapas(rows, dist):
    workshop = one(rows, what="Counter-trafficking workshop in Tapachula")
    assert workshop["where"] == "Tapachula" and workshop["status"] == "completed"
    launch = one(rows, what="Launch of the campaign No más Trata de Personas in Tapachula")
    assert launch["status"] == "planned" and launch["docs"] == "003"


def finds_place_roles(rows, dist):
    japan = one(rows, place="Japan")
    assert japan["destination"] == "destination" and not japan["origin"]
    assert japan["reported_by"] == "Economic Commission for Latin America and the Caribbean"
    mexico = one(rows, place="Mexico", of="victims of trafficking")
    assert (mexico["origin"], mexico["transit"], mexico["destination"]) == (
        "origin",
        "transit",
        "destination",
    )
    assert {"000", "001", "002"} <= parts(mexico["docs"])


def finds_cndh_roles(rows, dist):
    assert {
        "role": "party",
        "thing": "Cooperation agreement between IOM and the National Human Rights Commission",
    } in rows
    assert {"role": "organizer", "thing": "Counter-trafficking workshop in Tapachula"} in rows
    assert {
        "role": "attributedTo",
        "thing": "Persons trafficked each year in Mexico, as estimated by CNDH",
    } in rows
    assert not any(row["role"] == "mentions" for row in rows)


def finds_iom_offices_work(rows, dist):
    # IOM Mexico is an office of IOM: its 54 victims are found by asking about IOM.
    office = one(rows, docId="000", value="54")
    assert office["done_by"] == office["reported_by"] == "IOM Mexico"
    assert one(rows, docId="004", value="176")["done_by"] == (
        "International Organization for Migration"
    )


def finds_reporters(rows, dist):
    counts = {(row["reporter"], row["kind"]): int(row["items"]) for row in rows}
    assert counts[("National Human Rights Commission", "numbers")] == 4
    assert counts[("Economic Commission for Latin America and the Caribbean", "numbers")] == 1
    assert counts[("Thomas Lothar Weiss", "relations")] >= 1
    assert {kind for _, kind in counts} == {"numbers", "claims", "relations"}


def finds_inexact_numbers(rows, dist):
    cndh = one(rows, docId="004", value="20000")
    assert parts(cndh["qualifiers"]) == {"estimated", "more than"}
    ransom = one(rows, docId="004", qualifiers="range")
    assert (ransom["min"], ransom["max"], ransom["value"]) == ("500", "3000", "")
    assert not any("exact" in parts(row["qualifiers"]) for row in rows)


def finds_counts_behind_percentages(rows, dist):
    central_america = one(rows, part="Share of the 54 victims who were from Central America")
    assert (central_america["percent"], central_america["of_whole"]) == ("80", "54")
    assert float(central_america["derived_count"]) == 43
    assert float(one(rows, percent="57", of_whole="47")["derived_count"]) == 27


def finds_parts_that_do_not_add_up(rows, dist):
    exploitation = one(rows, docId="000", breakdown="victims by form of exploitation")
    assert exploitation["whole"].startswith("Victims of trafficking assisted by IOM Mexico")
    assert (exploitation["parts"], exploitation["percent_covered"]) == ("3", "99")
    assert one(rows, docId="000", breakdown="victims by origin")["percent_covered"] == "93"


def finds_periods(rows, dist):
    kidnapping = one(rows, docId="004", duration="P6M")
    assert (kidnapping["start"], kidnapping["end"]) == ("2009", "2009")
    assert one(rows, docId="000", start="2005-05")["end"] == "2008-01"
    assert one(rows, docId="002", start="2005")["end"] == ""  # "since 2005": open
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts)


def finds_publication_bounds(rows, dist):
    first = one(rows, docId="000")
    assert first["not_before"] == "2008-02"
    assert "through January 2008" in first["evidence"]
    assert one(rows, docId="004")["not_before"] == "2009-07"
    assert {row["docId"] for row in rows} == {"000", "001", "002", "003", "004"}


def finds_repeated_figure(rows, dist):
    repeated = [row for row in rows if row["indicator"] == "persons trafficked"]
    assert {row["docId"] for row in repeated} == {"002", "003", "004"}
    assert {row["value"] for row in repeated} == {"20000"}
    assert {row["reported_by"] for row in repeated} == {"National Human Rights Commission"}
    # stated alike in value, not in qualifiers
    assert len({row["qualifiers"] for row in repeated}) == 3


def finds_facts_in_several_releases(rows, dist):
    agreement = one(
        rows, thing="Cooperation agreement between IOM and the National Human Rights Commission"
    )
    assert agreement["kind"] == "agreement" and parts(agreement["docs"]) == {"003", "004"}
    assert all(int(row["releases"]) > 1 for row in rows)


def finds_evidence_at_its_position(rows, dist):
    assert {row["docId"] for row in rows} == {"003", "004"}
    assert any("signing of a cooperation agreement between IOM and" in r["words"] for r in rows)
    for row in rows:
        # the position selector's slice of the published source text is the quote
        source = (dist / "sources" / row["file"]).read_text(encoding="utf-8")
        raw = source[int(row["start"]) : int(row["end"])]
        assert " ".join(raw.split()) == row["words"], row


def finds_relations_with_their_reporter(rows, dist):
    works = one(rows, relation="worksWith", object="National Migration Institute")
    assert works["docId"] == "000"
    assert works["reported_by"] == "International Organization for Migration"
    office = one(rows, relation="hasSubOfficeIn", object="Chiapas")
    assert office["reported_by"] == "Thomas Lothar Weiss" and office["docId"] == "003"
    assert all(len(row["words"]) <= 61 for row in rows)


def finds_partners(rows, dist):
    assert {
        "organization": "National Human Rights Commission",
        "partner": "International Organization for Migration",
        "tie": "Cooperation agreement between IOM and the National Human Rights Commission",
    } in rows
    assert {
        "organization": "International Organization for Migration",
        "partner": "National Migration Institute",
        "tie": "works with",
    } in rows


def finds_participants_from_central_america(rows, dist):
    assert {
        "event": "Counter-trafficking workshop in Tapachula",
        "participants": "consular officials",
        "from": "Guatemala",
    } in rows
    # consular officials from Brazil and the United States came too, not from Central America
    assert not {row["from"] for row in rows} & {"Brazil", "United States", "Mexico"}


def finds_narrower_forms(rows, dist):
    assert "domestic servitude" in {row["form"] for row in rows}  # under forced labour
    numbers = [row for row in rows if row["kind"] == "number"]
    assert {row["docs"] for row in numbers} >= {"000", "003"}
    assert all(row["form"] == "labour exploitation" for row in numbers)


def finds_related_indicators(rows, dist):
    assert {row["docId"] for row in rows if row["how"] == "same"} == {"000", "003", "004"}
    broader = one(rows, how="broader")
    assert (broader["docId"], broader["value"]) == ("002", "185")
    assert broader["indicator"] == "trafficked persons identified and/or assisted"
    assert one(rows, how="related", docId="001")["value"] == "270"


def finds_what_describes_a_whole(rows, dist):
    nationalities = one(rows, docId="003", link="described by")
    assert nationalities["figure"].startswith("Victims of trafficking given direct assistance")
    assert nationalities["what"].startswith("13: Nationalities of the victims")
    south_america = [
        row["what"] for row in rows if row["link"] == "mainly" and row["docId"] == "000"
    ]
    assert sorted(south_america) == ["Argentina", "Colombia"]
    assert one(rows, docId="003", link="mainly")["what"] == "forced begging"


CHECKS: dict[str, Callable] = {
    "01-find-by-label.rq": finds_tapachula,
    "02-numbers-in-a-place.rq": finds_numbers_within_mexico,
    "03-what-happened-in-a-state.rq": finds_what_happened_in_chiapas,
    "04-origin-transit-destination.rq": finds_place_roles,
    "05-an-organization-s-roles.rq": finds_cndh_roles,
    "06-work-of-an-organization-and-its-offices.rq": finds_iom_offices_work,
    "07-who-reported-what.rq": finds_reporters,
    "08-numbers-that-are-not-exact.rq": finds_inexact_numbers,
    "09-what-a-percentage-stands-for.rq": finds_counts_behind_percentages,
    "10-do-the-parts-add-up.rq": finds_parts_that_do_not_add_up,
    "11-numbers-over-time.rq": finds_periods,
    "12-publication-dates.rq": finds_publication_bounds,
    "13-same-figure-across-releases.rq": finds_repeated_figure,
    "14-facts-in-several-releases.rq": finds_facts_in_several_releases,
    "15-evidence-for-a-fact.rq": finds_evidence_at_its_position,
    "16-relations-and-their-provenance.rq": finds_relations_with_their_reporter,
    "17-who-cooperates-with-whom.rq": finds_partners,
    "18-event-participants-by-origin.rq": finds_participants_from_central_america,
    "19-narrower-concepts.rq": finds_narrower_forms,
    "20-related-indicators-across-releases.rq": finds_related_indicators,
    "21-about-a-whole-beyond-its-parts.rq": finds_what_describes_a_whole,
}


def test_there_are_fifteen_or_more_and_each_has_its_check():
    names = [path.name for path in QUERIES]
    assert len(names) >= 15
    assert sorted(CHECKS) == names, "a cookbook query without its check, or a check without it"
    numbers = [name.split("-")[0] for name in names]
    assert numbers == [f"{n:02d}" for n in range(1, len(names) + 1)]


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_each_query_says_its_question_and_declares_base_and_prefixes(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[0].endswith("?"), "first line: the question"
    code = [line for line in lines if line.strip() and not line.startswith("#")]
    assert code[0] == f"BASE <{BASE}>"
    declared = {m[1] for line in code if (m := re.match(r"PREFIX (\S*): <", line))}
    body = "\n".join(line for line in code if not line.startswith(("BASE", "PREFIX")))
    body = re.sub(r'"[^"\n]*"|<[^>\s]*>', "", body)  # strings and IRIs
    used = set(re.findall(r"(?<![\w?$])([A-Za-z][\w-]*):(?=[\w*])", body))
    assert used <= declared, f"undeclared prefixes: {used - declared}"
    assert declared <= used, f"declared, never used: {declared - used}"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_each_query_finds_its_fact(path, published_graph, published_dist):
    rows = rows_of(published_graph, path)
    assert rows, f"{path.name} returns no row"
    CHECKS[path.name](rows, published_dist)


@pytest.fixture(scope="module")
def plain_store(published_dist: Path) -> ox.Store:
    """A plain Oxigraph store loaded as docs/stores.md says (kg.nt and kg-inferred.ttl in the
    default graph): no prefixes, no base, nothing of kg's."""
    store = ox.Store()
    store.load(path=str(published_dist / "kg.nt"), format=ox.RdfFormat.N_TRIPLES)
    store.load(path=str(published_dist / "kg-inferred.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_each_query_runs_unchanged_in_a_plain_store(path, plain_store, published_graph):
    query = path.read_text(encoding="utf-8")
    ox.Store().query(query)  # parses with no prefixes or base given
    answer = plain_store.query(query)
    variables = [v.value for v in answer.variables]
    elsewhere = [
        {name: text(None if s[name] is None else s[name].value) for name in variables}
        for s in answer
    ]
    here = rows_of(published_graph, path)

    def comparable(rows):
        return sorted(
            tuple("|".join(sorted(parts(value))) for value in row.values()) for row in rows
        )

    assert comparable(elsewhere) == comparable(here)


# --------------------------------------------------------------------------------------------
# docs/cookbook.md shows each query and what it prints
# --------------------------------------------------------------------------------------------

COMMAND = re.compile(r"^\$ kg query --file (docs/cookbook/\S+\.rq) --format csv$")


def examples() -> dict[str, list[str]]:
    """The page's `$ kg query --file docs/cookbook/... --format csv` examples: file, output."""
    found: dict[str, list[str]] = {}
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        match = COMMAND.match(line)
        if match and lines[index - 1].startswith("```"):
            output = []
            for following in lines[index + 1 :]:
                if following.startswith("```"):
                    break
                output.append(following)
            found[match[1]] = output
    return found


def shown_matches(expected: list[str], actual: list[str]) -> bool:
    """As tests/test_docs.py compares: a line `…` stands for any number of lines."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == "…" else re.escape(line) + r"\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual)) is not None


def test_the_page_shows_every_query():
    shown = examples()
    assert sorted(shown) == [f"docs/cookbook/{path.name}" for path in QUERIES]
    page = PAGE.read_text(encoding="utf-8")
    for path in QUERIES:
        question = path.read_text(encoding="utf-8").splitlines()[0][2:]
        assert question in page, f"{path.name}: its question is not on the page"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_the_page_shows_what_the_query_prints(path, published_dist):
    expected = examples().get(f"docs/cookbook/{path.name}")
    assert expected is not None, f"docs/cookbook.md has no example of {path.name}"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--file", str(path), "--format", "csv"]
        + ["--dist", str(published_dist)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = [line.rstrip() for line in done.stdout.splitlines()]
    assert shown_matches([line.rstrip() for line in expected], printed), "\n".join(printed)


def test_the_guide_links_the_cookbook_and_the_vocabulary():
    guide = GUIDE.read_text(encoding="utf-8")
    assert "(cookbook.md)" in guide and "(vocabulary.md)" in guide
    assert "```mermaid" in guide
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/guide.md" in readme and "docs/cookbook.md" in readme


def test_the_guide_s_first_query_runs_in_a_plain_store(plain_store):
    guide = GUIDE.read_text(encoding="utf-8")
    queries = [b for b in re.findall(r"```sparql\n(.*?)```", guide, re.S) if "SELECT" in b]
    assert queries, "the guide shows a first query"
    for query in queries:
        values = {str(s["value"].value) for s in plain_store.query(query)}
        assert {"20000", "10000"} <= values  # CNDH's yearly estimate, its 2009 investigation
