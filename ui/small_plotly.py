"""The page's small Plotly: plotly.js's basic bundle, and the charts drawn with it.

``static/plotly-basic.min.js`` (scatter, bar and pie traces: 1.2 MB, where the whole
library Streamlit's ``st.plotly_chart`` loads is 4.8 MB) is committed with its
licence (``python -m tooling.plotly_basic`` says where it came from) and served once
per page by Streamlit's static file serving (``server.enableStaticServing``).
Nothing comes from a CDN, and the script is never inlined into a component.

Two components draw with it: the live chart (``ui.live_chart``) and the still chart
(``ui.still_chart``). A Custom Component v2's inline script travels with the element
on every rerun (the live chart's is 22 KB), so each component's inline script is
only ``plotly_page.js`` (the helpers they share, 1 KB) and an ``import()`` of its
module from the same static serving (``static/<name>.js?v=<digest>``): fetched once,
compressed and cached by the browser, and fetched again only when it changes.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

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
def style(name: str) -> str:
    """``ui/<name>.css``: a component's styles (small, sent inline)."""
    return (HERE / f"{name}.css").read_text(encoding="utf-8")


@functools.cache
def script(name: str) -> str:
    """A component's inline script: the shared helpers, then its module's import.

    The module ``static/<name>.js`` exports ``default(component, helpers)``.
    """
    module = STATIC / f"{name}.js"
    digest = hashlib.blake2b(module.read_bytes(), digest_size=6).hexdigest()
    helpers = (HERE / "plotly_page.js").read_text(encoding="utf-8")
    return helpers + _IMPORT.replace("@URL@", f"app/static/{name}.js?v={digest}")


@functools.cache
def mount(name: str, html: str) -> Any:
    """Component ``name``'s mounting command, made once per process.

    Registering a component checks its html, css and js again (are they paths into
    an asset directory?) on every call; the command it returns registers the
    component on the runtime running the script if that one lacks it (Streamlit
    made it for components made at import time; AppTest has a runtime a test).
    Not style-isolated: Plotly writes its CSS into the document head.
    """
    return st.components.v2.component(
        f"ml_math_explorer.{name}",
        html=html,
        css=style(name),
        js=script(name),
        isolate_styles=False,
    )


_IMPORT = """const MODULE = "@URL@";
export default function (component) {
  return import(new URL(MODULE, window.location.href).href)
    .then((module) => module.default(component, { loadPlotly, decode }));
}
"""


def versioned(body: bytes, of: bytes | None = None) -> bytes:
    """``body`` (a JSON object) with ``"v"``, a digest of ``of`` (or of ``body``) first.

    The browser draws a payload again only when its version changes.
    """
    version = hashlib.blake2b(body if of is None else of, digest_size=8).hexdigest()
    return b'{"v":"' + version.encode() + b'",' + body[1:]


def draws(figure: Mapping[str, Any]) -> bool:
    """Whether the basic bundle draws every trace of ``figure`` (frames included)."""
    traces: list[Iterable[Mapping[str, Any]]] = [figure.get("data") or []]
    traces += [frame.get("data") or [] for frame in figure.get("frames") or []]
    return all(t.get("type", "scatter") in TRACES for group in traces for t in group)
