"""Derivatives and gradient descent: hand-checked steps, regimes, divergence, optimisers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import gradient_descent as gd
from core import optimisers as opt

SQUARE = gd.FUNCTIONS_1D["square"]


def run_square(
    w0: float = 5.0, lr: float = 0.1, steps: int = 10, **kw
) -> opt.Trajectory:
    return opt.optimize(SQUARE.loss, SQUARE.gradient, [w0], lr=lr, steps=steps, **kw)


# -- notebook cell 5 ---------------------------------------------------------------------


def test_notebook_cell_5_one_step_from_5_gives_4():
    # w = 5; lr = 0.1; gradient = 2 * w; w = w - lr * gradient  ->  4.0
    assert gd.gradient_step(5, 0.1) == 4.0
    path = run_square(5, 0.1, steps=1)
    assert path.points[1, 0] == 4.0
    assert path.gradients[0, 0] == 10.0
    assert path.losses.tolist() == [25.0, 16.0]


def test_each_step_on_w_squared_multiplies_w_by_one_minus_two_lr():
    path = run_square(5, 0.1, steps=5)
    np.testing.assert_allclose(path.points[:, 0], 5 * 0.8 ** np.arange(6), rtol=1e-12)


# -- trajectory contract -----------------------------------------------------------------


def test_trajectory_shapes_for_two_dimensions():
    bowl = gd.SURFACES["bowl"]
    path = opt.optimize(bowl.loss, bowl.gradient, [1.0, 2.0], steps=7)
    assert path.points.shape == (8, 2)
    assert path.losses.shape == (8,)
    assert path.gradients.shape == (8, 2)
    assert path.diverged_at is None
    np.testing.assert_allclose(path.losses, (path.points**2).sum(axis=1))
    np.testing.assert_allclose(path.gradients, 2 * path.points)


def test_zero_steps_returns_only_the_start():
    path = run_square(steps=0)
    assert path.points.tolist() == [[5.0]]
    assert path.diverged_at is None


def test_divergence_reported_at_step_7_and_nothing_infinite_kept():
    # lr = 3.5: each step multiplies w by 1 - 7 = -6; 5·6⁶ = 233 280 < 1e6 < 5·6⁷.
    path = run_square(5, 3.5, steps=50)
    assert path.diverged_at == 7
    assert len(path.points) == 7  # steps 0 … 6
    assert abs(path.points[-1, 0]) == 5 * 6**6
    assert np.all(np.isfinite(path.points))
    assert np.all(np.isfinite(path.losses))


def test_divergence_when_the_loss_overflows_before_the_bound():
    # exp(w²) overflows at w ≈ 26.6, long before |w| passes 1e6.
    path = opt.optimize(
        lambda w: float(np.exp(w[0] ** 2)),
        lambda w: 2 * w * np.exp(w**2),
        [2.0],
        lr=1.0,
        steps=20,
    )
    assert path.diverged_at == 1
    assert path.points.tolist() == [[2.0]]


def test_python_overflow_error_counts_as_divergence():
    path = opt.optimize(
        lambda w: float(w[0]) ** 400, lambda w: 400 * w**399, [1.5], lr=1.0, steps=5
    )
    assert path.diverged_at == 1


# -- the learning-rate regimes on w² ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lr", "check"),
    [
        (0.1, lambda w: np.all(np.diff(w) < 0) and np.all(w > 0)),  # smooth
        (0.5, lambda w: w[1] == 0 and np.all(w[1:] == 0)),  # one step
        (
            0.8,
            lambda w: (
                np.all(np.sign(w[1:]) != np.sign(w[:-1]))
                and np.all(np.diff(np.abs(w)) < 0)
            ),
        ),  # oscillating, shrinking
        (1.0, lambda w: np.all(np.abs(w) == 5)),  # bouncing for ever
    ],
)
def test_regimes_on_w_squared(lr, check):
    w = run_square(5, lr, steps=8).points[:, 0]
    assert check(w)


def test_regime_above_one_diverges():
    assert run_square(5, 1.2, steps=200).diverged_at is not None


# -- optimisers against independent hand-written updates -----------------------------------


def test_momentum_first_two_steps_by_hand():
    # z1 = g0 = 10; w1 = 5 - 0.1·10 = 4; g1 = 8; z2 = 0.9·10 + 8 = 17; w2 = 4 - 1.7 = 2.3
    path = run_square(5, 0.1, steps=2, method="momentum", momentum=0.9)
    np.testing.assert_allclose(path.points[:, 0], [5.0, 4.0, 2.3])


def test_adam_first_step_moves_by_lr_whatever_the_gradient():
    # m̂ = g, v̂ = g², so the first step is lr·g/|g| (up to ε).
    for w0 in (5.0, -0.01, 300.0):
        path = run_square(w0, 0.1, steps=1, method="adam")
        assert path.points[1, 0] == pytest.approx(w0 - 0.1 * math.copysign(1, w0))


def test_rmsprop_first_step_by_hand():
    # s = (1 - ρ)·g² -> step = lr·g / (√(1 - ρ)·|g|) = lr / √0.1 for ρ = 0.9
    path = run_square(5, 0.1, steps=1, method="rmsprop", rho=0.9)
    assert path.points[1, 0] == pytest.approx(5 - 0.1 / math.sqrt(0.1))


@pytest.mark.parametrize("method", list(opt.METHODS))
@pytest.mark.parametrize("surface", ["bowl", "elongated", "two_minima"])
def test_every_optimiser_lowers_the_loss_on_tame_surfaces(method, surface):
    s = gd.SURFACES[surface]
    path = opt.optimize(
        s.loss, s.gradient, s.default_start, method=method, lr=0.02, steps=400
    )
    assert path.diverged_at is None
    assert path.losses[-1] < path.losses[0]


# -- every function carries its true derivative ---------------------------------------------


@pytest.mark.parametrize("key", list(gd.FUNCTIONS_1D))
def test_1d_derivatives_match_central_differences(key):
    fn = gd.FUNCTIONS_1D[key]
    w = np.linspace(*fn.w_range, 41)
    h = 1e-5
    numeric = (fn.f(w + h) - fn.f(w - h)) / (2 * h)
    np.testing.assert_allclose(fn.df(w), numeric, rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("key", list(gd.FUNCTIONS_1D))
def test_1d_minima_have_zero_slope(key):
    fn = gd.FUNCTIONS_1D[key]
    for m in fn.minima:
        assert fn.df(np.array([m]))[0] == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("key", list(gd.SURFACES))
def test_surface_gradients_match_central_differences(key):
    s = gd.SURFACES[key]
    rng = np.random.default_rng(0)
    x = rng.uniform(*s.x_range, 30)
    y = rng.uniform(*s.y_range, 30)
    h = 1e-6
    gx, gy = s.grad(x, y)
    np.testing.assert_allclose(
        gx, (s.f(x + h, y) - s.f(x - h, y)) / (2 * h), rtol=1e-5, atol=1e-4
    )
    np.testing.assert_allclose(
        gy, (s.f(x, y + h) - s.f(x, y - h)) / (2 * h), rtol=1e-5, atol=1e-4
    )


def test_two_minima_roots_are_the_known_minima():
    left, right = gd.FUNCTIONS_1D["two_minima"].minima
    assert left == pytest.approx(-1.30084, abs=1e-5)
    assert right == pytest.approx(1.13090, abs=1e-5)


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "sgd"}, "optimiser must be one of"),
        ({"lr": 0}, "learning rate must be greater than 0"),
        ({"lr": -1}, "learning rate must be greater than 0"),
        ({"lr": float("nan")}, "learning rate must be a finite number"),
        ({"steps": -1}, "number of steps must be at least 0"),
        ({"steps": 2.5}, "whole number"),
        ({"steps": opt.MAX_STEPS + 1}, "number of steps must be at most"),
        ({"momentum": 1.0}, "momentum β must be less than 1"),
        ({"beta1": -0.1}, "β₁ must be at least 0"),
        ({"beta2": 1.0}, "β₂ must be less than 1"),
        ({"rho": 1.5}, "ρ must be less than 1"),
        ({"eps": 0}, "ε must be greater than 0"),
        ({"bound": 0}, "bound must be greater than 0"),
    ],
)
def test_bad_arguments_raise_learner_messages(kwargs, message):
    with pytest.raises(ValueError, match=message):
        run_square(**{"steps": 5, **kwargs})


@pytest.mark.parametrize("start", [[], [float("nan")], "five"])
def test_bad_start_points(start):
    with pytest.raises(ValueError, match="start point"):
        opt.optimize(SQUARE.loss, SQUARE.gradient, start)


def test_start_beyond_the_bound_is_refused():
    with pytest.raises(ValueError, match="within"):
        run_square(w0=2e6)


def test_loss_undefined_at_start_is_refused():
    with pytest.raises(ValueError, match="not a finite number at the start"):
        opt.optimize(lambda w: float("inf"), lambda w: w, [1.0])


def test_gradient_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="gradient must have 2 components"):
        opt.optimize(lambda w: 0.0, lambda w: np.zeros(3), [1.0, 2.0])


# -- properties -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    w0=st.floats(-1e5, 1e5, allow_nan=False),
    lr=st.floats(1e-4, 50, allow_nan=False),
    method=st.sampled_from(list(opt.METHODS)),
    key=st.sampled_from(list(gd.FUNCTIONS_1D)),
)
def test_any_run_stays_finite_and_within_bound(w0, lr, method, key):
    fn = gd.FUNCTIONS_1D[key]
    path = opt.optimize(fn.loss, fn.gradient, [w0], method=method, lr=lr, steps=60)
    assert np.all(np.isfinite(path.points))
    assert np.all(np.isfinite(path.losses))
    assert np.all(np.isfinite(path.gradients))
    assert np.all(np.abs(path.points) <= opt.DEFAULT_BOUND)
    if path.diverged_at is None:
        assert len(path.points) == 61
    else:
        assert len(path.points) == path.diverged_at


# -- derivatives and finite differences --------------------------------------------------------


def test_derivative_of_the_notebook_loss_at_5():
    d = gd.derivative_at("square", 5, h=0.5)
    assert (d.value, d.slope) == (25.0, 10.0)
    assert d.forward == 10.5  # ((5.5)² − 25) / 0.5 = 2w + h
    assert d.central == 10.0  # exact for a parabola


def test_central_difference_error_shrinks_like_h_squared():
    errors = [
        abs(gd.derivative_at("two_minima", 1.0, h).central_error) for h in (0.1, 0.05)
    ]
    assert errors[1] == pytest.approx(errors[0] / 4, rel=0.02)  # f‴ term: error = 4h²·w


def test_forward_difference_error_shrinks_like_h():
    errors = [
        abs(gd.derivative_at("quartic", 1.0, h).forward_error) for h in (0.01, 0.005)
    ]
    assert errors[1] == pytest.approx(errors[0] / 2, rel=0.02)


def test_tangent_touches_the_curve_with_the_slope():
    d = gd.derivative_at("shifted", 1.0)
    assert gd.tangent_line(d, np.array([1.0, 2.0])).tolist() == [4.0, 4.0 + d.slope]
    assert d.slope == -4.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cubic", 1.0, 0.5), "function must be one of"),
        (("square", 1000.0, 0.5), "w must be at most 100"),
        (("square", 1.0, 0.0), "step h must be greater than 0"),
        (("square", float("inf"), 0.5), "w must be a finite number"),
    ],
)
def test_derivative_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        gd.derivative_at(*args)


# -- 1-D descent: words, code, table ---------------------------------------------------------


def test_table_columns_are_step_w_gradient_update_loss():
    table = gd.descent_table(gd.descend_1d("square", 5, 0.1, 2))
    assert list(table) == ["step", "w", "f′(w)", "update", "loss"]
    assert table["w"].tolist() == [5.0, 4.0, 3.2]
    assert table["f′(w)"].tolist() == [10.0, 8.0, 6.4]
    np.testing.assert_allclose(table["update"], [-1.0, -0.8, -0.64])
    assert np.all(table["w"][1:] == table["w"][:-1] + table["update"][:-1])


# -- 2-D race --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(gd.SURFACES))
def test_surface_code_strings_are_the_same_maths(key):
    from tests.helpers import run_snippet

    s = gd.SURFACES[key]
    for x, y in [(0.3, -1.7), (-2.0, 2.5)]:
        assert run_snippet(f"x, y = {x}, {y}\n{s.loss_code}") == s.f(x, y)
        assert run_snippet(f"x, y = {x}, {y}\n({s.gradient_code})") == s.grad(x, y)


def test_surface_grid_is_the_loss_on_the_grid():
    xs, ys, z = gd.surface_grid("elongated", (-4, 4), (-2, 2), 5)
    assert xs.tolist() == [-4, -2, 0, 2, 4]
    assert ys.tolist() == [-2, -1, 0, 1, 2]
    assert z.shape == (5, 5)
    assert z[0, 0] == 16 + 40  # (x, y) = (−4, −2)
    assert z[2, 4] == 16  # (4, 0)


def test_plot_ranges_widen_to_show_the_start():
    s = gd.SURFACES["rosenbrock"]
    assert gd.plot_ranges(s, (-1.5, 2.0)) == ((-2.0, 2.0), (-1.0, 3.0))
    assert gd.plot_ranges(s, (4.6, -3.0)) == ((-2.0, 6.0), (-4.0, 3.0))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("hill", (0, 0), [gd.Optimiser()], 10), "surface must be one of"),
        (("bowl", (9, 0), [gd.Optimiser()], 10), "start x₀ must be at most 5"),
        (("bowl", (0, float("nan")), [gd.Optimiser()], 10), "y₀ must be a finite"),
        (("bowl", (0, 0), [], 10), "between one and three"),
        (("bowl", (0, 0), [gd.Optimiser()] * 4, 10), "between one and three"),
        (("bowl", (0, 0), [gd.Optimiser()], 501), "steps must be at most 500"),
        (("bowl", (0, 0), [gd.Optimiser("newton")], 10), "optimiser must be one of"),
    ],
)
def test_race_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        gd.race(*args)
