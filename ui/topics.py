"""The topic map: every page, its URL slug, and the notebook cell it grows from.

``app.py`` builds the navigation and the home page from this one list; the tests
use it to visit every page.

No page has an icon: an emoji needs an emoji font, which many school machines
lack (they showed empty boxes), and ``:material/...:`` names are words only where
Streamlit's icon font loads. Titles say it in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Topic:
    slug: str  # the URL path a teacher shares: http://host:8501/<slug>
    script: str  # path of the page script, relative to the repository root
    title: str
    section: str
    teaches: str  # one line on what the page teaches
    cell: str  # the notebook cell it grows from

    @property
    def path(self) -> Path:
        return ROOT / self.script


TOPICS: tuple[Topic, ...] = (
    Topic(
        "equations",
        "pages/equations.py",
        "Equations",
        "Algebra",
        "Solve ax + b = 0, read a line as a model y = w·x + b, and solve two lines at once.",
        "Cell 1: a = 2, b = −4 → x = 2.0",
    ),
    Topic(
        "vectors",
        "pages/vectors.py",
        "Vectors & dot product",
        "Linear algebra",
        "Vectors as arrows, the dot product term by term, angle, cosine similarity "
        "and projection.",
        "Cell 2: np.dot([1, 2, 3], [4, 5, 6]) → 32",
    ),
    Topic(
        "matrices",
        "pages/matrices.py",
        "Matrices",
        "Linear algebra",
        "Matrix multiplication cell by cell, a matrix as a warp of the plane, the "
        "transpose, and one neural-network layer (forward propagation).",
        "Cells 3–4: A @ B → [[26, 36], [46, 64]]; transpose → [[1, 3], [2, 4]]",
    ),
    Topic(
        "gradient-descent",
        "pages/gradient_descent.py",
        "Derivatives & gradient descent",
        "Calculus",
        "Tangents and derivatives, learning-rate regimes, divergence, and optimisers "
        "racing on 2-D loss surfaces.",
        "Cell 5: w = 5, lr = 0.1 on loss w² → w = 4.0",
    ),
    Topic(
        "statistics",
        "pages/descriptive_statistics.py",
        "Mean, variance & std",
        "Probability & statistics",
        "Mean, variance and standard deviation of your own data, drawn as deviations "
        "and squares; median vs mean with outliers.",
        "Cell 6: [10, 20, 30, 40] → 25.0, 125.0, 11.18…",
    ),
    Topic(
        "normal-distribution",
        "pages/normal_distribution.py",
        "Normal distribution",
        "Probability & statistics",
        "Random draws against the bell curve, the 68–95–99.7 rule and interval "
        "probabilities.",
        "Cell 7: np.random.normal(0, 1, 100)",
    ),
    Topic(
        "sampling",
        "pages/sampling.py",
        "Law of large numbers & CLT",
        "Probability & statistics",
        "Running means settling on the truth, and averages of any source turning normal.",
        "Cell 7, grown: why averages of samples behave",
    ),
    Topic(
        "bayes",
        "pages/bayes.py",
        "Bayes' theorem",
        "Probability & statistics",
        "Update a belief with evidence: icon arrays, trees, base rates and naive Bayes.",
        "Cell 8: P(A) = 0.3, P(B|A) = 0.8, P(B) = 0.5 → P(A|B) = 0.48",
    ),
    Topic(
        "correlation",
        "pages/correlation.py",
        "Correlation",
        "Probability & statistics",
        "Pearson and Spearman r, Anscombe's quartet, outliers, feature selection and a "
        "guess-the-correlation game.",
        "Cell 9: corrcoef([1, 2, 3, 4], [10, 20, 30, 40]) → all ones",
    ),
    Topic(
        "loss-functions",
        "pages/loss_functions.py",
        "Loss functions (MSE)",
        "Loss",
        "Mean squared error as squares you can see, fitting a line by hand, and MSE vs "
        "MAE vs Huber with outliers.",
        "Cell 10: y_true = [3, 5, 7], y_pred = [2, 5, 8] → 0.666…",
    ),
)


def available_topics() -> tuple[Topic, ...]:
    """The topics whose page exists (all of them once every topic issue is done)."""
    return tuple(topic for topic in TOPICS if topic.path.exists())
