"""The Matrices page as a learner uses it (AppTest): each view, its controls, its code."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers import figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/matrices.py"


def panels(at) -> list[tuple[str, str]]:
    """(code, output) of each code panel, in page order."""
    blocks = [block.value for block in at.code]
    return list(zip(blocks[::2], blocks[1::2], strict=True))


def errors(at) -> str:
    return " ".join(e.value for e in at.error)


# -- A·B ----------------------------------------------------------------------------------


def test_default_is_notebook_cell_3() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert at.text_area(key="a").value == "2, 3; 4, 5"
    assert at.text_area(key="b").value == "4, 6; 6, 8"
    code, output = panels(at)[0]
    assert output == "array([[26, 36],\n       [46, 64]])"  # Out[3]
    assert repr(run_snippet(code)) == output
    assert "(2×2)·(2×2) → (2×2)" in texts(at)
    assert "C₁₁ = 2·4 + 3·6 = 26" in texts(at)
    fig = figures(at)[0]
    assert len(fig["frames"]) == 4  # one frame per cell, played in the browser
    assert dict(at.query_params) == {}


def test_stepping_to_a_cell_writes_out_its_sum() -> None:
    at = page_test(SCRIPT).run()
    at.slider(key="cell").set_value(4).run()
    assert "C₂₂ = 4·6 + 5·8 = 64" in texts(at)
    fig = figures(at)[0]
    assert fig["layout"]["sliders"][0]["active"] == 3
    assert trace(fig, "sum")["text"] == ["C₂₂ = 4·6 + 5·8 = 64"]
    assert trace(fig, "C")["text"] == ["26", "36", "46", "64"]
    assert at.query_params["cell"] == "4"


def test_rectangular_matrices_and_both_orders() -> None:
    at = page_test(SCRIPT).run()
    at.text_area(key="a").set_value("1, 2, 3\n4, 5, 6").run()
    at.text_area(key="b").set_value("[[1], [0], [-1]]").run()
    assert not at.exception
    assert not at.error
    assert "(2×3)·(3×1) → (2×1)" in texts(at)
    assert "B @ A does not exist" in texts(at)
    (code, output), (order_code, order_output) = panels(at)
    assert repr(run_snippet(code)) == output == "array([[-2],\n       [-2]])"
    assert repr(run_snippet(order_code)) == order_output == "'B @ A does not exist'"


def test_a_cell_beyond_the_product_is_clamped_and_said() -> None:
    at = page_test(SCRIPT, {"cell": "9"}).run()
    assert not at.exception
    assert "C has only 4 cells" in texts(at)
    assert "C₂₂ = 4·6 + 5·8 = 64" in texts(at)


def test_shape_mismatch_names_both_shapes_and_keeps_the_chart() -> None:
    at = page_test(SCRIPT).run()
    at.text_area(key="a").set_value("1, 2, 3; 4, 5, 6").run()
    assert not at.exception
    assert "A is 2×3 and B is 2×2" in errors(at)
    assert "C₁₁ = 2·4 + 3·6 = 26" in texts(at)  # the last good product is still shown
    assert figures(at)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1, 2; 3", "every row needs the same number of entries"),
        ("1, 2; 3, x", "'x' is not a number"),
        ("1, inf; 3, 4", "not allowed"),
        ("", "A is empty"),
        ("1;2;3;4;5;6;7", "A has 7 rows; the most allowed is 6"),
    ],
)
def test_bad_matrix_text_shows_an_error(text: str, message: str) -> None:
    at = page_test(SCRIPT).run()
    at.text_area(key="a").set_value(text).run()
    assert not at.exception
    assert message in errors(at)


def test_number_cells_write_back_into_the_text() -> None:
    at = page_test(SCRIPT).run()
    at.toggle(key="_cells_on").set_value(True).run()
    at.number_input(key="_a_1_0").set_value(7.0).run()
    assert at.text_area(key="a").value == "2, 3; 7, 5"
    assert at.query_params["a"] == "2, 3; 7, 5"
    at.selectbox(key="_b_cols").set_value(3).run()
    assert at.text_area(key="b").value == "4, 6, 0; 6, 8, 0"
    assert "(2×2)·(2×3) → (2×3)" in texts(at)


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(SCRIPT, {"a": "1, 2; 3", "cell": "0", "view": "everything"}).run()
    assert not at.exception
    assert not at.error
    assert at.text_area(key="a").value == "2, 3; 4, 5"
    notes = " ".join(c.value for c in at.caption)
    for name in ("a", "cell", "view"):
        assert f"Ignored `{name}`" in notes


# -- the plane -----------------------------------------------------------------------------


def test_transform_view_shows_columns_and_determinant() -> None:
    at = page_test(SCRIPT, {"view": "transform"}).run()
    assert not at.exception
    assert "|det A| = 2.5" in texts(at)
    fig = figures(at)[0]
    i_hat = trace(fig, "î → column 1")
    assert list(i_hat["x"]) == [0, 2]
    assert list(i_hat["y"]) == [0, 0.5]
    assert "frames" not in fig  # live: drag the columns (tests/ui/test_live_more.py)
    code, output = panels(at)[0]
    assert repr(run_snippet(code)) == output == "np.float64(2.5)"


@pytest.mark.parametrize(
    ("preset", "words"),
    [
        ("Reflection", "the plane is flipped over"),
        ("Singular", "the plane collapses onto a line"),
        ("Projection", "the plane collapses onto a line"),
        ("Rotation", "keeps its orientation"),
    ],
)
def test_plane_presets(preset: str, words: str) -> None:
    at = page_test(SCRIPT, {"view": "transform"}).run()
    next(b for b in at.button if b.label == preset).click().run()
    assert not at.exception
    assert words in texts(at)


def test_a_slider_moves_the_basis_vector() -> None:
    at = page_test(SCRIPT, {"view": "transform"}).run()
    at.number_input(key="m21").set_value(-1.0).run()
    i_hat = trace(figures(at)[0], "î → column 1")
    assert list(i_hat["y"]) == [0, -1]
    assert at.query_params["m21"] == "-1"


def test_composition_is_first_b_then_a() -> None:
    at = page_test(SCRIPT, {"view": "transform", "compose": "1"}).run()
    assert not at.exception
    assert "AB means first B, then A" in texts(at)
    # A = [[2, 1], [0.5, 1.5]], B = quarter turn [[0, -1], [1, 0]]
    expected = np.array([[2, 1], [0.5, 1.5]]) @ np.array([[0, -1], [1, 0]])
    fig = figures(at)[0]
    np.testing.assert_allclose(trace(fig, "î → column 1")["x"][1], expected[0, 0])
    np.testing.assert_allclose(trace(fig, "ĵ → column 2")["y"][1], expected[1, 1])
    assert fig["layout"]["title"]["text"] == "AB: first B, then A"
    code, output = panels(at)[0]
    assert repr(run_snippet(code)) == output


def test_bad_b_for_composition() -> None:
    at = page_test(SCRIPT, {"view": "transform", "compose": "1"}).run()
    at.text_input(key="mb").set_value("1, 2, 3; 4, 5, 6").run()
    assert not at.exception
    assert "B must be 2×2 to act on the plane, not 2×3" in errors(at)


# -- the layer -----------------------------------------------------------------------------


def test_layer_view_diagram_equals_the_product() -> None:
    at = page_test(SCRIPT, {"view": "layer"}).run()
    assert not at.exception
    assert not at.error
    fig = figures(at)[0]
    outputs = trace(fig, "outputs y")
    assert outputs["text"][0].endswith("z₁ = 2.7 → y₁ = 2.7")
    assert outputs["text"][1].endswith("z₂ = −1.3 → y₂ = 0")
    code, output = panels(at)[0]
    np.testing.assert_allclose(run_snippet(code), [2.7, 0.0])
    assert output == "array([2.7, 0. ])"
    batch_code, batch_output = panels(at)[1]
    batch = run_snippet(batch_code)
    np.testing.assert_allclose(batch[0], [2.7, 0.0])  # row 1 of X is x
    assert repr(batch) == batch_output
    assert "is 2×3, exactly the shape of W" in texts(at)


def test_activation_change_updates_the_outputs() -> None:
    at = page_test(SCRIPT, {"view": "layer"}).run()
    at.radio(key="act").set_value("sigmoid").run()
    code, _ = panels(at)[0]
    expected = 1 / (1 + np.exp(-np.array([2.7, -1.3])))
    np.testing.assert_allclose(run_snippet(code), expected)
    assert "(0, 1)" in texts(at)
    assert at.query_params["act"] == "sigmoid"


def test_weights_drive_edge_colour_and_width() -> None:
    query = {"view": "layer", "w": "3, -1", "x": "1, 1", "bias": "0", "target": "0"}
    at = page_test(SCRIPT, {**query, "batch": "1, 1"}).run()
    assert not at.exception
    assert not at.error
    fig = figures(at)[0]
    strong, weak = trace(fig, "W₁₁"), trace(fig, "W₁₂")
    assert strong["line"]["width"] > weak["line"]["width"]
    assert strong["line"]["color"] != weak["line"]["color"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("x", "1, 2", "W is 2×3, so it takes 3 inputs, but x has 2"),
        ("bias", "1, 2, 3", "the layer has 2 outputs, but b has 3"),
        ("batch", "1, 2; 3, 4", "X is 2×2 but W is 2×3"),
        ("target", "1", "the target t needs 2 numbers, not 1"),
    ],
)
def test_layer_shape_errors(key: str, value: str, message: str) -> None:
    at = page_test(SCRIPT, {"view": "layer"}).run()
    widget = at.text_area(key=key) if key == "batch" else at.text_input(key=key)
    widget.set_value(value).run()
    assert not at.exception
    assert message in errors(at)


# -- the transpose -------------------------------------------------------------------------


def test_transpose_view_is_notebook_cell_4() -> None:
    at = page_test(SCRIPT, {"view": "transpose"}).run()
    assert not at.exception
    assert not at.error
    code, output = panels(at)[0]
    assert output == "array([[1, 3],\n       [2, 4]])"  # Out[4]
    assert repr(run_snippet(code)) == output
    fig = figures(at)[0]
    entries = trace(fig, "entries")
    # Aᵀ on screen: the entry 2 (row 1 of A) now sits in row 2, column 1
    position = dict(
        zip(entries["text"], zip(entries["x"], entries["y"], strict=True), strict=True)
    )
    assert position["2"] == (0, 1)
    assert position["3"] == (1, 0)
    assert len(fig["frames"]) > 2
    assert "equal, entry for entry" in texts(at)


def test_transpose_of_a_rectangle_and_symmetry() -> None:
    at = page_test(SCRIPT, {"view": "transpose"}).run()
    at.text_area(key="t").set_value("1, 2, 3; 4, 5, 6").run()
    assert "**2×3 to 3×2**" in texts(at)
    assert "AB is not defined (A is 2×3, B is 2×2" in texts(at)
    at.text_area(key="t").set_value("4, 6; 6, 8").run()
    assert "**A is symmetric**" in texts(at)


def test_gradient_uses_the_current_numbers() -> None:
    at = page_test(SCRIPT, {"view": "transpose", "gx": "2, 5", "gd": "3, -1"}).run()
    assert not at.exception
    formulas = " ".join(x.value for x in at.latex)
    # δ xᵀ = [[6, 15], [-2, -5]]
    assert r"6 & 15 \\ -2 & -5" in formulas
    assert "Wᵀδ = (0, 2)" in texts(at)  # [[1, 3], [2, 4]] @ [3, -1]


def test_gradient_input_of_the_wrong_length() -> None:
    at = page_test(SCRIPT, {"view": "transpose"}).run()
    at.text_input(key="gx").set_value("1, 2, 3").run()
    assert not at.exception
    assert "x needs 2 numbers, not 3" in errors(at)
