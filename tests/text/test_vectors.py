"""text.vectors: the code panels reproduce the page's numbers; formulas and sentences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import vectors as vec
from tests.helpers import run_snippet
from text import vectors as txt

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
    assert txt.dot_sum_text(result) == "1·4 + 2·5 + 3·6 = 32"
    code = txt.dot_code(result.a, result.b)
    assert repr(run_snippet(code)) == "np.int64(32)"
    assert repr(txt.dot_code_result(result)) == "np.int64(32)"


def test_negative_terms_are_written_in_brackets() -> None:
    result = vec.dot_product([1, -2], [-3, 4])
    assert txt.dot_sum_text(result) == "1·(-3) + (-2)·4 = -11"
    assert result.relation == "obtuse"
    assert result.projection_length is not None
    assert result.projection_length < 0
    assert "against b" in txt.describe_projection(result)


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
    words = txt.describe_dot(result)
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
    words = txt.describe_dot(result)
    assert "there is no angle" in words
    assert "nan" not in words.lower()
    assert "undefined" in txt.dot_latex(result)[1]
    assert "no direction" in txt.angle_code_result(result)
    assert run_snippet(txt.angle_code(result.a, result.b)) == txt.angle_code_result(
        result
    )


def test_fractional_entries_give_a_float_like_numpy() -> None:
    result = vec.dot_product([0.5, 1], [2, 3])
    value = txt.dot_code_result(result)
    assert type(value) is np.float64
    assert run_snippet(txt.dot_code(result.a, result.b)) == value == 4.0


@settings(deadline=None)  # the machine is shared: time is not the point
@given(pairs)
def test_code_panels_reproduce_the_page(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    result = vec.dot_product(a, b)
    value = run_snippet(txt.dot_code(a, b))
    assert type(value) is type(txt.dot_code_result(result))
    assert value == pytest.approx(result.dot, rel=1e-12, abs=1e-9)
    assert run_snippet(txt.angle_code(a, b)) == txt.angle_code_result(result)


def test_formula_lines_hold_the_numbers() -> None:
    first, second = txt.dot_latex(vec.dot_product([1, 2, 3], [4, 5, 6]))
    assert first == r"a\cdot b = 1\cdot4 + 2\cdot5 + 3\cdot6 = 32"
    assert "0.9746" in second
    assert "12.93" in second


def test_readouts_are_the_page_numbers() -> None:
    result = vec.dot_product([1, 2, 3], [4, 5, 6])
    labels = [label for label, _, _ in txt.readouts(result)]
    assert labels == [
        "a·b",
        "|a| (length)",
        "|b| (length)",
        "cos θ (similarity)",
        "angle θ",
    ]
    assert txt.readouts(result)[0][1] == "32"
    assert txt.readouts(result)[4][1] == "12.93°"


def test_readouts_of_a_zero_vector_say_undefined() -> None:
    cosine, angle = txt.readouts(vec.dot_product([0, 0], [1, 2]))[3:]
    assert cosine == ("cos θ: undefined", "—", txt.NO_DIRECTION)
    assert angle == ("angle θ: undefined", "—", txt.NO_DIRECTION)


def test_the_running_sum_in_words() -> None:
    assert txt.describe_terms(vec.dot_product([1, -2], [3, 4])) == (
        "The dot product built up term by term: 1·3 + (-2)·4 = -5."
    )
