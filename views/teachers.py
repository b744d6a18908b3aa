"""The teacher notes page: every topic's views, link parameters and ready lessons.

The views of a topic are the ones its page script gives ``page.run`` (read from
the script, which ``tests/test_layout.py`` keeps to that one call), so the notes
list exactly what the page draws. The lessons are data beside the views:
``LESSONS`` in ``views/<topic>/__init__.py``.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from functools import cache

import streamlit as st

from ui import teacher_notes as notes
from ui.page import View, page_params
from ui.params import Param
from ui.share import Lesson
from ui.topics import Topic, available_topics


@dataclass(frozen=True)
class PageContents:
    """What one topic page shows: its views (with the default) and its lessons."""

    topic: Topic
    views: tuple[View, ...]
    default: str | None
    lessons: tuple[Lesson, ...]

    @property
    def params(self) -> tuple[Param, ...]:
        return page_params(self.views, self.default)


def _run_call(tree: ast.Module) -> ast.Call:
    calls = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ]
    if len(calls) != 1 or ast.unparse(calls[0].func) != "page.run":
        raise ValueError("a page script holds one page.run(...) call")
    return calls[0]


@cache
def contents(topic: Topic) -> PageContents:
    """The views, default view and lessons of ``topic``'s page, read from its script."""
    tree = ast.parse(topic.path.read_text(encoding="utf-8"))
    modules = {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("views")
        for alias in node.names
    }
    keywords = {kw.arg: kw.value for kw in _run_call(tree).keywords}
    listed = keywords["views"]
    if not isinstance(listed, ast.Tuple | ast.List):
        raise ValueError(f"{topic.script}: views=(...) lists the views")
    views = []
    for item in listed.elts:
        name = ast.unparse(item).removesuffix(".VIEW")
        views.append(importlib.import_module(modules[name]).VIEW)
    default = keywords.get("default")
    package = importlib.import_module(f"views.{topic.path.stem}")
    return PageContents(
        topic,
        tuple(views),
        ast.literal_eval(default) if default is not None else None,
        tuple(getattr(package, "LESSONS", ())),
    )


def run() -> None:
    """The page: a title, the intro, a list of topics, then each topic's notes."""
    st.title(notes.TITLE)
    st.markdown(notes.INTRO)
    topics = available_topics()
    st.markdown(" · ".join(f"[{t.title}](#{t.slug})" for t in topics))
    for topic in topics:
        page = contents(topic)
        infos = [notes.ViewInfo(v.key, v.label, v.params) for v in page.views]
        notes.topic_notes(topic, page.params, infos, page.lessons)
