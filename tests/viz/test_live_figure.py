"""``viz.live_figure``: a figure kept as the dicts it was made from."""

from __future__ import annotations

import copy
import pickle

import plotly.graph_objects as go

from viz.live_figure import live_figure


def _figure() -> go.Figure:
    return live_figure(
        [{"type": "scatter", "x": [0.0, 1.0], "y": [1.0, 0.0], "name": "line"}],
        {"height": 300, "xaxis": {"range": [0, 1]}},
    )


def test_to_dict_gives_back_the_dicts_and_plotly_accepts_them() -> None:
    fig = _figure()
    assert isinstance(fig, go.Figure)
    as_dict = fig.to_dict()
    assert as_dict["data"][0]["y"] == [1.0, 0.0]
    assert as_dict["layout"]["xaxis"] == {"range": [0, 1]}
    # The same dicts make a valid graph-objects figure.
    assert go.Figure(as_dict).data[0].name == "line"


def test_copies_and_pickles_keep_the_figure() -> None:
    """st.cache_data pickles what it returns; the take-home notebook copies."""
    fig = _figure()
    for again in (copy.copy(fig), copy.deepcopy(fig), pickle.loads(pickle.dumps(fig))):
        assert again.to_dict() == fig.to_dict()
    assert "1 traces" in repr(fig)
