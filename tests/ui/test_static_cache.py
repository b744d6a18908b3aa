"""Static files sent gzip-compressed from memory, with caching headers (serving.static_cache)."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path
from typing import Any

import pytest

from serving import static_cache
from serving.static_cache import Precompressed, accepts_gzip

GZIP = [(b"accept-encoding", b"gzip, deflate, br")]


async def passed_through(scope: Any, receive: Any, send: Any) -> None:
    """Streamlit's app, as far as these tests can tell: a 299 "from streamlit"."""
    await send({"type": "http.response.start", "status": 299, "headers": []})
    await send({"type": "http.response.body", "body": b"from streamlit"})


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    bundles, app_static = tmp_path / "bundles", tmp_path / "app"
    (bundles / "static" / "js").mkdir(parents=True)
    app_static.mkdir()
    (bundles / "static" / "js" / "index.abc123.js").write_text("let a = 1;\n" * 3000)
    (bundles / "static" / "media" / "font.woff2").parent.mkdir()
    (bundles / "static" / "media" / "font.woff2").write_bytes(b"\x00" * 5000)
    (app_static / "plotly.min.js").write_text("var Plotly = {};\n" * 5000)
    (tmp_path / "secret.js").write_text("not to be served")
    return bundles, app_static


def request(
    app: Precompressed,
    path: str,
    headers: list[tuple[bytes, bytes]] = GZIP,
    method: str = "GET",
) -> tuple[int, dict[bytes, bytes], bytes]:
    """Run one HTTP request through ``app``: status, headers, body."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: Any) -> None:
        sent.append(dict(message))

    scope = {"type": "http", "method": method, "path": path, "headers": headers}
    asyncio.run(app(scope, receive, send))
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_a_bundle_is_sent_compressed_and_cached_for_a_year(
    files: tuple[Path, Path],
) -> None:
    bundles, app_static = files
    app = Precompressed(passed_through, app_static=app_static, bundles=bundles)
    status, headers, body = request(app, "/static/js/index.abc123.js")
    original = (bundles / "static" / "js" / "index.abc123.js").read_bytes()
    assert status == 200
    assert headers[b"content-encoding"] == b"gzip"
    assert gzip.decompress(body) == original
    assert len(body) < len(original) / 10
    assert headers[b"content-length"] == str(len(body)).encode()
    assert headers[b"cache-control"] == b"public, immutable, max-age=31536000"
    assert headers[b"vary"] == b"Accept-Encoding"
    assert headers[b"content-type"] == b"application/javascript"


def test_the_app_static_plotly_is_cached_a_day_and_revalidated(
    files: tuple[Path, Path],
) -> None:
    bundles, app_static = files
    app = Precompressed(passed_through, app_static=app_static, bundles=bundles)
    status, headers, body = request(app, "/app/static/plotly.min.js")
    assert status == 200
    assert headers[b"cache-control"] == b"public, max-age=86400"
    assert gzip.decompress(body) == (app_static / "plotly.min.js").read_bytes()
    again = [*GZIP, (b"if-none-match", headers[b"etag"])]
    assert request(app, "/app/static/plotly.min.js", again)[0::2] == (304, b"")
    (app_static / "plotly.min.js").write_text("var Plotly = {v: 2};\n" * 10)
    status, changed, body = request(app, "/app/static/plotly.min.js", again)
    assert status == 200
    assert changed[b"etag"] != headers[b"etag"]
    assert gzip.decompress(body).startswith(b"var Plotly = {v: 2};")


@pytest.mark.parametrize(
    ("path", "headers", "method"),
    [
        ("/app/static/plotly.min.js", [], "GET"),  # no gzip accepted
        ("/app/static/plotly.min.js", [(b"accept-encoding", b"gzip;q=0")], "GET"),
        ("/app/static/plotly.min.js", [*GZIP, (b"range", b"bytes=0-9")], "GET"),
        ("/app/static/plotly.min.js", GZIP, "POST"),
        ("/static/media/font.woff2", GZIP, "GET"),  # compressed already
        ("/app/static/../secret.js", GZIP, "GET"),  # outside the folder
        ("/app/static/missing.js", GZIP, "GET"),
        ("/_stcore/health", GZIP, "GET"),
    ],
)
def test_anything_else_goes_to_streamlit_unchanged(
    files: tuple[Path, Path], path: str, headers: list[tuple[bytes, bytes]], method: str
) -> None:
    bundles, app_static = files
    app = Precompressed(passed_through, app_static=app_static, bundles=bundles)
    assert request(app, path, headers, method)[0::2] == (299, b"from streamlit")


def test_head_has_the_headers_and_no_body(files: tuple[Path, Path]) -> None:
    bundles, app_static = files
    app = Precompressed(passed_through, app_static=app_static, bundles=bundles)
    status, headers, body = request(app, "/app/static/plotly.min.js", method="HEAD")
    assert status == 200
    assert body == b""
    assert int(headers[b"content-length"]) > 0


def test_under_a_base_path(files: tuple[Path, Path]) -> None:
    bundles, app_static = files
    app = Precompressed(
        passed_through, app_static=app_static, bundles=bundles, base_url="/maths/"
    )
    assert request(app, "/maths/app/static/plotly.min.js")[0] == 200
    assert request(app, "/app/static/plotly.min.js")[0] == 299


def test_a_class_arriving_at_once_compresses_each_file_once(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundles, app_static = files
    app = Precompressed(passed_through, app_static=app_static, bundles=bundles)
    calls: list[Path] = []
    original = static_cache.compress

    def counted(path: Path, control: str) -> Any:
        calls.append(path)
        return original(path, control)

    monkeypatch.setattr(static_cache, "compress", counted)

    async def class_of_60() -> list[int]:
        statuses: list[int] = []

        async def one() -> None:
            sent: list[Any] = []

            async def send(message: Any) -> None:
                sent.append(message)

            scope = {
                "type": "http",
                "method": "GET",
                "path": "/app/static/plotly.min.js",
                "headers": GZIP,
            }
            await app(scope, None, send)  # type: ignore[arg-type]
            statuses.append(sent[0]["status"])

        await asyncio.gather(*(one() for _ in range(60)))
        return statuses

    assert asyncio.run(class_of_60()) == [200] * 60
    assert len(calls) == 1


def test_accepts_gzip_reads_the_header_as_browsers_write_it() -> None:
    assert accepts_gzip([(b"Accept-Encoding", b"gzip, deflate, br, zstd")])
    assert accepts_gzip([(b"accept-encoding", b"*")])
    assert not accepts_gzip([(b"accept-encoding", b"br")])
    assert not accepts_gzip([(b"accept-encoding", b"gzip;q=0, br")])
    assert not accepts_gzip([])
