"""Every page renders without an exception, and the home page links every topic."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT, figures, page_test
from ui.topics import TOPICS, available_topics


@pytest.mark.parametrize("topic", available_topics(), ids=lambda t: t.slug)
def test_page_renders(topic) -> None:
    at = page_test(topic.script).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert figures(at), "every topic page draws at least one chart"


def test_home_links_every_available_topic() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    links = at.get("page_link")
    labels = " ".join(link.proto.label for link in links)
    for topic in available_topics():
        assert topic.title in labels
    assert len(links) == len(available_topics()) + 1  # and the teacher notes
    assert "Teacher notes" in labels


def test_topics_are_unique() -> None:
    assert len({t.slug for t in TOPICS}) == len(TOPICS)
    assert len({t.script for t in TOPICS}) == len(TOPICS)
