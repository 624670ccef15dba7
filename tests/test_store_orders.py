"""The orders of the largest classes' members, written beside a store by `kg load`
(kg.store.orders) and read by the site's pages: the same items in the same order as computed,
and a file that does not read as the order asked for is never used."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from kg.server.paging import Paging
from kg.server.site import Site
from kg.store import orders
from kg.store.embedded import StoreGraph, class_counts, load

ANNOTATION = "http://www.w3.org/ns/oa#Annotation"
ORGANIZATION = "http://www.w3.org/ns/org#Organization"


@pytest.fixture(scope="module")
def ordered_store(published_dist, tmp_path_factory):
    """The seeds loaded by `kg load` with orders written for classes of 50 members or more
    (the default, 1,000, is more than any class of the seeds has)."""
    path = tmp_path_factory.mktemp("ordered") / "store"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(orders, "FROM_MEMBERS", 50)
        load(published_dist, path)
    return path


def test_a_load_orders_the_members_of_the_largest_classes(ordered_store):
    graph = StoreGraph(ordered_store)
    counts = class_counts(graph.store)
    written = sorted(p.name for p in (graph.location / orders.ORDERS).iterdir())
    large = [c for c, n in counts.items() if n >= 50]
    assert ANNOTATION in large and len(written) == len(large)
    for class_iri, count in counts.items():
        stored = orders.read_member_order(graph.location, class_iri)
        if count < 50:
            assert stored is None and not orders.order_path(graph.location, class_iri).exists()
            continue
        computed = orders.members(graph.store, class_iri)
        assert len(stored) == len(computed) == count
        assert stored.items(0, count) == computed.items(0, count)
        assert stored.items(0, count) == sorted(stored.items(0, count))


def test_a_class_is_ordered_from_the_number_of_members_given(tmp_path):
    store = ox.Store()
    kind = ox.NamedNode("urn:kind")
    for n in range(5):
        store.add(ox.Quad(ox.NamedNode(f"urn:m{n}"), ox.NamedNode(orders.RDF_TYPE), kind))
    assert orders.write_member_orders(store, tmp_path / "a", {kind.value: 5}, minimum=6) == 0
    assert orders.read_member_order(tmp_path / "a", kind.value) is None
    assert orders.write_member_orders(store, tmp_path / "b", {kind.value: 5}, minimum=5) == 1
    stored = orders.read_member_order(tmp_path / "b", kind.value)
    assert stored.items(0, 9) == [f"urn:m{n}" for n in range(5)]


def test_the_default_load_writes_no_order_for_the_seeds(published_store):
    graph = StoreGraph(published_store)
    assert not (graph.location / orders.ORDERS).exists()
    assert max(class_counts(graph.store).values()) < orders.FROM_MEMBERS


class CountedStore:
    """A store whose queries are written down."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.asked = store, []

    def query(self, text: str, *args, **kwargs):
        self.asked.append(text)
        return self.store.query(text, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.store, name)


def test_the_site_reads_the_order_instead_of_computing_it(ordered_store, published_dist):
    site = Site(store=ordered_store)
    site.store = counted = CountedStore(site.store)
    page, found = site.member_page(ANNOTATION, Paging(page=2, limit=100))
    assert not any(f"?s a <{ANNOTATION}>" in text for text in counted.asked)
    # the same page as the published files in memory give, computed
    dist_page, dist_found = Site(published_dist).member_page(ANNOTATION, Paging(page=2, limit=100))
    assert [t.value for t in page] == [t.value for t in dist_page] and found == dist_found
    # a class without a stored order is computed
    site.member_page(ORGANIZATION, Paging())
    assert any(f"?s a <{ORGANIZATION}>" in text for text in counted.asked)


@pytest.mark.parametrize(
    "damage", ["empty", "cut", "longer", "out of order", "another class", "not an order"]
)
def test_a_file_that_is_not_the_order_asked_for_is_not_used(ordered_store, tmp_path, damage):
    location = StoreGraph(ordered_store).location
    folder = tmp_path / "copy"
    (folder / orders.ORDERS).mkdir(parents=True)
    path = orders.order_path(folder, ANNOTATION)
    original = orders.order_path(location, ANNOTATION).read_bytes()
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "cut":
        path.write_bytes(original[: len(original) - 10])
    elif damage == "longer":
        path.write_bytes(original + b"http://example.org/more")
    elif damage == "out of order":  # the second and third offsets swapped
        table = len(orders.MAGIC) + 8 + len(ANNOTATION.encode()) + 8
        second, third = original[table + 8 : table + 16], original[table + 16 : table + 24]
        path.write_bytes(original[: table + 8] + third + second + original[table + 24 :])
    elif damage == "another class":
        classes = [p for p in (location / orders.ORDERS).iterdir() if p.name != path.name]
        shutil.copy(classes[0], path)
    else:
        path.write_bytes(b"<urn:x> <urn:y> <urn:z> .\n")
    assert orders.read_member_order(folder, ANNOTATION) is None
    shutil.copy(orders.order_path(location, ANNOTATION), path)
    assert len(orders.read_member_order(folder, ANNOTATION)) > 50
