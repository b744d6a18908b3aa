"""A class served by two app processes behind HAProxy (scripts/serve_class.sh).

Proves what docs/serving.md promises: each student sticks to one process (by
cookie, not by IP: here every student has the same address, 127.0.0.1), both
processes take students, a dropped connection resumes its session on its own
process, static files are gzip-compressed, a real browser works through it,
the front keeps Streamlit's metrics and upload endpoint in and sets the security
headers, and stopping the script stops all three processes. (A crashed process:
tests/e2e/test_class_fault.py.)
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import serve
from benchmarks import classroom_load
from benchmarks.classroom.student import Student
from benchmarks.common.targets import Control
from serving import guard
from tests.e2e.conftest import (
    ROOT,
    free_port,
    open_page,
    wait_healthy,
    wait_idle,
)

AFFINITY_COOKIE = "mlmath_server"


@dataclass
class Classroom:
    url: str
    app_ports: tuple[int, int]
    run_dir: Path
    process: subprocess.Popen[bytes]
    log: Path

    def pid(self, name: str) -> int:
        return int((self.run_dir / f"{name}.pid").read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_classroom(run_dir: Path) -> Classroom:
    port, app1, app2 = free_port(), free_port(), free_port()
    log = run_dir / "serve_class.log"
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "APP_PORTS": f"{app1} {app2}",
        "RUN_DIR": str(run_dir),
    }
    process = subprocess.Popen(
        ["bash", "scripts/serve_class.sh"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    room = Classroom(f"http://127.0.0.1:{port}", (app1, app2), run_dir, process, log)
    try:
        wait_healthy(room.url, process, log, timeout_s=120)
    except RuntimeError:
        room.stop()
        raise
    return room


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Classroom]:
    room = start_classroom(tmp_path_factory.mktemp("classroom"))
    yield room
    room.stop()


def get(
    url: str, cookie: str = "", gzip_ok: bool = False
) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    if gzip_ok:
        request.add_header("Accept-Encoding", "gzip")
    with urllib.request.urlopen(request, timeout=30) as reply:
        headers = {k.lower(): v for k, v in reply.headers.items()}
        headers["set-cookie"] = "; ".join(reply.headers.get_all("Set-Cookie") or [])
        return reply.read(), headers


def static_paths(html: bytes) -> list[str]:
    """The JavaScript and CSS files the page loads first."""
    return re.findall(rb'(?:src|href)="\./(static/[^"]+\.(?:js|css))"', html)  # type: ignore[return-value]


def test_each_student_sticks_to_one_process(classroom: Classroom) -> None:
    for _ in range(6):  # six students, all from 127.0.0.1 (one "NAT address")
        html, first = get(f"{classroom.url}/equations")
        assert f"{AFFINITY_COOKIE}=" in first["set-cookie"]
        cookie = first["set-cookie"].split(";", 1)[0]
        process = first["x-served-by"]
        for path in static_paths(html)[:5]:
            _, later = get(f"{classroom.url}/{path.decode()}", cookie)
            assert later["x-served-by"] == process
        student = Student(classroom.url, "equations", Control("a"))
        student.connect(cookie=cookie)
        try:
            assert student.served_by == process  # the websocket too
            student.open_page()
            student.change()
            assert student.query_string == "a=2.1"
        finally:
            student.close()


def test_both_processes_take_students(classroom: Classroom) -> None:
    served = {get(f"{classroom.url}/equations")[1]["x-served-by"] for _ in range(6)}
    assert served == {"app1", "app2"}


def test_a_dropped_connection_resumes_on_its_own_process(classroom: Classroom) -> None:
    student = Student(classroom.url, "equations", Control("a"))
    student.connect()
    try:
        student.open_page()
        student.change()  # a = 2.1
        session = student.session_id
        own = student.served_by
        other = {"app1": "app2", "app2": "app1"}[own]
        # Ask with an empty query string, so only the session can know a = 2.1
        # (with the link's ?a=2.1 any process would redraw the same view).
        student.reconnect()  # Wi-Fi blip: same cookie, asks for the same session
        student.query_string = ""
        resumed = student.rerun(collect_widgets=True)
        assert (student.served_by, student.session_id) == (own, session)
        assert resumed.value_of("a__slider") == 2.1

        student.reconnect(cookie=f"{AFFINITY_COOKIE}={other}")  # the wrong process
        student.query_string = ""
        fresh = student.rerun(collect_widgets=True)
        assert student.served_by == other
        assert student.session_id != session  # it never had this session
        assert fresh.value_of("a__slider") == 2.0
    finally:
        student.close()


def test_static_files_are_gzip_compressed(classroom: Classroom) -> None:
    html, _ = get(f"{classroom.url}/equations")
    paths = static_paths(html)
    assert any(p.endswith(b".js") for p in paths)
    assert any(p.endswith(b".css") for p in paths)
    direct = f"http://127.0.0.1:{classroom.app_ports[0]}"
    css = [p for p in paths if p.endswith(b".css")]
    for path in (paths[0], css[0]):
        original, plain_headers = get(f"{direct}/{path.decode()}")  # identity
        assert "content-encoding" not in plain_headers
        packed, app_headers = get(f"{direct}/{path.decode()}", gzip_ok=True)
        assert app_headers["content-encoding"] == "gzip"  # serving/static_cache.py
        assert gzip.decompress(packed) == original
        body, headers = get(f"{classroom.url}/{path.decode()}", gzip_ok=True)
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == original
        assert len(body) < 0.7 * len(original)
        same, identity = get(f"{classroom.url}/{path.decode()}")  # no Accept-Encoding
        assert "content-encoding" not in identity
        assert same == original


def test_the_load_benchmark_runs_through_the_proxy(
    classroom: Classroom, tmp_path: Path
) -> None:
    out = tmp_path / "proxy.json"
    args = ["--url", classroom.url, "--pid", str(classroom.pid("app1"))]
    args += ["--pid", str(classroom.pid("app2")), "--students", "4", "--seconds", "2"]
    args += ["--bursts", "1", "--pages", "equations", "--first-case"]
    assert classroom_load.main([*args, "--json", str(out)]) == 0
    (row,) = json.loads(out.read_text())
    assert row["mode"] == "proxy"
    assert set(row["served_by"]) == {"app1", "app2"}  # the class is shared
    assert sum(row["served_by"].values()) == 4
    assert row["errors"] == row["lost"] == 0
    assert row["interactions"] >= 4


def test_a_browser_works_through_the_proxy(classroom: Classroom, page: Page) -> None:
    open_page(page, f"{classroom.url}/equations")
    # the live chart: plotly-basic.min.js came through the proxy from app/static
    expect(page.locator(".live-chart .main-svg").first).to_be_visible()
    before = page.locator('[data-testid="stMarkdownContainer"]').all_inner_texts()
    slider = page.locator('.st-key-a__slider input[type="range"]')
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]a=2\.1\b"))
    wait_idle(page)
    assert (
        page.locator('[data-testid="stMarkdownContainer"]').all_inner_texts() != before
    )
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get(AFFINITY_COOKIE) in {"app1", "app2"}


def status_of(url: str, method: str = "GET") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, {k.lower(): v for k, v in reply.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def put_status(url: str, path: str, length: str | None) -> tuple[int, dict[str, str]]:
    """A PUT that declares ``length`` (or nothing) and sends no body: the front
    must answer from the headers alone."""
    import http.client

    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.putrequest("PUT", path)
        if length is not None:
            connection.putheader("Content-Length", length)
        connection.endheaders()
        reply = connection.getresponse()
        reply.read()
        return reply.status, {k.lower(): v for k, v in reply.getheaders()}
    finally:
        connection.close()


def test_the_front_keeps_metrics_in_and_bounds_uploads(classroom: Classroom) -> None:
    app = f"http://127.0.0.1:{classroom.app_ports[0]}"
    assert status_of(f"{app}/_stcore/metrics")[0] == 200  # on the machine: yes
    for path in ("/_stcore/metrics", "/%5Fstcore/metrics", "/_stcore/metrics/"):
        status, headers = status_of(f"{classroom.url}{path}")
        assert status == 404, path
        assert "x-served-by" not in headers  # HAProxy answered: no process was asked
    # an upload longer than serving.guard takes, or that does not say how long it
    # is, never reaches a process; a small one does (and Streamlit wants a session)
    for path in ("/_stcore/upload_file/s/f", "/%5Fstcore/upload_file/s/f"):
        too_long = str(guard.UPLOAD_BODY_LIMIT + 1)
        for length, expected in ((too_long, 413), (None, 411)):
            status, headers = put_status(classroom.url, path, length)
            assert status == expected, (path, length)
            assert "x-served-by" not in headers
    status, headers = put_status(classroom.url, "/_stcore/upload_file/s/f", "0")
    assert status in (400, 403)  # no XSRF token, no such session: the app refused
    assert "x-served-by" in headers


def test_the_front_sets_the_security_headers(classroom: Classroom) -> None:
    expected = {name.lower(): value for name, value in serve.security_headers()}
    for path in ("/equations", "/_stcore/health", "/_stcore/metrics"):
        _, headers = status_of(f"{classroom.url}{path}")
        assert {name: headers.get(name) for name in expected} == expected, path


def test_stopping_the_script_stops_all_three(tmp_path: Path) -> None:
    room = start_classroom(tmp_path)
    pids = [room.pid(name) for name in ("app1", "app2", "haproxy")]
    room.process.send_signal(signal.SIGTERM)
    assert room.process.wait(timeout=40) == 0
    for pid in pids:
        assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)
    assert not list(tmp_path.glob("*.pid"))
    with pytest.raises(urllib.error.URLError, match="Connection refused"):
        urllib.request.urlopen(f"{room.url}/_stcore/health", timeout=2)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
