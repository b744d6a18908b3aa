"""What the Loss-functions texts share: numbers written for LaTeX.

Examples
--------
>>> latex_number(0.00001234)
'1.234\\\\times 10^{-5}'
>>> paren("-2")
'(-2)'
"""

from __future__ import annotations

from core.parsing import format_number


def latex_number(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, ``1e-05`` written as ``1\\times 10^{-5}``."""
    text = format_number(value, digits)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = rf"{mantissa}\times 10^{{{int(exponent)}}}"
    return text


def paren(text: str) -> str:
    """``text`` in brackets when it starts with a minus sign (``−2`` after a ``−``)."""
    return f"({text})" if text.startswith("-") else text
