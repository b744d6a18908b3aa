"""Inputs shared by the tests of two layers (core and text) of one topic."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import bayes as cb
from core import matrices as mat

#: Matrix entries, sides, and chained pairs (A, B) with A's columns = B's rows.
entries = st.floats(min_value=-100, max_value=100, allow_nan=False)
sides = st.integers(1, 6)


def arrays(rows: int, cols: int) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.float64, (rows, cols), elements=entries)


chained = st.tuples(sides, sides, sides).flatmap(
    lambda s: st.tuples(arrays(s[0], s[1]), arrays(s[1], s[2]))
)
#: A layer: weights W (out × in), input x, bias b and an activation's name.
layers = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
    lambda s: st.tuples(
        arrays(s[0], s[1]),
        hnp.arrays(np.float64, s[1], elements=entries),
        hnp.arrays(np.float64, s[0], elements=entries),
        st.sampled_from(list(mat.ACTIVATIONS)),
    )
)


def all_probabilities(result: cb.Bayes) -> list[float]:
    """Every probability a Bayes result holds (the optional ones when present)."""
    values = [
        result.p_a,
        result.p_b_given_a,
        result.p_b,
        result.p_a_given_b,
        result.p_not_a_given_b,
        result.p_not_b,
        *result.joint.ravel(),
    ]
    for optional in (result.p_b_given_not_a, result.p_a_given_not_b):
        if optional is not None:
            values.append(optional)
    return values
