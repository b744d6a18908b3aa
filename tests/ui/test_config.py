"""The classroom production settings in .streamlit/config.toml, pinned one by one."""

from __future__ import annotations

import tomllib

import pytest

from tests.helpers import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("server", "headless", True),
        ("server", "runOnSave", False),
        ("server", "fileWatcherType", "none"),
        ("server", "enableXsrfProtection", True),
        ("server", "enableCORS", True),
        ("server", "maxUploadSize", 1),
        ("server", "enableStaticServing", True),
        # Live charts send frame sets of 50-150 KB of JSON: deflated, they stay
        # under the 50 KB per release budget on the wire (issue 14).
        ("server", "enableWebsocketCompression", True),
        ("runner", "postScriptGC", False),
        ("runner", "magicEnabled", False),
        # One runner per session, so serving.script_gate cannot let a session's
        # older run start after its newer one (tests/ui/test_script_gate.py).
        ("runner", "fastReruns", False),
        ("client", "toolbarMode", "viewer"),
        ("client", "showErrorDetails", "none"),
        ("browser", "gatherUsageStats", False),
    ],
)
def test_setting(section: str, key: str, value: object) -> None:
    assert CONFIG[section][key] == value


def test_streamlit_accepts_every_setting() -> None:
    """Each option exists in the pinned Streamlit (a typo would be silently ignored)."""
    from streamlit import config

    options = config.get_config_options()
    for section, values in CONFIG.items():
        for key in values:
            assert f"{section}.{key}" in options, f"unknown option {section}.{key}"


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _faded(colour: str, background: str, opacity: float) -> str:
    mix = (
        round(
            opacity * int(colour[i : i + 2], 16)
            + (1 - opacity) * int(background[i : i + 2], 16)
        )
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mix)


def _contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("key", ["textColor", "codeTextColor"])
@pytest.mark.parametrize("background", ["#ffffff", "#f8f8f7"])  # page, widgets/code
def test_captions_are_readable(key: str, background: str) -> None:
    """Streamlit draws captions at 60% opacity; they must still reach WCAG AA (4.5:1).

    (tests/e2e/test_axe.py checks the same in the browser, on every view.)
    """
    caption = _faded(CONFIG["theme"][key], background, 0.6)
    assert _contrast(caption, background) >= 4.5
    assert (
        _contrast(_faded("#2f2d2b", background, 0.6), background) < 4.5
    )  # the default
