"""Debian's headless Chromium, started the one way tests, benchmarks and scripts share.

The flags keep the browser on this machine (no background networking, updates, sync or
QUIC), so a test that checks "no request leaves 127.0.0.1" sees only the app's traffic.
Never ``playwright install``: Playwright drives the system's Chromium (``CHROMIUM``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Playwright, ViewportSize, sync_playwright

#: The Chromium executable (Debian's package), overridable with ``CHROMIUM=/path``.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Flags for a headless Chromium in a container that calls nowhere on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--metrics-recording-only",
]
#: Matches once the app has finished its script run (Streamlit marks the root element).
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
#: A chart ``page.chart`` drew: by Streamlit's Plotly (``st.plotly_chart``) or by the
#: page's small one (``ui.still_chart``).
PLOTS = ':is([data-testid="stPlotlyChart"], .still-chart)'
#: Such a chart, once drawn (its SVG exists).
CHART = f"{PLOTS} .main-svg"
#: The window the browser tests and the browser benchmark use.
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
#: What to do when ``CHROMIUM`` is not there.
HOW_TO_INSTALL = (
    "install Debian's chromium (the README's test command, bash scripts/test.sh, "
    "does) or set CHROMIUM=/path/to/chromium."
)


def launch(playwright: Playwright) -> Browser:
    """Launch ``CHROMIUM`` headless with ``CHROMIUM_ARGS``.

    Parameters
    ----------
    playwright
        A started Playwright (``sync_playwright().start()`` or its context manager).
    """
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for a command-line tool, closed on exit.

    Exits the program with a sentence saying how to install Chromium when
    ``CHROMIUM`` does not exist (a tool has no better way to report it).
    """
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM}: {HOW_TO_INSTALL}")
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            yield browser
        finally:
            browser.close()
