"""All tables of AgentDesk, local and server, in one :data:`metadata`."""

from agentdesk.store.schema import (
    catalogue,
    contacts,
    knowledge,
    local,
    orders,
    people,
    sync,
    work,
)
from agentdesk.store.schema.base import SYNCED_TABLES, TableKind, metadata

__all__ = [
    "SYNCED_TABLES",
    "TableKind",
    "catalogue",
    "contacts",
    "knowledge",
    "local",
    "metadata",
    "orders",
    "people",
    "sync",
    "work",
]
