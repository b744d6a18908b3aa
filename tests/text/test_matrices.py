"""text.matrices: the code panels reproduce the page's numbers; formulas and sentences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import matrices as mat
from tests.cases import arrays, chained, layers
from tests.helpers import run_snippet
from text import matrices as txt


def test_notebook_cell_3() -> None:
    # In [3]: A_mat @ B_mat  ->  Out[3]: array([[26, 36], [46, 64]])
    product = mat.multiply_from_text("2, 3; 4, 5", "4, 6; 6, 8")
    np.testing.assert_array_equal(product.c, [[26, 36], [46, 64]])
    expected = "array([[26, 36],\n       [46, 64]])"
    assert repr(txt.product_code_result(product)) == expected
    assert repr(run_snippet(txt.product_code(product.a, product.b))) == expected


def test_notebook_cell_4() -> None:
    # In [4]: Danish.T  ->  Out[4]: array([[1, 3], [2, 4]])
    tr = mat.transpose_from_text("[[1, 2], [3, 4]]")
    np.testing.assert_array_equal(tr.result, [[1, 3], [2, 4]])
    expected = "array([[1, 3],\n       [2, 4]])"
    assert repr(txt.transpose_code_result(tr)) == expected
    assert repr(run_snippet(txt.transpose_code(tr.matrix))) == expected


def test_each_cell_is_a_row_times_a_column() -> None:
    product = mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    assert mat.cell_sum_text(product, 0, 0) == "2·4 + 3·6 = 26"
    assert mat.cell_sum_text(product, 1, 1) == "4·6 + 5·8 = 64"
    np.testing.assert_array_equal(mat.cell_terms(product, 1, 0), [16, 30])
    assert "C_{12}" in txt.cell_latex(product, 0, 1)


@settings(deadline=None)  # the machine is shared: time is not the point
@given(chained)
def test_product_matches_the_definition(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    product = mat.matrix_product(a, b)
    m, n = a.shape
    p = b.shape[1]
    loops = np.array(
        [[sum(a[i, k] * b[k, j] for k in range(n)) for j in range(p)] for i in range(m)]
    )
    np.testing.assert_allclose(product.c, loops, rtol=1e-12, atol=1e-9)
    result = run_snippet(txt.product_code(a, b))
    np.testing.assert_allclose(result, txt.product_code_result(product), rtol=1e-12)
    assert result.dtype == txt.product_code_result(product).dtype


def test_order_matters_for_the_notebook_matrices() -> None:
    comparison = mat.compare_orders(
        mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    )
    assert comparison.ba is not None
    np.testing.assert_array_equal(comparison.ba, [[32, 42], [44, 58]])
    assert "differ in 4 of 4 cells" in comparison.reason
    assert txt.order_code_result(comparison) == "A @ B != B @ A"


def test_matrices_that_commute_are_named_the_exception() -> None:
    comparison = mat.compare_orders(
        mat.matrix_product([[2, 0], [0, 3]], [[5, 0], [0, 7]])
    )
    assert "commute" in comparison.reason
    assert txt.order_code_result(comparison) == "A @ B == B @ A"


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("1, 2, 3", "1; 2; 3", "not even the same shape"),  # 1×3 · 3×1
        ("1, 2, 3; 4, 5, 6", "1; 2; 3", "B @ A does not exist"),  # 2×3 · 3×1
    ],
)
def test_swapping_can_change_the_shape_or_be_impossible(
    a: str, b: str, words: str
) -> None:
    product = mat.multiply_from_text(a, b)
    comparison = mat.compare_orders(product)
    assert words in comparison.reason
    assert run_snippet(txt.order_code(product.a, product.b)) == txt.order_code_result(
        comparison
    )


def test_columns_are_where_the_basis_vectors_land() -> None:
    pm = mat.plane_map([[2, -1], [0.5, 3]])
    i_hat, j_hat = pm.columns
    np.testing.assert_array_equal(pm.matrix @ [1, 0], i_hat)
    np.testing.assert_array_equal(pm.matrix @ [0, 1], j_hat)
    assert "**(2, 0.5)**" in txt.describe_map(pm)


def test_a_flip_and_a_collapse_are_said() -> None:
    assert "flipped over" in txt.describe_map(mat.plane_map([[0, 1], [1, 0]]))
    assert "collapses onto a line" in txt.describe_map(mat.plane_map([[1, 2], [2, 4]]))
    zero = mat.plane_map([[0, 0], [0, 0]])
    assert zero.kind == "point"
    assert "collapses to a point" in txt.describe_map(zero)


def test_composition_is_first_b_then_a() -> None:
    a = mat.plane_map([[0, -1], [1, 0]])  # turn 90°
    b = mat.plane_map([[1, 1], [0, 1]])  # shear
    ab = mat.compose(b, a)
    np.testing.assert_array_equal(ab.matrix, a.matrix @ b.matrix)
    v = np.array([2.0, 3.0])
    np.testing.assert_array_equal(ab.matrix @ v, a.matrix @ (b.matrix @ v))
    assert ab.determinant == a.determinant * b.determinant
    assert "det(AB)" in txt.compose_latex(a, b, ab)


@pytest.mark.parametrize("matrix", [[[2, 3], [4, 5]], [[0.5, 1], [2, 0.25]]])
def test_map_code_gives_the_determinant(matrix: list[list[float]]) -> None:
    pm = mat.plane_map(matrix)
    result = run_snippet(txt.map_code(pm.matrix))
    assert result == txt.map_code_result(pm) == pm.determinant
    assert type(result) is type(txt.map_code_result(pm))


def test_hand_checked_layer() -> None:
    layer = mat.layer_from_text(
        "0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1", "relu"
    )
    np.testing.assert_allclose(layer.z, [2.7, -1.3])
    np.testing.assert_allclose(layer.y, [2.7, 0.0])
    assert "1 of 2 outputs are switched off" in txt.describe_layer(layer)


@settings(deadline=None)  # the machine is shared: time is not the point
@given(layers)
def test_the_layer_is_a_matrix_product(case: tuple) -> None:
    w, x, b, activation = case
    layer = mat.dense_layer(w, x, b, activation)
    loops = [
        sum(w[i, j] * x[j] for j in range(w.shape[1])) + b[i] for i in range(w.shape[0])
    ]
    np.testing.assert_allclose(layer.z, loops, rtol=1e-12, atol=1e-9)
    result = run_snippet(txt.layer_code(layer))
    np.testing.assert_allclose(
        result, txt.layer_code_result(layer), rtol=1e-9, atol=1e-12
    )


@settings(deadline=None)  # the machine is shared: time is not the point
@given(layers, st.integers(1, 6), st.data())
def test_a_batch_is_every_row_through_the_layer(
    case: tuple, rows: int, data: st.DataObject
) -> None:
    w, x, b, activation = case
    layer = mat.dense_layer(w, x, b, activation)
    inputs = data.draw(arrays(rows, w.shape[1]))
    batch = mat.dense_batch(layer, inputs)
    for row, outputs in zip(inputs, batch.y, strict=True):
        np.testing.assert_allclose(
            outputs, mat.dense_layer(w, row, b, activation).y, rtol=1e-9, atol=1e-9
        )
    result = run_snippet(txt.batch_code(batch))
    np.testing.assert_allclose(
        result, txt.batch_code_result(batch), rtol=1e-9, atol=1e-12
    )


def test_layer_code_keeps_integers_like_numpy() -> None:
    layer = mat.dense_layer([[2, 3], [4, 5]], [1, 2], [0, 1], "relu")
    assert repr(run_snippet(txt.layer_code(layer))) == repr(
        txt.layer_code_result(layer)
    )
    assert repr(txt.layer_code_result(layer)) == "array([ 8, 15])"


def test_hand_checked_gradient() -> None:
    layer = mat.layer_from_text(
        "0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1", "relu"
    )
    grad = mat.gradient_from_text(layer, "1, 0")
    np.testing.assert_allclose(
        grad.delta, [1.7, 0.0]
    )  # the switched-off unit gets none
    np.testing.assert_allclose(grad.grad_weights, [[1.7, 3.4, 5.1], [0, 0, 0]])
    assert "is 2×3, exactly the shape of W" in txt.describe_gradient(grad)
    with pytest.raises(ValueError, match="the target t needs 2 numbers, not 3"):
        mat.gradient_from_text(layer, "1, 2, 3")


def test_shape_and_symmetry() -> None:
    tr = mat.transpose([[1, 2, 3], [4, 5, 6]])
    assert tr.result.shape == (3, 2)
    assert not tr.symmetric
    assert "**2×3 to 3×2**" in txt.describe_transpose(tr)
    sym = mat.transpose([[4, 6], [6, 8]])
    assert sym.symmetric
    assert "**A is symmetric**" in txt.describe_transpose(sym)


# -- the page's sentences, formulas and headings --------------------------------------


def test_the_warp_is_said_as_a_or_as_first_b_then_a() -> None:
    a = mat.plane_map([[2, 1], [0.5, 1.5]])
    alone = mat.plane_warp(a)
    assert txt.describe_warp(alone) == txt.describe_map(a)
    assert txt.warp_latex(alone) == txt.map_latex(a)
    b = mat.plane_map([[0, -1], [1, 0]])
    both = mat.plane_warp(a, b)
    assert txt.describe_warp(both).startswith("**AB means first B, then A**")
    assert "land on the columns of AB" in txt.describe_warp(both)
    assert r"\det(AB)" in txt.warp_latex(both)


def test_order_latex_shows_ba_only_when_it_exists() -> None:
    square = mat.compare_orders(mat.multiply_from_text("1, 2; 3, 4", "0, 1; 1, 0"))
    assert "BA =" in txt.order_latex(square)
    missing = mat.compare_orders(mat.multiply_from_text("1, 2, 3; 4, 5, 6", "1; 2; 3"))
    assert "BA" not in txt.order_latex(missing)


def test_the_batch_is_said_with_its_shapes_and_outputs() -> None:
    layer = mat.layer_from_text(
        "0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1", "relu"
    )
    batch = mat.batch_from_text(layer, "1, 2, 3; 0, 1, -1; 2, 0, 1")
    words = txt.describe_batch(batch)
    assert "X holds 3 examples" in words
    assert "its transpose Wᵀ is 3×2 and X @ Wᵀ is 3×2" in words
    assert txt.describe_batch_outputs(batch).startswith(
        "The layer's outputs for each example of the batch: 2.7, 0; "
    )


def test_the_weight_gradient_is_said_with_the_error_sent_back() -> None:
    grad = mat.weight_gradient([[1, 2], [3, 4]], [2, 5], [3, -1])
    assert "Wᵀδ = (0, 2)" in txt.describe_weight_gradient(grad)
    assert "**δ xᵀ is 2×2, the shape of W**" in txt.describe_weight_gradient(grad)
    assert r"6 & 15 \\ -2 & -5" in txt.weight_gradient_latex(grad)


def test_shapes_line_and_clamped_cell_note() -> None:
    product = mat.multiply_from_text("1, 2, 3; 4, 5, 6", "1; 0; -1")
    assert txt.shapes_line(product) == "**Shapes:** (2×3)·(3×1) → (2×1)"
    assert txt.clamped_cell_note(product) == "C has only 2 cells: showing the last one."
