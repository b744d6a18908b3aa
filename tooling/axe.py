"""axe-core, the accessibility rules engine, from the npm registry and checked by hash.

The browser tests (``tests/e2e/test_axe.py``) run ``axe.min.js`` in every page. The
package is fetched once, outside the tests, into ``.cache/axe-core/`` (git-ignored)::

    python -m tooling.axe          # fetch (if missing) and verify; prints the path

``bash scripts/test.sh`` does that before the browser tier, so the tests themselves
never reach the network. Every read checks the tarball against the registry's
published ``dist.integrity`` (sha512), pinned here with the version: a corrupt or
swapped file fails loudly instead of running. No ``npm`` client is needed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

from tooling import ROOT

#: The pinned release (the registry's ``latest`` of the 4.x line when pinned).
VERSION = "4.14.1"
#: ``dist.integrity`` of https://registry.npmjs.org/axe-core/4.14.1
INTEGRITY = (
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFoo"
    "JpZe37OgudVGtQ=="
)
TARBALL_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
CACHE = ROOT / ".cache" / "axe-core"
TARBALL = CACHE / f"axe-core-{VERSION}.tgz"
#: The one file the tests inject, inside the npm tarball.
MEMBER = "package/axe.min.js"
HOW_TO_FETCH = (
    "run `python -m tooling.axe` once with network access "
    "(bash scripts/test.sh does it for you)."
)


def integrity(data: bytes) -> str:
    """The npm ``integrity`` string (Subresource Integrity, sha512) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def checked(data: bytes, expected: str, what: str) -> bytes:
    """``data`` if its npm ``integrity`` is ``expected``; else ``RuntimeError`` naming ``what``."""
    found = integrity(data)
    if found != expected:
        raise RuntimeError(
            f"{what} does not match the registry's published "
            f"integrity:\n  expected {expected}\n  found    {found}"
        )
    return data


def _verified(data: bytes, where: str) -> bytes:
    return checked(data, INTEGRITY, f"axe-core {VERSION} at {where}")


def fetch(timeout_s: float = 60.0) -> Path:
    """Download the pinned tarball into ``CACHE`` unless a verified copy is there."""
    if TARBALL.exists():
        _verified(TARBALL.read_bytes(), str(TARBALL))
        return TARBALL
    with urllib.request.urlopen(TARBALL_URL, timeout=timeout_s) as reply:
        data = _verified(reply.read(), TARBALL_URL)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = TARBALL.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(TARBALL)  # never a half-written tarball under the final name
    return TARBALL


def script() -> str:
    """The text of ``axe.min.js`` from the verified cached tarball (no network).

    Raises ``FileNotFoundError`` saying how to fetch it when it is not cached.
    """
    if not TARBALL.exists():
        raise FileNotFoundError(f"axe-core {VERSION} is not in {CACHE}: {HOW_TO_FETCH}")
    data = _verified(TARBALL.read_bytes(), str(TARBALL))
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise RuntimeError(f"{MEMBER} is not a file in {TARBALL}")
        return member.read().decode("utf-8")


def main() -> int:
    """Fetch and verify the pinned axe-core; print where it is."""
    try:
        path = fetch()
        script()
    except (OSError, RuntimeError) as exc:
        print(f"python -m tooling.axe: {exc}", file=sys.stderr)
        return 1
    print(f"axe-core {VERSION}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
