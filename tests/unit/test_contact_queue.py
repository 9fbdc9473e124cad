"""The local side of the dialing rules: grants on the workstation, the leased batch, indexes."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from agentdesk.domain.dialing import DialRules, calling_window
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import Role, User
from agentdesk.store import migrate
from agentdesk.store.contact_queue import (
    _BATCH,
    first_opening,
    forget_leases,
    grant_local,
    leased_batch,
    load_contact,
    pick,
)
from agentdesk.store.database import Database
from agentdesk.store.list_rules import list_rules, list_zones
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customer_phones, customers, dnc_entries
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.work import callbacks

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai, 01:30 in New York
SHANGHAI = "Asia/Shanghai"
NEW_YORK = "America/New_York"
_TEMPLATE: list[Path] = []


def migrated_copy(path: Path) -> Database:
    """Return a database at ``path`` copied from one migrated once per run."""
    if not _TEMPLATE:
        directory = Path(tempfile.mkdtemp(prefix="agentdesk-dialing-"))
        atexit.register(shutil.rmtree, directory, True)
        template = Database.open(directory / "template.db")
        migrate.upgrade_local(template)
        template.close()
        _TEMPLATE.append(directory / "template.db")
    shutil.copy(_TEMPLATE[0], path)
    return Database.open(path)


def row(now: datetime, **values: Any) -> dict[str, Any]:
    """Return a new synced row with ``values``."""
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None, **values}


# (code, category, retry minutes, sort order)
OUTBOUND_CODES = (("SALE", "sale", None, 10), ("NO_ANSWER", "no_contact", 30, 20),
                  ("BUSY", "no_contact", None, 30), ("CALLBACK", "callback", None, 40),
                  ("NOT_INTERESTED", "contact", None, 50), ("DNC", "dnc", None, 60),
                  ("WRONG", "wrong_number", None, 70))
INBOUND_CODES = (("SERVICE", "contact", None, 10), ("IB_CALLBACK", "callback", None, 20),
                 ("IB_DNC", "dnc", None, 30))


@dataclass
class CallCenter:
    """A workstation database with a team, agents, an outbound and an inbound campaign."""

    database: Database
    team_id: uuid.UUID
    agents: list[User]
    campaign_id: uuid.UUID
    list_id: uuid.UUID
    inbound_id: uuid.UUID
    codes: dict[str, uuid.UUID] = field(default_factory=dict)
    numbers: int = 0

    @property
    def agent(self) -> User:
        return self.agents[0]

    def insert(self, table: sa.Table, *rows: dict[str, Any]) -> None:
        with self.database.write() as conn:
            conn.execute(table.insert(), list(rows))

    def add_customer(self, phones: tuple[str, ...] = (), name: str = "李四") -> uuid.UUID:
        self.numbers += 1
        customer = row(NOW, customer_no=f"C{self.numbers:08d}", name=name, gender="unknown",
                       city="", language="zh", tags="", notes="", created_at=NOW)
        self.insert(customers, customer)
        for index, e164 in enumerate(phones):
            self.insert(customer_phones, row(NOW, customer_id=customer["id"], e164=e164,
                                             tail_key=e164[1:][::-1], kind="mobile",
                                             label="手机" if index == 0 else "家里",
                                             is_primary=index == 0))
        return customer["id"]

    def add_contact(self, e164: str = "", *, status: str = "new", priority: int = 0,
                    attempts: int = 0, next_attempt_at: datetime | None = None,
                    time_zone: str = SHANGHAI, callback_agent_id: uuid.UUID | None = None,
                    list_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None,
                    other_phones: tuple[str, ...] = ()) -> uuid.UUID:
        e164 = e164 or f"+86138{self.numbers + 1:08d}"
        if customer_id is None:
            customer_id = self.add_customer((e164, *other_phones))
        contact = row(NOW, call_list_id=list_id or self.list_id, customer_id=customer_id,
                      e164=e164, status=status, priority=priority, attempts=attempts,
                      next_attempt_at=next_attempt_at, last_disposition="",
                      time_zone=time_zone, callback_agent_id=callback_agent_id, lease_token=0)
        self.insert(contacts, contact)
        return contact["id"]

    def add_dnc(self, e164: str, *, expires_at: datetime | None = None,
                deleted_at: datetime | None = None) -> None:
        self.insert(dnc_entries, row(NOW, e164=e164, reason="test", source="admin",
                                     expires_at=expires_at) | {"deleted_at": deleted_at})

    def lease(self, contact_id: uuid.UUID, agent_id: uuid.UUID,
              expires_at: datetime = NOW + timedelta(minutes=15), token: int = 1) -> None:
        with self.database.write() as conn:
            conn.execute(contacts.update().where(contacts.c.id == contact_id).values(
                lease_agent_id=agent_id, lease_expires_at=expires_at, lease_token=token))

    def contact(self, contact_id: uuid.UUID) -> dict[str, Any]:
        with self.database.read() as conn:
            return conn.execute(sa.select(contacts).where(contacts.c.id == contact_id)
                                ).one()._asdict()

    def set_campaign(self, campaign_id: uuid.UUID | None = None, **values: Any) -> None:
        """Change a campaign as a pulled change would: with a new version."""
        with self.database.write() as conn:
            conn.execute(campaigns.update().where(
                campaigns.c.id == (campaign_id or self.campaign_id)).values(
                    version=campaigns.c.version + 1, **values))

    def add_list(self, campaign_id: uuid.UUID | None = None) -> uuid.UUID:
        made = row(NOW, campaign_id=campaign_id or self.campaign_id, name="另一批",
                   source="test", imported_at=NOW, row_count=0, rejected_count=0)
        self.insert(call_lists, made)
        return made["id"]

    def add_campaign(self, code: str, *, max_attempts: int = 3, direction: str = "outbound",
                     status: str = "running", calling_from: time | None = time(9),
                     calling_until: time | None = time(21)) -> uuid.UUID:
        made = row(NOW, code=code, name=f"活动{code}", name_en=f"Campaign {code}",
                   direction=direction, status=status, starts_on=None, ends_on=None,
                   description="", wrapup_seconds=30, max_attempts=max_attempts,
                   calling_from=calling_from, calling_until=calling_until)
        self.insert(campaigns, made)
        return made["id"]

    def outbox(self) -> list[tuple[str, uuid.UUID]]:
        with self.database.read() as conn:
            return [(r.table_name, r.row_id) for r in conn.execute(
                sa.select(outbox.c.table_name, outbox.c.row_id).order_by(outbox.c.seq))]

    def callbacks(self) -> list[dict[str, Any]]:
        with self.database.read() as conn:
            return [r._asdict() for r in conn.execute(
                sa.select(callbacks).order_by(callbacks.c.due_at))]


def build_center(directory: Path, *, max_attempts: int = 3,
                 calling_from: time | None = time(9),
                 calling_until: time | None = time(21)) -> CallCenter:
    """Return a call center on a fresh workstation database in ``directory``."""
    database = migrated_copy(directory / "center.db")
    team = row(NOW, name="一组", supervisor_id=None)
    agents = [User(new_id(), f"agent{n}", f"坐席{n}", Role.AGENT, team["id"]) for n in range(3)]
    lonely = User(new_id(), "loner", "独行", Role.AGENT, None)
    center = CallCenter(database, team["id"], [*agents, lonely], uuid.uuid4(), uuid.uuid4(),
                        uuid.uuid4())
    center.insert(teams, team)
    center.insert(users, *[row(NOW, username=u.username, display_name=u.display_name,
                               role=u.role.value, team_id=u.team_id, password_hash="!",
                               active=True, locale="zh_CN") | {"id": u.id}
                           for u in center.agents])
    center.campaign_id = center.add_campaign("5G", max_attempts=max_attempts,
                                             calling_from=calling_from,
                                             calling_until=calling_until)
    center.inbound_id = center.add_campaign("IB", max_attempts=1, direction="inbound")
    center.list_id = center.add_list()
    for campaign_id, codes in ((center.campaign_id, OUTBOUND_CODES),
                               (center.inbound_id, INBOUND_CODES)):
        for code, category, retry, order in codes:
            made = row(NOW, campaign_id=campaign_id, code=code, label=f"{code} 中文",
                       label_en=code.title(), category=category, retry_minutes=retry,
                       sort_order=order)
            center.insert(disposition_codes, made)
            center.codes[code] = made["id"]
    return center


@pytest.fixture
def center(tmp_path: Path) -> CallCenter:
    made = build_center(tmp_path)
    yield made
    made.database.close()


def grant(center: CallCenter, count: int = 10, agent: User | None = None,
          now: datetime = NOW, list_ids: list[uuid.UUID] | None = None) -> list[uuid.UUID]:
    with center.database.write() as conn:
        return [lease.contact_id for lease in grant_local(
            conn, (agent or center.agent).id, list_ids or [center.list_id], count, now)]


# ---------------------------------------------------------------------- local grants
def test_a_grant_takes_due_callbacks_first_then_priority_then_the_longest_due(
    center: CallCenter,
) -> None:
    me, other = center.agents[0], center.agents[1]
    plain = center.add_contact(priority=1)
    urgent = center.add_contact(priority=9)
    retry_old = center.add_contact(status="retry", priority=1, attempts=1,
                                   next_attempt_at=NOW - timedelta(hours=3))
    retry_new = center.add_contact(status="retry", priority=1, attempts=1,
                                   next_attempt_at=NOW - timedelta(hours=1))
    team_callback = center.add_contact(status="callback", next_attempt_at=NOW)
    my_callback = center.add_contact(status="callback", next_attempt_at=NOW - timedelta(1))
    theirs = center.add_contact(status="callback", callback_agent_id=other.id,
                                next_attempt_at=NOW - timedelta(hours=2), priority=99)
    later = center.add_contact(status="callback", next_attempt_at=NOW + timedelta(seconds=1))
    with center.database.write() as conn:
        conn.execute(contacts.update().where(contacts.c.id == my_callback)
                     .values(callback_agent_id=me.id))
    got = grant(center, 10, me)
    # Due callbacks first (the agent's own and the team's), then by priority, then the
    # longest due (a new contact, due since it was imported, before the retries).
    assert got[:2] == [my_callback, team_callback]
    assert got[2:] == [urgent, plain, retry_old, retry_new]
    assert theirs not in got and later not in got
    stored = center.contact(urgent)
    assert (stored["lease_agent_id"], stored["lease_token"],
            stored["lease_expires_at"]) == (me.id, 1, NOW + timedelta(minutes=15))
    assert grant(center, 10, other) == [theirs]  # the owner of the personal callback


def test_a_grant_leaves_out_what_the_rules_forbid(center: CallCenter) -> None:
    agent, other = center.agents[0], center.agents[1]
    ok = center.add_contact()
    last_try = center.add_contact(status="retry", attempts=2, next_attempt_at=NOW)
    used_up = center.add_contact(status="retry", attempts=3, next_attempt_at=NOW)
    dnc = center.add_contact("+8613900000001")
    expired_dnc = center.add_contact("+8613900000002")
    deleted_dnc = center.add_contact("+8613900000003")
    just_expiring = center.add_contact("+8613900000004")
    center.add_dnc("+8613900000001")
    center.add_dnc("+8613900000002", expires_at=NOW - timedelta(days=1))
    center.add_dnc("+8613900000003", deleted_at=NOW - timedelta(days=1))
    center.add_dnc("+8613900000004", expires_at=NOW)  # expiry is exclusive: no longer listed
    done = center.add_contact(status="done")
    invalid = center.add_contact(status="invalid")
    gone = center.add_contact()
    with center.database.write() as conn:
        conn.execute(contacts.update().where(contacts.c.id == gone).values(deleted_at=NOW))
    held = center.add_contact()
    center.lease(held, other.id, NOW + timedelta(microseconds=1))
    lapsed = center.add_contact()
    center.lease(lapsed, other.id, NOW, token=4)
    got = set(grant(center, 50, agent))
    assert got == {ok, last_try, expired_dnc, deleted_dnc, just_expiring, lapsed}
    assert {used_up, dnc, done, invalid, gone, held}.isdisjoint(got)
    assert center.contact(lapsed)["lease_token"] == 5  # the token keeps growing


def test_a_grant_takes_only_zones_whose_hours_are_open(center: CallCenter) -> None:
    shanghai = center.add_contact()  # 14:30 there
    new_york = center.add_contact("+12125550100", time_zone=NEW_YORK)  # 01:30 there
    kolkata = center.add_contact("+919812345678", time_zone="Asia/Kolkata")  # 12:00
    unknown = center.add_contact("+12125550101", time_zone="")  # judged as the center's zone
    assert set(grant(center)) == {shanghai, kolkata, unknown}
    with center.database.read() as conn:
        assert sorted(list_zones(conn, center.list_id)) == sorted(
            ["", "Asia/Kolkata", NEW_YORK, SHANGHAI])
    # Thirteen hours later New York (09:30) is open and Shanghai (03:30) closed.
    later = NOW + timedelta(hours=13)
    with center.database.write() as conn:
        forget_leases(conn, [shanghai, kolkata, unknown])
    assert grant(center, now=later) == [new_york]


def test_a_grant_without_calling_hours_takes_every_zone_and_counts_only_what_is_asked(
    center: CallCenter,
) -> None:
    center.set_campaign(calling_from=None, calling_until=None)
    made = [center.add_contact(time_zone=zone) for zone in (SHANGHAI, NEW_YORK, "Europe/London")]
    first = grant(center, 2)
    assert len(first) == 2
    assert grant(center, 0) == []
    assert set(first) | set(grant(center, 5)) == set(made)
    assert grant(center, 5) == []  # all held
    assert grant(center, 5, list_ids=[uuid.uuid4()]) == []  # a list nobody knows


def test_a_campaign_closed_everywhere_grants_nothing_and_says_when_it_opens(
    center: CallCenter,
) -> None:
    center.add_contact()
    center.add_contact("+12125550100", time_zone=NEW_YORK)
    night = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 22:00 Shanghai, 09:00 New York
    center.set_campaign(calling_from=time(9, 30), calling_until=time(21))
    assert grant(center, now=night) == []
    with center.database.read() as conn:
        groups = list_rules(conn, [center.list_id])
        opens = first_opening(conn, groups, center.agent.id, night)
    assert opens == datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # 09:30 in New York
    # Nothing left to call in the closed zones: no opening to wait for.
    with center.database.write() as conn:
        conn.execute(contacts.update().values(status="done"))
    with center.database.read() as conn:
        assert first_opening(conn, groups, center.agent.id, night) is None


# ---------------------------------------------------------------------- the leased batch
def test_the_batch_pick_honours_rules_that_arrived_after_the_lease(center: CallCenter) -> None:
    agent, other = center.agents[0], center.agents[1]
    first = center.add_contact("+8613700000001", priority=5)
    second = center.add_contact("+8613700000002", priority=3)
    abroad = center.add_contact("+12125550100", time_zone=NEW_YORK, priority=9)
    expired = center.add_contact(priority=99)
    theirs = center.add_contact(status="callback", callback_agent_id=other.id, priority=50)
    not_mine = center.add_contact(priority=100)
    for contact_id in (first, second, abroad, theirs):
        center.lease(contact_id, agent.id)
    center.lease(expired, agent.id, NOW)
    center.lease(not_mine, other.id)
    with center.database.read() as conn:
        rules = {center.list_id: list_rules(conn, [center.list_id])[0].rules}
        batch = leased_batch(conn, agent.id, [center.list_id], NOW)
    assert {c.id for c in batch} == {first, second, abroad, theirs}
    choice = pick(batch, rules, agent.id, NOW)
    assert choice.contact is not None and choice.contact.id == first
    assert choice.opens_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 09:00 New York
    assert choice.finished == ()
    center.add_dnc("+8613700000001")  # pulled after the lease was granted
    with center.database.read() as conn:
        batch = leased_batch(conn, agent.id, [center.list_id], NOW)
    choice = pick(batch, rules, agent.id, NOW)
    assert choice.contact is not None and choice.contact.id == second
    assert choice.finished == (first,)


def test_a_contact_without_a_zone_is_judged_by_its_number_in_the_batch(
    center: CallCenter,
) -> None:
    new_york_number = center.add_contact("+12125550100", time_zone="")
    center.lease(new_york_number, center.agent.id)
    with center.database.read() as conn:
        rules = {center.list_id: list_rules(conn, [center.list_id])[0].rules}
        (queued,) = leased_batch(conn, center.agent.id, [center.list_id], NOW)
        assert load_contact(conn, new_york_number, NOW) == queued
        assert load_contact(conn, uuid.uuid4(), NOW) is None
    assert queued.zone == NEW_YORK
    choice = pick([queued], rules, center.agent.id, NOW)
    assert choice.contact is None
    assert choice.opens_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def test_rules_come_per_list_from_their_campaigns(center: CallCenter) -> None:
    strict = center.add_campaign("STRICT", max_attempts=1, calling_from=time(8),
                                 calling_until=None)
    strict_list = center.add_list(strict)
    with center.database.read() as conn:
        groups = list_rules(conn, [center.list_id, strict_list, uuid.uuid4()])
    by_list = {list_id: g.rules for g in groups for list_id in g.call_list_ids}
    assert by_list == {center.list_id: DialRules(3, calling_window(time(9), time(21))),
                       strict_list: DialRules(1, calling_window(time(8), None))}
    once = center.add_contact(status="retry", attempts=1, list_id=strict_list)
    twice = center.add_contact(status="retry", attempts=1)
    assert set(grant(center, list_ids=[center.list_id, strict_list])) == {twice}
    assert once not in grant(center, list_ids=[strict_list])


# ---------------------------------------------------------------------- indexes
def plan(center: CallCenter, sql: str, params: dict[str, Any]) -> str:
    with center.database.read() as conn:
        return " | ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql, tuple(params.values()) if params else ()))


def captured(center: CallCenter, work: Any) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    sa.event.listen(center.database.engine, "before_cursor_execute", listen)
    try:
        work()
    finally:
        sa.event.remove(center.database.engine, "before_cursor_execute", listen)
    return seen


def test_grants_and_the_batch_read_their_indexes(center: CallCenter) -> None:
    for n in range(30):
        center.add_contact(priority=n % 4)
    statements = captured(center, lambda: grant(center, 5))
    selects = [(s, p) for s, p in statements if "ORDER BY contacts." in s]
    assert len(selects) == 2  # the callbacks, then the first calls
    callbacks_plan = plan(center, *_sqlite_params(selects[0]))
    first_plan = plan(center, *_sqlite_params(selects[1]))
    # Both read an index in the order they want: no sort of what is due, however much
    # (callbacks due at the same instant are put in id order among themselves).
    assert "ix_contacts_due" in callbacks_plan
    assert "TEMP B-TREE FOR ORDER BY" not in callbacks_plan
    assert "ix_contacts_lease_order" in first_plan and "TEMP B-TREE" not in first_plan
    zones = [(s, p) for s, p in statements if "WITH RECURSIVE" in s]
    assert zones and "ix_contacts_call_list_zone" in plan(center, *_sqlite_params(zones[0]))
    batch_plan = plan(center, _BATCH.sql, dict.fromkeys(range(_BATCH.sql.count("?"))))
    assert "ix_contacts_lease_agent" in batch_plan and "SCAN contacts" not in batch_plan


def _sqlite_params(item: tuple[str, Any]) -> tuple[str, dict[str, Any]]:
    statement, parameters = item
    values = parameters if isinstance(parameters, tuple) else tuple(parameters or ())
    return statement, dict(enumerate(values))


# ---------------------------------------------------------------------- migration 0005
def test_upgrading_a_populated_0004_database_keeps_everything_and_fills_callback_owners(
    tmp_path: Path,
) -> None:
    database = Database.open(tmp_path / "old.db")
    migrate.upgrade_local(database, "0004")
    stamp = "2026-11-23 06:30:00.000000"
    agent, colleague = uuid.uuid4(), uuid.uuid4()
    ids = {name: uuid.uuid4() for name in ("team", "campaign", "list", "customer", "personal",
                                           "team_cb", "plain", "cb1", "cb2", "cb3")}
    statements = [
        ("INSERT INTO teams (id, site, version, updated_at, name) VALUES (?, 'default', 1, ?, "
         "'一组')", (ids["team"].hex, stamp)),
        *[("INSERT INTO users (id, site, version, updated_at, username, display_name, role, "
           "team_id, password_hash, active, locale) VALUES (?, 'default', 1, ?, ?, '', 'agent', "
           "?, '!', 1, '')", (u.hex, stamp, name, ids["team"].hex))
          for u, name in ((agent, "a"), (colleague, "b"))],
        ("INSERT INTO campaigns (id, site, version, updated_at, code, name, name_en, direction, "
         "status, description, wrapup_seconds, max_attempts) VALUES (?, 'default', 1, ?, '5G', "
         "'', '', 'outbound', 'running', '', 30, 5)", (ids["campaign"].hex, stamp)),
        ("INSERT INTO call_lists (id, site, version, updated_at, campaign_id, name, source, "
         "imported_at, row_count, rejected_count) VALUES (?, 'default', 1, ?, ?, '', '', ?, 0, "
         "0)", (ids["list"].hex, stamp, ids["campaign"].hex, stamp)),
        ("INSERT INTO customers (id, site, version, updated_at, customer_no, name, gender, city, "
         "language, tags, notes, created_at) VALUES (?, 'default', 1, ?, 'C00000001', '张三', "
         "'unknown', '', 'zh', '', '', ?)", (ids["customer"].hex, stamp, stamp)),
        *[("INSERT INTO contacts (id, site, version, updated_at, call_list_id, customer_id, "
           "e164, status, priority, attempts, last_disposition, time_zone, lease_token) VALUES "
           "(?, 'default', 3, ?, ?, ?, ?, ?, 0, 1, 'CB', 'Asia/Shanghai', 2)",
           (ids[key].hex, stamp, ids["list"].hex, ids["customer"].hex, number, status))
          for key, number, status in (("personal", "+8613800000001", "callback"),
                                      ("team_cb", "+8613800000002", "callback"),
                                      ("plain", "+8613800000003", "retry"))],
        *[("INSERT INTO callbacks (id, site, version, updated_at, contact_id, customer_id, "
           "agent_id, team_id, due_at, scope, status, notes) VALUES (?, 'default', 1, ?, ?, ?, "
           "?, ?, ?, ?, ?, '')",
           (ids[key].hex, stamp, ids[contact].hex, ids["customer"].hex,
            None if owner is None else owner.hex, ids["team"].hex if owner is None else None,
            due, scope, status))
          for key, contact, owner, due, scope, status in (
              ("cb1", "personal", colleague, "2026-11-20 02:00:00.000000", "personal", "done"),
              ("cb2", "personal", agent, "2026-11-24 02:00:00.000000", "personal", "pending"),
              ("cb3", "team_cb", None, "2026-11-24 03:00:00.000000", "team", "pending"))],
        ("INSERT INTO outbox (mutation_id, table_name, row_id, op, payload, created_at) VALUES "
         "(?, 'contacts', ?, 'upsert', '{\"status\": \"callback\"}', ?)",
         (uuid.uuid4().hex, ids["personal"].hex, stamp)),
    ]
    with database.write() as conn:
        for sql, params in statements:
            conn.exec_driver_sql(sql, params)
    migrate.upgrade_local(database)
    assert migrate.current_revision(database.engine) == migrate.HEAD_REVISION
    with database.read() as conn:
        owners = {r.id: (r.callback_agent_id, r.version, r.lease_token) for r in conn.execute(
            sa.select(contacts.c.id, contacts.c.callback_agent_id, contacts.c.version,
                      contacts.c.lease_token))}
        queued = conn.execute(sa.select(outbox.c.table_name, outbox.c.payload)).all()
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("contacts")}
    assert owners == {ids["personal"]: (agent, 3, 2), ids["team_cb"]: (None, 3, 2),
                      ids["plain"]: (None, 3, 2)}
    assert [tuple(q) for q in queued] == [("contacts", '{"status": "callback"}')]
    assert {"ix_contacts_call_list_zone", "ix_contacts_lease_agent",
            "ix_contacts_lease_order"} <= indexes
    assert database.check_integrity() == []
    # And back: 0004 has none of it, and upgrading again restores it.
    config = migrate.alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    with database.read() as conn:
        assert "callback_agent_id" not in {c["name"] for c in
                                           sa.inspect(conn).get_columns("contacts")}
        assert "ix_contacts_lease_order" not in {
            i["name"] for i in sa.inspect(conn).get_indexes("contacts")}
        assert conn.execute(sa.text("SELECT count(*) FROM outbox")).scalar() == 1
    migrate.upgrade_local(database)
    assert migrate.current_revision(database.engine) == migrate.HEAD_REVISION
    database.close()
