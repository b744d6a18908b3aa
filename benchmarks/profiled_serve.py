"""``serve.py`` under yappi (CPU clock, every thread), for ``benchmarks.rerun_cpu``.

    python -m benchmarks.profiled_serve OUT.pstat [streamlit run options]

Runs the app exactly as ``python serve.py`` does, with yappi profiling every
thread; SIGUSR1 clears what it has gathered (``benchmarks.rerun_cpu`` sends it after
the warm-up, so start-up and imports stay out); on SIGTERM
(``tooling.server.Server.stop``) or exit it writes the function statistics to
``OUT.pstat`` (``pstats`` format) and stops. Never part
of the app: a measuring tool only.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
from types import FrameType

import yappi


def _save(path: str) -> None:
    yappi.stop()
    yappi.get_func_stats().save(path, type="pstat")


def main() -> None:
    out, *options = sys.argv[1:]
    yappi.set_clock_type("cpu")
    yappi.start(builtins=False, profile_threads=True)
    atexit.register(_save, out)

    def stop(signum: int, frame: FrameType | None) -> None:
        _save(out)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGUSR1, lambda signum, frame: yappi.clear_stats())
    import serve  # the repository root is the working directory

    sys.argv = ["serve.py", *options]
    serve.main()


if __name__ == "__main__":
    main()
