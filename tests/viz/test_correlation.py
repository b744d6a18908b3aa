"""Correlation figures: the right traces and colours, fixed ranges, small JSON."""

from __future__ import annotations

import numpy as np
import pytest

from core import correlation as corr
from viz import correlation as viz
from viz import style


def _trace(fig, name_start: str):
    for item in fig.data:
        if str(item.name or "").startswith(name_start):
            return item
    raise AssertionError(f"no trace {name_start!r}: {[t.name for t in fig.data]}")


def test_pairs_figure_draws_points_and_the_least_squares_line() -> None:
    stats = corr.pair_stats([1, 2, 3, 4], [10, 20, 30, 40])
    fig = viz.pairs_figure(stats)
    points = _trace(fig, "4 points")
    np.testing.assert_array_equal(points.x, [1, 2, 3, 4])
    assert points.marker.color == style.CURRENT
    line = _trace(fig, "least-squares line")
    assert line.line.color == style.TARGET
    np.testing.assert_allclose(line.y, 10 * np.asarray(line.x))
    assert fig.layout.title.text == "r = 1.000"


def test_constant_x_has_no_line_and_says_why() -> None:
    fig = viz.pairs_figure(corr.pair_stats([2, 2, 2], [1, 2, 3]))
    assert [t.name for t in fig.data] == ["3 points"]
    assert "undefined" in fig.layout.title.text
    assert "nan" not in fig.to_json().lower().replace("nanosec", "")


def test_quadrants_colour_points_by_their_share_of_r() -> None:
    # means (3, 3): products (−2)(1), (−1)(−2), 0·0, (1)(2), (2)(−1)
    stats = corr.pair_stats([1, 2, 3, 4, 5], [4, 1, 3, 5, 2])
    fig = viz.pairs_figure(stats, quadrants=True)
    up = _trace(fig, "pulls r up")
    down = _trace(fig, "pulls r down")
    assert up.marker.color == viz.POSITIVE
    assert down.marker.color == viz.NEGATIVE
    assert (list(up.x), list(down.x)) == ([2, 4], [1, 5])
    assert list(_trace(fig, "on a mean line").x) == [3]
    mean_lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert {s.x0 for s in mean_lines if s.x0 == s.x1} == {3.0}


def test_quadrant_points_add_up_to_all_points() -> None:
    sample = corr.correlated_sample(200, 0.3, seed=1)
    fig = viz.sample_figure(sample, quadrants=True)
    counted = sum(
        len(t.x) for t in fig.data if str(t.name).startswith(("pulls", "on a mean"))
    )
    assert counted == 200


def test_sample_figure_has_fixed_axes_and_the_population_line() -> None:
    low = viz.sample_figure(corr.correlated_sample(100, 0.1, seed=0))
    high = viz.sample_figure(corr.correlated_sample(100, 0.9, seed=0))
    for fig in (low, high):
        assert tuple(fig.layout.xaxis.range) == viz.SAMPLE_X
        assert tuple(fig.layout.yaxis.range) == viz.SAMPLE_Y
    population = _trace(high, "population line")
    np.testing.assert_allclose(population.y, 0.9 * np.asarray(population.x))
    assert "target ρ = 0.90" in high.layout.title.text


def test_anscombe_four_panels_on_identical_axes() -> None:
    fig = viz.anscombe_figure(corr.anscombe_quartet())
    points = [t for t in fig.data if str(t.name).startswith("data set")]
    assert [t.name for t in points] == [
        f"data set {n}" for n in ("I", "II", "III", "IV")
    ]
    assert {(t.xaxis, t.yaxis) for t in points} == {
        ("x", "y"),
        ("x2", "y2"),
        ("x3", "y3"),
        ("x4", "y4"),
    }
    for axis in ("xaxis", "xaxis2", "xaxis3", "xaxis4"):
        assert tuple(fig.layout[axis].range) == viz.ANSCOMBE_X
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 4
    for line in lines:  # the same line, y ≈ 3 + 0.5x, in every panel
        np.testing.assert_allclose(line.y, 3 + 0.5 * np.asarray(line.x), atol=0.01)
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert texts.count("r = 0.81") == 4


def test_outlier_figure_marks_the_outlier_and_both_lines() -> None:
    study = corr.outlier_study(0.7, 20, 5.0, -5.0, seed=0)
    fig = viz.outlier_figure(study)
    outlier = _trace(fig, "outlier")
    assert (list(outlier.x), list(outlier.y)) == ([5.0], [-5.0])
    assert outlier.marker.color == style.ACCENT
    assert _trace(fig, "line without").line.dash == "dash"
    assert _trace(fig, "line with it").line.color == style.TARGET
    assert tuple(fig.layout.xaxis.range) == viz.OUTLIER_RANGE


def test_curve_figure_shows_the_true_curve() -> None:
    fig = viz.curve_figure(corr.curve_sample(0.0, 0.0, seed=0))
    curve = _trace(fig, "y = x²")
    np.testing.assert_allclose(curve.y, np.asarray(curve.x) ** 2)
    assert fig.layout.title.text == "y = x²: r = 0.000"
    assert tuple(fig.layout.xaxis.range) == viz.CURVE_X


def test_heatmap_is_the_matrix_with_clickable_cells() -> None:
    fm = corr.feature_matrix(200, 0.9, 0.8, seed=0)
    fig = viz.heatmap_figure(fm, ("area", "price"))
    heat = fig.data[0]
    np.testing.assert_array_equal(heat.z, fm.matrix)
    assert (heat.zmin, heat.zmax) == (-1, 1)
    cells = _trace(fig, "cells")
    assert len(cells.x) == 36
    pairs = {tuple(row) for row in cells.customdata}
    assert ("area", "price") in pairs
    assert ("price", "area") in pairs
    outlines = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(outlines) == 2  # both mirror cells of the chosen pair
    assert list(fig.layout.xaxis.ticktext) == [
        *fm.names[:4],
        "listing<br>day",
        "price",
    ]


def test_ranking_bars_sorted_and_coloured_by_sign() -> None:
    fm = corr.feature_matrix(500, 0.9, 0.8, seed=0)
    bars = viz.ranking_figure(fm).data[0]
    widths = list(bars.x)
    assert widths == sorted(widths)  # drawn bottom-up, strongest on top
    ranking = dict(fm.ranking())
    for name, colour in zip(bars.y, bars.marker.color, strict=True):
        assert colour == (viz.POSITIVE if ranking[name] > 0 else viz.NEGATIVE)


def test_game_figure_hides_the_answer_until_scored() -> None:
    round_ = corr.game_round(0, 1)
    before = viz.game_figure(round_, None)
    assert [t.mode for t in before.data] == ["markers"]
    assert corr.format_r(round_.r) not in before.to_json()
    assert before.layout.xaxis.showticklabels is False
    after = viz.game_figure(round_, corr.score_guess(0.5, round_.r))
    assert corr.format_r(round_.r) in after.layout.title.text
    line = _trace(after, "least-squares")
    np.testing.assert_allclose(line.y, round_.r * np.asarray(line.x))


def test_history_shows_each_guess() -> None:
    record = corr.GameRecord()
    record = corr.record_guess(record, 1, corr.score_guess(0.5, 0.52))
    record = corr.record_guess(record, 2, corr.score_guess(-0.2, 0.6))
    fig = viz.history_figure(record)
    guesses = _trace(fig, "your guesses")
    assert list(guesses.x) == [0.52, 0.6]
    assert list(guesses.marker.color) == [style.THIRD, style.TARGET]


@pytest.mark.parametrize(
    "build",
    [
        lambda: viz.sample_figure(corr.correlated_sample(1000, 0.5, 0), quadrants=True),
        lambda: viz.heatmap_figure(corr.feature_matrix(1000, 0.9, 0.8, 0)),
        lambda: viz.pair_figure(
            corr.feature_matrix(1000, 0.9, 0.8, 0).pair("area", "price")
        ),
        lambda: viz.anscombe_figure(corr.anscombe_quartet()),
    ],
)
def test_figures_stay_small_at_the_largest_settings(build) -> None:
    assert len(build().to_json()) < 60_000
