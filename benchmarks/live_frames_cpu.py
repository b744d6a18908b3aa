"""CPU time to draw a live chart's frames, per chart: what one release costs the server.

    python -m benchmarks.live_frames_cpu                  # every live chart
    python -m benchmarks.live_frames_cpu --pages vectors --repeat 5

Each page's views are opened once with AppTest, and every call the live charts
make to ``ui.live_frames.control_frames`` is kept with its real arguments. Each
call is then timed again here (CPU time of this thread, the median of
``--repeat``), two ways: as the app draws frames now, inside
``viz.style.plain_figures`` (no ``go.Figure`` built), and as before it, building
each frame's Plotly objects; and the view's ``draw`` alone. A change of one
control redraws the frames of every *other* control of the chart (their grids
depend on it): the "release" column adds those up. Prints a table; never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from benchmarks.common.targets import page_views, parse_pages
from tooling import ROOT
from ui import live_chart, live_frames
from ui.topics import available_topics
from viz import style


@contextlib.contextmanager
def captured() -> Iterator[list[tuple[Any, ...]]]:
    """Every ``control_frames`` call made meanwhile, with its arguments."""
    calls: list[tuple[Any, ...]] = []
    original = live_chart.control_frames

    def spy(*args: Any) -> dict[str, Any]:
        calls.append(args)
        return original(*args)

    live_chart.control_frames = spy  # type: ignore[assignment]
    try:
        yield calls
    finally:
        live_chart.control_frames = original


def cpu_ms(job: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``job()`` in this thread, in ms."""
    times = []
    for _ in range(repeat):
        start = time.thread_time()
        job()
        times.append(1000 * (time.thread_time() - start))
    return statistics.median(times)


def draw_only(args: tuple[Any, ...]) -> None:
    """Only the view's ``draw`` at every grid point (plain figures)."""
    draw, control, params, fixed, _ = args
    grids = live_frames.grids_of(control, params)
    with style.plain_figures():
        for point in itertools.product(*grids):
            draw({**fixed, **dict(zip(control.params, point, strict=True))})


def chart_calls(slug: str) -> dict[str, list[tuple[Any, ...]]]:
    """Each view's distinct ``control_frames`` calls (one per control)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    script = {t.slug: t.script for t in available_topics()}[slug]
    found: dict[str, list[tuple[Any, ...]]] = {}
    for view in page_views(slug):
        st.cache_resource.clear()
        with captured() as calls:
            at = AppTest.from_file(str(ROOT / script), default_timeout=120)
            at.query_params["view"] = view
            at.run()
        if calls:
            found[view] = calls
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="all", help="slugs, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="timings per call (3)")
    args = parser.parse_args(argv)
    if not 1 <= args.repeat <= 50:
        parser.error("--repeat: 1 … 50")
    pages = parse_pages(args.pages, parser)
    print(
        "| page | view | control | frames | plain ms | ms/frame | Plotly objects ms "
        "| draw alone ms |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for slug in pages:
        for view, calls in chart_calls(slug).items():
            for call in calls:
                control = call[1]
                frames = len(live_frames.control_frames(*call)["frames"])
                plain = cpu_ms(partial(live_frames.control_frames, *call), args.repeat)
                with _patched(style, "plain_figures", contextlib.nullcontext):
                    built = cpu_ms(
                        partial(live_frames.control_frames, *call), args.repeat
                    )
                alone = cpu_ms(partial(draw_only, call), args.repeat)
                print(
                    f"| {slug} | {view} | {'+'.join(control.params)} | {frames} "
                    f"| {plain:.1f} | {plain / frames:.2f} | {built:.1f} | {alone:.1f} |",
                    flush=True,
                )
        print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return 0


@contextlib.contextmanager
def _patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, saved)


if __name__ == "__main__":
    sys.exit(main())
