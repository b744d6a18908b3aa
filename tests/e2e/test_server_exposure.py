"""What one app process (``python serve.py``) exposes, checked from the outside.

- Streamlit's upload endpoint takes one small file at a time, and a session keeps
  at most two: 200 real uploads into one live session (XSRF token included) leave
  two files on the server and its memory where it was; a bigger one is refused.
- ``/_stcore/metrics`` answers this machine only.
- Every response carries the Content-Security-Policy and anti-framing headers,
  and every page and view renders under that policy in Chromium with no violation.
- Another site cannot frame the app.
- The server never calls out: Streamlit's external-IP lookup (at start, and on
  a websocket from a foreign origin) reaches nobody. The server runs with its
  HTTP(S) proxy pointed at a local recorder, which ``requests`` (what Streamlit
  uses) honours, so any such call would land there.
"""

from __future__ import annotations

import ast
import contextlib
import http.client
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import websocket
from playwright.sync_api import Browser, Page, expect

import serve
from benchmarks.classroom.student import Student
from benchmarks.common.server import rss_bytes
from benchmarks.common.targets import Control
from serving import guard, uploads
from tests.e2e.conftest import ROOT, Server, free_port, open_page, wait_healthy
from tooling.browser import VIEWPORT
from ui.topics import TOPICS, Topic

UPLOADS = 200
UPLOAD_BYTES = guard.UPLOAD_FILE_BYTES - 1024  # the most one upload may be, nearly
TOO_BIG = guard.UPLOAD_BODY_LIMIT + 1  # one byte too many: refused before it is read


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body, error statuses included."""
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, _headers(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, _headers(error.headers), error.read()


def _headers(headers: object) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}  # type: ignore[attr-defined]


def host_port(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


# -- uploads --------------------------------------------------------------------


def xsrf_cookie(url: str) -> str:
    """``_streamlit_xsrf=...`` as ``/_stcore/health`` hands it to anyone."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as reply:
        cookies = reply.headers.get_all("Set-Cookie") or []
    return next(c.split(";", 1)[0] for c in cookies if c.startswith("_streamlit_xsrf="))


def put_file(url: str, path: str, cookie: str, size: int) -> int | str:
    """PUT a ``size``-byte file as Streamlit's uploader does; the status (or how it
    ended, when the server closed the connection before taking the body)."""
    boundary = uuid.uuid4().hex
    body = b"".join(
        [
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            'filename="data.csv"\r\nContent-Type: text/csv\r\n\r\n'.encode(),
            b"1," * (size // 2),
            f"\r\n--{boundary}--\r\n".encode(),
        ]
    )
    connection = http.client.HTTPConnection(*host_port(url), timeout=10)
    try:
        connection.putrequest("PUT", path)
        connection.putheader(
            "Content-Type", f"multipart/form-data; boundary={boundary}"
        )
        connection.putheader("Content-Length", str(len(body)))
        connection.putheader("Cookie", cookie)
        connection.putheader("X-Xsrftoken", cookie.split("=", 1)[1])
        connection.endheaders()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.send(body)
        try:
            reply = connection.getresponse()
            reply.read()
            return reply.status
        except (ConnectionError, http.client.HTTPException) as exc:
            return type(exc).__name__
    finally:
        connection.close()


def uploaded_bytes_held(url: str) -> int:
    """Bytes in the server's upload store, from ``/_stcore/metrics`` (loopback)."""
    _, _, text = fetch(f"{url}/_stcore/metrics")
    held = re.findall(rb'cache_type="UploadedFileManager"[^}]*}\s+(\d+)', text)
    return sum(int(value) for value in held)


def test_uploads_are_bounded_and_memory_does_not_grow(server: Server) -> None:
    student = Student(server.url, "equations", Control("a"))
    student.connect()
    try:
        student.open_page()  # a live session: the upload endpoint wants one
        cookie = xsrf_cookie(server.url)
        before = rss_bytes(server.process.pid)
        outcomes: dict[int | str, int] = {}
        for i in range(UPLOADS):
            path = f"/_stcore/upload_file/{student.session_id}/file-{i}"
            if i % 2:  # the same path, percent-encoded
                path = path.replace("_stcore", "%5Fstcore")
            outcome = put_file(server.url, path, cookie, UPLOAD_BYTES)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        held = uploaded_bytes_held(server.url)
        after = rss_bytes(server.process.pid)
        too_big = {
            put_file(
                server.url,
                f"/_stcore/upload_file/{student.session_id}/b{i}",
                cookie,
                TOO_BIG,
            )
            for i in range(20)
        }
        student.change()  # the session still works
    finally:
        student.close()
    print(
        f"\n{UPLOADS} uploads of {UPLOAD_BYTES / 1024:.0f} KB into one session: "
        f"{outcomes}; held {held / 1024:.0f} KB; server RSS {before / 1e6:.1f} MB -> "
        f"{after / 1e6:.1f} MB; 20 of {TOO_BIG / 1024:.0f} KB: {too_big}"
    )
    assert outcomes == {204: UPLOADS}  # each taken...
    assert held == uploads.MAX_FILES_PER_SESSION * UPLOAD_BYTES  # ...two kept
    assert too_big == {413}
    # kept, they would hold ~200 MB; what is left is noise
    assert after - before < 25e6


# -- headers and the page in a browser -------------------------------------------


def test_every_response_carries_the_security_headers(server: Server) -> None:
    status, _, html = fetch(f"{server.url}/equations")
    assert status == 200
    script = html.split(b'src="./', 1)[1].split(b'"', 1)[0].decode()
    paths = ["/", "/equations", f"/{script}", "/favicon.png", "/_stcore/health"]
    paths += ["/_stcore/host-config", "/_stcore/upload_file/x/y", "/no/such/page"]
    expected = dict(serve.security_headers())
    for path in paths:
        _, headers, _ = fetch(f"{server.url}{path}")
        for name, value in expected.items():
            assert headers.get(name.lower()) == value, (path, name)


def views_of(topic: Topic) -> list[str]:
    """The ``?view=`` words of a page, read from the views its script imports."""
    keys = []
    for node in ast.walk(ast.parse(topic.path.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "views."
        ):
            package = ROOT.joinpath(*(node.module or "").split("."))
            for alias in node.names:
                source = (package / f"{alias.name}.py").read_text()
                keys += re.findall(r"\bView\(\s*\"([^\"]+)\"", source)
    return keys


#: Collects what the Content-Security-Policy blocks, from the first script on.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


def test_every_page_and_view_renders_under_the_policy(
    server: Server, page: Page
) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    opened = []
    violations = []
    for topic in TOPICS:
        for view in views_of(topic):
            open_page(page, f"{server.url}/{topic.slug}?view={view}")
            expect(page.locator('[data-testid="stException"]')).to_have_count(0)
            expect(page.locator("h1").first).to_be_visible()
            violations += page.evaluate("window.__violations")
            opened.append(f"{topic.slug}?view={view}")
    open_page(page, server.url)
    violations += page.evaluate("window.__violations")
    assert len(opened) >= 2 * len(TOPICS)
    assert violations == []
    # (the page fixture also fails the test on any console error: a violation is one)


@contextlib.contextmanager
def site_framing(url: str) -> Iterator[str]:
    """Another site (another port on this machine) whose page frames ``url``."""
    page = f'<iframe src="{url}" width="900" height="700"></iframe>'.encode()

    class Framer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Framer)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def test_another_site_cannot_frame_the_app(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    refused: list[str] = []
    try:
        tab = context.new_page()
        tab.on("console", lambda message: refused.append(message.text))
        with site_framing(f"{server.url}/equations") as framer:
            tab.goto(framer, wait_until="load")  # the frame has loaded too
        (frame,) = tab.main_frame.child_frames
        assert frame.url.startswith("chrome-error://")  # refused, not the app
        assert any("frame-ancestors" in text for text in refused)
    finally:
        context.close()


# -- metrics and calls out -------------------------------------------------------


@dataclass
class Recorder:
    """A local TCP listener standing in for the web: it notes every connection."""

    sock: socket.socket
    seen: list[bytes] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                with contextlib.suppress(OSError):
                    self.seen.append(connection.recv(200).split(b"\r\n", 1)[0])


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    sock = socket.create_server(("127.0.0.1", 0))
    rec = Recorder(sock)
    thread = threading.Thread(target=rec.serve, daemon=True)
    thread.start()
    yield rec
    sock.close()


def lan_address() -> str | None:
    """This machine's address on its network (a UDP "connect" sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only a route lookup
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


#: Every interface, as a teacher serves a room (docs/serving.md).
ROOM_ADDRESS = ("--server.address", "0.0.0.0")


@dataclass
class RoomServer:
    """``python serve.py --server.address 0.0.0.0``: a room's set-up, the LAN way."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path


@pytest.fixture(scope="module")
def room_server(
    tmp_path_factory: pytest.TempPathFactory, recorder: Recorder
) -> Iterator[RoomServer]:
    port = free_port()
    log = tmp_path_factory.mktemp("room") / "serve.log"
    env = {k: v for k, v in os.environ.items() if k.lower() != "no_proxy"}
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env[name] = recorder.url
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--server.port", str(port), *ROOM_ADDRESS],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process, log, timeout_s=60)
        # The start banner comes after Streamlit's external-IP lookup.
        deadline = time.monotonic() + 30
        while "Local URL" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Local URL" in log.read_text()
        yield RoomServer(port, process, log)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_recorder_sees_what_requests_would_send(recorder: Recorder) -> None:
    """The check is live: a lookup through the proxy variables would be recorded."""
    seen = len(recorder.seen)
    proxies = {"http": recorder.url, "https": recorder.url}
    with contextlib.suppress(requests.RequestException):
        requests.get("http://checkip.example/", proxies=proxies, timeout=2)
    deadline = time.monotonic() + 5
    while len(recorder.seen) == seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert recorder.seen[seen:] == [b"GET http://checkip.example/ HTTP/1.1"]
    del recorder.seen[seen:]


def test_no_outside_call_at_start_or_for_a_foreign_origin(
    room_server: RoomServer, recorder: Recorder
) -> None:
    banner = room_server.log.read_text()
    assert "External URL" not in banner  # Streamlit did not learn it from the web
    for origin in ("http://evil.example", "https://203.0.113.9:8501"):
        with pytest.raises(websocket.WebSocketBadStatusException, match="403"):
            websocket.create_connection(
                f"ws://127.0.0.1:{room_server.port}/_stcore/stream",
                origin=origin,
                subprotocols=["streamlit"],
                timeout=10,
            )
    assert recorder.seen == []


def test_metrics_answer_this_machine_only(room_server: RoomServer) -> None:
    status, _, body = fetch(f"http://127.0.0.1:{room_server.port}/_stcore/metrics")
    assert status == 200  # the teacher's own machine may look
    assert b"session" in body
    address = lan_address()
    if address is None:
        pytest.skip("this machine has no network address but loopback")
    for path in ("/_stcore/metrics", "/%5Fstcore/metrics", "/_stcore/metrics?x=1"):
        status, _, body = fetch(f"http://{address}:{room_server.port}{path}")
        assert status == 404, path
        assert b"session" not in body
    # ... while the app itself answers there
    assert fetch(f"http://{address}:{room_server.port}/_stcore/health")[0] == 200
