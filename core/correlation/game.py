"""Guess the correlation: rounds drawn from a seed, graded guesses, a running record.

Examples
--------
>>> score = score_guess(0.5, 0.46)  # 0.04 away: within 0.05
>>> score.grade, score.points
('great', 3)
>>> record = record_guess(GameRecord(), 1, score)
>>> record.points, record.streak
(3, 1)

A game's guesses travel in its link, in hundredths, one round after another
(``7r12`` is round 7, a guess of 0.12):

>>> parse_guesses("45_-30_7r12")
((1, 0.45), (2, -0.3), (7, 0.12))
>>> add_guess("45_-30", 3, 0.1)
'45_-30_10'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np

from core.correlation.pairs import PairStats, pair_stats
from core.parsing import check_in_range, check_int, check_seed

Grade = Literal["great", "good", "miss"]
GREAT_WITHIN = 0.05
GOOD_WITHIN = 0.10
POINTS: dict[str, int] = {"great": 3, "good": 1, "miss": 0}
#: The last round a game has.
MAX_ROUND = 9999
#: The most rounds one game keeps, so that its link stays short (then: start again).
MAX_PLAYED = 100
#: A guess is kept in hundredths (the guess slider's step): 45 is 0.45.
GUESS_SCALE = 100
#: The longest ``guesses`` text a link may hold: the longest entry, ``9999r-100``,
#: and a separator, for every round a game keeps.
MAX_GUESSES_CHARS = MAX_PLAYED * len(f"{MAX_ROUND}r-{GUESS_SCALE}_") - 1
_SEPARATOR = "_"
_ENTRY = re.compile(r"(?:([0-9]{1,4})r)?(-?[0-9]{1,3})")
_HOW = "write guesses in hundredths such as 45_-30, or 7r12 for round 7"


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

    @property
    def full(self) -> bool:
        """True when the game holds :data:`MAX_PLAYED` rounds (its link is full)."""
        return self.played >= MAX_PLAYED


def record_guess(record: GameRecord, number: int, score: Score) -> GameRecord:
    """The record after round ``number`` was scored (a round counts once)."""
    number = check_int(number, "round", 1, MAX_ROUND)
    if record.score_of(number) is not None:
        return record
    streak = record.streak + 1 if score.grade != "miss" else 0
    return replace(
        record,
        scores=(*record.scores, (number, score)),
        streak=streak,
        best_streak=max(record.best_streak, streak),
    )


def parse_guesses(text: Any) -> tuple[tuple[int, float], ...]:
    """Read a game's guesses from a link: ``(round, guess)`` pairs in the order played.

    Entries are separated by ``_``. An entry is a guess in hundredths (−100 … 100)
    for the round after the previous entry's (the first entry's is round 1), or
    ``<round>r<guess>`` for any other round. At most :data:`MAX_PLAYED` entries
    and :data:`MAX_GUESSES_CHARS` characters; a round is listed once.

    Examples
    --------
    >>> parse_guesses("")
    ()
    >>> parse_guesses("100_3r-5_0")
    ((1, 1.0), (3, -0.05), (4, 0.0))
    """
    if not isinstance(text, str):
        raise ValueError(f"The guesses must be text ({_HOW}).")
    if len(text) > MAX_GUESSES_CHARS:
        raise ValueError(
            f"The guesses are {len(text)} characters long; a game's link holds at "
            f"most {MAX_GUESSES_CHARS}."
        )
    if not text:
        return ()
    entries = text.split(_SEPARATOR)
    if len(entries) > MAX_PLAYED:
        raise ValueError(
            f"The guesses list {len(entries)} rounds; one game keeps at most "
            f"{MAX_PLAYED}."
        )
    guesses: list[tuple[int, float]] = []
    number = 0
    for index, entry in enumerate(entries, start=1):
        match = _ENTRY.fullmatch(entry)
        if match is None:
            raise ValueError(f"Guess number {index} cannot be read ({_HOW}).")
        number = int(match[1]) if match[1] is not None else number + 1
        hundredths = int(match[2])
        if not 1 <= number <= MAX_ROUND:
            raise ValueError(
                f"Guess number {index} is for round {number}; rounds go from 1 to "
                f"{MAX_ROUND}."
            )
        if abs(hundredths) > GUESS_SCALE:
            raise ValueError(
                f"Guess number {index} is {hundredths} hundredths; a guess is "
                f"between −{GUESS_SCALE} and {GUESS_SCALE} (r from −1 to 1)."
            )
        if any(played == number for played, _ in guesses):
            raise ValueError(f"Round {number} is listed twice in the guesses.")
        guesses.append((number, hundredths / GUESS_SCALE))
    return tuple(guesses)


def guesses_text(guesses: Sequence[tuple[int, float]]) -> str:
    """Write ``(round, guess)`` pairs as a link's text (:func:`parse_guesses` reads it).

    Each guess is rounded to hundredths; a round that follows the previous one is
    written without its number.

    Examples
    --------
    >>> guesses_text([(1, 0.45), (2, -0.3), (7, 0.12)])
    '45_-30_7r12'
    """
    if not isinstance(guesses, Sequence) or not all(
        isinstance(pair, Sequence) and len(pair) == 2 for pair in guesses
    ):
        raise ValueError("The guesses must be (round, guess) pairs.")
    entries: list[str] = []
    previous = 0
    for number, guess in guesses:
        number = check_int(number, "round", 1, MAX_ROUND)
        guess = check_in_range(guess, "your guess", -1.0, 1.0)
        hundredths = round(guess * GUESS_SCALE)
        entries.append(
            str(hundredths) if number == previous + 1 else f"{number}r{hundredths}"
        )
        previous = number
    text = _SEPARATOR.join(entries)
    parse_guesses(text)  # the same limits as a link: count, length, each round once
    return text


def add_guess(text: str, number: int, guess: float) -> str:
    """The guesses after round ``number`` was guessed (a round counts once).

    Raises ``ValueError`` when the game already keeps :data:`MAX_PLAYED` rounds.
    """
    guesses = parse_guesses(text)
    number = check_int(number, "round", 1, MAX_ROUND)
    if any(played == number for played, _ in guesses):
        return text
    if len(guesses) >= MAX_PLAYED:
        raise ValueError(
            f"This game already keeps {MAX_PLAYED} rounds: start again to play on."
        )
    return guesses_text([*guesses, (number, guess)])


def replay_game(seed: int, text: str) -> GameRecord:
    """The record of the game with ``seed`` whose guesses are ``text``.

    Each round is drawn again with :func:`game_round` (the same seed and round
    give the same cloud) and scored with :func:`score_guess`, in the order played,
    so a link gives back the same points and streaks exactly.

    Examples
    --------
    >>> r1 = game_round(5, 1).r  # a guess of r1, rounded to hundredths: great
    >>> record = replay_game(5, guesses_text([(1, r1), (2, 0.0)]))
    >>> record.played, record.score_of(1).grade
    (2, 'great')
    """
    seed = check_seed(seed, "seed")
    record = GameRecord()
    for number, guess in parse_guesses(text):
        score = score_guess(guess, game_round(seed, number).r)
        record = record_guess(record, number, score)
    return record
