"""Vectors and the dot product: term by term, norms, angle, cosine similarity, projection.

Notebook cell 2::

    asif = np.array([1, 2, 3])
    ahanger = np.array([4, 5, 6])
    np.dot(asif, ahanger)        # np.int64(32)

Examples
--------
>>> result = dot_product([1, 2, 3], [4, 5, 6])
>>> result.dot
32.0
>>> dot_sum_text(result)
'1·4 + 2·5 + 3·6 = 32'
>>> dot_product([1, 0], [0, 2]).relation
'orthogonal'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.parsing import as_finite_array, code_literal, format_number, parse_vector

#: Most coordinates a vector may have on this page.
MAX_DIMENSION = 6
#: Largest size of one entry (keeps every product exact and every page fast).
MAX_ENTRY = 1_000_000.0
#: Relative tolerance for calling two vectors orthogonal, parallel or opposite.
RELATION_TOLERANCE = 1e-9

Relation = Literal["zero", "orthogonal", "parallel", "opposite", "acute", "obtuse"]


def check_vector(
    values: Any, name: str, *, max_dimension: int = MAX_DIMENSION
) -> np.ndarray:
    """Return ``values`` as a float vector of 1 to ``max_dimension`` finite entries.

    Raises ``ValueError`` naming ``name`` if the vector is empty, too long, not
    finite, or has an entry larger than ``MAX_ENTRY`` in size.
    """
    vector = as_finite_array(values, name, ndim=1)
    if vector.size > max_dimension:
        raise ValueError(
            f"{name} has {vector.size} numbers; this page draws vectors with at most "
            f"{max_dimension}."
        )
    check_entries(vector, name)
    return vector


def check_entries(array: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` if an entry of ``array`` is larger than ``MAX_ENTRY``."""
    biggest = float(np.max(np.abs(array))) if array.size else 0.0
    if biggest > MAX_ENTRY:
        raise ValueError(
            f"{name} has an entry of {format_number(biggest, 6)} in size; keep every "
            f"entry between −{MAX_ENTRY:,.0f} and {MAX_ENTRY:,.0f}."
        )


def is_whole(array: Any) -> bool:
    """True when every entry is a whole number (NumPy would then use integers)."""
    values = np.asarray(array, dtype=float)
    return bool(np.all(values == np.round(values)))


@dataclass(frozen=True)
class DotProduct:
    """Everything the page says about two vectors ``a`` and ``b`` of length ``n``.

    ``cosine``, ``angle_degrees`` and the projection are ``None`` when a vector
    is zero: a zero vector has no direction, so there is no angle to speak of.
    """

    a: np.ndarray  # shape (n,)
    b: np.ndarray  # shape (n,)
    terms: np.ndarray  # a * b, shape (n,)
    dot: float
    norm_a: float
    norm_b: float
    cosine: float | None
    angle_degrees: float | None
    #: signed length of the shadow of a on b's direction: a·b / |b|
    projection_length: float | None
    #: the shadow itself, (a·b / |b|²) b, shape (n,)
    projection: np.ndarray | None
    relation: Relation

    @property
    def dimension(self) -> int:
        return int(self.a.size)


def dot_product(a: Any, b: Any) -> DotProduct:
    """The dot product ``a·b = Σ aᵢbᵢ`` with norms, angle and projection.

    Parameters
    ----------
    a, b : array_like of shape (n,)
        Two vectors of the same length, 1 ≤ n ≤ 6.

    Notes
    -----
    ``|a| = √(a·a)``; ``cos θ = a·b / (|a||b|)`` (the cosine similarity);
    ``θ = arccos(cos θ)``; the projection of ``a`` onto ``b`` is
    ``(a·b / |b|²) b``, whose signed length is ``a·b / |b|``.
    Two vectors are called orthogonal when ``|a·b| ≤ 10⁻⁹|a||b|`` and
    parallel or opposite when ``|cos θ| ≥ 1 − 10⁻⁹``.

    Examples
    --------
    >>> r = dot_product([3, 4], [1, 0])
    >>> r.dot, r.norm_a, r.projection_length
    (3.0, 5.0, 3.0)
    """
    va = check_vector(a, "a")
    vb = check_vector(b, "b")
    if va.size != vb.size:
        raise ValueError(
            f"a has {va.size} numbers but b has {vb.size}: the dot product pairs "
            "them up term by term, so both need the same length."
        )
    terms = va * vb
    dot = float(np.sum(terms))
    norm_a = float(np.linalg.norm(va))
    norm_b = float(np.linalg.norm(vb))
    if norm_a == 0 or norm_b == 0:
        return DotProduct(
            va, vb, terms, dot, norm_a, norm_b, None, None, None, None, "zero"
        )
    cosine = float(np.clip(dot / (norm_a * norm_b), -1.0, 1.0))
    relation: Relation
    if abs(dot) <= RELATION_TOLERANCE * norm_a * norm_b:
        relation, cosine = "orthogonal", 0.0
    elif cosine >= 1 - RELATION_TOLERANCE:
        relation, cosine = "parallel", 1.0
    elif cosine <= -1 + RELATION_TOLERANCE:
        relation, cosine = "opposite", -1.0
    else:
        relation = "acute" if cosine > 0 else "obtuse"
    angle = math.degrees(math.acos(cosine))
    projection_length = dot / norm_b
    projection = (dot / norm_b**2) * vb
    return DotProduct(
        va,
        vb,
        terms,
        dot,
        norm_a,
        norm_b,
        cosine,
        angle,
        projection_length,
        projection,
        relation,
    )


def plane_coordinates(result: DotProduct) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` drawn in the plane they span, with ``a`` along the x axis.

    Lengths and the angle between them are kept exactly, so a picture of two
    vectors of any dimension is honest. Returns two points of shape (2,).
    With a zero vector, the other one lies on the x axis.
    """
    if result.norm_a == 0:
        return np.zeros(2), np.array([result.norm_b, 0.0])
    if result.angle_degrees is None:
        return np.array([result.norm_a, 0.0]), np.zeros(2)
    theta = math.radians(result.angle_degrees)
    return (
        np.array([result.norm_a, 0.0]),
        np.array([result.norm_b * math.cos(theta), result.norm_b * math.sin(theta)]),
    )


# -- words and formulas for the page (pure text, tested like the maths) ------------------


def _n(value: float, digits: int = 4) -> str:
    return format_number(value, digits)


def _factor(value: float) -> str:
    text = _n(value)
    return f"({text})" if value < 0 else text


def dot_sum_text(result: DotProduct) -> str:
    """``1·4 + 2·5 + 3·6 = 32``: the dot product written out term by term."""
    pairs = [
        f"{_factor(x)}·{_factor(y)}" for x, y in zip(result.a, result.b, strict=True)
    ]
    return " + ".join(pairs) + f" = {_n(result.dot, 6)}"


def dot_latex(result: DotProduct) -> list[str]:
    """Two formula lines: ``a·b = 1·4 + 2·5 + 3·6 = 32``, then the cosine and angle."""
    pairs = [
        rf"{_factor(x)}\cdot{_factor(y)}".replace("−", "-")
        for x, y in zip(result.a, result.b, strict=True)
    ]
    first = r"a\cdot b = " + " + ".join(pairs) + f" = {_n(result.dot, 6)}"
    norms = rf"\lVert a\rVert = {_n(result.norm_a)},\quad \lVert b\rVert = {_n(result.norm_b)}"
    if result.cosine is None:
        return [
            first,
            norms
            + r" \qquad \cos\theta = \frac{a\cdot b}{\lVert a\rVert\,\lVert b\rVert}"
            + r" = \frac{0}{0}\ \text{(undefined)}",
        ]
    assert result.angle_degrees is not None
    return [
        first,
        r"\cos\theta = \frac{a\cdot b}{\lVert a\rVert\,\lVert b\rVert}"
        + (
            rf" = \frac{{{_n(result.dot, 6)}}}{{{_n(result.norm_a)}\times{_n(result.norm_b)}}}"
        ).replace("−", "-")
        + rf" = {_n(result.cosine)} \;\Rightarrow\; \theta = {_n(result.angle_degrees)}^\circ",
    ]


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


def describe_dot(result: DotProduct) -> str:
    """One or two sentences saying what the vectors do right now."""
    total = f"**a·b = {_n(result.dot, 6)}**"
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
    assert result.projection_length is not None
    return (
        f"{total} ({dot_sum_text(result)}). The vectors are "
        f"{RELATION_WORDS[result.relation]}. The angle is "
        f"**{_n(result.angle_degrees)}°** and the cosine similarity "
        f"**{_n(result.cosine)}**."
    )


def describe_projection(result: DotProduct) -> str:
    """What the projection segment means, with the current numbers."""
    if result.projection_length is None:
        return (
            "With a zero vector there is no direction to project onto, so no "
            "projection is drawn."
        )
    length = result.projection_length
    shadow = (
        f"The shadow of a on the line of b has signed length a·b / |b| = "
        f"{_n(result.dot, 6)} / {_n(result.norm_b)} = **{_n(length)}**"
    )
    if result.relation == "orthogonal":
        return shadow + ": a casts no shadow on b, because they are at right angles."
    direction = (
        "pointing the same way as b"
        if length > 0
        else "pointing against b (the minus sign), because the angle is over 90°"
    )
    return (
        f"{shadow}, {direction}. So a·b = |b| × (shadow of a) = "
        f"{_n(result.norm_b)} × {_n(length)}: the dot product measures how much "
        "of a lies along b, scaled by the length of b."
    )


# -- code shown to the learner (the notebook's style, current values filled in) --------


def _array(values: np.ndarray) -> str:
    return f"np.array({code_literal(values)})"


def dot_code(a: Any, b: Any) -> str:
    """Notebook cell 2 with the current vectors: its last line is ``dot_product``."""
    return (
        "import numpy as np\n\n"
        "# Vectors\n"
        f"a = {_array(np.asarray(a, dtype=float))}\n"
        f"b = {_array(np.asarray(b, dtype=float))}\n\n"
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
        f"a = {_array(np.asarray(a, dtype=float))}\n"
        f"b = {_array(np.asarray(b, dtype=float))}\n\n"
        "norm_a = np.linalg.norm(a)  # length of a: sqrt(a · a)\n"
        "norm_b = np.linalg.norm(b)\n"
        "if norm_a == 0 or norm_b == 0:\n"
        '    summary = "a zero vector has no direction: no angle, no projection"\n'
        "else:\n"
        "    cosine = np.dot(a, b) / (norm_a * norm_b)  # cosine similarity\n"
        "    angle = np.degrees(np.arccos(np.clip(cosine, -1, 1)))\n"
        "    projection = np.dot(a, b) / norm_b**2 * b  # the shadow of a on b\n"
        "    summary = {\n"
        '        "cosine": round(float(cosine), 4),\n'
        '        "angle": round(float(angle), 2),\n'
        '        "projection": np.round(projection, 4).tolist(),\n'
        "    }\n"
        "summary"
    )


def angle_code_result(result: DotProduct) -> dict[str, Any] | str:
    """What the last line of :func:`angle_code` evaluates to."""
    if result.cosine is None:
        return "a zero vector has no direction: no angle, no projection"
    assert result.projection is not None
    cosine = np.dot(result.a, result.b) / (result.norm_a * result.norm_b)
    angle = np.degrees(np.arccos(np.clip(cosine, -1, 1)))
    return {
        "cosine": round(float(cosine), 4),
        "angle": round(float(angle), 2),
        "projection": np.round(
            np.dot(result.a, result.b) / result.norm_b**2 * result.b, 4
        ).tolist(),
    }


def dot_product_from_text(a: str, b: str) -> DotProduct:
    """Read two vectors typed by a learner (``"1, 2, 3"``) and take their dot product."""
    return dot_product(
        parse_vector(a, "a", max_length=MAX_DIMENSION),
        parse_vector(b, "b", max_length=MAX_DIMENSION),
    )


def validate_vector_text(text: str) -> np.ndarray:
    """Check a vector typed in a link (used to decide whether a URL value is kept)."""
    return check_vector(
        parse_vector(text, "the vector", max_length=MAX_DIMENSION), "the vector"
    )
