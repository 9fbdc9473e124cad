"""Engines on the server database for each supported backend, and its failures as KnownErrors."""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from agentdesk.store.database import sqlite_engine
from agentdesk.sync.protocol import ServerUnavailable

DEMO_PREFIX = "demo:"  # "demo:/path/demo-server.db": the demo's embedded SQLite server
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_S = 60
RETRIES = 6

T = TypeVar("T")


def server_engine(url: str, *, password: str | None = None) -> Engine:
    """Return an engine on the server database at ``url``.

    Args:
        url: A SQLAlchemy URL (``postgresql+psycopg://``, ``mysql+pymysql://``,
            ``sqlite:///path``) or ``demo:PATH`` for the demo's SQLite file.
        password: Used when the URL has none (from the keyring or a prompt).

    PostgreSQL and MariaDB run in READ COMMITTED, so a locking read sees the latest committed
    row; a SQLite server file gets the workstation's pragmas and IMMEDIATE transactions.
    """
    if url.startswith(DEMO_PREFIX):
        url = "sqlite:///" + url[len(DEMO_PREFIX):]
    parsed = sa.engine.make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if not parsed.database:
            raise ServerUnavailable("A SQLite server URL needs a file: sqlite:///path/server.db")
        engine = sqlite_engine(Path(parsed.database), create=True)
        return engine.execution_options(agentdesk_write=True)
    if password and parsed.password is None:
        parsed = parsed.set(password=password)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        # No server-side prepared statements: their generic plans cannot hash an IN list
        # of parameters, and the look-ups of a push batch grow with the table.
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "prepare_threshold": None,
                        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_S * 1000}"}
    elif parsed.get_backend_name() in ("mysql", "mariadb"):
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "read_timeout": STATEMENT_TIMEOUT_S,
                        "write_timeout": STATEMENT_TIMEOUT_S, "charset": "utf8mb4"}
    return sa.create_engine(
        parsed, hide_parameters=True, pool_pre_ping=True, pool_size=2, max_overflow=8,
        isolation_level="READ COMMITTED", connect_args=connect_args,
    )


def display_url(url: str) -> str:
    """Return ``url`` fit to show: the password masked."""
    if url.startswith(DEMO_PREFIX):
        return url
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(invalid URL)"


def _is_transient(error: sa.exc.DBAPIError) -> bool:
    """Deadlocks, serialization failures and lock waits: worth running the transaction again."""
    orig = error.orig
    state = getattr(orig, "sqlstate", None)
    if state in ("40001", "40P01", "55P03"):
        return True
    args = getattr(orig, "args", ())
    if args and args[0] in (1205, 1213):  # MariaDB lock wait timeout, deadlock
        return True
    return "database is locked" in str(orig)


@contextlib.contextmanager
def unavailable_as_known() -> Iterator[None]:
    """Turn a lost or refused server connection into :class:`ServerUnavailable`."""
    try:
        yield
    except sa.exc.IntegrityError:
        raise
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise ServerUnavailable(f"Server database unavailable: {str(exc.orig)[:300]}") from exc
    except sa.exc.DBAPIError as exc:
        if exc.connection_invalidated:
            raise ServerUnavailable(f"Server connection lost: {str(exc.orig)[:300]}") from exc
        raise
    except (OSError, EOFError) as exc:
        raise ServerUnavailable(f"Server connection lost: {exc}") from exc


def retrying(work: Callable[[], T]) -> T:
    """Run one server transaction, again after a deadlock or lock timeout (a few times)."""
    attempt = 0
    while True:
        with unavailable_as_known():
            try:
                return work()
            except sa.exc.DBAPIError as exc:
                attempt += 1
                if attempt >= RETRIES or not _is_transient(exc):
                    raise
        time.sleep(random.uniform(0.005, 0.05) * (2 ** attempt))
