"""Gradient descent in 2-D: paths on a contour (animated), loss per step, 3-D surface."""

from __future__ import annotations

import functools

import numpy as np
import plotly.graph_objects as go

from core.gradient_descent import METHODS, Grid, Optimiser, Race, Surface
from core.parsing import display_number, format_number
from viz import raster, style
from viz.gradient_descent.common import (
    MAX_LOSS_POINTS,
    MAX_PATH_POINTS,
    Dict,
    add_play,
    encode,
    fixed,
    layout,
    lowest_line,
    thinned,
    upto,
)

#: Side of the invisible lattice that turns a click on the contour into a start point.
PICK_GRID = 25
#: Colours of paths 1, 2, 3 in the 2-D race.
PATH_COLOURS = (style.CURRENT, style.SECOND, style.THIRD)
#: Contour fill: white (low loss) to grey-violet (high loss), so coloured paths stand out.
CONTOUR_SCALE = [[0.0, "#FFFFFF"], [0.5, "#D9D9E6"], [1.0, "#8C8CA6"]]
#: Bands of the filled contour (each with its level line).
CONTOUR_BANDS = 22
#: Bytes of one path summed over the race's frames (before base64): every step gets
#: its own frame and every frame draws every step up to it while this allows. The
#: default 60 steps do; with the loss chart and the 3-D surface a rerun stays within
#: the page budget of 150 KB at any number of steps.
FRAME_BYTES = 15_200


def optimiser_label(o: Optimiser) -> str:
    """``"Momentum (lr 0.02, β 0.9)"``: the name with the numbers that matter."""
    extra = {
        "gd": "",
        "momentum": f", β {format_number(o.momentum, 4)}",
        "rmsprop": f", ρ {format_number(o.rho, 4)}",
        "adam": f", β₁ {format_number(o.beta1, 4)}, β₂ {format_number(o.beta2, 4)}",
    }[o.method]
    return f"{METHODS[o.method]} (lr {format_number(o.lr, 4)}{extra})"


def contour_values(surface: Surface, z: np.ndarray) -> tuple[np.ndarray, str]:
    """What the contour shows: the loss, or log₁₀(1 + loss) for steep valleys."""
    return _shown(surface.log_levels, z)


def _shown(log_levels: bool, z: np.ndarray) -> tuple[np.ndarray, str]:
    if log_levels:
        return np.log10(1 + np.maximum(z, 0)), "log₁₀(1 + loss)"
    return z, "loss"


def _path_indices(shown: np.ndarray, taken: int) -> np.ndarray:
    """The shown indices a path actually has (it may have stopped early), end kept."""
    return upto(shown[shown <= taken], taken)


def _ranges(grid: Grid) -> tuple[tuple[float, float], tuple[float, float]]:
    xs, ys, _ = grid
    return (float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1]))


# -- the contour -----------------------------------------------------------------------------


def _contour(surface: Surface, grid: Grid) -> tuple[Dict, Dict]:
    """The filled contour as a picture under the plot, and its colour bar.

    Not a contour trace: Plotly drops contour traces while it plays frames without
    a redraw, and the race plays its paths that way (see :mod:`viz.raster`).
    """
    xs, ys, z = grid
    return _contour_picture(surface.log_levels, xs.tobytes(), ys.tobytes(), z.tobytes())


@functools.lru_cache(maxsize=32)
def _contour_picture(
    log_levels: bool, xs_bytes: bytes, ys_bytes: bytes, z_bytes: bytes
) -> tuple[Dict, Dict]:
    """:func:`_contour`, drawn once per grid (the start moves, the picture stays).

    Keyed by the grid's numbers themselves; the dicts returned are shared, never
    changed by the figures that hold them.
    """
    xs, ys = np.frombuffer(xs_bytes), np.frombuffer(ys_bytes)
    z = np.frombuffer(z_bytes).reshape(ys.size, xs.size)
    shown_z, z_label = _shown(log_levels, z)
    picture = raster.contour_image(xs, ys, shown_z, CONTOUR_SCALE, bands=CONTOUR_BANDS)
    bar = raster.colour_bar_trace(
        shown_z, CONTOUR_SCALE, z_label, (float(xs[0]), float(ys[0]))
    )
    return picture, bar


def _lattice(surface: Surface, grid: Grid) -> Dict:
    """Invisible points over the plane: hovering one reads the loss there, clicking
    one selects it (a new start)."""
    xs, ys, z = grid
    x_range, y_range = _ranges(grid)
    lx, ly = np.linspace(*x_range, PICK_GRID), np.linspace(*y_range, PICK_GRID)
    px, py = np.meshgrid(lx, ly)
    shown_z, z_label = contour_values(surface, raster.sample(xs, ys, z, lx, ly))
    return {
        "type": "scatter",
        "x": encode(px.ravel()),
        "y": encode(py.ravel()),
        "customdata": encode(shown_z.ravel()),
        "mode": "markers",
        "name": "click to start here",
        "marker": {"size": 16, "color": "rgba(0,0,0,0)"},
        "selected": {"marker": {"color": "rgba(0,0,0,0)"}},
        "unselected": {"marker": {"opacity": 0}},
        "hovertemplate": (
            f"{z_label} ≈ %{{customdata:.4g}} at (%{{x:.2f}}, %{{y:.2f}})"
            "<br>click: start here<extra></extra>"
        ),
        "showlegend": False,
    }


def _minima(surface: Surface) -> Dict:
    return {
        "type": "scatter",
        "x": [m[0] for m in surface.minima],
        "y": [m[1] for m in surface.minima],
        "mode": "markers",
        "name": "minimum" if len(surface.minima) == 1 else "minima",
        "marker": {
            "color": style.TARGET,
            "size": 20,
            "symbol": "star",
            "line": {"color": "white", "width": 1},
        },
        "hovertemplate": "minimum (%{x:.4g}, %{y:.4g})<extra></extra>",
    }


def _paths(r: Race, shown: np.ndarray) -> list[Dict]:
    traces = []
    for path, optimiser, colour in zip(
        r.paths, r.optimisers, PATH_COLOURS, strict=False
    ):
        idx = _path_indices(shown, path.steps_taken)
        label = optimiser_label(optimiser)
        if path.diverged_at is not None:
            label += f" — diverged at step {path.diverged_at}"
        traces.append(
            {
                "type": "scatter",
                "x": encode(path.points[idx, 0]),
                "y": encode(path.points[idx, 1]),
                "customdata": encode(idx, "i2"),
                "mode": "lines+markers",
                "name": label,
                "line": {"color": colour, "width": 3},
                "marker": {"color": colour, "size": 7},
                "hovertemplate": f"{METHODS[optimiser.method]}, step %{{customdata}}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
            }
        )
    return traces


def _start(r: Race, x_range: tuple[float, float]) -> Dict:
    x0, y0 = r.start
    return {
        "type": "scatter",
        "x": [x0],
        "y": [y0],
        "mode": "markers+text",
        "name": f"start ({display_number(x0)}, {display_number(y0)})",
        "text": ["start"],
        # the label points into the picture, away from the nearer side edge
        "textposition": "top left"
        if x0 > (x_range[0] + x_range[1]) / 2
        else "top right",
        "textfont": {"color": style.INK, "size": 15},
        "marker": {
            "color": style.INK,
            "size": 16,
            "symbol": "circle-open",
            "line": {"width": 3},
        },
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _contour_layout(r: Race, grid: Grid, pickable: bool) -> Dict:
    """One unit on x as long as one on y (an elongated bowl must look elongated);
    the height follows the shape so the plot fills the width."""
    x_range, y_range = _ranges(grid)
    aspect = (y_range[1] - y_range[0]) / (x_range[1] - x_range[0])
    height = int(min(760, max(460, 300 + 500 * aspect)))
    s = r.surface
    chart = layout(f"{s.label}: f(x, y) = {s.formula}", "x", "y", height=height)
    chart["margin"] = {**chart["margin"], "t": 150}  # up to four legend rows
    # the contour picture (below the traces) takes the grid's place
    plain = {"showgrid": False, "zeroline": False, "constrain": "domain"}
    chart["xaxis"] = fixed({**chart["xaxis"], **plain}, *x_range)
    chart["yaxis"] = fixed(
        {**chart["yaxis"], **plain, "scaleanchor": "x", "scaleratio": 1}, *y_range
    )
    if pickable:
        chart["clickmode"] = "event+select"
        chart["dragmode"] = "zoom"
    return chart


def frame_steps(steps: int, budget: int = FRAME_BYTES) -> np.ndarray:
    """The steps that get a frame: every one while ``budget`` allows, else fewer.

    A frame draws each path up to its step with every step in it (no thinning
    inside a frame: thinning cut the corners of gradient descent's zig-zag), up to
    ``MAX_PATH_POINTS`` points. Frames are dropped evenly (first and last kept)
    until one path's bytes over all frames fit ``budget``: 8 bytes a point, 10
    once a frame is thinned and must say which step each point is.
    """
    for count in range(steps + 1, 1, -1):
        points = thinned(steps, count) + 1
        cost = np.where(points <= MAX_PATH_POINTS, 8 * points, 10 * MAX_PATH_POINTS)
        if int(cost.sum()) <= budget:
            return thinned(steps, count)
    return thinned(steps, 2)


def _race_frames(r: Race, shown: np.ndarray, first_path: int) -> list[Dict]:
    """Every path grows together, one frame per chosen step (the last as drawn).

    A frame sends its step numbers (``customdata``, for the hover) only when its
    points are not simply steps 0, 1, 2, …: otherwise the still picture's numbers
    (from 0 up) already fit, and the frame stays smaller.
    """
    moving = list(range(first_path, first_path + len(r.paths)))
    frames = []
    for step in frame_steps(r.steps):
        traces = []
        for path in r.paths:
            last = min(int(step), path.steps_taken)
            every = thinned(last, MAX_PATH_POINTS)
            idx = _path_indices(shown, last) if step == r.steps else every
            trace = {"x": encode(path.points[idx, 0]), "y": encode(path.points[idx, 1])}
            if len(shown) <= int(shown[-1]) or not np.array_equal(
                idx, np.arange(idx.size)
            ):
                trace["customdata"] = encode(idx, "i2")
            traces.append(trace)
        frames.append({"name": str(step), "traces": moving, "data": traces})
    return frames


def race_figure(
    r: Race, grid: Grid | None = None, *, pickable: bool = False
) -> go.Figure:
    """The contour of the surface with every optimiser's path, animated together.

    ``grid`` defaults to :meth:`Race.grid`. With ``pickable`` an invisible
    lattice of points covers the plane: clicking one sends a Streamlit selection
    event, which the page turns into a new start.
    """
    grid = r.grid() if grid is None else grid
    picture, bar = _contour(r.surface, grid)
    data = [bar]
    if pickable:
        data.append(_lattice(r.surface, grid))
    if r.surface.minima:
        data.append(_minima(r.surface))
    shown = thinned(r.steps, MAX_PATH_POINTS)
    first_path = len(data)
    data += _paths(r, shown)
    data.append(_start(r, _ranges(grid)[0]))
    chart = _contour_layout(r, grid, pickable)
    chart["images"] = [picture]
    frames: list[Dict] = []
    if r.steps >= 1:
        frames = _race_frames(r, shown, first_path)
        add_play(chart, frame_steps(r.steps))
    return style.figure(data, chart, frames)


def race_contour(r: Race) -> go.Figure:
    """The page's contour: :func:`race_figure` on the race's own grid, clickable."""
    return race_figure(r, pickable=True)


# -- loss per step and the 3-D surface ------------------------------------------------------


def race_loss_figure(r: Race, log_scale: bool = False) -> go.Figure:
    """Loss against step for every optimiser on one pair of axes."""
    use_log = log_scale and all(bool(np.all(p.losses > 0)) for p in r.paths)
    data = []
    for path, optimiser, colour in zip(
        r.paths, r.optimisers, PATH_COLOURS, strict=False
    ):
        idx = thinned(len(path.losses) - 1, MAX_LOSS_POINTS)
        name = METHODS[optimiser.method]
        data.append(
            {
                "type": "scatter",
                "x": encode(idx, "i2"),
                "y": encode(path.losses[idx]),
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 3},
                "hovertemplate": f"{name}<br>step %{{x}}<br>loss %{{y:.5g}}<extra></extra>",
            }
        )
    chart = layout(
        "Loss at each step",
        "step",
        "loss (log scale)" if use_log else "loss f(x, y)",
        height=340,
    )
    chart["xaxis"] = fixed(chart["xaxis"], 0, max(r.steps, 1))
    lowest = r.surface.lowest_loss
    if use_log:
        chart["yaxis"] = {**chart["yaxis"], "type": "log"}
    elif lowest is not None:
        shape, note = lowest_line(lowest)
        chart["shapes"], chart["annotations"] = [shape], [note]
    return style.figure(data, chart)


def _lifted_path(r: Race, index: int, grid: Grid) -> Dict:
    """Path ``index`` on the 3-D surface (the part inside the drawn square)."""
    path, optimiser = r.paths[index], r.optimisers[index]
    colour = PATH_COLOURS[index]
    (x_low, x_high), (y_low, y_high) = _ranges(grid)
    idx = _path_indices(thinned(r.steps, MAX_PATH_POINTS), path.steps_taken)
    xs, ys = path.points[idx, 0], path.points[idx, 1]
    idx = idx[(xs >= x_low) & (xs <= x_high) & (ys >= y_low) & (ys <= y_high)]
    heights, _ = contour_values(r.surface, path.losses[idx])
    return {
        "type": "scatter3d",
        "x": encode(path.points[idx, 0]),
        "y": encode(path.points[idx, 1]),
        "z": encode(heights),
        "mode": "lines+markers",
        "name": optimiser_label(optimiser),
        "line": {"color": colour, "width": 6},
        "marker": {"color": colour, "size": 3},
    }


def surface_3d_figure(r: Race, grid: Grid | None = None) -> go.Figure:
    """The loss as a 3-D surface with each path lifted onto it (drag to turn)."""
    grid = r.grid() if grid is None else grid
    xs, ys, z = grid
    shown_z, z_label = contour_values(r.surface, z)
    data: list[Dict] = [
        {
            "type": "surface",
            "x": encode(xs),
            "y": encode(ys),
            "z": encode(shown_z),
            "colorscale": CONTOUR_SCALE,
            "showscale": False,
            "opacity": 0.92,
            "name": "loss",
            "hovertemplate": f"x = %{{x:.3g}}, y = %{{y:.3g}}<br>{z_label} = %{{z:.4g}}<extra></extra>",
        }
    ]
    data += [_lifted_path(r, i, grid) for i in range(min(len(r.paths), 3))]
    chart = layout(f"{r.surface.label} in 3-D: drag to turn", "", "", height=620)
    for key in ("xaxis", "yaxis"):
        chart.pop(key)
    x_range, y_range = _ranges(grid)
    chart["scene"] = {
        "xaxis": {"title": {"text": "x"}, "range": list(x_range)},
        "yaxis": {"title": {"text": "y"}, "range": list(y_range)},
        "zaxis": {
            "title": {"text": z_label},
            "range": [float(shown_z.min()), float(shown_z.max())],
        },
        "aspectmode": "cube",
    }
    chart["margin"] = {"l": 0, "r": 0, "t": 60, "b": 0}
    return style.figure(data, chart)
