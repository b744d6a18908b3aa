"""core.parsing: the one parser every page uses for typed vectors and matrices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.parsing import (
    MAX_LIST_LENGTH,
    MAX_MATRIX_SIDE,
    MAX_TEXT_LENGTH,
    code_literal,
    format_matrix,
    format_number,
    format_vector,
    parse_matrix,
    parse_number,
    parse_vector,
)
from tests.helpers import run_snippet

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
matrices = st.integers(1, MAX_MATRIX_SIDE).flatmap(
    lambda rows: st.integers(1, MAX_MATRIX_SIDE).flatmap(
        lambda cols: hnp.arrays(np.float64, (rows, cols), elements=finite)
    )
)


# -- the accepted spellings -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["1, 2, 3", "1 2 3", "[1, 2, 3]", "(1, 2, 3)", "1;2;3", "1\n2\n3", " 1 ,2,  3 "],
)
def test_vector_spellings(text: str) -> None:
    np.testing.assert_array_equal(parse_vector(text), [1.0, 2.0, 3.0])


@pytest.mark.parametrize(
    "text",
    [
        "2, 3; 4, 5",
        "2 3; 4 5",
        "[[2, 3], [4, 5]]",
        "[[2,3],[4,5]]",
        "2, 3\n4, 5",
        "[2, 3]\n[4, 5]",
        "((2, 3), (4, 5))",
        "2 3\r\n4 5",
    ],
)
def test_matrix_spellings(text: str) -> None:
    np.testing.assert_array_equal(parse_matrix(text), [[2.0, 3.0], [4.0, 5.0]])


def test_one_row_and_one_column() -> None:
    assert parse_matrix("1, 2, 3").shape == (1, 3)
    assert parse_matrix("1; 2; 3").shape == (3, 1)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("2", 2.0),
        ("-0.5", -0.5),
        ("1e-3", 0.001),
        ("+4", 4.0),
        ("−3", -3.0),
        (".5", 0.5),
    ],
)
def test_numbers_as_learners_write_them(token: str, value: float) -> None:
    assert parse_number(token) == value


# -- clear messages for each kind of bad input ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1, 2; 3",
            "every row needs the same number of entries, but the rows have 2, 1",
        ),
        ("1, two; 3, 4", "'two' is not a number"),
        ("1, nan; 3, 4", "'nan' is not allowed"),
        ("1, inf; 3, 4", "'inf' is not allowed"),
        ("1, 1e999", "too large to be a finite number"),
        ("", "is empty"),
        ("[[ ]]", "is empty"),
        ("[[1, 2], [3, 4]", "the brackets do not match"),
        (
            "; ".join(["1"] * (MAX_MATRIX_SIDE + 1)),
            f"the most allowed is {MAX_MATRIX_SIDE}",
        ),
        (", ".join(["1"] * (MAX_MATRIX_SIDE + 1)), "columns; the most allowed is"),
    ],
)
def test_bad_matrix_text_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(
        ValueError, match=message.replace("[", r"\[").replace("(", r"\(")
    ):
        parse_matrix(text, "A")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("1, x, 3", "'x' is not a number"),
        ("1, -inf", "not allowed"),
        ("[1, [2]]", "brackets are only allowed around the whole list"),
        (", ".join(["1"] * 7), "the most this page takes is 6"),
    ],
)
def test_bad_vector_text_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        parse_vector(text, "a", max_length=6)


def test_the_name_is_in_the_message() -> None:
    with pytest.raises(ValueError, match=r"^B: 'x' is not a number"):
        parse_matrix("1, x", "B")


def test_text_longer_than_the_cap_is_refused_before_parsing() -> None:
    with pytest.raises(ValueError, match="characters long"):
        parse_matrix("1 " * MAX_TEXT_LENGTH)


def test_vector_length_cap() -> None:
    with pytest.raises(ValueError, match="the most this page takes"):
        parse_vector(", ".join(["1"] * (MAX_LIST_LENGTH + 1)))


@pytest.mark.parametrize("value", [None, 12, ["1, 2"]])
def test_non_text_is_a_value_error(value: object) -> None:
    with pytest.raises(ValueError, match="must be text"):
        parse_matrix(value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be text"):
        parse_vector(value)  # type: ignore[arg-type]


# -- properties ---------------------------------------------------------------------------


@settings(deadline=None)  # the machine is shared: time is not the point
@given(matrices)
def test_formatting_then_parsing_gives_the_same_matrix(matrix: np.ndarray) -> None:
    parsed = parse_matrix(format_matrix(matrix))
    assert parsed.shape == matrix.shape
    np.testing.assert_array_equal(parsed, matrix)


@settings(deadline=None)  # the machine is shared: time is not the point
@given(st.lists(finite, min_size=1, max_size=50))
def test_formatting_then_parsing_gives_the_same_vector(values: list[float]) -> None:
    np.testing.assert_array_equal(parse_vector(format_vector(values)), values)


@settings(deadline=None)  # the machine is shared: time is not the point
@given(matrices)
def test_code_literal_reads_back_in_python(matrix: np.ndarray) -> None:
    np.testing.assert_array_equal(np.array(run_snippet(code_literal(matrix))), matrix)


@settings(deadline=None)  # the machine is shared: time is not the point
@given(finite)
def test_format_number_reads_back_exactly(value: float) -> None:
    assert parse_number(format_number(value)) == value


junk_alphabet = st.sampled_from(
    [*"0123456789 ,;[]().eE+-−\n\t\r", "nan", "inf", "x", "١", "½", "\x00", "🙂"]
)
junk = st.one_of(
    st.text(max_size=80),
    st.lists(junk_alphabet, max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(junk)
def test_random_junk_gives_a_value_error_or_a_finite_matrix(text: str) -> None:
    # Never another exception: a learner's typo must become a message, not a traceback.
    matrix, message = None, ""
    try:
        matrix = parse_matrix(text)
    except ValueError as exc:
        message = str(exc)
    if matrix is None:
        assert len(message) > 10  # a sentence for the learner
    else:
        assert matrix.ndim == 2
        assert np.all(np.isfinite(matrix))
        assert max(matrix.shape) <= MAX_MATRIX_SIDE


@settings(max_examples=400, deadline=None)
@given(junk)
def test_random_junk_gives_a_value_error_or_a_finite_vector(text: str) -> None:
    vector, message = None, ""
    try:
        vector = parse_vector(text)
    except ValueError as exc:
        message = str(exc)
    if vector is None:
        assert len(message) > 10  # a sentence for the learner
    else:
        assert vector.ndim == 1
        assert np.all(np.isfinite(vector))
