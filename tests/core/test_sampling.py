"""Sampling: source moments, running means (LLN), means of k (CLT), bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import sampling as smp
from tests.helpers import run_snippet


def test_source_moments_from_first_principles() -> None:
    faces = np.arange(1, 7)
    die = smp.SOURCES["die"]
    assert die.mean == faces.mean()
    assert die.std == pytest.approx(faces.std())
    centred = faces - 3.5
    assert die.excess_kurtosis == pytest.approx(
        np.mean(centred**4) / np.var(faces) ** 2 - 3
    )
    rare = smp.SOURCES["rare"]
    values, probs = np.array([0.0, 1.0]), np.array([0.9, 0.1])
    mean = float(values @ probs)
    var = float(((values - mean) ** 2) @ probs)
    assert (rare.mean, rare.std) == (pytest.approx(mean), pytest.approx(math.sqrt(var)))
    assert rare.skewness == pytest.approx(
        float(((values - mean) ** 3) @ probs) / var**1.5
    )
    assert smp.SOURCES["uniform"].std == pytest.approx(math.sqrt(1 / 12))
    assert (
        smp.SOURCES["exponential"].skewness,
        smp.SOURCES["exponential"].excess_kurtosis,
    ) == (2, 6)


@pytest.mark.parametrize("key", list(smp.SOURCES))
def test_each_source_draws_with_the_code_it_shows(key: str) -> None:
    source = smp.SOURCES[key]
    code = "import numpy as np\nrng = np.random.default_rng(5)\n" + source.code.format(
        size="(4, 6)"
    )
    np.testing.assert_array_equal(
        run_snippet(code), source.draw(np.random.default_rng(5), (4, 6))
    )


@pytest.mark.parametrize("key", list(smp.SOURCES))
def test_sample_moments_match_the_source(key: str) -> None:
    source = smp.SOURCES[key]
    draws = source.draw(np.random.default_rng(0), 400_000)
    assert draws.mean() == pytest.approx(source.mean, abs=5 * source.std / 632)
    assert draws.std() == pytest.approx(source.std, rel=0.01)
    assert draws.min() >= source.low
    assert draws.max() <= source.high + 20


def test_running_means_are_cumulative_averages() -> None:
    r = smp.running_means("die", n=500, runs=2, seed=1)
    draws = smp.SOURCES["die"].draw(np.random.default_rng(1), (2, 500))
    np.testing.assert_allclose(r.final, draws.mean(axis=1))
    assert r.steps[0] == 1
    assert r.steps[-1] == 500
    assert len(r.steps) <= smp.PATH_POINTS
    np.testing.assert_array_equal(r.paths[:, 0], draws[:, 0])
    i = int(r.steps[len(r.steps) // 2])
    np.testing.assert_allclose(r.paths[:, len(r.steps) // 2], draws[:, :i].mean(axis=1))
    np.testing.assert_allclose(r.envelope, r.source.std / np.sqrt(r.steps))


def test_law_of_large_numbers() -> None:
    r = smp.running_means("exponential", n=100_000, runs=10, seed=2)
    error = np.abs(r.final - 1.0)
    assert error.max() < 4 / math.sqrt(100_000)
    early = np.abs(r.paths[:, 0] - 1.0)
    assert early.mean() > 10 * error.mean()


@pytest.mark.parametrize(("key", "k"), [("die", 1), ("die", 7), ("rare", 30)])
def test_discrete_sources_get_one_bar_per_possible_mean(key: str, k: int) -> None:
    r = smp.means_of_k(key, k, 5000, 40, seed=0)
    assert r.counts.sum() == 5000
    spacing = np.diff(r.edges)
    np.testing.assert_allclose(spacing, 1 / k)
    centres = (r.edges[:-1] + r.edges[1:]) / 2
    np.testing.assert_allclose(centres * k, np.round(centres * k), atol=1e-9)


def test_die_k1_is_flat() -> None:
    r = smp.means_of_k("die", 1, 60_000, 40, seed=0)
    np.testing.assert_allclose(r.density, 1 / 6, atol=0.01)


def test_clt_spread_and_skewness_follow_theory() -> None:
    r = smp.means_of_k("exponential", 4, 100_000, 40, seed=3)
    assert float(r.std_of_means) == pytest.approx(0.5, rel=0.02)
    assert r.skewness == pytest.approx(1.0, abs=0.1)
    assert r.predicted_skewness == 1.0
    assert float(np.sum(r.density * np.diff(r.edges))) <= 1.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: smp.means_of_k("coin", 5, 1000, 20, 0), "Unknown source 'coin'"),
        (lambda: smp.means_of_k("die", 0, 1000, 20, 0), "at least 1"),
        (lambda: smp.means_of_k("die", 51, 1000, 20, 0), "at most 50"),
        (lambda: smp.means_of_k("die", 5, 50, 20, 0), "at least 100"),
        (lambda: smp.running_means("die", 5, 1, 0), "at least 10"),
        (lambda: smp.running_means("die", 100, 11, 0), "at most 10"),
        (lambda: smp.running_means("die", 100, 1, -3), "at least 0"),
    ],
)
def test_bad_input(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("key", ["die", "rare"])
@pytest.mark.parametrize("seed", [0, 9, 2**32 - 1])
def test_running_totals_give_the_very_means_of_fresh_draws(key: str, seed: int) -> None:
    """One stream serves every k: rows of (repeats, k) draws are its first repeats·k."""
    totals = smp.draw_totals(key, 1000, seed)
    for k in (1, 2, 7, 33, 50):
        fast = smp.means_of_k(key, k, 1000, 40, seed, totals)
        fresh = smp.means_of_k(key, k, 1000, 40, seed)
        draws = smp.SOURCES[key].draw(np.random.default_rng(seed), (1000, k))
        np.testing.assert_array_equal(totals.row_sums(k), draws.sum(axis=1))
        assert repr(fast.mean_of_means) == repr(np.mean(draws.mean(axis=1)))
        assert repr(fast.std_of_means) == repr(np.std(draws.mean(axis=1)))
        assert fast.skewness == fresh.skewness
        np.testing.assert_array_equal(fast.counts, fresh.counts)
        np.testing.assert_array_equal(fast.edges, fresh.edges)


def test_totals_of_other_draws_are_not_used() -> None:
    other = smp.draw_totals("die", 1000, 1)
    with_other = smp.means_of_k("die", 5, 1000, 40, 0, other)
    assert (
        with_other.mean_of_means == smp.means_of_k("die", 5, 1000, 40, 0).mean_of_means
    )


def test_a_continuous_source_has_no_running_totals() -> None:
    with pytest.raises(ValueError, match="not discrete"):
        smp.draw_totals("uniform", 1000, 0)
    with pytest.raises(ValueError, match="at most 100000"):
        smp.draw_totals("die", 200_000, 0)
