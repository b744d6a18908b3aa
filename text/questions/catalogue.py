"""Every question of every page: a prompt in the learner's words, the answer from
``core.questions.answers`` given the page's values (by URL name), and the charts
that give the answer away. The views list them: ``View(..., questions=(...))``.
"""

from __future__ import annotations

from core.gradient_descent import CUSTOM
from core.questions import Answer
from core.questions import answers as qa
from core.questions import further as qf
from text.questions.further import TABLE_PAIRS_REASON, typed_list
from text.questions.question import Question, Values


def _float(values: Values, *names: str) -> list[float]:
    return [float(values[name]) for name in names]


# -- Equations ------------------------------------------------------------------------
EQUATIONS_ROOT = Question(
    "root",
    "Where does the line y = a·x + b cross zero? Predict the root **x**.",
    lambda v: qa.linear_root(*_float(v, "a", "b")),
    hides=("linear",),
)


def _crossing(v: Values, axis: int) -> Answer:
    a1, b1, c1, a2, b2, c2 = _float(v, "a1", "b1", "c1", "a2", "b2", "c2")
    return qa.crossing(a1, b1, c1, a2, b2, c2, axis)


EQUATIONS_CROSS_X = Question(
    "cross_x",
    "Where do the two lines cross? Predict the **x** of the crossing point.",
    lambda v: _crossing(v, 0),
    hides=("system",),
)
EQUATIONS_CROSS_Y = Question(
    "cross_y",
    "Where do the two lines cross? Predict the **y** of the crossing point.",
    lambda v: _crossing(v, 1),
    hides=("system",),
)

# -- Vectors ---------------------------------------------------------------------------
VECTORS_DOT = Question(
    "dot",
    "Predict the dot product **a·b** of these two vectors.",
    lambda v: qa.dot(str(v["a"]), str(v["b"])),
    hides=("terms",),
)
VECTORS_COSINE = Question(
    "cosine",
    "Predict the cosine similarity **cos θ** of a and b (−1 … 1).",
    lambda v: qa.cosine(str(v["a"]), str(v["b"])),
    hides=("arrows", "terms"),
)
VECTORS_PLANE_DOT = Question(
    "plane_dot",
    "Predict the dot product **a·b** of the two arrows.",
    lambda v: qa.dot(_float(v, "ax", "ay"), _float(v, "bx", "by")),
    hides=("terms",),
)
VECTORS_PLANE_COSINE = Question(
    "plane_cosine",
    "Predict **cos θ** for the angle between the two arrows (−1 … 1).",
    lambda v: qa.cosine(_float(v, "ax", "ay"), _float(v, "bx", "by")),
    hides=("terms",),
)

# -- Matrices --------------------------------------------------------------------------
MATRICES_CELL = Question(
    "cell",
    "Predict the cell of **C = A·B** that the formula writes out (the chosen cell).",
    lambda v: qa.product_cell(str(v["a"]), str(v["b"]), int(v["cell"])),
    hides=("product",),
)
MATRICES_DETERMINANT = Question(
    "det",
    "By what factor does this matrix scale areas? Predict the **determinant**.",
    lambda v: qa.determinant(*_float(v, "m11", "m12", "m21", "m22")),
    hides=("plane",),
)

# -- Gradient descent --------------------------------------------------------------------


def _w_ahead(v: Values, ahead: int) -> Answer:
    fn = str(v["fn"])
    f = str(v["f"]) if fn == CUSTOM else ""  # as the view passes it
    return qa.w_ahead(fn, float(v["w0"]), float(v["lr"]), int(v["steps"]), f, ahead)


GD_NEXT_W = Question(
    "next_w",
    "Where will **w** be after one more step with this learning rate?",
    lambda v: _w_ahead(v, 1),
)
GD_THREE_W = Question(
    "w_after_3",
    "Where will **w** be after **3 more steps** with this learning rate?",
    lambda v: _w_ahead(v, 3),
)

# -- Mean, variance & std ---------------------------------------------------------------
STATISTICS_MEAN = Question(
    "mean",
    "Predict the **mean** of these numbers.",
    lambda v: qa.mean(typed_list(v)),
    hides=("center",),
)
STATISTICS_MEDIAN = Question(
    "median",
    "Predict the **median** of these numbers (the middle value).",
    lambda v: qa.median(typed_list(v)),
    hides=("center",),
)

# -- Normal distribution -------------------------------------------------------------------
NORMAL_SHARE = Question(
    "share",
    "What **share of the draws** falls between a and b? (0 … 1)",
    lambda v: qa.interval_share(
        float(v["mu"]),
        float(v["sigma"]),
        int(v["n"]),
        int(v["seed"]),
        float(v["a"]),
        float(v["b"]),
    ),
    hides=("interval",),
)
NORMAL_AREA = Question(
    "area",
    "Predict the exact probability **P(a < X < b)**, the area under the bell (0 … 1).",
    lambda v: qa.interval_area(*_float(v, "mu", "sigma", "a", "b")),
    hides=("interval",),
)

# -- Sampling ----------------------------------------------------------------------------------
SAMPLING_TRUE_MEAN = Question(
    "true_mean",
    "Where will the running means settle? Predict the source's **true mean**.",
    lambda v: qa.source_mean(str(v["source"])),
    hides=("lln",),
)
SAMPLING_FINAL_MEAN = Question(
    "final_mean",
    "Predict **run 1's mean** after all n draws.",
    lambda v: qa.final_mean(
        str(v["source"]), int(v["n"]), int(v["runs"]), int(v["seed"])
    ),
    hides=("lln",),
)

# -- Bayes ----------------------------------------------------------------------------------------
_BAYES = ("form", "p_a", "p_b_given_a", "p_b", "p_b_given_not_a")
BAYES_POSTERIOR = Question(
    "posterior",
    "The evidence B is seen. Predict **P(A|B)**, the belief in A now (0 … 1).",
    lambda v: qa.posterior(*(v[name] for name in _BAYES)),
    hides=("bayes_icons", "bayes_tree", "bayes_area", "bayes_bars"),
)
BAYES_EVIDENCE = Question(
    "evidence",
    "Predict **P(B)**: how often the evidence shows at all (0 … 1).",
    lambda v: qa.evidence(*(v[name] for name in _BAYES)),
    hides=("bayes_icons", "bayes_tree", "bayes_area", "bayes_bars"),
)


# -- Correlation -----------------------------------------------------------------------------------
def _pairs_r(v: Values) -> Answer:
    entry = str(v.get("entry", "lists"))  # as the view reads its data
    if entry == "columns":
        return qf.columns_r(str(v["xy"]))
    if entry != "lists":
        raise ValueError(TABLE_PAIRS_REASON)
    return qa.pearson_r(str(v["x"]), str(v["y"]))


CORRELATION_R = Question(
    "r",
    "Look at the cloud. Predict Pearson's **r** (−1 … 1).",
    lambda v: _pairs_r(v),
    bare=("pairs",),
)
CORRELATION_SAMPLE_R = Question(
    "sample_r",
    "This cloud was drawn with target ρ. Predict its sample **r** (−1 … 1).",
    lambda v: qa.sample_r(
        int(v["n"]), float(v["rho"]), int(v["seed"]), float(v["noise"])
    ),
    bare=("target",),
)

# -- Loss functions ----------------------------------------------------------------------------------
LOSS_MSE = Question(
    "mse",
    "Predict the **mean squared error** of these predictions.",
    lambda v: qa.mse(str(v["y_true"]), str(v["y_pred"])),
    hides=("chart_squares",),
)
LOSS_MAE = Question(
    "mae",
    "Predict the **mean absolute error** of these predictions.",
    lambda v: qa.mae(str(v["y_true"]), str(v["y_pred"])),
    hides=("chart_squares",),
)
