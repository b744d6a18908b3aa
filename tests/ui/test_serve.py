"""serve.py: the fast-start hooks still find their place in the pinned Streamlit.

If Streamlit moves these internals, these tests fail loudly (and serve.py still
starts the app, with a warning), so nobody loses the speed without knowing.
"""

from __future__ import annotations

import asyncio
import importlib
import re
import socket
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import serve
from serving import guard, resume, uploads


def test_pinned_streamlit_version() -> None:
    import streamlit

    requirement = next(
        line
        for line in (serve.APP.parent / "requirements.txt").read_text().splitlines()
        if line.startswith("streamlit")
    )
    assert requirement == f"streamlit=={streamlit.__version__}"


def test_socket_hook_point_exists() -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    assert callable(getattr(module, serve.HOOK_NAME))


def test_hook_sets_tcp_nodelay_on_the_listening_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    monkeypatch.setattr(module, serve.HOOK_NAME, getattr(module, serve.HOOK_NAME))
    assert serve.install_nodelay_hook()
    sock = getattr(module, serve.HOOK_NAME)("127.0.0.1", 0, 8)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        # and Linux hands it down to every accepted connection
        client = socket.create_connection(sock.getsockname())
        sock.setblocking(True)
        accepted, _ = sock.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        accepted.close()
        client.close()
    finally:
        sock.close()


def test_hook_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    monkeypatch.setattr(module, serve.HOOK_NAME, getattr(module, serve.HOOK_NAME))
    serve.install_nodelay_hook()
    first = getattr(module, serve.HOOK_NAME)
    serve.install_nodelay_hook()
    assert getattr(module, serve.HOOK_NAME) is first


def test_missing_hook_point_warns_and_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(serve, "HOOK_NAME", "_no_such_function")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.install_nodelay_hook() is False
    assert any("TCP_NODELAY" in str(w.message) for w in caught)


def test_websocket_messages_are_deflated_at_the_fastest_level(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The extension uvicorn builds compresses as zlib level 1 does, not level 6."""
    import json
    import zlib

    from websockets.frames import Frame, Opcode

    module = importlib.import_module(serve.DEFLATE_HOOK_MODULE)
    name = serve.DEFLATE_HOOK_NAME
    monkeypatch.setattr(module, name, getattr(module, name))
    assert serve.install_deflate_level_hook()
    first = getattr(module, name)
    serve.install_deflate_level_hook()
    assert getattr(module, name) is first  # installed once
    # built as uvicorn builds it, then agreed with a browser's offer
    factory = first(
        server_max_window_bits=12,
        client_max_window_bits=12,
        compress_settings={"memLevel": 5},
    )
    _, extension = factory.process_request_params(
        [("client_max_window_bits", None)], []
    )
    data = json.dumps([{"x": list(range(i, i + 40))} for i in range(200)]).encode()
    sent = extension.encode(Frame(Opcode.BINARY, data)).data

    def deflated(level: int) -> bytes:
        zipper = zlib.compressobj(level, zlib.DEFLATED, -12, 5)
        return (zipper.compress(data) + zipper.flush(zlib.Z_SYNC_FLUSH))[:-4]

    assert sent == deflated(1) != deflated(6)
    assert len(sent) < len(data) / 5


def test_missing_deflate_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "DEFLATE_HOOK_NAME", "_no_such_factory")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.install_deflate_level_hook() is False
    assert any("zlib's default level" in str(w.message) for w in caught)


def test_navigation_only_hook_point_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    assert serve.use_navigation_only()
    assert PagesManager.uses_pages_directory is False
    # Streamlit only decides when the flag is still None: False must survive a session.
    PagesManager(str(serve.APP))
    assert PagesManager.uses_pages_directory is False


def test_warm_up_finishes_the_imports_plotly_looks_up_lazily() -> None:
    import subprocess
    import sys

    # In a fresh interpreter: after warm_up, pandas is fully imported, so a page
    # thread can never find it half-initialised in sys.modules.
    code = (
        "import sys, serve; assert 'pandas' not in sys.modules; serve.warm_up(); "
        "import pandas; assert hasattr(sys.modules['pandas'], 'Series')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=serve.APP.parent, check=True)


# -- what the server exposes (Guard, the external-IP lookup, deploy/haproxy.cfg) --


def test_guard_hook_point_exists() -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    assert callable(getattr(module, serve.APP_HOOK_NAME))


def upload_manager(monkeypatch: pytest.MonkeyPatch) -> type:
    """Streamlit's upload manager class, its ``add_file`` restored after the test."""
    from streamlit.runtime.memory_uploaded_file_manager import (
        MemoryUploadedFileManager,
    )

    original = MemoryUploadedFileManager.add_file
    monkeypatch.setattr(MemoryUploadedFileManager, "add_file", original)
    return MemoryUploadedFileManager


def test_guard_hook_wraps_the_app_factory_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module(serve.HOOK_MODULE)
    original = getattr(module, serve.APP_HOOK_NAME)
    monkeypatch.setattr(module, serve.APP_HOOK_NAME, original)
    manager = upload_manager(monkeypatch)
    add_file = manager.add_file
    assert serve.install_guard_hook()
    first = getattr(module, serve.APP_HOOK_NAME)
    assert first.__wrapped__ is original
    assert manager.add_file.__wrapped__ is add_file
    bounded = manager.add_file
    serve.install_guard_hook()
    assert getattr(module, serve.APP_HOOK_NAME) is first
    assert manager.add_file is bounded


def test_missing_guard_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    upload_manager(monkeypatch)
    monkeypatch.setattr(serve, "APP_HOOK_NAME", "_no_such_factory")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.install_guard_hook() is False
    assert any("security headers" in str(w.message) for w in caught)


def test_missing_upload_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    upload_manager(monkeypatch)
    module = importlib.import_module(serve.HOOK_MODULE)
    monkeypatch.setattr(
        module, serve.APP_HOOK_NAME, getattr(module, serve.APP_HOOK_NAME)
    )
    monkeypatch.setattr(serve, "UPLOAD_HOOK_NAME", "NoSuchManager.add_file")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.install_guard_hook() is False
    assert any("uploaded files" in str(w.message) for w in caught)


def test_a_session_keeps_only_its_newest_uploads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """200 files PUT into one session leave two on the server, the newest."""
    from streamlit.runtime.uploaded_file_manager import UploadedFileRec

    manager_class = upload_manager(monkeypatch)
    monkeypatch.setattr(
        manager_class, "add_file", uploads.bounded_add_file(manager_class.add_file)
    )
    manager = manager_class("/_stcore/upload_file")
    size = guard.UPLOAD_FILE_BYTES
    for i in range(200):
        rec = UploadedFileRec(f"f{i}", "a.csv", "text/csv", bytes(size))
        manager.add_file(session_id="s1", file=rec)
    manager.add_file("s2", UploadedFileRec("g", "b.csv", "text/csv", b"1,2"))
    assert uploads.session_file_ids(manager, "s1") == ["f198", "f199"]
    assert uploads.session_file_ids(manager, "s2") == ["g"]
    stats = manager.get_stats()["cache_memory_bytes"]
    assert sum(stat.byte_length for stat in stats) == 2 * size + 3
    # the same file id again replaces it (no eviction of the other)
    manager.add_file("s1", UploadedFileRec("f199", "a.csv", "text/csv", b"1"))
    assert uploads.session_file_ids(manager, "s1") == ["f198", "f199"]
    manager.remove_session_files("s1")  # the session ended
    assert uploads.session_file_ids(manager, "s1") == []


def test_every_external_ip_lookup_goes_through_the_replaced_function(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Streamlit's callers look the function up on the module at call time, so
    replacing ``net_util.get_external_ip`` reaches them all (at start and on a
    foreign-origin websocket). A ``from ... import`` anywhere would escape it."""
    import inspect

    from streamlit import net_util
    from streamlit.web import bootstrap
    from streamlit.web.server import server_util

    for caller in (bootstrap, server_util):
        source = inspect.getsource(caller)
        assert "net_util.get_external_ip" in source
        assert "import get_external_ip" not in source
    monkeypatch.setattr(net_util, "get_external_ip", net_util.get_external_ip)
    assert serve.no_external_ip_lookup()
    assert net_util.get_external_ip() is None


INDEX_SCRIPT = "\n      window.prerenderReady = false\n    "


def test_the_policy_allows_exactly_the_inline_script_of_streamlits_page() -> None:
    import base64
    import hashlib

    import streamlit

    index = Path(streamlit.__file__).parent / "static" / "index.html"
    digest = base64.b64encode(hashlib.sha256(INDEX_SCRIPT.encode()).digest()).decode()
    assert guard.inline_script_hashes(index.read_text()) == [f"'sha256-{digest}'"]
    policy = guard.content_security_policy()
    # blob: the inline module of the live chart's component (ui/live_chart.py)
    assert f"script-src 'self' 'sha256-{digest}' blob: 'wasm-unsafe-eval';" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-eval'" not in policy
    assert "http" not in policy  # no origin but this server's


def haproxy_lines(keyword: str) -> list[str]:
    config = (serve.APP.parent / "deploy" / "haproxy.cfg").read_text()
    lines = (line.strip() for line in config.splitlines())
    return [line for line in lines if line.startswith(keyword)]


def test_haproxy_sets_the_same_headers_as_serve() -> None:
    set_by_haproxy = {}
    for line in haproxy_lines("http-after-response set-header"):
        name, value = line.split(maxsplit=3)[2:]
        set_by_haproxy[name] = value.strip('"')
    assert set_by_haproxy == dict(serve.security_headers())


def test_haproxy_denies_what_serve_keeps_internal() -> None:
    (deny,) = [line for line in haproxy_lines("http-request deny") if "metrics" in line]
    pattern = deny.split("-m reg ", 1)[1].split(" }", 1)[0]
    for path in ("/_stcore/metrics", "/x/_stcore/metrics", "/_stcore/metrics/"):
        assert re.search(pattern, path)
        assert guard.INTERNAL_PATHS.search(path)
    for path in ("/_stcore/health", "/_stcore/stream", "/_stcore/metricsx"):
        assert not re.search(pattern, path)
        assert not guard.INTERNAL_PATHS.search(path)


def test_haproxy_bounds_uploads_as_serve_does() -> None:
    (acl,) = haproxy_lines("acl upload ")
    pattern = acl.split("-m reg ", 1)[1]
    for path in ("/_stcore/upload_file/s/f", "/x/_stcore/upload_file/s/f"):
        assert re.search(pattern, path)
        assert guard.UPLOAD_PATHS.search(path)
    assert not re.search(pattern, "/_stcore/upload_filex")
    (too_long,) = [
        line for line in haproxy_lines("http-request deny") if "upload" in line
    ]
    assert too_long.endswith(f"gt {guard.UPLOAD_BODY_LIMIT} }}")
    assert "deny_status 413" in too_long
    (unsized,) = haproxy_lines("http-request return status 411")
    assert "if upload METH_PUT !{ req.hdr(content-length) -m found }" in unsized


UPLOAD_WIDGETS = re.compile(r"\b(file_uploader|camera_input|audio_input|chat_input)\(")


def widget_mb(source: Path) -> int:
    """The ``max_upload_size`` (MB) of the one uploader in ``source``."""
    (size,) = re.findall(r"\bmax_upload_size=(\d+)", source.read_text())
    return int(size)


def test_the_one_upload_widget_is_the_table_uploader_and_bounded() -> None:
    """The upload endpoint is open for one widget: a learner's CSV table.

    Another upload widget would need its own bounds (``serving.guard`` caps every
    upload at ``UPLOAD_FILE_BYTES``, ``serving.uploads`` the files a session keeps).
    """
    from core import table

    root = serve.APP.parent
    sources = [root / "app.py"]
    for package in ("ui", "views", "pages"):
        sources += sorted((root / package).rglob("*.py"))
    using = [
        str(p.relative_to(root))
        for p in sources
        if UPLOAD_WIDGETS.search(p.read_text())
    ]
    assert using == ["ui/table_entry.py"]
    # what the uploader lets through (1 MB, checked in the browser) reaches the page,
    # whose note says the file is too big (a refusal would read "status code 413")
    assert (
        widget_mb(root / "ui/table_entry.py") * 1024 * 1024 == guard.UPLOAD_FILE_BYTES
    )
    assert table.MAX_UPLOAD_BYTES <= guard.UPLOAD_FILE_BYTES
    assert uploads.MAX_FILES_PER_SESSION == 2


# -- Guard, driven as the ASGI server drives it ------------------------------------


@dataclass
class Exchange:
    """What an app behind ``Guard`` saw, and what went back to the client."""

    reached_app: list[str] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    received: list[Any] = field(default_factory=list)

    @property
    def status(self) -> int:
        return int(self.sent[0]["status"])

    @property
    def headers(self) -> dict[str, str]:
        return {k.decode(): v.decode() for k, v in self.sent[0]["headers"]}


def exchange(
    path: str,
    client: tuple[str, int] = ("10.0.0.7", 50000),
    kind: str = "http",
    method: str = "GET",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
) -> Exchange:
    result = Exchange()

    async def app(
        scope: guard.ASGIScope, receive: guard.ASGIReceive, send: guard.ASGISend
    ) -> None:
        result.reached_app.append(scope["type"])
        if scope["type"] == "http" and scope["method"] == "PUT":
            message = await receive()
            kind = message["type"]
            result.received.append(message["body"] if kind == "http.request" else kind)
        if scope["type"] == "http":
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"x-frame-options", b"SAMEORIGIN"), (b"etag", b'"1"')],
                }
            )
            await send({"type": "http.response.body", "body": b"ok"})

    async def receive() -> guard.ASGIMessage:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: guard.ASGIMessage) -> None:
        result.sent.append(dict(message))

    wrapped = guard.Guard(app, guard.security_headers())
    scope = {
        "type": kind,
        "path": path,
        "client": client,
        "method": method,
        "headers": headers or [],
    }
    asyncio.run(wrapped(scope, receive, send))
    return result


UPLOAD = "/_stcore/upload_file/session/file"


def test_guard_refuses_an_upload_too_long_before_the_app_reads_it() -> None:
    too_long = str(guard.UPLOAD_BODY_LIMIT + 1).encode()
    for headers in ([(b"content-length", too_long)], [(b"Content-Length", b"9" * 30)]):
        result = exchange(UPLOAD, method="PUT", headers=headers)
        assert result.reached_app == []
        assert result.status == 413
        assert result.headers["x-frame-options"] == "DENY"


def test_guard_refuses_an_upload_that_does_not_say_how_long_it_is() -> None:
    chunked = [(b"transfer-encoding", b"chunked")]
    twice = [(b"content-length", b"10"), (b"content-length", b"20")]
    for headers in (chunked, twice, [(b"content-length", b"-1")]):
        result = exchange(UPLOAD, method="PUT", headers=headers)
        assert (result.reached_app, result.status) == ([], 411)


def test_guard_lets_a_small_upload_through_and_cuts_a_longer_body() -> None:
    fits = [(b"content-length", str(guard.UPLOAD_BODY_LIMIT).encode())]
    result = exchange(UPLOAD, method="PUT", headers=fits, body=b"x" * 100)
    assert (result.reached_app, result.status) == (["http"], 200)
    assert result.received == [b"x" * 100]
    # a client that says "10 bytes" and sends more is cut at the limit
    lying = [(b"content-length", b"10")]
    body = b"x" * (guard.UPLOAD_BODY_LIMIT + 1)
    result = exchange(UPLOAD, method="PUT", headers=lying, body=body)
    assert result.received == ["http.disconnect"]
    for method in ("DELETE", "OPTIONS"):  # no body: nothing to bound
        assert exchange(UPLOAD, method=method).status == 200


def test_guard_answers_metrics_to_this_machine_only() -> None:
    assert exchange("/_stcore/metrics", ("10.0.0.7", 50000)).status == 404
    assert exchange("/_stcore/metrics", ("::ffff:192.168.1.9", 50000)).status == 404
    for local in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
        result = exchange("/_stcore/metrics", (local, 50000))
        assert (result.reached_app, result.status) == (["http"], 200)


def test_guard_adds_the_headers_replacing_the_apps_own() -> None:
    result = exchange("/equations")
    assert result.status == 200
    assert result.headers["x-frame-options"] == "DENY"  # not the app's SAMEORIGIN
    assert result.headers["etag"] == '"1"'
    assert [k for k, _ in result.sent[0]["headers"]].count(b"x-frame-options") == 1
    for name, value in serve.security_headers():
        assert result.headers[name.lower()] == value


def test_guard_leaves_websockets_and_the_lifespan_alone() -> None:
    for kind in ("websocket", "lifespan"):
        result = exchange("/_stcore/metrics", kind=kind)
        assert result.reached_app == [kind]


# -- a resumed session reruns (rerun_on_resume) -------------------------------------


def test_resume_hook_points_exist() -> None:
    """What ``rerunning_resumed`` and ``rerun_resumed`` rely on, in this Streamlit."""
    import inspect

    from streamlit.runtime import app_session, runtime

    module = importlib.import_module(resume.SESSION_HOOK_MODULE)
    manager = getattr(module, resume.SESSION_HOOK_CLASS)
    assert (
        "existing_session_id" in inspect.signature(manager.connect_session).parameters
    )
    assert callable(manager.get_active_session_info)
    # the runtime asks for the old session by keyword; a resumed one keeps its id
    assert "existing_session_id=existing_session_id" in inspect.getsource(
        runtime.Runtime.connect_session
    )
    # the page and query string of the last run, which Streamlit reruns with too
    source = inspect.getsource(app_session.AppSession)
    assert "self._client_state = ClientState()" in source
    assert "self.request_rerun(self._client_state)" in source
    # and the page asks for no run after a reconnect unless it saw one start
    index = Path(inspect.getfile(app_session)).parents[1] / "static" / "static" / "js"
    bundle = "".join(p.read_text("utf-8") for p in index.glob("index.*.js"))
    assert "Reconnected to server." in bundle
    assert "Requesting a script run." in bundle


def keep_request_rerun(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``AppSession``, whose ``request_rerun`` the resume hook wraps for this test."""
    module = importlib.import_module(resume.REQUEST_HOOK_MODULE)
    session_class = getattr(module, resume.REQUEST_HOOK_NAME.split(".")[0])
    monkeypatch.setattr(session_class, "request_rerun", session_class.request_rerun)
    return session_class


def connected_manager(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A real session manager, with the resume hook installed on its class."""
    from streamlit.runtime.memory_session_storage import MemorySessionStorage
    from streamlit.runtime.memory_uploaded_file_manager import (
        MemoryUploadedFileManager,
    )
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    module = importlib.import_module(resume.SESSION_HOOK_MODULE)
    manager = getattr(module, resume.SESSION_HOOK_CLASS)
    monkeypatch.setattr(manager, "connect_session", manager.connect_session)
    keep_request_rerun(monkeypatch)
    assert serve.rerun_on_resume()
    return manager(
        MemorySessionStorage(),
        MemoryUploadedFileManager("/upload"),
        ScriptCache(),
        None,
    )


class Client:
    def write_forward_msg(self, msg: object) -> None:
        pass


def test_a_resumed_session_reruns_its_last_page_and_writes_controls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streamlit.runtime.script_data import ScriptData

    async def scenario() -> tuple[list[Any], list[Any], Any]:
        sessions = connected_manager(monkeypatch)
        script = ScriptData(str(serve.APP), False)
        first = sessions.connect_session(
            client=Client(), script_data=script, user_info={}
        )
        session = sessions.get_active_session_info(first).session
        runs: list[Any] = []
        session.request_rerun = runs.append  # record, don't run app.py here
        session._client_state.page_script_hash = "equations-hash"
        session._client_state.query_string = "a=2.1"
        session._client_state.fragment_id = "the-views-fragment"  # cut: a view's run
        sessions.disconnect_session(first)  # the websocket dropped
        assert sessions.connect_session(Client(), script, {}, first) == first
        resumed_runs = list(runs)
        other = sessions.connect_session(Client(), script, {}, "a-lost-session")
        assert other != "a-lost-session"  # a new session: the browser asks for its run
        flag = resume.window_open(session.session_state)
        for session_id in (first, other):
            sessions.close_session(session_id)
        return resumed_runs, runs, flag

    resumed_runs, runs, flag = asyncio.run(scenario())
    # the whole page, not the cut run's fragment alone
    assert [
        (r.page_script_hash, r.query_string, r.fragment_id) for r in resumed_runs
    ] == [("equations-hash", "a=2.1", "")]
    assert len(runs) == 1  # the new session was not rerun
    assert flag is True


def test_a_session_that_never_ran_is_not_rerun_on_resume(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streamlit.runtime.script_data import ScriptData

    async def scenario() -> list[Any]:
        sessions = connected_manager(monkeypatch)
        script = ScriptData(str(serve.APP), False)
        first = sessions.connect_session(Client(), script, {})
        session = sessions.get_active_session_info(first).session
        runs: list[Any] = []
        session.request_rerun = runs.append
        sessions.disconnect_session(first)
        sessions.connect_session(Client(), script, {}, first)
        sessions.close_session(first)
        return runs

    assert asyncio.run(scenario()) == []  # no page yet: the browser asks for it


def test_resume_hook_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module(resume.SESSION_HOOK_MODULE)
    manager = getattr(module, resume.SESSION_HOOK_CLASS)
    original = manager.connect_session
    monkeypatch.setattr(manager, "connect_session", original)
    session_class = keep_request_rerun(monkeypatch)
    request = session_class.request_rerun
    serve.rerun_on_resume()
    first = (manager.connect_session, session_class.request_rerun)
    assert first[0].__wrapped__ is original
    assert first[1].__wrapped__ is request
    serve.rerun_on_resume()
    assert (manager.connect_session, session_class.request_rerun) == first


def test_missing_resume_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "SESSION_HOOK_CLASS", "NoSuchManager")
    keep_request_rerun(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.rerun_on_resume() is False
    assert any("out of step" in str(w.message) for w in caught)


# -- python serve.py --help: a short help of its own ----------------------------------
def test_help_is_short_and_names_the_port_and_the_address() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "serve.py", "--help"],
        cwd=serve.APP.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("usage: python serve.py [--port PORT]")
    assert len(lines) < 30  # Streamlit's own help is over 5,000 lines
    for words in ("--port PORT", "--address ADDRESS", "0.0.0.0", "127.0.0.1"):
        assert words in done.stdout, words


def test_own_options_become_streamlit_options_and_the_rest_pass_through() -> None:
    assert serve.cli_args(
        ["--port", "8080", "--address", "0.0.0.0", "--server.maxUploadSize", "2"]
    ) == [
        "--server.port",
        "8080",
        "--server.address",
        "0.0.0.0",
        "--server.maxUploadSize",
        "2",
    ]
    assert serve.cli_args(["--server.port", "9000"]) == ["--server.port", "9000"]
    assert serve.cli_args([]) == []
    assert serve.cli_args(["--streamlit-help"]) == ["--help"]


@pytest.mark.parametrize("port", ["0", "70000", "abc"])
def test_a_bad_port_exits_with_a_message(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        serve.cli_args(["--port", port])
    assert stop.value.code == 2
    assert "--port" in capsys.readouterr().err
