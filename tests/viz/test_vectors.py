"""viz.vectors: arrows, projection, angle arc and the running sum are drawn as promised."""

from __future__ import annotations

import numpy as np
import pytest

from core.vectors import dot_product
from viz import style
from viz import vectors as viz


def named(fig, start: str):
    return next(t for t in fig.data if str(t.name).startswith(start))


def test_plane_arrows_sit_at_their_coordinates_on_fixed_axes() -> None:
    fig = viz.vectors_figure(dot_product([2, 3], [4, 1]), plane=True)
    a, b = named(fig, "a = (2, 3)"), named(fig, "b = (4, 1)")
    assert (list(a.x), list(a.y)) == ([0, 2], [0, 3])
    assert (list(b.x), list(b.y)) == ([0, 4], [0, 1])
    assert a.line.color == style.CURRENT
    assert b.line.color == style.SECOND
    assert list(fig.layout.xaxis.range) == [-viz.PLANE_LIMIT, viz.PLANE_LIMIT]
    assert fig.layout.yaxis.scaleanchor == "x"  # equal scales: angles look right


def test_projection_ends_at_the_foot_of_the_perpendicular() -> None:
    fig = viz.vectors_figure(dot_product([2, 3], [4, 0]), plane=True)
    projection = named(fig, "projection of a on b: length 2")
    assert (list(projection.x), list(projection.y)) == ([0, 2], [0, 0])
    drop = named(fig, "drop from a")
    assert (list(drop.x), list(drop.y)) == ([2, 2], [3, 0])


def test_the_angle_arc_is_labelled() -> None:
    fig = viz.vectors_figure(dot_product([1, 0], [0, 1]), plane=True)
    arc = named(fig, "angle θ = 90°")
    radius = np.hypot(arc.x, arc.y)
    np.testing.assert_allclose(radius, radius[0])
    assert any("θ = 90°" in a.text for a in fig.layout.annotations)


def test_higher_dimensions_are_drawn_in_their_own_plane() -> None:
    result = dot_product([1, 2, 3], [4, 5, 6])
    fig = viz.vectors_figure(result, plane=False)
    a, b = named(fig, "a = (1, 2, 3)"), named(fig, "b = (4, 5, 6)")
    assert np.hypot(a.x[1], a.y[1]) == pytest.approx(result.norm_a)
    assert a.y[1] == 0  # a lies along the horizontal axis
    assert np.hypot(b.x[1], b.y[1]) == pytest.approx(result.norm_b)
    assert "3-D vectors" in fig.layout.title.text


def test_zero_vector_draws_no_projection_and_says_why() -> None:
    fig = viz.vectors_figure(dot_product([0, 0], [1, 2]), plane=True)
    assert not [t for t in fig.data if str(t.name).startswith("projection")]
    assert any("no angle" in a.text for a in fig.layout.annotations)


def test_running_sum_steps_through_each_term() -> None:
    fig = viz.terms_figure(dot_product([1, -2, 3], [4, 5, 6]))
    steps, total = fig.data
    assert list(steps.y) == [4, -10, 18]
    assert list(steps.base) == [0, 4, -6]  # each term starts where the sum stood
    assert list(steps.text) == ["+4", "−10", "+18"]
    assert list(total.y) == [12]
    assert list(total.text) == ["12"]
    assert [s.y0 for s in fig.layout.shapes] == [4, -6, 12]  # the steps between
    assert {t.type for t in fig.data} == {"bar"}  # drawn by the small Plotly
    low, high = fig.layout.yaxis.range
    assert low == -high
    assert high >= 18


@pytest.mark.parametrize(
    ("value", "limit"), [(0.3, 0.5), (1, 1), (3, 5), (32, 50), (120, 200), (0, 1)]
)
def test_nice_limits(value: float, limit: float) -> None:
    assert viz.nice_limit(value) == pytest.approx(limit)


def test_figures_are_small() -> None:
    result = dot_product([1, 2, 3, 4, 5, 6], [6, -5, 4, -3, 2, -1])
    size = len(viz.vectors_figure(result, plane=False).to_json())
    size += len(viz.terms_figure(result).to_json())
    assert size < 30_000


@pytest.mark.parametrize(
    ("a", "b", "side"),
    [
        ([2, 3], [4, 0], ("bottom", "center")),  # a above b: words under b
        ([2, -3], [4, 0], ("top", "center")),
        ([3, 1], [-2, 2], ("bottom", "left")),  # b slants: the corner, off the line
        ([1, 0], [-3, 0], ("bottom", "center")),  # a half turn: the arc is on top
    ],
)
def test_shadow_words_go_on_the_side_away_from_a(a, b, side) -> None:
    assert viz.away_from_a(np.array(a, float), np.array(b, float)) == side


def test_angle_value_is_in_the_corner_not_at_the_origin() -> None:
    fig = viz.vectors_figure(dot_product([2, 3], [4, 1]), plane=True)
    near_arc = [a for a in fig.layout.annotations if a.text == "θ"]
    value = next(a for a in fig.layout.annotations if a.text.startswith("θ = "))
    assert len(near_arc) == 1
    assert near_arc[0].xref in (None, "x")
    assert (value.xref, value.x, value.y) == ("paper", 0, 1)


def test_live_plane_keeps_its_traces_and_draws_words_over_the_arrows() -> None:
    from viz import vectors_live

    figures = [
        vectors_live.plane_live_figure(dot_product(a, b))
        for a, b in (([2, 3], [4, 1]), ([3, 1], [-2, 2]), ([0, 0], [4, 1]))
    ]
    uids = [[t.uid for t in fig.data] for fig in figures]
    assert uids[0] == uids[1] == uids[2]  # frames swap without a redraw
    order = uids[0]
    for words in ("shadow", "theta", "theta-value"):
        assert order.index(words) > order.index("a")  # on top of the arrows
    by_uid = {t.uid: t for t in figures[0].data}
    assert list(by_uid["theta"].text) == ["θ"]
    assert list(by_uid["theta-value"].text) == ["θ = 42.3°"]
    assert by_uid["shadow"].textposition == "bottom center"  # a is above b
    assert list(figures[2].data[order.index("theta-value")].text) == []
