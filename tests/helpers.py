"""Shared test helpers: run the code panel's code, read Plotly figures from AppTest."""

from __future__ import annotations

import ast
import base64
import contextlib
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from ui.code_panel import key_of as code_panel_key

ROOT = Path(__file__).resolve().parent.parent
#: The most code panels a view draws (``tests/ui/test_code_panel.py`` checks it).
CODE_PANELS_PER_VIEW = 2


def run_snippet(code: str) -> Any:
    """Run code the way a notebook cell does and return its last expression's value.

    The code runs in a fresh namespace; a snippet whose last statement is not an
    expression returns ``None``.
    """
    tree = ast.parse(code)
    namespace: dict[str, Any] = {}
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = tree.body[:-1] if last is not None else tree.body
    exec(
        compile(ast.Module(body=body, type_ignores=[]), "<snippet>", "exec"), namespace
    )
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<snippet>", "eval"), namespace)


def decode(obj: Any) -> Any:
    """Turn Plotly's base64 ``{"dtype", "bdata"}`` arrays back into NumPy arrays."""
    if isinstance(obj, dict):
        if "bdata" in obj and "dtype" in obj:
            array = np.frombuffer(
                base64.b64decode(obj["bdata"]), dtype=np.dtype(obj["dtype"])
            )
            if "shape" in obj:
                shape = [int(n) for n in str(obj["shape"]).split(",")]
                array = array.reshape(shape)
            return array
        return {key: decode(value) for key, value in obj.items()}
    if isinstance(obj, list):
        return [decode(item) for item in obj]
    return obj


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every Plotly figure the page sent, decoded (``{"data": [...], "layout": {...}}``).

    In page order: charts drawn by ``st.plotly_chart``, still charts
    (``ui.still_chart``) and live charts (``ui.live_chart``: their figure at the
    current values).
    """
    return [
        chart_figure(node)
        for node in at._tree
        if node.type == "plotly_chart"
        or (node.type == "bidi_component" and node.proto.bytes)
    ]


def _component(node: Any, prefix: str) -> bool:
    """A custom component whose key starts with ``prefix`` (and that sends data)."""
    if node.type != "bidi_component" or not node.proto.bytes:
        return False
    return str(node.proto.id).rsplit("-", 1)[-1].startswith(prefix)


def still_charts(at: AppTest) -> list[Any]:
    """The page's still charts (``ui.still_chart``), as AppTest sees them."""
    return [node for node in at._tree if _component(node, "still_")]


def live_charts(at: AppTest) -> list[Any]:
    """The page's live charts (``ui.live_chart``), as AppTest sees them."""
    return [node for node in at._tree if _component(node, "live_")]


def page_charts(at: AppTest) -> list[Any]:
    """The charts ``page.chart`` drew, in page order: ``st.plotly_chart`` or still."""
    return [n for n in at._tree if n.type == "plotly_chart" or _component(n, "still_")]


def chart_figure(node: Any) -> dict[str, Any]:
    """The figure of one of :func:`page_charts` or :func:`live_charts`, decoded."""
    if node.type == "plotly_chart":
        return dict(decode(json.loads(node.proto.spec)))
    return dict(decode(live_payload(node)["figure"]))


def chart_json(node: Any) -> str:
    """What the browser got for one of :func:`page_charts`: the figure's JSON."""
    if node.type == "plotly_chart":
        return str(node.proto.spec)
    return bytes(node.proto.bytes).decode()


def chart_key(node: Any) -> str:
    """The ``key`` a view gave ``page.chart`` for one of :func:`page_charts`."""
    return str(node.proto.id).rsplit("-", 1)[-1].removeprefix("still_")


def live_payload(element: Any) -> dict[str, Any]:
    """What a live chart (``ui.live_chart``) sends the browser, decoded."""
    return dict(json.loads(element.proto.bytes))


def figure_bytes(at: AppTest) -> int:
    """Total JSON size of every still Plotly figure on the page, in bytes."""
    sent = sum(len(chart.proto.spec.encode()) for chart in at.get("plotly_chart"))
    return sent + sum(len(chart.proto.bytes) for chart in still_charts(at))


def trace(figure: dict[str, Any], name_start: str) -> dict[str, Any]:
    """The first trace whose name starts with ``name_start``."""
    for item in figure["data"]:
        if str(item.get("name", "")).startswith(name_start):
            return item
    names = [item.get("name") for item in figure["data"]]
    raise AssertionError(f"no trace named {name_start!r}…; traces: {names}")


def page_test(
    script: str,
    query: dict[str, str] | None = None,
    timeout: float = 30,
    *,
    code_open: bool = True,
) -> AppTest:
    """An ``AppTest`` for one page script, optionally with URL query parameters.

    With ``code_open`` the views' "Show the NumPy code" panels start open, as for a
    learner who opened them (a panel is built only while open: ``ui.code_panel``);
    ``tests/ui/test_code_panel.py`` checks them shut.
    """
    at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if code_open:
        for index in range(CODE_PANELS_PER_VIEW):
            at.session_state[code_panel_key(index)] = True
    return at


def code_panel(at: AppTest) -> tuple[str, str]:
    """The code panel's code and its output text (the last two ``st.code`` blocks)."""
    blocks = [block.value for block in at.code]
    assert len(blocks) >= 2, f"expected a code panel, found {len(blocks)} code blocks"
    return blocks[-2], blocks[-1]


def texts(at: AppTest) -> str:
    """All markdown, caption, latex and error text on the page, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [x.value for x in at.latex] + [e.value for e in at.error]
    return "\n".join(parts)


def captured_frames() -> contextlib.AbstractContextManager[list[tuple[Any, ...]]]:
    """Every ``ui.live_chart.control_frames`` call pages make, with their real arguments
    (the spy ``benchmarks/live_frames_cpu.py`` times them with)."""
    from benchmarks.live_frames_cpu import captured

    return captured()


def app_session() -> Any:
    """A real ``AppSession`` of ``app.py``, as the server makes one per browser tab.

    Make it inside a running event loop (it takes the loop as its own) and call
    ``shutdown()`` when done. For the tests of ``serve.py``'s session hooks.
    """
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.memory_uploaded_file_manager import (
        MemoryUploadedFileManager,
    )
    from streamlit.runtime.script_data import ScriptData
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    from tooling import ROOT

    return AppSession(
        ScriptData(str(ROOT / "app.py"), False),
        MemoryUploadedFileManager("/upload"),
        ScriptCache(),
        lambda: None,
        {},
    )
