"""viz.loss_functions: squares whose areas are the squared errors, the bowl, the losses."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core import loss_functions as lf
from viz import loss_functions as viz
from viz import style


def _trace(fig, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def _rectangles(trace) -> list[tuple[float, float, float, float]]:
    """(left, bottom, width, height) of each closed outline in a NaN-separated trace."""
    xs, ys = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
    shapes = []
    for chunk_x, chunk_y in zip(
        np.split(xs, np.where(np.isnan(xs))[0]),
        np.split(ys, np.where(np.isnan(ys))[0]),
        strict=True,
    ):
        cx, cy = chunk_x[~np.isnan(chunk_x)], chunk_y[~np.isnan(chunk_y)]
        if cx.size:
            shapes.append((cx.min(), cy.min(), np.ptp(cx), np.ptp(cy)))
    return shapes


def _json_size(fig) -> int:
    return len(fig.to_json().encode())


def test_notebook_squares_have_the_squared_errors_as_areas() -> None:
    report = lf.residual_report("3, 5, 7", "2, 5, 8")
    fig = viz.residual_squares_figure(report)
    squares = _rectangles(_trace(fig, "squared error"))
    assert [w * h for _, _, w, h in squares] == [1.0, 0.0, 1.0]
    assert all(w == h for _, _, w, h in squares)
    mean = _rectangles(_trace(fig, "mean square"))[0]
    assert mean[2] * mean[3] == pytest.approx(report.mse)
    assert "0.666667" in fig.layout.title.text
    # one unit of x is one unit of y, so the squares look square
    assert fig.layout.yaxis.scaleanchor == "x"
    assert list(_trace(fig, "y_true").y) == [3, 5, 7]
    assert _trace(fig, "y_true").marker.color == style.TARGET
    assert _trace(fig, "y_pred").marker.color == style.CURRENT


def test_residual_segments_join_truth_and_prediction() -> None:
    report = lf.residual_report("3, 5, 7, 1", "2, 5, 8, 4")
    segments = _trace(viz.residual_squares_figure(report), "residual")
    ys = np.asarray(segments.y, dtype=float).reshape(-1, 3)[:, :2]
    np.testing.assert_array_equal(ys, [[3, 2], [5, 5], [7, 8], [1, 4]])


def test_squares_never_reach_the_next_point() -> None:
    report = lf.residual_report("0, 0, 0, 0", "5, 0.1, 3, 0")
    layout = viz.residual_layout(report)
    right_edges = layout.positions + np.abs(report.residuals)
    assert np.all(right_edges[:-1] < layout.positions[1:])
    assert right_edges[-1] < layout.mean_x


def test_many_points_stay_small() -> None:
    rng = np.random.default_rng(0)
    report = lf.residual_report(rng.normal(0, 5, 100), rng.normal(0, 5, 100))
    fig = viz.residual_squares_figure(report)
    assert not fig.layout.annotations or len(fig.layout.annotations) <= 2
    assert _json_size(fig) < 60_000


def _fit(w: float = 1.0, b: float = 0.0) -> lf.LineFit:
    return lf.fit_line(lf.make_dataset(12, 0, 1.0), w, b)


def test_fit_figure_squares_match_the_residuals() -> None:
    fit = _fit()
    fig = viz.fit_figure(fit)
    areas = sorted(w * h for _, _, w, h in _rectangles(_trace(fig, "squared errors")))
    np.testing.assert_allclose(areas, np.sort(fit.residuals**2))
    line = _trace(fig, "your line")
    np.testing.assert_allclose(line.y, 1.0 * np.asarray(line.x) + 0.0)
    assert line.line.color == style.CURRENT
    best = _trace(fig, "best fit")
    np.testing.assert_allclose(best.y, fit.w_best * np.asarray(best.x) + fit.b_best)
    assert best.line.color == style.TARGET


def test_fit_figure_ranges_fixed_while_the_line_moves() -> None:
    ranges = {
        (tuple(f.layout.xaxis.range), tuple(f.layout.yaxis.range))
        for f in (viz.fit_figure(_fit(w, b)) for w, b in [(1, 0), (-2, 10), (3, -6)])
    }
    assert ranges == {(viz.SEEDED_X_RANGE, viz.SEEDED_Y_RANGE)}


def test_best_fit_can_be_hidden() -> None:
    fit = _fit()
    names = [t.name for t in viz.fit_figure(fit, show_best=False).data]
    assert not any(name.startswith("best fit") for name in names)
    bowl = viz.contour_figure(
        fit, np.ones((3, 3)), np.arange(3.0), np.arange(3.0), show_best=False
    )
    assert not any((t.name or "").startswith("least squares") for t in bowl.data)


def test_contour_marks_you_the_optimum_and_the_path() -> None:
    fit = _fit(1.0, 0.0)
    data = fit.data
    ws = np.linspace(*lf.W_RANGE, lf.GRID)
    bs = np.linspace(*lf.B_RANGE, lf.GRID)
    surface = lf.mse_surface(data.x, data.y, ws, bs)
    path = lf.descent_path(data, 1.0, 0.0, lr=0.02, steps=40)
    fig = viz.contour_figure(fit, surface, ws, bs, path=path)
    you = _trace(fig, "you")
    assert (list(you.x), list(you.y)) == ([1.0], [0.0])
    star = _trace(fig, "least squares")
    assert (star.x[0], star.y[0]) == (fit.w_best, fit.b_best)
    assert star.marker.color == style.TARGET
    drawn = _trace(fig, "descent path")
    np.testing.assert_allclose(drawn.x, path.points[:, 0])
    assert tuple(fig.layout.xaxis.range) == lf.W_RANGE
    assert tuple(fig.layout.yaxis.range) == lf.B_RANGE
    # the contour is of log₁₀ MSE, with MSE values on the colour bar
    contour = fig.data[0]
    np.testing.assert_allclose(
        np.asarray(contour.z, dtype=float), np.log10(surface), rtol=1e-5
    )
    assert _json_size(fig) < 60_000


def test_diverged_path_says_so_in_the_legend() -> None:
    fit = _fit()
    path = lf.descent_path(fit.data, 1.0, 0.0, lr=0.5, steps=50)
    fig = viz.contour_figure(
        fit, np.ones((2, 2)), np.array([-2.0, 3]), np.array([-6.0, 10]), path=path
    )
    assert f"diverged at step {path.diverged_at}" in _trace(fig, "descent path").name


def test_loss_curves_parabola_v_and_huber() -> None:
    fig = viz.loss_curves_figure(1.0, residual=8.0)
    parabola = _trace(fig, "MSE")
    r = np.asarray(parabola.x)
    np.testing.assert_allclose(parabola.y, r**2)
    np.testing.assert_allclose(_trace(fig, "MAE and RMSE").y, np.abs(r))
    huber = np.asarray(_trace(fig, "Huber").y)
    np.testing.assert_allclose(
        huber, np.where(np.abs(r) <= 1, 0.5 * r**2, np.abs(r) - 0.5)
    )
    marked = _trace(fig, "outlier's residual r = 8")
    assert list(marked.x) == [8.0, 8.0, 8.0]
    # r², |r| and Huber of the outlier; r² = 64 is above the chart's top, so it says ↑
    assert list(marked.text) == ["64 ↑", "8", "7.5"]
    assert marked.y[0] < 64
    assert tuple(fig.layout.xaxis.range) == viz.R_RANGE


def test_outlier_figure_lines_before_and_after() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    comparison = lf.compare_losses(
        data, 1.0, outlier=True, outlier_x=9.0, outlier_dy=8.0
    )
    x_range, y_range = viz.comparison_ranges(comparison)
    fig = viz.outlier_figure(comparison, x_range=x_range, y_range=y_range)
    point = _trace(fig, "outlier")
    assert (point.x[0], point.y[0]) == comparison.outlier
    for key, label in viz.LOSS_LABELS.items():
        after = next(t for t in fig.data if t.name == label)
        w, b = comparison.lines_outlier[key]
        np.testing.assert_allclose(after.y, w * np.asarray(after.x) + b)
        before = _trace(fig, f"{label} before")
        w0, b0 = comparison.lines_clean[key]
        np.testing.assert_allclose(before.y, w0 * np.asarray(before.x) + b0)
        assert after.line.color == before.line.color == viz.LOSS_COLOURS[key]
    assert (x_range, y_range) == (viz.SEEDED_X_RANGE, (-10.0, 22.0))
    assert _json_size(fig) < 30_000


def test_typed_data_ranges_hold_the_outlier() -> None:
    data = lf.typed_dataset("1, 2, 3, 4", "1, 2, 3, 4")
    comparison = lf.compare_losses(
        data, 1.0, outlier=True, outlier_x=10.0, outlier_dy=-9.0
    )
    (x_lo, x_hi), (y_lo, y_hi) = viz.comparison_ranges(comparison)
    ox, oy = comparison.outlier
    assert x_lo < 1
    assert x_hi > ox
    assert y_lo < oy < y_hi


def _all_figures():
    data = lf.make_dataset(12, 0, 1.0)
    fit = lf.fit_line(data, 1.0, 0.0)
    ws, bs, grid = lf.bowl(data)
    path = lf.descent_path(data, 1.0, 0.0, lr=0.02, steps=20)
    comparison = lf.compare_losses(data, 1.0, outlier_dy=8.0)
    ranges = viz.comparison_ranges(comparison)
    yield viz.residual_squares_figure(lf.residual_report("3, 5, 7", "2, 5, 8"))
    yield viz.fit_figure(fit)
    yield viz.contour_figure(fit, grid, ws, bs, path=path)
    yield viz.loss_curves_figure(1.0, 8.0)
    yield viz.loss_curves_figure(2.0, None)
    yield viz.outlier_figure(comparison, x_range=ranges[0], y_range=ranges[1])


def test_every_figure_is_valid_plotly() -> None:
    # The builders skip Plotly's validation for speed; here every figure must pass it.
    import plotly.graph_objects as go

    for fig in _all_figures():
        checked = json.loads(go.Figure(fig.to_dict()).to_json())  # raises if invalid
        built = json.loads(fig.to_json())
        # validation fills the empty template with Plotly's per-type stubs
        checked["layout"].pop("template")
        built["layout"].pop("template")
        assert checked == built


def test_builders_of_results_match_the_builders_of_arrays() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    run = lf.descend(data, 1.0, 0.0, method="gd", lr=0.02, steps=20)
    ws, bs, grid = lf.bowl(data)
    expected = viz.contour_figure(run.fit, grid, ws, bs, path=run.path)
    assert viz.bowl_figure(run).to_json() == expected.to_json()
    still = lf.descend(data, 1.0, 0.0, method="gd", lr=0.02, steps=0)
    assert not any(
        (t.name or "").startswith("descent") for t in viz.bowl_figure(still).data
    )
    comparison = lf.compare_losses(data, 1.0, outlier_dy=8.0)
    x_range, y_range = viz.comparison_ranges(comparison)
    drawn = viz.outlier_figure(comparison, x_range=x_range, y_range=y_range)
    assert viz.outlier_figure(comparison).to_json() == drawn.to_json()
    curves = viz.curves_figure(comparison.curves)
    assert curves.to_json() == viz.loss_curves_figure(1.0, 8.0).to_json()
