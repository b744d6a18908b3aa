"""The live chart helper (ui/live_chart.py, ui/live_frames.py) as Python sees it.

AppTest sees the component as ``bidi_component``: these tests read what it sends
the browser and set its state as the browser does on release. Only a browser can
drag (tests/e2e/test_live_charts.py).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.helpers import figures, live_charts, live_payload, page_test, texts, trace
from tooling import plotly_basic
from ui import small_plotly
from ui.live_frames import Drag, compact, control_frames, grid, start_index
from ui.params import Param
from views.equations import one

EQUATIONS = "pages/equations.py"
VECTORS = "pages/vectors.py"
BUDGET_BYTES = 300 * 1024


def live(at: AppTest) -> Any:
    """The page's one live chart (the live class's cookie component sends no data)."""
    (element,) = live_charts(at)
    return element


def release(
    at: AppTest,
    values: dict[str, Any],
    n: int = 1,
    have: list[str] | None = None,
    control: str | None = None,
) -> AppTest:
    """What the browser sends when a drag ends: one state value, then a rerun.

    ``have``: the ids of the frame sets the browser holds (it sends them along);
    ``control``: the control released (its parameters, spaced).
    """
    states = at._tree.get_widget_states()
    state = WidgetState(id=live(at).proto.id)
    message: dict[str, Any] = {"values": values, "n": n}
    if have is not None:
        message["have"] = have
    if control is not None:
        message["control"] = control
    state.json_value = json.dumps({"release": message})
    states.widgets.append(state)
    return at._run(states)


def test_the_equations_chart_is_live_with_two_handles() -> None:
    at = page_test(EQUATIONS).run()
    assert not at.exception
    sent = live_payload(live(at))
    assert [c["params"] for c in sent["controls"]] == [["b"], ["a"]]
    assert sent["values"] == {"a": 2.0, "b": -4.0}
    assert sent["handles"] == [[0, -4], [1, -2]]  # (0, b) and (1, a + b)
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    assert sent["plotly"] == "app/static/plotly-basic.min.js"


def test_the_live_charts_plotly_is_the_pinned_basic_bundle() -> None:
    """Committed in static/ (served from this machine), and the release pinned."""
    path = small_plotly.plotly_script()
    assert path.parent.name == "static"
    assert b"plotly.js (basic - minified) v4.1.1" in path.read_bytes()[:60]
    assert plotly_basic.file_digest(path) == plotly_basic.FILE_SHA512
    licence = plotly_basic.LICENCE.read_text()
    assert licence.startswith("MIT License")


#: Every view with a live chart, as a link opens it.
LIVE_VIEWS = [
    ("equations", {}),
    ("vectors", {"view": "plane"}),
    ("matrices", {"view": "transform"}),
    ("gradient_descent", {}),
    ("gradient_descent", {"view": "race"}),
    ("normal_distribution", {"view": "interval"}),
    ("bayes", {"view": "icons"}),
    ("correlation", {"view": "target"}),
    ("correlation", {"view": "outlier"}),
    ("loss_functions", {"view": "fit"}),
]


@pytest.mark.parametrize(("page", "query"), LIVE_VIEWS)
def test_every_live_chart_draws_only_what_the_basic_bundle_has(
    page: str, query: dict[str, str]
) -> None:
    """plotly.js's basic bundle has scatter, bar and pie: any other trace type
    would draw nothing in the browser."""
    at = page_test(f"pages/{page}.py", query, timeout=120).run()
    assert not at.exception
    (chart,) = [c for c in at.get("bidi_component") if b'"controls"' in c.proto.bytes]
    sent = live_payload(chart)
    types = {t.get("type", "scatter") for t in sent["figure"]["data"]}
    assert types <= {"scatter", "bar", "pie"}, types
    for control in sent["controls"]:
        for frame in control.get("frames", []):
            assert all("type" not in update for update in frame["d"])


def test_a_release_moves_the_url_the_formula_and_the_sentence() -> None:
    at = page_test(EQUATIONS).run()
    release(at, {"b": -6.5})
    assert not at.exception
    assert at.number_input(key="b").value == -6.5
    assert at.slider(key="b__slider").value == -6.5
    assert at.query_params["b"] == "-6.5"
    assert "x = 3.25" in texts(at)
    assert list(trace(figures(at)[0], "root")["x"]) == [3.25]
    assert live_payload(live(at))["values"] == {"a": 2.0, "b": -6.5}


def test_frames_the_browser_holds_travel_once() -> None:
    at = page_test(VECTORS, {"view": "plane"}).run()
    first = live_payload(live(at))
    ids = [c["fid"] for c in first["controls"]]
    full = len(live(at).proto.bytes)
    # Dragging a's tip: b's frames change (they are drawn with the new a), a's not.
    release(at, {"ax": 3, "ay": -2}, n=2, have=ids, control="ax ay")
    sent = live_payload(live(at))
    a_tip, b_tip = sent["controls"]
    assert a_tip["ref"] == ids[0]
    assert "frames" not in a_tip
    assert b_tip["lazy"]  # b's frames come when the browser asks for them
    assert "frames" not in b_tip
    assert sent["starts"][0] != first["starts"][0]  # the handle moved
    assert len(live(at).proto.bytes) < 0.1 * full
    # A browser that lost its frames says so (have: []) and gets a's again.
    release(at, {"ax": 3, "ay": -2}, n=3, have=[])
    a_tip, b_tip = live_payload(live(at))["controls"]
    assert "frames" in a_tip
    assert "frames" not in b_tip


def test_a_release_with_unchanged_frames_is_a_few_kilobytes() -> None:
    at = page_test(EQUATIONS).run()
    ids = [c["fid"] for c in live_payload(live(at))["controls"]]
    release(at, {"a": 2.0, "b": -4.0}, n=2, have=ids)
    assert [c.get("ref") for c in live_payload(live(at))["controls"]] == ids
    assert len(live(at).proto.bytes) < 5 * 1024  # the figure and the values only
    # b moved: a's frames (drawn at the new b) are not drawn until asked for,
    # b's own frames do not change.
    release(at, {"b": -6.5}, n=3, have=ids, control="b")
    b_frames, a_frames = live_payload(live(at))["controls"]
    assert b_frames.get("ref") == ids[0]
    assert a_frames["lazy"]
    assert "frames" not in a_frames


def test_a_bad_release_is_ignored_like_a_bad_link() -> None:
    at = page_test(EQUATIONS).run()
    release(at, {"b": 1e9, "a": "two", "zz": 3})
    assert not at.exception
    assert at.number_input(key="a").value == 2.0
    assert at.number_input(key="b").value == -4.0
    assert dict(at.query_params) == {}


def test_a_hidden_parameter_has_no_handle() -> None:
    at = page_test(EQUATIONS, {"hide": "a"}).run()
    assert [c["params"] for c in live_payload(live(at))["controls"]] == [["b"]]


def test_the_vector_tips_are_live_and_within_budget() -> None:
    at = page_test(VECTORS, {"view": "plane"}).run()
    sent = live_payload(live(at))
    assert [c["params"] for c in sent["controls"]] == [["ax", "ay"], ["bx", "by"]]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    release(at, {"ax": 3, "ay": -2})
    assert at.query_params["ax"] == "3"
    assert at.query_params["ay"] == "-2"
    assert {m.label: m.value for m in at.metric}["a·b"] == "10"  # 3·4 − 2·1


def test_frames_carry_the_handles_and_the_readout() -> None:
    params = {p.name: p for p in one.PARAMS}
    drags = tuple(c for c in one.CONTROLS if isinstance(c, Drag))
    frames = control_frames(one.draw, drags[0], params, {"a": 2.0}, drags)
    assert frames["grids"] == [grid(params["b"], 41)]
    first = frames["frames"][0]  # b = −10
    assert first["v"] == [-10.0]
    assert first["h"] == [[0, -10], [1, -8]]
    assert first["t"] == "a = 2 · b = −10 · root x = 5"
    index = start_index(frames, {"a": 2.0, "b": -4.0})
    assert frames["frames"][index]["v"] == [-4.0]
    # only what moves is sent: the line, triangle, intercept, handle and root
    assert len(frames["traces"]) < 9


def test_grid_needs_bounds_and_a_sane_size() -> None:
    with pytest.raises(ValueError, match="needs bounds"):
        grid(Param.text("t", "t", "x"), 5)
    with pytest.raises(ValueError, match="2 … 2000 steps"):
        grid(Param.number("a", "a", 0, min_value=0, max_value=1), 1)


def test_compact_rounds_and_drops_what_json_cannot_hold() -> None:
    assert compact([1.23456, float("nan"), 2.0]) == [1.23, None, 2]
    assert compact({"x": (1.0, 0.5)}, None) == {"x": [1, 0.5]}
