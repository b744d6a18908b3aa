"""A pasted table or a classic data set on three pages (AppTest)."""

from __future__ import annotations

import numpy as np
from streamlit.testing.v1 import AppTest

from core.datasets import dataset_text
from core.table import parse_table
from tests.helpers import (
    code_panel,
    figures,
    page_charts,
    page_test,
    run_snippet,
    texts,
)

IRIS = parse_table(dataset_text("iris"))


def _run(script: str, query: dict[str, str]) -> AppTest:
    at = page_test(script, query).run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _iris(name: str) -> np.ndarray:
    return IRIS.values[:, IRIS.names.index(name)]


# -- correlation ----------------------------------------------------------------------


def test_correlation_pasted_table_picks_columns_and_counts_dropped_rows() -> None:
    at = _run("pages/correlation.py", {"view": "data", "entry": "table"})
    assert at.selectbox(key="col_x").value == "hours"
    at.selectbox(key="col_y").set_value("sleep").run()
    # sleep is missing for Flo: 6 rows kept, 1 dropped; r by hand
    hours, sleep = np.array([1, 2, 3, 4, 5, 7]), np.array([8, 7, 7, 6, 6, 5])
    r = np.corrcoef(hours, sleep)[0, 1]
    assert _metrics(at)["Pearson r"].replace("−", "-").startswith(f"{r:.3f}"[:5])
    assert "1 dropped" in texts(at)
    assert "name" in texts(at)  # the text column is named
    assert at.query_params["col_y"] == "sleep"


def test_correlation_iris_from_a_link() -> None:
    query = {"view": "data", "entry": "table", "dataset": "iris"}
    query |= {"col_x": "petal_length", "col_y": "petal_width"}
    at = _run("pages/correlation.py", query)
    r = np.corrcoef(_iris("petal_length"), _iris("petal_width"))[0, 1]
    assert _metrics(at)["Pearson r"].startswith(f"{r:.3f}"[:4])
    assert _metrics(at)["points n"] == "150"


def test_correlation_unknown_column_in_link_falls_back_with_a_note() -> None:
    query = {"view": "data", "entry": "table", "col_x": "nope"}
    at = _run("pages/correlation.py", query)
    assert at.selectbox(key="col_x").value == "hours"
    assert "no number column" in texts(at)


def test_correlation_bad_table_shows_error_and_keeps_last_chart() -> None:
    at = _run("pages/correlation.py", {"view": "data", "entry": "table"})
    before = _metrics(at)["Pearson r"]
    at.text_area(key="table").set_value("a, b\nx, y\n").run()
    assert not at.exception
    assert at.error
    assert "No column holds numbers" in at.error[0].value
    assert _metrics(at)["Pearson r"] == before
    assert page_charts(at)


# -- mean, variance & std -------------------------------------------------------------


def test_statistics_iris_sepal_length_mean() -> None:
    query = {"view": "spread", "source": "table", "dataset": "iris"}
    at = _run("pages/descriptive_statistics.py", query)
    assert at.selectbox(key="column").value == "sepal_length"
    assert "5.843" in texts(at)  # 876.5 / 150 = 5.8433…
    at.selectbox(key="column").set_value("petal_width").run()
    assert "1.199" in texts(at)  # 179.9 / 150 = 1.1993…
    assert at.query_params["column"] == "petal_width"


def test_statistics_pasted_table_with_decimal_commas() -> None:
    query = {"view": "center", "source": "table", "table": "a;b\n1,5;x\n2,5;y\n"}
    at = _run("pages/descriptive_statistics.py", query)
    assert "2 used" in texts(at)
    assert "Left out" in texts(at)


def test_statistics_bad_table_keeps_last_chart() -> None:
    query = {"view": "spread", "source": "table"}
    at = _run("pages/descriptive_statistics.py", query)
    at.text_area(key="table").set_value(";;\n").run()
    assert not at.exception
    assert at.error
    assert page_charts(at)


# -- loss functions -------------------------------------------------------------------


def test_loss_fit_on_anscombe_columns() -> None:
    query = {"view": "fit", "data": "table", "dataset": "anscombe"}
    query |= {"col_x": "x1", "col_y": "y1", "show_best": "1"}  # best line asked for
    at = _run("pages/loss_functions.py", query)
    assert "11 used" in texts(at)
    # Anscombe I: least squares y = 0.5·x + 3 (0.5001, 3.0001)
    assert "0.5001" in texts(at) or "0.500" in texts(at)


def test_loss_fit_iris_is_sampled_with_the_seed() -> None:
    query = {"view": "fit", "data": "table", "dataset": "iris"}
    at = _run("pages/loss_functions.py", query)
    assert "sampled at random with seed 0" in texts(at)
    first = texts(at)
    at.number_input(key="rows_seed").set_value(7).run()
    assert "seed 7" in texts(at)
    assert texts(at) != first


def test_hostile_column_names_are_shown_as_text() -> None:
    name = "**bold** `x` [link](http://evil) " + "z" * 80
    query = {"view": "data", "entry": "table", "table": f'"{name}",y\n1,2\n2,3\n3,5\n'}
    at = _run("pages/correlation.py", query)
    shown = str(at.selectbox(key="col_x").value)
    assert shown.startswith("**bold**")
    assert len(shown) == 40
    code, result = code_panel(at)
    assert repr(run_snippet(code)) == result


# -- the feature-selection matrix on a table ------------------------------------------

MATRIX = {"view": "matrix", "data": "table"}


def test_matrix_on_iris_with_a_target_picker() -> None:
    at = _run("pages/correlation.py", {**MATRIX, "dataset": "iris"})
    assert at.selectbox(key="target").value == "petal_width"  # the last column
    heatmap = next(f for f in figures(at) if f["data"][0]["type"] == "heatmap")
    assert len(heatmap["data"][0]["text"]) == 4
    assert "petal\\_length" in texts(at)
    at.selectbox(key="target").set_value("sepal_length").run()
    assert not at.exception
    assert at.query_params["target"] == "sepal_length"
    # petal length tracks sepal length best: r = 0.87 (names escaped: data)
    assert "**petal\\_length** is the feature most correlated" in texts(at)
    assert "(r = 0.87)" in texts(at)
    code, result = code_panel(at)
    assert repr(run_snippet(code)) == result


def test_matrix_on_a_pasted_table_with_a_constant_column() -> None:
    table = "a,same,b,y\n1,5,2,2\n2,5,1,4\n3,5,3,6\n4,5,3,9\n"
    at = _run("pages/correlation.py", {**MATRIX, "table": table})
    assert at.selectbox(key="target").value == "y"
    assert "Left out (the same value in every row" in texts(at)
    assert not at.error


def test_matrix_unknown_target_in_link_falls_back_with_a_note() -> None:
    at = _run("pages/correlation.py", {**MATRIX, "dataset": "iris", "target": "nope"})
    assert at.selectbox(key="target").value == "petal_width"
    assert "no number column nope" in texts(at)
    assert not at.error


def test_matrix_on_a_one_column_table_says_what_is_missing() -> None:
    at = _run("pages/correlation.py", {**MATRIX, "table": "h\n1\n2\n3\n"})
    assert at.error
    assert "this view needs 2" in at.error[0].value


def test_houses_matrix_unchanged_by_default() -> None:
    at = _run("pages/correlation.py", {"view": "matrix"})
    assert "target" not in [box.key for box in at.selectbox]
    assert "houses" in texts(at)


def test_column_pickers_are_real_choices_on_all_three_pages() -> None:
    for script, query, key in (
        ("pages/correlation.py", {"view": "data", "entry": "table"}, "col_x"),
        ("pages/descriptive_statistics.py", {"source": "table"}, "column"),
        ("pages/loss_functions.py", {"view": "fit", "data": "table"}, "col_x"),
    ):
        at = _run(script, {**query, key: "not a column"})
        assert at.selectbox(key=key).options == ["hours", "score", "sleep"], script
        assert at.selectbox(key=key).value == "hours"
        assert "Note: The table has no number column not a column" in texts(at)
