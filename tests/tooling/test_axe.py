"""tooling/axe.py: the pinned axe-core, checked against the registry's sha512."""

from __future__ import annotations

import base64
import hashlib

import pytest

from tooling import ROOT, axe


def test_integrity_is_npm_subresource_integrity() -> None:
    # sha512 of the empty string, base64: the form npm's `dist.integrity` uses
    digest = base64.b64encode(hashlib.sha512(b"").digest()).decode()
    assert axe.integrity(b"") == f"sha512-{digest}"
    assert axe.integrity(b"").startswith("sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXc")


def test_a_file_that_does_not_match_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"does not match the registry's published"):
        axe._verified(b"not axe-core", "a test")


def test_the_cached_copy_is_the_pinned_release() -> None:
    """Run `python -m tooling.axe` (scripts/test.sh does) if this fails: no cache."""
    source = axe.script()  # verifies the tarball against INTEGRITY first
    assert source.startswith(f"/*! axe v{axe.VERSION}")
    assert axe.TARBALL.is_relative_to(ROOT / ".cache")
    assert axe.TARBALL_URL.endswith(f"/axe-core-{axe.VERSION}.tgz")
