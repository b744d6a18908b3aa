"""Bounds on the files a session keeps on the server (Streamlit's upload manager).

Streamlit keeps every file a session uploads, in memory, until the session ends
or the browser deletes it: a client that PUTs file after file (each within
``serving.guard.UPLOAD_BODY_LIMIT``) under new file ids would park them all.
``bounded_add_file`` wraps ``MemoryUploadedFileManager.add_file`` so a session
keeps at most :data:`MAX_FILES_PER_SESSION` files, its newest: adding one more
drops the oldest. The app's one uploader holds one file, and the app itself
drops that file once it has read it (``ui.table_entry``), so a learner never
notices the bound. What a session keeps is freed with it, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Files one session may keep on the server at once (the newest ones).
MAX_FILES_PER_SESSION = 2

AddFile = Callable[[Any, str, Any], None]


def session_file_ids(manager: Any, session_id: str) -> list[str]:
    """The ids of the files ``session_id`` keeps, oldest first."""
    storage = getattr(manager, "file_storage", {}).get(session_id)
    return list(storage) if storage else []


def bounded_add_file(add_file: AddFile) -> AddFile:
    """Wrap ``add_file`` so that a session keeps only its newest files."""

    def add_file_bounded(manager: Any, session_id: str, file: Any) -> None:
        add_file(manager, session_id, file)
        for file_id in session_file_ids(manager, session_id)[:-MAX_FILES_PER_SESSION]:
            manager.remove_file(session_id, file_id)

    add_file_bounded.__wrapped__ = add_file  # type: ignore[attr-defined]
    add_file_bounded.bounded = True  # type: ignore[attr-defined]
    return add_file_bounded
