"""Upload a real CSV file in Chromium (``python serve.py``): the chart follows.

The file goes through Streamlit's upload endpoint behind ``serving.guard``; once
the page has read it, its bytes leave the server's upload store (Streamlit's own
metrics, which answer this machine, count them).
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, Watch, open_page, wait_idle

pytestmark = pytest.mark.e2e

METRIC = '[data-testid="stMetricValue"]'
DROP = '[data-testid="stFileUploaderDropzoneInput"]'
POINTS = ':is([data-testid="stPlotlyChart"], .still-chart) .scatterlayer .point'


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Plotly can take several seconds to draw on a loaded 2-core machine."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def uploaded_bytes_held(server: Server) -> int:
    """Bytes in the server's upload store, from ``/_stcore/metrics`` (loopback)."""
    with urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=10) as reply:
        text = reply.read().decode()
    held = re.findall(r'cache_type="UploadedFileManager"[^}]*}\s+(\d+)', text)
    return sum(int(value) for value in held)


def _r(x: list[float], y: list[float]) -> str:
    return f"{np.corrcoef(x, y)[0, 1]:.3f}".replace("-", "−")


def test_upload_a_csv_file_and_see_the_chart_change(
    server: Server, page: Page, tmp_path: Path
) -> None:
    held = uploaded_bytes_held(server)  # other tests' sessions may keep theirs
    open_page(page, f"{server.url}/correlation?view=data&entry=table&dataset=upload")
    expect(page.get_by_text("a link cannot carry a file").first).to_be_visible()
    expect(page.locator(POINTS)).to_have_count(0)
    rising = tmp_path / "rising.csv"
    rising.write_text(
        "hours;score;name\n1;52;Ann\n2;55;Bo\n3;61;Cy\n4;60;Di\n5;68;Ed\n"
    )
    page.locator(DROP).set_input_files(rising)
    wait_idle(page)
    expect(page.locator(METRIC).first).to_have_text(
        _r([1, 2, 3, 4, 5], [52, 55, 61, 60, 68])
    )
    expect(page.locator(POINTS)).to_have_count(5)
    expect(page.get_by_text("Left out (not numbers): name")).to_be_visible()
    assert "table=" not in page.url  # a link cannot carry the file
    # a second file replaces the first: the chart and r follow
    falling = tmp_path / "falling.csv"
    falling.write_text("a,b\n1,9\n2,7\n3,8\n4,1\n5,2\n6,0\n7,1\n")
    page.locator(DROP).set_input_files(falling)
    wait_idle(page)
    expect(page.locator(METRIC).first).to_have_text(
        _r([1, 2, 3, 4, 5, 6, 7], [9, 7, 8, 1, 2, 0, 1])
    )
    expect(page.locator(POINTS)).to_have_count(7)
    # both files were read and dropped: the server holds none of them
    assert uploaded_bytes_held(server) == held
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_a_bad_or_huge_file_gets_a_message_not_a_traceback(
    server: Server, page: Page, tmp_path: Path, watch: Watch
) -> None:
    uploads: list[int] = []
    page.on(
        "response",
        lambda reply: (
            uploads.append(reply.status) if "/upload_file/" in reply.url else None
        ),
    )
    held = uploaded_bytes_held(server)  # other tests' sessions may keep theirs
    open_page(page, f"{server.url}/statistics?source=table&dataset=upload")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    page.locator(DROP).set_input_files(binary)
    wait_idle(page)
    expect(page.get_by_text("The file is not a text table")).to_be_visible()
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"x\n" + b"1.25\n" * 80_000)  # 400 KB: over the 256 KB read
    page.locator(DROP).set_input_files(huge)
    wait_idle(page)
    # taken (the uploader lets 1 MB through), then the page says why it is not read
    expect(page.get_by_text("The file has 391 KB; at most 256 KB")).to_be_visible()
    expect(page.get_by_text("status code")).to_have_count(0)
    giant = tmp_path / "giant.csv"
    giant.write_bytes(b"x\n" + b"1.25\n" * 220_000)  # 1.1 MB: over the uploader's 1 MB
    page.locator(DROP).set_input_files(giant)
    # refused in the browser, before a byte is sent: the uploader says so itself
    uploader = page.locator('[data-testid="stFileUploader"]')
    expect(uploader).to_contain_text("File must be 1.0MB or smaller")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    wait_idle(page)
    assert uploaded_bytes_held(server) == held
    # the binary file and the 400 KB one were taken and read (the uploader's DELETE
    # of each when the next came answered too); the 1.1 MB one never left the browser
    assert uploads == [204, 204, 204]
    assert not [u for u in watch.failed_responses if "/upload_file/" in u]
