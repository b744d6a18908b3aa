"""The live class's session side: the cookie read back after a restart, the words.

A real SQLite file in a temp folder, as a restarted server would open it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from classroom import QuestionSpec, open_store
from text import live_class as words
from ui import live_store
from ui.live_class import CLASS
from ui.live_store import Member, restore, shape


@pytest.fixture(autouse=True)
def class_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MLMATH_DATABASE_URL", raising=False)
    live_store.store.clear()
    live_store.class_state.clear()
    yield tmp_path
    live_store.store.clear()


def test_a_teachers_cookie_names_the_same_teacher_after_a_restart() -> None:
    new = open_store().start_class()
    cookie = Member("teacher", new.code, new.secret, new.expires_at).cookie()
    live_store.store.clear()  # a new process opens the store again
    back = restore(cookie)
    assert back is not None
    assert back.teacher
    assert (back.code, back.secret) == (new.code, new.secret)


def test_a_students_cookie_names_the_same_student_and_answer() -> None:
    store = open_store()
    new = store.start_class()
    ada = store.join(new.code, "Ada")
    spec = QuestionSpec("equations.one.root", "Root?", 2.0, 0.1, -10, 10)
    store.open_question(new.code, new.secret, spec)
    store.submit(new.code, ada.token, "2.5")
    back = restore(f"student.{new.code}.{ada.token}")
    assert back is not None
    assert (back.alias, back.nickname, back.answer, back.answer_round) == (
        "Student 1",
        "Ada",
        2.5,
        1,
    )


@pytest.mark.parametrize(
    "cookie",
    [
        None,
        "",
        "teacher.K7QPXA.not-the-secret-at-all",
        "student.K7QPXA.x",
        "admin.K7QPXA.whatever-whatever",
        "teacher.<script>.x",
        "x" * 5000,
    ],
)
def test_a_wrong_or_foreign_cookie_names_nobody(cookie: str | None) -> None:
    open_store().start_class()
    assert restore(cookie) is None


def test_a_student_cookie_is_not_a_teacher_cookie() -> None:
    store = open_store()
    new = store.start_class()
    ada = store.join(new.code)
    assert restore(f"teacher.{new.code}.{ada.token}") is None


def test_the_class_shape_says_when_a_page_must_redraw() -> None:
    store = open_store()
    new = store.start_class()
    before = shape(store.class_state(new.code))
    store.open_question(
        new.code, new.secret, QuestionSpec("q", "Root?", 2.0, 0.1, -10, 10)
    )
    asked = shape(store.class_state(new.code))
    store.lock(new.code, new.secret)
    assert shape(store.class_state(new.code)) == asked  # locking changes no chart
    store.reveal(new.code, new.secret)
    revealed = shape(store.class_state(new.code))
    assert len({before, asked, revealed}) == 3


def test_the_class_parameter_keeps_only_codes() -> None:
    assert CLASS.parse("k7q-pxa") == "k7q-pxa"  # checked; the store cleans it
    with pytest.raises(ValueError, match="not a class code"):
        CLASS.parse("<b>x</b>")


def test_words_show_learner_text_as_text() -> None:
    line = words.student_line("K7QPXA", "Student 3", "**Eve** :red[x]")
    assert "**Eve**" not in line
    assert ":red[" not in line
    assert words.prompt("Predict **r** (−1 … 1).") == "Predict **r** \\(−1 … 1\\)\\."
    assert (
        words.question_line(2, "Predict **r**.") == "**Question 2.** Predict **r**\\."
    )
    assert words.question_line(1, "**x** <b>") == "**Question 1.** **x** \\<b\\>"
    assert words.my_answer(0.5, "", 3) == (
        "Your answer: **0.5** to question 3 (send again to change it)."
    )
    assert words.duration(59) == "less than a minute"
    assert words.answered_line(1, 1) == "**1** of 1 student answered"
    assert "You did not answer" in words.reveal_feedback(None, 2.0, 0.1)
    assert words.reveal_feedback(2.05, 2.0, 0.1).startswith("**Close!**")
