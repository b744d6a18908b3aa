"""Which views to take home in the tests, and how to read a page's record and panels."""

from __future__ import annotations

import ast
import importlib

from streamlit.testing.v1 import AppTest

from tests.helpers import page_test
from ui.notebook_download import Record
from ui.topics import Topic, available_topics

#: Views beyond each page's default whose notebook the kernel test also runs.
OTHER_VIEWS = (
    ("gradient-descent", "race"),
    ("correlation", "matrix"),
    ("loss-functions", "fit"),
)


def view_keys(topic: Topic) -> list[str]:
    """The URL keys of every view a page script lists (from its ``views.*`` imports)."""
    keys = []
    for node in ast.parse(topic.path.read_text()).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "views."
        ):
            for alias in node.names:
                module = importlib.import_module(f"{node.module}.{alias.name}")
                if hasattr(module, "VIEW"):
                    keys.append(module.VIEW.key)
    return keys


def topic(slug: str) -> Topic:
    return next(t for t in available_topics() if t.slug == slug)


def every_view() -> list[tuple[str, str]]:
    return [(t.slug, key) for t in available_topics() for key in view_keys(t)]


def run_view(slug: str, view: str | None = None) -> tuple[AppTest, Record]:
    """Run a page (on ``view``, or its default) and return it with this run's record."""
    at = page_test(topic(slug).script, {"view": view} if view else None).run()
    assert not at.exception, at.exception
    record = at.session_state["_take_home_"]
    assert isinstance(record, Record)
    return at, record


def panel_outputs(at: AppTest) -> list[str]:
    """The output text of every code panel on the page, in order."""
    return [block.value for block in at.code if block.language == "text"]
