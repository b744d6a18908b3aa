"""What both views of the Sampling page share: the source and the seed."""

from __future__ import annotations

from core import sampling as smp
from ui.url_state import PageState, Param
from ui.widgets import seed_control

SOURCE = Param.choice("source", "Draw from", "die", smp.SOURCE_LABELS, widget="select")
SEED = Param.seed(0)


def seed_controls(state: PageState) -> int:
    """The seed box and a "New draws (next seed)" button; returns the seed."""
    return seed_control(state, "seed", label="New draws (next seed)")
