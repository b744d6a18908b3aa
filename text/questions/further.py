"""The further questions: one or two for each view that had none (the answers are
``core.questions.further``). The views list them: ``View(..., questions=(...))``.

A question reads the page's values by URL name, exactly as the view passes them
to ``core``; a value the question cannot read (a table instead of a typed list)
raises ``ValueError``, and the panel says there is nothing to predict.
"""

from __future__ import annotations

from core.bayes import parse_message
from core.gradient_descent import CUSTOM
from core.loss_functions import Dataset
from core.questions import Answer
from core.questions import further as qf
from text.questions.question import Question, Values

#: Why a question about a typed list has no answer while a table is shown.
TABLE_REASON = (
    "Predict first asks about a typed list: pick A typed list under Numbers from"
)

#: Why Pearson's r of "Your data" has no question while a table is chosen.
TABLE_PAIRS_REASON = (
    "Predict first asks about typed pairs: pick Two lists or Columns under Enter "
    "the data as"
)


def typed_list(v: Values) -> str:
    """The learner's typed numbers (``ValueError`` while a table is chosen)."""
    if str(v.get("source", "list")) != "list":
        raise ValueError(TABLE_REASON)
    return str(v["data"])


# -- Mean, variance & std ----------------------------------------------------------------
STATISTICS_STD = Question(
    "std",
    "Predict the **standard deviation** of these numbers (with the variance chosen).",
    lambda v: qf.spread_std(typed_list(v), int(v["ddof"])),
    hides=("squares",),
)
STATISTICS_VARIANCE = Question(
    "variance",
    "Predict the **variance** of these numbers (with the divisor chosen).",
    lambda v: qf.spread_variance(typed_list(v), int(v["ddof"])),
    hides=("squares",),
)


# -- Normal distribution ---------------------------------------------------------------------
def _within(v: Values, k: int) -> Answer:
    return qf.within_sigma(
        float(v["mu"]), float(v["sigma"]), int(v["n"]), int(v["seed"]), k
    )


NORMAL_WITHIN_1 = Question(
    "within_1",
    "What **share of the draws** lies within **1σ** of μ? (0 … 1)",
    lambda v: _within(v, 1),
    bare=("rule",),
)
NORMAL_WITHIN_2 = Question(
    "within_2",
    "What **share of the draws** lies within **2σ** of μ? (0 … 1)",
    lambda v: _within(v, 2),
    bare=("rule",),
)
NORMAL_DRAWS_STD = Question(
    "draws_std",
    "Predict the **standard deviation of the n draws** (the sample's own, not σ).",
    lambda v: qf.draws_std(
        float(v["mu"]), float(v["sigma"]), int(v["n"]), int(v["seed"])
    ),
)

# -- Sampling ----------------------------------------------------------------------------------
SAMPLING_MEANS_STD = Question(
    "means_std",
    "How wide is the pile of means? Predict the **standard deviation of the means**.",
    lambda v: qf.means_std(
        str(v["source"]), int(v["k"]), int(v["repeats"]), int(v["bins"]), int(v["seed"])
    ),
    bare=("clt",),
)

# -- Bayes ----------------------------------------------------------------------------------------
BAYES_FINAL = Question(
    "final_belief",
    "After **every test result** in the list, predict the belief **P(A)** (0 … 1).",
    lambda v: qf.final_belief(
        v["form"],
        float(v["p_a"]),
        float(v["p_b_given_a"]),
        float(v["p_b"]),
        float(v["p_b_given_not_a"]),
        str(v["results"]),
    ),
    hides=("bayes_update",),
)


def _spam(v: Values) -> Answer:
    message = str(v["message"])
    words = parse_message(message)
    return qf.spam_posterior(
        message,
        float(v["p_spam"]),
        [float(v[f"spam_{word}"]) for word in words],
        [float(v[f"genuine_{word}"]) for word in words],
    )


BAYES_SPAM = Question(
    "spam",
    "Predict **P(spam | these words)**, the filter's verdict (0 … 1).",
    _spam,
    hides=("bayes_naive",),
)


# -- Gradient descent -----------------------------------------------------------------------------
def _fn(v: Values) -> tuple[str, float, float, str]:
    fn = str(v["fn"])
    f = str(v["f"]) if fn == CUSTOM else ""  # as the view passes it
    return fn, float(v["w"]), float(v["h"]), f


GD_SLOPE = Question(
    "slope",
    "Predict the **slope f′(w)** of the curve at this w.",
    lambda v: qf.slope(*_fn(v)),
    hides=("derivative",),
)
GD_LOSS = Question(
    "loss",
    "Predict the **loss f(w)** at this w.",
    lambda v: qf.loss_at(*_fn(v)),
    hides=("derivative",),
)

# -- Correlation -------------------------------------------------------------------------------------
CORRELATION_CURVE_R = Question(
    "curve_r",
    "y follows x exactly along a curve. Predict Pearson's **r** (−1 … 1).",
    lambda v: qf.curve_r(float(v["centre"]), float(v["curve_noise"]), int(v["seed"])),
    bare=("curve",),
)
CORRELATION_OUTLIER_R = Question(
    "outlier_r",
    "With the outlier where it is, predict Pearson's **r** of all the points (−1 … 1).",
    lambda v: qf.outlier_r(
        float(v["base_rho"]),
        int(v["base_n"]),
        float(v["ox"]),
        float(v["oy"]),
        int(v["seed"]),
    ),
    bare=("outlier",),
)

# -- Matrices -----------------------------------------------------------------------------------------
MATRICES_LAYER_OUTPUT = Question(
    "output",
    "Predict the layer's **first output y₁ = f(row 1 of W · x + b₁)**.",
    lambda v: qf.layer_output(str(v["w"]), str(v["x"]), str(v["bias"]), str(v["act"])),
    hides=("layer", "batch_outputs"),
)
MATRICES_TRANSPOSE_CORNER = Question(
    "abt_entry",
    "Predict the entry of **(AB)ᵀ** in **row 1, last column**.",
    lambda v: qf.product_transpose_corner(str(v["t"]), str(v["tb"])),
)


# -- Loss functions -----------------------------------------------------------------------------------
def _dataset(v: Values) -> Dataset:
    return qf.loss_dataset(
        str(v["data"]),
        int(v["n"]),
        int(v["seed"]),
        float(v["noise"]),
        str(v["x"]),
        str(v["y"]),
    )


LOSS_LINE_MSE = Question(
    "line_mse",
    "Predict the **MSE of your line** y = w·x + b on these points.",
    lambda v: qf.line_mse(_dataset(v), float(v["w"]), float(v["b"])),
    bare=("fit",),
)
LOSS_OUTLIER_HUBER = Question(
    "outlier_huber",
    "The outlier sits this far from the line. Predict **its own Huber loss** with this δ.",
    lambda v: qf.outlier_huber(
        bool(v["outlier"]), float(v["outlier_dy"]), float(v["delta"])
    ),
    hides=("chart_curves",),
)
LOSS_MSE_WITH_OUTLIER = Question(
    "mse_outlier",
    "Predict the **MSE of the clean data's line** over every point, the outlier too.",
    lambda v: qf.mse_with_outlier(
        _dataset(v),
        float(v["delta"]),
        bool(v["outlier"]),
        float(v["outlier_x"]),
        float(v["outlier_dy"]),
    ),
)
