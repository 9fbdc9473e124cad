"""Rows as JSON and back, checked column by column against the table they claim to be for.

A payload comes from another machine; anything that is not exactly a row of its table is
refused with a reason a person can read, never half-applied.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import sqlalchemy as sa

from agentdesk.store.schema import metadata
from agentdesk.store.schema.base import SYNCED_TABLES, Money, UTCDateTime, synced_columns

MAX_PAYLOAD = 1_000_000  # characters; no synced row comes close


class BadPayload(ValueError):
    """A payload that is not a valid row of its table; the message says why."""


Decoder = Callable[[Any], Any]


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise TypeError
    return uuid.UUID(value)


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("timestamp without a time zone")
    parsed.astimezone(UTC)  # stored as UTC: an instant before year 1 raises OverflowError
    return parsed


def _date(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError
    return date.fromisoformat(value)


def _time(value: Any) -> time:
    if not isinstance(value, str):
        raise TypeError
    return time.fromisoformat(value)


def _money(value: Any) -> Decimal:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise TypeError
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError("not an amount") from None
    # adjusted(), unlike abs(), cannot overflow the decimal context on a huge exponent
    if not amount.is_finite() or (amount and amount.adjusted() >= 15):
        raise ValueError("amount out of range")
    return amount


def _integer(bits: int) -> Decoder:
    limit = 2 ** (bits - 1)

    def decode(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError
        if not -limit <= value < limit:
            raise ValueError("number out of range")
        return value

    return decode


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _string(length: int | None) -> Decoder:
    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError
        if length is not None and len(value) > length:
            raise ValueError(f"longer than {length} characters")
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        try:
            value.encode("utf-8")  # lone surrogates: no database can store them
        except UnicodeEncodeError:
            raise ValueError("not valid Unicode text") from None
        return value

    return decode


def _decoder(column: sa.Column[Any]) -> Decoder:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _timestamp
    if isinstance(kind, Money):
        return _money
    if isinstance(kind, sa.Uuid):
        return _uuid
    if isinstance(kind, sa.Boolean):
        return _boolean
    if isinstance(kind, sa.BigInteger):
        return _integer(64)
    if isinstance(kind, sa.Integer):
        return _integer(32)
    if isinstance(kind, sa.Date):
        return _date
    if isinstance(kind, sa.Time):
        return _time
    if isinstance(kind, sa.String):  # Text is a String without a length
        return _string(kind.length)
    raise TypeError(f"no sync decoder for {column.table.name}.{column.name}: {kind!r}")


@cache
def _columns(table_name: str) -> tuple[dict[str, Decoder], frozenset[str], frozenset[str]]:
    """Return the decoders, the required and the skipped (unsynced) columns of a table."""
    table = metadata.tables[table_name]
    synced = synced_columns(table)
    decoders = {column.name: _decoder(column) for column in synced}
    required = frozenset(c.name for c in synced if not c.nullable)
    skipped = frozenset(c.name for c in table.columns) - decoders.keys()
    return decoders, required, skipped


def synced_table_names() -> list[str]:
    """Return the synced tables, parents before children (foreign-key order)."""
    return [t.name for t in metadata.sorted_tables if t.name in SYNCED_TABLES]


def decode_row(table_name: str, payload: str) -> dict[str, Any]:
    """Return the row that ``payload`` (JSON) describes, with Python values.

    Columns a workstation keeps for itself (``synced: False``) are ignored.

    Raises:
        BadPayload: unknown table, not JSON, an unknown or missing column, a wrong type,
            a value too long or out of range.
    """
    if table_name not in SYNCED_TABLES:
        raise BadPayload(f"unknown table {table_name[:64]!r}")
    if len(payload) > MAX_PAYLOAD:
        raise BadPayload(f"row of {len(payload)} characters is too large")
    try:
        raw = json.loads(payload)
    except (ValueError, RecursionError) as exc:
        raise BadPayload(f"not JSON: {str(exc)[:100]}") from None
    if not isinstance(raw, dict):
        raise BadPayload("not a JSON object")
    return decode_values(table_name, raw)


def decode_values(table_name: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Check and convert the JSON values of one row; see :func:`decode_row`."""
    decoders, required, skipped = _columns(table_name)
    unknown = sorted(set(raw) - decoders.keys() - skipped)
    if unknown:
        raise BadPayload(f"unknown column {unknown[0][:64]!r} in {table_name}")
    missing = sorted(name for name in required if raw.get(name) is None)
    if missing:
        raise BadPayload(f"{table_name}.{missing[0]} is missing")
    row: dict[str, Any] = {}
    for name, decode in decoders.items():
        value = raw.get(name)
        if value is None:
            row[name] = None
            continue
        try:
            row[name] = decode(value)
        except (TypeError, ValueError, InvalidOperation, OverflowError) as exc:
            detail = str(exc)[:100] if str(exc) else f"not a valid {name}"
            raise BadPayload(f"{table_name}.{name}: {detail}") from None
    if row["version"] < 1:
        raise BadPayload(f"{table_name}.version must be positive")
    return row


def decode_partial(table_name: str, payload: str | None) -> dict[str, Any] | None:
    """Decode a base payload: some columns of a row (the changed ones) before the write."""
    if payload is None:
        return None
    decoders, _required, _skipped = _columns(table_name)
    try:
        raw = json.loads(payload)
    except (ValueError, RecursionError):
        raise BadPayload("base values are not JSON") from None
    if not isinstance(raw, dict):
        raise BadPayload("base values are not a JSON object")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        decode = decoders.get(name)
        if decode is None:
            raise BadPayload(f"unknown column {str(name)[:64]!r} in base values")
        try:
            values[name] = None if value is None else decode(value)
        except (TypeError, ValueError, InvalidOperation, OverflowError):
            raise BadPayload(f"base value of {table_name}.{name} is not valid") from None
    return values
