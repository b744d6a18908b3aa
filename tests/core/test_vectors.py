"""core.vectors: the notebook's cell 2, hand-checked values, the named cases, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import vectors as vec
from tests.helpers import run_snippet

entries = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
pairs = st.integers(1, vec.MAX_DIMENSION).flatmap(
    lambda n: st.tuples(
        hnp.arrays(np.float64, n, elements=entries),
        hnp.arrays(np.float64, n, elements=entries),
    )
)


def test_notebook_cell_2() -> None:
    # In [2]: np.dot(np.array([1, 2, 3]), np.array([4, 5, 6]))  ->  Out[2]: np.int64(32)
    result = vec.dot_product([1, 2, 3], [4, 5, 6])
    assert result.dot == 32
    assert vec.dot_sum_text(result) == "1·4 + 2·5 + 3·6 = 32"
    code = vec.dot_code(result.a, result.b)
    assert repr(run_snippet(code)) == "np.int64(32)"
    assert repr(vec.dot_code_result(result)) == "np.int64(32)"


def test_hand_checked_norms_angle_and_projection() -> None:
    result = vec.dot_product([3, 4], [4, 0])
    assert (result.dot, result.norm_a, result.norm_b) == (12, 5, 4)
    assert result.cosine == pytest.approx(0.6)
    assert result.angle_degrees == pytest.approx(math.degrees(math.acos(0.6)))
    assert result.projection_length == pytest.approx(3.0)  # the shadow of (3, 4) on x
    np.testing.assert_allclose(result.projection, [3, 0])


def test_negative_terms_are_written_in_brackets() -> None:
    result = vec.dot_product([1, -2], [-3, 4])
    assert vec.dot_sum_text(result) == "1·(-3) + (-2)·4 = -11"
    assert result.relation == "obtuse"
    assert result.projection_length is not None
    assert result.projection_length < 0
    assert "against b" in vec.describe_projection(result)


@pytest.mark.parametrize(
    ("a", "b", "relation", "angle"),
    [
        ([1, 0], [0, 2], "orthogonal", 90.0),
        ([2, 3], [3, -2], "orthogonal", 90.0),
        ([1, 2, 3], [2, 4, 6], "parallel", 0.0),
        ([0.1, 0.2], [0.3, 0.6], "parallel", 0.0),  # 0.1·0.3 + … is not exactly 1
        ([2, 1], [-4, -2], "opposite", 180.0),
        ([1, 1], [1, 0], "acute", 45.0),
        ([-1, 1], [1, 0], "obtuse", 135.0),
    ],
)
def test_named_cases(
    a: list[float], b: list[float], relation: str, angle: float
) -> None:
    result = vec.dot_product(a, b)
    assert result.relation == relation
    assert result.angle_degrees == pytest.approx(angle)
    words = vec.describe_dot(result)
    if relation in ("orthogonal", "parallel", "opposite"):
        assert f"**{relation}**" in words


@pytest.mark.parametrize(
    ("a", "b"), [([0, 0], [1, 2]), ([1, 2, 3], [0, 0, 0]), ([0], [0])]
)
def test_a_zero_vector_has_no_angle_and_says_so(a: list[float], b: list[float]) -> None:
    result = vec.dot_product(a, b)
    assert result.relation == "zero"
    assert result.cosine is None
    assert result.angle_degrees is None
    assert result.projection is None
    words = vec.describe_dot(result)
    assert "there is no angle" in words
    assert "nan" not in words.lower()
    assert "undefined" in vec.dot_latex(result)[1]
    assert "no direction" in vec.angle_code_result(result)
    assert run_snippet(vec.angle_code(result.a, result.b)) == vec.angle_code_result(
        result
    )


def test_fractional_entries_give_a_float_like_numpy() -> None:
    result = vec.dot_product([0.5, 1], [2, 3])
    value = vec.dot_code_result(result)
    assert type(value) is np.float64
    assert run_snippet(vec.dot_code(result.a, result.b)) == value == 4.0


@settings(deadline=None)  # the machine is shared: time is not the point
@given(pairs)
def test_code_panels_reproduce_the_page(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    result = vec.dot_product(a, b)
    value = run_snippet(vec.dot_code(a, b))
    assert type(value) is type(vec.dot_code_result(result))
    assert value == pytest.approx(result.dot, rel=1e-12, abs=1e-9)
    assert run_snippet(vec.angle_code(a, b)) == vec.angle_code_result(result)


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


def test_formula_lines_hold_the_numbers() -> None:
    first, second = vec.dot_latex(vec.dot_product([1, 2, 3], [4, 5, 6]))
    assert first == r"a\cdot b = 1\cdot4 + 2\cdot5 + 3\cdot6 = 32"
    assert "0.9746" in second
    assert "12.93" in second
