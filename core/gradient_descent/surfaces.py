"""2-D loss surfaces ``f(x, y)``, each with its gradient beside it.

Examples
--------
>>> bowl = SURFACES["bowl"]
>>> bowl.loss(np.array([3.0, 2.0])), bowl.gradient(np.array([3.0, 2.0]))
(13.0, array([6., 4.]))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.gradient_descent.functions import two_minima_roots


@dataclass(frozen=True)
class Surface:
    """A 2-D loss ``f(x, y)`` with its gradient, vectorised over grids.

    ``f(x, y)`` and ``grad(x, y) -> (∂f/∂x, ∂f/∂y)`` accept arrays of any
    (matching) shape; ``loss`` and ``gradient`` take a point of shape ``(2,)``
    for :func:`optimize`.
    """

    key: str
    label: str
    formula: str  # Unicode, for charts
    latex: str
    loss_code: str  # Python for the loss in terms of x, y: "x ** 2 + y ** 2"
    gradient_code: str  # Python for (∂f/∂x, ∂f/∂y): "2 * x, 2 * y"
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    minima: tuple[tuple[float, float], ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    default_start: tuple[float, float]
    log_levels: bool  # contour levels on a log scale (steep valleys)
    gradient_latex: str = ""  # (∂f/∂x, ∂f/∂y) in LaTeX, for a typed function

    def loss(self, point: np.ndarray) -> float:
        """``f(x, y)`` at a point of shape ``(2,)``."""
        x, y = np.asarray(point, dtype=float)
        return float(self.f(x, y))

    def gradient(self, point: np.ndarray) -> np.ndarray:
        """``(∂f/∂x, ∂f/∂y)`` at a point of shape ``(2,)``."""
        x, y = np.asarray(point, dtype=float)
        gx, gy = self.grad(x, y)
        return np.array([gx, gy], dtype=float)

    @property
    def lowest_loss(self) -> float | None:
        """The loss at the deepest minimum; ``None`` without a minimum (the saddle)."""
        if not self.minima:
            return None
        return min(self.loss(np.array(m)) for m in self.minima)


def _two_minima_2d_minima() -> tuple[tuple[float, float], ...]:
    left, right = two_minima_roots()
    return ((left, 0.0), (right, 0.0))


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl",
        "Round bowl",
        "x² + y²",
        "x^2 + y^2",
        "x ** 2 + y ** 2",
        "2 * x, 2 * y",
        lambda x, y: x**2 + y**2,
        lambda x, y: (2 * x, 2 * y),
        ((0.0, 0.0),),
        (-4.0, 4.0),
        (-4.0, 4.0),
        (3.0, 2.0),
        False,
    ),
    "elongated": Surface(
        "elongated",
        "Elongated bowl (ill-conditioned)",
        "x² + 10·y²",
        "x^2 + 10\\,y^2",
        "x ** 2 + 10 * y ** 2",
        "2 * x, 20 * y",
        lambda x, y: x**2 + 10 * y**2,
        lambda x, y: (2 * x, 20 * y),
        ((0.0, 0.0),),
        (-4.0, 4.0),
        (-2.0, 2.0),
        (-3.5, 1.5),
        False,
    ),
    "rosenbrock": Surface(
        "rosenbrock",
        "Rosenbrock banana",
        "(1 − x)² + 100·(y − x²)²",
        "(1 - x)^2 + 100\\,(y - x^2)^2",
        "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2",
        "-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
        ((1.0, 1.0),),
        (-2.0, 2.0),
        (-1.0, 3.0),
        (-1.5, 2.0),
        True,
    ),
    "saddle": Surface(
        "saddle",
        "Saddle",
        "x² − y²",
        "x^2 - y^2",
        "x ** 2 - y ** 2",
        "2 * x, -2 * y",
        lambda x, y: x**2 - y**2,
        lambda x, y: (2 * x, -2 * y),
        (),
        (-4.0, 4.0),
        (-4.0, 4.0),
        (3.5, 0.01),
        False,
    ),
    "two_minima": Surface(
        "two_minima",
        "Two minima",
        "x⁴ − 3x² + x + 2·y²",
        "x^4 - 3x^2 + x + 2y^2",
        "x ** 4 - 3 * x ** 2 + x + 2 * y ** 2",
        "4 * x ** 3 - 6 * x + 1, 4 * y",
        lambda x, y: x**4 - 3 * x**2 + x + 2 * y**2,
        lambda x, y: (4 * x**3 - 6 * x + 1, 4 * y),
        _two_minima_2d_minima(),
        (-2.5, 2.5),
        (-2.5, 2.5),
        (0.1, 2.0),
        False,
    ),
}


def get_surface(key: str, expression: str = "") -> Surface:
    """The 2-D surface called ``key`` (one of ``SURFACES``, or ``"custom"``).

    ``"custom"`` is the learner's ``expression`` in ``x`` and ``y``
    (:func:`~core.gradient_descent.custom.custom_surface`).
    """
    if key == "custom":
        from core.gradient_descent.custom import (
            custom_surface,  # it builds on this module
        )

        return custom_surface(expression)
    if key not in SURFACES:
        raise ValueError(
            f"The surface must be one of {', '.join(SURFACES)}, not {key!r}."
        )
    return SURFACES[key]
