"""Figures of the Sampling page."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
import pytest

from core import sampling as smp
from core.normal_distribution import normal_pdf
from viz import sampling as viz
from viz import style


def _trace(fig: go.Figure, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def test_running_mean_on_a_log_axis_with_envelope() -> None:
    r = smp.running_means("die", 10_000, 3, 0)
    fig = viz.lln_figure(r)
    go.Figure(fig.to_dict())
    assert fig.layout.xaxis.type == "log"
    assert tuple(fig.layout.xaxis.range) == (0, 4)
    truth = _trace(fig, "true mean")
    assert list(truth.y) == [3.5, 3.5]
    assert truth.line.color == style.TARGET
    band = _trace(fig, "μ ± σ/√n")
    upper = np.asarray(band.y)[: len(r.steps)]
    np.testing.assert_allclose(upper, 3.5 + r.source.std / np.sqrt(r.steps))
    assert [t.name for t in fig.data if t.name.startswith("run")] == [
        "run 1",
        "run 2",
        "run 3",
    ]
    assert len(fig.to_json()) < 60_000


def test_lln_figure_size_does_not_grow_with_n() -> None:
    small = len(viz.lln_figure(smp.running_means("uniform", 1000, 2, 0)).to_json())
    large = len(viz.lln_figure(smp.running_means("uniform", 100_000, 2, 0)).to_json())
    assert large < 1.3 * small


def test_clt_histogram_against_the_predicted_normal() -> None:
    r = smp.means_of_k("exponential", 9, 5000, 40, 0)
    fig = viz.clt_figure(r)
    go.Figure(fig.to_dict())
    curve = _trace(fig, "CLT: N(1, 0.333²)")
    np.testing.assert_allclose(curve.y, normal_pdf(np.asarray(curve.x), 1.0, 1 / 3))
    bars = _trace(fig, "your 5,000 means")
    np.testing.assert_allclose(bars.y, r.density)
    assert tuple(fig.layout.xaxis.range) == (0, 5)  # the source's range, fixed in k


def test_clt_zoom() -> None:
    r = smp.means_of_k("uniform", 25, 2000, 40, 0)
    fig = viz.clt_figure(r, zoom=True)
    sd = math.sqrt(1 / 12) / 5
    assert tuple(fig.layout.xaxis.range) == pytest.approx(
        (0.5 - 4.5 * sd, 0.5 + 4.5 * sd)
    )
