"""The ontology as the site serves it (`/def/kg`, its terms hash IRIs): its triples, and each
of its terms with its types, comments and other properties for the ontology's page.

`OntologyTerms` is the part of `kg.server.site.Site` that reads them from the ontology loaded
from dist/ontology/.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from kg.server.resources import DESCRIPTIONS, FIRST, ONTOLOGY_BASE, RDF_TYPE, SKOS, Property


class OntologyTerms:
    """The ontology of a `kg.server.site.Site` (its ontology store, terms and labels)."""

    def ontology_triples(self) -> list[ox.Triple]:
        return [
            q.triple for q in self.ontology.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]

    def ontology_terms(self) -> list[dict]:
        """The ontology (`/def/kg`) and each of its terms, for its page: classes first."""
        grouped: dict[str, list[ox.Triple]] = defaultdict(list)
        for triple in self.ontology_triples():
            subject = triple.subject
            if isinstance(subject, ox.NamedNode) and subject.value.startswith(ONTOLOGY_BASE):
                grouped[subject.value].append(triple)
        out = []
        for iri, triples in grouped.items():
            properties: dict[str, Property] = {}
            types, comments = [], []
            for triple in triples:
                predicate = triple.predicate.value
                if predicate == RDF_TYPE:
                    types.append(self.term(triple.object))
                    continue
                if predicate in (*DESCRIPTIONS, SKOS + "scopeNote") and isinstance(
                    triple.object, ox.Literal
                ):
                    if not triple.object.language or triple.object.language.startswith("en"):
                        comments.append(triple.object.value)
                    continue
                properties.setdefault(predicate, self._property(predicate)).values.append(
                    self.term(triple.object)
                )
            is_class = any(t.value.endswith(("#Class", "/Class")) for t in types)
            out.append(
                {
                    "iri": iri,
                    "anchor": iri.partition("#")[2],
                    "label": self.label(iri),
                    "types": types,
                    "comments": comments,
                    "properties": sorted(
                        properties.values(),
                        key=lambda p: (FIRST.index(p.iri) if p.iri in FIRST else 99, p.label),
                    ),
                    "members": self.classes.get(iri, 0),
                    "members_href": self.class_href(iri),
                    "rank": 0 if "#" not in iri else 1 if is_class else 2,
                }
            )
        return sorted(out, key=lambda t: (t["rank"], t["anchor"].casefold()))
