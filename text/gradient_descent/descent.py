"""Words, formula and code for the Descent view: gradient descent in 1-D.

Examples
--------
>>> from core.gradient_descent import descend_1d
>>> result = descend_1d("square", 5, 0.1, 1)
>>> descent_code_result(result)               # notebook cell 5
4.0
>>> describe_descent(result).split(":")[0]
'With lr = 0.1 this is **smooth convergence**'
>>> divergence_message(descend_1d("square", 5, 3.5, 20).path)
'diverged at step 7: |w| passed 1e6'
"""

from __future__ import annotations

import math

import numpy as np

from core.gradient_descent import (
    DEFAULT_BOUND,
    Descent1D,
    Function1D,
    Trajectory,
    descent_table,
    is_parabola,
    parabola_regime,
    two_minima_hump,
)
from core.parsing import format_number
from text.gradient_descent.derivative import as_printed, float_literal

#: How ``|1 − 2·lr|`` compares with 1 in each regime.
_RELATION = {
    "smooth": "< 1",
    "one_step": "= 0",
    "oscillating": "< 1",
    "bouncing": "= 1",
    "diverging": "> 1",
}


def _power_of_ten(value: float) -> str:
    exponent = math.log10(value)
    if exponent.is_integer() and abs(exponent) >= 4:
        return f"1e{int(exponent)}"
    return format_number(value)


def divergence_message(
    path: Trajectory, name: str = "|w|", bound: float = DEFAULT_BOUND
) -> str:
    """``"diverged at step 7: |w| passed 1e6"`` (empty text if it did not diverge)."""
    if path.diverged_at is None:
        return ""
    return f"diverged at step {path.diverged_at}: {name} passed {_power_of_ten(bound)}"


# -- the formula ------------------------------------------------------------------------


def _paren(value: float) -> str:
    text = format_number(value, 6)
    return f"({text})" if value < 0 else text


def _regime_latex(lr: float) -> str:
    regime = parabola_regime(lr)
    rate = format_number(lr, 6)
    if regime.key == "one_step":
        return rf"1 - 2\cdot\text{{lr}} = 1 - 2\cdot {rate} = 0"
    r = format_number(regime.factor, 6)
    abs_r = format_number(abs(regime.factor), 6)
    return (
        rf"|1 - 2\cdot\text{{lr}}| = |1 - 2\cdot {rate}| = |{r}| = {abs_r} "
        f"{_RELATION[regime.key]}"
    )


def descent_latex(result: Descent1D) -> str:
    """The update rule, the first step with its numbers, and for parabolas the rule.

    The rule ``|1 − 2·lr| < 1`` comes with the current rate (one formula per line).
    """
    fn, lr = result.fn, format_number(result.lr, 6)
    lines = [
        rf"w \leftarrow w - \text{{lr}}\cdot f'(w) = w - {lr}\cdot({fn.derivative_latex})"
    ]
    if len(result.w) > 1:
        w0, g0 = result.w[0], result.gradients[0]
        lines.append(
            rf"w_1 = {format_number(w0, 6)} - {lr}\cdot {_paren(g0)}"
            rf" = {format_number(result.w[1], 6)}"
        )
    if is_parabola(fn):
        lines.append(_regime_latex(result.lr))
    return r"\begin{gathered} " + r" \\ ".join(lines) + r" \end{gathered}"


# -- the words ----------------------------------------------------------------------------


def _regime_sentence(result: Descent1D) -> str:
    regime = parabola_regime(result.lr)
    r = format_number(regime.factor, 4)
    m = format_number(result.fn.minima[0])
    why = {
        "smooth": f"every step keeps the same side of the minimum and multiplies the distance to w = {m} by {r}",
        "one_step": f"1 − 2·lr = 0, so the very first step lands exactly on the minimum w = {m}",
        "oscillating": f"each step overshoots to the other side of w = {m}, but the distance still shrinks by |{r}| < 1",
        "bouncing": f"each step jumps to the mirror point across w = {m}: the distance is multiplied by |−1| = 1 and never shrinks",
        "diverging": f"each step overshoots further than it started: the distance to w = {m} grows by |{r}| > 1 every step",
    }[regime.key]
    return f"With lr = {format_number(result.lr, 4)} this is **{regime.name}**: {why}."


def _diverged_sentences(result: Descent1D) -> list[str]:
    sentences = [
        f"Gradient descent **{divergence_message(result.path)}**, so it stopped there; "
        f"the last finite position was w = {format_number(float(result.w[-1]), 6)}."
    ]
    if not is_parabola(result.fn):
        sentences.append(
            "The learning rate is too large for how steep this curve gets: every step overshoots more than the last."
        )
    return sentences


def _minimum_label(fn: Function1D, m: float) -> str:
    if len(fn.minima) == 1:
        return "the minimum"
    return "the left minimum" if m == min(fn.minima) else "the right minimum"


def _unsettled_sentences(result: Descent1D, after: str) -> list[str]:
    """Still moving: jumping around a minimum (lr ≥ 2/f″) or on its way to it."""
    nearest, curvature = result.nearest_minimum, result.curvature
    where = _minimum_label(result.fn, nearest)
    if curvature > 0 and result.lr >= 2 / curvature:
        return [
            f"{after}: it keeps jumping around {where} w ≈ {format_number(nearest, 4)} "
            "without settling. Near a minimum the curve bends like a parabola with "
            f"curvature f″ = {format_number(curvature, 3)}, and gradient descent only "
            f"settles there when lr < 2/f″ = {format_number(2 / curvature, 3)}: lower "
            "the learning rate."
        ]
    grad = float(result.gradients[-1])
    sentences = [
        f"{after} with slope {format_number(grad, 4)}: it is still on its way to "
        f"{where} w ≈ {format_number(nearest, 4)}; more steps bring it closer."
    ]
    if curvature == 0 and result.fn.key == "quartic":
        sentences.append(
            "Near 0 the slope 4w³ flattens much faster than w itself (f″(0) = 0), "
            "so the steps shrink and progress slows down."
        )
    return sentences


def _progress_sentences(result: Descent1D) -> list[str]:
    """Where the path is after its steps, and whether it is settling."""
    k = result.path.steps_taken
    nearest = result.nearest_minimum
    after = f"After {k} step{'s' if k != 1 else ''} w = **{format_number(float(result.w[-1]), 6)}**"
    regime_key = parabola_regime(result.lr).key if is_parabola(result.fn) else ""
    arrived = result.arrived_at(1e-3)
    if arrived is not None:
        return [
            f"{after}: it reached {_minimum_label(result.fn, nearest)} w ≈ "
            f"{format_number(nearest, 4)} (within 0.001 from step {arrived} on)."
        ]
    if regime_key == "bouncing":
        mirror = format_number(2 * nearest - result.w0, 4)
        return [
            f"{after}: it keeps bouncing between {format_number(result.w0, 4)} and {mirror}."
        ]
    if regime_key == "diverging":
        return [
            f"{after} and its distance to the minimum keeps growing: more steps take it "
            "past 1e6."
        ]
    return _unsettled_sentences(result, after)


def _which_minimum(result: Descent1D) -> str:
    fn, nearest = result.fn, result.nearest_minimum
    hump = two_minima_hump()
    start_side = "left" if result.w0 < hump else "right"
    end_side = "left" if nearest == min(fn.minima) else "right"
    deeper = "left"  # f(left) ≈ −3.51 < f(right) ≈ −1.07
    lines = [
        f"The hump (a local maximum) at w ≈ {format_number(hump, 3)} splits the curve: "
        f"w₀ = {format_number(result.w0, 4)} is on its {start_side} side"
    ]
    if start_side == end_side:
        lines.append(
            f", where the slope points down into the **{end_side} minimum** "
            f"(loss {format_number(fn.loss(np.array([nearest])), 3)}). "
            "Gradient descent only feels the local slope, "
        )
        lines.append(
            "so it cannot know that the left minimum is deeper."
            if end_side != deeper
            else "and here that also happens to be the deeper minimum."
        )
    else:
        lines.append(
            f", yet it ended in the **{end_side} minimum**: a step was large enough "
            "to jump over the hump."
        )
    return "".join(lines)


def describe_descent(result: Descent1D) -> str:
    """What gradient descent did on this function, in words (the chart's alt text)."""
    parts = [_regime_sentence(result)] if is_parabola(result.fn) else []
    if result.path.diverged_at is not None:
        return " ".join(parts + _diverged_sentences(result))
    if result.path.steps_taken == 0:
        parts.append(
            f"No steps yet: gradient descent starts at w₀ = {format_number(result.w0, 4)}. "
            "Press a step button."
        )
        return " ".join(parts)
    parts += _progress_sentences(result)
    if result.fn.key == "two_minima":
        parts.append(_which_minimum(result))
    return " ".join(p for p in parts if p)


def steps_alt(result: Descent1D) -> str:
    """The text alternative of the loss-per-step chart."""
    return f"The loss after each of the {result.path.steps_taken} steps."


#: The steps table shows every step up to this many rows (the default 20 steps); a
#: longer descent shows its first and last steps around a row that says how many
#: are left out (the code panel computes them all).
MAX_TABLE_ROWS = 21
HEAD_ROWS, TAIL_ROWS = 15, 5
#: Under the table: what its columns mean.
STEPS_CAPTION = (
    "f′(w): the slope at w. update = −lr·f′(w): how far the next step moves w. "
    "loss = f(w)."
)


def _cell(value: float) -> str:
    return format_number(value, 4) if math.isfinite(value) else "—"


def steps_table(result: Descent1D) -> str:
    """Every step as a Markdown table: w, the slope there, the update it makes, the loss.

    >>> from core.gradient_descent import descend_1d
    >>> print(steps_table(descend_1d("square", 5, 0.1, 1)))
    | step | w | f′(w) | update | loss |
    |---:|---:|---:|---:|---:|
    | 0 | 5 | 10 | -1 | 25 |
    | 1 | 4 | 8 | -0.8 | 16 |
    """
    columns = descent_table(result)
    header = "| " + " | ".join(columns) + " |\n|" + "---:|" * len(columns)
    rows = [
        "| " + " | ".join(_cell(float(c[step])) for c in columns.values()) + " |"
        for step in range(len(result.w))
    ]
    if len(rows) > MAX_TABLE_ROWS:
        hidden = len(rows) - HEAD_ROWS - TAIL_ROWS
        gap = f"| … | {hidden} more steps |" + " |" * (len(columns) - 2)
        rows = [*rows[:HEAD_ROWS], gap, *rows[-TAIL_ROWS:]]
    return "\n".join([header, *rows])


# -- the code -----------------------------------------------------------------------------


def descent_code(result: Descent1D) -> str:
    """The notebook's cell with the current numbers; a loop when there are several steps."""
    fn = result.fn
    # Floats (1.0, not 1) so that w comes out a float, as on the page; the
    # notebook's own cell keeps its "w = 5".
    w0, lr = float_literal(result.w0), float_literal(result.lr)
    uses_np = "np." in fn.derivative_code or "np." in fn.code
    head = "import numpy as np\n\n" if uses_np else ""
    if result.steps == 1 and fn.key == "square":
        return (
            "# Gradient Descent Example\n\n"
            f"w = {format_number(result.w0)}           # initial weight\n"
            f"lr = {lr}        # Learning rate\n\n"
            "# derivative of loss = w^2 is 2w\n"
            "gradient = 2 * w\n"
            "w = w - lr * gradient\n\n"
            "w"
        )
    return (
        f"{head}# Gradient descent on loss = {fn.code.split('  #')[0]}\n\n"
        f"w = {w0}           # initial weight\n"
        f"lr = {lr}        # Learning rate\n\n"
        f"for step in range(1, {result.steps + 1}):\n"
        f"    gradient = {fn.derivative_code}  # derivative of the loss\n"
        "    new_w = w - lr * gradient\n"
        "    if abs(new_w) > 1e6:  # the steps are growing: stop before overflow\n"
        '        print("diverged at step", step)\n'
        "        break\n"
        "    w = new_w\n\n"
        "w"
    )


def descent_code_result(result: Descent1D) -> float:
    """What the last line of :func:`descent_code` evaluates to."""
    if result.path.steps_taken == 0:  # the loop never assigned w: the float literal
        return float(result.w0)
    return as_printed(float(result.w[-1]), result.fn.derivative_code)
