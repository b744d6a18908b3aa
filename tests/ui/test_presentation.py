"""Presentation mode and "Show the numbers" on real pages (AppTest)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import chart_figure, chart_key, page_charts, page_test
from tests.helpers import figures as every_figure
from ui import numbers, presentation
from views.gradient_descent import descent as descent_view
from viz.presentation import MIN_TEXT, PRESENTED


def _font_sizes(obj: Any, key: str = "") -> list[float]:
    found: list[float] = []
    if isinstance(obj, dict):
        if key.endswith("font") and isinstance(obj.get("size"), (int, float)):
            found.append(obj["size"])
        for name, value in obj.items():
            found += _font_sizes(value, name)
    elif isinstance(obj, list):
        for item in obj:
            found += _font_sizes(item, key)
    return found


def figures(at: Any) -> list[dict[str, Any]]:
    """The figures drawn by ``page.chart`` (a live chart, ``ui.live_chart``, has its own)."""
    return [chart_figure(chart) for chart in page_charts(at)]


def _style(at: Any) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize(
    ("script", "view"),
    [("pages/gradient_descent.py", "descent"), ("pages/matrices.py", "transform")],
)
def test_present_1_in_a_link_presents_the_page(script: str, view: str) -> None:
    at = page_test(script, {"view": view, "present": "1"}, timeout=90).run()
    assert not at.exception
    assert at.toggle(key=presentation.PRESENT.name).value is True
    assert presentation.PRESENT_CSS in _style(at)  # sidebar hidden, 28 px text
    for fig in figures(at):
        assert fig["layout"]["font"]["size"] >= MIN_TEXT
        assert min(_font_sizes(fig)) >= MIN_TEXT  # ticks, legend, notes, Play
    assert at.query_params["present"] == "1"  # the address bar keeps it


def test_the_normal_page_is_not_presented() -> None:
    at = page_test("pages/gradient_descent.py", {"view": "descent"}).run()
    assert not at.exception
    assert at.toggle(key="present").value is False
    assert presentation.BASE_CSS in _style(at)  # focus ring, reduced motion
    assert presentation.PRESENT_CSS not in _style(at)
    assert figures(at)[0]["layout"]["font"]["size"] < MIN_TEXT
    assert at.markdown  # the intro is shown
    assert "present" not in at.query_params


def test_the_switch_turns_it_on_and_the_colours_keep_their_meaning() -> None:
    at = page_test("pages/gradient_descent.py", {"view": "descent"}).run()
    plain = figures(at)[0]
    at.toggle(key="present").set_value(True).run()
    assert not at.exception
    shown = figures(at)[0]
    assert len(shown["data"]) == len(plain["data"])
    for before, after in zip(plain["data"], shown["data"], strict=True):
        assert after.get("name") == before.get("name")
        colour = before.get("line", {}).get("color")
        if colour in PRESENTED:
            assert after["line"]["color"] == PRESENTED[colour]
            assert after["line"]["width"] > before["line"].get("width", 2)
    assert at.query_params["present"] == "1"


def test_a_bad_present_value_falls_back_with_a_note() -> None:
    at = page_test("pages/gradient_descent.py", {"present": "loud"}).run()
    assert not at.exception
    assert at.toggle(key="present").value is False
    assert any("present" in caption.value for caption in at.caption)


def test_show_the_numbers_lists_what_the_chart_draws() -> None:
    at = page_test("pages/gradient_descent.py", {"view": "descent"}).run()
    expanders = [e for e in at.expander if e.label == numbers.LABEL]
    assert len(expanders) == len(every_figure(at))  # one under every chart, live too
    assert not at.table  # closed: nothing built, nothing sent
    at.session_state[descent_view.PLAY_KEY] = True  # Play, whose chart is "descent"
    at.run()
    at.session_state[numbers.key_of("descent")] = True  # the learner opens it
    at.run()
    assert not at.exception
    tables = {table.proto.alt: table.value for table in at.table}
    assert "**minimum**" in [m.value for m in at.markdown]  # each table named
    minimum = tables["The numbers of minimum"]
    assert list(minimum.columns) == ["w", "loss f(w)"]
    assert minimum.iloc[0].tolist() == ["0", "0"]  # the minimum of w² at w = 0
    curve = tables["The numbers of loss f(w) = w²"]
    assert len(curve) <= 41
    assert any("one in" in caption.value for caption in at.caption)  # thinned: said


def test_show_the_numbers_on_a_grid_chart() -> None:
    at = page_test("pages/matrices.py", {"view": "multiply"}, timeout=90).run()
    key = chart_key(page_charts(at)[0])
    at.session_state[numbers.key_of(key)] = True
    at.run()
    assert not at.exception
    assert at.table
