"""What `kg load` reports is what the store holds: every quad, the default graph's included."""

from __future__ import annotations

import pyoxigraph as ox

from kg.store.embedded import load


def test_the_figures_of_a_load_count_every_quad_in_the_store(published_dist, tmp_path):
    figures = load(published_dist, tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    in_default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    named = [g for g in store.named_graphs()]
    assert in_default > 0 and figures["triples"] == in_default
    assert figures["graphs"] == len(named)
    assert (
        figures["quads"]
        == len(store)
        == in_default
        + sum(sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in named)
    )
