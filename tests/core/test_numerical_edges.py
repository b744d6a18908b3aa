"""Issue 16, item 7: relative tolerances, log space and accurate tails, class by class.

Each test covers a class of inputs (several scales), not only the issue's example.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import correlation as corr
from core import descriptive_statistics as ds
from core import equations as eq
from core import normal_distribution as nd
from core import vectors as vec
from core.bayes import bayes_from_evidence, bayes_from_rates, naive_bayes, special_cases
from core.gradient_descent import Optimiser, race
from core.loss_functions import compare_losses, fit_line, huber_line, typed_dataset
from core.matrices import plane_map
from core.parsing import parse_matrix, parse_number, parse_vector
from text import descriptive_statistics as ds_text
from text import normal_distribution as nd_text
from text.bayes import naive as nb_text

SCALES = (1e-3, 1e-10, 1e-100, 1e-300)

# -- Bayes: the bounds on P(B) are checked with a slack relative to the bound ---------------


@pytest.mark.parametrize("scale", SCALES)
def test_an_impossible_evidence_is_refused_at_every_scale(scale: float) -> None:
    # P(B) ≥ P(B|A)·P(A) = scale, so P(B) = scale / 10 is impossible
    with pytest.raises(ValueError, match=r"P\(B\) must be at least P\(B\|A\)·P\(A\)"):
        bayes_from_evidence(scale, 1.0, scale / 10)


def test_the_issue_triple_is_refused() -> None:
    with pytest.raises(ValueError, match=r"P\(A\|B\) would come out above 1"):
        bayes_from_evidence(1e-10, 1.0, 1e-11)


@pytest.mark.parametrize("scale", SCALES)
def test_evidence_typed_on_its_bound_is_still_accepted(scale: float) -> None:
    # 0.8 * scale rounds; typing the bound itself must still be possible
    result = bayes_from_evidence(scale, 0.8, 0.8 * scale * (1 - 1e-12))
    assert result.p_a_given_b == 1.0


@pytest.mark.parametrize("scale", [1e-3, 1e-10, 1e-14])
def test_the_upper_bound_is_relative_too(scale: float) -> None:
    # P(A) = 1 − scale and P(B|A) = 0: B can cover at most 1 − P(A) ≈ scale
    p_a = 1 - scale
    with pytest.raises(ValueError, match=r"P\(B\) must be at most"):
        bayes_from_evidence(p_a, 0.0, 10 * (1 - p_a))


@pytest.mark.parametrize("scale", SCALES)
def test_a_likelihood_ratio_of_100_is_not_called_uninformative(scale: float) -> None:
    result = bayes_from_rates(0.5, scale, scale / 100)
    assert "uninformative_evidence" not in special_cases(result)
    assert "uninformative_evidence" in special_cases(bayes_from_rates(0.5, 0.3, 0.3))


# -- correlation: spread at the level of rounding is no spread --------------------------------


def test_the_issue_near_constant_list_has_no_r() -> None:
    stats = corr.pair_stats([0.30000000000000004, 0.3, 0.3], [1, 2, 3])
    assert stats.r is None
    assert stats.constant == ("x",)
    assert "up to rounding" in corr.undefined_message(stats)


@pytest.mark.parametrize("value", [0.3, 1 / 3, 7e5, 1e-5, 123.456])
@pytest.mark.parametrize("which", ["x", "y"])
def test_values_one_rounding_step_apart_have_no_r(value: float, which: str) -> None:
    near = [value, math.nextafter(value, math.inf), value, value]
    other = [1.0, 2.0, 4.0, 3.0]
    stats = (
        corr.pair_stats(near, other) if which == "x" else corr.pair_stats(other, near)
    )
    assert stats.r is None
    assert stats.constant == (which,)
    with pytest.raises(ValueError, match="undefined"):
        corr.pearson_r(*((near, other) if which == "x" else (other, near)))


@pytest.mark.parametrize("offset", [1.0, 1e3, 1e6])
def test_small_real_spread_keeps_its_r(offset: float) -> None:
    x = offset + np.array([0.0, 1e-6, 2e-6, 3e-6])
    stats = corr.pair_stats(x, [1.0, 2.0, 3.0, 4.0])
    assert stats.r == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("scale", [1e-100, 1e-250, 1e-300])
def test_spearman_of_tiny_values_is_their_rank_correlation(scale: float) -> None:
    x = scale * np.array([1.0, 3.0, 2.0, 4.0])
    assert corr.spearman_rho(x, [1, 3, 2, 4]) == pytest.approx(1.0)


# -- a badly scaled invertible matrix is invertible ----------------------------------------


@pytest.mark.parametrize(("big", "small"), [(1e6, 1e-6), (1e5, 1e-6), (1e6, 1e-5)])
def test_a_badly_scaled_diagonal_matrix_is_invertible(big: float, small: float) -> None:
    result = plane_map([[big, 0], [0, small]])
    assert result.kind == "invertible"
    assert result.determinant == pytest.approx(big * small)


@pytest.mark.parametrize("scale", [1e-6, 1.0, 1e5])
def test_parallel_rows_collapse_the_plane_at_every_scale(scale: float) -> None:
    assert plane_map([[scale, 2 * scale], [0.5, 1.0]]).kind == "line"
    assert plane_map([[0.1, 0.2], [0.3 * scale, 0.6 * scale]]).kind == "line"


@pytest.mark.parametrize(
    ("coefficients", "point"),
    [
        ([[1e10, 0], [0, 1e-10]], (1e-10, 1e10)),
        ([[1e-10, 1e-10], [1e10, -1e10]], (5e9, 5e9)),
        ([[1e200, 0], [0, 1e-100]], (1e-200, 1e100)),
    ],
)
def test_a_system_at_an_extreme_scale_has_its_one_solution(
    coefficients: list, point: tuple[float, float]
) -> None:
    solution = eq.solve_system(coefficients, [1, 1])
    assert solution.kind == "one"
    assert solution.point == pytest.approx(point)
    assert solution.determinant != 0


def test_a_system_whose_determinant_cannot_be_stored_says_so() -> None:
    from text import equations as words

    solution = eq.solve_system([[1e-300, 0], [0, 1e-300]], [1e-10, 1e-10])
    assert solution.kind == "one"
    assert solution.point == pytest.approx((1e290, 1e290))
    assert not solution.determinant_stored
    assert solution.determinant > 0
    assert "too small or too large for a float" in words.describe_system(solution)
    assert r"\neq 0" in words.system_latex(solution)


@pytest.mark.parametrize("scale", [1e-10, 1.0, 1e10])
def test_parallel_equations_stay_parallel_at_every_scale(scale: float) -> None:
    assert eq.solve_system([[scale, scale], [2, 2]], [3 * scale, 5]).kind == "none"
    assert eq.solve_system([[scale, scale], [2, 2]], [3 * scale, 6]).kind == "all"


# -- vectors with tiny entries are not zero vectors ----------------------------------------


@pytest.mark.parametrize("tiny", [1e-155, 1e-200, 1e-300, 5e-324])
def test_tiny_vectors_keep_their_angle(tiny: float) -> None:
    result = vec.dot_product([tiny, 0], [tiny, tiny])
    assert result.relation == "acute"
    assert result.angle_degrees == pytest.approx(45.0)
    assert result.norm_a > 0
    assert vec.dot_product([tiny, 0], [0, tiny]).relation == "orthogonal"
    assert vec.dot_product([tiny, 2 * tiny], [-3, -6]).relation == "opposite"


def test_only_zeros_make_a_zero_vector() -> None:
    assert vec.dot_product([0, 0], [1, 2]).relation == "zero"


# -- equal values: variance exactly 0 and the "all equal" sentence --------------------------


@pytest.mark.parametrize("value", [0.1, 0.7, 1 / 3, 123456.789, -2.2])
@pytest.mark.parametrize("n", [2, 3, 7])
@pytest.mark.parametrize("ddof", [0, 1])
def test_equal_values_have_no_spread(value: float, n: int, ddof: int) -> None:
    summary = ds.summarize([value] * n, ddof)
    assert summary.variance() == 0.0
    assert summary.std() == 0.0
    assert f"All {n} values equal the mean" in ds_text.describe_spread(summary)


# -- naive Bayes in log space -------------------------------------------------------------


def test_three_tiny_likelihoods_in_both_classes_give_one_half() -> None:
    verdict = naive_bayes(["free", "money", "lunch"], 0.5, [1e-200] * 3, [1e-200] * 3)
    assert verdict.posterior == 0.5


@pytest.mark.parametrize("scale", [1e-50, 1e-120, 1e-200, 1e-300])
def test_underflowing_scores_still_compare(scale: float) -> None:
    # each word twice as likely in genuine mail: odds 1 : 8 at any scale
    verdict = naive_bayes(["a", "b", "c"], 0.5, [scale] * 3, [2 * scale] * 3)
    assert verdict.posterior == pytest.approx(1 / 9)
    assert verdict.steps.tolist() == pytest.approx([0.5, 1 / 3, 1 / 5, 1 / 9])


def test_underflowing_scores_are_written_as_powers_of_ten() -> None:
    verdict = naive_bayes(["free", "money", "lunch"], 0.5, [1e-200] * 3, [1e-200] * 3)
    words = nb_text.describe_naive_bayes(verdict)
    assert "5 × 10⁻⁶⁰¹" in words
    assert r"5 \times 10^{-601}" in nb_text.naive_bayes_latex(verdict)


# -- normal tails ------------------------------------------------------------------------


def _tail(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


@pytest.mark.parametrize(("a", "b"), [(8.5, 9.0), (6.0, 7.0), (5.0, 9.0), (3.0, 3.5)])
@pytest.mark.parametrize("mirror", [1, -1])
def test_interval_probabilities_keep_their_digits_in_the_tails(
    a: float, b: float, mirror: int
) -> None:
    low, high = (a, b) if mirror == 1 else (-b, -a)
    result = nd.interval_probability(0, 1, low, high, np.zeros(3))
    exact = _tail(a) - _tail(b)
    assert result.probability == pytest.approx(exact, rel=1e-12)
    assert result.probability > 0


def test_a_tiny_interval_probability_is_shown_as_a_power_of_ten() -> None:
    result = nd.interval_probability(0, 1, 8.5, 9, np.zeros(3))
    assert "× 10⁻¹⁸" in nd_text.describe_interval(result)
    assert r"\times 10^{-18}" in nd_text.interval_latex(result)


@pytest.mark.parametrize("sigma", [0, -1, math.nan, math.inf])
def test_normal_cdf_refuses_a_bad_sigma(sigma: float) -> None:
    with pytest.raises(ValueError, match="σ"):
        nd.normal_cdf(0.0, 0.0, sigma)


# -- ValueError, not another exception ------------------------------------------------------


@pytest.mark.parametrize("token", [None, [1], {"a": 1}, b"1"])
def test_parse_number_of_a_non_number_is_a_value_error(token: object) -> None:
    with pytest.raises(ValueError, match="a number is missing"):
        parse_number(token)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", [(1.0,), (), (1.0, 2.0, 3.0), 1.0, "ab"])
def test_race_with_a_start_that_is_not_a_point(start: object) -> None:
    with pytest.raises(ValueError, match="The start"):
        race("bowl", start, [Optimiser()])  # type: ignore[arg-type]


# -- least squares on tiny typed data ------------------------------------------------------


@pytest.mark.parametrize("scale", [1e-100, 1e-200, 1e-300])
def test_tiny_typed_x_still_gets_its_lines(scale: float) -> None:
    data = typed_dataset(scale * np.array([1.0, 2.0, 3.0, 4.0]), [1.0, 2.0, 3.0, 10.0])
    comparison = compare_losses(data, outlier=False)
    w, _ = comparison.lines_clean["mse"]
    assert w == pytest.approx(2.8 / scale)
    assert all(
        math.isfinite(v) for line in comparison.lines_clean.values() for v in line
    )
    with pytest.raises(ValueError, match="the outlier would leave the page"):
        compare_losses(data, outlier_x=9.0)
    w_huber, _ = huber_line(data.x, data.y, 1.0)
    assert math.isfinite(w_huber)
    assert fit_line(data, 0.5, 1.0).w_best == pytest.approx(2.8 / scale)


def test_a_line_too_steep_to_store_is_a_learner_message() -> None:
    data = typed_dataset([5e-324, 1e-323, 1.5e-323], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="change the unit of x"):
        compare_losses(data)


# -- the parser rejects malformed brackets and empty entries -------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[1,2],,[3,4]]", "one comma, semicolon or line break"),
        ("[[1, 2], [3, 4],, ]", "one comma"),
        ("1, 2,, 3; 4, 5, 6", "an entry is missing between two commas"),
        ("[1, 2)(3, 4]", "the brackets do not match"),
        ("]1, 2[", "the brackets do not match"),
        ("(1, 2], [3, 4)", "the brackets do not match"),
        ("[1, 2] 3", "every number must be inside them"),
        ("[[[1, 2]]]", "nest too deep"),
        ("[[1, 2]] [[3, 4]]", "one pair must hold the whole matrix"),
        ("[1, 2; 3, 4] [5, 6]", "a row in brackets holds one row only"),
    ],
)
def test_malformed_matrix_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        parse_matrix(text, "A")


def test_an_empty_entry_in_a_list_is_refused() -> None:
    with pytest.raises(ValueError, match="an entry is missing"):
        parse_vector("1, , 2", "a")


@pytest.mark.parametrize(
    "text", ["[[1, 2], [3, 4]]", "[1, 2]\n[3, 4]", "[1, 2; 3, 4]", "((1, 2), (3, 4))"]
)
def test_well_formed_matrices_still_read(text: str) -> None:
    np.testing.assert_array_equal(parse_matrix(text), [[1.0, 2.0], [3.0, 4.0]])
