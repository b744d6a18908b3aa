"""The maths of the Loss-functions page: hand-checked values, identities, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import loss_functions as lf
from core.optimisers import optimize
from tests.helpers import run_snippet
from text import loss_functions as lf_text

finite = st.floats(-1000, 1000, allow_nan=False, allow_infinity=False)


def pairs(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy:
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.tuples(
            st.lists(finite, min_size=n, max_size=n),
            st.lists(finite, min_size=n, max_size=n),
        )
    )


# -- notebook cell 10 ----------------------------------------------------------------------


def test_notebook_cell_10_exactly() -> None:
    y_true = np.array([3, 5, 7])
    y_pred = np.array([2, 5, 8])
    assert lf.mean_squared_error(y_true, y_pred) == 0.6666666666666666
    report = lf.residual_report("3, 5, 7", "2, 5, 8")
    assert report.mse == 0.6666666666666666
    assert repr(lf_text.mse_code_result(report)) == "np.float64(0.6666666666666666)"
    code = lf_text.mse_code(report.y_true, report.y_pred)
    assert "y_true = np.array([3, 5, 7])" in code
    assert "y_pred = np.array([2, 5, 8])" in code
    assert repr(run_snippet(code)) == "np.float64(0.6666666666666666)"


def test_residuals_and_squares_by_hand() -> None:
    report = lf.residual_report([3, 5, 7], [2, 5, 8])
    assert report.residuals.tolist() == [1.0, 0.0, -1.0]
    assert report.squares.tolist() == [1.0, 0.0, 1.0]
    assert report.mae == pytest.approx(2 / 3)
    assert report.rmse == pytest.approx(math.sqrt(2 / 3))
    # ∂MSE/∂ŷ = 2(ŷ − y)/n
    np.testing.assert_allclose(report.grad, [-2 / 3, 0, 2 / 3])
    rows = lf_text.residual_rows(report)
    assert [row["squared (y − ŷ)²"] for row in rows] == ["1", "0", "1"]
    assert [row["residual y − ŷ"] for row in rows] == ["1", "0", "-1"]
    table = lf_text.markdown_table(rows).splitlines()
    assert table[0].startswith("| i | y_true | y_pred |")
    assert table[2] == "| 1 | 3 | 2 | 1 | 1 | -0.666667 |"
    assert len(table) == 2 + 3


# -- losses with their gradients -----------------------------------------------------------


def test_hand_checked_losses() -> None:
    assert lf.mean_absolute_error([3, 5, 7], [2, 5, 9]) == 1.0
    assert lf.root_mean_squared_error([0, 0], [3, 4]) == pytest.approx(math.sqrt(12.5))
    # huber δ=1: ½·0.5² = 0.125 and 1·(3 − ½) = 2.5
    assert lf.huber_loss([0, 0], [0.5, 3], delta=1.0) == pytest.approx(1.3125)
    assert lf.huber([0.5, -3.0], 1.0).tolist() == [0.125, 2.5]
    assert lf.mean_squared_error_grad([3, 5, 7], [2, 5, 8]).tolist() == pytest.approx(
        [-2 / 3, 0, 2 / 3]
    )
    assert lf.mean_absolute_error_grad([1, 1, 1], [0, 1, 3]).tolist() == pytest.approx(
        [-1 / 3, 0, 1 / 3]
    )


def numeric_gradient(f, y_true, y_pred, h=1e-6) -> np.ndarray:
    grad = np.zeros_like(y_pred)
    for i in range(y_pred.size):
        up, down = y_pred.copy(), y_pred.copy()
        up[i] += h
        down[i] -= h
        grad[i] = (f(y_true, up) - f(y_true, down)) / (2 * h)
    return grad


@pytest.mark.parametrize(
    ("loss", "grad"),
    [
        (lf.mean_squared_error, lf.mean_squared_error_grad),
        (lf.mean_absolute_error, lf.mean_absolute_error_grad),
        (lf.root_mean_squared_error, lf.root_mean_squared_error_grad),
        (lf.huber_loss, lf.huber_loss_grad),
    ],
)
def test_each_gradient_matches_finite_differences(loss, grad) -> None:
    rng = np.random.default_rng(3)
    y_true = rng.normal(0, 3, 7)
    y_pred = y_true + rng.choice([-1, 1], 7) * rng.uniform(0.3, 4, 7)  # no kinks
    np.testing.assert_allclose(
        grad(y_true, y_pred), numeric_gradient(loss, y_true, y_pred), atol=1e-6
    )


def test_residual_loss_derivatives() -> None:
    r = np.array([-3.0, -0.5, 0.0, 0.4, 2.5])
    np.testing.assert_array_equal(lf.squared_error_grad(r), 2 * r)
    np.testing.assert_array_equal(lf.absolute_error_grad(r), [-1, -1, 0, 1, 1])
    np.testing.assert_array_equal(lf.huber_grad(r, 1.0), [-1, -0.5, 0, 0.4, 1])
    h = 1e-7
    for x in (-3.0, -0.5, 0.4, 2.5):
        numeric = (lf.huber([x + h], 1.0)[0] - lf.huber([x - h], 1.0)[0]) / (2 * h)
        assert lf.huber_grad([x], 1.0)[0] == pytest.approx(numeric, abs=1e-6)


def test_rmse_grad_is_zero_for_a_perfect_fit() -> None:
    assert lf.root_mean_squared_error_grad([1, 2], [1, 2]).tolist() == [0.0, 0.0]


@settings(max_examples=60, deadline=None)
@given(pairs())
def test_identities(pair) -> None:
    y_true, y_pred = (np.array(v) for v in pair)
    mse = lf.mean_squared_error(y_true, y_pred)
    mae = lf.mean_absolute_error(y_true, y_pred)
    rmse = lf.root_mean_squared_error(y_true, y_pred)
    assert mse == pytest.approx(np.mean((y_true - y_pred) ** 2))
    assert rmse == pytest.approx(math.sqrt(mse))
    assert mae <= rmse + 1e-9 * (1 + rmse)  # the mean is at most the quadratic mean
    # Huber sits between ½·MSE-like and MAE-like behaviour: huber ≤ ½r² and ≤ δ|r|
    r = y_true - y_pred
    hub = lf.huber(r, 2.0)
    assert np.all(hub <= 0.5 * r**2 + 1e-9)
    assert np.all(hub <= 2.0 * np.abs(r) + 1e-9)
    # swapping true and predicted leaves each loss unchanged
    assert lf.mean_squared_error(y_pred, y_true) == mse


@settings(max_examples=40, deadline=None)
@given(st.floats(-50, 50), st.floats(0.1, 10))
def test_huber_is_parabola_inside_and_line_outside(r: float, delta: float) -> None:
    value = float(lf.huber([r], delta)[0])
    if abs(r) <= delta:
        assert value == pytest.approx(0.5 * r * r)
    else:
        assert value == pytest.approx(delta * abs(r) - 0.5 * delta * delta)


def test_residual_losses_of_one_point() -> None:
    one = lf.residual_losses(-3.0, 1.0)
    assert one == {"mse": 9.0, "mae": 3.0, "huber": 2.5, "rmse": 3.0}


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ("3, 5, 7", "2, 5", "y_true has 3 values but y_pred has 2"),
        ("", "2, 5, 8", "y_true is empty"),
        ("3, 5, 7", "   ", "y_pred is empty"),
        ("3, five, 7", "2, 5, 8", "'five' is not a number"),
        ("3, nan, 7", "2, 5, 8", "'nan' is not allowed"),
        ("3, 5, 7", "2, inf, 8", "'inf' is not allowed"),
        ("3, 1e400, 7", "2, 5, 8", "too large"),
        ("3, 5e6, 7", "2, 5, 8", "y_true: 5000000 is too large"),
        (
            ", ".join(["1"] * 101),
            ", ".join(["1"] * 101),
            "the most this page takes is 100",
        ),
    ],
)
def test_bad_lists_are_explained(y_true: str, y_pred: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lf.residual_report(y_true, y_pred)


def test_bad_arrays_are_explained() -> None:
    with pytest.raises(ValueError, match="finite"):
        lf.mean_squared_error([1.0, np.nan], [1.0, 2.0])
    with pytest.raises(ValueError, match="empty"):
        lf.mean_squared_error([], [])
    with pytest.raises(ValueError, match="only numbers"):
        lf.mean_absolute_error(["a"], [1])
    with pytest.raises(ValueError, match="δ must be greater than 0"):
        lf.huber_loss([1], [2], delta=0)


# -- fitting a line --------------------------------------------------------------------------


def test_seeded_data_is_reproducible() -> None:
    a = lf.make_dataset(12, 7, 1.0)
    b = lf.make_dataset(12, 7, 1.0)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.y, lf.make_dataset(12, 8, 1.0).y)
    assert np.all((a.x >= lf.X_LOW) & (a.x <= lf.X_HIGH))
    exact = lf.make_dataset(5, 0, 0.0)
    np.testing.assert_allclose(exact.y, 0.6 * exact.x + 2)


@pytest.mark.parametrize("seed", [0, 1, 2, 42])
def test_closed_form_optimum_matches_lstsq(seed: int) -> None:
    data = lf.make_dataset(20, seed, 1.5)
    w, b = lf.least_squares(data.x, data.y)
    design = np.column_stack([data.x, np.ones_like(data.x)])
    (w_ref, b_ref), *_ = np.linalg.lstsq(design, data.y, rcond=None)
    assert w == pytest.approx(w_ref, rel=1e-10)
    assert b == pytest.approx(b_ref, rel=1e-10, abs=1e-12)
    fit = lf.fit_line(data, w, b)
    np.testing.assert_allclose(fit.grad, [0, 0], atol=1e-10)
    assert fit.at_best


def test_least_squares_by_hand() -> None:
    assert lf.least_squares([0, 1, 2], [1, 3, 5]) == (2.0, 1.0)
    fit = lf.fit_line(lf.typed_dataset("0, 1, 2", "1, 3, 5"), 1.0, 0.0)
    # residuals 1, 2, 3 → MSE (1 + 4 + 9)/3
    assert fit.mse == pytest.approx(14 / 3)
    assert fit.mse_best == 0.0
    # ∂L/∂w = −(2/3)(0·1 + 1·2 + 2·3) = −16/3, ∂L/∂b = −(2/3)(1 + 2 + 3) = −4
    np.testing.assert_allclose(fit.grad, [-16 / 3, -4])
    assert "raise w and raise b" in lf_text.describe_fit(fit)


def test_line_gradient_matches_finite_differences() -> None:
    data = lf.make_dataset(15, 5, 1.0)
    h = 1e-6
    for w, b in [(1.0, 0.0), (-1.5, 4.0)]:
        gw = (
            lf.line_mse(w + h, b, data.x, data.y)
            - lf.line_mse(w - h, b, data.x, data.y)
        ) / (2 * h)
        gb = (
            lf.line_mse(w, b + h, data.x, data.y)
            - lf.line_mse(w, b - h, data.x, data.y)
        ) / (2 * h)
        np.testing.assert_allclose(
            lf.line_mse_grad(w, b, data.x, data.y), [gw, gb], rtol=1e-6
        )


def test_surface_agrees_with_direct_mse_and_has_its_minimum_at_the_optimum() -> None:
    data = lf.make_dataset(30, 4, 1.0)
    ws, bs = np.linspace(-2, 3, 11), np.linspace(-6, 10, 9)
    grid = lf.mse_surface(data.x, data.y, ws, bs)
    assert grid.shape == (9, 11)
    for i, b in enumerate(bs):
        for j, w in enumerate(ws):
            assert grid[i, j] == pytest.approx(
                lf.line_mse(w, b, data.x, data.y), rel=1e-9, abs=1e-9
            )
    fit = lf.fit_line(data, 0.0, 0.0)
    assert grid.min() >= fit.mse_best


def test_descent_path_reuses_the_shared_optimiser() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    path = lf.descent_path(data, 1.0, 0.0, method="gd", lr=0.02, steps=30)
    x, y = data.x, data.y
    reference = optimize(
        lambda p: lf.line_mse(p[0], p[1], x, y),
        lambda p: lf.line_mse_grad(p[0], p[1], x, y),
        [1.0, 0.0],
        lr=0.02,
        steps=30,
    )
    np.testing.assert_array_equal(path.points, reference.points)
    assert path.losses[-1] < path.losses[0]
    assert np.all(np.diff(path.losses) <= 1e-12)  # small steps only go downhill
    # the code panel's plain loop lands on the same point
    code = lf_text.descent_code(data, 1.0, 0.0, 0.02, 30)
    assert run_snippet(code) == pytest.approx(
        lf_text.descent_code_result(path), rel=1e-12
    )


def test_descent_with_too_large_a_step_diverges_and_says_so() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    path = lf.descent_path(data, 1.0, 0.0, lr=0.5, steps=100)
    assert path.diverged_at is not None
    assert np.all(np.isfinite(path.points))
    assert f"diverged at step {path.diverged_at}" in lf_text.describe_path(
        path, "gd", 0.5
    )


def test_adam_gets_close_to_the_optimum() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    path = lf.descent_path(data, 1.0, 0.0, method="adam", lr=0.1, steps=500)
    fit = lf.fit_line(data, 1.0, 0.0)
    assert path.losses[-1] == pytest.approx(fit.mse_best, rel=1e-3)


def test_snap_to_best_clips_to_the_sliders() -> None:
    fit = lf.fit_line(lf.typed_dataset("0, 1, 2", "1, 3, 5"), 0.0, 0.0)
    assert lf.snap_to_best(fit, (-2, 3), (-6, 10)) == (2.0, 1.0, True)
    steep = lf.fit_line(lf.typed_dataset("0, 1", "0, 10"), 0.0, 0.0)
    assert lf.snap_to_best(steep, (-2, 3), (-6, 10)) == (3.0, 0.0, False)


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        ("1", "2", "at least 2 points"),
        ("2, 2, 2", "1, 2, 3", "Every x is 2"),
        ("1, 2, 3", "1, 2", "x has 3 values but y has 2"),
        ("1, 2, oops", "1, 2, 3", "'oops' is not a number"),
    ],
)
def test_bad_typed_data(x: str, y: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lf.load_dataset("typed", n=0, seed=0, noise=0.0, x=x, y=y)


def test_bad_generator_settings() -> None:
    with pytest.raises(ValueError, match="number of points must be at most 100"):
        lf.make_dataset(101, 0, 1.0)
    with pytest.raises(ValueError, match="noise must be at least 0"):
        lf.make_dataset(10, 0, -1.0)


# -- MSE vs MAE vs Huber, and the outlier ------------------------------------------------------


def brute_force_best(loss, x, y) -> float:
    ws = np.linspace(-3, 3, 241)
    bs = np.linspace(-10, 12, 221)
    W, B = np.meshgrid(ws, bs)
    r = y[None, None, :] - (W[..., None] * x + B[..., None])
    return float(loss(r).min())


@pytest.mark.parametrize("seed", [0, 5])
def test_each_best_line_is_at_least_as_good_as_a_fine_grid(seed: int) -> None:
    data = lf.make_dataset(15, seed, 1.5)
    x, y = np.append(data.x, 9.0), np.append(data.y, 20.0)
    for name, loss in {
        "mse": lambda r: np.mean(r**2, axis=-1),
        "mae": lambda r: np.mean(np.abs(r), axis=-1),
        "huber": lambda r: np.mean(lf.huber(r, 1.0), axis=-1),
    }.items():
        w, b = lf.best_line(name, x, y, 1.0)
        value = lf.loss_value(name, y - (w * x + b), 1.0)
        assert value <= brute_force_best(loss, x, y) + 1e-12, name


def test_huber_line_has_zero_gradient() -> None:
    data = lf.make_dataset(20, 2, 1.0)
    x, y = np.append(data.x, 9.0), np.append(data.y, 25.0)
    w, b = lf.huber_line(x, y, 1.0)
    psi = lf.huber_grad(y - (w * x + b), 1.0)
    np.testing.assert_allclose([np.mean(psi * x), np.mean(psi)], [0, 0], atol=1e-9)


def test_huber_with_huge_delta_is_least_squares() -> None:
    data = lf.make_dataset(10, 1, 1.0)
    assert lf.huber_line(data.x, data.y, 1e6) == pytest.approx(
        lf.least_squares(data.x, data.y)
    )


def test_mae_line_through_the_median() -> None:
    # Three points at the same x spread around a flat line: the MAE line goes
    # through the median of the middle group, not the mean pulled by 100.
    x = np.array([0.0, 1.0, 1.0, 1.0, 2.0])
    y = np.array([0.0, 1.0, 1.2, 100.0, 2.0])
    w, b = lf.least_absolute_line(x, y)
    assert w * 1.0 + b == pytest.approx(1.2) or w * 1.0 + b == pytest.approx(1.0)


def test_one_outlier_moves_mse_most() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    comparison = lf.compare_losses(
        data, 1.0, outlier=True, outlier_x=9.0, outlier_dy=10.0
    )
    w, b = comparison.reference
    assert comparison.outlier == (9.0, pytest.approx(w * 9 + b + 10))
    growth = {
        k: comparison.values_outlier[k] / comparison.values_clean[k] for k in lf.LOSSES
    }
    assert growth["mse"] > growth["rmse"] > 1
    assert growth["mse"] > growth["huber"] > 1
    assert growth["mse"] > growth["mae"] > 1
    # adding the point adds exactly dy² to the sum of squares of the same line
    n = data.n
    assert comparison.values_outlier["mse"] * (n + 1) == pytest.approx(
        comparison.values_clean["mse"] * n + 100
    )
    assert lf.line_shift(comparison, "mse") > lf.line_shift(comparison, "huber")
    assert comparison.lines_clean["rmse"] == comparison.lines_clean["mse"]
    words = lf_text.describe_comparison(comparison)
    assert "adds 100 to the sum of squares" in words
    rows = lf_text.comparison_rows(comparison)
    assert [row["loss"] for row in rows] == ["MSE", "MAE", "Huber (δ = 1)", "RMSE"]


def test_without_outlier_nothing_moves() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    comparison = lf.compare_losses(data, 1.0, outlier=False)
    assert comparison.outlier is None
    assert comparison.values_outlier == comparison.values_clean
    assert "Switch the outlier on" in lf_text.describe_comparison(comparison)


def test_loss_curves_are_each_loss_of_one_residual() -> None:
    curves = lf.loss_curves(2.0, residual=-5.0)
    np.testing.assert_array_equal(curves.values["mse"], curves.r**2)
    np.testing.assert_array_equal(curves.values["mae"], np.abs(curves.r))
    np.testing.assert_array_equal(curves.values["huber"], lf.huber(curves.r, 2.0))
    assert (curves.r[0], curves.r[-1]) == lf.RESIDUAL_RANGE
    # 25, 5 and 2·(5 − ½·2) = 8 by hand
    assert curves.marked == {"mse": 25.0, "mae": 5.0, "huber": 8.0, "rmse": 5.0}
    assert lf.loss_curves(2.0).marked is None


def test_results_name_their_inputs() -> None:
    seeded = lf.make_dataset(12, 0, 1.0)
    typed = lf.typed_dataset("1, 2", "3, 4")
    assert seeded.key == ("seeded", 12, 0, 1.0)
    assert typed.key == ("typed", (1.0, 2.0), (3.0, 4.0))
    run = lf.descend(seeded, 1.0, 0.0, method="gd", lr=0.02, steps=5)
    assert run.key == ((seeded.key, 1.0, 0.0), "gd", 0.02, 5)
    np.testing.assert_array_equal(run.fit.squares, run.fit.residuals**2)
    assert run.surface.shape == (lf.GRID, lf.GRID)
    comparison = lf.compare_losses(seeded, 1.0, outlier_dy=8.0)
    assert comparison.curves.key == (1.0, 8.0)
    report = lf.residual_report("3, 5", "2, 5")
    for result in (run, comparison, report, run.fit):
        hash(result.key)
