"""Every page draws with the fonts a school machine has: no emoji, no empty boxes.

The CI's Chromium, like many school machines, has no emoji font: an emoji icon or
label shows as an empty box there. On every view of every page, the home page and
the teacher notes, this collects each character of the text the page renders
(every text node, charts and formulas included) and checks that

- none is a pictograph or an emoji sequence (U+1F000 … U+1FFFF, the emoji
  variation selector U+FE0F, the zero-width joiner, the keycap mark);
- every other character beyond ASCII is in a font installed on this machine
  (fontconfig: ``fc-list :charset=…``), so Chromium can draw it.
"""

from __future__ import annotations

import subprocess
import unicodedata
from functools import cache

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import Server, open_page
from ui.topics import available_topics
from views.teachers import contents

pytestmark = pytest.mark.e2e

#: Every text node of the page but scripts and styles, joined.
RENDERED_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => ["SCRIPT", "STYLE", "NOSCRIPT"].includes(
      node.parentElement && node.parentElement.tagName
    ) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
  return parts.join(" ");
}"""
EMOJI_MARKS = {0xFE0F, 0x200D, 0x20E3}


def _urls(base: str) -> list[str]:
    urls = [f"{base}/", f"{base}/teachers"]
    for topic in available_topics():
        for view in contents(topic).views:
            urls.append(f"{base}/{topic.slug}?view={view.key}")
    return urls


def is_emoji(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FFFF or code in EMOJI_MARKS


@cache
def has_font(char: str) -> bool:
    """Whether an installed font covers ``char`` (invisible characters need none)."""
    if unicodedata.category(char) in {"Cf", "Zs", "Zl", "Zp", "Cc"}:
        return True
    found = subprocess.run(
        ["fc-list", f":charset={ord(char):x}", "family"],
        capture_output=True,
        text=True,
        check=True,
    )
    return bool(found.stdout.strip())


def test_the_checks_catch_an_emoji_and_a_character_without_a_font() -> None:
    assert is_emoji("🎲")
    assert is_emoji("⚖️"[1])  # the emoji variation selector
    assert not is_emoji("↺")
    for char in "↺σ−→":
        assert has_font(char), char
    assert not has_font("\U0001f3b2")  # 🎲: this machine has no emoji font


def test_every_page_renders_with_installed_fonts(server: Server, page: Page) -> None:
    problems: dict[str, set[str]] = {}
    seen: set[str] = set()
    for url in _urls(server.url):
        open_page(page, url)
        text = page.evaluate(RENDERED_TEXT)
        seen |= set(text)
        bad = {
            f"U+{ord(c):04X} {unicodedata.name(c, '?')}"
            for c in set(text)
            if ord(c) > 0x7F and (is_emoji(c) or not has_font(c))
        }
        if bad:
            problems[url.removeprefix(server.url)] = bad
    assert problems == {}
    # the walk saw buttons (the reset button's ↺) and chart text (Plotly's minus)
    assert {"↺", "−"} <= seen
