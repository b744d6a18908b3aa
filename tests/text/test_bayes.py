"""text.bayes: the code panel's code reproduces the page's numbers; formulas and words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import bayes as cb
from tests.cases import all_probabilities
from tests.helpers import run_snippet
from text import bayes as words

probability = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def _default_verdict(message: str = "free money meeting") -> cb.NaiveBayes:
    message_words = cb.parse_message(message)
    return cb.naive_bayes(
        message_words,
        0.5,
        [cb.VOCABULARY[w][0] for w in message_words],
        [cb.VOCABULARY[w][1] for w in message_words],
    )


def test_notebook_cell_8() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    assert result.p_a_given_b == 0.48  # Out[8]: 0.48, exactly
    code = words.bayes_code(result)
    assert code == (
        "P_A = 0.3\nP_B_given_A = 0.8\nP_B = 0.5\n\n"
        "P_A_given_B = (P_B_given_A * P_A) / P_B\nP_A_given_B"
    )
    assert run_snippet(code) == 0.48
    assert repr(words.bayes_code_result(result)) == "0.48"


def test_lower_bound_typed_exactly_is_accepted_and_gives_certainty() -> None:
    # 0.8 * 0.1 is 0.08000000000000002 in floating point: P(B) = 0.08 is still
    # possible, and no posterior above 1 escapes.
    assert 0.8 * 0.1 > 0.08
    result = cb.bayes_from_evidence(0.1, 0.8, 0.08)
    assert result.p_a_given_b == 1.0
    assert result.clipped
    assert result.p_b_given_not_a == 0.0
    assert run_snippet(words.bayes_code(result)) == 1.0


@settings(max_examples=400, deadline=None)
@given(probability, probability, probability)
def test_no_accepted_natural_triple_gives_a_probability_outside_0_1(
    p_a: float, p_b_given_a: float, p_b_given_not_a: float
) -> None:
    if p_b_given_a * p_a + p_b_given_not_a * (1 - p_a) == 0:
        with pytest.raises(ValueError, match="= 0 here"):
            cb.bayes_from_rates(p_a, p_b_given_a, p_b_given_not_a)
        return
    result = cb.bayes_from_rates(p_a, p_b_given_a, p_b_given_not_a)
    for value in all_probabilities(result):
        assert 0.0 <= value <= 1.0
    assert result.joint.sum() == pytest.approx(1.0)
    assert run_snippet(words.bayes_code(result)) == result.p_a_given_b


def test_prior_zero_cannot_be_updated() -> None:
    result = cb.bayes_from_rates(0.0, 0.9, 0.1)
    assert result.p_a_given_b == 0.0
    assert any("P(A) = 0" in note for note in words.edge_cases(result))


def test_prior_one_stays_certain() -> None:
    result = cb.bayes_from_evidence(1.0, 0.6, 0.6)
    assert result.p_a_given_b == 1.0
    assert result.p_b_given_not_a is None
    assert result.likelihood_ratio is None
    assert any("P(A) = 1" in note for note in words.edge_cases(result))


def test_no_false_positives_is_certain_evidence() -> None:
    result = cb.bayes_from_rates(0.1, 0.5, 0.0)
    assert result.p_a_given_b == 1.0
    assert result.likelihood_ratio == math.inf
    assert any("Certain evidence" in note for note in words.edge_cases(result))


def test_evidence_that_always_happens_tells_nothing() -> None:
    result = cb.bayes_from_evidence(0.3, 1.0, 1.0)
    assert result.p_a_given_b == pytest.approx(0.3)
    assert result.p_a_given_not_b is None
    notes = " ".join(words.edge_cases(result))
    assert "P(B) = 1" in notes
    assert "P(B|A) = 1" in notes


def test_evidence_that_rules_a_out() -> None:
    result = cb.bayes_from_rates(0.3, 0.0, 0.4)
    assert result.p_a_given_b == 0.0
    assert any("rules A out" in note for note in words.edge_cases(result))


def test_uninformative_evidence() -> None:
    result = cb.bayes_from_rates(0.3, 0.4, 0.4)
    assert result.p_a_given_b == pytest.approx(0.3)
    assert any("Uninformative" in note for note in words.edge_cases(result))


def test_ordinary_input_has_no_edge_notes() -> None:
    assert words.edge_cases(cb.bayes_from_evidence(0.3, 0.8, 0.5)) == []


def test_the_natural_frequency_sentence() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    sentence = words.describe_frequencies(
        result, cb.natural_frequencies(result, 1000), cb.STORIES["ab"]
    )
    assert sentence.replace("**", "") == (
        "Of 1,000 people, 300 have A; 240 of them test positive, and so do 260 of "
        "the 700 without A: of the 500 positives, 240 — 48 % — have A."
    )


def test_rounded_counts_say_so() -> None:
    result = cb.bayes_from_rates(0.01, 0.9, 0.05)
    sentence = words.describe_frequencies(
        result, cb.natural_frequencies(result, 1000), cb.STORIES["disease"]
    )
    assert "Of 1,000 people, 10 have the disease" in sentence
    assert "exactly, P(A|B) = 15.4 %" in sentence


def test_too_few_people_to_show_any_evidence() -> None:
    result = cb.bayes_from_rates(0.001, 0.5, 0.001)
    sentence = words.describe_frequencies(
        result, cb.natural_frequencies(result, 100), cb.STORIES["ab"]
    )
    assert "choose a larger population" in sentence


def test_base_rate_fallacy_is_explained_when_it_bites() -> None:
    rare = cb.bayes_from_rates(0.01, 0.9, 0.05)
    note = words.base_rate_note(
        rare, cb.natural_frequencies(rare, 10_000), cb.STORIES["disease"]
    )
    assert note is not None
    assert "495 of 10,000" in note
    assert "outnumber the 90 true ones" in note
    assert "P(A|B) = 15.4 %" in note


def test_base_rate_fallacy_is_silent_when_it_does_not_bite() -> None:
    spam = cb.bayes_from_rates(0.4, 0.3, 0.01)  # P(A|B) = 95 % > P(B|A) = 30 %
    assert (
        words.base_rate_note(
            spam, cb.natural_frequencies(spam, 1000), cb.STORIES["spam"]
        )
        is None
    )


def test_perspectives_name_their_groups() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    counts = cb.natural_frequencies(result, 1000)
    story = cb.STORIES["ab"]
    assert "240 / 500 = 48 %" in words.describe_perspective(
        result, counts, story, "posterior"
    )
    assert "240 / 300 = 80 %" in words.describe_perspective(
        result, counts, story, "likelihood"
    )
    assert "440 ¬A and ¬B" in words.describe_perspective(result, counts, story, "all")


def test_formula_shows_the_numbers() -> None:
    assert r"\frac{0.8 \times 0.3}{0.5} = 0.48" in words.bayes_latex(
        cb.bayes_from_evidence(0.3, 0.8, 0.5)
    )
    natural = words.bayes_latex(cb.bayes_from_rates(0.01, 0.9, 0.05))
    assert r"0.9 \times 0.01 + 0.05 \times 0.99 = 0.0585" in natural


def test_describe_bayes_says_which_way_the_belief_moved() -> None:
    story = cb.STORIES["ab"]
    assert "raises it to **P(A|B) = 48 %**" in words.describe_bayes(
        cb.bayes_from_evidence(0.3, 0.8, 0.5), story
    )
    assert "lowers it" in words.describe_bayes(
        cb.bayes_from_rates(0.3, 0.2, 0.6), story
    )
    assert "leaves it" in words.describe_bayes(
        cb.bayes_from_rates(0.3, 0.5, 0.5), story
    )


def test_impossible_result_stops_the_updating() -> None:
    # everyone shows B (P(B|A) = P(B|¬A) = 1): a negative result cannot happen
    seq = cb.update_sequence(cb.bayes_from_rates(0.3, 1.0, 1.0), "+-+")
    assert seq.stopped_at == 1
    assert len(seq.beliefs) == 2
    assert "Result 2 (negative) cannot happen" in words.describe_sequence(
        seq, cb.STORIES["ab"]
    )


@pytest.mark.parametrize(
    "result",
    [
        cb.bayes_from_evidence(0.3, 0.8, 0.5),
        cb.bayes_from_rates(0.01, 0.9, 0.05),
        cb.bayes_from_evidence(1.0, 0.6, 0.6),
        cb.bayes_from_rates(0.3, 1.0, 1.0),
    ],
)
def test_sequence_code_gives_the_page_numbers(result: cb.Bayes) -> None:
    seq = cb.update_sequence(result, "++-")
    assert run_snippet(words.sequence_code(result, seq)) == words.sequence_code_result(
        seq
    )


def test_sequence_formula_has_the_first_step() -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(0.01, 0.9, 0.05), "+")
    assert r"\frac{0.9 \times 0.01}{0.9 \times 0.01 + 0.05 \times 0.99} = 0.1538" in (
        words.sequence_latex(seq)
    )


def test_naive_bayes_code_gives_the_page_number() -> None:
    verdict = _default_verdict()
    value = run_snippet(words.naive_bayes_code(verdict))
    assert value == words.naive_bayes_code_result(verdict)
    assert repr(value) == repr(words.naive_bayes_code_result(verdict))


def test_a_zero_likelihood_vetoes_a_class() -> None:
    verdict = cb.naive_bayes(["free", "lunch"], 0.5, [0.3, 0.0], [0.03, 0.1])
    assert verdict.posterior == 0.0
    assert "vetoes a class" in words.describe_naive_bayes(verdict)


def test_naive_bayes_words() -> None:
    verdict = _default_verdict()
    text = words.describe_naive_bayes(verdict)
    assert "P(spam | message) = 83.3 %" in text
    assert "“meeting” pushes hardest" in text
    latex = words.naive_bayes_latex(verdict)
    assert r"0.5 \times 0.3 \times 0.25 \times 0.02 = 0.00075" in latex
    assert r"0.5 \times 0.03 \times 0.05 \times 0.2 = 0.00015" in latex
    assert r"\frac{0.00075}{0.00075 + 0.00015} = 0.8333" in latex
    tiny = cb.naive_bayes(["winner"], 0.5, [0.2], [0.00001])
    assert r"5 \times 10^{-6}" in words.naive_bayes_latex(tiny)
