"""Start ML Math Explorer the fast way: ``python serve.py [streamlit run options]``.

A class of 30–60 students shares one server, so two costs that Streamlit pays
by default on every interaction are removed:

1. ``runner.postScriptGC`` — a full ``gc.collect(2)`` after every rerun (~65 ms
   of CPU holding the GIL). Turned off in ``.streamlit/config.toml``.
2. ``TCP_NODELAY`` — the listening socket never gets it, so the second websocket
   write of each rerun waits ~40 ms for the browser's delayed ACK. Linux copies
   ``TCP_NODELAY`` from a listening socket to every socket it accepts, so this
   launcher sets it on the listener by wrapping Streamlit's ``_bind_socket``.

A second internal fixes deep links for the first visitor after a start (see
``use_navigation_only``). The hooks touch Streamlit internals, so ``requirements.txt`` pins Streamlit and
``tests/ui/test_serve.py`` fails loudly if a hook point moves. If one has moved,
the app still starts (plainly) with a warning.
"""

from __future__ import annotations

import os
import socket
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"
HOOK_MODULE = "streamlit.web.server.starlette.starlette_server"
HOOK_NAME = "_bind_socket"


def with_nodelay(bind: Callable[..., socket.socket]) -> Callable[..., socket.socket]:
    """Wrap a function returning a listening socket so that socket has TCP_NODELAY."""

    def bind_with_nodelay(*args: object, **kwargs: object) -> socket.socket:
        sock = bind(*args, **kwargs)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    bind_with_nodelay.__wrapped__ = bind  # type: ignore[attr-defined]
    bind_with_nodelay.nodelay = True  # type: ignore[attr-defined]
    return bind_with_nodelay


def install_nodelay_hook() -> bool:
    """Patch Streamlit's socket binding; return False (and warn) if it is gone."""
    try:
        import importlib

        module = importlib.import_module(HOOK_MODULE)
        original = getattr(module, HOOK_NAME)
    except (ImportError, AttributeError):
        warnings.warn(
            f"serve.py: {HOOK_MODULE}.{HOOK_NAME} not found in this Streamlit; starting "
            "without TCP_NODELAY (each interaction may wait ~40 ms longer).",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    if not getattr(original, "nodelay", False):
        setattr(module, HOOK_NAME, with_nodelay(original))
    return True


def use_navigation_only() -> bool:
    """Make the very first visitor's deep link run ``app.py`` (``st.navigation``).

    Streamlit decides per process, on the first session, whether the app uses
    the legacy ``pages/`` folder; until some session has called
    ``st.navigation`` it runs a deep-linked ``pages/x.py`` on its own (no
    navigation, no page config) or shows "Page not found". Our pages live in
    ``pages/`` but are routed only by ``st.navigation``, so say so up front.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        warnings.warn(
            "serve.py: streamlit.runtime.pages_manager.PagesManager not found; the "
            "first visitor's deep link may open a page without navigation.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    if not hasattr(PagesManager, "uses_pages_directory"):
        warnings.warn(
            "serve.py: PagesManager.uses_pages_directory is gone in this Streamlit.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    PagesManager.uses_pages_directory = False
    return True


def warm_up() -> None:
    """Finish the lazy imports that page runs would otherwise race to do.

    Plotly looks pandas up in ``sys.modules`` while it encodes a figure's arrays.
    When many students open pages right after a start, one session's thread can
    find pandas there half-imported by another's and fail ("partially initialized
    module 'pandas' has no attribute 'Series'"). Importing pandas and encoding one
    figure here, before any session exists, closes that window.
    """
    import numpy as np
    import pandas  # noqa: F401  (a Streamlit dependency; imported for its side effect)
    import plotly.graph_objects as go

    go.Figure(go.Scatter(x=np.arange(3.0), y=np.arange(3.0))).to_dict()


def main(argv: list[str] | None = None) -> None:
    """Run ``streamlit run app.py`` with the hooks installed; extra args pass through."""
    install_nodelay_hook()
    use_navigation_only()
    warm_up()
    from streamlit.web import cli

    # Streamlit reads .streamlit/config.toml from the working directory.
    os.chdir(APP.parent)
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
