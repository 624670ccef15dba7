"""Round 8 of the probes: what seven earlier rounds had not tried. Each test is a probe that
found a hole, and fails on the code before its fix; none measures time: each bounds the work
by structure (counts, sizes) or by the server's own limits.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from kg.cli import main
from kg.extraction import page_shape as pageshape
from kg.extraction import pages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

HEAD = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Desk opens</title>'
    '<link rel="canonical" href="https://news.example.org/desk"></head><body><article>'
    "<h1>Desk opens</h1><p>The migration office in Tapachula this week opened a desk where "
    "people in transit can ask about their rights.</p>"
)
TAIL = "</article></body></html>"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def never_read(monkeypatch):
    """`kg add` must refuse the page before reading it as a release (lxml's tree,
    trafilatura): reading it is what took minutes."""

    def page_from_html(*args, **kwargs):
        raise AssertionError("the page was read as a release")

    monkeypatch.setattr(pages, "page_from_html", page_from_html)


def _refused(data: Path, argv: list[str], capsys) -> str:
    before = _files(data)
    status = main(["add", *argv, "--data", str(data)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert status == 1, err
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and "internal error" not in err
    assert _files(data) == before
    return lines[0]


# --------------------------------------------------------------------------- kg add, hostile pages


def test_a_page_of_an_element_with_very_many_attributes_is_refused_unread(
    tmp_path: Path, data: Path, never_read, capsys
):
    """lxml builds an element's attributes in time quadratic in their number: one `<p>` of
    200,000 attributes (2.2 MB, within the 5 MiB of an input) had not been read after four
    minutes. The page's attributes are counted without a tree, and it is refused."""
    page = tmp_path / "attributes.html"
    attributes = " ".join(f'a{i}="x"' for i in range(200_000))
    page.write_text(HEAD + f"<p {attributes}>Words of the release.</p>" + TAIL, encoding="utf-8")
    line = _refused(data, [str(page)], capsys)
    assert "more than 1,000 attributes" in line and str(page) in line


def test_a_page_of_very_many_elements_is_refused_unread(
    tmp_path: Path, data: Path, never_read, capsys
):
    """trafilatura's passes grow faster than a page's elements: 300,000 empty paragraphs
    (3.3 MB) took over four minutes and 520 MB before the paragraph limit was reached."""
    page = tmp_path / "elements.html"
    page.write_text(HEAD + "<p>w</p>" * 300_000 + TAIL, encoding="utf-8")
    line = _refused(data, [str(page)], capsys)
    assert f"more than {pageshape.MAX_ELEMENTS:,} elements" in line


def test_a_page_of_very_many_attributes_in_all_is_refused_unread(
    tmp_path: Path, data: Path, never_read, capsys
):
    """2,000 elements of 256 attributes each (1.3 MB) took kg add to 780 MB."""
    page = tmp_path / "many.html"
    attributes = " ".join(f'a{i}="x"' for i in range(256))
    page.write_text(HEAD + f"<p {attributes}>x</p>" * 2_000 + TAIL, encoding="utf-8")
    line = _refused(data, [str(page)], capsys)
    assert f"more than {pageshape.MAX_ATTRIBUTES:,} attributes" in line


def test_a_hostile_page_on_standard_input_is_refused_unread(
    data: Path, never_read, monkeypatch, capsys
):
    html = HEAD + "<br>" * (pageshape.MAX_ELEMENTS + 1) + TAIL
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html.encode("utf-8"))))
    line = _refused(data, ["-"], capsys)
    assert line.startswith("error: -: more than 50,000 elements")


def test_a_program_calling_add_is_guarded_as_the_command_is(tmp_path: Path, data: Path, never_read):
    """The bounds are checked where the page is read, not only by the command line."""
    from kg.errors import KgError
    from kg.extraction.add import add

    page = tmp_path / "elements.html"
    page.write_text(HEAD + "<p>w</p>" * 60_000 + TAIL, encoding="utf-8")
    before = _files(data)
    with pytest.raises(KgError, match="more than 50,000 elements"):
        add(page, data)
    assert _files(data) == before


def test_a_page_within_the_bounds_is_read(tmp_path: Path):
    """The bounds are counts of what the parser gives: a page just within each passes."""
    within = HEAD + "<br>" * (pageshape.MAX_ELEMENTS - 100) + TAIL
    pageshape.check_page(within.encode(), "within.html")
    attributes = " ".join(f'a{i}="x"' for i in range(pageshape.MAX_ELEMENT_ATTRIBUTES))
    pageshape.check_page((HEAD + f"<p {attributes}>x</p>" * 99 + TAIL).encode(), "w.html")
    # a text file is no page: "<br>" in a text is not counted
    text = tmp_path / "release.txt"
    text.write_text("Desk opens\n\n" + "<br>" * (pageshape.MAX_ELEMENTS + 1) + "\n")
    page, _ = pages.read_page(text)
    assert page.text.count("<br>") == pageshape.MAX_ELEMENTS + 1


def test_a_page_at_home_in_kg_add_is_still_filed(tmp_path: Path, data: Path, capsys):
    page = tmp_path / "release.html"
    page.write_text(HEAD + "<p>Two advisers staff the desk five days a week.</p>" + TAIL)
    assert main(["add", str(page), "--data", str(data)]) == 0
    assert "added document 005" in capsys.readouterr().out


# --------------------------------------------------------------------------- the query page's chart


@pytest.mark.parametrize(
    "values",
    [(1e308, -1e308), (1.7e308, 1.7e308), (1e308, 1e308, 1e308), (5e-324, 0.0), (3.0, -2.0)],
)
def test_a_chart_of_the_largest_numbers_draws_finite_bars(values):
    """A result's bars were drawn to the scale of its values' span: 1e308 and -1e308 span
    more than a float holds, and the query page's chart had bars at x="nan" and of
    width="inf". Every coordinate and size of the SVG is a finite number."""
    from xml.etree import ElementTree

    from kg.server.charts import Bar, bar_chart

    svg = bar_chart([Bar(f"row {i}", v, str(v)) for i, v in enumerate(values)], "values")
    numbers = [
        value
        for element in list(ElementTree.fromstring(str(svg)).iter())[1:]  # not the <svg>
        for name, value in element.attrib.items()
        if name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2")
    ]
    assert numbers and all(math.isfinite(float(value)) for value in numbers), numbers


# --------------------------------------------------------------------------- content negotiation


class _SeenPattern:
    """A compiled pattern that keeps the length of each text it is asked to match."""

    def __init__(self, pattern) -> None:
        self.pattern, self.lengths = pattern, []

    def fullmatch(self, text, *args):
        self.lengths.append(len(text))
        return self.pattern.fullmatch(text, *args)


@pytest.mark.parametrize("header", ["Accept", "Accept-Profile"])
def test_a_weight_of_thousands_of_digits_is_no_weight_and_never_matched(header, monkeypatch):
    """`q=` and 4,000 digits and a letter: the weight's pattern (`\\d+\\.?\\d*`) took each digit
    back one at a time, each time trying the rest again, and every negotiation of such a
    header cost 0.3 s of the server's event loop (four clients sending it made the home page
    take up to 0.8 s for everyone). A weight longer than any weight is not one, and is never
    given to the pattern."""
    from kg.server import conneg, profiles

    seen = _SeenPattern(conneg._QVALUE)
    monkeypatch.setattr(conneg, "_QVALUE", seen)
    value = "text/turtle;q=" + "1" * 4_000 + "x, text/html;q=0.5"
    if header == "Accept":
        assert conneg.parse_accept(value) == [("text/turtle", 0.0), ("text/html", 0.5)]
    else:
        assert profiles._header_names(value) == [("text/turtle", 0.0), ("text/html", 0.5)]
    assert seen.lengths and max(seen.lengths) <= conneg.MAX_WEIGHT_LENGTH


def test_weights_as_clients_write_them_are_read():
    from kg.server import conneg

    for written, q in [("1", 1.0), ("0.5", 0.5), (".2", 0.2), ("1.", 1.0), ("0.125", 0.125)]:
        assert conneg.parse_accept(f"text/turtle;q={written}") == [("text/turtle", q)]
    for written in ["1e0", "0x1", "١", "+1", "-0", "0.5.5", "", "1_0"]:
        assert conneg.parse_accept(f"text/turtle;q={written}") == [("text/turtle", 0.0)]
