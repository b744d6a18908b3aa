"""The normal distribution: cell 7 with a seed, the CDF against the stdlib, binning."""

from __future__ import annotations

from statistics import NormalDist  # the standard library: an independent implementation

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import normal_distribution as nd


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


def test_the_key_is_the_inputs() -> None:
    s = nd.sample_normal(0.5, 1.5, 200, bins=12, seed=4)
    assert s.key == (0.5, 1.5, 200, 12, 4)
    hash(s.key)


def test_standard_error_is_sigma_over_root_n() -> None:
    s = nd.sample_normal(0, 2, 400, bins=10, seed=0)
    assert s.standard_error == 2 / 20


def test_interval_z_scores_and_cdf_values() -> None:
    r = nd.interval_probability(1, 2, 0, 4, np.zeros(3))
    assert (r.z_a, r.z_b) == (-0.5, 1.5)
    assert r.cdf_a == NormalDist().cdf(-0.5)
    assert r.cdf_b == NormalDist().cdf(1.5)
    assert r.cdf_b - r.cdf_a == pytest.approx(r.probability, abs=1e-15)
