"""The live class's storage: classes, students, questions and answers in a database.

No Streamlit here: the pages call one :class:`ClassStore` per process (open it with
:func:`open_store`, e.g. under ``st.cache_resource``). Everything lives in the
database (a SQLite file by default, PostgreSQL by URL: see
:mod:`classroom.settings`), so a restarted or second app process serves the same
class. The flow::

    store = open_store()
    new = store.start_class()                     # new.code for the room, new.secret kept
    student = store.join(new.code)                # "Student 1"; keep student.token
    store.open_question(new.code, new.secret, QuestionSpec(
        "gd.w3", "Where is w after 3 steps?", answer=0.51, tolerance=0.05,
        low=-5, high=5))
    store.submit(new.code, student.token, "0.5") # a later answer replaces it
    store.answers(new.code, new.secret)           # RoundAnswers for the projector
    store.reveal(new.code, new.secret)            # students now see the answer
    store.export_csv(new.code, new.secret)

Bad input raises ``ValueError`` with a message for the person who typed it;
:class:`UnknownClass`, :class:`NotTeacher` and :class:`TooFast` are ``ValueError``
too. :class:`StoreUnavailable` (a ``RuntimeError``) means the database did not
answer. ``classroom`` may import ``core`` only.
"""

from __future__ import annotations

from classroom.database import StoreUnavailable
from classroom.records import (
    ClassState,
    NewClass,
    Question,
    RoundAnswers,
    Student,
    StudentState,
)
from classroom.rules import NotTeacher, QuestionSpec, TooFast, UnknownClass
from classroom.settings import database_for, open_store
from classroom.store import ClassStore

__all__ = [
    "ClassState",
    "ClassStore",
    "NewClass",
    "NotTeacher",
    "Question",
    "QuestionSpec",
    "RoundAnswers",
    "StoreUnavailable",
    "Student",
    "StudentState",
    "TooFast",
    "UnknownClass",
    "database_for",
    "open_store",
]
