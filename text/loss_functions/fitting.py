"""Words for the "Fit a line by hand" view: the MSE of a line, its gradient, descent.

Examples
--------
>>> from core.loss_functions import fit_line, typed_dataset
>>> fit = fit_line(typed_dataset("0, 1, 2", "1, 3, 5"), 1.0, 0.0)
>>> "raise w and raise b" in describe_fit(fit)
True
>>> gradient_latex(fit).endswith("= -4")   # ∂L/∂b = −(2/3)(1 + 2 + 3)
True
"""

from __future__ import annotations

from core.loss_functions import TRUE_B, TRUE_W, X_HIGH, X_LOW, LineFit
from core.optimisers import METHODS, Trajectory
from core.parsing import format_number
from text.common import latex_number

#: Under the data controls when the points are generated.
SEEDED_NOTE = (
    f"Points near the line y = {format_number(TRUE_W)}·x + {format_number(TRUE_B)}, "
    f"x between {format_number(X_LOW)} and {format_number(X_HIGH)}."
)
#: Under the descent sentence when plain gradient descent crawls along b.
VALLEY_NOTE = (
    "Why so slow along b? x lies between 0 and 10, so changing w moves the line much "
    "more than changing b: the bowl is a long narrow valley, and a learning rate small "
    "enough for the steep w direction crawls along b. Try Adam, or momentum."
)


def fit_latex(fit: LineFit, show_best: bool = True) -> str:
    """The learner's MSE and the smallest possible one, with numbers.

    ``show_best=False``: the smallest MSE without the (w, b) that reach it.
    """
    w, b = latex_number(fit.w), latex_number(fit.b)
    where = (
        rf" = L({latex_number(fit.w_best)},\ {latex_number(fit.b_best)})"
        if show_best
        else ""
    )
    return (
        r"\begin{gathered}"
        r"L(w, b) = \frac{1}{n}\sum_{i=1}^{n} \big(y_i - (w x_i + b)\big)^2 \\"
        rf"L({w},\ {b}) = {latex_number(fit.mse, 5)} \qquad"
        rf"\min L{where} = {latex_number(fit.mse_best, 5)}"
        r"\end{gathered}"
    )


def gradient_latex(fit: LineFit) -> str:
    """The gradient at the learner's point, with numbers."""
    gw, gb = (latex_number(float(v)) for v in fit.grad)
    return (
        r"\frac{\partial L}{\partial w} = -\frac{2}{n}\sum x_i r_i = "
        + gw
        + r",\qquad \frac{\partial L}{\partial b} = -\frac{2}{n}\sum r_i = "
        + gb
    )


def describe_fit(fit: LineFit, show_best: bool = True) -> str:
    """What the line and the contour show right now.

    ``show_best=False`` (the learner has not asked to see the best line yet): the
    best MSE is the target to beat, but the best line itself is not given away.
    """
    w, b = format_number(fit.w, 4), format_number(fit.b, 4)
    if fit.at_best:
        return (
            f"The line y = {w}·x + {b} **is the least-squares line**: no other w and b "
            f"give a smaller MSE than {format_number(fit.mse, 5)}, and both partial derivatives are 0 "
            "— the bottom of the bowl on the right."
        )
    gw, gb = fit.grad
    moves = []
    if abs(gw) > 1e-9:
        moves.append(f"{'lower' if gw > 0 else 'raise'} w")
    if abs(gb) > 1e-9:
        moves.append(f"{'lower' if gb > 0 else 'raise'} b")
    hint = " and ".join(moves) if moves else "stay"
    best = (
        f"the best line (y = {format_number(fit.w_best, 4)}·x + {format_number(fit.b_best, 4)})"
        if show_best
        else "the best line"
    )
    return (
        f"Your line y = {w}·x + {b} has **MSE {format_number(fit.mse, 5)}**, the mean area of its "
        f"{fit.data.n} squares; {best} "
        f"reaches {format_number(fit.mse_best, 5)}, so yours is {format_number(fit.excess, 4)} above the minimum. "
        f"The gradient ({format_number(float(gw), 3)}, {format_number(float(gb), 3)}) says: {hint} to go "
        "downhill on the bowl."
    )


def describe_path(path: Trajectory, method: str, lr: float) -> str:
    """One sentence on the optimiser's run from the learner's point."""
    name = METHODS.get(method, method)
    if path.diverged_at is not None:
        return (
            f"{name} with learning rate {format_number(lr, 4)} **diverged at step {path.diverged_at}**: "
            "the steps overshoot the valley and grow, because this bowl is steep in the "
            "w direction (x values are large, so ∂L/∂w is large). Lower the learning rate."
        )
    start, end = path.losses[0], path.losses[-1]
    return (
        f"{name} ({path.steps_taken} steps, learning rate {format_number(lr, 4)}) takes the MSE from "
        f"{format_number(float(start), 5)} to **{format_number(float(end), 5)}**, ending at w = "
        f"{format_number(float(path.points[-1][0]), 4)}, b = {format_number(float(path.points[-1][1]), 4)}."
    )


def fit_metrics(fit: LineFit, path: Trajectory) -> list[tuple[str, str, str | None]]:
    """The three numbers above the line and the bowl: (label, value, delta)."""
    if path.diverged_at is None:
        descent = (
            f"MSE after {path.steps_taken} descent steps",
            format_number(float(path.losses[-1]), 5),
        )
    else:
        descent = (f"Descent diverged at step {path.diverged_at}", "∞")
    return [
        (
            "Your MSE",
            format_number(fit.mse, 5),
            f"+{format_number(fit.excess, 4)} above the best",
        ),
        ("Best possible MSE", format_number(fit.mse_best, 5), None),
        (*descent, None),
    ]
