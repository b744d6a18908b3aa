"""core.matrices: notebook cells 3 and 4, products, maps of the plane, a layer, the transpose."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import matrices as mat
from tests.cases import chained, entries, layers

# -- the notebook ---------------------------------------------------------------------


# -- multiplication -------------------------------------------------------------------


def test_shapes_and_cells_of_a_rectangular_product() -> None:
    product = mat.multiply_from_text("1, 2, 3; 4, 5, 6", "1; 0; -1")
    assert product.shapes == "(2×3)·(3×1) → (2×1)"
    assert product.cells == 2
    np.testing.assert_array_equal(product.c, [[-2], [-2]])
    assert mat.cell_sum_text(product, 1, 0) == "4·1 + 5·0 + 6·(-1) = -2"
    assert [product.cell_index(s) for s in (1, 2, 99, 0)] == [
        (0, 0),
        (1, 0),
        (1, 0),
        (0, 0),
    ]


def test_a_shape_mismatch_names_both_shapes() -> None:
    with pytest.raises(ValueError, match=r"^A is 2×3 and B is 2×2: A @ B needs"):
        mat.multiply_from_text("1, 2, 3; 4, 5, 6", "1, 2; 3, 4")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1, 2; 3", "A: every row needs the same number of entries"),
        ("1, 2; 3, x", "'x' is not a number"),
        ("1, nan", "not allowed"),
        ("", "A is empty"),
        ("; ".join(["1"] * 7), "A has 7 rows"),
        ("1, 2e7", "A has an entry of 20000000 in size"),
    ],
)
def test_bad_matrix_text(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mat.multiply_from_text(text, "1")


def test_resize_pads_with_zeros_and_cuts() -> None:
    np.testing.assert_array_equal(
        mat.resize_matrix([[1, 2], [3, 4]], 3, 1), [[1], [3], [0]]
    )


# -- a 2×2 matrix as a map of the plane ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "det", "kind"),
    [
        ("identity", 1.0, "invertible"),
        ("rotation", 1.0, "invertible"),
        ("scaling", 1.0, "invertible"),
        ("shear", 1.0, "invertible"),
        ("reflection", -1.0, "invertible"),
        ("projection", 0.0, "line"),
        ("singular", 0.0, "line"),
    ],
)
def test_presets(name: str, det: float, kind: str) -> None:
    matrix, _ = mat.PLANE_PRESETS[name]
    pm = mat.plane_map(matrix)
    assert pm.determinant == det
    assert pm.kind == kind
    assert pm.determinant == pytest.approx(float(np.linalg.det(pm.matrix)), abs=1e-12)


def test_the_determinant_is_the_area_of_the_image_of_the_unit_square() -> None:
    pm = mat.plane_map([[3, 1], [1, 2]])
    corners = pm.matrix @ np.array([[0, 1, 1, 0], [0, 0, 1, 1]])
    x, y = corners
    shoelace = 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    assert pm.determinant == pytest.approx(shoelace) == 5


def test_only_2_by_2_matrices_act_on_the_plane() -> None:
    with pytest.raises(ValueError, match="must be 2×2"):
        mat.plane_map([[1, 2, 3], [4, 5, 6]])


# -- one dense layer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("activation", "expected"),
    [
        ("identity", [-2.0, 0.0, 3.0]),
        ("relu", [0.0, 0.0, 3.0]),
        ("sigmoid", [1 / (1 + np.exp(2)), 0.5, 1 / (1 + np.exp(-3))]),
        ("tanh", np.tanh([-2.0, 0.0, 3.0])),
    ],
)
def test_activations(activation: str, expected: list[float]) -> None:
    np.testing.assert_allclose(mat.activate([-2.0, 0.0, 3.0], activation), expected)


@pytest.mark.parametrize("activation", list(mat.ACTIVATIONS))
def test_each_derivative_matches_finite_differences(activation: str) -> None:
    z = np.array([-2.3, -0.4, 0.7, 1.9])
    h = 1e-6
    numeric = (mat.activate(z + h, activation) - mat.activate(z - h, activation)) / (
        2 * h
    )
    np.testing.assert_allclose(mat.activation_grad(z, activation), numeric, atol=1e-6)


def test_sigmoid_never_overflows() -> None:
    # RuntimeWarning is an error in this suite: 1/(1+exp(1e6)) written naively would warn.
    np.testing.assert_allclose(mat.activate([-1e6, 1e6], "sigmoid"), [0.0, 1.0])


@pytest.mark.parametrize(
    ("w", "x", "b", "message"),
    [
        (
            "1, 2; 3, 4",
            "1, 2, 3",
            "1, 2",
            "W is 2×2, so it takes 2 inputs, but x has 3",
        ),
        ("1, 2; 3, 4", "1, 2", "1", "the layer has 2 outputs, but b has 1"),
        ("1, 2; 3", "1, 2", "1, 2", "every row needs the same number"),
    ],
)
def test_layer_shape_errors(w: str, x: str, b: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mat.layer_from_text(w, x, b, "relu")


def test_batch_shape_error_names_both_shapes() -> None:
    layer = mat.dense_layer([[1, 2, 3]], [1, 1, 1], [0], "identity")
    with pytest.raises(ValueError, match="X is 2×2 but W is 1×3"):
        mat.batch_from_text(layer, "1, 2; 3, 4")


def test_unknown_activation() -> None:
    with pytest.raises(ValueError, match="must be one of identity, relu"):
        mat.dense_layer([[1]], [1], [0], "softmax")


@settings(deadline=None)  # the machine is shared: time is not the point
@given(layers, st.data())
def test_gradient_matches_finite_differences(case: tuple, data: st.DataObject) -> None:
    w, x, b, activation = case
    w, x, b = (
        w / 50,
        x / 50,
        b / 50,
    )  # keep z where ReLU's kink and tanh's flat ends are rare
    target = data.draw(hnp.arrays(np.float64, w.shape[0], elements=entries)) / 50
    grad = mat.layer_gradient(mat.dense_layer(w, x, b, activation), target)
    assert grad.grad_weights.shape == w.shape
    h = 1e-6
    i, j = (
        data.draw(st.integers(0, w.shape[0] - 1)),
        data.draw(st.integers(0, w.shape[1] - 1)),
    )

    def loss(weights: np.ndarray) -> float:
        return mat.layer_gradient(
            mat.dense_layer(weights, x, b, activation), target
        ).loss

    z = w @ x + b
    if activation == "relu" and np.any(np.abs(z) < 1e-4):
        return  # the derivative is not defined at the kink
    up, down = w.copy(), w.copy()
    up[i, j] += h
    down[i, j] -= h
    numeric = (loss(up) - loss(down)) / (2 * h)
    assert grad.grad_weights[i, j] == pytest.approx(numeric, rel=1e-4, abs=1e-6)
    np.testing.assert_allclose(grad.grad_weights, np.outer(grad.delta, x))
    np.testing.assert_allclose(grad.grad_x, w.T @ grad.delta)


# -- the transpose ------------------------------------------------------------------------


@settings(deadline=None)  # the machine is shared: time is not the point
@given(chained)
def test_transposing_a_product_reverses_the_order(
    pair: tuple[np.ndarray, np.ndarray],
) -> None:
    a, b = pair
    rule = mat.check_transpose_rule(a, b)
    assert rule.holds
    assert rule.ab_t is not None
    np.testing.assert_allclose(rule.ab_t, (a @ b).T)


def test_the_rule_needs_a_product_that_exists() -> None:
    rule = mat.check_transpose_rule([[1, 2, 3]], [[1, 2]])
    assert not rule.holds
    assert rule.ab_t is None
    assert "AB is not defined (A is 1×3, B is 1×2" in rule.message


@settings(deadline=None)  # the machine is shared: time is not the point
@given(st.integers(1, 6), st.integers(1, 6))
def test_the_reflection_starts_at_a_and_ends_at_its_transpose(
    rows: int, cols: int
) -> None:
    x0, y0 = mat.reflection_path(rows, cols, 0.0)
    x1, y1 = mat.reflection_path(rows, cols, 1.0)
    i, j = np.divmod(np.arange(rows * cols), cols)
    np.testing.assert_allclose((x0, y0), (j, i), atol=1e-12)
    np.testing.assert_allclose((x1, y1), (i, j), atol=1e-12)
    xm, ym = mat.reflection_path(rows, cols, 0.5)
    np.testing.assert_allclose(
        xm, ym, atol=1e-12
    )  # half-way, every entry is on the diagonal


def test_gradient_inputs_default_and_typed() -> None:
    weights = np.ones((2, 3))
    x, delta = mat.gradient_inputs(weights, "", " ")
    np.testing.assert_array_equal(x, [1, 2, 3])
    np.testing.assert_array_equal(delta, [1, -1])
    with pytest.raises(ValueError, match="x needs 3 numbers, not 2"):
        mat.gradient_inputs(weights, "1, 2", "")
    with pytest.raises(ValueError, match="δ needs 2 numbers, not 1"):
        mat.gradient_inputs(weights, "", "5")


# -- results carry their inputs as a cache key; the page's maths lives here --------------


def test_results_have_hashable_keys_that_follow_their_inputs() -> None:
    one = mat.multiply_from_text("2, 3; 4, 5", "4, 6; 6, 8")
    same = mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    other = mat.multiply_from_text("2, 3; 4, 5", "4, 6; 6, 9")
    assert hash(one.key) == hash(same.key)
    assert one.key == same.key != other.key
    # the same numbers in another shape are another matrix
    assert mat.transpose([[1, 2]]).key != mat.transpose([[1], [2]]).key
    layer = mat.dense_layer([[1, 2]], [1, 1], [0], "relu")
    assert layer.key != mat.dense_layer([[1, 2]], [1, 1], [0], "tanh").key
    assert hash(mat.dense_batch(layer, [[1, 1]]).key)


def test_a_warp_is_a_or_first_b_then_a() -> None:
    a = mat.plane_map([[2, 0], [0, 1]])
    b = mat.plane_map_from_text("0, -1; 1, 0", "B")
    assert mat.plane_warp(a).result is a
    ab = mat.plane_warp(a, b)
    np.testing.assert_array_equal(ab.result.matrix, a.matrix @ b.matrix)
    assert ab.key != mat.plane_warp(a).key


def test_the_warp_path_starts_at_the_identity_and_passes_through_b() -> None:
    a = mat.plane_map([[2, 0], [0, 1]])
    b = mat.plane_map([[0, -1], [1, 0]])
    path = mat.warp_path(mat.plane_warp(a, b), 5)
    assert len(path) == 5 + 4
    np.testing.assert_array_equal(path[0].matrix, np.eye(2))
    np.testing.assert_array_equal(path[4].matrix, b.matrix)
    np.testing.assert_array_equal(path[-1].matrix, a.matrix @ b.matrix)


def test_the_weight_gradient_is_delta_x_transposed_and_w_transposed_delta() -> None:
    weights = np.array([[1.0, 2.0], [3.0, 4.0]])
    grad = mat.weight_gradient_from_text(weights, "2, 5", "3, -1")
    np.testing.assert_array_equal(grad.grad_weights, [[6, 15], [-2, -5]])
    np.testing.assert_array_equal(grad.grad_x, weights.T @ [3, -1])
    assert grad.grad_weights.shape == weights.shape
    blank = mat.weight_gradient_from_text(weights, "", "")
    np.testing.assert_array_equal(blank.x, [1, 2])
    np.testing.assert_array_equal(blank.delta, [1, -1])
    with pytest.raises(ValueError, match="so δ needs 2 numbers and x 2, not 1 and 2"):
        mat.weight_gradient(weights, [1, 2], [1])


def test_the_rule_reads_b_as_typed() -> None:
    assert mat.rule_from_text([[1, 2], [3, 4]], "5, 6; 7, 8").holds
    with pytest.raises(ValueError, match="B: every row needs the same number"):
        mat.rule_from_text([[1, 2]], "1, 2; 3")


def test_orders_are_the_same_only_when_they_commute() -> None:
    assert mat.compare_orders(
        mat.matrix_product([[2, 0], [0, 3]], [[5, 0], [0, 7]])
    ).same
    assert not mat.compare_orders(mat.multiply_from_text("1, 2, 3", "1; 2; 3")).same


def test_notation() -> None:
    assert mat.factor_text(-2.5) == "(-2.5)"
    assert mat.factor_text(3) == "3"
    assert mat.subscript(12) == "₁₂"
    assert mat.shape_text((3, 1)) == "3×1"
