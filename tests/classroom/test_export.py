"""The CSV of a session: what a teacher opens in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from classroom import ClassStore, NewClass
from classroom.export import cell
from tests.classroom.conftest import question


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_has_one_line_per_answer_with_how_close_it_was(
    store: ClassStore, lesson: NewClass
) -> None:
    ada = store.join(lesson.code, nickname="Ada")
    bob = store.join(lesson.code)
    store.open_question(lesson.code, lesson.secret, question(answer=0.5, tolerance=0.1))
    store.submit(lesson.code, ada.token, 0.3)
    store.submit(lesson.code, ada.token, 0.45)  # replaces 0.3
    store.submit(lesson.code, bob.token, -2)
    store.open_question(
        lesson.code,
        lesson.secret,
        question(question_id="bayes.p", answer=0.2, tolerance=0.1, unit="%"),
    )
    store.submit(lesson.code, bob.token, "0.3")
    rows = _table(store.export_csv(lesson.code, lesson.secret))
    assert [(r["round"], r["student"], r["answer"], r["close"]) for r in rows] == [
        ("1", "Student 1", "0.45", "yes"),
        ("1", "Student 2", "-2.0", "no"),
        ("2", "Student 2", "0.3", "yes"),  # |0.3 − 0.2| = 0.1: the tolerance itself
    ]
    first = rows[0]
    assert first["question"] == "Where is w after 3 steps with lr = 0.1?"
    assert (first["true_answer"], first["tolerance"], first["changes"]) == (
        "0.5",
        "0.1",
        "2",
    )
    assert float(first["off_by"]) == pytest.approx(0.05)
    assert first["answered_at_utc"].endswith("Z")
    assert rows[2]["unit"] == "%"


def test_names_are_left_out_unless_asked(store: ClassStore, lesson: NewClass) -> None:
    ada = store.join(lesson.code, nickname="Ada Lovelace")
    store.open_question(lesson.code, lesson.secret, question())
    store.submit(lesson.code, ada.token, 1)
    hidden = store.export_csv(lesson.code, lesson.secret)
    assert "Ada" not in hidden
    assert "nickname" not in hidden
    shown = _table(store.export_csv(lesson.code, lesson.secret, names=True))
    assert (shown[0]["student"], shown[0]["nickname"]) == ("Student 1", "Ada Lovelace")


def test_a_formula_typed_by_anyone_stays_text(
    store: ClassStore, lesson: NewClass
) -> None:
    attacks = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)"]
    students = [store.join(lesson.code, nickname=text[:24]) for text in attacks]
    store.open_question(
        lesson.code,
        lesson.secret,
        question(question_id="x", prompt="=cmd|' /C calc'!A0", unit="@u", low=-10),
    )
    for student in students:
        store.submit(lesson.code, student.token, -3.5)
    text = store.export_csv(lesson.code, lesson.secret, names=True)
    for row in _table(text):
        for name in ("question", "unit", "nickname", "question_id"):
            assert not row[name].startswith(("=", "+", "-", "@")), (name, row[name])
        assert row["answer"] == "-3.5"  # a number stays a number
    nicknames = [row["nickname"] for row in _table(text)]
    assert nicknames == ["'" + text[:24] for text in attacks]


def test_a_session_without_answers_exports_the_header(
    store: ClassStore, lesson: NewClass
) -> None:
    text = store.export_csv(lesson.code, lesson.secret)
    assert text.splitlines() == [
        "round,question_id,question,unit,true_answer,tolerance,student,answer,"
        "off_by,close,changes,answered_at_utc"
    ]


def test_cell_quotes_only_what_could_start_a_formula() -> None:
    assert [cell(t) for t in ("=1", "+1", "-1", "@a", "\t=1", "\r=1")] == [
        "'=1", "'+1", "'-1", "'@a", "'\t=1", "'\r=1",
    ]  # fmt: skip
    assert [cell(t) for t in ("Blue Fox", "1-2", "", "a=b")] == [
        "Blue Fox",
        "1-2",
        "",
        "a=b",
    ]
