"""Turn database driver failures into :class:`StorageError` with a code the UI can explain."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy.exc

from agentdesk.domain.errors import StorageError

# Primary SQLite result codes (https://sqlite.org/rescode.html).
_SQLITE_CODES = {
    5: ("busy", "The database is busy in another program"),
    6: ("busy", "The database is locked by another program"),
    8: ("read_only", "The database file is read-only"),
    10: ("io_error", "The disk could not be read or written"),
    11: ("corrupt", "The database file is damaged"),
    13: ("disk_full", "The disk is full"),
    14: ("cannot_open", "The database file cannot be opened"),
    26: ("corrupt", "The file is not an AgentDesk database"),
}


def storage_error_for(exc: BaseException, path: Path | None) -> StorageError | None:
    """Return the StorageError that explains ``exc``, or None if it is not a storage failure."""
    orig = exc.orig if isinstance(exc, sqlalchemy.exc.DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    known = _SQLITE_CODES.get(code & 0xFF)
    if known is None:
        return None
    kind, text = known
    where = f" ({path})" if path else ""
    return StorageError(f"{text}{where}: {orig}", code=kind, path=str(path or ""))


@contextlib.contextmanager
def storage_errors(path: Path | None) -> Iterator[None]:
    """Re-raise SQLite storage failures inside the block as :class:`StorageError`."""
    try:
        yield
    except (sqlalchemy.exc.DBAPIError, sqlite3.Error) as exc:
        error = storage_error_for(exc, path)
        if error is None:
            raise
        raise error from exc
