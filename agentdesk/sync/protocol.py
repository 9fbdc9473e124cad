"""What a workstation and the server exchange: mutations, their outcomes, pulled pages."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from agentdesk.domain.errors import KnownError

# The version of the exchange below. A server speaking protocol N accepts workstations that
# speak N and N-1; the server database records its version in sync_meta.
PROTOCOL_VERSION = 1


class Outcome(StrEnum):
    """What the server did with one mutation."""

    APPLIED = "applied"  # taken as written
    MERGED = "merged"  # taken field by field over newer server changes; see sync_conflicts
    REJECTED = "rejected"  # refused for good; the workstation keeps it in ``rejected``


@dataclass(frozen=True, slots=True)
class Mutation:
    """One queued change of one synced row, as the outbox holds it.

    Attributes:
        mutation_id: Unique per workstation; makes a replayed push a no-op.
        table_name: The synced table.
        row_id: The row's id.
        op: ``upsert`` or ``delete``.
        base_version: The version the writer started from; None for a new row.
        payload: JSON of the row as written.
        base_payload: JSON of the changed fields' values before the write, if known.
    """

    mutation_id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    op: str
    base_version: int | None
    payload: str
    base_payload: str | None = None


@dataclass(frozen=True, slots=True)
class MutationResult:
    """The server's answer for one mutation; the same answer every time it is asked."""

    mutation_id: uuid.UUID
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """Changed rows after a cursor, in change-sequence order.

    Attributes:
        rows: Per table, the rows as they are now on the server (synced columns only).
        cursor: The sequence number to ask after next time.
        more: True if more changes follow.
        resync: True if the cursor is older than the purged tombstones: the workstation
            must resynchronize everything.
    """

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    cursor: int = 0
    more: bool = False
    resync: bool = False

    @property
    def row_count(self) -> int:
        """Number of rows in the page."""
        return sum(len(rows) for rows in self.rows.values())


@dataclass(frozen=True, slots=True)
class Lease:
    """A contact granted to one agent until ``expires_at`` (server clock).

    Attributes:
        contact_id: The contact.
        token: Fencing token: grows with each grant of this contact.
        expires_at: End of the lease unless renewed.
    """

    contact_id: uuid.UUID
    token: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What the server told about itself in the handshake."""

    protocol: int
    schema_revision: str
    now: datetime


class ServerUnavailable(KnownError):
    """The server database cannot be reached now; the workstation works on and retries."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, code="server_unreachable", **params)


class ProtocolMismatch(KnownError):
    """The server and this workstation cannot sync: one of them must be upgraded."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, code="protocol_mismatch", **params)


def compatible(server_protocol: int, client_protocol: int = PROTOCOL_VERSION) -> bool:
    """Return True if a server at ``server_protocol`` accepts a workstation's protocol."""
    return server_protocol - 1 <= client_protocol <= server_protocol
