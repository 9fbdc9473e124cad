"""Alembic environment: runs migrations on the connection AgentDesk hands over."""

from __future__ import annotations

from alembic import context

from agentdesk.store.migrate import include_object
from agentdesk.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the alembic command line gets here
    raise RuntimeError("Run migrations through agentdesk.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
