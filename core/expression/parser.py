"""A whitelist parser for a function typed by a learner: text in, a checked tree out.

Only numbers, the page's variables, ``+ - * / ** ^`` (``^`` is a power),
unary minus, parentheses and the functions in :data:`FUNCTIONS` are accepted;
anything else is refused with a ``ValueError`` that says what and where. The
parser is a hand-written recursive descent: the text is never evaluated.

Examples
--------
>>> parse_expression("w^2 + 1").code          # ^ is a power
'w**2 + 1'
>>> parse_expression("-w**2").code            # as in Python: -(w²)
'-w**2'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: The functions a learner may use, by name.
FUNCTIONS = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh")
#: Longest expression accepted, in characters.
MAX_LENGTH = 200
#: Deepest nesting accepted (parentheses, powers, function calls, signs).
MAX_DEPTH = 30
#: Most numbers, variables, operations and calls in one expression.
MAX_NODES = 120
#: The variables of each kind of page.
VARIABLES_1D = ("w",)
VARIABLES_2D = ("x", "y")

_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_]\w*)"
    r"|(?P<op>\*\*|[-+*/^()]))"
)
#: Binding strength of each node kind, for writing it back with few parentheses.
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "**": 4}


@dataclass(frozen=True)
class Node:
    """One node of a checked expression.

    ``kind`` is ``"num"`` (``value``), ``"var"`` (``name``), ``"neg"``
    (``args[0]``), ``"call"`` (``name`` of :data:`FUNCTIONS`, ``args[0]``) or a
    binary operator ``"+" "-" "*" "/" "**"`` (``args = (left, right)``).
    """

    kind: str = "num"
    args: tuple[Node, ...] = ()
    name: str = ""
    value: float = 0.0
    text: str = ""  # a number as written back in code: "3", "0.1"

    @property
    def precedence(self) -> int:
        """How strongly the node binds (atoms and calls: 5)."""
        return _PRECEDENCE.get(self.kind, 5)


@dataclass(frozen=True)
class Expression:
    """A checked expression: the learner's ``text``, its tree and its variables."""

    text: str
    tree: Node
    variables: tuple[str, ...]

    @property
    def code(self) -> str:
        """The tree written back as Python/NumPy code (``^`` becomes ``**``)."""
        return write(self.tree, "np.")

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """What the expression is, as a cache key: its code and its variables."""
        return (self.code, self.variables)


def _allowed(variables: tuple[str, ...]) -> str:
    return f"the variable{'s' if len(variables) > 1 else ''} {' and '.join(variables)}, numbers, + - * / ^ ( ) and {', '.join(FUNCTIONS)}"


def _tokens(text: str, variables: tuple[str, ...]) -> list[tuple[str, str, int]]:
    """``(kind, text, position)`` for each token; position counts from 1."""
    found: list[tuple[str, str, int]] = []
    at = 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        match = _TOKEN.match(text, at)
        if match is None or match.lastgroup is None:
            bad = text[at:].lstrip()[0]
            where = len(text) - len(text[at:].lstrip()) + 1
            raise ValueError(
                f"Unexpected character {bad!r} at character {where}. Use {_allowed(variables)}."
            )
        kind = match.lastgroup
        start = match.start(kind) + 1
        found.append((kind, match.group(kind), start))
        at = match.end()
    return found


class _Parser:
    """Recursive descent over the tokens: expr → term → unary → power → atom."""

    def __init__(self, text: str, variables: tuple[str, ...]) -> None:
        self.text = text
        self.variables = variables
        self.tokens = _tokens(text, variables)
        self.at = 0
        self.depth = 0
        self.nodes = 0

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _where(self) -> str:
        token = self._peek()
        if token is None:
            return "at the end"
        return f"at character {token[2]} ({token[1]!r})"

    def _make(self, kind: str, *args: Node, **fields: object) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ValueError(
                f"The function is too long: more than {MAX_NODES} numbers, variables and operations."
            )
        return Node(kind, args, **fields)  # type: ignore[arg-type]

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ValueError(
                f"The function is nested too deeply: more than {MAX_DEPTH} levels of "
                "parentheses, powers, signs and function calls."
            )

    def parse(self) -> Node:
        if not self.tokens:
            raise ValueError(f"Type a function of {' and '.join(self.variables)}.")
        tree = self._expr()
        token = self._peek()
        if token is not None:
            kind, text, position = token
            if kind == "name" and text not in self.variables + FUNCTIONS:
                raise ValueError(
                    f"Unknown name {text!r} at character {position}. Use {_allowed(self.variables)}."
                )
            hint = ""
            if kind in ("num", "name") or text == "(":
                hint = " (write * to multiply: 3*w, not 3w)"
            raise ValueError(
                f"Syntax error {self._where()}: expected an operator{hint}."
            )
        return tree

    def _binary(self, ops: tuple[str, ...], operand: str) -> Node:
        left = getattr(self, operand)()
        while (token := self._peek()) is not None and token[1] in ops:
            self.at += 1
            left = self._make(token[1], left, getattr(self, operand)())
        return left

    def _expr(self) -> Node:
        return self._binary(("+", "-"), "_term")

    def _term(self) -> Node:
        return self._binary(("*", "/"), "_unary")

    def _unary(self) -> Node:
        token = self._peek()
        if token is not None and token[1] in ("-", "+"):
            self.at += 1
            self._enter()
            operand = self._unary()
            self.depth -= 1
            return operand if token[1] == "+" else self._make("neg", operand)
        return self._power()

    def _power(self) -> Node:
        base = self._atom()
        token = self._peek()
        if token is None or token[1] not in ("**", "^"):
            return base
        self.at += 1
        self._enter()
        exponent = self._unary()  # right-associative: 2^3^2 = 2^(3^2)
        self.depth -= 1
        return self._make("**", base, exponent)

    def _atom(self) -> Node:
        token = self._peek()
        if token is None:
            raise ValueError(
                "Syntax error at the end: the function stops where a number, a "
                "variable or '(' should follow."
            )
        kind, text, _ = token
        if kind == "num":
            self.at += 1
            return self._number(text, token[2])
        if kind == "name":
            return self._name(token)
        if text == "(":
            self.at += 1
            return self._group()
        raise ValueError(
            f"Syntax error {self._where()}: expected a number, a variable or '('."
        )

    def _number(self, text: str, position: int) -> Node:
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"The number {text} at character {position} is too large.")
        written = (
            repr(int(value))
            if value.is_integer() and abs(value) < 1e15
            else repr(value)
        )
        return self._make("num", value=value, text=written)

    def _name(self, token: tuple[str, str, int]) -> Node:
        _, name, position = token
        self.at += 1
        if name in self.variables:
            return self._make("var", name=name)
        if name not in FUNCTIONS:
            raise ValueError(
                f"Unknown name {name!r} at character {position}. Use {_allowed(self.variables)}."
            )
        following = self._peek()
        if following is None or following[1] != "(":
            raise ValueError(
                f"Syntax error {self._where()}: {name} needs its argument in parentheses, "
                f"e.g. {name}({self.variables[0]})."
            )
        self.at += 1
        return self._make("call", self._group(), name=name)

    def _group(self) -> Node:
        """What follows an opening parenthesis: an expression and its ')'."""
        self._enter()
        inside = self._expr()
        token = self._peek()
        if token is None or token[1] != ")":
            raise ValueError(f"Syntax error {self._where()}: expected ')'.")
        self.at += 1
        self.depth -= 1
        return inside


def parse_expression(
    expression: str, variables: tuple[str, ...] = VARIABLES_1D
) -> Expression:
    """Parse a learner's function of ``variables`` into a checked tree.

    Parameters
    ----------
    expression : str
        At most :data:`MAX_LENGTH` characters, e.g. ``"w**4 - 3*w**2 + w"``.
    variables : tuple of str
        :data:`VARIABLES_1D` (``w``) or :data:`VARIABLES_2D` (``x``, ``y``).

    Returns
    -------
    Expression
        The text with its tree; ``ValueError`` names anything not allowed.

    Examples
    --------
    >>> parse_expression("sin(3*w) + 0.1*w^2").code
    'np.sin(3*w) + 0.1*w**2'
    """
    if variables not in (VARIABLES_1D, VARIABLES_2D):
        raise ValueError("The variables must be ('w',) or ('x', 'y').")
    if not isinstance(expression, str):
        raise ValueError("The function must be typed as text, e.g. w**2.")
    if len(expression) > MAX_LENGTH:
        raise ValueError(
            f"The function is too long: {len(expression)} characters, at most {MAX_LENGTH}."
        )
    tree = _Parser(expression, variables).parse()
    return Expression(expression, tree, variables)


def write(node: Node, prefix: str = "np.") -> str:
    """The tree as code, with the fewest parentheses that keep its order of operations.

    ``prefix`` goes before each function name (``"np."`` for NumPy code).

    >>> write(parse_expression("(1 - x)^2 + abs(y)", VARIABLES_2D).tree)
    '(1 - x)**2 + np.abs(y)'
    """
    if not isinstance(node, Node) or not isinstance(prefix, str):
        raise ValueError("write needs a parsed node and a text prefix such as 'np.'.")
    return _write(node, prefix)


def _write(node: Node, prefix: str) -> str:
    if node.kind == "num":
        return node.text
    if node.kind == "var":
        return node.name
    if node.kind == "call":
        return f"{prefix}{node.name}({_write(node.args[0], prefix)})"
    if node.kind == "neg":
        inner = node.args[0]
        text = _write(inner, prefix)
        return f"-({text})" if inner.precedence < 3 else f"-{text}"
    left, right = node.args
    own = node.precedence
    left_text, right_text = _write(left, prefix), _write(right, prefix)
    if node.kind == "**":
        if left.precedence <= own or (left.kind == "num" and left.value < 0):
            left_text = f"({left_text})"
        if right.precedence < 3:
            right_text = f"({right_text})"
        return f"{left_text}**{right_text}"
    if left.precedence < own:
        left_text = f"({left_text})"
    if right.precedence <= own:
        right_text = f"({right_text})"
    gap = " " if own == 1 else ""
    return f"{left_text}{gap}{node.kind}{gap}{right_text}"
