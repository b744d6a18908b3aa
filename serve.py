"""Start ML Math Explorer the fast way: ``python serve.py [streamlit run options]``.

A class of 30–60 students shares one server, so two costs that Streamlit pays
by default on every interaction are removed:

1. ``runner.postScriptGC`` — a full ``gc.collect(2)`` after every rerun (~65 ms
   of CPU holding the GIL). Turned off in ``.streamlit/config.toml``.
2. ``TCP_NODELAY`` — the listening socket never gets it, so the second websocket
   write of each rerun waits ~40 ms for the browser's delayed ACK. Linux copies
   ``TCP_NODELAY`` from a listening socket to every socket it accepts, so this
   launcher sets it on the listener by wrapping Streamlit's ``_bind_socket``.
Websocket messages are compressed (``server.enableWebsocketCompression``) at
zlib's fastest level (``install_deflate_level_hook``): 3-4x fewer bytes.

A second internal fixes deep links for the first visitor after a start (see
``use_navigation_only``), a third redraws a page whose websocket dropped in the
middle of a rerun (see ``rerun_on_resume``), a fourth lets widgets read their
own key without copying all of session state (``serving.lazy_state``), a fifth
makes a burst of reruns take turns instead of sharing the GIL (``serving.script_gate``),
a sixth runs the whole page when a new session is asked for a view's fragment
(see ``rerun_lost_fragments``), a seventh hands a run's messages to the event loop
in batches (``serving.message_batches``).

What the server exposes is cut to what the app needs (``serving.guard.Guard``):
``/_stcore/metrics`` answers this machine only, an upload is one bounded file
(and a session keeps at most two, ``serving.uploads``), every response carries a
Content-Security-Policy and the anti-framing headers, and Streamlit never asks a
web service for the machine's external IP address (``no_external_ip_lookup``).
``deploy/haproxy.cfg`` does the same at the front of a class set-up.

The hooks touch Streamlit internals, so ``requirements.txt`` pins Streamlit and
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
from typing import Any

from serving import (
    lazy_state,
    lost_fragments,
    message_batches,
    resume,
    script_gate,
    warm,
)
from serving.guard import ASGIApp, Guard, content_security_policy, security_headers
from serving.resume import SESSION_HOOK_CLASS, SESSION_HOOK_MODULE
from serving.uploads import bounded_add_file

APP = Path(__file__).resolve().parent / "app.py"
HOOK_MODULE = "streamlit.web.server.starlette.starlette_server"
HOOK_NAME = "_bind_socket"
#: Builds Streamlit's Starlette app; ``install_guard_hook`` wraps what it returns.
APP_HOOK_NAME = "create_starlette_app"

#: Builds each websocket's permessage-deflate (uvicorn's protocol Streamlit picks).
DEFLATE_HOOK_MODULE = "uvicorn.protocols.websockets.websockets_sansio_impl"
DEFLATE_HOOK_NAME = "ServerPerMessageDeflateFactory"
#: On reruns of 45-245 KB, level 1 costs 0.6-2.4 ms of CPU where zlib's default
#: (6) costs 0.9-3.9 ms, for 10-20 % more bytes (still 3-4x fewer than plain).
DEFLATE_LEVEL = 1

#: Keeps the files each session uploaded; ``serving.uploads`` bounds them.
UPLOAD_HOOK_MODULE = "streamlit.runtime.memory_uploaded_file_manager"
UPLOAD_HOOK_NAME = "MemoryUploadedFileManager.add_file"
#: Re-exported for the tests and the helpers that read the policy from here.
__all__ = ["Guard", "content_security_policy", "main", "security_headers"]


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


def _wrap_once(
    module_name: str, path: str, wrap: Callable[[Any], Any], marker: str, lost: str
) -> bool:
    """Replace ``module_name.path`` with ``wrap(original)``, once (``marker`` says so).

    Return False, and warn with what the app loses (``lost``), if the hook point
    is gone from this Streamlit: the app then starts without that hook.
    """
    import importlib

    try:
        owner: Any = importlib.import_module(module_name)
        *parents, name = path.split(".")
        for part in parents:
            owner = getattr(owner, part)
        original = getattr(owner, name)
    except (ImportError, AttributeError):
        warnings.warn(
            f"serve.py: {module_name}.{path} not found in this Streamlit; {lost}",
            RuntimeWarning,
            stacklevel=3,
        )
        return False
    if not getattr(original, marker, False):
        setattr(owner, name, wrap(original))
    return True


def install_nodelay_hook() -> bool:
    """Patch Streamlit's socket binding; return False (and warn) if it is gone."""
    return _wrap_once(
        HOOK_MODULE,
        HOOK_NAME,
        with_nodelay,
        "nodelay",
        "starting without TCP_NODELAY (each interaction may wait ~40 ms longer).",
    )


def fast_deflate(factory: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap the deflate extension's factory so it compresses at ``DEFLATE_LEVEL``."""

    def make(*args: Any, **kwargs: Any) -> Any:
        settings = dict(kwargs.pop("compress_settings", None) or {})
        settings["level"] = DEFLATE_LEVEL
        return factory(*args, compress_settings=settings, **kwargs)

    make.__wrapped__ = factory  # type: ignore[attr-defined]
    make.fast_deflate = True  # type: ignore[attr-defined]
    return make


def install_deflate_level_hook() -> bool:
    """Compress websocket messages at zlib level 1; False (and warn) if the hook is gone."""
    return _wrap_once(
        DEFLATE_HOOK_MODULE,
        DEFLATE_HOOK_NAME,
        fast_deflate,
        "fast_deflate",
        "websocket messages are compressed at zlib's default level (~1.5x the CPU).",
    )


def guarded(create: Callable[..., ASGIApp]) -> Callable[..., ASGIApp]:
    """Wrap Streamlit's app factory so the app it builds sits behind ``Guard``."""
    headers = security_headers()

    def create_guarded_app(*args: object, **kwargs: object) -> ASGIApp:
        return Guard(create(*args, **kwargs), headers)

    create_guarded_app.__wrapped__ = create  # type: ignore[attr-defined]
    create_guarded_app.guarded = True  # type: ignore[attr-defined]
    return create_guarded_app


def install_guard_hook() -> bool:
    """Put ``Guard`` in front of Streamlit's app and bound each session's uploads;
    return False (and warn) if either hook point is gone."""
    guard = _wrap_once(
        HOOK_MODULE,
        APP_HOOK_NAME,
        guarded,
        "guarded",
        "starting WITHOUT the security headers and with the upload and metrics "
        "endpoints unbounded. Put deploy/haproxy.cfg in front.",
    )
    uploads = _wrap_once(
        UPLOAD_HOOK_MODULE,
        UPLOAD_HOOK_NAME,
        bounded_add_file,
        "bounded",
        "a session may keep any number of uploaded files until it ends.",
    )
    return guard and uploads


def _no_external_ip() -> None:
    """The machine's external IP address: never asked of a web service."""
    return None


def no_external_ip_lookup() -> bool:
    """Stop Streamlit asking checkip.amazonaws.com for this machine's address.

    Streamlit asks at start (to print an "External URL") and on every websocket
    from a foreign origin (to see whether that origin is this machine), with no
    caching of a failure. No configuration option stops the second, so the
    lookup is replaced by "unknown": the start banner shows no External URL and
    foreign origins are refused as before, with no call out.
    """
    try:
        from streamlit import net_util
    except ImportError:
        net_util = None  # type: ignore[assignment]
    if net_util is None or not hasattr(net_util, "get_external_ip"):
        warnings.warn(
            "serve.py: streamlit.net_util.get_external_ip not found; Streamlit may "
            "call a web service to learn this machine's external IP address.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    net_util.get_external_ip = _no_external_ip
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
        PagesManager = None  # type: ignore[assignment,misc]
    if not hasattr(PagesManager, "uses_pages_directory"):
        warnings.warn(
            "serve.py: PagesManager.uses_pages_directory not found in this Streamlit; "
            "the first visitor's deep link may open a page without navigation.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    PagesManager.uses_pages_directory = False
    return True


def rerun_on_resume() -> bool:
    """A resumed session reruns, the server's values first (``serving.resume``).

    False (and a warning) if a hook point is gone.
    """
    lost = (
        "after a dropped websocket, controls may be out of step until the next change."
    )
    return all(
        [
            _wrap_once(
                SESSION_HOOK_MODULE,
                f"{SESSION_HOOK_CLASS}.connect_session",
                resume.rerunning_resumed,
                "reruns_resumed",
                lost,
            ),
            _wrap_once(
                resume.REQUEST_HOOK_MODULE,
                resume.REQUEST_HOOK_NAME,
                resume.server_values_win,
                "server_values_win",
                lost,
            ),
        ]
    )


def cheap_widget_state() -> bool:
    """Widgets read their key one at a time (``serving.lazy_state``); False if gone."""
    return all(
        [
            _wrap_once(
                module,
                lazy_state.HOOK_NAME,
                lazy_state.cheap_filtered,
                lazy_state.MARKER,
                "each widget copies session state (~0.1 ms a widget per rerun).",
            )
            for module in lazy_state.WIDGET_MODULES
        ]
    )


def one_run_at_a_time() -> bool:
    """Reruns take turns in a process (``serving.script_gate``); False if gone."""
    gate, lost = script_gate, "a burst of reruns shares the GIL (the last waits)."
    return _wrap_once(gate.HOOK_MODULE, gate.HOOK_NAME, gate.gated, gate.MARKER, lost)


def rerun_lost_fragments() -> bool:
    """A new session asked for a fragment runs the page (``serving.lost_fragments``)."""
    return _wrap_once(
        lost_fragments.HOOK_MODULE,
        lost_fragments.HOOK_NAME,
        lost_fragments.full_run_when_lost,
        lost_fragments.MARKER,
        "after the server lost a session, its page ignores changes until reloaded.",
    )


def batched_messages() -> bool:
    """A run's messages reach the loop in batches (``serving.message_batches``)."""
    b, lost = message_batches, "each message wakes the event loop on its own."
    return _wrap_once(b.HOOK_MODULE, b.HOOK_NAME, b.batched, b.MARKER, lost)


def warm_up() -> None:
    """Finish the lazy imports that page runs would otherwise race to do.

    Plotly looks pandas up in ``sys.modules`` while it encodes a figure's arrays.
    When many students open pages right after a start, one session's thread can
    find pandas there half-imported by another's and fail ("partially initialized
    module 'pandas' has no attribute 'Series'"). Importing pandas and encoding one
    figure here, before any session exists, closes that window. Views: ``serving.warm``.
    """
    import numpy as np
    import pandas  # noqa: F401  (a Streamlit dependency; imported for its side effect)
    import plotly.graph_objects as go

    go.Figure(go.Scatter(x=np.arange(3.0), y=np.arange(3.0))).to_dict()
    warm.import_when_up("views")


HELP = """\
usage: python serve.py [--port PORT] [--address ADDRESS] [STREAMLIT OPTIONS]

Serve ML Math Explorer to a class (the fast way; see README.md).

options:
  -h, --help         show this help and exit
  --port PORT        the port to serve on (default 8501): students open
                     http://<this computer's address>:PORT
  --address ADDRESS  where to listen: 0.0.0.0 for every network of this
                     computer (the room's Wi-Fi or LAN: the default),
                     127.0.0.1 for this computer only
  --streamlit-help   show the options of `streamlit run` (a long list)

Any other option goes to `streamlit run` unchanged, for example
  python serve.py --port 8080 --server.maxUploadSize 2
Lasting settings live in .streamlit/config.toml.
"""


def cli_args(argv: list[str]) -> list[str]:
    """``serve.py``'s own options turned into ``streamlit run`` options.

    ``--port 8080`` -> ``--server.port 8080``; ``--address A`` ->
    ``--server.address A``; anything else passes through. ``-h``/``--help`` print
    :data:`HELP` and exit.
    """
    import argparse

    usage = HELP.splitlines()[0].removeprefix("usage: ")
    parser = argparse.ArgumentParser(usage=usage, add_help=False, allow_abbrev=False)
    parser.add_argument("-h", "--help", action="store_true")
    parser.add_argument("--streamlit-help", action="store_true")
    parser.add_argument("--port", type=int)
    parser.add_argument("--address")
    ours, rest = parser.parse_known_args(argv)
    if ours.help:
        print(HELP, end="")
        sys.exit(0)
    if ours.streamlit_help:
        return ["--help"]
    if ours.port is not None and not 1 <= ours.port <= 65535:
        parser.exit(2, f"serve.py: --port {ours.port} is not a port (1 … 65535)\n")
    given = (("--server.port", ours.port), ("--server.address", ours.address))
    return [
        word for key, value in given if value is not None for word in (key, str(value))
    ] + rest


def main(argv: list[str] | None = None) -> None:
    """Run ``streamlit run app.py`` with the hooks installed; see :data:`HELP`."""
    args = cli_args(sys.argv[1:] if argv is None else argv)
    install_nodelay_hook()
    install_deflate_level_hook()
    install_guard_hook()
    no_external_ip_lookup()
    use_navigation_only()
    rerun_on_resume()
    cheap_widget_state()
    one_run_at_a_time()
    rerun_lost_fragments()
    batched_messages()
    warm_up()
    from streamlit.web import cli

    # Streamlit reads .streamlit/config.toml from the working directory.
    os.chdir(APP.parent)
    sys.argv = ["streamlit", "run", str(APP), *args]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
