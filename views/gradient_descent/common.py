"""What the views of the gradient-descent page share: the loss function, the log axis."""

from __future__ import annotations

from ui.url_state import Param

FUNCTION_LABELS = {
    "square": "w²  (the notebook's loss)",
    "shifted": "(w − 3)²  (minimum at 3)",
    "two_minima": "w⁴ − 3w² + w  (two minima)",
    "quartic": "w⁴  (flat bottom)",
    "log_cosh": "log cosh w  (steep far out, round near 0)",
}
#: The 1-D loss: the Derivative and Descent views draw the same one.
FUNCTION = Param.choice(
    "fn", "Loss function", "square", FUNCTION_LABELS, widget="select"
)
#: A log axis for the loss-per-step charts of the Descent and 2-D views.
LOG_SCALE = Param.toggle("log", "Log scale for the loss", False)
