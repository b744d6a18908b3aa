"""Typed URL state: one declaration per page parameter drives widget, URL and checks.

A page declares its parameters once::

    PARAMS = (
        Param.number("a", "a", 2.0, min_value=-10, max_value=10, step=0.1),
        Param.choice("view", "View", "one", {"one": "One equation", "two": "Two"}),
    )
    state = PageState("equations", PARAMS)

and then ``state.widget("a")`` draws the control and returns its value. The URL
key, the widget key (``st.session_state["a"]``) and the ``core`` argument share
the name ``a``.

- On entering a page (first run of a session, or after switching pages) each
  value is read from ``st.query_params`` defensively: a missing value gives the
  default; a malformed or out-of-range one gives the default *and* a note that
  says which value was ignored and why.
- ``state.sync_url()`` writes every value that differs from its default back
  into the query string, so the address bar is always a link to this view.
- ``hide=a,b`` in the URL hides those controls; their URL values still apply.
  That is how a teacher tailors a lesson.

Streamlit 1.67 can bind some widgets to the URL itself (``bind="query-params"``),
but not text boxes or toggles, and it drops invalid values silently; this module
covers every widget kind and tells the learner what it ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from ui.params import Param

__all__ = ["HIDE_KEY", "PageState", "Param", "query_string"]

#: URL keys that belong to Streamlit itself and are left untouched.
_RESERVED = frozenset({"embed", "embed_options"})
HIDE_KEY = "hide"
_SLIDER_SUFFIX = "__slider"
_PAGE_KEY = "_url_state_page"
_NOTES_KEY = "_url_state_notes"
_HIDDEN_KEY = "_url_state_hidden"
#: A control that a view does not draw keeps its value while the learner stays on
#: the page (without it Streamlit drops the value and the widget comes back at its
#: minimum when the view is switched back).
_KEEP: dict[str, Any] = {"persist_state": "page"}


class PageState:
    """The parameters of one page, bound to ``st.session_state`` and the URL."""

    def __init__(self, page_id: str, params: Sequence[Param]) -> None:
        names = [p.name for p in params]
        if len(set(names)) != len(names) or HIDE_KEY in names:
            raise ValueError(f"parameter names must be unique and not {HIDE_KEY!r}")
        self.page_id = page_id
        self.params: dict[str, Param] = {p.name: p for p in params}
        if st.session_state.get(_PAGE_KEY) != page_id:
            self._load_from_url()

    # -- entering the page ------------------------------------------------------------
    def _load_from_url(self) -> None:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        notes: list[str] = []
        for name, param in self.params.items():
            value = param.default
            raw_values = query.get(name)
            if raw_values:
                raw = raw_values[-1]
                try:
                    value = param.parse(raw)
                except ValueError as exc:
                    notes.append(
                        f"Ignored `{name}` from the link ({_plain(exc)}); "
                        f"using {param.encode(param.default) or 'the default'}."
                    )
            self._store(name, value)
        hidden: set[str] = set()
        for raw in query.get(HIDE_KEY, []):
            for word in filter(None, (w.strip() for w in raw.split(","))):
                if word in self.params:
                    hidden.add(word)
                else:
                    notes.append(
                        f"Ignored `hide={word}` from the link: no such control."
                    )
        unknown = sorted(set(query) - set(self.params) - {HIDE_KEY} - _RESERVED)
        if unknown:
            listed = ", ".join(f"`{key}`" for key in unknown)
            notes.append(f"Ignored {listed} from the link: not a setting of this page.")
        st.session_state[_NOTES_KEY] = notes
        st.session_state[_HIDDEN_KEY] = hidden
        st.session_state[_PAGE_KEY] = self.page_id

    def _store(self, name: str, value: Any) -> None:
        st.session_state[name] = value
        if self.params[name].widget == "slider+number":
            st.session_state[name + _SLIDER_SUFFIX] = value

    # -- reading and setting values -----------------------------------------------------
    @property
    def hidden(self) -> frozenset[str]:
        return frozenset(st.session_state.get(_HIDDEN_KEY, ()))

    @property
    def notes(self) -> list[str]:
        return list(st.session_state.get(_NOTES_KEY, ()))

    def value(self, name: str) -> Any:
        param = self.params[name]
        return param.normalise(st.session_state.get(name, param.default))

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.params}

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Set several values at once: call from a button's ``on_click``."""
        for name, value in values.items():
            self._store(name, self.params[name].normalise(value))

    def reset(self) -> None:
        """Back to the defaults (the notebook's example)."""
        self.set_values({name: p.default for name, p in self.params.items()})

    # -- widgets ----------------------------------------------------------------------
    def widget(
        self, name: str, *, label: str | None = None, container: Any = None
    ) -> Any:
        """Draw the control for ``name`` (unless hidden) and return its value."""
        param = self.params[name]
        if name in self.hidden:
            return self.value(name)
        if name not in st.session_state:  # never let a widget start at its minimum
            self._store(name, param.default)
        where = container if container is not None else st
        text = label if label is not None else param.label
        if param.kind in ("float", "int"):
            self._number_widget(param, text, where)
        elif param.kind == "choice":
            self._choice_widget(param, text, where)
        elif param.kind == "bool":
            where.toggle(text, key=name, help=param.help, **_KEEP)
        elif param.widget == "text_area":
            where.text_area(
                text, key=name, help=param.help, max_chars=param.max_chars, **_KEEP
            )
        else:
            where.text_input(
                text, key=name, help=param.help, max_chars=param.max_chars, **_KEEP
            )
        return self.value(name)

    def _number_widget(self, param: Param, text: str, where: Any) -> None:
        name = param.name
        kwargs: dict[str, Any] = {
            "min_value": param.min_value,
            "max_value": param.max_value,
            "step": param.step,
            "help": param.help,
            **_KEEP,
        }
        if param.kind == "int":
            kwargs.update(
                min_value=int(param.min_value or 0),
                max_value=int(param.max_value or 0),
                step=int(param.step or 1),
            )
        if param.number_format:
            kwargs["format"] = param.number_format
        if param.widget == "number":
            where.number_input(text, key=name, **kwargs)
        elif param.widget == "slider":
            where.slider(text, key=name, **kwargs)
        else:
            slider_col, number_col = where.columns(
                [3, 1.3], vertical_alignment="bottom"
            )
            slider_col.slider(
                text,
                key=name + _SLIDER_SUFFIX,
                on_change=_copy,
                args=(name + _SLIDER_SUFFIX, name),
                **kwargs,
            )
            number_col.number_input(
                f"{text} (exact)",
                key=name,
                on_change=_copy,
                args=(name, name + _SLIDER_SUFFIX),
                label_visibility="collapsed",
                **{**kwargs, "help": None},
            )

    def _choice_widget(self, param: Param, text: str, where: Any) -> None:
        words = list(param.choices)
        labels = param.choices.get
        if param.widget == "select":
            where.selectbox(
                text,
                words,
                key=param.name,
                format_func=labels,
                help=param.help,
                **_KEEP,
            )
        elif param.widget == "segmented":
            where.segmented_control(
                text,
                words,
                key=param.name,
                format_func=labels,
                help=param.help,
                required=True,
                **_KEEP,
            )
        else:
            where.radio(
                text,
                words,
                key=param.name,
                format_func=labels,
                help=param.help,
                horizontal=True,
                **_KEEP,
            )

    # -- the URL --------------------------------------------------------------------------
    def url_params(self) -> dict[str, str]:
        """The query string for the current view: every non-default value, plus hide."""
        params: dict[str, str] = {}
        for name, param in self.params.items():
            encoded = param.encode(self.value(name))
            if encoded != param.encode(param.default):
                params[name] = encoded
        if self.hidden:
            params[HIDE_KEY] = ",".join(n for n in self.params if n in self.hidden)
        return params

    def sync_url(self) -> None:
        """Write the current view into the address bar (only when it changed)."""
        wanted = self.url_params()
        current = {
            k: v for k, v in st.query_params.to_dict().items() if k not in _RESERVED
        }
        if current != wanted:
            kept = {k: st.query_params[k] for k in _RESERVED if k in st.query_params}
            st.query_params.from_dict({**kept, **wanted})

    def show_notes(self) -> None:
        """Say which link values were ignored (shown while the learner stays here)."""
        for note in self.notes:
            st.caption(f"⚠️ {note}")


def _copy(source: str, target: str) -> None:
    st.session_state[target] = st.session_state[source]


def _plain(exc: Exception) -> str:
    return str(exc).rstrip(".")


def query_string(params: Mapping[str, str]) -> str:
    """``{"a": "3"} -> "?a=3"`` (empty mapping -> ``""``), URL-encoded."""
    from urllib.parse import urlencode

    return "?" + urlencode(params) if params else ""
