"""Figures for the Loss-functions page: residual squares, the MSE bowl, losses compared.

Squares are drawn with one unit on x as long as one unit on y (``constrain`` on
the domain, so the fixed ranges stay fixed): a square's area is then the
squared error it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

#: Axes of the generated data set (x on [0.5, 9.5], y near 0.6·x + 2).
SEEDED_X_RANGE = (0.0, 12.0)
SEEDED_Y_RANGE = (-1.0, 12.0)
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


def _squares(
    left: np.ndarray,
    bottom: np.ndarray,
    side: np.ndarray,
    name: str,
    alpha: float,
    width: float,
) -> dict[str, Any]:
    """One filled trace of squares with sides ``side``: the squared residuals."""
    sx, sy = _square_path(left, bottom, side, side)
    return _scatter(
        x=sx,
        y=sy,
        mode="lines",
        fill="toself",
        fillcolor=style.rgba(style.SKY, alpha),
        line={"color": style.CURRENT, "width": width},
        name=name,
        hoverinfo="skip",
    )


class _Figure(style.Chart):
    """``style.Chart`` with this page's legend band, built with pinned ranges."""

    def __init__(self, title: str, x_title: str, y_title: str, *, height: int) -> None:
        super().__init__(title, x_title, y_title, height=height)
        self.layout["legend"] = {
            **self.layout["legend"],
            "y": -0.28,
            "yanchor": "top",
            "x": 0,
            "xanchor": "left",
        }
        self.layout["margin"] = {**self.layout["margin"], "b": 30}

    def add_trace(self, trace: dict[str, Any]) -> None:
        self.traces.append(trace)

    def add_annotation(self, **annotation: Any) -> None:
        self.note(**annotation)

    def build(
        self,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        *,
        equal_units: bool = False,
        **axis: Any,
    ) -> go.Figure:
        """The figure with pinned ranges (and one unit of x = one unit of y)."""
        self.ranges(x_range, y_range, equal_units=equal_units)
        self.layout["xaxis"].update(axis)
        return self.figure()


def _scatter(**trace: Any) -> dict[str, Any]:
    return {"type": "scatter", **trace}


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
    fig = _Figure(
        f"Squared errors: mean area = MSE = {_num(report.mse, 6)}",
        "point i",
        "value",
        height=520,
    )
    side = np.abs(report.residuals)
    bottom = np.minimum(report.y_true, report.y_pred)
    fig.add_trace(
        _squares(positions, bottom, side, "squared error (yᵢ − ŷᵢ)²", 0.35, 1.5)
    )
    seg_x = np.column_stack([positions, positions, np.full(n, np.nan)]).ravel()
    seg_y = np.column_stack([report.y_true, report.y_pred, np.full(n, np.nan)]).ravel()
    fig.add_trace(
        _scatter(
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
        _scatter(
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
        _scatter(
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
        _scatter(
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
    return fig.build(
        layout.x_range,
        layout.y_range,
        equal_units=True,
        tickvals=[float(positions[i - 1]) for i in ticks] + [mean_x + root / 2],
        ticktext=[str(i) for i in ticks] + ["mean"],
        zeroline=False,
    )


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
    fig = _Figure(title, "x", "y", height=520)
    side = np.abs(fit.residuals)
    middle = 0.5 * (x_range[0] + x_range[1])
    left = np.where(x <= middle, x, x - side)  # squares open towards the middle
    bottom = np.minimum(y, fit.predictions)
    fig.add_trace(_squares(left, bottom, side, "squared errors", 0.3, 1))
    n = data.n
    seg_x = np.column_stack([x, x, np.full(n, np.nan)]).ravel()
    seg_y = np.column_stack([y, fit.predictions, np.full(n, np.nan)]).ravel()
    fig.add_trace(
        _scatter(
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
            _scatter(
                x=xs,
                y=fit.w_best * xs + fit.b_best,
                mode="lines",
                line={"color": style.TARGET, "width": 3, "dash": "dash"},
                name=f"best fit (MSE {_num(fit.mse_best, 4)})",
                hoverinfo="skip",
            )
        )
    fig.add_trace(
        _scatter(
            x=xs,
            y=fit.w * xs + fit.b,
            mode="lines",
            line={"color": style.CURRENT, "width": 4},
            name="your line",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        _scatter(
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
    return fig.build(x_range, y_range, equal_units=True)


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
    fig = _Figure(
        "MSE over (w, b): the loss bowl", "slope w", "intercept b", height=520
    )
    z = np.log10(np.maximum(surface, 1e-12)).astype(np.float32)
    z_low, z_high = float(z.min()), float(z.max())
    tickvals, ticktext = _log_ticks(z_low, z_high)
    fig.add_trace(
        dict(
            type="contour",
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
            _scatter(
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
            _scatter(
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
        _scatter(
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
    return fig.build(
        (float(w_values[0]), float(w_values[-1])),
        (float(b_values[0]), float(b_values[-1])),
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
    r = np.linspace(R_RANGE[0], R_RANGE[1], 241)
    fig = _Figure("Loss of one residual r = y − ŷ", "residual r", "loss", height=460)
    curves = {
        "mse": (r**2, "MSE: r²"),
        "mae": (np.abs(r), "MAE and RMSE: |r|"),
        "huber": (huber(r, delta), f"Huber, δ = {_num(delta)}"),
    }
    for key, (values, label) in curves.items():
        fig.add_trace(
            _scatter(
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
    fig.shapes.append(
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": -delta,
            "x1": delta,
            "y0": 0,
            "y1": 1,
            "fillcolor": style.rgba(style.THIRD, 0.08),
            "line": {"width": 0},
            "layer": "below",
        }
    )
    fig.add_annotation(
        x=-delta,
        y=0,
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        text="|r| ≤ δ",
        showarrow=False,
        font={"color": style.THIRD},
    )
    if residual is not None:
        at_residual = {
            "mse": residual**2,
            "mae": abs(residual),
            "huber": float(huber([residual], delta)[0]),
        }
        losses = list(at_residual.values())
        shown = [min(value, LOSS_AXIS[1] * 0.97) for value in losses]
        colours = [LOSS_COLOURS[key] for key in at_residual]
        fig.add_trace(
            _scatter(
                x=[residual] * 3,
                y=shown,
                mode="markers+text",
                marker={
                    "color": colours,
                    "size": 13,
                    "symbol": [
                        "triangle-up" if v > s else "circle"
                        for v, s in zip(losses, shown, strict=True)
                    ],
                    "line": {"color": "white", "width": 1.5},
                },
                text=[
                    f"{_num(v)}{' ↑' if v > s else ''}"
                    for v, s in zip(losses, shown, strict=True)
                ],
                textposition=[_label_side(key, residual) for key in at_residual],
                textfont={"color": colours, "size": 15},
                name=f"outlier's residual r = {_num(residual)}",
                showlegend=False,
                hoverinfo="skip",
            )
        )
        fig.shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": residual,
                "x1": residual,
                "y0": 0,
                "y1": 1,
                "line": {"color": style.ACCENT, "width": 1.5, "dash": "dash"},
            }
        )
    return fig.build(R_RANGE, LOSS_AXIS)


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
    fig = _Figure("Best-fit line of each loss", "x", "y", height=460)
    xs = np.array(x_range)
    has_outlier = comparison.outlier is not None
    for key in ("mse", "huber", "mae"):
        colour = LOSS_COLOURS[key]
        if has_outlier:
            w0, b0 = comparison.lines_clean[key]
            fig.add_trace(
                _scatter(
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
            _scatter(
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
            _scatter(
                x=[None],
                y=[None],
                mode="lines",
                line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
                name="dotted: before the outlier",
            )
        )
    data = comparison.data
    fig.add_trace(
        _scatter(
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
            _scatter(
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
    return fig.build(x_range, y_range)
