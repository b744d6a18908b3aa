"""The batched optimiser: every row is the run ``optimize`` makes from that start.

``optimize_many`` runs one optimiser from many starts at once (a live chart's
frames). Each row must hold exactly the numbers of a one-row run and stop on its
own (``diverged_at``), whatever the other rows do. Checked against ``optimize``
and against an independent plain loop written here from the update rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import gradient_descent as gd
from core import loss_functions as lf
from core import optimisers as opt
from core.loss_functions.fitting import descent_paths

Rows = Callable[[np.ndarray], np.ndarray]


def same(a: opt.Trajectory, b: opt.Trajectory) -> bool:
    """Bit for bit the same trajectory (positions, losses, gradients, divergence)."""
    return (
        np.array_equal(a.points, b.points)
        and np.array_equal(a.losses, b.losses)
        and np.array_equal(a.gradients, b.gradients)
        and a.diverged_at == b.diverged_at
    )


def one_row(loss: Rows, gradient: Rows) -> tuple[Callable, Callable]:
    """A batched loss and gradient as ``optimize`` takes them (one point)."""
    return (
        lambda w: float(loss(w[None, :])[0]),
        lambda w: gradient(w[None, :])[0],
    )


def reference(
    loss: Callable, gradient: Callable, start: list[float], method: str, lr: float,
    steps: int, bound: float = 1e6,
) -> opt.Trajectory:  # fmt: skip
    """The update rules as a plain loop, one point (defaults of ``optimize``)."""
    beta, rho, beta1, beta2, eps = 0.9, 0.9, 0.9, 0.999, 1e-8
    w = np.array(start, dtype=float)
    g = np.asarray(gradient(w), dtype=float)
    points, losses, grads = [w], [float(loss(w))], [g]
    z, s = np.zeros_like(w), np.zeros_like(w)
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            if method == "gd":
                update = lr * g
            elif method == "momentum":
                z = beta * z + g
                update = lr * z
            elif method == "rmsprop":
                s = rho * s + (1 - rho) * g * g
                update = lr * g / (np.sqrt(s) + eps)
            else:
                z = beta1 * z + (1 - beta1) * g
                s = beta2 * s + (1 - beta2) * g * g
                update = lr * (z / (1 - beta1**t)) / (np.sqrt(s / (1 - beta2**t)) + eps)
            w = w - update
            if not np.all(np.abs(w) <= bound):
                return _done(points, losses, grads, t)
            value, g = float(loss(w)), np.asarray(gradient(w), dtype=float)
            if not (math.isfinite(value) and np.all(np.isfinite(g))):
                return _done(points, losses, grads, t)
            points.append(w)
            losses.append(value)
            grads.append(g)
    return _done(points, losses, grads, None)


def _done(points: list, losses: list, grads: list, at: int | None) -> opt.Trajectory:
    return opt.Trajectory(np.array(points), np.array(losses), np.array(grads), at)


def curve(key: str) -> tuple[Rows, Rows]:
    fn = gd.get_function(key) if key != "typed" else gd.custom_function(
        "sin(3*w) + 0.1*w**2"
    )  # fmt: skip
    return (lambda w: fn.f(w[:, 0])), (lambda w: fn.df(w[:, 0])[:, None])


def surface(key: str) -> tuple[Rows, Rows]:
    s = gd.get_surface(key)
    return (
        lambda w: s.f(w[:, 0], w[:, 1]),
        lambda w: np.stack(np.broadcast_arrays(*s.grad(w[:, 0], w[:, 1])), axis=1),
    )


# -- every row equals the one-row run ---------------------------------------------------


@pytest.mark.parametrize("method", list(opt.METHODS))
@pytest.mark.parametrize(
    "key", ["square", "two_minima", "quartic", "log_cosh", "typed"]
)
def test_each_row_is_the_run_from_its_start_curves(method: str, key: str) -> None:
    loss, gradient = curve(key)
    starts = [[5.0], [-2.5], [0.3], [9.0], [-0.01]]
    lrs = [0.1, 0.8, 1.1, 3.5, 0.02]  # some rows diverge, at their own step
    runs = opt.optimize_many(loss, gradient, starts, method=method, lr=lrs, steps=120)
    single = one_row(loss, gradient)
    for start, lr, run in zip(starts, lrs, runs, strict=True):
        alone = opt.optimize(*single, start, method=method, lr=lr, steps=120)
        assert same(run, alone)
        assert same(run, reference(*single, start, method, lr, 120))
    if method == "gd" and key == "square":  # |w| grows by |1 − 2·lr| a step
        # 0.3·1.2ᵏ passes 10⁶ at k = 83; 9·6ᵏ at k = 7
        assert [r.diverged_at for r in runs] == [None, None, 83, 7, None]


@pytest.mark.parametrize("method", list(opt.METHODS))
@pytest.mark.parametrize("key", list(gd.SURFACES))
def test_each_row_is_the_run_from_its_start_surfaces(method: str, key: str) -> None:
    loss, gradient = surface(key)
    grid = np.linspace(-3.0, 3.0, 5)
    starts = np.array([(x, y) for x in grid for y in grid])
    runs = opt.optimize_many(loss, gradient, starts, method=method, lr=0.05, steps=80)
    single = one_row(loss, gradient)
    for start, run in zip(starts, runs, strict=True):
        assert same(run, opt.optimize(*single, start, method=method, lr=0.05, steps=80))
        assert same(run, reference(*single, list(start), method, 0.05, 80))


@settings(max_examples=60, deadline=None, database=None)
@given(
    method=st.sampled_from(list(opt.METHODS)),
    key=st.sampled_from(["square", "two_minima", "rosenbrock", "saddle"]),
    rows=st.integers(1, 12),
    steps=st.integers(0, 60),
    seed=st.integers(0, 2**32 - 1),
)
def test_any_batch_equals_its_rows_run_alone(
    method: str, key: str, rows: int, steps: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    loss, gradient = surface(key) if key in gd.SURFACES else curve(key)
    d = 2 if key in gd.SURFACES else 1
    starts = rng.uniform(-4, 4, (rows, d))
    lrs = np.exp(rng.uniform(math.log(1e-3), math.log(5.0), rows))
    runs = opt.optimize_many(loss, gradient, starts, method=method, lr=lrs, steps=steps)
    single = one_row(loss, gradient)
    for start, lr, run in zip(starts, lrs, runs, strict=True):
        alone = opt.optimize(*single, start, method=method, lr=lr, steps=steps)
        assert same(run, alone)
        assert np.all(np.isfinite(run.points))
        assert np.all(np.isfinite(run.losses))


def test_one_rate_for_all_rows_is_the_same_as_one_per_row() -> None:
    loss, gradient = curve("two_minima")
    starts = [[-2.0], [0.5], [2.0]]
    one = opt.optimize_many(loss, gradient, starts, lr=0.05, steps=30)
    each = opt.optimize_many(loss, gradient, starts, lr=[0.05] * 3, steps=30)
    assert all(same(a, b) for a, b in zip(one, each, strict=True))


def test_a_row_whose_loss_stops_being_finite_stops_alone() -> None:
    def loss(w: np.ndarray) -> np.ndarray:
        return np.log(w[:, 0])  # NaN once w ≤ 0

    def gradient(w: np.ndarray) -> np.ndarray:
        return np.full_like(w, 1.0)

    runs = opt.optimize_many(loss, gradient, [[1.0], [0.35]], lr=0.1, steps=5)
    assert runs[0].diverged_at is None
    assert runs[0].steps_taken == 5
    assert runs[1].diverged_at == 4  # 0.35 − 4·0.1 < 0
    np.testing.assert_allclose(runs[1].points[:, 0], [0.35, 0.25, 0.15, 0.05])


def test_python_overflow_in_one_row_stops_only_that_row() -> None:
    def loss(w: np.ndarray) -> np.ndarray:
        return np.array([math.exp(v) for v in w[:, 0]])  # OverflowError past ~709

    def gradient(w: np.ndarray) -> np.ndarray:
        return np.full_like(w, -100.0)  # uphill: w grows by 100·lr a step

    runs = opt.optimize_many(loss, gradient, [[0.0], [600.0]], lr=1.0, steps=3)
    assert runs[0].diverged_at is None
    assert runs[0].final.tolist() == [300.0]
    assert runs[1].diverged_at == 2  # exp(800) overflows
    alone = opt.optimize(*one_row(loss, gradient), [600.0], lr=1.0, steps=3)
    assert same(runs[1], alone)


# -- checked once, with messages --------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lr": [0.1, -0.1]}, "learning rate must be greater than 0"),
        ({"lr": [0.1, 0.2, 0.3]}, "one per start point"),
        ({"lr": [[0.1, 0.2]]}, "learning rates must be a list"),
        ({"starts": [1.0, 2.0]}, "start points must be a 2-D array"),
        ({"starts": [[1.0], [math.nan]]}, "only finite numbers"),
        ({"starts": [[1.0], [2e6]]}, r"within ±1000000"),
        ({"method": "newton"}, "optimiser must be one of"),
        ({"steps": opt.MAX_STEPS + 1}, "number of steps"),
        ({"starts": np.zeros((opt.MAX_ROWS + 1, 1))}, "number of start points"),
        ({"loss": lambda w: np.zeros(3)}, r"one value per row of W \(2\)"),
        ({"gradient": lambda w: np.zeros((2, 3))}, "1 component per row"),
        ({"loss": lambda w: 1 / (w[:, 0] - 1.0)}, "not a finite number at the start"),
    ],
)
def test_bad_inputs_name_what_is_wrong(change: dict, message: str) -> None:
    loss, gradient = curve("square")
    arguments = {"loss": loss, "gradient": gradient, "starts": [[1.0], [2.0]], **change}
    with pytest.raises(ValueError, match=message):
        opt.optimize_many(**arguments)


# -- the pages' batched runs ------------------------------------------------------------


@pytest.mark.parametrize("method", list(opt.METHODS))
@pytest.mark.parametrize("n", [2, 12, 100])
def test_line_descents_equal_the_one_line_descent(method: str, n: int) -> None:
    data = lf.make_dataset(n, 7, 1.5)
    x, y = data.x, data.y
    starts = [(1.0, 0.0), (-2.0, 10.0), (3.0, -6.0), (0.6, 2.0)]
    lrs = [0.02, 0.001, 0.2, 1.0]  # 1.0 diverges for plain descent
    paths = descent_paths(data, starts, method=method, lr=lrs, steps=200)
    for (w, b), lr, path in zip(starts, lrs, paths, strict=True):
        assert same(path, lf.descent_path(data, w, b, method=method, lr=lr, steps=200))
        by_points = opt.optimize(
            lambda p: lf.line_mse(p[0], p[1], x, y),
            lambda p: lf.line_mse_grad(p[0], p[1], x, y),
            [w, b],
            method=method,
            lr=lr,
            steps=200,
        )
        assert same(path, by_points)  # the MSE and gradient of one line at a time
    if method == "gd":
        assert paths[3].diverged_at is not None


@pytest.mark.parametrize("key", [*gd.FUNCTIONS_1D, "custom"])
def test_1d_descents_equal_the_one_descent(key: str) -> None:
    expression = "sin(3*w) + 0.1*w**2" if key == "custom" else ""
    pairs = [(5.0, 0.1), (-2.0, 0.45), (0.5, 1.2), (9.0, 3.0), (-0.2, 0.001)]
    many = gd.descend_1d_many(key, pairs, 50, expression)
    for (w0, lr), descent in zip(pairs, many, strict=True):
        alone = gd.descend_1d(key, w0, lr, 50, expression)
        assert descent.key == alone.key
        assert same(descent.path, alone.path)


@pytest.mark.parametrize("key", [*gd.SURFACES, "custom"])
def test_races_from_many_starts_equal_each_race(key: str) -> None:
    """Even where the path is chaotic (a last-bit change would show on the chart)."""
    expression = "x**4 + y**2 - x*y + sin(3*x)" if key == "custom" else ""
    chosen = (
        gd.Optimiser("gd", 0.02),
        gd.Optimiser("rmsprop", 0.4, rho=0.8),  # jumps about on the banana
        gd.Optimiser("adam", 0.9, beta1=0.5),
    )
    grid = np.linspace(-4.0, 4.0, 7)
    starts = [(x, y) for x in grid for y in grid]
    many = gd.race_many(key, starts, chosen, 200, expression)
    for start, batched in zip(starts, many, strict=True):
        alone = gd.race(key, start, chosen, 200, expression)
        assert batched.key == alone.key
        assert all(same(a, b) for a, b in zip(batched.paths, alone.paths, strict=True))


def test_bad_pairs_and_starts_are_refused() -> None:
    with pytest.raises(ValueError, match=r"\(w₀, lr\) pairs"):
        gd.descend_1d_many("square", [5.0, 0.1], 5)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="learning rate"):
        gd.descend_1d_many("square", [(5.0, 0.1), (5.0, 0.0)], 5)
    with pytest.raises(ValueError, match="two numbers, not 3"):
        gd.race_many("bowl", [(1.0, 2.0, 3.0)], [gd.Optimiser()], 5)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="start x₀"):
        gd.race_many("bowl", [(1.0, 2.0), (9.0, 0.0)], [gd.Optimiser()], 5)
    with pytest.raises(ValueError, match="at least one"):
        gd.race_many("bowl", [], [gd.Optimiser()], 5)
