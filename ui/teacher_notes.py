"""Teacher notes: each topic's link parameters and ready lessons, from the code.

Nothing here is written by hand about a parameter: each row comes from its
``Param`` declaration (name, label, ``help``, kind, default, limits or choices),
so the notes change when a page changes. ``views.teachers`` finds each page's
views and lessons and calls :func:`topic_notes` for each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from core.parsing import format_number
from text.safe import inline_code, literal
from ui.params import Param
from ui.share import Lesson, link
from ui.topics import Topic
from ui.url_state import HIDE_KEY

TITLE = "Teacher notes"
INTRO = (
    "Every page keeps its controls in the link, so a link is a prepared lesson. "
    "This page lists, for each topic, the names a link may hold, what they mean, "
    "their default and the values they accept, and three ready lesson links. It "
    "is written from the pages' own declarations, so it is always up to date. "
    f"Any link may add `{HIDE_KEY}=` with names separated by commas to hide those "
    "controls (their values still apply); **Share this view** on every page builds "
    "such a link, with a QR code, by ticking controls by their labels."
)
KINDS = {
    "float": "number",
    "int": "whole number",
    "choice": "choice",
    "bool": "on/off",
    "text": "text",
    "column": "column name",
}
#: Longest default or choice list shown in a cell (the link may hold more).
CELL_LIMIT = 90


@dataclass(frozen=True)
class ViewInfo:
    """One view of a page: its URL word, its label and its parameters."""

    key: str
    label: str
    params: tuple[Param, ...]


def accepts(param: Param) -> str:
    """The values a link may give ``param``, in words."""
    if param.kind in ("float", "int"):
        step = f", step {format_number(param.step)}" if param.step else ""
        return (
            f"{format_number(param.min_value or 0)} … "
            f"{format_number(param.max_value or 0)}{step}"
        )
    if param.kind == "choice":
        return "; ".join(f"{word} = {label}" for word, label in param.choices.items())
    if param.kind == "bool":
        return "1 (on) or 0 (off)"
    if param.kind == "column":
        return "a column of the page's table (empty: the first that fits)"
    return f"text, up to {param.max_chars:,} characters"


def param_rows(
    params: Sequence[Param], views: Sequence[ViewInfo]
) -> list[dict[str, str]]:
    """One row per link parameter: name, control, meaning, kind, default, values, views."""
    rows = []
    for param in params:
        used = [v.label for v in views if any(p.name == param.name for p in v.params)]
        rows.append(
            {
                "In the link": inline_code(param.name),
                "Control": literal(param.label),
                "Meaning": literal(param.help or ""),
                "Kind": KINDS.get(param.kind, param.kind),
                "Default": literal(param.encode(param.default), CELL_LIMIT)
                or "(empty)",
                "Accepts": literal(accepts(param), CELL_LIMIT),
                "Views": literal(", ".join(used) if used else "all"),
            }
        )
    return rows


def origin() -> str:
    """``http://host:port`` as the browser reached this page (a test: localhost)."""
    url = st.context.url or "http://localhost:8501/teachers"
    return url.rsplit("/", 1)[0]


def topic_notes(
    topic: Topic,
    params: Sequence[Param],
    views: Sequence[ViewInfo],
    lessons: Sequence[Lesson],
) -> None:
    """The notes of one topic: its lessons, then a table of its link parameters."""
    base = f"{origin()}/{topic.slug}"
    st.header(topic.title, anchor=topic.slug)
    st.markdown(f"{topic.teaches} Page: {inline_code('/' + topic.slug)}.")
    st.subheader("Three ready lessons", anchor=f"{topic.slug}-lessons")
    for lesson in lessons:
        url = link(base, lesson.params)
        st.markdown(
            f"[**{literal(lesson.title)}**]({url}): {literal(lesson.about, 400)}"
        )
        st.code(url, language=None, wrap_lines=True)
    st.subheader("What a link may hold", anchor=f"{topic.slug}-parameters")
    st.table(param_rows(params, views), hide_index=True)
