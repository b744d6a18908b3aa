"""The guessing game: the round's cloud (the answer hidden until scored) and the record."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.correlation import (
    GOOD_WITHIN,
    GREAT_WITHIN,
    GameRecord,
    GameRound,
    Score,
    format_r,
)
from viz import style
from viz.correlation.common import GAME_RANGE, points_trace


def game_figure(round_: GameRound, score: Score | None) -> go.Figure:
    """The round's cloud in z-scores; the answer (title, line) only once scored."""
    stats = round_.stats
    if score is None:
        title = f"Round {round_.number}: what is r?"
    else:
        title = (
            f"Round {round_.number}: r = {format_r(score.r)}, "
            f"your guess {format_r(score.guess, 2)}"
        )
    # z-scores: every round fills the same square, whatever its spread
    zx, zy = stats.z_scores()
    chart = style.Chart(title, "x", "y", show_legend=False, height=480)
    chart.traces.append(points_trace(zx, zy, "points", style.CURRENT, None))
    if score is not None:
        xs = np.array(GAME_RANGE)
        chart.add(
            x=xs,
            y=score.r * xs,  # in z-scores the least-squares line is ŷ = r·x
            mode="lines",
            name="least-squares line",
            line={"color": style.TARGET, "width": 3},
            hoverinfo="skip",
        )
    hide = {"showticklabels": False, "zeroline": False}
    chart.layout["xaxis"] = {**chart.layout["xaxis"], **hide}
    chart.layout["yaxis"] = {
        **chart.layout["yaxis"],
        **hide,
        "scaleanchor": "x",
        "scaleratio": 1,
    }
    return chart.ranges(GAME_RANGE, GAME_RANGE).figure()


def history_figure(record: GameRecord) -> go.Figure:
    """Every guess against the true r: on the diagonal is perfect, the band is 'good'."""
    chart = style.Chart("Your guesses", "true r", "your guess", height=380)
    edge = np.array([-1.0, 1.0])
    for within, alpha, label in (
        (GOOD_WITHIN, 0.12, f"within {GOOD_WITHIN:.2f} (good)"),
        (GREAT_WITHIN, 0.25, f"within {GREAT_WITHIN:.2f} (great)"),
    ):
        chart.add(
            x=np.r_[edge, edge[::-1]],
            y=np.r_[edge - within, edge[::-1] + within],
            fill="toself",
            fillcolor=style.rgba(style.THIRD, alpha),
            line={"width": 0},
            name=label,
            hoverinfo="skip",
        )
    chart.add(
        x=edge,
        y=edge,
        mode="lines",
        name="perfect guess",
        line={"color": style.NEUTRAL, "dash": "dot"},
        hoverinfo="skip",
    )
    if record.scores:
        rounds = [number for number, _ in record.scores]
        scores = [score for _, score in record.scores]
        chart.add(
            x=np.array([s.r for s in scores]),
            y=np.array([s.guess for s in scores]),
            mode="markers+text",
            name="your guesses",
            text=[str(n) for n in rounds],
            textposition="top center",
            marker={
                "color": [
                    style.THIRD if s.grade != "miss" else style.TARGET for s in scores
                ],
                "size": 12,
                "line": {"color": "white", "width": 1},
            },
            hovertemplate="round %{text}<br>true r = %{x:.3f}"
            "<br>guess = %{y:.2f}<extra></extra>",
        )
    chart.layout["yaxis"] = {
        **chart.layout["yaxis"],
        "scaleanchor": "x",
        "scaleratio": 1,
    }
    return chart.legend_below().ranges((-1.05, 1.05), (-1.15, 1.15)).figure()
