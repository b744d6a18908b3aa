"""The Correlation page as a learner and a teacher use it (AppTest)."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core import correlation as corr
from core.correlation import game
from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace
from text import correlation as ctext

SCRIPT = "pages/correlation.py"


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _button(at: AppTest, label: str):
    for button in at.button:
        if button.label == label:
            return button
    raise AssertionError(f"no button {label!r}: {[b.label for b in at.button]}")


def _run(query: dict[str, str] | None = None) -> AppTest:
    at = page_test(SCRIPT, query).run()
    assert not at.exception, at.exception
    return at


# -- your data: the notebook's cell ---------------------------------------------------------


def test_default_is_notebook_cell_9() -> None:
    at = _run()
    assert at.text_input(key="x").value == "1, 2, 3, 4"
    assert at.text_input(key="y").value == "10, 20, 30, 40"
    assert _metrics(at) == {
        "Pearson r": "1.000",
        "r²": "1.000",
        "Spearman ρₛ": "1.000",
        "points n": "4",
    }
    code, output = code_panel(at)
    assert output == "array([[1., 1.],\n       [1., 1.]])"  # Out[9]
    np.testing.assert_array_equal(run_snippet(code), [[1.0, 1.0], [1.0, 1.0]])
    points = trace(figures(at)[0], "4 points")
    assert list(points["y"]) == [10, 20, 30, 40]
    assert dict(at.query_params) == {}


def test_typing_data_updates_r_the_code_and_the_link() -> None:
    at = _run()
    at.text_input(key="y").input("40, 30, 20, 10").run()
    assert _metrics(at)["Pearson r"] == "−1.000"
    code, output = code_panel(at)
    result = run_snippet(code)
    assert result[0, 1] == pytest.approx(-1.0)
    assert repr(result) == output
    assert at.query_params["y"] == "40, 30, 20, 10"


def test_quadrant_toggle_colours_the_points() -> None:
    at = _run({"x": "1, 2, 3, 4, 5", "y": "4, 1, 3, 5, 2"})
    at.toggle(key="quadrants").set_value(True).run()
    figure = figures(at)[0]
    assert list(trace(figure, "pulls r up")["x"]) == [2, 4]
    assert list(trace(figure, "pulls r down")["x"]) == [1, 5]
    assert at.query_params["quadrants"] == "1"


def test_switching_to_columns_carries_the_data_over() -> None:
    at = _run({"x": "1, 2, 3", "y": "2, 4, 5"})
    at.button_group(key="entry").set_value("columns").run()
    assert at.text_area(key="xy").value == "1, 2\n2, 4\n3, 5"
    r_lists = corr.pearson_r([1, 2, 3], [2, 4, 5])
    assert _metrics(at)["Pearson r"] == corr.format_r(r_lists)
    at.text_area(key="xy").input("hours, score\n1, 50\n2, 61\n4, 70").run()
    assert figures(at)[0]["layout"]["xaxis"]["title"]["text"] == "hours"
    at.button_group(key="entry").set_value("lists").run()
    assert at.text_input(key="x").value == "1, 2, 4"
    assert at.text_input(key="y").value == "50, 61, 70"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("y", "1, 2, 3", "x has 4 numbers but y has 3"),
        ("x", "1, 2, three, 4", "'three' is not a number"),
        ("x", "1, 2, nan, 4", "'nan' is not allowed"),
        ("y", "inf, 1, 2, 3", "'inf' is not allowed"),
    ],
)
def test_bad_data_shows_an_error_and_keeps_the_chart(
    key: str, value: str, message: str
) -> None:
    at = _run()
    at.text_input(key=key).input(value).run()
    assert not at.exception
    assert message in at.error[0].value
    assert trace(figures(at)[0], "4 points"), "the last good chart stays"
    assert _metrics(at)["Pearson r"] == "1.000"


def test_one_point_is_an_error() -> None:
    at = _run({"x": "1", "y": "2"})
    assert "at least 2 points" in at.error[0].value
    assert not figures(at)  # nothing good to draw yet


def test_constant_data_says_no_correlation_and_never_nan() -> None:
    at = _run()
    _button(at, "Constant x").click().run()
    assert not at.exception
    assert not at.error
    assert _metrics(at)["Pearson r"] == "undefined"
    assert _metrics(at)["Spearman ρₛ"] == "undefined"
    warning = at.warning[0].value
    assert "there is no correlation" in warning
    shown = texts(at) + " ".join(m.value for m in at.metric)
    assert "nan" not in shown.replace("NumPy prints nan", "")
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output == "(np.int64(0), np.int64(30))"


def test_example_buttons_fill_both_entries() -> None:
    at = _run()
    _button(at, "Falling line").click().run()
    assert at.text_input(key="x").value == "1, 2, 3, 4, 5"
    assert _metrics(at)["Pearson r"] == "−1.000"
    _button(at, "↺ Notebook example").click().run()
    assert _metrics(at)["Pearson r"] == "1.000"
    assert dict(at.query_params) == {}


# -- data with a chosen ρ -------------------------------------------------------------------


def test_target_view_from_a_link() -> None:
    at = _run({"view": "target", "rho": "-0.5", "n": "200", "seed": "3"})
    assert at.number_input(key="rho").value == -0.5
    assert at.slider(key="n").value == 200
    sample = corr.correlated_sample(200, -0.5, 3)
    metrics = _metrics(at)
    assert metrics["target ρ"] == "−0.50"
    assert metrics["sample r"] == corr.format_r(sample.stats.r)
    code, output = code_panel(at)
    assert run_snippet(code) == ctext.sample_code_result(sample)
    assert repr(run_snippet(code)) == output


@pytest.mark.parametrize(("key", "value"), [("rho", -0.8), ("noise", 0.5), ("seed", 9)])
def test_each_target_control_moves_the_points(key: str, value: float) -> None:
    at = _run({"view": "target"})
    before = figures(at)[0]
    at.number_input(key=key).set_value(value).run()
    after = figures(at)[0]
    assert not np.array_equal(
        trace(before, "100 points")["y"], trace(after, "100 points")["y"]
    )
    assert at.query_params[key] == f"{value:g}"


def test_n_slider_changes_the_number_of_points() -> None:
    at = _run({"view": "target"})
    at.slider(key="n").set_value(30).run()
    assert len(trace(figures(at)[0], "30 points")["x"]) == 30


def test_new_sample_button_changes_the_seed() -> None:
    at = _run({"view": "target", "seed": "4"})
    _button(at, "New random sample").click().run()
    assert at.number_input(key="seed").value == 5
    assert at.query_params["seed"] == "5"


def test_view_reset_only_resets_its_view() -> None:
    at = _run({"view": "target", "rho": "0.2", "x": "1, 2, 3", "y": "3, 1, 2"})
    _button(at, "↺ Defaults of this view").click().run()
    assert at.number_input(key="rho").value == 0.6
    # the data typed in the other view stays in the link
    assert dict(at.query_params) == {"view": "target", "x": "1, 2, 3", "y": "3, 1, 2"}


# -- Anscombe, the outlier, the curve ---------------------------------------------------------


def test_anscombe_table_and_four_pictures() -> None:
    at = _run({"view": "anscombe"})
    table = at.table[0].value
    assert list(table["r"]) == ["0.816", "0.816", "0.816", "0.817"]
    assert set(table["mean of x"]) == {"9.00"}
    assert set(table["line y ="]) == {"3.00\u00a0+\u00a00.500·x"}  # one line each
    assert len([t for t in figures(at)[0]["data"] if t["mode"] == "markers"]) == 4
    assert "Always plot your data" in texts(at)
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_anscombe_can_hide_the_pictures_for_a_class() -> None:
    at = _run({"view": "anscombe", "pictures": "0"})
    assert at.table
    assert not figures(at)
    at.toggle(key="pictures").set_value(True).run()
    assert figures(at)


def test_moving_the_outlier_moves_r() -> None:
    at = _run({"view": "outlier"})
    assert _metrics(at)["r with the outlier"] == "−0.377"
    at.number_input(key="oy").set_value(3.5).run()
    assert _metrics(at)["r with the outlier"] == "0.892"
    assert _metrics(at)["r without"] == "0.768"
    outlier = trace(figures(at)[0], "outlier")
    assert (list(outlier["x"]), list(outlier["y"])) == ([5.0], [3.5])
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_outlier_example_creates_a_correlation() -> None:
    at = _run({"view": "outlier"})
    _button(at, "One point creates a correlation").click().run()
    metrics = _metrics(at)
    assert abs(float(metrics["r without"].replace("−", "-"))) < 0.1
    assert float(metrics["r with the outlier"]) > 0.7
    assert "Correlation is not causation" in " ".join(i.value for i in at.info)


def test_curve_symmetric_r_near_zero_then_one_sided() -> None:
    at = _run({"view": "curve", "curve_noise": "0"})
    assert _metrics(at)["Pearson r"] == "0.000"
    assert "r is near 0" in texts(at)
    _button(at, "Right half").click().run()
    assert float(_metrics(at)["Pearson r"]) > 0.9
    assert _metrics(at)["Spearman ρₛ"] == "1.000"
    assert at.query_params["centre"] == "3"
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


# -- the correlation matrix -----------------------------------------------------------------


def test_matrix_warns_about_redundant_features() -> None:
    at = _run({"view": "matrix"})
    assert "area** and **rooms** are strongly correlated" in at.warning[0].value
    heat = figures(at)[0]["data"][0]
    fm = corr.feature_matrix(200, 0.9, 0.8, 0)
    np.testing.assert_allclose(heat["z"], fm.matrix)
    at.number_input(key="link").set_value(0.3).run()
    assert not at.warning
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output


def test_matrix_pair_selection() -> None:
    at = _run({"view": "matrix", "fx": "distance", "fy": "price"})
    pair = figures(at)[2]
    assert pair["layout"]["title"]["text"].startswith("price vs distance: r = −0.4")
    at.selectbox(key="fx").set_value("age").run()
    assert figures(at)[2]["layout"]["title"]["text"].startswith("price vs age")
    assert at.query_params["fx"] == "age"


# -- links: applied, written back, bad values fall back -------------------------------------


def test_bad_link_values_fall_back_with_a_note() -> None:
    query = {"view": "target", "rho": "5", "n": "lots", "seed": "-3", "zz": "1"}
    at = _run(query)
    assert at.number_input(key="rho").value == 0.6
    assert at.slider(key="n").value == 100
    notes = " ".join(c.value for c in at.caption)
    for name in ("rho", "n", "seed", "zz"):
        assert f"`{name}`" in notes


def test_bad_typed_data_in_a_link_falls_back_to_the_notebook() -> None:
    at = _run({"x": "1, two", "view": "nonsense"})
    assert at.text_input(key="x").value == "1, 2, 3, 4"
    assert _metrics(at)["Pearson r"] == "1.000"
    assert "Ignored `x`" in " ".join(c.value for c in at.caption)


# -- the game -----------------------------------------------------------------------------


def _guess(at: AppTest, value: float) -> AppTest:
    at.slider(key="guess").set_value(value)
    return _button(at, "Check my guess").click().run()


def test_game_hides_the_answer_then_scores_the_guess() -> None:
    at = _run({"view": "guess", "seed": "5"})
    round_ = corr.game_round(5, 1)
    answer = corr.format_r(round_.r)
    assert answer not in texts(at)
    assert [t["mode"] for t in figures(at)[0]["data"]] == ["markers"]
    assert not at.code  # no code panel: it would give the answer away
    _guess(at, round(round_.r, 2))
    assert not at.exception
    assert "**Great!**" in at.success[0].value
    assert answer in at.success[0].value
    assert _metrics(at) == {"points": "3", "streak": "1", "best": "1"}
    code, output = code_panel(at)
    assert repr(run_snippet(code)) == output == repr(np.float64(round_.r))
    assert len(figures(at)) == 2  # the round and the history of guesses


def test_game_streak_and_next_round() -> None:
    at = _run({"view": "guess", "seed": "5"})
    _guess(at, round(corr.game_round(5, 1).r, 2))
    _button(at, "Next round ▶").click().run()
    assert at.query_params["round"] == "2"
    wrong = -1.0 if corr.game_round(5, 2).r > 0 else 1.0
    _guess(at, wrong)
    assert "Not this time" in at.warning[0].value
    assert _metrics(at) == {"points": "3", "streak": "0", "best": "1"}
    _button(at, "Start again from round 1").click().run()
    assert _metrics(at) == {"points": "0", "streak": "0", "best": "0"}
    assert "round" not in at.query_params


def test_a_class_with_one_seed_sees_the_same_rounds() -> None:
    first = _run({"view": "guess", "seed": "77", "round": "3"})
    second = _run({"view": "guess", "seed": "77", "round": "3"})
    a, b = figures(first)[0]["data"][0], figures(second)[0]["data"][0]
    np.testing.assert_array_equal(a["x"], b["x"])
    np.testing.assert_array_equal(a["y"], b["y"])
    other = _run({"view": "guess", "seed": "78", "round": "3"})
    assert len(figures(other)[0]["data"][0]["x"]) != len(a["x"]) or not np.array_equal(
        figures(other)[0]["data"][0]["y"], a["y"]
    )


def test_teacher_can_hide_the_seed() -> None:
    at = _run({"view": "guess", "seed": "12", "hide": "seed"})
    assert not [w for w in at.number_input if w.key == "seed"]
    round_ = corr.game_round(12, 1)
    _guess(at, 0.0)
    assert corr.format_r(round_.r) in texts(at)


# -- the game survives a new session: it lives in the link --------------------------------


def _words(at: AppTest) -> str:
    """Every piece of text a learner reads: markdown, captions, boxes."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.text)]
    parts += [e.value for e in (*at.info, *at.warning, *at.success, *at.error)]
    return "\n".join(parts)


def _play_two_rounds(seed: int) -> AppTest:
    """Round 1 guessed right, round 2 wrong: 3 points, streak 0, best 1."""
    at = _run({"view": "guess", "seed": str(seed)})
    _guess(at, round(corr.game_round(seed, 1).r, 2))
    _button(at, "Next round ▶").click().run()
    _guess(at, -1.0 if corr.game_round(seed, 2).r > 0 else 1.0)
    assert not at.exception
    return at


def test_a_new_session_with_the_link_shows_the_same_round_and_score() -> None:
    """A reload, or a reconnect to another server process, keeps the game."""
    played = _play_two_rounds(5)
    before = _metrics(played)
    assert before == {"points": "3", "streak": "0", "best": "1"}
    link = dict(played.query_params)
    r1, r2 = corr.game_round(5, 1).r, corr.game_round(5, 2).r
    assert link["guesses"] == game.guesses_text([(1, r1), (2, -1.0 if r2 > 0 else 1)])
    fresh = _run(link)  # a new session: nothing but the link
    assert _metrics(fresh) == before
    assert fresh.warning[0].value.startswith("Round 2: you guessed")
    assert "Not this time" in fresh.warning[0].value
    assert fresh.warning[0].value == played.warning[0].value
    assert "2 rounds played · 1 great" in _words(fresh)
    assert not [b for b in fresh.button if b.label == "Check my guess"]
    history = trace(figures(fresh)[1], "your guesses")
    np.testing.assert_array_equal(
        history["y"], trace(figures(played)[1], "your guesses")["y"]
    )
    assert dict(fresh.query_params) == link
    # and the game goes on from there
    _button(fresh, "Next round ▶").click().run()
    assert fresh.query_params["round"] == "3"
    _guess(fresh, round(corr.game_round(5, 3).r, 2))
    assert _metrics(fresh) == {"points": "6", "streak": "1", "best": "1"}


def test_a_link_with_guesses_replays_them_in_order() -> None:
    seed = 9
    rs = [corr.game_round(seed, n).r for n in (1, 2, 7)]
    text = game.guesses_text([(1, rs[0]), (2, rs[1]), (7, -rs[2])])
    at = _run({"view": "guess", "seed": str(seed), "round": "7", "guesses": text})
    record = game.replay_game(seed, text)
    assert _metrics(at) == {
        "points": str(record.points),
        "streak": str(record.streak),
        "best": str(record.best_streak),
    }
    assert record.best_streak == 2
    assert "3 rounds played" in _words(at)
    verdict = [*at.success, *at.warning]
    assert len(verdict) == 1
    assert verdict[0].value.startswith("Round 7: you guessed")


HOSTILE_GUESSES = [
    "abc",
    "45__30",
    "45_",
    "1r45_1r30",  # round 1 twice
    "101",  # more than 1 in hundredths
    "9999r5_6",  # round 10000
    "+45",
    "٣",  # an Arabic-Indic digit
    "_".join(["0"] * (game.MAX_PLAYED + 1)),
    "9" * (game.MAX_GUESSES_CHARS + 1),
    "1" * 100_000,
    "![x](http://10.0.0.1/num.png)",
    "45\n\n# HACKED",
]


@pytest.mark.parametrize("value", HOSTILE_GUESSES, ids=range(len(HOSTILE_GUESSES)))
def test_a_bad_guesses_link_starts_a_new_game_with_a_note(value: str) -> None:
    at = _run({"view": "guess", "seed": "5", "guesses": value})
    assert not at.exception
    assert not at.error
    said = _words(at)
    assert "Ignored" in said
    assert "guesses" in said
    assert "10.0.0.1" not in said
    assert "HACKED" not in said
    assert len(said) < 5_000  # nothing long is echoed
    assert _metrics(at) == {"points": "0", "streak": "0", "best": "0"}
    assert [b for b in at.button if b.label == "Check my guess"]
    assert "guesses" not in at.query_params


def test_a_full_game_says_to_start_again() -> None:
    text = "_".join(["0"] * game.MAX_PLAYED)
    query = {"view": "guess", "seed": "5", "guesses": text}
    at = _run({**query, "round": str(game.MAX_PLAYED + 1)})
    assert not [b for b in at.button if b.label == "Check my guess"]
    assert ctext.game_full(game.MAX_PLAYED) in [box.value for box in at.info]
    assert f"{game.MAX_PLAYED} rounds played" in _words(at)
    _button(at, "Start again from round 1").click().run()
    assert _metrics(at) == {"points": "0", "streak": "0", "best": "0"}
    assert "guesses" not in at.query_params
    assert "round" not in at.query_params
    played = _run({**query, "round": "7"})  # a played round still shows its verdict
    assert _button(played, "Next round ▶")


def test_each_seed_keeps_its_game_in_the_session() -> None:
    at = _run({"view": "guess"})
    _guess(at, round(corr.game_round(0, 1).r, 2))
    assert _metrics(at)["points"] == "3"
    at.number_input(key="seed").set_value(6).run()
    assert _metrics(at)["points"] == "0"
    assert "guesses" not in at.query_params
    at.number_input(key="seed").set_value(0).run()
    assert _metrics(at)["points"] == "3"
    assert at.query_params["guesses"] == game.guesses_text(
        [(1, corr.game_round(0, 1).r)]
    )
    _button(at, "↺ Notebook example").click().run()  # the controls, not the game
    assert "guesses" not in at.query_params
    at.segmented_control(key="view").set_value("guess").run()
    assert _metrics(at)["points"] == "3"
