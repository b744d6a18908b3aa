"""The feature-selection figures on a learner's table: names are text, not markup."""

from __future__ import annotations

from core import correlation as corr
from core.table import parse_table, pick_columns
from viz import correlation as viz
from viz import style

NAME = "<a href='http://evil'>x</a>"


def _fm() -> corr.FeatureMatrix:
    table = parse_table(f'"{NAME}",b,y\n1,2,2\n2,1,4\n3,3,6\n4,3,9\n')
    return corr.table_feature_matrix(pick_columns(table, table.names), "y", 0.8)


def test_heatmap_and_ranking_show_a_hostile_name_as_text() -> None:
    fm = _fm()
    heatmap = viz.heatmap_figure(fm, (NAME, "y"))
    ranking = viz.ranking_figure(fm)
    for fig in (heatmap, ranking):
        style.validate(fig)
    shown = [
        *heatmap.layout.xaxis.ticktext,
        *heatmap.layout.yaxis.ticktext,
        *heatmap.data[1].text,  # the hover text of every cell
        *ranking.data[0].y,
    ]
    assert not [label for label in shown if "<a" in label]
    assert any("&lt;a" in label for label in shown)
    assert "<br>click to plot them" in heatmap.data[1].hovertemplate
    assert "customdata" not in heatmap.data[1].hovertemplate  # raw names: not shown


def test_pair_figure_of_a_table_has_no_empty_unit() -> None:
    fig = viz.pair_figure(_fm().pair("b", "y"))
    assert fig.layout.xaxis.title.text == "b"
    assert fig.layout.yaxis.title.text == "y"
