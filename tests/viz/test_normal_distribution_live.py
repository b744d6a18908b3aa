"""The live P(a < X < b) chart's data: the bell curve's points, the hatched area, the bars."""

from __future__ import annotations

import numpy as np
import pytest

from core import normal_distribution as nd
from core import normal_draws as ndr
from viz import normal_distribution_live as live

RANGES = (nd.X_RANGE, (0.0, nd.Y_MAX))


def _data(mu: float, sigma: float, a: float, b: float, bins: int = 20):
    draws = ndr.standard_draws(1000, 4)
    sample = ndr.summarize_standard(draws, mu, sigma, bins)
    interval = ndr.interval_standard(draws, mu, sigma, a, b) if a < b else None
    traces = live.interval_live_data(sample, interval, a, b, RANGES)["data"]
    return sample, {t["uid"]: t for t in traces}, [t["uid"] for t in traces]


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (-3.0, 0.5), (3.0, 2.0)])
def test_the_curve_spans_the_axis_and_bends_less_than_a_pixel(mu, sigma) -> None:
    _, traces, _ = _data(mu, sigma, -1, 1)
    xs, ys = np.asarray(traces["curve"]["x"]), np.asarray(traces["curve"]["y"])
    assert xs[0] <= nd.X_RANGE[0]
    assert xs[-1] >= nd.X_RANGE[1]
    assert xs.size <= 83
    assert np.all(np.diff(xs) > 0)
    np.testing.assert_allclose(ys, nd.normal_pdf(xs, mu, sigma), rtol=1e-12)
    fine = np.linspace(*nd.X_RANGE, 20_001)
    drawn = np.interp(fine, xs, ys)  # what the polyline shows between its points
    # 0.002 of a 0.9-high axis is under a pixel on any chart under 450 px high
    assert np.max(np.abs(drawn - nd.normal_pdf(fine, mu, sigma))) < 0.002


def test_the_hatched_area_runs_from_a_to_b_under_the_curve() -> None:
    _, traces, _ = _data(0.5, 1.2, -1.25, 2.0)
    xs, ys = np.asarray(traces["area"]["x"]), np.asarray(traces["area"]["y"])
    assert (xs[0], xs[1], xs[-2], xs[-1]) == (-1.25, -1.25, 2.0, 2.0)
    assert ys[0] == ys[-1] == 0.0
    np.testing.assert_allclose(ys[1:-1], nd.normal_pdf(xs[1:-1], 0.5, 1.2), rtol=1e-12)
    assert np.all((xs[2:-2] > -1.25) & (xs[2:-2] < 2.0))


def test_the_bars_inside_are_those_whose_centre_lies_between_a_and_b() -> None:
    sample, traces, _ = _data(0.0, 1.0, -0.9, 1.3, bins=20)
    inside = np.flatnonzero((sample.centres > -0.9) & (sample.centres < 1.3))
    edges = sample.edges[inside[0] : inside[-1] + 2]
    heights = sample.density[inside]
    np.testing.assert_array_equal(traces["inside"]["x"], np.repeat(edges, 2))
    np.testing.assert_array_equal(
        traces["inside"]["y"], np.concatenate([[0.0], np.repeat(heights, 2), [0.0]])
    )
    np.testing.assert_array_equal(traces["bars"]["x"], np.repeat(sample.edges, 2))


def test_every_frame_has_the_same_traces_even_without_an_interval() -> None:
    _, with_interval, order = _data(0.0, 1.0, -1, 1)
    _, without, same_order = _data(0.0, 1.0, 2, 1)
    assert order == same_order
    assert len(without["area"]["x"]) == len(without["inside"]["x"]) == 0
    assert len(with_interval["area"]["x"]) > 0
