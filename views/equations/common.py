"""What the views of the Equations page share: the range of a coefficient."""

from __future__ import annotations

from typing import Any

#: Every coefficient's slider: −10 … 10 in steps of 0.1 (exact entry beside it).
COEFFICIENT: dict[str, Any] = {"min_value": -10.0, "max_value": 10.0, "step": 0.1}
