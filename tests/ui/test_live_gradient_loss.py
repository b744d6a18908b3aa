"""The live charts of the gradient-descent and loss-functions pages, as Python sees them.

AppTest sees each live chart as a ``bidi_component``: these tests read what it
sends the browser (controls, frames, bytes) and set its state as the browser does
on release. The drags themselves are browser tests
(tests/e2e/test_live_gradient_loss.py).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.helpers import figures, live_payload, page_test, texts, trace
from views.gradient_descent import race as race_view

GD = "pages/gradient_descent.py"
LOSS = "pages/loss_functions.py"
BUDGET_BYTES = 300 * 1024


def live(at: AppTest) -> Any:
    """The page's live chart (the one component that sends frames)."""
    (element,) = [
        e
        for e in at.get("bidi_component")
        if e.proto.bytes and b'"controls"' in e.proto.bytes
    ]
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


def readouts(at: AppTest, param: str) -> list[str]:
    (control,) = [c for c in sent(at)["controls"] if c["params"] == [param]]
    return [frame["t"] for frame in control["frames"]]


# -- gradient descent, 1-D ---------------------------------------------------------------


def test_the_descent_chart_is_live_with_w0_and_lr() -> None:
    at = page_test(GD, {"steps": "20"}).run()
    assert not at.exception
    data = sent(at)
    assert [c["params"] for c in data["controls"]] == [["w0"], ["lr"]]
    assert [c["kind"] for c in data["controls"]] == ["drag", "range"]
    assert data["handles"] == [[5, 25]]  # the start (w₀, f(w₀)) on w²
    w0, lr = data["controls"]
    assert (w0["grids"][0][0], w0["grids"][0][-1]) == (-6, 6)  # the chart's w axis
    assert lr["grids"][0][:3] == [0.05, 0.1, 0.15]  # round rates up to 2.4/f″ = 1.2
    assert lr["grids"][0][-1] == 1.2
    # the regime of every learning rate on w², as the chart says it while scrubbing
    said = dict(zip(lr["grids"][0], readouts(at, "lr"), strict=True))
    assert "converges smoothly" in said[0.45]
    assert "one step to the minimum" in said[0.5]
    assert "converges, oscillating" in said[0.8]
    assert "bounces for ever" in said[1.0]
    assert "diverges" in said[1.1]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES


@pytest.mark.parametrize(
    "query",
    [
        {"steps": "500"},
        {"steps": "500", "fn": "two_minima", "w0": "-2"},
        {"steps": "500", "fn": "custom", "f": "sin(3*w) + 0.1*w**2", "lr": "0.05"},
    ],
)
def test_frames_stay_within_budget(query: dict[str, str]) -> None:
    at = page_test(GD, query).run()
    assert not at.exception
    assert len(live(at).proto.bytes) <= BUDGET_BYTES


def test_a_release_moves_the_url_the_formula_and_the_sentence() -> None:
    at = page_test(GD, {"steps": "20"}).run()
    release(at, {"lr": 0.8})
    assert not at.exception
    assert at.number_input(key="lr").value == 0.8
    assert at.query_params["lr"] == "0.8"
    assert "oscillating convergence" in texts(at)
    assert sent(at)["values"]["lr"] == 0.8
    release(at, {"w0": -2.5}, n=2)
    assert at.number_input(key="w0").value == -2.5
    assert at.query_params["w0"] == "-2.5"
    path = trace(figures(at)[0], "gradient-descent path")
    assert path["x"][0] == -2.5
    assert any(r"w_1 = -2.5 - 0.8" in f.value for f in at.latex)


def test_a_bad_release_is_ignored_like_a_bad_link() -> None:
    at = page_test(GD).run()
    release(at, {"lr": 99.0, "w0": "far"})
    assert not at.exception
    assert at.number_input(key="lr").value == 0.1
    assert at.number_input(key="w0").value == 5.0
    assert dict(at.query_params) == {}


def test_frames_are_drawn_for_the_chosen_function() -> None:
    square = page_test(GD, {"steps": "10"}).run()
    typed = page_test(
        GD, {"steps": "10", "fn": "custom", "f": "sin(3*w) + 0.1*w**2"}
    ).run()
    assert not typed.exception
    curve = figures(typed)[0]["data"][0]
    assert "sin(3·w) + 0.1·w²" in curve["name"]
    assert readouts(square, "w0") != readouts(typed, "w0")
    # the learning rates worth trying follow the curve: f″ = 9 near its minimum
    (lr,) = [c for c in sent(typed)["controls"] if c["params"] == ["lr"]]
    assert lr["grids"][0][-1] < 1.0


def test_a_hidden_learning_rate_has_no_range() -> None:
    at = page_test(GD, {"hide": "lr"}).run()
    assert [c["params"] for c in sent(at)["controls"]] == [["w0"]]


# -- gradient descent, 2-D ---------------------------------------------------------------


def test_the_race_start_is_a_live_handle() -> None:
    at = page_test(GD, {"view": "race"}).run()
    assert not at.exception
    (control,) = sent(at)["controls"]
    assert control["params"] == ["x0", "y0"]
    assert control["grids"] == [  # the chart shows x -4 … 4 and y -2 … 2
        [-3, -2, -1, 0, 1, 2, 3],
        [-1.5, -1, -0.5, 0, 0.5, 1, 1.5],
    ]
    assert sent(at)["handles"] == [[-3.5, 1.5]]
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    release(at, {"x0": 2.0, "y0": -1.0})
    assert not at.exception
    assert at.number_input(key="x0").value == 2.0
    assert at.number_input(key="y0").value == -1.0
    assert at.query_params["x0"] == "2"
    at.session_state[race_view.PLAY_KEY] = True  # the race played step by step
    at.run()
    shown = figures(at)
    for figure in (shown[0], shown[-1]):  # the live chart and the Play chart
        path = trace(figure, "Gradient descent")
        assert (path["x"][0], path["y"][0]) == (2.0, -1.0)


def test_a_start_dropped_at_the_grids_edge_keeps_the_charts_ranges() -> None:
    """The grid keeps a margin: a release never widens the axes under the pointer
    (which sent a new contour and a new grid of frames)."""
    at = page_test(GD, {"view": "race"}).run()
    before = sent(at)
    xs, ys = before["controls"][0]["grids"]
    for corner in ({"x0": xs[-1], "y0": ys[0]}, {"x0": xs[0], "y0": ys[-1]}):
        release(at, corner)
        assert not at.exception
        after = sent(at)
        assert after["values"] == corner
        for axis in ("xaxis", "yaxis"):
            shown = after["figure"]["layout"][axis]["range"]
            assert shown == before["figure"]["layout"][axis]["range"]
        assert after["controls"][0]["grids"] == before["controls"][0]["grids"]


# -- loss functions: fit by hand --------------------------------------------------------


def test_the_fitted_line_has_two_handles() -> None:
    at = page_test(LOSS, {"view": "fit"}).run()
    assert not at.exception
    data = sent(at)
    assert [c["params"] for c in data["controls"]] == [["b"], ["w"]]
    assert data["handles"][0] == [0, 0]  # (0, b)
    assert len(live(at).proto.bytes) <= BUDGET_BYTES
    figure = figures(at)[0]
    assert trace(figure, "you (")["x"] == [1]
    assert trace(figure, "squared errors")


@pytest.mark.parametrize("n", ["2", "40", "100"])
def test_fit_frames_stay_within_budget(n: str) -> None:
    at = page_test(LOSS, {"view": "fit", "n": n, "steps": "500"}).run()
    assert not at.exception
    assert len(live(at).proto.bytes) <= BUDGET_BYTES


def test_a_released_line_moves_the_numbers() -> None:
    at = page_test(LOSS, {"view": "fit"}).run()
    before = at.metric[0].value
    release(at, {"b": 1.4})
    assert not at.exception
    assert at.number_input(key="b").value == 1.4
    assert at.query_params["b"] == "1.4"
    assert at.metric[0].value != before
    assert trace(figures(at)[0], "you (")["y"] == [1.4]
    release(at, {"w": 0.6}, n=2)
    assert at.number_input(key="w").value == 0.6
    assert "Your line y = 0.6·x + 1.4" in texts(at)
