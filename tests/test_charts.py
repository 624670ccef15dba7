"""SVG charts (`kg.server.charts`): negative values drawn to scale on the other side of a zero
line, positive charts as before."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kg.server.charts import Bar, bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def shapes(svg) -> tuple[list[dict], list[dict], dict | None]:
    """The bars (rect attributes as floats), the value texts (x, y, anchor, text) and the
    zero line of a chart."""
    root = ET.fromstring(str(svg))
    rects = [
        {k: float(v) for k, v in r.attrib.items() if k in ("x", "y", "width", "height")}
        for r in root.iter(f"{SVG}rect")
    ]
    values = [
        {
            "x": float(t.get("x")),
            "y": float(t.get("y")),
            "anchor": t.get("text-anchor", "start"),
            "text": t.text,
        }
        for t in root.iter(f"{SVG}text")
        if t.get("class") == "chart-value"
    ]
    zero = [
        {k: float(v) for k, v in line.attrib.items() if k in ("x1", "x2", "y1", "y2")}
        for line in root.iter(f"{SVG}line")
        if line.get("class") == "chart-zero"
    ]
    assert len(zero) <= 1
    return rects, values, zero[0] if zero else None


MIXED = [Bar("up", 40, "+40"), Bar("down", -20, "−20"), Bar("a little down", -4, "−4")]


def test_bar_chart_draws_negative_bars_left_of_a_zero_line_to_scale():
    rects, values, zero = shapes(bar_chart(MIXED, "change"))
    assert zero is not None and zero["x1"] == zero["x2"]
    x0 = zero["x1"]
    up, down, little = rects
    assert up["x"] == pytest.approx(x0)  # positive: from zero to the right
    assert down["x"] + down["width"] == pytest.approx(x0)  # negative: from zero to the left
    assert little["x"] + little["width"] == pytest.approx(x0)
    assert down["width"] == pytest.approx(up["width"] / 2, abs=0.1)  # one scale for both
    assert little["width"] == pytest.approx(up["width"] / 10, abs=0.1)
    # each value is written beyond its bar's end, and stays within the chart
    assert values[0]["x"] > up["x"] + up["width"] and values[0]["anchor"] == "start"
    assert values[1]["x"] < down["x"] and values[1]["anchor"] == "end" and values[1]["x"] > 0
    for rect in rects:
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 760


def test_column_chart_hangs_negative_columns_below_a_zero_line_to_scale():
    rects, values, zero = shapes(column_chart(MIXED, "change", "persons"))
    assert zero is not None and zero["y1"] == zero["y2"]
    y0 = zero["y1"]
    up, down, little = rects
    assert up["y"] + up["height"] == pytest.approx(y0)  # positive: up from zero
    assert down["y"] == pytest.approx(y0)  # negative: down from zero
    assert little["y"] == pytest.approx(y0)
    assert down["height"] == pytest.approx(up["height"] / 2, abs=0.1)
    assert little["height"] == pytest.approx(up["height"] / 10, abs=0.1)
    for rect in rects:
        assert rect["y"] >= 0 and rect["y"] + rect["height"] <= 300 - 50  # above the labels
    # the axis reaches below the lowest value, with a tick at zero
    root = ET.fromstring(str(column_chart(MIXED, "change", "persons")))
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-axis"]
    assert "0" in ticks and any(t.startswith("-") for t in ticks)


def test_all_negative_columns_hang_from_zero_at_the_top():
    rects, _, zero = shapes(column_chart([Bar("a", -40, "-40"), Bar("b", -10, "-10")], "t"))
    assert zero is not None
    assert all(r["y"] == pytest.approx(zero["y1"]) for r in rects)
    assert rects[1]["height"] == pytest.approx(rects[0]["height"] / 4, abs=0.1)


def test_positive_charts_have_no_zero_line_and_keep_their_scale():
    bars = [Bar("a", 80, "80 %"), Bar("b", 20, "20 %")]
    rects, _, zero = shapes(bar_chart(bars, "t", 100))
    assert zero is None
    assert [r["x"] for r in rects] == [0, 0]
    assert [r["width"] for r in rects] == [650 * 0.8, 650 * 0.2]  # 100 % spans the bars' room
    rects, _, zero = shapes(column_chart(bars, "t"))
    assert zero is None
    assert rects[0]["y"] + rects[0]["height"] == pytest.approx(300 - 50)  # from the axis
