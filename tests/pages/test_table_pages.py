"""A pasted table or a classic data set on three pages (AppTest)."""

from __future__ import annotations

import numpy as np
from streamlit.testing.v1 import AppTest

from core.datasets import dataset_text
from core.table import parse_table
from tests.helpers import code_panel, page_test, run_snippet, texts

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
    assert at.get("plotly_chart")


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
    assert at.get("plotly_chart")


# -- loss functions -------------------------------------------------------------------


def test_loss_fit_on_anscombe_columns() -> None:
    query = {"view": "fit", "data": "table", "dataset": "anscombe"}
    query |= {"col_x": "x1", "col_y": "y1"}
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
