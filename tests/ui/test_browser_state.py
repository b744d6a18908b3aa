"""ui.browser_state: after a failover or a dropped websocket, controls agree with the URL.

A new session for a page already on screen (its process crashed; the browser
reconnected to another) gets the learner's next change as its first run, with
every control's value: that change must win over the link. A resumed session
that ``serve.py`` reruns must write every control back (``RESYNC_KEY``).
"""

from __future__ import annotations

import ast
import inspect
import time

import pytest
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import SessionState
from streamlit.testing.v1 import AppTest

from serving import resume
from tests.helpers import page_test
from ui import browser_state
from ui.browser_state import RESYNC_KEY, accept
from ui.url_state import Param

SCRIPT = "tests/ui/state_app.py"
X = Param.number("x", "x", 1.5, min_value=-5, max_value=5, step=0.5)
MODE = Param.choice("mode", "Mode", "fast", {"fast": "Fast", "slow": "Slow"})


def shown(at: AppTest) -> dict[str, object]:
    return dict(ast.literal_eval(at.markdown[-1].value))


def rerun_in_a_new_session(at: AppTest) -> AppTest:
    """Send the page's widget values to a new session (the old one is lost).

    What the browser sends is read first (AppTest reads unchanged values from
    the session); then the session is replaced by an empty one, as after a crash.
    """
    widget_states = at._tree.get_widget_states()
    fresh = SafeSessionState(SessionState(), lambda: None)
    at._session_state = fresh
    object.__setattr__(at.session_state, "_state", fresh)
    return at._run(widget_states)


def test_the_learners_change_wins_over_the_link_in_a_new_session() -> None:
    at = page_test(SCRIPT, {"x": "2", "mode": "fast"}).run()
    at.number_input(key="x").set_value(3.5)
    rerun_in_a_new_session(at)
    assert not at.exception
    assert shown(at)["x"] == 3.5
    assert at.slider(key="x__slider").value == 3.5  # both halves agree
    assert at.query_params["x"] == "3.5"


def test_a_moved_slider_wins_over_its_unchanged_number_box() -> None:
    at = page_test(SCRIPT, {"x": "2"}).run()
    at.slider(key="x__slider").set_value(-1.0)
    rerun_in_a_new_session(at)
    assert shown(at)["x"] == -1.0
    assert at.number_input(key="x").value == -1.0
    assert at.query_params["x"] == "-1"


def test_every_kind_of_control_keeps_the_browsers_value() -> None:
    at = page_test(SCRIPT, {"n": "7"}).run()
    at.radio(key="mode").set_value("slow")
    at.toggle(key="flag").set_value(True)
    at.text_input(key="data").set_value("4, 5")
    rerun_in_a_new_session(at)
    values = shown(at)
    assert (values["mode"], values["flag"], values["data"]) == ("slow", True, "4, 5")
    assert values["n"] == 7  # not drawn in slow mode: from the link
    assert dict(at.query_params) == {
        "n": "7",
        "mode": "slow",
        "flag": "1",
        "data": "4, 5",
    }


def test_a_fresh_page_still_takes_the_link() -> None:
    at = page_test(SCRIPT, {"x": "-3", "mode": "slow"}).run()
    assert shown(at)["x"] == -3.0
    assert shown(at)["mode"] == "slow"


def sent_with_value(at: AppTest) -> set[str]:
    """Keys of the controls whose value this run told the browser to show."""
    widgets = [*at.slider, *at.number_input, *at.radio, *at.toggle, *at.text_input]
    return {w.key for w in widgets if w.proto.set_value and w.key}


def test_a_resumed_session_writes_every_control_back() -> None:
    at = page_test(SCRIPT).run()
    at.number_input(key="x").set_value(2.5).run()
    at.run()
    assert sent_with_value(at) == set()  # an ordinary run leaves the browser's values
    every = {"x", "x__slider", "n", "mode", "flag", "data"}
    # what serving.resume.rerun_resumed sets: the end of the resumed session's window
    at.session_state[RESYNC_KEY] = time.monotonic() + 60
    at.run()
    assert not at.exception
    assert sent_with_value(at) == every
    assert at.slider(key="x__slider").value == at.number_input(key="x").value == 2.5
    assert at.query_params["x"] == "2.5"
    at.run()  # the browser's own run right after a reconnect: written back too
    assert sent_with_value(at) == every
    at.session_state[RESYNC_KEY] = time.monotonic() - 1  # the window has shut
    at.run()
    assert sent_with_value(at) == every  # the run that finds it shut, once more
    at.run()
    assert sent_with_value(at) == set()  # and then never again


@pytest.mark.parametrize(
    ("param", "raw", "value"),
    [
        (X, 2.5, 2.5),
        (X, 9.0, None),  # out of range
        (X, "2", None),
        (X, True, None),
        (MODE, "Slow", "slow"),  # the browser sends the label
        (MODE, "slow", "slow"),
        (MODE, "Medium", None),
        (Param.toggle("f", "F", False), True, True),
        (Param.toggle("f", "F", False), "1", None),
        (Param.text("t", "T", "", max_chars=3), "abcd", None),
        (Param.integer("n", "n", 1, min_value=1, max_value=9), 4.0, 4),
    ],
)
def test_only_usable_browser_values_are_taken(
    param: Param, raw: object, value: object
) -> None:
    assert accept(param, raw) == value


def test_the_streamlit_internals_read_are_where_they_were() -> None:
    """A new session keeps the browser's values as protobufs keyed by element id."""
    from streamlit.runtime.state.common import (
        GENERATED_ELEMENT_ID_PREFIX,
        user_key_from_element_id,
    )

    assert user_key_from_element_id(f"{GENERATED_ELEMENT_ID_PREFIX}-abc-x__slider") == (
        "x__slider"
    )
    assert callable(SafeSessionState.get_widget_states)
    source = inspect.getsource(browser_state)
    assert "get_widget_states()" in source
    assert resume.RESYNC_KEY == RESYNC_KEY
