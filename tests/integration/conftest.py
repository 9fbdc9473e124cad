"""Real server databases: a fresh, uniquely named database per test on PostgreSQL and MariaDB.

Under CI=true an unreachable server fails the test; elsewhere it is skipped with the reason.
Override the servers with AGENTDESK_TEST_POSTGRES_URL and AGENTDESK_TEST_MARIADB_URL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

POSTGRES = os.environ.get("AGENTDESK_TEST_POSTGRES_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MARIADB = os.environ.get("AGENTDESK_TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306/test")


def _unreachable(url: str, error: Exception) -> None:
    message = f"server database {sa.engine.make_url(url).render_as_string()} unreachable: {error}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)  # a developer machine without the service; CI never skips


def _fresh_database(admin_url: str) -> Iterator[str]:
    name = f"agentdesk_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    except sa.exc.OperationalError as error:
        admin.dispose()
        _unreachable(admin_url, error)
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as conn:
            if admin.dialect.name == "postgresql":
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            else:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()


@pytest.fixture(params=["postgresql", "mariadb"])
def server_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh empty server database on each real backend."""
    yield from _fresh_database(POSTGRES if request.param == "postgresql" else MARIADB)


@pytest.fixture(params=["postgresql", "mariadb", "sqlite"])
def sync_server_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                    ) -> Iterator[str]:
    """A fresh empty server database on each backend sync supports, a SQLite file included."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path_factory.mktemp("server") / "server.db")
        return
    yield from _fresh_database(POSTGRES if request.param == "postgresql" else MARIADB)
