"""`kg load` and `kg query --store`: the dumps in an on-disk Oxigraph store."""

from __future__ import annotations

import pyoxigraph as ox

from kg.cli import main
from kg.query import named_queries
from kg.store import StoreGraph, load


def test_load_keeps_one_graph_per_document_and_answers_like_the_files(
    published_dist, published_graph, tmp_path
):
    figures = load(published_dist, tmp_path / "store")
    assert figures["graphs"] == 5 + 2  # documents, reference, inferred
    store = StoreGraph(tmp_path / "store")
    names = {g.value for g in store.store.named_graphs() if isinstance(g, ox.NamedNode)}
    assert "https://kg.example.org/graph/document/000" in names
    assert "https://kg.example.org/graph/inferred" in names
    for name in named_queries():
        got, expected = store.run(name), published_graph.run(name)
        # Same answers; SAMPLE and GROUP_CONCAT may pick values in another order.
        assert len(got.rows) == len(expected.rows), name
        first = got.variables[0]
        assert sorted(map(str, (r[first] for r in got.rows))) == sorted(
            map(str, (r[first] for r in expected.rows))
        ), name


def test_query_store_from_the_command_line(published_dist, tmp_path, capsys):
    assert main(["load", "--dist", str(published_dist), "--store", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    code = main(
        ["query", "places-within-states", "--store", str(tmp_path / "s"), "--format", "csv"]
    )
    assert code == 0
    assert "Tapachula" in capsys.readouterr().out
