"""Guess the correlation: rounds drawn from a seed, graded guesses, a running record.

Examples
--------
>>> score = score_guess(0.5, 0.46)  # 0.04 away: within 0.05
>>> score.grade, score.points
('great', 3)
>>> record = record_guess(GameRecord(), 1, score)
>>> record.points, record.streak
(3, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from core.correlation.pairs import PairStats, pair_stats
from core.parsing import check_in_range, check_int, check_seed

Grade = Literal["great", "good", "miss"]
GREAT_WITHIN = 0.05
GOOD_WITHIN = 0.10
POINTS: dict[str, int] = {"great": 3, "good": 1, "miss": 0}
#: The last round a game has.
MAX_ROUND = 9999


@dataclass(frozen=True)
class GameRound:
    """One round: a cloud whose sample r the learner guesses."""

    seed: int
    number: int
    rho: float
    stats: PairStats

    @property
    def key(self) -> tuple[int, int]:
        """The seed and round this cloud was drawn from (a cache key)."""
        return (self.seed, self.number)

    @property
    def r(self) -> float:
        """The sample r the learner guesses."""
        assert self.stats.r is not None
        return self.stats.r


def game_round(seed: int, number: int) -> GameRound:
    """Round ``number`` of the game with ``seed``: the same for everyone with that seed.

    ``rng = np.random.default_rng([seed, number])``; ρ uniform on [−1, 1], n from
    20 to 100, then ``y = ρ·x + √(1 − ρ²)·e``. The learner guesses the sample r.
    """
    seed = check_seed(seed, "seed")
    number = check_int(number, "round", 1, MAX_ROUND)
    rng = np.random.default_rng([seed, number])
    rho = rng.uniform(-1, 1)
    n = int(rng.integers(20, 101))
    x, e = rng.standard_normal((2, n))
    y = rho * x + np.sqrt(1 - rho**2) * e
    return GameRound(seed, number, float(rho), pair_stats(x, y))


@dataclass(frozen=True)
class Score:
    """A graded guess: how far it was from r, and its grade."""

    guess: float
    r: float
    error: float  # |guess − r|
    grade: Grade

    @property
    def points(self) -> int:
        """3 for great, 1 for good, 0 for a miss."""
        return POINTS[self.grade]


def score_guess(guess: float, r: float) -> Score:
    """Grade a guess: within 0.05 of r is great, within 0.10 good, else a miss.

    Examples
    --------
    >>> score_guess(0.5, 0.46).grade, score_guess(0.5, 0.41).grade
    ('great', 'good')
    """
    guess = check_in_range(guess, "your guess", -1.0, 1.0)
    r = check_in_range(r, "r", -1.0, 1.0)
    error = abs(guess - r)
    # rounding to 1e-9 keeps a guess of 0.55 for r = 0.5 "great" despite binary noise
    tolerance = round(error, 9)
    grade: Grade = (
        "great"
        if tolerance <= GREAT_WITHIN
        else "good"
        if tolerance <= GOOD_WITHIN
        else "miss"
    )
    return Score(guess, r, error, grade)


@dataclass(frozen=True)
class GameRecord:
    """A learner's session: rounds played (round → score), points and streaks.

    The streak counts consecutive played rounds within 0.10 (great or good).
    """

    scores: tuple[tuple[int, Score], ...] = ()
    streak: int = 0
    best_streak: int = 0

    @property
    def key(self) -> tuple[tuple[int, Score], ...]:
        """Every scored round (a cache key)."""
        return self.scores

    @property
    def points(self) -> int:
        """The sum of every round's points."""
        return sum(score.points for _, score in self.scores)

    @property
    def played(self) -> int:
        """The number of rounds scored."""
        return len(self.scores)

    def score_of(self, number: int) -> Score | None:
        """The score of round ``number``, or ``None`` if it was not played."""
        for played, score in self.scores:
            if played == number:
                return score
        return None

    def mean_error(self) -> float | None:
        """The mean of ``|guess − r|`` over the rounds played (None: none yet)."""
        if not self.scores:
            return None
        return float(np.mean([score.error for _, score in self.scores]))

    def count(self, grade: Grade) -> int:
        """How many rounds got ``grade``."""
        return sum(1 for _, score in self.scores if score.grade == grade)


def record_guess(record: GameRecord, number: int, score: Score) -> GameRecord:
    """The record after round ``number`` was scored (a round counts once)."""
    if record.score_of(number) is not None:
        return record
    streak = record.streak + 1 if score.grade != "miss" else 0
    return replace(
        record,
        scores=(*record.scores, (number, score)),
        streak=streak,
        best_streak=max(record.best_streak, streak),
    )
