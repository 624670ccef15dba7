"""`kg queries` and `kg query` as programs read them and as people read them: one name per
line and CSV when standard output is a pipe, tables on a terminal, and rows shown one at a
time where a terminal is too narrow for their columns."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from kg import cli
from kg.store.query import named_queries

NAMES = list(named_queries())


def kg(*args: str) -> subprocess.CompletedProcess:
    """`kg ARGS` with its standard output in a pipe, as in `kg ... | other-command`."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def terminal(monkeypatch):
    """kg's standard output as a terminal 80 columns wide; returns what was printed."""
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80, color_system=None)
    monkeypatch.setattr("kg.cli.output.out", console)
    return screen


def test_queries_in_a_pipe_are_one_name_per_line():
    result = kg("queries")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == NAMES


def test_queries_on_a_terminal_are_a_table(terminal):
    assert cli.main(["queries"]) == 0
    shown = terminal.getvalue()
    assert "Named queries" in shown and "─" in shown
    assert all(name in shown for name in NAMES)


def test_queries_as_json_and_csv_carry_the_same_records(capsys):
    assert cli.main(["queries", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in records] == NAMES
    by_name = {r["name"]: r for r in records}
    assert by_name["press-contacts"]["parameters"] == list(
        named_queries()["press-contacts"].parameters
    )
    assert cli.main(["queries", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == NAMES
    assert (
        rows[NAMES.index("press-contacts")]["description"]
        == (by_name["press-contacts"]["description"])
    )


def test_query_in_a_pipe_is_sparql_csv(published_dist: Path):
    result = kg("query", "ransoms", "--dist", str(published_dist))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    explicit = kg("query", "ransoms", "--format", "csv", "--dist", str(published_dist))
    assert result.stdout == explicit.stdout
    from kg.store.query import PublishedGraph

    expected = PublishedGraph(published_dist).query(named_queries()["ransoms"], {})
    assert rows and "─" not in result.stdout
    assert list(rows[0]) == list(expected.variables) and len(rows) == len(expected)


def test_query_with_many_columns_on_a_narrow_terminal_is_shown_row_by_row(
    terminal, published_dist: Path
):
    from kg.store.query import PublishedGraph

    query = named_queries()["events"]
    result = PublishedGraph(published_dist).query(query, {})
    assert len(result.variables) * cli.MIN_COLUMN_WIDTH > 80  # the case this is about
    assert cli.main(["query", "events", "--dist", str(published_dist)]) == 0
    lines = terminal.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert sum(1 for line in lines if re.match(r"row \d+ ─", line)) == len(result)
    # each value whole on its own line after its variable's name, not folded into slivers
    first = result.rows[0]
    label = next(v for v in result.variables if first[v] and len(str(first[v])) < 60)
    assert any(
        line.split()[:1] == [label] and result.compact(first[label], None) in line for line in lines
    )


def test_ask_in_a_pipe_says_yes_or_no(published_dist: Path):
    result = kg("query", "--sparql", "ASK { ?s ?p ?o }", "--dist", str(published_dist))
    assert (result.returncode, result.stdout) == (0, "yes\n")
