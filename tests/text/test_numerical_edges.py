"""Issue 16, item 7, in the learner's words: code panels still reproduce the page.

Where a fix changed a number (log space, a tail, an exact 0), the code panel
changed with it; each must still print exactly what the page shows.
"""

from __future__ import annotations

import numpy as np
import pytest

from core import descriptive_statistics as ds
from core import normal_distribution as nd
from core import vectors as vec
from core.bayes import naive_bayes
from core.parsing import display_number
from tests.helpers import run_snippet
from text import descriptive_statistics as ds_text
from text import normal_distribution as nd_text
from text import vectors as vec_text
from text.bayes import naive as nb_text


@pytest.mark.parametrize(
    ("spam", "ham"),
    [
        ([1e-200] * 3, [1e-200] * 3),
        ([1e-200, 2e-150, 0.5], [1e-200, 1e-170, 0.7]),
        ([1e-200, 0.0, 0.5], [1e-200, 1e-170, 0.7]),
        ([0.3, 0.25, 0.05], [0.03, 0.05, 0.1]),
    ],
)
def test_naive_bayes_code_gives_the_page_number_even_when_products_underflow(
    spam: list[float], ham: list[float]
) -> None:
    verdict = naive_bayes(["free", "money", "lunch"], 0.3, spam, ham)
    with np.errstate(divide="ignore"):  # np.log(0) in the learner's code: −inf
        shown = run_snippet(nb_text.naive_bayes_code(verdict))
    assert shown == nb_text.naive_bayes_code_result(verdict)
    assert ("np.log" in nb_text.naive_bayes_code(verdict)) == verdict.underflows


@pytest.mark.parametrize(
    ("mu", "sigma", "a", "b"),
    [(-3, 0.5, 6, 9), (3, 0.5, -9, -6), (0, 1, 1, 2), (0, 1, -2, -1), (1, 2, 0, 4)],
)
def test_interval_code_reproduces_tails_and_middles(
    mu: float, sigma: float, a: float, b: float
) -> None:
    sample = nd.sample_normal(mu, sigma, 100, bins=20, seed=1)
    interval = nd.interval_probability(
        mu, sigma, a, b, nd.draw_normal(mu, sigma, 100, 1)
    )
    assert run_snippet(nd_text.interval_code(sample, interval)) == (
        nd_text.interval_code_result(interval)
    )


@pytest.mark.parametrize("ddof", [0, 1])
@pytest.mark.parametrize("data", ["0.1, 0.1, 0.1", "0.7, 0.7", "10, 20, 30, 40"])
def test_statistics_code_reproduces_an_exact_zero_for_equal_values(
    ddof: int, data: str
) -> None:
    summary = ds.summarize(data, ddof)
    assert run_snippet(ds_text.statistics_code(summary)) == (
        ds_text.statistics_code_result(summary)
    )


@pytest.mark.parametrize("tiny", [1e-200, 1e-300, 5e-324])
def test_angle_code_of_tiny_vectors_is_not_the_zero_vector_message(tiny: float) -> None:
    result = vec.dot_product([tiny, 0], [tiny, tiny])
    shown = run_snippet(vec_text.angle_code(result.a, result.b))
    assert shown == vec_text.angle_code_result(result)
    assert shown["angle"] == 45.0


@pytest.mark.parametrize(
    ("value", "text"),
    [(1.129e-19, "1.129 × 10⁻¹⁹"), (-2e-7, "−2 × 10⁻⁷"), (0.6827, "0.6827"), (0, "0")],
)
def test_small_numbers_are_written_as_powers_of_ten(value: float, text: str) -> None:
    assert display_number(value) == text
