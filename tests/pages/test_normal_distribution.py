"""The Normal distribution page as a learner uses it (AppTest)."""

from __future__ import annotations

from statistics import (
    NormalDist,
)  # stdlib first, before AppTest puts pages/ on sys.path

import numpy as np
import pytest

from tests.helpers import (
    code_panel,
    figure_bytes,
    figures,
    page_test,
    run_snippet,
    texts,
    trace,
)

SCRIPT = "pages/normal_distribution.py"


def first_ten_on_page(at) -> list[float]:
    line = next(
        m.value for m in at.markdown if m.value.startswith("**First ten draws**")
    )
    numbers = line.split(": ", 1)[1].replace("−", "-")
    return [float(v) for v in numbers.split(", ")]


def test_default_reproduces_cell_7_with_a_seed() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    assert "rng.normal(loc=0, scale=1, size=100)" in code
    shown = run_snippet(code)
    np.testing.assert_array_equal(
        shown, np.random.default_rng(0).normal(loc=0, scale=1, size=100)[:10]
    )
    assert output == repr(shown)
    np.testing.assert_allclose(first_ten_on_page(at), shown, atol=5e-5)
    assert "without a seed" in texts(at)
    bars = trace(figures(at)[0], "your draws")
    assert len(bars["x"]) == 20


def test_moving_mu_moves_the_bars_on_fixed_axes() -> None:
    at = page_test(SCRIPT).run()
    before = figures(at)[0]
    at.number_input(key="mu").set_value(2.0).run()
    assert not at.exception
    after = figures(at)[0]
    assert after["layout"]["xaxis"]["range"] == before["layout"]["xaxis"]["range"]
    shift = np.mean(trace(after, "your draws")["x"]) - np.mean(
        trace(before, "your draws")["x"]
    )
    assert shift == pytest.approx(2.0)
    assert at.query_params["mu"] in ("2", ["2"])
    code, _ = code_panel(at)
    assert "loc=2" in code


def test_each_control_changes_the_picture() -> None:
    at = page_test(SCRIPT).run()
    at.number_input(key="sigma").set_value(2.0).run()
    assert "scale=2" in code_panel(at)[0]
    at.slider(key="bins").set_value(50).run()
    assert len(trace(figures(at)[0], "your draws")["x"]) == 50
    at.number_input(key="seed").set_value(7).run()
    assert "seed=7" in code_panel(at)[0]
    new_draw = next(b for b in at.button if b.label == "New random sample")
    new_draw.click().run()
    assert at.number_input(key="seed").value == 8


def test_figure_bytes_do_not_grow_with_n() -> None:
    small = page_test(SCRIPT, {"n": "100", "bins": "40"}).run()
    large = page_test(SCRIPT, {"n": "1000000", "bins": "40"}).run()
    assert not large.exception
    assert "1,000,000 draws" in texts(large)
    # 10,000 times more draws; the figure grows by the width of the bar counts only
    assert figure_bytes(large) - figure_bytes(small) < 400
    assert figure_bytes(large) < 150_000


def test_rule_view_table_matches_the_code() -> None:
    at = page_test(
        SCRIPT, {"view": "rule", "n": "10000", "mu": "1", "sigma": "0.5"}
    ).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    shares = run_snippet(code)
    assert output == repr(shares)
    words = texts(at)
    for share, theory in zip(shares, ("68.27%", "95.45%", "99.73%"), strict=True):
        assert f"{100 * share:.2f}%" in words
        assert theory in words


def test_interval_view_cdf_and_share() -> None:
    at = page_test(
        SCRIPT, {"view": "interval", "a": "-0.5", "b": "2", "n": "1000"}
    ).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    probability, share = run_snippet(code)
    assert probability == NormalDist().cdf(2) - NormalDist().cdf(-0.5)
    assert repr((probability, share)) == output
    words = texts(at)
    assert f"{probability:.4f}" in words
    assert f"{100 * share:.2f}%" in words
    assert trace(figures(at)[0], "P(−0.5 < X < 2)")


def test_interval_with_a_after_b_is_an_error_that_keeps_the_chart() -> None:
    at = page_test(SCRIPT, {"view": "interval"}).run()
    at.number_input(key="a").set_value(3.0).run()
    assert not at.exception
    assert "needs a < b" in at.error[0].value
    assert trace(figures(at)[0], "P(−1 < X < 1)")


def test_url_parameters_are_applied_and_written_back() -> None:
    query = {"mu": "-1.5", "sigma": "0.8", "n": "5000", "seed": "3", "view": "rule"}
    at = page_test(SCRIPT, query).run()
    assert not at.exception
    assert "5,000 draws" in texts(at)
    assert {k: at.query_params[k] for k in query} in (
        query,
        {k: [v] for k, v in query.items()},
    )


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(SCRIPT, {"sigma": "0", "n": "5", "seed": "-1", "mu": "x"}).run()
    assert not at.exception
    assert not at.error
    notes = " ".join(c.value for c in at.caption)
    for key in ("sigma", "n", "seed", "mu"):
        assert f"Ignored `{key}`" in notes
    assert "100 draws" in texts(at)
