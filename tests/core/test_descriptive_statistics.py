"""Descriptive statistics: notebook cell 6, hand-checked values, the stdlib, bad input."""

from __future__ import annotations

import statistics as pystats  # the standard library: an independent implementation

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import descriptive_statistics as stats
from text import descriptive_statistics as txt

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_hand_checked_notebook_values() -> None:
    s = stats.summarize([10, 20, 30, 40])
    assert list(s.deviations) == [-15, -5, 5, 15]
    assert list(s.squares) == [225, 25, 25, 225]
    assert s.var_pop == 500 / 4
    assert s.var_sample == pytest.approx(500 / 3)
    assert s.std_sample == pytest.approx((500 / 3) ** 0.5)
    assert s.median == 25


@given(st.lists(finite, min_size=2, max_size=60))
def test_agrees_with_the_standard_library(values: list[float]) -> None:
    s = stats.summarize(values)
    assert float(s.mean) == pytest.approx(pystats.fmean(values), rel=1e-9, abs=1e-6)
    assert float(s.median) == pytest.approx(pystats.median(values))
    assert float(s.var_pop) == pytest.approx(
        pystats.pvariance(values), rel=1e-7, abs=1e-6
    )
    assert float(s.var_sample) == pytest.approx(
        pystats.variance(values), rel=1e-7, abs=1e-6
    )


@given(st.lists(finite, min_size=1, max_size=60))
def test_variance_is_the_mean_area_of_the_squares(values: list[float]) -> None:
    s = stats.summarize(values)
    assert float(s.var_pop) == pytest.approx(float(np.mean(s.squares)), abs=1e-6)
    assert float(s.std_pop) ** 2 == pytest.approx(float(s.var_pop), rel=1e-9, abs=1e-9)
    inside = np.abs(s.deviations) <= s.std_pop
    assert inside.any() or s.var_pop == 0  # someone is within one std


def test_outlier_moves_the_mean_not_the_median() -> None:
    effect = stats.outlier_effect(stats.summarize("10, 20, 30, 40, 200"))
    assert effect is not None
    assert effect.value == 200
    assert (effect.mean_with, effect.mean_without) == (60, 25)
    assert (effect.median_with, effect.median_without) == (30, 25)
    words = txt.describe_centre(stats.summarize("10, 20, 30, 40, 200"), effect)
    assert "**35**" in words
    assert "**5**" in words
    assert "drags the mean" in words


def test_moving_one_value_mean_is_a_line_median_is_flat_outside() -> None:
    s = stats.summarize("10, 20, 30, 40, 200")
    sweep = stats.move_largest_value(s, 0, 1000, points=101)
    slopes = np.diff(sweep.means) / np.diff(sweep.positions)
    np.testing.assert_allclose(slopes, 1 / 5)
    beyond = sweep.positions >= 40
    assert set(sweep.medians[beyond]) == {30.0}
    assert set(sweep.medians[sweep.positions <= 10]) == {20.0}


def test_single_value() -> None:
    s = stats.summarize("7")
    assert (s.mean, s.var_pop, s.std_pop) == (7, 0, 0)
    assert s.var_sample is None
    assert s.std_sample is None
    assert "undefined" in txt.describe_spread(s)
    with pytest.raises(ValueError, match="needs at least two values"):
        stats.summarize("7", ddof=1)


def test_all_equal_values_have_zero_spread() -> None:
    s = stats.summarize("25, 25, 25, 25")
    assert s.var_pop == 0
    assert s.var_sample == 0
    assert "variance and standard deviation are 0" in txt.describe_spread(s)
    assert stats.outlier_effect(s) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("  ,  ", "empty"),
        ("10, abc, 30", "'abc' is not a number"),
        ("10, nan", "not allowed"),
        ("10, inf", "not allowed"),
        ("1e400", "too large"),
        (", ".join(["1"] * (stats.MAX_VALUES + 1)), "the most this page takes is 200"),
        ("1, 2e10", "too large"),
    ],
)
def test_bad_input_is_explained(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        stats.summarize(text)


def test_bad_ddof() -> None:
    with pytest.raises(ValueError, match="ddof must be 0 or 1"):
        stats.summarize("1, 2", ddof=2)
