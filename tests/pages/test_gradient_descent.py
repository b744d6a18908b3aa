"""The gradient-descent page as a learner uses it (AppTest)."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core import gradient_descent as gd
from tests.helpers import (
    chart_json,
    code_panel,
    figures,
    page_charts,
    page_test,
    run_snippet,
    texts,
    trace,
)
from text import gradient_descent as gd_text
from views.gradient_descent import descent as descent_view
from views.gradient_descent import race as race_view

SCRIPT = "pages/gradient_descent.py"


def path_x(at: AppTest) -> list[float]:
    return [float(v) for v in trace(figures(at)[0], "gradient-descent path")["x"]]


# -- defaults: a descent worth watching, from notebook cell 5 ----------------------------


def steps_rows(at: AppTest) -> list[list[str]]:
    """The cells of the steps table's rows, as the page shows them."""
    table = next(m.value for m in at.markdown if m.value.startswith("| step | w |"))
    lines = table.splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def test_default_opens_on_twenty_steps_from_the_notebook_start() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert not at.error
    assert at.number_input(key="w0").value == 5.0
    assert at.number_input(key="lr").value == 0.1
    assert at.slider(key="steps").value == 20  # not one step: the descent shows
    path = path_x(at)
    assert len(path) == 21
    assert path[:2] == [5.0, 4.0]  # the notebook's step is the first
    assert path[-1] == pytest.approx(5 * 0.8**20)
    code, output = code_panel(at)
    assert run_snippet(code) == pytest.approx(float(output))
    assert "smooth convergence" in texts(at)
    assert dict(at.query_params) == {}


def test_one_step_is_notebook_cell_5() -> None:
    at = page_test(SCRIPT, {"steps": "1"}).run()
    assert not at.exception
    code, output = code_panel(at)
    assert output == "4.0"  # Out[5]: 4.0
    assert run_snippet(code) == 4.0
    assert "gradient = 2 * w\nw = w - lr * gradient" in code
    assert path_x(at) == [5.0, 4.0]


# -- 1-D controls ------------------------------------------------------------------------


def test_step_buttons_add_steps_and_back_to_zero() -> None:
    at = page_test(SCRIPT, {"steps": "1"}).run()
    at.button(key="add_10").click().run()
    assert at.slider(key="steps").value == 11
    assert len(path_x(at)) == 12
    assert at.query_params["steps"] == "11"
    at.button(key="add_100").click().run()
    assert at.slider(key="steps").value == 111
    at.button(key="add_1").click().run()
    assert at.slider(key="steps").value == 112
    rows = steps_rows(at)  # the first steps, a row for those left out, the last
    assert len(rows) == gd_text.descent.MAX_TABLE_ROWS
    assert float(rows[2][1]) == pytest.approx(3.2)  # step 2's w
    assert [r[0] for r in rows[-2:]] == ["111", "112"]
    at.button(key="steps_zero").click().run()
    assert at.slider(key="steps").value == 0
    assert path_x(at) == [5.0]
    assert "No steps yet" in texts(at)


def test_steps_never_pass_the_maximum() -> None:
    at = page_test(SCRIPT, {"steps": "450"}).run()
    at.button(key="add_100").click().run()
    assert at.slider(key="steps").value == gd.MAX_STEPS_1D
    assert not at.exception
    # 501 points: the first and last steps, and a row that says how many are left out
    rows = steps_rows(at)
    assert [r[0] for r in rows[:2]] == ["0", "1"]
    assert rows[-1][0] == str(gd.MAX_STEPS_1D)
    hidden = gd.MAX_STEPS_1D + 1 - len(rows) + 1
    assert f"{hidden} more steps" in rows[gd_text.descent.HEAD_ROWS][1]


@pytest.mark.parametrize(
    ("index", "lr", "name"),
    [
        (0, 0.1, "smooth convergence"),
        (1, 0.5, "one step to the minimum"),
        (2, 0.8, "oscillating convergence"),
        (3, 1.0, "bouncing for ever"),
        (4, 1.1, "divergence"),
    ],
)
def test_regime_buttons_name_the_regime(index: int, lr: float, name: str) -> None:
    at = page_test(SCRIPT).run()
    at.button(key=f"regime_{index}").click().run()
    assert not at.exception
    assert at.number_input(key="lr").value == lr
    assert f"**{name}**" in texts(at)
    assert any(r"|1 - 2\cdot" in x.value or r"1 - 2\cdot" in x.value for x in at.latex)
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_one_step_lands_on_the_minimum() -> None:
    at = page_test(SCRIPT, {"lr": "0.5", "steps": "3"}).run()
    assert path_x(at) == [5.0, 0.0, 0.0, 0.0]


def test_divergence_is_reported_without_inf_or_nan() -> None:
    at = page_test(SCRIPT, {"lr": "3.5", "steps": "50"}).run()
    assert not at.exception
    assert at.warning[0].value == "Diverged at step 7: |w| passed 1e6"
    assert "diverged at step 7: |w| passed 1e6" in texts(at)
    spec = chart_json(page_charts(at)[0])
    assert "NaN" not in spec
    assert "Infinity" not in spec
    assert path_x(at)[-1] == 5 * 6**6  # w₆ = 5·(−6)⁶, the last position inside ±1e6
    code, output = code_panel(at)
    assert run_snippet(code) == float(output)


def test_changing_the_function_and_start() -> None:
    at = page_test(SCRIPT, {"steps": "100", "lr": "0.05"}).run()
    at.selectbox(key="fn").set_value("two_minima").run()
    at.number_input(key="w0").set_value(2.0).run()
    assert not at.exception
    assert "**right minimum**" in texts(at)
    assert path_x(at)[-1] == pytest.approx(1.1309, abs=1e-3)
    at.number_input(key="w0").set_value(-2.0).run()
    assert "**left minimum**" in texts(at)
    assert path_x(at)[-1] == pytest.approx(-1.3008, abs=1e-3)
    assert at.query_params["fn"] == "two_minima"
    assert at.query_params["w0"] == "-2"
    code, output = code_panel(at)
    assert run_snippet(code) == float(output)


def test_learning_rate_changes_the_first_step() -> None:
    at = page_test(SCRIPT, {"steps": "1"}).run()
    at.number_input(key="lr").set_value(0.25).run()
    assert path_x(at) == [5.0, 2.5]
    assert at.query_params["lr"] == "0.25"


def test_log_scale_toggle() -> None:
    at = page_test(SCRIPT, {"steps": "30"}).run()
    at.toggle(key="log").set_value(True).run()
    loss_chart = figures(at)[1]
    assert loss_chart["layout"]["yaxis"]["type"] == "log"
    assert at.query_params["log"] == "1"


def test_animation_frames_reach_the_browser() -> None:
    at = page_test(SCRIPT, {"steps": "12"}).run()
    assert len(figures(at)) == 2  # Play closed: its figure is neither built nor sent
    at.session_state[descent_view.PLAY_KEY] = True  # the learner opens it
    at.run()
    # the live chart first, then the loss at each step, then Play in its expander
    figure = figures(at)[2]
    assert len(figure["frames"]) == 13
    assert figure["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


# -- derivative view -------------------------------------------------------------------------


def test_derivative_view_defaults() -> None:
    at = page_test(SCRIPT, {"view": "derivative"}).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["exact f′(w)"] == "10"
    assert metrics["central difference"] == "10"
    assert metrics["forward difference"] == "10.5"
    code, output = code_panel(at)
    assert run_snippet(code) == (10.0, 10.0)
    assert output == "(10.0, 10.0)"


def test_moving_w_moves_the_tangent() -> None:
    at = page_test(SCRIPT, {"view": "derivative"}).run()
    at.number_input(key="w").set_value(-2.0).run()
    tangent = trace(figures(at)[0], "tangent")
    slope = (tangent["y"][1] - tangent["y"][0]) / (tangent["x"][1] - tangent["x"][0])
    assert slope == pytest.approx(-4.0)
    assert "falls" in texts(at)
    assert at.query_params["w"] == "-2"


def test_smaller_h_shrinks_the_error() -> None:
    at = page_test(SCRIPT, {"view": "derivative", "fn": "quartic", "w": "1"}).run()
    before = {m.label: m.value for m in at.metric}["forward difference"]
    at.number_input(key="h").set_value(0.01).run()
    after = {m.label: m.value for m in at.metric}["forward difference"]
    assert abs(float(after) - 4) < abs(float(before) - 4)
    secant = trace(figures(at)[0], "secant")
    assert list(secant["x"]) == [pytest.approx(0.99), pytest.approx(1.01)]


# -- 2-D view ---------------------------------------------------------------------------------


def race_paths(at: AppTest) -> list[dict]:
    names = ("Gradient descent", "Momentum", "RMSProp", "Adam")
    return [
        t for t in figures(at)[0]["data"] if str(t.get("name", "")).startswith(names)
    ]


def test_race_view_defaults_and_code() -> None:
    at = page_test(SCRIPT, {"view": "race"}).run()
    assert not at.exception
    assert not at.error
    paths = race_paths(at)
    assert len(paths) == 3
    code, output = code_panel(at)
    ends = run_snippet(code)
    expected = gd.race(
        "elongated",
        (-3.5, 1.5),
        [
            gd.Optimiser("gd", 0.09),
            gd.Optimiser("momentum", 0.02, momentum=0.7),
            gd.Optimiser("adam", 0.3),
        ],
        60,
    )
    np.testing.assert_array_equal(ends, gd_text.race_code_result(expected))
    assert output == repr(ends)
    for drawn, end in zip(paths, ends, strict=True):
        assert (drawn["x"][-1], drawn["y"][-1]) == (
            pytest.approx(end[0], abs=1e-6),
            pytest.approx(end[1], abs=1e-6),
        )
    # the live race and the losses; no 3-D until asked, no Play until opened
    assert len(figures(at)) == 2
    at.session_state[race_view.PLAY_KEY] = True  # the learner opens Play
    at.run()
    played = figures(at)[2]  # the race step by step on its clickable contour
    assert len(played["frames"]) == 61
    for drawn, end in zip(race_paths(at), ends, strict=True):
        assert trace(played, drawn["name"])["x"][-1] == pytest.approx(end[0], abs=1e-6)


def test_switching_surface_moves_the_start_there() -> None:
    at = page_test(SCRIPT, {"view": "race"}).run()
    at.selectbox(key="surface").set_value("rosenbrock").run()
    assert not at.exception
    assert (at.number_input(key="x0").value, at.number_input(key="y0").value) == (
        -1.5,
        2.0,
    )
    assert at.query_params["surface"] == "rosenbrock"
    assert "banana" in figures(at)[0]["layout"]["title"]["text"]


def test_paths_can_be_switched_off_and_retuned() -> None:
    at = page_test(SCRIPT, {"view": "race"}).run()
    at.selectbox(key="p3").set_value("off").run()
    assert len(race_paths(at)) == 2
    at.selectbox(key="p2").set_value("rmsprop").run()
    at.number_input(key="p2rho").set_value(0.5).run()
    assert "RMSProp (lr 0.02, ρ 0.5)" in [t["name"] for t in race_paths(at)]
    assert at.query_params["p2"] == "rmsprop"
    assert at.query_params["p2rho"] == "0.5"
    code, output = code_panel(at)
    assert 'descend("rmsprop", lr=0.02, rho=0.5)' in code
    assert repr(run_snippet(code)) == output


def test_start_sliders_and_steps_move_the_paths() -> None:
    at = page_test(SCRIPT, {"view": "race"}).run()
    at.number_input(key="x0").set_value(2.0).run()
    at.slider(key="steps2d").set_value(5).run()
    for path in race_paths(at):
        assert path["x"][0] == 2.0
        assert len(path["x"]) == 6
    assert at.query_params["x0"] == "2"


def test_3d_toggle_adds_the_surface() -> None:
    at = page_test(SCRIPT, {"view": "race", "surface3d": "1"}).run()
    assert not at.exception
    assert figures(at)[2]["data"][0]["type"] == "surface"  # after live, loss


def test_race_divergence_is_said() -> None:
    query = {
        "view": "race",
        "surface": "rosenbrock",
        "x0": "-1.5",
        "y0": "2",
        "p1lr": "0.01",
    }
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert "diverged at step" in texts(at)


# -- the URL -----------------------------------------------------------------------------------


def test_url_state_reproduces_a_view() -> None:
    query = {"fn": "shifted", "w0": "-1", "lr": "0.8", "steps": "6", "log": "1"}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert path_x(at)[:3] == [-1.0, pytest.approx(5.4), pytest.approx(1.56)]
    assert dict(at.query_params) == query


def test_bad_url_values_fall_back_with_a_note() -> None:
    query = {"lr": "-1", "steps": "9999", "fn": "cubic", "view": "3d", "p2": "sgd"}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert at.number_input(key="lr").value == 0.1
    assert at.slider(key="steps").value == 20
    notes = " ".join(c.value for c in at.caption)
    for key in ("lr", "steps", "fn", "view", "p2"):
        assert f"Ignored `{key}`" in notes
    assert path_x(at)[:2] == [5.0, 4.0]


@pytest.mark.parametrize(
    "query",
    [
        {"w0": "nan"},
        {"lr": "inf", "steps": "-3"},
        {"view": "race", "x0": "1e400", "steps2d": "2.5"},
        {"view": "race", "p1": "off"},
        {"view": "derivative", "h": "0"},
        {"hide": "lr,nothing"},
    ],
)
def test_garbage_links_still_render(query: dict[str, str]) -> None:
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert not at.error
    assert figures(at)


# -- your own function (issue 19) ----------------------------------------------------------


def latex(at: AppTest) -> str:
    return "\n".join(x.value for x in at.latex)


def test_typed_function_shows_its_derivative_and_descends() -> None:
    at = page_test(SCRIPT, {"steps": "50", "lr": "0.01", "w0": "2"}).run()
    at.selectbox(key="fn").set_value("custom").run()
    at.text_input(key="f").set_value("sin(3*w) + 0.1*w**2").run()
    assert not at.exception
    assert not at.error
    assert r"3 \cos{\left(3 w \right)}" in latex(at)
    assert at.query_params["fn"] == "custom"
    assert at.query_params["f"] == "sin(3*w) + 0.1*w**2"
    expected = gd.descend_1d("custom", 2.0, 0.01, 50, "sin(3*w) + 0.1*w**2")
    assert path_x(at)[-1] == pytest.approx(float(expected.w[-1]))
    code, output = code_panel(at)
    assert "np.cos(3*w)" in code
    assert output == repr(run_snippet(code))
    assert run_snippet(code) == float(expected.w[-1])


def test_bad_typed_function_keeps_the_last_chart() -> None:
    at = page_test(SCRIPT, {"fn": "custom", "f": "w**4 - 3*w**2 + w"}).run()
    before = path_x(at)
    at.text_input(key="f").set_value("log(w)").run()
    assert not at.exception
    assert "log(w) is undefined" in at.error[0].value
    assert path_x(at) == before
    at.text_input(key="f").set_value("3w").run()
    assert "character 2" in at.error[0].value
    at.text_input(key="f").set_value("foo(w)").run()
    assert "Unknown name 'foo'" in at.error[0].value


def test_link_with_a_typed_function_restores_it() -> None:
    query = {"view": "derivative", "fn": "custom", "f": "w^4 - 3*w^2 + w", "w": "1"}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert at.text_input(key="f").value == "w^4 - 3*w^2 + w"
    assert "4 w^{3} - 6 w + 1" in latex(at)
    assert "f'(1) = -1" in latex(at)  # 4 − 6 + 1
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_hostile_link_value_falls_back_with_a_note() -> None:
    query = {"fn": "custom", "f": "__import__('os').system('true')"}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert at.text_input(key="f").value == "w**4 - 3*w**2 + w"
    assert "Ignored `f`" in " ".join(c.value for c in at.caption)


def test_typed_surface_races() -> None:
    at = page_test(SCRIPT, {"view": "race"}).run()
    at.selectbox(key="surface").set_value("custom").run()
    assert not at.exception
    assert not at.error
    assert at.query_params["surface"] == "custom"
    assert r"\nabla f" in latex(at)
    assert (at.number_input(key="x0").value, at.number_input(key="y0").value) == (
        -3.0,
        2.0,
    )
    code, output = code_panel(at)
    assert output == repr(run_snippet(code))
    at.text_input(key="fxy").set_value("x**2 + y").run()
    assert not at.exception
    assert len(race_paths(at)) == 3
    at.text_input(key="fxy").set_value("x +* y").run()
    assert "Syntax error at character 4" in at.error[0].value
