"""Signing in: argon2id passwords, lockout after repeated failures, roles."""

from __future__ import annotations

import re

from agentdesk.domain.auth import LockoutPolicy, password_problem
from agentdesk.domain.errors import AuthenticationError, ValidationError
from agentdesk.domain.people import Role, User
from agentdesk.domain.ports import Clock, LoginAttemptStore, UserRepository
from agentdesk.services.passwords import PasswordHasher

MAX_USERNAME = 64
_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class AuthService:
    """Checks who is at the keyboard.

    Failure messages never tell an unknown username from a wrong password. A lockout is kept
    per username on this workstation, and a locked account is refused without checking the
    password, so guessing does not continue during the lockout.

    Args:
        users: Where users and their hashes are.
        attempts: Where failed attempts are counted.
        hasher: argon2id hasher.
        clock: Source of the current time.
        policy: How many failures lock an account, for how long.
        rehash: Upgrade a hash made with weaker parameters on a successful sign-in. Only
            where the users table is owned (the server, the admin tool); on a workstation
            users are reference data, which it never writes.
    """

    def __init__(
        self,
        users: UserRepository,
        attempts: LoginAttemptStore,
        hasher: PasswordHasher,
        clock: Clock,
        policy: LockoutPolicy | None = None,
        *,
        rehash: bool = False,
    ) -> None:
        self._users = users
        self._attempts = attempts
        self._hasher = hasher
        self._clock = clock
        self.policy = policy or LockoutPolicy()
        self._rehash = rehash

    def sign_in(self, username: str, password: str) -> User:
        """Return the user whose credentials these are.

        Raises:
            AuthenticationError: with code ``wrong_credentials`` (and ``remaining`` tries),
                ``locked`` (with ``until``), ``disabled``, or ``no_users`` (a new workspace).
        """
        username = username.strip()
        if not username or len(username) > MAX_USERNAME:
            raise AuthenticationError("Wrong username or password", code="wrong_credentials",
                                      remaining=self.policy.max_failures)
        now = self._clock.now()
        attempts = self._attempts.get(username)
        if self.policy.is_locked(attempts, now):
            raise AuthenticationError(
                "Too many failed sign-ins; the account is locked for a while",
                code="locked", until=attempts.locked_until,
            )
        found = self._users.find_credentials(username)
        if found is None and not self._users.list_users():
            raise AuthenticationError(
                "This workspace has no users yet; add one with 'agentdesk-admin user add'",
                code="no_users",
            )
        if found is None or not self._hasher.verify(found[1], password):
            if found is None:
                # Spend the same time as a real check so names cannot be probed by timing.
                self._hasher.verify(_DUMMY_HASH, password)
            attempts = self.policy.after_failure(attempts, now)
            self._attempts.put(username, attempts)
            if attempts.locked_until is not None:
                raise AuthenticationError(
                    "Too many failed sign-ins; the account is locked for a while",
                    code="locked", until=attempts.locked_until,
                )
            raise AuthenticationError(
                "Wrong username or password", code="wrong_credentials",
                remaining=self.policy.remaining(attempts),
            )
        user, password_hash = found
        if not user.active:
            raise AuthenticationError("This account is disabled", code="disabled")
        self._attempts.put(username, type(attempts)())
        if self._rehash and self._hasher.needs_rehash(password_hash):
            self._users.set_password_hash(user.id, self._hasher.hash(password))
        return user

    def add_user(
        self, username: str, display_name: str, role: Role, password: str
    ) -> User:
        """Create a user with a new password.

        Raises:
            ValidationError: the username is empty, too long or taken, or the password is weak.
        """
        username = check_new_user(username, password)
        return self._users.add(username, display_name.strip() or username, role,
                               self._hasher.hash(password), None)


def check_new_user(username: str, password: str) -> str:
    """Return the cleaned username of a new user.

    Raises:
        ValidationError: the username is empty or not plain ASCII, or the password is weak.
    """
    problems: dict[str, str] = {}
    username = username.strip()
    if not username:
        problems["username"] = "required"
    elif not _USERNAME.fullmatch(username):
        # ASCII only: names compare case-insensitively in SQL on every backend.
        problems["username"] = "invalid"
    problem = password_problem(password)
    if problem:
        problems["password"] = problem
    if problems:
        raise ValidationError(problems)
    return username


_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$"
    "Nn0dXx5Yk4W8u0b3dJc8K5s3V6m1y9Y8oXcQ0gq2H5A"
)
