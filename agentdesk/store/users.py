"""Users and failed sign-in attempts on the workstation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Row

from agentdesk.domain.auth import LoginAttempts
from agentdesk.domain.errors import NotFoundError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import Role, User
from agentdesk.domain.ports import Clock
from agentdesk.store.database import Database
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.local import login_attempts
from agentdesk.store.schema.people import users


def _user(row: Row[Any]) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        team_id=row.team_id,
        active=row.active,
        locale=row.locale,
    )


class SqlUserRepository:
    """Implements :class:`agentdesk.domain.ports.UserRepository` on a database.

    Args:
        database: The workstation (or embedded server) database.
        clock: Source of ``updated_at``.
    """

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def find_credentials(self, username: str) -> tuple[User, str] | None:
        """Return the user called ``username`` (case-insensitive) and their password hash."""
        with self._db.read() as conn:
            row = conn.execute(
                sa.select(users).where(
                    sa.func.lower(users.c.username) == username.strip().lower(),
                    users.c.deleted_at.is_(None),
                )
            ).first()
        return None if row is None else (_user(row), row.password_hash)

    def get(self, user_id: uuid.UUID) -> User:
        """Return one user.

        Raises:
            NotFoundError: no such user.
        """
        with self._db.read() as conn:
            row = conn.execute(sa.select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise NotFoundError(f"No user {user_id}", id=str(user_id))
        return _user(row)

    def list_users(self) -> Sequence[User]:
        """Return every user that is not deleted, by username."""
        with self._db.read() as conn:
            rows = conn.execute(
                sa.select(users).where(users.c.deleted_at.is_(None)).order_by(users.c.username)
            )
            return [_user(r) for r in rows]

    def add(
        self,
        username: str,
        display_name: str,
        role: Role,
        password_hash: str,
        team_id: uuid.UUID | None,
    ) -> User:
        """Create a user.

        Raises:
            ValidationError: the username is taken.
        """
        now = self._clock.now()
        with self._db.write() as conn:
            taken = conn.execute(
                sa.select(users.c.id).where(sa.func.lower(users.c.username) == username.lower())
            ).first()
            if taken is not None:
                raise ValidationError({"username": "taken"})
            user_id = new_id()
            row = {
                "id": user_id, "site": "default", "version": 1, "updated_at": now,
                "deleted_at": None, "username": username, "display_name": display_name,
                "role": role.value, "team_id": team_id, "password_hash": password_hash,
                "active": True, "locale": "",
            }
            conn.execute(users.insert().values(row))
            queue_mutation(conn, users, row, base_version=None, now=now)
        return User(
            id=user_id, username=username, display_name=display_name, role=role,
            team_id=team_id,
        )

    def set_password_hash(self, user_id: uuid.UUID, password_hash: str) -> None:
        """Replace a user's password hash and queue the change."""
        now = self._clock.now()
        with self._db.write() as conn:
            current = conn.execute(sa.select(users).where(users.c.id == user_id)).first()
            if current is None:
                raise NotFoundError(f"No user {user_id}", id=str(user_id))
            row = {**current._asdict(), "password_hash": password_hash,
                   "version": current.version + 1, "updated_at": now}
            conn.execute(users.update().where(users.c.id == user_id).values(row))
            queue_mutation(conn, users, row, base_version=current.version, now=now)


class SqlLoginAttemptStore:
    """Implements :class:`agentdesk.domain.ports.LoginAttemptStore` (local table, never synced)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, username: str) -> LoginAttempts:
        """Return the failures recorded for ``username``."""
        with self._db.read() as conn:
            row = conn.execute(
                sa.select(login_attempts).where(login_attempts.c.username == username.lower())
            ).first()
        if row is None:
            return LoginAttempts()
        return LoginAttempts(failures=row.failures, locked_until=row.locked_until)

    def put(self, username: str, attempts: LoginAttempts) -> None:
        """Record the failures for ``username``; a clean slate deletes the row."""
        key = username.lower()
        with self._db.write() as conn:
            conn.execute(login_attempts.delete().where(login_attempts.c.username == key))
            if attempts.failures or attempts.locked_until is not None:
                conn.execute(
                    login_attempts.insert().values(
                        username=key,
                        failures=attempts.failures,
                        locked_until=attempts.locked_until,
                    )
                )
