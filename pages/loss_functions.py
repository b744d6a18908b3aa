"""Loss functions: MSE as squares, fitting a line by hand on the MSE bowl, MSE vs MAE vs Huber."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from core import loss_functions as lf
from core.gradient_descent import METHODS, Trajectory
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import loss_functions as viz

LIST = {
    "help": f"Numbers separated by commas (up to {lf.MAX_POINTS}), one per point.",
    "max_chars": 2000,
}
W, B = lf.W_RANGE, lf.B_RANGE
PARAMS = (
    Param.choice(
        "view",
        "Show",
        "mse",
        {
            "mse": "Squared errors",
            "fit": "Fit a line by hand",
            "compare": "MSE vs MAE vs Huber",
        },
    ),
    Param.text(
        "y_true",
        "y_true (true values)",
        "3, 5, 7",
        validate=partial(lf.parse_values, name="y_true"),
        **LIST,
    ),
    Param.text(
        "y_pred",
        "y_pred (the model's predictions)",
        "2, 5, 8",
        validate=partial(lf.parse_values, name="y_pred"),
        **LIST,
    ),
    Param.choice(
        "data",
        "Data",
        "seeded",
        {"seeded": "Seeded", "typed": "Typed"},
        widget="segmented",
    ),
    Param.integer("n", "Number of points", 12, min_value=2, max_value=lf.MAX_POINTS),
    Param.integer("seed", "Seed", 0, min_value=0, max_value=9999, widget="number"),
    Param.number(
        "noise", "Noise (std)", 1.0, min_value=0, max_value=3, step=0.1, widget="slider"
    ),
    Param.text(
        "x",
        "x values",
        "1, 2, 3, 4, 5, 6, 7, 8",
        validate=partial(lf.parse_values, name="x"),
        **LIST,
    ),
    Param.text(
        "y",
        "y values",
        "2.5, 3, 4.5, 4, 6, 5.5, 7.5, 7",
        validate=partial(lf.parse_values, name="y"),
        **LIST,
    ),
    Param.number("w", "Slope w", 1.0, min_value=W[0], max_value=W[1], step=0.01),
    Param.number("b", "Intercept b", 0.0, min_value=B[0], max_value=B[1], step=0.05),
    Param.toggle("show_best", "Show the best-fit line", True, help="Off: guess first."),
    Param.choice("method", "Optimiser", "gd", METHODS, widget="select"),
    Param.number(
        "lr",
        "Learning rate",
        0.02,
        min_value=0.001,
        max_value=1,
        step=0.001,
        number_format="%.3f",
    ),
    Param.integer("steps", "Steps", 100, min_value=0, max_value=500),
    Param.number("delta", "Huber's δ", 1.0, min_value=0.1, max_value=10, step=0.1),
    Param.toggle("outlier", "Add an outlier", True),
    Param.number("outlier_x", "Outlier at x", 9.0, min_value=0, max_value=12, step=0.1),
    Param.number(
        "outlier_dy",
        "Outlier's distance from the line",
        8.0,
        min_value=viz.R_RANGE[0],
        max_value=viz.R_RANGE[1],
        step=0.5,
        help="Its residual from the clean data's least-squares line.",
    ),
)
MSE_PRESETS = {
    "One big miss": {"y_true": "3, 5, 7, 4, 6", "y_pred": "2.5, 5.5, 7, 4, 10"},
    "Perfect": {"y_true": "3, 5, 7", "y_pred": "3, 5, 7"},
    "All off by 1": {"y_true": "3, 5, 7, 9", "y_pred": "4, 6, 8, 10"},
}

state = page.start(
    "loss-functions",
    "Loss functions: how wrong is a model?",
    PARAMS,
    intro=(
        "A **loss function** turns a model's mistakes into one number that training "
        "makes small. The **mean squared error** squares each residual yᵢ − ŷᵢ and "
        "averages: you can *see* it as the mean area of squares. Then fit a line by "
        "hand and watch the MSE bowl, and see why one outlier drags MSE far more than "
        "MAE or Huber. *(Notebook cell 10: y_true = [3, 5, 7], y_pred = [2, 5, 8] "
        "gives 0.6666666666666666.)*"
    ),
)
controls, main = page.columns((1.0, 2.6))


# Cached pure work, keyed by plain values (lf.dataset_key) so reruns are cheap.
@st.cache_data(max_entries=64, show_spinner=False)
def _dataset(data: Any, n: int, seed: int, noise: float, x: str, y: str) -> lf.Dataset:
    return lf.load_dataset(data, n=n, seed=seed, noise=noise, x=x, y=y)


@st.cache_data(max_entries=32, show_spinner=False)
def _bowl(key: tuple[Any, ...]) -> tuple[Any, Any, Any]:
    return lf.bowl(_dataset(*key))


@st.cache_data(max_entries=64, show_spinner=False)
def _path(
    key: Any, w: float, b: float, method: str, lr: float, steps: int
) -> Trajectory:
    return lf.descent_path(_dataset(*key), w, b, method=method, lr=lr, steps=steps)


@st.cache_data(max_entries=32, show_spinner=False)
def _comparison(key: Any, delta: float, on: bool, ox: float, dy: float) -> Any:
    return lf.compare_losses(
        _dataset(*key), delta, outlier=on, outlier_x=ox, outlier_dy=dy
    )


def _data() -> tuple[Any, ...]:
    """The data controls; returns what builds the data set."""
    if state.widget("data") == "seeded":
        args = ("seeded", *(state.widget(k) for k in ("n", "seed", "noise")), "", "")
        st.caption(lf.SEEDED_NOTE)
    else:
        args = ("typed", 0, 0, 0.0, state.widget("x"), state.widget("y"))
    return args


def _last_good(view: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key of the data set built from ``args``, or of the last good one."""
    return lf.dataset_key(page.compute("data_" + view, _dataset, *args))


def _footer() -> None:
    page.reset_button(state)
    state.sync_url()


# One function per view, each with shallow blocks: Streamlit re-walks the syntax
# tree once per nested block on every AppTest run, so depth costs milliseconds.
def squared_errors() -> None:
    with controls:
        y_true, y_pred = state.widget("y_true"), state.widget("y_pred")
        st.caption("Try a case:")
        for label, values in MSE_PRESETS.items():
            st.button(label, on_click=state.set_values, args=(values,), width="stretch")
        _footer()
        report = page.compute("residuals", lf.residual_report, y_true, y_pred)
    words = lf.describe_residuals(report)
    table = lf.markdown_table(lf.residual_rows(report))
    with main:
        page.formula(lf.mse_latex(report))
        page.explain(words)
        for cell, (label, value) in zip(
            st.columns(3), lf.residual_metrics(report), strict=True
        ):
            cell.metric(label, value)
        page.chart(viz.residual_squares_figure(report), key="chart_squares", alt=words)
        st.markdown("**Point by point** (the mean of the *squared* column is the MSE)")
        st.container(height=320 if report.n > 8 else "content", border=False).markdown(
            table
        )
        st.caption(lf.GRADIENT_NOTE)
        st.info(lf.NORMALISATION)
        code_panel(
            lf.mse_code(report.y_true, report.y_pred),
            lf.mse_code_result(report),
            title="Show the NumPy code (notebook cell 10)",
        )


def fit_by_hand() -> None:
    with controls:
        args = _data()
        st.markdown("**Your line** y = w·x + b")
        w, b = state.widget("w"), state.widget("b")
        snap = st.empty()
        show_best = state.widget("show_best")
        st.markdown("**Gradient descent** from your (w, b)")
        method, lr, steps = (state.widget(k) for k in ("method", "lr", "steps"))
        _footer()
        key = _last_good("fit", args)
        fit = page.compute("fit", lf.fit_line, _dataset(*key), w, b)
        path = page.compute("path", _path, key, fit.w, fit.b, method, lr, steps)
    w_best, b_best, inside = lf.snap_to_best(fit, W, B)
    snap.button(
        "🎯 Snap to best fit",
        key="snap",
        on_click=state.set_values,
        args=({"w": w_best, "b": b_best},),
        help="Move w and b to the least-squares line (closed form).",
        width="stretch",
    )
    if not inside:
        controls.caption("The best fit lies outside the sliders: snapping to the edge.")
    words, path_words = lf.describe_fit(fit), lf.describe_path(path, method, lr)
    runnable = method == "gd" and path.diverged_at is None
    ws, bs, grid = _bowl(key)
    trail = path if steps else None
    line = viz.fit_figure(fit, show_best=show_best)
    bowl = viz.contour_figure(fit, grid, ws, bs, path=trail, show_best=show_best)
    with main:
        page.formula(lf.fit_latex(fit))
        page.explain(words)
        for cell, (label, value, change) in zip(
            st.columns(3), lf.fit_metrics(fit, path), strict=True
        ):
            cell.metric(label, value, delta=change, delta_color="inverse")
        left, right = st.columns(2)
    with left:
        page.chart(line, key="chart_fit", alt=words)
    with right:
        page.chart(bowl, key="chart_bowl", alt=f"{words} {path_words}")
    with main:
        page.formula(lf.gradient_latex(fit))
        page.explain(path_words)
        if runnable:
            st.caption(lf.VALLEY_NOTE)
        code_panel(lf.fit_code(fit), lf.fit_code_result(fit))
    if runnable:
        with main:
            code_panel(
                lf.descent_code(fit.data, fit.w, fit.b, lr, steps),
                lf.descent_code_result(path),
                title="Show the gradient-descent code",
            )


def losses_compared() -> None:
    with controls:
        args = _data()
        delta, outlier = state.widget("delta"), state.widget("outlier")
        ox, dy = (
            state.widget(k) if outlier else state.value(k)
            for k in ("outlier_x", "outlier_dy")
        )
        _footer()
        key = _last_good("compare", args)
        comparison = page.compute("compare", _comparison, key, delta, outlier, ox, dy)
    words = lf.describe_comparison(comparison)
    residual = comparison.outlier_dy if comparison.outlier is not None else None
    curves = viz.loss_curves_figure(comparison.delta, residual)
    x_range, y_range = viz.comparison_ranges(comparison)
    lines = viz.outlier_figure(comparison, x_range=x_range, y_range=y_range)
    with main:
        page.formula(lf.loss_curves_latex(comparison.delta))
        page.explain(words)
        left, right = st.columns(2)
    with left:
        page.chart(curves, key="chart_curves", alt=lf.curves_alt(comparison.delta))
    with right:
        page.chart(lines, key="chart_outlier", alt=words)
    with main:
        st.markdown(lf.markdown_table(lf.comparison_rows(comparison)))
        st.caption(lf.COMPARE_NOTE)
        code_panel(lf.compare_code(comparison), lf.compare_code_result(comparison))


VIEWS = {"mse": squared_errors, "fit": fit_by_hand, "compare": losses_compared}
with controls:
    view = state.widget("view")
VIEWS[view]()
