"""Hostile tabs: a few browser tabs that hold a hostile link open during a class.

Each tab opens the page with ``benchmarks.common.hostile.hostile_query`` (a link of
``size`` bytes: many ``hide=`` words, unknown keys, markdown in values), then
changes a control about ``rate`` times a second, as a student does: every rerun
carries whatever the page kept from the link (its notes). With ``reload`` the tab
opens the link again before each change instead (a new session each time). The
class's round trips are measured as usual; the hostile tabs' runs are counted.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from benchmarks.classroom.student import SessionLost, Student, affinity_cookies
from benchmarks.common.hostile import hostile_query
from benchmarks.common.targets import Control

#: Real settings of the pages, given bad values in the link.
KEYS = ("a", "b", "view", "x", "seed")


@dataclass
class HostileLog:
    """What the hostile tabs did (list appends are atomic in CPython)."""

    opened: list[float] = field(default_factory=list)  # seconds per hostile open
    changes: int = 0
    lost: list[str] = field(default_factory=list)


class HostileTabs:
    """``tabs`` threads that reopen a hostile link of ``size`` bytes on ``slug``."""

    def __init__(
        self,
        url: str,
        slug: str,
        tabs: int,
        size: int,
        rate: float = 1.0,
        timeout: float = 15.0,
        reload: bool = False,
    ) -> None:
        self.url, self.slug, self.tabs = url, slug, tabs
        self.query = hostile_query(size, KEYS)
        self.rate, self.timeout, self.reload = rate, timeout, reload
        self.log = HostileLog()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._tab, daemon=True, name=f"hostile-{n}")
            for n in range(tabs)
        ]

    def _tab(self) -> None:
        try:
            cookie = affinity_cookies(f"{self.url}/{self.slug}", self.timeout)
        except OSError as exc:
            self.log.lost.append(f"hostile GET: {exc}")
            return
        student: Student | None = None
        for _ in range(100_000):  # bounded; stops with the class
            if self._stop.is_set():
                break
            try:
                if student is None or self.reload:
                    if student is not None:
                        student.close()
                    student = Student(
                        self.url, self.slug, Control(query=self.query), self.timeout
                    )
                    student.connect(cookie=cookie)
                    started = time.monotonic()
                    student.open_page()
                    self.log.opened.append(time.monotonic() - started)
                if student.widget is not None:
                    student.change()
                    self.log.changes += 1
            except SessionLost as exc:
                self.log.lost.append(f"hostile tab: {exc}")
                student = None
            self._stop.wait(1.0 / self.rate)
        if student is not None:
            student.close()

    def __enter__(self) -> HostileTabs:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout + 5)

    def summary(self) -> str:
        """One line: how many hostile opens and changes, their median open time."""
        opened = sorted(self.log.opened)
        median = opened[len(opened) // 2] * 1000 if opened else float("nan")
        return (
            f"hostile tabs: {self.tabs} × {len(self.query):,} B link: "
            f"{len(opened)} opens (median {median:.0f} ms), {self.log.changes} "
            f"changes, {len(self.log.lost)} lost"
        )
