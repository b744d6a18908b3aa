"""The live class benchmark keeps working: a few students, a few seconds, both set-ups.

Nothing here asserts a time (timings belong in the benchmark's table); the test
checks that the numbers are real: every student's answer is in the store, the
teacher's page itself said so, the sliders moved, the servers' CPU was read.
PostgreSQL and HAProxy are Debian's packages (``bash scripts/test.sh`` installs
them); without them this fails and says how to install them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import live_class_load
from benchmarks.classroom.live import answered, teacher_cookie
from benchmarks.classroom.live_report import Outcome


def test_the_teacher_tab_sends_the_cookie_the_browser_holds() -> None:
    # What ui.live_store's component writes with document.cookie: name=role.code.secret
    assert teacher_cookie("K7QPXA", "s3cret") == "mlmath_live=teacher.K7QPXA.s3cret"
    assert answered(60, 60) == "**60** of 60 students answered"


def test_the_extra_cpu_is_the_mean_with_minus_the_mean_without() -> None:
    outcome = Outcome("SQLite, 1 process", 60, 30, 5.0)
    assert outcome.teacher_extra_cores != outcome.teacher_extra_cores  # nan: none
    outcome.cpu_live_cores = [0.30, 0.34]
    outcome.cpu_idle_cores = [0.30, 0.30]
    assert outcome.teacher_extra_cores == pytest.approx(0.02)


def test_the_runs_stay_bounded() -> None:
    for bad in (["--students", "0"], ["--setups", "mysql"], ["--window", "0"]):
        with pytest.raises(SystemExit):
            live_class_load.parse_args(bad)


def test_a_short_live_class_on_sqlite_and_on_postgresql_behind_haproxy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "live.json"
    args = ["--students", "3", "--sliders", "2", "--window", "2", "--after", "1"]
    outcomes = live_class_load.main([*args, "--cpu-seconds", "1", "--json", str(out)])
    assert [o.setup for o in outcomes] == [
        "SQLite, 1 process",
        "PostgreSQL, 2 processes + HAProxy",
    ]
    for o in outcomes:
        assert o.errors == []
        assert o.stored == o.joined == 3  # read from the store after the run
        # The teacher's own page showed every answer (its fragment's text).
        assert o.teacher_line == "**3** of 3 students answered"
        assert o.saw_all_s == o.saw_all_s  # not nan
        assert o.saw_all_after_last_s > -1.0  # on the same clock as the last answer
        assert o.teacher_ticks >= 2
        assert o.slider_changes >= 2
        assert o.slider_errors == 0
        assert len(o.cpu_live_cores) == len(o.cpu_idle_cores) == 2
        assert len(o.cpu_live_quiet) == len(o.cpu_idle_quiet) == 2
        assert all(c > 0 for c in o.cpu_live_cores)  # the servers' CPU was read
    proxied = outcomes[1]
    assert set(proxied.served_by) <= {"app1", "app2"}  # through HAProxy
    assert sum(proxied.served_by.values()) == 3
    assert proxied.teacher_served_by in {"app1", "app2"}
    table = capsys.readouterr().out
    assert "| SQLite, 1 process | 3 of 3 |" in table
    assert "| PostgreSQL, 2 processes + HAProxy | 3 of 3 |" in table
    rows = json.loads(out.read_text())
    assert [row["stored"] for row in rows] == [3, 3]
    assert all(row["teacher_extra_cores"] == row["teacher_extra_cores"] for row in rows)
