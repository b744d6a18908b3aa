"""ui.url_state: typed parameters, defensive URL reading, URL written back, hide."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import page_test
from ui.url_state import Param, query_string

X = Param.number("x", "x", 1.5, min_value=-5, max_value=5, step=0.5)
N = Param.integer("n", "n", 10, min_value=1, max_value=100)
MODE = Param.choice("mode", "Mode", "fast", {"fast": "Fast", "slow": "Slow"})
FLAG = Param.toggle("flag", "Flag", False)
TEXT = Param.text("data", "Data", "1, 2", max_chars=20)
ALL = (X, N, MODE, FLAG, TEXT)


@pytest.mark.parametrize(
    ("param", "raw", "value"),
    [
        (X, "2.5", 2.5),
        (X, "-5", -5.0),
        (X, "−1", -1.0),
        (N, "7", 7),
        (N, "7.0", 7),
        (MODE, "slow", "slow"),
        (FLAG, "1", True),
        (FLAG, "off", False),
        (TEXT, "3, 4", "3, 4"),
    ],
)
def test_parse_good_values(param: Param, raw: str, value: object) -> None:
    assert param.parse(raw) == value


@pytest.mark.parametrize(
    ("param", "raw", "why"),
    [
        (X, "abc", "not a number"),
        (X, "nan", "not allowed"),
        (X, "6", "outside"),
        (X, "1e999", "finite"),
        (N, "2.5", "whole number"),
        (N, "0", "outside"),
        (MODE, "medium", "not one of"),
        (FLAG, "maybe", "on/off"),
        (TEXT, "x" * 21, "longer"),
    ],
)
def test_parse_bad_values_say_why(param: Param, raw: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        param.parse(raw)


@given(st.floats(min_value=-5, max_value=5, allow_nan=False))
def test_number_round_trips_through_the_url(value: float) -> None:
    value = X.normalise(value)
    assert X.parse(X.encode(value)) == value


@given(st.text(max_size=40))
def test_any_garbage_gives_value_error_or_a_valid_value(raw: str) -> None:
    for param in ALL:
        try:
            value = param.parse(raw)
        except ValueError:
            continue
        assert param.parse(param.encode(value)) == value


def test_normalise_removes_float_noise() -> None:
    assert X.normalise(0.1 + 0.2) == 0.3


def test_query_string() -> None:
    assert query_string({}) == ""
    assert query_string({"a": "1", "b": "x y"}) == "?a=1&b=x+y"


def test_choice_default_must_be_a_choice() -> None:
    with pytest.raises(ValueError, match="not one of its choices"):
        Param.choice("m", "m", "z", {"a": "A"})


# -- PageState in a running page ------------------------------------------------------

SCRIPT = "tests/ui/state_app.py"


def _shown(at) -> dict:
    return ast.literal_eval(at.markdown[-1].value)


def test_defaults_without_a_url() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert _shown(at) == {
        "x": 1.5,
        "n": 10,
        "mode": "fast",
        "flag": False,
        "data": "1, 2, 3",
    }
    assert dict(at.query_params) == {}


def test_url_values_are_applied() -> None:
    query = {"x": "-2", "n": "42", "mode": "slow", "flag": "1", "data": "4,5"}
    at = page_test(SCRIPT, query).run()
    assert _shown(at) == {
        "x": -2.0,
        "n": 42,
        "mode": "slow",
        "flag": True,
        "data": "4,5",
    }
    assert at.slider(key="x__slider").value == -2.0
    assert at.number_input(key="x").value == -2.0
    assert not at.caption


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(
        SCRIPT, {"x": "99", "n": "abc", "mode": "turbo", "data": "1,zz", "zz": "1"}
    ).run()
    assert not at.exception
    assert _shown(at) == {
        "x": 1.5,
        "n": 10,
        "mode": "fast",
        "flag": False,
        "data": "1, 2, 3",
    }
    notes = " ".join(c.value for c in at.caption)
    for fragment in (
        "Ignored `x`",
        "Ignored `n`",
        "Ignored `mode`",
        "Ignored `data`",
        "`zz`",
    ):
        assert fragment in notes
    # the bad values are gone from the address bar
    assert dict(at.query_params) == {}


def test_changes_are_written_back_to_the_url() -> None:
    at = page_test(SCRIPT).run()
    at.number_input(key="x").set_value(3.5).run()
    at.slider(key="n").set_value(20).run()
    at.toggle(key="flag").set_value(True).run()
    assert dict(at.query_params) == {"x": "3.5", "n": "20", "flag": "1"}
    assert at.slider(key="x__slider").value == 3.5  # the slider follows the exact entry


def test_slider_moves_the_exact_entry_too() -> None:
    at = page_test(SCRIPT).run()
    at.slider(key="x__slider").set_value(-1.0).run()
    assert at.number_input(key="x").value == -1.0
    assert _shown(at)["x"] == -1.0


def test_back_to_default_leaves_the_url_clean() -> None:
    at = page_test(SCRIPT, {"x": "2"}).run()
    at.number_input(key="x").set_value(1.5).run()
    assert "x" not in at.query_params


def test_hide_hides_controls_but_keeps_values() -> None:
    at = page_test(SCRIPT, {"x": "-3", "hide": "x,mode"}).run()
    assert "x__slider" not in [s.key for s in at.slider]
    assert "x" not in [n.key for n in at.number_input]
    assert "mode" not in [r.key for r in at.radio]
    assert _shown(at)["x"] == -3.0
    at.slider(key="n").set_value(5).run()
    assert dict(at.query_params) == {"x": "-3", "n": "5", "hide": "x,mode"}


def test_hide_unknown_control_is_noted() -> None:
    at = page_test(SCRIPT, {"hide": "nope"}).run()
    assert "hide=nope" in " ".join(c.value for c in at.caption)


def test_preset_and_reset_buttons() -> None:
    at = page_test(SCRIPT).run()
    at.button[0].click().run()
    assert _shown(at)["x"] == -2.5
    assert _shown(at)["mode"] == "slow"
    assert at.slider(key="x__slider").value == -2.5
    at.button[1].click().run()
    assert _shown(at)["x"] == 1.5
    assert dict(at.query_params) == {}


def test_a_control_keeps_its_value_while_its_view_is_not_drawn() -> None:
    at = page_test(SCRIPT).run()
    at.slider(key="n").set_value(42).run()
    at.radio(key="mode").set_value("slow").run()
    assert "n" not in [s.key for s in at.slider]
    assert _shown(at)["n"] == 42
    assert at.query_params["n"] == "42"
    at.radio(key="mode").set_value("fast").run()
    assert at.slider(key="n").value == 42
