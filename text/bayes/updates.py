"""Learner text for sequential updating: how the belief moved, the rule, the loop.

Examples
--------
>>> from core.bayes import STORIES, bayes_from_rates, update_sequence
>>> seq = update_sequence(bayes_from_rates(0.5, 0.8, 0.2), "+")
>>> describe_sequence(seq, STORIES["ab"]).split(";")[0]
'Start: P(A) = 50 %'
"""

from __future__ import annotations

from core.bayes import Bayes, Story, Updates, percent
from core.bayes import format_probability as prob
from core.parsing import format_number

#: Why the results may simply be chained.
INDEPENDENT_TESTS = (
    "The tests are assumed **independent given A**: knowing A, one result says "
    "nothing about the next (a retest of the same faulty sample would break this)."
)


def describe_sequence(seq: Updates, story: Story) -> str:
    """How the belief moved, result by result (the same words for every story)."""
    parts = [f"Start: P(A) = {percent(float(seq.beliefs[0]))}"]
    for index, belief in enumerate(seq.beliefs[1:], start=1):
        word = "positive" if seq.results[index - 1] == "+" else "negative"
        parts.append(f"after result {index} ({word}): {percent(float(belief))}")
    text = "; ".join(parts) + "."
    if seq.stopped_at is not None:
        word = "positive" if seq.results[seq.stopped_at] == "+" else "negative"
        text += (
            f" Result {seq.stopped_at + 1} ({word}) cannot happen any more: its "
            "probability given what is known is 0, so the updating stops there."
        )
    elif seq.p_b_given_not_a > 0 and seq.p_b_given_a > 0:
        ratio = seq.p_b_given_a / seq.p_b_given_not_a
        text += (
            f" Each positive multiplies the odds of A by P(B|A)/P(B|¬A) = "
            f"{format_number(ratio, 3)}; the posterior after one result is the "
            "prior for the next."
        )
    return text


def sequence_latex(seq: Updates) -> str:
    """The update rule with the first step's numbers."""
    p0 = prob(float(seq.beliefs[0]))
    # the previous belief has a short name and its own line: on one line the rule
    # ran past a laptop's column
    rule = (
        r"P(A\mid B_1,\dots,B_k) = \frac{P(B_k\mid A)\,p}"
        r"{P(B_k\mid A)\,p + P(B_k\mid\neg A)\,(1-p)}"
        r" \\ \text{with } p = P(A\mid B_1,\dots,B_{k-1})"
    )
    if len(seq.beliefs) < 2:
        return rf"\begin{{gathered}}{rule}\end{{gathered}}"
    like, false_pos = (
        (seq.p_b_given_a, seq.p_b_given_not_a)
        if seq.results[0] == "+"
        else (1 - seq.p_b_given_a, 1 - seq.p_b_given_not_a)
    )
    first = (
        rf"P(A\mid B_1) = \frac{{{prob(like)} \times {p0}}}{{{prob(like)} \times {p0}"
        rf" + {prob(false_pos)} \times {prob(1 - float(seq.beliefs[0]))}}}"
        rf" = {prob(float(seq.beliefs[1]))}"
    )
    return rf"\begin{{gathered}}{rule} \\ {first}\end{{gathered}}"


def sequence_code(result: Bayes, seq: Updates) -> str:
    """Loop code, in the notebook's style, that gives the page's beliefs."""
    lines = [
        f"P_A = {format_number(result.p_a)}",
        f"P_B_given_A = {format_number(result.p_b_given_a)}",
    ]
    if result.form == "notebook" and result.p_b_given_not_a is not None:
        lines += [
            f"P_B = {format_number(result.p_b)}",
            "# the false-positive rate implied by P(B)",
            "P_B_given_not_A = min(max((P_B - P_B_given_A * P_A) / (1 - P_A), 0.0), 1.0)",
        ]
    else:
        lines.append(f"P_B_given_not_A = {format_number(seq.p_b_given_not_a)}")
    lines += [
        f"results = {list(seq.results)!r}  # + positive, - negative",
        "",
        "belief = P_A",
        "beliefs = [belief]",
        "for r in results:",
        "    if r == '+':",
        "        with_A, without_A = P_B_given_A, P_B_given_not_A",
        "    else:",
        "        with_A, without_A = 1 - P_B_given_A, 1 - P_B_given_not_A",
        "    evidence = with_A * belief + without_A * (1 - belief)",
        "    if evidence <= 0:  # this result cannot happen any more",
        "        break",
        "    belief = min(max(with_A * belief / evidence, 0.0), 1.0)  # the posterior becomes the prior",
        "    beliefs.append(belief)",
        "beliefs",
    ]
    return "\n".join(lines)


def sequence_code_result(seq: Updates) -> list[float]:
    """What the last line of :func:`sequence_code` evaluates to."""
    return [float(b) for b in seq.beliefs]
