"""The Loss-functions page as a learner uses it (AppTest)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core import loss_functions as lf
from core.parsing import format_number
from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace
from viz.loss_functions.live import LIVE_PATH_POINTS

SCRIPT = "pages/loss_functions.py"


def _rectangle_areas(figure_trace: dict[str, Any]) -> list[float]:
    xs = np.asarray(figure_trace["x"], dtype=float).reshape(-1, 6)[:, :5]
    ys = np.asarray(figure_trace["y"], dtype=float).reshape(-1, 6)[:, :5]
    return list(np.ptp(xs, axis=1) * np.ptp(ys, axis=1))


def _table(at: AppTest) -> list[dict[str, str]]:
    """The rows of the first markdown table on the page."""
    text = next(m.value for m in at.markdown if m.value.startswith("| "))
    header, _, *rows = (line.strip("| ").split(" | ") for line in text.splitlines())
    return [dict(zip(header, row, strict=True)) for row in rows]


def _code_panels(at: AppTest) -> list[tuple[str, str]]:
    blocks = [block.value for block in at.code]
    return [(blocks[i], blocks[i + 1]) for i in range(0, len(blocks), 2)]


# -- view 1: squared errors, the notebook's cell -----------------------------------------------


def test_default_is_notebook_cell_10() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert at.text_input(key="y_true").value == "3, 5, 7"
    assert at.text_input(key="y_pred").value == "2, 5, 8"
    code, output = code_panel(at)
    assert output == "np.float64(0.6666666666666666)"  # Out[10]
    assert repr(run_snippet(code)) == output
    assert "MSE = 0.666667" in texts(at)
    assert at.metric[0].value == "0.666667"
    squares = trace(figures(at)[0], "squared error")
    assert _rectangle_areas(squares) == [1.0, 0.0, 1.0]
    table = _table(at)
    assert [row["squared (y − ŷ)²"] for row in table] == ["1", "0", "1"]
    assert dict(at.query_params) == {}


def test_normalisation_is_stated() -> None:
    at = page_test(SCRIPT).run()
    info = " ".join(i.value for i in at.info)
    assert "mean" in info
    assert "no ½" in info
    assert "½·(1/n)·Σ(yᵢ − ŷᵢ)²" in info


def test_typing_predictions_updates_everything() -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key="y_pred").set_value("2, 5, 10").run()
    assert not at.exception
    # residuals 1, 0, −3 → (1 + 0 + 9)/3
    assert at.metric[0].value == "3.33333"
    assert _rectangle_areas(trace(figures(at)[0], "squared error")) == [1.0, 0.0, 9.0]
    code, output = code_panel(at)
    assert run_snippet(code) == pytest.approx(10 / 3)
    assert output == repr(np.float64(10 / 3))
    assert at.query_params["y_pred"] == "2, 5, 10"


def test_preset_button() -> None:
    at = page_test(SCRIPT).run()
    next(b for b in at.button if b.label == "Perfect").click().run()
    assert at.text_input(key="y_pred").value == "3, 5, 7"
    assert "perfect fit" in texts(at)
    next(b for b in at.button if b.label == "↺ Notebook example").click().run()
    assert at.text_input(key="y_pred").value == "2, 5, 8"


def test_url_parameters_are_applied() -> None:
    at = page_test(SCRIPT, {"y_true": "1, 2", "y_pred": "2, 2"}).run()
    assert at.text_input(key="y_true").value == "1, 2"
    assert at.metric[0].value == "0.5"
    assert "MSE = 0.5" in texts(at)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("y_pred", "2, 5", "y_true has 3 values but y_pred has 2"),
        ("y_pred", "", "y_pred is empty"),
        ("y_true", "3, five, 7", "'five' is not a number"),
        ("y_true", "3, nan, 7", "'nan' is not allowed"),
        ("y_pred", "2, inf, 8", "'inf' is not allowed"),
        ("y_true", ", ".join(["1"] * 101), "the most this page takes is 100"),
    ],
)
def test_bad_input_is_an_error_message_and_the_chart_stays(
    key: str, value: str, message: str
) -> None:
    at = page_test(SCRIPT).run()
    at.text_input(key=key).set_value(value).run()
    assert not at.exception
    assert message in " ".join(e.value for e in at.error)
    # the last good chart and numbers stay on screen
    assert _rectangle_areas(trace(figures(at)[0], "squared error")) == [1.0, 0.0, 1.0]
    assert "last valid input" in texts(at)


def test_bad_link_on_first_visit_is_noted_not_a_crash() -> None:
    at = page_test(
        SCRIPT, {"y_true": "3, oops", "view": "nope", "w": "99", "steps": "1.5"}
    ).run()
    assert not at.exception
    assert at.text_input(key="y_true").value == "3, 5, 7"
    notes = " ".join(c.value for c in at.caption)
    for name in ("y_true", "view", "w", "steps"):
        assert f"Ignored `{name}`" in notes
    assert at.metric[0].value == "0.666667"


def test_bad_data_in_a_link_keeps_every_control() -> None:
    at = page_test(
        SCRIPT, {"view": "compare", "data": "typed", "x": "2, 2, 2", "y": "1, 2, 3"}
    ).run()
    assert not at.exception
    assert "Every x is 2" in at.error[0].value
    assert any(b.label == "↺ Notebook example" for b in at.button)
    next(b for b in at.button if b.label == "↺ Notebook example").click().run()
    assert not at.error  # back to the notebook's cell, every value valid
    assert at.button_group(key="view").value == "mse"
    assert at.metric[0].value == "0.666667"


def test_unequal_lengths_in_a_link_show_an_error_not_a_crash() -> None:
    at = page_test(SCRIPT, {"y_true": "1, 2, 3", "y_pred": "1, 2"}).run()
    assert not at.exception
    assert "y_true has 3 values but y_pred has 2" in at.error[0].value


# -- view 2: fit a line by hand ---------------------------------------------------------------


def _fit_page(query: dict[str, str] | None = None) -> AppTest:
    return page_test(SCRIPT, {"view": "fit", **(query or {})}).run()


def test_fit_view_defaults() -> None:
    at = _fit_page({"show_best": "1"})  # the best line shown (hidden by default)
    assert not at.exception
    data = lf.make_dataset(12, 0, 1.0)
    fit = lf.fit_line(data, 1.0, 0.0)
    # one live chart, two panels: the line and its squares, the MSE bowl
    (chart,) = figures(at)
    line_fig = bowl = chart
    np.testing.assert_allclose(trace(line_fig, "data")["y"], data.y)
    assert at.metric[0].value == "1.9619"
    star = trace(bowl, "least squares")
    (w_ref, b_ref), *_ = np.linalg.lstsq(
        np.column_stack([data.x, np.ones_like(data.x)]), data.y, rcond=None
    )
    assert star["x"][0] == pytest.approx(w_ref)
    assert star["y"][0] == pytest.approx(b_ref)
    assert list(trace(bowl, "you (")["x"]) == [1.0]
    panels = _code_panels(at)
    assert len(panels) == 2
    for code, output in panels:
        assert repr(run_snippet(code)) == output
    assert run_snippet(panels[0][0]) == (fit.mse, fit.w_best, fit.b_best)


def test_moving_w_moves_the_line_the_squares_and_the_point() -> None:
    at = _fit_page()
    at.number_input(key="w").set_value(0.5).run()
    assert not at.exception
    (chart,) = figures(at)  # the line's panel and the bowl's, in one live chart
    line_fig = bowl = chart
    line = trace(line_fig, "your line")
    np.testing.assert_allclose(line["y"], 0.5 * np.asarray(line["x"]))
    fit = lf.fit_line(lf.make_dataset(12, 0, 1.0), 0.5, 0.0)
    np.testing.assert_allclose(
        sorted(_rectangle_areas(trace(line_fig, "squared errors"))),
        np.sort(fit.residuals**2),
    )
    assert list(trace(bowl, "you (")["x"]) == [0.5]
    assert at.metric[0].value == f"{fit.mse:.5g}"
    assert at.query_params["w"] == "0.5"


def test_snap_to_best_fit() -> None:
    at = _fit_page()
    at.button(key="snap").click().run()
    assert not at.exception
    fit = lf.fit_line(lf.make_dataset(12, 0, 1.0), 0.0, 0.0)
    assert at.number_input(key="w").value == pytest.approx(fit.w_best, rel=1e-11)
    assert at.number_input(key="b").value == pytest.approx(fit.b_best, rel=1e-11)
    assert "is the least-squares line" in texts(at)
    assert at.metric[0].value == at.metric[1].value


def test_the_best_fit_stays_hidden_until_asked() -> None:
    at = _fit_page()  # the learner tries first: no best line, no (w, b) of it
    assert at.toggle(key="show_best").value is False
    names = [t.get("name", "") for fig in figures(at) for t in fig["data"]]
    assert not any(name.startswith(("best fit", "least squares")) for name in names)
    fit = lf.fit_line(lf.make_dataset(12, 0, 1.0), 1.0, 0.0)
    assert format_number(fit.w_best, 4) not in texts(at)
    at.toggle(key="show_best").set_value(True).run()
    names = [t.get("name", "") for fig in figures(at) for t in fig["data"]]
    assert any(name.startswith(("best fit", "least squares")) for name in names)
    assert at.query_params["show_best"] == "1"


def test_descent_path_follows_the_controls() -> None:
    at = _fit_page()
    path = trace(figures(at)[0], "descent path")  # on the bowl's panel
    run = lf.descent_path(lf.make_dataset(12, 0, 1.0), 1.0, 0.0, lr=0.02, steps=100)
    assert run.steps_taken == 100
    # the live chart thins the 101 points of the run, its two ends kept
    assert len(path["x"]) == LIVE_PATH_POINTS
    assert (path["x"][0], path["y"][0]) == (1.0, 0.0)
    assert (path["x"][-1], path["y"][-1]) == pytest.approx(tuple(run.points[-1]))
    at.number_input(key="lr").set_value(0.5).run()
    assert not at.exception
    drawn = trace(figures(at)[0], "descent path")
    assert "diverged at step" in drawn["name"]
    assert "diverged at step" in texts(at)
    assert at.metric[2].value == "∞"
    assert at.metric[2].label.startswith("Descent diverged at step")
    assert len(_code_panels(at)) == 1  # no runnable loop for a run that blew up
    at.number_input(key="lr").set_value(0.1).run()
    at.selectbox(key="method").set_value("adam").run()
    at.slider(key="steps").set_value(300).run()
    assert "Adam (300 steps" in texts(at)
    assert at.query_params["method"] == "adam"


def test_gradient_descent_code_matches_the_drawn_path() -> None:
    at = _fit_page({"steps": "40", "lr": "0.01"})
    end = trace(figures(at)[0], "descent path")
    code, output = _code_panels(at)[1]
    w, b, mse = run_snippet(code)
    assert (w, b) == pytest.approx((end["x"][-1], end["y"][-1]))
    assert repr((w, b, mse)) == output


def test_typed_data_and_its_errors() -> None:
    query = {"data": "typed", "x": "0, 1, 2", "y": "1, 3, 5", "show_best": "1"}
    at = _fit_page(query)
    assert not at.exception
    star = trace(figures(at)[0], "least squares")
    assert (star["x"][0], star["y"][0]) == pytest.approx((2.0, 1.0))
    at.text_input(key="x").set_value("2, 2, 2").run()
    assert not at.exception
    assert "Every x is 2" in at.error[0].value
    at.text_input(key="x").set_value("0, 1").run()
    assert "x has 2 values but y has 3" in at.error[0].value
    assert figures(at)  # the last good charts stay


def test_switching_the_data_source_with_its_control() -> None:
    at = _fit_page()
    at.button_group(key="data").set_value("typed").run()
    assert not at.exception
    assert at.text_input(key="x").value == "1, 2, 3, 4, 5, 6, 7, 8"
    assert at.query_params["data"] == "typed"


def test_seed_makes_new_points() -> None:
    at = _fit_page()
    before = np.asarray(trace(figures(at)[0], "data")["y"])
    at.number_input(key="seed").set_value(5).run()
    after = np.asarray(trace(figures(at)[0], "data")["y"])
    np.testing.assert_allclose(after, lf.make_dataset(12, 5, 1.0).y)
    assert not np.allclose(before, after)
    assert at.query_params["seed"] == "5"


# -- view 3: MSE vs MAE vs Huber ----------------------------------------------------------------


def test_compare_view_defaults() -> None:
    at = page_test(SCRIPT, {"view": "compare"}).run()
    assert not at.exception
    comparison = lf.compare_losses(lf.make_dataset(12, 0, 1.0), 1.0, outlier_dy=8.0)
    _curves, lines = figures(at)
    outlier = trace(lines, "outlier")
    assert (outlier["x"][0], outlier["y"][0]) == pytest.approx(comparison.outlier)
    table = _table(at)
    assert [row["loss"] for row in table] == ["MSE", "MAE", "Huber (δ = 1)", "RMSE"]
    assert table[0]["with outlier"] == f"{comparison.values_outlier['mse']:.5g}"
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output
    assert run_snippet(code)["MSE"] == pytest.approx(
        (comparison.values_clean["mse"], comparison.values_outlier["mse"])
    )
    assert "adds 64 to the sum of squares" in texts(at)


def test_delta_reshapes_huber() -> None:
    at = page_test(SCRIPT, {"view": "compare"}).run()
    at.number_input(key="delta").set_value(3.0).run()
    huber = trace(figures(at)[0], "Huber")
    r = np.asarray(huber["x"])
    expected = np.where(np.abs(r) <= 3, 0.5 * r**2, 3 * (np.abs(r) - 1.5))
    np.testing.assert_allclose(huber["y"], expected)
    assert "Huber (δ = 3)" in [row["loss"] for row in _table(at)]


def test_moving_and_removing_the_outlier() -> None:
    at = page_test(SCRIPT, {"view": "compare"}).run()
    at.number_input(key="outlier_dy").set_value(-4.0).run()
    assert "adds 16 to the sum of squares" in texts(at)
    at.toggle(key="outlier").set_value(False).run()
    assert not at.exception
    names = [t.get("name", "") for t in figures(at)[1]["data"]]
    assert not any(name.startswith("outlier") for name in names)
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output
    assert at.query_params["outlier"] == "0"


def test_compare_link_reproduces_the_view() -> None:
    query = {"view": "compare", "delta": "2", "outlier_x": "3", "outlier_dy": "-10"}
    at = page_test(SCRIPT, query).run()
    comparison = lf.compare_losses(
        lf.make_dataset(12, 0, 1.0), 2.0, outlier_x=3.0, outlier_dy=-10.0
    )
    point = trace(figures(at)[1], "outlier")
    assert (point["x"][0], point["y"][0]) == pytest.approx(comparison.outlier)
    assert dict(at.query_params) == query
