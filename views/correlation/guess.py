"""Guess r: a cloud per round, the learner's guess scored, a running record.

The game lives in the link: ``seed``, ``round`` and ``guesses`` (every round's
guess, see ``core.correlation.game.parse_guesses``), so a reload, or a reconnect
to another server process, shows the same round and score. The record is
replayed from them on each run. The session also keeps each seed's guesses
under ``GAME_KEY``, so a learner who tries another seed finds the first game
again when they come back to it.
"""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from core.correlation import game
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
GUESSES = Param.text(
    "guesses",
    "Your guesses so far",
    "",
    max_chars=game.MAX_GUESSES_CHARS,
    validate=game.parse_guesses,
)
PARAMS = (SEED, ROUND, GUESSES)
#: This session's games: each seed's ``guesses`` text (the link holds the current one).
GAME_KEY = "_correlation_game"
#: The seed of the game shown on the last run.
SEED_KEY = "_correlation_game_seed"
Games = dict[int, str]
GRADE_BOX = {"great": st.success, "good": st.success, "miss": st.warning}


def _guesses(state: PageState, games: Games, seed: int) -> str:
    """This seed's guesses: the link's (or a button's), else what the session kept.

    A new seed resumes that seed's game; an empty ``guesses`` (the notebook
    button, coming back from another page) never erases a game the session
    keeps: only "Start again" does.
    """
    guesses = state.value("guesses")
    last = st.session_state.get(SEED_KEY)
    switched = last is not None and last != seed and guesses == games.get(last, "")
    if switched or not guesses:
        guesses = games.get(seed, "")
    games[seed] = guesses
    st.session_state[SEED_KEY] = seed
    state.set_values({"guesses": guesses})
    return guesses


def _check_guess(state: PageState, games: Games, round_: corr.GameRound) -> None:
    guess = st.session_state.get("guess", 0.0)
    guesses = game.add_guess(state.value("guesses"), round_.number, guess)
    games[round_.seed] = guesses
    state.set_values({"guesses": guesses})


def _restart(state: PageState, games: Games, seed: int) -> None:
    games[seed] = ""
    state.set_values({"round": 1, "guesses": ""})


def _play(
    state: PageState, games: Games, round_: corr.GameRound, record: corr.GameRecord
) -> None:
    """The guess form, or (once scored) the verdict and the next round's button."""
    score = record.score_of(round_.number)
    if score is None and record.full:
        st.info(words.game_full(game.MAX_PLAYED))
        return
    if score is None:
        form = st.form("guess_form")
        label = words.guess_label(round_.number)
        form.slider(label, -1.0, 1.0, 0.0, 0.01, key="guess")
        form.form_submit_button(
            "Check my guess",
            type="primary",
            on_click=_check_guess,
            args=(state, games, round_),
        )
        return
    GRADE_BOX[score.grade](words.describe_round(round_, score))
    following = {"round": min(round_.number + 1, corr.MAX_ROUND)}
    st.button(
        "Next round ▶", type="primary", on_click=state.set_values, args=(following,)
    )


def _controls(state: PageState, games: Games) -> tuple[corr.GameRound, corr.GameRecord]:
    seed = int(state.widget("seed", label=words.GAME_SEED_LABEL))
    round_ = page.compute("round", corr.game_round, seed, state.value("round"))
    guesses = _guesses(state, games, seed)
    record = page.compute("record", game.replay_game, seed, guesses, shared=True)
    _play(state, games, round_, record)
    metric_row(
        [
            ("points", str(record.points), None),
            ("streak", str(record.streak), None),
            ("best", str(record.best_streak), None),
        ]
    )
    st.caption(words.describe_record(record))
    st.button("Start again from round 1", on_click=_restart, args=(state, games, seed))
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
    games: Games = st.session_state.setdefault(GAME_KEY, {})
    with frame.controls:
        round_, record = _controls(state, games)
    with frame.main:
        _show(round_, record)


VIEW = View("guess", "Guess r", PARAMS, render)
