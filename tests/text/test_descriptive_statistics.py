"""text.descriptive_statistics: notebook cell 6's code and output, formulas, words."""

from __future__ import annotations

import pytest

from core import descriptive_statistics as stats
from tests.helpers import run_snippet
from text import descriptive_statistics as txt


def test_notebook_cell_6_exactly() -> None:
    summary = stats.summarize("10, 20, 30, 40")
    result = txt.statistics_code_result(summary)
    # Out[6]: (np.float64(25.0), np.float64(125.0), np.float64(11.180339887498949))
    assert repr(result) == (
        "(np.float64(25.0), np.float64(125.0), np.float64(11.180339887498949))"
    )
    assert run_snippet(txt.statistics_code(summary)) == result


def test_sample_variance_code_uses_ddof_1() -> None:
    s = stats.summarize("10, 20, 30, 40", ddof=1)
    code = txt.statistics_code(s)
    assert "ddof=1" in code
    mean, variance, std = run_snippet(code)
    assert (mean, variance, std) == txt.statistics_code_result(s)
    assert variance == pytest.approx(500 / 3)


def test_formula_and_words_carry_the_numbers() -> None:
    s = stats.summarize("10, 20, 30, 40")
    latex = txt.variance_latex(s)
    assert r"\frac{500}{4} = 125" in latex
    assert r"\sqrt{125} = 11.1803" in latex
    words = txt.describe_spread(s)
    assert "**125**" in words
    assert "**11.1803**" in words
    assert "2 of the 4 values" in words
    sample = stats.summarize("10, 20, 30, 40", ddof=1)
    assert r"\frac{500}{3}" in txt.variance_latex(sample)
    assert "n − 1 = 3" in txt.describe_spread(sample)


def test_centre_code_runs() -> None:
    s = stats.summarize("3, 1, 2, 100")
    assert run_snippet(txt.centre_code(s.values)) == (s.mean, s.median)
    assert float(s.median) == 2.5


@pytest.mark.parametrize(
    ("data", "says", "never"),
    [
        # one extreme value: the mean moves, the median only a little
        (
            "10, 20, 30, 40, 200",
            "mean by **35** (to 25) but the median only by **5**",
            "",
        ),
        # no outlier: the same shift, never "by 5 … but only by 5"
        ("10, 20, 30, 40", "and the median by the same **5**", "only by"),
        ("1, 1, 1, 100, 100", "the median **not at all** (it stays 1)", "only by"),
        # the middle in a gap: the median moves more than the mean
        ("1, 2, 10, 11", "the median by **4** (to 10), more than the mean", "only by"),
    ],
)
def test_the_outlier_sentence_is_right_in_every_case(
    data: str, says: str, never: str
) -> None:
    summary = stats.summarize(data, 0)
    sentence = txt.describe_centre(summary, stats.outlier_effect(summary))
    assert says in sentence
    if never:
        assert never not in sentence
