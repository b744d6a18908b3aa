"""Bars of belief: before and after the evidence, test by test, word by word."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from core.bayes import Bayes, NaiveBayes, Story, Updates, percent
from core.parsing import display_number
from viz import style
from viz.bayes.common import PERCENT_TICKS


def _bar_layout(title: str, y_title: str, height: int = 320) -> dict[str, Any]:
    layout = style.base_layout(title, "", y_title, height=height, show_legend=False)
    layout["yaxis"] = {
        **layout["yaxis"],
        "range": [0, 1.15],
        "autorange": False,
        **PERCENT_TICKS,
    }
    return layout


def prior_posterior_figure(result: Bayes, story: Story) -> go.Figure:
    """Belief in A before the evidence, after B, and after ¬B."""
    names = [
        "before: P(A)",
        f"after {story.b}: P(A|B)",
        f"after {story.not_b}: P(A|¬B)",
    ]
    values: list[float | None] = [
        result.p_a,
        result.p_a_given_b,
        result.p_a_given_not_b,
    ]
    colours = [style.SKY, style.TARGET, style.SECOND]
    text = [percent(v) if v is not None else "never happens" for v in values]
    bars = {
        "type": "bar",
        "x": names,
        "y": [v if v is not None else 0.0 for v in values],
        "marker": {"color": colours},
        "text": text,
        "textposition": "outside",
        "cliponaxis": False,
        "textfont": {"size": 16},
        "hovertemplate": "%{x}: %{text}<extra></extra>",
        "name": "belief in A",
        "width": 0.55,
    }
    layout = _bar_layout(
        f"Belief in {story.a}: before and after the evidence", "probability"
    )
    return style.figure([bars], layout)


def sequence_figure(seq: Updates, story: Story) -> go.Figure:
    """Belief after each result: the posterior of one test is the next prior."""
    ordinals = ["1st", "2nd", "3rd"] + [f"{k}th" for k in range(4, 10)]
    done = seq.results[: len(seq.beliefs) - 1]
    names = ["before"] + [
        f"{ordinals[i]} {'+' if r == '+' else '−'}" for i, r in enumerate(done)
    ]
    colours = [style.SKY] + [style.TARGET if r == "+" else style.CURRENT for r in done]
    data: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": names,
            "y": seq.beliefs,
            "marker": {"color": colours},
            "text": [percent(float(b)) for b in seq.beliefs],
            "textposition": "outside",
            "cliponaxis": False,
            "textfont": {"size": 16},
            "hovertemplate": "%{x}: %{text}<extra></extra>",
            "name": "belief in A",
            "width": 0.6,
        },
        {
            "type": "scatter",
            "x": names,
            "y": seq.beliefs,
            "mode": "lines",
            "line": {"color": style.NEUTRAL, "width": 2, "dash": "dot"},
            "hoverinfo": "skip",
            "name": "path",
        },
    ]
    layout = _bar_layout(
        f"P({story.a}) after each result (orange: +, dark blue: −)",
        "probability",
        height=400,
    )
    if seq.stopped_at is not None:
        layout["annotations"] = [
            {
                "x": 1.0,
                "xref": "paper",
                "y": 1.08,
                "yref": "y",
                "xanchor": "right",
                "showarrow": False,
                "text": f"result {seq.stopped_at + 1} cannot happen: updating stops",
                "font": {"color": style.TARGET, "size": 15},
            }
        ]
    return style.figure(data, layout)


def _likelihood_bars(name: str, words: list[str], values: Any, colour: str) -> dict:
    """One class's likelihoods, one bar per word, on the left panel."""
    return {
        "type": "bar",
        "x": words,
        "y": values,
        "name": name,
        "marker": {"color": colour},
        "text": [display_number(v) for v in values],
        "textposition": "outside",
        "cliponaxis": False,
        "xaxis": "x",
        "yaxis": "y",
    }


def naive_bayes_figure(nb: NaiveBayes) -> go.Figure:
    """Each word's likelihood in spam and in genuine mail, and the belief word by word."""
    # each word once on the left (a repeated word's bars would stack), in order
    first = [nb.words.index(w) for w in dict.fromkeys(nb.words)]
    words = [f"“{nb.words[i]}”" for i in first]
    spam = [float(nb.p_word_given_spam[i]) for i in first]
    genuine = [float(nb.p_word_given_ham[i]) for i in first]
    # one category per step ("2. money": a word may come twice), each ticked by its word
    steps = ["prior", *(f"{i}. {w}" for i, w in enumerate(nb.words, start=1))]
    data: list[dict[str, Any]] = [
        _likelihood_bars("P(word | spam)", words, spam, style.TARGET),
        _likelihood_bars("P(word | genuine)", words, genuine, style.CURRENT),
        {
            "type": "scatter",
            "x": steps,
            "y": nb.steps,
            "mode": "lines+markers+text",
            "name": "P(spam | words so far)",
            "line": {"color": style.ACCENT, "width": 4},
            "marker": {"size": 14},
            "text": [percent(float(v)) for v in nb.steps],
            "textposition": "top center",
            "textfont": {"size": 15},
            "cliponaxis": False,
            "xaxis": "x2",
            "yaxis": "y2",
        },
    ]
    layout = style.base_layout(
        "Words multiply: likelihoods (left), belief word by word (right)", height=420
    )
    axis = layout["xaxis"]
    percent_axis = {
        **layout["yaxis"],
        "range": [0, 1.12],
        "autorange": False,
        **PERCENT_TICKS,
    }
    layout.update(
        barmode="group",
        xaxis={**axis, "domain": [0.0, 0.42], "title": {"text": "word"}},
        yaxis={**percent_axis, "title": {"text": "likelihood"}},
        xaxis2={
            **axis,
            "domain": [0.56, 1.0],
            "anchor": "y2",
            "title": {"text": "after reading word 1, 2, 3"},
            "tickmode": "array",
            "tickvals": steps,
            "ticktext": ["prior", *nb.words],
        },
        yaxis2={**percent_axis, "anchor": "x2", "title": {"text": "P(spam)"}},
    )
    layout["legend"] = {**layout["legend"], "y": 1.02}
    layout["margin"] = {**layout["margin"], "t": 95}
    return style.figure(data, layout)
