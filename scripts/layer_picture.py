"""Draw the layers and the imports between them, read from the code: docs/img/layers.svg.

    python -m scripts.layer_picture            # rewrite docs/img/layers.svg
    python -m scripts.layer_picture --check    # exit 1 if the picture is out of date

Every arrow is drawn because some file of one layer imports the other (the label
says how many files do), so the picture cannot drift from the code: the layout
tests run ``--check``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from collections.abc import Iterator
from html import escape
from pathlib import Path

from tooling import ROOT

OUTPUT = ROOT / "docs" / "img" / "layers.svg"
WIDTH, HEIGHT = 980, 560
#: Box centres (x, y), top layers first: an import points down (or sideways).
PLACES: dict[str, tuple[int, int]] = {
    "app.py": (120, 50),
    "pages": (450, 50),
    "views": (450, 150),
    "ui": (300, 250),
    "text": (160, 360),
    "viz": (640, 360),
    "core": (450, 470),
    "scripts": (790, 250),
    "benchmarks": (790, 120),
    "tooling": (790, 470),
    "serve.py": (110, 150),
    "serving": (110, 470),
    "classroom": (350, 360),
}
NOTES = {
    "app.py": "navigation, home",
    "pages": "one page.run per topic",
    "views": "Params + render()",
    "ui": "URL state, page shape, widgets",
    "text": "sentences, LaTeX, code",
    "viz": "Plotly figures from dicts",
    "core": "NumPy maths, validated",
    "scripts": "screenshots, this picture",
    "benchmarks": "measure and print",
    "tooling": "Chromium, ports, health",
    "serve.py": "starts a class server",
    "serving": "guard, bounded uploads",
    "classroom": "SQLite or PostgreSQL",
}
BOX_W, BOX_H = 180, 54
SKIP = {"tests", ".venv", "venv", "build", "docs", "deploy"}


def _layer(path: Path) -> str | None:
    name = path.relative_to(ROOT).parts[0]  # a folder, or a file at the top
    return name if name in PLACES else None


def _files() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in SKIP or any(part.startswith(".") for part in parts):
            continue
        yield path


def edges() -> Counter[tuple[str, str]]:
    """(importer, imported) layer pairs, counted once per importing file."""
    found: Counter[tuple[str, str]] = Counter()
    for path in _files():
        source = _layer(path)
        if source is None:
            continue
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                targets.update(alias.name.split(".")[0] for alias in node.names)
        for target in targets & (set(PLACES) - {source}):
            found[(source, target)] += 1
    return found


def _point(
    a: tuple[float, float], c: tuple[float, float], b: tuple[float, float], t: float
) -> tuple[float, float]:
    """The quadratic Bézier curve from ``a`` to ``b`` pulled toward ``c``, at ``t``."""
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def _hits(source: str, target: str, control: tuple[float, float]) -> int:
    """How many other boxes the curve passes through."""
    frm, to = PLACES[source], PLACES[target]
    crossed = set()
    for step in range(1, 60):
        x, y = _point(frm, control, to, step / 60)
        for name, (cx, cy) in PLACES.items():
            near = abs(x - cx) < BOX_W / 2 + 8 and abs(y - cy) < BOX_H / 2 + 8
            if name not in (source, target) and near:
                crossed.add(name)
        if not (10 < x < WIDTH - 10 and 10 < y < HEIGHT - 30):
            crossed.add("outside")
    return len(crossed)


def _control(source: str, target: str) -> tuple[float, float]:
    """The straightest curve from ``source`` to ``target`` that passes no other box."""
    (x0, y0), (x1, y1) = PLACES[source], PLACES[target]
    dx, dy = x1 - x0, y1 - y0
    length = max(1.0, (dx * dx + dy * dy) ** 0.5)
    normal = (-dy / length, dx / length)
    middle = ((x0 + x1) / 2, (y0 + y1) / 2)
    options = [0, *(sign * k * 40 for k in range(1, 16) for sign in (1, -1))]
    candidates = [
        (middle[0] + normal[0] * bend, middle[1] + normal[1] * bend) for bend in options
    ]
    return min(candidates, key=lambda c: _hits(source, target, c))


def _end(centre: tuple[int, int], toward: tuple[float, float]) -> tuple[float, float]:
    """Where a line from ``centre`` toward a point leaves the box around ``centre``."""
    dx, dy = toward[0] - centre[0], toward[1] - centre[1]
    scale = min(
        (BOX_W / 2 + 5) / abs(dx) if dx else float("inf"),
        (BOX_H / 2 + 5) / abs(dy) if dy else float("inf"),
    )
    return centre[0] + dx * scale, centre[1] + dy * scale


def _box(name: str) -> str:
    x, y = PLACES[name]
    return (
        f'<rect x="{x - BOX_W // 2}" y="{y - BOX_H // 2}" width="{BOX_W}" '
        f'height="{BOX_H}" rx="8" fill="#f4f8fb" stroke="#0072B2" stroke-width="2"/>'
        f'<text x="{x}" y="{y - 4}" font-size="18" font-weight="bold" '
        f'text-anchor="middle">{escape(name)}</text>'
        f'<text x="{x}" y="{y + 16}" font-size="13" fill="#444" '
        f'text-anchor="middle">{escape(NOTES[name])}</text>'
    )


def _arrow(source: str, target: str, count: int) -> str:
    frm, to = PLACES[source], PLACES[target]
    control = _control(source, target)
    start, end = _end(frm, control), _end(to, control)
    label = _point(start, control, end, 0.4)
    return (
        f'<path d="M {start[0]:.0f} {start[1]:.0f} Q {control[0]:.0f} '
        f'{control[1]:.0f} {end[0]:.0f} {end[1]:.0f}" fill="none" stroke="#555" '
        'stroke-width="1.5" marker-end="url(#head)"/>'
        f'<text x="{label[0] + 4:.0f}" y="{label[1] - 4:.0f}" font-size="12" '
        f'fill="#D55E00">{count}</text>'
    )


def svg() -> str:
    """The whole picture as SVG text (deterministic: same code, same bytes)."""
    found = edges()
    arrows = [_arrow(s, t, n) for (s, t), n in sorted(found.items())]
    boxes = [_box(name) for name in PLACES]
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
            f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
            'font-family="DejaVu Sans, Arial, sans-serif">',
            "<title>ML Math Explorer: layers and the imports between them</title>",
            '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
            *arrows,
            *boxes,
            f'<text x="10" y="{HEIGHT - 10}" font-size="12" fill="#444">An arrow: some file of '
            "one layer imports the other (number: how many files). Made by "
            "python -m scripts.layer_picture.</text>",
            "</svg>",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Write the picture, or with ``--check`` say whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare")
    args = parser.parse_args(argv)
    picture = svg()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != picture:
            print(f"{OUTPUT} is out of date: run python -m scripts.layer_picture")
            return 1
        return 0
    OUTPUT.write_text(picture, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
