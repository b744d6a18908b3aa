"""The downloaded notebook runs in a real Jupyter kernel and prints the page's numbers.

For every page's default view (and a few other views), the notebook the page
offers is executed with ``nbclient`` and ``ipykernel`` in a temporary directory,
one kernel per notebook; each printed result must equal the code panel's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

from tests.pages.notebook_cases import OTHER_VIEWS, panel_outputs, run_view
from ui.notebook import PRINT_RESULT
from ui.topics import available_topics

KERNEL = "python3"
CASES = [(t.slug, None) for t in available_topics()] + list(OTHER_VIEWS)


@pytest.fixture(scope="module")
def kernel() -> str:
    """The ipykernel spec, installed into this environment's prefix if missing."""
    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:  # pragma: no cover - depends on the machine
        from ipykernel import kernelspec

        kernelspec.install(user=False, prefix=sys.prefix)
    return KERNEL


@pytest.mark.parametrize(("slug", "view"), CASES, ids=[f"{s}-{v}" for s, v in CASES])
def test_notebook_reproduces_the_page(
    slug: str,
    view: str | None,
    kernel: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at, record = run_view(slug, view)
    expected = panel_outputs(at)
    assert expected, f"{slug}: no code panel to compare"
    (tmp_path / f"{record.stem}.ipynb").write_bytes(record.notebook())
    notebook = nbformat.read(tmp_path / f"{record.stem}.ipynb", as_version=4)
    # Figures come back as JSON, not the 4 MB plotly.js page a browser would get.
    monkeypatch.setenv("PLOTLY_RENDERER", "json")
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name=kernel,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    printed = [
        "".join(out.text for out in cell.outputs if out.output_type == "stream")
        for cell in notebook.cells
        if cell.cell_type == "code" and cell.source == PRINT_RESULT
    ]
    assert printed == [text + "\n" for text in expected]
    errors = [
        out
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "error"
    ]
    assert errors == []
    shown = [
        out
        for cell in notebook.cells
        if "fig.show()" in cell.get("source", "")
        for out in cell.get("outputs", [])
        if out.output_type == "display_data"
    ]
    assert len(shown) == len(record.figures)
