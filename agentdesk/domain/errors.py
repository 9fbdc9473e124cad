"""Errors the user can understand and recover from, as opposed to bugs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class KnownError(Exception):
    """A failure with a clear cause that the user can act on; the program keeps working.

    The UI shows ``code`` through its translated message catalogue; ``params`` fill the
    placeholders. ``str(error)`` is the English fallback for logs and the admin CLI.

    Attributes:
        code: Stable identifier of the failure, e.g. ``"disk_full"``.
        params: Values for the message placeholders.
    """

    code: str = "known_error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: Mapping[str, Any] = params


class ValidationError(KnownError):
    """Input that breaks a rule; ``problems`` maps each field to its problem codes."""

    code = "invalid_input"

    def __init__(self, problems: Mapping[str, str]) -> None:
        fields = ", ".join(f"{field}: {problem}" for field, problem in problems.items())
        super().__init__(f"Invalid input ({fields})")
        self.problems: dict[str, str] = dict(problems)


class NotFoundError(KnownError):
    """A record that was asked for by id does not exist (or was deleted)."""

    code = "not_found"


class StaleRecordError(KnownError):
    """The record changed since it was read; reload it before editing again."""

    code = "stale_record"


class StorageError(KnownError):
    """The local database cannot be used: disk full, read-only, corrupt, locked."""

    code = "storage"


class AuthenticationError(KnownError):
    """Sign-in refused: unknown user, wrong password, disabled account or lockout."""

    code = "auth_failed"
