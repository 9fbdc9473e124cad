"""Rows and look-ups for sync tests: full synced rows, server seeding, outbox and server state."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.store import migrate
from agentdesk.store.customers import SqlCustomerRepository
from agentdesk.store.database import Database
from agentdesk.store.schema import metadata
from agentdesk.store.schema.base import synced_columns
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customers
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.sync import change_log
from agentdesk.sync.bulk import chunks
from agentdesk.sync.client import PULL_PAGE, PUSH_BATCH, SyncClient
from agentdesk.sync.connection import server_engine
from agentdesk.sync.protocol import Mutation
from agentdesk.sync.server import ServerStore
from tests.helpers.sync_env import Station, init_server, meta, station

_TEMPLATES: dict[str, Path] = {}


def _template(kind: str) -> Path:
    """Return a migrated SQLite file (``server`` or ``workstation``) made once per run."""
    if kind not in _TEMPLATES:
        directory = Path(tempfile.mkdtemp(prefix="agentdesk-sync-template-"))
        atexit.register(shutil.rmtree, directory, True)
        path = directory / f"{kind}.db"
        if kind == "server":
            init_server("sqlite:///" + str(path)).dispose()
        else:
            database = Database.open(path)
            migrate.upgrade_local(database)
            database.close()
        _TEMPLATES[kind] = path
    return _TEMPLATES[kind]


def new_server(url: str) -> ServerStore:
    """Like :func:`init_server`; a SQLite server file is copied from a migrated one."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return init_server(url)
    assert parsed.database and not Path(parsed.database).exists()
    shutil.copy(_template("server"), parsed.database)
    return ServerStore(server_engine(url))


@contextmanager
def new_station(directory: Path, server: ServerStore, now: datetime, name: str, *,
                push_batch: int = PUSH_BATCH, pull_page: int = PULL_PAGE) -> Iterator[Station]:
    """Like :func:`station`, from a migrated copy, pushing and pulling in the sizes given."""
    shutil.copy(_template("workstation"), directory / f"{name}.db")
    with station(directory, server, now, name) as st:
        st.client = SyncClient(st.database, server, workstation_id=name, clock=st.clock,
                               push_batch=push_batch, pull_page=pull_page)
        yield st


def customer(now: datetime, number: str, name: str = "张三", **values: Any) -> dict[str, Any]:
    """Return a full new customer row."""
    return meta(now, customer_no=number, name=name, gender="unknown", city="", language="zh",
                tags="", notes="", created_at=now) | values


def phone(now: datetime, customer_id: uuid.UUID, e164: str = "+8613800138000",
          **values: Any) -> dict[str, Any]:
    """Return a full new customer_phones row."""
    return meta(now, customer_id=customer_id, e164=e164, tail_key=e164.lstrip("+")[::-1],
                kind="mobile", label="", is_primary=True) | values


@dataclass(frozen=True)
class Seed:
    """What :func:`seed_call_list` wrote on the server."""

    agent_ids: list[uuid.UUID]
    campaign_id: uuid.UUID
    call_list_id: uuid.UUID
    disposition_code_id: uuid.UUID
    customer_id: uuid.UUID
    contact_ids: list[uuid.UUID]


def seed_call_list(server: ServerStore, now: datetime, *, contact_count: int,
                   agent_count: int = 2) -> Seed:
    """Write a team, agents, a campaign, its call list and its contacts on the server.

    The rows are written with plain SQL, as an import tool would, then given change-log
    entries so that workstations pull them.
    """
    team = meta(now, name="一组", supervisor_id=None)
    agents = [meta(now, username=f"agent{n:03d}", display_name=f"坐席{n}", role="agent",
                   team_id=team["id"], password_hash="!", active=True, locale="zh_CN")
              for n in range(agent_count)]
    campaign = meta(now, code="5G", name="5G 套餐升级", name_en="5G upgrade",
                    direction="outbound", status="active", starts_on=None, ends_on=None,
                    description="", wrapup_seconds=30, max_attempts=5, calling_from=None,
                    calling_until=None)
    code = meta(now, campaign_id=campaign["id"], code="SALE", label="成交", label_en="Sale",
                category="sale", retry_minutes=None, sort_order=1)
    call_list = meta(now, campaign_id=campaign["id"], name="十一月名单", source="test",
                     imported_at=now, row_count=contact_count, rejected_count=0)
    owner = customer(now, "C90000001", "名单客户")
    rows = [meta(now, call_list_id=call_list["id"], customer_id=owner["id"],
                 e164=f"+86139{n:08d}", status="new", priority=0, attempts=0,
                 next_attempt_at=None, last_disposition="", time_zone="Asia/Shanghai",
                 lease_token=0)
            for n in range(contact_count)]
    with server.engine.begin() as conn:
        for table, part in ((teams, [team]), (users, agents), (campaigns, [campaign]),
                            (disposition_codes, [code]), (call_lists, [call_list]),
                            (customers, [owner])):
            conn.execute(table.insert(), part)
        for chunk in chunks(rows, 1000):
            conn.execute(contacts.insert(), list(chunk))
    server.log_untracked_rows()
    return Seed([a["id"] for a in agents], campaign["id"], call_list["id"], code["id"],
                owner["id"], [r["id"] for r in rows])


def outbox_mutations(database: Database) -> list[Mutation]:
    """Return the queued mutations of a workstation, oldest first."""
    with database.read() as conn:
        return [Mutation(r.mutation_id, r.table_name, r.row_id, r.op, r.base_version,
                         r.payload, r.base_payload)
                for r in conn.execute(sa.select(outbox).order_by(outbox.c.seq))]


def synced_rows(conn: Connection, table_name: str) -> list[dict[str, Any]]:
    """Return the synced columns of every row of a table, ordered by id."""
    table = metadata.tables[table_name]
    return [dict(r._mapping) for r in conn.execute(
        sa.select(*synced_columns(table)).order_by(table.c.id))]


def local_rows(database: Database, table_name: str) -> list[dict[str, Any]]:
    """Return :func:`synced_rows` of a workstation table."""
    with database.read() as conn:
        return synced_rows(conn, table_name)


def server_rows(server: ServerStore, table_name: str) -> list[dict[str, Any]]:
    """Return :func:`synced_rows` of a server table."""
    with server.engine.connect() as conn:
        return synced_rows(conn, table_name)


def count(conn: Connection, table: sa.Table, *where: Any) -> int:
    """Return the number of rows of ``table`` matching ``where``."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*where))
               .scalar_one())


def change_log_entries(server: ServerStore, scope: str = "default"
                       ) -> list[tuple[int, str, uuid.UUID]]:
    """Return (seq, table, row id) of a scope's change log, in order."""
    with server.engine.connect() as conn:
        return [(int(r.seq), r.table_name, r.row_id) for r in conn.execute(
            sa.select(change_log.c.seq, change_log.c.table_name, change_log.c.row_id)
            .where(change_log.c.scope == scope).order_by(change_log.c.seq))]


def server_execute(server: ServerStore, statements: Sequence[Any]) -> None:
    """Run statements in one server transaction."""
    with server.engine.begin() as conn:
        for statement in statements:
            conn.execute(statement)


def next_customer_no(st: Station) -> str:
    """Return the number the customer repository would give the next new customer."""
    with st.database.read() as conn:
        return SqlCustomerRepository._next_customer_no(conn)


def delete_row(st: Station, table_name: str, row_id: uuid.UUID) -> dict[str, Any]:
    """Tombstone a stored row and queue the delete, as the repositories do."""
    current = st.row(table_name, row_id)
    assert current is not None
    return st.write(table_name, {**current, "deleted_at": st.clock.now(),
                                 "version": current["version"] + 1,
                                 "updated_at": st.clock.now()}, op="delete")


def live_ids(st: Station, table_name: str) -> list[uuid.UUID]:
    """Return the ids of the rows a workstation holds that are not deleted, in order."""
    table = metadata.tables[table_name]
    with st.database.read() as conn:
        return list(conn.execute(sa.select(table.c.id).where(table.c.deleted_at.is_(None))
                                 .order_by(table.c.id)).scalars())
