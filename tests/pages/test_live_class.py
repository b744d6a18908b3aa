"""The live class on a page (AppTest): start, join, answer, reveal, follow, bad input.

Every session here shares one real SQLite file (``MLMATH_DATA_DIR`` in a temp
folder) through the process's store, as the sessions of one server do. The
polling caches live a second; :func:`fresh` clears them where a test must see a
change at once (a browser would see it at the next poll).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from classroom import open_store
from tests.helpers import chart_json, page_test, still_charts, texts
from ui import live_class, live_store
from ui.page import RESET_LABEL

PAGE = "pages/equations.py"


@pytest.fixture(autouse=True)
def class_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MLMATH_DATABASE_URL", raising=False)
    live_store.store.clear()
    fresh()
    yield tmp_path
    live_store.store.clear()


def fresh() -> None:
    live_store.class_state.clear()
    live_store.teacher_view.clear()


def run(at: AppTest) -> AppTest:
    fresh()
    at.run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str) -> None:
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}"
    found[0].click()
    run(at)


def open_live_class(at: AppTest) -> AppTest:
    """Open the **Live class** popover, as a click does (its content is drawn then)."""
    assert not [b for b in at.button if b.key == "_live_start"]  # closed: not drawn
    at.session_state[live_class.POPOVER_KEY] = True
    return run(at)


def start_class() -> tuple[AppTest, str]:
    teacher = open_live_class(run(page_test(PAGE)))
    teacher.button(key="_live_start").click()
    run(teacher)
    line = next(m.value for m in teacher.markdown if "Class code" in m.value)
    code = re.search(r"\*\*([A-Z0-9]{6})\*\*", line).group(1)  # type: ignore[union-attr]
    return teacher, code


def join(code: str, nickname: str = "") -> AppTest:
    student = run(page_test(PAGE, {"class": code}))
    assert f"invited to the live class **{code}**" in texts(student)
    if nickname:
        student.text_input(key="_live_join_nick").input(nickname)
    button(student, "Join the class")
    assert f"Live class **{code}**" in texts(student)
    return student


def answer(student: AppTest, value: str) -> None:
    (box,) = [t for t in student.text_input if t.label == "Your answer"]
    box.input(value)
    button(student, "Send")


def test_a_teacher_starts_a_class_and_the_secret_stays_hidden() -> None:
    teacher, code = start_class()
    shown = texts(teacher) + " ".join(c.value for c in teacher.code)
    assert f"?class={code}" in shown  # the join link, in the Invite popover
    assert len(teacher.get("image")) == 1  # the QR code of the join link
    secret = teacher.session_state["_live_member"].secret
    assert secret not in shown
    assert secret not in str(teacher.query_params)
    assert teacher.query_params["class"] == code


def test_join_answer_reveal() -> None:
    teacher, code = start_class()
    ada = join(code, "<b>Ada</b> ![x](//e/x)")
    bob = join(code)
    # The nickname is text, cut to 24 characters, never markup.
    line = next(m.value for m in ada.markdown if "Live class" in m.value)
    assert "\\<b\\>Ada\\<\\/b\\>" in line
    assert "![x](" not in line
    assert "you are Student 2" in texts(bob)

    button(teacher, "Ask the class")
    run(ada)  # the poll: a new question reruns the page
    run(bob)
    assert "Predict the root" in texts(ada)
    # What says the root is hidden for the students and on the projector.
    for page in (ada, teacher):
        assert "crosses y = 0 at" not in texts(page)
        assert not page.latex

    answer(ada, "2.05")
    answer(bob, "7")
    answer(bob, "3")  # a later answer replaces the earlier one
    assert "Your answer: **3** to question 1" in texts(bob)
    for page in (
        ada,
        teacher,
    ):  # the round is numbered for the class and on the projector
        assert "**Question 1.** Where does the line" in texts(page)
    run(teacher)
    assert "**2** of 2 students answered" in texts(teacher)
    member = teacher.session_state["_live_member"]
    got = open_store().answers(code, member.secret)
    assert sorted(got.values) == [2.05, 3.0]

    button(teacher, "Reveal the answer")
    run(ada)
    assert "**Close!** The answer is **2**" in ada.success[0].value
    run(bob)
    assert "your guess 3 is 1 too high" in bob.info[0].value
    assert "crosses y = 0 at" in texts(ada)  # the charts' words are back
    (chart,) = still_charts(teacher)
    assert '"answer 2"' in chart_json(chart)


def test_asked_again_the_question_is_numbered_anew_and_answers_start_over() -> None:
    """Vote, discuss, vote again: the second round says so, and nobody has answered it."""
    teacher, code = start_class()
    ada = join(code)
    button(teacher, "Ask the class")
    run(ada)
    answer(ada, "2")
    assert "Your answer: **2** to question 1" in texts(ada)
    button(teacher, "Ask the class")  # the same question, a new round
    run(ada)
    run(teacher)
    assert "**Question 2.** Where does the line" in texts(ada)
    assert "**Question 2.** Where does the line" in texts(teacher)
    assert "**Question 1." not in texts(ada)
    assert "You have not answered yet." in texts(ada)
    assert "**0** of 1 student answered" in texts(teacher)
    answer(ada, "2.5")
    assert "Your answer: **2.5** to question 2" in texts(ada)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "not a number"),
        ("1e999", "finite"),
        ("9" * 40, "at most"),
    ],
)
def test_a_bad_answer_is_a_message_and_nothing_is_stored(
    typed: str, message: str
) -> None:
    teacher, code = start_class()
    student = join(code)
    button(teacher, "Ask the class")
    run(student)
    answer(student, typed)
    assert message in " ".join(e.value for e in student.error)
    assert "You have not answered yet." in texts(student)
    secret = teacher.session_state["_live_member"].secret
    assert open_store().answers(code, secret).count == 0


def test_a_bad_code_is_a_message() -> None:
    at = open_live_class(run(page_test(PAGE, {"class": "<script>"})))
    assert "Ignored `class` from the link" in texts(at)
    at.text_input(key="_live_join_code").input("ZZZZZZ")
    button(at, "Join the class")
    (error,) = at.error
    assert "ZZZZZZ" in error.value
    assert "_live_member" not in at.session_state


def test_locked_controls_follow_the_teachers_view() -> None:
    teacher, code = start_class()
    student = join(code)
    teacher.number_input(key="a").set_value(3.0)
    run(teacher)
    teacher.toggle(key="_live_free").set_value(False)
    run(teacher)
    button(teacher, "Send my view")
    run(student)  # the poll sees the push and the lock: the page follows
    run(student)
    assert student.query_params["a"] == "3"
    assert student.session_state["a"] == 3.0
    assert not [s for s in student.slider if s.key == "a__slider"]
    assert "Your teacher controls this view." in texts(student)
    # nothing to undo the teacher's view with: no reset button while locked
    assert not [b for b in student.button if b.label == RESET_LABEL]
    assert [b for b in teacher.button if b.label == RESET_LABEL]


def test_a_question_on_the_view_students_show_does_not_run_their_page_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Ask the class" sends the teacher's view with the question. A student page
    that shows that view already only draws the question: with 60 students, a
    full rerun each at the same moment would be a burst for nothing."""
    import streamlit as st

    reruns: list[object] = []
    rerun = st.rerun

    def counted(*args: object, **kwargs: object) -> None:
        reruns.append(args)
        rerun(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "rerun", counted)
    teacher, code = start_class()
    student = join(code)  # the teacher's page, at its values
    button(teacher, "Ask the class")
    run(student)  # the poll: the question, on the view it shows
    assert "**Question 1.** Where does the line" in texts(student)
    assert reruns == []
    teacher.number_input(key="a").set_value(3.0)
    run(teacher)
    button(teacher, "Send my view")
    run(student)  # another view now: the page follows it
    assert len(reruns) == 1
    run(student)
    assert student.query_params["a"] == "3"


def test_the_teacher_downloads_every_answer() -> None:
    teacher, _ = start_class()
    assert [b for b in teacher.get("download_button")]
