"""The words of the live class: the teacher's bar, the student's bar, the messages.

Names a student typed (nicknames) and codes from a link are data: every function
here that puts one into a sentence passes it through :mod:`text.safe`.

>>> answered_line(3, 28)
'**3** of 28 students answered'
>>> who("Student 4", "<b>Ada</b>")
'\\\\<b\\\\>Ada\\\\<\\\\/b\\\\> (Student 4)'
"""

from __future__ import annotations

import math

from core.parsing import display_number
from core.questions import Answer, Verdict
from text.questions import feedback
from text.safe import echo, literal

LIVE_CLASS = "Live class"
LIVE_CLASS_HELP = "Start a class as the teacher, or join one with its code."
START = "Start a class"
START_HELP = (
    "You get a short code, a join link and a QR code for the room. Students answer "
    "your questions from their own devices; nothing leaves this server."
)
LIFETIME = "The class ends after"
LIFETIMES: dict[int, str] = {3600: "1 hour", 2 * 3600: "2 hours", 12 * 3600: "12 hours"}
JOIN = "Join the class"
JOIN_CODE = "Class code"
JOIN_CODE_HELP = "The 6 letters and digits on your teacher's screen, e.g. K7QPXA."
NICKNAME = "Nickname (optional)"
NICKNAME_HELP = (
    "Leave it empty to stay anonymous (you will be “Student N”). Your teacher may "
    "show names on the projector."
)
INVITED = "You are invited to the live class **{code}**."
LEAVE = "Leave the class"
END = "End the class here"
END_HELP = "Stop teaching this class from this browser (the answers stay in the CSV)."

# -- the teacher -------------------------------------------------------------------------
INVITE = "Invite students"
INVITE_TEXT = "Students open this link, or scan the code, or type the class code:"
LOCAL_WARNING = (
    "This address names this computer only: students' devices cannot open it. "
    "Open the app at this computer's network address and invite again."
)
ASK = "Ask the class"
ASK_HELP = (
    "Sends your page, view and values to the students and opens the question. "
    "The true answer is computed from your current values."
)
PICK = "Question"
NO_QUESTIONS = "This view has no question: pick another view under Show to ask one."
PUSH = "Send my view"
PUSH_HELP = "Every student's page follows to this page, view and values."
FREE = "Students' controls free"
FREE_HELP = (
    "On: students may move the controls after following your view. Off: their "
    "controls are hidden and their page shows your view."
)
LOCK = "Lock answers"
REVEAL = "Reveal the answer"
PAUSE = "Pause"
RESUME = "Carry on"
NAMES = "Show names"
NAMES_HELP = "Names (nicknames or “Student N”) on the projector. Off by default."
CSV = "Answers (CSV)"
CSV_HELP = "Every answer of this class so far: round, question, true answer, answer."
ANSWERS = "Class answers"
NO_ROUND = "No question yet: pick one above and press **Ask the class**."
STATUS = {
    "open": "Answers open",
    "locked": "Answers locked",
    "revealed": "Answer revealed",
}
PAUSED = "Paused: students cannot answer."
STORE_DOWN = "The class database is not answering: trying again every second."

# -- the student -------------------------------------------------------------------------
ANSWER = "Your answer"
ANSWER_HELP = (
    "A number, e.g. 0.5 or −2 or 1e3. You may change it until your teacher locks."
)
SUBMIT = "Send"
WAIT = "Waiting for your teacher's question…"
CLOSED = "Answers are closed: wait for the reveal."
FOLLOWING = "Your teacher controls this view."
LEFT = "You left the class."
ENDED = "The class {code} has ended, or this server does not know it."


def answered_line(answered: int, students: int) -> str:
    """``'**3** of 28 students answered'`` (markdown)."""
    noun = "student" if students == 1 else "students"
    return f"**{answered}** of {students} {noun} answered"


def class_line(code: str, students: int, seconds_left: float) -> str:
    """The teacher's headline: the code, how many joined, when it ends (markdown)."""
    noun = "student" if students == 1 else "students"
    return (
        f"Class code **{literal(code)}** · {students} {noun} joined · "
        f"ends in {duration(seconds_left)}"
    )


def duration(seconds: float) -> str:
    """``'1 h 05 min'``, ``'12 min'``, ``'less than a minute'``.

    >>> duration(3900)
    '1 h 05 min'
    """
    if not math.isfinite(seconds) or seconds < 60:
        return "less than a minute"
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def who(alias: str, nickname: str | None) -> str:
    """A student's name as markdown that shows it as typed: nickname (alias)."""
    if not nickname:
        return literal(alias)
    return f"{echo(nickname, 24)} ({literal(alias)})"


def student_line(code: str, alias: str, nickname: str | None) -> str:
    """The student's headline (markdown)."""
    return f"Live class **{literal(code)}** · you are {who(alias, nickname)}"


def my_answer(value: float | None, unit: str = "", round_no: int | None = None) -> str:
    """What the student sent (markdown), and to which question when ``round_no``."""
    if value is None:
        return "You have not answered yet."
    to = f" to question {round_no}" if round_no else ""
    return (
        f"Your answer: **{display_number(value)}{unit}**{to} (send again to change it)."
    )


def reveal_feedback(
    mine: float | None, answer: float, tolerance: float, unit: str = ""
) -> str:
    """After the reveal: how close the student was, in predict-first's words."""
    if mine is None:
        value = f"{display_number(answer)}{unit}"
        return f"The answer is **{value}**. You did not answer this one."
    verdict = Verdict(mine, Answer(answer, tolerance, -math.inf, math.inf))
    return feedback(verdict, unit)


def true_answer(answer: float, tolerance: float, unit: str = "") -> str:
    """The teacher's line: the true answer (not on the projector chart until revealed)."""
    return (
        f"True answer **{display_number(answer)}{unit}** "
        f"(close within ±{display_number(tolerance)}{unit})"
    )


def question_line(round_no: int, text: str) -> str:
    """The question of round ``round_no`` as markdown, numbered as the class sees it.

    Asked again (vote, discuss, vote again), it comes back with the next number, so
    students and teacher can tell the new round from the last one.
    """
    return f"**Question {int(round_no)}.** {prompt(text)}"


def prompt(text: str) -> str:
    """A stored question prompt as markdown: only its ``**bold**`` is kept."""
    parts = text[: 4 * 500].split("**")
    return "**".join(_spaced(part) for part in parts)


def _spaced(part: str) -> str:
    """``literal(part)`` with the part's outer spaces kept (they separate the bold)."""
    lead = " " if part[:1].isspace() else ""
    trail = " " if part[-1:].isspace() else ""
    inner = literal(part, 500)
    return f"{lead}{inner}{trail}" if inner else lead
