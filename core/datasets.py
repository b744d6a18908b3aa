"""Classic small data sets shipped with the explorer (nothing is downloaded).

``data/iris.csv``: Fisher's Iris (1936), 150 flowers, four measurements in cm
and the species; the values of R's ``datasets::iris`` (Fisher's paper, public
domain). Anscombe's quartet (1973) is written from :data:`core.correlation.ANSCOMBE`.

Examples
--------
>>> text = dataset_text("iris")
>>> text.splitlines()[0]
'sepal_length,sepal_width,petal_length,petal_width,species'
>>> len(text.splitlines()) - 1
150
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.correlation.anscombe import ANSCOMBE
from core.parsing import format_number

#: Where the shipped tables live (``data/`` at the repository root).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: The data sets by URL word: the file in ``data/`` or ``None`` when built here.
DATASETS: dict[str, str | None] = {"iris": "iris.csv", "anscombe": None}


def _anscombe_text() -> str:
    names = [f"{axis}{number}" for number in range(1, 5) for axis in "xy"]
    columns = [values for pair in ANSCOMBE.values() for values in pair]
    rows = zip(*columns, strict=True)
    lines = [",".join(names)]
    lines += [",".join(format_number(float(v)) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


@cache
def dataset_text(name: str) -> str:
    """The data set ``name`` (a key of :data:`DATASETS`) as CSV text with a header."""
    if name not in DATASETS:
        raise ValueError(
            f"There is no data set {name[:40]!r}; choose one of: {', '.join(DATASETS)}."
        )
    file = DATASETS[name]
    if file is None:
        return _anscombe_text()
    return (DATA_DIR / file).read_text(encoding="utf-8")
