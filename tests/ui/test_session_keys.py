"""A session keeps the keys of the page it is on, not of every page it has seen.

Every widget call walks all session keys (Streamlit's ``filtered_state``), so the
values each page stored used to make every later page's widgets slower.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tooling import ROOT
from ui.topics import available_topics


def test_a_walk_over_every_page_keeps_only_the_current_pages_keys() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    topics = available_topics()
    counts = {}
    for topic in topics:
        at.switch_page(topic.script).run()
        assert not at.exception, topic.slug
        counts[topic.slug] = len(list(at.session_state))
    first = topics[0]
    at.switch_page(first.script).run()
    assert len(list(at.session_state)) <= counts[first.slug] + 5
    assert max(counts.values()) < 110  # 195 when every page's values stayed
    results = [k for k in at.session_state if str(k).startswith("_last_good")]
    assert results == ["_last_good"]  # one dict, this page's results only


def test_coming_back_to_a_page_reads_its_values_again() -> None:
    at = AppTest.from_file(str(ROOT / "pages/equations.py"), default_timeout=60)
    at.query_params["a"] = "3"
    at.run()
    assert at.session_state["a"] == 3.0
    at.number_input(key="a").set_value(4.0).run()
    assert at.session_state["a"] == 4.0
    assert not at.exception
