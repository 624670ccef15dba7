"""kg: a linked-data publisher that turns press releases into an RDF knowledge graph."""

__version__ = "0.1.0"
