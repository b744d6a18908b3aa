"""A whole lesson through the store, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from classroom import ClassStore, NewClass, rules
from tests.classroom.conftest import Clock, question


def test_a_class_starts_with_a_short_code_and_a_long_secret(
    store: ClassStore, clock: Clock
) -> None:
    new = store.start_class()
    assert len(new.code) == 6
    assert set(new.code) <= set(rules.CODE_ALPHABET)
    assert len(new.secret) >= 40
    assert new.code not in new.secret
    assert new.expires_at == pytest.approx(clock() + 12 * 3600, abs=5)
    state = store.class_state(new.code)
    assert (state.students, state.question, state.answered) == (0, None, 0)
    assert state.expires_at == new.expires_at  # the teacher can show it
    # Only the hash of the secret is stored.
    stored = store.database.run(lambda tx: tx.rows("SELECT * FROM classes"))
    assert not any(new.secret in str(value) for row in stored for value in row)


def test_two_classes_get_different_codes(store: ClassStore) -> None:
    codes = {store.start_class().code for _ in range(20)}
    assert len(codes) == 20


def test_students_join_as_numbered_aliases_with_optional_nicknames(
    store: ClassStore, lesson: NewClass
) -> None:
    first = store.join(lesson.code)
    second = store.join(lesson.code.lower(), nickname="  Blue\u200b  Fox\n")
    assert (first.number, first.alias, first.nickname) == (1, "Student 1", None)
    assert (second.alias, second.nickname) == ("Student 2", "Blue Fox")
    assert first.token != second.token
    assert store.class_state(lesson.code).students == 2


def test_a_nickname_is_kept_as_data_capped(store: ClassStore, lesson: NewClass) -> None:
    markup = "<img src=x onerror=alert(1)>**bold**" * 3
    student = store.join(lesson.code, nickname=markup)
    assert student.nickname == markup[: rules.NICKNAME_LENGTH]
    assert store.rejoin(lesson.code, student.token).nickname == student.nickname


def test_the_teacher_pushes_a_view_and_students_see_it(
    store: ClassStore, lesson: NewClass
) -> None:
    version = store.push_view(
        lesson.code, lesson.secret, "gradient-descent", "steps", "?lr=0.1&w0=3"
    )
    assert version == 1
    state = store.class_state(lesson.code)
    assert (state.page, state.view, state.query) == (
        "gradient-descent",
        "steps",
        "lr=0.1&w0=3",
    )
    assert store.push_view(lesson.code, lesson.secret, "bayes") == 2
    state = store.class_state(lesson.code)
    assert (state.page, state.view, state.query, state.view_version) == (
        "bayes",
        "",
        "",
        2,
    )


def test_the_teacher_chooses_whether_controls_stay_free(
    store: ClassStore, lesson: NewClass
) -> None:
    assert store.class_state(lesson.code).controls_free is True
    store.set_controls_free(lesson.code, lesson.secret, False)
    assert store.class_state(lesson.code).controls_free is False
    store.set_controls_free(lesson.code, lesson.secret, True)
    assert store.class_state(lesson.code).controls_free is True


def test_predict_answer_lock_reveal(store: ClassStore, lesson: NewClass) -> None:
    ada, bob, cy = (store.join(lesson.code) for _ in range(3))
    asked = store.open_question(lesson.code, lesson.secret, question())
    assert (asked.round, asked.status, asked.answer) == (1, "open", 0.512)

    # Students never see the true answer before the reveal; the teacher does.
    assert store.student_state(lesson.code, ada.token).state.question.answer is None  # type: ignore[union-attr]
    assert store.class_state(lesson.code).question.answer is None  # type: ignore[union-attr]
    assert store.teacher_state(lesson.code, lesson.secret).question.answer == 0.512  # type: ignore[union-attr]

    assert store.submit(lesson.code, ada.token, "0.4") == 0.4
    assert store.submit(lesson.code, bob.token, 1) == 1.0
    assert store.submit(lesson.code, ada.token, "−0.5") == -0.5  # replaces 0.4
    live = store.answers(lesson.code, lesson.secret)
    assert (live.round, live.count, live.values, live.names) == (
        1,
        2,
        (-0.5, 1.0),
        None,
    )
    assert store.class_state(lesson.code).answered == 2

    store.lock(lesson.code, lesson.secret)
    with pytest.raises(ValueError, match="closed"):
        store.submit(lesson.code, cy.token, "0.5")
    assert store.answers(lesson.code, lesson.secret).count == 2

    store.reveal(lesson.code, lesson.secret)
    seen = store.student_state(lesson.code, ada.token)
    assert seen.state.question is not None
    assert (seen.state.question.status, seen.state.question.answer) == (
        "revealed",
        0.512,
    )
    assert seen.my_answer == -0.5
    assert seen.off_by == pytest.approx(1.012)
    assert store.student_state(lesson.code, cy.token).off_by is None  # did not answer


def test_names_are_hidden_unless_asked(store: ClassStore, lesson: NewClass) -> None:
    store.open_question(lesson.code, lesson.secret, question())
    ada = store.join(lesson.code, nickname="Ada")
    anon = store.join(lesson.code)
    store.submit(lesson.code, ada.token, 0.5)
    store.submit(lesson.code, anon.token, 0.6)
    assert store.answers(lesson.code, lesson.secret).names is None
    named = store.answers(lesson.code, lesson.secret, names=True)
    assert named.names == ("Ada", "Student 2")


def test_next_question_keeps_the_previous_rounds_answers(
    store: ClassStore, lesson: NewClass
) -> None:
    student = store.join(lesson.code)
    store.open_question(lesson.code, lesson.secret, question())
    store.submit(lesson.code, student.token, 0.5)
    second = store.open_question(
        lesson.code, lesson.secret, question(question_id="bayes.posterior", answer=0.3)
    )
    assert second.round == 2
    assert store.answers(lesson.code, lesson.secret).count == 0
    assert store.student_state(lesson.code, student.token).my_answer is None
    store.submit(lesson.code, student.token, 0.25)
    assert store.answers(lesson.code, lesson.secret, round_no=1).values == (0.5,)
    assert store.answers(lesson.code, lesson.secret, round_no=2).values == (0.25,)
    # The same question may be asked again: a new round with its own answers.
    third = store.open_question(lesson.code, lesson.secret, question())
    assert (third.round, third.question_id) == (3, "gradient-descent.w3")


def test_pause_stops_answers_until_the_class_carries_on(
    store: ClassStore, lesson: NewClass
) -> None:
    student = store.join(lesson.code)
    store.open_question(lesson.code, lesson.secret, question())
    store.set_paused(lesson.code, lesson.secret, True)
    assert store.class_state(lesson.code).paused is True
    with pytest.raises(ValueError, match="paused"):
        store.submit(lesson.code, student.token, 0.5)
    assert store.answers(lesson.code, lesson.secret).count == 0
    store.set_paused(lesson.code, lesson.secret, False)
    assert store.submit(lesson.code, student.token, 0.5) == 0.5


def test_reveal_then_lock_keeps_it_revealed(
    store: ClassStore, lesson: NewClass
) -> None:
    store.open_question(lesson.code, lesson.secret, question())
    store.reveal(lesson.code, lesson.secret)
    store.lock(lesson.code, lesson.secret)
    assert store.class_state(lesson.code).question.status == "revealed"  # type: ignore[union-attr]


def test_an_answer_on_the_edge_of_the_range_is_taken(
    store: ClassStore, lesson: NewClass
) -> None:
    student = store.join(lesson.code)
    store.open_question(lesson.code, lesson.secret, question(low=-1, high=1, answer=0))
    assert store.submit(lesson.code, student.token, "-1") == -1.0
    assert store.submit(lesson.code, student.token, "1e0") == 1.0
