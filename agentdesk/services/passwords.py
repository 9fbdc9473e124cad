"""Password hashing with argon2id (argon2-cffi), tuned for a sign-in dialog."""

from __future__ import annotations

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class PasswordHasher:
    """Hashes and checks passwords with argon2id.

    Args:
        time_cost: argon2 iterations.
        memory_cost: argon2 memory in KiB.
    """

    def __init__(self, time_cost: int = 3, memory_cost: int = 64 * 1024) -> None:
        self._hasher = argon2.PasswordHasher(
            time_cost=time_cost, memory_cost=memory_cost, parallelism=1,
            type=argon2.Type.ID,
        )

    def hash(self, password: str) -> str:
        """Return the encoded argon2id hash of ``password``."""
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """Return True if ``password`` matches ``password_hash``; a malformed hash never matches."""
        try:
            return self._hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """Return True if ``password_hash`` was made with weaker parameters than today's."""
        try:
            return self._hasher.check_needs_rehash(password_hash)
        except InvalidHashError:
            return True


def fast_hasher() -> PasswordHasher:
    """Return a cheap hasher for generated demo users and tests (still argon2id)."""
    return PasswordHasher(time_cost=1, memory_cost=8 * 1024)
