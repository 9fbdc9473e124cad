"""Row identifiers: time-ordered UUIDv7, generated on the workstation that creates the row."""

from __future__ import annotations

import uuid

try:  # Python 3.14 ships uuid7 in the standard library.
    from uuid import uuid7 as _uuid7  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - depends on the interpreter
    from uuid6 import uuid7 as _uuid7


def new_id() -> uuid.UUID:
    """Return a new UUIDv7: unique without coordination and sortable by creation time."""
    value = _uuid7()
    return uuid.UUID(bytes=value.bytes)
