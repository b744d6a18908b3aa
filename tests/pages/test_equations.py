"""The Equations page as a learner uses it (AppTest)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/equations.py"


def test_default_is_notebook_cell_1() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert at.number_input(key="a").value == 2.0
    assert at.number_input(key="b").value == -4.0
    code, output = code_panel(at)
    assert output == "2.0"  # Out[1]: 2.0
    assert run_snippet(code) == 2.0
    assert "x = 2" in texts(at)
    root = trace(figures(at)[0], "root")
    assert list(root["x"]) == [2.0]
    assert dict(at.query_params) == {}


@pytest.mark.parametrize(
    ("key", "value", "root"), [("a", 4.0, 1.0), ("b", 3.0, -1.5), ("a", -0.5, -8.0)]
)
def test_changing_a_control_moves_the_root(key: str, value: float, root: float) -> None:
    at = page_test(SCRIPT).run()
    at.number_input(key=key).set_value(value).run()
    assert not at.exception
    drawn = trace(figures(at)[0], "root")
    assert list(drawn["x"]) == [pytest.approx(root)]
    code, output = code_panel(at)
    assert run_snippet(code) == pytest.approx(root)
    assert output == repr(root)
    assert at.query_params[key] == f"{value:g}"


def test_slider_and_exact_entry_agree() -> None:
    at = page_test(SCRIPT).run()
    at.slider(key="a__slider").set_value(5.0).run()
    assert at.number_input(key="a").value == 5.0
    line = trace(figures(at)[0], "y = a·x + b")
    np.testing.assert_allclose(line["y"], 5 * np.asarray(line["x"]) - 4)


def test_url_parameters_are_applied() -> None:
    at = page_test(SCRIPT, {"a": "-2.5", "b": "5"}).run()
    assert at.number_input(key="a").value == -2.5
    assert list(trace(figures(at)[0], "root")["x"]) == [2.0]
    assert "x = 2" in texts(at)


def test_bad_url_values_fall_back_to_the_notebook() -> None:
    at = page_test(SCRIPT, {"a": "banana", "b": "1e9", "view": "three"}).run()
    assert not at.exception
    assert at.number_input(key="a").value == 2.0
    assert at.number_input(key="b").value == -4.0
    notes = " ".join(c.value for c in at.caption)
    for name in ("a", "b", "view"):
        assert f"Ignored `{name}`" in notes


@pytest.mark.parametrize(
    ("b", "words"), [(3.0, "no x solves"), (0.0, "every x is a solution")]
)
def test_a_zero_is_explained_not_an_error(b: float, words: str) -> None:
    at = page_test(SCRIPT, {"a": "0", "b": str(b)}).run()
    assert not at.exception
    assert not at.error
    assert words in texts(at)
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_two_equations_view() -> None:
    at = page_test(SCRIPT, {"view": "two"}).run()
    assert not at.exception
    point = trace(figures(at)[0], "solution")
    assert (list(point["x"]), list(point["y"])) == ([2.0], [1.0])
    code, output = code_panel(at)
    np.testing.assert_array_equal(run_snippet(code), [2.0, 1.0])
    assert output == "array([2., 1.])"


@pytest.mark.parametrize(("c2", "words"), [(5.0, "parallel"), (6.0, "same line")])
def test_parallel_lines_are_explained(c2: float, words: str) -> None:
    query = {"view": "two", "a2": "2", "b2": "2", "c2": str(c2)}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert not at.error
    assert words in texts(at)
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_equation_without_unknowns_shows_an_error_and_keeps_the_chart() -> None:
    at = page_test(SCRIPT, {"view": "two"}).run()
    at.number_input(key="a2").set_value(0.0).run()
    at.number_input(key="b2").set_value(0.0).run()
    assert not at.exception
    assert "Equation 2 has no x and no y" in at.error[0].value
    assert figures(at), "the last good chart stays on screen"
    point = trace(figures(at)[0], "solution")
    # the last good input: x + y = 3 and 0x - 1y = 1, so y = -1 and x = 4
    assert (list(point["x"]), list(point["y"])) == ([4.0], [-1.0])


@settings(max_examples=15, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "view", "a1", "c2", "hide", "zz"]),
        st.text(max_size=12),
        max_size=4,
    )
)
def test_any_garbage_link_renders_a_valid_view(query: dict[str, str]) -> None:
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    for widget in at.number_input:
        assert -10 <= widget.value <= 10
    assert figures(at)
