"""Hostile links: a query string of a given size built to make a page do work.

A hostile link mixes everything a page must refuse: many ``hide=`` words (unknown
ones, and repeats of a real one), unknown keys, and bad values for the page's own
settings that carry markdown (an image, an autolink, a heading). The same link
drives the rerun timing (``benchmarks.hostile_rerun``) and the hostile tabs of
the classroom benchmark (``--hostile-tabs``).
"""

from __future__ import annotations

from urllib.parse import quote

#: Link values that would render as markup if a page treated them as markdown.
MARKUP = (
    "![x](http://10.0.0.1/num.png)",
    "<http://10.0.0.1/auto>",
    "\n\n# HACKED",
    "`code` **bold** [link](http://10.0.0.1/l)",
    ":red[red] :material/home: :streamlit:",
    "$x^2$ <b>html</b>",
)
#: Streamlit ignores a query string of more than 1,000 fields; stay under it.
_MAX_FIELDS = 400


def hostile_query(size: int, keys: tuple[str, ...] = ("a", "b", "view")) -> str:
    """A URL query string of about ``size`` bytes (at least one of each part).

    ``keys`` are real settings of the page. Up to a sixth of the bytes (at most
    200 fields) are unknown keys whose names hold a heading, up to a sixth (200
    fields) bad values for ``keys``; the rest is one ``hide=`` field of many words.
    """
    keys = keys or ("x",)
    parts = [f"{key}={quote(MARKUP[i % len(MARKUP)])}" for i, key in enumerate(keys)]
    for count in range(_MAX_FIELDS):
        if sum(len(p) + 1 for p in parts) > size // 3:
            break
        if count % 2:
            parts.append(f"k{count}%0A%0A%23{count}=1")
        else:
            bad = quote(MARKUP[count % len(MARKUP)])
            parts.append(f"{keys[count % len(keys)]}={bad}")
    used = sum(len(p) + 1 for p in parts) + len("hide=")
    words: list[str] = []
    while used < size or not words:
        word = f"w{len(words)}" if len(words) % 2 else keys[0]
        words.append(word)
        used += len(word) + 1
    return "&".join([*parts, "hide=" + ",".join(words)])
