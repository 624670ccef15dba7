"""The parts of `kg serve`, each a plain module usable without a web server.

- `conneg`: HTTP content negotiation (Accept header, `format` parameter, file suffixes);
- `sparql`: the read-only SPARQL 1.1 query service: what is refused (updates, SERVICE, too
  long a text), query execution in worker processes with a time limit and a result size limit,
  and the SPARQL 1.1 Service Description;
- `site`: the Linked Data side: IRIs to addresses, the description of a resource (a function
  from IRI to triples), labels, search, classes, evidence, downloads;
- `charts`: SVG bar charts for statistics.

`kg.server.app` puts them on the web (Starlette, uvicorn) with Jinja templates.
"""
