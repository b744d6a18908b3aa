"""Naive Bayes: a three-word spam filter, one Bayes update per word."""

from __future__ import annotations

import streamlit as st

from core import bayes as cb
from text import bayes as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.bayes.common import LIKELIHOOD
from viz import bayes as viz

PARAMS = (
    Param.number("p_spam", "P(spam) — prior", 0.5, **LIKELIHOOD),
    Param.text(
        "message",
        "Message (2–3 words)",
        "free money meeting",
        max_chars=60,
        validate=cb.parse_message,
        help="Words from: " + ", ".join(cb.VOCABULARY),
    ),
    *(
        Param.number(f"{cls}_{word}", f"P({word} | {cls})", default, **LIKELIHOOD)
        for word, pair in cb.VOCABULARY.items()
        for cls, default in zip(("spam", "genuine"), pair, strict=True)
    ),
)


def likelihoods(
    state: PageState, message: tuple[str, ...]
) -> tuple[list[float], list[float]]:
    """Two sliders per word of the message: ``P(word | spam)``, ``P(word | genuine)``."""
    chosen: dict[str, tuple[float, float]] = {}
    for word in dict.fromkeys(message):
        spam_col, genuine_col = st.columns(2)
        spam = state.widget(f"spam_{word}", container=spam_col)
        chosen[word] = spam, state.widget(f"genuine_{word}", container=genuine_col)
    return [chosen[w][0] for w in message], [chosen[w][1] for w in message]


def render(state: PageState, frame: Frame) -> None:
    """The prior, the message and its words' likelihoods; the verdict word by word."""
    with frame.controls:
        p_spam = state.widget("p_spam")
        message = state.widget("message")
        st.caption("Vocabulary: " + ", ".join(cb.VOCABULARY))
        message_words = page.compute("message", cb.parse_message, message)
        st.markdown("**Word likelihoods** (how often each word appears in each class)")
        spam, genuine = likelihoods(state, message_words)
        verdict = page.compute(
            "naive", cb.naive_bayes, message_words, p_spam, spam, genuine
        )
    sentence = words.describe_naive_bayes(verdict)
    with frame.main:
        page.formula(words.naive_bayes_latex(verdict))
        page.chart(
            page.figure_of(viz.naive_bayes_figure, verdict),
            key="bayes_naive",
            alt=sentence,
        )
        page.explain(sentence)
        st.info(words.NAIVE_ASSUMPTION)
        code_panel(
            words.naive_bayes_code(verdict), words.naive_bayes_code_result(verdict)
        )


VIEW = View("naive", "Naive Bayes", PARAMS, render, questions=(Q.BAYES_SPAM,))
