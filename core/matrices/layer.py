"""One dense layer of a neural network: forward on one input and on a batch, and back.

Examples
--------
>>> layer = dense_layer([[1, -1]], [3, 1], [0.5], "relu")
>>> layer.z.tolist(), layer.y.tolist()
([2.5], [2.5])
>>> dense_batch(layer, [[3, 1], [0, 2]]).y.tolist()
[[2.5], [0.0]]
>>> layer_gradient(layer, [2]).grad_weights.tolist()  # δ = 0.5, x = (3, 1)
[[1.5, 0.5]]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.matrices.checks import (
    array_key,
    check_matrix,
    matrix_from_text,
    shape_text,
    vector_from_text,
)
from core.parsing import as_finite_array
from core.vectors import check_entries

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
    """Apply an activation elementwise (see :data:`ACTIVATIONS`).

    Parameters
    ----------
    z : array_like
        The pre-activations.
    activation : {"identity", "relu", "sigmoid", "tanh"}

    Returns
    -------
    ndarray
        ``f(z)``, of the shape of ``z``.
    """
    return ACTIVATIONS[_check_activation(activation)][0](as_finite_array(z, "z"))


def activation_grad(z: Any, activation: str) -> np.ndarray:
    """The derivative ``f'(z)`` elementwise (ReLU's derivative at 0 is taken as 0).

    Parameters
    ----------
    z : array_like
        The pre-activations.
    activation : {"identity", "relu", "sigmoid", "tanh"}

    Returns
    -------
    ndarray
        ``f'(z)``, of the shape of ``z``.
    """
    return ACTIVATIONS[_check_activation(activation)][1](as_finite_array(z, "z"))


def _check_activation(activation: str) -> str:
    if not isinstance(activation, str) or activation not in ACTIVATIONS:
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
    def key(self) -> tuple[Any, ...]:
        """The inputs this layer was computed from (a cache key)."""
        return (
            array_key(self.weights),
            array_key(self.x),
            array_key(self.bias),
            self.activation,
        )

    @property
    def inputs(self) -> int:
        """``n``, the number of inputs (columns of ``W``)."""
        return int(self.weights.shape[1])

    @property
    def outputs(self) -> int:
        """``m``, the number of outputs (rows of ``W``)."""
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
        The input.
    bias : array_like of shape (m,)
        One bias per output.
    activation : {"identity", "relu", "sigmoid", "tanh"}
        The function ``f`` applied to each ``zᵢ``.

    Returns
    -------
    DenseLayer

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
    """Read ``W``, ``x`` and ``b`` as typed and run the layer.

    Parameters
    ----------
    weights, x, bias : str
        As the learner typed them.
    activation : {"identity", "relu", "sigmoid", "tanh"}

    Returns
    -------
    DenseLayer
    """
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

    @property
    def key(self) -> tuple[Any, ...]:
        """The inputs this batch was computed from (a cache key)."""
        return (self.layer.key, array_key(self.inputs))


def dense_batch(layer: DenseLayer, inputs: Any) -> DenseBatch:
    """Run the layer on every row of ``X`` at once: ``Z = X @ W.T + b``.

    Parameters
    ----------
    layer : DenseLayer
        Its weights, bias and activation are used.
    inputs : array_like of shape (k, n)
        One example per row.

    Returns
    -------
    DenseBatch

    Notes
    -----
    ``W.T`` turns the layer's (m, n) weights into (n, m) so that
    ``X (k×n) @ Wᵀ (n×m) → (k×m)``: one row of outputs per example, the same
    numbers as ``W @ x + b`` for each row ``x``.
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
    """Read ``X`` as typed and run the layer on it.

    Parameters
    ----------
    layer : DenseLayer
    inputs : str
        ``X``, one example per row, as the learner typed it.

    Returns
    -------
    DenseBatch
    """
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

    Parameters
    ----------
    layer : DenseLayer
        The forward pass.
    target : array_like of shape (m,)
        ``t``, the wanted output.

    Returns
    -------
    LayerGradient

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


def gradient_from_text(layer: DenseLayer, target: str) -> LayerGradient:
    """Read the target ``t`` as typed and back-propagate ``L = ½‖y − t‖²``.

    Parameters
    ----------
    layer : DenseLayer
    target : str
        ``t`` as the learner typed it.

    Returns
    -------
    LayerGradient
    """
    return layer_gradient(layer, vector_from_text(target, "t"))
