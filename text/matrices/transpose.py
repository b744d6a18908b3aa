"""Learner text for the transpose: formulas, sentences, the code, and its gradient job.

Examples
--------
>>> from core.matrices import transpose
>>> transpose_code([[1, 2], [3, 4]]).splitlines()[-1]
'M.T'
>>> transpose_code_result(transpose([[1, 2], [3, 4]]))
array([[1, 3],
       [2, 4]])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.matrices import (
    Transpose,
    TransposeRule,
    WeightGradient,
    numpy_like,
    shape_text,
)
from text.matrices.common import array_code, bmatrix, number_list
from text.matrices.layer import outer_gradient_latex

TRANSPOSE_CODE_TITLE = "Show the NumPy code (notebook cell 4)"
RULE_TITLE = "Transposing a product reverses the order"
GRADIENT_TITLE = "Why gradients need the transpose"
GRADIENT_INPUTS = "**In a layer's gradient** (A read as the weights W):"
TRANSPOSE_CAPTION = (
    "Each entry keeps the colour of its row in A: after the flip, row 1 is "
    "column 1. Press ▶ Play to turn A over its main diagonal."
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
        f"Row 1 of A, ({number_list(tr.matrix[0])}), is now column 1 "
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
    return f"import numpy as np\n\nM = {array_code(matrix)}\nM.T"


def transpose_code_result(tr: Transpose) -> np.ndarray:
    """What :func:`transpose_code` evaluates to (integer array for whole numbers)."""
    return numpy_like(tr.result, tr.matrix)


def weight_gradient_latex(grad: WeightGradient) -> str:
    """``∂L/∂W = δ xᵀ = [δ][xᵀ] = [..]`` with the current ``δ`` and ``x``."""
    return outer_gradient_latex(grad.delta, grad.x)


def describe_weight_gradient(grad: WeightGradient) -> str:
    """Why ``δ xᵀ`` has the shape of ``W``, and the error ``Wᵀδ`` sent back."""
    m, n = grad.weights.shape
    return (
        f"For a layer z = W x with W = A ({m}×{n}), the gradient of the loss "
        f"with respect to W is the error signal δ (a column of {m}) times the "
        f"input turned into a row, xᵀ ({n} entries): **δ xᵀ is {m}×{n}, the "
        "shape of W**, one number per weight. The error sent back to the "
        f"inputs is Wᵀδ = ({number_list(grad.grad_x)})."
    )
