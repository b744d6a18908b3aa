"""Figures of the Mean, variance & std page."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from core import descriptive_statistics as stats
from viz import descriptive_statistics as viz
from viz import style


def _trace(fig: go.Figure, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def _valid(fig: go.Figure) -> None:
    go.Figure(fig.to_dict())  # plotly's own validation raises on a bad property


def test_dot_plot_shows_values_mean_median_band() -> None:
    s = stats.summarize("10, 20, 30, 40, 200")
    fig = viz.dot_plot_figure(s)
    _valid(fig)
    assert list(_trace(fig, "values").x) == [10, 20, 30, 40, 200]
    assert list(_trace(fig, "mean 60").x) == [60, 60]
    assert _trace(fig, "mean").line.color == style.TARGET
    assert list(_trace(fig, "median 30").x) == [30, 30]
    band = _trace(fig, "±1 std")
    assert min(band.x) == pytest.approx(60 - float(s.std_pop))
    dev = _trace(fig, "deviation")
    assert np.count_nonzero(np.isnan(np.asarray(dev.x, dtype=float))) == 5
    assert fig.layout.xaxis.autorange is False


def test_sample_band_is_wider() -> None:
    pop = viz.dot_plot_figure(stats.summarize("1, 2, 3, 4"))
    sample = viz.dot_plot_figure(stats.summarize("1, 2, 3, 4", ddof=1))
    assert max(_trace(sample, "±1 std (sample)").x) > max(_trace(pop, "±1 std").x)


def test_squares_are_the_squared_deviations() -> None:
    s = stats.summarize("10, 20, 30, 40")
    fig = viz.squares_figure(s)
    _valid(fig)
    squares = _trace(fig, "(xᵢ − x̄)²")
    xs = np.asarray(squares.x, dtype=float).reshape(-1, 6)[:, :5]
    ys = np.asarray(squares.y, dtype=float).reshape(-1, 6)[:, :5]
    widths = xs.max(axis=1) - xs.min(axis=1)
    heights = ys.max(axis=1) - ys.min(axis=1)
    np.testing.assert_allclose(widths, [15, 5, 5, 15])
    np.testing.assert_allclose(widths * heights, s.squares)
    average = _trace(fig, "mean area = variance 125")
    side = max(average.x) - min(average.x)
    assert side == pytest.approx(float(s.std_pop))
    assert fig.layout.yaxis.scaleanchor == "x"  # squares look square
    assert "500 ÷ 4 = 125" in fig.layout.title.text


def test_squares_of_the_sample_variance_divide_by_n_minus_1() -> None:
    fig = viz.squares_figure(stats.summarize("10, 20, 30, 40", ddof=1))
    assert "÷ 3" in fig.layout.title.text
    assert _trace(fig, "total area ÷ (n − 1 = 3)")


def test_no_spread_has_no_squares() -> None:
    fig = viz.squares_figure(stats.summarize("5, 5, 5"))
    assert len(fig.data) == 0
    assert "variance is 0" in fig.layout.title.text


def test_many_values_are_packed_and_stay_small() -> None:
    values = np.random.default_rng(0).normal(50, 10, stats.MAX_VALUES)
    s = stats.summarize(values)
    _x0, _y0, width, height = viz.square_positions(np.abs(s.deviations), 1.0, False)
    assert 1.5 < width / height < 6
    total = sum(
        len(f.to_json()) for f in (viz.dot_plot_figure(s), viz.squares_figure(s))
    )
    assert total < 150_000


def test_move_value_figure() -> None:
    s = stats.summarize("10, 20, 30, 40, 200")
    sweep = stats.move_largest_value(s)
    fig = viz.move_value_figure(sweep, s)
    _valid(fig)
    assert list(_trace(fig, "now").y) == [60, 30]
    assert _trace(fig, "median").line.color == style.SECOND
