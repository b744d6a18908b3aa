"""viz.matrices: highlighted cells, warped planes, layer diagrams and the transpose's motion."""

from __future__ import annotations

import numpy as np
import pytest

from core import matrices as mat
from core.parsing import display_number
from viz import matrices as viz
from viz import style


def named(fig, name: str):
    return next(t for t in fig.data if t.name == name)


def test_product_frames_walk_every_cell_and_write_its_sum() -> None:
    product = mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    fig = style.validate(viz.product_figure(product, step=2))
    assert [f.name for f in fig.frames] == ["C11", "C12", "C21", "C22"]
    sums = [frame.data[2].text[0] for frame in fig.frames]
    assert sums == [
        "C₁₁ = 2·4 + 3·6 = 26",
        "C₁₂ = 2·6 + 3·8 = 36",
        "C₂₁ = 4·4 + 5·6 = 46",
        "C₂₂ = 4·6 + 5·8 = 64",
    ]
    # C fills in as the cells are computed
    assert list(fig.frames[0].data[1].text) == ["26", "·", "·", "·"]
    assert list(fig.frames[3].data[1].text) == ["26", "36", "46", "64"]
    # the figure opens on the chosen cell
    assert fig.layout.sliders[0].active == 1
    assert named(fig, "sum").text[0] == "C₁₂ = 2·6 + 3·8 = 36"


def test_the_highlight_covers_row_i_of_a_column_j_of_b_and_cell_ij() -> None:
    product = mat.matrix_product(np.ones((2, 3)), np.ones((3, 2)))
    fig = viz.product_figure(product, step=4)  # C₂₂
    xs = [v for v in named(fig, "highlight").x if v is not None]
    ys = [v for v in named(fig, "highlight").y if v is not None]
    row_of_a = (xs[:5], ys[:5])
    assert (min(row_of_a[0]), max(row_of_a[0])) == (-0.5, 2.5)  # all 3 columns of A
    assert (min(row_of_a[1]), max(row_of_a[1])) == (0.5, 1.5)  # row 2
    cell = (xs[10:15], ys[10:15])
    assert (min(cell[1]), max(cell[1])) == (0.5, 1.5)
    assert named(fig, "highlight").line.color == style.ACCENT


def test_a_play_button_animates_in_the_browser() -> None:
    fig = viz.product_figure(mat.matrix_product([[1]], [[2]]))
    play = fig.layout.updatemenus[0].buttons[0]
    assert play.method == "animate"
    assert play.label == "▶ Play"


def test_the_plane_lands_the_basis_vectors_on_the_columns() -> None:
    fig = style.validate(viz.plane_figure(mat.plane_map([[2, -1], [1, 3]])))
    i_hat, j_hat = named(fig, "î → column 1"), named(fig, "ĵ → column 2")
    assert (i_hat.x[1], i_hat.y[1]) == (2, 1)
    assert (j_hat.x[1], j_hat.y[1]) == (-1, 3)
    square = named(fig, "unit square after the map")
    np.testing.assert_allclose(square.x, [0, 2, 1, -1, 0])
    np.testing.assert_allclose(square.y, [0, 1, 4, 3, 0])
    assert list(fig.layout.xaxis.range) == [-viz.PLANE_LIMIT, viz.PLANE_LIMIT]
    # the animation starts from the identity and ends at the matrix
    first, last = fig.frames[0].data, fig.frames[-1].data
    assert (first[2]["x"][1], first[2]["y"][1]) == (1, 0)
    assert (last[2]["x"][1], last[2]["y"][1]) == (2, 1)


def test_a_flip_changes_the_square_colour_and_is_written() -> None:
    fig = viz.plane_figure(mat.plane_map([[0, 1], [1, 0]]))
    assert named(fig, "unit square after the map").line.color == style.TARGET
    assert any("flipped over" in a.text for a in fig.layout.annotations)
    fig = viz.plane_figure(mat.plane_map([[1, 2], [2, 4]]))
    assert any("collapses onto a line" in a.text for a in fig.layout.annotations)


def test_composition_passes_through_b_first() -> None:
    a = mat.plane_map([[2, 0], [0, 1]])
    b = mat.plane_map([[0, -1], [1, 0]])
    fig = style.validate(viz.plane_figure(a, first=b, frames=5))
    middle = fig.frames[4].data[2]  # end of stage one: the plane after B
    assert (middle["x"][1], middle["y"][1]) == (0, 1)
    i_hat = named(fig, "î → column 1")
    assert (i_hat.x[1], i_hat.y[1]) == (0, 1)  # AB's first column: A @ (0, 1)
    assert fig.layout.sliders[0].steps[-1].label == "AB"


def test_layer_diagram_edges_follow_the_weights() -> None:
    layer = mat.dense_layer([[2, -0.5], [0, 1]], [1, 2], [0, 0], "relu")
    fig = viz.layer_figure(layer)
    w11, w12, w21 = named(fig, "W₁₁"), named(fig, "W₁₂"), named(fig, "W₂₁")
    assert w11.line.color == style.CURRENT
    assert w12.line.color == style.TARGET
    assert w11.line.width > w12.line.width > w21.line.width
    assert list(named(fig, "weights").text) == [
        "W₁₁ = 2",
        "W₁₂ = −0.5",
        "W₂₁ = 0",
        "W₂₂ = 1",
    ]
    # each weight written on its own edge, on white, framed in the edge's colour
    notes = {a.text: a for a in fig.layout.annotations if a.bgcolor == "#FFFFFF"}
    assert list(notes) == ["2", "−0.5", "0", "1"]
    assert notes["−0.5"].bordercolor == style.TARGET
    for (i, j), w in np.ndenumerate(layer.weights):  # the label lies on its edge
        note = notes[display_number(w, 3)]
        start, end = (1 - 2 * j) / 2, (1 - 2 * i) / 2  # the nodes' heights
        assert note.y == pytest.approx(start + note.x * (end - start))
    # the two edges leaving an input carry their labels at different distances
    assert notes["2"].x != notes["0"].x
    outputs = named(fig, "outputs y")
    assert outputs.text[0].endswith("z₁ = 1 → y₁ = 1")


def test_batch_heat_map_has_one_row_per_example() -> None:
    y = np.array([[1.0, 0.0], [0.5, -2.0], [3.0, 1.0]])
    fig = viz.batch_figure(y, y)
    heat = fig.data[0]
    assert list(heat.y) == ["example 1", "example 2", "example 3"]
    assert heat.text[1][1] == "−2"


def test_transpose_motion_reflects_across_the_diagonal() -> None:
    tr = mat.transpose([[1, 2, 3], [4, 5, 6]])
    fig = style.validate(viz.transpose_figure(tr, frames=5))
    entries = named(fig, "entries")
    spots = dict(zip(entries.text, zip(entries.x, entries.y, strict=True), strict=True))
    assert spots["2"] == (0, 1)  # A[0, 1] is at Aᵀ[1, 0]
    assert spots["6"] == (1, 2)  # A[1, 2] is at Aᵀ[2, 1]
    start = fig.frames[0].data[0]
    assert (start["x"][1], start["y"][1]) == (1, 0)  # where 2 sits in A
    colours = entries.textfont.color
    assert colours[0] == colours[1] == colours[2] != colours[3]  # coloured by A's row
    assert "2×3 → 3×2" in fig.layout.title.text


@pytest.mark.parametrize("side", [2, 6])
def test_figures_stay_small_at_the_largest_size(side: int) -> None:
    a = np.full((side, side), -123.456)
    product = mat.matrix_product(a, a)
    sizes = [
        len(viz.product_figure(product, side * side).to_json()),
        len(viz.transpose_figure(mat.transpose(a)).to_json()),
        len(viz.layer_figure(mat.dense_layer(a, a[0], a[0], "tanh")).to_json()),
        len(
            viz.plane_figure(
                mat.plane_map([[1, 2], [3, 4]]), first=mat.plane_map([[0, 1], [1, 0]])
            ).to_json()
        ),
    ]
    assert max(sizes) < 100_000


def test_a_frozen_figure_gives_the_same_json_and_reuses_its_dict() -> None:
    import plotly.io as pio

    fresh = viz.plane_figure(mat.plane_map([[2, 1], [0.5, 1.5]]))
    expected = pio.to_json(fresh, validate=False)
    frozen = style.freeze(viz.plane_figure(mat.plane_map([[2, 1], [0.5, 1.5]])))
    assert pio.to_json(frozen, validate=False) == expected
    assert frozen.to_dict() is frozen.to_dict()


def test_every_figure_passes_plotly_validation() -> None:
    product = mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    layer = mat.dense_layer([[2, -0.5], [0, 1]], [1, 2], [0, 0], "relu")
    warp = mat.plane_warp(
        mat.plane_map([[2, 1], [0.5, 1.5]]), mat.plane_map([[0, 1], [1, 0]])
    )
    for fig in (
        viz.product_figure(product, 3),
        viz.warp_figure(warp),
        viz.layer_figure(layer),
        viz.layer_batch_figure(mat.dense_batch(layer, [[1, 2], [0, 1]])),
        viz.transpose_figure(mat.transpose([[1, 2, 3], [4, 5, 6]])),
    ):
        style.validate(fig)


def test_play_controls_are_the_shared_ones() -> None:
    fig = viz.transpose_figure(mat.transpose([[1, 2], [3, 4]]))
    labels = [button.label for button in fig.layout.updatemenus[0].buttons]
    assert labels == ["▶ Play", "❚❚ Pause"]
    assert "Play" in labels[0]
    assert "Pause" in labels[1]


def test_a_collapsed_plane_is_written_as_det_zero() -> None:
    fig = viz.warp_figure(mat.plane_warp(mat.plane_map([[0, 0], [0, 0]])))
    assert any("lands on the origin: det = 0" in a.text for a in fig.layout.annotations)


def test_transpose_diagonal_leaves_its_entries_clear() -> None:
    fig = viz.transpose_figure(mat.transpose([[1, 2], [3, 4]]), frames=3)
    line = named(fig, "main diagonal")
    assert list(line.x) == pytest.approx(
        [-0.5, -0.18, None, 0.18, 0.82, None, 1.18, 1.5]
    )
    assert list(line.y) == list(line.x)
    # no drawn piece of the line passes the centre of 1 (0, 0) or of 4 (1, 1)
    pieces = [
        (a, b) for a, b in zip(line.x, line.x[1:], strict=False) if None not in (a, b)
    ]
    for centre in (0.0, 1.0):
        assert all(not a < centre < b for a, b in pieces)
