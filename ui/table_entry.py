"""A pasted or uploaded table or a classic data set, and columns picked from it.

Shared by the Correlation, Mean-variance-std and Loss-function pages: the
``Param`` objects here are declared once, so each page has one ``table`` key.

An uploaded file is read once, when it arrives (the uploader's ``on_change``):
its parsed table is kept in the session (bounded by ``core.table``'s caps) and
the file's bytes are dropped from Streamlit's upload store at once, so a session
holds one parsed table, not the files it was sent. A link cannot carry a file:
``dataset=upload`` in a link opens the uploader empty, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

from core import table as tb
from core.datasets import dataset_text
from text import table as words
from ui import page
from ui.url_state import PageState, Param

DATASET = Param.choice("dataset", "Data set", "paste", words.DATASETS, widget="select")
TABLE = Param.text(
    "table",
    words.TABLE_LABEL,
    words.TABLE_EXAMPLE,
    widget="text_area",
    max_chars=tb.MAX_TABLE_CHARS,
    help=words.TABLE_HELP,
    validate=tb.parse_table,
)
ROW_SEED = Param.seed(0, name="rows_seed", label="Seed for sampling rows")
_NAME_CHARS = 2 * tb.MAX_NAME_LENGTH
COL_X = Param.column("col_x", "x column", max_chars=_NAME_CHARS, note=words.column_note)
COL_Y = Param.column("col_y", "y column", max_chars=_NAME_CHARS, note=words.column_note)
PARAMS = (DATASET, TABLE, ROW_SEED)
#: The uploader's widget key, and where the table read from its file is kept.
UPLOAD_KEY = "table_file"
_UPLOADED = "_table_upload"


@dataclass(frozen=True)
class Upload:
    """The last file read: its name, size, the table (last good) and any error."""

    name: str
    size: int
    table: tb.Table | None
    error: str | None = None


def _drop_file(file_id: str) -> None:
    """Free a file's bytes in Streamlit's upload store (the table is read)."""
    ctx = get_script_run_ctx()
    remove = getattr(ctx.uploaded_file_mgr, "remove_file", None) if ctx else None
    if ctx is not None and remove is not None:
        remove(ctx.session_id, file_id)


def _read_upload() -> None:
    """The uploader changed: read the new file (then drop it), or forget a removed one."""
    file = st.session_state.get(UPLOAD_KEY)
    if file is None:  # the learner removed the file
        st.session_state.pop(_UPLOADED, None)
        return
    if not isinstance(file, UploadedFile):  # already read and dropped
        return
    previous = st.session_state.get(_UPLOADED)
    data = file.getvalue()
    try:
        upload = Upload(file.name, len(data), tb.parse_upload(data))
    except ValueError as exc:
        last = previous.table if previous is not None else None
        upload = Upload(file.name, len(data), last, str(exc))
    finally:
        del data
        _drop_file(file.file_id)
    st.session_state[_UPLOADED] = upload


def uploaded_table(state: PageState) -> tb.Table:
    """The uploader and what it read; the view ends (a note) until a file is read."""
    st.file_uploader(
        words.UPLOAD_LABEL,
        type=["csv", "txt", "tsv"],
        key=UPLOAD_KEY,
        help=words.UPLOAD_HELP,
        on_change=_read_upload,
        max_upload_size=1,  # MB, the least it takes; core.table reads 256 KB of it
    )
    st.caption(words.UPLOAD_NOT_IN_LINK)
    upload: Upload | None = st.session_state.get(_UPLOADED)
    if upload is not None and upload.error:
        page.show_error(ValueError(upload.error))
    if upload is None or upload.table is None:
        st.info(words.UPLOAD_WAITING)
        raise page.NothingToDraw("upload")
    if upload.error:
        st.caption("The charts show the last file that could be read.")
    st.caption(words.describe_upload(upload.name, upload.size, upload.table))
    return upload.table


def read_table(state: PageState, key: str, columns: int = 1) -> tb.Table:
    """The data-set picker and the paste box or uploader; the table read.

    A table with fewer than ``columns`` number columns is an error shown here.
    """
    name = state.widget("dataset")
    if name == "upload":
        table = uploaded_table(state)
    else:
        text = state.widget("table") if name == "paste" else dataset_text(name)
        table = page.compute(f"table_{key}", tb.parse_table, text)
    return page.compute(f"columns_{key}", tb.require_columns, table, columns)


def column(state: PageState, param: Param, table: tb.Table, fallback: int) -> str:
    """A select over the table's number columns, bound to ``param`` (URL state)."""
    return str(state.widget(param.name, options=table.names, fallback=fallback))


def chosen(
    state: PageState, table: tb.Table, names: tuple[str, ...], limit: int, key: str
) -> tb.Chosen:
    """The chosen columns (rows dropped, sampled past ``limit``), and the note."""
    seed = state.value("rows_seed")
    picked = page.compute(f"chosen_{key}", tb.pick_columns, table, names, seed, limit)
    if picked.sampled:
        state.widget("rows_seed")
    st.caption(words.describe_rows(table, picked))
    return picked
