"""``serving.lazy_state``: widgets read their own key, and see what the full dict says.

The pages run under ``AppTest`` with the hook installed as ``serve.py`` installs
it; after a run and a change, the one-key view must agree with Streamlit's full
``filtered_state`` on every key it holds, on widget ids and internal keys, and on
keys that are not there.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import serve
from serving import lazy_state
from tests.helpers import page_test

PAGES = [
    ("pages/equations.py", {}),
    ("pages/gradient_descent.py", {}),
    ("pages/loss_functions.py", {"view": "fit"}),
    ("pages/correlation.py", {}),
    ("pages/bayes.py", {}),
]


def _restored_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every widget module gets its own ``get_session_state`` back after the test."""
    for name in lazy_state.WIDGET_MODULES:
        module = importlib.import_module(name)
        monkeypatch.setattr(module, lazy_state.HOOK_NAME, module.get_session_state)


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hook installed in every widget module; names the modules that used it."""
    asked: list[str] = []
    _restored_after(monkeypatch)
    for name in lazy_state.WIDGET_MODULES:
        module = importlib.import_module(name)
        assert not getattr(module.get_session_state, lazy_state.MARKER, False)
        cheap = lazy_state.cheap_filtered(module.get_session_state)

        def counted(cheap: Any = cheap, name: str = name) -> Any:
            asked.append(name)
            return cheap()

        monkeypatch.setattr(module, lazy_state.HOOK_NAME, counted)
    return asked


def _agree(at: AppTest) -> int:
    """Check the view against the full dict; the number of keys compared."""
    safe = at._session_state
    full = safe.filtered_state
    view = lazy_state.UserKeyView(safe)
    assert len(full) > 10
    for key, value in full.items():
        assert key in view
        got = view[key]
        assert got is value or got == value or (got != got and value != value), key
    assert dict(view) == full or set(view) == set(full)
    widget_ids = [k for k in safe._state._keys() if k not in full]
    for key in [*widget_ids, "not_a_key_here", "$$WIDGET_ID-0-none", 3]:
        assert (key in view) == (key in full), key
    return len(full)


@pytest.mark.parametrize(("script", "query"), PAGES)
def test_the_one_key_view_agrees_with_the_full_dict_on_real_pages(
    hooked: list[str], script: str, query: dict[str, str]
) -> None:
    at = page_test(script, query)
    at.run()
    assert not at.exception
    assert hooked, "no widget read session state through the hook"
    _agree(at)
    if at.slider:  # a change: widget state moves
        at.slider[0].set_value(at.slider[0].max).run()
    else:
        box = at.text_input[0]
        box.input(box.value or "1").run()
    assert not at.exception
    _agree(at)


def test_the_pages_draw_the_same_with_and_without_the_hook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def drawn() -> list[Any]:
        at = page_test("pages/gradient_descent.py")
        at.run()
        at.number_input[0].set_value(at.number_input[0].value).run()
        return [(w.key, w.value) for w in [*at.slider, *at.number_input, *at.radio]]

    plain = drawn()
    _restored_after(monkeypatch)
    assert serve.cheap_widget_state()
    assert drawn() == plain


def test_hook_points_exist_and_are_installed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _restored_after(monkeypatch)
    assert serve.cheap_widget_state()
    first = [
        getattr(importlib.import_module(n), lazy_state.HOOK_NAME)
        for n in lazy_state.WIDGET_MODULES
    ]
    assert all(getattr(f, lazy_state.MARKER, False) for f in first)
    assert serve.cheap_widget_state()
    again = [
        getattr(importlib.import_module(n), lazy_state.HOOK_NAME)
        for n in lazy_state.WIDGET_MODULES
    ]
    assert again == first


def test_a_missing_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    _restored_after(monkeypatch)
    module = importlib.import_module(lazy_state.WIDGET_MODULES[0])
    monkeypatch.delattr(module, lazy_state.HOOK_NAME)
    with pytest.warns(RuntimeWarning, match="copies session state"):
        assert not serve.cheap_widget_state()
