"""serve.py: the fast-start hooks still find their place in the pinned Streamlit.

If Streamlit moves these internals, these tests fail loudly (and serve.py still
starts the app, with a warning), so nobody loses the speed without knowing.
"""

from __future__ import annotations

import importlib
import socket
import warnings

import pytest

import serve


def test_pinned_streamlit_version() -> None:
    import streamlit

    requirement = next(
        line
        for line in (serve.APP.parent / "requirements.txt").read_text().splitlines()
        if line.startswith("streamlit")
    )
    assert requirement == f"streamlit=={streamlit.__version__}"


def test_socket_hook_point_exists() -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    assert callable(getattr(module, serve.HOOK_NAME))


def test_hook_sets_tcp_nodelay_on_the_listening_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    monkeypatch.setattr(module, serve.HOOK_NAME, getattr(module, serve.HOOK_NAME))
    assert serve.install_nodelay_hook()
    sock = getattr(module, serve.HOOK_NAME)("127.0.0.1", 0, 8)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        # and Linux hands it down to every accepted connection
        client = socket.create_connection(sock.getsockname())
        sock.setblocking(True)
        accepted, _ = sock.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        accepted.close()
        client.close()
    finally:
        sock.close()


def test_hook_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    monkeypatch.setattr(module, serve.HOOK_NAME, getattr(module, serve.HOOK_NAME))
    serve.install_nodelay_hook()
    first = getattr(module, serve.HOOK_NAME)
    serve.install_nodelay_hook()
    assert getattr(module, serve.HOOK_NAME) is first


def test_missing_hook_point_warns_and_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(serve, "HOOK_NAME", "_no_such_function")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.install_nodelay_hook() is False
    assert any("TCP_NODELAY" in str(w.message) for w in caught)


def test_navigation_only_hook_point_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    assert serve.use_navigation_only()
    assert PagesManager.uses_pages_directory is False
    # Streamlit only decides when the flag is still None: False must survive a session.
    PagesManager(str(serve.APP))
    assert PagesManager.uses_pages_directory is False


def test_warm_up_finishes_the_imports_plotly_looks_up_lazily() -> None:
    import subprocess
    import sys

    # In a fresh interpreter: after warm_up, pandas is fully imported, so a page
    # thread can never find it half-initialised in sys.modules.
    code = (
        "import sys, serve; assert 'pandas' not in sys.modules; serve.warm_up(); "
        "import pandas; assert hasattr(sys.modules['pandas'], 'Series')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=serve.APP.parent, check=True)
