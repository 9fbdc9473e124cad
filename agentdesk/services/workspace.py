"""A workspace: the local database in a data directory, opened, migrated and ready for services."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agentdesk.config import DEMO_SERVER_DB, LOCAL_DB
from agentdesk.domain.errors import StorageError
from agentdesk.domain.people import User
from agentdesk.domain.ports import Clock, CustomerRepository
from agentdesk.services.auth import AuthService
from agentdesk.services.customers import CustomerService
from agentdesk.services.passwords import PasswordHasher
from agentdesk.services.status import WorkstationStatus
from agentdesk.store.customers import SqlCustomerRepository, busiest_customer_no
from agentdesk.store.database import Database
from agentdesk.store.migrate import upgrade_local
from agentdesk.store.sync_state import LAST_SYNC_AT, SHOWCASE_CUSTOMER, read_value, write_value
from agentdesk.store.users import SqlLoginAttemptStore, SqlUserRepository

__all__ = ["DEMO_SERVER_DB", "LOCAL_DB", "Workspace", "create_demo_workspace", "open_workspace"]



@dataclass
class Workspace:
    """An open workstation database and the services that work on it.

    Attributes:
        directory: The data directory.
        database: The local SQLite database.
        clock: The clock every service uses.
        auth: Sign-in.
        status: Outbox and sync figures for the status bar.
        customer_repository: The customers on this workstation.
    """

    directory: Path
    database: Database
    clock: Clock
    auth: AuthService
    status: WorkstationStatus
    customer_repository: CustomerRepository

    def showcase_customer_no(self) -> str:
        """Return the demo's best-documented customer (many calls and orders), or "".

        Only demo workspaces record one; the demo console opens it after signing in.
        """
        with self.database.read() as conn:
            return read_value(conn, SHOWCASE_CUSTOMER) or ""

    def customers_for(self, user: User) -> CustomerService:
        """Return the customer service acting as ``user``."""
        return CustomerService(self.customer_repository, user)

    def close(self) -> None:
        """Release the database."""
        self.database.close()


def open_workspace(
    directory: Path, clock: Clock, *, hasher: PasswordHasher | None = None, server_url: str = ""
) -> Workspace:
    """Open (creating if needed) the local database in ``directory`` and upgrade its schema.

    Raises:
        StorageError: the directory or database cannot be used (read-only, full, corrupt).
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create {directory}: {exc.strerror}", code="cannot_open",
                           path=str(directory)) from exc
    database = Database.open(directory / LOCAL_DB)
    try:
        upgrade_local(database)
    except Exception:
        database.close()
        raise
    users = SqlUserRepository(database, clock)
    return Workspace(
        directory=directory,
        database=database,
        clock=clock,
        auth=AuthService(users, SqlLoginAttemptStore(database), hasher or PasswordHasher(), clock),
        status=WorkstationStatus(database, clock, server_url),
        customer_repository=SqlCustomerRepository(database, clock),
    )


def create_demo_workspace(
    directory: Path,
    *,
    seed: int,
    now: datetime,
    customers: int = 5000,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Fill ``directory`` with a demo workspace: an embedded server database and a local copy.

    The server database is generated first, then copied whole as the workstation's database,
    as if the workstation had just finished its first sync. Existing files are replaced only
    after the new ones are complete.

    Returns:
        The path of the embedded server database.
    """
    from agentdesk.services.demo import generate_demo

    directory.mkdir(parents=True, exist_ok=True)
    server_path = directory / DEMO_SERVER_DB
    partial = directory / (DEMO_SERVER_DB + ".partial")
    for stale in (partial, partial.with_name(partial.name + "-wal"),
                  partial.with_name(partial.name + "-shm")):
        stale.unlink(missing_ok=True)
    server = Database.open(partial)
    try:
        if progress:
            progress("schema")
        upgrade_local(server)
        if progress:
            progress("data")
        with server.write() as conn:
            generate_demo(conn, seed=seed, now=now, customers=customers)
            showcase = busiest_customer_no(conn)
    finally:
        server.close()
    local_partial = directory / (LOCAL_DB + ".partial")
    local_partial.unlink(missing_ok=True)
    _copy_database(partial, local_partial)
    local = Database.open(local_partial)
    try:
        with local.write() as conn:  # as if the first sync had just completed
            write_value(conn, LAST_SYNC_AT, now.isoformat())
            write_value(conn, SHOWCASE_CUSTOMER, showcase)
    finally:
        local.close()
    for final, made in ((server_path, partial), (directory / LOCAL_DB, local_partial)):
        for suffix in ("-wal", "-shm"):
            Path(str(final) + suffix).unlink(missing_ok=True)
        os.replace(made, final)
    return server_path


def _copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database consistently (the backup API), private to the owner."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
