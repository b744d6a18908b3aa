"""Guards on the repository layout."""

from __future__ import annotations

import sys

from tests.helpers import ROOT


def test_no_page_script_shadows_a_standard_library_module() -> None:
    """AppTest puts pages/ first on sys.path while a page runs: a page named like a
    standard-library module (say statistics.py) would be imported in its place."""
    clashes = sorted(
        path.stem
        for path in (ROOT / "pages").glob("*.py")
        if path.stem in sys.stdlib_module_names
    )
    assert clashes == []
