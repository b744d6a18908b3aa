"""CPU of one page's first run and reruns when it is opened with a hostile link.

Runs the page in-process (Streamlit's AppTest) with a link of each size from
``benchmarks.common.hostile.hostile_query`` and prints the CPU time of the first
run, of one rerun after a control change (the median of ``--reruns``), and how
many notes (captions) each rerun carries. Run it from the repository's root::

    python -m benchmarks.hostile_rerun                   # 0, 15 KB and 98 KB links
    python -m benchmarks.hostile_rerun --bytes 98000 --page pages/bayes.py

Figures only: nothing here is a pass or a fail.
"""

from __future__ import annotations

import argparse
import logging
import resource
import statistics
import sys
from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest

from benchmarks.common.hostile import hostile_query
from tooling import ROOT


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(script: str, size: int, reruns: int, key: str) -> tuple[float, float, int]:
    """(first run ms, median rerun ms, captions per rerun) for a link of ``size`` B."""
    query: dict[str, list[str]] = defaultdict(list)
    for name, value in parse_qsl(hostile_query(size) if size else "", True):
        query[name].append(value)
    at = AppTest.from_file(str(ROOT / script), default_timeout=300)
    for name, values in query.items():
        at.query_params[name] = values
    started = _cpu()
    at.run()
    first = _cpu() - started
    times = []
    for index in range(reruns):
        started = _cpu()
        at.slider(key=key).set_value(-3.0 if index % 2 else 3.0).run()
        times.append(_cpu() - started)
    return 1000 * first, 1000 * statistics.median(times), len(at.caption)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per link size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--bytes", type=int, nargs="+", default=[0, 15_000, 98_000], help="link sizes"
    )
    parser.add_argument("--page", default="pages/equations.py", help="page script")
    parser.add_argument("--key", default="b__slider", help="slider moved each rerun")
    parser.add_argument("--reruns", type=int, default=5, help="reruns per size (5)")
    args = parser.parse_args(argv)
    if not 1 <= args.reruns <= 100 or any(not 0 <= b <= 500_000 for b in args.bytes):
        parser.error("keep it bounded: 1–100 reruns, links of 0–500 KB")
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    measure(args.page, 0, 1, args.key)  # imports and caches warm
    print(f"{args.page}: CPU per run with a hostile link (AppTest, in-process)")
    for size in args.bytes:
        first, rerun, captions = measure(args.page, size, args.reruns, args.key)
        print(
            f"  {size:>7,} B link: first run {first:7.0f} ms, rerun {rerun:7.1f} ms "
            f"(median of {args.reruns}), {captions} captions per rerun"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
