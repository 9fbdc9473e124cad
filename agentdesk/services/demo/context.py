"""What every part of the demo generator shares: the clock, seeded randomness and the inserts."""

from __future__ import annotations

import contextlib
import gc
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.services.demo.ids import IdMaker
from agentdesk.store.schema.base import DEFAULT_SITE

# Mainland China has used UTC+8 without daylight saving since 1991, so a fixed offset is exact
# and needs no time-zone database on the workstation.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
TIME_ZONE_NAME = "Asia/Shanghai"


def local(day: date, clock: time) -> datetime:
    """Return ``clock`` on ``day`` in Shanghai time as an aware datetime."""
    return datetime.combine(day, clock, SHANGHAI)


def parse_clock(text: str) -> time:
    """Parse ``"HH:MM"``."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def synced(row_id: uuid.UUID, updated_at: datetime) -> dict[str, Any]:
    """Return the columns every synced row carries, for a freshly created row."""
    return {"id": row_id, "site": DEFAULT_SITE, "version": 1, "updated_at": updated_at,
            "deleted_at": None}


@dataclass
class DemoContext:
    """The generation run: where rows go, the time it pretends to be, and its random streams.

    Each part of the generator draws from its own named stream, so changing one part leaves
    the rows of the others unchanged.

    Attributes:
        conn: Connection inside the caller's transaction.
        seed: Seed of every random stream.
        now: The moment the demo pretends it is (aware, UTC).
        counts: Rows inserted per table.
    """

    conn: Connection
    seed: int
    now: datetime
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        """The current date in Shanghai."""
        return self.now.astimezone(SHANGHAI).date()

    def rng(self, stream: str) -> random.Random:
        """Return a fresh random source for ``stream``, the same for the same seed."""
        return random.Random(f"agentdesk-demo/{self.seed}/{stream}")

    def ids(self, stream: str) -> IdMaker:
        """Return an id source for ``stream``, the same for the same seed."""
        return IdMaker(f"agentdesk-demo-ids/{self.seed}/{stream}")

    def insert(self, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` into ``table`` in one executemany and count them."""
        if rows:
            self.conn.execute(table.insert(), list(rows))
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk of acyclic rows is built and inserted.

    Generation allocates a few hundred thousand dicts that never form cycles; letting the
    collector scan them over and over costs about a sixth of the run time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
