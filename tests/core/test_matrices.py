"""core.matrices: notebook cells 3 and 4, products, maps of the plane, a layer, the transpose."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import matrices as mat
from tests.helpers import run_snippet

entries = st.floats(min_value=-100, max_value=100, allow_nan=False)
sides = st.integers(1, 6)


def arrays(rows: int, cols: int) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.float64, (rows, cols), elements=entries)


chained = st.tuples(sides, sides, sides).flatmap(
    lambda s: st.tuples(arrays(s[0], s[1]), arrays(s[1], s[2]))
)
layers = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
    lambda s: st.tuples(
        arrays(s[0], s[1]),
        hnp.arrays(np.float64, s[1], elements=entries),
        hnp.arrays(np.float64, s[0], elements=entries),
        st.sampled_from(list(mat.ACTIVATIONS)),
    )
)


# -- the notebook ---------------------------------------------------------------------


def test_notebook_cell_3() -> None:
    # In [3]: A_mat @ B_mat  ->  Out[3]: array([[26, 36], [46, 64]])
    product = mat.multiply_from_text("2, 3; 4, 5", "4, 6; 6, 8")
    np.testing.assert_array_equal(product.c, [[26, 36], [46, 64]])
    expected = "array([[26, 36],\n       [46, 64]])"
    assert repr(mat.product_code_result(product)) == expected
    assert repr(run_snippet(mat.product_code(product.a, product.b))) == expected


def test_notebook_cell_4() -> None:
    # In [4]: Danish.T  ->  Out[4]: array([[1, 3], [2, 4]])
    tr = mat.transpose_from_text("[[1, 2], [3, 4]]")
    np.testing.assert_array_equal(tr.result, [[1, 3], [2, 4]])
    expected = "array([[1, 3],\n       [2, 4]])"
    assert repr(mat.transpose_code_result(tr)) == expected
    assert repr(run_snippet(mat.transpose_code(tr.matrix))) == expected


# -- multiplication -------------------------------------------------------------------


def test_each_cell_is_a_row_times_a_column() -> None:
    product = mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    assert mat.cell_sum_text(product, 0, 0) == "2·4 + 3·6 = 26"
    assert mat.cell_sum_text(product, 1, 1) == "4·6 + 5·8 = 64"
    np.testing.assert_array_equal(mat.cell_terms(product, 1, 0), [16, 30])
    assert "C_{12}" in mat.cell_latex(product, 0, 1)


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
    result = run_snippet(mat.product_code(a, b))
    np.testing.assert_allclose(result, mat.product_code_result(product), rtol=1e-12)
    assert result.dtype == mat.product_code_result(product).dtype


def test_order_matters_for_the_notebook_matrices() -> None:
    comparison = mat.compare_orders(
        mat.matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
    )
    assert comparison.ba is not None
    np.testing.assert_array_equal(comparison.ba, [[32, 42], [44, 58]])
    assert "differ in 4 of 4 cells" in comparison.reason
    assert mat.order_code_result(comparison) == "A @ B != B @ A"


def test_matrices_that_commute_are_named_the_exception() -> None:
    comparison = mat.compare_orders(
        mat.matrix_product([[2, 0], [0, 3]], [[5, 0], [0, 7]])
    )
    assert "commute" in comparison.reason
    assert mat.order_code_result(comparison) == "A @ B == B @ A"


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
    assert run_snippet(mat.order_code(product.a, product.b)) == mat.order_code_result(
        comparison
    )


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


def test_columns_are_where_the_basis_vectors_land() -> None:
    pm = mat.plane_map([[2, -1], [0.5, 3]])
    i_hat, j_hat = pm.columns
    np.testing.assert_array_equal(pm.matrix @ [1, 0], i_hat)
    np.testing.assert_array_equal(pm.matrix @ [0, 1], j_hat)
    assert "**(2, 0.5)**" in mat.describe_map(pm)


def test_the_determinant_is_the_area_of_the_image_of_the_unit_square() -> None:
    pm = mat.plane_map([[3, 1], [1, 2]])
    corners = pm.matrix @ np.array([[0, 1, 1, 0], [0, 0, 1, 1]])
    x, y = corners
    shoelace = 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    assert pm.determinant == pytest.approx(shoelace) == 5


def test_a_flip_and_a_collapse_are_said() -> None:
    assert "flipped over" in mat.describe_map(mat.plane_map([[0, 1], [1, 0]]))
    assert "collapses onto a line" in mat.describe_map(mat.plane_map([[1, 2], [2, 4]]))
    zero = mat.plane_map([[0, 0], [0, 0]])
    assert zero.kind == "point"
    assert "collapses to a point" in mat.describe_map(zero)


def test_composition_is_first_b_then_a() -> None:
    a = mat.plane_map([[0, -1], [1, 0]])  # turn 90°
    b = mat.plane_map([[1, 1], [0, 1]])  # shear
    ab = mat.compose(b, a)
    np.testing.assert_array_equal(ab.matrix, a.matrix @ b.matrix)
    v = np.array([2.0, 3.0])
    np.testing.assert_array_equal(ab.matrix @ v, a.matrix @ (b.matrix @ v))
    assert ab.determinant == a.determinant * b.determinant
    assert "det(AB)" in mat.compose_latex(a, b, ab)


def test_only_2_by_2_matrices_act_on_the_plane() -> None:
    with pytest.raises(ValueError, match="must be 2×2"):
        mat.plane_map([[1, 2, 3], [4, 5, 6]])


@pytest.mark.parametrize("matrix", [[[2, 3], [4, 5]], [[0.5, 1], [2, 0.25]]])
def test_map_code_gives_the_determinant(matrix: list[list[float]]) -> None:
    pm = mat.plane_map(matrix)
    result = run_snippet(mat.map_code(pm.matrix))
    assert result == mat.map_code_result(pm) == pm.determinant
    assert type(result) is type(mat.map_code_result(pm))


# -- one dense layer ----------------------------------------------------------------------


def test_hand_checked_layer() -> None:
    layer = mat.layer_from_text(
        "0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1", "relu"
    )
    np.testing.assert_allclose(layer.z, [2.7, -1.3])
    np.testing.assert_allclose(layer.y, [2.7, 0.0])
    assert "1 of 2 outputs are switched off" in mat.describe_layer(layer)


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


@settings(deadline=None)  # the machine is shared: time is not the point
@given(layers)
def test_the_layer_is_a_matrix_product(case: tuple) -> None:
    w, x, b, activation = case
    layer = mat.dense_layer(w, x, b, activation)
    loops = [
        sum(w[i, j] * x[j] for j in range(w.shape[1])) + b[i] for i in range(w.shape[0])
    ]
    np.testing.assert_allclose(layer.z, loops, rtol=1e-12, atol=1e-9)
    result = run_snippet(mat.layer_code(layer))
    np.testing.assert_allclose(
        result, mat.layer_code_result(layer), rtol=1e-9, atol=1e-12
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
    result = run_snippet(mat.batch_code(batch))
    np.testing.assert_allclose(
        result, mat.batch_code_result(batch), rtol=1e-9, atol=1e-12
    )


def test_layer_code_keeps_integers_like_numpy() -> None:
    layer = mat.dense_layer([[2, 3], [4, 5]], [1, 2], [0, 1], "relu")
    assert repr(run_snippet(mat.layer_code(layer))) == repr(
        mat.layer_code_result(layer)
    )
    assert repr(mat.layer_code_result(layer)) == "array([ 8, 15])"


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


def test_hand_checked_gradient() -> None:
    layer = mat.layer_from_text(
        "0.2, -0.5, 1; 1.5, 0.3, -0.8", "1, 2, 3", "0.5, -1", "relu"
    )
    grad = mat.gradient_from_text(layer, "1, 0")
    np.testing.assert_allclose(
        grad.delta, [1.7, 0.0]
    )  # the switched-off unit gets none
    np.testing.assert_allclose(grad.grad_weights, [[1.7, 3.4, 5.1], [0, 0, 0]])
    assert "is 2×3, exactly the shape of W" in mat.describe_gradient(grad)
    with pytest.raises(ValueError, match="the target t needs 2 numbers, not 3"):
        mat.gradient_from_text(layer, "1, 2, 3")


# -- the transpose ------------------------------------------------------------------------


def test_shape_and_symmetry() -> None:
    tr = mat.transpose([[1, 2, 3], [4, 5, 6]])
    assert tr.result.shape == (3, 2)
    assert not tr.symmetric
    assert "**2×3 to 3×2**" in mat.describe_transpose(tr)
    sym = mat.transpose([[4, 6], [6, 8]])
    assert sym.symmetric
    assert "**A is symmetric**" in mat.describe_transpose(sym)


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
