"""Predict first on every page: the answer hidden until a guess is committed.

Each case opens a page with ``?predict=1`` (and values whose answer is a number
that appears nowhere else on the page), checks that the answer is not on screen,
commits a guess and checks that it then is, with how far off the guess was.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from core.parsing import display_number
from tests.helpers import figures, page_test
from text.questions import catalogue as Q
from text.questions import further as F
from text.questions import words
from text.questions.question import Question
from text.safe import echo
from ui.topics import available_topics
from views.teachers import contents

#: (page script, link values, the question the view asks first)
CASES: list[tuple[str, dict[str, str], Question]] = [
    ("pages/equations.py", {"a": "3", "b": "-5"}, Q.EQUATIONS_ROOT),
    ("pages/vectors.py", {"a": "1, 2, 3", "b": "4, 5, 7"}, Q.VECTORS_DOT),
    ("pages/matrices.py", {"b": "4.5, 7; 6, 8"}, Q.MATRICES_CELL),
    ("pages/gradient_descent.py", {"lr": "0.15"}, Q.GD_NEXT_W),
    (
        "pages/descriptive_statistics.py",
        {"view": "center", "data": "10, 20, 30, 47"},
        Q.STATISTICS_MEAN,
    ),
    (
        "pages/normal_distribution.py",
        {"view": "interval", "a": "-0.7", "b": "1.3"},
        Q.NORMAL_SHARE,
    ),
    ("pages/sampling.py", {"source": "die"}, Q.SAMPLING_TRUE_MEAN),
    ("pages/bayes.py", {"p_a": "0.35"}, Q.BAYES_POSTERIOR),
    ("pages/correlation.py", {"y": "10, 30, 20, 45"}, Q.CORRELATION_R),
    ("pages/loss_functions.py", {"y_pred": "2, 5, 9.5"}, Q.LOSS_MSE),
    # The views H4 left without questions (text/questions/further.py).
    (
        "pages/descriptive_statistics.py",
        {"view": "spread", "data": "3, 8, 10, 17"},
        F.STATISTICS_STD,
    ),
    (
        "pages/descriptive_statistics.py",
        {"view": "spread", "data": "3, 8, 10, 17", "question": "variance"},
        F.STATISTICS_VARIANCE,
    ),
    ("pages/normal_distribution.py", {"view": "rule", "seed": "3"}, F.NORMAL_WITHIN_1),
    (
        "pages/normal_distribution.py",
        {"view": "rule", "seed": "3", "question": "within_2"},
        F.NORMAL_WITHIN_2,
    ),
    (
        "pages/normal_distribution.py",
        {"view": "draws", "mu": "1.3", "n": "50"},
        F.NORMAL_DRAWS_STD,
    ),
    ("pages/sampling.py", {"view": "clt", "k": "4"}, F.SAMPLING_MEANS_STD),
    ("pages/bayes.py", {"view": "update", "results": "++-"}, F.BAYES_FINAL),
    ("pages/bayes.py", {"view": "naive", "p_spam": "0.3"}, F.BAYES_SPAM),
    ("pages/gradient_descent.py", {"view": "derivative", "w": "2.7"}, F.GD_SLOPE),
    (
        "pages/gradient_descent.py",
        {"view": "derivative", "w": "2.7", "question": "loss"},
        F.GD_LOSS,
    ),
    ("pages/correlation.py", {"view": "curve", "centre": "1.3"}, F.CORRELATION_CURVE_R),
    ("pages/correlation.py", {"view": "outlier", "ox": "4.5"}, F.CORRELATION_OUTLIER_R),
    ("pages/matrices.py", {"view": "layer", "x": "1, 2, 3.5"}, F.MATRICES_LAYER_OUTPUT),
    (
        "pages/matrices.py",
        {"view": "transpose", "tb": "5, 6; 7, 8.5"},
        F.MATRICES_TRANSPOSE_CORNER,
    ),
    ("pages/loss_functions.py", {"view": "fit", "w": "0.83"}, F.LOSS_LINE_MSE),
    (
        "pages/loss_functions.py",
        {"view": "compare", "delta": "1.7"},
        F.LOSS_OUTLIER_HUBER,
    ),
    (
        "pages/loss_functions.py",
        {"view": "compare", "delta": "1.7", "question": "mse_outlier"},
        F.LOSS_MSE_WITH_OUTLIER,
    ),
]
IDS = [
    f"{script.split('/')[1].removesuffix('.py')}-{question.key}"
    for script, _, question in CASES
]


class _Values(Mapping[str, Any]):
    """The page's values as the session holds them (what a view computes from)."""

    def __init__(self, at: AppTest) -> None:
        self.at = at

    def __getitem__(self, name: str) -> Any:
        return self.at.session_state[name]

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _on_page(at: AppTest) -> str:
    """Every text a learner can read: words, formulas, readouts, code, tables, charts."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "latex", "code")
        for e in getattr(at, kind)
    ]
    parts += [
        str(e.value)
        for kind in ("error", "info", "success", "warning")
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label} {m.value} {m.delta}" for m in at.metric]
    parts += [e.value.to_csv() for e in at.dataframe] + [
        e.value.to_csv() for e in at.table
    ]
    for fig in figures(at):  # the words on the charts (not their coordinates)
        layout = fig.get("layout", {})
        parts.append(str(layout.get("title", {}).get("text", "")))
        parts += [str(note.get("text", "")) for note in layout.get("annotations", [])]
        parts += [
            f"{trace.get('text', '')} {trace.get('name', '')}"
            for trace in fig.get("data", [])
        ]
    return "\n".join(parts)


def _shown(value: float) -> list[str]:
    return [display_number(value, 4), display_number(value, 3)]


def _open(script: str, query: dict[str, str]) -> AppTest:
    at = page_test(script, {**query, "predict": "1"})
    at.run()
    assert not at.exception
    return at


def _commit(at: AppTest, guess: str) -> None:
    at.text_input(key="_predict_guess").input(guess)
    [button] = [b for b in at.button if b.label == words.COMMIT]
    button.click().run()
    assert not at.exception


@pytest.mark.parametrize(("script", "query", "question"), CASES, ids=IDS)
def test_the_answer_is_hidden_until_a_guess_is_committed(
    script: str, query: dict[str, str], question: Question
) -> None:
    at = _open(script, query)
    answer = question.ask(_Values(at)).answer.value
    assert any(question.prompt in m.value for m in at.markdown)
    assert any(words.HIDDEN_NOTICE in i.value for i in at.info)
    hidden = _on_page(at)
    for text in _shown(answer):
        assert text not in hidden, f"{text} shown before the guess"
    _commit(at, "0.5")
    shown = _on_page(at)
    assert "The answer is" in shown
    assert "your guess 0.5 is" in shown
    assert display_number(answer) in shown
    assert not any(words.HIDDEN_NOTICE in i.value for i in at.info)


@pytest.mark.parametrize(
    ("guess", "message"),
    [
        ("abc", "is not a number"),
        ("nan", "use a finite number"),
        ("1e300", "must be between"),
        ("", "a number is missing"),
    ],
)
def test_a_bad_guess_gets_a_clear_message_and_keeps_the_answer_hidden(
    guess: str, message: str
) -> None:
    at = _open("pages/loss_functions.py", {"y_pred": "2, 5, 9.5"})
    _commit(at, guess)
    assert any(message in e.value for e in at.error)
    assert not any(e.icon for e in at.error)  # no emoji: a box without an emoji font
    assert any(words.HIDDEN_NOTICE in i.value for i in at.info)
    assert "The answer is" not in _on_page(at)


def test_changing_the_answer_starts_a_new_prediction() -> None:
    at = _open("pages/loss_functions.py", {"y_pred": "2, 5, 9.5"})
    _commit(at, "2")
    assert "The answer is" in _on_page(at)
    at.text_input(key="y_pred").input("1, 5, 9").run()
    assert any(words.HIDDEN_NOTICE in i.value for i in at.info)
    assert "The answer is" not in _on_page(at)
    assert at.text_input(key="_predict_guess").value == ""


def test_another_question_can_be_picked_and_a_view_without_any_says_so() -> None:
    at = _open("pages/equations.py", {"view": "two", "c1": "5"})
    at.radio(key="_predict_pick_two").set_value("cross_y").run()
    assert not at.exception
    assert Q.EQUATIONS_CROSS_Y.prompt in [m.value for m in at.markdown]
    empty = _open("pages/correlation.py", {"view": "anscombe"})
    assert any(words.NO_QUESTION in c.value for c in empty.caption)
    assert not any(words.HIDDEN_NOTICE in i.value for i in empty.info)


def test_without_the_switch_nothing_is_hidden() -> None:
    at = page_test("pages/bayes.py").run()
    assert not at.exception
    assert not any(words.HIDDEN_NOTICE in i.value for i in at.info)
    assert "0.48" in _on_page(at)


#: Views with no numeric question, and why (the panel says so; see the report).
WITHOUT_QUESTIONS = {
    ("correlation", "anscombe"),  # its table already shows the shared r = 0.816
    ("correlation", "guess"),  # the view is a guessing game of its own
    ("correlation", "matrix"),  # r of every pair is the heatmap itself
    ("gradient-descent", "race"),  # three optimisers' 2-D paths: nothing to type
}


def test_every_view_asks_its_questions_at_the_notebooks_values() -> None:
    without = set()
    for topic in available_topics():
        page = contents(topic)
        defaults = {param.name: param.default for param in page.params}
        for view in page.views:
            if not view.questions:
                without.add((topic.slug, view.key))
            keys = [question.key for question in view.questions]
            assert len(set(keys)) == len(keys)
            for question in view.questions:
                question.ask(defaults)  # an answer, no ValueError
    assert without == WITHOUT_QUESTIONS


def test_a_link_opens_the_view_on_its_question_and_picking_one_writes_it() -> None:
    at = _open("pages/equations.py", {"view": "two", "question": "cross_y"})
    assert at.radio(key="_predict_pick_two").value == "cross_y"
    assert any(Q.EQUATIONS_CROSS_Y.prompt in m.value for m in at.markdown)
    at.radio(key="_predict_pick_two").set_value("cross_x").run()
    assert at.query_params["question"] == "cross_x"
    assert any(Q.EQUATIONS_CROSS_X.prompt in m.value for m in at.markdown)


def test_an_unknown_question_in_a_link_gets_the_usual_note_and_the_first() -> None:
    at = _open("pages/equations.py", {"view": "two", "question": "nope"})
    notes = [c.value for c in at.caption if c.value.startswith("Note:")]
    assert any("Ignored `question` from the link" in note for note in notes)
    assert any(Q.EQUATIONS_CROSS_X.prompt in m.value for m in at.markdown)
    assert "question" not in at.query_params
    # A question of another view of this page: a note, and this view's first.
    other = _open("pages/equations.py", {"view": "one", "question": "cross_y"})
    assert any(
        words.unknown_question(echo("cross_y"), "root") in c.value
        for c in other.caption
    )
    assert any(Q.EQUATIONS_ROOT.prompt in m.value for m in other.markdown)
    assert not other.exception
