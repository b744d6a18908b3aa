"""Live charts on the normal distribution, Bayes, correlation and matrices pages.

AppTest sees each live chart as ``bidi_component``: these tests read what it
sends the browser (controls, handles, bytes) and set its state as the browser
does on release, then check that the URL, the widgets, the sentence and the
metrics follow. Real drags are browser tests (tests/e2e/test_live_more.py).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.helpers import figures, live_charts, live_payload, page_test, texts, trace
from ui.live_frames import (
    Drag,
    Range,
    as_dict,
    as_figure,
    compact,
    control_frames,
    figure_data,
)
from ui.params import Param

BUDGET_BYTES = 300 * 1024


def live(at: AppTest) -> Any:
    (element,) = live_charts(at)
    return element


def release(at: AppTest, values: dict[str, Any], n: int = 1) -> AppTest:
    """What the browser sends when a drag ends: one state value, then a rerun."""
    states = at._tree.get_widget_states()
    state = WidgetState(id=live(at).proto.id)
    state.json_value = json.dumps({"release": {"values": values, "n": n}})
    states.widgets.append(state)
    return at._run(states)


def sent(at: AppTest) -> dict[str, Any]:
    return live_payload(live(at))


def controls(at: AppTest) -> list[list[str]]:
    return [c["params"] for c in sent(at)["controls"]]


# -- the helper's cheap path (ui/live_frames.py) --------------------------------------


def test_a_draw_may_return_plain_figure_data() -> None:
    def draw(values: Any) -> tuple[dict[str, Any], str]:
        x = values["x"]
        data = [{"type": "scatter", "uid": "dot", "x": [x], "y": [np.float64(1 / 3)]}]
        return {"data": data, "layout": {"title": {"text": "t"}}}, f"x = {x}"

    params = {"x": Param.number("x", "x", 0.0, min_value=0.0, max_value=1.0)}
    control = Drag(("x",), trace="dot", label="x", steps=3, decimals=3)
    frames = control_frames(draw, control, params, {}, (control,))
    assert [f["v"] for f in frames["frames"]] == [[0.0], [0.5], [1.0]]
    assert frames["frames"][1]["h"] == [[0.5, 0.333]]  # 3 decimals kept
    assert frames["frames"][1]["t"] == "x = 0.5"
    whole = draw({"x": 0.5})[0]
    assert figure_data(whole)["data"][0]["y"] == [1 / 3]  # the figure keeps all
    assert isinstance(as_figure(whole), go.Figure)
    assert list(as_dict(as_figure(whole))["data"][0]["x"]) == [0.5]


def test_a_range_keeps_two_decimals_unless_told() -> None:
    assert Range("mu").decimals == 2
    assert Range("mu", decimals=3).decimals == 3


def test_compact_of_a_float_array_is_the_same_as_of_its_list() -> None:
    values = np.random.default_rng(0).normal(size=5000) * 7
    values[::97] = np.nan
    values[3::50] = np.round(values[3::50])
    assert compact(values) == compact(values.tolist())
    assert compact(values, 3) == compact(values.tolist(), 3)
    assert compact(values, None) == compact(values.tolist(), None)


# -- normal distribution: scrub μ and σ, drag a and b ---------------------------------

NORMAL = "pages/normal_distribution.py"


def test_the_interval_is_live_with_two_ends_and_two_ranges() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    assert not at.exception
    assert controls(at) == [["a"], ["b"], ["mu"], ["sigma"]]
    assert sent(at)["handles"] == [[-1, 0], [1, 0]]  # (a, 0) and (b, 0)
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    first = sent(at)["controls"][0]["frames"][0]  # a = −9
    assert first["t"].startswith("μ = 0 · σ = 1 · P(−9 < X < 1) = 0.8413")


def test_a_release_of_an_end_moves_the_url_the_formula_and_the_sentence() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    release(at, {"a": -0.5})
    assert not at.exception
    assert at.query_params["a"] == "-0.5"
    assert at.number_input(key="a").value == -0.5
    assert "between a = −0.5 and b = 1" in texts(at)
    assert trace(figures(at)[0], "P(−0.5 < X < 1) = 0.5328")


def test_a_release_of_mu_redraws_the_bell_where_the_frame_showed_it() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    frames = sent(at)["controls"][2]["frames"]
    wanted = next(f for f in frames if f["v"] == [1.0])
    release(at, {"mu": 1.0})
    assert at.query_params["mu"] == "1"
    curve = trace(figures(at)[0], "exact density")
    assert curve["x"][int(np.argmax(curve["y"]))] == pytest.approx(1.0, abs=0.05)
    assert wanted["t"].startswith("μ = 1 · σ = 1 · P(−1 < X < 1) = 0.4772")
    assert "0.4772" in texts(at)


def test_a_frame_with_a_right_of_b_says_so_and_the_release_shows_the_error() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    frames = sent(at)["controls"][0]["frames"]
    assert frames[-1]["t"] == "μ = 0 · σ = 1 · a = 9 is not left of b = 1: no interval"
    release(at, {"a": 2.0})
    assert not at.exception
    assert any("a < b" in e.value for e in at.error)


def test_a_big_sample_keeps_the_ends_live_only() -> None:
    at = page_test(NORMAL, {"view": "interval", "n": "100000"}).run()
    assert controls(at) == [["a"], ["b"]]
    assert "μ and σ move with the sliders on the left only" in texts(at)


# -- Bayes: scrub the prior -------------------------------------------------------------

BAYES = "pages/bayes.py"


def test_the_icon_array_is_live_and_recolours_with_the_prior() -> None:
    at = page_test(BAYES, {"view": "icons"}).run()
    assert not at.exception
    assert controls(at) == [["p_a"]]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    frames = sent(at)["controls"][0]["frames"]
    assert len(frames) == 101
    at_02 = next(f for f in frames if f["v"] == [0.2])
    assert at_02["t"] == "P(A) = 20 % · P(A|B) ≈ 160 of 500 = 32 %"
    impossible = next(f for f in frames if f["v"] == [0.7])  # P(B) 0.5 < 0.56
    assert impossible["t"].startswith("P(A) = 70 % · impossible: P(B) must be at least")


def test_a_release_of_the_prior_moves_the_posterior() -> None:
    at = page_test(BAYES, {"view": "icons"}).run()
    release(at, {"p_a": 0.2})
    assert not at.exception
    assert at.query_params["p_a"] == "0.2"
    icons = figures(at)[0]
    assert "P(A|B) ≈ 160 of 500 = 32 %" in icons["layout"]["title"]["text"]
    posterior = next(t for t in icons["data"] if t.get("uid") == "bar-posterior")
    assert max(posterior["y"]) == pytest.approx(0.32)
    assert list(trace(figures(at)[1], "belief")["y"])[1] == pytest.approx(0.32)


def test_an_impossible_prior_released_shows_the_error_not_a_traceback() -> None:
    at = page_test(BAYES, {"view": "icons"}).run()
    release(at, {"p_a": 0.7})
    assert not at.exception
    assert any("P(B) must be at least" in e.value for e in at.error)


# -- correlation: scrub ρ, drag the outlier ------------------------------------------------

CORRELATION = "pages/correlation.py"


def test_rho_is_live_and_the_same_draws_glide() -> None:
    at = page_test(CORRELATION, {"view": "target"}).run()
    assert controls(at) == [["rho"]]
    control = sent(at)["controls"][0]
    assert len(control["frames"]) == 41
    points = next(
        i for i, t in enumerate(sent(at)["figure"]["data"]) if t.get("uid") == "points"
    )
    assert points in control["traces"]
    moved = control["frames"][0]["d"][control["traces"].index(points)]
    assert set(moved) == {"y"}  # x stays: the same draws, only y = ρ·x + … moves
    release(at, {"rho": -0.5})
    assert at.query_params["rho"] == "-0.5"
    assert {m.label: m.value for m in at.metric}["target ρ"] == "−0.50"


def test_a_thousand_points_stay_within_budget() -> None:
    at = page_test(CORRELATION, {"view": "target", "n": "1000", "quadrants": "1"}).run()
    assert len(sent(at)["controls"][0]["frames"]) == 21
    assert len(live(at).proto.bytes) <= BUDGET_BYTES


def test_the_outlier_is_a_handle_and_r_follows_its_release() -> None:
    at = page_test(CORRELATION, {"view": "outlier"}).run()
    assert controls(at) == [["ox", "oy"]]
    assert sent(at)["handles"] == [[5, -5]]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    frame = next(f for f in sent(at)["controls"][0]["frames"] if f["v"] == [5.0, 3.5])
    assert frame["t"] == "outlier (5, 3.5) · r = 0.892 (0.768 without)"
    release(at, {"ox": 5.0, "oy": 3.5})
    assert {m.label: m.value for m in at.metric}["r with the outlier"] == "0.892"
    outlier = trace(figures(at)[0], "outlier")
    assert (list(outlier["x"]), list(outlier["y"])) == ([5], [3.5])


# -- matrices: drag the columns -------------------------------------------------------------

MATRICES = "pages/matrices.py"


def test_the_columns_are_handles_and_the_area_follows() -> None:
    at = page_test(MATRICES, {"view": "transform"}).run()
    assert controls(at) == [["m11", "m21"], ["m12", "m22"]]
    assert sent(at)["handles"] == [[2, 0.5], [1, 1.5]]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    frames = sent(at)["controls"][0]["frames"]
    flipped = next(f for f in frames if f["v"] == [-1.0, 0.0])
    assert flipped["t"] == "î → (−1, 0) · ĵ → (1, 1.5) · det = −1.5"
    release(at, {"m11": -1.0, "m21": 0.0})
    assert at.query_params["m11"] == "-1"
    assert at.query_params["m21"] == "0"
    assert "the plane is flipped over" in texts(at)
    assert "|det A| = 1.5" in texts(at)


def test_composing_keeps_the_played_chart() -> None:
    at = page_test(MATRICES, {"view": "transform", "compose": "1"}).run()
    assert not live_charts(at)
    assert len(figures(at)[0]["frames"]) > 2


# -- predict first: the readout would give the answer away ---------------------------------


@pytest.mark.parametrize(
    ("script", "view"),
    [(NORMAL, "interval"), (BAYES, "icons"), (MATRICES, "transform")],
)
def test_while_predicting_a_chart_that_answers_is_hidden(
    script: str, view: str
) -> None:
    at = page_test(script, {"view": view, "predict": "1"}).run()
    assert not at.exception
    assert not live_charts(at)


def test_while_predicting_r_the_cloud_moves_without_numbers() -> None:
    at = page_test(CORRELATION, {"view": "target", "predict": "1"}).run()
    assert not at.exception
    frames = sent(at)["controls"][0]["frames"]
    assert {f["t"] for f in frames} == {""}


def test_the_payload_is_json() -> None:
    at = page_test(MATRICES, {"view": "transform"}).run()
    assert json.loads(live(at).proto.bytes)["values"]["m11"] == 2.0
