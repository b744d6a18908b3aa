"""Loss functions: MSE as squares, fitting a line by hand on the MSE bowl, MSE vs MAE vs Huber."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from core import loss_functions as lf
from core.gradient_descent import METHODS, Trajectory
from core.parsing import format_number, format_vector
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import loss_functions as viz


def _check_y_true(text: str) -> object:
    return lf.parse_values(text, "y_true")


def _check_y_pred(text: str) -> object:
    return lf.parse_values(text, "y_pred")


def _check_x(text: str) -> object:
    return lf.parse_values(text, "x")


def _check_y(text: str) -> object:
    return lf.parse_values(text, "y")


LIST_HELP = (
    f"Numbers separated by commas (up to {lf.MAX_POINTS}), e.g. 3, 5, 7. "
    "One value per point."
)
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
        widget="radio",
    ),
    Param.text(
        "y_true",
        "y_true (true values)",
        "3, 5, 7",
        help=LIST_HELP,
        validate=_check_y_true,
    ),
    Param.text(
        "y_pred",
        "y_pred (the model's predictions)",
        "2, 5, 8",
        help=LIST_HELP,
        validate=_check_y_pred,
    ),
    Param.choice(
        "data",
        "Data",
        "seeded",
        {"seeded": "Seeded", "typed": "Typed"},
        widget="segmented",
    ),
    Param.integer("n", "Number of points", 12, min_value=2, max_value=lf.MAX_POINTS),
    Param.integer(
        "seed",
        "Seed",
        0,
        min_value=0,
        max_value=9999,
        widget="number",
        help="The same seed always draws the same points, so a link shares the data.",
    ),
    Param.number(
        "noise",
        "Noise (standard deviation)",
        1.0,
        min_value=0.0,
        max_value=3.0,
        step=0.1,
        widget="slider",
    ),
    Param.text(
        "x",
        "x values",
        "1, 2, 3, 4, 5, 6, 7, 8",
        help=LIST_HELP,
        validate=_check_x,
    ),
    Param.text(
        "y",
        "y values",
        "2.5, 3, 4.5, 4, 6, 5.5, 7.5, 7",
        help=LIST_HELP,
        validate=_check_y,
    ),
    Param.number(
        "w",
        "Slope w",
        1.0,
        min_value=viz.W_RANGE[0],
        max_value=viz.W_RANGE[1],
        step=0.01,
    ),
    Param.number(
        "b",
        "Intercept b",
        0.0,
        min_value=viz.B_RANGE[0],
        max_value=viz.B_RANGE[1],
        step=0.05,
    ),
    Param.toggle(
        "show_best",
        "Show the best-fit line",
        True,
        help="Turn off to let learners guess first.",
    ),
    Param.choice("method", "Optimiser", "gd", METHODS, widget="select"),
    Param.number(
        "lr",
        "Learning rate",
        0.02,
        min_value=0.001,
        max_value=1.0,
        step=0.001,
        number_format="%.3f",
    ),
    Param.integer("steps", "Steps", 100, min_value=0, max_value=500),
    Param.number(
        "delta",
        "Huber's δ",
        1.0,
        min_value=0.1,
        max_value=10.0,
        step=0.1,
        help="Below δ Huber is a parabola (like MSE); beyond δ a straight line "
        "(like MAE).",
    ),
    Param.toggle("outlier", "Add an outlier", True),
    Param.number(
        "outlier_x", "Outlier at x", 9.0, min_value=0.0, max_value=12.0, step=0.1
    ),
    Param.number(
        "outlier_dy",
        "Outlier's distance from the line",
        8.0,
        min_value=viz.R_RANGE[0],
        max_value=viz.R_RANGE[1],
        step=0.5,
        help="How far above (positive) or below (negative) the clean data's "
        "least-squares line the outlier sits: its residual.",
    ),
)

MSE_PRESETS = {
    "One big miss": {"y_true": "3, 5, 7, 4, 6", "y_pred": "2.5, 5.5, 7, 4, 10"},
    "Perfect": {"y_true": "3, 5, 7", "y_pred": "3, 5, 7"},
    "All off by 1": {"y_true": "3, 5, 7, 9", "y_pred": "4, 6, 8, 10"},
}

NORMALISATION = (
    "**Normalisation.** This page — like the notebook and "
    "`sklearn.metrics.mean_squared_error` — takes the **mean** of the squares "
    "(divide by n) with **no ½** in front. Some texts write "
    "½·(1/n)·Σ(yᵢ − ŷᵢ)² instead, so that the 2 from differentiating the square "
    "cancels: the derivative of ½(yᵢ − ŷᵢ)² with respect to ŷᵢ is just ŷᵢ − yᵢ. "
    "The ½ halves every loss and every gradient but moves no minimum, and others "
    "use the plain sum (SSE); check which one a formula uses before comparing numbers."
)

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


# -- cached pure work (keys are plain values, so reruns are cheap) -------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def _dataset(data: str, n: int, seed: int, noise: float, x: str, y: str) -> lf.Dataset:
    return lf.load_dataset(data, n=n, seed=seed, noise=noise, x=x, y=y)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner=False)
def _surface(
    data: str, n: int, seed: int, noise: float, x: str, y: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    points = _dataset(data, n, seed, noise, x, y)
    w_values = np.linspace(*viz.W_RANGE, viz.GRID)
    b_values = np.linspace(*viz.B_RANGE, viz.GRID)
    return w_values, b_values, lf.mse_surface(points.x, points.y, w_values, b_values)


@st.cache_data(max_entries=64, show_spinner=False)
def _path(
    key: tuple[Any, ...], w: float, b: float, method: str, lr: float, steps: int
) -> Trajectory:
    return lf.descent_path(_dataset(*key), w, b, method=method, lr=lr, steps=steps)


@st.cache_data(max_entries=32, show_spinner=False)
def _comparison(
    key: tuple[Any, ...], delta: float, outlier: bool, outlier_x: float, dy: float
) -> lf.LossComparison:
    return lf.compare_losses(
        _dataset(*key), delta, outlier=outlier, outlier_x=outlier_x, outlier_dy=dy
    )


def _key(points: lf.Dataset) -> tuple[Any, ...]:
    """The cache key of a data set that was built (the last good one after a typo)."""
    if points.source == "seeded":
        return ("seeded", points.n, points.seed, points.noise, "", "")
    return ("typed", 0, 0, 0.0, format_vector(points.x), format_vector(points.y))


def _data_controls() -> tuple[Any, ...]:
    """The data set's controls; returns the cache key of the chosen data."""
    data = state.widget("data")
    if data == "seeded":
        n = state.widget("n")
        seed = state.widget("seed")
        noise = state.widget("noise")
        st.caption(
            f"Points near the line y = {format_number(lf.TRUE_W)}·x + "
            f"{format_number(lf.TRUE_B)}, x between {format_number(lf.X_LOW)} and "
            f"{format_number(lf.X_HIGH)}."
        )
        return (data, n, seed, noise, "", "")
    x = state.widget("x")
    y = state.widget("y")
    return (data, 0, 0, 0.0, x, y)


with controls:
    view = state.widget("view")
    if view == "mse":
        y_true = state.widget("y_true")
        y_pred = state.widget("y_pred")
        st.caption("Try a case:")
        for index, (label, values) in enumerate(MSE_PRESETS.items()):
            st.button(
                label,
                key=f"preset_{index}",
                on_click=state.set_values,
                args=(values,),
                width="stretch",
            )
    elif view == "fit":
        data_key = _data_controls()
        st.markdown("**Your line** y = w·x + b")
        w = state.widget("w")
        b = state.widget("b")
        snap_slot = st.empty()
        show_best = state.widget("show_best")
        st.markdown("**Gradient descent** from your (w, b)")
        method = state.widget("method")
        lr = state.widget("lr")
        steps = state.widget("steps")
    else:
        data_key = _data_controls()
        delta = state.widget("delta")
        outlier = state.widget("outlier")
        if outlier:
            outlier_x = state.widget("outlier_x")
            outlier_dy = state.widget("outlier_dy")
        else:
            outlier_x, outlier_dy = state.value("outlier_x"), state.value("outlier_dy")
    page.reset_button(state)
    state.sync_url()


# -- view 1: squared errors ---------------------------------------------------------------

if view == "mse":
    with controls:
        report = page.compute("residuals", lf.residual_report, y_true, y_pred)
    with main:
        page.formula(lf.mse_latex(report))
        words = lf.describe_residuals(report)
        page.explain(words)
        cells = st.columns(3)
        cells[0].metric("MSE (mean of squares)", format_number(report.mse, 6))
        cells[1].metric("RMSE = √MSE", format_number(report.rmse, 6))
        cells[2].metric("MAE (mean of |residuals|)", format_number(report.mae, 6))
        page.chart(viz.residual_squares_figure(report), key="chart_squares", alt=words)
        st.markdown("**Point by point** (the mean of the *squared* column is the MSE)")
        st.dataframe(lf.residual_table(report), hide_index=True, width="stretch")
        st.caption(
            "The last column is the gradient of the MSE with respect to each prediction: "
            "its sign says which way moving ŷᵢ would raise the loss, so training moves "
            "each prediction the other way."
        )
        st.info(NORMALISATION)
        code_panel(
            lf.mse_code(report.y_true, report.y_pred),
            lf.mse_code_result(report),
            title="Show the NumPy code (notebook cell 10)",
        )


# -- view 2: fit a line by hand -------------------------------------------------------------

elif view == "fit":
    with controls:
        points = page.compute("data_fit", _dataset, *data_key)
        data_key = _key(points)
        fit = page.compute("fit", lf.fit_line, points, w, b)
        w_snap, b_snap, inside = lf.snap_to_best(fit, viz.W_RANGE, viz.B_RANGE)
        snap_slot.button(
            "🎯 Snap to best fit",
            key="snap",
            on_click=state.set_values,
            args=({"w": w_snap, "b": b_snap},),
            help="Move w and b to the least-squares line (closed form).",
            width="stretch",
        )
        if not inside:
            st.caption(
                "The best fit lies outside the sliders' ranges; snapping goes to the "
                "nearest edge."
            )
        path = page.compute("path", _path, data_key, fit.w, fit.b, method, lr, steps)
        w_values, b_values, surface = _surface(*data_key)
    with main:
        page.formula(lf.fit_latex(fit))
        words = lf.describe_fit(fit)
        page.explain(words)
        cells = st.columns(3)
        cells[0].metric(
            "Your MSE",
            format_number(fit.mse, 5),
            delta=f"+{format_number(fit.excess, 4)} above the best",
            delta_color="inverse",
        )
        cells[1].metric("Best possible MSE", format_number(fit.mse_best, 5))
        cells[2].metric(
            f"MSE after {path.steps_taken} descent steps",
            format_number(float(path.losses[-1]), 5)
            if path.diverged_at is None
            else f"diverged (step {path.diverged_at})",
        )
        left, right = st.columns(2)
        path_words = lf.describe_path(path, method, lr)
        with left:
            page.chart(
                viz.fit_figure(fit, show_best=show_best), key="chart_fit", alt=words
            )
        with right:
            page.chart(
                viz.contour_figure(
                    fit,
                    surface,
                    w_values,
                    b_values,
                    path=path if steps > 0 else None,
                    show_best=show_best,
                ),
                key="chart_bowl",
                alt=f"{words} {path_words}",
            )
        page.formula(lf.gradient_latex(fit))
        page.explain(path_words)
        if method == "gd" and path.diverged_at is None:
            st.caption(
                "Why so slow along b? x lies between 0 and 10, so changing w moves the "
                "line much more than changing b: the bowl is a long narrow valley, and "
                "a learning rate small enough for the steep w direction crawls along b. "
                "Try Adam, or momentum."
            )
        code_panel(lf.fit_code(fit), lf.fit_code_result(fit))
        if method == "gd" and path.diverged_at is None:
            code_panel(
                lf.descent_code(points, fit.w, fit.b, lr, steps),
                lf.descent_code_result(path),
                title="Show the gradient-descent code",
            )


# -- view 3: MSE vs MAE vs Huber vs RMSE ----------------------------------------------------

else:
    with controls:
        points = page.compute("data_compare", _dataset, *data_key)
        data_key = _key(points)
        comparison = page.compute(
            "compare", _comparison, data_key, delta, outlier, outlier_x, outlier_dy
        )
    with main:
        page.formula(lf.loss_curves_latex(comparison.delta))
        words = lf.describe_comparison(comparison)
        page.explain(words)
        left, right = st.columns(2)
        residual = comparison.outlier_dy if comparison.outlier is not None else None
        with left:
            page.chart(
                viz.loss_curves_figure(comparison.delta, residual),
                key="chart_curves",
                alt=(
                    "The loss of one residual r: the parabola r² (MSE), the V |r| "
                    "(MAE, and RMSE of a single point), and Huber, a parabola inside "
                    f"±{format_number(comparison.delta)} and straight outside."
                ),
            )
        with right:
            x_range, y_range = viz.comparison_ranges(comparison)
            page.chart(
                viz.outlier_figure(comparison, x_range=x_range, y_range=y_range),
                key="chart_outlier",
                alt=words,
            )
        st.dataframe(lf.comparison_rows(comparison), hide_index=True, width="stretch")
        st.caption(
            "Loss values are those of one fixed model — the least-squares line of the "
            "data without the outlier — before and after the outlier joins. RMSE is "
            "√MSE: it ranks lines exactly like MSE (same best line) but is in y's units; "
            "for a single residual it is √(r²) = |r|, the same V as MAE. Huber's ½r² "
            "near 0 is the standard definition (PyTorch, Keras). MAE's best line always "
            "passes through two of the points, so with few points it can jump to "
            "another pair when the outlier moves."
        )
        code_panel(lf.compare_code(comparison), lf.compare_code_result(comparison))
