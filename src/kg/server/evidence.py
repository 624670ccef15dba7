"""The evidence of a resource: the words of the source texts that state it, as its
annotations (W3C Web Annotation, `oa:`) quote them, a page at a time; and the names of the
annotations, targets and selectors themselves, known by the words they select.

`EvidenceQuotes` is the part of `kg.server.site.Site` that finds them.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.server.paging import Page, Paging
from kg.server.resources import DCTERMS, OA, RDF_TYPE, RDFS, Evidence
from kg.store.orders import TSV, SortedTerms, tsv_rows


class EvidenceQuotes:
    """The quotes of a `kg.server.site.Site`'s resources (its store and labels)."""

    # Evidence has no name of its own: it is known by the words it selects. The roles an IRI
    # may play in an annotation, each with the test that tells it (a triple pattern with the
    # IRI in it) and the name it gets.
    _EVIDENCE = (
        ("a", (None, RDF_TYPE, OA + "Annotation"), "“{quote}”{where}"),
        ("t", (OA + "hasTarget", None), "the words “{quote}”{where}"),
        ("q", (None, OA + "exact", None), "quote “{quote}”"),
        ("p", (None, RDF_TYPE, OA + "TextPositionSelector"), "position of “{quote}”{where}"),
    )

    def _evidence_name(self, node: ox.NamedNode) -> str | None:
        for role, test, template in self._EVIDENCE:
            if len(test) == 2:  # the IRI as object
                pattern = (None, ox.NamedNode(test[0]), node)
            else:
                pattern = (node, ox.NamedNode(test[1]), test[2] and ox.NamedNode(test[2]))
            if not any(True for _ in self.store.quads_for_pattern(*pattern, ox.DefaultGraph())):
                continue
            position = "?t oa:hasSelector ?p . ?p a oa:TextPositionSelector ."
            rows = self.select(
                f"""SELECT ?exact ?doc WHERE {{
                     VALUES ?{role} {{ $node }}
                     ?a a oa:Annotation ; oa:hasTarget ?t .
                     ?t oa:hasSelector ?q . ?q oa:exact ?exact . {position if role == "p" else ""}
                     OPTIONAL {{ ?t oa:hasSource/dcterms:identifier ?doc }} }} LIMIT 1""",
                node=node.value,
            )
            for row in rows:
                exact = " ".join(row["exact"].split())  # the raw words, line breaks and all
                quote = exact if len(exact) <= 60 else exact[:59] + "…"
                where = f" in {row['doc']}" if row.get("doc") else ""
                return template.format(quote=quote, where=where)
        return None

    def evidence(self, iri: str, paging: Paging | None = None) -> tuple[list[Evidence], Page]:
        """The words of the sources that state the resource (its annotations' quotes): the
        page `paging` asks for (empty after the last). Pages are cut in the code point order
        of the annotations' IRIs (`id/annotation/DOCUMENT/...`: by document first); a page's
        quotes are shown by document and position."""
        paging = paging or Paging()
        order = self._ordered(("evidence", iri), lambda: self._evidence_order(iri))
        page = Page(paging.page, paging.limit, len(order))
        found = [
            evidence
            for annotation in order.items(page.start, page.end)
            for evidence in self._quotes(annotation)
        ]
        found.sort(key=lambda e: (e.document_id, e.start is not None, e.start or 0, e.annotation))
        return found, page

    def _find_quotes(self, annotation: str) -> tuple[Evidence, ...]:
        """An annotation's quotes: for each target, its source and each quote selector (the
        selector with `oa:exact`) with its words, the words around them and the position of
        the target (the selector with `oa:start` and `oa:end`). Looked up property by
        property, about ten lookups an annotation: a SPARQL query with OPTIONALs for the same
        took 9 s for 100 annotations in a store of 1,000 documents, each OPTIONAL joined to
        every triple of its predicate; and a lookup of each node's every triple decodes
        twice as many terms."""
        out = []
        node = ox.NamedNode(annotation)
        documents: dict[ox.NamedNode, tuple] = {}
        for target in self._objects(node, OA + "hasTarget"):
            quotes, positions = [], []
            for selector in self._objects(target, OA + "hasSelector"):
                exact = self._value(selector, OA + "exact")
                if exact is not None:  # a TextQuoteSelector
                    prefix = self._value(selector, OA + "prefix") or ""
                    quotes.append((exact, prefix, self._value(selector, OA + "suffix") or ""))
                    continue
                start = self._value(selector, OA + "start")
                end = self._value(selector, OA + "end") if start is not None else None
                if end is not None:  # a TextPositionSelector
                    positions.append((start, end))
            for document in self._objects(target, OA + "hasSource"):
                if not isinstance(document, ox.NamedNode):
                    continue
                if document not in documents:
                    documents[document] = (
                        self._value(document, DCTERMS + "identifier") or "",
                        self._value(document, RDFS + "label") or self.label(document.value),
                    )
                document_id, document_label = documents[document]
                for exact, prefix, suffix in quotes:
                    for start, end in positions or [(None, None)]:
                        out.append(
                            Evidence(
                                annotation=annotation,
                                exact=exact,
                                prefix=prefix,
                                suffix=suffix,
                                document=document.value,
                                document_label=document_label,
                                document_id=document_id,
                                start=start,
                                end=end,
                            )
                        )
        return tuple(out)

    def _evidence_order(self, iri: str) -> SortedTerms:
        solutions = self.store.query(
            f"SELECT ?a WHERE {{ ?a {ox.NamedNode(OA + 'hasBody')} {ox.NamedNode(iri)} }}"
        )
        return SortedTerms(row[0] for row in tsv_rows(solutions.serialize(format=TSV)))
