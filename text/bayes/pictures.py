"""Learner text for the pictures (icon array, tree, unit square): counts in words.

Examples
--------
>>> from core.bayes import STORIES, bayes_from_evidence, natural_frequencies
>>> result = bayes_from_evidence(0.3, 0.8, 0.5)
>>> counts = natural_frequencies(result, 1000)
>>> describe_perspective(result, counts, STORIES["ab"], "posterior").split(": ")[-1]
'240 of them have A, so P(A|B) ≈ 240 / 500 = 48 %.'
"""

from __future__ import annotations

from core.bayes import (
    Bayes,
    Counts,
    Perspective,
    Story,
    base_rate_fallacy_bites,
    percent,
)
from text.bayes.theorem import singular_verb


def describe_frequencies(result: Bayes, counts: Counts, story: Story) -> str:
    """The natural-frequency sentence.

    >>> from core.bayes import STORIES, bayes_from_evidence, natural_frequencies
    >>> r = bayes_from_evidence(0.3, 0.8, 0.5)
    >>> describe_frequencies(r, natural_frequencies(r, 1000), STORIES["ab"])
    'Of 1,000 people, 300 have A; 240 of them test positive, and so do 260 of the 700 without A: of the 500 positives, **240 — 48 % — have A**.'
    """
    s = story
    head = f"Of {counts.n:,} {s.unit}, {counts.a:,} {s.has_a}; "
    if counts.a:
        head += f"{counts.a_b:,} of them {s.shows_b}, and so do "
    else:
        head += "so the only ones who " + s.shows_b + " are "
    head += f"{counts.not_a_b:,} of the {counts.not_a:,} {s.without_a}: "
    if counts.b == 0:
        return head + (
            f"none of the {counts.n:,} {s.shows_b} in this picture "
            f"(P(B) = {percent(result.p_b)} is less than one in {counts.n:,}); "
            "choose a larger population."
        )
    shown = counts.a_b / counts.b
    sentence = (
        head
        + f"of the {counts.b:,} {s.positives}, **{counts.a_b:,} — {percent(shown)} — "
        f"{s.has_a}**."
    )
    if percent(shown) != percent(result.p_a_given_b):
        sentence += (
            f" (Counting whole {s.unit} rounds a little: exactly, P(A|B) = "
            f"{percent(result.p_a_given_b)}.)"
        )
    return sentence


def describe_perspective(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> str:
    """What the outlined group in the pictures shows, for each perspective."""
    s = story
    if perspective == "posterior":
        if counts.b == 0:
            return "No case in this picture shows B: choose a larger population."
        return (
            f"**P(A|B)** looks only inside the outlined B group ({counts.b:,} "
            f"{s.positives}): {counts.a_b:,} of them {s.has_a}, so P(A|B) ≈ "
            f"{counts.a_b:,} / {counts.b:,} = {percent(counts.a_b / counts.b)}."
        )
    if perspective == "likelihood":
        if counts.a == 0:
            return "No case in this picture has A, so there is no group to look in."
        return (
            f"**P(B|A)** looks only inside the outlined A group ({counts.a:,} "
            f"{s.unit} that {s.has_a}): {counts.a_b:,} of them {s.shows_b}, so "
            f"P(B|A) ≈ {counts.a_b:,} / {counts.a:,} = "
            f"{percent(counts.a_b / counts.a)}. The same {counts.a_b:,} on top "
            f"as P(A|B), but a different group underneath ({counts.a:,} instead "
            f"of {counts.b:,}): that is why P(B|A) and P(A|B) differ."
        )
    if perspective == "all":
        return (
            f"The whole population of {counts.n:,}: {counts.a_b:,} {s.a} and "
            f"{s.b}, {counts.a_not_b:,} {s.a} and {s.not_b}, {counts.not_a_b:,} "
            f"{s.not_a} and {s.b}, {counts.not_a_not_b:,} {s.not_a} and {s.not_b}. "
            f"P(A) = {counts.a:,}/{counts.n:,} and P(B) = {counts.b:,}/{counts.n:,}; "
            "P(A|B) and P(B|A) each look at one part of it."
        )
    raise ValueError(f"Unknown perspective {perspective!r}.")


def base_rate_note(result: Bayes, counts: Counts, story: Story) -> str | None:
    """Explain the base-rate fallacy when it bites, else ``None``.

    It bites when ``P(B|A)`` is well above ``P(A|B)`` (by 0.1 or more): reading
    the one as the other would overstate the belief
    (:func:`core.bayes.base_rate_fallacy_bites`).
    """
    if not base_rate_fallacy_bites(result) or result.p_b_given_not_a is None:
        return None
    s = story
    return (
        f"**Base-rate fallacy.** It is tempting to read P(B|A) = "
        f"{percent(result.p_b_given_a)} as “a case that {singular_verb(s.shows_b)} "
        f"{singular_verb(s.has_a)} with {percent(result.p_b_given_a)} certainty”. "
        f"But only {percent(result.p_a)} {s.has_a} (the base rate), so the "
        f"{percent(result.p_b_given_not_a)} of the many {s.without_a} who "
        f"{s.shows_b} — {counts.not_a_b:,} of {counts.n:,} — "
        f"{'outnumber' if counts.not_a_b > counts.a_b else 'dilute'} the "
        f"{counts.a_b:,} true ones: the real answer is P(A|B) = "
        f"{percent(result.p_a_given_b)}."
    )
