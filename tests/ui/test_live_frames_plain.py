"""Figures drawn as plain dicts send what Plotly's objects would have sent.

``ui.live_frames.control_frames`` draws every frame inside
``viz.style.plain_figures`` (no ``go.Figure`` built, ~10× cheaper). Every live
chart of every page is drawn here both ways, with the arguments its page really
passes, and the frames the browser gets must be identical.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import plotly.io
import pytest

from benchmarks.common.targets import page_views
from tests.helpers import captured_frames, page_test
from ui import live_frames, page, shared_cache
from ui.topics import available_topics
from viz import style

LIVE_PAGES = (
    "equations",
    "vectors",
    "matrices",
    "gradient-descent",
    "normal-distribution",
    "bayes",
    "correlation",
    "loss-functions",
)


@pytest.mark.parametrize("slug", LIVE_PAGES)
def test_plain_frames_equal_frames_built_from_plotly_objects(
    slug: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = {t.slug: t.script for t in available_topics()}[slug]
    shared_cache.clear_all()  # every chart's frames drawn afresh, spied on
    with captured_frames() as calls:
        for view in page_views(slug):
            at = page_test(script, {"view": view}, timeout=120).run()
            assert not at.exception, f"{slug} {view}: {at.exception}"
    if not calls:
        pytest.skip(f"{slug} draws no live chart today")
    plain = [live_frames.control_frames(*args) for args in calls]
    monkeypatch.setattr(style, "plain_figures", contextlib.nullcontext)
    built = [live_frames.control_frames(*args) for args in calls]
    assert plain == built


def test_a_plain_figure_is_built_when_read_as_an_object() -> None:
    with style.plain_figures():
        fig = style.Chart("t", "x", "y").add(x=[0, 1], y=[2, 3], uid="u").figure()
    assert "_deferred" in fig.__dict__  # nothing built yet
    assert fig.to_dict()["data"][0]["y"] == [2, 3]
    assert fig.layout.title.text == "t"  # reading it builds it, once
    assert isinstance(fig, go.Figure)
    assert "_deferred" not in fig.__dict__
    assert list(fig.data[0].y) == [2, 3]
    style.validate(fig)


def test_figures_are_plain_only_inside_the_block() -> None:
    with style.plain_figures():
        inside = style.figure([{"type": "scatter", "x": [1]}], {})
    outside = style.figure([{"type": "scatter", "x": [1]}], {})
    assert "_deferred" in inside.__dict__
    assert "_deferred" not in outside.__dict__


@contextlib.contextmanager
def captured_figures() -> Iterator[list[tuple[Any, ...]]]:
    """Every figure ``page.figure_of`` builds meanwhile: its builder and arguments."""
    calls: list[tuple[Any, ...]] = []
    original = page._cached_figure

    def spy(
        name: str,
        key: Any,
        keys: tuple[Any, ...],
        build: Any,
        result: Any,
        extra: tuple[Any, ...],
    ) -> Any:
        calls.append((build, result, extra))
        return original(name, key, keys, build, result, extra)

    page._cached_figure = spy  # type: ignore[assignment]
    try:
        yield calls
    finally:
        page._cached_figure = original


def _json(fig_dict: dict[str, Any]) -> Any:
    """The JSON sent, read back; ``"key": null`` left out (plotly.js: not set).

    Plotly itself keeps or drops such entries depending on the axis (``xaxis``
    keeps ``title: null``, ``xaxis2`` drops it).
    """
    return _unset(json.loads(plotly.io.to_json(fig_dict, validate=False)))


def _unset(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _unset(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_unset(v) for v in value]
    return value


@pytest.mark.parametrize("slug", [t.slug for t in available_topics()])
def test_cached_figures_are_what_plotly_objects_would_send(slug: str) -> None:
    """``page.figure_of`` freezes plain dicts: the JSON sent means what Plotly's does.

    The same keys and values; only their order, and which unset keys are written
    as ``null``, may differ.
    """
    script = {t.slug: t.script for t in available_topics()}[slug]
    with captured_figures() as calls:
        for view in page_views(slug):
            at = page_test(script, {"view": view}, timeout=120).run()
            assert not at.exception, f"{slug} {view}: {at.exception}"
    assert calls, f"{slug} built no figure through page.figure_of"
    for build, result, extra in calls:
        with style.plain_figures():
            plain = style.freeze(build(result, *extra))
        if "_deferred" not in plain.__dict__:
            continue  # built without viz.style.figure (nothing to compare)
        built = style.freeze(build(result, *extra))
        assert "_deferred" not in built.__dict__
        assert _json(plain.to_dict()) == _json(built.to_dict()), build.__qualname__


def test_a_magic_underscore_is_expanded_by_plotly_when_frozen() -> None:
    trace = {"type": "scatter", "x": [0, 1], "y": [1, 2], "line_color": "red"}
    with style.plain_figures():
        fig = style.freeze(style.figure([trace], {"title_text": "t"}))
    sent = fig.to_dict()
    assert sent["data"][0]["line"] == {"color": "red"}
    assert sent["layout"]["title"] == {"text": "t"}
