"""Bayes' theorem: update a belief with evidence, seen as people, a tree and areas."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core import bayes as cb
from core.parsing import format_number
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import bayes as viz

PROBABILITY = {
    "min_value": 0.0,
    "max_value": 1.0,
    "step": 0.01,
    "number_format": "%.3f",
}
LIKELIHOOD = {**PROBABILITY, "widget": "slider"}

PARAMS = (
    Param.choice(
        "view",
        "Show",
        "icons",
        {
            "icons": "👥 Icon array",
            "tree": "🌳 Tree",
            "area": "⬛ Unit square",
            "update": "🔁 Several tests",
            "naive": "📧 Naive Bayes",
        },
        widget="segmented",
    ),
    Param.choice(
        "form",
        "Enter",
        "notebook",
        {
            "notebook": "P(A), P(B|A), P(B) — the notebook",
            "natural": "prior, sensitivity, false-positive rate",
        },
        help=(
            "Two ways to describe the same situation. In the natural form P(B) "
            "follows from the others by total probability."
        ),
    ),
    Param.number(
        "p_a",
        "P(A) — prior",
        0.3,
        help="How common A is before any evidence.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b_given_a",
        "P(B|A) — sensitivity",
        0.8,
        help="How often the evidence B shows when A holds.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b",
        "P(B) — evidence",
        0.5,
        help="How often the evidence B shows at all.",
        **PROBABILITY,
    ),
    Param.number(
        "p_b_given_not_a",
        "P(B|¬A) — false-positive rate",
        0.3714,
        help="How often the evidence B shows when A does not hold.",
        **PROBABILITY,
    ),
    Param.choice(
        "story",
        "A and B stand for",
        "ab",
        {key: story.title for key, story in cb.STORIES.items()},
        widget="select",
    ),
    Param.choice(
        "n",
        "Population",
        "1000",
        {str(n): f"{n:,}" for n in cb.POPULATIONS},
        widget="segmented",
    ),
    Param.choice(
        "perspective",
        "Look at",
        "posterior",
        {
            "posterior": "P(A|B): inside B",
            "likelihood": "P(B|A): inside A",
            "all": "everyone",
        },
        widget="segmented",
        help="The same people seen from three sides: why P(A|B) is not P(B|A).",
    ),
    Param.text(
        "results",
        "Test results in order (+ positive, − negative)",
        "+++",
        max_chars=40,
        validate=cb.parse_results,
    ),
    Param.number(
        "p_spam",
        "P(spam) — prior",
        0.5,
        widget="slider",
        **{**PROBABILITY, "step": 0.01},
    ),
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

#: Presets: each a full URL state (the notebook's one resets every control but the view).
PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "disease": (
        "🩺 Disease test",
        {
            "form": "natural",
            "p_a": 0.01,
            "p_b_given_a": 0.9,
            "p_b_given_not_a": 0.05,
            "story": "disease",
            "n": "10000",
        },
    ),
    "spam": (
        "📧 Spam filter",
        {
            "form": "natural",
            "p_a": 0.4,
            "p_b_given_a": 0.3,
            "p_b_given_not_a": 0.01,
            "story": "spam",
            "n": "1000",
        },
    ),
    "factory": (
        "🏭 Factory part",
        {
            "form": "natural",
            "p_a": 0.02,
            "p_b_given_a": 0.95,
            "p_b_given_not_a": 0.03,
            "story": "factory",
            "n": "10000",
        },
    ),
}
#: The picture for each view: (result, counts, story, perspective) -> figure.
FIGURES = {
    "icons": viz.icon_array_figure,
    "tree": viz.tree_figure,
    "area": lambda result, _counts, story, perspective: viz.area_figure(
        result, story, perspective
    ),
}
INDEPENDENT_TESTS = (
    "The tests are assumed **independent given A**: knowing A, one result says "
    "nothing about the next (a retest of the same faulty sample would break this)."
)
NAIVE_ASSUMPTION = (
    "**The naive assumption:** given the class, words are independent, so "
    "P(free, money | spam) = P(free | spam) · P(money | spam). Real words are not "
    "independent (“free” and “money” come together), yet the product still ranks "
    "messages well — and it is just Bayes' theorem applied once per word, each "
    "posterior the next prior."
)
_FORM_SEEN = "_bayes_form_seen"
_LAST = "_bayes_last_result"

state = page.start(
    "bayes",
    "Bayes' theorem: updating a belief with evidence",
    PARAMS,
    intro=(
        "**Bayes' theorem** turns how likely the evidence is *given* A into how "
        "likely A is *given* the evidence: P(A|B) = P(B|A)·P(A) / P(B). It is how "
        "a test result, a word in an email or an inspection updates a belief — and "
        "it is used in **naive Bayes classifiers**. Move the probabilities and "
        "watch the people, the tree and the areas. *(Notebook cell 8: P(A) = 0.3, "
        "P(B|A) = 0.8, P(B) = 0.5 gives P(A|B) = 0.48.)*"
    ),
)


def notebook_example() -> None:
    """Every control back to the notebook's cell, staying on the current view."""
    view = state.value("view")
    state.reset()
    state.set_values({"view": view})
    st.session_state[_FORM_SEEN] = "notebook"


def apply_preset(values: dict[str, Any]) -> None:
    state.set_values(values)
    st.session_state[_FORM_SEEN] = values["form"]


def carry_over(form: str) -> None:
    """On switching the form, fill the new input from the last result.

    So the same situation is described both ways: the notebook's P(B) becomes
    the false-positive rate it implies, and back (rounded to 4 decimals, and
    kept inside the possible range).
    """
    seen = st.session_state.get(_FORM_SEEN)
    st.session_state[_FORM_SEEN] = form
    last = st.session_state.get(_LAST)
    if seen is None or seen == form or last is None:
        return
    if form == "natural" and last.p_b_given_not_a is not None:
        state.set_values({"p_b_given_not_a": round(last.p_b_given_not_a, 4)})
    elif form == "notebook":
        low, high = cb.evidence_bounds(last.p_a, last.p_b_given_a)
        state.set_values({"p_b": min(max(round(last.p_b, 4), low), high)})


def preset_buttons() -> None:
    """The four presets, two a row; each one leaves its URL state in the address bar."""
    controls.caption("Presets (each is a link: the address bar keeps it)")
    left, right = controls.columns(2)
    left.button("📓 Notebook", on_click=notebook_example, width="stretch")
    for index, (label, values) in enumerate(PRESETS.values()):
        (right if index % 2 == 0 else left).button(
            label, on_click=apply_preset, args=(values,), width="stretch"
        )


def likelihood_sliders(word: str) -> tuple[float, float]:
    spam_col, genuine_col = controls.columns(2)
    spam = state.widget(f"spam_{word}", container=spam_col)
    return spam, state.widget(f"genuine_{word}", container=genuine_col)


# The script stays flat (few nested blocks): Streamlit's "magic" rewrite walks every
# block's subtree again, which costs more per rerun than the maths and the charts.
view = state.widget("view")
theorem = view != "naive"
pictures = view in ("icons", "tree", "area")
controls, main = page.columns()
form, p_b, p_b_given_not_a = (
    state.value(k) for k in ("form", "p_b", "p_b_given_not_a")
)

# -- controls -------------------------------------------------------------------------------
if theorem:
    form = state.widget("form", container=controls)
    carry_over(form)
    p_a = state.widget("p_a", container=controls)
    p_b_given_a = state.widget("p_b_given_a", container=controls)
if theorem and form == "notebook":
    p_b = state.widget("p_b", container=controls)
    controls.caption(cb.describe_bounds(p_a, p_b_given_a))
if theorem and form == "natural":
    p_b_given_not_a = state.widget("p_b_given_not_a", container=controls)
if theorem:
    story = cb.STORIES[state.widget("story", container=controls)]
    preset_buttons()
if view == "update":
    results = state.widget("results", container=controls)
if view == "naive":
    p_spam = state.widget("p_spam", container=controls)
    message = state.widget("message", container=controls)
    controls.caption("Vocabulary: " + ", ".join(cb.VOCABULARY))
    with controls:
        words = page.compute("message", cb.parse_message, message)
    controls.markdown(
        "**Word likelihoods** (how often each word appears in each class)"
    )
    likelihoods = {word: likelihood_sliders(word) for word in dict.fromkeys(words)}
    controls.button(
        "↺ Start again",
        on_click=notebook_example,
        help="Every control back to its start.",
    )
state.sync_url()

# -- the theorem: formula, sentence, named edge cases -------------------------------------------
if theorem:
    with controls:
        result = page.compute(
            "bayes", cb.bayes, form, p_a, p_b_given_a, p_b, p_b_given_not_a
        )
    st.session_state[_LAST] = result
    with main:
        page.formula(cb.bayes_latex(result))
    main.caption(cb.story_legend(story))
    main.markdown(cb.describe_bayes(result, story))
    for note in cb.edge_cases(result):
        main.info(note, icon="📌")
if theorem and form == "natural":
    controls.caption(
        f"P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A)) = "
        f"{format_number(result.p_b, 4)} by total probability."
    )

# -- icon array, tree, unit square ---------------------------------------------------------------
if pictures:
    words_box = main.container()
    look, size = main.columns([1.6, 1])
    perspective = state.widget("perspective", container=look)
    counts = cb.natural_frequencies(result, int(state.widget("n", container=size)))
    words_box.info(cb.describe_frequencies(result, counts, story), icon="👥")
    fallacy = cb.base_rate_note(result, counts, story)
    words_now = cb.describe_perspective(result, counts, story, perspective)
    figure = FIGURES[view](result, counts, story, perspective)
    with main:
        page.chart(figure, key=f"bayes_{view}", alt=words_now)
        page.explain(words_now)
        page.chart(
            viz.prior_posterior_figure(result, story),
            key="bayes_bars",
            alt=cb.describe_bayes(result, story),
        )
        code_panel(cb.bayes_code(result), cb.bayes_code_result(result))
if pictures and fallacy:
    words_box.warning(fallacy, icon="⚠️")

# -- several tests in a row ----------------------------------------------------------------------
if view == "update":
    with controls:
        updates = page.compute("updates", cb.update_sequence, result, results)
    words_now = cb.describe_sequence(updates, story)
    with main:
        page.formula(cb.sequence_latex(updates))
        page.explain(words_now)
    main.info(INDEPENDENT_TESTS, icon="🔁")
    with main:
        page.chart(
            viz.sequence_figure(updates, story), key="bayes_update", alt=words_now
        )
        code_panel(cb.sequence_code(result, updates), cb.sequence_code_result(updates))

# -- naive Bayes ------------------------------------------------------------------------------------
if view == "naive":
    spam_likes = [likelihoods[w][0] for w in words]
    genuine_likes = [likelihoods[w][1] for w in words]
    with controls:
        verdict = page.compute(
            "naive", cb.naive_bayes, words, p_spam, spam_likes, genuine_likes
        )
    words_now = cb.describe_naive_bayes(verdict)
    with main:
        page.formula(cb.naive_bayes_latex(verdict))
        page.explain(words_now)
    main.info(NAIVE_ASSUMPTION, icon="📧")
    with main:
        page.chart(viz.naive_bayes_figure(verdict), key="bayes_naive", alt=words_now)
        code_panel(cb.naive_bayes_code(verdict), cb.naive_bayes_code_result(verdict))
