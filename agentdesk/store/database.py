"""The workstation's SQLite database: durable settings, 0600 file, IMMEDIATE write transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from agentdesk.domain.errors import StorageError
from agentdesk.store.errors import storage_errors

_WRITE = "agentdesk_write"


def _create_private_file(path: Path) -> None:
    """Create ``path`` readable only by its owner before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's begin event emit BEGIN itself (the pysqlite recipe), so writes can
    # ask for BEGIN IMMEDIATE and never fail later on a lock upgrade.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        # A read-only file stays in its journal mode; reads work and writes fail clearly.
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN"
    conn.exec_driver_sql(mode)


def sqlite_engine(path: Path | None, *, create: bool = True) -> Engine:
    """Return an engine on the SQLite file ``path`` (None: a private in-memory database).

    Every connection runs in WAL mode with ``synchronous=FULL``, foreign keys on and a busy
    timeout; :class:`Database.write` transactions start with ``BEGIN IMMEDIATE``.

    Raises:
        StorageError: the file does not exist and ``create`` is False, or cannot be created.
    """
    if path is None:
        url = "sqlite+pysqlite:///:memory:"
        engine = sa.create_engine(url, hide_parameters=True, poolclass=sa.pool.StaticPool)
    else:
        if not path.exists():
            if not create:
                raise StorageError(f"No database at {path}", code="missing", path=str(path))
            try:
                _create_private_file(path)
            except OSError as exc:
                raise StorageError(
                    f"Cannot create {path}: {exc.strerror}", code="cannot_open", path=str(path)
                ) from exc
        engine = sa.create_engine(f"sqlite+pysqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    """A SQLite database with the two ways in that the repositories use.

    ``read()`` opens a deferred transaction (WAL readers never wait for writers);
    ``write()`` opens ``BEGIN IMMEDIATE`` so a write never fails halfway on a lock upgrade,
    and commits only when the block finishes. SQLite failures come out as StorageError.

    Attributes:
        engine: The SQLAlchemy engine.
        path: The database file, None for in-memory.
    """

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path

    @classmethod
    def open(cls, path: Path | None, *, create: bool = True) -> Database:
        """Open (or create) the database file at ``path``; see :func:`sqlite_engine`."""
        return cls(sqlite_engine(path, create=create), path)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """Yield a connection in a read transaction."""
        with storage_errors(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """Yield a connection in a ``BEGIN IMMEDIATE`` transaction, committed on success."""
        with (
            storage_errors(self.path),
            self.engine.connect().execution_options(**{_WRITE: True}) as conn,
            conn.begin(),
        ):
            yield conn

    def check_integrity(self) -> list[str]:
        """Run SQLite's integrity check; return its complaints (empty when the file is sound)."""
        with self.read() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        problems = [str(r[0]) for r in rows]
        return [] if problems == ["ok"] else problems

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def sqlite_version() -> str:
    """Return the SQLite library version Python was built with."""
    return sqlite3.sqlite_version
