"""Functions typed by a learner: a whitelist parser, a checked evaluation, exact derivatives.

- :mod:`core.expression.parser`: text → checked tree (never evaluated as code).
- :mod:`core.expression.symbolic`: the tree on a NumPy grid, and as SymPy.

Examples
--------
>>> e = parse_expression("w^2 - 2*w")
>>> e.code, str(to_sympy(e).diff(symbols(e)[0]))
('w**2 - 2*w', '2*w - 2')
"""

from __future__ import annotations

from core.expression.parser import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NODES,
    VARIABLES_1D,
    VARIABLES_2D,
    Expression,
    Node,
    parse_expression,
    write,
)
from core.expression.symbolic import evaluate, symbols, to_sympy

#: Functions worth trying, each with its variables (the pages offer them as examples).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "w**4 - 3*w**2 + w": VARIABLES_1D,
    "sin(3*w) + 0.1*w**2": VARIABLES_1D,
    "(1 - x)**2 + 100*(y - x**2)**2": VARIABLES_2D,
}

__all__ = [
    "EXAMPLES",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_NODES",
    "VARIABLES_1D",
    "VARIABLES_2D",
    "Expression",
    "Node",
    "evaluate",
    "parse_expression",
    "symbols",
    "to_sympy",
    "write",
]
