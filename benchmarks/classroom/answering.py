"""A live class in threads: students who join and answer, and the teacher's projector.

- :class:`AnsweringClass`: ``students`` tabs, each opening ``/<page>?class=CODE``
  at a seeded moment, pressing **Join the class**, then typing a number into
  **Your answer** and pressing **Send** at a later seeded moment (all within the
  window, as long as the server keeps up), then polling like a browser (the
  bar's fragment every 2 s) until told to stop. With ``join_first`` they join,
  then poll until :meth:`AnsweringClass.begin` (the teacher asked), then answer
  within the window counted from there;
- :class:`TeacherView`: the teacher's tab, rerunning the live answers fragment
  on its timer (every 1 s) like the browser does, and noting when it first shows
  "**60** of 60 students answered" (``text.live_class.answered_line``). Its
  reruns can be paused (as if the tab were closed) to measure what they cost.

Every wait is bounded; every thread ends when :meth:`stop` is called.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

from benchmarks.classroom.live import LiveTab, answered
from benchmarks.classroom.student import SessionLost
from text import live_class as words

#: How the student's bar starts once it holds their answer ("Your answer: **0.5**…").
CONFIRMED = words.my_answer(0.5).partition("0.5")[0]


def _sleep_until(moment: float, stop: threading.Event) -> bool:
    """Sleep until ``moment`` (monotonic); False if ``stop`` was set meanwhile."""
    return not stop.wait(max(0.0, moment - time.monotonic()))


@dataclass
class AnswerLog:
    """What the answering students measured (seconds; ``acked`` on the monotonic clock)."""

    opens: list[float] = field(default_factory=list)
    joins: list[float] = field(default_factory=list)
    submits: list[float] = field(default_factory=list)
    acked: list[float] = field(default_factory=list)
    polls: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    served_by: list[str] = field(default_factory=list)


class AnsweringClass:
    """``students`` tabs that join the class ``code`` on ``slug`` and answer once."""

    def __init__(
        self,
        url: str,
        slug: str,
        code: str,
        values: list[str],
        window: float,
        timeout: float,
        seed: int = 0,
        join_first: bool = False,
    ) -> None:
        self.url, self.slug, self.code = url, slug, code
        self.join_first = join_first
        self.joined = threading.Semaphore(0)
        self.go = threading.Event()  # join_first: the question is open
        #: cleared: students who answered stop polling (to measure the teacher alone)
        self.polling = threading.Event()
        self.polling.set()
        self.answer_start = 0.0
        #: what each student types (read when they answer: may be set after start)
        self.values = values
        self.window = window
        self.timeout = timeout
        self.random = random.Random(seed)
        self.log = AnswerLog()
        self.stop_event = threading.Event()
        self.done = threading.Semaphore(0)
        self.threads: list[threading.Thread] = []
        self.start_at = 0.0

    def start(self, start_at: float) -> None:
        """Start every student's thread; they act at their moments after ``start_at``."""
        self.start_at = self.answer_start = start_at
        for number in range(len(self.values)):
            open_at = self.random.uniform(0, self.window / 2)
            low = 0.0 if self.join_first else open_at
            answer_at = self.random.uniform(low, self.window)
            thread = threading.Thread(
                target=self._student,
                args=(number, open_at, answer_at),
                daemon=True,
                name=f"answering-{number}",
            )
            self.threads.append(thread)
            thread.start()

    def begin(self, answer_start: float) -> None:
        """``join_first``: the question is open; answers come within the window."""
        self.answer_start = answer_start
        self.go.set()

    def wait_joined(self, seconds: float) -> bool:
        """Wait until every student joined or gave up (at most ``seconds``)."""
        return self._wait(self.joined, seconds)

    def wait_answered(self, seconds: float) -> bool:
        """Wait until every student answered or gave up (at most ``seconds``)."""
        return self._wait(self.done, seconds)

    def _wait(self, semaphore: threading.Semaphore, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        for _ in self.values:
            if not semaphore.acquire(timeout=max(0.0, deadline - time.monotonic())):
                return False
        return True

    def stop(self) -> None:
        """Stop polling; every thread ends (bounded by the timeout)."""
        self.stop_event.set()
        self.go.set()
        self.polling.set()
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)

    def _student(self, number: int, open_at: float, answer_at: float) -> None:
        tab = LiveTab(self.url, self.slug, f"class={self.code}", self.timeout)
        joined = finished = False
        try:
            if not _sleep_until(self.start_at + open_at, self.stop_event):
                return
            self._join(tab)
            self.joined.release()
            joined = True
            next_poll = time.monotonic() + self._interval(tab)
            if self.join_first:
                next_poll = self._poll_until_asked(tab, next_poll)
            moment = self.answer_start + answer_at
            self._answer(tab, self.values[number], moment, next_poll)
            self.done.release()
            finished = True
            self._poll_until_stopped(tab)
        except SessionLost as exc:
            self.log.errors.append(f"student: {exc}")
        finally:
            if not joined:
                self.joined.release()
            if not finished:
                self.done.release()
            tab.close()

    def _poll_until_asked(self, tab: LiveTab, next_poll: float) -> float:
        """Poll like the browser until :meth:`begin`; the next poll's moment."""
        while not self.go.wait(max(0.0, next_poll - time.monotonic())):
            self._poll(tab)  # ends with begin() or stop()
            next_poll = max(next_poll + self._interval(tab), time.monotonic())
        return next_poll

    def _join(self, tab: LiveTab) -> None:
        began = time.monotonic()
        tab.connect_with()
        self.log.served_by.append(tab.served_by)
        run = tab.open()
        opened = time.monotonic()
        self.log.opens.append(opened - began)
        run = tab.press(words.JOIN)
        self.log.joins.append(time.monotonic() - opened)
        self.log.errors.extend(run.errors)
        if not tab.shows(f"Live class **{self.code}**"):
            raise SessionLost("joined, but the page does not show the class")

    def _answer(
        self, tab: LiveTab, value: str, moment: float, next_poll: float
    ) -> None:
        """Poll like the browser until the answer box is there and it is time; send."""
        for _ in range(int((self.window + self.timeout) / 0.5) + 4):  # bounded
            ready = words.ANSWER in tab.text_boxes
            if ready and time.monotonic() >= moment:
                break
            wake = min(next_poll, moment) if ready else next_poll
            if not _sleep_until(wake, self.stop_event):
                raise SessionLost("stopped before answering")
            if time.monotonic() >= next_poll:
                self._poll(tab)
                next_poll = max(next_poll + self._interval(tab), time.monotonic())
        else:
            raise SessionLost("no answer box within the window and timeout")
        sent = time.monotonic()
        run = tab.press(words.SUBMIT, {words.ANSWER: value})
        done = time.monotonic()
        self.log.errors.extend(run.errors)
        if not tab.shows(CONFIRMED):
            raise SessionLost(f"sent {value!r}, but the page did not confirm it")
        self.log.submits.append(done - sent)
        self.log.acked.append(done)

    @staticmethod
    def _interval(tab: LiveTab) -> float:
        fragment = tab.timer()
        return tab.timers.get(fragment, 2.0) if fragment else 2.0

    def _poll(self, tab: LiveTab) -> None:
        fragment = tab.timer()
        if fragment:
            run = tab.tick(fragment)
            self.log.polls.append(run.seconds)
            self.log.errors.extend(run.errors)

    def _poll_until_stopped(self, tab: LiveTab) -> None:
        next_poll = time.monotonic() + self._interval(tab)
        while _sleep_until(next_poll, self.stop_event):  # ends with stop()
            if not self.polling.is_set():  # quiet: as if the timers were stopped
                self.polling.wait()
                next_poll = time.monotonic() + self._interval(tab)
                continue
            self._poll(tab)
            next_poll = max(next_poll + self._interval(tab), time.monotonic())


class TeacherView:
    """The teacher's tab: its live answers fragment rerun every second, as in Chromium."""

    def __init__(self, tab: LiveTab, students: int) -> None:
        self.tab = tab
        self.target = answered(students, students)
        self.live = threading.Event()  # set: the timer runs (the tab is open)
        self.live.set()
        self.stop_event = threading.Event()
        self.saw_all_at = float("nan")  # monotonic
        self.saw_all_wall = float("nan")  # time.time(), the store's clock
        self.last_line = ""
        self.ticks = 0
        self.tick_seconds: list[float] = []
        self.errors: list[str] = []
        self.thread = threading.Thread(target=self._run, daemon=True, name="teacher")

    def start(self) -> None:
        """Start the timer (the fragment's first rerun comes one interval later)."""
        self.thread.start()

    def stop(self) -> None:
        """Stop the timer and wait for the thread."""
        self.stop_event.set()
        self.live.set()
        self.thread.join(timeout=self.tab.timeout + 5)

    def _run(self) -> None:
        fragment = self.tab.timer()
        interval = self.tab.timers.get(fragment, 1.0)
        next_at = time.monotonic() + interval
        while _sleep_until(next_at, self.stop_event):
            if not self.live.is_set():
                self.live.wait()
                next_at = time.monotonic() + interval
                continue
            try:
                run = self.tab.tick(fragment)
            except SessionLost as exc:
                self.errors.append(f"teacher: {exc}")
                return
            self.ticks += 1
            self.tick_seconds.append(run.seconds)
            self.errors.extend(run.errors)
            lines = [t for t in self.tab.texts if "answered" in t]
            self.last_line = lines[-1] if lines else self.last_line
            if self.saw_all_at != self.saw_all_at and self.tab.shows(self.target):
                self.saw_all_at = time.monotonic()
                self.saw_all_wall = time.time()
            # setInterval: the next tick one interval after the last was due
            next_at = max(next_at + interval, time.monotonic())


__all__ = ["AnswerLog", "AnsweringClass", "TeacherView"]
