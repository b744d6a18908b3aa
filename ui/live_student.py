"""The student's side of a live class: joining, following, answering, the reveal.

- :func:`join_box`: the invitation of a join link (``?class=K7QPXA``) or the
  code typed in the **Live class** popover, with an optional nickname.
- :func:`bar`: a fragment that polls the class every :data:`POLL_S` (one shared,
  cached read per process: ``ui.live_store.class_state``) and redraws only
  itself: the question, the answer box, how close the answer was after the
  reveal. It reruns the whole page only when the page must change: the teacher
  pushed a view (the student follows it), a question opened or was revealed (the
  charts that give the answer away hide or come back), or the controls were
  locked or freed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl

import streamlit as st

from classroom import ClassState, StoreUnavailable
from text import live_class as words
from text.safe import clip_quotes, sentence
from ui import live_store, url_state
from ui.live_store import Member, Problem, shape
from ui.topics import TOPICS

#: How often a student's page asks for the class (the class costs one read a
#: second per process however many students poll).
POLL_S = 2.0
_ERROR = "_live_student_error"
_SEEN = "_live_seen_version"  # the last pushed view this session followed
_DRAWN = "_live_drawn"  # what the last full run drew: see :func:`shape`
_SLUG = "_live_slug"
_CODE = "_live_join_code"
_NICK = "_live_join_nick"


def _join(code: str | None) -> None:
    st.session_state.pop(_ERROR, None)
    typed = code if code is not None else str(st.session_state.get(_CODE, ""))
    nickname = str(st.session_state.get(_NICK, "")).strip() or None
    try:
        student = live_store.store().join(typed, nickname)
        found = live_store.store().class_state(student.code)
    except (ValueError, StoreUnavailable) as exc:
        st.session_state[_ERROR] = str(exc)
        return
    st.session_state[_SEEN] = 0
    live_store.join_as(
        Member(
            "student",
            student.code,
            student.token,
            found.expires_at,
            student.alias,
            student.nickname,
        )
    )


def join_form(code: str | None) -> None:
    """The nickname (and the code, unless a link gave it) and the join button."""
    with st.form("_live_join", border=False, enter_to_submit=True):
        if code is None:
            st.text_input(
                words.JOIN_CODE, key=_CODE, max_chars=12, help=words.JOIN_CODE_HELP
            )
        st.text_input(words.NICKNAME, key=_NICK, max_chars=24, help=words.NICKNAME_HELP)
        st.form_submit_button(words.JOIN, on_click=_join, args=(code,))
    error = st.session_state.get(_ERROR)
    if error:
        st.error(sentence(clip_quotes(str(error))))


def join_box(code: str) -> None:
    """A join link's invitation, open on the page (not in a popover)."""
    with st.container(border=True):
        st.markdown(words.INVITED.format(code=code))
        join_form(code)


def follow(found: ClassState, me: Member, slug: str) -> None:
    """Go to the page, view and values the teacher pushed (a full rerun)."""
    st.session_state[_SEEN] = found.view_version
    params = dict(parse_qsl(found.query))
    params["class"] = me.code
    if found.page == slug and st.query_params.to_dict() == params:
        return  # it shows that view already ("Ask the class" sends it again)
    url_state.reload_from_url()
    if found.page == slug:
        st.query_params.from_dict(params)
        st.rerun()
    for topic in TOPICS:
        if topic.slug == found.page:
            st.switch_page(topic.script, query_params=params)


def bar(slug: str, found: ClassState) -> None:
    """The student's live bar; ``found`` is the class this full run draws."""
    st.session_state[_SLUG] = slug
    st.session_state[_DRAWN] = shape(found)
    with st.container(border=True):
        _poll()


@st.fragment(run_every=POLL_S)
def _poll() -> None:
    me = live_store.member()
    if me is None or me.teacher:
        return
    found = live_store.class_state(me.code)
    if isinstance(found, Problem):
        _lost(me, found)
        return
    if found.page and found.view_version > int(st.session_state.get(_SEEN, 0)):
        follow(found, me, str(st.session_state.get(_SLUG, "")))
    if shape(found) != st.session_state.get(_DRAWN):
        st.rerun()  # the page hides or shows charts, or locks its controls
    st.markdown(words.student_line(me.code, me.alias, me.nickname))
    question = found.question
    if question is None:
        st.caption(words.WAIT)
        return
    st.markdown(words.question_line(question.round, question.prompt))
    mine = me.answer if me.answer_round == question.round else None
    if question.answer is not None:
        close = mine is not None and abs(mine - question.answer) <= question.tolerance
        box = st.success if close else st.info
        box(
            words.reveal_feedback(
                mine, question.answer, question.tolerance, question.unit
            )
        )
    elif found.paused:
        st.info(words.PAUSED)
    elif question.accepts_answers:
        _answer_form(question.round, mine, question.unit)
    else:
        st.info(words.CLOSED)
        st.caption(words.my_answer(mine, question.unit, question.round))


def _answer_form(round_no: int, mine: float | None, unit: str) -> None:
    key = f"_live_answer_{round_no}"
    with st.form(f"_live_answer_form_{round_no}", border=False):
        st.text_input(words.ANSWER, key=key, max_chars=40, help=words.ANSWER_HELP)
        st.form_submit_button(words.SUBMIT, on_click=_submit, args=(round_no, key))
    st.caption(words.my_answer(mine, unit, round_no))
    error = st.session_state.get(_ERROR)
    if error:
        st.error(sentence(clip_quotes(str(error))))


def _submit(round_no: int, key: str) -> None:
    st.session_state.pop(_ERROR, None)
    me = live_store.member()
    if me is None:
        return
    try:
        value = live_store.store().submit(me.code, me.secret, st.session_state.get(key))
    except (ValueError, StoreUnavailable) as exc:
        st.session_state[_ERROR] = str(exc)
        return
    live_store.join_as(replace(me, answer=value, answer_round=round_no))


def _lost(me: Member, problem: Problem) -> None:
    """The class is gone (expired, unknown) or the database is down."""
    if problem.down:
        st.warning(words.STORE_DOWN)
        return
    st.info(words.ENDED.format(code=me.code))
    st.button(words.LEAVE, on_click=live_store.forget, key="_live_leave_lost")


def leave_button(container: Any) -> None:
    """The student's **Leave the class** button."""
    container.button(words.LEAVE, on_click=live_store.forget, key="_live_leave")
