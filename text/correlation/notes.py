"""The Correlation page's fixed words: its intro, notes, and the examples it offers.

Examples
--------
>>> list(DATA_EXAMPLES)[0]
'Falling line'
>>> "not causation" in CAUSATION
True
"""

from __future__ import annotations

#: The page's opening paragraph.
INTRO = (
    "**Correlation** measures how closely two variables move together along a "
    "straight line: r = +1 all points on a rising line, −1 on a falling line, "
    "0 no linear pattern. It is important for **feature selection**: which inputs "
    "track the target, and which inputs repeat each other. "
    "*(Notebook cell 9: np.corrcoef([1, 2, 3, 4], [10, 20, 30, 40]) → all ones.)*"
)

#: Example data for "Your data": label → (x, y) as typed lists.
DATA_EXAMPLES: dict[str, tuple[str, str]] = {
    "Falling line": ("1, 2, 3, 4, 5", "10, 8, 6, 4, 2"),
    "Hours → score": (
        "1, 2, 2, 3, 4, 5, 5, 6, 7, 8",
        "52, 55, 61, 58, 66, 70, 64, 75, 78, 83",
    ),
    "No pattern": ("1, 2, 3, 4, 5, 6", "4, 9, 2, 8, 3, 7"),
    "Constant x": ("5, 5, 5, 5", "10, 20, 30, 40"),
}
#: Outlier positions worth seeing: label → values of (base_rho, ox, oy).
OUTLIER_EXAMPLES: dict[str, dict[str, float]] = {
    "One point breaks a correlation": {"base_rho": 0.7, "ox": 5.0, "oy": -5.0},
    "One point creates a correlation": {"base_rho": 0.0, "ox": 6.0, "oy": 6.0},
    "One point on the line inflates r": {"base_rho": 0.7, "ox": 5.0, "oy": 3.5},
}
#: Centres of the curve's x-range worth seeing: label → centre.
CURVE_EXAMPLES: dict[str, float] = {"Symmetric": 0.0, "Right half": 3.0}

TRY = "Try:"
OUTLIER_INTRO = "Drag the **outlier** and watch r react."
CURVE_INTRO = "**y = x²**: y is completely determined by x. What is r?"
MATRIX_PICK = "**Look closer** — or click a cell of the matrix:"
CAUSATION = (
    "**Correlation is not causation.** Ice-cream sales and drownings rise and fall "
    "together — because both follow hot weather, not because one causes the other. "
    "A strong r says two things vary together; only an experiment, or knowing the "
    "mechanism, says *why*."
)
MATRIX_CAVEAT = (
    "A high |r| with the target makes a feature a good *candidate*, not a cause: "
    "price and area move together, but a correlation alone never says which drives "
    "which, or whether a third thing drives both. And r only sees straight lines: a "
    "feature with a curved effect can have r ≈ 0."
)
QUADRANT_NOTE = (
    "r adds up (x − x̄)(y − ȳ) over all points: orange points (top right, bottom "
    "left) push it up, blue points push it down. r is that sum divided by "
    "√(Sxx·Syy), so it always lies between −1 and 1."
)
ANSCOMBE_INTRO = (
    "In 1973 the statistician **Francis Anscombe** built four small data sets with "
    "the same means, variances, correlation and regression line. Read the table "
    "first: would you expect four similar pictures?"
)
ANSCOMBE_HIDDEN = (
    "Same means, same variances, same r, same line: the four data sets look alike "
    "in the table. Only Spearman's ρₛ (a rank correlation) hints that something "
    "differs. Switch on **Show the pictures**."
)
#: What each picture of Anscombe's quartet really shows.
ANSCOMBE_STORY = {
    "I": "a noisy straight line: the one case where r and the line tell the story",
    "II": "a smooth curve: the relationship is perfect but not a line",
    "III": "an exact line with one outlier that tilts the fit",
    "IV": "no relationship at all: one extreme point alone creates r",
}
#: The stories as a markdown list, one data set a line.
ANSCOMBE_STORIES = "\n".join(
    f"- **{k}**: {story}." for k, story in ANSCOMBE_STORY.items()
)
MATRIX_INTRO = (
    "A made-up data set of **houses**: five features and the target, **price**. "
    "Which features would you feed a model?"
)
GAME_HELP = (
    "Teachers: share this page's address — everyone with the same seed gets the "
    "same rounds. Add `&hide=seed` to hide the seed. The address also keeps your "
    "guesses (`guesses=…`), so a reload or a lost connection keeps your score: "
    "share it before you play, or without that part, for a class that starts at 0."
)
GAME_SEED_LABEL = "Game seed (same seed → same rounds)"


def game_full(rounds: int) -> str:
    """The game's words when it keeps ``rounds`` rounds, all its link holds."""
    return (
        f"This game keeps {rounds} rounds, the most one link holds. Start again "
        "from round 1, or pick another seed, to play on."
    )
