"""Learner text for A·B: the product in LaTeX, one cell written out, the code panels.

Examples
--------
>>> from core.matrices import matrix_product
>>> product = matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
>>> product_code(product.a, product.b).splitlines()[-1]
'A_mat @ B_mat'
>>> product_code_result(product)
array([[26, 36],
       [46, 64]])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.matrices import (
    MatrixProduct,
    OrderComparison,
    cell_sum_text,
    factor_text,
    numpy_like,
    shape_text,
    subscript,
)
from core.parsing import format_number
from text.matrices.common import array_code, bmatrix

PRODUCT_CODE_TITLE = "Show the NumPy code (notebook cell 3)"
ORDER_TITLE = "Order matters: A·B vs B·A"
ORDER_CODE_TITLE = "Show the code comparing the two orders"


def shapes_line(product: MatrixProduct) -> str:
    """``**Shapes:** (2×3)·(3×2) → (2×2)``, above the formula."""
    return f"**Shapes:** {product.shapes}"


def clamped_cell_note(product: MatrixProduct) -> str:
    """Said when the chosen cell is beyond the last cell of C."""
    return f"C has only {product.cells} cells: showing the last one."


def cell_latex(product: MatrixProduct, i: int, j: int) -> str:
    """``C_{12} = (\\text{row 1 of } A)\\cdot(\\text{column 2 of } B) = 2·6 + 3·8 = 36``."""
    pairs = [
        rf"{factor_text(x)}\cdot{factor_text(y)}"
        for x, y in zip(product.a[i, :], product.b[:, j], strict=True)
    ]
    return (
        rf"C_{{{i + 1}{j + 1}}} = \text{{row {i + 1} of }}A \cdot "
        rf"\text{{column {j + 1} of }}B = "
        + " + ".join(pairs)
        + rf" = {format_number(product.c[i, j], 6)}"
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
        f"cell **C{subscript(i + 1)}{subscript(j + 1)} = "
        f"{cell_sum_text(product, i, j)}** is row "
        f"{i + 1} of A times column {j + 1} of B, term by term — a dot product. "
        f"Each of the {product.cells} cells of C is one such dot product."
    )


def product_code(a: Any, b: Any) -> str:
    """Notebook cell 3 with the current matrices: its last line is ``A_mat @ B_mat``."""
    return (
        "import numpy as np\n\n"
        f"A_mat = {array_code(a)}\n"
        f"B_mat = {array_code(b)}\n\n"
        "A_mat @ B_mat"
    )


def product_code_result(product: MatrixProduct) -> np.ndarray:
    """What :func:`product_code` evaluates to (integer array for whole numbers)."""
    return numpy_like(product.c, product.a, product.b)


def order_latex(comparison: OrderComparison) -> str:
    """``AB = [..]`` and, when it exists, ``BA = [..]`` beside it."""
    if comparison.ba is None:
        return rf"AB = {bmatrix(comparison.ab)}"
    return rf"AB = {bmatrix(comparison.ab)} \qquad BA = {bmatrix(comparison.ba)}"


def order_code(a: Any, b: Any) -> str:
    """Code that tries both orders and compares them."""
    return (
        "import numpy as np\n\n"
        f"A = {array_code(a)}\n"
        f"B = {array_code(b)}\n\n"
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
    return "A @ B == B @ A" if comparison.same else "A @ B != B @ A"
