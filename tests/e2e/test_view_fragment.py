"""A change inside a view reruns the view alone, and the page ends as a full rerun would.

Spoken in Streamlit's own protocol to a real ``serve.py`` server, as a browser tab
does (``benchmarks.classroom.student``): each rerun's messages are read to the end,
so the test sees which elements were sent again, what the run said when it ended
(a fragment run or a full run) and the address the server wrote. One browser test
presses the reset button on another view, where the page around the view changes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.classroom.student import Run, Student
from benchmarks.common.targets import Control
from tests.e2e.conftest import Server, open_page, wait_idle
from ui import page as ui_page
from ui.presentation import PRESENT

pytestmark = pytest.mark.e2e

FRAGMENT_RUN = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
FULL_RUN = ForwardMsg.FINISHED_SUCCESSFULLY
SECOND_VIEW_CONTROL = "a₁ (exact)"  # the exact entry of view two's first slider


class Tab(Student):
    """A tab that notes every element sent (kind, text, widget id, fragment)."""

    def __init__(self, url: str, slug: str, query: str = "", key: str = "a") -> None:
        control = Control(key=key, query=query)
        super().__init__(url, slug, control, timeout=60, walk=True)
        self.sent: list[tuple[str, str, str, str]] = []
        self.ends: list[int] = []

    def _take(self, msg: ForwardMsg, run: Run, collect_widgets: bool) -> bool:
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type") or ""
            inner: Any = getattr(element, which, None)
            text = str(getattr(inner, "label", "") or getattr(inner, "body", ""))
            widget_id = str(getattr(inner, "id", ""))
            self.sent.append((which, text, widget_id, msg.delta.fragment_id))
        elif kind == "script_finished":
            self.ends.append(msg.script_finished)
        return super()._take(msg, run, collect_widgets)

    def fresh(self) -> Tab:
        self.sent, self.ends = [], []
        return self

    def title(self) -> str:
        return next(text for kind, text, _, _ in self.sent if kind == "heading")

    def texts(self) -> list[str]:
        return [text for _, text, _, _ in self.sent]

    def widget_named(self, label: str) -> tuple[str, str]:
        """The widget id and fragment of the element labelled ``label``."""
        for _, text, widget_id, fragment in self.sent:
            if text == label and widget_id:
                return widget_id, fragment
        raise AssertionError(f"no widget {label!r} in {self.texts()}")

    def press(self, label: str, **value: Any) -> Run:
        """Press the button (or set the toggle) ``label`` as the browser does."""
        widget_id, fragment = self.widget_named(label)
        state = WidgetState(id=widget_id, **(value or {"trigger_value": True}))
        return self.fresh().rerun([state], fragment_id=fragment)


def opened(server: Server, query: str = "") -> Tab:
    tab = Tab(server.url, "equations", query)
    tab.connect()
    run = tab.open_page()
    assert run.errors == []
    assert tab.widget is not None
    return tab


def test_a_slider_reruns_the_view_alone(server: Server) -> None:
    tab = opened(server)
    try:
        assert tab.fragment_id  # the slider is drawn in the view's fragment
        title = tab.title()
        assert next(f for _, text, _, f in tab.sent if text == title) == ""  # not it
        tab.fresh().change()  # a: 2.0 -> 2.1
        assert tab.ends == [FRAGMENT_RUN]
        assert title not in tab.texts()  # the page around the view is not sent again
        assert ui_page.RESET_LABEL in tab.texts()  # the view and its buttons are
        assert tab.query_string == "a=2.1"
    finally:
        tab.close()


def test_a_fragment_run_writes_the_address_a_full_run_writes(server: Server) -> None:
    fragment, full = opened(server, "view=two"), opened(server, "view=two")
    try:
        assert fragment.widget is not None
        assert full.widget is not None
        for _ in range(3):
            fragment.fresh().change()
            assert full.widget is not None
            full.fresh().rerun([full.widget.state(fragment.values[0])])
            assert fragment.ends == [FRAGMENT_RUN]
            assert full.ends == [FULL_RUN]
            assert fragment.query_string == full.query_string
        assert re.fullmatch(r"view=two&a1=\d\.\d+", fragment.query_string)
    finally:
        fragment.close()
        full.close()


def test_the_reset_button_on_another_view_redraws_the_page(server: Server) -> None:
    tab = opened(server, "view=two&a1=3")
    try:
        tab.press(ui_page.RESET_LABEL)
        assert tab.ends[-1] == FULL_RUN  # the view changed: the whole page ran
        assert tab.title()
        assert tab.query_string == ""  # the notebook's example: every default
        assert "a (slope)" in tab.texts()  # the first view's controls
    finally:
        tab.close()


def test_the_reset_button_on_the_first_view_reruns_the_view(server: Server) -> None:
    tab = opened(server, "a=3")
    try:
        tab.press(ui_page.RESET_LABEL)
        assert tab.ends == [FRAGMENT_RUN]  # nothing around the view changed
        assert tab.query_string == ""
    finally:
        tab.close()


def test_presentation_mode_redraws_the_page(server: Server) -> None:
    tab = opened(server, "a=3")
    try:
        intro = next(t for t in tab.texts() if t.startswith("An **equation**"))
        tab.press(PRESENT.label, bool_value=True)
        assert tab.ends[-1] == FULL_RUN  # the title's size and the intro change
        assert intro not in tab.texts()  # on a projector the chart comes first
        assert tab.query_string == "a=3&present=1"
    finally:
        tab.close()


def test_a_new_session_asked_for_the_view_runs_the_page(server: Server) -> None:
    """The server lost the session whose page is on screen: a change still counts."""
    shown = opened(server, "b=-2")
    shown.close()  # its session is still alive on the server, but this is another
    lost = Tab(server.url, "equations", "b=-2")
    lost.connect()
    try:
        assert shown.widget is not None
        lost.query_string = shown.query_string  # what the browser's page shows
        lost.page_script_hash = shown.page_script_hash
        run = lost.rerun(  # the browser's next change, as its first run
            [shown.widget.state(2.5)], fragment_id=shown.fragment_id
        )
        assert run.errors == []
        assert lost.ends == [FULL_RUN]  # not dropped: the page ran
        assert lost.query_string == "a=2.5&b=-2"  # the change wins over the link
    finally:
        lost.close()


def test_reset_in_the_browser_brings_back_the_first_view(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/equations?view=two&a1=3")
    expect(page.get_by_label(SECOND_VIEW_CONTROL)).to_have_value("3.00")
    page.get_by_role("button", name=ui_page.RESET_LABEL).click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/equations$"))
    expect(page.get_by_label("a (slope) (exact)")).to_have_value("2.00")
    expect(page.get_by_label(SECOND_VIEW_CONTROL)).to_have_count(0)
    slider = page.get_by_role("slider").first
    slider.focus()
    slider.press("ArrowRight")  # a fragment run: the address still follows
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/equations\?a=2\.1$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
