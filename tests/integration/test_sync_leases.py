"""Contact leases on every server backend: one agent per contact, fencing tokens, expiry."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from agentdesk.domain.calls import ContactStatus
from agentdesk.services.sync import read_conflicts
from agentdesk.store.call_results import CallResult, record_call_result
from agentdesk.store.schema.contacts import contacts
from agentdesk.store.schema.sync import sync_conflicts
from agentdesk.store.schema.work import calls
from agentdesk.sync import leases
from agentdesk.sync.protocol import Lease
from agentdesk.sync.server import ServerStore, server_now
from tests.helpers.sync_env import Station
from tests.helpers.sync_ops import Seed, new_server, new_station, seed_call_list

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
AGENTS = 50
CONTACTS = 2000
BATCH = 5


def lease_rows(server: ServerStore) -> dict[uuid.UUID, tuple[uuid.UUID | None, int]]:
    """Return each contact's (holder, token) as the server keeps them."""
    with server.engine.connect() as conn:
        return {r.id: (r.lease_agent_id, int(r.lease_token)) for r in conn.execute(
            sa.select(contacts.c.id, contacts.c.lease_agent_id, contacts.c.lease_token))}


def expire(server: ServerStore, *contact_ids: uuid.UUID) -> None:
    """Make leases run out, as if their time had passed (server clock)."""
    with server.engine.begin() as conn:
        past = server_now(conn) - timedelta(minutes=1)
        conn.execute(contacts.update().where(contacts.c.id.in_(contact_ids))
                     .values(lease_expires_at=past))


def test_concurrent_agents_never_get_the_same_contact(sync_server_url: str) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=CONTACTS, agent_count=1)
    agents = [uuid.uuid4() for _ in range(AGENTS)]
    granted: dict[uuid.UUID, list[Lease]] = {agent: [] for agent in agents}
    failures: list[BaseException] = []
    start = threading.Barrier(AGENTS)

    def agent_loop(agent: uuid.UUID) -> None:
        try:
            start.wait()
            while batch := leases.grant(server, agent, [seed.call_list_id], BATCH):
                assert len(batch) <= BATCH
                granted[agent].extend(batch)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=agent_loop, args=(a,)) for a in agents]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:3]
    every = [lease.contact_id for batch in granted.values() for lease in batch]
    assert len(every) == len(set(every)) == CONTACTS  # each contact once, to one agent
    assert set(every) == set(seed.contact_ids)
    assert {lease.token for batch in granted.values() for lease in batch} == {1}
    assert sum(1 for batch in granted.values() if batch) > 1  # the agents really competed
    stored = lease_rows(server)
    for agent, batch in granted.items():
        for lease in batch:
            assert stored[lease.contact_id] == (agent, 1)
    assert leases.grant(server, agents[0], [seed.call_list_id], BATCH) == []
    server.dispose()


def test_an_expired_lease_goes_back_to_the_pool_with_a_higher_token(
    sync_server_url: str,
) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=6)
    done, deleted, later = seed.contact_ids[3:]
    with server.engine.begin() as conn:  # contacts that are not due are never leased
        future = server_now(conn) + timedelta(hours=2)
        conn.execute(contacts.update().where(contacts.c.id == done)
                     .values(status=ContactStatus.DONE.value))
        conn.execute(contacts.update().where(contacts.c.id == deleted).values(deleted_at=NOW))
        conn.execute(contacts.update().where(contacts.c.id == later)
                     .values(status=ContactStatus.RETRY.value, next_attempt_at=future))
    first, second = uuid.uuid4(), uuid.uuid4()
    assert leases.grant(server, first, [uuid.uuid4()], 10) == []  # another list
    assert leases.grant(server, first, [seed.call_list_id], 0) == []
    held = leases.grant(server, first, [seed.call_list_id], 10)
    assert sorted(lease.contact_id for lease in held) == sorted(seed.contact_ids[:3])
    assert [lease.token for lease in held] == [1, 1, 1]
    with server.engine.connect() as conn:
        now = server_now(conn)
    assert all(now < lease.expires_at <= now + leases.DEFAULT_TTL for lease in held)
    assert leases.grant(server, second, [seed.call_list_id], 10) == []  # all held
    expire(server, held[0].contact_id)
    (again,) = leases.grant(server, second, [seed.call_list_id], 10)
    assert (again.contact_id, again.token) == (held[0].contact_id, 2)
    assert lease_rows(server)[held[0].contact_id] == (second, 2)
    # A lease granted with no time at all is over at once; the next grant takes it again.
    expire(server, again.contact_id)
    (third,) = leases.grant(server, first, [seed.call_list_id], 10, ttl=timedelta(0))
    assert (third.contact_id, third.token) == (again.contact_id, 3)
    (fourth,) = leases.grant(server, second, [seed.call_list_id], 10)
    assert (fourth.contact_id, fourth.token) == (again.contact_id, 4)
    server.dispose()


def test_renew_keeps_held_leases_and_release_returns_them_with_their_token(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=3, agent_count=2)
    agent_a, agent_b = seed.agent_ids
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b") as b:
        a.client.run_round()
        b.client.run_round()
        mine = a.client.lease_contacts(agent_a, [seed.call_list_id], 5)
        assert len(mine) == 3
        assert sorted(h.contact_id for h in a.client.held_leases(agent_a)) == sorted(
            m.contact_id for m in mine)
        lost = mine[0]
        expire(server, lost.contact_id)
        taken = b.client.lease_contacts(agent_b, [seed.call_list_id], 1)
        assert [(t.contact_id, t.token) for t in taken] == [(lost.contact_id, 2)]
        kept = a.client.renew_leases(agent_a)
        assert sorted(k.contact_id for k in kept) == sorted(m.contact_id for m in mine[1:])
        assert all(k.token == 1 and k.expires_at >= mine[1].expires_at for k in kept)
        assert sorted(h.contact_id for h in a.client.held_leases(agent_a)) == sorted(
            k.contact_id for k in kept)
        assert a.row("contacts", lost.contact_id)["lease_agent_id"] is None  # type: ignore[index]
        stored = lease_rows(server)
        assert stored[lost.contact_id] == (agent_b, 2)
        assert all(stored[k.contact_id] == (agent_a, 1) for k in kept)
        # Giving a contact back: only its holder can, with its token; the token stays.
        back, still = kept
        assert leases.release(server, agent_b, [back]) == 0
        assert leases.release(server, agent_a, [Lease(back.contact_id, 7, back.expires_at)]) == 0
        assert a.client.release_leases(agent_a, [back.contact_id]) == 1
        assert [h.contact_id for h in a.client.held_leases(agent_a)] == [still.contact_id]
        with server.engine.connect() as conn:
            row = conn.execute(sa.select(contacts).where(contacts.c.id == back.contact_id)).one()
        assert (row.lease_agent_id, row.lease_expires_at, row.lease_token) == (None, None, 1)
        assert [k.contact_id for k in a.client.renew_leases(agent_a)] == [still.contact_id]
        (again,) = b.client.lease_contacts(agent_b, [seed.call_list_id], 5)
        assert (again.contact_id, again.token) == (back.contact_id, 2)
    server.dispose()


def test_a_result_under_a_stale_lease_is_kept_and_flagged_as_a_double_contact(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=1, agent_count=2)
    agent_a, agent_b = seed.agent_ids
    (contact_id,) = seed.contact_ids
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b") as b:
        a.client.run_round()
        b.client.run_round()
        assert [lease.token for lease in a.client.lease_contacts(agent_a, [seed.call_list_id],
                                                                  1)] == [1]
        expire(server, contact_id)  # a is offline too long; b gets the contact
        assert [lease.token for lease in b.client.lease_contacts(agent_b, [seed.call_list_id],
                                                                  1)] == [2]
        call_b = record(b, seed, agent_b)
        assert b.client.run_round().merged == 0
        call_a = record(a, seed, agent_a)  # made under token 1, reaches the server later
        report = a.client.run_round()
        assert (report.pushed, report.rejected, report.merged) == (3, 0, 1)  # the call
        with server.engine.connect() as conn:
            stored = {r.id: r.lease_token for r in conn.execute(
                sa.select(calls.c.id, calls.c.lease_token))}
            flagged = conn.execute(sa.select(sync_conflicts).where(
                sync_conflicts.c.kind == "double_contact")).all()
        assert stored == {call_a: 1, call_b: 2}  # nothing lost
        assert [(f.table_name, f.row_id, f.field, f.kept_value, f.lost_value, f.workstation_id)
                for f in flagged] == [("calls", call_a, "lease_token", "2", "1", "ws-a")]
        b.client.run_round()
        assert [(c.kind, c.row_id) for c in read_conflicts(b.database)
                if c.kind == "double_contact"] == [("double_contact", call_a)]
    server.dispose()


def record(st: Station, seed: Seed, agent: uuid.UUID) -> uuid.UUID:
    """Record a finished call to the seed's contact from ``st``."""
    result = CallResult(contact_id=seed.contact_ids[0], agent_id=agent,
                        disposition_code_id=seed.disposition_code_id, started_at=NOW,
                        answered_at=NOW + timedelta(seconds=8),
                        ended_at=NOW + timedelta(minutes=3), end_reason="hangup",
                        status=ContactStatus.DONE, notes=f"{st.name} 成交")
    return record_call_result(st.database, result, campaign_id=seed.campaign_id, now=NOW)
