"""Seeded normal draws summarised for any μ and σ by search, against NumPy on the draws."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import normal_distribution as nd
from core import normal_draws as ndr
from core.parsing import display_number

MUS = st.integers(-30, 30).map(lambda i: i / 10)  # the page's slider: steps of 0.1
SIGMAS = st.integers(10, 40).map(lambda i: i / 20)  # 0.5 … 2 in steps of 0.05


@pytest.mark.parametrize("seed", [0, 1, 42, 2**32 - 1])
@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (1.3, 0.7), (-3.0, 2.0)])
def test_mu_plus_sigma_z_is_the_generators_normal_bit_for_bit(seed, mu, sigma) -> None:
    z = np.random.default_rng(seed).standard_normal(10_000)
    np.testing.assert_array_equal(
        mu + sigma * z, np.random.default_rng(seed).normal(mu, sigma, 10_000)
    )


def _both(mu: float, sigma: float, n: int, bins: int, seed: int):
    fast = ndr.summarize_standard(ndr.standard_draws(n, seed), mu, sigma, bins)
    drawn = nd.draw_normal(mu, sigma, n, seed)
    return fast, nd.summarize_sample(drawn, mu, sigma, bins, seed), drawn


@settings(max_examples=60, deadline=None)
@given(
    MUS,
    SIGMAS,
    st.sampled_from([10, 11, 100, 1000, 54_321]),
    st.integers(5, 120),
    st.integers(0, 2**32 - 1),
)
def test_summary_by_search_is_numpys_on_the_draws(mu, sigma, n, bins, seed) -> None:
    fast, exact, _ = _both(mu, sigma, n, bins, seed)
    assert fast.key == exact.key
    np.testing.assert_array_equal(fast.edges, exact.edges)
    np.testing.assert_array_equal(fast.counts, exact.counts)
    assert (fast.below, fast.above) == (exact.below, exact.above)
    assert repr(fast.within) == repr(exact.within)  # the rule view's code result
    np.testing.assert_array_equal(fast.first_ten, exact.first_ten)
    # μ + σ·mean(z) and σ·std(z): the last bits may differ, no shown digit does
    assert float(fast.mean) == pytest.approx(float(exact.mean), rel=1e-13, abs=1e-15)
    assert float(fast.std) == pytest.approx(float(exact.std), rel=1e-13)
    for digits in (2, 3, 4):
        assert display_number(fast.mean, digits) == display_number(exact.mean, digits)
        assert display_number(fast.std, digits) == display_number(exact.std, digits)


def test_a_million_draws_by_search() -> None:
    fast, exact, _ = _both(0.4, 1.35, 1_000_000, 40, 7)
    np.testing.assert_array_equal(fast.counts, exact.counts)
    assert repr(fast.within) == repr(exact.within)
    assert display_number(fast.mean) == display_number(exact.mean)


@settings(max_examples=80, deadline=None)
@given(MUS, SIGMAS, st.integers(0, 1000), st.data())
def test_the_count_inside_is_numpys(mu, sigma, seed, data) -> None:
    n = 200
    draws = ndr.standard_draws(n, seed)
    x = mu + sigma * np.random.default_rng(seed).standard_normal(n)
    ends = st.one_of(
        st.floats(-9, 9),
        st.sampled_from([float(v) for v in x if -9 <= v <= 9]),  # an end on a draw
    )
    a, b = sorted((data.draw(ends), data.draw(ends)))
    assert ndr.count_between(draws, mu, sigma, a, b) == np.count_nonzero(
        (x > a) & (x < b)
    )
    if a < b:
        got = ndr.interval_standard(draws, mu, sigma, a, b)
        want = nd.interval_probability(mu, sigma, a, b, x)
        assert got == want


def test_the_standard_draws_are_read_only_and_sorted() -> None:
    draws = ndr.standard_draws(1000, 3)
    assert not draws.sorted.flags.writeable
    assert np.all(np.diff(draws.sorted) >= 0)
    assert draws.key == (1000, 3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ndr.standard_draws(5, 0), "at least 10"),
        (lambda: ndr.standard_draws(100, -1), "at least 0"),
        (lambda: ndr.summarize_standard(ndr.standard_draws(10, 0), 0, 0, 20), "σ"),
        (lambda: ndr.summarize_standard(ndr.standard_draws(10, 0), 9, 1, 20), "μ"),
        (lambda: ndr.summarize_standard(ndr.standard_draws(10, 0), 0, 1, 2), "bins"),
        (lambda: ndr.interval_standard(ndr.standard_draws(10, 0), 0, 1, 1, 0), "a < b"),
    ],
)
def test_bad_input_says_what_is_wrong(call, message) -> None:
    with pytest.raises(ValueError, match=message):
        call()
