"""Learner text for the Matrices page: code panels, formulas, sentences.

Pure functions of ``core.matrices`` results: no Streamlit, no Plotly. One
module per view's subject (:mod:`~text.matrices.product`,
:mod:`~text.matrices.plane`, :mod:`~text.matrices.layer`,
:mod:`~text.matrices.transpose`); everything is importable from here.
"""

from __future__ import annotations

from text.matrices.common import array_code, bmatrix, number_list
from text.matrices.layer import (
    ACTIVATION_CODE,
    BACKWARD_TITLE,
    BATCH_TITLE,
    batch_code,
    batch_code_result,
    describe_batch,
    describe_batch_outputs,
    describe_gradient,
    describe_layer,
    gradient_latex,
    layer_code,
    layer_code_result,
    layer_latex,
    outer_gradient_latex,
)
from text.matrices.plane import (
    MATRIX_FORM,
    PLANE_CAPTION,
    PRESETS_LABEL,
    compose_latex,
    describe_map,
    describe_warp,
    map_code,
    map_code_result,
    map_latex,
    warp_latex,
)
from text.matrices.product import (
    ORDER_CODE_TITLE,
    ORDER_TITLE,
    PRODUCT_CODE_TITLE,
    cell_latex,
    clamped_cell_note,
    describe_product,
    order_code,
    order_code_result,
    order_latex,
    product_code,
    product_code_result,
    product_latex,
    shapes_line,
)
from text.matrices.transpose import (
    GRADIENT_INPUTS,
    GRADIENT_TITLE,
    RULE_TITLE,
    TRANSPOSE_CAPTION,
    TRANSPOSE_CODE_TITLE,
    describe_transpose,
    describe_weight_gradient,
    rule_latex,
    transpose_code,
    transpose_code_result,
    transpose_latex,
    weight_gradient_latex,
)

#: The page's opening paragraph.
INTRO = (
    "A **matrix** is a table of numbers — a layer's weights, a batch of examples, "
    "a map of the plane. Multiplying matrices pairs every row of the first with "
    "every column of the second: that is how a neural network pushes data "
    "forward. *(Notebook cells 3–4: `[[2, 3], [4, 5]] @ [[4, 6], [6, 8]]` gives "
    "`[[26, 36], [46, 64]]`; `[[1, 2], [3, 4]].T` gives `[[1, 3], [2, 4]]`.)*"
)

__all__ = [
    "ACTIVATION_CODE",
    "BACKWARD_TITLE",
    "BATCH_TITLE",
    "GRADIENT_INPUTS",
    "GRADIENT_TITLE",
    "INTRO",
    "MATRIX_FORM",
    "ORDER_CODE_TITLE",
    "ORDER_TITLE",
    "PLANE_CAPTION",
    "PRESETS_LABEL",
    "PRODUCT_CODE_TITLE",
    "RULE_TITLE",
    "TRANSPOSE_CAPTION",
    "TRANSPOSE_CODE_TITLE",
    "array_code",
    "batch_code",
    "batch_code_result",
    "bmatrix",
    "cell_latex",
    "clamped_cell_note",
    "compose_latex",
    "describe_batch",
    "describe_batch_outputs",
    "describe_gradient",
    "describe_layer",
    "describe_map",
    "describe_product",
    "describe_transpose",
    "describe_warp",
    "describe_weight_gradient",
    "gradient_latex",
    "layer_code",
    "layer_code_result",
    "layer_latex",
    "map_code",
    "map_code_result",
    "map_latex",
    "number_list",
    "order_code",
    "order_code_result",
    "order_latex",
    "outer_gradient_latex",
    "product_code",
    "product_code_result",
    "product_latex",
    "rule_latex",
    "shapes_line",
    "transpose_code",
    "transpose_code_result",
    "transpose_latex",
    "warp_latex",
    "weight_gradient_latex",
]
