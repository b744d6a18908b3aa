"""Learner text for Bayes' theorem itself: intro, formula, sentences, notes, code.

Pure functions of ``core.bayes`` results: no Streamlit, no Plotly.

Examples
--------
>>> from core.bayes import bayes_from_evidence
>>> bayes_code(bayes_from_evidence(0.3, 0.8, 0.5)).splitlines()[-1]
'P_A_given_B'
>>> singular_verb("test positive")
'tests positive'
"""

from __future__ import annotations

import math

from core.bayes import (
    Bayes,
    SpecialCase,
    Story,
    evidence_bounds,
    percent,
    special_cases,
)
from core.bayes import format_probability as prob
from core.parsing import format_number

#: The page's opening paragraph.
INTRO = (
    "**Bayes' theorem** turns how likely the evidence is *given* A into how "
    "likely A is *given* the evidence: P(A|B) = P(B|A)·P(A) / P(B). It is how "
    "a test result, a word in an email or an inspection updates a belief — and "
    "it is used in **naive Bayes classifiers**. Move the probabilities and "
    "watch the people, the tree and the areas. *(Notebook cell 8: P(A) = 0.3, "
    "P(B|A) = 0.8, P(B) = 0.5 gives P(A|B) = 0.48.)*"
)

#: Each named special case of :func:`core.bayes.special_cases`, explained.
SPECIAL_CASES: dict[SpecialCase, str] = {
    "impossible_prior": (
        "**P(A) = 0:** A is impossible before any evidence, and no evidence can "
        "make it possible: P(A|B) = 0 whatever B says. (A prior of exactly 0 "
        "can never be updated — keep a little doubt.)"
    ),
    "certain_prior": (
        "**P(A) = 1:** A is certain already, so P(A|B) = 1 — evidence cannot "
        "change a certainty, and P(B|¬A) plays no part (nobody lacks A)."
    ),
    "certain_evidence": (
        "**Certain evidence:** P(B|¬A) = 0, so B never happens without A — "
        "seeing B proves A: P(A|B) = 1."
    ),
    "excluding_evidence": (
        "**Evidence that rules A out:** P(B|A) = 0, so B never happens with A — "
        "seeing B proves ¬A: P(A|B) = 0."
    ),
    "sure_sign": (
        "**P(B|A) = 1:** every case with A shows B, so a missing B is certain "
        "evidence against A: P(A|¬B) = 0."
    ),
    "constant_evidence": (
        "**P(B) = 1:** the evidence always happens, so it tells you nothing: "
        "P(A|B) = P(A)."
    ),
    "uninformative_evidence": (
        "**Uninformative evidence:** P(B|A) = P(B|¬A), so B is just as likely "
        "with or without A (A and B are independent): P(A|B) = P(A)."
    ),
}


def edge_cases(result: Bayes) -> list[str]:
    """The named special cases the current input falls into, each explained."""
    return [SPECIAL_CASES[case] for case in special_cases(result)]


def singular_verb(verb_phrase: str) -> str:
    """``test positive`` -> ``tests positive`` (third person, for one case)."""
    first, _, rest = verb_phrase.partition(" ")
    singular = {"have": "has", "are": "is", "contain": "contains", "fail": "fails"}
    word = singular.get(first, first + "s")
    return f"{word} {rest}".strip()


def describe_bounds(p_a: float, p_b_given_a: float) -> str:
    """The range of possible ``P(B)`` in words, shown under the P(B) control.

    >>> describe_bounds(0.3, 0.8)
    'Possible with this P(A) and P(B|A): 0.24 ≤ P(B) ≤ 0.94, and P(B) > 0.'
    """
    low, high = evidence_bounds(p_a, p_b_given_a)
    return (
        f"Possible with this P(A) and P(B|A): {prob(low)} ≤ P(B) ≤ {prob(high)}, "
        "and P(B) > 0."
    )


def describe_total_probability(result: Bayes) -> str:
    """How the natural form gets ``P(B)``, with today's number."""
    return (
        f"P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A)) = "
        f"{format_number(result.p_b, 4)} by total probability."
    )


def story_legend(story: Story) -> str:
    """``A = has the disease · B = tests positive`` (empty for the plain A/B story)."""
    if story.a == "A":
        return ""
    return (
        f"**A** = {story.a} ({story.has_a}) · **B** = {story.b} "
        f"({story.unit} that {story.shows_b})"
    )


def bayes_latex(result: Bayes) -> str:
    """The formula with today's numbers: ``P(A|B) = 0.8 × 0.3 / 0.5 = 0.48``."""
    num = rf"{prob(result.p_b_given_a)} \times {prob(result.p_a)}"
    lines = []
    if result.form == "natural":
        lines.append(
            r"P(B) &= P(B\mid A)\,P(A) + P(B\mid \neg A)\,\bigl(1 - P(A)\bigr) \\"
        )
        lines.append(
            rf"&= {num} + {prob(result.p_b_given_not_a or 0.0)} \times "
            rf"{prob(result.p_not_a)} = {prob(result.p_b)} \\"
        )
    lines.append(
        r"P(A\mid B) &= \frac{P(B\mid A)\,P(A)}{P(B)}"
        rf" = \frac{{{num}}}{{{prob(result.p_b)}}} = {prob(result.p_a_given_b)}"
    )
    return r"\begin{aligned}" + "\n".join(lines) + r"\end{aligned}"


def describe_bayes(result: Bayes, story: Story) -> str:
    """What the evidence did to the belief, in one or two sentences."""
    before, after = percent(result.p_a), percent(result.p_a_given_b)
    if result.p_a_given_b > result.p_a + 1e-12:
        move = f"raises it to **P(A|B) = {after}**"
    elif result.p_a_given_b < result.p_a - 1e-12:
        move = f"lowers it to **P(A|B) = {after}**"
    else:
        move = f"leaves it at **P(A|B) = {after}**"
    text = (
        f"Before the evidence, P(A) = {before} of {story.unit} {story.has_a}. "
        f"Learning that one of them {singular_verb(story.shows_b)} {move}"
    )
    ratio = result.likelihood_ratio
    if ratio is None or result.p_a in (0.0, 1.0):
        return text + "."
    if math.isinf(ratio):
        return text + ": B never happens without A (P(B|¬A) = 0)."
    return text + (
        f": B is {format_number(ratio, 3)} times as likely with A as without "
        f"(P(B|A) = {prob(result.p_b_given_a)} against P(B|¬A) = "
        f"{prob(result.p_b_given_not_a or 0.0)})."
    )


def bayes_code(result: Bayes) -> str:
    """The notebook's cell with today's numbers (natural form: P(B) computed first)."""
    lines = [f"P_A = {format_number(result.p_a)}"]
    lines.append(f"P_B_given_A = {format_number(result.p_b_given_a)}")
    if result.form == "notebook":
        lines.append(f"P_B = {format_number(result.p_b)}")
    else:
        false_pos = result.p_b_given_not_a
        lines.append(
            f"P_B_given_not_A = {format_number(false_pos if false_pos is not None else 0.0)}"
        )
        lines.append("")
        lines.append("# total probability: B with A plus B without A")
        lines.append("P_B = P_B_given_A * P_A + P_B_given_not_A * (1 - P_A)")
    lines.append("")
    lines.append("P_A_given_B = (P_B_given_A * P_A) / P_B")
    if result.clipped:
        lines.append(
            "P_A_given_B = min(P_A_given_B, 1.0)  # P(B) sits on its lower bound: "
            "clip rounding noise"
        )
    lines.append("P_A_given_B")
    return "\n".join(lines)


def bayes_code_result(result: Bayes) -> float:
    """What the last line of :func:`bayes_code` evaluates to."""
    return result.p_a_given_b
