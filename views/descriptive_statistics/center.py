"""Mean vs median: what one extreme value does to each."""

from __future__ import annotations

from core import descriptive_statistics as stats
from text import descriptive_statistics as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState
from views.descriptive_statistics.common import DATA_PARAMS, data_controls
from viz import descriptive_statistics as viz

PARAMS = DATA_PARAMS


def render(state: PageState, frame: Frame) -> None:
    """The list; the values with their mean and median, and one value moved."""
    with frame.controls:
        data = data_controls(state)
        summary = page.compute("summary", stats.summarize, data, 0)
    with frame.main:
        page.formula(words.centre_latex(summary))
        sentence = words.describe_centre(summary, stats.outlier_effect(summary))
        page.explain(sentence)
        dots = page.figure_of(viz.centre_dot_plot_figure, summary)
        page.chart(dots, key="center", alt=sentence)
        sweep = stats.move_largest_value(summary)
        moving = page.figure_of(viz.move_value_figure, sweep, summary)
        page.chart(moving, key="move", alt=words.MOVE_VALUE_ALT)
        code_panel(words.centre_code(summary.values), words.centre_code_result(summary))


VIEW = View("center", "Mean vs median", PARAMS, render)
