"""Round 11 of the probes. Each test is a probe that found a hole, and fails on the code
before its fix; none measures time: the work is bounded by structure (counts, sizes).

The hole: the count that guards `kg add` against pages past a release's size
(`kg.extraction.page_shape`) read the page's bytes as libxml2 decodes them, obeying a
`<meta charset="utf-16">`: an ASCII page read as UTF-16 is a few elements of CJK text, counted
as nothing, while trafilatura, guessing UTF-8, read every tag (40,000 attributes on one
paragraph, 349 KB: 37 s). Now the page is decoded once and the count and both readers get
that one text.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.extraction import page_shape, pages

DATA = Path(__file__).resolve().parents[1] / "data"

ARTICLE = (
    "<h1>Desk opens in Tapachula</h1><p>The migration office in Tapachula this week opened a "
    "desk where people in transit can ask about their rights, the Mayor said.</p>"
)


def page(declaration: str, extra: str = "") -> str:
    return (
        f"<html><head>{declaration}<title>Desk opens in Tapachula</title></head><body>"
        f"<article>{ARTICLE}{extra}</article></body></html>"
    )


MANY_ATTRIBUTES = "<p " + " ".join(f"a{i}=x" for i in range(1_500)) + ">more text</p>"


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="utf-16">',
        '<meta charset="UTF-16LE">',
        '<meta charset="utf-32">',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-16be">',
    ],
)
def test_a_charset_declaration_does_not_hide_a_page_past_the_bounds(
    declaration, tmp_path, monkeypatch, capsys
):
    source = tmp_path / "page.html"
    source.write_bytes(page(declaration, MANY_ATTRIBUTES).encode("ascii"))

    def page_from_html(*args, **kwargs):
        raise AssertionError("the page was read as a release")

    monkeypatch.setattr(pages, "page_from_html", page_from_html)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    status = main(["add", str(source), "--data", str(data)])
    err = capsys.readouterr().err
    assert status == 1
    assert "more than 1,000 attributes" in err and err.count("\n") == 1, err


def test_the_count_reads_the_text_the_readers_read():
    text = page('<meta charset="utf-16">', MANY_ATTRIBUTES)
    with pytest.raises(KgError, match="more than 1,000 attributes"):
        page_shape.check_page(text.encode("ascii"), "page.html")
    with pytest.raises(KgError, match="more than 1,000 attributes"):
        page_shape.check_page(text, "page.html")


def test_a_page_in_a_declared_single_byte_charset_is_read_in_it(tmp_path):
    source = tmp_path / "page.html"
    body = page('<meta charset="windows-1252">').replace("Mayor", "Alcalde de Tapachula, José")
    source.write_bytes(body.encode("cp1252"))
    found, _ = pages.read_page(source)
    assert "José" in found.text


def test_an_xhtml_page_with_an_xml_declaration_is_read(tmp_path):
    source = tmp_path / "page.html"
    source.write_bytes(
        ('<?xml version="1.0" encoding="UTF-8"?>\n' + page('<meta charset="utf-8">')).encode()
    )
    found, _ = pages.read_page(source)
    assert found.title == "Desk opens in Tapachula" and "the Mayor said" in found.text


def test_a_utf16_page_with_its_byte_order_mark_is_read(tmp_path):
    source = tmp_path / "page.html"
    source.write_bytes(page('<meta charset="utf-16">').encode("utf-16"))  # BOM first
    found, _ = pages.read_page(source)
    assert found.title == "Desk opens in Tapachula" and "the Mayor said" in found.text


def test_a_compressed_file_is_not_decompressed_as_a_page(tmp_path):
    """trafilatura, given bytes, decompresses gzip without a bound; a saved page is never
    compressed, and kg add reads none so (nor a gzip bomb)."""
    source = tmp_path / "page.html"
    source.write_bytes(gzip.compress(page('<meta charset="utf-8">').encode()))
    with pytest.raises(KgError):
        pages.read_page(source, fmt="html")
