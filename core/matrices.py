"""Matrices: multiplication cell by cell, a 2×2 matrix as a warp of the plane,
one dense layer of a neural network, and the transpose.

Notebook cells 3 and 4::

    A_mat = np.array([[2, 3], [4, 5]])
    B_mat = np.array([[4, 6], [6, 8]])
    A_mat @ B_mat                 # array([[26, 36], [46, 64]])

    Danish = np.array([[1, 2], [3, 4]])
    Danish.T                      # array([[1, 3], [2, 4]])

Examples
--------
>>> product = matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
>>> product.c.tolist()
[[26.0, 36.0], [46.0, 64.0]]
>>> cell_sum_text(product, 0, 1)
'2·6 + 3·8 = 36'
>>> transpose([[1, 2], [3, 4]]).result.tolist()
[[1.0, 3.0], [2.0, 4.0]]
>>> plane_map([[2, 0], [0, 3]]).determinant
6.0
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.parsing import (
    MAX_MATRIX_SIDE,
    as_finite_array,
    code_literal,
    format_number,
    parse_matrix,
    parse_vector,
)
from core.vectors import check_entries, is_whole

# -- validation ----------------------------------------------------------------------------


def check_matrix(
    values: Any, name: str, *, max_side: int = MAX_MATRIX_SIDE
) -> np.ndarray:
    """Return ``values`` as a finite float matrix with at most ``max_side`` rows and columns."""
    matrix = as_finite_array(values, name, ndim=2)
    rows, cols = matrix.shape
    if rows > max_side or cols > max_side:
        raise ValueError(
            f"{name} is {shape_text(matrix.shape)}; the most this page takes is "
            f"{max_side}×{max_side}."
        )
    check_entries(matrix, name)
    return matrix


def matrix_from_text(text: str, name: str) -> np.ndarray:
    """Read a matrix typed by a learner (``"2, 3; 4, 5"`` or ``"[[2, 3], [4, 5]]"``)."""
    return check_matrix(parse_matrix(text, name), name)


def vector_from_text(text: str, name: str) -> np.ndarray:
    """Read a vector typed by a learner (``"1, 2, 3"``), at most 6 numbers."""
    vector = parse_vector(text, name, max_length=MAX_MATRIX_SIDE)
    check_entries(vector, name)
    return vector


def validate_matrix_text(text: str) -> np.ndarray:
    """Check a matrix written in a link (decides whether a URL value is kept)."""
    return matrix_from_text(text, "the matrix")


def validate_vector_text(text: str) -> np.ndarray:
    """Check a vector written in a link (decides whether a URL value is kept)."""
    return vector_from_text(text, "the vector")


def shape_text(shape: tuple[int, ...]) -> str:
    """``(2, 3) -> "2×3"``."""
    return "×".join(str(n) for n in shape)


def resize_matrix(matrix: Any, rows: int, cols: int) -> np.ndarray:
    """``matrix`` cut or padded with zeros to ``rows × cols`` (for the size pickers)."""
    source = np.atleast_2d(np.asarray(matrix, dtype=float))
    out = np.zeros((rows, cols))
    keep_r, keep_c = min(rows, source.shape[0]), min(cols, source.shape[1])
    out[:keep_r, :keep_c] = source[:keep_r, :keep_c]
    return out


def _n(value: float, digits: int = 4) -> str:
    return format_number(value, digits)


def _factor(value: float) -> str:
    text = _n(value)
    return f"({text})" if value < 0 else text


def _array(values: Any) -> str:
    return f"np.array({code_literal(values)})"


def numpy_like(values: np.ndarray, *inputs: np.ndarray) -> np.ndarray:
    """``values`` with the dtype NumPy would give for code built from ``inputs``.

    The code panel writes whole numbers as ``2`` (not ``2.0``), so NumPy keeps
    integer arrays and prints ``array([[26, 36], [46, 64]])`` like the notebook.
    Entries are at most 10⁶ and sides at most 6, so int64 never overflows.
    """
    if all(is_whole(array) for array in inputs):
        return np.rint(values).astype(np.int64)
    return values


def bmatrix(matrix: Any, digits: int = 4) -> str:
    """A matrix (or a vector, as a column) in LaTeX."""
    array = np.asarray(matrix, dtype=float)
    if array.ndim == 1:
        array = array[:, None]
    rows = [" & ".join(_n(v, digits) for v in row) for row in array]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


# -- matrix multiplication ---------------------------------------------------------------


@dataclass(frozen=True)
class MatrixProduct:
    """``C = A @ B`` with ``A`` of shape (m, n), ``B`` of shape (n, p), ``C`` (m, p)."""

    a: np.ndarray
    b: np.ndarray
    c: np.ndarray

    @property
    def shapes(self) -> str:
        """``(2×3)·(3×2) → (2×2)``."""
        return (
            f"({shape_text(self.a.shape)})·({shape_text(self.b.shape)}) → "
            f"({shape_text(self.c.shape)})"
        )

    @property
    def cells(self) -> int:
        return int(self.c.size)

    def cell_index(self, step: int) -> tuple[int, int]:
        """Row and column of the ``step``-th cell (1-based, row by row), clamped."""
        step = min(max(int(step), 1), self.cells)
        return divmod(step - 1, self.c.shape[1])


def matrix_product(
    a: Any, b: Any, names: tuple[str, str] = ("A", "B")
) -> MatrixProduct:
    """The product ``C = A B``, where ``C[i, j] = Σₖ A[i, k]·B[k, j]``.

    Parameters
    ----------
    a : array_like of shape (m, n)
    b : array_like of shape (n, p)
        The number of columns of ``a`` must equal the number of rows of ``b``.

    Returns
    -------
    MatrixProduct with ``c`` of shape (m, p).

    Examples
    --------
    >>> matrix_product([[1, 2]], [[3], [4]]).c.tolist()
    [[11.0]]
    """
    name_a, name_b = names
    ma = check_matrix(a, name_a)
    mb = check_matrix(b, name_b)
    if ma.shape[1] != mb.shape[0]:
        raise ValueError(
            f"{name_a} is {shape_text(ma.shape)} and {name_b} is "
            f"{shape_text(mb.shape)}: {name_a} @ {name_b} needs as many columns in "
            f"{name_a} ({ma.shape[1]}) as rows in {name_b} ({mb.shape[0]}), because "
            f"each row of {name_a} is paired term by term with each column of "
            f"{name_b}."
        )
    return MatrixProduct(ma, mb, ma @ mb)


def multiply_from_text(a: str, b: str) -> MatrixProduct:
    """Read ``A`` and ``B`` as typed and multiply them."""
    return matrix_product(matrix_from_text(a, "A"), matrix_from_text(b, "B"))


def cell_terms(product: MatrixProduct, i: int, j: int) -> np.ndarray:
    """The terms ``A[i, k]·B[k, j]`` whose sum is ``C[i, j]``, shape (n,)."""
    return product.a[i, :] * product.b[:, j]


def cell_sum_text(product: MatrixProduct, i: int, j: int) -> str:
    """``2·6 + 3·8 = 36``: one cell of the product written out."""
    pairs = [
        f"{_factor(x)}·{_factor(y)}"
        for x, y in zip(product.a[i, :], product.b[:, j], strict=True)
    ]
    return " + ".join(pairs) + f" = {_n(product.c[i, j], 6)}"


def cell_latex(product: MatrixProduct, i: int, j: int) -> str:
    """``C_{12} = (\\text{row 1 of } A)\\cdot(\\text{column 2 of } B) = 2·6 + 3·8 = 36``."""
    pairs = [
        rf"{_factor(x)}\cdot{_factor(y)}"
        for x, y in zip(product.a[i, :], product.b[:, j], strict=True)
    ]
    return (
        rf"C_{{{i + 1}{j + 1}}} = \text{{row {i + 1} of }}A \cdot "
        rf"\text{{column {j + 1} of }}B = "
        + " + ".join(pairs)
        + rf" = {_n(product.c[i, j], 6)}"
    )


def product_latex(product: MatrixProduct) -> str:
    """``A B = [..][..] = [..]`` with the shapes underneath."""
    return (
        rf"\underset{{{shape_text(product.a.shape)}}}{{A}}\;"
        rf"\underset{{{shape_text(product.b.shape)}}}{{B}} = "
        rf"{bmatrix(product.a)}{bmatrix(product.b)} = "
        rf"\underset{{{shape_text(product.c.shape)}}}{{{bmatrix(product.c)}}}"
    )


def describe_product(product: MatrixProduct, i: int, j: int) -> str:
    """What the highlighted cell is, and the shape rule, in words."""
    m, n = product.a.shape
    p = product.b.shape[1]
    return (
        f"Shapes {product.shapes}: the inner sizes ({n} and {n}) match and "
        f"disappear; the outer sizes give C {m} rows and {p} columns. The highlighted "
        f"cell **C{_sub(i + 1)}{_sub(j + 1)} = {cell_sum_text(product, i, j)}** is row "
        f"{i + 1} of A times column {j + 1} of B, term by term — a dot product. "
        f"Each of the {product.cells} cells of C is one such dot product."
    )


def _sub(index: int) -> str:
    return str(index).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@dataclass(frozen=True)
class OrderComparison:
    """``A @ B`` next to ``B @ A``: ``ba`` is ``None`` when the shapes do not allow it."""

    ab: np.ndarray
    ba: np.ndarray | None
    reason: str


def compare_orders(product: MatrixProduct) -> OrderComparison:
    """Compute ``B @ A`` when it exists and say how it compares with ``A @ B``."""
    a, b, ab = product.a, product.b, product.c
    if b.shape[1] != a.shape[0]:
        return OrderComparison(
            ab,
            None,
            f"B @ A does not exist: B is {shape_text(b.shape)} and A is "
            f"{shape_text(a.shape)}, and B has {b.shape[1]} columns but A has "
            f"{a.shape[0]} rows. Order matters so much that swapping can make the "
            "product impossible.",
        )
    ba = b @ a
    if ba.shape != ab.shape:
        reason = (
            f"B @ A is {shape_text(ba.shape)} but A @ B is {shape_text(ab.shape)}: "
            "not even the same shape."
        )
    elif np.allclose(ab, ba, rtol=1e-12, atol=1e-12):
        reason = (
            "Here A @ B equals B @ A: these two matrices commute. That is the "
            "exception (the identity, diagonal matrices, a matrix and its powers), "
            "not the rule."
        )
    else:
        differ = int(np.sum(~np.isclose(ab, ba, rtol=1e-12, atol=1e-12)))
        reason = (
            f"A @ B and B @ A differ in {differ} of {ab.size} cells: matrix "
            "multiplication is not commutative, so the order of layers matters."
        )
    return OrderComparison(ab, ba, reason)


def product_code(a: Any, b: Any) -> str:
    """Notebook cell 3 with the current matrices: its last line is ``A_mat @ B_mat``."""
    return (
        "import numpy as np\n\n"
        f"A_mat = {_array(a)}\n"
        f"B_mat = {_array(b)}\n\n"
        "A_mat @ B_mat"
    )


def product_code_result(product: MatrixProduct) -> np.ndarray:
    """What :func:`product_code` evaluates to (integer array for whole numbers)."""
    return numpy_like(product.c, product.a, product.b)


def order_code(a: Any, b: Any) -> str:
    """Code that tries both orders and compares them."""
    return (
        "import numpy as np\n\n"
        f"A = {_array(a)}\n"
        f"B = {_array(b)}\n\n"
        "AB = A @ B\n"
        "if B.shape[1] == A.shape[0]:\n"
        "    BA = B @ A\n"
        "    same = AB.shape == BA.shape and np.allclose(AB, BA, rtol=1e-12, atol=1e-12)\n"
        '    verdict = "A @ B == B @ A" if same else "A @ B != B @ A"\n'
        "else:\n"
        '    verdict = "B @ A does not exist"\n'
        "verdict"
    )


def order_code_result(comparison: OrderComparison) -> str:
    """What :func:`order_code` evaluates to."""
    if comparison.ba is None:
        return "B @ A does not exist"
    same = comparison.ab.shape == comparison.ba.shape and bool(
        np.allclose(comparison.ab, comparison.ba, rtol=1e-12, atol=1e-12)
    )
    return "A @ B == B @ A" if same else "A @ B != B @ A"


# -- a 2×2 matrix as a map of the plane -----------------------------------------------------

#: Named matrices for the transformation view: (matrix, one line on what it does).
PLANE_PRESETS: dict[
    str, tuple[tuple[tuple[float, float], tuple[float, float]], str]
] = {
    "identity": (((1, 0), (0, 1)), "leaves every point where it is"),
    "rotation": (((0, -1), (1, 0)), "turns the plane by 90° anticlockwise"),
    "scaling": (((2, 0), (0, 0.5)), "stretches x by 2 and squashes y by half"),
    "shear": (((1, 1), (0, 1)), "slides each row sideways by its height"),
    "reflection": (((1, 0), (0, -1)), "mirrors the plane in the x axis"),
    "projection": (
        ((1, 0), (0, 0)),
        "flattens every point straight down onto the x axis",
    ),
    "singular": (((1, 2), (0.5, 1)), "squashes the whole plane onto one line"),
}

MapKind = Literal["invertible", "line", "point"]


@dataclass(frozen=True)
class PlaneMap:
    """A 2×2 matrix seen as a map of the plane.

    Its columns are where the basis vectors ``î = (1, 0)`` and ``ĵ = (0, 1)``
    land. ``determinant`` is the signed area of the image of the unit square:
    negative when the map flips the plane over. ``kind`` says whether the
    plane keeps its two dimensions, collapses onto a line (rank 1) or onto the
    origin (rank 0).
    """

    matrix: np.ndarray  # shape (2, 2)
    determinant: float
    kind: MapKind

    @property
    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        return self.matrix[:, 0], self.matrix[:, 1]

    @property
    def flips(self) -> bool:
        return self.determinant < 0


def plane_map(matrix: Any, name: str = "M") -> PlaneMap:
    """Read a 2×2 matrix as a map of the plane.

    Notes
    -----
    ``det [[a, b], [c, d]] = a·d − b·c``, computed exactly like this (not by
    ``np.linalg.det``, whose rounding would turn a singular matrix into
    ``1e-16``). Rank 2 when ``det ≠ 0``; rank 0 when every entry is 0;
    rank 1 otherwise.
    """
    m = check_matrix(matrix, name)
    if m.shape != (2, 2):
        raise ValueError(
            f"{name} must be 2×2 to act on the plane, not {shape_text(m.shape)}."
        )
    det = float(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0])
    scale = max(float(np.max(np.abs(m))), 1e-300) ** 2
    if not np.any(m):
        kind: MapKind = "point"
    elif abs(det) <= 1e-12 * scale:
        kind, det = "line", 0.0
    else:
        kind = "invertible"
    return PlaneMap(m, det, kind)


def compose(first: PlaneMap, then: PlaneMap) -> PlaneMap:
    """The map "first ``first``, then ``then``": the product ``then @ first``.

    A point ``v`` goes to ``first.matrix @ v`` and then to
    ``then.matrix @ (first.matrix @ v) = (then.matrix @ first.matrix) @ v``:
    so ``AB`` means *first B, then A* (read right to left).
    """
    return plane_map(then.matrix @ first.matrix, "AB")


def map_latex(pm: PlaneMap, name: str = "A") -> str:
    """``A = [..]``, its columns and ``det A = a·d − b·c = …``."""
    (a, b), (c, d) = pm.matrix
    return (
        rf"{name} = {bmatrix(pm.matrix)} \qquad "
        rf"\det {name} = {_factor(a)}\cdot{_factor(d)} - {_factor(b)}\cdot{_factor(c)}"
        rf" = {_n(pm.determinant, 6)}"
    )


def compose_latex(a: PlaneMap, b: PlaneMap, ab: PlaneMap) -> str:
    """``AB = [..][..] = [..]``, ``det(AB) = det A · det B``."""
    return (
        rf"AB = {bmatrix(a.matrix)}{bmatrix(b.matrix)} = {bmatrix(ab.matrix)} \qquad "
        rf"\det(AB) = {_factor(a.determinant)}\cdot{_factor(b.determinant)}"
        rf" = {_n(ab.determinant, 6)}"
    )


def describe_map(pm: PlaneMap, name: str = "A") -> str:
    """What the matrix does to the plane right now, in words."""
    i_hat, j_hat = (f"({_n(v[0])}, {_n(v[1])})" for v in pm.columns)
    land = (
        f"The basis vectors land on the columns of {name}: î = (1, 0) goes to "
        f"**{i_hat}** and ĵ = (0, 1) to **{j_hat}**, and every grid line follows. "
    )
    if pm.kind == "point":
        return land + (
            "Every point goes to the origin: **the whole plane collapses to a "
            "point** (rank 0, determinant 0). Nothing can be undone."
        )
    if pm.kind == "line":
        return land + (
            "The two columns point along the same line, so **the plane collapses "
            "onto a line**: the unit square becomes a flat segment with area 0 "
            "(determinant 0). Different points land on the same spot, so no matrix "
            "can undo this: it has no inverse."
        )
    area = _n(abs(pm.determinant))
    text = (
        land
        + f"The unit square becomes a parallelogram of area **|det {name}| = {area}**: "
        f"every area is multiplied by {area}. "
    )
    if pm.flips:
        return text + (
            "The determinant is **negative: the plane is flipped over** (î and ĵ "
            "swap their order, like a mirror image)."
        )
    return text + "The determinant is positive: the plane keeps its orientation."


def map_code(matrix: Any) -> str:
    """Code: the basis vectors, the unit square's corners and the determinant."""
    return (
        "import numpy as np\n\n"
        f"M = {_array(matrix)}\n\n"
        "i_hat, j_hat = M @ [1, 0], M @ [0, 1]  # the columns of M\n"
        "square = np.array([[0, 1, 1, 0], [0, 0, 1, 1]])  # corners as columns\n"
        "image = M @ square  # the corners after the map\n"
        "det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]  # signed area of the image\n"
        "det"
    )


def map_code_result(pm: PlaneMap) -> Any:
    """What :func:`map_code` evaluates to (``det``, with NumPy's type)."""
    m = numpy_like(pm.matrix, pm.matrix)
    return m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]


def interpolate(start: np.ndarray, end: np.ndarray, t: float) -> np.ndarray:
    """``(1 − t)·start + t·end``: the matrix part-way through the animation."""
    return (1.0 - t) * start + t * end


# -- one dense layer ------------------------------------------------------------------------

Activation = Literal["identity", "relu", "sigmoid", "tanh"]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # 1 / (1 + e^(−z)) written with tanh: never overflows, for any z.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _sigmoid_grad(z: np.ndarray) -> np.ndarray:
    s = _sigmoid(z)
    return s * (1.0 - s)


#: Each activation with its derivative beside it: (f, f', formula).
ACTIVATIONS: dict[
    str,
    tuple[Callable[[np.ndarray], np.ndarray], Callable[[np.ndarray], np.ndarray], str],
] = {
    "identity": (lambda z: z, np.ones_like, "f(z) = z"),
    "relu": (
        lambda z: np.maximum(z, 0.0),
        lambda z: (z > 0).astype(float),
        "f(z) = max(z, 0)",
    ),
    "sigmoid": (_sigmoid, _sigmoid_grad, "f(z) = 1 / (1 + e^(−z))"),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2, "f(z) = tanh z"),
}


def activate(z: Any, activation: str) -> np.ndarray:
    """Apply an activation elementwise (see :data:`ACTIVATIONS`)."""
    return ACTIVATIONS[_check_activation(activation)][0](np.asarray(z, dtype=float))


def activation_grad(z: Any, activation: str) -> np.ndarray:
    """The derivative ``f'(z)`` elementwise (ReLU's derivative at 0 is taken as 0)."""
    return ACTIVATIONS[_check_activation(activation)][1](np.asarray(z, dtype=float))


def _check_activation(activation: str) -> str:
    if activation not in ACTIVATIONS:
        raise ValueError(
            f"The activation must be one of {', '.join(ACTIVATIONS)}, not {activation!r}."
        )
    return activation


@dataclass(frozen=True)
class DenseLayer:
    """``y = f(W x + b)``: ``W`` (m, n), ``x`` (n,), ``b`` (m,), ``z`` and ``y`` (m,)."""

    weights: np.ndarray
    x: np.ndarray
    bias: np.ndarray
    activation: str
    z: np.ndarray
    y: np.ndarray

    @property
    def inputs(self) -> int:
        return int(self.weights.shape[1])

    @property
    def outputs(self) -> int:
        return int(self.weights.shape[0])


def dense_layer(
    weights: Any, x: Any, bias: Any, activation: str = "relu"
) -> DenseLayer:
    """One fully connected layer: ``z = W x + b``, then ``y = f(z)``.

    Parameters
    ----------
    weights : array_like of shape (m, n)
        Row ``i`` holds the weights of output neuron ``i``; column ``j`` those
        of input ``j``.
    x : array_like of shape (n,)
    bias : array_like of shape (m,)
    activation : {"identity", "relu", "sigmoid", "tanh"}

    Examples
    --------
    >>> dense_layer([[1, -1]], [3, 1], [0.5], "relu").y.tolist()
    [2.5]
    """
    w = check_matrix(weights, "W")
    vx = as_finite_array(x, "x", ndim=1)
    vb = as_finite_array(bias, "b", ndim=1)
    check_entries(vx, "x")
    check_entries(vb, "b")
    m, n = w.shape
    if vx.size != n:
        raise ValueError(
            f"W is {shape_text(w.shape)}, so it takes {n} inputs, but x has "
            f"{vx.size} numbers: give x exactly {n} (one per column of W)."
        )
    if vb.size != m:
        raise ValueError(
            f"W is {shape_text(w.shape)}, so the layer has {m} outputs, but b has "
            f"{vb.size} numbers: give b exactly {m} (one per row of W)."
        )
    z = w @ vx + vb
    return DenseLayer(
        w, vx, vb, _check_activation(activation), z, activate(z, activation)
    )


def layer_from_text(weights: str, x: str, bias: str, activation: str) -> DenseLayer:
    """Read ``W``, ``x`` and ``b`` as typed and run the layer."""
    return dense_layer(
        matrix_from_text(weights, "W"),
        vector_from_text(x, "x"),
        vector_from_text(bias, "b"),
        activation,
    )


@dataclass(frozen=True)
class DenseBatch:
    """``Y = f(X Wᵀ + b)`` for a batch: ``X`` (k, n), ``Z`` and ``Y`` (k, m)."""

    layer: DenseLayer
    inputs: np.ndarray
    z: np.ndarray
    y: np.ndarray


def dense_batch(layer: DenseLayer, inputs: Any) -> DenseBatch:
    """Run the layer on every row of ``X`` at once: ``Z = X @ W.T + b``.

    Each row of ``X`` is one example; ``W.T`` turns the layer's (m, n) weights
    into (n, m) so that ``X (k×n) @ Wᵀ (n×m) → (k×m)``: one row of outputs per
    example, the same numbers as ``W @ x + b`` for each row ``x``.
    """
    batch = check_matrix(inputs, "X")
    if batch.shape[1] != layer.inputs:
        raise ValueError(
            f"X is {shape_text(batch.shape)} but W is "
            f"{shape_text(layer.weights.shape)}: each row of X is one example and "
            f"needs {layer.inputs} numbers (one per column of W)."
        )
    z = batch @ layer.weights.T + layer.bias
    return DenseBatch(layer, batch, z, activate(z, layer.activation))


def batch_from_text(layer: DenseLayer, inputs: str) -> DenseBatch:
    """Read ``X`` as typed and run the layer on it."""
    return dense_batch(layer, matrix_from_text(inputs, "X"))


@dataclass(frozen=True)
class LayerGradient:
    """Back-propagation through one layer for ``L = ½‖y − t‖²``.

    ``delta = ∂L/∂z = (y − t) ⊙ f'(z)`` (m,); ``grad_weights = δ xᵀ`` (m, n),
    the shape of ``W``; ``grad_bias = δ``; ``grad_x = Wᵀ δ`` (n,).
    """

    layer: DenseLayer
    target: np.ndarray
    loss: float
    delta: np.ndarray
    grad_weights: np.ndarray
    grad_bias: np.ndarray
    grad_x: np.ndarray


def layer_gradient(layer: DenseLayer, target: Any) -> LayerGradient:
    """Gradients of ``L = ½‖y − t‖²`` with respect to ``W``, ``b`` and ``x``.

    Notes
    -----
    ``∂L/∂y = y − t``; ``∂L/∂z = (y − t) ⊙ f'(z) = δ``; since
    ``zᵢ = Σⱼ Wᵢⱼxⱼ + bᵢ``, ``∂L/∂Wᵢⱼ = δᵢxⱼ``, i.e. ``∂L/∂W = δ xᵀ`` (an outer
    product with the shape of ``W``), and ``∂L/∂x = Wᵀ δ``.

    Examples
    --------
    >>> g = layer_gradient(dense_layer([[2, 0]], [1, 3], [0], "identity"), [1])
    >>> g.delta.tolist(), g.grad_weights.tolist()
    ([1.0], [[1.0, 3.0]])
    """
    t = as_finite_array(target, "t", ndim=1)
    check_entries(t, "t")
    if t.size != layer.outputs:
        raise ValueError(
            f"The layer has {layer.outputs} outputs, so the target t needs "
            f"{layer.outputs} numbers, not {t.size}."
        )
    error = layer.y - t
    delta = error * activation_grad(layer.z, layer.activation)
    return LayerGradient(
        layer,
        t,
        float(0.5 * np.sum(error**2)),
        delta,
        np.outer(delta, layer.x),
        delta,
        layer.weights.T @ delta,
    )


ACTIVATION_CODE = {
    "identity": "y = z  # identity: no activation",
    "relu": "y = np.maximum(z, 0)  # ReLU",
    "sigmoid": "y = 0.5 * (1 + np.tanh(z / 2))  # sigmoid 1/(1 + e^-z), overflow-free",
    "tanh": "y = np.tanh(z)",
}


def layer_code(layer: DenseLayer) -> str:
    """Forward propagation through one layer, in the notebook's style."""
    return (
        "import numpy as np\n\n"
        f"W = {_array(layer.weights)}  # {layer.outputs} outputs × {layer.inputs} inputs\n"
        f"x = {_array(layer.x)}\n"
        f"b = {_array(layer.bias)}\n\n"
        "z = W @ x + b  # forward propagation: a matrix product\n"
        f"{ACTIVATION_CODE[layer.activation]}\n"
        "y"
    )


def layer_code_result(layer: DenseLayer) -> np.ndarray:
    """What :func:`layer_code` evaluates to, NumPy's dtype included."""
    z = numpy_like(layer.z, layer.weights, layer.x, layer.bias)
    if layer.activation == "relu":
        return np.maximum(z, 0)
    if layer.activation == "identity":
        return z
    return layer.y


def batch_code(batch: DenseBatch) -> str:
    """The same layer on a batch: ``X @ W.T + b``."""
    layer = batch.layer
    return (
        "import numpy as np\n\n"
        f"W = {_array(layer.weights)}\n"
        f"b = {_array(layer.bias)}\n"
        f"X = {_array(batch.inputs)}  # one example per row\n\n"
        "z = X @ W.T + b  # (k×n) @ (n×m) -> (k×m); b is added to every row\n"
        f"{ACTIVATION_CODE[layer.activation]}\n"
        "y"
    )


def batch_code_result(batch: DenseBatch) -> np.ndarray:
    """What :func:`batch_code` evaluates to."""
    layer = batch.layer
    z = numpy_like(batch.z, layer.weights, layer.bias, batch.inputs)
    if layer.activation == "relu":
        return np.maximum(z, 0)
    if layer.activation == "identity":
        return z
    return batch.y


def layer_latex(layer: DenseLayer) -> list[str]:
    """Two lines: ``z = W x + b = [..][..] + [..] = [z]`` and ``y = f(z) = [..]``."""
    name = {
        "identity": r"z",
        "relu": r"\max(z, 0)",
        "sigmoid": r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        "tanh": r"\tanh z",
    }
    return [
        rf"z = Wx + b = {bmatrix(layer.weights)}{bmatrix(layer.x)} + "
        rf"{bmatrix(layer.bias)} = {bmatrix(layer.z)}",
        rf"y = f(z) = {name[layer.activation]} = {bmatrix(layer.y)}",
    ]


def describe_layer(layer: DenseLayer) -> str:
    """What the diagram shows right now."""
    first = (
        f"Each output neuron takes one row of W, forms its dot product with x and "
        f"adds its bias: z₁ = {_row_sum(layer, 0)}. "
    )
    if layer.activation == "relu":
        dead = int(np.sum(layer.z <= 0))
        if dead:
            return first + (
                f"ReLU keeps positive values and sets negative ones to 0: "
                f"**{dead} of {layer.outputs} outputs are switched off** here."
            )
        return first + "ReLU passes every output through: all of z is positive."
    words = {
        "identity": "With no activation the layer is just the matrix product plus b.",
        "sigmoid": "The sigmoid squashes each z into (0, 1), like a probability.",
        "tanh": "tanh squashes each z into (−1, 1), keeping its sign.",
    }
    return first + words[layer.activation]


def _row_sum(layer: DenseLayer, i: int) -> str:
    pairs = [
        f"{_factor(w)}·{_factor(x)}"
        for w, x in zip(layer.weights[i], layer.x, strict=True)
    ]
    return " + ".join(pairs) + f" + {_factor(layer.bias[i])} = {_n(layer.z[i], 6)}"


def gradient_latex(grad: LayerGradient) -> list[str]:
    """``∂L/∂W = δ xᵀ = [δ][xᵀ] = [..]`` and ``∂L/∂x = Wᵀδ`` with the current numbers."""
    return [
        outer_gradient_latex(grad.delta, grad.layer.x),
        rf"\frac{{\partial L}}{{\partial x}} = W^{{\mathsf T}}\delta = "
        rf"{bmatrix(grad.layer.weights.T)}{bmatrix(grad.delta)} = {bmatrix(grad.grad_x)}",
    ]


def describe_gradient(grad: LayerGradient) -> str:
    """The transpose's two jobs in back-propagation, with the current numbers."""
    m, n = grad.grad_weights.shape
    return (
        f"With the loss L = ½‖y − t‖² = {_n(grad.loss)} and t = "
        f"({', '.join(_n(v) for v in grad.target)}), the error signal at the layer is "
        f"δ = ∂L/∂z = (y − t) ⊙ f′(z) = ({', '.join(_n(v) for v in grad.delta)}). "
        f"δ is a column of {m} and xᵀ a row of {n}, so **∂L/∂W = δ xᵀ is {m}×{n}, "
        "exactly the shape of W**: one gradient per weight, ready for "
        "W ← W − lr·∂L/∂W. Sending the error back to the inputs uses the "
        f"transpose again: ∂L/∂x = Wᵀδ has {n} entries, one per input."
    )


# -- the transpose --------------------------------------------------------------------------


@dataclass(frozen=True)
class Transpose:
    """``Aᵀ[j, i] = A[i, j]``: rows become columns; ``(m, n) → (n, m)``."""

    matrix: np.ndarray
    result: np.ndarray
    symmetric: bool


def transpose(matrix: Any, name: str = "A") -> Transpose:
    """The transpose: entry ``(i, j)`` moves to ``(j, i)``, a reflection in the diagonal.

    ``symmetric`` is true for a square matrix equal to its own transpose.
    """
    m = check_matrix(matrix, name)
    result = m.T.copy()
    symmetric = m.shape[0] == m.shape[1] and bool(np.array_equal(m, result))
    return Transpose(m, result, symmetric)


def transpose_from_text(text: str) -> Transpose:
    """Read ``A`` as typed and transpose it."""
    return transpose(matrix_from_text(text, "A"))


@dataclass(frozen=True)
class TransposeRule:
    """``(AB)ᵀ = BᵀAᵀ`` checked on two matrices; ``ab_t`` is ``None`` if ``AB`` is undefined."""

    ab_t: np.ndarray | None
    bt_at: np.ndarray | None
    holds: bool
    message: str


def check_transpose_rule(a: Any, b: Any) -> TransposeRule:
    """Compute ``(AB)ᵀ`` and ``BᵀAᵀ`` and compare them (they always agree)."""
    ma = check_matrix(a, "A")
    mb = check_matrix(b, "B")
    if ma.shape[1] != mb.shape[0]:
        return TransposeRule(
            None,
            None,
            False,
            f"AB is not defined (A is {shape_text(ma.shape)}, B is "
            f"{shape_text(mb.shape)}: B needs {ma.shape[1]} rows), so there is no "
            "(AB)ᵀ to check. Give B as many rows as A has columns.",
        )
    ab_t = (ma @ mb).T
    bt_at = mb.T @ ma.T
    holds = bool(np.allclose(ab_t, bt_at, rtol=1e-12, atol=1e-9))
    return TransposeRule(
        ab_t,
        bt_at,
        holds,
        f"(AB)ᵀ and BᵀAᵀ are both {shape_text(ab_t.shape)} and "
        + ("equal, entry for entry" if holds else "NOT equal")
        + ": transposing a product reverses the order of its factors.",
    )


def transpose_latex(tr: Transpose) -> str:
    """``A = [..] (m×n) → Aᵀ = [..] (n×m)``."""
    return (
        rf"\underset{{{shape_text(tr.matrix.shape)}}}{{A = {bmatrix(tr.matrix)}}}"
        r"\quad\longrightarrow\quad"
        rf"\underset{{{shape_text(tr.result.shape)}}}{{A^{{\mathsf T}} = {bmatrix(tr.result)}}}"
    )


def rule_latex(rule: TransposeRule) -> str:
    """``(AB)ᵀ = [..] = BᵀAᵀ``."""
    if rule.ab_t is None or rule.bt_at is None:
        return r"(AB)^{\mathsf T}\ \text{is undefined}"
    sign = "=" if rule.holds else r"\neq"
    return (
        rf"(AB)^{{\mathsf T}} = {bmatrix(rule.ab_t)} {sign} "
        rf"{bmatrix(rule.bt_at)} = B^{{\mathsf T}}A^{{\mathsf T}}"
    )


def describe_transpose(tr: Transpose) -> str:
    """What the transpose did, in words."""
    m, n = tr.matrix.shape
    first = (
        f"Row 1 of A, ({', '.join(_n(v) for v in tr.matrix[0])}), is now column 1 "
        f"of Aᵀ: every entry (i, j) moved to (j, i), a mirror image across the main "
        f"diagonal, and the shape went from **{m}×{n} to {n}×{m}**. "
    )
    if tr.symmetric:
        return first + (
            "**A is symmetric**: it equals its own transpose, because each entry "
            "matches its mirror image (A[i, j] = A[j, i]). Covariance and "
            "correlation matrices are always symmetric."
        )
    if m == n:
        return first + "The diagonal stays put; A is not symmetric, so Aᵀ ≠ A."
    return first + "A is not square, so it cannot be symmetric."


def transpose_code(matrix: Any) -> str:
    """Notebook cell 4 with the current matrix: its last line is ``M.T``."""
    return f"import numpy as np\n\nM = {_array(matrix)}\nM.T"


def transpose_code_result(tr: Transpose) -> np.ndarray:
    """What :func:`transpose_code` evaluates to (integer array for whole numbers)."""
    return numpy_like(tr.result, tr.matrix)


def reflection_path(rows: int, cols: int, t: float) -> tuple[np.ndarray, np.ndarray]:
    """Positions (column, row) of each entry part-way through its reflection.

    Entry ``(i, j)`` starts at column ``j``, row ``i`` and ends at column ``i``,
    row ``j``. Seen from above, a page flipped over the diagonal moves each
    entry straight across it, fastest at the diagonal: the position is
    ``centre + cos(π·t)·(start − centre)`` for ``t`` from 0 to 1.
    Returns two arrays of shape (rows·cols,): x (column) and y (row).
    """
    i, j = np.divmod(np.arange(rows * cols), cols)
    start = np.stack([j, i]).astype(float)
    centre = (i + j) / 2.0
    position = centre + math.cos(math.pi * t) * (start - centre)
    return position[0], position[1]


def gradient_inputs(
    weights: np.ndarray, x_text: str, delta_text: str
) -> tuple[np.ndarray, np.ndarray]:
    """``x`` and ``δ`` for the transpose view's gradient, sized to fit ``W`` (m×n).

    Blank text means the automatic choice ``x = (1, 2, …, n)`` and
    ``δ = (1, −1, 1, …)`` of length ``m``.
    """
    m, n = weights.shape
    x = np.arange(1.0, n + 1.0) if not x_text.strip() else vector_from_text(x_text, "x")
    delta = (
        np.where(np.arange(m) % 2 == 0, 1.0, -1.0)
        if not delta_text.strip()
        else vector_from_text(delta_text, "δ")
    )
    if x.size != n:
        raise ValueError(
            f"Read as a layer's weights, A is {shape_text(weights.shape)}: it takes "
            f"{n} inputs, so x needs {n} numbers, not {x.size} (or leave it blank)."
        )
    if delta.size != m:
        raise ValueError(
            f"Read as a layer's weights, A is {shape_text(weights.shape)}: it has "
            f"{m} outputs, so δ needs {m} numbers, not {delta.size} (or leave it blank)."
        )
    return x, delta


def outer_gradient_latex(delta: np.ndarray, x: np.ndarray) -> str:
    """``∂L/∂W = δ xᵀ = [δ][xᵀ] = [..]`` for any ``δ`` (m,) and ``x`` (n,)."""
    return (
        rf"\frac{{\partial L}}{{\partial W}} = \delta\,x^{{\mathsf T}} = "
        rf"{bmatrix(delta)}{bmatrix(x[None, :])} = {bmatrix(np.outer(delta, x))}"
    )


def gradient_from_text(layer: DenseLayer, target: str) -> LayerGradient:
    """Read the target ``t`` as typed and back-propagate ``L = ½‖y − t‖²``."""
    return layer_gradient(layer, vector_from_text(target, "t"))
