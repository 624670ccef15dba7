"""Model stage: curated facts and reference data to RDF.

`load_reference` reads `data/reference/` once; `model_reference` turns it into the reference
graph (organizations, places, people, SKOS concept schemes, the statistics data set);
`model_document` turns one document's curation file and its cleaned source into that
document's graph. Each document is modelled on its own, so documents can be built in parallel.

Every item of a document is grounded in the words that state it: a W3C Web Annotation
(https://www.w3.org/TR/annotation-model/#text-quote-selector) whose target selects the quote in
the source text, both by quote (exact, prefix, suffix) and by character position.

The stage's parts, each a module of this package:

* `values`: curation values checked and turned into RDF terms (dates, numbers, texts);
* `sections`: the sections of a curation file, their fields and predicates;
* `reference`: the reference data read and checked (`load_reference`, `Reference`);
* `reference_graph`: the reference graph (`model_reference`);
* `statistics`: the statistics data set and what an observation adds;
* `document_model`: the state of modelling one document (values, periods, evidence);
* `documents`: one document's graph (`model_document`, `declared_ids`).

Other modules use the names below, as `model.X`.
"""

from kg.build.model.document_model import DocumentModel
from kg.build.model.documents import declared_ids, model_document
from kg.build.model.reference import (
    REFERENCE_FILES,
    Declared,
    Reference,
    load_manifest,
    load_reference,
    load_reference_files,
)
from kg.build.model.reference_graph import model_reference
from kg.build.model.sections import (
    COMMON_FIELDS,
    FREQUENCIES,
    RELATION_PREDICATES,
    SECTIONS,
    Field,
    Section,
)
from kg.build.model.values import DATE, DURATION, date_literal, en, number_literal
from kg.folding import fold_name as fold  # names compared as identities

__all__ = [
    "COMMON_FIELDS",
    "DATE",
    "DURATION",
    "FREQUENCIES",
    "REFERENCE_FILES",
    "RELATION_PREDICATES",
    "SECTIONS",
    "Declared",
    "DocumentModel",
    "Field",
    "Reference",
    "Section",
    "date_literal",
    "declared_ids",
    "en",
    "fold",
    "load_manifest",
    "load_reference",
    "load_reference_files",
    "model_document",
    "model_reference",
    "number_literal",
]
