"""Correlation maths: notebook cell 9, hand-checked values, Anscombe's published
statistics, independent implementations, constant data and every bad input."""

from __future__ import annotations

import math
import statistics
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core import correlation as corr
from core.correlation import game

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


# -- notebook cell 9 -------------------------------------------------------------------


def test_notebook_cell_9_exactly() -> None:
    stats = corr.pair_stats([1, 2, 3, 4], [10, 20, 30, 40])
    expected = np.array([[1.0, 1.0], [1.0, 1.0]])  # Out[9]
    np.testing.assert_array_equal(stats.corrcoef, expected)
    assert stats.r == 1.0
    assert stats.spearman == 1.0
    assert (stats.slope, stats.intercept) == (10.0, 0.0)


# -- Pearson, Spearman and the line, checked by hand and independently -------------------


def test_small_example_by_hand() -> None:
    # x̄ = 2, ȳ = 2; Sxy = (−1)(−1) + 0·1 + 1·0 = 1; Sxx = 2; Syy = 2 → r = 1/2
    stats = corr.pair_stats([1, 2, 3], [1, 3, 2])
    assert (stats.sxy, stats.sxx, stats.syy) == (1.0, 2.0, 2.0)
    assert stats.r == pytest.approx(0.5)
    assert stats.r2 == pytest.approx(0.25)
    assert (stats.slope, stats.intercept) == (pytest.approx(0.5), pytest.approx(1.0))
    assert stats.sd_x == pytest.approx(1.0)  # n − 1 in the denominator


def test_perfect_negative_line() -> None:
    assert corr.pearson_r([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]) == pytest.approx(-1.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(finite, finite), min_size=3, max_size=40))
def test_pearson_matches_the_standard_library(pairs: list[tuple[float, float]]) -> None:
    x, y = (np.array(column) for column in zip(*pairs, strict=True))
    assume(np.ptp(x) > 1e-3 and np.ptp(y) > 1e-3)
    stats = corr.pair_stats(x, y)
    assert stats.r == pytest.approx(statistics.correlation(x, y), abs=1e-9)
    assert -1.0 <= stats.r <= 1.0
    slope, intercept = statistics.linear_regression(x, y)
    assert stats.slope == pytest.approx(slope, rel=1e-6, abs=1e-9)
    assert stats.intercept == pytest.approx(intercept, rel=1e-6, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(st.lists(finite, min_size=3, max_size=30, unique=True), st.randoms())
def test_spearman_matches_the_rank_formula_without_ties(
    values: list[float], random: object
) -> None:
    x = np.array(values)
    y = x.copy()
    random.shuffle(y)  # type: ignore[attr-defined]
    n = x.size
    d = (x.argsort().argsort() - y.argsort().argsort()).astype(float)
    expected = 1 - 6 * np.sum(d**2) / (n * (n**2 - 1))  # Spearman's formula
    assert corr.spearman_rho(x, y) == pytest.approx(expected, abs=1e-9)


def test_average_ranks_share_ties() -> None:
    ranks = corr.average_ranks(np.array([10.0, 30.0, 20.0, 30.0, 30.0]))
    np.testing.assert_array_equal(ranks, [0, 3, 1, 3, 3])  # ranks 2, 3, 4 share 3


def test_spearman_sees_a_monotonic_curve_that_pearson_underrates() -> None:
    x = np.arange(1.0, 11.0)
    y = np.exp(x)
    assert corr.spearman_rho(x, y) == pytest.approx(1.0)
    assert corr.pearson_r(x, y) < 0.8


# -- constant data has no correlation ----------------------------------------------------


def test_numpy_gives_a_spurious_one_where_the_page_gives_none() -> None:
    # rounding makes 0.1, 0.1, 0.1 look as if it varied, exactly like the other list
    assert np.corrcoef([0.1] * 3, [0.1] * 3)[0, 1] == 1.0
    assert corr.pair_stats([0.1] * 3, [0.1] * 3).r is None


def test_constant_x_keeps_a_flat_y_line_out() -> None:
    stats = corr.pair_stats([2, 2, 2], [1, 5, 9])
    assert stats.slope is None
    assert stats.intercept is None
    flat = corr.pair_stats([1, 5, 9], [2, 2, 2])
    assert (flat.slope, flat.intercept) == (0.0, 2.0)


# -- bad input: each its own message ----------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        ("1, 2, 3", "1, 2", "x has 3 numbers but y has 2"),
        ("1", "2", "at least 2 points"),
        ("1, two, 3", "1, 2, 3", "'two' is not a number"),
        ("1, nan, 3", "1, 2, 3", "'nan' is not allowed"),
        ("1, 2, 3", "1, inf, 3", "'inf' is not allowed"),
        ("1, 2, 1e13", "1, 2, 3", "between −10¹² and 10¹²"),
        ("", "1, 2", "x is empty"),
        ("1e-300, 2e-300, 3e-300", "1, 2, 3", "differ by too little"),
    ],
)
def test_bad_lists_raise_a_learner_message(x: str, y: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corr.pairs_from_lists(x, y)


def test_nan_in_an_array_is_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        corr.pair_stats([1, np.nan, 3], [1, 2, 3])


def test_columns_with_a_header_and_tabs() -> None:
    x, y, names = corr.parse_columns("hours\tscore\n1\t50\n2\t60\n3\t65\n")
    assert names == ("hours", "score")
    np.testing.assert_array_equal(x, [1, 2, 3])
    np.testing.assert_array_equal(y, [50, 60, 65])
    stats = corr.pairs_from_columns("hours, score\n1, 50\n2, 60\n3, 65")
    assert stats.names == ("hours", "score")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1, 2\n3, 4, 5", "Line 2 .* has 3 entries"),
        ("1, 2\n3", "Line 2 .* has 1 entry"),
        ("1, 2", "only 1"),
        ("1, 2\nx, 4", "'x' is not a number"),
        ("1, 2\n3, NaN", "'NaN' is not allowed"),
        ("   ", "empty"),
    ],
)
def test_bad_columns(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corr.parse_columns(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(finite, finite), min_size=2, max_size=20))
def test_columns_text_reads_back(pairs: list[tuple[float, float]]) -> None:
    x, y = (np.array(column) for column in zip(*pairs, strict=True))
    back_x, back_y, _ = corr.parse_columns(corr.columns_text(x, y))
    np.testing.assert_array_equal(back_x, x)
    np.testing.assert_array_equal(back_y, y)


# -- data with a chosen correlation --------------------------------------------------------------


def test_the_seed_reproduces_the_sample() -> None:
    a = corr.correlated_sample(50, 0.3, seed=4)
    b = corr.correlated_sample(50, 0.3, seed=4)
    np.testing.assert_array_equal(a.stats.y, b.stats.y)
    c = corr.correlated_sample(50, 0.3, seed=5)
    assert not np.array_equal(a.stats.y, c.stats.y)


@pytest.mark.parametrize("rho", [-0.9, -0.3, 0.0, 0.5, 0.95])
def test_large_samples_land_near_the_target(rho: float) -> None:
    sample = corr.correlated_sample(1000, rho, seed=1)
    assert sample.stats.r == pytest.approx(rho, abs=0.06)
    lo, hi = sample.interval
    assert lo < sample.stats.r < hi


@pytest.mark.parametrize("rho", [-1.0, 1.0])
def test_perfect_target_gives_a_perfect_line(rho: float) -> None:
    sample = corr.correlated_sample(30, rho, seed=0)
    assert sample.stats.r == pytest.approx(rho)
    assert sample.interval is None


def test_moving_rho_keeps_the_x_values() -> None:
    a = corr.correlated_sample(40, 0.2, seed=3)
    b = corr.correlated_sample(40, 0.8, seed=3)
    np.testing.assert_array_equal(a.stats.x, b.stats.x)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 2, "rho": 0.5, "seed": 0}, "n must be at least 3"),
        ({"n": 10, "rho": 1.5, "seed": 0}, "ρ must be at most 1"),
        ({"n": 10, "rho": 0.5, "seed": -1}, "seed must be at least 0"),
        ({"n": 10, "rho": 0.5, "seed": 0, "noise": 3}, "noise must be at most 1"),
        ({"n": 10.5, "rho": 0.5, "seed": 0}, "whole number"),
    ],
)
def test_bad_sample_settings(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corr.correlated_sample(**kwargs)


def test_fisher_interval_against_normal_dist() -> None:
    z = NormalDist().inv_cdf(0.975)
    lo, hi = corr.fisher_interval(0.5, 28)
    assert lo == pytest.approx(math.tanh(math.atanh(0.5) - z / 5))
    assert hi == pytest.approx(math.tanh(math.atanh(0.5) + z / 5))
    assert corr.fisher_interval(0.5, 3) is None


@pytest.mark.parametrize("p", [0.001, 0.025, 0.3, 0.5, 0.9, 0.975])
def test_normal_quantile_matches_normal_dist(p: float) -> None:
    assert corr.normal_quantile(p) == pytest.approx(NormalDist().inv_cdf(p), abs=1e-9)


# -- Anscombe's quartet: the published statistics ----------------------------------------


@pytest.fixture(scope="module")
def quartet() -> dict[str, corr.PairStats]:
    return corr.anscombe_quartet()


def test_anscombe_published_statistics(quartet: dict[str, corr.PairStats]) -> None:
    # Anscombe (1973), p. 19: N = 11, mean of x = 9.0, mean of y = 7.5,
    # regression y = 3 + 0.5x, Σ(x − x̄)² = 110.0, regression SS = 27.50,
    # residual SS = 13.75, correlation coefficient = 0.82, r² = 0.667.
    for name, stats in quartet.items():
        assert stats.n == 11, name
        assert stats.mean_x == 9.0
        assert round(stats.mean_y, 2) == 7.50
        assert stats.sxx == pytest.approx(110.0)
        assert stats.sd_x**2 == pytest.approx(11.0)
        assert stats.sd_y**2 == pytest.approx(4.125, abs=0.003)
        assert round(stats.slope, 3) == 0.500
        assert round(stats.intercept, 2) == 3.00
        assert round(stats.r, 2) == 0.82
        assert round(stats.r, 3) in (0.816, 0.817)
        assert stats.r2 == pytest.approx(0.667, abs=0.001)
        regression_ss = stats.slope**2 * stats.sxx
        assert regression_ss == pytest.approx(27.50, abs=0.05)
        assert stats.syy - regression_ss == pytest.approx(13.75, abs=0.03)


def test_anscombe_spearman_tells_them_apart(quartet: dict[str, corr.PairStats]) -> None:
    ranks = {name: round(stats.spearman, 3) for name, stats in quartet.items()}
    assert len(set(ranks.values())) == 4
    assert ranks["IV"] == 0.5


# -- an outlier and a curve ------------------------------------------------------------------


def test_an_outlier_against_the_trend_flips_r() -> None:
    study = corr.outlier_study(0.7, 20, 5.0, -5.0, seed=0)
    assert study.without.r > 0.6
    assert study.with_outlier.r < 0
    assert study.with_outlier.n == 21
    expected = np.corrcoef(
        np.append(study.without.x, 5.0), np.append(study.without.y, -5.0)
    )[0, 1]
    assert study.with_outlier.r == pytest.approx(expected)
    # ranks cap the pull: Spearman drops far less than r
    assert study.with_outlier.spearman > study.with_outlier.r + 0.5


def test_outlier_limits() -> None:
    with pytest.raises(ValueError, match="outlier's x must be at most 6"):
        corr.outlier_study(0.5, 20, 7.0, 0.0, seed=0)


def test_parabola_on_one_side_looks_linear() -> None:
    curve = corr.curve_sample(3.0, 0.0, seed=0)
    assert curve.stats.r > 0.9
    assert curve.stats.spearman == pytest.approx(1.0)


# -- the correlation matrix ----------------------------------------------------------------


def test_features_ranked_by_absolute_r() -> None:
    fm = corr.feature_matrix(1000, 0.9, 0.8, seed=0)
    ranking = fm.ranking()
    sizes = [abs(r) for _, r in ranking]
    assert sizes == sorted(sizes, reverse=True)
    assert ranking[0][0] == "area"
    assert ranking[-1][0] == "listing day"  # price does not depend on it
    assert abs(ranking[-1][1]) < 0.1
    assert dict(ranking)["distance"] < 0  # farther out, cheaper


def test_pair_of_matrix_columns() -> None:
    fm = corr.feature_matrix(200, 0.9, 0.8, seed=0)
    pair = fm.pair("area", "price")
    assert pair.r == pytest.approx(fm.matrix[0, 5])
    with pytest.raises(ValueError, match="not a column"):
        fm.pair("area", "colour")


# -- the game ----------------------------------------------------------------------------------


def test_same_seed_same_rounds() -> None:
    a, b = corr.game_round(42, 3), corr.game_round(42, 3)
    np.testing.assert_array_equal(a.stats.x, b.stats.x)
    assert a.r == b.r
    assert corr.game_round(42, 4).r != a.r
    assert corr.game_round(43, 3).r != a.r
    assert 20 <= a.stats.n <= 100


@pytest.mark.parametrize(
    ("guess", "r", "grade"),
    [
        (0.55, 0.5, "great"),
        (0.45, 0.5, "great"),
        (0.6, 0.5, "good"),
        (0.39, 0.5, "miss"),
        (-0.5, 0.5, "miss"),
    ],
)
def test_guess_grades(guess: float, r: float, grade: str) -> None:
    assert corr.score_guess(guess, r).grade == grade


@pytest.mark.parametrize(("guess", "message"), [(1.2, "at most 1"), ("abc", "number")])
def test_bad_guesses(guess: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corr.score_guess(guess, 0.5)  # type: ignore[arg-type]


# -- the game's guesses in a link ------------------------------------------------------------


def test_guesses_text_by_hand() -> None:
    assert game.parse_guesses("") == ()
    assert game.parse_guesses("45_-30_7r12") == ((1, 0.45), (2, -0.3), (7, 0.12))
    assert game.parse_guesses("100_-100_0") == ((1, 1.0), (2, -1.0), (3, 0.0))
    assert game.parse_guesses("5r1_2r-1") == ((5, 0.01), (2, -0.01))  # play order
    assert game.guesses_text([(1, 0.45), (2, -0.3), (7, 0.12), (8, 0.0)]) == (
        "45_-30_7r12_0"
    )
    assert game.guesses_text([(3, 0.5), (1, 0.5)]) == "3r50_1r50"
    assert game.guesses_text([(1, 0.284999)]) == "28"  # hundredths, as the slider


rounds = st.lists(st.integers(1, corr.MAX_ROUND), unique=True, max_size=game.MAX_PLAYED)
hundredths = st.integers(-game.GUESS_SCALE, game.GUESS_SCALE)


@settings(max_examples=200, deadline=None)
@given(rounds, st.data())
def test_guesses_text_round_trips(numbers: list[int], data: st.DataObject) -> None:
    guesses = [(n, data.draw(hundredths) / game.GUESS_SCALE) for n in numbers]
    text = game.guesses_text(guesses)
    assert game.parse_guesses(text) == tuple(guesses)
    assert len(text) <= game.MAX_GUESSES_CHARS
    assert set(text) <= set("0123456789-r_")  # nothing a URL has to escape


def test_the_longest_game_fits_the_limit() -> None:
    worst = [(corr.MAX_ROUND - 2 * i, -1.0) for i in range(game.MAX_PLAYED)]
    text = game.guesses_text(worst)
    assert len(text) <= game.MAX_GUESSES_CHARS
    assert len(game.parse_guesses(text)) == game.MAX_PLAYED


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "Guess number 1 cannot be read"),
        ("45__30", "Guess number 2 cannot be read"),
        ("45_", "Guess number 2 cannot be read"),
        ("+45", "cannot be read"),
        ("4.5", "cannot be read"),
        ("1000", "cannot be read"),
        ("٣", "cannot be read"),  # only ASCII digits
        ("45\n\n# x", "cannot be read"),
        ("101", "101 hundredths; a guess is between −100 and 100"),
        ("0r5", "round 0; rounds go from 1 to 9999"),
        ("9999r5_6", "round 10000"),
        ("1r45_1r30", "Round 1 is listed twice"),
        ("_".join(["0"] * (game.MAX_PLAYED + 1)), "101 rounds; one game keeps at most"),
        ("9" * (game.MAX_GUESSES_CHARS + 1), "characters long; a game's link holds"),
        (None, "must be text"),
        (45, "must be text"),
    ],
)
def test_bad_guesses_text(text: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        game.parse_guesses(text)


def test_bad_guesses_to_write() -> None:
    with pytest.raises(ValueError, match="your guess must be at most 1"):
        game.guesses_text([(1, 1.5)])
    with pytest.raises(ValueError, match="round must be at least 1"):
        game.guesses_text([(0, 0.5)])
    with pytest.raises(ValueError, match="listed twice"):
        game.guesses_text([(2, 0.5), (2, 0.1)])
    with pytest.raises(ValueError, match="at most 100"):
        game.guesses_text([(n, 0.0) for n in range(1, game.MAX_PLAYED + 2)])


def test_add_guess_counts_a_round_once_and_stops_when_full() -> None:
    assert game.add_guess("", 1, 0.45) == "45"
    assert game.add_guess("45", 2, -0.304) == "45_-30"
    assert game.add_guess("45_-30", 9, 1) == "45_-30_9r100"
    assert game.add_guess("45_-30", 1, 0.99) == "45_-30"  # round 1 was played
    full = "_".join(["0"] * game.MAX_PLAYED)
    with pytest.raises(ValueError, match="already keeps 100 rounds: start again"):
        game.add_guess(full, game.MAX_PLAYED + 1, 0.5)
    assert game.add_guess(full, 3, 0.5) == full
    with pytest.raises(ValueError, match="round must be at most 9999"):
        game.add_guess("", 10_000, 0.5)


def test_replay_gives_the_record_of_the_game_as_played() -> None:
    """The same seed and guesses: the same clouds, scores, points and streaks."""
    seed, plays = 5, [(1, 0.62), (2, -0.5), (3, 0.9), (8, 0.0), (4, -0.2)]
    live = corr.GameRecord()
    for number, guess in plays:
        score = corr.score_guess(guess, corr.game_round(seed, number).r)
        live = corr.record_guess(live, number, score)
    text = game.guesses_text(plays)
    replayed = game.replay_game(seed, text)
    assert replayed == live == game.replay_game(seed, text)
    assert [n for n, _ in replayed.scores] == [1, 2, 3, 8, 4]
    assert replayed.played == 5
    assert not replayed.full
    assert game.replay_game(6, text) != replayed  # another seed, other clouds
    assert game.replay_game(0, "") == corr.GameRecord()
    assert game.replay_game(0, "_".join(["0"] * game.MAX_PLAYED)).full
    with pytest.raises(ValueError, match="seed"):
        game.replay_game(-1, "45")
    with pytest.raises(ValueError, match="cannot be read"):
        game.replay_game(5, "4x")


# -- words ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"), [(-1e-17, "0.000"), (0.81642, "0.816"), (-0.5, "−0.500")]
)
def test_format_r(value: float, text: str) -> None:
    assert corr.format_r(value) == text
