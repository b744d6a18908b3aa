"""Derivatives and gradient descent: tangents, learning-rate regimes, optimisers.

- :mod:`core.gradient_descent.functions`: the 1-D losses with their derivatives,
  and the slope at a point (:func:`derivative_at`).
- :mod:`core.gradient_descent.surfaces`: the 2-D surfaces with their gradients.
- :mod:`core.gradient_descent.descent`: gradient descent in 1-D and its regimes.
- :mod:`core.gradient_descent.race`: optimisers racing on a surface.
- :mod:`core.gradient_descent.custom`: the learner's own ``f(w)`` or ``f(x, y)``.

The optimiser itself is :func:`core.optimisers.optimize` (re-exported here with
``Trajectory`` and ``METHODS``).
"""

from __future__ import annotations

from core.gradient_descent.custom import CUSTOM, custom_function, custom_surface
from core.gradient_descent.descent import (
    MAX_STEPS_1D,
    REGIMES,
    Descent1D,
    Regime,
    descend_1d,
    descend_1d_many,
    descent_table,
    gradient_step,
    is_parabola,
    parabola_regime,
)
from core.gradient_descent.functions import (
    FUNCTIONS_1D,
    MAX_ABS_W,
    Derivative,
    Function1D,
    derivative_at,
    get_function,
    tangent_line,
    two_minima_hump,
    two_minima_roots,
)
from core.gradient_descent.race import (
    GRID_SIZE,
    MAX_ABS_START,
    MAX_STEPS_2D,
    Grid,
    Optimiser,
    Race,
    distance_to_minimum,
    first_within,
    plot_ranges,
    race,
    race_many,
    surface_grid,
)
from core.gradient_descent.surfaces import SURFACES, Surface, get_surface
from core.optimisers import DEFAULT_BOUND, METHODS, Trajectory, optimize, optimize_many

__all__ = [
    "CUSTOM",
    "DEFAULT_BOUND",
    "FUNCTIONS_1D",
    "GRID_SIZE",
    "MAX_ABS_START",
    "MAX_ABS_W",
    "MAX_STEPS_1D",
    "MAX_STEPS_2D",
    "METHODS",
    "REGIMES",
    "SURFACES",
    "Derivative",
    "Descent1D",
    "Function1D",
    "Grid",
    "Optimiser",
    "Race",
    "Regime",
    "Surface",
    "Trajectory",
    "custom_function",
    "custom_surface",
    "derivative_at",
    "descend_1d",
    "descend_1d_many",
    "descent_table",
    "distance_to_minimum",
    "first_within",
    "get_function",
    "get_surface",
    "gradient_step",
    "is_parabola",
    "optimize",
    "optimize_many",
    "parabola_regime",
    "plot_ranges",
    "race",
    "race_many",
    "surface_grid",
    "tangent_line",
    "two_minima_hump",
    "two_minima_roots",
]
