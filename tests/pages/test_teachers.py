"""The teacher notes page: written from the pages' own declarations, lessons that open.

Each topic's notes must list what its page really draws (the views of its "Show"
picker, every link parameter), and each ready lesson link must open its page
with no note about an ignored value, no error, and the controls it hides hidden.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import page_test
from ui.share import Lesson
from ui.topics import TOPICS, Topic
from ui.url_state import HIDE_KEY
from views.teachers import contents

LESSONS = [(topic, lesson) for topic in TOPICS for lesson in contents(topic).lessons]


def _shown(markdown: str) -> str:
    """The text a cell shows: markdown escapes and code-span ticks removed."""
    return re.sub(r"\\(.)", r"\1", markdown).strip("`")


def _row(table: object, name: str) -> dict[str, str]:
    rows = table.value  # type: ignore[attr-defined]
    row = rows[rows["In the link"].map(_shown) == name].iloc[0]
    return {column: _shown(cell) for column, cell in row.items()}


def _notes_page() -> AppTest:
    at = page_test("pages/teachers.py").run()
    assert not at.exception
    return at


def test_every_topic_has_three_lessons() -> None:
    for topic in TOPICS:
        assert len(contents(topic).lessons) == 3, topic.slug


def test_the_notes_list_every_topic_and_every_link_parameter() -> None:
    at = _notes_page()
    assert [h.value for h in at.header] == [t.title for t in TOPICS]
    assert len(at.table) == len(TOPICS)
    for topic, table in zip(TOPICS, at.table, strict=True):
        names = [_shown(cell) for cell in table.value["In the link"]]
        assert names == [p.name for p in contents(topic).params], topic.slug


def test_a_row_gives_label_meaning_kind_default_and_range() -> None:
    at = _notes_page()
    table = at.table[TOPICS.index(_topic("normal-distribution"))]
    sigma = _row(table, "sigma")
    assert sigma["Control"] == "Standard deviation σ"
    assert sigma["Kind"] == "number"
    assert sigma["Default"] == "1"
    assert sigma["Accepts"] == "0.5 … 2, step 0.05"
    assert "share the link" in _row(table, "seed")["Meaning"]
    view = _row(table, "view")
    assert view["Accepts"] == "draws = Draws; rule = 68–95–99.7; interval = P(a<X<b)"


def test_the_notes_show_every_lesson_as_a_full_link() -> None:
    at = _notes_page()
    links = [c.value for c in at.code]
    for topic, lesson in LESSONS:
        assert f"http://localhost:8501/{topic.slug}{lesson.query()}" in links


def _topic(slug: str) -> Topic:
    return next(t for t in TOPICS if t.slug == slug)


def _widget_keys(at: AppTest) -> set[str]:
    widgets = chain(
        at.slider,
        at.number_input,
        at.text_input,
        at.text_area,
        at.toggle,
        at.radio,
        at.selectbox,
        at.checkbox,
        at.get("button_group"),
    )
    return {str(w.key) for w in widgets if getattr(w, "key", None)}


@pytest.mark.parametrize(
    ("topic", "lesson"), LESSONS, ids=[f"{t.slug}:{le.title}" for t, le in LESSONS]
)
def test_a_lesson_link_opens_as_written(topic: Topic, lesson: Lesson) -> None:
    at = page_test(topic.script, dict(lesson.params)).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    shown = " ".join(c.value for c in at.caption)
    assert "Ignored" not in shown, shown
    # the page keeps every value of the link (the address bar is the lesson link)
    kept = {k: at.query_params[k] for k in at.query_params}
    for key, value in lesson.params.items():
        assert kept.get(key, [value]) == [value] or kept.get(key) == value, key
    hidden = [n for n in lesson.params.get(HIDE_KEY, "").split(",") if n]
    keys = _widget_keys(at)
    for name in hidden:
        assert name not in keys, name
        assert f"{name}__slider" not in keys, name
    # the Show picker offers exactly the views the notes list
    picker: Any = next(w for w in at.get("button_group") if w.key == "view")
    assert list(picker.options) == [v.label for v in contents(topic).views]
