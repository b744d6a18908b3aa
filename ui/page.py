"""The one shape of every topic page: a title, an intro, a "Show" picker over views.

A page script is a short index::

    page.run(
        "equations",
        "Equations: solving ax + b = 0",
        intro="...",
        views=(one.VIEW, two.VIEW),
    )

and each view is a small module (``views/<topic>/<view>.py``) with its own
parameter declarations and one function that receives the page state and the
two columns explicitly::

    PARAMS = (Param.number("a", ...), Param.number("b", ...))

    def render(state: PageState, frame: Frame) -> None:
        with frame.controls:
            a, b = state.widget("a"), state.widget("b")
            solution = page.compute("linear", eq.solve_linear, a, b)
        with frame.main:
            page.formula(words.linear_latex(solution))
            ...

    VIEW = View("one", "One equation", PARAMS, render)

:func:`run` draws what every page shares, in the same place with the same names:
the "Show" picker above the columns, and under the controls the reset button
and **Share this view** (``ui.share``);
then it writes the view into the address bar. The view, its buttons and the
address are one fragment (``ui.view_fragment``): a change inside the view
reruns them, not the title, the intro and the picker around them.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from text.questions import Question
from text.safe import clip_quotes, sentence
from ui import (
    live_class,
    predict,
    presentation,
    session_keys,
    share,
    shared_cache,
    still_chart,
    view_fragment,
)
from ui import notebook_download as take_home
from ui.numbers import show_numbers
from ui.session_keys import current_page
from ui.url_state import PageState, Param
from viz.style import freeze, plain_figures

T = TypeVar("T")
_LAST_GOOD = "_last_good"

#: Plotly's own toolbar, trimmed to what a learner uses. Nothing here loads from the web.
CHART_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "showSendToCloud": False,  # plotly.js's "Share chart..." uploads to Plotly's cloud
    "responsive": True,
    "typesetMath": False,
}
#: The picker over a page's views: the same label on every page.
VIEW_LABEL = "Show"
#: The button under every view's controls, the same on every page.
RESET_LABEL = "↺ Notebook example"
RESET_HELP = "Back to the values of the notebook, every control and the view."


@dataclass(frozen=True)
class Frame:
    """Where a view draws: its controls on the left, the maths on the right."""

    controls: DeltaGenerator
    main: DeltaGenerator


@dataclass(frozen=True)
class View:
    """One choice of a page's "Show" picker.

    ``key`` is the stable URL word (``?view=two``), ``label`` what the learner
    sees, ``params`` every control the view draws (a parameter shared by several
    views is the same ``Param`` object in each), and ``render`` draws it.
    """

    key: str
    label: str
    params: tuple[Param, ...]
    render: Callable[[PageState, Frame], None]
    questions: tuple[Question, ...] = ()  # what "Predict first" asks (ui.predict)


def page_params(views: Sequence[View], default: str | None = None) -> tuple[Param, ...]:
    """The page's parameters: the "Show" picker, then each view's (shared once)."""
    picker = Param.choice(
        "view",
        VIEW_LABEL,
        default or views[0].key,
        {view.key: view.label for view in views},
        widget="segmented",
    )
    params: dict[str, Param] = {"view": picker}
    for view in views:
        for param in view.params:
            known = params.setdefault(param.name, param)
            if known != param:
                raise ValueError(
                    f"two different declarations of {param.name!r}: share one Param"
                )
    params.setdefault(predict.PREDICT.name, predict.PREDICT)
    asked = [(view.key, view.questions) for view in views]
    params.setdefault(predict.QUESTION_KEY, predict.question_param(asked))
    params.setdefault(presentation.PRESENT.name, presentation.PRESENT)
    params.setdefault(live_class.CLASS.name, live_class.CLASS)
    return tuple(params.values())


def run(
    slug: str,
    title: str,
    *,
    intro: str,
    views: Sequence[View],
    default: str | None = None,
    ratio: tuple[float, float] = (1.0, 2.2),
) -> None:
    """Draw the page ``slug``: title, intro, the "Show" picker and the chosen view.

    The view is a fragment (``ui.view_fragment``): a change inside it reruns the
    view, not the page around it.
    """
    state = start(slug, title, page_params(views, default), intro=intro)
    chosen = {view.key: view for view in views}[state.widget("view")]
    live_class.bar(state, slug, chosen)  # the live class, above the columns
    sheet = (slug, title, intro)
    view_fragment.show(state, functools.partial(draw_view, state, sheet, chosen, ratio))


def draw_view(
    state: PageState,
    sheet: tuple[str, str, str],
    chosen: View,
    ratio: tuple[float, float],
) -> None:
    """The chosen view in its two columns, the buttons under it, then the URL.

    ``sheet``: the page's slug, title and intro (for the take-home notebook).
    """
    slug, title, intro = sheet
    take_home.begin(slug, title, intro, chosen.key, chosen.label)
    controls, main = columns(ratio)
    with controls:  # before the view: it decides what this run hides
        predict.panel(state, chosen.key, chosen.questions, main)
        live_class.hide(state, slug, chosen)  # a class question hides its answer
    # A bad first input ends the view (its error shown); the reset button and the
    # link still come.
    with contextlib.suppress(NothingToDraw):
        chosen.render(state, Frame(controls, main))
        with main:
            take_home.buttons()  # the view as a notebook, its charts as a CSV
    with controls:
        if not isinstance(state, live_class.Following):  # the teacher's view stays
            reset_button(state)
        presentation.switch(state)
        share.share_button(state, slug, ("view", *(p.name for p in chosen.params)))
    state.sync_url()


def start(
    page_id: str, title: str, params: Sequence[Param], *, intro: str
) -> PageState:
    """Title, one-paragraph intro, URL state (with notes on ignored link values)."""
    st.title(title, anchor=False)  # no hidden "link to heading" to tab through
    state = live_class.page_state(page_id, params)  # a student may follow
    session_keys.enter(page_id, state.params, "__slider")  # other pages' keys go
    if not presentation.begin(state):  # on a projector the chart comes first
        st.markdown(intro)
    state.show_notes()
    return state


def columns(ratio: tuple[float, float] = (1.0, 2.2)) -> Sequence[Any]:
    """Controls on the left, the chart and its explanation on the right."""
    return st.columns(list(ratio), gap="large")


def reset_button(state: PageState, label: str = RESET_LABEL) -> None:
    """The button that brings the page back to the notebook's example."""
    st.button(label, on_click=state.reset, help=RESET_HELP)


def show_error(exc: Exception) -> None:
    """Show a learner-facing message for a ``ValueError`` from ``core``.

    The message may quote what the learner typed or a link held: long quotes are
    cut and the message is shown as text, never as markup (``text.safe``).
    """
    st.error(sentence(clip_quotes(str(exc))))


def compute(
    key: str,
    fn: Callable[..., T],
    *args: Any,
    shared: bool = False,
    **kwargs: Any,
) -> T:
    """Run ``fn``; on ``ValueError`` show it and fall back to the last good result.

    The last good result is kept per session under ``key``, so a typo never
    blanks the chart. With no good result yet, the view ends here (after the
    error is shown; :class:`NothingToDraw`): there is nothing meaningful to draw,
    and :func:`run` still draws the reset button and the link.

    With ``shared`` the result is computed once per distinct arguments and shared
    by every session (bounded): for pure ``core`` work that costs more than the
    lookup, such as an optimiser's whole trajectory. Results are read, never
    changed, by views and figures.
    """
    try:
        if shared:
            name = f"{fn.__module__}.{fn.__qualname__}"
            result = _shared_result(name, args, tuple(sorted(kwargs.items())), fn)
        else:
            result = fn(*args, **kwargs)
    except ValueError as exc:
        show_error(exc)
        last = _last_good().get(key)
        if last is None:
            raise NothingToDraw(key) from exc
        st.caption("The charts show the last valid input until this is fixed.")
        return cast(T, last)
    _last_good()[key] = result
    return cast(T, result)


def _last_good() -> dict[str, Any]:
    """This page's last good results, by key: one session key for all of them.

    Forgotten when another page is entered (every widget call walks all session
    keys, so each page's results used to stay for the whole lesson).
    """
    kept = st.session_state.get(_LAST_GOOD)
    page_id = current_page()
    if not isinstance(kept, dict) or kept.get("page") != page_id:
        kept = {"page": page_id, "results": {}}
        st.session_state[_LAST_GOOD] = kept
    return cast(dict[str, Any], kept["results"])


@shared_cache.shared(max_entries=256)
def _shared_result(
    name: str,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    _fn: Callable[..., Any],
) -> Any:
    return _fn(*args, **dict(kwargs))


class NothingToDraw(Exception):
    """A view has no valid result yet (a bad first input): :func:`run` ends it.

    ``st.stop()`` would also end the page, but nothing can be drawn after it:
    not the reset button that brings the learner back, nor the link.
    """


@runtime_checkable
class Keyed(Protocol):
    """A ``core`` result that names the inputs it was computed from."""

    @property
    def key(self) -> Hashable: ...


R = TypeVar("R", bound=Keyed)


@shared_cache.shared(max_entries=128)
def _cached_figure(
    builder: str,
    key: Hashable,
    extra_keys: tuple[Hashable, ...],
    _build: Callable[..., go.Figure],
    _result: Any,
    _extra: tuple[Any, ...],
) -> go.Figure:
    with plain_figures():  # no Plotly objects: the frozen dict is all that is read
        built = _build(_result, *_extra)
    return freeze(built)


def _key_of(value: Any) -> Hashable:
    """A ``core`` result by its ``key`` (it holds arrays); anything else as it is."""
    return cast(Hashable, value.key) if isinstance(value, Keyed) else value


def figure_of(build: Callable[..., go.Figure], result: R, *extra: Any) -> go.Figure:
    """``build(result, *extra)``, built once per ``result.key`` and shared by sessions.

    An ``extra`` argument that is a ``core`` result counts by its ``key``.

    Figures are cached as objects (:mod:`ui.shared_cache`), not pickled copies: a figure
    with animation frames takes as long to unpickle as to build, and
    ``st.plotly_chart`` only reads it. :func:`viz.style.freeze` encodes it once,
    straight from the builder's dicts (``viz.style.plain_figures``: Plotly's
    objects are built only if something reads them).
    """
    name = f"{build.__module__}.{build.__qualname__}"
    keys = tuple(_key_of(e) for e in extra)
    return _cached_figure(name, result.key, keys, build, result, extra)


def formula(latex: str) -> None:
    """The formula with today's numbers substituted."""
    if predict.hiding():
        return
    take_home.add_formula(latex)
    st.latex(latex)


def explain(text: str) -> None:
    """One or two sentences saying what the chart shows right now."""
    if predict.hiding():
        return
    take_home.add_sentence(text)
    st.markdown(text)


def chart(fig: go.Figure, *, key: str, alt: str, **select: Any) -> None:
    """Show a figure; ``alt`` (the explanation sentence) is its text alternative.

    ``select``: ``on_select`` and ``selection_mode`` for a chart a learner clicks.
    While the learner predicts, a chart that gives the answer away is replaced by
    a note, and the others lose their numbers in ``alt`` (``ui.predict``).
    """
    if predict.hides_chart(key):
        st.caption(predict.HIDDEN_CHART)
        return
    if predict.hiding():
        alt, fig = predict.HIDDEN_ALT, predict.bare(key, fig)
    take_home.add_sentence(alt)
    take_home.add_figure(fig, key)
    alt = alt.replace("**", "").replace("`", "")  # markdown is not for screen readers
    shown = presentation.figure(fig)  # bigger text and lines in presentation mode
    if not select and still_chart.drawable(shown):  # the page's small Plotly
        still_chart.show(shown, key=key, alt=alt, config=CHART_CONFIG)
    else:
        st.plotly_chart(
            shown,
            key=key,
            width="stretch",
            theme=None,
            config=CHART_CONFIG,
            alt=alt,
            **select,
        )
    if not predict.hiding():  # the numbers would give the answer away
        show_numbers(fig, key)
