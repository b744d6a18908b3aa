"""What the views of the Bayes page share: the theorem's controls and the presets.

Every view but naive Bayes draws the same inputs (the same ``Param`` objects),
so a value typed in one view is still there in the next.
"""

from __future__ import annotations

from typing import Any

from core import bayes as cb
from ui.url_state import Param

PROBABILITY: dict[str, Any] = {
    "min_value": 0.0,
    "max_value": 1.0,
    "step": 0.01,
    "number_format": "%.3f",
}
#: A probability with a slider only (many of them in a column).
LIKELIHOOD: dict[str, Any] = {**PROBABILITY, "widget": "slider"}

THEOREM = (
    Param.choice(
        "form",
        "Enter",
        "notebook",
        {
            "notebook": "P(A), P(B|A), P(B) — the notebook",
            "natural": "prior, sensitivity, false-positive rate",
        },
        help=(
            "Two ways to describe the same situation. In the natural form P(B) "
            "follows from the others by total probability."
        ),
    ),
    Param.number(
        "p_a",
        "P(A) — prior",
        0.3,
        help="How common A is before any evidence.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b_given_a",
        "P(B|A) — sensitivity",
        0.8,
        help="How often the evidence B shows when A holds.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b",
        "P(B) — evidence",
        0.5,
        help="How often the evidence B shows at all.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b_given_not_a",
        "P(B|¬A) — false-positive rate",
        0.3714,
        help="How often the evidence B shows when A does not hold.",
        **PROBABILITY,
    ),
    Param.choice(
        "story",
        "A and B stand for",
        "ab",
        {key: story.title for key, story in cb.STORIES.items()},
        widget="select",
    ),
)

#: What the icon array, the tree and the unit square add: population and focus.
PICTURES = (
    *THEOREM,
    Param.choice(
        "n",
        "Population",
        "1000",
        {str(n): f"{n:,}" for n in cb.POPULATIONS},
        widget="segmented",
    ),
    Param.choice(
        "perspective",
        "Look at",
        "posterior",
        {
            "posterior": "P(A|B): inside B",
            "likelihood": "P(B|A): inside A",
            "all": "everyone",
        },
        widget="segmented",
        help="The same people seen from three sides: why P(A|B) is not P(B|A).",
    ),
)

#: Presets: each a full URL state (the notebook's one resets every control but the view).
PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "disease": (
        "Disease test",
        {
            "form": "natural",
            "p_a": 0.01,
            "p_b_given_a": 0.9,
            "p_b_given_not_a": 0.05,
            "story": "disease",
            "n": "10000",
        },
    ),
    "spam": (
        "Spam filter",
        {
            "form": "natural",
            "p_a": 0.4,
            "p_b_given_a": 0.3,
            "p_b_given_not_a": 0.01,
            "story": "spam",
            "n": "1000",
        },
    ),
    "factory": (
        "Factory part",
        {
            "form": "natural",
            "p_a": 0.02,
            "p_b_given_a": 0.95,
            "p_b_given_not_a": 0.03,
            "story": "factory",
            "n": "10000",
        },
    ),
}
