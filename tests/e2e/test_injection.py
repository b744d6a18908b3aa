"""Every page opened with hostile link values and keys, in a browser that blocks the web.

Issue 16, item 1: ``/equations?a=![x](http://10.0.0.1/num.png)`` made the browser
fetch an outside image, ``<http://10.0.0.1/auto>`` rendered a link and a key with
``%0A%0A%23%20HACKED`` a heading. Here every request whose host is not this machine
is blocked *and* recorded; after each page: none was made, no ``<a>`` points
outside, no ``<img>`` loads from outside, and no heading holds the link's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.e2e.conftest import IDLE, Server, open_page
from tooling.browser import VIEWPORT
from ui.topics import TOPICS
from ui.url_state import MAX_NOTES

LOOPBACK = {"127.0.0.1", "localhost"}
OUTSIDE = "10.0.0.1"
#: Values (and keys) a hostile link sends; the first three are the issue's.
VALUES = (
    f"![x](http://{OUTSIDE}/num.png)",
    f"<http://{OUTSIDE}/auto>",
    "\n\n# HACKED",
    f"[link](http://{OUTSIDE}/l) www.{OUTSIDE}.example a@{OUTSIDE}.example",
    f"<img src=http://{OUTSIDE}/i.png><b>bold</b>",
    ":red[HACKED] :material/home: :streamlit: $x^2$",
    "`x`\n\n## HACKED2",
)


def hostile_url(base: str, slug: str) -> str:
    """Every hostile value for the page's usual keys, in keys, and in ``hide=``."""
    parts = []
    for i, value in enumerate(VALUES):
        for key in ("a", "x", "view", "data", "seed", "p_a", "entry"):
            parts.append(f"{key}={quote(value)}")
        parts.append(f"{quote(value)}{i}=1")
    parts.append("hide=" + quote(",".join(VALUES)))
    return f"{base}/{slug}?" + "&".join(parts)


@pytest.fixture
def guarded(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A tab whose every non-loopback request is blocked and recorded."""
    context = browser.new_context(viewport=VIEWPORT)
    blocked: list[str] = []

    def guard(route: Route) -> None:
        if urlparse(route.request.url).hostname in LOOPBACK or not (
            route.request.url.startswith(("http:", "https:"))
        ):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.on("websocket", lambda ws: _note_socket(ws.url, blocked))
    yield tab, blocked
    context.close()


def _note_socket(url: str, blocked: list[str]) -> None:
    if urlparse(url).hostname not in LOOPBACK:
        blocked.append(url)


def _outside(urls: list[str | None]) -> list[str]:
    """The URLs that point off this machine (relative and data: URLs stay)."""
    found = []
    for url in urls:
        host = urlparse(url or "").hostname
        if host is not None and host not in LOOPBACK:
            found.append(url or "")
    return found


@pytest.mark.parametrize("topic", TOPICS, ids=[t.slug for t in TOPICS])
def test_a_hostile_link_renders_no_markup_and_calls_nowhere(
    server: Server, guarded: tuple[Page, list[str]], topic
) -> None:
    page, blocked = guarded
    open_page(page, hostile_url(server.url, topic.slug))
    expect(page.locator(IDLE)).to_be_attached()
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").first).to_be_visible()  # the page itself is there
    # every note of the link is shown as text (the page noted what it ignored)
    expect(main.get_by_text("from the link").first).to_be_visible()
    hrefs = main.locator("a").evaluate_all("els => els.map(e => e.href)")
    srcs = page.locator("img").evaluate_all("els => els.map(e => e.src)")
    headings = main.locator("h1, h2, h3, h4, h5, h6").all_inner_texts()
    assert blocked == [], "the page asked for something off this machine"
    assert _outside(hrefs) == [], "a link to outside was rendered"
    assert _outside(srcs) == [], "an outside image was rendered"
    assert [h for h in headings if "HACKED" in h] == [], "a heading came from the link"
    assert main.locator(".stMarkdownColoredText").count() == 0  # :red[...]
    assert main.locator('[role="img"][aria-label$=" icon"]').count() == 0  # :material/
    assert page.locator('img[alt="Streamlit logo"]').count() == 0  # :streamlit:
    noted = main.get_by_text("from the link").all_inner_texts()
    if len(noted) < MAX_NOTES:
        assert f"http://{OUTSIDE}/" in " ".join(noted)  # shown as text, as typed
    else:  # the page's own keys took every note; the rest are counted, not listed
        expect(main.get_by_text("ignored link values.")).to_be_visible()
