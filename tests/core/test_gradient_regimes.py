"""The regime of a 1-D descent read from its path, and the learning rates worth trying."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.gradient_descent import descend_1d, get_function, parabola_regime
from core.gradient_descent.regimes import (
    REGIME_KEYS,
    learning_rate_range,
    path_regime,
)


@pytest.mark.parametrize(
    ("lr", "key"),
    [(0.1, "smooth"), (0.5, "one_step"), (0.8, "oscillating"), (1.0, "bouncing")],
)
def test_on_a_parabola_the_regime_is_the_rule_of_lr(lr: float, key: str) -> None:
    assert path_regime(descend_1d("square", 5, lr, 20)) == key
    assert path_regime(descend_1d("shifted", 5, lr, 20)) == key


def test_before_any_step_and_after_divergence() -> None:
    assert path_regime(descend_1d("square", 5, 0.1, 0)) == "none"
    assert path_regime(descend_1d("square", 5, 3.5, 20)) == "diverging"
    assert path_regime(descend_1d("square", 5, 1.1, 3)) == "diverging"  # not yet 1e6


def test_other_curves_are_read_from_the_path() -> None:
    # log cosh: f″(0) = 1; lr 0.5 creeps in from one side, 1.5 crosses over and back
    assert path_regime(descend_1d("log_cosh", 1, 0.5, 60)) == "smooth"
    assert path_regime(descend_1d("log_cosh", 1, 1.5, 60)) == "oscillating"
    # w⁴ − 3w² + w near its left minimum (f″ ≈ 14.3): lr 0.15 > 2/f″ never settles
    assert path_regime(descend_1d("two_minima", -1.2, 0.15, 200)) == "jumping"
    assert path_regime(descend_1d("quartic", 2, 0.01, 5)) == "on_its_way"


@given(st.floats(0.01, 1.5), st.integers(0, 60))
def test_every_regime_is_a_known_key(lr: float, steps: int) -> None:
    for key in ("square", "log_cosh", "two_minima"):
        assert path_regime(descend_1d(key, 2.0, lr, steps)) in REGIME_KEYS


def test_learning_rates_reach_past_two_over_the_curvature() -> None:
    low, high, n = learning_rate_range(get_function("square"), 5.0)
    assert (low, high, n) == (0.05, 1.2, 24)
    rates = [round(low * k, 12) for k in range(1, n + 1)]
    # every regime of w² is on the grid, exactly
    assert {parabola_regime(r).key for r in rates} == {
        "smooth",
        "one_step",
        "oscillating",
        "bouncing",
        "diverging",
    }


def test_a_steep_start_asks_for_small_rates_and_the_current_rate_stays_reachable() -> (
    None
):
    assert learning_rate_range(get_function("quartic"), 5.0) == (0.001, 0.008, 8)
    low, high, n = learning_rate_range(get_function("quartic"), 5.0, lr=0.1)
    assert high == pytest.approx(0.1)
    assert low * n == pytest.approx(high)
    assert learning_rate_range(get_function("square"), 5.0, lr=9.0)[1] == 4.0


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="start"):
        learning_rate_range(get_function("square"), float("nan"))
    with pytest.raises(ValueError, match="tolerance"):
        path_regime(descend_1d("square", 5, 0.1, 1), tolerance=0)
