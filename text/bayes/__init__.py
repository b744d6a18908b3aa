"""Learner words for the Bayes page: sentences, formulas with numbers, code.

One module per part of the page: the theorem itself (:mod:`text.bayes.theorem`),
the pictures of people (:mod:`text.bayes.pictures`), several tests in a row
(:mod:`text.bayes.updates`) and the naive Bayes filter (:mod:`text.bayes.naive`).
"""

from __future__ import annotations

from text.bayes.naive import (
    NAIVE_ASSUMPTION,
    describe_naive_bayes,
    latex_number,
    naive_bayes_code,
    naive_bayes_code_result,
    naive_bayes_latex,
)
from text.bayes.pictures import (
    base_rate_note,
    describe_frequencies,
    describe_perspective,
)
from text.bayes.theorem import (
    INTRO,
    SPECIAL_CASES,
    bayes_code,
    bayes_code_result,
    bayes_latex,
    describe_bayes,
    describe_bounds,
    describe_total_probability,
    edge_cases,
    singular_verb,
    story_legend,
)
from text.bayes.updates import (
    INDEPENDENT_TESTS,
    describe_sequence,
    sequence_code,
    sequence_code_result,
    sequence_latex,
)

__all__ = [
    "INDEPENDENT_TESTS",
    "INTRO",
    "NAIVE_ASSUMPTION",
    "SPECIAL_CASES",
    "base_rate_note",
    "bayes_code",
    "bayes_code_result",
    "bayes_latex",
    "describe_bayes",
    "describe_bounds",
    "describe_frequencies",
    "describe_naive_bayes",
    "describe_perspective",
    "describe_sequence",
    "describe_total_probability",
    "edge_cases",
    "latex_number",
    "naive_bayes_code",
    "naive_bayes_code_result",
    "naive_bayes_latex",
    "sequence_code",
    "sequence_code_result",
    "sequence_latex",
    "singular_verb",
    "story_legend",
]
