"""The normal distribution: cell 7 with a seed, the CDF against the stdlib, binning."""

from __future__ import annotations

import math
from statistics import NormalDist  # the standard library: an independent implementation

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import normal_distribution as nd
from tests.helpers import run_snippet


def test_notebook_cell_7_with_a_seed() -> None:
    sample = nd.sample_normal(mu=0, sigma=1, n=100, bins=20, seed=0)
    code = nd.draws_code(sample)
    assert "rng.normal(loc=0, scale=1, size=100)" in code
    assert code.endswith("samples[:10]")
    shown = run_snippet(code)
    expected = np.random.default_rng(0).normal(loc=0, scale=1, size=100)[:10]
    np.testing.assert_array_equal(shown, expected)
    np.testing.assert_array_equal(nd.draws_code_result(sample), expected)
    assert len(sample.first_ten) == 10


def test_the_unseeded_notebook_numbers_are_explained() -> None:
    assert "without a seed" in nd.UNSEEDED_SENTENCE
    assert "0.214" in nd.UNSEEDED_SENTENCE  # the notebook's own first draw


def test_draws_are_the_seeded_generator() -> None:
    draws = nd.draw_normal(1.5, 0.7, 1000, seed=42)
    expected = np.random.default_rng(42).normal(loc=1.5, scale=0.7, size=1000)
    np.testing.assert_array_equal(draws, expected)


@given(
    st.floats(-3, 3),
    st.floats(0.5, 2),
    st.floats(-9, 9),
)
def test_cdf_is_the_standard_library_to_the_last_digit(mu, sigma, x) -> None:
    assert nd.normal_cdf(x, mu, sigma) == NormalDist(mu, sigma).cdf(x)


def test_pdf_against_the_standard_library_and_integrates_to_one() -> None:
    xs = np.linspace(-12, 12, 4001)
    ys = nd.normal_pdf(xs, 1.0, 1.5)
    for x, y in zip(xs[::400], ys[::400], strict=True):
        assert y == pytest.approx(NormalDist(1.0, 1.5).pdf(float(x)), rel=1e-12)
    assert np.trapezoid(ys, xs) == pytest.approx(1.0, abs=1e-9)


def test_68_95_997_theory() -> None:
    got = [round(nd.rule_probability(k), 4) for k in (1, 2, 3)]
    assert got == [0.6827, 0.9545, 0.9973]
    for k in (1, 2, 3):
        assert nd.rule_probability(k) == pytest.approx(
            NormalDist().cdf(k) - NormalDist().cdf(-k), abs=1e-15
        )


def test_summary_is_the_binned_draws() -> None:
    draws = nd.draw_normal(0.5, 2.0, 5000, seed=7)
    s = nd.summarize_sample(draws, 0.5, 2.0, bins=30, seed=7)
    counts, edges = np.histogram(draws, bins=30, range=(0.5 - 8, 0.5 + 8))
    np.testing.assert_array_equal(s.counts, counts)
    np.testing.assert_array_equal(s.edges, edges)
    assert s.counts.sum() + s.below + s.above == 5000
    assert s.below == np.count_nonzero(draws < -7.5)
    assert s.mean == np.mean(draws)
    assert s.std == np.std(draws)
    assert float(np.sum(s.density * s.width)) == pytest.approx(s.counts.sum() / 5000)
    np.testing.assert_array_equal(
        s.within, [np.mean(np.abs(draws - 0.5) < k * 2.0) for k in (1, 2, 3)]
    )


def test_a_million_draws_follow_the_rule() -> None:
    s = nd.sample_normal(0, 1, 1_000_000, bins=40, seed=1)
    for share, k in zip(s.within, (1, 2, 3), strict=True):
        assert share == pytest.approx(nd.rule_probability(k), abs=0.002)
    assert abs(float(s.mean)) < 5 / 1000  # 5 σ/√n


def test_summary_size_does_not_grow_with_n() -> None:
    small = nd.sample_normal(0, 1, 10, bins=25, seed=0)
    large = nd.sample_normal(0, 1, 1_000_000, bins=25, seed=0)
    for attr in ("edges", "counts", "within", "first_ten"):
        assert getattr(small, attr).shape == getattr(large, attr).shape


def test_interval_probability_hand_checked() -> None:
    draws = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    r = nd.interval_probability(0, 1, -1, 1, draws)
    assert (r.count, r.n, r.share) == (3, 5, 0.6)
    assert r.probability == NormalDist().cdf(1) - NormalDist().cdf(-1)
    words = nd.describe_interval(r)
    assert "0.6827" in words
    assert "60.00%" in words


def test_interval_code_runs() -> None:
    s = nd.sample_normal(1, 2, 2000, bins=20, seed=3)
    r = nd.interval_probability(1, 2, 0, 4, nd.draw_normal(1, 2, 2000, 3))
    assert run_snippet(nd.interval_code(s, r)) == nd.interval_code_result(r)


def test_rule_code_runs() -> None:
    s = nd.sample_normal(-1, 0.5, 300, bins=20, seed=9)
    np.testing.assert_array_equal(run_snippet(nd.rule_code(s)), s.within)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sigma": 0}, "greater than 0"),
        ({"sigma": -1}, "greater than 0"),
        ({"sigma": float("nan")}, "finite"),
        ({"mu": 7}, "at most 3"),
        ({"n": 5}, "at least 10"),
        ({"n": 2_000_000}, "at most 1000000"),
        ({"n": 10.5}, "whole number"),
        ({"seed": -1}, "at least 0"),
    ],
)
def test_bad_parameters(kwargs, message) -> None:
    args = {"mu": 0, "sigma": 1, "n": 100, "seed": 0} | kwargs
    with pytest.raises(ValueError, match=message):
        nd.draw_normal(**args)


def test_interval_needs_a_below_b() -> None:
    with pytest.raises(ValueError, match="needs a < b"):
        nd.interval_probability(0, 1, 1, 1, np.zeros(3))
    with pytest.raises(ValueError, match="b must be at most 9"):
        nd.interval_probability(0, 1, 0, 12, np.zeros(3))


def test_words_and_formulas() -> None:
    s = nd.sample_normal(0, 1, 100, bins=20, seed=0)
    words = nd.describe_draws(s)
    assert "100 draws" in words
    assert "σ/√n = 0.1" in words
    assert "68.27%" in nd.rule_table(s)
    assert "99.73%" in nd.rule_table(s)
    r = nd.interval_probability(0, 1, -1, 1, np.zeros(4))
    assert "0.6827" in nd.interval_latex(r)
    assert math.isclose(
        float(nd.interval_latex(r).split("=")[-1].split()[0]), 0.6827, abs_tol=1e-4
    )
