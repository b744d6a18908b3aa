"""ui/style.css, the stylesheet app.py loads on every page."""

from __future__ import annotations

import re

from tests.helpers import ROOT

CSS = (ROOT / "ui" / "style.css").read_text()


def test_app_loads_the_stylesheet() -> None:
    assert 'st.html(ROOT / "ui" / "style.css")' in (ROOT / "app.py").read_text()


def test_no_text_that_looks_like_a_tag() -> None:
    """st.html sanitises with DOMPurify, which drops a style whose text has ``<x``."""
    assert re.search(r"<[/\w!]", CSS) is None


def test_braces_balance() -> None:
    assert CSS.count("{") == CSS.count("}") > 0
