"""The live class's side of a session: who this browser is in a class, and cheap reads.

- **One store per process** (:func:`store`, ``st.cache_resource``): SQLite by
  default, PostgreSQL with ``MLMATH_DATABASE_URL`` (``classroom.settings``).
- **Cheap polling.** Every student page polls :func:`class_state`, cached for all
  sessions of the process for :data:`POLL_TTL_S` and bounded: a class of 60
  costs about one database read a second per process, not 60.
  :func:`teacher_view` does the same for the teacher's projector.
- **Who am I** (:class:`Member`): kept in the session, and in one cookie
  (:data:`COOKIE`) that a tiny component writes in the browser. Session state
  dies with the process; the cookie comes back with the websocket of the next
  session (``st.context.cookies``), so after a server restart the student is the
  same student (same token: their answers stay theirs) and the teacher is still
  the teacher, with nothing secret in the address bar on the projector.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import streamlit as st

from classroom import (
    ClassState,
    ClassStore,
    RoundAnswers,
    StoreUnavailable,
    open_store,
)
from classroom.rules import check_code

__all__ = [
    "COOKIE",
    "POLL_TTL_S",
    "Member",
    "Problem",
    "class_state",
    "forget",
    "join_as",
    "member",
    "shape",
    "store",
    "teacher_view",
    "write_cookie",
]

#: The browser's cookie: ``role.code.secret`` (teacher) or ``…token`` (student).
COOKIE = "mlmath_live"
#: How long every session's poll shares one read of a class.
POLL_TTL_S = 1.0
#: The teacher's projector view: one session per class, so a shorter time is cheap.
TEACHER_TTL_S = 0.5
_MEMBER = "_live_member"
_RESTORED = "_live_restored"  # the cookie was read (once per session)
ROLES = ("teacher", "student")
COOKIE_JS = """
export default function ({ data }) {
  if (!data) return;
  const safe = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = data.name + "=" + (data.value || "") + "; Max-Age=" +
    String(data.maxAge) + "; Path=/; SameSite=Strict" + safe;
}
"""


@dataclass(frozen=True)
class Problem:
    """Why a class could not be read: ``down`` when the database did not answer."""

    message: str
    down: bool = False


@dataclass(frozen=True)
class Member:
    """This browser in a class: ``role`` (teacher or student), the code, the secret.

    ``secret`` is the teacher secret or the student's token; it is never shown.
    ``alias``/``nickname`` name a student (the nickname is data: show it as text).
    """

    role: str
    code: str
    secret: str
    expires_at: float
    alias: str = ""
    nickname: str | None = None
    answer: float | None = None  # the student's answer to ``answer_round``
    answer_round: int = 0

    @property
    def teacher(self) -> bool:
        return self.role == "teacher"

    def cookie(self) -> str:
        return f"{self.role}.{self.code}.{self.secret}"


@st.cache_resource(show_spinner=False)
def store() -> ClassStore:
    """The process's class store (created or migrated when first opened)."""
    return open_store()


@st.cache_data(ttl=POLL_TTL_S, max_entries=1024, show_spinner=False)
def class_state(code: str) -> ClassState | Problem:
    """The class as students see it, shared by every session for a second.

    A :class:`Problem` says why not (an unknown or expired class, the database down).
    """
    try:
        return store().class_state(code)
    except ValueError as exc:
        return Problem(str(exc))
    except StoreUnavailable as exc:
        return Problem(str(exc), down=True)


@st.cache_data(ttl=TEACHER_TTL_S, max_entries=64, show_spinner=False)
def teacher_view(
    code: str, secret: str, names: bool
) -> tuple[ClassState, RoundAnswers] | Problem:
    """The class and its current round's answers for the projector, for a second."""
    try:
        found = store().teacher_state(code, secret)
        return found, store().answers(code, secret, names=names)
    except ValueError as exc:
        return Problem(str(exc))
    except StoreUnavailable as exc:
        return Problem(str(exc), down=True)


def shape(found: ClassState) -> tuple[int, bool, bool]:
    """What a full page run draws from the class: round, revealed, controls free.

    A fragment that polls reruns the whole page when this changes (charts that
    give the answer away hide or come back; controls lock or unlock).
    """
    question = found.question
    revealed = question is not None and question.status == "revealed"
    return (question.round if question else 0, revealed, found.controls_free)


def member() -> Member | None:
    """Who this session is in a class; read back from the cookie in a new session."""
    found = st.session_state.get(_MEMBER)
    if isinstance(found, Member):
        return found
    if not st.session_state.get(_RESTORED):
        st.session_state[_RESTORED] = True
        restored = restore(st.context.cookies.get(COOKIE))
        if restored is not None:
            st.session_state[_MEMBER] = restored
            return restored
    return None


def restore(cookie: Any) -> Member | None:
    """The member a cookie names, if the store still knows them (else ``None``)."""
    if not isinstance(cookie, str) or len(cookie) > 300:
        return None
    role, _, rest = cookie.partition(".")
    code, _, secret = rest.partition(".")
    if role not in ROLES:
        return None
    try:
        code = check_code(code)
        if role == "teacher":
            found = store().teacher_state(code, secret)
            return Member(role, code, secret, found.expires_at)
        mine = store().student_state(code, secret)
        who = mine.student
        question = mine.state.question
        return Member(
            role,
            code,
            secret,
            mine.state.expires_at,
            who.alias,
            who.nickname,
            mine.my_answer,
            question.round if question else 0,
        )
    except (ValueError, StoreUnavailable):
        return None


def join_as(found: Member) -> None:
    """Make this session ``found`` (after starting or joining a class, or answering)."""
    st.session_state[_MEMBER] = found


def forget() -> None:
    """Leave the class in this session (the browser's cookie is cleared next run)."""
    st.session_state.pop(_MEMBER, None)


def _cookie_component() -> Any:
    return st.components.v2.component(
        "ml_math_explorer.live_cookie", html="<span hidden></span>", js=COOKIE_JS
    )


def write_cookie() -> None:
    """Keep the browser's cookie in step: this member's, or none.

    Drawn on every full run of a member (a few bytes), so a run cut short by a
    rerun cannot lose it; a browser that sent a stale cookie gets it cleared.
    """
    found = st.session_state.get(_MEMBER)
    if isinstance(found, Member):
        value, left = found.cookie(), max(int(found.expires_at - time.time()), 0)
    elif COOKIE in st.context.cookies:
        value, left = "", 0
    else:
        return
    _cookie_component()(
        key="_live_cookie", data={"name": COOKIE, "value": value, "maxAge": left}
    )
