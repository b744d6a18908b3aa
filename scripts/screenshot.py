"""Screenshot pages of a running app in Debian's headless Chromium.

python -m scripts.screenshot http://127.0.0.1:8501/equations out.png [--width 1400]
"""

from __future__ import annotations

import argparse

# One list of Chromium flags (nothing calls outside this machine) for tests and tools.
from tooling.browser import IDLE, chromium


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--full", action="store_true", help="the whole page, not the viewport"
    )
    args = parser.parse_args()
    with chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(args.url)
        page.wait_for_selector(IDLE, timeout=30_000)
        page.wait_for_timeout(1500)  # let Plotly finish drawing for the picture
        if args.full:
            # Streamlit scrolls inside its own container, not the document: grow the
            # window to the content's height instead.
            height = page.evaluate(
                "Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"] *')]"
                ".slice(0, 1).map(e => e.scrollHeight), document.body.scrollHeight)"
            )
            page.set_viewport_size({"width": args.width, "height": int(height) + 40})
            page.wait_for_timeout(800)
        page.screenshot(path=args.out, full_page=args.full)


if __name__ == "__main__":
    main()
