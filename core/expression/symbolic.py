"""A checked expression evaluated on a grid, and turned into SymPy for exact derivatives.

:func:`evaluate` walks the tree with NumPy, node by node, so a value that is
undefined (``log`` of a negative, a division by zero) or too large is reported
with the part of the function responsible and where it happens. :func:`to_sympy`
builds the SymPy expression from the same tree, one SymPy object per node: the
text itself never reaches SymPy.

Examples
--------
>>> e = parse_expression("w**3")
>>> str(sympy.diff(to_sympy(e), symbols(e)[0]))
'3*w**2'
>>> evaluate(e, np.array([2.0])).tolist()
[8.0]
"""

from __future__ import annotations

import numpy as np
import sympy

from core.expression.parser import Expression, Node, parse_expression, write
from core.parsing import display_number

_SYMPY_FUNCTIONS = {
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tan": sympy.tan,
    "exp": sympy.exp,
    "log": sympy.log,
    "sqrt": sympy.sqrt,
    "abs": sympy.Abs,
    "tanh": sympy.tanh,
}
_NUMPY_FUNCTIONS = {
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "exp": np.exp,
    "log": np.log,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "tanh": np.tanh,
}


def symbols(expression: Expression) -> tuple[sympy.Symbol, ...]:
    """The real SymPy symbols of the expression's variables, in order.

    >>> symbols(parse_expression("x*y", ("x", "y")))
    (x, y)
    """
    if not isinstance(expression, Expression):
        raise ValueError("Parse the function first (parse_expression).")
    return tuple(sympy.Symbol(name, real=True) for name in expression.variables)


def _number(node: Node) -> sympy.Expr:
    value = node.value
    if value == 0 or 1e-12 <= abs(value) <= 1e12:
        return (
            sympy.Rational(repr(value))
            if not value.is_integer()
            else sympy.Integer(int(value))
        )
    return sympy.Float(value)


def _sympy_node(node: Node, names: dict[str, sympy.Symbol]) -> sympy.Expr:
    if node.kind == "num":
        return _number(node)
    if node.kind == "var":
        return names[node.name]
    args = [_sympy_node(a, names) for a in node.args]
    if node.kind == "call":
        return _SYMPY_FUNCTIONS[node.name](args[0])
    if node.kind == "neg":
        return -args[0]
    left, right = args
    if node.kind == "+":
        return left + right
    if node.kind == "-":
        return left - right
    if node.kind == "*":
        return left * right
    if node.kind == "/":
        return left / right
    return left**right


def to_sympy(expression: Expression) -> sympy.Expr:
    """The SymPy expression, built node by node from the checked tree.

    Call it after :func:`evaluate` has checked the values: SymPy works out
    numbers such as ``9**9**9`` exactly, which the grid check refuses first.

    >>> to_sympy(parse_expression("2*w^2 - w"))
    2*w**2 - w
    """
    names = dict(zip(expression.variables, symbols(expression), strict=True))
    return _sympy_node(expression.tree, names)


def _where(values: dict[str, np.ndarray], index: tuple[int, ...]) -> str:
    names = list(values)
    coords = [display_number(float(values[n][index]), 4) for n in names]
    if len(names) == 1:
        return f"{names[0]} = {coords[0]}"
    return f"({', '.join(names)}) = ({', '.join(coords)})"


def _problem(node: Node, inputs: list[np.ndarray], index: tuple[int, ...]) -> str:
    """Why ``node`` gives an undefined or infinite value at ``index``."""
    part = write(node, "")
    if node.kind == "call" and node.name in ("log", "sqrt"):
        need = "positive numbers" if node.name == "log" else "numbers ≥ 0"
        if node.args[0].kind == "var":
            return f"{part} is undefined: {node.name} needs {need}"
        inside = display_number(float(inputs[0][index]), 4)
        return f"{part} is undefined: {node.name} needs {need}, but {write(node.args[0], '')} = {inside}"
    if node.kind == "/" and inputs[1][index] == 0:
        if node.args[1].kind == "var":
            return f"division by zero in {part}"
        return f"division by zero in {part}: {write(node.args[1], '')} = 0"
    if node.kind == "**":
        base = float(inputs[0][index])
        if base < 0:
            if node.args[0].kind == "var":
                return f"{part}: a negative number to a fractional power is undefined"
            return f"{part}: a negative number to a fractional power is undefined ({write(node.args[0], '')} = {display_number(base, 4)})"
        if base == 0:
            return f"{part}: 0 to a negative power is a division by zero"
    return f"{part} overflows: it is larger than 1.8e308, the largest number a float holds,"


def _evaluate(
    node: Node, values: dict[str, np.ndarray], shape: tuple[int, ...], strict: bool
) -> np.ndarray:
    if node.kind == "num":
        return np.full(shape, node.value)
    if node.kind == "var":
        return values[node.name]
    inputs = [_evaluate(a, values, shape, strict) for a in node.args]
    with np.errstate(all="ignore"):
        if node.kind == "call":
            out = _NUMPY_FUNCTIONS[node.name](inputs[0])
        elif node.kind == "neg":
            out = -inputs[0]
        else:
            left, right = inputs
            out = {
                "+": np.add,
                "-": np.subtract,
                "*": np.multiply,
                "/": np.divide,
                "**": np.power,
            }[node.kind](left, right)
    bad = ~np.isfinite(out)
    if strict and np.any(bad):
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"{_problem(node, inputs, index)} at {_where(values, index)}.")
    return out


def evaluate(
    expression: Expression, values: np.ndarray, strict: bool = True
) -> np.ndarray:
    """The expression at every point; with ``strict``, a ``ValueError`` naming the first bad part.

    Parameters
    ----------
    expression : Expression
        From :func:`~core.expression.parser.parse_expression`.
    values : ndarray
        For one variable, its values (any shape); for two, ``x`` and ``y``
        stacked, shape ``(2, ...)``.
    strict : bool
        Refuse undefined or infinite values (else they come back as NaN or ±inf).

    Returns
    -------
    ndarray
        The values, of the shape of one variable's values.

    Examples
    --------
    >>> e = parse_expression("log(w)")
    >>> evaluate(e, np.array([-1.0, 1.0]))
    Traceback (most recent call last):
    ...
    ValueError: log(w) is undefined: log needs positive numbers at w = −1.
    """
    if not isinstance(expression, Expression):
        raise ValueError("Parse the function first (parse_expression).")
    arrays = np.asarray(values, dtype=float)
    if len(expression.variables) == 2:
        if arrays.ndim == 0 or arrays.shape[0] != 2:
            raise ValueError("Give x and y stacked: an array of shape (2, ...).")
        named = {"x": arrays[0], "y": arrays[1]}
    else:
        named = {expression.variables[0]: arrays}
    if not np.all(np.isfinite(arrays)):
        raise ValueError("The values of the variables must be finite numbers.")
    if arrays.size > 10**7:
        raise ValueError("Too many points to evaluate at once.")
    shape = next(iter(named.values())).shape
    return _evaluate(expression.tree, named, shape, bool(strict))


__all__ = ["evaluate", "parse_expression", "symbols", "to_sympy"]
