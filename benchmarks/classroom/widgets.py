"""The controls a simulated student finds in the page's messages, and their new values."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.common.targets import bump_last_number

WidgetKind = str  # "slider", "number" or "text"
KIND_ORDER = ("slider", "number", "text")


def _round(value: float) -> float:
    return float(f"{value:.12g}")


@dataclass
class Widget:
    """A control found in the page's messages, enough to send it a new value."""

    id: str
    kind: WidgetKind
    label: str
    value: float | str
    low: float = -math.inf
    high: float = math.inf
    step: float = 1.0
    integer: bool = False

    @property
    def key(self) -> str:
        """The widget key the page gave it (``$$ID-<hash>-<key>``)."""
        return self.id.rsplit("-", 1)[-1] if self.id.startswith("$$ID-") else ""

    def alternatives(
        self, values: tuple[float | str, float | str] | None
    ) -> tuple[Any, Any]:
        """The two values a student alternates between (the current one first)."""
        if values is not None:
            return values
        if self.kind == "text":
            return str(self.value), bump_last_number(str(self.value))
        value = float(self.value)
        other = (
            value + self.step
            if value + self.step <= self.high + 1e-9
            else value - self.step
        )
        return _round(value), _round(other)

    def walk(self, value: float | str, direction: int) -> tuple[float | str, int]:
        """One more step the same way (turning at the limits): a student exploring.

        Returns the next value and direction. A text box's last number keeps
        growing by one.
        """
        if self.kind == "text":
            return bump_last_number(str(value)), direction
        nxt = float(value) + direction * self.step
        if not self.low - 1e-9 <= nxt <= self.high + 1e-9:
            direction = -direction
            nxt = float(value) + direction * self.step
        return _round(nxt), direction

    def state(self, value: float | str) -> WidgetState:
        """The widget state the browser would send for ``value``."""
        state = WidgetState(id=self.id)
        if self.kind == "slider":
            state.double_array_value.data.append(float(value))
        elif self.kind == "number" and self.integer:
            state.int_value = int(float(value))
        elif self.kind == "number":
            state.double_value = float(value)
        else:
            state.string_value = str(value)
        return state


def as_widget(element: Any) -> Widget | None:
    """A slider, number box or text box of a rendered element (None otherwise)."""
    kind = element.WhichOneof("type")
    if kind == "slider":
        s = element.slider
        values = list(s.value) or list(s.default)
        if len(values) != 1 or s.options or s.disabled:
            return None  # a range or select slider: not a simple control
        return Widget(s.id, "slider", s.label, values[0], s.min, s.max, s.step)
    if kind == "number_input":
        n = element.number_input
        if n.disabled:
            return None
        return Widget(
            n.id,
            "number",
            n.label,
            n.value if n.set_value else n.default,
            n.min if n.has_min else -math.inf,
            n.max if n.has_max else math.inf,
            n.step or 1.0,
            integer=n.data_type == n.INT,
        )
    if kind in ("text_input", "text_area"):
        t = getattr(element, kind)
        if t.disabled:
            return None
        return Widget(t.id, "text", t.label, t.value if t.set_value else t.default)
    return None


def choose_widget(widgets: Sequence[Widget], key: str | None) -> Widget | None:
    """The control with widget key ``key`` (``key__slider`` first), else the first.

    "The first" is the first slider, else the first number box, else the
    first text box: a key that names none of them (a choice) falls back too.
    The app's own widgets (keys starting with ``_``, such as the live class's
    join box) are never a view's control.
    """
    widgets = [w for w in widgets if not w.key.startswith("_")]
    if key is not None:
        for wanted in (f"{key}__slider", key):
            for widget in widgets:
                if widget.key == wanted:
                    return widget
    for kind in KIND_ORDER:
        for widget in widgets:
            if widget.kind == kind:
                return widget
    return None
