"""Learner text for the Vectors page: the code panels, formulas and sentences.

Pure functions of ``core.vectors`` results: no Streamlit, no Plotly.

Examples
--------
>>> from core.vectors import dot_product
>>> dot_sum_text(dot_product([1, 2, 3], [4, 5, 6]))
'1·4 + 2·5 + 3·6 = 32'
>>> dot_code([1, 2, 3], [4, 5, 6]).splitlines()[-1]
'dot_product'
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.parsing import code_literal, display_number, format_number
from core.vectors import DotProduct, is_whole

#: The page's opening paragraph.
INTRO = (
    "A **vector** is a list of numbers — a data point, a row of features, an "
    "embedding — drawn as an arrow from the origin. The **dot product** "
    "`a·b = a₁b₁ + a₂b₂ + …` multiplies them term by term and adds up; it tells "
    "how much two vectors point the same way, and it is the first step of every "
    "neuron. *(Notebook cell 2: `np.dot([1, 2, 3], [4, 5, 6])` gives 32.)*"
)

#: Under the charts when vectors of more than two numbers are drawn in their plane.
PLANE_NOTE = (
    "Vectors with more than two numbers cannot be drawn on a flat screen as "
    "they are, but any two of them lie in one flat plane: the left chart "
    "shows that plane, with a along the horizontal axis. Their lengths and "
    "the angle between them are exact."
)

#: Why the cosine and the angle have no value with a zero vector (a readout's help).
NO_DIRECTION = "A zero vector has no direction."

RELATION_WORDS: dict[str, str] = {
    "orthogonal": (
        "**orthogonal** (at right angles): a·b = 0, so neither has any component "
        "along the other — in machine learning, two unrelated features or embeddings"
    ),
    "parallel": (
        "**parallel** (pointing the same way): cosine similarity 1, the largest "
        "possible — a·b = |a||b|"
    ),
    "opposite": (
        "**opposite** (pointing in exactly opposite directions): cosine similarity "
        "−1 — a·b = −|a||b|"
    ),
    "acute": "at an acute angle (less than 90°): a·b is positive",
    "obtuse": "at an obtuse angle (more than 90°): a·b is negative",
}


# -- words and formulas for the page ----------------------------------------------------


def _factor(value: float) -> str:
    """A factor of a product, in brackets when negative: ``(-3)``."""
    text = format_number(value, 4)
    return f"({text})" if value < 0 else text


def dot_sum_text(result: DotProduct) -> str:
    """``1·4 + 2·5 + 3·6 = 32``: the dot product written out term by term."""
    pairs = [
        f"{_factor(x)}·{_factor(y)}" for x, y in zip(result.a, result.b, strict=True)
    ]
    return " + ".join(pairs) + f" = {format_number(result.dot, 6)}"


def dot_latex(result: DotProduct) -> list[str]:
    """Two formula lines: ``a·b = 1·4 + 2·5 + 3·6 = 32``, then the cosine and angle."""
    pairs = [
        rf"{_factor(x)}\cdot{_factor(y)}".replace("−", "-")
        for x, y in zip(result.a, result.b, strict=True)
    ]
    dot = format_number(result.dot, 6)
    norm_a, norm_b = format_number(result.norm_a, 4), format_number(result.norm_b, 4)
    first = r"a\cdot b = " + " + ".join(pairs) + f" = {dot}"
    cosine = r"\cos\theta = \frac{a\cdot b}{\lVert a\rVert\,\lVert b\rVert}"
    if result.cosine is None:
        norms = rf"\lVert a\rVert = {norm_a},\quad \lVert b\rVert = {norm_b}"
        return [
            first,
            norms + r" \qquad " + cosine + r" = \frac{0}{0}\ \text{(undefined)}",
        ]
    assert result.angle_degrees is not None
    angle = format_number(result.angle_degrees, 4)
    return [
        first,
        cosine
        + (rf" = \frac{{{dot}}}{{{norm_a}\times{norm_b}}}").replace("−", "-")
        + rf" = {_cosine(result)} \;\Rightarrow\; \theta = {angle}^\circ",
    ]


def describe_dot(result: DotProduct) -> str:
    """One or two sentences saying what the vectors do right now."""
    total = f"**a·b = {format_number(result.dot, 6)}**"
    if result.relation == "zero":
        which = (
            "a and b are both"
            if result.norm_a == 0 and result.norm_b == 0
            else ("a is" if result.norm_a == 0 else "b is")
        )
        return (
            f"{total}: {which} the zero vector, which has length 0 and no direction, "
            "so **there is no angle and no cosine similarity** (the formula would "
            "divide by 0). The dot product with a zero vector is always 0."
        )
    assert result.angle_degrees is not None
    assert result.cosine is not None
    return (
        f"{total} ({dot_sum_text(result)}). The vectors are "
        f"{RELATION_WORDS[result.relation]}. The angle is "
        f"**{format_number(result.angle_degrees, 4)}°** and the cosine similarity "
        f"**{_cosine(result)}**."
    )


def describe_projection(result: DotProduct) -> str:
    """What the projection segment means, with the current numbers."""
    if result.projection_length is None:
        return (
            "With a zero vector there is no direction to project onto, so no "
            "projection is drawn."
        )
    length = format_number(result.projection_length, 4)
    norm_b = format_number(result.norm_b, 4)
    shadow = (
        f"The shadow of a on the line of b has signed length a·b / |b| = "
        f"{format_number(result.dot, 6)} / {norm_b} = **{length}**"
    )
    if result.relation == "orthogonal":
        return shadow + ": a casts no shadow on b, because they are at right angles."
    direction = (
        "pointing the same way as b"
        if result.projection_length > 0
        else "pointing against b (the minus sign), because the angle is over 90°"
    )
    return (
        f"{shadow}, {direction}. So a·b = |b| × (shadow of a) = "
        f"{norm_b} × {length}: the dot product measures how much "
        "of a lies along b, scaled by the length of b."
    )


def describe_terms(result: DotProduct) -> str:
    """The running-sum chart in words (its text alternative)."""
    return f"The dot product built up term by term: {dot_sum_text(result)}."


def readouts(result: DotProduct) -> list[tuple[str, str, str | None]]:
    """The five big numbers over the charts: (label, value, help)."""
    numbers: list[tuple[str, str, str | None]] = [
        ("a·b", format_number(result.dot, 6), None),
        ("|a| (length)", format_number(result.norm_a, 4), None),
        ("|b| (length)", format_number(result.norm_b, 4), None),
    ]
    if result.cosine is None or result.angle_degrees is None:
        numbers.append(("cos θ: undefined", "—", NO_DIRECTION))
        numbers.append(("angle θ: undefined", "—", NO_DIRECTION))
    else:
        numbers.append(("cos θ (similarity)", _cosine(result), None))
        numbers.append(("angle θ", f"{format_number(result.angle_degrees, 4)}°", None))
    return numbers


# -- code shown to the learner (the notebook's style, current values filled in) --------


def _array(values: Any) -> str:
    return f"np.array({code_literal(np.asarray(values, dtype=float))})"


def dot_code(a: Any, b: Any) -> str:
    """Notebook cell 2 with the current vectors: its last line is ``dot_product``."""
    return (
        "import numpy as np\n\n"
        "# Vectors\n"
        f"a = {_array(a)}\n"
        f"b = {_array(b)}\n\n"
        "dot_product = np.dot(a, b)\n"
        "dot_product"
    )


def dot_code_result(result: DotProduct) -> Any:
    """What the last line of :func:`dot_code` evaluates to, NumPy type included.

    Whole-number entries are written as ``1`` (not ``1.0``), so NumPy stores
    them as integers and prints ``np.int64(32)``, exactly like the notebook.
    """
    if is_whole(result.a) and is_whole(result.b):
        return np.int64(round(result.dot))
    return np.dot(result.a, result.b)


def angle_code(a: Any, b: Any) -> str:
    """Code for the norms, cosine similarity, angle and projection of ``a`` on ``b``."""
    return (
        "import numpy as np\n\n"
        f"a = {_array(a)}\n"
        f"b = {_array(b)}\n\n"
        "if not a.any() or not b.any():\n"
        '    summary = "a zero vector has no direction: no angle, no projection"\n'
        "else:\n"
        "    # divide each vector by its largest entry: the directions stay the same,\n"
        "    # and tiny entries (1e-200, whose square underflows to 0) keep a length\n"
        "    a1, b1 = a / np.abs(a).max(), b / np.abs(b).max()\n"
        "    norm_a1 = np.linalg.norm(a1)  # length: sqrt(a1 · a1)\n"
        "    norm_b1 = np.linalg.norm(b1)\n"
        "    cosine = np.dot(a1, b1) / (norm_a1 * norm_b1)  # cosine similarity\n"
        "    angle = np.degrees(np.arccos(np.clip(cosine, -1, 1)))\n"
        "    # the shadow of a on b: (a · b / |b|²) b, with the scales put back\n"
        "    projection = np.dot(a1, b1) / norm_b1**2 * b1 * np.abs(a).max()\n"
        "    summary = {\n"
        '        "cosine": round(float(cosine), 4),\n'
        '        "angle": round(float(angle), 2),\n'
        '        "projection": np.round(projection, 4).tolist(),\n'
        "    }\n"
        "summary"
    )


def angle_code_result(result: DotProduct) -> dict[str, Any] | str:
    """What the last line of :func:`angle_code` evaluates to.

    The snippet's own operations, in its order, so that its rounding gives the
    same digits (``result.cosine`` may differ from them in the last bit).
    """
    if result.cosine is None:
        return "a zero vector has no direction: no angle, no projection"
    a, b = result.a, result.b
    a1, b1 = a / np.abs(a).max(), b / np.abs(b).max()
    norm_a1, norm_b1 = np.linalg.norm(a1), np.linalg.norm(b1)
    cosine = np.dot(a1, b1) / (norm_a1 * norm_b1)
    angle = np.degrees(np.arccos(np.clip(cosine, -1, 1)))
    projection = np.dot(a1, b1) / norm_b1**2 * b1 * np.abs(a).max()
    return {
        "cosine": round(float(cosine), 4),
        "angle": round(float(angle), 2),
        "projection": np.round(projection, 4).tolist(),
    }


def _cosine(result: DotProduct) -> str:
    """cos θ to 4 digits; exactly 0 for vectors at right angles (within the tolerance)."""
    assert result.cosine is not None
    return "0" if result.relation == "orthogonal" else format_number(result.cosine, 4)


def plane_readout(result: DotProduct) -> str:
    """The numbers a live chart shows while a tip is dragged (one short line)."""
    dot = f"a·b = {display_number(result.dot)}"
    if result.angle_degrees is None or result.projection_length is None:
        return f"{dot} · a zero vector: no angle"
    angle = display_number(result.angle_degrees, 3)
    shadow = display_number(result.projection_length, 3)
    return f"{dot} · θ = {angle}° · shadow of a on b = {shadow}"
