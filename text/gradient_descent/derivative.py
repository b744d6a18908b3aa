"""Words, formula and code for the Derivative view: the slope at a point.

Examples
--------
>>> from core.gradient_descent import derivative_at
>>> d = derivative_at("square", 5, 0.5)
>>> derivative_code_result(d)          # exact slope 2·5, central difference
(10.0, 10.0)
>>> "the loss **rises** to the right" in describe_derivative(d)
True
"""

from __future__ import annotations

import numpy as np

from core.gradient_descent import Derivative
from core.parsing import format_number


def derivative_latex(d: Derivative) -> str:
    """``f(w) = w²,  f′(w) = 2w,  f′(5) = 10``, then the central difference below.

    Two lines: on one, the central difference ran past the column at 1366 px.
    """
    w = format_number(d.w, 6)
    return (
        rf"\begin{{gathered}}f(w) = {d.fn.latex}, \qquad "
        rf"f'(w) = {d.fn.derivative_latex}, \qquad "
        rf"f'({w}) = {format_number(d.slope, 6)} \\ "
        rf"\frac{{f(w+h) - f(w-h)}}{{2h}} = {format_number(d.central, 6)}"
        r"\end{gathered}"
    )


def describe_derivative(d: Derivative) -> str:
    """What the tangent and the estimates say, in words."""
    w, slope = format_number(d.w, 4), format_number(d.slope, 4)
    if d.slope > 0:
        trend = "the loss **rises** to the right, so gradient descent would step left"
    elif d.slope < 0:
        trend = "the loss **falls** to the right, so gradient descent would step right"
    else:
        trend = "the curve is **flat** here: a minimum, maximum or flat point, and gradient descent would not move"
    central = format_number(abs(d.central_error), 3)
    forward = format_number(abs(d.forward_error), 3)
    exact_note = (
        " (for a parabola the central difference is exact)"
        if d.central_error == 0 and d.fn.key in ("square", "shifted")
        else ""
    )
    return (
        f"At w = {w} the tangent has slope **f′(w) = {slope}**: {trend}. "
        f"With h = {format_number(d.h, 4)} the central difference is off by {central}{exact_note} "
        f"and the forward difference by {forward}; shrink h and both close in on the exact slope."
    )


def float_literal(value: float) -> str:
    """``5.0`` rather than ``5``: code that must compute in floats, like the page.

    >>> float_literal(5.0), float_literal(0.1)
    ('5.0', '0.1')
    """
    text = format_number(value)
    return text if any(c in text for c in ".en") else text + ".0"


def derivative_code(d: Derivative) -> str:
    """Code that checks the exact derivative against a central difference."""
    uses_np = "np." in d.fn.code or "np." in d.fn.derivative_code
    head = "import numpy as np\n\n" if uses_np else ""
    how = "exact, by SymPy" if d.fn.key.startswith("custom:") else "worked out by hand"
    return (
        f"{head}def loss(w):\n    return {d.fn.code}\n\n"
        f"def derivative(w):  # {how}\n    return {d.fn.derivative_code}\n\n"
        f"w = {float_literal(d.w)}\nh = {float_literal(d.h)}\n\n"
        "exact = derivative(w)\n"
        "estimate = (loss(w + h) - loss(w - h)) / (2 * h)  # central difference\n"
        "exact, estimate"
    )


def as_printed(value: float, code: str) -> float:
    """The number as the snippet prints it: ``np.float64`` when the code uses NumPy."""
    return np.float64(value) if "np." in code else float(value)


def derivative_code_result(d: Derivative) -> tuple[float, float]:
    """What the last line of :func:`derivative_code` evaluates to."""
    return (
        as_printed(d.slope, d.fn.derivative_code),
        as_printed(d.central, d.fn.code),
    )
