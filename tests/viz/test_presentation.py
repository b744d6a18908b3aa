"""Presentation mode's figure transform, and the palette checked for colour-blind eyes.

The palette checks simulate protanopia and deuteranopia (Machado, Oliveira and
Fernandes 2009, severity 1) and measure CIE76 colour differences (ΔE) in CIELAB,
and WCAG contrast against the white plot background.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from viz import style
from viz.presentation import MIN_TEXT, PRESENTED, colour, is_presented, present
from viz.table import as_array

MEANINGS = {
    "CURRENT": style.CURRENT,
    "TARGET": style.TARGET,
    "SECOND": style.SECOND,
    "THIRD": style.THIRD,
    "ACCENT": style.ACCENT,
}
PROTANOPIA = np.array(
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
)
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
VISIONS = {"normal": np.eye(3), "protanopia": PROTANOPIA, "deuteranopia": DEUTERANOPIA}


def _linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    to_xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    )
    xyz = to_xyz @ linear / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(first: str, second: str, vision: np.ndarray) -> float:
    seen = [np.clip(vision @ _linear(c), 0, 1) for c in (first, second)]
    return float(np.linalg.norm(_lab(seen[0]) - _lab(seen[1])))


def contrast_on_white(hex_colour: str) -> float:
    luminance = float(_linear(hex_colour) @ [0.2126, 0.7152, 0.0722])
    return 1.05 / (luminance + 0.05)


def closest_pair(palette: dict[str, str], vision: np.ndarray) -> float:
    return min(
        delta_e(palette[a], palette[b], vision)
        for a, b in itertools.combinations(palette, 2)
    )


# -- the palette -------------------------------------------------------------------------
@pytest.mark.parametrize("vision", VISIONS)
def test_the_meaning_colours_stay_apart_for_colour_blind_eyes(vision: str) -> None:
    """Okabe–Ito: the closest two meanings differ by ΔE ≥ 15 in every vision.

    Measured: normal 33.4 (TARGET/SECOND), protanopia 22.7 (CURRENT/ACCENT),
    deuteranopia 17.9 (THIRD/ACCENT). A ΔE above ~10 is clearly visible.
    """
    assert closest_pair(MEANINGS, VISIONS[vision]) >= 15


@pytest.mark.parametrize("vision", VISIONS)
def test_the_projector_palette_keeps_them_as_far_apart(vision: str) -> None:
    presented = {name: PRESENTED[hex_] for name, hex_ in MEANINGS.items()}
    assert closest_pair(presented, VISIONS[vision]) >= 19.5  # measured 20.0 (deut.)


def test_the_projector_palette_has_3_to_1_contrast_on_white() -> None:
    """WCAG's contrast for graphics; SECOND, SKY and YELLOW miss it on screen."""
    assert contrast_on_white(style.SECOND) < 3
    for original in (*MEANINGS.values(), style.SKY, style.YELLOW, style.NEUTRAL):
        assert contrast_on_white(PRESENTED[original]) >= 3, original


def test_each_colour_keeps_its_hue_family() -> None:
    """A darker twin, not another colour: the dominant channel is the same."""
    for original in MEANINGS.values():
        twin = PRESENTED[original]
        assert np.argmax(_linear(twin)) == np.argmax(_linear(original))


# -- the transform ------------------------------------------------------------------------
def _sizes(obj: Any, key: str = "") -> list[float]:
    """Every font size in a figure dict."""
    found: list[float] = []
    if isinstance(obj, dict):
        if key.endswith("font") and isinstance(obj.get("size"), (int, float)):
            found.append(obj["size"])
        for name, value in obj.items():
            found += _sizes(value, name)
    elif isinstance(obj, list):
        for item in obj:
            found += _sizes(item, key)
    return found


def _sample() -> Any:
    chart = style.Chart("Title", "x", "y")
    chart.add(
        x=[0, 1],
        y=[1, 0],
        name="yours",
        line={"color": style.CURRENT, "width": 2},
        marker={"size": np.array([8.0, 12.0]), "color": style.rgba(style.TARGET, 0.3)},
    )
    chart.note(x=0, y=0, text="small", font={"size": 11})
    chart.guide(x=0.5)
    layout = {**chart.layout, "annotations": chart.annotations, "shapes": chart.shapes}
    layout.update(style.play_controls(["a"], ["a"], active=0, duration=100))
    frames = [{"name": "a", "data": [{"line": {"width": 2}}]}]
    return style.freeze(style.figure(chart.traces, layout, frames))


def test_every_text_is_at_least_24_px() -> None:
    shown = present(_sample()).to_dict()
    sizes = _sizes(shown)
    assert shown["layout"]["font"]["size"] >= MIN_TEXT  # what the others inherit
    assert sizes
    assert min(sizes) >= MIN_TEXT
    assert shown["layout"]["title"]["font"]["size"] == 30  # 20 × 1.5


def test_lines_markers_and_guides_are_thicker() -> None:
    shown = present(_sample()).to_dict()
    trace = shown["data"][0]
    assert trace["line"]["width"] == 4  # 2 × 2
    assert shown["layout"]["shapes"][0]["line"]["width"] == 3  # 1.5 × 2
    assert shown["frames"][0]["data"][0]["line"]["width"] == 4
    assert np.allclose(as_array(trace["marker"]["size"]), [12, 18])  # type: ignore[arg-type]


def test_colours_keep_their_meaning_in_their_twin() -> None:
    shown = present(_sample()).to_dict()
    trace = shown["data"][0]
    assert trace["line"]["color"] == PRESENTED[style.CURRENT]
    twin = PRESENTED[style.TARGET]
    rgb = ",".join(str(int(twin[i : i + 2], 16)) for i in (1, 3, 5))
    assert trace["marker"]["color"] == f"rgba({rgb},0.3)"  # alpha kept
    assert shown["layout"]["colorway"][0] == PRESENTED[style.CURRENT]
    assert colour("#123456") == "#123456"  # not ours: as it is
    assert colour("rgb(0, 114, 178)") == "rgb(0,91,142)"


def test_the_original_is_untouched_and_never_presented_twice() -> None:
    original = _sample()
    before = original.to_json()
    once = present(original)
    assert original.to_json() == before
    assert is_presented(once)
    assert not is_presented(original)
    assert present(once) is once
    style.validate(once)  # still a valid Plotly figure


def test_taller_within_a_1080_screen_and_log_axes_without_small_labels() -> None:
    layout = style.base_layout("t", height=420)
    layout["xaxis"]["type"] = "log"
    shown = present(style.figure([], layout)).to_dict()["layout"]
    assert shown["height"] == 567  # 420 × 1.35
    assert shown["xaxis"]["dtick"] == 1
    assert shown["xaxis"]["automargin"] is True
    tall = present(style.figure([], style.base_layout("t", height=900)))
    assert tall.to_dict()["layout"]["height"] == 900  # never shorter
