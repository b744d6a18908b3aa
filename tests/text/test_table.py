"""text.table and the code for a table's correlation matrix."""

from __future__ import annotations

from core import correlation as corr
from core.datasets import dataset_text
from core.table import parse_table, parse_upload, pick_columns
from tests.helpers import run_snippet
from text import correlation as ctext
from text import table as words


def test_table_matrix_code_reproduces_the_matrix() -> None:
    table = parse_table(dataset_text("iris"))
    fm = corr.table_feature_matrix(pick_columns(table, table.names), "petal_width", 0.8)
    code = ctext.table_matrix_code(fm)
    assert "'petal_width'" in code
    result = run_snippet(code)
    assert result.tolist() == ctext.matrix_code_result(fm).tolist()


def test_hostile_names_stay_string_literals_in_the_code() -> None:
    name = "x'] + __import__('os').system('echo hi') # \\"
    table = parse_table(f'"{name}",y\n1,2\n2,3\n3,5\n')
    fm = corr.table_feature_matrix(pick_columns(table, table.names), "y", 0.8)
    result = run_snippet(ctext.table_matrix_code(fm))
    assert result.tolist() == fm.matrix.round(2).tolist()


def test_matrix_note_names_what_is_left_out() -> None:
    assert words.matrix_note(4, 4, ()) == ""
    note = words.matrix_note(20, 12, ("*same*",))
    assert "first 11 of the table's 19 other number columns" in note
    assert r"\*same\*" in note  # a name is data, not markup


def test_describe_upload_escapes_the_file_name() -> None:
    table = parse_upload(b"a,b\n1,2\n3,4\n")
    text = words.describe_upload("**big**.csv", 2048, table)
    assert r"\*\*big\*\*" in text
    assert "(2.0 KB): 2 rows, 2 number columns." in text
