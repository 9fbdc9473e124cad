"""The dialing rules of call lists: each list's campaign rules and the zones open now.

The contact grants (:mod:`agentdesk.store.contact_queue`, ``sync.leases``) group lists that
dial by the same rules and read, per group, which of their contacts' time zones are inside
calling hours: a zone at a time from an index, judged in Python by
:mod:`agentdesk.domain.dialing`, so the grants' SQL is a plain ``IN`` list.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.dialing import (
    DEFAULT_TIME_ZONE,
    DialRules,
    calling_window,
    is_known_zone,
    open_zones,
)
from agentdesk.store.schema.catalogue import call_lists, campaigns


@dataclass(frozen=True, slots=True)
class ListRules:
    """Call lists whose campaigns dial by the same rules.

    Attributes:
        call_list_ids: The lists.
        rules: Their campaigns' attempts limit and calling hours.
    """

    call_list_ids: tuple[uuid.UUID, ...]
    rules: DialRules


def rules_query(call_list_ids: Sequence[uuid.UUID]) -> sa.Select[Any]:
    """Return the query of each list's campaign rules (list id, max attempts, hours)."""
    return (
        sa.select(call_lists.c.id, campaigns.c.max_attempts, campaigns.c.calling_from,
                  campaigns.c.calling_until)
        .join(campaigns, campaigns.c.id == call_lists.c.campaign_id)
        .where(call_lists.c.id.in_(list(call_list_ids)))
    )


def group_rules(rows: Iterable[Any]) -> list[ListRules]:
    """Group rows of :func:`rules_query` by their rules, in a stable order."""
    grouped: dict[DialRules, list[uuid.UUID]] = {}
    for row in rows:
        rules = DialRules(int(row.max_attempts),
                          calling_window(_as_time(row.calling_from), _as_time(row.calling_until)))
        grouped.setdefault(rules, []).append(row.id)
    return [ListRules(tuple(sorted(ids)), rules) for rules, ids in grouped.items()]


def list_rules(conn: Connection, call_list_ids: Sequence[uuid.UUID]) -> list[ListRules]:
    """Return the rules of ``call_list_ids`` grouped; unknown lists are left out."""
    if not call_list_ids:
        return []
    return group_rules(conn.execute(rules_query(call_list_ids)))


def _as_time(value: Any) -> time | None:
    if value is None or isinstance(value, time):
        return value
    if isinstance(value, timedelta):  # PyMySQL returns TIME columns as timedelta
        seconds = int(value.total_seconds())
        return time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
    return time.fromisoformat(str(value))


_ZONES = sa.text(
    "WITH RECURSIVE z(tz) AS ("
    "SELECT MIN(time_zone) FROM contacts WHERE call_list_id = :list "
    "UNION ALL "
    "SELECT (SELECT MIN(c.time_zone) FROM contacts c "
    "WHERE c.call_list_id = :list AND c.time_zone > z.tz) FROM z WHERE z.tz IS NOT NULL) "
    "SELECT tz FROM z WHERE tz IS NOT NULL"
).bindparams(sa.bindparam("list", type_=sa.Uuid())).columns(tz=sa.String())


def list_zones(conn: Connection, call_list_id: uuid.UUID) -> list[str]:
    """Return the distinct ``time_zone`` values of a list: one index seek per zone.

    A loose index scan on ``ix_contacts_call_list_zone``, in one statement on every backend.
    """
    return list(conn.execute(_ZONES, {"list": call_list_id}).scalars())


def zone_key(stored: str) -> str:
    """The zone SQL filters judge a stored ``time_zone`` by (blank or unknown: the center's)."""
    return stored if stored and is_known_zone(stored) else DEFAULT_TIME_ZONE


@dataclass(frozen=True, slots=True)
class ZoneFilter:
    """The lists of one rule group and the zones in which they may be called now.

    Attributes:
        lists: The group.
        zones: The stored ``time_zone`` values that are open; None when all of them are.
    """

    lists: ListRules
    zones: frozenset[str] | None


def zone_filters(conn: Connection, groups: Sequence[ListRules], now: datetime
                 ) -> list[ZoneFilter]:
    """Return each group's open zones at ``now``; groups with no open zone are left out."""
    filters: list[ZoneFilter] = []
    for group in groups:
        window = group.rules.window
        if window is None:
            filters.append(ZoneFilter(group, None))
            continue
        stored = {zone for list_id in group.call_list_ids for zone in list_zones(conn, list_id)}
        keys = {name: zone_key(name) for name in stored}
        opened = open_zones(window, set(keys.values()), now)
        allowed = frozenset(name for name, key in keys.items() if key in opened)
        if allowed == stored:
            filters.append(ZoneFilter(group, None))
        elif allowed:
            filters.append(ZoneFilter(group, allowed))
    return filters
