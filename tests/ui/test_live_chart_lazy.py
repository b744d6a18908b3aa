"""Lazy frames (ui/live_chart.py): a live control's frames travel when a learner reaches for it.

A rerun sends a control's frames only when they are drawn already (in this
process, for these values), when the browser asked for them (``want``: the
pointer entered the handle or the range, or it got the focus) or released it.
Any other control is sent *lazy*: its grid, labels and start, no frames. The
first payload of a chart in a session sends every control's frames.

AppTest sets the component's state as the browser does. The browser's side (the
ask, a drag before the frames came) is tested in a real Chromium:
tests/e2e/test_live_lazy.py.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.helpers import captured_frames, live_charts, live_payload, page_test, texts
from ui import live_chart, live_lazy, shared_cache
from ui.live_frames import control_frames, grid, start_index
from views.equations import one

EQUATIONS = "pages/equations.py"
VECTORS = "pages/vectors.py"
NORMAL = "pages/normal_distribution.py"


@pytest.fixture(autouse=True)
def nothing_drawn_yet() -> None:
    """Each test starts from a process that has drawn no frames."""
    shared_cache.clear_all()
    live_lazy.DRAWN.clear()


def live(at: AppTest) -> Any:
    (element,) = live_charts(at)
    return element


def sent(at: AppTest) -> dict[str, Any]:
    return live_payload(live(at))


def by_params(at: AppTest) -> dict[str, dict[str, Any]]:
    return {" ".join(c["params"]): c for c in sent(at)["controls"]}


def tell(at: AppTest, **state: Any) -> AppTest:
    """The component's state as the browser sets it (``release``, ``want``), then a rerun."""
    states = at._tree.get_widget_states()
    widget = WidgetState(id=live(at).proto.id)
    widget.json_value = json.dumps(state)
    states.widgets.append(widget)
    return at._run(states)


@contextlib.contextmanager
def drawn() -> Iterator[list[str]]:
    """The controls whose frames were drawn (``control_frames`` called) in the block,
    known once it ends."""
    keys: list[str] = []
    with captured_frames() as calls:
        yield keys
    keys.extend(live_lazy.control_key(args[1]) for args in calls)


def test_the_first_payload_sends_every_control_and_the_next_session_draws_none() -> (
    None
):
    with drawn() as calls:
        first = page_test(VECTORS, {"view": "plane"}).run()
    assert sorted(calls) == ["ax ay", "bx by"]
    assert all("frames" in c for c in sent(first)["controls"])
    with drawn() as calls:  # a second learner opens the same link: shared frames
        second = page_test(VECTORS, {"view": "plane"}).run()
    assert calls == []
    assert sent(second)["controls"] == sent(first)["controls"]


def test_a_release_sends_the_other_control_lazy_with_its_grid_and_start() -> None:
    at = page_test(EQUATIONS).run()
    with drawn() as calls:
        tell(at, release={"values": {"b": -6.5}, "n": 1, "control": "b"})
    assert not at.exception
    assert calls == []  # b's frames do not depend on b; a's are not drawn yet
    controls = by_params(at)
    assert controls["b"]["ref"]  # b's frames went with the first payload: by id now
    a = controls["a"]
    assert a["lazy"] is True
    assert not {"frames", "ref", "traces"} & set(a)
    params = {p.name: p for p in one.PARAMS}
    (slope,) = [c for c in one.CONTROLS if c.params == ("a",)]
    drawn_a = control_frames(one.draw, slope, params, {"b": -6.5}, one.CONTROLS)
    assert a["grids"] == drawn_a["grids"] == [grid(params["a"], slope.steps)]
    assert a["labels"] == drawn_a["labels"]
    assert (a["label"], a["colour"]) == (slope.label, slope.colour)
    starts = dict(zip(controls, sent(at)["starts"], strict=True))
    assert starts["a"] == start_index(drawn_a, {"a": 2.0, "b": -6.5})
    assert "x = 3.25" in texts(at)  # the page follows the release as before


def test_a_want_sends_that_controls_frames_until_another_is_released() -> None:
    at = page_test(EQUATIONS).run()
    tell(at, release={"values": {"b": -6.5}, "n": 1, "control": "b"})
    assert by_params(at)["a"]["lazy"]
    with drawn() as calls:
        tell(at, want={"control": "a", "n": 2, "have": []})
    assert calls == ["a"]
    a = by_params(at)["a"]
    params = {p.name: p for p in one.PARAMS}
    (slope,) = [c for c in one.CONTROLS if c.params == ("a",)]
    expected = control_frames(one.draw, slope, params, {"b": -6.5}, one.CONTROLS)
    assert a["frames"] == expected["frames"]
    assert "lazy" not in a
    assert at.query_params["b"] == "-6.5"  # asking changes no value
    # b moves again: a is not drawn at the new b until the learner reaches for
    # it again (a release wants its own control only); b's go by id.
    with drawn() as calls:
        tell(at, release={"values": {"b": 3.0}, "n": 3, "control": "b"})
    assert calls == []
    b, a = sent(at)["controls"]
    assert a["lazy"] is True
    assert "ref" in b
    with drawn() as calls:
        tell(at, want={"control": "a", "n": 4})
    assert calls == ["a"]
    expected = control_frames(one.draw, slope, params, {"b": 3.0}, one.CONTROLS)
    assert by_params(at)["a"]["frames"] == expected["frames"]


def test_frames_drawn_before_are_sent_without_being_asked_for() -> None:
    at = page_test(EQUATIONS).run()  # a's frames at b = −4 are drawn (first payload)
    first = by_params(at)["a"]
    tell(at, release={"values": {"b": -6.5}, "n": 1, "control": "b", "have": []})
    assert by_params(at)["a"]["lazy"]
    with drawn() as calls:
        tell(at, release={"values": {"b": -4.0}, "n": 2, "control": "b", "have": []})
    assert calls == []
    assert by_params(at)["a"]["frames"] == first["frames"]


def test_a_slider_learner_gets_no_frames_drawn() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    assert all("frames" in c for c in sent(at)["controls"])
    whole = len(live(at).proto.bytes)
    sent_first = by_params(at)
    with drawn() as calls:
        for value in (0.5, 1.0, 1.5):
            at.slider(key="mu__slider").set_value(value).run()
            assert not at.exception
    assert calls == []
    controls = by_params(at)
    # mu's own frames do not depend on mu: sent once, then by id
    assert controls["mu"]["ref"] == sent_first["mu"]["fid"]
    assert all(controls[k]["lazy"] for k in ("a", "b", "sigma"))
    assert len(live(at).proto.bytes) < min(0.1 * whole, 10 * 1024)


def test_the_interval_release_draws_one_control_not_three() -> None:
    at = page_test(NORMAL, {"view": "interval"}).run()
    whole = len(live(at).proto.bytes)
    ids = [c["fid"] for c in sent(at)["controls"]]
    with drawn() as calls:
        tell(at, release={"values": {"a": -0.5}, "n": 1, "control": "a", "have": ids})
    assert calls == []
    controls = by_params(at)
    assert controls["a"]["ref"] == ids[0]
    assert [k for k, c in controls.items() if c.get("lazy")] == ["b", "mu", "sigma"]
    assert len(live(at).proto.bytes) < min(0.1 * whole, 10 * 1024)


def test_asking_for_nonsense_is_ignored() -> None:
    at = page_test(EQUATIONS).run()
    for junk in (
        "a",
        {"control": 7},
        {"control": "x" * 500},
        {"control": ""},
        {"control": "no such control", "have": "not a list"},
        None,
    ):
        tell(at, want=junk)
        assert not at.exception
    assert at.number_input(key="a").value == 2.0
    assert dict(at.query_params) == {}


def test_the_wanted_controls_are_bounded() -> None:
    at = page_test(EQUATIONS).run()
    most = live_lazy.MAX_WANTED
    for n in range(3 * most):
        tell(at, want={"control": f"c{n}", "n": n})
    wanted = at.session_state[live_lazy._WANTED + "linear"]
    assert len(wanted) == most
    assert wanted[-1] == f"c{3 * most - 1}"


def test_the_record_of_drawn_frames_is_bounded() -> None:
    record = live_lazy.Drawn(5)
    for n in range(8):
        record.note(("k", n))
    record.note(("k", 4))  # noted again: the newest
    record.note(("k", 8))
    assert len(record) == 5
    assert [("k", n) in record for n in range(9)] == [False] * 4 + [True] * 5
    assert live_lazy.MAX_DRAWN == 96  # the size of the frames' cache


def test_a_browser_that_lost_frames_sent_by_id_gets_them_again() -> None:
    at = page_test(EQUATIONS).run()
    first = by_params(at)
    at.slider(key="b__slider").set_value(-2.5).run()  # b's frames: sent before
    assert by_params(at)["b"]["ref"] == first["b"]["fid"]
    # the browser no longer holds them: it says so, with the values it shows
    tell(at, release={"values": sent(at)["values"], "n": 1, "have": []})
    assert by_params(at)["b"]["frames"] == first["b"]["frames"]
    assert at.query_params["b"] == "-2.5"


LOSS = "pages/loss_functions.py"


def backdrop(at: AppTest) -> tuple[str, dict[str, str]]:
    """The live chart's layout image source as sent, and the sources sent beside it."""
    payload = sent(at)
    (image,) = payload["figure"]["layout"]["images"]
    return image["source"], payload["sources"]


def test_a_backdrop_picture_travels_once_then_by_id() -> None:
    at = page_test(LOSS, {"view": "fit"}).run()
    source, sources = backdrop(at)
    assert source.startswith("ref:")
    (picture,) = sources.values()
    assert source == f"ref:{next(iter(sources))}"
    assert picture.startswith("data:image/png;base64,")
    assert len(picture) >= live_chart.MIN_REF_SOURCE
    # what the page drew: the bowl's picture, as the figure the notebook keeps has it
    kept = at.session_state["_take_home_"].figures
    assert kept[0][1].to_dict()["layout"]["images"][0]["source"] == picture
    first = len(live(at).proto.bytes)
    at.slider(key="w__slider").set_value(1.5).run()  # the line moves, the bowl stays
    again, more = backdrop(at)
    assert (again, more) == (source, {})
    assert len(live(at).proto.bytes) < first - len(picture)
    # a browser that lost it says so (have: []) and gets the picture again
    tell(at, release={"values": sent(at)["values"], "n": 1, "have": []})
    assert backdrop(at) == (source, sources)


def test_a_small_layout_image_goes_inline() -> None:
    figure = {
        "data": [],
        "layout": {"images": [{"source": "data:image/png;base64,AA"}]},
    }
    carried: list[str] = []
    assert live_chart._images_by_ref(figure, frozenset(), carried) == (figure, {})
    assert carried == []
