"""The listings of the site that grow with the corpus, a page at a time: the members of a
class, the links to a resource, the subjects of a named graph, the press releases.

A page of a listing is a slice of its order, the code point order of the IRIs (blank nodes
last). A long listing's order is computed once and kept, packed (`SortedTerms`, about 60
bytes an item), the least recently used dropped past `KEPT_ITEMS`; the store writes the rows
of the queries that list them as TSV, read without a Python object a row (`tsv_rows`). The
orders of the members of the largest classes are written beside the store when it is loaded
(`kg.store.orders`), and read from there. `Listings` is the part of `kg.server.site.Site`
that serves them.
"""

from __future__ import annotations

import itertools
import threading
from collections import defaultdict

import pyoxigraph as ox

from kg.server.paging import HYDRA, Page, Paging, hydra_view, page_of
from kg.server.resources import DCTERMS, RDF_TYPE, SCHEMA, VOID_GRAPH, Property, Term
from kg.store.orders import TSV, SortedTerms, members, read_member_order, tsv_rows

# A listing longer than this keeps its order once computed (`Site._ordered`): a page of it is
# then a slice. Shorter ones are ordered again for each page, which costs less than keeping
# them.
KEPT_FROM = 1000
# How many items the kept orders may hold together (about 60 bytes each, packed): at 10,000
# synthetic documents, the 670,000 annotations and the 650,000 links to IOM both fit.
KEPT_ITEMS = 2_000_000


class GroupedTerms:
    """The items of a listing in groups (the links to a resource, by property), each group's
    terms a SortedTerms; an item is (group, term)."""

    def __init__(self, groups: list[tuple[str, SortedTerms]]) -> None:
        self.groups = groups
        self.starts = list(itertools.accumulate((len(g) for _, g in groups), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def items(self, start: int, end: int) -> list[tuple[str, str]]:
        out = []
        for (group, terms), first in zip(self.groups, self.starts, strict=False):
            low, high = max(start - first, 0), min(end - first, len(terms))
            out += [(group, term) for term in terms.items(low, high)]
        return out


def _node(item: str):
    """The term of an item of SortedTerms."""
    return ox.BlankNode(item[2:]) if item.startswith("_:") else ox.NamedNode(item)


class Listings:
    """The paged listings of a `kg.server.site.Site` (its store, terms and labels), and the
    lists of classes, members and documents the pages show."""

    def member_page(self, class_iri: str, paging: Paging) -> tuple[list[Term], Page]:
        """A page of the members of a class, in the code point order of their IRIs."""
        order = self._ordered(("members", class_iri), lambda: self._members_order(class_iri))
        page = page_of(paging, len(order), f"the members of {self.curie(class_iri)}")
        return [self.term(_node(item)) for item in order.items(page.start, page.end)], page

    def incoming_page(self, iri: str, paging: Paging) -> tuple[list[Property], Page]:
        """A page of the links to a resource (triples with it as object and another subject;
        empty after the last page), by property (in the order of a page's properties), each
        property's subjects in the code point order of their IRIs."""
        order = self._ordered(("incoming", iri), lambda: self._incoming_order(iri))
        page = Page(paging.page, paging.limit, len(order))
        node = ox.NamedNode(iri)
        found: dict[str, Property] = {}
        for predicate, item in order.items(page.start, page.end):
            subject = _node(item)
            inferred = self._inferred_only(ox.Triple(subject, ox.NamedNode(predicate), node))
            prop = found.setdefault(predicate, self._property(predicate))
            prop.values.append(self.term(subject, inferred))
        return list(found.values()), page

    def incoming_count(self, iri: str) -> int:
        """How many links there are to a resource (`incoming_page`'s total)."""
        return len(self._ordered(("incoming", iri), lambda: self._incoming_order(iri)))

    def incoming_links(self, iri: str, paging: Paging) -> list[ox.Triple]:
        """The links to a resource on a page of them, as triples, in `incoming_page`'s order;
        PastTheEnd after the last page."""
        order = self._ordered(("incoming", iri), lambda: self._incoming_order(iri))
        page = page_of(paging, len(order), f"the links to {self.curie(iri)}")
        node = ox.NamedNode(iri)
        return [
            ox.Triple(_node(item), ox.NamedNode(predicate), node)
            for predicate, item in order.items(page.start, page.end)
        ]

    def graph_subjects(self, graph: str, paging: Paging) -> tuple[list[Term], Page]:
        """A page of the subjects of a named graph, in the code point order of their IRIs."""
        order = self._ordered(("graph", graph), lambda: self._graph_order(graph))
        page = page_of(paging, len(order), f"the subjects of {graph}")
        return [self.term(_node(item)) for item in order.items(page.start, page.end)], page

    def graph_page(self, graph: str, paging: Paging) -> tuple[list[ox.Triple], Page]:
        """The triples of a page of a named graph's subjects (`graph_subjects`' order), each
        with all its triples in the graph; PastTheEnd after the last page."""
        order = self._ordered(("graph", graph), lambda: self._graph_order(graph))
        page = page_of(paging, len(order), f"the subjects of {graph}")
        node = ox.NamedNode(graph)
        return [
            q.triple
            for item in order.items(page.start, page.end)
            for q in self.store.quads_for_pattern(_node(item), None, None, node)
        ], page

    def collection(
        self,
        collection: str,
        view: str,
        class_iri: str,
        members: list[Term],
        page: Page,
        absolute: dict[str, str],
    ) -> list[ox.Triple]:
        """A page of a class's members in RDF: a `hydra:Collection` that manages the class's
        members (`hydra:manages` rdf:type the class), with its total, the page's members and,
        when there are several pages, the page as a `hydra:PartialCollectionView`."""
        node = ox.NamedNode(collection)
        manages = ox.BlankNode("manages")  # named, so that the same page gives the same bytes
        own, views = hydra_view(collection, view, absolute, page.total)
        own.append(ox.Triple(node, ox.NamedNode(HYDRA + "manages"), manages))
        own += [ox.Triple(node, ox.NamedNode(HYDRA + "member"), _node(t.value)) for t in members]
        return [
            *own,
            *views,
            ox.Triple(manages, ox.NamedNode(HYDRA + "property"), ox.NamedNode(RDF_TYPE)),
            ox.Triple(manages, ox.NamedNode(HYDRA + "object"), ox.NamedNode(class_iri)),
        ]

    def _ordered(self, key: tuple, compute):
        """The order of a listing: `compute()` the first time it is asked for, then kept when
        it has KEPT_FROM items or more, the least recently used dropped past KEPT_ITEMS in
        all. A listing asked for by several requests at once is computed once."""
        with self._orders_lock:
            if key in self._orders:
                self._orders.move_to_end(key)
                return self._orders[key]
            computing = self._ordering.setdefault(key, threading.Lock())
        with computing:
            with self._orders_lock:
                if key in self._orders:
                    return self._orders[key]
            order = compute()
            with self._orders_lock:
                self._ordering.pop(key, None)
                if len(order) >= KEPT_FROM:
                    self._orders[key] = order
                    kept = sum(len(o) for o in self._orders.values())
                    while kept > KEPT_ITEMS and len(self._orders) > 1:
                        _, dropped = self._orders.popitem(last=False)
                        kept -= len(dropped)
        return order

    def _members_order(self, class_iri: str) -> SortedTerms:
        """The members of a class in order: as `kg load` wrote it beside the store, else
        computed."""
        location = getattr(self.graph, "location", None)  # a store's generation, if served
        stored = read_member_order(location, class_iri) if location is not None else None
        return stored if stored is not None else members(self.store, class_iri)

    def _graph_order(self, graph: str) -> SortedTerms:
        solutions = self.store.query(
            f"SELECT DISTINCT ?s WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}"
        )
        return SortedTerms(row[0] for row in tsv_rows(solutions.serialize(format=TSV)))

    def _incoming_order(self, iri: str) -> GroupedTerms:
        node = ox.NamedNode(iri)
        solutions = self.store.query(f"SELECT ?p ?s WHERE {{ ?s ?p {node} FILTER(?s != {node}) }}")
        subjects: dict[bytes, list[bytes]] = defaultdict(list)
        for predicate, subject in tsv_rows(solutions.serialize(format=TSV)):
            subjects[predicate].append(subject)
        for quad in self.void.quads_for_pattern(None, None, node, VOID_GRAPH):
            if quad.subject != node:
                subject = quad.subject
                subjects[quad.predicate.value.encode("utf-8")].append(
                    subject.value.encode("utf-8")
                    if isinstance(subject, ox.NamedNode)
                    else str(subject).encode("utf-8")
                )
        groups = [(p.decode("utf-8"), SortedTerms(s)) for p, s in subjects.items()]
        groups.sort(key=lambda group: self._property_order(self._property(group[0])))
        return GroupedTerms(groups)

    def class_list(self) -> list[tuple[Term, int]]:
        out = []
        for iri, count in self.classes.items():
            term = self.term(ox.NamedNode(iri))
            term.href = self.class_href(iri)
            out.append((term, count))
        return sorted(out, key=lambda item: (-item[1], item[0].label))

    def members(self, class_iri: str) -> list[Term]:
        subjects = {
            q.subject
            for q in self.store.quads_for_pattern(
                None, ox.NamedNode(RDF_TYPE), ox.NamedNode(class_iri), ox.DefaultGraph()
            )
        }
        return sorted((self.term(s) for s in subjects), key=lambda t: (t.label.casefold(), t.value))

    def most_described(self, class_iri: str) -> Term | None:
        """The member of a class with the most triples about it (ties: the first by label)."""
        rows = self.select(
            """SELECT ?m (COUNT(*) AS ?n) WHERE { ?m a $cls FILTER(isIRI(?m))
                 { ?m ?p ?o } UNION { ?s ?p ?m FILTER(?s != ?m) } } GROUP BY ?m""",
            cls=class_iri,
        )
        if not rows:
            return None
        most = max(row["n"] for row in rows)
        terms = [self.term(ox.NamedNode(row["m"])) for row in rows if row["n"] == most]
        return min(terms, key=lambda t: (t.label.casefold(), t.value))

    def documents(self, limit: int | None = None) -> list[dict]:
        """The press releases (IRI, identifier, headline, address) by identifier: all, or
        the first `limit` in the order of their IRIs (a page of schema:NewsArticle's
        members, which holds thousands)."""
        if limit is not None:
            terms, _ = self.member_page(SCHEMA + "NewsArticle", Paging(limit=limit))
            out = []
            for term in terms:
                node = _node(term.value)
                found = {
                    "doc": term.value,
                    "id": self._value(node, DCTERMS + "identifier"),
                    "headline": self._value(node, SCHEMA + "headline"),
                    "url": self._value(node, SCHEMA + "url"),
                }
                if found["id"] is not None:
                    out.append({k: v for k, v in found.items() if v is not None})
            return sorted(out, key=lambda row: (row["id"], row["doc"]))
        return self.select(
            """SELECT ?doc ?id ?headline ?url WHERE {
                 ?doc a schema:NewsArticle ; dcterms:identifier ?id .
                 OPTIONAL { ?doc schema:headline ?headline }
                 OPTIONAL { ?doc schema:url ?url } } ORDER BY ?id"""
        )
