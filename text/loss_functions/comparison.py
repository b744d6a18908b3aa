"""Words for the "MSE vs MAE vs Huber" view: the four losses and one outlier.

Examples
--------
>>> line_text(0.675, -1.36)
'0.675·x\\xa0−\\xa01.36'
>>> r"\\delta = 2" in loss_curves_latex(2)
True
"""

from __future__ import annotations

from core.loss_functions import LossComparison, line_shift
from core.parsing import display_number, format_number
from text.common import latex_number

#: Under the table of the four losses.
COMPARE_NOTE = (
    "Loss values are those of one fixed model — the least-squares line of the data "
    "without the outlier — before and after the outlier joins. RMSE is √MSE: it ranks "
    "lines exactly like MSE (same best line) but is in y's units; for a single "
    "residual it is √(r²) = |r|, the same V as MAE. Huber's ½r² near 0 is the "
    "standard definition (PyTorch, Keras). MAE's best line always passes through two "
    "of the points, so with few points it can jump to another pair when the outlier "
    "moves."
)


def loss_curves_latex(delta: float) -> str:
    """The four losses of one residual ``r``, on two lines."""
    d = latex_number(delta)
    return (
        r"\begin{gathered}"
        r"\text{MSE: } r^2 \qquad \text{MAE: } |r| \qquad"
        r" \text{RMSE: } \sqrt{r^2} = |r| \\"
        rf"\text{{Huber}}_{{\delta = {d}}}(r) = \begin{{cases}} \tfrac12 r^2"
        rf" & |r| \le {d} \\ {d}\,(|r| - \tfrac12\cdot {d}) & |r| > {d}\end{{cases}}"
        r"\end{gathered}"
    )


def line_text(w: float, b: float, digits: int = 3) -> str:
    """``0.675·x + 1.36`` or ``0.675·x − 1.36``."""
    sign = "−" if b < 0 else "+"
    # no-break spaces: the line never wraps inside a table cell
    return f"{display_number(w, digits)}·x\u00a0{sign}\u00a0{display_number(abs(b), digits)}"


def curves_alt(delta: float) -> str:
    """Text alternative of the loss-of-one-residual chart."""
    return (
        "The loss of one residual r: the parabola r² (MSE), the V |r| (MAE, and RMSE "
        f"of a single point), and Huber, a parabola inside ±{format_number(delta, 4)} and straight "
        "outside."
    )


def comparison_rows(comparison: LossComparison) -> list[dict[str, str]]:
    """Rows of the "what one outlier does" table (text, ready to show)."""
    rows = []
    names = {
        "mse": "MSE",
        "mae": "MAE",
        "huber": f"Huber (δ = {format_number(comparison.delta, 4)})",
        "rmse": "RMSE",
    }
    for key, name in names.items():
        before, after = comparison.values_clean[key], comparison.values_outlier[key]
        line_key = "mse" if key == "rmse" else key
        (w0, b0), (w1, b1) = (
            comparison.lines_clean[line_key],
            comparison.lines_outlier[line_key],
        )
        ratio = "—" if before == 0 else f"×{after / before:.3g}"
        rows.append(
            {
                "loss": name,
                "without outlier": format_number(before, 5),
                "with outlier": format_number(after, 5),
                "grows": ratio,
                "best line before": line_text(w0, b0),
                "best line after": line_text(w1, b1),
            }
        )
    return rows


def describe_comparison(comparison: LossComparison) -> str:
    """How one outlier moves each loss value and each best-fit line."""
    if comparison.outlier is None:
        return (
            "Without an outlier the four best-fit lines nearly agree. Switch the "
            "outlier on to see which loss it drags."
        )
    before, after = comparison.values_clean, comparison.values_outlier

    def grew(name: str) -> str:
        if before[name] == 0:
            return f"0 → {format_number(after[name], 4)}"
        return f"×{after[name] / before[name]:.3g}"

    moved = {name: line_shift(comparison, name) for name in ("mse", "mae", "huber")}
    dy = format_number(comparison.outlier_dy, 4)
    marked = comparison.curves.marked  # the outlier's own r², |r|, Huber
    assert marked is not None
    return (
        f"One point {dy} away from the line adds {format_number(marked['mse'], 4)} to the "
        f"sum of squares but only {format_number(marked['mae'], 4)} to the sum of absolute "
        f"errors: the MSE of the same line grows **{grew('mse')}**, RMSE {grew('rmse')}, "
        f"Huber {grew('huber')}, MAE {grew('mae')}. Each loss's best line moves too: over the "
        f"data, the MSE line shifts by **{format_number(moved['mse'], 3)}** on average, Huber's by "
        f"{format_number(moved['huber'], 3)}, MAE's by {format_number(moved['mae'], 3)}."
    )
