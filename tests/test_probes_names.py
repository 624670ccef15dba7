"""What `kg serve` keeps in its own memory of what a client sends: the names of IRIs it
looked up. Each test is a probe the server failed.

The query page names every IRI of a result (`/query`, its table, chart and map), and a
query makes up as many IRIs as it likes (`IRI(CONCAT(...))`), each up to the 2,000
characters a page shows. Every one was kept, 200,000 of them: twenty requests of a page of
10,000 IRIs of 1,000 characters took the server from 91 MB to 414 MB, for good.
"""

from __future__ import annotations

import tracemalloc

import pytest

from kg.server.querypage import CELL_TEXT
from kg.server.site import NAME_CHARACTERS, KeptNames, Site


@pytest.fixture(scope="module")
def site(published_dist):
    return Site(published_dist)


def test_names_of_made_up_iris_keep_a_bounded_memory(site):
    """30,000 IRIs of 2,000 characters (60 million characters) that the graph does not name:
    kept whole they held over 60 MB; the names kept now hold at most NAME_CHARACTERS (32 MiB)
    of characters in all."""
    made_up = 30_000
    assert made_up * CELL_TEXT > 1.5 * NAME_CHARACTERS
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(made_up):
            iri = f"http://made-up.example/{n:06d}/"
            site.label(iri + "x" * (CELL_TEXT - len(iri)))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < NAME_CHARACTERS + 12 * 2**20, f"{held:,} bytes held"


def test_the_graphs_names_are_still_found_and_kept(site):
    iom = "https://kg.example.org/id/organization/iom"
    assert site.label(iom) == "International Organization for Migration"
    assert site.label(iom) == "International Organization for Migration"


def test_kept_names_are_bounded_by_count_and_characters():
    asked: list[str] = []

    def find(iri: str) -> str | None:
        asked.append(iri)
        return iri.upper() if iri.startswith("n") else None

    kept = KeptNames(find, entries=3, characters=20)
    assert kept("n1") == "N1" and kept("n1") == "N1"
    assert asked == ["n1"]  # the second from what is kept
    for iri in ("a", "b", "c"):
        assert kept(iri) is None
    assert len(kept) == 3  # n1, the least recently used, given up
    kept("n1")
    assert asked.count("n1") == 2
    kept("x" * 21)  # more than all the characters: found, not kept
    assert len(kept) == 3 and kept.held <= 20
    kept("y" * 15)  # 15 characters: the others given up until it fits
    assert kept.held <= 20 and "y" * 15 in kept._kept
