"""What Streamlit itself costs per change: a bare app with one slider and N elements.

    python -m benchmarks.streamlit_floor                    # N = 0, 20, 40, 60
    python -m benchmarks.streamlit_floor --elements 0,60 --kinds markdown

The app (written to a temporary folder with this repository's
``.streamlit/config.toml``) is one ``st.navigation`` page: a slider, then N
``st.markdown`` lines that show its value (or N more sliders), so every element
is sent again on every change, as on our pages. One simulated student
(``benchmarks/classroom/student.py``) walks the slider, as ``rerun_cpu`` does,
and the server's CPU time per change is read from ``/proc``. The slope between
two N is what one element costs; N = 0 is the floor of a rerun that our pages
cannot go under without changing Streamlit. Prints a table; never asserts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.classroom.student import Student
from benchmarks.common.server import cpu_seconds
from benchmarks.common.targets import Control
from tooling import ROOT
from tooling.server import HOST, free_port, wait_healthy

APP = """\
import streamlit as st

ELEMENTS = {elements}
KIND = "{kind}"


def page() -> None:
    value = st.slider("x", 0, 1_000_000, 0, key="x")
    for index in range(ELEMENTS):
        if KIND == "slider":
            st.slider(f"Slider {{index}}", 0, 100, index % 100, key=f"s{{index}}")
        else:
            st.markdown(f"Line {{index}}: the slider is at **{{value}}**.")


st.navigation([st.Page(page, title="Floor", url_path="floor")]).run()
"""


def measure(elements: int, changes: int, kind: str) -> tuple[float, float]:
    """CPU ms and messages per change of the bare app with ``elements`` of ``kind``."""
    folder = Path(tempfile.mkdtemp(prefix="mlmath-floor-"))
    (folder / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit")
    (folder / "app.py").write_text(
        APP.format(elements=elements, kind=kind), encoding="utf-8"
    )
    port = free_port()
    log = folder / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port",
         str(port), "--server.address", HOST],
        cwd=folder, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    try:
        wait_healthy(url, process, log, timeout_s=60)
        student = Student(url, "floor", Control(), timeout=60, walk=True)
        student.connect()
        try:
            student.open_page()
            for _ in range(3):  # warm up
                student.change()
            before, messages = cpu_seconds(process.pid), 0
            for _ in range(changes):
                messages += student.change().messages
            used = cpu_seconds(process.pid) - before
        finally:
            student.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return 1000 * used / changes, messages / changes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elements", default="0,20,40,60", help="N, comma-separated")
    parser.add_argument("--changes", type=int, default=200, help="per app (200)")
    parser.add_argument(
        "--kinds", default="markdown,slider", help="element kinds: markdown, slider"
    )
    args = parser.parse_args(argv)
    print("| elements after the slider | messages/change | server CPU ms/change |")
    print("|---|---:|---:|")
    for kind in args.kinds.split(","):
        for elements in (int(n) for n in args.elements.split(",")):
            cpu_ms, messages = measure(elements, args.changes, kind)
            print(f"| {elements} {kind} | {messages:.0f} | {cpu_ms:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
