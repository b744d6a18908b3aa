"""Bayes' theorem: the notebook cell, both forms, every bound, counts, updates, naive Bayes.

The learner's words and code for these results are tested in ``tests/text/test_bayes.py``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import bayes as cb
from tests.cases import all_probabilities

probability = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


# -- notebook cell 8 ---------------------------------------------------------------------


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


def test_upper_bound_typed_exactly_is_accepted() -> None:
    result = cb.bayes_from_evidence(0.3, 0.8, 0.94)
    assert result.p_b_given_not_a == pytest.approx(1.0)
    assert result.p_a_given_b == pytest.approx(0.24 / 0.94)


@settings(max_examples=400, deadline=None)
@given(probability, probability, probability)
def test_no_accepted_notebook_triple_gives_a_probability_outside_0_1(
    p_a: float, p_b_given_a: float, p_b: float
) -> None:
    low, high = cb.evidence_bounds(p_a, p_b_given_a)
    # the slack is relative to each bound (issue 16: 1e-10, 1, 1e-11 is impossible)
    slack_low, slack_high = cb.TOLERANCE * low, cb.TOLERANCE * high
    if p_b == 0 or not low - slack_low <= p_b <= high + slack_high:
        with pytest.raises(ValueError, match=r"P\(B\)"):
            cb.bayes_from_evidence(p_a, p_b_given_a, p_b)
        return
    result = cb.bayes_from_evidence(p_a, p_b_given_a, p_b)
    for value in all_probabilities(result):
        assert 0.0 <= value <= 1.0
    assert result.joint.sum() == pytest.approx(1.0)
    # Bayes' theorem itself: P(A|B)·P(B) = P(B|A)·P(A)
    assert result.p_a_given_b * result.p_b == pytest.approx(p_b_given_a * p_a, abs=1e-9)


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


# -- natural frequencies -----------------------------------------------------------------


def test_natural_frequencies_of_the_notebook_cell() -> None:
    counts = cb.natural_frequencies(cb.bayes_from_evidence(0.3, 0.8, 0.5), 1000)
    assert (counts.a_b, counts.a_not_b, counts.not_a_b, counts.not_a_not_b) == (
        240,
        60,
        260,
        440,
    )
    assert (counts.a, counts.not_a, counts.b, counts.not_b) == (300, 700, 500, 500)


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


# -- what the page needs besides the theorem ---------------------------------------------------------


def test_results_name_their_inputs_as_cache_keys() -> None:
    notebook = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    assert notebook.key == cb.bayes_from_evidence(0.3, 0.8, 0.5).key
    assert notebook.key != cb.bayes_from_evidence(0.3, 0.8, 0.6).key
    assert notebook.key != cb.bayes_from_rates(0.3, 0.8, 0.26 / 0.7).key
    counts = cb.natural_frequencies(notebook, 1000)
    assert counts.key == (1000, 240, 60, 260, 440)
    seq = cb.update_sequence(notebook, "+-")
    assert seq.key == cb.update_sequence(notebook, "+-").key
    assert seq.key != cb.update_sequence(notebook, "++").key
    verdict = _default_verdict()
    assert hash(verdict.key) == hash(_default_verdict().key)


def test_inputs_are_the_numbers_typed_in_the_form() -> None:
    assert cb.bayes_from_evidence(0.3, 0.8, 0.5).inputs == {
        "p_a": 0.3,
        "p_b_given_a": 0.8,
        "p_b": 0.5,
    }
    assert cb.bayes_from_rates(0.3, 0.8, 0.1).inputs == {
        "p_a": 0.3,
        "p_b_given_a": 0.8,
        "p_b_given_not_a": 0.1,
    }


def test_switching_form_describes_the_same_situation() -> None:
    notebook = cb.bayes_from_evidence(0.3, 0.8, 0.5)
    assert cb.input_for_form(notebook, "natural") == {"p_b_given_not_a": 0.3714}
    assert cb.input_for_form(notebook, "notebook") == {}
    natural = cb.bayes_from_rates(0.3, 0.8, 0.1)
    assert cb.input_for_form(natural, "notebook") == {"p_b": pytest.approx(0.31)}
    # nobody lacks A: no false-positive rate to carry over
    assert cb.input_for_form(cb.bayes_from_evidence(1.0, 0.6, 0.6), "natural") == {}


def test_a_carried_evidence_stays_inside_its_bounds() -> None:
    # P(B) = 0.00004 rounds to 0 at 4 decimals, below its lower bound 0.00004
    tiny = cb.bayes_from_rates(0.0001, 0.4, 0.0)
    carried = cb.input_for_form(tiny, "notebook")["p_b"]
    low, high = cb.evidence_bounds(0.0001, 0.4)
    assert carried == low
    assert low <= carried <= high
    assert cb.bayes_from_evidence(0.0001, 0.4, carried).p_a_given_b == 1.0


@pytest.mark.parametrize(
    ("result", "cases"),
    [
        (cb.bayes_from_evidence(0.3, 0.8, 0.5), ()),
        (cb.bayes_from_rates(0.0, 0.9, 0.1), ("impossible_prior",)),
        (cb.bayes_from_evidence(1.0, 0.6, 0.6), ("certain_prior",)),
        (cb.bayes_from_rates(0.1, 0.5, 0.0), ("certain_evidence",)),
        (cb.bayes_from_rates(0.3, 0.0, 0.4), ("excluding_evidence",)),
        (cb.bayes_from_evidence(0.3, 1.0, 1.0), ("sure_sign", "constant_evidence")),
        (cb.bayes_from_rates(0.3, 0.4, 0.4), ("uninformative_evidence",)),
    ],
)
def test_special_cases_by_name(result: cb.Bayes, cases: tuple[str, ...]) -> None:
    assert cb.special_cases(result) == cases


def test_base_rate_fallacy_bites_when_the_likelihood_is_well_above_the_posterior() -> (
    None
):
    assert cb.base_rate_fallacy_bites(cb.bayes_from_rates(0.01, 0.9, 0.05))
    assert not cb.base_rate_fallacy_bites(cb.bayes_from_rates(0.4, 0.3, 0.01))
    assert not cb.base_rate_fallacy_bites(cb.bayes_from_evidence(1.0, 0.6, 0.6))


def test_strongest_word_and_vetoes() -> None:
    verdict = _default_verdict()
    # likelihood ratios: free 10, money 5, meeting 0.1: "meeting" is furthest from 1
    word, ratio = cb.strongest_word(verdict)  # type: ignore[misc]
    assert word == "meeting"
    assert ratio == pytest.approx(0.1)
    assert cb.vetoing_words(verdict) == []
    vetoed = cb.naive_bayes(["free", "lunch"], 0.5, [0.3, 0.0], [0.03, 0.1])
    assert cb.vetoing_words(vetoed) == ["lunch"]
    assert cb.strongest_word(cb.naive_bayes(["lunch"], 0.5, [0.0], [0.1])) is None


def test_probabilities_are_never_shown_as_a_false_certainty() -> None:
    assert cb.format_probability(0.48) == "0.48"
    assert cb.format_probability(0.99998) == "0.99998"
    assert cb.format_probability(1.0) == "1"
