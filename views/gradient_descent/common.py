"""What the views of the gradient-descent page share: the loss function, the log axis."""

from __future__ import annotations

from core import gradient_descent as gd
from ui.url_state import PageState, Param

FUNCTION_LABELS = {
    "square": "w²  (the notebook's loss)",
    "shifted": "(w − 3)²  (minimum at 3)",
    "two_minima": "w⁴ − 3w² + w  (two minima)",
    "quartic": "w⁴  (flat bottom)",
    "log_cosh": "log cosh w  (steep far out, round near 0)",
    gd.CUSTOM: "Your own f(w)…",
}
#: The 1-D loss: the Derivative and Descent views draw the same one.
FUNCTION = Param.choice(
    "fn", "Loss function", "square", FUNCTION_LABELS, widget="select"
)
#: The learner's own f(w), used when ``fn`` is "custom".
TYPED_FUNCTION = Param.text(
    "f",
    "f(w) =",
    "w**4 - 3*w**2 + w",
    help=(
        "Type a function of w with numbers, + − * / ** (or ^), parentheses and "
        "sin cos tan exp log sqrt abs tanh, e.g. sin(3*w) + 0.1*w**2. "
        "Press Enter to apply."
    ),
    max_chars=200,
    validate=gd.custom_function,
)
#: A log axis for the loss-per-step charts of the Descent and 2-D views.
LOG_SCALE = Param.toggle("log", "Log scale for the loss", False)


def function_choice(state: PageState) -> tuple[str, str]:
    """The loss picker, and the text box when it is "Your own f(w)…": ``(fn, f)``."""
    key = state.widget("fn")
    return key, state.widget("f") if key == gd.CUSTOM else ""
