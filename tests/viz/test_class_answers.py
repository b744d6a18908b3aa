"""The projector's dot plot of the class's answers."""

from __future__ import annotations

import json

import numpy as np

from viz.class_answers import BINS, class_answers_figure, stack
from viz.style import CURRENT, TARGET, validate


def test_one_dot_per_answer_stacked_in_bins() -> None:
    x, y = stack((1.0, 1.0, 1.0, 5.0), (0.0, 10.0))
    assert y.tolist() == [1.0, 2.0, 3.0, 1.0]
    assert x[0] == x[1] == x[2] != x[3]
    assert 0 < x[0] < 10 / BINS * 3


def test_count_in_the_title_and_no_answer_before_the_reveal() -> None:
    fig = class_answers_figure(
        (0.4, 0.5, 0.45), answered=3, students=30, tolerance=0.05
    )
    validate(fig)
    assert fig.layout.title.text == "3 of 30 students answered"
    (dots,) = fig.data
    assert len(dots.x) == 3
    assert dots.marker.color == CURRENT
    assert not fig.layout.shapes  # the true answer is not drawn yet
    assert dots.text is None  # names hidden by default


def test_the_range_before_the_reveal_comes_from_the_answers_only() -> None:
    """A range centred on the true answer would give it away."""
    a = class_answers_figure((1.0, 3.0), answered=2, students=2, tolerance=0.1)
    b = class_answers_figure((1.0, 3.0), answered=2, students=2, tolerance=5.0)
    assert list(a.layout.xaxis.range) == list(b.layout.xaxis.range)


def test_the_revealed_answer_is_a_line_with_its_close_band() -> None:
    fig = validate(
        class_answers_figure(
            (1.0, 1.2), answered=2, students=3, answer=2.0, tolerance=0.1
        )
    )
    band, line = fig.layout.shapes
    assert (band.x0, band.x1) == (1.9, 2.1)
    assert line.x0 == line.x1 == 2.0
    assert line.line.color == TARGET
    low, high = fig.layout.xaxis.range
    assert low < 1.0  # the answers and the answer are on the chart
    assert high > 2.1
    assert fig.layout.annotations[0].text == "answer 2"


def test_names_are_plain_text_in_the_hover_labels() -> None:
    fig = class_answers_figure(
        (1.0, 2.0),
        answered=2,
        students=2,
        names=("<a href='javascript:x'>Eve</a>", "Student 2"),
    )
    (dots,) = fig.data
    assert all("<" not in name and ">" not in name for name in dots.text)
    assert dots.text[1] == "Student 2"


def test_no_answer_yet_and_size_stays_small() -> None:
    empty = validate(class_answers_figure((), answered=0, students=0))
    assert empty.layout.annotations[0].text == "No answer yet"
    many = class_answers_figure(
        tuple(np.random.default_rng(1).normal(0, 1, 120)), answered=120, students=120
    )
    assert len(json.dumps(many.to_dict(), default=str)) < 20_000
