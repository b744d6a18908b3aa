"""What one app process exposes: the ASGI ``Guard`` in front of Streamlit's app.

``serve.py`` installs it (``install_guard_hook``). It cuts what Streamlit serves to
what the app needs:

- ``/_stcore/metrics`` answers this machine only (``INTERNAL_PATHS``);
- the upload endpoint (``UPLOAD_PATHS``) takes one bounded file at a time: a PUT
  must say how long its body is (``Content-Length``) and be at most
  ``UPLOAD_BODY_LIMIT`` bytes, or it is refused before Streamlit reads a byte,
  and a body longer than it said is cut off there;
- every HTTP response carries the Content-Security-Policy and anti-framing
  headers (``security_headers``);
- static files are sent gzip-compressed from memory and cached by browsers
  (``serving.static_cache``).

``deploy/haproxy.cfg`` does the same at the front of a class set-up. The files a
session may keep on the server are bounded in ``serving.uploads``.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from serving.static_cache import precompressed

#: Paths answered only to a client on this machine (loopback): Streamlit's metrics.
#: Matched on the decoded path, under any base path. deploy/haproxy.cfg denies it.
INTERNAL_PATHS = re.compile(r"/_stcore/metrics(?:/|$)")
#: Streamlit's upload endpoint (``/_stcore/upload_file/<session>/<file>``).
UPLOAD_PATHS = re.compile(r"/_stcore/upload_file(?:/|$)")
#: The largest file taken: what the app's uploader lets through (``max_upload_size``
#: of 1 MB, checked in the browser, which then says "File must be 1.0MB or
#: smaller" and sends nothing). ``core.table`` reads at most 256 KB of it and says
#: so in words; refused here, a learner would see only "status code 413".
UPLOAD_FILE_BYTES = 1024 * 1024
#: Room for the multipart framing around the file (boundaries, part headers and
#: the file's name, which a browser keeps under 255 bytes).
UPLOAD_FRAMING_BYTES = 8 * 1024
#: The longest upload request body taken.
UPLOAD_BODY_LIMIT = UPLOAD_FILE_BYTES + UPLOAD_FRAMING_BYTES

ASGIScope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]
ASGIApp = Callable[[ASGIScope, ASGIReceive, ASGISend], Awaitable[None]]


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources (``'sha256-…'``) allowing exactly the inline scripts of ``html``."""
    bodies = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    digests = (hashlib.sha256(body.encode()).digest() for body in bodies)
    return [f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests]


def content_security_policy() -> str:
    """The page's Content-Security-Policy: this server only, nothing from the web.

    Streamlit's ``index.html`` has one inline script (allowed by its hash, read
    from the installed Streamlit); its components set inline styles, hence
    ``'unsafe-inline'`` for styles only. ``tests/e2e/test_server_exposure.py``
    opens every page and view in Chromium and finds no violation.
    """
    import streamlit

    index = Path(streamlit.__file__).parent / "static" / "index.html"
    hashes = inline_script_hashes(index.read_text("utf-8"))
    # blob: the live chart (ui/live_chart.py) is a Streamlit Custom Component v2,
    # whose inline module Streamlit's frontend imports from a blob: URL it makes
    # itself; plotly-basic.min.js comes from this server ('self').
    scripts = " ".join(["'self'", *hashes, "blob:", "'wasm-unsafe-eval'"])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers() -> list[tuple[str, str]]:
    """The headers every HTTP response gets (deploy/haproxy.cfg sets the same)."""
    return [
        ("Content-Security-Policy", content_security_policy()),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ]


def is_loopback(client: object) -> bool:
    """True if an ASGI ``client`` (host, port) is on this machine."""
    if not isinstance(client, (tuple, list)) or not client:
        return False
    try:
        address = ipaddress.ip_address(str(client[0]))
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def upload_refusal(scope: ASGIScope) -> tuple[int, bytes] | None:
    """Why an upload request is refused before its body is read (status, message).

    A PUT must declare its length (one ``Content-Length``, digits only) and that
    length must be at most :data:`UPLOAD_BODY_LIMIT`; other methods (DELETE,
    OPTIONS: no body) pass.
    """
    if scope.get("method") != "PUT":
        return None
    lengths = [
        v for k, v in scope.get("headers", []) if bytes(k).lower() == b"content-length"
    ]
    if len(lengths) != 1 or not bytes(lengths[0]).strip().isdigit():
        return 411, b"Length Required"
    if int(bytes(lengths[0])) > UPLOAD_BODY_LIMIT:
        return 413, b"File too large: at most 1 MB"
    return None


def capped(receive: ASGIReceive, limit: int) -> ASGIReceive:
    """``receive`` that ends the request (a disconnect) once ``limit`` bytes came."""
    taken = 0

    async def receive_capped() -> ASGIMessage:
        nonlocal taken
        message = await receive()
        if message.get("type") == "http.request":
            taken += len(message.get("body", b""))
            if taken > limit:
                return {"type": "http.disconnect"}
        return message

    return receive_capped


class Guard:
    """ASGI wrapper of Streamlit's app: internal paths, bounded uploads, headers.

    HTTP requests to ``INTERNAL_PATHS`` from another machine get a 404, and an
    upload that is too long (or does not say how long) a 413 (411), before
    Streamlit sees them, so their body is never read. Every HTTP response gets
    ``headers`` (replacing any of the same name). Websockets and the lifespan
    pass through untouched.
    """

    def __init__(self, app: ASGIApp, headers: list[tuple[str, str]]) -> None:
        # Static files gzip-compressed once, cached by browsers (serving.static_cache)
        self.app: ASGIApp = precompressed(app)
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers]
        self.names = {name for name, _ in self.headers}

    async def __call__(
        self, scope: ASGIScope, receive: ASGIReceive, send: ASGISend
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        if INTERNAL_PATHS.search(path) and not is_loopback(scope.get("client")):
            await self.refuse(send)
            return
        if UPLOAD_PATHS.search(path):
            refusal = upload_refusal(scope)
            if refusal is not None:
                await self.refuse(send, *refusal)
                return
            receive = capped(receive, UPLOAD_BODY_LIMIT)
        # The page drops a file's bytes once it has read them (ui/table_entry.py), so
        # the uploader's later DELETE finds nothing: already gone is done (204).
        gone = bool(UPLOAD_PATHS.search(path)) and scope.get("method") == "DELETE"
        quiet = False

        async def send_with_headers(message: ASGIMessage) -> None:
            nonlocal quiet
            if gone and message["type"] == "http.response.start":
                quiet = message.get("status") == 404
                if quiet:
                    message = {**message, "status": 204, "headers": []}
            if quiet and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                kept = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if bytes(name).lower() not in self.names
                ]
                message = {**message, "headers": [*kept, *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def refuse(
        self, send: ASGISend, status: int = 404, body: bytes = b"Not Found"
    ) -> None:
        """Answer ``status`` with a short plain-text ``body`` (and the headers)."""
        headers = [(b"content-type", b"text/plain; charset=utf-8")]
        headers += [(b"content-length", str(len(body)).encode()), *self.headers]
        await send(
            {"type": "http.response.start", "status": status, "headers": headers}
        )
        await send({"type": "http.response.body", "body": body})
