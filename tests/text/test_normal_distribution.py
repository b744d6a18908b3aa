"""text.normal_distribution: the code panels reproduce the page's numbers; words."""

from __future__ import annotations

import math
from statistics import NormalDist  # the standard library: an independent implementation

import numpy as np

from core import normal_distribution as nd
from tests.helpers import run_snippet
from text import normal_distribution as txt


def test_notebook_cell_7_with_a_seed() -> None:
    sample = nd.sample_normal(mu=0, sigma=1, n=100, bins=20, seed=0)
    code = txt.draws_code(sample)
    assert "rng.normal(loc=0, scale=1, size=100)" in code
    assert code.endswith("samples[:10]")
    shown = run_snippet(code)
    expected = np.random.default_rng(0).normal(loc=0, scale=1, size=100)[:10]
    np.testing.assert_array_equal(shown, expected)
    np.testing.assert_array_equal(txt.draws_code_result(sample), expected)
    assert len(sample.first_ten) == 10


def test_the_unseeded_notebook_numbers_are_explained() -> None:
    assert "without a seed" in txt.UNSEEDED_SENTENCE
    assert "0.214" in txt.UNSEEDED_SENTENCE  # the notebook's own first draw


def test_interval_probability_hand_checked() -> None:
    draws = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    r = nd.interval_probability(0, 1, -1, 1, draws)
    assert (r.count, r.n, r.share) == (3, 5, 0.6)
    assert r.probability == NormalDist().cdf(1) - NormalDist().cdf(-1)
    words = txt.describe_interval(r)
    assert "0.6827" in words
    assert "60.00%" in words


def test_interval_code_runs() -> None:
    s = nd.sample_normal(1, 2, 2000, bins=20, seed=3)
    r = nd.interval_probability(1, 2, 0, 4, nd.draw_normal(1, 2, 2000, 3))
    assert run_snippet(txt.interval_code(s, r)) == txt.interval_code_result(r)


def test_rule_code_runs() -> None:
    s = nd.sample_normal(-1, 0.5, 300, bins=20, seed=9)
    np.testing.assert_array_equal(run_snippet(txt.rule_code(s)), s.within)


def test_words_and_formulas() -> None:
    s = nd.sample_normal(0, 1, 100, bins=20, seed=0)
    words = txt.describe_draws(s)
    assert "100 draws" in words
    assert "σ/√n = 0.1" in words
    assert "68.27%" in txt.rule_table(s)
    assert "99.73%" in txt.rule_table(s)
    r = nd.interval_probability(0, 1, -1, 1, np.zeros(4))
    assert "0.6827" in txt.interval_latex(r)
    assert math.isclose(
        float(txt.interval_latex(r).split("=")[-1].split()[0]), 0.6827, abs_tol=1e-4
    )


def test_first_ten_draws_line_uses_a_typographic_minus() -> None:
    s = nd.sample_normal(0, 1, 100, bins=20, seed=0)
    line = txt.first_ten_line(s)
    assert line.startswith("**First ten draws** (seed 0): 0.1257, −0.1321, 0.6404")
    assert line.count(", ") == 9


def test_interval_formula_holds_the_z_scores() -> None:
    r = nd.interval_probability(1, 2, 0, 4, np.zeros(3))
    latex = txt.interval_latex(r)
    assert r"\Phi(1.5) - \Phi(-0.5)" in latex
    assert f"{r.probability:.4f}" in latex
