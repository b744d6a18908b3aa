"""The still chart (ui/still_chart.py): charts drawn by the page's small Plotly.

A browser draws them (tests/e2e: every page's charts, axe, the first visit); here
is what Python sends, and which charts still need Streamlit's whole Plotly.
"""

from __future__ import annotations

import hashlib
import json
import re

import plotly.io as pio
import pytest

from tests.helpers import (
    chart_json,
    chart_key,
    live_charts,
    live_payload,
    page_charts,
    page_test,
)
from ui import small_plotly, still_chart
from ui.page import CHART_CONFIG
from ui.topics import available_topics
from views.teachers import contents
from viz import style

#: The charts that keep ``st.plotly_chart`` (Streamlit's whole Plotly, 4.8 MB):
#: a heat map is not in the small bundle, and a learner clicks the matrix's cells.
#: (page, view, chart key): anything else drawn that way fails the test below.
WHOLE_PLOTLY = {
    ("matrices", "layer", "batch_outputs"),  # a heat map of the batch's outputs
    ("correlation", "matrix", "heatmap"),  # a heat map a learner clicks
}


def _figure(kind: str = "scatter", frames: bool = False) -> dict[str, object]:
    whole: dict[str, object] = {"data": [{"type": kind, "x": [1, 2], "y": [3, 4]}]}
    if frames:
        whole["frames"] = [{"data": [{"type": "heatmap", "z": [[1]]}]}]
    return whole


def test_the_small_plotly_draws_scatter_bar_and_pie_only() -> None:
    assert small_plotly.draws(_figure("scatter"))
    assert small_plotly.draws(_figure("bar"))
    assert small_plotly.draws({"data": [{"x": [1], "y": [2]}]})  # scatter by default
    assert not small_plotly.draws(_figure("heatmap"))
    assert not small_plotly.draws(_figure("surface"))
    assert not small_plotly.draws(_figure("scatter", frames=True))  # a frame's trace


def test_the_payload_is_the_figure_st_plotly_chart_would_send() -> None:
    fig = style.freeze(style.figure([{"type": "bar", "x": [1, 2], "y": [3, 4]}], {}))
    sent = json.loads(still_chart.payload(fig, "Two bars", CHART_CONFIG))
    assert sent["figure"] == json.loads(pio.to_json(fig, validate=False))
    assert sent["alt"] == "Two bars"
    assert sent["config"] == CHART_CONFIG
    assert sent["plotly"] == "app/static/plotly-basic.min.js"
    again = json.loads(still_chart.payload(fig, "Two bars", CHART_CONFIG))
    assert again["v"] == sent["v"]
    other = json.loads(still_chart.payload(fig, "Two bars, changed", CHART_CONFIG))
    assert other["v"] != sent["v"]  # the browser draws again when anything changes


def test_a_cached_figure_is_encoded_once_and_a_fresh_one_every_time() -> None:
    frozen = style.freeze(style.figure([{"type": "scatter", "y": [1, 2]}], {}))
    assert still_chart.spec(frozen) is still_chart.spec(frozen)
    fresh = style.figure([{"type": "scatter", "y": [1, 2]}], {})
    first = still_chart.spec(fresh)
    fresh.data[0].y = (5, 6)  # an unfrozen figure may change: never kept
    assert still_chart.spec(fresh) != first
    assert b"5" in still_chart.spec(fresh)


def test_hostile_words_stay_data_in_the_payload() -> None:
    fig = style.freeze(style.figure([{"type": "scatter", "y": [1]}], {}))
    words = '</script><img src=x onerror=alert(1)> "quoted"'
    sent = json.loads(still_chart.payload(fig, words, CHART_CONFIG))
    assert sent["alt"] == words  # JSON text; the browser sets it as an attribute


@pytest.mark.parametrize("topic", available_topics(), ids=lambda t: t.slug)
def test_only_heat_maps_and_clicked_charts_need_the_whole_plotly(topic) -> None:
    """Every other chart of every view is drawn by the page's small Plotly."""
    for view in contents(topic).views:
        at = page_test(topic.script, {"view": view.key}, timeout=90).run()
        assert not at.exception, (topic.slug, view.key)
        for chart in page_charts(at):
            key = chart_key(chart)
            if chart.type == "plotly_chart":
                assert (topic.slug, view.key, key) in WHOLE_PLOTLY, chart_json(chart)[
                    :200
                ]
            else:
                sent = live_payload(chart)
                assert small_plotly.draws(sent["figure"]), (topic.slug, view.key, key)
                assert sent["plotly"] == small_plotly.PLOTLY_URL


def test_a_components_script_is_imported_once_not_sent_with_every_rerun() -> None:
    """The inline script names its module by digest: a changed module, a new URL."""
    at = page_test("pages/vectors.py", {"view": "plane"}).run()
    charts = page_charts(at) + live_charts(at)
    assert {c.proto.component_name.rsplit(".", 1)[-1] for c in charts} == {
        "still_chart",
        "live_chart",
    }
    for chart in charts:
        inline = chart.proto.js_content
        assert len(inline.encode()) < 2048  # the live chart's module is 22 KB
        (url,) = re.findall(r'"(app/static/[a-z_]+\.js\?v=[0-9a-f]+)"', inline)
        name, digest = url.removeprefix("app/static/").split("?v=")
        module = small_plotly.STATIC / name
        assert hashlib.blake2b(module.read_bytes(), digest_size=6).hexdigest() == digest
        assert "export default function (component, helpers)" in module.read_text()
