"""A real server (started the README's way) and Debian's headless Chromium.

Browser tests never skip: if Chromium is missing the suite fails and says how
to install it (the README's test command does that for you).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tooling import ROOT
from tooling.browser import CHART, CHROMIUM, IDLE, VIEWPORT, launch
from tooling.server import Server, free_port, start_server, wait_healthy

# Re-exported for the browser tests, which import them from here.
__all__ = [
    "CHART",
    "IDLE",
    "ROOT",
    "Server",
    "Watch",
    "free_port",
    "open_page",
    "start_server",
    "wait_healthy",
    "wait_idle",
]

LOCAL_HOSTS = {"127.0.0.1"}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("server"))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need it. Run the "
            "README's test command (bash scripts/test.sh), which installs Debian's "
            "chromium, or set CHROMIUM=/path/to/chromium.",
        )
    browser = launch(playwright)
    yield browser
    browser.close()


#: Streamlit's frontend, opened on a deep link such as /equations, first probes
#: /equations/_stcore/... in case the app is served under that base path; the 404
#: answers are expected and the frontend falls back to the root.
BASE_PATH_PROBE = re.compile(r"^/[^/]+(/[^/]+)*/_stcore/(health|host-config)$")
FAILED_LOAD = "Failed to load resource"


@dataclass
class Watch:
    """What the page did that must not happen: console errors, requests off 127.0.0.1."""

    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.outside_requests == [], "requests left the machine"
        assert self.page_errors == [], "uncaught errors in the page"
        unexpected = [
            url
            for url in self.failed_responses
            if not BASE_PATH_PROBE.match(urlparse(url).path)
        ]
        assert unexpected == [], "requests that failed"
        errors = self.console_errors
        if not unexpected:  # the only failed loads were the base-path probes
            errors = [text for text in errors if not text.startswith(FAILED_LOAD)]
        assert errors == [], "console errors"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Browser, watch: Watch) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(30_000)

    def on_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname
        if (
            url.startswith(("http:", "https:", "ws:", "wss:"))
            and host not in LOCAL_HOSTS
        ):
            watch.outside_requests.append(url)

    tab.on("request", on_request)
    tab.on("websocket", lambda ws: on_request(ws))
    tab.on(
        "console",
        lambda msg: (
            watch.console_errors.append(msg.text) if msg.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    tab.on(
        "response",
        lambda reply: (
            watch.failed_responses.append(reply.url) if reply.status >= 400 else None
        ),
    )
    yield tab
    context.close()
    watch.assert_clean()


def wait_idle(page: Page) -> None:
    """Wait until the app has finished its script run (never a fixed sleep)."""
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)


def open_page(page: Page, url: str) -> None:
    """Open ``url`` and wait for the script run and the first chart to be drawn."""
    page.goto(url)
    wait_idle(page)
