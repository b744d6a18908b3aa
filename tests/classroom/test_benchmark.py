"""The benchmark keeps working: a short run on both backends (no time asserted)."""

from __future__ import annotations

import pytest

from benchmarks import class_answers
from tests.classroom.conftest import new_schema_url
from tooling.postgres import Cluster


def test_a_short_run_stores_every_answer_on_both_backends(
    postgres: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    url = new_schema_url(postgres)
    argv = ["--students", "6", "--window", "0.3", "--poll", "0.02", "--url", url]
    results = class_answers.main(argv)
    assert [(r.label, r.stored) for r in results] == [
        ("sqlite, within 0.3 s (6 → 1)", 6),
        ("sqlite, burst (6 → 1)", 6),
        ("postgresql, within 0.3 s (6 → 2)", 6),
        ("postgresql, burst (6 → 2)", 6),
    ]
    for result in results:
        assert result.students.errors == []
        assert len(result.students.submits) == 6
        assert result.saw_all_s == result.saw_all_s  # not nan: the teacher saw all 6
    table = capsys.readouterr().out
    assert "| answers stored (of 6) |" in table
    assert table.count("| 6 |") == 4
