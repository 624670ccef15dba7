"""The server stage, `kg serve`: its parts, each a plain module usable without a web server.

- `app` puts them on the web (Starlette, uvicorn, Jinja templates) and starts the server; its
  routes are `linkeddata` (every IRI resolves), `pages` (home, classes, search, downloads),
  `querypage` (the query editor, `editor`), `endpoint` (`/sparql`) and `changes` (releases;
  an indicator's values across documents from `indicators`), with what they share in
  `handling` and `headers`;
- `conneg` and `profiles`: content negotiation by media type and by profile;
- `sparql`: the read-only SPARQL 1.1 query service: limits, formats, the Service
  Description; queries run in worker processes (`querypool`, `execution`), checked by `guard`
  and confined by `sandbox`;
- `site`: the Linked Data side: IRIs to addresses, the description of a resource, labels,
  with its `listings` (paged by `paging`), `evidence`, `chartdata`, `downloads` and
  `ontology`; `resources`: what the pages show, as plain data;
- `charts` and `maps`: SVG drawn on the server; `openapi`: the HTTP interface described.

It reads the store stage (`kg.store`) and the publish stage's files, and nothing imports it
but the command line.
"""
