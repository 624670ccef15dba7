"""Every competency question is answered by its named query on the graph `kg publish` builds.

The questions and their expected answers are read from `../shared/competency-questions.yaml`
itself, so a question added there is a test that fails until the graph and a query answer it.
One generic matcher checks every `expect` item, following that file's "How to read `expect`":

- each item is one fact, and ONE result row must hold all of it;
- a number must equal a value of the row, as a number (20000 and "20,000" are the same);
- a string (or each string of a list) must occur, ignoring case and accents, in some value of
  the row (literals only: an IRI is not a label);
- each `docs` prefix ("000") must identify a document of the row: one of the identifiers in its
  `docs` column, or a document IRI among its values;
- `note` and `why` are commentary and are not checked.

The question -> query mapping lives in the queries themselves (`# answers: cq01`).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kg.store.query import PublishedGraph, Result, competency_map

QUESTIONS_FILE = Path(__file__).resolve().parents[2] / "shared" / "competency-questions.yaml"
QUESTIONS = (
    yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8")) if QUESTIONS_FILE.is_file() else []
)
NOT_CHECKED = {"docs", "note", "why"}
DOCS_COLUMN = "docs"


def fold(text: str) -> str:
    """Text compared ignoring case and accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def as_number(value) -> Decimal | None:
    """A value as a number: numbers as they are, strings that are only a number (with or
    without thousands separators) as that number, anything else as None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip()
    if re.fullmatch(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern above excludes this
            return None
    return None


def row_values(row: dict, terms: dict) -> list:
    """The values of a row a fact may be found in: literals, not IRIs, not the docs column."""
    return [
        value
        for name, value in row.items()
        if name != DOCS_COLUMN
        and value is not None
        and not isinstance(terms.get(name), ox.NamedNode)
    ]


def row_documents(row: dict, terms: dict) -> list[str]:
    """The identifiers of the documents of a row."""
    found = []
    if row.get(DOCS_COLUMN) is not None:
        found += [d for d in re.split(r"[\s,;]+", str(row[DOCS_COLUMN])) if d]
    for term in terms.values():
        if isinstance(term, ox.NamedNode):
            match = re.search(r"/document/([^/]+)$", term.value)
            if match:
                found.append(match[1])
    return found


def holds(item: dict, row: dict, terms: dict) -> bool:
    """Whether one result row holds every checked part of one expected fact."""
    values = row_values(row, terms)
    numbers = [n for n in map(as_number, values) if n is not None]
    texts = [fold(str(v)) for v in values]
    for key, expected in item.items():
        if key in NOT_CHECKED:
            continue
        for part in expected if isinstance(expected, list) else [expected]:
            if isinstance(part, int | float) and not isinstance(part, bool):
                if Decimal(str(part)) not in numbers:
                    return False
            elif not any(fold(str(part)) in text for text in texts):
                return False
    documents = row_documents(row, terms)
    return all(
        any(doc.startswith(str(prefix)) for doc in documents) for prefix in item.get("docs", [])
    )


def unmatched(expect: list[dict], result: Result) -> list[dict]:
    return [
        item
        for item in expect
        if not any(
            holds(item, row, terms) for row, terms in zip(result.rows, result.terms, strict=True)
        )
    ]


def show(result: Result) -> str:
    return "\n".join(
        " | ".join(f"{k}={v}" for k, v in row.items() if v not in (None, "")) for row in result.rows
    )


def test_the_questions_are_there():
    assert QUESTIONS, f"no competency questions in {QUESTIONS_FILE}"


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_competency_question(question: dict, published_graph: PublishedGraph):
    name = competency_map().get(question["id"])
    assert name, f"no named query answers {question['id']}: add `# answers: {question['id']}`"
    result = published_graph.run(name)
    missing = unmatched(question["expect"], result)
    assert not missing, (
        f"{question['id']} ({question['question']})\nquery {name} has no row holding:\n"
        + "\n".join(f"  {item}" for item in missing)
        + f"\nits {len(result)} rows:\n{show(result)}"
    )


def test_every_answered_question_exists():
    known = {q["id"] for q in QUESTIONS}
    stale = {qid: name for qid, name in competency_map().items() if qid not in known}
    assert not stale, f"queries answer questions that are not in {QUESTIONS_FILE.name}: {stale}"


# The matcher itself, on made-up rows.


def fake_result(rows: list[dict]) -> Result:
    variables = tuple(dict.fromkeys(k for row in rows for k in row))
    terms = [
        {
            k: ox.NamedNode(v) if str(v).startswith("http") else ox.Literal(str(v))
            for k, v in row.items()
        }
        for row in rows
    ]
    result = Result("select", variables, terms)
    return result


def test_matcher_needs_one_row_holding_the_whole_fact():
    result = fake_result(
        [
            {"value": "20,000", "source": "National Human Rights Commission (CNDH)", "docs": "002"},
            {"value": "10000", "source": "CNDH", "docs": "004, 003"},
        ]
    )
    assert not unmatched([{"source": "cndh", "value": 20000, "docs": ["002"]}], result)
    assert not unmatched([{"value": 10000, "docs": ["003", "004"]}], result)
    assert unmatched([{"value": 20000, "docs": ["004"]}], result)  # the facts are in two rows
    assert unmatched([{"value": 2000}], result)


def test_matcher_ignores_case_and_accents_but_not_iris():
    result = fake_result(
        [{"place": "Ciudad Juárez", "iri": "https://kg.example.org/id/place/tapachula"}]
    )
    assert not unmatched([{"place": "ciudad juarez"}], result)
    assert not unmatched([{"place": ["Ciudad", "JUAREZ"], "note": "not checked"}], result)
    assert unmatched([{"place": "Tapachula"}], result)


def test_matcher_finds_documents_in_iris():
    result = fake_result([{"doc": "https://kg.example.org/id/document/001", "n": "7"}])
    assert not unmatched([{"n": 7, "docs": ["001"]}], result)
    assert unmatched([{"n": 7, "docs": ["002"]}], result)
