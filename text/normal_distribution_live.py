"""Words of the live ``P(a < X < b)`` chart (``views/normal_distribution/interval.py``).

Examples
--------
>>> from core.normal_distribution import interval_probability
>>> import numpy as np
>>> interval = interval_probability(0, 1, -1, 1, np.array([-2.0, 0.0, 0.5, 3.0]))
>>> interval_readout(0, 1, -1, 1, interval)
'μ = 0 · σ = 1 · P(−1 < X < 1) = 0.6827 · draws inside 50 %'
>>> interval_readout(0, 1, 2, 1, None)
'μ = 0 · σ = 1 · a = 2 is not left of b = 1: no interval'
"""

from __future__ import annotations

from core.normal_distribution import IntervalProbability
from core.parsing import display_number

LIVE_CAPTION = (
    "Drag the ends a and b along the x axis, and slide μ and σ under the chart "
    "(or focus one and use the arrow keys): the hatched area and its probability "
    "follow at once."
)
#: Shown instead of the μ and σ sliders under the chart for a big sample.
BIG_SAMPLE_CAPTION = (
    "Drag the ends a and b along the x axis (or focus one and use the arrow keys). "
    "With more than {limit:,} draws, μ and σ move with the sliders on the left only."
)


def interval_readout(
    mu: float,
    sigma: float,
    a: float,
    b: float,
    interval: IntervalProbability | None,
) -> str:
    """One line for the chart during a drag: μ, σ, the probability, the draws' share."""
    start = f"μ = {display_number(mu)} · σ = {display_number(sigma)} · "
    if interval is None:
        return (
            start + f"a = {display_number(a)} is not left of b = "
            f"{display_number(b)}: no interval"
        )
    share = f"{100 * interval.share:.3g} %"
    return (
        start + f"P({display_number(a)} < X < {display_number(b)}) = "
        f"{display_number(interval.probability, 4)} · draws inside {share}"
    )
