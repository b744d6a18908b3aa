"""An uploaded CSV file on the three table pages (AppTest drives the real widget).

Every bad file (empty, binary, one column, all text, huge) gives a message and no
exception; a good file after a bad one is read; a file's bytes leave the upload
store once read, and many uploads in one session do not grow its memory.
"""

from __future__ import annotations

import gc
import tracemalloc

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core import table as tb
from tests.helpers import page_charts, page_test, texts
from ui import shared_cache
from ui import table_entry as te

CORRELATION = {"view": "data", "entry": "table", "dataset": "upload"}
CSV = b"hours;score;name\n1;52;Ann\n2;55;Bo\n3;61;Cy\n4;60;Di\n5;68;Ed\n6;;Flo\n"
HOURS = np.array([1, 2, 3, 4, 5])
SCORE = np.array([52, 55, 61, 60, 68])


def _run(script: str, query: dict[str, str]) -> AppTest:
    at = page_test(script, query).run()
    assert not at.exception, at.exception
    return at


def _upload(at: AppTest, data: bytes, name: str = "marks.csv") -> AppTest:
    at.file_uploader(key=te.UPLOAD_KEY).set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _r(at: AppTest) -> float:
    return float(_metrics(at)["Pearson r"].replace("−", "-"))


def test_a_link_with_dataset_upload_waits_for_a_file_and_says_why() -> None:
    at = _run("pages/correlation.py", CORRELATION)
    assert at.file_uploader(key=te.UPLOAD_KEY)
    assert "a link cannot carry a file" in texts(at)
    assert any("Choose a CSV file" in info.value for info in at.info)
    assert not page_charts(at)
    assert not at.error


def test_upload_a_file_pick_columns_see_r() -> None:
    at = _upload(_run("pages/correlation.py", CORRELATION), CSV)
    assert at.selectbox(key="col_x").value == "hours"
    assert at.selectbox(key="col_y").value == "score"
    assert _r(at) == pytest.approx(np.corrcoef(HOURS, SCORE)[0, 1], abs=6e-4)
    shown = texts(at)
    assert "Showing marks" in shown  # (the name is escaped: data, not markup)
    assert "1 dropped" in shown  # Flo has no score
    assert "Left out (not numbers): name" in shown
    assert page_charts(at)
    # the table is not in the link; the columns are
    assert "table" not in at.query_params
    assert at.query_params["dataset"] == "upload"
    assert at.query_params["col_y"] == "score"
    # the file is read once: another control changes, the table stays (that its
    # bytes leave the upload store is checked on a real server, tests/e2e)
    at.toggle(key="quadrants").set_value(True).run()
    assert not at.exception
    assert _r(at) == pytest.approx(np.corrcoef(HOURS, SCORE)[0, 1], abs=6e-4)


UPLOADS = 40
BAD_FILES = {
    "empty": (b"", "The file is empty"),
    "binary": (b"PK\x03\x04\x14\x00" + bytes(300), "not a text table"),
    "one column": (b"height\n1.5\n1.6\n1.7\n", "1 number column; this view needs 2"),
    "all text": (b"name,town\nAnn,Oslo\nBo,Rome\n", "No column holds numbers"),
    "huge": (b"x,y\n" + b"1,2\n" * 70_000, "at most 256 KB can be uploaded"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_gives_a_message_and_no_exception(case: str) -> None:
    data, message = BAD_FILES[case]
    at = _upload(_run("pages/correlation.py", CORRELATION), data)
    assert at.error, case
    assert message in at.error[0].value
    assert "Traceback" not in texts(at)


def test_a_bad_file_after_a_good_one_keeps_the_last_chart() -> None:
    at = _upload(_run("pages/correlation.py", CORRELATION), CSV)
    before = _r(at)
    _upload(at, b"\x00\x01binary", "photo.csv")
    assert "not a text table" in at.error[0].value
    assert _r(at) == before
    assert "last file that could be read" in texts(at)
    _upload(at, b"a,b\n1,3\n2,2\n3,1\n", "down.csv")  # a good one again
    assert not at.error
    assert _r(at) == pytest.approx(-1.0)


def test_removing_the_file_forgets_its_table() -> None:
    at = _upload(_run("pages/correlation.py", CORRELATION), CSV)
    at.file_uploader(key=te.UPLOAD_KEY).set_value(None).run()
    assert not at.exception
    assert any("Choose a CSV file" in info.value for info in at.info)


def test_many_rows_are_sampled_with_a_visible_seed() -> None:
    data = b"x,y\n" + b"".join(f"{i},{i % 7}\n".encode() for i in range(20_000))
    at = _upload(_run("pages/correlation.py", CORRELATION), data)
    shown = texts(at)
    assert "20,000 rows read" in shown
    assert "sampled at random with seed 0" in shown
    assert _metrics(at)["points n"] == str(tb.SHOWN_ROWS)
    first = _r(at)
    at.number_input(key="rows_seed").set_value(5).run()
    assert "seed 5" in texts(at)
    assert _r(at) != first


def test_statistics_page_reads_an_uploaded_column() -> None:
    query = {"view": "center", "source": "table", "dataset": "upload"}
    at = _upload(_run("pages/descriptive_statistics.py", query), CSV)
    assert at.selectbox(key="column").value == "hours"
    at.selectbox(key="column").set_value("score").run()
    assert "59.2" in texts(at)  # (52 + 55 + 61 + 60 + 68) / 5
    assert at.query_params["column"] == "score"


def test_loss_page_fits_an_uploaded_table() -> None:
    query = {"view": "fit", "data": "table", "dataset": "upload"}
    at = _upload(_run("pages/loss_functions.py", query), b"x,y\n1,3\n2,5\n3,7\n4,9\n")
    assert "4 used" in texts(at)
    assert not at.error
    assert "(20 bytes)" in texts(at)


def test_one_uploaded_table_serves_every_page_of_the_session() -> None:
    at = _upload(_run("pages/correlation.py", CORRELATION), CSV)
    at.switch_page("descriptive_statistics.py")
    at.query_params.update({"source": "table", "dataset": "upload"})
    at.run()
    assert not at.exception
    assert "Showing marks" in texts(at)


def _session_memory() -> int:
    """Traced bytes, without the caches shared by every session (bounded: each
    distinct table's figures are cached, up to ``max_entries``)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    shared_cache.clear_all()
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_many_uploads_in_one_session_do_not_grow_its_memory() -> None:
    """Files of ~220 KB, one after another, in one session: the session keeps one
    parsed table (the last), not the files nor the tables before it."""
    at = _run("pages/correlation.py", CORRELATION)
    note = "n" * 100

    def upload(i: int) -> None:
        rows = (f"{i + j},{(i * j) % 97},{note}\n".encode() for j in range(2_000))
        _upload(at, b"x,y,note\n" + b"".join(rows), f"file{i}.csv")

    tracemalloc.start()
    try:
        for i in range(5):
            upload(i)
        start = _session_memory()
        for i in range(5, UPLOADS):
            upload(i)
        end = _session_memory()
    finally:
        tracemalloc.stop()
    print(
        f"\n{UPLOADS - 5} more uploads of ~220 KB in one session: traced memory "
        f"{start / 1e6:.1f} MB -> {end / 1e6:.1f} MB"
    )
    assert "Showing file" + str(UPLOADS - 1) in texts(at)
    # kept, the files alone would add (UPLOADS - 5) x 220 KB = 7.7 MB
    assert end - start < 2e6
