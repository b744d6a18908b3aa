"""Learner text for a 2×2 matrix warping the plane: formulas, sentences, code.

Examples
--------
>>> from core.matrices import plane_map
>>> "flipped over" in describe_map(plane_map([[0, 1], [1, 0]]))
True
>>> map_code_result(plane_map([[2, 1], [0.5, 1.5]]))
np.float64(2.5)
"""

from __future__ import annotations

from typing import Any

from core.matrices import PlaneMap, PlaneWarp, factor_text, numpy_like
from core.parsing import format_number
from text.matrices.common import array_code, bmatrix

MATRIX_FORM = "A = [[a, b], [c, d]]"
PRESETS_LABEL = "Presets:"
PLANE_CAPTION = (
    "Light grey: the plane before. Blue lines: the same grid after the map. "
    "Green and orange arrows: where î = (1, 0) and ĵ = (0, 1) land — the "
    "columns of the matrix. Press ▶ Play to watch the plane move."
)


def map_latex(pm: PlaneMap, name: str = "A") -> str:
    """``A = [..]``, its columns and ``det A = a·d − b·c = …``."""
    (a, b), (c, d) = pm.matrix
    return (
        rf"{name} = {bmatrix(pm.matrix)} \qquad "
        rf"\det {name} = {factor_text(a)}\cdot{factor_text(d)} - "
        rf"{factor_text(b)}\cdot{factor_text(c)}"
        rf" = {format_number(pm.determinant, 6)}"
    )


def compose_latex(a: PlaneMap, b: PlaneMap, ab: PlaneMap) -> str:
    """``AB = [..][..] = [..]``, ``det(AB) = det A · det B``."""
    return (
        rf"AB = {bmatrix(a.matrix)}{bmatrix(b.matrix)} = {bmatrix(ab.matrix)} \qquad "
        rf"\det(AB) = {factor_text(a.determinant)}\cdot{factor_text(b.determinant)}"
        rf" = {format_number(ab.determinant, 6)}"
    )


def warp_latex(warp: PlaneWarp) -> str:
    """The formula of the warp: ``A`` and its determinant, or the product ``AB``."""
    if warp.first is None:
        return map_latex(warp.then)
    return compose_latex(warp.then, warp.first, warp.result)


def describe_map(pm: PlaneMap, name: str = "A") -> str:
    """What the matrix does to the plane right now, in words."""
    i_hat, j_hat = (
        f"({format_number(v[0], 4)}, {format_number(v[1], 4)})" for v in pm.columns
    )
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
    area = format_number(abs(pm.determinant), 4)
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


def describe_warp(warp: PlaneWarp) -> str:
    """What the chart shows: the map A, or AB read as first B, then A."""
    if warp.first is None:
        return describe_map(warp.result)
    return (
        "**AB means first B, then A** (read right to left): a point v goes "
        "to Bv, then to A(Bv) = (AB)v. ▶ Play shows B acting first, then A. "
        + describe_map(warp.result, "AB")
    )


def map_code(matrix: Any) -> str:
    """Code: the basis vectors, the unit square's corners and the determinant."""
    return (
        "import numpy as np\n\n"
        f"M = {array_code(matrix)}\n\n"
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
