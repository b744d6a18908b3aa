"""Bayes' theorem: the notebook cell, both forms, every bound, counts, updates, naive Bayes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import bayes as cb
from tests.helpers import run_snippet

probability = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


# -- notebook cell 8 ---------------------------------------------------------------------


def test_notebook_cell_8() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    assert result.p_a_given_b == 0.48  # Out[8]: 0.48, exactly
    code = cb.bayes_code(result)
    assert code == (
        "P_A = 0.3\nP_B_given_A = 0.8\nP_B = 0.5\n\n"
        "P_A_given_B = (P_B_given_A * P_A) / P_B\nP_A_given_B"
    )
    assert run_snippet(code) == 0.48
    assert repr(cb.bayes_code_result(result)) == "0.48"


def test_notebook_cell_implies_its_false_positive_rate() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    # P(B) = 0.24 + P(B|¬A)·0.7 = 0.5, so P(B|¬A) = 0.26 / 0.7
    assert result.p_b_given_not_a == pytest.approx(0.26 / 0.7)
    np.testing.assert_allclose(result.joint, [[0.24, 0.06], [0.26, 0.44]])
    assert result.p_a_given_not_b == pytest.approx(0.06 / 0.5)


# -- hand-checked values and identities ----------------------------------------------------


def test_rare_disease_by_hand() -> None:
    result = cb.bayes_from_rates(0.01, 0.9, 0.05)
    assert result.p_b == pytest.approx(0.009 + 0.0495)
    assert result.p_a_given_b == pytest.approx(0.009 / 0.0585)
    assert result.likelihood_ratio == pytest.approx(18)


def test_both_forms_describe_the_same_situation() -> None:
    natural = cb.bayes_from_rates(0.2, 0.7, 0.1)
    notebook = cb.bayes_from_evidence(0.2, 0.7, natural.p_b)
    assert notebook.p_a_given_b == pytest.approx(natural.p_a_given_b)
    assert notebook.p_b_given_not_a == pytest.approx(0.1)


def test_bayes_dispatches_on_form() -> None:
    assert cb.bayes("notebook", 0.3, 0.8, 0.5, 0.9).p_a_given_b == 0.48
    assert cb.bayes("natural", 0.3, 0.8, 0.9, 0.0).p_a_given_b == 1.0
    with pytest.raises(ValueError, match="form must be"):
        cb.bayes("other", 0.3, 0.8, 0.5, 0.5)  # type: ignore[arg-type]


def test_evidence_bounds_by_hand() -> None:
    assert cb.evidence_bounds(0.3, 0.8) == (0.24, 0.94)
    assert cb.evidence_bounds(0.0, 0.5) == (0.0, 1.0)
    assert cb.evidence_bounds(1.0, 0.5) == (0.5, 0.5)


# -- every bound -------------------------------------------------------------------------------


def test_p_b_below_its_lower_bound_names_the_bound() -> None:
    with pytest.raises(
        ValueError, match=r"P\(B\) must be at least P\(B\|A\)·P\(A\) = 0\.24"
    ):
        cb.bayes_from_evidence(0.3, 0.8, 0.2)


def test_p_b_above_its_upper_bound_names_the_bound() -> None:
    with pytest.raises(
        ValueError,
        match=r"P\(B\) must be at most P\(B\|A\)·P\(A\) \+ 1 − P\(A\) = 0\.9",
    ):
        cb.bayes_from_evidence(0.5, 0.8, 0.95)


def test_p_b_zero_is_named() -> None:
    with pytest.raises(
        ValueError, match=r"P\(B\) = 0 means the evidence B never happens"
    ):
        cb.bayes_from_evidence(0.0, 0.8, 0.0)
    with pytest.raises(ValueError, match=r"at least P\(B\|A\)·P\(A\) = 0\.24"):
        cb.bayes_from_evidence(0.3, 0.8, 0.0)


def test_natural_form_with_no_evidence_at_all() -> None:
    with pytest.raises(
        ValueError, match=r"P\(B\) = P\(B\|A\)·P\(A\) \+ P\(B\|¬A\)·\(1 − P\(A\)\) = 0"
    ):
        cb.bayes_from_rates(0.0, 0.9, 0.0)
    with pytest.raises(ValueError, match="never happens"):
        cb.bayes_from_rates(1.0, 0.0, 0.7)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.2, 0.8, 0.5), r"P\(A\) must be at most 1, not 1\.2"),
        ((-0.1, 0.8, 0.5), r"P\(A\) must be at least 0, not -0\.1"),
        ((0.3, 1.5, 0.5), r"P\(B\|A\) must be at most 1"),
        ((0.3, 0.8, 2), r"P\(B\) must be at most 1"),
        ((math.nan, 0.8, 0.5), r"P\(A\) must be a finite number"),
        (("lots", 0.8, 0.5), r"P\(A\) must be a number, not 'lots'"),
    ],
)
def test_not_a_probability(args: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cb.bayes_from_evidence(*args)


def test_false_positive_rate_must_be_a_probability() -> None:
    with pytest.raises(ValueError, match=r"P\(B\|¬A\) must be at most 1"):
        cb.bayes_from_rates(0.3, 0.8, 1.01)


def test_lower_bound_typed_exactly_is_accepted_and_gives_certainty() -> None:
    # 0.8 * 0.1 is 0.08000000000000002 in floating point: P(B) = 0.08 is still
    # possible, and no posterior above 1 escapes.
    assert 0.8 * 0.1 > 0.08
    result = cb.bayes_from_evidence(0.1, 0.8, 0.08)
    assert result.p_a_given_b == 1.0
    assert result.clipped
    assert result.p_b_given_not_a == 0.0
    assert run_snippet(cb.bayes_code(result)) == 1.0


def test_upper_bound_typed_exactly_is_accepted() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.94)
    assert result.p_b_given_not_a == pytest.approx(1.0)
    assert result.p_a_given_b == pytest.approx(0.24 / 0.94)


def _all_probabilities(result: cb.Bayes) -> list[float]:
    values = [
        result.p_a,
        result.p_b_given_a,
        result.p_b,
        result.p_a_given_b,
        result.p_not_a_given_b,
        result.p_not_b,
        *result.joint.ravel(),
    ]
    for optional in (result.p_b_given_not_a, result.p_a_given_not_b):
        if optional is not None:
            values.append(optional)
    return values


@settings(max_examples=400, deadline=None)
@given(probability, probability, probability)
def test_no_accepted_notebook_triple_gives_a_probability_outside_0_1(
    p_a: float, p_b_given_a: float, p_b: float
) -> None:
    low, high = cb.evidence_bounds(p_a, p_b_given_a)
    if p_b == 0 or not low - cb.TOLERANCE <= p_b <= high + cb.TOLERANCE:
        with pytest.raises(ValueError, match=r"P\(B\)"):
            cb.bayes_from_evidence(p_a, p_b_given_a, p_b)
        return
    result = cb.bayes_from_evidence(p_a, p_b_given_a, p_b)
    for value in _all_probabilities(result):
        assert 0.0 <= value <= 1.0
    assert result.joint.sum() == pytest.approx(1.0)
    # Bayes' theorem itself: P(A|B)·P(B) = P(B|A)·P(A)
    assert result.p_a_given_b * result.p_b == pytest.approx(p_b_given_a * p_a, abs=1e-9)


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
    for value in _all_probabilities(result):
        assert 0.0 <= value <= 1.0
    assert result.joint.sum() == pytest.approx(1.0)
    assert run_snippet(cb.bayes_code(result)) == result.p_a_given_b


@settings(max_examples=200, deadline=None)
@given(probability, probability, probability)
def test_triples_inside_the_bounds_are_accepted(
    p_a: float, p_b_given_a: float, share: float
) -> None:
    low, high = cb.evidence_bounds(p_a, p_b_given_a)
    p_b = low + share * (high - low)
    if p_b == 0:
        return
    result = cb.bayes_from_evidence(p_a, p_b_given_a, p_b)
    assert 0.0 <= result.p_a_given_b <= 1.0


# -- edge cases -----------------------------------------------------------------------------


def test_prior_zero_cannot_be_updated() -> None:
    result = cb.bayes_from_rates(0.0, 0.9, 0.1)
    assert result.p_a_given_b == 0.0
    assert any("P(A) = 0" in note for note in cb.edge_cases(result))


def test_prior_one_stays_certain() -> None:
    result = cb.bayes_from_evidence(1.0, 0.6, 0.6)
    assert result.p_a_given_b == 1.0
    assert result.p_b_given_not_a is None
    assert result.likelihood_ratio is None
    assert any("P(A) = 1" in note for note in cb.edge_cases(result))


def test_no_false_positives_is_certain_evidence() -> None:
    result = cb.bayes_from_rates(0.1, 0.5, 0.0)
    assert result.p_a_given_b == 1.0
    assert result.likelihood_ratio == math.inf
    assert any("Certain evidence" in note for note in cb.edge_cases(result))


def test_evidence_that_always_happens_tells_nothing() -> None:
    result = cb.bayes_from_evidence(0.3, 1.0, 1.0)
    assert result.p_a_given_b == pytest.approx(0.3)
    assert result.p_a_given_not_b is None
    notes = " ".join(cb.edge_cases(result))
    assert "P(B) = 1" in notes
    assert "P(B|A) = 1" in notes


def test_evidence_that_rules_a_out() -> None:
    result = cb.bayes_from_rates(0.3, 0.0, 0.4)
    assert result.p_a_given_b == 0.0
    assert any("rules A out" in note for note in cb.edge_cases(result))


def test_uninformative_evidence() -> None:
    result = cb.bayes_from_rates(0.3, 0.4, 0.4)
    assert result.p_a_given_b == pytest.approx(0.3)
    assert any("Uninformative" in note for note in cb.edge_cases(result))


def test_ordinary_input_has_no_edge_notes() -> None:
    assert cb.edge_cases(cb.bayes_from_evidence(0.3, 0.8, 0.5)) == []


# -- natural frequencies and words -----------------------------------------------------------------


def test_natural_frequencies_of_the_notebook_cell() -> None:
    counts = cb.natural_frequencies(cb.bayes_from_evidence(0.3, 0.8, 0.5), 1000)
    assert (counts.a_b, counts.a_not_b, counts.not_a_b, counts.not_a_not_b) == (
        240,
        60,
        260,
        440,
    )
    assert (counts.a, counts.not_a, counts.b, counts.not_b) == (300, 700, 500, 500)


def test_the_natural_frequency_sentence() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    sentence = cb.describe_frequencies(
        result, cb.natural_frequencies(result, 1000), cb.STORIES["ab"]
    )
    assert sentence.replace("**", "") == (
        "Of 1,000 people, 300 have A; 240 of them test positive, and so do 260 of "
        "the 700 without A: of the 500 positives, 240 — 48 % — have A."
    )


def test_rounded_counts_say_so() -> None:
    result = cb.bayes_from_rates(0.01, 0.9, 0.05)
    sentence = cb.describe_frequencies(
        result, cb.natural_frequencies(result, 1000), cb.STORIES["disease"]
    )
    assert "Of 1,000 people, 10 have the disease" in sentence
    assert "exactly, P(A|B) = 15.4 %" in sentence


def test_too_few_people_to_show_any_evidence() -> None:
    result = cb.bayes_from_rates(0.001, 0.5, 0.001)
    sentence = cb.describe_frequencies(
        result, cb.natural_frequencies(result, 100), cb.STORIES["ab"]
    )
    assert "choose a larger population" in sentence


@settings(max_examples=200, deadline=None)
@given(probability, probability, probability, st.sampled_from(cb.POPULATIONS))
def test_counts_add_up_and_stay_within_one_of_exact(
    p_a: float, like: float, false_pos: float, n: int
) -> None:
    try:
        result = cb.bayes_from_rates(p_a, like, false_pos)
    except ValueError:
        return
    counts = cb.natural_frequencies(result, n)
    cells = np.array([counts.a_b, counts.a_not_b, counts.not_a_b, counts.not_a_not_b])
    assert cells.sum() == n
    assert np.all(cells >= 0)
    assert np.all(np.abs(cells - result.joint.ravel() * n) < 1 + 1e-6)


def test_population_must_be_one_of_the_offered_sizes() -> None:
    with pytest.raises(
        ValueError, match="population must be one of 100, 1,000, 10,000"
    ):
        cb.natural_frequencies(cb.bayes_from_evidence(0.3, 0.8, 0.5), 500)


def test_percentages_for_sentences() -> None:
    assert cb.percent(0.48) == "48 %"
    assert cb.percent(0.15384) == "15.4 %"
    assert cb.percent(0.0005) == "0.05 %"
    assert cb.percent(0.0) == "0 %"


def test_base_rate_fallacy_is_explained_when_it_bites() -> None:
    rare = cb.bayes_from_rates(0.01, 0.9, 0.05)
    note = cb.base_rate_note(
        rare, cb.natural_frequencies(rare, 10_000), cb.STORIES["disease"]
    )
    assert note is not None
    assert "495 of 10,000" in note
    assert "outnumber the 90 true ones" in note
    assert "P(A|B) = 15.4 %" in note


def test_base_rate_fallacy_is_silent_when_it_does_not_bite() -> None:
    spam = cb.bayes_from_rates(0.4, 0.3, 0.01)  # P(A|B) = 95 % > P(B|A) = 30 %
    assert (
        cb.base_rate_note(spam, cb.natural_frequencies(spam, 1000), cb.STORIES["spam"])
        is None
    )


def test_perspectives_name_their_groups() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    counts = cb.natural_frequencies(result, 1000)
    story = cb.STORIES["ab"]
    assert "240 / 500 = 48 %" in cb.describe_perspective(
        result, counts, story, "posterior"
    )
    assert "240 / 300 = 80 %" in cb.describe_perspective(
        result, counts, story, "likelihood"
    )
    assert "440 ¬A and ¬B" in cb.describe_perspective(result, counts, story, "all")


def test_formula_shows_the_numbers() -> None:
    assert r"\frac{0.8 \times 0.3}{0.5} = 0.48" in cb.bayes_latex(
        cb.bayes_from_evidence(0.3, 0.8, 0.5)
    )
    natural = cb.bayes_latex(cb.bayes_from_rates(0.01, 0.9, 0.05))
    assert r"0.9 \times 0.01 + 0.05 \times 0.99 = 0.0585" in natural


def test_describe_bayes_says_which_way_the_belief_moved() -> None:
    story = cb.STORIES["ab"]
    assert "raises it to **P(A|B) = 48 %**" in cb.describe_bayes(
        cb.bayes_from_evidence(0.3, 0.8, 0.5), story
    )
    assert "lowers it" in cb.describe_bayes(cb.bayes_from_rates(0.3, 0.2, 0.6), story)
    assert "leaves it" in cb.describe_bayes(cb.bayes_from_rates(0.3, 0.5, 0.5), story)


# -- sequential updating ------------------------------------------------------------------------------


def test_three_positive_results_by_hand() -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(0.01, 0.9, 0.05), "+++")
    expected = [0.01]
    for _ in range(3):
        p = expected[-1]
        expected.append(0.9 * p / (0.9 * p + 0.05 * (1 - p)))
    np.testing.assert_allclose(seq.beliefs, expected)
    assert seq.stopped_at is None


def test_first_update_is_the_single_posterior() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    seq = cb.update_sequence(result, "+")
    assert seq.beliefs[1] == pytest.approx(result.p_a_given_b)
    negative = cb.update_sequence(result, "-")
    assert negative.beliefs[1] == pytest.approx(result.p_a_given_not_b)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.01, 0.99),
    st.floats(0.01, 0.99),
    st.floats(0.01, 0.99),
    st.integers(1, cb.MAX_RESULTS),
)
def test_odds_multiply_by_the_likelihood_ratio(
    p_a: float, like: float, false_pos: float, k: int
) -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(p_a, like, false_pos), "+" * k)
    final = seq.beliefs[-1]
    odds = p_a / (1 - p_a) * (like / false_pos) ** k
    assert final == pytest.approx(odds / (1 + odds), rel=1e-9, abs=1e-12)


def test_order_of_results_does_not_matter() -> None:
    result = cb.bayes_from_rates(0.2, 0.85, 0.1)
    a = cb.update_sequence(result, "+-+")
    b = cb.update_sequence(result, "-++")
    assert a.beliefs[-1] == pytest.approx(b.beliefs[-1])


def test_impossible_result_stops_the_updating() -> None:
    # everyone shows B (P(B|A) = P(B|¬A) = 1): a negative result cannot happen
    seq = cb.update_sequence(cb.bayes_from_rates(0.3, 1.0, 1.0), "+-+")
    assert seq.stopped_at == 1
    assert len(seq.beliefs) == 2
    assert "Result 2 (negative) cannot happen" in cb.describe_sequence(
        seq, cb.STORIES["ab"]
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Results are empty"),
        ("++x", "'x' is neither"),
        ("+" * (cb.MAX_RESULTS + 1), f"at most {cb.MAX_RESULTS} tests"),
    ],
)
def test_bad_results(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cb.parse_results(text)


def test_results_accept_spaces_commas_and_typographic_minus() -> None:
    assert cb.parse_results("+, + −") == ("+", "+", "-")


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
    assert run_snippet(cb.sequence_code(result, seq)) == cb.sequence_code_result(seq)


def test_sequence_formula_has_the_first_step() -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(0.01, 0.9, 0.05), "+")
    assert r"\frac{0.9 \times 0.01}{0.9 \times 0.01 + 0.05 \times 0.99} = 0.1538" in (
        cb.sequence_latex(seq)
    )


# -- naive Bayes ------------------------------------------------------------------------------------


def _default_verdict(message: str = "free money meeting") -> cb.NaiveBayes:
    words = cb.parse_message(message)
    return cb.naive_bayes(
        words,
        0.5,
        [cb.VOCABULARY[w][0] for w in words],
        [cb.VOCABULARY[w][1] for w in words],
    )


def test_naive_bayes_by_hand() -> None:
    verdict = _default_verdict()
    spam = 0.5 * 0.30 * 0.25 * 0.02
    genuine = 0.5 * 0.03 * 0.05 * 0.20
    assert verdict.spam_score == pytest.approx(spam)
    assert verdict.posterior == pytest.approx(spam / (spam + genuine))
    assert verdict.steps[-1] == verdict.posterior


def test_naive_bayes_against_log_space() -> None:
    verdict = _default_verdict("winner lunch project")
    log_spam = math.log(0.5) + sum(math.log(cb.VOCABULARY[w][0]) for w in verdict.words)
    log_ham = math.log(0.5) + sum(math.log(cb.VOCABULARY[w][1]) for w in verdict.words)
    expected = 1 / (1 + math.exp(log_ham - log_spam))
    assert verdict.posterior == pytest.approx(expected)


def test_each_word_is_one_bayes_update() -> None:
    verdict = _default_verdict()
    one_word = cb.bayes_from_rates(
        0.5, 0.30, 0.03
    )  # "free": sensitivity and false-positive rate
    assert verdict.steps[1] == pytest.approx(one_word.p_a_given_b)


def test_naive_bayes_code_gives_the_page_number() -> None:
    verdict = _default_verdict()
    value = run_snippet(cb.naive_bayes_code(verdict))
    assert value == cb.naive_bayes_code_result(verdict)
    assert repr(value) == repr(cb.naive_bayes_code_result(verdict))


def test_a_zero_likelihood_vetoes_a_class() -> None:
    verdict = cb.naive_bayes(["free", "lunch"], 0.5, [0.3, 0.0], [0.03, 0.1])
    assert verdict.posterior == 0.0
    assert "vetoes a class" in cb.describe_naive_bayes(verdict)


def test_zero_in_both_classes_is_explained() -> None:
    with pytest.raises(ValueError, match="Laplace smoothing"):
        cb.naive_bayes(["free", "lunch"], 0.5, [0.3, 0.0], [0.0, 0.1])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The message is empty"),
        ("free hello", "“hello” is not in this small vocabulary"),
        ("free money free lunch", "at most 3"),
    ],
)
def test_bad_messages(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cb.parse_message(text)


def test_likelihoods_must_match_the_words() -> None:
    with pytest.raises(ValueError, match="one likelihood per word"):
        cb.naive_bayes(["free", "money"], 0.5, [0.3], [0.03, 0.05])
    with pytest.raises(ValueError, match=r"P\(free\|spam\) must be at most 1"):
        cb.naive_bayes(["free"], 0.5, [3.0], [0.03])


def test_naive_bayes_words() -> None:
    verdict = _default_verdict()
    text = cb.describe_naive_bayes(verdict)
    assert "P(spam | message) = 83.3 %" in text
    assert "“meeting” pushes hardest" in text
    latex = cb.naive_bayes_latex(verdict)
    assert r"0.5 \times 0.3 \times 0.25 \times 0.02 = 0.00075" in latex
    assert r"0.5 \times 0.03 \times 0.05 \times 0.2 = 0.00015" in latex
    assert r"\frac{0.00075}{0.00075 + 0.00015} = 0.8333" in latex
    tiny = cb.naive_bayes(["winner"], 0.5, [0.2], [0.00001])
    assert r"5 \times 10^{-6}" in cb.naive_bayes_latex(tiny)
