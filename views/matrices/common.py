"""What the views of the Matrices page share: how a typed matrix is declared."""

from __future__ import annotations

from core import matrices as mat
from ui.params import Widget
from ui.url_state import Param

MATRIX_HELP = (
    "Rows separated by ; or new lines, numbers by commas or spaces; brackets are "
    "allowed: 2, 3; 4, 5 or [[2, 3], [4, 5]]. At most 6×6."
)


def matrix_param(
    name: str,
    label: str,
    default: str,
    *,
    help: str | None = MATRIX_HELP,
    widget: Widget = "text_area",
    max_chars: int = 600,
) -> Param:
    """A matrix typed as text (``"2, 3; 4, 5"``); a link's value is kept if it reads."""
    return Param.text(
        name,
        label,
        default,
        widget=widget,
        help=help,
        max_chars=max_chars,
        validate=mat.validate_matrix_text,
    )


def vector_param(name: str, label: str, default: str) -> Param:
    """A vector typed as text (``"1, 2, 3"``); a link's value is kept if it reads."""
    return Param.text(
        name, label, default, max_chars=200, validate=mat.validate_vector_text
    )
