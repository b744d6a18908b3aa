"""Websocket compression (``server.enableWebsocketCompression``): on, on the wire, harmless.

The server agrees to ``permessage-deflate`` when a client offers it, directly
and through HAProxy (``deploy/haproxy.cfg`` passes the handshake through); a
real browser drag on a live chart then moves fewer bytes on the wire than the
messages hold (counted by the drag benchmark's relay, ``benchmarks/browser/relay.py``),
and the page still follows the release.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from websockets.sync.client import connect

from benchmarks.browser.relay import relay
from tests.e2e.conftest import Server, open_page, wait_idle
from tests.e2e.test_haproxy import start_classroom
from tests.e2e.test_live_charts import WATCH_PAINTS, drag

pytestmark = pytest.mark.e2e


def agreed_extensions(base_url: str) -> str:
    """The ``Sec-WebSocket-Extensions`` a server answers to a browser-like offer."""
    url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    with connect(
        url,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        compression="deflate",  # offers permessage-deflate, as Chromium does
        open_timeout=30,
    ) as ws:
        assert ws.response is not None
        return ws.response.headers.get("Sec-WebSocket-Extensions", "")


def test_the_server_agrees_to_compress(server: Server) -> None:
    assert "permessage-deflate" in agreed_extensions(server.url)


def test_haproxy_passes_compression_through(tmp_path: Path) -> None:
    room = start_classroom(tmp_path)
    try:
        assert "permessage-deflate" in agreed_extensions(room.url)
    finally:
        room.stop()


def test_a_release_is_compressed_on_the_wire_and_the_page_follows(
    server: Server, page: Page
) -> None:
    received: list[int] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda data: received.append(len(data))),
    )
    with relay(server.url) as (url, wire):
        open_page(page, f"{url}/equations")
        expect(page.locator(".live-chart[data-ready]")).to_be_attached()
        page.evaluate(WATCH_PAINTS)
        formula = page.locator(".katex").first.inner_text()
        assert drag(page, '[data-drag="b"]', 0, -120) >= 10
        received.clear()
        before = wire.ws_down
        page.mouse.up()
        expect(page).to_have_url(re.compile(r"[?&]b="))
        wait_idle(page)
        expect(page.locator(".katex").first).not_to_have_text(formula)
        payload, on_wire = sum(received), wire.ws_down - before
    # the frames of the other handle travel again (~20 KB of JSON): deflated
    assert payload > 5_000
    assert on_wire < payload / 2, f"{on_wire} bytes on the wire for {payload}"
