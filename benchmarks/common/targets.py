"""Which page, view and control each benchmark changes, and the pages there are."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from benchmarks import bench_pages
from ui.topics import available_topics


@dataclass(frozen=True)
class Control:
    """Which control a benchmark changes on a page, and the view it opens.

    ``key`` is a widget key: a slider, a number box or a text box (for a
    ``Param.number`` the URL name works: ``"a"`` finds the slider
    ``a__slider``). ``None``, or a key that names none of those (a choice),
    means the view's first slider, else its first number box, else its first
    text box. ``query`` is the query string the page is opened with (e.g.
    ``"view=two"`` for a heavier view). ``values``: two values to alternate;
    without them a slider or number box moves one step and a text box has its
    last number increased by one (``"10, 20, 30, 40"`` ↔ ``"10, 20, 30, 41"``).
    In the browser, sliders and number boxes always move by a key press (one
    step); ``values`` are typed into text boxes.
    """

    key: str | None = None
    query: str = ""
    values: tuple[float | str, float | str] | None = None

    @property
    def label(self) -> str:
        return f"{self.query or 'default'}: {self.key or 'first control'}"


#: Per-page overrides for both benchmarks (classroom_load and browser_latency).
#: Pages not listed here use the interactions of ``benchmarks/bench_pages.py``
#: (its ``CASES``: widget key, values and query), and failing that the first
#: control of the default view.
CONTROLS: dict[str, tuple[Control, ...]] = {}

Target = tuple[str, Control]  # (page slug, the control moved there)


def _value(value: object) -> float | str:
    if isinstance(value, int | float | str):
        return value
    raise TypeError(f"not a control value: {value!r}")


def bench_pages_controls() -> dict[str, tuple[Control, ...]]:
    """The interactions listed in bench_pages.CASES, as Controls (unreadable ones skipped)."""
    found: dict[str, tuple[Control, ...]] = {}
    for case in bench_pages.CASES:
        try:
            values = tuple(_value(v) for v in case.values)
            control = Control(
                str(case.key),
                urlencode(dict(case.query)),
                (values[0], values[1]) if len(values) == 2 else None,
            )
            found[case.slug] = (*found.get(case.slug, ()), control)
        except (AttributeError, TypeError, ValueError):
            continue
    return found


def targets(pages: Sequence[str], first_only: bool = False) -> list[Target]:
    """(page, control) pairs to measure: CONTROLS, then bench_pages.CASES, then Control()."""
    fallback = bench_pages_controls()
    chosen: list[Target] = []
    for page in pages:
        controls = CONTROLS.get(page) or fallback.get(page) or (Control(),)
        chosen += [(page, c) for c in (controls[:1] if first_only else controls)]
    return chosen


def page_views(page: str) -> list[str]:
    """The URL keys of a page's views, in the page's order (read from its script).

    The page script is parsed, not run: its ``views=(derivative.VIEW, ...)`` names
    the modules, and each module's ``VIEW = View("key", ...)`` its key.
    """
    topic = {t.slug: t for t in available_topics()}[page]
    tree = ast.parse(topic.path.read_text())
    package = topic.script.removeprefix("pages/").removesuffix(".py")
    modules = [
        node.value.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "VIEW"
        and isinstance(node.value, ast.Name)
    ]
    keys: list[str] = []
    for module in modules:
        source = (
            topic.path.parent.parent / "views" / package / f"{module}.py"
        ).read_text()
        found = re.search(r'^VIEW = View\(\s*"([\w-]+)"', source, re.MULTILINE)
        if found:
            keys.append(found.group(1))
    default = [
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "default" and isinstance(kw.value, ast.Constant)
    ]
    if default and default[0] in keys:  # the page opens on its default: list it first
        keys.remove(default[0])
        keys.insert(0, default[0])
    return keys


def view_targets(pages: Sequence[str]) -> list[Target]:
    """Every view of every page, each with its first control (``--views all``).

    A view listed in ``CONTROLS`` or ``bench_pages.CASES`` keeps that control.
    """
    listed = {**bench_pages_controls(), **CONTROLS}
    chosen: list[Target] = []
    for page in pages:
        known = {
            dict(pair.split("=", 1) for pair in c.query.split("&") if "=" in pair).get(
                "view", ""
            ): c
            for c in listed.get(page, ())
        }
        for number, key in enumerate(page_views(page)):
            control = known.get(key) or (known.get("") if number == 0 else None)
            chosen.append((page, control or Control(query=f"view={key}")))
    return chosen


def target_label(target: Target) -> str:
    """``"equations (view=two: a1)"``: the page, its view and the control changed."""
    page, control = target
    return f"{page} ({control.label})"


def bump_last_number(text: str) -> str:
    """``"10, 20, 30, 40"`` → ``"10, 20, 30, 41"``: a small, still valid edit."""
    found = list(re.finditer(r"\d+", text))
    if not found:
        return text + " "
    last = found[-1]
    return text[: last.start()] + str(int(last.group()) + 1) + text[last.end() :]


def all_pages() -> list[str]:
    """The slug of every page the app serves, in the home page's order."""
    return [topic.slug for topic in available_topics()]


def parse_pages(text: str, parser: argparse.ArgumentParser) -> list[str]:
    """``--pages``: ``all`` or comma-separated slugs; an unknown slug is a usage error."""
    known = all_pages()
    pages = (
        known if text == "all" else [p.strip() for p in text.split(",") if p.strip()]
    )
    unknown = sorted(set(pages) - set(known))
    if unknown:
        parser.error(
            f"no such page(s): {', '.join(unknown)}; pages: {', '.join(known)}"
        )
    if not pages:
        parser.error("no pages to measure")
    return pages
