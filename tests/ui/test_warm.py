"""serving.warm: the views are imported once the server is up, not by a first student."""

from __future__ import annotations

import pkgutil
import sys
import threading

import pytest

import serve
from serving import warm


def test_every_module_of_the_package_is_imported() -> None:
    import views

    names = warm.import_package("views")
    expected = [m.name for m in pkgutil.walk_packages(views.__path__, "views.")]
    assert names == expected
    assert "views.gradient_descent.race" in names  # a view, not only packages
    assert all(name in sys.modules for name in names)


def test_a_package_that_is_not_there_is_an_error_at_once() -> None:
    with pytest.raises(ModuleNotFoundError):
        warm.import_package("no_such_package_here")


def test_without_a_runtime_the_thread_waits_then_gives_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Started before Streamlit's runtime exists (as serve.py starts it), it waits."""
    from streamlit.runtime import Runtime

    assert not Runtime.exists()
    monkeypatch.setattr(warm, "WAIT_S", 0.3)
    thread = warm.import_when_up("no_such_package_here")
    assert thread.daemon  # never holds the server open
    thread.join(timeout=10)
    assert not thread.is_alive()  # gave up: no runtime came, nothing was imported


def test_serve_warms_the_views_package() -> None:
    before = {t.ident for t in threading.enumerate()}
    serve.warm_up()
    started = [
        t
        for t in threading.enumerate()
        if t.ident not in before and t.name == "import-views"
    ]
    (thread,) = started
    assert thread.daemon
