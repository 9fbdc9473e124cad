"""A workstation process for kill tests: it writes and syncs, or pulls, until it is killed.

Run as ``python -m tests.helpers.crash_worker MODE ...`` from the project root. It prints one
line per durable step, flushed at once, so the test knows what was committed before the kill:

- ``READY``: set up, about to start.
- ``W <table> <row id> <version>``: a local write (rows and outbox entries) committed.
- ``R begin`` / ``R end <cursor>``: a sync round started / finished.
- ``P <cursor>``: a pulled page and its cursor committed.
- ``T``: a local write transaction is about to commit (it waits HOLD_MS first).
- ``DONE``: nothing left to do (pull mode).

Modes:
    write DIR NAME SERVER_URL SEED PREFIX HOLD_MS: write customers, phones, calls and edits
        without end, with a sync round every few steps.
    pull DIR NAME SERVER_URL PAGE HOLD_MS: pull everything in pages of PAGE changes.
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.customers import Customer, CustomerDraft, PhoneDraft, validate_customer
from agentdesk.store.customers import SqlCustomerRepository
from agentdesk.store.schema.catalogue import campaigns
from agentdesk.store.schema.contacts import customers
from agentdesk.store.schema.people import users
from agentdesk.sync.client import RoundProgress, SyncClient
from agentdesk.sync.connection import server_engine
from agentdesk.sync.server import ServerStore
from tests.helpers.sync_env import Station, meta, station

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


def say(line: str) -> None:
    """Print one progress line and flush it before going on."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def customer_row(number: str, name: str, **values: Any) -> dict[str, Any]:
    """Return a full new customer row."""
    return meta(NOW, customer_no=number, name=name, gender="unknown", city="", language="zh",
                tags="", notes="", created_at=NOW) | values


def phone_row(customer_id: uuid.UUID, e164: str, **values: Any) -> dict[str, Any]:
    """Return a full new customer_phones row."""
    return meta(NOW, customer_id=customer_id, e164=e164, tail_key=e164.lstrip("+")[::-1],
                kind="mobile", label="", is_primary=False) | values


def call_row(agent_id: uuid.UUID, campaign_id: uuid.UUID, customer_id: uuid.UUID, e164: str,
             minute: int) -> dict[str, Any]:
    """Return a full new calls row: an answered outbound call of one minute."""
    started = NOW + timedelta(minutes=minute)
    return meta(NOW, campaign_id=campaign_id, contact_id=None, customer_id=customer_id,
                agent_id=agent_id, direction="outbound", e164=e164, started_at=started,
                answered_at=started + timedelta(seconds=7),
                ended_at=started + timedelta(seconds=67), end_reason="hangup",
                talk_seconds=60, recording_consent=True, lease_token=None, script_id=None,
                script_path=None)


def hold_commits(st: Station, milliseconds: int) -> None:
    """Print ``T`` and wait before each local write transaction commits.

    A kill then often lands with a transaction's rows written but not committed, the moment
    a checkpoint stored apart from its data, or a row apart from its outbox entry, would
    betray itself.
    """
    def before_commit(conn: Connection) -> None:
        if conn.get_execution_options().get("agentdesk_write"):
            say("T")
            time.sleep(milliseconds / 1000)

    sa.event.listen(st.database.engine, "commit", before_commit)


def _write(st: Station, table: str, row: dict[str, Any]) -> dict[str, Any]:
    st.write(table, row)
    say(f"W {table} {row['id']} {row['version']}")
    return row


def _saved(customer: Customer) -> Customer:
    say(f"W customers {customer.id} {customer.version}")
    for phone in customer.phones:
        say(f"W customer_phones {phone.id} 1")  # the worker never edits a phone
    return customer


def write_forever(st: Station, seed: int, prefix: str, hold_ms: int) -> None:
    """Write through the customer repository and the outbox, and sync, until killed.

    Each step creates a customer with a phone (one transaction), maybe a call, and maybe
    edits an older customer; every fourth step runs a sync round.
    """
    rng = random.Random(seed)
    repository = SqlCustomerRepository(st.database, st.clock)
    with st.database.read() as conn:
        agent_id = conn.execute(sa.select(users.c.id)).scalars().first()
        campaign_id = conn.execute(sa.select(campaigns.c.id)).scalars().first()
        known = sorted(conn.execute(sa.select(customers.c.id)).scalars())
    assert agent_id is not None and campaign_id is not None, "pull the parents first"
    hold_commits(st, hold_ms)
    say("READY")
    n = 0
    while True:
        n += 1
        e164 = f"+86139{n % 100_000_000:08d}"
        made = _saved(repository.save(None, None, validate_customer(CustomerDraft(
            name=f"客户{prefix}{n}", city=rng.choice(["杭州", "上海", ""]),
            phones=[PhoneDraft(e164, is_primary=True)])), agent_id))
        known.append(made.id)
        if rng.random() < 0.5:
            _write(st, "calls", call_row(agent_id, campaign_id, made.id, e164, n))
        if rng.random() < 0.5:
            old = repository.get(rng.choice(known))
            _saved(repository.save(old.id, old.version, validate_customer(CustomerDraft(
                name=old.name, gender=old.gender, city=rng.choice(["杭州", "上海", "北京"]),
                language=old.language, tags=old.tags, notes=f"第{n}次",
                phones=[PhoneDraft(p.e164, p.label, p.is_primary, p.id) for p in old.phones],
            )), agent_id))
        if n % 4 == 0:
            say("R begin")
            report = st.client.run_round()
            say(f"R end {report.cursor}")


def pull_all(st: Station, page: int, hold_ms: int) -> None:
    """Pull everything in small pages, reporting each stored cursor."""
    client = SyncClient(st.database, st.client.server, workstation_id=st.name, clock=st.clock,
                        pull_page=page)
    hold_commits(st, hold_ms)

    def progress(step: RoundProgress) -> None:
        if step.phase == "pull":
            say(f"P {step.done}")

    say("READY")
    client.run_round(progress)
    say("DONE")


def main(argv: list[str]) -> int:
    """Run one mode until killed (write) or done (pull)."""
    mode, directory, name, url = argv[:4]
    server = ServerStore(server_engine(url))
    with station(Path(directory), server, NOW, name) as st:
        if mode == "write":
            write_forever(st, int(argv[4]), argv[5], int(argv[6]))
        elif mode == "pull":
            pull_all(st, int(argv[4]), int(argv[5]))
        else:
            raise SystemExit(f"unknown mode {mode}")
    server.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
