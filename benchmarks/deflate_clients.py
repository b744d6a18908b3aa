"""Run a student benchmark with websockets that negotiate compression, as browsers do.

The simulated students (``benchmarks/classroom/student.py``) talk through
websocket-client, which never offers ``permessage-deflate``: against a server
with ``server.enableWebsocketCompression`` they get uncompressed frames, so
``rerun_cpu`` and ``classroom_load`` would not see what compression costs.
Chromium, Firefox and Safari all offer it. This runs either benchmark with
each student's connection opened by the ``websockets`` library instead
(``compression="deflate"``, the extension a browser offers), through the same
``Student`` code::

    python -m benchmarks.deflate_clients rerun_cpu --pages equations --changes 30
    python -m benchmarks.deflate_clients classroom_load --students 60 --seconds 12

Set ``STREAMLIT_SERVER_ENABLE_WEBSOCKET_COMPRESSION=false`` in the environment
to measure the same clients against a server that refuses compression (the
server a benchmark starts inherits the environment; Streamlit reads it over
``.streamlit/config.toml``). The last line printed counts the connections that
really were compressed.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import websocket  # websocket-client: its exceptions are what Student catches
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.sync.client import ClientConnection, connect

#: Connections opened, and those whose handshake agreed on permessage-deflate.
OPENED = {"all": 0, "deflate": 0}


class DeflateSocket:
    """The part of ``websocket.WebSocket`` that ``Student`` uses, over ``websockets``."""

    def __init__(self, connection: ClientConnection, timeout: float | None) -> None:
        self.connection = connection
        self.timeout = timeout

    def getheaders(self) -> dict[str, str]:
        """The handshake response's headers, names in lower case."""
        response = self.connection.response
        headers = response.headers.raw_items() if response is not None else []
        return {k.lower(): v for k, v in headers}

    def send_binary(self, data: bytes) -> None:
        try:
            self.connection.send(data)
        except ConnectionClosed as exc:
            raise websocket.WebSocketConnectionClosedException(str(exc)) from exc

    def recv(self) -> bytes | str:
        try:
            return self.connection.recv(timeout=self.timeout)
        except ConnectionClosed as exc:
            raise websocket.WebSocketConnectionClosedException(str(exc)) from exc
        except TimeoutError as exc:
            raise websocket.WebSocketTimeoutException(str(exc)) from exc

    def close(self, timeout: float | None = None) -> None:
        self.connection.close()


def create_connection(
    url: str,
    subprotocols: Sequence[str] = (),
    header: Sequence[str] = (),
    timeout: float | None = None,
    **_: Any,
) -> DeflateSocket:
    """``websocket.create_connection``'s signature, offering permessage-deflate."""
    headers = [tuple(h.split(": ", 1)) for h in header]
    try:
        connection = connect(
            url,
            subprotocols=list(subprotocols),  # type: ignore[arg-type]
            additional_headers=headers,  # type: ignore[arg-type]
            compression="deflate",
            open_timeout=timeout,
            max_size=None,
            ping_interval=None,
        )
    except InvalidHandshake as exc:
        raise websocket.WebSocketException(str(exc)) from exc
    connection.__enter__()  # held open by the student; close() ends it
    OPENED["all"] += 1
    response = connection.response
    agreed = response.headers.get("Sec-WebSocket-Extensions", "") if response else ""
    if "permessage-deflate" in agreed:
        OPENED["deflate"] += 1
    return DeflateSocket(connection, timeout)


def main(argv: Sequence[str] | None = None) -> int:
    """``deflate_clients <benchmark> [its options]``: that benchmark's main, patched."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("rerun_cpu", "classroom_load"):
        print("usage: python -m benchmarks.deflate_clients rerun_cpu|classroom_load …")
        return 2
    # every Student from now on
    websocket.create_connection = create_connection  # type: ignore[assignment]
    module = importlib.import_module(f"benchmarks.{args[0]}")
    code = module.main(args[1:])
    print(
        f"\nwebsockets opened: {OPENED['all']}, "
        f"with permessage-deflate agreed: {OPENED['deflate']}"
    )
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
