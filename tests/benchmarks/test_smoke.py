"""The benchmarks keep working: short runs against a real server.

Nothing here asserts a time (timings belong in the benchmarks' tables); the
tests check that the tools talk to the app correctly and report what happened.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import numpy as np
import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import bench_pages, browser_latency, classroom_load, streamlit_floor
from benchmarks.classroom.load import warm_up, without_control
from benchmarks.classroom.student import Run, Student
from benchmarks.classroom.widgets import Widget, choose_widget
from benchmarks.common import targets as controls
from benchmarks.common.server import AppServer, start_app
from benchmarks.common.stats import percentile
from benchmarks.common.targets import (
    Control,
    all_pages,
    bump_last_number,
    target_label,
    targets,
    view_targets,
)
from tooling.server import server_command


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app started the way the benchmarks start it (README's way, free port)."""
    server = start_app("fast", tmp_path_factory.mktemp("bench"))
    yield server
    server.stop()


def _json(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(path.read_text())
    return rows


# -- the protocol client ------------------------------------------------------------------


def test_a_student_moves_a_slider_through_the_websocket(app: AppServer) -> None:
    student = Student(app.url, "equations", Control("a"))
    student.connect()
    try:
        opened = student.open_page()
        assert opened.errors == []
        assert student.widget is not None
        assert (student.widget.key, student.widget.kind) == ("a__slider", "slider")
        assert student.values == (2.0, 2.1)  # the notebook's a = 2, one step up
        moved = student.change()
        # The page wrote the new value into its link: the server applied the change.
        assert student.query_string == "a=2.1"
        assert moved.errors == []
        assert moved.received > 1000  # the rerun's chart came back
        student.change()
        assert student.query_string == ""  # back to the default, so no parameter
    finally:
        student.close()


def test_a_walking_student_explores_step_by_step(app: AppServer) -> None:
    student = Student(app.url, "equations", Control("b"), walk=True)
    student.connect()
    try:
        student.open_page()
        for _ in range(3):
            student.change()
        assert student.query_string == "b=-3.7"  # −4 and three steps of 0.1 up
    finally:
        student.close()


def test_a_walker_told_an_input_is_impossible_turns_back_and_it_is_no_error(
    app: AppServer,
) -> None:
    # P(B|A) = 0.8 and P(B) = 0.5: P(A) above 0.625 is impossible, and the page says so
    student = Student(app.url, "bayes", Control("p_a", "p_a=0.62"), walk=True)
    student.connect()
    try:
        student.open_page()
        runs = [student.change() for _ in range(4)]  # 0.63: refused, then back down
    finally:
        student.close()
    assert runs[0].errors == []
    assert [len(r.refused) for r in runs] == [1, 0, 0, 0]
    assert "P(B) must be at least" in runs[0].refused[0]
    assert parse_qsl(student.query_string) == [
        ("p_a", "0.6")
    ]  # 0.63 → 0.62 → 0.61 → 0.6


def test_a_student_opens_the_view_of_a_link(app: AppServer) -> None:
    student = Student(app.url, "equations", Control("a1", "view=two"))
    student.connect()
    try:
        student.open_page()
        assert student.widget is not None
        assert student.widget.key == "a1__slider"
        student.change()
        assert student.query_string == "view=two&a1=1.1"
    finally:
        student.close()


def _delta(kind: str) -> ForwardMsg:
    msg = ForwardMsg()
    element = msg.delta.new_element
    if kind == "exception":
        element.exception.type = "ZeroDivisionError"
        element.exception.message = "division by zero"
    else:
        element.alert.body = "P(B) must be at least 0.24, not 0.2."
        element.alert.format = Alert.ERROR
    return msg


@pytest.mark.parametrize(
    ("kind", "reported"),
    [
        ("exception", "traceback: ZeroDivisionError: division by zero"),
        ("alert", "error box: P(B) must be at least 0.24, not 0.2."),
    ],
)
def test_a_traceback_or_error_box_counts_as_an_error(kind: str, reported: str) -> None:
    run = Run(0.0, 0, 0)
    Student._inspect_delta(_delta(kind), run, collect_widgets=False)
    assert run.errors == [reported]


def test_the_control_is_found_by_key_else_the_first_slider() -> None:
    text = Widget("$$ID-0a-data", "text", "data", "10, 20, 30, 40")
    box = Widget("$$ID-0b-a", "number", "a", 2.0, -10, 10, 0.1)
    b = Widget("$$ID-1f-b__slider", "slider", "b", -4.0, -10, 10, 0.1)
    a = Widget("$$ID-2e-a__slider", "slider", "a", 2.0, -10, 10, 0.1)
    widgets = [text, box, b, a]
    assert choose_widget(widgets, "a") is a  # the URL name finds a__slider
    assert choose_widget(widgets, "data") is text
    assert choose_widget(widgets, None) is b  # sliders first
    assert choose_widget(widgets, "view") is b  # not a control here: the first
    assert choose_widget([text, box], None) is box  # then number boxes
    assert choose_widget([text], None) is text  # then text boxes
    assert choose_widget([], "a") is None


def test_each_kind_of_control_alternates_between_two_valid_values() -> None:
    top = Widget("$$ID-1-n", "slider", "n", 50.0, 1, 50, 1)
    assert top.alternatives(None) == (50.0, 49.0)  # at its maximum: one step down
    box = Widget("$$ID-2-k", "number", "k", 3.0, 1, 10, 1, integer=True)
    assert box.alternatives(None) == (3.0, 4.0)
    assert box.state(4.0).int_value == 4
    assert (
        Widget("$$ID-3-x", "number", "x", 0.1, 0, 1, 0.1).state(0.2).double_value == 0.2
    )
    text = Widget("$$ID-4-d", "text", "d", "10, 20, 30, 40")
    assert text.alternatives(None) == ("10, 20, 30, 40", "10, 20, 30, 41")
    assert text.state("1, 2").string_value == "1, 2"
    assert text.alternatives(("1", "2")) == ("1", "2")
    assert list(top.state(49.0).double_array_value.data) == [49.0]
    assert top.walk(49.0, 1) == (50.0, 1)
    assert top.walk(50.0, 1) == (49.0, -1)  # turns at the maximum
    assert text.walk("1, 9", 1) == ("1, 10", 1)
    assert bump_last_number("[[1, 2], [3, 9]]") == "[[1, 2], [3, 10]]"
    assert bump_last_number("none") == "none "


def test_percentile_interpolates_like_numpy() -> None:
    values = [float(v) for v in np.random.default_rng(7).exponential(30, 101)]
    for q in (0.0, 0.5, 0.95, 1.0):
        assert percentile(values, q) == pytest.approx(np.percentile(values, 100 * q))
    assert percentile([], 0.5) != percentile([], 0.5)  # nan


def test_overrides_come_first_then_the_page_benchmarks_cases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        bench_pages,
        "CASES",
        (
            bench_pages.Case("equations", "b", (1.0, 2.0)),
            bench_pages.Case("equations", "c1", (1.0, 2.0), {"view": "two"}),
        ),
    )
    monkeypatch.setattr(controls, "CONTROLS", {})
    assert targets(["equations"]) == [
        ("equations", Control("b", "", (1.0, 2.0))),
        ("equations", Control("c1", "view=two", (1.0, 2.0))),
    ]
    assert targets(["equations"], first_only=True) == [
        ("equations", Control("b", "", (1.0, 2.0)))
    ]
    monkeypatch.setattr(controls, "CONTROLS", {"equations": (Control("a"),)})
    assert targets(["equations"]) == [("equations", Control("a"))]
    monkeypatch.setattr(bench_pages, "CASES", ())
    monkeypatch.setattr(controls, "CONTROLS", {})
    assert targets(["equations"]) == [("equations", Control())]


def test_a_view_with_nothing_to_move_is_found_and_left_out(app: AppServer) -> None:
    chosen = [
        t
        for t in view_targets(["correlation"])
        if t[1].query in ("view=data", "view=anscombe")
    ]
    problems = warm_up(app, chosen, 30)
    assert without_control(problems) == {"correlation (view=anscombe: first control)"}
    assert len(chosen) == 2
    kept = {target_label(t) for t in chosen} - without_control(problems)
    assert kept == {"correlation (view=data: first control)"}


def test_views_all_lists_every_view_of_every_page_once() -> None:
    chosen = view_targets(all_pages())
    pairs = [(page, dict(parse_qsl(c.query)).get("view", "")) for page, c in chosen]
    assert len(pairs) == len(set(pairs))  # each view once
    by_page: dict[str, list[str]] = {}
    for page, view in pairs:
        by_page.setdefault(page, []).append(view)
    assert set(by_page) == set(all_pages())
    # The page script's own picker lists the same views (the default one first).
    assert by_page["gradient-descent"][0] in ("", "descent")
    assert sorted(v or "descent" for v in by_page["gradient-descent"]) == [
        "derivative",
        "descent",
        "race",
    ]
    assert len(chosen) >= 30


def test_plain_mode_is_streamlit_run_with_its_defaults() -> None:
    fast = server_command("fast", 8671)
    plain = server_command("plain", 8671)
    assert "serve.py" in fast
    assert "serve.py" not in plain
    assert plain[1:4] == ["-m", "streamlit", "run"]
    assert plain[plain.index("--runner.postScriptGC") + 1] == "true"


# -- the benchmarks, end to end (a few students, a few seconds) ---------------------------


def test_classroom_load_smoke(app: AppServer, tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    args = ["--url", app.url, "--pid", str(app.pids[0]), "--students", "3"]
    args += ["--seconds", "2", "--bursts", "2", "--pages", "equations", "--first-case"]
    assert classroom_load.main([*args, "--json", str(out)]) == 0
    (row,) = _json(out)
    assert row["target"] == "equations (default: a)"
    assert row["joined"] == 3
    assert row["interactions"] >= 3  # each student moved the slider at least once
    assert row["errors"] == row["burst_errors"] == row["lost"] == 0
    assert len(row["bursts"]) == 2
    assert row["kb_per_change"] > 1
    assert row["rss_peak_mb"] > 10  # the server's memory was read


def test_a_short_soak_reports_memory_start_peak_and_end(
    app: AppServer, tmp_path: Path
) -> None:
    out = tmp_path / "soak.json"
    args = ["--url", app.url, "--pid", str(app.pids[0]), "--students", "2"]
    args += ["--minutes", "0.05", "--bursts", "0", "--pages", "equations"]
    assert classroom_load.main([*args, "--views", "all", "--json", str(out)]) == 0
    rows = _json(out)
    assert [row["target"] for row in rows] == [
        "equations (default: a)",
        "equations (view=two: a1)",
    ]
    for row in rows:
        assert row["seconds"] == pytest.approx(3.0)
        assert row["errors"] == row["lost"] == 0
        assert 10 < row["rss_start_mb"] <= row["rss_peak_mb"]
        assert 10 < row["rss_end_mb"] <= row["rss_peak_mb"]
        assert row["rss_series"][-1][1] == pytest.approx(row["rss_end_mb"])


def test_classroom_load_spreads_a_class_over_views(
    app: AppServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        controls,
        "CONTROLS",
        {"equations": (Control("a"), Control("c2", "view=two"))},
    )
    out = tmp_path / "mix.json"
    args = ["--url", app.url, "--students", "4", "--seconds", "2", "--bursts", "1"]
    assert (
        classroom_load.main(
            [*args, "--pages", "equations", "--mix", "--json", str(out)]
        )
        == 0
    )
    (row,) = _json(out)
    assert row["target"] == "mix"
    assert set(row["per_target"]) == {
        "equations (default: a)",
        "equations (view=two: c2)",
    }
    assert row["errors"] == row["lost"] == 0


def test_classroom_load_against_plain_streamlit(tmp_path: Path) -> None:
    out = tmp_path / "plain.json"
    args = ["--plain", "--students", "2", "--seconds", "2", "--bursts", "1"]
    assert (
        classroom_load.main(
            [*args, "--pages", "equations", "--first-case", "--json", str(out)]
        )
        == 0
    )
    (row,) = _json(out)
    assert row["mode"] == "plain"
    assert row["interactions"] >= 2
    assert row["errors"] == row["lost"] == 0


def test_streamlit_floor_sends_one_message_per_element_it_adds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The bare app's reruns carry its slider and the N elements, nothing of ours."""
    assert streamlit_floor.main(["--elements", "0,3", "--changes", "3"]) == 0
    rows = [line.split("|") for line in capsys.readouterr().out.splitlines()[2:]]
    messages = {row[1].strip(): int(row[2]) for row in rows}
    assert set(messages) == {"0 markdown", "3 markdown", "0 slider", "3 slider"}
    assert messages["3 markdown"] - messages["0 markdown"] == 3
    assert messages["3 slider"] - messages["0 slider"] == 3


@pytest.mark.e2e
def test_browser_latency_smoke(
    app: AppServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "browser.json"
    args = ["--url", app.url, "--pages", "equations", "--first-case", "--changes", "3"]
    assert browser_latency.main([*args, "--json", str(out)]) == 0
    (row,) = _json(out)
    assert row["errors"] == []
    assert row["changed"] == "a__slider"
    assert len(row["times_ms"]) == 3  # three presses, each one redrew the chart
    assert all(t > 0 for t in row["times_ms"])
    assert row["cold_s"] > 0
    assert row["cold_mb"] > 1  # Streamlit's JavaScript alone is several MB
    assert all(kb > 1 for kb in row["kb"])  # each change brought a new chart
    assert "| equations (default: a) | a__slider |" in capsys.readouterr().out
