"""Create and upgrade AgentDesk databases (local and server) with Alembic."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from agentdesk.store.database import Database
from agentdesk.store.errors import storage_errors


def alembic_config() -> Config:
    """Return the Alembic configuration of AgentDesk's migration history."""
    config = Config()
    config.set_main_option("script_location", "agentdesk.store:migrations")
    return config


def head_revision() -> str:
    """Return the newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the revision a database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision``, keeping all its data."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def upgrade_local(database: Database, revision: str = "head") -> None:
    """Upgrade a workstation database inside one IMMEDIATE transaction."""
    with storage_errors(database.path):
        upgrade(database.engine.execution_options(agentdesk_write=True), revision)
