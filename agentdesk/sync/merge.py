"""How the server folds one mutation into the row it holds: the conflict rules, as pure code.

- Reference data is server-owned: a workstation's change to it is refused.
- Facts (calls, orders, state events...) have one writer: the higher version wins, a replay
  or an older version changes nothing.
- Shared records (customers, contacts, callbacks, cases) merge field by field in the order the
  server receives the changes. A field the workstation changed since its base is taken; if the
  server's value of that field also moved since the base, the newer write still wins and the
  overwritten value goes to the conflict log. Client clocks order nothing. Every accepted
  change of an existing shared row gives it a new version, even one that changes no value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agentdesk.store.outbox import ROW_META
from agentdesk.store.schema.base import TableKind
from agentdesk.sync.protocol import Outcome


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field both sides changed since the workstation's base; ``kept`` won."""

    field: str
    kept: Any
    lost: Any


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The row to store (None: leave the server row as it is) and what happened."""

    row: dict[str, Any] | None
    outcome: Outcome
    reason: str = ""
    conflicts: tuple[FieldConflict, ...] = field(default_factory=tuple)


def merge(
    kind: TableKind,
    current: Mapping[str, Any] | None,
    incoming: Mapping[str, Any],
    *,
    op: str,
    base_version: int | None,
    base_values: Mapping[str, Any] | None,
    now: datetime,
) -> MergeResult:
    """Decide what the server stores for one mutation.

    Args:
        kind: How the table's rows are owned.
        current: The server's row, None if it has none.
        incoming: The row as the workstation wrote it (decoded).
        op: ``upsert`` or ``delete``.
        base_version: The version the workstation started from (None for a new row).
        base_values: The changed fields' values before the write, if the workstation sent
            them; without them every field that differs from the server counts as changed.
        now: Server time, stamped on merged rows.
    """
    if kind is TableKind.REFERENCE:
        return MergeResult(None, Outcome.REJECTED, "reference data is read-only on workstations")
    if op not in ("upsert", "delete"):
        return MergeResult(None, Outcome.REJECTED, f"unknown operation {op[:16]!r}")
    if current is None:
        return MergeResult(dict(incoming), Outcome.APPLIED)
    if current["site"] != incoming["site"]:
        return MergeResult(None, Outcome.REJECTED, "the row belongs to another site")
    if kind is TableKind.FACT:
        if incoming["version"] > current["version"]:
            return MergeResult(dict(incoming), Outcome.APPLIED)
        return MergeResult(None, Outcome.APPLIED)  # a replay or an older correction
    return _merge_shared(current, incoming, op=op, base_version=base_version,
                         base_values=base_values, now=now)


def _merge_shared(
    current: Mapping[str, Any],
    incoming: Mapping[str, Any],
    *,
    op: str,
    base_version: int | None,
    base_values: Mapping[str, Any] | None,
    now: datetime,
) -> MergeResult:
    fields = [name for name in incoming if name not in ROW_META]
    # A version number alone does not prove that both sides hold the same row (the writer's
    # copy counts its own versions), so with the changed fields known they decide.
    if base_values is None and base_version is not None and base_version == current["version"]:
        changed = {name: incoming[name] for name in fields if incoming[name] != current[name]}
        return MergeResult(_stamped(current, changed, now), Outcome.APPLIED)
    if base_values is None:  # no base known: every difference is a change made blind
        touched = {name: None for name in fields if incoming[name] != current[name]}
        base = touched  # compare against an unknown base: all of them conflict
        blind = True
    else:
        touched = {name: None for name in base_values if name in incoming}
        base = dict(base_values)
        blind = False
    if op == "delete" and "deleted_at" not in touched:
        touched["deleted_at"] = None
        base.setdefault("deleted_at", None)
    taken: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in touched:
        mine, theirs = incoming[name], current[name]
        if mine == theirs:
            continue
        if not blind and theirs == base.get(name):
            taken[name] = mine  # the server did not touch it since the base
            continue
        if name == "deleted_at" and theirs is not None:
            # Deleted on the server: the tombstone stays, the edit is logged.
            conflicts.append(FieldConflict(name, theirs, mine))
            continue
        taken[name] = mine
        conflicts.append(FieldConflict(name, mine, theirs))
    if (not blind and touched and "deleted_at" not in touched
            and current["deleted_at"] is not None and incoming["deleted_at"] is None):
        # Edited here, deleted on the server: the tombstone stays, the edit is logged.
        conflicts.append(FieldConflict("deleted_at", current["deleted_at"], None))
    # Even when nothing is taken the row gets a new version: the writer's copy counted one,
    # and the server's row must be at least as new to replace it on the writer's next pull.
    return MergeResult(_stamped(current, taken, now),
                       Outcome.MERGED if conflicts else Outcome.APPLIED,
                       conflicts=tuple(conflicts))


def _stamped(
    current: Mapping[str, Any], changes: Mapping[str, Any], now: datetime
) -> dict[str, Any]:
    row = {**current, **changes}
    row["version"] = int(current["version"]) + 1
    row["updated_at"] = now
    return row
