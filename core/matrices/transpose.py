"""The transpose: rows become columns, ``(AB)ᵀ = BᵀAᵀ``, and its job in gradients.

Notebook cell 4::

    Danish = np.array([[1, 2], [3, 4]])
    Danish.T                      # array([[1, 3], [2, 4]])

Examples
--------
>>> transpose([[1, 2], [3, 4]]).result.tolist()
[[1.0, 3.0], [2.0, 4.0]]
>>> check_transpose_rule([[1, 2]], [[3], [4]]).holds
True
>>> g = weight_gradient([[1, 2], [3, 4]], [2, 5], [3, -1])
>>> g.grad_weights.tolist(), g.grad_x.tolist()  # δ xᵀ and Wᵀδ
([[6.0, 15.0], [-2.0, -5.0]], [0.0, 2.0])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.matrices.checks import (
    array_key,
    check_matrix,
    matrix_from_text,
    shape_text,
    vector_from_text,
)
from core.parsing import MAX_MATRIX_SIDE, as_finite_array, check_in_range, check_int
from core.vectors import check_entries


@dataclass(frozen=True)
class Transpose:
    """``Aᵀ[j, i] = A[i, j]``: rows become columns; ``(m, n) → (n, m)``."""

    matrix: np.ndarray
    result: np.ndarray
    symmetric: bool

    @property
    def key(self) -> tuple[Any, ...]:
        """The matrix this transpose was computed from (a cache key)."""
        return array_key(self.matrix)


def transpose(matrix: Any, name: str = "A") -> Transpose:
    """The transpose: entry ``(i, j)`` moves to ``(j, i)``, a reflection in the diagonal.

    Parameters
    ----------
    matrix : array_like of shape (m, n)
    name : str
        What the learner calls it, for error messages.

    Returns
    -------
    Transpose
        With ``result`` of shape (n, m); ``symmetric`` is true for a square
        matrix equal to its own transpose.
    """
    m = check_matrix(matrix, name)
    result = m.T.copy()
    symmetric = m.shape[0] == m.shape[1] and bool(np.array_equal(m, result))
    return Transpose(m, result, symmetric)


def transpose_from_text(text: str) -> Transpose:
    """Read ``A`` as typed and transpose it.

    Parameters
    ----------
    text : str
        ``A`` as the learner typed it.

    Returns
    -------
    Transpose
    """
    return transpose(matrix_from_text(text, "A"))


@dataclass(frozen=True)
class TransposeRule:
    """``(AB)ᵀ = BᵀAᵀ`` checked on two matrices; ``ab_t`` is ``None`` if ``AB`` is undefined."""

    ab_t: np.ndarray | None
    bt_at: np.ndarray | None
    holds: bool
    message: str


def check_transpose_rule(a: Any, b: Any) -> TransposeRule:
    """Compute ``(AB)ᵀ`` and ``BᵀAᵀ`` and compare them (they always agree).

    Parameters
    ----------
    a : array_like of shape (m, n)
    b : array_like of shape (n, p)

    Returns
    -------
    TransposeRule
        With a sentence (``message``) saying what was found.
    """
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


def rule_from_text(a: Any, b_text: str) -> TransposeRule:
    """Check ``(AB)ᵀ = BᵀAᵀ`` with ``B`` as typed.

    Parameters
    ----------
    a : array_like of shape (m, n)
    b_text : str
        ``B`` as the learner typed it.

    Returns
    -------
    TransposeRule
    """
    return check_transpose_rule(a, matrix_from_text(b_text, "B"))


def reflection_path(rows: int, cols: int, t: float) -> tuple[np.ndarray, np.ndarray]:
    """Positions (column, row) of each entry part-way through its reflection.

    Parameters
    ----------
    rows, cols : int
        The shape of ``A``.
    t : float
        From 0 (``A``) to 1 (``Aᵀ``).

    Returns
    -------
    tuple of ndarray
        Two arrays of shape (rows·cols,): x (column) and y (row).

    Notes
    -----
    Entry ``(i, j)`` starts at column ``j``, row ``i`` and ends at column ``i``,
    row ``j``. Seen from above, a page flipped over the diagonal moves each
    entry straight across it, fastest at the diagonal: the position is
    ``centre + cos(π·t)·(start − centre)`` for ``t`` from 0 to 1.
    """
    rows = check_int(rows, "The number of rows", 1, MAX_MATRIX_SIDE)
    cols = check_int(cols, "The number of columns", 1, MAX_MATRIX_SIDE)
    t = check_in_range(t, "t", 0.0, 1.0)
    i, j = np.divmod(np.arange(rows * cols), cols)
    start = np.stack([j, i]).astype(float)
    centre = (i + j) / 2.0
    position = centre + math.cos(math.pi * t) * (start - centre)
    return position[0], position[1]


def gradient_inputs(
    weights: np.ndarray, x_text: str, delta_text: str
) -> tuple[np.ndarray, np.ndarray]:
    """``x`` and ``δ`` for the transpose view's gradient, sized to fit ``W`` (m×n).

    Parameters
    ----------
    weights : ndarray of shape (m, n)
        ``A`` read as a layer's weights.
    x_text, delta_text : str
        As typed; blank text means the automatic choice ``x = (1, 2, …, n)``
        and ``δ = (1, −1, 1, …)`` of length ``m``.

    Returns
    -------
    tuple of ndarray
        ``x`` of shape (n,) and ``δ`` of shape (m,).
    """
    m, n = check_matrix(weights, "A").shape
    for text, name in ((x_text, "x"), (delta_text, "δ")):
        if not isinstance(text, str):
            raise ValueError(f"{name} must be text such as 1, 2 (or blank).")
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


@dataclass(frozen=True)
class WeightGradient:
    """The two gradients of a layer ``z = W x`` given ``δ = ∂L/∂z``.

    ``grad_weights = δ xᵀ`` (m, n), the shape of ``W``; ``grad_x = Wᵀ δ`` (n,),
    the error sent back to the inputs.
    """

    weights: np.ndarray
    x: np.ndarray
    delta: np.ndarray
    grad_weights: np.ndarray
    grad_x: np.ndarray


def weight_gradient(weights: Any, x: Any, delta: Any) -> WeightGradient:
    """``∂L/∂W = δ xᵀ`` and ``∂L/∂x = Wᵀ δ`` for a layer ``z = W x``.

    Parameters
    ----------
    weights : array_like of shape (m, n)
        ``W``.
    x : array_like of shape (n,)
        The layer's input.
    delta : array_like of shape (m,)
        ``δ = ∂L/∂z``, the error signal at the layer's outputs.

    Returns
    -------
    WeightGradient

    Notes
    -----
    ``zᵢ = Σⱼ Wᵢⱼxⱼ``, so ``∂L/∂Wᵢⱼ = δᵢxⱼ`` (an outer product) and
    ``∂L/∂xⱼ = Σᵢ Wᵢⱼδᵢ = (Wᵀδ)ⱼ``.
    """
    w = check_matrix(weights, "W")
    vx = as_finite_array(x, "x", ndim=1)
    vd = as_finite_array(delta, "δ", ndim=1)
    if (vd.size, vx.size) != w.shape:
        raise ValueError(
            f"W is {shape_text(w.shape)}, so δ needs {w.shape[0]} numbers and x "
            f"{w.shape[1]}, not {vd.size} and {vx.size}."
        )
    check_entries(vx, "x")
    check_entries(vd, "δ")
    return WeightGradient(w, vx, vd, np.outer(vd, vx), w.T @ vd)


def weight_gradient_from_text(
    weights: np.ndarray, x_text: str, delta_text: str
) -> WeightGradient:
    """Read ``x`` and ``δ`` as typed (see :func:`gradient_inputs`) and differentiate.

    Parameters
    ----------
    weights : ndarray of shape (m, n)
    x_text, delta_text : str

    Returns
    -------
    WeightGradient
    """
    x, delta = gradient_inputs(weights, x_text, delta_text)
    return weight_gradient(weights, x, delta)
