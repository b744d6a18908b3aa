"""Share this view: the exact link, a QR code made offline, and a lesson link.

Every page draws one **Share this view** button under its controls
(:func:`share_button`, called by ``ui.page.run``). It opens a dialog with

- the link of the view on screen (every control's value, the view, ``hide=``),
  built from :meth:`ui.url_state.PageState.url_params` and the address the
  browser used (``st.context.url``), in a copyable box;
- a **lesson link** builder: tick the controls to hide, by their labels, and pick
  how the lesson opens (presentation mode, predict first) when the page has those
  switches;
- the QR code of the lesson link, drawn here by ``segno`` (no network), large
  enough to scan from the back of a room when projected.

The dialog is a fragment: ticking a box reruns the dialog only, not the page.
A ready lesson is data (:class:`Lesson`), listed per topic next to its views and
shown on the teacher notes page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from ui.url_state import HIDE_KEY, PageState

__all__ = [
    "MODES",
    "SHARE_LABEL",
    "Lesson",
    "hide_labels",
    "lesson_params",
    "link",
    "page_url",
    "qr_code",
    "qr_png",
    "share_button",
]

SHARE_LABEL = "Share this view"
#: How a lesson link opens: the URL switch (a page parameter) and its label.
#: A mode is offered only on a page that declares that parameter.
MODES: dict[str, str] = {
    "present": "Presentation mode (large text, no sidebar)",
    "predict": "Predict first (answers hidden until a guess)",
}
NORMAL = "normal"
#: Pixels of the QR code on screen: about a fifth of a projected 1080p picture's
#: width, readable by a phone from the back of a 30-seat room.
QR_PIXELS = 420
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})
_HIDE_WIDGET = "_share_hide_"
_MODE_WIDGET = "_share_mode"


@dataclass(frozen=True)
class Lesson:
    """A ready lesson link: a title, what it shows, and its link values.

    ``params`` are URL keys and their text, exactly as in a link (``hide`` and
    ``view`` included): ``Lesson("No solution", "...", {"a": "0", "hide": "a"})``.
    """

    title: str
    about: str
    params: Mapping[str, str] = field(default_factory=dict)

    def query(self) -> str:
        """``?a=0&hide=a,b`` (or ``""``)."""
        return link("", self.params)


def page_url(slug: str) -> str:
    """The address of this page as the browser reached it, without the query.

    ``st.context.url`` holds the scheme, host, port and page path the browser
    used; a session with no browser (a test) gets ``http://localhost:8501/slug``.
    """
    url = st.context.url
    if url:
        return url
    host = st.context.headers.get("Host") or "localhost:8501"
    return f"http://{host}/{slug}"


def link(base: str, params: Mapping[str, str]) -> str:
    """``base`` plus the query string of ``params``, URL-encoded but for commas.

    Commas are legal in a query and keep ``hide=a,b`` and lists readable.

    >>> link("http://h:8501/bayes", {"p_a": "0.01", "hide": "p_a,view"})
    'http://h:8501/bayes?p_a=0.01&hide=p_a,view'
    """
    return base + ("?" + urlencode(params, safe=",") if params else "")


def is_local(url: str) -> bool:
    """True when the link names this computer only (students cannot open it)."""
    return (urlsplit(url).hostname or "") in _LOCAL_HOSTS


def lesson_params(
    current: Mapping[str, str], hide: Sequence[str], mode: str = NORMAL
) -> dict[str, str]:
    """The lesson link's values: the view's values, ``hide=`` and one mode switch.

    >>> lesson_params({"a": "0", "hide": "b", "present": "1"}, ["a"], "predict")
    {'a': '0', 'hide': 'a', 'predict': '1'}
    """
    params = {k: v for k, v in current.items() if k != HIDE_KEY and k not in MODES}
    if hide:
        params[HIDE_KEY] = ",".join(dict.fromkeys(hide))
    if mode in MODES:
        params[mode] = "1"
    return params


def hide_labels(state: PageState, names: Sequence[str]) -> dict[str, str]:
    """Controls a lesson may hide, ``name -> label`` (a label two share gets its name)."""
    names = [n for n in dict.fromkeys(names) if n in state.params and n not in MODES]
    labels = [state.params[n].label for n in names]
    return {
        n: label if labels.count(label) == 1 else f"{label} ({n})"
        for n, label in zip(names, labels, strict=True)
    }


def qr_code(text: str) -> segno.QRCode:
    """The QR code of ``text`` (a full-size code, error correction M or better)."""
    return segno.make(text, micro=False, error="m", boost_error=True)


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(text: str) -> bytes:
    """The QR code of ``text`` as a PNG about :data:`QR_PIXELS` wide, quiet zone kept.

    Raises ``ValueError`` (segno's ``DataOverflowError``) when the text is longer
    than a QR code holds.
    """
    code = qr_code(text)
    width, _ = code.symbol_size(scale=1, border=4)
    out = io.BytesIO()
    code.save(out, kind="png", scale=max(4, QR_PIXELS // width), border=4)
    return out.getvalue()


def share_button(state: PageState, slug: str, names: Sequence[str]) -> None:
    """The **Share this view** button; ``names``: the controls of the view on screen."""
    if st.button(SHARE_LABEL, key="_share_button", help="A link and a QR code"):
        _share_dialog(state, slug, tuple(names))


@st.dialog(SHARE_LABEL, width="large")
def _share_dialog(state: PageState, slug: str, names: tuple[str, ...]) -> None:
    base = page_url(slug)
    current = state.url_params()
    st.markdown("**This view**: every control's value is in the link.")
    st.code(link(base, current), language=None, wrap_lines=True)
    if is_local(base):
        st.warning(
            "This address names this computer only: students' devices cannot open "
            "it. Open the app at this computer's network address (README, "
            "*Serving a room*) and share again."
        )
    left, right = st.columns([1.15, 1], gap="large")
    with left:
        st.markdown("**Lesson link**: what the QR code opens.")
        slot = st.empty()  # filled below, once the boxes are read
        lesson = link(base, _lesson_form(state, current, names))
        slot.code(lesson, language=None, wrap_lines=True)
    with right:
        try:
            st.image(qr_png(lesson), width=QR_PIXELS, caption="Scan to open the lesson")
        except ValueError:
            st.caption("This link is too long for a QR code: copy it instead.")


def _lesson_form(
    state: PageState, current: Mapping[str, str], names: Sequence[str]
) -> dict[str, str]:
    """Tick boxes for the controls to hide and the mode; the lesson's link values."""
    modes = {NORMAL: "As it is"} | {k: v for k, v in MODES.items() if k in state.params}
    now = next((k for k in MODES if current.get(k) == "1" and k in modes), NORMAL)
    mode = NORMAL
    if len(modes) > 1:
        mode = st.radio(
            "Open the lesson in",
            list(modes),
            index=list(modes).index(now),
            format_func=modes.__getitem__,
            key=_MODE_WIDGET,
        )
    st.markdown("**Hide these controls** (their values still apply):")
    labels = hide_labels(state, names)
    boxes = st.columns(2)
    hide = [
        name
        for i, (name, label) in enumerate(labels.items())
        if boxes[i % 2].checkbox(
            label,
            value=name in state.hidden,
            key=_HIDE_WIDGET + name,
            help=f"In the link: {HIDE_KEY}={name}",
        )
    ]
    return lesson_params(current, hide, mode)
