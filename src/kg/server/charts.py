"""SVG charts for statistics, as markup to put straight into a page (no script, no library).

`bar_chart` draws horizontal bars (a breakdown: the shares of a whole); `column_chart` draws one
column per point of a series (a figure as each document reports it, in time order). Every bar
carries its value as text and, where given, links to the resource it shows. Negative values are
drawn to scale on the other side of a zero line, never as a stub of a positive bar.
`results_chart` draws the numbers of query results as bars.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox
from markupsafe import Markup, escape

from kg.store.query import INTEGER_TYPES, python_value  # the project's one reading of literals

XSD = "http://www.w3.org/2001/XMLSchema#"
# The datatypes whose literals are numbers (XSD 1.1 Part 2, section 3.3: decimal and the types
# derived from it, float and double): those python_value reads as numbers.
NUMERIC_TYPES = frozenset(XSD + name for name in (*INTEGER_TYPES, "decimal", "float", "double"))
# Bars drawn for query results: one row is 46 pixels of page, so the first ones only.
MAX_BARS = 50


@dataclass(frozen=True)
class Bar:
    label: str  # what the bar is
    value: float
    text: str  # the value as a person reads it: "80 %", "more than 185"
    href: str | None = None
    note: str = ""  # a second line under a column's label (a date)


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _link(svg: str, href: str | None, label: str) -> str:
    if not href:
        return svg
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{svg}</a>'


def bar_chart(bars: list[Bar], title: str, scale_max: float | None = None) -> Markup:
    """Horizontal bars, each under its label; the longest value (or `scale_max`, 100 for
    percent) spans the width. With negative values a zero line is drawn: negative bars extend
    to its left, positive ones to its right, both to the same scale."""
    if not bars:
        return Markup("")
    width, row, value_space = 760, 46, 110
    high = max(scale_max or 0, max(b.value for b in bars))
    low = min(0.0, min(b.value for b in bars))
    # Room for the value of a negative bar at its left end, as for a positive one's right.
    left = value_space if low < 0 else 0
    bar_space = width - value_space - left
    # The values as shares of the largest in size: finite whatever the values (1e308 and
    # -1e308 spanned inf, and the page's bars were at x="nan" and of width="inf").
    unit = max(abs(high), abs(low)) or 1.0
    span = (high / unit - low / unit) or 1
    zero = left + bar_space * (-low / unit) / span
    height = row * len(bars) + 4
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = i * row
        length = max(2.0, bar_space * (abs(bar.value) / unit) / span)
        if bar.value < 0:
            x, value_x, anchor = zero - length, zero - length - 6, ' text-anchor="end"'
        else:
            x, value_x, anchor = zero, zero + length + 6, ""
        shape = (
            f"<g><title>{escape(bar.label)}: {escape(bar.text)}</title>"
            f'<text class="chart-label" x="0" y="{y + 15}">'
            f"{escape(_truncate(bar.label, 110))}</text>"
            f'<rect class="chart-bar" x="{x:.1f}" y="{y + 21}" width="{length:.1f}" height="18" '
            'rx="3"/>'
            f'<text class="chart-value" x="{value_x:.1f}" y="{y + 35}"{anchor}>'
            f"{escape(bar.text)}</text>"
            "</g>"
        )
        parts.append(_link(shape, bar.href, bar.label))
    if low < 0:
        parts.append(
            f'<line class="chart-zero" x1="{zero:.1f}" x2="{zero:.1f}" y1="18" y2="{height}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(columns: list[Bar], title: str, unit: str = "") -> Markup:
    """One column per point of a series, left to right, with a value axis through zero:
    columns of negative values hang below the zero line, to the same scale."""
    if not columns:
        return Markup("")
    width, height, left, bottom, top = 760, 300, 56, 50, 30
    plot_height = height - top - bottom
    high = max(0.0, max(c.value for c in columns))
    low = min(0.0, min(c.value for c in columns))
    if high == low:
        high = 1
    step = _nice_step(high - low)
    axis_max = step * -(-high // step)
    axis_min = step * (low // step) if low < 0 else 0.0
    axis_span = axis_max - axis_min

    def y_of(value: float) -> float:
        return top + plot_height * (axis_max - value) / axis_span

    zero = y_of(0)
    slot = (width - left - 10) / len(columns)
    bar_width = min(90.0, slot * 0.6)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for k in range(round(axis_span / step) + 1):
        tick = axis_min + k * step
        y = y_of(tick)
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="chart-axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_fmt(tick)}</text>"
        )
    if low < 0:
        parts.append(
            f'<line class="chart-zero" x1="{left}" x2="{width - 10}" y1="{zero:.1f}" '
            f'y2="{zero:.1f}"/>'
        )
    if unit:
        parts.append(
            f'<text class="chart-axis" x="{left - 6}" y="{top - 16}" text-anchor="start">'
            f"{escape(unit)}</text>"
        )
    for i, column in enumerate(columns):
        x = left + slot * i + (slot - bar_width) / 2
        h = max(2.0, plot_height * abs(column.value) / axis_span)
        # A negative column hangs from the zero line, its value written above the line.
        y = zero if column.value < 0 else zero - h
        value_y = zero - 6 if column.value < 0 else y - 6
        centre = x + bar_width / 2
        shape = (
            f"<g><title>{escape(column.label)}"
            f"{' · ' + escape(column.note) if column.note else ''}: {escape(column.text)}</title>"
            f'<rect class="chart-bar" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" '
            f'height="{h:.1f}" rx="3"/>'
            f'<text class="chart-value" x="{centre:.1f}" y="{value_y:.1f}" text-anchor="middle">'
            f"{escape(column.text)}</text>"
            f'<text class="chart-label" x="{centre:.1f}" y="{top + plot_height + 20}" '
            f'text-anchor="middle">{escape(_truncate(column.label, 24))}</text>'
            f'<text class="chart-note" x="{centre:.1f}" y="{top + plot_height + 38}" '
            f'text-anchor="middle">{escape(_truncate(column.note, 28))}</text></g>'
        )
        parts.append(_link(shape, column.href, column.label))
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_step(high: float) -> float:
    """A round step for about four to eight grid lines up to `high`."""
    raw = high / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


@dataclass
class ResultsChart:
    """A chart of query results as the query page shows it."""

    title: str
    svg: Markup
    bars: int  # drawn
    total: int  # rows with a number, of which the first `bars` are drawn


def results_chart(site, variables: list[str], bindings: list[dict]) -> ResultsChart | None:
    """A bar chart of query results (SPARQL JSON bindings) that hold numbers: the first
    variable bound in two rows or more, and to a number (a literal of a numeric datatype that
    parses, finite) in each, gives the bars, one per row where it is bound, in the results'
    order; the row's first other value labels its bar (an IRI by its name, its page the bar's
    link). The first MAX_BARS rows only. None when no variable holds numbers."""

    def number(cell: dict | None) -> float | None:
        if not cell or cell.get("type") not in ("literal", "typed-literal"):
            return None
        if cell.get("datatype") not in NUMERIC_TYPES:
            return None
        value = python_value(ox.Literal(cell["value"], datatype=ox.NamedNode(cell["datatype"])))
        if not isinstance(value, (int, float, Decimal)) or isinstance(value, bool):
            return None  # an ill-typed literal ("abc"^^xsd:integer) keeps its text
        try:
            value = float(value)
        except OverflowError:
            # An integer past the largest float (a query's "1" and 309 zeros^^xsd:integer)
            # is no float: float() raised, and the query page answered 500.
            return None
        return value if math.isfinite(value) else None

    measure = None
    for variable in variables:
        cells = [row[variable] for row in bindings if row.get(variable) is not None]
        if len(cells) >= 2 and all(number(cell) is not None for cell in cells):
            measure = variable
            break
    if measure is None:
        return None
    bars = []
    total = 0
    named_by = None
    for index, row in enumerate(bindings, 1):
        if row.get(measure) is None:
            continue
        total += 1
        if len(bars) >= MAX_BARS:
            continue
        cell = row[measure]
        label, href = f"row {index}", None
        for variable in variables:
            other = row.get(variable)
            if variable == measure or other is None:
                continue
            named_by = named_by or variable
            if other["type"] == "uri":
                label, href = site.label(other["value"]), site.href(other["value"])
            else:
                label = other["value"]
            break
        bars.append(Bar(label, number(cell), cell["value"], href))
    title = f"{measure} by {named_by}" if named_by else measure
    if total > len(bars):
        title = f"{title}: the first {len(bars):,} of {total:,} rows"
    return ResultsChart(title, bar_chart(bars, title), len(bars), total)
