"""Vectors and the dot product: term by term, norms, angle, cosine similarity, projection.

Notebook cell 2::

    asif = np.array([1, 2, 3])
    ahanger = np.array([4, 5, 6])
    np.dot(asif, ahanger)        # np.int64(32)

Examples
--------
>>> result = dot_product([1, 2, 3], [4, 5, 6])
>>> result.dot                  # 1·4 + 2·5 + 3·6
32.0
>>> result.terms.tolist()
[4.0, 10.0, 18.0]
>>> dot_product([1, 0], [0, 2]).relation
'orthogonal'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.parsing import as_finite_array, check_int, format_number, parse_vector

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

    Parameters
    ----------
    values : array_like of shape (n,)
        The vector's entries.
    name : str
        What the learner calls the vector (``"a"``), used in error messages.
    max_dimension : int, optional
        The most entries allowed.

    Returns
    -------
    ndarray of shape (n,)
        The entries as floats.

    Raises
    ------
    ValueError
        If the vector is empty, too long, not finite, or has an entry larger
        than ``MAX_ENTRY`` in size.

    Examples
    --------
    >>> check_vector([1, 2], "a")
    array([1., 2.])
    """
    max_dimension = check_int(max_dimension, "max_dimension", 1)
    vector = as_finite_array(values, name, ndim=1)
    if vector.size > max_dimension:
        raise ValueError(
            f"{name} has {vector.size} numbers; this page draws vectors with at most "
            f"{max_dimension}."
        )
    check_entries(vector, name)
    return vector


def check_entries(array: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` if an entry of ``array`` is larger than ``MAX_ENTRY``.

    Parameters
    ----------
    array : ndarray
        Any shape.
    name : str
        What the learner calls the array, used in the message.
    """
    array = np.asarray(array)
    if array.dtype.kind not in "iuf" or not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers.")
    biggest = float(np.max(np.abs(array))) if array.size else 0.0
    if biggest > MAX_ENTRY:
        raise ValueError(
            f"{name} has an entry of {format_number(biggest, 6)} in size; keep every "
            f"entry between −{MAX_ENTRY:,.0f} and {MAX_ENTRY:,.0f}."
        )


def is_whole(array: Any) -> bool:
    """True when every entry is a whole number (NumPy would then use integers).

    Examples
    --------
    >>> is_whole([1.0, -2.0]), is_whole([0.5])
    (True, False)
    """
    values = np.asarray(array, dtype=float)
    return bool(np.all(values == np.round(values)))


@dataclass(frozen=True)
class DotProduct:
    """Everything the page says about two vectors ``a`` and ``b`` of length ``n``.

    ``cosine``, ``angle_degrees`` and the projection are ``None`` when a vector
    is zero: a zero vector has no direction, so there is no angle to speak of.

    Attributes
    ----------
    a, b : ndarray of shape (n,)
        The two vectors.
    terms : ndarray of shape (n,)
        The products ``aᵢ·bᵢ``.
    dot : float
        Their sum ``a·b``.
    norm_a, norm_b : float
        The lengths ``|a|`` and ``|b|``.
    cosine : float or None
        The cosine similarity ``a·b / (|a||b|)``.
    angle_degrees : float or None
        The angle between ``a`` and ``b``, in degrees.
    projection_length : float or None
        The signed length of the shadow of ``a`` on ``b``'s direction: ``a·b / |b|``.
    projection : ndarray of shape (n,) or None
        The shadow itself, ``(a·b / |b|²) b``.
    relation : str
        ``"zero"``, ``"orthogonal"``, ``"parallel"``, ``"opposite"``, ``"acute"``
        or ``"obtuse"``.
    """

    a: np.ndarray
    b: np.ndarray
    terms: np.ndarray
    dot: float
    norm_a: float
    norm_b: float
    cosine: float | None
    angle_degrees: float | None
    projection_length: float | None
    projection: np.ndarray | None
    relation: Relation

    @property
    def dimension(self) -> int:
        """The number of entries ``n`` of each vector."""
        return int(self.a.size)

    @property
    def key(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The inputs this result was computed from (a cache key)."""
        return (tuple(self.a.tolist()), tuple(self.b.tolist()))


def _relation(
    unit_dot: float, unit_a: float, unit_b: float, cosine: float
) -> tuple[Relation, float]:
    """How a and b stand, and the angle a learner reads, in degrees.

    The relation and the angle snap to 90°, 0° or 180° within the tolerance;
    cos θ stays as computed, so a·b = |a||b|·cos θ holds exactly.
    """
    if abs(unit_dot) <= RELATION_TOLERANCE * unit_a * unit_b:
        return "orthogonal", 90.0
    if cosine >= 1 - RELATION_TOLERANCE:
        return "parallel", 0.0
    if cosine <= -1 + RELATION_TOLERANCE:
        return "opposite", 180.0
    return ("acute" if cosine > 0 else "obtuse"), math.degrees(math.acos(cosine))


def dot_product(a: Any, b: Any) -> DotProduct:
    """The dot product ``a·b = Σ aᵢbᵢ`` with norms, angle and projection.

    Parameters
    ----------
    a, b : array_like of shape (n,)
        Two vectors of the same length, 1 ≤ n ≤ 6.

    Returns
    -------
    DotProduct
        The terms, their sum, the lengths, the angle and the projection.

    Notes
    -----
    ``|a| = √(a·a)``; ``cos θ = a·b / (|a||b|)`` (the cosine similarity);
    ``θ = arccos(cos θ)``; the projection of ``a`` onto ``b`` is
    ``(a·b / |b|²) b``, whose signed length is ``a·b / |b|``.
    Two vectors are called orthogonal when ``|a·b| ≤ 10⁻⁹|a||b|`` and
    parallel or opposite when ``|cos θ| ≥ 1 − 10⁻⁹``. Only a vector of zeros is a
    zero vector: each vector is scaled by a power of two before its length is
    taken, so entries of 1e-200 (whose squares underflow to 0) keep their angle.

    Examples
    --------
    >>> r = dot_product([3, 4], [1, 0])
    >>> r.dot, r.norm_a, r.projection_length
    (3.0, 5.0, 3.0)
    >>> round(dot_product([1e-200, 0], [1e-200, 1e-200]).angle_degrees, 9)  # not "zero"
    45.0
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
    if not (np.any(va) and np.any(vb)):
        norm_a, norm_b = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
        return DotProduct(
            va, vb, terms, dot, norm_a, norm_b, None, None, None, None, "zero"
        )
    # Scale each vector by a power of two (exact) so its largest entry is about 1:
    # |a|² of a = (1e-200, 0) would underflow to 0 and call it a zero vector.
    # For ordinary entries every number below is the same, bit for bit.
    ea, eb = _exponent(va), _exponent(vb)
    sa, sb = np.ldexp(va, -ea), np.ldexp(vb, -eb)
    unit_dot = float(np.sum(sa * sb))
    # √(x·x): what np.linalg.norm computes for a 1-D vector, without its checks
    unit_a, unit_b = math.sqrt(float(sa.dot(sa))), math.sqrt(float(sb.dot(sb)))
    norm_a, norm_b = math.ldexp(unit_a, ea), math.ldexp(unit_b, eb)
    cosine = min(max(unit_dot / (unit_a * unit_b), -1.0), 1.0)
    relation, angle = _relation(unit_dot, unit_a, unit_b, cosine)
    projection_length = math.ldexp(unit_dot / unit_b, ea)
    projection = math.ldexp(unit_dot / unit_b**2, ea) * sb
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


def _exponent(vector: np.ndarray) -> int:
    """The power of two that brings the largest entry of ``vector`` (not all 0) near 1."""
    return int(np.frexp(np.max(np.abs(vector)))[1])


def plane_coordinates(result: DotProduct) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` drawn in the plane they span, with ``a`` along the x axis.

    Lengths and the angle between them are kept exactly, so a picture of two
    vectors of any dimension is honest. With a zero vector, the other one lies
    on the x axis.

    Parameters
    ----------
    result : DotProduct
        The two vectors and the angle between them.

    Returns
    -------
    tuple of two ndarrays of shape (2,)
        The points standing for ``a`` and ``b``.

    Examples
    --------
    >>> pa, pb = plane_coordinates(dot_product([0, 3, 0], [4, 4, 0]))
    >>> pa.tolist(), pb.round(6).tolist()
    ([3.0, 0.0], [4.0, 4.0])
    """
    if result.norm_a == 0:
        return np.zeros(2), np.array([result.norm_b, 0.0])
    if result.cosine is None:
        return np.array([result.norm_a, 0.0]), np.zeros(2)
    # From cos θ itself (not the angle snapped for reading): a·b is kept exactly.
    cos = result.cosine
    sin = math.sqrt(max(0.0, 1.0 - cos * cos))
    return (
        np.array([result.norm_a, 0.0]),
        np.array([result.norm_b * cos, result.norm_b * sin]),
    )


def dot_product_from_text(a: str, b: str) -> DotProduct:
    """Read two vectors typed by a learner (``"1, 2, 3"``) and take their dot product.

    Parameters
    ----------
    a, b : str
        Numbers separated by commas, at most ``MAX_DIMENSION`` of them.

    Returns
    -------
    DotProduct
        As :func:`dot_product`.

    Examples
    --------
    >>> dot_product_from_text("1, 2", "3, 4").dot
    11.0
    """
    return dot_product(
        parse_vector(a, "a", max_length=MAX_DIMENSION),
        parse_vector(b, "b", max_length=MAX_DIMENSION),
    )


def validate_vector_text(text: str) -> np.ndarray:
    """Check a vector typed in a link (used to decide whether a URL value is kept).

    Parameters
    ----------
    text : str
        Numbers separated by commas.

    Returns
    -------
    ndarray of shape (n,)
        The vector, if it is one this page can draw (else ``ValueError``).
    """
    return check_vector(
        parse_vector(text, "the vector", max_length=MAX_DIMENSION), "the vector"
    )
