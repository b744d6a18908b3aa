"""Every bad input gets a clear ValueError, and nothing is stored that should not be."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from classroom import (
    ClassStore,
    NewClass,
    NotTeacher,
    Student,
    TooFast,
    UnknownClass,
    rules,
)
from tests.classroom.conftest import Clock, question


@pytest.fixture
def asked(store: ClassStore, lesson: NewClass) -> Student:
    """A student in a class whose question (range −5 … 5) is open."""
    store.open_question(lesson.code, lesson.secret, question())
    return store.join(lesson.code)


# -- class codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("K7QPXA", "There is no class K7QPXA"),  # well formed, never started
        ("hello", "not a class code"),
        ("K7QPX0", "not a class code"),  # 0 is not in the alphabet
        ("", "not a class code"),
        pytest.param("K" * 10_000, "6 letters and digits", id="10000 letters"),
        (None, "6 letters and digits"),
        (123456, "6 letters and digits"),
    ],
)
def test_an_unknown_code_is_refused_clearly(
    store: ClassStore, code: Any, message: str
) -> None:
    with pytest.raises(UnknownClass, match=message):
        store.join(code)
    with pytest.raises(UnknownClass, match=message):
        store.class_state(code)


def test_a_student_token_works_in_its_own_class_only(store: ClassStore) -> None:
    first, second = store.start_class(), store.start_class()
    for new in (first, second):
        store.open_question(new.code, new.secret, question())
    student = store.join(first.code)
    with pytest.raises(UnknownClass, match=f"not in class {second.code}"):
        store.submit(second.code, student.token, 1)
    with pytest.raises(UnknownClass, match="not in class"):
        store.submit(first.code, "x" * 43, 1)
    with pytest.raises(NotTeacher, match="student token"):
        store.submit(first.code, "", 1)
    assert store.answers(second.code, second.secret).count == 0


# -- the teacher secret -----------------------------------------------------------------

TEACHER_ACTIONS: dict[str, Callable[[ClassStore, str, str], object]] = {
    "push_view": lambda s, c, k: s.push_view(c, k, "bayes"),
    "controls": lambda s, c, k: s.set_controls_free(c, k, False),
    "pause": lambda s, c, k: s.set_paused(c, k, True),
    "open_question": lambda s, c, k: s.open_question(c, k, question()),
    "lock": lambda s, c, k: s.lock(c, k),
    "reveal": lambda s, c, k: s.reveal(c, k),
    "teacher_state": lambda s, c, k: s.teacher_state(c, k),
    "answers": lambda s, c, k: s.answers(c, k),
    "export": lambda s, c, k: s.export_csv(c, k),
}


@pytest.mark.parametrize("action", TEACHER_ACTIONS)
def test_every_teacher_action_needs_the_secret(
    store: ClassStore, lesson: NewClass, action: str
) -> None:
    student = store.join(lesson.code)
    other = store.start_class()
    store.open_question(lesson.code, lesson.secret, question())
    before = store.teacher_state(lesson.code, lesson.secret)
    wrong = [
        student.token,
        other.secret,
        lesson.secret[:-1] + "?",
        "",
        None,
        "s" * 5000,
    ]
    for secret in wrong:
        with pytest.raises(NotTeacher):
            TEACHER_ACTIONS[action](store, lesson.code, secret)  # type: ignore[arg-type]
    assert store.teacher_state(lesson.code, lesson.secret) == before


def test_the_wrong_secret_says_so(store: ClassStore, lesson: NewClass) -> None:
    with pytest.raises(
        NotTeacher, match=f"not the teacher secret of class {lesson.code}"
    ):
        store.lock(lesson.code, "x" * 43)
    with pytest.raises(NotTeacher, match="needs the teacher secret"):
        store.lock(lesson.code, "short")


# -- answers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "'abc' is not a number"),
        ("", "a number is missing"),
        ("   ", "a number is missing"),
        ("nan", "not allowed; use a finite number"),
        ("-inf", "not allowed; use a finite number"),
        ("1e400", "too large"),
        (math.nan, "finite number"),
        (math.inf, "finite number"),
        (True, "must be a number"),
        (None, "must be a number"),
        ([1], "must be a number"),
        pytest.param("1" * 33, "at most 32 characters", id="33 digits"),
        ("=1+1", "not a number"),
        ("5.0001", "between -5 and 5"),
        (-6, "between -5 and 5"),
        ("1e3", "between -5 and 5"),
    ],
)
def test_a_bad_answer_is_refused_and_the_earlier_one_kept(
    store: ClassStore, lesson: NewClass, asked: Student, value: Any, message: str
) -> None:
    store.submit(lesson.code, asked.token, "0.5")
    with pytest.raises(ValueError, match=message):
        store.submit(lesson.code, asked.token, value)
    assert store.answers(lesson.code, lesson.secret).values == (0.5,)


def test_no_answer_before_a_question(store: ClassStore, lesson: NewClass) -> None:
    student = store.join(lesson.code)
    with pytest.raises(ValueError, match="no question to answer yet"):
        store.submit(lesson.code, student.token, 1)
    with pytest.raises(ValueError, match="No question has been asked"):
        store.lock(lesson.code, lesson.secret)
    with pytest.raises(ValueError, match="No question has been asked"):
        store.reveal(lesson.code, lesson.secret)


def test_a_flood_from_one_student_is_refused(
    store: ClassStore, lesson: NewClass, asked: Student, clock: Clock
) -> None:
    other = store.join(lesson.code)
    taken = [
        store.submit(lesson.code, asked.token, value / 10)
        for value in range(int(rules.ANSWER_BURST))
    ]
    with pytest.raises(TooFast, match="too fast"):
        store.submit(lesson.code, asked.token, 4.0)
    assert store.answers(lesson.code, lesson.secret).values == (taken[-1],)
    # An out-of-range answer reaches the database, so it counts as well.
    with pytest.raises(TooFast):
        store.submit(lesson.code, asked.token, 99)
    # Another student is not slowed down.
    assert store.submit(lesson.code, other.token, 1) == 1.0
    clock.advance(1.0)  # the allowance refills at 5 answers a second
    assert store.submit(lesson.code, asked.token, 2) == 2.0


def test_a_full_class_refuses_one_more(store: ClassStore, lesson: NewClass) -> None:
    for _ in range(rules.MAX_STUDENTS):
        store.join(lesson.code)
    with pytest.raises(ValueError, match=f"is full \\({rules.MAX_STUDENTS} students"):
        store.join(lesson.code)
    assert store.class_state(lesson.code).students == rules.MAX_STUDENTS


@pytest.mark.parametrize("nickname", [42, b"Ada", ["Ada"]])
def test_a_nickname_is_text(store: ClassStore, lesson: NewClass, nickname: Any) -> None:
    with pytest.raises(ValueError, match="nickname is text"):
        store.join(lesson.code, nickname=nickname)
    assert store.class_state(lesson.code).students == 0


# -- the teacher's input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"low": 1.0, "high": 1.0}, "needs low < high"),
        ({"answer": 7.0}, "outside"),
        ({"answer": math.nan}, "finite"),
        ({"answer": "0.5"}, "must be a number"),
        ({"tolerance": -0.1}, "cannot be negative"),
        ({"question_id": "a b"}, "question id"),
        ({"question_id": ""}, "question id"),
        ({"prompt": ""}, "question is missing"),
        ({"prompt": "x" * 501}, "at most 500"),
        ({"unit": "m" * 25}, "at most 24"),
        ({"page": "../etc"}, "The page"),
        ({"view": "Steps!"}, "The view"),
    ],
)
def test_a_bad_question_is_refused(
    store: ClassStore, lesson: NewClass, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.open_question(lesson.code, lesson.secret, question(**changes))
    assert store.class_state(lesson.code).question is None


@pytest.mark.parametrize(
    ("page", "view", "query", "message"),
    [
        ("", "", "", "The page"),
        ("Bayes", "", "", "The page"),
        ("bayes", "a/b", "", "The view"),
        ("bayes", "", "a=" + "1" * 2000, "at most 2000"),
    ],
)
def test_a_bad_push_is_refused(
    store: ClassStore, lesson: NewClass, page: str, view: str, query: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.push_view(lesson.code, lesson.secret, page, view, query)
    assert store.class_state(lesson.code).view_version == 0


@pytest.mark.parametrize("round_no", [0, -1, "1", True, 1.0])
def test_a_round_is_a_positive_integer(
    store: ClassStore, lesson: NewClass, round_no: Any
) -> None:
    with pytest.raises(ValueError, match="A round is a number from 1"):
        store.answers(lesson.code, lesson.secret, round_no=round_no)


def test_flags_are_booleans(store: ClassStore, lesson: NewClass) -> None:
    with pytest.raises(ValueError, match="True or False"):
        store.set_paused(lesson.code, lesson.secret, "yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("lifetime", [0, 59, 25 * 3600, math.inf, "12h", True])
def test_a_class_lifetime_is_bounded(store: ClassStore, lifetime: Any) -> None:
    with pytest.raises(
        ValueError, match=r"from 60 seconds to 24 hours|number of seconds"
    ):
        store.start_class(lifetime)


def test_too_many_classes_at_once(
    store: ClassStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_OPEN_CLASSES", 3)
    for _ in range(3):
        store.start_class()
    with pytest.raises(ValueError, match="Too many classes"):
        store.start_class()


# -- expiry ------------------------------------------------------------------------------


def test_an_expired_class_refuses_everyone_but_the_export(
    store: ClassStore, lesson: NewClass, asked: Student, clock: Clock
) -> None:
    store.submit(lesson.code, asked.token, 0.5)
    clock.advance(rules.LIFETIME_S + 1)
    for attempt in (
        lambda: store.join(lesson.code),
        lambda: store.submit(lesson.code, asked.token, 1),
        lambda: store.class_state(lesson.code),
        lambda: store.student_state(lesson.code, asked.token),
        lambda: store.lock(lesson.code, lesson.secret),
        lambda: store.answers(lesson.code, lesson.secret),
    ):
        with pytest.raises(UnknownClass, match=f"Class {lesson.code} has ended"):
            attempt()
    assert "0.5" in store.export_csv(lesson.code, lesson.secret)
    with pytest.raises(NotTeacher):
        store.export_csv(lesson.code, "x" * 43)


def test_a_short_class_expires_at_the_time_it_says(
    store: ClassStore, clock: Clock
) -> None:
    short = store.start_class(lifetime_s=600)
    assert short.expires_at == pytest.approx(clock() + 600, abs=5)
    clock.advance(590)
    store.join(short.code)
    clock.advance(20)
    with pytest.raises(UnknownClass, match="has ended"):
        store.join(short.code)


def test_expired_classes_are_purged_a_week_later(
    store: ClassStore, lesson: NewClass, asked: Student, clock: Clock
) -> None:
    store.submit(lesson.code, asked.token, 0.5)
    clock.advance(rules.LIFETIME_S + rules.RETENTION_S + 1)
    store.start_class()  # starting a class purges the old ones
    with pytest.raises(UnknownClass, match=f"There is no class {lesson.code}"):
        store.export_csv(lesson.code, lesson.secret)
    left = store.database.run(
        lambda tx: [
            tx.one(f"SELECT COUNT(*) FROM {table}")[0]  # type: ignore[index]
            for table in ("students", "rounds", "answers")
        ]
    )
    assert left == [0, 0, 0]
