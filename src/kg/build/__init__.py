"""The build stage: sources and curation files to checked RDF graphs, one document at a time.

- `ingest` reads a press release as scraped: title, paragraphs and press contacts
  (`contacts`), every offset kept (`sourcetext`: spans, and how a quote is found in the text);
- `curation` reads curation YAML, every value remembering its file and line;
- `model` turns curated facts and reference data into RDF (a package: values, sections,
  reference data and its graph, statistics, documents); `geo`: coordinates of places;
- `reason` is OWL 2 RL by owlrl, the reference; `fastreason` the same rules specialised to
  kg's ontology, as the build runs them;
- `validate` is SHACL by pySHACL, the reference; `fastvalidate` (with `compiledshapes`) the
  same for kg's shapes, as the build runs it;
- `crossdocument`: the checks that need several documents at once;
- `pipeline` models, reasons and validates each document in worker processes (or on a Dask
  cluster); `cache` keeps each document's results for the next build;
- `run` runs the stages in order and hands a `Build` to the publish stage (`kg.publish`).

Nothing here imports the stages after it (`tests/test_layout.py`).
"""
