"""Words of the live correlation charts (``views/correlation/target.py``, ``outlier.py``).

Examples
--------
>>> from core.correlation import correlated_sample, outlier_study
>>> sample_readout(correlated_sample(100, 0.6, 0))
'ρ = 0.60 · r = 0.630 · r² = 0.397'
>>> outlier_readout(outlier_study(0.7, 20, 5.0, -5.0, 0))
'outlier (5, −5) · r = −0.377 (0.768 without)'
"""

from __future__ import annotations

from core.correlation import GeneratedSample, OutlierStudy, format_r
from core.parsing import display_number
from text.correlation.words import r_text

TARGET_CAPTION = (
    "Slide ρ under the chart (or focus it and use the arrow keys): the same "
    "random draws (same seed) glide into the new cloud, and the line follows."
)
OUTLIER_CAPTION = (
    "Drag the pink diamond (or focus it and use the arrow keys): the solid line "
    "and r follow at once; the dashed line is the cloud without it."
)


def sample_readout(sample: GeneratedSample) -> str:
    """One line for the chart during a drag: ρ, the sample's r and r²."""
    stats = sample.stats
    return (
        f"ρ = {format_r(sample.rho, 2)} · r = {r_text(stats.r)} · "
        f"r² = {r_text(stats.r2)}"
    )


def outlier_readout(study: OutlierStudy) -> str:
    """One line for the chart during a drag: where the outlier is, r with and without."""
    ox, oy = study.outlier
    return (
        f"outlier ({display_number(ox, 3)}, {display_number(oy, 3)}) · "
        f"r = {r_text(study.with_outlier.r)} ({r_text(study.without.r)} without)"
    )
