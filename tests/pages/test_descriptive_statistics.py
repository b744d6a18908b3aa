"""The Mean, variance & std page as a learner uses it (AppTest)."""

from __future__ import annotations

import statistics as pystats  # the standard library: an independent check

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/descriptive_statistics.py"


def segmented(at: AppTest, key: str):
    return next(e for e in at.get("segmented_control") if e.key == key)


def test_default_reproduces_notebook_cell_6() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    assert output == (
        "(np.float64(25.0), np.float64(125.0), np.float64(11.180339887498949))"
    )
    assert repr(run_snippet(code)) == output
    words = texts(at)
    assert "**125**" in words
    assert "**11.1803**" in words
    dots, squares = figures(at)
    assert list(trace(dots, "values")["x"]) == [10, 20, 30, 40]
    assert "500 ÷ 4 = 125" in squares["layout"]["title"]["text"]
    assert dict(at.query_params) == {}


def test_typing_new_numbers_updates_everything() -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key="data").input("2, 4, 4, 4, 5, 5, 7, 9").run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    mean, variance, std = run_snippet(code)
    assert (mean, variance, std) == (5.0, 4.0, 2.0)  # the textbook example
    assert repr((mean, variance, std)) == output
    assert list(trace(figures(at)[0], "mean")["x"]) == [5, 5]
    assert at.query_params["data"] in (
        "2, 4, 4, 4, 5, 5, 7, 9",
        ["2, 4, 4, 4, 5, 5, 7, 9"],
    )


def test_outlier_preset_and_mean_vs_median_view() -> None:
    at = page_test(SCRIPT).run()
    at.button(key="preset_outlier").click().run()
    assert at.text_input(key="data").value == "10, 20, 30, 40, 200"
    segmented(at, "view").set_value("center").run()
    assert not at.exception
    words = texts(at)
    assert "The mean is **60**" in words
    assert "median (the middle value) is **30**" in words
    assert "drags the mean" in words
    _dots, move = figures(at)
    assert list(trace(move, "now")["y"]) == [60, 30]
    code, output = code_panel(at)
    assert run_snippet(code) == (60.0, 30.0)
    assert output == repr((np.float64(60.0), np.float64(30.0)))


def test_sample_variance_choice() -> None:
    at = page_test(SCRIPT).run()
    segmented(at, "ddof").set_value("1").run()
    assert not at.exception
    code, output = code_panel(at)
    assert "ddof=1" in code
    values = [10, 20, 30, 40]
    assert run_snippet(code)[1] == pytest.approx(pystats.variance(values))
    assert repr(run_snippet(code)) == output
    assert at.query_params["ddof"] in ("1", ["1"])
    assert "n − 1 = 3" in texts(at)


def test_single_value_says_sample_variance_is_undefined() -> None:
    at = page_test(SCRIPT, {"data": "7"}).run()
    assert not at.exception
    assert not at.error
    assert "undefined: needs 2 or more values" in texts(at)
    segmented(at, "ddof").set_value("1").run()
    assert not at.exception
    assert "sample variance needs at least two values" in at.error[0].value


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "empty"),
        ("10, twenty, 30", "'twenty' is not a number"),
        ("10, NaN", "not allowed"),
        ("1, inf", "not allowed"),
        (", ".join(["3"] * 201), "the most this page takes is 200"),
    ],
)
def test_bad_input_shows_an_error_and_keeps_the_chart(typed: str, message: str) -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key="data").input(typed).run()
    assert not at.exception
    assert message in at.error[0].value
    assert list(trace(figures(at)[0], "values")["x"]) == [10, 20, 30, 40]


def test_url_parameters_are_applied() -> None:
    at = page_test(SCRIPT, {"data": "1, 2, 3, 10", "view": "center"}).run()
    assert not at.exception
    assert at.text_input(key="data").value == "1, 2, 3, 10"
    assert "The mean is **4**" in texts(at)


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(SCRIPT, {"data": "1, x", "view": "pie", "ddof": "3"}).run()
    assert not at.exception
    assert not at.error
    assert at.text_input(key="data").value == "10, 20, 30, 40"
    notes = " ".join(c.value for c in at.caption)
    for key in ("data", "view", "ddof"):
        assert f"Ignored `{key}`" in notes


def test_mean_vs_median_opens_where_they_differ() -> None:
    at = page_test(SCRIPT, {"view": "center"}).run()
    assert not at.exception
    # not the notebook's 10, 20, 30, 40 (mean = median): the same with an outlier
    assert at.text_input(key="data").value == "10, 20, 30, 40, 200"
    assert "The mean is **60**" in texts(at)
    assert "median (the middle value) is **30**" in texts(at)
    assert at.query_params["data"] == "10, 20, 30, 40, 200"
    at.button(key="preset_notebook").click().run()  # the learner's choice stays
    assert at.text_input(key="data").value == "10, 20, 30, 40"
    assert "and the median by the same **5**" in texts(at)


def test_a_link_that_names_the_notebook_list_keeps_it() -> None:
    at = page_test(SCRIPT, {"view": "center", "data": "10, 20, 30, 40"}).run()
    assert at.text_input(key="data").value == "10, 20, 30, 40"
