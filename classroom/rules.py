"""The rules of a live class, checked before anything reaches the database.

Pure functions and limits: class codes, secrets, aliases and nicknames, the pushed
view, a question, an answer. Every bad input raises ``ValueError`` (or one of its
subclasses below) with a message a teacher or student can act on.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.parsing import parse_number

#: Letters and digits nobody misreads on a projector: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
#: How long a class lives by default, and the bounds a teacher may choose.
LIFETIME_S = 12 * 3600.0
LIFETIME_LIMITS_S = (60.0, 24 * 3600.0)
#: An expired class is kept this long (its CSV can still be exported), then purged.
RETENTION_S = 7 * 24 * 3600.0
MAX_STUDENTS = 120
MAX_OPEN_CLASSES = 500
NICKNAME_LENGTH = 24
#: Per student: this many answers at once, refilled at this many per second.
ANSWER_BURST = 5.0
ANSWERS_PER_S = 5.0
ANSWER_TEXT_LENGTH = 32
PROMPT_LENGTH = 500
UNIT_LENGTH = 24
QUERY_LENGTH = 2000

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_QUESTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_SPACES = re.compile(r"\s+")


class UnknownClass(ValueError):
    """The class code names no class, or the class has expired."""


class NotTeacher(ValueError):
    """A teacher action came without the class's teacher secret."""


class TooFast(ValueError):
    """One student sent answers faster than the rate limit allows."""


def new_code() -> str:
    """A random class code such as ``"K7QPXA"`` (31⁶ ≈ 8.9·10⁸ codes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_secret() -> str:
    """A teacher secret or a student token: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The SHA-256 of a secret, as stored (the secrets are random, so no salt)."""
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def check_code(code: Any) -> str:
    """The class code as stored: upper case, spaces and dashes dropped.

    >>> check_code(" k7q-pxa ")
    'K7QPXA'
    """
    if not isinstance(code, str) or len(code) > 40:
        raise UnknownClass("A class code is 6 letters and digits, such as K7QPXA.")
    cleaned = re.sub(r"[\s-]", "", code).upper()
    if len(cleaned) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in cleaned):
        shown = cleaned[:12] or "(empty)"
        raise UnknownClass(
            f"{shown!r} is not a class code: a code is 6 letters and digits, "
            "such as K7QPXA."
        )
    return cleaned


def check_secret(secret: Any, what: str = "the teacher secret") -> str:
    """A secret or token of a sane length (the hash decides whether it is right)."""
    if not isinstance(secret, str) or not 16 <= len(secret) <= 200:
        raise NotTeacher(f"This needs {what} of the class.")
    return secret


def check_lifetime(seconds: Any) -> float:
    """A class lifetime in seconds within :data:`LIFETIME_LIMITS_S`."""
    low, high = LIFETIME_LIMITS_S
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ValueError("A class lifetime is a number of seconds.")
    if not (math.isfinite(seconds) and low <= seconds <= high):
        raise ValueError(
            f"A class lasts from {low:.0f} seconds to {high / 3600:.0f} hours."
        )
    return float(seconds)


def clean_nickname(nickname: Any) -> str | None:
    """A nickname stripped of control and format characters, spaces folded, capped.

    Returns ``None`` for no nickname. The result is data: show it as text.

    >>> clean_nickname("  Ada\\u202e\\n Lovelace ")
    'Ada Lovelace'
    """
    if nickname is None:
        return None
    if not isinstance(nickname, str):
        raise ValueError("A nickname is text.")
    kept = "".join(
        " " if c.isspace() else c
        for c in nickname[: NICKNAME_LENGTH * 8]
        if c.isspace() or not unicodedata.category(c).startswith("C")
    )
    folded = _SPACES.sub(" ", kept).strip()[:NICKNAME_LENGTH].strip()
    return folded or None


def alias(number: int) -> str:
    """The anonymous name of the ``number``-th student to join: ``"Student 17"``."""
    return f"Student {number}"


def check_slug(value: Any, what: str, empty: bool = False) -> str:
    """A page slug or view name: lower-case letters, digits, ``-`` and ``_``."""
    if empty and value in ("", None):
        return ""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise ValueError(
            f"{what} must be a short name of lower-case letters, digits, - and _."
        )
    return value


def check_query(query: Any) -> str:
    """A URL query string (``"a=2&b=-4"``, a leading ``?`` allowed), re-encoded."""
    if query is None:
        return ""
    if not isinstance(query, str) or len(query) > QUERY_LENGTH:
        raise ValueError(f"The page's link is at most {QUERY_LENGTH} characters.")
    try:
        pairs = parse_qsl(
            query.lstrip("?"), keep_blank_values=True, strict_parsing=False
        )
    except ValueError as error:  # e.g. too many fields
        raise ValueError(f"The page's link cannot be read: {error}") from None
    return urlencode(pairs)


def _text(value: Any, what: str, limit: int, empty: bool = False) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is text.")
    cleaned = "".join(
        c for c in value if c in "\n\t" or not unicodedata.category(c).startswith("C")
    ).strip()
    if not cleaned and not empty:
        raise ValueError(f"{what} is missing.")
    if len(cleaned) > limit:
        raise ValueError(f"{what} is at most {limit} characters.")
    return cleaned


@dataclass(frozen=True)
class QuestionSpec:
    """What a teacher asks: the catalogue's question with today's true answer.

    ``low``/``high`` bound the answers a student may give; ``tolerance`` says how
    far off still counts as close. ``page``/``view`` are where the question lives.
    """

    question_id: str
    prompt: str
    answer: float
    tolerance: float
    low: float
    high: float
    unit: str = ""
    page: str = ""
    view: str = ""

    def checked(self) -> QuestionSpec:
        """The same question, validated and cleaned; raises ``ValueError``."""
        if not isinstance(self.question_id, str) or not _QUESTION_ID.fullmatch(
            self.question_id
        ):
            raise ValueError(
                "A question id is a short name (letters, digits, . _ : -)."
            )
        low = _number(self.low, "The lowest allowed answer")
        high = _number(self.high, "The highest allowed answer")
        if not low < high:
            raise ValueError(f"The answer range needs low < high (got {low}, {high}).")
        answer = _number(self.answer, "The true answer")
        if not low <= answer <= high:
            raise ValueError(f"The true answer {answer} is outside [{low}, {high}].")
        tolerance = _number(self.tolerance, "The tolerance")
        if tolerance < 0:
            raise ValueError("The tolerance cannot be negative.")
        return QuestionSpec(
            self.question_id,
            _text(self.prompt, "The question", PROMPT_LENGTH),
            answer,
            tolerance,
            low,
            high,
            _text(self.unit, "The unit", UNIT_LENGTH, empty=True),
            check_slug(self.page, "The page", empty=True),
            check_slug(self.view, "The view", empty=True),
        )


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} must be a number.")
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number.")
    return float(value)


def parse_answer(value: Any) -> float:
    """A student's answer as a finite number, typed (``"−0.5"``, ``"1e-3"``) or given.

    Text is read like any number box of the explorer, and at most
    :data:`ANSWER_TEXT_LENGTH` characters of it.

    >>> parse_answer(" 2.5 ")
    2.5
    """
    if isinstance(value, str):
        if len(value) > ANSWER_TEXT_LENGTH:
            raise ValueError(
                f"An answer is a number of at most {ANSWER_TEXT_LENGTH} characters."
            )
        return parse_number(value, "Your answer")
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError("Your answer must be a finite number.")
        return number
    raise ValueError("Your answer must be a number.")


def check_in_range(number: float, low: float, high: float) -> float:
    """``number`` if the question allows it, else ``ValueError`` saying the range."""
    if not low <= number <= high:
        raise ValueError(f"Your answer must be between {low:g} and {high:g}.")
    return number


def is_close(value: float, answer: float, tolerance: float) -> bool:
    """Whether ``value`` is within ``tolerance`` of ``answer`` (rounding forgiven).

    >>> is_close(0.3, 0.2, 0.1)
    True
    """
    slack = 1e-9 * max(1.0, abs(answer), tolerance)
    return abs(value - answer) <= tolerance + slack
