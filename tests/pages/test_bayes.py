"""The Bayes page as a learner and a teacher use it (AppTest)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/bayes.py"


def control(at: AppTest, key: str) -> Any:
    """The widget with ``key``, whatever its kind (segmented controls included)."""
    for kind in ("number_input", "radio", "selectbox", "text_input", "slider"):
        for element in at.get(kind):
            if element.key == key:
                return element
    for element in at.get("segmented_control"):
        if element.key == key:
            return element
    raise AssertionError(f"no control {key!r}")


def press(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    return button.click().run()


def words_on(at: AppTest) -> str:
    """Every sentence on the page: markdown, captions, formulas, errors and call-outs."""
    boxes = [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join([texts(at), *boxes])


def title(figure: dict) -> str:
    return figure["layout"]["title"]["text"]


def icon_grid(figure: dict) -> tuple[int, int]:
    """(rows, columns) of the live icon array, read from its fixed axes."""
    layout = figure["layout"]
    return round(layout["yaxis"]["range"][0] + 0.5), round(
        layout["xaxis"]["range"][1] + 0.5
    )


def group_points(figure: dict) -> np.ndarray:
    """Every corner of the four groups' outlines (live icon array), shape (m, 2)."""
    groups = [t for t in figure["data"] if str(t.get("uid", "")).startswith("group-")]
    assert len(groups) == 4
    return np.array(
        [
            (x, y)
            for t in groups
            for x, y in zip(t["x"], t["y"], strict=True)
            if x is not None
        ],
        dtype=float,
    ).reshape(-1, 2)


def code_matches_output(at: AppTest) -> Any:
    code, output = code_panel(at)
    value = run_snippet(code)
    assert repr(value) == output
    return value


# -- the notebook cell -------------------------------------------------------------------


def test_default_is_notebook_cell_8() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert not at.error
    assert control(at, "p_a").value == 0.3
    assert control(at, "p_b_given_a").value == 0.8
    assert control(at, "p_b").value == 0.5
    code, output = code_panel(at)
    assert output == "0.48"  # Out[8]: 0.48
    assert run_snippet(code) == 0.48
    assert r"\frac{0.8 \times 0.3}{0.5} = 0.48" in at.latex[0].value
    words = words_on(at)
    assert "**P(A|B) = 48 %**" in words
    assert "of the 500 positives, **240 — 48 % — have A**" in words
    icons = figures(at)[0]
    assert icon_grid(icons) == (20, 50)
    assert "P(A|B) ≈ 240 of 500 = 48 %" in title(icons)
    assert list(trace(figures(at)[1], "belief")["y"]) == pytest.approx(
        [0.3, 0.48, 0.12]
    )
    assert dict(at.query_params) == {}


# -- each control --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "posterior"),
    [
        ("p_a", 0.4, 0.8 * 0.4 / 0.5),
        ("p_b_given_a", 0.5, 0.5 * 0.3 / 0.5),
        ("p_b", 0.6, 0.8 * 0.3 / 0.6),
    ],
)
def test_each_probability_moves_the_posterior(
    key: str, value: float, posterior: float
) -> None:
    at = page_test(SCRIPT).run()
    control(at, key).set_value(value).run()
    assert not at.exception
    assert not at.error
    assert code_matches_output(at) == pytest.approx(posterior)
    bars = trace(figures(at)[1], "belief")
    assert bars["y"][1] == pytest.approx(posterior)
    assert at.query_params[key] == f"{value:g}"


def test_switching_to_the_natural_form_carries_the_situation_over() -> None:
    at = page_test(SCRIPT).run()
    control(at, "form").set_value("natural").run()
    assert not at.exception
    # P(B) = 0.5 becomes the false-positive rate it implies, 0.26 / 0.7 ≈ 0.3714
    assert control(at, "p_b_given_not_a").value == 0.3714
    words = words_on(at)
    assert "P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A)) = 0.5 by total probability" in words
    assert code_matches_output(at) == pytest.approx(0.48, abs=1e-4)
    control(at, "p_b_given_not_a").set_value(0.1).run()
    assert code_matches_output(at) == pytest.approx(0.24 / (0.24 + 0.07))
    # and back: P(B) follows from the rates
    control(at, "form").set_value("notebook").run()
    assert control(at, "p_b").value == pytest.approx(0.31)
    assert code_matches_output(at) == pytest.approx(0.24 / 0.31)


def test_story_changes_the_words() -> None:
    at = page_test(SCRIPT).run()
    control(at, "story").set_value("disease").run()
    assert "Of 1,000 people, 300 have the disease" in words_on(at)
    assert trace(figures(at)[0], "ill and positive: 240")


@pytest.mark.parametrize(("n", "shape"), [("100", (10, 10)), ("10000", (100, 100))])
def test_population_sets_the_icon_array(n: str, shape: tuple[int, int]) -> None:
    at = page_test(SCRIPT).run()
    control(at, "n").set_value(n).run()
    icons = figures(at)[0]
    assert icon_grid(icons) == shape
    assert f"Of {int(n):,} people" in words_on(at)


@pytest.mark.parametrize(
    ("perspective", "outline", "words"),
    [
        ("likelihood", "outlined: the A group (300)", "240 / 300 = 80 %"),
        ("all", "outlined: the B group (500)", "The whole population of 1,000"),
    ],
)
def test_perspective_switch(perspective: str, outline: str, words: str) -> None:
    at = page_test(SCRIPT).run()
    control(at, "perspective").set_value(perspective).run()
    assert trace(figures(at)[0], outline)
    assert words in words_on(at)
    assert at.query_params["perspective"] == perspective


def test_tree_view() -> None:
    at = page_test(SCRIPT, {"view": "tree"}).run()
    assert not at.exception
    tree = figures(at)[0]
    assert title(tree) == "P(A|B) = P(A∩B) / P(B) = 0.24 / 0.5 = 0.48"
    assert "P(A|B) = 0.48" in list(trace(tree, "branch probabilities")["text"])
    assert code_matches_output(at) == 0.48


def test_area_view() -> None:
    at = page_test(SCRIPT, {"view": "area"}).run()
    assert not at.exception
    square = figures(at)[0]
    areas = sorted(
        (s["x1"] - s["x0"]) * (s["y1"] - s["y0"]) for s in square["layout"]["shapes"]
    )
    assert areas == pytest.approx([0.06, 0.24, 0.26, 0.44])


def test_sequential_updating_view() -> None:
    at = page_test(SCRIPT, {"view": "update"}).run()
    assert not at.exception
    beliefs = code_matches_output(at)
    assert beliefs[:2] == [0.3, pytest.approx(0.48)]
    assert len(beliefs) == 4  # before, and after 1, 2, 3 positive results
    assert list(figures(at)[0]["data"][0]["y"]) == pytest.approx(beliefs)
    assert "independent given A" in " ".join(i.value for i in at.info)
    control(at, "results").set_value("+-").run()
    assert len(code_matches_output(at)) == 3
    assert "after result 2 (negative)" in words_on(at)


def test_naive_bayes_view() -> None:
    at = page_test(SCRIPT, {"view": "naive"}).run()
    assert not at.exception
    assert code_matches_output(at) == pytest.approx(0.00075 / (0.00075 + 0.00015))
    assert "The naive assumption" in " ".join(i.value for i in at.info)
    control(at, "spam_meeting").set_value(0.2).run()
    assert code_matches_output(at) == pytest.approx(
        0.5 * 0.3 * 0.25 * 0.2 / (0.0075 + 0.00015)
    )
    assert at.query_params["spam_meeting"] == "0.2"
    control(at, "message").set_value("winner lunch").run()
    assert code_matches_output(at) == pytest.approx(0.005 / (0.005 + 0.0005))
    assert [s.key for s in at.slider] == [
        "p_spam",
        "spam_winner",
        "genuine_winner",
        "spam_lunch",
        "genuine_lunch",
    ]
    control(at, "p_spam").set_value(0.1).run()
    assert code_matches_output(at) == pytest.approx(0.001 / (0.001 + 0.0009))


def test_values_survive_a_trip_to_another_view() -> None:
    at = page_test(SCRIPT).run()
    control(at, "p_a").set_value(0.4).run()
    control(at, "view").set_value("naive").run()
    assert at.query_params["p_a"] == "0.4"
    control(at, "view").set_value("icons").run()
    assert control(at, "p_a").value == 0.4
    assert code_matches_output(at) == pytest.approx(0.64)


# -- presets and links -------------------------------------------------------------------------------

PRESETS = {
    "Disease test": ("disease", 0.009 / 0.0585, "90 of 585"),
    "Spam filter": ("spam", 0.12 / 0.126, "120 of 126"),
    "Factory part": ("factory", 0.019 / (0.019 + 0.0294), "190 of 484"),
}


@pytest.mark.parametrize("label", PRESETS)
def test_each_preset_is_a_url_state(label: str) -> None:
    story, posterior, fraction = PRESETS[label]
    at = press(page_test(SCRIPT).run(), label)
    assert not at.exception
    assert code_matches_output(at) == pytest.approx(posterior)
    assert fraction in title(figures(at)[0])
    link = dict(at.query_params)
    assert link["story"] == story
    # a teacher's link opens the same view in a fresh session
    fresh = page_test(SCRIPT, link).run()
    assert code_panel(fresh) == code_panel(at)
    assert title(figures(fresh)[0]) == title(figures(at)[0])


def test_notebook_preset_goes_back_to_the_cell_but_keeps_the_view() -> None:
    at = page_test(SCRIPT, {"view": "tree", "story": "spam", "p_a": "0.4"}).run()
    at = press(at, "Notebook")
    assert code_panel(at)[1] == "0.48"
    assert dict(at.query_params) == {"view": "tree"}


def test_url_parameters_are_applied() -> None:
    query = {
        "form": "natural",
        "p_a": "0.01",
        "p_b_given_a": "0.9",
        "p_b_given_not_a": "0.05",
        "story": "disease",
        "n": "10000",
        "view": "area",
        "perspective": "likelihood",
    }
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert control(at, "p_b_given_not_a").value == 0.05
    assert "P(A|B) = 15.4 %" in words_on(at)
    assert "Base-rate fallacy" in at.warning[0].value
    assert "P(B|A) = height" in title(figures(at)[0])


def test_bad_url_values_fall_back_with_a_note() -> None:
    query = {
        "p_a": "2",
        "form": "bayesian",
        "results": "abc",
        "message": "hello",
        "n": "7",
    }
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    notes = " ".join(c.value for c in at.caption)
    for key in query:
        assert f"Ignored `{key}`" in notes
    assert code_panel(at)[1] == "0.48"


# -- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"p_b": 0.2}, "P(B) must be at least P(B|A)·P(A) = 0.24"),
        (
            {"p_a": 0.5, "p_b": 0.95},
            "P(B) must be at most P(B|A)·P(A) + 1 − P(A) = 0.9",
        ),
        ({"p_a": 0.0, "p_b": 0.0}, "P(B) = 0 means the evidence B never happens"),
    ],
)
def test_impossible_triples_are_named_and_the_chart_kept(
    changes: dict[str, float], message: str
) -> None:
    at = page_test(SCRIPT).run()
    for key, value in changes.items():
        control(at, key).set_value(value).run()
    assert not at.exception
    assert message in at.error[0].value
    assert "P(A|B) ≈ " in title(figures(at)[0]), "the last good chart stays"
    for number in figures(at)[1]["data"][0]["y"]:
        assert 0 <= number <= 1


def test_natural_form_without_any_evidence_is_an_error() -> None:
    at = page_test(SCRIPT, {"form": "natural"}).run()
    control(at, "p_a").set_value(0.0).run()
    control(at, "p_b_given_not_a").set_value(0.0).run()
    assert not at.exception
    assert "the evidence B never happens" in at.error[0].value


def test_impossible_link_shows_the_message_without_a_traceback() -> None:
    at = page_test(SCRIPT, {"p_b": "0.1"}).run()
    assert not at.exception
    assert "P(B) must be at least P(B|A)·P(A) = 0.24" in at.error[0].value


@pytest.mark.parametrize(
    ("view", "key", "value", "message"),
    [
        ("update", "results", "+x", "is neither"),
        ("naive", "message", "free hello", "not in this small vocabulary"),
    ],
)
def test_bad_text_input_shows_an_error(
    view: str, key: str, value: str, message: str
) -> None:
    at = page_test(SCRIPT, {"view": view}).run()
    control(at, key).set_value(value).run()
    assert not at.exception
    assert message in at.error[0].value
    assert figures(at), "the last good chart stays"


def test_naive_bayes_with_zero_in_both_classes() -> None:
    at = page_test(
        SCRIPT, {"view": "naive", "genuine_free": "0", "spam_meeting": "0"}
    ).run()
    assert not at.exception
    assert "Laplace smoothing" in at.error[0].value


# -- edge cases named on the page --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"p_a": "0", "p_b": "0.3"}, "P(A) = 0"),
        ({"p_a": "1", "p_b": "0.8"}, "P(A) = 1"),
        ({"p_b": "0.24"}, "Certain evidence"),
        ({"p_b_given_a": "1", "p_b": "1"}, "P(B) = 1"),
    ],
)
def test_edge_cases_are_named(query: dict[str, str], note: str) -> None:
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert not at.error
    assert note in " ".join(i.value for i in at.info)
    code_matches_output(at)
    icons = figures(at)[0]
    rows, cols = icon_grid(icons)
    corners = group_points(icons)  # every group inside the grid of people
    assert corners.min() >= -0.5
    assert (corners.max(axis=0) <= [cols - 0.5, rows - 0.5]).all()
