"""The Vectors page as a learner uses it (AppTest)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers import figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/vectors.py"


def panels(at) -> list[tuple[str, str]]:
    """(code, output) of each code panel, in page order."""
    blocks = [block.value for block in at.code]
    return list(zip(blocks[::2], blocks[1::2], strict=True))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_default_is_notebook_cell_2() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert at.text_input(key="a").value == "1, 2, 3"
    assert at.text_input(key="b").value == "4, 5, 6"
    (code, output), (angle_code, angle_output) = panels(at)
    assert output == "np.int64(32)"  # Out[2]: np.int64(32)
    assert repr(run_snippet(code)) == "np.int64(32)"
    assert repr(run_snippet(angle_code)) == angle_output
    assert "1·4 + 2·5 + 3·6 = 32" in texts(at)
    assert metrics(at)["a·b"] == "32"
    assert metrics(at)["angle θ"] == "12.93°"
    waterfall = figures(at)[1]["data"][0]
    assert list(waterfall["y"][:3]) == [4, 10, 18]
    assert dict(at.query_params) == {}


def test_typing_new_vectors_updates_everything() -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key="a").set_value("1, 0, -1, 2").run()
    at.text_input(key="b").set_value("2, 5, 2, 1").run()
    assert not at.exception
    assert not at.error
    assert "1·2 + 0·5 + (-1)·2 + 2·1 = 2" in texts(at)
    code, output = panels(at)[0]
    assert output == "np.int64(2)"
    assert run_snippet(code) == 2
    assert at.query_params["a"] == "1, 0, -1, 2"
    assert "4-D vectors" in figures(at)[0]["layout"]["title"]["text"]


def test_plane_sliders_move_the_arrow_and_the_numbers() -> None:
    at = page_test(SCRIPT, {"view": "plane"}).run()
    assert metrics(at)["a·b"] == "11"  # (2, 3)·(4, 1)
    at.number_input(key="ax").set_value(-1.0).run()
    assert not at.exception
    assert metrics(at)["a·b"] == "-1"  # (-1)·4 + 3·1
    arrow = trace(figures(at)[0], "a = ")
    assert list(arrow["x"]) == [0, -1]
    assert list(arrow["y"]) == [0, 3]
    assert at.query_params["ax"] == "-1"
    code, output = panels(at)[0]
    assert repr(run_snippet(code)) == output == "np.int64(-1)"


def test_view_change_keeps_the_url_in_step() -> None:
    at = page_test(SCRIPT).run()
    at.segmented_control(key="view").set_value("plane").run()
    assert at.query_params["view"] == "plane"
    assert at.slider(key="ax__slider").value == 2.0


@pytest.mark.parametrize(
    ("preset", "words"),
    [
        ("Orthogonal", "**orthogonal**"),
        ("Parallel", "**parallel**"),
        ("Opposite", "**opposite**"),
        ("Zero vector", "there is no angle"),
    ],
)
def test_presets_name_their_case(preset: str, words: str) -> None:
    at = page_test(SCRIPT, {"view": "plane"}).run()
    next(b for b in at.button if b.label == preset).click().run()
    assert not at.exception
    assert words in texts(at)


def test_zero_vector_says_undefined_instead_of_nan() -> None:
    at = page_test(SCRIPT, {"a": "0, 0, 0"}).run()
    assert not at.exception
    assert not at.error
    assert metrics(at)["cos θ: undefined"] == "—"
    assert metrics(at)["angle θ: undefined"] == "—"
    assert "nan" not in texts(at).lower()
    code, output = panels(at)[1]
    assert (
        run_snippet(code) == "a zero vector has no direction: no angle, no projection"
    )
    assert "no direction" in output


def test_url_parameters_are_applied() -> None:
    at = page_test(
        SCRIPT, {"view": "plane", "ax": "3", "ay": "4", "bx": "4", "by": "-3"}
    )
    at.run()
    assert at.number_input(key="ax").value == 3.0
    assert "**orthogonal**" in texts(at)
    assert metrics(at)["angle θ"] == "90°"


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(
        SCRIPT, {"a": "1, 2, x", "b": "1, 2, 3, 4, 5, 6, 7", "ax": "99", "view": "3d"}
    ).run()
    assert not at.exception
    assert not at.error
    assert at.text_input(key="a").value == "1, 2, 3"
    assert at.text_input(key="b").value == "4, 5, 6"
    notes = " ".join(c.value for c in at.caption)
    for name in ("a", "b", "ax", "view"):
        assert f"Ignored `{name}`" in notes


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("1, 2, 3", "4, 5", "a has 3 numbers but b has 2"),
        ("1, two, 3", "4, 5, 6", "'two' is not a number"),
        ("1, nan, 3", "4, 5, 6", "not allowed"),
        ("", "4, 5, 6", "a is empty"),
        ("1, 2, 3, 4, 5, 6, 7", "1, 2, 3, 4, 5, 6, 7", "the most this page takes is 6"),
    ],
)
def test_bad_input_shows_an_error_and_keeps_the_last_chart(
    a: str, b: str, message: str
) -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key="a").set_value(a)
    at.text_input(key="b").set_value(b).run()
    assert not at.exception
    assert message in " ".join(e.value for e in at.error)
    assert "1·4 + 2·5 + 3·6 = 32" in texts(at)  # the last good result stays
    assert len(figures(at)) == 2


def test_plane_figure_has_fixed_axes() -> None:
    at = page_test(SCRIPT, {"view": "plane"}).run()
    before = figures(at)[0]["layout"]["xaxis"]["range"]
    at.number_input(key="bx").set_value(0.5).run()
    after = figures(at)[0]["layout"]["xaxis"]["range"]
    assert before == after
    projection = trace(figures(at)[0], "projection of a on b")
    foot = np.array([projection["x"][1], projection["y"][1]])
    b = np.array([0.5, 1.0])
    np.testing.assert_allclose(foot, (np.dot([2, 3], b) / np.dot(b, b)) * b)
