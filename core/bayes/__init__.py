"""Bayes' theorem: update a belief P(A) with evidence B.

Two ways in, one result (:mod:`core.bayes.theorem`): the notebook's form
:func:`bayes_from_evidence` (``P(A)``, ``P(B|A)``, ``P(B)``) and the natural
form :func:`bayes_from_rates` (prior, sensitivity, false-positive rate).
Around them: natural frequencies (:mod:`core.bayes.frequencies`), sequential
updating with several results (:mod:`core.bayes.updates`) and a three-word
naive Bayes spam filter (:mod:`core.bayes.naive`).
"""

from __future__ import annotations

from core.bayes.cases import SpecialCase, base_rate_fallacy_bites, special_cases
from core.bayes.frequencies import (
    POPULATIONS,
    STORIES,
    Counts,
    Story,
    natural_frequencies,
)
from core.bayes.naive import (
    MAX_WORDS,
    VOCABULARY,
    NaiveBayes,
    naive_bayes,
    parse_message,
    strongest_word,
    vetoing_words,
)
from core.bayes.theorem import (
    TOLERANCE,
    Bayes,
    Form,
    Perspective,
    bayes,
    bayes_from_evidence,
    bayes_from_rates,
    clip_probability,
    evidence_bounds,
    format_probability,
    input_for_form,
    percent,
)
from core.bayes.updates import MAX_RESULTS, Updates, parse_results, update_sequence

__all__ = [
    "MAX_RESULTS",
    "MAX_WORDS",
    "POPULATIONS",
    "STORIES",
    "TOLERANCE",
    "VOCABULARY",
    "Bayes",
    "Counts",
    "Form",
    "NaiveBayes",
    "Perspective",
    "SpecialCase",
    "Story",
    "Updates",
    "base_rate_fallacy_bites",
    "bayes",
    "bayes_from_evidence",
    "bayes_from_rates",
    "clip_probability",
    "evidence_bounds",
    "format_probability",
    "input_for_form",
    "naive_bayes",
    "natural_frequencies",
    "parse_message",
    "parse_results",
    "percent",
    "special_cases",
    "strongest_word",
    "update_sequence",
    "vetoing_words",
]
