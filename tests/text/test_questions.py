"""The catalogue's words: prompts, the "how far off" sentence, and usability alone."""

from __future__ import annotations

import pytest

from core.questions import answers as qa
from core.questions import check_guess, make_answer
from text.questions import catalogue as Q
from text.questions import feedback, no_answer, words
from text.questions import further as F
from text.questions.question import Question

ALL = [
    value
    for module in (Q, F)
    for value in vars(module).values()
    if isinstance(value, Question)
]


def test_every_page_has_at_least_two_questions() -> None:
    assert len(ALL) >= 40
    assert len({question.key for question in ALL}) == len(ALL)  # stable link words
    assert all(
        question.key.isidentifier() and question.key.islower() for question in ALL
    )


def test_a_further_question_reads_the_values_as_its_view_passes_them() -> None:
    values = {"source": "list", "data": "2, 4, 4, 4, 5, 5, 7, 9", "ddof": "0"}
    asked = F.STATISTICS_STD.ask(values)
    assert (asked.answer.value, asked.range_text) == (2.0, "at least 0")
    assert F.STATISTICS_VARIANCE.ask({**values, "ddof": 1}).answer.value == (
        pytest.approx(32 / 7)
    )
    spam = F.BAYES_SPAM.ask(
        {
            "message": "free lunch",
            "p_spam": 0.5,
            "spam_free": 0.3,
            "genuine_free": 0.03,
            "spam_lunch": 0.05,
            "genuine_lunch": 0.1,
        }
    )
    assert spam.answer.value == pytest.approx(0.0075 / (0.0075 + 0.0015))


def test_a_question_about_typed_numbers_has_no_answer_for_a_table() -> None:
    with pytest.raises(ValueError, match="A typed list"):
        Q.STATISTICS_MEAN.ask({"source": "table", "data": "1, 2"})
    with pytest.raises(ValueError, match="A typed list"):
        F.STATISTICS_STD.ask({"source": "table", "data": "1, 2", "ddof": 0})
    with pytest.raises(ValueError, match="Two lists or Columns"):
        Q.CORRELATION_R.ask({"entry": "table", "x": "1, 2", "y": "3, 4"})
    columns = Q.CORRELATION_R.ask({"entry": "columns", "xy": "1, 10\n2, 30\n3, 20"})
    assert columns.answer.value == pytest.approx(0.5)
    with pytest.raises(ValueError, match="seeded or typed"):
        F.LOSS_LINE_MSE.ask(
            {
                "data": "table",
                "n": 12,
                "seed": 0,
                "noise": 1.0,
                "x": "",
                "y": "",
                "w": 1.0,
                "b": 0.0,
            }
        )


def test_the_link_words_of_the_question() -> None:
    assert "By view: one: root; two: cross_x, cross_y." in words.question_help(
        "one: root; two: cross_x, cross_y"
    )
    assert words.unknown_question("`cross_y`", "root") == (
        "Note: this view has no question `cross_y` (from the link): asking the "
        "first one, root."
    )


def test_a_question_is_usable_without_a_page() -> None:
    asked = Q.BAYES_POSTERIOR.ask(
        {
            "form": "notebook",
            "p_a": 0.3,
            "p_b_given_a": 0.8,
            "p_b": 0.5,
            "p_b_given_not_a": 0.0,
        }
    )
    assert asked.answer == qa.posterior("notebook", 0.3, 0.8, 0.5, 0.0)
    assert asked.prompt.startswith("The evidence B is seen")
    assert asked.range_text == "between 0 and 1"
    assert asked.check("0.5").close


def test_the_range_is_said_only_when_there_is_one() -> None:
    assert Q.EQUATIONS_ROOT.ask({"a": 2.0, "b": -4.0}).range_text == ""
    assert Q.LOSS_MSE.ask({"y_true": "3, 5", "y_pred": "2, 5"}).range_text == (
        "at least 0"
    )


def test_a_question_without_an_answer_raises() -> None:
    with pytest.raises(ValueError, match="no single root"):
        Q.EQUATIONS_ROOT.ask({"a": 0.0, "b": 3.0})
    assert no_answer("with a = 0 the line has no single root.") == (
        "No prediction for these values: with a = 0 the line has no single root. "
        "Change a control."
    )


@pytest.mark.parametrize(
    ("guess", "sentence"),
    [
        ("0.48", "**Exactly right!** The answer is **0.48**."),
        (
            "0.5",
            "**Close!** The answer is **0.48**; your guess 0.5 is 0.02 too high "
            "(close means within ±0.05).",
        ),
        (
            "0.2",
            "**Not quite.** The answer is **0.48**; your guess 0.2 is 0.28 too low "
            "(close means within ±0.05).",
        ),
    ],
)
def test_feedback_says_how_far_off(guess: str, sentence: str) -> None:
    answer = make_answer(0.48, tolerance=0.05, low=0.0, high=1.0)
    assert feedback(check_guess(guess, answer)) == sentence


def test_feedback_uses_the_unit_and_a_typographic_minus() -> None:
    verdict = check_guess("-10", make_answer(-12.5, tolerance=1.0))
    assert feedback(verdict, "°") == (
        "**Not quite.** The answer is **−12.5°**; your guess −10° is 2.5° too high "
        "(close means within ±1°)."
    )
