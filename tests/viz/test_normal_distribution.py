"""Figures of the Normal distribution page: fixed axes, binned bars, bounded size."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from core import normal_distribution as nd
from viz import normal_distribution as viz
from viz import style


def _trace(fig: go.Figure, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def test_histogram_and_exact_pdf() -> None:
    s = nd.sample_normal(0, 1, 1000, bins=20, seed=0)
    fig = viz.normal_figure(s)
    go.Figure(fig.to_dict())  # valid for plotly
    bars = _trace(fig, "your draws")
    assert len(bars.x) == 20
    np.testing.assert_allclose(bars.y, s.counts / (1000 * s.width))
    curve = _trace(fig, "exact density")
    assert curve.line.color == style.TARGET
    np.testing.assert_allclose(curve.y, nd.normal_pdf(np.asarray(curve.x), 0, 1))


def test_axes_are_fixed_so_moving_mu_moves_the_bars() -> None:
    left = viz.normal_figure(nd.sample_normal(-2, 1, 500, 20, 0))
    right = viz.normal_figure(nd.sample_normal(2, 1, 500, 20, 0))
    assert (
        tuple(left.layout.xaxis.range) == tuple(right.layout.xaxis.range) == nd.X_RANGE
    )
    assert tuple(left.layout.yaxis.range) == tuple(right.layout.yaxis.range)
    shift = np.mean(_trace(right, "your draws").x) - np.mean(
        _trace(left, "your draws").x
    )
    assert shift == pytest.approx(4)


def test_zoom_follows_mu_and_sigma() -> None:
    fig = viz.normal_figure(nd.sample_normal(1, 2, 500, 20, 0), zoom=True)
    assert tuple(fig.layout.xaxis.range) == (1 - 9, 1 + 9)


def test_figure_bytes_do_not_grow_with_n() -> None:
    sizes = [
        len(viz.normal_figure(nd.sample_normal(0, 1, n, 30, 0)).to_json())
        for n in (10, 1_000, 1_000_000)
    ]
    # 100,000 times more draws: only the count digits widen (integer dtype of the
    # bar counts), a few bytes per bar; raw draws would add megabytes.
    assert max(sizes) - min(sizes) < 10 * 30
    assert max(sizes) < 30_000


def test_rule_bands_and_interval_shading() -> None:
    s = nd.sample_normal(1, 0.5, 2000, 20, 0)
    rule = viz.normal_figure(s, rule=True)
    go.Figure(rule.to_dict())
    bands = sorted((sh.x0, sh.x1) for sh in rule.layout.shapes)
    assert bands == [(-0.5, 2.5), (0.0, 2.0), (0.5, 1.5)]
    r = nd.interval_probability(1, 0.5, 0.5, 2, nd.draw_normal(1, 0.5, 2000, 0))
    fig = viz.normal_figure(s, interval=r)
    go.Figure(fig.to_dict())
    area = _trace(fig, "P(0.5 < X < 2)")
    assert min(area.x) == 0.5
    assert max(area.x) == 2
    colours = _trace(fig, "your draws").marker.color
    inside = (s.centres > 0.5) & (s.centres < 2)
    assert [c == style.rgba(style.ACCENT, 0.6) for c in colours] == list(inside)
