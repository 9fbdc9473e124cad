"""The demo generator itself: builds every table of the demo workspace in FK order."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from agentdesk.services.demo import DEMO_AGENT, DEMO_PASSWORD, DemoSummary
from agentdesk.services.demo.call_lists import create_call_lists, write_contacts
from agentdesk.services.demo.cases import create_cases
from agentdesk.services.demo.catalogue import create_catalogue, create_targets
from agentdesk.services.demo.context import DemoContext, collector_paused
from agentdesk.services.demo.customers import create_customers
from agentdesk.services.demo.history import Fortnight
from agentdesk.services.demo.knowledge import create_knowledge
from agentdesk.services.demo.orders import OrderDesk
from agentdesk.services.demo.people import create_staff
from agentdesk.services.demo.scripts import create_scripts, trace_calls


def generate_demo(
    conn: Connection, *, seed: int = 2026, now: datetime, customers: int = 5000
) -> DemoSummary:
    """Fill an empty, migrated database with the demo workspace.

    Everything is derived from ``seed`` and ``now``: the same inputs give the same rows,
    ids included. Rows go in with one executemany per table, parents first; nothing is
    queued for sync.

    Args:
        conn: A connection inside the caller's write transaction.
        seed: Seed of every random choice.
        now: The moment the demo pretends it is (timezone-aware); the history covers the
            fourteen days before it.
        customers: How many customers to create.

    Returns:
        The row counts and the users created.

    Raises:
        ValueError: ``now`` is naive or ``customers`` is below 1.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if customers < 1:
        raise ValueError("customers must be at least 1")
    ctx = DemoContext(conn, seed, now.astimezone(UTC))
    with collector_paused():
        return _generate(ctx, customers)


def _generate(ctx: DemoContext, customer_count: int) -> DemoSummary:
    staff = create_staff(ctx, DEMO_PASSWORD)
    catalogue = create_catalogue(ctx)
    create_targets(ctx, staff, catalogue)
    book = create_customers(ctx, customer_count)
    lists = create_call_lists(ctx, catalogue, book)
    history = Fortnight(ctx, staff, catalogue, book, lists, DEMO_AGENT).run()
    write_contacts(ctx, lists)
    knowledge = create_knowledge(ctx, catalogue)
    made = create_scripts(ctx, catalogue, knowledge.topic_keys)
    trace_calls(ctx, history.calls, history.dispositions, catalogue, made)
    history.write(ctx)
    desk = OrderDesk(ctx, catalogue)
    desk.take(history.sales)
    desk.write()
    create_cases(ctx, history.complaints, knowledge.rules, knowledge.rule_ids, staff)
    return DemoSummary(
        counts=dict(ctx.counts),
        usernames=staff.usernames,
        agents=tuple(a.username for a in staff.agents),
        demo_agent=DEMO_AGENT,
        password=DEMO_PASSWORD,
        campaigns=(catalogue.outbound.code, catalogue.inbound.code),
    )
