"""The words of "Predict first": the switch, the panel and the placeholders."""

from __future__ import annotations

SWITCH = "Predict first"
SWITCH_HELP = (
    "Hide the answer until you commit a guess; then the page shows it and how far "
    "off you were. A link with ?predict=1 opens the page in this mode."
)
PICK = "Question"
GUESS = "Your guess"
GUESS_HELP = "A number, e.g. 0.5 or −2 or 1e3."
COMMIT = "Commit my guess"
AGAIN = "Guess again"
NO_QUESTION = (
    "This view has no question yet: the other views of this page have some "
    "(pick one under Show)."
)
#: Over the maths column while the learner predicts.
HIDDEN_NOTICE = (
    "**Predict first.** The numbers that give the answer away (the formula with "
    "today's numbers, the sentence, the readouts and some charts) are hidden until "
    "you commit your guess on the left."
)
HIDDEN_CHART = "This chart would give the answer away: it appears when you commit."
HIDDEN_ALT = "The chart; its numbers appear when you commit your guess."
HIDDEN_VALUE = "?"
HIDDEN_OUTPUT = "(hidden until you commit your guess)"


def unknown_question(asked: str, first: str) -> str:
    """The note when a link names a question this view does not ask."""
    return (
        f"Note: this view has no question {asked} (from the link): asking the "
        f"first one, {first}."
    )


def question_help(listed: str) -> str:
    """The help of the ``question`` link value: each view's question words."""
    return (
        "With predict=1, the question asked first (its word; empty: the view's "
        f"first). By view: {listed or 'no questions'}."
    )
