"""The live charts' Plotly: plotly.js's *basic* bundle, kept in ``static/`` and checked.

The live charts (``ui/live_chart.py``) draw scatter traces only (with shapes,
annotations and layout images), so they load plotly.js's basic bundle (scatter,
bar, pie: 1.2 MB) instead of the whole library the ``plotly`` Python package
ships (4.8 MB): a quarter of the bytes for a class to fetch and for each browser
to compile on a first visit. The file is committed in ``static/`` beside its
licence, so the app never fetches it; this module is how it got there::

    python -m tooling.plotly_basic          # fetch the pinned release, verify, write

It takes the npm tarball of the pinned version, checks it against the registry's
published ``dist.integrity`` (sha512), and writes the one file. ``FILE_SHA512``
pins the file itself, so a test can tell that the committed copy is this one.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

from tooling import ROOT
from tooling.axe import checked

#: The pinned release: the plotly.js of the ``plotly`` Python package (7.1.0).
VERSION = "4.1.1"
PACKAGE = "plotly.js-basic-dist-min"
#: ``dist.integrity`` of https://registry.npmjs.org/plotly.js-basic-dist-min/4.1.1
INTEGRITY = (
    "sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4mnwZGI9a"
    "bTiE775C4kkjMQ=="
)
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
MEMBER = "package/plotly-basic.min.js"
LICENCE_MEMBER = "package/LICENSE"
TARGET = ROOT / "static" / "plotly-basic.min.js"
LICENCE = ROOT / "static" / "plotly-basic.LICENSE.txt"
#: sha512 (hex) of ``plotly-basic.min.js`` inside that tarball.
FILE_SHA512 = (
    "a2b67a3a054bad1a7cbd27c427d5d71acc04ccb8265b89ea1f58dad5c58944fa"
    "b0024c94d0672b338d9a0ef21c263acaf449865b2559deda4c9875db0abac868"
)


def file_digest(path: Path = TARGET) -> str:
    """The sha512 (hex) of the committed bundle."""
    return hashlib.sha512(path.read_bytes()).hexdigest()


def fetch(timeout_s: float = 60.0) -> Path:
    """Download the pinned tarball, verify it, and write the bundle and its licence."""
    with urllib.request.urlopen(TARBALL_URL, timeout=timeout_s) as reply:
        data = checked(reply.read(), INTEGRITY, f"{PACKAGE} {VERSION} at {TARBALL_URL}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member, target in ((MEMBER, TARGET), (LICENCE_MEMBER, LICENCE)):
            extracted = archive.extractfile(member)
            if extracted is None:
                raise RuntimeError(f"{member} is not a file in {TARBALL_URL}")
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(extracted.read())
    return TARGET


def main() -> int:
    """Fetch and write the pinned bundle; say whether it is the one pinned."""
    try:
        path = fetch()
    except (OSError, RuntimeError) as exc:
        print(f"python -m tooling.plotly_basic: {exc}", file=sys.stderr)
        return 1
    found = file_digest(path)
    print(f"{PACKAGE} {VERSION}: {path}\nsha512 {found}")
    return 0 if found == FILE_SHA512 else 2


if __name__ == "__main__":
    sys.exit(main())
