"""text.correlation: the code panel reproduces the page's numbers; sentences and
the formula say what the numbers say (and never give the game's answer away)."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from core import correlation as corr
from tests.helpers import run_snippet
from text import correlation as ctext


@pytest.fixture(scope="module")
def quartet() -> dict[str, corr.PairStats]:
    return corr.anscombe_quartet()


def test_notebook_cell_9_code_is_the_notebooks() -> None:
    stats = corr.pairs_from_lists("1, 2, 3, 4", "10, 20, 30, 40")
    code = ctext.pairs_code(stats)
    assert "x = np.array([1, 2, 3, 4])" in code
    assert "y = np.array([10, 20, 30, 40])" in code
    assert code.endswith("np.corrcoef(x, y)")
    result = run_snippet(code)
    np.testing.assert_array_equal(result, ctext.pairs_code_result(stats))
    assert repr(result) == "array([[1., 1.],\n       [1., 1.]])"


def test_two_points_are_always_a_perfect_line() -> None:
    stats = corr.pair_stats([1, 5], [7, 3])
    assert stats.r == pytest.approx(-1.0)
    assert "only 2 points" in ctext.describe_pairs(stats)


@pytest.mark.parametrize(
    ("x", "y", "constant"),
    [
        ([5, 5, 5], [1, 2, 3], ("x",)),
        ([1, 2, 3], [4, 4, 4], ("y",)),
        ([0.1, 0.1, 0.1], [0.1, 0.1, 0.1], ("x", "y")),
    ],
)
def test_constant_data_has_no_r(x: list, y: list, constant: tuple) -> None:
    stats = corr.pair_stats(x, y)
    assert stats.constant == constant
    assert stats.r is None
    assert stats.r2 is None
    assert stats.spearman is None
    assert stats.corrcoef is None
    words = ctext.describe_pairs(stats)
    assert "no correlation" in words
    assert "nan" not in words.replace("NumPy prints nan", "")
    with pytest.raises(ValueError, match="constant"):
        corr.pearson_r(x, y)


def test_constant_code_shows_the_spread_not_nan() -> None:
    stats = corr.pairs_from_lists("5, 5, 5", "1, 2, 3")
    code = ctext.pairs_code(stats)
    assert "corrcoef(x, y)\n" not in code.splitlines()[-1]
    result = run_snippet(code)
    assert result == ctext.pairs_code_result(stats)
    assert repr(result) == repr(ctext.pairs_code_result(stats))
    assert result == (0, 2)


def test_noise_weakens_the_correlation() -> None:
    assert corr.expected_correlation(0.8, 0.75) == pytest.approx(0.64)
    noisy = corr.correlated_sample(1000, 0.8, seed=2, noise=1.0)
    assert noisy.expected_r == pytest.approx(0.8 / math.sqrt(2))
    assert noisy.stats.r == pytest.approx(noisy.expected_r, abs=0.06)
    assert "ρ/√(1 + σ²)" in ctext.describe_sample(noisy)


def test_sample_code_reproduces_the_page() -> None:
    sample = corr.correlated_sample(80, -0.35, seed=11, noise=0.25)
    result = run_snippet(ctext.sample_code(sample))
    assert result == ctext.sample_code_result(sample)


def test_anscombe_table_and_code(quartet: dict[str, corr.PairStats]) -> None:
    rows = ctext.anscombe_table(quartet)
    assert {row["r"] for row in rows} <= {"0.816", "0.817"}
    assert {row["line y ="] for row in rows} == {"3.00\u00a0+\u00a00.500·x"}
    result = run_snippet(ctext.anscombe_code())
    np.testing.assert_array_equal(result, ctext.anscombe_code_result(quartet))


def test_an_outlier_far_along_the_line_inflates_r() -> None:
    study = corr.outlier_study(0.0, 20, 6.0, 6.0, seed=0)
    assert abs(study.without.r) < 0.3
    assert study.with_outlier.r > 0.6
    assert "moves r a lot" in ctext.describe_outlier(study)


def test_outlier_code_reproduces_the_page() -> None:
    study = corr.outlier_study(-0.4, 12, -2.5, 3.0, seed=9)
    assert run_snippet(ctext.outlier_code(study)) == ctext.outlier_code_result(study)


def test_parabola_on_a_symmetric_range_has_r_zero() -> None:
    curve = corr.curve_sample(0.0, 0.0, seed=0)
    np.testing.assert_allclose(curve.stats.y, curve.stats.x**2)
    assert abs(curve.stats.r) < 1e-12
    assert corr.format_r(curve.stats.r) == "0.000"
    assert "r is near 0" in ctext.describe_curve(curve)


def test_curve_code_reproduces_the_page() -> None:
    curve = corr.curve_sample(-1.3, 0.7, seed=5)
    assert run_snippet(ctext.curve_code(curve)) == ctext.curve_code_result(curve)


def test_matrix_is_numpys_corrcoef() -> None:
    fm = corr.feature_matrix(300, 0.9, 0.8, seed=0)
    assert fm.names == ("area", "rooms", "age", "distance", "listing day", "price")
    assert fm.data.shape == (300, 6)
    # BLAS may round the last bit differently from call to call
    np.testing.assert_allclose(
        fm.matrix, np.corrcoef(fm.data, rowvar=False), rtol=1e-12
    )
    area, price = fm.column("area"), fm.column("price")
    assert fm.matrix[0, 5] == pytest.approx(statistics.correlation(area, price))
    np.testing.assert_allclose(np.diag(fm.matrix), 1.0)
    np.testing.assert_allclose(fm.matrix, fm.matrix.T, rtol=1e-12)
    assert (
        run_snippet(ctext.matrix_code(fm, 300)).tolist() == fm.matrix.round(2).tolist()
    )


def test_redundant_features_are_flagged_above_the_threshold() -> None:
    linked = corr.feature_matrix(500, 0.95, 0.8, seed=1)
    pairs = linked.redundant_pairs()
    assert [(a, b) for a, b, _ in pairs] == [("area", "rooms")]
    assert pairs[0][2] >= 0.8
    assert "area and rooms are strongly correlated" in ctext.describe_matrix(
        linked
    ).replace("**", "")
    loose = corr.feature_matrix(500, 0.3, 0.8, seed=1)
    assert loose.redundant_pairs() == []


def test_game_code_gives_the_revealed_r() -> None:
    round_ = corr.game_round(7, 2)
    assert run_snippet(ctext.game_code(round_)) == ctext.game_code_result(round_)


def test_record_keeps_streaks_and_counts_a_round_once() -> None:
    record = corr.GameRecord()
    for number, (guess, r) in enumerate(
        [(0.5, 0.52), (0.1, 0.18), (0.9, 0.2), (0.3, 0.3)], start=1
    ):
        record = corr.record_guess(record, number, corr.score_guess(guess, r))
    assert record.played == 4
    assert (record.streak, record.best_streak) == (1, 2)
    assert record.points == 3 + 1 + 0 + 3
    again = corr.record_guess(record, 4, corr.score_guess(-1.0, 0.3))
    assert again == record
    assert "4 rounds played · 2 great" in ctext.describe_record(record)


def test_the_question_never_gives_the_answer_away() -> None:
    round_ = corr.game_round(0, 1)
    question = ctext.describe_round(round_, None)
    assert corr.format_r(round_.r) not in question
    answer = ctext.describe_round(round_, corr.score_guess(0.0, round_.r))
    assert corr.format_r(round_.r) in answer


def test_latex_shows_the_sums() -> None:
    latex = ctext.pearson_latex(corr.pair_stats([1, 2, 3, 4], [10, 20, 30, 40]))
    assert r"\frac{50}{\sqrt{5\cdot500}} = 1.000" in latex
    undefined = ctext.pearson_latex(corr.pair_stats([1, 1], [2, 3]))
    assert "undefined" in undefined
