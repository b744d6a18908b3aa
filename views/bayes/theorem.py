"""The theorem's part of every view but naive Bayes: inputs, presets, formula, words.

A view calls :func:`inputs` (the controls), may add its own controls, then
:func:`show` (the result and the formula), draws its chart and calls :func:`say`
(the sentences): the chart comes before the words, so it starts on the first screen.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from core import bayes as cb
from text import bayes as words
from ui import page, predict
from ui.page import Frame
from ui.url_state import PageState
from views.bayes.common import PRESETS

#: The last result shown, so switching the form can describe the same situation.
LAST_RESULT = "_bayes_last_result"


class Inputs(NamedTuple):
    """What the learner entered: either form's numbers and the story."""

    form: cb.Form
    p_a: float
    p_b_given_a: float
    p_b: float
    p_b_given_not_a: float
    story: cb.Story


def notebook_example(state: PageState) -> None:
    """Every control back to the notebook's cell, staying on the current view."""
    view = state.value("view")
    state.reset()
    state.set_values({"view": view})


def carry_over(state: PageState, form: cb.Form) -> None:
    """On switching the form, fill the new input from the last result.

    Only when the learner switched the form and nothing else (the last result's
    inputs are still the controls' values): a reset, a preset or a link that
    changes the form brings its own values.
    """
    last: cb.Bayes | None = st.session_state.get(LAST_RESULT)
    if last is None or last.form == form:
        return
    if all(state.value(name) == value for name, value in last.inputs.items()):
        state.set_values(cb.input_for_form(last, form))


def preset_buttons(state: PageState) -> None:
    """The four presets, two a row; each one leaves its URL state in the address bar."""
    st.caption("Presets (each is a link: the address bar keeps it)")
    left, right = st.columns(2)
    left.button("Notebook", on_click=notebook_example, args=(state,), width="stretch")
    for index, (label, values) in enumerate(PRESETS.values()):
        (right if index % 2 == 0 else left).button(
            label, on_click=state.set_values, args=(values,), width="stretch"
        )


def inputs(state: PageState, frame: Frame) -> Inputs:
    """The form, its three probabilities, the story and the presets."""
    with frame.controls:
        form = state.widget("form")
        carry_over(state, form)
        p_a, p_b_given_a = state.widget("p_a"), state.widget("p_b_given_a")
        p_b, p_b_given_not_a = state.value("p_b"), state.value("p_b_given_not_a")
        if form == "notebook":
            p_b = state.widget("p_b")
            st.caption(words.describe_bounds(p_a, p_b_given_a))
        else:
            p_b_given_not_a = state.widget("p_b_given_not_a")
        story = cb.STORIES[state.widget("story")]
        preset_buttons(state)
    return Inputs(form, p_a, p_b_given_a, p_b, p_b_given_not_a, story)


def show(frame: Frame, given: Inputs, *, formula: bool = True) -> cb.Bayes:
    """The result, its formula and the story (then the chart, then :func:`say`).

    ``formula=False``: a view whose own formula holds this one (several tests).
    """
    with frame.controls:
        result = page.compute(
            "bayes",
            cb.bayes,
            given.form,
            given.p_a,
            given.p_b_given_a,
            given.p_b,
            given.p_b_given_not_a,
        )
        if given.form == "natural":
            predict.shown(st.caption, words.describe_total_probability(result))
    st.session_state[LAST_RESULT] = result
    with frame.main:
        if formula:
            page.formula(words.bayes_latex(result))
        st.caption(words.story_legend(given.story))
    return result


def say(result: cb.Bayes, story: cb.Story) -> None:
    """Under the chart: what the evidence did, and any special case."""
    predict.shown(st.markdown, words.describe_bayes(result, story))
    for note in words.edge_cases(result):
        predict.shown(st.info, note)
