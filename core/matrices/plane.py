"""A 2×2 matrix as a map of the plane: basis vectors, determinant, composition.

Examples
--------
>>> plane_map([[2, 0], [0, 3]]).determinant
6.0
>>> turn, shear = plane_map([[0, -1], [1, 0]]), plane_map([[1, 1], [0, 1]])
>>> compose(shear, turn).matrix.tolist()  # first the shear, then the turn
[[0.0, -1.0], [1.0, 1.0]]
>>> path = warp_path(plane_warp(plane_map([[3, 0], [0, 1]])), 3)
>>> [float(m.matrix[0, 0]) for m in path]  # I, half-way, then the matrix
[1.0, 2.0, 3.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.matrices.checks import (
    array_key,
    check_matrix,
    matrix_from_text,
    shape_text,
)
from core.parsing import as_finite_array, check_in_range, check_int, finite_result

#: Named matrices for the transformation view: (matrix, one line on what it does).
PLANE_PRESETS: dict[
    str, tuple[tuple[tuple[float, float], tuple[float, float]], str]
] = {
    "identity": (((1, 0), (0, 1)), "leaves every point where it is"),
    "rotation": (((0, -1), (1, 0)), "turns the plane by 90° anticlockwise"),
    "scaling": (((2, 0), (0, 0.5)), "stretches x by 2 and squashes y by half"),
    "shear": (((1, 1), (0, 1)), "slides each row sideways by its height"),
    "reflection": (((1, 0), (0, -1)), "mirrors the plane in the x axis"),
    "projection": (
        ((1, 0), (0, 0)),
        "flattens every point straight down onto the x axis",
    ),
    "singular": (((1, 2), (0.5, 1)), "squashes the whole plane onto one line"),
}

MapKind = Literal["invertible", "line", "point"]


@dataclass(frozen=True)
class PlaneMap:
    """A 2×2 matrix seen as a map of the plane.

    Its columns are where the basis vectors ``î = (1, 0)`` and ``ĵ = (0, 1)``
    land. ``determinant`` is the signed area of the image of the unit square:
    negative when the map flips the plane over. ``kind`` says whether the
    plane keeps its two dimensions, collapses onto a line (rank 1) or onto the
    origin (rank 0).
    """

    matrix: np.ndarray  # shape (2, 2)
    determinant: float
    kind: MapKind

    @property
    def key(self) -> tuple[Any, ...]:
        """The matrix this map was computed from (a cache key)."""
        return array_key(self.matrix)

    @property
    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        """Where ``î`` and ``ĵ`` land: the two columns of the matrix."""
        return self.matrix[:, 0], self.matrix[:, 1]

    @property
    def flips(self) -> bool:
        """Whether the map turns the plane over (a negative determinant)."""
        return self.determinant < 0


def plane_map(matrix: Any, name: str = "M") -> PlaneMap:
    """Read a 2×2 matrix as a map of the plane.

    Parameters
    ----------
    matrix : array_like of shape (2, 2)
        ``[[a, b], [c, d]]``.
    name : str
        What the learner calls it, for error messages.

    Returns
    -------
    PlaneMap

    Notes
    -----
    ``det [[a, b], [c, d]] = a·d − b·c``, computed exactly like this (not by
    ``np.linalg.det``, whose rounding would turn a singular matrix into
    ``1e-16``). Rank 0 when every entry is 0; rank 1 when the rows are parallel
    up to rounding, judged *relative* to the size of each row (so
    ``[[1e6, 0], [0, 1e-6]]``, det 1, is invertible); rank 2 otherwise.

    Examples
    --------
    >>> plane_map([[1e6, 0], [0, 1e-6]]).kind, plane_map([[1, 2], [0.5, 1]]).kind
    ('invertible', 'line')
    """
    m = check_matrix(matrix, name)
    if m.shape != (2, 2):
        raise ValueError(
            f"{name} must be 2×2 to act on the plane, not {shape_text(m.shape)}."
        )
    det = float(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0])
    kind: MapKind
    if not np.any(m):
        kind = "point"
    elif _collapses(m):
        kind, det = "line", 0.0
    else:
        kind = "invertible"
        if det == 0:
            raise ValueError(
                f"{name} is invertible, but its entries are so small that its "
                "determinant is below the smallest number a computer stores: "
                "multiply every entry by the same power of 10."
            )
    return PlaneMap(m, det, kind)


#: A 2×2 matrix collapses the plane when ``|a·d − b·c|`` is below this share of
#: ``|a·d| + |b·c|`` (after each row is scaled to size 1): far above rounding
#: (~1e-16) and far below any determinant a learner means.
SINGULAR_TOLERANCE = 1e-12


def _collapses(m: np.ndarray) -> bool:
    """Whether the rows of ``m`` (shape (2, 2), not all 0) are parallel, to rounding.

    The test is relative, so it does not depend on units: each row is first scaled
    by a power of two (exact) to entries of size about 1. ``[[1e6, 0], [0, 1e-6]]``
    has determinant 1 and is invertible; ``[[1, 2], [0.5, 1]]`` has rows that are
    multiples of each other. A zero row always collapses the plane.
    """
    biggest = np.max(np.abs(m), axis=1)
    if np.any(biggest == 0):
        return True
    rows = np.ldexp(m, -np.frexp(biggest)[1][:, None])
    ad, bc = rows[0, 0] * rows[1, 1], rows[0, 1] * rows[1, 0]
    return bool(abs(ad - bc) <= SINGULAR_TOLERANCE * (abs(ad) + abs(bc)))


def plane_map_from_text(text: str, name: str) -> PlaneMap:
    """Read a 2×2 matrix as typed (``"0, -1; 1, 0"``) and read it as a map.

    Parameters
    ----------
    text : str
        The matrix as the learner typed it.
    name : str
        What the learner calls it, for error messages.

    Returns
    -------
    PlaneMap
    """
    return plane_map(matrix_from_text(text, name), name)


def compose(first: PlaneMap, then: PlaneMap) -> PlaneMap:
    """The map "first ``first``, then ``then``": the product ``then @ first``.

    Parameters
    ----------
    first : PlaneMap
        The map applied first (``B`` in ``AB``).
    then : PlaneMap
        The map applied second (``A`` in ``AB``).

    Returns
    -------
    PlaneMap
        Of ``then.matrix @ first.matrix``.

    Notes
    -----
    A point ``v`` goes to ``first.matrix @ v`` and then to
    ``then.matrix @ (first.matrix @ v) = (then.matrix @ first.matrix) @ v``:
    so ``AB`` means *first B, then A* (read right to left).
    """
    return plane_map(then.matrix @ first.matrix, "AB")


def interpolate(start: np.ndarray, end: np.ndarray, t: float) -> np.ndarray:
    """``(1 − t)·start + t·end``: the matrix part-way through the animation.

    Parameters
    ----------
    start, end : ndarray
        The matrices at ``t = 0`` and ``t = 1``.
    t : float
        How far along, from 0 to 1.

    Returns
    -------
    ndarray
        Of the shape of ``start``.
    """
    t = check_in_range(t, "t", 0.0, 1.0)
    begin, stop = as_finite_array(start, "start"), as_finite_array(end, "end")
    if begin.shape != stop.shape:
        raise ValueError("start and end must have the same shape.")
    with np.errstate(over="ignore"):
        return finite_result((1.0 - t) * begin + t * stop, "The matrix part-way")


@dataclass(frozen=True)
class PlaneWarp:
    """The plane warped by ``then`` (A), after ``first`` (B) when there is one.

    ``result`` is the whole map: ``A`` alone, or ``AB`` (first B, then A).
    """

    then: PlaneMap
    first: PlaneMap | None
    result: PlaneMap

    @property
    def key(self) -> tuple[Any, ...]:
        """The matrices this warp was computed from (a cache key)."""
        return (self.then.key, None if self.first is None else self.first.key)


def plane_warp(then: PlaneMap, first: PlaneMap | None = None) -> PlaneWarp:
    """The warp by ``then``, or by ``then`` after ``first`` (their product).

    Parameters
    ----------
    then : PlaneMap
        ``A``, the map applied last.
    first : PlaneMap, optional
        ``B``, the map applied first.

    Returns
    -------
    PlaneWarp
    """
    if not isinstance(then, PlaneMap) or not isinstance(first, PlaneMap | None):
        raise ValueError("A warp is made of plane maps: use plane_map(...) first.")
    result = then if first is None else compose(first, then)
    return PlaneWarp(then, first, result)


def warp_path(warp: PlaneWarp, frames: int) -> list[PlaneMap]:
    """The maps of an animation from the identity to ``warp.result``.

    Parameters
    ----------
    warp : PlaneWarp
        Where the animation ends.
    frames : int
        Frames per stage (at least 2).

    Returns
    -------
    list of PlaneMap
        ``frames`` maps from ``I`` to ``A``; with ``first``, ``frames`` from
        ``I`` to ``B`` and then ``frames − 1`` from ``B`` to ``AB`` (A growing
        from the identity while B stays applied).
    """
    frames = check_int(frames, "The number of frames", 2, 1000)
    identity = np.eye(2)
    ts = np.linspace(0.0, 1.0, frames)
    if warp.first is None:
        path = [interpolate(identity, warp.then.matrix, t) for t in ts]
    else:
        b = warp.first.matrix
        path = [interpolate(identity, b, t) for t in ts] + [
            interpolate(identity, warp.then.matrix, t) @ b for t in ts[1:]
        ]
    return [plane_map(matrix) for matrix in path]
