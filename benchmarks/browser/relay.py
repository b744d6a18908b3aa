"""A counting TCP relay between the browser and the server: the bytes on the wire.

Playwright reports a websocket message's payload after the browser has
inflated it, so it cannot say what ``permessage-deflate`` saved. The drag
benchmark points Chromium at this relay instead of the server; the relay
forwards every byte both ways unchanged (the browser and the server still
negotiate compression end to end) and counts them. What it counts is the TCP
payload of every connection (``down``, ``up``), and apart the server's bytes on
websocket connections (``ws_down``): the frames as sent, compressed, with their
headers; not the IP and TCP headers.

Why a relay and not the server's ``/proc/<pid>/io``: that file counts
``write()``-family calls only (a socket ``send()`` does not add to it, and a log
line does), and it needs the server's pid, which ``--url`` (e.g. HAProxy in
front) does not give. The relay works the same in front of any server.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHUNK = 1 << 16


@dataclass
class Counts:
    """Bytes relayed so far: ``down`` server → browser, ``up`` browser → server.

    ``ws_down``: the part of ``down`` on websocket connections (those whose first
    request asks for ``Upgrade: websocket``), without the HTTP files a page may
    load meanwhile.
    """

    down: int = 0
    up: int = 0
    ws_down: int = 0
    connections: int = 0
    errors: list[str] = field(default_factory=list)


async def _pump(
    source: asyncio.StreamReader,
    sink: asyncio.StreamWriter,
    counts: Counts,
    directions: tuple[str, ...],
    first: bytes = b"",
) -> None:
    try:
        if first:
            counts.up += len(first)
            sink.write(first)
        while data := await source.read(CHUNK):
            for direction in directions:
                setattr(counts, direction, getattr(counts, direction) + len(data))
            sink.write(data)
            await sink.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(OSError, RuntimeError):
            sink.close()


def _handler(
    host: str, port: int, counts: Counts
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    """What the relay does with each connection: open one upstream, pump both ways."""

    async def connected(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        counts.connections += 1
        try:
            up_reader, up_writer = await asyncio.open_connection(host, port)
        except OSError as exc:
            counts.errors.append(f"relay: {exc}")
            writer.close()
            return
        first = await reader.read(CHUNK)  # the request line and headers
        websocket = b"upgrade: websocket" in first.lower()
        down = ("down", "ws_down") if websocket else ("down",)
        await asyncio.gather(
            _pump(reader, up_writer, counts, ("up",), first),
            _pump(up_reader, writer, counts, down),
        )

    return connected


@contextlib.contextmanager
def relay(target_url: str) -> Iterator[tuple[str, Counts]]:
    """Serve a relay to ``target_url`` on 127.0.0.1; yield its URL and its counts.

    The relay runs its own asyncio loop in a daemon thread (asyncio sets
    ``TCP_NODELAY`` on both sides, so it adds no Nagle delay).
    """
    parts = urlsplit(target_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    counts = Counts()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, asyncio.Server] = {}

    async def start() -> None:
        handler = _handler(host, port, counts)
        holder["server"] = await asyncio.start_server(handler, "127.0.0.1", 0)
        ready.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=run, name="wire-relay", daemon=True)
    thread.start()
    if not ready.wait(10):
        raise RuntimeError("the relay did not start")
    listening = holder["server"].sockets[0].getsockname()[1]
    try:
        yield f"{parts.scheme}://127.0.0.1:{listening}{parts.path}", counts
    finally:
        # Close the listener and end every open connection's pumps before the loop
        # stops, so no task is left pending (Python warns about those at exit).
        done = asyncio.run_coroutine_threadsafe(_shut(holder["server"]), loop)
        with contextlib.suppress(Exception):
            done.result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        if not thread.is_alive():
            loop.close()


async def _shut(server: asyncio.Server) -> None:
    """Stop listening and cancel every connection still being relayed."""
    server.close()
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
