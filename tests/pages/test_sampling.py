"""The Sampling page (law of large numbers, central limit theorem) in AppTest."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers import code_panel, figures, page_test, run_snippet, texts, trace

SCRIPT = "pages/sampling.py"


def test_default_law_of_large_numbers() -> None:
    at = page_test(SCRIPT).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    finals = run_snippet(code)
    assert output == repr(finals)
    assert len(finals) == 3
    assert np.all(np.abs(finals - 3.5) < 4 * np.sqrt(35 / 12) / np.sqrt(1000))
    fig = figures(at)[0]
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert trace(fig, "true mean μ = 3.5")
    assert "1,000 draws" in texts(at)


def test_more_draws_and_another_source() -> None:
    at = page_test(SCRIPT).run()
    at.number_input(key="n").set_value(50_000).run()
    at.selectbox(key="source").set_value("exponential").run()
    at.slider(key="runs").set_value(5).run()
    assert not at.exception
    code, output = code_panel(at)
    assert "rng.exponential(scale=1, size=(5, 50000))" in code
    assert repr(run_snippet(code)) == output
    assert [
        t["name"] for t in figures(at)[0]["data"] if t["name"].startswith("run")
    ] == [f"run {i}" for i in range(1, 6)]
    assert at.query_params["source"] in ("exponential", ["exponential"])


@pytest.mark.parametrize(("source", "k"), [("uniform", 1), ("die", 10), ("rare", 50)])
def test_central_limit_theorem_view(source: str, k: int) -> None:
    at = page_test(SCRIPT, {"view": "clt", "source": source, "k": str(k)}).run()
    assert not at.exception
    assert not at.error
    code, output = code_panel(at)
    mean, std = run_snippet(code)
    assert repr((mean, std)) == output
    words = texts(at)
    assert "the central limit theorem predicts" in words
    assert f"{std:.3g}" in words
    assert trace(figures(at)[0], "CLT: N(")


def test_k_slider_narrows_the_means() -> None:
    at = page_test(SCRIPT, {"view": "clt", "source": "exponential", "k": "1"}).run()
    wide = run_snippet(code_panel(at)[0])[1]
    assert "still far from" in texts(at)
    at.slider(key="k").set_value(40).run()
    narrow = run_snippet(code_panel(at)[0])[1]
    assert narrow == pytest.approx(wide / np.sqrt(40), rel=0.1)
    assert "close to the normal curve" in texts(at)


def test_new_draws_button_moves_the_seed() -> None:
    at = page_test(SCRIPT).run()
    next(b for b in at.button if b.label == "New draws (next seed)").click().run()
    assert at.number_input(key="seed").value == 1
    assert "seed=1" in code_panel(at)[0]


def test_bad_url_values_fall_back_with_a_note() -> None:
    at = page_test(
        SCRIPT, {"view": "clt", "k": "99", "source": "coin", "repeats": "5"}
    ).run()
    assert not at.exception
    assert not at.error
    notes = " ".join(c.value for c in at.caption)
    for key in ("k", "source", "repeats"):
        assert f"Ignored `{key}`" in notes
