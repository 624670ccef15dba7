"""The publish stage: a build (`kg.build.run.Build`) written out as the files of `dist/`.

- `export` writes every file, atomically and byte for byte reproducibly: the dumps
  (`dumps`, `jsonld`; what they hold: `contents`), the dumps in parts (`parts`), the VoID and
  DCAT description (`description`), the checksums (`checksums`), the named queries, ontology,
  shapes and sources;
- `chunked` keeps the whole-graph dumps in chunks so that the next publish rewrites only what
  changed (`chunking`, `assembly`, `chunk_cache`);
- `releases` writes what changed since the previous release, as an RDF Patch;
- `search` reads the full-text index that `search_index` writes (`search_text`: words, stems,
  queries);
- `layout` says where the files of a publish are: the one module its readers need.

It imports the build stage and the shared modules, never the store or the server.
"""
