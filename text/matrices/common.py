r"""Notation every text of the Matrices page shares: LaTeX matrices and array literals.

Examples
--------
>>> print(bmatrix([[1, -2], [3, 4.5]]))
\begin{bmatrix}1 & -2 \\ 3 & 4.5\end{bmatrix}
>>> array_code([[1, 2], [3, 4]])
'np.array([[1, 2], [3, 4]])'
>>> number_list([2.5, -1])
'2.5, -1'
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.parsing import code_literal, format_number


def bmatrix(matrix: Any, digits: int = 4) -> str:
    """A matrix (or a vector, as a column) in LaTeX."""
    array = np.asarray(matrix, dtype=float)
    if array.ndim == 1:
        array = array[:, None]
    rows = [" & ".join(format_number(v, digits) for v in row) for row in array]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def array_code(values: Any) -> str:
    """``np.array([...])`` with the numbers written as a learner would type them."""
    return f"np.array({code_literal(values)})"


def number_list(values: Any) -> str:
    """``1, −2.5, 3``-style list (4 significant digits) for a sentence."""
    return ", ".join(format_number(v, 4) for v in np.ravel(values))
