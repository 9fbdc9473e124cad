"""Users are reference data: they are added on the server and reach workstations by pull."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.people import users
from agentdesk.sync.connection import retrying
from agentdesk.sync.server import ServerStore, server_now


def add_server_user(
    server: ServerStore,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    site: str = DEFAULT_SITE,
) -> uuid.UUID:
    """Add a user on the server database and log it, so every workstation pulls it.

    Raises:
        ValidationError: the username is taken (case-insensitively).
    """
    def work() -> uuid.UUID:
        with server.engine.begin() as conn:
            taken = conn.execute(sa.select(users.c.id).where(
                sa.func.lower(users.c.username) == username.lower())).first()
            if taken is not None:
                raise ValidationError({"username": "taken"})
            now = server_now(conn)
            user_id = new_id()
            conn.execute(users.insert().values(
                id=user_id, site=site, version=1, updated_at=now, deleted_at=None,
                username=username, display_name=display_name, role=role, team_id=None,
                password_hash=password_hash, active=True, locale=""))
            server.log_rows(conn, [(site, "users", user_id)])
            return user_id

    return retrying(work)
