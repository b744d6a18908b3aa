"""Learner text for the Equations page: the code panel, formulas and sentences.

Pure functions of ``core.equations`` results: no Streamlit, no Plotly.

Examples
--------
>>> from core.equations import solve_linear
>>> solve_linear_code(2, -4).splitlines()[-1]
'x'
>>> "no x solves" in describe_linear(solve_linear(0, 3))
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from core.equations import LinearSolution, SystemSolution
from core.parsing import code_literal, display_number, format_number

#: The page's opening paragraph.
INTRO = (
    "An **equation** says two expressions are equal. In machine learning a model "
    "*is* an equation — `y = w·x + b` — and training solves equations for its "
    "parameters. Move the coefficients and watch where one line crosses zero, or "
    "where two lines cross. *(Notebook cell 1: a = 2, b = −4 gives x = 2.0.)*"
)


def linear_terms(
    coefficients: Sequence[float], names: Sequence[str], *, latex: bool = False
) -> str:
    """``2x − y``, ``x + 3y``, ``−x``: a sum of terms as a person writes it.

    A coefficient of 1 is left out (``x``, not ``1x``), −1 is a minus sign, a
    zero term is dropped (all zero: ``0``). ``latex=True`` writes a thin space
    between number and name and an ASCII minus.
    """
    minus = "-" if latex else "−"
    gap = r"\," if latex else ""
    written = ""
    for value, name in zip(coefficients, names, strict=True):
        if value == 0:
            continue
        size = abs(value)
        number = (
            ""
            if size == 1
            else (format_number(size, 6) if latex else display_number(size)) + gap
        )
        if not written:
            written = (minus if value < 0 else "") + number + name
        else:
            written += f" {minus if value < 0 else '+'} {number}{name}"
    return written or "0"


# -- code shown to the learner (the notebook's style, current values filled in) ----------


def solve_linear_code(a: float, b: float) -> str:
    """NumPy-free code, in the notebook's style, that reproduces :func:`solve_linear`."""
    head = f"# Simple linear equation: ax + b = 0\na = {format_number(a)}\nb = {format_number(b)}\n\n"
    if a != 0:
        return head + "x = -b / a\nx"
    return head + (
        "# a = 0: the equation reads 0·x + b = 0, i.e. b = 0 (no division by 0)\n"
        '"every x is a solution" if b == 0 else "no solution"'
    )


def linear_code_result(solution: LinearSolution) -> float | str:
    """What the last line of :func:`solve_linear_code` evaluates to."""
    if solution.kind == "one":
        assert solution.root is not None
        return solution.root
    return "every x is a solution" if solution.kind == "all" else "no solution"


def system_code_result(solution: SystemSolution) -> np.ndarray | str:
    """What the last line of :func:`solve_system_code` evaluates to."""
    if solution.kind == "one":
        return np.array(solution.point)
    return "every point of the line" if solution.kind == "all" else "no solution"


def solve_system_code(coefficients: object, constants: object) -> str:
    """Code that reproduces :func:`solve_system` with ``np.linalg.solve``."""
    head = (
        "import numpy as np\n\n"
        "# a1*x + b1*y = c1 and a2*x + b2*y = c2, written as A @ [x, y] = c\n"
        f"A = np.array({code_literal(coefficients)})\n"
        f"c = np.array({code_literal(constants)})\n\n"
    )
    return head + (
        "# divide each equation by its largest coefficient: the same lines, but the\n"
        "# rank no longer depends on units (1e6·x = 1 and 1e-6·y = 1 cross once)\n"
        "A_scaled = A / np.abs(A).max(axis=1, keepdims=True)\n"
        "if np.linalg.matrix_rank(A_scaled) == 2:  # det(A) != 0: the lines cross once\n"
        "    solution = np.linalg.solve(A, c)\n"
        "else:  # parallel lines: the same line, or no common point\n"
        "    Ac = np.column_stack([A, c])\n"
        "    Ac_scaled = Ac / np.abs(Ac).max(axis=1, keepdims=True)\n"
        "    same = np.linalg.matrix_rank(Ac_scaled) == np.linalg.matrix_rank(A_scaled)\n"
        '    solution = "every point of the line" if same else "no solution"\n'
        "solution"
    )


# -- words and formulas for the page (pure text, tested like the maths) -----------------


def _signed(value: float) -> str:
    """``+ 4`` / ``− 4`` for writing ``a·x + b`` with the sign folded in."""
    return (
        f"+ {format_number(value, 6)}"
        if value >= 0
        else f"− {format_number(-value, 6)}"
    )


def linear_latex(solution: LinearSolution) -> str:
    """``2x − 4 = 0  ⇒  x = −(−4)/2 = 2`` with the current numbers."""
    a, b = format_number(solution.a, 6), format_number(solution.b, 6)
    equation = rf"{a}\,x {_signed(solution.b)} = 0".replace("−", "-")
    if solution.kind == "one":
        assert solution.root is not None
        return (
            rf"{equation} \quad\Longrightarrow\quad x = -\frac{{b}}{{a}}"
            rf" = -\frac{{{b}}}{{{a}}} = {format_number(solution.root, 6)}"
        )
    verdict = (
        r"\text{true for every } x" if solution.kind == "all" else r"\text{never true}"
    )
    return rf"0\cdot x {_signed(solution.b)} = 0 \;\Longleftrightarrow\; {b} = 0 \quad({verdict})".replace(
        "−", "-"
    )


def describe_linear(solution: LinearSolution) -> str:
    """One or two sentences saying what the chart shows right now."""
    a, b = display_number(solution.a), display_number(solution.b)
    if solution.kind == "none":
        return (
            f"With a = 0 the line y = {b} is flat and never meets y = 0, so "
            f"{b} = 0 is false: **no x solves the equation**."
        )
    if solution.kind == "all":
        return (
            "With a = 0 and b = 0 the line lies on y = 0 itself: 0 = 0 is always "
            "true, so **every x is a solution**."
        )
    assert solution.root is not None
    direction = "rises" if solution.a > 0 else "falls"
    return (
        f"The line y = {a}x {_signed(solution.b)} {direction} by {display_number(abs(solution.a))} "
        f"for every step of 1 in x and crosses y = 0 at **x = {display_number(solution.root, 6)}**: "
        f"that is the solution, because {a}·{display_number(solution.root, 6)} "
        f"{_signed(solution.b)} = 0. "
        f"Read as a model y = w·x + b, the slope w = {a} is how much the prediction "
        f"changes per unit of input and the intercept b = {b} is the prediction at x = 0."
    )


def system_latex(solution: SystemSolution) -> str:
    """The system, its determinant and its solution with the current numbers."""
    (a1, b1), (a2, b2) = (
        [format_number(v, 6) for v in row] for row in solution.coefficients
    )
    left_1, left_2 = (
        linear_terms(row, ("x", "y"), latex=True) for row in solution.coefficients
    )
    c1, c2 = (format_number(v, 6) for v in solution.constants)
    system = rf"\begin{{cases}} {left_1} = {c1} \\ {left_2} = {c2} \end{{cases}}"

    def p(text: str) -> str:
        return f"({text})" if text.startswith("-") else text

    value = (
        f"= {format_number(solution.determinant, 6)}"
        if solution.determinant_stored
        else r"\neq 0 \ \text{(beyond a float's range)}"
    )
    det = rf"\det A = {p(a1)}\cdot{p(b2)} - {p(a2)}\cdot{p(b1)} {value}"
    if solution.kind == "one":
        assert solution.point is not None
        x, y = (format_number(v, 6) for v in solution.point)
        return rf"{system} \qquad {det} \qquad (x, y) = ({x},\ {y})"
    return rf"{system} \qquad {det}"


def describe_system(solution: SystemSolution) -> str:
    """What the two lines do right now, in words."""
    if solution.kind == "one":
        assert solution.point is not None
        x, y = (format_number(v, 6) for v in solution.point)
        det = (
            format_number(solution.determinant, 4)
            if solution.determinant_stored
            else "(too small or too large for a float)"
        )
        return (
            f"The two lines cross at **(x, y) = ({x}, {y})**: the one point that "
            f"satisfies both equations. The determinant {det} "
            "is not 0, so `np.linalg.solve` finds it."
        )
    if solution.kind == "none":
        return (
            "The determinant is 0: the lines have the same slope but different "
            "offsets, so they are **parallel and never meet — no solution**. "
            "`np.linalg.solve` would raise an error here; the page checks the rank first."
        )
    return (
        "The determinant is 0 and the second equation is a multiple of the first: "
        "they describe **the same line, so every point on it is a solution**."
    )


def linear_readout(solution: LinearSolution) -> str:
    """The numbers a live chart shows while the line is dragged (one short line)."""
    coefficients = (
        f"a = {display_number(solution.a)} · b = {display_number(solution.b)}"
    )
    if solution.kind == "one":
        assert solution.root is not None
        return f"{coefficients} · root x = {display_number(solution.root)}"
    if solution.kind == "all":
        return f"{coefficients} · every x is a root"
    return f"{coefficients} · no root"
