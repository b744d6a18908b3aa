"""A three-word naive Bayes spam filter: Bayes' theorem applied once per word.

Examples
--------
>>> nb = naive_bayes(["winner"], 0.5, [0.2], [0.05])
>>> round(nb.posterior, 6)  # 0.5·0.2 / (0.5·0.2 + 0.5·0.05) = 0.1 / 0.125
0.8
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.parsing import check_probability

#: The small vocabulary of the spam example and each word's default
#: ``(P(word | spam), P(word | genuine))``.
VOCABULARY: dict[str, tuple[float, float]] = {
    "free": (0.30, 0.03),
    "winner": (0.20, 0.01),
    "money": (0.25, 0.05),
    "meeting": (0.02, 0.20),
    "project": (0.03, 0.15),
    "lunch": (0.05, 0.10),
}
#: Most words in a message, so every multiplication stays on screen.
MAX_WORDS = 3
#: Below this total (the smallest normal float) the scores lose digits: logs are used.
SMALLEST_SCORE = float(np.finfo(float).tiny)


def parse_message(text: str) -> tuple[str, ...]:
    """Read a message of one to three words from :data:`VOCABULARY`.

    Examples
    --------
    >>> parse_message("Free money, meeting")
    ('free', 'money', 'meeting')
    """
    if not isinstance(text, str):
        raise ValueError("The message must be text.")
    words = tuple(w for w in re.split(r"[^a-z]+", text.lower()) if w)
    known = ", ".join(VOCABULARY)
    if not words:
        raise ValueError(f"The message is empty: type two or three of: {known}.")
    unknown = [w for w in words if w not in VOCABULARY]
    if unknown:
        raise ValueError(
            f"“{unknown[0]}” is not in this small vocabulary: use {known}."
        )
    if len(words) > MAX_WORDS:
        raise ValueError(
            f"The message has {len(words)} words; this example takes at most "
            f"{MAX_WORDS}, so every multiplication stays on screen."
        )
    return words


@dataclass(frozen=True)
class NaiveBayes:
    """A naive Bayes verdict on one message.

    ``steps[k]`` is P(spam | first k words), ``steps[-1]`` the posterior.
    """

    words: tuple[str, ...]
    p_spam: float
    p_word_given_spam: np.ndarray  # shape (n_words,)
    p_word_given_ham: np.ndarray  # shape (n_words,)
    spam_score: float
    ham_score: float
    posterior: float
    steps: np.ndarray  # shape (n_words + 1,)
    #: ``ln score``: the scores themselves underflow to 0 below about 1e-308.
    #: ``None`` when the score is exactly 0 (a likelihood or the prior is 0).
    log_spam_score: float | None = 0.0
    log_ham_score: float | None = 0.0

    @property
    def underflows(self) -> bool:
        """True when a score is too small for a float, so it is compared by its log."""
        return self.spam_score + self.ham_score < SMALLEST_SCORE

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs this verdict was computed from (a cache key)."""
        return (
            self.words,
            self.p_spam,
            tuple(self.p_word_given_spam.tolist()),
            tuple(self.p_word_given_ham.tolist()),
        )


def _check_words(words: Sequence[str]) -> tuple[str, ...]:
    if isinstance(words, str) or not isinstance(words, Sequence):
        raise ValueError("The message must be a list of words.")
    if not all(isinstance(word, str) for word in words):
        raise ValueError("The message must be a list of words.")
    if not words:
        raise ValueError("The message has no words.")
    return tuple(words)


def _likelihoods(
    words: tuple[str, ...], values: Sequence[float], cls: str
) -> np.ndarray:
    """The likelihoods ``P(word | cls)``, each checked to be a probability."""
    if not isinstance(values, Sequence | np.ndarray) or len(values) != len(words):
        raise ValueError("Give one likelihood per word and class.")
    return np.array(
        [
            check_probability(v, f"P({w}|{cls})")
            for v, w in zip(values, words, strict=True)
        ]
    )


def naive_bayes(
    words: Sequence[str],
    p_spam: float,
    p_word_given_spam: Sequence[float],
    p_word_given_ham: Sequence[float],
) -> NaiveBayes:
    """P(spam | words) by multiplying per-word likelihoods.

    Parameters
    ----------
    words : sequence of str
        The message, one to three words.
    p_spam : float
        The prior ``P(spam)``.
    p_word_given_spam, p_word_given_ham : sequence of float, shape (n_words,)
        ``P(wᵢ | spam)`` and ``P(wᵢ | genuine)`` for each word of the message.

    Notes
    -----
    Naive Bayes assumes the words are independent given the class, so
    ``P(w₁, w₂ | spam) = P(w₁|spam)·P(w₂|spam)``. Then
    ``score(c) = P(c)·∏ P(wᵢ|c)`` and
    ``P(spam | words) = score(spam) / (score(spam) + score(genuine))``. When the
    products underflow (three likelihoods of 1e-200 give 1e-600, below the smallest
    float) the same ratio is ``1 / (1 + exp(ln score(genuine) − ln score(spam)))``
    with each log a sum of logs, so the answer never depends on the underflow.

    Examples
    --------
    >>> nb = naive_bayes(["free", "meeting"], 0.5, [0.3, 0.02], [0.03, 0.2])
    >>> float(nb.posterior)  # 0.003 / (0.003 + 0.003)
    0.5
    """
    words = _check_words(words)
    p_spam = check_probability(p_spam, "P(spam)")
    like_spam = _likelihoods(words, p_word_given_spam, "spam")
    like_ham = _likelihoods(words, p_word_given_ham, "genuine")
    spam_score = p_spam * np.prod(like_spam)
    ham_score = (1 - p_spam) * np.prod(like_ham)
    with np.errstate(divide="ignore"):  # log 0 = −inf: that class is vetoed
        log_spam = np.log(p_spam) + np.cumsum(
            np.concatenate([[0.0], np.log(like_spam)])
        )
        log_ham = np.log(1 - p_spam) + np.cumsum(
            np.concatenate([[0.0], np.log(like_ham)])
        )
    if log_spam[-1] == log_ham[-1] == -np.inf:
        raise ValueError(
            "Both classes give this message probability 0 (each has a word, or a "
            "prior, of probability 0), so naive Bayes cannot decide. Real filters "
            "never let a likelihood be exactly 0: Laplace smoothing adds 1 to every "
            "word count."
        )
    if spam_score + ham_score >= SMALLEST_SCORE:
        posterior = spam_score / (spam_score + ham_score)
        spam_path = p_spam * np.cumprod(np.concatenate([[1.0], like_spam]))
        ham_path = (1 - p_spam) * np.cumprod(np.concatenate([[1.0], like_ham]))
        # products of numbers ≤ 1 only shrink, so every partial total is ≥ total > 0
        steps = np.clip(spam_path / (spam_path + ham_path), 0.0, 1.0)
    else:  # the products underflow: compare the classes in log space
        with np.errstate(over="ignore", invalid="ignore"):
            steps = 1 / (1 + np.exp(log_ham - log_spam))
        posterior = steps[-1]
    steps[-1] = posterior
    return NaiveBayes(
        words,
        p_spam,
        like_spam,
        like_ham,
        float(spam_score),
        float(ham_score),
        float(posterior),
        steps,
        _log_or_none(log_spam[-1]),
        _log_or_none(log_ham[-1]),
    )


def _log_or_none(value: float) -> float | None:
    """``ln score``, or ``None`` for a score of exactly 0 (its log is −∞)."""
    return float(value) if np.isfinite(value) else None


def strongest_word(nb: NaiveBayes) -> tuple[str, float] | None:
    """The word whose likelihood ratio ``P(w|spam) / P(w|genuine)`` is furthest from 1.

    Returns the word and its ratio (above 1: points to spam), or ``None`` when
    no word has two non-zero likelihoods.

    Examples
    --------
    >>> strongest_word(naive_bayes(["free", "lunch"], 0.5, [0.3, 0.05], [0.03, 0.1]))
    ('free', 10.0)
    """
    pulls = [
        (abs(math.log(s / h)), w, s / h)
        for w, s, h in zip(
            nb.words, nb.p_word_given_spam, nb.p_word_given_ham, strict=True
        )
        if s > 0 and h > 0
    ]
    if not pulls:
        return None
    _, word, ratio = max(pulls)
    return word, float(ratio)


def vetoing_words(nb: NaiveBayes) -> list[str]:
    """The words with a likelihood of 0 in a class: each vetoes that class.

    >>> vetoing_words(naive_bayes(["free", "lunch"], 0.5, [0.3, 0.0], [0.03, 0.1]))
    ['lunch']
    """
    return [
        w
        for w, s, h in zip(
            nb.words, nb.p_word_given_spam, nb.p_word_given_ham, strict=True
        )
        if s == 0 or h == 0
    ]
