"""Sign-in rules: lockout after repeated failures, and password policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class LoginAttempts:
    """Failed sign-ins of one username since its last success.

    Attributes:
        failures: Consecutive failures.
        locked_until: While in the future, sign-in is refused without checking the password.
    """

    failures: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """How many failures lock an account, and for how long.

    Attributes:
        max_failures: Consecutive failures that start a lockout.
        lockout: How long a lockout lasts.
    """

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)

    def is_locked(self, attempts: LoginAttempts, now: datetime) -> bool:
        """Return True while ``attempts`` forbids another try at ``now``."""
        return attempts.locked_until is not None and now < attempts.locked_until

    def after_failure(self, attempts: LoginAttempts, now: datetime) -> LoginAttempts:
        """Return the attempts after one more failure; the last allowed one starts a lockout."""
        failures = attempts.failures + 1
        if failures >= self.max_failures:
            return LoginAttempts(failures=0, locked_until=now + self.lockout)
        return LoginAttempts(failures=failures, locked_until=None)

    def remaining(self, attempts: LoginAttempts) -> int:
        """Return how many more failures are allowed before a lockout."""
        return max(self.max_failures - attempts.failures, 0)


MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024


def password_problem(password: str) -> str | None:
    """Return why ``password`` is unacceptable as a new password, or None if it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too_short"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "too_long"
    if password.strip() != password:
        return "surrounding_spaces"
    return None
