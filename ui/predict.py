"""Predict first: hide the answer until the learner commits a guess, then reveal it.

``page.run`` calls :func:`panel` before the chosen view draws: it draws the
switch (the ``predict`` parameter, so ``?predict=1`` opens the page in this mode)
and, when it is on and the view lists questions, the question, the guess box and
the commit button. Until a guess is committed :func:`hiding` says what this run
hides, and the shared drawing helpers obey it: ``page.formula`` and
``page.explain`` draw nothing, ``page.chart`` replaces the charts the question
names (``Question.hides``) with a placeholder, ``metric_row`` shows ``?``, and
``code_panel`` hides its output. Committing reveals everything with how far off
the guess was. A change of a control that changes the answer starts a new
prediction.

The question asked is a link value too (``question``, :func:`question_param`): a
teacher's lesson link ``?predict=1&question=variance`` opens the view on that
question. Words outside the shared helpers that hold the answer (a table of
shares, a sentence) go through :func:`shown`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from core.questions import Verdict
from text.questions import Asked, Question, feedback, no_answer, words
from text.safe import clip_quotes, echo, sentence
from ui import shared_cache
from ui.params import Param
from viz.style import figure

#: The switch on every page; its URL key ``predict`` is public (lesson links).
PREDICT = Param.toggle("predict", words.SWITCH, False, help=words.SWITCH_HELP)
#: The URL key of the question "Predict first" asks (``?question=mse``): its values
#: are the catalogue's ``Question.key`` words, public and stable like the views'.
QUESTION_KEY = "question"


def question_param(views: Sequence[tuple[str, Sequence[Question]]]) -> Param:
    """The ``question`` link parameter of a page whose views ask ``views``.

    ``views``: each view's key and questions. A link's question that no view of
    the page asks is ignored with the usual note (the view's first is asked).
    """
    asked = {view: [q.key for q in questions] for view, questions in views}
    known = dict.fromkeys(key for keys in asked.values() for key in keys)

    def check(raw: str) -> str:
        if raw and raw not in known:
            listed = ", ".join(known) or "none here"
            raise ValueError(f"{raw!r} is not a question of this page ({listed})")
        return raw

    listed = "; ".join(
        f"{view}: {', '.join(keys)}" for view, keys in asked.items() if keys
    )
    return Param.text(
        QUESTION_KEY,
        words.PICK,
        "",
        max_chars=40,
        validate=check,
        help=words.question_help(listed),
    )


_NOW = "_predict_now"  # what this run hides (None: nothing)
_COMMIT = "_predict_commit"  # the committed guess
_ERROR = "_predict_error"  # why the last guess could not be used
_GUESS = "_predict_guess"  # the guess box
_PAGE = "_predict_page"  # the page the panel last ran on (a link's note once)


@dataclass(frozen=True)
class Hiding:
    """What the page hides in this run: the numbers, and the charts ``charts``."""

    charts: frozenset[str]
    bare: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Commit:
    """A committed guess, for ``question`` (page, view, key) and its answer."""

    question: tuple[str, str, str]
    verdict: Verdict


def hiding() -> Hiding | None:
    """What this run hides (``None`` when the learner is not predicting)."""
    now = st.session_state.get(_NOW)
    return now if isinstance(now, Hiding) else None


def hide(what: Hiding) -> None:
    """Hide ``what`` in this run: for a class question as for a learner predicting."""
    st.session_state[_NOW] = what


def hides_chart(key: str) -> bool:
    """True when the chart ``key`` gives the answer away and is hidden now."""
    now = hiding()
    return now is not None and key in now.charts


def bare(key: str, fig: go.Figure) -> go.Figure:
    """The chart ``key`` without its title and notes when the question says so.

    The data stay (the learner predicts from the picture); a title such as
    ``r = 0.82`` goes. Built per run only while predicting, never cached.
    """
    now = hiding()
    if now is None or key not in now.bare:
        return fig
    whole = fig.to_dict()
    layout = {**whole.get("layout", {}), "annotations": []}
    layout["title"] = {**layout.get("title", {}), "text": words.HIDDEN_VALUE}
    return figure(list(whole.get("data", [])), layout)


def masked(value: str) -> str:
    """A readout's value, or ``?`` while the learner predicts."""
    return words.HIDDEN_VALUE if hiding() else value


def masked_metrics(items: Sequence[tuple[str, str, str | None]]) -> list[Any]:
    """Readouts with their values (and notes) replaced by ``?`` while predicting."""
    if not hiding():
        return list(items)
    return [(label, words.HIDDEN_VALUE, None) for label, _, _ in items]


def shown(draw: Callable[[str], Any], text: str) -> None:
    """``draw(text)`` (``st.markdown``, ``st.info``, ...) unless the learner predicts.

    For words outside ``page.explain`` that hold the numbers: a table of the
    shares, a sentence under the chart.
    """
    if not hiding():
        draw(text)


def masked_output(output: str) -> str | None:
    """A code panel's output, or ``None`` (hidden) while the learner predicts."""
    return None if hiding() else output


@shared_cache.shared(max_entries=256)
def _answer(
    where: tuple[str, str, str], values: tuple[Hashable, ...], _q: Question, _v: Any
) -> Asked:
    return _q.ask(_v)


def ask(page_id: str, view: str, question: Question, values: dict[str, Any]) -> Asked:
    """``question`` for these values, computed once per distinct values (shared)."""
    where = (page_id, view, question.key)
    return _answer(where, tuple(sorted(values.items())), question, values)


def _commit(asked: Asked, where: tuple[str, str, str]) -> None:
    st.session_state.pop(_ERROR, None)
    try:
        verdict = asked.check(str(st.session_state.get(_GUESS, "")))
    except ValueError as exc:
        st.session_state[_ERROR] = str(exc)
        return
    st.session_state[_COMMIT] = Commit(where, verdict)


def _again() -> None:
    st.session_state.pop(_COMMIT, None)
    st.session_state[_GUESS] = ""


def _picked(state: Any, radio: str) -> None:
    state.set_values({QUESTION_KEY: st.session_state.get(radio, "")})


def _pick(state: Any, view: str, questions: Sequence[Question]) -> Question:
    """The question the link or the learner chose (``question``), else the first.

    A link's unknown question is said once, on entering the page, and the first
    question is asked.
    """
    by_key = {question.key: question for question in questions}
    asked = str(state.value(QUESTION_KEY)) if QUESTION_KEY in state.params else ""
    entering = st.session_state.get(_PAGE) != state.page_id
    st.session_state[_PAGE] = state.page_id
    if asked and asked not in by_key:
        if entering and st.query_params.get(QUESTION_KEY) == asked:
            st.caption(words.unknown_question(echo(asked), questions[0].key))
        state.set_values({QUESTION_KEY: ""})
        asked = ""
    key = asked or questions[0].key
    if len(questions) > 1 and QUESTION_KEY not in state.hidden:
        radio = f"_predict_pick_{view}"
        st.session_state[radio] = key
        st.radio(
            words.PICK,
            list(by_key),
            format_func=lambda k: by_key[k].prompt.replace("**", ""),
            key=radio,
            on_change=_picked,
            args=(state, radio),
        )
    return by_key[key]


def panel(state: Any, view: str, questions: Sequence[Question], main: Any) -> None:
    """The switch and, when on, the question and guess; decides what this run hides.

    ``state`` is the page's ``PageState``; ``main`` the maths column (a notice
    goes on top of it while the learner predicts).
    """
    st.session_state[_NOW] = None
    if not state.widget("predict"):
        return
    if not questions:
        st.caption(words.NO_QUESTION)
        return
    question = _pick(state, view, questions)
    where = (state.page_id, view, question.key)
    try:
        asked = ask(state.page_id, view, question, state.values())
    except ValueError as exc:
        st.caption(no_answer(sentence(clip_quotes(str(exc)))))
        return
    commit = st.session_state.get(_COMMIT)
    if isinstance(commit, Commit) and (
        commit.question != where or commit.verdict.answer != asked.answer
    ):  # another question, or a control changed the answer: predict again
        _again()
        commit = None
    st.markdown(asked.prompt)
    if isinstance(commit, Commit):
        box = st.success if commit.verdict.close else st.info
        box(feedback(commit.verdict, asked.unit))
        st.button(words.AGAIN, on_click=_again, key="_predict_again")
        return
    _guess_form(asked, where)
    st.session_state[_NOW] = Hiding(frozenset(question.hides), frozenset(question.bare))
    main.info(words.HIDDEN_NOTICE)


def _guess_form(asked: Asked, where: tuple[str, str, str]) -> None:
    with st.form("_predict_form", border=False, enter_to_submit=True):
        help_text = words.GUESS_HELP
        if asked.range_text:
            help_text += f" The answer is {asked.range_text}."
        st.text_input(words.GUESS, key=_GUESS, help=help_text, max_chars=40)
        st.form_submit_button(words.COMMIT, on_click=_commit, args=(asked, where))
    error = st.session_state.get(_ERROR)
    if error:
        st.error(sentence(clip_quotes(str(error))))  # as page.show_error: no emoji


HIDDEN_CHART = words.HIDDEN_CHART
HIDDEN_ALT = words.HIDDEN_ALT
HIDDEN_OUTPUT = words.HIDDEN_OUTPUT
