"""Correlation: Pearson and Spearman r of your data or of data with a chosen ρ,
Anscombe's quartet, outliers and curves, a correlation matrix for feature
selection, and a guess-the-correlation game."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from core import correlation as corr
from core.parsing import parse_vector
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import correlation as viz

VIEWS = {
    "data": "Your data",
    "target": "Chosen ρ",
    "anscombe": "Anscombe's quartet",
    "outlier": "An outlier",
    "curve": "A curve",
    "matrix": "Feature selection",
    "guess": "Guess r",
}
COLUMNS = {name: name for name in (*(f for f, _ in corr.FEATURES), corr.TARGET[0])}
CORRELATION = {"min_value": -1.0, "max_value": 1.0, "step": 0.01}
OUTLIER = {
    "min_value": -corr.OUTLIER_LIMIT,
    "max_value": corr.OUTLIER_LIMIT,
    "step": 0.1,
}

PARAMS = (
    Param.choice("view", "Show", "data", VIEWS, widget="segmented"),
    # your data
    Param.choice(
        "entry",
        "Enter the data as",
        "lists",
        {"lists": "Two lists", "columns": "Two columns"},
        widget="segmented",
    ),
    Param.text(
        "x",
        "x values",
        "1, 2, 3, 4",
        help="Numbers separated by commas or spaces.",
        validate=lambda text: parse_vector(text, "x"),
    ),
    Param.text(
        "y",
        "y values (one for each x)",
        "10, 20, 30, 40",
        help="Numbers separated by commas or spaces.",
        validate=lambda text: parse_vector(text, "y"),
    ),
    Param.text(
        "xy",
        "x, y — one pair per line (paste two spreadsheet columns)",
        "1, 10\n2, 20\n3, 30\n4, 40",
        widget="text_area",
        max_chars=20_000,
        help="An optional first line of two names, e.g. `hours, score`, labels the axes.",
        validate=corr.parse_columns,
    ),
    Param.toggle(
        "quadrants",
        "Show what pulls r up or down",
        False,
        help="Colour each point by the sign of (x − x̄)(y − ȳ), its share of r.",
    ),
    # data with a chosen correlation
    Param.number("rho", "Target correlation ρ", 0.6, **CORRELATION),
    Param.integer("n", "Number of points n", 100, min_value=3, max_value=1000),
    Param.number(
        "noise",
        "Measurement noise σ added to y",
        0.0,
        min_value=0.0,
        max_value=corr.MAX_NOISE,
        step=0.05,
    ),
    Param.integer(
        "seed",
        "Random seed",
        0,
        min_value=0,
        max_value=99_999,
        widget="number",
        help="The same seed draws the same points for everyone who opens this link.",
    ),
    # an outlier
    Param.number("base_rho", "Correlation of the cloud", 0.7, **CORRELATION),
    Param.integer("base_n", "Points in the cloud", 20, min_value=5, max_value=200),
    Param.number("ox", "Outlier x", 5.0, **OUTLIER),
    Param.number("oy", "Outlier y", -5.0, **OUTLIER),
    # Anscombe's quartet
    Param.toggle(
        "pictures",
        "Show the pictures",
        True,
        help="Teachers: link with pictures=0 to let the class guess from the table first.",
    ),
    # a curve
    Param.number(
        "centre", "Centre of the x-range", 0.0, min_value=-3.0, max_value=3.0, step=0.1
    ),
    Param.number(
        "curve_noise",
        "Noise",
        0.5,
        min_value=0.0,
        max_value=corr.MAX_CURVE_NOISE,
        step=0.1,
    ),
    # a correlation matrix
    Param.integer(
        "samples", "Houses in the data set", 200, min_value=20, max_value=1000, step=10
    ),
    Param.number(
        "link",
        "How closely rooms follow area",
        0.9,
        min_value=0.0,
        max_value=1.0,
        step=0.01,
    ),
    Param.number(
        "threshold",
        "Warn when two features have |r| ≥",
        0.8,
        min_value=0.5,
        max_value=0.99,
        step=0.01,
    ),
    Param.choice("fx", "Plot on x", "area", COLUMNS, widget="select"),
    Param.choice("fy", "Plot on y", "price", COLUMNS, widget="select"),
    # the game
    Param.integer("round", "Round", 1, min_value=1, max_value=9999, widget="number"),
)
VIEW_PARAMS = {
    "anscombe": ("pictures",),
    "target": ("rho", "n", "noise", "seed", "quadrants"),
    "outlier": ("base_rho", "base_n", "ox", "oy", "seed"),
    "curve": ("centre", "curve_noise", "seed"),
    "matrix": ("samples", "link", "threshold", "fx", "fy", "seed"),
}
_ENTRY_SEEN = "_correlation_entry"
_GAME = "_correlation_game"
GRADE_BOX = {"great": st.success, "good": st.success, "miss": st.warning}


@st.cache_data(max_entries=32)
def _feature_matrix(samples: int, link: float, threshold: float, seed: int) -> Any:
    return corr.feature_matrix(samples, link, threshold, seed)


# Figures of the matrix view are pure functions of the controls and are only read
# (st.plotly_chart copies them), so one object serves every session that asks.
@st.cache_resource(max_entries=32)
def _heatmap(
    samples: int, link: float, threshold: float, seed: int, fx: str, fy: str
) -> Any:
    fm = _feature_matrix(samples, link, threshold, seed)
    return viz.heatmap_figure(fm, (fx, fy))


@st.cache_resource(max_entries=32)
def _ranking(samples: int, link: float, threshold: float, seed: int) -> Any:
    return viz.ranking_figure(_feature_matrix(samples, link, threshold, seed))


@st.cache_resource(max_entries=32)
def _pair(
    samples: int, link: float, threshold: float, seed: int, fx: str, fy: str
) -> Any:
    fm = _feature_matrix(samples, link, threshold, seed)
    return viz.pair_figure(fm.pair(fx, fy))


def _metrics(items: list[tuple[str, str, str | None]]) -> None:
    """A row of big readouts (label, value, optional delta)."""
    columns = st.columns(len(items))
    for column, (label, value, delta) in zip(columns, items, strict=True):
        column.metric(label, value, delta, delta_color="off")


def _value(number: float | None, digits: int = 3) -> str:
    return "undefined" if number is None else corr.format_r(number, digits)


def _reset_view(view: str) -> None:
    names = VIEW_PARAMS[view]
    state.set_values({name: state.params[name].default for name in names})


def _reset_button(view: str) -> None:
    st.button("↺ Defaults of this view", on_click=_reset_view, args=(view,))


def _new_seed() -> None:
    state.set_values({"seed": (state.value("seed") + 1) % 100_000})


def _seed_controls() -> int:
    seed = state.widget("seed")
    if "seed" not in state.hidden:
        st.button("🎲 New random sample", on_click=_new_seed)
    return int(seed)


def _run(controls_part: Callable[[], Any], main_part: Callable[[Any], None]) -> None:
    """Controls on the left, what they compute drawn on the right.

    Each view is two flat functions rather than one with nested ``with`` blocks:
    Streamlit's "magic" rewrites the page script on every AppTest rerun and its
    cost grows with the nesting depth.
    """
    with controls:
        result = controls_part()
    with main:
        main_part(result)


state = page.start(
    "correlation",
    "Correlation: do two things move together?",
    PARAMS,
    intro=(
        "**Correlation** measures how closely two variables move together along a "
        "straight line: r = +1 all points on a rising line, −1 on a falling line, "
        "0 no linear pattern. It is important for **feature selection**: which inputs "
        "track the target, and which inputs repeat each other. "
        "*(Notebook cell 9: np.corrcoef([1, 2, 3, 4], [10, 20, 30, 40]) → all ones.)*"
    ),
)
view = state.widget("view", label="Show")
controls, main = page.columns()


# -- your data -----------------------------------------------------------------------------
def _convert_entry(entry: str) -> None:
    """Carry the data across when the learner switches lists ↔ columns."""
    previous = st.session_state.get(_ENTRY_SEEN, entry)
    st.session_state[_ENTRY_SEEN] = entry
    if previous == entry:
        return
    try:
        if entry == "columns":
            xs, ys = corr.parse_lists(state.value("x"), state.value("y"))
            state.set_values({"xy": corr.columns_text(xs, ys)})
        else:
            xs, ys, _ = corr.parse_columns(state.value("xy"))
            state.set_values({"x": corr.lists_text(xs), "y": corr.lists_text(ys)})
    except ValueError:
        pass  # the old entry does not parse: keep the other box as it is


def _example(x: str, y: str) -> None:
    xs, ys = parse_vector(x), parse_vector(y)
    state.set_values({"x": x, "y": y, "xy": corr.columns_text(xs, ys)})


def data_controls() -> tuple[corr.PairStats, bool]:
    entry = state.widget("entry")
    _convert_entry(entry)
    texts = (state.widget("x"), state.widget("y")) if entry == "lists" else None
    xy_text = state.widget("xy") if entry == "columns" else ""
    quadrants = state.widget("quadrants")
    st.caption("Try:")
    buttons = st.columns(2)
    for index, (label, (x, y)) in enumerate(corr.DATA_EXAMPLES.items()):
        buttons[index % 2].button(label, on_click=_example, args=(x, y))
    page.reset_button(state)
    state.sync_url()
    if texts is not None:
        return page.compute("pairs", corr.pairs_from_lists, *texts), quadrants
    return page.compute("pairs", corr.pairs_from_columns, xy_text), quadrants


def data_main(result: tuple[corr.PairStats, bool]) -> None:
    stats, quadrants = result
    _metrics(
        [
            ("Pearson r", _value(stats.r), None),
            ("r²", _value(stats.r2), None),
            ("Spearman ρₛ", _value(stats.spearman), None),
            ("points n", str(stats.n), None),
        ]
    )
    page.formula(corr.pearson_latex(stats))
    words = corr.describe_pairs(stats)
    (st.warning if stats.r is None else page.explain)(words)
    page.chart(viz.pairs_figure(stats, quadrants=quadrants), key="pairs", alt=words)
    if quadrants and stats.r is not None:
        st.caption(corr.QUADRANT_NOTE)
    code_panel(corr.pairs_code(stats), corr.pairs_code_result(stats))


# -- data with a chosen ρ -------------------------------------------------------------------
def target_controls() -> tuple[corr.GeneratedSample, bool]:
    rho, n, noise = state.widget("rho"), state.widget("n"), state.widget("noise")
    seed = _seed_controls()
    quadrants = state.widget("quadrants")
    _reset_button("target")
    state.sync_url()
    sample = page.compute("target", corr.correlated_sample, n, rho, seed, noise)
    return sample, quadrants


def target_main(result: tuple[corr.GeneratedSample, bool]) -> None:
    sample, quadrants = result
    stats = sample.stats
    gap = (stats.r or 0.0) - sample.expected_r
    # an ASCII sign: Streamlit picks the delta's arrow from a leading "-"
    versus = "ρ" if sample.noise == 0 else f"{sample.expected_r:.2f}"
    _metrics(
        [
            ("target ρ", corr.format_r(sample.rho, 2), None),
            ("sample r", _value(stats.r), f"{gap:+.3f} vs {versus}"),
            ("r²", _value(stats.r2), None),
            ("Spearman ρₛ", _value(stats.spearman), None),
        ]
    )
    page.formula(corr.pearson_latex(stats))
    words = corr.describe_sample(sample)
    page.explain(words)
    figure = viz.sample_figure(sample, quadrants=quadrants)
    page.chart(figure, key="target", alt=words)
    code_panel(corr.sample_code(sample), corr.sample_code_result(sample))


# -- Anscombe's quartet --------------------------------------------------------------------
def anscombe_controls() -> bool:
    st.markdown(corr.ANSCOMBE_INTRO)
    pictures = state.widget("pictures")
    state.sync_url()
    return bool(pictures)


def anscombe_main(pictures: bool) -> None:
    quartet = corr.anscombe_quartet()
    st.table(corr.anscombe_table(quartet), hide_index=True)
    if not pictures:
        st.info(corr.ANSCOMBE_HIDDEN, icon="🤔")
        return
    words = corr.describe_anscombe(quartet)
    page.explain(words)
    page.chart(viz.anscombe_figure(quartet), key="anscombe", alt=words)
    st.markdown(
        "\n".join(f"- **{k}**: {story}." for k, story in corr.ANSCOMBE_STORY.items())
    )
    code_panel(corr.anscombe_code(), corr.anscombe_code_result(quartet))


# -- an outlier ------------------------------------------------------------------------------
def outlier_controls() -> corr.OutlierStudy:
    st.markdown("Drag the **outlier** and watch r react.")
    ox, oy = state.widget("ox"), state.widget("oy")
    base_rho, base_n = state.widget("base_rho"), state.widget("base_n")
    seed = _seed_controls()
    for label, values in corr.OUTLIER_EXAMPLES.items():
        st.button(label, on_click=state.set_values, args=(values,))
    _reset_button("outlier")
    state.sync_url()
    return page.compute("outlier", corr.outlier_study, base_rho, base_n, ox, oy, seed)


def outlier_main(study: corr.OutlierStudy) -> None:
    before, after = study.without, study.with_outlier
    _metrics(
        [
            ("r without", _value(before.r), None),
            ("r with the outlier", _value(after.r), f"{study.shift:+.3f}"),
            ("Spearman without", _value(before.spearman), None),
            ("Spearman with", _value(after.spearman), None),
        ]
    )
    words = corr.describe_outlier(study)
    page.explain(words)
    page.chart(viz.outlier_figure(study), key="outlier", alt=words)
    st.info(corr.CAUSATION, icon="💡")
    code_panel(corr.outlier_code(study), corr.outlier_code_result(study))


# -- a curve -----------------------------------------------------------------------------------
def curve_controls() -> corr.CurveSample:
    st.markdown("**y = x²**: y is completely determined by x. What is r?")
    centre, curve_noise = state.widget("centre"), state.widget("curve_noise")
    seed = _seed_controls()
    left, right = st.columns(2)
    left.button("Symmetric", on_click=state.set_values, args=({"centre": 0.0},))
    right.button("Right half", on_click=state.set_values, args=({"centre": 3.0},))
    _reset_button("curve")
    state.sync_url()
    return page.compute("curve", corr.curve_sample, centre, curve_noise, seed)


def curve_main(curve: corr.CurveSample) -> None:
    stats = curve.stats
    _metrics(
        [
            ("Pearson r", _value(stats.r), None),
            ("r²", _value(stats.r2), None),
            ("Spearman ρₛ", _value(stats.spearman), None),
        ]
    )
    words = corr.describe_curve(curve)
    page.explain(words)
    page.chart(viz.curve_figure(curve), key="curve", alt=words)
    st.info(corr.CAUSATION, icon="💡")
    code_panel(corr.curve_code(curve), corr.curve_code_result(curve))


# -- a correlation matrix for feature selection ---------------------------------------------
def _pick_cell() -> None:
    """A click on a heatmap cell selects that pair for the scatter below."""
    event = st.session_state.get("heatmap")
    points = event.selection.points if event is not None else []
    names = points[0].get("customdata", [])[:2] if points else []
    if len(names) == 2 and all(name in COLUMNS for name in names):
        state.set_values({"fx": names[0], "fy": names[1]})


def matrix_controls() -> tuple[corr.FeatureMatrix, tuple[Any, ...], str, str]:
    st.markdown(corr.MATRIX_INTRO)
    samples, link = state.widget("samples"), state.widget("link")
    threshold = state.widget("threshold")
    seed = _seed_controls()
    st.markdown("**Look closer** — or click a cell of the matrix:")
    fx, fy = state.widget("fx"), state.widget("fy")
    _reset_button("matrix")
    state.sync_url()
    fm = page.compute("matrix", _feature_matrix, samples, link, threshold, seed)
    # the settings of the (last good) matrix: they key the cached figures
    return fm, (fm.data.shape[0], fm.link, fm.threshold, fm.seed), fx, fy


def matrix_main(result: tuple[corr.FeatureMatrix, tuple[Any, ...], str, str]) -> None:
    fm, (samples, link, threshold, seed), fx, fy = result
    words = corr.describe_matrix(fm)
    page.explain(words)
    for a, b, r in fm.redundant_pairs():
        st.warning(corr.redundancy_warning(a, b, r, fm.threshold), icon="⚠️")
    st.plotly_chart(
        _heatmap(samples, link, threshold, seed, fx, fy),
        key="heatmap",
        width="stretch",
        theme=None,
        config=page.CHART_CONFIG,
        on_select=_pick_cell,
        selection_mode="points",
    )
    left, right = st.columns(2)
    left.plotly_chart(
        _ranking(samples, link, threshold, seed),
        key="ranking",
        width="stretch",
        theme=None,
        config=page.CHART_CONFIG,
    )
    right.plotly_chart(
        _pair(samples, link, threshold, seed, fx, fy),
        key="pair",
        width="stretch",
        theme=None,
        config=page.CHART_CONFIG,
    )
    st.info(corr.MATRIX_CAVEAT, icon="💡")
    code_panel(corr.matrix_code(fm, samples), corr.matrix_code_result(fm))


# -- guess the correlation --------------------------------------------------------------------
def _game_record(seed: int) -> corr.GameRecord:
    records: dict[int, corr.GameRecord] = st.session_state.setdefault(_GAME, {})
    return records.get(seed, corr.GameRecord())


def _check_guess(seed: int, number: int) -> None:
    round_ = corr.game_round(seed, number)
    score = corr.score_guess(st.session_state.get("guess", 0.0), round_.r)
    records = st.session_state.setdefault(_GAME, {})
    records[seed] = corr.record_guess(_game_record(seed), number, score)


def _restart(seed: int) -> None:
    st.session_state.setdefault(_GAME, {})[seed] = corr.GameRecord()
    state.set_values({"round": 1})


def _guess_form(seed: int, number: int) -> None:
    form = st.form("guess_form")
    form.slider(f"Round {number}: your guess for r", -1.0, 1.0, 0.0, 0.01, key="guess")
    form.form_submit_button(
        "Check my guess", type="primary", on_click=_check_guess, args=(seed, number)
    )


def guess_controls() -> tuple[corr.GameRound, corr.GameRecord]:
    seed = state.widget("seed", label="Game seed (same seed → same rounds)")
    state.sync_url()
    round_ = page.compute("round", corr.game_round, seed, state.value("round"))
    record = _game_record(seed)
    score = record.score_of(round_.number)
    if score is None:
        _guess_form(seed, round_.number)
    else:
        GRADE_BOX[score.grade](corr.describe_round(round_, score))
        following = {"round": min(round_.number + 1, 9999)}
        st.button(
            "Next round ▶", type="primary", on_click=state.set_values, args=(following,)
        )
    _metrics(
        [
            ("points", str(record.points), None),
            ("streak", str(record.streak), None),
            ("best", str(record.best_streak), None),
        ]
    )
    st.caption(corr.describe_record(record))
    st.button("Start again from round 1", on_click=_restart, args=(seed,))
    st.caption(corr.GAME_HELP)
    return round_, record


def guess_main(result: tuple[corr.GameRound, corr.GameRecord]) -> None:
    round_, record = result
    score = record.score_of(round_.number)
    words = corr.describe_round(round_, score)
    page.explain(words)
    page.chart(viz.game_figure(round_, score), key="game", alt=words)
    if score is not None:
        page.formula(corr.pearson_latex(round_.stats))
        code_panel(corr.game_code(round_), corr.game_code_result(round_))
    if record.played:
        alt = f"Your {record.played} guesses against the true r."
        page.chart(viz.history_figure(record), key="history", alt=alt)


VIEW_PARTS: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {
    "data": (data_controls, data_main),
    "target": (target_controls, target_main),
    "anscombe": (anscombe_controls, anscombe_main),
    "outlier": (outlier_controls, outlier_main),
    "curve": (curve_controls, curve_main),
    "matrix": (matrix_controls, matrix_main),
    "guess": (guess_controls, guess_main),
}
_run(*VIEW_PARTS[view])
