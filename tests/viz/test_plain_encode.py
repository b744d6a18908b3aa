"""``viz.plain.encode_arrays`` writes exactly what Plotly's ``convert_to_base64`` writes."""

from __future__ import annotations

import copy
import json
from typing import Any

import numpy as np
import pytest
from plotly.basedatatypes import convert_to_base64

from viz.plain import encode_arrays


def _as_json(value: Any) -> str:
    def other(obj: Any) -> Any:
        return obj.tolist() if hasattr(obj, "tolist") else repr(obj)

    return json.dumps(value, default=other, sort_keys=True)


RNG = np.random.default_rng(7)
CASES = {
    "floats, ints and nested markers": {
        "data": [
            {
                "x": np.arange(6),
                "y": RNG.normal(size=6),
                "marker": {
                    "color": np.array([1, 2, 3], dtype=np.int64),
                    "size": [1, 2],
                },
                "customdata": np.zeros((3, 2)),
                "text": ["a", "b"],
            }
        ],
        "layout": {"title": {"text": "t"}, "shapes": [{"x0": np.float64(1.0)}]},
    },
    "skipped keys keep their arrays": {
        "data": [{"x": [1, 2], "y": np.array([0.5, 1.5])}],
        "layout": {"xaxis": {"range": np.array([0.0, 1.0])}, "layers": [np.arange(2)]},
    },
    "odd dtypes and shapes": {
        "data": [
            {
                "z": np.array(3.0),
                "e": np.array([], dtype=float),
                "big": np.array([2**40], dtype=np.int64),
                "u": np.array([1], dtype=np.uint64),
                "b": np.array([True, False]),
                "s": np.array(["a", "b"]),
                "list_of_arrays": [np.arange(3), {"inner": np.arange(2.0)}],
                "tuple": (np.arange(2), {"inner": np.ones(2)}),
            }
        ],
        "layout": {},
    },
    "every dtype plotly.js reads, strided, 2-D and narrowed": {
        "data": [
            {
                "strided": np.arange(10.0)[::3],
                "fortran": np.asfortranarray(RNG.normal(size=(3, 2))),
                "f4": np.array([0.1, 2.5], dtype=np.float32),
                "f2": np.array([0.5], dtype=np.float16),
                "i1": np.array([-3, 4], dtype=np.int8),
                "u2": np.array([7, 60000], dtype=np.uint16),
                "i4": np.array([-(2**31), 5], dtype=np.int32),
                "i8 to i2": np.array([-300, 300], dtype=np.int64),
                "i8 to i4": np.array([[70000, -1], [0, 2]], dtype=np.int64),
                "u8 to u4": np.array([2**31], dtype=np.uint64),
                "u8 too big": np.array([2**40], dtype=np.uint64),
                "nan and inf": np.array([np.nan, np.inf, -0.0]),
            }
        ],
        "layout": {},
    },
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_same_encoding_as_plotly(name: str) -> None:
    theirs, ours = copy.deepcopy(CASES[name]), copy.deepcopy(CASES[name])
    convert_to_base64(theirs)
    encode_arrays(ours)
    assert _as_json(ours) == _as_json(theirs)
    assert "bdata" in _as_json(ours)  # something was encoded: the test can fail
