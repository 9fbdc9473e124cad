"""Agent state events on the workstation: append one with its outbox entry, read them back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import AgentStateKind
from agentdesk.domain.errors import NotFoundError
from agentdesk.domain.ids import new_id
from agentdesk.store.database import Database
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.people import agent_state_events, users

_events = agent_state_events.c
# Latest first; the id (a UUIDv7) orders events recorded at the same instant.
_NEWEST_FIRST = (_events.at.desc(), _events.id.desc())


@dataclass(frozen=True, slots=True)
class StateEvent:
    """One recorded change of an agent's state.

    Attributes:
        kind: The state entered.
        reason: The not-ready reason, empty for other states.
        at: When the state was entered (UTC).
    """

    kind: AgentStateKind
    reason: str
    at: datetime


def _live(agent_id: uuid.UUID) -> sa.ColumnElement[bool]:
    return sa.and_(_events.agent_id == agent_id, _events.deleted_at.is_(None))


def _latest(conn: Connection, agent_id: uuid.UUID) -> StateEvent | None:
    row = conn.execute(
        sa.select(_events.state, _events.reason, _events.at)
        .where(_live(agent_id)).order_by(*_NEWEST_FIRST).limit(1)
    ).first()
    return None if row is None else StateEvent(AgentStateKind(row.state), row.reason, row.at)


class SqlAgentStateLog:
    """The ``agent_state_events`` of the workstation database.

    Args:
        database: The workstation database.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    def append(self, agent_id: uuid.UUID, event: StateEvent, *, now: datetime) -> bool:
        """Record ``event`` unless it repeats the agent's latest event (same kind and reason).

        The row and its outbox entry commit in one transaction.

        Args:
            agent_id: The agent whose state changed.
            event: The new state.
            now: Workstation time of the write (``updated_at`` and the outbox entry).

        Returns:
            True if a row was written, False for a repeat.

        Raises:
            NotFoundError: the agent is not a user of this workstation; nothing was written.
        """
        with self._db.write() as conn:
            last = _latest(conn, agent_id)
            if last is not None and (last.kind, last.reason) == (event.kind, event.reason):
                return False
            site = conn.execute(sa.select(users.c.site).where(users.c.id == agent_id)).scalar()
            if site is None:
                raise NotFoundError(f"No user {agent_id}", id=str(agent_id))
            row = {
                "id": new_id(), "site": site, "version": 1, "updated_at": now,
                "deleted_at": None, "agent_id": agent_id, "state": event.kind.value,
                "reason": event.reason, "at": event.at,
            }
            conn.execute(agent_state_events.insert().values(row))
            queue_mutation(conn, agent_state_events, row, base_version=None, now=now)
            return True

    def latest(self, agent_id: uuid.UUID) -> StateEvent | None:
        """Return the agent's most recent event, or None if none was ever recorded."""
        with self._db.read() as conn:
            return _latest(conn, agent_id)

    def between(self, agent_id: uuid.UUID, start: datetime, end: datetime) -> list[StateEvent]:
        """Return the events that shape the agent's states in ``[start, end)``, oldest first.

        The first item is the last event before ``start`` when there is one: the state the
        agent was already in when the window opened.
        """
        with self._db.read() as conn:
            before = conn.execute(
                sa.select(_events.state, _events.reason, _events.at)
                .where(_live(agent_id), _events.at < start)
                .order_by(*_NEWEST_FIRST).limit(1)
            ).first()
            inside = conn.execute(
                sa.select(_events.state, _events.reason, _events.at)
                .where(_live(agent_id), _events.at >= start, _events.at < end)
                .order_by(_events.at, _events.id)
            ).all()
        rows = ([before] if before is not None else []) + list(inside)
        return [StateEvent(AgentStateKind(r.state), r.reason, r.at) for r in rows]
