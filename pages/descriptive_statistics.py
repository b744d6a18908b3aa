"""Mean, variance and standard deviation of the learner's own list; median vs mean."""

from __future__ import annotations

import streamlit as st

from core import descriptive_statistics as stats
from core.parsing import format_number
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import descriptive_statistics as viz

PARAMS = (
    Param.choice(
        "view",
        "Show",
        "spread",
        {"spread": "Variance & std", "center": "Mean vs median"},
        widget="segmented",
    ),
    Param.text(
        "data",
        "Your numbers",
        stats.NOTEBOOK_DATA,
        max_chars=4000,
        validate=stats.parse_data,
        help=(
            f"Up to {stats.MAX_VALUES} numbers separated by commas or spaces, "
            "e.g. 10, 20, 30, 40. Press Enter to apply."
        ),
    ),
    Param.choice(
        "ddof",
        "Variance of a",
        "0",
        {"0": "population (÷ n)", "1": "sample (÷ n − 1)"},
        widget="segmented",
        help="ddof=0 divides by n (NumPy's default); ddof=1 divides by n − 1.",
    ),
)

state = page.start(
    "statistics",
    "Mean, variance & standard deviation",
    PARAMS,
    intro=(
        "The **mean** is the balance point of your numbers; the **variance** is the "
        "average *squared* distance from it, and the **standard deviation** is its "
        "square root — a typical distance from the mean, in the data's own units. "
        "Type your own numbers or pick a preset. *(Notebook cell 6: 10, 20, 30, 40 "
        "gives mean 25.0, variance 125.0, std 11.18.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")
    data_text = state.widget("data")
    st.caption("Or try")
    for word, (label, text) in stats.PRESETS.items():
        st.button(
            label,
            key=f"preset_{word}",
            on_click=state.set_values,
            args=({"data": text},),
            width="stretch",
        )
    ddof = int(state.widget("ddof")) if view == "spread" else 0
    page.reset_button(state)
    state.sync_url()
    summary = page.compute("summary", stats.summarize, data_text, ddof)


def _statistics_table(summary: stats.DataSummary) -> str:
    def cell(value: object) -> str:
        if value is None:
            return "undefined: needs 2 or more values (n − 1 = 0)"
        return format_number(float(value), 6)  # type: ignore[arg-type]

    return (
        f"| n = {summary.n} | population (ddof=0, ÷ n) | sample (ddof=1, ÷ n − 1) |\n"
        "|---|---|---|\n"
        f"| mean | {cell(summary.mean)} | {cell(summary.mean)} |\n"
        f"| variance | {cell(summary.var_pop)} | {cell(summary.var_sample)} |\n"
        f"| standard deviation | {cell(summary.std_pop)} | {cell(summary.std_sample)} |\n"
        f"| median | {cell(summary.median)} | {cell(summary.median)} |"
    )


with main:
    if view == "spread":
        page.formula(stats.variance_latex(summary))
        words = stats.describe_spread(summary)
        page.explain(words)
        page.chart(viz.dot_plot_figure(summary), key="deviations", alt=words)
        page.chart(viz.squares_figure(summary), key="squares", alt=words)
        st.markdown(_statistics_table(summary))
        st.markdown(stats.POPULATION_SENTENCE + " " + stats.SAMPLE_SENTENCE)
        code_panel(
            stats.statistics_code(summary), stats.statistics_code_result(summary)
        )
    else:
        page.formula(stats.centre_latex(summary))
        words = stats.describe_centre(summary, stats.outlier_effect(summary))
        page.explain(words)
        page.chart(
            viz.dot_plot_figure(summary, deviations=False, band=False),
            key="center",
            alt=words,
        )
        sweep = stats.move_largest_value(summary)
        page.chart(
            viz.move_value_figure(sweep, summary),
            key="move",
            alt=(
                "The mean moves in a straight line with the moved value; the median "
                "stays flat once that value is past the middle of the data."
            ),
        )
        code_panel(stats.centre_code(summary.values), stats.centre_code_result(summary))
