"""Share this view: the link holds the view's values, the lesson link its hidden
controls and mode, and the QR code reads back as that link."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
import segno
import zxingcpp
from PIL import Image
from streamlit.testing.v1 import AppTest

from tests.helpers import page_test
from ui import share
from ui.share import Lesson, lesson_params, qr_png
from ui.topics import TOPICS
from views.teachers import contents


def _open_share(at: AppTest, tick: tuple[str, ...] = (), mode: str = "") -> AppTest:
    """Tick boxes (by control name) and a mode, then press Share this view."""
    for name in tick:
        at.session_state[f"_share_hide_{name}"] = True
    if mode:
        at.session_state["_share_mode"] = mode
    button = next(b for b in at.button if b.label == share.SHARE_LABEL)
    button.click().run()
    assert not at.exception
    return at


def _links(at: AppTest) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("http")]


def _query(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def test_every_page_has_the_share_button() -> None:
    at = page_test("pages/equations.py").run()
    assert share.SHARE_LABEL in [b.label for b in at.button]


def test_the_link_holds_the_current_values_of_the_view() -> None:
    at = page_test("pages/bayes.py", {"p_a": "0.01"}).run()
    at.slider(key="p_b_given_a__slider").set_value(0.95).run()
    this_view, lesson = _links(_open_share(at))
    assert urlsplit(this_view).path == "/bayes"
    assert _query(this_view) == {"p_a": "0.01", "p_b_given_a": "0.95"}
    assert lesson == this_view  # nothing ticked: the lesson is this view


def test_the_lesson_link_hides_the_ticked_controls_by_name() -> None:
    at = page_test("pages/bayes.py", {"p_a": "0.01"}).run()
    labels = [c.label for c in _open_share(at).checkbox]
    assert "P(B|A) — sensitivity" in labels  # ticked by label, not by URL name
    at = page_test("pages/bayes.py", {"p_a": "0.01"}).run()
    _, lesson = _links(_open_share(at, tick=("p_b_given_a", "view")))
    assert _query(lesson) == {"p_a": "0.01", "hide": "view,p_b_given_a"}


def test_controls_already_hidden_start_ticked() -> None:
    at = page_test("pages/equations.py", {"a": "0", "hide": "a"}).run()
    at = _open_share(at)
    ticked = {c.label for c in at.checkbox if c.value}
    assert ticked == {"a (slope)"}
    assert _query(_links(at)[1]) == {"a": "0", "hide": "a"}


def test_the_lesson_link_opens_in_a_mode_the_page_has() -> None:
    at = page_test("pages/equations.py", {"a": "3"}).run()
    has = [mode for mode in share.MODES if _declared(mode)]
    at = _open_share(at)
    offered = {option for radio in at.radio for option in radio.options}
    assert [m for m, label in share.MODES.items() if label in offered] == has
    for mode in has:
        at = page_test("pages/equations.py", {"a": "3"}).run()
        _, lesson = _links(_open_share(at, mode=mode))
        assert _query(lesson) == {"a": "3", mode: "1"}


def _declared(name: str) -> bool:
    """Whether the equations page declares the parameter ``name``."""
    equations = next(t for t in TOPICS if t.slug == "equations")
    return any(p.name == name for p in contents(equations).params)


def test_the_share_box_shows_one_qr_code() -> None:
    at = _open_share(page_test("pages/equations.py").run())
    assert len(at.get("image")) == 1


def test_a_localhost_link_says_students_cannot_open_it() -> None:
    at = _open_share(page_test("pages/equations.py").run())
    assert any("cannot open" in w.value for w in at.warning)


def test_lesson_params_replace_hide_and_mode() -> None:
    current = {"a": "0", "hide": "b", "present": "1"}
    assert lesson_params(current, ["a", "a"]) == {"a": "0", "hide": "a"}
    assert lesson_params(current, [], "present") == {"a": "0", "present": "1"}


def test_a_lesson_is_its_query_string() -> None:
    lesson = Lesson("t", "about", {"a": "0", "hide": "a,b"})
    assert lesson.query() == "?a=0&hide=a,b"


LINKS = [
    "http://192.168.1.20:8501/bayes?p_a=0.01&hide=p_b_given_a",
    "http://10.0.0.5:8080/correlation?view=data&x=1%2C+2%2C+3&y=2%2C+4%2C+7",
    "http://classroom.local:8501/matrices?view=layer&w=0.2%2C+-0.5%2C+1%3B+1.5"
    "%2C+0.3%2C+-0.8&x=1%2C+2%2C+3&act=sigmoid&present=1",
]


@pytest.mark.parametrize("url", LINKS)
def test_the_qr_code_reads_back_as_the_link(url: str) -> None:
    picture = Image.open(io.BytesIO(qr_png(url)))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [url]


@pytest.mark.parametrize("url", LINKS)
def test_the_qr_picture_is_segnos_matrix_with_its_quiet_zone(url: str) -> None:
    picture = Image.open(io.BytesIO(qr_png(url))).convert("L")
    matrix = segno.make(url, micro=False, error="m", boost_error=True).matrix
    modules = len(matrix) + 8  # four light modules each side
    scale = picture.width // modules
    assert picture.width == modules * scale
    assert scale * modules >= 300  # big enough to scan off a projector
    pixels = np.asarray(picture)  # one grey level per pixel
    centre = scale * 4 + scale // 2 + scale * np.arange(len(matrix))
    read = (pixels[np.ix_(centre, centre)] < 128).tolist()
    assert read == [[bool(v) for v in row] for row in matrix]


def test_a_link_too_long_for_a_qr_code_says_so() -> None:
    # 200 numbers (the page's most): 2,800 characters once encoded in the link,
    # more than a QR code with error correction M holds (2,331 bytes)
    numbers = ", ".join(f"{100_000_000 + 7 * i}.25" for i in range(200))
    at = _open_share(
        page_test("pages/descriptive_statistics.py", {"data": numbers}).run()
    )
    assert not at.get("image")
    assert any("too long for a QR code" in c.value for c in at.caption)
    assert _query(_links(at)[0])["data"] == numbers  # the link itself is whole
