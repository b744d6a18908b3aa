"""The class store on both of its backends: a real SQLite file and a real PostgreSQL.

PostgreSQL is a throw-away cluster (``tooling.postgres``: Debian's ``initdb`` and
``pg_ctl``) started once per test session on 127.0.0.1 and a free port. Each test
gets its own schema in it (``search_path`` in the URL), so the store creates its
tables from nothing every time, as on a first start. When PostgreSQL is missing,
the tests fail and say how to install it: they are never skipped.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from classroom import ClassStore, NewClass, QuestionSpec, open_store
from tooling.postgres import Cluster, start_cluster

BACKENDS = ("sqlite", "postgresql")


class Clock:
    """The real time plus an offset a test moves forward (expiry, rate refill)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    yield cluster
    cluster.stop()


def new_schema_url(cluster: Cluster) -> str:
    """A URL whose connections work in a new, empty schema of the cluster."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(cluster.url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    return f"{cluster.url}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """An empty database of each backend: ``sqlite:///…`` or ``postgresql://…``."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('store')}/class.db"
    return new_schema_url(request.getfixturevalue("postgres"))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(database_url: str, clock: Clock) -> Iterator[ClassStore]:
    opened = open_store(database_url, clock)
    yield opened
    opened.close()


@pytest.fixture
def lesson(store: ClassStore) -> NewClass:
    """A class just started."""
    return store.start_class()


def question(**changes: object) -> QuestionSpec:
    """The gradient-descent question of the examples, with ``changes``."""
    fields: dict[str, object] = {
        "question_id": "gradient-descent.w3",
        "prompt": "Where is w after 3 steps with lr = 0.1?",
        "answer": 0.512,
        "tolerance": 0.05,
        "low": -5.0,
        "high": 5.0,
        "unit": "",
        "page": "gradient-descent",
        "view": "steps",
    }
    fields.update(changes)
    return QuestionSpec(**fields)  # type: ignore[arg-type]
