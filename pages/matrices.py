"""Matrices: multiplication cell by cell, a 2×2 matrix warping the plane, one neural
network layer (forward propagation), and the transpose."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from core import matrices as mat
from core.parsing import format_matrix, format_number, parse_matrix
from ui import page
from ui.code_panel import code_panel
from ui.url_state import PageState, Param
from viz import matrices as viz
from viz import style

ENTRY = {"min_value": -3.0, "max_value": 3.0, "step": 0.1}
MATRIX_HELP = (
    "Rows separated by ; or new lines, numbers by commas or spaces; brackets are "
    "allowed: 2, 3; 4, 5 or [[2, 3], [4, 5]]. At most 6×6."
)
PARAMS = (
    Param.choice(
        "view",
        "Show",
        "multiply",
        {
            "multiply": "A·B",
            "transform": "Warp the plane",
            "layer": "Neural layer",
            "transpose": "Transpose",
        },
        widget="radio",
    ),
    # multiplication
    Param.text(
        "a",
        "A",
        "2, 3; 4, 5",
        widget="text_area",
        help=MATRIX_HELP,
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.text(
        "b",
        "B",
        "4, 6; 6, 8",
        widget="text_area",
        help=MATRIX_HELP,
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.integer(
        "cell",
        "Cell of C to explain (row by row)",
        1,
        min_value=1,
        max_value=36,
        help="Which cell the formula writes out; ▶ Play on the chart goes through all.",
    ),
    # the plane
    Param.number("m11", "a (row 1, column 1)", 2.0, **ENTRY),
    Param.number("m12", "b (row 1, column 2)", 1.0, **ENTRY),
    Param.number("m21", "c (row 2, column 1)", 0.5, **ENTRY),
    Param.number("m22", "d (row 2, column 2)", 1.5, **ENTRY),
    Param.toggle(
        "compose", "Compose with B: AB = first B, then A", False, help="Type B below."
    ),
    Param.text(
        "mb",
        "B (2×2)",
        "0, -1; 1, 0",
        help="The map applied first. 0, -1; 1, 0 turns the plane by 90°.",
        max_chars=200,
        validate=mat.validate_matrix_text,
    ),
    # one dense layer
    Param.text(
        "w",
        "W (outputs × inputs)",
        "0.2, -0.5, 1; 1.5, 0.3, -0.8",
        widget="text_area",
        help="Row i holds the weights into output i. " + MATRIX_HELP,
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.text(
        "x", "x (input)", "1, 2, 3", max_chars=200, validate=mat.validate_vector_text
    ),
    Param.text(
        "bias", "b (bias)", "0.5, -1", max_chars=200, validate=mat.validate_vector_text
    ),
    Param.choice(
        "act",
        "Activation f",
        "relu",
        {"identity": "none", "relu": "ReLU", "sigmoid": "sigmoid", "tanh": "tanh"},
        widget="radio",
    ),
    Param.text(
        "batch",
        "X (a batch: one example per row)",
        "1, 2, 3; 0, 1, -1; 2, 0, 1",
        widget="text_area",
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.text(
        "target",
        "t (target output, for the gradient)",
        "1, 0",
        max_chars=200,
        validate=mat.validate_vector_text,
    ),
    # the transpose
    Param.text(
        "t",
        "A",
        "1, 2; 3, 4",
        widget="text_area",
        help=MATRIX_HELP,
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.text(
        "tb",
        "B (to check (AB)ᵀ = BᵀAᵀ)",
        "5, 6; 7, 8",
        help=MATRIX_HELP,
        max_chars=600,
        validate=mat.validate_matrix_text,
    ),
    Param.text(
        "gx",
        "x (blank: 1, 2, …)",
        "",
        help="The layer's input; as many numbers as A has columns.",
        max_chars=200,
    ),
    Param.text(
        "gd",
        "δ = ∂L/∂z (blank: 1, −1, …)",
        "",
        help="The error signal at the layer's outputs; as many numbers as A has rows.",
        max_chars=200,
    ),
)


def _product_figure(a_text: str, b_text: str, step: int) -> Any:
    return viz.product_figure(mat.multiply_from_text(a_text, b_text), step)


def _plane_figure(matrix: tuple[float, ...], first: tuple[float, ...] | None) -> Any:
    pm = mat.plane_map(np.reshape(matrix, (2, 2)))
    before = None if first is None else mat.plane_map(np.reshape(first, (2, 2)), "B")
    return viz.plane_figure(pm, first=before)


def _transpose_figure(text: str) -> Any:
    return viz.transpose_figure(mat.transpose_from_text(text))


def _layer_figure(w: str, x: str, b: str, activation: str) -> Any:
    return viz.layer_figure(mat.layer_from_text(w, x, b, activation))


def _batch_figure(outputs: str) -> Any:
    y = parse_matrix(outputs, "Y")
    return viz.batch_figure(y, y)


FIGURES = {
    "product": _product_figure,
    "plane": _plane_figure,
    "transpose": _transpose_figure,
    "layer": _layer_figure,
    "batch": _batch_figure,
}


# Figures are cached as objects (cache_resource), not pickled copies (cache_data):
# a figure with animation frames takes as long to unpickle as to build, and
# st.plotly_chart only reads it. One cached function for all of them, because the
# script (and so each decorator) runs again on every rerun. Keys are text and tuples.
@st.cache_resource(max_entries=64, show_spinner=False)
def figure(kind: str, *args: Any) -> Any:
    return style.freeze(FIGURES[kind](*args))


def _cell_editor(state: PageState, name: str, label: str) -> None:
    """Sizes and one number cell per entry; every edit is written back as text."""
    try:
        current = parse_matrix(state.value(name), label)
    except ValueError:
        st.caption(f"Fix the text of {label} to edit its cells.")
        return
    rows, cols = current.shape
    st.session_state[f"_{name}_rows"] = rows
    st.session_state[f"_{name}_cols"] = cols
    size_cols = st.columns(2)
    size_cols[0].selectbox(
        f"{label}: rows",
        range(1, 7),
        key=f"_{name}_rows",
        on_change=_resize,
        args=(state, name, label),
    )
    size_cols[1].selectbox(
        f"{label}: columns",
        range(1, 7),
        key=f"_{name}_cols",
        on_change=_resize,
        args=(state, name, label),
    )
    for i in range(rows):
        cells = st.columns(cols)
        for j in range(cols):
            key = f"_{name}_{i}_{j}"
            st.session_state[key] = float(current[i, j])
            cells[j].number_input(
                f"{label}[{i + 1},{j + 1}]",
                key=key,
                step=1.0,
                format="%g",
                label_visibility="collapsed",
                on_change=_cell_changed,
                args=(state, name, label, i, j),
            )


def _resize(state: PageState, name: str, label: str) -> None:
    current = parse_matrix(state.value(name), label)
    rows = int(st.session_state[f"_{name}_rows"])
    cols = int(st.session_state[f"_{name}_cols"])
    state.set_values({name: format_matrix(mat.resize_matrix(current, rows, cols))})


def _cell_changed(state: PageState, name: str, label: str, i: int, j: int) -> None:
    current = parse_matrix(state.value(name), label)
    value = st.session_state[f"_{name}_{i}_{j}"]
    if value is None:
        return
    current[i, j] = float(value)
    state.set_values({name: format_matrix(current)})


state = page.start(
    "matrices",
    "Matrices: multiply, warp, propagate, transpose",
    PARAMS,
    intro=(
        "A **matrix** is a table of numbers — a layer's weights, a batch of examples, "
        "a map of the plane. Multiplying matrices pairs every row of the first with "
        "every column of the second: that is how a neural network pushes data "
        "forward. *(Notebook cells 3–4: `[[2, 3], [4, 5]] @ [[4, 6], [6, 8]]` gives "
        "`[[26, 36], [46, 64]]`; `[[1, 2], [3, 4]].T` gives `[[1, 3], [2, 4]]`.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")

# -- A·B ---------------------------------------------------------------------------------
if view == "multiply":
    with controls:
        a_text = state.widget("a")
        b_text = state.widget("b")
        if st.toggle("Edit as number cells", key="_cells_on"):
            _cell_editor(state, "a", "A")
            _cell_editor(state, "b", "B")
        cell = state.widget("cell")
        page.reset_button(state)
        state.sync_url()
        product = page.compute("product", mat.multiply_from_text, a_text, b_text)
        if cell > product.cells:
            st.caption(f"C has only {product.cells} cells: showing the last one.")
    i, j = product.cell_index(cell)
    with main:
        st.markdown(f"**Shapes:** {product.shapes}")
        page.formula(mat.product_latex(product))
        page.formula(mat.cell_latex(product, i, j))
        words = mat.describe_product(product, i, j)
        page.explain(words)
        page.chart(
            figure("product", format_matrix(product.a), format_matrix(product.b), cell),
            key="product",
            alt=words,
        )
        code_panel(
            mat.product_code(product.a, product.b),
            mat.product_code_result(product),
            title="Show the NumPy code (notebook cell 3)",
        )
        st.subheader("Order matters: A·B vs B·A")
        comparison = mat.compare_orders(product)
        if comparison.ba is None:
            page.formula(rf"AB = {mat.bmatrix(comparison.ab)}")
        else:
            page.formula(
                rf"AB = {mat.bmatrix(comparison.ab)} \qquad "
                rf"BA = {mat.bmatrix(comparison.ba)}"
            )
        page.explain(comparison.reason)
        code_panel(
            mat.order_code(product.a, product.b),
            mat.order_code_result(comparison),
            title="Show the code comparing the two orders",
        )

# -- a matrix as a map of the plane ---------------------------------------------------------
elif view == "transform":
    with controls:
        st.markdown("A = [[a, b], [c, d]]")
        entries = [state.widget(name) for name in ("m11", "m12", "m21", "m22")]
        st.caption("Presets:")
        preset_cols = st.columns(2)
        for index, (label, (matrix, _)) in enumerate(mat.PLANE_PRESETS.items()):
            (m11, m12), (m21, m22) = matrix
            preset_cols[index % 2].button(
                label.capitalize(),
                key=f"plane_{label}",
                on_click=state.set_values,
                args=({"m11": m11, "m12": m12, "m21": m21, "m22": m22},),
                width="stretch",
            )
        composing = state.widget("compose")
        b_plane_text = state.widget("mb") if composing else state.value("mb")
        page.reset_button(state)
        state.sync_url()
        pm = page.compute("plane", mat.plane_map, [entries[:2], entries[2:]], "A")
        first = None
        if composing:
            first = page.compute(
                "plane_b",
                lambda text: mat.plane_map(mat.matrix_from_text(text, "B"), "B"),
                b_plane_text,
            )
    with main:
        if first is None:
            page.formula(mat.map_latex(pm))
            words = mat.describe_map(pm)
        else:
            ab = mat.compose(first, pm)
            page.formula(mat.compose_latex(pm, first, ab))
            words = (
                "**AB means first B, then A** (read right to left): a point v goes "
                "to Bv, then to A(Bv) = (AB)v. ▶ Play shows B acting first, then A. "
                + mat.describe_map(ab, "AB")
            )
        page.explain(words)
        page.chart(
            figure(
                "plane",
                tuple(pm.matrix.ravel()),
                None if first is None else tuple(first.matrix.ravel()),
            ),
            key="plane",
            alt=words,
        )
        st.caption(
            "Light grey: the plane before. Blue lines: the same grid after the map. "
            "Green and orange arrows: where î = (1, 0) and ĵ = (0, 1) land — the "
            "columns of the matrix. Press ▶ Play to watch the plane move."
        )
        shown = pm if first is None else mat.compose(first, pm)
        code_panel(mat.map_code(shown.matrix), mat.map_code_result(shown))

# -- one dense layer ----------------------------------------------------------------------
elif view == "layer":
    with controls:
        w_text = state.widget("w")
        x_text = state.widget("x")
        b_text = state.widget("bias")
        activation = state.widget("act")
        batch_text = state.widget("batch")
        target_text = state.widget("target")
        page.reset_button(state)
        state.sync_url()
        layer = page.compute(
            "layer", mat.layer_from_text, w_text, x_text, b_text, activation
        )
    with main:
        for line in mat.layer_latex(layer):
            page.formula(line)
        words = mat.describe_layer(layer)
        page.explain(words)
        page.chart(
            figure(
                "layer",
                format_matrix(layer.weights),
                format_matrix(layer.x),
                format_matrix(layer.bias),
                layer.activation,
            ),
            key="layer",
            alt=words,
        )
        code_panel(mat.layer_code(layer), mat.layer_code_result(layer))
        st.subheader("A batch of inputs: X @ W.T + b")
        with controls:
            batch = page.compute("batch", mat.batch_from_text, layer, batch_text)
        page.explain(
            f"X holds {batch.inputs.shape[0]} examples, one per **row** "
            f"({mat.shape_text(batch.inputs.shape)}). W is "
            f"{mat.shape_text(layer.weights.shape)}, so X @ W would not fit; its "
            f"transpose Wᵀ is {mat.shape_text(layer.weights.T.shape)} and "
            f"X @ Wᵀ is {mat.shape_text(batch.z.shape)}: one row of outputs per "
            "example, the whole batch in one matrix product. Each row equals "
            "f(W x + b) for that example."
        )
        page.chart(
            figure("batch", format_matrix(batch.y)),
            key="batch_outputs",
            alt="The layer's outputs for each example of the batch: "
            + "; ".join(", ".join(format_number(v, 4) for v in row) for row in batch.y),
        )
        code_panel(mat.batch_code(batch), mat.batch_code_result(batch))
        st.subheader("Backward: the gradient of the weights")
        with controls:
            gradient = page.compute(
                "gradient", mat.gradient_from_text, layer, target_text
            )
        for line in mat.gradient_latex(gradient):
            page.formula(line)
        page.explain(mat.describe_gradient(gradient))

# -- the transpose -------------------------------------------------------------------------
else:
    with controls:
        t_text = state.widget("t")
        tb_text = state.widget("tb")
        st.markdown("**In a layer's gradient** (A read as the weights W):")
        gx_text = state.widget("gx")
        gd_text = state.widget("gd")
        page.reset_button(state)
        state.sync_url()
        tr = page.compute("transpose", mat.transpose_from_text, t_text)
        rule = page.compute(
            "rule",
            lambda a, text: mat.check_transpose_rule(
                a, mat.matrix_from_text(text, "B")
            ),
            tr.matrix,
            tb_text,
        )
        x_vec, delta = page.compute(
            "grad_inputs", mat.gradient_inputs, tr.matrix, gx_text, gd_text
        )
    with main:
        page.formula(mat.transpose_latex(tr))
        words = mat.describe_transpose(tr)
        page.explain(words)
        page.chart(
            figure("transpose", format_matrix(tr.matrix)), key="transpose", alt=words
        )
        st.caption(
            "Each entry keeps the colour of its row in A: after the flip, row 1 is "
            "column 1. Press ▶ Play to turn A over its main diagonal."
        )
        code_panel(
            mat.transpose_code(tr.matrix),
            mat.transpose_code_result(tr),
            title="Show the NumPy code (notebook cell 4)",
        )
        st.subheader("Transposing a product reverses the order")
        page.formula(mat.rule_latex(rule))
        page.explain(rule.message)
        st.subheader("Why gradients need the transpose")
        page.formula(mat.outer_gradient_latex(delta, x_vec))
        m, n = tr.matrix.shape
        page.explain(
            f"For a layer z = W x with W = A ({m}×{n}), the gradient of the loss "
            f"with respect to W is the error signal δ (a column of {m}) times the "
            f"input turned into a row, xᵀ ({n} entries): **δ xᵀ is {m}×{n}, the "
            "shape of W**, one number per weight. The error sent back to the "
            f"inputs is Wᵀδ = ({', '.join(format_number(v, 4) for v in tr.matrix.T @ delta)})."
        )
