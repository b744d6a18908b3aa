"""Learner text for the gradient-descent page: sentences, formulas and code.

Pure functions of ``core.gradient_descent`` results: no Streamlit, no Plotly.

- :mod:`text.gradient_descent.derivative`: the slope at a point.
- :mod:`text.gradient_descent.descent`: gradient descent in 1-D.
- :mod:`text.gradient_descent.race`: optimisers racing on a surface.

Examples
--------
>>> from core.gradient_descent import descend_1d
>>> descent_code(descend_1d("square", 5, 0.1, 1)).splitlines()[-3:]
['w = w - lr * gradient', '', 'w']
"""

from __future__ import annotations

from text.gradient_descent.derivative import (
    as_printed,
    derivative_code,
    derivative_code_result,
    derivative_latex,
    describe_derivative,
    float_literal,
)
from text.gradient_descent.descent import (
    STEPS_CAPTION,
    descent_code,
    descent_code_result,
    descent_latex,
    describe_descent,
    divergence_message,
    steps_alt,
    steps_table,
)
from text.gradient_descent.race import (
    LOSS_ALT,
    describe_path,
    describe_race,
    race_code,
    race_code_result,
    race_latex,
)

#: The page's opening paragraph.
INTRO = (
    "A **derivative** is the slope of the loss: it says which way is downhill. "
    "**Gradient descent** takes a step downhill, `w ← w − lr · f′(w)`, again and "
    "again; the **learning rate** `lr` decides how big each step is — too small "
    "and it crawls, too big and it overshoots or blows up. *(Notebook cell 5: "
    "one step from w = 5 with lr = 0.1 on loss = w² gives w = 4.0.)*"
)
#: Under the animated descent chart.
PLAY_CAPTION = (
    "▶ Play replays the steps in your browser; drag the step slider under the "
    "chart to scrub through them."
)
#: Under the contour of the race.
#: The expander that holds the race played step by step (built only while open).
RACE_PLAY_LABEL = "▶ Play the race step by step"
RACE_CAPTION = (
    "Click anywhere on the contour to start there. ▶ Play races the paths in "
    "your browser."
)

__all__ = [
    "INTRO",
    "LOSS_ALT",
    "PLAY_CAPTION",
    "RACE_CAPTION",
    "STEPS_CAPTION",
    "as_printed",
    "derivative_code",
    "derivative_code_result",
    "derivative_latex",
    "descent_code",
    "descent_code_result",
    "descent_latex",
    "describe_derivative",
    "describe_descent",
    "describe_path",
    "describe_race",
    "divergence_message",
    "float_literal",
    "race_code",
    "race_code_result",
    "race_latex",
    "steps_alt",
    "steps_table",
]
