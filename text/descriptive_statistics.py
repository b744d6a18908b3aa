"""Learner text for the Mean, variance & std page: code, formulas and sentences.

Pure functions of ``core.descriptive_statistics`` results: no Streamlit, no Plotly.

Examples
--------
>>> from core.descriptive_statistics import summarize
>>> statistics_code(summarize("10, 20, 30, 40")).splitlines()[-1]
'mean, variance, std_dev'
>>> "**125**" in describe_spread(summarize("10, 20, 30, 40"))
True
"""

from __future__ import annotations

import numpy as np

from core.descriptive_statistics import (
    MAX_VALUES,
    NOTEBOOK_DATA,
    DataSummary,
    OutlierEffect,
)
from core.parsing import code_literal, display_number, format_number

#: The page's opening paragraph.
INTRO = (
    "The **mean** is the balance point of your numbers; the **variance** is the "
    "average *squared* distance from it, and the **standard deviation** is its "
    "square root — a typical distance from the mean, in the data's own units. "
    "Type your own numbers or pick a preset. *(Notebook cell 6: 10, 20, 30, 40 "
    "gives mean 25.0, variance 125.0, std 11.18.)*"
)
#: The help under the list box.
DATA_HELP = (
    f"Up to {MAX_VALUES} numbers separated by commas or spaces, "
    "e.g. 10, 20, 30, 40. Press Enter to apply."
)
#: Ready-made lists: short URL word -> (button label, the list).
PRESETS: dict[str, tuple[str, str]] = {
    "notebook": ("Notebook: 10, 20, 30, 40", NOTEBOOK_DATA),
    "outlier": ("With an outlier: … 200", "10, 20, 30, 40, 200"),
    "wider": ("Same mean, twice the spread", "-5, 15, 35, 55"),
    "equal": ("All equal", "25, 25, 25, 25"),
    "scores": ("Test scores", "62, 71, 75, 78, 80, 83, 85, 88, 90, 94"),
}
#: The caption above the preset buttons.
PRESETS_CAPTION = "Or try"
#: The text alternative of the "move one value" chart.
MOVE_VALUE_ALT = (
    "The mean moves in a straight line with the moved value; the median "
    "stays flat once that value is past the middle of the data."
)


# -- code shown to the learner ---------------------------------------------------


def statistics_code(summary: DataSummary) -> str:
    """The notebook's cell 6 with the learner's list (and ``ddof=1`` if chosen)."""
    values, ddof = summary.values, summary.ddof
    head = (
        "import numpy as np\n\n"
        "# Mean, Variance, Standard Deviation\n"
        f"Tawqeer = np.array({code_literal(values)})\n"
        "mean = np.mean(Tawqeer)\n"
    )
    if summary.all_equal and summary.n > 1:
        dof = "" if ddof == 0 else ", ddof=1"
        spread = (
            "# every value is the same, so nothing varies: measure the spread from\n"
            "# the first value (np.var(Tawqeer) would show the rounding noise of the\n"
            "# mean, a tiny number such as 1.9e-34, instead of 0)\n"
            f"variance = np.var(Tawqeer - Tawqeer[0]{dof})\n"
            f"std_dev = np.std(Tawqeer - Tawqeer[0]{dof})\n"
        )
    elif ddof == 0:
        spread = "variance = np.var(Tawqeer)\nstd_dev = np.std(Tawqeer)\n"
    else:
        spread = (
            "# sample variance and std: divide by n - 1 instead of n\n"
            "variance = np.var(Tawqeer, ddof=1)\n"
            "std_dev = np.std(Tawqeer, ddof=1)\n"
        )
    return head + spread + "\nmean, variance, std_dev"


def statistics_code_result(
    summary: DataSummary,
) -> tuple[np.float64, np.float64, np.float64]:
    """What :func:`statistics_code` evaluates to: ``(mean, variance, std_dev)``."""
    return summary.mean, summary.variance(), summary.std()


def centre_code(values: np.ndarray) -> str:
    """Mean and median side by side, in the notebook's style."""
    return (
        "import numpy as np\n\n"
        f"Tawqeer = np.array({code_literal(values)})\n"
        "mean = np.mean(Tawqeer)\n"
        "median = np.median(Tawqeer)  # the middle value once sorted\n\n"
        "mean, median"
    )


def centre_code_result(summary: DataSummary) -> tuple[np.float64, np.float64]:
    """What :func:`centre_code` evaluates to: ``(mean, median)``."""
    return summary.mean, summary.median


# -- words and formulas (pure text) ----------------------------------------------


def _terms(summary: DataSummary, most: int = 4) -> str:
    """``(10 − 25)² + (20 − 25)² + …`` for the formula."""

    def term(x: float) -> str:
        mean = format_number(float(summary.mean), 6)
        return rf"({format_number(x, 6)} - {mean})^2"

    shown = [term(x) for x in summary.values[:most]]
    if summary.n > most:
        shown.append(r"\dots")
    return " + ".join(shown)


def variance_latex(summary: DataSummary) -> str:
    """``σ² = (1/n) Σ (xᵢ − x̄)² = (…)/4 = 125, σ = √125 = 11.18`` with the numbers."""
    n = summary.n
    total = format_number(float(summary.squares.sum()), 6)
    if summary.ddof == 1:
        divisor, symbol, label = n - 1, "s", r"\frac{1}{n-1}"
    else:
        divisor, symbol, label = n, r"\sigma", r"\frac{1}{n}"
    variance = format_number(float(summary.variance()), 6)
    std = format_number(float(summary.std()), 6)
    return (
        r"\begin{aligned} "
        rf"\bar{{x}} &= {format_number(float(summary.mean), 6)} \\ "
        rf"{symbol}^2 &= {label}\sum_i (x_i - \bar{{x}})^2 \\ "
        rf"&= \frac{{{_terms(summary)}}}{{{divisor}}} \\ "
        rf"&= \frac{{{total}}}{{{divisor}}} = {variance} \\ "
        rf"{symbol} &= \sqrt{{{variance}}} = {std} "
        r"\end{aligned}"
    )


def centre_latex(summary: DataSummary) -> str:
    """The mean as a sum and the median as the middle of the sorted list."""
    n = summary.n
    ordered = np.sort(summary.values)
    if n % 2:
        middle = rf"x_{{({(n + 1) // 2})}} = {format_number(float(summary.median), 6)}"
    else:
        a, b = ordered[n // 2 - 1], ordered[n // 2]
        middle = (
            rf"\frac{{{format_number(float(a), 6)} + {format_number(float(b), 6)}}}{{2}}"
            rf" = {format_number(float(summary.median), 6)}"
        )
    total = format_number(float(summary.values.sum()), 6)
    return (
        rf"\bar{{x}} = \frac{{1}}{{n}}\sum_i x_i = \frac{{{total}}}{{{n}}} = "
        rf"{format_number(float(summary.mean), 6)} \qquad \text{{median}} = {middle}"
    )


def describe_spread(summary: DataSummary) -> str:
    """What the deviations and squares show right now."""
    n, mean = summary.n, display_number(float(summary.mean), 6)
    if n == 1:
        return (
            f"With a single value the mean is that value, **{mean}**, and the "
            "population variance is **0**: nothing varies. The **sample variance is "
            "undefined**: it divides by n − 1 = 0."
        )
    if summary.var_pop == 0:
        return (
            f"All {n} values equal the mean **{mean}**: every deviation is 0, every "
            "square has area 0, so the **variance and standard deviation are 0**."
        )
    variance = display_number(float(summary.variance()), 6)
    std = display_number(float(summary.std()), 6)
    total = display_number(float(summary.squares.sum()), 6)
    inside = int(np.count_nonzero(np.abs(summary.deviations) <= summary.std()))
    share = (
        f"the mean area of the {n} squares"
        if summary.ddof == 0
        else f"their total area shared among n − 1 = {n - 1}"
    )
    return (
        f"Each segment is a value's distance from the mean **{mean}**; the square on "
        f"it has that distance squared as its area. The squares add up to {total}, "
        f"and the variance **{variance}** is {share}: the dashed square. Its side, "
        f"the standard deviation **{std}**, is a typical distance from the mean — "
        f"{inside} of the {n} values lie within ±1 std of it (the shaded band)."
    )


def describe_centre(summary: DataSummary, effect: OutlierEffect | None) -> str:
    """Mean vs median, and what the most extreme value does to each."""
    mean = display_number(float(summary.mean), 6)
    median = display_number(float(summary.median), 6)
    text = f"The mean is **{mean}** and the median (the middle value) is **{median}**."
    if effect is None:
        return text + " With so few different values there is no outlier to test."
    mean_shift, median_shift = (
        display_number(effect.mean_shift),
        display_number(effect.median_shift),
    )
    mean_to = f"(to {display_number(effect.mean_without)})"
    median_to = f"(to {display_number(effect.median_without)})"
    text += (
        f" Dropping {display_number(effect.value, 6)}, the value farthest from the "
        "median, would move "
    )
    if mean_shift == median_shift:  # as shown: "by 5 … only by 5" would be wrong
        return text + (
            f"the mean by **{mean_shift}** {mean_to} and the median by the same "
            f"**{mean_shift}** {median_to}: no value here is extreme enough to drag "
            "the mean more than the median."
        )
    if effect.mean_shift > effect.median_shift:
        median = (
            f"only by **{median_shift}** {median_to}"
            if effect.median_shift > 0
            else f"**not at all** (it stays {display_number(effect.median_without)})"
        )
        return text + (
            f"the mean by **{mean_shift}** {mean_to} but the median {median}: one "
            "extreme value drags the mean, while the median barely notices."
        )
    return text + (
        f"the median by **{median_shift}** {median_to}, more than the mean "
        f"(**{mean_shift}**, {mean_to[1:-1]}): the middle of these values sits in a "
        "gap, so losing one value moves it a long way."
    )


POPULATION_SENTENCE = (
    "**Population** variance (`ddof=0`, divide by n) describes exactly these numbers "
    "when they are the whole group you care about — NumPy's default, and what the "
    "notebook computed."
)
SAMPLE_SENTENCE = (
    "**Sample** variance (`ddof=1`, divide by n − 1) is for when these numbers are a "
    "sample from a larger population: the sample's own mean sits closer to its points "
    "than the true mean does, so dividing by n − 1 corrects the underestimate "
    "(Bessel's correction)."
)


def statistics_table(summary: DataSummary) -> str:
    """Both kinds of variance and std side by side, as a markdown table."""

    def cell(value: np.float64 | None) -> str:
        if value is None:
            return "undefined: needs 2 or more values (n − 1 = 0)"
        return format_number(float(value), 6)

    return (
        f"| n = {summary.n} | population (ddof=0, ÷ n) | sample (ddof=1, ÷ n − 1) |\n"
        "|---|---|---|\n"
        f"| mean | {cell(summary.mean)} | {cell(summary.mean)} |\n"
        f"| variance | {cell(summary.var_pop)} | {cell(summary.var_sample)} |\n"
        f"| standard deviation | {cell(summary.std_pop)} | {cell(summary.std_sample)} |\n"
        f"| median | {cell(summary.median)} | {cell(summary.median)} |"
    )
