"""viz.gradient_descent: valid Plotly, the right traces, fixed ranges, frames within budget."""

from __future__ import annotations

import base64
import json
import struct
import zlib

import numpy as np
import plotly.graph_objects as go
import pytest

from core import gradient_descent as gd
from tests.helpers import decode
from viz import gradient_descent as viz
from viz import style

BUDGET = 150 * 1024


def spec(fig: go.Figure) -> dict:
    """The figure as the browser gets it, arrays decoded; validated by Plotly's schema."""
    as_dict = fig.to_dict()
    go.Figure(as_dict)  # raises on any property Plotly does not know
    return decode(json.loads(fig.to_json()))


def named(figure: dict, start: str) -> dict:
    return next(t for t in figure["data"] if str(t.get("name", "")).startswith(start))


def default_race(steps: int = 60) -> gd.Race:
    return gd.race(
        "elongated",
        (-3.5, 1.5),
        [
            gd.Optimiser("gd", 0.09),
            gd.Optimiser("momentum", 0.02, momentum=0.7),
            gd.Optimiser("adam", 0.3),
        ],
        steps,
    )


def grid_for(r: gd.Race) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return gd.surface_grid(r.surface.key, *gd.plot_ranges(r.surface, r.start), 61)


# -- derivative --------------------------------------------------------------------------


def test_derivative_figure_tangent_secant_and_derivative_curve():
    d = gd.derivative_at("square", 5, 0.5)
    fig = spec(viz.derivative_figure(d))
    tangent = named(fig, "tangent")
    rise = tangent["y"][1] - tangent["y"][0]
    run = tangent["x"][1] - tangent["x"][0]
    assert rise / run == pytest.approx(10.0)
    assert tangent["line"]["color"] == style.ACCENT
    secant = named(fig, "secant")
    assert list(secant["x"]) == [4.5, 5.5]
    derivative = named(fig, "derivative")
    assert derivative["yaxis"] == "y2"
    np.testing.assert_allclose(
        derivative["y"], 2 * derivative["x"], rtol=1e-6, atol=1e-5
    )
    point = named(fig, "w = 5")
    assert (point["x"], point["y"]) == ([5.0], [25.0])


def test_derivative_axes_stay_fixed_while_w_moves():
    ranges = {
        tuple(
            spec(viz.derivative_figure(gd.derivative_at("two_minima", w, 0.1)))[
                "layout"
            ]["xaxis"]["range"]
        )
        for w in (-2.0, 0.0, 1.5)
    }
    assert ranges == {(-2.5, 2.5)}


# -- 1-D descent -------------------------------------------------------------------------


def test_descent_path_has_arrows_and_the_notebook_step():
    fig = spec(viz.descent_figure(gd.descend_1d("square", 5, 0.1, 1)))
    path = named(fig, "gradient-descent path")
    assert path["marker"]["symbol"] == "arrow"
    assert path["marker"]["angleref"] == "previous"
    assert list(path["x"]) == [5.0, 4.0]
    assert list(path["y"]) == [25.0, 16.0]
    assert named(fig, "after step 1")["x"] == [4.0]
    assert named(fig, "minimum")["marker"]["color"] == style.TARGET


def test_play_moves_a_marker_the_legend_does_not_name():
    fig = spec(viz.descent_figure(gd.descend_1d("square", 5, 0.1, 20)))
    moving = {i for frame in fig["frames"] for i in frame["traces"]}
    end = next(i for i, t in enumerate(fig["data"]) if t["name"].startswith("after"))
    assert end not in moving  # "after step 20" stays at step 20 while Play runs
    assert fig["data"][end]["x"] == [pytest.approx(5 * 0.8**20)]
    for i in moving - {2}:  # the head that Play moves has no legend entry
        assert fig["data"][i]["showlegend"] is False
    assert fig["frames"][6]["data"][1]["x"] == [pytest.approx(5 * 0.8**6)]


def test_descent_animation_frames_grow_the_path():
    fig = spec(viz.descent_figure(gd.descend_1d("square", 5, 0.1, 10)))
    frames = fig["frames"]
    assert [f["name"] for f in frames] == [str(i) for i in range(11)]
    assert [len(f["data"][0]["x"]) for f in frames] == list(range(1, 12))
    np.testing.assert_allclose(frames[3]["data"][0]["x"], [5, 4, 3.2, 2.56], rtol=1e-6)
    buttons = fig["layout"]["updatemenus"][0]["buttons"]
    assert [b["method"] for b in buttons] == ["animate", "animate"]
    assert "Play" in buttons[0]["label"]
    assert "Pause" in buttons[1]["label"]
    slider = fig["layout"]["sliders"][0]
    assert [s["label"] for s in slider["steps"]] == [str(i) for i in range(11)]


def test_long_runs_are_thinned_within_budget():
    result = gd.descend_1d("square", 5, 0.01, gd.MAX_STEPS_1D)
    fig = viz.descent_figure(result)
    frames = spec(fig)["frames"]
    assert len(frames) <= viz.MAX_FRAMES
    assert frames[-1]["name"] == str(gd.MAX_STEPS_1D)
    assert len(fig.to_json()) < 40 * 1024


def test_divergence_is_announced_and_nothing_infinite_is_sent():
    result = gd.descend_1d("square", 5, 3.5, 50)
    fig = viz.descent_figure(result)
    text = fig.to_json()
    assert "NaN" not in text
    assert "Infinity" not in text
    notes = [a["text"] for a in spec(fig)["layout"]["annotations"]]
    assert any("diverged at step 7: |w| passed 1e6" in n for n in notes)


@pytest.mark.parametrize("w0", [-10.0, 5.0, 9.5])
def test_descent_axes_come_from_the_function_and_start(w0):
    fig = spec(viz.descent_figure(gd.descend_1d("square", w0, 0.3, 5)))
    low, high = fig["layout"]["xaxis"]["range"]
    assert low <= w0 <= high
    assert low <= -w0 <= high  # where an overshooting step lands
    assert (low, high) == ((-6.0, 6.0) if abs(w0) <= 6 else (-11.0, 11.0))


def test_loss_steps_log_scale_only_when_every_loss_is_positive():
    positive = spec(
        viz.loss_steps_figure(gd.descend_1d("square", 5, 0.1, 20), log_scale=True)
    )
    assert positive["layout"]["yaxis"]["type"] == "log"
    negative = spec(
        viz.loss_steps_figure(gd.descend_1d("two_minima", 2, 0.05, 20), log_scale=True)
    )
    assert negative["layout"]["yaxis"].get("type") != "log"
    assert negative["layout"]["shapes"][0]["y0"] == pytest.approx(
        -3.51391, abs=1e-5
    )  # the deeper minimum


# -- 2-D race -------------------------------------------------------------------------------


def picture(fig: dict) -> tuple[np.ndarray, dict]:
    """The contour picture of a race figure: its pixels (palette indices) and image."""
    (image,) = fig["layout"]["images"]
    head, data = image["source"].split(",", 1)
    assert head == "data:image/png;base64"
    raw = base64.b64decode(data)
    width, height = struct.unpack(">II", raw[16:24])
    assert raw[24:26] == bytes([8, 3])  # 8-bit palette
    idat = b"".join(
        raw[i + 8 : i + 8 + struct.unpack(">I", raw[i : i + 4])[0]]
        for i in _chunks(raw)
        if raw[i + 4 : i + 8] == b"IDAT"
    )
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, width + 1)
    assert not rows[:, 0].any()  # filter 0 on every row
    return rows[:, 1:], image


def _chunks(raw: bytes) -> list[int]:
    starts, i = [], 8
    while i < len(raw):
        starts.append(i)
        i += 12 + struct.unpack(">I", raw[i : i + 4])[0]
    return starts


def test_race_figure_contour_paths_and_start():
    r = default_race()
    fig = spec(viz.race_figure(r, grid_for(r), pickable=True))
    xs, ys, z = grid_for(r)
    pixels, image = picture(fig)
    # the picture covers the grid exactly, under the paths
    assert (image["x"], image["y"]) == (xs[0], ys[-1])
    assert (image["sizex"], image["sizey"]) == (xs[-1] - xs[0], ys[-1] - ys[0])
    assert (image["xref"], image["yref"], image["layer"]) == ("x", "y", "below")
    # low loss is light, high loss dark: the minimum's pixel is in the lowest band
    col = int((0 - xs[0]) / (xs[-1] - xs[0]) * pixels.shape[1])
    row = int((ys[-1] - 0) / (ys[-1] - ys[0]) * pixels.shape[0])
    corner = pixels[0, 0] % viz.CONTOUR_BANDS
    assert pixels[row, col] % viz.CONTOUR_BANDS == 0
    assert corner > viz.CONTOUR_BANDS // 2
    # its colour bar rides on an invisible scatter (a contour trace would vanish)
    bar = named(fig, "loss")
    assert bar["type"] == "scatter"
    assert bar["marker"]["showscale"]
    assert (bar["marker"]["cmin"], bar["marker"]["cmax"]) == pytest.approx(
        (z.min(), z.max()), rel=1e-6
    )
    assert "contour" not in [t["type"] for t in fig["data"]]
    colours = [
        t["line"]["color"]
        for t in fig["data"]
        if str(t.get("name", "")).startswith(("Gradient", "Momentum", "Adam"))
    ]
    assert colours == list(viz.PATH_COLOURS)
    gd_path = named(fig, "Gradient descent")
    np.testing.assert_allclose(
        [gd_path["x"][-1], gd_path["y"][-1]], r.paths[0].final, rtol=1e-5, atol=1e-6
    )
    assert named(fig, "start")["x"] == [-3.5]
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"
    assert fig["layout"]["clickmode"] == "event+select"
    lattice = named(fig, "click to start here")
    assert len(lattice["x"]) == viz.PICK_GRID**2
    # hovering the lattice reads the loss: at the lattice's corner, the grid's corner
    assert lattice["customdata"][0] == pytest.approx(z[0, 0], rel=1e-5)


def test_race_plays_every_step_and_keeps_the_contour():
    """Issue 14: Play kept dropping the contour and skipped every second step."""
    r = default_race(60)
    fig = spec(viz.race_figure(r, grid_for(r), pickable=True))
    frames = fig["frames"]
    assert [f["name"] for f in frames] == [str(step) for step in range(61)]
    first_path = next(
        i for i, t in enumerate(fig["data"]) if t.get("name", "").startswith("Gradient")
    )
    for frame in frames:
        # frames only touch the three paths: the contour (a picture under the plot,
        # which animations leave alone) and its colour bar are never replaced
        assert frame["traces"] == [first_path, first_path + 1, first_path + 2]
        step = int(frame["name"])
        for trace, path in zip(frame["data"], r.paths, strict=True):
            # every step up to this one, none skipped: the zig-zag stays
            np.testing.assert_allclose(
                trace["x"], path.points[: step + 1, 0], rtol=1e-6, atol=1e-6
            )
    assert not any(t["type"] in ("contour", "heatmap") for t in fig["data"])
    slider = fig["layout"]["sliders"][0]
    assert len(slider["steps"]) == 61
    shown = [s["label"] for s in slider["steps"] if s["label"]]
    assert shown[0] == "0"
    assert shown[-1] == "60"
    assert len(shown) <= 11


def test_race_frames_move_every_path_together():
    r = default_race(20)
    fig = spec(viz.race_figure(r, grid_for(r)))
    first_path = next(
        i for i, t in enumerate(fig["data"]) if t.get("name", "").startswith("Gradient")
    )
    for frame in fig["frames"]:
        assert frame["traces"] == [first_path, first_path + 1, first_path + 2]
        step = int(frame["name"])
        assert all(len(trace["x"]) == step + 1 for trace in frame["data"])


@pytest.mark.parametrize("steps", [150, gd.MAX_STEPS_2D])
def test_long_races_keep_fewer_frames_but_every_drawn_step(steps: int) -> None:
    r = default_race(steps)
    fig = spec(viz.race_figure(r, grid_for(r)))
    names = [int(f["name"]) for f in fig["frames"]]
    assert names[0] == 0
    assert names[-1] == steps
    assert len(names) >= 10
    middle = fig["frames"][len(names) // 2]
    step = names[len(names) // 2]
    path = middle["data"][0]
    # steps up to MAX_PATH_POINTS are all drawn; beyond, the step numbers say which
    if step + 1 <= viz.MAX_PATH_POINTS:
        assert len(path["x"]) == step + 1
    else:
        assert len(path["x"]) == viz.MAX_PATH_POINTS
        assert path["customdata"][-1] == step


def test_race_figure_within_budget_at_the_most_steps():
    r = default_race(gd.MAX_STEPS_2D)
    grid = grid_for(r)
    total = sum(
        len(f.to_json())
        for f in (
            viz.race_figure(r, grid, pickable=True),
            viz.race_loss_figure(r),
            viz.surface_3d_figure(r, grid),
        )
    )
    assert total < BUDGET


def test_rosenbrock_contour_uses_log_levels():
    r = gd.race("rosenbrock", (-1.5, 2.0), [gd.Optimiser("adam", 0.05)], 30)
    grid = grid_for(r)
    fig = spec(viz.race_figure(r, grid))
    bar = named(fig, "log₁₀")
    assert bar["marker"]["cmax"] == pytest.approx(np.log10(1 + grid[2]).max())
    assert "log₁₀" in bar["marker"]["colorbar"]["title"]["text"]


def test_race_loss_and_3d_figures():
    r = default_race()
    loss = spec(viz.race_loss_figure(r))
    assert [t["name"] for t in loss["data"]] == ["Gradient descent", "Momentum", "Adam"]
    np.testing.assert_allclose(
        loss["data"][0]["y"], r.paths[0].losses, rtol=1e-6, atol=1e-12
    )
    surface = spec(viz.surface_3d_figure(r, grid_for(r)))
    assert surface["data"][0]["type"] == "surface"
    assert sum(t["type"] == "scatter3d" for t in surface["data"]) == 3


def test_diverged_path_is_labelled():
    r = gd.race("rosenbrock", (-1.5, 2.0), [gd.Optimiser("gd", 0.01)], 50)
    fig = spec(viz.race_figure(r, grid_for(r)))
    assert "diverged at step" in named(fig, "Gradient descent")["name"]
    assert "NaN" not in json.dumps(fig, default=lambda a: a.tolist())


def test_figures_of_a_typed_function() -> None:
    descent = gd.descend_1d("custom", 2.0, 0.02, 30, "sin(3*w) + 0.1*w**2")
    fig = spec(viz.descent_figure(descent))
    assert any("sin(3·w) + 0.1·w²" in str(t.get("name", "")) for t in fig["data"])
    assert len(fig["data"][1]["x"]) == len(descent.fn.minima) == 6
    spec(
        viz.derivative_figure(gd.derivative_at("custom", 9.0, 0.5, "log(12 + w) + w^2"))
    )
    r = gd.race(
        "custom",
        (-1.5, 2.0),
        [gd.Optimiser("adam", 0.1)],
        40,
        "(1 - x)**2 + 100*(y - x**2)**2",
    )
    figure = viz.race_contour(r)
    assert len(figure.to_json()) < BUDGET
    contour = spec(figure)
    assert contour["layout"]["images"][0]["source"].startswith("data:image/png")
