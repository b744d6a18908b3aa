"""Guess r: a cloud per round, the learner's guess scored, a running record.

The record of each game (one per seed) lives in the session under
``GAME_KEY`` and is passed to every function and button that reads or
changes it.
"""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from text import correlation as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row
from views.correlation.common import SEED
from viz import correlation as viz

ROUND = Param.integer(
    "round", "Round", 1, min_value=1, max_value=corr.MAX_ROUND, widget="number"
)
PARAMS = (SEED, ROUND)
GAME_KEY = "_correlation_game"
#: Records by seed: a learner may play several games (seeds) in one session.
Records = dict[int, corr.GameRecord]
GRADE_BOX = {"great": st.success, "good": st.success, "miss": st.warning}


def _check_guess(records: Records, round_: corr.GameRound) -> None:
    score = corr.score_guess(st.session_state.get("guess", 0.0), round_.r)
    record = records.get(round_.seed, corr.GameRecord())
    records[round_.seed] = corr.record_guess(record, round_.number, score)


def _restart(state: PageState, records: Records, seed: int) -> None:
    records[seed] = corr.GameRecord()
    state.set_values({"round": 1})


def _play(state: PageState, records: Records, round_: corr.GameRound) -> None:
    """The guess form, or (once scored) the verdict and the next round's button."""
    score = records.get(round_.seed, corr.GameRecord()).score_of(round_.number)
    if score is None:
        form = st.form("guess_form")
        label = words.guess_label(round_.number)
        form.slider(label, -1.0, 1.0, 0.0, 0.01, key="guess")
        form.form_submit_button(
            "Check my guess",
            type="primary",
            on_click=_check_guess,
            args=(records, round_),
        )
        return
    GRADE_BOX[score.grade](words.describe_round(round_, score))
    following = {"round": min(round_.number + 1, corr.MAX_ROUND)}
    st.button(
        "Next round ▶", type="primary", on_click=state.set_values, args=(following,)
    )


def _controls(
    state: PageState, records: Records
) -> tuple[corr.GameRound, corr.GameRecord]:
    seed = int(state.widget("seed", label=words.GAME_SEED_LABEL))
    round_ = page.compute("round", corr.game_round, seed, state.value("round"))
    _play(state, records, round_)
    record = records.get(seed, corr.GameRecord())
    metric_row(
        [
            ("points", str(record.points), None),
            ("streak", str(record.streak), None),
            ("best", str(record.best_streak), None),
        ]
    )
    st.caption(words.describe_record(record))
    st.button(
        "Start again from round 1", on_click=_restart, args=(state, records, seed)
    )
    st.caption(words.GAME_HELP)
    return round_, record


def _show(round_: corr.GameRound, record: corr.GameRecord) -> None:
    score = record.score_of(round_.number)
    sentence = words.describe_round(round_, score)
    page.explain(sentence)
    figure = page.figure_of(viz.game_figure, round_, score)
    page.chart(figure, key="game", alt=sentence)
    if score is not None:
        page.formula(words.pearson_latex(round_.stats))
        code_panel(words.game_code(round_), words.game_code_result(round_))
    if record.played:
        history = page.figure_of(viz.history_figure, record)
        page.chart(history, key="history", alt=words.describe_history(record))


def render(state: PageState, frame: Frame) -> None:
    """The round, the guess and the score on the left; the cloud and history right."""
    records: Records = st.session_state.setdefault(GAME_KEY, {})
    with frame.controls:
        round_, record = _controls(state, records)
    with frame.main:
        _show(round_, record)


VIEW = View("guess", "Guess r", PARAMS, render)
