"""A hostile link: its values and keys are shown as text, cut short, and bounded.

Issue 16, items 1 and 2: notes about ignored link values (and error messages that
quote the learner's input) were markdown, so ``![x](http://…)`` fetched an outside
image and a key with ``%0A%0A%23`` made a heading; a long ``hide=`` made one note
per word, re-sent on every rerun.
"""

from __future__ import annotations

import pytest

from tests.helpers import page_test
from tests.text.test_safe import HOSTILE, markup_in, shown
from text.safe import ECHO_LIMIT
from ui.url_state import MAX_NOTES

SCRIPT = "tests/ui/state_app.py"
#: A note is a sentence around a few echoed pieces: never longer than this.
NOTE_LIMIT = 4 * ECHO_LIMIT + 200


def _notes(at) -> list[str]:
    return [c.value for c in at.caption]


def _assert_safe(notes: list[str]) -> None:
    assert notes, "the page should say what it ignored"
    for note in notes:
        assert markup_in(note) == [], note
        assert len(note) <= NOTE_LIMIT, note


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_values_are_noted_as_text(hostile: str) -> None:
    at = page_test(
        SCRIPT, {"x": hostile, "mode": hostile, "n": hostile, "data": hostile}
    ).run()
    assert not at.exception
    notes = _notes(at)
    _assert_safe(notes)
    assert any("Ignored `x`" in note for note in notes)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_keys_and_hide_words_are_noted_as_text(hostile: str) -> None:
    at = page_test(SCRIPT, {hostile: "1", "hide": f"x,{hostile}"}).run()
    assert not at.exception
    _assert_safe(_notes(at))
    assert "x__slider" not in [s.key for s in at.slider]  # the real word still hides


def test_the_three_examples_of_the_issue() -> None:
    at = page_test(
        SCRIPT,
        {
            "x": "![x](http://10.0.0.1/num.png)",
            "n": "<http://10.0.0.1/auto>",
            "k\n\n# HACKED": "1",
        },
    ).run()
    notes = _notes(at)
    _assert_safe(notes)
    text = " ".join(shown(note) for note in notes)
    assert "![x](http://10.0.0.1/num.png)" in text  # shown, as typed
    assert "<http://10.0.0.1/auto>" in text
    assert "# HACKED" in text


def test_a_long_value_is_echoed_cut_short() -> None:
    at = page_test(SCRIPT, {"mode": "m" * 15_000}).run()
    (note,) = _notes(at)
    assert "m" * (ECHO_LIMIT - 1) + "…" in note
    assert "m" * (ECHO_LIMIT + 1) not in note


def test_a_repeated_hide_word_is_noted_once() -> None:
    at = page_test(SCRIPT, {"hide": ",".join(["nope"] * 5000)}).run()
    assert _notes(at) == [_notes(at)[0]]
    assert "hide=nope" in _notes(at)[0]


def test_notes_are_capped_and_say_how_many_more() -> None:
    query = {f"k{i}": "1" for i in range(50)}
    query["hide"] = ",".join(f"w{i}" for i in range(8))
    at = page_test(SCRIPT, query).run()
    notes = _notes(at)
    assert len(notes) == MAX_NOTES + 1
    assert "… and 4 more ignored link values." in notes[-1]  # 8 words + 1 key note
    (keys,) = _notes(page_test(SCRIPT, {f"k{i}": "1" for i in range(50)}).run())
    assert "`k4` and 45 more from the link" in keys  # 5 keys named, then a count


def test_a_98_kb_link_costs_a_bounded_page() -> None:
    words = ",".join(f"w{i}" for i in range(14_000))  # about 98 KB
    at = page_test(SCRIPT, {"hide": words, "x": "9" * 20_000}).run()
    notes = _notes(at)
    assert len(notes) <= MAX_NOTES + 1
    assert "at least" in notes[-1]  # it read a bounded part and says there is more
    _assert_safe(notes)
    assert dict(at.query_params) == {}  # and the address bar is clean again


def test_notes_do_not_grow_with_reruns() -> None:
    at = page_test(SCRIPT, {"hide": ",".join(f"w{i}" for i in range(500))}).run()
    first = _notes(at)
    for value in (1.0, 2.0, -1.0):
        at.slider(key="x__slider").set_value(value).run()
        assert _notes(at) == first


def test_an_error_quoting_the_input_is_text_and_short() -> None:
    """page.show_error: a core message that quotes what the learner typed."""
    at = page_test("pages/correlation.py", {"view": "data"}).run()
    hostile = "1, 2, <http://10.0.0.1/auto>:streamlit:`x`_y_" + "9" * 500
    at.text_input(key="x").set_value(hostile).run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert markup_in(error) == []
    assert "'<http://10.0.0.1/auto>:streamlit:`x`_y_…'" in shown(error)
    assert "9" * ECHO_LIMIT not in error
    assert len(error) <= NOTE_LIMIT
