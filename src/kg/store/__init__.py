"""The store stage: the published files into stores, and queries over them.

- `query` answers named queries (`kg.queries`) and any SPARQL over the published files in an
  in-memory Oxigraph store (`results`: rows and the W3C result formats);
- `embedded` bulk-loads the dumps into an on-disk Oxigraph store (`kg load`), switched whole
  by `generations`, read from the streams of `bulk_load`, with the orders of its largest
  classes' members beside it (`orders`, read by the site's pages);
- `push` sends the graphs to a SPARQL 1.1 Graph Store Protocol server (`kg push`).

It reads what the publish stage wrote (`kg.publish.layout`), never imports the server.
"""
