"""Learner text for the Loss-functions page: code panels, formulas, sentences, notes.

Pure functions of ``core.loss_functions`` results: no Streamlit, no Plotly. One
module per view (``squares``, ``fitting``, ``comparison``) and one for the code
panels (``code``).
"""

from __future__ import annotations

from text.loss_functions.code import (
    compare_code,
    compare_code_result,
    descent_code,
    descent_code_result,
    fit_code,
    fit_code_result,
    mse_code,
    mse_code_result,
)
from text.loss_functions.comparison import (
    COMPARE_NOTE,
    comparison_rows,
    curves_alt,
    describe_comparison,
    line_text,
    loss_curves_latex,
)
from text.loss_functions.fitting import (
    SEEDED_NOTE,
    VALLEY_NOTE,
    describe_fit,
    describe_path,
    fit_latex,
    fit_metrics,
    gradient_latex,
)
from text.loss_functions.squares import (
    FORMULA_TERMS,
    GRADIENT_NOTE,
    INTRO,
    LIST_HELP,
    NORMALISATION,
    PRESETS,
    describe_residuals,
    markdown_table,
    mse_latex,
    residual_metrics,
    residual_rows,
)

__all__ = [
    "COMPARE_NOTE",
    "FORMULA_TERMS",
    "GRADIENT_NOTE",
    "INTRO",
    "LIST_HELP",
    "NORMALISATION",
    "PRESETS",
    "SEEDED_NOTE",
    "VALLEY_NOTE",
    "compare_code",
    "compare_code_result",
    "comparison_rows",
    "curves_alt",
    "descent_code",
    "descent_code_result",
    "describe_comparison",
    "describe_fit",
    "describe_path",
    "describe_residuals",
    "fit_code",
    "fit_code_result",
    "fit_latex",
    "fit_metrics",
    "gradient_latex",
    "line_text",
    "loss_curves_latex",
    "markdown_table",
    "mse_code",
    "mse_code_result",
    "mse_latex",
    "residual_metrics",
    "residual_rows",
]
