"""Marks every test under ``tests/e2e`` as ``e2e`` (real Chromium, real servers).

``scripts/test.sh`` runs the fast tier (``-m "not e2e"``) first, so a broken unit
fails in seconds, then the browser tier; both always run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
