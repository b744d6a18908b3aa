"""Rules of the repository's shape, run with every test.

- Imports point one way: ``pages -> views -> ui, viz, text, core``; ``viz -> core``;
  ``text -> core``; ``core -> numpy``; ``ui, views -> classroom -> core`` (the class
  store). Nothing imports ``pages`` or ``tests``.
- No file outside ``tests/`` is over 400 lines, no page over 80, no view over 150,
  and no function over 80 lines.
- ``core`` holds numbers, not learner text; ``viz`` builds figures from dicts.

There is no allow-list: a rule that fails names the file and the line to fix.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT

FIRST_PARTY = frozenset(
    {
        "core",
        "text",
        "viz",
        "ui",
        "views",
        "tooling",
        "benchmarks",
        "tests",
        "pages",
        "serving",
        "classroom",
    }
)
#: What each layer may import: first-party packages, and third-party ones
#: (``None``: any third-party package). The standard library is always allowed.
ALLOWED: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "core": (frozenset({"core"}), frozenset({"numpy", "sympy"})),
    "text": (frozenset({"core", "text"}), frozenset({"numpy"})),
    # _plotly_utils ships inside the plotly distribution (Plotly's own encoders).
    "viz": (
        frozenset({"core", "viz"}),
        frozenset({"numpy", "plotly", "_plotly_utils"}),
    ),
    "ui": (frozenset({"core", "text", "viz", "ui", "classroom"}), None),
    "views": (frozenset({"core", "text", "viz", "ui", "views", "classroom"}), None),
    "pages": (frozenset({"text", "ui", "views"}), frozenset()),
    "app.py": (frozenset({"ui"}), frozenset({"streamlit"})),
    "serve.py": (frozenset({"serving"}), None),
    # What the server lets in (serve.py's guard); reads Streamlit's index.html.
    "serving": (frozenset({"serving"}), frozenset({"streamlit"})),
    # The class store (SQLite, or PostgreSQL through psycopg): no Streamlit.
    "classroom": (frozenset({"core", "classroom"}), frozenset({"psycopg"})),
    "tooling": (frozenset({"tooling"}), None),
    "benchmarks": (
        frozenset(
            {"core", "text", "viz", "ui", "views", "tooling", "benchmarks", "classroom"}
        ),
        None,
    ),
    "scripts": (frozenset({"ui", "tooling"}), None),
}
MAX_FILE_LINES = 400
MAX_PAGE_LINES = 80
MAX_VIEW_LINES = 150
MAX_FUNCTION_LINES = 80


def _layer(path: Path) -> str:
    relative = path.relative_to(ROOT)
    return relative.parts[0] if len(relative.parts) > 1 else relative.name


def source_files() -> Iterator[Path]:
    """Every Python file of the app and its tools (not the tests)."""
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {"tests", ".venv", "venv", "build"} or any(
            part.startswith(".") for part in relative.parts
        ):
            continue
        yield path


def _imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module.split(".")[0]


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def test_imports_point_one_way() -> None:
    wrong = []
    for path in source_files():
        layer = _layer(path)
        first_party, third_party = ALLOWED.get(layer, (frozenset(), frozenset()))
        for line, name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if name in sys.stdlib_module_names or name == "__future__":
                continue
            if name in FIRST_PARTY:
                ok = name in first_party
            else:
                ok = third_party is None or name in third_party
            if not ok:
                wrong.append(f"{_where(path, line)} ({layer}) imports {name}")
    assert wrong == []


def test_nothing_edits_sys_path() -> None:
    edits = [
        _where(path, number)
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "sys.path.insert" in line or "sys.path.append" in line
    ]
    assert edits == []


def _cap(path: Path) -> int:
    layer = _layer(path)
    if layer == "pages":
        return MAX_PAGE_LINES
    if layer == "views":
        return MAX_VIEW_LINES
    return MAX_FILE_LINES


def test_files_stay_small() -> None:
    too_long = []
    for path in source_files():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > _cap(path):
            too_long.append(f"{path.relative_to(ROOT)}: {lines} > {_cap(path)} lines")
    assert too_long == []


def test_functions_stay_short() -> None:
    too_long = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long.append(f"{_where(path, node.lineno)} {node.name}: {lines}")
    assert too_long == []


def test_pages_are_an_index_of_views() -> None:
    """A page script calls ``page.run`` with its views; it defines nothing itself.

    The one page that is not a topic, the teacher notes, calls ``teachers.run``:
    it reads the other pages' ``page.run`` calls (``views/teachers.py``)."""
    for path in sorted((ROOT / "pages").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = [
            node
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Assign)
        ]
        assert defined == [], f"{path.name} defines its own names"
        calls = [
            node.value.func
            for node in tree.body
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        ]
        called = [ast.unparse(func) for func in calls]
        assert called in (["page.run"], ["teachers.run"]), path.name


def test_views_keep_no_module_state() -> None:
    """A view's module holds declarations and functions: its state is passed in."""
    for path in sorted((ROOT / "views").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            assert not isinstance(node, ast.Global), _where(path, node.lineno)


def test_viz_builds_figures_from_dicts() -> None:
    """Plotly's object API validates and copies a whole figure on every call."""
    banned = (
        "add_trace",
        "update_layout",
        "update_xaxes",
        "update_yaxes",
        "go.Scatter",
    )
    found = [
        f"{_where(path, number)} {word}"
        for path in sorted((ROOT / "viz").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for word in banned
        if word in line and not line.lstrip().startswith("#")
    ]
    assert found == []


def _core_functions() -> Iterator[tuple[Path, ast.FunctionDef]]:
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                yield path, node


@pytest.mark.parametrize("suffix", ["_code", "_code_result", "_latex"])
def test_core_holds_no_learner_text(suffix: str) -> None:
    """Code snippets, formulas and sentences live in ``text/``, not in ``core/``."""
    found = [
        _where(path, node.lineno)
        for path, node in _core_functions()
        if node.name.endswith(suffix)
    ]
    found += [
        _where(path, node.lineno)
        for path, node in _core_functions()
        if node.name.startswith(("describe_", "explain_"))
    ]
    assert found == []


def test_every_core_module_has_an_example() -> None:
    """Each module of ``core`` shows one result a learner can check by hand."""
    missing = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "core").rglob("*.py"))
        if path.name != "__init__.py" and ">>> " not in path.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_no_page_script_shadows_a_standard_library_module() -> None:
    """AppTest puts pages/ first on sys.path while a page runs: a page named like a
    standard-library module (say statistics.py) would be imported in its place."""
    clashes = sorted(
        path.stem
        for path in (ROOT / "pages").glob("*.py")
        if path.stem in sys.stdlib_module_names
    )
    assert clashes == []


def test_the_layer_picture_matches_the_code() -> None:
    """docs/img/layers.svg is drawn from the imports; a new import redraws it."""
    from scripts import layer_picture

    assert layer_picture.OUTPUT.read_text(encoding="utf-8") == layer_picture.svg(), (
        "run python -m scripts.layer_picture"
    )
