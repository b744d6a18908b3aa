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

from text.safe import clip_quotes, echo, inline_code, sentence
from ui.browser_state import RESYNC_KEY, browser_values, history_navigation
from ui.browser_state import keep_resyncing as keep_resyncing
from ui.params import Param

__all__ = ["HIDE_KEY", "PageState", "Param", "query_string"]

#: URL keys that belong to Streamlit itself and are left untouched.
_RESERVED = frozenset({"embed", "embed_options"})
HIDE_KEY = "hide"
_SLIDER_SUFFIX = "__slider"
#: A slider and its exact-entry box (76 px) share one flex row, not two columns:
#: two elements fewer to send on every rerun.
_TWIN_ROW: dict[str, Any] = {"vertical_alignment": "bottom", "wrap": False}
_EXACT: dict[str, Any] = {"help": None, "label_visibility": "collapsed", "width": 76}
_PAGE_KEY = "_url_state_page"
_NOTES_KEY = "_url_state_notes"
_HIDDEN_KEY = "_url_state_hidden"
#: Notes about columns asked for but not in the table, by parameter name.
_COLUMN_NOTES_KEY = "_url_state_column_notes"
#: At most this many notes about ignored link values are shown (then "and N more").
MAX_NOTES = 5
#: Distinct ``hide=`` words kept from a link (a page has far fewer controls).
MAX_HIDE_WORDS = 1000
#: Longest reason shown in a note (the reason may quote the link's value).
NOTE_REASON_LIMIT = 160
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
        # A resumed session (serve.py): the browser may still show a cut run.
        self.resync = bool(st.session_state.get(RESYNC_KEY))
        if st.session_state.get(_PAGE_KEY) != page_id or history_navigation():
            self._load_from_url()  # a new page, or Back/Forward: the address rules
        elif self.resync:
            self.set_values(self.values())

    # -- entering the page ------------------------------------------------------------
    def _load_from_url(self) -> None:
        """Read every value from the link; note (a bounded few) what was ignored.

        The work is bounded whatever the link: Streamlit keeps at most 1,000
        fields, each value is read by its ``Param`` (text capped at ``max_chars``),
        ``hide=`` is read in one pass keeping at most :data:`MAX_HIDE_WORDS`
        distinct words, and notes are de-duplicated and capped (:class:`_Notes`).

        In a session's first run, a value the browser sent for a control wins over
        the link: that run is a change to a page already on screen, whose session
        the server lost (``ui.browser_state``); a fresh page sends none.
        """
        notes = _Notes()
        linked: dict[str, Any] = {}
        for name, param in self.params.items():
            value = param.default
            raw_values = st.query_params.get_all(name)
            if raw_values:
                try:
                    value = param.parse(raw_values[-1])
                except ValueError as exc:
                    notes.add(
                        f"Ignored {inline_code(name)} from the link "
                        f"({sentence(clip_quotes(_plain(exc)), NOTE_REASON_LIMIT)}); "
                        f"using {echo(param.encode(param.default)) or 'the default'}."
                    )
            linked[name] = value
        if _PAGE_KEY not in st.session_state:
            linked.update(browser_values(self.params, linked, _SLIDER_SUFFIX))
        for name, value in linked.items():
            self._store(name, value)
        hidden: set[str] = set()
        words, notes.cut = _hide_words(st.query_params.get_all(HIDE_KEY))
        for word in words:
            if word in self.params:
                hidden.add(word)
            else:
                notes.add(
                    f"Ignored {inline_code(HIDE_KEY + '=' + word)} from the link: "
                    "no such control."
                )
        known = set(self.params) | {HIDE_KEY} | _RESERVED
        unknown = [key for key in st.query_params if key not in known]
        if unknown:
            listed = ", ".join(inline_code(key) for key in unknown[:MAX_NOTES])
            more = len(unknown) - MAX_NOTES
            notes.add(
                f"Ignored {listed}{f' and {more} more' if more > 0 else ''} from the "
                "link: not a setting of this page."
            )
        st.session_state[_NOTES_KEY] = notes.shown()
        st.session_state[_COLUMN_NOTES_KEY] = {}
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
        self,
        name: str,
        *,
        label: str | None = None,
        container: Any = None,
        options: Sequence[str] = (),
        fallback: int = 0,
    ) -> Any:
        """Draw the control for ``name`` (unless hidden) and return its value; a
        ``Param.column`` takes its ``options`` here (others: ``options[fallback]``)."""
        param = self.params[name]
        if param.kind == "column":
            return self._column_widget(param, label, container, options, fallback)
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

    def _column_widget(
        self,
        param: Param,
        label: str | None,
        container: Any,
        options: Sequence[str],
        fallback: int,
    ) -> str:
        """A select over options known at run time; an unknown value falls back."""
        name, options = param.name, list(options)
        if not options:
            raise ValueError(f"{name} has no options to choose from")
        asked = str(self.value(name))
        notes = st.session_state.setdefault(_COLUMN_NOTES_KEY, {})  # name: asked, used
        if asked not in options:
            used = options[min(max(fallback, 0), len(options) - 1)]
            if asked:
                notes[name] = (asked, used)
            self._store(name, used)
        where = container if container is not None else st
        if name in notes and notes[name][1] == self.value(name):
            asked, used = notes[name]
            default = f"there is no {echo(asked)} here: showing {echo(used)}."
            note = param.note(asked, used) if param.note else default
            where.caption(f"Note: {note}")
        else:
            notes.pop(name, None)  # the learner picked another column since
        if name not in self.hidden:
            text = label if label is not None else param.label
            where.selectbox(text, options, key=name, help=param.help, **_KEEP)
        return str(self.value(name))

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
            row = where.container(horizontal=True, **_TWIN_ROW)
            row.slider(
                text,
                key=name + _SLIDER_SUFFIX,
                on_change=_copy,
                args=(name + _SLIDER_SUFFIX, name),
                **kwargs,
            )
            row.number_input(
                f"{text} (exact)",
                key=name,
                on_change=_copy,
                args=(name, name + _SLIDER_SUFFIX),
                **{**kwargs, **_EXACT},
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
        """Write the view into the address bar (when it changed, or after a resume)."""
        wanted = self.url_params()
        current = {
            k: v for k, v in st.query_params.to_dict().items() if k not in _RESERVED
        }
        if current != wanted or self.resync:
            kept = {k: st.query_params[k] for k in _RESERVED if k in st.query_params}
            st.query_params.from_dict({**kept, **wanted})
        if self.resync:  # written back: done, unless the resume's second is not over
            self.resync = keep_resyncing(st.session_state)

    def show_notes(self) -> None:
        """Say which link values were ignored (shown while the learner stays here).

        At most ``MAX_NOTES`` short notes and one "and N more", each already made
        safe for markdown when the link was read: a rerun sends no more than that.
        """
        for note in self.notes:
            st.caption(f"Note: {note}")


class _Notes:
    """The notes about ignored link values: de-duplicated, at most ``MAX_NOTES``."""

    def __init__(self) -> None:
        self.notes: dict[str, None] = {}
        self.more = 0
        self.cut = False  # the link held more than was read

    def add(self, note: str) -> None:
        if note in self.notes:
            return
        if len(self.notes) < MAX_NOTES:
            self.notes[note] = None
        else:
            self.more += 1

    def shown(self) -> tuple[str, ...]:
        if not (self.more or self.cut):
            return tuple(self.notes)
        more = f"{'at least ' if self.cut else ''}{self.more or 1} more"
        return (*self.notes, f"… and {more} ignored link values.")


def reload_from_url() -> None:
    """The next run reads every value from the link, as on entering a page."""
    st.session_state[_PAGE_KEY] = ""


def _hide_words(raw_values: list[str]) -> tuple[list[str], bool]:
    """The distinct words of ``hide=`` (at most ``MAX_HIDE_WORDS``); True if cut.

    One pass over the text, which Streamlit bounds (512 KB of query string).
    """
    words: dict[str, None] = {}
    for raw in raw_values:
        for word in raw.split(","):
            word = word.strip()
            if word and word not in words:
                if len(words) >= MAX_HIDE_WORDS:
                    return list(words), True
                words[word] = None
    return list(words), False


def _copy(source: str, target: str) -> None:
    st.session_state[target] = st.session_state[source]


def _plain(exc: Exception) -> str:
    return str(exc).rstrip(".")


def query_string(params: Mapping[str, str]) -> str:
    """``{"a": "3"} -> "?a=3"`` (empty mapping -> ``""``), URL-encoded."""
    from urllib.parse import urlencode

    return "?" + urlencode(params) if params else ""
