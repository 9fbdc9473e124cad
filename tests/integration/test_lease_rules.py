"""Dialing rules in the server's lease grant, and a do-not-call result reaching the server.

On PostgreSQL, MariaDB and a SQLite server file. Calling hours are judged on the server's
clock, so the campaign's window is set around the server's present time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.dialing import local_time
from agentdesk.domain.people import Role, User
from agentdesk.services.clock import SystemClock
from agentdesk.services.dialing import DialingService
from agentdesk.services.dialing_views import DialRefused, NothingToCall
from agentdesk.services.sync import SyncService
from agentdesk.store import migrate
from agentdesk.store.database import Database
from agentdesk.store.list_rules import list_rules
from agentdesk.store.schema.catalogue import campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customers, dnc_entries
from agentdesk.sync import leases
from agentdesk.sync.connection import server_engine
from agentdesk.sync.server import ServerStore, server_now
from tests.helpers.sync_env import meta
from tests.helpers.sync_ops import Seed, new_server, seed_call_list

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
SHANGHAI = "Asia/Shanghai"
NEW_YORK = "America/New_York"  # 12 or 13 hours from Shanghai: closed while Shanghai is open


def open_around_now(server: ServerStore) -> None:
    """Give the campaign a four-hour window around the present time in Shanghai."""
    with server.engine.begin() as conn:
        here = local_time(server_now(conn), SHANGHAI)
        start = (here - timedelta(hours=2)).time().replace(second=0, microsecond=0)
        end = (here + timedelta(hours=2)).time().replace(second=0, microsecond=0)
        conn.execute(campaigns.update().values(calling_from=start, calling_until=end,
                                               max_attempts=3))


def add_contacts(server: ServerStore, seed: Seed, *specs: dict[str, Any]) -> list[uuid.UUID]:
    """Insert contacts of the seed's list (with ``meta`` columns), as an import would."""
    rows = [meta(NOW, call_list_id=seed.call_list_id, customer_id=seed.customer_id,
                 e164=f"+86137{n:08d}", status="new", priority=0, attempts=0,
                 next_attempt_at=None, last_disposition="", time_zone=SHANGHAI,
                 callback_agent_id=None, lease_token=0) | spec
            for n, spec in enumerate(specs)]
    with server.engine.begin() as conn:
        conn.execute(contacts.insert(), rows)
    server.log_untracked_rows()
    return [r["id"] for r in rows]


def add_dnc(server: ServerStore, e164: str, **values: Any) -> None:
    with server.engine.begin() as conn:
        conn.execute(dnc_entries.insert(), [meta(NOW, e164=e164, reason="", source="admin",
                                                 expires_at=None) | values])


def granted(server: ServerStore, agent: uuid.UUID, seed: Seed, count: int = 50) -> list[uuid.UUID]:
    return [lease.contact_id for lease in leases.grant(server, agent, [seed.call_list_id], count)]


def test_the_server_grant_applies_the_dialing_rules(sync_server_url: str) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0, agent_count=2)
    me, other = seed.agent_ids
    open_around_now(server)
    with server.engine.connect() as conn:
        now = server_now(conn)
    past, future = now - timedelta(hours=1), now + timedelta(hours=1)
    (mine, team, theirs, not_due, urgent, plain, old_retry, used_up, listed, expired_dnc,
     removed_dnc, abroad, no_zone) = add_contacts(
        server, seed,
        {"status": "callback", "next_attempt_at": past, "callback_agent_id": me},
        {"status": "callback", "next_attempt_at": past - timedelta(minutes=1)},
        {"status": "callback", "next_attempt_at": past, "callback_agent_id": other,
         "priority": 99},
        {"status": "callback", "next_attempt_at": future},
        {"priority": 9},
        {"priority": 1},
        {"status": "retry", "attempts": 2, "next_attempt_at": past, "priority": 1},
        {"status": "retry", "attempts": 3, "next_attempt_at": past, "priority": 50},
        {"e164": "+8613900000001", "priority": 50},
        {"e164": "+8613900000002"},
        {"e164": "+8613900000003"},
        {"e164": "+12125550100", "time_zone": NEW_YORK, "priority": 50},
        {"time_zone": ""},
    )
    add_dnc(server, "+8613900000001")
    add_dnc(server, "+8613900000002", expires_at=now - timedelta(days=1))
    add_dnc(server, "+8613900000003", deleted_at=now - timedelta(days=1))
    # Due callbacks first (mine, then the team's: the same priority, the longer due first),
    # then priority: a grant of two takes exactly the callbacks.
    assert set(granted(server, me, seed, 2)) == {mine, team}
    assert granted(server, me, seed, 1) == [urgent]
    rest = granted(server, me, seed)
    assert set(rest) == {plain, old_retry, expired_dnc, removed_dnc, no_zone}
    assert {theirs, not_due, used_up, listed, abroad}.isdisjoint(rest)
    assert granted(server, other, seed) == [theirs]  # the owner of the personal callback
    # Without calling hours the zone no longer matters.
    with server.engine.begin() as conn:
        conn.execute(campaigns.update().values(calling_from=None, calling_until=None))
    assert granted(server, other, seed) == [abroad]
    server.dispose()


def test_every_zone_closed_grants_nothing(sync_server_url: str) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0)
    add_contacts(server, seed, {}, {"time_zone": "Asia/Kolkata"})
    with server.engine.begin() as conn:
        here = local_time(server_now(conn), SHANGHAI)
        # A one-minute window five hours from now in Shanghai: closed there and in Kolkata.
        start = (here + timedelta(hours=5)).time().replace(second=0, microsecond=0)
        end = (here + timedelta(hours=5, minutes=1)).time().replace(second=0, microsecond=0)
        conn.execute(campaigns.update().values(calling_from=start, calling_until=end))
    assert granted(server, seed.agent_ids[0], seed) == []
    server.dispose()


def workstation(tmp_path: Path, url: str, name: str) -> tuple[Database, SyncService]:
    database = Database.open(tmp_path / f"{name}.db")
    migrate.upgrade_local(database)
    sync = SyncService(database, url, workstation_id=name, clock=SystemClock())
    sync.run_round()
    return database, sync


def agent(user_id: uuid.UUID) -> User:
    return User(user_id, "agent", "坐席", Role.AGENT, None)


def test_a_dnc_result_on_a_workstation_reaches_the_server_list_and_blocks_the_number(
    sync_server_url: str, tmp_path: Path,
) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0, agent_count=2)
    a_id, b_id = seed.agent_ids
    shared = "+8613800001111"
    with server.engine.begin() as conn:
        dnc_code = meta(NOW, campaign_id=seed.campaign_id, code="DNC", label="免打扰",
                        label_en="Do not call", category="dnc", retry_minutes=None,
                        sort_order=9)
        conn.execute(disposition_codes.insert(), [dnc_code])
        conn.execute(campaigns.update().values(status="running"))
    first, twin, spare = add_contacts(server, seed, {"e164": shared, "priority": 9},
                                      {"e164": shared}, {"priority": 1})
    database_a, sync_a = workstation(tmp_path, sync_server_url, "ws-a")
    database_b, sync_b = workstation(tmp_path, sync_server_url, "ws-b")
    try:
        dialing_a = DialingService(database_a, SystemClock(), agent(a_id), sync_a, batch_size=1)
        preview = dialing_a.next_contact(seed.campaign_id)
        assert not isinstance(preview, NothingToCall) and preview.contact_id == first
        with server.engine.connect() as conn:
            holder = conn.execute(sa.select(contacts.c.lease_agent_id).where(
                contacts.c.id == first)).scalar()
        assert holder == a_id  # leased on the server
        ended = datetime.now(UTC)
        dialing_a.record(FinishedCall(
            direction=CallDirection.OUTBOUND, agent_id=a_id, campaign_id=seed.campaign_id,
            e164=shared, started_at=ended - timedelta(minutes=2),
            answered_at=ended - timedelta(minutes=1), ended_at=ended,
            end_reason="customer_hangup", disposition_code_id=dnc_code["id"],
            notes="客户要求不要再打", contact_id=first))
        report = sync_a.run_round()
        assert (report.rejected, report.pushed) == (0, 4)  # call, disposition, DNC, contact
        with server.engine.connect() as conn:
            listed = conn.execute(sa.select(dnc_entries.c.e164, dnc_entries.c.source,
                                            dnc_entries.c.deleted_at)).all()
            status = conn.execute(sa.select(contacts.c.status).where(
                contacts.c.id == first)).scalar()
        assert [tuple(r) for r in listed] == [(shared, "call", None)]
        assert status == "dnc"
        # The twin row with the same number is never granted again, to anyone.
        assert granted(server, b_id, seed) == [spare]
        assert twin not in granted(server, a_id, seed)
        # The other workstation learns it with its next pull.
        sync_b.run_round()
        dialing_b = DialingService(database_b, SystemClock(), agent(b_id), sync_b)
        with pytest.raises(DialRefused) as caught:
            dialing_b.check_dial(shared, seed.campaign_id)
        assert caught.value.params["reason"] == "dnc"
    finally:
        for sync, database in ((sync_a, database_a), (sync_b, database_b)):
            sync.close()
            database.close()
        server.dispose()


def test_the_service_works_its_batch_through_the_server(
    sync_server_url: str, tmp_path: Path,
) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=5, agent_count=2)
    with server.engine.begin() as conn:
        conn.execute(campaigns.update().values(status="running"))
    server.log_untracked_rows()
    database, sync = workstation(tmp_path, sync_server_url, "ws-a")
    try:
        dialing = DialingService(database, SystemClock(), agent(seed.agent_ids[0]), sync,
                                 batch_size=3)
        assert dialing.refill(seed.campaign_id) == 3
        assert dialing.refill(seed.campaign_id) == 0
        preview = dialing.next_contact(seed.campaign_id)
        assert not isinstance(preview, NothingToCall)
        with server.engine.connect() as conn:
            held = set(conn.execute(sa.select(contacts.c.id).where(
                contacts.c.lease_agent_id == seed.agent_ids[0])).scalars())
        assert len(held) == 3 and preview.contact_id in held
        other = granted(server, seed.agent_ids[1], seed)
        assert set(other) == set(seed.contact_ids) - held
        dialing.release_all()
        with server.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(contacts).where(
                contacts.c.lease_agent_id == seed.agent_ids[0])).scalar() == 0
        assert set(granted(server, seed.agent_ids[1], seed)) == held
    finally:
        sync.close()
        database.close()
        server.dispose()


def test_upgrading_a_populated_0004_server_fills_callback_owners(server_url: str) -> None:
    engine = server_engine(server_url)
    migrate.upgrade(engine, "0004")
    owner, team_id, list_id, campaign_id = (uuid.uuid4() for _ in range(4))
    customer_id, personal, shared = (uuid.uuid4() for _ in range(3))
    naive = NOW.replace(tzinfo=None)  # untyped columns: the stored form of a UTC time
    base = {"site": "default", "version": 1, "updated_at": naive, "deleted_at": None}
    tables = {name: sa.table(name, *(sa.column(c) for c in columns)) for name, columns in {
        "teams": ("id", "site", "version", "updated_at", "deleted_at", "name"),
        "users": ("id", "site", "version", "updated_at", "deleted_at", "username",
                  "display_name", "role", "team_id", "password_hash", "active", "locale"),
        "campaigns": ("id", "site", "version", "updated_at", "deleted_at", "code", "name",
                      "name_en", "direction", "status", "description", "wrapup_seconds",
                      "max_attempts"),
        "call_lists": ("id", "site", "version", "updated_at", "deleted_at", "campaign_id",
                       "name", "source", "imported_at", "row_count", "rejected_count"),
        "customers": ("id", "site", "version", "updated_at", "deleted_at", "customer_no",
                      "name", "gender", "city", "language", "tags", "notes", "created_at"),
        "contacts": ("id", "site", "version", "updated_at", "deleted_at", "call_list_id",
                     "customer_id", "e164", "status", "priority", "attempts",
                     "last_disposition", "time_zone", "lease_token"),
        "callbacks": ("id", "site", "version", "updated_at", "deleted_at", "contact_id",
                      "customer_id", "agent_id", "team_id", "due_at", "scope", "status",
                      "notes"),
    }.items()}
    rows: list[tuple[str, dict[str, Any]]] = [
        ("teams", base | {"id": team_id, "name": "一组"}),
        ("users", base | {"id": owner, "username": "a", "display_name": "", "role": "agent",
                          "team_id": team_id, "password_hash": "!", "active": True,
                          "locale": ""}),
        ("campaigns", base | {"id": campaign_id, "code": "5G", "name": "", "name_en": "",
                              "direction": "outbound", "status": "running",
                              "description": "", "wrapup_seconds": 30, "max_attempts": 5}),
        ("call_lists", base | {"id": list_id, "campaign_id": campaign_id, "name": "",
                               "source": "", "imported_at": naive, "row_count": 0,
                               "rejected_count": 0}),
        ("customers", base | {"id": customer_id, "customer_no": "C00000001", "name": "张三",
                              "gender": "unknown", "city": "", "language": "zh", "tags": "",
                              "notes": "", "created_at": naive}),
        *[("contacts", base | {"id": cid, "call_list_id": list_id, "customer_id": customer_id,
                               "e164": number, "status": "callback", "priority": 0,
                               "attempts": 1, "last_disposition": "CB", "time_zone": SHANGHAI,
                               "lease_token": 0})
          for cid, number in ((personal, "+8613800000001"), (shared, "+8613800000002"))],
        *[("callbacks", base | {"id": uuid.uuid4(), "contact_id": cid,
                                "customer_id": customer_id, "agent_id": agent_id,
                                "team_id": team, "due_at": naive + timedelta(days=1),
                                "scope": scope, "status": "pending", "notes": ""})
          for cid, agent_id, team, scope in ((personal, owner, None, "personal"),
                                             (shared, None, team_id, "team"))],
    ]
    with engine.begin() as conn:
        for name, values in rows:
            conn.execute(tables[name].insert().values(**_db_values(conn, values)))
    migrate.upgrade(engine)
    try:
        with engine.connect() as conn:
            owners = dict(conn.execute(sa.select(contacts.c.id, contacts.c.callback_agent_id)
                                       ).all())
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("contacts")}
            names = conn.execute(sa.select(customers.c.name)).scalars().all()
        assert owners == {personal: owner, shared: None}
        assert {"ix_contacts_call_list_zone", "ix_contacts_lease_agent"} <= indexes
        assert names == ["张三"]
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        with engine.connect() as conn:
            assert "callback_agent_id" not in {
                c["name"] for c in sa.inspect(conn).get_columns("contacts")}
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    finally:
        engine.dispose()


def _db_values(conn: sa.Connection, values: dict[str, Any]) -> dict[str, Any]:
    """UUIDs as the backend stores them in untyped columns (hex on MariaDB, native on PG)."""
    if conn.dialect.name == "postgresql":
        return values
    return {k: v.hex if isinstance(v, uuid.UUID) else v for k, v in values.items()}


def test_a_lapsed_callback_owner_still_gets_it_and_nobody_else(sync_server_url: str) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0, agent_count=2)
    me, other = seed.agent_ids
    with server.engine.connect() as conn:
        now = server_now(conn)
    (callback,) = add_contacts(server, seed, {
        "status": "callback", "next_attempt_at": now - timedelta(seconds=1),
        "callback_agent_id": me})
    assert granted(server, other, seed) == []
    (lease,) = leases.grant(server, me, [seed.call_list_id], 5, ttl=timedelta(0))
    assert lease.contact_id == callback
    assert granted(server, other, seed) == []  # expired lease, still not theirs
    assert granted(server, me, seed) == [callback]
    server.dispose()


def test_time_columns_come_back_as_times_on_every_backend(sync_server_url: str) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0)
    with server.engine.begin() as conn:
        conn.execute(campaigns.update().values(calling_from=time(9, 30),
                                               calling_until=time(20, 45)))
    with server.engine.connect() as conn:
        (group,) = list_rules(conn, [seed.call_list_id])
    assert group.rules.window is not None
    assert (group.rules.window.start, group.rules.window.end) == (time(9, 30), time(20, 45))
    server.dispose()
