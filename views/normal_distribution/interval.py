"""``P(a < X < b)``: the area under the bell curve beside the share of the draws."""

from __future__ import annotations

from core import normal_distribution as nd
from text import normal_distribution as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.normal_distribution import common
from viz import normal_distribution as viz

X_LOW, X_HIGH = nd.X_RANGE
PARAMS = (
    *common.SAMPLE_PARAMS,
    Param.number(
        "a", "a (left end)", -1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    Param.number(
        "b", "b (right end)", 1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    common.ZOOM,
)


def render(state: PageState, frame: Frame) -> None:
    """The sample's controls and the ends a, b; the hatched area and the code."""
    with frame.controls:
        inputs = common.sample_controls(state)
        a, b = state.widget("a"), state.widget("b")
        zoom = state.widget("zoom")
        sample, interval = page.compute(
            "interval", common.sample_and_interval, *inputs, a, b
        )
    with frame.main:
        page.formula(words.interval_latex(interval))
        sentence = words.describe_interval(interval)
        page.explain(sentence)
        figure = page.figure_of(viz.normal_figure, sample, zoom, False, interval)
        page.chart(figure, key="interval", alt=sentence)
        code_panel(
            words.interval_code(sample, interval),
            words.interval_code_result(interval),
        )


VIEW = View("interval", "P(a<X<b)", PARAMS, render)
