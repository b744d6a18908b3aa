"""The numbers behind a chart ("Show the numbers"): one table per drawn trace."""

from __future__ import annotations

import numpy as np
import pytest

from viz import style
from viz.table import MAX_ROWS, as_array, cell, figure_tables, plain_text


def test_a_line_becomes_its_points_under_the_axis_titles() -> None:
    fig = (
        style.Chart("Loss", "w", "loss f(w)")
        .add(name="loss", x=np.array([-1.0, 0.0, 2.5]), y=np.array([1.0, 0.0, 6.25]))
        .figure()
    )
    (table,) = figure_tables(fig.to_dict())  # arrays arrive base64-encoded
    assert table.name == "loss"
    assert table.columns == ("w", "loss f(w)")
    assert table.rows == (("−1", "1"), ("0", "0"), ("2.5", "6.25"))
    assert table.complete
    assert table.total == 3


def test_labels_become_a_column_and_gaps_stay_empty() -> None:
    fig = {
        "data": [
            {"name": "<b>points</b>", "x": [1, 2], "y": [None, float("nan")]},
            {"x": [0], "y": [1], "text": ["A<br>start"]},
        ]
    }
    first, second = figure_tables(fig)
    assert first.name == "points"
    assert first.rows == (("1", ""), ("2", ""))
    assert second.name == "Series 2"  # unnamed: numbered as drawn
    assert second.columns == ("x", "y", "label")
    assert second.rows == (("0", "1", "A start"),)


def test_a_long_trace_is_thinned_evenly_and_keeps_its_last_point() -> None:
    x = np.arange(401.0)
    (table,) = figure_tables({"data": [{"x": x, "y": x**2}]})
    assert table.total == 401
    assert not table.complete
    assert table.step == 11  # ceil(401 / 40)
    assert len(table.rows) <= MAX_ROWS + 1
    assert table.rows[0] == ("0", "0")
    assert table.rows[1][0] == "11"
    assert table.rows[-1] == ("400", "160000")


def test_a_grid_lists_cells_with_their_row_and_column() -> None:
    fig = {
        "data": [
            {
                "type": "heatmap",
                "name": "AB",
                "x": ["col 1", "col 2"],
                "y": ["row 1", "row 2"],
                "z": [[1, 2], [3, 4]],
            }
        ]
    }
    (table,) = figure_tables(fig)
    assert table.columns == ("x", "y", "z")
    assert table.rows == (
        ("col 1", "row 1", "1"),
        ("col 2", "row 1", "2"),
        ("col 1", "row 2", "3"),
        ("col 2", "row 2", "4"),
    )


def test_hidden_and_empty_traces_have_no_table() -> None:
    fig = {
        "data": [
            {"x": [1], "y": [1], "visible": False},
            {"x": [], "y": []},
            {"type": "scatter", "mode": "text", "text": "a constant label"},
        ]
    }
    assert figure_tables(fig) == []


def test_the_number_of_tables_is_capped() -> None:
    fig = {"data": [{"x": [i], "y": [i]} for i in range(30)]}
    assert len(figure_tables(fig, max_traces=5)) == 5


def test_two_axes_with_one_title_get_distinct_headers() -> None:
    fig = {
        "data": [{"x": [1], "y": [2]}],
        "layout": {"xaxis": {"title": {"text": "t"}}, "yaxis": {"title": "t"}},
    }
    assert figure_tables(fig)[0].columns == ("t (x)", "t (y)")


def test_every_app_figure_kind_reads_back() -> None:
    """A 2-D array, base64 with a shape, as Plotly's JSON encoder writes it."""
    fig = style.figure(
        [{"type": "heatmap", "z": np.arange(6.0).reshape(2, 3)}], style.base_layout("")
    )
    (table,) = figure_tables(fig.to_dict())
    assert table.total == 6
    assert table.rows[-1] == ("2", "1", "5")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (float("inf"), ""),
        (-0.5, "−0.5"),
        (1e-19, "1 × 10⁻¹⁹"),
        (True, "True"),
    ],
)
def test_cells_read_like_the_charts(value: object, text: str) -> None:
    assert cell(value) == text


def test_as_array_reads_lists_arrays_and_base64() -> None:
    assert as_array(3.0) is None
    assert as_array("text") is None
    assert list(as_array([1, 2])) == [1, 2]  # type: ignore[arg-type]
    encoded = style.figure([{"type": "scatter", "x": np.array([1.5, 2.5])}], {})
    assert list(as_array(encoded.to_dict()["data"][0]["x"])) == [1.5, 2.5]  # type: ignore[arg-type]


def test_plain_text_drops_plotly_markup() -> None:
    assert plain_text("a<br>b <sub>1</sub>") == "a b 1"
