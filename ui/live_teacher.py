"""The teacher's side of a live class: the class bar and the live answers.

The bar (one bordered box above the page's columns) holds the class code, the
**Invite students** popover (join link and QR code, drawn offline), **Send my
view**, the students' controls switch, and **Ask the class** over the current
view's questions. Below it, :func:`answers` is a fragment that redraws itself
every :data:`REFRESH_S` without the teacher touching anything: the prompt, how
many answered, the dot plot, and lock / reveal / pause / names / CSV.

The teacher secret never appears on screen, and neither does the true answer
before the reveal (it is in a **Peek** popover the teacher opens on their own).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from classroom import QuestionSpec, StoreUnavailable
from text import live_class as words
from text.safe import clip_quotes, sentence
from ui import live_store, share, still_chart
from ui.live_store import Member, Problem, shape
from ui.predict import ask as ask_question
from ui.url_state import PageState
from viz.class_answers import class_answers_figure

#: How often the projector's answers redraw themselves (the budget is 2 s).
REFRESH_S = 1.0
#: Link values a push does not send: the class, and the teacher's own modes.
NOT_PUSHED = ("class", "present", "predict")
_ERROR = "_live_teacher_error"
_NAMES = "_live_names"
_PICK = "_live_pick"
_DRAWN = "_live_teacher_drawn"  # what the last full run drew (``shape``)


def question_id(slug: str, view: str, key: str) -> str:
    """The stored id of a catalogue question: ``"equations.one.root"``."""
    return f"{slug}.{view}.{key}"


def _act(me: Member, action: str, *args: Any) -> bool:
    """Call ``store.<action>(code, secret, *args)``; keep the error for the bar."""
    st.session_state.pop(_ERROR, None)
    try:
        getattr(live_store.store(), action)(me.code, me.secret, *args)
    except (ValueError, StoreUnavailable) as exc:
        st.session_state[_ERROR] = str(exc)
        return False
    live_store.teacher_view.clear()  # the projector shows it at once
    return True


def _pushed_query(state: PageState) -> str:
    values = state.url_params()
    return urlencode({k: v for k, v in values.items() if k not in NOT_PUSHED})


def _do(me: Member, action: str, *args: Any) -> None:
    """A button's callback: :func:`_act` without its result."""
    _act(me, action, *args)


def _send(me: Member, state: PageState, slug: str) -> None:
    """The **Send my view** button."""
    _push(me, state, slug)


def _push(me: Member, state: PageState, slug: str) -> bool:
    view = str(state.value("view"))
    return _act(me, "push_view", slug, view, _pushed_query(state))


def _ask(me: Member, state: PageState, slug: str, questions: Sequence[Any]) -> None:
    by_key = {q.key: q for q in questions}
    question = by_key.get(str(st.session_state.get(_PICK)), questions[0])
    view = str(state.value("view"))
    try:
        asked = ask_question(slug, view, question, state.values())
    except ValueError as exc:
        st.session_state[_ERROR] = str(exc)
        return
    answer = asked.answer
    spec = QuestionSpec(
        question_id(slug, view, question.key),
        asked.prompt,
        answer.value,
        answer.tolerance,
        answer.low,
        answer.high,
        asked.unit,
        slug,
        view,
    )
    if _push(me, state, slug):
        _act(me, "open_question", spec)


def _free(me: Member) -> None:
    _act(me, "set_controls_free", bool(st.session_state.get("_live_free")))


def bar(state: PageState, slug: str, view: Any, me: Member) -> None:
    """The teacher's class bar and, under it, the live answers."""
    found = live_store.teacher_view(me.code, me.secret, False)
    with st.container(border=True):
        if isinstance(found, Problem):
            st.warning(sentence(clip_quotes(found.message)))
            st.button(words.END, on_click=live_store.forget, key="_live_end")
            return
        now, _ = found
        st.session_state[_DRAWN] = shape(now)
        top = st.columns([1.3, 1.2, 1.8, 4], vertical_alignment="center")
        with top[0].popover(words.INVITE):
            _invite(slug, me.code)
        top[1].button(
            words.PUSH, help=words.PUSH_HELP, on_click=_send, args=(me, state, slug)
        )
        st.session_state["_live_free"] = now.controls_free
        top[2].toggle(
            words.FREE,
            key="_live_free",
            help=words.FREE_HELP,
            on_change=_free,
            args=(me,),
        )
        _ask_row(state, slug, view, me)
        error = st.session_state.get(_ERROR)
        if error:
            st.error(sentence(clip_quotes(str(error))))
        answers(me)


def _ask_row(state: PageState, slug: str, view: Any, me: Member) -> None:
    questions = tuple(view.questions)
    if not questions:
        st.caption(words.NO_QUESTIONS)
        return
    pick, go, end = st.columns([4, 1.3, 1.3], vertical_alignment="bottom")
    labels = {q.key: q.prompt.replace("**", "") for q in questions}
    pick.selectbox(words.PICK, list(labels), format_func=labels.__getitem__, key=_PICK)
    go.button(
        words.ASK,
        type="primary",
        help=words.ASK_HELP,
        on_click=_ask,
        args=(me, state, slug, questions),
    )
    end.button(words.END, help=words.END_HELP, on_click=live_store.forget)


def _invite(slug: str, code: str) -> None:
    link = share.link(share.page_url(slug), {"class": code})
    st.markdown(words.INVITE_TEXT)
    st.code(link, language=None, wrap_lines=True)
    st.markdown(f"## {code}")
    if share.is_local(link):
        st.warning(words.LOCAL_WARNING)
    try:
        st.image(share.qr_png(link), width=share.QR_PIXELS, caption=code)
    except ValueError:
        st.caption("This link is too long for a QR code: give the code instead.")


@st.fragment(run_every=REFRESH_S)
def answers(me: Member) -> None:
    """The current round, live: redrawn every second by the browser's timer."""
    names = bool(st.session_state.get(_NAMES, False))
    found = live_store.teacher_view(me.code, me.secret, names)
    if isinstance(found, Problem):
        st.warning(words.STORE_DOWN if found.down else sentence(found.message))
        return
    now, got = found
    if shape(now) != st.session_state.get(_DRAWN):
        st.rerun()  # the page shows the charts again after the reveal
    st.markdown(words.class_line(now.code, now.students, now.expires_at - time.time()))
    question = now.question
    if question is None:
        st.caption(words.NO_ROUND)
        return
    left, right = st.columns([1, 2.2], gap="medium")
    revealed = question.status == "revealed"
    with left:
        st.markdown(words.question_line(question.round, question.prompt))
        st.markdown(words.answered_line(got.count, now.students))
        st.caption(words.STATUS.get(question.status, question.status))
        if now.paused:
            st.caption(words.PAUSED)
        _round_buttons(me, question.status, now.paused)
        if question.answer is not None and not revealed:
            with st.popover("Peek at the answer"):
                st.markdown(
                    words.true_answer(
                        question.answer, question.tolerance, question.unit
                    )
                )
    with right:
        fig = class_answers_figure(
            got.values,
            answered=got.count,
            students=now.students,
            answer=question.answer if revealed else None,
            tolerance=question.tolerance,
            names=got.names,
            unit=question.unit,
        )
        still_chart.show(  # the page's small Plotly: redrawn every second, cheaply
            fig,
            key="class_answers",
            alt="The class's answers: "
            + words.answered_line(got.count, now.students).replace("**", ""),
            config={"displaylogo": False, "displayModeBar": False},
        )


def _round_buttons(me: Member, status: str, paused: bool) -> None:
    row = st.columns(2)
    if status == "open":
        row[0].button(words.LOCK, on_click=_do, args=(me, "lock"), key="_live_lock")
    if status != "revealed":
        row[1].button(
            words.REVEAL,
            type="primary",
            on_click=_do,
            args=(me, "reveal"),
            key="_live_reveal",
        )
    row[0].button(
        words.RESUME if paused else words.PAUSE,
        on_click=_do,
        args=(me, "set_paused", not paused),
        key="_live_pause",
    )
    row[1].toggle(words.NAMES, key=_NAMES, help=words.NAMES_HELP)
    st.download_button(
        words.CSV,
        data=functools.partial(live_store.store().export_csv, me.code, me.secret),
        file_name=f"class-{me.code}.csv",
        mime="text/csv",
        on_click="ignore",
        help=words.CSV_HELP,
        key="_live_csv",
    )


__all__ = ["REFRESH_S", "answers", "bar", "question_id"]
