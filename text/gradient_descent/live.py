"""The one-line readouts the gradient-descent live charts show during a drag.

Examples
--------
>>> from core.gradient_descent import Optimiser, descend_1d, race
>>> descent_readout(descend_1d("square", 5, 0.8, 20))
'lr = 0.8 · converges, oscillating · w₀ = 5 → w₂₀ = 0.000183'
>>> race_readout(race("bowl", (3.0, 2.0), [Optimiser("gd", 0.5)], 1))
'start (3, 2) · Gradient descent: reached the minimum'
"""

from __future__ import annotations

from core.gradient_descent import METHODS, Descent1D, Race, distance_to_minimum
from core.gradient_descent.regimes import path_regime
from core.parsing import display_number

#: The regime of a 1-D descent, as the chart says it during a drag.
REGIME_WORDS = {
    "none": "no steps yet",
    "smooth": "converges smoothly",
    "one_step": "one step to the minimum",
    "oscillating": "converges, oscillating",
    "bouncing": "bounces for ever",
    "diverging": "diverges",
    "jumping": "jumps around, never settles",
    "on_its_way": "on its way",
}
#: Under the live 1-D chart.
DESCENT_LIVE_CAPTION = (
    "Drag the start w₀ along the curve, or slide the learning rate under the chart: "
    "the path, the loss at each step and the regime follow as you move, and the "
    "rest of the page when you let go."
)
#: The expander that keeps the step-by-step animation.
PLAY_LABEL = "▶ Play the steps one by one"
#: Under the live 2-D chart.
RACE_LIVE_CAPTION = (
    "Drag the start (the open circle): every optimiser's path follows as you move, "
    "and the numbers below when you let go."
)
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def regime_words(result: Descent1D) -> str:
    """``"converges, oscillating"``, ``"diverges at step 7"``, …"""
    words = REGIME_WORDS[path_regime(result)]
    if result.path.diverged_at is not None:
        words += f" at step {result.path.diverged_at}"
    return words


def descent_readout(result: Descent1D) -> str:
    """``lr = 0.45 · converges smoothly · w₀ = 5 → w₂₀ = 0.012`` (one short line)."""
    k = result.path.steps_taken
    head = f"lr = {display_number(result.lr)} · {regime_words(result)}"
    start = f"w₀ = {display_number(result.w0)}"
    if k == 0:
        return f"{head} · {start}"
    last = display_number(float(result.w[-1]), 3)
    return f"{head} · {start} → w{str(k).translate(_SUBSCRIPTS)} = {last}"


def _race_outcome(r: Race, index: int) -> str:
    path = r.paths[index]
    if path.diverged_at is not None:
        return f"diverged at step {path.diverged_at}"
    distance, best = distance_to_minimum(r.surface, path.final)
    if best is not None and distance < 1e-2:
        return "reached the minimum"
    return f"loss {display_number(float(path.losses[-1]), 3)}"


def race_readout(r: Race) -> str:
    """``start (−3.5, 1.5) · Gradient descent: loss 0.12 · Adam: reached the minimum``."""
    x0, y0 = r.start
    parts = [f"start ({display_number(x0)}, {display_number(y0)})"]
    parts += [
        f"{METHODS[o.method]}: {_race_outcome(r, i)}"
        for i, o in enumerate(r.optimisers)
    ]
    return " · ".join(parts)
