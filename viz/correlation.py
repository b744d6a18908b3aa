"""Figures for the Correlation page: scatters with their line, Anscombe's quartet,
an outlier, a curve, a correlation heatmap with its ranking, and the guessing game.

Colours keep the page's meanings: points in ``CURRENT``; the least-squares line
(the best fit) in ``TARGET``; ``ACCENT`` for the point or cell under focus;
positive correlations / products in ``SECOND`` (orange) and negative ones in
``CURRENT`` (blue), as on the heatmap's diverging scale.

Every figure is assembled as plain dicts and validated by Plotly once, in
``style.Chart.figure()``: ``update_layout``/``add_shape`` after construction cost
several milliseconds each, and this page reruns on every slider step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.correlation import (
    CURVE_HALF_WIDTH,
    FEATURES,
    GOOD_WITHIN,
    GREAT_WITHIN,
    MAX_NOISE,
    OUTLIER_LIMIT,
    TARGET,
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
from viz import style

POSITIVE = style.SECOND
NEGATIVE = style.CURRENT
#: Diverging scale for correlations: −1 blue, 0 white, +1 orange (Okabe–Ito ends).
DIVERGING = [[0.0, NEGATIVE], [0.5, "#FFFFFF"], [1.0, POSITIVE]]

SAMPLE_X = (-4.0, 4.0)
SAMPLE_Y = (
    -4.0 * float(np.sqrt(1 + MAX_NOISE**2)),
    4.0 * float(np.sqrt(1 + MAX_NOISE**2)),
)
OUTLIER_RANGE = (-OUTLIER_LIMIT - 0.5, OUTLIER_LIMIT + 0.5)
CURVE_X = (-3.0 - CURVE_HALF_WIDTH - 0.3, 3.0 + CURVE_HALF_WIDTH + 0.3)
CURVE_Y = (-10.0, 46.0)
ANSCOMBE_X = (2.0, 20.0)
ANSCOMBE_Y = (2.0, 14.0)
GAME_RANGE = (-3.6, 3.6)
UNITS = dict((*FEATURES, TARGET))


def _num(value: float, digits: int = 4) -> str:
    return format_number(value, digits).replace("-", "−")


def padded_range(values: np.ndarray, pad: float = 0.08) -> tuple[float, float]:
    """Data range with a margin (a constant list gets ±1 around its value)."""
    low, high = float(np.min(values)), float(np.max(values))
    if low == high:
        return low - 1.0, high + 1.0
    margin = (high - low) * pad
    return low - margin, high + margin


def _line(
    stats: PairStats,
    x_range: tuple[float, float],
    *,
    name: str | None = None,
    colour: str = style.TARGET,
    dash: str = "solid",
    **extra: Any,
) -> dict[str, Any] | None:
    """The least-squares line across ``x_range`` (None when x is constant)."""
    if stats.slope is None or stats.intercept is None:
        return None
    xs = np.array(x_range, dtype=float)
    label = name or (
        f"least-squares line ŷ = {_num(stats.intercept)} + {_num(stats.slope)}·x"
    ).replace("+ −", "− ")
    return {
        "type": "scatter",
        "x": xs,
        "y": stats.intercept + stats.slope * xs,
        "mode": "lines",
        "name": label,
        "line": {"color": colour, "width": 3, "dash": dash},
        "hoverinfo": "skip",
        **extra,
    }


def _points(
    x: np.ndarray,
    y: np.ndarray,
    name: str,
    colour: str,
    hover: str | None,
    size: int = 10,
    **extra: Any,
) -> dict[str, Any]:
    trace: dict[str, Any] = {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "markers",
        "name": name,
        "marker": {
            "color": colour,
            "size": size,
            "opacity": 0.85,
            "line": {"color": "white", "width": 1},
        },
        **extra,
    }
    if hover is None:
        trace["hoverinfo"] = "skip"
    else:
        trace["hovertemplate"] = hover
    return trace


def _scatter_chart(
    stats: PairStats,
    *,
    title: str,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
    quadrants: bool = False,
    height: int = style.HEIGHT,
    marker_size: int = 10,
) -> style.Chart:
    name_x, name_y = stats.names
    x_range = x_range or padded_range(stats.x)
    y_range = y_range or padded_range(stats.y)
    chart = style.Chart(title, name_x, name_y, height=height)
    hover = f"{name_x} = %{{x:.4g}}<br>{name_y} = %{{y:.4g}}<extra></extra>"
    if quadrants:
        _quadrants(chart, stats, x_range, y_range)
        product = (stats.x - stats.mean_x) * (stats.y - stats.mean_y)
        groups = (
            (product > 0, "pulls r up: (x − x̄)(y − ȳ) > 0", POSITIVE),
            (product < 0, "pulls r down: (x − x̄)(y − ȳ) < 0", NEGATIVE),
            (product == 0, "on a mean line: adds 0", style.NEUTRAL),
        )
        for mask, label, colour in groups:
            if np.any(mask):
                chart.traces.append(
                    _points(
                        stats.x[mask], stats.y[mask], label, colour, hover, marker_size
                    )
                )
    else:
        chart.traces.append(
            _points(
                stats.x, stats.y, f"{stats.n} points", style.CURRENT, hover, marker_size
            )
        )
    line = _line(stats, x_range)
    if line is not None:
        chart.traces.append(line)
    return chart.legend_below().ranges(x_range, y_range)


def scatter_figure(stats: PairStats, *, title: str, **options: Any) -> go.Figure:
    """Points and the least-squares line; ``quadrants=True`` shows r's quadrants.

    With ``quadrants`` the mean lines x̄, ȳ split the plane: a point whose
    deviations have the same sign (top right, bottom left) adds to
    ``Σ(x − x̄)(y − ȳ)`` and pulls r up (orange); the others pull it down (blue).
    """
    return _scatter_chart(stats, title=title, **options).figure()


def _quadrants(
    chart: style.Chart,
    stats: PairStats,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> None:
    mx, my = stats.mean_x, stats.mean_y
    for x0, x1, y0, y1, colour in (
        (mx, x_range[1], my, y_range[1], POSITIVE),
        (x_range[0], mx, y_range[0], my, POSITIVE),
        (x_range[0], mx, my, y_range[1], NEGATIVE),
        (mx, x_range[1], y_range[0], my, NEGATIVE),
    ):
        chart.shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "fillcolor": style.rgba(colour, 0.08),
                "line": {"width": 0},
                "layer": "below",
            }
        )
    chart.guide(x=mx, y=my)
    note = {"showarrow": False, "font": {"color": style.NEUTRAL}}
    chart.annotations += [
        {
            **note,
            "x": mx,
            "y": y_range[1],
            "text": f"x̄ = {_num(mx)}",
            "yanchor": "top",
            "xanchor": "left",
            "xshift": 4,
        },
        {
            **note,
            "x": x_range[1],
            "y": my,
            "text": f"ȳ = {_num(my)}",
            "yanchor": "bottom",
            "xanchor": "right",
        },
    ]


def pairs_figure(stats: PairStats, *, quadrants: bool = False) -> go.Figure:
    """The learner's own data."""
    if stats.r is None:
        title = "r is undefined: " + " and ".join(stats.constant) + " constant"
    else:
        title = f"r = {format_r(stats.r)}"
    return scatter_figure(stats, title=title, quadrants=quadrants)


def sample_figure(sample: GeneratedSample, *, quadrants: bool = False) -> go.Figure:
    """Generated points on fixed axes, so moving ρ or the noise visibly moves them.

    The dotted population line ``y = ρ·x`` is where the least-squares line would
    settle with endless data (without noise).
    """
    r = sample.stats.r
    assert r is not None
    chart = _scatter_chart(
        sample.stats,
        title=f"Sample r = {format_r(r)}   (target ρ = {format_r(sample.rho, 2)})",
        x_range=SAMPLE_X,
        y_range=SAMPLE_Y,
        quadrants=quadrants,
        height=480,
        marker_size=9,
    )
    xs = np.array(SAMPLE_X)
    chart.add(
        x=xs,
        y=sample.rho * xs,
        mode="lines",
        name=f"population line y = ρ·x (ρ = {format_r(sample.rho, 2)})",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    return chart.figure()


# -- Anscombe's quartet: four panels drawn on one figure -----------------------------------


def _grid_axes(
    chart: style.Chart, rows: int, cols: int, gap: float = 0.1
) -> list[tuple[str, str]]:
    """Lay out ``rows × cols`` panels; return the (xaxis, yaxis) names row by row."""
    base_x, base_y = chart.layout.pop("xaxis"), chart.layout.pop("yaxis")
    width = (1 - gap * (cols - 1)) / cols
    height = (1 - gap * 1.4 * (rows - 1)) / rows
    names = []
    for row in range(rows):
        for col in range(cols):
            k = row * cols + col + 1
            suffix = "" if k == 1 else str(k)
            x0 = col * (width + gap)
            y1 = 1 - row * (height + gap * 1.4)
            chart.layout[f"xaxis{suffix}"] = {
                **base_x,
                "title": None,
                "domain": [x0, x0 + width],
                "anchor": f"y{suffix}",
                "range": list(ANSCOMBE_X),
                "autorange": False,
            }
            chart.layout[f"yaxis{suffix}"] = {
                **base_y,
                "title": None,
                "domain": [y1 - height, y1],
                "anchor": f"x{suffix}",
                "range": list(ANSCOMBE_Y),
                "autorange": False,
            }
            names.append((f"x{suffix}", f"y{suffix}"))
    return names


def anscombe_figure(quartet: dict[str, PairStats]) -> go.Figure:
    """The quartet side by side on identical axes, each with its (identical) line."""
    chart = style.Chart(
        "Anscombe's quartet: same statistics, four different pictures",
        height=640,
        show_legend=False,
    )
    chart.layout["margin"] = {"t": 60, "l": 45, "r": 15, "b": 35}
    axes = _grid_axes(chart, 2, 2)
    for (name, stats), (xaxis, yaxis) in zip(quartet.items(), axes, strict=True):
        assert stats.r is not None
        chart.traces.append(
            _points(
                stats.x,
                stats.y,
                f"data set {name}",
                style.CURRENT,
                f"{name}: x = %{{x}}<br>y = %{{y}}<extra></extra>",
                size=11,
                xaxis=xaxis,
                yaxis=yaxis,
            )
        )
        line = _line(stats, ANSCOMBE_X, xaxis=xaxis, yaxis=yaxis, showlegend=False)
        assert line is not None
        chart.traces.append(line)
        chart.annotations.append(
            {
                "x": ANSCOMBE_X[0] + 0.3,
                "y": ANSCOMBE_Y[1] - 0.3,
                "xref": xaxis,
                "yref": yaxis,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "align": "left",
                "text": f"<b>{name}</b>   r = {format_r(stats.r)}",
                "font": {"size": 17},
            }
        )
    return chart.figure()


# -- one outlier and a curve ------------------------------------------------------------


def outlier_figure(study: OutlierStudy) -> go.Figure:
    """The cloud, the movable outlier, and the line with and without it."""
    after = study.with_outlier.r
    before = study.without.r
    assert after is not None
    assert before is not None
    chart = style.Chart(
        f"r = {format_r(after)} with the outlier ({format_r(before)} without)",
        "x",
        "y",
        height=520,
    )
    base = study.without
    hover = "x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>"
    chart.traces.append(
        _points(base.x, base.y, f"{base.n} points", style.CURRENT, hover)
    )
    for stats, name, colour, dash in (
        (
            base,
            f"line without the outlier (r = {format_r(before)})",
            style.NEUTRAL,
            "dash",
        ),
        (
            study.with_outlier,
            f"line with it (r = {format_r(after)})",
            style.TARGET,
            "solid",
        ),
    ):
        line = _line(stats, OUTLIER_RANGE, name=name, colour=colour, dash=dash)
        if line is not None:
            chart.traces.append(line)
    ox, oy = study.outlier
    chart.add(
        x=[ox],
        y=[oy],
        mode="markers+text",
        name=f"outlier ({_num(ox, 3)}, {_num(oy, 3)})",
        marker={
            "color": style.ACCENT,
            "size": 20,
            "symbol": "diamond",
            "line": {"color": "white", "width": 2},
        },
        text=["outlier"],
        textposition="top center",
        textfont={"color": style.ACCENT, "size": 16},
        hovertemplate="outlier<br>x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>",
    )
    return chart.legend_below().ranges(OUTLIER_RANGE, OUTLIER_RANGE).figure()


def curve_figure(curve: CurveSample) -> go.Figure:
    """Points near y = x², the curve itself, and the (poor) least-squares line."""
    stats = curve.stats
    assert stats.r is not None
    chart = style.Chart(f"y = x²: r = {format_r(stats.r)}", "x", "y")
    xs = np.linspace(CURVE_X[0], CURVE_X[1], 121)
    chart.add(
        x=xs,
        y=xs**2,
        mode="lines",
        name="y = x² (the true relationship)",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    hover = "x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>"
    chart.traces.append(
        _points(stats.x, stats.y, f"{stats.n} points", style.CURRENT, hover)
    )
    line = _line(stats, CURVE_X)
    if line is not None:
        chart.traces.append(line)
    return chart.legend_below().ranges(CURVE_X, CURVE_Y).figure()


# -- the correlation matrix ---------------------------------------------------------------


def _label(name: str) -> str:
    return name.replace(" ", "<br>") if len(name) > 8 else name


def heatmap_figure(
    fm: FeatureMatrix, selected: tuple[str, str] | None = None
) -> go.Figure:
    """``np.corrcoef`` of every pair, −1 blue … +1 orange, values written in.

    A transparent marker sits on every cell so a click selects it (Plotly heatmaps
    themselves send no selection events); ``customdata`` holds the two names
    (column of the cell = x, row = y).
    """
    k = len(fm.names)
    idx = np.arange(k)
    chart = style.Chart(
        "Correlation matrix: np.corrcoef(data, rowvar=False)",
        height=520,
        show_legend=False,
    )
    chart.add(
        "heatmap",
        z=fm.matrix,
        x=idx,
        y=idx,
        zmin=-1,
        zmax=1,
        colorscale=DIVERGING,
        text=[[format_r(v, 2) for v in row] for row in fm.matrix],
        texttemplate="%{text}",
        textfont={"size": 17},
        hoverinfo="skip",
        colorbar={"title": {"text": "r"}, "thickness": 16, "len": 0.9},
        xgap=2,
        ygap=2,
        name="r",
    )
    cols, rows = np.meshgrid(idx, idx)
    names = np.array(fm.names)
    chart.add(
        x=cols.ravel(),
        y=rows.ravel(),
        mode="markers",
        name="cells",
        marker={"size": 46, "symbol": "square", "opacity": 0, "color": style.ACCENT},
        selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}},
        customdata=np.column_stack([names[cols.ravel()], names[rows.ravel()]]),
        text=[format_r(v) for v in fm.matrix.ravel()],
        hovertemplate="%{customdata[1]} vs %{customdata[0]}<br>r = %{text}"
        "<br>click to plot them<extra></extra>",
    )
    if selected is not None:
        j, i = fm.names.index(selected[0]), fm.names.index(selected[1])
        for a, b in {(i, j), (j, i)}:
            chart.shapes.append(
                {
                    "type": "rect",
                    "x0": b - 0.5,
                    "x1": b + 0.5,
                    "y0": a - 0.5,
                    "y1": a + 0.5,
                    "line": {"color": style.ACCENT, "width": 4},
                }
            )
    ticks = [_label(name) for name in fm.names]
    axis = {"tickvals": idx, "ticktext": ticks, "showgrid": False, "zeroline": False}
    chart.layout["xaxis"].update(axis)
    chart.layout["yaxis"].update(axis)
    chart.layout["margin"] = {"l": 90, "r": 20, "t": 60, "b": 70}
    return chart.ranges((-0.5, k - 0.5), (k - 0.5, -0.5)).figure()


def ranking_figure(fm: FeatureMatrix) -> go.Figure:
    """Features ranked by |r| with the target: longer bar, more useful alone."""
    ranking = fm.ranking()
    chart = style.Chart(
        f"Features ranked by |r| with {fm.target}",
        "|r|",
        "",
        show_legend=False,
        height=360,
    )
    names = [name for name, _ in ranking][::-1]
    values = np.array([r for _, r in ranking][::-1])
    chart.add(
        "bar",
        x=np.abs(values),
        y=names,
        orientation="h",
        marker={"color": [POSITIVE if v > 0 else NEGATIVE for v in values]},
        text=[f"r = {format_r(v, 2)}" for v in values],
        textposition="outside",
        cliponaxis=False,
        name="|r| with the target",
        hovertemplate="%{y}: %{text}<extra></extra>",
    )
    chart.layout["margin"] = {"l": 110, "r": 20, "t": 60, "b": 55}
    return chart.ranges(x=(0.0, 1.2)).figure()


def pair_figure(stats: PairStats) -> go.Figure:
    """The two columns picked from the matrix, as a scatter with their line."""
    x_name, y_name = stats.names
    r = stats.r
    title = f"{y_name} vs {x_name}: r = {format_r(r, 2) if r is not None else '—'}"
    chart = _scatter_chart(stats, title=title, height=360, marker_size=7)
    chart.layout["xaxis"]["title"] = {"text": f"{x_name} ({UNITS.get(x_name, '')})"}
    chart.layout["yaxis"]["title"] = {"text": f"{y_name} ({UNITS.get(y_name, '')})"}
    chart.layout["showlegend"] = False
    chart.layout["margin"] = {**chart.layout["margin"], "b": 55}
    return chart.figure()


# -- the game -------------------------------------------------------------------------------


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
    chart.traces.append(_points(zx, zy, "points", style.CURRENT, None))
    if score is not None:
        xs = np.array(GAME_RANGE)
        chart.add(
            x=xs,
            y=score.r * xs,
            mode="lines",
            name="least-squares line",
            line={"color": style.TARGET, "width": 3},
            hoverinfo="skip",
        )
    hide = {"showticklabels": False, "zeroline": False}
    chart.layout["xaxis"].update(hide)
    chart.layout["yaxis"].update(hide, scaleanchor="x", scaleratio=1)
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
    chart.layout["yaxis"].update(scaleanchor="x", scaleratio=1)
    return chart.legend_below().ranges((-1.05, 1.05), (-1.15, 1.15)).figure()
