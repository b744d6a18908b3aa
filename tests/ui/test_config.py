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
        ("runner", "postScriptGC", False),
        ("runner", "magicEnabled", False),
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
