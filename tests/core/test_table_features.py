"""core.correlation.table_feature_matrix: the feature-selection matrix of a table."""

from __future__ import annotations

import numpy as np
import pytest

from core import correlation as corr
from core.datasets import dataset_text
from core.table import parse_table, pick_columns


def _matrix(text: str, target: str, threshold: float = 0.8) -> corr.FeatureMatrix:
    table = parse_table(text)
    return corr.table_feature_matrix(
        pick_columns(table, table.names), target, threshold
    )


def test_iris_against_np_corrcoef_with_the_target_last() -> None:
    table = parse_table(dataset_text("iris"))
    chosen = pick_columns(table, table.names)
    fm = corr.table_feature_matrix(chosen, "sepal_length", 0.9)
    assert fm.names == ("sepal_width", "petal_length", "petal_width", "sepal_length")
    assert fm.target == "sepal_length"
    order = [table.names.index(name) for name in fm.names]
    expected = np.corrcoef(table.values[:, order], rowvar=False)
    np.testing.assert_allclose(fm.matrix, expected, atol=1e-12)
    # petal length tracks sepal length best (r = 0.8718 in Fisher's data)
    (best, r), *_ = fm.ranking()
    assert (best, round(r, 4)) == ("petal_length", 0.8718)
    # petal length and width repeat each other: r = 0.9629
    assert [(a, b, round(r, 4)) for a, b, r in fm.redundant_pairs()] == [
        ("petal_length", "petal_width", 0.9629)
    ]


def test_by_hand() -> None:
    fm = _matrix("a,b,y\n1,2,2\n2,1,4\n3,3,6\n", "y")
    # y = 2a: r = 1; b = 2, 1, 3 against y: Sxy = 2, Sxx = 2, Syy = 8 -> r = 0.5
    assert fm.ranking() == [("a", 1.0), ("b", 0.5)]
    assert fm.matrix[0, 1] == pytest.approx(0.5)


def test_the_key_names_the_table_the_rows_and_the_target() -> None:
    one = _matrix("a,b,y\n1,2,2\n2,1,4\n3,3,6\n", "y")
    other = _matrix("a,b,y\n1,2,2\n2,1,4\n3,3,6\n", "a")
    changed = _matrix("a,b,y\n1,2,2\n2,1,4\n3,3,7\n", "y")
    assert len({one.key, other.key, changed.key}) == 3
    houses = corr.feature_matrix(200, 0.9, 0.8, seed=0)
    assert houses.key == (200, 0.9, 0.8, 0)


def test_a_constant_feature_is_left_out_and_named() -> None:
    fm = _matrix("a,same,y\n1,5,2\n2,5,5\n3,5,6\n", "y")
    assert fm.names == ("a", "y")
    assert fm.constant == ("same",)
    assert np.isfinite(fm.matrix).all()


def test_a_constant_target_is_refused() -> None:
    with pytest.raises(ValueError, match="'y' has the same value in every row"):
        _matrix("a,y\n1,2\n2,2\n3,2\n", "y")


def test_only_constant_features_are_refused() -> None:
    with pytest.raises(ValueError, match="Every feature has the same value"):
        _matrix("a,b,y\n1,1,2\n1,1,3\n1,1,5\n", "y")


def test_too_few_rows() -> None:
    with pytest.raises(ValueError, match="Only 2 complete rows"):
        _matrix("a,y\n1,2\n2,3\n", "y")


def test_unknown_target_and_too_many_columns() -> None:
    with pytest.raises(ValueError, match="no number column 'z' to predict"):
        _matrix("a,y\n1,2\n2,3\n3,5\n", "z")
    wide = ",".join(f"c{i}" for i in range(13)) + "\n"
    wide += "\n".join(",".join(str(i * j % 7) for i in range(13)) for j in range(5))
    with pytest.raises(ValueError, match="13 columns are too many"):
        _matrix(wide, "c0")


def test_bad_threshold() -> None:
    with pytest.raises(ValueError, match="threshold"):
        _matrix("a,y\n1,2\n2,3\n3,5\n", "y", threshold=2.0)
