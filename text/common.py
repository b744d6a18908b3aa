r"""What every topic's words share: numbers written for LaTeX.

>>> latex_number(0.00001234, 3)
'1.23 \\times 10^{-5}'
>>> latex_power("0.25")
'0.25'
"""

from __future__ import annotations

from core.parsing import format_number


def latex_power(text: str) -> str:
    """A number already written as text, with ``1.5e-05`` as ``1.5 \\times 10^{-5}``."""
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def latex_number(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, written for LaTeX."""
    return latex_power(format_number(value, digits))


def paren(text: str) -> str:
    """``text`` in brackets when it starts with a minus sign (``−2`` after a ``−``)."""
    return f"({text})" if text.startswith("-") else text
