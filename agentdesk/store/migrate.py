"""Create and upgrade AgentDesk databases (local and server) with Alembic."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from agentdesk.store.database import Database
from agentdesk.store.errors import storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions; a test keeps it equal to Alembic's own answer.
# Knowing it lets a workstation that is already up to date start without loading Alembic.
HEAD_REVISION = "0008"


def alembic_config() -> Config:
    """Return the Alembic configuration of AgentDesk's migration history."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "agentdesk.store:migrations")
    return config


def head_revision() -> str:
    """Return the newest migration's revision id, as Alembic reads the history."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the revision a database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# Indexes that migrations create on one backend only, in SQL the MetaData cannot express
# portably; schema comparisons leave them out.
BACKEND_ONLY_INDEXES = frozenset({"ix_contacts_lease_order"})


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """Alembic filter: everything but :data:`BACKEND_ONLY_INDEXES`."""
    return not (type_ == "index" and name in BACKEND_ONLY_INDEXES)


SERVER = "server"
WORKSTATION = "workstation"


def upgrade(engine: Engine, revision: str = "head", *, role: str = SERVER) -> None:
    """Bring the database behind ``engine`` to ``revision``, keeping all its data.

    Args:
        engine: The database.
        revision: Target revision.
        role: ``server`` or ``workstation``; a few steps (logging existing rows for sync)
            only concern a server database.
    """
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        config.attributes["role"] = role
        command.upgrade(config, revision)


def _stored_revision(database: Database) -> str | None:
    with database.read() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_local(database: Database, revision: str = "head", *, role: str = WORKSTATION) -> None:
    """Upgrade a SQLite database inside one IMMEDIATE transaction (if it needs it).

    ``role`` is ``server`` for a SQLite file that serves as the server database.
    """
    with storage_errors(database.path):
        if revision == "head" and _stored_revision(database) == HEAD_REVISION:
            return
        upgrade(database.engine.execution_options(agentdesk_write=True), revision, role=role)
