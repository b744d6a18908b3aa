"""What the class store hands back: small frozen records, no database types.

Times are seconds since the Unix epoch (``time.time()``), as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A question's life: answers are taken while ``open``; ``locked`` stops them;
#: ``revealed`` (also locked) shows the true answer to everyone.
STATUSES = ("open", "locked", "revealed")


@dataclass(frozen=True)
class NewClass:
    """A class just started. Show ``code`` to the room; keep ``secret`` private."""

    code: str
    secret: str = field(repr=False)
    expires_at: float


@dataclass(frozen=True)
class Student:
    """A student in a class. ``token`` proves who answers: keep it in the session.

    ``alias`` is the anonymous name (``"Student 17"``); ``nickname`` is ``None``
    unless the student gave one (already cleaned, still data: show it as text).
    """

    code: str
    number: int
    alias: str
    nickname: str | None
    token: str = field(repr=False)


@dataclass(frozen=True)
class Question:
    """The class's current question (a *round*: the same question may be asked twice).

    ``answer`` is ``None`` for students until the teacher reveals it; the teacher
    (with the secret) always sees it.
    """

    round: int
    question_id: str
    prompt: str
    unit: str
    low: float
    high: float
    tolerance: float
    page: str
    view: str
    status: str
    opened_at: float
    answer: float | None

    @property
    def accepts_answers(self) -> bool:
        """Whether a student may answer it now (the class must not be paused too)."""
        return self.status == "open"


@dataclass(frozen=True)
class ClassState:
    """Everything a page polls: where the teacher is, and the current question.

    ``view_version`` goes up by one at every push, so a student page follows the
    teacher only when it changes. ``answered`` counts the current round's answers.
    """

    code: str
    created_at: float
    expires_at: float
    paused: bool
    controls_free: bool
    page: str
    view: str
    query: str
    view_version: int
    students: int
    question: Question | None
    answered: int


@dataclass(frozen=True)
class StudentState:
    """One student's poll: the class, and their own answer to the current round."""

    state: ClassState
    student: Student
    my_answer: float | None

    @property
    def off_by(self) -> float | None:
        """How far the student's answer is from the revealed true answer."""
        question = self.state.question
        if question is None or question.answer is None or self.my_answer is None:
            return None
        return abs(self.my_answer - question.answer)


@dataclass(frozen=True)
class RoundAnswers:
    """One round's answers for the projector: ``count`` values, latest per student.

    ``names`` is ``None`` unless the teacher asked for names (``"Student 17"`` or
    the nickname), in the order of ``values``.
    """

    round: int
    count: int
    values: tuple[float, ...]
    names: tuple[str, ...] | None
