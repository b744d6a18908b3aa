"""text.loss_functions: the code panels reproduce the page's numbers; formulas and words."""

from __future__ import annotations

import pytest

from core import loss_functions as lf
from core.parsing import format_number
from tests.helpers import run_snippet
from text import loss_functions as words
from text.common import latex_number

# -- the code panels' code reproduces the numbers --------------------------------------


def test_fit_code_gives_the_page_numbers() -> None:
    for data in (
        lf.make_dataset(12, 3, 1.2),
        lf.typed_dataset("1, 2, 3.5", "2, 2.5, 5"),
    ):
        fit = lf.fit_line(data, 0.8, 1.5)
        assert run_snippet(words.fit_code(fit)) == words.fit_code_result(fit)


@pytest.mark.parametrize("outlier", [True, False])
def test_compare_code_gives_the_page_numbers(outlier: bool) -> None:
    for data in (
        lf.make_dataset(12, 1, 1.0),
        lf.typed_dataset("1, 2, 3, 4", "1, 2.5, 2.9, 4.2"),
    ):
        comparison = lf.compare_losses(
            data, 1.5, outlier=outlier, outlier_x=2.5, outlier_dy=-6.0
        )
        assert run_snippet(words.compare_code(comparison)) == words.compare_code_result(
            comparison
        )


# -- words and formulas ---------------------------------------------------------------------


def test_formula_with_numbers() -> None:
    latex = words.mse_latex(lf.residual_report("3, 5, 7", "2, 5, 8"))
    assert r"(3 - 2)^2 + (5 - 5)^2 + (7 - 8)^2" in latex
    assert r"\frac{2}{3} = 0.666667" in latex
    long = words.mse_latex(lf.residual_report(list(range(20)), [0] * 20))
    assert r"\cdots" in long
    assert r"\frac{2470}{20} = 123.5" in long


def test_descriptions() -> None:
    report = lf.residual_report("3, 5, 7", "2, 5, 8")
    assert "MSE = 0.666667" in words.describe_residuals(report)
    assert "perfect fit" in words.describe_residuals(lf.residual_report("1, 2", "1, 2"))
    data = lf.make_dataset(12, 0, 1.0)
    fit = lf.fit_line(data, 1.0, 0.0)
    assert "MSE 1.9619" in words.describe_fit(fit)
    best = lf.fit_line(data, fit.w_best, fit.b_best)
    assert "is the least-squares line" in words.describe_fit(best)
    assert "1.359" in words.fit_latex(fit)


def test_the_best_line_stays_hidden_until_asked() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    fit = lf.fit_line(data, 1.0, 0.0)
    best_w = format_number(fit.w_best, 4)
    assert best_w in words.describe_fit(fit)
    hidden = words.describe_fit(fit, show_best=False)
    assert best_w not in hidden  # the line is not given away ...
    assert format_number(fit.mse_best, 5) in hidden  # ... the MSE to beat is
    assert latex_number(fit.w_best) in words.fit_latex(fit)
    assert latex_number(fit.w_best) not in words.fit_latex(fit, show_best=False)
    assert latex_number(fit.mse_best, 5) in words.fit_latex(fit, show_best=False)
    assert r"\delta = 1.5" in words.loss_curves_latex(1.5)


def test_readouts_are_label_value_note() -> None:
    report = lf.residual_report("3, 5, 7", "2, 5, 8")
    assert words.residual_metrics(report)[0] == (
        "MSE (mean of squares)",
        "0.666667",
        None,
    )
    data = lf.make_dataset(12, 0, 1.0)
    fit = lf.fit_line(data, 1.0, 0.0)
    path = lf.descent_path(data, 1.0, 0.0, lr=0.5, steps=100)
    assert words.fit_metrics(fit, path)[2] == (
        f"Descent diverged at step {path.diverged_at}",
        "∞",
        None,
    )
