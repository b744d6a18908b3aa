"""What the live class costs the server: the teacher's live view and polling students.

    python -m benchmarks.live_class_cpu                  # 10 students, 20 s a phase
    python -m benchmarks.live_class_cpu --students 20 --seconds 30

Starts the app the README's way (``python serve.py``) with its class store in a
throw-away SQLite folder, and real headless Chromium tabs (one context each, so
each has its own session and cookie). Measures the server process's CPU time
(user + system, from ``/proc``) over three phases of equal length:

1. the teacher's page open, no class (the baseline);
2. the teacher's live view: a class, a question open, the answers panel
   redrawing itself every second;
3. the same plus ``--students`` students joined, each page polling every 2 s.

Prints the extra CPU of phase 2 over 1 and of 3 over 2, per student, and that
figure times 60. Browsers run on the same machine, so run it on a quiet one.
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tooling.browser import IDLE, VIEWPORT, chromium
from tooling.server import Server, start_server


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def measure(server: Server, seconds: float) -> float:
    """Server CPU seconds per wall second over ``seconds``."""
    start_cpu, start = cpu_seconds(server.process.pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(server.process.pid) - start_cpu) / (time.monotonic() - start)


def tab(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector(IDLE, state="attached")
    return page


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.live_class_cpu")
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        os.environ["MLMATH_DATA_DIR"] = data
        os.environ.pop("MLMATH_DATABASE_URL", None)
        server = start_server(Path(data))
        try:
            with chromium() as browser:
                rows = run(browser, server, args.students, args.seconds)
        finally:
            server.stop()
    print("| phase | server CPU (cores) |")
    print("|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value:.4f} |")


def run(
    browser: Browser, server: Server, students: int, seconds: float
) -> list[tuple[str, float]]:
    teacher = tab(browser, f"{server.url}/equations")
    time.sleep(2)
    base = measure(server, seconds)
    teacher.get_by_role("button", name="Live class").click()
    teacher.get_by_role("button", name="Start a class").click()
    headline = teacher.get_by_text(re.compile(r"Class code [A-Z0-9]{6}"))
    expect(headline).to_be_visible()
    code = re.search(r"[A-Z0-9]{6}", headline.inner_text().split("code")[1])
    assert code is not None
    teacher.get_by_role("button", name="Ask the class").click()
    expect(teacher.get_by_text("0 of 0 students answered").first).to_be_visible()
    time.sleep(2)
    live = measure(server, seconds)
    pupils = []
    for _ in range(students):
        pupil = tab(browser, f"{server.url}/equations?class={code.group()}")
        pupil.get_by_role("button", name="Join the class").click()
        expect(pupil.get_by_role("textbox", name="Your answer")).to_be_visible()
        pupils.append(pupil)
    time.sleep(4)
    polling = measure(server, seconds)
    per_student = (polling - live) / max(students, 1)
    return [
        ("1. teacher's page, no class", base),
        ("2. teacher's live view (question open)", live),
        (f"3. plus {students} polling students", polling),
        ("extra: the teacher's live view (2 − 1)", live - base),
        ("extra: one polling student ((3 − 2) / n)", per_student),
        ("extra: 60 polling students (× 60)", 60 * per_student),
    ]


if __name__ == "__main__":
    main()
