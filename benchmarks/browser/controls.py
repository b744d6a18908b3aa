"""The control a browser benchmark changes on a page, found and pressed as a student does."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page

from benchmarks.common.targets import Control, bump_last_number

#: How each kind of control is found and changed: (CSS inside the control's
#: container, how to change it). Sliders and number boxes: one arrow key press
#: (one step); text boxes: the next value typed, then Enter (Ctrl+Enter in a
#: text area, which is how Streamlit commits it).
KINDS = (
    ("slider", 'input[type="range"]'),
    ("number", 'input[type="number"]'),
    ("text", 'input[type="text"]'),
    ("textarea", "textarea"),
)
#: The keys that move a slider or a number box one step (up, down).
ARROWS = {"slider": ("ArrowRight", "ArrowLeft"), "number": ("ArrowUp", "ArrowDown")}


@dataclass
class Handle:
    """A control on the page and how to change it back and forth."""

    locator: Locator
    name: str  # the widget key, or "first <kind>"
    kind: str  # one of KINDS
    values: tuple[str, str] = ("", "")
    direction: int = 1
    walk: bool = False  # one more step each time (turning at the limits)

    def change(self, page: Page) -> None:
        """One change, as a student makes it (back and forth, or walking on)."""
        self.locator.focus()
        if self.kind in ("slider", "number"):
            if self.walk:
                self.direction = walk_direction(self.locator, self.direction)
            up, down = ARROWS[self.kind]
            page.keyboard.press(up if self.direction > 0 else down)
            if not self.walk:
                self.direction = -self.direction
            return
        current = self.locator.input_value()
        if self.walk:
            self.locator.fill(bump_last_number(current))
        else:
            self.locator.fill(
                self.values[1] if current == self.values[0] else self.values[0]
            )
        page.keyboard.press("Control+Enter" if self.kind == "textarea" else "Enter")


def _locate(page: Page, control: Control) -> Handle | None:
    """The control of widget ``key`` (``key__slider`` first), else the view's first."""
    wanted = [f"{control.key}__slider", control.key] if control.key else []
    for name in wanted:
        for kind, css in KINDS:
            locator = page.locator(f".st-key-{name} {css}")
            if locator.count():
                return Handle(locator.first, name, kind)
    for kind, css in KINDS:
        locator = page.locator(f'[data-testid="stMain"] {css}')
        if locator.count():
            return Handle(locator.first, f"first {kind}", kind)
    return None


def find_control(page: Page, control: Control) -> Handle | None:
    """The control of widget ``key`` (``key__slider`` first), else the view's first.

    "The first" is the first slider in the main area, else the first number
    box, else the first text box or area: the same order as the load benchmark.
    """
    found = _locate(page, control)
    if found is None:
        return None
    if found.kind in ("slider", "number"):
        found.direction = first_direction(found.locator)
    elif control.values is not None:
        found.values = (str(control.values[0]), str(control.values[1]))
    else:
        text = found.locator.input_value()
        found.values = (text, bump_last_number(text))
    return found


def walk_direction(control: Locator, direction: int) -> int:
    """Keep going the same way unless the next step would leave the range."""
    value = float(control.input_value() or 0)
    low, high, step = (
        float(control.get_attribute(name) or default)
        for name, default in (("min", "-inf"), ("max", "inf"), ("step", 1))
    )
    nxt = value + direction * (step or 1)
    return direction if low - 1e-9 <= nxt <= high + 1e-9 else -direction


def first_direction(slider: Locator) -> int:
    """+1 if one step up stays in range, else −1."""
    value, high, step = (
        float(slider.get_attribute(name) or 0) for name in ("value", "max", "step")
    )
    return 1 if value + (step or 1) <= high + 1e-9 else -1
