"""The catalogue's answers against ``core`` (and closed forms), and each tolerance."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from core import bayes as cb
from core import correlation as corr
from core import gradient_descent as gd
from core import loss_functions as lf
from core import normal_distribution as nd
from core.questions import GUESS_LIMIT, check_guess, make_answer
from core.questions import answers as qa
from core.questions import further as qf


def test_linear_root_is_minus_b_over_a_within_five_percent() -> None:
    answer = qa.linear_root(2.0, -4.0)  # notebook cell 1
    assert (answer.value, answer.tolerance) == (2.0, 0.1)
    assert qa.linear_root(-0.5, 100.0).value == 200.0
    assert qa.linear_root(-0.5, 100.0).tolerance == 10.0
    with pytest.raises(ValueError, match="no single root"):
        qa.linear_root(0.0, 3.0)


def test_crossing_matches_numpy_solve() -> None:
    x, y = np.linalg.solve([[1.0, 1.0], [1.0, -1.0]], [3.0, 1.0])
    assert qa.crossing(1, 1, 3, 1, -1, 1, axis=0).value == pytest.approx(x)
    assert qa.crossing(1, 1, 3, 1, -1, 1, axis=1).value == pytest.approx(y)
    with pytest.raises(ValueError, match="do not cross"):
        qa.crossing(1, 1, 3, 1, 1, 1, axis=0)


def test_dot_and_cosine() -> None:
    assert qa.dot("1, 2, 3", "4, 5, 6").value == 32.0  # notebook cell 2
    assert qa.dot([2.0, 3.0], [4.0, 1.0]).tolerance == 0.55
    assert qa.dot([1.0, 0.0], [0.0, 1.0]).tolerance == 0.5  # the floor
    cosine = qa.cosine("1, 2, 3", "4, 5, 6")
    assert cosine.value == pytest.approx(32 / math.sqrt(14 * 77))
    assert (cosine.tolerance, cosine.low, cosine.high) == (0.05, -1.0, 1.0)
    with pytest.raises(ValueError, match="zero vector"):
        qa.cosine("0, 0", "1, 2")


def test_product_cell_and_determinant() -> None:
    c = np.array([[2, 3], [4, 5]]) @ np.array([[4, 6], [6, 8]])  # notebook cell 3
    assert [
        qa.product_cell("2, 3; 4, 5", "4, 6; 6, 8", k).value for k in range(1, 5)
    ] == (c.ravel().tolist())
    assert qa.product_cell("2, 3; 4, 5", "4, 6; 6, 8", 36).value == c[1, 1]  # clamped
    assert qa.determinant(2.0, 1.0, 0.5, 1.5).value == pytest.approx(2.5)


def test_w_ahead_follows_the_update_rule() -> None:
    # w² from w = 5 with lr = 0.1: 5 → 4 → 3.2 → 2.56 → 2.048
    assert qa.w_ahead("square", 5.0, 0.1, 0).value == 4.0  # notebook cell 5
    assert qa.w_ahead("square", 5.0, 0.1, 1, ahead=3).value == pytest.approx(2.048)
    assert qa.w_ahead("square", 5.0, 0.1, 1).tolerance == pytest.approx(0.16)
    with pytest.raises(ValueError, match="diverges"):
        qa.w_ahead("square", 5.0, 4.0, 80)
    with pytest.raises(ValueError, match="at most"):
        qa.w_ahead("square", 5.0, 0.1, gd.MAX_STEPS_1D)


def test_mean_and_median() -> None:
    assert qa.mean("10, 20, 30, 40").value == 25.0  # notebook cell 6
    assert qa.mean("10, 20, 30, 40").tolerance == 1.25
    assert qa.median("1, 2, 100").value == statistics.median([1, 2, 100])


def test_normal_share_and_area() -> None:
    draws = nd.draw_normal(0.0, 1.0, 100, 0)
    share = qa.interval_share(0.0, 1.0, 100, 0, -1.0, 1.0)
    assert share.value == np.mean((draws > -1) & (draws < 1))
    area = qa.interval_area(0.0, 1.0, -1.0, 1.0)
    exact = statistics.NormalDist().cdf(1) - statistics.NormalDist().cdf(-1)
    assert area.value == pytest.approx(exact)
    assert (area.tolerance, area.low, area.high) == (0.05, 0.0, 1.0)


def test_sampling_means() -> None:
    assert qa.source_mean("die").value == 3.5
    assert qa.source_mean("die").tolerance == pytest.approx(0.175)
    draws = np.random.default_rng(0).integers(1, 7, size=(3, 1000))
    assert qa.final_mean("die", 1000, 3, 0).value == pytest.approx(draws[0].mean())


def test_bayes_posterior_and_evidence() -> None:
    assert qa.posterior("notebook", 0.3, 0.8, 0.5, 0.0).value == pytest.approx(0.48)
    evidence = qa.evidence("natural", 0.01, 0.9, 0.5, 0.05)
    assert evidence.value == pytest.approx(0.9 * 0.01 + 0.05 * 0.99)
    assert evidence.tolerance == 0.05
    assert cb.bayes("natural", 0.01, 0.9, 0.5, 0.05).p_b == evidence.value


def test_correlations() -> None:
    assert qa.pearson_r("1, 2, 3, 4", "10, 20, 30, 40").value == pytest.approx(1.0)
    x, y = [1.0, 2.0, 3.0, 4.0], [10.0, 30.0, 20.0, 45.0]
    r = qa.pearson_r("1, 2, 3, 4", "10, 30, 20, 45")
    assert r.value == pytest.approx(np.corrcoef(x, y)[0, 1])
    assert (r.tolerance, r.low, r.high) == (0.1, -1.0, 1.0)
    with pytest.raises(ValueError, match="undefined"):
        qa.pearson_r("1, 1, 1", "1, 2, 3")
    sample = corr.correlated_sample(100, 0.6, 0, 0.0)
    assert qa.sample_r(100, 0.6, 0, 0.0).value == sample.stats.r


def test_losses() -> None:
    mse = qa.mse("3, 5, 7", "2, 5, 8")  # notebook cell 10
    assert mse.value == pytest.approx(2 / 3)
    assert (mse.tolerance, mse.low) == (0.1, 0.0)
    assert qa.mae("3, 5, 7", "2, 5, 8").value == pytest.approx(2 / 3)
    assert qa.mse("0, 0", "10, 10").tolerance == 10.0


def test_a_guess_within_the_tolerance_is_close() -> None:
    answer = make_answer(0.48, tolerance=0.05, low=0.0, high=1.0)
    assert check_guess("0.53", answer).close
    assert check_guess("0.43", answer).close
    assert not check_guess("0.54", answer).close
    assert check_guess("0.6", answer).error == pytest.approx(0.12)
    assert check_guess(0.48, answer).error == 0.0


@pytest.mark.parametrize(
    ("guess", "message"),
    [
        ("abc", "'abc' is not a number"),
        ("nan", "use a finite number"),
        ("inf", "use a finite number"),
        ("1e400", "too large"),
        ("1.5", "must be between 0 and 1"),
        ("", "a number is missing"),
    ],
)
def test_a_bad_guess_says_why(guess: str, message: str) -> None:
    answer = make_answer(0.48, tolerance=0.05, low=0.0, high=1.0)
    with pytest.raises(ValueError, match=message):
        check_guess(guess, answer)


def test_a_huge_guess_is_refused_without_a_range() -> None:
    with pytest.raises(ValueError, match="must be between"):
        check_guess(str(10 * GUESS_LIMIT), make_answer(2.0, tolerance=0.1))


def test_an_answer_must_be_finite_and_in_range() -> None:
    with pytest.raises(ValueError, match="no finite answer"):
        make_answer(math.nan, tolerance=0.1)
    with pytest.raises(ValueError, match="outside"):
        make_answer(2.0, tolerance=0.1, low=0.0, high=1.0)
    with pytest.raises(ValueError, match="at least 0"):
        make_answer(0.5, tolerance=-1.0)


# -- the further questions (core/questions/further.py) -----------------------------------
def test_spread_std_and_variance_follow_ddof() -> None:
    data = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]  # notebook cell 6: std 2 (÷ n)
    assert qf.spread_std("2, 4, 4, 4, 5, 5, 7, 9", 0).value == 2.0
    assert qf.spread_variance("2, 4, 4, 4, 5, 5, 7, 9", 0).value == 4.0
    sample = qf.spread_std("2, 4, 4, 4, 5, 5, 7, 9", 1)
    assert sample.value == pytest.approx(statistics.stdev(data))
    assert (sample.tolerance, sample.low) == (pytest.approx(0.05 * sample.value), 0.0)
    assert qf.spread_variance("1, 2", 1).value == pytest.approx(0.5)
    assert qf.spread_variance("1, 2", 1).tolerance == 0.1  # the floor
    with pytest.raises(ValueError, match="at least two values"):
        qf.spread_std("5", 1)


def test_within_sigma_counts_the_seeded_draws() -> None:
    draws = nd.draw_normal(1.0, 2.0, 500, 7)
    for k in (1, 2, 3):
        share = qf.within_sigma(1.0, 2.0, 500, 7, k)
        assert share.value == np.mean(np.abs(draws - 1.0) < 2.0 * k)
        assert (share.tolerance, share.low, share.high) == (0.05, 0.0, 1.0)
    assert qf.within_sigma(0.0, 1.0, 1_000_000, 0, 1).value == pytest.approx(
        statistics.NormalDist().cdf(1) - statistics.NormalDist().cdf(-1), abs=2e-3
    )
    with pytest.raises(ValueError, match="k"):
        qf.within_sigma(0.0, 1.0, 100, 0, 4)


def test_draws_std_is_numpys() -> None:
    answer = qf.draws_std(3.0, 0.5, 50, 1)
    assert answer.value == np.std(nd.draw_normal(3.0, 0.5, 50, 1))
    assert answer.tolerance == pytest.approx(max(0.01, 0.05 * answer.value))


def test_means_std_shrinks_like_one_over_root_k() -> None:
    die_std = math.sqrt(35 / 12)
    for k in (1, 4, 16):
        answer = qf.means_std("die", k, 10_000, 40, 0)
        assert answer.value == pytest.approx(die_std / math.sqrt(k), rel=0.03)
        assert answer.tolerance == pytest.approx(0.1 * answer.value)


def test_final_belief_and_spam_posterior() -> None:
    # 1 % ill, 90 % sensitive, 5 % false positives: 0.01 → 0.154 → 0.766 → 0.983
    belief = qf.final_belief("natural", 0.01, 0.9, 0.5, 0.05, "+++")
    assert belief.value == pytest.approx(0.983, abs=5e-4)
    one = qf.final_belief("natural", 0.01, 0.9, 0.5, 0.05, "+").value
    assert one == qa.posterior("natural", 0.01, 0.9, 0.5, 0.05).value
    negative = qf.final_belief("natural", 0.5, 0.9, 0.5, 0.05, "-").value
    assert negative == pytest.approx(0.1 * 0.5 / (0.1 * 0.5 + 0.95 * 0.5))
    # P(spam | free lunch) = 0.5·0.3·0.05 / (0.5·0.3·0.05 + 0.5·0.03·0.1)
    spam = qf.spam_posterior("free lunch", 0.5, [0.3, 0.05], [0.03, 0.1])
    assert spam.value == pytest.approx(0.0075 / (0.0075 + 0.0015))
    assert (spam.tolerance, spam.low, spam.high) == (0.05, 0.0, 1.0)
    with pytest.raises(ValueError, match="one likelihood per word"):
        qf.spam_posterior("free", 0.5, [0.3, 0.2], [0.03])


def test_slope_and_loss_of_the_function() -> None:
    assert qf.slope("square", 5.0, 0.5).value == 10.0  # notebook cell 5: f′ = 2w
    assert qf.slope("square", 5.0, 0.5).tolerance == 0.5
    assert qf.loss_at("square", 5.0, 0.5).value == 25.0
    # f = w⁴ − 3w², f′ = 4w³ − 6w: 20 at w = 2
    assert qf.slope("custom", 2.0, 0.1, "w**4 - 3*w**2").value == pytest.approx(20.0)
    with pytest.raises(ValueError, match="w must be"):
        qf.slope("square", 1e9, 0.5)


def test_curve_and_outlier_r_are_pearsons() -> None:
    curve = corr.curve_sample(1.3, 0.5, 0).stats
    answer = qf.curve_r(1.3, 0.5, 0)
    assert answer.value == pytest.approx(np.corrcoef(curve.x, curve.y)[0, 1])
    assert (answer.tolerance, answer.low, answer.high) == (0.1, -1.0, 1.0)
    assert abs(qf.curve_r(0.0, 0.0, 0).value) < 1e-9  # symmetric: r = 0
    study = corr.outlier_study(0.7, 20, 5.0, -5.0, 0).with_outlier
    assert qf.outlier_r(0.7, 20, 5.0, -5.0, 0).value == pytest.approx(
        np.corrcoef(study.x, study.y)[0, 1]
    )


def test_layer_output_and_the_product_transpose() -> None:
    # W x + b = (0.2 − 1 + 3 + 0.5, 1.5 + 0.6 − 2.4 − 1) = (2.7, −1.3); ReLU
    layer = ("0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1")
    assert qf.layer_output(*layer, "relu").value == pytest.approx(2.7)
    assert qf.layer_output(*layer, "relu", 1).value == 0.0
    assert qf.layer_output(*layer, "identity", 5).value == pytest.approx(-1.3)
    assert qf.layer_output(*layer, "tanh").value == pytest.approx(math.tanh(2.7))
    a, b = np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])
    entry = qf.product_transpose_corner("1, 2; 3, 4", "5, 6; 7, 8")
    assert entry.value == (a @ b).T[0, -1] == 43.0
    with pytest.raises(ValueError, match="not defined"):
        qf.product_transpose_corner("1, 2; 3, 4", "1, 2, 3")


def test_line_mse_and_the_outliers_losses() -> None:
    data = qf.loss_dataset("typed", 12, 0, 1.0, "0, 1, 2", "1, 3, 4")
    # y = 1·x + 1 misses by 0, 1, 1: MSE 2/3
    assert qf.line_mse(data, 1.0, 1.0).value == pytest.approx(2 / 3)
    seeded = qf.loss_dataset("seeded", 12, 0, 1.0, "", "")
    assert seeded.key == lf.make_dataset(12, 0, 1.0).key
    assert qf.outlier_huber(True, 8.0, 1.7).value == pytest.approx(1.7 * (8 - 0.85))
    assert qf.outlier_huber(True, 0.5, 1.0).value == pytest.approx(0.125)
    comparison = lf.compare_losses(seeded, 1.0, outlier_x=9.0, outlier_dy=8.0)
    with_outlier = qf.mse_with_outlier(seeded, 1.0, True, 9.0, 8.0)
    assert with_outlier.value == comparison.values_outlier["mse"]
    assert with_outlier.value > comparison.values_clean["mse"]
    with pytest.raises(ValueError, match="no outlier"):
        qf.outlier_huber(False, 8.0, 1.0)
    with pytest.raises(ValueError, match="seeded or typed"):
        qf.loss_dataset("table", 12, 0, 1.0, "", "")
