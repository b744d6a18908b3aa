"""Figures made for live charts: the same traces at every value, fixed axes, valid."""

from __future__ import annotations

import pytest

from core import gradient_descent as gd
from core import loss_functions as lf
from core.gradient_descent import Optimiser
from text.gradient_descent.live import descent_readout, race_readout
from text.loss_functions.live import fit_readout
from viz import style
from viz.gradient_descent import live as gd_live
from viz.loss_functions import live as lf_live


def uids(figure: dict) -> list[object]:
    return [(t.get("uid"), t.get("xaxis"), t["type"]) for t in figure["data"]]


@pytest.mark.parametrize(
    ("w0", "lr"), [(5.0, 0.1), (-3.0, 0.8), (5.0, 3.5), (0.0, 1.0)]
)
def test_descent_frames_share_their_traces_and_axes(w0: float, lr: float) -> None:
    base = gd_live.descent_live_figure(gd.descend_1d("square", 5, 0.1, 20), (-6, 6))
    fig = gd_live.descent_live_figure(gd.descend_1d("square", w0, lr, 20), (-6, 6))
    style.validate(fig)
    a, b = base.to_dict(), fig.to_dict()
    assert uids(a) == uids(b)
    assert a["layout"]["xaxis"]["range"] == b["layout"]["xaxis"]["range"] == [-6, 6]
    assert a["layout"]["yaxis"]["range"] == b["layout"]["yaxis"]["range"]
    start = next(t for t in b["data"] if t.get("uid") == "start")
    assert start["x"] == [w0]


def test_a_diverging_descent_says_so_on_the_chart() -> None:
    result = gd.descend_1d("square", 5, 3.5, 20)
    fig = gd_live.descent_live_figure(result, (-6, 6)).to_dict()
    note = next(t for t in fig["data"] if t.get("uid") == "note")
    assert note["text"] == ["⚠ diverged at step 7"]
    assert descent_readout(result).startswith("lr = 3.5 · diverges at step 7")


def test_race_frames_share_their_traces() -> None:
    chosen = (Optimiser("gd", 0.09), Optimiser("adam", 0.3))
    base = gd.race("elongated", (-3.5, 1.5), chosen, 60)
    backdrop = gd_live.race_backdrop(base, base.grid())
    moved = gd.race("elongated", (2.0, -1.0), chosen, 60)
    a = gd_live.race_live_figure(base, backdrop)
    b = gd_live.race_live_figure(moved, backdrop)
    style.validate(b)
    assert uids(a.to_dict()) == uids(b.to_dict())
    assert b.to_dict()["layout"]["images"][0]["source"].startswith("data:image/png")
    assert race_readout(moved).startswith("start (2, −1) · Gradient descent:")


def test_fit_frames_share_their_traces() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    run = lf.descend(data, 1.0, 0.0, method="gd", lr=0.02, steps=100)
    backdrop = lf_live.fit_backdrop(run.w_values, run.b_values, run.surface)
    ranges = ((0.0, 12.0), (-1.0, 12.0))
    figs = []
    for w, b in ((1.0, 0.0), (0.5, 2.0)):
        fit = lf.fit_line(data, w, b)
        path = lf.descent_path(data, w, b, method="gd", lr=0.02, steps=100)
        figs.append(lf_live.fit_live_figure(fit, path, backdrop, ranges).to_dict())
    style.validate(lf_live.fit_live_figure(fit, path, backdrop, ranges))
    assert uids(figs[0]) == uids(figs[1])
    handle = next(t for t in figs[1]["data"] if t.get("uid") == "b-handle")
    assert (handle["x"], handle["y"]) == ([0.0], [2.0])
    assert fit_readout(fit).startswith("w = 0.5 · b = 2 · MSE = ")


def test_hidden_best_fit_names_nothing() -> None:
    data = lf.make_dataset(12, 0, 1.0)
    run = lf.descend(data, 1.0, 0.0, method="gd", lr=0.02, steps=10)
    backdrop = lf_live.fit_backdrop(run.w_values, run.b_values, run.surface)
    fig = lf_live.fit_live_figure(
        run.fit, run.path, backdrop, ((0.0, 12.0), (-1.0, 12.0)), show_best=False
    ).to_dict()
    names = [t.get("name", "") for t in fig["data"]]
    assert not any(n.startswith(("best fit", "least squares")) for n in names)
