"""The page's small Plotly: plotly.js's basic bundle, and the charts drawn with it.

``static/plotly-basic.min.js`` (scatter, bar and pie traces: 1.2 MB, where the whole
library Streamlit's ``st.plotly_chart`` loads is 4.8 MB) is committed with its
licence (``python -m tooling.plotly_basic`` says where it came from) and served once
per page by Streamlit's static file serving (``server.enableStaticServing``).
Nothing comes from a CDN, and the script is never inlined into a component.

Two components draw with it: the live chart (``ui.live_chart``) and the still chart
(``ui.still_chart``). Each one's script is ``plotly_page.js`` (the loader they
share) followed by its own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: Streamlit serves ``static/`` beside the main script (``app.py``) at ``app/static/``.
STATIC = HERE.parent / "static"
PLOTLY_FILE = "plotly-basic.min.js"
#: Relative to the page's address, so a server under a base path works too.
PLOTLY_URL = f"app/static/{PLOTLY_FILE}"
#: The trace types the basic bundle draws.
TRACES = frozenset({"scatter", "bar", "pie"})


@functools.cache
def plotly_script() -> Path:
    """``static/plotly-basic.min.js``, checked to be there once per process."""
    target = STATIC / PLOTLY_FILE
    if not target.is_file():
        raise FileNotFoundError(
            f"{target} is missing: the charts need it (python -m tooling.plotly_basic)"
        )
    return target


@functools.cache
def source(name: str, suffix: str) -> str:
    """``ui/<name>.<suffix>``; a script comes after the shared loader."""
    own = (HERE / f"{name}.{suffix}").read_text(encoding="utf-8")
    if suffix != "js":
        return own
    return (HERE / "plotly_page.js").read_text(encoding="utf-8") + own


def draws(figure: Mapping[str, Any]) -> bool:
    """Whether the basic bundle draws every trace of ``figure`` (frames included)."""
    traces: list[Iterable[Mapping[str, Any]]] = [figure.get("data") or []]
    traces += [frame.get("data") or [] for frame in figure.get("frames") or []]
    return all(t.get("type", "scatter") in TRACES for group in traces for t in group)
