"""The Correlation page's sentences and formula, with today's numbers.

Column names come from the learner (a pasted header): they are written as
plain text (markdown characters escaped), never as markup.

Examples
--------
>>> from core.correlation import pair_stats
>>> strength(-0.85)
'strong negative'
>>> describe_pairs(pair_stats([1, 2, 3], [1, 3, 2]))[:48]
'The 3 points show a **moderate positive relation'
>>> plain("*bold* [link](x)")
'\\\\*bold\\\\* \\\\[link\\\\]\\\\(x\\\\)'
"""

from __future__ import annotations

import numpy as np

from core.correlation import (
    CURVE_HALF_WIDTH,
    GOOD_WITHIN,
    GREAT_WITHIN,
    POINTS,
    CurveSample,
    FeatureMatrix,
    GameRecord,
    GameRound,
    GeneratedSample,
    OutlierStudy,
    PairStats,
    Score,
    format_r,
)
from core.parsing import format_number
from text.safe import echo, literal


def plain(text: str) -> str:
    """``text`` (typed by a learner) escaped so that markdown shows it as it is."""
    return literal(text)


def r_text(value: float | None, digits: int = 3) -> str:
    """A readout of r: fixed decimals, or ``"undefined"`` (never ``nan``)."""
    return "undefined" if value is None else format_r(value, digits)


def strength(r: float) -> str:
    """A rough word for |r| (conventions differ; these are common teaching bands)."""
    size = abs(r)
    if size >= 0.999999:
        word = "perfect"
    elif size >= 0.7:
        word = "strong"
    elif size >= 0.4:
        word = "moderate"
    elif size >= 0.1:
        word = "weak"
    else:
        return "almost no linear"
    return f"{word} {'positive' if r > 0 else 'negative'}"


def pearson_latex(stats: PairStats) -> str:
    """``r = Sxy/√(Sxx·Syy)`` with the current sums substituted."""
    general = (
        r"r = \frac{\sum (x_i-\bar x)(y_i-\bar y)}"
        r"{\sqrt{\sum (x_i-\bar x)^2\,\sum (y_i-\bar y)^2}}"
    )
    sxy = format_number(stats.sxy, 5)
    sxx = format_number(stats.sxx, 5)
    syy = format_number(stats.syy, 5)
    if stats.r is None:
        return (
            general
            + rf" = \frac{{{sxy}}}{{\sqrt{{{sxx}\cdot{syy}}}}} = \frac{{0}}{{0}}\;(\text{{undefined}})"
        )
    return general + (
        rf" = \frac{{{sxy}}}{{\sqrt{{{sxx}\cdot{syy}}}}} = {format_r(stats.r)}"
    ).replace("−", "-")


def describe_constant(stats: PairStats) -> str:
    """Why r is undefined for constant data, in words (markdown)."""
    parts = []
    for name in stats.constant:
        values = stats.x if name == stats.names[0] else stats.y
        rounding = "" if np.all(values == values[0]) else ", up to rounding"
        parts.append(f"every {plain(name)} is {format_number(values[0], 6)}{rounding}")
    which = " and ".join(f"**{plain(name)}**" for name in stats.constant)
    verb = "are" if len(stats.constant) > 1 else "is"
    return (
        f"{which} {verb} constant ({'; '.join(parts)}). Something that never changes "
        "cannot change *together* with anything, so **there is no correlation**: "
        "r = Sxy / √(Sxx·Syy) would divide 0 by 0. NumPy prints nan here — or, after "
        "rounding, a meaningless ±1 — so this page shows no r at all."
    )


def describe_pairs(stats: PairStats) -> str:
    """What the scatter of typed data shows, in words."""
    if stats.r is None:
        return describe_constant(stats)
    r = stats.r
    text = (
        f"The {stats.n} points show a **{strength(r)} relationship: r = {format_r(r)}**"
        f" (r² = {format_r(r * r)}: the line explains {r * r:.0%} of the variance of "
        f"{plain(stats.names[1])}). Spearman's rank correlation is "
        f"{format_r(stats.spearman or 0.0)}."
    )
    if stats.n == 2:
        text += (
            " With only 2 points r is always +1 or −1: a line goes through any two "
            "points, so it says nothing yet."
        )
    elif stats.spearman is not None and abs(stats.spearman) - abs(r) > 0.1:
        text += (
            " Spearman is higher than r: the points rise or fall steadily, but along "
            "a curve rather than a line."
        )
    return text


def sample_delta(sample: GeneratedSample) -> str:
    """The note under the sample's r: how far it is from what to expect.

    An ASCII sign: Streamlit picks the readout's arrow from a leading ``-``.
    """
    versus = "ρ" if sample.noise == 0 else f"{sample.expected_r:.2f}"
    return f"{sample.gap:+.3f} vs {versus}"


def _interval_words(sample: GeneratedSample) -> str:
    if sample.interval is None:
        return ""
    lo, hi = sample.interval
    inside = lo <= sample.expected_r <= hi
    return (
        f" From this sample alone, the true correlation is probably between "
        f"{format_r(lo, 2)} and {format_r(hi, 2)} (95 % interval)"
        + (
            "; the true value is inside it."
            if inside
            else "; this time the true value is outside it — it happens 1 time in 20."
        )
    )


def describe_sample(sample: GeneratedSample) -> str:
    """Sample r next to the target ρ, in words."""
    r = sample.stats.r
    assert r is not None
    text = (
        f"You asked for ρ = {format_r(sample.rho, 2)}; these {sample.n} random points "
        f"have **r = {format_r(r)}**"
    )
    if sample.noise > 0:
        text += (
            f". The noise (σ = {format_number(sample.noise, 3)}) blurs y, so the most "
            f"you can expect is ρ/√(1 + σ²) = **{format_r(sample.expected_r)}**"
        )
    return (
        text
        + "."
        + _interval_words(sample)
        + " A new seed draws a new sample: watch r wander around ρ, less so for large n."
    )


def anscombe_table(quartet: dict[str, PairStats]) -> list[dict[str, str]]:
    """Rows for the summary table: mean, variance (n − 1), r, line, per data set."""
    rows = []
    for name, stats in quartet.items():
        assert stats.r is not None
        assert stats.slope is not None
        assert stats.intercept is not None
        assert stats.spearman is not None
        rows.append(
            {
                "data set": name,
                "mean of x": f"{stats.mean_x:.2f}",
                "mean of y": f"{stats.mean_y:.2f}",
                "variance of x": f"{stats.sd_x**2:.2f}",
                "variance of y": f"{stats.sd_y**2:.3f}",
                "r": f"{stats.r:.3f}",
                "Spearman ρₛ": f"{stats.spearman:.3f}",
                # "y =" in the heading and no break inside (non-breaking spaces):
                # one line per data set keeps the table short
                "line y =": f"{stats.intercept:.2f}\u00a0+\u00a0{stats.slope:.3f}·x",
            }
        )
    return rows


def describe_anscombe(quartet: dict[str, PairStats]) -> str:
    """What the four pictures show that the table hides."""
    rs = [s.r for s in quartet.values() if s.r is not None]
    return (
        f"All four data sets have mean x = 9, mean y ≈ 7.50, the same variances, "
        f"r ≈ {min(rs):.3f}–{max(rs):.3f} and the same line y ≈ 3.00 + 0.500·x — "
        "yet the pictures differ completely: I is a noisy line, II a curve, III a "
        "line with one outlier, IV one extreme point. **Always plot your data.**"
    )


def describe_outlier(study: OutlierStudy) -> str:
    """How far one point moved r (and Spearman's ρ, which ranks cap)."""
    before, after = study.without.r, study.with_outlier.r
    assert before is not None
    assert after is not None
    sp_before, sp_after = study.without.spearman, study.with_outlier.spearman
    assert sp_before is not None
    assert sp_after is not None
    ox, oy = (format_number(v, 3) for v in study.outlier)
    move = study.shift
    verdict = (
        "barely changes r"
        if abs(move) < 0.05
        else "moves r a lot"
        if abs(move) > 0.2
        else "moves r"
    )
    return (
        f"Without the outlier r = {format_r(before)}; with one point at ({ox}, {oy}) "
        f"**r = {format_r(after)}** ({'+' if move >= 0 else '−'}{abs(move):.3f}): one point "
        f"out of {study.with_outlier.n} {verdict}. Spearman's ρ goes from "
        f"{format_r(sp_before)} to {format_r(sp_after)}: ranks cap how far one point "
        "can pull."
    )


def describe_curve(curve: CurveSample) -> str:
    """Why a perfect but curved relationship can have r near 0."""
    r, spearman = curve.stats.r, curve.stats.spearman
    assert r is not None
    assert spearman is not None
    low = format_number(curve.centre - CURVE_HALF_WIDTH, 3)
    high = format_number(curve.centre + CURVE_HALF_WIDTH, 3)
    if abs(curve.centre) < 0.5:
        lesson = (
            "y depends completely on x, yet **r is near 0**: the left half falls, the "
            "right half rises, and the two cancel. r measures only how well a "
            "*straight line* fits."
        )
    else:
        lesson = (
            "on this one-sided range the curve mostly rises or falls, so r is large — "
            "but a line still misses the bend."
        )
    return (
        f"For x from {low} to {high}, y = x² gives **r = {format_r(r)}** and Spearman's "
        f"ρ = {format_r(spearman)}: {lesson}"
    )


def describe_matrix(fm: FeatureMatrix) -> str:
    """Which feature tracks the target best, and which features repeat each other.

    Column names may be a learner's: they are shown as text (``echo``).
    """
    ranking = [(echo(name), r) for name, r in fm.ranking()]
    best, best_r = ranking[0]
    worst, worst_r = ranking[-1]
    text = (
        f"**{best}** is the feature most correlated with {echo(fm.target)} (r = "
        f"{format_r(best_r, 2)}); **{worst}** the least (r = {format_r(worst_r, 2)})."
    )
    pairs = fm.redundant_pairs()
    if pairs:
        a, b, r = echo(pairs[0][0]), echo(pairs[0][1]), pairs[0][2]
        text += (
            f" But {a} and {b} are strongly correlated with each other (r = "
            f"{format_r(r, 2)}): they carry nearly the same information, so a model "
            "gains little from keeping both."
        )
    return text


def redundancy_warning(a: str, b: str, r: float, threshold: float) -> str:
    """The warning for two features that repeat each other (names shown as text)."""
    return (
        f"**{echo(a)}** and **{echo(b)}** are strongly correlated with each other (r = "
        f"{format_r(r, 2)}, |r| ≥ {threshold:.2f}): they carry nearly the same "
        "information. Keep one, or combine them."
    )


def describe_round(round_: GameRound, score: Score | None) -> str:
    """The game's chart, in words: never the answer before the guess."""
    if score is None:
        return (
            f"Round {round_.number}: {round_.stats.n} points. How strongly do they "
            "line up? Enter your guess for r between −1 and 1."
        )
    verdict = {
        "great": "**Great!** Within 0.05.",
        "good": "**Good!** Within 0.10.",
        "miss": "Not this time: more than 0.10 away.",
    }[score.grade]
    return (
        f"Round {round_.number}: you guessed {format_r(score.guess, 2)}; the true r is "
        f"**{format_r(score.r)}** (off by {score.error:.3f}). {verdict}"
    )


def guess_label(number: int) -> str:
    """The guess slider's label for round ``number``."""
    return f"Round {number}: your guess for r"


def describe_record(record: GameRecord) -> str:
    """The game's tally in one line."""
    mean_error = record.mean_error()
    return (
        f"{record.played} rounds played · {record.count('great')} great "
        f"(±{GREAT_WITHIN:.2f}, {POINTS['great']} points) · {record.count('good')} "
        f"good (±{GOOD_WITHIN:.2f}, {POINTS['good']} point)"
        + ("" if mean_error is None else f" · average miss {mean_error:.3f}")
        + ". The streak counts rounds in a row within 0.10."
    )


def describe_history(record: GameRecord) -> str:
    """The history chart's text alternative."""
    return f"Your {record.played} guesses against the true r."
