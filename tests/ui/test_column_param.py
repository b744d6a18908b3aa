"""Param.column: a choice whose options are known only when the page runs."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ui.url_state import Param

COL = Param.column("col", "Column", max_chars=20)


def _app(options: tuple[str, ...], fallback: int = 0) -> None:
    import streamlit as st

    from ui.url_state import PageState, Param

    state = PageState("demo", (Param.column("col", "Column", max_chars=20),))
    state.show_notes()
    picked = state.widget("col", options=options, fallback=fallback)
    st.write(f"picked={picked}")
    state.sync_url()


def _run(query: dict[str, str], options: tuple[str, ...], fallback: int = 0) -> AppTest:
    at = AppTest.from_function(_app, kwargs={"options": options, "fallback": fallback})
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _picked(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("picked="))[7:]


def test_parse_keeps_any_short_text_and_refuses_long() -> None:
    assert COL.parse("height") == "height"
    assert COL.default == ""
    with pytest.raises(ValueError, match="longer than 20"):
        COL.parse("x" * 21)


def test_the_link_picks_a_known_option() -> None:
    at = _run({"col": "b"}, ("a", "b", "c"))
    assert _picked(at) == "b"
    assert at.selectbox(key="col").options == ["a", "b", "c"]
    assert not [c for c in at.caption if "Note" in c.value]


def test_no_value_gives_the_fallback_without_a_note() -> None:
    at = _run({}, ("a", "b", "c"), fallback=2)
    assert _picked(at) == "c"
    assert not [c for c in at.caption if "Note" in c.value]
    assert at.query_params["col"] == "c"  # the link now says what is shown


def test_an_unknown_option_falls_back_with_a_note_that_stays() -> None:
    at = _run({"col": "**nope**"}, ("a", "b"), fallback=1)
    assert _picked(at) == "b"
    notes = [c.value for c in at.caption if c.value.startswith("Note:")]
    assert notes == [r"Note: there is no \*\*nope\*\* here: showing b."]
    at.run()  # still there on the next run, while the fallback is shown
    assert [c.value for c in at.caption if c.value.startswith("Note:")] == notes
    at.selectbox(key="col").set_value("a").run()  # the learner picks: note gone
    assert _picked(at) == "a"
    assert not [c for c in at.caption if c.value.startswith("Note:")]


def test_a_fallback_past_the_end_takes_the_last_option() -> None:
    assert _picked(_run({"col": "zz"}, ("a",), fallback=5)) == "a"


def test_hidden_column_still_falls_back() -> None:
    at = _run({"col": "zz", "hide": "col"}, ("a", "b"))
    assert _picked(at) == "a"
    assert not at.selectbox
