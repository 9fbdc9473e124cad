"""A workspace: the local database in a data directory, opened, migrated and ready for services."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from agentdesk.config import DEMO_SERVER_DB, LOCAL_DB
from agentdesk.domain.errors import StorageError
from agentdesk.domain.people import User
from agentdesk.domain.ports import Clock, CustomerRepository
from agentdesk.services.auth import AuthService
from agentdesk.services.customers import CustomerService
from agentdesk.services.passwords import PasswordHasher
from agentdesk.services.status import WorkstationStatus
from agentdesk.services.sync import SyncService
from agentdesk.store import kb_index
from agentdesk.store.customers import (
    SqlCustomerRepository,
    busiest_customer_no,
    sample_phone_numbers,
)
from agentdesk.store.database import Database
from agentdesk.store.migrate import SERVER, upgrade_local
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.sync import SERVER_ONLY_TABLES
from agentdesk.store.sync_state import LAST_SYNC_AT, SHOWCASE_CUSTOMER, read_value, write_value
from agentdesk.store.users import SqlLoginAttemptStore, SqlUserRepository
from agentdesk.sync.client import CURSOR_KEY
from agentdesk.sync.server import ServerStore

if TYPE_CHECKING:
    from agentdesk.services.calls import CallServices
    from agentdesk.services.dispatch import DispatchService
    from agentdesk.services.knowledge import KnowledgeService
    from agentdesk.services.orders import OrderService
    from agentdesk.services.scripts import ScriptService

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
        sync: Sync with the server database; None when the workstation works alone.
    """

    directory: Path
    database: Database
    clock: Clock
    auth: AuthService
    status: WorkstationStatus
    customer_repository: CustomerRepository
    sync: SyncService | None = None

    def showcase_customer_no(self) -> str:
        """Return the demo's best-documented customer (many calls and orders), or "".

        Only demo workspaces record one; the demo console opens it after signing in.
        """
        with self.database.read() as conn:
            return read_value(conn, SHOWCASE_CUSTOMER) or ""

    def customers_for(self, user: User) -> CustomerService:
        """Return the customer service acting as ``user``."""
        return CustomerService(self.customer_repository, user)

    def call_services_for(self, user: User) -> CallServices:
        """Return the services of ``user``'s call workflow."""
        from agentdesk.services.agent_states import AgentStateService
        from agentdesk.services.calls import CallServices
        from agentdesk.services.dialing import DialingService
        from agentdesk.services.my_day import MyDayService
        from agentdesk.services.screen_pop import ScreenPopService

        return CallServices(
            dialing=DialingService(self.database, self.clock, user, self.sync),
            states=AgentStateService(self.database, self.clock, user),
            my_day=MyDayService(self.database, self.clock, user),
            screen_pop=ScreenPopService(self.customer_repository),
        )

    def knowledge_for(self, user: User) -> KnowledgeService:
        """Return the knowledge base as ``user`` sees it."""
        from agentdesk.services.knowledge import KnowledgeService

        return KnowledgeService(self.database, self.clock, user, self.sync)

    def scripts_for(self, user: User) -> ScriptService:
        """Return the call scripts as ``user`` sees them."""
        from agentdesk.services.scripts import ScriptService

        return ScriptService(self.database, self.clock, user, self.sync)

    def orders_for(self, user: User) -> OrderService:
        """Return order capture for ``user`` (a supervisor approves discounts by signing in)."""
        from agentdesk.services.orders import OrderService

        return OrderService(self.database, self.clock, user, self.auth)

    def dispatch_for(self, user: User) -> DispatchService:
        """Return the delivery desk for ``user``."""
        from agentdesk.services.dispatch import DispatchService

        return DispatchService(self.database, self.clock, user)

    def sample_caller_ids(self, count: int = 300) -> list[str]:
        """Return numbers of known customers, for a simulated phone's inbound calls."""
        with self.database.read() as conn:
            return sample_phone_numbers(conn, count)

    def close(self) -> None:
        """Release the database and the server connections."""
        if self.sync is not None:
            self.sync.close()
        self.database.close()


def open_workspace(
    directory: Path,
    clock: Clock,
    *,
    hasher: PasswordHasher | None = None,
    server_url: str = "",
    workstation_id: str = "",
    server_password: str | None = None,
) -> Workspace:
    """Open (creating if needed) the local database in ``directory`` and upgrade its schema.

    With a ``server_url`` (and the ``workstation_id`` from the settings) the workspace can
    sync; nothing connects to the server until the first round.

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
        with database.write() as conn:
            kb_index.ensure_index(conn)
    except Exception:
        database.close()
        raise
    users = SqlUserRepository(database, clock)
    sync = None
    if server_url:
        if not workstation_id:
            raise ValueError("a workspace that syncs needs its workstation id")
        try:
            sync = SyncService(database, server_url, workstation_id=workstation_id, clock=clock,
                               password=server_password)
        except Exception:
            database.close()
            raise
    status = WorkstationStatus(database, clock, server_url,
                               online=(lambda: sync.online) if sync else None)
    return Workspace(
        directory=directory,
        database=database,
        clock=clock,
        auth=AuthService(users, SqlLoginAttemptStore(database), hasher or PasswordHasher(), clock),
        status=status,
        customer_repository=SqlCustomerRepository(database, clock),
        sync=sync,
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
        upgrade_local(server, role=SERVER)
        if progress:
            progress("data")
        with server.write() as conn:
            generate_demo(conn, seed=seed, now=now, customers=customers)
            showcase = busiest_customer_no(conn)
        store = ServerStore(server.engine)
        store.log_untracked_rows()
        head = store.head(DEFAULT_SITE)
    finally:
        server.close()
    local_partial = directory / (LOCAL_DB + ".partial")
    local_partial.unlink(missing_ok=True)
    _copy_database(partial, local_partial)
    local = Database.open(local_partial)
    try:
        with local.write() as conn:  # as if the first sync had just completed
            for table in SERVER_ONLY_TABLES:
                conn.execute(table.delete())
            write_value(conn, LAST_SYNC_AT, now.isoformat())
            write_value(conn, CURSOR_KEY + DEFAULT_SITE, str(head))
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
