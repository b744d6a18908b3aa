"""Import a package's modules once the server is up, so a first student waits less.

A page's first run in a process imports its views and what they use (about 0.8 s
of imports for all ten pages on a 2-core machine). Without this, the first
student to open each page pays that part of it. ``serve.py`` calls
:func:`import_when_up` with the app's ``views`` package (by name: the server
layer does not depend on the app's code): a daemon thread waits until
Streamlit's runtime exists (an ``st.cache_data`` decorated before it only warns
"No runtime found"; its storage is chosen when it is called, so nothing
changes), then imports each module of the package. Python's import lock makes a
session that imports the same module at that moment wait for it, not see it
half done.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
import time

#: How long the thread waits for the runtime before it gives up (s).
WAIT_S = 120.0
_LOG = logging.getLogger(__name__)


def import_package(package: str) -> list[str]:
    """Import ``package`` and every module under it; their names, in order."""
    root = importlib.import_module(package)
    names = [m.name for m in pkgutil.walk_packages(root.__path__, f"{package}.")]
    for name in names:
        importlib.import_module(name)
    return names


def _when_up(package: str) -> None:
    from streamlit.runtime import Runtime

    deadline = time.monotonic() + WAIT_S
    while not Runtime.exists():
        if time.monotonic() > deadline:
            return
        time.sleep(0.1)
    try:
        import_package(package)
    except Exception:  # a broken view shows its error on its page, as before
        _LOG.exception("importing %s ahead of the first student failed", package)


def import_when_up(package: str) -> threading.Thread:
    """Start the daemon thread that imports ``package`` once the runtime exists."""
    thread = threading.Thread(
        target=_when_up, args=(package,), name=f"import-{package}", daemon=True
    )
    thread.start()
    return thread
