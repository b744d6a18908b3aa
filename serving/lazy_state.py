"""Widgets look up their own key in session state without copying all of it.

Streamlit's slider (when built without ``value=``), number input, radio, select
box, text and date/time widgets each ask ``get_session_state().filtered_state``
whether their key is there and what it holds. ``filtered_state`` is a fresh dict
of *every* user key and keyed widget, each value read through its presenter: on
the explorer's pages (48-96 keys, 5-14 such widgets a run) that is 0.5-1.8 ms of
every rerun, about a tenth of the page's own CPU, to answer one key's question.

``serve.py`` replaces ``get_session_state`` in those widget modules only with
:func:`cheap_filtered`: it returns the same session state, except that its
``filtered_state`` is :class:`UserKeyView`, which answers ``key in`` and
``[key]`` for that one key. Iteration, length and anything the view cannot answer
for one key fall back to Streamlit's full dict, so a widget sees what it saw.
``tests/ui/test_lazy_state.py`` checks the view against the full dict on real
pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

#: Streamlit's widget modules that read ``get_session_state().filtered_state``.
WIDGET_MODULES = (
    "streamlit.elements.widgets.slider",
    "streamlit.elements.widgets.number_input",
    "streamlit.elements.widgets.radio",
    "streamlit.elements.widgets.selectbox",
    "streamlit.elements.widgets.text_widgets",
    "streamlit.elements.widgets.time_widgets",
)
#: The name each of them imported (``from ... import get_session_state``).
HOOK_NAME = "get_session_state"
#: Set on the replacement, so it is installed once.
MARKER = "cheap_filtered"


def _plain_user_key(key: object) -> bool:
    """A key the learner's code could have used (not a widget id, not internal)."""
    from streamlit.runtime.state.common import is_element_id
    from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX

    return (
        isinstance(key, str)
        and not is_element_id(key)
        and not key.startswith(STREAMLIT_INTERNAL_KEY_PREFIX)
    )


class UserKeyView(Mapping[str, Any]):
    """``filtered_state`` answered one user key at a time.

    ``safe`` is Streamlit's ``SafeSessionState``: its lock is held while a key is
    read, as ``filtered_state`` holds it while the dict is built.
    """

    def __init__(self, safe: Any) -> None:
        self._safe = safe

    def _full(self) -> dict[str, Any]:
        return dict(self._safe.filtered_state)

    def __getitem__(self, key: str) -> Any:
        if not _plain_user_key(key):
            return self._full()[key]
        with self._safe._lock:
            return self._safe._state[key]

    def __contains__(self, key: object) -> bool:
        if not _plain_user_key(key):
            return key in self._full()
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._full())

    def __len__(self) -> int:
        return len(self._full())


class _CheapFiltered:
    """Streamlit's session state, with ``filtered_state`` as a :class:`UserKeyView`."""

    def __init__(self, safe: Any) -> None:
        self._safe = safe

    @property
    def filtered_state(self) -> UserKeyView:
        return UserKeyView(self._safe)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._safe, name)


def cheap_filtered(get_session_state: Callable[[], Any]) -> Callable[[], Any]:
    """Wrap ``get_session_state`` so its ``filtered_state`` is read key by key."""

    def get_cheap_session_state() -> Any:
        return _CheapFiltered(get_session_state())

    get_cheap_session_state.__wrapped__ = get_session_state  # type: ignore[attr-defined]
    setattr(get_cheap_session_state, MARKER, True)
    return get_cheap_session_state
