"""Shared tooling for tests, benchmarks and scripts: Chromium, free ports, a served app.

Run the tools as modules from the repository root (``python -m benchmarks.bench_pages``,
``python -m scripts.screenshot ...``) so that every first-party package is importable
without editing ``sys.path``. ``tooling`` imports only the standard library, third-party
packages and itself.
"""

from __future__ import annotations

from pathlib import Path

#: The repository's root: where ``serve.py`` and ``app.py`` live, and the working
#: directory of every server the tools start.
ROOT = Path(__file__).resolve().parents[1]
