"""A first visit in a real browser: the big files come compressed and are cached.

``serving.static_cache`` sends Streamlit's bundles and ``plotly-basic.min.js`` gzip-
compressed from memory with ``Cache-Control``; the page must still draw its
charts (the live chart runs on the compressed ``plotly-basic.min.js``) with no console
error, and a second visit must not download the bundles again.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Response, expect

from tests.e2e.conftest import Server, open_page
from tooling.browser import CHART
from ui.small_plotly import PLOTLY_FILE, STATIC

pytestmark = pytest.mark.e2e


def test_a_first_visit_gets_compressed_cached_files_and_draws_the_live_chart(
    server: Server, page: Page
) -> None:
    replies: list[Response] = []
    page.on("response", lambda reply: replies.append(reply))
    open_page(page, f"{server.url}/equations")
    chart = page.locator(".live-chart[data-ready] .main-svg").first
    expect(chart).to_be_visible(timeout=30_000)
    scripts = [
        r
        for r in replies
        if urlparse(r.url).path.endswith(".js")
        and r.status == 200
        and urlparse(r.url).path.startswith(("/static/", "/app/static/"))
    ]
    paths = {urlparse(r.url).path for r in scripts}
    assert "/app/static/plotly-basic.min.js" in paths
    assert len(scripts) >= 5  # Streamlit's bundles too
    for reply in scripts:
        headers = reply.all_headers()
        assert headers.get("content-encoding") == "gzip", reply.url
        assert "max-age=" in headers.get("cache-control", ""), reply.url
    plotly = next(r for r in scripts if r.url.endswith("/plotly-basic.min.js"))
    assert len(plotly.body()) == (STATIC / PLOTLY_FILE).stat().st_size  # decoded


def test_a_second_visit_does_not_download_the_bundles_again(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/correlation")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)  # lazy bundles
    page.wait_for_load_state("networkidle")  # every bundle whole, so stored
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    asked: dict[str, str] = {}
    from_cache: set[str] = set()
    cdp.on(
        "Network.requestWillBeSent",
        lambda event: asked.__setitem__(event["requestId"], event["request"]["url"]),
    )
    cdp.on(
        "Network.requestServedFromCache",  # memory cache
        lambda event: from_cache.add(event["requestId"]),
    )
    cdp.on(
        "Network.responseReceived",
        lambda event: (
            from_cache.add(event["requestId"])
            if event["response"].get("fromDiskCache")
            else None
        ),
    )
    open_page(page, f"{server.url}/correlation")
    # The chart's bundle loads lazily, after the page: wait for its answer too.
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    page.wait_for_load_state("networkidle")
    bundles = {rid for rid, url in asked.items() if "/static/js/" in url}
    assert len(bundles) >= 5
    assert bundles <= from_cache, [asked[r] for r in bundles - from_cache][:5]
