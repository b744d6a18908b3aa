"""Figures of the Bayes page: what they draw, their colours, fixed ranges and sizes."""

from __future__ import annotations

import itertools

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import bayes as cb
from tests.helpers import decode
from viz import bayes as vb
from viz import style

NOTEBOOK = cb.bayes_from_evidence(0.3, 0.8, 0.5)
STORY = cb.STORIES["ab"]
PERSPECTIVES = ("posterior", "likelihood", "all")


def spec(fig: go.Figure) -> dict:
    """The figure as the browser receives it (arrays decoded)."""
    return decode(
        pio.from_json(
            pio.to_json(fig, validate=False), skip_invalid=True
        ).to_plotly_json()
    )


def named(fig: go.Figure, start: str) -> dict:
    for item in decode(fig.to_plotly_json())["data"]:
        if str(item.get("name", "")).startswith(start):
            return item
    raise AssertionError(f"no trace {start!r}")


def all_figures() -> list[go.Figure]:
    counts = cb.natural_frequencies(NOTEBOOK, 1000)
    figures = [vb.prior_posterior_figure(NOTEBOOK, STORY)]
    for perspective in PERSPECTIVES:
        figures += [
            vb.icon_array_figure(NOTEBOOK, counts, STORY, perspective),
            vb.tree_figure(NOTEBOOK, counts, STORY, perspective),
            vb.area_figure(NOTEBOOK, STORY, perspective),
        ]
    figures.append(vb.sequence_figure(cb.update_sequence(NOTEBOOK, "++-"), STORY))
    words = ("free", "money", "meeting")
    figures.append(
        vb.naive_bayes_figure(
            cb.naive_bayes(words, 0.5, [0.3, 0.25, 0.02], [0.03, 0.05, 0.2])
        )
    )
    return figures


@pytest.mark.parametrize("index", range(12))
def test_every_figure_passes_plotly_validation(index: int) -> None:
    # The builders skip validation for speed; this rebuild validates every property.
    fig = all_figures()[index]
    go.Figure(fig.to_plotly_json())
    assert fig.layout.title.text


# -- icon array ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "shape"), [(100, (10, 10)), (1000, (20, 50)), (10_000, (100, 100))]
)
def test_icon_array_has_one_cell_per_person(n: int, shape: tuple[int, int]) -> None:
    counts = cb.natural_frequencies(NOTEBOOK, n)
    fig = vb.icon_array_figure(NOTEBOOK, counts, STORY, "posterior")
    z = fig.data[0].z
    assert z.shape == shape
    for code, key in enumerate(vb.ORDER):
        assert (z == code).sum() == getattr(counts, key)


def test_icon_array_legend_gives_the_counts() -> None:
    fig = vb.icon_array_figure(
        NOTEBOOK, cb.natural_frequencies(NOTEBOOK, 1000), STORY, "all"
    )
    names = [t.name for t in fig.data[1:5]]
    assert names == ["A and B: 240", "A and ¬B: 60", "¬A and B: 260", "¬A and ¬B: 440"]
    assert "P(A) = 300 / 1,000" in fig.layout.title.text


def test_posterior_perspective_greys_out_not_b_and_outlines_b() -> None:
    counts = cb.natural_frequencies(NOTEBOOK, 1000)
    fig = vb.icon_array_figure(NOTEBOOK, counts, STORY, "posterior")
    scale = [colour for _, colour in fig.data[0].colorscale]
    # ORDER is A∩¬B, A∩B, ¬A∩B, ¬A∩¬B, two stops each
    assert scale[0] == scale[6] == vb.GREY
    assert scale[2] == style.TARGET
    assert scale[4] == style.CURRENT
    outline = named(fig, "outlined: the B group (500)")
    assert outline["line"]["color"] == vb.OUTLINE
    assert "P(A|B) ≈ 240 of 500 = 48 %" in fig.layout.title.text


def test_likelihood_perspective_outlines_a() -> None:
    counts = cb.natural_frequencies(NOTEBOOK, 1000)
    fig = vb.icon_array_figure(NOTEBOOK, counts, STORY, "likelihood")
    named(fig, "outlined: the A group (300)")
    assert "P(B|A) ≈ 240 of 300 = 80 %" in fig.layout.title.text


def test_ten_thousand_people_stay_small() -> None:
    rare = cb.bayes_from_rates(0.01, 0.9, 0.05)
    counts = cb.natural_frequencies(rare, 10_000)
    fig = vb.icon_array_figure(rare, counts, cb.STORIES["disease"], "posterior")
    size = len(pio.to_json(fig, validate=False))
    assert size < 30_000, size
    # sent as one base64 uint8 array, not 10,000 numbers in text
    assert spec(fig)["data"][0]["z"].dtype.itemsize == 1


def _shoelace(xs: list, ys: list) -> float:
    """Area enclosed by polygon pieces separated by None."""
    area, piece_x, piece_y = 0.0, [], []
    for x, y in [*zip(xs, ys, strict=True), (None, None)]:
        if x is None:
            pts = list(zip(piece_x, piece_y, strict=True))
            area += (
                abs(
                    sum(
                        x0 * y1 - x1 * y0
                        for (x0, y0), (x1, y1) in itertools.pairwise(pts)
                    )
                )
                / 2
            )
            piece_x, piece_y = [], []
        else:
            piece_x.append(x)
            piece_y.append(y)
    return area


def test_run_outline_by_hand() -> None:
    # cells 5 … 24 of a 10-row grid: rows 5-9 of column 0, column 1, rows 0-4 of column 2
    xs, ys = vb.run_outline(5, 25, 10)
    assert list(zip(xs, ys, strict=True)) == [
        (-0.5, 4.5), (0.5, 4.5), (0.5, -0.5), (2.5, -0.5),
        (2.5, 4.5), (1.5, 4.5), (1.5, 9.5), (-0.5, 9.5), (-0.5, 4.5),
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 12), st.integers(0, 200), st.integers(1, 200))
def test_outline_encloses_exactly_the_run(rows: int, start: int, length: int) -> None:
    xs, ys = vb.run_outline(start, start + length, rows)
    assert _shoelace(xs, ys) == pytest.approx(length)


# -- trees, square, bars -------------------------------------------------------------------------


def test_tree_shows_branches_and_joint_leaves() -> None:
    counts = cb.natural_frequencies(NOTEBOOK, 1000)
    fig = vb.tree_figure(NOTEBOOK, counts, STORY, "posterior")
    branches = named(fig, "branch probabilities")
    texts = list(branches["text"])
    for label in (
        "P(A) = 0.3",
        "P(B|A) = 0.8",
        "P(B|¬A) = 0.3714",
        "P(B) = 0.5",
        "P(A|B) = 0.48",
    ):
        assert label in texts
    # the words are drawn on white over (or under) their branch, never struck through
    words = {a.text: a for a in fig.layout.annotations if a.text in texts}
    assert set(words) == set(texts)
    assert all(a.bgcolor == "#FFFFFF" for a in words.values())
    assert words["P(A|B) = 0.48"].font.color == style.ACCENT  # the posterior is lit
    assert words["P(A) = 0.3"].font.color == style.INK
    assert words["P(A) = 0.3"].yanchor == "bottom"  # over the upward branch
    assert words["P(¬A) = 0.7"].yanchor == "top"  # under the downward one
    leaves = [t for t in fig.data if t.name == "leaves (joint probabilities)"]
    assert len(leaves) == 2
    # a probability and its count, not "0.24 · 240" (which reads like a product)
    assert "A and B<br>  P = 0.24 (240 of 1,000)" in leaves[0].text[0]
    assert fig.layout.title.text == "P(A|B) = P(A∩B) / P(B) = 0.24 / 0.5 = 0.48"


def test_tree_marks_undefined_branches() -> None:
    certain = cb.bayes_from_evidence(0.3, 1.0, 1.0)  # ¬B never happens
    fig = vb.tree_figure(certain, cb.natural_frequencies(certain, 100), STORY, "all")
    assert "P(A|¬B) = undefined" in list(named(fig, "branch probabilities")["text"])


def test_area_rectangles_are_the_joint_probabilities() -> None:
    fig = vb.area_figure(NOTEBOOK, STORY, "posterior")
    areas = sorted((s.x1 - s.x0) * (s.y1 - s.y0) for s in fig.layout.shapes)
    assert areas == pytest.approx(sorted([0.24, 0.06, 0.26, 0.44]))
    assert list(fig.layout.xaxis.range) == [-0.01, 1.01]
    assert list(fig.layout.yaxis.range) == [-0.01, 1.01]
    outline = named(fig, "outlined: B")
    assert list(outline["y"])[:5] == [
        0,
        0.8,
        0.8,
        pytest.approx(0.26 / 0.7),
        pytest.approx(0.26 / 0.7),
    ]


def test_prior_posterior_bars() -> None:
    fig = vb.prior_posterior_figure(NOTEBOOK, STORY)
    bars = fig.data[0]
    assert list(bars.y) == [0.3, 0.48, pytest.approx(0.12)]
    assert list(bars.text) == ["30 %", "48 %", "12 %"]
    assert list(fig.layout.yaxis.range) == [0, 1.15]


def test_bars_say_when_not_b_never_happens() -> None:
    fig = vb.prior_posterior_figure(cb.bayes_from_evidence(0.3, 1.0, 1.0), STORY)
    assert fig.data[0].text[2] == "never happens"


def test_sequence_bars_follow_the_beliefs() -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(0.01, 0.9, 0.05), "++-")
    fig = vb.sequence_figure(seq, cb.STORIES["disease"])
    assert list(fig.data[0].x) == ["before", "1st +", "2nd +", "3rd −"]
    assert list(fig.data[0].y) == pytest.approx(list(seq.beliefs))
    colours = list(fig.data[0].marker.color)
    assert colours[1] == style.TARGET
    assert colours[3] == style.CURRENT


def test_sequence_figure_says_where_it_stopped() -> None:
    seq = cb.update_sequence(cb.bayes_from_rates(0.3, 1.0, 1.0), "+-")
    fig = vb.sequence_figure(seq, STORY)
    assert "result 2 cannot happen" in fig.layout.annotations[0].text


def test_naive_bayes_figure() -> None:
    verdict = cb.naive_bayes(["free", "meeting"], 0.5, [0.3, 0.02], [0.03, 0.2])
    fig = vb.naive_bayes_figure(verdict)
    assert list(named(fig, "P(word | spam)")["y"]) == [0.3, 0.02]
    belief = named(fig, "P(spam | words so far)")
    assert list(belief["x"]) == ["prior", "1. free", "2. meeting"]
    assert belief["y"][-1] == pytest.approx(0.5)
    # the steps are ticked by their words alone, so the ticks do not run together
    assert list(fig.layout.xaxis2.ticktext) == ["prior", "free", "meeting"]


def test_naive_bayes_figure_draws_a_repeated_word_once() -> None:
    verdict = cb.naive_bayes(["free", "free"], 0.5, [0.3, 0.3], [0.03, 0.03])
    fig = vb.naive_bayes_figure(verdict)
    assert list(named(fig, "P(word | spam)")["y"]) == [0.3]  # not two stacked bars
    assert list(named(fig, "P(spam | words so far)")["x"]) == [
        "prior",
        "1. free",
        "2. free",
    ]


def test_every_figure_is_small() -> None:
    for fig in all_figures():
        assert len(pio.to_json(fig, validate=False)) < 40_000
