"""core.table: reading a pasted table; core.datasets: the shipped classics."""

from __future__ import annotations

import numpy as np
import pytest

from core import table as tb
from core.datasets import DATASETS, dataset_text
from core.table import parse_table, pick_columns


def test_header_is_detected_and_names_kept() -> None:
    table = parse_table("a,b\n1,2\n3,4\n")
    assert table.header
    assert table.names == ("a", "b")
    assert table.values.tolist() == [[1, 2], [3, 4]]


def test_no_header_gives_numbered_columns() -> None:
    table = parse_table("1,2\n3,4\n")
    assert not table.header
    assert table.names == ("column 1", "column 2")
    assert table.rows == 2


def test_text_column_without_header_is_not_a_header() -> None:
    table = parse_table("5.1,setosa\n4.9,setosa\n")
    assert not table.header
    assert table.text_columns == ("column 2",)


@pytest.mark.parametrize(
    "text", ["x,y\n1.5,2\n3,4", "x;y\n1,5;2\n3;4", "x\ty\n1,5\t2\n3\t4"]
)
def test_separators_and_decimal_commas(text: str) -> None:
    table = parse_table(text)
    assert table.names == ("x", "y")
    assert table.values.tolist() == [[1.5, 2], [3, 4]]


def test_missing_cells_drop_rows_of_the_chosen_columns_only() -> None:
    table = parse_table("a,b,c\n1,2,\n2,,3\n3,4,5\n4,6,NA\n")
    both = pick_columns(table, ("a", "b"))
    assert both.dropped == 1
    assert both.columns[1].tolist() == [2, 4, 6]
    assert pick_columns(table, ("a", "c")).dropped == 2
    assert pick_columns(table, ("a",)).dropped == 0


def test_short_rows_are_missing_cells() -> None:
    assert pick_columns(parse_table("a,b\n1,2\n3\n"), ("a", "b")).dropped == 1


def test_non_numeric_columns_are_named_and_left_out() -> None:
    table = parse_table("x,name,y\n1,Ann,2\n2,Bo,3\n")
    assert table.names == ("x", "y")
    assert table.text_columns == ("name",)


def test_iris_sums_and_mean() -> None:
    table = parse_table(dataset_text("iris"))
    assert table.rows == 150
    assert table.text_columns == ("species",)
    np.testing.assert_allclose(
        table.values.sum(axis=0), [876.5, 458.6, 563.7, 179.9], atol=1e-9
    )
    assert round(float(table.values[:, 0].mean()), 4) == 5.8433


def test_every_dataset_reads() -> None:
    for name in DATASETS:
        assert parse_table(dataset_text(name)).rows > 10
    with pytest.raises(ValueError, match="no data set"):
        dataset_text("../etc/passwd")


def test_anscombe_table_matches_core() -> None:
    table = parse_table(dataset_text("anscombe"))
    assert table.names[:2] == ("x1", "y1")
    assert table.values[0, :2].tolist() == [10, 8.04]


def test_sampling_is_reproducible_by_seed() -> None:
    text = "v\n" + "\n".join(str(i) for i in range(3000))
    table = parse_table(text)
    one = pick_columns(table, ("v",), seed=3, limit=1000)
    again = pick_columns(table, ("v",), seed=3, limit=1000)
    other = pick_columns(table, ("v",), seed=4, limit=1000)
    assert one.sampled
    assert one.n == 1000
    assert one.total == 3000
    assert np.array_equal(one.columns[0], again.columns[0])
    assert not np.array_equal(one.columns[0], other.columns[0])
    assert np.all(np.diff(one.columns[0]) > 0)  # order kept
    assert not pick_columns(table, ("v",), limit=5000).sampled


def test_hostile_column_names_are_data_and_capped() -> None:
    long = "<script>alert(1)</script>" + "x" * 200
    table = parse_table(f"{long},**b**,\n1,2,3\n")
    assert table.names[0].startswith("<script>")
    assert len(table.names[0]) == tb.MAX_NAME_LENGTH
    assert table.names[1] == "**b**"
    assert table.names[2] == "column 3"


def test_duplicate_names_are_made_unique() -> None:
    assert parse_table("a,a\n1,2\n").names == ("a", "a (2)")


def test_key_is_hashable_and_names_the_text() -> None:
    table = parse_table("a\n1\n2\n")
    hash(table.key)
    hash(pick_columns(table, ("a",)).key)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The table is empty"),
        ("  \n \n", "The table is empty"),
        ("1\n" * 10_001, "at most 20,000 can be pasted"),
        ("1\n" * 5_002, "at most 5,000 rows"),
        (",".join(["1"] * 51), "Line 1 has 51 cells; at most 50"),
        ("a,b\n", "a header but no rows"),
        ("a,b\nx,y\n", "No column holds numbers"),
        ("a,b\n1,2\n3,1e999\n", r"Line 3, cell 2 \('1e999'\) is too large"),
        ("a,b\n1,2\x00\n", "NUL byte"),
    ],
)
def test_each_problem_says_what_to_fix(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_table(text)


def test_pick_errors() -> None:
    table = parse_table("a,b\n1,\n2,\n")
    with pytest.raises(ValueError, match="no number column 'z'; choose one of: a, b"):
        pick_columns(table, ("z",))
    with pytest.raises(ValueError, match="Every row misses a value"):
        pick_columns(table, ("a", "b"))


def test_missing_cells_are_masked_not_nan() -> None:
    table = parse_table("a,b\n1,\n2,3\n")
    assert table.present.tolist() == [[True, False], [True, True]]
    assert np.isfinite(table.values).all()
    with pytest.raises(ValueError, match="by name"):
        pick_columns(table, 1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one column"):
        pick_columns(table, ())


# -- an uploaded file -------------------------------------------------------------


def test_upload_reads_like_a_paste() -> None:
    data = b"hours;score;name\r\n1;2,5;Ann\r\n2;;Bo\r\n3;4,5;Cy\r\n"
    table = tb.parse_upload(data)
    assert table.names == ("hours", "score")
    assert table.text_columns == ("name",)
    chosen = pick_columns(table, ("hours", "score"))
    assert chosen.columns[1].tolist() == [2.5, 4.5]
    assert chosen.dropped == 1


def test_upload_without_header_and_with_a_bom() -> None:
    table = tb.parse_upload("\ufeff1,2\n3,4\n".encode())
    assert not table.header
    assert table.names == ("column 1", "column 2")
    assert table.values.tolist() == [[1, 2], [3, 4]]


def test_upload_in_windows_1252_keeps_its_names() -> None:
    table = tb.parse_upload("größe;preis €\n1,5;2\n2;3\n".encode("cp1252"))
    assert table.names == ("größe", "preis €")
    assert table.values[0].tolist() == [1.5, 2]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf\n"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"The file is empty|The table is empty"):
        tb.parse_upload(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(200),  # a spreadsheet workbook (zip)
        bytes(range(256)) * 8,
        b"a,b\n1,2\n" + b"\x01\x02\x03" * 50,  # text spoiled by control bytes
    ],
)
def test_binary_file_is_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"not a text table.*save it as CSV"):
        tb.parse_upload(data)


def test_one_column_reads_but_a_two_column_view_says_what_is_missing() -> None:
    table = tb.parse_upload(b"height\n1.5\n1.6\n1.7\n")
    assert table.names == ("height",)
    assert tb.require_columns(table, 1) is table
    with pytest.raises(ValueError, match="1 number column; this view needs 2"):
        tb.require_columns(table, 2)


def test_all_text_file_names_no_number_column() -> None:
    with pytest.raises(ValueError, match="No column holds numbers"):
        tb.parse_upload(b"name,town\nAnn,Oslo\nBo,Rome\n")
    table = tb.parse_upload(b"x,name\n1,Ann\n2,Bo\n")
    with pytest.raises(ValueError, match=r"\(name hold text\)"):
        tb.require_columns(table, 2)


def test_huge_file_is_refused_before_it_is_read() -> None:
    data = b"x,y\n" + b"1,2\n" * (tb.MAX_UPLOAD_BYTES // 4)
    assert len(data) > tb.MAX_UPLOAD_BYTES
    with pytest.raises(ValueError, match="at most 256 KB can be uploaded"):
        tb.parse_upload(data)


def test_many_rows_are_read_and_sampled_with_the_seed() -> None:
    rows = 20_000
    data = b"x,y\n" + b"".join(f"{i},{2 * i}\n".encode() for i in range(rows))
    assert len(data) <= tb.MAX_UPLOAD_BYTES
    table = tb.parse_upload(data)
    assert table.rows == rows
    one = pick_columns(table, ("x", "y"), seed=3)
    assert one.sampled
    assert (one.n, one.total) == (tb.SHOWN_ROWS, rows)
    np.testing.assert_array_equal(one.columns[1], 2 * one.columns[0])
    assert np.all(np.diff(one.columns[0]) > 0)  # order kept
    again = pick_columns(table, ("x", "y"), seed=3)
    np.testing.assert_array_equal(one.columns[0], again.columns[0])
    other = pick_columns(table, ("x", "y"), seed=4)
    assert not np.array_equal(one.columns[0], other.columns[0])


def test_too_many_rows_even_within_the_size_cap() -> None:
    data = b"1\n" * (tb.MAX_UPLOAD_ROWS + 2)
    assert len(data) <= tb.MAX_UPLOAD_BYTES
    with pytest.raises(ValueError, match="at most 100,000 rows"):
        tb.parse_upload(data)


def test_upload_is_bytes() -> None:
    with pytest.raises(ValueError, match="Upload a file, not str"):
        tb.parse_upload("a,b\n1,2")  # type: ignore[arg-type]
