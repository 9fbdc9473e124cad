"""Demo workspace content: a realistic fortnight of a 5G telesales campaign, from a seed.

This module stays light (the console imports it for the demo account); the generator loads
on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

DEMO_PASSWORD = "demo1234"
DEMO_AGENT = "agent01"  # the agent --demo signs in as

__all__ = ["DEMO_AGENT", "DEMO_PASSWORD", "DemoSummary", "generate_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo` created.

    Attributes:
        counts: Rows inserted per table.
        usernames: Every user, agents first; all sign in with :attr:`password`.
        agents: The agents' usernames.
        demo_agent: The agent the demo signs in as.
        password: The password of every demo user.
        campaigns: Codes of the campaigns, outbound first.
    """

    counts: dict[str, int]
    usernames: tuple[str, ...]
    agents: tuple[str, ...]
    demo_agent: str
    password: str
    campaigns: tuple[str, ...]


def generate_demo(
    conn: Connection, *, seed: int = 2026, now: datetime, customers: int = 5000
) -> DemoSummary:
    """Fill an empty, migrated database with the demo workspace.

    See :func:`agentdesk.services.demo.generator.generate_demo`.
    """
    from agentdesk.services.demo import generator

    return generator.generate_demo(conn, seed=seed, now=now, customers=customers)
