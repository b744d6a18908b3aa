"""One typed declaration per page parameter: name (URL key = widget key), kind,
default, limits and widget. ``ui.url_state.PageState`` binds them to the session
and the address bar.

Parsing is defensive: :meth:`Param.parse` reads URL text and raises ``ValueError``
saying why a value cannot be used; the page then falls back to the default.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from core.parsing import MAX_TEXT_LENGTH, SEED_LIMITS, format_number, parse_number

Kind = Literal["float", "int", "choice", "bool", "text", "column"]
Widget = Literal[
    "slider",
    "number",
    "slider+number",
    "radio",
    "select",
    "segmented",
    "toggle",
    "text",
    "text_area",
]

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Param:
    """One page parameter: its name (URL key = widget key), kind, default, limits."""

    name: str
    label: str
    kind: Kind
    default: Any
    min_value: float | None = None
    max_value: float | None = None
    step: float | None = None
    choices: Mapping[str, str] = field(default_factory=dict)
    widget: Widget = "slider"
    help: str | None = None
    number_format: str | None = None
    max_chars: int = MAX_TEXT_LENGTH
    validate: Callable[[str], Any] | None = None
    #: For a column: the note when the asked column is not there (asked, used).
    note: Callable[[str, str], str] | None = None

    # -- constructors, one per kind -------------------------------------------------
    @classmethod
    def number(
        cls,
        name: str,
        label: str,
        default: float,
        *,
        min_value: float,
        max_value: float,
        step: float = 0.1,
        widget: Widget = "slider+number",
        help: str | None = None,
        number_format: str | None = None,
    ) -> Param:
        return cls(
            name,
            label,
            "float",
            float(default),
            float(min_value),
            float(max_value),
            float(step),
            widget=widget,
            help=help,
            number_format=number_format,
        )

    @classmethod
    def integer(
        cls,
        name: str,
        label: str,
        default: int,
        *,
        min_value: int,
        max_value: int,
        step: int = 1,
        widget: Widget = "slider",
        help: str | None = None,
    ) -> Param:
        return cls(
            name,
            label,
            "int",
            int(default),
            min_value,
            max_value,
            step,
            widget=widget,
            help=help,
        )

    @classmethod
    def seed(
        cls, default: int = 0, *, name: str = "seed", label: str = "Seed"
    ) -> Param:
        """The seed of a page's random draws: one range on every page."""
        return cls.integer(
            name,
            label,
            default,
            min_value=SEED_LIMITS[0],
            max_value=SEED_LIMITS[1],
            widget="number",
            help="The same seed always draws the same numbers: share the link and "
            "everyone sees this exact sample.",
        )

    @classmethod
    def choice(
        cls,
        name: str,
        label: str,
        default: str,
        choices: Mapping[str, str],
        *,
        widget: Widget = "radio",
        help: str | None = None,
    ) -> Param:
        """``choices`` maps a short stable URL word to the label the learner sees."""
        if default not in choices:
            raise ValueError(f"default {default!r} of {name} is not one of its choices")
        return cls(
            name,
            label,
            "choice",
            default,
            choices=dict(choices),
            widget=widget,
            help=help,
        )

    @classmethod
    def toggle(
        cls,
        name: str,
        label: str,
        default: bool,
        *,
        help: str | None = None,
    ) -> Param:
        return cls(name, label, "bool", bool(default), widget="toggle", help=help)

    @classmethod
    def text(
        cls,
        name: str,
        label: str,
        default: str,
        *,
        widget: Widget = "text",
        help: str | None = None,
        max_chars: int = 2000,
        validate: Callable[[str], Any] | None = None,
    ) -> Param:
        """``validate`` (e.g. a ``core`` parser) decides whether a URL value is kept."""
        return cls(
            name,
            label,
            "text",
            str(default),
            widget=widget,
            help=help,
            max_chars=max_chars,
            validate=validate,
        )

    @classmethod
    def column(
        cls,
        name: str,
        label: str,
        *,
        help: str | None = None,
        max_chars: int = 80,
        note: Callable[[str, str], str] | None = None,
    ) -> Param:
        """A choice among options known only when the page runs (a table's columns).

        The value is the option itself (a column name); ``""`` means the first
        sensible one. ``PageState.widget(name, options=...)`` draws a select over
        the options and, when the value is not one of them (an old link, another
        table), falls back with ``note(asked, used)`` shown by the select.
        """
        return cls(
            name,
            label,
            "column",
            "",
            widget="select",
            help=help,
            max_chars=max_chars,
            note=note,
        )

    # -- URL text <-> value ---------------------------------------------------------
    def parse(self, raw: str) -> Any:
        """Read a URL value; raise ``ValueError`` saying why it cannot be used."""
        if self.kind in ("float", "int"):
            return self._parse_number(raw)
        if self.kind == "choice":
            if raw not in self.choices:
                raise ValueError(f"{raw!r} is not one of {', '.join(self.choices)}")
            return raw
        if self.kind == "bool":
            return _parse_bool(raw)
        if len(raw) > self.max_chars:
            raise ValueError(f"it is longer than {self.max_chars} characters")
        if self.validate is not None:
            self.validate(raw)
        return raw

    def _parse_number(self, raw: str) -> float | int:
        number: float | int = parse_number(raw, self.name)
        if self.kind == "int":
            if not float(number).is_integer():
                raise ValueError(f"{raw!r} is not a whole number")
            number = int(number)
        low, high = self.min_value, self.max_value
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(
                f"{raw!r} is outside {format_number(low or 0)} … "
                f"{format_number(high or 0)}"
            )
        return self.normalise(number)

    def encode(self, value: Any) -> str:
        """Write a value as short, stable URL text (``parse`` reads it back)."""
        if self.kind in ("float", "int"):
            return format_number(value)
        if self.kind == "bool":
            return "1" if value else "0"
        return str(value)

    def normalise(self, value: Any) -> Any:
        """Tidy a widget value: ints stay ints, floats lose binary noise (0.1+0.2)."""
        if self.kind == "int":
            return int(value)
        if self.kind == "float":
            number = float(value)
            return float(f"{number:.12g}") if math.isfinite(number) else number
        return value


def _parse_bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"{raw!r} is not on/off (use 1 or 0)")
