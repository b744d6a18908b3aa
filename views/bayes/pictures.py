"""What the three pictures of people share: counts, perspective, bars and code.

The icon array, the tree and the unit square differ only in their figure.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from core import bayes as cb
from text import bayes as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame
from ui.url_state import PageState
from ui.widgets import flex_row
from views.bayes import theorem
from viz import bayes as viz

#: A picture: (result, counts, story, perspective) -> its (cached) figure.
Picture = Callable[[cb.Bayes, cb.Counts, cb.Story, cb.Perspective], go.Figure]
#: A live picture draws itself: (result, counts, story, perspective, sentence).
LivePicture = Callable[[cb.Bayes, cb.Counts, cb.Story, cb.Perspective, str], None]


def render(
    state: PageState,
    frame: Frame,
    picture: Picture,
    key: str,
    live: LivePicture | None = None,
) -> None:
    """The formula, then ``picture`` (on the first screen), the words, bars and code.

    ``live``: draws the picture as a live chart instead (``views/bayes/icons.py``).
    """
    given = theorem.inputs(state, frame)
    result = theorem.show(frame, given)
    story = given.story
    with frame.main:
        picture_box = st.container()  # the chart first, its two choices under it
        choices = flex_row()
        perspective = state.widget("perspective", container=choices)
        counts = cb.natural_frequencies(
            result, int(state.widget("n", container=choices))
        )
        sentence = words.describe_perspective(result, counts, story, perspective)
        with picture_box:
            if live is not None:
                live(result, counts, story, perspective, sentence)
            else:
                page.chart(
                    picture(result, counts, story, perspective), key=key, alt=sentence
                )
        page.explain(sentence)
        st.info(words.describe_frequencies(result, counts, story))
        fallacy = words.base_rate_note(result, counts, story)
        if fallacy:
            st.warning(fallacy)
        theorem.say(result, story)
        page.chart(
            page.figure_of(viz.prior_posterior_figure, result, story),
            key="bayes_bars",
            alt=words.describe_bayes(result, story),
        )
        code_panel(words.bayes_code(result), words.bayes_code_result(result))
