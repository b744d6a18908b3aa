"""Static files compressed once per process, kept in memory, and cached by browsers.

A first visit fetches Streamlit's JavaScript bundles (``/static/...``, ~9 MB for a
page) and the live charts' ``plotly-basic.min.js`` (``/app/static/...``, 1.2 MB).
Streamlit 1.67 sends its bundles uncompressed (its gzip middleware skips
``/static/`` on purpose: it would compress them again on every request), and
compresses the app's static files again on every request with no
``Cache-Control``, so a browser asks for them on every visit. For a class that
opens one link at the same moment over school Wi-Fi, that is 60 × 14 MB through
the air and 60 compressions of Plotly on the server.

:class:`Precompressed` answers ``GET``/``HEAD`` of those files itself when the
browser accepts gzip: each file is compressed once (in a worker thread; requests
that arrive meanwhile wait for the same result), kept in memory (bounded), and
sent with ``Content-Encoding: gzip``, ``Vary: Accept-Encoding``, an ``ETag``
(a repeat visit gets ``304 Not Modified``) and ``Cache-Control``: Streamlit's
content-hashed bundles for a year (``immutable``, as Streamlit does), the app's
files for a day. Everything else, a ``Range`` request, or a browser that does
not accept gzip goes to Streamlit unchanged.

>>> accepts_gzip([(b"accept-encoding", b"gzip, deflate, br")])
True
>>> app_file(APP_STATIC, "/app/static/../serve.py") is None  # never outside static/
True
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import mimetypes
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ASGIScope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]
ASGIApp = Callable[[ASGIScope, ASGIReceive, ASGISend], Awaitable[None]]

#: The app's static files (``server.enableStaticServing``): ``static/`` beside app.py.
APP_STATIC = Path(__file__).resolve().parent.parent / "static"
#: Suffixes worth compressing (fonts in woff2 and images already are).
COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt"})
#: Streamlit's bundles are content-hashed: a year, as Streamlit itself says.
BUNDLE_CACHE = "public, immutable, max-age=31536000"
#: The app's files keep their name across versions (``plotly-basic.min.js``): a day.
APP_CACHE = "public, max-age=86400"
#: Largest file compressed, and the most compressed bytes kept per process.
MAX_FILE_BYTES = 16 * 2**20
MAX_CACHED_BYTES = 48 * 2**20
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Compressed:
    """One file, gzip-compressed, with what its response says about it."""

    body: bytes
    etag: bytes
    content_type: bytes
    cache_control: bytes
    stamp: tuple[int, int]  # the file's (mtime_ns, size) when compressed


def _inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it stays inside ``root`` and is a file, else None."""
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    candidate = (root / relative).resolve()
    try:
        candidate.relative_to(root.resolve())
    except ValueError:
        return None
    return candidate if candidate.is_file() else None


def app_file(app_static: Path, path: str) -> Path | None:
    """The app's static file that ``path`` (``/app/static/<file>``) names, if any."""
    prefix = "/app/static/"
    return _inside(app_static, path[len(prefix) :]) if path.startswith(prefix) else None


def streamlit_static() -> Path:
    """Streamlit's own frontend files (``index.html``, ``static/js/…``)."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    """True if ``Accept-Encoding`` lists gzip (or ``*``) without ``q=0``."""
    for name, value in headers:
        if bytes(name).lower() != b"accept-encoding":
            continue
        for item in bytes(value).decode("latin-1").split(","):
            token, _, params = item.strip().partition(";")
            if token.strip().lower() not in ("gzip", "*"):
                continue
            quality = params.strip().replace(" ", "")
            if quality.startswith("q="):
                try:
                    if float(quality[2:]) == 0:
                        continue
                except ValueError:
                    continue
            return True
    return False


def _header(headers: list[tuple[bytes, bytes]], wanted: bytes) -> bytes | None:
    for name, value in headers:
        if bytes(name).lower() == wanted:
            return bytes(value)
    return None


def compress(path: Path, cache_control: str) -> Compressed | None:
    """``path`` compressed, or None if it is too big to keep."""
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:
        return None
    raw = path.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=12).hexdigest()
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind in ("text/javascript", "application/x-javascript"):
        kind = "application/javascript"  # as Streamlit sends it
    return Compressed(
        body=gzip.compress(raw, GZIP_LEVEL, mtime=0),
        etag=f'"{digest}-gz"'.encode(),
        content_type=kind.encode(),
        cache_control=cache_control.encode(),
        stamp=(stat.st_mtime_ns, stat.st_size),
    )


class Precompressed:
    """ASGI wrapper: serve compressible static files gzip-compressed from memory."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        app_static: Path = APP_STATIC,
        bundles: Path | None = None,
        base_url: str = "",
    ) -> None:
        self.app = app
        self.app_static = app_static
        self.bundles = bundles if bundles is not None else streamlit_static()
        self.base = "/" + base_url.strip("/") if base_url.strip("/") else ""
        self.cache: dict[Path, Compressed] = {}
        self.pending: dict[Path, asyncio.Future[Compressed | None]] = {}
        self.lock = threading.Lock()  # cache size bookkeeping across event loops

    def file_for(self, path: str) -> tuple[Path, str] | None:
        """The file a request path names and its Cache-Control, if we serve it."""
        if self.base:
            if not path.startswith(self.base + "/"):
                return None
            path = path[len(self.base) :]
        if path.startswith("/static/"):
            found = _inside(self.bundles, path.lstrip("/"))
            control = BUNDLE_CACHE
        else:
            found = app_file(self.app_static, path)
            control = APP_CACHE
        if found is None or found.suffix.lower() not in COMPRESSIBLE:
            return None
        return found, control

    async def compressed(self, path: Path, control: str) -> Compressed | None:
        """The compressed file (computed once; concurrent requests share it)."""
        stat = path.stat()
        known = self.cache.get(path)
        if known is not None and known.stamp == (stat.st_mtime_ns, stat.st_size):
            return known
        waiting = self.pending.get(path)
        if waiting is not None:
            return await asyncio.shield(waiting)
        future: asyncio.Future[Compressed | None] = (
            asyncio.get_running_loop().create_future()
        )
        self.pending[path] = future
        try:
            result = await asyncio.to_thread(compress, path, control)
            if result is not None:
                self.keep(path, result)
            future.set_result(result)
            return result
        except OSError:
            future.set_result(None)
            return None
        finally:
            del self.pending[path]

    def keep(self, path: Path, entry: Compressed) -> None:
        """Remember ``entry`` unless the cache would pass its bound."""
        with self.lock:
            kept = sum(len(e.body) for p, e in self.cache.items() if p != path)
            if kept + len(entry.body) <= MAX_CACHED_BYTES:
                self.cache[path] = entry

    async def __call__(
        self, scope: ASGIScope, receive: ASGIReceive, send: ASGISend
    ) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = list(scope.get("headers", []))
        found = self.file_for(str(scope.get("path", "")))
        if (
            found is None
            or not accepts_gzip(headers)
            or _header(headers, b"range") is not None
        ):
            await self.app(scope, receive, send)
            return
        entry = await self.compressed(*found)
        if entry is None:
            await self.app(scope, receive, send)
            return
        await self.answer(scope, headers, entry, send)

    @staticmethod
    async def answer(
        scope: ASGIScope,
        request: list[tuple[bytes, bytes]],
        entry: Compressed,
        send: ASGISend,
    ) -> None:
        """200 with the compressed body, or 304 when the browser has this version."""
        common = [
            (b"etag", entry.etag),
            (b"cache-control", entry.cache_control),
            (b"vary", b"Accept-Encoding"),
        ]
        match = _header(request, b"if-none-match")
        if match is not None and entry.etag in [
            tag.strip() for tag in match.split(b",")
        ]:
            await send(
                {"type": "http.response.start", "status": 304, "headers": common}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        headers = [
            (b"content-type", entry.content_type),
            (b"content-encoding", b"gzip"),
            (b"content-length", str(len(entry.body)).encode()),
            *common,
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        body = b"" if scope.get("method") == "HEAD" else entry.body
        await send({"type": "http.response.body", "body": body})


def precompressed(app: ASGIApp) -> Precompressed:
    """``app`` behind :class:`Precompressed`, with Streamlit's base URL path."""
    try:
        from streamlit import config

        base = str(config.get_option("server.baseUrlPath") or "")
    except Exception:
        base = ""
    return Precompressed(app, base_url=base)


__all__ = ["Compressed", "Precompressed", "accepts_gzip", "compress", "precompressed"]
