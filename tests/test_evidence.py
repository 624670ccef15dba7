"""Evidence as any W3C Web Annotation tool reads it: for every annotation, the characters of the
published source text (dist/sources/) at the oa:TextPositionSelector's start and end are the
oa:TextQuoteSelector's oa:exact, and oa:prefix and oa:suffix are the characters just before
and after them (https://www.w3.org/TR/annotation-model/#text-quote-selector)."""

from __future__ import annotations

from pathlib import Path

from kg.store.query import PublishedGraph

ANNOTATIONS = """
SELECT ?annotation ?file ?exact ?prefix ?suffix ?start ?end WHERE {
  ?annotation a oa:Annotation ; oa:hasTarget ?target .
  ?target oa:hasSource/kg:sourceText/schema:name ?file ;
      oa:hasSelector ?quote, ?position .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}"""


def annotations(published_dist: Path) -> list[dict]:
    return PublishedGraph(published_dist, inferred=False).sparql(ANNOTATIONS).rows


def test_every_annotation_quotes_the_published_source_at_its_position(published_dist: Path):
    rows = annotations(published_dist)
    total = len({row["annotation"] for row in rows})
    assert total == len(rows) >= 300  # one quote and one position each
    texts = {}
    agree = 0
    for row in rows:
        path = published_dist / "sources" / row["file"]
        if path not in texts:
            # As a Web Annotation tool reads it: the file's characters, no newline translation.
            texts[path] = path.read_bytes().decode("utf-8")
        raw = texts[path]
        start, end = row["start"], row["end"]
        assert 0 <= start < end <= len(raw)
        agree += raw[start:end] == row["exact"]
    assert agree == total


def test_prefix_and_suffix_are_the_characters_around_the_quote(published_dist: Path):
    rows = annotations(published_dist)
    for row in rows:
        raw = (published_dist / "sources" / row["file"]).read_bytes().decode("utf-8")
        start, end = row["start"], row["end"]
        assert raw[:start].endswith(row["prefix"]), row["annotation"]
        assert raw[end:].startswith(row["suffix"]), row["annotation"]
        assert len(row["prefix"]) == min(32, start)
        assert len(row["suffix"]) == min(32, len(raw) - end)
    # Some quotes run over a line break in the source: oa:exact keeps it.
    assert any("\n" in row["exact"] for row in rows)
