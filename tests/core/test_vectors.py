"""core.vectors: the notebook's cell 2, hand-checked values, the named cases, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import vectors as vec

entries = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
pairs = st.integers(1, vec.MAX_DIMENSION).flatmap(
    lambda n: st.tuples(
        hnp.arrays(np.float64, n, elements=entries),
        hnp.arrays(np.float64, n, elements=entries),
    )
)


def test_hand_checked_norms_angle_and_projection() -> None:
    result = vec.dot_product([3, 4], [4, 0])
    assert (result.dot, result.norm_a, result.norm_b) == (12, 5, 4)
    assert result.cosine == pytest.approx(0.6)
    assert result.angle_degrees == pytest.approx(math.degrees(math.acos(0.6)))
    assert result.projection_length == pytest.approx(3.0)  # the shadow of (3, 4) on x
    np.testing.assert_allclose(result.projection, [3, 0])


@settings(deadline=None)  # the machine is shared: time is not the point
@given(pairs)
def test_identities(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    result = vec.dot_product(a, b)
    assert result.dot == pytest.approx(vec.dot_product(b, a).dot)
    assert result.dot == pytest.approx(float(np.dot(a, b)), abs=1e-6)
    assert result.norm_a == pytest.approx(math.sqrt(vec.dot_product(a, a).dot))
    if result.cosine is not None:
        assert -1 <= result.cosine <= 1
        assert result.dot == pytest.approx(
            result.norm_a * result.norm_b * result.cosine, abs=1e-6
        )


@settings(deadline=None)  # the machine is shared: time is not the point
@given(pairs)
def test_what_is_left_after_the_projection_is_at_right_angles_to_b(
    pair: tuple[np.ndarray, np.ndarray],
) -> None:
    a, b = pair
    result = vec.dot_product(a, b)
    assume(result.projection is not None)
    assert result.projection is not None
    rest = a - result.projection
    scale = max(1.0, result.norm_a * result.norm_b)
    assert abs(float(np.dot(rest, b))) <= 1e-9 * scale


@settings(deadline=None)  # the machine is shared: time is not the point
@given(pairs)
def test_the_plane_picture_keeps_lengths_and_the_dot_product(
    pair: tuple[np.ndarray, np.ndarray],
) -> None:
    a, b = pair
    result = vec.dot_product(a, b)
    pa, pb = vec.plane_coordinates(result)
    assert np.hypot(*pa) == pytest.approx(result.norm_a, abs=1e-9)
    assert np.hypot(*pb) == pytest.approx(result.norm_b, abs=1e-9)
    if result.cosine is not None:
        assert float(np.dot(pa, pb)) == pytest.approx(
            result.norm_a * result.norm_b * result.cosine, rel=1e-9, abs=1e-6
        )
        assert pb[1] >= 0  # b is drawn on the upper side of a


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("1, 2, 3", "4, 5", "a has 3 numbers but b has 2"),
        ("1, 2, 3, 4, 5, 6, 7", "1", "a has 7 numbers; the most this page takes is 6"),
        ("1, x", "1, 2", "'x' is not a number"),
        ("1, nan", "1, 2", "not allowed"),
        ("", "1", "a is empty"),
        (
            "1, 2",
            "1, 2e7",
            "b has an entry of 20000000 in size; keep every entry between −1,000,000",
        ),
    ],
)
def test_bad_text_gives_a_clear_message(a: str, b: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        vec.dot_product_from_text(a, b)


@pytest.mark.parametrize("bad", [[1, math.nan], [math.inf, 0], [[1, 2]], []])
def test_bad_arrays_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^a "):
        vec.dot_product(bad, [1, 2])


def test_the_key_is_the_inputs() -> None:
    result = vec.dot_product([1, 2], [3, 4])
    assert result.key == ((1.0, 2.0), (3.0, 4.0))
    assert result.key == vec.dot_product_from_text("1, 2", "3, 4").key
    hash(result.key)
