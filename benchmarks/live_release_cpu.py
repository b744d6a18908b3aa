"""Server CPU time and bytes of one live-chart release, as a learner who drags costs.

    python -m benchmarks.live_release_cpu
    python -m benchmarks.live_release_cpu --views vectors:plane --releases 60
    python -m benchmarks.live_release_cpu --views "equations:one:a=3&b=1"

``benchmarks.rerun_cpu`` walks a Streamlit slider: a learner who never drags,
and so never asks for a live control's frames (``ui/live_chart.py`` sends the
other controls lazy). This one speaks the browser's side of the live chart over
the websocket, on a ``serve.py`` process of its own per view: it opens the view,
then releases a control ``--releases`` times, each time at a grid point not
released before (so caches keyed by values do not help), sending ``have`` (the frame sets it holds, as the
browser's store does) and the control released. Two learners:

- **one**: drags the same control again and again (it asks for no other);
- **all**: has pointed at every control first (``want``), then releases them in
  turn: every other control's frames are redrawn at the new values each time.

Prints server CPU ms per release (user + system, ``/proc``) and the KB the
server sent per release. Never asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.classroom.student import Student
from benchmarks.common.server import cpu_seconds
from benchmarks.common.targets import Control
from benchmarks.rerun_cpu import server

VIEWS = (
    "equations:one",
    "vectors:plane",
    # the ends far apart: a walk of either end stays a valid interval
    "normal-distribution:interval:a=-9&b=9",
    "matrices:transform",
)


@dataclass
class Chart:
    """The live chart as the browser holds it: its id, fragment, payload, store."""

    id: str = ""
    fragment: str = ""
    payload: dict[str, Any] | None = None
    store: tuple[str, ...] = ()
    sent_bytes: int = 0


class Learner(Student):
    """A student whose changes are the live chart's release and want messages."""

    def __init__(self, url: str, page: str, view: str, query: str = "") -> None:
        where = f"view={view}" + (f"&{query}" if query else "")
        super().__init__(url, page, Control(None, where), timeout=120)
        self.chart = Chart()
        self.state: dict[str, Any] = {}
        self.n = 0
        self.walks: dict[str, Iterator[list[float]]] = {}

    def _take(self, msg: ForwardMsg, run: Any, collect_widgets: bool) -> bool:
        if msg.WhichOneof("type") == "delta":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "bidi_component":
                component = element.bidi_component
                if component.bytes:
                    self._got(component.id, msg.delta.fragment_id, component.bytes)
        return super()._take(msg, run, collect_widgets)

    def _got(self, wid: str, fragment: str, data: bytes) -> None:
        payload = json.loads(data)
        store = list(self.chart.store)
        for control in payload["controls"]:
            if "frames" in control:
                store = [f for f in store if f != control["fid"]] + [control["fid"]]
        self.chart = Chart(
            wid, fragment or self.chart.fragment, payload, tuple(store[-48:])
        )
        self.chart.sent_bytes = len(data)

    def tell(self, key: str, value: dict[str, Any]) -> Any:
        """Set one key of the component's state, as ``setStateValue``, and rerun."""
        self.n += 1
        self.state[key] = {**value, "n": self.n, "have": list(self.chart.store)}
        widget = WidgetState(id=self.chart.id, json_value=json.dumps(self.state))
        return self.rerun([widget], fragment_id=self.chart.fragment)

    def controls(self) -> list[dict[str, Any]]:
        assert self.chart.payload is not None
        return list(self.chart.payload["controls"])

    def release(self, index: int) -> Any:
        """Release control ``index`` at a grid point it has not been released at."""
        assert self.chart.payload is not None
        control = self.controls()[index]
        key = " ".join(control["params"])
        if key not in self.walks:
            now = self.chart.payload["values"][control["params"][0]]
            self.walks[key] = walk(control["grids"], now)
        point = next(self.walks[key])
        moved = dict(zip(control["params"], point, strict=True))
        return self.tell("release", {"values": moved, "control": key})


def walk(grids: list[list[float]], now: float) -> Iterator[list[float]]:
    """Every grid point once, nearest first: up from the first parameter's value
    ``now``, then down (a 2-D grid: row by row, serpentine)."""
    first = grids[0]
    at = min(range(len(first)), key=lambda i: abs(first[i] - now))
    rows = list(range(len(first)))
    for row in rows[at:] + rows[:at][::-1]:
        if len(grids) == 1:
            yield [first[row]]
            continue
        columns = grids[1] if row % 2 == 0 else grids[1][::-1]
        for column in columns:
            yield [first[row], column]


@dataclass
class Row:
    view: str
    learner: str
    releases: int
    cpu_ms: float
    kb: float
    all_kb: float  # everything the server sent for the release
    lazy: float  # controls sent lazy per release, on average


def measure(view: str, learner: str, releases: int) -> Row:
    page, name, *query = view.split(":")
    with server() as app:
        student = Learner(app.url, page, name, *query)
        student.connect()
        try:
            student.open_page()
            count = len(student.controls())
            if learner == "all":
                for control in student.controls():
                    student.tell("want", {"control": " ".join(control["params"])})
            for k in range(2):  # warm up
                student.release(0 if learner == "one" else k % count)
            pid = app.pids[0]
            cpu = cpu_seconds(pid)
            sent, received, lazy = 0, 0, 0
            for k in range(releases):
                index = 0 if learner == "one" else k % count
                run = student.release(index)
                received += run.received
                sent += student.chart.sent_bytes
                lazy += sum(1 for c in student.controls() if c.get("lazy"))
            used = cpu_seconds(pid) - cpu
        finally:
            student.close()
    return Row(
        view,
        learner,
        releases,
        1000 * used / releases,
        sent / releases / 1024,
        received / releases / 1024,
        lazy / releases,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", default=",".join(VIEWS), help="page:view, …")
    parser.add_argument("--releases", type=int, default=30)
    parser.add_argument("--learners", default="one,all")
    args = parser.parse_args(argv)
    rows = []
    for view in args.views.split(","):
        for learner in args.learners.split(","):
            row = measure(view, learner, args.releases)
            print(
                f"  {view} {learner}: {row.cpu_ms:.1f} ms", file=sys.stderr, flush=True
            )
            rows.append(row)
    print(
        "| view | learner | releases | server CPU ms/release | chart KB/release "
        "| all KB/release | controls sent lazy |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r.view} | {r.learner} | {r.releases} | {r.cpu_ms:.1f} | {r.kb:.1f} "
            f"| {r.all_kb:.1f} | {r.lazy:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
