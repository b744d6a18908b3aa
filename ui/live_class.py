"""The live class on every page: start, join, follow, ask, answer, reveal.

``ui.page`` calls four hooks; everything else lives in ``ui.live_teacher``,
``ui.live_student`` and ``ui.live_store``:

- :data:`CLASS` is a parameter of every page (``?class=K7QPXA``, the join link);
- :func:`page_state` makes the page's ``PageState``: a student whose teacher
  holds the controls gets :class:`Following` (every control hidden, the values
  the teacher pushed), and a member's link keeps ``class=``;
- :func:`bar`, above the page's columns: the **Live class** popover (start a
  class, or join one), a join link's invitation, the teacher's class bar with the
  live answers, or the student's bar;
- :func:`hide`, after ``ui.predict.panel``: while a question of this view is
  open and not revealed, the charts that give its answer away are hidden for the
  students and on the projector, as in "Predict first".

See ``docs/serving.md`` (*The live class*) for restarts and for polling costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from classroom import ClassState, StoreUnavailable
from classroom.rules import LIFETIME_S, check_code
from text import live_class as words
from text.safe import clip_quotes, sentence
from ui import live_store, live_student, live_teacher, predict
from ui.live_store import Member
from ui.url_state import HIDE_KEY, PageState, Param

__all__ = ["CLASS", "POPOVER_KEY", "Following", "bar", "hide", "page_state"]

#: The join link's parameter on every page; its URL key ``class`` is public.
CLASS = Param.text(
    "class",
    words.JOIN_CODE,
    "",
    help=words.JOIN_CODE_HELP,
    max_chars=40,
    validate=check_code,
)
_NOW = "_live_now"  # the class as this full run draws it (one read per run)
_START_ERROR = "_live_start_error"
_LIFETIME = "_live_lifetime"
#: The **Live class** popover's widget key (it says whether the popover is open).
POPOVER_KEY = "_live_popover"


class Following(PageState):
    """A student's page while the teacher holds the controls: every control hidden.

    The values are the ones the teacher pushed (read from the link when the
    student followed); the link keeps the lesson's own ``hide=``.
    """

    @property
    def hidden(self) -> frozenset[str]:
        return frozenset(self.params)

    def url_params(self) -> dict[str, str]:
        params = {k: v for k, v in super().url_params().items() if k != HIDE_KEY}
        own = PageState.hidden.fget(self)  # type: ignore[attr-defined]
        if own:
            params[HIDE_KEY] = ",".join(n for n in self.params if n in own)
        return params


def _now(me: Member | None) -> ClassState | None:
    if me is None:
        return None
    found = (
        live_store.teacher_view(me.code, me.secret, False)
        if me.teacher
        else live_store.class_state(me.code)
    )
    if isinstance(found, tuple):
        return found[0]
    return found if isinstance(found, ClassState) else None


def page_state(page_id: str, params: Sequence[Param]) -> PageState:
    """The page's state; a student whose controls are locked follows the teacher."""
    me = live_store.member()
    now = _now(me)
    st.session_state[_NOW] = now
    locked = me is not None and not me.teacher and now is not None
    locked = locked and not now.controls_free  # type: ignore[union-attr]
    state = (Following if locked else PageState)(page_id, params)
    if me is not None and CLASS.name in state.params:
        state.set_values({CLASS.name: me.code})
    return state


def bar(state: PageState, slug: str, view: Any) -> None:
    """The live class above the page's columns (see the module's docstring)."""
    me = live_store.member()
    live_store.write_cookie()
    now = st.session_state.get(_NOW)
    if me is not None and me.teacher:
        live_teacher.bar(state, slug, view, me)
    elif me is not None and isinstance(now, ClassState):
        live_student.bar(slug, now)
        if isinstance(state, Following):
            st.caption(words.FOLLOWING)
    elif me is not None:
        live_student.bar(slug, _gone(me))
    elif state.value(CLASS.name):
        live_student.join_box(str(state.value(CLASS.name)))
    else:
        _popover()


def _gone(me: Member) -> ClassState:
    """A stand-in class for a student whose class cannot be read (the bar says why)."""
    return ClassState(me.code, 0, 0, False, True, "", "", "", 0, 0, None, 0)


def _popover() -> None:
    """Join or start a class: filled only while open (11 elements on every change)."""
    popover = st.popover(
        words.LIVE_CLASS, help=words.LIVE_CLASS_HELP, key=POPOVER_KEY, on_change="rerun"
    )
    if not popover.open:
        return
    with popover:
        st.markdown(f"**{words.JOIN}**")
        live_student.join_form(None)
        st.divider()
        st.markdown(f"**{words.START}**")
        st.caption(words.START_HELP)
        st.selectbox(
            words.LIFETIME,
            list(words.LIFETIMES),
            index=list(words.LIFETIMES).index(int(LIFETIME_S)),
            format_func=words.LIFETIMES.__getitem__,
            key=_LIFETIME,
        )
        st.button(words.START, on_click=_start, key="_live_start")
        error = st.session_state.get(_START_ERROR)
        if error:
            st.error(sentence(clip_quotes(str(error))))


def _start() -> None:
    st.session_state.pop(_START_ERROR, None)
    lifetime = float(st.session_state.get(_LIFETIME, LIFETIME_S))
    try:
        new = live_store.store().start_class(lifetime)
    except (ValueError, StoreUnavailable) as exc:
        st.session_state[_START_ERROR] = str(exc)
        return
    live_store.join_as(Member("teacher", new.code, new.secret, new.expires_at))


def hide(state: PageState, slug: str, view: Any) -> None:
    """Hide what gives away the open question's answer (students and projector)."""
    now = st.session_state.get(_NOW)
    if not isinstance(now, ClassState) or now.question is None:
        return
    question = now.question
    revealed = question.status == "revealed"
    if revealed or question.page != slug or question.view != view.key:
        return
    for asked in view.questions:
        if live_teacher.question_id(slug, view.key, asked.key) == question.question_id:
            hiding = predict.Hiding(frozenset(asked.hides), frozenset(asked.bare))
            predict.hide(hiding)  # as for a learner predicting alone
            return
