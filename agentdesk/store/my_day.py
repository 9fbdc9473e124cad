"""The figures of an agent's day, and of their teammates' for the rank, read in one transaction.

Each agent's calls come from one range of ``ix_calls_agent_started``; a call's disposition is
found through ``ix_dispositions_call_id``. So the cost follows the calls of the day, not the
size of the history a workstation has accumulated.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import DispositionCategory
from agentdesk.domain.people import Role
from agentdesk.store.database import Database
from agentdesk.store.schema.catalogue import disposition_codes, targets
from agentdesk.store.schema.people import users
from agentdesk.store.schema.work import calls, dispositions

_sale_codes = sa.select(disposition_codes.c.id).where(
    disposition_codes.c.category == DispositionCategory.SALE.value
)
# A correction is a new disposition row, so a call is a sale when its latest live disposition
# (by time, then id) has a sale code. Put as "a sale disposition with none after it", most
# calls cost one index look-up and no sort.
_disposition, _later = dispositions.alias("disposition"), dispositions.alias("later")
_is_sale = sa.exists().where(
    _disposition.c.call_id == calls.c.id,
    _disposition.c.deleted_at.is_(None),
    _disposition.c.disposition_code_id.in_(_sale_codes),
    ~sa.exists().where(
        _later.c.call_id == _disposition.c.call_id,
        _later.c.deleted_at.is_(None),
        sa.or_(_later.c.at > _disposition.c.at,
               sa.and_(_later.c.at == _disposition.c.at, _later.c.id > _disposition.c.id)),
    ),
)
_FIGURES = (
    sa.select(
        calls.c.agent_id,
        sa.func.count().label("calls"),
        sa.func.count(calls.c.answered_at).label("contacts"),
        sa.func.coalesce(sa.func.sum(calls.c.talk_seconds), 0).label("talk_seconds"),
        sa.func.coalesce(
            sa.func.sum(sa.case((_is_sale, 1), else_=0)), 0
        ).label("sales"),
    )
    .where(
        calls.c.agent_id.in_(sa.bindparam("agent_ids", expanding=True)),
        calls.c.started_at >= sa.bindparam("start"),
        calls.c.started_at < sa.bindparam("end"),
        calls.c.deleted_at.is_(None),
    )
    .group_by(calls.c.agent_id)
)


@dataclass(frozen=True, slots=True)
class DayFigures:
    """One agent's work in a time window.

    Attributes:
        calls: Calls started in the window, both directions.
        contacts: Those that were answered.
        talk_seconds: Seconds connected on them.
        sales: Those whose latest disposition is a sale.
    """

    calls: int = 0
    contacts: int = 0
    talk_seconds: int = 0
    sales: int = 0


@dataclass(frozen=True, slots=True)
class TargetShare:
    """A target covering a day, as the agent's targets table holds it.

    Attributes:
        value: The target for the whole period, in the metric's unit.
        period_start: First day of the period.
        period_end: Last day of the period (inclusive).
    """

    value: int
    period_start: date
    period_end: date


@dataclass(frozen=True, slots=True)
class DaySnapshot:
    """What the "my day" panel is computed from.

    Attributes:
        figures: Figures of the agent and of every ranked teammate, by user id.
        targets: The agent's targets covering the day, by metric.
    """

    figures: dict[uuid.UUID, DayFigures]
    targets: dict[str, list[TargetShare]]


def _teammates(conn: Connection, team_id: uuid.UUID) -> list[uuid.UUID]:
    return list(conn.execute(
        sa.select(users.c.id).where(
            users.c.team_id == team_id, users.c.role == Role.AGENT.value,
            users.c.active.is_(True), users.c.deleted_at.is_(None),
        )
    ).scalars())


def _figures(
    conn: Connection, agent_ids: Sequence[uuid.UUID], start: datetime, end: datetime
) -> dict[uuid.UUID, DayFigures]:
    found = {agent_id: DayFigures() for agent_id in agent_ids}
    for row in conn.execute(_FIGURES, {"agent_ids": list(agent_ids), "start": start, "end": end}):
        found[row.agent_id] = DayFigures(int(row.calls), int(row.contacts),
                                         int(row.talk_seconds), int(row.sales))
    return found


def _targets(
    conn: Connection, agent_id: uuid.UUID, day: date, metrics: Sequence[str]
) -> dict[str, list[TargetShare]]:
    found: dict[str, list[TargetShare]] = {metric: [] for metric in metrics}
    rows = conn.execute(
        sa.select(targets.c.metric, targets.c.value, targets.c.period_start, targets.c.period_end)
        .where(
            targets.c.agent_id == agent_id, targets.c.metric.in_(metrics),
            targets.c.period_start <= day, targets.c.period_end >= day,
            targets.c.deleted_at.is_(None),
        )
        .order_by(targets.c.period_start, targets.c.id)
    )
    for row in rows:
        found[row.metric].append(TargetShare(int(row.value), row.period_start, row.period_end))
    return found


def read_day(
    database: Database,
    agent_id: uuid.UUID,
    team_id: uuid.UUID | None,
    start: datetime,
    end: datetime,
    day: date,
    metrics: Sequence[str],
) -> DaySnapshot:
    """Read the agent's day and their team's, in one read transaction.

    Args:
        database: The workstation database.
        agent_id: The agent.
        team_id: The agent's team; None reads the agent alone.
        start: Start of the day (UTC, inclusive).
        end: End of the day (UTC, exclusive).
        day: The local date, to choose the targets covering it.
        metrics: Target metrics wanted (e.g. ``"sales"``, ``"calls"``).

    Returns:
        Figures for the agent and for each active agent of the team (zeros for those without
        calls), and the agent's own targets covering ``day``.
    """
    with database.read() as conn:
        members = [] if team_id is None else _teammates(conn, team_id)
        if agent_id not in members:
            members.append(agent_id)
        return DaySnapshot(_figures(conn, members, start, end),
                           _targets(conn, agent_id, day, metrics))
