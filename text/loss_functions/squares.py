"""Words for the "Squared errors" view: the MSE formula, the table, the notes.

Examples
--------
>>> from core.loss_functions import residual_report
>>> report = residual_report("3, 5, 7", "2, 5, 8")
>>> [row["squared (y − ŷ)²"] for row in residual_rows(report)]
['1', '0', '1']
>>> "MSE = 0.666667" in describe_residuals(report)
True
"""

from __future__ import annotations

import numpy as np

from core.loss_functions import MAX_POINTS, ResidualReport
from core.parsing import format_number
from text.common import latex_number, paren

#: The page's opening paragraph.
INTRO = (
    "A **loss function** turns a model's mistakes into one number that training "
    "makes small. The **mean squared error** squares each residual yᵢ − ŷᵢ and "
    "averages: you can *see* it as the mean area of squares. Then fit a line by "
    "hand and watch the MSE bowl, and see why one outlier drags MSE far more than "
    "MAE or Huber. *(Notebook cell 10: y_true = [3, 5, 7], y_pred = [2, 5, 8] "
    "gives 0.6666666666666666.)*"
)
#: The help of every box that takes a typed list.
LIST_HELP = f"Numbers separated by commas (up to {MAX_POINTS}), one per point."
#: Example lists one click away: button label → the values it sets.
PRESETS = {
    "One big miss": {"y_true": "3, 5, 7, 4, 6", "y_pred": "2.5, 5.5, 7, 4, 10"},
    "Perfect": {"y_true": "3, 5, 7", "y_pred": "3, 5, 7"},
    "All off by 1": {"y_true": "3, 5, 7, 9", "y_pred": "4, 6, 8, 10"},
}
NORMALISATION = (
    "**Normalisation.** This page — like the notebook and "
    "`sklearn.metrics.mean_squared_error` — takes the **mean** of the squares "
    "(divide by n) with **no ½** in front. Some texts write "
    "½·(1/n)·Σ(yᵢ − ŷᵢ)² instead, so that the 2 from differentiating the square "
    "cancels: the derivative of ½(yᵢ − ŷᵢ)² with respect to ŷᵢ is just ŷᵢ − yᵢ. "
    "The ½ halves every loss and every gradient but moves no minimum, and others "
    "use the plain sum (SSE); check which one a formula uses before comparing numbers."
)
GRADIENT_NOTE = (
    "The last column is the gradient of the MSE with respect to each prediction: "
    "its sign says which way moving ŷᵢ would raise the loss, so training moves "
    "each prediction the other way."
)
#: How many terms the formula writes out before it abbreviates with ⋯.
FORMULA_TERMS = 6


def residual_rows(report: ResidualReport) -> list[dict[str, str]]:
    """The per-point table as text: one row per point (6 significant digits)."""
    return [
        {
            "i": str(i),
            "y_true": format_number(t, 6),
            "y_pred": format_number(p, 6),
            "residual y − ŷ": format_number(r, 6),
            "squared (y − ŷ)²": format_number(q, 6),
            "∂MSE/∂ŷ = 2(ŷ − y)/n": format_number(g, 6),
        }
        for i, (t, p, r, q, g) in enumerate(
            zip(
                report.y_true,
                report.y_pred,
                report.residuals,
                report.squares,
                report.grad,
                strict=True,
            ),
            start=1,
        )
    ]


def residual_metrics(report: ResidualReport) -> list[tuple[str, str, str | None]]:
    """The three numbers above the squares chart: (label, value, no note)."""
    return [
        ("MSE (mean of squares)", format_number(report.mse, 6), None),
        ("RMSE = √MSE", format_number(report.rmse, 6), None),
        ("MAE (mean of |residuals|)", format_number(report.mae, 6), None),
    ]


def markdown_table(rows: list[dict[str, str]]) -> str:
    """A GitHub-style table (what ``st.markdown`` draws), numbers right-aligned."""
    if not rows:
        return ""
    header = list(rows[0])

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(":---" if k == 0 else "---:" for k in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(row[h]) for h in header) + " |" for row in rows]
    return "\n".join(lines)


def mse_latex(report: ResidualReport) -> str:
    """``MSE = (1/n)·Σ(yᵢ − ŷᵢ)² = ⅓[(3−2)² + (5−5)² + (7−8)²] = ⅓·2 = 0.6667``."""
    n = report.n
    pairs = list(zip(report.y_true, report.y_pred, strict=True))
    shown = pairs if n <= FORMULA_TERMS else pairs[:3] + pairs[-2:]
    terms = [rf"({latex_number(t)} - {paren(latex_number(p))})^2" for t, p in shown]
    if n > FORMULA_TERMS:
        terms = [*terms[:3], r"\cdots", *terms[3:]]
    squares = report.squares if n <= FORMULA_TERMS else None
    total = float(np.sum(report.squares))
    lines = [
        r"\mathrm{MSE} &= \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2",
        rf"&= \frac{{1}}{{{n}}}\left[{' + '.join(terms)}\right]",
    ]
    if squares is not None and n > 1:
        lines.append(
            rf"&= \frac{{1}}{{{n}}}\left({' + '.join(latex_number(s) for s in squares)}\right)"
        )
    lines.append(
        rf"&= \frac{{{latex_number(total, 6)}}}{{{n}}} = {latex_number(report.mse, 6)}"
    )
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def describe_residuals(report: ResidualReport) -> str:
    """What the squares chart shows right now."""
    n = report.n
    biggest = int(np.argmax(report.squares))
    share = report.squares[biggest] / report.squares.sum() if report.mse > 0 else 0.0
    if report.mse == 0:
        return (
            f"Every prediction equals its true value, so all {n} squares have area 0 "
            "and **MSE = 0**: a perfect fit."
        )
    return (
        f"Each residual yᵢ − ŷᵢ is a vertical segment and its square has area "
        f"(yᵢ − ŷᵢ)². The {n} squares add up to {format_number(float(report.squares.sum()), 6)}; "
        f"their mean area is **MSE = {format_number(report.mse, 6)}** (the dashed square). "
        f"The largest square, point {biggest + 1} with residual "
        f"{format_number(float(report.residuals[biggest]), 4)}, is {share:.0%} of the total: "
        "squaring makes big errors count much more than small ones."
    )
