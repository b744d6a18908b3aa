"""Figures for the Loss-functions page: residual squares, the MSE bowl, losses compared.

Squares are drawn with one unit on x as long as one unit on y (``constrain`` on
the domain, so the fixed ranges stay fixed): a square's area is then the
squared error it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from core.gradient_descent import Trajectory
from core.loss_functions import (
    LineFit,
    LossComparison,
    ResidualReport,
    huber,
)
from core.parsing import format_number
from viz import style

#: Slider ranges of the line (the contour covers exactly these).
W_RANGE = (-2.0, 3.0)
B_RANGE = (-6.0, 10.0)
#: Axes of the generated data set (x on [0.5, 9.5], y near 0.6·x + 2).
SEEDED_X_RANGE = (0.0, 12.0)
SEEDED_Y_RANGE = (-1.0, 12.0)
#: Grid of the MSE contour, per side.
GRID = 61
#: How many squares get a printed area.
LABELLED_SQUARES = 12

LOSS_COLOURS = {"mse": style.CURRENT, "mae": style.SECOND, "huber": style.THIRD}
LOSS_LABELS = {
    "mse": "MSE (and RMSE)",
    "mae": "MAE",
    "huber": "Huber",
}


def _num(value: float, digits: int = 4) -> str:
    return format_number(value, digits).replace("-", "−")


def _square_path(
    left: np.ndarray, bottom: np.ndarray, width: np.ndarray, height: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Closed outlines of rectangles, separated by NaN gaps (one trace for all)."""
    k = left.size
    xs = np.full((k, 6), np.nan)
    ys = np.full((k, 6), np.nan)
    right, top = left + width, bottom + height
    xs[:, :5] = np.column_stack([left, right, right, left, left])
    ys[:, :5] = np.column_stack([bottom, bottom, top, top, bottom])
    return xs.ravel(), ys.ravel()


def _legend_below(fig: go.Figure) -> None:
    """Legend under the x-axis title (charts here sit two to a row)."""
    fig.update_layout(
        legend={
            "orientation": "h",
            "y": -0.2,
            "yanchor": "top",
            "x": 0,
            "xanchor": "left",
        },
        margin={"b": 30},
    )


def _equal_units(fig: go.Figure) -> None:
    """One unit of x = one unit of y; the plot area shrinks instead of the ranges."""
    fig.update_xaxes(constrain="domain")
    fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain")


# -- view 1: residual squares ----------------------------------------------------------------


@dataclass(frozen=True)
class SquaresLayout:
    """Where the squares chart puts each point, the mean square, and its axes."""

    positions: np.ndarray  # x of each point, shape (n,)
    mean_x: float  # left edge of the mean square
    gap: float  # the smallest distance between neighbours
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def residual_layout(report: ResidualReport) -> SquaresLayout:
    """Place the points so that no square reaches the next point.

    Each point is ``gap`` after the right edge of the previous square, where
    ``gap`` makes the chart roughly as wide as it is tall when residuals are small.
    """
    values = np.concatenate([report.y_true, report.y_pred])
    low, high = float(values.min()), float(values.max())
    side = np.abs(report.residuals)
    root = float(np.sqrt(report.mse))
    span = max(high - low, float(side.max()), root, 1.0)
    pad = 0.15 * span
    y_range = (low - pad, max(high, low + root) + pad)
    gap = max((y_range[1] - y_range[0]) / (report.n + 2), 0.5)
    steps = np.concatenate([[gap], side[:-1] + gap])
    positions = np.cumsum(steps)
    mean_x = float(positions[-1] + side[-1] + gap)
    x_range = (gap * 0.4, mean_x + root + gap * 0.6)
    return SquaresLayout(positions, mean_x, gap, x_range, y_range)


def residual_squares_figure(report: ResidualReport) -> go.Figure:
    """True values, predictions, each residual as a segment and its square.

    The dashed square at the right has the mean area: its area is the MSE.
    """
    n = report.n
    layout = residual_layout(report)
    positions = layout.positions
    fig = style.new_figure(
        f"Squared errors: mean area = MSE = {_num(report.mse, 6)}",
        "point i",
        "value",
        height=520,
    )
    side = np.abs(report.residuals)
    bottom = np.minimum(report.y_true, report.y_pred)
    sx, sy = _square_path(positions, bottom, side, side)
    fig.add_trace(
        go.Scatter(
            x=sx,
            y=sy,
            mode="lines",
            fill="toself",
            fillcolor=style.rgba(style.SKY, 0.35),
            line={"color": style.CURRENT, "width": 1.5},
            name="squared error (yᵢ − ŷᵢ)²",
            hoverinfo="skip",
        )
    )
    seg_x = np.column_stack([positions, positions, np.full(n, np.nan)]).ravel()
    seg_y = np.column_stack([report.y_true, report.y_pred, np.full(n, np.nan)]).ravel()
    fig.add_trace(
        go.Scatter(
            x=seg_x,
            y=seg_y,
            mode="lines",
            line={"color": style.ACCENT, "width": 4},
            name="residual yᵢ − ŷᵢ",
            hoverinfo="skip",
        )
    )
    hover = "point %{customdata[0]}<br>y_true = %{y:.6g}<br>residual %{customdata[1]:.6g}<br>squared %{customdata[2]:.6g}<extra></extra>"
    custom = np.column_stack([np.arange(1, n + 1), report.residuals, report.squares])
    fig.add_trace(
        go.Scatter(
            x=positions,
            y=report.y_true,
            mode="markers",
            name="y_true (target)",
            marker={
                "color": style.TARGET,
                "size": 17,
                "line": {"color": "white", "width": 1.5},
            },
            customdata=custom,
            hovertemplate=hover,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=positions,
            y=report.y_pred,
            mode="markers",
            name="y_pred (prediction)",
            marker={
                "color": style.CURRENT,
                "size": 12,
                "symbol": "diamond",
                "line": {"color": "white", "width": 1.5},
            },
            hovertemplate="point %{x}<br>y_pred = %{y:.6g}<extra></extra>",
        )
    )
    if n <= LABELLED_SQUARES:
        for pos, low, s, sq in zip(
            positions, bottom, side, report.squares, strict=True
        ):
            inside = s >= 0.6 * layout.gap  # room for the number inside the square
            fig.add_annotation(
                x=pos + s / 2 if inside else pos + s,
                y=low + s / 2,
                text=_num(float(sq)),
                showarrow=False,
                xanchor="center" if inside else "left",
                xshift=0 if inside else 10,
                font={"color": style.CURRENT, "size": 15},
            )
    # The mean square: area = MSE.
    root = float(np.sqrt(report.mse))
    mean_x = layout.mean_x
    mean_bottom = (
        float(np.mean(np.concatenate([report.y_true, report.y_pred]))) - root / 2
    )
    mx, my = _square_path(
        np.array([mean_x]), np.array([mean_bottom]), np.array([root]), np.array([root])
    )
    fig.add_trace(
        go.Scatter(
            x=mx,
            y=my,
            mode="lines",
            fill="toself",
            fillcolor=style.rgba(style.SECOND, 0.25),
            line={"color": style.SECOND, "width": 3, "dash": "dash"},
            name=f"mean square: area MSE = {_num(report.mse, 6)}",
            hoverinfo="skip",
        )
    )
    fig.add_annotation(
        x=mean_x + root / 2,
        y=mean_bottom + root,
        yanchor="bottom",
        text=f"MSE = {_num(report.mse)}",
        showarrow=False,
        font={"color": style.SECOND, "size": 15},
    )
    ticks = [*range(1, n + 1)] if n <= 20 else [*range(1, n + 1, max(n // 10, 1))]
    fig.update_xaxes(
        tickvals=[float(positions[i - 1]) for i in ticks] + [mean_x + root / 2],
        ticktext=[str(i) for i in ticks] + ["mean"],
        zeroline=False,
    )
    _equal_units(fig)
    _legend_below(fig)
    return style.fix_range(fig, x=layout.x_range, y=layout.y_range)


# -- view 2: the line, its squares, and the MSE bowl --------------------------------------------


def data_ranges(
    x: np.ndarray, y: np.ndarray, seeded: bool
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges of the data charts: fixed for the generated data, else from the data."""
    if seeded:
        return SEEDED_X_RANGE, SEEDED_Y_RANGE
    x_lo, x_hi = float(x.min()), float(x.max())
    y_lo, y_hi = float(y.min()), float(y.max())
    x_pad = 0.15 * max(x_hi - x_lo, 1e-9)
    y_pad = 0.3 * max(y_hi - y_lo, x_hi - x_lo, 1e-9)
    return (x_lo - x_pad, x_hi + x_pad), (y_lo - y_pad, y_hi + y_pad)


def fit_figure(fit: LineFit, *, show_best: bool = True) -> go.Figure:
    """The points, the learner's line, each residual and its square, the best line."""
    data = fit.data
    x, y = data.x, data.y
    x_range, y_range = data_ranges(x, y, data.source == "seeded")
    title = f"y = {_num(fit.w)}·x + {_num(fit.b)}:  MSE = {_num(fit.mse, 5)}".replace(
        "+ −", "− "
    )
    fig = style.new_figure(title, "x", "y", height=520)
    side = np.abs(fit.residuals)
    middle = 0.5 * (x_range[0] + x_range[1])
    left = np.where(x <= middle, x, x - side)  # squares open towards the middle
    bottom = np.minimum(y, fit.predictions)
    sx, sy = _square_path(left, bottom, side, side)
    fig.add_trace(
        go.Scatter(
            x=sx,
            y=sy,
            mode="lines",
            fill="toself",
            fillcolor=style.rgba(style.SKY, 0.3),
            line={"color": style.CURRENT, "width": 1},
            name="squared errors",
            hoverinfo="skip",
        )
    )
    n = data.n
    seg_x = np.column_stack([x, x, np.full(n, np.nan)]).ravel()
    seg_y = np.column_stack([y, fit.predictions, np.full(n, np.nan)]).ravel()
    fig.add_trace(
        go.Scatter(
            x=seg_x,
            y=seg_y,
            mode="lines",
            line={"color": style.ACCENT, "width": 2.5},
            name="residuals",
            hoverinfo="skip",
        )
    )
    xs = np.array(x_range)
    if show_best:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=fit.w_best * xs + fit.b_best,
                mode="lines",
                line={"color": style.TARGET, "width": 3, "dash": "dash"},
                name=f"best fit (MSE {_num(fit.mse_best, 4)})",
                hoverinfo="skip",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=fit.w * xs + fit.b,
            mode="lines",
            line={"color": style.CURRENT, "width": 4},
            name="your line",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="markers",
            marker={
                "color": style.INK,
                "size": 10,
                "line": {"color": "white", "width": 1},
            },
            name="data",
            customdata=np.column_stack([fit.residuals, fit.residuals**2]),
            hovertemplate="x = %{x:.4g}, y = %{y:.4g}<br>residual %{customdata[0]:.4g}, squared %{customdata[1]:.4g}<extra></extra>",
        )
    )
    _equal_units(fig)
    _legend_below(fig)
    return style.fix_range(fig, x=x_range, y=y_range)


def _log_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    exponents = range(int(np.floor(low)), int(np.ceil(high)) + 1)
    values = [float(e) for e in exponents if low <= e <= high]
    return values, [format_number(10.0**e) for e in values]


def contour_figure(
    fit: LineFit,
    surface: np.ndarray,
    w_values: np.ndarray,
    b_values: np.ndarray,
    *,
    path: Trajectory | None = None,
    show_best: bool = True,
) -> go.Figure:
    """The MSE over (w, b) as contours (log scale), your point, the optimum, a path.

    ``surface`` has shape ``(len(b_values), len(w_values))``.
    """
    fig = style.new_figure(
        "MSE over (w, b): the loss bowl", "slope w", "intercept b", height=520
    )
    z = np.log10(np.maximum(surface, 1e-12)).astype(np.float32)
    z_low, z_high = float(z.min()), float(z.max())
    tickvals, ticktext = _log_ticks(z_low, z_high)
    fig.add_trace(
        go.Contour(
            x=np.asarray(w_values, dtype=np.float32),
            y=np.asarray(b_values, dtype=np.float32),
            z=z,
            ncontours=24,
            colorscale=[[0.0, "#FFF6D5"], [0.5, "#C9C9C9"], [1.0, "#5A5A5A"]],
            contours={"coloring": "fill", "showlines": True},
            line={"color": "rgba(60,60,60,0.35)", "width": 1},
            colorbar={
                "title": {"text": "MSE", "side": "right"},
                "tickvals": tickvals,
                "ticktext": ticktext,
                "thickness": 14,
            },
            name="MSE",
            hovertemplate="w = %{x:.3g}, b = %{y:.3g}<br>log₁₀ MSE = %{z:.3g}<extra></extra>",
        )
    )
    if path is not None and len(path.points) > 1:
        label = "descent path"
        if path.diverged_at is not None:
            label += f" (diverged at step {path.diverged_at})"
        fig.add_trace(
            go.Scatter(
                x=path.points[:, 0],
                y=path.points[:, 1],
                mode="lines+markers",
                line={"color": style.ACCENT, "width": 2.5},
                marker={"color": style.ACCENT, "size": 5},
                name=label,
                customdata=np.column_stack([np.arange(len(path.points)), path.losses]),
                hovertemplate="step %{customdata[0]}<br>w = %{x:.4g}, b = %{y:.4g}<br>MSE %{customdata[1]:.5g}<extra></extra>",
            )
        )
    if show_best:
        fig.add_trace(
            go.Scatter(
                x=[fit.w_best],
                y=[fit.b_best],
                mode="markers",
                marker={
                    "color": style.TARGET,
                    "size": 18,
                    "symbol": "star",
                    "line": {"color": "white", "width": 1.5},
                },
                name=f"least squares ({_num(fit.w_best)}, {_num(fit.b_best)})",
                hovertemplate="optimum<br>w* = %{x:.6g}, b* = %{y:.6g}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[fit.w],
            y=[fit.b],
            mode="markers",
            marker={
                "color": style.CURRENT,
                "size": 15,
                "line": {"color": "white", "width": 2},
            },
            name=f"you ({_num(fit.w)}, {_num(fit.b)})",
            hovertemplate="your line<br>w = %{x:.4g}, b = %{y:.4g}<extra></extra>",
        )
    )
    _legend_below(fig)
    return style.fix_range(
        fig,
        x=(float(w_values[0]), float(w_values[-1])),
        y=(float(b_values[0]), float(b_values[-1])),
    )


# -- view 3: losses compared ------------------------------------------------------------------


#: The residual axis of the "loss of one residual" chart (the outlier slider's range).
R_RANGE = (-12.0, 12.0)
LOSS_AXIS = (0.0, 14.0)


def _label_side(key: str, residual: float) -> str:
    """Labels of the three markers on different sides, so they never overlap."""
    outside = "middle right" if residual > 0 else "middle left"
    inside = "middle left" if residual > 0 else "middle right"
    return {"mse": inside, "mae": inside, "huber": outside}[key]


def loss_curves_figure(delta: float, residual: float | None = None) -> go.Figure:
    """The loss of one residual r: r² (parabola), |r| (V) and Huber_δ, with a marked r."""
    r = np.linspace(R_RANGE[0], R_RANGE[1], 401)
    fig = style.new_figure(
        "Loss of one residual r = y − ŷ", "residual r", "loss", height=460
    )
    curves = {
        "mse": (r**2, "MSE: r²"),
        "mae": (np.abs(r), "MAE and RMSE: |r|"),
        "huber": (huber(r, delta), f"Huber, δ = {_num(delta)}"),
    }
    for key, (values, label) in curves.items():
        fig.add_trace(
            go.Scatter(
                x=r,
                y=values,
                mode="lines",
                line={
                    "color": LOSS_COLOURS[key],
                    "width": 4,
                    "dash": "dot" if key == "huber" else "solid",
                },
                name=label,
                hovertemplate="r = %{x:.3g}<br>loss %{y:.4g}<extra></extra>",
            )
        )
    fig.add_vrect(
        x0=-delta,
        x1=delta,
        fillcolor=style.rgba(style.THIRD, 0.08),
        line_width=0,
        annotation_text="|r| ≤ δ",
        annotation_position="bottom left",
        annotation_font={"color": style.THIRD},
    )
    if residual is not None:
        at_residual = {
            "mse": residual**2,
            "mae": abs(residual),
            "huber": float(huber([residual], delta)[0]),
        }
        for key, value in at_residual.items():
            shown = min(value, LOSS_AXIS[1] * 0.97)
            fig.add_trace(
                go.Scatter(
                    x=[residual],
                    y=[shown],
                    mode="markers+text",
                    marker={
                        "color": LOSS_COLOURS[key],
                        "size": 13,
                        "symbol": "triangle-up" if value > shown else "circle",
                        "line": {"color": "white", "width": 1.5},
                    },
                    text=[f"{_num(value)}{' ↑' if value > shown else ''}"],
                    textposition=_label_side(key, residual),
                    textfont={"color": LOSS_COLOURS[key], "size": 15},
                    name=f"outlier: {LOSS_LABELS[key].split(' ')[0]} {_num(value)}",
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
        fig.add_vline(
            x=residual, line={"color": style.ACCENT, "width": 1.5, "dash": "dash"}
        )
    _legend_below(fig)
    return style.fix_range(fig, x=R_RANGE, y=LOSS_AXIS)


def comparison_ranges(
    comparison: LossComparison,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Data axes for the outlier chart.

    Fixed for the generated data (wide enough for the outlier's whole slider
    range at the default x); for typed data, the data and the outlier, padded.
    """
    data = comparison.data
    if data.source == "seeded":
        return SEEDED_X_RANGE, (-10.0, 22.0)
    x, y = comparison.x_all, comparison.y_all
    x_range, y_range = data_ranges(x, y, seeded=False)
    return x_range, y_range


def outlier_figure(
    comparison: LossComparison,
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> go.Figure:
    """The data, the outlier, and each loss's best line: dotted before, solid after."""
    fig = style.new_figure("Best-fit line of each loss", "x", "y", height=460)
    xs = np.array(x_range)
    has_outlier = comparison.outlier is not None
    for key in ("mse", "huber", "mae"):
        colour = LOSS_COLOURS[key]
        if has_outlier:
            w0, b0 = comparison.lines_clean[key]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=w0 * xs + b0,
                    mode="lines",
                    line={"color": colour, "width": 2, "dash": "dot"},
                    name=f"{LOSS_LABELS[key]} before",
                    legendgroup=key,
                    showlegend=False,
                    hovertemplate=f"{LOSS_LABELS[key]} before the outlier: "
                    f"y = {_num(w0)}·x + {_num(b0)}<extra></extra>",
                )
            )
        w1, b1 = comparison.lines_outlier[key]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=w1 * xs + b1,
                mode="lines",
                line={"color": colour, "width": 4},
                name=LOSS_LABELS[key],
                legendgroup=key,
                hovertemplate=f"{LOSS_LABELS[key]}: y = {_num(w1)}·x + {_num(b1)}<extra></extra>",
            )
        )
    if has_outlier:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
                name="dotted: before the outlier",
            )
        )
    data = comparison.data
    fig.add_trace(
        go.Scatter(
            x=data.x,
            y=data.y,
            mode="markers",
            marker={
                "color": style.INK,
                "size": 9,
                "line": {"color": "white", "width": 1},
            },
            name="data",
            hovertemplate="x = %{x:.4g}, y = %{y:.4g}<extra></extra>",
        )
    )
    if comparison.outlier is not None:
        ox, oy = comparison.outlier
        fig.add_trace(
            go.Scatter(
                x=[ox],
                y=[oy],
                mode="markers",
                marker={
                    "color": style.ACCENT,
                    "size": 16,
                    "symbol": "x",
                    "line": {"color": "white", "width": 1},
                },
                name=f"outlier ({_num(ox)}, {_num(oy)})",
                hovertemplate="outlier<br>x = %{x:.4g}, y = %{y:.4g}<extra></extra>",
            )
        )
    _legend_below(fig)
    return style.fix_range(fig, x=x_range, y=y_range)
