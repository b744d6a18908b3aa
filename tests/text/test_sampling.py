"""text.sampling: the code panel's code gives the page's numbers; the words."""

from __future__ import annotations

import numpy as np

from core import sampling as smp
from tests.helpers import run_snippet
from text import sampling as txt


def test_lln_code_gives_the_pages_numbers() -> None:
    r = smp.running_means("rare", n=2000, runs=3, seed=4)
    np.testing.assert_array_equal(run_snippet(txt.lln_code(r)), txt.lln_code_result(r))
    assert "at most" in txt.describe_lln(r)


def test_how_close_words_follow_k() -> None:
    words = [
        txt.closeness(smp.means_of_k("exponential", k, 1000, 20, 0).shape_distance)
        for k in (1, 10, 30)
    ]
    assert words == ["still far from", "roughly like", "close to"]
    uniform = smp.means_of_k("uniform", 12, 1000, 20, 0)
    assert txt.closeness(uniform.shape_distance) == "very close to"
    assert "very close to the normal curve" in txt.describe_clt(uniform)
    assert "increase k" in txt.describe_clt(smp.means_of_k("rare", 5, 1000, 20, 0))


def test_clt_code_gives_the_pages_numbers() -> None:
    r = smp.means_of_k("uniform", 5, 3000, 30, seed=8)
    assert run_snippet(txt.clt_code(r)) == txt.clt_code_result(r)
