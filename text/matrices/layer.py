"""Learner text for one dense layer: forward, a batch and the gradient of the weights.

Examples
--------
>>> from core.matrices import dense_layer
>>> layer = dense_layer([[2, 3], [4, 5]], [1, 2], [0, 1], "relu")
>>> layer_code(layer).splitlines()[-2:]
['y = np.maximum(z, 0)  # ReLU', 'y']
>>> layer_code_result(layer)
array([ 8, 15])
"""

from __future__ import annotations

import numpy as np

from core.matrices import (
    DenseBatch,
    DenseLayer,
    LayerGradient,
    factor_text,
    numpy_like,
    shape_text,
)
from core.parsing import format_number
from text.matrices.common import array_code, bmatrix, number_list

BATCH_TITLE = "A batch of inputs: X @ W.T + b"
BACKWARD_TITLE = "Backward: the gradient of the weights"

ACTIVATION_CODE = {
    "identity": "y = z  # identity: no activation",
    "relu": "y = np.maximum(z, 0)  # ReLU",
    "sigmoid": "y = 0.5 * (1 + np.tanh(z / 2))  # sigmoid 1/(1 + e^-z), overflow-free",
    "tanh": "y = np.tanh(z)",
}
ACTIVATION_LATEX = {
    "identity": r"z",
    "relu": r"\max(z, 0)",
    "sigmoid": r"\sigma(z) = \frac{1}{1 + e^{-z}}",
    "tanh": r"\tanh z",
}
ACTIVATION_WORDS = {
    "identity": "With no activation the layer is just the matrix product plus b.",
    "sigmoid": "The sigmoid squashes each z into (0, 1), like a probability.",
    "tanh": "tanh squashes each z into (−1, 1), keeping its sign.",
}


def layer_code(layer: DenseLayer) -> str:
    """Forward propagation through one layer, in the notebook's style."""
    return (
        "import numpy as np\n\n"
        f"W = {array_code(layer.weights)}  # {layer.outputs} outputs × {layer.inputs} inputs\n"
        f"x = {array_code(layer.x)}\n"
        f"b = {array_code(layer.bias)}\n\n"
        "z = W @ x + b  # forward propagation: a matrix product\n"
        f"{ACTIVATION_CODE[layer.activation]}\n"
        "y"
    )


def _as_numpy_prints(z: np.ndarray, y: np.ndarray, activation: str) -> np.ndarray:
    """``y`` as the code's last line gives it: integer ``z`` stays integer."""
    if activation == "relu":
        return np.maximum(z, 0)
    if activation == "identity":
        return z
    return y


def layer_code_result(layer: DenseLayer) -> np.ndarray:
    """What :func:`layer_code` evaluates to, NumPy's dtype included."""
    z = numpy_like(layer.z, layer.weights, layer.x, layer.bias)
    return _as_numpy_prints(z, layer.y, layer.activation)


def batch_code(batch: DenseBatch) -> str:
    """The same layer on a batch: ``X @ W.T + b``."""
    layer = batch.layer
    return (
        "import numpy as np\n\n"
        f"W = {array_code(layer.weights)}\n"
        f"b = {array_code(layer.bias)}\n"
        f"X = {array_code(batch.inputs)}  # one example per row\n\n"
        "z = X @ W.T + b  # (k×n) @ (n×m) -> (k×m); b is added to every row\n"
        f"{ACTIVATION_CODE[layer.activation]}\n"
        "y"
    )


def batch_code_result(batch: DenseBatch) -> np.ndarray:
    """What :func:`batch_code` evaluates to."""
    layer = batch.layer
    z = numpy_like(batch.z, layer.weights, layer.bias, batch.inputs)
    return _as_numpy_prints(z, batch.y, layer.activation)


def layer_latex(layer: DenseLayer) -> list[str]:
    """Two lines: ``z = W x + b = [..][..] + [..] = [z]`` and ``y = f(z) = [..]``."""
    return [
        rf"z = Wx + b = {bmatrix(layer.weights)}{bmatrix(layer.x)} + "
        rf"{bmatrix(layer.bias)} = {bmatrix(layer.z)}",
        rf"y = f(z) = {ACTIVATION_LATEX[layer.activation]} = {bmatrix(layer.y)}",
    ]


def _row_sum(layer: DenseLayer, i: int) -> str:
    pairs = [
        f"{factor_text(w)}·{factor_text(x)}"
        for w, x in zip(layer.weights[i], layer.x, strict=True)
    ]
    return (
        " + ".join(pairs)
        + f" + {factor_text(layer.bias[i])} = {format_number(layer.z[i], 6)}"
    )


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
    return first + ACTIVATION_WORDS[layer.activation]


def describe_batch(batch: DenseBatch) -> str:
    """Why a batch goes through the layer as ``X @ Wᵀ``, with its shapes."""
    weights = batch.layer.weights
    return (
        f"X holds {batch.inputs.shape[0]} examples, one per **row** "
        f"({shape_text(batch.inputs.shape)}). W is "
        f"{shape_text(weights.shape)}, so X @ W would not fit; its "
        f"transpose Wᵀ is {shape_text(weights.T.shape)} and "
        f"X @ Wᵀ is {shape_text(batch.z.shape)}: one row of outputs per "
        "example, the whole batch in one matrix product. Each row equals "
        "f(W x + b) for that example."
    )


def describe_batch_outputs(batch: DenseBatch) -> str:
    """The batch chart's text alternative: every output, example by example."""
    return "The layer's outputs for each example of the batch: " + "; ".join(
        ", ".join(format_number(v, 4) for v in row) for row in batch.y
    )


def outer_gradient_latex(delta: np.ndarray, x: np.ndarray) -> str:
    """``∂L/∂W = δ xᵀ = [δ][xᵀ] = [..]`` for any ``δ`` (m,) and ``x`` (n,)."""
    return (
        rf"\frac{{\partial L}}{{\partial W}} = \delta\,x^{{\mathsf T}} = "
        rf"{bmatrix(delta)}{bmatrix(x[None, :])} = {bmatrix(np.outer(delta, x))}"
    )


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
        f"With the loss L = ½‖y − t‖² = {format_number(grad.loss, 4)} and t = "
        f"({number_list(grad.target)}), the error signal at the layer is "
        f"δ = ∂L/∂z = (y − t) ⊙ f′(z) = ({number_list(grad.delta)}). "
        f"δ is a column of {m} and xᵀ a row of {n}, so **∂L/∂W = δ xᵀ is {m}×{n}, "
        "exactly the shape of W**: one gradient per weight, ready for "
        "W ← W − lr·∂L/∂W. Sending the error back to the inputs uses the "
        f"transpose again: ∂L/∂x = Wᵀδ has {n} entries, one per input."
    )
