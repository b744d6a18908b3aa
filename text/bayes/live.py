"""Words of the live icon array (``views/bayes/icons.py``): the readout and caption.

Examples
--------
>>> from core.bayes import bayes_from_evidence, natural_frequencies
>>> result = bayes_from_evidence(0.3, 0.8, 0.5)
>>> icons_readout(0.3, result, natural_frequencies(result, 1000))
'P(A) = 30 % · P(A|B) ≈ 240 of 500 = 48 %'
>>> icons_readout(0.7, None, None, "P(B) must be at least P(B|A)·P(A) = 0.56, not 0.5: …")
'P(A) = 70 % · impossible: P(B) must be at least P(B|A)·P(A) = 0.56, not 0.5'
"""

from __future__ import annotations

from core.bayes import Bayes, Counts, percent

LIVE_CAPTION = (
    "Slide the prior P(A) under the chart (or focus it and use the arrow keys): "
    "the people recolour and the bars of belief move at once."
)


def problem_line(message: str) -> str:
    """The first clause of a ``core`` error: short enough for the chart."""
    return message.split(": ")[0].split(". ")[0]


def icons_readout(
    p_a: float, result: Bayes | None, counts: Counts | None, problem: str = ""
) -> str:
    """One line for the chart during a drag: the prior and the posterior as counts."""
    start = f"P(A) = {percent(p_a)} · "
    if result is None or counts is None:
        return start + "impossible: " + problem_line(problem)
    if counts.b == 0:
        return start + f"nobody shows B · P(A|B) = {percent(result.p_a_given_b)}"
    return (
        start + f"P(A|B) ≈ {counts.a_b:,} of {counts.b:,} = "
        f"{percent(counts.a_b / counts.b)}"
    )
