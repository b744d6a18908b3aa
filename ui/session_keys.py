"""Keep a session's keys to the page it is on: each widget call walks all of them.

Streamlit 1.67 rebuilds ``SessionState.filtered_state`` on every slider, number
box, select and text box call, walking every session key. Entering a page
stores each of its parameters as a key (``ui.url_state``), and those of the
pages visited before used to stay for the whole lesson: 195 keys after a walk
over every page, 61 with :func:`enter` (``tests/ui/test_session_keys.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

#: The page entered last and the names it stored.
_PAGE = "_session_page"
_STORED = "_session_stored"
#: Other keys of the page entered last (a live chart's state): :func:`scoped`.
_SCOPED = "_session_scoped"


def enter(page_id: str, names: Iterable[str], *suffixes: str) -> None:
    """Entering ``page_id``: forget what the page before stored and this one lacks.

    Those values are never read again (entering a page reads every value from
    its link). ``suffixes``: twin keys stored beside a name (``a__slider``).
    """
    kept = set(names)
    for name in st.session_state.get(_STORED, ()):
        if name not in kept:
            for key in (name, *(name + suffix for suffix in suffixes)):
                st.session_state.pop(key, None)
    st.session_state[_STORED] = tuple(kept)
    if st.session_state.get(_PAGE) != page_id:
        for key in st.session_state.get(_SCOPED, ()):
            st.session_state.pop(key, None)
        st.session_state[_SCOPED] = frozenset()
    st.session_state[_PAGE] = page_id


def scoped(key: str) -> str:
    """``key``, dropped when another page is entered (a live chart's state).

    >>> st.session_state[scoped("_live_last_good_linear")] = ...  # doctest: +SKIP
    """
    keys = st.session_state.get(_SCOPED, frozenset())
    if key not in keys:
        st.session_state[_SCOPED] = keys | {key}
    return key


def current_page() -> str:
    """The page the session entered last (``""`` before the first)."""
    return str(st.session_state.get(_PAGE, ""))
