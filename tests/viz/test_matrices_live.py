"""viz.matrices.live: the warped plane of the live chart, cut to what the view shows."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core import matrices as mat
from ui.live_frames import control_frames, encode
from views.matrices import transform
from viz import style
from viz.matrices import live
from viz.matrices.plane import GRID_REACH, PLANE_LIMIT

HALVES = st.sampled_from([x / 2 for x in range(-6, 7)])  # the drag grid
ENTRIES = st.one_of(HALVES, st.floats(-3, 3, allow_nan=False))
SAMPLES = 801  # points per grid line: 0.02 apart before the map


def _inside(points: np.ndarray) -> np.ndarray:
    return np.all(np.abs(points) <= PLANE_LIMIT - 1e-6, axis=0)


def _distance(points: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Each point's distance to the nearest of the segments ``starts → ends``."""
    p = points.T[:, None, :]
    a, b = starts.T[None], ends.T[None]
    ab = b - a
    length = np.sum(ab * ab, axis=2)
    along = np.sum((p - a) * ab, axis=2)
    t = np.divide(along, length, out=np.zeros_like(along), where=length > 0)
    nearest = a + np.clip(t, 0, 1)[..., None] * ab
    return np.min(np.linalg.norm(p - nearest, axis=2), axis=1)


def _full_lines(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The full grid's lines (|k| ≤ GRID_REACH, end to end), mapped."""
    ticks = np.arange(-GRID_REACH, GRID_REACH + 1, dtype=float)
    far = np.full_like(ticks, GRID_REACH)
    starts = np.concatenate([np.stack([ticks, -far]), np.stack([-far, ticks])], axis=1)
    ends = np.concatenate([np.stack([ticks, far]), np.stack([far, ticks])], axis=1)
    return matrix @ starts, matrix @ ends


def _path_segments(path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b = path[:, :-1], path[:, 1:]
    whole = ~(np.isnan(a).any(axis=0) | np.isnan(b).any(axis=0))
    return a[:, whole], b[:, whole]


def _along(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    t = np.linspace(0, 1, SAMPLES)
    return np.concatenate(
        [
            s[:, None] + t * (e - s)[:, None]
            for s, e in zip(starts.T, ends.T, strict=True)
        ],
        axis=1,
    )


def assert_same_picture(matrix: np.ndarray) -> None:
    """Inside the view, the cut grid and the full grid cover the same points."""
    pm = mat.plane_map(matrix)
    cut = live.visible_grid(pm)
    full = _full_lines(pm.matrix)
    segments = _path_segments(cut)
    shown = _along(*full)
    shown = shown[:, _inside(shown)]
    if shown.size:  # everything the full grid shows, the cut grid draws
        assert np.max(_distance(shown, *segments)) < 1e-6
    drawn = _along(*segments)
    drawn = drawn[:, _inside(drawn)]
    if drawn.size:  # and nothing else (the steps between lines included)
        assert np.max(_distance(drawn, *full)) < 1e-6


@pytest.mark.parametrize(
    "matrix",
    [
        [[2, 1], [0.5, 1.5]],  # the notebook's
        [[1, 0], [0, 1]],
        [[0.5, 0], [0, 0.5]],  # shrinks: the whole reach is needed
        [[1, 2], [0.5, 1]],  # collapses onto a line
        [[0, 0], [0, 0]],
        [[3, 2.5], [3, 3]],  # nearly collapses
        [[0, -1], [1, 0]],
        [[-3, 0.5], [3, -3]],
    ],
)
def test_the_cut_grid_shows_what_the_full_grid_shows(matrix: list[list[float]]) -> None:
    assert_same_picture(np.array(matrix, dtype=float))


@settings(max_examples=60, deadline=None)
@given(ENTRIES, ENTRIES, ENTRIES, ENTRIES)
@example(-3.0, -3.0, -3.0, 2.225073858507e-311)  # a side met at a subnormal slope
def test_any_matrix_keeps_its_picture(a: float, b: float, c: float, d: float) -> None:
    matrix = np.array([[a, b], [c, d]])
    try:
        mat.plane_map(matrix)
    except ValueError:  # entries too small to have a determinant: not drawn
        return
    assert_same_picture(matrix)


def test_the_identity_needs_only_the_lines_in_view() -> None:
    cut = live.visible_grid(mat.plane_map([[1, 0], [0, 1]]))
    # x = −4 … 4, then y = −4 … 4: two points each, one gap
    assert cut.shape == (2, 2 * 9 * 2 + 1)
    assert np.nanmax(np.abs(cut)) == PLANE_LIMIT


def test_what_is_not_shown_stays_a_point_and_a_blank() -> None:
    """Nothing turns into an empty trace: Plotly.animate (redraw false) would leave
    it drawn as it was; and a hidden note is a blank, not "" (Plotly.react adds no
    text to a point drawn with "")."""
    flipped = live.warp_live_data(mat.plane_map([[0, 1], [1, 0]]))
    kept = live.warp_live_data(mat.plane_map([[2, 1], [0.5, 1.5]]))
    style.validate(live.warp_live_figure(mat.plane_map([[2, 1], [0.5, 1.5]])))
    assert [t["uid"] for t in flipped["data"]] == [t["uid"] for t in kept["data"]]

    def traces(data: dict[str, Any]) -> dict[str, Any]:
        return {t["uid"]: t for t in data["data"]}

    kept_traces, flipped_traces = traces(kept), traces(flipped)
    assert kept_traces["note"]["text"] == ["area × 2.5: det = 2.5"]
    assert kept_traces["note-warning"]["text"] == [" "]
    assert flipped_traces["note"]["text"] == [" "]
    assert flipped_traces["note-warning"]["text"] == [
        "area × 1, flipped over: det = −1"
    ]
    for uid in ("note", "note-warning"):  # the same place: frames change words only
        assert kept_traces[uid]["x"] == flipped_traces[uid]["x"] != []
    assert list(kept_traces["square-flipped"]["x"]) == [0]
    assert list(flipped_traces["square"]["x"]) == [0]
    assert len(flipped_traces["square-flipped"]["x"]) == 5


def test_a_columns_frames_are_small() -> None:
    """One column's 13 × 13 frames: ~90 KB of JSON (133 KB with the full grid)."""
    params = {p.name: p for p in transform.PARAMS}
    values = {"m11": 2.0, "m12": 1.0, "m21": 0.5, "m22": 1.5}
    for control in transform.CONTROLS:
        fixed = {k: v for k, v in values.items() if k not in control.params}
        frames = control_frames(
            transform.draw, control, params, fixed, transform.CONTROLS
        )
        assert len(frames["frames"]) == 169
        assert len(encode(frames)) < 95_000
        # the notes stay in place: their frames hold only their words
        moved = [frames["frames"][0]["d"][i] for i in range(len(frames["traces"]))]
        assert [set(d) for d in moved].count({"text"}) == 2
