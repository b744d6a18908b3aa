"""Frames drawn in one batch (``many``) are the frames drawn one by one (``draw``).

The gradient-descent and loss-function live charts run the optimiser for all of
a control's frames at once (``ui.live_context.keyed(..., many=...)``). Every
frame the browser gets must be what drawing each grid point alone sends: the
same traces, numbers and readouts, in the same order. The pages are opened with
the arguments a learner can give them, and every ``control_frames`` call they
make is drawn again both ways.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest

from tests.helpers import captured_frames, page_test
from ui import live_chart, live_context, live_frames, shared_cache

GD = "pages/gradient_descent.py"
LOSS = "pages/loss_functions.py"

CASES = [
    (GD, {"steps": "20"}),
    (GD, {"steps": "100", "lr": "1.1"}),  # diverging frames among the others
    (GD, {"steps": "500", "fn": "two_minima", "w0": "-2"}),
    (GD, {"steps": "60", "fn": "custom", "f": "sin(3*w) + 0.1*w**2", "lr": "0.05"}),
    (GD, {"view": "race"}),
    (GD, {"view": "race", "surface": "rosenbrock", "steps2d": "200", "p3": "rmsprop"}),
    (GD, {"view": "race", "surface": "two_minima", "p1lr": "1.5", "p2": "off"}),
    (GD, {"view": "race", "surface": "custom", "fxy": "x**4 + y**2 - x*y"}),
    (LOSS, {"view": "fit"}),
    (LOSS, {"view": "fit", "n": "100", "steps": "500"}),
    (LOSS, {"view": "fit", "method": "adam", "lr": "0.5", "steps": "200"}),
    (LOSS, {"view": "fit", "method": "momentum", "lr": "0.2"}),
    (LOSS, {"view": "fit", "lr": "1", "steps": "300"}),  # plain descent diverges
]


def one_by_one(draw: Any) -> Any:
    """``draw`` without its ``many``: every frame drawn alone."""
    return lambda values: draw(values)


@pytest.mark.parametrize(("script", "query"), CASES)
def test_batched_frames_are_the_frames_drawn_one_by_one(
    script: str, query: dict[str, str]
) -> None:
    shared_cache.clear_all()  # every chart's frames drawn afresh, spied on
    with captured_frames() as calls:
        at = page_test(script, query, timeout=120).run()
    assert not at.exception
    assert calls, "the page drew no live frames"
    for draw, control, params, fixed, drags in calls:
        assert callable(getattr(draw, "many", None)), "frames drawn without a batch"
        batched = live_frames.control_frames(draw, control, params, fixed, drags)
        alone = live_frames.control_frames(
            one_by_one(draw), control, params, fixed, drags
        )
        assert batched == alone


def test_keyed_carries_many_with_the_same_arguments() -> None:
    def draw(scale: float, values: Mapping[str, float]) -> tuple[Any, str]:
        return {"data": [{"x": [values["a"] * scale]}]}, f"a = {values['a']}"

    def many(scale: float, every: list[Mapping[str, float]]) -> list[tuple[Any, str]]:
        return [draw(scale, values) for values in every]

    plain = live_context.keyed(draw, ("k",), 2.0)
    batched = live_context.keyed(draw, ("k",), 2.0, many=many)
    assert not hasattr(plain, "many")
    assert batched.many([{"a": 1.0}, {"a": 3.0}]) == [  # type: ignore[attr-defined]
        ({"data": [{"x": [2.0]}]}, "a = 1.0"),
        ({"data": [{"x": [6.0]}]}, "a = 3.0"),
    ]
    assert batched.__qualname__ == plain.__qualname__  # one cache name, one chart


def test_a_many_that_drops_frames_is_an_error_not_a_blank_chart() -> None:
    def draw(values: Mapping[str, float]) -> tuple[Any, str]:
        return {"data": [{"uid": "p", "x": [values["a"]], "y": [0]}]}, ""

    broken = live_context.keyed(lambda v: draw(v), ("b",), many=lambda every: [])
    param = live_chart.Param.number("a", "a", 0.0, min_value=0.0, max_value=1.0)
    with pytest.raises(RuntimeError, match="drew 0 frames, not 3"):
        live_frames.control_frames(
            broken, live_frames.Range("a", steps=3), {"a": param}, {}, ()
        )


def test_a_trace_shared_by_every_frame_is_sent_as_a_fresh_one_would_be() -> None:
    curve = [0.123, 4.5678, -9.87654]  # one object in every frame (rounded once)
    param = live_chart.Param.number("a", "a", 0.0, min_value=0.0, max_value=1.0)

    def draw(shared: bool, values: Mapping[str, float]) -> tuple[Any, str]:
        still = curve if shared else list(curve)
        moving = {"uid": "p", "x": [values["a"] / 3], "y": [0.0]}
        return {"data": [{"uid": "c", "x": still, "y": still}, moving]}, ""

    frames = [
        live_frames.control_frames(
            live_context.keyed(draw, ("s", shared), shared),
            live_frames.Range("a", steps=4),
            {"a": param},
            {},
            (),
        )
        for shared in (True, False)
    ]
    assert frames[0] == frames[1]
    assert frames[0]["traces"] == [1]  # only the moving trace is in the frames
    assert [f["d"][0]["x"] for f in frames[0]["frames"]] == [
        [0],
        [0.11],
        [0.22],
        [0.33],
    ]


def test_a_float_array_is_written_with_whole_numbers_as_ints() -> None:
    values = np.array([0.123, 2.0, -0.0, np.nan, np.inf, 1e20, 3.999, -7.5])
    written = live_frames.compact(values)
    assert written == [0.12, 2, 0, None, None, 10**20, 4, -7.5]
    assert [type(v).__name__ for v in written] == (
        ["float", "int", "int", "NoneType", "NoneType", "int", "int", "float"]
    )
    assert (
        live_frames.encode(written)
        == b"[0.12,2,0,null,null,100000000000000000000,4,-7.5]"
    )
