"""Gradient descent in 2-D: up to three optimisers racing on one surface.

Examples
--------
>>> r = race("bowl", (1.0, 2.0), [Optimiser("gd", lr=0.25)], steps=1)
>>> r.paths[0].points.tolist()       # (1, 2) − 0.25·(2, 4)
[[1.0, 2.0], [0.5, 1.0]]
>>> distance_to_minimum(r.surface, r.paths[0].final)   # √(0.5² + 1²)
(1.118033988749895, (0.0, 0.0))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.gradient_descent.surfaces import SURFACES, Surface, get_surface
from core.optimisers import Trajectory, optimize, optimize_many
from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
)

#: Most steps the 2-D page takes.
MAX_STEPS_2D = 500
#: Largest |x| or |y| of a start point on the 2-D page.
MAX_ABS_START = 5.0
#: Points per side of the grid the contour and the 3-D surface are drawn from.
GRID_SIZE = 61

Grid = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Optimiser:
    """One optimiser and its hyper-parameters (those it does not use are ignored)."""

    method: str = "gd"
    lr: float = 0.1
    momentum: float = 0.9
    rho: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8


@dataclass(frozen=True)
class Race:
    """Up to three optimisers started from one point on one surface."""

    surface: Surface
    start: tuple[float, float]
    steps: int
    optimisers: tuple[Optimiser, ...]
    paths: tuple[Trajectory, ...]

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs this race was computed from (a cache key)."""
        return (self.surface.key, self.start, self.steps, self.optimisers)

    def grid(self, n: int = GRID_SIZE) -> Grid:
        """The loss on an ``n × n`` grid over :func:`plot_ranges` (see :func:`surface_grid`)."""
        return _grid(self.surface, *plot_ranges(self.surface, self.start), n)


def race(
    surface_key: str,
    start: tuple[float, float],
    optimisers: tuple[Optimiser, ...] | list[Optimiser],
    steps: int = 60,
    expression: str = "",
) -> Race:
    """Run each optimiser from ``start`` on the surface ``surface_key``.

    Parameters
    ----------
    surface_key : str
        One of ``SURFACES``, or ``"custom"`` for ``expression``.
    start : tuple of float
        ``(x₀, y₀)``, each within ±``MAX_ABS_START``.
    optimisers : sequence of Optimiser
        One to three optimisers.
    steps : int
        Steps each takes, 0 … ``MAX_STEPS_2D``.
    expression : str
        The learner's ``f(x, y)`` when ``surface_key`` is ``"custom"``.

    Returns
    -------
    Race
        The inputs and one :class:`~core.optimisers.Trajectory` per optimiser.

    Examples
    --------
    >>> r = race("bowl", (1.0, 2.0), [Optimiser("gd", lr=0.25)], steps=1)
    >>> r.paths[0].final.tolist()
    [0.5, 1.0]
    """
    surface, (start,), steps, chosen = _race_inputs(
        surface_key, [start], optimisers, steps, expression
    )
    paths = tuple(
        optimize(surface.loss, surface.gradient, start, steps=steps, **_settings(o))
        for o in chosen
    )
    return Race(surface, start, steps, chosen, paths)


def race_many(
    surface_key: str,
    starts: Sequence[tuple[float, float]],
    optimisers: tuple[Optimiser, ...] | list[Optimiser],
    steps: int = 60,
    expression: str = "",
) -> list[Race]:
    """:func:`race` from many starts at once, one race per start (a live chart's frames).

    Each optimiser runs from every start as one batch
    (:func:`core.optimisers.optimize_many`), with the surface evaluated on arrays.
    :func:`race` evaluates it on single numbers, as the page's code does, and
    NumPy's powers of arrays and of numbers may differ in the last binary digit,
    so a path here can differ from :func:`race`'s by about 1e-16 of its size.

    Examples
    --------
    >>> rs = race_many("bowl", [(1.0, 2.0), (2.0, 0.0)], [Optimiser("gd", lr=0.25)], 1)
    >>> [r.paths[0].final.tolist() for r in rs]
    [[0.5, 1.0], [1.0, 0.0]]
    """
    surface, points, steps, chosen = _race_inputs(
        surface_key, starts, optimisers, steps, expression
    )

    # A preset surface is Python arithmetic: on arrays of Python floats it gives
    # the very numbers race() gets on single NumPy numbers (NumPy's vectorised
    # powers may differ from C's pow in the last bit, and a chaotic path grows
    # that). A typed surface computes on arrays in both.
    exact = object if surface.key in SURFACES else float

    def loss(w: np.ndarray) -> np.ndarray:
        return surface.f(w[:, 0].astype(exact), w[:, 1].astype(exact))

    def gradient(w: np.ndarray) -> np.ndarray:
        parts = surface.grad(w[:, 0].astype(exact), w[:, 1].astype(exact))
        return np.stack(np.broadcast_arrays(*parts), axis=1).astype(float)

    runs = [
        optimize_many(loss, gradient, points, steps=steps, **_settings(o))
        for o in chosen
    ]
    return [
        Race(surface, start, steps, chosen, tuple(paths))
        for start, *paths in zip(points, *runs, strict=True)
    ]


def _settings(o: Optimiser) -> dict[str, Any]:
    """An optimiser's settings as :func:`core.optimisers.optimize` takes them."""
    return {
        "method": o.method,
        "lr": o.lr,
        "momentum": o.momentum,
        "beta1": o.beta1,
        "beta2": o.beta2,
        "eps": o.eps,
        "rho": o.rho,
    }


def _race_inputs(
    surface_key: str,
    starts: Sequence[tuple[float, float]],
    optimisers: object,
    steps: int,
    expression: str,
) -> tuple[Surface, list[tuple[float, float]], int, tuple[Optimiser, ...]]:
    """The surface, the checked starts and steps, and one to three optimisers."""
    surface = get_surface(surface_key, expression)
    if not isinstance(starts, list | tuple | np.ndarray) or not len(starts):
        raise ValueError("The starts must be a list of points (x, y), at least one.")
    points = []
    for start in starts:
        x0, y0 = _check_point(start, "The start", ("x₀", "y₀"))
        x0 = check_in_range(x0, "The start x₀", -MAX_ABS_START, MAX_ABS_START)
        y0 = check_in_range(y0, "The start y₀", -MAX_ABS_START, MAX_ABS_START)
        points.append((x0, y0))
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS_2D)
    if not isinstance(optimisers, tuple | list) or not all(
        isinstance(o, Optimiser) for o in optimisers
    ):
        raise ValueError("The optimisers must be a list of Optimiser(...) settings.")
    chosen = tuple(optimisers)
    if not 1 <= len(chosen) <= 3:
        raise ValueError("Compare between one and three optimisers.")
    return surface, points, steps, chosen


def _check_point(
    point: object, name: str, axes: tuple[str, str] = ("x", "y")
) -> tuple[float, float]:
    """``point`` as two finite numbers ``(x, y)``, or a ``ValueError`` naming it."""
    try:
        values = np.asarray(point, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a point (x, y) of two numbers.") from None
    if values.shape != (2,):
        raise ValueError(
            f"{name} must be a point (x, y): two numbers, not {values.size}."
        )
    x, y = (
        check_finite_number(v, f"{name} {axis}")
        for v, axis in zip(values, axes, strict=True)
    )
    return x, y


def _check_range(bounds: object, name: str) -> tuple[float, float]:
    low, high = _check_point(bounds, name)
    if not low < high or not math.isfinite(high - low):
        raise ValueError(f"{name} must go from a lower to a higher finite number.")
    return low, high


def surface_grid(
    surface_key: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = GRID_SIZE,
    expression: str = "",
) -> Grid:
    """The loss on an ``n × n`` grid, vectorised: ``xs (n,)``, ``ys (n,)``, ``z (n, n)``.

    ``z[i, j]`` is the loss at ``(xs[j], ys[i])`` (rows follow y, as Plotly expects).

    >>> surface_grid("bowl", (-1, 1), (0, 2), 3)[2].tolist()
    [[1.0, 0.0, 1.0], [2.0, 1.0, 2.0], [5.0, 4.0, 5.0]]
    """
    return _grid(get_surface(surface_key, expression), x_range, y_range, n)


def _grid(
    surface: Surface, x_range: tuple[float, float], y_range: tuple[float, float], n: int
) -> Grid:
    n = check_int(n, "The grid size", 2, 400)
    xs = np.linspace(*_check_range(x_range, "The x range"), n)
    ys = np.linspace(*_check_range(y_range, "The y range"), n)
    grid_x, grid_y = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        z = surface.f(grid_x, grid_y)
    if not np.all(np.isfinite(z)):
        raise ValueError("The ranges reach so far that the loss is too large to draw.")
    return xs, ys, z


def plot_ranges(
    surface: Surface, start: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The surface's own view, widened (by whole units) to show the start point."""

    def widen(bounds: tuple[float, float], value: float) -> tuple[float, float]:
        low, high = bounds
        return (min(low, math.floor(value - 0.5)), max(high, math.ceil(value + 0.5)))

    x, y = _check_point(start, "The start")
    if max(abs(x), abs(y)) > MAX_ABS_START:
        raise ValueError(f"The start must lie within ±{MAX_ABS_START:g} in x and y.")
    return widen(surface.x_range, x), widen(surface.y_range, y)


def distance_to_minimum(
    surface: Surface, point: np.ndarray
) -> tuple[float, tuple[float, float] | None]:
    """The distance from ``point`` to the nearest minimum, and that minimum.

    ``(inf, None)`` on a surface without a minimum (the saddle).
    """
    x, y = _check_point(point, "The point")
    if not surface.minima:
        return math.inf, None
    best = min(surface.minima, key=lambda m: math.hypot(x - m[0], y - m[1]))
    distance = math.hypot(x - best[0], y - best[1])
    if not math.isfinite(distance):
        raise ValueError("The point is too far away to measure its distance.")
    return distance, best


def first_within(points: np.ndarray, target: tuple[float, float], radius: float) -> int:
    """The first index of ``points`` (shape ``(k, 2)``) within ``radius`` of ``target``.

    >>> first_within(np.array([[3.0, 0.0], [1.0, 0.0], [0.0, 0.0]]), (0.0, 0.0), 2)
    1
    """
    points = as_finite_array(points, "The points", ndim=2)
    if points.shape[1] != 2:
        raise ValueError("The points must be (x, y) pairs: an array of shape (k, 2).")
    target = _check_point(target, "The target")
    radius = check_in_range(radius, "The radius", 0.0, None, low_inclusive=False)
    with np.errstate(over="ignore"):
        return int(np.argmax(np.hypot(*(points - np.array(target)).T) < radius))
