"""viz.equations: the figure shows the line, its root, intercept and slope, at fixed ranges."""

from __future__ import annotations

import numpy as np
import pytest

from core import equations as eq
from viz import equations as viz
from viz import style


def _trace(fig, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def test_default_line_root_and_intercept() -> None:
    fig = viz.linear_figure(eq.solve_linear(2, -4))
    line = _trace(fig, "y = a·x + b")
    np.testing.assert_allclose(np.asarray(line.y), 2 * np.asarray(line.x) - 4)
    root = _trace(fig, "root x = 2")
    assert (list(root.x), list(root.y)) == ([2.0], [0])
    assert root.marker.color == style.TARGET
    intercept = _trace(fig, "intercept b = −4")
    assert (list(intercept.x), list(intercept.y)) == ([0], [-4.0])
    slope = _trace(fig, "slope a = 2")
    rise = slope.y[2] - slope.y[1]
    run = slope.x[1] - slope.x[0]
    assert (run, rise) == (1, 2.0)


def test_axis_ranges_stay_fixed_when_the_line_moves() -> None:
    ranges = set()
    for a, b in [(2, -4), (-3, 7), (0.1, 9.9)]:
        fig = viz.linear_figure(eq.solve_linear(a, b))
        ranges.add((tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)))
    assert ranges == {(viz.X_RANGE, viz.Y_RANGE)}


def test_root_off_the_chart_is_announced() -> None:
    fig = viz.linear_figure(eq.solve_linear(0.1, -5))  # root at 50
    assert not [t for t in fig.data if (t.name or "").startswith("root")]
    assert any("off the chart" in a.text for a in fig.layout.annotations)


@pytest.mark.parametrize(("b", "words"), [(3, "no solution"), (0, "every x")])
def test_a_zero_is_drawn_and_said(b: float, words: str) -> None:
    fig = viz.linear_figure(eq.solve_linear(0, b))
    texts = [a.text for a in fig.layout.annotations] + [t.name or "" for t in fig.data]
    assert any(words in text for text in texts)


def test_system_figure_marks_the_crossing() -> None:
    fig = viz.system_figure(eq.solve_system([[1, 1], [1, -1]], [3, 1]))
    point = _trace(fig, "solution")
    assert (list(point.x), list(point.y)) == ([2.0], [1.0])
    assert fig.layout.yaxis.scaleanchor == "x"
    names = [t.name for t in fig.data]
    assert "(1) x + y = 3" in names  # not "1x + 1y"
    assert "(2) x − y = 1" in names


@pytest.mark.parametrize(
    "fig",
    [
        viz.linear_figure(eq.solve_linear(2, -4)),
        viz.linear_figure(eq.solve_linear(0.1, -5)),
        viz.linear_figure(eq.solve_linear(0, 3)),
        viz.linear_figure(eq.solve_linear(0, 0)),
        viz.system_figure(eq.solve_system([[1, 1], [1, -1]], [3, 1])),
        viz.system_figure(eq.solve_system([[1, 1], [2, 2]], [3, 5])),
    ],
)
def test_figures_are_valid_plotly(fig) -> None:
    # built unvalidated for speed: Plotly's own checks must accept them
    style.validate(fig)


@pytest.mark.parametrize(
    ("constants", "words"), [([3, 5], "parallel"), ([3, 6], "same line")]
)
def test_system_figure_explains_parallel_lines(constants: list, words: str) -> None:
    fig = viz.system_figure(eq.solve_system([[1, 1], [2, 2]], constants))
    assert any(words in a.text for a in fig.layout.annotations)


def test_vertical_line_is_drawn() -> None:
    fig = viz.system_figure(eq.solve_system([[1, 0], [0, 1]], [2, 3]))
    first = fig.data[0]
    assert list(first.x) == [2.0, 2.0]


def test_figures_are_small() -> None:
    fig = viz.linear_figure(eq.solve_linear(2, -4))
    assert len(fig.to_json()) < 10_000


def test_style_helpers() -> None:
    assert style.rgba("#0072B2", 0.5) == "rgba(0,114,178,0.5)"
    fig = style.Chart("T", "x", "y", height=300).figure()
    assert fig.layout.title.text == "T"
    assert fig.layout.height == 300
    assert fig.layout.uirevision == "keep"
